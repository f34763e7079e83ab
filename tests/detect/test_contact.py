"""EMAIL, PHONE, POSTAL_CODE and IP_ADDRESS recognizers (mamori.detect.recognizers.contact)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.core_engine import postal_code_table
from mamori.detect.recognizers import contact


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector([cls() for cls in contact.RECOGNIZERS])


def found(det: Detector, text: str, type_: str, lang: str = "auto") -> list[str]:
    return [text[f.start : f.end] for f in det.detect(text, lang) if f.type == type_]


# ---- e-mail -----------------------------------------------------------------------------------------------


def test_email_forms(det: Detector) -> None:
    assert found(det, "メール：taro.yamada@example.co.jp までご連絡ください", "EMAIL") == ["taro.yamada@example.co.jp"]
    assert found(det, "What's your email? OskarLBerglund@rhyta.com", "EMAIL") == ["OskarLBerglund@rhyta.com"]
    # full-width address: the span is in the original text
    assert found(det, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "EMAIL") == ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"]
    assert found(det, "連絡は<a.b+tag@mail.example.com>へ。", "EMAIL") == ["a.b+tag@mail.example.com"]


def test_email_not(det: Detector) -> None:
    assert found(det, "@mention と user@localhost と a@b.c", "EMAIL") == []
    assert found(det, "価格は10@100円", "EMAIL") == []


# ---- phone ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("TEL：03-1234-5678", "03-1234-5678"),
        ("電話 045-123-4567 まで", "045-123-4567"),
        ("TEL 0422-60-5721", "0422-60-5721"),
        ("TEL 04992-8-5677", "04992-8-5677"),
        ("携帯：090-1234-5678", "090-1234-5678"),
        ("IP電話 050-1234-5678", "050-1234-5678"),
        ("フリーダイヤル 0120-123-456", "0120-123-456"),
        ("0800-123-4567（通話無料）", "0800-123-4567"),
        ("TEL：(03)1234-5678", "(03)1234-5678"),
        ("連絡先：（070）5318-2946", "（070）5318-2946"),
        ("ＴＥＬ：０３－１２３４－５６７８", "０３－１２３４－５６７８"),
        ("電話：０３ー１２３４ー５６７８", "０３ー１２３４ー５６７８"),
        ("携帯電話：09012345678", "09012345678"),
        ("Tel: +81-3-1234-5678", "+81-3-1234-5678"),
        ("電話 +81 90 1234 5678", "+81 90 1234 5678"),
        ("TEL06-6819-2735", "06-6819-2735"),
    ],
)
def test_japanese_phones(det: Detector, text: str, want: str) -> None:
    assert found(det, text, "PHONE") == [want]


def test_phone_line_break_and_csv(det: Detector) -> None:
    assert found(det, "電話番号\n03-1234-5678\n", "PHONE") == ["03-1234-5678"]
    csv = "顧客ID,氏名,電話番号,メール\nC001,山田,08012345678,a@example.com\nC002,佐藤,0312345678,b@example.com\n"
    assert found(det, csv, "PHONE") == ["08012345678", "0312345678"]


def test_phone_negatives(det: Detector) -> None:
    # another number's label; a plain 10-digit member number that happens to be a valid landline shape
    assert found(det, "会員番号：0966654573", "PHONE") == []
    assert found(det, "注文番号：0312345678", "PHONE") == []
    # dates, amounts, postal codes, 12-digit numbers
    assert found(det, "入社日：2024-04-16　金額：1,234,567円　〒100-0001", "PHONE") == []
    assert found(det, "伝票番号 123456789012", "PHONE") == []
    # a product code that only looks like a phone number
    assert found(det, "型番 AB-03-1234-5678", "PHONE") == []


def test_english_phones(det: Detector) -> None:
    assert found(det, "Can someone call me on (602)318-4476?", "PHONE") == ["(602)318-4476"]
    assert found(det, "Desk: +1-903-271-5836x412\n", "PHONE") == ["+1-903-271-5836x412"]
    assert found(det, "Fax: +41 (0)62 734 18 26", "PHONE") == ["+41 (0)62 734 18 26"]
    assert found(det, "Phone:\n0490 62 17 35\n", "PHONE") == ["0490 62 17 35"]
    assert found(det, "781 5296 office\n", "PHONE") == ["781 5296"]
    assert found(det, "Our offices are located at 6556 106 Rue Ettat", "PHONE") == []
    assert found(det, "When: 2000-04-16 11:34:35", "PHONE") == []
    assert found(det, "keep getting address 172.58.33.207 blocked", "PHONE") == []


def test_jp_phone_validation(det: Detector) -> None:
    def scores(number: str) -> list[float]:
        return [f.score for f in det.detect(f"電話：{number}", threshold=0.0) if f.type == "PHONE"]

    assert scores("0312345678") == [0.85]  # valid per the JP metadata (0.7 when only shaped like a number)
    assert scores("09012345678") == [0.85]
    assert scores("0120123456") == [0.85]
    assert scores("0012345678") == []
    assert scores("031234567") == []
    assert scores("1312345678") == []


# ---- postal code --------------------------------------------------------------------------------------------


def test_postal_code_lookup(det: Detector) -> None:
    bits = postal_code_table()  # what the core's POSTAL_CODE is handed

    def exists(code: str) -> bool:
        return bool(bits[int(code) >> 3] & (1 << (int(code) & 7)))

    assert exists("1000001")  # 東京都千代田区千代田
    assert exists("1008111")  # a large office's own code
    assert not exists("0000000")
    assert found(det, "〒1000001", "POSTAL_CODE") == ["1000001"]
    assert found(det, "〒1008111", "POSTAL_CODE") == ["1008111"]
    assert found(det, "〒0000000", "POSTAL_CODE") == []
    assert found(det, "〒999999", "POSTAL_CODE") == []


def test_postal_code_forms(det: Detector) -> None:
    assert found(det, "〒100-0001 東京都千代田区千代田1-1", "POSTAL_CODE") == ["100-0001"]
    assert found(det, "〒１００－０００１", "POSTAL_CODE") == ["１００－０００１"]
    assert found(det, "〒 1000001", "POSTAL_CODE") == ["1000001"]
    assert found(det, "郵便番号：100ー0001", "POSTAL_CODE") == ["100ー0001"]
    assert found(det, "送付先 100-0001 東京都千代田区", "POSTAL_CODE") == ["100-0001"]
    assert found(det, "氏名,郵便番号,住所\n山田,1000001,東京都\n", "POSTAL_CODE") == ["1000001"]


def test_postal_code_negatives(det: Detector) -> None:
    # a 7-digit number that is not a postal code (Japan Post's list) is one only written in full right after 〒
    # (a code newer than the list, or made-up test data): not without the 〒, not unhyphenated
    assert found(det, "〒999-9999", "POSTAL_CODE") == ["999-9999"]
    assert found(det, "受付番号 999-9999", "POSTAL_CODE") == []
    assert found(det, "〒9999999", "POSTAL_CODE") == []
    # a bare 7-digit number (an account number) is not reported
    assert found(det, "普通 1000001", "POSTAL_CODE") == []
    assert found(det, "口座番号 1000001", "POSTAL_CODE") == []
    # product codes
    assert found(det, "型番 100-0001-A", "POSTAL_CODE") == []
    assert found(det, "品番 AB-100-0001", "POSTAL_CODE") == []


# ---- IP ---------------------------------------------------------------------------------------------------


def test_ip_addresses(det: Detector) -> None:
    assert found(det, "keep getting address 195.214.87.163 blocked", "IP_ADDRESS") == ["195.214.87.163"]
    assert found(det, "client_ip = ?%//!%20\\|16.231.48.92|%20/", "IP_ADDRESS") == ["16.231.48.92"]
    assert found(det, "IPアドレス：2001:db8::8a2e:370:7334 から", "IP_ADDRESS") == ["2001:db8::8a2e:370:7334"]
    assert found(det, "version 1.2.3.4 and 999.1.1.1 and 10:30:00", "IP_ADDRESS") == []


# ---- robustness ----------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_any_text_gives_valid_spans(text: str) -> None:
    det = Detector([cls() for cls in contact.RECOGNIZERS])
    for f in det.detect(text):
        assert 0 <= f.start < f.end <= len(text)


def test_long_inputs_are_fast(det: Detector) -> None:
    for text in ("1-" * 200_000, "0" * 400_000, "@" * 200_000, "a@" * 100_000, ":" * 200_000, "1." * 200_000):
        t = time.process_time()
        det.detect(text)
        assert time.process_time() - t < 60


def test_phone_in_an_exchange_the_metadata_does_not_know(det: Detector) -> None:
    # 073-2xx is not allocated per phonenumbers' JP metadata; hyphenated with a phone label it is still a phone
    assert found(det, "電話番号：073-236-4185", "PHONE") == ["073-236-4185"]
    assert found(det, "番号 0732364185", "PHONE") == []


def test_quantities_are_not_numbers_of_anything(det: Detector) -> None:
    assert found(det, "TEL 0312345678円", "PHONE") == []
    assert found(det, "〒1000001円", "POSTAL_CODE") == []


def test_ip_after_a_word_ending_in_ver() -> None:
    # "server" is not "ver": the version-number exclusion needs a word of its own
    text = "server 10.0.0.5 down, v1.2.3.4 released"
    found = [text[f.start : f.end] for f in Detector([cls() for cls in contact.RECOGNIZERS]).detect(text)]
    assert found == ["10.0.0.5"]
