"""The guard's inputs for the web app and the check API: policy, directory, history and a detector.

Loaded from the same mamori.toml (``[organization]`` and the other policy sections, ``[guard] contacts`` and
``history``, paths relative to the toml file). ``None`` when the file has no ``[organization]``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.guard import Directory, History, Policy, load_contacts, load_history, load_policy


@dataclass
class GuardState:
    policy: Policy
    directory: Directory
    history: History
    _detector: Any = field(default=None, repr=False)

    @property
    def detector(self) -> Any:
        """The shared detector, created on first use (it takes a second or two to load)."""
        if self._detector is None:
            from mamori.detect.detector import default_detector

            self._detector = default_detector()
        return self._detector


def load_guard_state(config_path: Path | None) -> GuardState | None:
    """The guard from ``config_path``; ``None`` when there is no file or no ``[organization]`` section.

    Raises ``PolicyError`` / ``OSError`` / ``ValueError`` for a policy or data file that is there but broken.
    """
    if config_path is None or not Path(config_path).is_file():
        return None
    data = tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig"))
    if "organization" not in data:
        return None
    guard = data.get("guard", {})
    if not isinstance(guard, dict):
        raise ValueError("[guard] must be a table")
    base = Path(config_path).resolve().parent

    def path(key: str) -> Path | None:
        value = guard.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError(f"guard.{key} must be a path string")
        return base / value

    return GuardState(load_policy(config_path), load_contacts(path("contacts")), load_history(path("history")))
