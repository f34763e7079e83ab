"""Two hosts, one database: the contact list and the policy an administrator changes on one host's web pages are
used by the other host's gateway within 5 s, and mail delivered by either is sending history for both (issue 19).

The documented set-up (docs/gateway.md, "Two gateways"): mamori.toml and the contact list in one folder both hosts
mount (NFS/SMB with a short attribute cache), each host started with ``--config`` on it; per-host values need no
file of their own (``instance`` defaults to the host name and port). Here the hosts are two `mamori serve`
processes (web app + gateway) on two loopback ports (``--smtp``/``--web``, as two hosts would not need) and one real
PostgreSQL; the sending history of both is the store's (``sent_history``). Real SMTP clients, a real next hop (the
Sink), the administration pages over HTTP.
"""

from __future__ import annotations

import contextlib
import signal
import smtplib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mamori.gateway import hold_queue
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.web.accounts import create_user
from tests.gateway.conftest import CONTACTS, SENDER, eml, free_port, wait_for, write_config
from tests.test_serve import _form_value
from tests.web.test_admin_serve import _textarea

ROOT = Path(__file__).resolve().parents[2]
ADMIN, PASSWORD = "adam@ours.example", "two-hosts-admin-pw-2026"
NEW = "k.kato@delta.example"
EXTRA = 'confirm_mode = "delay"\ndelay_minutes = 0.02\n'


def _row(db: Database, subject: str) -> hold_queue.QueuedMessage:
    return wait_for(lambda: next((m for m in hold_queue.list_messages(db, limit=200) if m.subject == subject), None),
                    what=f"the row of {subject!r}")


def _send(port: int, subject: str) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as c:
        c.sendmail(SENDER, [NEW], eml([NEW], subject=subject))


def _codes(m: hold_queue.QueuedMessage) -> set[str]:
    return {r["code"] for r in m.reasons}


def _serve(config: Path, smtp: int, web: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mamori.cli", "serve", "--config", str(config), "--smtp", f"127.0.0.1:{smtp}",
         "--web", f"127.0.0.1:{web}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(log, "ab"),  # noqa: SIM115
    )

    def up() -> bool:
        assert proc.poll() is None, log.read_text()[-2000:]
        try:
            with smtplib.SMTP("127.0.0.1", smtp, timeout=5) as c:
                c.noop()
            return httpx.get(f"http://127.0.0.1:{web}/login", timeout=5).status_code == 200
        except (OSError, httpx.HTTPError):
            return False

    wait_for(up, timeout=120, what="a host's web app and gateway")
    return proc


@contextlib.contextmanager
def _admin(web_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=web_url, follow_redirects=False, timeout=60) as web:
        yield _logged_in(web)


def _logged_in(web: httpx.Client) -> httpx.Client:
    page = web.get("/login")
    r = web.post("/login", data={"login": ADMIN, "password": PASSWORD, "next": "/",
                                 "csrf": _form_value(page.text, "csrf")[0]})
    assert r.status_code == 303, r.text
    return web


def test_contacts_policy_and_history_changed_on_host_a_are_used_by_host_b(postgres_url, tmp_path):
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    shared = tmp_path / "shared"  # the folder both hosts mount
    shared.mkdir()
    config = write_config(shared, free_port(), sink.port, EXTRA, store_url=postgres_url)
    smtp_a, smtp_b, web_a, web_b = free_port(), free_port(), free_port(), free_port()
    log = tmp_path / "hosts.log"
    db = Database(postgres_url)
    hosts: list[subprocess.Popen] = []
    try:
        hosts.append(_serve(config, smtp_a, web_a, log))
        hosts.append(_serve(config, smtp_b, web_b, log))
        create_user(db, ADMIN, role="admin", display_name="Adam", password=PASSWORD, actor="test")

        # history: the first message to NEW goes through B and is delivered (delay mode); then A knows NEW
        _send(smtp_b, "first, through B")
        assert "first_time_recipient" in _codes(_row(db, "first, through B"))
        wait_for(lambda: any(b"first, through B" in m.data for m in sink.received), what="the first delivery")
        delivered = time.monotonic()
        while True:  # within 5 s of the delivery, A judges NEW as known (history_refresh_seconds = 2)
            subject = f"again, through A {time.monotonic_ns()}"
            _send(smtp_a, subject)
            if "first_time_recipient" not in _codes(_row(db, subject)):
                break
            assert time.monotonic() - delivered <= 5.0, "A did not learn B's delivery within 5 s"
            time.sleep(0.5)

        # contacts: uploaded on A's page, used by B's gateway
        assert _row(db, "first, through B").groups[0]["organization"] == "delta.example"  # not a contact yet
        with _admin(f"http://127.0.0.1:{web_a}") as web:
            page = web.get("/admin/contacts")
            upload = CONTACTS + f"加藤 四郎,カトウ シロウ,{NEW},株式会社デルタ\n"
            preview = web.post("/admin/contacts/upload", data={"csrf": _form_value(page.text, "csrf")[0]},
                               files={"file": ("contacts.csv", upload.encode(), "text/csv")})
            assert preview.status_code == 200 and 'data-kind="added"' in preview.text
            done = web.post("/admin/contacts/apply", data={"csrf": _form_value(preview.text, "csrf")[0],
                                                           "content": _form_value(preview.text, "content")[0],
                                                           "digest": _form_value(preview.text, "digest")[0]})
            assert done.status_code == 200, done.text
            changed = time.monotonic()
            _send(smtp_b, "after contacts, through B")  # host B: no restart, no page of its own
            assert _row(db, "after contacts, through B").groups[0]["organization"] == "株式会社デルタ"
            assert time.monotonic() - changed <= 5.0

            # policy: saved on A's page, enforced by B's gateway
            page = web.get("/admin/policy")
            text = _textarea(page.text) + '\n[blocked]\nrecipients = ["*@delta.example"]\n'
            text = text.replace('[blocked]\nrecipients = ["*@rival.example"]\n', "")  # (one [blocked] table)
            checked = web.post("/admin/policy/check", data={"csrf": _form_value(page.text, "csrf")[0], "text": text})
            assert checked.status_code == 200 and "diff-add" in checked.text, checked.text[-2000:]
            saved = web.post("/admin/policy/save", data={"csrf": _form_value(checked.text, "csrf")[0],
                                                         "text": text,
                                                         "digest": _form_value(checked.text, "digest")[0]})
            assert saved.status_code == 200, saved.text
        changed = time.monotonic()
        with pytest.raises(smtplib.SMTPDataError) as refused:
            _send(smtp_b, "after policy, through B")
        assert refused.value.smtp_code == 550 and b"blocked_recipient" in refused.value.smtp_error
        assert time.monotonic() - changed <= 5.0
    finally:
        for proc in hosts:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        for proc in hosts:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
        sink.stop_in_thread()
        db.dispose()
