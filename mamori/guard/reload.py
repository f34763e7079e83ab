"""Reloading the guard's inputs while the gateway and the web app run: a changed policy or contact list, no restart.

The live contact list is the file ``[guard] contacts`` of mamori.toml names, and the live policy is mamori.toml
itself; the administration pages replace both atomically (``mamori.web.config_files.replace_file``: a temporary
file in the same folder, fsync, ``os.replace``), so a reader sees the old file or the new one, never half of one.

A ``GuardReloader`` watches both files by their (device, inode, size, mtime) and, when either changed, loads the
policy, the ``[detect]`` settings and the contacts anew and swaps them into the shared ``GuardInputs`` in place (the
gateway's judge and the web app's check API read that one object). It watches the sending history file
(``[guard] history``, the history from before mamori) too: a changed file is read and **added** to the running
history (``History.merge``: the running one also holds what the gateways delivered since, from the store, so it is
never replaced; an entry taken out of the file stays until a restart). Checks cost two ``stat`` calls and run at most
every ``interval`` seconds, from the thread that judges. A file that does not load (a bad policy, a broken CSV)
is refused: the running inputs stay, the error is logged by its key (never the file's content), and the same
files are not tried again until they change.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mamori.guard.directory import load_contacts
from mamori.guard.history import load_history
from mamori.guard.inputs import GuardInputs, guard_paths
from mamori.guard.policy import load_policy

log = logging.getLogger("mamori.guard")

Stamp = tuple[int, int, int, int] | None


def stamp(path: Path | None) -> Stamp:
    """What tells a file's versions apart: (device, inode, size, mtime in ns); None when it is missing."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass
class Reloaded:
    """The outcome of one reload: ``ok`` and, when refused, the error (names the key or the row, not the data)."""

    ok: bool
    error: str = ""


class GuardReloader:
    """``GuardReloader(guard, config_path, contacts)``; ``check()`` before each use, ``reload()`` to force one."""

    def __init__(
        self, guard: GuardInputs, config_path: str | Path, contacts: Path | None = None, interval: float = 0.0,
        history: Path | None = None,
    ) -> None:
        self.guard = guard
        self.config_path = Path(config_path)
        self._contacts_default = contacts
        self._history_default = history
        self.contacts = self._contacts_path()
        self.history = self._history_path()
        self.interval = interval
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._stamps = self._now()
        self._history_seen = (self.history, self._stamps[2])  # the history file last merged (or refused)
        self.last_error = ""

    def _contacts_path(self) -> Path | None:
        try:
            path, _ = guard_paths(self.config_path)
        except (OSError, ValueError):
            return self._contacts_default
        return path if path is not None else self._contacts_default

    def _history_path(self) -> Path | None:
        try:
            _, path = guard_paths(self.config_path)
        except (OSError, ValueError):
            return self._history_default
        return path if path is not None else self._history_default

    def _now(self) -> tuple[Stamp, Stamp, Stamp]:
        return stamp(self.config_path), stamp(self.contacts), stamp(self.history)

    def check(self) -> bool:
        """Reload when a file changed since the last look (at most every ``interval`` s); True when it did."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return False
        self._checked = now
        if self._now() == self._stamps:
            return False
        if not self._lock.acquire(blocking=False):  # another thread is reloading right now
            return False
        try:
            return self._reload_locked().ok
        finally:
            self._lock.release()

    def reload(self) -> Reloaded:
        """Load the files now (after the administration pages wrote them)."""
        with self._lock:
            return self._reload_locked()

    def _reload_locked(self) -> Reloaded:
        self.contacts = self._contacts_path()
        self.history = self._history_path()
        stamps = self._now()
        seen = (self.history, stamps[2])
        history = None
        try:
            fresh = _load(self.config_path, self.contacts, self.guard.detect_config)
            # (parsed only when it changed: a long history costs a second; an unchanged one adds nothing)
            if seen != self._history_seen and self.history is not None:
                self._history_seen = seen  # a file that does not parse is not tried again until it changes
                history = load_history(self.history)
        except Exception as exc:  # refused: the running inputs stay
            self._stamps = stamps  # not again until the files change
            self.last_error = f"{type(exc).__name__}: {exc}"
            log.error("the changed policy, contacts or history were refused; the running ones stay: %s",
                      self.last_error[:300])
            return Reloaded(False, self.last_error)
        policy, directory, channels, detect, detector = fresh
        g = self.guard
        if detector is not None:
            g._detector = detector
            g.detect_config = detect
        g.directory = directory
        g.channels = channels
        g.policy = policy
        if history is not None:
            g.history.merge(history)  # copy on write: a judge reading it in another thread sees old or new sets
        self._stamps = stamps
        self._history_seen = seen
        self.last_error = ""
        log.info("guard inputs reloaded: policy, %d contact(s)", len(directory.contacts))
        return Reloaded(True)


def _load(config_path: Path, contacts: Path | None, running_detect: Any) -> tuple[Any, Any, Any, Any, Any]:
    """Everything that can change, loaded before anything is swapped; a new detector only when [detect] changed."""
    from mamori.detect.config import load_detect_config
    from mamori.guard.channel import channel_index_from

    policy = load_policy(config_path)
    detect = load_detect_config(config_path) or None
    directory = load_contacts(contacts)
    channels = channel_index_from(directory, contacts)
    detector = None
    if detect != running_detect:
        from mamori.detect.detector import Detector, default_detector

        detector = Detector(config=detect) if detect else default_detector()
    return policy, directory, channels, detect, detector
