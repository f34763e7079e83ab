"""Who may submit to the gateway ([gateway] allowed_clients) and require_tls, with a real SMTP client on the loopback.

A client from a refused address binds its socket to 127.0.0.2 (the whole 127.0.0.0/8 is the loopback on Linux).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from pathlib import Path

import pytest

from mamori.gateway import hold_queue
from mamori.gateway.settings import GatewaySettings, SettingsError, parse_gateway_settings
from tests.gateway.conftest import SENDER, eml, wait_for, without_trace
from tests.gateway.test_paths import _certificate


def _client(gw, source: str) -> smtplib.SMTP:
    try:
        return smtplib.SMTP("127.0.0.1", gw.port, timeout=30, source_address=(source, 0))
    except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.2
        pytest.skip(f"cannot bind a client socket to {source}: {exc}")


def _subjects(gw) -> list[str]:
    return [m.subject for m in hold_queue.list_messages(gw.db, limit=100)]


def test_a_client_outside_allowed_clients_is_refused_and_logged_by_address_only(start_gateway, sink, caplog):
    gw = start_gateway('allowed_clients = ["127.0.0.1"]')
    data = eml(["a.suzuki@ours.example"], subject="from a stranger", body="社外秘の本文\r\n")
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    with _client(gw, "127.0.0.2") as c:
        assert c.ehlo()[0] == 554
        assert c.helo()[0] == 554
        code, msg = c.mail(SENDER)
        assert (code, msg[:5]) == (554, b"5.7.1")
        assert c.rcpt("a.suzuki@ours.example")[0] == 503  # no MAIL was taken
        assert c.docmd("STARTTLS")[0] == 554
        with pytest.raises(smtplib.SMTPResponseException) as refused:
            c.sendmail(SENDER, ["a.suzuki@ours.example"], data)
        assert refused.value.smtp_code == 554
    with _client(gw, "127.0.0.1") as c:  # the allowed address, on the same listener
        c.sendmail(SENDER, ["a.suzuki@ours.example"], eml(["a.suzuki@ours.example"], subject="from the mta"))
    wait_for(lambda: [r for r in sink.received if b"from the mta" in r.data], what="the allowed client's message")
    assert _subjects(gw) == ["from the mta"]
    refusals = [r.getMessage() for r in caplog.records if "allowed_clients" in r.getMessage()]
    assert refusals and all(m.endswith(": 127.0.0.2") for m in refusals)
    assert len(refusals) == 1  # once per connection, however many commands it was refused
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SENDER not in logged and "社外秘" not in logged and "from a stranger" not in logged


def test_the_default_is_the_loopback(start_gateway, sink):
    gw = start_gateway()
    assert gw.settings.client_allowed("127.0.0.2") and gw.settings.client_allowed("::1")
    assert not gw.settings.client_allowed("192.0.2.10") and not gw.settings.client_allowed("2001:db8::1")
    with _client(gw, "127.0.0.2") as c:
        c.sendmail(SENDER, ["a.suzuki@ours.example"], eml(["a.suzuki@ours.example"], subject="loopback"))
    wait_for(lambda: sink.received, what="delivery")


def test_networks_and_mapped_addresses():
    s = parse_gateway_settings({"gateway": {"allowed_clients": ["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"]},
                                "web": {"secret_key": "x" * 20}}, Path("."))
    assert s.client_allowed("10.20.30.40") and s.client_allowed("2001:db8:1::5") and s.client_allowed("192.0.2.7")
    assert s.client_allowed("::ffff:10.1.2.3")  # a dual-stack listener's IPv4 client
    assert not s.client_allowed("192.0.2.8") and not s.client_allowed("127.0.0.1") and not s.client_allowed("x")
    assert GatewaySettings().client_allowed("127.0.0.1") and not GatewaySettings().client_allowed("10.0.0.1")


@pytest.mark.parametrize(("gateway", "words"), [
    ({"allowed_clients": ["10.0.0.1/8"]}, "gateway.allowed_clients: '10.0.0.1/8'"),  # host bits: a typo
    ({"allowed_clients": ["mail.example"]}, "gateway.allowed_clients: 'mail.example'"),
    ({"allowed_clients": "10.0.0.0/8"}, "gateway.allowed_clients must be a list"),
    ({"allowed_clients": []}, "gateway.allowed_clients is empty"),
    ({"require_tls": True}, "gateway.require_tls needs gateway.tls_cert"),
    ({"max_hops": 0}, "gateway.max_hops must be an integer >= 1"),
])
def test_bad_access_settings_name_the_key(gateway, words):
    with pytest.raises(SettingsError) as err:
        parse_gateway_settings({"gateway": gateway, "web": {"secret_key": "x" * 20}}, Path("."))
    assert words in str(err.value)


@pytest.mark.parametrize("require_tls", [True, False])
def test_require_tls_refuses_mail_before_starttls(start_gateway, sink, tmp_path, require_tls):
    cert, key = _certificate(tmp_path)
    gw = start_gateway(f'tls_cert = "{cert}"\ntls_key = "{key}"\nrequire_tls = {str(require_tls).lower()}\n')
    ctx = ssl.create_default_context(cafile=str(cert))
    data = eml(["a.suzuki@ours.example"], subject=f"tls required {require_tls}")
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=30) as c:
        c.ehlo()
        code, msg = c.mail(SENDER)
        if require_tls:
            assert (code, msg) == (530, b"5.7.0 Must issue a STARTTLS command first")
            assert c.rcpt("a.suzuki@ours.example")[0] == 503
        else:
            assert code == 250
            c.rset()
    assert _subjects(gw) == []
    with smtplib.SMTP("localhost", gw.port, timeout=30) as c:
        c.starttls(context=ctx)
        c.sendmail(SENDER, ["a.suzuki@ours.example"], data)
    got = wait_for(lambda: sink.received, what="delivery after STARTTLS")[0]
    assert without_trace(got.data) == data and b" with ESMTPS id " in got.data
