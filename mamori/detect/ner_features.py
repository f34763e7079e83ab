"""The labels of the optional character-level NER model: its types, its BIO labels, the names of its feature sets.

The features themselves have one implementation, in the core (``core/src/ner/``): detection looks them up in the
model there, and training takes them as strings (``_core.CrfTagger.features``, through
:func:`mamori.detect.recognizers.ner_crf.segment_features`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NER_TYPES = ("PERSON", "ORGANIZATION", "LOCATION")
"""Types the model labels. Their BIO labels are ``B-PERSON``, ``I-PERSON``, ... and ``O``."""

FEATURE_SETS = ("chars", "morph", "lex", "rules", "gaz", "vec")
"""Groups of features, each adding to the ones before it: the characters and their types; SudachiPy's tokens; the
name-lexicon flags; the rule findings; the gazetteer; the word clusters (``vec``, the full set, the one detection
uses). The core's ``ner::Level``."""

TOKEN_FREE = "free"
"""A feature set beside :data:`FEATURE_SETS`, needing no SudachiPy: the characters and their types, the name lexicon
read from the characters (where a listed surname, given name or katakana name begins and ends), the rule findings
and the gazetteer."""

ALL_FEATURE_SETS = (*FEATURE_SETS, TOKEN_FREE)
"""Every feature set the core builds."""

_TYPE_NAMES = {"PERSON": "P", "ORGANIZATION": "O", "LOCATION": "L"}


@dataclass(frozen=True, slots=True)
class Span:
    """A typed span of a text: the label a model or a rule put on ``text[start:end]``."""

    start: int
    end: int
    type: str


def bio_labels(length: int, spans: Iterable[Span]) -> list[str]:
    """One label per character: ``B-TYPE`` on a span's first character, ``I-TYPE`` on the rest, else ``O``."""
    labels = ["O"] * length
    for s in spans:
        if s.type not in _TYPE_NAMES or not 0 <= s.start < s.end <= length:
            continue
        labels[s.start] = "B-" + s.type
        for i in range(s.start + 1, s.end):
            labels[i] = "I-" + s.type
    return labels


def bio_spans(labels: Sequence[str]) -> list[Span]:
    """The spans a label sequence describes; an ``I-`` without its ``B-`` starts a span too."""
    out: list[Span] = []
    start = -1
    kind = ""
    for i, lab in enumerate(labels):
        if lab == "O" or lab.startswith("B-") or lab[2:] != kind:
            if start >= 0:
                out.append(Span(start, i, kind))
            start, kind = (-1, "") if lab == "O" else (i, lab[2:])
    if start >= 0:
        out.append(Span(start, len(labels), kind))
    return out
