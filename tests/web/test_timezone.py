"""One time zone, the company's (``[organization] timezone``, default Asia/Tokyo), always shown with its name: the
helper, and each surface (notices, the web pages, ``mamori queue list``, the scan report) with a zone that is not
the default."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from mamori.cli import main
from mamori.discovery.inventory import summarize
from mamori.discovery.report_html import render
from mamori.gateway import notices
from mamori.gateway.settings import GatewaySettings, SettingsError, parse_gateway_settings
from mamori.timefmt import TimezoneError, format_time, load_zone, zone, zone_name, zone_of
from mamori.web.app import create_app
from mamori.web.settings import WebSettingsError, web_settings_from

WINTER = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
SUMMER = datetime(2026, 7, 7, 1, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def test_format_time_in_a_zone_with_its_name() -> None:
    assert format_time(WINTER, zone()) == "2026-12-07 10:00 JST"
    assert format_time(WINTER, BERLIN) == "2026-12-07 02:00 CET"
    assert format_time(SUMMER, BERLIN) == "2026-07-07 03:00 CEST"
    assert format_time(WINTER, ZoneInfo("Asia/Kolkata")) == "2026-12-07 06:30 IST"
    assert format_time(WINTER, ZoneInfo("Asia/Dubai")) == "2026-12-07 05:00 UTC+04:00"  # no letters: the offset
    assert zone_name(WINTER, ZoneInfo("America/St_Johns")) == "NST"
    assert format_time(WINTER.replace(tzinfo=None), zone()) == "2026-12-07 10:00 JST"  # naive: UTC
    assert format_time(WINTER, BERLIN, named=False) == "2026-12-07 02:00"
    assert format_time(None, BERLIN, empty="-") == "-"


def test_the_zone_comes_from_organization_timezone(tmp_path: Path) -> None:
    assert zone_of({}) == ZoneInfo("Asia/Tokyo")
    assert zone_of({"organization": {"internal_domains": ["x.example"]}}) == ZoneInfo("Asia/Tokyo")
    assert zone_of({"organization": {"timezone": "Europe/Berlin"}}) == BERLIN
    for bad in ("Mars/Olympus", "../etc/passwd", 9):
        with pytest.raises(TimezoneError, match=r"organization\.timezone"):
            zone_of({"organization": {"timezone": bad}})
    toml = tmp_path / "mamori.toml"
    toml.write_text('[organization]\ninternal_domains = ["corp.example"]\ntimezone = "Europe/Berlin"\n')
    assert load_zone(toml) == BERLIN and load_zone(tmp_path / "none.toml") == ZoneInfo("Asia/Tokyo")
    data = {"organization": {"timezone": "Europe/Berlin"}}
    assert parse_gateway_settings(data, tmp_path).timezone == BERLIN
    assert web_settings_from(data, tmp_path).timezone == BERLIN
    with pytest.raises(SettingsError, match=r"organization\.timezone"):
        parse_gateway_settings({"organization": {"timezone": "Nowhere"}}, tmp_path)
    with pytest.raises(WebSettingsError, match=r"organization\.timezone"):
        web_settings_from({"organization": {"timezone": "Nowhere"}}, tmp_path)
    assert GatewaySettings().timezone == ZoneInfo("Asia/Tokyo")


def _body(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_notices_show_the_company_zone() -> None:
    kw = {"to": "a@corp.example", "from_addr": "m@corp.example", "subject": "s", "reasons": []}
    text = _body(notices.notice("delayed", link="l", deliver_after=WINTER, expires_at=WINTER, tz=BERLIN, **kw))
    assert "2026-12-07 02:00 CET" in text and "UTC" not in text
    text = _body(notices.notice("held", link="l", expires_at=WINTER, **kw))
    assert "期限: 2026-12-07 10:00 JST" in text  # the default zone
    text = _body(notices.expiry_notice("cancel", received_at=WINTER, expires_at=WINTER + timedelta(days=3),
                                       recipients=[], tz=BERLIN, **kw))
    assert "受付: 2026-12-07 02:00 CET" in text and "期限: 2026-12-10 02:00 CET" in text
    text = _body(notices.approval_notice(sender="a@corp.example", link="l", why=("x", "y"), expires_at=SUMMER,
                                         tz=BERLIN, **kw))
    assert "期限: 2026-07-07 03:00 CEST" in text and "Deadline: 2026-07-07 03:00 CEST" in text


def test_web_pages_show_the_company_zone(tmp_path: Path, web_db) -> None:
    from tests.web import seed
    from tests.web.conftest import login

    settings = web_settings_from({"organization": {"timezone": "Europe/Berlin"}, "web": {"secret_key": "k" * 20}},
                                 tmp_path)
    mid = seed.message(web_db)
    with web_db.session() as s:
        from mamori.store.mail import MailMessage

        s.get(MailMessage, mid).received_at = WINTER
    app = create_app(settings, web_db, guard=None)
    with TestClient(app, client=("192.0.2.10", 40000)) as client:
        login(client, "alice@corp.example")
        listing = client.get("/messages").text
        assert "(CET)" in listing and "2026-12-07 02:00" in listing and "10:00" not in listing
        detail = client.get(f"/messages/{mid}").text
        assert "2026-12-07 02:00 CET" in detail
    with TestClient(app, client=("192.0.2.10", 40000)) as client:
        login(client, "olga@corp.example")
        assert "(CET)" in client.get("/audit").text


def test_queue_list_prints_the_company_zone(tmp_path: Path) -> None:
    from mamori.store import Database
    from tests.web import seed

    db_url = f"sqlite:///{tmp_path / 'q.db'}"
    db = Database(db_url)
    db.migrate()
    mid = seed.message(db)
    with db.session() as s:
        from mamori.store.mail import MailMessage

        s.get(MailMessage, mid).received_at = WINTER
    db.dispose()
    toml = tmp_path / "mamori.toml"
    toml.write_text(f'[organization]\ninternal_domains = ["corp.example"]\ntimezone = "Europe/Berlin"\n'
                    f'[store]\nurl = "{db_url}"\n')
    r = CliRunner().invoke(main, ["queue", "list", "--config", str(toml)])
    assert r.exit_code == 0, r.output
    assert f"{mid}  2026-12-07 02:00 CET  held" in r.stdout


def test_scan_report_time_in_the_company_zone(tmp_path: Path) -> None:
    html = render([], summarize([], 0.1), tz=BERLIN.key, lang="en")
    assert " CET (Europe/Berlin)" in html or " CEST (Europe/Berlin)" in html
    assert "UTC" not in html
    (tmp_path / "a.txt").write_text("nothing here", encoding="utf-8")
    toml = tmp_path / "mamori.toml"
    toml.write_text('[organization]\ninternal_domains = ["corp.example"]\ntimezone = "America/New_York"\n')
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["scan", "--workers", "1", str(tmp_path / "a.txt"), "--report", str(out),
                                  "--config", str(toml)])
    assert r.exit_code == 0, r.output
    assert any(f" {name} (America/New_York)" in out.read_text(encoding="utf-8") for name in ("EST", "EDT"))
    toml.write_text('[organization]\ninternal_domains = ["corp.example"]\ntimezone = "Nowhere/Land"\n')
    r = CliRunner().invoke(main, ["scan", str(tmp_path / "a.txt"), "--report", str(out), "--config", str(toml)])
    assert r.exit_code == 2 and "organization.timezone" in r.stderr
