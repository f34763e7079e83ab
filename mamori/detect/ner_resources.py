"""Word clusters and a proper-noun gazetteer: the lexical knowledge the optional CRF name model reads.

Both are read from ``data/``; at detection time the core holds them (``_core.CrfTagger``, from :func:`data_text`),
and the Python classes here, which it answers exactly as, serve training (``benchmarks/ner_train.py``) and tests:

* ``ner-clusters.tsv.gz``: 419,913 words with three cluster ids each (the row of GiNZA's pruned chiVe vectors it
  maps to, and two coarser k-means groups of those rows), made by ``benchmarks/ner_clusters.py``. A word the
  training sentences never showed gets the features of the words it is used like.
* ``ner-gazetteer.tsv.gz``: 127,648 proper nouns of IPAdic with their kinds (O organisation, P person, L place,
  G other), made by ``benchmarks/ner_gazetteer.py``. Found in a text by one Aho-Corasick pass, overlaps included.

Licences are in ``data/NOTICE-ner.md``.
"""

from __future__ import annotations

import gzip
import io
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

import ahocorasick_rs

CLUSTERS_FILE = "data/ner-clusters.tsv.gz"
GAZETTEER_FILE = "data/ner-gazetteer.tsv.gz"

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CACHE_SIZE = 1 << 16


def _lines(name: str) -> Iterator[str]:
    raw = resources.files("mamori.detect").joinpath(name).read_bytes()
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f, io.TextIOWrapper(f, encoding="utf-8") as text:
        for line in text:
            yield line.rstrip("\n")


def data_text(name: str) -> str:
    """The whole text of one of the gzipped files (:data:`CLUSTERS_FILE`, :data:`GAZETTEER_FILE`): what the core's
    tagger (``_core.CrfTagger``) reads them from."""
    return gzip.decompress(resources.files("mamori.detect").joinpath(name).read_bytes()).decode("utf-8")


def pack_clusters(row: int, mid: int, top: int) -> int:
    """One int for a word's cluster ids (``mid`` < 1,024, ``top`` < 64)."""
    return (row << 16) | (mid << 6) | top


def cluster_ids(packed: int) -> tuple[int, int, int]:
    """(row, mid, top) of a packed cluster entry: about 20,000, 1,024 and 64 groups."""
    return packed >> 16, (packed >> 6) & 0x3FF, packed & 0x3F


class WordClusters:
    """Words in code-point order with their packed cluster ids, looked up by binary search.

    The words sit end to end in one string with an array of offsets: about 10 MB for 420,000 words, where a dict
    of str takes about 90 MB.
    """

    def __init__(self, entries: Iterable[tuple[str, int]]) -> None:
        buf = io.StringIO()
        offsets = array("L", [0])
        values = array("L")
        last = ""
        for word, packed in entries:
            if word <= last and len(values):
                raise ValueError(f"word clusters out of order at entry {len(values) + 1}")
            buf.write(word)
            offsets.append(offsets[-1] + len(word))
            values.append(packed)
            last = word
        self._text = buf.getvalue()
        self._offsets = offsets
        self._values = values
        self._cache: dict[str, int | None] = {}  # token surfaces repeat: most lookups are answered here

    def __len__(self) -> int:
        return len(self._values)

    def get(self, word: str) -> int | None:
        """The packed cluster ids of ``word``, or None when it is not listed."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        got = self._cache[word] = self._find(word)
        return got

    def _find(self, word: str) -> int | None:
        text, offsets = self._text, self._offsets
        lo, hi = 0, len(self._values)
        while lo < hi:
            mid = (lo + hi) // 2
            if text[offsets[mid] : offsets[mid + 1]] < word:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._values) and text[offsets[lo] : offsets[lo + 1]] == word:
            return self._values[lo]
        return None


@lru_cache(maxsize=1)
def word_clusters() -> WordClusters:
    """The word clusters, loaded once."""

    def entries() -> Iterator[tuple[str, int]]:
        for line in _lines(CLUSTERS_FILE):
            word, row, mid, top = line.split("\t")
            yield word, pack_clusters(int(row), int(mid), int(top))

    return WordClusters(entries())


class Gazetteer:
    """Proper nouns with their kinds; :meth:`spans` finds every listed surface in a text."""

    def __init__(self, entries: dict[str, str]) -> None:
        words = sorted(entries)
        shared: dict[str, str] = {}
        self._kinds = [shared.setdefault(entries[w], entries[w]) for w in words]
        self._matcher = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.Standard, store_patterns=False
        )

    def __len__(self) -> int:
        return len(self._kinds)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kinds) of every occurrence of a listed surface in ``text``, overlapping ones included."""
        if _SURROGATE_RE.search(text):
            text = _SURROGATE_RE.sub("\ufffd", text)
        return [(s, e, self._kinds[i]) for i, s, e in self._matcher.find_matches_as_indexes(text, overlapping=True)]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The IPAdic proper-noun gazetteer, loaded once."""
    entries: dict[str, str] = {}
    for line in _lines(GAZETTEER_FILE):
        surface, _, kinds = line.partition("\t")
        entries[surface] = kinds
    return Gazetteer(entries)
