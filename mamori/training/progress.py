"""A learner's progress through a course in one (fiscal) year, and how pages seen and quiz attempts change it.

Pure functions over the frozen :class:`Progress`. Completion = every content page seen *and* the quiz passed; the
first time both hold, ``completed_at`` and the course version studied are fixed (later retakes keep them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from mamori.training.course import Course
from mamori.training.quiz import QuizResult

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
STATUS_TEXT = {
    NOT_STARTED: {"ja": "未受講", "en": "not started"},
    IN_PROGRESS: {"ja": "受講中", "en": "in progress"},
    COMPLETED: {"ja": "修了", "en": "completed"},
}


@dataclass(frozen=True)
class Learner:
    """Who is learning: the login (their e-mail, compared lower-cased) and the name to print on a certificate."""

    login: str
    display_name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "login", self.login.strip().lower())
        if not self.login:
            raise ValueError("a learner needs a login")

    @property
    def name(self) -> str:
        return self.display_name or self.login


@dataclass(frozen=True)
class Progress:
    user: str
    course_id: str
    year: int
    display_name: str = ""
    course_version: str = ""
    assigned_at: datetime | None = None
    started_at: datetime | None = None
    pages_seen: tuple[str, ...] = ()
    last_page: str = ""
    attempts: int = 0
    best_score: int | None = None
    last_score: int | None = None
    passed: bool = False
    completed_at: datetime | None = None
    completed_version: str = ""
    reminders: int = 0
    reminded_at: datetime | None = None

    @property
    def status(self) -> str:
        if self.completed_at is not None:
            return COMPLETED
        if self.started_at is not None:
            return IN_PROGRESS
        return NOT_STARTED

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


def fiscal_year(day: date | datetime, start_month: int = 4) -> int:
    """The fiscal year ``day`` falls in; Japanese practice starts it in April (2027-03-31 -> 2026)."""
    if not 1 <= start_month <= 12:
        raise ValueError("start_month must be 1-12")
    return day.year if day.month >= start_month else day.year - 1


def new_progress(learner: Learner, course_id: str, year: int) -> Progress:
    return Progress(user=learner.login, display_name=learner.display_name, course_id=course_id, year=year)


def pages_left(progress: Progress, course: Course) -> tuple[str, ...]:
    """Content pages not seen yet, in course order."""
    seen = set(progress.pages_seen)
    return tuple(p.id for p in course.content_pages if p.id not in seen)


def may_take_quiz(progress: Progress, course: Course) -> bool:
    return not pages_left(progress, course)


def _complete_if_due(progress: Progress, course: Course, now: datetime) -> Progress:
    if progress.completed_at is None and progress.passed and not pages_left(progress, course):
        return replace(progress, completed_at=now, completed_version=course.full_version)
    return progress


def see_page(progress: Progress, course: Course, page_id: str, now: datetime) -> Progress:
    """The learner opened ``page_id``."""
    if course.page(page_id) is None:
        raise ValueError(f"course {course.id!r} has no page {page_id!r}")
    seen = progress.pages_seen if page_id in progress.pages_seen else (*progress.pages_seen, page_id)
    out = replace(
        progress,
        started_at=progress.started_at or now,
        pages_seen=seen,
        last_page=page_id,
        course_version=course.full_version,
    )
    return _complete_if_due(out, course, now)


def record_attempt(progress: Progress, course: Course, result: QuizResult, now: datetime) -> Progress:
    """The learner submitted the quiz with ``result``."""
    best = result.score if progress.best_score is None else max(progress.best_score, result.score)
    out = replace(
        progress,
        started_at=progress.started_at or now,
        attempts=progress.attempts + 1,
        last_score=result.score,
        best_score=best,
        passed=progress.passed or result.passed,
        course_version=course.full_version,
    )
    return _complete_if_due(out, course, now)


def remind(progress: Progress, now: datetime) -> Progress:
    return replace(progress, reminders=progress.reminders + 1, reminded_at=now)
