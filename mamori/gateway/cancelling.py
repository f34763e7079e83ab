"""Cancel with a note of what to correct (issue 18): the note's rules and the notice that takes it to the sender.

A person who cancels a held or waiting message (its sender, or an approver) may say in a short note what to correct
("宛先を佐藤様（alpha）に直して再送してください"). ``clean_note`` keeps it plain: at most ``NOTE_MAX`` characters after
NFC, line ends made ``\\n``, other control characters and blank runs removed (``NoteError`` when longer). The note is
stored with the message (``cancel_note``), its masked form goes into the audit entry, the page shows it (masked
for people who are not the sender) and ``cancel_notice_row`` queues the notice to the message's envelope sender in
the same transaction as the cancel: always when someone other than the sender cancelled, and when the sender
cancelled with a note (a reminder of what to fix). Like every notice: null envelope sender, never to ``<>`` or an
unusable address, never about mamori's own notices and bounces.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from mamori.gateway.envelope import usable_address
from mamori.gateway.hold_queue import QueuedMessage
from mamori.gateway.notices import cancel_notice
from mamori.gateway.spool import NewMessage
from mamori.store.base import utcnow
from mamori.store.mail import GENERATED_ACTIONS

NOTE_MAX = 500  # characters, after cleaning
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class NoteError(ValueError):
    """The note is longer than ``NOTE_MAX`` characters."""


def clean_note(note: str) -> str:
    """The note as stored: NFC, ``\\n`` line ends, no other control or bidi characters, at most two blank lines in a
    row, trimmed. Raises ``NoteError`` when longer than ``NOTE_MAX``."""
    text = unicodedata.normalize("NFC", note).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(text) > NOTE_MAX:
        raise NoteError(f"the note has {len(text)} characters; at most {NOTE_MAX}")
    return text


@dataclass(frozen=True)
class NoticeSettings:
    """What the cancel notice needs of ``[gateway]`` and ``[web]`` (read by the web app, which has no gateway)."""

    notice_from: str = "mamori@localhost"
    base_url: str = ""
    notify_sender: bool = True
    tz: tzinfo | None = None

    def link(self, message_id: str) -> str:
        return f"{self.base_url.rstrip('/')}/messages/{message_id}" if self.base_url else ""


def notice_settings(config_path: Path | None, base_url: str = "", tz: tzinfo | None = None) -> NoticeSettings:
    """``[gateway] notice_from`` and ``notify_sender`` from mamori.toml (defaults when it or they are missing);
    ``base_url`` when not given: ``[web] base_url``."""
    gw: dict[str, object] = {}
    if config_path is not None and Path(config_path).is_file():
        with open(config_path, "rb") as f:
            data = tomllib.load(f)
        section, web = data.get("gateway", {}), data.get("web", {})
        gw = section if isinstance(section, dict) else {}
        url = web.get("base_url", "") if isinstance(web, dict) else ""
        base_url = base_url or (url if isinstance(url, str) else "")
    sender = gw.get("notice_from", "mamori@localhost")
    notify = gw.get("notify_sender", True)
    return NoticeSettings(
        notice_from=sender if isinstance(sender, str) and "@" in sender else "mamori@localhost",
        base_url=base_url,
        notify_sender=notify if isinstance(notify, bool) else True,
        tz=tz,
    )


def cancel_notice_row(
    settings: NoticeSettings, msg: QueuedMessage, mail_from: str, actor: str, note: str, now: datetime | None = None
) -> NewMessage | None:
    """The notice to ``msg``'s envelope sender that ``actor`` cancelled it (with ``note``), or None when none is
    due (see the module's text)."""
    by_sender = actor.strip().lower() == msg.sender.strip().lower()
    if by_sender and not note:
        return None  # the sender cancelled it themselves and said nothing: nothing to tell them
    if not settings.notify_sender or msg.action in GENERATED_ACTIONS or not usable_address(mail_from):
        return None
    now = now or utcnow()
    data = cancel_notice(
        to=mail_from,
        from_addr=settings.notice_from,
        subject=msg.subject,
        by_sender=by_sender,
        note=note,
        received_at=msg.received_at,
        recipients=list(msg.rcpt_to),
        link=settings.link(msg.id),
        who="" if by_sender or "@" not in actor else actor,  # an approver's login; "" for the shell (cli:...)
        tz=settings.tz,
    )
    return NewMessage.notice(mail_from, settings.notice_from, f"cancel notice for {msg.id}", data, now)
