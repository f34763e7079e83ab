"""Each role's access after an import (issue 19): four people imported from CSV on the admin page, invited, setting
their passwords through their links, then signing in: who can and cannot reach which page and which message."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web import seed
from tests.web.conftest import csrf_of, login

PEOPLE = {
    "sam@corp.example": "sender",
    "amy@corp.example": "approver",
    "ola@corp.example": "officer",
    "adam@corp.example": "admin",
}
CSV = ("メールアドレス,氏名,部署,役割,承認者\n"
       "sam@corp.example,送信 サム,sales2,送信者,amy@corp.example\n"
       "amy@corp.example,承認 エイミー,sales2,承認者,\n"
       "ola@corp.example,管理 オラ,,個人情報保護管理者,\n"
       "adam@corp.example,システム アダム,it,システム管理者,\n")

# page → the roles that get 200 (everyone else: 403)
PAGES = {
    "/messages": {"sender", "approver", "officer", "admin"},
    "/account/password": {"sender", "approver", "officer", "admin"},
    "/training/": {"sender", "approver", "officer", "admin"},
    "/queue": {"approver", "officer"},
    "/dashboard": {"approver", "officer"},
    "/audit": {"officer"},
    "/admin/users": {"officer", "admin"},
    "/admin/accounts/import": {"officer", "admin"},
    "/admin/contacts": {"admin"},
    "/admin/policy": {"admin"},
    "/admin/keywords": {"admin"},
    "/audit/export.csv": {"officer"},
    "/incidents": {"officer"},
    "/incidents/new": {"officer"},
    "/incidents/stats": {"officer"},
    "/letters": {"sender", "approver", "officer", "admin"},  # the clerk who prints a run is a sender
    "/admin/training": {"officer", "admin"},  # the officer reads and exports; only the admin changes (POSTs)
    "/admin/training/export.csv": {"officer", "admin"},
}
PASSWORD = "imported-person-pw-1"


@pytest.fixture
def imported(app, client, web_db):  # type: ignore[no-untyped-def]
    """The four imported and invited by the seeded officer; each has set a password through their link."""
    login(client, "olga@corp.example")
    form = client.get("/admin/accounts/import")
    preview = client.post("/admin/accounts/import", data={"csrf": csrf_of(form.text)},
                          files={"file": ("people.csv", CSV.encode("cp932"), "text/csv")})
    assert preview.status_code == 200, preview.text
    content = re.search(r'name="content" value="([^"]+)"', preview.text).group(1)
    digest = re.search(r'name="digest" value="([^"]+)"', preview.text).group(1)
    done = client.post("/admin/accounts/import/confirm",
                       data={"csrf": csrf_of(preview.text), "content": content, "digest": digest})
    assert done.status_code == 200 and all(f'value="{p}"' in done.text for p in PEOPLE)
    invited = client.post("/admin/accounts/invite",
                          data={"csrf": csrf_of(done.text), "via": "print", "login": list(PEOPLE)})
    links = dict(re.findall(r"<td>([^<]+)</td><td><code>http://[^/]+(/invite/[^<]+)</code>", invited.text))
    assert set(links) == set(PEOPLE)
    for person, path in links.items():
        with TestClient(app, client=("192.0.2.20", 40000)) as c:
            page = c.get(path)
            r = c.post(path, data={"csrf": csrf_of(page.text), "password": PASSWORD, "repeat": PASSWORD})
            assert r.status_code == 200, (person, r.text)
    return links


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_each_role_reaches_its_pages_and_no_others(app, web_db, imported, person: str) -> None:
    role = PEOPLE[person]
    held = seed.message(web_db, sender="sam@corp.example", subject="sam-held", release_mode="approval")
    with TestClient(app, client=("192.0.2.30", 40000)) as c:
        login(c, person, PASSWORD)
        seen = {path: c.get(path).status_code for path in PAGES}
        assert seen == {path: 200 if role in allowed else 403 for path, allowed in PAGES.items()}
        message = c.get(f"/messages/{held}").status_code
        assert message == (200 if role in ("sender", "approver", "officer") else 404)
        nav = c.get("/messages").text
        assert ('href="/admin/users"' in nav) == (role in ("officer", "admin"))
        assert ('href="/audit"' in nav) == (role == "officer")
        token = csrf_of(nav)
        invite = c.post("/admin/accounts/invite", data={"csrf": token, "via": "print", "login": "alice@corp.example"})
        assert invite.status_code == (200 if role in ("officer", "admin") else 403)
        promote = c.post("/admin/users/alice@corp.example", data={"csrf": token, "role": "officer", "active": "1"})
        assert promote.status_code == (200 if role == "officer" else 403)
