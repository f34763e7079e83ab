"""Who this gateway process is: its instance name, recorded with each claim, and the lock that makes it its own.

Two gateways may share one PostgreSQL database. Each claim of a message for delivery records the claiming
instance's name (``mail_messages.claimed_by``) and a lease; a gateway that starts again takes back, at once, only
the ``sending`` rows its own name holds (the rows a killed run of itself was delivering); any gateway takes a row
whose lease ran out. That is only safe if no other *live* process runs under the same name, so the name is
locked for the process's life:

* PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) on a connection of its own, held until the
  process stops or dies (the server drops it with the connection: kill -9 and a machine failure included). A second
  gateway started with a name in use is refused (fail closed), with the name in the message.
* SQLite: an exclusive ``flock`` on ``<database file>.gateway-lock``. SQLite has one writer and no row locks, so
  one gateway per SQLite database: a second one is refused whatever its name, and the one that runs takes back
  every ``sending`` row at start, as a single gateway always did.

The name is ``[gateway] instance``, or ``<host name>:<listen port>`` when unset (stable across restarts of the
same gateway, different for two gateways on two hosts or two ports).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import socket
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text

from mamori.store import Database

log = logging.getLogger("mamori.gateway")

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$")  # what fits claimed_by and reads well in a log


class InstanceError(RuntimeError):
    """This gateway cannot run under its name (another live gateway holds it): nothing was started."""


def default_name(listen_port: int) -> str:
    """``<host name>:<port>``; a listener on port 0 (any free port) gets the process id instead of the port."""
    host = socket.gethostname() or "localhost"
    return f"{host}:{listen_port}" if listen_port else f"{host}:pid{os.getpid()}"


def valid_name(name: str) -> bool:
    return bool(NAME.match(name))


def _key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for the name (PostgreSQL's bigint)."""
    digest = hashlib.blake2b(f"mamori-gateway:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _sqlite_file(db: Database) -> Path | None:
    database = db.engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


class InstanceLock:
    """``acquire()`` or InstanceError; ``check()`` every tick (False: the name is no longer ours, do not claim);
    ``release()`` at stop. Blocking: call from the database thread."""

    def __init__(self, db: Database, name: str) -> None:
        if not valid_name(name):
            raise InstanceError(f"gateway instance name {name!r} is not valid (letters, digits, . _ : @ -)")
        self.db = db
        self.name = name
        self._conn: Any = None
        self._file: IO[bytes] | None = None
        self.held = False

    @property
    def exclusive(self) -> bool:
        """Whether no other gateway can use this database at all (SQLite): every ``sending`` row is ours."""
        return self.db.is_sqlite

    def acquire(self) -> None:
        if self.db.is_sqlite:
            self._lock_file()
        else:
            if not self._lock_name():
                raise InstanceError(
                    f"another gateway is running as instance {self.name!r} on this database; give each gateway "
                    "its own [gateway] instance name"
                )
        self.held = True

    def _lock_file(self) -> None:
        import fcntl

        path = _sqlite_file(self.db)
        if path is None:  # an in-memory database: nothing else can open it
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        f = open(path.with_name(path.name + ".gateway-lock"), "ab")  # noqa: SIM115  (kept open while running)
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.close()
            raise InstanceError(
                f"another gateway is running on the SQLite database {path}; two gateways on one database need "
                "PostgreSQL (SQLite has one writer and no row locks)"
            ) from None
        self._file = f

    def _lock_name(self) -> bool:
        self._close_conn()
        conn = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _key(self.name)}).scalar())
        except Exception:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def check(self) -> bool:
        """Whether the name is still ours. PostgreSQL drops the advisory lock with its connection (a server restart,
        a network cut): then it is taken again, unless another process took the name meanwhile (then False)."""
        if self.db.is_sqlite:
            return self.held
        try:
            if self._conn is not None:
                self._conn.execute(text("SELECT 1"))
                self.held = True
                return True
        except Exception:
            log.warning("the connection holding instance %s's lock was lost; taking the lock again", self.name)
        try:
            self.held = self._lock_name()
        except Exception as exc:  # the database is away: nothing can be claimed meanwhile either
            log.error("cannot take instance %s's lock again: %s", self.name, type(exc).__name__)
            self.held = False
            return False
        if not self.held:
            log.error("another process now runs as gateway instance %s: this one stops delivering", self.name)
        return self.held

    def _close_conn(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                # closed for real, not returned to the pool: ending the session releases its advisory lock
                self._conn.invalidate()
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def release(self) -> None:
        self.held = False
        self._close_conn()
        if self._file is not None:
            with contextlib.suppress(Exception):
                self._file.close()  # closing the file releases the flock
            self._file = None
