"""Training assignments in a real browser: the administrator assigns chapter 2 to the sales department, the learner
sees it with its due date, reads it and passes the quiz, the department's completion goes from 0 to 1 of 2, and the
per-person export downloads with the learner passed."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from mamori.training.course import builtin_courses_dir, load_course
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from tests.web import seed
from tests.web.live import chromium, serve, shot
from tests.web.test_browser import sign_in
from tests.web.test_training_browser import _answer

ADMIN = "adam@corp.example"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _figures(page, department: str) -> dict[str, str]:
    row = page.locator(f'tr[data-department="{department}"]')
    return {k: row.locator(f'td[data-figure="{k}"]').inner_text().strip()
            for k in ("assigned", "passed", "in_progress", "not_started")}


def test_assign_learner_completes_completion_updates_export_downloads(web_settings, web_db, browser) -> None:
    course = load_course(builtin_courses_dir() / "pi-ch2")
    create_user(web_db, ADMIN, role="admin", display_name="Adam", password=seed.PASSWORD)
    due = (date.today() + timedelta(days=14)).isoformat()
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        admin_ctx = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}, accept_downloads=True)
        admin = admin_ctx.new_page()
        admin.set_default_timeout(20_000)
        sign_in(admin, site, ADMIN)
        admin.click('nav a[href="/admin/contacts"]')  # the administration menu leads to the training page
        admin.click('.admin-nav a[href="/admin/training"]')
        admin.select_option("select[name=course]", "pi-ch2")
        admin.fill("input[name=due]", due)
        admin.check('input[name=department][value="sales"]')
        admin.click("form.assign-form button[type=submit]")
        admin.wait_for_selector('tr[data-department="sales"]')
        assert _figures(admin, "sales") == {"assigned": "2", "passed": "0", "in_progress": "0", "not_started": "2"}
        shot(admin, "training-assignments.png")

        learner_ctx = browser.new_context(locale="ja-JP", viewport={"width": 1000, "height": 900})
        learner = learner_ctx.new_page()
        learner.set_default_timeout(20_000)
        sign_in(learner, site, "alice@corp.example")
        learner.click('nav a[href="/training/"]')
        item = learner.locator('li[data-course="pi-ch2"]')
        assert item.get_attribute("data-due") == due and due in item.inner_text()
        learner.click('a[href^="/training/pi-ch2/"]')
        while "/quiz" not in learner.url:
            learner.click('a[rel="next"]')
        _answer(learner, course, 10)
        learner.wait_for_selector('[data-result="passed"]')
        learner_ctx.close()

        admin.reload()
        assert _figures(admin, "sales") == {"assigned": "2", "passed": "1", "in_progress": "0", "not_started": "1"}
        admin.click('tr[data-department="sales"] a')
        assert admin.locator('tr[data-user="alice@corp.example"]').get_attribute("data-state") == "passed"
        assert admin.locator('tr[data-user="bob@corp.example"]').get_attribute("data-state") == "not_started"
        shot(admin, "training-department.png")
        admin.click(".admin-nav a")
        with admin.expect_download() as got:
            admin.click('a.export[href*="kind=people"]')
        download = got.value
        assert download.suggested_filename.startswith("training-people-")
        rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
        alice = next(r for r in rows if r[3] == "alice@corp.example")
        assert alice[5] == "合格・修了" and alice[10] == "100"
        admin_ctx.close()
