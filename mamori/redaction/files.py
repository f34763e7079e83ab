"""Masked copies written to disk: one file, or every job of a plan (:mod:`mamori.redaction.tree`).

Many jobs run on worker processes forked from the process that already holds the loaded detector, so a folder of
documents pays one start-up whatever the number of workers. Each copy is written whole or not at all
(:func:`mamori.atomic_write.write_atomically`); a job that fails leaves no copy and says why, and the others go on.
Outcomes carry counts and reasons only, never values.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.atomic_write import write_atomically
from mamori.redaction.api import redact
from mamori.redaction.core import RedactionError
from mamori.redaction.tree import Job

MAX_WORKERS = 4


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file: counts per type and the parts not redacted, or ``error`` (then nothing written)."""

    shown: str
    masked: dict[str, int] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    error: str = ""

    @property
    def total(self) -> int:
        return sum(self.masked.values())


def redact_file(src: Path, dst: Path, detector: Any, types: Any, style: str, lang: str, shown: str = "") -> Outcome:
    """Read ``src``, write its masked copy to ``dst`` (folders made as needed)."""
    shown = shown or str(src)
    try:
        data = src.read_bytes()
    except OSError as e:
        return Outcome(shown, error=f"cannot read: {e.strerror or type(e).__name__}")
    try:
        result = redact(data, src.name, detector, types, style, lang=lang)
    except RedactionError as e:  # names a part or attachment of the file, never a value
        return Outcome(shown, error=str(e))
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(dst, result.data)
    except OSError as e:
        return Outcome(shown, error=f"{dst}: cannot write: {e.strerror or type(e).__name__}")
    return Outcome(shown, dict(result.masked), tuple(result.skipped))


_work: tuple[Any, Any, str, str] | None = None  # (detector, types, style, lang) of the forked workers


def _run(job: Job) -> Outcome:
    assert _work is not None, "workers are forked after _work is set"
    detector, types, style, lang = _work
    return redact_file(job.source, job.target, detector, types, style, lang, job.shown)


def default_workers(jobs: int) -> int:
    """One worker per core (at most :data:`MAX_WORKERS`), and one for a handful of files (a fork costs more)."""
    return 1 if jobs < 8 else max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def redact_jobs(
    jobs: Sequence[Job], detector: Any, types: Any, style: str, lang: str, workers: int | None = None
) -> Iterator[Outcome]:
    """The outcome of each job, in the jobs' order, on ``workers`` processes (default :func:`default_workers`).

    The workers are forked here, before this returns: call it before starting any thread (a progress bar)."""
    global _work
    n = default_workers(len(jobs)) if workers is None else max(1, workers)
    if n == 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return (redact_file(j.source, j.target, detector, types, style, lang, j.shown) for j in jobs)
    _work = (detector, types, style, lang)
    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"))
    futures = [pool.submit(_run, job) for job in jobs]  # the first submit forks every worker
    return _collect(pool, jobs, futures)


def _collect(pool: ProcessPoolExecutor, jobs: Sequence[Job], futures: list[Future[Outcome]]) -> Iterator[Outcome]:
    global _work
    try:
        for job, fut in zip(jobs, futures, strict=True):
            try:
                yield fut.result()
            except Exception as e:  # a worker died (killed, out of memory): that file failed, say so
                yield Outcome(job.shown, error=f"worker failed: {type(e).__name__}")
    finally:
        pool.shutdown(cancel_futures=True)
        _work = None
