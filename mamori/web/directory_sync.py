"""Directory sync: the users of an LDAP directory or Active Directory (``ldap3``) become mamori's accounts.

``fetch`` reads the users under ``base_dn`` that ``user_filter`` selects (paged, read-only bind) and, when rules
name groups, the groups' member lists; ``wanted`` maps each entry to a ``Wanted`` account by ``[directory]``: its
login attribute (an e-mail address; entries without one are skipped and counted), name, department (the account's
group), role (the first ``[directory.roles]`` group it is in, else ``default_role``) and approver (the login of its
``manager``, else the first ``[directory.approvers]`` group it is in). ``sync`` plans and, unless ``dry_run``,
applies it with ``account_plan`` as source ``ldap``: accounts that left the directory (or the filter) are disabled,
never deleted; any error and nothing changes. Only logins reach the log.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass
from typing import Any

from mamori.store import Database
from mamori.web.account_plan import Plan, Wanted, apply, plan
from mamori.web.directory_settings import DirectorySettings, norm_dn

log = logging.getLogger("mamori.directory")
PAGE_SIZE = 500


class DirectoryError(RuntimeError):
    """The directory could not be read (connection, bind, search); the message says which step, never the password."""


@dataclass(frozen=True, slots=True)
class Entry:
    dn: str
    login: str
    name: str
    department: str
    manager: str  # a DN, normalised ("" = none)


def _first(attrs: dict[str, Any], name: str) -> str:
    if not name:
        return ""
    value = attrs.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value or "").strip()


def _connection(settings: DirectorySettings) -> Any:
    from ldap3 import AUTO_BIND_NO_TLS, AUTO_BIND_TLS_BEFORE_BIND, NONE, Connection, Server, Tls

    tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=str(settings.ca_file) if settings.ca_file else None)
    server = Server(settings.url, use_ssl=settings.url.startswith("ldaps://"), tls=tls, get_info=NONE,
                    connect_timeout=settings.timeout_seconds)
    bind = AUTO_BIND_TLS_BEFORE_BIND if settings.start_tls else AUTO_BIND_NO_TLS
    return Connection(server, user=settings.bind_dn or None, password=settings.password or None, auto_bind=bind,
                      read_only=True, raise_exceptions=True, receive_timeout=settings.timeout_seconds)


def _search(conn: Any, base: str, flt: str, attributes: list[str]) -> list[dict[str, Any]]:
    from ldap3 import SUBTREE

    found = conn.extend.standard.paged_search(base, flt, SUBTREE, attributes=attributes, paged_size=PAGE_SIZE,
                                              generator=False)
    return [e for e in found if e.get("type") == "searchResEntry"]


def fetch(settings: DirectorySettings) -> tuple[list[Entry], dict[str, set[str]]]:
    """The directory's users and, when rules need them, each group's members (group DN → member DNs)."""
    from ldap3.core.exceptions import LDAPException

    step = "connect and bind"
    try:
        conn = _connection(settings)
        try:
            step = f"search users under {settings.base_dn}"
            attrs = [a for a in (settings.login_attribute, settings.name_attribute, settings.department_attribute,
                                 settings.manager_attribute) if a]
            users = _search(conn, settings.base_dn, settings.user_filter, attrs)
            groups: dict[str, set[str]] = {}
            if settings.groups_needed:
                step = f"search groups under {settings.group_base_dn}"
                for g in _search(conn, settings.group_base_dn, settings.group_filter,
                                 [settings.group_member_attribute]):
                    members = g["attributes"].get(settings.group_member_attribute) or []
                    groups[norm_dn(g["dn"])] = {norm_dn(str(m)) for m in members}
        finally:
            conn.unbind()
    except LDAPException as exc:
        raise DirectoryError(f"directory {settings.url}: cannot {step}: {type(exc).__name__}: {exc}") from None
    entries = []
    for u in users:
        a = u["attributes"]
        manager = _first(a, settings.manager_attribute)
        entries.append(Entry(norm_dn(u["dn"]), _first(a, settings.login_attribute).lower(),
                             _first(a, settings.name_attribute), _first(a, settings.department_attribute),
                             norm_dn(manager) if manager else ""))
    return entries, groups


def wanted(settings: DirectorySettings, entries: list[Entry], groups: dict[str, set[str]]) -> tuple[list[Wanted], int]:
    """The accounts the entries stand for, and how many entries had no login (skipped)."""
    login_of = {e.dn: e.login for e in entries if e.login}
    out: list[Wanted] = []
    skipped = 0
    for number, e in enumerate(entries, start=1):
        if not e.login:
            skipped += 1
            continue
        role = next((r for dn, r in settings.roles if e.dn in groups.get(dn, ())), settings.default_role)
        approver = login_of.get(e.manager, "") if e.manager else ""
        if not approver:
            approver = next((a for dn, a in settings.approvers if e.dn in groups.get(dn, ())), "")
        if approver == e.login:
            approver = ""  # the head of a group approves their own group: nobody above in mamori
        out.append(Wanted(number, e.login, e.name, e.department, role, approver))
    return out, skipped


def sync(db: Database, settings: DirectorySettings, *, dry_run: bool, actor: str) -> tuple[Plan, int]:
    """Read the directory, plan the changes and (unless ``dry_run`` or any error) apply them; returns the plan and
    the number of entries skipped for want of a login."""
    entries, groups = fetch(settings)
    accounts, skipped = wanted(settings, entries, groups)
    result = plan(db, accounts, "ldap")
    if result.ok and not dry_run:
        counts = apply(db, result, actor)
        log.info("directory sync: %s", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return result, skipped
