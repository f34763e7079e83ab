"""A local SMTP sink: accepts every message and stores its bytes unchanged in a Maildir folder.

For ``mamori serve`` without a real MTA (the delivered mail can be read in ``maildir/new``) and as the next hop in
the gateway's tests. Each message is one file, written to ``tmp/``, fsync'd and renamed to ``new/`` before the
sink answers 250. The envelope goes into a sidecar ``.envelope`` JSON file next to it (in ``envelopes/``) and into
``received`` (in memory). For tests, ``reply`` (e.g. ``"451 4.3.0 try later"``) makes it refuse every DATA, and
``refuse`` maps a recipient to the reply to its RCPT, ``delay`` (seconds) makes it answer each stored message that
much later (a slow next hop).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    mail_options: tuple[str, ...]
    path: Path
    at: float = 0.0  # time.time() when stored
    helo: str = ""  # the name the client gave in EHLO/HELO (which gateway delivered it, in tests)


class _Handler:
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        refusal = self.sink.refuse.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.sink.reply:
            return self.sink.reply
        data: bytes = envelope.original_content
        path = await asyncio.get_running_loop().run_in_executor(
            None, self.sink.write, data, envelope.mail_from or "", list(envelope.rcpt_tos)
        )
        self.sink.received.append(
            Received(
                envelope.mail_from or "",
                tuple(envelope.rcpt_tos),
                data,
                tuple(envelope.mail_options),
                path,
                time.time(),
                session.host_name or "",
            )
        )
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        return "250 2.0.0 Ok: stored"


class Sink:
    """``Sink(host, port, maildir)``; ``await start()`` / ``await stop()`` in the running loop.

    ``start_in_thread()`` / ``stop_in_thread()`` run it on a loop of its own (handy in synchronous tests).
    """

    def __init__(self, host: str, port: int, maildir: str | Path, tls_context: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.tls_context = tls_context  # offer STARTTLS with this context
        self.port = port
        self.maildir = Path(maildir)
        self.received: list[Received] = []
        self.reply = ""
        self.delay = 0.0  # seconds between storing a message and answering 250 (tests: a slow next hop)
        self.refuse: dict[str, str] = {}  # recipient -> reply to its RCPT (tests)
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._count = 0
        self._lock = threading.Lock()
        for sub in ("tmp", "new", "cur", "envelopes"):
            (self.maildir / sub).mkdir(parents=True, exist_ok=True)

    def write(self, data: bytes, mail_from: str, rcpt_tos: list[str]) -> Path:
        with self._lock:
            self._count += 1
            name = f"{time.time_ns()}.P{os.getpid()}Q{self._count}.{socket.gethostname()}"
        tmp = self.maildir / "tmp" / name
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        env = self.maildir / "envelopes" / (name + ".json")
        env.write_text(json.dumps({"mail_from": mail_from, "rcpt_to": rcpt_tos}), encoding="utf-8")
        final = self.maildir / "new" / name
        os.rename(tmp, final)
        return final

    def messages(self) -> list[tuple[dict[str, Any], bytes]]:
        """Everything in ``new/`` (oldest first) with its envelope: read from disk, so it survives restarts."""
        out = []
        for p in sorted((self.maildir / "new").iterdir()):
            env_path = self.maildir / "envelopes" / (p.name + ".json")
            env = json.loads(env_path.read_text(encoding="utf-8")) if env_path.exists() else {}
            out.append((env, p.read_bytes()))
        return out

    def _factory(self) -> SMTP:
        return SMTP(
            _Handler(self),
            data_size_limit=None,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname="mamori-sink",
            tls_context=self.tls_context,
            loop=asyncio.get_running_loop(),
        )

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._factory, self.host, self.port)
        if self.port == 0:
            self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def start_in_thread(self) -> None:
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.start())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]  # sessions still open
            for t in pending:
                t.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

        self._thread = threading.Thread(target=run, name="mamori-sink", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            raise failure[0]

    def stop_in_thread(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(30)
            self._thread = None
