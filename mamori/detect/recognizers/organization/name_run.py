"""Where an organisation's name starts and ends: the kind of each character and the run of kanji / katakana /
Latin letters / digits next to a cue, cut at particles, punctuation and spaces (except between Latin words)."""

from __future__ import annotations

import re


def char_class(c: str) -> int:
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


KANJI = "\u3400-\u4dbf\u4e00-\u9fff々〆ヶ"
KATAKANA = "\u30a1-\u30fa\u30fcヽヾ\uff66-\uff9f"
# The name run read backwards: matched on the reversed window before a cue, so the match is anchored.
_NAME_REV_RE = re.compile(
    f"(?:[{KANJI}{KATAKANA}A-Za-z0-9&']|(?<=[{KATAKANA}])[・=](?=[{KATAKANA}])|(?<=[A-Za-z0-9])[ .-](?=[A-Za-z0-9]))+"
)


def left_name(norm: str, end: int, limit: int = 30) -> int:
    """Start of the name run ending at ``end`` (== end when there is none)."""
    if (
        end >= 2
        and norm[end - 1] in "・="
        and char_class(norm[end - 2]) == 2
        and end < len(norm)
        and char_class(norm[end]) == 2
    ):
        s = left_name(norm, end - 1, limit - 1)  # アリスタ・|レコード
        return s if s < end - 1 else end
    if end == 0 or char_class(norm[end - 1]) not in (1, 2, 3):
        return end
    m = _NAME_REV_RE.match(norm[max(0, end - limit) : end][::-1])
    if m is None:
        return end
    i = end - m.end()
    while i < end and not norm[i].isalnum() and char_class(norm[i]) != 2:
        i += 1
    return i


def right_name(norm: str, start: int, limit: int = 30) -> int:
    """End of the name run starting at ``start``."""
    i = start
    hi = min(len(norm), start + limit)
    while i < hi:
        c = norm[i]
        k = char_class(c)
        if k in (1, 2, 3):
            i += 1
            continue
        if c in " .-" and i > start and char_class(norm[i - 1]) == 3 and i + 1 < hi and char_class(norm[i + 1]) == 3:
            i += 1
            continue
        if c in "・=" and i > start and char_class(norm[i - 1]) == 2 and i + 1 < hi and char_class(norm[i + 1]) == 2:
            i += 1
            continue
        break
    while i > start and norm[i - 1] in " .-・":
        i -= 1
    return i


def katakana_tail(norm: str, e: int) -> int:
    """Extend a katakana name over ・-joined katakana words (ユニリーバ・ジャパン)."""
    while e + 1 < len(norm) and norm[e] == "・" and char_class(norm[e - 1]) == 2 and char_class(norm[e + 1]) == 2:
        f = e + 1
        while f < len(norm) and f - e < 20 and char_class(norm[f]) == 2:
            f += 1
        e = f
    return e
