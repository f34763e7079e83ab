"""Four eyes: a message belongs to its submitter (the envelope sender), never to what its From header says.

Real SMTP into the gateway on loopback, the web app over the same store, and ``mamori queue`` as a command. An
approver who submits mail under a colleague's From: the mail is held for approval with ``sender_mismatch``, the
notice goes to the submitter, and neither the submitter nor the person named in From can approve or release it
(web app, ``mamori queue approve``, ``hold_queue``); another approver can.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from mamori.gateway import hold_queue
from mamori.gateway.cli import queue_group
from mamori.gateway.intake import judge_raw
from mamori.gateway.settings import GatewaySettings, load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.guard import Directory, History, load_policy
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.gateway.conftest import SENDER, RunningGateway, eml, free_port, wait_for, write_config

PASSWORD = "correct horse battery"
BOB = "bob@ours.example"  # approver, submits with someone else's From
CAROL = "carol@ours.example"  # approver, the name in that From
OLGA = "olga@ours.example"  # officer: neither submitted nor named
EXTERNAL = "t.sato@alpha.example"  # a known contact (history): harmless mail to him is a plain confirm


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[RunningGateway, Sink, Database]]:
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    settings = load_gateway_settings(write_config(tmp_path, free_port(), sink.port))
    db = Database(settings.store_url)
    db.migrate()
    for login, role in ((BOB, "approver"), (CAROL, "approver"), (OLGA, "officer")):
        create_user(db, login, role=role, group="sales", password=PASSWORD)
    gw = RunningGateway(settings, db)
    try:
        yield gw, sink, db
    finally:
        gw.stop()
        sink.stop_in_thread()
        db.dispose()


def _row(db: Database, subject: str) -> MailMessage:
    def find() -> MailMessage | None:
        with db.session() as s:
            row = s.scalar(select(MailMessage).where(MailMessage.subject == subject))
            if row is not None:
                s.expunge(row)
            return row

    return wait_for(find, what=f"the row of {subject!r}")


def _web(db: Database, tmp_path: Path, login: str) -> TestClient:
    app = create_app(WebSettings(secret_key="k" * 32, data_dir=tmp_path), db, guard=None)
    client = TestClient(app, client=("192.0.2.10", 40000))
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post(
        "/login", data={"login": login, "password": PASSWORD, "csrf": csrf, "next": "/"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return client


def _approve(client: TestClient, message_id: str) -> int:
    page = client.get(f"/messages/{message_id}")
    if page.status_code != 200:
        return page.status_code
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    acks = re.findall(r'name="ack"[^>]*value="([^"]*)"', page.text) or ["r0"]
    return client.post(
        f"/messages/{message_id}/approve", data={"csrf": csrf, "ack": acks}, follow_redirects=False
    ).status_code


def test_an_approver_cannot_approve_their_own_mail_sent_under_a_colleagues_from(world, tmp_path) -> None:
    gw, sink, db = world
    gw.send(eml([EXTERNAL], subject="as carol", sender=CAROL), [EXTERNAL], mail_from=BOB)
    row = _row(db, "as carol")
    # the owner is the submitter; the From is kept beside it and is itself a reason, held for an approver
    assert (row.sender, row.header_from) == (BOB, CAROL)
    assert "sender_mismatch" in [r["code"] for r in row.reasons]
    assert (row.state, row.release_mode) == ("held", "approval")
    mismatch = next(r for r in row.reasons if r["code"] == "sender_mismatch")
    assert CAROL not in str(mismatch) and BOB not in str(mismatch)  # masked evidence only
    # the notice goes to the submitter, not to the person the From header names
    wait_for(lambda: [r for r in sink.received if BOB in r.rcpt_tos], what="the notice to the submitter")
    assert not [r for r in sink.received if CAROL in r.rcpt_tos]

    # nobody who is a party decides: not the submitter, not the one named in From, by no path
    for who in (BOB, CAROL):
        with pytest.raises(hold_queue.QueueError) as refused:
            hold_queue.approve(db, row.id, who)
        assert refused.value.code == "not_allowed"
        assert _approve(_web(db, tmp_path, who), row.id) in (403, 404)
    for os_user in ("bob", "carol"):
        result = CliRunner().invoke(
            queue_group,
            ["approve", "--db", db.url, row.id],
            env={"LOGNAME": os_user, "USER": os_user, "LNAME": os_user, "USERNAME": os_user},
        )
        assert result.exit_code == 1, result.output
        assert "another approver" in result.output
    assert hold_queue.get(db, row.id).state == "held"

    # someone else (the officer) may
    assert _approve(_web(db, tmp_path, OLGA), row.id) == 303
    assert hold_queue.get(db, row.id).state in ("queued", "sending", "delivered")


def test_a_matching_from_is_no_reason_and_harmless_mail_stays_confirm(world) -> None:
    gw, _sink, db = world
    gw.send(eml([EXTERNAL], subject="as myself", sender=SENDER), [EXTERNAL], mail_from=SENDER)
    row = _row(db, "as myself")
    assert (row.sender, row.header_from, row.action) == (SENDER, SENDER, "confirm")
    assert [r["code"] for r in row.reasons] == ["external_recipient"]


def _settings(tmp_path: Path, extra: str = "") -> GatewaySettings:
    return load_gateway_settings(write_config(tmp_path, free_port(), free_port(), extra))


def _judge(settings: GatewaySettings, mail_from: str | None, to: str = EXTERNAL, policy_extra: str = ""):
    path = settings.config_path
    assert path is not None
    if policy_extra:
        path.write_text(path.read_text(encoding="utf-8") + policy_extra, encoding="utf-8")
    return judge_raw(eml([to], sender=CAROL), [to], load_policy(path), Directory(), History(), None, mail_from)


def test_sender_mismatch_cases(tmp_path) -> None:
    settings = _settings(tmp_path)
    codes = lambda j: {r.code: r.severity for r in j.verdict.reasons}  # noqa: E731
    assert codes(_judge(settings, BOB))["sender_mismatch"] == "hold"
    assert codes(_judge(settings, ""))["sender_mismatch"] == "hold"  # the null sender: nobody to own it
    assert "sender_mismatch" not in codes(_judge(settings, CAROL.upper()))  # the same address
    assert "sender_mismatch" not in codes(_judge(settings, None))  # off the gateway: no envelope, no reason
    assert "sender_mismatch" not in codes(_judge(settings, BOB, to="dan@ours.example"))  # internal mail
    assert settings.release_mode_for("sender_mismatch") == "approval"  # whatever release_mode says


def test_an_administrator_may_lower_it(tmp_path) -> None:
    settings = _settings(tmp_path, '[gateway.release_modes]\nsender_mismatch = "self"\n')
    assert settings.release_mode_for("sender_mismatch") == "self"
    judged = _judge(settings, BOB, policy_extra='\n[actions]\nsender_mismatch = "confirm"\n')
    assert {r.code: r.severity for r in judged.verdict.reasons}["sender_mismatch"] == "confirm"


def test_cli_actor_is_a_party_by_login_name() -> None:
    msg = hold_queue.QueuedMessage(
        "x", None, "bob@ours.example", "", "", 0, "hold", "held", "approval", header_from="carol@ours.example"
    )  # type: ignore[arg-type]
    assert hold_queue.is_party("cli:bob", msg) and hold_queue.is_party("cli:carol", msg)
    assert hold_queue.is_party("BOB@ours.example", msg) and hold_queue.is_party("carol@ours.example", msg)
    assert not hold_queue.is_party("cli:olga", msg) and not hold_queue.is_party("olga@ours.example", msg)
    assert not hold_queue.is_party("expiry", msg)


def test_migration_makes_the_submitter_the_owner_on_each_database(database_url: str) -> None:
    """Rows written before mail_0003 kept the From address in ``sender``: it moves to ``header_from`` and the
    envelope sender becomes the owner (mamori's own notices keep theirs), on SQLite and PostgreSQL alike."""
    from sqlalchemy import text

    db = Database(database_url)
    db.migrate("mail@mail_0002")
    now = utcnow()
    with db.engine.begin() as conn:
        for mid, mail_from, sender, action in (
            ("m1", "Bob@ours.example", CAROL, "hold"),
            ("m2", "", CAROL, "confirm"),
            ("n1", "", "mamori@ours.example", "notice"),
        ):
            conn.execute(
                text(
                    "INSERT INTO mail_messages (id, received_at, updated_at, mail_from, rcpt_to, sender, sender_name,"
                    " subject, message_id, size, action, reasons, groups, recipients, attachments, preview, state,"
                    " release_mode, expire_action, bcc, attempts, last_error, decided_by) VALUES (:id, :now, :now,"
                    " :mail_from, '[]', :sender, '', '', '', 0, :action, '[]', '[]', '[]', '[]', '', 'held',"
                    " 'approval', 'cancel', false, 0, '', '')"
                ),
                {"id": mid, "now": now, "mail_from": mail_from, "sender": sender, "action": action},
            )
    db.migrate()
    with db.session() as s:
        got = {r.id: (r.sender, r.header_from) for r in s.scalars(select(MailMessage))}
    assert got == {"m1": (BOB, CAROL), "m2": ("", CAROL), "n1": ("mamori@ours.example", "mamori@ours.example")}
    with pytest.raises(hold_queue.QueueError):
        hold_queue.approve(db, "m1", CAROL)  # named in From
    db.dispose()
