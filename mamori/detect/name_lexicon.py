"""The Japanese name lexicon: surnames, given names, their readings and katakana person names.

Built from sudachidict-core's 人名 entries by ``tools/build_person_lexicon.py`` into ``data/person_ja.tsv``
(surface, tab, flags); loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


class NameLexicon:
    """Surface -> flags: S surname, G given name, s/g their katakana readings, F katakana person name,
    P kanji full name, c also an ordinary word, L also a place name, O also another proper noun."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.flags = entries
        self._split_cache: dict[str, int] = {}

    @classmethod
    def load(cls) -> NameLexicon:
        text = resources.files("mamori.detect").joinpath("data/person_ja.tsv").read_text(encoding="utf-8")
        entries: dict[str, str] = {}
        for line in text.splitlines():
            if not line or line[0] == "#":
                continue
            surface, _, flags = line.partition("\t")
            entries[surface] = flags
        return cls(entries)

    def get(self, s: str) -> str:
        return self.flags.get(s, "")

    def surname(self, s: str) -> bool:
        return "S" in self.flags.get(s, "")

    def given(self, s: str) -> bool:
        return "G" in self.flags.get(s, "")

    def common(self, s: str) -> bool:
        return "c" in self.flags.get(s, "")

    def kana_part(self, s: str) -> bool:
        f = self.flags.get(s, "")
        return "s" in f or "g" in f or "F" in f

    def split_full(self, s: str) -> int:
        """Length of the surname when ``s`` is exactly surname + given name (both listed), else 0."""
        got = self._split_cache.get(s)
        if got is None:
            got = self._split_full(s)
            if len(self._split_cache) > 50000:
                self._split_cache.clear()
            self._split_cache[s] = got
        return got

    def _split_full(self, s: str) -> int:
        best = 0
        best_rank = -1
        for i in range(1, min(4, len(s) - 1) + 1):
            a, b = s[:i], s[i:]
            if len(b) > 5:
                continue
            fa = self.flags.get(a, "")
            if "S" not in fa:
                continue
            fb = self.flags.get(b, "")
            if "G" not in fb:
                continue
            rank = (len(a) >= 2) * 4 + (len(b) >= 2) * 2 + ("c" not in fa) + ("c" not in fb)
            if rank > best_rank:
                best, best_rank = i, rank
        return best


@lru_cache(maxsize=1)
def lexicon() -> NameLexicon:
    return NameLexicon.load()
