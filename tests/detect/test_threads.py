"""detect_many on several threads gives what detect gives, text by text, every time (the rules that ask SudachiPy
for morphemes call it from the core's threads: those calls must take turns)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mamori.detect import Detector

_EVAL = [Path(__file__).resolve().parents[3] / "shared" / "eval", Path("/work/shared/eval")]


def _prose() -> list[str]:
    """Wikipedia sentences: many of them make the person rule ask for morphemes."""
    for base in _EVAL:
        p = base / "ja-ner-wiki" / "dev.jsonl"
        if p.is_file():
            return [json.loads(line)["text"] for line in p.open(encoding="utf-8") if line.strip()][:1200]
    pytest.skip("shared evaluation data not found")


def _key(findings) -> list[tuple]:
    return [(f.type, f.start, f.end, round(f.score, 6), f.recognizer) for f in findings]


def test_threads_give_the_same_findings_as_one_by_one() -> None:
    texts = _prose()
    detector = Detector()
    one_by_one = [_key(detector.detect(t)) for t in texts]
    for _ in range(3):
        assert [_key(f) for f in detector.detect_many(texts, threads=3)] == one_by_one


def test_pieces_on_threads_equal_one_thread() -> None:
    texts = _prose()
    pieces = [("", t) for t in texts]
    one = [_key(f) for f in Detector(threads=1).detect_pieces(pieces)]
    assert [_key(f) for f in Detector(threads=3).detect_pieces(pieces)] == one
