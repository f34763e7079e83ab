"""Training charts drawn in Chromium: one scale per chart and per page, so every bar's length is its value.

Page 5 of chapter 2 shows two percent charts (shares by cause, and the e-mail/post/fax breakdown of 誤送付, both
shares of all reports). The rendered bars are measured in the browser: pixels per percent must be the same for
every bar on the page, so the 37% bar is 37/63.6 of the 63.6% bar, not as long as it.
"""

from __future__ import annotations

import pytest

from mamori.training.chart import nice_ceiling, scale_max
from mamori.training.course import Bar, Chart, Text, builtin_courses_dir, load_course
from mamori.training.pages import HERE, render_page
from tests.web.live import chromium


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _bars(browser, html: str, width: int) -> list[tuple[str, float, float]]:
    """(chart id, value, drawn width in CSS pixels) of every bar, measured in the browser at ``width``."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.set_content(html)
        page.add_style_tag(content=(HERE / "static" / "training.css").read_text(encoding="utf-8"))
        bars = page.eval_on_selector_all(
            "svg.training-chart rect[data-value]",
            "els => els.map(e => [e.closest('svg').dataset.chart, Number(e.dataset.value),"
            " e.getBoundingClientRect().width])",
        )
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    finally:
        page.close()
    assert overflow <= 0, f"the page overflows by {overflow}px at {width}px"
    return [(c, v, w) for c, v, w in bars]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_5_bars_are_drawn_to_one_scale(browser, width: int, lang: str) -> None:
    course = load_course(builtin_courses_dir() / "pi-ch2")
    page = course.page("causes")
    assert course.content_pages.index(page) == 4  # page 5
    bars = _bars(browser, render_page(course, page, lang=lang), width)
    assert {c for c, _, _ in bars} == {"by-cause", "misdirected"} and len(bars) == 8
    per_unit = [w / v for _, v, w in bars]
    assert max(per_unit) - min(per_unit) < 0.01 * max(per_unit), per_unit  # one scale over both charts
    drawn = {v: w for _, v, w in bars}
    assert drawn[37.0] / drawn[63.6] == pytest.approx(37.0 / 63.6, rel=0.01)
    assert drawn[37.0] < 0.65 * drawn[63.6]


def test_a_chart_is_never_scaled_bar_by_bar(browser) -> None:
    """A chart in another unit: the axis runs to a round number at or above the largest value, bars in proportion."""
    chart = Chart("n", Text("件数", "Count"), "件", (Bar(Text("a", "a"), 3048.0), Bar(Text("b", "b"), 12.0)))
    from mamori.training.course import Page

    page = Page("p", Text("p", "p"), Text("{{chart:n}}", "{{chart:n}}"), charts=(chart,))
    course = load_course(builtin_courses_dir() / "pi-ch2")
    bars = _bars(browser, render_page(course, page, lang="ja"), 1280)
    (_, v1, w1), (_, v2, w2) = bars
    assert w2 / w1 == pytest.approx(v2 / v1, rel=0.05)
    assert scale_max(chart) == 5000  # the axis ends at a round number, not at the largest bar


def test_axis_maximum() -> None:
    def chart(unit: str, *values: float, top: float | None = None) -> Chart:
        return Chart("c", Text("t", "t"), unit, tuple(Bar(Text("x", "x"), v) for v in values), top)

    assert scale_max(chart("%", 63.6, 4.7)) == 100 and scale_max(chart("%", 37.0)) == 100
    assert scale_max(chart("%", 63.6, top=70)) == 70
    assert scale_max(chart("件", 3048)) == 5000 and scale_max(chart("件", 12)) == 20
    assert scale_max(chart("件", 0)) == 1
    assert [nice_ceiling(v) for v in (0.3, 1, 1.1, 2.2, 4, 7, 99)] == [0.5, 1, 2, 2.5, 5, 10, 100]
