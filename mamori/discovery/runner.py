"""Scan files in parallel: one worker process per core, each with one warm ``Detector``.

Every file is bounded. A file over ``max_bytes`` is not read whole: of a text format such as CSV the first 8 MB
are inspected as a sample, other formats are reported as too large. Extraction and detection share a time budget
of ``timeout`` seconds, and a hard alarm ends a worker's file after twice that. A file that fails gives an error
entry, never a crash; a worker process that dies takes only the files it had in hand, and the scan goes on with a
fresh pool.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mamori.discovery.compact import Inspected, detect_compact
from mamori.discovery.inventory import FileReport, IssueEntry, build_report, error_report
from mamori.discovery.walker import WalkFile
from mamori.extract import DEFAULT_LIMITS, NAME, Extraction, Limits, Location, TextUnit, Units, extract

if TYPE_CHECKING:
    from mamori.detect import Detector, Finding
    from mamori.detect.config import DetectConfig

# Formats whose first part is worth reading on its own when the whole file is over the size limit.
_PREFIX_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".log", ".md", ".json", ".jsonl", ".ndjson", ".xml", ".html"})
_PREFIX_BYTES = 8 * 1024 * 1024  # ... and this much of it is read (a sample: the file is "not fully inspected")


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What bounds and tunes the scan of one file."""

    min_score: float | None = None
    lang: str = "auto"
    max_bytes: int = 32 * 1024 * 1024
    timeout: float = 10.0
    ner: bool = False  # add the optional CRF name model (the `ner` extra)
    config: DetectConfig | None = None  # [detect] of mamori.toml: custom patterns, deny and allow lists
    threads: int = 1  # detection threads per worker (a big file's batches read on that many cores)

    def limits(self) -> Limits:
        return replace(DEFAULT_LIMITS, max_bytes=self.max_bytes, max_seconds=self.timeout)

    def detector(self) -> Detector:
        """The warm detector these options ask for."""
        from mamori.detect import Detector
        from mamori.detect.detector import DEFAULT_THRESHOLD

        return Detector(
            threshold=DEFAULT_THRESHOLD if self.min_score is None else self.min_score,
            ner=self.ner,
            config=self.config,
            threads=self.threads,
        )


class _HardTimeout(BaseException):
    """Raised by the alarm in a worker whose file ran past the hard limit (a BaseException: readers' ``except
    Exception`` must not swallow it)."""


_detector: Detector | None = None
_options = ScanOptions()


def init_worker(options: ScanOptions) -> None:
    """Process initializer: build the warm detector once; ignore Ctrl-C (the parent handles it)."""
    global _detector, _options
    _options = options
    _detector = options.detector()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _on_alarm)


def _on_alarm(signum: int, frame: object) -> None:
    raise _HardTimeout


def _read(path: str, size: int, options: ScanOptions) -> tuple[bytes | None, list[IssueEntry]]:
    """The bytes to inspect (None when the file is too large to inspect at all) and any issue about them."""
    if size <= options.max_bytes:
        return Path(path).read_bytes(), []
    mb = options.max_bytes / (1024 * 1024)
    if Path(path).suffix.lower() not in _PREFIX_SUFFIXES:
        return None, [IssueEntry("too_large", f"{size} bytes, over the limit of {mb:g} MB; not inspected")]
    with open(path, "rb") as fh:
        data = fh.read(min(options.max_bytes, _PREFIX_BYTES))
    cut = data.rfind(b"\n")
    if cut > 0:
        data = data[: cut + 1]
    return data, [
        IssueEntry(
            "truncated",
            f"{size} bytes, over the limit of {mb:g} MB; only the first {len(data) / 1048576:.1f} MB inspected",
        )
    ]


def detect_units(
    detector: Detector, units: Sequence[TextUnit], lang: str, deadline: float
) -> tuple[list[tuple[TextUnit, list[Finding]]], int]:
    """Findings per unit (each cell read after its column header), in batches; the pairs and how many were done."""
    from mamori.detect.batch import detect_batched

    found = detect_batched(detector, [(u.context, u.text) for u in units], lang, deadline)
    return list(zip(units, found, strict=False)), len(found)


def scan_file(path: str, size: int) -> FileReport:
    """Scan one file in this worker. Never raises: failures become an error entry."""
    started = time.monotonic()
    options = _options
    armed = hasattr(signal, "setitimer") and signal.getsignal(signal.SIGALRM) is _on_alarm  # in a pool worker
    if armed:
        signal.setitimer(signal.ITIMER_REAL, options.timeout * 2 + 1)
    try:
        return scan_one(path, size, options, started=started)
    except _HardTimeout:
        return FileReport(
            path=path,
            size=size,
            issues=(IssueEntry("timeout", f"hard time limit of {options.timeout * 2 + 1:g} s reached; not inspected"),),
            seconds=time.monotonic() - started,
        )
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)


def scan_one(
    path: str, size: int, options: ScanOptions, detector: Detector | None = None, started: float | None = None
) -> FileReport:
    """Scan one file with ``detector`` (default: this process's warm one), bounded by ``options`` but with no hard
    alarm (that is :func:`scan_file`'s, in a pool worker). Never raises an ``Exception``: failures become an error
    entry. Shared by the local pool and the Dask cluster (``mamori.discovery.cluster``)."""
    started = time.monotonic() if started is None else started
    try:
        return _scan(path, size, options, started, detector)
    except OSError as e:
        return error_report(path, e.strerror or type(e).__name__, size=size, seconds=time.monotonic() - started)
    except MemoryError:
        return error_report(path, "ran out of memory", size=size, seconds=time.monotonic() - started)
    except Exception as e:  # the contract: one file never ends the scan
        return error_report(path, f"internal error: {type(e).__name__}", size=size, seconds=time.monotonic() - started)


def _scan(path: str, size: int, options: ScanOptions, started: float, detector: Detector | None = None) -> FileReport:
    global _detector
    if detector is None:
        if _detector is None:  # called outside a pool (tests, one-off use): no signal handlers changed here
            _detector = options.detector()
        detector = _detector
    data, issues = _read(path, size, options)
    name = Path(path).name
    if data is None:
        extraction = Extraction(filename=name, format="")
    else:
        extraction = extract(data, name, limits=options.limits())
        del data
    deadline = started + options.timeout
    # People name files after people ("山田太郎_履歴書.pdf"): the file's own name is inspected too.
    name_unit = TextUnit(name, Location(), NAME)
    inspected: Inspected | list[tuple[TextUnit, list[Finding]]]
    if detector.core_only and isinstance(extraction.units, Units):  # tables read as rows, findings kept compact
        inspected = detect_compact(detector, name_unit, extraction.units, options.lang, deadline)
        done, total = inspected.done, inspected.total
    else:
        units = (name_unit, *extraction.units)
        inspected, done = detect_units(detector, units, options.lang, deadline)
        total = len(units)
    if done < total:
        issues.append(
            IssueEntry(
                "timeout",
                f"time limit of {options.timeout:g} s reached; {total - done} of {total} text units not inspected",
            )
        )
    return build_report(path, extraction, inspected, size=size, seconds=time.monotonic() - started, extra_issues=issues)


def cpu_count() -> int:
    """The cores this process may run on (its affinity mask), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def scan(
    files: Iterable[WalkFile],
    options: ScanOptions,
    workers: int | None = None,
    on_done: Callable[[FileReport], None] | None = None,
) -> Iterator[FileReport]:
    """Scan ``files`` across ``workers`` processes (default: the CPU count); yield reports as files finish.

    At most a few files per worker are in flight, so a dead worker loses little and memory stays bounded.
    """
    workers = max(1, workers or cpu_count())
    # the cores the worker processes leave idle go to detection threads inside each (one big file, fewer files)
    options = replace(options, threads=max(options.threads, cpu_count() // workers))
    pending = iter(files)
    exhausted = False
    while not exhausted:
        with ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(options,)) as pool:
            running: dict[Future[FileReport], WalkFile] = {}
            broken = False
            while True:
                while not broken and len(running) < workers * 2:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                        break
                    try:
                        running[pool.submit(scan_file, item.path, item.size)] = item
                    except BrokenProcessPool:
                        running[_failed(item)] = item
                        broken = True
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    item = running.pop(fut)
                    try:
                        report = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        report = error_report(item.path, "the worker process died (crash or out of memory)")
                    except Exception as e:
                        report = error_report(item.path, f"internal error: {type(e).__name__}", size=item.size)
                    if on_done:
                        on_done(report)
                    yield report
                if broken and not running:
                    break


def _failed(item: WalkFile) -> Future[FileReport]:
    fut: Future[FileReport] = Future()
    fut.set_exception(BrokenProcessPool("the worker pool is broken"))
    return fut
