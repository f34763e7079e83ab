"""Full names (姓 名) written to address someone, compared with a recipient's full name.

A surname alone says little where many people share it (佐藤, 鈴木); a full name says who is meant. The checks use
these helpers to tell 「佐藤 学 様」 from the recipient 佐藤 聡太郎: same surname, another person. A given name is
compared as written and as its reading (the directory's kana; hiragana and katakana meet), so 「鈴木 さゆり様」 and
鈴木 小百合 (スズキ サユリ) are the same person. When a recipient's given name is not known, nothing is compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# a line that is only a full name and an honorific: 「佐藤 学 様」「鈴木　翔太殿」 (a document's addressee line)
_PERSON_LINE = re.compile(
    r"^\s*([\u4e00-\u9fff々〆ヶ]{1,4})[ \u3000]+([\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a0-\u30ffー]{1,6})[ \u3000]*"
    r"(?:様|さま|殿)\s*$"
)
_KANA_OR_KANJI = re.compile(r"^[\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a0-\u30ffー]+$")
# words written after a surname that are no given name: a post, a role, a group (佐藤 部長, 佐藤 ご担当, 佐藤 各位)
_NOT_GIVEN = re.compile(r"担当|各位|一同|御中|皆|宛|様|殿|先生|部|課|室|係|長|役|員|主任|社|店|所")


def split_full_name(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a name written 姓 名 with a space, in kanji or kana; None otherwise (also when the
    second word is a post or a role: 佐藤 部長, 佐藤 ご担当)."""
    parts = name.replace("\u3000", " ").split()
    if len(parts) != 2 or not all(_KANA_OR_KANJI.match(p) for p in parts) or _NOT_GIVEN.search(parts[1]):
        return None
    return parts[0], parts[1]


def _katakana(text: str) -> str:
    return "".join(chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" else ch for ch in text)


def same_given(given: str, forms: Iterable[str]) -> bool:
    """The given name ``given`` is one of ``forms`` (as written, or read in kana)."""
    key = _katakana(given)
    return any(key == _katakana(f) for f in forms)


def person_addressee(text: str, head: int = 12) -> tuple[str, str] | None:
    """The person a document is addressed to: a line near its top that is only 姓 名 and 様/殿, with no
    organisation on the line above it (「株式会社A」 then 「佐藤 学 様」 is addressed to A's 佐藤).
    ``head``: the lines looked at."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:head]
    for i, line in enumerate(lines):
        m = _PERSON_LINE.match(line)
        if m:
            above = lines[i - 1] if i else ""
            if re.search(r"株式会社|有限会社|合同会社|法人|御中|\(株\)|（株）|㈱|部$|課$|室$|支店$", above):
                return None
            return m.group(1), m.group(2)
    return None
