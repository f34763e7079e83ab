"""Bulk import of accounts from CSV: ``mamori users import`` (300 accounts, dry run, errors leave nothing half done,
a later file updates and disables) and the admin page (upload → preview → confirm; a preview gone stale is refused;
an administrator may not touch officers)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from mamori.cli import main as mamori_main
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.web.accounts import get_user, list_users, update_user
from mamori.web.csv_accounts import parse
from tests.web.conftest import csrf_of, login

HEADER_JA = "メールアドレス,氏名,部署,役割,承認者\n"


def _company(n: int = 300, skip: tuple[int, ...] = ()) -> str:
    """``n`` people in 10 departments: the first of each an approver, the rest approved by them; one officer."""
    rows = ["officer@corp.example,個人情報 太郎,compliance,個人情報保護管理者,"]
    for i in range(1, n):
        if i in skip:
            continue
        dept = f"dept{i % 10}"
        if i <= 10:
            rows.append(f"head{i % 10}@corp.example,部長 {i},{dept},承認者,")
        else:
            rows.append(f"user{i:03d}@corp.example,社員 {i},{dept},送信者,head{i % 10}@corp.example")
    return HEADER_JA + "\n".join(rows) + "\n"


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(mamori_main, list(args), env={"LANG": "C.UTF-8"}, catch_exceptions=False)


def test_parse_headers_encodings_and_bad_lines() -> None:
    text = ("Login,NAME,Department,role,Approver\n"
            "a@x.example,A,d,admin,\nb@x.example,B,d,管理者,\nc@x.example,C,d,chief,\n")
    wanted, errors = parse(text.encode("utf-8"))
    assert [(w.login, w.role) for w in wanted] == [("a@x.example", "admin"), ("b@x.example", "admin")]
    assert [(e.line, e.login) for e in errors] == [(4, "c@x.example")] and "chief" in errors[0].message
    wanted, errors = parse(("\ufeff" + HEADER_JA + "a@x.example,山田 太郎,営業,,\n").encode("utf-8"))
    assert not errors and wanted[0].name == "山田 太郎" and wanted[0].role == "sender"
    wanted, errors = parse((HEADER_JA + "a@x.example,山田 太郎,営業,承認者,\n").encode("cp932"))  # Excel in Japan
    assert not errors and wanted[0].name == "山田 太郎" and wanted[0].group == "営業" and wanted[0].role == "approver"
    _, errors = parse(b"email,shoe size\n")
    assert errors and "shoe size" in errors[0].message and errors[0].line == 1
    _, errors = parse(b"name\nA\n")
    assert errors and "login" in errors[0].message
    wanted, _ = parse(b"login\na@x.example\n")
    assert wanted[0].name is None and wanted[0].role is None  # missing columns keep what is stored


def test_cli_imports_300_then_updates_and_disables(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'm.db'}"
    first = tmp_path / "first.csv"
    first.write_text(_company(), encoding="utf-8")
    dry = _run("users", "import", str(first), "--dry-run", "--db", db_url)
    assert dry.exit_code == 0, dry.output
    assert "300 created, 0 updated, 0 disabled, 0 unchanged, 0 errors" in dry.output and "dry run" in dry.output
    db = Database(db_url)
    assert list_users(db) == []
    done = _run("users", "import", str(first), "--db", db_url)
    assert done.exit_code == 0, done.output
    accounts = {a.login: a for a in list_users(db)}
    assert len(accounts) == 300 and all(a.source == "csv" and a.active and not a.has_password
                                        for a in accounts.values())
    assert accounts["user123@corp.example"].group == "dept3" and accounts["head3@corp.example"].role == "approver"
    assert accounts["officer@corp.example"].role == "officer"

    # a later file: five left, one moved to another department with its approver, one promoted, one renamed
    second = _company(skip=(101, 102, 103, 104, 105))
    second = second.replace("user111@corp.example,社員 111,dept1,送信者,head1@corp.example",
                            "user111@corp.example,社員 111,dept2,送信者,head2@corp.example")
    second = second.replace("user222@corp.example,社員 222,dept2,送信者,head2@corp.example",
                            "user222@corp.example,社員 222,dept2,承認者,")
    second = second.replace("社員 233,", "社員 改名,")
    path = tmp_path / "second.csv"
    path.write_bytes(second.encode("cp932"))
    out = _run("users", "import", str(path), "--db", db_url)
    assert "0 created, 3 updated, 5 disabled, 292 unchanged, 0 errors" in out.output, out.output
    assert re.search(r"updated\s+user111@corp.example\s+group: dept1 → dept2", out.output)
    after = {a.login: a for a in list_users(db)}
    assert len(after) == 300 and sum(not a.active for a in after.values()) == 5  # disabled, not deleted
    assert after["user222@corp.example"].role == "approver"
    assert after["user233@corp.example"].display_name == "社員 改名"

    # one bad line: nothing of the file is applied
    with db.session() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    bad = path.read_bytes().decode("cp932").replace("user111@corp.example,社員 111,dept2,送信者,head2@corp.example",
                                                    "user111@corp.example,社員 111,dept5,送信者,head2@corp.example")
    bad += "user999@corp.example,新人,dept4,送信者,\nnot-an-address,誰か,dept4,送信者,\n"
    path.write_text(bad, encoding="utf-8")
    out = _run("users", "import", str(path), "--db", db_url)
    assert out.exit_code == 1
    assert "approves group 'dept2', not 'dept5'" in out.output and "login must be an e-mail address" in out.output
    assert get_user(db, "user999@corp.example") is None and get_user(db, "user111@corp.example").group == "dept2"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries
    db.dispose()


def test_an_empty_approver_department_takes_the_approvers_and_a_sender_is_no_approver(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("login,name,department,role,approver\nboss@x.example,B,sales,approver,\n"
                    "kim@x.example,K,,sender,boss@x.example\nlee@x.example,L,sales,sender,kim@x.example\n",
                    encoding="utf-8")
    out = _run("users", "import", str(path), "--db", f"sqlite:///{tmp_path / 'm.db'}")
    assert out.exit_code == 1 and "kim@x.example is not an approver (role sender)" in out.output
    path.write_text("login,name,department,role,approver\nboss@x.example,B,sales,approver,\n"
                    "kim@x.example,K,,sender,boss@x.example\n", encoding="utf-8")
    assert _run("users", "import", str(path), "--db", f"sqlite:///{tmp_path / 'm.db'}").exit_code == 0
    assert get_user(Database(f"sqlite:///{tmp_path / 'm.db'}"), "kim@x.example").group == "sales"


def _upload(client, csv_text: str):  # type: ignore[no-untyped-def]
    form = client.get("/admin/accounts/import")
    assert form.status_code == 200
    return client.post("/admin/accounts/import", data={"csrf": csrf_of(form.text)},
                       files={"file": ("accounts.csv", csv_text.encode("utf-8"), "text/csv")})


def _confirm(client, preview):  # type: ignore[no-untyped-def]
    content = re.search(r'name="content" value="([^"]+)"', preview.text).group(1)
    digest = re.search(r'name="digest" value="([^"]+)"', preview.text).group(1)
    return client.post("/admin/accounts/import/confirm",
                       data={"csrf": csrf_of(preview.text), "content": content, "digest": digest})


CSV = ("login,name,department,role,approver\n"
       "dora@corp.example,Dora,sales,sender,bob@corp.example\n"
       "eve@corp.example,Eve,legal,approver,\n"
       "fred@corp.example,Fred,,admin,\n")


def test_the_page_previews_then_applies_and_refuses_a_stale_preview(client, web_db) -> None:
    login(client, "olga@corp.example")
    preview = _upload(client, CSV)
    assert preview.status_code == 200
    assert "作成 3 件、更新 0 件、無効化 0 件" in preview.text and "dora@corp.example" in preview.text
    assert get_user(web_db, "dora@corp.example") is None  # a preview writes nothing
    update_user(web_db, "bob@corp.example", actor="test", role="sender")  # meanwhile bob is no approver any more
    stale = _confirm(client, preview)
    assert stale.status_code == 400 and "bob@corp.example は承認者ではありません" in stale.text
    assert get_user(web_db, "dora@corp.example") is None
    update_user(web_db, "bob@corp.example", actor="test", role="approver")
    preview = _upload(client, CSV)
    update_user(web_db, "carol@corp.example", actor="test", group="sales")  # unrelated: the plan stays the same
    applied = _confirm(client, preview)
    assert applied.status_code == 200 and "登録しました" in applied.text
    assert get_user(web_db, "fred@corp.example").role == "admin"
    assert 'value="dora@corp.example"' in applied.text  # the "invite the new accounts" form
    again = _upload(client, CSV.replace("Eve,legal,approver", "Eve,sales,approver"))
    update_user(web_db, "eve@corp.example", actor="test", display_name="Eve Changed")
    assert _confirm(client, again).status_code == 409  # the changes differ from what the preview showed
    with web_db.session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "users_import")))
    assert len(entries) == 1 and entries[0].actor == "olga@corp.example" and entries[0].data["create"] == 3


def test_an_administrator_imports_but_may_not_touch_officers(client, web_db) -> None:
    login(client, "olga@corp.example")
    _confirm(client, _upload(client, CSV))
    client.cookies.clear()
    from mamori.web.accounts import set_password

    set_password(web_db, "fred@corp.example", "fred-password-123", actor="test")
    login(client, "fred@corp.example", "fred-password-123")
    refused = _upload(client, CSV + "zoe@corp.example,Zoe,,officer,\n")
    assert refused.status_code == 400 and "個人情報保護管理者だけが変更できます" in refused.text
    assert 'name="content"' not in refused.text  # no confirm button with errors
    users = client.get("/admin/users")
    assert users.status_code == 200
    made = client.post("/admin/users", data={"csrf": csrf_of(users.text), "login": "x@corp.example",
                                             "role": "officer"})
    assert made.status_code == 403 and get_user(web_db, "x@corp.example") is None
    reset = client.post("/admin/users/olga@corp.example/password", data={"csrf": csrf_of(users.text)})
    assert reset.status_code == 403
    ok = _upload(client, CSV.replace("Dora,sales,sender", "Dora,legal,sender").replace(",bob@corp.example", ","))
    assert ok.status_code == 200 and "group: sales → legal" in ok.text
