"""`mamori gateway accounts add|list|disable`: the SMTP AUTH accounts of the gateway (``mamori.store.smtp_accounts``).

An account is for a sender without a fixed address (a branch office's server, a printer that scans to mail, a
script), not a person: its password is generated and printed once, and it may use only the envelope senders given
with ``--sender``. Making and disabling one is written to the audit log as ``cli:<login name>``.
"""

from __future__ import annotations

import json
import sys

import click

from mamori.store.command import cli_actor, open_store, store_options


@click.group("accounts")
def accounts_group() -> None:
    """SMTP AUTH accounts ([gateway] auth): for senders without a fixed address, not for people."""


def _fail(exc: Exception) -> None:
    click.echo(f"mamori gateway accounts: {exc} / {getattr(exc, 'message_ja', '')}", err=True)
    sys.exit(1)


@accounts_group.command("add")
@store_options
@click.argument("name")
@click.option("--sender", "senders", multiple=True, metavar="ADDR",
              help="An envelope sender it may use: user@domain, or @domain for any address there (repeatable). "
                   "Default: NAME, when NAME is an address.")
def accounts_add(db_url, config, name, senders) -> None:
    """Make account NAME (its AUTH login) and print its generated password, once."""
    from mamori.store.smtp_accounts import SmtpAccountError, create_account

    db = open_store(config, db_url, "gateway accounts")
    try:
        info, password = create_account(db, name, list(senders), actor=cli_actor())
    except SmtpAccountError as exc:
        _fail(exc)
        return
    finally:
        db.dispose()
    click.echo(f"SMTP account {info.name} may send as {', '.join(info.senders)}", err=True)
    click.echo("password (shown only now; store it in the device) / パスワード（表示はこの一度だけです）:", err=True)
    click.echo(password)


@accounts_group.command("list")
@store_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def accounts_list(db_url, config, as_json) -> None:
    """The accounts: name, state, senders, last login (never a password or its hash)."""
    from mamori.store.smtp_accounts import list_accounts

    db = open_store(config, db_url, "gateway accounts")
    try:
        accounts = list_accounts(db)
    finally:
        db.dispose()
    for a in accounts:
        used = a.last_used_at.isoformat() if a.last_used_at else ""
        if as_json:
            click.echo(json.dumps({"name": a.name, "active": a.active, "senders": list(a.senders),
                                   "created_at": a.created_at.isoformat(), "created_by": a.created_by,
                                   "last_used_at": used or None}, ensure_ascii=False))
        else:
            state = "active" if a.active else "disabled"
            click.echo(f"{a.name}  {state:<8}  {','.join(a.senders)}  {used or '-'}")


@accounts_group.command("disable")
@store_options
@click.argument("name")
def accounts_disable(db_url, config, name) -> None:
    """Disable account NAME: its next AUTH is refused (535). Accounts are never deleted or renamed."""
    from mamori.store.smtp_accounts import SmtpAccountError, disable_account

    db = open_store(config, db_url, "gateway accounts")
    try:
        info = disable_account(db, name, actor=cli_actor())
    except SmtpAccountError as exc:
        _fail(exc)
        return
    finally:
        db.dispose()
    click.echo(f"{info.name} disabled")
