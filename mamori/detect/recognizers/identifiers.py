"""Identification numbers: 個人番号, 法人番号, driving licence, passport, 在留カード, health insurance,
基礎年金番号 and the US Social Security number.

Each recognizer takes the digit runs of its length from the shared anchor pass, checks the shape
and the check digit (``mamori.detect.checksums``), then scores by the label the value belongs to
(``label_before``: the nearest keyword on its line, the line above, or the CSV column header).
A check digit alone is not enough: one random 12-digit number in ten passes the My Number check,
so a number whose label is 注文番号 / 会員番号 / 請求書番号 stays below the threshold, and one without
any label is scored 0.4 (reported only when the caller lowers the threshold).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mamori.detect.checksums import (
    DL_AUTHORITY_CODES,
    corporate_number_valid,
    drivers_license_valid,
    ean13_valid,
    my_number_valid,
    us_ssn_valid,
)
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers._numbers import (
    LABELS,
    MIN_SCORE,
    boundary_ok,
    groups_of,
    keyword_hits,
    label_around,
    label_of,
    line_end,
    runs_of,
)

_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_PROXIMITY = 300  # characters, as Purview's patternsProximity
_MY_NUMBER_WORDS = frozenset({"n.mynumber"})
_CORPORATE_WORDS = frozenset({"n.corp"})


def _keyword_near(doc: Document, start: int, end: int, groups: frozenset[str]) -> bool:
    """A keyword of ``groups`` within the proximity window before or after the value (no label of its own)."""
    return bool(doc.keyword_before(start, groups, _PROXIMITY) or doc.keyword_after(end, groups, _PROXIMITY))


class MyNumberRecognizer(Recognizer):
    """個人番号 (My Number): 12 digits, plain or 4-4-4, check digit last; needs its label to be reported."""

    name = "my_number"
    entities = ("MY_NUMBER",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, digits in runs_of(doc, (12,)):
            if not my_number_valid(digits) or not boundary_ok(norm, start, end):
                continue
            lens = [len(g) for g in groups_of(raw)]
            shape_ok = lens in ([12], [4, 4, 4])
            label = label_around(doc, start, end)
            if label == "n.mynumber":
                score = 0.92 if shape_ok else 0.7
            elif label is None and _keyword_near(doc, start, end, _MY_NUMBER_WORDS):
                score = 0.7 if shape_ok else 0.5  # Purview: check digit + keyword within 300 characters
            elif label is None:
                score = 0.4 if shape_ok else 0.25
            else:
                score = 0.1
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "MY_NUMBER", start, end, score)


def _t_prefix(norm: str, start: int) -> int:
    """Offset of the 'T' of an invoice registration number ('T1234...', 'T-1234...', 'T 1234...'), or -1."""
    t = start - 1
    if t > 0 and norm[t] in "- " and norm[t - 1] in "Tt":
        t -= 1
    if t >= 0 and norm[t] in "Tt" and (t == 0 or not (norm[t - 1].isascii() and norm[t - 1].isalnum())):
        return t
    return -1


class CorporateNumberRecognizer(Recognizer):
    """法人番号: 13 digits with the check digit first; 'T' + 13 digits is an invoice registration number."""

    name = "corporate_number"
    entities = ("CORPORATE_NUMBER",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, digits in runs_of(doc, (13,)):
            if not corporate_number_valid(digits):
                continue
            t_at = _t_prefix(norm, start)
            t_prefix = t_at >= 0
            if not t_prefix and not boundary_ok(norm, start, end):
                continue
            if t_prefix and end < len(norm) and norm[end].isascii() and norm[end].isalnum():
                continue
            lens = [len(g) for g in groups_of(raw)]
            shape_ok = lens in ([13], [1, 4, 4, 4])
            label = label_of(doc, t_at) if t_prefix else label_around(doc, start, end)
            if label == "n.corp":
                score = 0.92 if shape_ok else 0.7
            elif t_prefix and label is None:
                score = 0.85 if shape_ok else 0.6
            elif label is None:
                # an unlabelled 13-digit number that is also a valid JAN (45/49) is a product code
                jan = ean13_valid(digits) and digits[:2] in ("45", "49")
                score = 0.2 if jan else 0.4 if shape_ok else 0.25
                if not jan and _keyword_near(doc, start, end, _CORPORATE_WORDS):
                    score += 0.3  # check digit + keyword within 300 characters
            else:
                score = 0.1
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "CORPORATE_NUMBER", start, end, score)


class DriversLicenseRecognizer(Recognizer):
    """運転免許証番号: 12 digits after a licence label (公安委員会 code, check digit as commonly described)."""

    name = "drivers_license"
    entities = ("DRIVERS_LICENSE",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, _raw, digits in runs_of(doc, (12,)):
            if not boundary_ok(norm, start, end):
                continue
            label = label_around(doc, start, end)
            if label != "n.dl":
                if label is None and drivers_license_valid(digits) and not my_number_valid(digits):
                    yield self.finding(doc, "DRIVERS_LICENSE", start, end, 0.3)
                continue
            if drivers_license_valid(digits):
                score = 0.92
            elif digits[:2] in DL_AUTHORITY_CODES:
                score = 0.7
            else:
                score = 0.55
            yield self.finding(doc, "DRIVERS_LICENSE", start, end, score)


class PassportRecognizer(Recognizer):
    """旅券番号: two capital letters and seven digits (Japanese passports), with a passport label."""

    name = "passport"
    entities = ("PASSPORT",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, _digits in runs_of(doc, (7,)):
            if len(raw) != 7 or start < 2:
                continue
            s = start - 2
            if norm[s + 1] == " " and s > 0:
                s -= 1  # "TK 1234567"
            if norm[s] not in _UPPER or norm[s + 1] not in _UPPER:
                continue
            if s > 0 and norm[s - 1].isascii() and norm[s - 1].isalnum():
                continue
            if end < len(norm) and norm[end].isascii() and norm[end].isalnum():
                continue
            label = label_of(doc, s)
            score = 0.92 if label == "n.passport" else 0.35 if label is None else 0.1
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "PASSPORT", s, end, score)


class ResidenceCardRecognizer(Recognizer):
    """在留カード番号: two letters, eight digits, two letters (AB12345678CD)."""

    name = "residence_card"
    entities = ("RESIDENCE_CARD",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, _digits in runs_of(doc, (8,)):
            if len(raw) != 8 or start < 2 or end + 2 > len(norm):
                continue
            s, e = start - 2, end + 2
            if not (norm[s] in _UPPER and norm[s + 1] in _UPPER and norm[end] in _UPPER and norm[end + 1] in _UPPER):
                continue
            if (s > 0 and norm[s - 1].isascii() and norm[s - 1].isalnum()) or (
                e < len(norm) and norm[e].isascii() and norm[e].isalnum()
            ):
                continue
            label = label_of(doc, s)
            score = 0.92 if label == "n.residence" else 0.55 if label is None else 0.2
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "RESIDENCE_CARD", s, e, score)


_HEALTH_RE = re.compile(
    r"記号[ :]{0,3}([0-9A-Za-z][0-9A-Za-z\-ー]{0,9})[ 、,・/]{0,3}番号[ :]{0,3}([0-9]{1,10})"
    r"(?:[ 、,・/(]{0,3}枝番[ :]{0,3}([0-9]{2}))?"
)
_HEALTH_NUMBER_RE = re.compile(r"(?:番号)?[ :]{0,3}([0-9][0-9\-ー ]{3,18}[0-9])")


class HealthInsuranceRecognizer(Recognizer):
    """健康保険 被保険者証の記号・番号 (and 枝番): the values after a health-insurance label."""

    name = "health_insurance"
    entities = ("HEALTH_INSURANCE",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        done = -1
        for ks, ke in keyword_hits(doc, "n.health"):
            if ks < done:
                continue
            hi = line_end(norm, ke, 80)
            kw_start = ks if norm.startswith("記号", ks) else ke
            m = _HEALTH_RE.search(norm, kw_start, hi)
            if m is not None:
                last = m.lastindex or 2
                yield self.finding(doc, "HEALTH_INSURANCE", m.start(1), m.end(last), 0.9)
                done = m.end()
                continue
            if norm.startswith("記号", ks):
                continue
            m2 = _HEALTH_NUMBER_RE.match(norm, ke, hi)
            if m2 is not None:
                yield self.finding(doc, "HEALTH_INSURANCE", m2.start(1), m2.end(1), 0.8)
                done = m2.end()


class PensionNumberRecognizer(Recognizer):
    """基礎年金番号: 10 digits (4-6) after a pension label."""

    name = "pension_number"
    entities = ("PENSION_NUMBER",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, _digits in runs_of(doc, (10,)):
            if not boundary_ok(norm, start, end):
                continue
            lens = [len(g) for g in groups_of(raw)]
            if lens not in ([10], [4, 6]):
                continue
            label = label_of(doc, start)
            if label == "n.pension":
                yield self.finding(doc, "PENSION_NUMBER", start, end, 0.9)


class UsSsnRecognizer(Recognizer):
    """US Social Security numbers: AAA-GG-SSSS (or 9 digits) that the SSA could have issued."""

    name = "us_ssn"
    entities = ("US_SSN",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, digits in runs_of(doc, (9,)):
            if not us_ssn_valid(digits) or not boundary_ok(norm, start, end):
                continue
            if start > 0 and norm[start - 1] in "+(":
                continue
            lens = [len(g) for g in groups_of(raw)]
            seps = {c for c in raw if not c.isdigit()}
            if lens == [3, 2, 4] and len(seps) == 1:
                base = 0.5 if doc.lang == "en" else 0.35
            elif lens == [9]:
                base = 0.2
            else:
                continue
            label = label_of(doc, start)
            score = 0.92 if label == "n.ssn" else base if label is None else 0.1
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "US_SSN", start, end, score)


RECOGNIZERS: tuple[type[Recognizer], ...] = (
    MyNumberRecognizer,
    CorporateNumberRecognizer,
    DriversLicenseRecognizer,
    PassportRecognizer,
    ResidenceCardRecognizer,
    HealthInsuranceRecognizer,
    PensionNumberRecognizer,
    UsSsnRecognizer,
)
