"""Result values of extraction: text units with their location, tables, issues, message metadata.

Everything here is a frozen dataclass so results can be shared, cached and compared safely.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

# Unit kinds.
TEXT = "text"  # running text: a paragraph, a body, a page
HEADER = "header"  # an e-mail header field (location.field says which)
CELL = "cell"  # one table cell (location.table/row/column/header say which)
NAME = "name"  # a file or member name (names leak personal data too: "山田太郎_履歴書.pdf")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of text came from.

    ``path`` is the chain of containers from the outermost file inwards (archive members, e-mail attachments,
    embedded messages); the other fields point inside the innermost file and are ``None`` when they do not apply.
    Numbers are 1-based, as a person would say them ("page 3", "row 2").
    """

    path: tuple[str, ...] = ()
    part: str | None = None  # MIME part number, "1.2"
    field: str | None = None  # e-mail header name, "subject"; or a JSON/XML path
    page: int | None = None
    sheet: str | None = None
    slide: int | None = None
    paragraph: int | None = None
    table: int | None = None  # index of the table in Extraction.tables (0-based, an index, not a label)
    row: int | None = None  # row number in the source (spreadsheet row, CSV line record number)
    column: int | None = None
    cell: str | None = None  # "B7" for spreadsheets
    header: str | None = None  # the column header of a cell, its context

    def describe(self) -> str:
        """A short human-readable form, e.g. ``archive.zip/名簿.xlsx sheet=Sheet1 cell=B2 header=氏名``."""
        out = ["/".join(self.path)] if self.path else []
        for name in ("part", "field", "page", "sheet", "slide", "paragraph", "row", "column", "cell", "header"):
            value = getattr(self, name)
            if value is not None:
                out.append(f"{name}={value}")
        return " ".join(out)


@dataclass(frozen=True, slots=True)
class TextUnit:
    """A piece of text to inspect, with its location."""

    text: str
    location: Location
    kind: str = TEXT

    @property
    def context(self) -> str:
        """What tells what the text is: a table cell is read after its column header ("生年月日: 1980年1月2日"),
        the context that tells a date of birth from any date, a name from any word."""
        header = self.location.header
        return f"{header}: " if self.kind == CELL and header else ""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a table: its number in the source and its cells (``""`` for an empty cell)."""

    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table from a CSV file, a sheet or a document: a header (possibly empty) and its data rows.

    Each non-empty cell is also emitted as a ``CELL`` text unit whose location carries ``table`` (this table's
    index), ``row``, ``column`` and ``header``; findings can therefore be grouped by ``(table, row)`` to count
    the records (people) that hold personal data. A ``key_value`` table (a form of label | value rows) is one
    record, whatever its number of rows.
    """

    location: Location
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    header_row: int | None = None  # source row number of the header, None when no header was recognised
    key_value: bool = False  # a label | value form: one record, each value's header is its row's label
    total_rows: int | None = None  # data rows in the source when ``rows`` is a sample (Limits.sample_rows)

    def header_for(self, column: int) -> str | None:
        """The header of a 1-based column, or None."""
        if 1 <= column <= len(self.header) and self.header[column - 1]:
            return self.header[column - 1]
        return None


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_location(table: Table, index: int, row: int, column: int, header: str | None) -> Location:
    """The location of a table's cell (``row`` its number in the source, ``column`` 1-based)."""
    loc = table.location
    cell = f"{column_letter(column)}{row}" if loc.sheet is not None else loc.cell
    # built field by field: dataclasses.replace per cell was most of the time of a big sheet
    return Location(path=loc.path, part=loc.part, field=loc.field, page=loc.page, sheet=loc.sheet, slide=loc.slide,
                    paragraph=loc.paragraph, table=index, row=row, column=column, cell=cell, header=header)


@dataclass(frozen=True, slots=True)
class CellBlock:
    """A table's cells among the text units, without an object per cell: they come before ``units[at]`` (the
    text units only), one ``CELL`` unit per non-empty cell, row by row, its text stripped. Only the first
    ``cells`` of them were kept (the rest fell past the character budget), and of the last one only ``keep``
    characters when it was cut."""

    at: int
    table: int  # index in Extraction.tables
    cells: int
    keep: int | None = None

    def units(self, table: Table) -> Iterator[TextUnit]:
        """The ``CELL`` units, as a reader emitting one per cell would have made them."""
        left = self.cells
        index, header, key_value = self.table, table.header, table.key_value
        for row in table.rows:
            cells = row.cells
            label_col = next((i for i, c in enumerate(cells, start=1) if c.strip()), 0)
            for col, value in enumerate(cells, start=1):
                text = value.strip()
                if not text:
                    continue
                if not left:
                    return
                left -= 1
                if key_value:
                    head = cells[label_col - 1].strip() if col > label_col else None
                else:
                    head = header[col - 1] if col <= len(header) and header[col - 1] else None
                if not left and self.keep is not None:
                    text = text[: self.keep]
                yield TextUnit(text, cell_location(table, index, row.number, col, head), CELL)


class Units(Sequence[TextUnit]):
    """The text units of an extraction, in order. A table's cells are kept as a :class:`CellBlock` (the
    table's rows, no object per cell) and made into ``CELL`` units only when the sequence is first read
    unit by unit; a detector that reads tables whole uses ``texts`` and ``blocks`` instead."""

    __slots__ = ("_all", "blocks", "tables", "texts")

    def __init__(
        self, texts: Sequence[TextUnit] = (), blocks: Sequence[CellBlock] = (), tables: Sequence[Table] = ()
    ) -> None:
        self.texts = tuple(texts)
        self.blocks = tuple(blocks)
        self.tables = tuple(tables)
        self._all: tuple[TextUnit, ...] | None = None if self.blocks else self.texts

    def _units(self) -> tuple[TextUnit, ...]:
        if self._all is None:
            out: list[TextUnit] = []
            done = 0
            for block in self.blocks:
                out.extend(self.texts[done : block.at])
                done = max(done, block.at)
                out.extend(block.units(self.tables[block.table]))
            out.extend(self.texts[done:])
            self._all = tuple(out)
        return self._all

    def __len__(self) -> int:
        return len(self.texts) + sum(b.cells for b in self.blocks)

    @overload
    def __getitem__(self, i: int) -> TextUnit: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[TextUnit, ...]: ...
    def __getitem__(self, i: int | slice) -> TextUnit | tuple[TextUnit, ...]:
        return self._units()[i]

    def __iter__(self) -> Iterator[TextUnit]:
        return iter(self._units())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Units | tuple | list):
            return self._units() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._units())

    def __repr__(self) -> str:
        return f"Units({list(self._units())!r})"

    def __getstate__(self) -> tuple[object, ...]:
        return (self.texts, self.blocks, self.tables)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        texts, blocks, tables = state
        Units.__init__(self, texts, blocks, tables)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Issue:
    """Something that was not (fully) inspected, and why.

    ``code`` is stable (the UI translates it): encrypted, too_large, ratio, depth, members, pages, timeout,
    corrupt, unsupported, image, encoding, truncated, sampled. ``message`` is English and never holds raw content.
    ``detail``: a stable sub-code where one helps say what is wrong (``corrupt`` MIME: ``glossary.MIME_DAMAGE``).
    """

    code: str
    message: str
    location: Location = field(default_factory=Location)
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Address:
    """A mailbox from a header: display name (decoded) and address (may be empty when malformed)."""

    name: str
    address: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment (or archive-like part) of a message; its units carry ``path`` as their location prefix."""

    filename: str
    content_type: str
    size: int
    path: tuple[str, ...]
    message: MessageInfo | None = None  # for an attached message (message/rfc822, embedded .msg)


@dataclass(frozen=True, slots=True)
class MessageInfo:
    """The structured headers of an e-mail message (.eml or .msg), decoded."""

    subject: str = ""
    sender: tuple[Address, ...] = ()
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    date: str = ""
    message_id: str = ""
    attachments: tuple[Attachment, ...] = ()

    @property
    def recipients(self) -> tuple[Address, ...]:
        """To, Cc and Bcc together."""
        return self.to + self.cc + self.bcc


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one file yielded: text units, tables, message metadata and the issues that stopped full inspection.

    ``complete`` is True only when nothing was skipped: any issue means "not fully inspected". ``units`` is a
    :class:`Units` when made by ``extract`` (tables' cells made into units only when read one by one).
    """

    filename: str
    format: str
    units: Sequence[TextUnit] = ()
    tables: tuple[Table, ...] = ()
    issues: tuple[Issue, ...] = ()
    message: MessageInfo | None = None

    @property
    def complete(self) -> bool:
        return not self.issues

    @property
    def text(self) -> str:
        """All text units joined by blank lines (convenience; use ``units`` to keep locations)."""
        return "\n\n".join(u.text for u in self.units)

    def iter_under(self, path: tuple[str, ...]) -> Iterator[TextUnit]:
        """The units whose location path starts with ``path`` (e.g. one attachment's)."""
        n = len(path)
        for unit in self.units:
            if unit.location.path[:n] == path:
                yield unit
