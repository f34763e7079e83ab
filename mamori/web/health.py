"""`/healthz` and `/metrics`: is the service up and its database reachable, and the queue in Prometheus' text format.

``/healthz`` answers 200 ``{"status": "ok"}`` when the database answers a read of the mail table, else 503 (for a
load balancer or a watchdog script); no login. ``/metrics`` (prometheus-client) is served only to clients on the
loopback (a local Prometheus agent, or a proxy that adds its own access control): messages by state, open messages
by reason code, the number waiting for an approver, the delivery backlog's age, retries, and how long decisions took
over the last day. Counts and reason codes only, never a subject, an address or a body.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.registry import Collector, CollectorRegistry
from sqlalchemy import text

from mamori.store import Database
from mamori.store.mail_stats import QueueSnapshot, snapshot
from mamori.web.security import peer_address

router = APIRouter(include_in_schema=False)

DECISION_BUCKETS = (60.0, 300.0, 900.0, 3600.0, 4 * 3600.0, 24 * 3600.0)
"""Upper bounds (seconds) of the decision-latency histogram: a minute, five, fifteen, an hour, four, a day."""


def metric_families(snap: QueueSnapshot) -> list[Metric]:
    """The Prometheus metrics of one snapshot (pure)."""
    state = GaugeMetricFamily("mamori_messages", "Messages in the store by state", labels=["state"])
    for name, n in sorted(snap.by_state.items()):
        state.add_metric([name], n)
    reason = GaugeMetricFamily(
        "mamori_open_messages_by_reason", "Messages waiting or held, by reason code (once per code)", labels=["reason"]
    )
    for code, n in snap.open_by_reason.items():
        reason.add_metric([code], n)
    buckets: list[tuple[str, float]] = []
    for bound in DECISION_BUCKETS:
        buckets.append((repr(bound), sum(1 for s in snap.decision_seconds if s <= bound)))
    buckets.append(("+Inf", len(snap.decision_seconds)))
    return [
        state,
        reason,
        GaugeMetricFamily(
            "mamori_awaiting_approval", "Held messages that need an approver", value=snap.awaiting_approval
        ),
        GaugeMetricFamily(
            "mamori_delivery_backlog_seconds",
            "Age of the oldest message queued or being sent (0 when none)",
            value=snap.oldest_queued_seconds,
        ),
        GaugeMetricFamily(
            "mamori_delivery_retrying", "Messages queued again after a failed attempt", value=snap.retrying
        ),
        HistogramMetricFamily(
            "mamori_decision_latency_seconds",
            "Time from receipt to the decision (release, approval, cancel, expiry), decisions of the last 24 hours",
            buckets=buckets,
            sum_value=sum(snap.decision_seconds),
        ),
    ]


class _StoreCollector(Collector):
    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        yield from metric_families(snapshot(self.db))


def _loopback(request: Request) -> bool:
    try:
        return ipaddress.ip_address(peer_address(request)).is_loopback
    except ValueError:
        return False


@router.get("/healthz")
def healthz(request: Request) -> Response:
    db: Database = request.app.state.db
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM mail_messages LIMIT 1"))  # reachable, readable and migrated
    except Exception as exc:  # any driver error: the service cannot work without its store
        return JSONResponse({"status": "unavailable", "database": type(exc).__name__}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


@router.get("/metrics")
def metrics(request: Request) -> Response:
    if not _loopback(request):
        return JSONResponse({"detail": "metrics are served on the loopback only"}, status_code=403)
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_StoreCollector(request.app.state.db))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
