"""Tables of the gateway's queue: every message the gateway acknowledged, its verdict, state and bytes.

A row is written (and committed with ``synchronous=FULL`` / PostgreSQL's fsync) *before* the gateway answers
250, so the row is the durable spool. The bytes live in ``mail_content`` so listing the queue never loads them.

States (``MailMessage.state``):

- ``waiting``: a confirm verdict; delivered when its sender confirms, or at ``deliver_after`` (the delay window)
  unless cancelled first;
- ``held``: a hold verdict; kept until released (``release_mode`` says by whom: ``self`` = the sender may,
  ``approval`` = an approver must) or until ``expires_at`` (then ``expire_action``: cancel or release);
- ``queued``: to be delivered to the next hop at ``deliver_after`` (or now when it is empty), retried with
  backoff (``attempts``, ``next_attempt_at``, ``last_error``);
- ``sending``: claimed by a gateway's delivery worker (``claimed_by`` names the gateway instance,
  ``next_attempt_at`` is the claim's lease end); a gateway that restarts puts its own ``sending`` rows back to
  ``queued``, and any gateway takes a row whose lease ran out (they may go out twice: at-least-once);
- ``delivered``; ``cancelled``; ``bounced`` (the next hop refused it for good and a bounce went to the sender);
- ``rejected``: a block verdict, answered 550; the row is the record (no bytes are kept).

Notices and bounces the gateway writes are rows too (``mail_from`` ``""``, ``action`` ``notice``/``bounce``), so
they are delivered with the same retries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mamori.store.base import Base, UTCDateTime, utcnow

STATES = ("waiting", "held", "queued", "sending", "delivered", "cancelled", "bounced", "rejected")
OPEN_STATES = ("waiting", "held", "queued")
GENERATED_ACTIONS = ("notice", "bounce")  # rows of mail mamori wrote itself (notices to senders, bounces)


class MailMessage(Base):
    __tablename__ = "mail_messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex, also the confirmation page URL
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    mail_from: Mapped[str] = mapped_column(String(998), default="")  # envelope sender ("" for a bounce)
    rcpt_to: Mapped[list[str]] = mapped_column(JSON, default=list)  # envelope recipients (Bcc only here)
    # whose message it is: the submitter (lower-cased envelope sender, which the MTA binds to the SMTP AUTH login;
    # "" for the null sender). It gets the notices and may confirm; it may never approve. Not the From header:
    sender: Mapped[str] = mapped_column(String(320), index=True)
    header_from: Mapped[str] = mapped_column(String(320), default="")  # lower-cased From address (shown, checked)
    sender_name: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(998), default="")  # the Message-ID header
    size: Mapped[int] = mapped_column(Integer, default=0)
    # the verdict, as the guard gave it (masked evidence only)
    action: Mapped[str] = mapped_column(String(16))  # allow, confirm, hold, block; notice, bounce (own)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # Reason dicts, en + ja, masked
    groups: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # external recipients by organisation
    recipients: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # header To/Cc: name, address, field
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # filename, size, types, records
    preview: Mapped[str] = mapped_column(Text, default="")  # first lines of the body, personal data masked
    # the queue
    state: Mapped[str] = mapped_column(String(16), index=True)
    release_mode: Mapped[str] = mapped_column(String(16), default="self")  # self | approval
    deliver_after: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    expire_action: Mapped[str] = mapped_column(String(16), default="cancel")  # cancel | release
    bcc: Mapped[bool] = mapped_column(Boolean, default=False)  # deliver with To/Cc turned into Bcc
    # envelope recipients left out at release ("send to the others without this recipient"): delivery removes them
    # from To/Cc (and Bcc) too, so the others never see an address the message was not sent to (mail_0005)
    dropped_rcpt: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # the gateway's own Received: line for this message (``mamori.gateway.trace``), put in front of the stored bytes
    # on delivery ("" for mamori's own notices and for rows from before mail_0006)
    trace: Mapped[str] = mapped_column(Text, default="", server_default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the gateway instance that claimed it last (``[gateway] instance``): while ``sending``, whose lease it is;
    # after delivery, which gateway delivered it ("" for rows no gateway claimed yet, and for rows from before 0004)
    claimed_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    # the SMTP account that submitted it with SMTP AUTH (``mamori.store.smtp_accounts``); "" when none did (an
    # allowed client such as the MTA, mamori's own notices, rows from before mail_0007)
    smtp_account: Mapped[str] = mapped_column(String(64), default="", server_default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(320), default="")  # who released/cancelled/approved (or "expiry")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the note of what to correct given with a cancel (by the sender or an approver); mailed back to the sender
    cancel_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    # when retention masked the subject, file names and names of this finished message (None: not yet)
    redacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    content: Mapped[MailContent] = relationship(back_populates="message", uselist=False, lazy="raise")

    __table_args__ = (Index("ix_mail_messages_state_due", "state", "next_attempt_at"),)


class MailContent(Base):
    __tablename__ = "mail_content"

    message_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("mail_messages.id", ondelete="CASCADE"), primary_key=True
    )
    raw: Mapped[bytes] = mapped_column(LargeBinary)  # the bytes as received, unchanged

    message: Mapped[MailMessage] = relationship(back_populates="content")
