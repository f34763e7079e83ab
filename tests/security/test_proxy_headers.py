"""Forwarded headers are believed only from ``web.trusted_proxies``, by a real server on loopback.

uvicorn's default proxy-header handling rewrites the client address from ``X-Forwarded-For`` for connections from
127.0.0.1 before the app can look at the TCP peer: from the loopback, ``X-Forwarded-For: <a trusted proxy>`` plus
the SSO header signed in as anyone. ``mamori serve`` (and every uvicorn mamori starts) runs with that handling
off; the app reads ``X-Forwarded-For`` and the SSO header itself, from trusted peers only, and the audit log
records the real (or properly forwarded) address.

Linux routes all of 127.0.0.0/8 to the loopback, so a client bound to 127.0.0.2 plays "the reverse proxy on this
host" while 127.0.0.1 plays "anyone else on this host".
"""

from __future__ import annotations

import ipaddress
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from mamori.serve import ADMIN_LOGIN, prepare_demo
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of
from tests.web.live import free_port, serve

SSO = "X-Remote-User"


def _client(base: str, source: str = "127.0.0.1") -> httpx.Client:
    """An HTTP client whose connections come from ``source`` (a loopback address)."""
    transport = httpx.HTTPTransport(local_address=source)
    return httpx.Client(base_url=base, transport=transport, follow_redirects=False, timeout=30)


def _logins(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "login").order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


# --- mamori serve, the real command --------------------------------------------------------------------------


@pytest.fixture
def served_with_proxy(tmp_path: Path):
    """``mamori serve --config`` whose [web] trusts the proxy at 127.0.0.2 only, with SSO on."""
    var = tmp_path / "var"
    config = prepare_demo(var)
    text = config.read_text(encoding="utf-8")
    assert text.rstrip().splitlines()[-3] == "[web]", "the demo's [web] table is expected last"
    config.write_text(text.rstrip() + f'\nsso_header = "{SSO}"\ntrusted_proxies = ["127.0.0.2"]\n', encoding="utf-8")
    web, smtp, hop = free_port(), free_port(), free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mamori.cli",
            "serve",
            "--config",
            str(config),
            "--sink",
            "--web",
            f"127.0.0.1:{web}",
            "--smtp",
            f"127.0.0.1:{smtp}",
            "--next-hop",
            f"127.0.0.1:{hop}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            lines.append(line)
            if "first login" in line or "login " in line:
                break
        assert re.search(r"(first )?login\s", "".join(lines)), "".join(lines)
        db = Database(f"sqlite:///{var / 'mamori.db'}")
        yield f"http://127.0.0.1:{web}", db
        db.dispose()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serve_believes_forwarded_headers_only_from_a_trusted_proxy(served_with_proxy) -> None:
    base, db = served_with_proxy
    # anyone on the host claims to come through the trusted proxy: no login, whatever X-Forwarded-For says
    with _client(base, "127.0.0.1") as c:
        r = c.get("/", headers={SSO: ADMIN_LOGIN, "X-Forwarded-For": "127.0.0.2"})
        assert r.status_code == 303 and r.headers["location"] == "/login", r.text
        assert "mamori_session" not in r.headers.get("set-cookie", "")
        assert c.get("/queue", headers={SSO: ADMIN_LOGIN, "X-Forwarded-For": "127.0.0.2"}).status_code == 303
    assert _logins(db) == []
    # the proxy on the same host (127.0.0.2, trusted) forwards a user: SSO works, the forwarded address is recorded
    with _client(base, "127.0.0.2") as c:
        r = c.get("/", headers={SSO: ADMIN_LOGIN, "X-Forwarded-For": "198.51.100.23"})
        assert r.status_code == 303 and r.headers["location"] == "/queue", r.text
        assert "mamori_session=" in r.headers.get("set-cookie", "")
    [entry] = _logins(db)
    assert (entry.actor, entry.data["via"], entry.data["ip"], entry.data["proxy"]) == (
        ADMIN_LOGIN,
        "sso",
        "198.51.100.23",
        "127.0.0.2",
    )


# --- the app under the same uvicorn configuration, other trust settings ------------------------------------------


@pytest.fixture
def web_db(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'web.db'}")
    db.migrate()
    seed.users(db)
    yield db
    db.dispose()


def _app(tmp_path: Path, web_db: Database, proxies: tuple[str, ...]):
    settings = WebSettings(
        secret_key="k" * 32,
        data_dir=tmp_path,
        sso_header=SSO,
        trusted_proxies=tuple(ipaddress.ip_network(p) for p in proxies),
    )
    return create_app(settings, web_db, guard=None)


def test_loopback_not_trusted_means_no_sso_login_and_the_real_peer_in_the_audit(tmp_path, web_db) -> None:
    with serve(_app(tmp_path, web_db, ("10.1.0.0/24",))) as base, _client(base) as c:
        r = c.get("/", headers={SSO: "alice@corp.example", "X-Forwarded-For": "10.1.0.5"})
        assert r.status_code == 303 and r.headers["location"] == "/login"
        # a password login with a forged X-Forwarded-For: the audit records the TCP peer, not the claim
        page = c.get("/login")
        r = c.post(
            "/login",
            data={"login": "alice@corp.example", "password": seed.PASSWORD, "csrf": csrf_of(page.text), "next": "/"},
            headers={"X-Forwarded-For": "10.1.0.5"},
        )
        assert r.status_code == 303, r.text
    [entry] = _logins(web_db)
    assert entry.data["ip"] == "127.0.0.1"


def test_loopback_trusted_proxy_forwards_the_client_address(tmp_path, web_db) -> None:
    create_user(web_db, "sso.user@corp.example", role="sender", password=None)
    with serve(_app(tmp_path, web_db, ("127.0.0.1",))) as base, _client(base) as c:
        # a client-supplied entry on the left is not believed: the proxy's own hop (rightmost) is the client
        r = c.get("/messages", headers={SSO: "sso.user@corp.example", "X-Forwarded-For": "10.9.9.9, 203.0.113.7"})
        assert r.status_code == 200, r.text
    [entry] = _logins(web_db)
    assert (entry.actor, entry.data["ip"], entry.data["proxy"]) == ("sso.user@corp.example", "203.0.113.7", "127.0.0.1")


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("192.0.2.1", ["203.0.113.7"], "192.0.2.1"),  # untrusted peer: its header is ignored
        ("10.0.0.2", [], "10.0.0.2"),  # a trusted peer that forwards nothing
        ("10.0.0.2", ["203.0.113.7"], "203.0.113.7"),
        ("10.0.0.2", ["198.51.100.1, 203.0.113.7"], "203.0.113.7"),  # only the hop the proxy saw
        ("10.0.0.2", ["203.0.113.7, 10.0.0.3"], "203.0.113.7"),  # through two trusted proxies
        ("10.0.0.2", ["203.0.113.7", "10.0.0.3"], "203.0.113.7"),  # the header given twice
        ("10.0.0.2", ["not-an-ip"], "10.0.0.2"),  # nothing unverifiable is believed
        ("10.0.0.2", ["203.0.113.7, junk, 10.0.0.3"], "10.0.0.3"),
        ("10.0.0.2", ["10.0.0.4"], "10.0.0.4"),  # only proxies: the farthest one
    ],
)
def test_forwarded_client(peer: str, forwarded: list[str], client: str) -> None:
    settings = WebSettings(secret_key="k" * 32, trusted_proxies=(ipaddress.ip_network("10.0.0.0/24"),))
    assert settings.forwarded_client(peer, forwarded) == client
