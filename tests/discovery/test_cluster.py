"""`mamori scan --dask`: the same reports as the local scan, on a real Dask LocalCluster (2 worker processes).

One cluster per test module is reached by its scheduler address (the form used with a real cluster); one test
starts its own through `--dask local:2`. The only simulated fault is the missing `distributed` package.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.discovery.runner import ScanOptions
from mamori.discovery.walker import WalkFile, compile_spec, walk

distributed = pytest.importorskip("distributed", reason="distributed not available: install the 'cluster' extra")
cluster = pytest.importorskip("mamori.discovery.cluster")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two one-thread worker processes (a file whose worker dies is retried once)."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        lc = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        )
    try:
        yield lc.scheduler_address
    finally:
        lc.close()


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", *args])


def _by_path(stdout: str) -> dict[str, tuple]:
    files = json.loads(stdout)["files"]
    return {
        f["path"]: (f["status"], f["counts"], f["records"], f["examples"], [i["code"] for i in f["issues"]], f["error"])
        for f in files
    }


def test_local_cluster_gives_the_same_reports_as_the_local_scan(tree: Path) -> None:
    local = _scan(str(tree), "--workers", "2", "--format", "json")
    dask = _scan(str(tree), "--dask", "local:2", "--format", "json")
    assert local.exit_code == dask.exit_code == 1, dask.output
    assert _by_path(dask.stdout) == _by_path(local.stdout)
    assert len(_by_path(dask.stdout)) == 6
    assert json.loads(dask.stdout)["files"][0]["path"].endswith("名簿.csv")  # largest risk first, as locally
    summary = {k: v for k, v in json.loads(dask.stdout)["summary"].items() if k != "seconds"}
    assert summary == {k: v for k, v in json.loads(local.stdout)["summary"].items() if k != "seconds"}


def test_scheduler_address_exit_codes_as_locally(tree: Path, scheduler: str) -> None:
    (tree / "dangling").symlink_to(tree / "gone")
    for args, code in (((str(tree),), 2), ((str(tree), "--exclude", "dangling"), 1), ((str(tree / "clean.txt"),), 0)):
        local = _scan(*args, "--workers", "2", "--format", "json")
        dask = _scan(*args, "--dask", scheduler, "--format", "json")
        assert local.exit_code == dask.exit_code == code, (args, dask.output)
        assert _by_path(dask.stdout) == _by_path(local.stdout)


def test_a_file_the_worker_cannot_read_is_an_error_report(tree: Path, scheduler: str) -> None:
    files = [f for f in walk([str(tree)], compile_spec([])) if isinstance(f, WalkFile)]
    (tree / "memo.txt").unlink()  # listed, then gone before a worker reads it (not on the shared mount)
    files.append(WalkFile(str(tree / "logs"), 4096))  # a folder where a file was expected
    reports = {Path(r.path).name: r for r in cluster.scan_on_dask(files, ScanOptions(), scheduler)}
    assert len(reports) == 7
    assert reports["memo.txt"].error == "No such file or directory"
    assert reports["logs"].error == "Is a directory"
    assert reports["名簿.csv"].counts == {"PERSON": 3, "PHONE": 3}


def _on_fifo(pid: int, path: Path) -> bool:
    """Whether process ``pid`` is blocked opening a fifo (a thread waiting for the writer) or holds ``path`` open."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for tid in tasks:
        try:
            if Path(f"/proc/{pid}/task/{tid}/wchan").read_text() == "wait_for_partner":
                return True
        except OSError:
            continue
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


def test_a_file_whose_workers_die_gets_an_error_report(tmp_path: Path, scheduler: str) -> None:
    """A worker killed mid-file: the task runs again on another worker; killed again, the file is an error."""
    fifo = tmp_path / "hangs.fifo"
    os.mkfifo(fifo)  # reading it blocks until we kill the worker holding it: a real death in the middle of a file
    ok = tmp_path / "ok.txt"
    ok.write_text("電話 090-1234-5678", encoding="utf-8")
    files = [WalkFile(str(fifo), 0), WalkFile(str(ok), ok.stat().st_size)]
    reports: list = []
    scan = threading.Thread(target=lambda: reports.extend(cluster.scan_on_dask(files, ScanOptions(), scheduler)))
    scan.start()
    kills = 0
    with distributed.Client(scheduler, timeout="20s") as client:
        deadline = time.monotonic() + 60  # a hang guard, not a timing test
        while scan.is_alive() and time.monotonic() < deadline:
            busy = [w for w, tasks in client.processing().items() if any("scan_task" in str(t) for t in tasks)]
            pids = client.run(os.getpid, workers=busy) if busy and kills < 3 else {}
            # only the worker blocked on the fifo is killed, never one busy with ok.txt
            stuck = [(w, pid) for w, pid in pids.items() if _on_fifo(pid, fifo)]
            if stuck:
                worker, pid = stuck[0]
                os.kill(pid, signal.SIGKILL)
                kills += 1
                while worker in client.scheduler_info()["workers"] and time.monotonic() < deadline:
                    time.sleep(0.05)
            time.sleep(0.05)
    scan.join(10)
    assert not scan.is_alive()
    by_name = {Path(r.path).name: r for r in reports}
    assert kills == 2
    assert by_name["hangs.fifo"].error and "died" in by_name["hangs.fifo"].error
    assert by_name["ok.txt"].counts == {"PHONE": 1}


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nothing listens there
    with pytest.raises(cluster.ClusterError, match="cannot start or reach the Dask cluster"), cluster.connect(
        f"tcp://127.0.0.1:{port}", timeout=1
    ):
        pass


def test_a_bad_local_count_is_a_usage_error(tree: Path) -> None:
    res = _scan(str(tree), "--dask", "local:0")
    assert res.exit_code == 2 and "worker count" in res.output


def test_without_the_extra_the_message_names_it(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # the one fault we cannot cause: the package missing
    assert not cluster.available()
    res = _scan(str(tree), "--dask", "local:2")
    assert res.exit_code == 2
    assert "pip install 'mamori[cluster]'" in res.output
