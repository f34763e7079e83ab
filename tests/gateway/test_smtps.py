"""Implicit TLS ([gateway] smtps_listen, SMTPS on port 465 in production) with a real ``smtplib.SMTP_SSL`` client.

The certificate is made by the test (openssl, as in test_paths); the listener is on a free loopback port. The
plain listener keeps working beside it; a client from elsewhere binds to 127.0.0.2.
"""

from __future__ import annotations

import smtplib
import socket
import ssl

import pytest

from mamori.gateway import hold_queue, smtp_auth
from mamori.gateway.settings import SettingsError, load_gateway_settings
from mamori.store.smtp_accounts import create_account
from tests.gateway.conftest import eml, free_port, wait_for, write_config
from tests.gateway.test_paths import _certificate

PRINTER = "scan@branch.ours.example"
TO = ["a.suzuki@ours.example"]


@pytest.fixture
def smtps_gateway(start_gateway, tmp_path, monkeypatch):
    monkeypatch.setattr(smtp_auth, "FAILURE_DELAY", 0.05)
    cert, key = _certificate(tmp_path)

    def start(auth: str = "optional", extra: str = ""):
        gw = start_gateway(f'tls_cert = "{cert}"\ntls_key = "{key}"\nauth = "{auth}"\n'
                           f'allowed_clients = ["127.0.0.1"]\nsmtps_listen = "127.0.0.1:{free_port()}"\n{extra}')
        gw.ctx = ssl.create_default_context(cafile=str(cert))
        gw.smtps = gw.gateway.smtps_port
        return gw

    return start


def _ssl_client(gw, source: str = "127.0.0.2") -> smtplib.SMTP_SSL:
    try:
        c = smtplib.SMTP_SSL("127.0.0.1", gw.smtps, timeout=30, context=gw.ctx, source_address=(source, 0))
    except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.2
        pytest.skip(f"cannot bind a client socket to {source}: {exc}")
    c.ehlo()
    return c


def _auth(c: smtplib.SMTP, user: str, password: str) -> tuple[int, bytes]:
    c.user, c.password = user, password
    try:
        return c.auth("PLAIN", c.auth_plain)
    except smtplib.SMTPResponseException as exc:
        return exc.smtp_code, exc.smtp_error


def test_auth_and_mail_over_implicit_tls(smtps_gateway, sink):
    gw = smtps_gateway(extra="require_tls = true\n")
    _, password = create_account(gw.db, "printer", [PRINTER])
    data = eml(TO, subject="scan over smtps", sender=PRINTER)
    with _ssl_client(gw) as c:
        assert isinstance(c.sock, ssl.SSLSocket) and c.sock.version() in ("TLSv1.2", "TLSv1.3")
        assert c.has_extn("auth") and not c.has_extn("starttls")  # already encrypted: nothing to start
        assert c.mail(PRINTER) == (530, b"5.7.0 Authentication required")  # from elsewhere: AUTH first
        c.rset()
        assert _auth(c, "printer", password)[0] == 235
        c.sendmail(PRINTER, TO, data)
    got = wait_for(lambda: sink.received, what="the message sent over SMTPS")[0]
    assert got.data.endswith(data) and b" with ESMTPSA id " in got.data.split(b"\r\n\r\n")[0]
    assert [r.smtp_account for r in hold_queue.list_messages(gw.db, limit=10)] == ["printer"]


def test_an_allowed_client_on_smtps_needs_no_auth_and_the_plain_listener_still_works(smtps_gateway, sink):
    gw = smtps_gateway()
    with _ssl_client(gw, "127.0.0.1") as c:
        c.sendmail("s.nakamura@ours.example", TO, eml(TO, subject="mta over smtps"))
    gw.send(eml(TO, subject="mta in clear"), TO)  # the plain listener beside it, unchanged
    got = wait_for(lambda: len(sink.received) == 2 and sink.received, what="both messages")
    traces = [m.data.split(b"\r\n")[1] for m in got]  # "\tby mamori.test (mamori ...) with ESMTP[S] id"
    assert [b" with ESMTPS id " in t for t in traces].count(True) == 1


def test_failures_and_the_limit_hold_on_smtps(smtps_gateway):
    gw = smtps_gateway(extra="auth_max_failures = 2\n")
    _, password = create_account(gw.db, "printer", [PRINTER])
    with _ssl_client(gw) as c:
        assert _auth(c, "printer", "guess-guess")[0] == 535
        assert _auth(c, "printer", "guess-again")[0] == 535
        assert _auth(c, "printer", password)[0] == 454
    with _ssl_client(gw, "127.0.0.1") as c:
        assert _auth(c, "printer", password)[0] == 235


def test_a_clear_text_client_gets_no_smtp_on_the_smtps_port(smtps_gateway):
    gw = smtps_gateway()
    with socket.create_connection(("127.0.0.1", gw.smtps), timeout=10) as s:
        s.sendall(b"EHLO clear.example\r\n")
        try:
            answer = s.recv(1024)
        except (ConnectionResetError, TimeoutError):
            answer = b""
    assert not answer.startswith(b"220") and b"250" not in answer  # no greeting, no session in clear text
    assert hold_queue.list_messages(gw.db, limit=10) == []


def test_a_not_allowed_client_is_refused_on_smtps_when_auth_is_off(smtps_gateway):
    gw = smtps_gateway(auth="off")
    with smtplib.SMTP_SSL("127.0.0.1", gw.smtps, timeout=30, context=gw.ctx, source_address=("127.0.0.2", 0)) as c:
        assert c.ehlo()[0] == 554 and c.mail(PRINTER)[0] == 554  # TLS does not open the door: allowed_clients
    with _ssl_client(gw, "127.0.0.1") as c:
        assert c.has_extn("size") and not c.has_extn("auth")


@pytest.mark.parametrize(("extra", "message"), [
    ('smtps_listen = "127.0.0.1:10465"\n', "gateway.smtps_listen needs gateway.tls_cert and gateway.tls_key"),
    ('smtps_listen = "10465"\n', "gateway.smtps_listen must be \"host:port\""),
])
def test_smtps_settings_are_checked(tmp_path, extra, message):
    path = write_config(tmp_path, free_port(), free_port(), extra)
    with pytest.raises(SettingsError, match=message):
        load_gateway_settings(path)
