"""``mamori tokens create NAME | list | revoke NAME``: API tokens of the check API, one per integration.

The database is found as for ``mamori users``: ``--db URL``, else ``[store]`` of ``--config`` (default
``mamori.toml`` when it exists), else ``var/mamori.db``; it is migrated first. The token is printed once, on
create; only its SHA-256 is stored.
"""

from __future__ import annotations

import getpass
import json
import sys

import click

from mamori.store import Database, StoreError

_config = click.option("--config", "config", type=click.Path(dir_okay=False), help="mamori.toml ([store] url)")
_db = click.option("--db", "db_url", help="database URL (overrides the config)")


def _open(config: str | None, db_url: str | None) -> Database:
    from mamori.web.cli import store_url

    try:
        db = Database(store_url(config, db_url))
        db.migrate()
    except StoreError as exc:
        click.echo(f"mamori tokens: {exc}", err=True)
        sys.exit(2)
    return db


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


@click.group("tokens")
def tokens() -> None:
    """API tokens for the check API (POST /api/v1/check), one per integration."""


@tokens.command("create")
@click.argument("name")
@_config
@_db
def create(name: str, config: str | None, db_url: str | None) -> None:
    """Create a token for integration NAME and print it (only this once)."""
    from mamori.store.api_tokens import TokenError, create_token

    db = _open(config, db_url)
    try:
        _info, token = create_token(db, name, _actor())
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
@_config
@_db
def list_command(as_json: bool, config: str | None, db_url: str | None) -> None:
    """List tokens (names and dates; never the tokens)."""
    from mamori.store.api_tokens import list_tokens

    db = _open(config, db_url)
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
@_config
@_db
def revoke(name: str, config: str | None, db_url: str | None) -> None:
    """Revoke the active token of integration NAME (its requests get 401 from now on)."""
    from mamori.store.api_tokens import TokenError, revoke_token

    db = _open(config, db_url)
    try:
        revoke_token(db, name, _actor())
    except TokenError as exc:
        click.echo(f"mamori tokens: {exc}", err=True)
        sys.exit(1)
    finally:
        db.dispose()
    click.echo(f"revoked {name}")
