"""What people do to queued mail: look at it, confirm or approve it, convert it to Bcc, cancel it.

The gateway, the web app and ``mamori queue`` all change a message's state through these functions, so the rules
(who may release what, which states allow which step) and the audit entry live in one place. Each step is one
transaction: the state change and its audit entry commit together, and a step that lost a race (the message
was delivered or cancelled meanwhile) fails with ``QueueError`` instead of overwriting.

Each step locks the message's row (``SELECT … FOR UPDATE`` on PostgreSQL) before it reads the state, so with
several gateways, the web app and ``mamori queue`` on one database a decision sees the state it changes; the
expiry skips a row someone else has locked (``SKIP LOCKED``): another gateway is expiring it, or a person is
deciding it, and the next tick sees the outcome. Every gateway runs the expiry; each message expires once.

Four eyes: a message's owner is its submitter (``sender``, the envelope sender); nobody approves a message they
submitted or whose From header names them (``is_party``), whichever way they ask (web app, ``mamori queue``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update

from mamori.gateway.links import SPENT_ACTION
from mamori.gateway.spool import NewMessage, insert_rows
from mamori.store import Database
from mamori.store.audit import AuditEntry, record
from mamori.store.base import utcnow
from mamori.store.mail import GENERATED_ACTIONS, OPEN_STATES, MailContent, MailMessage

log = logging.getLogger("mamori.gateway")


class QueueError(Exception):
    """A step that cannot be taken; ``code`` is stable (not_found, not_allowed, wrong_state), texts in en and ja."""

    def __init__(self, code: str, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.code = code
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    """A message in the queue as people see it (no bytes; evidence already masked)."""

    id: str
    received_at: datetime
    sender: str  # the submitter (envelope sender): the owner
    sender_name: str
    subject: str
    size: int
    action: str
    state: str
    release_mode: str
    reasons: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    recipients: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    rcpt_to: list[str] = field(default_factory=list)
    preview: str = ""
    deliver_after: datetime | None = None
    expires_at: datetime | None = None
    expire_action: str = "cancel"
    bcc: bool = False
    attempts: int = 0
    last_error: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None
    delivered_at: datetime | None = None
    header_from: str = ""  # the From address as written (may differ from the submitter: sender_mismatch)
    claimed_by: str = ""  # the gateway instance delivering it (sending) or that last tried / delivered it
    dropped_rcpt: list[str] = field(default_factory=list)  # recipients left out at release (not in To/Cc either)
    cancel_note: str = ""  # what to correct, as the sender or approver wrote it when cancelling
    smtp_account: str = ""  # the SMTP account that submitted it with SMTP AUTH ("" when none did)

    @property
    def is_open(self) -> bool:
        """Still waiting for someone or for delivery."""
        return self.state in OPEN_STATES

    @property
    def needs_approval(self) -> bool:
        return self.state == "held" and self.release_mode == "approval"


_VIEW_FIELDS = tuple(QueuedMessage.__dataclass_fields__)


def _view(row: MailMessage) -> QueuedMessage:
    return QueuedMessage(**{name: getattr(row, name) for name in _VIEW_FIELDS})


def is_party(actor: str, msg: QueuedMessage) -> bool:
    """Whether ``actor`` (a login, or ``cli:<OS login name>``) submitted ``msg`` or is named in its From header.

    A command-line actor has no address: their login name is compared with the local parts too (``cli:tanaka``
    is a party to mail of ``tanaka@...``), so an administrator cannot approve their own mail from the shell.
    """
    who = actor.removeprefix("cli:").strip().lower()
    parties = {a.strip().lower() for a in (msg.sender, msg.header_from) if a and a.strip()}
    if not who or who in ("expiry", "cli"):
        return False
    if who in parties:
        return True
    return actor.startswith("cli:") and "@" not in who and any(p.rpartition("@")[0] == who for p in parties)


def _own_message(message_id: str) -> QueueError:
    return QueueError(
        "not_allowed",
        f"message {message_id} was submitted by you or names you in From: another approver must decide",
        f"メッセージ {message_id} はあなたが送信したもの、または From にあなたの名前があるため、"
        "ほかの承認者が判断してください",
    )


class _Busy(Exception):
    """The row is locked by another transaction (another gateway's expiry, a person's step): not this time."""


def _not_found(message_id: str) -> QueueError:
    return QueueError("not_found", f"no message {message_id}", f"メッセージ {message_id} は見つかりません")


def get(db: Database, message_id: str) -> QueuedMessage:
    with db.session() as s:
        row = s.get(MailMessage, message_id)
        if row is None:
            raise _not_found(message_id)
        return _view(row)


def raw(db: Database, message_id: str) -> bytes:
    """The message bytes as received."""
    with db.session() as s:
        data = s.scalar(select(MailContent.raw).where(MailContent.message_id == message_id))
        if data is None:
            raise _not_found(message_id)
        return data


def list_messages(
    db: Database,
    *,
    states: tuple[str, ...] = (),
    senders: tuple[str, ...] | None = None,
    since: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
    generated: bool = False,
) -> list[QueuedMessage]:
    """Newest first. ``senders`` limits to those submitters (a sender sees their own; an approver their group);
    mamori's own notices and bounces are left out unless ``generated``."""
    q = select(MailMessage).order_by(MailMessage.received_at.desc(), MailMessage.id)
    if not generated:
        q = q.where(MailMessage.action.not_in(GENERATED_ACTIONS))
    if states:
        q = q.where(MailMessage.state.in_(states))
    if senders is not None:
        q = q.where(MailMessage.sender.in_([s.lower() for s in senders]))
    if since is not None:
        q = q.where(MailMessage.received_at >= since)
    with db.session() as s:
        return [_view(r) for r in s.scalars(q.limit(limit).offset(offset))]


def count_by_state(db: Database, senders: tuple[str, ...] | None = None, generated: bool = False) -> dict[str, int]:
    q = select(MailMessage.state, func.count()).group_by(MailMessage.state)
    if not generated:
        q = q.where(MailMessage.action.not_in(GENERATED_ACTIONS))
    if senders is not None:
        q = q.where(MailMessage.sender.in_([s.lower() for s in senders]))
    with db.session() as s:
        return {state: n for state, n in s.execute(q)}


def _transition(
    db: Database,
    message_id: str,
    actor: str,
    audit_action: str,
    from_states: tuple[str, ...],
    values: dict[str, Any],
    detail: str = "",
    also: Callable[[QueuedMessage, str], NewMessage | None] | None = None,
    skip_locked: bool = False,
    spend: str = "",
    audit_extra: dict[str, Any] | None = None,
) -> QueuedMessage:
    """``also`` (the message before the step, its envelope sender) may give a row to queue in the same
    transaction (the expiry notice): it commits with the state change or not at all. ``spend`` (a decision link's
    ``spent_target``) records that link as used in the same transaction: the link is spent exactly when the
    decision is taken. The row is locked first; with ``skip_locked`` a row another transaction holds is left
    alone (``_Busy``) instead of waited for."""
    now = utcnow()
    with db.session() as s:
        row = s.scalars(
            select(MailMessage).where(MailMessage.id == message_id).with_for_update(skip_locked=skip_locked)
        ).one_or_none()
        if row is None:
            if skip_locked and s.scalar(select(MailMessage.id).where(MailMessage.id == message_id)) is not None:
                raise _Busy(message_id)  # someone else is changing it right now
            raise _not_found(message_id)
        if row.state not in from_states:
            raise QueueError(
                "wrong_state",
                f"message {message_id} is {row.state}; cannot {audit_action}",
                f"メッセージ {message_id} は「{row.state}」の状態のため、この操作はできません",
            )
        if spend and s.scalar(select(AuditEntry.id).where(AuditEntry.action == SPENT_ACTION,
                                                         AuditEntry.target == spend).limit(1)) is not None:
            raise QueueError("link_spent", "this link was used already", "このリンクはすでに使用されています")
        before = _view(row)
        mail_from = row.mail_from
        values = {"decided_by": actor, "decided_at": now, "updated_at": now, **values}
        # compare-and-set on the state: a delivery or another person's step in between makes this one fail
        done = s.execute(
            update(MailMessage)
            .where(MailMessage.id == message_id, MailMessage.state == row.state)
            .values(**values)
            .execution_options(synchronize_session=False)
        ).rowcount
        if done != 1:
            raise QueueError(
                "wrong_state",
                f"message {message_id} changed meanwhile; cannot {audit_action}",
                f"メッセージ {message_id} は他の操作で変更されました",
            )
        extra = also(before, mail_from) if also is not None else None
        audit = {**values_for_audit(values), **(audit_extra or {})}
        if extra is not None:
            insert_rows(s.connection(), [extra])  # the delivery worker picks it up
            audit["notice"] = extra.id  # the queued notice's row id (no address, no text)
        if spend:
            audit["via"] = "link"
            record(s, actor, SPENT_ACTION, spend, f"mail:{message_id} {audit_action}")
        record(s, actor, audit_action, f"mail:{message_id}", detail, state_before=row.state, **audit)
        s.flush()
        s.expire(row)
        s.refresh(row)
        return _view(row)


def values_for_audit(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in values.items() if k in ("state", "bcc")}
    if "rcpt_to" in values:
        out["recipients_left"] = len(values["rcpt_to"])  # a count: the addresses stay out of the audit fields
    return out


def release(
    db: Database,
    message_id: str,
    actor: str,
    *,
    approver: bool = False,
    bcc: bool | None = None,
    drop: tuple[str, ...] = (),
    spend: str = "",
) -> QueuedMessage:
    """The sender confirms (or an approver approves): the message is queued for delivery now.

    A held message whose release needs approval can be released only with ``approver=True``, and never by a party
    to it (``is_party``: its submitter, or whoever its From names). ``bcc=True`` turns the visible recipient list
    into Bcc on delivery (the open-list remedy). ``drop`` names envelope recipients to leave out (the fix for a
    wrong recipient: send to the others without them); the audit entry says how many and which (masked). At least
    one recipient must remain, and every dropped address must be a recipient. ``spend``: the decision link used
    (``links.Link.spent_target``), recorded as used with the decision.
    """
    msg = get(db, message_id)
    dropped = {a.strip().lower() for a in drop if a.strip()}
    remaining = [a for a in msg.rcpt_to if a.strip().lower() not in dropped]
    if dropped and (not remaining or not dropped <= {a.strip().lower() for a in msg.rcpt_to}):
        raise QueueError(
            "bad_drop",
            "the recipients to leave out must be recipients of the message, and at least one must remain",
            "外す宛先はこのメッセージの宛先でなければならず、少なくとも 1 件の宛先が残る必要があります",
        )
    if approver and is_party(actor, msg):
        raise _own_message(message_id)
    if msg.needs_approval and not approver:
        raise QueueError(
            "not_allowed",
            "this message needs an approver's approval",
            "このメッセージは承認者の承認が必要です",
        )
    values: dict[str, Any] = {"state": "queued", "deliver_after": utcnow(), "next_attempt_at": None}
    if bcc is not None:
        values["bcc"] = bcc
    notes = ["bcc"] if bcc else []
    if dropped:
        from mamori.detect.mask import mask_value

        values["rcpt_to"] = remaining
        # kept so that delivery removes them from To/Cc too: the others must not see an address never sent to
        values["dropped_rcpt"] = sorted(
            {*msg.dropped_rcpt, *(a for a in msg.rcpt_to if a.strip().lower() in dropped)}
        )
        notes.append("without " + ", ".join(sorted(mask_value("EMAIL", a) for a in dropped)))
    action = "approve" if approver and msg.state == "held" else "release"
    if dropped:
        action += "_without"
    return _transition(db, message_id, actor, action, ("waiting", "held"), values, "; ".join(notes), spend=spend)


def approve(
    db: Database,
    message_id: str,
    actor: str,
    *,
    bcc: bool | None = None,
    drop: tuple[str, ...] = (),
    spend: str = "",
) -> QueuedMessage:
    """An approver releases a held (or waiting) message (``drop``: recipients to leave out, ``spend``: the decision
    link used, as in ``release``)."""
    return release(db, message_id, actor, approver=True, bcc=bcc, drop=drop, spend=spend)


# from the message as it was before the cancel, its envelope sender, the actor and the cleaned note: the notice to
# queue with the cancel (``cancelling.cancel_notice_row``), or None
CancelNotice = Callable[[QueuedMessage, str, str, str], NewMessage | None]


def cancel(
    db: Database,
    message_id: str,
    actor: str,
    reason: str = "",
    *,
    note: str = "",
    notice: CancelNotice | None = None,
    mask: Callable[[str], str] | None = None,
) -> QueuedMessage:
    """Not sent after all. Possible until delivery starts (a queued message mid-delivery may still go out).

    ``note``: what to correct, from the sender or an approver (``cancelling.clean_note``: at most 500 characters,
    else ``QueueError`` ``note_too_long``); stored with the message, in the audit entry masked with ``mask`` (the
    built-in detector by default), and given to ``notice``, whose row (the notice to the sender) commits with the
    cancel."""
    from mamori.gateway.cancelling import NOTE_MAX, NoteError, clean_note

    try:
        note = clean_note(note)
    except NoteError as exc:
        raise QueueError(
            "note_too_long",
            f"the note may have at most {NOTE_MAX} characters",
            f"メモは {NOTE_MAX} 文字以内で入力してください",
        ) from exc
    values: dict[str, Any] = {"state": "cancelled"}
    extra: dict[str, Any] = {}
    if note:
        from mamori.gateway.retention import engine_mask

        values["cancel_note"] = note
        extra["note"] = (mask or engine_mask)(note)  # the audit log keeps no raw personal data
    also = None if notice is None else (lambda msg, mail_from: notice(msg, mail_from, actor, note))
    return _transition(
        db, message_id, actor, "cancel", OPEN_STATES, values, reason[:500], also=also, audit_extra=extra
    )


def set_bcc(db: Database, message_id: str, actor: str, bcc: bool = True) -> QueuedMessage:
    """Mark a waiting or held message for Bcc conversion without releasing it."""
    msg = get(db, message_id)
    return _transition(db, message_id, actor, "bcc", ("waiting", "held"), {"state": msg.state, "bcc": bcc})


# from the message as it was before expiry, its envelope sender and the outcome ("cancel" | "release"): the mail to
# queue with the expiry (the sender's notice), or None
ExpiryNotice = Callable[[QueuedMessage, str, str], NewMessage | None]


def expire_due(db: Database, now: datetime | None = None, notice: ExpiryNotice | None = None) -> list[QueuedMessage]:
    """Apply the expiry policy to waiting/held messages past ``expires_at``: cancel or release, never silently.
    Safe in several gateways at once: each message expires once (its row is locked, skipped when locked
    elsewhere, and changed by compare-and-set).

    ``notice`` builds the sender's notice; it is queued in the same transaction as the state change and the audit
    entry (so it is as durable as they are, and an expiry that lost a race queues none).
    """
    now = now or utcnow()
    q = select(MailMessage.id, MailMessage.expire_action).where(
        MailMessage.state.in_(("waiting", "held")), MailMessage.expires_at.is_not(None), MailMessage.expires_at <= now
    )
    with db.session() as s:
        due = list(s.execute(q))
    out = []
    due_ids = {message_id for message_id, _ in due}
    for gone in [m for m in _FAILED_EXPIRIES if m not in due_ids]:  # forget what is no longer due
        del _FAILED_EXPIRIES[gone]
    for message_id, expire_action in due:
        outcome = "release" if expire_action == "release" else "cancel"
        also = None if notice is None else (lambda msg, mail_from, o=outcome: notice(msg, mail_from, o))
        try:
            if outcome == "release":
                out.append(
                    _transition(db, message_id, "expiry", "expire_release", ("waiting", "held"),
                                {"state": "queued", "deliver_after": now, "next_attempt_at": None}, also=also,
                                skip_locked=True)
                )
            else:
                out.append(_transition(db, message_id, "expiry", "expire_cancel", ("waiting", "held"),
                                       {"state": "cancelled"}, also=also, skip_locked=True))
        except (QueueError, _Busy):
            continue  # someone decided in the meantime, or is deciding (another gateway's expiry, a person)
        except Exception as exc:  # e.g. the notice could not be built: this one waits (retried next time), not silent
            if _FAILED_EXPIRIES.get(message_id) != type(exc).__name__:  # once per message and cause, not every tick
                _FAILED_EXPIRIES[message_id] = type(exc).__name__
                log.error("expiry of %s failed: %s (retried every tick; logged once)", message_id,
                          type(exc).__name__)
    return out


# expiries that failed and were logged (message id -> exception type), in this process: a message whose expiry
# keeps failing is retried on every tick but logged once per cause
_FAILED_EXPIRIES: dict[str, str] = {}
