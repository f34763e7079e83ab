"""The gateway as one service in the running asyncio loop: SMTP listener, delivery worker and expiry timer.

A message held for approval is announced to its approvers (``approvers.approval_rows``: their notices are stored
in the message's own commit) and, when ``[web] approval_webhook`` is set, posted there (``webhook``) once stored.

Each gateway process has an instance name (``[gateway] instance``, see ``instance``) that it locks in the database
for its life and records with its claims; several gateways can share one PostgreSQL database, each accepting and
delivering, each taking back at start only what it was itself delivering. Every periodic job is safe to run in
several gateways at once: claims and expiries lock the rows they work on (``FOR UPDATE SKIP LOCKED``) and change
them by compare-and-set, retention deletes only rows it locked.

The expiry timer cancels or releases what waited too long (``hold_queue.expire_due``) and queues, in the same
transaction, a notice to the message's envelope sender (``expiry_notice_row``; ``notify_on_expiry``). On the same
timer, at most once per ``retention_every`` seconds (an hour), ``retention`` deletes the bytes (and, when set, the
rows) of finished mail past ``retention_content_days`` / ``retention_message_days``.

>>> gw = Gateway(load_gateway_settings("mamori.toml"), Database(url))
>>> await gw.start()   # listening; delivering what is due, including what a previous run left unfinished
>>> await gw.stop()    # stops accepting, lets the current deliveries finish

Blocking work runs in executors: the guard in ``judge_workers`` processes (CPU-bound; see ``judging``), the
database in one thread (SQLite has one writer; group commit makes up for it), SMTP to the next hop in
``delivery_concurrency`` threads, each with a session it reuses. Each message's outcome is handed to the recorder
(``spool.Recorder``) the moment it is known and committed with whatever other outcomes arrived meanwhile; a send
thread starts its next message only once its last one's outcome is committed, so a gateway that dies leaves at
most one accepted-but-unrecorded message per session (delivered again: the SMTP duplicate window, RFC 1047).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from mamori.gateway import hold_queue, retention, webhook
from mamori.gateway.approvers import approval_rows, needs_approval
from mamori.gateway.delivery import NextHop, backoff, masked_text, outcome, wire_bytes
from mamori.gateway.envelope import usable_address
from mamori.gateway.instance import InstanceLock, default_name
from mamori.gateway.judging import Judge
from mamori.gateway.listener import Handler, server_tls, smtp_factory
from mamori.gateway.notices import expiry_notice
from mamori.gateway.settings import GatewaySettings
from mamori.gateway.smtp_auth import AuthGuard
from mamori.gateway.spool import Finish, NewMessage, Recorder, Spool, claim, reset_sending
from mamori.guard.inputs import GuardInputs, load_guard_inputs
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import GENERATED_ACTIONS

log = logging.getLogger("mamori.gateway")

BATCH_PER_SESSION = 4  # claimed at once per delivery session, per loop (two loops): 8 per session claimed
UNRECORDED_PER_SESSION = 1  # per session: sends the next hop may hold unrecorded (the one on the wire too)
GATHER = 0.02  # seconds a woken delivery loop lets new mail gather, so one claim (one commit) takes a batch
RETENTION_EVERY = 3600.0  # seconds between two retention runs (the first one soon after start)


def load_guard(settings: GatewaySettings) -> GuardInputs:
    """Policy from the same mamori.toml, contacts and history from [guard]; one warm detector."""
    if settings.config_path is None:
        raise ValueError("no mamori.toml to read the guard's policy from")
    return load_guard_inputs(settings.config_path, settings.contacts, settings.history, detector=True)


def expiry_notice_row(
    settings: GatewaySettings, msg: hold_queue.QueuedMessage, mail_from: str, outcome: str, now: datetime | None = None
) -> NewMessage | None:
    """The notice to the envelope sender of a message that expired (``outcome`` cancel | release), or None: when
    ``notify_on_expiry`` is off, for the null sender ``<>`` or an address no header can hold, and for mamori's own
    notices and bounces (no loops)."""
    if not settings.notify_on_expiry or msg.action in GENERATED_ACTIONS or not usable_address(mail_from):
        return None  # (an address with a line separator or control character cannot be a notice's To)
    now = now or utcnow()
    data = expiry_notice(
        outcome,
        to=mail_from,
        from_addr=settings.notice_from,
        subject=msg.subject,
        received_at=msg.received_at,
        expires_at=msg.expires_at,
        recipients=list(msg.rcpt_to),
        reasons=msg.reasons,
        link=settings.confirm_link(msg.id),
        tz=settings.timezone,
    )
    return NewMessage.notice(mail_from, settings.notice_from, f"expiry notice ({outcome}) for {msg.id}", data, now)


class Gateway:
    """``Gateway(settings, db)``; ``guard`` (policy, directory, history, detector) is loaded from settings if None.

    ``tick`` is how often (seconds) the worker looks for due mail without being woken, and the expiry interval;
    ``retention_every`` how often (seconds) the retention job runs on the expiry timer; ``lease`` how long a claim
    is this gateway's before any gateway may take it over (default: ``lease_seconds``, 10 minutes).
    """

    def __init__(
        self,
        settings: GatewaySettings,
        db: Database,
        *,
        guard: Any = None,
        tick: float = 1.0,
        lease: timedelta | None = None,
        retention_every: float = RETENTION_EVERY,
    ) -> None:
        self.settings = settings
        self.db = db
        self.guard = guard
        self.tick = tick
        self.lease = lease if lease is not None else timedelta(seconds=settings.lease_seconds)
        self.instance = settings.instance or default_name(settings.listen_port)
        self._lock = InstanceLock(db, self.instance)
        self.retention_every = retention_every
        self._retained_at = float("-inf")  # time.monotonic() of the last retention run
        self.port = settings.listen_port
        self._server: asyncio.AbstractServer | None = None
        self._smtps: asyncio.AbstractServer | None = None  # [gateway] smtps_listen: the implicit-TLS listener
        self.smtps_port = settings.smtps_port
        self._auth_guard: AuthGuard | None = None  # [gateway] auth on: SMTP AUTH checks (``smtp_auth``)
        self._tasks: list[asyncio.Task[None]] = []
        self._expiry: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False
        self.next_hop = NextHop(settings)
        self._db_pool = ThreadPoolExecutor(1, thread_name_prefix="mamori-db")
        self.judge = Judge(settings, guard)
        self._send_pool = ThreadPoolExecutor(settings.delivery_concurrency, thread_name_prefix="mamori-send")
        self.spool: Spool | None = None
        self.recorder: Recorder | None = None  # delivery outcomes and lease renewals (``spool.Recorder``)
        self._sent = threading.local()  # per send thread: the ``recorded`` events of its sends not yet recorded
        self._abandon = False  # stop gave up waiting: a send thread waiting for an outcome's record stops waiting
        self._handler: Handler | None = None
        self._settings_stamp: Any = None  # mamori.toml's stamp when the live [gateway] keys were last read
        self._file_settings: GatewaySettings | None = None  # the file's own reading (no command-line overrides)
        self._posts: set[asyncio.Future[bool]] = set()  # webhook posts in flight (awaited on stop)

    async def _db(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._db_pool, fn, *args)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        await self._db(self._lock.acquire)  # InstanceError: another live gateway runs under this name
        try:
            await self.judge.start()
            back = await self._db(reset_sending, self.db, self.instance, self._lock.exclusive)
        except BaseException:
            await self._db(self._lock.release)
            raise
        if back:
            log.warning("%d message(s) were being delivered when the gateway stopped; delivering them again", back)
        self._wake = asyncio.Event()
        self.spool = Spool(self.db, self._db_pool)
        self.spool.start()
        self.recorder = Recorder(self.db, self._db_pool, self.lease, self.instance, on_extra=self._wake.set)
        self.recorder.start()
        handler = Handler(self.settings, self.spool, self.judge, self._wake.set,
                          approvals=partial(approval_rows, self.settings, self.db, self._mask_text),
                          on_stored=self._approval_webhook, instance=self.instance)
        self._handler = handler
        if self.settings.config_path is not None:  # what the file says now: later changes are compared with it
            from mamori.gateway.settings import load_gateway_settings
            from mamori.guard.reload import stamp

            with contextlib.suppress(ValueError, OSError):
                self._settings_stamp = stamp(self.settings.config_path)
                self._file_settings = load_gateway_settings(self.settings.config_path)
        if self.settings.auth != "off":  # SMTP AUTH: the logins' checks and failure counts, shared by the connections
            self._auth_guard = AuthGuard(self.db, self.settings.auth_max_failures,
                                         max_account_failures=self.settings.auth_max_account_failures)
        self._server = await loop.create_server(
            smtp_factory(self.settings, handler, self._auth_guard), self.settings.listen_host,
            self.settings.listen_port,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        if self.settings.smtps_host:  # SMTPS: TLS from the first byte, the same rules as after STARTTLS
            try:
                self._smtps = await loop.create_server(
                    smtp_factory(self.settings, handler, self._auth_guard, implicit_tls=True),
                    self.settings.smtps_host, self.settings.smtps_port, ssl=server_tls(self.settings),
                )
            except BaseException:
                self._server.close()
                raise
            self.smtps_port = self._smtps.sockets[0].getsockname()[1]
            log.info("gateway %s listening with implicit TLS on %s:%d", self.instance, self.settings.smtps_host,
                     self.smtps_port)
        # two delivery loops: one claims while the other's batch is on the wire (outcomes: the recorder)
        self._tasks = [loop.create_task(self._deliver_loop(), name=f"mamori-delivery-{i}") for i in range(2)]
        self._expiry = loop.create_task(self._expiry_loop(), name="mamori-expiry")
        log.info("gateway %s listening on %s:%d, next hop %s:%d", self.instance, self.settings.listen_host, self.port,
                 self.settings.next_hop_host, self.settings.next_hop_port)

    async def stop(self) -> None:
        """Stop accepting; finish the deliveries in progress; close everything."""
        self._stopping = True
        for server in (self._server, self._smtps):
            if server is not None:
                server.close()
        self._server = self._smtps = None
        if self._wake is not None:
            self._wake.set()
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None
        for deliver in self._tasks:
            try:
                await asyncio.wait_for(deliver, timeout=180)
            except (TimeoutError, asyncio.CancelledError):
                deliver.cancel()
            except Exception as exc:
                log.error("the delivery worker failed: %s: %s", type(exc).__name__, masked_text(str(exc)[:200]))
        self._tasks = []
        if self.recorder is not None:  # every outcome known is recorded before the instance's name is let go
            try:
                await asyncio.wait_for(self.recorder.stop(), timeout=180)
            except TimeoutError:
                log.error("%d delivery outcome(s) could not be recorded (the database is away): those messages "
                          "are delivered again after the lease", self.recorder.unrecorded)
            self._abandon = True
        if self.spool is not None:
            await self.spool.stop()
        if self._posts:  # webhook posts in flight: their own timeouts bound this
            await asyncio.gather(*self._posts, return_exceptions=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._send_pool, self.next_hop.close)
        await loop.run_in_executor(None, self.judge.stop)
        await self._db(self._lock.release)  # after the last outcome is recorded: the name is free again
        for pool in (self._send_pool, self._db_pool):
            pool.shutdown(wait=True)
        if self._auth_guard is not None:
            self._auth_guard.close()

    def _approval_webhook(self, row: dict[str, Any]) -> None:
        """Post the approval webhook (when configured) for a stored row that needs approval, from a thread."""
        if not self.settings.approval_webhook or not needs_approval(row):
            return
        body = webhook.payload(row["id"], list(row.get("reasons") or []), self.settings.confirm_link(row["id"]),
                               row.get("expires_at"))
        future = asyncio.get_running_loop().run_in_executor(None, webhook.post, self.settings.approval_webhook, body)
        self._posts.add(future)
        future.add_done_callback(self._posts.discard)

    def wake(self) -> None:
        """Look for due mail now (after a release, say)."""
        if self._wake is not None:
            self._wake.set()

    async def _sleep(self, seconds: float) -> None:
        assert self._wake is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        self._wake.clear()

    async def _deliver_loop(self) -> None:
        """Claim a batch, send it (``delivery_concurrency`` sessions), hand each message's outcome to the recorder
        as soon as it is known (``spool.Recorder``: group commit, lease renewals), claim the next batch."""
        loop = asyncio.get_running_loop()
        size = BATCH_PER_SESSION * self.settings.delivery_concurrency
        recorder = self.recorder
        assert recorder is not None and self._wake is not None
        while not self._stopping:
            # no new claims once the instance's name is no longer ours (another process took it): fail closed
            if not self._lock.held:
                await self._sleep(self.tick)
                continue
            try:
                batch = await self._db(claim, self.db, size, self.lease, self.instance)
            except Exception as exc:
                log.error("cannot read the queue: %s", type(exc).__name__)
                await self._sleep(self.tick)
                continue
            if not batch:
                await self._sleep(self.tick)
                if not self._stopping:
                    await asyncio.sleep(GATHER)
                continue
            recorder.track(batch)  # renewed by the recorder until each outcome is recorded

            async def one(c: Any, recorder: Recorder = recorder) -> None:
                recorded = threading.Event()
                try:
                    attempt = await loop.run_in_executor(self._send_pool, self._send_claimed, c, recorded)
                    if attempt is None:
                        result = Finish(c.id, "queued", "the claim was lost before sending", not_sent=True)
                    else:
                        result = outcome(c, attempt, self.settings, utcnow())
                except Exception as exc:  # a bug must not stop delivery: retry this one later
                    # the type and a masked message only: an SMTP error's text often quotes recipient addresses
                    log.error("delivery of %s failed: %s: %s", c.id, type(exc).__name__, masked_text(str(exc)[:200]))
                    retry = utcnow() + timedelta(seconds=backoff(self.settings, c.attempts))
                    result = Finish(c.id, "queued", f"internal error: {type(exc).__name__}", next_attempt_at=retry)
                result.lease_end = c.lease_end  # recorded only while the row still carries this claim (as renewed)
                recorder.put(result, recorded)  # now, not after the batch: the window for a duplicate is one commit
                if result.state != "delivered" and not result.not_sent:
                    log.warning("message %s: %s (%s)", result.id, result.state, masked_text(result.error[:200]))

            await asyncio.gather(*(one(c) for c in batch))

    def _send_claimed(self, c: Any, recorded: threading.Event) -> Any:
        """In a send thread: the attempt, or None when the claim was lost or ran out before the send started.

        The thread first waits until the outcome of its own previous send is recorded: a session never has a
        message on the wire while the 250 of its last one is still unrecorded, so at any moment at most one
        message per session (``delivery_concurrency``) can go out twice if the gateway dies."""
        sent = getattr(self._sent, "recorded", None)
        if sent is None:
            sent = self._sent.recorded = []
        sent[:] = [e for e in sent if not e.is_set()]
        while len(sent) >= UNRECORDED_PER_SESSION and not self._abandon:
            if not sent[0].wait(0.5):
                continue  # the database is away: nothing more goes out until the outcome is recorded (fail closed)
            sent.pop(0)
        sent.append(recorded)
        assert self.recorder is not None
        if self._abandon or not self.recorder.may_send(c):
            recorded.set()  # nothing goes out: nothing to wait for
            return None
        return self.next_hop.send(c.mail_from, c.rcpt_to, wire_bytes(c))

    async def _expiry_loop(self) -> None:
        while not self._stopping:
            try:
                self.reload_settings()  # a stat; the file is read only when it was replaced
            except Exception as exc:
                log.error("cannot reload the [gateway] settings: %s", type(exc).__name__)
            try:
                await self._db(self._lock.check)
            except Exception as exc:
                log.error("cannot check the instance lock: %s", type(exc).__name__)
            try:
                notice = partial(expiry_notice_row, self.settings)
                done = await self._db(hold_queue.expire_due, self.db, None, notice)
                if done:  # released mail or a notice to the sender is queued
                    self.wake()
            except Exception as exc:
                log.error("expiry failed: %s", type(exc).__name__)
            if time.monotonic() - self._retained_at >= self.retention_every:
                self._retained_at = time.monotonic()  # a failed run is tried again after the interval, too
                try:
                    await self._retention()
                except Exception as exc:
                    log.error("retention failed: %s", type(exc).__name__)
            try:
                await asyncio.sleep(self.tick)
            except asyncio.CancelledError:
                return

    def reload_settings(self) -> list[str]:
        """Take the live [gateway] keys (``settings.LIVE_KEYS``) from mamori.toml when it was replaced; the names
        changed (a file that does not load is refused and logged; keys that need a restart are logged)."""
        from dataclasses import replace

        from mamori.gateway.settings import live_changes, load_gateway_settings
        from mamori.guard.reload import stamp

        path = self.settings.config_path
        now = stamp(path)
        if path is None or now == self._settings_stamp:
            return []
        self._settings_stamp = now
        try:
            fresh = load_gateway_settings(path)
        except (ValueError, OSError) as exc:  # SettingsError is a ValueError
            log.error("the changed [gateway] settings were refused; the running ones stay: %s", str(exc)[:300])
            return []
        previous, self._file_settings = self._file_settings or fresh, fresh
        live, restart = live_changes(previous, fresh)
        if restart:
            log.warning("[gateway] %s changed: used after the next restart", ", ".join(restart))
        if live:
            self.settings = replace(self.settings, **live)
            if self._handler is not None:
                self._handler.settings = self.settings
                self._handler.approvals = partial(approval_rows, self.settings, self.db, self._mask_text)
            log.info("[gateway] %s reloaded", ", ".join(sorted(live)))
        return sorted(live)

    def _mask_text(self, text: str) -> str:
        """Free text masked with the guard's detector when this process has one, else the built-in one."""
        detector = getattr(self.judge.guard, "detector", None)
        if detector is None:
            return retention.engine_mask(text)
        from mamori.detect.mask import mask

        return mask(text, detector.detect(text)) if text.strip() else text

    async def _retention(self) -> retention.PurgeResult:
        """Delete what is past keeping, one batch per job in the store thread (intake commits run in between);
        one audit entry when something was deleted."""
        days = self.settings.retention_content_days, self.settings.retention_message_days
        cut = retention.cutoffs(utcnow(), *days)
        total = retention.PurgeResult(content_days=days[0], message_days=days[1])
        while cut.anything and not self._stopping:
            step = await self._db(retention.purge_batch, self.db, cut, retention.BATCH, self._mask_text)
            if not step.batches:
                break
            total += step
        if total.anything:
            await self._db(retention.record_run, self.db, total)
            log.info("retention: %s", total.text("en"))
        return total
