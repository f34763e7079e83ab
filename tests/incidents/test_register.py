"""The register in the store (SQLite and PostgreSQL): record, re-assess with history, tasks done, order, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mamori.incidents import register
from mamori.incidents.case import CaseError
from mamori.incidents.register import RegisterError
from mamori.store import Database
from mamori.store.audit import AuditEntry

SENSITIVE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
             "data": ["PERSON", "SENSITIVE:medical"]}
NAMES = {"discovered_on": "2026-12-02", "event": "leak", "cause": "email_misdelivery", "persons": 2,
         "data": ["PERSON"]}
SKIMMING = {"discovered_on": "2026-11-20", "event": "leak", "cause": "unauthorized_access", "persons": 40,
            "data": ["PERSON", "CREDIT_CARD"], "malicious": True}


@pytest.fixture
def db(database_url: str) -> Database:
    d = Database(database_url)
    d.migrate()
    yield d
    d.dispose()


def test_record_and_read_back(db: Database) -> None:
    i = register.create(db, SENSITIVE, "officer@ours.example", title="FAX 誤送信", summary="診断書を誤送信")
    v = register.get(db, i)
    assert (v.title, v.summary, v.created_by) == ("FAX 誤送信", "診断書を誤送信", "officer@ours.example")
    assert v.case["data"] == ["PERSON", "SENSITIVE:medical"] and v.case["persons"] == 3
    assert len(v.assessments) == 1 and v.decision["reportable"] and v.decision["categories"] == ["sensitive"]
    assert v.assessments[0].rules == "2024-04-01"
    kinds = {t.kind: t.due.isoformat() if t.due else None for t in v.tasks}
    assert kinds == {"preliminary": v.decision["preliminary_due"], "final": v.decision["final_due"],
                     "notify_individuals": None}
    assert v.is_open and v.nearest_due.isoformat() == v.decision["preliminary_due"]


def test_reassessment_keeps_history_and_done_state(db: Database) -> None:
    i = register.create(db, NAMES, "a@ours.example")
    assert register.get(db, i).tasks == () and not register.get(db, i).is_open
    d = register.update(db, i, NAMES | {"data": ["PERSON", "SENSITIVE:medical"]}, "b@ours.example")
    assert d["reportable"]
    register.mark_done(db, i, "preliminary", "b@ours.example")
    register.update(db, i, NAMES | {"recovered_unviewed": True}, "c@ours.example")
    v = register.get(db, i)
    assert [(a.number, a.actor, a.decision["reportable"]) for a in v.assessments] == [
        (1, "a@ours.example", False), (2, "b@ours.example", True), (3, "c@ours.example", False)]
    assert v.assessments[1].case["data"] == ["PERSON", "SENSITIVE:medical"]  # the facts of that decision
    pre = next(t for t in v.tasks if t.kind == "preliminary")
    assert not pre.required and pre.done_by == "b@ours.example" and pre.done_at is not None
    assert not v.is_open


def test_done_and_undo(db: Database) -> None:
    i = register.create(db, SENSITIVE, "a@ours.example")
    for kind in ("preliminary", "final", "notify_individuals"):
        register.mark_done(db, i, kind, "a@ours.example")
    assert not register.get(db, i).is_open
    register.mark_done(db, i, "final", "a@ours.example", done=False)
    v = register.get(db, i)
    assert v.is_open and [t.kind for t in v.open_tasks] == ["final"]


def test_errors(db: Database) -> None:
    with pytest.raises(CaseError):
        register.create(db, {"event": "leak"}, "a")
    with pytest.raises(RegisterError):
        register.mark_done(db, 99, "final", "a")
    i = register.create(db, NAMES, "a")
    with pytest.raises(RegisterError):
        register.mark_done(db, i, "final", "a")  # not reportable: no such task
    with pytest.raises(RegisterError):
        register.mark_done(db, i, "lunch", "a")
    with pytest.raises(RegisterError):
        register.create(db, NAMES, "a", title="x" * 201)


def test_register_order(db: Database) -> None:
    settled = register.create(db, NAMES, "a")
    later = register.create(db, SENSITIVE, "a")  # 速報 2026-12-05
    sooner = register.create(db, SKIMMING, "a")  # 速報 2026-11-24
    assert [v.id for v in register.register(db)] == [sooner, later, settled]
    register.mark_done(db, sooner, "preliminary", "a")  # its nearest is now the 確報 (60 days)
    assert [v.id for v in register.register(db)] == [later, sooner, settled]


def test_every_change_is_audited_without_the_officers_words(db: Database) -> None:
    i = register.create(db, SENSITIVE, "a@ours.example", title="秘密のタイトル", summary="山田太郎さんの診断書")
    register.update(db, i, SENSITIVE | {"persons": 4}, "b@ours.example")
    register.mark_done(db, i, "final", "b@ours.example")
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        got = [(r.actor, r.action, r.target, r.data.get("task")) for r in rows]
        text = " ".join(f"{r.detail} {r.data}" for r in rows)
    assert got == [("a@ours.example", "incident_create", f"incident:{i}", None),
                   ("b@ours.example", "incident_reassess", f"incident:{i}", None),
                   ("b@ours.example", "incident_task_done", f"incident:{i}", "final")]
    assert "秘密" not in text and "山田" not in text
