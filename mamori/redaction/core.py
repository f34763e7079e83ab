"""`Masker`: finds personal information in a string and gives its masked replacement, counting what it masked.

Every format module hands its strings to one `Masker`. A masked string never keeps a detected value whole: when a
partial rendering would (a phone written without separators keeps its first group, which is every digit), the
value is blocked out instead, and other occurrences of a detected value (two characters or more) in the same string
are masked too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mamori.detect import Finding, mask_value
from mamori.detect.mask import BLOCK

STYLES = ("partial", "type", "block")
_SCAN_BUDGET = 200_000_000  # characters compared when looking for other occurrences of detected values
_ALNUM = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")


class RedactionError(ValueError):
    """The file cannot be redacted (broken, unreadable or not what its name says)."""


class UnsupportedFormat(RedactionError):
    """No redactor for this kind of file."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    type: str
    replacement: str


def _block(value: str) -> str:
    return "".join(c if c in "\r\n" else BLOCK for c in value)


def replacement(entity_type: str, value: str, style: str) -> str:
    """The text put in place of ``value``; never contains ``value`` itself."""
    if style == "type":
        out = f"<{entity_type}>"
    elif style == "block":
        out = _block(value)
    elif style == "partial":
        out = mask_value(entity_type, value)
        if value in out:  # a rendering that hides nothing (09012345678 keeps its "first group")
            digits = [m.start() for m in _ALNUM.finditer(value)]
            keep = set(digits[-4:]) if len(digits) > 8 else set()
            out = "".join("*" if i in set(digits) - keep else c for i, c in enumerate(value))
    else:
        raise ValueError(f"unknown mask style {style!r}")
    return out if value not in out else _block(value)


@dataclass
class Masker:
    """Detects and masks; shared by every part of one redaction so that counts and skipped items add up."""

    detector: Any
    types: frozenset[str] | None = None
    style: str = "partial"
    lang: str = "auto"
    min_score: float | None = None
    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(STYLES)}, not {self.style!r}")

    def wants(self, entity_type: str) -> bool:
        return self.types is None or entity_type in self.types

    def findings(self, text: str, context: str | None = None) -> list[Finding]:
        """Findings of the chosen types in ``text``; ``context`` (a column header, a label) is detected with it."""
        if not text.strip():
            return []
        prefix = f"{context}: " if context and context.strip() else ""
        full = prefix + text
        if self.min_score is None:
            found = self.detector.detect(full, self.lang)
        else:
            found = self.detector.detect(full, self.lang, threshold=self.min_score)
        out: list[Finding] = []
        shift = len(prefix)
        for f in found:
            if f.end <= shift or not self.wants(f.type):
                continue
            start = max(f.start, shift) - shift
            end = f.end - shift
            out.append(Finding(f.type, start, end, f.score, f.recognizer, text[start:end], f.subtype) if shift else f)
        return out

    def edits(self, text: str, context: str | None = None, findings: list[Finding] | None = None) -> list[Edit]:
        """Non-overlapping edits for ``text`` in order: each finding, then every other occurrence of its value."""
        found = self.findings(text, context) if findings is None else findings
        taken = bytearray(len(text))
        edits: list[Edit] = []

        def take(start: int, end: int, entity_type: str) -> None:
            if end <= start or taken.find(1, start, end) != -1:
                return
            taken[start:end] = b"\x01" * (end - start)
            edits.append(Edit(start, end, entity_type, ""))

        for f in sorted(found, key=lambda f: (f.start, -f.end)):
            take(f.start, f.end, f.type)
        if not edits:
            return []
        values = {text[f.start : f.end]: f.type for f in found if len(text[f.start : f.end].strip()) >= 2}
        # each value costs a scan of the text: a huge text with very many distinct values is only partly swept
        budget = max(1, _SCAN_BUDGET // max(1, len(text)))
        swept = sorted(values, key=len, reverse=True)[:budget]
        for value in swept:
            pos = text.find(value)
            while pos != -1:
                take(pos, pos + len(value), values[value])
                pos = text.find(value, pos + 1)
        edits.sort(key=lambda e: e.start)
        out = [Edit(e.start, e.end, e.type, replacement(e.type, text[e.start : e.end], self.style)) for e in edits]
        masked = apply(text, out)
        if self.style == "partial" and any(v in masked for v in swept):  # a kept prefix met its neighbour: block
            out = [Edit(e.start, e.end, e.type, _block(text[e.start : e.end])) for e in out]
        for e in out:
            self.counts[e.type] += 1
        return out

    def mask(self, text: str, context: str | None = None) -> str:
        """``text`` with its personal information masked."""
        return apply(text, self.edits(text, context))

    def skip(self, reason: str) -> None:
        self.skipped.append(reason)


def apply(text: str, edits: list[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
