"""The fuzz target of the Rust core: random Unicode (lone surrogates, astral characters, controls, the characters
the rules care about) through every entry of `mamori._core`, checking that nothing raises and every offset is a
valid code-point index of the text given.

The normal run is a short fixed-seed pass; ``make fuzz`` runs a long randomised one (``MAMORI_FUZZ_EXAMPLES``
inputs per target).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.config import parse_detect_config
from mamori.detect.core_engine import builtin_engine, core_text

LONG = int(os.environ.get("MAMORI_FUZZ_EXAMPLES", "0"))
PROFILE = settings(
    max_examples=max(LONG, 1) if LONG else 120,
    derandomize=not LONG,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# pieces the rules look for, mixed with anything at all
_WORDS = [
    "山田", "太郎", "様", "さん", "氏名", "電話", "TEL", "〒", "100-0001", "東京都", "千代田区", "1-2-3", "号室",
    "株式会社", "銀行", "@", "example.co.jp", "090-1234-5678", "1234 5678 9018", "4111 1111 1111 1111",
    "生年月日", "昭和60年4月12日", "Mr.", "Smith", "Street", "12", "\n", "\t", ",", "|", "：", "（", "）", "ー",
    "ｰ", "－", "\u3000", "\ufeff", "\u2028", "\x00", "İ", "ſ", "Σ", "ΟΔΟΣ", "🙂", "\ud800", "\udfff",
]  # fmt: skip
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=60).map("".join)


def _spans_ok(text: str, rows: list) -> None:
    n = len(text)
    for f in rows:
        assert 0 <= f.start <= f.end <= n, (f.type, f.start, f.end, n)
        assert 0.0 <= f.score <= 1.0 and f.type and f.recognizer
        assert f.text == text[f.start : f.end]


@PROFILE
@given(text=_TEXT, lang=st.sampled_from(["auto", "ja", "en"]))
def test_find_never_raises_and_offsets_are_valid(text: str, lang: str) -> None:
    engine = builtin_engine()
    safe = core_text(text)
    assert len(safe) == len(text)
    _spans_ok(text, engine.find(text, lang))  # lone surrogates are read as U+FFFD, offsets kept
    _spans_ok(text, engine.detect(text, lang, 0.0))
    assert [(f.type, f.start, f.end) for f in engine.find(text, lang)] == [
        (f.type, f.start, f.end) for f in engine.find(safe, lang)
    ]


@PROFILE
@given(pieces=st.lists(st.tuples(_TEXT, _TEXT), max_size=12), threads=st.integers(1, 3))
def test_pieces_map_back_into_their_piece(pieces: list[tuple[str, str]], threads: int) -> None:
    detector = Detector(threads=threads)
    found = detector.detect_pieces(pieces)
    assert len(found) == len(pieces)
    for (_, text), fs in zip(pieces, found, strict=True):
        for f in fs:
            assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start : f.end]


_CONFIG = parse_detect_config(
    '[detect]\ndeny = ["Falcon", "ファルコン"]\nallow = ["03-1234-5678"]\n'
    '[[detect.custom]]\ntype = "EMPLOYEE_ID"\npattern = "EMP-[0-9]{6}"\ncontext = ["社員番号"]\n'
)


@PROFILE
@given(text=_TEXT)
def test_configured_engine_never_raises(text: str) -> None:
    for f in Detector(config=_CONFIG).detect(text):
        assert 0 <= f.start < f.end <= len(text)
