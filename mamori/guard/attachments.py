"""An attachment -> an `AttachmentInfo` (its text, personal data, people, issues), for mail and for the check API.

For a file that arrives on its own (the check API's base64 attachments, a chat tool's upload) or one inside a
message (``engine.message_from_eml``): extract the text units (tables sampled as for mail),
detect personal data in the detection sample (cells after their column header, in batches), count people as
table rows holding personal data (extrapolated over rows not read), distinct names or lines of text holding
personal data, and keep the extraction issues (encrypted, too_large...) so that `unscannable_attachment` can
speak. `analyse_extraction` does the same for one attachment inside a message's extraction (``message_from_eml``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mamori.extract.units import CELL, NAME
from mamori.guard.checks import PERSONAL_TYPES
from mamori.guard.model import AttachmentInfo

if TYPE_CHECKING:
    from mamori.extract import Limits, Table, TextUnit

RowKey = tuple[tuple[str, ...], int | None, int | None]  # (path, table, row) of a cell

MAX_UNITS_PER_ATTACHMENT = 1000  # detection budget (text units); records beyond it are estimated from table sizes
MAX_CHARS_PER_ATTACHMENT = 200_000  # ... and characters of running text (a 500-page PDF is read in part)
SAMPLE_ROWS = 100  # rows read per table of an attachment (the first half, the rest spread); the others counted
# Types one record (one person) holds once: records written on one line ("A 03-... / B 03-... / ...") are counted
# by their distinct values, not by line breaks.
RECORD_TYPES = frozenset(PERSONAL_TYPES - {"PERSON", "SENSITIVE", "POSTAL_CODE"})




def guard_limits() -> Limits:
    """The extraction limits the guard reads attachments with (rows sampled per table, as for mail)."""
    from mamori.extract import DEFAULT_LIMITS

    return replace(DEFAULT_LIMITS, sample_rows=SAMPLE_ROWS)


def analyse_attachment(data: bytes, filename: str, detector=None, content_type: str | None = None) -> AttachmentInfo:
    """The analysed attachment: ``data`` as sent, ``filename`` as shown, an optional declared ``content_type``.

    Never raises for a broken or hostile file: extraction turns failures into issues (``corrupt``, ``encrypted``,
    ``too_large``...), which the guard reports as an attachment it could not inspect.
    """
    from mamori.extract import extract

    ex = extract(data, filename, content_type, guard_limits())
    return analyse_extraction(ex, (), filename, detector)


def analyse_extraction(ex: Any, path: tuple[str, ...], filename: str, detector=None) -> AttachmentInfo:
    """The attachment at ``path`` inside an `Extraction` (``()`` for a file extracted on its own).

    For an e-mail, ``path`` is the attachment's ``Attachment.path``; its file-name unit is not part of its text.
    """
    from mamori.detect.batch import detect_batched
    from mamori.detect.detector import default_detector

    det = detector or default_detector()
    n = len(path)
    units = [u for u in ex.iter_under(path) if u.kind != NAME]
    findings: list[tuple[str, str | None, str]] = []
    personal_rows: set[RowKey] = set()
    read_rows: set[RowKey] = set()
    people: set[str] = set()
    values: dict[str, set[str]] = {}  # distinct values per personal type: records written on one line still count
    sample = detection_sample(units, MAX_UNITS_PER_ATTACHMENT)
    # batched, each cell read after its column header ("生年月日: 1990/04/01"), as `mamori scan` reads them
    # (unit, line) of running text holding personal data, by type: a list in a PDF has a line per person for some
    # type (a name, a phone), while one person's form has a line per type (name, address, birth date), not 3 people
    lines: dict[str, set[tuple[int, int]]] = {}
    found_per_unit = detect_batched(det, [(u.context, u.text) for u in sample])
    for k, (u, found) in enumerate(zip(sample, found_per_unit, strict=True)):
        key = (u.location.path, u.location.table, u.location.row)
        if u.kind == CELL:
            read_rows.add(key)
        for f in found:
            findings.append((f.type, f.subtype, f.masked))
            if f.type in PERSONAL_TYPES:
                if u.kind == CELL:
                    personal_rows.add(key)
                else:
                    lines.setdefault(f.type, set()).add((k, u.text.count("\n", 0, f.start)))
                    if f.type == "PERSON":
                        people.add(f.text)
                    elif f.type in RECORD_TYPES:
                        values.setdefault(f.type, set()).add(f.text)
    tables = [(i, t) for i, t in enumerate(ex.tables) if t.location.path[:n] == path]
    by_value = max((len(v) for v in values.values()), default=0)
    by_line = max((len(v) for v in lines.values()), default=0)
    records = max(table_records(tables, read_rows, personal_rows), len(people), by_line, by_value)
    mine = [i for i in ex.issues if i.location.path[:n] == path]
    issues = tuple(i.code for i in mine)
    if unread_text(units, sample):
        issues += ("unread_text",)
    text = "\n".join(u.text for u in units)
    return AttachmentInfo(filename, text, tuple(findings), records, issues, mime_damage(mine))


def mime_damage(issues: list[Any]) -> tuple[str, ...]:
    """What of the MIME structure was not read, from extraction issues ``corrupt`` (their ``detail``), once each."""
    return tuple(dict.fromkeys(i.detail for i in issues if i.code == "corrupt" and i.detail))


def unread_text(units: list[TextUnit], sample: list[TextUnit]) -> bool:
    """Running text (not table cells, which are extrapolated from the rows read) left out of the detection sample:
    the attachment was not fully inspected."""
    if len(sample) == len(units):
        return False
    picked = {id(u) for u in sample}
    return any(u.kind != CELL and id(u) not in picked for u in units)


def detection_sample(units: list[TextUnit], budget: int, chars: int | None = None) -> list[TextUnit]:
    """The units detection reads: all within the budget; past it, every text unit (up to the budget) and whole
    table rows taken at an even stride, so a wide table is read across its rows rather than its first ones.
    Running text (pages, paragraphs) stops at ``chars`` characters (`MAX_CHARS_PER_ATTACHMENT`)."""
    limit = MAX_CHARS_PER_ATTACHMENT if chars is None else chars
    if len(units) <= budget and sum(len(u.text) for u in units) <= limit:
        return units
    text: list[TextUnit] = []
    size = 0
    for u in units:
        if u.kind != CELL and len(text) < budget and size < limit:
            text.append(u)
            size += len(u.text)
    if len(units) <= budget:
        return [u for u in units if u.kind == CELL] + text
    rows: dict[RowKey, list[TextUnit]] = {}
    for u in units:
        if u.kind == CELL:
            rows.setdefault((u.location.path, u.location.table, u.location.row), []).append(u)
    room = budget - len(text)
    cells = sum(len(r) for r in rows.values())
    if room <= 0 or not cells:
        return text
    keep = max(1, len(rows) * room // cells)
    picked = list(rows.values())[:: max(1, -(-len(rows) // keep))]
    return text + [u for row in picked for u in row][:room]


def table_records(tables: list[tuple[int, Table]], read_rows: set[RowKey], personal_rows: set[RowKey]) -> int:
    """People with personal data in an attachment's tables: the rows found, extrapolated per table when only part
    of it was read (a row sample, or the detection budget): personal rows / rows read x data rows of the table.

    A table the detection budget never reached counts at the attachment's overall rate; a label | value form
    (申込書) is one record, and so is a table whose every row is of one and the same person (`one_holder`).
    """
    read_by: dict[int | None, int] = {}
    found_by: dict[int | None, int] = {}
    for _, t, _ in read_rows:
        read_by[t] = read_by.get(t, 0) + 1
    for _, t, _ in personal_rows:
        found_by[t] = found_by.get(t, 0) + 1
    rate = len(personal_rows) / len(read_rows) if read_rows else 0.0
    total = 0
    for index, table in tables:
        size = table.total_rows or len(table.rows)
        read, found = read_by.get(index, 0), found_by.get(index, 0)
        if table.key_value or one_holder(table):
            total += bool(found) or bool(header_records(table))
            continue
        if not read:
            count = round(size * rate)
        elif size > read:
            count = round(found * size / read)
        else:
            count = found
        total += max(count, header_records(table))
    return total


_NAME_HEADER = re.compile(r"氏名|名前|姓名|フリガナ|ふりがな|候補者|会員名|顧客名|^(full\s*)?name$", re.IGNORECASE)
_CONTACT_HEADER = re.compile(
    r"住所|所在地|電話|携帯|TEL|メール|e-?mail|生年月日|誕生日|年齢|性別|口座|address|phone|mobile|birth|dob",
    re.IGNORECASE,
)


_HOLDER_HEADER = re.compile(r"名義|氏名|名前|姓名|顧客名|^(full\s*)?name$|^holder$", re.IGNORECASE)
# a column of the number a person is filed under (学籍番号, 会員番号, 社員ID, Member No): one value in every row beside
# one name is one person's record too
_NUMBER_HEADER = re.compile(r"番号|ＩＤ|\bID\b|\bNo\.?$|コード", re.IGNORECASE)


def one_holder(table: Table) -> bool:
    """Every row read is of one person: the table's name or account-holder column (氏名, 口座名義) and each of its
    columns of a way to reach or identify someone (口座番号, 電話, 生年月日, 住所, the number the person is filed under:
    学籍番号, 会員番号; one at least) hold one and the same value in all its rows, two rows or more — one customer's
    statement (取引明細) or schedule, one student's course list, not a list. A column of names alone that repeats one
    name says nothing of the people."""
    header = [h.strip() for h in table.header]
    col = next((i for i, h in enumerate(header) if h and _HOLDER_HEADER.search(h)), None)
    if col is None or len(table.rows) < 2:
        return False
    others = [
        i for i, h in enumerate(header) if h and i != col and (_CONTACT_HEADER.search(h) or _NUMBER_HEADER.search(h))
    ]
    if not others:
        return False
    for c in (col, *others):
        values = {"".join(r.cells[c].split()) for r in table.rows if c < len(r.cells)}
        if len(values) != 1 or "" in values:
            return False
    return True


def header_records(table: Table) -> int:
    """Rows of a list of people by its header alone (a name column and an address, phone, mail or birth-date
    column): the rows with a value in those columns, extrapolated over the rows not read. A second net beside the
    detector's findings, for values it does not recognise."""
    header = [h.strip() for h in table.header]
    names = [i for i, h in enumerate(header) if h and _NAME_HEADER.search(h)]
    contacts = [i for i, h in enumerate(header) if h and _CONTACT_HEADER.search(h) and i not in names]
    if not names or not contacts or not table.rows:
        return 0
    cols = names + contacts
    filled = sum(1 for r in table.rows if any(c < len(r.cells) and r.cells[c].strip() for c in cols))
    return round(filled * (table.total_rows or len(table.rows)) / len(table.rows))
