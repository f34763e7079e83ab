"""The web app: ``create_app(settings, db)`` builds the FastAPI application (pages, static files, check API).

The database must be migrated before (``db.migrate()``). ``app.state`` holds ``settings``, ``db`` and ``guard``
(policy, directory, history and detector from the same mamori.toml, or ``None`` without ``[organization]``) and
``on_release`` (``None``, or a callable run after each release/approval, so a gateway in the same process can
deliver at once).

``server_config`` is how mamori runs the app under uvicorn (``mamori serve``, the tests): with uvicorn's own
proxy-header handling off, so the TCP peer reaches the app unchanged and ``web.trusted_proxies`` alone decides
whose ``X-Forwarded-For`` and SSO header count (``mamori.web.security``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mamori.guard.inputs import GuardInputs, has_guard, load_guard_inputs
from mamori.store import Database
from mamori.web.api_docs import mount_api_docs
from mamori.web.i18n import pick_lang, text
from mamori.web.render import page
from mamori.web.security import (
    LANG_COOKIE,
    CsrfError,
    Forbidden,
    LoginRequired,
    NotFound,
    SsoUnknownUser,
    login_url,
    set_session_cookie,
)
from mamori.web.settings import WebSettings

STATIC = Path(__file__).with_name("static")
log = logging.getLogger("mamori.web")

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_DOC_PATHS = ("/docs", "/redoc", "/openapi.json")


def server_config(app: Any, host: str, port: int, **options: Any) -> Any:
    """The ``uvicorn.Config`` to serve ``app`` on ``host:port``: ``proxy_headers`` off, whatever ``options`` say.

    uvicorn's default rewrites the client address from ``X-Forwarded-For`` (and the scheme from
    ``X-Forwarded-Proto``) for connections from 127.0.0.1, before the app could check the peer: anyone on the host
    could then claim a trusted proxy's address. The app reads forwarded headers itself, from trusted peers only.
    """
    import uvicorn

    options.update(proxy_headers=False, forwarded_allow_ips=None, server_header=False)
    options.setdefault("log_level", "warning")
    return uvicorn.Config(app, host=host, port=port, **options)


def create_app(settings: WebSettings, db: Database, guard: GuardInputs | Any | None = ...) -> FastAPI:
    """The app for ``settings`` over ``db``.

    ``guard`` defaults to what ``settings.config_path`` configures; pass ``None`` for none, or any object with
    ``.policy``, ``.directory``, ``.history`` and ``.detector`` (e.g. the gateway's, to share one detector).
    """
    app = FastAPI(title="mamori", version="0.1.0", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.db = db
    loaded = guard is ...
    if guard is ...:
        guard = load_guard_inputs(settings.config_path) if has_guard(settings.config_path) else None
    app.state.guard = guard
    app.state.guard_reloader = None  # reloads a guard loaded from mamori.toml when it or the contacts change
    if loaded and isinstance(guard, GuardInputs) and settings.config_path is not None:
        from mamori.guard.reload import GuardReloader

        app.state.guard_reloader = GuardReloader(guard, settings.config_path)
    app.state.on_release = None  # optional callable: e.g. lambda: loop.call_soon_threadsafe(gateway.wake)

    from mamori.web import (
        health,
        routes_account,
        routes_accounts,
        routes_admin,
        routes_audit_export,
        routes_auth,
        routes_contacts,
        routes_incident_documents,
        routes_incident_drafts,
        routes_incident_stats,
        routes_incidents,
        routes_letters,
        routes_link,
        routes_mail,
        routes_policy,
        routes_training_admin,
    )

    app.include_router(health.router)  # /healthz, /metrics: no login (metrics on the loopback only)
    app.include_router(routes_auth.router)
    app.include_router(routes_mail.router)
    app.include_router(routes_link.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_account.router)
    app.include_router(routes_accounts.router)  # CSV import, invitations (/admin/accounts/*, /invite/*)
    app.include_router(routes_contacts.router)  # /admin/contacts (admin): the live contact list
    app.include_router(routes_policy.router)  # /admin/policy, /admin/keywords (admin): mamori.toml
    app.include_router(routes_audit_export.router)  # /audit/export.csv|xlsx (officer)
    app.include_router(routes_incident_stats.router)  # /incidents/stats (officer): before /incidents/{id}
    app.include_router(routes_incident_drafts.router)  # /incidents/from-mail/{id} (officer): a pre-filled form
    app.include_router(routes_incidents.router)  # /incidents: the incident register (officer)
    app.include_router(routes_letters.router)  # /letters: print runs and FAX lists checked (every role)
    app.include_router(routes_incident_documents.router)  # /incidents/ID/report.pdf|docx, /notice (officer)
    app.include_router(routes_training_admin.router)  # /admin/training: assignments, completion, reminders (admin)
    from mamori.web.training_pages import mount_training

    mount_training(app, settings.config_path)
    try:
        from mamori.web import check_api
    except ImportError as exc:  # the check API is optional (and written separately)
        log.info("check API not available: %s", exc)
    else:
        app.include_router(check_api.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    mount_api_docs(app)  # /docs from the package's own Swagger UI files: no CDN

    @app.middleware("http")
    async def frame(request: Request, call_next: Any) -> Response:
        query_lang = request.query_params.get("lang")
        request.state.lang = pick_lang(query_lang, request.cookies.get(LANG_COOKIE), settings.lang)
        response: Response = await call_next(request)
        if query_lang in ("ja", "en"):
            response.set_cookie(LANG_COOKIE, query_lang, max_age=365 * 86400, path="/", samesite="lax",
                                secure=settings.secure_cookies)
        token = getattr(request.state, "new_session_token", None)
        if token:
            set_session_cookie(response, settings, token)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith(_DOC_PATHS):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def lang(request: Request) -> str:
        return getattr(request.state, "lang", settings.lang)

    @app.exception_handler(LoginRequired)
    def _login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(login_url(exc.next_path), status_code=303)

    @app.exception_handler(CsrfError)
    def _csrf(request: Request, exc: CsrfError) -> Response:
        return page(request, "error.html", 403, message=text("err.csrf", lang(request)))

    @app.exception_handler(Forbidden)
    def _forbidden(request: Request, exc: Forbidden) -> Response:
        return page(request, "error.html", 403, message=text("err.forbidden", lang(request)))

    @app.exception_handler(NotFound)
    def _not_found(request: Request, exc: NotFound) -> Response:
        return page(request, "error.html", 404, message=text("err.not_found", lang(request)))

    @app.exception_handler(SsoUnknownUser)
    def _sso_unknown(request: Request, exc: SsoUnknownUser) -> Response:
        return page(request, "error.html", 403, message=text("login.sso_unknown", lang(request), login=exc.login))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api/", *_DOC_PATHS)):
            return await http_exception_handler(request, exc)  # JSON errors for the API
        key = "err.page_not_found" if exc.status_code == 404 else "err.title"
        return page(request, "error.html", exc.status_code, message=text(key, lang(request)))

    return app
