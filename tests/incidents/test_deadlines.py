"""The 確報 deadline across weekends, national holidays, Golden Week, Silver Week and the year-end closure.

Rule (施行規則8条2項, 通則ガイドライン3-5-3-4 and its note, DESIGN.md): 30 days, 60 with 3号; the day of discovery is
day 1; when the last day is a Saturday, Sunday, national holiday or 12/29-1/3 (行政機関の休日に関する法律1条1項), the
deadline is the next day that is none of these. 12/28 is an ordinary day. Expected dates were read off the
calendar by hand (the holidays named in each row).
"""

from __future__ import annotations

from datetime import date

import pytest

from mamori.incidents import assess, parse_case
from mamori.incidents.calendar import CalendarRangeError, closed, deadline, next_open_day

YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})


def _final(discovered: str, malicious: bool) -> tuple[str, list[str]]:
    case = {"discovered_on": discovered, "event": "leak", "cause": "unauthorized_access" if malicious else
            "email_misdelivery", "persons": 1, "data": ["SENSITIVE:medical"], "malicious": malicious}
    a = assess(parse_case(case))
    return a.final_due.isoformat(), [r.code for r in a.reasons]


DEADLINES = [
    # (discovered_on, 3号?, expected final_due, why)
    ("2025-06-02", False, "2025-07-01", "day 30 a Tuesday: not moved"),
    ("2025-06-07", False, "2025-07-07", "day 30 Sun 07-06 -> Mon"),
    ("2025-06-06", False, "2025-07-07", "day 30 Sat 07-05, Sun 07-06 -> Mon"),
    ("2025-10-05", False, "2025-11-04", "day 30 Mon 11-03 文化の日 -> Tue"),
    ("2025-10-25", False, "2025-11-25", "day 30 Sun 11-23 勤労感謝の日, Mon 11-24 振替休日 -> Tue"),
    ("2025-08-13", False, "2025-09-11", "day 30 Thu 09-11: ordinary"),
    ("2025-08-17", False, "2025-09-16", "day 30 Mon 09-15 敬老の日 -> Tue"),
    # Golden Week
    ("2025-04-04", False, "2025-05-07", "day 30 Sat 05-03 憲法記念日, 05-04, 05-05 こどもの日, 05-06 振替休日 -> Wed"),
    ("2025-03-05", True, "2025-05-07", "day 60 Sat 05-03 (3号) -> Wed 05-07"),
    ("2025-03-31", False, "2025-04-30", "day 30 Tue 04-29 昭和の日 -> Wed"),
    ("2026-04-04", False, "2026-05-07", "day 30 Sun 05-03, Mon 05-04 みどりの日, 05-05, Wed 05-06 振替休日 -> Thu"),
    ("2024-03-31", False, "2024-04-30", "day 30 Mon 04-29 昭和の日 -> Tue"),
    ("2023-03-01", True, "2023-05-01", "day 60 Sat 04-29 昭和の日, Sun 04-30 -> Mon 05-01 (2022 rules)"),
    # Silver Week 2026: Sat 09-19, Sun, Mon 09-21 敬老の日, Tue 09-22 国民の休日, Wed 09-23 秋分の日
    ("2026-08-21", False, "2026-09-24", "day 30 Sat 09-19 ... Wed 09-23 -> Thu 09-24"),
    ("2026-08-23", False, "2026-09-24", "day 30 Mon 09-21 敬老の日 -> Thu 09-24"),
    ("2026-07-24", True, "2026-09-24", "day 60 Mon 09-21 (3号) -> Thu 09-24"),
    # Year-end closure 12/29-1/3
    ("2025-11-30", False, "2026-01-05", "day 30 Mon 12-29 -> 1/3 Sat, 1/4 Sun -> Mon 01-05"),
    ("2024-11-30", False, "2025-01-06", "day 30 Sun 12-29 -> 1/3 Fri, 1/4 Sat, 1/5 Sun -> Mon 01-06"),
    ("2026-11-29", False, "2026-12-28", "day 30 Mon 12-28: an ordinary day"),
    ("2026-12-04", False, "2027-01-04", "day 30 Sat 01-02 -> Mon 01-04 (1/4 is open)"),
    ("2025-12-15", False, "2026-01-13", "day 30 Tue 01-13: ordinary (成人の日 was 01-12)"),
    ("2025-12-14", False, "2026-01-13", "day 30 Mon 01-12 成人の日 -> Tue"),
    ("2025-11-01", True, "2026-01-05", "day 60 Tue 12-30 (3号) -> Mon 01-05"),
]


@pytest.mark.parametrize(("discovered", "malicious", "expected", "why"), DEADLINES, ids=[d[3] for d in DEADLINES])
def test_final_deadline(discovered: str, malicious: bool, expected: str, why: str) -> None:
    due, codes = _final(discovered, malicious)
    assert due == expected, why
    # a moved deadline says so, with the guideline's note as its article
    assert ("deadline_moved" in codes) == ((date.fromisoformat(expected) - date.fromisoformat(discovered)).days
                                           != (59 if malicious else 29))


def test_calendar_names_why_a_day_is_closed() -> None:
    assert closed(date(2026, 9, 22), YEAR_END).ja == "国民の休日"
    assert closed(date(2025, 5, 6), YEAR_END).en == "national holiday"
    assert closed(date(2025, 12, 29), YEAR_END).en.startswith("year-end")
    assert closed(date(2025, 12, 28), YEAR_END).en == "Sunday"
    assert closed(date(2026, 12, 28), YEAR_END) is None
    assert next_open_day(date(2019, 4, 27), YEAR_END) == date(2019, 5, 7)  # 2019's ten-day Golden Week


def test_deadline_counts_the_first_day() -> None:
    d = deadline(date(2025, 6, 2), 1, YEAR_END)
    assert d.nominal == d.due == date(2025, 6, 2)
    d = deadline(date(2025, 6, 7), 1, YEAR_END)  # a Saturday
    assert (d.nominal, d.due, len(d.moved_because)) == (date(2025, 6, 7), date(2025, 6, 9), 2)


def test_a_year_the_holiday_calendar_does_not_know_is_an_error() -> None:
    with pytest.raises(CalendarRangeError):
        deadline(date(2099, 12, 1), 60, YEAR_END)
