"""How every ``mamori`` command that opens the store finds it: ``--db URL``, else ``[store]`` of ``--config``
(default ``./mamori.toml`` when it exists), else the embedded default ``var/mamori.db``; migrated first.

``[store] url`` may be any SQLAlchemy URL (a relative ``sqlite:///`` path is relative to the toml file);
without it the database is ``mamori.db`` in ``[store] data_dir`` (default ``var``, relative to the toml file).
"""

from __future__ import annotations

import getpass
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from mamori.store.database import Database, StoreError, default_url


def resolve_store_url(store: dict[str, Any], base: Path) -> str:
    """The URL a ``[store]`` table names, paths taken relative to ``base`` (the toml file's folder)."""
    url = store.get("url", "")
    if not isinstance(url, str):
        raise ValueError("store.url must be a string")
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        rel = url.removeprefix("sqlite:///")
        if rel and rel != ":memory:":
            url = f"sqlite:///{(base / rel).resolve()}"
    if url:
        return url
    data_dir = store.get("data_dir", "var")
    if not isinstance(data_dir, str):
        raise ValueError("store.data_dir must be a string")
    return default_url(base / data_dir)


def store_url(config: str | None, db_url: str | None) -> str:
    if db_url:
        return db_url
    path = Path(config) if config else Path("mamori.toml")
    if not path.is_file():
        if config:
            raise click.UsageError(f"no such config file: {config}")
        return default_url(Path("var"))
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
        store = data.get("store", {})
        if not isinstance(store, dict):
            raise ValueError("[store] must be a table")
        return resolve_store_url(store, path.resolve().parent)
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError is a ValueError and names the line
        raise click.UsageError(f"{path}: {exc}") from exc


def open_store(config: str | None, db_url: str | None, command: str) -> Database:
    """The migrated database, or a message naming ``command`` and exit 2."""
    try:
        db = Database(store_url(config, db_url))
        db.migrate()
    except StoreError as exc:
        click.echo(f"mamori {command}: {exc}", err=True)
        sys.exit(2)
    return db


def store_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--config`` and ``--db`` (also ``MAMORI_DATABASE_URL``) on a command."""
    f = click.option("--db", "db_url", envvar="MAMORI_DATABASE_URL", help="database URL (overrides the config)")(f)
    return click.option("--config", "config", type=click.Path(dir_okay=False), help="mamori.toml ([store])")(f)


def cli_actor() -> str:
    """Who acts from the command line, for the audit log: ``cli:<login name>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"
