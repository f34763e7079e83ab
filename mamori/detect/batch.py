"""Detection over many short pieces of text (table cells, paragraphs) in few detector calls.

Pieces are joined into batches of about 32k characters, each piece after its context (a cell's column header:
"生年月日: 1980年1月2日"), so one call reads many cells; each finding goes back to the piece its start falls in,
cut at that piece's end. A finding inside a context or a separator is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mamori.detect.detector import Detector
    from mamori.detect.finding import Finding

BATCH_CHARS = 32 * 1024
SEPARATOR = "\n\n"


def detect_batched(
    detector: Detector, pieces: Sequence[tuple[str, str]], lang: str = "auto", deadline: float = float("inf")
) -> list[list[Finding]]:
    """Findings per ``(context, text)`` piece, offsets into ``text``; stops between batches once ``deadline``
    (``time.monotonic()``) has passed, so the result may be shorter than ``pieces``."""
    out: list[list[Finding]] = []
    i = 0
    while i < len(pieces):
        if time.monotonic() > deadline:
            break
        joined: list[str] = []
        starts: list[int] = []  # where each piece's own text starts in the joined text
        ends: list[int] = []
        pos = 0
        first = i
        while i < len(pieces) and (i == first or pos + len(pieces[i][1]) <= BATCH_CHARS):
            context, text = pieces[i]
            joined.append(context + text)
            starts.append(pos + len(context))
            ends.append(pos + len(context) + len(text))
            pos += len(joined[-1]) + len(SEPARATOR)
            i += 1
        per_piece: list[list[Finding]] = [[] for _ in joined]
        k = 0
        for f in detector.detect(SEPARATOR.join(joined), lang):  # in text order
            while k + 1 < len(joined) and starts[k + 1] <= f.start:
                k += 1
            if f.start < starts[k] or f.start >= ends[k]:
                continue  # in a context or a separator
            if f.end > ends[k]:
                f.text = f.text[: ends[k] - f.start]
                f.end = ends[k]
            f.start -= starts[k]
            f.end -= starts[k]
            per_piece[k].append(f)
        out.extend(per_piece)
    return out
