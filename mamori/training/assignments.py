"""Assignments in the database: give a course version to departments with a due date, change the date, withdraw it,
and read completion per department and per person (the I/O shell around :mod:`mamori.training.completion`).

Every change is written with its audit entry in one transaction (``training_assign``, ``training_assignment_update``,
``training_assignment_remove``; ``before`` and ``after`` hold the assignment's course, version, year, department and
due date). Assigning also enrols the department's active people (their record gets ``assigned_at``), so the
officer's yearly report lists those who never start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mamori.store import Database
from mamori.store.accounts import User
from mamori.store.audit import record
from mamori.store.training import TrainingAssignment
from mamori.training import records
from mamori.training.completion import (
    Assignment,
    DepartmentCompletion,
    Person,
    PersonStatus,
    people_statuses,
    summarise,
)
from mamori.training.course import Course
from mamori.training.progress import Learner


class AssignmentError(ValueError):
    """An assignment that cannot be made or changed; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


@dataclass(frozen=True)
class Change:
    """What one call did to one department: ``created``, ``updated`` (the due date) or ``unchanged``."""

    kind: str
    assignment: Assignment


def _view(row: TrainingAssignment) -> Assignment:
    return Assignment(row.id, row.course_id, row.course_version, row.year, row.department, row.due)


def _audit_view(a: TrainingAssignment | Assignment) -> dict[str, Any]:
    return {"course": a.course_id, "version": a.course_version, "year": a.year, "department": a.department,
            "due": a.due.isoformat()}


def list_assignments(db: Database, year: int | None = None) -> list[Assignment]:
    """The assignments (of ``year``, or all), by year (newest first), course and department."""
    q = select(TrainingAssignment).order_by(
        TrainingAssignment.year.desc(), TrainingAssignment.course_id, TrainingAssignment.department)
    if year is not None:
        q = q.where(TrainingAssignment.year == year)
    with db.session() as s:
        return [_view(r) for r in s.scalars(q)]


def get_assignment(db: Database, number: int) -> Assignment | None:
    with db.session() as s:
        row = s.get(TrainingAssignment, number)
        return _view(row) if row is not None else None


def years(db: Database) -> list[int]:
    with db.session() as s:
        return sorted(set(s.scalars(select(TrainingAssignment.year))), reverse=True)


def departments(db: Database) -> list[str]:
    """The departments (groups) that have an active account, sorted."""
    with db.session() as s:
        rows = s.scalars(select(User.group).where(User.active.is_(True), User.group != "").group_by(User.group))
        return sorted(rows)


def department_people(db: Database, department: str) -> list[Person]:
    """The active accounts of a department, by login."""
    with db.session() as s:
        rows = s.scalars(select(User).where(User.group == department, User.active.is_(True)).order_by(User.login))
        return [Person(u.login, u.display_name, u.group) for u in rows]


def enrol(db: Database, assignment: Assignment) -> int:
    """Give every active person of the department a record of the course (``assigned_at``); how many were new."""
    people = department_people(db, assignment.department)
    return records.assign(db, [Learner(p.login, p.name) for p in people], assignment.course_id, assignment.year)


def _existing(s: Session, course_id: str, year: int, department: str) -> TrainingAssignment | None:
    return s.scalars(select(TrainingAssignment).where(
        TrainingAssignment.course_id == course_id, TrainingAssignment.year == year,
        TrainingAssignment.department == department).with_for_update()).one_or_none()


def assign(
    db: Database, course: Course, chosen: Iterable[str], year: int, due: date, actor: str
) -> list[Change]:
    """Give ``course`` (its current version) to each department of ``chosen`` for ``year``, due ``due``.

    A department that already has the course for the year keeps its assignment; only a different due date is
    changed. Unknown departments (no active account) are refused before anything is written.
    """
    wanted = sorted({d.strip() for d in chosen if d.strip()})
    if not wanted:
        raise AssignmentError("choose at least one department", "部署を1つ以上選んでください。")
    known = set(departments(db))
    unknown = [d for d in wanted if d not in known]
    if unknown:
        raise AssignmentError(f"no active account in department(s): {', '.join(unknown)}",
                              f"有効なアカウントのない部署です: {'、'.join(unknown)}")
    out: list[Change] = []
    with db.session() as s:
        for department in wanted:
            row = _existing(s, course.id, year, department)
            created = False
            if row is None:
                row = TrainingAssignment(course_id=course.id, course_version=course.full_version, year=year,
                                         department=department, due=due, created_by=actor)
                try:
                    with s.begin_nested():
                        s.add(row)
                        s.flush()
                    created = True
                except IntegrityError:  # another administrator assigned it at the same moment: theirs stands
                    row = _existing(s, course.id, year, department)
                    assert row is not None
            if created:
                record(s, actor, "training_assign", f"training_assignment:{row.id}",
                       f"{course.id} {course.full_version} assigned to a department for {year}, due {due}",
                       before=None, after=_audit_view(row))
                out.append(Change("created", _view(row)))
            elif row.due != due:
                before = _audit_view(row)
                row.due = due
                record(s, actor, "training_assignment_update", f"training_assignment:{row.id}",
                       f"{course.id} {year}: due date {before['due']} -> {due}", before=before,
                       after=_audit_view(row))
                out.append(Change("updated", _view(row)))
            else:
                out.append(Change("unchanged", _view(row)))
    for change in out:
        enrol(db, change.assignment)
    return out


def change_due(db: Database, number: int, due: date, actor: str) -> Assignment:
    """Move an assignment's due date (audited with the date before and after)."""
    with db.session() as s:
        row = s.get(TrainingAssignment, number, with_for_update=True)
        if row is None:
            raise AssignmentError("no such assignment", "その割当はありません。")
        if row.due != due:
            before = _audit_view(row)
            row.due = due
            record(s, actor, "training_assignment_update", f"training_assignment:{row.id}",
                   f"{row.course_id} {row.year}: due date {before['due']} -> {due}", before=before,
                   after=_audit_view(row))
        return _view(row)


def remove(db: Database, number: int, actor: str) -> Assignment:
    """Withdraw an assignment. The learners' records stay (what they studied is kept for the auditors)."""
    with db.session() as s:
        row = s.get(TrainingAssignment, number, with_for_update=True)
        if row is None:
            raise AssignmentError("no such assignment", "その割当はありません。")
        view = _view(row)
        record(s, actor, "training_assignment_remove", f"training_assignment:{row.id}",
               f"{row.course_id} {row.year}: assignment withdrawn", before=_audit_view(row), after=None)
        s.delete(row)
        return view


def completion(db: Database, assignment: Assignment, today: date) -> tuple[DepartmentCompletion, list[PersonStatus]]:
    """The department's figures and every person's status on the company's date ``today``."""
    recs = {p.user: p for p in records.year_records(db, assignment.course_id, assignment.year)}
    statuses = people_statuses(assignment, department_people(db, assignment.department), recs, today)
    return summarise(assignment, statuses), statuses


def completions(
    db: Database, assignments: Sequence[Assignment], today: date
) -> list[tuple[DepartmentCompletion, list[PersonStatus]]]:
    """:func:`completion` of several assignments, reading each course's records of a year once."""
    cache: dict[tuple[str, int], dict[str, Any]] = {}
    people: dict[str, list[Person]] = {}
    out = []
    for a in assignments:
        key = (a.course_id, a.year)
        if key not in cache:
            cache[key] = {p.user: p for p in records.year_records(db, a.course_id, a.year)}
        if a.department not in people:
            people[a.department] = department_people(db, a.department)
        statuses = people_statuses(a, people[a.department], cache[key], today)
        out.append((summarise(a, statuses), statuses))
    return out


def learner_assignments(db: Database, login: str, year: int) -> dict[str, Assignment]:
    """The courses assigned to the department of ``login`` for ``year``, by course id (empty without a department)."""
    with db.session() as s:
        user = s.get(User, login.strip().lower())
        if user is None or not user.group or not user.active:
            return {}
        rows = s.scalars(select(TrainingAssignment).where(
            TrainingAssignment.department == user.group, TrainingAssignment.year == year))
        return {r.course_id: _view(r) for r in rows}
