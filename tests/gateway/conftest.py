"""A small world for the gateway tests: a mamori.toml, a sink as the next hop, a gateway running in a thread."""

from __future__ import annotations

import asyncio
import json
import re
import smtplib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mamori.gateway.service import Gateway
from mamori.gateway.settings import GatewaySettings, load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from tests.loopback import free_port

SENDER = "s.nakamura@ours.example"
CONTACTS = """name,kana,email,organization
佐藤 太郎,サトウ タロウ,t.sato@alpha.example,株式会社アルファ
山田 次郎,ヤマダ ジロウ,j.yamada@gamma.example,株式会社ガンマ
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社
"""
HISTORY = [{"date": "2026-01-01", "from": SENDER, "to": ["t.sato@alpha.example", "j.yamada@gamma.example"]}]


# the one Received: line the gateway puts in front of what it delivers (``mamori.gateway.trace``)
TRACE = re.compile(
    rb"Received: from [^\r\n]+ \(\[[0-9A-Fa-f.:IPv]+\]\)\r\n"
    rb"\tby [^\r\n]+ \(mamori [^()\r\n]+\) with E?SMTPS?A? id [0-9a-f]+;\r\n"
    rb"\t[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\r\n"
)


def without_trace(delivered: bytes) -> bytes:
    """The delivered bytes without the gateway's Received: line in front (which must be there, exactly once)."""
    m = TRACE.match(delivered)
    assert m is not None, f"no gateway Received: line in front: {delivered[:300]!r}"
    assert TRACE.match(delivered, m.end()) is None, "two gateway Received: lines"
    return delivered[m.end():]


def write_config(
    folder: Path, gateway_port: int, next_hop_port: int, extra: str = "", store_url: str = "", judge_workers: int = 0
) -> Path:
    """judge_workers 0: the guard in a thread (quick to start); the kill -9 test runs the default processes."""
    (folder / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (folder / "history.jsonl").write_text("".join(json.dumps(h) + "\n" for h in HISTORY), encoding="utf-8")
    store = f'url = "{store_url}"\n' if store_url else 'data_dir = "var"\n'
    text = f"""[organization]
name = "株式会社自社"
internal_domains = ["ours.example"]

[blocked]
recipients = ["*@rival.example"]

[guard]
contacts = "contacts.csv"
history = "history.jsonl"

[store]
{store}
[web]
base_url = "https://mamori.ours.example"

[gateway]
listen = "127.0.0.1:{gateway_port}"
next_hop = "127.0.0.1:{next_hop_port}"
hostname = "mamori.test"
max_message_size = 1000000
notice_from = "mamori@ours.example"
retry_seconds = [1, 2, 3]
judge_workers = {judge_workers}
{extra}
"""
    path = folder / "mamori.toml"
    path.write_text(text, encoding="utf-8")
    return path


def eml(
    to: list[str],
    cc: list[str] | None = None,
    subject: str = "ご連絡",
    body: str = "いつもお世話になっております。\r\n資料をお送りします。\r\n",
    sender: str = SENDER,
    extra_headers: str = "",
) -> bytes:
    head = f"From: 中村 三郎 <{sender}>\r\nTo: {', '.join(to)}\r\n"
    if cc:
        head += f"Cc: {', '.join(cc)}\r\n"
    head += (
        f"Subject: {subject}\r\nMessage-ID: <{time.time_ns()}@ours.example>\r\n"
        "Date: Fri, 27 Nov 2026 09:00:00 +0900\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
    )
    return (extra_headers + head + "\r\n" + body).encode("utf-8")


class RunningGateway:
    """A Gateway in a thread with its own event loop (the tests talk to it with blocking smtplib)."""

    def __init__(self, settings: GatewaySettings, db: Database, tick: float = 0.2) -> None:
        self.settings = settings
        self.db = db
        self.gateway = Gateway(settings, db, tick=tick)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.gateway.start(), self.loop).result(120)

    @property
    def port(self) -> int:
        return self.gateway.port

    def wake(self) -> None:
        self.loop.call_soon_threadsafe(self.gateway.wake)

    def stop(self) -> None:
        if not self.thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self.gateway.stop(), self.loop).result(200)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)

    def send(self, data: bytes, rcpts: list[str], mail_from: str = SENDER, **kw: Any) -> dict:
        with smtplib.SMTP("127.0.0.1", self.port, timeout=60) as c:
            return c.sendmail(mail_from, rcpts, data, **kw)


@pytest.fixture
def config(tmp_path: Path, sink: Sink) -> Callable[..., Path]:
    def make(extra: str = "", store_url: str = "") -> Path:
        return write_config(tmp_path, free_port(), sink.port, extra, store_url)

    return make


@pytest.fixture
def start_gateway(config: Callable[..., Path]) -> Iterator[Callable[..., RunningGateway]]:
    running: list[RunningGateway] = []

    def start(extra: str = "", store_url: str = "", **overrides: Any) -> RunningGateway:
        settings = load_gateway_settings(config(extra, store_url))
        if overrides:
            settings = replace(settings, **overrides)
        db = Database(settings.store_url)
        db.migrate()
        gw = RunningGateway(settings, db)
        running.append(gw)
        return gw

    yield start
    for gw in running:
        gw.stop()
        gw.db.dispose()


def wait_for(pred: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = pred()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
