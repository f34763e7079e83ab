"""CASE.json checking: a wrong or missing field is an error that names it; unknown fields are ignored."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mamori.incidents import CaseError, parse_case

GOOD: dict[str, Any] = {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 1,
                        "data": ["PERSON"]}


def test_defaults_of_the_contract() -> None:
    c = parse_case(dict(GOOD, note="FAX to a wrong number", source="test"))  # unknown fields are ignored
    assert c.discovered_on == date(2025, 6, 2)
    assert (c.malicious, c.recovered_unviewed, c.entrusted, c.high_level_encryption, c.key_compromised) == (
        False, False, False, False, False)
    assert c.personal_data is True  # default true
    assert parse_case(dict(GOOD, personal_data=False)).personal_data is False
    assert parse_case(dict(GOOD, encryption={"high_level": True})).key_compromised is False
    assert parse_case(dict(GOOD, data=["SENSITIVE:medical", "SENSITIVE", "CREDENTIALS"])).data[0] == "SENSITIVE:medical"


BAD = [
    ({k: v for k, v in GOOD.items() if k != "discovered_on"}, "discovered_on"),
    (dict(GOOD, discovered_on="2025/06/02"), "discovered_on"),
    (dict(GOOD, discovered_on="2025-02-30"), "discovered_on"),
    (dict(GOOD, discovered_on=20250602), "discovered_on"),
    (dict(GOOD, event="leaked"), "event"),
    ({k: v for k, v in GOOD.items() if k != "event"}, "event"),
    (dict(GOOD, cause="phishing"), "cause"),
    (dict(GOOD, persons=-1), "persons"),
    (dict(GOOD, persons="12"), "persons"),
    (dict(GOOD, persons=1.5), "persons"),
    (dict(GOOD, persons=True), "persons"),
    ({k: v for k, v in GOOD.items() if k != "persons"}, "persons"),
    (dict(GOOD, data="PERSON"), "data"),
    (dict(GOOD, data=["PERSON", "CREDITCARD"]), "data[1]"),
    (dict(GOOD, data=["SENSITIVE:"]), "data[0]"),
    (dict(GOOD, malicious="yes"), "malicious"),
    (dict(GOOD, entrusted=1), "entrusted"),
    (dict(GOOD, encryption=True), "encryption"),
    (dict(GOOD, encryption={"high_level": "true"}), "encryption.high_level"),
    (dict(GOOD, encryption={"high_level": True, "key_compromised": 0}), "encryption.key_compromised"),
    ([GOOD], "(case)"),
]


@pytest.mark.parametrize(("case", "field"), BAD, ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD)])
def test_bad_field_is_named(case: Any, field: str) -> None:
    with pytest.raises(CaseError) as e:
        parse_case(case)
    assert e.value.field == field
    assert e.value.message_en and e.value.message_ja
