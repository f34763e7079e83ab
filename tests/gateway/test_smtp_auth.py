"""SMTP AUTH ([gateway] auth) with a real smtplib client over STARTTLS on the loopback.

The gateway allows only 127.0.0.1 without AUTH (``allowed_clients``); a client "from elsewhere" binds its socket to
127.0.0.2 (the whole 127.0.0.0/8 is the loopback on Linux).
"""

from __future__ import annotations

import base64
import logging
import smtplib
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from mamori.gateway import hold_queue, smtp_auth
from mamori.store import Database
from mamori.store.smtp_accounts import (
    SmtpAuthFailure,
    count_failure,
    create_account,
    disable_account,
    forget_failures,
)
from tests.gateway.conftest import eml, wait_for
from tests.gateway.test_paths import _certificate

OUTSIDE = "127.0.0.2"
PRINTER = "scan@branch.ours.example"
TO = ["a.suzuki@ours.example"]


@pytest.fixture
def fast_failures(monkeypatch):
    monkeypatch.setattr(smtp_auth, "FAILURE_DELAY", 0.05)


@pytest.fixture
def tls_gateway(start_gateway, tmp_path, fast_failures):
    cert, key = _certificate(tmp_path)

    def start(auth: str = "optional", extra: str = ""):
        gw = start_gateway(f'tls_cert = "{cert}"\ntls_key = "{key}"\nauth = "{auth}"\n'
                           f'allowed_clients = ["127.0.0.1"]\n{extra}')
        gw.ctx = ssl.create_default_context(cafile=str(cert))
        return gw

    return start


def _client(gw, source: str = OUTSIDE, tls: bool = True) -> smtplib.SMTP:
    try:
        c = smtplib.SMTP("127.0.0.1", gw.port, timeout=30, source_address=(source, 0))
    except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.2
        pytest.skip(f"cannot bind a client socket to {source}: {exc}")
    c.ehlo()
    if tls:
        c.starttls(context=gw.ctx)
        c.ehlo()
    return c


def _auth(c: smtplib.SMTP, mechanism: str, user: str, password: str) -> tuple[int, bytes]:
    c.user, c.password = user, password
    try:
        return c.auth(mechanism, getattr(c, f"auth_{mechanism.lower()}"))
    except smtplib.SMTPResponseException as exc:
        return exc.smtp_code, exc.smtp_error


def _rows(gw) -> list[hold_queue.QueuedMessage]:
    return hold_queue.list_messages(gw.db, limit=100)


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_a_good_login_from_anywhere_delivers_and_the_row_names_the_account(tls_gateway, sink, mechanism, caplog):
    gw = tls_gateway()
    _, password = create_account(gw.db, "printer-3f", [PRINTER])
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    data = eml(TO, subject=f"scan {mechanism}", sender=PRINTER)
    with _client(gw) as c:
        assert c.has_extn("auth") and set(c.esmtp_features["auth"].split()) == {"PLAIN", "LOGIN"}
        assert _auth(c, mechanism, "Printer-3F", password)[0] == 235  # the name is not case-sensitive
        c.sendmail(PRINTER, TO, data)
    got = wait_for(lambda: sink.received, what="the authenticated client's message")[0]
    assert got.data.endswith(data) and b" with ESMTPSA id " in got.data.split(b"\r\n\r\n")[0]
    (row,) = _rows(gw)
    assert (row.smtp_account, row.sender) == ("printer-3f", PRINTER)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"SMTP AUTH {mechanism} as printer-3f from {OUTSIDE}" in logged and password not in logged


def test_auth_is_not_offered_or_taken_before_starttls(tls_gateway):
    gw = tls_gateway()
    _, password = create_account(gw.db, "printer", [PRINTER])
    with _client(gw, tls=False) as c:
        assert not c.has_extn("auth") and c.has_extn("starttls")
        code, msg = c.docmd("AUTH", "PLAIN " + base64.b64encode(f"\0printer\0{password}".encode()).decode())
        assert (code, msg[:6]) == (538, b"5.7.11")  # encryption required, the password never looked at
        assert c.mail(PRINTER) == (530, b"5.7.0 Must issue a STARTTLS command first")
    assert _rows(gw) == []


def test_a_wrong_password_is_535_logged_without_it_and_mail_needs_auth(tls_gateway, caplog):
    gw = tls_gateway()
    create_account(gw.db, "printer", [PRINTER])
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    with _client(gw) as c:
        assert _auth(c, "PLAIN", "printer", "Not-The-Password-42") == (535, b"5.7.8 Authentication credentials invalid")
        assert _auth(c, "LOGIN", "nobody", "Also-Wrong-Password-7")[0] == 535
        assert c.mail(PRINTER) == (530, b"5.7.0 Authentication required")
        assert c.rcpt(TO[0])[0] == 503
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"SMTP AUTH failed from {OUTSIDE} for account printer (password)" in logged
    assert f"SMTP AUTH failed from {OUTSIDE} for account nobody (unknown)" in logged
    assert "Not-The-Password" not in logged and "Also-Wrong" not in logged
    assert _rows(gw) == []


def test_an_allowed_client_needs_no_auth_unless_required(tls_gateway, sink):
    gw = tls_gateway("optional")
    with _client(gw, "127.0.0.1", tls=False) as c:  # the MTA on the loopback, as before
        c.sendmail("s.nakamura@ours.example", TO, eml(TO, subject="from the mta"))
    wait_for(lambda: sink.received, what="the allowed client's message")
    assert [r.smtp_account for r in _rows(gw)] == [""]


def test_required_refuses_mail_without_auth_even_from_an_allowed_client(tls_gateway, sink):
    gw = tls_gateway("required")
    _, password = create_account(gw.db, "script", ["@ours.example"])
    with _client(gw, "127.0.0.1", tls=False) as c:
        assert c.mail("s.nakamura@ours.example") == (530, b"5.7.0 Must issue a STARTTLS command first")
    with _client(gw, "127.0.0.1") as c:
        assert c.mail("s.nakamura@ours.example") == (530, b"5.7.0 Authentication required")
        c.rset()
        assert _auth(c, "PLAIN", "script", password)[0] == 235
        c.sendmail("report@ours.example", TO, eml(TO, subject="nightly", sender="report@ours.example"))
    wait_for(lambda: sink.received, what="the script's message")
    assert [(r.smtp_account, r.sender) for r in _rows(gw)] == [("script", "report@ours.example")]


def test_mail_from_must_be_one_of_the_accounts_senders(tls_gateway, sink):
    gw = tls_gateway()
    _, password = create_account(gw.db, "printer", [PRINTER, "@scan.ours.example"])
    with _client(gw) as c:
        assert _auth(c, "PLAIN", "printer", password)[0] == 235
        for other in ("s.nakamura@ours.example", "scan@branch.ours.example.evil", "<>"):
            code, msg = c.mail(other) if other != "<>" else c.docmd("MAIL FROM:<>")
            assert (code, msg) == (553, b"5.7.1 Sender address not allowed for this account"), other
        c.sendmail("Any.Body@Scan.Ours.Example", TO, eml(TO, subject="domain sender", sender="x@scan.ours.example"))
    wait_for(lambda: sink.received, what="the domain sender's message")
    assert [r.smtp_account for r in _rows(gw)] == ["printer"]


def test_a_disabled_account_is_refused(tls_gateway, caplog):
    gw = tls_gateway()
    _, password = create_account(gw.db, "old-printer", [PRINTER])
    disable_account(gw.db, "old-printer")
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    with _client(gw) as c:
        assert _auth(c, "PLAIN", "old-printer", password)[0] == 535
        assert c.mail(PRINTER)[0] == 530
    assert "for account old-printer (disabled)" in caplog.text


def test_failures_are_limited_per_client_address(tls_gateway, caplog):
    gw = tls_gateway(extra="auth_max_failures = 3\n")
    _, password = create_account(gw.db, "printer", [PRINTER])
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    with _client(gw) as c:
        for _ in range(3):
            assert _auth(c, "PLAIN", "printer", "guess-guess-guess")[0] == 535
        # over the limit: refused before the password is looked at, even the right one
        assert _auth(c, "PLAIN", "printer", password) == (454, b"4.7.0 Too many failed authentication attempts; "
                                                                   b"try again later")
    with _client(gw) as c:  # a new connection from the same address is still limited
        assert _auth(c, "LOGIN", "printer", password)[0] == 454
    with _client(gw, "127.0.0.1") as c:  # another address is not
        assert _auth(c, "PLAIN", "printer", password)[0] == 235
    assert f"SMTP AUTH refused: too many failures from {OUTSIDE}" in caplog.text
    assert "guess-guess" not in caplog.text


def test_the_lockout_passes_after_the_window_on_each_database(database_url):
    db = Database(database_url)
    db.migrate()
    now = [datetime(2026, 12, 7, 9, 0, tzinfo=UTC)]
    guard = smtp_auth.AuthGuard(db, max_failures=2, max_account_failures=3, clock=lambda: now[0])
    try:
        guard._failed("192.0.2.1", "printer")
        now[0] += timedelta(seconds=30)
        assert guard.limited("192.0.2.1", "printer") == []
        guard._failed("192.0.2.1", "Printer")  # the address's second failure within the window: locked a minute
        assert guard.limited("192.0.2.1", "printer") == ["ip:192.0.2.1"]
        assert guard.limited("192.0.2.2", "printer") == []
        now[0] += timedelta(seconds=10)
        guard._failed("192.0.2.3", "printer")  # the account's third, from a third address: locked from anywhere
        assert guard.limited("192.0.2.2", "printer") == ["account:printer"]
        assert guard.limited("192.0.2.2", "scanner") == []
        now[0] += timedelta(seconds=49)
        assert guard.limited("192.0.2.1") == ["ip:192.0.2.1"]
        now[0] += timedelta(seconds=1)  # a minute after the lockout began: over
        assert guard.limited("192.0.2.1") == []
        assert guard.limited("192.0.2.2", "printer") == ["account:printer"]  # (until 10 s later)
        now[0] += timedelta(seconds=10)
        assert guard.limited("192.0.2.2", "printer") == []
        guard._failed("192.0.2.1", "printer")  # a new window: one failure is not a lockout
        assert guard.limited("192.0.2.1", "printer") == []
        guard._failed("2001:db8:1:2::7", "other")
        assert guard.limited("2001:db8:1:2:ffff::1") == []
        guard._failed("2001:db8:1:2::8", "other")  # one /64 is one client
        assert guard.limited("2001:db8:1:2:ffff::1") == ["ip:2001:db8:1:2::/64"]
        assert guard.limited("2001:db8:1:3::1") == []
        now[0] += timedelta(minutes=5)
        assert forget_failures(db, now[0], timedelta(seconds=smtp_auth.WINDOW)) == 5  # nothing left to keep
        assert guard.limited("192.0.2.1", "printer") == []
    finally:
        guard.close()
        db.dispose()


def test_the_failures_of_many_threads_are_all_counted(database_url):
    """Concurrent counts of one key (two gateways, many connections) all land: the upsert is atomic."""
    db = Database(database_url)
    db.migrate()
    now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    try:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: count_failure(db, "ip:192.0.2.9", now, timedelta(minutes=1), 40), range(40)))
        with db.session() as s:
            row = s.get(SmtpAuthFailure, "ip:192.0.2.9")
            assert row is not None and row.failures == 40 and row.locked_until == now + timedelta(minutes=1)
    finally:
        db.dispose()


def test_auth_off_offers_no_auth_after_starttls(start_gateway, tmp_path):
    cert, key = _certificate(tmp_path)
    gw = start_gateway(f'tls_cert = "{cert}"\ntls_key = "{key}"\nallowed_clients = ["127.0.0.1"]\n')
    gw.ctx = ssl.create_default_context(cafile=str(cert))
    create_account(gw.db, "printer", [PRINTER])
    with _client(gw, "127.0.0.1") as c:
        assert not c.has_extn("auth")
        assert c.docmd("AUTH", "PLAIN AHByaW50ZXIAeA==")[0] == 504
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=30, source_address=(OUTSIDE, 0)) as c:
        assert c.ehlo()[0] == 554  # from elsewhere: refused outright, as before AUTH existed


def test_the_password_is_checked_off_the_event_loop(tls_gateway, monkeypatch):
    gw = tls_gateway()
    _, password = create_account(gw.db, "printer", [PRINTER])
    started = threading.Event()
    real = smtp_auth.authenticate

    def slow(db, name, pw):  # a check that takes 2 s (argon2 on a busy machine, a slow store)
        started.set()
        time.sleep(2)
        return real(db, name, pw)

    monkeypatch.setattr(smtp_auth, "authenticate", slow)
    answers: list[int] = []
    with _client(gw) as c:
        login = threading.Thread(target=lambda: answers.append(_auth(c, "PLAIN", "printer", password)[0]))
        login.start()
        assert started.wait(10)
        t0 = time.monotonic()
        with _client(gw, "127.0.0.1") as other:  # another connection is served meanwhile: connect, EHLO, STARTTLS
            assert other.noop()[0] == 250
        assert time.monotonic() - t0 < 1.5
        login.join(30)
    assert answers == [235]


def test_a_store_that_cannot_be_read_is_a_temporary_failure_not_counted(tls_gateway, monkeypatch):
    gw = tls_gateway(extra="auth_max_failures = 1\n")
    _, password = create_account(gw.db, "printer", [PRINTER])

    def away(db, name, pw):
        raise ConnectionError("the store is away")

    real = smtp_auth.authenticate
    with _client(gw) as c:
        monkeypatch.setattr(smtp_auth, "authenticate", away)
        assert _auth(c, "PLAIN", "printer", password) == (454, b"4.7.0 Temporary authentication failure; "
                                                                   b"try again later")
        monkeypatch.setattr(smtp_auth, "authenticate", real)
        assert _auth(c, "PLAIN", "printer", password)[0] == 235  # (one failure would have been the limit)


def test_failure_counts_that_cannot_be_read_refuse_every_login(tls_gateway, monkeypatch, caplog):
    """Fail closed: while the lockouts cannot be read, no password is checked (a guesser gets no free tries)."""
    gw = tls_gateway()
    _, password = create_account(gw.db, "printer", [PRINTER])
    checked: list[str] = []
    real = smtp_auth.authenticate

    def counting(db, name, pw):
        checked.append(name)
        return real(db, name, pw)

    def away(db, keys, now):
        raise ConnectionError("the store is away")

    monkeypatch.setattr(smtp_auth, "authenticate", counting)
    with _client(gw) as c:
        monkeypatch.setattr(smtp_auth, "locked", away)
        assert _auth(c, "PLAIN", "printer", password) == (454, b"4.7.0 Temporary authentication failure; "
                                                                   b"try again later")
        assert checked == [] and "cannot read the failure counts: ConnectionError" in caplog.text
        monkeypatch.undo()
        assert _auth(c, "PLAIN", "printer", password)[0] == 235
