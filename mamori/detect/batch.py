"""Detection over many short pieces of text (table cells, paragraphs) in few detector calls.

Pieces are joined into batches of about 32k characters, each piece after its context (a cell's column header:
"生年月日: 1980年1月2日"), so one call reads many cells; each finding goes back to the piece its start falls in,
cut at that piece's end. A finding inside a context or a separator is dropped.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from mamori.detect.finding import Finding

if TYPE_CHECKING:
    from mamori.detect.detector import Detector

BATCH_CHARS = 32 * 1024
SEPARATOR = "\n\n"


def detect_batched(
    detector: Detector, pieces: Sequence[tuple[str, str]], lang: str = "auto", deadline: float = float("inf")
) -> list[list[Finding]]:
    """Findings per ``(context, text)`` piece, offsets into ``text``; stops between batches once ``deadline``
    (``time.monotonic()``) has passed, so the result may be shorter than ``pieces``. Batches go to
    ``detector.detect_many`` a few at a time, so a detector with ``threads`` > 1 reads them on that many cores."""
    out: list[list[Finding]] = []
    if detector.core_only:  # the same batches, detected and mapped back in the core (BATCH_CHARS and SEPARATOR there)
        left = deadline - time.monotonic()
        if left < 0:
            return out
        return detector.detect_pieces(pieces, lang, None if left == float("inf") else left)
    group = max(1, detector.threads)
    batches = _batches(pieces)
    while time.monotonic() <= deadline:
        taken = list(itertools.islice(batches, group))
        if not taken:
            break
        for batch, found in zip(taken, detector.detect_many([b.text for b in taken], lang), strict=True):
            out.extend(batch.split(found))
    return out


class _Batch:
    """Pieces joined into one text: each piece's context, then its own text, then a separator."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []  # where each piece's own text starts in the joined text
        self.ends: list[int] = []
        self.size = 0

    def add(self, context: str, text: str) -> None:
        self.parts.append(context + text)
        self.starts.append(self.size + len(context))
        self.ends.append(self.size + len(context) + len(text))
        self.size += len(self.parts[-1]) + len(SEPARATOR)

    @property
    def text(self) -> str:
        return SEPARATOR.join(self.parts)

    def split(self, found: list[Finding]) -> list[list[Finding]]:
        """The findings (in text order) given back to the piece their start falls in, cut at its end."""
        per_piece: list[list[Finding]] = [[] for _ in self.parts]
        starts, ends = self.starts, self.ends
        k = 0
        for f in found:
            while k + 1 < len(starts) and starts[k + 1] <= f.start:
                k += 1
            if f.start < starts[k] or f.start >= ends[k]:
                continue  # in a context or a separator
            end = min(f.end, ends[k])
            text = f.text[: end - f.start]
            shift = starts[k]
            per_piece[k].append(Finding(f.type, f.start - shift, end - shift, f.score, f.recognizer, text, f.subtype))
        return per_piece


def _batches(pieces: Sequence[tuple[str, str]]) -> Iterator[_Batch]:
    i = 0
    while i < len(pieces):
        batch = _Batch()
        first = i
        while i < len(pieces) and (i == first or batch.size + len(pieces[i][1]) <= BATCH_CHARS):
            batch.add(*pieces[i])
            i += 1
        yield batch
