"""The plain-text notices mamori mails itself (sender notices, incident and training reminders): one message shape,
marked auto-generated (RFC 3834) so that auto-responders leave it alone."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid


def compose_notice(from_addr: str, to: str, subject: str, lines: list[str]) -> bytes:
    """The notice's bytes: ``lines`` joined as its UTF-8 text body, dated now in the machine's zone."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = from_addr
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content("\n".join(lines) + "\n", charset="utf-8")
    return msg.as_bytes()
