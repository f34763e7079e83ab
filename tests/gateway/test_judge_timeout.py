"""A message the guard does not judge in time (``judge_timeout_seconds``) is held unread (``guard_error``), never
passed and never left hanging the SMTP session; worker processes stuck on it are replaced. In a thread (the tests'
gateway: a judgment that sleeps) and with a real worker process (a limit no judgment can meet)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import mamori.gateway.judging as judging
from mamori.gateway import hold_queue
from mamori.gateway.judging import Judge
from mamori.gateway.settings import load_gateway_settings
from mamori.store import Database
from tests.gateway.conftest import eml, free_port, wait_for, write_config

EXTERNAL = "t.sato@alpha.example"


def test_a_judgment_past_its_time_is_held_unread_and_answered_at_once(start_gateway, sink, monkeypatch) -> None:
    real = judging.judge_with

    def slow(guard, raw, rcpt_tos, mail_from=""):  # type: ignore[no-untyped-def]
        if b"Subject: slow" in raw:
            time.sleep(4)
        return real(guard, raw, rcpt_tos, mail_from)

    monkeypatch.setattr(judging, "judge_with", slow)
    gw = start_gateway(judge_timeout_seconds=1.0)
    started = time.monotonic()
    gw.send(eml([EXTERNAL], subject="slow"), [EXTERNAL])
    assert time.monotonic() - started < 3.5  # answered after the limit, not after the judgment
    (held,) = wait_for(lambda: hold_queue.list_messages(gw.db, states=("held",)), what="held")
    assert held.reasons[0]["code"] == "guard_error" and "longer than 1 s" in held.reasons[0]["evidence"][0]
    assert held.subject == "slow" and held.header_from == "s.nakamura@ours.example"  # described from its header
    time.sleep(3.5)  # the stuck judgment ends; the next message is judged as usual
    gw.send(eml(["boss@ours.example"], subject="fine"), ["boss@ours.example"])
    wait_for(lambda: [m for m in sink.received if "boss@ours.example" in m.rcpt_tos], what="the next one delivered")
    assert not [m for m in sink.received if EXTERNAL in m.rcpt_tos]


def test_a_stuck_worker_process_is_replaced(tmp_path) -> None:
    settings = replace(load_gateway_settings(write_config(tmp_path, free_port(), free_port())), judge_workers=1)
    db = Database(settings.store_url)
    db.migrate()  # (the worker reads the sending history from the store)
    db.dispose()

    async def run() -> None:
        judge = Judge(replace(settings, judge_timeout_seconds=0.001), None)  # no judgment fits in a millisecond
        await judge.start()
        try:
            first = judge._procs
            old = list(first._processes.values())
            judged, columns = await judge(eml([EXTERNAL], subject="cut"), [EXTERNAL], "s.nakamura@ours.example")
            assert judged.verdict is None and judged.error_code == "guard_error" and columns["subject"] == "cut"
            assert judge._procs is not first
            for _ in range(100):
                if not any(p.is_alive() for p in old):
                    break
                await asyncio.sleep(0.1)
            assert not any(p.is_alive() for p in old), "the stuck worker was not terminated"
            judge.settings = replace(settings, judge_timeout_seconds=120)
            judged, _ = await judge(eml([EXTERNAL], subject="ok"), [EXTERNAL], "s.nakamura@ours.example")
            assert judged.verdict is not None and judged.verdict.action == "confirm"  # the new worker judges
        finally:
            judge.stop()

    asyncio.run(run())
