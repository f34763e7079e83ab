"""The sending history the guard judges against, kept current with what the gateway delivers.

``history.jsonl`` ([guard] history) is where a deployment starts; from then on every message the gateway delivers
is history too (who wrote to whom), so the second message to a new customer is no longer "first time". The guard
(in the gateway's worker processes or its thread) refreshes its ``History`` from the store at most every
``interval`` seconds, reading only the deliveries since the last refresh.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import select

from mamori.guard.history import History
from mamori.store import Database
from mamori.store.mail import GENERATED_ACTIONS, MailMessage

OVERLAP = timedelta(seconds=60)


def add_deliveries(db: Database, history: History, since: datetime | None = None) -> datetime | None:
    """Add every message delivered after ``since`` (all when None) to ``history``; the newest delivery time seen."""
    q = select(MailMessage.sender, MailMessage.rcpt_to, MailMessage.delivered_at).where(
        MailMessage.state == "delivered", MailMessage.action.not_in(GENERATED_ACTIONS)
    )
    if since is not None:  # with an overlap: deliveries commit out of order; adding one twice changes nothing
        q = q.where(MailMessage.delivered_at > since - OVERLAP)
    newest = since
    new = History()
    with db.session() as s:
        for sender, rcpt_to, delivered_at in s.execute(q.order_by(MailMessage.delivered_at)):
            new.add(sender, list(rcpt_to or []), delivered_at.isoformat() if delivered_at else "")
            if delivered_at is not None and (newest is None or delivered_at > newest):
                newest = delivered_at
    history.merge(new)  # copy on write: the web app's check API may be reading it in another thread
    return newest


class SentHistory:
    """``refresh()`` before judging: cheap when called often (one query per ``interval`` seconds at most)."""

    def __init__(self, db: Database, history: History, interval: float = 5.0) -> None:
        self.db = db
        self.history = history
        self.interval = interval
        self._since: datetime | None = None
        self._checked = float("-inf")
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked < self.interval:
            return
        self._checked = now
        self._since = add_deliveries(self.db, self.history, self._since)
