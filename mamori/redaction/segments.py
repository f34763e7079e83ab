"""Masking text that is stored in pieces (runs of a Word paragraph, HTML text nodes, rich-text blocks of a cell).

Detection runs on the joined text, so that a name split over a bold and a plain run is still found; each edit is
then mapped back onto the pieces character by character, so that every piece keeps its own formatting.
"""

from __future__ import annotations

from collections.abc import Sequence

from mamori.redaction.core import Edit


def distribute(parts: Sequence[str], edits: Sequence[Edit], editable: Sequence[bool] | None = None) -> list[str]:
    """The new text of each part after ``edits`` (offsets into ``"".join(parts)``).

    A replacement as long as the value it replaces goes character by character into the parts the value covered;
    a longer or shorter one (``<PHONE>``) goes whole into the first editable part and the rest of the value is
    removed. Parts that are not editable (a tab or a line break element) are kept as they are.
    """
    if editable is None:
        editable = [True] * len(parts)
    owner: list[int] = []
    for i, p in enumerate(parts):
        owner.extend([i] * len(p))
    joined = "".join(parts)
    new: list[str] = list(joined)
    for e in edits:
        if len(e.replacement) == e.end - e.start:
            for k in range(e.start, e.end):
                if editable[owner[k]]:
                    new[k] = e.replacement[k - e.start]
            continue
        placed = False
        for k in range(e.start, e.end):
            if not editable[owner[k]]:
                continue
            new[k] = "" if placed else e.replacement
            placed = True
    out: list[str] = []
    pos = 0
    for i, p in enumerate(parts):
        out.append("".join(new[pos : pos + len(p)]) if editable[i] else p)
        pos += len(p)
    return out
