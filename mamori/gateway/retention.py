"""Retention of the gateway's stored mail: finished messages do not keep their bytes (or rows) forever.

``mail_content.raw`` holds each message exactly as received, with every piece of personal data in its body and
attachments. Once a message is finished (a final state: delivered, cancelled, bounced, rejected) nothing needs
those bytes any more, so after ``content_days`` since its last change (``updated_at``: the delivery, the
cancellation, the bounce, the rejection) its ``mail_content`` row is deleted. With ``message_days`` > 0 the whole
``mail_messages`` row (metadata: envelope, masked reasons, times) goes too after that many days. 0 means never.

Messages in an open state (waiting, held, queued, sending) are never touched, however old: they are not finished,
and releasing or delivering one needs its bytes. The audit log is never touched (append-only); each run that
deleted something (and every run by hand) appends one entry with the counts, actor ``retention``, no addresses.

>>> purge(db, utcnow(), content_days=30, message_days=0)
PurgeResult(contents=12, messages=0, ...)

Work is done in batches of ``batch`` rows, one transaction each, so a big table is never locked for long; the
gateway runs each batch as its own job in its store thread (``service``), so intake commits interleave.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from mamori.store import Database
from mamori.store.audit import record
from mamori.store.mail import MailContent, MailMessage

# the states nothing leaves: a message in one of these is finished (sending is not: it may go back to queued)
FINAL_STATES = ("delivered", "cancelled", "bounced", "rejected")
BATCH = 500
ACTOR = "retention"


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Finished messages last changed before ``contents`` lose their bytes, before ``messages`` their row."""

    contents: datetime | None
    messages: datetime | None

    @property
    def anything(self) -> bool:
        return self.contents is not None or self.messages is not None

    @property
    def content_bound(self) -> datetime | None:
        """Bytes go before this time: with the content cutoff, or with their row (the later of the two)."""
        given = [c for c in (self.contents, self.messages) if c is not None]
        return max(given) if given else None


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """``contents``: messages whose bytes were deleted (with their row or alone); ``messages``: rows deleted."""

    contents: int = 0
    messages: int = 0
    batches: int = 0
    dry_run: bool = False
    content_days: int = 0
    message_days: int = 0

    def __add__(self, other: PurgeResult) -> PurgeResult:
        return replace(self, contents=self.contents + other.contents, messages=self.messages + other.messages,
                       batches=self.batches + other.batches)

    @property
    def anything(self) -> bool:
        return bool(self.contents or self.messages)

    def text(self, lang: str) -> str:
        """One line for a person, ja or en."""
        if lang == "ja":
            head = "削除対象（ドライラン、何も変更していません）" if self.dry_run else "削除しました"
            rows = (f"メッセージ記録 {self.messages} 件（{self.message_days} 日より前）" if self.message_days
                    else "メッセージ記録は保持（retention_message_days = 0）")
            content = (f"本文・添付ファイル {self.contents} 件（{self.content_days} 日より前）" if self.content_days
                       else f"本文・添付ファイル {self.contents} 件")
            return f"{head}: {content}、{rows}"
        head = "would purge (dry run, nothing changed)" if self.dry_run else "purged"
        rows = (f"{self.messages} message row(s) (older than {self.message_days} days)" if self.message_days
                else "message rows kept (retention_message_days = 0)")
        content = (f"the content of {self.contents} message(s) (older than {self.content_days} days)"
                   if self.content_days else f"the content of {self.contents} message(s)")
        return f"{head}: {content}, {rows}"


def cutoffs(now: datetime, content_days: int, message_days: int) -> Cutoffs:
    """The two cutoff times; 0 days = never (None)."""
    if content_days < 0 or message_days < 0:
        raise ValueError("retention days must be >= 0 (0 = never)")
    return Cutoffs(
        now - timedelta(days=content_days) if content_days else None,
        now - timedelta(days=message_days) if message_days else None,
    )


def _finished_before(before: datetime) -> Any:
    return MailMessage.state.in_(FINAL_STATES) & (MailMessage.updated_at < before)


def purge_batch(db: Database, cut: Cutoffs, limit: int = BATCH) -> PurgeResult:
    """One transaction: up to ``limit`` finished rows past ``cut.messages`` deleted (with their bytes), else up to
    ``limit`` finished messages' bytes past ``cut.contents``. ``batches`` is 0 when nothing was left to do."""
    with db.session() as s:
        if cut.messages is not None:
            ids = list(s.scalars(select(MailMessage.id).where(_finished_before(cut.messages)).limit(limit)))
            if ids:
                # bytes first (explicitly: SQLite enforces the cascade only with foreign_keys on), then the rows;
                # the state is checked again in the delete (a final state never changes, but be sure)
                contents = s.execute(delete(MailContent).where(MailContent.message_id.in_(ids))).rowcount
                messages = s.execute(
                    delete(MailMessage).where(MailMessage.id.in_(ids), MailMessage.state.in_(FINAL_STATES))
                ).rowcount
                return PurgeResult(contents=contents, messages=messages, batches=1)
        if cut.contents is not None:
            ids = list(s.scalars(
                select(MailContent.message_id)
                .join(MailMessage, MailMessage.id == MailContent.message_id)
                .where(_finished_before(cut.contents))
                .limit(limit)
            ))
            if ids:
                contents = s.execute(delete(MailContent).where(MailContent.message_id.in_(ids))).rowcount
                return PurgeResult(contents=contents, batches=1)
    return PurgeResult()


def count(db: Database, cut: Cutoffs) -> PurgeResult:
    """What a purge with ``cut`` would delete now (the dry run)."""
    contents = messages = 0
    with db.session() as s:
        if cut.messages is not None:
            messages = s.scalar(select(func.count()).select_from(MailMessage).where(_finished_before(cut.messages)))
        bound = cut.content_bound
        if bound is not None:
            contents = s.scalar(
                select(func.count())
                .select_from(MailContent)
                .join(MailMessage, MailMessage.id == MailContent.message_id)
                .where(_finished_before(bound))
            )
    return PurgeResult(contents=int(contents or 0), messages=int(messages or 0), dry_run=True)


def record_run(db: Database, result: PurgeResult, by: str = "") -> None:
    """The run's audit entry: counts and settings only (``by``: who ran it by hand, e.g. ``cli:<login>``)."""
    data: dict[str, Any] = {"contents": result.contents, "messages": result.messages,
                            "content_days": result.content_days, "message_days": result.message_days}
    if by:
        data["by"] = by
    detail = f"content of {result.contents} message(s) and {result.messages} message row(s) deleted"
    with db.session() as s:
        record(s, ACTOR, "purge", "mail", detail, **data)


def purge(
    db: Database,
    now: datetime,
    content_days: int = 30,
    message_days: int = 0,
    *,
    batch: int = BATCH,
    dry_run: bool = False,
    by: str = "",
    audit_empty: bool = True,
) -> PurgeResult:
    """Delete what the retention settings say is past keeping, batch by batch; one audit entry for the run
    (also when nothing was deleted, unless ``audit_empty`` is false). ``dry_run`` only counts."""
    if batch < 1:
        raise ValueError("batch must be >= 1")
    cut = cutoffs(now, content_days, message_days)
    days = {"content_days": content_days, "message_days": message_days}
    if dry_run:
        return replace(count(db, cut), **days)
    total = PurgeResult(**days)
    while cut.anything:
        step = purge_batch(db, cut, batch)
        if not step.batches:
            break
        total += step
    if total.anything or audit_empty:
        record_run(db, total, by)
    return total


def content_kept(db: Database, message_id: str) -> bool:
    """Whether the message's bytes are still stored (not purged, not a rejected message's record only)."""
    with db.session() as s:
        found = s.scalar(select(MailContent.message_id).where(MailContent.message_id == message_id))
    return found is not None
