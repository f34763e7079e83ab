"""`Document`: a text prepared once for the recognizers written in Python.

The built-in recognizers run in the Rust core, whose own document (``core/src/document.rs``) does the same work;
this one serves recognizers that users write in Python (``Detector(recognizers=[...])``) and the optional CRF
model's features. The fold is the core's (:func:`fold`), so both see the same folded text.

Matching runs on ``norm``, a copy of the text of exactly the same length in which full-width ASCII,
the ideographic space and the many hyphen and minus variants are folded to their ASCII forms (the
length-preserving part of NFKC that matters for numbers, e-mail addresses and codes). Because every
character maps to one character, an offset found in ``norm`` is the offset in the original text.

The document also answers the questions recognizers ask about context: which keywords stand near a
position (one Aho-Corasick pass over the text for every keyword of every recognizer), where a line
starts, and which language the text is in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property
from operator import itemgetter
from typing import Any

import ahocorasick_rs

from mamori import _core

_EMPTY: tuple[list[int], list[int]] = ([], [])
LINE_LIMIT = 4096
"""How far line lookups search: a "line" longer than this is seen in windows."""

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


def fold(text: str) -> str:
    """Return ``text`` with full-width ASCII, hyphen variants and the ideographic space folded (the core's fold).

    The result has the same length as the input, character for character.
    """
    try:
        return _core.fold(text)
    except UnicodeEncodeError:  # lone surrogates cannot cross into Rust; they are not folded anyway
        parts = _SURROGATE_SPLIT(text)
        return "".join(p if _SURROGATE_RE.fullmatch(p) else _core.fold(p) for p in parts)


def line_start(text: str, pos: int, limit: int = LINE_LIMIT) -> int:
    """Start of the line holding ``pos``, looking back at most ``limit`` characters.

    The bound keeps callers linear on a text that is one huge line.
    """
    lo = max(0, pos - limit)
    nl = text.rfind("\n", lo, pos)
    return nl + 1 if nl >= 0 else lo


def line_end(text: str, pos: int, limit: int = LINE_LIMIT) -> int:
    """End of the line holding ``pos`` (the newline's offset), looking ahead at most ``limit`` characters."""
    nl = text.find("\n", pos, pos + limit)
    return nl if nl >= 0 else min(len(text), pos + limit)


def split_cells(text: str, start: int, end: int, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of the CSV/TSV line ``text[start:end]``; double quotes may hold delimiters."""
    cells: list[tuple[int, int]] = []
    cs = start
    if text.find('"', start, end) < 0:
        i = text.find(delim, start, end)
        while i >= 0:
            cells.append((cs, i))
            cs = i + 1
            i = text.find(delim, cs, end)
        cells.append((cs, end))
        return cells
    quoted = False
    for i in range(start, end):
        c = text[i]
        if c == '"':
            quoted = not quoted
        elif c == delim and not quoted:
            cells.append((cs, i))
            cs = i + 1
    cells.append((cs, end))
    return cells


def detect_language(text: str) -> str:
    """``"ja"`` when the text holds any kana or kanji, else ``"en"``."""
    return "ja" if _CJK_RE.search(text) else "en"


_SURROGATE_RE = re.compile("[\ud800-\udfff]+")
_SURROGATE_SPLIT = re.compile("([\ud800-\udfff]+)").split
_START = itemgetter(1)
_END = itemgetter(2)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)


class Lexicon:
    """Keywords in named groups, matched in one pass (case-insensitive, on the folded text).

    The matcher is ahocorasick_rs (Rust's aho-corasick): with a few thousand keywords whose first
    characters are kanji it runs about three times as fast as pyahocorasick, whose nodes look their
    children up one by one.
    """

    def __init__(self) -> None:
        self._groups: dict[str, set[str]] = {}
        self._matcher: ahocorasick_rs.AhoCorasick | None = None
        self._word_groups: list[frozenset[str]] = []
        self._word_group_tuples: list[tuple[str, ...]] = []  # the groups of each keyword, for the index loop

    def add(self, group: str, words: Iterable[str]) -> None:
        self._groups.setdefault(group, set()).update(fold(w).lower() for w in words if w)
        self._matcher = None

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(self._groups)

    def _build(self) -> ahocorasick_rs.AhoCorasick | None:
        by_word: dict[str, set[str]] = {}
        for group, words in self._groups.items():
            for w in words:
                by_word.setdefault(w, set()).add(group)
        words_sorted = sorted(by_word)
        self._word_groups = [frozenset(by_word[w]) for w in words_sorted]
        self._word_group_tuples = [tuple(g) for g in self._word_groups]
        if not words_sorted:
            return None
        return ahocorasick_rs.AhoCorasick(words_sorted, matchkind=ahocorasick_rs.MatchKind.Standard)

    def _matches(self, lowered: str) -> list[tuple[int, int, int]]:
        """(keyword index, start, end) for every keyword occurrence, sorted by start, the longer first on a tie."""
        if self._matcher is None:
            self._matcher = self._build()
            if self._matcher is None:
                return []
        try:
            found = self._matcher.find_matches_as_indexes(lowered, overlapping=True)
        except UnicodeEncodeError:  # lone surrogates cannot be UTF-8: match around them (same length)
            same_length = _SURROGATE_RE.sub(lambda m: "\ufffd" * len(m.group()), lowered)
            found = self._matcher.find_matches_as_indexes(same_length, overlapping=True)
        if len(found) > 1:
            # (start, -end) order in two C-level stable sorts (no (start, end) pair occurs twice: keywords are unique)
            found.sort(key=_END, reverse=True)
            found.sort(key=_START)
        return found

    def scan(self, lowered: str) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, groups) for every keyword occurrence, overlapping ones included, sorted by start."""
        found = self._matches(lowered)  # builds the matcher (and the groups of each keyword) on first use
        groups = self._word_groups
        return [(start, end, groups[i]) for i, start, end in found]

    def index(self, lowered: str) -> dict[str, tuple[list[int], list[int]]]:
        """For each keyword group found, the starts and ends of its occurrences, sorted by start (see :meth:`scan`)."""
        index: dict[str, tuple[list[int], list[int]]] = {}
        found = self._matches(lowered)
        if not found:
            return index
        groups = self._word_group_tuples
        get = index.get
        for i, start, end in found:
            for g in groups[i]:
                entry = get(g)
                if entry is None:
                    index[g] = ([start], [end])
                else:
                    entry[0].append(start)
                    entry[1].append(end)
        return index


class Document:
    """The text, its folded copy, its language and a keyword index, shared by all recognizers."""

    def __init__(self, text: str, lang: str = "auto", lexicon: Lexicon | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        self.text = text
        self.norm = fold(text)
        self.lang = detect_language(text) if lang == "auto" else lang
        self._lexicon = lexicon or Lexicon()
        self.shared: dict[str, Any] = {}
        """Work that several recognizers share for this document (a digit-run scan, say), by key."""

    def __len__(self) -> int:
        return len(self.text)

    @cached_property
    def lower(self) -> str:
        """The folded text in lower case (same length: ASCII only is lowered where lengths could change)."""
        low = self.norm.lower()
        if len(low) != len(self.norm):  # a few characters (e.g. 'İ') lower to two code points
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.norm)
        return low

    @cached_property
    def _index(self) -> dict[str, tuple[list[int], list[int]]]:
        """For each keyword group, the starts and ends of its occurrences, sorted by start."""
        return self._lexicon.index(self.lower)

    @cached_property
    def groups_found(self) -> frozenset[str]:
        """The keyword groups with at least one occurrence in the text."""
        return frozenset(self._index)

    def occurrences(self, group: str) -> tuple[list[int], list[int]]:
        """Starts and ends (parallel lists sorted by start) of every keyword of ``group`` in the text."""
        return self._index.get(group, _EMPTY)

    def keywords_in(self, start: int, end: int, groups: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
        """Keyword occurrences lying wholly inside ``[start, end)`` that belong to any of ``groups``.

        Returns (start, end, group) triples in text order, the longer first where two start together;
        a keyword in several asked groups is returned once per group.
        """
        index = self._index
        out: list[tuple[int, int, str]] = []
        lo = max(0, start)
        for g in groups:
            entry = index.get(g)
            if entry is None:
                continue
            starts, ends = entry
            i = bisect_left(starts, lo)
            n = len(starts)
            while i < n and starts[i] < end:
                if ends[i] <= end:
                    out.append((starts[i], ends[i], g))
                i += 1
        if len(groups) > 1 and len(out) > 1:
            # (start, -end, group) order in three C-level stable sorts, the last key first
            out.sort(key=_THIRD)
            out.sort(key=_SECOND, reverse=True)
            out.sort(key=_FIRST)
        return out

    def keyword_before(self, pos: int, groups: frozenset[str] | set[str], window: int) -> tuple[int, int, str] | None:
        """The nearest keyword of ``groups`` ending at or before ``pos`` within ``window`` characters."""
        index = self._index
        lo = max(0, pos - window)
        best: tuple[int, int, str] | None = None
        for g in groups:
            entry = index.get(g)
            if entry is None:
                continue
            starts, ends = entry
            i = bisect_right(starts, pos) - 1
            while i >= 0 and starts[i] >= lo - 64:
                if lo <= ends[i] <= pos:
                    if best is None or ends[i] > best[1] or (ends[i] == best[1] and g < best[2]):
                        best = (starts[i], ends[i], g)
                    break
                i -= 1
        return best

    def keyword_after(self, pos: int, groups: frozenset[str] | set[str], window: int) -> tuple[int, int, str] | None:
        """The nearest keyword of ``groups`` starting at or after ``pos`` within ``window`` characters."""
        index = self._index
        best: tuple[int, int, str] | None = None
        for g in groups:
            entry = index.get(g)
            if entry is None:
                continue
            starts, ends = entry
            i = bisect_left(starts, pos)
            if i < len(starts) and starts[i] <= pos + window:
                cand = (starts[i], ends[i], g)
                if best is None or cand[:2] < best[:2] or (cand[:2] == best[:2] and g < best[2]):
                    best = cand
        return best

    def line_start(self, pos: int, limit: int = LINE_LIMIT) -> int:
        """Start of the line holding ``pos``, looking back at most ``limit`` characters."""
        return line_start(self.text, pos, limit)

    def line_end(self, pos: int, limit: int = LINE_LIMIT) -> int:
        """End of the line holding ``pos`` (the newline's offset), looking ahead at most ``limit`` characters."""
        return line_end(self.text, pos, limit)
