"""The audit log's filters (who, action, date range) and its export for an auditor: ``/audit/export.csv`` and
``/audit/export.xlsx`` (openpyxl), the same rows as the filtered page, the privacy officer only (as ``/audit``).

Dates are days in the company's zone (``[organization] timezone``), both ends included. Every export is itself an
audit entry (``audit_export``: the filter and the number of rows). The retention shown with the log is read from
``[gateway] retention_content_days`` / ``retention_message_days`` of the app's mamori.toml; the log itself is never
deleted.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import Select, select

from mamori.store.audit import AuditEntry, record
from mamori.web.access import require_officer
from mamori.web.accounts import SessionInfo
from mamori.web.form_dates import day_field
from mamori.web.i18n import audit_action
from mamori.web.render import zone_for
from mamori.web.security import require_session

router = APIRouter(include_in_schema=False)

EXPORT_LIMIT = 200_000
COLUMNS = ("id", "at", "actor", "action", "action_label", "target", "detail", "data")


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None
    bad_date: bool = False

    def where(self, q: Select[Any], tz: Any) -> Select[Any]:
        if self.actor:
            q = q.where(AuditEntry.actor.contains(self.actor.strip().lower(), autoescape=True))
        if self.action:
            q = q.where(AuditEntry.action == self.action)
        if self.since is not None:
            q = q.where(AuditEntry.at >= datetime.combine(self.since, time(), tz))
        if self.until is not None:
            q = q.where(AuditEntry.at < datetime.combine(self.until + timedelta(days=1), time(), tz))
        return q

    def query(self) -> dict[str, str]:
        """The filter as query parameters (for links: paging, export)."""
        out = {
            "actor": self.actor,
            "action": self.action,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
        }
        return {k: v for k, v in out.items() if v}


def audit_filter(request: Request) -> AuditFilter:
    params = request.query_params
    since, bad1 = day_field(params.get("since", ""))
    until, bad2 = day_field(params.get("until", ""))
    return AuditFilter(params.get("actor", "")[:320], params.get("action", "")[:64], since, until, bad1 or bad2)


def retention_days(config_path: Path | None) -> tuple[int, int]:
    """(retention_content_days, retention_message_days) of ``[gateway]``: the defaults 30 and 0 when not set."""
    gw: dict[str, Any] = {}
    if config_path is not None and Path(config_path).is_file():
        try:
            data = tomllib.loads(Path(config_path).read_bytes().decode("utf-8-sig"))
            gw = data.get("gateway", {}) if isinstance(data.get("gateway"), dict) else {}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            gw = {}
    content, rows = gw.get("retention_content_days", 30), gw.get("retention_message_days", 0)
    return (content if isinstance(content, int) else 30), (rows if isinstance(rows, int) else 0)


def _rows(request: Request, f: AuditFilter) -> list[AuditEntry]:
    q = f.where(select(AuditEntry).order_by(AuditEntry.id.desc()), zone_for(request)).limit(EXPORT_LIMIT)
    with request.app.state.db.session() as s:
        return list(s.scalars(q))


def _records(request: Request, f: AuditFilter) -> list[list[Any]]:
    tz = zone_for(request)
    return [
        [
            e.id,
            e.at.astimezone(tz).isoformat(timespec="seconds"),
            e.actor,
            e.action,
            audit_action(e.action, "ja"),
            e.target,
            e.detail,
            json.dumps(e.data or {}, ensure_ascii=False, sort_keys=True, default=str),
        ]
        for e in _rows(request, f)
    ]


def _exported(request: Request, info: SessionInfo, f: AuditFilter, fmt: str, count: int) -> None:
    with request.app.state.db.session() as s:
        record(
            s,
            info.account.login,
            "audit_export",
            "audit",
            f"{fmt}: {count} row(s)",
            format=fmt,
            rows=count,
            filter=f.query(),
        )


@router.get("/audit/export.csv")
def export_csv(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    f = audit_filter(request)
    rows = _records(request, f)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    _exported(request, info, f, "csv", len(rows))
    # UTF-8 with a byte-order mark: Excel opens it as UTF-8 (Japanese text intact)
    return Response(
        ("\ufeff" + buf.getvalue()).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="mamori-audit.csv"', "Cache-Control": "no-store"},
    )


@router.get("/audit/export.xlsx")
def export_xlsx(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    from openpyxl import Workbook

    require_officer(info)
    f = audit_filter(request)
    rows = _records(request, f)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("audit")
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append([_cell(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    _exported(request, info, f, "xlsx", len(rows))
    return Response(
        out.getvalue(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="mamori-audit.xlsx"', "Cache-Control": "no-store"},
    )


def _cell(value: Any) -> Any:
    """A value as a cell: text that a spreadsheet would read as a formula is quoted (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
