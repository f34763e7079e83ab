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
