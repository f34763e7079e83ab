"""Drafting a new incident from a gateway message, a discovery scan report or a letters check
(mamori.incidents.draft): cause, data types and people from the findings; nothing personal copied."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mamori.incidents.case import parse_case
from mamori.incidents.draft import DraftError, draft_case, form_values, from_letters, from_mail, from_scan


def _reason(code: str, *evidence: str) -> dict[str, Any]:
    return {"code": code, "severity": "hold", "detail": f"{code} detail 山田太郎", "evidence": list(evidence)}


def _att(types: list[str], records: int, name: str = "顧客名簿_山田太郎.xlsx") -> dict[str, Any]:
    return {"filename": name, "types": types, "records": records, "issues": []}


OPEN_LIST = [{"organization": "A社", "recipients": [{"address": "a@a.example", "field": "to"},
                                                    {"address": "b@a.example", "field": "Cc"}]},
             {"organization": "B社", "recipients": [{"address": "c@b.example", "field": "to"},
                                                    {"address": "d@b.example", "field": "bcc"}]}]  # fmt: skip

MAIL_CASES = [
    # (name, state, reasons, attachments, groups, cause, persons, data)
    ("similar recipient, a list attached", "delivered",
     [_reason("similar_recipient", "ya****@b.example"), _reason("pii_in_attachment", "山田■■")],
     [_att(["PERSON", "ADDRESS", "ORGANIZATION"], 120)], [], "email_misdelivery", 120, ("ADDRESS", "PERSON")),
    ("two files summed", "queued", [_reason("content_recipient_mismatch")],
     [_att(["PERSON", "PHONE"], 3), _att(["EMAIL"], 2), _att(["ORGANIZATION"], 0)], [], "email_misdelivery", 5,
     ("EMAIL", "PERSON", "PHONE")),
    ("special-care kinds from the reason", "held",
     [_reason("attachment_recipient_mismatch"), _reason("sensitive_pii", "健診結果.xlsx", "medical",
                                                        "disability (file name)")],
     [_att(["PERSON", "SENSITIVE"], 40)], [], "email_misdelivery", 40,
     ("PERSON", "SENSITIVE:disability", "SENSITIVE:medical")),
    ("special-care of no known kind", "delivered", [_reason("lookalike_domain"), _reason("sensitive_pii", "x.csv",
                                                                                           "sensitive")],
     [_att(["SENSITIVE"], 2)], [], "email_misdelivery", 2, ("SENSITIVE",)),
    ("open list: the visible addresses", "delivered", [_reason("open_recipient_list", "a*@a.example")], [],
     OPEN_LIST, "email_misdelivery", 3, ("EMAIL",)),
    ("bulk data, right recipient: cause left open", "delivered", [_reason("bulk_pii", "list.csv")],
     [_att(["PERSON", "MY_NUMBER"], 1500)], [], None, 1500, ("MY_NUMBER", "PERSON")),
    ("nothing found", "delivered", [_reason("first_time_recipient")], [], [], None, None, ()),
    ("an unknown type is left out", "delivered", [_reason("similar_recipient")],
     [_att(["PERSON", "NOT_A_TYPE"], 1)], [], "email_misdelivery", 1, ("PERSON",)),
]


@pytest.mark.parametrize(("name", "state", "reasons", "attachments", "groups", "cause", "persons", "data"),
                         MAIL_CASES, ids=[c[0] for c in MAIL_CASES])
def test_from_mail(name, state, reasons, attachments, groups, cause, persons, data) -> None:
    d = from_mail("0123456789abcdef", state, reasons, attachments, groups)
    assert (d.cause, d.persons, d.data) == (cause, persons, data)
    assert d.source == "mail" and "0123456789abcdef" in d.summary
    words = d.title + d.summary + " ".join(d.notes)
    assert "山田" not in words and ".xlsx" not in words and "@" not in words  # no name, file name or address


def test_mail_not_sent_is_noted() -> None:
    held = from_mail("m1", "held", [_reason("similar_recipient")], [], [])
    assert any("送信されていません" in n for n in held.notes)
    sent = from_mail("m1", "delivered", [_reason("similar_recipient")], [], [])
    assert not any("送信されていません" in n for n in sent.notes) and "状態: 送信済み" in sent.summary
    en = from_mail("m1", "cancelled", [_reason("bulk_pii")], [], [], lang="en")
    assert en.title.startswith("Incident from message") and any("has not left" in n for n in en.notes)


REPORT = {
    "summary": {"files": 3, "files_with_personal_data": 2, "not_fully_inspected": 1, "errors": 0, "records": 7,
                "counts": {"PERSON": 5, "ADDRESS": 2, "SENSITIVE": 4, "ORGANIZATION": 3, "MY_NUMBER": 1}},
    "files": [
        {"path": "/mnt/lost/顧客/山田太郎.csv", "records": 6, "issues": [], "error": None,
         "counts": {"PERSON": 4, "ADDRESS": 2, "SENSITIVE": 4}, "examples": {"PERSON": ["山田■■"]}},
        {"path": "/mnt/lost/memo.txt", "records": 1, "issues": [{"code": "encrypted"}], "error": None,
         "counts": {"PERSON": 1, "MY_NUMBER": 1}},
        {"path": "/mnt/other/memo.txt", "records": 0, "issues": [], "error": None, "counts": {"ORGANIZATION": 3}},
    ],
}

SCAN_CASES = [
    # (name, file, persons, data, incomplete note)
    ("the whole report", None, 7, ("ADDRESS", "MY_NUMBER", "PERSON", "SENSITIVE"), True),
    ("one file by its full path", "/mnt/lost/顧客/山田太郎.csv", 6, ("ADDRESS", "PERSON", "SENSITIVE"), False),
    ("one file by the end of its path", "lost/memo.txt", 1, ("MY_NUMBER", "PERSON"), True),
    ("a file without personal data", "/mnt/other/memo.txt", 0, (), False),
]


@pytest.mark.parametrize(("name", "file", "persons", "data", "incomplete"), SCAN_CASES, ids=[c[0] for c in SCAN_CASES])
def test_from_scan(name, file, persons, data, incomplete) -> None:
    d = from_scan(REPORT, file)
    assert (d.cause, d.persons, d.data) == ("loss_theft", persons, data)
    assert any("調べられなかった" in n for n in d.notes) == incomplete
    words = d.title + d.summary + " ".join(d.notes)
    assert "山田" not in words and "/mnt" not in words and "memo" not in words


@pytest.mark.parametrize(("report", "file", "field"), [
    ([], None, "(report)"), ({"files": []}, None, "summary"), ({"summary": {}}, None, "files"),
    (REPORT, "nothere.csv", "--file"), (REPORT, "memo.txt", "--file"),  # none / two files end with it
])  # fmt: skip
def test_from_scan_refuses(report, file, field) -> None:
    with pytest.raises(DraftError) as e:
        from_scan(report, file)
    assert e.value.field == field


def _letter(index: int, *problems: tuple[str, int]) -> dict[str, Any]:
    return {"index": index, "pages": [index], "recipient": None, "action": "hold" if problems else "ok",
            "problems": [{"code": c, "page": p, "detail": "山田 太郎 様の住所"} for c, p in problems]}


LETTER_CASES = [
    # (name, letters, cause, persons, data)
    ("wrong addresses", [_letter(1, ("name_mismatch", 1)), _letter(2, ("address_mismatch", 2)), _letter(3)],
     "letter_misdelivery", 2, ("ADDRESS", "PERSON")),
    ("another's pages", [_letter(1, ("foreign_page", 2), ("foreign_page", 3)), _letter(2)],
     "enclosure_error", 2, ("PERSON",)),
    ("one page named twice counts once", [_letter(1, ("foreign_page", 2), ("foreign_page", 2))],
     "enclosure_error", 1, ("PERSON",)),
    ("more enclosures than addresses", [_letter(1, ("foreign_page", 2)), _letter(2, ("foreign_page", 3)),
                                        _letter(3, ("unknown_recipient", 4))], "enclosure_error", 3,
     ("ADDRESS", "PERSON")),
    ("a tie goes to the address", [_letter(1, ("foreign_page", 2)), _letter(2, ("postal_code_mismatch", 3))],
     "letter_misdelivery", 2, ("ADDRESS", "PERSON")),
    ("no leak", [_letter(1, ("outside_window", 1)), _letter(2, ("duplicate_recipient", 2)),
                 _letter(3, ("unreadable_page", 3))], None, None, ()),
]


@pytest.mark.parametrize(("name", "letters", "cause", "persons", "data"), LETTER_CASES,
                         ids=[c[0] for c in LETTER_CASES])
def test_from_letters(name, letters, cause, persons, data) -> None:
    d = from_letters({"run": "/runs/山田.pdf", "letters": letters, "missing": ["C-001"]})
    assert (d.cause, d.persons, d.data) == (cause, persons, data)
    words = d.title + d.summary + " ".join(d.notes)
    assert "山田" not in words and "C-001" not in words and ".pdf" not in words


def test_from_letters_counts_other_codes_and_refuses_a_wrong_shape() -> None:
    d = from_letters({"letters": [_letter(1, ("outside_window", 1), ("name_mismatch", 1))]})
    assert "outside_window 1" in d.summary and d.persons == 1
    for bad, field in (("x", "(result)"), ({"letters": {}}, "letters"), ({"letters": ["x"]}, "letters[0]"),
                       ({"letters": [{"problems": "x"}]}, "letters[0].problems")):
        with pytest.raises(DraftError) as e:
            from_letters(bad)
        assert e.value.field == field


def test_draft_case_is_a_case_the_register_accepts() -> None:
    d = from_letters({"letters": [_letter(1, ("name_mismatch", 1))]})
    case = parse_case(draft_case(d, date(2026, 12, 7)))
    assert (case.cause, case.persons, case.data, case.event) == ("letter_misdelivery", 1, ("ADDRESS", "PERSON"),
                                                                 "leak")
    given = parse_case(draft_case(d, date(2026, 12, 7), cause="verbal", event="loss", persons=9))
    assert (given.cause, given.event, given.persons) == ("verbal", "loss", 9)
    open_ = from_mail("m", "delivered", [_reason("bulk_pii")], [], [])
    with pytest.raises(DraftError) as e:
        draft_case(open_, date(2026, 12, 7))
    assert e.value.field == "cause"
    with pytest.raises(DraftError) as e:
        draft_case(open_, date(2026, 12, 7), cause="other")
    assert e.value.field == "persons"


def test_form_values() -> None:
    d = from_mail("m", "delivered", [_reason("similar_recipient")], [_att(["PERSON"], 4)], [])
    v = form_values(d, date(2026, 12, 7))
    assert v["discovered_on"] == "2026-12-07" and v["cause"] == "email_misdelivery" and v["persons"] == 4
    assert v["data"] == ["PERSON"] and v["encryption"] == "none" and not v["malicious"]
    assert form_values(from_mail("m", "delivered", [], [], []), date(2026, 12, 7))["persons"] == ""
