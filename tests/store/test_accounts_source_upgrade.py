"""accounts_0002 (users.source): accounts made before it become ``local`` (made by hand), so no later CSV import or
directory sync disables them; their passwords and roles are untouched. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from mamori.store import Database
from mamori.web.accounts import authenticate, create_user, get_user
from mamori.web.csv_accounts import plan_import


def test_existing_accounts_become_local_and_survive_an_import(database_url: str) -> None:
    db = Database(database_url)
    db.migrate("accounts_0001")
    with db.engine.begin() as conn:
        conn.execute(text('INSERT INTO users (login, display_name, role, "group", password_hash, active, created_at)'
                          " VALUES ('old@corp.example', 'Old', 'approver', 'sales', '', :t, :at)"),
                     {"t": True, "at": datetime(2026, 1, 5, tzinfo=UTC)})
    db.migrate()
    old = get_user(db, "old@corp.example")
    assert old is not None and old.source == "local" and old.role == "approver" and old.active
    create_user(db, "csv1@corp.example", source="csv", password="a-password-123")
    result = plan_import(db, b"login,name\nnew@corp.example,New\n")
    assert [(c.kind, c.login) for c in result.changes] == [("create", "new@corp.example"),
                                                          ("disable", "csv1@corp.example")]  # never the local one
    assert authenticate(db, "csv1@corp.example", "a-password-123", "192.0.2.1") is not None
    db.dispose()
