"""Retention of the gateway's stored mail: finished messages do not keep their bytes (or rows) forever.

``mail_content.raw`` holds each message exactly as received, with every piece of personal data in its body and
attachments. Once a message is finished (a final state: delivered, cancelled, bounced, rejected) nothing needs
those bytes any more, so after ``content_days`` since its last change (``updated_at``: the delivery, the
cancellation, the bounce, the rejection) its ``mail_content`` row is deleted. With ``message_days`` > 0 the whole
``mail_messages`` row (metadata: envelope, masked reasons, times) goes too after that many days. 0 means never.

The row outlives the bytes, and the row's own text is where people write what a file is: a subject
「山田様 マイナンバー一覧」, an attachment 「マイナンバー一覧_2026.xlsx」. So when the bytes go (past ``content_days``;
also for a rejected message, which never kept any) the row is **redacted** (``redacted_at``): the subject is masked
with the detection engine, every attachment name is dropped to its extension (``■■■.xlsx``; the engine cannot tell
that a file *about* people is personal, so names are not kept at all) in the attachment list and in the reasons'
texts and evidence, display names are masked, and the masked preview of the body is dropped. What the record keeps
is what an audit needs: envelope sender and recipients, times, verdict codes, decisions and who made them.

Messages in an open state (waiting, held, queued, sending) are never touched, however old: they are not finished,
and releasing or delivering one needs its bytes. The audit log is never touched (append-only, and it holds ids,
codes and actors, never a subject or a file name); each run that deleted or redacted something (and every run by
hand) appends one entry with the counts, actor ``retention``, no addresses.

>>> purge(db, utcnow(), content_days=30, message_days=0)
PurgeResult(contents=12, messages=0, ...)

Work is done in batches of ``batch`` rows, one transaction each, so a big table is never locked for long; the
gateway runs each batch as its own job in its store thread (``service``), so intake commits interleave. Each batch
locks the rows it works on (``FOR UPDATE SKIP LOCKED`` on PostgreSQL): gateways sharing a database run the job
each, on different rows, never waiting for one another nor deadlocking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update

from mamori.store import Database
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.store.mail import MailContent, MailMessage

MaskText = Callable[[str], str]  # free text -> the same text with every personal value masked

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
    redacted: int = 0  # rows whose subject, file names and names were masked
    dry_run: bool = False
    content_days: int = 0
    message_days: int = 0

    def __add__(self, other: PurgeResult) -> PurgeResult:
        return replace(self, contents=self.contents + other.contents, messages=self.messages + other.messages,
                       batches=self.batches + other.batches, redacted=self.redacted + other.redacted)

    @property
    def anything(self) -> bool:
        return bool(self.contents or self.messages or self.redacted)

    def text(self, lang: str) -> str:
        """One line for a person, ja or en."""
        if lang == "ja":
            head = "削除対象（ドライラン、何も変更していません）" if self.dry_run else "削除しました"
            rows = (f"メッセージ記録 {self.messages} 件（{self.message_days} 日より前）" if self.message_days
                    else "メッセージ記録は保持（retention_message_days = 0）")
            content = (f"本文・添付ファイル {self.contents} 件（{self.content_days} 日より前）" if self.content_days
                       else f"本文・添付ファイル {self.contents} 件")
            masked = f"、件名・添付ファイル名をマスク {self.redacted} 件" if self.redacted else ""
            return f"{head}: {content}、{rows}{masked}"
        head = "would purge (dry run, nothing changed)" if self.dry_run else "purged"
        rows = (f"{self.messages} message row(s) (older than {self.message_days} days)" if self.message_days
                else "message rows kept (retention_message_days = 0)")
        content = (f"the content of {self.contents} message(s) (older than {self.content_days} days)"
                   if self.content_days else f"the content of {self.contents} message(s)")
        masked = f", subject and file names of {self.redacted} message(s) masked" if self.redacted else ""
        return f"{head}: {content}, {rows}{masked}"


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


def engine_mask(text: str) -> str:
    """``text`` with every personal value the built-in detector finds masked (the detector is loaded on first use)."""
    from mamori.detect.detector import default_detector
    from mamori.detect.mask import mask

    if not text.strip():
        return text
    return mask(text, default_detector().detect(text))


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")
DROPPED = "■■■"


def dropped_name(filename: str) -> str:
    """An attachment name past retention: its extension only (``■■■.xlsx``), so the kind of file stays known."""
    ext = _EXTENSION.search(filename or "")
    return DROPPED + (ext.group(0).lower() if ext else "")


def _swap(value: Any, names: dict[str, str]) -> Any:
    if not isinstance(value, str):
        return value
    for name, dropped in names.items():
        value = value.replace(name, dropped)
    return value


def redacted_columns(row: MailMessage, mask_text: MaskText) -> dict[str, Any]:
    """The new values of a finished row's text past retention (see the module's docstring)."""
    from mamori.detect.mask import mask_value

    names = {
        a["filename"]: dropped_name(a["filename"])
        for a in row.attachments or []
        if isinstance(a, dict) and isinstance(a.get("filename"), str) and a["filename"]
    }
    names = dict(sorted(names.items(), key=lambda kv: -len(kv[0])))  # longer names first (one may contain another)
    person = lambda n: mask_value("PERSON", n) if isinstance(n, str) and n else ""  # noqa: E731
    attachments = [{**a, "filename": names.get(a.get("filename"), DROPPED)} if isinstance(a, dict) else a
                   for a in row.attachments or []]
    reasons = []
    for r in row.reasons or []:
        if not isinstance(r, dict):
            continue
        r = {k: _swap(v, names) for k, v in r.items()}
        if isinstance(r.get("evidence"), list):
            r["evidence"] = [_swap(e, names) for e in r["evidence"]]
        reasons.append(r)
    recipients = [{**r, "name": person(r.get("name"))} if isinstance(r, dict) else r for r in row.recipients or []]
    groups = [
        {**g, "recipients": [{**r, "name": person(r.get("name"))} if isinstance(r, dict) else r
                             for r in g.get("recipients", []) or []]} if isinstance(g, dict) else g
        for g in row.groups or []
    ]
    return {
        "subject": mask_text(_swap(row.subject or "", names)),
        "sender_name": person(row.sender_name),
        "attachments": attachments,
        "reasons": reasons,
        "recipients": recipients,
        "groups": groups,
        "preview": "",
        "cancel_note": mask_text(_swap(row.cancel_note or "", names)),  # free text, like the subject
        "redacted_at": utcnow(),
    }


def _redactable(before: datetime) -> Any:
    return _finished_before(before) & MailMessage.redacted_at.is_(None)


def purge_batch(db: Database, cut: Cutoffs, limit: int = BATCH, mask_text: MaskText = engine_mask) -> PurgeResult:
    """One transaction: up to ``limit`` finished rows past ``cut.messages`` deleted (with their bytes), else up to
    ``limit`` finished messages' bytes past ``cut.contents``, else up to ``limit`` finished rows past
    ``cut.contents`` redacted (``redacted_columns``, text masked with ``mask_text``). ``batches`` is 0 when nothing
    was left to do."""
    with db.session() as s:
        if cut.messages is not None:
            ids = list(s.scalars(
                select(MailMessage.id).where(_finished_before(cut.messages)).limit(limit)
                .with_for_update(skip_locked=True)
            ))
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
                .with_for_update(skip_locked=True, of=MailContent)
            ))
            if ids:
                contents = s.execute(delete(MailContent).where(MailContent.message_id.in_(ids))).rowcount
                return PurgeResult(contents=contents, batches=1)
            rows = list(s.scalars(
                select(MailMessage).where(_redactable(cut.contents)).limit(limit).with_for_update(skip_locked=True)
            ))
            for row in rows:  # (their bytes are gone: the content step ran first and left none of these)
                # updated_at stays: it is when the message finished, what both cutoffs count from
                s.execute(
                    update(MailMessage)
                    .where(MailMessage.id == row.id, MailMessage.redacted_at.is_(None))
                    .values(**redacted_columns(row, mask_text), updated_at=MailMessage.updated_at)
                    .execution_options(synchronize_session=False)
                )
            if rows:
                return PurgeResult(redacted=len(rows), batches=1)
    return PurgeResult()


def count(db: Database, cut: Cutoffs) -> PurgeResult:
    """What a purge with ``cut`` would delete now (the dry run)."""
    contents = messages = redacted = 0
    with db.session() as s:
        if cut.contents is not None:
            redacted = s.scalar(select(func.count()).select_from(MailMessage).where(_redactable(cut.contents)))
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
    return PurgeResult(contents=int(contents or 0), messages=int(messages or 0), redacted=int(redacted or 0),
                       dry_run=True)


def record_run(db: Database, result: PurgeResult, by: str = "") -> None:
    """The run's audit entry: counts and settings only (``by``: who ran it by hand, e.g. ``cli:<login>``)."""
    data: dict[str, Any] = {"contents": result.contents, "messages": result.messages, "redacted": result.redacted,
                            "content_days": result.content_days, "message_days": result.message_days}
    if by:
        data["by"] = by
    detail = (f"content of {result.contents} message(s) and {result.messages} message row(s) deleted, "
              f"{result.redacted} row(s) redacted")
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
    mask_text: MaskText = engine_mask,
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
        step = purge_batch(db, cut, batch, mask_text)
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
