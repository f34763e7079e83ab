"""Organisations in prose by an organisation-type suffix (財務省, 公明党, 東京大学, 日本放送協会, 陸上自衛隊, …社),
with a stricter check on the name before it, and well-known names without any suffix (NHK, トヨタ)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from mamori.detect import morphology
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.keyword_hits import keyword_hits
from mamori.detect.recognizers.organization.known_names import known_names
from mamori.detect.recognizers.organization.legal_form import LEGAL_STARTS
from mamori.detect.recognizers.organization.name_run import char_class, katakana_tail, left_name
from mamori.detect.recognizers.organization.spans import add_span
from mamori.detect.recognizers.organization.stop_words import COUNT_RE, SUFFIX_STOP, words
from mamori.detect.recognizers.organization.trim import trim_lead

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
_WEAK_SUFFIXES = words(
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


_PROVINCES = words(
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


class SuffixOrganizationRecognizer(Recognizer):
    """Organisations in prose by an organisation-type suffix (財務省, 公明党, 東京大学) or a known name."""

    name = "organization_suffix"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def __init__(self) -> None:
        self._suffixes = ORG_SUFFIXES
        self._names = known_names()

    @property
    def keywords(self) -> dict[str, tuple[str, ...]]:  # type: ignore[override]
        # short Latin names (NHK, ABC) are left to the acronym recognizer: as substrings they would hit everywhere
        names = tuple(n for n in known_names() if not (n.isascii() and len(n) <= 4))
        return {"org_suffix": tuple(self._suffixes), "org_name": names}

    _groups = frozenset({"org_suffix", "org_name"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        spans: list[tuple[int, int, float]] = []
        for ks, ke, group in keyword_hits(doc, self._groups):
            if group == "org_name":
                if not self._standalone(norm, ks, ke):
                    continue
                span: tuple[int, int, float] | None = (ks, katakana_tail(norm, ke), 0.6)
            else:
                span = self._suffix(norm, ks, ke)
            if span is not None:
                add_span(spans, *span)
        for s, e, score in spans:
            yield self.finding(doc, "ORGANIZATION", s, e, score)

    @staticmethod
    def _standalone(norm: str, ks: int, ke: int) -> bool:
        """A listed name not inside a longer word, nor a katakana reading of a person (スズキ マナブ)."""
        before = char_class(norm[ks - 1]) if ks > 0 else 0
        after = char_class(norm[ke]) if ke < len(norm) else 0
        if before in (2, 3) or after in (2, 3) or (before == 1 and char_class(norm[ks]) == 1):
            return False
        if norm[ke : ke + 1] in ("-", "_", "/", "@", ".") and char_class(norm[ke - 1]) == 3:
            return False  # GM-6416: a product code
        if char_class(norm[ke - 1]) == 2:
            if norm[ke : ke + 1] == " " and ke + 1 < len(norm) and char_class(norm[ke + 1]) == 2:
                return False
            if norm[ks - 1 : ks] == " " and ks >= 2 and char_class(norm[ks - 2]) == 2:
                return False
        return True

    def _suffix(self, norm: str, ks: int, ke: int) -> tuple[int, int, float] | None:
        if norm.startswith(LEGAL_STARTS, ke) or norm.startswith("会社", ks - 1):
            return None  # 山田商事株式会社, 株式会社: the legal-form recognizer reads these
        suffix = norm[ks:ke]
        need = self._suffixes.get(suffix, self._suffixes.get(suffix.upper(), 2))
        s = left_name(norm, ks, 20)
        if s == ks - 20 and s > 0 and char_class(norm[s - 1]) in (1, 2, 3):
            return None  # the run goes on past the bound: not a name we can delimit
        if "会社" in norm[s:ks] or "法人" in norm[s:ks]:
            return None  # 株式会社山田商事: the legal-form recognizer reads it
        s = trim_lead(norm, s, ks)
        if ks - s < need or COUNT_RE.fullmatch(norm, s, ks) or (suffix == "局" and norm[s] == "第"):
            return None  # 6社, 第1局: a count, not a name
        if ke < len(norm):
            last, nxt = char_class(norm[ke - 1]), char_class(norm[ke])
            if (last == 2 and nxt == 2) or (last == 3 and nxt == 3):
                return None  # バス|ケットボール: the suffix is inside a longer word
        if norm[ks - 1 : ks] == "会" and suffix == "社":
            return None  # 貿易会社, 子会社: a common noun
        if suffix == "省" and norm[s:ks] in _PROVINCES:
            return None  # 河北省: a Chinese province is a place
        if norm.endswith(_NOT_ORG_ENDINGS, s, ke):
            return None
        if suffix == "朝" and not all(char_class(c) == 2 for c in norm[s:ks]):
            return None  # プトレマイオス朝 (a dynasty), not 今朝 / 早朝
        if suffix in _WEAK_SUFFIXES and not _proper(norm[s:ks], norm[s:ke]):
            return None
        word = norm[max(s, ks - 1) : ke]
        if word in SUFFIX_STOP or norm[s:ke] in SUFFIX_STOP:
            return None
        # 省略, 党員, 大学生, 社長: the suffix starts a longer word
        if (
            ke < len(norm)
            and char_class(norm[ke]) == 1
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
    if len(head) >= 5 or any(char_class(c) in (2, 3) for c in head):
        return True
    try:
        whole_toks = morphology.tokens(whole)
        if len(whole_toks) == 1:
            return whole_toks[0].pos[1] != "普通名詞"  # 東京電力, not 出版社 / 新聞社 / 労働組合
        toks = morphology.tokens(head)
    except Exception:
        return True
    return any(len(t.pos) > 1 and t.pos[1] == "固有名詞" for t in toks)
