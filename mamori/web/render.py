"""Pages from Jinja2 templates (autoescape on), with the user's language, the signed-in user and CSRF token."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape

from mamori.glossary import entity_label, in_words
from mamori.timefmt import MINUTES, format_time, zone, zone_name
from mamori.web.i18n import audit_action, text

TEMPLATES = Path(__file__).with_name("templates")

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def zone_for(request: Request) -> tzinfo:
    """The company's zone (``[organization] timezone`` of the app's settings; Asia/Tokyo by default)."""
    settings = getattr(request.app.state, "settings", None)
    return getattr(settings, "timezone", None) or zone()


def local_time(value: datetime | None, tz: tzinfo, fmt: str = MINUTES, *, named: bool = True) -> str:
    """``2026-12-07 10:00 JST`` (``named=False``: without the zone's name, for a column whose heading names it)."""
    return format_time(value, tz, fmt, named=named)


@pass_context
def _local_time(context: Any, value: datetime | None, fmt: str = MINUTES, named: bool = True) -> str:
    return format_time(value, context.get("zone") or zone(), fmt, named=named)


def size_text(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


_env.filters["local_time"] = _local_time
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

    tz = zone_for(request)

    def t(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    html = _env.get_template(name).render(
        t=t,
        lang=lang,
        user=session.account if session is not None else None,
        csrf=session.csrf_token if session is not None else "",
        lang_switch=switch,
        zone=tz,
        zone_label=zone_name(datetime.now(UTC), tz),
        **context,
    )
    return HTMLResponse(html, status_code=status)
