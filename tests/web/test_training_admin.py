"""The training administration pages (issue 19): only the administrator assigns, moves a due date, withdraws and
reminds; the privacy officer looks and exports; everyone else gets 403; a POST without the CSRF token changes
nothing; each change and export is audited; the learner's course list shows the due date; both languages."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from mamori.gateway.sink import Sink
from mamori.store.audit import AuditEntry
from mamori.training import assignments as store
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of, login

ADMIN = "adam@corp.example"


@pytest.fixture
def client(tmp_path: Path, web_db, sink: Sink):  # type: ignore[no-untyped-def]
    (tmp_path / "mamori.toml").write_text(
        f'[gateway]\nnext_hop = "127.0.0.1:{sink.port}"\nnotice_from = "mamori@corp.example"\n'
        '[web]\nbase_url = "https://mamori.corp.example"\n', encoding="utf-8")
    create_user(web_db, ADMIN, role="admin", display_name="Adam", password=seed.PASSWORD)
    settings = WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path,
                           config_path=tmp_path / "mamori.toml")
    with TestClient(create_app(settings, web_db, guard=None), client=("192.0.2.10", 40000)) as c:
        yield c


def _due(days: int = 30) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def _assign(client: TestClient, departments: list[str], due: str, **extra: str) -> object:
    page = client.get("/admin/training")
    data: dict[str, object] = {"csrf": csrf_of(page.text), "course": "pi-ch2", "due": due,
                               "department": departments, **extra}
    return client.post("/admin/training/assign", data=data)


def _audit(web_db, prefix: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with web_db.session() as s:
        return [e for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id)) if e.action.startswith(prefix)]


@pytest.mark.parametrize("user", ["alice@corp.example", "bob@corp.example"])
def test_other_roles_get_403(client: TestClient, web_db, user: str) -> None:  # type: ignore[no-untyped-def]
    login(client, user)
    for path in ("/admin/training", "/admin/training/export.csv", "/admin/training/export.xlsx"):
        assert client.get(path).status_code == 403, path
    page = client.get("/messages")
    r = client.post("/admin/training/assign", data={"csrf": csrf_of(page.text), "course": "pi-ch2",
                                                     "due": _due(), "department": ["sales"]})
    assert r.status_code == 403 and store.list_assignments(web_db) == []


def test_the_officer_looks_and_exports_but_cannot_change(client: TestClient, web_db) -> None:  # type: ignore[no-untyped-def]
    login(client, ADMIN)
    assert _assign(client, ["sales"], _due()).status_code == 201
    [a] = store.list_assignments(web_db)
    client.post("/logout", data={"csrf": csrf_of(client.get("/admin/training").text)})
    login(client, "olga@corp.example")
    page = client.get("/admin/training")
    assert page.status_code == 200 and "閲覧のみ" in page.text and 'action="/admin/training/assign"' not in page.text
    assert client.get(f"/admin/training/{a.id}").status_code == 200
    csrf = csrf_of(page.text)
    for path, data in (("/admin/training/assign", {"course": "pi-ch2", "due": _due(), "department": ["legal"]}),
                       (f"/admin/training/{a.id}/due", {"due": _due(60)}),
                       (f"/admin/training/{a.id}/remind", {}), (f"/admin/training/{a.id}/remove", {})):
        assert client.post(path, data={"csrf": csrf, **data}).status_code == 403, path
    assert store.list_assignments(web_db) == [a]
    assert client.get("/admin/training/export.csv?kind=people").status_code == 200


def test_a_post_without_the_csrf_token_changes_nothing(client: TestClient, web_db) -> None:  # type: ignore[no-untyped-def]
    login(client, ADMIN)
    r = client.post("/admin/training/assign", data={"course": "pi-ch2", "due": _due(), "department": ["sales"]})
    assert r.status_code in (400, 403) and store.list_assignments(web_db) == []


def test_assign_change_remind_remove_export_all_audited(client: TestClient, web_db, sink: Sink) -> None:  # type: ignore[no-untyped-def]
    login(client, ADMIN)
    r = _assign(client, ["sales", "legal"], _due(10))
    assert r.status_code == 201 and "2 部署に割り当てました" in r.text
    rows = re.findall(r'<tr data-assignment="(\d+)" data-department="([^"]+)">', r.text)
    assert [d for _, d in rows] == ["legal", "sales"]
    sales = int(dict((d, i) for i, d in rows)["sales"])
    assert 'data-figure="assigned">2<' in r.text  # alice and bob
    bad = _assign(client, ["sales"], "12/31")
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text
    none = _assign(client, [], _due())
    assert none.status_code == 400 and "部署を1つ以上" in none.text

    page = client.get(f"/admin/training/{sales}")
    assert page.status_code == 200 and 'data-user="alice@corp.example" data-state="not_started"' in page.text
    csrf = csrf_of(page.text)
    moved = client.post(f"/admin/training/{sales}/due", data={"csrf": csrf, "due": _due(20)})
    assert moved.status_code == 200 and _due(20) in moved.text

    sent = client.post(f"/admin/training/{sales}/remind", data={"csrf": csrf})
    assert sent.status_code == 200 and "2 人に督促メールを送りました" in sent.text
    assert sorted(env["rcpt_to"][0] for env, _ in sink.messages()) == ["alice@corp.example", "bob@corp.example"]
    again = client.post(f"/admin/training/{sales}/remind", data={"csrf": csrf})
    assert "督促する人はいません" in again.text and len(sink.messages()) == 2

    people = client.get("/admin/training/export.csv?kind=people&lang=en")
    assert people.status_code == 200 and people.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(people.content.decode("utf-8-sig"))))
    assert table[0][:6] == ["Year", "Course", "Department", "Login", "Name", "Status"]
    alice = next(r for r in table if r[3] == "alice@corp.example")
    assert (alice[2], alice[5], alice[12]) == ("sales", "not started", "1")  # one reminder
    deps = client.get("/admin/training/export.csv?kind=departments&lang=ja")
    assert [r[3] for r in csv.reader(io.StringIO(deps.content.decode("utf-8-sig")))][1:] == ["legal", "sales"]
    xlsx = client.get("/admin/training/export.xlsx?lang=ja")  # ?lang=en above set the cookie
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb.sheetnames == ["部署別", "個人別"] and wb["個人別"].max_row == 4  # alice, bob, carol

    removed = client.post(f"/admin/training/{sales}/remove", data={"csrf": csrf})
    assert removed.status_code == 200 and "割当を取り消しました" in removed.text
    assert client.get(f"/admin/training/{sales}").status_code == 404
    actions = [e.action for e in _audit(web_db, "training_")]
    assert actions == ["training_assign", "training_assign", "training_assignment_update", "training_reminder",
                       "training_export", "training_export", "training_export", "training_assignment_remove"]
    update = _audit(web_db, "training_assignment_update")[0]
    assert update.actor == ADMIN and update.data["before"]["due"] == _due(10)
    assert update.data["after"]["due"] == _due(20)


def test_english_page_and_the_learners_due_date(client: TestClient, web_db) -> None:  # type: ignore[no-untyped-def]
    login(client, ADMIN)
    _assign(client, ["sales"], _due(5))
    en = client.get("/admin/training?lang=en")
    assert "Training assignments" in en.text and "Completion per department" in en.text
    client.post("/logout", data={"csrf": csrf_of(en.text)})
    login(client, "alice@corp.example")
    mine = client.get("/training/")
    assert f'data-due="{_due(5)}"' in mine.text and "割り当て済み・受講期限" in mine.text
    assert "assigned overdue" not in mine.text
    [a] = store.list_assignments(web_db)
    store.change_due(web_db, a.id, date.today() - timedelta(days=2), ADMIN)
    assert 'class="assigned overdue"' in client.get("/training/").text
    client.post("/logout", data={"csrf": csrf_of(client.get("/messages").text)})
    login(client, "carol@corp.example")  # legal: nothing assigned
    assert "data-due" not in client.get("/training/").text
