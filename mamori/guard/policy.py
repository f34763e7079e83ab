"""The policy from mamori.toml: internal domains (required) and everything else with a default."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.guard.model import ACTIONS

CODES = (
    "external_recipient",
    "first_time_recipient",
    "similar_recipient",
    "content_recipient_mismatch",
    "attachment_recipient_mismatch",
    "open_recipient_list",
    "multiple_external_orgs",
    "lookalike_domain",
    "pii_in_attachment",
    "bulk_pii",
    "sensitive_pii",
    "unscannable_attachment",
    "blocked_recipient",
    "blocked_attachment",
)

DEFAULT_ACTIONS = {
    "external_recipient": "confirm",
    "first_time_recipient": "confirm",
    "similar_recipient": "hold",
    "content_recipient_mismatch": "hold",
    "attachment_recipient_mismatch": "hold",
    "open_recipient_list": "hold",
    "multiple_external_orgs": "confirm",
    "lookalike_domain": "hold",
    "pii_in_attachment": "confirm",
    "bulk_pii": "hold",
    "sensitive_pii": "hold",
    "unscannable_attachment": "hold",
    "blocked_recipient": "block",
    "blocked_attachment": "block",
}


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the key (or the line of a TOML syntax error)."""


@dataclass(frozen=True)
class Policy:
    internal_domains: tuple[str, ...]
    name: str = ""
    open_list_external: int = 5  # external addresses in To/Cc from which a visible list is an open list
    multiple_orgs: int = 2  # external organisations in To/Cc from which to ask
    bulk_records: int = 50  # people in attachments from which personal data is bulk
    free_mail_domains: tuple[str, ...] = ()
    blocked_recipients: tuple[str, ...] = ()  # glob patterns over addresses: "*@rival.example"
    blocked_attachments: tuple[str, ...] = ()  # glob patterns over file names: "*.exe"
    actions: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ACTIONS))

    def is_internal(self, address_or_domain: str) -> bool:
        domain = address_or_domain.rpartition("@")[2].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.internal_domains)

    def action(self, code: str) -> str:
        return self.actions.get(code, DEFAULT_ACTIONS[code])

    def recipient_blocked(self, address: str) -> bool:
        return any(fnmatch.fnmatch(address.lower(), p.lower()) for p in self.blocked_recipients)

    def attachment_blocked(self, filename: str) -> bool:
        return any(fnmatch.fnmatch(filename.lower(), p.lower()) for p in self.blocked_attachments)


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyError(f"{where}.{key} must be a list of strings")
    return tuple(v.strip().lower() if "domain" in key else v.strip() for v in value)


def _int(data: dict[str, Any], key: str, where: str, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PolicyError(f"{where}.{key} must be a positive integer, not {value!r}")
    return value


def parse_policy(text: str) -> Policy:
    """A policy from TOML text. Sections: [organization], [thresholds], [actions], [blocked], [free_mail]."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy is not valid TOML: {exc}") from exc  # the message carries line and column
    org = data.get("organization")
    if not isinstance(org, dict):
        raise PolicyError("[organization] is required, with internal_domains = [...]")
    if "internal_domains" not in org:
        raise PolicyError("organization.internal_domains is required")
    internal = _strings(org, "internal_domains", "organization")
    if not internal:
        raise PolicyError("organization.internal_domains must name at least one domain")
    name = org.get("name", "")
    if not isinstance(name, str):
        raise PolicyError("organization.name must be a string")
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise PolicyError("[thresholds] must be a table")
    actions = dict(DEFAULT_ACTIONS)
    table = data.get("actions", {})
    if not isinstance(table, dict):
        raise PolicyError("[actions] must be a table")
    for code, action in table.items():
        if code not in DEFAULT_ACTIONS:
            raise PolicyError(f"actions.{code}: unknown reason code (known: {', '.join(CODES)})")
        if action not in ACTIONS:
            raise PolicyError(f"actions.{code} must be one of {', '.join(ACTIONS)}, not {action!r}")
        actions[code] = action
    blocked = data.get("blocked", {})
    free = data.get("free_mail", {})
    if not isinstance(blocked, dict) or not isinstance(free, dict):
        raise PolicyError("[blocked] and [free_mail] must be tables")
    return Policy(
        internal_domains=internal,
        name=name,
        open_list_external=_int(thresholds, "open_list_external", "thresholds", 5),
        multiple_orgs=_int(thresholds, "multiple_orgs", "thresholds", 2),
        bulk_records=_int(thresholds, "bulk_records", "thresholds", 50),
        free_mail_domains=_strings(free, "domains", "free_mail"),
        blocked_recipients=_strings(blocked, "recipients", "blocked"),
        blocked_attachments=_strings(blocked, "attachments", "blocked"),
        actions=actions,
    )


def load_policy(path: str | Path) -> Policy:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy {path}: {exc}") from exc
    return parse_policy(text)
