"""Invitations: a signed, expiring, one-time link to set a password, mailed through a real SMTP next hop (the sink)
or printed; GET only shows the form; used, expired, forged links and disabled accounts are refused; audited."""

from __future__ import annotations

import email
import re
from datetime import timedelta
from email.policy import default
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from mamori.cli import main as mamori_main
from mamori.gateway.sink import Sink
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.base import utcnow
from mamori.web import invitations
from mamori.web.accounts import authenticate, create_user, get_user, update_user
from tests.web.conftest import csrf_of, login
from tests.web.live import free_port

SECRET = "test-secret-key-0123456789"


def _set(client, url: str, password: str, repeat: str | None = None):  # type: ignore[no-untyped-def]
    path = url.split("://", 1)[-1].partition("/")[2]
    form = client.get("/" + path)
    assert form.status_code == 200, form.text
    return client.post("/" + path, data={"csrf": csrf_of(form.text), "password": password,
                                         "repeat": password if repeat is None else repeat})


def test_a_link_sets_the_password_once(client, web_db) -> None:
    create_user(web_db, "new@corp.example", group="sales", source="csv")
    url = invitations.issue(web_db, SECRET, "http://testserver", "new@corp.example", actor="olga@corp.example")
    token = url.rpartition("/")[2]
    assert "new@corp.example" not in token  # base64: not readable at a glance, though not secret
    assert client.get(f"/invite/{token}").status_code == 200
    assert client.get(f"/invite/{token}").status_code == 200  # GET changes nothing (mail scanners)
    assert get_user(web_db, "new@corp.example").has_password is False
    mismatch = _set(client, url, "a-long-password-1", "another-password-2")
    assert mismatch.status_code == 400 and "一致しません" in mismatch.text
    short = _set(client, url, "short")
    assert short.status_code == 400 and "10文字以上" in short.text
    done = _set(client, url, "a-long-password-1")
    assert done.status_code == 200 and "パスワードを設定しました" in done.text
    assert authenticate(web_db, "new@corp.example", "a-long-password-1", "192.0.2.1") is not None
    again = client.get(f"/invite/{token}")
    assert again.status_code == 410 and "使用済み" in again.text
    late = client.post(f"/invite/{token}", data={"csrf": csrf_of(short.text), "password": "x" * 12,
                                                 "repeat": "x" * 12})  # the form of before, posted again
    assert late.status_code == 410
    assert authenticate(web_db, "new@corp.example", "a-long-password-1", "192.0.2.1") is not None
    with web_db.session() as s:
        actions = [(e.action, e.actor) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.target == "user:new@corp.example").order_by(AuditEntry.id))]
    assert ("user_invite", "olga@corp.example") in actions and ("invitation_used", "new@corp.example") in actions


def test_expired_forged_reset_and_disabled_links_are_refused(client, web_db) -> None:
    create_user(web_db, "late@corp.example", source="csv")
    expired = invitations.sign(SECRET, "late@corp.example", "", utcnow() - timedelta(minutes=1))
    r = client.get(f"/invite/{expired}")
    assert r.status_code == 410 and "有効期限" in r.text
    good = invitations.sign(SECRET, "late@corp.example", "", utcnow() + timedelta(hours=1))
    payload, _, mac = good.partition(".")
    assert client.get(f"/invite/{payload}.{mac[:-2]}AA").status_code == 400
    other_key = invitations.sign("another-secret-key-0123", "late@corp.example", "", utcnow() + timedelta(hours=1))
    assert client.get(f"/invite/{other_key}").status_code == 400
    # a decision link's MAC is no invitation's: different context
    assert client.get("/invite/not-a-token").status_code == 400
    from mamori.web.accounts import set_password

    set_password(web_db, "late@corp.example", "set-by-admin-123", actor="test")  # the stamp changes
    assert client.get(f"/invite/{good}").status_code == 410
    fresh = invitations.issue(web_db, SECRET, "http://testserver", "late@corp.example", actor="test")
    update_user(web_db, "late@corp.example", actor="test", active=False)
    r = client.get("/" + fresh.split("/", 3)[3])
    assert r.status_code == 403 and "無効" in r.text
    assert authenticate(web_db, "late@corp.example", "set-by-admin-123", "192.0.2.1") is None


def test_cli_mails_invitations_through_the_next_hop(tmp_path: Path) -> None:
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    try:
        config = tmp_path / "mamori.toml"
        config.write_text(f"""
[store]
data_dir = "var"
[gateway]
next_hop = "127.0.0.1:{sink.port}"
notice_from = "mamori@corp.example"
[web]
base_url = "https://mamori.corp.example"
secret_key = "{SECRET}"
""", encoding="utf-8")
        csv = tmp_path / "a.csv"
        csv.write_text("login,name,department,role\nmika@corp.example,三上 美香,sales,sender\n"
                       "nao@corp.example,Nao,sales,approver\n", encoding="utf-8")
        runner = CliRunner()
        out = runner.invoke(mamori_main, ["users", "import", str(csv), "--invite", "--config", str(config)],
                            env={"LANG": "C.UTF-8"}, catch_exceptions=False)
        assert out.exit_code == 0, out.output
        assert "invited mika@corp.example" in out.output and "invited nao@corp.example" in out.output
        mails = sink.messages()
        assert sorted(env["rcpt_to"][0] for env, _ in mails) == ["mika@corp.example", "nao@corp.example"]
        assert all(env["mail_from"] in ("", "<>") for env, _ in mails)  # null sender, as the gateway's notices
        msg = email.message_from_bytes(mails[0][1], policy=default)
        body = msg.get_body().get_content()
        assert "パスワード" in msg["Subject"] and "Set your mamori password" in msg["Subject"]
        assert re.search(r"https://mamori\.corp\.example/invite/[\w-]+\.[\w-]+", body)
        assert "1回だけ" in body and "It works once" in body
        printed = runner.invoke(mamori_main, ["users", "invite", "--new", "--print-links", "--config", str(config)],
                                env={"LANG": "C.UTF-8"}, catch_exceptions=False)
        assert printed.exit_code == 0 and "nobody to invite" in printed.output
        db = Database(f"sqlite:///{tmp_path / 'var' / 'mamori.db'}")
        assert invitations.uninvited(db) == []  # both were invited by mail
        link = runner.invoke(mamori_main, ["users", "invite", "nao@corp.example", "--print-links", "--hours", "1",
                                           "--config", str(config)], env={"LANG": "C.UTF-8"})
        assert link.exit_code == 0 and link.output.startswith("nao@corp.example\thttps://mamori.corp.example/invite/")
        assert len(sink.messages()) == 2  # printed, not mailed
        with db.session() as s:
            via = [e.data["via"] for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "user_invite"))]
        assert sorted(via) == ["mail", "mail", "print"]
        sink.reply = "554 5.7.1 no thanks"
        refused = runner.invoke(mamori_main, ["users", "invite", "mika@corp.example", "--config", str(config)],
                                env={"LANG": "C.UTF-8"})
        assert refused.exit_code == 1 and "refused the invitation: 554" in refused.output
        with db.session() as s:  # not mailed: not recorded as invited
            assert len(list(s.scalars(select(AuditEntry).where(AuditEntry.action == "user_invite")))) == 3
        db.dispose()
    finally:
        sink.stop_in_thread()


def test_the_page_invites_and_shows_links_without_mail(client, web_db) -> None:
    create_user(web_db, "pat@corp.example", source="csv")
    login(client, "olga@corp.example")
    users = client.get("/admin/users")
    r = client.post("/admin/accounts/invite", data={"csrf": csrf_of(users.text), "login": "pat@corp.example",
                                                    "via": "mail"})
    assert r.status_code == 200 and "メール送信が設定されていません" in r.text  # no [gateway]: links instead
    url = re.search(r"<code>(http://[^<]+/invite/[^<]+)</code>", r.text).group(1)
    client.cookies.clear()
    assert _set(client, url, "pat-password-12345").status_code == 200
    assert authenticate(web_db, "pat@corp.example", "pat-password-12345", "192.0.2.1") is not None
