"""Morphology on short windows: a lazily created, cached SudachiPy tokenizer.

SudachiPy is accurate but costs about 1 MB/s, and refuses inputs longer than about 49 KB, so the
detector never gives it a whole document: recognizers ask for the tokens of a short window around
a cue (a few dozen characters) with :func:`tokens`. The dictionary (sudachidict-core) is loaded once,
on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Sudachi's limit is about 49,149 bytes per call; windows are cut well below it (UTF-8: up to 4 bytes a character).
MAX_WINDOW = 4096


@dataclass(frozen=True, slots=True)
class Token:
    """One morpheme: offsets into the text the window was cut from, its surface and part of speech."""

    start: int
    end: int
    surface: str
    pos: tuple[str, ...]

    @property
    def is_person(self) -> bool:
        return len(self.pos) > 2 and self.pos[1] == "固有名詞" and self.pos[2] == "人名"

    @property
    def person_part(self) -> str:
        """'姓', '名' or '一般' for a 人名 token, else ''."""
        return self.pos[3] if self.is_person else ""


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import sudachipy

    dic = sudachipy.Dictionary()
    return dic.tokenizer(mode=sudachipy.SplitMode.C)


def available() -> bool:
    """True when SudachiPy and its dictionary can be loaded."""
    try:
        _tokenizer()
    except Exception:
        return False
    return True


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` (cut to :data:`MAX_WINDOW` characters), with offsets into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if end - start > MAX_WINDOW:
        end = start + MAX_WINDOW
    window = text[start:end]
    if not window:
        return []
    # Lone surrogates cannot be encoded for the Rust side; replace them one for one (offsets are kept).
    try:
        window.encode("utf-8")
    except UnicodeEncodeError:
        window = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in window)
    out: list[Token] = []
    for m in _tokenizer().tokenize(window):
        out.append(Token(start + m.begin(), start + m.end(), m.surface(), tuple(m.part_of_speech())))
    return out
