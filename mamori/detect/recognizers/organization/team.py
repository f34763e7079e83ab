"""Sports teams and orchestras named city・plural (ボストン・ブレーブス, シカゴ・ブルズ), the city checked with
Sudachi."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mamori.detect import morphology
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.name_run import KATAKANA, char_class

_TEAM_DOT_RE = re.compile(f"・(?=[{KATAKANA}]{{2}})")  # a literal first: the scan is a fast search
_TEAM_RE = re.compile(f"([{KATAKANA}]{{2,12}})・([{KATAKANA}]{{2,14}}[ズスツ])(?![{KATAKANA}・=])")


class TeamOrganizationRecognizer(Recognizer):
    """Sports teams and orchestras named city・plural (ボストン・ブレーブス, シカゴ・ブルズ): Sudachi must read the
    first word as a place, so that ジョン・スミス (a person) is left alone."""

    name = "organization_team"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        if "・" not in norm:
            return
        last = -1
        for dot in _TEAM_DOT_RE.finditer(norm):
            i = dot.start()
            if i < last or i < 2 or char_class(norm[i - 1]) != 2 or char_class(norm[i - 2]) != 2:
                continue
            s = i
            while s > 0 and i - s < 12 and char_class(norm[s - 1]) == 2:
                s -= 1
            if s > 0 and norm[s - 1] in "・=":
                continue  # the third word of a longer name (ジョン・F・ケネディ)
            m = _TEAM_RE.match(norm, s)
            if m is not None and _is_place(m.group(1)):
                last = m.end()
                yield self.finding(doc, "ORGANIZATION", m.start(), m.end(), 0.55)


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    """Sudachi reads ``word`` as place names only (ボストン, カンザスシティ)."""
    try:
        toks = morphology.tokens(word)
    except Exception:
        return False
    proper = [t for t in toks if len(t.pos) > 2 and t.pos[1] == "固有名詞"]
    return bool(proper) and all(t.pos[2] == "地名" for t in proper) and len(proper) >= len(toks) - 1
