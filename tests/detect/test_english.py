"""English PERSON, ORGANIZATION, LOCATION and ADDRESS recognizers (rules and lexicons)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers import default_recognizers

NAMES = ("english_names", "english_address")


def english(*names: str) -> Detector:
    """A detector of the built-in English recognizers named (all of them by default)."""
    return Detector([r for r in default_recognizers() if r.name in (names or NAMES)])


@pytest.fixture(scope="module")
def det() -> Detector:
    return english()


def found(det: Detector, text: str, type_: str | None = None) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in det.detect(text, "en") if type_ is None or f.type == type_]


def test_recognizers_run_on_english_only() -> None:
    recognizers = [r for r in default_recognizers() if r.name in NAMES]
    assert sorted(r.name for r in recognizers) == sorted(NAMES)
    for r in recognizers:
        # english_names also reads the English lines of a Japanese document and Latin names in a Japanese
        # line's name slots (before 様, in a list); never the Japanese names themselves
        assert r.languages == frozenset({"en", "ja"} if r.name == "english_names" else {"en"})
    got = [(f.type, f.text) for f in english("english_names").detect("山田太郎さん、John Smith様", "auto")]
    assert got == [("PERSON", "John Smith")]
    assert english("english_names").detect("山田太郎さんに資料を送りました。", "auto") == []


def test_english_lines_of_a_japanese_document() -> None:
    text = "各位\n\n先方からのメールを転送します。\n\nHi Anna,\nThanks for the call.\nBest regards,\nMaria Lopez\n"
    got = [(f.type, f.text) for f in english("english_names").detect(text, "auto")]
    assert got == [("PERSON", "Anna"), ("PERSON", "Maria Lopez")]


# ---- PERSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please ask Mr. John Smith to call back.", "John Smith"),
        ("Dr. Wells will see you now.", "Wells"),
        ("Mrs. Okonkwo-Adeyemi signed the form.", "Okonkwo-Adeyemi"),
        ("Dear Maria,\nthank you for your order.", "Maria"),
        ("Hi Tadeusz, can we talk?", "Tadeusz"),
        ("My name is Annika Lindqvist and I need help.", "Annika Lindqvist"),
        ("The form was signed by Galina D. Morozova yesterday.", "Galina D. Morozova"),
        ("We met Robert Johnson at the fair.", "Robert Johnson"),
    ],
)
def test_person_names_without_titles(det: Detector, text: str, name: str) -> None:
    assert ("PERSON", name) in found(det, text)


def test_title_is_not_part_of_the_name(det: Detector) -> None:
    people = found(det, "Ms. Helen Carter called.", "PERSON")
    assert people == [("PERSON", "Helen Carter")]


def test_possessive_is_cut(det: Detector) -> None:
    assert ("PERSON", "Emma Larsen") in found(det, "It was Emma Larsen's idea.")


def test_surname_alone_after_full_name(det: Detector) -> None:
    text = "The film was directed by Jindra Holinka and starring Holinka herself."
    assert found(det, text, "PERSON") == [("PERSON", "Jindra Holinka"), ("PERSON", "Holinka")]


@pytest.mark.parametrize(
    "text",
    [
        "I will pay the bill in may.",
        "Will you send the bill by May?",
        "May I ask what the bill is for?",
        "We will grant you a refund, as the policy says.",
        "The Quick Brown Fox.",
        "Thank you. Best regards",
    ],
)
def test_common_words_that_are_also_names_are_not_persons(det: Detector, text: str) -> None:
    assert found(det, text, "PERSON") == []


def test_lowercase_name_after_my_name_is(det: Detector) -> None:
    assert ("PERSON", "karin lindholm") in found(det, "hi, my name is karin lindholm.")


# ---- ORGANIZATION and LOCATION -----------------------------------------------------------------


def test_organization_with_legal_form(det: Detector) -> None:
    got = found(det, "She works at Acme Widgets Inc. in Chicago.")
    assert ("ORGANIZATION", "Acme Widgets Inc.") in got
    assert ("LOCATION", "Chicago") in got


def test_organization_words(det: Detector) -> None:
    assert ("ORGANIZATION", "Northwind Trading Group") in found(det, "Northwind Trading Group hired him.")
    assert ("ORGANIZATION", "Harlow University") in found(det, "He studied at Harlow University.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We moved here from Canada last year.", "Canada"),
        ("I will be travelling to New Zealand next week.", "New Zealand"),
        ("The conference is in Rotterdam.", "Rotterdam"),
        ("She grew up in Texas.", "Texas"),
    ],
)
def test_locations(det: Detector, text: str, place: str) -> None:
    assert ("LOCATION", place) in found(det, text)


def test_unknown_place_after_travel_cue(det: Detector) -> None:
    assert ("LOCATION", "Zlatnik") in found(det, "I am in Zlatnik for a business trip.")


# ---- ADDRESS ------------------------------------------------------------------------------------


def test_us_address_over_several_lines(det: Detector) -> None:
    text = "Ship to:\n1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States\nThanks"
    assert found(det, text, "ADDRESS") == [
        ("ADDRESS", "1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States")
    ]


def test_address_with_unit_on_one_line(det: Detector) -> None:
    text = "Please send it to 742 Evergreen Terrace Apt. 4, Springfield, OR 97477 by Friday."
    assert found(det, text, "ADDRESS") == [("ADDRESS", "742 Evergreen Terrace Apt. 4, Springfield, OR 97477")]


def test_uk_address_with_postcode(det: Detector) -> None:
    assert found(det, "Write to 10 Downing Street, London SW1A 2AA please.", "ADDRESS") == [
        ("ADDRESS", "10 Downing Street, London SW1A 2AA")
    ]


def test_european_street_and_city(det: Detector) -> None:
    got = found(det, "Our office: Keizersgracht 123, 1015 CJ Amsterdam, Netherlands.", "ADDRESS")
    assert got and got[0][1].startswith("Keizersgracht 123")
    assert ("ADDRESS", "Linzer Strasse 47") in found(det, "The station is on Linzer Strasse 47")


def test_military_and_po_box(det: Detector) -> None:
    assert found(det, "Mail it to PSC 1234, Box 5678\nAPO AE 09876 soon", "ADDRESS") == [
        ("ADDRESS", "PSC 1234, Box 5678\nAPO AE 09876")
    ]
    assert ("ADDRESS", "P.O. Box 318") in found(det, "Send it to P.O. Box 318")


def test_numbers_in_prose_are_not_addresses(det: Detector) -> None:
    for text in (
        "We sold 300 Units last year and 20 Apples.",
        "Chapter 11 of the book is long.",
        "In 2019 Apple released 3 new phones.",
    ):
        assert found(det, text, "ADDRESS") == [], text


# ---- robustness and speed ----------------------------------------------------------------------


def test_one_megabyte_line_finishes_quickly() -> None:
    rec = english()
    line = "Mr. John Smith lives at 12 High Street, Oxford OX1 4AB and works for Acme Ltd in London. " * 11000
    t = time.process_time()
    got = rec.detect(line, "en")
    assert time.process_time() - t < 60
    assert len(got) > 10000


@pytest.mark.parametrize("unit", ["A ", "Aa ", "1 ", "Mr. ", "the corner of ", "1 Main Street, ", "Xx" * 20 + " "])
def test_pathological_lines_are_linear(unit: str) -> None:
    rec = english()
    small, big = unit * 2000, unit * 20000
    t = time.process_time()
    rec.detect(small, "en")
    t_small = time.process_time() - t
    t = time.process_time()
    rec.detect(big, "en")
    t_big = time.process_time() - t
    assert t_big < max(5.0, 50 * t_small)  # quadratic work would be ~100x


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
def test_any_text_gives_valid_spans(text: str) -> None:
    rec = english()
    for f in rec.detect(text, "en"):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]


def test_town_on_the_line_above_its_country(det: Detector) -> None:
    got = found(det, "Kind regards,\nPia Jensen\n\nHolstebro\nDenmark\n")
    assert ("PERSON", "Pia Jensen") in got
    assert ("LOCATION", "Holstebro") in got
    assert ("LOCATION", "Denmark") in got


def test_signature_block_organization(det: Detector) -> None:
    got = found(det, "Best,\nOlga Petrova\nBrightwave\n+1 555 0100\n")
    assert ("ORGANIZATION", "Brightwave") in got


def test_email_local_part_is_not_a_name(det: Detector) -> None:
    assert found(det, "Write to JohnSmith@example.com today", "ORGANIZATION") == []
