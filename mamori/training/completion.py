"""Completion of an assignment, per person and per department (pure): who has passed, who is learning, who has not
started, who is late.

A person of an assigned department has **passed** when their record of the course in the assignment's year is
completed (every content page seen and the quiz passed, :mod:`mamori.training.progress`), whichever version they
completed; **in progress** when the record is started; **not started** otherwise (no record, or only assigned).
Someone who has not passed is **overdue** once the company's date is past the due date; overdue is counted beside
the three states, not instead of one (an overdue person is also in progress or not started).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mamori.training.progress import COMPLETED, IN_PROGRESS, NOT_STARTED, Progress

PASSED = "passed"
STATES = (PASSED, IN_PROGRESS, NOT_STARTED)
STATE_TEXT = {
    PASSED: ("合格・修了", "passed"),
    IN_PROGRESS: ("受講中", "in progress"),
    NOT_STARTED: ("未受講", "not started"),
}


@dataclass(frozen=True)
class Person:
    """Someone who must take the course: an active account of the department."""

    login: str
    name: str
    department: str


@dataclass(frozen=True)
class Assignment:
    """A course version given to one department for a year, due by ``due`` (the company's date)."""

    id: int
    course_id: str
    course_version: str
    year: int
    department: str
    due: date


@dataclass(frozen=True)
class PersonStatus:
    login: str
    name: str
    department: str
    state: str  # passed | in_progress | not_started
    overdue: bool
    completed_at: datetime | None = None
    completed_version: str = ""
    best_score: int | None = None
    attempts: int = 0
    reminders: int = 0
    reminded_at: datetime | None = None

    @property
    def passed(self) -> bool:
        return self.state == PASSED


@dataclass(frozen=True)
class DepartmentCompletion:
    """The figures of one assignment: how many are assigned, and how many are in each state and overdue."""

    assignment: Assignment
    assigned: int
    passed: int
    in_progress: int
    not_started: int
    overdue: int

    @property
    def percent(self) -> int:
        """Passed, in whole percent rounded down (0 for an empty department)."""
        return self.passed * 100 // self.assigned if self.assigned else 0


def person_status(person: Person, record: Progress | None, due: date, today: date) -> PersonStatus:
    """Where one person stands on an assignment due ``due``, on the company's date ``today``."""
    status = record.status if record is not None else NOT_STARTED
    state = PASSED if status == COMPLETED else status
    if record is None:
        return PersonStatus(person.login, person.name, person.department, state, today > due)
    return PersonStatus(
        person.login,
        person.name or record.display_name,
        person.department,
        state,
        state != PASSED and today > due,
        record.completed_at,
        record.completed_version,
        record.best_score,
        record.attempts,
        record.reminders,
        record.reminded_at,
    )


def people_statuses(
    assignment: Assignment, people: Iterable[Person], records: Mapping[str, Progress], today: date
) -> list[PersonStatus]:
    """Every person of the assignment's department (records by login), those who have not passed first, by login."""
    out = [person_status(p, records.get(p.login), assignment.due, today)
           for p in people if p.department == assignment.department]
    return sorted(out, key=lambda s: (s.passed, not s.overdue, s.login))


def summarise(assignment: Assignment, statuses: Sequence[PersonStatus]) -> DepartmentCompletion:
    """The department's figures from its people's statuses (:func:`people_statuses`)."""
    mine = [s for s in statuses if s.department == assignment.department]
    return DepartmentCompletion(
        assignment,
        assigned=len(mine),
        passed=sum(1 for s in mine if s.state == PASSED),
        in_progress=sum(1 for s in mine if s.state == IN_PROGRESS),
        not_started=sum(1 for s in mine if s.state == NOT_STARTED),
        overdue=sum(1 for s in mine if s.overdue),
    )
