"""Disable instead of delete: ``mamori users disable/enable`` and the admin page. A disabled account cannot sign in
(password or SSO), its open sessions stop working, and it keeps its name in the audit log and on its held mail."""

from __future__ import annotations

import ipaddress

from click.testing import CliRunner
from fastapi.testclient import TestClient

from mamori.cli import main as mamori_main
from mamori.web.accounts import authenticate, get_user
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed
from tests.web.conftest import csrf_of, login


def _cli(web_db, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(mamori_main, ["users", *args, "--db", web_db.url], env={"LANG": "C.UTF-8"},
                              catch_exceptions=False)


def test_disabled_by_the_cli_cannot_sign_in_and_keeps_its_name(app, client, web_db) -> None:
    held = seed.message(web_db, sender="alice@corp.example", subject="alice-held", release_mode="approval")
    login(client, "alice@corp.example")
    assert client.get("/messages").status_code == 200
    out = _cli(web_db, "disable", "alice@corp.example")
    assert out.exit_code == 0 and "alice@corp.example: disabled" in out.output
    assert client.get("/messages", follow_redirects=False).status_code == 303  # the open session is over
    assert authenticate(web_db, "alice@corp.example", seed.PASSWORD, "192.0.2.1") is None
    with TestClient(app, client=("192.0.2.11", 40000)) as officer:
        login(officer, "olga@corp.example")
        page = officer.get(f"/messages/{held}")
        assert page.status_code == 200 and "Alice" in page.text  # her held mail still names her
        audit = officer.get("/audit").text
        assert "alice@corp.example" in audit and "user_update" in audit
        users = officer.get("/admin/users").text
        assert "alice@corp.example" in users and "無効" in users  # listed, marked disabled: never deleted
    assert _cli(web_db, "enable", "alice@corp.example").exit_code == 0
    assert authenticate(web_db, "alice@corp.example", seed.PASSWORD, "192.0.2.1") is not None
    missing = _cli(web_db, "disable", "nobody@corp.example")
    assert missing.exit_code == 1 and "no user nobody@corp.example" in missing.output


def test_disabled_on_the_page_and_sso_refused(tmp_path, web_db, client) -> None:
    login(client, "olga@corp.example")
    users = client.get("/admin/users")
    r = client.post("/admin/users/carol@corp.example", data={"csrf": csrf_of(users.text), "role": "sender",
                                                              "group": "legal", "display_name": "Carol"})
    assert r.status_code == 200 and get_user(web_db, "carol@corp.example").active is False
    settings = WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path, sso_header="X-Remote-User",
                           trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),))
    with TestClient(create_app(settings, web_db, guard=None), client=("127.0.0.1", 40000)) as proxied:
        assert proxied.get("/messages", headers={"X-Remote-User": "carol@corp.example"}).status_code == 403
        assert proxied.get("/messages", headers={"X-Remote-User": "alice@corp.example"}).status_code == 200
