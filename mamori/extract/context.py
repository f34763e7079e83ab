"""The working state of one ``extract`` call: collected units, the budget left, and recursion into members."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from mamori.extract.limits import Limits
from mamori.extract.units import CELL, NAME, TEXT, Issue, Location, MessageInfo, Row, Table, TextUnit


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
        self.units: list[TextUnit] = []
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
    def issue(self, code: str, message: str, location: Location | None = None) -> None:
        self.issues.append(Issue(code, message, location or Location()))

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
        """Store a table and emit each non-empty cell as a CELL unit with its header as context.

        With ``key_value`` (a label | value form), a cell's header is the first non-empty cell of its row.
        """
        index = len(self.tables)
        header_t = tuple(header)
        self.tables.append(Table(location, header_t, tuple(rows), header_row, key_value, total_rows))
        loc = location
        on_sheet = loc.sheet is not None
        for row in rows:
            label_col = next((i for i, c in enumerate(row.cells, start=1) if c.strip()), 0)
            for col, value in enumerate(row.cells, start=1):
                if not value.strip():
                    continue
                if key_value:
                    head = row.cells[label_col - 1].strip() if col > label_col else None
                else:
                    head = header_t[col - 1] if col <= len(header_t) and header_t[col - 1] else None
                cell = f"{column_letter(col)}{row.number}" if on_sheet else loc.cell
                # built field by field: dataclasses.replace per cell was most of the time of a big sheet
                where = Location(path=loc.path, part=loc.part, field=loc.field, page=loc.page, sheet=loc.sheet,
                                 slide=loc.slide, paragraph=loc.paragraph, table=index, row=row.number, column=col,
                                 cell=cell, header=head)
                self.add_text(value, where, CELL)

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


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out
