"""Tables of staff training: one record per learner, course and (fiscal) year, and every quiz attempt.

A record is created when an officer assigns the course (``assigned_at``) or when the learner first opens it
(``started_at``), whichever comes first, so "who has not finished" is one query over this table. Learners are
identified by a string (their login e-mail) plus a display name; there is deliberately no foreign key to the
web app's accounts, so training records survive an account being removed (auditors ask for two years of them).

An assignment (``training_assignments``) gives a course, as the version offered when it was assigned, to one
department (the accounts' ``group``) for a year with a due date; who is in the department is read from the
accounts when completion is counted, so people who join later are counted too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mamori.store.base import Base, UTCDateTime, utcnow


class TrainingRecord(Base):
    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user: Mapped[str] = mapped_column(String(320))  # login e-mail, lower-cased
    display_name: Mapped[str] = mapped_column(String(200), default="")
    course_id: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)  # the fiscal year the training counts for
    course_version: Mapped[str] = mapped_column(String(100), default="")  # version+content hash last studied
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    pages_seen: Mapped[list[str]] = mapped_column(JSON, default=list)  # page ids, in the order first seen
    last_page: Mapped[str] = mapped_column(String(100), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    best_score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # percent, 0-100
    last_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    completed_version: Mapped[str] = mapped_column(String(100), default="")
    reminders: Mapped[int] = mapped_column(Integer, default=0)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    attempt_rows: Mapped[list[TrainingAttempt]] = relationship(
        back_populates="record", lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("user", "course_id", "year", name="uq_training_records_user_course_year"),
        Index("ix_training_records_course_year", "course_id", "year"),
    )


class TrainingAttempt(Base):
    __tablename__ = "training_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[int] = mapped_column(Integer, ForeignKey("training_records.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... within the record
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    course_version: Mapped[str] = mapped_column(String(100), default="")
    questions: Mapped[list[str]] = mapped_column(JSON, default=list)  # question ids in the order shown
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # question id -> chosen choice id
    correct: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[int] = mapped_column(Integer, default=0)  # percent, rounded down
    passed: Mapped[bool] = mapped_column(Boolean, default=False)

    record: Mapped[TrainingRecord] = relationship(back_populates="attempt_rows")


class TrainingAssignment(Base):
    __tablename__ = "training_assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    course_id: Mapped[str] = mapped_column(String(100))
    course_version: Mapped[str] = mapped_column(String(100), default="")  # version+hash offered when assigned
    year: Mapped[int] = mapped_column(Integer)  # the (fiscal) year whose records count
    department: Mapped[str] = mapped_column(String(100))  # an accounts' group
    due: Mapped[date] = mapped_column(Date)  # the company's date by which it must be passed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("course_id", "year", "department", name="uq_training_assignments_course_year_department"),
    )
