"""The new-incident form's answers as facts, and back (pure)."""

from __future__ import annotations

from mamori.incidents import parse_case
from mamori.web.incidents_form import DATA_CHOICES, case_from_form, data_label, form_from_case


def test_answers_become_a_case_and_back() -> None:
    form = {"discovered_on": "2026-12-01", "event": "loss", "cause": "loss_theft", "persons": "１，２００",
            "encryption": "key_lost", "malicious": "1", "entrusted": "1", "being_acquired": "1"}
    case = case_from_form(form, ["SENSITIVE:medical", "PERSON"])
    assert case["persons"] == 1200 and case["data"] == ["PERSON", "SENSITIVE:medical"]  # the form's order
    assert case["encryption"] == {"high_level": True, "key_compromised": True} and case["personal_data"] is False
    parsed = parse_case(case)
    assert parsed.malicious and parsed.entrusted and not parsed.recovered_unviewed
    back = form_from_case(case)
    assert back["encryption"] == "key_lost" and back["being_acquired"] and back["malicious"]
    assert not back["notification_difficult"] and back["persons"] == 1200


def test_no_encryption_and_a_word_for_a_number() -> None:
    case = case_from_form({"persons": "many", "encryption": "none"}, [])
    assert case["persons"] == "many" and case["encryption"] == {"high_level": False, "key_compromised": False}
    assert form_from_case(case_from_form({"encryption": "safe"}, []))["encryption"] == "safe"


def test_every_choice_is_a_data_type_with_labels() -> None:
    parse_case({"discovered_on": "2026-12-01", "event": "leak", "cause": "other", "persons": 1,
                "data": list(DATA_CHOICES)})
    for d in DATA_CHOICES:
        assert data_label(d, "ja") != d and data_label(d, "en") != d
