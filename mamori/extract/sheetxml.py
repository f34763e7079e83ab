"""Streaming reader for the XML parts of an xlsx workbook: shared strings, date styles and sheet rows.

Expat is driven directly (no element tree, no cell objects): the sheet XML is fed in chunks and each ``<row>``
yields ``(row_number, [cell text, ...])``. Values read as a person would: shared and inline strings (phonetic
``rPh`` runs left out, as Excel shows them), numbers (integral values without ".0"), booleans, errors, and
date-formatted numbers as dates (1990/04/01) from the styles' number formats, 1900 and 1904 epochs.

Safety as with defusedxml: a DOCTYPE or an entity declaration makes the part unreadable (OOXML has none), parameter
and external entities are never read.

A row sample (``row_sample``): the ``<row>`` elements are located and counted without parsing, then only the first
rows and rows spread evenly over the rest are parsed; the rows not parsed are counted (those holding a value).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)
_CHUNK = 256 * 1024

# Built-in number formats that show a date or a time (14-22, 45-47 everywhere; 27-36 and 50-58 are the
# East Asian locales' date formats: yyyy"年"m"月"d"日", ggge"年"m"月"d"日"...; 32, 33 and 55, 56 are times).
_BUILTIN_DATES = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_BUILTIN_TIMEDELTA = frozenset({46})
_LITERAL_OR_LOCALE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])([dmhysDMHYSgG]|[eE](?![+-]))")  # e/g: Japanese era; E+ is scientific
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.IGNORECASE)
_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _utf8(data: bytes) -> bool:
    """Whether an XML part is UTF-8: no UTF-16 byte-order mark, and no declaration of another encoding."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    decl = _XML_DECL_ENCODING.match(data[:200])
    return decl is None or decl.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


class RefusedXML(Exception):
    """A part with a DTD or entity declarations (never in OOXML; the shape of entity-expansion attacks)."""


def _refuse(*_args: object) -> None:
    raise RefusedXML("DTD or entity declaration in a workbook part")


def new_parser() -> expat.XMLParserType:
    """An expat parser that refuses DTDs and entity declarations and never reads external entities."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.buffer_text = True
    return parser


_LOCAL: dict[str, str] = {}


def _local(name: str) -> str:
    """The local part of a qualified tag name ("x:row" -> "row"), memoised: handlers run per element."""
    tag = _LOCAL.get(name)
    if tag is None:
        tag = _LOCAL.setdefault(name, name.rpartition(":")[2]) if len(_LOCAL) < 4096 else name.rpartition(":")[2]
    return tag


def is_date_format(code: str) -> bool:
    """True for a number format that shows a date or a time (openpyxl's test, plus the era letters g and e)."""
    first = _LITERAL_OR_LOCALE.sub("", code.split(";")[0])
    return first.lower() != "general" and _DATE_CHAR.search(first) is not None


@dataclass(frozen=True, slots=True)
class DateStyles:
    """Which cell styles (``s`` attribute: index into cellXfs) show numbers as dates, and the workbook's epoch."""

    dates: frozenset[int] = frozenset()
    timedeltas: frozenset[int] = frozenset()
    epoch: dt.datetime = WINDOWS_EPOCH

    @classmethod
    def of(cls, xf_formats: list[int], custom: dict[int, str], date1904: bool = False) -> DateStyles:
        dates: set[int] = set()
        deltas: set[int] = set()
        for index, fmt_id in enumerate(xf_formats):
            code = custom.get(fmt_id)
            if code is not None:
                if is_date_format(code):
                    dates.add(index)
                    if _TIMEDELTA.search(code.split(";")[0]):
                        deltas.add(index)
            elif fmt_id in _BUILTIN_DATES:
                dates.add(index)
                if fmt_id in _BUILTIN_TIMEDELTA:
                    deltas.add(index)
        return cls(frozenset(dates), frozenset(deltas), MAC_EPOCH if date1904 else WINDOWS_EPOCH)


def cell_text(value: object) -> str:
    """A cell value as a person would read it: dates as 1990/04/01, integral floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%Y/%m/%d")
        return value.strftime("%Y/%m/%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def number_text(raw: str) -> str:
    """A numeric cell's stored text as shown: "42", "3.5", "1e+20" (ints and floats as openpyxl casts them)."""
    raw = raw.strip()
    try:
        if "." in raw or "e" in raw or "E" in raw:
            return cell_text(float(raw))
        return str(int(raw))
    except ValueError:
        return raw


def serial_text(raw: str, styles: DateStyles, timedelta: bool) -> str:
    """A date-formatted serial number as a date (or a time, or a duration), as openpyxl's from_excel reads it."""
    try:
        value = float(raw)
        if timedelta:
            return str(dt.timedelta(seconds=round(value * 86400)))
        day, fraction = divmod(value, 1)
        diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
        if 0 <= value < 1 and diff.days == 0:
            seconds = diff.seconds
            return str(dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60))
        if 0 < value < 60 and styles.epoch == WINDOWS_EPOCH:
            day += 1  # Excel's phantom 1900-02-29
        return cell_text(styles.epoch + dt.timedelta(days=day) + diff)
    except (ValueError, OverflowError):
        return "#VALUE!"


def _iso_text(raw: str) -> str:
    try:
        return cell_text(dt.datetime.fromisoformat(raw.strip()))
    except ValueError:
        try:
            return cell_text(dt.time.fromisoformat(raw.strip()))
        except ValueError:
            return raw


class _StringText:
    """Expat handlers collecting the text of ``<si>`` items: ``<t>`` runs, phonetic readings (``rPh``) left out."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.items: list[str] = []
        self._parts: list[str] = []
        self._in_t = False
        self._phonetic = 0
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._chars

    def _start(self, name: str, _attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "t":
            self._in_t = not self._phonetic
        elif tag == "si":
            self._parts = []
        elif tag == "rPh":
            self._phonetic += 1

    def _end(self, name: str) -> None:
        tag = _local(name)
        if tag == "t":
            self._in_t = False
        elif tag == "si":
            self.items.append("".join(self._parts))
        elif tag == "rPh":
            self._phonetic -= 1

    def _chars(self, text: str) -> None:
        if self._in_t:
            self._parts.append(text)


_SST = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sst[\s>/]")
_JUMP = 256  # an index this far past the part read so far switches to reading single items
_SST_CHUNK = 32 * 1024  # the table is parsed in order in small steps: the first rows need few strings


class SharedStrings:
    """The shared-string table, read only as far as needed.

    Excel writes strings in the order of first use, so the first rows of a sheet need the first part of the table:
    it is parsed in order, lazily. A row sample spread over a big sheet needs items from all over the table: then the
    ``<si>`` items are located without parsing and each one asked for is parsed alone (when the part is UTF-8 and
    holds no comment, CDATA or DOCTYPE; otherwise the table is parsed in order up to the index).
    """

    def __init__(self, data: bytes | None) -> None:
        self._data = data or b""
        self._pos = 0
        self._done = not self._data
        self._parser = new_parser()
        self._reader = _StringText(self._parser)
        self.items = self._reader.items
        self._starts: list[int] | None = None
        self._tried_jump = False
        self._cache: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        if index < 0:
            raise IndexError(index)
        if index < len(self.items):
            return self.items[index]
        if not self._tried_jump and index >= len(self.items) + _JUMP:
            self._tried_jump = True
            self._starts = self._locate()
        if self._starts is not None:
            return self._single(index)
        while index >= len(self.items) and not self._done:
            chunk = self._data[self._pos : self._pos + _SST_CHUNK]
            self._pos += len(chunk)
            self._done = self._pos >= len(self._data)
            self._parser.Parse(chunk, self._done)
        return self.items[index] if index < len(self.items) else ""

    def _locate(self) -> list[int] | None:
        data = self._data
        if not _utf8(data) or data.find(b"<!") >= 0:
            return None
        root = _SST.search(data)
        if root is None:
            return None
        prefix = root.group(1)
        end = data.rfind(b"</" + prefix + b"sst>")
        if end < root.end():
            return None
        item = re.compile(rb"<" + re.escape(prefix) + rb"si[\s>/]")
        starts = [m.start() for m in item.finditer(data, root.end(), end)]
        starts.append(end)
        return starts

    def _single(self, index: int) -> str:
        starts = self._starts or []
        if index + 1 >= len(starts):
            return ""
        text = self._cache.get(index)
        if text is None:
            parser = new_parser()
            reader = _StringText(parser)
            parser.Parse(b"<x>" + self._data[starts[index] : starts[index + 1]] + b"</x>", True)
            text = reader.items[0] if reader.items else ""
            self._cache[index] = text
        return text


def column_number(ref: str) -> int:
    """"AB12" -> 28; 0 when the reference has no letters."""
    n = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            n = n * 26 + o - 64
        elif 97 <= o <= 122:
            n = n * 26 + o - 96
        else:
            break
    return n


_COLUMNS: dict[str, int] = {}  # "AB" -> 28, memoised per column letters (at most XFD: 16,384 columns)


def _column(letters: str) -> int:
    n = column_number(letters)
    if len(letters) <= 3:
        _COLUMNS[letters] = n
    return n


class _RowParser:
    """Expat handlers that turn ``<row>``/``<c>`` elements into ``(row_number, [text, ...])`` in ``self.rows``."""

    def __init__(self, strings: SharedStrings, styles: DateStyles) -> None:
        self.strings = strings
        self.styles = styles
        self.rows: list[tuple[int, list[str]]] = []
        self.next_row = 1  # the number of a row without an ``r`` attribute
        self._cells: list[str] = []
        self._row = 0
        self._col = 0
        self._type = "n"
        self._style = 0
        self._v: list[str] = []
        self._inline: list[str] = []
        self._capture: list[str] | None = None
        self._in_is = False
        self._phonetic = 0
        self.parser = new_parser()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._chars

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _LOCAL.get(name) or _local(name)
        if tag == "c":
            ref = attrs.get("r")
            col = 0
            if ref:
                letters = ref.rstrip("0123456789$")
                col = _COLUMNS.get(letters) or _column(letters)
            self._col = col if col > 0 else self._col + 1
            self._type = attrs.get("t", "n")
            style = attrs.get("s")
            self._style = int(style) if style and style.isdigit() else 0
            self._v = []
            self._inline = []
        elif tag == "v":
            self._capture = self._v
        elif tag == "t":
            self._capture = self._inline if self._in_is and not self._phonetic else None
        elif tag == "is":
            self._in_is = True
        elif tag == "rPh":
            self._phonetic += 1
        elif tag == "row":
            number = attrs.get("r", "")
            self._row = int(number) if number.isdigit() else self.next_row
            self.next_row = self._row + 1
            self._cells = []
            self._col = 0

    def _end(self, name: str) -> None:
        tag = _LOCAL.get(name) or _local(name)
        if tag == "c":
            text = self._value()
            if text:
                cells = self._cells
                if len(cells) < self._col:
                    cells.extend([""] * (self._col - len(cells)))
                cells[self._col - 1] = text
        elif tag in ("v", "t"):
            self._capture = None
        elif tag == "is":
            self._in_is = False
        elif tag == "rPh":
            self._phonetic -= 1
        elif tag == "row":
            self.rows.append((self._row, self._cells))

    def _chars(self, text: str) -> None:
        if self._capture is not None:
            self._capture.append(text)

    def _value(self) -> str:
        kind = self._type
        if kind == "inlineStr":
            return "".join(self._inline) if self._inline else "".join(self._v)
        if not self._v:
            return ""
        raw = "".join(self._v)
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                return ""
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return "True" if raw.strip() not in ("", "0", "false") else "False"
        if kind == "d":
            return _iso_text(raw)
        if self._style in self.styles.dates:
            return serial_text(raw, self.styles, self._style in self.styles.timedeltas)
        return number_text(raw)


def iter_rows(data: bytes, strings: SharedStrings, styles: DateStyles) -> Iterator[tuple[int, list[str]]]:
    """Every row of a sheet part, streamed: the XML is fed in chunks and rows are yielded as they close."""
    reader = _RowParser(strings, styles)
    parse: Callable[[bytes, bool], object] = reader.parser.Parse
    for start in range(0, len(data), _CHUNK):
        final = start + _CHUNK >= len(data)
        parse(data[start : start + _CHUNK], final)
        if reader.rows:
            yield from reader.rows
            reader.rows.clear()
    if not data:
        parse(b"", True)


_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData[\s>/]")


@dataclass(frozen=True, slots=True)
class RowSample:
    """A sample of a sheet's ``<row>`` elements, located without parsing: byte ranges and how many rows there are.

    ``picks`` are the byte ranges of the first rows, then of rows evenly spaced over the rest; ``total`` counts every
    ``<row>`` element; ``filled_rate`` is the share of the spread picks that hold a value (formatted empty rows do
    not).
    """

    picks: tuple[tuple[int, int], ...]
    total: int
    filled_rate: float

    @property
    def unread(self) -> int:
        """Rows with a value that the sample leaves out (an estimate)."""
        return round(max(0, self.total - len(self.picks)) * self.filled_rate)


def row_sample(data: bytes, size: int) -> RowSample | None:
    """Up to ``size`` rows of a sheet part, or None when the part is better parsed whole: it has ``size`` rows or
    fewer, or cannot be cut safely (not UTF-8, comments or CDATA, rows without an ``r`` number).

    The rows are picked by their position (first half, then evenly spaced), not by byte offset, which would favour
    long rows (those full of personal data) and bias the counts built on the sample.
    """
    if not _utf8(data) or b"<!" in data[:4096]:
        return None  # UTF-16 or another encoding, or a DOCTYPE/comment near the top
    sheet = _SHEET_DATA.search(data)
    if sheet is None:
        return None
    prefix = sheet.group(1)
    lo, hi = sheet.end(), data.rfind(b"</" + prefix + b"sheetData>")
    if hi < lo or data.find(b"<!", lo, hi) >= 0:
        return None  # a comment or CDATA among the rows could hide a "<row" that is not one
    row_tag = re.compile(rb"<" + re.escape(prefix) + rb"row[\s/>]")
    starts = [m.start() for m in row_tag.finditer(data, lo, hi)]
    total = len(starts)
    if total <= size:
        return None
    starts.append(hi)
    head = size // 2
    spread = size - head
    positions = [*range(head), *(head + (k * (total - head)) // spread for k in range(spread))]
    value, inline = b"<" + prefix + b"v>", b"<" + prefix + b"is>"
    picks: list[tuple[int, int]] = []
    filled = 0
    for n, i in enumerate(positions):
        start, end = starts[i], starts[i + 1]
        if b" r=" not in data[start : start + 64] and b"\tr=" not in data[start : start + 64]:
            return None  # a row numbered by its position: only a whole parse knows the numbers
        picks.append((start, end))
        if n >= head:
            filled += data.find(value, start, end) >= 0 or data.find(inline, start, end) >= 0
    return RowSample(tuple(picks), total, filled / spread)


def sampled_rows(
    data: bytes, sample: RowSample, strings: SharedStrings, styles: DateStyles
) -> Iterator[tuple[int, list[str]]]:
    """The sampled rows, each parsed from its own byte range by one parser (wrapped in a ``<sample>`` root)."""
    reader = _RowParser(strings, styles)
    reader.parser.Parse(b"<sample>", False)
    for start, end in sample.picks:
        reader.parser.Parse(data[start:end], False)
        if reader.rows:
            yield from reader.rows
            reader.rows.clear()
    reader.parser.Parse(b"</sample>", True)
