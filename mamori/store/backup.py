"""Backup and restore of the store: a consistent copy taken while mamori runs, and the way back.

SQLite: SQLite's online backup API, a consistent snapshot even while the gateway writes, into a file that is itself
an SQLite database. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean`` (the client programs of the
server's major version on PATH: Debian's ``postgresql-client``); the password, if the URL has one, goes to them in
``PGPASSWORD``, never on a command line. A backup is written to a temporary name, checked (it opens and names its
schema revision), and only then renamed into place, readable by its owner only: it holds personal data.

A restore replaces everything in the store with the backup's contents: stop mamori first. A backup only goes back
into the kind of database it came from; its schema revision is reported, and the next start migrates it forward.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from mamori.store.database import Database, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a backup holds (or a restored store now holds): its kind, schema revisions and rows per table."""

    kind: str  # "sqlite" | "postgresql"
    revisions: tuple[str, ...]
    rows: dict[str, int]


def kind_of_url(url: str) -> str:
    name = make_url(url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise StoreError(f"backup supports SQLite and PostgreSQL stores, not {name}")
    return name


def kind_of_file(path: Path) -> str:
    """``sqlite`` or ``postgresql`` (a pg_dump custom-format archive), from the file's first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise StoreError(f"{path}: not a mamori backup (neither an SQLite database nor a pg_dump archive)")


def summary(db: Database) -> Summary:
    """Rows per table and the schema revisions of a store."""
    with db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        rows = {t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()) for t in tables}
        revisions: tuple[str, ...] = ()
        if "alembic_version" in tables:
            revisions = tuple(sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))))
    return Summary(kind_of_url(str(db.engine.url)), revisions, rows)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise StoreError("an in-memory SQLite store has nothing to back up")
    return Path(database)


def _pg(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URI for the client programs (no password in it) and their environment."""
    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = u.password
    return u.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    program = shutil.which(args[0])
    if program is None:
        raise StoreError(f"{args[0]} not found: install the PostgreSQL client programs (postgresql-client)")
    run = subprocess.run([program, *args[1:]], capture_output=True, text=True, env=env, timeout=3600)
    if run.returncode != 0:
        raise StoreError(f"{args[0]} failed: {run.stderr.strip()[-500:]}")


def backup(url: str, dest: Path) -> Summary:
    """Write a backup of the store at ``url`` to ``dest`` (replaced only once the new one is complete and checked)."""
    kind = kind_of_url(url)
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)
    old = os.umask(0o077)
    try:
        if kind == "sqlite":
            source = _sqlite_path(url)
            if not source.is_file():
                raise StoreError(f"{source}: no such database")
            try:
                with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, closing(
                    sqlite3.connect(tmp)
                ) as out:
                    src.backup(out)
            except sqlite3.Error as exc:
                raise StoreError(f"{source}: backup failed ({exc})") from exc
        else:
            uri, env = _pg(url)
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(tmp), uri], env)
        os.chmod(tmp, 0o600)
        got = _check(tmp, kind)
        os.replace(tmp, dest)
        if kind == "postgresql":  # what the store held, counted just after the dump's snapshot
            db = Database(url)
            try:
                got = summary(db)
            finally:
                db.dispose()
        return got
    finally:
        os.umask(old)
        tmp.unlink(missing_ok=True)


def _check(path: Path, kind: str) -> Summary:
    """The summary of a backup file, or StoreError when it is not a complete one."""
    if kind_of_file(path) != kind:
        raise StoreError(f"{path}: the backup is not a {kind} one")
    if kind == "sqlite":
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
                ok = conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: not a complete SQLite backup ({exc})") from exc
        if not ok:
            raise StoreError(f"{path}: the backup failed SQLite's integrity check")
        db = Database(f"sqlite:///{path}")
        try:
            return summary(db)
        finally:
            db.dispose()
    _run(["pg_restore", "--list", str(path)])  # reads the whole table of contents
    return Summary("postgresql", (), {})  # the archive's rows are not counted without restoring it


def restore(url: str, src: Path) -> Summary:
    """Replace the contents of the store at ``url`` with the backup ``src``; the store's summary afterwards."""
    kind = kind_of_url(url)
    got = kind_of_file(Path(src))
    if got != kind:
        raise StoreError(f"{src} is a {got} backup; the store is {kind}: restore into the kind it came from")
    if kind == "sqlite":
        _check(Path(src), kind)
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with closing(sqlite3.connect(f"file:{src}?mode=ro", uri=True)) as source, closing(
                sqlite3.connect(target)
            ) as out:
                source.backup(out)  # replaces every page of the target, in one transaction
        except sqlite3.Error as exc:
            raise StoreError(f"restore into {target} failed ({exc})") from exc
    else:
        uri, env = _pg(url)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", uri, str(src)],
             env)
    db = Database(url)
    try:
        return summary(db)
    finally:
        db.dispose()
