"""Find the address block on a page (pure): the 〒 line, the address, maybe the organisation and department, then
the name with 様, 御中 or 殿, stacked one under another.

A block starts at a line that begins with a postal code (after 〒, or a bare ``123-4567``); the lines under it
that line up with it (left edges within a few millimetres; indented names allowed) and follow without a large gap
belong to it, up to the first that ends with an honorific. The issuer's own 〒 (letterhead, footer, return
address) is followed by no such name and starts no block; an enclosure's 「ご住所」 line has no 〒 at its start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from mamori.letters.model import Box, Line, Page

_POSTAL = re.compile(r"^(?:〒\s*(\d{3})\s*-?\s*(\d{4})|(\d{3})\s*-\s*(\d{4}))(?!\d)\s*(.*)$")
_HYPHEN = re.compile("[\u2010-\u2015\u2212\uff0d\u30fc\uff70-]")
HONORIFICS = ("御中", "様", "殿")
_ORG = re.compile(
    r"(株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|法人|組合|協会|連合会|事務所|病院|医院|"
    r"クリニック|学校|大学|役所|役場)"
)
_DEPT = re.compile(r"(部|課|室|係|グループ|チーム|センター|支店|支社|営業所|本部|本社|事業所|工場|出張所)$")
MAX_LINES = 9  # the 〒 line and up to eight under it
LEFT_SLACK = 6.0  # mm a line may start left of the 〒 line
INDENT = 80.0  # mm a line (a centred name, a 様 at the window's right edge) may start right of it
ROW_TOLERANCE = 1.5  # mm between the baselines of pieces of one line


@dataclass(frozen=True, slots=True)
class AddressBlock:
    """The block as read: postal code (seven digits), address lines, organisation/department lines, the name line
    without its honorific, the honorific, and the box around all its lines."""

    postal_code: str
    postal_text: str
    address_lines: tuple[str, ...]
    org_lines: tuple[str, ...]
    name: str
    honorific: str
    box: Box

    @property
    def address(self) -> str:
        return " ".join(self.address_lines)

    @property
    def organization(self) -> str:
        return " ".join(self.org_lines)


def _nfkc(text: str) -> str:
    return _HYPHEN.sub("-", unicodedata.normalize("NFKC", text)).strip()


def honorific_of(text: str) -> str:
    """The honorific a name line ends with (様, 御中, 殿), or ""."""
    s = "".join(unicodedata.normalize("NFKC", text).split())
    return next((h for h in HONORIFICS if s.endswith(h) and len(s) > len(h)), "")


def is_org_line(text: str) -> bool:
    """An organisation or department line (株式会社…, …部, …支店), not a building or room."""
    s = "".join(unicodedata.normalize("NFKC", text).split())
    return bool(_ORG.search(s) or (_DEPT.search(s) and not re.search(r"\d", s)))


def find_block(page: Page) -> AddressBlock | None:
    """The topmost address block of ``page`` (see the module doc), or None."""
    for start in sorted(page.lines, key=lambda ln: (ln.box.top, ln.box.left)):
        m = _POSTAL.match(_nfkc(start.text))
        if m is None:
            continue
        block = _block_from(start, m, page.lines)
        if block is not None:
            return block
    return None


def _rows(lines: Iterable[Line]) -> list[Line]:
    """Lines top to bottom, those on one baseline joined left to right (a 様 set apart at the window's right edge)."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.box.top, ln.box.left)):
        row = rows[-1] if rows else None
        if row and abs(ln.box.bottom - row[0].box.bottom) <= ROW_TOLERANCE and ln.box.top < row[0].box.bottom:
            row.append(ln)
        else:
            rows.append([ln])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.box.left)
        box = row[0].box
        for ln in row[1:]:
            box = box.union(ln.box)
        out.append(row[0] if len(row) == 1 else Line(" ".join(ln.text for ln in row), box))
    return out


def _block_from(start: Line, m: re.Match[str], lines: tuple[Line, ...]) -> AddressBlock | None:
    code = (m.group(1) or m.group(3)) + (m.group(2) or m.group(4))
    below = _rows(
        ln
        for ln in lines
        if ln is not start
        and ln.box.top >= start.box.top + 0.5 * max(start.box.height, 1.0)
        and start.box.left - LEFT_SLACK <= ln.box.left <= start.box.left + INDENT
    )
    taken: list[Line] = []
    prev = start
    for ln in below:
        if len(taken) >= MAX_LINES - 1:
            return None
        gap = ln.box.top - prev.box.bottom
        if gap > max(2.2 * max(prev.box.height, ln.box.height), 8.0):
            return None
        taken.append(ln)
        prev = ln
        if honorific_of(ln.text):
            break
    else:
        return None
    *middle, name_line = taken
    first = m.group(5).strip()
    addr = [first] if first else []
    orgs: list[str] = []
    for ln in middle:
        if orgs or (addr and is_org_line(ln.text)):
            orgs.append(ln.text.strip())
        else:
            addr.append(ln.text.strip())
    if not addr:
        return None
    honorific = honorific_of(name_line.text)
    name = re.sub(rf"\s*{honorific}\s*$", "", unicodedata.normalize("NFKC", name_line.text).strip())
    box = start.box
    for ln in taken:
        box = box.union(ln.box)
    return AddressBlock(code, start.text.strip(), tuple(addr), tuple(orgs), name.strip(), honorific, box)
