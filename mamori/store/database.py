"""Open the database (SQLite with WAL and full sync, or PostgreSQL), hand out sessions, run the migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(RuntimeError):
    """The database cannot be opened or migrated; the message says which URL (password hidden) and why."""


def default_url(data_dir: str | Path) -> str:
    """The embedded default: ``DATA_DIR/mamori.db``."""
    return f"sqlite:///{Path(data_dir).resolve() / 'mamori.db'}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a committed state change survives a power cut
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA secure_delete=ON")  # deleted rows (purged mail, ended sessions) are overwritten in the file
    cur.close()


class Database:
    """One database: an engine, a session factory and the migrations.

    ``url`` is any SQLAlchemy URL; ``postgresql://`` URLs use psycopg 3. SQLite files get WAL (readers do not
    block the writer), ``synchronous=FULL`` and a 30 s busy timeout, and their folder is created.
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        self.url = url
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            safe = url.split("@")[-1]
            raise StoreError(f"cannot open database ...@{safe}: {exc}") from exc
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def safe_url(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on an exception."""
        with self._sessions.begin() as s:
            yield s

    def migrate(self, target: str = "heads") -> None:
        """Bring the schema up to date (every branch: mail, accounts, training...)."""
        from alembic import command

        try:
            with self.engine.begin() as conn:
                cfg = _alembic_config(conn)
                command.upgrade(cfg, target)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot migrate database {self.safe_url}: {exc}") from exc

    def tables(self) -> set[str]:
        return set(inspect(self.engine).get_table_names())

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg
