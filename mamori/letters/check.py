"""The check of a print run against its list (pure): pages in, letters with their problems out.

A letter starts at each page with an address block (`mamori.letters.blocks`); the pages after it, up to the next
block, are its enclosures. Pages before the first block make a letter of their own (no address: held). The block
is matched to the list (DESIGN.md, ``mamori letters check``):

* name, organisation and address of one entry: that entry (its postal code must be the list's, or the letter is
  held: `address_mismatch`, or `postal_code_mismatch` when the printed code does not belong to the address);
* the address of an entry but another name (a typo, another person, another entry's name): `name_mismatch`;
* the name of an entry at another address: `address_mismatch`; neither: `unknown_recipient`;
* the postal code must belong to the address (Japan Post's data; `postal_code_mismatch`);
* a second letter to the same entry: `duplicate_recipient` on the later one; outside ``--window``:
  `outside_window`; a page that names another entry by id or full name: `foreign_page`; a page without text:
  `unreadable_page`. Entries without a letter are `missing`.

Pages are consumed one at a time (a 3,000-page run is never held in memory); only what the report needs is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mamori.letters.blocks import AddressBlock, find_block, is_org_line
from mamori.letters.model import Box, Line, Page
from mamori.letters.normalize import norm_address, norm_name, norm_org, same_address, strip_prefecture
from mamori.letters.postal import Area, belongs
from mamori.letters.recipients import Entry

CODES = (
    "unknown_recipient",
    "name_mismatch",
    "address_mismatch",
    "postal_code_mismatch",
    "foreign_page",
    "duplicate_recipient",
    "outside_window",
    "unreadable_page",
)
PostalLookup = Callable[[str], "tuple[Area, ...] | None"]

_ID_MARK = re.compile(
    r"(?:お客様|お客さま|ご契約者|顧客|会員|証券|保険証券|契約|ご契約|加入者|受給者|利用者|組合員|患者|診察券)"
    r"(?:番号|コード|No\.?|NO\.?|ID)"
    r"|(?:Customer|Member|Policy|Contract)\s*(?:No\.?|Number|ID|Code)",
    re.IGNORECASE,
)
_ID_VALUE = re.compile(r"\s*[:：]?\s*(?:No\.?\s*)?([A-Za-z0-9][A-Za-z0-9\-]*)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason to hold a letter: its code, the page (from 1), texts, and the box to outline (mm), if any."""

    code: str
    page: int
    detail: str
    detail_ja: str
    box: Box | None = None


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter of the run: index (from 1), its pages, the entry it went to (None: none), its problems."""

    index: int
    pages: tuple[int, ...]
    recipient: str | None
    problems: tuple[Problem, ...]
    block: AddressBlock | None = None

    @property
    def action(self) -> str:
        return "hold" if self.problems else "ok"


@dataclass(frozen=True, slots=True)
class RunResult:
    letters: tuple[Letter, ...]
    missing: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and all(letter.action == "ok" for letter in self.letters)


@dataclass
class ListIndex:
    """The list's entries by normalised name, organisation name, address and id."""

    entries: list[Entry]
    by_name: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_org_name: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_address: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, Entry] = field(default_factory=dict)
    names_by_head: dict[str, list[tuple[str, Entry]]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for e in self.entries:
            self.by_name[e.key_name].append(e)
            if norm_org(e.name):
                self.by_org_name[norm_org(e.name)].append(e)
            self.by_address[strip_prefecture(e.key_address)].append(e)
            self.by_id[norm_id(e.id)] = e
            if len(e.key_name) >= 2:
                self.names_by_head[e.key_name[:2]].append((e.key_name, e))


def norm_id(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().upper()


# --- matching the address block ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read a block: the first lines as the address, the rest (and the name line) as the addressee."""

    address: str
    org_text: str


def _readings(block: AddressBlock) -> list[_Reading]:
    """The block's address with 0, 1, ... of its organisation lines (a building line may look like one)."""
    out = []
    for j in range(len(block.org_lines) + 1):
        address = norm_address(" ".join(block.address_lines + block.org_lines[:j]))
        out.append(_Reading(address, norm_org(" ".join(block.org_lines[j:]) + block.name)))
    return out


def _named(block: AddressBlock, index: ListIndex) -> list[Entry]:
    """Entries whose name the block carries: a person's full name ending the name line (an organisation or
    department before it is fine), or an organisation's name made of the addressee's first words (a department
    after it is fine; a longer name is another organisation)."""
    found: list[Entry] = []
    units = block.name.split()
    for k in range(len(units)):
        head, tail = " ".join(units[:k]), "".join(units[k:])
        if k == 0 or is_org_line(head):
            found += [e for e in index.by_name.get(norm_name(tail), []) if e not in found]
    key = norm_name(block.name)
    for k in range(1, len(key) - 1):  # 経理部山田太郎: a department glued to the name
        if is_org_line(key[:k]):
            found += [e for e in index.by_name.get(key[k:], []) if e not in found]
    words = [w for line in (*block.org_lines, block.name) for w in line.split()]
    for k in range(1, len(words) + 1):
        org = norm_org("".join(words[:k]))
        found += [e for e in index.by_org_name.get(org, []) if e not in found]
    return found


def _org_ok(entry: Entry, reading: _Reading) -> bool:
    return not entry.key_org or entry.key_org in reading.org_text


def _address_ok(entry: Entry, reading: _Reading) -> bool:
    if same_address(reading.address, entry.key_address):
        return True
    # the organisation's name printed on an address line of its own (no legal form to tell it by)
    org = norm_address(entry.organization) if entry.organization else ""
    a, e = strip_prefecture(reading.address), strip_prefecture(entry.key_address)
    return bool(org) and a.startswith(e) and org.startswith(a[len(e) :])


def _similarity(a: str, b: str) -> int:
    return len(set(a) & set(b))


def match_block(
    block: AddressBlock, index: ListIndex, postal: PostalLookup, page: int, hints: frozenset[str] = frozenset()
) -> tuple[Entry | None, bool, list[Problem]]:
    """The entry the block goes to, whether that is an exact match (name and address), and the problems found.

    ``hints``: ids the page names by customer number; among several entries that fit as well (the same name at two
    addresses), the one the page names."""
    readings = _readings(block)
    problems: list[Problem] = []
    where = block.box
    shown = f"〒{block.postal_code[:3]}-{block.postal_code[3:]} {block.address} {block.organization} {block.name}"
    shown = " ".join(shown.split()) + f" {block.honorific}"
    areas = postal(block.postal_code)
    code_fits = areas is None or any(belongs(r.address, areas) for r in readings)
    if not code_fits:
        problems.append(
            Problem(
                "postal_code_mismatch",
                page,
                f"postal code {block.postal_code[:3]}-{block.postal_code[3:]} does not belong to the address "
                f"{block.address}" + ("" if areas else " (Japan Post has no such code)"),
                f"郵便番号 {block.postal_code[:3]}-{block.postal_code[3:]} は住所「{block.address}」のものでは"
                "ありません" + ("" if areas else "（日本郵便の郵便番号にありません）"),
                where,
            )
        )
    named = sorted(_named(block, index), key=lambda e: e.id not in hints)
    exact = [e for e in named if any(_address_ok(e, r) and _org_ok(e, r) for r in readings)]
    if exact:
        entry = next((e for e in exact if e.key_postal == block.postal_code), exact[0])
        if entry.key_postal != block.postal_code and code_fits:
            problems.append(
                Problem(
                    "address_mismatch",
                    page,
                    f"postal code {block.postal_code[:3]}-{block.postal_code[3:]} on the letter, "
                    f"{entry.postal_code} in the list for {entry.id}",
                    f"郵便番号が宛名では {block.postal_code[:3]}-{block.postal_code[3:]}、リスト（{entry.id}）では "
                    f"{entry.postal_code} です",
                    where,
                )
            )
        return entry, True, problems
    at_address: list[Entry] = []
    for r in readings:
        at_address += [e for e in index.by_address.get(strip_prefecture(r.address), []) if e not in at_address]
    at_address += [e for e in named if e not in at_address and any(_address_ok(e, r) for r in readings)]
    if at_address:
        entry = max(
            at_address,
            key=lambda e: (e.id in hints, _similarity(e.key_name + e.key_org, norm_name(block.name))),
        )
        want = f"{entry.organization} {entry.name}".strip()
        problems.insert(
            0,
            Problem(
                "name_mismatch",
                page,
                f"the address is {entry.id}'s, but the letter is addressed to {block.name} (list: {want})",
                f"住所はリストの {entry.id} のものですが、宛名が「{block.name}」です（リスト: {want}）",
                where,
            ),
        )
        return entry, False, problems
    if named:
        entry = named[0]
        problems.insert(
            0,
            Problem(
                "address_mismatch",
                page,
                f"{block.name} is {entry.id} in the list, at another address: letter {shown}; list "
                f"〒{entry.postal_code} {entry.address}",
                f"{block.name} はリストの {entry.id} ですが、住所が違います: 宛名 {shown}／リスト "
                f"〒{entry.postal_code} {entry.address}",
                where,
            ),
        )
        return entry, False, problems
    problems.insert(
        0,
        Problem(
            "unknown_recipient",
            page,
            f"the address block matches no entry of the list: {shown}",
            f"宛名がリストのどの宛先とも一致しません: {shown}",
            where,
        ),
    )
    return None, False, problems


# --- what a page names ------------------------------------------------------------------------------------------


def named_on_page(lines: tuple[Line, ...], index: ListIndex, skip: Box | None = None) -> list[tuple[Entry, str, Box]]:
    """Entries a page names: by id after a customer-number label, or by full name (outside ``skip``, the address
    block, whose name is checked by the block match). Each with how (``id`` / ``name``) and the line's box."""
    out: list[tuple[Entry, str, Box]] = []
    texts = [unicodedata.normalize("NFKC", ln.text) for ln in lines]
    for i, (ln, text) in enumerate(zip(lines, texts, strict=True)):
        for m in _ID_MARK.finditer(text):
            rest = text[m.end() :]
            if not rest.strip(" :：") and i + 1 < len(texts):
                rest = rest + " " + texts[i + 1]
            v = _ID_VALUE.match(rest)
            if v and (e := index.by_id.get(norm_id(v.group(1)))) is not None:
                out.append((e, "id", ln.box))
        if skip is not None and ln.box.inside(skip, 0.5):
            continue
        at = [j for j, ch in enumerate(text) if not ch.isspace()]  # key index -> text index
        key = "".join(text[j] for j in at)
        for k in range(len(key) - 1):
            for name, e in index.names_by_head.get(key[k : k + 2], ()):
                if key.startswith(name, k) and _whole(text, at[k], at[k + len(name) - 1] + 1):
                    out.append((e, "name", ln.box))
    return out


def _letter(ch: str) -> bool:
    return ch.isalnum() or ch in "々〆ヶー"


def _whole(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a name of its own: not the tail of 小林 (林) or the head of 山田太郎丸, but 林 誠様 is."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _letter(before) and (not _letter(after) or after in _AFTER_NAME)


_AFTER_NAME = "様殿さ氏君宛御先"


def _foreign(page: Page, recipient: Entry, index: ListIndex, skip: Box | None) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for e, how, box in named_on_page(page.lines, index, skip):
        if e.id == recipient.id or e.id in seen or (how == "name" and e.key_name == recipient.key_name):
            continue
        seen.add(e.id)
        by_en = f"customer number {e.id}" if how == "id" else f"the name {e.name}"
        by_ja = f"番号 {e.id}" if how == "id" else f"氏名「{e.name}」"
        out.append(
            Problem(
                "foreign_page",
                page.number,
                f"page {page.number} names another entry of the list ({by_en}); the letter is for {recipient.id}",
                f"{page.number} ページ目にリストの別の宛先（{by_ja}）が載っています。"
                f"この封書は {recipient.id} 宛てです",
                box,
            )
        )
    return out


# --- the run ----------------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A letter while its pages are read."""

    block: AddressBlock | None
    entry: Entry | None = None
    pages: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def done(self, index: int) -> Letter:
        recipient = self.entry.id if self.entry else None
        return Letter(index, tuple(self.pages), recipient, tuple(self.problems), self.block)


def check_run(
    pages: Iterable[Page], entries: list[Entry], postal: PostalLookup, window: Box | None = None
) -> RunResult:
    """Every letter of the run with its problems, and the entries that got no letter (see the module doc)."""
    index = ListIndex(entries)
    letters: list[Letter] = []
    first_letter_of: dict[str, int] = {}
    reached: set[str] = set()
    draft: _Draft | None = None
    for page in pages:
        block = find_block(page) if page.lines else None
        if block is not None or draft is None:
            if draft is not None:
                letters.append(draft.done(len(letters) + 1))
            draft = _start(block, page, index, postal, window, first_letter_of, len(letters) + 1)
            if draft.entry is not None:
                reached.add(draft.entry.id)
        draft.pages.append(page.number)
        if not page.lines:
            draft.problems.append(
                Problem(
                    "unreadable_page",
                    page.number,
                    f"page {page.number} has no text to read (a scan, a picture, a blank page?): check it by eye",
                    f"{page.number} ページ目に読み取れる文字がありません（画像のみ・白紙？）。目で確認してください",
                )
            )
        elif draft.entry is not None:
            skip = block.box if block is not None else None
            draft.problems.extend(_foreign(page, draft.entry, index, skip))
    if draft is not None:
        letters.append(draft.done(len(letters) + 1))
    missing = tuple(e.id for e in entries if e.id not in reached)
    return RunResult(tuple(letters), missing)


def _start(
    block: AddressBlock | None,
    page: Page,
    index: ListIndex,
    postal: PostalLookup,
    window: Box | None,
    first_letter_of: dict[str, int],
    number: int,
) -> _Draft:
    """A new letter at ``page``: its block matched and checked (``first_letter_of`` records exact matches)."""
    draft = _Draft(block)
    if block is None:
        if page.lines:
            draft.problems.append(
                Problem(
                    "unknown_recipient",
                    page.number,
                    f"page {page.number} starts the run without an address block (〒, address, name 様/御中)",
                    f"{page.number} ページ目に宛名（〒・住所・氏名 様/御中）がありません",
                )
            )
        return draft
    hints = frozenset(e.id for e, how, _ in named_on_page(page.lines, index) if how == "id")
    entry, exact, problems = match_block(block, index, postal, page.number, hints)
    draft.entry, draft.problems = entry, problems
    if window is not None and not block.box.inside(window):
        problems.append(_outside(block, window, page.number))
    if entry is not None and exact:
        if entry.id in first_letter_of:
            first = first_letter_of[entry.id]
            problems.append(
                Problem(
                    "duplicate_recipient",
                    page.number,
                    f"{entry.id} already has letter {first} in this run",
                    f"{entry.id} 宛ての封書はこの中に既にあります（{first} 通目）",
                    block.box,
                )
            )
        else:
            first_letter_of[entry.id] = number
    return draft


def _outside(block: AddressBlock, window: Box, page: int) -> Problem:
    b = block.box
    return Problem(
        "outside_window",
        page,
        f"the address block ({b.left:.0f},{b.top:.0f})-({b.right:.0f},{b.bottom:.0f}) mm is not wholly inside the "
        f"window ({window.left:.0f},{window.top:.0f})-({window.right:.0f},{window.bottom:.0f}) mm",
        f"宛名（{b.left:.0f},{b.top:.0f}）-（{b.right:.0f},{b.bottom:.0f}）mm が封筒の窓"
        f"（{window.left:.0f},{window.top:.0f}）-（{window.right:.0f},{window.bottom:.0f}）mm に収まっていません",
        b,
    )
