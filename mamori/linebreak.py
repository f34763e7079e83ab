"""Japanese line breaking for the terminal: where a line of mixed Japanese and Latin text may break.

Rich breaks lines at spaces and folds a long run anywhere, so 「約 80 名分」 in a narrow table cell ends up as
「80」 on one line and 「名分」 on the next, and a line may start with 「、」. ``units`` cuts a text into the pieces
that must stay together (a Latin word or a file name, a number with its counter and the space between them, a
character with the closing punctuation after it or the opening bracket before it); ``wrap`` lays them out on lines of
a given width in terminal cells; ``Wrapped`` is a Rich renderable doing that inside a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

# may not start a line (行頭禁則) / may not end one (行末禁則)
NO_START = set("、。，．,.:;!?！？）)]｝}」』】〉》〕・ー…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％%")
NO_END = set("（([｛{「『【〈《〔")
# counters and units written after a number: the number and these stay on one line (80 名分, 3 件, 1,200 円)
COUNTERS = "名分件社人円個通枚行日年月時秒回歳才割点台部本冊頁週間ヶか所度倍"
_PIECE = re.compile(
    rf"(?P<count>[0-9０-９][0-9０-９,.，．]*[ \u00a0]?[{COUNTERS}％%]+)"  # a number and its counter
    r"|(?P<latin>[\x21-\x7e\u00a0-\u024f]+)"  # a Latin word, a number, a file name or address
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.DOTALL,
)


def units(text: str) -> list[str]:
    """The text as pieces no line break may split; joined back they are the text. Spaces are pieces of their own."""
    out: list[str] = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        glued = out and not m.group("space") and not out[-1].isspace()
        if glued and (piece[0] in NO_START or out[-1][-1] in NO_END):
            out[-1] += piece
            continue
        out.append(piece)
    return out


def _fold(piece: str, width: int) -> Iterator[str]:
    """A piece wider than a whole line, cut into lines (the last resort)."""
    line = ""
    for ch in piece:
        if line and cell_len(line + ch) > width:
            yield line
            line = ""
        line += ch
    if line:
        yield line


def wrap(text: str, width: int) -> list[str]:
    """The text on lines at most ``width`` cells wide, broken only between units (and at its own newlines)."""
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in units(paragraph):
            if piece.isspace():
                if line:
                    line += " "
                continue
            if cell_len(line + piece) <= width:
                line += piece
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            if cell_len(piece) > width:
                *full, line = _fold(piece, width)
                lines += full
            else:
                line = piece
        lines.append(line.rstrip())
    return lines


class Wrapped:
    """Plain text (never read as markup) that Rich wraps by ``wrap``: for table cells with Japanese text."""

    def __init__(self, text: str, style: str | Style = "") -> None:
        self.text = text
        self.style = style

    def __rich_measure__(self, console: Any, options: Any) -> Measurement:
        pieces = [p for p in units(self.text) if not p.isspace()] or [""]
        widest = max(cell_len(line) for line in self.text.split("\n"))
        return Measurement(min(max(cell_len(p) for p in pieces), options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Segment]:
        style = console.get_style(self.style) if isinstance(self.style, str) and self.style else self.style or None
        for line in wrap(self.text, options.max_width):
            yield Segment(line, style)
            yield Segment.line()
