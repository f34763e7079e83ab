"""The organisation recognizers' keyword hits: one pass over the document's keyword index serves them all."""

from __future__ import annotations

from mamori.detect.document import Document

_GROUPS = frozenset(
    {"org_legal", "org_latin", "org_bank", "org_suffix", "org_name", "org_context", "org_kana", "org_define"}
)


def keyword_hits(doc: Document, groups: frozenset[str]) -> list[tuple[int, int, str]]:
    """The keyword hits of ``groups`` in ``doc``: one pass over the document's index serves all the
    organisation recognizers (the index holds every recognizer's keywords, so each full pass costs)."""
    every: list[tuple[int, int, str]] | None = doc.shared.get("organization.hits")
    if every is None:
        every = doc.shared["organization.hits"] = doc.keywords_in(0, len(doc.norm), _GROUPS)
    return [h for h in every if h[2] in groups]
