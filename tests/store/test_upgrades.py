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
