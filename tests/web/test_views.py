"""The confirmation page's data and the dashboard's counting, as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from mamori.gateway.hold_queue import QueuedMessage
from mamori.web.chart import bar_chart
from mamori.web.confirm import build, missing_acks
from mamori.web.dashboard import Row, count

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def queued(**kw) -> QueuedMessage:
    base = dict(id="m1", received_at=NOW, sender="alice@corp.example", sender_name="Alice", subject="件名", size=1,
                action="hold", state="held", release_mode="self")
    return QueuedMessage(**{**base, **kw})


def test_gateway_rows_with_raw_groups_and_bcc_recipients() -> None:
    msg = queued(
        recipients=[{"name": "佐藤 太郎", "address": "t.sato@alpha.example", "field": "to"},
                    {"name": "Dan", "address": "dan@corp.example", "field": "cc"}],
        rcpt_to=["t.sato@alpha.example", "dan@corp.example", "hidden@beta.example"],
        groups=[
            {"organization": "株式会社アルファ", "known": True,
             "recipients": [
                 {"address": "t.sato@alpha.example", "name": "佐藤 太郎", "field": "to", "first_time": False}
             ]},
            {"organization": "beta.example", "known": False,
             "recipients": [{"address": "hidden@beta.example", "name": "", "field": "bcc", "first_time": True}]},
        ],
        attachments=[{"filename": "名簿.xlsx", "types": ["PERSON"], "records": 120, "issues": []}],
        reasons=[{"code": "open_recipient_list", "severity": "hold", "detail": "en text", "detail_ja": "日本語"}],
    )
    view = build(msg, "ja", masked=False)
    assert [b.organization for b in view.external] == ["株式会社アルファ", "beta.example"]
    assert [(line.key, line.label, line.field) for b in view.external for line in b.lines] == [
        ("r0", "t.sato@alpha.example", "to"), ("r1", "hidden@beta.example", "bcc")]
    assert [line.label for line in view.internal] == ["dan@corp.example"]
    assert view.required == {"r0", "r1", "a0"} and view.open_list
    assert view.reasons[0].detail == "日本語" and build(msg, "en", masked=False).reasons[0].detail == "en text"
    assert missing_acks(view, ["r0", "a0"]) == {"r1"} and not missing_acks(view, ["r0", "r1", "a0", "x"])
    masked = build(msg, "ja", masked=True, mask_text=lambda s: "■" * len(s))
    labels = [line.label for b in masked.external for line in b.lines] + [line.label for line in masked.internal]
    assert labels == ["t*****@alpha.example", "h*****@beta.example", "d**@corp.example"]
    assert masked.external[0].lines[0].name == "佐藤 ■■"
    assert masked.attachments[0].label == "■■■■■■■" and masked.subject == "■■"
    assert masked.required == view.required  # the same keys whoever looks


def test_masked_groups_are_matched_to_the_raw_addresses() -> None:
    msg = queued(
        recipients=[{"name": "", "address": "tanaka@abc.example", "field": "to"}],
        groups=[{"organization": "ABC", "known": True,
                 "recipients": [{"address": "t*****@abc.example", "name": "", "field": "To", "first_time": True}]}],
    )
    view = build(msg, "ja", masked=False)
    assert view.external[0].lines[0].label == "tanaka@abc.example" and not view.internal


def test_dashboard_counts_per_local_day() -> None:
    tz = ZoneInfo("Asia/Tokyo")
    today = NOW.astimezone(tz).date()
    rows = [
        Row(NOW, "hold", "held", None, "", [{"code": "bulk_pii"}]),
        Row(NOW - timedelta(days=1), "confirm", "delivered", NOW, "alice", [{"code": "bulk_pii"}, {"code": "x"}]),
        Row(NOW - timedelta(days=1), "hold", "cancelled", NOW - timedelta(days=1), "alice", []),
        Row(NOW, "allow", "delivered", NOW, "", [{"code": "ignored"}]),
        Row(NOW - timedelta(days=30), "hold", "cancelled", NOW - timedelta(days=30), "expiry", []),
    ]
    f = count(rows, today, 7, tz)
    assert f.days[-1] == today and len(f.days) == 7
    assert (f.held[-1], f.held[-2], f.released[-1], f.cancelled[-2], f.open_now) == (1, 2, 1, 1, 1)
    assert sum(f.held) == 3 and f.top_reasons[0] == ("bulk_pii", 2)


def test_chart_escapes_labels() -> None:
    svg = str(bar_chart(["<b>"], [("<script>", [3])], title='"x"'))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg and svg.startswith("<svg")
