"""The signed-in user's own account: changing their password (``/account/password``).

A wrong current password is a failed login attempt (same rate limit as the login form); a change ends every
other session of the user and rotates the current one. Accounts that sign in through the SSO proxy have no
password here: the page says so instead of showing the form.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from mamori.web.accounts import MIN_PASSWORD_LENGTH, AccountError, RateLimited, SessionInfo, change_password
from mamori.web.i18n import text
from mamori.web.render import page
from mamori.web.security import SESSION_COOKIE, check_csrf, client_ip, form_data, require_session, settings_of

router = APIRouter(include_in_schema=False)  # HTML pages: not part of the API schema

PATH = "/account/password"
_MAX = 1024  # longer input is cut, as the login form cuts it


def _password_page(request: Request, info: SessionInfo, status: int = 200, error: str = "",
                   notice: str = "") -> Response:
    return page(request, "account_password.html", status, sso_only=not info.account.has_password,
                min_length=MIN_PASSWORD_LENGTH, error=error, notice=notice)


@router.get(PATH)
def password_form(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    done = request.query_params.get("done") == "1"
    return _password_page(request, info, notice=text("account.changed", request.state.lang) if done else "")


@router.post(PATH)
def password_submit(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    check_csrf(form, info)
    lang = request.state.lang
    if not info.account.has_password:
        return _password_page(request, info, 400)
    current = str(form.get("current_password") or "")[:_MAX]
    new = str(form.get("new_password") or "")[:_MAX]
    if new != str(form.get("new_password_again") or "")[:_MAX]:
        return _password_page(request, info, 400, error=text("account.mismatch", lang))
    settings = settings_of(request)
    try:
        result = change_password(
            request.app.state.db,
            info.account.login,
            current,
            new,
            client_ip(request),
            current_token=request.cookies.get(SESSION_COOKIE),
            session_hours=settings.session_hours,
            max_failures=settings.login_max_failures,
            ip_max_failures=settings.ip_max_failures,
            window_minutes=settings.login_window_minutes,
        )
    except RateLimited as exc:
        response = _password_page(request, info, 429, error=text("account.limited", lang, minutes=exc.minutes))
        response.headers["Retry-After"] = str(exc.minutes * 60)
        return response
    except AccountError as exc:
        return _password_page(request, info, 400, error=exc.message_ja if lang == "ja" else str(exc))
    if result is None:
        return _password_page(request, info, 401, error=text("account.wrong_current", lang))
    token, _info = result
    request.state.new_session_token = token  # the middleware sets the (one) session cookie on the response
    return RedirectResponse(f"{PATH}?done=1", status_code=303)
