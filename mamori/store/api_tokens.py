"""API tokens, one per integration (a chat tool, a CRM, a script), for the check API's ``Authorization: Bearer``.

Only the SHA-256 of a token is stored; the token itself is shown once, when it is created. A token is revoked,
never deleted, so the audit log's references stay meaningful. Creating and revoking are written to the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from mamori.store.audit import record
from mamori.store.base import Base, UTCDateTime, utcnow

TOKEN_PREFIX = "mmr_"  # lets secret scanners and people recognise a mamori token
LAST_USED_EVERY = timedelta(minutes=1)  # last_used_at is written at most this often per token
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), index=True)  # unique among tokens not revoked (checked here)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the token
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class TokenError(ValueError):
    """A token operation that cannot be done; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as listed: never the token or its hash."""

    id: int
    name: str
    created_at: datetime
    created_by: str
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(t: ApiToken) -> TokenInfo:
    return TokenInfo(t.id, t.name, t.created_at, t.created_by, t.last_used_at, t.revoked_at)


def create_token(db, name: str, actor: str = "cli") -> tuple[TokenInfo, str]:
    """A new token for integration ``name``: its listing and the token (shown once; only its hash is kept)."""
    if not NAME_RE.match(name):
        raise TokenError(
            "a token name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "トークン名は英数字と . _ - で 1〜64 文字（先頭は英数字）にしてください",
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session() as s:
        taken = s.scalar(select(ApiToken.id).where(ApiToken.name == name, ApiToken.revoked_at.is_(None)))
        if taken is not None:
            raise TokenError(
                f"an active token named {name!r} exists; revoke it first",
                f"有効なトークン {name!r} がすでにあります。先に失効させてください",
            )
        row = ApiToken(name=name, token_hash=hash_token(token), created_at=utcnow(), created_by=actor)
        s.add(row)
        s.flush()
        record(s, actor, "api_token_create", f"api_token:{row.id}", f"API token {name} created", name=name)
        return _info(row), token


def list_tokens(db, include_revoked: bool = True) -> list[TokenInfo]:
    with db.session() as s:
        q = select(ApiToken).order_by(ApiToken.id)
        if not include_revoked:
            q = q.where(ApiToken.revoked_at.is_(None))
        return [_info(t) for t in s.scalars(q)]


def revoke_token(db, name: str, actor: str = "cli") -> TokenInfo:
    """Revoke the active token named ``name``; later requests with it get 401."""
    with db.session() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None)))
        if row is None:
            raise TokenError(f"no active token named {name!r}", f"有効なトークン {name!r} はありません")
        row.revoked_at = utcnow()
        record(s, actor, "api_token_revoke", f"api_token:{row.id}", f"API token {name} revoked", name=name)
        return _info(row)


def verify_token(db, token: str) -> TokenInfo | None:
    """The active token that ``token`` is, or None; notes when it was last used (at most once a minute)."""
    if not token or not token.isascii() or len(token) > 256:
        return None
    digest = hash_token(token)
    with db.session() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.token_hash == digest))
        if row is None or row.revoked_at is not None or not secrets.compare_digest(row.token_hash, digest):
            return None
        now = utcnow()
        if row.last_used_at is None or now - row.last_used_at >= LAST_USED_EVERY:
            row.last_used_at = now
        return _info(row)
