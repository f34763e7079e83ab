"""detect_many on several threads gives what detect gives, text by text, every time (the rules that ask SudachiPy
for morphemes call it from the core's threads: those calls must take turns)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mamori.detect import Detector
from mamori.detect.detector import MANY_CHUNK

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


def _letters(n: int) -> list[str]:
    """Short texts with findings of several kinds, each different (its number is in the phone and the amount)."""
    return [f"山田 太郎様\n電話 03-{1000 + k % 9000:04d}-{k % 10000:04d}\nご請求 {k} 円\n"
            f"〒100-0001 東京都千代田区千代田1-{k % 50 + 1}" for k in range(n)]


def test_a_stream_of_many_chunks_keeps_its_order_and_can_stop_early() -> None:
    texts = _letters(5 * MANY_CHUNK + 7)  # more chunks than are ever in flight; a short last one
    detector = Detector()
    one_by_one = [_key(detector.detect(t)) for t in texts]
    assert all(one_by_one) and len({tuple(k) for k in one_by_one}) > 1
    assert [_key(f) for f in detector.detect_many(iter(texts), threads=2)] == one_by_one  # a lazy iterable
    stream = detector.detect_many(texts, threads=2)
    first = [_key(next(stream)) for _ in range(MANY_CHUNK + 3)]
    stream.close()  # the caller stops: the chunks ahead are dropped, nothing hangs
    assert first == one_by_one[: MANY_CHUNK + 3]


def test_a_bad_text_in_a_stream_is_named() -> None:
    texts: list = _letters(2 * MANY_CHUNK)
    texts[MANY_CHUNK + 1] = b"bytes"
    stream = Detector().detect_many(texts, threads=2)
    with pytest.raises(TypeError, match="must be str"):
        for _ in stream:
            pass
