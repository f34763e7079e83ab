"""Account holders written the bank's way, with the legal form abbreviated in kana: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.keyword_hits import keyword_hits
from mamori.detect.recognizers.organization.name_run import char_class

# Bank-transfer abbreviations of legal forms (全銀 style): ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ, in half- or full-width kana.
_KANA_FORMS = (
    "ｶ",
    "ﾕ",
    "ﾄﾞ",
    "ｲ",
    "ｶﾞｸ",
    "ｻﾞｲ",
    "ｼﾔ",
    "ﾄｸﾋ",
    "ﾌｸ",
    "ｼﾕｳ",
    "カ",
    "ユ",
    "ド",
    "イ",
    "ガク",
    "ザイ",
    "シヤ",
    "トクヒ",
)
KANA_PREFIXES = tuple(f + ")" for f in _KANA_FORMS)
KANA_SUFFIXES = tuple("(" + f for f in _KANA_FORMS)


def _kana_run(norm: str, i: int, step: int, limit: int = 40) -> int:
    """End (step 1) or start (step -1) of a run of katakana, Latin letters and digits, single spaces allowed."""
    n = 0
    j = i
    while n < limit:
        k = j if step > 0 else j - 1
        if k < 0 or k >= len(norm):
            break
        c = norm[k]
        inner_space = c == " " and n > 0 and 0 <= k + step < len(norm) and char_class(norm[k + step]) == 2
        if not (char_class(c) in (2, 3) or c in ".-" or inner_space):
            break
        j += step
        n += 1
    return j


class KanaAbbreviationOrganizationRecognizer(Recognizer):
    """Account holders written the bank's way: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ (株式会社山田商事), ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ (山田商事株式会社)."""

    name = "organization_kana"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})
    keywords: ClassVar = {"org_kana": (*KANA_PREFIXES, *KANA_SUFFIXES)}

    def find(self, doc: Document) -> Iterator[Finding]:
        if not doc.occurrences("org_kana")[0]:
            return
        norm = doc.norm
        last = -1
        for ks, ke, _ in keyword_hits(doc, frozenset({"org_kana"})):
            if ks < last:
                continue
            if norm[ke - 1] == ")":  # prefix: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ
                if (ks > 0 and char_class(norm[ks - 1]) in (2, 3)) or ke >= len(norm) or char_class(norm[ke]) != 2:
                    continue  # (アメリカ)
                s, e = ks, _kana_run(norm, ke, 1)
                if e - ke < 2:
                    continue
            else:  # suffix: ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ or ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ)
                if ks == 0 or char_class(norm[ks - 1]) != 2 or (ke < len(norm) and char_class(norm[ke]) in (2, 3)):
                    continue  # (カタカナ)
                s, e = _kana_run(norm, ks, -1), ke + (norm[ke : ke + 1] == ")")
                if ks - s < 2:
                    continue
            while norm[e - 1] == " ":
                e -= 1
            last = e
            yield self.finding(doc, "ORGANIZATION", s, e, 0.85)
