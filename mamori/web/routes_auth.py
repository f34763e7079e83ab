"""Log in (password, rate limited), log out, and the front door that sends each role to its page."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from mamori.gateway.envelope import unusable_characters
from mamori.web.accounts import RateLimited, authenticate, close_session, open_session
from mamori.web.i18n import text
from mamori.web.render import page
from mamori.web.security import (
    PRE_COOKIE,
    SESSION_COOKIE,
    check_csrf,
    check_login_csrf,
    client_ip,
    form_data,
    login_csrf_token,
    logout,
    require_session,
    resolve_session,
    safe_next,
    set_session_cookie,
    settings_of,
)

router = APIRouter(include_in_schema=False)  # HTML pages: not part of the API schema


@router.get("/")
def front(request: Request) -> Response:
    info = resolve_session(request)
    if info is None:
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse("/queue" if info.account.is_approver else "/messages", status_code=303)


def _login_page(
    request: Request, status: int = 200, error: str = "", next_path: str = "/", login: str = ""
) -> Response:
    settings = settings_of(request)
    nonce = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    response = page(
        request,
        "login.html",
        status,
        login_csrf=login_csrf_token(settings, nonce),
        error=error,
        next_path=safe_next(next_path),
        login_value=login,
        logged_out=request.query_params.get("bye") == "1",
    )
    if request.cookies.get(PRE_COOKIE) != nonce:
        response.set_cookie(PRE_COOKIE, nonce, path="/", httponly=True, samesite="lax",
                            secure=settings.secure_cookies)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    info = resolve_session(request)
    if info is not None:
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    return _login_page(request, next_path=request.query_params.get("next", "/"))


@router.post("/login")
def login_submit(request: Request, form: Annotated[FormData, Depends(form_data)]) -> Response:
    check_login_csrf(request, form)
    settings = settings_of(request)
    db = request.app.state.db
    login = str(form.get("login") or "")[:320]
    password = str(form.get("password") or "")[:1024]
    next_path = safe_next(form.get("next"))
    lang = request.state.lang
    bad = unusable_characters(login.strip())
    if bad:  # no address holds these: say which, without a lookup (and without a failed attempt on record)
        return _login_page(request, 400, text("login.bad_characters", lang, chars=", ".join(bad)), next_path)
    try:
        account = authenticate(
            db,
            login,
            password,
            client_ip(request),
            max_failures=settings.login_max_failures,
            ip_max_failures=settings.ip_max_failures,
            window_minutes=settings.login_window_minutes,
        )
    except RateLimited as exc:
        response = _login_page(request, 429, text("login.limited", lang, minutes=exc.minutes), next_path, login)
        response.headers["Retry-After"] = str(exc.minutes * 60)
        return response
    if account is None:
        return _login_page(request, 401, text("login.failed", lang), next_path, login)
    close_session(db, request.cookies.get(SESSION_COOKIE))  # never keep a session id across a login
    token, _info = open_session(db, account.login, settings.session_hours)
    response = RedirectResponse(next_path if next_path != "/" else "/", status_code=303)
    set_session_cookie(response, settings, token)
    return response


@router.post("/logout")
def logout_submit(request: Request, form: Annotated[FormData, Depends(form_data)]) -> Response:
    info = require_session(request)
    check_csrf(form, info)
    response = RedirectResponse("/login?bye=1", status_code=303)
    logout(request, response)
    return response
