"""The incident register in a real browser: the officer records an incident through the form of plain questions,
sees the decision with its reasons and the countdown of each task, downloads the report items (規則8条1項, as text
and as PDF, read back) and marks the 速報 done."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mamori.incidents import register
from mamori.incidents.tasks import today_in
from mamori.timefmt import zone
from mamori.web.app import create_app
from tests.web.live import chromium, serve, shot
from tests.web.test_browser import sign_in


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_officer_records_an_incident_and_sees_decision_and_countdown(web_settings, web_db, browser) -> None:
    ctx = browser.new_context(locale="ja-JP", viewport={"width": 1000, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    today = today_in(datetime.now(UTC), zone())
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        sign_in(page, site, "olga@corp.example")
        page.click("header nav a[href='/incidents']")
        page.click("a[href='/incidents/new']")
        page.fill("input[name=title]", "ランサムウェア感染")
        page.fill("textarea[name=summary]", "ファイルサーバーが暗号化された")
        page.select_option("select[name=cause]", "malware")
        page.fill("input[name=persons]", "1200")
        page.check("input[name=data][value=PERSON]")
        page.check("input[name=data][value=ADDRESS]")
        page.check("input[name=malicious]")
        assert page.input_value("input[name=discovered_on]") == today.isoformat()  # discovered today, by default
        page.click("form.incident-form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().endswith("ランサムウェア感染")
        decision = page.locator("section.decision").inner_text()
        assert "個人情報保護委員会への報告が必要です" in decision
        assert "規則7条3号 不正の目的のおそれ" in decision and "規則7条4号 本人の数が千人超" in decision
        reasons = page.locator("section.reasons").inner_text()
        assert "施行規則8条2項" in reasons and "60日以内" in reasons  # 3号: the final report within 60 days
        incident_id = int(page.url.rsplit("/", 1)[1])
        view = register.get(web_db, incident_id)
        for kind in ("preliminary", "final"):
            task = next(t for t in view.tasks if t.kind == kind)
            left = view.countdown(task, today)
            row = page.locator(f"tr[data-task={kind}]").inner_text()
            assert task.due.isoformat() in row and f"あと{left.days_left}日" in row, row
        shot(page, "incidents/decision.png")
        with page.expect_download() as download:
            page.click(f"a[href='/incidents/{incident_id}/report.txt']")
        report = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == f"incident-{incident_id}-report.txt"
        assert "【3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数】\n1,200人" in report
        assert "ファイルサーバーが暗号化された" in report and "マルウェア" in report
        with page.expect_download() as download:
            page.click(f"a[href='/incidents/{incident_id}/report.pdf']")
        assert download.value.suggested_filename == f"incident-{incident_id}-report.pdf"
        pdf = PdfReader(download.value.path())
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
        assert "個人情報保護委員会への報告" in text and f"事案番号{incident_id}" in text
        assert "本人の数1,200人" in text and "ファイルサーバーが暗号化された" in text  # item 3, the summary
        page.click("tr[data-task=preliminary] button[type=submit]")
        page.wait_for_load_state()
        assert "完了" in page.locator("tr[data-task=preliminary]").inner_text()
        page.goto(f"{site}/incidents")
        row = page.locator(f"tr[data-incident='{incident_id}']").inner_text()
        assert "確報" in row and "対応中" in row  # the next deadline now is the final report's
        shot(page, "incidents/register.png")
    ctx.close()
