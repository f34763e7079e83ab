"""Properties of the assessment over generated cases (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.incidents import assess, parse_case
from mamori.incidents.case import CAUSES, EVENTS

TYPES = ["PERSON", "ADDRESS", "PHONE", "EMAIL", "MY_NUMBER", "CREDIT_CARD", "BANK_ACCOUNT", "CREDENTIALS",
         "SENSITIVE", "SENSITIVE:medical", "SENSITIVE:criminal", "DATE_OF_BIRTH"]

cases = st.fixed_dictionaries(
    {
        "discovered_on": st.dates(date(2021, 1, 1), date(2098, 10, 1)).map(date.isoformat),
        "event": st.sampled_from(EVENTS),
        "cause": st.sampled_from(CAUSES),
        "persons": st.integers(0, 100_000),
        "data": st.lists(st.sampled_from(TYPES), max_size=4),
    },
    optional={
        "encryption": st.fixed_dictionaries({"high_level": st.booleans(), "key_compromised": st.booleans()}),
        "malicious": st.booleans(),
        "recovered_unviewed": st.booleans(),
        "entrusted": st.booleans(),
        "personal_data": st.booleans(),
    },
)


@settings(max_examples=300, deadline=None)
@given(cases)
def test_the_contract_holds(case: dict[str, Any]) -> None:
    a = assess(parse_case(case))
    discovered = date.fromisoformat(case["discovered_on"])
    if not a.reportable:
        assert (a.categories, a.report_to, a.preliminary_due, a.final_due, a.notify_individuals) == (
            (), None, None, None, False)
        return
    assert a.categories and set(a.categories) <= {"sensitive", "financial", "malicious", "over_1000"}
    if case.get("entrusted"):
        assert (a.report_to, a.final_due, a.notify_individuals) == ("principal", None, False)
        return
    assert (a.report_to, a.notify_individuals) == ("PPC", True)
    # the final deadline is never before the preliminary one, nor before day 30 (60 with 3号)
    assert discovered < a.preliminary_due <= a.final_due
    days = 59 if "malicious" in a.categories else 29
    assert a.final_due >= discovered + timedelta(days=days)
    assert a.final_due - (discovered + timedelta(days=days)) <= timedelta(days=9)  # no closure is longer
    assert a.final_due.weekday() < 5 and (a.final_due.month, a.final_due.day) not in {(12, 29), (12, 30), (12, 31),
                                                                                       (1, 1), (1, 2), (1, 3)}


@settings(max_examples=300, deadline=None)
@given(cases, st.sampled_from(["sensitive", "financial", "malicious", "over_1000"]))
def test_adding_a_category_never_makes_a_case_unreportable(case: dict[str, Any], category: str) -> None:
    before = assess(parse_case(case))
    more = dict(case)
    if category == "sensitive":
        more["data"] = [*case["data"], "SENSITIVE:medical"]
    elif category == "financial":
        more["data"] = [*case["data"], "CREDIT_CARD"]
    elif category == "malicious":
        more["malicious"] = True
    else:
        more["persons"] = max(case["persons"], 1001)
    after = assess(parse_case(more))
    assert before.reportable <= after.reportable
    assert set(before.categories) <= set(after.categories)


@settings(max_examples=300, deadline=None)
@given(cases, st.integers(0, 1_000_000))
def test_more_people_never_lower_item_4(case: dict[str, Any], extra: int) -> None:
    before = assess(parse_case(case))
    after = assess(parse_case(dict(case, persons=case["persons"] + extra)))
    assert ("over_1000" in before.categories) <= ("over_1000" in after.categories)
    assert before.reportable <= after.reportable
    if before.final_due and after.final_due:
        assert before.final_due == after.final_due  # 4号 adds no days


@settings(max_examples=200, deadline=None)
@given(cases)
def test_safe_encryption_or_recovery_clears_every_item(case: dict[str, Any]) -> None:
    enc = assess(parse_case(dict(case, encryption={"high_level": True, "key_compromised": False})))
    rec = assess(parse_case(dict(case, recovered_unviewed=True)))
    assert not enc.reportable and not rec.reportable
