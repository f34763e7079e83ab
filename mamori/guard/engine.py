"""`judge` (pure: message + policy + directory + history -> verdict) and the adapter from .eml bytes to a Message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from mamori.guard.attachments import analyse_extraction, guard_limits, mime_damage
from mamori.guard.checks import (
    BODY_NAME,
    CHECKS,
    ID_CARD_TYPES,
    IDENTIFYING_TYPES,
    LIST_RECORDS,
    PERSONAL_TYPES,
    STRONG_TYPES,
    Context,
)
from mamori.guard.directory import Directory
from mamori.guard.history import History
from mamori.guard.model import AttachmentInfo, Message, Recipient, Verdict
from mamori.guard.policy import Policy
from mamori.guard.salutation import own_text

MAX_LINES_OF_BODY = 1000  # non-blank lines of the sender's own text read; past them: unread_text


def judge(message: Message, policy: Policy, directory: Directory, history: History) -> Verdict:
    """The verdict on one message: every check's reasons; the action is the strictest severity."""
    ctx = Context(message, policy, directory, history)
    reasons = [r for check in CHECKS for r in check(ctx)]
    return Verdict.of(reasons, ctx.external_groups())


def message_from_eml(data: bytes, filename: str = "message.eml", detector=None, *, analyse: bool = True) -> Message:
    """A Message from .eml bytes: headers, the body text, and each top-level attachment analysed.

    ``analyse=False`` skips detection in the body and the attachments (their names and extraction issues are
    kept): for mail whose every recipient is internal, which the personal-data checks do not judge.
    Raises ValueError when the bytes are not a message with a sender and recipients.
    """
    from mamori.detect.detector import default_detector
    from mamori.extract import HEADER, NAME, extract
    from mamori.extract.mime import ALTERNATIVE_FIELD

    ex = extract(data, filename, limits=guard_limits())
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
    own_units = [u for u in ex.units if not u.location.path and u.kind not in (HEADER, NAME)]
    body = "\n".join(u.text for u in own_units)
    sender = info.sender[0]
    if not analyse:
        attachments = tuple(
            AttachmentInfo(att.filename, issues=tuple(i.code for i in mine), damage=mime_damage(mine))
            for att in info.attachments
            for mine in ([i for i in ex.issues if i.location.path[: len(att.path)] == att.path],)
        )
        return Message(sender.address.lower(), recipients, info.subject, body, attachments, sender.name, None)
    det = detector or default_detector()
    attachments = tuple(analyse_extraction(ex, att.path, att.filename, det) for att in info.attachments)
    main = "\n".join(u.text for u in own_units if u.location.field != ALTERNATIVE_FIELD)
    versions = [u.text for u in own_units if u.location.field == ALTERNATIVE_FIELD]
    body_info = analyse_body(main, det, versions)
    # what stopped the reading of the message itself (an encrypted body, a broken structure...) is the body's
    own_issues = [i for i in ex.issues if not i.location.path]
    body_issues = tuple(dict.fromkeys(i.code for i in own_issues))
    body_info = replace(
        body_info, issues=tuple(dict.fromkeys(body_info.issues + body_issues)), damage=mime_damage(own_issues)
    )
    return Message(sender.address.lower(), recipients, info.subject, body, attachments, sender.name, body_info)


def analyse_body(body: str, detector, versions: Sequence[str] = ()) -> AttachmentInfo:
    """The sender's own text (quoted part and signature cut) analysed like an attachment.

    A record is a line holding a personal value other than a name (a pasted list: 氏名 電話 住所, one per line), or,
    for records written on one line ("A 03-... / B 03-... / ..."), a distinct value of a type a person holds once;
    a signature left without its ``--`` separator gives a few such lines, under the 3 people of a list. Special-care
    words count only on a line about someone (with a name or another personal value). The quoted part and the
    signature still leave with the mail: a list there (`QUOTED_LIST_RECORDS` distinct addresses, birth dates or
    identity numbers) counts too. ``identifying`` counts the own text's lines with a birth date or an identity number,
    or a name beside a home address (an address, a postal code, or a place with a house number: `dwelling`) or beside
    a date of a column of birth dates (`birth_date_rows`): a list of people pasted in the mail
    (`checks.BODY_LIST_RECORDS`). Own text past `MAX_LINES_OF_BODY` non-blank lines is not read: ``unread_text``.
    ``id_cards`` counts the distinct numbers of identity documents (`ID_CARD_TYPES`: residence card,
    passport, driving licence) in the own text, per type. ``versions``: the text other versions of a
    multipart/alternative add (each cut of its quote and signature too).
    """
    from mamori.guard.attachments import RECORD_TYPES

    own = "\n".join([own_text(body), *(own_text(v) for v in versions)])
    findings: list[tuple[str, str | None, str]] = []
    records = identifying = 0
    values: dict[str, set[str]] = {}
    issues: tuple[str, ...] = ()
    lines = [line for line in own.splitlines() if line.strip()]
    if len(lines) > MAX_LINES_OF_BODY:
        issues = ("unread_text",)
    lines = lines[:MAX_LINES_OF_BODY]
    born = birth_date_rows(lines)
    found_lines = detect_lines(lines, detector)
    for i, extra in _numbers_under_label(lines, found_lines, detector).items():
        found_lines[i] = [*found_lines[i], *extra]
    for i, (line, found) in enumerate(zip(lines, found_lines, strict=False)):
        types = {f.type for f in found}
        about_someone = bool(types & PERSONAL_TYPES - {"SENSITIVE"})
        # 「健康診断結果の一覧をお送りします」 names a topic, not someone's health: special-care words count in the
        # body only on a line that also holds a person's name or another personal value.
        findings.extend((f.type, f.subtype, f.masked) for f in found if f.type != "SENSITIVE" or about_someone)
        records += bool(types & PERSONAL_TYPES - {"PERSON", "SENSITIVE"})
        home = bool(types & {"ADDRESS", "POSTAL_CODE"}) or dwelling(line, found)
        identifying += bool(types & IDENTIFYING_TYPES or ("PERSON" in types and (home or i in born)))
        for f in found:
            if f.type in RECORD_TYPES:
                values.setdefault(f.type, set()).add(f.text)
    my_numbers = len(values.get("MY_NUMBER", ()))
    id_cards = tuple((t, len(values[t])) for t in sorted(ID_CARD_TYPES) if values.get(t))
    records = max(records, *(len(v) for v in values.values()), 0)
    rest = "\n".join(_rest(text) for text in (body, *versions))
    (quoted, quoted_findings, rows), sensitive = _quoted(rest, detector)
    if quoted >= QUOTED_LIST_RECORDS or rows >= LIST_RECORDS:
        records += quoted
        findings.extend(quoted_findings)
    else:
        quoted = 0
    return AttachmentInfo(
        BODY_NAME, own, tuple(findings), records, issues, quoted=quoted, quoted_sensitive=sensitive,
        identifying=identifying, my_numbers=my_numbers, id_cards=id_cards,
    )  # fmt: skip


# A line of the own text that names the My Number (個人番号) as what follows: the lead of a list of numbers.
_MY_NUMBER_LABEL = re.compile(r"個人番号|マイナンバー|my\s*numbers?\b|individual\s+numbers?\b", re.IGNORECASE)
# a number of a My Number's shape on a line: 12 digits, plain or 4-4-4 (spaces or hyphens), no digit either side
_TWELVE_DIGITS = re.compile(r"(?<![0-9０-９])[0-9０-９]{4}[ \-－]?[0-9０-９]{4}[ \-－]?[0-9０-９]{4}(?![0-9０-９])")


def _numbers_under_label(lines: Sequence[str], found_lines: Sequence[list], detector) -> dict[int, list]:
    """My Numbers written on the lines below a lead line that names them (「個人番号を以下のとおり転記しました」 then
    「1. 大塚 由美（1975/12/18） 4525 8077 4529」 per person): the label is the list's heading, as a column header is
    a cell's, so each 12-digit number of those lines is read after it (the detector still wants its check digit).
    The findings per line index, for lines where the detector found no My Number of its own."""
    lead = next((i for i, line in enumerate(lines) if _MY_NUMBER_LABEL.search(line)), None)
    if lead is None:
        return {}
    pieces: list[tuple[str, str]] = []
    owner: list[int] = []
    for i in range(lead + 1, len(lines)):
        if any(f.type == "MY_NUMBER" for f in found_lines[i]):
            continue
        for m in _TWELVE_DIGITS.finditer(lines[i]):
            pieces.append(("個人番号: ", m.group()))
            owner.append(i)
    if not pieces:
        return {}
    from mamori.detect.batch import detect_batched

    out: dict[int, list] = {}
    for i, found in zip(owner, detect_batched(detector, pieces), strict=False):
        mine = [f for f in found if f.type == "MY_NUMBER"]
        if mine:
            out.setdefault(i, []).extend(mine)
    return out


MAX_QUOTED_SENSITIVE_LINES = 400  # non-blank lines of the quoted part read for special-care words


def _quoted(rest: str, detector) -> tuple[tuple[int, list[tuple[str, str | None, str]], int], tuple[str, ...]]:
    """The quoted part and the signature read once for both of their rules: a list of people there (`_quoted_list`)
    and a private person's special-care words there (`_quoted_sensitive`). Each rule reads its own lines (the list:
    the distinct lines with a digit or an @; special care: every line of the first `MAX_QUOTED_SENSITIVE_LINES`);
    a piece (a line, or a table cell after its column header) both read is detected once."""
    if not rest.strip():
        return (0, [], 0), ()
    # every value the list looks for holds a digit or an @ (phone, address number, birth date, mail, identity number)
    all_lines = [line.strip() for line in rest[:MAX_QUOTED_CHARS].splitlines() if line.strip()]
    candidates = list(dict.fromkeys(key for key in all_lines if _CONTACT_CHAR.search(key)))
    lines = [line.strip() for line in rest.splitlines() if line.strip()][:MAX_QUOTED_SENSITIVE_LINES]
    found_lines, found_candidates = detect_line_sets((lines, candidates), detector)
    return _quoted_list(all_lines, candidates, found_candidates), _quoted_sensitive(lines, found_lines)


def _quoted_sensitive(lines: Sequence[str], found_lines: Sequence[list]) -> tuple[str, ...]:
    """The special-care kinds (medical, disability...) the quoted or forwarded part states, when it also holds a
    personal value other than a name (a phone, an address or a place with a house number, a birth date, an identity
    number): a person's own message about themselves. The check decides whether it leaves to someone it was not
    written to. ``lines``: the part's first non-blank lines; ``found_lines``: their findings (`detect_lines`)."""
    if not lines:
        return ()
    kinds: set[str] = set()
    values = False
    for line, found in zip(lines, found_lines, strict=False):
        kinds |= {f.subtype or "sensitive" for f in found if f.type == "SENSITIVE"}
        values = (
            values
            or any(f.type in PERSONAL_TYPES - {"PERSON", "SENSITIVE", "EMAIL", "LOCATION"} for f in found)
            or dwelling(line, found)
        )
    return tuple(sorted(kinds)) if values else ()


# A house number right after a place, in the same cell or clause: 19丁目12番19号, 三丁目, 3番地, 2-14-5; not a phone
# (0...), a numbered licence or notice (東京都知事許可第12345号), nor a town named with 番 (三番町)
_HOUSE_NUMBER = re.compile(
    r"[^\t｜|,，、。\s第]{0,24}?(?:[0-9０-９]+\s*(?:丁目|番地|番|号)|[一二三四五六七八九十]+(?:丁目|番地)|"
    r"(?<![0-9０-９])[1-9１-９][0-9０-９]*[-－‐−][0-9０-９]+)"
)


_FULL_DATE = re.compile(r"^((?:19|20)[0-9]{2})\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?$")
BIRTH_YEARS_SPREAD = 20  # years between the earliest and latest date of a column from which it is birth dates


def birth_date_rows(lines: Sequence[str]) -> set[int]:
    """The rows (indices) of a pasted table whose date column is one of birth dates: a column in which every row of
    the table holds a whole date (1962-06-17, 1962/6/17, 1962年6月17日), spread over `BIRTH_YEARS_SPREAD` years or
    more. Dates of events (a visit, a contract, a delivery) fall within a few years; people's birth dates spread
    over decades, whatever the header (or no header) says."""
    text = [s.translate(_FULL_WIDTH_DIGITS) for s in lines]
    rows = table_rows(text)
    out: set[int] = set()
    runs: list[list[int]] = []
    for i in rows:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        cells = {i: row[1] for i in run if (row := _cells(text[i])) and not _is_header(row[1])}
        if len(cells) < LIST_RECORDS:
            continue
        for k in range(max(len(c) for c in cells.values())):
            years = [int(m.group(1)) for c in cells.values() if k < len(c) and (m := _FULL_DATE.match(c[k]))]
            if len(years) == len(cells) and max(years) - min(years) >= BIRTH_YEARS_SPREAD:
                out |= set(cells)
    return out


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９／－", "0123456789/-")


def dwelling(line: str, found: Sequence) -> bool:
    """A place the detector found (LOCATION: a prefecture, a city) followed in the same cell or clause by a house
    number (丁目, 番地, 番, 号, 2-14-5): where someone lives, though the detector did not take the whole for an address
    (a town not of that prefecture, a made-up ward). A name beside it is a name beside a home address."""
    for f in found:
        if f.type != "LOCATION" or not f.text:
            continue
        at = line.find(f.text)
        while at >= 0:
            if _HOUSE_NUMBER.match(line, at + len(f.text)):
                return True
            at = line.find(f.text, at + 1)
    return False


def _rest(text: str) -> str:
    """What ``own_text`` cut from ``text``: the quoted part and the signature."""
    own = own_text(text)
    return text[len(own) :] if text.startswith(own) else ""


QUOTED_LIST_RECORDS = 20  # records in quoted text (or below the signature mark) from which it is a list
_QUOTED_STRONG = frozenset(STRONG_TYPES - {"SENSITIVE"})
MAX_QUOTED_CHARS = 2_000_000  # quoted text read for a list (past the body's own text)
_CONTACT_CHAR = re.compile(r"[0-9０-９@＠]")


def _quoted_list(
    all_lines: Sequence[str], candidates: Sequence[str], found_candidates: Sequence[list]
) -> tuple[int, list[tuple[str, str | None, str]], int]:
    """Records in the quoted part and the signature: distinct lines holding a contact value (phone, mail, address,
    birth date...) beside another kind of personal value (a name, a place), and distinct birth dates or identity
    numbers. A thread repeats its signatures (counted once each) and holds a few; a list holds one per person.
    Also the rows of a pasted table among them (`table_rows`: a run of lines of one shape), each with a person's
    name and a contact value: a table of people however few its rows, as in an attachment. ``all_lines``: the
    part's non-blank lines; ``candidates``: the distinct ones with a digit or an @, ``found_candidates`` their
    findings (`detect_lines`)."""
    from mamori.guard.attachments import RECORD_TYPES

    in_table = {all_lines[i] for i in table_rows(all_lines)}
    rows: set[str] = set()
    lines: set[str] = set()
    strong: set[str] = set()
    findings: list[tuple[str, str | None, str]] = []
    for key, found in zip(candidates, found_candidates, strict=False):
        kinds = {f.type for f in found} - {"POSTAL_CODE", "SENSITIVE"}
        new_strong = {f.text for f in found if f.type in _QUOTED_STRONG} - strong
        if new_strong or (kinds & RECORD_TYPES and len(kinds) >= 2):
            lines.add(key)
            strong |= new_strong
            findings.extend((f.type, f.subtype, f.masked) for f in found if f.type in PERSONAL_TYPES)
            if key in in_table and "PERSON" in kinds:
                rows.add(key)
    return max(len(lines), len(strong)), findings, len(rows)


# A row of a table pasted into the text (exported from Excel or a system): cells separated by tabs, commas, bars
# or full-width spaces. Its cells are read one by one, each after its column's header when the table has one
# ("生年月日: 1990-04-01"), as an attached table's cells are (attachments.analyse_extraction).
_CELL_SEPARATORS = ("\t", "｜", "|", ",", "，", "\u3000")
MIN_ROW_CELLS = 3  # cells from which a line is a table row rather than words apart
_HEADER_WORD = re.compile(
    r"氏名|名前|フリガナ|ふりがな|カナ|生年月日|誕生日|住所|所在地|電話|携帯|TEL|メール|e-?mail|性別|年齢|社員番号|従業員番号|"
    r"所属|部署|入社|name|birth|address|phone",
    re.IGNORECASE,
)
_HEADER_DIGIT = re.compile(r"[0-9０-９]")


def _cells(line: str) -> tuple[str, list[str]] | None:
    """The separator and cells of a table row, or None for a line of prose."""
    for sep in _CELL_SEPARATORS:
        if sep in line:
            cells = [c.strip() for c in line.strip().split(sep)]
            if sum(1 for c in cells if c) >= MIN_ROW_CELLS:
                return sep, cells
    return None


def _is_header(cells: list[str]) -> bool:
    """A header row: short cells without digits, two or more of them naming a column of personal data."""
    return not any(_HEADER_DIGIT.search(c) for c in cells) and sum(bool(_HEADER_WORD.search(c)) for c in cells) >= 2


def table_rows(lines: Sequence[str]) -> list[int]:
    """The lines (indices) that are rows of a pasted table: runs of `LIST_RECORDS` or more consecutive lines split
    into the same number of cells by the same separator (a header row among them)."""
    shapes = [(row[0], len(row[1])) if (row := _cells(line)) else None for line in lines]
    out: list[int] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or shapes[i] is None or shapes[i] != shapes[start]:
            if shapes[start] is not None and i - start >= LIST_RECORDS:
                out.extend(range(start, i))
            start = i
    return out


def detect_lines(lines: Sequence[str], detector) -> list[list]:
    """The findings of each line: a line of prose read whole; a table row read cell by cell (after its column
    header, the last header row above it with the same separator and number of cells), its findings together."""
    return detect_line_sets((lines,), detector)[0]


def detect_line_sets(sets: Sequence[Sequence[str]], detector) -> list[list[list]]:
    """`detect_lines` for several sequences of lines in one detection pass: a piece (a line, or a cell after its
    column header) that several sequences hold, or one holds twice, is detected once."""
    split = [_line_pieces(lines) for lines in sets]
    unique: dict[tuple[str, str], int] = {}
    for pieces, _ in split:
        for piece in pieces:
            unique.setdefault(piece, len(unique))
    from mamori.detect.batch import detect_batched

    found = detect_batched(detector, list(unique))
    out: list[list[list]] = []
    for lines, (pieces, owner) in zip(sets, split, strict=True):
        per_line: list[list] = [[] for _ in lines]
        for i, piece in zip(owner, pieces, strict=True):
            k = unique[piece]
            if k < len(found):
                per_line[i].extend(found[k])
        out.append(per_line)
    return out


def _line_pieces(lines: Sequence[str]) -> tuple[list[tuple[str, str]], list[int]]:
    """The pieces `detect_lines` reads of ``lines`` (a line of prose; a table row's cells, each after its column
    header) and the line of each piece."""
    pieces: list[tuple[str, str]] = []
    owner: list[int] = []  # the line of each piece
    header: tuple[str, list[str]] | None = None
    for i, line in enumerate(lines):
        row = _cells(line)
        if row is None:
            pieces.append(("", line))
            owner.append(i)
            continue
        sep, cells = row
        if _is_header(cells):
            header = (sep, cells)
            pieces.append(("", line))
            owner.append(i)
            continue
        names = header[1] if header and header[0] == sep and len(header[1]) == len(cells) else None
        for k, cell in enumerate(cells):
            if cell:
                pieces.append((f"{names[k]}: " if names and names[k] else "", cell))
                owner.append(i)
    return pieces, owner
