"""`mamori store backup|restore|info`: the store's backup, its way back, and what a store holds (counts only)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mamori.store.backup import Summary, backup, restore, summary
from mamori.store.command import store_options, store_url
from mamori.store.database import Database, StoreError


def _show(what: str, s: Summary) -> None:
    rows = ", ".join(f"{t} {n}" for t, n in s.rows.items() if t != "alembic_version") or "no tables counted"
    revision = ", ".join(s.revisions) or "-"
    click.echo(f"mamori store: {what} ({s.kind}; schema {revision}): {rows}")


@click.group("store")
def store_group() -> None:
    """The store (SQLite or PostgreSQL): backup, restore, what it holds."""


@store_group.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_options
def backup_command(out: Path, config: str | None, db_url: str | None) -> None:
    """Write a consistent backup of the store to OUT while mamori runs (SQLite: a database file; PostgreSQL: a
    pg_dump archive). OUT holds personal data: it is written readable by its owner only."""
    try:
        _show(f"wrote {out}", backup(store_url(config, db_url), out))
    except StoreError as exc:
        click.echo(f"mamori store backup: {exc}", err=True)
        sys.exit(2)


@store_group.command("restore")
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace everything in the store with the backup (stop mamori first).")
@store_options
def restore_command(backup_file: Path, yes: bool, config: str | None, db_url: str | None) -> None:
    """Replace the store's contents with BACKUP_FILE (made by `mamori store backup` from the same kind of store).
    Stop mamori first; the next start migrates an older backup forward."""
    if not yes:
        click.echo("mamori store restore: this replaces everything in the store; stop mamori and add --yes", err=True)
        sys.exit(2)
    try:
        _show("restored", restore(store_url(config, db_url), backup_file))
    except StoreError as exc:
        click.echo(f"mamori store restore: {exc}", err=True)
        sys.exit(2)


@store_group.command("info")
@store_options
def info_command(config: str | None, db_url: str | None) -> None:
    """Rows per table and the schema revision of the store (counts only)."""
    try:
        db = Database(store_url(config, db_url))
        try:
            _show("store", summary(db))
        finally:
            db.dispose()
    except StoreError as exc:
        click.echo(f"mamori store info: {exc}", err=True)
        sys.exit(2)
