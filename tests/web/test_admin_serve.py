"""``mamori serve`` (the gateway and the web app in one process, sharing one guard) while an administrator changes the
contact list and the policy on the administration pages over HTTP: the next mail over SMTP is judged with the new
ones within 5 s, without a restart; a bad policy is refused on the page and the running one stays (issue 19)."""

from __future__ import annotations

import html
import re
import smtplib
import time

import httpx
import pytest

from mamori.gateway import hold_queue
from mamori.gateway.settings import load_gateway_settings
from mamori.store import Database
from mamori.web.accounts import create_user
from tests.test_serve import _form_value, _wait, served  # noqa: F401 (the fixture)

ADMIN, PASSWORD = "adam@mamori-shoji.example", "admin-pages-pw-2026"
SENDER = "h.nakamura@mamori-shoji.example"
NEW = "k.kato@delta.example"


def _mail(subject: str) -> bytes:
    return (f"From: 中村 浩 <{SENDER}>\r\nTo: {NEW}\r\nSubject: {subject}\r\nMessage-ID: <{time.time_ns()}@x>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "加藤様\r\nお世話になっております。\r\n").encode()


def _send(port: int, subject: str) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
        s.sendmail(SENDER, [NEW], _mail(subject))


def _organisation(db: Database, subject: str) -> str:
    found: list[str] = []

    def stored() -> bool:
        found[:] = [m.groups[0]["organization"] for m in hold_queue.list_messages(db) if m.subject == subject]
        return bool(found)

    _wait(stored, 30, f"the message {subject!r}")
    return found[0]


def _textarea(page: str) -> str:
    return html.unescape(re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page, re.S).group(1))


def test_contacts_and_policy_changed_in_the_browser_apply_to_the_next_mail(served) -> None:  # noqa: F811
    settings = load_gateway_settings(served["var"] / "mamori.toml")
    db = Database(settings.store_url)
    create_user(db, ADMIN, role="admin", display_name="Adam", password=PASSWORD, actor="test")
    _send(served["smtp"], "before")
    assert _organisation(db, "before") == "delta.example"  # unregistered: named by its domain

    with httpx.Client(base_url=served["web"], follow_redirects=False, timeout=60) as web:
        page = web.get("/login")
        r = web.post("/login", data={"login": ADMIN, "password": PASSWORD, "next": "/",
                                     "csrf": _form_value(page.text, "csrf")[0]})
        assert r.status_code == 303, r.text
        page = web.get("/admin/contacts")
        assert page.status_code == 200
        contacts = (served["var"] / "contacts.csv").read_text(encoding="utf-8")
        upload = contacts + f"加藤 四郎,カトウ シロウ,{NEW},株式会社デルタ\n"
        preview = web.post("/admin/contacts/upload", data={"csrf": _form_value(page.text, "csrf")[0]},
                           files={"file": ("contacts.csv", upload.encode(), "text/csv")})
        assert preview.status_code == 200 and 'data-kind="added"' in preview.text
        done = web.post("/admin/contacts/apply", data={"csrf": _form_value(preview.text, "csrf")[0],
                                                       "content": _form_value(preview.text, "content")[0],
                                                       "digest": _form_value(preview.text, "digest")[0]})
        assert done.status_code == 200, done.text
        changed = time.monotonic()
        _send(served["smtp"], "after contacts")
        assert _organisation(db, "after contacts") == "株式会社デルタ"
        assert time.monotonic() - changed <= 5.0

        page = web.get("/admin/policy")
        text = _textarea(page.text) + '\n[blocked]\nrecipients = ["*@delta.example"]\n'
        checked = web.post("/admin/policy/check", data={"csrf": _form_value(page.text, "csrf")[0], "text": text})
        assert checked.status_code == 200 and "diff-add" in checked.text
        saved = web.post("/admin/policy/save", data={"csrf": _form_value(checked.text, "csrf")[0], "text": text,
                                                     "digest": _form_value(checked.text, "digest")[0]})
        assert saved.status_code == 200, saved.text
        changed = time.monotonic()
        with pytest.raises(smtplib.SMTPDataError) as refused:
            _send(served["smtp"], "after policy")
        assert refused.value.smtp_code == 550 and b"blocked_recipient" in refused.value.smtp_error
        assert time.monotonic() - changed <= 5.0

        bad = text.replace('internal_domains = ["mamori-shoji.example"]', "internal_domains = []")
        page = web.get("/admin/policy")
        r = web.post("/admin/policy/save", data={"csrf": _form_value(page.text, "csrf")[0], "text": bad,
                                                 "digest": "validated first"})
        assert r.status_code == 400 and "organization.internal_domains" in r.text
        with pytest.raises(smtplib.SMTPDataError):  # the running policy stays
            _send(served["smtp"], "after a refused policy")
    db.dispose()
