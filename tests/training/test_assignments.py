"""Assignments in the store (SQLite and PostgreSQL): assign to departments, enrolment, completion from the records,
due date changes and withdrawal, each audited with before/after; the learner's own assignments."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select

from mamori.store import Database
from mamori.store.accounts import User
from mamori.store.audit import AuditEntry
from mamori.training import assignments as store
from mamori.training import records
from mamori.training.assignments import AssignmentError
from mamori.training.progress import Learner
from mamori.training.quiz import draw_quiz

DUE = date(2026, 12, 18)


@pytest.fixture
def db(database_url):
    d = Database(database_url)
    d.migrate()
    with d.session() as s:
        s.add_all([User(login="a@corp.example", display_name="青木", group="営業部"),
                   User(login="b@corp.example", display_name="馬場", group="営業部"),
                   User(login="gone@corp.example", group="営業部", active=False),
                   User(login="c@corp.example", display_name="千葉", group="総務部"),
                   User(login="nobody@corp.example", group="")])
    yield d
    d.dispose()


def _audit(db: Database, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _pass(db: Database, course, login: str) -> None:
    learner = Learner(login)
    for page in course.content_pages:
        records.see_page(db, learner, course, page.id, 2026)
    drawn = draw_quiz(course, 3)
    records.submit_quiz(db, learner, course, drawn.question_ids,
                        {q: course.question(q).answer for q in drawn.question_ids}, 2026)


def test_the_migration_makes_the_table(db) -> None:
    cols = {c["name"] for c in inspect(db.engine).get_columns("training_assignments")}
    assert {"course_id", "course_version", "year", "department", "due", "created_by"} <= cols


def test_assign_enrols_the_active_people_and_is_audited(db, chapter2) -> None:
    assert store.departments(db) == ["営業部", "総務部"]
    changes = store.assign(db, chapter2, ["営業部", "総務部"], 2026, DUE, "adam@corp.example")
    assert [(c.kind, c.assignment.department) for c in changes] == [("created", "営業部"), ("created", "総務部")]
    assert changes[0].assignment.course_version == chapter2.full_version
    enrolled = {p.user: p.assigned_at is not None for p in records.year_records(db, chapter2.id, 2026)}
    assert enrolled == {"a@corp.example": True, "b@corp.example": True, "c@corp.example": True}  # not the disabled
    [first, _] = _audit(db, "training_assign")
    assert first.actor == "adam@corp.example" and first.target == f"training_assignment:{changes[0].assignment.id}"
    assert first.data["before"] is None
    assert first.data["after"] == {"course": "pi-ch2", "version": chapter2.full_version, "year": 2026,
                                   "department": "営業部", "due": "2026-12-18"}
    again = store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam@corp.example")
    assert [c.kind for c in again] == ["unchanged"] and len(_audit(db, "training_assign")) == 2
    moved = store.assign(db, chapter2, ["営業部"], 2026, date(2026, 12, 25), "adam@corp.example")
    assert [c.kind for c in moved] == ["updated"]
    [update] = _audit(db, "training_assignment_update")
    assert (update.data["before"]["due"], update.data["after"]["due"]) == ("2026-12-18", "2026-12-25")


def test_unknown_or_no_department_is_refused_before_anything_is_written(db, chapter2) -> None:
    with pytest.raises(AssignmentError):
        store.assign(db, chapter2, ["営業部", "存在しない部"], 2026, DUE, "adam@corp.example")
    with pytest.raises(AssignmentError):
        store.assign(db, chapter2, [" "], 2026, DUE, "adam@corp.example")
    assert store.list_assignments(db) == [] and _audit(db, "training_assign") == []


def test_completion_per_department_follows_the_records(db, chapter2) -> None:
    [sales, _] = [c.assignment for c in store.assign(db, chapter2, ["営業部", "総務部"], 2026, DUE, "adam")]
    fig, people = store.completion(db, sales, date(2026, 12, 1))
    assert (fig.assigned, fig.passed, fig.not_started) == (2, 0, 2)
    records.see_page(db, Learner("b@corp.example"), chapter2, chapter2.content_pages[0].id, 2026)
    _pass(db, chapter2, "a@corp.example")
    fig, people = store.completion(db, sales, date(2026, 12, 19))
    assert (fig.passed, fig.in_progress, fig.not_started, fig.overdue) == (1, 1, 0, 1)
    assert [(p.login, p.state, p.overdue) for p in people] == [("b@corp.example", "in_progress", True),
                                                               ("a@corp.example", "passed", False)]
    with db.session() as s:  # someone joins the department later: counted (and enrolled on the next reminder)
        s.add(User(login="new@corp.example", group="営業部"))
    assert store.completion(db, sales, date(2026, 12, 19))[0].assigned == 3
    both = store.completions(db, store.list_assignments(db, 2026), date(2026, 12, 19))
    assert [(c.assignment.department, c.assigned, c.passed) for c, _ in both] == [("営業部", 3, 1), ("総務部", 1, 0)]


def test_change_due_and_remove_are_audited_and_keep_the_records(db, chapter2) -> None:
    [a] = [c.assignment for c in store.assign(db, chapter2, ["総務部"], 2026, DUE, "adam")]
    store.change_due(db, a.id, date(2027, 1, 15), "adam")
    store.change_due(db, a.id, date(2027, 1, 15), "adam")  # the same date: nothing to audit
    assert len(_audit(db, "training_assignment_update")) == 1
    assert store.get_assignment(db, a.id).due == date(2027, 1, 15)
    store.remove(db, a.id, "adam")
    [gone] = _audit(db, "training_assignment_remove")
    assert gone.data["before"]["due"] == "2027-01-15" and gone.data["after"] is None
    assert store.get_assignment(db, a.id) is None
    assert [p.user for p in records.year_records(db, chapter2.id, 2026)] == ["c@corp.example"]
    with pytest.raises(AssignmentError):
        store.remove(db, a.id, "adam")


def test_the_learner_sees_their_departments_assignments(db, chapter2) -> None:
    store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam")
    assert {k: v.due for k, v in store.learner_assignments(db, "A@corp.example", 2026).items()} == {"pi-ch2": DUE}
    assert store.learner_assignments(db, "c@corp.example", 2026) == {}
    assert store.learner_assignments(db, "a@corp.example", 2027) == {}
    assert store.learner_assignments(db, "nobody@corp.example", 2026) == {}


def test_a_concurrent_assignment_of_the_same_department_is_taken_not_a_crash(db, chapter2, monkeypatch) -> None:
    store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam")
    real = store._existing
    calls = []

    def late(s, course_id, year, department):  # the first look misses the row another administrator just made
        calls.append(department)
        return None if len(calls) == 1 else real(s, course_id, year, department)

    monkeypatch.setattr(store, "_existing", late)
    [change] = store.assign(db, chapter2, ["営業部"], 2026, date(2027, 1, 8), "olga")
    assert change.kind == "updated" and len(calls) == 2
    assert [a.due for a in store.list_assignments(db)] == [date(2027, 1, 8)]
    assert len(_audit(db, "training_assign")) == 1 and len(_audit(db, "training_assignment_update")) == 1
