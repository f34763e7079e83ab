"""Mail the gateway writes itself: the notice to a sender whose message waits or expired, and a bounce (DSN-like).

Pure functions: they return the message bytes; the gateway queues them like any other message (envelope sender
``<>``, so a notice or bounce that cannot be delivered never bounces again). Texts in Japanese, then English.
Times are in the company's zone with its name (``tz``: ``[organization] timezone``, default Asia/Tokyo).
Only masked evidence appears (the guard's reasons are masked); the waiting/held notice lists no recipient (the link
shows them to the sender after login), the expiry notice lists them masked (``t*****@alpha.example``). The approver's
notice (``approval_notice``) gets the subject and reasons masked by the caller, with the same rule as the web page.
The cancel notice (``cancel_notice``) carries the canceller's note of what to correct, as written.
"""

from __future__ import annotations

import base64
import uuid
from datetime import datetime, tzinfo
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Any

from mamori.gateway.edits import split_header
from mamori.glossary import evidence_label, reason_title
from mamori.notice_mail import compose_notice
from mamori.timefmt import format_time, zone

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
    """Each reason as its glossary title, its text and evidence (already masked); codes never show."""
    out = []
    for r in reasons:
        text = r.get("detail_ja") if lang == "ja" and r.get("detail_ja") else r.get("detail", "")
        evidence = [evidence_label(str(e), lang) for e in r.get("evidence") or []]
        if lang == "ja":
            tail = f"（{'、'.join(evidence[:3])}）" if evidence else ""
        else:
            tail = f" ({', '.join(evidence[:3])})" if evidence else ""
        out.append(f"- {reason_title(str(r.get('code', '')), lang)}: {text}{tail}")
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
    tz: tzinfo | None = None,
) -> bytes:
    """The notice for a message that is ``waiting``, ``delayed`` (waiting with a delay) or ``held``."""
    ja_subject, en_subject = SUBJECTS[kind]
    tz = tz or zone()
    when = format_time(deliver_after, tz)
    ja, en = (t.format(when=when) for t in INTRO[kind])
    lines = [ja]
    if needs_approval:
        lines.append(APPROVAL[0])
    lines += ["", f"件名: {subject}", f"確認: {link}"]
    if expires_at:
        lines.append(f"期限: {_when(expires_at, tz)}")
    if reasons:
        lines += ["", "理由:", *_reason_lines(reasons, "ja")]
    lines += ["", "-" * 40, "", en]
    if needs_approval:
        lines.append(APPROVAL[1])
    lines += ["", f"Subject: {subject}", f"Review: {link}"]
    if expires_at:
        lines.append(f"Expires: {_when(expires_at, tz)}")
    if reasons:
        lines += ["", "Reasons:", *_reason_lines(reasons, "en")]
    return compose_notice(from_addr, to, f"{ja_subject} / {en_subject}", lines)


APPROVER = {
    "subject": ("【承認依頼】メールが承認を待っています", "A message waits for your approval"),
    "intro": (
        "次のメールは、mamori が送信前に止めました。送信には承認者の承認が必要です。",
        "mamori stopped the message below before it left. It needs an approver's approval to be sent.",
    ),
    "act": (
        "下のリンクを開き、内容を確認して「承認して送信」を押してください（ログインが必要です）。"
        "リンクはあなた専用で、一度だけ使えます。",
        "Open the link below, check the message and press \"Approve and send\" (you will be asked to sign in). "
        "The link is yours alone and works once.",
    ),
}


def approval_notice(
    *,
    to: str,
    from_addr: str,
    subject: str,
    sender: str,
    link: str,
    why: tuple[str, str],
    reasons: list[dict[str, Any]],
    expires_at: datetime | None = None,
    tz: tzinfo | None = None,
) -> bytes:
    """The notice to an approver that a message needs their approval: ``subject`` and ``reasons`` (texts and
    evidence) already masked by the caller (the approver is not the message's sender), ``why`` the one-line
    summary in (Japanese, English), ``link`` the approver's own decision link. The sender is staff and named as is;
    no recipient, body or attachment name is shown."""
    subject = _one_line_subject(subject)
    lines = [APPROVER["intro"][0], "", f"なぜ止めたか: {why[0]}", "", f"差出人: {sender}", f"件名: {subject}"]
    if expires_at:
        lines.append(f"期限: {_when(expires_at, tz)}")
    lines += ["", APPROVER["act"][0], link]
    if reasons:
        lines += ["", "理由の詳細:", *_reason_lines(reasons, "ja")]
    lines += ["", "-" * 40, "", APPROVER["intro"][1], "", f"Why: {why[1]}", "", f"From: {sender}"]
    lines += [f"Subject: {subject}"]
    if expires_at:
        lines.append(f"Deadline: {_when(expires_at, tz)}")
    lines += ["", APPROVER["act"][1], link]
    if reasons:
        lines += ["", "Reasons:", *_reason_lines(reasons, "en")]
    ja_subject, en_subject = APPROVER["subject"]
    return compose_notice(from_addr, to, f"[mamori] {ja_subject} / {en_subject}: {subject}", lines)


EXPIRY = {
    "cancel": {
        "subject": ("送信されませんでした", "Not sent"),
        "intro": (
            "あなたのメールは送信されませんでした。期限までに確認・承認されなかったため、取り消されました。",
            "Your message was NOT sent: nobody confirmed or approved it before the deadline, so it was cancelled.",
        ),
        "todo": (
            "送信する場合は、宛先と内容を確認のうえ、もう一度送信してください。",
            "If it should still go out, check its recipients and content and send it again.",
        ),
    },
    "release": {
        "subject": ("確認なしで送信されました", "Sent without confirmation"),
        "intro": (
            "あなたのメールは確認・承認されないまま期限を迎えたため、設定に従い確認なしで送信されました。",
            "Your message reached its deadline without being confirmed or approved, and was sent without "
            "confirmation as the settings require.",
        ),
        "todo": (
            "誤りがあった場合は、宛先に連絡してください。",
            "If it was a mistake, contact its recipients.",
        ),
    },
}
MAX_LISTED = 20  # recipients listed (masked) in an expiry notice; the rest are counted


def masked_recipients(addresses: list[str]) -> list[str]:
    """Each address once, masked (``t*****@alpha.example``): the sender can tell them apart, nobody else reads them."""
    from mamori.detect.mask import mask_value

    return [mask_value("EMAIL", a) for a in dict.fromkeys(a.lower() for a in addresses if a)]


def _when(at: datetime | None, tz: tzinfo | None) -> str:
    """A moment in the company's zone, with the zone's name (``2026-12-07 10:00 JST``)."""
    return format_time(at, tz or zone(), empty="-")


def _one_line_subject(subject: str, limit: int = 150) -> str:
    text = " ".join(subject.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def expiry_notice(
    outcome: str,
    *,
    to: str,
    from_addr: str,
    subject: str,
    received_at: datetime | None,
    expires_at: datetime | None,
    recipients: list[str],
    reasons: list[dict[str, Any]],
    link: str = "",
    tz: tzinfo | None = None,
) -> bytes:
    """The notice that a waiting/held message expired: ``outcome`` "cancel" (not sent) or "release" (sent unconfirmed).

    Shows the subject, when it was received and expired, the recipients masked, the reasons (masked evidence only) and
    what to do; never the body.
    """
    texts = EXPIRY[outcome]
    ja_subject, en_subject = texts["subject"]
    listed = masked_recipients(recipients)
    more = len(listed) - MAX_LISTED
    shown = [f"- {a}" for a in listed[:MAX_LISTED]]
    subject = _one_line_subject(subject)
    lines = [texts["intro"][0], "", f"件名: {subject}", f"受付: {_when(received_at, tz)}"]
    lines.append(f"期限: {_when(expires_at, tz)}")
    if link:
        lines.append(f"詳細: {link}")
    lines += ["", "宛先:", *shown, *([f"- ほか {more} 件"] if more > 0 else [])]
    if reasons:
        lines += ["", "保留の理由:", *_reason_lines(reasons, "ja")]
    lines += ["", texts["todo"][0], "", "-" * 40, "", texts["intro"][1], ""]
    lines += [f"Subject: {subject}", f"Received: {_when(received_at, tz)}", f"Deadline: {_when(expires_at, tz)}"]
    if link:
        lines.append(f"Details: {link}")
    lines += ["", "Recipients:", *shown, *([f"- and {more} more"] if more > 0 else [])]
    if reasons:
        lines += ["", "Why it was held:", *_reason_lines(reasons, "en")]
    lines += ["", texts["todo"][1]]
    return compose_notice(from_addr, to, f"[mamori] {ja_subject} / {en_subject}: {subject}", lines)


CANCELLED = {
    "subject": ("送信を取り消しました", "Cancelled, not sent"),
    "by_sender": (
        "あなたが取り消したため、このメールは送信されていません。",
        "You cancelled this message: it was NOT sent.",
    ),
    "by_other": (
        "このメールは {who} が取り消したため、送信されていません。",
        "This message was cancelled by {who}: it was NOT sent.",
    ),
    "note": ("修正してほしい点:", "What to correct:"),
    "todo": (
        "内容を修正のうえ、必要であれば新しいメールとして送信し直してください。",
        "Correct it and, if it should still go out, send it again as a new message.",
    ),
}


def cancel_notice(
    *,
    to: str,
    from_addr: str,
    subject: str,
    by_sender: bool,
    note: str,
    received_at: datetime | None,
    recipients: list[str],
    link: str = "",
    who: str = "",
    tz: tzinfo | None = None,
) -> bytes:
    """The notice that a message was cancelled, with the canceller's note of what to correct (plain text, already
    cleaned: ``cancelling.clean_note``). The recipients are masked as in the expiry notice; never the body."""
    texts = CANCELLED
    who_ja, who_en = (who, who) if who else ("承認者または管理者", "an approver or an administrator")
    intro_ja = texts["by_sender"][0] if by_sender else texts["by_other"][0].format(who=who_ja)
    intro_en = texts["by_sender"][1] if by_sender else texts["by_other"][1].format(who=who_en)
    listed = masked_recipients(recipients)
    more = len(listed) - MAX_LISTED
    shown = [f"- {a}" for a in listed[:MAX_LISTED]]
    subject = _one_line_subject(subject)
    note_lines = [f"  {line}" for line in note.split("\n")] if note else []
    lines = [intro_ja, "", f"件名: {subject}", f"受付: {_when(received_at, tz)}"]
    if link:
        lines.append(f"詳細: {link}")
    if note:
        lines += ["", texts["note"][0], *note_lines]
    lines += ["", "宛先:", *shown, *([f"- ほか {more} 件"] if more > 0 else [])]
    lines += ["", texts["todo"][0], "", "-" * 40, "", intro_en, ""]
    lines += [f"Subject: {subject}", f"Received: {_when(received_at, tz)}"]
    if link:
        lines.append(f"Details: {link}")
    if note:
        lines += ["", texts["note"][1], *note_lines]
    lines += ["", "Recipients:", *shown, *([f"- and {more} more"] if more > 0 else [])]
    lines += ["", texts["todo"][1]]
    ja_subject, en_subject = texts["subject"]
    return compose_notice(from_addr, to, f"[mamori] {ja_subject} / {en_subject}: {subject}", lines)


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
