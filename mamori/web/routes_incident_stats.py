"""The incident statistics page and its downloads, for the privacy officer (``officer``) only.

``/incidents/stats?year=YYYY`` shows the fiscal year's incidents by cause (the groups of the course's chart), per
month, every fiscal year, and the organisation's shares beside the national ones (JIPDEC fiscal 2021, the source
named on the page) with an SVG bar chart; ``/incidents/stats.csv`` and ``/incidents/stats.xlsx`` download the same
figures. The counting is :func:`mamori.incidents.stats.statistics`; this module reads the register's stored facts
and draws. :func:`cause_chart` is the chart the dashboard shows too. The router is included before the register's,
whose ``/incidents/{id}`` would otherwise take ``stats``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup
from sqlalchemy import select

from mamori.incidents.stats import Statistics, fiscal_year, group_label, records_of, statistics
from mamori.incidents.stats_export import stats_csv, stats_xlsx
from mamori.incidents.tasks import today_in
from mamori.store.base import utcnow
from mamori.store.incidents import Incident
from mamori.training.chart import nice_ceiling
from mamori.web.access import require_officer
from mamori.web.accounts import SessionInfo
from mamori.web.chart import bar_chart
from mamori.web.incstats_text import st
from mamori.web.render import page, zone_for
from mamori.web.security import require_session

router = APIRouter(include_in_schema=False)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def load_statistics(request: Request, year: int | None = None) -> Statistics:
    """The statistics of fiscal year ``year`` (default: the current one in the company's time zone)."""
    if year is None:
        year = fiscal_year(today_in(utcnow(), zone_for(request)))
    with request.app.state.db.session() as s:
        cases = [dict(c) for c in s.scalars(select(Incident.case))]
    return statistics(records_of(cases), year)


def cause_chart(stats: Statistics, lang: str) -> Markup:
    """The organisation's share of each national figure's groups beside the national share, on one scale."""
    source = stats.source
    ours = [c.share or 0.0 for c in stats.comparison]
    national = [c.national_share for c in stats.comparison]
    return bar_chart(
        [c.short(lang) for c in stats.comparison],
        [(st("st.ours", lang, year=stats.year), ours),
         (st("st.national", lang, year=source.year_en if lang == "en" else source.year_ja), national)],
        title=st("st.chart", lang), top=nice_ceiling(max([*ours, *national])), unit="%", legend_step=180,
    )


def _year(request: Request) -> int | None:
    value = request.query_params.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None


def _breakdown(counts: tuple[int, ...] | list[int], groups: tuple[str, ...], lang: str) -> str:
    sep = ", " if lang == "en" else "、"
    return sep.join(f"{group_label(g, lang)} {n}" for g, n in zip(groups, counts, strict=True) if n)


@router.get("/incidents/stats")
def stats_page(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    lang = request.state.lang
    stats = load_statistics(request, _year(request))
    current = fiscal_year(today_in(utcnow(), zone_for(request)))
    years = sorted({current, stats.year, *(y.year for y in stats.years)}, reverse=True)
    groups = tuple(r.group for r in stats.rows)
    months: list[dict[str, Any]] = []
    for i, first in enumerate(stats.months):
        counts = [r.months[i] for r in stats.rows]
        months.append({"month": f"{first:%Y-%m}", "incidents": stats.month_totals[i],
                       "breakdown": _breakdown(counts, groups, lang)})
    by_year = [{"year": y.year, "incidents": y.incidents, "persons": y.persons,
                "breakdown": _breakdown(y.groups, groups, lang)} for y in stats.years]
    return page(request, "incident_stats.html", st=lambda k, **v: st(k, lang, **v), stats=stats, years=years,
                chart=cause_chart(stats, lang), months=months, by_year=by_year,
                labels={r.group: group_label(r.group, lang) for r in stats.rows},
                source=stats.source.label(lang), source_note=stats.source.note_en if lang == "en"
                else stats.source.note_ja)  # fmt: skip


def _download(body: bytes, media_type: str, name: str) -> Response:
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.get("/incidents/stats.csv")
def stats_csv_download(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    stats = load_statistics(request, _year(request))
    return _download(stats_csv(stats, request.state.lang), "text/csv; charset=utf-8",
                     f"incidents-by-cause-FY{stats.year}.csv")


@router.get("/incidents/stats.xlsx")
def stats_xlsx_download(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    stats = load_statistics(request, _year(request))
    return _download(stats_xlsx(stats, request.state.lang), XLSX, f"incidents-by-cause-FY{stats.year}.xlsx")
