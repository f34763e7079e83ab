"""The working state of one ``extract`` call: collected units, the budget left, and recursion into members."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from mamori.extract.limits import Limits
from mamori.extract.units import (
    NAME,
    TEXT,
    CellBlock,
    Issue,
    Location,
    MessageInfo,
    Row,
    Table,
    TextUnit,
    Units,
    column_letter,
)

__all__ = ["Context", "Stop", "column_letter"]


class Stop(BaseException):
    """Raised inside a reader when the whole call must stop (time or character budget spent).

    A BaseException, like GeneratorExit: a control-flow signal that readers' ``except Exception`` never swallows.
    """


Dispatch = Callable[["Context", bytes, str, "str | None", tuple[str, ...]], "MessageInfo | None"]


class Context:
    """Collects results and enforces the limits. Readers receive it and call ``add_*``, ``child`` and ``check``."""

    def __init__(self, limits: Limits, dispatch: Dispatch) -> None:
        self.limits = limits
        self._dispatch = dispatch
        self.deadline = time.monotonic() + limits.max_seconds
        self.units: list[TextUnit] = []  # text units; tables' cells are in ``blocks``
        self.blocks: list[CellBlock] = []
        self.tables: list[Table] = []
        self.issues: list[Issue] = []
        self.chars = 0
        self.total_bytes = 0
        self.members = 0
        self.depth = 0
        self.stopped = False

    # --- budget -----------------------------------------------------------------------------------------------
    def check(self, location: Location) -> None:
        """Raise Stop once the time budget is spent (records a ``timeout`` issue once)."""
        if self.stopped:
            raise Stop
        if time.monotonic() > self.deadline:
            self.stopped = True
            self.issue(
                "timeout", f"time limit of {self.limits.max_seconds:g} s reached; the rest was not inspected", location
            )
            raise Stop

    def time_left(self) -> float:
        return self.deadline - time.monotonic()

    def take_bytes(self, n: int, location: Location) -> bool:
        """Account for ``n`` decompressed bytes; False (with an issue) when the call's total budget is spent."""
        if self.total_bytes + n > self.limits.max_total_bytes:
            self.issue(
                "too_large", f"total decompressed size limit of {self.limits.max_total_bytes} bytes reached", location
            )
            return False
        self.total_bytes += n
        return True

    def take_member(self, location: Location) -> bool:
        """Account for one archive member or attachment; False (with an issue) past ``max_members``."""
        if self.members >= self.limits.max_members:
            if not any(i.code == "members" for i in self.issues):
                self.issue(
                    "members", f"more than {self.limits.max_members} members; the rest were not inspected", location
                )
            return False
        self.members += 1
        return True

    # --- results ----------------------------------------------------------------------------------------------
    def issue(self, code: str, message: str, location: Location | None = None, detail: str = "") -> None:
        self.issues.append(Issue(code, message, location or Location(), detail))

    def add_text(self, text: str, location: Location, kind: str = TEXT) -> None:
        text = text.strip()
        if not text:
            return
        if self.stopped:
            raise Stop
        if self.chars + len(text) > self.limits.max_chars:
            keep = self.limits.max_chars - self.chars
            if keep > 0:
                self.units.append(TextUnit(text[:keep], location, kind))
            self.chars = self.limits.max_chars
            self.stopped = True
            self.issue("truncated", f"text limit of {self.limits.max_chars} characters reached", location)
            raise Stop
        self.chars += len(text)
        self.units.append(TextUnit(text, location, kind))

    def add_name(self, name: str, location: Location) -> None:
        """A file or member name: people name files after people."""
        self.add_text(name, location, NAME)

    def add_table(
        self,
        location: Location,
        header: Sequence[str],
        header_row: int | None,
        rows: Sequence[Row],
        *,
        key_value: bool = False,
        total_rows: int | None = None,
    ) -> None:
        """Store a table; its non-empty cells are CELL units (with their header as context), kept as one
        :class:`CellBlock` instead of a unit each. The character budget counts them as :meth:`add_text` would.

        With ``key_value`` (a label | value form), a cell's header is the first non-empty cell of its row.
        """
        index = len(self.tables)
        table = Table(location, tuple(header), tuple(rows), header_row, key_value, total_rows)
        self.tables.append(table)
        cells = chars = 0
        budget = self.limits.max_chars - self.chars
        strip = str.strip
        for row in table.rows:
            filled = list(filter(None, map(strip, row.cells)))
            if not filled:
                continue
            if self.stopped:
                self._add_block(index, cells)
                raise Stop
            size = sum(map(len, filled))
            if chars + size > budget:  # the budget ends in this row: find the cell, as add_text would
                self._cut(table, index, row, cells, chars)
            cells += len(filled)
            chars += size
        self.chars += chars
        self._add_block(index, cells)

    def _add_block(self, index: int, cells: int, keep: int | None = None) -> None:
        if cells:
            self.blocks.append(CellBlock(len(self.units), index, cells, keep))

    def _cut(self, table: Table, index: int, row: Row, cells: int, chars: int) -> None:
        """The character budget ends in ``row``: keep the cells before the one that passes it and a part of that
        one, record a ``truncated`` issue there, stop."""
        budget = self.limits.max_chars - self.chars
        block = CellBlock(0, index, cells + len(row.cells), None)
        for unit in block.units(Table(table.location, table.header, (row,), None, table.key_value)):
            n = len(unit.text)
            if chars + n > budget:
                keep = budget - chars
                self._add_block(index, cells + (keep > 0), keep if keep > 0 else None)
                self.chars = self.limits.max_chars
                self.stopped = True
                self.issue("truncated", f"text limit of {self.limits.max_chars} characters reached", unit.location)
                raise Stop
            cells += 1
            chars += n

    def all_units(self, since: int = 0) -> list[TextUnit]:
        """The units from text unit ``since`` on, tables' cells made into units."""
        blocks = [b for b in self.blocks if b.at >= since]
        return list(Units(self.units[since:], [replace(b, at=b.at - since) for b in blocks], self.tables))

    # --- recursion --------------------------------------------------------------------------------------------
    def child(self, data: bytes, filename: str, content_type: str | None, path: tuple[str, ...]) -> MessageInfo | None:
        """Extract a member or attachment one level deeper; limits on depth and size apply."""
        location = Location(path=path)
        if self.depth + 1 > self.limits.max_depth:
            self.issue("depth", f"nested deeper than {self.limits.max_depth} levels; not inspected", location)
            return None
        self.depth += 1
        try:
            return self._dispatch(self, data, filename, content_type, path)
        finally:
            self.depth -= 1


