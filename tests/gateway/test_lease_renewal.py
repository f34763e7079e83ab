"""Issue 19, leases during long sends: while a message is on the wire its claim is renewed (a heartbeat every third
of ``lease_seconds``), so a next hop that stalls in DATA for longer than the lease does not let another gateway take
the row and send it again; when the claim is taken over anyway, the late outcome is not recorded but logged and
audited (``lease_lost``), and a send that had not started is skipped. A real gateway, a real slow next hop (the
aiosmtpd sink sleeping before its 250), on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from sqlalchemy import update

from mamori.gateway.spool import claim, renew
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from tests.gateway.conftest import eml, wait_for

LEASE = 1.5  # seconds; the next hop takes 5 s per message: three leases


def test_a_stalling_next_hop_keeps_the_claim_nobody_takes_it_over(start_gateway, sink, database_url) -> None:
    gw = start_gateway(store_url=database_url, lease_seconds=LEASE)
    other = Database(database_url)  # another gateway's connections
    sink.delay = 5.0
    gw.send(eml(["boss@ours.example"], subject="slow"), ["boss@ours.example"])
    wait_for(lambda: sink.received, what="the message on the wire")
    taken = []
    end = time.monotonic() + 5.5  # past the first 250: every lease would have run out three times
    while time.monotonic() < end and not taken:
        taken += claim(other, 10, timedelta(seconds=LEASE), "gw-other")
        time.sleep(0.2)
    assert taken == [], "another gateway took over a message that was still being delivered"
    rows = wait_for(lambda: [r for r in _rows(gw.db) if r.state == "delivered"], timeout=20, what="delivered")
    assert rows[0].claimed_by == gw.gateway.instance and len(sink.received) == 1
    assert _audits(gw.db, "lease_lost") == []
    other.dispose()


def test_a_claim_taken_over_mid_send_is_not_recorded_but_logged_and_audited(
    start_gateway, sink, database_url, caplog
) -> None:
    """One send thread: the first message waits in DATA, the second waits for the thread. Another gateway takes
    both rows over; the first's 250 is not recorded as ours (the row stays the other's), the second is not sent."""
    caplog.set_level(logging.WARNING, logger="mamori.gateway")
    gw = start_gateway(store_url=database_url, lease_seconds=LEASE, delivery_concurrency=1)
    sink.delay = 3.0
    import smtplib

    with smtplib.SMTP("127.0.0.1", gw.port, timeout=60) as c:
        for k in range(2):
            c.sendmail("s.nakamura@ours.example", ["boss@ours.example"], eml(["boss@ours.example"], subject=f"m{k}"))
    wait_for(lambda: sink.received, what="the first message on the wire")
    wait_for(
        lambda: all(r.state == "sending" for r in _rows(gw.db)) and len(_rows(gw.db)) == 2, what="both messages claimed"
    )
    with gw.db.engine.begin() as conn:  # the other gateway's takeover (as after an expired lease)
        conn.execute(update(MailMessage).values(claimed_by="gw-other", next_attempt_at=utcnow() + timedelta(hours=1)))
    lost = wait_for(
        lambda: len(_audits(gw.db, "lease_lost")) == 2 and _audits(gw.db, "lease_lost"),
        timeout=20,
        what="two lease_lost audit entries",
    )
    time.sleep(1.0)
    assert len(sink.received) == 1  # the second was not sent: its claim was gone before its turn
    assert {e.data["outcome"] for e in lost} == {"delivered", "not sent"}
    assert all(e.actor == "gateway" and e.data["instance"] == gw.gateway.instance for e in lost)
    assert all(r.state == "sending" and r.claimed_by == "gw-other" for r in _rows(gw.db))  # nothing overwritten
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("may be delivered twice" in m for m in errors), errors


def test_renew_extends_only_the_claims_still_held(database_url) -> None:
    from tests.gateway.test_claims import _rows as new_rows

    db = Database(database_url)
    db.migrate()
    from mamori.gateway.spool import insert

    insert(db, new_rows(3))
    got = claim(db, 3, timedelta(seconds=30), "gw-a")
    leases = {c.id: c.lease_end for c in got}
    with db.engine.begin() as conn:
        conn.execute(update(MailMessage).where(MailMessage.id == got[0].id).values(claimed_by="gw-b"))
    renewed, lost = renew(db, leases, timedelta(minutes=5), "gw-a")
    assert lost == {got[0].id} and set(renewed) == {got[1].id, got[2].id}
    rows = {r.id: r for r in _rows(db)}
    for mid, end in renewed.items():
        assert end > leases[mid] and rows[mid].next_attempt_at == end
    again, lost2 = renew(db, leases, timedelta(minutes=5), "gw-a")  # an old lease end: not ours any more
    assert again == {} and lost2 == set(leases)
    db.dispose()


def _rows(db: Database) -> list[MailMessage]:
    with db.session() as s:
        rows = s.query(MailMessage).filter(MailMessage.action != "notice").all()
        s.expunge_all()
        return rows


def _audits(db: Database, action: str) -> list[AuditEntry]:
    with db.session() as s:
        rows = s.query(AuditEntry).filter_by(action=action).all()
        s.expunge_all()
        return rows
