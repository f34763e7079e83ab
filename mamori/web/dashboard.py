"""The dashboard's figures: held, released and cancelled messages per day, open ones, and the top reasons.

Read-only queries over the gateway's queue (the visible senders only); the counting itself is a pure function.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import or_, select

from mamori.store import Database
from mamori.store.mail import GENERATED_ACTIONS, OPEN_STATES, MailMessage

RELEASED = ("queued", "delivered", "bounced")


@dataclass(frozen=True, slots=True)
class Row:
    received_at: datetime
    action: str
    state: str
    decided_at: datetime | None
    decided_by: str
    reasons: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Figures:
    days: list[date]
    held: list[int]
    released: list[int]
    cancelled: list[int]
    open_now: int
    top_reasons: list[tuple[str, int]]


def count(rows: list[Row], today: date, days: int, tz: tzinfo) -> Figures:
    """Per local day: messages that arrived held/confirm, were released by a person, were cancelled."""
    span = [today - timedelta(days=days - 1 - i) for i in range(days)]
    index = {d: i for i, d in enumerate(span)}
    held, released, cancelled = [0] * days, [0] * days, [0] * days
    reasons: Counter[str] = Counter()
    open_now = 0
    for r in rows:
        if r.action not in ("confirm", "hold"):
            continue
        i = index.get(r.received_at.astimezone(tz).date())
        if i is not None:
            held[i] += 1
            for reason in r.reasons:
                if isinstance(reason, dict) and reason.get("code"):
                    reasons[str(reason["code"])] += 1
        if r.state in ("waiting", "held"):
            open_now += 1
        if r.decided_at is not None:
            j = index.get(r.decided_at.astimezone(tz).date())
            if j is not None:
                if r.state == "cancelled":
                    cancelled[j] += 1
                elif r.state in RELEASED:
                    released[j] += 1
    return Figures(span, held, released, cancelled, open_now, reasons.most_common(8))


def load_rows(db: Database, senders: tuple[str, ...] | None, since: datetime) -> list[Row]:
    q = select(
        MailMessage.received_at,
        MailMessage.action,
        MailMessage.state,
        MailMessage.decided_at,
        MailMessage.decided_by,
        MailMessage.reasons,
    ).where(or_(MailMessage.received_at >= since, MailMessage.decided_at >= since,
                MailMessage.state.in_(OPEN_STATES)), MailMessage.action.not_in(GENERATED_ACTIONS))
    if senders is not None:
        q = q.where(MailMessage.sender.in_(senders))
    with db.session() as s:
        return [Row(*r) for r in s.execute(q.limit(200_000))]
