"""Organisation names with a legal form before or after them (株式会社山田商事, 山田商事(株), ㈱, 一般社団法人…,
ABC Co., Ltd.).

Hiragana before the name joins it when Sudachi reads it as nouns (ひかり物流株式会社,
先方の|みなと設計(株)); department words (営業部, 経理課) are trimmed from its end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from mamori.detect import morphology
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.keyword_hits import keyword_hits
from mamori.detect.recognizers.organization.name_run import KANJI, KATAKANA, char_class, left_name, right_name
from mamori.detect.recognizers.organization.trim import lead_stop, trim_dept

# Legal forms written before or after the name (the folded text turns （株） into (株)).
LEGAL_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "相互会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "NPO法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "学校法人",
    "社会福祉法人",
    "宗教法人",
    "独立行政法人",
    "地方独立行政法人",
    "国立大学法人",
    "国立研究開発法人",
    "弁護士法人",
    "税理士法人",
    "監査法人",
    "司法書士法人",
    "行政書士法人",
    "社会保険労務士法人",
    "特許業務法人",
    "農事組合法人",
    "社会医療法人",
    "(株)",
    "(有)",
    "(合)",
    "(同)",
    "(資)",
    "(名)",
    "(一社)",
    "(一財)",
    "(公社)",
    "(公財)",
    "(特非)",
    "(医)",
    "(学)",
    "(福)",
    "(宗)",
    "(独)",
    "㈱",
    "㈲",
    "㈳",
    "㈶",
)
LEGAL_STARTS = tuple(f for f in LEGAL_FORMS if not f.startswith("("))
# Latin legal forms that follow a name (matched lower-cased on the folded text).
LATIN_FORMS = (
    "co., ltd.",
    "co.,ltd.",
    "co., ltd",
    "co.,ltd",
    "co. ltd.",
    "k.k.",
    "inc.",
    "corporation",
    "corp.",
    "llc",
)


_HIRAGANA_NAME_RE = re.compile(
    f"[ぁ-ゖ][ぁ-ゖ]{{1,7}}?(?=[{KANJI}{KATAKANA}A-Za-z]|の[{KANJI}{KATAKANA}]|[ \n、。,.)」』]|$)"
    f"(?:の?[{KANJI}{KATAKANA}A-Za-z0-9]{{1,20}})?"
)


_ADDRESSING = frozenset(("御中", "様", "殿", "各位", "宛", "宛て", "御担当者", "ご担当者", "御担当者様", "ご担当者様"))


def _hiragana_name(norm: str, p: int) -> int:
    """End of a name that starts in hiragana right after a legal form (特定非営利活動法人みどりの森)."""
    if norm[p : p + 1] in "をはがにでとへやもの":
        return p
    m = _HIRAGANA_NAME_RE.match(norm, p)
    return m.end() if m else p


# Boundaries before a name written wholly in hiragana (start of line, punctuation, brackets, spaces).
_HARD_BOUNDARY = frozenset(" \t\n\r、。,.:;()[]「」『』【】〈〉《》\"'・/")
# Hiragana nouns that are grammatical words, not names (そのため, ところ, こと).
_FORMAL_NOUNS = frozenset(("こと", "もの", "ところ", "ため", "とき", "うち", "なか", "ほう", "よう", "わけ", "はず"))
_NOT_NAME_POS = frozenset(
    ("助詞", "助動詞", "動詞", "代名詞", "接続詞", "連体詞", "副詞", "形容詞", "形状詞", "接尾辞")
)


def _is_hira(c: str) -> bool:
    return "\u3041" <= c <= "\u3096"


def _hiragana_head(norm: str, s: int) -> int:
    """Start of a hiragana part of a name that ends at ``s`` (ひかり|物流株式会社, 先方のみなと|設計), or ``s``.

    Sudachi reads a short window: the hiragana nouns right before ``s`` belong to the name (a particle,
    verb or formal noun stops it); a run standing after a boundary with no grammatical word in it counts too.
    """
    j = s
    while j > 0 and s - j < 10 and _is_hira(norm[j - 1]):
        j -= 1
    if s - j < 2:
        return s
    head = _hiragana_head_len(
        norm[max(0, j - 6, norm.rfind("\n", 0, j) + 1) : s], s - j, j == 0 or norm[j - 1] in _HARD_BOUNDARY
    )
    return s - head


@lru_cache(maxsize=4096)
def _hiragana_head_len(window: str, run: int, bounded: bool) -> int:
    try:
        toks = morphology.tokens(window)
    except Exception:
        return 0
    start = len(window)
    for t in reversed(toks):
        if t.end != start or not all(_is_hira(c) for c in t.surface) or not _name_noun(t):
            break
        start = t.start
    n = len(window) - start
    if n < run and bounded:
        # まるやま: a hiragana run after a boundary, odd to Sudachi, with no grammatical word in it
        rest = [t for t in toks if t.end > len(window) - run]
        if rest and all(
            t.pos[0] not in _NOT_NAME_POS and t.pos[:2] != ("感動詞", "一般") and (t.pos[0] != "名詞" or _name_noun(t))
            for t in rest
        ):
            n = run
    return n if n >= 2 else 0


def _name_noun(t: morphology.Token) -> bool:
    """A noun that can be (part of) a name: not a formal noun (こと, ため) nor an adverbial one (いつも, 今日)."""
    return t.pos[0] == "名詞" and t.surface not in _FORMAL_NOUNS and not (len(t.pos) > 2 and t.pos[2] == "副詞可能")


class LegalFormOrganizationRecognizer(Recognizer):
    """A name with its legal form before or after it (株式会社山田商事, 山田商事(株), ABC Co., Ltd.)."""

    name = "organization_legal"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})
    keywords: ClassVar = {"org_legal": LEGAL_FORMS, "org_latin": LATIN_FORMS}

    _groups = frozenset({"org_legal", "org_latin"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        last_end = -1
        for ks, ke, group in keyword_hits(doc, self._groups):
            if ks < last_end:
                continue
            span = self._latin(norm, ks, ke) if group == "org_latin" else self._legal(norm, ks, ke)
            if span is None or span[0] < last_end:
                continue  # overlaps the organisation just found
            s, e = span
            last_end = e
            yield self.finding(doc, "ORGANIZATION", s, e, 0.9)

    @staticmethod
    def _legal(norm: str, ks: int, ke: int) -> tuple[int, int] | None:
        s = left_name(norm, ks)
        if s < ks:
            t = lead_stop(norm, s, ks)
            if t is None:
                if s > 0 and _is_hira(norm[s - 1]):
                    s = _hiragana_head(norm, s)  # ひかり物流株式会社
                return s, ke
            if t < ks:
                return t, ke  # 同年山田商事株式会社 -> 山田商事株式会社
            # only words like 同年 stand before the legal form: the name follows it
        p = ke + 1 if norm[ke : ke + 1] == " " else ke
        e = right_name(norm, p)
        if e <= p:
            e = _hiragana_name(norm, p)  # 特定非営利活動法人みどりの森
        if norm[p:e] in _ADDRESSING:
            e = p  # 株式会社 御中: the name stands before the legal form
        if e <= p:
            if ks >= 2 and _is_hira(norm[ks - 1]):
                s = _hiragana_head(norm, ks)  # さくら株式会社
                if s < ks:
                    return s, ke
            if ks >= 2 and norm[ks - 1] == " " and norm[ks - 2] != " ":
                s = left_name(norm, ks - 1)  # 山田商事 株式会社
                if s < ks - 1 and lead_stop(norm, s, ks - 1) is None:
                    return s, ke
            return None
        e = trim_dept(norm, p, e)
        if norm[p:e] in ("等", "など"):
            return None  # 株式会社等
        # a second legal form right after the name belongs to the next organisation
        return (ks, e) if e > p else None

    @staticmethod
    def _latin(norm: str, ks: int, ke: int) -> tuple[int, int] | None:
        p = ks
        while p > 0 and norm[p - 1] in " ,":
            p -= 1
        if p == ks and norm[ks : ks + 3].lower() not in ("inc", "cor", "llc"):
            pass
        s = left_name(norm, p, 40)
        if s >= p:
            return None
        if char_class(norm[s]) != 3 and char_class(norm[s]) != 2 and char_class(norm[s]) != 1:
            return None
        if s > 0 and _is_hira(norm[s - 1]):
            s = _hiragana_head(norm, s)  # さくら不動産Co., Ltd.
        return s, ke
