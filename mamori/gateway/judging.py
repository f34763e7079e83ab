"""Running the guard off the event loop: in worker processes (both cores) or in one thread of the gateway.

``judge_workers`` processes (``[gateway] judge_workers``, default 2) each load the guard once (policy, contacts,
history, a warm detector) and judge the raw bytes sent to them; only the verdict and the row's descriptive columns
come back. With ``judge_workers = 0`` (or a guard object given by the caller, as in tests) the guard runs in one
thread of the gateway process. A worker that dies is replaced; the message it was judging gets a 451 (the MTA
retries it), never a 250. A message not judged within ``judge_timeout_seconds`` (a pathological input, a hung
check) is held unread (``guard_error``, "judging took longer than N s"): never passed; the worker processes are
replaced (the stuck one terminated) so the next messages are judged again. In a thread (``judge_workers = 0``) the
stuck judgment cannot be stopped: the messages behind it are held the same way until it ends.

Before each judgement the guard looks whether mamori.toml or the contacts file was replaced (``mamori.guard.reload``:
two ``stat`` calls) and loads them again if so: a change made on the administration pages is used by the next mail,
in every worker, without a restart; a file that does not load is refused and the running inputs stay.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from mamori.gateway.intake import Judged, describe, judge_raw
from mamori.gateway.settings import GatewaySettings

log = logging.getLogger("mamori.gateway")

EMPTY_COLUMNS = {"sender": "", "header_from": "", "subject": "", "message_id": "", "recipients": [], "groups": [],
                 "attachments": [], "preview": ""}


def judge_with(guard: Any, raw: bytes, rcpt_tos: list[str], mail_from: str = "") -> tuple[Judged, dict[str, Any]]:
    """Parse, judge, describe (blocking, CPU-bound); ``mail_from`` is the envelope sender (the submitter)."""
    judged = judge_raw(raw, rcpt_tos, guard.policy, guard.directory, guard.history, guard.detector, mail_from)
    try:
        columns = describe(raw, mail_from, judged, guard.detector)
    except Exception as exc:  # never lose a message over its description
        log.error("cannot describe a message: %s", type(exc).__name__)
        columns = dict(EMPTY_COLUMNS)
    return judged, columns


_guard: Any = None
_sent: Any = None  # the worker's SentHistory: deliveries since start become history
_reloader: Any = None  # the worker's GuardReloader: a changed policy or contact list is used without a restart


def reloader_for(settings: GatewaySettings, guard: Any) -> Any:
    """A ``GuardReloader`` over ``guard`` when it was loaded from the settings' mamori.toml, else None."""
    if settings.config_path is None:
        return None
    from mamori.guard.reload import GuardReloader

    return GuardReloader(guard, settings.config_path, settings.contacts, history=settings.history)


def _headers_only(raw: bytes, mail_from: str, judged: Judged) -> dict[str, Any]:
    """The descriptive columns from the header alone (no scan): for a message held unread."""
    try:
        return describe(raw, mail_from, judged, None)
    except Exception:
        return dict(EMPTY_COLUMNS)


def _sent_history(settings: GatewaySettings, history: Any) -> Any:
    """Keeps ``history`` current with what the gateway delivered (None without a store, as in some tests)."""
    if not settings.store_url or history is None:
        return None
    from mamori.gateway.sent_history import SentHistory
    from mamori.store import Database

    return SentHistory(Database(settings.store_url), history, settings.history_refresh_seconds)


def _init_worker(settings: GatewaySettings) -> None:
    global _guard, _sent, _reloader
    from mamori.gateway.service import load_guard

    parent = os.getppid()

    def watch() -> None:  # a gateway killed with -9 cannot stop its workers: they stop themselves
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="mamori-parent-watch", daemon=True).start()
    _guard = load_guard(settings)
    _sent = _sent_history(settings, _guard.history)
    _reloader = reloader_for(settings, _guard)


def _judge_in_worker(raw: bytes, rcpt_tos: list[str], mail_from: str = "") -> tuple[Judged, dict[str, Any]]:
    if _reloader is not None:
        _reloader.check()
    if _sent is not None:
        _sent.refresh()
    judged, columns = judge_with(_guard, raw, rcpt_tos, mail_from)
    return dataclasses.replace(judged, message=None), columns  # the verdict is enough; do not ship the text back


def _ping() -> bool:
    return _guard is not None


class Judge:
    """``await judge(raw, rcpt_tos, mail_from)`` → (Judged, descriptive columns)."""

    def __init__(self, settings: GatewaySettings, guard: Any = None) -> None:
        self.settings = settings
        self.guard = guard
        self.workers = 0 if guard is not None else settings.judge_workers
        self._sent: Any = None
        self.reloader: Any = None  # a GuardReloader: set when this judge loads the guard itself, or by the caller
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="mamori-guard")
        self._procs: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a process with threads and sockets
            initializer=_init_worker,
            initargs=(self.settings,),
        )

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.workers:
            from mamori.guard import load_contacts, load_history, load_policy

            # the inputs checked here first: a bad policy is reported with its key, not as a dead worker
            def check() -> None:
                if self.settings.config_path is None:
                    raise ValueError("no mamori.toml to read the guard's policy from")
                load_policy(self.settings.config_path)
                load_contacts(self.settings.contacts)
                load_history(self.settings.history)

            await loop.run_in_executor(self._thread, check)
            self._procs = self._new_pool()
            # load the guard in every worker now, not on the first message (and fail early on a bad policy)
            await asyncio.gather(*(loop.run_in_executor(self._procs, _ping) for _ in range(self.workers)))
        elif self.guard is None:
            from mamori.gateway.service import load_guard

            self.guard = await loop.run_in_executor(self._thread, load_guard, self.settings)
            self.reloader = reloader_for(self.settings, self.guard)
        elif getattr(self.guard, "detector", None) is None:
            from mamori.detect.detector import default_detector

            self.guard.detector = await loop.run_in_executor(self._thread, default_detector)
        if not self.workers:
            self._sent = await loop.run_in_executor(
                self._thread, _sent_history, self.settings, getattr(self.guard, "history", None)
            )

    def _judge_here(self, raw: bytes, rcpt_tos: list[str], mail_from: str = "") -> tuple[Judged, dict[str, Any]]:
        if self.reloader is not None:
            self.reloader.check()
        if self._sent is not None:
            self._sent.refresh()
        return judge_with(self.guard, raw, rcpt_tos, mail_from)

    async def __call__(self, raw: bytes, rcpt_tos: list[str], mail_from: str = "") -> tuple[Judged, dict[str, Any]]:
        loop = asyncio.get_running_loop()
        limit = self.settings.judge_timeout_seconds
        pool = self._procs
        if pool is None:
            fut = loop.run_in_executor(self._thread, self._judge_here, raw, rcpt_tos, mail_from)
        else:
            fut = loop.run_in_executor(pool, _judge_in_worker, raw, rcpt_tos, mail_from)
        try:
            return await asyncio.wait_for(fut, timeout=limit)
        except TimeoutError:
            log.error("judging a message took longer than %g s: held unread", limit)
            if pool is not None and self._procs is pool:
                self._replace(pool)
            why = f"judging took longer than {limit:g} s; the message was not read"
            judged = Judged(None, None, "guard_error", why)
            return judged, _headers_only(raw, mail_from, judged)
        except BrokenProcessPool:
            log.error("a guard worker died; starting new ones")
            if self._procs is pool and pool is not None:
                self._replace(pool)
            raise

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        """New worker processes for the next messages; the old ones are terminated (one of them is stuck)."""
        self._procs = self._new_pool()
        stuck = list((getattr(pool, "_processes", None) or {}).values())  # (the executor keeps its processes here)
        pool.shutdown(wait=False, cancel_futures=True)
        for process in stuck:
            with contextlib.suppress(Exception):
                process.terminate()

    def stop(self) -> None:
        if self._procs is not None:
            self._procs.shutdown(wait=True, cancel_futures=True)
        self._thread.shutdown(wait=True)


JudgeFn = Callable[[bytes, list[str], str], Any]
