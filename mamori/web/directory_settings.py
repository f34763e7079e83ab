"""The ``[directory]`` section of mamori.toml: where the LDAP / Active Directory is and how its entries map to accounts.

Errors name the key (``directory.url: ...``). Example (docs/accounts.md has the Active Directory variant)::

    [directory]
    url = "ldap://dc1.example.co.jp"         # ldaps://... for TLS from the start; or start_tls = true
    start_tls = false
    ca_file = ""                             # PEM bundle to verify the server (default: the system's)
    bind_dn = "cn=mamori,ou=services,dc=example,dc=co,dc=jp"
    password_file = "/etc/mamori/ldap-password"   # or password_env = "MAMORI_LDAP_PASSWORD"
    base_dn = "ou=people,dc=example,dc=co,dc=jp"
    user_filter = "(objectClass=inetOrgPerson)"
    group_base_dn = "ou=groups,dc=example,dc=co,dc=jp"   # default: base_dn
    group_filter = "(objectClass=groupOfNames)"
    group_member_attribute = "member"        # a group's attribute holding its members' DNs
    default_role = "sender"
    [directory.attributes]
    login = "mail"                           # the login: an e-mail address
    name = "displayName"
    department = "departmentNumber"          # becomes the account's group
    manager = "manager"                      # DN of the user's manager: the approver ("" = not used)
    [directory.roles]                        # group DN = role; the first group (in this order) a user is in wins
    "cn=mamori-officers,ou=groups,dc=example,dc=co,dc=jp" = "officer"
    "cn=mamori-approvers,ou=groups,dc=example,dc=co,dc=jp" = "approver"
    [directory.approvers]                    # group DN = the approver of its members without a manager
    "cn=legal,ou=groups,dc=example,dc=co,dc=jp" = "kato@example.co.jp"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.store.accounts import ROLES


class DirectorySettingsError(ValueError):
    """A [directory] setting that cannot be used; the message names the key."""


@dataclass(frozen=True)
class DirectorySettings:
    url: str
    base_dn: str
    bind_dn: str = ""
    password: str = field(default="", repr=False)
    start_tls: bool = False
    ca_file: Path | None = None
    user_filter: str = "(objectClass=inetOrgPerson)"
    group_base_dn: str = ""
    group_filter: str = "(objectClass=groupOfNames)"
    group_member_attribute: str = "member"
    default_role: str = "sender"
    login_attribute: str = "mail"
    name_attribute: str = "displayName"
    department_attribute: str = "departmentNumber"
    manager_attribute: str = "manager"
    roles: tuple[tuple[str, str], ...] = ()  # (group DN, role), in the file's order
    approvers: tuple[tuple[str, str], ...] = ()  # (group DN, approver login)
    timeout_seconds: int = 30

    @property
    def groups_needed(self) -> bool:
        return bool(self.roles or self.approvers)


def norm_dn(dn: str) -> str:
    """A DN to compare: lower case, no blanks around the commas (``CN=Sales, OU=G`` == ``cn=sales,ou=g``)."""
    return ",".join(part.strip() for part in dn.strip().lower().split(","))


def _str(table: dict[str, Any], key: str, default: str, where: str = "directory") -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise DirectorySettingsError(f"{where}.{key} must be a string, not {value!r}")
    return value.strip()


def _pairs(table: dict[str, Any], key: str, check: Any) -> tuple[tuple[str, str], ...]:
    value = table.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise DirectorySettingsError(f"[directory.{key}] must be a table of \"group DN\" = \"...\"")
    for dn, target in value.items():
        check(dn, target)
    return tuple((norm_dn(dn), target.strip()) for dn, target in value.items())


def _role(dn: str, role: str) -> None:
    if role not in ROLES:
        raise DirectorySettingsError(f"directory.roles.{dn!r}: role must be one of {', '.join(ROLES)}, not {role!r}")


def _login(dn: str, login: str) -> None:
    if "@" not in login:
        raise DirectorySettingsError(f"directory.approvers.{dn!r}: {login!r} is not a login (an e-mail address)")


def directory_settings_from(data: dict[str, Any], base: Path) -> DirectorySettings | None:
    """The settings of parsed TOML (``None`` without ``[directory]``); relative paths from ``base``."""
    d = data.get("directory")
    if d is None:
        return None
    if not isinstance(d, dict):
        raise DirectorySettingsError("[directory] must be a table")
    url = _str(d, "url", "")
    if not url.startswith(("ldap://", "ldaps://")):
        raise DirectorySettingsError(f"directory.url must start with ldap:// or ldaps://, not {url!r}")
    base_dn = _str(d, "base_dn", "")
    if not base_dn:
        raise DirectorySettingsError("directory.base_dn is required (where the users are)")
    password = ""
    password_file = _str(d, "password_file", "")
    password_env = _str(d, "password_env", "")
    if password_file and password_env:
        raise DirectorySettingsError("directory: give password_file or password_env, not both")
    if password_file:
        try:
            password = (base / password_file).read_text(encoding="utf-8").strip("\r\n")
        except OSError as exc:
            raise DirectorySettingsError(f"directory.password_file: cannot read {password_file}: {exc}") from exc
    elif password_env:
        password = os.environ.get(password_env, "")
        if not password:
            raise DirectorySettingsError(f"directory.password_env: the environment variable {password_env} is empty")
    if "password" in d:
        raise DirectorySettingsError("directory.password: keep the password out of mamori.toml "
                                     "(password_file or password_env)")
    attrs = d.get("attributes", {})
    if not isinstance(attrs, dict):
        raise DirectorySettingsError("[directory.attributes] must be a table")
    for key in attrs:
        if key not in ("login", "name", "department", "manager"):
            raise DirectorySettingsError(f"directory.attributes.{key}: unknown (login, name, department, manager)")
    start_tls = d.get("start_tls", False)
    if not isinstance(start_tls, bool):
        raise DirectorySettingsError("directory.start_tls must be true or false")
    timeout = d.get("timeout_seconds", 30)
    if not isinstance(timeout, int) or isinstance(timeout, bool) or timeout < 1:
        raise DirectorySettingsError("directory.timeout_seconds must be an integer >= 1")
    default_role = _str(d, "default_role", "sender")
    _role("default_role", default_role)
    ca = _str(d, "ca_file", "")
    return DirectorySettings(
        url=url,
        base_dn=base_dn,
        bind_dn=_str(d, "bind_dn", ""),
        password=password,
        start_tls=start_tls,
        ca_file=(base / ca) if ca else None,
        user_filter=_str(d, "user_filter", "(objectClass=inetOrgPerson)"),
        group_base_dn=_str(d, "group_base_dn", "") or base_dn,
        group_filter=_str(d, "group_filter", "(objectClass=groupOfNames)"),
        group_member_attribute=_str(d, "group_member_attribute", "member"),
        default_role=default_role,
        login_attribute=_str(attrs, "login", "mail", "directory.attributes"),
        name_attribute=_str(attrs, "name", "displayName", "directory.attributes"),
        department_attribute=_str(attrs, "department", "departmentNumber", "directory.attributes"),
        manager_attribute=_str(attrs, "manager", "manager", "directory.attributes"),
        roles=_pairs(d, "roles", _role),
        approvers=_pairs(d, "approvers", _login),
        timeout_seconds=timeout,
    )


def load_directory_settings(path: str | Path) -> DirectorySettings | None:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectorySettingsError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DirectorySettingsError(f"{path} is not valid TOML: {exc}") from exc
    return directory_settings_from(data, path.resolve().parent)
