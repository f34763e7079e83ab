"""Retention: finished mail loses its bytes (and, when set, its rows) after a while; open mail and the audit log never.

Real SQLite (and PostgreSQL where marked); rows are written straight into the store with the age under test.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from mamori.cli import main
from mamori.gateway import hold_queue
from mamori.gateway.retention import FINAL_STATES, content_kept, count, cutoffs, purge
from mamori.gateway.settings import load_gateway_settings
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.store.mail import OPEN_STATES, STATES, MailContent, MailMessage
from tests.gateway.conftest import SENDER, wait_for

OPEN = ("waiting", "held", "queued", "sending")


@pytest.fixture
def db(tmp_path):
    d = Database(f"sqlite:///{tmp_path / 'retention.db'}")
    d.migrate()
    yield d
    d.dispose()


def put(db: Database, state: str, days: float, *, action: str = "confirm", content: bool = True) -> str:
    """A message last changed ``days`` ago (the bytes too unless ``content`` is false, as for a rejected one)."""
    mid = uuid.uuid4().hex
    at = utcnow() - timedelta(days=days)
    with db.session() as s:
        s.add(MailMessage(id=mid, received_at=at, updated_at=at, mail_from=SENDER, rcpt_to=["t.sato@alpha.example"],
                          sender=SENDER, subject="見積書", action=action, state=state,
                          reasons=[{"code": "first_time_recipient", "severity": "confirm", "detail": "First message",
                                    "detail_ja": "初めて", "evidence": ["t*****@alpha.example"]}],
                          delivered_at=at if state == "delivered" else None))
        s.flush()
        if content:
            s.add(MailContent(message_id=mid, raw=b"From: s.nakamura@ours.example\r\n\r\n090-1234-5678\r\n"))
    return mid


def with_content(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(MailContent.message_id)))


def message_ids(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(MailMessage.id)))


def audit(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.actor == "retention").order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


def test_final_states_are_exactly_the_states_nothing_leaves():
    assert set(FINAL_STATES) | set(OPEN_STATES) | {"sending"} == set(STATES)
    assert not set(FINAL_STATES) & (set(OPEN_STATES) | {"sending"})


def test_old_finished_content_goes_recent_and_open_mail_stays(database_url):
    """On SQLite and PostgreSQL: delivered/cancelled/bounced/notice bytes past 30 days go; the rows stay."""
    db = Database(database_url)
    db.migrate()
    try:
        old = [put(db, "delivered", 40), put(db, "cancelled", 31), put(db, "bounced", 45),
               put(db, "delivered", 40, action="notice")]
        rejected = put(db, "rejected", 40, action="block", content=False)
        recent = [put(db, "delivered", 10), put(db, "cancelled", 29)]
        open_ = [put(db, state, 400) for state in OPEN]  # a year old, but not finished
        result = purge(db, utcnow(), content_days=30, message_days=0)
        assert (result.contents, result.messages) == (4, 0)
        assert with_content(db) == set(recent) | set(open_)
        assert message_ids(db) == {*old, rejected, *recent, *open_}  # metadata kept (message_days = 0)
        for mid in old:
            m = hold_queue.get(db, mid)
            assert m.reasons[0]["evidence"] == ["t*****@alpha.example"] and not content_kept(db, mid)
            with pytest.raises(hold_queue.QueueError):
                hold_queue.raw(db, mid)
        assert all(hold_queue.raw(db, mid) for mid in open_)
        [entry] = audit(db)
        assert (entry.action, entry.data["contents"], entry.data["messages"]) == ("purge", 4, 0)
        assert purge(db, utcnow(), 30, 0).contents == 0  # nothing left: a second run deletes nothing
    finally:
        db.dispose()


def test_message_rows_go_only_with_message_days(db):
    very_old = put(db, "delivered", 100)
    old = put(db, "cancelled", 50)
    rejected = put(db, "rejected", 200, action="block", content=False)
    held = put(db, "held", 400)
    assert purge(db, utcnow(), 30, 0).messages == 0
    assert message_ids(db) == {very_old, old, rejected, held}
    assert with_content(db) == {held}
    result = purge(db, utcnow(), 30, 90)
    assert (result.contents, result.messages) == (0, 2)  # the bytes had gone already; the rows now
    assert message_ids(db) == {old, held}
    # rows past message_days take their bytes along, even with content_days = 0 (never on its own)
    gone_with_row = put(db, "delivered", 100)
    kept = put(db, "delivered", 50)
    result = purge(db, utcnow(), 0, 90)
    assert (result.contents, result.messages) == (1, 1)
    assert gone_with_row not in message_ids(db) and kept in with_content(db)
    assert held in with_content(db) and held in message_ids(db)


def test_zero_days_means_never(db):
    mid = put(db, "delivered", 5000)
    assert cutoffs(utcnow(), 0, 0).anything is False
    result = purge(db, utcnow(), 0, 0)
    assert (result.contents, result.messages) == (0, 0) and mid in with_content(db)
    with pytest.raises(ValueError):
        purge(db, utcnow(), -1, 0)


def test_dry_run_changes_nothing_and_counts_what_a_run_deletes(db):
    for _ in range(3):
        put(db, "delivered", 100)
    put(db, "cancelled", 40)
    put(db, "held", 100)
    put(db, "rejected", 100, action="block", content=False)
    before = (with_content(db), message_ids(db))
    dry = purge(db, utcnow(), 30, 90, dry_run=True)
    assert dry.dry_run and (dry.contents, dry.messages) == (4, 4)
    assert (with_content(db), message_ids(db)) == before and audit(db) == []
    real = purge(db, utcnow(), 30, 90)
    assert (real.contents, real.messages) == (dry.contents, dry.messages)
    assert count(db, cutoffs(utcnow(), 30, 90)).contents == 0


def test_batches_cover_more_than_one_batch(db):
    olds = [put(db, "delivered", 40) for _ in range(7)]
    rows = [put(db, "cancelled", 200) for _ in range(5)]
    assert rows[0] in message_ids(db)
    keep = put(db, "queued", 200)
    result = purge(db, utcnow(), 30, 100, batch=2)
    assert (result.contents, result.messages) == (12, 5)
    # 5 rows in batches of 2, then 7 contents in batches of 2, then those 7 rows redacted in batches of 2 (issue 17)
    assert (result.batches, result.redacted) == (3 + 4 + 4, 7)
    assert with_content(db) == {keep} and message_ids(db) == {*olds, keep}
    [entry] = audit(db)
    assert entry.data == {"contents": 12, "messages": 5, "redacted": 7, "content_days": 30, "message_days": 100}


def test_audit_entry_has_counts_and_no_addresses(db):
    put(db, "delivered", 40)
    purge(db, utcnow(), 30, 0, by="cli:admin")
    [entry] = audit(db)
    assert entry.target == "mail" and entry.data["by"] == "cli:admin" and entry.data["contents"] == 1
    assert "@" not in f"{entry.detail}{entry.data}"
    purge(db, utcnow(), 30, 0, audit_empty=False)  # the timer's way: nothing deleted, no entry
    assert len(audit(db)) == 1
    purge(db, utcnow(), 30, 0)  # by hand: the run is recorded even when it deleted nothing
    assert [e.data["contents"] for e in audit(db)] == [1, 0]


def test_release_needs_bytes_but_only_open_mail_can_be_released(db):
    """An old held message keeps its bytes and can still be released; a purged one is finished and cannot."""
    held = put(db, "held", 400)
    delivered = put(db, "delivered", 400)
    purge(db, utcnow(), 30, 0)
    assert hold_queue.release(db, held, "alice").state == "queued"
    assert hold_queue.raw(db, held).startswith(b"From:")
    with pytest.raises(hold_queue.QueueError) as e:
        hold_queue.release(db, delivered, "alice", approver=True)
    assert e.value.code == "wrong_state"
    with pytest.raises(hold_queue.QueueError):
        hold_queue.cancel(db, delivered, "alice")


def test_cli_purge_prints_counts_in_japanese_and_english(db, tmp_path):
    url = str(db.engine.url)
    for _ in range(2):
        put(db, "delivered", 40)
    put(db, "cancelled", 8)
    runner = CliRunner()
    r = runner.invoke(main, ["queue", "purge", "--db", url, "--content-days", "30", "--dry-run"])
    assert r.exit_code == 0, r.output
    assert "ドライラン" in r.output and "本文・添付ファイル 2 件" in r.output
    assert "the content of 2 message(s)" in r.output
    assert len(with_content(db)) == 3
    r = runner.invoke(main, ["queue", "purge", "--db", url, "--content-days", "7"])
    assert r.exit_code == 0, r.output
    assert "削除しました: 本文・添付ファイル 3 件" in r.output and "purged: the content of 3 message(s)" in r.output
    assert "message rows kept" in r.output and with_content(db) == set()
    assert audit(db)[-1].data["by"].startswith("cli")
    # the days come from the config's [gateway] keys by default; a bad one names the key
    cfg = tmp_path / "mamori.toml"
    cfg.write_text(f'[store]\nurl = "{url}"\n[gateway]\nretention_content_days = 5\nretention_message_days = 6\n')
    put(db, "cancelled", 7)
    r = runner.invoke(main, ["queue", "purge", "--config", str(cfg)])
    assert r.exit_code == 0, r.output
    assert "4 message row(s) (older than 6 days)" in r.output and "メッセージ記録 4 件" in r.output
    assert "the content of 1 message(s) (older than 5 days)" in r.output and message_ids(db) == set()
    cfg.write_text(f'[store]\nurl = "{url}"\n[gateway]\nretention_content_days = -1\n')
    r = runner.invoke(main, ["queue", "purge", "--config", str(cfg)])
    assert r.exit_code == 2 and "gateway.retention_content_days" in r.output
    r = runner.invoke(main, ["queue", "purge", "--db", url, "--content-days", "30", "--message-days", "7"])
    assert r.exit_code == 2 and "--message-days" in r.output


def test_settings_defaults(tmp_path):
    p = tmp_path / "mamori.toml"
    p.write_text("")
    s = load_gateway_settings(p)
    assert (s.retention_content_days, s.retention_message_days) == (30, 0)
    p.write_text("[gateway]\nretention_content_days = 0\nretention_message_days = 365\n")
    s = load_gateway_settings(p)
    assert (s.retention_content_days, s.retention_message_days) == (0, 365)


def test_web_page_of_a_purged_message_renders(tmp_path):
    """The message page of a purged message shows its record and says the bytes are gone; an open one does not."""
    from fastapi.testclient import TestClient

    from mamori.web.app import create_app
    from mamori.web.settings import WebSettings
    from tests.web import seed
    from tests.web.conftest import login

    db = Database(f"sqlite:///{tmp_path / 'web.db'}")
    db.migrate()
    try:
        seed.users(db)
        done = seed.message(db, state="delivered", action="confirm", subject="古い見積書")
        held = seed.message(db, state="held")
        with db.session() as s:
            s.execute(update(MailMessage).values(updated_at=utcnow() - timedelta(days=60)))
        assert purge(db, utcnow(), 30, 0).contents == 1
        app = create_app(WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path), db, guard=None)
        with TestClient(app, client=("192.0.2.10", 40000)) as client:
            login(client, "alice@corp.example")
            page = client.get(f"/messages/{done}")
            assert page.status_code == 200, page.text
            assert "古い見積書" in page.text  # the record
            # the evidence names the sender's own recipient as the kept envelope does (not masked for the sender)
            assert "tanaka@abc.example" in page.text.split('class="card reasons"')[1].split("</section>")[0]
            assert "content-gone" in page.text and "保存されていません" in page.text
            page = client.get(f"/messages/{done}?lang=en")
            assert "no longer stored" in page.text
            page = client.get(f"/messages/{held}")
            assert page.status_code == 200 and "content-gone" not in page.text
        with TestClient(app, client=("192.0.2.11", 40000)) as client:
            login(client, "bob@corp.example")  # an approver sees it masked; the page works as well
            page = client.get(f"/messages/{done}")
            assert page.status_code == 200 and "content-gone" in page.text
    finally:
        db.dispose()


def test_gateway_runs_retention_on_its_timer_once_per_interval(tmp_path, start_gateway):
    url = f"sqlite:///{tmp_path / 'gw.db'}"
    pre = Database(url)
    pre.migrate()
    first = put(pre, "delivered", 40)
    held = put(pre, "held", 400)
    pre.dispose()
    gw = start_gateway(store_url=url)  # tick 0.2 s, retention every hour: the first run soon after start
    wait_for(lambda: first not in with_content(gw.db), what="the first retention run")
    second = put(gw.db, "cancelled", 40)
    time.sleep(1.5)  # several expiry ticks: not another retention run within the hour
    assert second in with_content(gw.db) and held in with_content(gw.db)
    assert [e.data["contents"] for e in audit(gw.db)] == [1]
    gw.gateway.retention_every = 0.0  # the interval passed
    wait_for(lambda: second not in with_content(gw.db), what="the next retention run")
    assert held in with_content(gw.db)
    wait_for(lambda: len(audit(gw.db)) >= 2, what="the run's entry (after its redaction batch)")
    time.sleep(0.6)  # more runs: they delete nothing
    assert [e.data["contents"] for e in audit(gw.db)] == [1, 1]  # runs that delete nothing leave no entry
