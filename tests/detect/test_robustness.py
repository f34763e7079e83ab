"""Any ``str`` gives findings quickly and never an exception: odd code points, huge lines, random text.

Every finding must lie inside the text, with ``text[start:end] == finding.text`` (offsets in code points).
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.detect import Detector, Finding, mask


def _check(text: str, findings: list[Finding]) -> None:
    assert isinstance(findings, list)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text), (f.type, f.start, f.end, len(text))
        assert text[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0
        assert f.type
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.type))
    assert findings == ordered
    for i, a in enumerate(findings):
        for b in findings[i + 1 : i + 50]:
            if a.overlaps(b):
                assert a.type != b.type


def _run(detector: Detector, text: str, lang: str = "auto") -> list[Finding]:
    found = detector.detect(text, lang)
    _check(text, found)
    masked = mask(text, found)
    assert isinstance(masked, str)
    return found


@pytest.mark.parametrize("lang", ["auto", "ja", "en"])
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\u3000\t\r\n \u3000",
        "\x00",
        "電話\x00番号 03-1234-5678\x00 a@example.jp\x00",
        "\ud800",
        "個人番号 1234\udfff5678 9018 \ud83d",
        "\udc80\udcff" * 100,
        "\ufeff\u200b\u200d\u2028\u2029",
        "ｰｰｰｰ－－－―――ーーー" * 50,
        "0" * 10_000,
        "-" * 10_000,
        "@" * 5_000 + "." * 5_000,
        "a@" * 5_000,
        "03-" * 5_000,
        "山" * 10_000,
        "様" * 10_000,
        "東京都" * 3_000,
        "株式会社" * 3_000,
        "İ" * 100 + "ǅ",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_odd_inputs_never_raise(detector: Detector, text: str, lang: str) -> None:
    _run(detector, text, lang)


def test_offsets_are_code_points_with_astral_chars(detector: Detector) -> None:
    prefix = "😀🎉𠮷野家👨‍👩‍👧 "
    body = "連絡先：taro.yamada@example.co.jp 電話 090-1234-5678"
    text = prefix + body + " 🏯"
    for f in _run(detector, text):
        assert text[f.start : f.end] == f.text
        assert f.start >= len(prefix) - 1
    plain = _run(detector, body)
    shifted = _run(detector, text)
    assert [(f.type, f.start + len(prefix), f.end + len(prefix)) for f in plain] == [
        (f.type, f.start, f.end) for f in shifted
    ]


def test_non_str_is_rejected(detector: Detector) -> None:
    with pytest.raises(TypeError):
        detector.detect(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        detector.detect(None)  # type: ignore[arg-type]


_PIECES = [
    "090-1234-5678",
    "０３（１２３４）５６７８",
    "taro@example.co.jp",
    "〒100-0001",
    "東京都千代田区千代田1-1",
    "個人番号",
    "マイナンバー",
    "123456789018",
    "4111 1111 1111 1111",
    "生年月日",
    "昭和60年4月12日",
    "山田太郎様",
    "株式会社",
    "(株)",
    "口座番号",
    "普通",
    "1234567",
    "TK1234567",
    "免許証番号",
    "192.168.0.1",
    "2001:db8::1",
    "GB82 WEST 1234 5698 7654 32",
    "SSN 536-90-4399",
    "Mr. John Smith",
    "ー",
    "－",
    "\u3000",
    "\n",
    "\x00",
    "\ud800",
    "😀",
    "、",
    "：",
    " ",
    "様",
    "病気",
]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_PIECES),
                st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=20),
                st.text(alphabet="0123456789０１２３４５６７８９-ー－ ()@.", max_size=30),
                st.text(alphabet="あいうえおカタナ山田太郎東京都市区町村丁目番地号様株式会社", max_size=20),
            ),
            max_size=30,
        )
    )
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts(), lang=st.sampled_from(["auto", "ja", "en"]))
def test_random_text_never_raises_and_spans_are_exact(detector: Detector, text: str, lang: str) -> None:
    _run(detector, text, lang)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_any_code_points(detector: Detector, text: str) -> None:
    _run(detector, text)


@given(st.text(max_size=200))
@settings(max_examples=50, deadline=None)
def test_detection_is_deterministic(detector: Detector, text: str) -> None:
    assert detector.detect(text) == detector.detect(text)


_KEYWORDS = ["個人番号", "電話", "TEL", "〒", "様", "株式会社", "生年月日", "口座番号", "東京都", "市"]


def _huge_line(target_bytes: int, seed: int = 7) -> str:
    """About ``target_bytes`` of UTF-8 on one line: runs of digits, kana, ASCII, separators, keywords."""
    rng = random.Random(seed)
    runs = [
        lambda n: "".join(rng.choices("0123456789", k=n)),
        lambda n: "".join(rng.choices("あいうえおかきくけこアイウエオカキクケコーン", k=n)),
        lambda n: "".join(rng.choices("abcdefghijklmnopqrstuvwxyzABCXYZ", k=n)),
        lambda n: "".join(rng.choices("-－ー@.:/() 　", k=n)),
        lambda n: rng.choice(_KEYWORDS),
    ]
    chunk: list[str] = []
    size = 0
    while size < 1_000_000:
        s = rng.choice(runs)(rng.randint(1, 60))
        chunk.append(s)
        size += len(s.encode("utf-8"))
    block = "".join(chunk)
    return block * max(1, target_bytes // size)


def test_a_50_mb_line_finishes(detector: Detector) -> None:
    text = _huge_line(50_000_000)
    assert "\n" not in text and len(text.encode("utf-8")) > 45_000_000
    # CPU time of this process, not wall-clock: a guard against hangs (catastrophic backtracking) that a busy
    # machine cannot trip. The goal is far lower (>= 20 MB/s, so ~3 s); docs/benchmarks.md has the speed.
    t0 = time.process_time()
    found = detector.detect(text)
    elapsed = time.process_time() - t0
    assert elapsed < 120, f"a 50 MB line took {elapsed:.0f} s of CPU"
    for f in found[:1000] + found[-1000:]:
        assert text[f.start : f.end] == f.text
