"""The incident register in the store: record an incident, re-assess it when the facts change, mark tasks done.

The shell around the pure core: each operation parses the facts (:func:`~mamori.incidents.case.parse_case`),
assesses them (:func:`~mamori.incidents.assess.assess`), derives the tasks (:func:`~mamori.incidents.tasks.tasks_for`)
and writes the rows of :mod:`mamori.store.incidents` together with an audit entry, in one transaction. The audit
entry names the incident, the decision and the task; it never quotes the officer's words (title, summary).
Reading gives plain :class:`IncidentView` values, sorted for the register by :func:`register`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mamori.incidents.assess import assess
from mamori.incidents.case import Case, case_to_json, parse_case
from mamori.incidents.explain import to_json
from mamori.incidents.ruleset import builtin_rulesets, in_force
from mamori.incidents.tasks import TASK_KINDS, Countdown, countdown, nearest_due, register_key, tasks_for
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.store.incidents import Incident, IncidentAssessment, IncidentTask

TITLE_MAX = 200


class RegisterError(ValueError):
    """An operation on the register that cannot be done; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


@dataclass(frozen=True)
class TaskView:
    kind: str
    due: date | None
    required: bool
    done_at: datetime | None
    done_by: str

    @property
    def open(self) -> bool:
        return self.required and self.done_at is None


@dataclass(frozen=True)
class AssessmentView:
    number: int
    at: datetime
    actor: str
    rules: str
    case: dict[str, Any]
    decision: dict[str, Any]


@dataclass(frozen=True)
class IncidentView:
    """One incident as read: its facts, every assessment (oldest first) and its tasks (in the order of kinds)."""

    id: int
    title: str
    summary: str
    case: dict[str, Any]
    discovered_on: date
    created_at: datetime
    created_by: str
    updated_at: datetime
    assessments: tuple[AssessmentView, ...]
    tasks: tuple[TaskView, ...]

    @property
    def decision(self) -> dict[str, Any]:
        """The latest decision (the contract's JSON)."""
        return self.assessments[-1].decision

    @property
    def open_tasks(self) -> tuple[TaskView, ...]:
        return tuple(t for t in self.tasks if t.open)

    @property
    def is_open(self) -> bool:
        """Open while a task the latest decision calls for is not done. An incident whose decision calls for no
        task (not reportable, no P-mark) is settled at once; an update of its facts may open it again."""
        return bool(self.open_tasks)

    @property
    def nearest_due(self) -> date | None:
        return nearest_due(t.due for t in self.open_tasks)

    def countdown(self, task: TaskView, today: date) -> Countdown | None:
        """Days left for ``task`` seen from ``today`` (None when it has no due day)."""
        if task.due is None:
            return None
        rules = in_force(builtin_rulesets(), self.discovered_on)
        return countdown(task.due, today, rules.year_end_closure if rules is not None else ())


def _text(value: str, limit: int | None, field: str) -> str:
    value = value.strip()
    if limit is not None and len(value) > limit:
        raise RegisterError(f"{field} is longer than {limit} characters", f"{field} は {limit} 文字以内にしてください")
    return value


def _apply(s: Session, inc: Incident, case: Case, actor: str, privacymark: bool, number: int) -> dict[str, Any]:
    decision = assess(case)
    facts = case_to_json(case)
    decision_json = to_json(f"incident:{inc.id}", decision)
    now = utcnow()
    inc.case = facts
    inc.discovered_on = case.discovered_on
    inc.updated_at = now
    s.add(IncidentAssessment(incident_id=inc.id, number=number, at=now, actor=actor, rules=decision.rules,
                             case=facts, decision=decision_json))
    wanted = {t.kind: t.due for t in tasks_for(case, decision, privacymark)}
    existing = {t.kind: t for t in s.scalars(select(IncidentTask).where(IncidentTask.incident_id == inc.id))}
    for kind in TASK_KINDS:
        row = existing.get(kind)
        if kind in wanted:
            if row is None:
                s.add(IncidentTask(incident_id=inc.id, kind=kind, due=wanted[kind], required=True, done_by=""))
            else:
                row.due, row.required = wanted[kind], True
        elif row is not None:
            row.required = False  # kept, with its done state: the history shows what was asked before
    return decision_json


def _audit_data(decision: dict[str, Any]) -> dict[str, Any]:
    return {"reportable": decision["reportable"], "report_to": decision["report_to"], "rules": decision["rules"],
            "categories": decision["categories"]}


def create(db: Any, case_obj: Any, actor: str, title: str = "", summary: str = "",
           privacymark: bool = False) -> int:
    """Assess the facts ``case_obj`` (a CASE.json object) and record a new incident; its id."""
    case = parse_case(case_obj)
    title, summary = _text(title, TITLE_MAX, "title"), _text(summary, None, "summary")
    with db.session() as s:
        now = utcnow()
        inc = Incident(title=title, summary=summary, case={}, discovered_on=case.discovered_on, created_at=now,
                       created_by=actor, updated_at=now)
        s.add(inc)
        s.flush()
        decision = _apply(s, inc, case, actor, privacymark, 1)
        verdict = "reportable" if decision["reportable"] else "not reportable"
        record(s, actor, "incident_create", f"incident:{inc.id}", f"incident {inc.id} recorded: {verdict}",
               **_audit_data(decision))
        return inc.id


def _incident(s: Session, incident_id: int) -> Incident:
    inc = s.get(Incident, incident_id, with_for_update=True)  # one change of an incident at a time (PostgreSQL)
    if inc is None:
        raise RegisterError(f"no incident {incident_id}", f"事案 {incident_id} はありません")
    return inc


def update(db: Any, incident_id: int, case_obj: Any, actor: str, privacymark: bool = False,
           title: str | None = None, summary: str | None = None) -> dict[str, Any]:
    """Re-assess incident ``incident_id`` on the new facts (the earlier assessments are kept); the new decision."""
    case = parse_case(case_obj)
    with db.session() as s:
        inc = _incident(s, incident_id)
        if title is not None:
            inc.title = _text(title, TITLE_MAX, "title")
        if summary is not None:
            inc.summary = _text(summary, None, "summary")
        last = s.scalar(select(IncidentAssessment.number).where(IncidentAssessment.incident_id == incident_id)
                        .order_by(IncidentAssessment.number.desc()).limit(1)) or 0
        decision = _apply(s, inc, case, actor, privacymark, last + 1)
        verdict = "reportable" if decision["reportable"] else "not reportable"
        record(s, actor, "incident_reassess", f"incident:{inc.id}",
               f"incident {inc.id} re-assessed (assessment {last + 1}): {verdict}", **_audit_data(decision))
        return decision


def mark_done(db: Any, incident_id: int, kind: str, actor: str, done: bool = True) -> None:
    """Mark the task ``kind`` of an incident done (or, with ``done=False``, not done again)."""
    if kind not in TASK_KINDS:
        listed = ", ".join(TASK_KINDS)
        raise RegisterError(
            f"{kind!r} is not a task; one of {listed}", f"{kind!r} は作業ではありません。次のいずれか: {listed}"
        )
    with db.session() as s:
        _incident(s, incident_id)
        row = s.scalar(select(IncidentTask).where(IncidentTask.incident_id == incident_id, IncidentTask.kind == kind))
        if row is None:
            raise RegisterError(
                f"incident {incident_id} has no task {kind}", f"事案 {incident_id} に作業 {kind} はありません"
            )
        if done:
            row.done_at, row.done_by = utcnow(), actor
        else:
            row.done_at, row.done_by = None, ""
        action = "incident_task_done" if done else "incident_task_undone"
        state = "done" if done else "not done"
        record(s, actor, action, f"incident:{incident_id}", f"incident {incident_id}: {kind} {state}", task=kind)


def _view(inc: Incident) -> IncidentView:
    order = {k: i for i, k in enumerate(TASK_KINDS)}
    return IncidentView(
        inc.id, inc.title, inc.summary, dict(inc.case), inc.discovered_on, inc.created_at, inc.created_by,
        inc.updated_at,
        tuple(AssessmentView(a.number, a.at, a.actor, a.rules, dict(a.case), dict(a.decision))
              for a in sorted(inc.assessments, key=lambda a: a.number)),
        tuple(TaskView(t.kind, t.due, t.required, t.done_at, t.done_by)
              for t in sorted(inc.tasks, key=lambda t: order.get(t.kind, len(order)))),
    )


def get(db: Any, incident_id: int) -> IncidentView:
    with db.session() as s:
        inc = s.scalar(select(Incident).where(Incident.id == incident_id)
                       .options(selectinload(Incident.assessments), selectinload(Incident.tasks)))
        if inc is None:
            raise RegisterError(f"no incident {incident_id}", f"事案 {incident_id} はありません")
        return _view(inc)


def register(db: Any) -> list[IncidentView]:
    """Every incident, open ones first, then by the nearest deadline of an open task (none last), then by id."""
    with db.session() as s:
        rows = s.scalars(select(Incident).options(selectinload(Incident.assessments), selectinload(Incident.tasks)))
        views = [_view(inc) for inc in rows]
    return sorted(views, key=lambda v: register_key(v.is_open, v.nearest_due, v.id))


def privacymark_of(data: dict[str, Any]) -> bool:
    """Whether the company holds the PrivacyMark: ``[organization] privacymark = true`` of a parsed mamori.toml."""
    org = data.get("organization", {})
    value = org.get("privacymark", False) if isinstance(org, dict) else False
    if not isinstance(value, bool):
        raise ValueError("organization.privacymark must be true or false")
    return value
