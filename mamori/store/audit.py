"""The audit log: who released, cancelled, approved or revealed what, and when. Append-only.

Nothing in mamori updates or deletes a row of this table; the web app shows it read-only. Rows hold actors,
actions and ids, never personal data (a detail names what was done, masked where it quotes anything).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from mamori.store.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320), index=True)  # a login, "gateway", "expiry", "cli:<user>"
    action: Mapped[str] = mapped_column(String(64), index=True)  # release, cancel, approve, reveal, login...
    target: Mapped[str] = mapped_column(String(128), default="")  # e.g. "mail:<id>", "user:<login>"
    detail: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


def record(session: Session, actor: str, action: str, target: str = "", detail: str = "", **data: Any) -> AuditEntry:
    """Append one entry in the caller's transaction (so the entry and the change it records commit together)."""
    entry = AuditEntry(actor=actor, action=action, target=target, detail=detail, data=data, at=utcnow())
    session.add(entry)
    return entry
