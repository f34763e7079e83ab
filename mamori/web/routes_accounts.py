"""Account administration pages beyond the user list: CSV import (upload → preview → confirm), invitations, and the
invited person's page that sets their password (``/invite/<token>``, no login).

The import is stateless: the preview carries the uploaded file back (base64, in the form) with the hash of the
changes it showed; the confirmation plans again and applies only when the changes are the same (else it shows the
new preview), in one transaction. Only the administrator (``admin``) and the privacy officer (``officer``) reach
``/admin/accounts/*``.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from mamori.web import invitations
from mamori.web.access import require_account_admin
from mamori.web.account_plan import Plan, apply, detail, summary
from mamori.web.accounts import MIN_PASSWORD_LENGTH, AccountError, SessionInfo, get_user
from mamori.web.accounts_text import at
from mamori.web.csv_accounts import MAX_BYTES, plan_import
from mamori.web.render import page
from mamori.web.security import (
    PRE_COOKIE,
    check_csrf,
    check_login_csrf,
    client_ip,
    form_data,
    login_csrf_token,
    require_session,
    settings_of,
)

router = APIRouter(include_in_schema=False)  # HTML pages: not part of the API schema


def _page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    return page(request, name, status, at=lambda key, **v: at(key, lang, **v), **context)


def _preview(request: Request, result: Plan, content: bytes, status: int = 200, notice: str = "") -> Response:
    lang = request.state.lang
    return _page(request, "accounts_import.html", status, plan=result, notice=notice,
                 rows=[(c, detail(c, lang)) for c in result.changes if c.kind != "unchanged"],
                 errors=[e.text(lang) for e in result.errors], summary=summary(result, lang),
                 content=base64.b64encode(content).decode("ascii") if result.ok else "")


@router.get("/admin/accounts/import")
def import_form(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_account_admin(info)
    return _page(request, "accounts_import.html", plan=None)


@router.post("/admin/accounts/import")
def import_preview(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_account_admin(info)
    check_csrf(form, info)
    upload = form.get("file")
    data = upload.file.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
    result = plan_import(request.app.state.db, data, protect=(info.account.login,),
                         officers=info.account.is_officer)
    return _preview(request, result, data, 200 if result.ok else 400)


@router.post("/admin/accounts/import/confirm")
def import_confirm(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_account_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    try:
        data = base64.b64decode(str(form.get("content") or ""), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    db = request.app.state.db
    result = plan_import(db, data, protect=(info.account.login,), officers=info.account.is_officer)
    if not result.ok:
        return _preview(request, result, data, 400)
    if not secrets.compare_digest(result.digest, str(form.get("digest") or "")):
        return _preview(request, result, data, 409, notice=at("acct.changed_meanwhile", lang))
    try:
        apply(db, result, info.account.login)
    except AccountError as exc:
        return _page(request, "accounts_import.html", 409, plan=None,
                     error=exc.message_ja if lang == "ja" else str(exc))
    created = [c.login for c in result.of("create")]
    return _page(request, "accounts_import.html", plan=None, invite=created, can_mail=_mailer(request) is not None,
                 notice=at("acct.applied", lang, summary=summary(result, lang)))


def _mailer(request: Request) -> Any:
    """The invitation mailer of the configured gateway next hop, or ``None`` when mamori.toml configures none."""
    path = settings_of(request).config_path
    if path is None or not path.is_file():
        return None
    from mamori.gateway.settings import SettingsError, load_gateway_settings

    try:
        data = path.read_text(encoding="utf-8-sig")
        if "[gateway]" not in data:
            return None
        return invitations.mailer(load_gateway_settings(path))
    except (OSError, SettingsError, UnicodeDecodeError):
        return None


@router.post("/admin/accounts/invite")
def invite(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    """Invite the posted ``login`` s: by mail (``via=mail``, when configured) or shown here to pass on."""
    require_account_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    settings = settings_of(request)
    logins = [str(v) for v in form.getlist("login") if str(v).strip()][:5000]
    deliver = _mailer(request) if form.get("via") == "mail" else None
    failures: list[str] = []
    links: list[tuple[str, str]] = []
    for login in logins:
        target = get_user(request.app.state.db, login)
        if not info.account.is_officer and target is not None and target.is_officer:
            failures.append(at("acct.invite_failed", lang, login=login, error=at("acct.officer_only", lang)))
            continue
        try:
            url = invitations.issue(request.app.state.db, settings.secret_key, settings.base_url, login,
                                    actor=info.account.login, deliver=deliver)
        except (AccountError, invitations.MailError, OSError) as exc:
            error = exc.message_ja if isinstance(exc, AccountError) and lang == "ja" else str(exc)
            failures.append(at("acct.invite_failed", lang, login=login, error=error))
            continue
        links.append((login, url))
    notice = ""
    if deliver is not None:
        notice = at("acct.invited_mail", lang, count=len(links))
        links = []
    elif form.get("via") == "mail":
        failures.insert(0, at("acct.no_mail", lang))
    return _page(request, "accounts_invited.html", 200, links=links, notice=notice,
                 failures=failures, hours=int(invitations.DEFAULT_HOURS))


# --- the invited person ------------------------------------------------------------------------------------


def _refused(request: Request, exc: invitations.InvitationError) -> Response:
    status = {"expired": 410, "spent": 410, "disabled": 403}.get(exc.code, 400)
    return _page(request, "error.html", status, message=at(f"invite.{exc.code}", request.state.lang))


def _invite_page(request: Request, inv: invitations.Invitation, status: int = 200, error: str = "") -> Response:
    settings = settings_of(request)
    nonce = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    response = _page(request, "invite.html", status, login=inv.login, min_length=MIN_PASSWORD_LENGTH, error=error,
                     form_csrf=login_csrf_token(settings, nonce))
    if request.cookies.get(PRE_COOKIE) != nonce:
        response.set_cookie(PRE_COOKIE, nonce, path="/", httponly=True, samesite="lax",
                            secure=settings.secure_cookies)
    return response


@router.get("/invite/{token}")
def invite_form(request: Request, token: str) -> Response:
    """The form (never changes anything: mail scanners open every link)."""
    try:
        inv = invitations.verify(settings_of(request).secret_key, token)
        invitations.check_usable(request.app.state.db, inv)
    except invitations.InvitationError as exc:
        return _refused(request, exc)
    return _invite_page(request, inv)


@router.post("/invite/{token}")
def invite_accept(request: Request, token: str, form: Annotated[FormData, Depends(form_data)]) -> Response:
    check_login_csrf(request, form)
    lang = request.state.lang
    secret = settings_of(request).secret_key
    password = str(form.get("password") or "")[:1024]
    try:
        inv = invitations.verify(secret, token)
        if password != str(form.get("repeat") or "")[:1024]:
            return _invite_page(request, inv, 400, at("invite.mismatch", lang))
        invitations.accept(request.app.state.db, secret, token, password, client_ip(request))
    except invitations.InvitationError as exc:
        return _refused(request, exc)
    except AccountError as exc:
        return _invite_page(request, inv, 400, exc.message_ja if lang == "ja" else str(exc))
    return _page(request, "invite.html", login=inv.login, done=True)
