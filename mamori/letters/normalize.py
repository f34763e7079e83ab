"""Addresses, postal codes, names and organisation names compared as a post office would (pure functions).

* address: NFKC, no spaces or line breaks, hyphen variants as ``-``, kanji numerals as digits, and
  ``1丁目2番3号`` / ``1丁目2番地3`` / ``1の2の3`` / ``1丁目2-3`` all as ``1-2-3`` (``123番地4`` as ``123-4``); a room
  ``201号室`` as ``201``, a floor ``8F`` as ``8階``; ``大字`` dropped; ヶ as ケ. The building and room stay part of it.
  A leading prefecture is kept here; `same_address` also accepts one side without it.
* postal code: the seven digits, whatever the width, hyphen or 〒.
* names: `mamori.guard.channel.norm_name` (NFKC, no spaces, no honorific); organisations:
  `mamori.guard.directory.org_stem` after NFKC without spaces (株式会社 before or after, (株), ㈱, (有), ㈲).
"""

from __future__ import annotations

import re
import unicodedata

from mamori.guard.channel import norm_name
from mamori.guard.directory import org_stem

__all__ = ["norm_address", "norm_name", "norm_org", "norm_postal", "same_address", "strip_prefecture", "to_digits"]

_KANJI_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNIT = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUM = re.compile("[〇零一二三四五六七八九十百千]+")
_HYPHENS = re.compile("[\u2010-\u2015\u2212\u2043\ufe63\uff0d\u30fc\uff70\u2500\u2501\u02d7-]")
_SPACE = re.compile(r"\s+")
PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
    "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",
    "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県",
    "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県",
    "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip


def kanji_number(text: str) -> str:
    """A run of kanji numerals as digits: 十二 → 12, 二十三 → 23, 百五 → 105, 二〇一 → 201 (digit by digit)."""
    if not any(c in _KANJI_UNIT for c in text):
        return "".join(str(_KANJI_DIGIT[c]) for c in text)
    total, current = 0, 0
    for c in text:
        if c in _KANJI_UNIT:
            total += (current or 1) * _KANJI_UNIT[c]
            current = 0
        else:
            current = current * 10 + _KANJI_DIGIT[c]
    return str(total + current)


def to_digits(text: str) -> str:
    """Every run of kanji numerals in ``text`` written in digits (both sides of a comparison get the same)."""
    return _KANJI_NUM.sub(lambda m: kanji_number(m.group()), text)


def norm_postal(text: str) -> str:
    """The digits of a postal code: 〒１５０－０００２ → 1500002 ("" when there are not exactly seven)."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", text))
    return digits if len(digits) == 7 else ""


def norm_address(text: str) -> str:
    """An address in one canonical spelling (see the module doc): 渋谷区渋谷二丁目21番1号 → 渋谷区渋谷2-21-1."""
    s = unicodedata.normalize("NFKC", text)
    s = _SPACE.sub("", s).replace("ヶ", "ケ").replace("ヵ", "カ").replace("大字", "")
    # ー between digits is a hyphen; elsewhere (センター) a long vowel
    s = re.sub(r"(?<=[0-9〇一二三四五六七八九十])[\u30fc\uff70](?=[0-9〇一二三四五六七八九十])", "-", s)
    s = _HYPHENS.sub(lambda m: m.group() if m.group() in ("ー", "ｰ") else "-", s)
    s = to_digits(s)
    s = re.sub(r"(\d+)丁目", r"\1-", s)
    s = re.sub(r"(\d+)番地の?", r"\1-", s)
    s = re.sub(r"(\d+)番の?", r"\1-", s)
    s = re.sub(r"(\d+)号室", r"\1", s)
    s = re.sub(r"(\d+)号", r"\1-", s)
    s = re.sub(r"(?<=\d)の(?=\d)", "-", s)
    s = re.sub(r"(\d+)[Ff](?![A-Za-z])", r"\1階", s)
    s = re.sub(r"#(?=\d)", "", s)
    s = re.sub(r"-+", "-", s)
    # a hyphen only between two digits: 2-21-1-渋谷ヒカリエ → 2-21-1渋谷ヒカリエ
    return re.sub(r"(?<!\d)-|-(?!\d)", "", s)


def strip_prefecture(address: str) -> str:
    """A normalised address without its leading prefecture (東京都渋谷区… → 渋谷区…)."""
    for p in _PREFECTURE_KEYS:
        if address.startswith(p):
            return address[len(p) :]
    return address


_PREFECTURE_KEYS = tuple(to_digits(p) for p in PREFECTURES)  # as norm_address writes them (千葉県 → 1000葉県)


def same_address(a: str, b: str) -> bool:
    """Two normalised addresses are the same place; one (not both) may leave out the prefecture."""
    if a == b:
        return True
    sa, sb = strip_prefecture(a), strip_prefecture(b)
    return bool(sa) and sa == sb and (sa == a or sb == b)


def norm_org(text: str) -> str:
    """An organisation name compared without legal form, spaces or width: （株）光陽 システムズ → 光陽システムズ."""
    return "".join(org_stem(unicodedata.normalize("NFKC", text)).split())
