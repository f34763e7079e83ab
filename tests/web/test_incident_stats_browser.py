"""The incident statistics page in Chromium, at phone (390 px) and desktop (1280 px) width: the chart draws every bar
to one scale (a bar's height over its value is the same for all bars, ours and the national ones), and neither the
page nor any element on it runs past the viewport."""

from __future__ import annotations

import pytest

from mamori.incidents import register
from mamori.web.app import create_app
from tests.web.live import chromium, serve, shot
from tests.web.test_browser import sign_in
from tests.web.test_layout import OVERFLOW_JS

OFFICER = "olga@corp.example"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _record(db, day: str, cause: str, persons: int) -> None:
    register.create(db, {"discovered_on": day, "event": "leak", "cause": cause, "persons": persons,
                         "data": ["PERSON"]}, OFFICER)


@pytest.mark.parametrize("width", [390, 1280])
def test_stats_chart_one_scale_and_no_overflow(web_settings, web_db, browser, width: int) -> None:
    for day, cause, n in [("2026-04-02", "email_misdelivery", 2), ("2026-04-09", "email_misdelivery", 1),
                          ("2026-05-10", "email_misdelivery", 1), ("2026-06-11", "loss_theft", 12000),
                          ("2026-09-01", "clerical_error", 1)]:  # fmt: skip
        _record(web_db, day, cause, n)
    ctx = browser.new_context(locale="ja-JP", viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        sign_in(page, site, OFFICER)
        page.goto(f"{site}/incidents/stats?year=2026")
        bars = page.eval_on_selector_all(
            "svg.chart rect[data-value]",
            "els => els.map(e => [Number(e.dataset.value), e.getBoundingClientRect().height])",
        )
        got = page.evaluate(OVERFLOW_JS)
        shot(page, f"incidents/stats-{width}.png")
        page.goto(f"{site}/dashboard")
        dash = page.evaluate(OVERFLOW_JS)
        page.goto(f"{site}/incidents/stats?year=2026&lang=en")
        english = page.evaluate(OVERFLOW_JS)
        assert "JIPDEC" in page.locator("p.source").first.inner_text()
    ctx.close()
    for name, measured in (("stats", got), ("dashboard", dash), ("stats en", english)):
        assert measured["scroll"] <= measured["vw"] and not measured["wide"], (name, measured)
    assert len(bars) == 16  # 8 national figures, a bar for us and one for the country each
    drawn = [(v, h) for v, h in bars if v > 0]
    per_unit = [h / v for v, h in drawn]
    assert max(per_unit) - min(per_unit) < 0.02 * max(per_unit), drawn  # one scale for the whole chart
    ours = {v: h for v, h in bars[0::2]}
    assert 60.0 in ours and 20.0 in ours  # e-mail 3 of 5, loss 1 of 5
    assert ours[20.0] / ours[60.0] == pytest.approx(20 / 60, rel=0.02)
    national = dict(bars[1::2])
    assert national[37.0] / ours[60.0] == pytest.approx(37 / 60, rel=0.02)
