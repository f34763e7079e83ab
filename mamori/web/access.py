"""Who may see and do what: a sender their own messages, an approver their group's, an officer everything; which
role each kind of page needs (``require_officer``, ``require_account_admin``, ``require_admin``,
``require_admin_or_officer``: 403 otherwise).

Someone who may not see a message gets the same answer as for a message that does not exist (404), so ids
cannot be probed.
"""

from __future__ import annotations

from mamori.gateway.hold_queue import QueuedMessage, is_party
from mamori.store import Database
from mamori.web.accounts import Account, SessionInfo, group_logins
from mamori.web.security import Forbidden


def visible_senders(db: Database, user: Account) -> tuple[str, ...] | None:
    """The senders whose messages ``user`` sees; ``None`` = all (officer)."""
    if user.is_officer:
        return None
    if user.role == "approver":
        return tuple(sorted({user.login, *group_logins(db, user.group)}))
    return (user.login,)


def can_view(db: Database, user: Account, msg: QueuedMessage) -> bool:
    senders = visible_senders(db, user)
    return senders is None or msg.sender.lower() in senders


def is_owner(user: Account, msg: QueuedMessage) -> bool:
    """The owner is the submitter (the envelope sender), not whoever the From header names."""
    return msg.sender.lower() == user.login


def can_approve(db: Database, user: Account, msg: QueuedMessage) -> bool:
    """Approvers of the sender's group and officers, never the submitter nor anyone its From names (four eyes)."""
    return user.is_approver and not is_party(user.login, msg) and can_view(db, user, msg)


def require_officer(info: SessionInfo) -> None:
    """The privacy officer's pages (dashboard, audit and its export, incidents, training records): 403 for others."""
    if not info.account.is_officer:
        raise Forbidden()


def require_account_admin(info: SessionInfo) -> None:
    """The user pages (list, import, invitations, disable): the administrator and the privacy officer."""
    if not info.account.can_manage_accounts:
        raise Forbidden()


def require_admin(info: SessionInfo) -> None:
    """The administration pages (contacts, policy, keywords) are the system administrator's (``admin``) only."""
    if info.account.role != "admin":
        raise Forbidden()


def require_admin_or_officer(info: SessionInfo) -> None:
    """Pages the administrator runs and the privacy officer reads (training assignments: completion, export)."""
    if info.account.role not in ("admin", "officer"):
        raise Forbidden()
