"""Completion per department and per person as CSV and XLSX, for the auditors.

``department_rows`` and ``person_rows`` are pure (completions -> rows of display values, times in the company's
zone); ``csv_text`` writes one of the two tables, ``xlsx_bytes`` both (a sheet each). Every text cell goes through
:mod:`mamori.spreadsheet` (no formula injection from a name or a department).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, tzinfo

from mamori.spreadsheet import CsvWriter, xlsx_cell
from mamori.training.completion import STATE_TEXT, DepartmentCompletion, PersonStatus

Row = dict[str, str | int]

DEPARTMENT_COLUMNS = (
    ("year", "年度", "Year"),
    ("course", "研修", "Course"),
    ("version", "割当時の教材版", "Version assigned"),
    ("department", "部署", "Department"),
    ("due", "期限", "Due"),
    ("assigned", "対象者", "Assigned"),
    ("passed", "合格・修了", "Passed"),
    ("in_progress", "受講中", "In progress"),
    ("not_started", "未受講", "Not started"),
    ("overdue", "期限超過", "Overdue"),
    ("percent", "修了率(%)", "Passed (%)"),
)
PERSON_COLUMNS = (
    ("year", "年度", "Year"),
    ("course", "研修", "Course"),
    ("department", "部署", "Department"),
    ("login", "ログイン", "Login"),
    ("name", "氏名", "Name"),
    ("state", "状況", "Status"),
    ("overdue", "期限超過", "Overdue"),
    ("due", "期限", "Due"),
    ("completed", "修了日時", "Completed"),
    ("completed_version", "修了した教材版", "Version completed"),
    ("best_score", "最高点", "Best score"),
    ("attempts", "受験回数", "Attempts"),
    ("reminders", "督促回数", "Reminders"),
    ("reminded", "最終督促日時", "Last reminder"),
)


def _when(value: datetime | None, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value is not None else ""


def department_rows(completions: Sequence[DepartmentCompletion]) -> list[Row]:
    return [
        {
            "year": c.assignment.year, "course": c.assignment.course_id, "version": c.assignment.course_version,
            "department": c.assignment.department, "due": c.assignment.due.isoformat(), "assigned": c.assigned,
            "passed": c.passed, "in_progress": c.in_progress, "not_started": c.not_started, "overdue": c.overdue,
            "percent": c.percent,
        }
        for c in completions
    ]


def person_rows(
    pairs: Sequence[tuple[DepartmentCompletion, Sequence[PersonStatus]]], tz: tzinfo, lang: str = "ja"
) -> list[Row]:
    out: list[Row] = []
    yes, no = ("はい", "") if lang != "en" else ("yes", "")
    for c, statuses in pairs:
        for s in statuses:
            out.append({
                "year": c.assignment.year, "course": c.assignment.course_id, "department": s.department,
                "login": s.login, "name": s.name, "state": STATE_TEXT[s.state][1 if lang == "en" else 0],
                "overdue": yes if s.overdue else no, "due": c.assignment.due.isoformat(),
                "completed": _when(s.completed_at, tz), "completed_version": s.completed_version,
                "best_score": "" if s.best_score is None else s.best_score, "attempts": s.attempts,
                "reminders": s.reminders, "reminded": _when(s.reminded_at, tz),
            })
    return out


def _headers(columns: Sequence[tuple[str, str, str]], lang: str) -> list[str]:
    return [en if lang == "en" else ja for _, ja, en in columns]


def columns_of(kind: str) -> Sequence[tuple[str, str, str]]:
    return PERSON_COLUMNS if kind == "people" else DEPARTMENT_COLUMNS


def csv_text(rows: Sequence[Row], kind: str, lang: str = "ja") -> str:
    """One table (``kind`` ``departments`` or ``people``) with a header row; write it as UTF-8 with a BOM."""
    columns = columns_of(kind)
    buf = io.StringIO()
    w = CsvWriter(buf, lineterminator="\r\n")
    w.writerow(_headers(columns, lang))
    for row in rows:
        w.writerow([row[key] for key, _, _ in columns])
    return buf.getvalue()


def xlsx_bytes(departments: Sequence[Row], people: Sequence[Row], lang: str = "ja") -> bytes:
    """A workbook with a sheet per table: completion per department, then per person."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheets = ((wb.active, "部署別" if lang != "en" else "Departments", DEPARTMENT_COLUMNS, departments),
              (wb.create_sheet(), "個人別" if lang != "en" else "People", PERSON_COLUMNS, people))
    for ws, title, columns, rows in sheets:
        ws.title = title
        ws.append(_headers(columns, lang))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([xlsx_cell(row[key]) for key, _, _ in columns])
        ws.freeze_panes = "A2"
        for i, (key, ja, en) in enumerate(columns, start=1):
            width = max([len(str(r[key])) for r in rows] + [len(ja) * 2, len(en), 8])
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width + 2, 48)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
