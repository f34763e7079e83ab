"""The pages in a real browser (Debian's Chromium via Playwright) against the app served by uvicorn.

The sender ticks each recipient and attachment (Send stays disabled until the last one), sends; the approver
approves; a sender cancels. Screenshots of the main pages land in docs/screenshots/ for the README.
"""

from __future__ import annotations

import pytest

from mamori.gateway import hold_queue
from mamori.web.app import create_app
from tests.web import seed
from tests.web.live import chromium, serve, shot


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def site(web_settings, web_db):
    with serve(create_app(web_settings, web_db, guard=None)) as url:
        yield url


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(width: int = 1100, height: int = 900):
        ctx = browser.new_context(locale="ja-JP", viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(20_000)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def sign_in(page, site: str, user: str, then: str = "/") -> None:
    page.goto(f"{site}/login?next={then}")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", seed.PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{site}{then}" if then != "/" else f"{site}/**")


def test_sender_ticks_every_recipient_and_attachment_then_sends(site, web_db, new_page) -> None:
    mid = seed.message(web_db)
    page = new_page()
    page.goto(f"{site}/login")
    assert page.locator("h1").inner_text() == "ログイン"  # Japanese by default
    shot(page, "login.png")
    sign_in(page, site, "alice@corp.example", f"/messages/{mid}")
    assert "送信前の確認" in page.locator("h1").inner_text()
    send = page.locator("button[value=send]")
    boxes = page.locator("input.ack")
    assert boxes.count() == 3
    assert send.is_disabled()
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert send.is_disabled()
    assert page.locator(".progress").inner_text() == "確認済み 2 / 3"
    shot(page, "confirm.png")
    boxes.nth(2).check()
    assert send.is_enabled()
    boxes.nth(2).uncheck()
    assert send.is_disabled()
    boxes.nth(2).check()
    send.click()
    page.wait_for_url(f"{site}/messages/{mid}?done=released")
    assert "送信しました" in page.locator("p.notice").inner_text()
    assert hold_queue.get(web_db, mid).state == "queued"


def test_approver_approves_from_the_queue(site, web_db, new_page) -> None:
    mid = seed.message(web_db, release_mode="approval", subject="山田太郎様の契約書")
    seed.message(web_db, state="waiting", action="confirm", subject="打ち合わせの件", deliver_after_seconds=240)
    sender = new_page()
    sign_in(sender, site, "alice@corp.example", f"/messages/{mid}")
    assert "承認者の承認を待っています" in sender.locator(".banner.wait").inner_text()
    assert sender.locator("button[value=send]").count() == 0
    page = new_page()
    sign_in(page, site, "bob@corp.example", "/queue")
    assert page.locator("table.list tbody tr").count() == 1  # the mail waiting for its sender's ticks is not listed
    assert "山田太郎" not in page.content()  # masked in the queue
    shot(page, "queue.png")
    page.click(f"a[href='/messages/{mid}']")
    page.wait_for_url(f"{site}/messages/{mid}")
    approve = page.locator("button[value=approve]")
    assert page.locator("input.ack").count() == 0  # the approver judges the reasons: nothing to tick
    assert page.locator("p.why").inner_text().startswith("mamori が止めた理由:")
    approve.click()
    page.wait_for_url(f"{site}/messages/{mid}?done=approved")
    msg = hold_queue.get(web_db, mid)
    assert msg.state == "queued" and msg.decided_by == "bob@corp.example"


def test_sender_cancels(site, web_db, new_page) -> None:
    mid = seed.message(web_db, state="waiting", action="confirm", deliver_after_seconds=600)
    page = new_page()
    sign_in(page, site, "alice@corp.example", f"/messages/{mid}")
    timer = page.locator("[role=timer]")
    first = timer.inner_text()
    page.wait_for_function("(first) => document.querySelector('[role=timer]').textContent !== first", arg=first)
    assert "自動で送信されます" in timer.inner_text()
    page.once("dialog", lambda d: d.accept())
    page.click("form.cancel-form button")
    page.wait_for_url(f"{site}/messages/{mid}?done=cancelled")
    assert hold_queue.get(web_db, mid).state == "cancelled"


def test_dashboard_and_english_pages(site, web_db, new_page) -> None:
    ids = [seed.message(web_db) for _ in range(4)]
    hold_queue.release(web_db, ids[0], "alice@corp.example")
    hold_queue.cancel(web_db, ids[1], "alice@corp.example")
    page = new_page()
    sign_in(page, site, "olga@corp.example", "/dashboard")
    assert page.locator("svg.chart rect").count() > 3
    shot(page, "dashboard.png")
    page.goto(f"{site}/messages/{ids[2]}?lang=en")
    assert page.locator("h1").inner_text().startswith("Message detail")
    assert "t*****@abc.example" in page.content()
    page.click("button:has-text('Reveal')")
    page.wait_for_selector(".banner.revealed")
    assert "tanaka@abc.example" in page.content()
    page.goto(f"{site}/audit")
    assert page.locator("td span.tag", has_text="reveal").count() == 1


def test_phone_width_has_no_horizontal_scroll(site, web_db, new_page) -> None:
    mid = seed.message(web_db)
    page = new_page(390, 844)
    sign_in(page, site, "alice@corp.example", f"/messages/{mid}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    shot(page, "confirm-phone.png")
