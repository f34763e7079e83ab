"""DATE_OF_BIRTH (mamori.detect.recognizers.birth_date): dates only where the context says birth."""

from __future__ import annotations

import pytest

from mamori.detect import Detector
from mamori.detect.recognizers import birth_date


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector([cls() for cls in birth_date.RECOGNIZERS])


def found(det: Detector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in det.detect(text) if f.type == "DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("生年月日：1985年4月12日", "1985年4月12日"),
        ("生年月日：1985/04/12（38歳）", "1985/04/12"),
        ("生年月日 1985-04-12", "1985-04-12"),
        ("生年月日：1985.4.12", "1985.4.12"),
        ("生年月日：昭和60年4月12日", "昭和60年4月12日"),
        ("生年月日：昭和60年04月12日生", "昭和60年04月12日"),
        ("生年月日：S60.4.12", "S60.4.12"),
        ("生年月日：H3/01/05", "H3/01/05"),
        ("生年月日：S60年4月12日", "S60年4月12日"),
        ("【生年月日】1985年4月12日（火）", "1985年4月12日"),
        ("生年月日\t1985/04/12", "1985/04/12"),
        ("Date of Birth: 5th December 1990", "5th December 1990"),
        ("She was born on the 5th of December, 1990.", "5th of December, 1990"),
        ("誕生日：12月5日", "12月5日"),
        ("生年月日：令和元年5月1日", "令和元年5月1日"),
        ("生年月日：平成元年1月8日", "平成元年1月8日"),
        ("生年月日：１９８５年４月１２日", "１９８５年４月１２日"),
        ("生年月日（西暦）：1985年 4月 12日", "1985年 4月 12日"),
        ("誕生日は1990年1月1日です", "1990年1月1日"),
        ("1985年4月12日生まれ", "1985年4月12日"),
        ("昭和60年4月12日生（38歳）", "昭和60年4月12日"),
        ("扶養親族：青木 沙耶（生年月日 1961年9月23日、個人番号 123456789018）", "1961年9月23日"),
        ("生年月日\n1985/04/12\n", "1985/04/12"),
        ("DOB: 04/12/1985", "04/12/1985"),
        ("Date of birth: 12 April 1985", "12 April 1985"),
        ("He was born on April 12, 1985 in Osaka.", "April 12, 1985"),
    ],
)
def test_birth_dates(det: Detector, text: str, want: str) -> None:
    assert found(det, text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "申込日：2024年4月12日",
        "入社日：2024/04/16",
        "旅券有効期限：2029/10/21",
        "出発日：2024/08/19　帰国日：2024/08/25",
        "2024年7月6日（土）の10時頃にお打ち合わせ",
        "生年月日：不明　入社日 2024/04/01",
        "生年月日：2099年1月1日",  # in the future
        "生年月日：昭和70年1月1日",  # 昭和 ended in its 64th year
        "生年月日：1985年13月1日",
        "生年月日：1985/02/30",
        "newborn 2024/04/01",
    ],
)
def test_not_birth_dates(det: Detector, text: str) -> None:
    assert found(det, text) == []


def test_csv_column(det: Detector) -> None:
    csv = (
        "顧客ID,氏名,生年月日,郵便番号,最終購入日\n"
        "C001,山田 太郎,1985/04/12,100-0001,2024/05/01\n"
        'C002,"佐藤, 花子",S60.4.12,100-0001,2024/05/02\n'
        "C003,鈴木 一郎,,100-0001,2024/05/03\n"
    )
    assert found(det, csv) == ["1985/04/12", "S60.4.12"]


def test_dates_in_a_form_with_several_dates(det: Detector) -> None:
    text = "受付日：2024年5月1日\n氏名：山田 太郎\n生年月日：1985年4月12日（39歳）\n入社日：2024年4月1日\n"
    assert found(det, text) == ["1985年4月12日"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("生まれは1979年11月3日です", ["1979年11月3日"]),
        ("生まれ：1979/11/03", ["1979/11/03"]),
        ("東京生まれ。2005年4月1日に入社", []),
    ],
)
def test_birth_word_before_the_date(text: str, want: list[str]) -> None:
    found = [
        text[f.start : f.end]
        for f in Detector([cls() for cls in birth_date.RECOGNIZERS]).detect(text)
        if f.type == "DATE_OF_BIRTH"
    ]
    assert found == want
