"""The guard: judge an outgoing message (recipients, body, attachments) before it leaves.

>>> verdict = judge(message, policy, directory, history)
>>> verdict.action, [r.code for r in verdict.reasons]
"""

from __future__ import annotations

from mamori.guard.directory import Contact, Directory, load_contacts
from mamori.guard.engine import judge
from mamori.guard.history import History, load_history
from mamori.guard.model import (
    ACTIONS,
    AttachmentInfo,
    GroupedRecipient,
    Message,
    OrgGroup,
    Reason,
    Recipient,
    Verdict,
)
from mamori.guard.policy import Policy, PolicyError, load_policy

__all__ = [
    "ACTIONS",
    "AttachmentInfo",
    "Contact",
    "Directory",
    "GroupedRecipient",
    "History",
    "Message",
    "OrgGroup",
    "Policy",
    "PolicyError",
    "Reason",
    "Recipient",
    "Verdict",
    "judge",
    "load_contacts",
    "load_history",
    "load_policy",
]
