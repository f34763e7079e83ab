"""A signed-in user changes their own password (``/account/password``): TestClient and one Chromium run.

Wrong current password, mismatch, too short and missing CSRF are refused and change nothing; a wrong current
password counts toward the login rate limit (both ways); a change ends every other session, rotates the
current one and is audited; SSO-only accounts get a note instead of the form.
"""

from __future__ import annotations

import ipaddress

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from mamori.store.accounts import LoginAttempt, User, WebSession
from mamori.store.audit import AuditEntry
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of, login
from tests.web.live import chromium, serve

ALICE = "alice@corp.example"
NEW = "a new and longer passphrase"
PAGE = "/account/password"


def stored_hash(db, user: str = ALICE) -> str:
    with db.session() as s:
        return s.get(User, user).password_hash


def audit(db, action: str) -> list[AuditEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


def change(client: TestClient, current: str, new: str, again: str | None = None):
    token = csrf_of(client.get(PAGE).text)
    data = {"csrf": token, "current_password": current, "new_password": new,
            "new_password_again": new if again is None else again}
    return client.post(PAGE, data=data, follow_redirects=False)


def test_linked_from_the_navigation_with_the_form_in_both_languages(client) -> None:
    login(client, ALICE)
    assert f'href="{PAGE}"' in client.get("/messages").text
    ja = client.get(PAGE)
    assert ja.status_code == 200 and "パスワードの変更" in ja.text
    for name in ("current_password", "new_password", "new_password_again", "csrf"):
        assert f'name="{name}"' in ja.text
    assert 'minlength="10"' in ja.text and "10文字以上" in ja.text
    en = client.get(f"{PAGE}?lang=en")
    assert "Change your password" in en.text and "Current password" in en.text
    assert "script-src 'self'" in en.headers["content-security-policy"]


def test_wrong_current_password_is_refused_and_counts_toward_the_login_limit(app, client, web_db) -> None:
    login(client, ALICE)
    before = stored_hash(web_db)
    for _ in range(3):
        r = change(client, "not my password", NEW)
        assert r.status_code == 401 and "現在のパスワードが違います" in r.text
    assert stored_hash(web_db) == before
    failed = audit(web_db, "password_change_failed")
    assert [(e.actor, e.target) for e in failed] == [(ALICE, f"user:{ALICE}")] * 3
    # two more failures on the login form (same login, same address) reach the limit of 5 ...
    with TestClient(app, client=("192.0.2.10", 40001)) as other:
        token = csrf_of(other.get("/login").text)
        for _ in range(2):
            r = other.post("/login", data={"login": ALICE, "password": "guess", "csrf": token})
            assert r.status_code == 401
        # ... so neither the login form nor this form checks a password any more, not even the right one
        r = other.post("/login", data={"login": ALICE, "password": seed.PASSWORD, "csrf": token})
        assert r.status_code == 429
    r = change(client, seed.PASSWORD, NEW)
    assert r.status_code == 429 and "パスワードの誤りが多すぎます" in r.text and r.headers["retry-after"] == "900"
    assert stored_hash(web_db) == before
    with web_db.session() as s:
        assert s.scalar(select(LoginAttempt.id).where(LoginAttempt.success.is_(True)).limit(1)) is not None  # login()
        fails = s.scalars(select(LoginAttempt.login).where(LoginAttempt.success.is_(False))).all()
    assert fails == [ALICE] * 5


def test_mismatch_is_refused(client, web_db) -> None:
    login(client, ALICE)
    before = stored_hash(web_db)
    r = change(client, seed.PASSWORD, NEW, again=NEW + "x")
    assert r.status_code == 400 and "新しいパスワードが一致しません" in r.text
    r = client.post(f"{PAGE}?lang=en", data={"csrf": csrf_of(r.text), "current_password": seed.PASSWORD,
                                             "new_password": NEW, "new_password_again": NEW + "x"})
    assert r.status_code == 400 and "The new passwords do not match" in r.text
    assert stored_hash(web_db) == before and audit(web_db, "password_changed") == []


def test_password_rule_is_the_same_as_everywhere(client, web_db) -> None:
    login(client, ALICE)
    before = stored_hash(web_db)
    r = change(client, seed.PASSWORD, "short")
    assert r.status_code == 400 and "パスワードは10文字以上にしてください" in r.text
    # the rule is checked first: a too-short new password tells nothing about a wrong current one
    r = change(client, "a wrong guess", "short")
    assert r.status_code == 400 and "10文字以上にしてください" in r.text and "現在のパスワードが違います" not in r.text
    # the same password again is no change
    r = change(client, seed.PASSWORD, seed.PASSWORD)
    assert r.status_code == 400 and "新しいパスワードが現在のパスワードと同じです" in r.text
    r = client.post(f"{PAGE}?lang=en", data={"csrf": csrf_of(r.text), "current_password": seed.PASSWORD,
                                             "new_password": "short", "new_password_again": "short"})
    assert r.status_code == 400 and "password must be at least 10 characters" in r.text
    assert stored_hash(web_db) == before and audit(web_db, "password_change_failed") == []


def test_change_ends_other_sessions_rotates_this_one_and_is_audited(app, client, web_db) -> None:
    with TestClient(app, client=("192.0.2.20", 40000)) as laptop:
        login(laptop, ALICE)
        assert laptop.get("/messages", follow_redirects=False).status_code == 200
        login(client, ALICE)
        old_token = client.cookies.get("mamori_session")
        r = change(client, seed.PASSWORD, NEW)
        assert r.status_code == 303 and r.headers["location"] == f"{PAGE}?done=1"
        assert r.headers["set-cookie"].count("mamori_session=") == 1
        new_token = client.cookies.get("mamori_session")
        assert new_token and new_token != old_token
        done = client.get(r.headers["location"])
        assert done.status_code == 200 and "パスワードを変更しました" in done.text
        assert client.get("/messages", follow_redirects=False).status_code == 200  # this browser stays signed in
        r = laptop.get("/messages", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")  # the other one is out
    with TestClient(app, client=("192.0.2.30", 40000)) as stale:
        stale.cookies.set("mamori_session", old_token)
        assert stale.get("/messages", follow_redirects=False).status_code == 303  # the old token is dead
        token = csrf_of(stale.get("/login").text)
        r = stale.post("/login", data={"login": ALICE, "password": seed.PASSWORD, "csrf": token})
        assert r.status_code == 401
        login(stale, ALICE, NEW)
    with web_db.session() as s:
        assert s.scalar(select(User.password_changed_at).where(User.login == ALICE)) is not None
        assert len(s.scalars(select(WebSession.token_hash).where(WebSession.login == ALICE)).all()) == 2
    [entry] = audit(web_db, "password_changed")
    assert (entry.actor, entry.target) == (ALICE, f"user:{ALICE}")
    assert entry.data["other_sessions_ended"] == 1
    written = f"{entry.detail} {entry.data}"
    assert NEW not in written and seed.PASSWORD not in written and "$argon2" not in written
    # the rotated session's CSRF token works (log out)
    r = client.post("/logout", data={"csrf": csrf_of(client.get("/messages").text)}, follow_redirects=False)
    assert r.status_code == 303


def test_missing_or_forged_csrf_is_refused(client, web_db) -> None:
    login(client, ALICE)
    before = stored_hash(web_db)
    data = {"current_password": seed.PASSWORD, "new_password": NEW, "new_password_again": NEW}
    assert client.post(PAGE, data=data).status_code == 403
    assert client.post(PAGE, data={**data, "csrf": "forged"}).status_code == 403
    assert stored_hash(web_db) == before
    assert client.get(PAGE).status_code == 200  # still signed in


def test_sso_accounts_get_a_note_instead_of_the_form(tmp_path, web_db) -> None:
    create_user(web_db, "dan@corp.example", role="sender", group="sales", password=None)
    settings = WebSettings(secret_key="k" * 32, data_dir=tmp_path, sso_header="X-Remote-User",
                           trusted_proxies=(ipaddress.ip_network("10.1.0.0/24"),))
    app = create_app(settings, web_db, guard=None)
    with TestClient(app, client=("10.1.0.5", 5000), headers={"X-Remote-User": "dan@corp.example"}) as proxy:
        r = proxy.get(PAGE)
        assert r.status_code == 200 and "シングルサインオン" in r.text and 'name="current_password"' not in r.text
        assert "single sign-on and has no mamori password" in proxy.get(f"{PAGE}?lang=en").text
        r = proxy.post(PAGE, data={"csrf": csrf_of(r.text), "current_password": "", "new_password": NEW,
                                   "new_password_again": NEW})
        assert r.status_code == 400 and stored_hash(web_db, "dan@corp.example") == ""
    # a user with a local password who came through the proxy may change it; the new session stays an SSO one
    with TestClient(app, client=("10.1.0.5", 5001), headers={"X-Remote-User": ALICE}) as proxy:
        r = change(proxy, seed.PASSWORD, NEW)
        assert r.status_code == 303 and r.headers["set-cookie"].count("mamori_session=") == 1
        with web_db.session() as s:
            assert s.scalars(select(WebSession.via).where(WebSession.login == ALICE)).all() == ["sso"]
        assert proxy.get("/messages").status_code == 200


# --- in a real browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_user_changes_their_password_in_chromium(browser, web_settings, web_db) -> None:
    with serve(create_app(web_settings, web_db, guard=None)) as site:
        ctx = browser.new_context(locale="ja-JP", viewport={"width": 1100, "height": 900})
        try:
            page = ctx.new_page()
            page.set_default_timeout(20_000)
            page.goto(f"{site}/login")
            page.fill("input[name=login]", ALICE)
            page.fill("input[name=password]", seed.PASSWORD)
            page.click("button[type=submit].primary")
            page.wait_for_url(f"{site}/messages")
            page.click("header.top a[href='/account/password']")
            page.wait_for_url(f"{site}{PAGE}")
            assert page.locator("h1").inner_text() == "パスワードの変更"
            page.fill("input[name=current_password]", seed.PASSWORD)
            page.fill("input[name=new_password]", NEW)
            page.fill("input[name=new_password_again]", NEW + "?")
            page.click("button[type=submit].primary")
            assert "一致しません" in page.locator("p.error").inner_text()
            page.fill("input[name=current_password]", seed.PASSWORD)
            page.fill("input[name=new_password]", NEW)
            page.fill("input[name=new_password_again]", NEW)
            page.click("button[type=submit].primary")
            page.wait_for_url(f"{site}{PAGE}?done=1")
            assert "パスワードを変更しました" in page.locator("p.notice").inner_text()
            page.click("header.top button:has-text('ログアウト')")
            page.wait_for_url(f"{site}/login?bye=1")
            page.fill("input[name=login]", ALICE)
            page.fill("input[name=password]", NEW)
            page.click("button[type=submit].primary")
            page.wait_for_url(f"{site}/messages")
        finally:
            ctx.close()
