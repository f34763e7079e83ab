"""`Finding`: one piece of personal information found in a text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Finding:
    """A typed span of the original text.

    ``start``/``end`` are code-point offsets into the text given to the detector (end exclusive).
    ``text`` holds the raw value and is kept out of ``repr`` so that a finding printed to a log
    shows only its masked rendering.
    """

    type: str
    start: int
    end: int
    score: float
    recognizer: str
    masked: str
    text: str = field(repr=False, default="")
    subtype: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

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
