"""Page rendering: Markdown without raw HTML, charts drawn as SVG from the figures, nothing left unrendered."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mamori.training.chart import chart_svg
from mamori.training.content import markdown_html, page_html
from mamori.training.course import Bar, Chart, Text


def test_every_page_renders_in_both_languages(chapter2) -> None:
    for page in chapter2.pages:
        for lang in ("ja", "en"):
            html = page_html(page, lang)
            assert "**" not in html and "{{" not in html and "<!--" not in html, (page.id, lang)


def test_chart_is_drawn_from_the_front_matter(chapter2) -> None:
    html = page_html(chapter2.page("causes"), "ja")
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2
    root = ET.fromstring(svgs[0])
    ns = {"s": "http://www.w3.org/2000/svg"}
    widths = [float(r.get("width")) for r in root.findall(".//s:rect", ns)]
    assert widths == sorted(widths, reverse=True) and abs(widths[1] / widths[0] - 18.7 / 63.6) < 0.01
    labels = [t.text for t in root.findall(".//s:text", ns)]
    assert "誤送付" in labels and "63.6%" in labels and "4.7%" in labels
    assert "JIPDEC" in html  # the source is printed under the charts
    en = page_html(chapter2.page("causes"), "en")
    assert "Sent to the wrong recipient" in en


def test_chart_escapes_text() -> None:
    chart = Chart("c", Text("<b>&", "<b>&"), "%", (Bar(Text("</svg><script>", "x"), 1.0),))
    svg = chart_svg(chart, "ja")
    ET.fromstring(svg)  # well-formed
    assert "<script>" not in svg


def test_markdown_does_not_pass_html_through() -> None:
    html = markdown_html('<script>alert(1)</script>\n\n<img src=x onerror="y">')
    assert "<script>" not in html and "<img" not in html
