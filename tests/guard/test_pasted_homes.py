"""A home address the detector reads only as a place (a prefecture, a city) followed by a house number: a list of
people with such addresses pasted into the mail text is a list of people with home addresses (bulk_pii from
`BODY_LIST_RECORDS`), and a private person's forwarded words about their health beside such an address are their
own message about themselves (sensitive_pii). A column of whole dates spread over decades beside names is one of
birth dates, with or without a header."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import judge
from mamori.guard.checks import BODY_LIST_RECORDS
from mamori.guard.directory import parse_contacts
from mamori.guard.engine import BIRTH_YEARS_SPREAD, analyse_body, birth_date_rows, detect_lines, dwelling

from .conftest import CONTACTS, SIGNATURE, msg

PRIVATE = (  # private persons, each at their own provider, filed under one label
    "長田 守,オサダ マモル,mamoru.osada@box-three.test,個人\n"
    "小川 誠,オガワ マコト,makoto.ogawa@post-two.test,個人\n"
    "石井 彩,イシイ アヤ,aya.ishii@mail-one.test,個人\n"
)
ALPHA = [("佐藤 太郎", "t.sato@alpha.example")]

# given names and surnames of the address book's size; towns deliberately placed in another prefecture (the way
# made-up or mistyped addresses are), so that the detector finds the prefecture alone
PEOPLE = [("野口", "亮"), ("三浦", "楓"), ("桑原", "仁"), ("平田", "光"), ("川村", "潤"), ("杉本", "萌"),
          ("浜田", "修"), ("宮本", "彩"), ("荒木", "剛"), ("関口", "遥"), ("今井", "巧"), ("北村", "結")]  # fmt: skip
TOWNS = ["青森県品川区大井", "熊本県堺市北区新金岡", "福井県札幌市中央区南一条", "長野県中野区弥生"]


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + PRIVATE)


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


def mail(text: str) -> str:
    return f"株式会社アルファ\n佐藤様\n\nお世話になっております。\n{text}\n\nよろしくお願いいたします。" + SIGNATURE


def rows(n: int, home: str = "{town}{k}丁目{m}番{j}号") -> str:
    """n rows of a table without a header: name, kana-less code, home, phone."""
    out = []
    for i, (s, g) in enumerate(PEOPLE[:n]):
        town = TOWNS[i % len(TOWNS)]
        where = home.format(town=town, k=1 + i % 7, m=2 + i, j=3 + i % 5)
        out.append(f"{s} {g}\t会員{100 + i}\t{where}\t090-4411-{2200 + i}")
    return "\n".join(out)


def found(line: str, detector) -> list:
    return detect_lines([line], detector)[0]


# --- the shape itself ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["住所は青森県品川区大井3丁目4番5号です", "熊本県北区新金岡2-14-5 コーポ101", "長野県中野区弥生三丁目"],
)
def test_a_place_with_a_house_number_is_a_home(line, detector):
    assert dwelling(line, found(line, detector))


def test_a_city_of_another_prefecture_with_a_house_number_is_now_an_address(detector):
    # the detector takes a city's shape after a known prefecture for an address (a city of another prefecture in
    # made-up data too): the home is found without the guard's own reading
    line = "熊本県堺市北区新金岡2-14-5 コーポ101"
    assert [f.type for f in found(line, detector)] == ["ADDRESS"]


@pytest.mark.parametrize(
    "line",
    [
        "担当エリアは青森県です。",
        "青森県 090-4411-2200",  # a phone after the place, not a house number
        "青森県知事許可第12345号",  # a licence number
        "青森県、3番目の現場です",  # another clause
    ],
)
def test_a_place_alone_is_not_a_home(line, detector):
    assert not dwelling(line, found(line, detector))


# --- a list of people pasted into the text -------------------------------------------------------------------


def test_ten_people_with_homes_pasted_without_a_header_are_held(book, history, policy, detector):
    text = mail("対象の方の一覧です。\n\n" + rows(BODY_LIST_RECORDS))
    info = analyse_body(text, detector)
    assert info.identifying >= BODY_LIST_RECORDS
    v = judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, book, history)
    assert "bulk_pii" in codes(v, "hold")


def test_nine_people_with_homes_are_not_held(book, history, policy, detector):
    text = mail("対象の方の一覧です。\n\n" + rows(BODY_LIST_RECORDS - 1))
    info = analyse_body(text, detector)
    assert info.identifying < BODY_LIST_RECORDS
    v = judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, book, history)
    assert "bulk_pii" not in codes(v)


def test_ten_people_with_their_area_only_are_not_held(book, history, policy, detector):
    text = mail("担当者の一覧です。\n\n" + rows(12, home="{town}担当"))
    info = analyse_body(text, detector)
    assert info.identifying == 0
    v = judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, book, history)
    assert "bulk_pii" not in codes(v)


# --- a private person's forwarded words with their home ------------------------------------------------------

FORWARD = (
    "\n\n---------- Forwarded message ---------\nFrom: 長田 守 <mamoru.osada@box-three.test>\nSubject: ご相談\n\n"
    "父が車椅子を使っているため、玄関にスロープを付けたいです。\n住所は{home}です。\n"
)


def test_health_beside_a_home_forwarded_to_a_company_is_held(book, history, policy, detector):
    text = mail("下記ご確認ください。") + FORWARD.format(home="福井県札幌市中央区南一条8丁目3番2号")
    m = replace(msg(to=ALPHA, body=text), body_info=analyse_body(text, detector))
    assert "sensitive_pii" in codes(judge(m, policy, book, history), "hold")


def test_health_beside_a_prefecture_alone_is_not_a_persons_record(book, history, policy, detector):
    text = mail("下記ご確認ください。") + FORWARD.format(home="福井県のほう")
    info = analyse_body(text, detector)
    assert info.quoted_sensitive == ()


# --- a column of birth dates without a header --------------------------------------------------------------------


def dated(n: int, year) -> str:
    """n rows without a header: name, a whole date of the year ``year(i)``, phone."""
    return "\n".join(
        f"{s} {g}\t{year(i)}-0{1 + i % 9}-2{i % 8}\t080-5150-{6600 + i}" for i, (s, g) in enumerate(PEOPLE[:n])
    )


def test_dates_spread_over_decades_beside_names_are_birth_dates(book, history, policy, detector):
    table = dated(BODY_LIST_RECORDS, lambda i: 1948 + 5 * i)
    assert len(birth_date_rows(table.splitlines())) == BODY_LIST_RECORDS
    text = mail("ご依頼の方々です。\n\n" + table)
    info = analyse_body(text, detector)
    assert info.identifying >= BODY_LIST_RECORDS
    assert "bulk_pii" in codes(judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, book, history), "hold")


def test_dates_of_one_season_beside_names_are_not_birth_dates(book, history, policy, detector):
    # visit or delivery dates: all within a few years
    table = dated(12, lambda i: 2024 + i % 3)
    assert birth_date_rows(table.splitlines()) == set()
    text = mail("見学会にご来場の方々です。\n\n" + table)
    info = analyse_body(text, detector)
    assert info.identifying < BODY_LIST_RECORDS
    assert "bulk_pii" not in codes(judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, book, history))


def test_a_spread_just_under_the_bound_is_not_read_as_birth_dates():
    table = dated(5, lambda i: 2000 + (BIRTH_YEARS_SPREAD - 1) * (i % 2))
    assert birth_date_rows(table.splitlines()) == set()
