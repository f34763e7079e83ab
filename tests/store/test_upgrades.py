"""Upgrades (issue 19): a store at any earlier schema revision migrates to the current one, on SQLite and PostgreSQL,
and a held message written under the first gateway schema is still there, readable, afterwards."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

import mamori.store.models  # noqa: F401  (every table on Base.metadata)
from mamori.gateway import hold_queue
from mamori.store import Database
from mamori.store.base import Base
from mamori.store.database import _alembic_config

REVISIONS = sorted(r.revision for r in ScriptDirectory.from_config(_alembic_config()).walk_revisions())


def test_there_are_revisions_to_upgrade_from() -> None:
    assert "mail_0001" in REVISIONS and len(REVISIONS) >= 7


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_each_revision_reaches_the_models(database_url: str, revision: str) -> None:
    db = Database(database_url)
    db.migrate(revision)  # the store as that revision (and what it depends on) left it
    db.migrate()  # then everything up to the heads
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
        heads = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    assert diff == [], f"from {revision}: {diff}"
    assert heads == set(ScriptDirectory.from_config(_alembic_config()).get_heads())
    db.dispose()


def test_a_message_held_under_the_first_schema_survives_every_upgrade(database_url: str) -> None:
    db = Database(database_url)
    db.migrate("mail_0001")
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    row = {
        "id": "0123456789abcdef0123456789abcdef", "received_at": now, "updated_at": now, "mail_from": "a@ours.example",
        "rcpt_to": json.dumps(["x@cust.example"]), "sender": "a@ours.example", "sender_name": "A", "subject": "見積",
        "message_id": "<m1@ours.example>", "size": 10, "action": "hold", "reasons": "[]", "groups": "[]",
        "recipients": "[]", "attachments": "[]", "preview": "", "state": "held", "release_mode": "self",
        "expire_action": "cancel", "bcc": False, "attempts": 0, "last_error": "", "decided_by": "",
    }  # fmt: skip
    columns = ", ".join(row)
    values = ", ".join(f":{k}" for k in row)
    with db.engine.begin() as conn:
        conn.execute(text(f"INSERT INTO mail_messages ({columns}) VALUES ({values})"), row)
        conn.execute(text("INSERT INTO mail_content (message_id, raw) VALUES (:i, :r)"), {"i": row["id"], "r": b"x"})
    db.migrate()
    msg = hold_queue.get(db, row["id"])
    assert msg.state == "held" and msg.subject == "見積" and msg.rcpt_to == ["x@cust.example"]
    with db.engine.connect() as conn:
        assert conn.execute(select(text("count(*)")).select_from(text("mail_content"))).scalar_one() == 1
    db.dispose()


def test_an_incident_recorded_under_incidents_0001_gets_its_reminders_after_the_upgrade(database_url: str) -> None:
    from datetime import date

    from mamori.incidents import register
    from mamori.incidents.remind import officers
    from mamori.store.incidents import IncidentReminder

    db = Database(database_url)
    db.migrate("incidents_0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO incidents (title, summary, \"case\", discovered_on, created_at, created_by, "
                          "updated_at) VALUES ('', '', '{}', :d, :t, 'a', :t)"),
                     {"d": date(2026, 12, 4), "t": datetime(2026, 12, 4, 9, 0, tzinfo=UTC)})
        incident_id = conn.execute(text("SELECT id FROM incidents")).scalar_one()
        conn.execute(text("INSERT INTO incident_tasks (incident_id, kind, due, required, done_by) "
                          "VALUES (:i, 'preliminary', :d, :r, '')"),
                     {"i": incident_id, "d": date(2026, 12, 8), "r": True})
    db.migrate()  # incidents_0002: the reminders' table, the old rows untouched
    with db.session() as s:
        task_id = s.scalar(text("SELECT id FROM incident_tasks"))
        s.add(IncidentReminder(task_id=task_id, step="week", due=date(2026, 12, 8), recipients=1))
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT step, due, recipients FROM incident_reminders")).all()
    assert [(r[0], str(r[1]), r[2]) for r in rows] == [("week", "2026-12-08", 1)]
    assert officers(db) == [] and register.get(db, incident_id).tasks[0].due == date(2026, 12, 8)
    db.dispose()


def test_smtp_accounts_arrive_with_their_own_branch_and_old_rows_name_no_account(database_url: str) -> None:
    from mamori.store.smtp_accounts import authenticate, create_account

    db = Database(database_url)
    db.migrate("mail_0006")  # the mail branch before mail_0007, no smtp_accounts branch yet
    with db.engine.connect() as conn:
        assert "smtp_accounts" not in {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    row = {
        "id": "f" * 32, "received_at": now, "updated_at": now, "mail_from": "a@ours.example", "rcpt_to": "[]",
        "sender": "a@ours.example", "sender_name": "", "subject": "", "message_id": "", "size": 1, "action": "allow",
        "reasons": "[]", "groups": "[]", "recipients": "[]", "attachments": "[]", "preview": "", "state": "queued",
        "release_mode": "self", "expire_action": "cancel", "bcc": False, "attempts": 0, "last_error": "",
        "decided_by": "",
    }  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(text(f"INSERT INTO mail_messages ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
                     row)
    db.migrate()
    assert hold_queue.get(db, row["id"]).smtp_account == ""
    _, password = create_account(db, "printer", ["scan@ours.example"])
    assert authenticate(db, "printer", password)[0].senders == ("scan@ours.example",)
    db.dispose()
