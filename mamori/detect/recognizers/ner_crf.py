"""Optional character-level CRF for Japanese PERSON, ORGANIZATION and LOCATION names without a cue.

Not one of the default recognizers: ``Detector(ner=True)`` or ``mamori detect --ner`` adds it, and hands it the
rule findings of its types as features, so the model learns when to trust a rule. Its findings fill only the gaps
the rule findings leave (:func:`outside`), then go through the detector's usual ``settle()``: see :func:`merge`.

The model, ``data/ner-ja-wiki.crfsuite``, is trained by ``benchmarks/ner_train.py`` with python-crfsuite on
ja-ner-wiki/dev (Stockmark's Wikipedia NER data, CC BY-SA 3.0: see ``data/NOTICE-ner.md``) and the PERSON and
ORGANIZATION gold of the hand-written business corpora ja-biz5..14/dev. Detection needs no
python-crfsuite: the core reads the model file and computes the features (with the gazetteer, the word clusters and
the name lexicon), the labels and their marginals (``_core.CrfTagger``, the same numbers as CRFsuite's); Python keeps
the sentences and SudachiPy's tokens. The training data's feature strings come from the same code in the core
(:func:`segment_features`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import ClassVar

from mamori import _core
from mamori.detect import morphology
from mamori.detect.detector import settle
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.ner_features import FEATURE_SETS, NER_TYPES, TOKEN_FREE, Span, bio_spans
from mamori.detect.ner_resources import CLUSTERS_FILE, GAZETTEER_FILE, data_text
from mamori.detect.recognizer import Recognizer

MODEL_FILE = "data/ner-ja-wiki.crfsuite"
RULE_TRUST = 0.7
"""A rule finding of a name type scored below this yields to an overlapping model finding (:func:`merge`)."""
MIN_SCORE = 0.7
"""Model spans whose mean label marginal is lower are not reported, whatever the detector's threshold. In business
text the model's doubtful spans are mostly common nouns (振込手数料 at 0.63); in 5-fold cross-validation on
ja-ner-wiki/dev the cut costs nothing (micro F1 0.780 at 0.5 and at 0.7: precision up, recall down)."""
SEGMENT_LIMIT = 512
"""Longest piece of text tagged as one sequence (the model was trained on single sentences)."""

_SEGMENT_RE = re.compile(r"[^\n。！？!?]*(?:[。！？!?]+|\n|$)")
_TRIM = frozenset(" \t\r\n\u3000、。，．,.・:：;；/／|｜()（）「」『』【】[]\"'")
_CODE_RE = re.compile(r"[A-Za-z0-9._@+-]*[0-9@][A-Za-z0-9._@+-]*")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

MISSING_EXTRA = (
    "固有表現モデル (NER) が使えません: mamori/detect/data/ner-ja-wiki.crfsuite がないか、コアが古いビルドです / "
    "the NER model is not available: mamori/detect/data/ner-ja-wiki.crfsuite is missing or the core predates it "
    "(reinstall mamori)"
)

SegmentTokens = list[tuple[int, int, str, tuple[str, ...]]]
Hint = tuple[int, int, str, str, float]


def available() -> bool:
    """True when the core can run the model (``_core.CrfTagger``) and the model file is installed."""
    return hasattr(_core, "CrfTagger") and resources.files("mamori.detect").joinpath(MODEL_FILE).is_file()


def segments(text: str, limit: int = SEGMENT_LIMIT) -> list[tuple[int, int]]:
    """(start, end) of the sentences or lines of ``text``, none longer than ``limit`` and none blank."""
    out: list[tuple[int, int]] = []
    for m in _SEGMENT_RE.finditer(text):
        s, e = m.span()
        if e > s and text[e - 1] == "\n":
            e -= 1
        while e - s > limit:
            out.append((s, s + limit))
            s += limit
        if e > s and not text[s:e].isspace():
            out.append((s, e))
    return out


def _segment_inputs(
    text: str, start: int, end: int, rules: Iterable[Finding], tokens: bool = True
) -> tuple[str, SegmentTokens, list[Hint]]:
    """``text[start:end]`` (lone surrogates replaced one for one, offsets kept), its SudachiPy tokens (none unless
    ``tokens``) and the rule findings of the name types over it, offsets into it."""
    piece = text[start:end]
    if _SURROGATE_RE.search(piece):  # not encodable for CRFsuite or the core: replaced one for one, offsets kept
        piece = _SURROGATE_RE.sub("\ufffd", piece)
    toks: SegmentTokens = []
    if tokens:
        toks = [(t.start - start, t.end - start, t.surface, t.pos) for t in morphology.tokens(text, start, end)]
    hints = [
        (f.start - start, f.end - start, f.type, f.recognizer, f.score)
        for f in rules
        if f.start < end and f.end > start and f.type in NER_TYPES
    ]
    return piece, toks, hints


@cache
def _features_only() -> _core.CrfTagger:
    """The core's feature builder with the gazetteer and the word clusters, without a model (training has none)."""
    return _core.CrfTagger(None, gazetteer=data_text(GAZETTEER_FILE), clusters=data_text(CLUSTERS_FILE))


def segment_features(
    text: str, start: int, end: int, rules: Iterable[Finding] = (), feature_set: str = FEATURE_SETS[-1]
) -> list[list[str]]:
    """The feature strings of each character of ``text[start:end]`` up to ``feature_set`` (one of
    :data:`FEATURE_SETS`, or :data:`TOKEN_FREE`): from its SudachiPy tokens, their name-lexicon flags, the rule
    findings inside it, the gazetteer's proper nouns and the tokens' word clusters (``free``: no token, the name
    lexicon read from the characters). The training data; detection computes the same features in the same code of
    the core, straight to the model's attribute ids."""
    piece, toks, hints = _segment_inputs(text, start, end, rules, feature_set != TOKEN_FREE)
    return _features_only().features(piece, toks, hints, feature_set)


class NerCrf(Recognizer):
    """Japanese PERSON / ORGANIZATION / LOCATION from a linear-chain CRF over characters.

    The model is read on first use; tagging keeps no state between calls, so an instance may serve several threads.
    """

    name = "ner_crf"
    entities = NER_TYPES
    languages: ClassVar[frozenset[str]] = frozenset({"ja"})

    def __init__(self, model_path: str | None = None) -> None:
        if not hasattr(_core, "CrfTagger"):
            raise RuntimeError(MISSING_EXTRA)
        if model_path is None and not resources.files("mamori.detect").joinpath(MODEL_FILE).is_file():
            raise RuntimeError(f"固有表現モデルがありません / the NER model is missing: mamori/detect/{MODEL_FILE}")
        self.model_path = model_path

    @cached_property
    def _tagger(self) -> _core.CrfTagger:
        if self.model_path is not None:
            data = Path(self.model_path).read_bytes()
        else:
            data = resources.files("mamori.detect").joinpath(MODEL_FILE).read_bytes()
        # The core reads the model's feature set from its attributes (`feature_set`: "vec", or "free": no token);
        # only a model with the word clusters among its features has them loaded (about 20 MB).
        tagger = _core.CrfTagger(data, gazetteer=data_text(GAZETTEER_FILE))
        if tagger.feature_set == TOKEN_FREE:
            return tagger
        return _core.CrfTagger(data, gazetteer=data_text(GAZETTEER_FILE), clusters=data_text(CLUSTERS_FILE))

    @cached_property
    def needs_tokens(self) -> bool:
        """Whether the model's features use SudachiPy's tokens (not for a :data:`TOKEN_FREE` model)."""
        return self._tagger.feature_set != TOKEN_FREE

    def find(self, doc: Document) -> list[Finding]:
        return self.find_with(doc, ())

    def find_with(self, doc: Document, rules: Sequence[Finding]) -> list[Finding]:
        """Findings in ``doc``, using the rule findings ``rules`` (any score) as features."""
        text = doc.text
        out: list[Finding] = []
        ordered = sorted(rules, key=lambda f: f.start)
        for start, end in segments(text):
            if _CJK_RE.search(text, start, end) is None:
                continue
            inside = [f for f in ordered if f.start < end and f.end > start]
            for s, e, kind, score in self.tag_segment(text, start, end, inside):
                if score >= MIN_SCORE:
                    out.append(self.finding(doc, kind, start + s, start + e, score))
        return out

    def tag_segment(
        self, text: str, start: int, end: int, rules: Iterable[Finding] = ()
    ) -> list[tuple[int, int, str, float]]:
        """The spans the model finds in ``text[start:end]``, offsets into it: what :meth:`tag` gives for the
        features :func:`segment_features` builds, computed in the core (features, gazetteer, word clusters, name
        lexicon, CRF)."""
        piece, toks, hints = _segment_inputs(text, start, end, rules, self.needs_tokens)
        return self._tagger.tag(piece, toks, hints)  # the gazetteer, the clusters and the name flags: in the core

    def tag(self, items: list[list[str]], piece: str) -> list[tuple[Span, float]]:
        """The spans the model finds in the feature sequence ``items`` of ``piece`` (feature strings, as
        :func:`segment_features` builds them), each with the mean marginal of its labels; spans are trimmed of
        spaces and punctuation, and a span of ASCII letters and digits alone (an order or customer code) is
        dropped. The reference :meth:`tag_segment` is held to; ``benchmarks/ner_train.py`` scores models with it."""
        if not items:
            return []
        labels, marginals = self._tagger.tag_items(items)
        out: list[tuple[Span, float]] = []
        for span in bio_spans(labels):
            s, e = span.start, span.end
            while s < e and piece[s] in _TRIM:
                s += 1
            while e > s and piece[e - 1] in _TRIM:
                e -= 1
            if e - s == 0 or _CODE_RE.fullmatch(piece, s, e):
                continue
            total = sum(marginals[i] for i in range(span.start, span.end))
            out.append((Span(s, e, span.type), total / (span.end - span.start)))
        return out


def merge(rules: Sequence[Finding], model: Iterable[Finding]) -> list[Finding]:
    """The detector's answer from its settled rule findings and the model's findings.

    Every rule finding of another type, and every name finding scored at least :data:`RULE_TRUST` (a cue backs it:
    an honorific, a label, a legal form), stays; the model fills only the gaps those leave. A weaker rule name
    finding (a lexicon match alone) stays where the model found nothing over it. In 5-fold cross-validation on
    ja-ner-wiki/dev this gains 0.007 micro F1 over filling the gaps of all rule findings.
    """
    trusted = [f for f in rules if f.type not in NER_TYPES or f.score >= RULE_TRUST]
    weak = [f for f in rules if f.type in NER_TYPES and f.score < RULE_TRUST]
    base = settle(trusted + outside(model, trusted))
    return settle(base + outside(weak, base))


def outside(extra: Iterable[Finding], kept: Sequence[Finding]) -> list[Finding]:
    """The findings of ``extra`` that overlap none of ``kept``: the model only fills the gaps the rules left."""
    extra = list(extra)
    if not extra or not kept:
        return extra
    taken = bytearray(max(max(f.end for f in kept), max(f.end for f in extra)))
    for f in kept:
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    return [f for f in extra if taken.find(1, f.start, f.end) == -1]


# Not in the default set: Detector(ner=True) adds it.
RECOGNIZERS: tuple[type[Recognizer], ...] = ()
