"""What the gateway delivers becomes sending history: the second message to a new address is not "first time"."""

from __future__ import annotations

from datetime import timedelta

from mamori.gateway import hold_queue
from mamori.gateway.sent_history import SentHistory, add_deliveries
from mamori.guard.history import History
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from tests.gateway.conftest import SENDER, eml, wait_for


def _row(n: int, state: str, action: str = "confirm", delivered_minutes_ago: float | None = 0) -> MailMessage:
    now = utcnow()
    return MailMessage(
        id=f"{n:032x}", sender=SENDER, rcpt_to=[f"p{n}@client.example"], action=action, state=state,
        delivered_at=None if delivered_minutes_ago is None else now - timedelta(minutes=delivered_minutes_ago),
    )


def test_deliveries_are_added_once_and_only_delivered_mail(database_url: str) -> None:
    db = Database(database_url)
    db.migrate()
    with db.session() as s:
        s.add_all([_row(1, "delivered", delivered_minutes_ago=10), _row(2, "held", delivered_minutes_ago=None),
                   _row(3, "delivered", action="notice"), _row(4, "cancelled", delivered_minutes_ago=None)])
    history = History()
    since = add_deliveries(db, history)
    assert history.known(SENDER, "p1@client.example")
    assert not history.known(SENDER, "p2@client.example")  # held: not sent
    assert not history.known(SENDER, "p3@client.example")  # mamori's own notice
    with db.session() as s:
        s.add(_row(5, "delivered", delivered_minutes_ago=0))
    sent = SentHistory(db, History(), interval=3600)
    assert sent.history.known(SENDER, "p1@client.example") and sent.history.known(SENDER, "p5@client.example")
    with db.session() as s:
        s.add(_row(6, "delivered", delivered_minutes_ago=0))
    sent.refresh()  # within the interval: no query
    assert not sent.history.known(SENDER, "p6@client.example")
    sent.refresh(force=True)
    assert sent.history.known(SENDER, "p6@client.example")
    assert since is not None
    db.dispose()


def test_second_message_to_a_new_address_is_not_first_time(start_gateway, sink) -> None:
    gw = start_gateway(history_refresh_seconds=0.0)
    new = "k.mori@alpha.example"
    gw.send(eml([new], subject="one"), [new])
    first = wait_for(lambda: [m for m in hold_queue.list_messages(gw.db) if m.subject == "one"], what="first")[0]
    assert "first_time_recipient" in {r["code"] for r in first.reasons}
    hold_queue.release(gw.db, first.id, SENDER)
    gw.wake()
    wait_for(lambda: hold_queue.get(gw.db, first.id).state == "delivered", what="delivery")
    gw.send(eml([new], subject="two"), [new])
    second = wait_for(lambda: [m for m in hold_queue.list_messages(gw.db) if m.subject == "two"], what="second")[0]
    assert "first_time_recipient" not in {r["code"] for r in second.reasons}
