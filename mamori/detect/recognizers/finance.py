"""Payment data: card numbers, Japanese bank account numbers and IBANs.

* CREDIT_CARD: digit runs of 12-19 digits, plain or grouped the way cards are printed (4-4-4-4,
  4-6-5, 4-6-4), that pass Luhn; the issuer range (Visa, Mastercard, JCB, AMEX, Diners, ...) and a
  card label decide the score. Expiry dates and 末尾1234 are too short to be candidates.
* BANK_ACCOUNT: 7 digits (the Japanese 口座番号) whose label is 口座番号 / 普通 / 当座 / 預金 / 振込先;
  ゆうちょ 記号-番号 (5-8 digits) after a ゆうちょ label.
* IBAN: two letters, two check digits and the BBAN (grouped by four or not), with the country's
  length and the mod-97 check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mamori.detect.checksums import card_brand, iban_valid, luhn_valid
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers._numbers import (
    LABELS,
    MIN_SCORE,
    boundary_ok,
    groups_of,
    label_of,
    line_start,
    number_runs,
    runs_of,
)

_CARD_SHAPES = (
    [16],
    [15],
    [14],
    [13],
    [12],
    [17],
    [18],
    [19],
    [4, 4, 4, 4],
    [4, 6, 5],
    [4, 6, 4],
    [4, 4, 4, 4, 3],
    [4, 4, 4, 3],
    [4, 4, 4, 2],
    [4, 4, 4, 1],
    [4, 4, 4],
    [4, 4, 4, 4, 1],
    [4, 4, 4, 4, 2],
)


class CreditCardRecognizer(Recognizer):
    """Payment card numbers (PAN): Luhn, issuer ranges, printed grouping, card labels."""

    name = "credit_card"
    entities = ("CREDIT_CARD",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, digits in runs_of(doc, range(12, 20)):
            if not boundary_ok(norm, start, end) or not luhn_valid(digits):
                continue
            groups = groups_of(raw)
            lens = [len(g) for g in groups]
            if lens not in _CARD_SHAPES:
                continue
            seps = {c for c in raw if not c.isdigit()}
            if len(seps) > 1 or seps - {" ", "-", "ー", "ｰ"}:
                continue
            brand = card_brand(digits)
            group = label_of(doc, start)
            if group == "n.card":
                score = 0.95 if brand else 0.75
            elif group is None:
                if brand is None:
                    score = 0.2
                elif len(digits) == 16 or (len(digits) == 15 and brand == "amex"):
                    score = 0.75 if len(groups) > 1 else 0.55
                else:
                    score = 0.4
            else:
                score = 0.1
            if score < MIN_SCORE:
                continue
            yield self.finding(doc, "CREDIT_CARD", start, end, score, brand)


_BANK_GROUP = frozenset({"n.bank"})
_YUCHO_RE = re.compile(r"ゆうちょ|記号番号|郵便貯金")
_YUCHO_SHAPE_RE = re.compile(r"[0-9]{5}[ \-ーｰ][0-9]{6,8}")  # 記号 (5) - 番号 (up to 8)


class BankAccountRecognizer(Recognizer):
    """Japanese bank account numbers (7 digits) with an account label, and ゆうちょ 記号-番号."""

    name = "bank_account"
    entities = ("BANK_ACCOUNT",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for start, end, raw, _digits in runs_of(doc, (7,)):
            if len(raw) != 7 or not boundary_ok(norm, start, end):
                continue
            if label_of(doc, start) != "n.bank":
                continue
            yield self.finding(doc, "BANK_ACCOUNT", start, end, 0.88)
        for start, end, raw, _digits in runs_of(doc, range(11, 14)):
            if not _YUCHO_SHAPE_RE.fullmatch(raw) or not boundary_ok(norm, start, end):
                continue
            if _YUCHO_RE.search(norm, line_start(norm, start, 60), start):
                yield self.finding(doc, "BANK_ACCOUNT", start, end, 0.85, "yucho")


_IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])"
)
_IBAN_GROUP = frozenset({"n.iban"})
_IBAN_HEAD_RE = re.compile(r"[A-Za-z]{2}[0-9]{2}")


class IbanRecognizer(Recognizer):
    """International Bank Account Numbers (ISO 13616), printed with or without spaces."""

    name = "iban"
    entities = ("IBAN",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        # anchored on the digit runs: every IBAN holds one (the account part), so no scan of the whole text
        norm = doc.norm
        done = -1
        by_len = number_runs(doc)
        starts = sorted(r[0] for n, runs in by_len.items() if n >= 4 for r in runs)
        for run_start in starts:
            if run_start < done or run_start < 2:
                continue
            before = norm[run_start - 1] if norm[run_start - 1] != " " else norm[run_start - 2]
            if not (before.isascii() and before.isalpha()):
                continue  # an IBAN's digits follow its letters ("GB82WEST1234...", "FR14 2004 ...")
            for head in _IBAN_HEAD_RE.finditer(norm, max(0, run_start - 34), min(len(norm), run_start + 2)):
                start = head.start()
                if start < done or (start > 0 and norm[start - 1].isascii() and norm[start - 1].isalnum()):
                    continue
                m = _IBAN_RE.match(norm, start)
                if m is None or not iban_valid(m.group().replace(" ", "")):
                    continue
                label = doc.keyword_before(start, _IBAN_GROUP, 40)
                done = m.end()
                yield self.finding(doc, "IBAN", start, m.end(), 0.95 if label else 0.85)
                break


RECOGNIZERS: tuple[type[Recognizer], ...] = (CreditCardRecognizer, BankAccountRecognizer, IbanRecognizer)
