"""`judge` (pure: message + policy + directory + history -> verdict) and the adapter from .eml bytes to a Message."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from mamori.extract.units import CELL
from mamori.guard.checks import BODY_NAME, CHECKS, PERSONAL_TYPES, Context
from mamori.guard.directory import Directory
from mamori.guard.history import History
from mamori.guard.model import AttachmentInfo, Message, Recipient, Verdict
from mamori.guard.policy import Policy

if TYPE_CHECKING:
    from mamori.extract import Table, TextUnit

RowKey = tuple[tuple[str, ...], int | None, int | None]  # (path, table, row) of a cell

MAX_UNITS_PER_ATTACHMENT = 1000  # detection budget (text units); records beyond it are estimated from table sizes
MAX_CHARS_PER_ATTACHMENT = 200_000  # ... and characters of running text (a 500-page PDF is read in part)
SAMPLE_ROWS = 100  # rows read per table of an attachment (the first half, the rest spread); the others counted


def judge(message: Message, policy: Policy, directory: Directory, history: History) -> Verdict:
    """The verdict on one message: every check's reasons; the action is the strictest severity."""
    ctx = Context(message, policy, directory, history)
    reasons = [r for check in CHECKS for r in check(ctx)]
    return Verdict.of(reasons, ctx.external_groups())


def message_from_eml(data: bytes, filename: str = "message.eml", detector=None) -> Message:
    """A Message from .eml bytes: headers, the body text, and each top-level attachment analysed.

    Raises ValueError when the bytes are not a message with a sender and recipients.
    """
    from mamori.detect.detector import default_detector
    from mamori.discovery.runner import detect_units
    from mamori.extract import HEADER, NAME, extract

    ex = extract(data, filename, limits=_limits())
    info = ex.message
    if info is None or not info.sender:
        raise ValueError("not an e-mail message (no From header)")
    recipients = tuple(
        Recipient(a.name, a.address.lower(), fld)
        for fld, addrs in (("to", info.to), ("cc", info.cc), ("bcc", info.bcc))
        for a in addrs
        if a.address
    )
    if not recipients:
        raise ValueError("the message has no recipients")
    body = "\n".join(u.text for u in ex.units if not u.location.path and u.kind not in (HEADER, NAME))
    det = detector or default_detector()
    attachments: list[AttachmentInfo] = []
    for att in info.attachments:
        units = [u for u in ex.iter_under(att.path) if u.kind != NAME]
        findings: list[tuple[str, str | None, str]] = []
        personal_rows: set[RowKey] = set()
        read_rows: set[RowKey] = set()
        people: set[str] = set()
        sample = detection_sample(units, MAX_UNITS_PER_ATTACHMENT)
        # batched, each cell read after its column header ("生年月日: 1990/04/01"), as `mamori scan` reads them
        lines: set[tuple[int, int]] = set()  # (unit, line) of running text holding personal data: a list in a PDF
        for n, (u, found) in enumerate(detect_units(det, sample, "auto", float("inf"))[0]):
            key = (u.location.path, u.location.table, u.location.row)
            if u.kind == CELL:
                read_rows.add(key)
            for f in found:
                findings.append((f.type, f.subtype, f.masked))
                if f.type in PERSONAL_TYPES:
                    if u.kind == CELL:
                        personal_rows.add(key)
                    else:
                        lines.add((n, u.text.count("\n", 0, f.start)))
                        if f.type == "PERSON":
                            people.add(f.text)
        tables = [(i, t) for i, t in enumerate(ex.tables) if t.location.path[: len(att.path)] == att.path]
        records = max(table_records(tables, read_rows, personal_rows), len(people), len(lines))
        issues = tuple(i.code for i in ex.issues if i.location.path[: len(att.path)] == att.path)
        text = "\n".join(u.text for u in units)
        attachments.append(AttachmentInfo(att.filename, text, tuple(findings), records, issues))
    sender = info.sender[0]
    body_info = analyse_body(body, det)
    return Message(sender.address.lower(), recipients, info.subject, body, tuple(attachments), sender.name, body_info)


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


def _limits():
    from mamori.extract import DEFAULT_LIMITS

    return replace(DEFAULT_LIMITS, sample_rows=SAMPLE_ROWS)


def table_records(tables: list[tuple[int, Table]], read_rows: set[RowKey], personal_rows: set[RowKey]) -> int:
    """People with personal data in an attachment's tables: the rows found, extrapolated per table when only part
    of it was read (a row sample, or the detection budget): personal rows / rows read x data rows of the table.

    A table the detection budget never reached counts at the attachment's overall rate; a label | value form
    (申込書) is one record.
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
        if table.key_value:
            total += bool(found)
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




def analyse_body(body: str, detector) -> AttachmentInfo:
    """The sender's own text (quoted part and signature cut) analysed like an attachment.

    A record is a line holding a personal value other than a name (a pasted list: 氏名 電話 住所, one per line); a
    signature left without its ``--`` separator gives a few such lines, under the 3 people of a list. Special-care
    words count only on a line about someone (with a name or another personal value).
    """
    from mamori.guard.salutation import own_text

    own = own_text(body)
    findings: list[tuple[str, str | None, str]] = []
    records = 0
    for line in own.splitlines()[:MAX_UNITS_PER_ATTACHMENT]:
        if not line.strip():
            continue
        found = detector.detect(line)
        types = {f.type for f in found}
        about_someone = bool(types & PERSONAL_TYPES - {"SENSITIVE"})
        # 「健康診断結果の一覧をお送りします」 names a topic, not someone's health: special-care words count in the
        # body only on a line that also holds a person's name or another personal value.
        findings.extend((f.type, f.subtype, f.masked) for f in found if f.type != "SENSITIVE" or about_someone)
        records += bool(types & PERSONAL_TYPES - {"PERSON", "SENSITIVE"})
    return AttachmentInfo(BODY_NAME, own, tuple(findings), records)
