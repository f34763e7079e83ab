"""`/healthz` and `/metrics` (issue 19): the database's health, and the queue for Prometheus, on a real server."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update

from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from mamori.web.app import create_app
from tests.web import seed
from tests.web.live import serve


def _reason(code: str) -> dict[str, object]:
    return {"code": code, "severity": "hold", "detail": "d", "detail_ja": "d", "evidence": []}


def _values(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def _fill(db: Database) -> None:
    both = [_reason("similar_recipient"), _reason("first_time_recipient")]
    seed.message(db, subject="山田太郎様の見積書", reasons=both)
    seed.message(db, state="held", release_mode="approval", reasons=[_reason("similar_recipient")])
    seed.message(db, state="waiting", action="confirm", reasons=[_reason("open_recipient_list")])
    retry = seed.message(db, state="queued", action="allow", reasons=[])
    old = seed.message(db, state="queued", action="allow", reasons=[])
    done = seed.message(db, state="delivered", action="hold", reasons=[])
    now = utcnow()
    with db.session() as s:
        s.execute(update(MailMessage).where(MailMessage.id == retry).values(attempts=2))
        s.execute(update(MailMessage).where(MailMessage.id == old).values(received_at=now - timedelta(minutes=10)))
        s.execute(
            update(MailMessage)
            .where(MailMessage.id == done)
            .values(received_at=now - timedelta(minutes=30), decided_at=now - timedelta(minutes=20), decided_by="bob")
        )


def test_metrics_count_the_queue_by_state_reason_and_latency(app, web_db) -> None:
    _fill(web_db)
    with TestClient(app, client=("127.0.0.1", 40000)) as local:
        r = local.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    v = _values(r.text)
    assert v[("mamori_messages", (("state", "held"),))] == 2
    assert v[("mamori_messages", (("state", "waiting"),))] == 1
    assert v[("mamori_messages", (("state", "queued"),))] == 2
    assert v[("mamori_messages", (("state", "bounced"),))] == 0
    assert v[("mamori_open_messages_by_reason", (("reason", "similar_recipient"),))] == 2
    assert v[("mamori_open_messages_by_reason", (("reason", "open_recipient_list"),))] == 1
    assert v[("mamori_awaiting_approval", ())] == 1
    assert v[("mamori_delivery_retrying", ())] == 1
    assert 590 <= v[("mamori_delivery_backlog_seconds", ())] <= 900  # the oldest queued: ten minutes
    assert v[("mamori_decision_latency_seconds_count", ())] == 1
    assert v[("mamori_decision_latency_seconds_bucket", (("le", "900.0"),))] == 1  # ten minutes to decide
    assert v[("mamori_decision_latency_seconds_bucket", (("le", "300.0"),))] == 0
    assert "山田" not in r.text and "@" not in r.text  # counts and codes only


def test_metrics_refused_to_other_hosts_and_healthz_open(client) -> None:
    r = client.get("/metrics")  # the test client's peer is 192.0.2.10
    assert r.status_code == 403 and "mamori_" not in r.text
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_not_a_usable_store(web_settings, tmp_path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite database, " * 64)
    for db in (Database(f"sqlite:///{broken}"), Database(f"sqlite:///{tmp_path / 'empty.db'}")):  # damaged; unmigrated
        with TestClient(create_app(web_settings, db, guard=None)) as c:
            r = c.get("/healthz")
        assert r.status_code == 503 and r.json()["status"] == "unavailable", r.text
        db.dispose()


def test_on_a_real_server_from_the_loopback(app, web_db) -> None:
    _fill(web_db)
    with serve(app) as base:
        health = httpx.get(f"{base}/healthz", timeout=10)
        metrics = httpx.get(f"{base}/metrics", timeout=10)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert metrics.status_code == 200
    assert _values(metrics.text)[("mamori_messages", (("state", "held"),))] == 2
