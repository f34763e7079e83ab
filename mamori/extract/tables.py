"""Turn rows of cells (CSV, sheets, document tables) into a Table: find the header row, keep row numbers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from mamori.extract.context import Context
from mamori.extract.units import Location, Row

_DATA_LIKE = re.compile(r"[@＠]|^[\d０-９\s\-‐－ー()（）+/.:,]+$")
_DIGITS = re.compile(r"[\d０-９@＠]")
_HEADER_WORDS = re.compile(
    r"氏名|名前|姓名|^姓$|^名$|フリガナ|ふりがな|カナ|住所|所在地|郵便|〒|電話|携帯|メール|番号|生年月日|誕生日|年齢|性別|"
    r"会社|勤務先|部署|役職|備考|口座|カード|保険|顧客|社員|会員|"
    r"(?<![a-z])(name|phone|tel|fax|e-?mail|mail|address|birth\w*|dob|date|zip|postal|age|gender|sex|company|title|"
    r"account|number|no|id|city|country|mobile|contact)(?![a-z])",
    re.IGNORECASE,
)
_HEADER_SCAN = 10  # the header is looked for among the first rows with content
_MAX_HEADER_CELL = 40


def _header_like(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) < 2 or len(set(filled)) != len(filled):
        return False
    return all(len(c) <= _MAX_HEADER_CELL and not _DATA_LIKE.search(c) for c in filled)


def _find_header(head: list[tuple[int, list[str]]]) -> int | None:
    """Index of the header among the first rows: a header-like row that uses header words, or one followed by
    a row whose cells hold digits or addresses where the header has none. None when no row qualifies."""
    candidates = [i for i, (_, cells) in enumerate(head) if _header_like(cells)]
    for i in candidates:
        if sum(1 for c in head[i][1] if _HEADER_WORDS.search(c)) * 2 >= sum(1 for c in head[i][1] if c.strip()):
            return i
    for i in candidates:
        if i + 1 < len(head) and any(_DIGITS.search(c) for c in head[i + 1][1]):
            return i
    return None


# the header of a label | value form's two columns: 項目 | 内容, 項目 | 記入欄, Item | Value, Field | Details
_FORM_HEADER = (
    re.compile(r"^(項目|記入項目|区分|Items?|Fields?)$", re.IGNORECASE),
    re.compile(r"^(内容|記入欄|記入内容|詳細|Values?|Details?|Contents?|Entry)$", re.IGNORECASE),
)


def _form_header(cells: list[str]) -> bool:
    """A two-column header that says its rows are items and their values (項目 | 内容): a form, not a table."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) == 2 and all(p.match(c) for p, c in zip(_FORM_HEADER, filled, strict=True))


def _is_key_value(head: list[tuple[int, list[str]]]) -> bool:
    """A form laid out as label | value rows (申込書, 履歴書): most first cells are labels such as 氏名, 住所, or its
    first row heads its two columns as items and their values (項目 | 内容)."""
    if head and _form_header(head[0][1]):
        return True
    labels: list[str] = []
    for _, cells in head:
        filled = [c.strip() for c in cells if c.strip()]
        if (
            len(filled) >= 2
            and len(filled[0]) <= 20
            and _HEADER_WORDS.search(filled[0])
            and not _DIGITS.search(filled[0])
            and not _HEADER_WORDS.search(filled[1])  # "氏名 | 電話番号" is a header row, not a label and its value
        ):
            labels.append(filled[0])
    return len(head) >= 2 and len(set(labels)) == len(labels) and len(labels) * 10 >= len(head) * 6


def emit_rows(ctx: Context, rows: Iterable[tuple[int, list[str]]], location: Location, unread: int = 0) -> None:
    """Read ``(row_number, cells)`` pairs, pick a header among the first rows and add a table to ``ctx``.

    A label | value form (most first cells are labels) has no header row: each value takes its row's label as
    header instead. Rows above the header (titles such as "顧客名簿 2024年度") become plain text units. Stops at
    ``limits.max_rows`` with a ``truncated`` issue; the table collected so far is kept.

    With ``limits.sample_rows`` only that many data rows are kept and the others counted; ``unread`` counts rows
    with content that the reader itself left out of ``rows`` (its own sample). The table's ``total_rows`` then
    says how many there are, and a ``sampled`` issue says that a sample was read.
    """
    filled = ((n, cells) for n, cells in rows if any(c.strip() for c in cells))
    head = list(itertools.islice(filled, _HEADER_SCAN + 1))
    key_value = _is_key_value(head)
    index = None if key_value else _find_header(head)
    header: list[str] = []
    header_row: int | None = None
    if index is not None:
        for n, before in head[:index]:
            ctx.add_text(" ".join(c.strip() for c in before if c.strip()), replace(location, row=n))
        header_row, header = head[index][0], [c.strip() for c in head[index][1]]
        head = head[index + 1 :]
    data: list[Row] = []
    seen = index + 1 if index is not None else 0
    sample = ctx.limits.sample_rows
    for number, cells in itertools.chain(head, filled):
        seen += 1
        if seen % 1000 == 0:
            ctx.check(location)
        if seen > ctx.limits.max_rows:
            ctx.issue("truncated", f"more than {ctx.limits.max_rows} rows; the rest were not inspected", location)
            break
        if sample and len(data) >= sample and not key_value:
            unread += 1
            continue
        data.append(Row(number, tuple(cells)))
    total = len(data) + unread if unread else None
    if total is not None:
        ctx.issue("sampled", f"a sample of {len(data)} of {total} rows was inspected", location)
    ctx.add_table(location, header, header_row, data, key_value=key_value, total_rows=total)
