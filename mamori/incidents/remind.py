"""Send the register's reminders: ``mamori incidents remind``, run once a day (deploy/systemd/mamori-incidents-remind).

For every open task of the register (required, not done, with a due day) :func:`remind` takes the step of the day
(:func:`~mamori.incidents.reminders.step_for`) and, unless a reminder of that task, step and due day was sent
before (table ``incident_reminders``), mails it to every active officer (users with role ``officer``). A task done,
an incident settled or a task a later decision dropped gets nothing; a due day moved by a re-assessment starts the
steps again.

The mail goes by plain SMTP to the next hop of ``[gateway] next_hop`` (with its STARTTLS settings), from
``[gateway] notice_from`` with the null envelope sender like every notice of mamori: it works with ``mamori serve``
alone and with no gateway running, and the next hop's answer is known at once. A reminder is recorded only after
the next hop accepted it (with an audit entry ``incident_reminder``), so a refused or failed one is tried again on
the next run; two runs at the same moment could both send (the systemd unit is a oneshot: they do not overlap).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mamori.gateway.delivery import NextHop
from mamori.gateway.settings import GatewaySettings, parse_gateway_settings
from mamori.incidents import register
from mamori.incidents.reminders import reminder_mail, step_for
from mamori.store.accounts import User
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.store.incidents import IncidentReminder, IncidentTask
from mamori.timefmt import zone, zone_of


@dataclass(frozen=True)
class ReminderSettings:
    """What the reminders need of mamori.toml: the next hop, the sender, the link's base and the company's zone."""

    smtp: GatewaySettings = field(default_factory=GatewaySettings)
    base_url: str = ""
    tz: tzinfo = field(default_factory=zone)

    def link(self, incident_id: int) -> str:
        return f"{self.base_url.rstrip('/')}/incidents/{incident_id}" if self.base_url else ""


def reminder_settings(data: dict[str, Any], base: Path = Path(".")) -> ReminderSettings:
    """From a parsed mamori.toml: how the gateway reaches its next hop and signs its notices (``[gateway]``, read by
    the gateway's own parser, relative paths from ``base``), ``[web] base_url`` and ``[organization] timezone``.
    Raises ValueError (SettingsError, TimezoneError) naming a wrong key."""
    web = data.get("web", {})
    url = web.get("base_url", "") if isinstance(web, dict) else ""
    return ReminderSettings(parse_gateway_settings(data, base), url if isinstance(url, str) else "", zone_of(data))


def load_reminder_settings(path: str | Path | None) -> ReminderSettings:
    """:func:`reminder_settings` of the file at ``path``; the defaults when there is none."""
    if path is None or not Path(path).is_file():
        return ReminderSettings()
    return reminder_settings(tomllib.loads(Path(path).read_bytes().decode("utf-8-sig")), Path(path).parent)


@dataclass(frozen=True)
class Sent:
    """One reminder the run dealt with: ``error`` empty when the next hop accepted it for ``recipients`` officers."""

    incident_id: int
    kind: str
    step: str
    due: date
    recipients: int
    error: str = ""


def officers(db: Any) -> list[str]:
    """The addresses of the active officers, sorted."""
    with db.session() as s:
        return sorted(s.scalars(select(User.login).where(User.role == "officer", User.active.is_(True))))


def _sent_before(db: Any) -> set[tuple[int, str, date]]:
    with db.session() as s:
        return {(r.task_id, r.step, r.due) for r in s.scalars(select(IncidentReminder))}


def _task_ids(db: Any) -> dict[tuple[int, str], int]:
    with db.session() as s:
        return {(t.incident_id, t.kind): t.id for t in s.scalars(select(IncidentTask))}


def remind(db: Any, settings: ReminderSettings, today: date, actor: str) -> list[Sent]:
    """Send the reminders due on ``today`` (the company's date) that were not sent before; what was sent or
    failed. No officer: nothing is sent and one :class:`Sent` per due reminder says so."""
    due: list[tuple[register.IncidentView, register.TaskView, str]] = []
    for view in register.register(db):
        for task in view.open_tasks:
            left = view.countdown(task, today)
            step = step_for(left.days_left) if left is not None else None
            if step is not None:
                due.append((view, task, step))
    if not due:
        return []
    done, ids, to = _sent_before(db), _task_ids(db), officers(db)
    out: list[Sent] = []
    hop = NextHop(settings.smtp)
    try:
        for view, task, step in due:
            task_id = ids[(view.id, task.kind)]
            assert task.due is not None  # a step needs a countdown, a countdown a due day
            if (task_id, step, task.due) in done:
                continue
            if not to:
                out.append(Sent(view.id, task.kind, step, task.due, 0, "no active officer to remind"))
                continue
            left = view.countdown(task, today)
            assert left is not None
            raw = reminder_mail(incident_id=view.id, kind=task.kind, step=step, left=left, to=to,
                                from_addr=settings.smtp.notice_from, link=settings.link(view.id), tz=settings.tz)
            attempt = hop.send("", to, raw)  # the null sender: a reminder that cannot be delivered never bounces
            accepted = len(to) - len(attempt.refused) if attempt.code == 250 else 0
            if accepted == 0:
                out.append(Sent(view.id, task.kind, step, task.due, 0, attempt.error or f"refused ({attempt.code})"))
                continue
            with db.session() as s:
                s.add(IncidentReminder(task_id=task_id, step=step, due=task.due, sent_at=utcnow(),
                                       recipients=accepted))
                record(s, actor, "incident_reminder", f"incident:{view.id}",
                       f"incident {view.id}: {task.kind} reminder ({step}) sent to {accepted} officer(s)",
                       task=task.kind, step=step, due=task.due.isoformat(), recipients=accepted,
                       refused=len(attempt.refused))
            out.append(Sent(view.id, task.kind, step, task.due, accepted))
    finally:
        hop.close()
    return out
