"""The detector's fast paths give the same answers as the plain code they stand for.

Each speed-up in the engine (one regex pass instead of a loop per character, a lookup of only the lengths
that can match, a keyword index built without an intermediate list, a lookahead that only fails early) is
checked here against the straightforward version it replaced.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector, Document
from mamori.detect.document import Lexicon
from mamori.detect.recognizers import person_ja
from mamori.detect.recognizers.person_ja import _CLASS_RUN, _LINE_NAME, _LINE_NAME_NL, _char_class

_LETTERS = "山田太郎課長部々ヶ〆あいうゖアイウヵヶヷーヺabcXYZ 0-・（）(/|\n様チーフマネージャー"
_MIXED = st.text(alphabet=_LETTERS, max_size=40)


def _class_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where a run of one class of letters starts: the loop _before_honorific used to run."""
    out: list[int] = []
    prev = -1
    for k in range(lo, hi):
        cls = _char_class(text[k])
        if cls != prev and cls > 0:
            out.append(k)
        prev = cls
    return out


def test_class_run_covers_exactly_the_letters_char_class_knows() -> None:
    for o in range(0x10000):
        if 0xD800 <= o <= 0xDFFF:
            continue
        c = chr(o)
        assert (_CLASS_RUN.fullmatch(c) is not None) == (_char_class(c) > 0), hex(o)


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.integers(0, 40), st.integers(0, 40))
def test_class_run_starts_equal_the_character_loop(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert [m.start() for m in _CLASS_RUN.finditer(text, lo, hi)] == _class_starts(text, lo, hi)


_LOOKAHEAD = f"(?=[{person_ja._K}チマリ])"
_LINE_NAME_PLAIN = re.compile(_LINE_NAME.pattern.replace(_LOOKAHEAD, "", 1), re.M)
_LINE_NAME_NL_PLAIN = re.compile("\n" + _LINE_NAME_PLAIN.pattern[1:], re.M)


def test_line_name_lookahead_is_there() -> None:
    assert _LOOKAHEAD in _LINE_NAME.pattern
    assert _LOOKAHEAD in _LINE_NAME_NL.pattern


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_line_name_lookahead_changes_no_match(text: str) -> None:
    def spans(p: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return [(m.span(), m.groups()) for m in p.finditer(text)]

    assert spans(_LINE_NAME) == spans(_LINE_NAME_PLAIN)
    assert spans(_LINE_NAME_NL) == spans(_LINE_NAME_NL_PLAIN)


def _index_from_scan(lexicon: Lexicon, lowered: str) -> dict[str, tuple[list[int], list[int]]]:
    """The keyword index built from Lexicon.scan, as Document did before Lexicon.index."""
    index: dict[str, tuple[list[int], list[int]]] = {}
    for start, end, groups in lexicon.scan(lowered):
        for g in groups:
            entry = index.setdefault(g, ([], []))
            entry[0].append(start)
            entry[1].append(end)
    return index


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcあいう電話番号 ", max_size=60))
def test_lexicon_index_equals_the_index_built_from_scan(text: str) -> None:
    lexicon = Lexicon()
    lexicon.add("one", ["ab", "abc", "b", "電話", "電話番号"])
    lexicon.add("two", ["b", "bc", "番号", "あい"])  # 'b' is in both groups
    lexicon.add("three", ["c", "いう", "う"])
    low = text.lower()
    assert lexicon.index(low) == _index_from_scan(lexicon, low)
    assert [h[:2] for h in lexicon.scan(low)] == sorted((h[:2] for h in lexicon.scan(low)), key=lambda h: (h[0], -h[1]))


def test_document_index_on_a_real_text() -> None:
    detector = Detector()
    text = "お客様氏名：山田 太郎 様\n電話：03-1234-5678 / TEL 090-1234-5678\n住所：東京都千代田区丸の内1-1-1"
    doc = Document(text, "auto", detector.lexicon)
    assert doc._index == _index_from_scan(detector.lexicon, doc.lower)


# The address lookups by length (municipality_at, the lengths of each prefecture's municipalities) are checked
# against the plain loop in the core: core/src/recognizers/address_ja.rs, tests
# municipality_lookup_tries_only_lengths_that_can_match and lengths_hold_every_municipality_of_each_prefecture.


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="山田 (（)）/|アイウあいうTaro Yamada\n", max_size=30), st.integers(0, 30))
def test_reading_precheck_drops_no_reading(text: str, e: int) -> None:
    plain = any(
        p.match(text, e) is not None for p in (person_ja._ROMAJI_PAREN, person_ja._KANA_PAREN, person_ja._HIRA_PAREN)
    )
    assert person_ja._reading_follows(text, e) == plain
    if plain:
        assert person_ja._may_open_reading(text, e)


def _keywords_in_plain(doc: Document, start: int, end: int, groups: frozenset[str]) -> list[tuple[int, int, str]]:
    """Document.keywords_in with one sort on a composite key, as it was written first."""
    out = [
        (s, e, g)
        for g in groups
        for s, e in zip(*doc.occurrences(g), strict=True)
        if s >= max(0, start) and s < end and e <= end
    ]
    if len(groups) > 1:
        out.sort(key=lambda h: (h[0], -h[1], h[2]))
    return out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcあいう電話番号 ", max_size=60), st.integers(-5, 65), st.integers(0, 65))
def test_keywords_in_equals_the_composite_key_sort(text: str, start: int, end: int) -> None:
    lexicon = Lexicon()
    lexicon.add("one", ["ab", "abc", "b", "電話", "電話番号"])
    lexicon.add("two", ["b", "bc", "番号", "あい"])
    lexicon.add("three", ["c", "いう", "う", "abc"])
    doc = Document(text, "auto", lexicon)
    for groups in ({"one"}, {"one", "two"}, {"one", "two", "three"}, {"two", "missing"}):
        fg = frozenset(groups)
        assert doc.keywords_in(start, end, fg) == _keywords_in_plain(doc, start, end, fg)
