"""The detector's fast paths give the same answers as the plain code they stand for.

Each speed-up in the engine (one regex pass instead of a loop per character, a lookup of only the lengths
that can match, a keyword index built without an intermediate list) is checked here against the straightforward
version it replaced. The rules ported to the Rust core keep the plain semantics (their checks are the core's tests).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector, Document
from mamori.detect.document import Lexicon


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
