"""`Detector`: runs the recognizers over a text and settles their findings into one answer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from mamori import _core
from mamori.detect.config import DetectConfig
from mamori.detect.core_engine import (
    CoreRecognizer,
    config_recognizers,
    core_findings,
    core_text,
    engine_for,
    surrogate_safe,
)
from mamori.detect.document import Document, Lexicon
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

if TYPE_CHECKING:
    from mamori.detect.recognizers.ner_crf import NerCrf

DEFAULT_THRESHOLD = 0.5
MANY_CHUNK = 256
"""Texts handed to the core at once by :meth:`Detector.detect_many` with threads."""


def settle(findings: Iterable[Finding]) -> list[Finding]:
    """Resolve overlaps: the longer finding wins, then the higher score; returns findings in text order.

    Two findings of one type never overlap in the result; findings of different types overlap only
    when one of them is of a type that may (``SENSITIVE``). The core's settlement (one implementation for
    both): linear in the text length and n·log n in the number of findings.
    """
    items = list(findings)
    if not items:
        return []
    kept = _core.settle_spans([(f.type, f.start, f.end, f.score) for f in items])
    return [items[i] for i in kept]


class Detector:
    """A reusable, warm detector. Build it once; call :meth:`detect` for each text.

    ``recognizers`` defaults to every built-in recognizer; ``threshold`` drops findings scored
    below it; ``types`` keeps only the named entity types. ``ner=True`` adds the optional CRF name
    model (in the core; RuntimeError saying why when its model file is missing). ``config``
    adds an organisation's own patterns, deny and allow lists (:mod:`mamori.detect.config`; a bad
    pattern raises :class:`~mamori.detect.config.DetectConfigError`). ``threads`` is how many texts
    :meth:`detect_many` works on at once by default (each on its own core, without the GIL).
    """

    def __init__(
        self,
        recognizers: Sequence[Recognizer] | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        types: Iterable[str] | None = None,
        ner: bool = False,
        config: DetectConfig | None = None,
        threads: int = 1,
    ) -> None:
        if recognizers is None:
            from mamori.detect.recognizers import default_recognizers

            recognizers = default_recognizers()
        # The organisation's own rules ([detect] in mamori.toml) run in the core with the built-in ones.
        self.config = config if config else None
        self._engine = engine_for(self.config)
        if self.config is not None:
            recognizers = [*recognizers, *config_recognizers(self.config)]
        self.threshold = threshold
        self.threads = max(1, threads)
        self.types = frozenset(types) if types is not None else None
        self._types_sorted = sorted(self.types) if self.types is not None else None  # as the core takes them
        self.recognizers: list[Recognizer] = [
            r for r in recognizers if self.types is None or self.types & set(r.entities)
        ]
        self.lexicon = Lexicon()
        for r in self.recognizers:
            for group, words in r.keywords.items():
                self.lexicon.add(group, words)
        # When every recognizer is in the core, a text goes through the core alone (settled there too).
        self._core_only = bool(self.recognizers) and all(isinstance(r, CoreRecognizer) for r in self.recognizers)
        names = {r.name for r in self.recognizers if isinstance(r, CoreRecognizer)}
        # None: every recognizer of the engine (saves handing the list over and checking it for each text)
        every = {name for name, _, _ in self._engine.recognizers()}
        self._core_names: list[str] | None = None if names == every else sorted(names)
        # The optional CRF (in the core): run after the rules, with their findings as features.
        self.ner: NerCrf | None = None
        if ner:
            from mamori.detect.recognizers.ner_crf import NER_TYPES, NerCrf

            if self.types is None or self.types & set(NER_TYPES):
                self.ner = NerCrf()

    def detect(self, text: str, lang: str = "auto", *, threshold: float | None = None) -> list[Finding]:
        """Findings in ``text`` scored at or above the threshold, in text order."""
        if lang not in ("auto", "ja", "en"):
            raise ValueError(f"lang must be 'auto', 'ja' or 'en', not {lang!r}")
        cut = self.threshold if threshold is None else threshold
        if self._core_only and self.ner is None:
            if not isinstance(text, str):
                raise TypeError(f"text must be str, not {type(text).__name__}")
            return self._engine.detect(text, lang, cut, self._types_sorted, self._core_names)
        doc = Document(text, lang, self.lexicon)
        found, hints = self.rule_findings(doc, cut, self.ner.entities if self.ner is not None else ())
        if self.ner is not None and self.ner.supports(doc.lang):
            from mamori.detect.recognizers.ner_crf import merge

            extra = [
                f
                for f in self.ner.find_with(doc, hints)
                if f.score >= cut and (self.types is None or f.type in self.types)
            ]
            return merge(settle(found), extra)
        return settle(found)

    def rule_findings(
        self, doc: Document, cut: float, hint_types: Iterable[str] = ()
    ) -> tuple[list[Finding], list[Finding]]:
        """The recognizers' findings scored at least ``cut`` (not settled yet), and every finding of the
        ``hint_types`` at any score: the NER model takes those as features."""
        found: list[Finding] = []
        hints: list[Finding] = []
        hint_types = frozenset(hint_types)
        from_core = core_findings(self.recognizers, doc, self._engine)
        allow = self.config is not None and bool(self.config.allow)
        for r in self.recognizers:
            if not r.supports(doc.lang):
                continue
            for f in from_core[r.name] if isinstance(r, CoreRecognizer) else r.find(doc):
                if allow and not isinstance(r, CoreRecognizer) and self._engine.allows(f.text):
                    continue
                if f.type in hint_types:
                    hints.append(f)
                if f.score >= cut and (self.types is None or f.type in self.types):
                    found.append(f)
        return found, hints

    @property
    def core_only(self) -> bool:
        """Whether every text goes through the core alone (no recognizer written in Python, no CRF)."""
        return self._core_only and self.ner is None

    def detect_pieces(
        self, pieces: Sequence[tuple[str, str]], lang: str = "auto", seconds: float | None = None
    ) -> list[list[Finding]]:
        """Findings per ``(context, text)`` piece in the core (see :mod:`mamori.detect.batch`), offsets into the
        piece's text, on the detector's ``threads``; after ``seconds`` no further batch starts, so the result may
        be shorter than ``pieces``. Only for a :attr:`core_only` detector."""
        if not self.core_only:
            raise ValueError("detect_pieces needs a detector whose recognizers are all in the core")
        results = self._engine.detect_pieces(
            pieces, lang, self.threshold, self._types_sorted, self._core_names, self.threads, seconds
        )
        for k, found in enumerate(results):
            if isinstance(found, str):
                raise RuntimeError(f"piece {k}: {found}")
        return results

    def detect_segments(
        self,
        texts: Sequence[tuple[str, str]],
        tables: Sequence[tuple[int, Sequence[str], Sequence[Sequence[str]], bool, int, int | None]],
        lang: str = "auto",
        seconds: float | None = None,
    ) -> tuple[int, int, list[str], bytes, bytes]:
        """:meth:`detect_pieces` over ``(context, text)`` pieces and whole tables, findings kept compact.

        A table is ``(at, header, rows, key_value, cells, keep)``: its cells come after the first ``at`` text
        pieces, one piece per non-empty cell (stripped, after its ``"header: "``; in a ``key_value`` form the
        row's first filled cell is the header of the cells after it), the first ``cells`` of them, the last cut
        at ``keep`` characters when not None. The batches are those of :meth:`detect_pieces` over the same
        pieces. Returns (pieces read, pieces in all, names, fields, scores): each finding is 9 native ``u32``
        of ``fields`` (0 text / 1 table, its index, row index, column index, start, end, and its type,
        recognizer, subtype as indices into ``names``, 2**32-1 for none) and one ``float`` of ``scores``.
        Only for a :attr:`core_only` detector; a piece the core failed on raises RuntimeError."""
        if not self.core_only:
            raise ValueError("detect_segments needs a detector whose recognizers are all in the core")
        if lang not in ("auto", "ja", "en"):
            raise ValueError(f"lang must be 'auto', 'ja' or 'en', not {lang!r}")

        def call(arg: tuple[Sequence[tuple[str, str]], Sequence[tuple]]) -> tuple[int, int, list[str], bytes, bytes]:
            return self._engine.detect_segments(
                arg[0], arg[1], lang, self.threshold, self._types_sorted, self._core_names, self.threads, seconds
            )

        def clean(arg: tuple[Sequence[tuple[str, str]], Sequence[tuple]]) -> tuple[list, list]:
            return (
                [(core_text(c), core_text(t)) for c, t in arg[0]],
                [
                    (at, [core_text(h) for h in header], [[core_text(c) for c in row] for row in rows], kv, n, keep)
                    for at, header, rows, kv, n, keep in arg[1]
                ],
            )

        return surrogate_safe(call, (texts, tables), clean)

    def detect_many(
        self, texts: Iterable[str], lang: str = "auto", *, threads: int | None = None
    ) -> Iterator[list[Finding]]:
        """Findings for each text of a batch or stream, in order.

        With ``threads`` (default: the detector's ``threads``) > 1 the core works on that many texts at once
        without the GIL (in chunks of
        :data:`MANY_CHUNK` texts), so one process uses every core; the results are the same as :meth:`detect`'s.
        A text the core fails on (a bug) raises RuntimeError naming its position.
        """
        threads = self.threads if threads is None else max(1, threads)
        if not (self._core_only and self.ner is None and threads > 1):
            for text in texts:
                yield self.detect(text, lang)
            return
        if lang not in ("auto", "ja", "en"):
            raise ValueError(f"lang must be 'auto', 'ja' or 'en', not {lang!r}")
        engine = self._engine
        chunk: list[str] = []
        done = 0
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"text must be str, not {type(text).__name__}")
            chunk.append(text)
            if len(chunk) >= MANY_CHUNK:
                yield from self._many(engine, chunk, lang, threads, done)
                done += len(chunk)
                chunk = []
        if chunk:
            yield from self._many(engine, chunk, lang, threads, done)

    def _many(self, engine, chunk: list[str], lang: str, threads: int, done: int) -> Iterator[list[Finding]]:
        results = engine.detect_many(chunk, lang, self.threshold, self._types_sorted, self._core_names, threads)
        for k, found in enumerate(results):
            if isinstance(found, str):
                raise RuntimeError(f"text {done + k}: {found}")
            yield found


_default: Detector | None = None


def default_detector() -> Detector:
    global _default
    if _default is None:
        _default = Detector()
    return _default


def detect(text: str, lang: str = "auto") -> list[Finding]:
    """Find personal information in ``text`` with the built-in recognizers."""
    return default_detector().detect(text, lang)
