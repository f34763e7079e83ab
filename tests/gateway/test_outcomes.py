"""Issue 19, the duplicate window: each delivery outcome is recorded as soon as it is known (``spool.Recorder``),
not after the whole batch, and a delivery session sends its next message only once its last one's outcome is
committed — so when a gateway dies, at most one message per session (``delivery_concurrency``) can have been
accepted by the next hop without being recorded. An outcome that cannot be committed (the database refuses) is
kept and tried again, never dropped, and nothing more goes out meanwhile. A real gateway, a real slow next hop (the
aiosmtpd sink stores each message, then sleeps before its 250), on SQLite and PostgreSQL."""

from __future__ import annotations

import smtplib
import time

from sqlalchemy import text

from mamori.store import Database
from mamori.store.mail import MailMessage
from tests.gateway.conftest import SENDER, eml, wait_for

RCPT = ["boss@ours.example"]  # internal: passes


def _send(port: int, subjects: list[str]) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as c:
        for subject in subjects:
            c.sendmail(SENDER, RCPT, eml(RCPT, subject=subject))


def _states(db: Database) -> dict[str, str]:
    with db.session() as s:
        return dict(s.query(MailMessage.subject, MailMessage.state).filter(MailMessage.action != "notice").all())


def test_each_outcome_is_committed_before_its_session_sends_again(start_gateway, sink, database_url) -> None:
    gw = start_gateway(store_url=database_url, delivery_concurrency=1)
    sink.delay = 1.0
    _send(gw.port, ["m0", "m1", "m2"])
    for k in (1, 2):  # the sink holds the k-th message: the one before it had its 250, and must be recorded
        wait_for(lambda k=k: len(sink.received) > k, timeout=30, what=f"message {k} on the wire")
        states = _states(gw.db)
        assert states[f"m{k - 1}"] == "delivered", states
        assert states[f"m{k}"] == "sending", states  # (its 250 is a second away)
    wait_for(lambda: set(_states(gw.db).values()) == {"delivered"}, timeout=30, what="all three delivered")
    assert sorted(r.data.count(b"Subject: m") for r in sink.received) == [1, 1, 1]


def test_an_outcome_the_database_refuses_is_kept_and_nothing_more_goes_out(start_gateway, sink, database_url) -> None:
    gw = start_gateway(store_url=database_url, delivery_concurrency=1)
    postgres = gw.db.engine.dialect.name == "postgresql"
    with gw.db.engine.begin() as conn:  # the database refuses to record a delivery (as when it is away)
        if postgres:
            conn.execute(text("CREATE FUNCTION refuse_delivered() RETURNS trigger AS $$ BEGIN "
                              "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER no_delivered BEFORE UPDATE ON mail_messages FOR EACH ROW "
                              "WHEN (NEW.state = 'delivered') EXECUTE FUNCTION refuse_delivered()"))
        else:
            conn.execute(text("CREATE TRIGGER no_delivered BEFORE UPDATE ON mail_messages "
                              "WHEN NEW.state = 'delivered' BEGIN SELECT RAISE(ABORT, 'refused'); END"))
    try:
        _send(gw.port, ["m0", "m1"])
        wait_for(lambda: sink.received, timeout=30, what="the first message delivered")
        time.sleep(3.0)  # the first outcome is tried again and again meanwhile
        assert len(sink.received) == 1  # fail closed: the session waits for its last outcome to be recorded
        assert set(_states(gw.db).values()) == {"sending"}
    finally:
        with gw.db.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER no_delivered" + (" ON mail_messages" if postgres else "")))
            if postgres:
                conn.execute(text("DROP FUNCTION refuse_delivered()"))
    wait_for(lambda: set(_states(gw.db).values()) == {"delivered"}, timeout=30, what="both recorded delivered")
    assert sorted(r.data.count(b"Subject: m") for r in sink.received) == [1, 1]  # each once: nothing dropped
