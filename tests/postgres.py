"""A private PostgreSQL server for the tests: Debian's binaries, a throw-away cluster, trust auth on loopback."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.loopback import free_port


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    """``start()`` returns a base URL; ``new_database()`` a URL of a fresh, empty database."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.tmp = Path(tempfile.mkdtemp(prefix="mamori-pg-"))
        self.port = free_port()
        self.why_not = ""

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if os.geteuid() == 0:  # initdb refuses root: run as Debian's postgres user
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def start(self) -> str | None:
        if self.bindir is None:
            self.why_not = "PostgreSQL server binaries not found (Debian package postgresql; make test installs it)"
            return None
        if os.geteuid() == 0:
            if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
                self.why_not = "running as root and there is no postgres user to run the server as"
                return None
            shutil.chown(self.tmp, "postgres", "postgres")
        data = self.tmp / "data"
        r = self._run(str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "mamori", "-E", "UTF8",
                      "--locale=C")
        if r.returncode != 0:
            self.why_not = f"initdb failed: {r.stderr.strip()[-300:]}"
            return None
        opts = f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.tmp / "log"), "-w",
                      "start")
        if r.returncode != 0:
            self.why_not = f"pg_ctl start failed: {r.stderr.strip()[-300:]}"
            return None
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql://mamori@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=mamori dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.bindir is not None and (self.tmp / "data" / "postmaster.pid").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.tmp / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.tmp, ignore_errors=True)


def serve() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
