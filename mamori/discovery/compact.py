"""Detection of a whole extraction with tables read as rows: no object per cell, findings kept as rows.

A big customer list is a million cells. Made into one ``TextUnit`` (and ``Location``) per cell and one ``Finding``
per value found, the objects cost more than the detection itself. Here a table goes to the core as its rows
(:meth:`Detector.detect_segments`: the same batches, so the same findings, as one piece per cell), and the
findings come back as arrays: ``(source, index, row, column, start, end, type, recognizer, subtype)`` and a score.
:meth:`Inspected.pairs` makes the ``(TextUnit, [Finding])`` pairs of :func:`mamori.discovery.runner.detect_units`
for a caller that wants objects; the inventory counts from the arrays.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mamori.detect.finding import Finding
from mamori.extract import Table, TextUnit, Units

if TYPE_CHECKING:
    from mamori.detect import Detector

FIELDS = 9  # u32 per finding
NONE = 2**32 - 1
TEXT_SOURCE, TABLE_SOURCE = 0, 1


@dataclass(frozen=True, slots=True)
class Inspected:
    """What was read of ``texts`` (text units, the file's name first) and ``tables`` (table index in the
    extraction, the table, how many cells were kept), and the findings there, compact."""

    texts: tuple[TextUnit, ...]
    # (index in Extraction.tables, table, cells kept, keep, text units before its cells)
    tables: tuple[tuple[int, Table, int, int | None, int], ...]
    done: int  # pieces (text units and non-empty cells) read, in order
    total: int  # pieces in all
    names: tuple[str, ...]
    fields: array  # array("I"), FIELDS per finding
    scores: array  # array("d"), one per finding

    def __len__(self) -> int:
        return len(self.scores)

    def column(self, k: int) -> array:
        """Field ``k`` of every finding (0 source, 1 index, 2 row, 3 column, 4 start, 5 end, 6 type, ...)."""
        return self.fields[k::FIELDS]

    def piece_text(self, source: int, index: int, row: int, column: int) -> str:
        """The text a finding's offsets point into: a text unit's, or a cell's stripped value."""
        if source == TEXT_SOURCE:
            return self.texts[index].text
        table = self.tables[index][1]
        return table.rows[row].cells[column].strip()

    def finding(self, i: int) -> Finding:
        """Finding ``i`` as an object."""
        source, index, row, column, start, end, kind, rec, sub = self.fields[i * FIELDS : (i + 1) * FIELDS]
        text = self.piece_text(source, index, row, column)[start:end]
        names = self.names
        return Finding(names[kind], start, end, self.scores[i], names[rec], text, None if sub == NONE else names[sub])

    def pairs(self) -> Iterator[tuple[TextUnit, list[Finding]]]:
        """``(unit, findings)`` for each piece read, in order, as one unit per cell would give (for callers
        that want objects; slow on a big table)."""
        by_piece: dict[tuple[int, int, int, int], list[Finding]] = {}
        for i in range(len(self)):
            key = tuple(self.fields[i * FIELDS : i * FIELDS + 4])
            by_piece.setdefault(key, []).append(self.finding(i))  # type: ignore[arg-type]
        left = self.done
        pos = 0
        for k, (_, table, cells, _, at) in enumerate(self.tables):
            for i in range(pos, min(at, len(self.texts))):
                if left <= 0:
                    return
                left -= 1
                yield self.texts[i], by_piece.get((TEXT_SOURCE, i, 0, 0), [])
            pos = max(pos, at)
            for (r, c), unit in zip(_cell_keys(table, cells), _cell_units(self, k), strict=True):
                if left <= 0:
                    return
                left -= 1
                yield unit, by_piece.get((TABLE_SOURCE, k, r, c), [])
        for i in range(pos, len(self.texts)):
            if left <= 0:
                return
            left -= 1
            yield self.texts[i], by_piece.get((TEXT_SOURCE, i, 0, 0), [])


def _cell_keys(table: Table, cells: int) -> Iterator[tuple[int, int]]:
    """(row index, column index) of the first ``cells`` non-empty cells."""
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row.cells):
            if value.strip():
                if cells <= 0:
                    return
                cells -= 1
                yield r, c


def _cell_units(inspected: Inspected, k: int) -> Iterator[TextUnit]:
    from mamori.extract import CellBlock

    index, table, cells, keep, _ = inspected.tables[k]
    return CellBlock(0, index, cells, keep).units(table)


def detect_compact(
    detector: Detector, name: TextUnit, units: Units, lang: str, deadline: float
) -> Inspected:
    """The findings of ``name`` (the file's own name) and ``units`` (an extraction's, tables as blocks), tables
    handed to the core as rows; no batch starts after ``deadline`` (``time.monotonic()``)."""
    texts = (name, *units.texts)
    tables = tuple((b.table, units.tables[b.table], b.cells, b.keep, b.at + 1) for b in units.blocks)
    total = len(texts) + sum(t[2] for t in tables)
    left = deadline - time.monotonic()
    if left < 0:
        return Inspected(texts, tables, 0, total, (), array("I"), array("d"))
    done, total_core, names, fields, scores = detector.detect_segments(
        [(u.context, u.text) for u in texts],
        [
            (at, t.header, [r.cells for r in t.rows], t.key_value, cells, keep)
            for _, t, cells, keep, at in tables
        ],
        lang,
        None if left == float("inf") else left,
    )
    assert total_core == total, (total_core, total)
    f = array("I")
    f.frombytes(fields)
    s = array("d")
    s.frombytes(scores)
    return Inspected(texts, tables, done, total, tuple(names), f, s)
