"""Mail the gateway writes itself: the notice to a sender whose message waits, and a bounce (DSN-like report).

Pure functions: they return the message bytes; the gateway queues them like any other message (envelope sender
``<>``, so a notice or bounce that cannot be delivered never bounces again). Texts in Japanese, then English.
Only masked evidence appears (the guard's reasons are masked); the recipients are not listed (the link shows them
to the sender after login).
"""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Any

from mamori.gateway.edits import split_header

SUBJECTS = {
    "waiting": ("【確認待ち】送信前の確認をお願いします", "Please confirm your message before it is sent"),
    "delayed": ("【送信予約】メールは後で送信されます", "Your message will be sent shortly"),
    "held": ("【保留】メールは保留されています", "Your message is on hold"),
}

INTRO = {
    "waiting": (
        "あなたのメールは送信前の確認を待っています。下のリンクから宛先を確認し、送信してください。",
        "Your message is waiting for your confirmation. Check its recipients at the link below and send it.",
    ),
    "delayed": (
        "あなたのメールは {when} に送信されます。それまでは下のリンクから取り消せます。",
        "Your message will be sent at {when}. Until then you can cancel it at the link below.",
    ),
    "held": (
        "あなたのメールは誤送信の疑いがあるため保留されています。下のリンクから内容を確認してください。",
        "Your message is on hold: it may be a mistake. Check it at the link below.",
    ),
}

APPROVAL = (
    "送信には承認者の承認が必要です。",
    "An approver must approve it before it is sent.",
)


def _reason_lines(reasons: list[dict[str, Any]], lang: str) -> list[str]:
    out = []
    for r in reasons:
        text = r.get("detail_ja") if lang == "ja" and r.get("detail_ja") else r.get("detail", "")
        evidence = r.get("evidence") or []
        tail = f" ({', '.join(evidence[:3])})" if evidence else ""
        out.append(f"- [{r.get('code', '')}] {text}{tail}")
    return out


def notice(
    kind: str,
    *,
    to: str,
    from_addr: str,
    subject: str,
    link: str,
    reasons: list[dict[str, Any]],
    deliver_after: datetime | None = None,
    needs_approval: bool = False,
    expires_at: datetime | None = None,
) -> bytes:
    """The notice for a message that is ``waiting``, ``delayed`` (waiting with a delay) or ``held``."""
    ja_subject, en_subject = SUBJECTS[kind]
    when = deliver_after.strftime("%Y-%m-%d %H:%M UTC") if deliver_after else ""
    ja, en = (t.format(when=when) for t in INTRO[kind])
    lines = [ja]
    if needs_approval:
        lines.append(APPROVAL[0])
    lines += ["", f"件名: {subject}", f"確認: {link}"]
    if expires_at:
        lines.append(f"期限: {expires_at.strftime('%Y-%m-%d %H:%M UTC')}")
    if reasons:
        lines += ["", "理由:", *_reason_lines(reasons, "ja")]
    lines += ["", "-" * 40, "", en]
    if needs_approval:
        lines.append(APPROVAL[1])
    lines += ["", f"Subject: {subject}", f"Review: {link}"]
    if expires_at:
        lines.append(f"Expires: {expires_at.strftime('%Y-%m-%d %H:%M UTC')}")
    if reasons:
        lines += ["", "Reasons:", *_reason_lines(reasons, "en")]
    msg = EmailMessage(policy=SMTP)
    msg["From"] = from_addr
    msg["To"] = to
    msg["Subject"] = f"{ja_subject} / {en_subject}"
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content("\n".join(lines) + "\n", charset="utf-8")
    return msg.as_bytes()


def bounce(
    *,
    to: str,
    from_addr: str,
    reporting_mta: str,
    recipients: list[str],
    error: str,
    original: bytes,
    subject: str = "",
) -> bytes:
    """A delivery failure report (multipart/report; delivery-status) with the original's headers only."""
    ja = "次のメールは配送できませんでした。宛先を確認してください。"
    en = "Your message could not be delivered. Check its recipients."
    text = "\n".join(
        [ja, f"件名: {subject}", f"エラー: {error}", "", "-" * 40, "", en, f"Subject: {subject}", f"Error: {error}", ""]
    )
    status = "5.0.0"
    for token in error.split():
        if token.count(".") == 2 and token[0] in "45" and token.replace(".", "").isdigit():
            status = token
            break
    per_rcpt = "".join(
        f"\r\nFinal-Recipient: rfc822; {r}\r\nAction: failed\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {_one_line(error)}\r\n"
        for r in recipients
    )
    top = EmailMessage(policy=SMTP)
    top["From"] = from_addr
    top["To"] = to
    top["Subject"] = "【配送失敗】Undelivered Mail Returned to Sender"
    top["Date"] = format_datetime(datetime.now().astimezone())
    top["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2] or None)
    top["Auto-Submitted"] = "auto-replied"
    top["MIME-Version"] = "1.0"
    boundary = f"=_mamori_{uuid.uuid4().hex}"
    header, _, _ = split_header(original)
    header = header.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    b = boundary.encode()
    parts = [
        split_header(top.as_bytes())[0],
        f'Content-Type: multipart/report; report-type=delivery-status;\r\n boundary="{boundary}"\r\n\r\n'.encode(),
        b"--" + b + b"\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        base64.encodebytes(text.encode("utf-8")).replace(b"\n", b"\r\n"),
        b"--" + b + b"\r\nContent-Type: message/delivery-status\r\n\r\n",
        f"Reporting-MTA: dns; {reporting_mta}\r\n{per_rcpt}".encode(),
        b"--" + b + b"\r\nContent-Type: text/rfc822-headers\r\n\r\n",
        header,
        b"--" + b + b"--\r\n",
    ]
    return b"".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:400]
