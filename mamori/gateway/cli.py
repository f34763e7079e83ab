"""`mamori gateway` (run the SMTP gateway), `mamori gateway accounts` (its SMTP AUTH accounts, ``accounts_cli``)
and `mamori queue list|show|release|cancel|approve|purge` (administrators).

The queue commands change states only through ``hold_queue`` (the same rules and audit entries as the web app);
the actor recorded is ``cli:<login name>``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from collections.abc import Callable
from datetime import tzinfo
from functools import partial
from pathlib import Path
from typing import Any

import click

from mamori.gateway import hold_queue
from mamori.gateway.accounts_cli import accounts_group
from mamori.gateway.settings import SettingsError, load_gateway_settings
from mamori.store.command import cli_actor, open_store, store_options
from mamori.timefmt import format_time, load_zone


@click.group("gateway", invoke_without_command=True)
@click.option("--config", "config", default="mamori.toml", show_default=True, type=click.Path(dir_okay=False),
              help="mamori.toml with [gateway], [store], [guard] and the policy sections.")
@click.option("--verbose", "-v", is_flag=True, help="Log every message's id, action and state (no personal data).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default=None,
              help="text (default) or json: one object per line, for a SIEM (also $MAMORI_LOG_FORMAT).")
@click.pass_context
def gateway_command(ctx: click.Context, config: str, verbose: bool, log_format: str | None = None) -> None:
    """Run the SMTP gateway: judge, hold or pass outgoing mail between the MTA and the next hop.

    SIGTERM or Ctrl-C stops it gracefully (stop accepting, finish the deliveries in progress).
    `mamori gateway accounts ...` manages the accounts of SMTP AUTH instead.
    """
    if ctx.invoked_subcommand is not None:
        return
    from mamori import log_format as logs
    from mamori.gateway.service import Gateway
    from mamori.store import Database, StoreError

    try:
        logs.configure(logging.INFO if verbose else logging.WARNING, logs.chosen(log_format))
    except ValueError as exc:
        click.echo(f"mamori gateway: {exc}", err=True)
        sys.exit(2)
    try:
        settings = load_gateway_settings(config)
    except SettingsError as exc:
        click.echo(f"mamori gateway: {exc}", err=True)
        sys.exit(2)
    try:
        db = Database(settings.store_url)
        db.migrate()
    except StoreError as exc:
        click.echo(f"mamori gateway: {exc}", err=True)
        sys.exit(2)

    async def run() -> None:
        gw = Gateway(settings, db)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await gw.start()
        click.echo(f"mamori gateway: listening on {settings.listen_host}:{gw.port}, "
                   f"next hop {settings.next_hop_host}:{settings.next_hop_port}", err=True)
        await stop.wait()
        click.echo("mamori gateway: stopping", err=True)
        await gw.stop()

    try:
        asyncio.run(run())
    except Exception as exc:  # a policy that cannot be read, a port in use...
        click.echo(f"mamori gateway: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
    finally:
        db.dispose()


@click.group("queue")
def queue_group() -> None:
    """Look at and act on the gateway's queue (hold, confirm, delay) as an administrator."""


def _fail(exc: hold_queue.QueueError) -> None:
    click.echo(f"mamori queue: {exc} / {exc.message_ja}", err=True)
    sys.exit(1)


@queue_group.command("list")
@store_options
@click.option("--state", "states", multiple=True,
              type=click.Choice(["waiting", "held", "queued", "sending", "delivered", "cancelled", "bounced",
                                 "rejected"]),
              help="Only these states (repeatable). Default: all.")
@click.option("--sender", "senders", multiple=True, help="Only these submitters (envelope senders; repeatable).")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def queue_list(db_url, config, states, senders, limit, as_json) -> None:
    """Messages in the queue, newest first."""
    db = open_store(config, db_url, "queue")
    tz = _zone(config)
    rows = hold_queue.list_messages(db, states=tuple(states), senders=tuple(senders) or None, limit=limit,
                                   generated=True)
    for m in rows:
        if as_json:
            click.echo(json.dumps({"id": m.id, "received_at": m.received_at.isoformat(), "state": m.state,
                                   "action": m.action, "release_mode": m.release_mode, "sender": m.sender,
                                   "reasons": [r.get("code") for r in m.reasons]}, ensure_ascii=False))
        else:
            codes = ",".join(r.get("code", "") for r in m.reasons)
            when = format_time(m.received_at, tz)
            click.echo(f"{m.id}  {when}  {m.state:<9} {m.action:<7} {m.sender}  {codes}")
    if not as_json:
        counts = hold_queue.count_by_state(db, generated=True)
        click.echo("  ".join(f"{k}={v}" for k, v in sorted(counts.items())), err=True)


def _zone(config: str | None) -> tzinfo:
    """The company's zone for the times a command prints (``[organization] timezone`` of the config)."""
    try:
        return load_zone(config or "mamori.toml")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


@queue_group.command("show")
@store_options
@click.argument("message_id")
def queue_show(db_url, config, message_id) -> None:
    """One message: verdict, reasons (masked evidence), recipients, state."""
    db = open_store(config, db_url, "queue")
    try:
        m = hold_queue.get(db, message_id)
    except hold_queue.QueueError as exc:
        _fail(exc)
        return
    out = {f: getattr(m, f) for f in m.__dataclass_fields__}
    out = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in out.items()}
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _step(config: str | None, db_url: str | None, step: Callable[..., hold_queue.QueuedMessage], *args: Any) -> None:
    """One person's step on a message through hold_queue (its rules and audit entry); prints the new state."""
    db = open_store(config, db_url, "queue")
    try:
        m = step(db, *args)
    except hold_queue.QueueError as exc:
        _fail(exc)
        return
    click.echo(f"{m.id} {m.state}")


@queue_group.command("release")
@store_options
@click.argument("message_id")
@click.option("--bcc", is_flag=True, help="Deliver with To/Cc turned into Bcc.")
def queue_release(db_url, config, message_id, bcc) -> None:
    """Send a waiting or self-releasable held message now (as its sender would)."""
    _step(config, db_url, partial(hold_queue.release, bcc=True if bcc else None), message_id, cli_actor())


@queue_group.command("approve")
@store_options
@click.argument("message_id")
@click.option("--bcc", is_flag=True, help="Deliver with To/Cc turned into Bcc.")
def queue_approve(db_url, config, message_id, bcc) -> None:
    """Approve a held message (also one that needs an approver)."""
    _step(config, db_url, partial(hold_queue.approve, bcc=True if bcc else None), message_id, cli_actor())


@queue_group.command("cancel")
@store_options
@click.argument("message_id")
@click.option("--reason", default="", help="Why (kept in the audit log, personal data masked).")
@click.option("--note", default="", help="What the sender should correct (at most 500 characters): stored, shown "
              "on the message's page and mailed to the sender with the cancel notice.")
def queue_cancel(db_url, config, message_id, reason, note) -> None:
    """Do not send a waiting, held or queued message. The reason goes to the audit log with personal data masked;
    a note goes to the sender too (in the cancel notice)."""
    from mamori.gateway.cancelling import cancel_notice_row, notice_settings

    if reason.strip():
        from mamori.gateway.retention import engine_mask

        reason = engine_mask(reason)  # the audit log keeps no raw personal data, whatever an administrator types
    path = Path(config) if config else Path("mamori.toml")
    notices = notice_settings(path if path.is_file() else None)
    step = partial(hold_queue.cancel, note=note,
                   notice=lambda m, mail_from, actor, n: cancel_notice_row(notices, m, mail_from, actor, n))
    _step(config, db_url, step, message_id, cli_actor(), reason)


def _retention_days(config: str | None) -> tuple[int, int]:
    """``[gateway] retention_content_days`` / ``retention_message_days`` of the config (``./mamori.toml`` when it
    exists), else the defaults."""
    from mamori.gateway.settings import GatewaySettings

    path = Path(config) if config else Path("mamori.toml")
    if not path.is_file():
        if config:
            raise click.UsageError(f"no such config file: {config}")
        return GatewaySettings.retention_content_days, GatewaySettings.retention_message_days
    try:
        settings = load_gateway_settings(path)
    except SettingsError as exc:
        click.echo(f"mamori queue: {exc}", err=True)
        sys.exit(2)
    return settings.retention_content_days, settings.retention_message_days


@queue_group.command("purge")
@store_options
@click.option("--content-days", type=click.IntRange(min=0), default=None,
              help="Delete the bytes (body, attachments) of finished mail last changed more than N days ago; "
                   "0 = never. Default: [gateway] retention_content_days (30).")
@click.option("--message-days", type=click.IntRange(min=0), default=None,
              help="Also delete the rows (metadata) of finished mail older than N days; 0 = never. "
                   "Default: [gateway] retention_message_days (0).")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
def queue_purge(db_url, config, content_days, message_days, dry_run) -> None:
    """Delete stored mail past its retention (finished mail only: delivered, cancelled, bounced, rejected).

    Waiting, held, queued and sending mail is never touched. The audit log is kept; the run adds one entry.
    """
    from mamori.gateway.retention import purge
    from mamori.store.base import utcnow

    if content_days is None or message_days is None:
        default_content, default_message = _retention_days(config)
        content_days = default_content if content_days is None else content_days
        message_days = default_message if message_days is None else message_days
    if message_days and content_days and message_days < content_days:
        raise click.UsageError("--message-days must be 0 or at least --content-days (a row takes its content along)")
    db = open_store(config, db_url, "queue")
    try:
        result = purge(db, utcnow(), content_days, message_days, dry_run=dry_run, by=cli_actor())
    finally:
        db.dispose()
    click.echo(result.text("ja"))
    click.echo(result.text("en"))


gateway_command.add_command(accounts_group)
