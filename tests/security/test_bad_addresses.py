"""Line separators and control characters in an address: a hold or a clear error naming the input, never a crash.

U+2028 in an SMTPUTF8 ``MAIL FROM`` made the gateway answer ``500 Error: (ValueError)`` (its notice could not be
written), a permanent reject the MTA bounces; an expiry that cannot complete logged the same line on every tick;
NUL in a login reached PostgreSQL (which refuses it: a 500). Real SMTP on loopback, the web app on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import logging
import re
import smtplib
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from mamori.gateway import hold_queue
from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.gateway.conftest import SENDER, RunningGateway, eml, free_port, wait_for, write_config
from tests.web import seed

TO = "t.sato@alpha.example"
SEPARATORS = ["\u2028", "\u2029", "\x85", "\x00", "\x1b"]


def unusable_characters(value: str) -> list[str]:
    """The characters of ``value`` no address may hold, named as the reasons and errors name them."""
    found = [c for c in value if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs")]
    return [f"U+{ord(c):04X} {unicodedata.name(c, '') or 'CONTROL'}" for c in dict.fromkeys(found)]


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[tuple[RunningGateway, Sink]]:
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    settings = load_gateway_settings(write_config(tmp_path, free_port(), sink.port))
    db = Database(settings.store_url)
    db.migrate()
    gw = RunningGateway(settings, db)
    try:
        yield gw, sink
    finally:
        gw.stop()
        sink.stop_in_thread()
        db.dispose()


def _send(gw: RunningGateway, mail_from: str, rcpts: list[str], subject: str) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=60) as c:
        c.ehlo()
        code, text = c.mail(mail_from, ["SMTPUTF8"])
        assert code == 250, text
        for r in rcpts:
            code, text = c.rcpt(r)
            assert code == 250, text
        return c.data(eml([TO], subject=subject))


def _row(db: Database, subject: str) -> MailMessage:
    with db.session() as s:
        row = s.scalar(select(MailMessage).where(MailMessage.subject == subject))
        assert row is not None
        s.expunge(row)
        return row


def test_separators_in_envelope_addresses_are_held_and_named(gateway, caplog) -> None:
    gw, sink = gateway
    caplog.set_level(logging.INFO, logger="mamori.gateway")
    cases = [(f"s.naka{c}mura@ours.example", [TO]) for c in SEPARATORS]
    cases += [(SENDER, [f"t.sa{c}to@alpha.example"]) for c in SEPARATORS]
    for i, (mail_from, rcpts) in enumerate(cases):
        code, text = _send(gw, mail_from, rcpts, f"case {i}")
        assert code == 250, (i, code, text)  # accepted: never a 5xx for mail the policy holds
        row = _row(gw.db, f"case {i}")
        assert (row.action, row.state) == ("hold", "held"), i
        reason = next(r for r in row.reasons if r["code"] == "malformed_address")
        assert unusable_characters(mail_from + "".join(rcpts))[0] in reason["detail"]  # names the character
        assert ("MAIL FROM" if mail_from != SENDER else "RCPT TO") in reason["detail"]  # and the input
        assert "\x00" not in row.sender and "\x00" not in str(row.rcpt_to)
    # no notice went to an address no header can hold; the good sender of the RCPT cases got theirs
    wait_for(lambda: [r for r in sink.received if SENDER in r.rcpt_tos], what="the notices to the good sender")
    assert all(not unusable_characters(a) for r in sink.received for a in r.rcpt_tos)

    # the holds expire like any other: no notice to the bad address, no error, nothing logged per tick
    with gw.db.session() as s:
        s.execute(update(MailMessage).values(expires_at=utcnow() - timedelta(seconds=1)))
    wait_for(lambda: not hold_queue.list_messages(gw.db, states=("held",)), what="the expiries")
    assert {m.state for m in hold_queue.list_messages(gw.db)} == {"cancelled"}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


def test_an_expiry_that_keeps_failing_is_logged_once(tmp_path, caplog) -> None:
    """A fault we cannot cause through the front door any more (the notice builder raising) is injected here."""
    db = Database(f"sqlite:///{tmp_path / 'q.db'}")
    db.migrate()
    seed.users(db)
    mid = seed.message(db, state="held")
    with db.session() as s:
        s.execute(update(MailMessage).values(expires_at=utcnow() - timedelta(seconds=1)))

    def broken(msg, mail_from, outcome):  # type: ignore[no-untyped-def]
        raise ValueError("cannot build the notice")

    caplog.set_level(logging.INFO, logger="mamori.gateway")
    for _ in range(5):  # five ticks
        assert hold_queue.expire_due(db, notice=broken) == []
    lines = [r.getMessage() for r in caplog.records if mid in r.getMessage()]
    assert len(lines) == 1 and "ValueError" in lines[0]
    assert hold_queue.get(db, mid).state == "held"  # not lost, not silently cancelled: retried
    assert [m.state for m in hold_queue.expire_due(db)] == ["cancelled"]  # once it can, it does
    db.dispose()


@pytest.fixture
def web(database_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, Database, list[str]]]:
    db = Database(database_url)
    db.migrate()
    seed.users(db)
    ids = [
        seed.message(db, recipients=[("tanaka\u2028@abc.example", "田中\u2028一郎", "to")]),
        seed.message(db, sender="alice@corp.example", subject="件名\u2029改行\x1b"),
    ]
    app = create_app(WebSettings(secret_key="k" * 32, data_dir=tmp_path), db, guard=None)
    with TestClient(app, client=("192.0.2.10", 40000), raise_server_exceptions=False) as client:
        yield client, db, ids
    db.dispose()


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token"
    return m.group(1)


def _login(client: TestClient, login: str) -> int:
    page = client.get("/login")
    return client.post(
        "/login",
        data={"login": login, "password": seed.PASSWORD, "csrf": _csrf(page.text), "next": "/"},
        follow_redirects=False,
    ).status_code


@pytest.mark.parametrize("char", SEPARATORS)
def test_web_app_names_the_character_instead_of_failing(web, char: str) -> None:
    client, _db, ids = web
    name = unusable_characters(char)[0]
    # the login form: a 400 that says which character, not a 500 (PostgreSQL refuses NUL) nor a plain "wrong"
    page = client.get("/login")
    r = client.post(
        "/login",
        data={"login": f"alice{char}@corp.example", "password": "x" * 12, "csrf": _csrf(page.text), "next": "/"},
    )
    assert r.status_code == 400 and name.split(" ", 1)[0] in r.text, r.text[:300]
    # the officer's user form: a 400 naming the field and the character; nothing is created
    assert _login(client, "olga@corp.example") == 303
    users = client.get("/admin/users")
    for field in ("login", "group", "display_name"):
        data = {
            "csrf": _csrf(users.text),
            "login": "new@corp.example",
            "role": "sender",
            "group": "",
            "display_name": "",
        }
        data[field] = f"x{char}y" if field != "login" else f"new{char}@corp.example"
        r = client.post("/admin/users", data=data)
        assert r.status_code == 400 and name.split(" ", 1)[0] in r.text, (field, r.status_code)
    assert "new@corp.example" not in client.get("/admin/users").text
    r = client.post(
        f"/admin/users/alice{quote(char)}@corp.example",
        data={"csrf": _csrf(users.text), "role": "sender", "group": "", "display_name": "", "active": "1"},
    )
    assert r.status_code in (400, 404)
    # pages of messages whose addresses and subject hold separators render
    for path in ("/queue", "/dashboard", "/audit", *(f"/messages/{i}" for i in ids)):
        assert client.get(path).status_code == 200, path
