"""SMTP AUTH accounts: `mamori gateway accounts add|list|disable`, how they are stored, and the [gateway] auth keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from mamori.cli import main
from mamori.gateway.settings import SettingsError, parse_gateway_settings
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.store.smtp_accounts import (
    PASSWORD_LENGTH,
    SmtpAccount,
    SmtpAccountError,
    authenticate,
    create_account,
    list_accounts,
)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mamori.db'}"


def _run(*args: str) -> object:
    return CliRunner().invoke(main, ["gateway", "accounts", *args])


def test_the_cli_adds_lists_and_disables(db_url):
    r = _run("add", "--db", db_url, "printer-3f", "--sender", "Scan@Branch.Ours.Example",
             "--sender", "@scan.ours.example")
    assert r.exit_code == 0, r.output
    password = r.stdout.strip()
    assert len(password) == PASSWORD_LENGTH and password.isalnum()
    assert "may send as scan@branch.ours.example, @scan.ours.example" in r.stderr
    db = Database(db_url)
    try:
        with db.session() as s:
            row = s.scalar(select(SmtpAccount))
            assert row.password_hash.startswith("$argon2id$") and password not in row.password_hash
        assert authenticate(db, "printer-3f", password)[0] is not None
        r = _run("list", "--db", db_url)
        assert r.exit_code == 0 and r.stdout.split()[:3] == ["printer-3f", "active",
                                                             "scan@branch.ours.example,@scan.ours.example"]
        assert password not in r.output and "argon2" not in r.output
        assert _run("add", "--db", db_url, "printer-3f", "--sender", "x@ours.example").exit_code == 1  # taken
        r = _run("disable", "--db", db_url, "PRINTER-3F")
        assert r.exit_code == 0 and r.stdout.strip() == "printer-3f disabled"
        assert _run("disable", "--db", db_url, "printer-3f").exit_code == 1  # not active any more
        listed = [json.loads(line) for line in _run("list", "--db", db_url, "--json").stdout.splitlines()]
        assert [(a["name"], a["active"]) for a in listed] == [("printer-3f", False)]
        assert authenticate(db, "printer-3f", password) == (None, "disabled")
        with db.session() as s:
            actions = [(e.action, e.target) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert actions == [("smtp_account_create", "smtp_account:1"), ("smtp_account_disable", "smtp_account:1")]
    finally:
        db.dispose()


def test_each_account_gets_its_own_password(db_url):
    db = Database(db_url)
    db.migrate()
    try:
        _, one = create_account(db, "a", ["a@ours.example"])
        _, two = create_account(db, "b", ["b@ours.example"])
        assert one != two
        assert authenticate(db, "a", two) == (None, "password") and authenticate(db, "a", one)[0].name == "a"
        assert authenticate(db, "c", one) == (None, "unknown")
        assert authenticate(db, "a\x00", one) == (None, "unknown")
        used = {a.name: a.last_used_at for a in list_accounts(db)}
        assert used["a"] is not None and used["b"] is None
    finally:
        db.dispose()


@pytest.mark.parametrize(("name", "senders", "words"), [
    ("printer", [], "--sender"),  # a name that is no address needs senders
    ("printer", ["not an address"], "user@domain"),
    ("printer", ["a@b@c"], "user@domain"),
    ("-x", ["a@ours.example"], "account name"),
    ("a b", ["a@ours.example"], "account name"),
])
def test_bad_accounts_are_refused(db_url, name, senders, words):
    db = Database(db_url)
    db.migrate()
    try:
        with pytest.raises(SmtpAccountError) as err:
            create_account(db, name, senders)
        assert words in str(err.value) and err.value.message_ja
        assert list_accounts(db) == []
    finally:
        db.dispose()


def test_a_name_that_is_an_address_is_its_own_sender(db_url):
    r = _run("add", "--db", db_url, "Fax@Ours.Example")
    assert r.exit_code == 0, r.output
    r = _run("list", "--db", db_url, "--json")
    assert json.loads(r.stdout)["senders"] == ["fax@ours.example"]
    r = _run("add", "--db", db_url, "printer")
    assert r.exit_code == 1 and "--sender" in r.stderr


@pytest.mark.parametrize(("gateway", "words"), [
    ({"auth": "optional"}, "gateway.auth needs gateway.tls_cert"),  # never in clear text
    ({"auth": "yes", "tls_cert": "c", "tls_key": "k"}, "gateway.auth must be one of off, optional, required"),
    ({"auth": "required", "tls_cert": "c", "tls_key": "k", "auth_max_failures": 0},
     "gateway.auth_max_failures must be an integer >= 1"),
])
def test_bad_auth_settings_name_the_key(gateway, words):
    with pytest.raises(SettingsError) as err:
        parse_gateway_settings({"gateway": gateway, "web": {"secret_key": "x" * 20}}, Path("."))
    assert words in str(err.value)


def test_auth_settings():
    s = parse_gateway_settings({"gateway": {"auth": "required", "tls_cert": "c", "tls_key": "k"},
                                "web": {"secret_key": "x" * 20}}, Path("."))
    assert (s.auth, s.auth_max_failures) == ("required", 5)
    assert parse_gateway_settings({"web": {"secret_key": "x" * 20}}, Path(".")).auth == "off"
