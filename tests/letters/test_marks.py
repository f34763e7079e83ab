"""The control mark's payload and the manifest: round trips, strict decoding, no personal data in the code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mamori.letters.marks import (
    MAX_LETTERS,
    MAX_PAGES,
    Manifest,
    ManifestLetter,
    Mark,
    MarkError,
    decode,
    encode,
    manifest_from_json,
    recipient_hash,
)

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@st.composite
def marks(draw: st.DrawFn) -> Mark:
    letters = draw(st.integers(1, MAX_LETTERS))
    pages = draw(st.integers(1, MAX_PAGES))
    return Mark(
        draw(st.binary(min_size=4, max_size=4)),
        draw(st.integers(1, letters)),
        letters,
        draw(st.integers(1, pages)),
        pages,
        draw(st.binary(min_size=4, max_size=4)),
    )


@given(marks())
def test_round_trip(mark: Mark) -> None:
    text = encode(mark)
    assert len(text) == 28 and set(text) <= set(B32)  # QR alphanumeric mode: version 2 at level Q
    assert decode(text) == mark


@given(marks(), st.integers(0, 27), st.sampled_from(B32))
def test_any_one_character_changed_is_rejected(mark: Mark, at: int, ch: str) -> None:
    text = encode(mark)
    changed = text[:at] + ch + text[at + 1 :]
    assert decode(changed) == (mark if changed == text else None)


@given(st.text(max_size=40))
def test_other_texts_are_not_marks(text: str) -> None:
    decode(text)  # never raises
    assert decode("https://example.com/pay?id=1") is None
    assert decode(encode(Mark(b"abcd", 1, 1, 1, 1, b"wxyz")).lower()) is None


def test_out_of_range_fields_are_refused() -> None:
    with pytest.raises(MarkError):
        encode(Mark(b"abcd", 2, 1, 1, 1, b"wxyz"))  # letter 2 of 1
    with pytest.raises(MarkError):
        encode(Mark(b"abcd", 1, 1, 1, MAX_PAGES + 1, b"wxyz"))
    with pytest.raises(MarkError):
        encode(Mark(b"abc", 1, 1, 1, 1, b"wxyz"))


def test_recipient_hash_is_keyed_and_carries_no_id() -> None:
    a, b = recipient_hash(b"k1" * 8, "C100001"), recipient_hash(b"k2" * 8, "C100001")
    assert len(a) == 4 and a != b  # another run's key: another hash
    assert recipient_hash(b"k1" * 8, "C100002") != a
    text = encode(Mark(b"\x00\x01\x02\x03", 7, 9, 1, 2, a))
    assert "C100001" not in text and "100001" not in text


def test_manifest_round_trip_and_bad_manifests() -> None:
    m = Manifest(b"\x01\x02\x03\x04", b"k" * 16, "RUN.pdf",
                 (ManifestLetter(1, (1, 2), "C1"), ManifestLetter(2, (3,), None)))  # fmt: skip
    back = manifest_from_json(m.to_json())
    assert back == m
    assert back.mark(back.letters[0], 2) == Mark(m.run, 1, 2, 2, 2, recipient_hash(m.key, "C1"))
    text = m.to_json()
    for bad in ("", "{}", "[1]", text.replace('"mamori_marks": 1', '"mamori_marks": 9'),
                text.replace('"index": 2', '"index": 5'), text.replace('"01020304"', '"0102"')):  # fmt: skip
        with pytest.raises(MarkError):
            manifest_from_json(bad)
