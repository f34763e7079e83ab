"""The Japanese name lexicon: surnames, given names, their readings and katakana person names.

Built from sudachidict-core's 人名 entries by ``tools/build_person_lexicon.py`` into ``data/person_ja.tsv``
(surface, tab, flags). The Rust core compiles the file in and parses it once per process (it is the lexicon of the
``person_ja`` rules); Python reads it through the core.

Flags: S surname, G given name, s/g their katakana readings, F katakana person name, P kanji full name, c also an
ordinary word, L also a place name, O also another proper noun.
"""

from __future__ import annotations

from collections.abc import Iterable

from mamori import _core


def flags(words: Iterable[str]) -> list[str]:
    """The flags of each word as listed ("" for a word that is not listed)."""
    return _core.name_flags(list(words))
