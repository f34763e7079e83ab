"""Masked renderings of findings (山田太郎 → 山田■■, 090-****-****) and masking of whole texts.

A partial mask keeps only what does not single a person out: a phone's first group (area or mobile prefix), the
last four digits of a long number (a card, a My Number: twelve digits or more), a name's first half or first word,
an address's prefecture and city. Shorter numbers keep no digit: the last four of a ten-digit phone or a seven-digit
account leave too few to guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mamori.detect.finding import Finding

BLOCK = "■"
STAR = "*"
LONG_NUMBER = 12
"""Numbers with at least this many digits keep their last four in a partial mask (cards, My Number); shorter ones
keep none."""

_DIGIT = re.compile(r"[0-9０-９]")
_ADDRESS_HEAD = re.compile(r"^(?:.{2,3}?[都道府県])?(?:[^\s0-9０-９]{1,6}?[市区町村郡])?")
_NUMERIC_TYPES = frozenset(
    {
        "MY_NUMBER",
        "CORPORATE_NUMBER",
        "CREDIT_CARD",
        "BANK_ACCOUNT",
        "DRIVERS_LICENSE",
        "PASSPORT",
        "RESIDENCE_CARD",
        "HEALTH_INSURANCE",
        "PENSION_NUMBER",
        "US_SSN",
        "IBAN",
        "POSTAL_CODE",
    }
)


def _mask_digits(value: str, keep_last: int, keep_first_group: bool = False) -> str:
    positions = [m.start() for m in _DIGIT.finditer(value)]
    keep = set(positions[-keep_last:]) if keep_last else set()
    if keep_first_group and positions:
        first = re.match(r"\D*[0-9０-９]+", value)
        # a number written without separators is one group: keeping it would keep everything
        if first and first.end() <= positions[-1]:
            kept = [p for p in positions if p < first.end()]
            if len(kept) + len(keep) < len(positions):
                keep.update(kept)
    chars = list(value)
    for p in positions:
        if p not in keep:
            chars[p] = STAR
    return "".join(chars)


def _mask_tail(value: str, keep: int) -> str:
    return value[:keep] + "".join(c if c.isspace() else BLOCK for c in value[keep:])


def mask_value(entity_type: str, value: str) -> str:
    """The masked rendering of one value of ``entity_type``; never contains the whole value."""
    if not value:
        return value
    if entity_type == "PHONE":
        return _mask_digits(value, keep_last=0, keep_first_group=len(_DIGIT.findall(value)) > 8)
    if entity_type == "EMAIL":
        local, _, domain = value.partition("@")
        return (local[:1] + STAR * max(1, len(local) - 1)) + "@" + domain
    if entity_type == "IP_ADDRESS":
        sep = ":" if ":" in value else "."
        parts = value.split(sep)
        return sep.join(parts[:1] + [STAR * max(1, len(p)) if p else p for p in parts[1:]])
    if entity_type in _NUMERIC_TYPES:
        if entity_type in ("PASSPORT", "IBAN", "RESIDENCE_CARD"):
            keep = 2
            return value[:keep] + re.sub(r"[0-9A-Za-z]", STAR, value[keep:-2]) + value[-2:]
        if entity_type == "POSTAL_CODE":
            return _mask_digits(value, keep_last=0, keep_first_group=True)
        return _mask_digits(value, keep_last=4 if len(_DIGIT.findall(value)) >= LONG_NUMBER else 0)
    if entity_type == "ADDRESS":
        head = _ADDRESS_HEAD.match(value)
        keep = head.end() if head and head.end() < len(value) else min(3, len(value) // 2)
        return _mask_tail(value, keep)
    if entity_type == "DATE_OF_BIRTH":
        return _mask_digits(value, keep_last=0)
    if entity_type in ("PERSON", "ORGANIZATION", "LOCATION", "SENSITIVE"):
        if " " in value.strip() or "\u3000" in value.strip():
            first, _, rest = value.strip().replace("\u3000", " ").partition(" ")
            return first + " " + _mask_tail(rest, 0)
        return _mask_tail(value, max(1, len(value) // 2) if len(value) > 1 else 0)
    return _mask_tail(value, 1 if len(value) > 2 else 0)


def mask(text: str, findings: Iterable[Finding], *, style: str = "partial") -> str:
    """Return ``text`` with every finding replaced.

    ``style="partial"`` puts each finding's masked rendering in its place; ``style="type"`` puts
    ``<TYPE>``; ``style="block"`` puts one ■ per character. Overlapping findings are merged, the
    earlier-starting (then longer) one winning.
    """
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    out: list[str] = []
    pos = 0
    for f in chosen:
        out.append(text[pos : f.start])
        if style == "type":
            out.append(f"<{f.type}>")
        elif style == "block":
            out.append("".join(c if c in "\n\r" else BLOCK for c in text[f.start : f.end]))
        elif style == "partial":
            out.append(mask_value(f.type, text[f.start : f.end]))
        else:
            raise ValueError(f"unknown mask style {style!r}")
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
