"""Who is told that a message waits for approval: the approvers the approval rules name for its sender.

The rules are ``mamori.web.access.can_approve``: an approver of the sender's group, or an officer, never a party to
the message (its submitter, or whoever its From names: four eyes). The notice goes to the active approvers of the
sender's group; when that group has none (or the sender has no account), to the active officers, so a message
never waits for someone nobody told. A test keeps this list inside what ``can_approve`` allows.

``approval_rows`` builds their notices (``notices.approval_notice``: the subject and reasons masked by the web page's
rule, the one-line summary from ``why``, each approver's own decision link), stored in the message's own commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Protocol

from sqlalchemy import select

from mamori.gateway import why
from mamori.gateway.envelope import usable_address
from mamori.gateway.hold_queue import is_party
from mamori.gateway.notices import approval_notice
from mamori.gateway.settings import GatewaySettings
from mamori.gateway.spool import NewMessage
from mamori.store import Database
from mamori.store.accounts import User

log = logging.getLogger("mamori.gateway")


class Parties(Protocol):
    """What the rules read of a message: its submitter and its From address (a ``QueuedMessage`` or a new row)."""

    sender: str
    header_from: str


def approvers_for(db: Database, msg: Parties) -> list[str]:
    """The logins (addresses) to notify that ``msg`` needs approval, sorted; may be empty (no approver at all)."""
    with db.session() as s:
        sender = s.get(User, msg.sender.lower()) if msg.sender else None
        group = sender.group if sender is not None else ""
        rows = s.execute(select(User.login, User.role, User.group).where(User.active.is_(True))).all()
    eligible = [(login, role, g) for login, role, g in rows
                if usable_address(login) and not is_party(login, msg)]  # type: ignore[arg-type]
    chosen = [login for login, role, g in eligible if role == "approver" and group and g == group]
    if not chosen:
        chosen = [login for login, role, _ in eligible if role == "officer"]
    return sorted(chosen)


def needs_approval(columns: dict[str, Any]) -> bool:
    """Whether a new row waits for an approver (held, release by approval) rather than for its sender."""
    return columns.get("state") == "held" and columns.get("release_mode") == "approval"


def masked_reasons(reasons: list[dict[str, Any]], mask_text: Callable[[str], str]) -> list[dict[str, Any]]:
    """The reasons with their texts and evidence masked by ``mask_text``: the rule of the approver's web page."""
    out = []
    for r in reasons:
        if not isinstance(r, dict):
            continue
        out.append({
            **r,
            "detail": mask_text(str(r.get("detail", ""))),
            "detail_ja": mask_text(str(r.get("detail_ja", ""))),
            "evidence": [mask_text(str(e)) for e in r.get("evidence") or []],
        })
    return out


def approval_rows(
    settings: GatewaySettings,
    db: Database,
    mask_text: Callable[[str], str],
    columns: dict[str, Any],
    now: datetime,
) -> list[NewMessage]:
    """The notices to the approvers of the new message ``columns`` (one each, each with its own decision link),
    to be stored with the message in one commit. Blocking (a query, masking): run it in an executor."""
    if not settings.notify_approvers or not needs_approval(columns):
        return []
    message = SimpleNamespace(sender=columns.get("sender", ""), header_from=columns.get("header_from", ""))
    logins = approvers_for(db, message)  # type: ignore[arg-type]
    if not logins:
        log.warning("message %s needs approval but no active approver or officer can approve it", columns["id"])
        return []
    reasons = masked_reasons(list(columns.get("reasons") or []), mask_text)
    summary = (why.summary(reasons, "ja"), why.summary(reasons, "en"))
    subject = mask_text(str(columns.get("subject", "")))
    out = []
    for login in logins:
        link = settings.decision_link(columns["id"], login, "approve", columns.get("expires_at"), now)
        data = approval_notice(to=login, from_addr=settings.notice_from, subject=subject,
                               sender=str(columns.get("sender", "")), link=link, why=summary, reasons=reasons,
                               expires_at=columns.get("expires_at"), tz=settings.timezone)
        out.append(NewMessage.notice(login, settings.notice_from, f"approval notice for {columns['id']}", data, now))
    return out
