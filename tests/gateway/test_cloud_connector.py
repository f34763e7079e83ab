"""The SMTP side of Microsoft 365 / Google Workspace in front of mamori, played by a private Postfix.

The cloud service is a private Postfix (tests/gateway/test_postfix.py's way: own config and queue in a temp
folder, loopback high ports) set up the way docs/cloud-mail.md sets up Exchange Online and Gmail:

* the users' mail goes to mamori's gateway as a smart host (Exchange Online's outbound connector, Gmail's mail
  route), over STARTTLS with the gateway's certificate checked against a test CA and the name the shipped
  configuration gives (TlsSettings DomainValidation / "require CA-signed certificate");
* mamori gives the mail back on a second port (the inbound connector / the MTA that delivers to the Internet),
  which takes mail only from mamori's address (SenderIPAddresses / "only accept mail from the specified IP
  addresses"), over TLS when the shipped configuration says so, marks it, and never routes it to mamori again
  (the mail flow rule's ExceptIfSenderIpRanges): the loop guard.

The gateway runs with the TLS settings of deploy/m365/mamori.toml and deploy/google/mamori.toml (addresses, ports
and files replaced). Checked: a mail goes through mamori exactly once; a held mail, released later, goes out once;
the return port refuses anyone else; the guide shows the shipped files verbatim; the PowerShell script carries the
parameters the guide relies on (it is not run: there is no Exchange Online here).
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import smtplib
import subprocess
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mamori.gateway import hold_queue
from tests.gateway.conftest import SENDER, eml, free_port, wait_for
from tests.gateway.test_postfix import BASE_MASTER, POSTFIX

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "cloud-mail.md"
SHIPPED = {"m365": ROOT / "deploy" / "m365" / "mamori.toml", "google": ROOT / "deploy" / "google" / "mamori.toml"}
PS1 = ROOT / "deploy" / "m365" / "mamori-connectors.ps1"
MARK = "X-Mamori-Returned"


def _openssl(*args: str) -> None:
    done = subprocess.run(["openssl", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def make_ca(folder: Path) -> Path:
    ca = folder / "ca.pem"
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=mamori test CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             "-keyout", str(folder / "ca.key"), "-out", str(ca))
    return ca


def make_cert(folder: Path, name: str) -> tuple[Path, Path]:
    """A server certificate for ``name`` (and 127.0.0.1) signed by the test CA in ``folder``."""
    key, csr, crt, ext = (folder / f"{name}.{s}" for s in ("key", "csr", "pem", "ext"))
    ext.write_text(f"subjectAltName=DNS:{name},IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                   "extendedKeyUsage=serverAuth,clientAuth\n", encoding="ascii")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}", "-keyout", str(key), "-out", str(csr))
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(folder / "ca.pem"), "-CAkey", str(folder / "ca.key"),
             "-CAcreateserial", "-days", "2", "-extfile", str(ext), "-out", str(crt))
    os.chmod(key, 0o644)  # the test's own throwaway key; Postfix's smtpd (user postfix) reads it
    return crt, key


class CloudPostfix:
    """Postfix as the cloud mail service: users' port → mamori over verified TLS; mamori's return port → delivery."""

    def __init__(self, gateway_port: int, mamori_name: str, return_tls: bool) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mamori-cloud-"))
        os.chmod(self.dir, 0o755)
        self.etc, self.mail, self.pki = self.dir / "etc", self.dir / "mail", self.dir / "pki"
        for d in (self.etc, self.mail, self.pki, self.dir / "data", self.dir / "queue"):
            d.mkdir()
        os.chmod(self.pki, 0o755)
        shutil.chown(self.dir / "data", "postfix")
        os.chown(self.mail, 65534, 65534)
        self.ca = make_ca(self.pki)
        self.mamori_cert = make_cert(self.pki, mamori_name)
        cloud_cert, cloud_key = make_cert(self.pki, "cloud.test")
        self.users, self.ret = free_port(), free_port()
        (self.etc / "mamori.cidr").write_text("127.0.0.1/32 OK\n", encoding="ascii")
        (self.etc / "mark.cidr").write_text(f"127.0.0.1/32 PREPEND {MARK}: yes\n", encoding="ascii")
        (self.etc / "main.cf").write_text(f"""\
compatibility_level = 3.6
queue_directory = {self.dir}/queue
data_directory = {self.dir}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = cloud.test
mydomain = ours.example
myorigin = ours.example
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
virtual_mailbox_domains = ours.example, a1pha.example, alpha.example
virtual_mailbox_base = {self.mail}
virtual_mailbox_maps = static:maildir/
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_minimum_uid = 100
maillog_file = {self.dir}/maillog
maillog_file_prefixes = {self.dir}
smtpd_relay_restrictions = permit_mynetworks, reject
smtputf8_enable = yes
# the outbound connector / mail route: every message the users send goes to mamori first
content_filter = mamori-connector:[127.0.0.1]:{gateway_port}
smtp_tls_CAfile = {self.ca}
smtp_tls_loglevel = 1
smtpd_tls_loglevel = 1
""", encoding="utf-8")
        tls_in = (f"  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_cert_file={cloud_cert}\n"
                  f"  -o smtpd_tls_key_file={cloud_key}\n") if return_tls else ""
        (self.etc / "master.cf").write_text(
            f"127.0.0.1:{self.users} inet  n       -       n       -       -       smtpd\n"
            + BASE_MASTER
            + "tlsmgr    unix  -       -       n       1000?   1       tlsmgr\n"
            + f"""\
# the connector to mamori: TLS required, mamori's certificate checked (CA and name)
mamori-connector unix  -       -       n       -       10      smtp
  -o syslog_name=postfix/connector
  -o smtp_tls_security_level=secure
  -o smtp_tls_secure_cert_match={mamori_name}
  -o disable_mime_output_conversion=yes
# the return connector: only mamori's address, marked, never routed to mamori again
127.0.0.1:{self.ret} inet  n       -       n       -       10      smtpd
  -o syslog_name=postfix/return
  -o content_filter=
{tls_in}  -o smtpd_client_restrictions=check_client_access,cidr:{self.etc}/mamori.cidr,reject
  -o smtpd_relay_restrictions=check_client_access,cidr:{self.etc}/mamori.cidr,reject
  -o smtpd_data_restrictions=check_client_access,cidr:{self.etc}/mark.cidr
""")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([POSTFIX, "-c", str(self.etc), *args], capture_output=True, text=True, timeout=60)

    def maildir(self) -> list[bytes]:
        new = self.mail / "maildir" / "new"
        return [p.read_bytes() for p in sorted(new.iterdir())] if new.exists() else []

    def log(self) -> str:
        p = self.dir / "maillog"
        return p.read_text(errors="replace") if p.exists() else ""


@pytest.fixture(params=sorted(SHIPPED))
def cloud(request, start_gateway) -> Iterator[tuple[CloudPostfix, object, dict]]:
    if not os.path.exists(POSTFIX):
        pytest.skip("Postfix not available: /usr/sbin/postfix is not installed (scripts/system-deps.sh installs it)")
    if os.geteuid() != 0:
        pytest.skip("Postfix not available: a private instance needs root to start (postfix -c DIR start)")
    if not shutil.which("openssl"):
        pytest.skip("openssl not available: the test certificates are made with the openssl command")
    shipped = tomllib.loads(SHIPPED[request.param].read_text(encoding="utf-8"))["gateway"]
    gateway_port = free_port()
    pf = CloudPostfix(gateway_port, shipped["hostname"], return_tls=shipped["next_hop_starttls"])
    cert, key = pf.mamori_cert
    # the shipped TLS settings; only the files (and the CA the test made) are the test's own. allowed_clients is
    # the default (the loopback: the cloud's ranges cannot connect here)
    extra = (f'tls_cert = "{cert}"\ntls_key = "{key}"\nrequire_tls = {str(shipped["require_tls"]).lower()}\n'
             f'next_hop_starttls = {str(shipped["next_hop_starttls"]).lower()}\n'
             f'next_hop_tls_verify = {str(shipped["next_hop_tls_verify"]).lower()}\nnext_hop_ca = "{pf.ca}"\n')
    gw = start_gateway(extra=extra, listen_port=gateway_port, next_hop_port=pf.ret)
    started = pf.run("start")
    if started.returncode != 0:
        shutil.rmtree(pf.dir, ignore_errors=True)
        pytest.skip(f"Postfix not available: the private instance did not start: {started.stderr.strip()[-400:]}")
    try:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                with smtplib.SMTP("127.0.0.1", pf.users, timeout=5) as c:
                    c.noop()
                break
            except OSError:
                time.sleep(0.2)
        yield pf, gw, shipped
    finally:
        pf.run("stop")
        shutil.rmtree(pf.dir, ignore_errors=True)


def _arrived(pf: CloudPostfix, subject: str) -> list[bytes]:
    """The copies of that message in the mailbox (not mamori's notices, which quote the subject)."""
    return [m for m in pf.maildir()
            if f"\nSubject: {subject}\n".encode() in m.split(b"\n\n", 1)[0] + b"\n"
            and b"Auto-Submitted: auto-generated" not in m]


def _delivered_to(message: bytes) -> str:
    found = re.search(rb"^Delivered-To: (\S+)$", message, re.MULTILINE)
    return found.group(1).decode() if found else ""


def _in_gateway(gw, subject: str) -> list[hold_queue.QueuedMessage]:
    return [m for m in hold_queue.list_messages(gw.db, limit=1000) if m.subject == subject]


def test_through_mamori_once_and_back_without_a_loop(cloud):
    pf, gw, shipped = cloud
    allowed = eml(["a.suzuki@ours.example"], subject="cloud-allowed",
                  extra_headers="DKIM-Signature: v=1; d=ours.example; b=dGVzdA==\r\n")
    rcpts = ["a.suzuki@ours.example", "t.sato@a1pha.example"]  # a lookalike of a customer's domain: held
    held = eml(rcpts, subject="cloud-held", body="佐藤様\r\n資料をお送りします。\r\n")
    with smtplib.SMTP("127.0.0.1", pf.users, timeout=30) as c:
        c.sendmail(SENDER, ["a.suzuki@ours.example"], allowed)
        c.sendmail(SENDER, rcpts, held)
    try:
        got = wait_for(lambda: _arrived(pf, "cloud-allowed"), timeout=60, what="the allowed message")
    except AssertionError:
        raise AssertionError(f"not delivered; Postfix log:\n{pf.log()[-3000:]}") from None
    waiting = wait_for(lambda: _in_gateway(gw, "cloud-held"), timeout=60, what="the held message in the gateway")[0]
    assert waiting.state == "held" and "lookalike_domain" in {r["code"] for r in waiting.reasons}
    time.sleep(2)  # a loop would have brought the allowed message back to mamori by now
    assert [_delivered_to(m) for m in _arrived(pf, "cloud-allowed")] == ["a.suzuki@ours.example"]
    assert len(_in_gateway(gw, "cloud-allowed")) == 1
    got = got[0]
    assert got.count(f"{MARK}: yes".encode()) == 1  # given back once, through the return connector
    assert b"DKIM-Signature: v=1; d=ours.example; b=dGVzdA==" in got
    assert got.endswith(allowed.split(b"\r\n\r\n", 1)[1].replace(b"\r\n", b"\n"))  # body unchanged
    assert not _arrived(pf, "cloud-held")

    hold_queue.release(gw.db, waiting.id, SENDER)
    gw.wake()
    wait_for(lambda: _arrived(pf, "cloud-held"), timeout=60, what="the released message")
    time.sleep(2)
    released = _arrived(pf, "cloud-held")  # one mailbox here: one copy per recipient, each once
    assert sorted(_delivered_to(m) for m in released) == sorted(rcpts)
    assert all(m.count(f"{MARK}: yes".encode()) == 1 for m in released)
    assert [m.state for m in _in_gateway(gw, "cloud-held")] == ["delivered"]

    log = pf.log()
    # to mamori: TLS with mamori's certificate verified against the CA, by the shipped name
    assert re.search(r"postfix/connector/smtp\[\d+\]: Verified TLS connection established to \S*127\.0\.0\.1", log), log
    # back from mamori: over TLS when the shipped configuration asks for it (the gateway checks the cloud's cert)
    tls_back = re.search(r"postfix/return/smtpd\[\d+\]: \S+ TLS connection established from", log)
    assert bool(tls_back) == shipped["next_hop_starttls"], log


def test_the_return_connector_takes_mail_only_from_mamoris_address(cloud):
    pf, _gw, _shipped = cloud
    with smtplib.SMTP("127.0.0.1", pf.ret, timeout=30, source_address=("127.0.0.2", 0)) as c:
        c.ehlo()
        if c.has_extn("starttls"):
            c.starttls()
            c.ehlo()
        code, _ = c.mail(SENDER)
        code2, msg = c.rcpt("t.sato@alpha.example")
    assert code == 250 and code2 == 554 and b"Access denied" in msg, (code, code2, msg)


def test_the_guide_shows_the_shipped_files():
    text = GUIDE.read_text(encoding="utf-8")
    for path in SHIPPED.values():
        shipped = path.read_text(encoding="utf-8")
        body = shipped[shipped.index("\n[gateway]\n") + 1:]
        assert body in text, f"docs/cloud-mail.md must show {path.relative_to(ROOT)} from [gateway] on, verbatim"
    for path in SHIPPED.values():
        gw = tomllib.loads(path.read_text(encoding="utf-8"))["gateway"]
        assert gw["tls_cert"] and gw["tls_key"] and gw["next_hop_tls_verify"] is True, path
        assert gw["require_tls"] is True, path
        nets = [ipaddress.ip_network(n) for n in gw["allowed_clients"]]  # an example list, each a real network
        assert nets and not any(n.prefixlen < 8 for n in nets), path  # never "everyone" (0.0.0.0/0, ::/0)


def test_the_exchange_script_has_the_loop_guard_and_tls():
    """Not run (no Exchange Online here): each command must carry the parameters docs/cloud-mail.md relies on."""
    text = PS1.read_text(encoding="utf-8")
    commands = {m.group(1): m.group(0) for m in re.finditer(r"^(New-\w+) (?:.*`\n)*.*$", text, re.MULTILINE)}
    assert set(commands) == {"New-OutboundConnector", "New-InboundConnector", "New-TransportRule"}, commands
    must = {
        "New-OutboundConnector": ["-ConnectorType Partner", "-IsTransportRuleScoped $true", "-UseMXRecord $false",
                                  "-SmartHosts $MamoriHost", "-TlsSettings DomainValidation", "-TlsDomain $MamoriHost"],
        "New-InboundConnector": ["-ConnectorType OnPremises", "-SenderIPAddresses $MamoriIp", "-RequireTls $true"],
        "New-TransportRule": ["-FromScope InOrganization", "-SentToScope NotInOrganization",
                              '-RouteMessageOutboundConnector "mamori outbound"', "-ExceptIfSenderIpRanges $MamoriIp",
                              "-Mode $RuleMode"],
    }
    for command, params in must.items():
        for p in params:
            assert p in commands[command], f"{command} lacks {p}"
    assert '-Name "mamori outbound"' in commands["New-OutboundConnector"]  # the name the rule routes to
    # a sender-domain restriction on "*" would refuse all other inbound mail of the tenant
    assert "RestrictDomainsToIPAddresses" not in text
    assert "deploy/m365/mamori-connectors.ps1" in GUIDE.read_text(encoding="utf-8")
