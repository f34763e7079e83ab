"""The web pages through FastAPI's TestClient: login, roles, CSRF, 404 for others' mail, escaping, audit."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from mamori.gateway import hold_queue
from mamori.store.audit import AuditEntry
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of, login


def audit_actions(db, target: str | None = None) -> list[tuple[str, str]]:
    q = select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.id)
    if target:
        q = q.where(AuditEntry.target == target)
    with db.session() as s:
        return [tuple(r) for r in s.execute(q)]


def all_acks(mid_page: str) -> list[str]:
    import re

    return re.findall(r'name="ack" value="([^"]+)"', mid_page)


# --- login ---------------------------------------------------------------------------------------------------


def test_pages_need_login_and_login_redirects_back(client, web_db) -> None:
    mid = seed.message(web_db)
    r = client.get(f"/messages/{mid}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/login?next=/messages/{mid}"
    page = client.get(r.headers["location"])
    assert 'lang="ja"' in page.text and "ログイン" in page.text
    r = client.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD,
                                     "csrf": csrf_of(page.text), "next": f"/messages/{mid}"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/messages/{mid}"
    cookie = r.headers["set-cookie"]
    assert "mamori_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert "Secure" not in cookie  # http base_url
    assert client.get(f"/messages/{mid}").status_code == 200


def test_wrong_password_and_open_redirect(client) -> None:
    page = client.get("/login")
    r = client.post("/login", data={"login": "alice@corp.example", "password": "nope", "csrf": csrf_of(page.text)})
    assert r.status_code == 401 and "メールアドレスまたはパスワードが違います" in r.text
    r = client.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD,
                                     "csrf": csrf_of(page.text), "next": "//evil.example/x"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_login_is_rate_limited_with_a_clear_message(client, web_db) -> None:
    page = client.get("/login")
    token = csrf_of(page.text)
    for _ in range(5):
        r = client.post("/login", data={"login": "alice@corp.example", "password": "bad", "csrf": token})
        assert r.status_code == 401
    r = client.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD, "csrf": token})
    assert r.status_code == 429
    assert "ログインの失敗が多すぎます" in r.text and "15 分" in r.text
    assert r.headers["retry-after"] == "900"
    r = client.post("/login?lang=en", data={"login": "alice@corp.example", "password": seed.PASSWORD, "csrf": token})
    assert r.status_code == 429 and "Too many failed logins" in r.text


def test_login_without_csrf_is_refused(client) -> None:
    client.get("/login")
    r = client.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD})
    assert r.status_code == 403
    r = client.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD, "csrf": "forged"})
    assert r.status_code == 403


def test_logout_ends_the_session(client) -> None:
    login(client, "alice@corp.example")
    page = client.get("/messages")
    r = client.post("/logout", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/messages", follow_redirects=False).status_code == 303


def test_secure_cookie_when_base_url_is_https(tmp_path, web_db) -> None:
    settings = WebSettings(secret_key="k" * 32, base_url="https://mail.corp.example", data_dir=tmp_path)
    with TestClient(create_app(settings, web_db, guard=None), base_url="https://testserver") as c:
        page = c.get("/login")
        r = c.post("/login", data={"login": "alice@corp.example", "password": seed.PASSWORD,
                                   "csrf": csrf_of(page.text)}, follow_redirects=False)
        assert "Secure" in r.headers["set-cookie"]


# --- who sees what -------------------------------------------------------------------------------------------


def test_another_users_message_is_a_404_like_a_missing_one(client, web_db) -> None:
    carols = seed.message(web_db, sender="carol@corp.example")
    login(client, "alice@corp.example")
    r1 = client.get(f"/messages/{carols}")
    missing = "0123456789abcdef0123456789abcdef"
    r2 = client.get(f"/messages/{missing}")
    assert r1.status_code == r2.status_code == 404
    assert r1.text.replace(carols, missing) == r2.text  # the same answer: existence is not revealed
    token = csrf_of(client.get("/messages").text)
    r = client.post(f"/messages/{carols}/cancel", data={"csrf": token})
    assert r.status_code == 404
    assert hold_queue.get(web_db, carols).state == "held"
    assert "見積書" not in client.get("/messages").text  # not listed either


def test_roles_see_their_scope(client, web_db) -> None:
    alices = seed.message(web_db, subject="alice-subject", release_mode="approval")
    alices_own = seed.message(web_db, subject="alice-own-ticks")  # waits for alice herself: not in the queue
    carols = seed.message(web_db, sender="carol@corp.example", subject="carol-subject", release_mode="approval")
    login(client, "bob@corp.example")  # approver of group sales (alice)
    queue = client.get("/queue")
    assert queue.status_code == 200
    assert f"/messages/{alices}" in queue.text and f"/messages/{carols}" not in queue.text
    assert f"/messages/{alices_own}" not in queue.text
    everything = client.get("/queue?scope=all").text  # the separate view of all held and waiting mail
    assert f"/messages/{alices_own}" in everything and f"/messages/{alices}" in everything
    assert f"/messages/{carols}" not in everything
    assert client.get(f"/messages/{alices_own}").status_code == 200  # still visible to her approver
    assert client.get(f"/messages/{carols}").status_code == 404
    assert client.get("/audit").status_code == 403
    assert client.get("/admin/users").status_code == 403
    assert client.get("/dashboard").status_code == 200


def test_officer_sees_all_and_sender_has_no_queue(client, web_db) -> None:
    alices = seed.message(web_db, release_mode="approval")
    carols = seed.message(web_db, sender="carol@corp.example", release_mode="approval")
    login(client, "olga@corp.example")
    queue = client.get("/queue").text
    assert f"/messages/{alices}" in queue and f"/messages/{carols}" in queue
    assert client.get("/audit").status_code == 200
    client.cookies.clear()
    login(client, "alice@corp.example")
    assert client.get("/queue").status_code == 403
    assert client.get("/dashboard").status_code == 403


# --- the confirmation page -----------------------------------------------------------------------------------


def test_send_needs_every_recipient_and_attachment_ticked(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    acks = all_acks(page)
    assert acks == ["r0", "r1", "a0"]
    assert "株式会社エービーシー" in page and "tanaka@abc.example" in page  # the sender sees what they wrote
    assert "dan@corp.example" in page  # internal, listed without a checkbox
    assert "disabled" in page.split('value="send"')[1].split(">")[0]
    token = csrf_of(page)
    r = client.post(f"/messages/{mid}/send", data={"csrf": token, "ack": acks[:-1], "do": "send"})
    assert r.status_code == 400 and "すべての社外宛先と添付ファイルにチェック" in r.text
    assert hold_queue.get(web_db, mid).state == "held"
    r = client.post(f"/messages/{mid}/send", data={"csrf": token, "ack": acks, "do": "send"}, follow_redirects=False)
    assert r.status_code == 303
    msg = hold_queue.get(web_db, mid)
    assert msg.state == "queued" and msg.decided_by == "alice@corp.example" and not msg.bcc
    assert ("alice@corp.example", "release") in audit_actions(web_db, f"mail:{mid}")
    done = client.get(r.headers["location"]).text
    assert "送信しました" in done and 'name="ack"' not in done
    # a second send is a clear 409, not a crash
    r = client.post(f"/messages/{mid}/send", data={"csrf": token, "ack": acks, "do": "send"})
    assert r.status_code == 409 and "この操作はできません" in r.text


def test_csrf_missing_or_wrong_is_403_and_changes_nothing(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    acks = all_acks(client.get(f"/messages/{mid}").text)
    assert client.post(f"/messages/{mid}/send", data={"ack": acks, "do": "send"}).status_code == 403
    assert client.post(f"/messages/{mid}/send", data={"ack": acks, "csrf": "x" * 43}).status_code == 403
    assert client.post(f"/messages/{mid}/cancel", data={}).status_code == 403
    assert client.post(f"/messages/{mid}/reveal", data={}).status_code == 403
    assert hold_queue.get(web_db, mid).state == "held"


def test_html_in_subject_and_file_name_is_escaped(client, web_db) -> None:
    evil = '<script>alert("x")</script>'
    mid = seed.message(
        web_db,
        subject=f"件名 {evil}",
        attachments=[{"filename": '<img src=x onerror=alert(1)>.pdf', "size": 10, "types": [], "records": 0}],
        preview=f"本文 {evil}",
        reasons=[{"code": "external_recipient", "severity": "confirm", "detail": evil, "detail_ja": evil,
                  "evidence": [evil]}],
    )
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in page
    listing = client.get("/messages").text
    assert "<script>alert" not in listing and "&lt;script&gt;" in listing
    assert "script-src 'self'" in client.get(f"/messages/{mid}").headers["content-security-policy"]


def test_cancel_by_the_sender(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    token = csrf_of(client.get(f"/messages/{mid}").text)
    r = client.post(f"/messages/{mid}/cancel", data={"csrf": token})
    assert r.status_code == 200 and "送信を取り消しました" in r.text
    assert hold_queue.get(web_db, mid).state == "cancelled"
    assert ("alice@corp.example", "cancel") in audit_actions(web_db, f"mail:{mid}")


def test_open_list_can_be_sent_as_bcc(client, web_db) -> None:
    reasons = [{"code": "open_recipient_list", "severity": "hold", "detail": "visible", "detail_ja": "見えます",
                "evidence": []}]
    mid = seed.message(web_db, reasons=reasons, attachments=[])
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert 'value="send_bcc"' in page and "宛先を Bcc に変えて送信" in page
    r = client.post(f"/messages/{mid}/send", data={"csrf": csrf_of(page), "ack": all_acks(page), "do": "send_bcc"})
    assert r.status_code == 200
    msg = hold_queue.get(web_db, mid)
    assert msg.state == "queued" and msg.bcc is True


def test_waiting_message_shows_the_countdown(client, web_db) -> None:
    mid = seed.message(web_db, state="waiting", action="confirm", deliver_after_seconds=300)
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert 'role="timer"' in page and "自動で送信されます" in page
    seconds = int(page.split('data-seconds="')[1].split('"')[0])
    assert 200 < seconds <= 300


def test_approval_path(client, web_db) -> None:
    mid = seed.message(web_db, release_mode="approval", subject="山田太郎様の顧客リスト")
    login(client, "alice@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert "承認者の承認を待っています" in page and 'value="send"' not in page
    r = client.post(f"/messages/{mid}/send", data={"csrf": csrf_of(page), "ack": ["r0", "r1", "a0"]})
    assert r.status_code == 403
    assert hold_queue.get(web_db, mid).state == "held"
    client.cookies.clear()
    login(client, "bob@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert 'value="approve"' in page
    assert "tanaka@abc.example" not in page and "t*****@abc.example" in page  # masked for the approver
    assert "山田太郎" not in page
    r = client.post(f"/messages/{mid}/approve", data={"csrf": csrf_of(page), "ack": all_acks(page), "do": "approve"})
    assert r.status_code == 200 and "承認しました" in r.text
    msg = hold_queue.get(web_db, mid)
    assert msg.state == "queued" and msg.decided_by == "bob@corp.example"
    assert ("bob@corp.example", "approve") in audit_actions(web_db, f"mail:{mid}")


def test_nobody_approves_their_own_message(client, web_db) -> None:
    mid = seed.message(web_db, sender="bob@corp.example", release_mode="approval")
    login(client, "bob@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert 'value="approve"' not in page
    r = client.post(f"/messages/{mid}/approve", data={"csrf": csrf_of(page), "ack": ["r0", "r1", "a0"]})
    assert r.status_code == 403
    assert hold_queue.get(web_db, mid).state == "held"


def test_reveal_shows_raw_data_and_is_audited(client, web_db) -> None:
    mid = seed.message(web_db, subject="山田太郎様の契約書")
    login(client, "olga@corp.example")
    page = client.get(f"/messages/{mid}").text
    assert "山田太郎" not in page and "tanaka@abc.example" not in page
    assert not [a for a in audit_actions(web_db, f"mail:{mid}") if a[1] == "reveal"]
    r = client.post(f"/messages/{mid}/reveal", data={"csrf": csrf_of(page)})
    assert r.status_code == 200
    assert "山田太郎様の契約書" in r.text and "tanaka@abc.example" in r.text
    assert ("olga@corp.example", "reveal") in audit_actions(web_db, f"mail:{mid}")
    audit = client.get("/audit").text
    assert "reveal" in audit and f"mail:{mid}" in audit


# --- officer pages -------------------------------------------------------------------------------------------


def test_audit_log_is_read_only(client, web_db) -> None:
    login(client, "olga@corp.example")
    page = client.get("/audit")
    assert page.status_code == 200 and "login" in page.text
    before = audit_actions(web_db)
    token = csrf_of(page.text)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/audit", "/audit/1"):
            r = client.request(method, path, data={"csrf": token})
            assert r.status_code in (404, 405), (method, path, r.status_code)
    assert audit_actions(web_db) == before
    assert client.get("/openapi.json").json()["paths"].get("/audit") is None  # pages are not API


def test_dashboard_counts_and_chart(client, web_db) -> None:
    a = seed.message(web_db)
    seed.message(web_db)
    c = seed.message(web_db)
    hold_queue.release(web_db, a, "alice@corp.example")
    hold_queue.cancel(web_db, c, "alice@corp.example")
    login(client, "olga@corp.example")
    page = client.get("/dashboard").text
    assert "<svg" in page and "<rect" in page
    tiles = [p.split("</span>")[0] for p in page.split('<span class="num">')[1:5]]
    assert tiles == ["3", "1", "1", "1"]
    assert "複数の会社に同時に送ります" in page  # top reasons, in words
    en = client.get("/dashboard?lang=en").text
    assert "Top reasons" in en and 'lang="en"' in en


def test_user_admin_create_role_and_reset(client, web_db) -> None:
    login(client, "olga@corp.example")
    token = csrf_of(client.get("/admin/users").text)
    r = client.post("/admin/users", data={"csrf": token, "login": "Dave@Corp.Example", "display_name": "Dave",
                                           "role": "approver", "group": "legal"})
    assert r.status_code == 201 and "dave@corp.example" in r.text
    password = r.text.split("dave@corp.example の初期パスワード: ")[1].split(" ")[0]
    r = client.post("/admin/users/dave@corp.example", data={"csrf": token, "role": "sender", "group": "sales",
                                                             "display_name": "Dave D", "active": "1"})
    assert r.status_code == 200
    r = client.post("/admin/users", data={"csrf": token, "login": "not an address", "role": "sender"})
    assert r.status_code == 400
    assert client.post("/admin/users", data={"login": "eve@corp.example", "role": "officer"}).status_code == 403
    acts = audit_actions(web_db)
    assert ("olga@corp.example", "user_create") in acts and ("olga@corp.example", "user_update") in acts
    client.cookies.clear()
    login(client, "dave@corp.example", password)
    assert "Dave D" in client.get("/messages").text


# --- SSO -----------------------------------------------------------------------------------------------------


def test_sso_header_only_from_a_trusted_proxy(tmp_path, web_db) -> None:
    import ipaddress

    settings = WebSettings(secret_key="k" * 32, data_dir=tmp_path, sso_header="X-Remote-User",
                           trusted_proxies=(ipaddress.ip_network("10.1.0.0/24"),))
    app = create_app(settings, web_db, guard=None)
    mid = seed.message(web_db)
    with TestClient(app, client=("10.9.9.9", 5000)) as untrusted:
        r = untrusted.get(f"/messages/{mid}", headers={"X-Remote-User": "alice@corp.example"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
    with TestClient(app, client=("10.1.0.5", 5000)) as proxy:
        r = proxy.get(f"/messages/{mid}", headers={"X-Remote-User": "Alice@corp.example"})
        assert r.status_code == 200 and "tanaka@abc.example" in r.text
        assert "mamori_session=" in r.headers["set-cookie"]
        # the SSO session's CSRF token works for a POST through the proxy
        r = proxy.post(f"/messages/{mid}/cancel", data={"csrf": csrf_of(r.text)},
                       headers={"X-Remote-User": "alice@corp.example"})
        assert r.status_code == 200 and hold_queue.get(web_db, mid).state == "cancelled"
        r = proxy.get("/messages", headers={"X-Remote-User": "nobody@corp.example"})
        assert r.status_code == 403 and "nobody@corp.example" in r.text


def test_english_switch_sets_a_cookie(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    r = client.get(f"/messages/{mid}?lang=en")
    assert "Check before sending" in r.text and "mamori_lang=en" in r.headers["set-cookie"]
    assert "Check before sending" in client.get(f"/messages/{mid}").text  # remembered
    assert "送信前の確認" in client.get(f"/messages/{mid}?lang=ja").text
