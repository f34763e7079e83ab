"""The SMTP side: an aiosmtpd handler that judges each message and answers only once its row is committed.

ESMTP: SIZE (the configured limit, enforced), 8BITMIME, SMTPUTF8, PIPELINING, STARTTLS when a certificate is
configured; AUTH PLAIN LOGIN after STARTTLS when ``[gateway] auth`` is on (``smtp_auth``). ``smtps_listen`` adds a
listener with implicit TLS (SMTPS, RFC 8314: TLS from the first byte, no STARTTLS), where every rule that asks for
"after STARTTLS" holds from the start (``implicit_tls``). Who may submit: clients
whose address is in ``[gateway] allowed_clients`` (default: the loopback), and with ``auth`` on, a client of any
address that authenticated; with ``auth = "off"`` any other gets 554 5.7.1 to HELO/EHLO, MAIL, STARTTLS, AUTH and
VRFY, and is logged with its address only; with ``auth`` on it may say EHLO, STARTTLS and AUTH, and its MAIL without
AUTH is answered 530 5.7.0 (so is every MAIL without AUTH under ``auth = "required"``). An authenticated client may
use only its account's senders in MAIL FROM (else 553 5.7.1), and its rows name the account (``smtp_account``).
``require_tls``: MAIL before STARTTLS is answered 530 5.7.0. A message that looped (``trace.loop_reason``:
too many Received: lines, or its third pass through this gateway) is refused 554 5.4.6 before it is judged; an
accepted one gets the gateway's Received: line (``trace``), stored with its row and sent in front of the bytes.
DATA: guard (``judging``, off the loop),
then the rows (message, bytes, the sender's and approvers' notices) are committed, then 250; a block is answered
550 with its reason codes (its record kept, without the bytes); a failure to store is 451, so the MTA keeps the
message and retries.
"""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, syntax

from mamori.gateway.envelope import storable, usable_address
from mamori.gateway.intake import Judged, block_codes, envelope_reason, plan
from mamori.gateway.notices import notice
from mamori.gateway.settings import GatewaySettings
from mamori.gateway.smtp_auth import AuthGuard, Credentials, capture
from mamori.gateway.spool import NewMessage, Spool, new_id
from mamori.gateway.trace import loop_reason, received_line
from mamori.store.base import utcnow
from mamori.store.smtp_accounts import SmtpAccountInfo

log = logging.getLogger("mamori.gateway")


class _NoLoginDataWarning(logging.Filter):
    """aiosmtpd warns "Session.login_data is deprecated" on each successful AUTH (it sets the attribute itself)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Session.login_data is deprecated")


logging.getLogger("mail.log").addFilter(_NoLoginDataWarning())


def rows_for(
    raw: bytes,
    mail_from: str,
    rcpt_tos: list[str],
    judged: Judged,
    columns: dict[str, Any],
    settings: GatewaySettings,
    now: datetime,
    message_id: str = "",
    trace: str = "",
) -> list[NewMessage]:
    """The message's row (bytes kept unless rejected; ``trace``: the gateway's Received: line, sent in front of
    them) and, when the sender must act, the notice to them: to the submitter (the envelope sender), never to
    whatever the From header names."""
    message_id = message_id or new_id()
    row = {
        "id": message_id,
        "trace": trace,
        "received_at": now,
        "updated_at": now,
        "mail_from": mail_from,
        "rcpt_to": list(rcpt_tos),
        "size": len(raw),
        **columns,
    }
    out = [NewMessage(row, None if row["state"] == "rejected" else raw)]
    to = mail_from
    if settings.notify_sender and row["state"] in ("waiting", "held") and usable_address(to):
        kind = "delayed" if row["state"] == "waiting" and row.get("deliver_after") else row["state"]
        data = notice(
            kind,
            to=to,
            from_addr=settings.notice_from,
            subject=row.get("subject", ""),
            # the sender's own signed link (``links``: expiring, single-use, checked against their login)
            link=settings.decision_link(message_id, to.strip().lower(), "confirm", row.get("expires_at"), now),
            reasons=row.get("reasons", []),
            deliver_after=row.get("deliver_after"),
            needs_approval=row["state"] == "held" and row.get("release_mode") == "approval",
            expires_at=row.get("expires_at"),
            tz=settings.timezone,
        )
        out.append(NewMessage.notice(to, settings.notice_from, f"notice for {message_id}", data, now))
    return out


class Handler:
    """aiosmtpd hooks: EHLO (announce PIPELINING; AUTH only when ``auth`` is on), MAIL (an authenticated client's
    senders) and DATA (judge, store, answer)."""

    def __init__(
        self,
        settings: GatewaySettings,
        spool: Spool,
        judge: Callable[[bytes, list[str], str], Awaitable[tuple[Judged, dict[str, Any]]]],
        on_queued: Callable[[], None],
        approvals: Callable[[dict[str, Any], datetime], list[NewMessage]] | None = None,
        on_stored: Callable[[dict[str, Any]], None] | None = None,
        instance: str = "",
    ) -> None:
        self.settings = settings
        self.instance = instance or settings.instance or "mamori"  # the marker of this gateway's Received: lines
        self.spool = spool
        self.judge = judge
        self.on_queued = on_queued
        self.approvals = approvals  # the approvers' notices of a row that needs approval (blocking: an executor)
        self.on_stored = on_stored  # told of each stored row (the approval webhook)

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]) -> list:
        session.host_name = hostname
        out = list(responses) if self.settings.auth != "off" else [r for r in responses if not r.startswith("250-AUTH")]
        out.insert(len(out) - 1, "250-PIPELINING")
        out.insert(len(out) - 1, "250-ENHANCEDSTATUSCODES")
        return out

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, mail_options: list[str]
                          ) -> str:
        account = _account(session)
        if account is not None and not account.may_send_as(address):
            log.warning("refused MAIL from SMTP account %s (%s): not one of its senders", account.name,
                        _peer_ip(session))  # (not the address: personal data)
            return "553 5.7.1 Sender address not allowed for this account"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw: bytes = envelope.original_content or b""
        mail_from = envelope.mail_from or ""
        if mail_from == "<>":
            mail_from = ""
        rcpt_tos = list(envelope.rcpt_tos)
        peer = _peer_ip(session)
        loop = loop_reason(raw, self.instance, self.settings.max_hops)
        if loop:  # refused while the client still has it: it bounces it (nothing accepted and dropped)
            log.warning("refused a message from %s: routing loop (%s)", peer, loop)
            return f"554 5.4.6 Routing loop detected: {loop}"
        try:
            judged, columns = await self.judge(raw, rcpt_tos, mail_from)
        except Exception as exc:  # even the fallback failed: let the MTA keep it and retry
            log.error("cannot judge a message: %s", type(exc).__name__)
            return "451 4.3.0 Temporary failure judging the message; try again later"
        now = utcnow()
        columns = {**columns, **plan(judged, self.settings, now, envelope_reason(mail_from, rcpt_tos))}
        columns["sender"] = storable(mail_from.lower()[:320])  # the owner is the submitter, whatever From says
        account = _account(session)
        if account is not None:
            columns["smtp_account"] = account.name  # who submitted it (the MAIL FROM was one of its senders)
        message_id = new_id()
        trace = received_line(helo=getattr(session, "host_name", None) or "", peer_ip=peer,
                              host=server.hostname, instance=self.instance, tls=session.ssl is not None,
                              esmtp=bool(session.extended_smtp), queue_id=message_id, when=now,
                              auth=account is not None)
        try:
            rows = rows_for(raw, storable(mail_from), [storable(a) for a in rcpt_tos], judged, columns, self.settings,
                            now, message_id, trace)
        except Exception as exc:  # never a 5xx for a message the policy would hold or pass: the MTA retries
            log.error("cannot queue a message: %s", type(exc).__name__)
            return "451 4.3.0 Temporary failure queueing the message; try again later"
        if self.approvals is not None and rows[0].columns.get("state") == "held":
            try:  # (the message stays held without them: a failure here never lets it through)
                rows += await asyncio.get_running_loop().run_in_executor(None, self.approvals, rows[0].columns, now)
            except Exception as exc:
                log.error("cannot write the approvers' notices of %s: %s", rows[0].id, type(exc).__name__)
        try:
            await self.spool.store(rows)
        except Exception:
            return "451 4.3.0 Temporary failure storing the message; try again later"
        row = rows[0].columns
        if self.on_stored is not None:
            self.on_stored(row)
        if row["state"] == "rejected":
            codes = " ".join(block_codes(row)) or "policy"
            log.info("rejected %s: %s", row["id"], codes)
            return f"550 5.7.1 Message refused by policy ({codes}); ポリシーにより送信できません"
        if row["state"] == "queued" or len(rows) > 1:
            self.on_queued()
        log.info("accepted %s: %s -> %s", row["id"], row["action"], row["state"])
        return f"250 2.0.0 Ok: queued as {row['id']}"


def _account(session: Any) -> SmtpAccountInfo | None:
    """The SMTP account the session authenticated as, or None."""
    data = getattr(session, "auth_data", None)
    return data if getattr(session, "authenticated", False) and isinstance(data, SmtpAccountInfo) else None


def _peer_ip(session: Any) -> str:
    peer = getattr(session, "peer", None)
    return str(peer[0]) if isinstance(peer, tuple) and peer else "unknown"


# a plain <local@domain> (dot-atoms, ASCII) as most MTAs send it; anything else goes to aiosmtpd's full parser
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(
    rf"<({_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>(?:[ \t]+([^ \t(].*)?)?", re.DOTALL
)


class GatewaySMTP(SMTP):
    """aiosmtpd's SMTP with the gateway's access rules (``allowed_clients``, ``require_tls``, ``auth``) and a fast
    path for plain addresses in MAIL FROM / RCPT TO (the same result, less CPU)."""

    def __init__(self, handler: Any, *, settings: GatewaySettings | None = None, auth_guard: AuthGuard | None = None,
                 implicit_tls: bool = False, **kw: Any) -> None:
        super().__init__(handler, **kw)
        self.gateway_settings = settings or GatewaySettings()
        # the listening socket does TLS itself (SMTPS): aiosmtpd knows only STARTTLS, so "encrypted" is ours to say
        self.implicit_tls = implicit_tls
        # AUTH is on only with a guard to check the logins (and a certificate: it is offered under TLS only)
        self.auth_guard = (auth_guard if self.gateway_settings.auth != "off" and (self.tls_context or implicit_tls)
                           else None)
        self._refusal_logged = False

    @property
    def encrypted(self) -> bool:
        """Whether this connection is under TLS: after STARTTLS, or from the start on the SMTPS listener."""
        return self._tls_protocol is not None or self.implicit_tls

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        if self.implicit_tls and self.session is not None and self.session.ssl is None:
            # what aiosmtpd records after STARTTLS (the Received: line says ESMTPS/ESMTPSA from it)
            self.session.ssl = {"ssl_object": transport.get_extra_info("ssl_object"),
                                "cipher": transport.get_extra_info("cipher")}

    async def _refused(self, *, before_auth: bool = False) -> bool:
        """True (after answering 554 5.7.1) when the client's address is not in ``allowed_clients`` and it did not
        authenticate; ``before_auth``: a command it needs on the way to AUTH (EHLO, STARTTLS, AUTH), open to any
        address while AUTH is on."""
        peer = _peer_ip(self.session)
        if self.gateway_settings.client_allowed(peer) or _account(self.session) is not None:
            return False
        if before_auth and self.auth_guard is not None:
            return False
        if not self._refusal_logged:  # once per connection, the address only
            self._refusal_logged = True
            log.warning("refused a client not in allowed_clients: %s", peer)
        await self.push("554 5.7.1 Client host not allowed to submit mail here")
        return True

    @syntax("HELO hostname")  # (aiosmtpd's HELP text)
    async def smtp_HELO(self, hostname: str) -> None:
        if not await self._refused(before_auth=True):
            await super().smtp_HELO(hostname)

    @syntax("EHLO hostname")  # (aiosmtpd's HELP text)
    async def smtp_EHLO(self, hostname: str) -> None:
        if not await self._refused(before_auth=True):
            await super().smtp_EHLO(hostname)

    @syntax("STARTTLS", when="tls_context")  # (aiosmtpd's HELP text)
    async def smtp_STARTTLS(self, arg: str) -> None:
        if not await self._refused(before_auth=True):
            await super().smtp_STARTTLS(arg)

    @syntax("AUTH <mechanism>")  # (aiosmtpd's HELP text)
    async def smtp_AUTH(self, arg: str) -> None:
        if await self._refused(before_auth=True):
            return
        if self.auth_guard is not None and self.encrypted and not self.session.authenticated:
            limited = await self.auth_guard.refuse_limited(_peer_ip(self.session))
            if limited:  # refused before the client may even send a password
                await self.push(limited)
                return
        await super().smtp_AUTH(arg)

    async def auth_PLAIN(self, _: Any, args: list[str]) -> AuthResult:
        return await self._checked(await super().auth_PLAIN(_, args))

    async def auth_LOGIN(self, _: Any, args: list[str]) -> AuthResult:
        return await self._checked(await super().auth_LOGIN(_, args))

    async def _checked(self, result: AuthResult) -> AuthResult:
        """aiosmtpd parsed the mechanism and ``capture`` kept the credentials: check them off the loop."""
        creds = result.auth_data
        if not isinstance(creds, Credentials) or self.auth_guard is None:
            return result  # (aiosmtpd answered already: an aborted or undecodable exchange)
        account, answer = await self.auth_guard.check(creds, _peer_ip(self.session))
        if account is None:
            return AuthResult(success=False, handled=False, message=answer)
        return AuthResult(success=True, auth_data=account, message=answer)

    @syntax("VRFY <address>")  # (aiosmtpd's HELP text)
    async def smtp_VRFY(self, arg: str) -> None:
        if not await self._refused():
            await super().smtp_VRFY(arg)

    @syntax("MAIL FROM: <address>", extended=" [SP <mail-parameters>]")  # (aiosmtpd's HELP text)
    async def smtp_MAIL(self, arg: str | None) -> None:
        if await self._refused(before_auth=True):
            return
        authenticated = _account(self.session) is not None
        allowed = self.gateway_settings.client_allowed(_peer_ip(self.session))
        need_auth = self.auth_guard is not None and not authenticated and (
            self.gateway_settings.auth == "required" or not allowed)
        if (self.gateway_settings.require_tls or need_auth) and not self.encrypted:
            await self.push("530 5.7.0 Must issue a STARTTLS command first")
            return
        if need_auth:
            if not self._refusal_logged:
                self._refusal_logged = True
                log.warning("refused MAIL without SMTP AUTH from %s", _peer_ip(self.session))
            await self.push("530 5.7.0 Authentication required")
            return
        await super().smtp_MAIL(arg)

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        m = _PLAIN_ADDRESS.fullmatch(arg)
        if m is None:
            return super()._getaddr(arg)
        addr = m.group(1)
        if self.local_part_limit and len(addr.rpartition("@")[0]) > self.local_part_limit:
            return None, None
        return addr, m.group(2) or ""


def server_tls(settings: GatewaySettings) -> ssl.SSLContext | None:
    """The listener's TLS context from ``tls_cert``/``tls_key`` (None without them; at least TLS 1.2)."""
    if not (settings.tls_cert and settings.tls_key):
        return None
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(str(settings.tls_cert), str(settings.tls_key))
    return tls


def smtp_factory(settings: GatewaySettings, handler: Handler, auth_guard: AuthGuard | None = None,
                 implicit_tls: bool = False) -> Callable[[], SMTP]:
    """A GatewaySMTP per connection; ``auth_guard`` (shared by all of them) when ``[gateway] auth`` is on;
    ``implicit_tls``: for the SMTPS listener, whose socket does the TLS (no STARTTLS offered there)."""
    tls = None if implicit_tls else server_tls(settings)

    def make() -> SMTP:
        return GatewaySMTP(
            handler,
            settings=settings,
            data_size_limit=settings.max_message_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname=settings.hostname or None,
            ident="mamori gateway",
            tls_context=tls,
            require_starttls=False,
            # AUTH is never offered or taken in clear text (on the SMTPS listener there is no clear text)
            auth_require_tls=not implicit_tls,
            implicit_tls=implicit_tls,
            authenticator=capture,
            auth_exclude_mechanism=[] if auth_guard is not None and settings.auth != "off" else ["LOGIN", "PLAIN"],
            auth_guard=auth_guard,
            loop=asyncio.get_running_loop(),
        )

    return make
