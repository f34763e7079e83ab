"""Hostile inputs for the number recognizers (contact, identifiers, finance, birth date): valid spans, no hang."""

from __future__ import annotations

import time

import pytest

from mamori.detect import Detector
from mamori.detect.recognizers import birth_date, contact, finance, identifiers

_PATHOLOGICAL = [
    "\ud800\x00" * 1000,
    "1 " * 300_000,
    "1-" * 300_000,
    "生年月日" * 50_000,
    "生年月日：1985/04/12、" * 20_000,
    "a,b,c\n" + "1,2,3\n" * 50_000,
    "氏名,生年月日,電話\n" + "山田,1985/04/12,03-1234-5678\n" * 20_000,
    "個人番号：123456789018 " * 30_000,
    "TEL 03-1234-5678 " * 50_000,
    "カード 4111 1111 1111 1111 " * 20_000,
    "T" * 100_000,
]


@pytest.fixture(scope="module")
def det() -> Detector:
    modules = (contact, identifiers, finance, birth_date)
    return Detector([cls() for m in modules for cls in m.RECOGNIZERS])


@pytest.mark.parametrize("text", _PATHOLOGICAL, ids=[str(i) for i in range(len(_PATHOLOGICAL))])
def test_pathological_inputs_are_quick(det: Detector, text: str) -> None:
    t = time.process_time()
    for f in det.detect(text):
        assert 0 <= f.start < f.end <= len(text)
    assert time.process_time() - t < 60  # a hang guard: linear work takes seconds at most
