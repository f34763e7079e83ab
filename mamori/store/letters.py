"""The record of each check of a print run or a FAX send list made on the web app's Letters page, for auditors.

A row says who checked what and when, and what came out: the run's name (the uploaded file's name), the SHA-256
of the files checked, the counts (letters and pages, or FAX rows), the problems by code and the result (``ok``,
``hold``, or ``error`` with where it stopped). Never the files' contents nor anything read from them (names,
addresses, numbers): the PDF and the lists are gone once the check is over; the hashes let an auditor tell which
files were checked. Rows are only added, never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from mamori.store.audit import record
from mamori.store.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from mamori.store.database import Database

KINDS = ("letters", "fax")
RESULTS = ("ok", "hold", "error")


class LetterCheck(Base):
    __tablename__ = "letter_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320), index=True)  # the login of who checked
    kind: Mapped[str] = mapped_column(String(16))  # KINDS
    run_name: Mapped[str] = mapped_column(String(200), default="")  # the uploaded run's (or send list's) file name
    run_sha256: Mapped[str] = mapped_column(String(64), default="")
    list_sha256: Mapped[str] = mapped_column(String(64), default="")  # recipients.csv (letters); "" for FAX
    letters: Mapped[int] = mapped_column(Integer, default=0)  # letters of the run, or rows of the send list
    pages: Mapped[int] = mapped_column(Integer, default=0)  # pages of the run (0 for FAX)
    held: Mapped[int] = mapped_column(Integer, default=0)  # letters or rows held
    confirm: Mapped[int] = mapped_column(Integer, default=0)  # FAX rows to confirm (0 for letters)
    missing: Mapped[int] = mapped_column(Integer, default=0)  # list entries without a letter
    problems: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # code -> how many times
    result: Mapped[str] = mapped_column(String(8))  # RESULTS
    error: Mapped[str] = mapped_column(String(64), default="")  # for an error: "run", "run page 3", "list line 4"


@dataclass(frozen=True)
class CheckRecord:
    """What is recorded of one check (see the module doc)."""

    actor: str
    kind: str
    run_name: str
    run_sha256: str
    result: str
    list_sha256: str = ""
    letters: int = 0
    pages: int = 0
    held: int = 0
    confirm: int = 0
    missing: int = 0
    problems: dict[str, int] = field(default_factory=dict)
    error: str = ""


def add_check(db: Database, rec: CheckRecord) -> int:
    """Store ``rec`` and its audit entry (``letters_check``, target ``letters_check:ID`` or ``fax_check:ID``, the
    result as its detail, the counts as its data) in one transaction; the new row's id."""
    if rec.kind not in KINDS or rec.result not in RESULTS:
        raise ValueError(f"kind {rec.kind!r} / result {rec.result!r}")
    with db.session() as s:
        row = LetterCheck(
            at=utcnow(), actor=rec.actor, kind=rec.kind, run_name=rec.run_name[:200], run_sha256=rec.run_sha256,
            list_sha256=rec.list_sha256, letters=rec.letters, pages=rec.pages, held=rec.held, confirm=rec.confirm,
            missing=rec.missing, problems=dict(rec.problems), result=rec.result, error=rec.error[:64],
        )  # fmt: skip
        s.add(row)
        s.flush()
        # counts only: the codes are in the row (an audit entry's data is shown as is, not in words)
        record(s, rec.actor, "letters_check", f"{rec.kind}_check:{row.id}", rec.result, kind=rec.kind,
               letters=rec.letters, pages=rec.pages, held=rec.held, missing=rec.missing)  # fmt: skip
        return row.id


def list_checks(
    db: Database,
    actor: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
) -> Sequence[LetterCheck]:
    """The checks, newest first: of ``actor`` only (None: everyone's), at or after ``since`` and before ``until``."""
    q = select(LetterCheck).order_by(LetterCheck.at.desc(), LetterCheck.id.desc()).limit(limit)
    if actor is not None:
        q = q.where(LetterCheck.actor == actor)
    if since is not None:
        q = q.where(LetterCheck.at >= since)
    if until is not None:
        q = q.where(LetterCheck.at < until)
    with db.session() as s:
        rows = s.scalars(q).all()
        s.expunge_all()
        return rows
