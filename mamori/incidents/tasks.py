"""What the officer must do after a decision, and how many days are left: pure functions for the register.

:func:`tasks_for` turns a :class:`~mamori.incidents.case.Case` and its
:class:`~mamori.incidents.assess.Assessment` into the tasks of the register, each with its due day (None when the
law says only "promptly"):

* ``preliminary`` 速報 and ``final`` 確報 to the PPC (規則8条1項・2項), due as the assessment says;
* ``notify_principal`` 委託元への通知, for a 委託先 (規則9条), due on the assessment's 3-5 day target;
* ``notify_individuals`` 本人通知 (法26条2項), "as the situation allows": no due day;
* ``publish`` 公表等の代替措置, when notifying is difficult (法26条2項ただし書): the law's 公表 is this substitute,
  so the task appears only then (publishing beyond it is the company's choice, not a duty to count down);
* ``pmark_preliminary`` / ``pmark_final``, the reports to the PrivacyMark 審査機関 when the company holds the
  mark (``[organization] privacymark = true``): the mark's rule asks for a report of every 事故等, even of one
  person's data, the 確報 within 30 days of discovery (60 when a wrongful purpose is suspected), and a 速報 in
  about 3-5 days when the case falls under 規則7条. These days are not moved past closed days (the 審査機関 is not an
  administrative organ): the earlier day is the safe one.

:func:`countdown` says how many calendar days and how many open days of the administrative organs
(:mod:`~mamori.incidents.calendar`) are left until a due day, counted from "today" in the company's time zone
(:func:`today_in`, :mod:`mamori.timefmt`). :func:`band` turns days left into the colour of the register.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from mamori.incidents.assess import PPC, PRINCIPAL, Assessment
from mamori.incidents.calendar import closed
from mamori.incidents.case import Case
from mamori.timefmt import local_date

TASK_KINDS = (
    "preliminary",
    "final",
    "notify_principal",
    "notify_individuals",
    "publish",
    "pmark_preliminary",
    "pmark_final",
)
TASK_LABELS = {
    "preliminary": ("速報 (個人情報保護委員会)", "preliminary report to the PPC"),
    "final": ("確報 (個人情報保護委員会)", "final report to the PPC"),
    "notify_principal": ("委託元への通知", "notice to the principal (委託元)"),
    "notify_individuals": ("本人通知", "notice to the individuals"),
    "publish": ("公表等の代替措置", "publication and other alternative measures"),
    "pmark_preliminary": ("審査機関への速報 (プライバシーマーク)", "preliminary report to the PrivacyMark body"),
    "pmark_final": ("審査機関への確報 (プライバシーマーク)", "final report to the PrivacyMark body"),
}
TASK_ARTICLES = {
    "preliminary": "施行規則8条1項",
    "final": "施行規則8条2項",
    "notify_principal": "法26条1項ただし書、施行規則9条",
    "notify_individuals": "法26条2項、施行規則10条",
    "publish": "法26条2項ただし書",
    "pmark_preliminary": "プライバシーマーク付与事業者の事故報告 (PMK500 12条)",
    "pmark_final": "プライバシーマーク付与事業者の事故報告 (PMK500 12条)",
}
PMARK_PRELIMINARY_DAYS = 5  # "about 3-5 days": the last day of the range, day of discovery = day 1
PMARK_FINAL_DAYS = 30
PMARK_FINAL_DAYS_MALICIOUS = 60


@dataclass(frozen=True)
class TaskSpec:
    """A task the decision calls for: its ``kind`` (one of :data:`TASK_KINDS`) and due day (None: promptly)."""

    kind: str
    due: date | None


def _nth_day(start: date, days: int) -> date:
    return start + timedelta(days=days - 1)


def tasks_for(case: Case, decision: Assessment, privacymark: bool = False) -> tuple[TaskSpec, ...]:
    """The tasks ``decision`` calls for, in the order of :data:`TASK_KINDS`."""
    out: list[TaskSpec] = []
    if decision.report_to == PPC:
        out.append(TaskSpec("preliminary", decision.preliminary_due))
        out.append(TaskSpec("final", decision.final_due))
    elif decision.report_to == PRINCIPAL:
        out.append(TaskSpec("notify_principal", decision.preliminary_due))
    if decision.notify_individuals:
        out.append(TaskSpec("notify_individuals", None))
    if decision.alternative_measures:
        out.append(TaskSpec("publish", None))
    if privacymark:
        malicious = case.malicious or "malicious" in decision.categories
        if decision.categories:
            out.append(TaskSpec("pmark_preliminary", _nth_day(case.discovered_on, PMARK_PRELIMINARY_DAYS)))
        days = PMARK_FINAL_DAYS_MALICIOUS if malicious else PMARK_FINAL_DAYS
        out.append(TaskSpec("pmark_final", _nth_day(case.discovered_on, days)))
    return tuple(out)


def today_in(now: datetime, tz: tzinfo) -> date:
    """The company's date at the moment ``now`` (a deadline is a day in the company's zone, Japan's by default)."""
    return local_date(now, tz)


@dataclass(frozen=True)
class Countdown:
    """Days left until ``due``: calendar days (0 = due today, negative = late) and, of those days, the open days of
    the administrative organs (the days after today up to and including ``due``)."""

    due: date
    days_left: int
    open_days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def countdown(due: date, today: date, year_end: Collection[tuple[int, int]]) -> Countdown:
    """How long until ``due`` seen from ``today``; ``year_end`` is the rule set's year-end closure."""
    days = (due - today).days
    open_days = 0
    day = today + timedelta(days=1)
    while day <= due:
        if closed(day, year_end) is None:
            open_days += 1
        day += timedelta(days=1)
    return Countdown(due, days, open_days)


BANDS = ("overdue", "urgent", "soon", "later", "none")


def band(days_left: int | None) -> str:
    """The register's colour for a task or incident: ``overdue`` (< 0), ``urgent`` (0-2 days), ``soon`` (3-7),
    ``later`` (more), ``none`` (no due day)."""
    if days_left is None:
        return "none"
    if days_left < 0:
        return "overdue"
    if days_left <= 2:
        return "urgent"
    if days_left <= 7:
        return "soon"
    return "later"


def nearest_due(dues: Iterable[date | None]) -> date | None:
    """The earliest of the due days given (those of the open tasks), None when none has a day."""
    days = [d for d in dues if d is not None]
    return min(days) if days else None


def register_key(is_open: bool, nearest: date | None, incident_id: int) -> tuple[int, int, date, int]:
    """Sort key of the register: open incidents first, then the nearest deadline first (none last), then the id."""
    return (0 if is_open else 1, 0 if nearest is not None else 1, nearest or date.max, incident_id)
