"""Scan files on a Dask cluster (``mamori scan --dask ADDRESS``): one task per file, one warm ``Detector`` per worker
thread, each file scanned by the same function as on one machine (:func:`mamori.discovery.runner.scan_one`).

The files must be readable by the workers at the same paths (a shared mount); a file a worker cannot read becomes
an error report for that file. A worker that dies mid-file: the scheduler runs the task again elsewhere, and if
that fails too the file gets an error report. Dask runs tasks in threads, where no alarm can interrupt a file:
only the soft time limit (``ScanOptions.timeout``, honoured by the readers and the detector) bounds a file here.

Needs the optional ``cluster`` extra (``distributed``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from mamori.discovery.inventory import FileReport, error_report
from mamori.discovery.runner import ScanOptions, cpu_count, scan_one
from mamori.discovery.walker import WalkFile

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from mamori.detect import Detector

MISSING_EXTRA = (
    "Dask クラスタでのスキャンには追加パッケージが必要です: pip install 'mamori[cluster]' / "
    "scanning on a Dask cluster needs the 'cluster' extra: pip install 'mamori[cluster]' (distributed)"
)
LOCAL = "local"  # ADDRESS "local" or "local:N": a LocalCluster of N worker processes on this machine
_RETRIES_AFTER_A_DEATH = 1  # a LocalCluster gives a file whose worker died one more worker (a remote one: its config)


class ClusterError(RuntimeError):
    """The cluster could not be started or reached (the scan cannot run at all)."""


def available() -> bool:
    """Whether the ``cluster`` extra is installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def parse_local(address: str) -> tuple[bool, int | None]:
    """Whether ``address`` asks for a LocalCluster, and its worker count: ``local`` → (True, None),
    ``local:N`` → (True, N), a scheduler address → (False, None)."""
    head, sep, n = address.partition(":")
    if head != LOCAL:
        return False, None
    if not sep:
        return True, None
    if not n.isdigit() or int(n) < 1:
        raise ClusterError(f"--dask local:N needs a worker count of 1 or more, not {n!r}")
    return True, int(n)


# One warm detector per worker thread and options: built by the first file a thread scans, reused by the next.
_warm = threading.local()


def _detector(options: ScanOptions) -> Detector:
    cache: dict[ScanOptions, Detector] | None = getattr(_warm, "detectors", None)
    if cache is None:
        cache = _warm.detectors = {}
    if options not in cache:
        cache[options] = options.detector()
    return cache[options]


def scan_task(path: str, size: int, options: ScanOptions) -> FileReport:
    """The Dask task: scan one file on the worker, exactly as on one machine. Never raises an ``Exception``."""
    try:
        detector = _detector(options)
    except Exception as e:  # e.g. the ner extra missing on this worker
        return error_report(path, f"internal error on the worker: {type(e).__name__}: {e}", size=size)
    return scan_one(path, size, options, detector)


@contextmanager
def connect(address: str, workers: int | None = None, timeout: float = 20) -> Iterator[Client]:
    """A client of the scheduler at ``address`` (reached within ``timeout`` seconds), or of a LocalCluster for
    ``local[:N]`` (N, else ``workers``, else the CPU count, worker processes of one thread each), closed on exit."""
    import dask
    from distributed import Client, LocalCluster

    local, n = parse_local(address)
    cluster: LocalCluster | None = None
    try:
        if local:
            with dask.config.set({"distributed.scheduler.allowed-failures": _RETRIES_AFTER_A_DEATH}):
                cluster = LocalCluster(
                    n_workers=n or workers or cpu_count(),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    # no dashboard; the scheduler's small HTTP server on any free port of the loopback
                    scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                )
        client = Client(cluster or address, timeout=f"{timeout}s")
    except (OSError, TimeoutError, ValueError, RuntimeError) as e:  # RuntimeError: a LocalCluster that did not start
        if cluster is not None:
            cluster.close()
        raise ClusterError(
            f"Dask クラスタを開始・接続できません / cannot start or reach the Dask cluster at {address}: {e}"
        ) from e
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def scan_on_dask(
    files: Iterable[WalkFile], options: ScanOptions, address: str, workers: int | None = None
) -> Iterator[FileReport]:
    """Scan ``files`` on the Dask cluster at ``address`` (or ``local[:N]``); yield reports as files finish.

    A bounded window of tasks is in flight (four per worker thread, at least 16), so the scheduler never holds the
    whole tree and the reports flow from the start.
    """
    from distributed import as_completed

    with connect(address, workers) as client:
        threads = sum(client.nthreads().values()) or 1
        window = max(16, threads * 4)
        pending = iter(files)
        running: dict[object, WalkFile] = {}

        def submit() -> object | None:
            item = next(pending, None)
            if item is None:
                return None
            fut = client.submit(scan_task, item.path, item.size, options, pure=False)
            running[fut] = item
            return fut

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        if not first:
            return
        flow = as_completed(first)
        for fut in flow:
            item = running.pop(fut)
            try:
                report = fut.result()
            except Exception as e:  # KilledWorker (the file's workers died), a lost connection, ...
                report = _task_failed(item, e)
            fut.release()
            following = submit()
            if following is not None:
                flow.add(following)
            yield report


def _task_failed(item: WalkFile, e: Exception) -> FileReport:
    from distributed import KilledWorker

    if isinstance(e, KilledWorker):
        return error_report(item.path, "the worker process died (crash or out of memory) on every try", size=item.size)
    return error_report(item.path, f"internal error on the cluster: {type(e).__name__}", size=item.size)
