"""Two `mamori gateway` processes on one PostgreSQL, one killed with kill -9 under load: nothing lost, nothing sent
twice by the gateways, holds decided anywhere, expiries once."""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import re
import signal
import smtplib
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from mamori.gateway import hold_queue
from mamori.gateway.service import UNRECORDED_PER_SESSION
from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.mail import MailMessage
from tests.gateway.conftest import SENDER, eml, free_port, wait_for, write_config
from tests.gateway.test_durability import _start_gateway_process

LOAD = int(os.environ.get("MAMORI_TWO_GATEWAYS_LOAD", "400"))
KILL_AT = LOAD // 3  # acknowledged messages before gateway A is killed
OPEN_LIST = [f"user{k}@cust{k % 3}.example" for k in range(6)]  # held: an open recipient list
ALLOW = ["a.suzuki@ours.example"]  # internal: passes
DELAY = ["t.sato@alpha.example"]  # external: confirm, which delay mode sends after delay_minutes
EXTRA = """instance = "{name}"
lease_seconds = 5
confirm_mode = "delay"
delay_minutes = 0.05
hold_expiry_hours = 0.005
expire_action = "release"
"""


def _kind(i: int) -> str:
    """Every tenth is held: of those, a quarter released at once, a quarter cancelled at once, half left to expire
    (released by the expiry, with a notice); every tenth+5 is delayed; the rest pass."""
    if i % 10 == 0:
        return {0: "release", 10: "expire", 20: "cancel", 30: "expire"}[i % 40]
    return "delay" if i % 10 == 5 else "allow"


def _rcpts(i: int) -> list[str]:
    kind = _kind(i)
    return DELAY if kind == "delay" else ALLOW if kind == "allow" else OPEN_LIST


def _header(data: bytes, name: str) -> str:
    return str(email.message_from_bytes(data, policy=email.policy.default).get(name, ""))


class Gateways:
    """Gateway processes A and B with their configs; ``start``/``kill``/``stop`` by name."""

    def __init__(self, tmp_path: Path, url: str, sink_port: int) -> None:
        self.configs: dict[str, Path] = {}
        self.ports: dict[str, int] = {}
        self.procs: dict[str, subprocess.Popen] = {}
        self.log = tmp_path / "gateways.log"
        for name in ("a", "b"):
            folder = tmp_path / name
            folder.mkdir()
            port = free_port()
            path = write_config(folder, port, sink_port, EXTRA.format(name=f"gw-{name}"), store_url=url)
            path.write_text(path.read_text().replace('hostname = "mamori.test"', f'hostname = "gw-{name}.test"'))
            self.configs[name], self.ports[name] = path, port

    def start(self, name: str) -> None:
        self.procs[name] = _start_gateway_process(self.configs[name], self.log)

    def kill(self, name: str) -> None:
        os.kill(self.procs[name].pid, signal.SIGKILL)
        self.procs[name].wait(30)

    def stop(self, name: str) -> int:
        proc = self.procs[name]
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                return proc.wait(90)
            finally:
                if proc.poll() is None:
                    proc.kill()
        return proc.returncode


def test_two_gateways_one_killed_under_load(postgres_url, tmp_path):
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.delay = 0.25  # a slow next hop: a backlog builds, so B is delivering while A starts again
    sink.start_in_thread()
    db = Database(postgres_url)
    db.migrate()
    gws = Gateways(tmp_path, postgres_url, sink.port)
    lock = threading.Lock()
    acked: dict[str, int] = {}  # Message-ID of the attempt the gateway answered 250 -> message number
    unacked: set[str] = set()  # attempts that got no 250 (the MTA sends those again, with a new attempt here)
    killed_at: list[float] = []
    decided: dict[str, str] = {}  # Message-ID -> release | cancel (made right after the 250, while the load runs)
    restarted = threading.Event()

    def decide(mid: str, i: int) -> None:
        row_id = _row_id(db, mid)  # committed before the 250
        if _kind(i) == "release":
            hold_queue.release(db, row_id, SENDER)
        else:
            hold_queue.cancel(db, row_id, "admin@ours.example", "test")
        decided[mid] = _kind(i)

    def restart_a() -> None:
        time.sleep(1.0)  # while B carries the load (and is delivering): A's recovery must leave B's rows alone
        gws.start("a")
        restarted.set()

    def client(items: list[int]) -> None:
        conns: dict[str, smtplib.SMTP] = {}
        for i in items:
            first = "ab"[i % 2]
            for attempt in range(40):
                name = first if attempt % 2 == 0 else {"a": "b", "b": "a"}[first]  # fail over to the other one
                mid = f"load-{i}.{attempt}@ours.example"
                data = re.sub(rb"Message-ID: <[^>]*>", f"Message-ID: <{mid}>".encode(),
                              eml(_rcpts(i), subject=f"load-{i}"))
                try:
                    if name not in conns:
                        conns[name] = smtplib.SMTP("127.0.0.1", gws.ports[name], timeout=30)
                    conns[name].sendmail(SENDER, _rcpts(i), data)
                except (OSError, smtplib.SMTPException):
                    conns.pop(name, None)
                    with lock:
                        unacked.add(mid)
                    time.sleep(0.05)
                    continue
                with lock:
                    acked[mid] = i
                    if len(acked) == KILL_AT and not killed_at:
                        gws.kill("a")  # no goodbye: mid-load, between two of its acknowledgements
                        killed_at.append(time.time())
                        threading.Thread(target=restart_a, daemon=True).start()
                if _kind(i) in ("release", "cancel"):
                    decide(mid, i)
                break
            else:
                raise AssertionError(f"load-{i} was never acknowledged")
        for c in conns.values():
            with contextlib.suppress(OSError, smtplib.SMTPException):
                c.quit()

    started = time.monotonic()
    try:
        gws.start("a")
        gws.start("b")
        threads = [threading.Thread(target=client, args=(list(range(LOAD))[k::4],)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        assert killed_at, "the load ended before the kill"
        assert restarted.wait(120), "gateway A did not start again"
        load_time = time.monotonic() - started

        def settled() -> bool:
            counts = hold_queue.count_by_state(db, generated=True)
            return not any(counts.get(s, 0) for s in ("queued", "sending", "waiting", "held"))

        wait_for(settled, timeout=180, what="every message to be delivered, decided or expired")

        # a hold taken by A, decided while A is down: B delivers it (the queue is one queue)
        _send(gws.ports["a"], "late-held", OPEN_LIST)
        late = wait_for(lambda: hold_queue.list_messages(db, states=("held",)), what="the late hold")[0]
        assert gws.stop("a") == 0
        hold_queue.release(db, late.id, SENDER)
        wait_for(lambda: [r for r in sink.received if _header(r.data, "Subject") == "late-held"],
                 what="the late hold delivered by B")

        copies: dict[str, list] = {}
        for r in sink.received:
            copies.setdefault(_header(r.data, "Message-ID").strip("<>"), []).append(r)
        kill = killed_at[0]
        delivered = {mid for mid in copies}
        should = {mid for mid, i in acked.items() if _kind(i) != "cancel"}
        lost = sorted(should - delivered)
        assert not lost, f"acknowledged but never delivered: {lost[:10]}"
        cancelled = {mid for mid, i in acked.items() if _kind(i) == "cancel"}
        assert not cancelled & delivered, "a cancelled message went out"

        def twice(mid: str) -> bool:
            return len(copies.get(mid, [])) > 1

        in_flight = []  # the only duplicate a kill -9 can make: A handed it to the sink, died before recording it
        for mid in [m for m in copies if twice(m)]:
            got = copies[mid]
            # (stored by the sink up to 1 s after the kill: A had sent it, the sink was still writing or waiting;
            # A cannot deliver again that soon: it starts again after 1 s, and starting takes seconds more)
            before = [r for r in got if r.helo == "gw-a.test" and r.at <= kill + 1.0]
            assert len(got) == 2 and len(before) == 1, (
                f"{mid} delivered {len(got)} times: {[(r.helo, round(r.at - kill, 2)) for r in got]}")
            in_flight.append(mid)
        # each outcome is committed before its session sends again (``spool.Recorder``): at the kill, each of A's
        # sessions had at most one message the sink had taken and A had not recorded
        settings = load_gateway_settings(gws.configs["a"])
        assert len(in_flight) <= UNRECORDED_PER_SESSION * settings.delivery_concurrency
        assert {r.helo for r in sink.received} == {"gw-a.test", "gw-b.test"}  # both delivered
        assert any(r.helo == "gw-a.test" and r.at > kill for r in sink.received)  # A again after its restart

        # each expiry fired once: one audit entry, one notice row (delivered once: the Message-ID check above)
        expired = {_row_id(db, mid) for mid, i in acked.items() if _kind(i) == "expire"}
        with db.session() as s:
            per_target = Counter(s.scalars(select(AuditEntry.target).where(AuditEntry.action == "expire_release")))
            notices = Counter(s.scalars(select(MailMessage.subject)
                                        .where(MailMessage.subject.like("expiry notice (release) for %"))))
            states = {s.get(MailMessage, i).state for i in expired}
        assert len(expired) == LOAD // 20 and states == {"delivered"}
        assert all(per_target[f"mail:{i}"] == 1 for i in expired) and max(per_target.values()) == 1
        assert all(notices[f"expiry notice (release) for {i}"] == 1 for i in expired) and max(notices.values()) == 1
        in_sink = {mid for mid, got in copies.items()
                   if "Sent without confirmation" in _header(got[0].data, "Subject")}
        assert len(in_sink) == sum(notices.values())
        assert decided and {k for k in decided.values()} == {"release", "cancel"}
        print(f"\n{LOAD} messages in {load_time:.1f} s; acknowledged {len(acked)} attempts, {len(unacked)} not "
              f"(sent again); A killed after {KILL_AT}; delivered twice (in flight in A at the kill): "
              f"{len(in_flight)}; by A {sum(r.helo == 'gw-a.test' for r in sink.received)}, "
              f"by B {sum(r.helo == 'gw-b.test' for r in sink.received)}")
    finally:
        for name in ("a", "b"):
            if name in gws.procs:
                gws.stop(name)
        sink.stop_in_thread()
        db.dispose()
    assert gws.procs["b"].returncode == 0  # graceful stop on SIGTERM


def _row_id(db: Database, mid: str) -> str:
    with db.session() as s:
        found = s.scalar(select(MailMessage.id).where(MailMessage.message_id == f"<{mid}>"))
    assert found, mid
    return found


def _send(port: int, subject: str, rcpts: list[str]) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as c:
        c.sendmail(SENDER, rcpts, eml(rcpts, subject=subject))
