"""Kana to romaji (Hepburn), and a spelling key that lets "Sato", "Satoh", "Satō" and サトウ meet.

English mail names Japanese people in romaji ("Dear Mr Sato"); the directory has them in kanji with a kana reading
(佐藤, さとう). The reading is spelled out in Hepburn, then both sides are reduced to one key: long vowels folded
(ou, oo, oh, ō -> o; uu -> u), Hepburn and Kunrei spellings merged (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi), m before
b/p/m as n. Kanji without a reading are not guessed (no dictionary here: pykakasi is GPL, cutlet needs MeCab).
"""

from __future__ import annotations

import re
import unicodedata

_BASE = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ゔ": "vu", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o", "ゎ": "wa",
}  # fmt: skip
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_VOWEL = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def _hiragana(text: str) -> str:
    """Katakana as hiragana (the same reading), full-width forms folded first."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def kana_to_romaji(text: str) -> str:
    """Hiragana or katakana in Hepburn romaji (さとう -> satou, キョウコ -> kyouko, ハットリ -> hattori).

    Characters that are not kana are kept as they are; ー repeats the vowel before it.
    """
    kana = _hiragana(text)
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        c = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if c == "っ":
            double = True
            i += 1
            continue
        if c == "ー":
            vowel = next((ch for ch in reversed("".join(out)) if ch in "aeiou"), "")
            out.append(vowel)
            i += 1
            continue
        syllable = _BASE.get(c)
        if syllable is None:
            out.append(c)
            double = False
            i += 1
            continue
        if nxt in _SMALL_Y and syllable.endswith("i") and len(syllable) >= 2:
            stem = syllable[:-1]  # き -> k, し -> sh, ち -> ch, じ -> j
            syllable = stem + ("" if stem in ("sh", "ch", "j") else "y") + _SMALL_Y[nxt]
            i += 1
        elif nxt in _SMALL_VOWEL and c not in _SMALL_VOWEL:
            onset = syllable[:-1] if len(syllable) >= 2 else ("w" if syllable == "u" else "")
            syllable = onset + _SMALL_VOWEL[nxt]  # ティ -> ti, ファ -> fa, シェ -> she, ウィ -> wi
            i += 1
        if double:
            syllable = ("t" + syllable) if syllable.startswith("ch") else syllable[0] + syllable
            double = False
        out.append(syllable)
        i += 1
    return "".join(out)


_FOLD = (
    ("shi", "si"),
    ("chi", "ti"),
    ("tsu", "tu"),
    ("fu", "hu"),
    ("ji", "zi"),
    ("sh", "sy"),
    ("tch", "tty"),
    ("ch", "ty"),
    ("j", "zy"),
)


def romaji_key(text: str) -> str:
    """A spelling key for a romanised Japanese name: Sato, SATOH, Satō, Satou and サトウ give the same key."""
    if not text.isascii() or any("ぁ" <= c <= "ヶ" or c == "ー" for c in text):
        text = kana_to_romaji(text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z]", "", text)
    for a, b in _FOLD:
        text = text.replace(a, b)
    text = re.sub(r"oh(?![aeiou])", "o", text)
    text = re.sub(r"m(?=[bpm])", "n", text)
    text = re.sub(r"ou|oo", "o", text)
    text = re.sub(r"uu", "u", text)
    text = re.sub(r"([aie])\1", r"\1", text)
    return text


def is_kana(text: str) -> bool:
    """Only kana (and the long-vowel mark, spaces, middle dots)."""
    stripped = re.sub(r"[\s・･=＝]", "", unicodedata.normalize("NFKC", text))
    return bool(stripped) and all("ぁ" <= c <= "ゖ" or "ァ" <= c <= "ヺ" or c == "ー" for c in stripped)
