"""The sender is told when expiry cancels (not sent) or releases (sent unconfirmed) their waiting/held message."""

from __future__ import annotations

import email
import email.policy
import time
from datetime import timedelta
from functools import partial

from mamori.detect.mask import mask_value
from mamori.gateway import hold_queue
from mamori.gateway.service import expiry_notice_row
from mamori.gateway.settings import GatewaySettings
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from tests.gateway.conftest import SENDER, eml, wait_for

OPEN_LIST = [f"user{i}@cust{i % 3}.example" for i in range(6)]  # an open list of externals: held
BCC = "hidden.person@delta.example"
SECRET = "極秘の本文です。口座番号は1234567です。"
FAST = "hold_expiry_hours = 0.0003\n"  # about 1 s


def parsed(received):
    return email.message_from_bytes(received.data, policy=email.policy.default)


def expiry_notices(sink, address=SENDER):
    """What the sink got for ``address`` whose subject is an expiry notice's."""
    return [
        r for r in sink.received
        if address in r.rcpt_tos and str(parsed(r)["Subject"]).startswith("[mamori] ")
    ]


def held(gw, subject):
    rows = [m for m in hold_queue.list_messages(gw.db, limit=100) if m.subject == subject]
    assert len(rows) == 1, rows
    return rows[0]


def notice_rows(gw, message_id):
    rows = hold_queue.list_messages(gw.db, limit=1000, generated=True)
    return [m for m in rows if m.action == "notice" and m.subject.startswith("expiry notice")
            and message_id in m.subject]


def audit(gw, message_id):
    with gw.db.session() as s:
        return [(e.action, dict(e.data)) for e in s.query(AuditEntry).filter(AuditEntry.target == f"mail:{message_id}")]


def test_cancel_at_expiry_tells_the_sender_it_was_not_sent(start_gateway, sink):
    gw = start_gateway(FAST)
    data = eml(OPEN_LIST[:4], cc=OPEN_LIST[4:], subject="見積書の送付", body=SECRET + "\r\n")
    gw.send(data, [*OPEN_LIST, BCC])
    m = held(gw, "見積書の送付")
    assert m.state == "held" and m.expire_action == "cancel"
    got = wait_for(lambda: expiry_notices(sink), what="the expiry notice")[0]
    assert hold_queue.get(gw.db, m.id).state == "cancelled"
    assert got.mail_from == "<>"  # never bounced back: no loop
    assert got.rcpt_tos == (SENDER,)
    msg = parsed(got)
    assert msg["Subject"] == "[mamori] 送信されませんでした / Not sent: 見積書の送付"
    assert msg["Auto-Submitted"] == "auto-generated"
    text = msg.get_body().get_content()
    assert "送信されませんでした" in text and "was NOT sent" in text and "send it again" in text
    # in the company's zone (the default, Asia/Tokyo), with its name
    assert (m.received_at + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M JST") in text
    # every envelope recipient (the Bcc one too) masked; no address in the clear; never the body
    for address in [*OPEN_LIST, BCC]:
        assert mask_value("EMAIL", address) in text
        assert address not in text
    assert BCC.encode() not in got.data and b"user0@" not in got.data
    assert "極秘" not in text and "1234567" not in text and SECRET.encode() not in got.data
    # the reasons, in both languages, as the hold notice has them
    reason = next(r for r in m.reasons if r["code"] == "open_recipient_list")
    assert f"- 社外の宛先が互いに見えます: {reason['detail_ja']}" in text  # the title, never the code
    assert f"- Recipients visible to each other: {reason['detail']}" in text
    assert "open_recipient_list" not in text
    assert not [r for r in sink.received if set(r.rcpt_tos) & {*OPEN_LIST, BCC}]  # the message itself: not sent
    # the audit entry as before, naming only the notice's row id
    entries = audit(gw, m.id)
    assert [a for a, _ in entries] == ["expire_cancel"]
    (notice,) = notice_rows(gw, m.id)
    assert entries[0][1] == {"state_before": "held", "state": "cancelled", "notice": notice.id}


def test_release_at_expiry_tells_the_sender_it_went_unconfirmed(start_gateway, sink):
    gw = start_gateway(FAST + 'expire_action = "release"\n')
    gw.send(eml(OPEN_LIST, subject="請求書"), OPEN_LIST)
    m = held(gw, "請求書")
    wait_for(lambda: [r for r in sink.received if OPEN_LIST[0] in r.rcpt_tos], what="release on expiry")
    got = wait_for(lambda: expiry_notices(sink), what="the release notice")[0]
    msg = parsed(got)
    assert msg["Subject"] == "[mamori] 確認なしで送信されました / Sent without confirmation: 請求書"
    text = msg.get_body().get_content()
    assert "確認なしで送信されました" in text and "sent without confirmation" in text
    assert mask_value("EMAIL", OPEN_LIST[0]) in text and OPEN_LIST[0] not in text
    assert [a for a, _ in audit(gw, m.id)] == ["expire_release"]


def test_null_sender_gets_no_expiry_notice(start_gateway, sink):
    gw = start_gateway(FAST)
    gw.send(eml(OPEN_LIST, subject="from the null sender"), OPEN_LIST, mail_from="")
    m = held(gw, "from the null sender")
    wait_for(lambda: hold_queue.get(gw.db, m.id).state == "cancelled", what="expiry")
    assert notice_rows(gw, m.id) == []  # would have been queued with the state change
    (entry,) = audit(gw, m.id)
    assert entry == ("expire_cancel", {"state_before": "held", "state": "cancelled"})
    time.sleep(0.6)  # three expiry ticks: nothing more comes
    assert expiry_notices(sink) == []
    # notices go to the submitter (issue 17): <> has none, and the From header is not told in its place
    assert [r for r in sink.received if SENDER in r.rcpt_tos] == []


def test_setting_off_sends_no_expiry_notice(start_gateway, sink):
    gw = start_gateway(FAST + "notify_on_expiry = false\n")
    assert gw.settings.notify_on_expiry is False
    gw.send(eml(OPEN_LIST, subject="quiet"), OPEN_LIST)
    m = held(gw, "quiet")
    wait_for(lambda: hold_queue.get(gw.db, m.id).state == "cancelled", what="expiry")
    assert notice_rows(gw, m.id) == []
    wait_for(lambda: [r for r in sink.received if SENDER in r.rcpt_tos], what="the hold notice")
    time.sleep(0.6)
    assert expiry_notices(sink) == []


def test_the_notice_is_queued_with_the_expiry_and_survives_a_restart(start_gateway, sink):
    gw = start_gateway("hold_expiry_hours = 1\n")
    gw.send(eml(OPEN_LIST, subject="before the restart"), OPEN_LIST)
    m = held(gw, "before the restart")
    wait_for(lambda: [r for r in sink.received if SENDER in r.rcpt_tos], what="the hold notice")
    gw.stop()  # no gateway runs: the expiry commits the state, the audit entry and the notice row together
    done = hold_queue.expire_due(gw.db, utcnow() + timedelta(hours=2), partial(expiry_notice_row, gw.settings))
    assert [d.id for d in done] == [m.id]
    (row,) = notice_rows(gw, m.id)
    assert row.state == "queued" and row.rcpt_to == [SENDER]
    assert expiry_notices(sink) == []
    again = start_gateway("hold_expiry_hours = 1\n")  # the same database
    assert wait_for(lambda: expiry_notices(sink), what="the notice after the restart")[0].rcpt_tos == (SENDER,)
    assert hold_queue.get(again.db, row.id).state in ("sending", "delivered")


def test_no_notice_about_a_notice():
    settings = GatewaySettings()
    now = utcnow()
    base = dict(id="a" * 32, received_at=now, sender=SENDER, sender_name="", subject="s", size=1, state="held",
                release_mode="self", rcpt_to=["x@y.example"], expires_at=now)
    own = hold_queue.QueuedMessage(**{**base, "action": "notice"})
    mine = hold_queue.QueuedMessage(**{**base, "action": "hold"})
    assert expiry_notice_row(settings, own, SENDER, "cancel") is None
    assert expiry_notice_row(settings, mine, "", "cancel") is None  # <>
    row = expiry_notice_row(settings, mine, SENDER, "cancel")
    assert row is not None and row.columns["mail_from"] == "" and row.columns["action"] == "notice"
