"""Times as people in the company read them: one time zone, the company's, always shown with its name.

``[organization] timezone`` in mamori.toml (an IANA name, default ``Asia/Tokyo``) is the zone of every time a
person reads: notices, web pages, the CLI, the scan report. The store keeps UTC; this module turns a moment into
``2026-12-07 10:00 JST``. A zone whose abbreviation is only an offset (``+04``) is shown as ``UTC+04:00``.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Tokyo"
MINUTES = "%Y-%m-%d %H:%M"
SECONDS = "%Y-%m-%d %H:%M:%S"


class TimezoneError(ValueError):
    """``organization.timezone`` names no time zone this machine knows."""


def zone(name: str | None = None) -> ZoneInfo:
    """The zone called ``name`` (an IANA name such as ``Asia/Tokyo``); the default when ``name`` is empty."""
    name = name or DEFAULT_TIMEZONE
    if not isinstance(name, str) or name.startswith("/") or ".." in name:
        raise TimezoneError(f"organization.timezone: {name!r} is not a time zone name (e.g. {DEFAULT_TIMEZONE!r})")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TimezoneError(
            f"organization.timezone: unknown time zone {name!r} (an IANA name, e.g. {DEFAULT_TIMEZONE!r})"
        ) from exc


def zone_of(data: dict[str, Any]) -> ZoneInfo:
    """The company's zone from a parsed mamori.toml (``[organization] timezone``; the default without it)."""
    org = data.get("organization", {})
    if not isinstance(org, dict):
        return zone()
    name = org.get("timezone", "")
    if not isinstance(name, str):
        raise TimezoneError("organization.timezone must be a string such as 'Asia/Tokyo'")
    return zone(name)


def load_zone(config_path: str | Path | None) -> ZoneInfo:
    """The company's zone from a mamori.toml file; the default when there is no file. Raises TimezoneError for a
    zone that does not exist (and ValueError for a file that is not TOML)."""
    if config_path is None or not Path(config_path).is_file():
        return zone()
    return zone_of(tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig")))


def zone_name(at: datetime, tz: tzinfo) -> str:
    """The zone's name at that moment: its abbreviation (JST, CET, CEST), else the offset (UTC+04:00)."""
    local = _aware(at).astimezone(tz)
    abbr = local.tzname() or ""
    if abbr.isalpha():
        return abbr
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # the store's naive values are UTC


def local(at: datetime, tz: tzinfo) -> datetime:
    """The moment in the company's zone (a naive value is taken as UTC)."""
    return _aware(at).astimezone(tz)


def local_date(at: datetime, tz: tzinfo) -> date:
    return local(at, tz).date()


def format_time(at: datetime | None, tz: tzinfo, fmt: str = MINUTES, *, named: bool = True, empty: str = "") -> str:
    """``2026-12-07 10:00 JST``: the moment in the company's zone, with the zone's name (``named=False``: without,
    for a table whose heading names the zone); ``empty`` for None."""
    if at is None:
        return empty
    text = local(at, tz).strftime(fmt)
    return f"{text} {zone_name(at, tz)}" if named else text
