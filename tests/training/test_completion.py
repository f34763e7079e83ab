"""Completion per department and per person (pure): the states from the records, overdue beside them, the figures,
the order of the drill-down, and the export rows."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from mamori.training import completion_export as export
from mamori.training.completion import (
    IN_PROGRESS,
    NOT_STARTED,
    PASSED,
    Assignment,
    Person,
    people_statuses,
    person_status,
    summarise,
)
from mamori.training.progress import Progress

DUE = date(2026, 12, 18)
A = Assignment(7, "pi-ch2", "2026.2+abc", 2026, "営業部", DUE)
T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def _rec(user: str, *, started: bool = False, completed: bool = False, score: int | None = None) -> Progress:
    return Progress(user=user, course_id="pi-ch2", year=2026, assigned_at=T0,
                    started_at=T0 if started or completed else None, best_score=score, attempts=1 if score else 0,
                    completed_at=datetime(2026, 12, 19, 0, 30, tzinfo=UTC) if completed else None,
                    completed_version="2026.2+abc" if completed else "", passed=completed)


PEOPLE = [Person("a@corp.example", "青木", "営業部"), Person("b@corp.example", "馬場", "営業部"),
          Person("c@corp.example", "千葉", "営業部"), Person("d@corp.example", "土井", "営業部"),
          Person("x@corp.example", "他部署", "総務部")]
RECORDS = {"a@corp.example": _rec("a@corp.example", completed=True, score=90),
           "b@corp.example": _rec("b@corp.example", started=True, score=40),
           "c@corp.example": _rec("c@corp.example"),  # assigned, never opened
           "x@corp.example": _rec("x@corp.example", completed=True, score=100)}


def test_states_come_from_the_records() -> None:
    states = {p.login: person_status(p, RECORDS.get(p.login), DUE, date(2026, 12, 1)).state for p in PEOPLE}
    assert states == {"a@corp.example": PASSED, "b@corp.example": IN_PROGRESS, "c@corp.example": NOT_STARTED,
                      "d@corp.example": NOT_STARTED, "x@corp.example": PASSED}


def test_overdue_only_after_the_due_day_and_never_for_who_passed() -> None:
    for today, late in ((date(2026, 12, 17), set()), (DUE, set()),  # the due day itself is still in time
                        (date(2026, 12, 19), {"b@corp.example", "c@corp.example", "d@corp.example"})):
        got = {s.login for s in people_statuses(A, PEOPLE, RECORDS, today) if s.overdue}
        assert got == late, today


def test_the_department_figures() -> None:
    before = summarise(A, people_statuses(A, PEOPLE, RECORDS, date(2026, 12, 10)))
    assert (before.assigned, before.passed, before.in_progress, before.not_started, before.overdue) == (4, 1, 1, 2, 0)
    assert before.percent == 25  # the other department's person is not counted
    after = summarise(A, people_statuses(A, PEOPLE, RECORDS, date(2027, 1, 5)))
    assert (after.passed, after.overdue) == (1, 3)
    now_b = {**RECORDS, "b@corp.example": _rec("b@corp.example", completed=True, score=80)}
    assert summarise(A, people_statuses(A, PEOPLE, now_b, date(2027, 1, 5))).passed == 2
    empty = summarise(A, [])
    assert (empty.assigned, empty.percent) == (0, 0)


def test_the_people_list_shows_who_has_not_passed_first() -> None:
    order = [s.login for s in people_statuses(A, PEOPLE, RECORDS, date(2026, 12, 19))]
    assert order == ["b@corp.example", "c@corp.example", "d@corp.example", "a@corp.example"]
    statuses = people_statuses(A, PEOPLE, RECORDS, date(2026, 12, 19))
    a = next(s for s in statuses if s.login == "a@corp.example")
    assert (a.best_score, a.completed_version, a.name) == (90, "2026.2+abc", "青木")


def test_export_rows_csv_and_xlsx() -> None:
    statuses = people_statuses(A, PEOPLE, RECORDS, date(2026, 12, 19))
    fig = summarise(A, statuses)
    deps = export.department_rows([fig])
    assert deps == [{"year": 2026, "course": "pi-ch2", "version": "2026.2+abc", "department": "営業部",
                     "due": "2026-12-18", "assigned": 4, "passed": 1, "in_progress": 1, "not_started": 2,
                     "overdue": 3, "percent": 25}]
    people = export.person_rows([(fig, statuses)], ZoneInfo("Asia/Tokyo"), "ja")
    rows = list(csv.reader(io.StringIO(export.csv_text(people, "people", "ja"))))
    assert rows[0][:6] == ["年度", "研修", "部署", "ログイン", "氏名", "状況"]
    a = next(r for r in rows if r[3] == "a@corp.example")
    assert a[5] == "合格・修了" and a[8] == "2026-12-19 09:30"  # completion time in JST
    assert next(r for r in rows if r[3] == "c@corp.example")[5:7] == ["未受講", "はい"]
    en = list(csv.reader(io.StringIO(export.csv_text(export.person_rows([(fig, statuses)], UTC, "en"),
                                                     "people", "en"))))
    assert en[0][5] == "Status" and {r[5] for r in en[1:]} == {"passed", "in progress", "not started"}
    wb = load_workbook(io.BytesIO(export.xlsx_bytes(deps, people, "ja")))
    assert wb.sheetnames == ["部署別", "個人別"]
    assert [c.value for c in wb["部署別"][2]] == [2026, "pi-ch2", "2026.2+abc", "営業部", "2026-12-18", 4, 1, 1, 2,
                                                 3, 25]
    assert wb["個人別"].max_row == 5


def test_a_formula_in_a_department_name_is_written_as_text() -> None:
    bad = Assignment(1, "pi-ch2", "v", 2026, "=HYPERLINK(\"http://x\")", DUE)
    fig = summarise(bad, [])
    text = export.csv_text(export.department_rows([fig]), "departments")
    assert "\"'=HYPERLINK" in text
