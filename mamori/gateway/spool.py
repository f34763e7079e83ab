"""The durable spool: queue rows written with group commit, claimed for delivery, and finished.

``store`` is what makes a 250 safe: the rows are committed (SQLite ``synchronous=FULL`` in WAL, PostgreSQL's
fsync) before it returns. Messages arriving together share one commit (group commit) — one fsync for many
messages — and when a shared commit fails each is retried alone, so one bad row never fails the others.

Delivery claims due rows by compare-and-set (``queued``/due ``waiting`` → ``sending``, with a lease in
``next_attempt_at``); a crash leaves them ``sending``, and ``reset_sending`` (at start) or an expired lease puts
them back: they are delivered again (at-least-once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy import insert as insert_stmt

from mamori.store import Database
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage

log = logging.getLogger("mamori.gateway")

GROUP_MAX = 200  # rows per shared commit


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class NewMessage:
    """One row to insert: the columns and the bytes (None for a rejected message: the record keeps no bytes)."""

    columns: dict[str, Any]
    raw: bytes | None

    @property
    def id(self) -> str:
        return self.columns["id"]


@dataclass(frozen=True)
class Claimed:
    id: str
    mail_from: str
    rcpt_to: list[str]
    raw: bytes
    bcc: bool
    attempts: int
    received_at: datetime
    action: str
    subject: str
    sender: str = ""


@dataclass
class Finish:
    """The outcome of one delivery attempt, applied by ``finish``."""

    id: str
    state: str  # delivered | queued (retry) | bounced
    error: str = ""
    next_attempt_at: datetime | None = None
    extra: list[NewMessage] = field(default_factory=list)  # bounce or the retry of refused recipients


def _full_row(columns: dict[str, Any]) -> dict[str, Any]:
    """Every column of mail_messages (executemany needs the same keys in each row): the model's defaults filled in."""
    row = {}
    for col in MailMessage.__table__.columns:
        if col.name in columns:
            row[col.name] = columns[col.name]
        elif col.default is None:
            row[col.name] = None
        else:
            row[col.name] = col.default.arg(None) if col.default.is_callable else col.default.arg
    return row


def insert(db: Database, batch: list[NewMessage]) -> None:
    """One transaction for the batch; SQLAlchemy Core executemany (the ORM's unit of work costs more per row)."""
    with db.session() as s:
        s.execute(insert_stmt(MailMessage.__table__), [_full_row(m.columns) for m in batch])
        content = [{"message_id": m.id, "raw": m.raw} for m in batch if m.raw is not None]
        if content:  # parents first: mail_content has a foreign key to mail_messages
            s.execute(insert_stmt(MailContent.__table__), content)
        for m in batch:
            if m.raw is None and m.columns.get("state") == "rejected":  # a block: in the audit log too (codes only)
                codes = [r.get("code") for r in m.columns.get("reasons", []) if r.get("severity") == "block"]
                record(s, "gateway", "reject", f"mail:{m.id}", " ".join(c for c in codes if c), codes=codes)


class Spool:
    """Group-commit writer in the running loop; the blocking work happens in a one-thread executor."""

    def __init__(self, db: Database, executor: Any) -> None:
        self.db = db
        self.executor = executor
        self._pending: list[tuple[list[NewMessage], asyncio.Future[None]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="mamori-spool")

    async def stop(self) -> None:
        if self._task is not None:
            while self._pending:
                await asyncio.sleep(0.01)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def store(self, rows: list[NewMessage]) -> None:
        """Return once the rows are committed; raise when they could not be."""
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((rows, fut))
        self._wake.set()
        await fut

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                group, self._pending = self._pending[:GROUP_MAX], self._pending[GROUP_MAX:]
                try:
                    await loop.run_in_executor(self.executor, insert, self.db, [r for rows, _ in group for r in rows])
                    for _, fut in group:
                        if not fut.done():
                            fut.set_result(None)
                    continue
                except Exception as exc:
                    if len(group) == 1:
                        _fail(group[0][1], exc)
                        continue
                for rows, fut in group:  # the shared commit failed: each on its own
                    try:
                        await loop.run_in_executor(self.executor, insert, self.db, rows)
                        if not fut.done():
                            fut.set_result(None)
                    except Exception as exc:
                        _fail(fut, exc)


def _fail(fut: asyncio.Future[None], exc: Exception) -> None:
    log.error("cannot store a message: %s", type(exc).__name__)
    if not fut.done():
        fut.set_exception(exc)


def reset_sending(db: Database) -> int:
    """At start: what a previous run was delivering goes back to the queue (it may have gone out: a duplicate)."""
    with db.session() as s:
        return s.execute(
            update(MailMessage)
            .where(MailMessage.state == "sending")
            .values(state="queued", next_attempt_at=None, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount


def _due(now: datetime) -> Any:
    return or_(
        and_(
            MailMessage.state == "queued",
            or_(MailMessage.deliver_after.is_(None), MailMessage.deliver_after <= now),
            or_(MailMessage.next_attempt_at.is_(None), MailMessage.next_attempt_at <= now),
        ),
        and_(MailMessage.state == "waiting", MailMessage.deliver_after.is_not(None), MailMessage.deliver_after <= now),
        and_(MailMessage.state == "sending", MailMessage.next_attempt_at <= now),  # an expired lease
    )


def claim(db: Database, limit: int, lease: timedelta, now: datetime | None = None) -> list[Claimed]:
    """Take up to ``limit`` due messages for delivery (oldest first)."""
    now = now or utcnow()
    q = (
        select(MailMessage.id, MailMessage.state)
        .where(_due(now))
        .order_by(MailMessage.received_at, MailMessage.id)
        .limit(limit)
    )
    out: list[Claimed] = []
    with db.session() as s:
        candidates = list(s.execute(q))
        lease_end = now + lease
        by_state: dict[str, list[str]] = {}
        for message_id, state in candidates:
            by_state.setdefault(state, []).append(message_id)
        for state, ids in by_state.items():  # compare-and-set: a row someone changed meanwhile is not taken
            s.execute(
                update(MailMessage)
                .where(MailMessage.id.in_(ids), MailMessage.state == state)
                .values(state="sending", next_attempt_at=lease_end, attempts=MailMessage.attempts + 1, updated_at=now)
                .execution_options(synchronize_session=False)
            )
        taken = list(
            s.scalars(
                select(MailMessage.id).where(
                    MailMessage.id.in_([c[0] for c in candidates]),
                    MailMessage.state == "sending",
                    MailMessage.next_attempt_at == lease_end,
                )
            )
        )
        rows = s.execute(
            select(MailMessage, MailContent.raw)
            .join(MailContent, MailContent.message_id == MailMessage.id)
            .where(MailMessage.id.in_(taken))
        )
        for m, raw in rows:
            out.append(
                Claimed(
                    m.id, m.mail_from, list(m.rcpt_to), raw, m.bcc, m.attempts, m.received_at, m.action, m.subject,
                    m.sender,
                )
            )
    out.sort(key=lambda c: (c.received_at, c.id))
    return out


def finish(db: Database, results: list[Finish]) -> None:
    """Apply delivery outcomes in one transaction (only to rows still ``sending``)."""
    now = utcnow()
    with db.session() as s:
        extra = [e for r in results for e in r.extra]
        if extra:
            s.execute(insert_stmt(MailMessage.__table__), [_full_row(e.columns) for e in extra])
            content = [{"message_id": e.id, "raw": e.raw} for e in extra if e.raw is not None]
            if content:
                s.execute(insert_stmt(MailContent.__table__), content)
        delivered = [r.id for r in results if r.state == "delivered" and not r.error]
        if delivered:
            s.execute(
                update(MailMessage)
                .where(MailMessage.id.in_(delivered), MailMessage.state == "sending")
                .values(state="delivered", updated_at=now, delivered_at=now, next_attempt_at=None, last_error="")
                .execution_options(synchronize_session=False)
            )
        for r in results:
            if r.state == "delivered" and not r.error:
                continue
            values: dict[str, Any] = {"state": r.state, "updated_at": now, "last_error": r.error[:2000]}
            if r.state == "delivered":
                values.update(delivered_at=now, next_attempt_at=None)
            elif r.state == "queued":
                values.update(next_attempt_at=r.next_attempt_at)
            else:
                values.update(next_attempt_at=None)
            s.execute(
                update(MailMessage)
                .where(MailMessage.id == r.id, MailMessage.state == "sending")
                .values(**values)
                .execution_options(synchronize_session=False)
            )
