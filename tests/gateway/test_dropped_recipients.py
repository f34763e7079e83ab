"""Issue 18, "send to the others without this recipient": the dropped address leaves the envelope and the To/Cc
(and Bcc) headers the others see; every other byte of the message is as received (body, attachments, the other
headers, the other recipients' display names and encoded words), tested on the edit and end to end over SMTP."""

from __future__ import annotations

import base64
import email
from email.policy import default as default_policy

from mamori.gateway import hold_queue
from mamori.gateway.edits import drop_recipients, split_header
from mamori.store.mail import MailMessage
from tests.gateway.conftest import SENDER, wait_for

FLAGGED = "t.sato@a1pha.example"  # one letter off the known t.sato@alpha.example: lookalike_domain, held
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def _multipart(to: str, cc: str, extra: str = "") -> bytes:
    """A message with an 8-bit text part and a base64 attachment, To/Cc as given (folded as a MUA would)."""
    b64 = base64.encodebytes(PDF).replace(b"\n", b"\r\n")
    return (
        (
            f"From: =?UTF-8?B?5Lit5p2RIOS4iemDjg==?= <{SENDER}>\r\nTo: {to}\r\nCc: {cc}\r\n{extra}"
            "Subject: =?UTF-8?B?44GK6KaL56mN44KK?=\r\nMessage-ID: <drop-1@ours.example>\r\n"
            "Date: Mon, 07 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "佐藤 太郎 様\r\nお見積りをお送りします。\r\n.leading dot\r\n\r\n"
            '--b1\r\nContent-Type: application/pdf; name="mitsumori.pdf"\r\nContent-Transfer-Encoding: base64\r\n'
            'Content-Disposition: attachment; filename="mitsumori.pdf"\r\n\r\n'
        ).encode()
        + b64
        + b"--b1--\r\n"
    )


def _fields(raw: bytes) -> list[bytes]:
    return [f for f in split_header(raw)[0].replace(b"\r\n ", b" ").split(b"\r\n") if f]


def test_only_the_dropped_mailbox_goes_every_other_byte_stays() -> None:
    to = f'=?UTF-8?B?5L2Q6Jek5aSq6YOO?= <t.sato@alpha.example>,\r\n "Sato, T." <{FLAGGED}>'
    cc = "Project (team): p.one@beta.example, T.Sato@A1pha.example;, j.yamada@gamma.example (Yamada)"
    raw = _multipart(to, cc, extra=f"Bcc: {FLAGGED}\r\nX-Note: {FLAGGED}\r\n")
    out = drop_recipients(raw, [FLAGGED])
    head, blank, body = split_header(out)
    assert blank + body == b"".join(split_header(raw)[1:])  # body and attachment: the same bytes
    assert FLAGGED.encode() in head  # only in X-Note: other headers are not touched
    fields = {f.split(b":", 1)[0].lower(): f for f in _fields(out)}
    assert fields[b"to"] == b"To: =?UTF-8?B?5L2Q6Jek5aSq6YOO?= <t.sato@alpha.example>"  # encoded word as written
    assert fields[b"cc"] == b"Cc: Project (team): p.one@beta.example;, j.yamada@gamma.example (Yamada)"
    assert b"bcc" not in fields  # the Bcc field named only the dropped address: gone
    assert [f for f in _fields(out) if not f.lower().startswith((b"to:", b"cc:"))] == [
        f for f in _fields(raw) if not f.lower().startswith((b"to:", b"cc:", b"bcc:"))
    ]
    parsed = email.message_from_bytes(out, policy=default_policy)
    assert parsed["To"].addresses[0].display_name == "佐藤太郎"
    assert [a.addr_spec for g in parsed["Cc"].groups for a in g.addresses] == [
        "p.one@beta.example",
        "j.yamada@gamma.example",
    ]
    attachment = next(parsed.iter_attachments())
    assert attachment.get_content() == PDF


def test_a_group_whose_members_all_go_keeps_its_name_and_a_field_left_empty_goes() -> None:
    raw = _multipart("Undisclosed: t.sato@a1pha.example;", "x@beta.example, t.sato@a1pha.example")
    out = drop_recipients(raw, [FLAGGED])
    assert b"To: Undisclosed:;\r\n" in out and b"Cc: x@beta.example\r\n" in out
    out = drop_recipients(_multipart("a@beta.example", FLAGGED), [FLAGGED])
    assert b"\r\nCc:" not in split_header(out)[0] and b"To: a@beta.example\r\n" in out


def test_nothing_changes_when_no_header_names_a_dropped_address() -> None:
    raw = _multipart("a@beta.example", "b@beta.example")
    assert drop_recipients(raw, ["hidden@bcc.example"]) == raw  # a Bcc recipient: only in the envelope
    assert drop_recipients(raw, []) == raw


def test_lf_line_ends_utf8_addresses_and_quoted_commas() -> None:
    raw = (
        'From: a@ours.example\nTo: "Suzuki, Ichiro" <i.suzuki@beta.example>, 宛先 <担当@例え.jp>,\n'
        " t.sato@a1pha.example\nSubject: x\n\nbody\n"
    ).encode()
    out = drop_recipients(raw, ["担当@例え.jp"])
    assert out == (
        b'From: a@ours.example\nTo: "Suzuki, Ichiro" <i.suzuki@beta.example>,\n t.sato@a1pha.example\n'
        b"Subject: x\n\nbody\n"
    )


def test_a_long_field_is_folded_again_when_joining_would_pass_998() -> None:
    long_name = "x" * 700
    raw = (
        f"To: {long_name}@beta.example, {FLAGGED}, \r\n b@beta.example {'(' + 'y' * 600 + ')'}\r\n"
        "Subject: s\r\n\r\nbody\r\n"
    ).encode()
    out = drop_recipients(raw, [FLAGGED])
    assert all(len(line) <= 998 for line in out.split(b"\r\n"))
    assert FLAGGED.encode() not in out and f"{long_name}@beta.example".encode() in out
    assert out.endswith(b"\r\n\r\nbody\r\n")


def test_released_without_a_recipient_the_others_see_no_trace_of_it(start_gateway, sink) -> None:
    """End to end: real SMTP in (smtplib) and out (aiosmtpd sink); the held message is released without the
    flagged Cc; the sink gets it for the others, To/Cc without the address, body and attachment unchanged; a
    recipient the next hop refuses for now is retried as a row of its own, still without the address."""
    gw = start_gateway()
    sink.refuse["j.yamada@gamma.example"] = "451 4.2.0 try again later"
    to = "=?UTF-8?B?5L2Q6Jek5aSq6YOO?= <t.sato@alpha.example>, j.yamada@gamma.example"
    cc = f'"佐藤 太郎" <{FLAGGED}>, Team: boss@ours.example;'
    raw = _multipart(to, cc)
    rcpts = ["t.sato@alpha.example", "j.yamada@gamma.example", FLAGGED, "boss@ours.example", "audit@ours.example"]
    gw.send(raw, rcpts)
    held = wait_for(lambda: hold_queue.list_messages(gw.db, states=("held",)), what="the message to be held")
    mid = held[0].id
    assert any(r["code"] == "lookalike_domain" for r in held[0].reasons), held[0].reasons
    msg = hold_queue.release(gw.db, mid, SENDER, drop=(FLAGGED.upper(),))
    assert msg.dropped_rcpt == [FLAGGED] and FLAGGED not in msg.rcpt_to
    gw.wake()
    first = wait_for(lambda: [r for r in sink.received if "t.sato@alpha.example" in r.rcpt_tos], what="delivery")[0]
    assert sorted(first.rcpt_tos) == ["audit@ours.example", "boss@ours.example", "t.sato@alpha.example"]
    sink.refuse.clear()
    retry = wait_for(
        lambda: [r for r in sink.received if "j.yamada@gamma.example" in r.rcpt_tos],
        timeout=40,
        what="the retry of the refused recipient",
    )[0]
    for got in (first, retry):
        assert FLAGGED.encode() not in got.data.lower()
        head, _, _ = split_header(got.data)
        assert split_header(got.data)[1:] == split_header(raw)[1:]  # body and attachment: byte for byte
        assert b"To: =?UTF-8?B?5L2Q6Jek5aSq6YOO?= <t.sato@alpha.example>, j.yamada@gamma.example\r\n" in head
        assert b"Cc: Team: boss@ours.example;\r\n" in head
        assert b"audit@ours.example" not in head  # a Bcc recipient stays in the envelope only
        assert next(email.message_from_bytes(got.data, policy=default_policy).iter_attachments()).get_content() == PDF
    with gw.db.session() as s:
        rows = s.query(MailMessage).filter(MailMessage.action != "notice").all()
        assert all(r.dropped_rcpt == [FLAGGED] for r in rows) and len(rows) == 2  # the retry row keeps it
    assert all(FLAGGED not in r.rcpt_tos for r in sink.received)
