"""Invitations: a signed, expiring, one-time link (``/invite/<token>``) with which a new user sets their password.

A token is ``<payload>.<mac>`` (base64url), as the decision links of ``mamori.gateway.links``: the payload names the
login, the expiry (Unix seconds), a *stamp* of the account's password (a hash of when it was last set, "" when it
never was) and a random nonce; the MAC is HMAC-SHA256 under a key derived from the web app's secret key with a
context of its own (a decision link's MAC is no invitation's). Setting the password changes the stamp, so a link
works once: afterwards, and after any other password change or reset, it is refused (``spent``). A disabled
account's link is refused too. Nothing but the login and the nonce's hash reaches the audit log.

Invitations are mailed (``send``: plain SMTP to the gateway's next hop, as the gateway's own notices go, envelope
sender ``<>``) or printed for an administrator to pass on.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from argon2 import PasswordHasher
from sqlalchemy import delete, select

from mamori.signing import b64, derive_key, unb64
from mamori.store import Database
from mamori.store.accounts import User, WebSession
from mamori.store.audit import AuditEntry, record
from mamori.store.base import utcnow
from mamori.web.accounts import AccountError, check_account, normalise_login

DEFAULT_HOURS = 72
_CONTEXT = b"mamori invitation v1"
_HASHER = PasswordHasher()


class InvitationError(ValueError):
    """A link that cannot be used; ``code`` is one of malformed, forged, expired, spent, disabled."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Invitation:
    login: str
    expires_at: datetime
    stamp: str
    nonce: str

    @property
    def target(self) -> str:
        """The audit target of this link (a hash of its nonce; the token itself is never stored)."""
        return "invite:" + hashlib.sha256(self.nonce.encode("ascii")).hexdigest()[:32]


def _key(secret: str) -> bytes:
    return derive_key(secret, _CONTEXT, purpose="an invitation")


def _mac(secret: str, payload: str) -> str:
    return b64(hmac.new(_key(secret), payload.encode("ascii"), hashlib.sha256).digest())


def password_stamp(changed_at: datetime | None) -> str:
    """What a link remembers of the account's password: a short hash of when it was set ("" = never)."""
    if changed_at is None:
        return ""
    return hashlib.sha256(changed_at.astimezone(UTC).isoformat().encode("ascii")).hexdigest()[:16]


def sign(secret: str, login: str, stamp: str, expires_at: datetime) -> str:
    body = {"l": login, "e": int(expires_at.timestamp()), "s": stamp, "n": secrets.token_urlsafe(12)}
    payload = b64(json.dumps(body, separators=(",", ":"), ensure_ascii=True).encode("ascii"))
    return f"{payload}.{_mac(secret, payload)}"


def verify(secret: str, token: str, now: datetime | None = None) -> Invitation:
    """The invitation ``token`` stands for, when its MAC is right and it has not expired; else ``InvitationError``."""
    payload, dot, mac = token.partition(".")
    if not dot or not payload or not mac or len(token) > 1024 or not token.isascii():
        raise InvitationError("malformed")
    if not hmac.compare_digest(_mac(secret, payload).encode("ascii"), mac.encode("ascii")):
        raise InvitationError("forged")
    try:
        body = json.loads(unb64(payload))
        inv = Invitation(str(body["l"]), datetime.fromtimestamp(int(body["e"]), UTC), str(body["s"]), str(body["n"]))
    except (ValueError, KeyError, TypeError):
        raise InvitationError("malformed") from None
    if (now or datetime.now(UTC)) >= inv.expires_at:
        raise InvitationError("expired")
    return inv


def check_usable(db: Database, inv: Invitation) -> None:
    """``InvitationError`` when the account is gone or disabled, or its password changed since the link was made."""
    with db.session() as s:
        user = s.get(User, inv.login)
        if user is None or not user.active:
            raise InvitationError("disabled")
        if password_stamp(user.password_changed_at) != inv.stamp:
            raise InvitationError("spent")


def issue(db: Database, secret: str, base_url: str, login: str, *, actor: str, hours: float = DEFAULT_HOURS,
          deliver: Callable[[str, str, datetime], None] | None = None) -> str:
    """A new invitation link for the active account ``login``; returns its URL.

    ``deliver(login, url, expires_at)`` (e.g. mail it) runs before the audit entry ``user_invite`` commits: when it
    raises, nothing is recorded. Without it the link is for an administrator to pass on (``via=print``)."""
    login = normalise_login(login)
    expires = utcnow() + timedelta(hours=hours)
    with db.session() as s:
        user = s.get(User, login)
        if user is None or not user.active:
            raise AccountError(f"no active user {login}", f"有効なユーザー {login} はいません")
        token = sign(secret, login, password_stamp(user.password_changed_at), expires)
        inv = verify(secret, token)
        url = f"{base_url.rstrip('/')}/invite/{token}"
        record(s, actor, "user_invite", f"user:{login}", "", link=inv.target, via="mail" if deliver else "print",
               expires_at=expires.isoformat(timespec="seconds"))
        if deliver is not None:
            deliver(login, url, expires)
    return url


def accept(db: Database, secret: str, token: str, password: str, ip: str = "") -> str:
    """Set the password through the link ``token`` (once); returns the login. ``InvitationError``/``AccountError``."""
    inv = verify(secret, token)
    check_account(inv.login, "sender")
    from mamori.web.accounts import MIN_PASSWORD_LENGTH

    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must be at least {MIN_PASSWORD_LENGTH} characters",
                           f"パスワードは{MIN_PASSWORD_LENGTH}文字以上にしてください")
    hashed = _HASHER.hash(password)
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == inv.login).with_for_update())
        if user is None or not user.active:
            raise InvitationError("disabled")
        if password_stamp(user.password_changed_at) != inv.stamp:
            raise InvitationError("spent")
        user.password_hash = hashed
        user.password_changed_at = utcnow()
        s.execute(delete(WebSession).where(WebSession.login == inv.login))
        record(s, inv.login, "invitation_used", f"user:{inv.login}", "", link=inv.target, ip=ip[:64])
    return inv.login


def uninvited(db: Database) -> list[str]:
    """Active accounts without a password that were never invited (e.g. just imported), sorted."""
    with db.session() as s:
        invited = set(s.scalars(select(AuditEntry.target).where(AuditEntry.action == "user_invite")))
        rows = s.scalars(select(User.login).where(User.active.is_(True), User.password_hash == ""))
        return sorted(login for login in rows if f"user:{login}" not in invited)


def message(*, to: str, from_addr: str, url: str, expires_at: datetime, name: str = "") -> bytes:
    """The invitation mail: Japanese, then English; the link and when it expires."""
    from zoneinfo import ZoneInfo

    when = expires_at.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d %H:%M")
    hello = f"{name} 様" if name else f"{to} 様"
    body = (
        f"{hello}\n\nmamori（誤送信防止）のアカウントが用意されました。次のリンクを開いてパスワードを設定してください。\n"
        f"リンクは {when}（日本時間）まで、1回だけ使えます。\n\n{url}\n\n"
        "心当たりがない場合はこのメールを破棄し、管理者に連絡してください。\n\n"
        "----\n\n"
        f"A mamori (mail guard) account has been set up for you. Open the link below to set your password.\n"
        f"It works once, until {when} (Japan time).\n\n{url}\n\n"
        "If you did not expect this, delete this mail and tell your administrator.\n"
    )
    msg = EmailMessage(policy=SMTP)
    msg["From"] = from_addr
    msg["To"] = to
    msg["Subject"] = "【mamori】パスワード設定のご案内 / Set your mamori password"
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2] or "localhost")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body, charset="utf-8", cte="base64")
    return msg.as_bytes()


class MailError(RuntimeError):
    """The next hop did not take an invitation."""


def mailer(gateway: object) -> Callable[[str, str, datetime], None]:
    """A ``deliver`` for ``issue`` that mails the invitation through the gateway's next hop (``GatewaySettings``)."""
    from mamori.gateway.delivery import NextHop

    def deliver(login: str, url: str, expires_at: datetime) -> None:
        hop = NextHop(gateway)  # type: ignore[arg-type]
        try:
            raw = message(to=login, from_addr=gateway.notice_from, url=url,  # type: ignore[attr-defined]
                          expires_at=expires_at)
            attempt = hop.send("", [login], raw)
        finally:
            hop.close()
        if attempt.code != 250 or attempt.refused:
            raise MailError(f"next hop {hop.host}:{hop.port} refused the invitation: {attempt.code} {attempt.error}")

    return deliver
