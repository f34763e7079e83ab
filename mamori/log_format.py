"""How the long-running commands (`mamori gateway`, `mamori serve`) write their log: plain lines for a person, or
one JSON object per line for a SIEM (`--log-format json`, or ``MAMORI_LOG_FORMAT=json``).

A JSON line holds ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message`` and, when there is one, ``exception``
(the traceback as text). mamori's log records hold message ids, actions, states and reason codes, never personal
values; the libraries that would log addresses (aiosmtpd) are held at WARNING (:data:`QUIET`).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

FORMATS = ("text", "json")
QUIET = ("mail.log", "alembic")
"""Other libraries' loggers held at WARNING whatever the level: aiosmtpd's ``mail.log`` writes every envelope
address and command at INFO (personal data), alembic every migration step."""
ENV = "MAMORI_LOG_FORMAT"
_TEXT = "%(asctime)s %(name)s %(levelname)s %(message)s"


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def chosen(option: str | None) -> str:
    """The format asked for: the option, else the environment, else text; ValueError for anything else."""
    value = (option or os.environ.get(ENV) or "text").strip().lower()
    if value not in FORMATS:
        raise ValueError(f"log format must be one of {', '.join(FORMATS)}, not {value!r} (--log-format or ${ENV})")
    return value


def configure(level: int, fmt: str) -> None:
    """Send the root logger's records to standard error in ``fmt`` (one of :data:`FORMATS`)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(_TEXT))
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
