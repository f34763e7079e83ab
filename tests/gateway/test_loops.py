"""The gateway's Received: line and its loop guard, with real SMTP on the loopback.

The loop: the gateway's next hop is a server that sends every message it gets straight back to the gateway (as a
mis-set route would). The gateway must refuse it at SMTP time after a bounded number of passes (554 5.4.6), so the
client that sent it last still has it: nothing is accepted and dropped.
"""

from __future__ import annotations

import re
import smtplib
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

import pytest
from aiosmtpd.controller import Controller

from mamori.gateway import hold_queue
from mamori.gateway.trace import loop_reason, marker, received_line
from tests.gateway.conftest import SENDER, TRACE, eml, free_port, wait_for, without_trace


class Returner:
    """A next hop that gives everything back to the gateway (250 first, then a new session, as an MTA's queue)."""

    def __init__(self, own_received: bool) -> None:
        self.own_received = own_received  # add a Received: line of its own to each message, as an MTA does
        self.gateway_port = 0
        self.got: list[bytes] = []
        self.outcomes: list[tuple[int, bytes, bytes]] = []  # (reply code, reply, the bytes it still holds)
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    async def handle_DATA(self, server, session, envelope) -> str:
        data = envelope.original_content
        self.got.append(data)
        if self.own_received:
            data = (f"Received: from mamori.test ([127.0.0.1])\r\n\tby loop.test with ESMTP id L{len(self.got)};\r\n"
                    f"\t{format_datetime(datetime.now(UTC))}\r\n").encode() + data
        threading.Thread(target=self._send_back, args=(envelope.mail_from, list(envelope.rcpt_tos), data)).start()
        return "250 OK"

    def _send_back(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> None:
        try:
            with smtplib.SMTP("127.0.0.1", self.gateway_port, timeout=60) as c:
                c.sendmail(mail_from, rcpt_tos, data)
            self.outcomes.append((250, b"", data))
        except smtplib.SMTPResponseException as exc:
            self.outcomes.append((exc.smtp_code, exc.smtp_error, data))


@pytest.fixture
def returner():
    made: list[Returner] = []

    def make(own_received: bool) -> Returner:
        r = Returner(own_received)
        r.controller.start()
        made.append(r)
        return r

    yield make
    for r in made:
        r.controller.stop()


def _rows(gw, subject: str) -> list[hold_queue.QueuedMessage]:
    return [m for m in hold_queue.list_messages(gw.db, limit=100) if m.subject == subject]


@pytest.mark.parametrize(("own_received", "max_hops", "passes", "why"), [
    (False, 30, 2, b"already passed this gateway 2 times"),  # MTAs adding no lines: the marker stops it
    (True, 3, 2, b"too many hops (4 Received lines, at most 3)"),  # hop count (the marker would have, too)
    (True, 1, 1, b"too many hops (2 Received lines, at most 1)"),
])
def test_a_loop_is_refused_after_bounded_passes_and_nothing_is_lost(start_gateway, returner, own_received,
                                                                     max_hops, passes, why):
    loop = returner(own_received)
    gw = start_gateway(f"max_hops = {max_hops}\n", next_hop_port=loop.controller.port)
    loop.gateway_port = gw.port
    data = eml(["a.suzuki@ours.example"], subject="looping")
    gw.send(data, ["a.suzuki@ours.example"])  # the first client: accepted
    wait_for(lambda: loop.outcomes and loop.outcomes[-1][0] != 250, timeout=60, what="the loop to be refused")
    time.sleep(1)  # nothing more comes
    assert [c for c, _, _ in loop.outcomes] == [250] * (passes - 1) + [554]
    _, reply, held = loop.outcomes[-1]
    assert reply == b"5.4.6 Routing loop detected: " + why
    # the refused client still has the message: as it got it, with its own line in front when it adds one
    assert held.endswith(loop.got[-1]) and held.count(b"Received:") == loop.got[-1].count(b"Received:") + own_received
    assert len(loop.got) == passes  # delivered once per accepted pass
    wait_for(lambda: [m.state for m in _rows(gw, "looping")] == ["delivered"] * passes,
             what="each accepted pass recorded delivered, and no other row")
    assert all(g.endswith(data) for g in loop.got)
    assert loop.got[-1].count(marker(gw.gateway.instance).encode()) == passes


def test_hop_count_and_own_marker_at_intake(start_gateway, sink):
    gw = start_gateway("max_hops = 5\n")
    hop = (b"Received: from a.example ([192.0.2.1])\r\n"
           b"\tby b.example with ESMTP id X; Mon, 7 Dec 2026 00:00:00 +0000\r\n")
    ok = hop * 5 + eml(["a.suzuki@ours.example"], subject="five hops")
    too_many = hop * 6 + eml(["a.suzuki@ours.example"], subject="six hops")
    mine = (f"Received: from x ([192.0.2.1]) by mamori.test {marker(gw.gateway.instance)} with ESMTP id a;"
            " Mon, 7 Dec 2026 00:00:00 +0000\r\n").encode()
    once = mine + eml(["a.suzuki@ours.example"], subject="once before")
    twice = mine + hop + mine + eml(["a.suzuki@ours.example"], subject="twice before")
    other = mine.replace(b"(mamori ", b"(mamori other-") * 2 + eml(["a.suzuki@ours.example"], subject="other gw")
    gw.send(ok, ["a.suzuki@ours.example"])
    gw.send(once, ["a.suzuki@ours.example"])
    gw.send(other, ["a.suzuki@ours.example"])
    for refused in (too_many, twice):
        with pytest.raises(smtplib.SMTPDataError) as err:
            gw.send(refused, ["a.suzuki@ours.example"])
        assert err.value.smtp_code == 554 and err.value.smtp_error.startswith(b"5.4.6 Routing loop detected")
    got = wait_for(lambda: len(sink.received) >= 3 and sink.received, what="the three accepted messages")
    assert sorted(without_trace(r.data) for r in got) == sorted([ok, once, other])
    assert sorted(m.subject for m in hold_queue.list_messages(gw.db, limit=100)) == [
        "five hops", "once before", "other gw"]  # the refused ones left no row


def test_the_received_line(start_gateway, sink):
    gw = start_gateway()
    data = eml(["a.suzuki@ours.example"], subject="trace", extra_headers="DKIM-Signature: v=1; d=ours.example\r\n")
    before = datetime.now(UTC).replace(microsecond=0)
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=30, local_hostname="client.ours.example") as c:
        c.sendmail(SENDER, ["a.suzuki@ours.example"], data)
    got = wait_for(lambda: sink.received, what="delivery")[0].data
    assert without_trace(got) == data  # one line in front, the DKIM-signed bytes after it untouched
    line = got[:TRACE.match(got).end()].decode()
    row = _rows(gw, "trace")[0]
    m = re.fullmatch(r"Received: from client\.ours\.example \(\[127\.0\.0\.1\]\)\r\n"
                     rf"\tby mamori\.test \(mamori {re.escape(gw.gateway.instance)}\) with ESMTP id {row.id};\r\n"
                     r"\t(.+)\r\n", line)
    assert m, line
    assert before <= parsedate_to_datetime(m.group(1)) <= datetime.now(UTC)
    stored = hold_queue.raw(gw.db, row.id)
    assert stored == data  # the stored bytes stay as received


def test_received_line_unit():
    when = datetime(2026, 12, 7, 4, 30, tzinfo=UTC)
    line = received_line(helo="evil (x) by\tme;", peer_ip="::ffff:192.0.2.1", host="gw.example", instance="gw1",
                         tls=True, esmtp=True, queue_id="abc", when=when)
    assert line == ("Received: from evil??x??by?me? ([192.0.2.1])\r\n\tby gw.example (mamori gw1) with ESMTPS id abc;"
                    "\r\n\tMon, 07 Dec 2026 04:30:00 +0000\r\n")
    assert received_line(helo="", peer_ip="2001:db8::1", host="h", instance="i", tls=False, esmtp=False,
                         queue_id="q", when=when).startswith("Received: from unknown ([IPv6:2001:db8::1])\r\n\tby h "
                                                             "(mamori i) with SMTP id q;")
    body = b"Subject: x\r\n\r\nReceived: (mamori i) (mamori i)\r\n"  # in the body: not a hop
    assert loop_reason(body, "i", 30) == ""
    folded = b"Received: from a\r\n by b (mamori i) with ESMTP;\r\n d\r\nreceived: x\r\n\t(mamori i)\r\n\r\nbody"
    assert loop_reason(folded, "i", 30) == "already passed this gateway 2 times"
    assert loop_reason(folded, "i", 1) == "too many hops (2 Received lines, at most 1)"
    assert loop_reason(folded, "j", 30) == ""
