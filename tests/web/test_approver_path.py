"""The approver's path for real: mail enters the gateway over SMTP and is held for approval; the approver's notice
arrives at the sink (the next hop), the webhook at a local HTTP server; the link from the notice opens in Chromium
at phone width, the approver signs in and taps once; the mail is delivered. The same link then refuses a second
use, an expired one is refused, fetching it decides nothing, and nobody else (a party to the mail, another
approver it was forwarded to) can use it."""

from __future__ import annotations

import base64
import email
import email.policy
import json
import re
import threading
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from mamori.gateway import hold_queue, links
from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.gateway.conftest import SENDER, RunningGateway, eml, free_port, wait_for, write_config
from tests.web import seed
from tests.web.live import chromium, serve, shot

APPROVER = "k.tanaka@ours.example"
OTHER_APPROVER = "m.ito@ours.example"
EXTRA = '\n[gateway.release_modes]\nexternal_recipient = "approval"\n\n[actions]\nexternal_recipient = "hold"\n'
LINK = re.compile(r"https?://\S+/l/[A-Za-z0-9_.-]+")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "ja-JP"}


class Hooks(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[str, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).received.append((self.headers.get("Content-Type", ""), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def world(tmp_path):
    Hooks.received = []
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Hooks)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    config = write_config(tmp_path, free_port(), sink.port, EXTRA, f"sqlite:///{tmp_path / 'm.db'}")
    settings = load_gateway_settings(config)
    db = Database(settings.store_url)
    db.migrate()
    create_user(db, SENDER, role="sender", group="sales", display_name="中村 三郎", password=seed.PASSWORD)
    create_user(db, APPROVER, role="approver", group="sales", display_name="田中 課長", password=seed.PASSWORD)
    create_user(db, OTHER_APPROVER, role="approver", group="sales", display_name="伊藤", password=seed.PASSWORD)
    web = WebSettings(secret_key=settings.secret_key, data_dir=tmp_path, config_path=config)
    app = create_app(web, db)
    gateway = None
    try:
        with serve(app) as url:
            settings = replace(settings, base_url=url,
                               approval_webhook=f"http://127.0.0.1:{hook.server_address[1]}/mamori")
            gateway = RunningGateway(settings, db, tick=30.0)  # slow polling: notices and release wake it
            app.state.on_release = gateway.wake
            yield gateway, sink, db, url
    finally:
        if gateway is not None:
            gateway.stop()
        sink.stop_in_thread()
        hook.shutdown()
        db.dispose()


def notice_to(sink: Sink, who: str, mid: str) -> tuple[email.message.EmailMessage, str]:
    """The approver's notice about ``mid`` that reached the sink, and its text."""
    def found():
        for env, raw in sink.messages():
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            if env.get("rcpt_to") == [who] and "承認依頼" in str(msg["Subject"]):
                text = msg.get_content()
                if any(_mid(m) == mid for m in LINK.findall(text)):
                    return msg, text
        return None

    return wait_for(found, timeout=25, what=f"the approval notice to {who}")


def _mid(link: str) -> str:
    """The message id a link's (signed, readable) payload names."""
    payload = link.rsplit("/", 1)[1].partition(".")[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["m"]


def held_for_approval(db: Database, subject: str) -> str:
    rows = wait_for(lambda: [m for m in hold_queue.list_messages(db, states=("held",)) if m.subject == subject],
                    what="the message to be held")
    assert rows[0].needs_approval
    return rows[0].id


def sign_in(page, login: str) -> None:
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", seed.PASSWORD)
    page.click("button[type=submit].primary")


def no_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_approve_from_the_notice_on_a_phone_in_one_tap(world) -> None:
    gateway, sink, db, url = world
    subject = "佐藤 太郎様 お見積り"
    gateway.send(eml(["佐藤 太郎 <t.sato@alpha.example>"], subject=subject), ["t.sato@alpha.example"])
    mid = held_for_approval(db, subject)

    msg, text = notice_to(sink, APPROVER, mid)
    notice_to(sink, OTHER_APPROVER, mid)  # every approver of the sender's group is told, each with their own link
    assert msg["Auto-Submitted"] == "auto-generated"
    assert "t.sato@alpha.example" not in text and "佐藤 太郎" not in text and "佐藤 太郎" not in str(msg["Subject"])
    assert "なぜ止めた" in text and "社外の人に送ろうとしています。" in text
    (link,) = {m for m in LINK.findall(text)}
    assert link.startswith(f"{url}/l/")

    # the webhook: the id, the reason codes and the page's link; nobody's address, name or subject
    _ctype, body = wait_for(lambda: Hooks.received[:1], timeout=25, what="the webhook")[0]
    hooked = json.loads(body)
    assert hooked["event"] == "approval_needed" and hooked["message_id"] == mid
    assert "external_recipient" in hooked["reasons"] and hooked["link"] == f"{url}/messages/{mid}"
    assert "@" not in body.decode() and "佐藤" not in body.decode()

    # a link scanner fetches the URL: it lands on the login page and decides nothing
    with urllib.request.urlopen(link) as answer:
        assert answer.status == 200 and "/login" in answer.url
    assert hold_queue.get(db, mid).state == "held"

    with chromium() as browser:
        page = browser.new_context(**PHONE).new_page()
        page.set_default_timeout(20_000)
        page.goto(link)
        sign_in(page, APPROVER)
        page.wait_for_url(link)
        assert hold_queue.get(db, mid).state == "held"  # opening the page decided nothing
        assert "社外の人に送ろうとしています。" in page.locator("p.why").inner_text()
        assert page.locator("input.ack").count() == 0 and "t.sato@alpha.example" not in page.content()
        assert no_overflow(page)
        shot(page, "approve-link-phone.png")
        page.locator("button[value=approve]").tap()  # the one tap after login
        page.wait_for_url(f"{url}/messages/{mid}?done=approved")
        assert no_overflow(page)

        def delivered():
            return [e for e, _ in sink.messages() if e.get("rcpt_to") == ["t.sato@alpha.example"]]

        (env, *_) = wait_for(delivered, timeout=25, what="delivery of the approved mail to the sink")
        assert env["mail_from"] == SENDER
        assert wait_for(lambda: hold_queue.get(db, mid).state == "delivered", what="delivered state")

        # the same link again: spent
        answer = page.goto(link)
        assert answer.status == 410 and "すでに使用されています" in page.locator("p.error").inner_text()
        # an expired link (made out to the same approver): refused
        old = links.sign(gateway.settings.secret_key, message_id=mid, login=APPROVER, purpose="approve",
                         expires_at=datetime.now(UTC) - timedelta(minutes=1))
        answer = page.goto(f"{url}/l/{old}")
        assert answer.status == 410 and "有効期限" in page.locator("p.error").inner_text()


def test_a_forwarded_link_decides_nothing_for_a_party_or_another_approver(world) -> None:
    gateway, sink, db, _url = world
    subject = "ご契約の件"
    gateway.send(eml(["佐藤 太郎 <t.sato@alpha.example>"], subject=subject), ["t.sato@alpha.example"])
    mid = held_for_approval(db, subject)
    _msg, text = notice_to(sink, APPROVER, mid)
    (link,) = set(LINK.findall(text))
    with chromium() as browser:
        for who in (SENDER, OTHER_APPROVER):  # the sender (a party), and another approver it was forwarded to
            page = browser.new_context(**PHONE).new_page()
            page.set_default_timeout(20_000)
            page.goto(link)
            sign_in(page, who)
            page.wait_for_url(link)
            assert "別の人に送られた" in page.locator("p.error").inner_text()
            assert page.locator("button[value=approve]").count() == 0
            page.context.close()
    assert hold_queue.get(db, mid).state == "held"
    assert not [e for e, _ in sink.messages() if e.get("rcpt_to") == ["t.sato@alpha.example"]]
