"""`[detect]` in mamori.toml: an organisation's own identifiers, terms always reported, values never reported.

    [detect]
    deny = ["Project Falcon", "ファルコン計画"]      # always reported (code names), as deny_type
    deny_type = "CONFIDENTIAL"                       # the entity type of deny-list findings (default)
    allow = ["03-1234-5678", "東京都千代田区丸の内9-9-9"]  # never reported (our own number and address)

    [[detect.custom]]
    type = "EMPLOYEE_ID"                # upper-case name (A-Z, 0-9, _)
    pattern = "EMP-[0-9]{6}"            # Rust regex syntax, matched on the folded text (full-width folded)
    context = ["社員番号", "employee"]   # optional: a word within `window` characters raises the score by 0.3
    score = 0.6                         # optional (default 0.6): a bare match; the threshold is 0.5
    window = 40                         # optional (default 40)
    validate = "luhn"                   # optional: luhn, mod11, my_number, corporate_number, drivers_license, iban

Pure: text or a parsed table in, a :class:`DetectConfig` out; every error is a :class:`DetectConfigError` naming the
entry. The patterns are compiled by the core when a detector is built (``Detector(config=...)``), which reports a bad
pattern the same way.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_SCORE = 0.6
DEFAULT_WINDOW = 40
DEFAULT_DENY_TYPE = "CONFIDENTIAL"
VALIDATORS = ("luhn", "mod11", "my_number", "corporate_number", "drivers_license", "iban")
_CUSTOM_KEYS = frozenset({"type", "pattern", "context", "score", "window", "validate"})
_DETECT_KEYS = frozenset({"custom", "deny", "deny_type", "allow"})


class DetectConfigError(ValueError):
    """A `[detect]` table that cannot be used; the message names the entry and the key."""


@dataclass(frozen=True)
class CustomRule:
    """One ``[[detect.custom]]`` entry."""

    type: str
    pattern: str
    context: tuple[str, ...] = ()
    score: float = DEFAULT_SCORE
    window: int = DEFAULT_WINDOW
    validate: str | None = None

    def as_row(self) -> tuple[str, str, list[str], float, int, str | None]:
        return (self.type, self.pattern, list(self.context), self.score, self.window, self.validate)


@dataclass(frozen=True)
class DetectConfig:
    """The organisation's detection settings; the empty config changes nothing."""

    custom: tuple[CustomRule, ...] = ()
    deny: tuple[str, ...] = ()
    deny_type: str = DEFAULT_DENY_TYPE
    allow: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.custom or self.deny or self.allow)

    @property
    def types(self) -> frozenset[str]:
        """The entity types this config adds."""
        out = {r.type for r in self.custom}
        if self.deny:
            out.add(self.deny_type)
        return frozenset(out)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DetectConfigError(f"{where} must be a list of strings")
    if any(not v.strip() for v in value):
        raise DetectConfigError(f"{where}: an empty string")
    return tuple(value)


def _type_name(value: Any, where: str) -> str:
    if (
        not isinstance(value, str)
        or not 1 <= len(value) <= 40
        or not value[0].isascii()
        or not value[0].isupper()
        or not all(c.isascii() and (c.isupper() or c.isdigit() or c == "_") for c in value)
    ):
        raise DetectConfigError(f"{where} must be an upper-case name (A-Z, 0-9, _), up to 40 characters")
    return value


def _custom(entry: Any, n: int) -> CustomRule:
    where = f"[[detect.custom]] #{n}"
    if not isinstance(entry, dict):
        raise DetectConfigError(f"{where} must be a table")
    unknown = sorted(set(entry) - _CUSTOM_KEYS)
    if unknown:
        raise DetectConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_CUSTOM_KEYS))})")
    if "type" not in entry or "pattern" not in entry:
        raise DetectConfigError(f"{where}: 'type' and 'pattern' are required")
    kind = _type_name(entry["type"], f"{where}: type")
    where = f"{where} ({kind})"
    pattern = entry["pattern"]
    if not isinstance(pattern, str) or not pattern:
        raise DetectConfigError(f"{where}: pattern must be a non-empty string")
    score = entry.get("score", DEFAULT_SCORE)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0.0 <= float(score) <= 1.0:
        raise DetectConfigError(f"{where}: score must be a number between 0 and 1")
    window = entry.get("window", DEFAULT_WINDOW)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 4096:
        raise DetectConfigError(f"{where}: window must be a whole number from 1 to 4096")
    validate = entry.get("validate")
    if validate is not None and validate not in VALIDATORS:
        raise DetectConfigError(f"{where}: validate must be one of {', '.join(VALIDATORS)}, not {validate!r}")
    context = _strings(entry.get("context", []), f"{where}: context")
    return CustomRule(kind, pattern, context, float(score), window, validate)


def parse_detect_table(table: Any) -> DetectConfig:
    """The ``[detect]`` table of a parsed mamori.toml (``None`` or missing: the empty config)."""
    if table is None:
        return DetectConfig()
    if not isinstance(table, dict):
        raise DetectConfigError("[detect] must be a table")
    unknown = sorted(set(table) - _DETECT_KEYS)
    if unknown:
        raise DetectConfigError(f"[detect]: unknown key {unknown[0]!r} (known: {', '.join(sorted(_DETECT_KEYS))})")
    custom = table.get("custom", [])
    if not isinstance(custom, list):
        raise DetectConfigError("[[detect.custom]] must be an array of tables")
    return DetectConfig(
        custom=tuple(_custom(e, n) for n, e in enumerate(custom, 1)),
        deny=_strings(table.get("deny", []), "[detect] deny"),
        deny_type=_type_name(table.get("deny_type", DEFAULT_DENY_TYPE), "[detect] deny_type"),
        allow=_strings(table.get("allow", []), "[detect] allow"),
    )


def parse_detect_config(text: str) -> DetectConfig:
    """The ``[detect]`` settings of a mamori.toml given as text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DetectConfigError(f"not valid TOML: {e}") from None
    return parse_detect_table(data.get("detect"))


def load_detect_config(path: str | Path) -> DetectConfig:
    """The ``[detect]`` settings of the mamori.toml at ``path`` (OSError when it cannot be read)."""
    return parse_detect_config(Path(path).read_text(encoding="utf-8"))
