"""The incident register's pages, for the privacy officer (``officer``) only; every other role gets 403.

``/incidents`` the register (open first, nearest deadline first, coloured by days left), ``/incidents/new`` the
form of plain questions, ``/incidents/{id}`` the decision with its reasons and articles, the tasks with their
countdown and a button to mark each done, and the history of the decision; ``/incidents/{id}/edit`` updates the
facts (a new assessment, the earlier ones kept). Changes go through :mod:`mamori.incidents.register`, which audits
them. Days left are counted from today in the company's time zone.
"""

from __future__ import annotations

import tomllib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from mamori.incidents import register
from mamori.incidents.case import CAUSE_LABELS_JA, CAUSES, EVENTS, CaseError
from mamori.incidents.explain import CATEGORY_ITEM, CATEGORY_SHORT
from mamori.incidents.register import IncidentView, RegisterError, privacymark_of
from mamori.incidents.report import report_stage, report_text
from mamori.incidents.report_xlsx import report_xlsx
from mamori.incidents.ruleset import builtin_rulesets, in_force
from mamori.incidents.tasks import TASK_ARTICLES, TASK_KINDS, band, today_in
from mamori.store.base import utcnow
from mamori.web.access import require_officer
from mamori.web.accounts import SessionInfo
from mamori.web.incidents_form import DATA_CHOICES, case_from_form, data_label, form_from_case
from mamori.web.incidents_text import it
from mamori.web.render import page, zone_for
from mamori.web.security import NotFound, check_csrf, form_data, require_session

router = APIRouter(include_in_schema=False)

CAUSE_LABELS_EN = {
    "email_misdelivery": "e-mail sent to the wrong person", "letter_misdelivery": "letter sent to the wrong person",
    "fax_misdelivery": "FAX sent to the wrong number", "enclosure_error": "wrong enclosure",
    "loss_theft": "loss or theft", "unauthorized_access": "unauthorised access", "malware": "malware, ransomware",
    "insider_misuse": "misuse by an employee", "system_error": "system misconfiguration or fault",
    "clerical_error": "clerical error", "verbal": "told by word of mouth", "other": "other",
}  # fmt: skip
FIELD_QUESTION = {"discovered_on": "inc.q.discovered", "persons": "inc.q.persons", "data": "inc.q.data",
                  "cause": "inc.q.cause", "event": "inc.q.event", "title": "inc.q.title"}


def _privacymark(request: Request) -> bool:
    """``[organization] privacymark`` of the app's mamori.toml (false without one)."""
    path = getattr(request.app.state.settings, "config_path", None)
    if path is None or not path.is_file():
        return False
    try:
        return privacymark_of(tomllib.loads(path.read_bytes().decode("utf-8-sig")))
    except (ValueError, UnicodeDecodeError, OSError):
        return False


def _task_rows(view: IncidentView, lang: str, today: Any) -> list[dict[str, Any]]:
    rows = []
    for t in view.tasks:
        if not t.required:
            continue
        left = view.countdown(t, today) if t.done_at is None else None
        if t.done_at is not None:
            left_text, colour = it("inc.done", lang), "done"
        elif left is None:
            left_text, colour = it("inc.promptly", lang), band(None)
        elif left.overdue:
            left_text, colour = it("inc.overdue", lang, days=-left.days_left), band(left.days_left)
        elif left.days_left == 0:
            left_text, colour = it("inc.today", lang), band(0)
        else:
            left_text = it("inc.left", lang, days=left.days_left, open=left.open_days_left)
            colour = band(left.days_left)
        rows.append({"kind": t.kind, "label": it(f"inc.task.{t.kind}", lang), "article": TASK_ARTICLES[t.kind],
                     "due": t.due, "left": left_text, "band": colour, "done": t.done_at is not None,
                     "done_at": t.done_at, "done_by": t.done_by})
    return rows


def _verdict(decision: dict[str, Any], lang: str) -> str:
    if not decision["reportable"]:
        return it("inc.not_reportable", lang)
    return it("inc.reportable_principal" if decision["report_to"] == "principal" else "inc.reportable_ppc", lang)


def _categories(decision: dict[str, Any], lang: str) -> list[str]:
    i = 1 if lang == "en" else 0
    return [f"{'Art. 7(' + CATEGORY_ITEM[c][0] + ')' if lang == 'en' else '規則7条' + CATEGORY_ITEM[c]} "
            f"{CATEGORY_SHORT[c][i]}" for c in decision["categories"]]


@router.get("/incidents")
def incidents_list(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    lang = request.state.lang
    today = today_in(utcnow(), zone_for(request))
    rows = []
    for view in register.register(request.app.state.db):
        tasks = [r for r in _task_rows(view, lang, today) if not r["done"]]
        dated = [r for r in tasks if r["due"] is not None]
        nxt = min(dated, key=lambda r: r["due"]) if dated else (tasks[0] if tasks else None)
        rows.append({"view": view, "verdict": _verdict(view.decision, lang), "next": nxt,
                     "band": nxt["band"] if nxt else "none"})
    return page(request, "incidents.html", rows=rows, it=lambda k, **v: it(k, lang, **v))


def _form_page(request: Request, status: int = 200, *, values: dict[str, Any], incident_id: int | None = None,
               title: str = "", summary: str = "", error: str = "", notes: tuple[str, ...] = ()) -> Response:
    """The form; ``notes``: what to check in answers drafted from a finding (routes_incident_drafts)."""
    lang = request.state.lang
    causes = [(c, CAUSE_LABELS_JA[c] if lang != "en" else CAUSE_LABELS_EN[c]) for c in CAUSES]
    extra = [d for d in values.get("data", []) if d not in DATA_CHOICES]  # a drafted type the list does not offer
    data = [(d, data_label(d, lang)) for d in (*DATA_CHOICES, *extra)]
    return page(request, "incident_form.html", status, it=lambda k, **v: it(k, lang, **v), values=values,
                incident_id=incident_id, title=title, summary=summary, error=error, causes=causes, data=data,
                events=EVENTS, notes=notes)


form_page = _form_page  # the form for the pages that open it pre-filled


@router.get("/incidents/new")
def incidents_new(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    today = today_in(utcnow(), zone_for(request))
    return _form_page(request, values={"discovered_on": today.isoformat(), "event": "leak", "encryption": "none",
                                       "data": []})


def _error_text(request: Request, e: CaseError | RegisterError) -> str:
    lang = request.state.lang
    if isinstance(e, RegisterError):
        return e.message_ja if lang != "en" else str(e)
    field = e.field.split("[")[0].split(".")[0]
    question = FIELD_QUESTION.get(field)
    name = it(question, lang) if question else e.field
    return it("inc.error", lang, field=name, message=e.message_ja if lang != "en" else e.message_en)


def _posted(form: FormData) -> tuple[dict[str, Any], str, str]:
    data = [str(v) for v in form.getlist("data")]
    return case_from_form(form, data), str(form.get("title") or ""), str(form.get("summary") or "")


@router.post("/incidents/new")
def incidents_create(request: Request, info: Annotated[SessionInfo, Depends(require_session)],
                     form: Annotated[FormData, Depends(form_data)]) -> Response:
    require_officer(info)
    check_csrf(form, info)
    case, title, summary = _posted(form)
    try:
        incident_id = register.create(request.app.state.db, case, info.account.login, title, summary,
                                      privacymark=_privacymark(request))
    except (CaseError, RegisterError) as e:
        values = form_from_case(case) | {"persons": form.get("persons") or ""}
        return _form_page(request, 400, values=values, title=title, summary=summary, error=_error_text(request, e))
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


def _view(request: Request, incident_id: int) -> IncidentView:
    try:
        return register.get(request.app.state.db, incident_id)
    except RegisterError:
        raise NotFound() from None


@router.get("/incidents/{incident_id}")
def incidents_show(request: Request, incident_id: int,
                   info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    lang = request.state.lang
    view = _view(request, incident_id)
    today = today_in(utcnow(), zone_for(request))
    d = view.decision
    rules = in_force(builtin_rulesets(), view.discovered_on)
    rules_title = (rules.title_en if lang == "en" else rules.title_ja) if rules is not None else d["rules"]
    facts = view.case
    cause = facts.get("cause", "")
    return page(
        request, "incident.html", it=lambda k, **v: it(k, lang, **v), view=view, decision=d,
        verdict=_verdict(d, lang), categories=_categories(d, lang), tasks=_task_rows(view, lang, today),
        reasons=[(r["article"], r["detail"] if lang == "en" else r["detail_ja"]) for r in d["reasons"]],
        rules_title=rules_title, data_labels=[data_label(x, lang) for x in facts.get("data", [])],
        cause_label=CAUSE_LABELS_JA.get(cause, cause) if lang != "en" else CAUSE_LABELS_EN.get(cause, cause),
    )


@router.post("/incidents/{incident_id}/tasks/{kind}")
def incidents_task(request: Request, incident_id: int, kind: str,
                   info: Annotated[SessionInfo, Depends(require_session)],
                   form: Annotated[FormData, Depends(form_data)]) -> Response:
    require_officer(info)
    check_csrf(form, info)
    if kind not in TASK_KINDS:
        raise NotFound()
    try:
        register.mark_done(request.app.state.db, incident_id, kind, info.account.login, done=form.get("done") == "1")
    except RegisterError:
        raise NotFound() from None
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


@router.get("/incidents/{incident_id}/edit")
def incidents_edit(request: Request, incident_id: int,
                   info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    view = _view(request, incident_id)
    return _form_page(request, values=form_from_case(view.case), incident_id=incident_id, title=view.title,
                      summary=view.summary)


@router.post("/incidents/{incident_id}/edit")
def incidents_update(request: Request, incident_id: int, info: Annotated[SessionInfo, Depends(require_session)],
                     form: Annotated[FormData, Depends(form_data)]) -> Response:
    require_officer(info)
    check_csrf(form, info)
    _view(request, incident_id)
    case, title, summary = _posted(form)
    try:
        register.update(request.app.state.db, incident_id, case, info.account.login,
                        privacymark=_privacymark(request), title=title, summary=summary)
    except (CaseError, RegisterError) as e:
        values = form_from_case(case) | {"persons": form.get("persons") or ""}
        return _form_page(request, 400, values=values, incident_id=incident_id, title=title, summary=summary,
                          error=_error_text(request, e))
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


@router.get("/incidents/{incident_id}/report.txt")
def incidents_report(request: Request, incident_id: int,
                     info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    """The nine items of 規則8条1項 as text, to paste into the PPC's form (a download)."""
    require_officer(info)
    view = _view(request, incident_id)
    body = report_text(view.id, view.case, view.decision, view.summary, view.tasks, stage=report_stage(view.tasks))
    return Response(body, media_type="text/plain; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="incident-{view.id}-report.txt"', "Cache-Control": "no-store"})


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/incidents/{incident_id}/report.xlsx")
def incidents_report_xlsx(request: Request, incident_id: int,
                          info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    """The nine items of 規則8条1項 as an XLSX workbook to file with the record (a download)."""
    require_officer(info)
    view = _view(request, incident_id)
    body = report_xlsx(view.id, view.case, view.decision, view.summary, view.tasks,
                       today_in(utcnow(), zone_for(request)), stage=report_stage(view.tasks))
    return Response(body, media_type=XLSX, headers={
        "Content-Disposition": f'attachment; filename="incident-{view.id}-report.xlsx"', "Cache-Control": "no-store"})
