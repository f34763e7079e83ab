"""Organisations named by the prose around them: a name right before a phrase only an organisation takes
(阪神タイガースに入団, ソニーの社長) and the subject of a defining sentence (…は、アメリカのロックバンド。)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from mamori.detect import morphology
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.keyword_hits import keyword_hits
from mamori.detect.recognizers.organization.name_run import char_class, left_name, right_name
from mamori.detect.recognizers.organization.stop_words import COUNT_RE, SUFFIX_STOP
from mamori.detect.recognizers.organization.trim import trim_lead

# Phrases that follow an organisation's name in prose (…に入団, …へ移籍, …の社長).
CONTEXT_AFTER = (
    "に入団",
    "へ入団",
    "に移籍",
    "へ移籍",
    "に入社",
    "へ入社",
    "を退社",
    "を退団",
    "に加入",
    "へ加入",
    "に所属",
    "と契約",
    "を買収",
    "に買収",
    "が買収",
    "の子会社",
    "の傘下",
    "の社長",
    "の会長",
    "の代表取締役",
    "の取締役",
    "の監督に",
    "の本社",
    "の株式",
    "から移籍",
    "から独立",
    "と合併",
    "に吸収合併",
    "に勤務",
    "に就職",
    "を設立",
    "を創業",
    "を創設",
    "が運営",
    "が製造",
    "が販売",
    "が配給",
    "から発売",
    "より発売",
    "の選手",
    "と提携",
    "と業務提携",
    "の前身",
    "の創業者",
    "の創設者",
    "の親会社",
    "の筆頭株主",
    "に在籍",
    "を結成",
    "が設立",
    "に改称",
    "へ改称",
    "に社名変更",
    "に商号変更",
    "に加盟",
    "へ加盟",
    "戦で",
    "戦に",
    "戦では",
)
# Katakana words before 戦 that name a kind of match, not a team (リーグ戦, トーナメント戦).
_MATCH_WORDS = ("リーグ", "トーナメント", "カップ", "シリーズ", "タイトル", "ゲーム", "マッチ", "オープン", "ラウンド")


# Kinds of organisation that end a defining sentence (…は、アメリカのロックバンド。 / …の造船会社である。).
_KINDS = (
    "会社",
    "企業",
    "メーカー",
    "ロックバンド",
    "バンド",
    "音楽グループ",
    "アイドルグループ",
    "政党",
    "球団",
    "サッカークラブ",
    "プロダクション",
    "芸能事務所",
    "レコードレーベル",
    "レーベル",
    "出版社",
    "新聞社",
    "放送局",
    "テレビ局",
    "航空会社",
    "銀行",
    "団体",
    "財団",
    "非営利団体",
    "劇団",
)
DEFINING_ENDINGS = tuple(k + e for k in _KINDS for e in ("。", "である。", "であった。", "だった。"))


def _defined_name(norm: str, ks: int) -> tuple[int, int] | None:
    """The subject of a defining sentence that ends at ``ks`` (テムズ鉄工造船所は、イギリスにあった造船会社。)."""
    lo = max(0, ks - 120)
    s = max(norm.rfind("。", lo, ks), norm.rfind("\n", lo, ks)) + 1
    if s == 0 and lo > 0:
        return None  # the sentence is longer than we read
    while s < ks and norm[s] == " ":
        s += 1
    e = right_name(norm, s, 24)
    if e - s < 2 or norm[e : e + 1] != "は" or norm[e + 1 : e + 2] in ("じ", "ず"):
        return None  # はじめ, はず
    head = norm[s:e]
    if not any(char_class(c) in (2, 3) for c in head) and not _proper_not_person(head):
        return None  # 同社は…会社である: a common noun; 山田は…: a person
    if head in SUFFIX_STOP or COUNT_RE.fullmatch(head):
        return None
    return s, e


class ContextOrganizationRecognizer(Recognizer):
    """A name right before a phrase that only an organisation takes (阪神タイガースに入団, ソニーの社長)."""

    name = "organization_context"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})
    keywords: ClassVar = {"org_context": CONTEXT_AFTER, "org_define": DEFINING_ENDINGS}

    _groups = frozenset({"org_context"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        last = -1
        for ks, _ke, _ in keyword_hits(doc, frozenset({"org_define"})) if doc.occurrences("org_define")[0] else ():
            span = _defined_name(norm, ks)
            if span is not None and span[0] > last:
                last = span[0]
                yield self.finding(doc, "ORGANIZATION", span[0], span[1], 0.55)
        for ks, _ke, _ in keyword_hits(doc, self._groups):
            s = left_name(norm, ks, 24)
            if s == ks - 24 and s > 0 and char_class(norm[s - 1]) in (1, 2, 3):
                continue
            s = trim_lead(norm, s, ks)
            if ks - s < 2 or norm[s:ks] in SUFFIX_STOP or COUNT_RE.fullmatch(norm, s, ks):
                continue
            head = norm[s:ks]
            if norm[ks] == "戦" and (
                not all(char_class(c) == 2 or c in "・=" for c in head) or head.endswith(_MATCH_WORDS)
            ):
                continue  # ピッツバーグ・パイレーツ戦: a team; 決勝戦, リーグ戦: not
            if not any(char_class(c) in (2, 3) for c in head) and not _proper_not_person(head):
                continue  # 同社の社長, 球団に入団: a common noun; 山田が設立: a person
            yield self.finding(doc, "ORGANIZATION", s, ks, 0.55)


@lru_cache(maxsize=4096)
def _proper_not_person(head: str) -> bool:
    """An all-kanji head that Sudachi reads as holding a proper noun other than a person's name."""
    try:
        toks = morphology.tokens(head)
    except Exception:
        return False
    if len(toks) == 1:
        return len(toks[0].pos) > 1 and toks[0].pos[1] == "固有名詞" and not toks[0].is_person
    return any(len(t.pos) > 2 and t.pos[1] == "固有名詞" and t.pos[2] != "人名" for t in toks) and not any(
        t.is_person for t in toks
    )
