"""A real Postfix: client → Postfix → mamori gateway → Postfix (re-injection) → a local Maildir.

A private instance (own config, queue and data directories in a temp folder, loopback high ports, started with
``postfix -c DIR start``) with the very lines docs/postfix.md shows (``mamori.gateway.postfix``).
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import smtplib
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mamori.gateway import hold_queue, links
from mamori.gateway.postfix import main_cf, master_cf
from tests.gateway.conftest import SENDER, eml, free_port, wait_for

POSTFIX = shutil.which("postfix") or "/usr/sbin/postfix"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "postfix.md"

BASE_MASTER = """\
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""


class PrivatePostfix:
    def __init__(self, gateway_port: int) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mamori-postfix-"))
        os.chmod(self.dir, 0o755)  # the virtual delivery agent (uid nobody) must reach the Maildir
        self.etc = self.dir / "etc"
        self.mail = self.dir / "mail"
        for d in (self.etc, self.mail, self.dir / "data", self.dir / "queue"):
            d.mkdir()
        shutil.chown(self.dir / "data", "postfix")
        os.chown(self.mail, 65534, 65534)
        self.port = free_port()
        self.reinject = free_port()
        base = f"""\
compatibility_level = 3.6
queue_directory = {self.dir}/queue
data_directory = {self.dir}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.ours.example
mydomain = ours.example
myorigin = ours.example
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
virtual_mailbox_domains = ours.example, a1pha.example
virtual_mailbox_base = {self.mail}
virtual_mailbox_maps = static:maildir/
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_minimum_uid = 100
maillog_file = {self.dir}/maillog
maillog_file_prefixes = {self.dir}
smtpd_relay_restrictions = permit_mynetworks, reject
"""
        (self.etc / "main.cf").write_text(base + main_cf(f"127.0.0.1:{gateway_port}"))
        (self.etc / "master.cf").write_text(
            f"127.0.0.1:{self.port} inet  n       -       n       -       -       smtpd\n"
            + BASE_MASTER
            + master_cf(f"127.0.0.1:{self.reinject}")
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([POSTFIX, "-c", str(self.etc), *args], capture_output=True, text=True, timeout=60)

    def maildir(self) -> list[bytes]:
        new = self.mail / "maildir" / "new"
        return [p.read_bytes() for p in sorted(new.iterdir())] if new.exists() else []

    def log(self) -> str:
        p = self.dir / "maillog"
        return p.read_text(errors="replace")[-3000:] if p.exists() else ""


@pytest.fixture
def postfix_pair(start_gateway) -> Iterator[tuple[PrivatePostfix, object]]:
    if not os.path.exists(POSTFIX):
        pytest.skip("Postfix not available: /usr/sbin/postfix is not installed (scripts/system-deps.sh installs it)")
    if os.geteuid() != 0:
        pytest.skip("Postfix not available: a private instance needs root to start (postfix -c DIR start)")
    gateway_port = free_port()
    pf = PrivatePostfix(gateway_port)
    gw = start_gateway(listen_port=gateway_port, next_hop_port=pf.reinject)
    started = pf.run("start")
    if started.returncode != 0:
        shutil.rmtree(pf.dir, ignore_errors=True)
        pytest.skip(f"Postfix not available: the private instance did not start: {started.stderr.strip()[-400:]}")
    try:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                with smtplib.SMTP("127.0.0.1", pf.port, timeout=5) as c:
                    c.noop()
                break
            except OSError:
                time.sleep(0.2)
        yield pf, gw
    finally:
        pf.run("stop")
        shutil.rmtree(pf.dir, ignore_errors=True)


def test_allowed_and_held_then_released_through_postfix(postfix_pair):
    pf, gw = postfix_pair
    allowed = eml(["a.suzuki@ours.example"], subject="allowed-through-postfix",
                  extra_headers="DKIM-Signature: v=1; d=ours.example; b=dGVzdA==\r\n")
    rcpts = ["a.suzuki@ours.example", "t.sato@a1pha.example"]  # a lookalike of a customer's domain: hold
    held = eml(rcpts, subject="held-through-postfix", body="佐藤様\r\n資料をお送りします。\r\n")
    with smtplib.SMTP("127.0.0.1", pf.port, timeout=30) as c:
        c.sendmail(SENDER, ["a.suzuki@ours.example"], allowed)
        c.sendmail(SENDER, rcpts, held)

    def arrived(subject: str) -> list[bytes]:
        return [m for m in pf.maildir() if f"Subject: {subject}".encode() in m]

    try:
        got = wait_for(lambda: arrived("allowed-through-postfix"), timeout=60, what="the allowed message")[0]
    except AssertionError:
        raise AssertionError(f"not delivered; Postfix log:\n{pf.log()}") from None
    assert got.endswith(allowed.split(b"\r\n\r\n", 1)[1].replace(b"\r\n", b"\n"))  # body unchanged
    assert b"DKIM-Signature: v=1; d=ours.example; b=dGVzdA==" in got

    waiting = wait_for(
        lambda: [m for m in hold_queue.list_messages(gw.db) if m.subject == "held-through-postfix"],
        timeout=60, what="the message to reach the gateway",
    )[0]
    assert waiting.state == "held" and "lookalike_domain" in {r["code"] for r in waiting.reasons}
    time.sleep(1)
    assert not arrived("held-through-postfix")
    hold_queue.release(gw.db, waiting.id, SENDER)
    gw.wake()
    delivered = wait_for(lambda: arrived("held-through-postfix"), timeout=60, what="the released message")
    assert delivered[0].endswith(held.split(b"\r\n\r\n", 1)[1].replace(b"\r\n", b"\n"))
    notices = [email.message_from_bytes(m, policy=email.policy.default) for m in pf.maildir()
               if b"Auto-Submitted: auto-generated" in m]
    links_in = [t for n in notices for t in re.findall(r"/l/(\S+)", n.get_body().get_content())]
    # the sender's notice came through too, with their own link to this message
    assert waiting.id in {_senders_link(gw.settings.secret_key, t) for t in links_in}


def test_docs_show_the_tested_lines():
    text = DOCS.read_text(encoding="utf-8")
    assert main_cf() in text, "docs/postfix.md must show mamori.gateway.postfix.main_cf() verbatim"
    assert master_cf() in text, "docs/postfix.md must show mamori.gateway.postfix.master_cf() verbatim"


def _senders_link(secret: str, token: str) -> str:
    """The message id of a link made out to SENDER, or "" for anyone else's."""
    try:
        return links.verify(secret, token, SENDER).message_id
    except links.LinkError:
        return ""
