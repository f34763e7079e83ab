"""Delivery to the next hop: the bytes as received (the only edits: dropped recipients left out of To/Cc, Bcc
conversion), the envelope as received (or as released: without the dropped recipients), retries.

``send`` (blocking, one SMTP session per worker thread, reused between messages) returns an ``Attempt``;
``outcome`` (pure) turns it into the row's next state: delivered; queued again with backoff on 4xx or a
connection error; bounced on 5xx (a bounce to the envelope sender is queued too, unless the message is itself a
notice or bounce with the null sender) or when ``bounce_after_hours`` passed. Recipients refused one by one are
split off: the permanently refused are bounced, the temporarily refused retried as a new row of their own.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from mamori.gateway.edits import drop_recipients, split_header, to_bcc
from mamori.gateway.notices import bounce
from mamori.gateway.settings import GatewaySettings
from mamori.gateway.spool import Claimed, Finish, NewMessage, new_id

TIMEOUT = 120  # seconds per SMTP command towards the next hop


@dataclass
class Attempt:
    """What the next hop said: ``code`` 250 when accepted by all; ``refused`` recipient → (code, text)."""

    code: int
    error: str = ""
    refused: dict[str, tuple[int, str]] = field(default_factory=dict)


def mail_options(raw: bytes, mail_from: str, rcpt_to: list[str]) -> list[str]:
    """BODY=8BITMIME for 8-bit bytes; SMTPUTF8 when the envelope or the header is UTF-8 (RFC 6531)."""
    opts = []
    if not raw.isascii():
        opts.append("BODY=8BITMIME")
        if not split_header(raw)[0].isascii() or not all(a.isascii() for a in (mail_from, *rcpt_to)):
            opts.append("SMTPUTF8")
    elif not all(a.isascii() for a in (mail_from, *rcpt_to)):
        opts.append("SMTPUTF8")
    return opts


class NextHop:
    """An SMTP client to the next hop; each thread keeps one open session and reuses it."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.host = settings.next_hop_host
        self.port = settings.next_hop_port
        self._local = threading.local()
        self._all: list[smtplib.SMTP] = []
        self._lock = threading.Lock()

    def _tls(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.settings.next_hop_ca) if self.settings.next_hop_ca else None)
        if not self.settings.next_hop_tls_verify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def _connect(self) -> smtplib.SMTP:
        conn = smtplib.SMTP(self.host, self.port, local_hostname=self.settings.hostname or None, timeout=TIMEOUT)
        conn.ehlo()
        if self.settings.next_hop_starttls:
            conn.starttls(context=self._tls())
            conn.ehlo()
        with self._lock:
            self._all.append(conn)
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def send(self, mail_from: str, rcpt_to: list[str], raw: bytes) -> Attempt:
        opts = mail_options(raw, mail_from, rcpt_to)
        for turn in (0, 1):
            conn = getattr(self._local, "conn", None)
            reused = conn is not None
            try:
                if conn is None:
                    conn = self._local.conn = self._connect()
                refused = conn.sendmail(mail_from, rcpt_to, raw, mail_options=opts)
                return Attempt(250, refused={a: (c, _text(t)) for a, (c, t) in refused.items()})
            except smtplib.SMTPServerDisconnected as exc:
                self._drop()
                if reused and turn == 0:
                    continue  # a kept session the next hop had closed: once more on a new one
                return Attempt(421, f"next hop disconnected: {exc}")
            except smtplib.SMTPRecipientsRefused as exc:
                self._reset(conn)
                refused = {a: (c, _text(t)) for a, (c, t) in exc.recipients.items()}
                worst = min(c for c, _ in refused.values()) if refused else 550
                return Attempt(worst, "all recipients refused", refused)
            except smtplib.SMTPSenderRefused as exc:
                self._reset(conn)
                return Attempt(exc.smtp_code, f"sender refused: {exc.smtp_code} {_text(exc.smtp_error)}")
            except smtplib.SMTPDataError as exc:
                self._reset(conn)
                return Attempt(exc.smtp_code, f"data refused: {exc.smtp_code} {_text(exc.smtp_error)}")
            except smtplib.SMTPNotSupportedError as exc:
                self._reset(conn)
                return Attempt(550, f"next hop lacks a needed extension: {exc}")
            except smtplib.SMTPResponseException as exc:
                self._drop()
                return Attempt(exc.smtp_code, f"{exc.smtp_code} {_text(exc.smtp_error)}")
            except (OSError, smtplib.SMTPException) as exc:
                self._drop()
                return Attempt(421, f"cannot reach the next hop {self.host}:{self.port}: {type(exc).__name__}: {exc}")
        return Attempt(421, "next hop unavailable")

    def _reset(self, conn: smtplib.SMTP | None) -> None:
        try:
            if conn is not None:
                conn.rset()
        except Exception:
            self._drop()

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for c in conns:
            try:
                c.quit()
            except Exception:
                with contextlib.suppress(Exception):
                    c.close()


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


_ADDRESS = re.compile(r"[^\s<>@:;,\"']+@[^\s<>@:;,\"']+")


def masked_text(text: str) -> str:
    """An SMTP reply or error with every address masked, for the log (replies often quote the recipient)."""
    from mamori.detect.mask import mask_value

    return _ADDRESS.sub(lambda m: mask_value("EMAIL", m.group(0)), text)


def wire_bytes(c: Claimed) -> bytes:
    """The bytes to send: the gateway's Received: line, then the bytes as received, but without the dropped
    recipients in To/Cc/Bcc and with Bcc conversion."""
    raw = drop_recipients(c.raw, c.dropped) if c.dropped else c.raw
    raw = to_bcc(raw) if c.bcc else raw
    return c.trace.encode("ascii") + raw if c.trace else raw


def backoff(settings: GatewaySettings, attempts: int) -> float:
    sched = settings.retry_seconds
    return sched[min(max(attempts, 1), len(sched)) - 1]


def _bounce_row(c: Claimed, settings: GatewaySettings, recipients: list[str], error: str, now: datetime) -> NewMessage:
    data = bounce(
        to=c.mail_from,
        from_addr=settings.notice_from,
        reporting_mta=settings.hostname or socket.getfqdn(),
        recipients=recipients,
        error=error,
        original=c.raw,
        subject=c.subject,
    )
    return NewMessage.notice(
        c.mail_from,
        settings.notice_from,
        "Undelivered Mail Returned to Sender",
        data,
        now,
        action="bounce",
        last_error=f"bounce of {c.id}",
    )


def outcome(c: Claimed, attempt: Attempt, settings: GatewaySettings, now: datetime) -> Finish:
    """The row's next state after one attempt (pure)."""
    can_bounce = bool(c.mail_from) and c.action not in ("notice", "bounce")
    expired = now - c.received_at >= timedelta(hours=settings.bounce_after_hours)
    if attempt.code == 250 and not attempt.refused:
        return Finish(c.id, "delivered")
    if attempt.code == 250 or (attempt.refused and len(attempt.refused) < len(c.rcpt_to)):
        # some recipients accepted: this row is delivered; the refused are split off
        perm = [a for a, (code, _) in attempt.refused.items() if code >= 500]
        temp = [a for a, (code, _) in attempt.refused.items() if code < 500]
        extra: list[NewMessage] = []
        note = "; ".join(f"{a}: {code} {text}" for a, (code, text) in attempt.refused.items())
        if perm and can_bounce:
            extra.append(_bounce_row(c, settings, perm, note, now))
        if temp:
            retry_at = now + timedelta(seconds=backoff(settings, c.attempts))
            extra.append(
                NewMessage(
                    {
                        "id": new_id(),
                        "received_at": c.received_at,
                        "updated_at": now,
                        "mail_from": c.mail_from,
                        "rcpt_to": temp,
                        "sender": c.sender,
                        "subject": c.subject,
                        "action": c.action,
                        "state": "queued",
                        "bcc": c.bcc,
                        "dropped_rcpt": list(c.dropped),
                        "trace": c.trace,
                        "attempts": c.attempts,
                        "next_attempt_at": retry_at,
                        "last_error": f"retry of {c.id} for refused recipients",
                    },
                    c.raw,
                )
            )
        return Finish(c.id, "delivered", f"refused: {note}"[:2000], extra=extra)
    if attempt.code >= 500 or expired:
        error = attempt.error or f"{attempt.code}"
        if attempt.refused:
            error += ": " + "; ".join(f"{a}: {code} {text}" for a, (code, text) in attempt.refused.items())
        if expired and attempt.code < 500:
            error = f"gave up after {settings.bounce_after_hours:g} h: {error}"
        extra = [_bounce_row(c, settings, list(c.rcpt_to), error, now)] if can_bounce else []
        return Finish(c.id, "bounced", error, extra=extra)
    retry_at = now + timedelta(seconds=backoff(settings, c.attempts))
    return Finish(c.id, "queued", attempt.error or str(attempt.code), next_attempt_at=retry_at)
