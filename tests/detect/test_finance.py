"""CREDIT_CARD, BANK_ACCOUNT and IBAN recognizers (mamori.detect.recognizers.finance)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers import finance


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector([cls() for cls in finance.RECOGNIZERS])


def luhn_check_digit(partial: str) -> int:
    """The digit that completes ``partial`` for Luhn (a test's own reference; the core's is tested in Rust)."""
    total = 0
    for i, ch in enumerate(reversed(partial + "0")):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def found(det: Detector, text: str, type_: str) -> list[str]:
    return [text[f.start : f.end] for f in det.detect(text) if f.type == type_]


# ---- cards ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "５５５５ ５５５５ ５５５５ ４４４４",
        "3530-1113-3330-0000",
        "3782 822463 10005",
        "3056-930902-5904",
    ],
)
def test_card_numbers(det: Detector, value: str) -> None:
    assert found(det, f"カード番号：{value}", "CREDIT_CARD") == [value]


def test_card_without_label(det: Detector) -> None:
    assert found(det, "お支払い 4111-1111-1111-1111 で承りました", "CREDIT_CARD") == ["4111-1111-1111-1111"]
    assert found(det, "My card 3558072146930515 is expiring", "CREDIT_CARD") == ["3558072146930515"]
    assert found(det, "Please block card no 213184273059167", "CREDIT_CARD") == ["213184273059167"]


def test_card_negatives(det: Detector) -> None:
    assert found(det, "カード番号：4111-1111-1111-1112", "CREDIT_CARD") == []  # Luhn fails
    assert found(det, "有効期限：03/29　カード：末尾 1234", "CREDIT_CARD") == []
    assert found(det, "会員番号：4111111111111111", "CREDIT_CARD") == []  # another number's label
    assert found(det, "4111-11111-111-1111", "CREDIT_CARD") == []  # not a card grouping
    # a 13-digit JAN code with a Visa-like first digit and a Luhn pass is not a card without a card label
    assert found(det, "JAN：4901234567894", "CREDIT_CARD") == []
    assert found(det, "商品 4000000000006", "CREDIT_CARD") == []


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="0123456789", min_size=14, max_size=14), st.sampled_from([" ", "-", ""]))
def test_any_visa_with_label(body: str, sep: str) -> None:
    det = Detector([cls() for cls in finance.RECOGNIZERS if cls.name == "credit_card"])
    num = "4" + body
    num += str(luhn_check_digit(num))
    value = sep.join([num[0:4], num[4:8], num[8:12], num[12:]])
    text = f"クレジットカード：{value}"
    assert [text[f.start : f.end] for f in det.detect(text)] == [value]


# ---- bank accounts ---------------------------------------------------------------------------------------------


def test_bank_accounts(det: Detector) -> None:
    assert found(det, "みずほ銀行 新宿支店 普通 口座番号 1234567", "BANK_ACCOUNT") == ["1234567"]
    assert found(det, "【振込先】\n常陽銀行 品川支店\n当座 口座番号：0417380\n", "BANK_ACCOUNT") == ["0417380"]
    assert found(det, "お支払い口座：福岡銀行 天神支店 普通 2086431", "BANK_ACCOUNT") == ["2086431"]
    assert found(det, "普通預金 口座番号:５２９１７０４", "BANK_ACCOUNT") == ["５２９１７０４"]
    assert found(det, "ゆうちょ銀行 記号番号 10120-12345671", "BANK_ACCOUNT") == ["10120-12345671"]


def test_bank_account_negatives(det: Detector) -> None:
    assert found(det, "社員番号：1234567", "BANK_ACCOUNT") == []
    assert found(det, "〒100-0001", "BANK_ACCOUNT") == []
    assert found(det, "受付番号 1234567　口座名義：ヤマダ タロウ", "BANK_ACCOUNT") == []


# ---- IBAN -------------------------------------------------------------------------------------------------------


def test_iban(det: Detector) -> None:
    assert found(det, "My IBAN is GB82WEST12345698765432", "IBAN") == ["GB82WEST12345698765432"]
    assert found(det, "IBAN: GB82 WEST 1234 5698 7654 32.", "IBAN") == ["GB82 WEST 1234 5698 7654 32"]
    assert found(det, "my iban is gb82west12345698765432", "IBAN") == ["gb82west12345698765432"]
    assert found(det, "IBAN GB82WEST12345698765433", "IBAN") == []
    assert found(det, "XGB82WEST12345698765432", "IBAN") == []


def test_amount_after_an_account_label(det: Detector) -> None:
    assert found(det, "口座振込 金額 1234567円", "BANK_ACCOUNT") == []
    assert found(det, "口座振込 1234567円", "BANK_ACCOUNT") == []
