"""Pages from Jinja2 templates (autoescape on), with the user's language, the signed-in user and CSRF token."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from mamori.glossary import entity_label, in_words
from mamori.web.i18n import audit_action, text

TEMPLATES = Path(__file__).with_name("templates")
TZ = ZoneInfo("Asia/Tokyo")

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def local_time(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.astimezone(TZ).strftime(fmt) if value is not None else ""


def size_text(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


_env.filters["local_time"] = local_time
_env.filters["size"] = size_text
_env.filters["in_words"] = in_words
_env.globals["audit_action"] = audit_action
_env.globals["entity_label"] = entity_label


def lang_of(request: Request) -> str:
    return getattr(request.state, "lang", "ja")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    session = getattr(request.state, "session", None)
    other = "en" if lang == "ja" else "ja"
    switch = (request.url.path if request.method == "GET" else "/") + f"?lang={other}"
    if request.method == "GET":
        keep = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        if keep:
            switch = request.url.path + "?" + urlencode([*keep, ("lang", other)])

    def t(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    html = _env.get_template(name).render(
        t=t,
        lang=lang,
        user=session.account if session is not None else None,
        csrf=session.csrf_token if session is not None else "",
        lang_switch=switch,
        **context,
    )
    return HTMLResponse(html, status_code=status)
