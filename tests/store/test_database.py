"""The store opens SQLite and PostgreSQL, migrates every branch, and its migrations match its models."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from mamori.store import Base, Database, StoreError
from mamori.store.base import UTCDateTime


def test_migrate_twice_and_models_match_migrations(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import mamori.store.models  # noqa: F401

    db = Database(database_url)
    db.migrate()
    db.migrate()  # idempotent
    assert {t.name for t in Base.metadata.sorted_tables} <= db.tables()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
    db.dispose()


def test_sqlite_runs_in_wal_with_full_sync(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sub' / 'm.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    assert (tmp_path / "sub").is_dir()


def test_session_rolls_back_on_error(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    with db.session() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    with pytest.raises(RuntimeError), db.session() as s:
        s.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_bad_url_is_a_store_error_without_password() -> None:
    with pytest.raises(StoreError) as e:
        Database("nosuchdb://user:secret@host/db")
    assert "secret" not in str(e.value)


def test_utc_datetime_refuses_naive_and_reads_back_aware() -> None:
    col = UTCDateTime()
    with pytest.raises(ValueError):
        col.process_bind_param(datetime(2026, 1, 1), None)  # type: ignore[arg-type]
    back = col.process_result_value(datetime(2026, 1, 1, 9, 0), None)  # type: ignore[arg-type]
    assert back is not None and back.tzinfo is UTC
