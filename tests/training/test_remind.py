"""Training reminders through a real SMTP sink on loopback (SQLite and PostgreSQL): one mail per person who has not
passed, none to who passed or to another department, the lead and interval of the daily run, a refused mail not
counted and tried again, the run audited without names; the command reads mamori.toml."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.policy import default
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from mamori.gateway.settings import GatewaySettings
from mamori.gateway.sink import Sink
from mamori.incidents.remind import ReminderSettings
from mamori.store import Database
from mamori.store.accounts import User
from mamori.store.audit import AuditEntry
from mamori.training import assignments as store
from mamori.training import records
from mamori.training.cli import training
from mamori.training.completion import PersonStatus
from mamori.training.progress import Learner
from mamori.training.quiz import draw_quiz
from mamori.training.remind import is_due, moment_of, remind_all, remind_assignment

DUE = date(2026, 12, 18)
TOKYO = ZoneInfo("Asia/Tokyo")
DAY19 = date(2026, 12, 19)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    d = Database(database_url)
    d.migrate()
    with d.session() as s:
        s.add_all([User(login="a@corp.example", display_name="青木 俊介", group="営業部"),
                   User(login="b@corp.example", display_name="馬場 花子", group="営業部"),
                   User(login="done@corp.example", display_name="済", group="営業部"),
                   User(login="c@corp.example", group="総務部")])
    yield d
    d.dispose()


def _settings(sink: Sink) -> ReminderSettings:
    smtp = GatewaySettings(next_hop_host="127.0.0.1", next_hop_port=sink.port, notice_from="mamori@corp.example")
    return ReminderSettings(smtp, "https://mamori.corp.example/", TOKYO)


def _pass(db: Database, course, login: str) -> None:
    for page in course.content_pages:
        records.see_page(db, Learner(login), course, page.id, 2026)
    drawn = draw_quiz(course, 5)
    records.submit_quiz(db, Learner(login), course, drawn.question_ids,
                        {q: course.question(q).answer for q in drawn.question_ids}, 2026)


def _mails(sink: Sink) -> list[tuple[dict[str, object], email.message.EmailMessage]]:
    return [(env, email.message_from_bytes(raw, policy=default)) for env, raw in sink.messages()]


def test_is_due_follows_lead_and_interval() -> None:
    nobody = PersonStatus("x", "", "d", "not_started", False)
    reminded = PersonStatus("x", "", "d", "in_progress", False,
                            reminded_at=datetime(2026, 12, 3, 23, 0, tzinfo=UTC))  # 12-04 in Tokyo
    passed = PersonStatus("x", "", "d", "passed", False)
    assert not is_due(nobody, DUE, date(2026, 12, 3), TOKYO, lead=14, every=7)  # 15 days before
    assert is_due(nobody, DUE, date(2026, 12, 4), TOKYO, lead=14, every=7)
    assert not is_due(reminded, DUE, date(2026, 12, 10), TOKYO, lead=14, every=7)  # 6 days after the last
    assert is_due(reminded, DUE, date(2026, 12, 11), TOKYO, lead=14, every=7)
    assert is_due(reminded, DUE, date(2027, 1, 30), TOKYO, lead=14, every=7)  # overdue: still reminded
    assert not is_due(reminded, DUE, date(2026, 12, 4), TOKYO, lead=10_000, every=0)  # the button: not twice a day
    assert not is_due(passed, DUE, date(2026, 12, 17), TOKYO, lead=14, every=1)


def test_the_button_mails_each_who_has_not_passed(db: Database, sink: Sink, chapter2) -> None:
    [sales] = [c.assignment for c in store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam@corp.example")]
    store.assign(db, chapter2, ["総務部"], 2026, DUE, "adam@corp.example")
    _pass(db, chapter2, "done@corp.example")
    day = date(2026, 12, 15)
    run = remind_assignment(db, _settings(sink), sales, chapter2, day, "adam@corp.example", now=moment_of(day, TOKYO))
    assert (run.sent, run.failed) == (2, 0)
    mails = _mails(sink)
    assert sorted(tuple(env["rcpt_to"]) for env, _ in mails) == [("a@corp.example",), ("b@corp.example",)]
    for env, msg in mails:
        assert env["mail_from"] in ("", "<>")  # the null sender, like every notice
        assert msg["From"] == "mamori@corp.example" and msg["Auto-Submitted"] == "auto-generated"
        assert msg["To"] == env["rcpt_to"][0]
        body = msg.get_content()
        assert "受講期限は 2026-12-18 (金) です（あと3日）" in body
        assert "due on 2026-12-18 (Fri) (3 day(s) left)" in body
        assert "https://mamori.corp.example/training/pi-ch2/" in body
        assert chapter2.title.ja in str(msg["Subject"]) and "Training due 2026-12-18" in str(msg["Subject"])
        assert body.index("受講期限") < body.index("is due on")  # Japanese, then English
    assert "青木 俊介 様" in next(m for e, m in mails if e["rcpt_to"] == ["a@corp.example"]).get_content()
    progress = {p.user: p.reminders for p in records.year_records(db, chapter2.id, 2026)}
    assert progress == {"a@corp.example": 1, "b@corp.example": 1, "c@corp.example": 0, "done@corp.example": 0}
    [entry] = list(_entries(db))
    assert entry.target == f"training_assignment:{sales.id}" and (entry.data["sent"], entry.data["failed"]) == (2, 0)
    assert "青木" not in entry.detail and "a@corp.example" not in entry.detail
    again = remind_assignment(db, _settings(sink), sales, chapter2, day, "adam@corp.example", now=moment_of(day, TOKYO))
    assert (again.sent, again.failed) == (0, 0) and len(sink.messages()) == 2  # not twice the same day


def _entries(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "training_reminder")))


def test_a_refused_reminder_is_not_counted_and_is_sent_next_time(db: Database, sink: Sink, chapter2) -> None:
    [sales] = [c.assignment for c in store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam")]
    sink.refuse = {"a@corp.example": "550 5.1.1 no such user"}
    run = remind_assignment(db, _settings(sink), sales, chapter2, DAY19, "adam", now=moment_of(DAY19, TOKYO))
    assert (run.sent, run.failed) == (2, 1) and run.error
    body = _mails(sink)[0][1].get_content()
    assert "期限を1日過ぎています" in body and "1 day(s) overdue" in body
    sink.refuse = {}
    run = remind_assignment(db, _settings(sink), sales, chapter2, DAY19, "adam", now=moment_of(DAY19, TOKYO))
    assert (run.sent, run.failed) == (1, 0)  # only the one refused before
    assert [e.data["failed"] for e in _entries(db)] == [1, 0]


def test_the_daily_run_starts_lead_days_before_and_repeats_every_n_days(db: Database, sink: Sink, chapter2) -> None:
    store.assign(db, chapter2, ["営業部"], 2026, DUE, "adam")
    settings = _settings(sink)
    courses = {chapter2.id: chapter2}
    assert remind_all(db, settings, courses, 2026, date(2026, 12, 1), "cli", lead=14, every=7) == []
    counts = []
    for day in (date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 11), date(2026, 12, 12)):
        runs = remind_all(db, settings, courses, 2026, day, "cli", lead=14, every=7, now=moment_of(day, TOKYO))
        counts.append(sum(r.sent for r in runs))
    assert counts == [3, 0, 3, 0]
    _pass(db, chapter2, "a@corp.example")
    day = date(2026, 12, 18)
    assert sum(r.sent for r in remind_all(db, settings, courses, 2026, day, "cli", lead=14, every=7,
                                          now=moment_of(day, TOKYO))) == 2
    assert remind_all(db, settings, {}, 2026, date(2026, 12, 25), "cli") == []  # a course no longer offered


def test_the_command_reads_the_config(db: Database, sink: Sink, chapter2, tmp_path: Path) -> None:
    store.assign(db, chapter2, ["総務部"], 2026, DUE, "adam")
    config = tmp_path / "mamori.toml"
    config.write_text(f'[gateway]\nnext_hop = "127.0.0.1:{sink.port}"\nnotice_from = "privacy@corp.example"\n'
                      '[web]\nbase_url = "https://m.corp.example"\n', encoding="utf-8")
    args = ["remind", "--config", str(config), "--db", db.url, "--today", "2026-12-10", "--year", "2026"]
    first = CliRunner().invoke(training, args)
    assert first.exit_code == 0, first.output
    assert "総務部" in first.output and "sent to 1" in first.output
    [(env, msg)] = _mails(sink)
    assert env["rcpt_to"] == ["c@corp.example"] and msg["From"] == "privacy@corp.example"
    assert "https://m.corp.example/training/pi-ch2/" in msg.get_content()
    again = CliRunner().invoke(training, args)
    assert again.exit_code == 0 and again.output == "" and len(sink.messages()) == 1
    sink.reply = "451 4.3.0 try later"
    failed = CliRunner().invoke(training, [*args[:-3], "2026-12-17", "--year", "2026"])
    assert failed.exit_code == 1 and "not sent to 1" in failed.output
