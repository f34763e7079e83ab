"""The administration pages (issue 19): contacts, policy, keywords for the ``admin`` role; the audit filters and export
for the privacy officer. Every other role gets 403, a POST without the CSRF token changes nothing, every change is
one audit entry with before/after and no raw personal data, and the check API uses a new contact list at once."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from mamori.store.api_tokens import create_token
from mamori.store.audit import AuditEntry
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.config_files import POLICY_SECTIONS, sections_text
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of, login

ADMIN = "adam@corp.example"
CONTACTS = (
    "name,kana,email,organization\n"
    "佐藤 太郎,サトウ タロウ,t.sato@alpha.example,株式会社アルファ\n"
    "山田 次郎,ヤマダ ジロウ,j.yamada@gamma.example,株式会社ガンマ\n"
)
TOML = """# the organisation's settings
[organization]
name = "株式会社自社"
internal_domains = ["corp.example"]

[thresholds]
bulk_records = 50

[guard]
contacts = "contacts.csv"

[detect]
deny = ["プロジェクトX"]

[web]
secret_key = "do-not-show-this-secret-0123456789"

[store]
data_dir = "var"
"""


@pytest.fixture
def world(tmp_path: Path, web_db):  # type: ignore[no-untyped-def]
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (tmp_path / "mamori.toml").write_text(TOML, encoding="utf-8")
    create_user(web_db, ADMIN, role="admin", display_name="Adam", password=seed.PASSWORD)
    settings = WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path,
                           config_path=tmp_path / "mamori.toml")
    app = create_app(settings, web_db)
    with TestClient(app, client=("192.0.2.10", 40000)) as client:
        yield app, client, tmp_path


def _entries(db, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


ADMIN_PAGES = ["/admin/contacts", "/admin/policy", "/admin/keywords",
               "/admin/contacts/edit?email=t.sato%40alpha.example"]
ADMIN_POSTS = ["/admin/contacts/upload", "/admin/contacts/apply", "/admin/contacts/edit", "/admin/policy/check",
               "/admin/policy/save", "/admin/keywords/check", "/admin/keywords/save", "/admin/keywords/try"]


@pytest.mark.parametrize("user", ["alice@corp.example", "bob@corp.example", "olga@corp.example"])
def test_other_roles_get_403(world, user) -> None:
    _, client, folder = world
    login(client, user)
    token = csrf_of(client.get("/messages").text)
    for path in ADMIN_PAGES:
        assert client.get(path).status_code == 403, path
    for path in ADMIN_POSTS:
        r = client.post(path, data={"csrf": token, "text": "[detect]\n", "original": "t.sato@alpha.example",
                                    "name": "x", "email": "x@y.example"})
        assert r.status_code == 403, path
    assert (folder / "contacts.csv").read_text(encoding="utf-8") == CONTACTS
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML
    exports = ("/audit/export.csv", "/audit/export.xlsx")
    for path in exports:
        assert client.get(path).status_code == (200 if user == "olga@corp.example" else 403)


def test_the_admin_sees_the_pages_but_not_the_audit(world) -> None:
    _, client, _ = world
    login(client, ADMIN)
    for path in ADMIN_PAGES:
        r = client.get(path)
        assert r.status_code == 200, path
    assert 'href="/admin/contacts"' in client.get("/messages").text
    for path in ("/audit", "/audit/export.csv", "/audit/export.xlsx"):
        assert client.get(path).status_code == 403


def test_a_post_without_the_csrf_token_changes_nothing(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    r = client.post("/admin/contacts/upload", files={"file": ("c.csv", b"name,email\nA,a@b.example\n", "text/csv")})
    assert r.status_code == 403
    r = client.post("/admin/policy/save", data={"text": "[organization]\ninternal_domains = [\"x.example\"]\n"})
    assert r.status_code == 403
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML
    assert not _entries(app.state.db, "policy_update")


def _upload(client: TestClient, data: bytes, page: str = "/admin/contacts") -> tuple[int, str]:
    token = csrf_of(client.get(page).text)
    r = client.post("/admin/contacts/upload", data={"csrf": token}, files={"file": ("c.csv", data, "text/csv")})
    return r.status_code, r.text


def test_an_upload_with_errors_names_row_and_column_and_applies_nothing(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    bad = b"name,kana,emial,organization\nA,,a@b.example,X\n"
    status, text = _upload(client, bad)
    assert status == 400 and "1 行目・列「emial」" in text and "1 行目・列「email」" in text
    bad = ("name,kana,email,organization,fax\n"
           "加藤 四郎,,k.kato@delta.example,株式会社デルタ,03-1234-5678\n"
           ",,nobody@delta.example,株式会社デルタ,\n"
           "鈴木 一,,not-an-address,株式会社デルタ,\n"
           "加藤 四郎,,K.Kato@delta.example,株式会社デルタ,FAX?\n").encode()
    status, text = _upload(client, bad)
    assert status == 400
    for expected in ("3 行目・列「name」", "4 行目・列「email」", "5 行目・列「email」: 2 行目と同じアドレス",
                     "5 行目・列「fax」"):
        assert expected in text, expected
    assert 'action="/admin/contacts/apply"' not in text
    status, text = _upload(client, bad.replace(b"\n", b"\r\n"))
    assert status == 400 and "5 行目・列「fax」" in text  # the same rows with CRLF line ends
    assert (folder / "contacts.csv").read_text(encoding="utf-8") == CONTACTS
    assert not _entries(app.state.db, "contacts_import")


def _check_chat(client: TestClient, token: str) -> set[str]:
    r = client.post("/api/v1/check", headers={"Authorization": f"Bearer {token}"},
                    json={"channel": "chat", "sender": {"address": "alice@corp.example"},
                          "text": "資料をお送りします。",
                          "recipients": [{"name": "加藤 四郎", "organization": "株式会社デルタ"}]})
    assert r.status_code == 200, r.text
    return {x["code"] for x in r.json()["reasons"]}


def test_upload_preview_apply_and_the_check_api_uses_the_new_list(world) -> None:
    app, client, folder = world
    _, api_token = create_token(app.state.db, "chat-tool", actor="test")
    assert "unknown_recipient" in _check_chat(client, api_token)
    login(client, ADMIN)
    new = "name,kana,email,organization\n" + (
        "佐藤 太郎,サトウ タロウ,t.sato@alpha.example,株式会社アルファ東京\n"  # changed organisation
        "加藤 四郎,カトウ シロウ,k.kato@delta.example,株式会社デルタ\n"  # added; 山田 removed
    )
    status, text = _upload(client, new.encode("cp932"))  # Shift_JIS is read too
    assert status == 200, text
    assert "追加 1 件、削除 1 件、変更 1 件（2 件 → 2 件）" in text
    assert 'data-kind="added"' in text and 'data-kind="removed"' in text and 'data-kind="changed"' in text
    assert (folder / "contacts.csv").read_text(encoding="utf-8") == CONTACTS  # a preview changes nothing
    content = re.search(r'name="content" value="([^"]+)"', text).group(1)
    digest = re.search(r'name="digest" value="([^"]+)"', text).group(1)
    r = client.post("/admin/contacts/apply", data={"csrf": csrf_of(text), "content": content, "digest": digest})
    assert r.status_code == 200 and "反映しました" in r.text
    written = (folder / "contacts.csv").read_text(encoding="utf-8")
    assert "k.kato@delta.example" in written and "j.yamada" not in written
    assert "unknown_recipient" not in _check_chat(client, api_token)  # at once, no restart

    (entry,) = _entries(app.state.db, "contacts_import")
    assert entry.actor == ADMIN and entry.data["before"] == {"contacts": 2} and entry.data["after"] == {"contacts": 2}
    assert (entry.data["added"], entry.data["removed"], entry.data["changed"]) == (1, 1, 1)
    raw = json.dumps(entry.data, ensure_ascii=False) + entry.detail
    for personal in ("k.kato@delta.example", "j.yamada@gamma.example", "加藤", "山田", "t.sato@"):
        assert personal not in raw, personal
    assert entry.data["examples"]["added"] and "@delta.example" in entry.data["examples"]["added"][0]

    # the same preview again: the live file is no longer the one it was made against
    r = client.post("/admin/contacts/apply", data={"csrf": csrf_of(text), "content": content, "digest": digest})
    assert r.status_code == 409 and "新しい変更内容" in r.text
    assert len(_entries(app.state.db, "contacts_import")) == 1


def test_edit_one_contact_search_and_remove(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    page = client.get("/admin/contacts?q=ガンマ")
    assert "j.yamada@gamma.example" in page.text and "t.sato@alpha.example" not in page.text
    form = client.get("/admin/contacts/edit?email=j.yamada%40gamma.example")
    assert 'value="山田 次郎"' in form.text
    data = {"csrf": csrf_of(form.text), "original": "j.yamada@gamma.example", "name": "山田 次郎",
            "kana": "ヤマダ ジロウ", "email": "j.yamada@gamma.example", "organization": "ガンマ商事株式会社"}
    r = client.post("/admin/contacts/edit", data=data)
    assert r.status_code == 200 and "保存しました" in r.text
    assert "ガンマ商事株式会社" in (folder / "contacts.csv").read_text(encoding="utf-8")
    assert app.state.guard.directory.lookup("j.yamada@gamma.example").organization == "ガンマ商事株式会社"
    (entry,) = _entries(app.state.db, "contact_update")
    assert entry.data["columns"] == ["organization"]
    assert entry.data["before"]["organization"] == "株式会社ガンマ"
    assert entry.data["after"]["organization"] == "ガンマ商事株式会社"
    assert "山田 次郎" not in json.dumps(entry.data, ensure_ascii=False) and "j.yamada@" not in entry.target

    bad = dict(data, email="t.sato@alpha.example")  # would duplicate another contact
    r = client.post("/admin/contacts/edit", data=bad)
    assert r.status_code == 400 and "email" in r.text
    r = client.post("/admin/contacts/edit", data={"csrf": data["csrf"], "original": "j.yamada@gamma.example",
                                                  "remove": "1"})
    assert r.status_code == 200 and "j.yamada" not in (folder / "contacts.csv").read_text(encoding="utf-8")
    assert app.state.guard.directory.lookup("j.yamada@gamma.example") is None
    assert len(_entries(app.state.db, "contact_remove")) == 1


def _policy_post(client: TestClient, page: str, action: str, text: str, **extra: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get(page).text)
    return client.post(action, data={"csrf": token, "text": text, **extra})


def test_a_bad_policy_is_refused_with_line_and_key_and_the_running_one_stays(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    page = client.get("/admin/policy")
    assert "do-not-show-this-secret" not in page.text and "data_dir" not in page.text  # only the policy sections
    edited = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page.text, re.S).group(1)
    edited = edited.replace("&#34;", '"').replace("&quot;", '"')
    assert "bulk_records = 50" in edited
    bad = edited.replace("bulk_records = 50", 'bulk_records = "many"')
    r = _policy_post(client, "/admin/policy", "/admin/policy/check", bad)
    assert r.status_code == 400
    line = bad.splitlines().index('bulk_records = "many"') + 1
    assert f'data-line="{line}"' in r.text and "thresholds.bulk_records" in r.text
    r = _policy_post(client, "/admin/policy", "/admin/policy/save", bad, digest="x")
    assert r.status_code == 400
    r = _policy_post(client, "/admin/policy", "/admin/policy/check", edited + "[web]\nlisten = \"0.0.0.0:80\"\n")
    assert r.status_code == 400 and "[web]" in r.text
    r = _policy_post(client, "/admin/policy", "/admin/policy/check", edited.replace("[thresholds]", "[thresholds"))
    assert r.status_code == 400 and "TOML" in r.text
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML
    assert app.state.guard.policy.bulk_records == 50 and not _entries(app.state.db, "policy_update")


def test_a_policy_change_shows_a_diff_then_saves_and_applies(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    page = client.get("/admin/policy")
    edited = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page.text, re.S).group(1)
    edited = edited.replace("&#34;", '"').replace("&quot;", '"').replace("bulk_records = 50", "bulk_records = 20")
    r = _policy_post(client, "/admin/policy", "/admin/policy/check", edited)
    assert r.status_code == 200 and 'class="diff-del">-bulk_records = 50' in r.text
    assert 'class="diff-add">+bulk_records = 20' in r.text
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML  # not yet
    digest = re.search(r'name="digest" value="([^"]+)"', r.text).group(1)
    r2 = client.post("/admin/policy/save", data={"csrf": csrf_of(r.text), "text": edited, "digest": digest})
    assert r2.status_code == 200 and "保存しました" in r2.text
    saved = (folder / "mamori.toml").read_text(encoding="utf-8")
    assert "bulk_records = 20" in saved and 'secret_key = "do-not-show-this-secret-0123456789"' in saved
    assert app.state.guard.policy.bulk_records == 20
    (entry,) = _entries(app.state.db, "policy_update")
    assert entry.data["before"]["sha256"] != entry.data["after"]["sha256"]
    assert entry.data["diff"] == ["-bulk_records = 50", "+bulk_records = 20"]
    r3 = client.post("/admin/policy/save", data={"csrf": csrf_of(r.text), "text": edited.replace("20", "30"),
                                                 "digest": digest})
    assert r3.status_code == 409  # the diff was made against the file before the save


def test_keywords_try_it_and_save(world) -> None:
    app, client, folder = world
    login(client, ADMIN)
    page = client.get("/admin/keywords")
    assert 'data-rules="0,1,0"' in page.text
    rules = ('[detect]\ndeny = ["プロジェクトX"]\nallow = ["山田 太郎"]\n\n[[detect.custom]]\ntype = "EMPLOYEE_ID"\n'
             'pattern = "EMP-[0-9]{6}"\ncontext = ["社員番号"]\n')
    sample = "社員番号 EMP-123456 の件、プロジェクトX の資料です。"
    r = _policy_post(client, "/admin/keywords", "/admin/keywords/try", rules, sample=sample)
    assert r.status_code == 200, r.text
    assert 'data-type="EMPLOYEE_ID"' in r.text and 'data-type="CONFIDENTIAL"' in r.text
    found = r.text.split('class="card try"')[1]
    assert "EMP-123456" not in found and "123456" not in found  # masked
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML  # trying saves nothing
    r = _policy_post(client, "/admin/keywords", "/admin/keywords/try", rules.replace('"EMPLOYEE_ID"', '"bad id"'),
                     sample=sample)
    assert r.status_code == 400 and "detect.custom" in r.text
    r = _policy_post(client, "/admin/keywords", "/admin/keywords/check", rules)
    digest = re.search(r'name="digest" value="([^"]+)"', r.text).group(1)
    r = client.post("/admin/keywords/save", data={"csrf": csrf_of(r.text), "text": rules, "digest": digest})
    assert r.status_code == 200
    assert app.state.guard.detect_config.custom[0].type == "EMPLOYEE_ID"
    assert {f.type for f in app.state.guard.detector.detect(sample)} >= {"EMPLOYEE_ID", "CONFIDENTIAL"}
    (entry,) = _entries(app.state.db, "policy_update")
    assert entry.data["page"] == "keywords" and not any("山田 太郎" in line for line in entry.data["diff"])
    assert '+pattern = "EMP-[0-9]{6}"' in entry.data["diff"]  # a pattern is no personal data: kept as written


def test_audit_filters_and_exports(world) -> None:
    from openpyxl import load_workbook

    from mamori.store import audit

    app, client, _ = world
    with app.state.db.session() as s:
        audit.record(s, ADMIN, "policy_update", "config:mamori.toml", "=HYPERLINK(\"x\")")
        audit.record(s, "bob@corp.example", "approve", "mail:1", "ok")
    login(client, "olga@corp.example")
    page = client.get("/audit?actor=adam")
    assert page.status_code == 200 and "config:mamori.toml" in page.text and "mail:1" not in page.text
    assert "監査ログは削除されません" in page.text and "本文・添付は 30 日後に削除" in page.text
    assert client.get("/audit?since=2000-01-01&until=2000-01-02").text.count('data-action="') == 0
    assert "YYYY-MM-DD" in client.get("/audit?since=yesterday").text
    r = client.get("/audit/export.csv?actor=adam")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    text = r.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("id,at,actor,action") and len(lines) == 2
    assert "'=HYPERLINK" in text and "ポリシーの変更" in text
    r = client.get("/audit/export.xlsx?action=approve")
    sheet = load_workbook(io.BytesIO(r.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("id", "at", "actor", "action") and [row[3] for row in rows[1:]] == ["approve"]
    exports = _entries(app.state.db, "audit_export")
    assert [e.data["format"] for e in exports] == ["csv", "xlsx"] and exports[0].data["filter"] == {"actor": "adam"}


def test_a_file_that_cannot_be_written_changes_nothing_and_audits_nothing(world, monkeypatch) -> None:
    from mamori.web import contacts_admin, routes_policy

    def refuse(path, data):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(contacts_admin, "replace_file", refuse)
    monkeypatch.setattr(routes_policy.cf, "replace_file", refuse)
    app, client, folder = world
    login(client, ADMIN)
    form = client.get("/admin/contacts/edit?email=j.yamada%40gamma.example")
    r = client.post("/admin/contacts/edit", data={"csrf": csrf_of(form.text), "original": "j.yamada@gamma.example",
                                                  "remove": "1"})
    assert r.status_code == 503 and "Permission denied" in r.text and "docs/deploy.md" in r.text
    edited = sections_text(TOML, POLICY_SECTIONS).replace("bulk_records = 50", "bulk_records = 7")
    r = _policy_post(client, "/admin/policy", "/admin/policy/save", edited,
                     digest=hashlib.sha256(TOML.encode()).hexdigest())
    assert r.status_code == 503
    assert (folder / "contacts.csv").read_text(encoding="utf-8") == CONTACTS
    assert (folder / "mamori.toml").read_text(encoding="utf-8") == TOML
    assert not _entries(app.state.db, "contact_remove") and not _entries(app.state.db, "policy_update")


def test_the_check_api_picks_up_a_file_replaced_behind_its_back(world) -> None:
    """A contacts file replaced by someone else (configuration management, another host): used on the next call."""
    from mamori.web.config_files import replace_file

    app, client, folder = world
    _, api_token = create_token(app.state.db, "chat-tool", actor="test")
    assert "unknown_recipient" in _check_chat(client, api_token)
    added = CONTACTS + "加藤 四郎,カトウ シロウ,k.kato@delta.example,株式会社デルタ\n"
    replace_file(folder / "contacts.csv", added.encode())
    assert "unknown_recipient" not in _check_chat(client, api_token)
    replace_file(folder / "contacts.csv", b"name,kana\nA,B\n")  # no email column: refused, the running list stays
    assert "unknown_recipient" not in _check_chat(client, api_token)
    assert "missing column" in app.state.guard_reloader.last_error


def test_saving_gateway_keys_says_which_need_a_restart(world) -> None:
    _, client, _ = world
    login(client, ADMIN)
    page = client.get("/admin/policy")
    edited = _textarea(page.text) + '\n[gateway]\nlisten = "127.0.0.1:10099"\nconfirm_mode = "delay"\n'
    r = _policy_post(client, "/admin/policy", "/admin/policy/check", edited)
    assert r.status_code == 200, r.text
    digest = re.search(r'name="digest" value="([^"]+)"', r.text).group(1)
    r = client.post("/admin/policy/save", data={"csrf": csrf_of(r.text), "text": edited, "digest": digest})
    notice = re.search(r'<p class="notice" role="status">(.*?)</p>', r.text).group(1)
    assert r.status_code == 200 and notice.endswith("再起動で反映されます: listen_port")  # confirm_mode: live


def _textarea(page: str) -> str:
    import html

    return html.unescape(re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page, re.S).group(1))
