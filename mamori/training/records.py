"""Training records in the database: read a learner's progress, save pages seen and quiz attempts, list a year.

The I/O shell around :mod:`mamori.training.progress`: every change is computed by a pure function there and
written here in one transaction (the record row is locked while it changes, on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.training import TrainingAttempt, TrainingRecord
from mamori.training import progress as core
from mamori.training.course import Course
from mamori.training.progress import Learner, Progress
from mamori.training.quiz import QuizResult, score_quiz

_FIELDS = [f.name for f in fields(Progress)]


@dataclass(frozen=True)
class Attempt:
    number: int
    submitted_at: datetime
    course_version: str
    questions: tuple[str, ...]
    answers: dict[str, str | None]
    correct: int
    total: int
    score: int
    passed: bool


def _to_progress(row: TrainingRecord) -> Progress:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["pages_seen"] = tuple(row.pages_seen or ())
    return Progress(**values)


def _write(row: TrainingRecord, p: Progress) -> None:
    for name in _FIELDS:
        if name in ("user", "course_id", "year"):
            continue
        value = getattr(p, name)
        setattr(row, name, list(value) if name == "pages_seen" else value)


def _row(s: Session, user: str, course_id: str, year: int, *, lock: bool = False) -> TrainingRecord | None:
    q = select(TrainingRecord).where(
        TrainingRecord.user == user, TrainingRecord.course_id == course_id, TrainingRecord.year == year
    )
    if lock:
        q = q.with_for_update()
    return s.scalars(q).one_or_none()


def _open_row(s: Session, learner: Learner, course_id: str, year: int) -> TrainingRecord:
    """The learner's row, created if missing (a concurrent creator wins the unique constraint; we re-read)."""
    row = _row(s, learner.login, course_id, year, lock=True)
    if row is not None:
        if learner.display_name and row.display_name != learner.display_name:
            row.display_name = learner.display_name
        return row
    p = core.new_progress(learner, course_id, year)
    row = TrainingRecord(user=p.user, course_id=course_id, year=year, display_name=p.display_name)
    _write(row, p)
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        row = _row(s, learner.login, course_id, year, lock=True)
        assert row is not None
    return row


def get_progress(db: Database, user: str, course_id: str, year: int) -> Progress | None:
    with db.session() as s:
        row = _row(s, user.strip().lower(), course_id, year)
        return _to_progress(row) if row is not None else None


def record_id(db: Database, user: str, course_id: str, year: int) -> int | None:
    """The number of a learner's record (the first part of a certificate code), None when there is none."""
    with db.session() as s:
        row = _row(s, user.strip().lower(), course_id, year)
        return row.id if row is not None else None


def progress_by_id(db: Database, number: int) -> Progress | None:
    """The record with this number, or None."""
    with db.session() as s:
        row = s.get(TrainingRecord, number)
        return _to_progress(row) if row is not None else None


def see_page(db: Database, learner: Learner, course: Course, page_id: str, year: int) -> Progress:
    """Record that the learner opened a page (starts the record on the first page)."""
    now = utcnow()
    with db.session() as s:
        row = _open_row(s, learner, course.id, year)
        p = core.see_page(_to_progress(row), course, page_id, now)
        _write(row, p)
        return p


def submit_quiz(
    db: Database,
    learner: Learner,
    course: Course,
    question_ids: Sequence[str],
    answers: Mapping[str, str],
    year: int,
    pass_mark: int | None = None,
) -> tuple[Progress, QuizResult, int]:
    """Score an attempt, store it, and update the record; returns (progress, result, attempt number)."""
    result = score_quiz(course, question_ids, answers, pass_mark)  # raises QuizError before anything is written
    now = utcnow()
    with db.session() as s:
        row = _open_row(s, learner, course.id, year)
        p = core.record_attempt(_to_progress(row), course, result, now)
        _write(row, p)
        s.flush()
        s.add(
            TrainingAttempt(
                record_id=row.id,
                number=p.attempts,
                submitted_at=now,
                course_version=course.full_version,
                questions=list(question_ids),
                answers=dict(result.answers),
                correct=result.correct,
                total=result.total,
                score=result.score,
                passed=result.passed,
            )
        )
        return p, result, p.attempts


def attempts(db: Database, user: str, course_id: str, year: int) -> list[Attempt]:
    with db.session() as s:
        row = _row(s, user.strip().lower(), course_id, year)
        if row is None:
            return []
        rows = s.scalars(
            select(TrainingAttempt).where(TrainingAttempt.record_id == row.id).order_by(TrainingAttempt.number)
        )
        return [
            Attempt(
                a.number, a.submitted_at, a.course_version, tuple(a.questions), dict(a.answers),
                a.correct, a.total, a.score, a.passed,
            )
            for a in rows
        ]


def assign(db: Database, learners: Iterable[Learner], course_id: str, year: int) -> int:
    """Enrol learners for the year (so that those who never start show up as not finished); returns how many new."""
    now = utcnow()
    new = 0
    with db.session() as s:
        for learner in learners:
            row = _open_row(s, learner, course_id, year)
            if row.assigned_at is None:
                row.assigned_at = now
                new += 1
    return new


def year_records(db: Database, course_id: str, year: int) -> list[Progress]:
    """Every record of the course in the year, by login."""
    with db.session() as s:
        rows = s.scalars(
            select(TrainingRecord)
            .where(TrainingRecord.course_id == course_id, TrainingRecord.year == year)
            .order_by(TrainingRecord.user)
        )
        return [_to_progress(r) for r in rows]


def not_completed(db: Database, course_id: str, year: int) -> list[Progress]:
    """The make-up list: assigned or started, not completed."""
    return [p for p in year_records(db, course_id, year) if not p.completed]


def mark_reminded(
    db: Database, users: Iterable[str], course_id: str, year: int, now: datetime | None = None
) -> list[Progress]:
    """Count a reminder sent (at ``now``, default: now) to each (not completed) user; returns their updated records."""
    now = now or utcnow()
    out = []
    with db.session() as s:
        for user in users:
            row = _row(s, user.strip().lower(), course_id, year, lock=True)
            if row is None or row.completed_at is not None:
                continue
            p = core.remind(_to_progress(row), now)
            _write(row, p)
            out.append(p)
    return out


def years(db: Database, course_id: str) -> list[int]:
    with db.session() as s:
        return sorted(
            set(s.scalars(select(TrainingRecord.year).where(TrainingRecord.course_id == course_id))), reverse=True
        )
