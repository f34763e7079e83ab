"""`Recognizer`: the small class that finds one kind of personal information.

A recognizer declares the entity types it reports, the languages it runs for and the keywords it
wants to see near its matches (grouped by name; the detector indexes all of them in one pass), and
implements :meth:`Recognizer.find`. Scoring follows Purview's keyword proximity: a match that only
passes its format (or check digit) gets a low score; a supporting keyword nearby raises it, a
contradicting one (注文番号 before a 12-digit number) lowers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from mamori.detect.document import Document
from mamori.detect.finding import Finding


class Recognizer:
    """Base class. Subclasses set the class attributes and implement :meth:`find`."""

    name: ClassVar[str] = ""
    entities: ClassVar[tuple[str, ...]] = ()
    languages: ClassVar[frozenset[str]] = frozenset({"ja", "en"})
    keywords: ClassVar[Mapping[str, Iterable[str]]] = {}

    def find(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def supports(self, lang: str) -> bool:
        return lang in self.languages

    def finding(
        self,
        doc: Document,
        entity_type: str,
        start: int,
        end: int,
        score: float,
        subtype: str | None = None,
    ) -> Finding:
        """Build a finding over ``doc.text[start:end]``."""
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"{self.name}: span {start}:{end} outside a text of {len(doc.text)}")
        return Finding(
            entity_type,
            start,
            end,
            0.0 if score < 0.0 else 1.0 if score > 1.0 else score,
            self.name or type(self).__name__,
            doc.text[start:end],
            subtype,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {','.join(self.entities)}>"
