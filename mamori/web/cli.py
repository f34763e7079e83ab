"""``mamori users ...``: add, list, import, invite, disable and sync the web app's accounts from the command line.

The database is ``--db URL``, else ``[store] url`` of ``--config`` (default ``mamori.toml`` when it exists),
else the embedded default ``DATA_DIR/mamori.db``. The database is migrated first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from mamori.store.command import cli_actor, open_store, store_options


@click.group("users")
def users() -> None:
    """Accounts of the web app (sender, approver, officer, admin)."""


@users.command("add")
@click.argument("login")
@click.option("--role", type=click.Choice(["sender", "approver", "officer", "admin"]), default="sender",
              show_default=True)
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


def _lang() -> str:
    """Japanese when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def _fail(command: str, exc: Exception) -> None:
    message = getattr(exc, "message_ja", None) if _lang() == "ja" else None
    click.echo(f"mamori users {command}: {message or exc}", err=True)
    sys.exit(1)


def _set_active(login: str, active: bool, config: str | None, db_url: str | None) -> None:
    from mamori.web.accounts import AccountError, update_user

    command = "enable" if active else "disable"
    try:
        account = update_user(open_store(config, db_url, "users"), login, actor=cli_actor(), active=active)
    except AccountError as exc:
        _fail(command, exc)
    click.echo(f"{account.login}: {'enabled' if active else 'disabled'}")


@users.command("disable")
@click.argument("login")
@store_options
def users_disable(login: str, config: str | None, db_url: str | None) -> None:
    """Disable an account: no login, its sessions end; it stays in the audit log and on its mail."""
    _set_active(login, False, config, db_url)


@users.command("enable")
@click.argument("login")
@store_options
def users_enable(login: str, config: str | None, db_url: str | None) -> None:
    """Enable a disabled account again."""
    _set_active(login, True, config, db_url)


def _config_path(config: str | None) -> Path | None:
    if config:
        return Path(config)
    return Path("mamori.toml") if Path("mamori.toml").is_file() else None


def _invite(db, logins: list[str], config: str | None, print_links: bool, hours: float) -> int:  # type: ignore[no-untyped-def]
    """Invite ``logins`` (mail, or print the links); returns how many failed."""
    from mamori.web.accounts import AccountError
    from mamori.web.invitations import MailError, issue, mailer
    from mamori.web.settings import WebSettingsError, load_web_settings

    path = _config_path(config)
    try:
        web = load_web_settings(path)
    except WebSettingsError as exc:
        _fail("invite", exc)
    deliver = None
    if not print_links:
        if path is None:
            _fail("invite", click.UsageError("mailing invitations needs mamori.toml ([gateway] next_hop); "
                                             "or pass --print-links"))
        from mamori.gateway.settings import SettingsError, load_gateway_settings

        try:
            deliver = mailer(load_gateway_settings(path))
        except SettingsError as exc:
            _fail("invite", exc)
    failed = 0
    for login in logins:
        try:
            url = issue(db, web.secret_key, web.base_url, login, actor=cli_actor(), hours=hours, deliver=deliver)
        except (AccountError, MailError, OSError) as exc:
            failed += 1
            click.echo(f"mamori users invite: {login}: {exc}", err=True)
            continue
        click.echo(f"{login}\t{url}" if print_links else f"invited {login}")
    return failed


_INVITE_OPTIONS = [
    click.option("--print-links", is_flag=True, help="print the links for an administrator to pass on, mail none"),
    click.option("--hours", type=click.FloatRange(0.1, 24 * 30), default=72.0, show_default=True,
                 help="how long a link works"),
]


def _invite_options(f):  # type: ignore[no-untyped-def]
    for option in reversed(_INVITE_OPTIONS):
        f = option(f)
    return f


@users.command("invite")
@click.argument("logins", nargs=-1)
@click.option("--new", "new", is_flag=True, help="every active account without a password not invited before")
@_invite_options
@store_options
def users_invite(logins: tuple[str, ...], new: bool, print_links: bool, hours: float, config: str | None,
                 db_url: str | None) -> None:
    """Mail a one-time link to set a password (to the gateway's next hop), or print it with --print-links."""
    from mamori.web.invitations import uninvited

    db = open_store(config, db_url, "users")
    if not logins and not new:
        raise click.UsageError("name the logins to invite, or --new")
    targets = [*logins, *(uninvited(db) if new else [])]
    if not targets:
        click.echo("招待する相手はいません" if _lang() == "ja" else "nobody to invite")
        return
    sys.exit(1 if _invite(db, targets, config, print_links, hours) else 0)


def print_plan(result, lang: str, verbose: bool) -> None:  # type: ignore[no-untyped-def]
    """The changes of ``result`` (``account_plan.Plan``), one line each, and the counts."""
    from mamori.web.account_plan import describe, summary

    for change in result.changes:
        if change.kind != "unchanged" or verbose:
            click.echo(describe(change, lang))
    for error in result.errors:
        click.echo(("エラー " if lang == "ja" else "error ") + error.text(lang), err=True)
    click.echo(summary(result, lang))


@users.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="show what would change, change nothing")
@click.option("--invite", is_flag=True, help="then invite the accounts it created (see mamori users invite)")
@click.option("--verbose", "-v", is_flag=True, help="list the unchanged accounts too")
@_invite_options
@store_options
def users_import(file: str, dry_run: bool, invite: bool, verbose: bool, print_links: bool, hours: float,
                 config: str | None, db_url: str | None) -> None:
    """Create, update and disable accounts from a CSV file (login, name, department, role, approver).

    Everything is checked first; with any error nothing changes (exit 1). Accounts from an earlier import that
    the file no longer names are disabled."""
    from mamori.web.account_plan import apply
    from mamori.web.accounts import AccountError
    from mamori.web.csv_accounts import plan_import

    db = open_store(config, db_url, "users")
    lang = _lang()
    result = plan_import(db, Path(file).read_bytes())
    print_plan(result, lang, verbose)
    if not result.ok:
        sys.exit(1)
    if dry_run:
        click.echo("（試行のみ: 何も変更していません）" if lang == "ja" else "(dry run: nothing was changed)")
        return
    try:
        apply(db, result, cli_actor())
    except AccountError as exc:
        _fail("import", exc)
    if invite:
        created = [c.login for c in result.of("create")]
        sys.exit(1 if created and _invite(db, created, config, print_links, hours) else 0)


@users.command("sync")
@click.option("--dry-run", is_flag=True, help="show what would change, change nothing")
@click.option("--verbose", "-v", is_flag=True, help="list the unchanged accounts too")
@store_options
def users_sync(dry_run: bool, verbose: bool, config: str | None, db_url: str | None) -> None:
    """Bring the accounts in line with the LDAP / Active Directory of [directory] in mamori.toml.

    Accounts that left the directory are disabled, never deleted; with any error nothing changes (exit 1).
    Run it from a systemd timer for a schedule (docs/accounts.md)."""
    from mamori.web.directory_settings import DirectorySettingsError, load_directory_settings
    from mamori.web.directory_sync import DirectoryError, sync

    path = _config_path(config)
    if path is None:
        raise click.UsageError("mamori users sync needs mamori.toml with a [directory] section (--config)")
    try:
        settings = load_directory_settings(path)
    except DirectorySettingsError as exc:
        _fail("sync", exc)
    if settings is None:
        raise click.UsageError(f"{path} has no [directory] section")
    db = open_store(config, db_url, "users")
    lang = _lang()
    try:
        result, skipped = sync(db, settings, dry_run=dry_run, actor="directory-sync")
    except DirectoryError as exc:
        _fail("sync", exc)
    print_plan(result, lang, verbose)
    if skipped:
        click.echo(f"ログイン属性のないエントリ {skipped} 件を読み飛ばしました" if lang == "ja"
                   else f"{skipped} entries without a login attribute skipped")
    if not result.ok:
        sys.exit(1)
    if dry_run:
        click.echo("（試行のみ: 何も変更していません）" if lang == "ja" else "(dry run: nothing was changed)")

