"""[web] settings (errors name the key, the generated secret key), ``mamori users`` and the app's frame."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.web.settings import WebSettingsError, load_web_settings
from tests.web.conftest import csrf_of, login


def write(tmp_path, text: str):
    path = tmp_path / "mamori.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_a_secret_key_generated_once_with_mode_0600(tmp_path) -> None:
    s = load_web_settings(write(tmp_path, '[store]\ndata_dir = "data"\n'))
    assert (s.host, s.port, s.base_url, s.lang, s.sso_header) == ("127.0.0.1", 8025, "http://127.0.0.1:8025", "ja", "")
    key_file = tmp_path / "data" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(s.secret_key) >= 32 and key_file.read_text().strip() == s.secret_key
    assert load_web_settings(tmp_path / "mamori.toml").secret_key == s.secret_key  # kept, not regenerated
    assert not s.secure_cookies


def test_full_web_section(tmp_path) -> None:
    s = load_web_settings(write(tmp_path, """
[web]
listen = "0.0.0.0:9000"
base_url = "https://mail.corp.example/"
secret_key = "0123456789abcdef0123"
session_hours = 8
sso_header = "X-Remote-User"
trusted_proxies = ["10.0.0.0/8", "::1"]
lang = "en"
login_max_failures = 3
"""))
    assert (s.host, s.port, s.base_url, s.session_hours, s.lang) == ("0.0.0.0", 9000, "https://mail.corp.example", 8,
                                                                      "en")
    assert s.secure_cookies and s.login_max_failures == 3
    assert s.proxy_trusted("10.2.3.4") and s.proxy_trusted("::1") and not s.proxy_trusted("192.0.2.1")
    assert not s.proxy_trusted("testclient")
    assert not (tmp_path / "var" / "secret_key").exists()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('listen = "nope"', "web.listen"),
        ('base_url = "ftp://x"', "web.base_url"),
        ('lang = "fr"', "web.lang"),
        ("session_hours = 0", "web.session_hours"),
        ('trusted_proxies = ["not an ip"]', "web.trusted_proxies"),
        ('sso_header = "X-Remote-User"', "web.sso_header"),
        ('secret_key = "short"', "web.secret_key"),
    ],
)
def test_bad_values_name_the_key(tmp_path, text: str, key: str) -> None:
    with pytest.raises(WebSettingsError, match=key.replace(".", r"\.")):
        load_web_settings(write(tmp_path, f"[web]\n{text}\n"))


def test_users_cli_add_and_list(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    r = runner.invoke(main, ["users", "add", "Ann@Corp.Example", "--role", "approver", "--group", "sales",
                             "--db", url])
    assert r.exit_code == 0, r.output
    assert "added ann@corp.example (approver, group sales)" in r.output
    password = r.output.split("password: ")[1].strip()
    assert len(password) == 16
    r = runner.invoke(main, ["users", "add", "bo@corp.example", "--password", "given-password", "--db", url])
    assert r.exit_code == 0 and "password:" not in r.output
    r = runner.invoke(main, ["users", "add", "bo@corp.example", "--db", url])
    assert r.exit_code == 1 and "exists already" in r.output
    r = runner.invoke(main, ["users", "list", "--db", url])
    assert r.exit_code == 0
    assert r.output.splitlines() == ["bo@corp.example\tsender\t-\tactive\t",
                                     "ann@corp.example\tapprover\tsales\tactive\t"]
    from mamori.store import Database
    from mamori.web.accounts import authenticate

    db = Database(url)
    assert authenticate(db, "ann@corp.example", password, "127.0.0.1") is not None
    db.dispose()


def test_users_cli_reads_the_store_url_from_the_config(tmp_path) -> None:
    write(tmp_path, '[store]\nurl = "sqlite:///users.db"\n')
    r = CliRunner().invoke(main, ["users", "add", "x@corp.example", "--config", str(tmp_path / "mamori.toml")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "users.db").exists()


def test_officer_cannot_lock_themself_out(client) -> None:
    login(client, "olga@corp.example")
    token = csrf_of(client.get("/admin/users").text)
    r = client.post("/admin/users/olga@corp.example", data={"csrf": token, "role": "sender", "active": "1"})
    assert r.status_code == 400 and "締め出し" in r.text
    assert client.get("/audit").status_code == 200  # still an officer


def test_api_paths_keep_json_errors_and_docs_have_no_page_csp(client) -> None:
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    r = client.get("/no-such-page")
    assert r.status_code == 404 and "ページが見つかりません" in r.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "content-security-policy" not in docs.headers
    assert client.get("/static/style.css").status_code == 200
