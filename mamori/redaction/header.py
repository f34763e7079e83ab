"""Which row of a table is its header: the column names given to the detector as context for every cell."""

from __future__ import annotations

import re
from collections.abc import Sequence

_DATA_LIKE = re.compile(r"[@＠\d０-９]")
_MAX_HEADER_CELL = 40
_SCAN = 5


def header_index(rows: Sequence[Sequence[str]]) -> int | None:
    """Index of the header among the first rows: the first row with two or more cells filled, when those cells are
    distinct short labels without digits or ``@``. Rows with one cell (titles) above it are passed over."""
    for i, cells in enumerate(rows[:_SCAN]):
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) < 2:  # empty, or a title above the table (顧客名簿 2024年度)
            continue
        if len(set(filled)) != len(filled):
            return None
        if all(len(c) <= _MAX_HEADER_CELL and not _DATA_LIKE.search(c) for c in filled):
            return i
        return None
    return None


def column_names(rows: Sequence[Sequence[str]]) -> tuple[int | None, list[str]]:
    """``(header row index, names)``; names is empty when there is no header."""
    index = header_index(rows)
    if index is None:
        return None, []
    return index, [c.strip() for c in rows[index]]
