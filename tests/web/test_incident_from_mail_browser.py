"""In Chromium: the officer opens a held message, clicks 「事案として登録」, finds the new-incident form filled in from
the findings (e-mail misdelivery, the data types, the number of people), records it and sees the decision."""

from __future__ import annotations

import pytest

from mamori.incidents import register
from mamori.web.app import create_app
from tests.web.live import chromium, serve, shot
from tests.web.test_browser import sign_in
from tests.web.test_incident_from_mail import held


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_held_mail_opens_a_prefilled_incident_that_is_saved(web_settings, web_db, browser) -> None:
    mid = held(web_db)
    ctx = browser.new_context(locale="ja-JP", viewport={"width": 1000, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        sign_in(page, site, "olga@corp.example")
        page.goto(f"{site}/messages/{mid}")
        page.click(f"a[href='/incidents/from-mail/{mid}']")
        page.wait_for_url(f"{site}/incidents/from-mail/{mid}")
        assert page.input_value("select[name=cause]") == "email_misdelivery"
        assert page.input_value("input[name=persons]") == "35"
        ticked = page.eval_on_selector_all("input[name=data]:checked", "els => els.map(e => e.value)")
        assert ticked == ["PERSON", "SENSITIVE:medical"]
        assert mid in page.input_value("textarea[name=summary]")
        assert "送信されていません" in page.locator(".drafted").inner_text()  # held: it has not left
        shot(page, "incidents/from-mail.png")
        page.click("form.incident-form button[type=submit]")
        page.wait_for_url(f"{site}/incidents/*")
        decision = page.locator("section.decision").inner_text()
        assert "個人情報保護委員会への報告が必要です" in decision and "要配慮個人情報" in decision
        incident_id = int(page.url.rsplit("/", 1)[1])
    ctx.close()
    view = register.get(web_db, incident_id)
    assert view.case["cause"] == "email_misdelivery" and view.case["persons"] == 35
    assert view.created_by == "olga@corp.example" and mid in view.summary
