"""A private OpenLDAP server for the tests: Debian's slapd with a minimal slapd.conf (mdb) on a free loopback port,
with TLS too (``ldaps_url``, and StartTLS on ``url``): a self-signed certificate for 127.0.0.1 made by openssl, whose
file is ``cert`` (the CA file a client trusts).

``LdapServer().start()`` returns the URL, or ``None`` with ``why_not`` saying why (no slapd, no ldap3, it did not
start): the tests skip with that message, as ``tests/postgres.py`` does for PostgreSQL.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.loopback import free_port

SLAPD = "/usr/sbin/slapd"
SCHEMA = Path("/etc/ldap/schema")
MODULES = Path("/usr/lib/ldap")
SUFFIX = "dc=example,dc=co,dc=jp"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PW = "root-secret-for-tests"

CONF = """\
include {schema}/core.schema
include {schema}/cosine.schema
include {schema}/inetorgperson.schema
include {schema}/nis.schema
modulepath {modules}
moduleload back_mdb
pidfile {tmp}/slapd.pid
argsfile {tmp}/slapd.args
sizelimit unlimited
database mdb
maxsize 268435456
suffix "{suffix}"
rootdn "{root_dn}"
rootpw {root_pw}
directory {tmp}/db
TLSCertificateFile {tmp}/cert.pem
TLSCertificateKeyFile {tmp}/key.pem
index objectClass eq
index mail eq
access to attrs=userPassword by self write by anonymous auth by * none
access to * by users read by * none
"""


class LdapServer:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="mamori-ldap-"))
        self.port = free_port()
        self.tls_port = free_port()
        self.url = f"ldap://127.0.0.1:{self.port}"
        self.ldaps_url = f"ldaps://127.0.0.1:{self.tls_port}"
        self.cert = self.tmp / "cert.pem"
        self.why_not = ""
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> str | None:
        slapd = SLAPD if Path(SLAPD).exists() else shutil.which("slapd")
        if not slapd:
            self.why_not = "slapd not found (Debian packages slapd ldap-utils; scripts/system-deps.sh installs them)"
            return None
        try:
            import ldap3  # noqa: F401
        except ImportError:
            self.why_not = "ldap3 not installed (pip install 'mamori[ldap]')"
            return None
        made = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(self.tmp / "key.pem"),
             "-out", str(self.cert)], capture_output=True, text=True, timeout=60)
        if made.returncode != 0:
            self.why_not = f"openssl could not make a test certificate: {made.stderr.strip()[-300:]}"
            return None
        (self.tmp / "db").mkdir()
        conf = self.tmp / "slapd.conf"
        conf.write_text(CONF.format(schema=SCHEMA, modules=MODULES, tmp=self.tmp, suffix=SUFFIX, root_dn=ROOT_DN,
                                    root_pw=ROOT_PW), encoding="utf-8")
        log = open(self.tmp / "slapd.log", "wb")  # noqa: SIM115 (kept open for the server's life)
        self.proc = subprocess.Popen([slapd, "-f", str(conf), "-h", f"{self.url}/ {self.ldaps_url}/", "-d", "0"],
                                     stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 20
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                tail = (self.tmp / "slapd.log").read_text("utf-8", "replace").strip()[-400:]
                self.why_not = f"slapd exited with {self.proc.returncode}: {tail}"
                return None
            try:
                for port in (self.port, self.tls_port):
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        pass
                return self.url
            except OSError:
                time.sleep(0.05)
        self.why_not = "slapd did not listen within 20 s"
        self.stop()
        return None

    def admin(self) -> Any:
        """A connection bound as the root DN (to load and change the directory)."""
        from ldap3 import Connection, Server

        return Connection(Server(self.url), user=ROOT_DN, password=ROOT_PW, auto_bind=True, raise_exceptions=True)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.tmp, ignore_errors=True)
