"""Build ``mamori/detect/data/person_ja.tsv``, the Japanese personal-name lexicon, from sudachidict-core.

Every lexicon entry of SudachiDict (Apache-2.0) tagged 名詞,固有名詞,人名 is read with SudachiPy's
``Dictionary.entries()``; names are kept in the shapes the person recognizer looks up:

* ``S`` surname (姓) in kanji, 1-4 characters; ``G`` given name (名) in kanji/kana, 1-5 characters;
* ``s`` / ``g`` the katakana readings of those surnames / given names (for フリガナ and 口座名義);
* ``F`` katakana person names of any kind (foreign names: ケネディ, ジョン), 2-12 characters;
* ``P`` kanji full names listed as 人名,一般 (historical names), 3-6 characters;
* ``c`` the surface is also an ordinary word (a common noun, verb, adverb ... entry exists);
* ``L`` the surface is also a place name (地名);
* ``O`` the surface is also another proper noun (固有名詞,一般: products, organisations).

One line per surface: ``surface<TAB>flags``, sorted. Run: ``.venv/bin/python tools/build_person_lexicon.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import sudachipy

OUT = Path(__file__).resolve().parent.parent / "mamori" / "detect" / "data" / "person_ja.tsv"

_K = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
KANJI_SURNAME = re.compile(f"[{_K}]{{1,4}}")
GIVEN = re.compile(f"[{_K}ぁ-ゖァ-ヺー]{{1,5}}")
KATAKANA = re.compile(r"[ァ-ヺー]{2,12}")
KATAKANA_NAME = re.compile(r"[ァ-ヺー][ァ-ヺー・=]{1,11}")
KANJI_FULL = re.compile(f"[{_K}]{{3,6}}")
READING = re.compile(r"[ァ-ヺー]{1,8}")
COMMON_POS = {
    "普通名詞",
    "代名詞",
    "動詞",
    "形容詞",
    "副詞",
    "連体詞",
    "接続詞",
    "感動詞",
    "接尾辞",
    "接頭辞",
    "形状詞",
}


def build() -> dict[str, set[str]]:
    dic = sudachipy.Dictionary()
    flags: dict[str, set[str]] = defaultdict(set)
    common: set[str] = set()
    place: set[str] = set()
    other: set[str] = set()
    for m in dic.entries():
        pos = m.part_of_speech()
        s = m.surface()
        if len(s) > 12:
            continue
        if pos[2] != "人名":
            if pos[1] == "固有名詞":
                (place if pos[2] == "地名" else other).add(s)
            elif pos[0] in COMMON_POS or pos[1] in COMMON_POS or pos[1] == "普通名詞":
                common.add(s)
            continue
        reading = m.reading_form()
        if pos[3] == "姓":
            if KANJI_SURNAME.fullmatch(s):
                flags[s].add("S")
                if READING.fullmatch(reading):
                    flags[reading].add("s")
        elif pos[3] == "名":
            if GIVEN.fullmatch(s):
                flags[s].add("G")
                if READING.fullmatch(reading):
                    flags[reading].add("g")
        elif KANJI_FULL.fullmatch(s):
            flags[s].add("P")
        if KATAKANA_NAME.fullmatch(s) and not s.endswith("・"):
            flags[s].add("F")
    for s in list(flags):
        if s in common:
            flags[s].add("c")
        if s in place:
            flags[s].add("L")
        if s in other:
            flags[s].add("O")
    return flags


def main() -> None:
    flags = build()
    order = "SGsgFPcLO"
    lines = [f"{s}\t{''.join(f for f in order if f in fl)}" for s, fl in sorted(flags.items())]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        "# Japanese personal names from sudachidict-core (Apache-2.0); built by tools/build_person_lexicon.py\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main()
