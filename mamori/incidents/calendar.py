"""Days the administrative organs are closed, and deadlines that move past them.

行政機関の休日に関する法律1条1項: Saturdays, Sundays, national holidays (国民の祝日に関する法律の休日: 祝日,
振替休日, 国民の休日) and the year-end closure (12/29-1/3, given by the rule set). The national holidays come from
the maintained ``holidays`` library, not from a list kept here. A deadline of N days counts the first day as day 1
and moves to the next open day when day N is closed (通則ガイドライン3-5-3-4).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

FIRST_YEAR = holidays.JP.start_year
LAST_YEAR = holidays.JP.end_year  # the library computes no later year (the equinoxes are announced yearly)


class CalendarRangeError(ValueError):
    """A day outside the years the holiday calendar knows."""


@cache
def _national_holidays(year: int) -> dict[date, str]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarRangeError(f"the holiday calendar covers {FIRST_YEAR}-{LAST_YEAR}, not {year}")
    return dict(holidays.country_holidays("JP", years=year, language="ja"))


@dataclass(frozen=True)
class Closed:
    """Why a day is closed, for the explanation: ``土曜日`` / ``Saturday``, ``憲法記念日`` / ``national holiday``."""

    ja: str
    en: str


def closed(day: date, year_end: Collection[tuple[int, int]]) -> Closed | None:
    """Why ``day`` is not an open day of the administrative organs, or None when it is one."""
    if (day.month, day.day) in year_end:
        return Closed("年末年始の休日 (12月29日〜1月3日)", "year-end closure (29 Dec - 3 Jan)")
    name = _national_holidays(day.year).get(day)
    if name is not None:
        return Closed(name, "national holiday")
    if day.weekday() == 5:
        return Closed("土曜日", "Saturday")
    if day.weekday() == 6:
        return Closed("日曜日", "Sunday")
    return None


def next_open_day(day: date, year_end: Collection[tuple[int, int]]) -> date:
    """``day`` itself when open, else the first open day after it."""
    while closed(day, year_end) is not None:
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Deadline:
    """Day ``days`` counting ``start`` as day 1 (``nominal``), and the deadline after moving past closed days."""

    nominal: date
    due: date
    moved_because: tuple[tuple[date, Closed], ...]  # the closed days passed over, in order


def deadline(start: date, days: int, year_end: Collection[tuple[int, int]]) -> Deadline:
    """The last day of a period of ``days`` calendar days that starts on (and counts) ``start``."""
    nominal = start + timedelta(days=days - 1)
    passed: list[tuple[date, Closed]] = []
    day = nominal
    while (why := closed(day, year_end)) is not None:
        passed.append((day, why))
        day += timedelta(days=1)
    return Deadline(nominal, day, tuple(passed))
