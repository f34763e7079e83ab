"""What the guard judges against, loaded once from mamori.toml: policy, directory, history, and a warm detector.

The gateway, the web app and the check API share this: ``[organization]`` and the other policy sections, and
``[guard] contacts`` / ``history`` (paths relative to the toml file). ``channels`` adds the contacts' optional FAX
and chat-handle columns for the check API.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.guard.directory import Directory, load_contacts
from mamori.guard.history import History, load_history
from mamori.guard.policy import Policy, load_policy


@dataclass
class GuardInputs:
    policy: Policy
    directory: Directory
    history: History
    channels: Any = None  # a mamori.guard.channel.ChannelIndex, or None (the check API builds one from directory)
    detect_config: Any = None  # a mamori.detect.config.DetectConfig ([detect] of the same mamori.toml), or None
    _detector: Any = field(default=None, repr=False)

    @property
    def detector(self) -> Any:
        """The shared detector, created on first use (it takes a second or two to load), with the organisation's own
        patterns, deny and allow lists when ``[detect]`` sets them."""
        if self._detector is None:
            from mamori.detect.detector import Detector, default_detector

            self._detector = Detector(config=self.detect_config) if self.detect_config else default_detector()
        return self._detector


def guard_paths(config_path: str | Path) -> tuple[Path | None, Path | None]:
    """``[guard] contacts`` and ``history`` of a mamori.toml, resolved against its folder (None when not set)."""
    data = tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig"))
    guard = data.get("guard", {})
    if not isinstance(guard, dict):
        raise ValueError("[guard] must be a table")
    base = Path(config_path).resolve().parent

    def path(key: str) -> Path | None:
        value = guard.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"guard.{key} must be a path string")
        return base / value

    return path("contacts"), path("history")


def load_guard_inputs(
    config_path: str | Path, contacts: Path | None = None, history: Path | None = None, *, detector: bool = False
) -> GuardInputs:
    """Everything from ``config_path`` (contacts/history from its [guard] unless given, detection settings from its
    [detect]); ``detector=True`` loads the detector now rather than on first use. Raises PolicyError, OSError or
    ValueError (a DetectConfigError for a bad [detect] entry) for broken files."""
    from mamori.detect.config import load_detect_config
    from mamori.guard.channel import channel_index_from

    if contacts is None and history is None:
        contacts, history = guard_paths(config_path)
    directory = load_contacts(contacts)
    inputs = GuardInputs(
        load_policy(config_path),
        directory,
        load_history(history),
        channel_index_from(directory, contacts),
        detect_config=load_detect_config(config_path) or None,
    )
    if detector:
        _ = inputs.detector
    return inputs


def has_guard(config_path: str | Path | None) -> bool:
    """Whether a mamori.toml configures the guard (it has an [organization] section)."""
    if config_path is None or not Path(config_path).is_file():
        return False
    return "organization" in tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig"))
