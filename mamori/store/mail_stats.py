"""Counts over the mail store for monitoring: messages by state, open ones by reason, the delivery backlog, how long
decisions take. Numbers and reason codes only: nothing here reads a subject, an address or a body."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import STATES, MailMessage

DECISION_WINDOW = timedelta(hours=24)
"""Decisions (release, approval, cancel, expiry) made this recently go into :attr:`QueueSnapshot.decision_seconds`."""


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """The store at one moment, as monitoring sees it."""

    by_state: dict[str, int]
    open_by_reason: dict[str, int]  # waiting or held messages per reason code (a message counts once per code)
    awaiting_approval: int  # held and needing an approver
    oldest_queued_seconds: float  # age of the oldest message queued or being sent (0 when none): the backlog
    retrying: int  # queued again after a failed attempt
    decision_seconds: list[float] = field(default_factory=list)  # received → decided, last DECISION_WINDOW


def snapshot(db: Database, now: datetime | None = None) -> QueueSnapshot:
    """Read the counts in one transaction."""
    now = now or utcnow()
    m = MailMessage
    with db.session() as s:
        by_state = {state: 0 for state in STATES}
        for state, n in s.execute(select(m.state, func.count()).group_by(m.state)):
            by_state[state] = int(n)
        reasons: Counter[str] = Counter()
        approval = 0
        open_rows = select(m.state, m.release_mode, m.reasons).where(m.state.in_(("waiting", "held")))
        for state, mode, found in s.execute(open_rows):
            codes = {r.get("code") for r in found or () if isinstance(r, dict) and isinstance(r.get("code"), str)}
            reasons.update(c for c in codes if c)
            approval += state == "held" and mode == "approval"
        oldest = s.scalar(select(func.min(m.received_at)).where(m.state.in_(("queued", "sending"))))
        retrying = s.scalar(select(func.count()).where(m.state == "queued", m.attempts > 0)) or 0
        decided = s.execute(
            select(m.received_at, m.decided_at).where(m.decided_at.is_not(None), m.decided_at >= now - DECISION_WINDOW)
        ).all()
    latencies = [max(0.0, (d - r).total_seconds()) for r, d in decided if r is not None and d is not None]
    return QueueSnapshot(
        by_state=by_state,
        open_by_reason=dict(sorted(reasons.items())),
        awaiting_approval=approval,
        oldest_queued_seconds=max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0,
        retrying=int(retrying),
        decision_seconds=latencies,
    )
