"""Directory sync against a real OpenLDAP (Debian's slapd on the loopback, started here): 300 users in groups,
synced by ``mamori users sync``; then the directory changes (people leave, move, are promoted, renamed, join)
and a second sync carries exactly that over; a wrong password or an empty search changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from mamori.cli import main as mamori_main
from mamori.store import Database
from mamori.store.audit import AuditEntry
from mamori.web.accounts import get_user, list_users
from mamori.web.directory_settings import load_directory_settings
from mamori.web.directory_sync import DirectoryError, sync
from tests.ldap_server import SUFFIX, LdapServer

PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
SERVICE_DN = f"cn=mamori,ou=services,{SUFFIX}"
SERVICE_PW = "service-password-for-tests"
DEPARTMENTS = [f"dept{n:02d}" for n in range(10)]


def _dn(uid: str) -> str:
    return f"uid={uid},{PEOPLE}"


@pytest.fixture(scope="module")
def ldap():
    server = LdapServer()
    url = server.start()
    if url is None:
        pytest.skip(f"no OpenLDAP server: {server.why_not}")
    try:
        _load(server)
        yield server
    finally:
        server.stop()


def _load(server: LdapServer) -> None:
    """297 people in 10 departments (the first of each an approver, the others managed by them), 2 officers, 1
    admin, and 2 entries without a mail attribute (skipped): 300 accounts."""
    c = server.admin()
    c.add(SUFFIX, ["dcObject", "organization"], {"dc": "example", "o": "Example KK"})
    for ou in ("people", "groups", "services"):
        c.add(f"ou={ou},{SUFFIX}", ["organizationalUnit"], {"ou": ou})
    c.add(SERVICE_DN, ["organizationalRole", "simpleSecurityObject"], {"cn": "mamori", "userPassword": SERVICE_PW})

    def person(uid: str, dept: str, manager: str = "", mail: bool = True) -> None:
        attrs = {"cn": f"社員 {uid}", "sn": uid, "displayName": f"社員 {uid}", "departmentNumber": dept}
        if mail:
            attrs["mail"] = f"{uid}@example.co.jp"
        if manager:
            attrs["manager"] = _dn(manager)
        c.add(_dn(uid), ["inetOrgPerson"], attrs)

    person("officer1", "compliance")
    person("officer2", "compliance")
    person("itadmin", "it", manager="officer1")
    approvers, officers = [], ["officer1", "officer2"]
    for d, dept in enumerate(DEPARTMENTS):
        head = f"head{d:02d}"
        person(head, dept, manager="officer1")
        approvers.append(head)
        for i in range(1, 30 if d < 7 else 29):
            person(f"u{d:02d}{i:02d}", dept, manager=head)
    person("nomail1", "dept00", mail=False)
    person("nomail2", "dept01", mail=False)
    c.add(f"cn=mamori-officers,{GROUPS}", ["groupOfNames"], {"cn": "mamori-officers",
                                                               "member": [_dn(u) for u in officers]})
    c.add(f"cn=mamori-admins,{GROUPS}", ["groupOfNames"], {"cn": "mamori-admins", "member": [_dn("itadmin")]})
    c.add(f"cn=mamori-approvers,{GROUPS}", ["groupOfNames"], {"cn": "mamori-approvers",
                                                                "member": [_dn(u) for u in approvers]})
    c.unbind()


def _config(tmp_path: Path, url: str, db_url: str, *, password: str = SERVICE_PW,
            user_filter: str = "(objectClass=inetOrgPerson)", tls: str = "") -> Path:
    (tmp_path / "ldap-password").write_text(password + "\n", encoding="utf-8")
    path = tmp_path / "mamori.toml"
    path.write_text(f"""
[store]
url = "{db_url}"
[directory]
url = "{url}"
{tls}
bind_dn = "{SERVICE_DN}"
password_file = "ldap-password"
base_dn = "{PEOPLE}"
user_filter = "{user_filter}"
group_base_dn = "{GROUPS}"
[directory.attributes]
login = "mail"
name = "displayName"
department = "departmentNumber"
manager = "manager"
[directory.roles]
"cn=mamori-officers,{GROUPS}" = "officer"
"CN=mamori-admins, {GROUPS}" = "admin"
"cn=mamori-approvers,{GROUPS}" = "approver"
""", encoding="utf-8")
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(mamori_main, list(args), env={"LANG": "C.UTF-8"}, catch_exceptions=False)


def test_sync_300_then_the_directory_changes(ldap: LdapServer, tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'm.db'}"
    config = _config(tmp_path, ldap.url, db_url)
    dry = _run("users", "sync", "--dry-run", "--config", str(config))
    assert dry.exit_code == 0, dry.output
    assert "300 created, 0 updated, 0 disabled, 0 unchanged, 0 errors" in dry.output
    assert "2 entries without a login attribute skipped" in dry.output and "dry run" in dry.output
    db = Database(db_url)
    assert list_users(db) == []  # a dry run writes nothing

    first = _run("users", "sync", "--config", str(config))
    assert first.exit_code == 0, first.output
    accounts = {a.login: a for a in list_users(db)}
    assert len(accounts) == 300 and all(a.active and a.source == "ldap" for a in accounts.values())
    roles = [a.role for a in accounts.values()]
    assert (roles.count("officer"), roles.count("admin"), roles.count("approver"), roles.count("sender")) == (
        2, 1, 10, 287)
    assert accounts["u0305@example.co.jp"].group == "dept03" and accounts["head03@example.co.jp"].role == "approver"
    assert accounts["u0305@example.co.jp"].display_name == "社員 u0305"

    again = _run("users", "sync", "--config", str(config))
    assert "0 created, 0 updated, 0 disabled, 300 unchanged, 0 errors" in again.output

    c = ldap.admin()
    for uid in ("u0101", "u0102", "u0103", "u0104", "u0105"):  # left the company
        c.delete(_dn(uid))
    c.modify(_dn("u0201"), {"departmentNumber": [("MODIFY_REPLACE", ["dept04"])],  # moved to dept04
                            "manager": [("MODIFY_REPLACE", [_dn("head04")])]})
    c.modify(f"cn=mamori-approvers,{GROUPS}", {"member": [("MODIFY_ADD", [_dn("u0510")])]})  # promoted
    c.modify(_dn("u0611"), {"displayName": [("MODIFY_REPLACE", ["社員 改名"])]})
    c.add(_dn("newhire"), ["inetOrgPerson"], {"cn": "新人", "sn": "新人", "mail": "newhire@example.co.jp",
                                              "departmentNumber": "dept07", "manager": _dn("head07")})
    c.unbind()

    result, skipped = sync(db, load_directory_settings(config), dry_run=False, actor="test")  # type: ignore[arg-type]
    assert result.ok and skipped == 2
    assert result.counts() == {"create": 1, "update": 3, "disable": 5, "unchanged": 292, "errors": 0}
    after = {a.login: a for a in list_users(db)}
    assert len(after) == 301  # disabled, never deleted
    assert [a.login for a in after.values() if not a.active] == [f"u010{i}@example.co.jp" for i in range(1, 6)]
    assert after["u0201@example.co.jp"].group == "dept04"
    assert after["u0510@example.co.jp"].role == "approver"
    assert after["u0611@example.co.jp"].display_name == "社員 改名"
    assert after["newhire@example.co.jp"].group == "dept07" and after["newhire@example.co.jp"].role == "sender"
    with db.session() as s:
        moved = s.scalar(select(AuditEntry).where(AuditEntry.target == "user:u0201@example.co.jp",
                                                  AuditEntry.action == "user_update"))
        assert moved is not None and moved.data["before"] == {"group": "dept02"}
        assert moved.data["after"] == {"group": "dept04"}
        renamed = s.scalar(select(AuditEntry).where(AuditEntry.target == "user:u0611@example.co.jp",
                                                    AuditEntry.action == "user_update"))
        assert "社員" not in str(renamed.data)  # a name change is recorded as a change, not the names
    db.dispose()


def test_a_wrong_password_or_an_empty_search_changes_nothing(ldap: LdapServer, tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'm.db'}"
    config = _config(tmp_path, ldap.url, db_url)
    assert _run("users", "sync", "--config", str(config)).exit_code == 0
    db = Database(db_url)
    before = len(list_users(db))

    bad = _config(tmp_path, ldap.url, db_url, password="wrong-password-xyz")
    with pytest.raises(DirectoryError) as err:
        sync(db, load_directory_settings(bad), dry_run=False, actor="test")  # type: ignore[arg-type]
    assert "bind" in str(err.value) and "wrong-password-xyz" not in str(err.value)
    out = _run("users", "sync", "--config", str(bad))
    assert out.exit_code == 1 and "cannot connect and bind" in out.output

    empty = _config(tmp_path, ldap.url, db_url, user_filter="(mail=nobody@nowhere.example)")
    out = _run("users", "sync", "--config", str(empty))
    assert out.exit_code == 1 and "names no accounts" in out.output
    assert len(list_users(db)) == before and all(a.active for a in list_users(db))
    assert get_user(db, "head01@example.co.jp").active  # type: ignore[union-attr]
    db.dispose()


def test_tls_ldaps_and_starttls_verify_the_certificate(ldap: LdapServer, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    db.migrate()
    plain, _ = sync(db, load_directory_settings(_config(tmp_path, ldap.url, db.url)),  # type: ignore[arg-type]
                    dry_run=True, actor="test")
    assert plain.ok and len(plain.of("create")) >= 290
    trusted = f'ca_file = "{ldap.cert}"'
    for url, tls in ((ldap.ldaps_url, trusted), (ldap.url, trusted + "\nstart_tls = true")):
        settings = load_directory_settings(_config(tmp_path, url, db.url, tls=tls))
        result, _ = sync(db, settings, dry_run=True, actor="test")  # type: ignore[arg-type]
        assert result.ok and result.digest == plain.digest  # the same directory read over TLS
    untrusted = load_directory_settings(_config(tmp_path, ldap.ldaps_url, db.url))
    with pytest.raises(DirectoryError) as err:  # the system's CAs do not know the test certificate
        sync(db, untrusted, dry_run=True, actor="test")  # type: ignore[arg-type]
    assert "cannot connect and bind" in str(err.value) and "CERTIFICATE_VERIFY_FAILED" in str(err.value)
    db.dispose()
