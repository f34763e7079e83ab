"""Plain text: encodings and line endings kept, values gone, --types honoured; a property test over random text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.redaction import Redaction, RedactionError, UnsupportedFormat, redact
from mamori.redaction.core import replacement
from tests.redaction.conftest import EMAIL, NAME, PHONE

TEXT = f"お問い合わせは{NAME}（{PHONE}）まで。\r\nメール: {EMAIL}\r\n会議は明日の10時からです。\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc-jp"])
def test_encoding_and_line_endings_kept(detector, encoding: str) -> None:
    data = TEXT.encode(encoding)
    result = redact(data, "memo.txt", detector)
    assert isinstance(result, Redaction)
    assert result.data.startswith(codecs.BOM_UTF8) == (encoding == "utf-8-sig")
    text = result.data.decode(encoding)  # strict: still valid in its own encoding
    for value in (NAME, PHONE, EMAIL):
        assert value not in text
        assert value.encode(encoding) not in result.data
    assert "会議は明日の10時からです。" in text
    assert text.count("\r\n") == 3
    assert result.masked == {"EMAIL": 1, "PERSON": 1, "PHONE": 1}
    assert result.skipped == []


def test_types_limit_what_is_masked(detector) -> None:
    result = redact(TEXT.encode(), "memo.txt", detector, types=["PHONE"])
    text = result.data.decode()
    assert PHONE not in text
    assert NAME in text and EMAIL in text
    assert set(result.masked) == {"PHONE"}


@pytest.mark.parametrize(("style", "expected"), [("type", "<PHONE>"), ("block", "■" * len(PHONE))])
def test_styles(detector, style: str, expected: str) -> None:
    text = redact(TEXT.encode(), "memo.txt", detector, types=["PHONE"], style=style).data.decode()
    assert expected in text


def test_partial_mask_never_keeps_the_value() -> None:
    # a phone written without groups keeps no digit
    assert "09012345678" not in replacement("PHONE", "09012345678", "partial")
    assert replacement("PHONE", "09012345678", "partial") == "*" * 11


def test_repeated_value_masked_everywhere(detector) -> None:
    text = f"担当: {NAME}\n{NAME}\n".encode()
    assert NAME.encode() not in redact(text, "a.txt", detector).data


def test_unsupported_and_undecodable(detector) -> None:
    with pytest.raises(UnsupportedFormat):
        redact(b"%PDF-1.4", "a.pdf", detector)
    with pytest.raises(RedactionError):
        redact(bytes(range(256)) * 4, "a.txt", detector)


_ALPHABET = st.sampled_from(
    list("山田太郎佐藤花子鈴木一郎東京都千代田区丸の内様さんはです、。：:（）()-@._ \n")
    + list("0123456789abcdexyzJohnSmith")
    + ["090-1234-5678", "03-1234-5678", "taro@example.com", "電話: ", "氏名: ", "〒100-0005", "John Smith"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_no_detected_value_survives(detector, text: str) -> None:
    findings = detector.detect(text)
    out = redact(text.encode("utf-8"), "random.txt", detector).data.decode("utf-8")
    for f in findings:
        if len(f.text.strip()) >= 2:  # a one-character value (田) is masked where found, not everywhere
            assert f.text not in out, f
