"""Decision links: signed, expiring, single-use URLs in the notices that open a message's decision page.

A token is ``<payload>.<mac>`` (base64url). The payload names the message, the purpose (``approve`` for an
approver's notice, ``confirm`` for the sender's), the expiry (Unix seconds) and a random nonce; the MAC is
HMAC-SHA256 over the payload *and the login of the person the link was sent to*, under a key derived from the web
app's secret key. The login is not in the URL: the web app checks the MAC with the login of whoever is signed in,
so a link forwarded to anyone else does not verify for them (``LinkError("not_yours")``), and a link is never
enough on its own (a login is required first). The web app still applies the approval rules on every use.

A link is spent by the decision it was used for: ``spent_target`` names the audit entry (``link_used``) written in
the same transaction as the decision (``hold_queue._transition``), and ``is_spent`` finds it. Nothing here touches
personal data: no addresses, subjects or reasons go into a token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from mamori.signing import b64, derive_key, unb64
from mamori.store import Database
from mamori.store.audit import AuditEntry

PURPOSES = ("approve", "confirm")
SPENT_ACTION = "link_used"  # the audit entry that marks a link as used
DEFAULT_HOURS = 72.0  # lifetime of a link to a message that has no expiry of its own
_CONTEXT = b"mamori decision link v1"


class LinkError(ValueError):
    """A token that cannot be used; ``code`` is one of malformed, not_yours, expired, spent."""

    def __init__(self, code: str, message_id: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.message_id = message_id  # known once the MAC verified (an expired link of the signed-in person)


@dataclass(frozen=True, slots=True)
class Link:
    """A verified token: which message, what for, until when, and its nonce."""

    message_id: str
    purpose: str
    expires_at: datetime
    nonce: str

    @property
    def spent_target(self) -> str:
        """The audit target that records this link's use (a hash of the nonce: the token itself is never stored)."""
        return "link:" + hashlib.sha256(self.nonce.encode("ascii")).hexdigest()


def _key(secret: str) -> bytes:
    return derive_key(secret, _CONTEXT, purpose="a decision link")


def _mac(secret: str, payload: str, login: str) -> str:
    msg = payload.encode("ascii") + b"\n" + login.strip().lower().encode("utf-8")
    return b64(hmac.new(_key(secret), msg, hashlib.sha256).digest())


def sign(secret: str, *, message_id: str, login: str, purpose: str, expires_at: datetime) -> str:
    """A token for ``login`` to decide (``purpose``) on ``message_id`` until ``expires_at``."""
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    body = {"m": message_id, "p": purpose, "e": int(expires_at.timestamp()), "n": secrets.token_urlsafe(16)}
    payload = b64(json.dumps(body, separators=(",", ":")).encode("ascii"))
    return f"{payload}.{_mac(secret, payload, login)}"


def expiry_for(message_expires_at: datetime | None, now: datetime) -> datetime:
    """A link lives as long as the message waits (its own expiry), or ``DEFAULT_HOURS`` when it has none."""
    return message_expires_at or now + timedelta(hours=DEFAULT_HOURS)


def verify(secret: str, token: str, login: str, now: datetime | None = None) -> Link:
    """The link ``token`` stands for, when it was signed for ``login`` and has not expired; else ``LinkError``.

    The MAC is checked first (in constant time), so nothing of a token that is not this person's is believed."""
    payload, dot, mac = token.partition(".")
    if not dot or not payload or not mac or len(token) > 512:
        raise LinkError("malformed")
    try:
        payload.encode("ascii")
        expected = _mac(secret, payload, login)
    except UnicodeEncodeError:
        raise LinkError("malformed") from None
    if not hmac.compare_digest(expected.encode("ascii"), mac.encode("ascii", "replace")):
        raise LinkError("not_yours")
    try:
        body = json.loads(unb64(payload))
        link = Link(str(body["m"]), str(body["p"]), datetime.fromtimestamp(int(body["e"]), UTC), str(body["n"]))
    except (ValueError, KeyError, TypeError):
        raise LinkError("malformed") from None
    if link.purpose not in PURPOSES:
        raise LinkError("malformed")
    if (now or datetime.now(UTC)) >= link.expires_at:
        raise LinkError("expired", link.message_id)
    return link


def is_spent(db: Database, link: Link) -> bool:
    """Whether a decision was already taken with this link (its ``link_used`` audit entry exists)."""
    q = select(AuditEntry.id).where(AuditEntry.action == SPENT_ACTION, AuditEntry.target == link.spent_target)
    with db.session() as s:
        return s.scalar(q.limit(1)) is not None


def url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/l/{token}"
