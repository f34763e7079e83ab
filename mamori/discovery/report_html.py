"""A self-contained HTML report of a scan for a privacy officer: totals by type, the files holding the most
records, the files not fully inspected, and an inline SVG bar chart drawn here (no script, no external file).

Every file name, type, message and masked example is HTML-escaped; only masked values appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from mamori.discovery.inventory import FileReport, ScanSummary
from mamori.timefmt import format_time, zone

TOP_FILES = 20
_BAR_H = 22
_LABEL_W = 170
_CHART_W = 640

_CSS = """
body{font-family:system-ui,"Hiragino Sans","Yu Gothic",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;
vertical-align:top}th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.kpi{display:inline-block;margin:0 1.5em 1em 0}.kpi b{display:block;font-size:1.6em}
.warn{color:#a15c00}.err{color:#b00020}code{word-break:break-all}
"""


def bar_chart(counts: dict[str, int], title: str = "Findings by type") -> str:
    """An SVG horizontal bar chart of ``counts``, largest first."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    height = max(1, len(items)) * _BAR_H + 30
    top = max((n for _, n in items), default=1) or 1
    span = _CHART_W - _LABEL_W - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_CHART_W}" height="{height}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (name, n) in enumerate(items):
        y = 10 + i * _BAR_H
        w = max(1, round(span * n / top))
        parts.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 15}" text-anchor="end" font-size="13">{escape(name)}</text>'
            f'<rect x="{_LABEL_W}" y="{y + 2}" width="{w}" height="{_BAR_H - 6}" fill="#3b6ea5"/>'
            f'<text x="{_LABEL_W + w + 6}" y="{y + 15}" font-size="13">{n:,}</text>'
        )
    if not items:
        parts.append('<text x="10" y="25" font-size="13">no personal information found</text>')
    parts.append("</svg>")
    return "".join(parts)


def _kpi(label: str, value: str) -> str:
    return f'<div class="kpi"><b>{escape(value)}</b>{escape(label)}</div>'


def render(
    reports: Sequence[FileReport], summary: ScanSummary, *, roots: Sequence[str] = (), tz: dt.tzinfo | None = None
) -> str:
    """The whole report as one HTML document; its time in the company's zone ``tz`` (default Asia/Tokyo)."""
    now = format_time(dt.datetime.now(dt.UTC), tz or zone())
    top = sorted((r for r in reports if r.records or r.counts), key=lambda r: (-r.records, -r.risk, r.path))[:TOP_FILES]
    partial = sorted((r for r in reports if not r.complete), key=lambda r: r.path)
    out = [
        "<!DOCTYPE html>",
        '<html lang="ja"><head><meta charset="utf-8">',
        "<title>mamori scan report / 個人情報の保有状況</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>mamori scan report / 個人情報の保有状況</h1>",
        f"<p>Generated {escape(now)}. Scanned: {escape(', '.join(roots)) or '-'}. "
        "Values are masked; no raw personal information is in this report.</p>",
        _kpi("files scanned", f"{summary.files:,}"),
        _kpi("files with personal data", f"{summary.files_with_findings:,}"),
        _kpi("persons / records (est.)", f"{summary.records:,}"),
        _kpi("findings", f"{summary.findings:,}"),
        _kpi("not fully inspected", f"{summary.not_fully_inspected:,}"),
        _kpi("errors", f"{summary.errors:,}"),
        "<h2>Totals by type / 種類別の件数</h2>",
        bar_chart(summary.counts),
        '<table id="totals"><tr><th>type</th><th>findings</th></tr>',
    ]
    for name, n in sorted(summary.counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f'<tr><td>{escape(name)}</td><td class="n">{n:,}</td></tr>')
    out.append(f'<tr><th>total</th><th class="n">{summary.findings:,}</th></tr></table>')
    out.append(f"<h2>Files holding the most records / 件数の多いファイル (top {TOP_FILES})</h2>")
    out.append(
        '<table id="top-files"><tr><th>file</th><th>persons (est.)</th><th>risk</th><th>types</th>'
        "<th>examples (masked)</th></tr>"
    )
    for r in top:
        types = ", ".join(f"{escape(t)} {n:,}" for t, n in sorted(r.counts.items(), key=lambda kv: (-kv[1], kv[0])))
        examples = "; ".join(escape(v) for vs in r.examples.values() for v in vs)
        out.append(
            f"<tr><td><code>{escape(r.path)}</code></td><td class='n'>{r.records:,}</td>"
            f"<td class='n'>{r.risk:,.1f}</td><td>{types}</td><td>{examples}</td></tr>"
        )
    out.append("</table>")
    out.append("<h2>Not fully inspected / 未検査の部分があるファイル</h2>")
    if partial:
        out.append('<table id="partial"><tr><th>file</th><th>reason</th></tr>')
        for r in partial:
            if r.error is not None:
                why = f'<span class="err">error: {escape(r.error)}</span>'
            else:
                why = "<br>".join(
                    f'<span class="warn">{escape(i.code)}</span>: {escape(i.message)}'
                    + (f" ({escape(i.where)})" if i.where else "")
                    for i in r.issues
                )
            out.append(f"<tr><td><code>{escape(r.path)}</code></td><td>{why}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>Every file was fully inspected.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
