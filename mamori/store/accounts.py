"""Tables of the web app's accounts: users, server-side sessions and login attempts (for rate limiting).

A user's login is their e-mail address, lower-cased, and is what ``MailMessage.sender`` is compared with.
A session row keeps only the SHA-256 of its token, so a copy of the database does not let anyone log in.
Users are disabled (``active``), never deleted, so the audit log and held mail keep naming them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mamori.store.base import Base, UTCDateTime, utcnow

ROLES = ("sender", "approver", "officer", "admin")
# where an account comes from: made by hand (CLI, web page), a CSV import, the directory sync. An import or a sync
# disables only the accounts of its own source that its list no longer names.
SOURCES = ("local", "csv", "ldap")


class User(Base):
    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(320), primary_key=True)  # e-mail address, lower-cased
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="sender")  # sender | approver | officer | admin
    group: Mapped[str] = mapped_column(String(100), default="", index=True)  # an approver approves their group
    password_hash: Mapped[str] = mapped_column(String(200), default="")  # argon2id; "" = SSO only
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    source: Mapped[str] = mapped_column(String(16), default="local", server_default="local")  # local | csv | ldap


class WebSession(Base):
    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the cookie's token
    login: Mapped[str] = mapped_column(String(320), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    via: Mapped[str] = mapped_column(String(16), default="password")  # password | sso


class LoginAttempt(Base):
    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    login: Mapped[str] = mapped_column(String(320))
    ip: Mapped[str] = mapped_column(String(64))
    success: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_login_attempts_login_at", "login", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )
