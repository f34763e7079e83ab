"""Financial institutions (みずほ銀行, 城南信用金庫, …信用組合, 農業協同組合); the branch (新宿支店) that follows
is not part of the name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.keyword_hits import keyword_hits
from mamori.detect.recognizers.organization.name_run import left_name
from mamori.detect.recognizers.organization.spans import add_span
from mamori.detect.recognizers.organization.trim import DEPT_TAIL, trim_lead

FINANCIAL = (
    "銀行",
    "信用金庫",
    "信用組合",
    "労働金庫",
    "農業協同組合",
    "漁業協同組合",
    "信託銀行",
    "証券",
    "生命保険",
    "損害保険",
)
# Hiragana parts of bank names: the name run otherwise stops at hiragana.
_HIRAGANA_BANKS = (
    "みずほ",
    "りそな",
    "ゆうちょ",
    "きらぼし",
    "じもと",
    "あおぞら",
    "いよぎん",
    "ちばぎん",
    "しずおか",
    "みちのく",
    "もみじ",
)


def _hiragana_bank_start(norm: str, start: int) -> int:
    for h in _HIRAGANA_BANKS:
        if norm.startswith(h, start - len(h)):
            s = start - len(h)
            return left_name(norm, s, 12)
    return start


class FinancialInstitutionRecognizer(Recognizer):
    """Banks, 信用金庫, 信用組合, 農協 and the like; the branch after the name is left out."""

    name = "organization_bank"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})
    keywords: ClassVar = {"org_bank": (*FINANCIAL, "農協")}

    _groups = frozenset({"org_bank"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        spans: list[tuple[int, int, float]] = []
        for ks, ke, _ in keyword_hits(doc, self._groups):
            if spans and ks < spans[-1][1]:
                continue
            s = left_name(norm, ks, 16)
            if s == ks:
                s = _hiragana_bank_start(norm, ks)
            if s == ks:
                continue
            s = trim_lead(norm, s, ks)
            if ks - s < 1 or DEPT_TAIL.search(norm, s, ke):
                continue
            # 日本銀行券, 銀行員: the suffix is part of a longer word
            if ke < len(norm) and norm[ke] in "員券口法業界":
                continue
            add_span(spans, s, ke, 0.85)
        for s, e, score in spans:
            yield self.finding(doc, "ORGANIZATION", s, e, score)
