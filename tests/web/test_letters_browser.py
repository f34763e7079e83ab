"""The Letters page in a real browser (Chromium): a clerk uploads a generated run whose list has one wrong name, sees
that letter held with its problem in words and the picture of its page, downloads the HTML report and the JSON;
a clean run says ok; a broken PDF says what is wrong; the checks are listed, and an officer sees them too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mamori.glossary import LETTER_PROBLEMS
from mamori.web.app import create_app
from tests.web.live import chromium, serve, shot
from tests.web.test_browser import sign_in
from tests.web.test_letters_pages import letters_run, wrong_name_list  # noqa: F401  (the run fixture)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _check(page, pdf: dict, listing: dict) -> None:
    page.set_input_files("form.letters-form input[name=run]", pdf)
    page.set_input_files("form.letters-form input[name=list]", listing)
    page.click("form.letters-form button[type=submit]")
    page.wait_for_load_state()


def test_clerk_checks_runs_and_downloads_the_report(web_settings, web_db, browser, letters_run) -> None:  # noqa: F811
    run = (letters_run / "RUN.pdf").read_bytes()
    pdf = {"name": "2026-12 請求書.pdf", "mimeType": "application/pdf", "buffer": run}
    wrong_list, wrong = wrong_name_list(letters_run)
    listing = {"name": "recipients.csv", "mimeType": "text/csv", "buffer": wrong_list}
    good = {"name": "recipients.csv", "mimeType": "text/csv", "buffer": (letters_run / "recipients.csv").read_bytes()}
    ctx = browser.new_context(locale="ja-JP", viewport={"width": 1000, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        sign_in(page, site, "alice@corp.example")
        page.click("header nav a[href='/letters']")
        page.wait_for_url(f"{site}/letters")
        _check(page, pdf, listing)
        held = page.locator("article.held-letter")
        assert held.count() == 1
        text = held.inner_text()
        words = LETTER_PROBLEMS["name_mismatch"]
        assert f"宛先: {wrong}" in text and words.title_ja in text and words.sentence_ja in text
        assert held.locator("li[data-code=name_mismatch]").count() == 1
        picture = held.locator("figure.page-picture img")
        assert picture.count() == 1
        assert picture.evaluate("img => img.complete && img.naturalWidth") > 500  # the rendered page, decoded
        assert "6 通中 1 通を保留" in page.locator(".letters-result .verdict").inner_text()
        shot(page, "letters/held.png")
        with page.expect_download() as download:
            page.click("a[data-download=report]")
        assert download.value.suggested_filename == "2026-12 請求書-report.html"
        report = Path(download.value.path()).read_text(encoding="utf-8")
        assert "name_mismatch" in report and f"宛先 / recipient: {wrong}" in report and "data:image/png" in report
        with page.expect_download() as download:
            page.click("a[data-download=json]")
        result = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert [x["recipient"] for x in result["letters"] if x["action"] == "hold"] == [wrong]

        _check(page, pdf, good)
        assert page.locator(".letters-result[data-result=ok]").count() == 1
        assert "6 通すべて問題なし" in page.locator(".letters-result .verdict").inner_text()

        broken = {"name": "broken.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\nnot really a PDF"}
        _check(page, broken, good)
        error = page.locator("section.check-error").inner_text()
        assert "印刷 PDF" in error and "PDF が壊れています" in error

        rows = page.locator("table.letter-checks tbody tr")
        assert [rows.nth(i).get_attribute("data-result") for i in range(rows.count())] == ["error", "ok", "hold"]
        assert "氏名違い" in rows.nth(2).inner_text()
        ctx.close()

        officer = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 800})
        phone = officer.new_page()
        phone.set_default_timeout(30_000)
        sign_in(phone, site, "olga@corp.example")
        phone.goto(f"{site}/letters")
        rows = phone.locator("table.letter-checks tbody tr")
        assert rows.count() == 3 and "alice@corp.example" in rows.nth(0).inner_text()
        shot(phone, "letters/records-phone.png")
        officer.close()


def test_clerk_checks_a_fax_send_list(web_settings, web_db, browser, tmp_path) -> None:
    from dataclasses import replace

    from tests.web.test_letters_pages import FAX_CONTACTS, SENDLIST

    (tmp_path / "contacts.csv").write_text(FAX_CONTACTS, encoding="utf-8")
    (tmp_path / "mamori.toml").write_text('[organization]\ninternal_domains = ["corp.example"]\n\n'
                                          '[guard]\ncontacts = "contacts.csv"\n', encoding="utf-8")
    ctx = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 800}, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    with serve(create_app(replace(web_settings, config_path=tmp_path / "mamori.toml"), web_db)) as site:
        sign_in(page, site, "alice@corp.example")
        page.goto(f"{site}/letters")
        page.set_input_files("form.fax-form input[name=sendlist]",
                             {"name": "sendlist.csv", "mimeType": "text/csv", "buffer": SENDLIST.encode("utf-8")})
        page.click("form.fax-form button[type=submit]")
        page.wait_for_load_state()
        rows = page.locator("article.fax-row")
        assert [rows.nth(i).get_attribute("data-row") for i in range(rows.count())] == ["2", "3", "4"]
        assert "番号の打ち間違い？" in rows.nth(1).inner_text() and "保留" in rows.nth(1).inner_text()
        shot(page, "letters/fax-phone.png")
        with page.expect_download() as download:
            page.click("a[data-download=json]")
        result = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert [r["reasons"][0]["code"] for r in result if r["reasons"]] == [
            "recipient_organization_mismatch", "similar_recipient", "invalid_number"]
        assert page.locator("table.letter-checks tbody tr[data-result=hold]").count() == 1
    ctx.close()
