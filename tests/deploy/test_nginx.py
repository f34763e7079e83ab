"""deploy/nginx/mamori.conf run by a real nginx on the loopback: TLS, the SSO header set by the proxy only.

The repository's file, with its ports, certificate paths and upstreams substituted (each substitution must hit,
so the test fails when the file changes shape), inside a minimal nginx.conf of the test's own, started with
``nginx -c FILE -g 'daemon off;'``. The identity-aware proxy that auth_request asks is a stub: a cookie
``idp=<login>`` means "signed in as <login>" (202 + ``X-Auth-Request-Email``, like oauth2-proxy), none means 401.
Behind nginx: an upstream that records the headers it receives, then the real web app (SSO on, nginx trusted).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.live import free_port, serve

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "mamori.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "mamori.example.co.jp"
SSO = "X-Remote-User"
IDP_LOGIN = "https://idp.example/login"
FORGED = "olga@corp.example"  # an officer: what an attacker would claim to be


class _Stub(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.seen: list[tuple[str, dict[str, str]]] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _IdpHandler(BaseHTTPRequestHandler):
    """The identity-aware proxy: its auth endpoint (202 + the user's e-mail for a session cookie, else 401) and
    its sign-in page (a redirect to the identity provider)."""

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers.items())))  # type: ignore[attr-defined]
        if self.path.startswith("/oauth2/sign_in"):  # the sign-in page: off to the identity provider
            self.send_response(302)
            self.send_header("Location", IDP_LOGIN)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        cookies = dict(c.strip().split("=", 1) for c in self.headers.get("Cookie", "").split(";") if "=" in c)
        user = cookies.get("idp", "")
        self.send_response(202 if user else 401)
        if user:
            self.send_header("X-Auth-Request-Email", user)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class _EchoHandler(BaseHTTPRequestHandler):
    """An upstream that records what nginx forwards."""

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers.items())))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def _substitute(text: str, old: str, new: str) -> str:
    assert old in text, f"deploy/nginx/mamori.conf no longer has {old!r}: update the file and this test together"
    return text.replace(old, new)


class PrivateNginx:
    """nginx with the repo's mamori.conf, on two loopback ports, in its own temp folder."""

    def __init__(self, upstream: int, idp: int) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mamori-nginx-"))
        os.chmod(self.dir, 0o755)
        self.http, self.https = free_port(), free_port()
        self.cert, key = self.dir / "cert.pem", self.dir / "key.pem"
        made = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
             "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1", "-keyout", str(key), "-out", str(self.cert)],
            capture_output=True, text=True, timeout=60,
        )
        assert made.returncode == 0, made.stderr
        conf = CONF.read_text(encoding="utf-8")
        conf = _substitute(conf, "listen 80;", f"listen 127.0.0.1:{self.http};")
        conf = _substitute(conf, "listen 443 ssl;", f"listen 127.0.0.1:{self.https} ssl;")
        conf = _substitute(conf, "/etc/ssl/mamori/fullchain.pem", str(self.cert))
        conf = _substitute(conf, "/etc/ssl/mamori/privkey.pem", str(key))
        conf = _substitute(conf, "127.0.0.1:8000", f"127.0.0.1:{upstream}")
        conf = _substitute(conf, "127.0.0.1:4180", f"127.0.0.1:{idp}")
        (self.dir / "mamori.conf").write_text(conf, encoding="utf-8")
        temp = self.dir / "temp"
        temp.mkdir(mode=0o777)
        os.chmod(temp, 0o777)  # the worker (nobody when started as root) writes proxy buffers here
        kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        paths = "".join(f"    {k}_temp_path {temp}/{k};\n" for k in kinds)
        (self.dir / "nginx.conf").write_text(
            f"pid {self.dir}/nginx.pid;\nerror_log {self.dir}/error.log;\nworker_processes 1;\n"
            "events { worker_connections 64; }\n"
            f"http {{\n    access_log {self.dir}/access.log;\n{paths}    include {self.dir}/mamori.conf;\n}}\n",
            encoding="utf-8",
        )
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        args = [NGINX, "-p", str(self.dir), "-e", str(self.dir / "error.log"), "-c", str(self.dir / "nginx.conf")]
        checked = subprocess.run([*args, "-t"], capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, f"nginx -t refused the configuration:\n{checked.stderr}"
        self.proc = subprocess.Popen([*args, "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                httpx.get(f"http://127.0.0.1:{self.http}/", timeout=2)
                return
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    err = self.proc.stderr.read() if self.proc.stderr else ""
                    raise AssertionError(f"nginx exited: {err}") from None
                time.sleep(0.1)
        raise AssertionError("nginx did not start listening")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def client(self, **kw: object) -> httpx.Client:
        trust = ssl.create_default_context(cafile=str(self.cert))
        return httpx.Client(base_url=f"https://127.0.0.1:{self.https}", verify=trust, headers={"Host": HOST},
                            follow_redirects=False, timeout=30, **kw)  # type: ignore[arg-type]


@contextmanager
def nginx_in_front_of(upstream: int) -> Iterator[tuple[PrivateNginx, _Stub]]:
    if not Path(NGINX).exists():
        pytest.skip("nginx not available: /usr/sbin/nginx is not installed (scripts/system-deps.sh installs it)")
    if not shutil.which("openssl"):
        pytest.skip("openssl not available: the test certificate is made with the openssl command")
    idp = _Stub(_IdpHandler)
    proxy = PrivateNginx(upstream, idp.port)
    try:
        proxy.start()
        yield proxy, idp
    finally:
        proxy.stop()
        idp.shutdown()


def test_the_sso_header_reaching_the_upstream_is_the_proxys_only() -> None:
    echo = _Stub(_EchoHandler)
    try:
        with nginx_in_front_of(echo.port) as (proxy, idp), proxy.client() as c:
            forged = {SSO: FORGED, "X-Forwarded-For": "127.0.0.2"}
            # not signed in at the SSO: sent to sign in, the upstream sees nothing
            r = c.get("/queue", headers=forged)
            assert r.status_code == 302 and r.headers["location"] == IDP_LOGIN, r.text
            assert echo.seen == []
            assert [p for p, _ in idp.seen] == ["/oauth2/auth", "/oauth2/sign_in"]
            assert idp.seen and all(SSO.lower() not in {k.lower() for k in h} for _, h in idp.seen)
            # signed in at the SSO as alice, claiming to be olga: the upstream hears alice
            c.cookies.set("idp", "alice@corp.example")
            assert c.get("/queue?x=1", headers=forged).status_code == 200
            # the check API and the health check: no SSO, and the client's header removed
            assert c.get("/api/v1/health", headers=forged).status_code == 200
            c.cookies.clear()
            assert c.get("/healthz", headers=forged).status_code == 200
            assert c.get("/metrics", headers=forged).status_code == 404
            # the same header name in other spellings is one header to nginx
            assert c.get("/api/v1/health", headers={"x-remote-user": FORGED}).status_code == 200
    finally:
        echo.shutdown()
    got = {path: {k.lower(): v for k, v in h.items()} for path, h in echo.seen}
    assert set(got) == {"/queue?x=1", "/api/v1/health", "/healthz"}, got  # /metrics never forwarded
    assert got["/queue?x=1"]["x-remote-user"] == "alice@corp.example"
    assert all(SSO.lower() not in h for path, h in echo.seen[1:] for h in [{k.lower() for k in h}])
    for h in got.values():
        assert h["x-forwarded-for"] == "127.0.0.1" and h["x-forwarded-proto"] == "https" and h["host"] == HOST


def test_plain_http_redirects_to_https() -> None:
    echo = _Stub(_EchoHandler)
    try:
        with nginx_in_front_of(echo.port) as (proxy, _idp):
            r = httpx.get(f"http://127.0.0.1:{proxy.http}/queue?x=1", headers={"Host": HOST, SSO: FORGED}, timeout=10)
            assert r.status_code == 301 and r.headers["location"] == f"https://{HOST}/queue?x=1"
            with proxy.client() as c:
                assert "max-age=" in c.get("/healthz").headers["strict-transport-security"]
    finally:
        echo.shutdown()
    assert [p for p, _ in echo.seen] == ["/healthz"]


@pytest.fixture
def web_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'web.db'}")
    db.migrate()
    seed.users(db)
    create_user(db, "sso.user@corp.example", role="sender", password=None)
    yield db
    db.dispose()


def test_the_web_app_behind_nginx_signs_in_whom_the_sso_says(tmp_path: Path, web_db: Database) -> None:
    settings = WebSettings(
        secret_key="k" * 32,
        data_dir=tmp_path,
        base_url=f"https://{HOST}",
        sso_header=SSO,
        trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),),
    )
    app = create_app(settings, web_db, guard=None)
    with serve(app) as base:
        upstream = int(base.rsplit(":", 1)[1])
        with nginx_in_front_of(upstream) as (proxy, _idp):
            with proxy.client() as c:  # the header from the client, no SSO session: not signed in
                assert c.get("/queue", headers={SSO: FORGED}).headers.get("location") == IDP_LOGIN
                r = c.get("/api/v1/health", headers={SSO: FORGED})
                assert r.status_code == 200 and "mamori_session" not in r.headers.get("set-cookie", "")
            assert _logins(web_db) == []
            with proxy.client() as c:  # signed in at the SSO as sso.user, claiming to be the officer
                c.cookies.set("idp", "sso.user@corp.example")
                r = c.get("/messages", headers={SSO: FORGED})
                assert r.status_code == 200, r.text
                assert "mamori_session=" in r.headers.get("set-cookie", "")
                assert "secure" in r.headers["set-cookie"].lower()  # base_url is https
    [entry] = _logins(web_db)
    assert (entry.actor, entry.data["via"], entry.data["ip"], entry.data["proxy"]) == (
        "sso.user@corp.example", "sso", "127.0.0.1", "127.0.0.1",
    )


def _logins(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "login").order_by(AuditEntry.id)))
        s.expunge_all()
        return rows
