"""Pages for approvers and the privacy officer: the dashboard, the read-only audit log; user administration for the
administrator (``admin``) and the privacy officer (``officer``).

There are no routes that change or delete audit entries: the log is append-only by construction.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from starlette.datastructures import FormData

from mamori.store.accounts import ROLES
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.web.access import require_account_admin, require_officer, visible_senders
from mamori.web.accounts import (
    AccountError,
    SessionInfo,
    create_user,
    get_user,
    list_users,
    set_password,
    update_user,
)
from mamori.web.accounts_text import at
from mamori.web.admin_text import adt
from mamori.web.chart import bar_chart
from mamori.web.dashboard import count, load_rows
from mamori.web.i18n import text
from mamori.web.incstats_text import st
from mamori.web.render import page, zone_for
from mamori.web.routes_audit_export import audit_filter, retention_days
from mamori.web.routes_incident_stats import cause_chart, load_statistics
from mamori.web.security import Forbidden, NotFound, check_csrf, form_data, require_session, settings_of

router = APIRouter(include_in_schema=False)  # HTML pages: not part of the API schema

PAGE_SIZE = 100
DAYS = 14


def _officer_account(request: Request, info: SessionInfo, login: str, role: str = "") -> bool:
    """Whether a non-officer (the ``admin``) is about to touch an officer's account or grant the officer role: only
    an officer may, or the administrator could make themselves a reader of everyone's mail."""
    if info.account.is_officer:
        return False
    target = get_user(request.app.state.db, login)
    return role == "officer" or (target is not None and target.is_officer)


def _officer_only(request: Request) -> Response:
    return _users_page(request, 403, error=at("acct.officer_only", request.state.lang))


@router.get("/audit")
def audit(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    f = audit_filter(request)
    try:
        before = int(request.query_params.get("before", "0"))
    except ValueError:
        before = 0
    q = f.where(select(AuditEntry).order_by(AuditEntry.id.desc()), zone_for(request))
    if before > 0:
        q = q.where(AuditEntry.id < before)
    with request.app.state.db.session() as s:
        rows = list(s.scalars(q.limit(PAGE_SIZE + 1)))
        actions = sorted(s.scalars(select(AuditEntry.action).group_by(AuditEntry.action)))
        newest = s.scalar(select(func.max(AuditEntry.id))) or 0
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    lang = request.state.lang
    content, kept = retention_days(settings_of(request).config_path)
    retention = " ".join((adt("aud.retention", lang),
                          adt("aud.content_days", lang, n=content) if content else adt("aud.content_kept", lang),
                          adt("aud.rows_days", lang, n=kept) if kept else adt("aud.rows_kept", lang)))
    return page(
        request,
        "audit.html",
        rows=rows,
        actions=actions,
        action=f.action,
        filter=f,
        query=urlencode(f.query()),
        older=rows[-1].id if more and rows else 0,
        newer=before > 0 and before <= newest,
        adt=lambda key, **v: adt(key, lang, **v),
        retention=retention,
    )


@router.get("/dashboard")
def dashboard(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    if not info.account.is_approver:
        raise Forbidden()
    lang = request.state.lang
    db = request.app.state.db
    now = utcnow()
    figures = count(load_rows(db, visible_senders(db, info.account), now - timedelta(days=DAYS + 1)),
                    now.astimezone(zone_for(request)).date(), DAYS, zone_for(request))
    labels = [d.strftime("%m/%d") for d in figures.days]
    chart = bar_chart(
        labels,
        [
            (text("dash.held", lang), figures.held),
            (text("dash.released", lang), figures.released),
            (text("dash.cancelled", lang), figures.cancelled),
        ],
        title=text("dash.per_day", lang),
    )
    top = max([1, *(n for _, n in figures.top_reasons)])
    incidents = None
    if info.account.is_officer:  # the incidents by cause: the officer's (routes_incident_stats)
        stats = load_statistics(request)
        incidents = {"chart": cause_chart(stats, lang), "title": st("st.dash", lang, year=stats.year),
                     "link": st("st.dash_link", lang), "source": stats.source.label(lang)}
    return page(request, "dashboard.html", figures=figures, chart=chart, labels=labels, days=DAYS, top=top,
                totals=(sum(figures.held), sum(figures.released), sum(figures.cancelled)), incidents=incidents)


def _users_page(request: Request, status: int = 200, notice: str = "", error: str = "") -> Response:
    lang = request.state.lang
    return page(request, "users.html", status, users=list_users(request.app.state.db), roles=ROLES,
                notice=notice, error=error, at=lambda key, **v: at(key, lang, **v))


@router.get("/admin/users")
def users(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_account_admin(info)
    return _users_page(request)


def _account_error(request: Request, exc: AccountError) -> Response:
    return _users_page(request, 400, error=exc.message_ja if request.state.lang == "ja" else str(exc))


@router.post("/admin/users")
def users_create(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_account_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    password = str(form.get("password") or "") or None
    if _officer_account(request, info, str(form.get("login") or ""), str(form.get("role") or "")):
        return _officer_only(request)
    try:
        account = create_user(
            request.app.state.db,
            str(form.get("login") or ""),
            role=str(form.get("role") or "sender"),
            group=str(form.get("group") or ""),
            display_name=str(form.get("display_name") or ""),
            password=password,
            actor=info.account.login,
        )
        if password is None and form.get("sso_only") != "1":
            password = set_password(request.app.state.db, account.login, actor=info.account.login)
            return _users_page(request, 201, text("users.new_password", lang, login=account.login, password=password))
    except AccountError as exc:
        return _account_error(request, exc)
    return _users_page(request, 201, text("users.created", lang, login=account.login))


@router.post("/admin/users/{login}")
def users_update(
    request: Request,
    login: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_account_admin(info)
    check_csrf(form, info)
    if login.strip().lower() == info.account.login and (form.get("active") != "1"
                                                        or form.get("role") != info.account.role):
        lang = request.state.lang
        return _users_page(request, 400, error=text("users.self_lockout", lang))
    if _officer_account(request, info, login, str(form.get("role") or "")):
        return _officer_only(request)
    try:
        account = update_user(
            request.app.state.db,
            login,
            actor=info.account.login,
            role=str(form.get("role")) if form.get("role") else None,
            group=str(form.get("group") or ""),
            display_name=str(form.get("display_name") or ""),
            active=form.get("active") == "1",
        )
    except AccountError as exc:
        return _account_error(request, exc)
    return _users_page(request, notice=text("users.saved", request.state.lang, login=account.login))


@router.post("/admin/users/{login}/password")
def users_password(
    request: Request,
    login: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_account_admin(info)
    check_csrf(form, info)
    if _officer_account(request, info, login):
        return _officer_only(request)
    try:
        password = set_password(request.app.state.db, login, actor=info.account.login)
    except AccountError as exc:
        raise NotFound() from exc
    return _users_page(request, notice=text("users.new_password", request.state.lang, login=login.lower(),
                                            password=password))
