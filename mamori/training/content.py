"""Turn a course page into HTML: its Markdown (raw HTML switched off) with the chart placeholders drawn as SVG."""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt

from mamori.training.chart import chart_svg, label_width
from mamori.training.course import Page

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
# Japanese has no spaces between words: a line break inside a paragraph joins the lines with nothing.
_MD_JA = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_MD_JA.add_render_rule("softbreak", lambda *args, **kwargs: "")
_CHART_P = re.compile(r"<p>\s*\{\{chart:([^}]*)\}\}\s*</p>")
_CHART_INLINE = re.compile(r"\{\{chart:([^}]*)\}\}")


def markdown_html(text: str, lang: str = "en") -> str:
    """Markdown to HTML; any HTML in the source is shown as text, never passed through."""
    return (_MD_JA if lang == "ja" else _MD).render(text)


def page_html(page: Page, lang: str = "ja") -> str:
    """The page body in ``lang`` as HTML, charts drawn in place; charts never referenced go at the end."""
    charts = {c.id: c for c in page.charts}
    used: set[str] = set()
    room = label_width(page.charts, lang)  # one plot width for the page's charts: one scale for equal units

    def draw(m: re.Match[str]) -> str:
        cid = m.group(1).strip()
        chart = charts.get(cid)
        if chart is None:
            return ""
        used.add(cid)
        return f'<figure class="chart">{chart_svg(chart, lang, room)}</figure>'

    html = _CHART_P.sub(draw, markdown_html(page.body.get(lang), lang))
    html = _CHART_INLINE.sub(draw, html)
    for chart in page.charts:
        if chart.id not in used:
            html += f'<figure class="chart">{chart_svg(chart, lang, room)}</figure>'
    if page.source is not None:
        html += f'<p class="source">{escape(page.source.get(lang))}</p>'
    return html
