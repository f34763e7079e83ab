"""Accounts: users with argon2 passwords, server-side sessions, login rate limiting and the first admin.

Functions over a ``Database``; the tables are in ``mamori.store.accounts``. A session token is handed to the
browser once and only its SHA-256 is stored. Every change to a user is written to the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mamori.gateway.envelope import storable, unusable_characters
from mamori.store import Database
from mamori.store.accounts import ROLES, LoginAttempt, User, WebSession
from mamori.store.audit import record
from mamori.store.base import utcnow

_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 10  # the password rule (``_check``), also shown on the forms
_LOGIN = re.compile(r"^[^@\s<>\"'/]+@[^@\s<>\"'/]+$")  # an address; "admin@localhost" is fine too
# a hash to verify against when the login does not exist, so both cases take the same time
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A user that cannot be created or changed; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class Account:
    """A user as the app sees it (never the hash)."""

    login: str
    display_name: str
    role: str
    group: str
    active: bool
    created_at: datetime
    has_password: bool
    source: str = "local"

    @property
    def is_officer(self) -> bool:
        return self.role == "officer"

    @property
    def can_manage_accounts(self) -> bool:
        """The user pages (list, import, invitations, disable): the administrator and the privacy officer."""
        return self.role in ("admin", "officer")

    @property
    def is_approver(self) -> bool:
        return self.role in ("approver", "officer")


def _account(u: User) -> Account:
    return Account(u.login, u.display_name, u.role, u.group, u.active, u.created_at, bool(u.password_hash),
                   u.source or "local")


def normalise_login(login: str) -> str:
    """Lower-cased and trimmed; NUL replaced (no store can look it up, PostgreSQL cannot even be asked)."""
    return storable(login.strip().lower())


def check_text(value: str | None, field: str, field_ja: str) -> None:
    """``AccountError`` naming the field and the character when a one-line value holds a line separator or a
    control character (U+2028, NUL, ...)."""
    bad = unusable_characters(value or "")
    if bad:
        raise AccountError(f"{field} contains {', '.join(bad)}, which it may not",
                           f"{field_ja}に使えない文字（{', '.join(bad)}）が含まれています")


def generate_password() -> str:
    """A password to hand out once: 16 characters from an unambiguous alphabet."""
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(16))


def _check(login: str, role: str, password: str | None) -> None:
    check_text(login, "login", "ログイン")
    if not _LOGIN.match(login) or len(login) > 320:
        raise AccountError(f"login must be an e-mail address, not {login!r}", "ログインはメールアドレスにしてください")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}", f"役割は {', '.join(ROLES)} のいずれかです")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must be at least {MIN_PASSWORD_LENGTH} characters",
                           f"パスワードは{MIN_PASSWORD_LENGTH}文字以上にしてください")


def check_account(login: str, role: str) -> None:
    """``AccountError`` when ``login`` (normalised) is not an address or ``role`` is not a role."""
    _check(login, role, None)


def create_user(
    db: Database,
    login: str,
    *,
    role: str = "sender",
    group: str = "",
    display_name: str = "",
    password: str | None = None,
    actor: str = "system",
    source: str = "local",
) -> Account:
    """Add a user. ``password=None`` makes an SSO-only account (no password login)."""
    check_text(login.strip(), "login", "ログイン")
    login = normalise_login(login)
    _check(login, role, password)
    check_text(group, "group", "グループ")
    check_text(display_name, "display name", "表示名")
    with db.session() as s:
        if s.get(User, login) is not None:
            raise AccountError(f"user {login} exists already", f"ユーザー {login} は既に存在します")
        user = User(
            login=login,
            display_name=display_name.strip()[:200],
            role=role,
            group=group.strip()[:100],
            password_hash=_HASHER.hash(password) if password else "",
            active=True,
            created_at=utcnow(),
            password_changed_at=utcnow() if password else None,
            source=source,
        )
        s.add(user)
        record(s, actor, "user_create", f"user:{login}", "", role=role, group=user.group)
        s.flush()
        return _account(user)


def update_user(
    db: Database,
    login: str,
    *,
    actor: str,
    role: str | None = None,
    group: str | None = None,
    display_name: str | None = None,
    active: bool | None = None,
) -> Account:
    login = normalise_login(login)
    check_text(group, "group", "グループ")
    check_text(display_name, "display name", "表示名")
    with db.session() as s:
        user = s.get(User, login)
        if user is None:
            raise AccountError(f"no user {login}", f"ユーザー {login} はいません")
        changes: dict[str, object] = {}
        if role is not None and role != user.role:
            _check(login, role, None)
            user.role = changes["role"] = role
        if group is not None and group.strip() != user.group:
            user.group = changes["group"] = group.strip()[:100]
        if display_name is not None and display_name.strip() != user.display_name:
            user.display_name = display_name.strip()[:200]
            changes["display_name"] = True
        if active is not None and active != user.active:
            user.active = changes["active"] = active
            if not active:
                s.execute(delete(WebSession).where(WebSession.login == login))
        if changes:
            record(s, actor, "user_update", f"user:{login}", "", **changes)
        s.flush()
        return _account(user)


def set_password(db: Database, login: str, password: str | None = None, *, actor: str) -> str:
    """Set (or generate, when ``None``) a user's password; ends their sessions. Returns the password."""
    login = normalise_login(login)
    password = password or generate_password()
    _check(login, "sender", password)
    with db.session() as s:
        user = s.get(User, login)
        if user is None:
            raise AccountError(f"no user {login}", f"ユーザー {login} はいません")
        user.password_hash = _HASHER.hash(password)
        user.password_changed_at = utcnow()
        s.execute(delete(WebSession).where(WebSession.login == login))
        record(s, actor, "password_reset", f"user:{login}")
    return password


def get_user(db: Database, login: str) -> Account | None:
    with db.session() as s:
        user = s.get(User, normalise_login(login))
        return _account(user) if user is not None else None


def list_users(db: Database) -> list[Account]:
    with db.session() as s:
        return [_account(u) for u in s.scalars(select(User).order_by(User.group, User.login))]


def group_logins(db: Database, group: str) -> tuple[str, ...]:
    """The logins of a group's members (whose messages its approvers see)."""
    if not group:
        return ()
    with db.session() as s:
        return tuple(s.scalars(select(User.login).where(User.group == group)))


def ensure_admin(db: Database, login: str, password: str | None = None) -> str:
    """Make sure ``login`` exists as an active officer; returns its password when one was set now, else "".

    Creates the account with ``password`` (or a generated one, which is returned and must be shown once).
    An existing officer keeps their password (returns ""), unless ``password`` is given.
    """
    login = normalise_login(login)
    existing = get_user(db, login)
    if existing is None:
        password = password or generate_password()
        create_user(db, login, role="officer", display_name="Administrator", password=password, actor="setup")
        return password
    if existing.role != "officer" or not existing.active:
        update_user(db, login, actor="setup", role="officer", active=True)
    if password:
        return set_password(db, login, password, actor="setup")
    return ""


# --- login and rate limiting -------------------------------------------------------------------------------


class RateLimited(Exception):
    """Too many failed logins for this login or from this address; ``minutes`` until the window clears."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"too many failed logins; try again in {minutes} minutes")
        self.minutes = minutes


def _failures(s, column, value: str, since: datetime) -> int:
    q = select(func.count()).select_from(LoginAttempt).where(
        column == value, LoginAttempt.at >= since, LoginAttempt.success.is_(False)
    )
    return int(s.scalar(q) or 0)


def authenticate(
    db: Database,
    login: str,
    password: str,
    ip: str,
    *,
    max_failures: int = 5,
    ip_max_failures: int = 20,
    window_minutes: int = 15,
) -> Account | None:
    """The account when the password is right; ``None`` when wrong; ``RateLimited`` when over the limit.

    Every attempt is recorded; a limited attempt is refused before the password is even checked.
    """
    login = normalise_login(login)[:320]
    now = utcnow()
    since = now - timedelta(minutes=window_minutes)
    with db.session() as s:
        _refuse_when_limited(s, login, ip, since, max_failures, ip_max_failures, window_minutes)
        user = s.get(User, login)
        stored = user.password_hash if user is not None and user.active and user.password_hash else _DUMMY_HASH
        try:
            ok = _HASHER.verify(stored, password) and stored is not _DUMMY_HASH
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        s.add(LoginAttempt(at=now, login=login, ip=ip[:64], success=ok))
        if ok and user is not None and _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = _HASHER.hash(password)
        if not ok:
            record(s, login or "-", "login_failed", f"user:{login}", "", ip=ip[:64])
            return None
        record(s, login, "login", f"user:{login}", "", ip=ip[:64])
        return _account(user)  # type: ignore[arg-type]


def prune_attempts(db: Database, older_than_days: int = 30) -> int:
    with db.session() as s:
        cut = utcnow() - timedelta(days=older_than_days)
        return s.execute(delete(LoginAttempt).where(LoginAttempt.at < cut)).rowcount or 0


# --- sessions ----------------------------------------------------------------------------------------------


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SessionInfo:
    account: Account
    csrf_token: str
    expires_at: datetime


def open_session(
    db: Database, login: str, hours: int, via: str = "password", *, ip: str = "", proxy: str = ""
) -> tuple[str, SessionInfo]:
    """A new session: returns the token for the cookie (shown once) and the session.

    A session opened by the SSO header is a login of its own: it is audited (``login``, ``via=sso``) with the
    client's address ``ip`` and the ``proxy`` that vouched for it (a password login is audited by
    ``authenticate``)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    with db.session() as s:
        user = s.get(User, normalise_login(login))
        if user is None or not user.active:
            raise AccountError(f"no active user {login}", f"有効なユーザー {login} はいません")
        expires = now + timedelta(hours=hours)
        s.add(WebSession(token_hash=_hash_token(token), login=user.login, csrf_token=csrf, created_at=now,
                         expires_at=expires, via=via))
        if via == "sso":
            record(s, user.login, "login", f"user:{user.login}", "", ip=ip[:64], via="sso", proxy=proxy[:64])
        s.execute(delete(WebSession).where(WebSession.expires_at < now))  # housekeeping
        return token, SessionInfo(_account(user), csrf, expires)


def session_for(db: Database, token: str | None) -> SessionInfo | None:
    """The live session of a cookie token, with its (active) user; ``None`` when unknown, expired or disabled."""
    if not token or len(token) > 200:
        return None
    with db.session() as s:
        row = s.get(WebSession, _hash_token(token))
        if row is None or row.expires_at <= utcnow():
            return None
        user = s.get(User, row.login)
        if user is None or not user.active:
            return None
        return SessionInfo(_account(user), row.csrf_token, row.expires_at)


def close_session(db: Database, token: str | None) -> None:
    if not token:
        return
    with db.session() as s:
        s.execute(delete(WebSession).where(WebSession.token_hash == _hash_token(token)))


# --- a user changes their own password ---------------------------------------------------------------------


def _refuse_when_limited(
    s: Session, login: str, ip: str, since: datetime, max_failures: int, ip_max_failures: int, window_minutes: int
) -> None:
    """``RateLimited`` when the login or the address failed too often since ``since`` (login form and password form)."""
    if (
        _failures(s, LoginAttempt.login, login, since) >= max_failures
        or _failures(s, LoginAttempt.ip, ip, since) >= ip_max_failures
    ):
        raise RateLimited(window_minutes)


def change_password(
    db: Database,
    login: str,
    current: str,
    new: str,
    ip: str,
    *,
    current_token: str | None,
    session_hours: int,
    max_failures: int = 5,
    ip_max_failures: int = 20,
    window_minutes: int = 15,
) -> tuple[str, SessionInfo] | None:
    """A user replaces their own password; returns a new session (token, info), or ``None`` when ``current`` is wrong.

    The new password obeys the same rule as every other (``AccountError``, checked before the current password
    so the answer tells nothing about it). Checking ``current`` is a login attempt: it counts toward the login
    rate limit (``RateLimited``) and a wrong one is audited. On success the hash is replaced, **every** session
    of the user ends and one new session (with the ``via`` of the one ``current_token`` names) takes the place
    of the current one: the caller sets its cookie. The audit log gets ``password_changed``; never a password.
    An account without a password (SSO only) or a disabled one is an ``AccountError``.
    """
    login = normalise_login(login)
    _check(login, "sender", new)
    now = utcnow()
    since = now - timedelta(minutes=window_minutes)
    ip = ip[:64]
    with db.session() as s:
        _refuse_when_limited(s, login, ip, since, max_failures, ip_max_failures, window_minutes)
        user = s.get(User, login)
        if user is None or not user.active:
            raise AccountError(f"no active user {login}", f"有効なユーザー {login} はいません")
        if not user.password_hash:
            raise AccountError("this account signs in through single sign-on and has no password to change",
                               "このアカウントはシングルサインオンでログインするため、変更するパスワードがありません")
        try:
            ok = _HASHER.verify(user.password_hash, current)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        s.add(LoginAttempt(at=now, login=login, ip=ip, success=ok))
        if not ok:
            record(s, login, "password_change_failed", f"user:{login}", "", ip=ip)
            return None
        if new == current:  # only now: before, this would answer whether a guess was the current password
            raise AccountError("the new password is the same as the current one",
                               "新しいパスワードが現在のパスワードと同じです")
        user.password_hash = _HASHER.hash(new)
        user.password_changed_at = now
        old = s.get(WebSession, _hash_token(current_token)) if current_token else None
        mine = old is not None and old.login == login
        via = old.via if old is not None and mine else "password"
        ended = s.execute(delete(WebSession).where(WebSession.login == login)).rowcount or 0
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = now + timedelta(hours=session_hours)
        s.add(WebSession(token_hash=_hash_token(token), login=login, csrf_token=csrf, created_at=now,
                         expires_at=expires, via=via))
        others = ended - 1 if mine else ended
        record(s, login, "password_changed", f"user:{login}", "", ip=ip, other_sessions_ended=max(others, 0))
        return token, SessionInfo(_account(user), csrf, expires)
