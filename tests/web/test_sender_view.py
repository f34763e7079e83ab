"""What the sender and the others see of a held mail: the sender unmasked, everyone else masked by one rule;
the recipients as the server will deliver; leaving a flagged recipient out (an audited decision)."""

from __future__ import annotations

import pytest

from mamori.gateway import hold_queue
from mamori.gateway.hold_queue import QueueError
from mamori.store.audit import AuditEntry
from mamori.web.confirm import build
from tests.web import seed
from tests.web.conftest import csrf_of, login
from tests.web.test_views import queued

SIMILAR = {
    "code": "similar_recipient", "severity": "hold",
    "detail": "y********@kitaguni.example is 佐藤 at 北国フーズ; you usually write to 佐藤 at 青葉.",
    "detail_ja": "y********@kitaguni.example は 北国フーズ の佐藤さんです。普段の相手は 青葉 の佐藤さんです。",
    "evidence": ["y********@kitaguni.example", "k*****@aoba.example"],
}


def held(**kw):  # type: ignore[no-untyped-def]
    base = dict(
        recipients=[{"name": "佐藤 由美", "address": "yumi.sato@kitaguni.example", "field": "to"},
                    {"name": "鈴木", "address": "suzuki@aoba.example", "field": "cc"},
                    {"name": "Only Header", "address": "only@header.example", "field": "cc"}],
        rcpt_to=["yumi.sato@kitaguni.example", "Suzuki@aoba.example", "boss@corp.example", "suzuki@aoba.example"],
        groups=[
            {"organization": "北国フーズ", "known": True, "recipients": [
                {"address": "y********@kitaguni.example", "name": "佐藤 ■■", "field": "To", "first_time": True}]},
            {"organization": "青葉", "known": True, "recipients": [
                {"address": "s*****@aoba.example", "name": "鈴木", "field": "Cc", "first_time": False}]},
            {"organization": "header.example", "known": False, "recipients": [
                {"address": "o***@header.example", "name": "", "field": "Cc", "first_time": True}]},
        ],
        reasons=[SIMILAR],
        subject="お見積り（佐藤様）",
        preview="佐■ ■■様",
        attachments=[{"filename": "佐藤様_見積書.pdf", "types": ["PERSON"], "records": 1, "issues": []}],
    )
    return queued(**{**base, **kw})


def test_the_sender_sees_their_own_mail_unmasked() -> None:
    view = build(held(), "ja", masked=False, preview="佐藤 由美様\nいつもお世話になっております。")
    assert view.preview.startswith("佐藤 由美様") and view.subject == "お見積り（佐藤様）"
    assert view.attachments[0].label == "佐藤様_見積書.pdf"
    reason = view.reasons[0]
    assert reason.detail.startswith("yumi.sato@kitaguni.example は")  # the guard's masked address, shown whole
    assert reason.evidence == ("yumi.sato@kitaguni.example", "k*****@aoba.example")  # not a recipient: stays
    assert build(held(), "ja", masked=False).preview == "佐■ ■■様"  # no message bytes: the stored preview


def test_everyone_else_sees_it_masked_by_one_rule() -> None:
    def hide(s: str) -> str:
        return s.replace("佐藤", "佐■").replace("由美", "■■")

    view = build(held(), "en", masked=True, mask_text=hide, preview="佐藤 由美様")
    assert view.preview == "佐■ ■■様"  # the stored, masked preview, never the one from the bytes
    assert view.subject == "お見積り（佐■様）" and view.attachments[0].label == "佐■様_見積書.pdf"
    assert "佐藤" not in view.reasons[0].detail and "佐■" in view.reasons[0].detail  # the reasons too
    labels = [ln.label for b in view.external for ln in b.lines]
    assert labels == ["y********@kitaguni.example", "s*****@aoba.example"]


def test_recipients_are_the_envelope_once_each_with_their_field() -> None:
    view = build(held(), "ja", masked=False)
    external = [(ln.label, ln.field, ln.suspect) for b in view.external for ln in b.lines]
    assert external == [("yumi.sato@kitaguni.example", "to", True), ("suzuki@aoba.example", "cc", False)]
    assert [(ln.label, ln.field) for ln in view.internal] == [("boss@corp.example", "bcc")]
    assert "header.example" not in {b.organization for b in view.external}  # header-only: not a recipient
    assert view.required == {"r0", "r1", "a0"}


def test_leaving_a_recipient_out_is_checked_and_audited(web_db) -> None:
    mid = seed.message(web_db)
    with pytest.raises(QueueError):
        hold_queue.release(web_db, mid, "alice@corp.example", drop=("nobody@else.example",))
    with pytest.raises(QueueError):
        hold_queue.release(web_db, mid, "alice@corp.example",
                           drop=("tanaka@abc.example", "suzuki@xyz.example", "dan@corp.example"))
    assert hold_queue.get(web_db, mid).state == "held"
    msg = hold_queue.release(web_db, mid, "alice@corp.example", drop=("Suzuki@xyz.example",))
    assert msg.state == "queued" and msg.rcpt_to == ["tanaka@abc.example", "dan@corp.example"]
    with web_db.session() as s:
        entry = s.query(AuditEntry).filter_by(target=f"mail:{mid}").one()
    assert entry.action == "release_without" and entry.detail == "without s*****@xyz.example"
    assert entry.data == {"state": "queued", "recipients_left": 2, "state_before": "held"}


def test_only_a_flagged_recipient_can_be_left_out_on_the_page(client, web_db) -> None:
    flagged = {"code": "lookalike_domain", "severity": "hold", "detail": "look-alike", "detail_ja": "似たドメイン",
               "evidence": ["s*****@xyz.example", "xyz.example"]}
    mid = seed.message(web_db, reasons=[flagged])
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert page.count('value="drop:') == 1 and 'value="drop:r1"' in page
    csrf = csrf_of(page)
    r = client.post(f"/messages/{mid}/send", data={"csrf": csrf, "do": "drop:r0", "ack": ["r1", "a0"]})
    assert r.status_code == 400 and hold_queue.get(web_db, mid).state == "held"  # r0 is not flagged
    r = client.post(f"/messages/{mid}/send", data={"csrf": csrf, "do": "drop:r1", "ack": ["a0"]})
    assert r.status_code == 400 and hold_queue.get(web_db, mid).state == "held"  # r0 not ticked
    r = client.post(f"/messages/{mid}/send", data={"csrf": csrf, "do": "drop:r1", "ack": ["r0", "a0"]},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("done=released_without")
    assert hold_queue.get(web_db, mid).rcpt_to == ["tanaka@abc.example", "dan@corp.example"]
