"""Accounts on SQLite and PostgreSQL: argon2 passwords, hashed session tokens, rate limits, the first admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from mamori.store import Database
from mamori.store.accounts import LoginAttempt, User, WebSession
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.web.accounts import (
    AccountError,
    RateLimited,
    authenticate,
    close_session,
    create_user,
    ensure_admin,
    open_session,
    session_for,
    set_password,
    update_user,
)


@pytest.fixture
def db(database_url):
    db = Database(database_url)
    db.migrate()
    yield db
    db.dispose()


def test_password_is_argon2_and_login_works(db) -> None:
    create_user(db, " Alice@Corp.Example ", role="sender", group="sales", password="s3cret-enough")
    with db.session() as s:
        user = s.get(User, "alice@corp.example")
        assert user is not None and user.password_hash.startswith("$argon2id$")
        assert "s3cret" not in user.password_hash
    assert authenticate(db, "ALICE@corp.example", "s3cret-enough", "10.0.0.1") is not None
    assert authenticate(db, "alice@corp.example", "wrong-password", "10.0.0.1") is None
    assert authenticate(db, "nobody@corp.example", "s3cret-enough", "10.0.0.1") is None
    with db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["user_create", "login", "login_failed", "login_failed"]


def test_bad_accounts_are_refused(db) -> None:
    with pytest.raises(AccountError):
        create_user(db, "not-an-address", password="long-enough-1")
    with pytest.raises(AccountError):
        create_user(db, "x@corp.example", role="root", password="long-enough-1")
    with pytest.raises(AccountError):
        create_user(db, "x@corp.example", password="short")
    create_user(db, "x@corp.example", password="long-enough-1")
    with pytest.raises(AccountError):
        create_user(db, "X@corp.example", password="long-enough-1")


def test_rate_limit_per_login_and_per_ip(db) -> None:
    create_user(db, "alice@corp.example", password="right-password")
    for _ in range(5):
        assert authenticate(db, "alice@corp.example", "wrong", "10.0.0.1") is None
    with pytest.raises(RateLimited):  # even the right password is refused now
        authenticate(db, "alice@corp.example", "right-password", "10.0.0.2")
    # failures older than the window no longer count
    with db.session() as s:
        s.execute(update(LoginAttempt).values(at=utcnow() - timedelta(minutes=16)))
    assert authenticate(db, "alice@corp.example", "right-password", "10.0.0.2") is not None
    # per address: many logins from one address
    for i in range(3):
        authenticate(db, f"u{i}@corp.example", "wrong", "10.9.9.9", ip_max_failures=3)
    with pytest.raises(RateLimited):
        authenticate(db, "alice@corp.example", "right-password", "10.9.9.9", ip_max_failures=3)


def test_sessions_store_only_a_hash_and_end_on_disable(db) -> None:
    create_user(db, "alice@corp.example", password="right-password")
    token, info = open_session(db, "alice@corp.example", hours=1)
    with db.session() as s:
        row = s.scalars(select(WebSession)).one()
        assert row.token_hash != token and token not in row.token_hash and len(row.token_hash) == 64
    found = session_for(db, token)
    assert found is not None and found.account.login == "alice@corp.example" and found.csrf_token == info.csrf_token
    assert session_for(db, token + "x") is None
    update_user(db, "alice@corp.example", actor="olga@corp.example", active=False)
    assert session_for(db, token) is None
    update_user(db, "alice@corp.example", actor="olga@corp.example", active=True)
    token2, _ = open_session(db, "alice@corp.example", hours=1)
    set_password(db, "alice@corp.example", "another-password", actor="olga@corp.example")
    assert session_for(db, token2) is None  # a password reset ends sessions
    token3, _ = open_session(db, "alice@corp.example", hours=1)
    close_session(db, token3)
    assert session_for(db, token3) is None


def test_expired_session_is_refused(db) -> None:
    create_user(db, "alice@corp.example", password="right-password")
    token, _ = open_session(db, "alice@corp.example", hours=1)
    with db.session() as s:
        s.execute(update(WebSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert session_for(db, token) is None


def test_ensure_admin_creates_once_and_returns_the_password(db) -> None:
    first = ensure_admin(db, "Admin@Corp.Example")
    assert len(first) >= 16
    assert authenticate(db, "admin@corp.example", first, "127.0.0.1") is not None
    assert ensure_admin(db, "admin@corp.example") == ""  # existing: password kept
    assert authenticate(db, "admin@corp.example", first, "127.0.0.1") is not None
    assert ensure_admin(db, "admin@corp.example", "chosen-password") == "chosen-password"
    assert authenticate(db, "admin@corp.example", "chosen-password", "127.0.0.1") is not None
    with db.session() as s:
        assert s.get(User, "admin@corp.example").role == "officer"
