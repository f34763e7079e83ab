"""The account pages in a real browser (Debian's Chromium via Playwright, the app served by uvicorn): the officer
uploads a CSV (Shift_JIS, Japanese headers), checks the preview, confirms, gets the invitation links; the invited
person opens theirs in another browser, sets a password and signs in. Screenshots in docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.web.accounts import get_user
from mamori.web.app import create_app
from tests.web import seed
from tests.web.live import chromium, serve, shot

CSV = ("メールアドレス,氏名,部署,役割,承認者\n"
       "hana@corp.example,山本 花,sales,送信者,bob@corp.example\n"
       "ken@corp.example,木村 健,legal,承認者,\n"
       "it@corp.example,情シス 担当,it,システム管理者,\n")


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_import_preview_confirm_invite_and_set_a_password(browser, web_settings, web_db, tmp_path: Path) -> None:
    csv = tmp_path / "社員.csv"
    csv.write_bytes(CSV.encode("cp932"))
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        admin = browser.new_context(locale="ja-JP", viewport={"width": 1100, "height": 900})
        page = admin.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{site}/login?next=/admin/users")
        page.fill("input[name=login]", "olga@corp.example")
        page.fill("input[name=password]", seed.PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{site}/admin/users")
        page.click("a[href='/admin/accounts/import']")
        page.set_input_files("input[name=file]", str(csv))
        page.click("button[type=submit].primary")
        assert "作成 3 件、更新 0 件、無効化 0 件、変更なし 0 件、エラー 0 件" in page.locator("p.summary").inner_text()
        assert page.locator("table.changes tbody tr").count() == 3
        assert "システム管理者" in page.locator("table.changes").inner_text()
        shot(page, "accounts_import.png")
        assert get_user(web_db, "hana@corp.example") is None
        page.click("text=この内容で登録する")
        assert "登録しました" in page.locator("p.notice").inner_text()
        assert get_user(web_db, "it@corp.example").role == "admin"
        page.click("text=新しいアカウント 3 件に招待を送る")  # no [gateway] here: the links are shown
        page.wait_for_selector("table.links code")  # all_inner_texts() does not wait for the next page
        links = page.locator("table.links code").all_inner_texts()
        assert len(links) == 3 and all("/invite/" in u for u in links)
        assert all(u.startswith(web_settings.base_url + "/invite/") for u in links)  # links point at base_url
        hana = next(site + u[len(web_settings.base_url):]  # ... which is not where this test serves the app
                    for u, row in zip(links, page.locator("table.links tr").all_inner_texts(), strict=True)
                    if row.startswith("hana@"))
        admin.close()

        person = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 800})  # a phone
        page = person.new_page()
        page.set_default_timeout(20_000)
        page.goto(hana)
        assert "hana@corp.example" in page.locator("main").inner_text()
        page.fill("input[name=password]", "hana-password-2026")
        page.fill("input[name=repeat]", "hana-password-2026")
        shot(page, "invite.png")
        page.click("button[type=submit].primary")
        assert "パスワードを設定しました" in page.locator("p.notice").inner_text()
        page.click("text=ログイン画面へ")
        page.fill("input[name=login]", "hana@corp.example")
        page.fill("input[name=password]", "hana-password-2026")
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{site}/messages")
        page.goto(hana)
        assert "使用済み" in page.locator("main").inner_text()
        person.close()
