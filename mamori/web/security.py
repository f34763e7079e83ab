"""Who is asking: the session cookie, the trusted SSO header, CSRF tokens, and the errors pages are made of.

- The session cookie carries a random token; the server keeps its hash (``mamori.web.accounts``). Cookies are
  HttpOnly, SameSite=Lax, and Secure when ``base_url`` is https.
- Every POST form carries the session's CSRF token (the login form: an HMAC of a pre-login cookie), compared in
  constant time; a missing or wrong token is a 403.
- The SSO header (e.g. ``X-Remote-User``) is believed only when the TCP peer is one of ``trusted_proxies``;
  from anyone else it is ignored.
- ``X-Forwarded-For`` is governed by the same setting: the client address (rate limits, audit entries) is the
  TCP peer, or what a trusted proxy forwarded (``WebSettings.forwarded_client``). The TCP peer is what uvicorn
  saw on the socket: mamori runs uvicorn with its own proxy-header handling off (``mamori.web.app.server_config``), so
  nothing rewrites it before these checks.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from urllib.parse import quote

from fastapi import Request
from starlette.datastructures import FormData
from starlette.responses import Response

from mamori.web.accounts import AccountError, SessionInfo, close_session, get_user, open_session, session_for
from mamori.web.settings import WebSettings

SESSION_COOKIE = "mamori_session"
PRE_COOKIE = "mamori_pre"
LANG_COOKIE = "mamori_lang"

log = logging.getLogger("mamori.web")


class LoginRequired(Exception):
    def __init__(self, next_path: str = "/") -> None:
        super().__init__("login required")
        self.next_path = next_path


class CsrfError(Exception):
    pass


class Forbidden(Exception):
    pass


class NotFound(Exception):
    pass


class SsoUnknownUser(Exception):
    def __init__(self, login: str) -> None:
        super().__init__(login)
        self.login = login


def settings_of(request: Request) -> WebSettings:
    return request.app.state.settings


def peer_address(request: Request) -> str:
    """The TCP peer of the connection (the reverse proxy, when there is one)."""
    return request.client.host if request.client else ""


def client_ip(request: Request) -> str:
    """The client's address: the TCP peer, or the address a trusted proxy forwarded in ``X-Forwarded-For``."""
    return settings_of(request).forwarded_client(peer_address(request), request.headers.getlist("x-forwarded-for"))


def set_session_cookie(response: Response, settings: WebSettings, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )


def clear_session_cookie(response: Response, settings: WebSettings) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=settings.secure_cookies)


def _sso_login(request: Request, settings: WebSettings) -> str | None:
    if not settings.sso_header:
        return None
    value = request.headers.get(settings.sso_header)
    if value is None:
        return None
    peer = peer_address(request)
    if not settings.proxy_trusted(peer):
        log.warning("ignored the SSO header %s from untrusted address %s", settings.sso_header, peer)
        return None
    return value.strip().lower() or None


def resolve_session(request: Request) -> SessionInfo | None:
    """The session of this request (cookie or trusted SSO header), cached on ``request.state``; may open one."""
    if hasattr(request.state, "session"):
        return request.state.session
    settings = settings_of(request)
    db = request.app.state.db
    info = session_for(db, request.cookies.get(SESSION_COOKIE))
    sso = _sso_login(request, settings)
    if sso is not None and (info is None or info.account.login != sso):
        user = get_user(db, sso)
        if user is None or not user.active:
            request.state.session = None
            raise SsoUnknownUser(sso)
        try:
            token, info = open_session(db, sso, settings.session_hours, via="sso", ip=client_ip(request),
                                       proxy=peer_address(request))
        except AccountError:
            request.state.session = None
            raise SsoUnknownUser(sso) from None
        request.state.new_session_token = token  # the middleware sets the cookie on the response
    request.state.session = info
    return info


def require_session(request: Request) -> SessionInfo:
    """A dependency: the signed-in user's session, else a redirect to the login page."""
    info = resolve_session(request)
    if info is None:
        path = request.url.path
        if request.url.query:
            path += "?" + request.url.query
        raise LoginRequired(path if request.method == "GET" else "/")
    return info


async def form_data(request: Request) -> FormData:
    """A dependency: the posted form (read once, asynchronously)."""
    return await request.form()


def check_csrf(form: FormData, session: SessionInfo) -> None:
    token = form.get("csrf")
    if not isinstance(token, str) or not secrets.compare_digest(token.encode(), session.csrf_token.encode()):
        raise CsrfError()


def login_csrf_token(settings: WebSettings, nonce: str) -> str:
    return hmac.new(settings.secret_key.encode(), b"login:" + nonce.encode(), hashlib.sha256).hexdigest()


def check_login_csrf(request: Request, form: FormData) -> None:
    nonce = request.cookies.get(PRE_COOKIE)
    token = form.get("csrf")
    if not nonce or not isinstance(token, str):
        raise CsrfError()
    if not secrets.compare_digest(token.encode(), login_csrf_token(settings_of(request), nonce).encode()):
        raise CsrfError()


def safe_next(value: object) -> str:
    """Only a path on this site (no scheme, no //host) is a place to go after login."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def login_url(next_path: str) -> str:
    return "/login" if next_path in ("", "/") else f"/login?next={quote(next_path, safe='/')}"


def logout(request: Request, response: Response) -> None:
    close_session(request.app.state.db, request.cookies.get(SESSION_COOKIE))
    clear_session_cookie(response, settings_of(request))
