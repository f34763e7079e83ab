"""Test data for the web app: users and queued messages written straight into the store (as the gateway would)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from mamori.detect.mask import mask_value
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage
from mamori.web.accounts import create_user

PASSWORD = "correct horse battery"


def users(db: Database) -> None:
    create_user(db, "alice@corp.example", role="sender", group="sales", display_name="Alice", password=PASSWORD)
    create_user(db, "bob@corp.example", role="approver", group="sales", display_name="Bob", password=PASSWORD)
    create_user(db, "carol@corp.example", role="sender", group="legal", display_name="Carol", password=PASSWORD)
    create_user(db, "olga@corp.example", role="officer", group="", display_name="Olga", password=PASSWORD)


def group(org: str, known: bool, *recipients: tuple[str, str, str, bool]) -> dict[str, Any]:
    return {
        "organization": org,
        "known": known,
        "recipients": [
            {"address": mask_value("EMAIL", a), "name": mask_value("PERSON", n) if n else "", "field": f.capitalize(),
             "first_time": ft}
            for a, n, f, ft in recipients
        ],
    }


def message(
    db: Database,
    *,
    sender: str = "alice@corp.example",
    subject: str = "見積書の送付",
    state: str = "held",
    action: str = "hold",
    release_mode: str = "self",
    recipients: list[tuple[str, str, str]] | None = None,
    groups: list[dict[str, Any]] | None = None,
    attachments: list[dict[str, Any]] | None = None,
    reasons: list[dict[str, Any]] | None = None,
    preview: str = "株式会社エービーシー\n田中 ■■ 様\n\nいつもお世話になっております。",
    deliver_after_seconds: int | None = None,
    bcc_only: tuple[str, ...] = (),
) -> str:
    """Insert one message; returns its id."""
    if recipients is None:
        recipients = [
            ("tanaka@abc.example", "田中 一郎", "to"),
            ("suzuki@xyz.example", "鈴木 花子", "cc"),
            ("dan@corp.example", "Dan", "cc"),
        ]
    if groups is None:
        groups = [
            group("株式会社エービーシー", True, ("tanaka@abc.example", "田中 一郎", "to", False)),
            group("xyz.example", False, ("suzuki@xyz.example", "鈴木 花子", "cc", True)),
        ]
    if attachments is None:
        attachments = [{"filename": "見積書_2026.pdf", "size": 48213, "types": ["PERSON"], "records": 1, "issues": []}]
    if reasons is None:
        reasons = [
            {
                "code": "multiple_external_orgs",
                "severity": "confirm",
                "detail": "Recipients of 2 external organisations in To/Cc.",
                "detail_ja": "To/Cc に社外の 2 社が含まれています。",
                "evidence": ["t*****@abc.example", "s*****@xyz.example"],
            },
            {
                "code": "first_time_recipient",
                "severity": "confirm",
                "detail": "First message to s*****@xyz.example.",
                "detail_ja": "s*****@xyz.example には初めて送ります。",
                "evidence": ["s*****@xyz.example"],
            },
        ]
    mid = uuid.uuid4().hex
    now = utcnow()
    with db.session() as s:
        s.add(
            MailMessage(
                id=mid,
                received_at=now,
                updated_at=now,
                mail_from=sender,
                rcpt_to=[a for a, _, _ in recipients] + list(bcc_only),
                sender=sender.lower(),
                sender_name=sender.split("@")[0].title(),
                subject=subject,
                message_id=f"<{mid}@corp.example>",
                size=1234,
                action=action,
                reasons=reasons,
                groups=groups,
                recipients=[{"name": n, "address": a, "field": f} for a, n, f in recipients],
                attachments=attachments,
                preview=preview,
                state=state,
                release_mode=release_mode,
                deliver_after=now + timedelta(seconds=deliver_after_seconds) if deliver_after_seconds else None,
                expires_at=now + timedelta(days=3) if state == "held" else None,
                expire_action="cancel",
            )
        )
        s.add(MailContent(message_id=mid, raw=b"From: x\r\n\r\nbody\r\n"))
    return mid
