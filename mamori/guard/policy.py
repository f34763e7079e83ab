"""The policy from mamori.toml: internal domains (required) and everything else with a default."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
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
    # added for chat and FAX recipients (the check API's channels): compatible additions to DESIGN.md's list
    "unknown_recipient",
    "recipient_organization_mismatch",
    # issue 17: the From header names someone other than the submitter (envelope sender): additive to DESIGN.md
    "sender_mismatch",
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
    "unknown_recipient": "confirm",
    "recipient_organization_mismatch": "hold",
    "sender_mismatch": "hold",
}


# What stopped an inspection (extraction issue codes, and the guard's own ``unread_text``): each raises
# `unscannable_attachment`. A cause not set in [unscannable] takes the action of unscannable_attachment (hold);
# these two default lower because they hold no hidden content of their own: a real picture (no text recognition)
# and some undecodable bytes in a text otherwise read. Every cause still shows as a reason, whatever its action.
UNSCANNABLE_CAUSES = (
    "encrypted",
    "too_large",
    "ratio",
    "depth",
    "members",
    "timeout",
    "corrupt",
    "truncated",
    "pages",
    "unsupported",
    "unread_text",
    "image",
    "encoding",
)
UNSCANNABLE_DEFAULTS = {"image": "confirm", "encoding": "confirm"}


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the key (or the line of a TOML syntax error)."""


THRESHOLDS = {"open_list_external": 5, "multiple_orgs": 2, "bulk_records": 50}
_OVERRIDE_KEYS = ("senders", "domains", "actions", "thresholds")


def _domain_in(domain: str, patterns: tuple[str, ...]) -> bool:
    """A recipient domain within one of ``patterns``: the domain, a subdomain of it, or a glob ("*.example")."""
    return any(domain == p or domain.endswith("." + p) or fnmatch.fnmatch(domain, p) for p in patterns)


@dataclass(frozen=True)
class Override:
    """Actions and thresholds for some senders and/or some recipient domains (``[[override]]`` in mamori.toml).

    It applies to a message whose sender matches one of ``senders`` (globs over the address; any sender when
    empty) and whose external recipients are all within ``domains`` (any when empty). A reason about some
    recipients only (first_time_recipient, similar_recipient...) takes the override's action when those recipients
    are all within ``domains``: an override never relaxes a check for a recipient outside its domains.
    """

    senders: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    actions: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, int] = field(default_factory=dict)

    def matches(self, sender: str, domains: set[str] | frozenset[str]) -> bool:
        if self.senders and not any(fnmatch.fnmatch(sender.lower(), p.lower()) for p in self.senders):
            return False
        return not self.domains or (bool(domains) and all(_domain_in(d, self.domains) for d in domains))


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
    overrides: tuple[Override, ...] = ()  # in file order; a later match wins over an earlier one
    unscannable: dict[str, str] = field(default_factory=lambda: dict(UNSCANNABLE_DEFAULTS))  # cause -> action

    def is_internal(self, address_or_domain: str) -> bool:
        domain = address_or_domain.rpartition("@")[2].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.internal_domains)

    def action(self, code: str) -> str:
        return self.actions.get(code, DEFAULT_ACTIONS[code])

    def for_message(self, sender: str, domains: set[str] | frozenset[str]) -> Policy:
        """The policy for one message: the overrides that match its sender and all its external recipient domains
        folded into the actions and thresholds (the overrides are kept for reasons about some recipients only)."""
        matching = [o for o in self.overrides if o.matches(sender, domains)]
        if not matching:
            return self
        actions = dict(self.actions)
        limits = {key: getattr(self, key) for key in THRESHOLDS}
        for o in matching:
            actions.update(o.actions)
            limits.update(o.thresholds)
        return replace(self, actions=actions, **limits)

    def action_for(self, code: str, sender: str, domains: set[str] | frozenset[str]) -> str:
        """The action for a reason about recipients at ``domains``: the last matching override's, else the default."""
        action = self.action(code)
        for o in self.overrides:
            if code in o.actions and o.matches(sender, domains):
                action = o.actions[code]
        return action

    def unscannable_action(self, cause: str, sender: str, domains: set[str] | frozenset[str]) -> str:
        """The action for an attachment not fully inspected because of ``cause`` ([unscannable], else the action of
        unscannable_attachment for these recipients)."""
        return self.unscannable.get(cause) or self.action_for("unscannable_attachment", sender, domains)

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


def _actions(table: Any, where: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise PolicyError(f"[{where}] must be a table")
    out: dict[str, str] = {}
    for code, action in table.items():
        if code not in DEFAULT_ACTIONS:
            raise PolicyError(f"{where}.{code}: unknown reason code (known: {', '.join(CODES)})")
        if action not in ACTIONS:
            raise PolicyError(f"{where}.{code} must be one of {', '.join(ACTIONS)}, not {action!r}")
        out[code] = action
    return out


def _overrides(tables: Any) -> tuple[Override, ...]:
    """``[[override]]`` tables: senders and/or domains, with actions and/or thresholds."""
    if not isinstance(tables, list):
        raise PolicyError("override must be an array of tables: write [[override]], not [override]")
    out: list[Override] = []
    for n, table in enumerate(tables, start=1):
        where = f"override[{n}]"
        if not isinstance(table, dict):
            raise PolicyError(f"{where} must be a table")
        unknown = sorted(set(table) - set(_OVERRIDE_KEYS))
        if unknown:
            raise PolicyError(f"{where}.{unknown[0]}: unknown key (known: {', '.join(_OVERRIDE_KEYS)})")
        senders = _strings(table, "senders", where)
        domains = tuple(d.removeprefix("@") for d in _strings(table, "domains", where))
        if not senders and not domains:
            raise PolicyError(f"{where} needs senders = [...] or domains = [...] (or both)")
        limits = table.get("thresholds", {})
        if not isinstance(limits, dict):
            raise PolicyError(f"[{where}.thresholds] must be a table")
        unknown = sorted(set(limits) - set(THRESHOLDS))
        if unknown:
            raise PolicyError(f"{where}.thresholds.{unknown[0]}: unknown threshold (known: {', '.join(THRESHOLDS)})")
        thresholds = {key: _int(limits, key, f"{where}.thresholds", 1) for key in limits}
        actions = _actions(table.get("actions", {}), f"{where}.actions")
        if not actions and not thresholds:
            raise PolicyError(f"{where} sets nothing: add [override.actions] or [override.thresholds]")
        out.append(Override(senders, domains, actions, thresholds))
    return tuple(out)


_KEY_PATH = re.compile(r"(?<![\w\]])([a-z_]+(?:\[\d+\])?(?:\.[A-Za-z_][\w-]*)+|override\[\d+\])")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([\w.-]+)\s*\]\]?")
_ASSIGN = re.compile(r"^\s*([\w.\s\"-]+?)\s*=")


def line_of(text: str, path: str) -> int | None:
    """The line (1-based) where a key path such as ``override[2].actions.bulk_pii`` or ``thresholds.bulk_records``
    is written, or its table's header; None when it is not written (a required key that is missing)."""
    m = re.fullmatch(r"([a-z_]+)(?:\[(\d+)\])?((?:\.[\w-]+)*)", path)
    if m is None:
        return None
    table, nth, keys = m.group(1), m.group(2), [k for k in m.group(3).split(".") if k]
    count = 0
    current: list[str] | None = None  # the keys of the table being read, below ``table``; None: another table
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            parts = header.group(2).split(".")
            if parts[0] != table:
                current = None
                continue
            if header.group(1) == "[[" and len(parts) == 1:
                count += 1
            current = parts[1:] if nth is None or count == int(nth) else None
            if current is not None and (current == keys or (not keys and not current)):
                return number
            continue
        if current is None or keys[: len(current)] != current:
            continue
        assign = _ASSIGN.match(line)
        if assign:
            written = [k.strip().strip('"') for k in assign.group(1).split(".")]
            want = keys[len(current) :]
            if want and written == want[: len(written)]:
                return number
    return None


def parse_policy(text: str) -> Policy:
    """A policy from TOML text. Sections: [organization], [thresholds], [actions], [unscannable], [blocked],
    [free_mail], [[override]]. Errors name the key, and the line where the file shows it."""
    try:
        return _parse(text)
    except PolicyError as exc:
        message = str(exc)
        if "line" in message:
            raise
        path = _KEY_PATH.search(message)
        number = line_of(text, path.group(1)) if path else None
        if number is None:
            raise
        raise PolicyError(f"{message} (line {number})") from exc


def _parse(text: str) -> Policy:
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
    actions.update(_actions(data.get("actions", {}), "actions"))
    unscannable = dict(UNSCANNABLE_DEFAULTS)
    causes = data.get("unscannable", {})
    if not isinstance(causes, dict):
        raise PolicyError("[unscannable] must be a table")
    for cause, action in causes.items():
        if cause not in UNSCANNABLE_CAUSES:
            raise PolicyError(f"unscannable.{cause}: unknown cause (known: {', '.join(UNSCANNABLE_CAUSES)})")
        if action not in ACTIONS:
            raise PolicyError(f"unscannable.{cause} must be one of {', '.join(ACTIONS)}, not {action!r}")
        unscannable[cause] = action
    blocked = data.get("blocked", {})
    free = data.get("free_mail", {})
    if not isinstance(blocked, dict) or not isinstance(free, dict):
        raise PolicyError("[blocked] and [free_mail] must be tables")
    unknown = sorted(set(thresholds) - set(THRESHOLDS))
    if unknown:
        raise PolicyError(f"thresholds.{unknown[0]}: unknown threshold (known: {', '.join(THRESHOLDS)})")
    return Policy(
        internal_domains=internal,
        name=name,
        open_list_external=_int(thresholds, "open_list_external", "thresholds", 5),
        multiple_orgs=_int(thresholds, "multiple_orgs", "thresholds", 2),
        bulk_records=_int(thresholds, "bulk_records", "thresholds", 50),
        overrides=_overrides(data.get("override", [])),
        free_mail_domains=_strings(free, "domains", "free_mail"),
        blocked_recipients=_strings(blocked, "recipients", "blocked"),
        blocked_attachments=_strings(blocked, "attachments", "blocked"),
        actions=actions,
        unscannable=unscannable,
    )


def load_policy(path: str | Path) -> Policy:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy {path}: {exc}") from exc
    return parse_policy(text)
