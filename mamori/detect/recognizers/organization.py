"""Japanese organisation names (ORGANIZATION).

Three cues, all found by the detector's single keyword pass and then read locally:

* a legal form before or after the name (株式会社山田商事, 山田商事(株), ㈱, 一般社団法人…, Co., Ltd.);
* a financial institution's suffix (みずほ銀行, 城南信用金庫, …信用組合, 農業協同組合); the branch
  (新宿支店) that follows is not part of the name;
* in prose, an organisation-type suffix (財務省, 公明党, 東京大学, 日本放送協会, 陸上自衛隊, …社),
  with a stricter check on the name before it. A list of organisation names without any such
  suffix (``data/org_names.txt``) covers well-known names (NHK, トヨタ).

Two narrower shapes: account holders written the bank's way (ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ) and teams named
city・plural (ボストン・ブレーブス, the city checked with Sudachi).

The name is the run of kanji / katakana / Latin letters / digits next to the cue, bounded in length,
cut at particles, punctuation and spaces (except between Latin words), with department words
(営業部, 経理課) trimmed from its end. Hiragana before the run joins the name when Sudachi reads it as
nouns (ひかり物流株式会社, 先方の|みなと設計(株)); facilities (hospitals, schools, shops) are not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from mamori.detect import morphology
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

_DATA = Path(__file__).resolve().parent.parent / "data"


_GROUPS = frozenset(
    {"org_legal", "org_latin", "org_bank", "org_suffix", "org_name", "org_context", "org_kana", "org_define"}
)


def _hits(doc: Document, groups: frozenset[str]) -> list[tuple[int, int, str]]:
    """The keyword hits of ``groups`` in ``doc``: one pass over the document's index serves all the
    organisation recognizers (the index holds every recognizer's keywords, so each full pass costs)."""
    every: list[tuple[int, int, str]] | None = doc.shared.get("organization.hits")
    if every is None:
        every = doc.shared["organization.hits"] = doc.keywords_in(0, len(doc.norm), _GROUPS)
    return [h for h in every if h[2] in groups]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
_LEGAL_STARTS = tuple(f for f in LEGAL_FORMS if not f.startswith("("))
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

# Organisation-type suffixes in prose, with the shortest name part they need before them.
ORG_SUFFIXES: dict[str, int] = {
    "省": 2,
    "庁": 2,
    "党": 2,
    "大学": 1,
    "短期大学": 1,
    "協会": 1,
    "連盟": 1,
    "連合会": 1,
    "連合": 2,
    "委員会": 2,
    "新聞社": 1,
    "新聞": 2,
    "放送": 1,
    "自衛隊": 1,
    "球団": 1,
    "工業": 1,
    "重工業": 1,
    "製薬": 1,
    "鉄道": 2,
    "電鉄": 1,
    "航空": 2,
    "電力": 2,
    "商事": 1,
    "物産": 1,
    "製作所": 1,
    "ホールディングス": 1,
    "グループ": 2,
    "財団": 2,
    "機構": 2,
    "研究所": 2,
    "出版": 2,
    "出版社": 1,
    "書店": 2,
    "書房": 1,
    "交響楽団": 1,
    "管弦楽団": 1,
    "楽団": 2,
    "劇団": 1,
    "製紙": 1,
    "自動車": 2,
    "百貨店": 2,
    "政府": 2,
    "陸軍": 1,
    "海軍": 1,
    "空軍": 1,
    "議会": 2,
    "組合": 2,
    "公社": 1,
    "公団": 1,
    "事業団": 1,
    "銀行": 1,
    "信用金庫": 1,
    "信用組合": 1,
    "テレビ": 2,
    "通信社": 1,
    "レコード": 2,
    "レコーズ": 1,
    "プロダクション": 1,
    "エンタテインメント": 1,
    "エンターテインメント": 1,
    "ホールディングス社": 1,
    "社": 2,
    "FC": 2,
    "軍": 2,
    "軍団": 1,
    "師団": 1,
    "司令部": 2,
    "守備隊": 1,
    "部隊": 2,
    "生命": 2,
    "保険": 2,
    "海上保険": 1,
    "電機": 1,
    "電気": 2,
    "汽車": 2,
    "空輸": 1,
    "会議派": 1,
    "交通": 2,
    "バス": 2,
    "商会": 1,
    "商店": 2,
    "政権": 2,
    "警察": 2,
    "裁判所": 2,
    "法院": 2,
    "議院": 2,
    "評議会": 1,
    "理事会": 1,
    "大使館": 2,
    "学会": 2,
    "研究会": 2,
    "同盟": 2,
    "騎士団": 1,
    "教団": 2,
    "合唱団": 1,
    "一座": 1,
    "興業": 1,
    "建設": 2,
    "工務店": 1,
    "化学": 2,
    "薬品": 2,
    "食品": 2,
    "製菓": 1,
    "乳業": 1,
    "酒造": 1,
    "石油": 2,
    "ガス": 2,
    "証券": 1,
    "信託": 2,
    "映画": 2,
    "フィルム": 2,
    "ピクチャーズ": 1,
    "スタジオ": 2,
    "ゲームス": 1,
    "テクノロジーズ": 1,
    "システムズ": 1,
    "エアライン": 1,
    "エアラインズ": 1,
    "航空会社": 1,
    "ユナイテッド": 2,
    "シティ": 2,
    "クラブ": 2,
    "大學": 1,
    "日報": 1,
    "新報": 1,
    "交通局": 1,
    "局": 2,
    "幕府": 1,
    "総督府": 1,
    "内閣府": 0,
    "総理府": 0,
    "衆議院": 0,
    "参議院": 0,
    "貴族院": 0,
    "庶民院": 0,
    "国会": 1,
    "王朝": 1,
    "朝": 3,
    "内閣": 2,
    "代表団": 1,
    "調査団": 1,
    "選手団": 1,
    "応援団": 1,
    "協議会": 1,
    "審議会": 1,
    "機関": 2,
    "国際機関": 1,
    "共同体": 1,
    "戦隊": 1,
    "駆逐隊": 1,
    "艦隊": 1,
    "連隊": 1,
    "大隊": 1,
    "旅団": 1,
    "飛行隊": 1,
    "医大": 1,
    "短大": 1,
    "工大": 1,
    "女子大": 1,
    "医科大学": 1,
    # sports leagues and katakana company words (東京都大学リーグ, ギブソン・ギター・コーポレーション)
    "リーグ": 2,
    "コーポレーション": 1,
    "カンパニー": 2,
    "インターナショナル": 2,
    "ソフトウェア": 2,
    "エンタープライズ": 1,
    "インダストリーズ": 1,
    "パートナーズ": 1,
    "キャピタル": 2,
    "コミュニケーションズ": 1,
    "ブラザーズ": 2,
    "モーターズ": 1,
    "法律事務所": 1,
    "会計事務所": 1,
    "特許事務所": 1,
    "芸能事務所": 2,
}

# Suffixes that also end common phrases (音楽グループ, 長編映画): the name before them must look proper.
_WEAK_SUFFIXES = _words(
    "グループ 放送 スタジオ 保険 部隊 プロダクション クラブ バス 映画 ガス 建設 化学 代表 社 "
    "テレビ 交通 航空 鉄道 研究所 機構 財団 組合 委員会 電気 石油 食品 薬品 商店 信託 "
    "フィルム 出版 リーグ カンパニー インターナショナル ソフトウェア キャピタル ブラザーズ 芸能事務所 "
    "警察 学会 研究会 同盟 評議会 理事会 守備隊 生命 局 朝 機関 内閣 協議会"
)

# Kanji after a suffix that make it part of a longer common word (大学生, 党首, 省令, 映画祭, 鉄道網).
_CONTINUES = frozenset("生員券法界祭賞史費料機便路網線駅両版誌略令籍派旗章則是首議領内外側局所制度化的性型式歴")
_CONTINUE_WORDS = (
    "会社",
    "会長",
    "会議",
    "会員",
    "会館",
    "事業",
    "業界",
    "業務",
    "作品",
    "番組",
    "選手",
    "関係",
    "設立",
)

_PROVINCES = _words(
    "河北 山西 遼寧 吉林 黒竜江 黒龍江 江蘇 浙江 安徽 福建 江西 山東 河南 湖北 湖南 広東 海南 "
    "四川 貴州 雲南 陝西 甘粛 青海 台湾 遼北 熱河 察哈爾 綏遠 奉天 京畿 忠清北 忠清南 全羅北 "
    "全羅南 慶尚北 慶尚南 江原 平安北 平安南 咸鏡北 咸鏡南 黄海"
)
# Facilities and offices named like organisations (郵便局, 薬局).
_NOT_ORG_ENDINGS = (
    "郵便局",
    "交換局",
    "放送局",
    "薬局",
    "事務局",
    "支局",
    "出張所",
    "研究室",
    "グループリーグ",  # competitions, not leagues as bodies
    "チャンピオンズリーグ",
)

# Words a name never starts with in prose (同年財務省 -> 財務省).
_LEAD_STOP = re.compile(
    r"(?:同年|同月|同日|当時|翌年|前年|現在|以後|以降|その後|結果|関連会社|子会社|親会社|地方|地元|外資系|大手|元|現|同|前|当|翌|後|"
    r"新設|設立|創設|傘下|系列|各|両|他|"
    r"第[0-9]{1,3}[回代]|[0-9]{1,4}年|[0-9]{1,2}月|[0-9]{1,2}日)+"
)
# Department / branch words cut from the end of a name (株式会社山田商事営業部).
_DEPT_TAIL = re.compile(
    r"(?:営業|総務|経理|人事|開発|技術|企画|管理|製造|購買|資材|広報|法務|業務|経営|財務|物流|設計|品質保証|情報システム|"
    r"システム|海外|国際|第[一二三四五六七八九1-9])(?:本部|事業部|部|課|室|グループ|チーム|センター)$"
    r"|(?:本社|本店|支店|支社|営業所|出張所|事業所|工場|本部)$"
    r"|(?:オンラインストア|オンラインショップ|ウェブストア|公式ストア|公式サイト|ストア|ショップ|通販|カスタマーセンター|"
    r"サポートセンター|コールセンター|お客様センター|お客様相談室|事務局|窓口)$"
)
_SUFFIX_STOP = _words(
    "反省 帰省 内省 自省 人省 政党 与党 野党 悪党 徒党 残党 郷党 入党 離党 結党 解党 脱党 "
    "新党 甘党 辛党 大学 入社 出社 退社 本社 支社 会社 他社 各社 弊社 当社 御社 貴社 同社 "
    "自社 商社 神社 寺社 結社 入庁 官庁 都庁 県庁 道庁 府庁 登庁 退庁"
)


def _cat(c: str) -> int:
    """0 other, 1 kanji, 2 katakana, 3 Latin letter or digit, 4 hiragana."""
    o = ord(c)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or c in "々〆ヶ":
        return 1
    if 0x30A1 <= o <= 0x30FA or c in "ーヽヾ" or 0xFF66 <= o <= 0xFF9F:
        return 2
    if c.isascii() and (c.isalnum() or c in "&'"):
        return 3
    if 0x3041 <= o <= 0x3096:
        return 4
    return 0


_K = "\u3400-\u4dbf\u4e00-\u9fff々〆ヶ"
_KT = "\u30a1-\u30fa\u30fcヽヾ\uff66-\uff9f"
# The name run read backwards: matched on the reversed window before a cue, so the match is anchored.
_NAME_REV_RE = re.compile(
    f"(?:[{_K}{_KT}A-Za-z0-9&']|(?<=[{_KT}])[・=](?=[{_KT}])|(?<=[A-Za-z0-9])[ .-](?=[A-Za-z0-9]))+"
)


def _left_name(norm: str, end: int, limit: int = 30) -> int:
    """Start of the name run ending at ``end`` (== end when there is none)."""
    if end >= 2 and norm[end - 1] in "・=" and _cat(norm[end - 2]) == 2 and end < len(norm) and _cat(norm[end]) == 2:
        s = _left_name(norm, end - 1, limit - 1)  # アリスタ・|レコード
        return s if s < end - 1 else end
    if end == 0 or _cat(norm[end - 1]) not in (1, 2, 3):
        return end
    m = _NAME_REV_RE.match(norm[max(0, end - limit) : end][::-1])
    if m is None:
        return end
    i = end - m.end()
    while i < end and not norm[i].isalnum() and _cat(norm[i]) != 2:
        i += 1
    return i


def _right_name(norm: str, start: int, limit: int = 30) -> int:
    """End of the name run starting at ``start``."""
    i = start
    hi = min(len(norm), start + limit)
    while i < hi:
        c = norm[i]
        k = _cat(c)
        if k in (1, 2, 3):
            i += 1
            continue
        if c in " .-" and i > start and _cat(norm[i - 1]) == 3 and i + 1 < hi and _cat(norm[i + 1]) == 3:
            i += 1
            continue
        if c in "・=" and i > start and _cat(norm[i - 1]) == 2 and i + 1 < hi and _cat(norm[i + 1]) == 2:
            i += 1
            continue
        break
    while i > start and norm[i - 1] in " .-・":
        i -= 1
    return i


_HIRAGANA_NAME_RE = re.compile(
    f"[ぁ-ゖ][ぁ-ゖ]{{1,7}}?(?=[{_K}{_KT}A-Za-z]|の[{_K}{_KT}]|[ \n、。,.)」』]|$)(?:の?[{_K}{_KT}A-Za-z0-9]{{1,20}})?"
)


_ADDRESSING = frozenset(("御中", "様", "殿", "各位", "宛", "宛て", "御担当者", "ご担当者", "御担当者様", "ご担当者様"))


def _hiragana_name(norm: str, p: int) -> int:
    """End of a name that starts in hiragana right after a legal form (特定非営利活動法人みどりの森)."""
    if norm[p : p + 1] in "をはがにでとへやもの":
        return p
    m = _HIRAGANA_NAME_RE.match(norm, p)
    return m.end() if m else p


def _katakana_tail(norm: str, e: int) -> int:
    """Extend a katakana name over ・-joined katakana words (ユニリーバ・ジャパン)."""
    while e + 1 < len(norm) and norm[e] == "・" and _cat(norm[e - 1]) == 2 and _cat(norm[e + 1]) == 2:
        f = e + 1
        while f < len(norm) and f - e < 20 and _cat(norm[f]) == 2:
            f += 1
        e = f
    return e


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


def _hiragana_bank_start(norm: str, start: int) -> int:
    for h in _HIRAGANA_BANKS:
        if norm.startswith(h, start - len(h)):
            s = start - len(h)
            return _left_name(norm, s, 12)
    return start


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    path = _DATA / "org_names.txt"
    if not path.exists():
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return frozenset(out)


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
        for ks, ke, group in _hits(doc, self._groups):
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
        s = _left_name(norm, ks)
        if s < ks:
            t = _lead_stop(norm, s, ks)
            if t is None:
                if s > 0 and _is_hira(norm[s - 1]):
                    s = _hiragana_head(norm, s)  # ひかり物流株式会社
                return s, ke
            if t < ks:
                return t, ke  # 同年山田商事株式会社 -> 山田商事株式会社
            # only words like 同年 stand before the legal form: the name follows it
        p = ke + 1 if norm[ke : ke + 1] == " " else ke
        e = _right_name(norm, p)
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
                s = _left_name(norm, ks - 1)  # 山田商事 株式会社
                if s < ks - 1 and _lead_stop(norm, s, ks - 1) is None:
                    return s, ke
            return None
        e = _trim_dept(norm, p, e)
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
        s = _left_name(norm, p, 40)
        if s >= p:
            return None
        if _cat(norm[s]) != 3 and _cat(norm[s]) != 2 and _cat(norm[s]) != 1:
            return None
        if s > 0 and _is_hira(norm[s - 1]):
            s = _hiragana_head(norm, s)  # さくら不動産Co., Ltd.
        return s, ke


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
        for ks, ke, _ in _hits(doc, self._groups):
            if spans and ks < spans[-1][1]:
                continue
            s = _left_name(norm, ks, 16)
            if s == ks:
                s = _hiragana_bank_start(norm, ks)
            if s == ks:
                continue
            s = _trim_lead(norm, s, ks)
            if ks - s < 1 or _DEPT_TAIL.search(norm, s, ke):
                continue
            # 日本銀行券, 銀行員: the suffix is part of a longer word
            if ke < len(norm) and norm[ke] in "員券口法業界":
                continue
            _add(spans, s, ke, 0.85)
        for s, e, score in spans:
            yield self.finding(doc, "ORGANIZATION", s, e, score)


class SuffixOrganizationRecognizer(Recognizer):
    """Organisations in prose by an organisation-type suffix (財務省, 公明党, 東京大学) or a known name."""

    name = "organization_suffix"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def __init__(self) -> None:
        self._suffixes = ORG_SUFFIXES
        self._names = _names()

    @property
    def keywords(self) -> dict[str, tuple[str, ...]]:  # type: ignore[override]
        # short Latin names (NHK, ABC) are left to the acronym recognizer: as substrings they would hit everywhere
        names = tuple(n for n in _names() if not (n.isascii() and len(n) <= 4))
        return {"org_suffix": tuple(self._suffixes), "org_name": names}

    _groups = frozenset({"org_suffix", "org_name"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        spans: list[tuple[int, int, float]] = []
        for ks, ke, group in _hits(doc, self._groups):
            if group == "org_name":
                if not self._standalone(norm, ks, ke):
                    continue
                span: tuple[int, int, float] | None = (ks, _katakana_tail(norm, ke), 0.6)
            else:
                span = self._suffix(norm, ks, ke)
            if span is not None:
                _add(spans, *span)
        for s, e, score in spans:
            yield self.finding(doc, "ORGANIZATION", s, e, score)

    @staticmethod
    def _standalone(norm: str, ks: int, ke: int) -> bool:
        """A listed name not inside a longer word, nor a katakana reading of a person (スズキ マナブ)."""
        before = _cat(norm[ks - 1]) if ks > 0 else 0
        after = _cat(norm[ke]) if ke < len(norm) else 0
        if before in (2, 3) or after in (2, 3) or (before == 1 and _cat(norm[ks]) == 1):
            return False
        if norm[ke : ke + 1] in ("-", "_", "/", "@", ".") and _cat(norm[ke - 1]) == 3:
            return False  # GM-6416: a product code
        if _cat(norm[ke - 1]) == 2:
            if norm[ke : ke + 1] == " " and ke + 1 < len(norm) and _cat(norm[ke + 1]) == 2:
                return False
            if norm[ks - 1 : ks] == " " and ks >= 2 and _cat(norm[ks - 2]) == 2:
                return False
        return True

    def _suffix(self, norm: str, ks: int, ke: int) -> tuple[int, int, float] | None:
        if norm.startswith(_LEGAL_STARTS, ke) or norm.startswith("会社", ks - 1):
            return None  # 山田商事株式会社, 株式会社: the legal-form recognizer reads these
        suffix = norm[ks:ke]
        need = self._suffixes.get(suffix, self._suffixes.get(suffix.upper(), 2))
        s = _left_name(norm, ks, 20)
        if s == ks - 20 and s > 0 and _cat(norm[s - 1]) in (1, 2, 3):
            return None  # the run goes on past the bound: not a name we can delimit
        if "会社" in norm[s:ks] or "法人" in norm[s:ks]:
            return None  # 株式会社山田商事: the legal-form recognizer reads it
        s = _trim_lead(norm, s, ks)
        if ks - s < need or _COUNT_RE.fullmatch(norm, s, ks) or (suffix == "局" and norm[s] == "第"):
            return None  # 6社, 第1局: a count, not a name
        if ke < len(norm):
            last, nxt = _cat(norm[ke - 1]), _cat(norm[ke])
            if (last == 2 and nxt == 2) or (last == 3 and nxt == 3):
                return None  # バス|ケットボール: the suffix is inside a longer word
        if norm[ks - 1 : ks] == "会" and suffix == "社":
            return None  # 貿易会社, 子会社: a common noun
        if suffix == "省" and norm[s:ks] in _PROVINCES:
            return None  # 河北省: a Chinese province is a place
        if norm.endswith(_NOT_ORG_ENDINGS, s, ke):
            return None
        if suffix == "朝" and not all(_cat(c) == 2 for c in norm[s:ks]):
            return None  # プトレマイオス朝 (a dynasty), not 今朝 / 早朝
        if suffix in _WEAK_SUFFIXES and not _proper(norm[s:ks], norm[s:ke]):
            return None
        word = norm[max(s, ks - 1) : ke]
        if word in _SUFFIX_STOP or norm[s:ke] in _SUFFIX_STOP:
            return None
        # 省略, 党員, 大学生, 社長: the suffix starts a longer word
        if (
            ke < len(norm)
            and _cat(norm[ke]) == 1
            and (
                norm[ke] in _CONTINUES
                or norm.startswith(_CONTINUE_WORDS, ke)
                or (len(suffix) == 1 and norm[ke] == "長")
            )
        ):
            return None  # 大学生, 党首, 映画祭, 省略: the suffix starts a longer common word
        score = 0.55 if len(suffix) == 1 else 0.6
        return s, ke, score


@lru_cache(maxsize=4096)
def _proper(head: str, whole: str) -> bool:
    """True when ``head`` (the name before the suffix) looks like a proper name, not common nouns.

    Katakana or Latin letters count as a name; an all-kanji head is asked of Sudachi: a whole that
    is one dictionary word (財務省, 公明党) or a head holding a proper noun (東京大学) passes, a head of
    common nouns only (音楽グループ, 長編映画) does not.
    """
    if len(head) >= 5 or any(_cat(c) in (2, 3) for c in head):
        return True
    try:
        whole_toks = morphology.tokens(whole)
        if len(whole_toks) == 1:
            return whole_toks[0].pos[1] != "普通名詞"  # 東京電力, not 出版社 / 新聞社 / 労働組合
        toks = morphology.tokens(head)
    except Exception:
        return True
    return any(len(t.pos) > 1 and t.pos[1] == "固有名詞" for t in toks)


_ACRONYM_RE = re.compile(r"[A-Z][A-Z&]{1,5}(?![A-Za-z0-9@_/-])")  # the character before is checked in find
# Capitalised abbreviations that are not organisations (labels, units, formats, common terms).
_ACRONYM_STOP = _words(
    "TEL FAX JAN ID PDF URL OK NG CD DVD PC IT AI TV DJ MC CM PR QR QA FAQ USB LAN WAN SNS PIN PW CC BCC RE FW FWD "
    "JPY USD EUR GBP CNY KRW AM PM GB MB KB TB HD HDD SSD CPU GPU OS APP API CSV XLS XLSX DOC DOCX PPT TXT ZIP HTML "
    "HTTP HTTPS WWW NO NA TBD ASAP FYI MR MS MRS DR JR CEO CFO CTO COO VP GM PM SE PG IR HR ERP CRM SDK IOT DX "
    "LED LCD GPS ATM ETC VIP DM SMS MMS LINE ICT SES GDP UFJ SBI SMBC UK US USA EU LTD INC CO KK LLC AD BC GT RPG "
    "FPS CG BGM OP ED OVA SF EP LP MV PV ST CT MRI DNA RNA HIV AIDS COVID PCR ICU ER AED NPO NGO OB OG"
)


_CLUB_PREFIXES = _words("FC AC AS US CD SC SS SV CF RC RB UD CA SE KV FK NK SL TSG VFB VFL")


def _right_kata(norm: str, e: int) -> int:
    f = e
    while f < len(norm) and f - e < 20 and _cat(norm[f]) == 2:
        f += 1
    return f


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
    e = _right_name(norm, s, 24)
    if e - s < 2 or norm[e : e + 1] != "は" or norm[e + 1 : e + 2] in ("じ", "ず"):
        return None  # はじめ, はず
    head = norm[s:e]
    if not any(_cat(c) in (2, 3) for c in head) and not _proper_not_person(head):
        return None  # 同社は…会社である: a common noun; 山田は…: a person
    if head in _SUFFIX_STOP or _COUNT_RE.fullmatch(head):
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
        for ks, _ke, _ in _hits(doc, frozenset({"org_define"})) if doc.occurrences("org_define")[0] else ():
            span = _defined_name(norm, ks)
            if span is not None and span[0] > last:
                last = span[0]
                yield self.finding(doc, "ORGANIZATION", span[0], span[1], 0.55)
        for ks, _ke, _ in _hits(doc, self._groups):
            s = _left_name(norm, ks, 24)
            if s == ks - 24 and s > 0 and _cat(norm[s - 1]) in (1, 2, 3):
                continue
            s = _trim_lead(norm, s, ks)
            if ks - s < 2 or norm[s:ks] in _SUFFIX_STOP or _COUNT_RE.fullmatch(norm, s, ks):
                continue
            head = norm[s:ks]
            if norm[ks] == "戦" and (not all(_cat(c) == 2 or c in "・=" for c in head) or head.endswith(_MATCH_WORDS)):
                continue  # ピッツバーグ・パイレーツ戦: a team; 決勝戦, リーグ戦: not
            if not any(_cat(c) in (2, 3) for c in head) and not _proper_not_person(head):
                continue  # 同社の社長, 球団に入団: a common noun; 山田が設立: a person
            yield self.finding(doc, "ORGANIZATION", s, ks, 0.55)


_TEAM_DOT_RE = re.compile(f"・(?=[{_KT}]{{2}})")  # a literal first: the scan is a fast search
_TEAM_RE = re.compile(f"([{_KT}]{{2,12}})・([{_KT}]{{2,14}}[ズスツ])(?![{_KT}・=])")


class TeamOrganizationRecognizer(Recognizer):
    """Sports teams and orchestras named city・plural (ボストン・ブレーブス, シカゴ・ブルズ): Sudachi must read the
    first word as a place, so that ジョン・スミス (a person) is left alone."""

    name = "organization_team"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        if "・" not in norm:
            return
        last = -1
        for dot in _TEAM_DOT_RE.finditer(norm):
            i = dot.start()
            if i < last or i < 2 or _cat(norm[i - 1]) != 2 or _cat(norm[i - 2]) != 2:
                continue
            s = i
            while s > 0 and i - s < 12 and _cat(norm[s - 1]) == 2:
                s -= 1
            if s > 0 and norm[s - 1] in "・=":
                continue  # the third word of a longer name (ジョン・F・ケネディ)
            m = _TEAM_RE.match(norm, s)
            if m is not None and _is_place(m.group(1)):
                last = m.end()
                yield self.finding(doc, "ORGANIZATION", m.start(), m.end(), 0.55)


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    """Sudachi reads ``word`` as place names only (ボストン, カンザスシティ)."""
    try:
        toks = morphology.tokens(word)
    except Exception:
        return False
    proper = [t for t in toks if len(t.pos) > 2 and t.pos[1] == "固有名詞"]
    return bool(proper) and all(t.pos[2] == "地名" for t in proper) and len(proper) >= len(toks) - 1


class AcronymOrganizationRecognizer(Recognizer):
    """Capitalised abbreviations standing alone in Japanese text (NHK, JASRAC), a weak cue."""

    name = "organization_acronym"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for m in _ACRONYM_RE.finditer(norm):
            word = m.group()
            if word in _ACRONYM_STOP:
                continue
            s, e = m.span()
            if s > 0 and (norm[s - 1] in "@._/-" or (norm[s - 1].isascii() and norm[s - 1].isalnum())):
                continue
            if s > 0 and _cat(norm[s - 1]) in (1, 2):
                continue  # 川崎DF: part of a longer name or title
            if e < len(norm) and _cat(norm[e]) in (1, 2):
                if word in _CLUB_PREFIXES and _cat(norm[e]) == 2:
                    e = _katakana_tail(norm, _right_kata(norm, e))  # FCバルセロナ, ASローマ
                    yield self.finding(doc, "ORGANIZATION", s, e, 0.6)
                continue  # NHK紅白, PSVハーメルン: part of a longer name or title
            # TARO YAMADA, A B C: part of a run of Latin words; "TEL:" labels
            if norm[e : e + 1] == ":" or (norm[e : e + 2][1:2].isalpha() and norm[e : e + 1] == " "):
                continue
            if s >= 2 and norm[s - 1] == " " and norm[s - 2].isascii() and norm[s - 2].isalpha():
                continue
            yield self.finding(doc, "ORGANIZATION", s, e, 0.6 if word in _names() else 0.5)


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
        inner_space = c == " " and n > 0 and 0 <= k + step < len(norm) and _cat(norm[k + step]) == 2
        if not (_cat(c) in (2, 3) or c in ".-" or inner_space):
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
        for ks, ke, _ in _hits(doc, frozenset({"org_kana"})):
            if ks < last:
                continue
            if norm[ke - 1] == ")":  # prefix: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ
                if (ks > 0 and _cat(norm[ks - 1]) in (2, 3)) or ke >= len(norm) or _cat(norm[ke]) != 2:
                    continue  # (アメリカ)
                s, e = ks, _kana_run(norm, ke, 1)
                if e - ke < 2:
                    continue
            else:  # suffix: ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ or ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ)
                if ks == 0 or _cat(norm[ks - 1]) != 2 or (ke < len(norm) and _cat(norm[ke]) in (2, 3)):
                    continue  # (カタカナ)
                s, e = _kana_run(norm, ks, -1), ke + (norm[ke : ke + 1] == ")")
                if ks - s < 2:
                    continue
            while norm[e - 1] == " ":
                e -= 1
            last = e
            yield self.finding(doc, "ORGANIZATION", s, e, 0.85)


def _add(spans: list[tuple[int, int, float]], s: int, e: int, score: float) -> None:
    """Append a span found in text order, keeping the list free of overlaps (the longer span wins)."""
    while spans and s <= spans[-1][0] and e >= spans[-1][1]:
        spans.pop()  # 日本放送 inside 日本放送協会
    if spans and s < spans[-1][1]:
        if e - s <= spans[-1][1] - spans[-1][0]:
            return
        spans.pop()
    spans.append((s, e, score))


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


# A count or ordinal, not a name (6社, 第1局, 3社).
_COUNT_RE = re.compile(r"[0-9]{1,6}(?:[社局部団軍位]|か国|ヶ国)?")


def _lead_stop(norm: str, s: int, end: int) -> int | None:
    """End of the words like 同年, 当時, 2003年4月1日 that open ``norm[s:end]``, or None.

    A one-kanji stop (前, 元, 同) counts only where Sudachi reads it as a word of its own: 前田建設 keeps 前.
    """
    m = _LEAD_STOP.match(norm, s, end)
    if m is None:
        return None
    if m.end() - s == 1 and _cat(norm[s]) == 1 and not _single_kanji_word(norm[s : min(end, s + 6)]):
        return None
    return m.end()


@lru_cache(maxsize=4096)
def _single_kanji_word(head: str) -> bool:
    try:
        toks = morphology.tokens(head)
    except Exception:
        return True
    return bool(toks) and toks[0].end == 1


def _trim_lead(norm: str, s: int, end: int) -> int:
    """Drop lead words (同年, 当時) from the name ``norm[s:end]``; ``end`` when nothing else is left (2003年4月1日)."""
    t = _lead_stop(norm, s, end)
    if t is None:
        return s
    return t


def _trim_dept(norm: str, s: int, e: int) -> int:
    m = _DEPT_TAIL.search(norm, s, e)
    if m and m.start() - s >= 2:
        return m.start()
    return e


RECOGNIZERS = (
    LegalFormOrganizationRecognizer,
    FinancialInstitutionRecognizer,
    SuffixOrganizationRecognizer,
    ContextOrganizationRecognizer,
    AcronymOrganizationRecognizer,
    KanaAbbreviationOrganizationRecognizer,
    TeamOrganizationRecognizer,
)
