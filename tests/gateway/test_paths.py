"""Each verdict's path through a real gateway on loopback, with a real sink as the next hop."""

from __future__ import annotations

import email
import re
import smtplib
from email.message import EmailMessage

import pytest

from mamori.gateway import hold_queue, links
from mamori.store.audit import AuditEntry
from tests.gateway.conftest import SENDER, eml, wait_for, without_trace

DKIM = (
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=ours.example; s=sel;\r\n"
    "\th=from:to:subject:date; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
    "\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSBidXQgaXRzIGJ5dGVzIG11c3Qgc3Vydml2ZQ==\r\n"
)


def by_rcpt(sink, address):
    return [r for r in sink.received if address in r.rcpt_tos]


def only(gw, **kw):
    rows = [m for m in hold_queue.list_messages(gw.db, limit=1000) if m.action not in ("notice", "bounce")]
    assert len(rows) == 1, rows
    return rows[0]


def test_allow_passes_bytes_unchanged(start_gateway, sink):
    gw = start_gateway()
    data = eml(["a.suzuki@ours.example"], extra_headers=DKIM, body="社内連絡です。\r\n.leading dot line\r\n")
    gw.send(data, ["a.suzuki@ours.example"])
    got = wait_for(lambda: by_rcpt(sink, "a.suzuki@ours.example"), what="delivery")
    assert without_trace(got[0].data) == data  # DKIM-Signature, 8-bit body and the dot-stuffed line byte for byte
    assert got[0].mail_from == SENDER
    assert "BODY=8BITMIME" in got[0].mail_options
    m = wait_for(lambda: only(gw).state == "delivered" and only(gw), what="delivered state")
    assert m.action == "allow" and m.delivered_at is not None


def test_bcc_exists_only_in_the_envelope(start_gateway, sink):
    gw = start_gateway()
    # To is internal; the Bcc recipient is external and first-time: the guard must see it as a Bcc recipient
    data = eml(["a.suzuki@ours.example"])
    gw.send(data, ["a.suzuki@ours.example", "new.person@delta.example"])
    m = wait_for(lambda: only(gw))
    assert m.state == "waiting" and m.action == "confirm"
    assert {r["code"] for r in m.reasons} >= {"external_recipient", "first_time_recipient"}
    assert m.rcpt_to == ["a.suzuki@ours.example", "new.person@delta.example"]
    assert [r["address"] for r in m.recipients] == ["a.suzuki@ours.example"]  # header To/Cc only
    assert [r["field"] for g in m.groups for r in g["recipients"]] == ["bcc"]
    assert not by_rcpt(sink, "new.person@delta.example")
    hold_queue.release(gw.db, m.id, SENDER)
    gw.wake()
    got = wait_for(lambda: by_rcpt(sink, "new.person@delta.example"), what="release delivery")
    assert got[0].rcpt_tos == ("a.suzuki@ours.example", "new.person@delta.example")
    assert without_trace(got[0].data) == data and b"delta.example" not in got[0].data


def test_confirm_waits_and_notifies_the_sender(start_gateway, sink):
    gw = start_gateway()
    gw.send(eml(["t.sato@alpha.example"]), ["t.sato@alpha.example"])
    m = only(gw)
    assert m.state == "waiting" and m.expires_at is not None and m.deliver_after is None
    note = wait_for(lambda: by_rcpt(sink, SENDER), what="notice")[0]
    assert note.mail_from == "<>"
    text = email.message_from_bytes(note.data, policy=email.policy.default).get_body().get_content()
    (link,) = set(re.findall(r"https://mamori\.ours\.example/l/(\S+)", text))  # the sender's own signed link
    assert links.verify(gw.settings.secret_key, link, SENDER).message_id == m.id
    with pytest.raises(links.LinkError):
        links.verify(gw.settings.secret_key, link, "someone@ours.example")
    assert "確認" in text and "confirm" in text
    assert "t.sato@alpha.example" not in text  # the notice names no recipient
    assert not by_rcpt(sink, "t.sato@alpha.example")
    with pytest.raises(hold_queue.QueueError):
        hold_queue.release(gw.db, "0" * 32, SENDER)
    hold_queue.release(gw.db, m.id, SENDER)
    gw.wake()
    wait_for(lambda: by_rcpt(sink, "t.sato@alpha.example"), what="delivery after confirmation")


def test_delay_mode_delivers_after_the_window_unless_cancelled(start_gateway, sink):
    gw = start_gateway('confirm_mode = "delay"\ndelay_minutes = 0.02\n')  # 1.2 s
    gw.send(eml(["t.sato@alpha.example"], subject="first"), ["t.sato@alpha.example"])
    gw.send(eml(["j.yamada@gamma.example"], subject="second"), ["j.yamada@gamma.example"])
    rows = {m.subject: m for m in hold_queue.list_messages(gw.db) if m.action == "confirm"}
    assert {m.state for m in rows.values()} == {"waiting"} and rows["first"].deliver_after is not None
    hold_queue.cancel(gw.db, rows["second"].id, SENDER, "wrong file")
    assert not by_rcpt(sink, "t.sato@alpha.example")  # not before the window
    wait_for(lambda: by_rcpt(sink, "t.sato@alpha.example"), what="delayed delivery")
    assert hold_queue.get(gw.db, rows["first"].id).state in ("sending", "delivered")
    assert hold_queue.get(gw.db, rows["second"].id).state == "cancelled"
    assert not by_rcpt(sink, "j.yamada@gamma.example")


OPEN_LIST = [f"user{i}@cust{i % 3}.example" for i in range(6)]


def test_hold_needs_an_approver_when_policy_says_so(start_gateway, sink):
    gw = start_gateway('[gateway.release_modes]\nopen_recipient_list = "approval"\n')
    gw.send(eml(OPEN_LIST), OPEN_LIST)
    m = only(gw)
    assert m.state == "held" and m.release_mode == "approval"
    assert "open_recipient_list" in {r["code"] for r in m.reasons}
    with pytest.raises(hold_queue.QueueError) as e:
        hold_queue.release(gw.db, m.id, SENDER)
    assert e.value.code == "not_allowed"
    hold_queue.approve(gw.db, m.id, "boss@ours.example", bcc=True)
    gw.wake()
    got = wait_for(lambda: by_rcpt(sink, OPEN_LIST[0]), what="approved delivery")[0]
    assert got.rcpt_tos == tuple(OPEN_LIST)
    head = got.data.split(b"\r\n\r\n")[0]
    assert b"To: undisclosed-recipients:;" in head and b"cust1.example" not in head
    with gw.db.session() as s:
        actions = [a for (a,) in s.query(AuditEntry.action).filter(AuditEntry.target == f"mail:{m.id}")]
    assert actions == ["approve"]


def test_open_list_auto_bcc(start_gateway, sink):
    gw = start_gateway('bcc_open_lists = "auto"\nconfirm_mode = "delay"\ndelay_minutes = 0\n')
    gw.send(eml(OPEN_LIST), OPEN_LIST)
    m = only(gw)
    assert m.bcc and m.state == "waiting"  # the open list no longer holds it: Bcc fixes it
    got = wait_for(lambda: by_rcpt(sink, OPEN_LIST[0]), what="delivery")[0]
    assert b"To: undisclosed-recipients:;" in got.data.split(b"\r\n\r\n")[0]


def test_block_is_refused_with_its_reason_and_recorded(start_gateway, sink):
    gw = start_gateway()
    with pytest.raises(smtplib.SMTPDataError) as e:
        gw.send(eml(["boss@rival.example"]), ["boss@rival.example"])
    assert e.value.smtp_code == 550 and b"blocked_recipient" in e.value.smtp_error
    m = only(gw)
    assert m.state == "rejected" and m.action == "block"
    with pytest.raises(hold_queue.QueueError):
        hold_queue.raw(gw.db, m.id)  # no bytes kept of a refused message
    with gw.db.session() as s:
        entry = s.query(AuditEntry).filter(AuditEntry.target == f"mail:{m.id}").one()
    assert (entry.actor, entry.action, entry.detail) == ("gateway", "reject", "blocked_recipient")


def test_expiry_cancels_or_releases_never_silently(start_gateway, sink):
    gw = start_gateway("hold_expiry_hours = 0.0003\n")  # about 1 s
    gw.send(eml(OPEN_LIST, subject="cancelled by expiry"), OPEN_LIST)
    m = only(gw)
    assert m.state == "held"
    wait_for(lambda: hold_queue.get(gw.db, m.id).state == "cancelled", what="expiry")
    assert hold_queue.get(gw.db, m.id).decided_by == "expiry"
    with gw.db.session() as s:
        assert s.query(AuditEntry).filter(AuditEntry.action == "expire_cancel").count() == 1


def test_expiry_release(start_gateway, sink):
    gw = start_gateway('hold_expiry_hours = 0.0003\nexpire_action = "release"\n')
    gw.send(eml(OPEN_LIST), OPEN_LIST)
    wait_for(lambda: by_rcpt(sink, OPEN_LIST[0]), what="release on expiry")


def test_next_hop_5xx_bounces_to_the_sender(start_gateway, sink):
    sink.refuse["nobody@ours.example"] = "550 5.1.1 <nobody@ours.example>: mailbox unavailable"
    gw = start_gateway()
    gw.send(eml(["nobody@ours.example"]), ["nobody@ours.example"])
    m = wait_for(lambda: only(gw).state == "bounced" and only(gw), what="bounce")
    assert "5.1.1" in m.last_error
    bounce = wait_for(lambda: by_rcpt(sink, SENDER), what="bounce message")[0]
    assert bounce.mail_from == "<>"
    parsed = email.message_from_bytes(bounce.data, policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/report"
    assert b"Status: 5.1.1" in bounce.data and b"nobody@ours.example" in bounce.data


def test_partly_refused_recipients_are_split(start_gateway, sink):
    sink.refuse["gone@ours.example"] = "550 5.1.1 no such user"
    sink.refuse["busy@ours.example"] = "450 4.2.1 try later"
    gw = start_gateway()
    rcpts = ["a.suzuki@ours.example", "gone@ours.example", "busy@ours.example"]
    data = eml(rcpts)
    gw.send(data, rcpts)
    wait_for(lambda: by_rcpt(sink, "a.suzuki@ours.example"), what="first delivery")
    bounce = wait_for(lambda: by_rcpt(sink, SENDER), what="bounce for the refused one")[0]
    assert b"gone@ours.example" in bounce.data and b"Final-Recipient: rfc822; busy" not in bounce.data
    del sink.refuse["busy@ours.example"]
    got = wait_for(lambda: by_rcpt(sink, "busy@ours.example"), what="retry of the busy one")[0]
    assert got.rcpt_tos == ("busy@ours.example",) and without_trace(got.data) == data


def test_size_limit_is_announced_and_enforced(start_gateway):
    gw = start_gateway()
    with smtplib.SMTP("127.0.0.1", gw.port) as c:
        code, _ = c.ehlo("client.test")
        assert code == 250
        assert c.esmtp_features["size"] == "1000000"
        for ext in ("8bitmime", "smtputf8", "pipelining"):
            assert ext in c.esmtp_features, ext
        assert "auth" not in c.esmtp_features
        code, _ = c.mail(SENDER, ["SIZE=2000000"])
        assert code == 552
    big = eml(["a.suzuki@ours.example"], body="x" * 76 + "\r\n") + (b"y" * 76 + b"\r\n") * 14000
    with pytest.raises(smtplib.SMTPException):
        gw.send(big, ["a.suzuki@ours.example"])
    assert hold_queue.list_messages(gw.db) == []


def test_smtputf8_address_and_header(start_gateway, sink):
    gw = start_gateway()
    rcpt = "田中@ours.example"
    data = eml([rcpt], subject="日本語の件名 raw UTF-8")
    gw.send(data, [rcpt], mail_options=["SMTPUTF8"])
    got = wait_for(lambda: by_rcpt(sink, rcpt), what="utf8 delivery")[0]
    assert without_trace(got.data) == data
    assert "SMTPUTF8" in got.mail_options


def test_malformed_message_is_held_not_dropped(start_gateway, sink):
    gw = start_gateway()
    data = b"Subject: no sender header\r\n\r\nbody\r\n"
    gw.send(data, ["a.suzuki@ours.example"])
    m = only(gw)
    assert m.state == "held" and m.reasons[0]["code"] == "malformed_message"
    assert m.sender == SENDER  # the envelope sender, when there is no From
    assert hold_queue.raw(gw.db, m.id) == data


def test_malformed_message_passed_by_policy(start_gateway, sink):
    gw = start_gateway('malformed = "pass"\n')
    data = b"Subject: no sender header\r\n\r\nbody\r\n"
    gw.send(data, ["a.suzuki@ours.example"])
    got = wait_for(lambda: by_rcpt(sink, "a.suzuki@ours.example"), what="delivery")[0]
    assert without_trace(got.data) == data


def test_attachment_message_with_8bit_and_base64(start_gateway, sink):
    gw = start_gateway()
    msg = EmailMessage()
    msg["From"] = SENDER
    msg["To"] = "t.sato@alpha.example"
    msg["Subject"] = "資料"
    msg.set_content("佐藤様\n\n資料を添付します。\n", cte="8bit")
    msg.add_attachment(b"name,phone\n", maintype="text", subtype="csv", filename="list.csv")
    data = msg.as_bytes(policy=email.policy.SMTP)
    gw.send(data, ["t.sato@alpha.example"])
    m = only(gw)
    assert [a["filename"] for a in m.attachments] == ["list.csv"]
    hold_queue.release(gw.db, m.id, SENDER)
    gw.wake()
    assert without_trace(wait_for(lambda: by_rcpt(sink, "t.sato@alpha.example"))[0].data) == data


def test_store_failure_answers_4xx(start_gateway, sink):
    gw = start_gateway()
    with gw.db.engine.begin() as conn:  # a fault in the store: the spool's tables refuse inserts
        conn.exec_driver_sql(
            "CREATE TRIGGER no_insert BEFORE INSERT ON mail_messages BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    with pytest.raises(smtplib.SMTPDataError) as e:
        gw.send(eml(["a.suzuki@ours.example"]), ["a.suzuki@ours.example"])
    assert 400 <= e.value.smtp_code < 500
    with gw.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER no_insert")
    gw.send(eml(["a.suzuki@ours.example"]), ["a.suzuki@ours.example"])  # the MTA's retry then succeeds
    wait_for(lambda: by_rcpt(sink, "a.suzuki@ours.example"))


def _certificate(tmp_path):
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl not available: needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key


def test_starttls_to_the_next_hop(start_gateway, tmp_path):
    import ssl

    from mamori.gateway.sink import Sink
    from tests.gateway.conftest import free_port

    cert, key = _certificate(tmp_path)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(str(cert), str(key))
    hop = Sink("127.0.0.1", free_port(), tmp_path / "tls-hop", tls_context=server_ctx)
    hop.start_in_thread()
    try:
        gw = start_gateway(next_hop_port=hop.port, next_hop_starttls=True, next_hop_ca=cert)
        data = eml(["a.suzuki@ours.example"], subject="tls to the next hop")
        gw.send(data, ["a.suzuki@ours.example"])
        assert without_trace(wait_for(lambda: hop.received, what="delivery over STARTTLS")[0].data) == data
        # a next hop whose certificate does not verify: retried, never sent in clear
        gw2 = start_gateway(store_url=f"sqlite:///{tmp_path / 'second.db'}", next_hop_port=hop.port,
                            next_hop_starttls=True)
        gw2.send(eml(["a.suzuki@ours.example"], subject="unverified"), ["a.suzuki@ours.example"])
        m = wait_for(lambda: [r for r in hold_queue.list_messages(gw2.db) if r.last_error], what="tls failure")[0]
        assert m.state in ("queued", "sending") and "SSL" in m.last_error
        assert len(hop.received) == 1
    finally:
        hop.stop_in_thread()


def test_starttls_on_the_listener(start_gateway, sink, tmp_path):
    import ssl

    cert, key = _certificate(tmp_path)
    gw = start_gateway(tls_cert=cert, tls_key=key)
    ctx = ssl.create_default_context(cafile=str(cert))
    ctx.check_hostname = False
    data = eml(["a.suzuki@ours.example"], subject="over tls")
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=30) as c:
        c.ehlo()
        assert "starttls" in c.esmtp_features
        c.starttls(context=ctx)
        c.ehlo()
        assert "starttls" not in c.esmtp_features and "auth" not in c.esmtp_features
        c.sendmail(SENDER, ["a.suzuki@ours.example"], data)
    assert without_trace(wait_for(lambda: by_rcpt(sink, "a.suzuki@ours.example"))[0].data) == data
