"""mail_0005 (dropped_rcpt, cancel_note): a message held before it reads as "nothing dropped, no note" afterwards,
and can then be sent without a recipient (kept for delivery) or cancelled with a note. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from mamori.gateway import hold_queue
from mamori.gateway.spool import claim
from mamori.store import Database


def _held(conn, mid: str) -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    row = {
        "id": mid, "received_at": now, "updated_at": now, "mail_from": "a@ours.example",
        "rcpt_to": json.dumps(["x@cust.example", "y@cust.example"]), "sender": "a@ours.example", "sender_name": "A",
        "subject": "見積", "message_id": "<m@ours.example>", "size": 10, "action": "hold", "reasons": "[]",
        "groups": "[]", "recipients": "[]", "attachments": "[]", "preview": "", "state": "held",
        "release_mode": "self", "expire_action": "cancel", "bcc": False, "attempts": 0, "last_error": "",
        "decided_by": "",
    }  # fmt: skip
    conn.execute(text(f"INSERT INTO mail_messages ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"), row)
    raw = b"From: a@ours.example\r\nTo: x@cust.example, y@cust.example\r\nSubject: s\r\n\r\nbody\r\n"
    conn.execute(text("INSERT INTO mail_content (message_id, raw) VALUES (:i, :r)"), {"i": mid, "r": raw})


def test_rows_from_mail_0004_get_no_drop_and_no_note(database_url: str) -> None:
    db = Database(database_url)
    db.migrate("mail_0004")
    first, second = "a" * 32, "b" * 32
    with db.engine.begin() as conn:
        _held(conn, first)
        _held(conn, second)
    db.migrate()
    msg = hold_queue.get(db, first)
    assert msg.dropped_rcpt == [] and msg.cancel_note == "" and msg.state == "held"
    hold_queue.release(db, first, "a@ours.example", drop=("y@cust.example",))
    (claimed,) = claim(db, 10, timedelta(minutes=5), "gw-test")
    assert claimed.dropped == ("y@cust.example",) and claimed.rcpt_to == ["x@cust.example"]
    assert hold_queue.cancel(db, second, "a@ours.example", note="宛先を確認").cancel_note == "宛先を確認"
    db.dispose()
