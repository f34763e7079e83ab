"""``mamori tokens create NAME | list | revoke NAME``: API tokens of the check API, one per integration.

The database is found as for ``mamori users``: ``--db URL``, else ``[store]`` of ``--config`` (default
``mamori.toml`` when it exists), else ``var/mamori.db``; it is migrated first. The token is printed once, on
create; only its SHA-256 is stored.
"""

from __future__ import annotations

import json
import sys

import click

from mamori.store.command import cli_actor, open_store, store_options


@click.group("tokens")
def tokens() -> None:
    """API tokens for the check API (POST /api/v1/check), one per integration."""


@tokens.command("create")
@click.argument("name")
@store_options
def create(name: str, config: str | None, db_url: str | None) -> None:
    """Create a token for integration NAME and print it (only this once)."""
    from mamori.store.api_tokens import TokenError, create_token

    db = open_store(config, db_url, "tokens")
    try:
        _info, token = create_token(db, name, cli_actor())
    except TokenError as exc:
        click.echo(f"mamori tokens: {exc}", err=True)
        sys.exit(1)
    finally:
        db.dispose()
    click.echo(token)
    click.echo(
        f"token for {name!r}: shown once, keep it in the integration's secret store "
        "(Authorization: Bearer <token>)",
        err=True,
    )


@tokens.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per token.")
@store_options
def list_command(as_json: bool, config: str | None, db_url: str | None) -> None:
    """List tokens (names and dates; never the tokens)."""
    from mamori.store.api_tokens import list_tokens

    db = open_store(config, db_url, "tokens")
    rows = list_tokens(db)
    db.dispose()

    def when(d) -> str:  # type: ignore[no-untyped-def]
        return d.isoformat(timespec="seconds") if d else ""

    for t in rows:
        item = {
            "name": t.name,
            "active": t.active,
            "created_at": when(t.created_at),
            "created_by": t.created_by,
            "last_used_at": when(t.last_used_at),
            "revoked_at": when(t.revoked_at),
        }
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            state = "active" if t.active else f"revoked {item['revoked_at']}"
            click.echo(f"{t.name}\t{state}\tcreated {item['created_at']}\tlast used {item['last_used_at'] or '-'}")


@tokens.command("revoke")
@click.argument("name")
@store_options
def revoke(name: str, config: str | None, db_url: str | None) -> None:
    """Revoke the active token of integration NAME (its requests get 401 from now on)."""
    from mamori.store.api_tokens import TokenError, revoke_token

    db = open_store(config, db_url, "tokens")
    try:
        revoke_token(db, name, cli_actor())
    except TokenError as exc:
        click.echo(f"mamori tokens: {exc}", err=True)
        sys.exit(1)
    finally:
        db.dispose()
    click.echo(f"revoked {name}")
