"""``mamori users ...``: add and list the web app's accounts from the command line.

The database is ``--db URL``, else ``[store] url`` of ``--config`` (default ``mamori.toml`` when it exists),
else the embedded default ``DATA_DIR/mamori.db``. The database is migrated first.
"""

from __future__ import annotations

import sys

import click

from mamori.store.command import open_store, store_options


@click.group("users")
def users() -> None:
    """Accounts of the web app (sender, approver, officer)."""


@users.command("add")
@click.argument("login")
@click.option("--role", type=click.Choice(["sender", "approver", "officer"]), default="sender", show_default=True)
@click.option("--group", default="", help="the group whose approvers approve this user's held mail")
@click.option("--name", "display_name", default="", help="display name")
@click.option("--password", default=None, help="the password (default: generate one and print it once)")
@click.option("--sso-only", is_flag=True, help="no password: the user logs in through the SSO proxy only")
@store_options
def users_add(
    login: str, role: str, group: str, display_name: str, password: str | None, sso_only: bool,
    config: str | None, db_url: str | None,
) -> None:
    """Add a user; prints the generated password (shown only once)."""
    from mamori.web.accounts import AccountError, create_user, generate_password

    db = open_store(config, db_url, "users")
    generated = password is None and not sso_only
    if generated:
        password = generate_password()
    try:
        account = create_user(db, login, role=role, group=group, display_name=display_name,
                              password=None if sso_only else password, actor="cli")
    except AccountError as exc:
        click.echo(f"mamori users add: {exc}", err=True)
        sys.exit(1)
    click.echo(f"added {account.login} ({account.role}{', group ' + account.group if account.group else ''})")
    if generated:
        click.echo(f"password: {password}")


@users.command("list")
@store_options
def users_list(config: str | None, db_url: str | None) -> None:
    """One line per user: login, role, group, active, display name."""
    from mamori.web.accounts import list_users

    for u in list_users(open_store(config, db_url, "users")):
        state = "active" if u.active else "disabled"
        click.echo(f"{u.login}\t{u.role}\t{u.group or '-'}\t{state}\t{u.display_name}")


@users.command("password")
@click.argument("login")
@click.option("--password", default=None, help="the new password (default: generate one and print it)")
@store_options
def users_password(login: str, password: str | None, config: str | None, db_url: str | None) -> None:
    """Reset a user's password (ends their sessions)."""
    from mamori.web.accounts import AccountError, set_password

    try:
        new = set_password(open_store(config, db_url, "users"), login, password, actor="cli")
    except AccountError as exc:
        click.echo(f"mamori users password: {exc}", err=True)
        sys.exit(1)
    if password is None:
        click.echo(f"password: {new}")
