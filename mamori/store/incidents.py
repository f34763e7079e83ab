"""Tables of the incident register: incidents, each assessment of their facts, and the tasks the decision calls for.

An incident keeps its facts as the assessment reads them (``case``: the CASE.json object of
:func:`mamori.incidents.case.case_to_json`): counts and kinds of data, never the people's values. ``title`` and
``summary`` are the officer's own words; they are stored and shown to officers, never written to a log or to the
audit log. Every change of the facts adds an :class:`IncidentAssessment` row (the rule set, the decision's JSON,
who, when), so the history of the decision is kept. Tasks are never deleted: a task a later decision no longer
calls for is kept with ``required`` false, with its done state. The operations are in
:mod:`mamori.incidents.register`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mamori.store.base import Base, UTCDateTime, utcnow


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200), default="")  # the officer's words
    summary: Mapped[str] = mapped_column(Text, default="")  # the officer's words: what happened
    case: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the facts, CASE.json of the latest assessment
    discovered_on: Mapped[date] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    assessments: Mapped[list[IncidentAssessment]] = relationship(
        back_populates="incident", lazy="raise", cascade="all, delete-orphan", passive_deletes=True,
        order_by="IncidentAssessment.number",
    )
    tasks: Mapped[list[IncidentTask]] = relationship(
        back_populates="incident", lazy="raise", cascade="all, delete-orphan", passive_deletes=True,
        order_by="IncidentTask.id",
    )


class IncidentAssessment(Base):
    __tablename__ = "incident_assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(Integer, ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1 for the first assessment, then 2, 3... per incident
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(320), default="")
    rules: Mapped[str] = mapped_column(String(32), default="")  # the rule set's id (the day it took effect)
    case: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the facts this decision was made on
    decision: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # explain.to_json of the decision

    incident: Mapped[Incident] = relationship(back_populates="assessments")

    __table_args__ = (UniqueConstraint("incident_id", "number", name="uq_incident_assessments_incident_number"),)


class IncidentTask(Base):
    __tablename__ = "incident_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(Integer, ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # mamori.incidents.tasks.TASK_KINDS
    due: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: "promptly", no day set by the rules
    required: Mapped[bool] = mapped_column(Boolean, default=True)  # false once a later decision drops it
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_by: Mapped[str] = mapped_column(String(320), default="")

    incident: Mapped[Incident] = relationship(back_populates="tasks")

    __table_args__ = (UniqueConstraint("incident_id", "kind", name="uq_incident_tasks_incident_kind"),)


class IncidentReminder(Base):
    """A reminder mail sent to the officers for one step (``week``, ``three_days``...) of a task's due day: the row
    makes ``mamori incidents remind`` send each reminder once (a new due day after a re-assessment is a new one)."""

    __tablename__ = "incident_reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[int] = mapped_column(Integer, ForeignKey("incident_tasks.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(16))  # mamori.incidents.reminders.STEPS
    due: Mapped[date] = mapped_column(Date)  # the due day the reminder was about
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    recipients: Mapped[int] = mapped_column(Integer, default=0)  # how many officers the next hop accepted

    __table_args__ = (UniqueConstraint("task_id", "step", "due", name="uq_incident_reminders_task_step_due"),)
