"""Reminders of the register's deadlines, through a real SMTP sink on loopback (SQLite and PostgreSQL): the right
mails on the right days across a weekend, nothing twice, nothing for a done task or a settled incident, a refused
mail tried again, no title or summary in any mail, each sent reminder audited."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import date, timedelta
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from mamori.gateway.settings import GatewaySettings
from mamori.gateway.sink import Sink
from mamori.incidents import register
from mamori.incidents.cli import incidents
from mamori.incidents.remind import ReminderSettings, load_reminder_settings, officers, remind
from mamori.incidents.reminders import headline, step_for
from mamori.store import Database
from mamori.store.accounts import User
from mamori.store.audit import AuditEntry
from mamori.timefmt import zone

# found on Friday 2026-12-04: the 速報 is due on Tuesday 12-08 (day 5), the 確報 on Monday 2027-01-04 (day 30, moved
# past the year-end closure)
SENSITIVE = {"discovered_on": "2026-12-04", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
             "data": ["PERSON", "SENSITIVE:medical"]}
TITLE, SUMMARY = "山田花子様の診断書を FAX 誤送信", "090-1234-5678 の患者"
OFFICERS = ["k.officer@ours.example", "m.officer@ours.example"]


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    d = Database(database_url)
    d.migrate()
    with d.session() as s:
        s.add_all([User(login=OFFICERS[1], role="officer"), User(login=OFFICERS[0], role="officer"),
                   User(login="gone.officer@ours.example", role="officer", active=False),
                   User(login="admin@ours.example", role="admin"), User(login="s@ours.example", role="sender")])
    yield d
    d.dispose()


def _settings(sink: Sink) -> ReminderSettings:
    smtp = GatewaySettings(next_hop_host="127.0.0.1", next_hop_port=sink.port, notice_from="mamori@ours.example")
    return ReminderSettings(smtp, "https://mamori.ours.example/", zone("Asia/Tokyo"))


def _mails(sink: Sink, start: int = 0) -> list[tuple[dict[str, object], email.message.EmailMessage]]:
    return [(env, email.message_from_bytes(raw, policy=default)) for env, raw in sink.messages()[start:]]


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def test_only_active_officers_are_reminded(db: Database) -> None:
    assert officers(db) == OFFICERS


def test_daily_runs_across_a_weekend_send_each_step_once_on_its_day(db: Database, sink: Sink) -> None:
    i = register.create(db, SENSITIVE, "k.officer@ours.example", title=TITLE, summary=SUMMARY)
    settings = _settings(sink)
    sent: dict[date, list[tuple[str, str]]] = {}
    for day in _days(date(2026, 12, 4), date(2026, 12, 10)):  # Friday to the Thursday after
        sent[day] = [(r.kind, r.step) for r in remind(db, settings, day, "cli:mamori")]
        assert remind(db, settings, day, "cli:mamori") == []  # a second run the same day sends nothing
    assert sent == {
        date(2026, 12, 4): [("preliminary", "week")],  # Fri: 4 days left
        date(2026, 12, 5): [("preliminary", "three_days")],  # Sat: 3 days left
        date(2026, 12, 6): [],  # Sun: 2 days left, the 3-day reminder was sent
        date(2026, 12, 7): [("preliminary", "one_day")],  # Mon
        date(2026, 12, 8): [("preliminary", "today")],  # Tue, the due day
        date(2026, 12, 9): [("preliminary", "overdue")],  # once overdue
        date(2026, 12, 10): [],
    }
    mails = _mails(sink)
    assert len(mails) == 5
    for env, msg in mails:
        assert env["mail_from"] in ("", "<>")  # the null sender, like every notice
        assert sorted(env["rcpt_to"]) == OFFICERS  # the active officers only
        assert msg["From"] == "mamori@ours.example" and msg["Auto-Submitted"] == "auto-generated"
        body = msg.get_content()
        assert f"事案: {i}" in body and f"Incident: {i}" in body
        assert f"https://mamori.ours.example/incidents/{i}" in body
        assert "速報 (個人情報保護委員会)" in body and "preliminary report to the PPC" in body
        assert "期限: 2026-12-08 (火) JST" in body and "Due: 2026-12-08 (Tue) JST" in body
        for words in (TITLE, SUMMARY, "山田", "090-1234-5678", "FAX 誤送信"):  # the officer's words stay out
            assert words not in body and words not in str(msg["Subject"])
        assert body.index("事案:") < body.index("Incident:")  # Japanese, then English
    subjects = [str(m["Subject"]) for _, m in mails]
    assert "【期限まであと4日】" in subjects[0] and "4 days left" in subjects[0]
    assert "【期限は明日】" in subjects[2] and "【期限は本日】" in subjects[3]
    assert "【期限を1日過ぎています】" in subjects[4] and "1 day overdue" in subjects[4]
    first = mails[0][1].get_content()
    assert "あと4日 (うち行政機関の開庁日 2日)" in first  # Sat and Sun are closed: Mon and Tue are open
    with db.session() as s:
        audit = [e for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "incident_reminder"))]
    assert [(e.target, e.data["step"], e.data["recipients"]) for e in audit] == [
        (f"incident:{i}", step, 2) for step in ("week", "three_days", "one_day", "today", "overdue")]
    assert all(TITLE not in e.detail and SUMMARY not in e.detail for e in audit)


def test_missed_runs_send_only_the_step_of_the_day(db: Database, sink: Sink) -> None:
    register.create(db, SENSITIVE, "k.officer@ours.example")
    settings = _settings(sink)  # the machine was off from Friday to Monday
    assert [(r.kind, r.step) for r in remind(db, settings, date(2026, 12, 7), "cli")] == [("preliminary", "one_day")]
    assert [(r.kind, r.step) for r in remind(db, settings, date(2026, 12, 28), "cli")] == [
        ("preliminary", "overdue"), ("final", "week")]  # 確報 due 2027-01-04: 7 days left
    assert remind(db, settings, date(2026, 12, 29), "cli") == []


def test_nothing_for_a_done_task_or_a_settled_incident(db: Database, sink: Sink) -> None:
    done = register.create(db, SENSITIVE, "k.officer@ours.example")
    register.mark_done(db, done, "preliminary", "k.officer@ours.example")
    settled = register.create(db, SENSITIVE, "k.officer@ours.example")
    register.update(db, settled, SENSITIVE | {"data": ["PERSON"], "persons": 3}, "k.officer@ours.example")
    assert not register.get(db, settled).is_open
    settings = _settings(sink)
    for day in _days(date(2026, 12, 4), date(2026, 12, 10)):
        assert remind(db, settings, day, "cli") == []
    assert sink.messages() == []


def test_a_new_due_day_starts_the_steps_again(db: Database, sink: Sink) -> None:
    i = register.create(db, SENSITIVE, "k.officer@ours.example")
    settings = _settings(sink)
    assert [r.step for r in remind(db, settings, date(2026, 12, 7), "cli")] == ["one_day"]
    register.update(db, i, SENSITIVE | {"discovered_on": "2026-12-05"}, "k.officer@ours.example")  # due 12-09
    assert [(r.step, r.due) for r in remind(db, settings, date(2026, 12, 7), "cli")] == [
        ("three_days", date(2026, 12, 9))]


def test_a_refused_reminder_is_not_recorded_and_is_sent_on_the_next_run(db: Database, sink: Sink) -> None:
    register.create(db, SENSITIVE, "k.officer@ours.example")
    settings = _settings(sink)
    sink.reply = "451 4.3.0 try later"
    [r] = remind(db, settings, date(2026, 12, 7), "cli")
    assert r.error and r.recipients == 0
    sink.reply = ""
    [r] = remind(db, settings, date(2026, 12, 7), "cli")
    assert not r.error and r.recipients == 2 and len(sink.messages()) == 1
    sink.refuse = {OFFICERS[0]: "550 5.1.1 no such user"}  # one officer refused: sent to the other, recorded
    [r] = remind(db, settings, date(2026, 12, 8), "cli")
    assert not r.error and r.recipients == 1
    assert remind(db, settings, date(2026, 12, 8), "cli") == []


def test_without_an_officer_nothing_is_sent_and_the_run_says_so(database_url: str, sink: Sink) -> None:
    d = Database(database_url)
    d.migrate()
    register.create(d, SENSITIVE, "cli:root")
    [r] = remind(d, _settings(sink), date(2026, 12, 7), "cli")
    assert r.error == "no active officer to remind" and sink.messages() == []
    d.dispose()


def test_the_command_reads_the_config_and_is_idempotent(db: Database, sink: Sink, tmp_path: Path) -> None:
    i = register.create(db, SENSITIVE, "k.officer@ours.example")
    config = tmp_path / "mamori.toml"
    config.write_text(f'[gateway]\nnext_hop = "127.0.0.1:{sink.port}"\nnotice_from = "privacy@ours.example"\n'
                      '[web]\nbase_url = "https://m.ours.example"\n[organization]\ntimezone = "Europe/Berlin"\n',
                      encoding="utf-8")
    settings = load_reminder_settings(config)
    assert (settings.smtp.next_hop_port, settings.link(i)) == (sink.port, f"https://m.ours.example/incidents/{i}")
    runner = CliRunner()
    args = ["remind", "--config", str(config), "--db", db.url, "--today", "2026-12-08"]
    first = runner.invoke(incidents, args)
    assert first.exit_code == 0, first.output
    assert "sent to 2 officer(s)" in first.output and "(today, due 2026-12-08)" in first.output
    again = runner.invoke(incidents, args)
    assert again.exit_code == 0 and again.output == ""
    [(_, msg)] = _mails(sink)
    assert msg["From"] == "privacy@ours.example" and "Due: 2026-12-08 (Tue) CET" in msg.get_content()
    sink.reply = "451 4.3.0 try later"
    failed = runner.invoke(incidents, [*args[:-1], "2026-12-09"])
    assert failed.exit_code == 1 and "not sent" in failed.output


@pytest.mark.parametrize(("days_left", "step"), [
    (30, None), (8, None), (7, "week"), (4, "week"), (3, "three_days"), (2, "three_days"), (1, "one_day"),
    (0, "today"), (-1, "overdue"), (-40, "overdue")])
def test_the_step_of_the_day(days_left: int, step: str | None) -> None:
    assert step_for(days_left) == step
    if step is not None:
        ja, en = headline(step, days_left)
        assert ja and en and ("1 days" not in en)
