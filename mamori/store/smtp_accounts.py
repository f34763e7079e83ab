"""SMTP accounts: who may submit to the gateway with SMTP AUTH (a branch office's server, a printer, a script).

They are not the web app's users (a printer is not a person): each has a name (its AUTH login), an argon2id hash of
a generated password (shown once, when it is made) and the envelope senders it may use (``user@domain`` exactly, or
``@domain`` for any address there). Accounts are disabled, never deleted, so the rows they submitted keep naming
them; making and disabling one is written to the audit log.

Failed AUTH attempts are counted here too (``smtp_auth_failures``), so every gateway on one database enforces one
limit: a row per client address and per account name holds the failures since its window began and, once they
reach the limit, the time the lockout ends. ``count_failure`` is one ``INSERT ... ON CONFLICT DO UPDATE`` (the
database serialises the updates of one row; no lock of our own), ``locked`` one ``SELECT``.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import JSON, Boolean, Integer, String, case, delete, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from mamori.store.audit import record
from mamori.store.base import Base, UTCDateTime, utcnow

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")
# a local part and a domain without spaces, quotes or brackets; "@domain" stands for any address at that domain
_SENDER = re.compile(r"^([^@\s<>\"'(),;:\\]+)?@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*)$")
_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I: typed into printers
PASSWORD_LENGTH = 24  # about 140 bits; short enough for the password field of most multifunction printers
_HASHER = PasswordHasher()
# verified against when the name is unknown or disabled, so every refusal takes the time of a real check
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class SmtpAccount(Base):
    __tablename__ = "smtp_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)  # the AUTH login, lower-cased
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    senders: Mapped[list[str]] = mapped_column(JSON, default=list)  # lower-cased "user@domain" or "@domain"
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SmtpAuthFailure(Base):
    """Failed AUTHs of one client (``ip:<address>``, an IPv6 client by its /64) or one account (``account:<name>``)."""

    __tablename__ = "smtp_auth_failures"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # since window_start
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())  # the first failure of the current window
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)  # refused until then


class SmtpAccountError(ValueError):
    """An account that cannot be made or changed; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class SmtpAccountInfo:
    """An account as listed and as a session holds it after AUTH: never the password or its hash."""

    id: int
    name: str
    senders: tuple[str, ...]
    active: bool
    created_at: datetime
    created_by: str
    disabled_at: datetime | None
    last_used_at: datetime | None

    def may_send_as(self, address: str) -> bool:
        """Whether ``address`` (an envelope sender) is one of this account's senders (case-insensitive)."""
        address = address.strip().lower()
        local, at, domain = address.rpartition("@")
        if not at or not local or not domain:
            return False
        return address in self.senders or f"@{domain}" in self.senders


def _info(a: SmtpAccount) -> SmtpAccountInfo:
    return SmtpAccountInfo(a.id, a.name, tuple(a.senders or ()), a.active, a.created_at, a.created_by,
                           a.disabled_at, a.last_used_at)


def generate_password() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_LENGTH))


def check_senders(senders: list[str] | tuple[str, ...], name: str) -> tuple[str, ...]:
    """The senders lower-cased and checked; none given: the name when it is an address."""
    out = []
    for s in senders or ([name] if "@" in name else []):
        s = s.strip().lower()
        if not _SENDER.match(s) or len(s) > 320:
            raise SmtpAccountError(f"a sender must be an address (user@domain) or @domain, not {s!r}",
                                   f"送信者はアドレス（user@domain）か @domain で指定してください: {s!r}")
        if s not in out:
            out.append(s)
    if not out:
        raise SmtpAccountError("an account needs at least one --sender (or a name that is an address)",
                               "--sender を 1 つ以上指定してください（名前がアドレスなら省略できます）")
    return tuple(out)


def create_account(db, name: str, senders: list[str] | tuple[str, ...] = (), actor: str = "cli"
                   ) -> tuple[SmtpAccountInfo, str]:
    """A new account: its listing and its generated password (shown once; only the argon2 hash is kept)."""
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise SmtpAccountError(
            "an account name is 1-64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit",
            "アカウント名は英数字と . _ @ + - で 1〜64 文字（先頭は英数字）にしてください",
        )
    allowed = check_senders(senders, name)
    password = generate_password()
    with db.session() as s:
        if s.scalar(select(SmtpAccount.id).where(SmtpAccount.name == name)) is not None:
            raise SmtpAccountError(f"an SMTP account named {name!r} exists (names are never reused)",
                                   f"SMTP アカウント {name!r} はすでにあります（名前は再利用できません）")
        row = SmtpAccount(name=name, password_hash=_HASHER.hash(password), senders=list(allowed), active=True,
                          created_at=utcnow(), created_by=actor)
        s.add(row)
        s.flush()
        record(s, actor, "smtp_account_create", f"smtp_account:{row.id}", f"SMTP account {name} created",
               name=name, senders=list(allowed))
        return _info(row), password


def list_accounts(db) -> list[SmtpAccountInfo]:
    with db.session() as s:
        return [_info(a) for a in s.scalars(select(SmtpAccount).order_by(SmtpAccount.id))]


def disable_account(db, name: str, actor: str = "cli") -> SmtpAccountInfo:
    """Disable the account: its next AUTH fails (a session already logged in keeps going until it ends)."""
    name = name.strip().lower()
    with db.session() as s:
        row = s.scalar(select(SmtpAccount).where(SmtpAccount.name == name))
        if row is None or not row.active:
            raise SmtpAccountError(f"no active SMTP account named {name!r}",
                                   f"有効な SMTP アカウント {name!r} はありません")
        row.active = False
        row.disabled_at = utcnow()
        record(s, actor, "smtp_account_disable", f"smtp_account:{row.id}", f"SMTP account {name} disabled",
               name=name)
        return _info(row)


def authenticate(db, name: str, password: str) -> tuple[SmtpAccountInfo | None, str]:
    """The active account when ``password`` is its password, else None; and why not ("" on success, "unknown",
    "disabled", "password"). Blocking and slow on purpose (argon2): call it from a thread."""
    name = name.strip().lower()
    with db.session() as s:
        row = s.scalar(select(SmtpAccount).where(SmtpAccount.name == name)) if NAME_RE.match(name) else None
        stored = row.password_hash if row is not None and row.active else _DUMMY_HASH
        try:
            ok = _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            ok = False
        if row is None:
            return None, "unknown"
        if not row.active:
            return None, "disabled"
        if not ok or stored is _DUMMY_HASH:
            return None, "password"
        if _HASHER.check_needs_rehash(row.password_hash):
            row.password_hash = _HASHER.hash(password)
        row.last_used_at = utcnow()
        return _info(row), ""


def count_failure(db, key: str, now: datetime, window: timedelta, limit: int) -> bool:
    """Count one failed AUTH of ``key``; True when it reached ``limit`` (``key`` is then refused for ``window``).

    A window starts at a failure and lasts ``window``; failures after it (and after any lockout) start a new one.
    One atomic upsert: two gateways counting the same key at once both land (the database orders them)."""
    t = SmtpAuthFailure.__table__
    stale = now - window
    until = literal(now + window, UTCDateTime())
    fresh = (t.c.window_start <= stale) & or_(t.c.locked_until.is_(None), t.c.locked_until <= now)
    failures = case((fresh, 1), else_=t.c.failures + 1)
    insert = (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(t)
    stmt = insert.values(key=key, failures=1, window_start=now, locked_until=now + window if limit <= 1 else None)
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.key],
        set_={
            "failures": failures,
            "window_start": case((fresh, literal(now, UTCDateTime())), else_=t.c.window_start),
            "locked_until": case((failures >= limit, until), (fresh, None), else_=t.c.locked_until),
        },
    ).returning(t.c.failures)
    with db.session() as s:
        return int(s.execute(stmt).scalar_one()) >= limit


def locked(db, keys: list[str], now: datetime) -> list[str]:
    """Those of ``keys`` whose lockout has not ended at ``now``."""
    with db.session() as s:
        return list(s.scalars(select(SmtpAuthFailure.key).where(
            SmtpAuthFailure.key.in_(keys), SmtpAuthFailure.locked_until > now)))


def forget_failures(db, now: datetime, window: timedelta) -> int:
    """Delete the rows whose window and lockout are over (nothing left to refuse or to count); how many."""
    t = SmtpAuthFailure
    with db.session() as s:
        return s.execute(delete(t).where(
            t.window_start <= now - window, or_(t.locked_until.is_(None), t.locked_until <= now))).rowcount or 0
