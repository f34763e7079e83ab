"""mamori.toml and the contacts file as the administration pages change them: sections, validation, atomic replace.

The policy page edits only some sections of mamori.toml (``POLICY_SECTIONS``; the keywords page only ``[detect]``):
``sections_text`` cuts them out of the file as written (comments kept), ``splice`` puts an edited text back in
their place, leaving every other section (``[web]`` with its secret key, ``[store]``) as it was. ``validate``
checks the whole result as the gateway and the web app would load it — TOML syntax, the guard's policy, ``[detect]``,
``[gateway]`` and ``[guard] contacts`` — and names the line (of the edited text) and the key of the first problem.
``replace_file`` writes a file atomically: readers (the gateway's ``GuardReloader``) see the old or the new one.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import os
import re
import tempfile
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mamori.guard.policy import line_of

POLICY_SECTIONS = (
    "organization",
    "thresholds",
    "actions",
    "unscannable",
    "blocked",
    "free_mail",
    "override",
    "guard",
    "detect",
    "gateway",
)
KEYWORD_SECTIONS = ("detect",)
_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_-]+)[^\]]*\]\]?\s*(#.*)?$")
_KEY_IN_MESSAGE = re.compile(r"\b((?:[a-z_]+)(?:\[\d+\])?(?:\.[\w-]+)+)\b")
_TOML_LINE = re.compile(r"at line (\d+)")


# held from the check that the file is still the one previewed until it is replaced: two administrators saving at
# once in this process are serialised (the second is told the file changed)
WRITE_LOCK = threading.Lock()
T = TypeVar("T")


def serialised(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` (a route that checks a file's digest, then replaces the file) run under ``WRITE_LOCK``."""

    @functools.wraps(fn)
    def inner(*args: Any, **kwargs: Any) -> T:
        with WRITE_LOCK:
            return fn(*args, **kwargs)

    return inner


class ConfigError(ValueError):
    """A text that cannot be used; ``line`` is 1-based in the text the administrator edited (0: not known)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line

    def __str__(self) -> str:
        text = super().__str__()
        return f"line {self.line}: {text}" if self.line else text


@dataclass(frozen=True)
class Block:
    """A run of lines: the head of the file (``name`` "") or one table from its header to the next header."""

    name: str
    text: str


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    name, lines = "", []  # type: ignore[var-annotated]
    for line in text.splitlines(keepends=True):
        header = _HEADER.match(line)
        if header:
            if lines:
                out.append(Block(name, "".join(lines)))
            name, lines = header.group(1), []
        lines.append(line)
    if lines:
        out.append(Block(name, "".join(lines)))
    return out


def sections_text(text: str, sections: tuple[str, ...]) -> str:
    """The tables of ``sections`` (and their sub-tables) as written, in the file's order."""
    return "".join(b.text for b in blocks(text) if b.name in sections)


def splice(text: str, edited: str, sections: tuple[str, ...]) -> tuple[str, int]:
    """``text`` with its ``sections`` replaced by ``edited`` (at the first one's place, else at the end), and the
    number of lines before ``edited`` in the result. ConfigError when ``edited`` holds another table."""
    seen_header = False
    for number, line in enumerate(edited.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and header.group(1) not in sections:
            raise ConfigError(f"[{header.group(1)}] cannot be edited here (only {', '.join(sections)})", number)
        if not header and not seen_header and line.strip() and not line.lstrip().startswith("#"):
            raise ConfigError(
                f"a key before the first [table] header: start with a header such as [{sections[0]}]", number
            )
        seen_header = seen_header or bool(header)
    if edited and not edited.endswith("\n"):
        edited += "\n"
    parts: list[str] = []
    offset = -1
    for b in blocks(text):
        if b.name in sections:
            if offset < 0:
                offset = sum(p.count("\n") for p in parts)
                parts.append(edited)
            continue
        parts.append(b.text if b.text.endswith("\n") else b.text + "\n")
    if offset < 0:
        offset = sum(p.count("\n") for p in parts)
        parts.append(edited)
    return "".join(parts), offset


def _edited_line(message: str, full: str, offset: int, edited_lines: int) -> int:
    """The line of the key a loader's message names, in the edited text (0 when it is elsewhere or unknown)."""
    m = _TOML_LINE.search(message)
    number = int(m.group(1)) if m else None
    if number is None:
        key = _KEY_IN_MESSAGE.search(message)
        if key is None:
            head = re.search(r"\[\[?([a-z_.]+)\]\]?", message)
            number = line_of(full, head.group(1)) if head else None
        else:
            number = line_of(full, key.group(1))
    if number is None:
        return 0
    inside = number - offset
    return inside if 0 < inside <= edited_lines else 0


def validate(full: str, base: Path, offset: int = 0, edited_lines: int | None = None) -> None:
    """Raise ConfigError when ``full`` (a whole mamori.toml whose folder is ``base``) would not load."""
    from mamori.detect.config import DetectConfigError, parse_detect_table
    from mamori.gateway.settings import SettingsError, parse_gateway_settings
    from mamori.guard.directory import load_contacts
    from mamori.guard.policy import PolicyError, parse_policy

    lines = edited_lines if edited_lines is not None else full.count("\n") + 1
    try:
        data = tomllib.loads(full)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", _edited_line(str(exc), full, offset, lines)) from None
    try:
        parse_policy(full)
        parse_detect_table(data.get("detect"))
        if "gateway" in data:
            parse_gateway_settings(data, base)
        guard = data.get("guard", {})
        contacts = guard.get("contacts") if isinstance(guard, dict) else None
        if isinstance(contacts, str) and contacts:
            path = base / contacts
            if not path.is_file():
                raise SettingsError(f"guard.contacts: no such file {contacts!r}")
            load_contacts(path)
    except (PolicyError, DetectConfigError, SettingsError, ValueError, OSError) as exc:
        message = re.sub(r" \(line \d+\)$", "", str(exc))
        raise ConfigError(message, _edited_line(str(exc), full, offset, lines)) from None


def diff(old: str, new: str, name: str = "mamori.toml") -> list[tuple[str, str]]:
    """A unified diff as (kind, line) pairs: kind is "add", "del", "hunk" or "same"."""
    out: list[tuple[str, str]] = []
    for line in difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"{name} (now)", f"{name} (new)", lineterm="", n=2
    ):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
        out.append((kind, line))
    return out


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` atomically: a temporary file beside it, flushed to disk, then renamed over it (keeps the mode
    of the file it replaces)."""
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o640
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the rename itself made durable
        dirfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dirfd)
        finally:
            os.close(dirfd)
