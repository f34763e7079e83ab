"""Plain values of a print run: its pages as lines of text with their boxes, in millimetres from the page's
top-left corner (as ``--window`` is given)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in millimetres from the page's top-left corner."""

    left: float
    top: float
    right: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def inside(self, outer: Box, tolerance: float = 0.3) -> bool:
        return (
            self.left >= outer.left - tolerance
            and self.top >= outer.top - tolerance
            and self.right <= outer.right + tolerance
            and self.bottom <= outer.bottom + tolerance
        )

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as the PDF's text layer gives it, and its box."""

    text: str
    box: Box


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the run: its number (from 1), size in mm, and lines in the text layer's order."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def window_box(spec: str) -> Box:
    """``LEFT,TOP,WIDTH,HEIGHT`` (mm) as a box; ValueError with a bilingual message when it is not that."""
    parts = [p.strip() for p in spec.split(",")]
    try:
        left, top, width, height = (float(p) for p in parts)
    except ValueError:
        raise ValueError(
            f"--window needs LEFT,TOP,WIDTH,HEIGHT in millimetres, got {spec!r} / "
            f"--window は 左,上,幅,高さ（mm）の4つの数で指定してください"
        ) from None
    if width <= 0 or height <= 0 or left < 0 or top < 0:
        raise ValueError(
            f"--window: width and height must be positive, left and top not negative ({spec}) / "
            "--window の幅・高さは正、左・上は0以上にしてください"
        )
    return Box(left, top, left + width, top + height)
