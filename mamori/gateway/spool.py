"""The durable spool: queue rows written with group commit, claimed for delivery, and finished.

``store`` is what makes a 250 safe: the rows are committed (SQLite ``synchronous=FULL`` in WAL, PostgreSQL's
fsync) before it returns. Messages arriving together share one commit (group commit) — one fsync for many
messages — and when a shared commit fails each is retried alone, so one bad row never fails the others.

Delivery claims due rows (``queued``, due ``waiting``, ``sending`` with an expired lease) for one gateway
instance: ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two gateways claiming at once take different rows
(SQLite ignores it: one writer, one gateway), then a compare-and-set update that checks again that each row is
still due (an expired lease included: two claimers of the same expired row cannot both win) and records the
lease: ``claimed_by`` (the instance name) and ``next_attempt_at`` (the lease end). Outcomes are recorded only on
rows that still carry that same lease, so a claimer whose lease ran out and was taken over never overwrites the
new claim. A crash leaves rows ``sending``: ``reset_sending`` (at start) takes back the rows of this instance,
and any gateway takes a row whose lease ran out: they are delivered again (at-least-once). While a message is
claimed and its outcome not recorded, ``renew`` (the recorder's heartbeat) extends its lease; an outcome whose
claim was lost anyway is not recorded, but logged and audited (``lease_lost``). ``Recorder`` records each outcome
as soon as it is known (group commit: the outcomes that arrived while the last commit ran share the next one) and
does the lease renewals in the same task, so a renewal and an outcome never race. The hot paths use Core on a
plain connection with statements built once (no ORM objects, no statement building per call).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy import insert as insert_stmt

from mamori.store import Database
from mamori.store.audit import AuditEntry, record
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage

log = logging.getLogger("mamori.gateway")

GROUP_MAX = 200  # rows per shared commit
_MESSAGES = MailMessage.__table__
_CONTENT = MailContent.__table__


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

    @classmethod
    def notice(
        cls, to: str, sender: str, subject: str, data: bytes, now: datetime, action: str = "notice", **extra: Any
    ) -> NewMessage:
        """A mail mamori itself sends (a notice, a bounce) to ``to``, queued for delivery at once: from the null
        sender, so that a notice that cannot be delivered never bounces; ``subject`` is the row's own label."""
        return cls(
            {
                "id": new_id(),
                "received_at": now,
                "updated_at": now,
                "mail_from": "",
                "rcpt_to": [to],
                "sender": sender.lower(),
                "subject": subject,
                "size": len(data),
                "action": action,
                "state": "queued",
                "deliver_after": now,
                **extra,
            },
            data,
        )


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
    lease_end: datetime | None = None  # the claim's lease: its outcome is recorded only while the row carries it
    dropped: tuple[str, ...] = ()  # recipients left out at release: removed from the To/Cc headers on the wire
    trace: str = ""  # the gateway's Received: line, put in front of the bytes on the wire (``trace``)


@dataclass
class Finish:
    """The outcome of one delivery attempt, applied by ``finish``."""

    id: str
    state: str  # delivered | queued (retry) | bounced
    error: str = ""
    next_attempt_at: datetime | None = None
    extra: list[NewMessage] = field(default_factory=list)  # bounce or the retry of refused recipients
    lease_end: datetime | None = None  # the claim's lease end (``Claimed.lease_end``): set by the delivery worker
    not_sent: bool = False  # the lease was lost (or ran out) before the send started: nothing went out


def _defaults() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for col in MailMessage.__table__.columns:
        if col.default is None:
            out.append((col.name, None))
        elif col.default.is_callable:
            out.append((col.name, col.default.arg))  # called per row (utcnow, list)
        else:
            out.append((col.name, _Const(col.default.arg)))
    return out


@dataclass(frozen=True)
class _Const:
    value: Any


_DEFAULTS = _defaults()


def _full_row(columns: dict[str, Any]) -> dict[str, Any]:
    """Every column of mail_messages (executemany needs the same keys in each row): the model's defaults filled in."""
    row = {}
    for name, default in _DEFAULTS:
        if name in columns:
            row[name] = columns[name]
        elif default is None:
            row[name] = None
        elif isinstance(default, _Const):
            row[name] = default.value
        else:
            row[name] = default(None)
    return row


def insert(db: Database, batch: list[NewMessage]) -> None:
    """One transaction for the batch; Core executemany on a plain connection (no ORM session) unless a rejected
    message needs its audit entry in the same transaction."""
    rejected = [m for m in batch if m.raw is None and m.columns.get("state") == "rejected"]
    if rejected:
        with db.session() as s:
            insert_rows(s.connection(), batch)
            for m in rejected:  # a block: in the audit log too (codes only)
                codes = [r.get("code") for r in m.columns.get("reasons", []) if r.get("severity") == "block"]
                record(s, "gateway", "reject", f"mail:{m.id}", " ".join(c for c in codes if c), codes=codes)
        return
    with db.engine.begin() as conn:
        insert_rows(conn, batch)


_INSERT_MESSAGES = insert_stmt(_MESSAGES)
_INSERT_CONTENT = insert_stmt(_CONTENT)


def insert_rows(conn: Any, batch: list[NewMessage]) -> None:
    """Insert the rows (and bytes) of ``batch`` on ``conn``, in the caller's transaction."""
    conn.execute(_INSERT_MESSAGES, [_full_row(m.columns) for m in batch])
    content = [{"message_id": m.id, "raw": m.raw} for m in batch if m.raw is not None]
    if content:  # parents first: mail_content has a foreign key to mail_messages
        conn.execute(_INSERT_CONTENT, content)


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


def reset_sending(db: Database, instance: str, everything: bool = False) -> int:
    """At start: what a previous run of this instance was delivering goes back to the queue (it may have gone out:
    a duplicate), and so do ``sending`` rows no instance is named on (claimed before ``claimed_by`` existed).

    Rows another instance holds are left alone, however old: that gateway may be alive and delivering them; if it
    is not, its lease runs out and any gateway claims them then. ``everything`` (SQLite, where one gateway holds
    the database alone) takes back every ``sending`` row, as a single gateway always did.
    """
    mine = MailMessage.claimed_by.in_((instance, ""))
    with db.session() as s:
        return s.execute(
            update(MailMessage)
            .where(MailMessage.state == "sending", *(() if everything else (mine,)))
            .values(state="queued", next_attempt_at=None, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount


def _due(now: Any) -> Any:
    return or_(
        and_(
            _MESSAGES.c.state == "queued",
            or_(_MESSAGES.c.deliver_after.is_(None), _MESSAGES.c.deliver_after <= now),
            or_(_MESSAGES.c.next_attempt_at.is_(None), _MESSAGES.c.next_attempt_at <= now),
        ),
        and_(_MESSAGES.c.state == "waiting", _MESSAGES.c.deliver_after.is_not(None), _MESSAGES.c.deliver_after <= now),
        and_(_MESSAGES.c.state == "sending", _MESSAGES.c.next_attempt_at <= now),  # an expired lease
    )


# the delivery side's statements, built once (bound parameters; ``expanding`` for the id lists): per call only the
# values change, so SQLAlchemy neither rebuilds them nor computes their cache keys again
_m = _MESSAGES.c
_DUE = (  # PostgreSQL: rows another claimer has locked are skipped, not waited for (SQLite renders no FOR UPDATE)
    select(_m.id)
    .where(_due(bindparam("now", type_=_m.deliver_after.type)))
    .order_by(_m.received_at, _m.id)
    .limit(bindparam("limit"))
    .with_for_update(skip_locked=True)
)
_TAKE = (  # compare-and-set: a row that is no longer due (taken, decided, its lease renewed) is not taken
    update(_MESSAGES)
    .where(_m.id.in_(bindparam("ids", expanding=True)), _due(bindparam("now", type_=_m.deliver_after.type)))
    .values(
        state="sending",
        claimed_by=bindparam("instance", type_=_m.claimed_by.type),
        next_attempt_at=bindparam("lease_end", type_=_m.next_attempt_at.type),
        attempts=_m.attempts + 1,
        updated_at=bindparam("now", type_=_m.updated_at.type),
    )
)
_TAKEN = (  # the taken rows with their bytes in one query (the JSON columns are not needed for delivery)
    select(_m.id, _m.mail_from, _m.rcpt_to, _CONTENT.c.raw, _m.bcc, _m.attempts, _m.received_at, _m.action,
           _m.subject, _m.sender, _m.dropped_rcpt, _m.trace)
    .join_from(_MESSAGES, _CONTENT, _CONTENT.c.message_id == _m.id)
    .where(
        _m.id.in_(bindparam("ids", expanding=True)),
        _m.state == "sending",
        _m.claimed_by == bindparam("instance", type_=_m.claimed_by.type),
        _m.next_attempt_at == bindparam("lease_end", type_=_m.next_attempt_at.type),
    )
)


def _leased() -> Any:
    """The row is still in the delivery of this claim: same instance, same lease end."""
    return and_(
        _m.state == "sending",
        _m.claimed_by == bindparam("instance", type_=_m.claimed_by.type),
        _m.next_attempt_at == bindparam("lease_end", type_=_m.next_attempt_at.type),
    )


_DELIVERED = (
    update(_MESSAGES)
    .where(_m.id.in_(bindparam("ids", expanding=True)), _leased())
    .values(
        state="delivered",
        updated_at=bindparam("now", type_=_m.updated_at.type),
        delivered_at=bindparam("now", type_=_m.delivered_at.type),
        next_attempt_at=None,
        last_error="",
    )
)


def claim(db: Database, limit: int, lease: timedelta, instance: str, now: datetime | None = None) -> list[Claimed]:
    """Take up to ``limit`` due messages for delivery by ``instance`` (oldest first)."""
    with db.engine.begin() as conn:  # Core on a plain connection: no ORM objects or session needed here
        return _claim(conn, limit, lease, instance, now or utcnow())


def finish(db: Database, results: list[Finish], instance: str) -> None:
    """Apply delivery outcomes in one transaction (only to rows still under this instance's claim)."""
    with db.engine.begin() as conn:
        _finish(conn, results, instance, utcnow())


def _claim(conn: Any, limit: int, lease: timedelta, instance: str, now: datetime) -> list[Claimed]:
    out: list[Claimed] = []
    ids = [r[0] for r in conn.execute(_DUE, {"now": now, "limit": limit})]
    if not ids:
        return out
    lease_end = now + lease
    conn.execute(_TAKE, {"ids": ids, "now": now, "instance": instance, "lease_end": lease_end})
    rows = conn.execute(_TAKEN, {"ids": ids, "instance": instance, "lease_end": lease_end})
    for r in rows:
        out.append(Claimed(r[0], r[1], list(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], lease_end,
                           tuple(r[10] or ()), r[11] or ""))
    out.sort(key=lambda c: (c.received_at, c.id))
    return out


_RENEW = (  # the heartbeat: extend a claim that is still this instance's, with the lease end it knows
    update(_MESSAGES)
    .where(_m.id.in_(bindparam("ids", expanding=True)), _leased())
    .values(next_attempt_at=bindparam("new_end", type_=_m.next_attempt_at.type))
)
_HELD = select(_m.id).where(  # which of the ids carry this claim (with the given lease end)
    _m.id.in_(bindparam("ids", expanding=True)),
    _m.state == "sending",
    _m.claimed_by == bindparam("instance", type_=_m.claimed_by.type),
    _m.next_attempt_at == bindparam("new_end", type_=_m.next_attempt_at.type),
)


def renew(
    db: Database, leases: dict[str, datetime], lease: timedelta, instance: str, now: datetime | None = None
) -> tuple[dict[str, datetime], set[str]]:
    """Extend the leases of rows being delivered (``leases``: id -> the lease end this instance holds) to ``now +
    lease``, in one transaction, only where the row still carries that claim. Returns (id -> new lease end, ids
    lost: another instance took the row over, or a person's step or an expiry changed it)."""
    now = now or utcnow()
    new_end = now + lease
    by_end: dict[datetime, list[str]] = {}
    for mid, end in leases.items():
        by_end.setdefault(end, []).append(mid)
    renewed: dict[str, datetime] = {}
    lost: set[str] = set()
    with db.engine.begin() as conn:
        for end, ids in by_end.items():
            n = conn.execute(_RENEW, {"ids": ids, "instance": instance, "lease_end": end, "new_end": new_end}).rowcount
            held = set(ids) if n == len(ids) else set(
                conn.execute(_HELD, {"ids": ids, "instance": instance, "new_end": new_end}).scalars()
            )
            for mid in ids:
                if mid in held:
                    renewed[mid] = new_end
                else:
                    lost.add(mid)
    return renewed, lost


_AUDIT = AuditEntry.__table__


def _finish(conn: Any, results: list[Finish], instance: str, now: datetime) -> None:
    """Record the outcomes that still hold their claim; an outcome whose claim was lost (the lease ran out and
    another gateway took the row, or it was changed meanwhile) is not recorded, never silently: it is logged and
    audited (``lease_lost``), and its bounce or retry rows are dropped (the new claimer's attempt decides)."""
    m = _MESSAGES.c
    kept: list[Finish] = []
    lost: list[Finish] = []
    delivered: dict[datetime | None, list[Finish]] = {}  # one statement per claim (a batch is usually one claim)
    for r in results:
        if r.state == "delivered" and not r.error:
            delivered.setdefault(r.lease_end, []).append(r)
    for lease_end, group in delivered.items():
        ids = [r.id for r in group]
        n = conn.execute(_DELIVERED, {"ids": ids, "now": now, "instance": instance, "lease_end": lease_end}).rowcount
        if n == len(ids):
            kept += group
            continue
        ours = set(conn.execute(
            select(m.id).where(m.id.in_(ids), m.state == "delivered", m.claimed_by == instance, m.delivered_at == now)
        ).scalars())
        for r in group:
            (kept if r.id in ours else lost).append(r)
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
        n = conn.execute(
            update(_MESSAGES).where(m.id == r.id, _leased()).values(**values),
            {"instance": instance, "lease_end": r.lease_end},
        ).rowcount
        (kept if n else lost).append(r)
    extra = [e for r in kept for e in r.extra]
    if extra:
        insert_rows(conn, extra)
    if lost:
        _record_lost(conn, lost, instance, now)


def _record_lost(conn: Any, lost: list[Finish], instance: str, now: datetime) -> None:
    entries = []
    for r in lost:
        outcome = "not sent" if r.not_sent else r.state
        if r.not_sent:
            log.warning("message %s: the claim of %s was lost before sending; not sent here", r.id, instance)
        else:
            log.error("message %s: the claim of %s was lost during delivery (lease ran out, taken over); outcome "
                      "%s not recorded: it may be delivered twice", r.id, instance, outcome)
        entries.append({
            "at": now, "actor": "gateway", "action": "lease_lost", "target": f"mail:{r.id}",
            "detail": f"the claim of gateway {instance} was lost during delivery (its lease ran out and another "
                      f"gateway took the message over, or it changed meanwhile); this attempt's outcome ({outcome}) "
                      "was not recorded" + ("" if r.not_sent else "; the message may be delivered twice"),
            "data": {"instance": instance, "outcome": outcome},
        })
    conn.execute(insert_stmt(_AUDIT), entries)


class Recorder:
    """The delivery outcomes' writer and the leases' heartbeat, one task in the running loop (database work in
    ``executor``, the store's one thread).

    ``track(batch)`` after a claim; ``put(result, recorded)`` as soon as a message's outcome is known: the task
    commits every outcome that has arrived in one transaction (``finish``: only on rows still under this claim,
    with its current lease end; bounce and retry rows in the same transaction), then sets each one's ``recorded``
    event (a send thread waits for it before its next send: at most one unrecorded message per session).
    Every third of ``lease`` it renews the claims of every row whose outcome is not recorded yet (``renew``); a
    claim found gone goes to ``lost`` (``may_send`` is then False). Renewals and outcomes run one after the other
    in this task, so an outcome is recorded under the lease end of the last renewal, and a renewal never sees a
    row whose outcome was just recorded. When the database is away an outcome is kept and tried again every
    second (renewals go on being tried), never dropped; ``stop`` returns once every outcome is recorded.
    """

    RETRY = 1.0  # seconds between two attempts to record outcomes while the database is away

    def __init__(
        self, db: Database, executor: Any, lease: timedelta, instance: str, on_extra: Callable[[], None] | None = None
    ) -> None:
        self.db = db
        self.executor = executor
        self.lease = lease
        self.instance = instance
        self.on_extra = on_extra  # a bounce or retry row was committed: the delivery loops may take it
        self._claims: dict[str, tuple[datetime | None, datetime | None]] = {}  # id -> (claimed end, current end)
        self.lost: set[str] = set()  # ids whose current claim a renewal found gone
        self._pending: list[tuple[Finish, threading.Event | None]] = []
        self._busy = False  # a commit of outcomes is running
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="mamori-outcomes")

    def track(self, batch: list[Claimed]) -> None:
        """Rows just claimed: renewed until their outcomes are recorded."""
        for c in batch:
            self._claims[c.id] = (c.lease_end, c.lease_end)
            self.lost.discard(c.id)

    def may_send(self, c: Claimed) -> bool:
        """(From a send thread.) The claim is still ours, renewed, and its lease has not run out."""
        claimed, end = self._claims.get(c.id, (None, None))
        return claimed == c.lease_end and end is not None and c.id not in self.lost and utcnow() < end

    def put(self, result: Finish, recorded: threading.Event | None = None) -> None:
        """Record ``result`` (its ``lease_end``: the claim's, ``Claimed.lease_end``) as soon as possible."""
        self._pending.append((result, recorded))
        self._idle.clear()
        self._wake.set()

    @property
    def unrecorded(self) -> int:
        return len(self._pending) + (1 if self._busy else 0)

    async def flush(self) -> None:
        """Return once every outcome put so far is recorded."""
        while self._pending or self._busy:
            await self._idle.wait()

    async def stop(self) -> None:
        await self.flush()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        every = max(self.lease.total_seconds() / 3, 0.05)
        renew_at = time.monotonic() + every
        retry_at = 0.0
        while True:
            now = time.monotonic()
            wait = renew_at - now
            if self._pending:
                wait = min(wait, retry_at - now)
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=wait)
            self._wake.clear()
            if time.monotonic() >= renew_at:
                await self._renew()
                renew_at = time.monotonic() + every
            if self._pending and time.monotonic() >= retry_at:
                retry_at = 0.0 if await self._record() else time.monotonic() + self.RETRY
            if not self._pending:
                self._idle.set()

    async def _record(self) -> bool:
        group, self._pending = self._pending, []
        results = []  # each under its claim's current (renewed) lease end; a stale claim's keeps its own (lost)
        for r, _ in group:
            claimed, end = self._claims.get(r.id, (None, None))
            results.append(replace(r, lease_end=end) if claimed == r.lease_end and end is not None else r)
        self._busy = True
        try:
            await asyncio.get_running_loop().run_in_executor(self.executor, finish, self.db, results, self.instance)
        except Exception as exc:  # the database is away: kept, tried again (the lease covers a crash meanwhile)
            log.error("cannot record %d delivery outcome(s): %s", len(group), type(exc).__name__)
            self._pending = group + self._pending
            return False
        finally:
            self._busy = False
        for (r, recorded), done in zip(group, results, strict=True):
            if self._claims.get(r.id) == (r.lease_end, done.lease_end):  # (not a newer claim of the same row)
                del self._claims[r.id]
                self.lost.discard(r.id)
            if recorded is not None:
                recorded.set()
        if self.on_extra is not None and any(r.extra for r, _ in group):
            self.on_extra()
        return True

    async def _renew(self) -> None:
        mine = {mid: end for mid, (_, end) in self._claims.items() if mid not in self.lost and end is not None}
        if not mine:
            return
        try:
            renewed, gone = await asyncio.get_running_loop().run_in_executor(
                self.executor, renew, self.db, mine, self.lease, self.instance)
        except Exception as exc:
            log.error("cannot renew the delivery lease of %d message(s): %s", len(mine), type(exc).__name__)
            return
        for mid, end in renewed.items():
            claimed, _ = self._claims.get(mid, (None, None))
            if claimed is not None:
                self._claims[mid] = (claimed, end)
        if gone:
            self.lost.update(gone)
            log.error("the claim of %d message(s) being delivered was taken over: %s", len(gone),
                      " ".join(sorted(gone)))
