"""Two gateways on one PostgreSQL database, part by part: claims, start-up recovery, the instance lock, expiry,
retention. Each claimer or job has a Database of its own (its own connections), as two processes would."""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import func, select, text, update

from mamori.gateway import hold_queue, retention
from mamori.gateway.instance import InstanceError, InstanceLock
from mamori.gateway.service import expiry_notice_row
from mamori.gateway.settings import GatewaySettings
from mamori.gateway.spool import Finish, NewMessage, claim, finish, insert, new_id, reset_sending
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage
from tests.gateway.conftest import SENDER, eml, free_port, wait_for, write_config

LEASE = timedelta(minutes=10)


def _rows(n: int, state: str = "queued", **columns) -> list[NewMessage]:
    now = utcnow()
    return [
        NewMessage(
            {"id": new_id(), "received_at": now, "updated_at": now, "mail_from": SENDER, "rcpt_to": ["a@ours.example"],
             "sender": SENDER, "subject": f"row-{k}", "action": "allow", "state": state, **columns},
            eml(["a@ours.example"], subject=f"row-{k}"),
        )
        for k in range(n)
    ]


@pytest.fixture
def pg(postgres_url):
    dbs: list[Database] = []

    def open_db() -> Database:
        db = Database(postgres_url)
        dbs.append(db)
        return db

    open_db().migrate()
    yield open_db
    for db in dbs:
        db.dispose()


def _claim_all(db: Database, instance: str, barrier: threading.Barrier, lease: timedelta = LEASE) -> list[str]:
    """Claim in small batches until nothing is due; every round starts together with the other claimers'."""
    got: list[str] = []
    while True:
        with contextlib.suppress(threading.BrokenBarrierError):  # the others are done: go on alone
            barrier.wait(30)
        batch = claim(db, 7, lease, instance)
        got += [c.id for c in batch]
        if not batch and not _due_count(db):
            barrier.abort()
            return got


def _due_count(db: Database) -> int:
    from mamori.gateway.spool import _due

    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(MailMessage).where(_due(utcnow()))).scalar()


def test_concurrent_claimers_never_take_the_same_row(pg):
    """Queued rows, due delayed (waiting) rows and rows whose lease ran out under a dead instance: four claimers
    (two gateways' worth) started together take every row exactly once; each row names the claimer that has it.

    The expired-lease rows are the race a compare-and-set on the state alone loses: ``sending`` stays ``sending``,
    so two claimers of one expired row both matched; now the update checks again that the lease is expired."""
    db = pg()
    past = utcnow() - timedelta(minutes=1)
    rows = _rows(120) + _rows(40, "waiting", deliver_after=past)
    rows += _rows(60, "sending", claimed_by="dead-gateway", next_attempt_at=past)
    insert(db, rows)
    names = [f"gw-{k}" for k in range(4)]
    barrier = threading.Barrier(len(names))
    with ThreadPoolExecutor(len(names)) as pool:
        results = list(pool.map(lambda n: _claim_all(pg(), n, barrier), names))
    taken = [i for got in results for i in got]
    assert len(taken) == len(set(taken)), f"{len(taken) - len(set(taken))} row(s) claimed twice"
    assert set(taken) == {r.id for r in rows}
    with db.session() as s:
        owner = dict(s.execute(select(MailMessage.id, MailMessage.claimed_by)).all())
    for name, got in zip(names, results, strict=True):
        assert all(owner[i] == name for i in got)
    assert all(got for got in results), "a claimer got nothing: the claims did not run side by side"


def test_a_claim_skips_rows_another_claim_has_locked(pg):
    """SKIP LOCKED: while one gateway's claim transaction is still open, another gateway's claim takes the next rows
    at once instead of waiting for the first and then finding its rows gone."""
    from mamori.gateway.spool import _claim

    insert(pg(), _rows(20))
    first = pg()
    with first.engine.connect() as conn:
        trans = conn.begin()
        held = _claim(conn, 10, LEASE, "gw-a", utcnow())  # locked, not committed
        assert len(held) == 10
        started = time.monotonic()
        with ThreadPoolExecutor(1) as pool:
            other = pool.submit(claim, pg(), 10, LEASE, "gw-b").result(timeout=20)
        waited = time.monotonic() - started
        trans.commit()
    assert len(other) == 10 and not {c.id for c in held} & {c.id for c in other}
    assert waited < 5, f"the second claim waited {waited:.1f} s for the first"


def test_start_up_recovery_takes_back_only_its_own_rows(pg):
    """A gateway that starts again puts back its own ``sending`` rows (and unnamed ones from before claimed_by), not
    those a live gateway is delivering: that one finishes them, exactly once."""
    db = pg()
    insert(db, _rows(6))
    mine = claim(db, 3, LEASE, "gw-a")  # gw-a dies with these on the wire
    theirs = claim(db, 3, LEASE, "gw-b")  # gw-b is alive and delivering these
    legacy = _rows(1, "sending", next_attempt_at=utcnow() + LEASE)  # claimed before the migration: no name
    insert(db, legacy)
    assert reset_sending(db, "gw-a") == 4  # gw-a starts again
    with db.session() as s:
        state = dict(s.execute(select(MailMessage.id, MailMessage.state)).all())
    assert {state[c.id] for c in mine} == {"queued"} and state[legacy[0].id] == "queued"
    assert {state[c.id] for c in theirs} == {"sending"}  # before: every sending row went back: a double send
    again = claim(db, 10, LEASE, "gw-a")
    assert {c.id for c in again} == {c.id for c in mine} | {legacy[0].id}  # not gw-b's
    finish(db, [Finish(c.id, "delivered", lease_end=c.lease_end) for c in theirs], "gw-b")
    assert {hold_queue.get(db, c.id).claimed_by for c in theirs} == {"gw-b"}  # shown by `mamori queue show`
    with db.session() as s:
        assert {s.get(MailMessage, c.id).state for c in theirs} == {"delivered"}
    assert reset_sending(db, "gw-c", everything=True) == len(again)  # SQLite's single gateway: all of them


def test_an_expired_lease_is_taken_over_and_the_old_claim_records_nothing(pg):
    """A gateway whose lease ran out (stuck, or dead and not restarted) loses the row to another gateway; when the
    first one's outcome comes late it changes nothing (the lease names another claim now)."""
    db = pg()
    insert(db, _rows(2))
    old = claim(db, 2, timedelta(seconds=1), "gw-a")
    assert claim(db, 2, LEASE, "gw-b") == []  # not before the lease ends
    time.sleep(1.2)
    new = claim(db, 2, LEASE, "gw-b")
    assert {c.id for c in new} == {c.id for c in old} and all(c.attempts == 2 for c in new)
    late = [Finish(old[0].id, "queued", "421 late", next_attempt_at=utcnow(), lease_end=old[0].lease_end),
            Finish(old[1].id, "delivered", lease_end=old[1].lease_end)]
    finish(db, late, "gw-a")
    with db.session() as s:
        rows = [s.get(MailMessage, c.id) for c in new]
        assert [(r.state, r.claimed_by, r.last_error) for r in rows] == [("sending", "gw-b", "")] * 2
    finish(db, [Finish(c.id, "delivered", lease_end=c.lease_end) for c in new], "gw-b")
    with db.session() as s:
        assert {s.get(MailMessage, c.id).state for c in new} == {"delivered"}


def test_an_instance_name_is_held_by_one_live_process(pg, tmp_path):
    """Two processes under one name would take back each other's rows: the second is refused (PostgreSQL: an
    advisory lock per name; SQLite: one gateway per database file). Released at stop, and when its connection dies."""
    a = InstanceLock(pg(), "gw-a")
    a.acquire()
    with pytest.raises(InstanceError, match="gw-a"):
        InstanceLock(pg(), "gw-a").acquire()
    b = InstanceLock(pg(), "gw-b")
    b.acquire()  # another name: fine
    a.release()
    again = InstanceLock(pg(), "gw-a")
    again.acquire()
    with pg().engine.connect() as conn:  # the lock's connection dies (as with kill -9): the server frees the name
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND "
                          "pid <> pg_backend_pid()"))
    wait_for(lambda: _advisory_locks(pg()) == 0, what="the locks to go with their sessions")
    taken = InstanceLock(pg(), "gw-a")
    taken.acquire()  # someone else runs as gw-a now
    assert not again.check()  # the first one notices and stops claiming
    assert b.check()  # gw-b lost its session too, and takes its name back
    for lock in (b, again, taken):
        lock.release()
    sqlite = Database(f"sqlite:///{tmp_path / 'one.db'}")
    first = InstanceLock(sqlite, "gw-a")
    first.acquire()
    with pytest.raises(InstanceError, match="PostgreSQL"):
        InstanceLock(sqlite, "gw-b").acquire()
    first.release()
    InstanceLock(sqlite, "gw-b").acquire()
    sqlite.dispose()


def _advisory_locks(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).scalar()


def test_expiry_in_two_gateways_fires_once(pg):
    """Both gateways run the expiry timer: each held message is released (or cancelled) once, with one audit
    entry and one notice to its sender."""
    db = pg()
    past = utcnow() - timedelta(minutes=1)
    rows = _rows(40, "held", expires_at=past, expire_action="release") + _rows(40, "held", expires_at=past)
    insert(db, rows)
    notice = partial(expiry_notice_row, GatewaySettings(notice_from="mamori@ours.example"))
    barrier = threading.Barrier(2)

    def run(expiry_db: Database) -> list[str]:
        barrier.wait(30)
        return [m.id for m in hold_queue.expire_due(expiry_db, None, notice)]

    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(run, [pg(), pg()]))
    expired = done[0] + done[1]
    assert sorted(expired) == sorted(r.id for r in rows)
    with db.session() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action.like("expire_%")))
        notices = list(s.scalars(select(MailMessage.subject).where(MailMessage.action == "notice")))
        states = dict(s.execute(select(MailMessage.state, func.count()).where(MailMessage.action == "allow")
                                .group_by(MailMessage.state)).all())
    assert audits == len(rows)
    assert sorted(notices) == sorted({n for n in notices}) and len(notices) == len(rows)
    assert states == {"queued": 40, "cancelled": 40}


def test_retention_in_two_gateways_deletes_each_row_once(pg):
    db = pg()
    rows = _rows(60, "delivered")
    insert(db, rows)
    with db.engine.begin() as conn:
        conn.execute(update(MailMessage).values(updated_at=utcnow() - timedelta(days=40)))
    barrier = threading.Barrier(2)

    def run(job_db: Database) -> retention.PurgeResult:
        barrier.wait(30)
        return retention.purge(job_db, utcnow(), content_days=30, batch=7, mask_text=lambda t: "■")

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(run, [pg(), pg()])
    assert a.contents + b.contents == len(rows) and a.redacted + b.redacted == len(rows)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(MailContent)) == 0


def test_upgrade_from_mail_0003_keeps_a_sending_row_recoverable(database_url):
    """A row left ``sending`` by the single gateway before the upgrade has no instance name: the first gateway
    that starts after it takes it back."""
    db = Database(database_url)
    db.migrate("mail@mail_0003")
    now = utcnow()
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mail_messages (id, received_at, updated_at, mail_from, rcpt_to, sender, sender_name,"
                " header_from, subject, message_id, size, action, reasons, groups, recipients, attachments, preview,"
                " state, release_mode, expire_action, bcc, attempts, next_attempt_at, last_error, decided_by)"
                " VALUES ('old', :now, :now, :s, '[]', :s, '', :s, '', '', 0, 'allow', '[]', '[]', '[]', '[]', '',"
                " 'sending', 'self', 'cancel', false, 1, :lease, '', '')"
            ),
            {"now": now, "s": SENDER, "lease": now + LEASE},
        )
    db.migrate()
    with db.session() as s:
        assert s.get(MailMessage, "old").claimed_by == ""
    assert reset_sending(db, "gw-new") == 1
    db.dispose()


def test_instance_settings(tmp_path):
    from mamori.gateway.instance import default_name
    from mamori.gateway.settings import SettingsError, load_gateway_settings

    path = write_config(tmp_path, free_port(), free_port(), 'instance = "gw-a.tokyo"\nlease_seconds = 30\n')
    s = load_gateway_settings(path)
    assert (s.instance, s.lease_seconds) == ("gw-a.tokyo", 30.0)
    assert default_name(10025).endswith(":10025")
    for bad in ('instance = "two words"', 'instance = "-x"', "lease_seconds = 1"):
        with pytest.raises(SettingsError, match=bad.split()[0]):
            load_gateway_settings(write_config(tmp_path, free_port(), free_port(), bad + "\n"))
