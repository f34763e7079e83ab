"""The record of the Letters page's checks (issue 14): its own Alembic branch (``letters``) upgrades and downgrades
without touching the other branches, on SQLite and PostgreSQL; rows are listed newest first, by actor and date, and
each is audited as ``letters_check``."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import inspect, select, text

from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.store.database import _alembic_config
from mamori.store.letters import CheckRecord, LetterCheck, add_check, list_checks


def _versions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}


def test_the_letters_branch_upgrades_and_downgrades_alone(database_url: str) -> None:
    db = Database(database_url)
    db.migrate()
    assert "letters_0001" in _versions(db)
    add_check(db, CheckRecord("alice@corp.example", "letters", "run.pdf", "a" * 64, "ok", letters=3, pages=5))
    with db.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "letters@base")
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert "letter_checks" not in tables and {"audit_log", "mail_messages", "incidents"} <= tables
    versions = _versions(db)
    assert "letters_0001" not in versions and "audit_0001" in versions
    db.migrate()
    assert "letters_0001" in _versions(db) and list_checks(db) == []  # a fresh, empty table
    db.dispose()


def test_checks_are_listed_newest_first_by_actor_and_date_and_audited(database_url: str) -> None:
    db = Database(database_url)
    db.migrate()
    first = add_check(db, CheckRecord("alice@corp.example", "letters", "2026-12 請求書.pdf", "a" * 64, "hold",
                                      list_sha256="b" * 64, letters=40, pages=90, held=2, missing=1,
                                      problems={"name_mismatch": 1, "foreign_page": 1}))  # fmt: skip
    second = add_check(db, CheckRecord("bob@corp.example", "fax", "sendlist.csv", "c" * 64, "ok", letters=12))
    third = add_check(db, CheckRecord("alice@corp.example", "letters", "broken.pdf", "d" * 64, "error",
                                      error="run page 3"))  # fmt: skip
    assert [r.id for r in list_checks(db)] == [third, second, first]
    assert [r.id for r in list_checks(db, actor="alice@corp.example")] == [third, first]
    row = list_checks(db, actor="alice@corp.example")[1]
    assert (row.run_name, row.letters, row.pages, row.held, row.missing, row.result) == (
        "2026-12 請求書.pdf", 40, 90, 2, 1, "hold")
    assert row.problems == {"name_mismatch": 1, "foreign_page": 1} and row.at.tzinfo is not None
    now = utcnow()
    assert list_checks(db, since=now + timedelta(minutes=1)) == []
    assert len(list_checks(db, since=now - timedelta(minutes=5), until=now + timedelta(minutes=1))) == 3
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "letters_check").order_by(AuditEntry.id))
        got = [(e.actor, e.target, e.detail) for e in entries]
        assert s.scalar(select(LetterCheck.error).where(LetterCheck.id == third)) == "run page 3"
    assert got == [("alice@corp.example", f"letters_check:{first}", "hold"),
                   ("bob@corp.example", f"fax_check:{second}", "ok"),
                   ("alice@corp.example", f"letters_check:{third}", "error")]  # fmt: skip
    db.dispose()
