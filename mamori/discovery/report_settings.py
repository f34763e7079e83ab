"""The scan report's language and time zone: from ``--report-lang`` and the organisation's mamori.toml.

The language is the command line's, else ``[web] lang`` (the language the organisation's staff see mamori in),
else Japanese. The time zone is ``[organization] timezone``, else Asia/Tokyo. Without ``--config`` the defaults
apply: a Japanese report with times in JST.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mamori.timefmt import zone_of

DEFAULT_LANG = "ja"
DEFAULT_TZ = "Asia/Tokyo"


@dataclass(frozen=True)
class ReportSettings:
    lang: str = DEFAULT_LANG
    timezone: str = DEFAULT_TZ


def report_settings(config_path: str | Path | None, lang: str | None = None) -> ReportSettings:
    """The settings for a report; raises ValueError naming the key when the file has a bad value."""
    data: dict[str, object] = {}
    if config_path is not None:
        try:
            data = tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{config_path}: cannot read: {exc}") from exc
    web = data.get("web", {})
    chosen = lang or (web.get("lang") if isinstance(web, dict) else None) or DEFAULT_LANG
    if chosen not in ("ja", "en"):
        raise ValueError(f'web.lang must be "ja" or "en", not {chosen!r}')
    return ReportSettings(chosen, zone_of(data).key)  # the one reading of [organization] timezone (timefmt)
