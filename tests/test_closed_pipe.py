"""Every ``mamori`` command writing into a closed pipe (``mamori queue list | head``) stops quietly.

Each command runs as a real process whose standard output is a real pipe whose reading end is already closed,
so its first write fails with EPIPE, as when ``head`` has read enough and gone. The command must print nothing
about it ("Broken pipe", "Exception ignored", a traceback) and exit 141, what a shell reports for ``yes | head``.
One test also goes through the shell with ``head``, as a user types it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mamori.store import Database
from tests.web import seed

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _into_closed_pipe(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write gets EPIPE
    try:
        return subprocess.run([sys.executable, "-m", "mamori.cli", *args], stdout=write_end,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=tmp_path, env=_env(),
                              timeout=120, check=False)
    finally:
        os.close(write_end)


@pytest.fixture
def queue_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    db = Database(url)
    db.migrate()
    for i in range(3):
        seed.message(db, subject=f"見積書 {i}")
    db.dispose()
    return url


@pytest.mark.parametrize("args", [
    ["queue", "list"],
    ["queue", "list", "--json"],
], ids=["table", "json"])
def test_queue_list_into_a_closed_pipe_is_quiet(args: list[str], queue_db: str, tmp_path: Path) -> None:
    result = _into_closed_pipe([*args, "--db", queue_db], tmp_path)
    assert result.stderr.decode() == ""
    assert result.returncode == 141


@pytest.mark.parametrize("args", [
    ["detect", str(ROOT / "examples")],  # the rich table
    ["detect", "--format", "json", str(ROOT / "examples")],
    ["scan", "--format", "csv", "--workers", "1", str(ROOT / "examples")],
    ["--help"],
], ids=["detect-table", "detect-json", "scan-csv", "help"])
def test_other_commands_into_a_closed_pipe_are_quiet(args: list[str], tmp_path: Path) -> None:
    result = _into_closed_pipe(args, tmp_path)
    err = result.stderr.decode()
    assert "Broken pipe" not in err and "Exception ignored" not in err and "Traceback" not in err, err
    assert result.returncode in (141, 1), (result.returncode, err)  # click's own --help exits 1 on EPIPE


def test_queue_list_piped_into_head_as_typed(queue_db: str, tmp_path: Path) -> None:
    line = f"{sys.executable} -m mamori.cli queue list --db {queue_db} --limit 3 | head -n 1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", line], capture_output=True, text=True, cwd=tmp_path,
                            env=_env(), stdin=subprocess.DEVNULL, timeout=120, check=False)
    assert len(result.stdout.splitlines()) == 1 and "見積書" not in result.stderr
    assert "Broken pipe" not in result.stderr and "Traceback" not in result.stderr
    assert result.returncode in (0, 141)  # 141 only when head left before the last line was written
