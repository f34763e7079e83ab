"""Two `mamori gateway` processes on one PostgreSQL enforce one SMTP AUTH limit: failures on either count for both.

Real processes, a real PostgreSQL (tests/postgres.py), real smtplib clients over STARTTLS on the loopback (a client
"from elsewhere" binds to 127.0.0.2-4); gateway B also listens with implicit TLS (``smtps_listen``), taken by
``smtplib.SMTP_SSL``. Each failure is answered after one second (``FAILURE_DELAY``, not shortened in a process).
"""

from __future__ import annotations

import contextlib
import signal
import smtplib
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.store.smtp_accounts import SmtpAuthFailure, create_account
from tests.gateway.conftest import eml, free_port, wait_for, write_config
from tests.gateway.test_durability import _start_gateway_process
from tests.gateway.test_paths import _certificate

PRINTER = "scan@branch.ours.example"
TO = ["a.suzuki@ours.example"]
LIMITED = (454, b"4.7.0 Too many failed authentication attempts; try again later")


def _client(port: int, source: str, ctx: ssl.SSLContext) -> smtplib.SMTP:
    try:
        c = smtplib.SMTP("127.0.0.1", port, timeout=30, source_address=(source, 0))
    except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.2
        pytest.skip(f"cannot bind a client socket to {source}: {exc}")
    c.ehlo()
    c.starttls(context=ctx)
    c.ehlo()
    return c


def _login(c: smtplib.SMTP, user: str, password: str) -> tuple[int, bytes]:
    """One AUTH PLAIN (``SMTP.login`` would try LOGIN after a refused PLAIN: two failures)."""
    c.user, c.password = user, password
    try:
        return c.auth("PLAIN", c.auth_plain)
    except smtplib.SMTPResponseException as exc:
        return exc.smtp_code, exc.smtp_error


@contextlib.contextmanager
def _gateways(tmp_path: Path, url: str, sink_port: int) -> Iterator[dict[str, tuple[int, int]]]:
    cert, key = _certificate(tmp_path)
    ports: dict[str, tuple[int, int]] = {}
    procs = []
    try:
        for name in ("a", "b"):
            folder = tmp_path / name
            folder.mkdir()
            port, smtps = free_port(), free_port()
            extra = (f'instance = "gw-{name}"\ntls_cert = "{cert}"\ntls_key = "{key}"\nauth = "optional"\n'
                     f'allowed_clients = ["127.0.0.1"]\nauth_max_failures = 3\nauth_max_account_failures = 5\n'
                     + (f'smtps_listen = "127.0.0.1:{smtps}"\n' if name == "b" else ""))
            config = write_config(folder, port, sink_port, extra, store_url=url)
            procs.append(_start_gateway_process(config, tmp_path / "gateways.log"))
            ports[name] = (port, smtps if name == "b" else 0)
        yield ports
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(60)
            finally:
                if proc.poll() is None:
                    proc.kill()


def test_failures_on_either_gateway_count_for_both(postgres_url, tmp_path):
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    db = Database(postgres_url)
    try:
        with _gateways(tmp_path, postgres_url, sink.port) as ports:
            ctx = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))  # (made by _gateways)
            _, password = create_account(db, "printer", [PRINTER])
            _, other_password = create_account(db, "scanner", ["@ours.example"])
            (a, _), (b, b_smtps) = ports["a"], ports["b"]
            # client 127.0.0.2: two failures on A, one on B = the limit of 3 per address
            with _client(a, "127.0.0.2", ctx) as c:
                assert _login(c, "printer", "guess-one")[0] == 535
                assert _login(c, "printer", "guess-two")[0] == 535
            with _client(b, "127.0.0.2", ctx) as c:
                assert _login(c, "printer", "guess-three")[0] == 535
                assert _login(c, "printer", password) == LIMITED  # even the right password, on B
            with _client(a, "127.0.0.2", ctx) as c:
                assert _login(c, "printer", password) == LIMITED  # and on A
            # the account: two more failures from 127.0.0.3 on B = 5 for "printer" from anywhere
            with _client(b, "127.0.0.3", ctx) as c:
                assert _login(c, "printer", "guess-four")[0] == 535
                assert _login(c, "printer", "guess-five")[0] == 535
            with _client(a, "127.0.0.4", ctx) as c:  # a fresh address: the account is locked on A too
                assert _login(c, "printer", password) == LIMITED
                assert _login(c, "scanner", other_password)[0] == 235  # another account is not
                c.sendmail("s.nakamura@ours.example", TO, eml(TO, subject="from the scanner"))
            with smtplib.SMTP_SSL("127.0.0.1", b_smtps, timeout=30, context=ctx,
                                  source_address=("127.0.0.4", 0)) as c:  # B's SMTPS listener: the same limit
                c.ehlo()
                assert c.has_extn("auth") and not c.has_extn("starttls")
                assert _login(c, "printer", password) == LIMITED
            wait_for(lambda: sink.received, what="the scanner's message")
            with db.session() as s:
                rows = dict(s.execute(select(SmtpAuthFailure.key, SmtpAuthFailure.failures)).all())
            assert rows == {"ip:127.0.0.2": 3, "ip:127.0.0.3": 2, "account:printer": 5}
    finally:
        sink.stop_in_thread()
        db.dispose()
