"""The whole path for real: mail enters the gateway over SMTP, is held, the sender releases it in Chromium,
and it arrives at the sink (the next hop)."""

from __future__ import annotations

import pytest

from mamori.gateway import hold_queue
from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.gateway.conftest import SENDER, RunningGateway, eml, free_port, wait_for, write_config
from tests.web import seed
from tests.web.live import chromium, serve, shot

HOLD_EXTERNAL = '\n[actions]\nexternal_recipient = "hold"\n'


@pytest.fixture
def world(tmp_path):
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    config = write_config(tmp_path, free_port(), sink.port, HOLD_EXTERNAL, f"sqlite:///{tmp_path / 'm.db'}")
    settings = load_gateway_settings(config)
    db = Database(settings.store_url)
    db.migrate()
    create_user(db, SENDER, role="sender", group="sales", display_name="中村 三郎", password=seed.PASSWORD)
    gateway = RunningGateway(settings, db, tick=30.0)  # slow polling: only the release hook can make it quick
    web = WebSettings(secret_key="k" * 32, data_dir=tmp_path, config_path=config)
    app = create_app(web, db)
    app.state.on_release = gateway.wake  # as `mamori serve` wires it: the gateway delivers at once
    try:
        with serve(app) as url:
            yield gateway, sink, db, url
    finally:
        gateway.stop()
        sink.stop_in_thread()
        db.dispose()


def test_held_mail_released_in_the_browser_reaches_the_sink(world) -> None:
    gateway, sink, db, url = world
    gateway.send(eml(["佐藤 太郎 <t.sato@alpha.example>"], subject="お見積りの件"), ["t.sato@alpha.example"])
    held = wait_for(lambda: hold_queue.list_messages(db, states=("held",)), what="the message to be held")
    mid = held[0].id
    assert held[0].sender == SENDER
    with chromium() as browser:
        page = browser.new_context(locale="ja-JP", viewport={"width": 1100, "height": 900}).new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{url}/messages/{mid}")  # the link of the gateway's notice
        page.fill("input[name=login]", SENDER)
        page.fill("input[name=password]", seed.PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{url}/messages/{mid}")
        assert "株式会社アルファ" in page.locator(".org-name").first.inner_text()  # company name from contacts
        assert "t.sato@alpha.example" in page.content()
        send = page.locator("button[value=send]")
        assert send.is_disabled()
        for i in range(page.locator("input.ack").count()):
            page.locator("input.ack").nth(i).check()
        shot(page, "confirm-gateway.png")
        send.click()
        page.wait_for_url(f"{url}/messages/{mid}?done=released")

    def delivered():
        return [(env, raw) for env, raw in sink.messages() if "t.sato@alpha.example" in env.get("rcpt_to", [])]

    (env, raw), *_ = wait_for(delivered, timeout=25, what="delivery to the sink (woken by the release hook)")
    assert env["mail_from"] == SENDER
    assert "お見積りの件" in raw.decode("utf-8", "replace") or b"Subject:" in raw
    assert wait_for(lambda: hold_queue.get(db, mid).state == "delivered", what="delivered state")


def test_wrong_recipient_left_out_on_the_web_the_others_receive_it(world) -> None:
    """The sender sees their own mail unmasked, each envelope recipient once with its field (a header-only Cc is
    not listed, an envelope-only address is Bcc), and sends to the others without the recipient the guard flagged;
    the sink receives it for the others only, and the audit says so with the address masked."""
    from mamori.store.audit import AuditEntry

    gateway, sink, db, url = world
    body = "株式会社アルファ\r\n佐藤 太郎 様\r\n\r\nお見積りをお送りします。\r\n"
    gateway.send(
        eml(["佐藤 太郎 <t.sato@alpha.example>"], cc=["佐藤 太郎 <t.sato@a1pha.example>", "only@header.example"],
            subject="お見積り 佐藤様", body=body),
        ["t.sato@alpha.example", "t.sato@a1pha.example", "boss@ours.example"],
    )
    held = wait_for(lambda: hold_queue.list_messages(db, states=("held",)), what="the message to be held")
    mid = held[0].id
    flagged = [r for r in held[0].reasons if r.get("code") == "lookalike_domain"]
    assert flagged and "t*****@a1pha.example" in flagged[0]["evidence"], held[0].reasons
    with chromium() as browser:
        page = browser.new_context(locale="ja-JP", viewport={"width": 1100, "height": 900}).new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{url}/messages/{mid}")
        page.fill("input[name=login]", SENDER)
        page.fill("input[name=password]", seed.PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{url}/messages/{mid}")
        assert "佐藤 太郎 様" in page.locator("pre.preview").inner_text()  # the sender's own words, unmasked
        assert page.locator("pre.preview").locator("xpath=..").locator("h2").inner_text() == "本文の冒頭"
        assert page.locator("dd.subject").inner_text() == "お見積り 佐藤様"
        reasons = page.locator(".reasons").inner_text()
        assert "t.sato@a1pha.example" in reasons and "t*****@a1pha" not in reasons  # the reasons name it in full too
        external = [t.split() for t in page.locator("li.external").all_inner_texts()]
        assert [(e[0], e[1]) for e in external] == [("宛先", "t.sato@alpha.example"), ("Cc", "t.sato@a1pha.example")]
        assert "only@header.example" not in page.content()  # a header-only address: nobody delivers to it
        internal = page.locator("ul.internal li").all_inner_texts()
        assert [t.split()[:2] for t in internal] == [["Bcc", "boss@ours.example"]]
        suspect = page.locator("li.external", has_text="t.sato@a1pha.example")
        assert suspect.locator(".tag.hold").inner_text() == "宛先違いの疑い"
        assert page.locator("li.external .tag.hold").count() == 1  # only the recipient in question
        for box in page.locator("input.ack").all():
            if box.get_attribute("value") != suspect.locator("input.ack").get_attribute("value"):
                box.check()
        shot(page, "confirm-drop.png")
        suspect.locator("button[value^='drop:']").click()
        page.wait_for_url(f"{url}/messages/{mid}?done=released_without")
        assert "外して送信しました" in page.locator("p.notice").inner_text()

    def delivered():
        return [(env, raw) for env, raw in sink.messages() if "t.sato@alpha.example" in env.get("rcpt_to", [])]

    (env, _raw), *_ = wait_for(delivered, timeout=25, what="delivery to the sink without the flagged recipient")
    assert sorted(env["rcpt_to"]) == ["boss@ours.example", "t.sato@alpha.example"]
    assert all("t.sato@a1pha.example" not in e.get("rcpt_to", []) for e, _ in sink.messages())
    with db.session() as s:
        entry = s.query(AuditEntry).filter_by(target=f"mail:{mid}", action="release_without").one()
        assert entry.actor == SENDER and "t*****@a1pha.example" in entry.detail
        assert "t.sato@a1pha" not in entry.detail and entry.data["recipients_left"] == 2
