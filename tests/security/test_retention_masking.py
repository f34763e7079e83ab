"""Past ``retention_content_days`` the row keeps no subject, file name or display name that says who or what.

The body went at retention, but the subject (「山田太郎様 マイナンバー一覧の件」) and the attachment names
(「マイナンバー一覧_2026.xlsx」) stayed, in the attachment list and in the reasons' texts. Now the subject is masked
with the detection engine, file names are dropped to their extension, display names are masked and the masked
preview is dropped; the audit log never held any of them. Mail goes through the real gateway over SMTP; the
redaction is run again on PostgreSQL through its driver.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from mamori.gateway import hold_queue
from mamori.gateway.retention import purge
from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.gateway.conftest import SENDER, RunningGateway, free_port, wait_for, write_config
from tests.web import seed

SUBJECT = "山田太郎様 マイナンバー一覧の件"
LIST_NAME = "マイナンバー一覧_2026.xlsx"
ZIP_NAME = "顧客名簿_鈴木一郎.zip"
SECRETS = ("太郎", "マイナンバー一覧_2026", "顧客名簿", "鈴木一郎", "佐藤 花子", "花子")


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    settings = load_gateway_settings(write_config(tmp_path, free_port(), sink.port))
    db = Database(settings.store_url)
    db.migrate()
    gw = RunningGateway(settings, db)
    try:
        yield gw
    finally:
        gw.stop()
        sink.stop_in_thread()
        db.dispose()


def _encrypted_zip() -> bytes:
    """A zip whose member claims to be encrypted (flag bit 0 patched in both headers): unscannable, held."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("list.csv", "氏名,電話\n")
    data = bytearray(buf.getvalue())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + offset] |= 0x01
    return bytes(data)


def _mail(to: str, name: str, content: bytes, subtype: str) -> bytes:
    m = EmailMessage()
    m["From"] = f"中村 三郎 <{SENDER}>"
    m["To"] = f"佐藤 花子 <{to}>"
    m["Subject"] = SUBJECT
    m.set_content("資料をお送りします。\n")
    m.add_attachment(content, maintype="application", subtype=subtype, filename=name)
    return m.as_bytes()


def _everything_stored(db: Database) -> str:
    """Every text column of every row, every audit entry, as one string."""
    with db.session() as s:
        rows = [
            {c.name: getattr(r, c.name) for c in MailMessage.__table__.columns if c.name != "redacted_at"}
            for r in s.scalars(select(MailMessage).where(MailMessage.action.not_in(("notice", "bounce"))))
        ]
        audit = [(a.actor, a.action, a.target, a.detail, a.data) for a in s.scalars(select(AuditEntry))]
    return json.dumps([rows, audit], ensure_ascii=False, default=str)


def test_subject_and_file_names_are_masked_past_retention(gateway, tmp_path) -> None:
    gw = gateway
    db = gw.db
    # internal mail: delivered at once; external mail with an unreadable zip: held, then cancelled
    gw.send(_mail("h.sato@ours.example", LIST_NAME, b"PK\x03\x04", "octet-stream"), ["h.sato@ours.example"])
    gw.send(_mail("t.sato@alpha.example", ZIP_NAME, _encrypted_zip(), "zip"), ["t.sato@alpha.example"])
    rows = wait_for(
        lambda: hold_queue.list_messages(db, limit=10) if len(hold_queue.list_messages(db)) == 2 else None,
        what="both messages",
    )
    held = next(m for m in rows if m.state == "held")
    assert "unscannable_attachment" in [r["code"] for r in held.reasons] and ZIP_NAME in json.dumps(
        held.reasons, ensure_ascii=False
    )
    hold_queue.cancel(db, held.id, "s.nakamura@ours.example", "cancelled by the sender")
    wait_for(
        lambda: all(m.state in ("delivered", "cancelled") for m in hold_queue.list_messages(db)), what="both finished"
    )
    before = _everything_stored(db)
    assert all(s in before for s in ("太郎", LIST_NAME, ZIP_NAME, "佐藤 花子"))  # what retention must not keep

    # within retention nothing changes; past it (the gateway's own job, the real engine) everything is masked
    assert purge(db, utcnow(), 30, 0).redacted == 0
    with db.session() as s:
        finished = {r.id: r.updated_at for r in s.scalars(select(MailMessage))}
    wait_for(
        lambda: not hold_queue.list_messages(db, states=("queued", "sending"), generated=True),
        what="the notices delivered",
    )
    result = purge(db, utcnow() + timedelta(days=31), 30, 0)
    assert result.contents == result.redacted == len(hold_queue.list_messages(db, generated=True))  # (notices too)
    after = _everything_stored(db)
    for secret in SECRETS:
        assert secret not in after, secret
    with db.session() as s:
        for row in s.scalars(select(MailMessage).where(MailMessage.action.not_in(("notice", "bounce")))):
            assert row.redacted_at is not None and row.preview == ""
            assert row.subject.startswith("山田") and "様" in row.subject  # masked by the engine, not emptied
            assert [a["filename"] for a in row.attachments] in (["■■■.xlsx"], ["■■■.zip"])
            assert row.updated_at == finished[row.id]  # when it finished: the cutoffs still count from there
            assert row.rcpt_to and row.mail_from == SENDER  # the record an audit needs stays
        assert s.scalar(select(MailContent.message_id)) is None  # the bytes went first
    assert purge(db, utcnow() + timedelta(days=32), 30, 0).redacted == 0  # once

    # the confirmation page of a redacted message still renders
    app = create_app(WebSettings(secret_key="k" * 32, data_dir=tmp_path), db, guard=None)
    from mamori.web.accounts import create_user

    create_user(db, SENDER, role="sender", password=seed.PASSWORD)
    with TestClient(app) as client:
        page = client.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        client.post("/login", data={"login": SENDER, "password": seed.PASSWORD, "csrf": csrf, "next": "/"})
        r = client.get(f"/messages/{held.id}")
        assert r.status_code == 200 and "■■■.zip" in r.text and ZIP_NAME not in r.text


def test_redaction_on_each_database(database_url: str) -> None:
    db = Database(database_url)
    db.migrate()
    reason = {
        "code": "sensitive_pii",
        "severity": "hold",
        "detail": f"{LIST_NAME} holds special-care data.",
        "detail_ja": f"{LIST_NAME} に要配慮個人情報",
        "evidence": [LIST_NAME, "健康"],
    }
    mid = seed.message(
        db,
        subject=SUBJECT,
        state="cancelled",
        reasons=[reason],
        attachments=[{"filename": LIST_NAME, "types": ["PERSON"], "records": 80, "issues": []}],
    )
    old = utcnow() - timedelta(days=40)
    with db.session() as s:
        s.execute(update(MailMessage).where(MailMessage.id == mid).values(updated_at=old))
    assert purge(db, utcnow(), 30, 0, mask_text=lambda t: t.replace("太郎", "■■")).redacted == 1
    with db.session() as s:
        row = s.get(MailMessage, mid)
        assert row.subject == "山田■■様 マイナンバー一覧の件" and row.attachments[0]["filename"] == "■■■.xlsx"
        assert row.reasons[0]["evidence"] == ["■■■.xlsx", "健康"] and LIST_NAME not in row.reasons[0]["detail"]
        assert row.recipients[0]["name"] != "田中 一郎" and row.preview == ""
        assert row.updated_at == old
    db.dispose()


def test_the_audit_log_keeps_no_raw_personal_data_from_a_cancel_reason(tmp_path) -> None:
    from click.testing import CliRunner

    from mamori.gateway.cli import queue_group

    db = Database(f"sqlite:///{tmp_path / 'q.db'}")
    db.migrate()
    mid = seed.message(db, state="held")
    reason = "山田太郎さんの件、090-1234-5678 に確認済み"
    result = CliRunner().invoke(queue_group, ["cancel", "--db", db.url, mid, "--reason", reason])
    assert result.exit_code == 0, result.output
    with db.session() as s:
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "cancel"))
        assert "太郎" not in entry.detail and "1234" not in entry.detail and "山田" in entry.detail
    db.dispose()
