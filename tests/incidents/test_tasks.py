"""The register's pure functions: tasks from a decision, days left against the calendar, the colour, the order."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from mamori.incidents import assess, parse_case
from mamori.incidents.case import case_to_json
from mamori.incidents.tasks import band, countdown, register_key, tasks_for, today_in

YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})
BASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
        "data": ["PERSON", "SENSITIVE:medical"]}


def _tasks(privacymark: bool = False, **facts: object) -> dict[str, date | None]:
    case = parse_case(BASE | facts)
    return {t.kind: t.due for t in tasks_for(case, assess(case), privacymark)}


def test_a_reportable_case_asks_for_both_reports_and_the_notice() -> None:
    case = parse_case(BASE)
    a = assess(case)
    assert _tasks() == {"preliminary": a.preliminary_due, "final": a.final_due, "notify_individuals": None}


def test_a_case_not_reportable_asks_for_nothing_without_the_mark() -> None:
    assert _tasks(data=["PERSON"]) == {}
    assert _tasks(recovered_unviewed=True) == {}


def test_a_principal_is_notified_instead_of_the_ppc() -> None:
    t = _tasks(entrusted=True)
    assert set(t) == {"notify_principal"} and t["notify_principal"] == date(2026, 12, 5)


def test_difficult_notice_becomes_publication() -> None:
    assert set(_tasks(notification_difficult=True)) == {"preliminary", "final", "publish"}


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({}, {"pmark_preliminary": date(2026, 12, 5), "pmark_final": date(2026, 12, 30)}),  # 30 days, not moved
        ({"data": ["PERSON"]}, {"pmark_final": date(2026, 12, 30)}),  # one person's name: still a 事故 for the mark
        ({"cause": "unauthorized_access", "malicious": True}, {"pmark_preliminary": date(2026, 12, 5),
                                                              "pmark_final": date(2027, 1, 29)}),  # 60 days
    ],
)
def test_the_privacymark_adds_the_reports_to_its_body(facts: dict[str, object], expected: dict[str, date]) -> None:
    got = {k: v for k, v in _tasks(True, **facts).items() if k.startswith("pmark_")}
    assert got == expected


def test_countdown_counts_calendar_and_open_days() -> None:
    # from Fri 2026-12-25 to Mon 2027-01-04: 10 days, of them open: 12-28 and 1-4 (weekends and 12/29-1/3 closed)
    c = countdown(date(2027, 1, 4), date(2026, 12, 25), YEAR_END)
    assert (c.days_left, c.open_days_left, c.overdue) == (10, 2, False)
    late = countdown(date(2026, 12, 1), date(2026, 12, 3), YEAR_END)
    assert (late.days_left, late.open_days_left, late.overdue) == (-2, 0, True)
    assert countdown(date(2026, 12, 3), date(2026, 12, 3), YEAR_END).days_left == 0


def test_today_is_the_company_day() -> None:
    now = datetime(2026, 12, 6, 16, 30, tzinfo=UTC)  # 01:30 on the 7th in Tokyo
    assert today_in(now, ZoneInfo("Asia/Tokyo")) == date(2026, 12, 7)
    assert today_in(now, ZoneInfo("Europe/Berlin")) == date(2026, 12, 6)


@pytest.mark.parametrize(("days", "colour"), [(None, "none"), (-1, "overdue"), (0, "urgent"), (2, "urgent"),
                                              (3, "soon"), (7, "soon"), (8, "later")])
def test_band(days: int | None, colour: str) -> None:
    assert band(days) == colour


def test_register_order_open_first_then_nearest_deadline() -> None:
    rows = [(False, date(2026, 1, 1), 1), (True, None, 2), (True, date(2026, 12, 9), 3), (True, date(2026, 12, 5), 4)]
    assert [r[2] for r in sorted(rows, key=lambda r: register_key(*r))] == [4, 3, 2, 1]


def test_case_to_json_round_trips() -> None:
    case = parse_case(BASE | {"encryption": {"high_level": True, "key_compromised": True}, "entrusted": True,
                              "personal_data": False, "notification_difficult": True})
    assert parse_case(case_to_json(case)) == case
