"""A broadcast FAX send list against the contact directory (pure): ``name,organization,fax`` rows in, one verdict
per row out (DESIGN.md, ``mamori fax check``).

The directory is the check API's (`mamori.guard.channel.ChannelIndex`: contacts.csv with its ``fax`` column), and
numbers and organisation names are compared as it compares them: `mamori.guard.channel.norm_fax` (digits, +81 as
0) and `mamori.guard.directory.org_stem` after NFKC without spaces (`mamori.letters.normalize.norm_org`).

* ``invalid_number`` (hold): not dialable: after NFKC and removing hyphens, spaces and parentheses, 050/070/080/
  090/0800 numbers need 11 digits, all others 10 digits starting 0 then a non-zero digit;
* ``recipient_organization_mismatch`` (hold): the number is another organisation's;
* ``similar_recipient`` (hold): a number nobody has, one digit changed or two adjacent digits swapped from a number
  of the named organisation;
* ``unknown_recipient`` (confirm): an organisation the directory does not know, or a number nobody has that is not
  near one of the named organisation's.

Any number of an organisation is right for anyone at it (people not in the directory and departments too); a
department after the organisation's name (株式会社A 経理部) names the organisation.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from mamori.guard.channel import ChannelIndex, norm_fax
from mamori.letters.normalize import norm_org

COLUMNS = ("name", "organization", "fax")
SEVERITY = {
    "invalid_number": "hold",
    "recipient_organization_mismatch": "hold",
    "similar_recipient": "hold",
    "unknown_recipient": "confirm",
}
_RANK = {"allow": 0, "confirm": 1, "hold": 2}
_ELEVEN = ("050", "070", "080", "090", "0800")
_DROPPED = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc\uff0d()（）]")


class SendListError(ValueError):
    """A send list that cannot be read: ``line`` of the file (1 = header; 0 the file as a whole)."""

    def __init__(self, line: int, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.line = line
        self.message_en = message_en
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class SendRow:
    row: int  # from 1, the first row after the header
    name: str
    organization: str
    fax: str


@dataclass(frozen=True, slots=True)
class FaxReason:
    code: str
    severity: str
    detail: str
    detail_ja: str


@dataclass(frozen=True, slots=True)
class FaxVerdict:
    row: int
    action: str
    reasons: tuple[FaxReason, ...]


@dataclass
class FaxBook:
    """Who has which FAX number: organisations (by `norm_org` key) per number and numbers per organisation."""

    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    numbers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, str] = field(default_factory=dict)  # key -> the directory's spelling

    def organisation(self, text: str) -> str | None:
        """The directory organisation named by ``text`` (a department after it allowed), or None."""
        key = norm_org(text)
        if not key:
            return None
        if key in self.names:
            return key
        known = [k for k in self.names if k and key.startswith(k)]
        return max(known, key=len) if known else None


def fax_book(index: ChannelIndex) -> FaxBook:
    """The FAX numbers of the check API's directory index, by organisation."""
    book = FaxBook()
    for number, contacts in index.fax_of.items():
        for c in contacts:
            key = norm_org(c.organization)
            book.owners[number].add(key)
            book.numbers[key].add(number)
            book.names.setdefault(key, c.organization)
    for c in [*index.directory.contacts, *index.extra]:
        if c.organization:
            book.names.setdefault(norm_org(c.organization), c.organization)
    return book


def dialable(number: str) -> bool:
    """A Japanese number that can be dialled (see the module doc)."""
    s = _DROPPED.sub("", unicodedata.normalize("NFKC", number))
    if s.startswith("+81"):
        s = "0" + s[3:]
    if not s.isdigit():
        return False
    if s.startswith(_ELEVEN):
        return len(s) == 11
    return len(s) == 10 and s[0] == "0" and s[1] != "0"


def similar(a: str, b: str) -> bool:
    """One digit changed, or two adjacent digits swapped (same length)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def check_row(row: SendRow, book: FaxBook) -> FaxVerdict:
    """The verdict on one destination (see the module doc)."""
    reasons: list[FaxReason] = []
    shown = row.fax.strip() or "(empty)"
    named_text = row.organization.strip() or row.name.strip()
    if not dialable(row.fax):
        reasons.append(
            _reason(
                "invalid_number",
                f"{shown} is not a dialable Japanese number (050/070/080/090/0800: 11 digits; others: 10 digits, "
                "0 then a non-zero digit)",
                f"{shown} はかけられる番号ではありません（050・070・080・090・0800 は11桁、"
                "それ以外は0で始まり次が0でない10桁）",
            )
        )
        return _verdict(row.row, reasons)
    number = norm_fax(row.fax)
    named = book.organisation(named_text)
    owners = book.owners.get(number, set())
    if owners:
        mine = named in owners if named is not None else not row.organization.strip() or _loosely(named_text, owners)
        if not mine:
            dest = "、".join(sorted(book.names.get(o, o) or "(no organisation)" for o in owners))
            reasons.append(
                _reason(
                    "recipient_organization_mismatch",
                    f"{shown} is the FAX number of {dest}, not of {named_text}",
                    f"{shown} は {dest} のFAX番号です（宛先は {named_text}）",
                )
            )
    elif named is not None:
        near = sorted(n for n in book.numbers.get(named, ()) if similar(number, n))
        if near:
            reasons.append(
                _reason(
                    "similar_recipient",
                    f"{shown} is nobody's number, and one digit off {near[0]}, a number of {book.names[named]}: "
                    "a typo?",
                    f"{shown} は誰の番号でもなく、{book.names[named]} の番号 {near[0]} と1桁違い（または隣り合う2桁の"
                    "入れ替え）です。打ち間違いではありませんか",
                )
            )
        else:
            reasons.append(
                _reason(
                    "unknown_recipient",
                    f"{shown} is not a number of {book.names[named]} in the directory: check it before sending",
                    f"{shown} はアドレス帳にある {book.names[named]} の番号ではありません。送信前に確認してください",
                )
            )
    else:
        who = named_text or "(no organisation)"
        reasons.append(
            _reason(
                "unknown_recipient",
                f"{who} and {shown} are not in the directory: check the number before sending",
                f"{who}・{shown} はアドレス帳にありません。送信前に番号を確認してください",
            )
        )
    return _verdict(row.row, reasons)


def _loosely(text: str, owners: set[str]) -> bool:
    """An organisation the directory does not know by that spelling, compared by name with the number's owners."""
    key = norm_org(text).removesuffix("御中").removesuffix("様")
    return any(o and (key.startswith(o) or o.startswith(key)) for o in owners)


def _reason(code: str, en: str, ja: str) -> FaxReason:
    return FaxReason(code, SEVERITY[code], en, ja)


def _verdict(row: int, reasons: list[FaxReason]) -> FaxVerdict:
    action = max((r.severity for r in reasons), key=_RANK.__getitem__, default="allow")
    return FaxVerdict(row, action, tuple(reasons))


def check_sendlist(rows: list[SendRow], index: ChannelIndex) -> list[FaxVerdict]:
    """One verdict per row, in order."""
    book = fax_book(index)
    return [check_row(r, book) for r in rows]


def parse_sendlist(text: str) -> list[SendRow]:
    """The rows of a ``name,organization,fax`` CSV (header row; columns in any order); a missing or unknown column
    or a row with the wrong number of cells is a `SendListError` naming its line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise SendListError(
            0, "the send list is empty (a header row is required)", "送信リストが空です（見出し行が必要です）"
        )
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in COLUMNS]
    missing = [c for c in COLUMNS if c not in columns]
    if unknown or missing or len(set(columns)) != len(columns):
        what = ", ".join([*(f"unknown column {c}" for c in unknown), *(f"missing column {c}" for c in missing)])
        what_ja = "、".join([*(f"不明な列 {c}" for c in unknown), *(f"列 {c} がありません" for c in missing)])
        raise SendListError(
            1,
            f"{what or 'a column appears twice'} (columns: name,organization,fax)",
            f"{what_ja or '同じ列が二度あります'}（列: name,organization,fax）",
        )
    rows: list[SendRow] = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            raise SendListError(
                line,
                f"row {len(rows) + 1}: {len(cells)} cells where the header has {len(columns)}",
                f"{len(rows) + 1} 行目: 見出しは {len(columns)} 列ですが、この行は {len(cells)} 列です",
            )
        row = dict(zip(columns, cells, strict=True))
        rows.append(SendRow(len(rows) + 1, row["name"].strip(), row["organization"].strip(), row["fax"].strip()))
    return rows


def to_json(v: FaxVerdict) -> dict[str, object]:
    """The contract's object for one row (``severity``, ``detail``, ``detail_ja`` added to each reason)."""
    return {
        "row": v.row,
        "action": v.action,
        "reasons": [
            {"code": r.code, "severity": r.severity, "detail": r.detail, "detail_ja": r.detail_ja} for r in v.reasons
        ],
    }
