"""Special-care personal information (要配慮個人情報, APPI art. 2(3)) as ``SENSITIVE`` with a subtype.

Subtypes: ``medical`` (病歴, diagnoses, 通院, 服薬, 入院), ``disability`` (障害者手帳, 身体障害),
``criminal`` (犯罪歴, 前科, 逮捕), ``creed`` (信仰, 宗教, 信条), ``race`` (人種, 民族, 出自),
``social_status`` (社会的身分, 被差別部落), ``crime_victim`` (犯罪被害, 被害届). Japanese and English
terms come from ``data/sensitive_terms.tsv`` and are found by the detector's single keyword pass;
the span is the term itself. A term that only names the topic in general (入院, 宗教, 逮捕) scores
lower than one that states a fact about someone (糖尿病, 前科, 障害者手帳), and a few compounds that
are not personal information (宗教法人, 脆弱性診断, hearing aids) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

_DATA = Path(__file__).resolve().parent.parent / "data" / "sensitive_terms.tsv"

SUBTYPES = ("medical", "disability", "criminal", "creed", "race", "social_status", "crime_victim")

# Text right after a term that makes it something else (宗教法人 is an organisation's legal form).
_NOT_AFTER: dict[str, tuple[str, ...]] = {
    "宗教": ("法人",),
    "入院": ("患者数", "病床", "施設"),
    "思想": ("史",),
    "民族": ("衣装", "音楽", "楽器", "料理"),
    "逮捕": ("術",),
}
# Text right before a term that makes it something else (hearing aids, 脆弱性診断).
_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "aids": ("hearing ", "visual ", "teaching ", "sales ", "study "),
    "depression": ("economic ", "great ", "tropical "),
}


@lru_cache(maxsize=1)
def _terms() -> dict[str, tuple[str, float, bool]]:
    """term (folded, lower-cased) -> (subtype, score, case-sensitive)."""
    out: dict[str, tuple[str, float, bool]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        subtype, score, term = line.split("\t")[:3]
        if subtype not in SUBTYPES:
            raise ValueError(f"unknown SENSITIVE subtype {subtype!r} in {_DATA.name}")
        exact = term.startswith("=")
        term = term.lstrip("=")
        out[term.lower()] = (subtype, float(score), exact)
    return out


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


class SensitiveRecognizer(Recognizer):
    """Diagnoses, disabilities, criminal records, creed, race, social status, crime victims."""

    name = "sensitive"
    entities = ("SENSITIVE",)
    languages = frozenset({"ja", "en"})

    def __init__(self) -> None:
        self._terms = _terms()

    @property
    def keywords(self) -> dict[str, list[str]]:  # type: ignore[override]
        return {"sensitive": sorted(_terms())}

    _groups = frozenset({"sensitive"})

    def find(self, doc: Document) -> Iterator[Finding]:
        low = doc.lower
        n = len(low)
        terms = self._terms
        for s, e, _ in doc.keywords_in(0, n, self._groups):
            term = low[s:e]
            info = terms.get(term)
            if info is None:
                continue
            subtype, score, exact = info
            if exact and doc.norm[s:e] != term.upper():
                continue  # HIV / AIDS in capitals only
            if term[0].isascii():
                if s > 0 and low[s - 1].isascii() and low[s - 1].isalnum():
                    continue  # inside a longer English word
                if e < n and low[e].isascii() and low[e].isalnum():
                    if low[e] != "s" or (e + 1 < n and _is_latin(low[e + 1])):
                        continue
                    e += 1  # a plural: cancers
            if term in _NOT_AFTER and low.startswith(_NOT_AFTER[term], e):
                continue
            if term in _NOT_BEFORE and any(low.endswith(b, 0, s) for b in _NOT_BEFORE[term]):
                continue
            yield self.finding(doc, "SENSITIVE", s, e, score, subtype=subtype)


RECOGNIZERS = (SensitiveRecognizer,)
