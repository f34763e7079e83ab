"""The training administration pages (``/admin/training``): assign a course version to departments with a due
date, completion per department and its people, reminders by mail, export CSV/XLSX for the auditors.

The administrator (``admin``) changes assignments and sends reminders; the privacy officer may look and export
(read only); everyone else gets 403. Changes are audited with before/after by :mod:`mamori.training.assignments`,
reminders by :mod:`mamori.training.remind`, and each export is an audit entry ``training_export``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from mamori.incidents.remind import load_reminder_settings
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.training import assignments as store
from mamori.training import completion_export as export
from mamori.training.assignments import AssignmentError
from mamori.training.course import Course
from mamori.training.progress import fiscal_year
from mamori.training.remind import remind_assignment
from mamori.web.access import require_admin, require_admin_or_officer
from mamori.web.accounts import SessionInfo
from mamori.web.form_dates import day_field
from mamori.web.render import page, zone_for
from mamori.web.security import NotFound, check_csrf, form_data, require_session, settings_of
from mamori.web.training_admin_text import tat

router = APIRouter(include_in_schema=False)


def _courses(request: Request) -> dict[str, Course]:
    return getattr(request.app.state, "training_courses", {}) or {}


def _today(request: Request) -> date:
    return utcnow().astimezone(zone_for(request)).date()


def _this_year(request: Request) -> int:
    year_of = getattr(request.app.state, "training_year_of", None) or fiscal_year
    return int(year_of(utcnow().astimezone(zone_for(request))))


def _year(request: Request, value: str | None) -> int:
    if not value:
        return _this_year(request)
    try:
        return int(value)
    except ValueError:
        return _this_year(request)


def _date(value: object) -> date | None:
    return day_field(value)[0]


def _page(request: Request, info: SessionInfo, year: int, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    db = request.app.state.db
    courses = _courses(request)
    pairs = store.completions(db, store.list_assignments(db, year), _today(request))
    return page(
        request,
        "admin_training.html",
        status,
        tat=lambda key, **v: tat(key, lang, **v),
        year=year,
        years=sorted({year, _this_year(request), *store.years(db)}, reverse=True),
        courses=list(courses.values()),
        departments=store.departments(db),
        rows=[c for c, _ in pairs],
        titles={c.id: c.title.get(lang) for c in courses.values()},
        can_change=info.account.role == "admin",
        **context,
    )


@router.get("/admin/training")
def training_admin(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_admin_or_officer(info)
    return _page(request, info, _year(request, request.query_params.get("year")))


@router.post("/admin/training/assign")
def training_assign(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    year = _year(request, str(form.get("year") or ""))
    course = _courses(request).get(str(form.get("course") or ""))
    due = _date(form.get("due"))
    if course is None:
        return _page(request, info, year, 400, error=tat("tr.unknown_course", lang))
    if due is None:
        return _page(request, info, year, 400, error=tat("tr.bad_due", lang))
    try:
        changes = store.assign(request.app.state.db, course, [str(d) for d in form.getlist("department")], year,
                               due, info.account.login)
    except AssignmentError as exc:
        return _page(request, info, year, 400, error=exc.message_ja if lang == "ja" else str(exc))
    counts = {k: sum(1 for c in changes if c.kind == k) for k in ("created", "updated", "unchanged")}
    notice = " ".join(tat(f"tr.{k}", lang, n=n) for k, n in counts.items() if n)
    return _page(request, info, year, 201 if counts["created"] else 200, notice=notice)


def _assignment(request: Request, number: int) -> store.Assignment:
    found = store.get_assignment(request.app.state.db, number)
    if found is None:
        raise NotFound()
    return found


def _department_page(request: Request, info: SessionInfo, number: int, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    a = _assignment(request, number)
    figures, people = store.completion(request.app.state.db, a, _today(request))
    course = _courses(request).get(a.course_id)
    return page(
        request,
        "admin_training_department.html",
        status,
        tat=lambda key, **v: tat(key, lang, **v),
        a=a,
        figures=figures,
        people=people,
        title=course.title.get(lang) if course is not None else a.course_id,
        can_change=info.account.role == "admin",
        **context,
    )


@router.get("/admin/training/{number:int}")
def training_department(
    request: Request, number: int, info: Annotated[SessionInfo, Depends(require_session)]
) -> Response:
    require_admin_or_officer(info)
    return _department_page(request, info, number)


@router.post("/admin/training/{number:int}/due")
def training_due(
    request: Request,
    number: int,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    due = _date(form.get("due"))
    if due is None:
        return _department_page(request, info, number, 400, error=tat("tr.bad_due", lang))
    try:
        store.change_due(request.app.state.db, number, due, info.account.login)
    except AssignmentError as exc:
        raise NotFound() from exc
    return _department_page(request, info, number, notice=tat("tr.due_changed", lang, due=due.isoformat()))


@router.post("/admin/training/{number:int}/remind")
def training_remind(
    request: Request,
    number: int,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    a = _assignment(request, number)
    course = _courses(request).get(a.course_id)
    if course is None:
        return _department_page(request, info, number, 400, error=tat("tr.unknown_course", lang))
    try:
        settings = load_reminder_settings(settings_of(request).config_path)
    except ValueError as exc:
        return _department_page(request, info, number, 503, error=str(exc))
    run = remind_assignment(request.app.state.db, settings, a, course, _today(request), info.account.login)
    notices = [tat("tr.reminded", lang, sent=run.sent)] if run.sent else []
    if not run.sent and not run.failed:
        notices.append(tat("tr.nobody", lang))
    error = tat("tr.remind_failed", lang, failed=run.failed, error=run.error) if run.failed else ""
    return _department_page(request, info, number, notice=" ".join(notices), error=error)


@router.post("/admin/training/{number:int}/remove")
def training_remove(
    request: Request,
    number: int,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    try:
        a = store.remove(request.app.state.db, number, info.account.login)
    except AssignmentError as exc:
        raise NotFound() from exc
    return _page(request, info, a.year, notice=tat("tr.removed", request.state.lang))


def _export_pairs(request: Request, year: int) -> list[Any]:
    db = request.app.state.db
    return store.completions(db, store.list_assignments(db, year), _today(request))


def _audit_export(request: Request, info: SessionInfo, year: int, kind: str, fmt: str, rows: int) -> None:
    with request.app.state.db.session() as s:
        record(s, info.account.login, "training_export", f"training:{year}",
               f"training completion {year} exported ({kind}, {fmt}, {rows} rows)", year=year, kind=kind,
               format=fmt, rows=rows)


@router.get("/admin/training/export.csv")
def training_export_csv(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_admin_or_officer(info)
    lang = request.state.lang
    year = _year(request, request.query_params.get("year"))
    kind = "people" if request.query_params.get("kind") == "people" else "departments"
    pairs = _export_pairs(request, year)
    rows = (export.person_rows(pairs, zone_for(request), lang) if kind == "people"
            else export.department_rows([c for c, _ in pairs]))
    _audit_export(request, info, year, kind, "csv", len(rows))
    body = export.csv_text(rows, kind, lang).encode("utf-8-sig")  # with a BOM: Excel reads Japanese
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="training-{kind}-{year}.csv"', "Cache-Control": "no-store"})


@router.get("/admin/training/export.xlsx")
def training_export_xlsx(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_admin_or_officer(info)
    lang = request.state.lang
    year = _year(request, request.query_params.get("year"))
    pairs = _export_pairs(request, year)
    departments = export.department_rows([c for c, _ in pairs])
    people = export.person_rows(pairs, zone_for(request), lang)
    _audit_export(request, info, year, "departments+people", "xlsx", len(departments) + len(people))
    return Response(
        export.xlsx_bytes(departments, people, lang),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="training-completion-{year}.xlsx"',
                 "Cache-Control": "no-store"},
    )
