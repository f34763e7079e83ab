"""Per-character features and BIO labels for the optional character-level NER model (the ``ner`` extra).

Pure functions: the text, its SudachiPy tokens, the name lexicon and the rule findings go in; one list of
string features per character comes out, in the form python-crfsuite takes. The same code builds the
training data (``benchmarks/ner_train.py``) and the features at detection time
(:mod:`mamori.detect.recognizers.ner_crf`), so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mamori.detect.morphology import Token
from mamori.detect.ner_resources import cluster_ids

NER_TYPES = ("PERSON", "ORGANIZATION", "LOCATION")
"""Types the model labels. Their BIO labels are ``B-PERSON``, ``I-PERSON``, ... and ``O``."""

FEATURE_SETS = ("chars", "morph", "lex", "rules", "gaz", "vec")
"""Groups of features, each adding to the ones before it; ``vec`` (word clusters) is the full set."""

_TYPE_NAMES = {"PERSON": "P", "ORGANIZATION": "O", "LOCATION": "L"}


@dataclass(frozen=True, slots=True)
class Span:
    """A typed span of a text: the label a model or a rule put on ``text[start:end]``."""

    start: int
    end: int
    type: str


def char_type(c: str) -> str:
    """K kanji, H hiragana, T katakana (and the long-vowel mark), A Latin letter, D digit, S space, Y other."""
    o = ord(c)
    if 0x3040 <= o <= 0x309F:
        return "H"
    if 0x30A0 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F or 0x31F0 <= o <= 0x31FF:
        return "T"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or c in "々〆ヶ":
        return "K"
    if c.isdigit():
        return "D"
    if c.isalpha():
        return "A"
    if c.isspace():
        return "S"
    return "Y"


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


def features(
    text: str,
    tokens: Sequence[Token] = (),
    lexicon_flags: Sequence[str] = (),
    rules: Iterable[tuple[int, int, str, str, float]] = (),
    feature_set: str = FEATURE_SETS[-1],
    gazetteer: Iterable[tuple[int, int, str]] = (),
    clusters: Sequence[int | None] = (),
) -> list[list[str]]:
    """Features of each character of ``text``.

    ``tokens`` are SudachiPy tokens covering the text; ``lexicon_flags`` the name-lexicon flags of each token
    (same order; '' when not listed); ``rules`` the (start, end, type, recognizer, score) of the rule findings;
    ``gazetteer`` the (start, end, kinds) of the proper nouns listed in the text; ``clusters`` the packed word
    cluster of each token (None when the word has none). ``feature_set`` is one of :data:`FEATURE_SETS`: each set
    includes the ones before it.
    """
    level = FEATURE_SETS.index(feature_set)
    n = len(text)
    types = [char_type(c) for c in text]
    padded = "\x02\x02" + text + "\x03\x03"
    ptypes = ["^", "^", *types, "$", "$"]
    out: list[list[str]] = []
    for i in range(n):
        c = text[i]
        j = i + 2
        t = types[i]
        f = [
            "c=" + c,
            "t=" + t,
            "c-1=" + padded[j - 1],
            "c+1=" + padded[j + 1],
            "c-2=" + padded[j - 2],
            "c+2=" + padded[j + 2],
            "b-=" + padded[j - 1 : j + 1],
            "b+=" + padded[j : j + 2],
            "b--=" + padded[j - 2 : j],
            "b++=" + padded[j + 1 : j + 3],
            "tt=" + ptypes[j - 1] + t + ptypes[j + 1],
            "tt-=" + ptypes[j - 2] + ptypes[j - 1] + t,
            "tt+=" + t + ptypes[j + 1] + ptypes[j + 2],
        ]
        out.append(f)
    if n:
        out[0].append("BOS")
        out[-1].append("EOS")
    if level >= 1:
        _token_features(out, tokens, lexicon_flags if level >= 2 else ())
    if level >= 3:
        for start, end, kind, recognizer, score in rules:
            short = _TYPE_NAMES.get(kind)
            if short is None:
                continue
            start, end = max(0, start), min(n, end)
            level_tag = "h" if score >= 0.5 else "l"
            for i in range(start, end):
                prefix = "B" if i == start else "I"
                out[i].append(f"r={prefix}{short}")
                out[i].append(f"rs={prefix}{short}{level_tag}")
                out[i].append(f"rn={recognizer}")
            if start > 0:
                out[start - 1].append(f"r+1=B{short}")
            if end < n:
                out[end].append(f"r-1=E{short}")
    if level >= 4:
        _gazetteer_features(out, gazetteer)
    if level >= 5:
        _cluster_features(out, tokens, clusters)
    return out


def _gazetteer_features(out: list[list[str]], spans: Iterable[tuple[int, int, str]]) -> None:
    """Position in each listed proper noun covering a character, by kind; the longest per kind counts."""
    n = len(out)
    best: dict[tuple[int, str], tuple[int, int]] = {}
    for start, end, kinds in spans:
        start, end = max(0, start), min(n, end)
        if end - start < 2:
            continue
        for kind in kinds:
            for i in range(start, end):
                got = best.get((i, kind))
                if got is None or got[1] - got[0] < end - start:
                    best[(i, kind)] = (start, end)
    for (i, kind), (start, end) in best.items():
        where = "B" if i == start else "E" if i == end - 1 else "I"
        out[i].append(f"g={where}{kind}")
        out[i].append(f"gl={where}{kind}{min(end - start, 6)}")
        if i == start and start > 0:
            out[start - 1].append(f"g+1={kind}")
        if i == end - 1 and end < n:
            out[end].append(f"g-1={kind}")


def _cluster_features(out: list[list[str]], tokens: Sequence[Token], clusters: Sequence[int | None]) -> None:
    """The word clusters of each character's token and of the tokens on either side."""
    n = len(out)
    ids = [cluster_ids(c) if c is not None else None for c in clusters]
    for k, tok in enumerate(tokens):
        start, end = max(0, tok.start), min(n, tok.end)
        if start >= end:
            continue
        here = ids[k] if k < len(ids) else None
        prev_ids = ids[k - 1] if 0 < k <= len(ids) else None
        next_ids = ids[k + 1] if k + 1 < len(ids) else None
        feats = (
            [f"v0={here[0]}", f"v1={here[1]}", f"v2={here[2]}"] if here is not None else ["v=none"]
        )
        if prev_ids is not None:
            feats.append(f"pv2={prev_ids[2]}")
        if next_ids is not None:
            feats.append(f"nv2={next_ids[2]}")
        for i in range(start, end):
            out[i].extend(feats)


def _token_features(out: list[list[str]], tokens: Sequence[Token], flags: Sequence[str]) -> None:
    n = len(out)
    for k, tok in enumerate(tokens):
        start, end = max(0, tok.start), min(n, tok.end)
        if start >= end:
            continue
        pos = tok.pos
        p = "-".join(pos[:4]) if pos else "?"
        surface = tok.surface if len(tok.surface) <= 12 else "*long"
        prev_tok = tokens[k - 1] if k > 0 else None
        next_tok = tokens[k + 1] if k + 1 < len(tokens) else None
        prev_s = prev_tok.surface if prev_tok is not None and len(prev_tok.surface) <= 4 else "*"
        next_s = next_tok.surface if next_tok is not None and len(next_tok.surface) <= 4 else "*"
        prev_p = "-".join(prev_tok.pos[:2]) if prev_tok is not None else "^"
        next_p = "-".join(next_tok.pos[:2]) if next_tok is not None else "$"
        common = [
            "p=" + p,
            "p1=" + (pos[1] if len(pos) > 1 else "?"),
            "w=" + surface,
            "wl=" + str(min(end - start, 6)),
            "pw=" + prev_s,
            "nw=" + next_s,
            "pp=" + prev_p,
            "np=" + next_p,
        ]
        lf = flags[k] if k < len(flags) else ""
        common.extend("lx=" + letter for letter in lf)
        if len(lf) > 0:
            common.append("lx")
        last = end - 1
        for i in range(start, end):
            where = "S" if start == last else "B" if i == start else "E" if i == last else "I"
            out[i].append("tp=" + where)
            out[i].append("tpp=" + where + p)
            out[i].extend(common)
