"""個人番号, 法人番号, licence, passport, 在留カード, 保険証, 基礎年金番号, US SSN (recognizers.identifiers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers import identifiers


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector([cls() for cls in identifiers.RECOGNIZERS])


# the tests' own reference check digits (the core's are tested in core/src/checksums.rs)
def my_number_check_digit(base11: str) -> int:
    r = sum(w * int(c) for w, c in zip((6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2), base11, strict=True)) % 11
    return 0 if r <= 1 else 11 - r


def corporate_number_check_digit(base12: str) -> int:
    return 9 - sum(int(c) * (2 if n % 2 == 0 else 1) for n, c in enumerate(reversed(base12), start=1)) % 9


def ean13_valid(digits: str) -> bool:
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits[:12]))
    return (10 - s % 10) % 10 == int(digits[12])


def found(det: Detector, text: str, type_: str) -> list[str]:
    return [text[f.start : f.end] for f in det.detect(text) if f.type == type_]


def scores(det: Detector, text: str, type_: str) -> list[float]:
    return [f.score for f in det.detect(text, threshold=0.0) if f.type == type_]


MY = "123456789018"  # valid
MY_BAD = "123456789019"
CORP = "5835678256246"  # valid
JAN_CORP = next(  # a JAN code (EAN-13, prefix 49) that also passes the corporate-number check
    n
    for n in (f"49{i:011d}" for i in range(10**6))
    if ean13_valid(n) and str(corporate_number_check_digit(n[1:])) == n[0]
)


# ---- My Number ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (f"個人番号：{MY}", MY),
        ("マイナンバー：1234-5678-9018", "1234-5678-9018"),
        ("マイナンバー（個人番号）：1234 5678 9018", "1234 5678 9018"),
        ("個人番号：１２３４５６７８９０１８", "１２３４５６７８９０１８"),
        ("My Number: 1234 5678 9018", "1234 5678 9018"),
        (f"扶養親族：青木 沙耶（生年月日 1961年9月23日、個人番号 {MY}）", MY),
        (f"個人番号\n{MY}\n", MY),
    ],
)
def test_my_number_found(det: Detector, text: str, want: str) -> None:
    assert found(det, text, "MY_NUMBER") == [want]
    assert max(scores(det, text, "MY_NUMBER")) >= 0.85


def test_my_number_needs_its_check_digit(det: Detector) -> None:
    assert found(det, f"個人番号：{MY_BAD}", "MY_NUMBER") == []


@pytest.mark.parametrize(
    "label", ["注文番号", "ご注文番号", "請求書番号", "会員番号", "伝票番号", "受付番号", "顧客ID"]
)
@pytest.mark.parametrize("value", [MY, "1234-5678-9018", "123-4567890-18"])
def test_order_numbers_passing_the_check_digit_stay_below(det: Detector, label: str, value: str) -> None:
    text = f"{label}：{value}"
    assert found(det, text, "MY_NUMBER") == []
    assert all(s < 0.5 for s in scores(det, text, "MY_NUMBER"))


def test_unlabelled_twelve_digits_stay_below(det: Detector) -> None:
    assert found(det, f"番号は {MY} です", "MY_NUMBER") == []


def test_keyword_within_proximity_reports_an_unlabelled_my_number(det: Detector) -> None:
    # Purview's rule: check digit + keyword within 300 characters, even with no label on the value's line
    text = f"マイナンバーの提出をお願いします。\n\n書類に記載の番号:\n{MY}\n以上"
    assert found(det, text, "MY_NUMBER") == [MY]
    far = "マイナンバーの提出をお願いします。" + "。" * 400 + f"番号は {MY} です"
    assert found(det, far, "MY_NUMBER") == []


def test_keyword_nearby_does_not_rescue_an_order_number(det: Detector) -> None:
    assert found(det, f"マイナンバーは別紙にて。注文番号：{MY}", "MY_NUMBER") == []


def test_csv_member_number_column(det: Detector) -> None:
    csv = f"顧客ID,氏名,メール,会員番号\nC001,山田,a@example.com,{MY}\n"
    assert found(det, csv, "MY_NUMBER") == []
    csv2 = f"社員番号,氏名,個人番号\n1001,山田,{MY}\n"
    assert found(det, csv2, "MY_NUMBER") == [MY]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_valid_my_number_with_label(base: str) -> None:
    det = Detector([cls() for cls in identifiers.RECOGNIZERS if cls.name == "my_number"])
    num = base + str(my_number_check_digit(base))
    assert [f.type for f in det.detect(f"マイナンバー：{num}")] == ["MY_NUMBER"]
    assert det.detect(f"注文番号：{num}") == []


# ---- corporate number --------------------------------------------------------------------------------------


def test_corporate_number(det: Detector) -> None:
    assert found(det, f"法人番号：{CORP}", "CORPORATE_NUMBER") == [CORP]
    assert found(det, "法人番号 5-8356-7825-6246", "CORPORATE_NUMBER") == ["5-8356-7825-6246"]
    assert found(det, f"登録番号：T{CORP}", "CORPORATE_NUMBER") == [CORP]  # the span leaves T out
    assert found(det, f"適格請求書発行事業者 T{CORP}", "CORPORATE_NUMBER") == [CORP]
    assert found(det, f"法人番号：2{CORP[1:]}", "CORPORATE_NUMBER") == []  # wrong check digit


def test_jan_codes_are_not_corporate_numbers(det: Detector) -> None:
    assert found(det, f"JAN：{JAN_CORP}", "CORPORATE_NUMBER") == []
    assert found(det, f"対象商品：電子辞書（JAN {JAN_CORP}）", "CORPORATE_NUMBER") == []
    assert found(det, f"商品 {JAN_CORP}", "CORPORATE_NUMBER") == []


# ---- driving licence, passport, residence card ------------------------------------------------------------------


def test_drivers_license(det: Detector) -> None:
    assert found(det, "運転免許証番号：903142705910", "DRIVERS_LICENSE") == ["903142705910"]
    assert found(det, "免許証番号 第123456789012号", "DRIVERS_LICENSE") == ["123456789012"]
    assert found(det, "注文番号：903142705910", "DRIVERS_LICENSE") == []


def test_drivers_license_is_not_a_my_number(det: Detector) -> None:
    text = f"運転免許証番号：{MY}"
    assert found(det, text, "MY_NUMBER") == []
    assert found(det, text, "DRIVERS_LICENSE") == [MY]


def test_passport(det: Detector) -> None:
    assert found(det, "旅券番号：TK4083527", "PASSPORT") == ["TK4083527"]
    assert found(det, "パスポート（旅券番号：MB7314062）", "PASSPORT") == ["MB7314062"]
    assert found(det, "Passport No. TK1234567", "PASSPORT") == ["TK1234567"]
    assert found(det, "型番：TK4083527", "PASSPORT") == []
    assert found(det, "SKU TK4083527X", "PASSPORT") == []


def test_residence_card(det: Detector) -> None:
    assert found(det, "在留カード番号：AB12345678CD", "RESIDENCE_CARD") == ["AB12345678CD"]
    assert found(det, "XAB12345678CD", "RESIDENCE_CARD") == []


def test_health_insurance(det: Detector) -> None:
    text = "被保険者証 記号 12345 番号 67"
    assert found(det, text, "HEALTH_INSURANCE") == ["12345 番号 67"]
    assert found(det, "保険証の記号：A-123・番号：45（枝番 01）", "HEALTH_INSURANCE") == ["A-123・番号：45（枝番 01"]


def test_pension_number(det: Detector) -> None:
    assert found(det, "基礎年金番号：1234-567890", "PENSION_NUMBER") == ["1234-567890"]
    assert found(det, "受付番号：1234-567890", "PENSION_NUMBER") == []


# ---- US SSN ---------------------------------------------------------------------------------------------------


def test_us_ssn(det: Detector) -> None:
    assert found(det, "Here's my SSN: 529-41-7730", "US_SSN") == ["529-41-7730"]
    assert found(det, "social security number is 604-28-3915", "US_SSN") == ["604-28-3915"]
    assert found(det, "SSN: 666-12-3456", "US_SSN") == []
    assert found(det, "Order 529417730 shipped", "US_SSN") == []


def test_label_after_the_value(det: Detector) -> None:
    assert found(det, f"{MY}（マイナンバー）", "MY_NUMBER") == [MY]
    assert found(det, f"{CORP}（法人番号）", "CORPORATE_NUMBER") == [CORP]
    assert found(det, f"{MY}（注文番号）", "MY_NUMBER") == []


def test_invoice_number_variants(det: Detector) -> None:
    assert found(det, f"登録番号：T-{CORP}", "CORPORATE_NUMBER") == [CORP]
    assert found(det, "旅券番号：TK 1234567", "PASSPORT") == ["TK 1234567"]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789０１２ -ー()（）.,\n:：個人番号法T旅券AB生年月日〒@"), max_size=200))
def test_number_soup_gives_valid_spans(text: str) -> None:
    from mamori.detect.recognizers import birth_date, contact, finance

    det = Detector([cls() for m in (contact, identifiers, finance, birth_date) for cls in m.RECOGNIZERS])
    found_spans = det.detect(text, threshold=0.0)
    for f in found_spans:
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
