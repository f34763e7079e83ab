"""Result values of extraction: text units with their location, tables, issues, message metadata.

Everything here is a frozen dataclass so results can be shared, cached and compared safely.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Issue:
    """Something that was not (fully) inspected, and why.

    ``code`` is stable (the UI translates it): encrypted, too_large, ratio, depth, members, pages, timeout,
    corrupt, unsupported, image, encoding, truncated, sampled. ``message`` is English and never holds raw content.
    """

    code: str
    message: str
    location: Location = field(default_factory=Location)


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

    ``complete`` is True only when nothing was skipped: any issue means "not fully inspected".
    """

    filename: str
    format: str
    units: tuple[TextUnit, ...] = ()
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
