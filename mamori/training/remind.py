"""Training reminders by mail: to each person of an assigned department who has not passed yet.

``mamori training remind`` (run daily by a timer, deploy/systemd/mamori-training-remind) reminds, for every
assignment of the current year, those who have not passed once the due date is ``lead`` days away or less, and again
every ``every`` days (overdue people keep being reminded); the button of the administration page reminds the
assignment's people now (anyone not reminded today). One mail per person, in Japanese then English, with the
course, the due date and the link to the course.

The mail goes the way every notice of mamori goes (:mod:`mamori.incidents.remind`): plain SMTP to ``[gateway]
next_hop`` with its STARTTLS settings, from ``[gateway] notice_from``, with the null envelope sender. A reminder
counts (the record's ``reminders`` and ``reminded_at``) only once the next hop accepted it, so a refused one is
tried again on the next run; each assignment's run is one audit entry ``training_reminder`` with the numbers sent
and refused (no names).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from mamori.gateway.delivery import NextHop
from mamori.incidents.remind import ReminderSettings
from mamori.notice_mail import compose_notice
from mamori.store import Database
from mamori.store.audit import record
from mamori.training import assignments as store
from mamori.training import records
from mamori.training.completion import Assignment, PersonStatus
from mamori.training.course import Course

WEEKDAYS = ("月", "火", "水", "木", "金", "土", "日")


def is_due(status: PersonStatus, due: date, today: date, tz: tzinfo, *, lead: int, every: int) -> bool:
    """Whether ``status``'s person gets a reminder on ``today``: not passed, within ``lead`` days of the due date
    (or past it), and not reminded in the last ``every`` days (``every`` 0: not reminded today)."""
    if status.passed or (due - today).days > lead:
        return False
    if status.reminded_at is None:
        return True
    last = status.reminded_at.astimezone(tz).date()
    return (today - last).days >= max(every, 1)


def moment_of(day: date, tz: tzinfo) -> datetime:
    """The time a run for ``day`` (not today) records its reminders at: 09:00 of that day in the company's zone."""
    return datetime.combine(day, time(9, 0), tzinfo=tz)


def reminder_mail(*, to: str, name: str, course: Course, due: date, today: date, link: str, from_addr: str) -> bytes:
    """The reminder to one person: the course, the due date, how many days are left (or overdue), the link."""
    left = (due - today).days
    if left > 0:
        ja_left, en_left = f"あと{left}日", f"{left} day(s) left"
    elif left == 0:
        ja_left, en_left = "本日が期限です", "due today"
    else:
        ja_left, en_left = f"期限を{-left}日過ぎています", f"{-left} day(s) overdue"
    ja_due = f"{due:%Y-%m-%d} ({WEEKDAYS[due.weekday()]})"
    en_due = f"{due:%Y-%m-%d} ({due:%a})"
    lines = [f"{name} 様" if name else "", "",
             f"研修「{course.title.ja}」の受講期限は {ja_due} です（{ja_left}）。",
             "すべてのページを読み、確認テストに合格すると修了です。"]
    if link:
        lines.append(f"受講: {link}")
    lines += ["", "修了した方にはこの通知は届きません。", "", "-" * 40, "",
              f"The training \"{course.title.en}\" is due on {en_due} ({en_left}).",
              "Read every page and pass the quiz to complete it."]
    if link:
        lines.append(f"Start: {link}")
    lines += ["", "This reminder stops once you have completed the course."]
    while lines and not lines[0]:  # no name: the text opens with the due date
        lines.pop(0)
    subject = (f"[mamori] 研修の受講期限 {due:%Y-%m-%d}: {course.title.ja} / "
               f"Training due {due:%Y-%m-%d}: {course.title.en}")
    return compose_notice(from_addr, to, subject, lines)


@dataclass(frozen=True)
class Run:
    """One assignment's reminders: ``sent`` accepted by the next hop, ``failed`` refused or not delivered."""

    assignment: Assignment
    sent: int
    failed: int
    error: str = ""


def remind_assignment(
    db: Database,
    settings: ReminderSettings,
    assignment: Assignment,
    course: Course,
    today: date,
    actor: str,
    *,
    lead: int = 10_000,
    every: int = 0,
    hop: NextHop | None = None,
    now: datetime | None = None,
) -> Run:
    """Remind the people of one assignment who are due a reminder (:func:`is_due`); audited when anything was tried.

    The department's people are enrolled first, so someone who joined after the assignment gets a record too.
    ``now`` is when the reminders are recorded as sent (default: now; a run for another day than today passes a
    time of that day, so the interval counts from it).
    """
    store.enrol(db, assignment)
    _, statuses = store.completion(db, assignment, today)
    due = [s for s in statuses if is_due(s, assignment.due, today, settings.tz, lead=lead, every=every)]
    if not due:
        return Run(assignment, 0, 0)
    own = hop is None
    hop = hop or NextHop(settings.smtp)
    link = f"{settings.base_url.rstrip('/')}/training/{course.id}/" if settings.base_url else ""
    accepted: list[str] = []
    errors: list[str] = []
    try:
        for s in due:
            raw = reminder_mail(to=s.login, name=s.name, course=course, due=assignment.due, today=today, link=link,
                                from_addr=settings.smtp.notice_from)
            attempt = hop.send("", [s.login], raw)  # the null sender: an undeliverable reminder never bounces
            if attempt.code == 250 and not attempt.refused:
                accepted.append(s.login)
            else:
                errors.append(attempt.error or f"refused ({attempt.code})")
    finally:
        if own:
            hop.close()
    records.mark_reminded(db, accepted, assignment.course_id, assignment.year, now)
    with db.session() as s:
        record(s, actor, "training_reminder", f"training_assignment:{assignment.id}",
               f"{assignment.course_id} {assignment.year}: reminders sent to {len(accepted)}, "
               f"not sent to {len(errors)}", sent=len(accepted), failed=len(errors), due=assignment.due.isoformat())
    return Run(assignment, len(accepted), len(errors), errors[0] if errors else "")


def remind_all(
    db: Database,
    settings: ReminderSettings,
    courses: dict[str, Course],
    year: int,
    today: date,
    actor: str,
    *,
    lead: int = 14,
    every: int = 7,
    now: datetime | None = None,
) -> list[Run]:
    """The daily run: every assignment of ``year`` whose course is known; one SMTP session for all (``now``: see
    :func:`remind_assignment`)."""
    out: list[Run] = []
    todo: Sequence[Assignment] = [a for a in store.list_assignments(db, year) if a.course_id in courses]
    if not todo:
        return out
    hop = NextHop(settings.smtp)
    try:
        for a in todo:
            if (a.due - today) > timedelta(days=lead):
                continue
            out.append(remind_assignment(db, settings, a, courses[a.course_id], today, actor, lead=lead,
                                         every=every, hop=hop, now=now))
    finally:
        hop.close()
    return out
