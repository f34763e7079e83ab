"""Who is told a mail waits for approval, what the notice says (masked, plain, no codes), the one-line summary,
the link's signature, the webhook's body and the settings behind them."""

from __future__ import annotations

import email
import email.policy
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mamori.gateway import hold_queue, links, webhook, why
from mamori.gateway.approvers import approval_rows, approvers_for
from mamori.gateway.retention import engine_mask
from mamori.gateway.settings import GATEWAY_CODES, GatewaySettings, SettingsError, parse_gateway_settings
from mamori.guard.policy import CODES
from mamori.web.access import can_approve
from mamori.web.accounts import create_user, get_user, list_users, update_user
from mamori.web.settings import web_settings_from
from tests.web import seed

SECRET = "0123456789abcdef0123"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
HOLD = {"code": "bulk_pii", "severity": "hold",
        "detail": "The attachment holds 120 people's data, e.g. 佐藤 太郎様 (t.sato@alpha.example).",
        "detail_ja": "添付ファイルに 120 人分の個人情報があります（例: 佐藤 太郎様、t.sato@alpha.example）。",
        "evidence": ["佐藤 太郎", "t.sato@alpha.example"]}


def columns(sender: str = "alice@corp.example", **kw):  # type: ignore[no-untyped-def]
    return {"id": "f" * 32, "state": "held", "release_mode": "approval", "sender": sender, "header_from": sender,
            "subject": "佐藤 太郎様の顧客名簿", "reasons": [HOLD, {"code": "external_recipient", "severity": "confirm",
                                                           "detail": "x", "detail_ja": "社外", "evidence": []}],
            "expires_at": NOW + timedelta(hours=72), **kw}


def test_every_reason_code_has_a_plain_sentence_in_both_languages() -> None:
    for code in (*CODES, *GATEWAY_CODES):
        ja, en = why.SENTENCES[code]
        assert not re.search(r"[A-Za-z_]", ja), (code, ja)  # no codes or type names in Japanese
        assert en and en[0].isupper() and "_" not in en
    line = why.summary([{"code": "external_recipient", "severity": "confirm"}, HOLD], "ja")
    assert line.startswith(why.SENTENCES["bulk_pii"][0]) and line.endswith("（ほかに 1 件の理由があります）")
    assert why.summary([HOLD], "en") == why.SENTENCES["bulk_pii"][1]


def test_the_notified_approvers_are_exactly_who_the_rules_let_approve(web_db) -> None:
    create_user(web_db, "dave@corp.example", role="approver", group="sales", password=seed.PASSWORD)
    create_user(web_db, "erin@corp.example", role="approver", group="sales", password=seed.PASSWORD)
    update_user(web_db, "erin@corp.example", active=False, actor="test")
    create_user(web_db, "fay@corp.example", role="approver", group="legal", password=seed.PASSWORD)
    mid = seed.message(web_db, release_mode="approval")
    msg = hold_queue.get(web_db, mid)
    assert approvers_for(web_db, msg) == ["bob@corp.example", "dave@corp.example"]  # sales; erin is inactive
    for login in approvers_for(web_db, msg):
        assert can_approve(web_db, get_user(web_db, login), msg)
    # an approver the From header names is a party: left out (four eyes)
    bobs = seed.message(web_db, sender="alice@corp.example")
    with web_db.session() as s:
        from mamori.store.mail import MailMessage
        s.get(MailMessage, bobs).header_from = "bob@corp.example"
    assert approvers_for(web_db, hold_queue.get(web_db, bobs)) == ["dave@corp.example"]
    carols = hold_queue.get(web_db, seed.message(web_db, sender="carol@corp.example"))
    assert approvers_for(web_db, carols) == ["fay@corp.example"]  # legal's approver, not sales'
    # a group without an active approver, or a sender without an account: the officers
    update_user(web_db, "fay@corp.example", active=False, actor="test")
    stranger = hold_queue.get(web_db, seed.message(web_db, sender="who@else.example"))
    assert approvers_for(web_db, carols) == approvers_for(web_db, stranger) == ["olga@corp.example"]
    everyone = [u for u in list_users(web_db) if u.active]
    for m in (msg, carols, stranger):
        allowed = {u.login for u in everyone if can_approve(web_db, u, m)}
        assert set(approvers_for(web_db, m)) <= allowed


def test_the_approvers_notice_is_masked_plain_and_carries_their_own_link(web_db) -> None:
    settings = GatewaySettings(secret_key=SECRET, base_url="https://mamori.corp.example", notice_from="m@corp.example")
    rows = approval_rows(settings, web_db, engine_mask, columns(), NOW)
    assert [r.columns["rcpt_to"] for r in rows] == [["bob@corp.example"]]
    row = rows[0]
    assert row.columns["mail_from"] == "" and row.columns["action"] == "notice" and row.columns["state"] == "queued"
    msg = email.message_from_bytes(row.raw, policy=email.policy.default)
    assert msg["Auto-Submitted"] == "auto-generated" and msg["To"] == "bob@corp.example"
    text = msg.get_content()
    subject = str(msg["Subject"])
    for raw in ("佐藤 太郎", "佐藤太郎", "t.sato@alpha.example"):  # the customer's values: never in the notice
        assert raw not in text and raw not in subject
    assert "顧客名簿" in subject and "【承認依頼】" in subject
    assert text.index("なぜ止めた") < text.index("-" * 40) < text.index("Why:")  # Japanese, then English
    assert why.summary(columns()["reasons"], "ja") in text
    assert "bulk_pii" not in text.split("-" * 40)[0]  # no codes in the Japanese part
    assert "大量の個人情報が含まれています" in text  # the reason's plain title
    (link,) = set(re.findall(r"https://mamori\.corp\.example/l/\S+", text))
    verified = links.verify(SECRET, link.rsplit("/", 1)[1], "bob@corp.example", NOW)
    assert verified.message_id == "f" * 32 and verified.purpose == "approve"
    assert verified.expires_at == columns()["expires_at"]
    with pytest.raises(links.LinkError) as err:
        links.verify(SECRET, link.rsplit("/", 1)[1], "olga@corp.example", NOW)
    assert err.value.code == "not_yours"
    assert approval_rows(settings, web_db, engine_mask, columns(release_mode="self"), NOW) == []
    off = GatewaySettings(secret_key=SECRET, notify_approvers=False)
    assert approval_rows(off, web_db, engine_mask, columns(), NOW) == []


def test_links_expire_and_name_their_purpose() -> None:
    tok = links.sign(SECRET, message_id="a" * 32, login="Bob@Corp.example", purpose="confirm",
                     expires_at=NOW + timedelta(minutes=5))
    assert links.verify(SECRET, tok, "bob@corp.example", NOW).purpose == "confirm"
    with pytest.raises(links.LinkError) as err:
        links.verify(SECRET, tok, "bob@corp.example", NOW + timedelta(minutes=5))
    assert err.value.code == "expired" and err.value.message_id == "a" * 32
    with pytest.raises(links.LinkError) as err:
        links.verify("another-secret-key-0000", tok, "bob@corp.example", NOW)
    assert err.value.code == "not_yours"
    with pytest.raises(ValueError):
        links.sign(SECRET, message_id="a", login="b", purpose="delete", expires_at=NOW)
    with pytest.raises(ValueError):
        links.sign("short", message_id="a", login="b", purpose="approve", expires_at=NOW)
    assert "bob" not in tok.lower()  # the login is in the MAC, not in the URL


def test_the_webhook_body_names_no_one() -> None:
    body = json.loads(webhook.payload("f" * 32, columns()["reasons"], "https://m.example/messages/" + "f" * 32,
                                      NOW))
    assert body == {"event": "approval_needed", "message_id": "f" * 32, "reasons": ["bulk_pii", "external_recipient"],
                    "link": "https://m.example/messages/" + "f" * 32, "expires_at": "2026-12-07T09:00:00+00:00"}


def test_settings_share_the_web_apps_key_and_check_the_webhook(tmp_path: Path) -> None:
    data = {"store": {"data_dir": "var"}, "web": {"approval_webhook": "https://chat.corp.example/hook"}}
    gw = parse_gateway_settings(data, tmp_path)
    assert gw.approval_webhook == "https://chat.corp.example/hook"
    assert gw.secret_key and gw.secret_key == web_settings_from(data, tmp_path).secret_key
    with pytest.raises(SettingsError, match="approval_webhook"):
        parse_gateway_settings({"web": {"approval_webhook": "file:///etc/passwd"}}, tmp_path)
    with pytest.raises(SettingsError, match="secret_key"):
        parse_gateway_settings({"web": {"secret_key": "short"}}, tmp_path)
    assert parse_gateway_settings({"web": {"secret_key": "k" * 20}}, tmp_path).secret_key == "k" * 20
