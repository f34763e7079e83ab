"""A self-contained HTML report of a scan for a privacy officer, in Japanese or English: totals by kind, the files
holding the most persons with a short risk explanation each, the files not fully inspected, and an inline SVG bar
chart drawn here (no script, no external file).

Company names, corporate numbers and place names are found but not counted as personal information: they are
listed apart. The risk of a file says how many people, which kinds, and whether a leak would have to be reported
(:mod:`mamori.discovery.explain`, :mod:`mamori.appi`). Times are in the organisation's time zone, named.
Every file name, type, message and masked example is HTML-escaped; only masked values appear. The page fits a
1280 px screen and a phone: fixed table columns that wrap long names, a chart that scales down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mamori.discovery.explain import HIGH, LOW, MEDIUM, NONE, explain
from mamori.discovery.inventory import NOT_PERSONAL, FileReport, ScanSummary
from mamori.discovery.labels import issue_label, label, text

TOP_FILES = 20
DEFAULT_TZ = "Asia/Tokyo"
_BAR_H = 22
_LABEL_W = 190
_CHART_W = 640
_LEVEL_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2, NONE: 3}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,"Hiragino Sans","Yu Gothic",sans-serif;margin:0 auto;padding:1.5em;color:#222;
max-width:1240px;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #ddd;padding:4px 8px;
text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:normal;line-break:strict}
th{background:#f3f3f3}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}
.kpis{display:flex;flex-wrap:wrap;gap:.5em 1.5em;margin-bottom:1em}.kpi b{display:block;font-size:1.6em}
.warn{color:#a15c00}.err{color:#b00020}code{overflow-wrap:anywhere;word-break:break-all}
.level{display:inline-block;padding:0 .5em;border-radius:3px;font-weight:bold;margin-right:.4em;white-space:nowrap}
.level-high{background:#b00020;color:#fff}.level-medium{background:#f0b000;color:#222}
.level-low{background:#dfe8f3;color:#222}.level-none{background:#eee;color:#555}
.muted{color:#555;font-size:.92em}svg.chart{max-width:100%;height:auto}
@media (max-width:700px){body{padding:.8em}table#top-files{table-layout:auto}
table#top-files th:nth-child(5),table#top-files td:nth-child(5){display:none}}
"""


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def stamp(when: dt.datetime, tz: str = DEFAULT_TZ, lang: str = "ja") -> str:
    """``when`` in the organisation's time zone, with the zone's abbreviation and name (2026-12-07 10:24 JST
    (Asia/Tokyo))."""
    zone = _zone(tz)
    local = when.astimezone(zone)
    fmt = "%Y-%m-%d %H:%M" if lang == "en" else "%Y年%m月%d日 %H:%M"
    return f"{local.strftime(fmt)} {local.tzname()} ({zone.key})"


def bar_chart(counts: dict[str, int], title: str = "Findings by type", lang: str = "en") -> str:
    """An SVG horizontal bar chart of ``counts``, largest first, on one scale; types shown by their ``lang`` label."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    height = max(1, len(items)) * _BAR_H + 30
    top = max((n for _, n in items), default=1) or 1
    span = _CHART_W - _LABEL_W - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{_CHART_W}" height="{height}" '
        f'viewBox="0 0 {_CHART_W} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (name, n) in enumerate(items):
        y = 10 + i * _BAR_H
        w = max(1, round(span * n / top))
        parts.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 15}" text-anchor="end" font-size="13">{escape(label(name, lang))}'
            f'</text><rect x="{_LABEL_W}" y="{y + 2}" width="{w}" height="{_BAR_H - 6}" fill="#3b6ea5" '
            f'data-type="{escape(name)}" data-count="{n}"/>'
            f'<text x="{_LABEL_W + w + 6}" y="{y + 15}" font-size="13">{n:,}</text>'
        )
    if not items:
        parts.append(f'<text x="10" y="25" font-size="13">{escape(text("none_found", lang))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _kpi(label_text: str, value: str, key: str) -> str:
    return f'<div class="kpi" data-kpi="{key}"><b>{escape(value)}</b>{escape(label_text)}</div>'


def _kinds_cell(counts: dict[str, int], lang: str) -> str:
    sep = "、" if lang != "en" else ", "
    personal = [(t, n) for t, n in counts.items() if t not in NOT_PERSONAL]
    other = [(t, n) for t, n in counts.items() if t in NOT_PERSONAL]
    order = sorted(personal, key=lambda kv: (-kv[1], kv[0]))
    cell = sep.join(f"{escape(label(t, lang))} {n:,}" for t, n in order)
    if other:
        rest = sep.join(f"{escape(label(t, lang))} {n:,}" for t, n in sorted(other, key=lambda kv: (-kv[1], kv[0])))
        cell += f'<div class="muted" data-not-personal>({rest})</div>'
    return cell


def render(
    reports: Sequence[FileReport],
    summary: ScanSummary,
    *,
    roots: Sequence[str] = (),
    lang: str = "ja",
    tz: str = DEFAULT_TZ,
    now: dt.datetime | None = None,
) -> str:
    """The whole report as one HTML document in ``lang`` ("ja" or "en"), times in the zone ``tz``."""
    lang = "en" if lang == "en" else "ja"
    when = stamp(now or dt.datetime.now(dt.UTC), tz, lang)
    explained = {r.path: explain(r, lang) for r in reports if r.counts}
    with_data = [r for r in reports if r.personal]
    top = sorted(
        with_data,
        key=lambda r: (_LEVEL_ORDER[explained[r.path].level], -r.records, -r.risk, r.path),
    )[:TOP_FILES]
    partial = sorted((r for r in reports if not r.complete), key=lambda r: r.path)
    reportable = sum(1 for e in explained.values() if e.assessment.is_reportable)
    personal = summary.personal
    colon, stop = (": ", ". ") if lang == "en" else ("：", "。")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(text('title', lang))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(text('title', lang))}</h1>",
        f"<p>{escape(text('generated', lang))}{colon}<span data-generated>{escape(when)}</span>{stop}"
        f"{escape(text('scanned', lang))}{colon}<code>{escape(', '.join(roots)) or '-'}</code>{stop}"
        f"{escape(text('masked_note', lang))}</p>",
        '<div class="kpis">',
        _kpi(text("kpi.files", lang), f"{summary.files:,}", "files"),
        _kpi(text("kpi.personal_files", lang), f"{len(with_data):,}", "personal_files"),
        _kpi(text("kpi.persons", lang), f"{sum(r.records for r in with_data):,}", "persons"),
        _kpi(text("kpi.reportable", lang), f"{reportable:,}", "reportable"),
        _kpi(text("kpi.partial", lang), f"{summary.not_fully_inspected:,}", "partial"),
        _kpi(text("kpi.errors", lang), f"{summary.errors:,}", "errors"),
        "</div>",
        f"<h2>{escape(text('h.totals', lang))}</h2>",
        bar_chart(personal, text("chart", lang), lang),
        f'<table id="totals"><colgroup><col><col style="width:9em"></colgroup>'
        f'<tr><th>{escape(text("col.kind", lang))}</th><th class="n">{escape(text("col.count", lang))}</th></tr>',
    ]
    for name, n in sorted(personal.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f'<tr data-type="{escape(name)}"><td>{escape(label(name, lang))}</td><td class="n">{n:,}</td></tr>')
    out.append(
        f'<tr><th>{escape(text("total", lang))}</th><th class="n">{sum(personal.values()):,}</th></tr></table>'
    )
    others = {t: n for t, n in summary.counts.items() if t in NOT_PERSONAL}
    if others:
        sep = text("sep", lang)
        items = sep.join(f"{label(t, lang)} {n:,}" for t, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(f'<p class="muted" id="not-personal">{escape(text("not_personal", lang, items=items))}</p>')
    out.append(f"<h2>{escape(text('h.top', lang, n=TOP_FILES))}</h2>")
    if top:
        out.append(
            '<table id="top-files"><colgroup><col style="width:22%"><col style="width:9em"><col style="width:34%">'
            '<col style="width:20%"><col></colgroup><tr>'
            + "".join(
                f'<th{" class=n" if k == "col.persons" else ""}>{escape(text(k, lang))}</th>'
                for k in ("col.file", "col.persons", "col.risk", "col.kinds", "col.examples")
            )
            + "</tr>"
        )
        for r in top:
            e = explained[r.path]
            level = f'<span class="level level-{e.level}">{escape(text("level." + e.level, lang))}</span>'
            examples = "; ".join(
                escape(v) for t, vs in r.examples.items() if t not in NOT_PERSONAL for v in vs
            )
            out.append(
                f'<tr data-level="{e.level}" data-reportable="{str(e.assessment.is_reportable).lower()}">'
                f"<td><code>{escape(r.path)}</code></td>"
                f"<td class='n'>{escape(text('persons', lang, n=f'{r.records:,}'))}</td>"
                f"<td class='risk' title='{r.risk:,.1f}'>{level}{escape(e.text)}</td>"
                f"<td>{_kinds_cell(r.counts, lang)}</td><td>{examples}</td></tr>"
            )
        out.append("</table>")
    else:
        out.append(f"<p>{escape(text('none_found', lang))}</p>")
    out.append(f"<h2>{escape(text('h.partial', lang))}</h2>")
    if partial:
        out.append(
            '<table id="partial"><colgroup><col style="width:35%"><col></colgroup>'
            f'<tr><th>{escape(text("col.file", lang))}</th><th>{escape(text("col.reason", lang))}</th></tr>'
        )
        for r in partial:
            if r.error is not None:
                why = (f'<span class="err">{escape(text("error", lang))}</span> '
                       f'<span class="muted" lang="en">({escape(r.error)})</span>')
            else:
                why = "<br>".join(
                    f'<span class="warn" data-issue="{escape(i.code)}">{escape(issue_label(i.code, lang))}</span>'
                    + (f": {escape(i.message)}" if lang == "en" else "")
                    + (f" ({escape(i.where)})" if i.where else "")
                    for i in r.issues
                )
            out.append(f"<tr><td><code>{escape(r.path)}</code></td><td>{why}</td></tr>")
        out.append("</table>")
    else:
        out.append(f"<p>{escape(text('all_inspected', lang))}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
