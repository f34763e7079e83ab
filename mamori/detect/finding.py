"""`Finding`: one piece of personal information found in a text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mamori.detect.mask import mask_value


@dataclass(slots=True)
class Finding:
    """A typed span of the original text. Treat it as immutable.

    ``start``/``end`` are code-point offsets into the text given to the detector (end exclusive).
    ``text`` holds the raw value and is kept out of ``repr``, so that a finding printed to a log
    shows only its :attr:`masked` rendering. (Not a frozen dataclass: a frozen one costs five times
    as much to build, and detection builds many.)
    """

    type: str
    start: int
    end: int
    score: float
    recognizer: str
    text: str = field(repr=False, default="")
    subtype: str | None = None

    @property
    def masked(self) -> str:
        """The value with most of it hidden (山田太郎 → 山田■■, 090-****-5678)."""
        return mask_value(self.type, self.text)

    def __repr__(self) -> str:
        sub = f"/{self.subtype}" if self.subtype else ""
        return (
            f"Finding({self.type}{sub} {self.start}:{self.end} score={self.score:.2f} "
            f"masked={self.masked!r} by {self.recognizer})"
        )

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self, *, raw: bool = False) -> dict[str, Any]:
        """A JSON-ready dict. The raw value is included only when ``raw`` is asked for."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "score": round(self.score, 3),
            "recognizer": self.recognizer,
            "masked": self.masked,
        }
        if self.subtype:
            out["subtype"] = self.subtype
        if raw:
            out["text"] = self.text
        return out
