"""SMTP AUTH for the gateway: checking a login off the event loop, and a limit on failed attempts, shared by every
gateway of one database.

aiosmtpd parses PLAIN and LOGIN and calls its ``authenticator`` callback synchronously, on the event loop; argon2 is
slow on purpose (tens of milliseconds, 64 MiB), so ``capture`` (the callback) only hands the credentials back and
``AuthGuard.check`` verifies them in a small thread pool of its own (a flood of AUTH cannot take the threads the
gateway stores mail with). Failures are counted in the store (``smtp_auth_failures``: one atomic upsert per count),
per client address (an IPv6 client by its /64: one host holds a whole /64) and per account name (from any address):
``max_failures`` failures of one address, or ``max_account_failures`` of one account, within ``WINDOW`` seconds lock
it out for ``WINDOW`` seconds: answered 454 without its password being looked at, by this gateway and by every other
on the same database. Each failure is answered after ``FAILURE_DELAY`` seconds. A store that cannot be read is a
454 temporary failure (fail closed: no password is checked while the counts are unknown). Logged: the client's
address and the account name it gave, never a password.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword

from mamori.gateway.envelope import unusable_characters
from mamori.store.base import utcnow
from mamori.store.smtp_accounts import SmtpAccountInfo, authenticate, count_failure, forget_failures, locked

log = logging.getLogger("mamori.gateway")

WINDOW = 60.0  # seconds over which failures are counted, and the length of a lockout
FAILURE_DELAY = 1.0  # seconds before a 535 or 454 is answered (a password guesser gets few tries a minute)
OK = "235 2.7.0 Authentication successful"
INVALID = "535 5.7.8 Authentication credentials invalid"
LIMITED = "454 4.7.0 Too many failed authentication attempts; try again later"
UNAVAILABLE = "454 4.7.0 Temporary authentication failure; try again later"


@dataclass(frozen=True, slots=True)
class Credentials:
    """What the client sent (``repr`` never shows the password)."""

    mechanism: str
    login: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials({self.mechanism}, {self.login!r}, password=...)"


def capture(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    """aiosmtpd's ``authenticator``: not a decision, only the credentials, for ``GatewaySMTP`` to check off the loop
    (``success=False, handled=True``: aiosmtpd answers nothing itself and the session is not authenticated)."""
    creds = None
    if isinstance(auth_data, LoginPassword):
        creds = Credentials(mechanism, auth_data.login.decode("utf-8", "replace"),
                            auth_data.password.decode("utf-8", "replace"))
    return AuthResult(success=False, handled=True, auth_data=creds)


def loggable(name: str) -> str:
    """The account name as a client typed it, safe for one log line (no control characters, at most 64)."""
    name = name[:64]
    return repr(name) if unusable_characters(name) or not name.isprintable() else name


def client_key(peer: str) -> str:
    """The failure count's key of a client address: ``ip:192.0.2.1``; an IPv6 address by its /64."""
    try:
        ip = ipaddress.ip_address(peer)
    except ValueError:
        return f"ip:{peer[:64]}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"ip:{ip.ipv4_mapped}"
        return f"ip:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"ip:{ip}"


def account_key(login: str) -> str:
    """The failure count's key of an account name as the client gave it (lower-cased, at most 64 characters)."""
    return f"account:{login.strip().lower()[:64]}"


class AuthGuard:
    """Shared by every connection of one listener: the hashing threads; the failure counts are in the store."""

    def __init__(self, db: Any, max_failures: int = 5, workers: int = 2, max_account_failures: int = 20,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.max_failures = max_failures
        self.max_account_failures = max_account_failures  # 0: no limit per account
        self.clock = clock
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="mamori-auth")
        self._pruned = float("-inf")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _keys(self, peer: str, login: str | None) -> list[str]:
        keys = [client_key(peer)]
        if login is not None and self.max_account_failures:
            keys.append(account_key(login))
        return keys

    def limited(self, peer: str, login: str | None = None) -> list[str]:
        """Which of the client's and the account's keys are locked out now (blocking: a store query)."""
        return locked(self.db, self._keys(peer, login), self.clock())

    def _failed(self, peer: str, login: str) -> None:
        """Count the failure of ``peer`` and of the account name (blocking: the store)."""
        now = self.clock()
        window = timedelta(seconds=WINDOW)
        count_failure(self.db, client_key(peer), now, window, self.max_failures)
        if self.max_account_failures:
            count_failure(self.db, account_key(login), now, window, self.max_account_failures)
        if time.monotonic() - self._pruned >= WINDOW:  # rows whose window and lockout are over: nothing to keep
            self._pruned = time.monotonic()
            forget_failures(self.db, now, window)

    async def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    async def refuse_limited(self, peer: str, login: str | None = None) -> str | None:
        """The 454 answer (after the delay) when ``peer`` or the account is locked out, or the store cannot say;
        else None."""
        try:
            keys = await self._run(self.limited, peer, login)
        except Exception as exc:  # fail closed: no password is looked at while the counts cannot be read
            log.error("SMTP AUTH: cannot read the failure counts: %s", type(exc).__name__)
            await asyncio.sleep(FAILURE_DELAY)
            return UNAVAILABLE
        if not keys:
            return None
        if any(k.startswith("ip:") for k in keys):
            log.warning("SMTP AUTH refused: too many failures from %s", peer)
        else:
            log.warning("SMTP AUTH refused from %s: too many failures for account %s", peer, loggable(login or ""))
        await asyncio.sleep(FAILURE_DELAY)
        return LIMITED

    async def check(self, creds: Credentials, peer: str) -> tuple[SmtpAccountInfo | None, str]:
        """The account and the answer to send: 235, or 535/454 after the delay (the failure counted)."""
        limited = await self.refuse_limited(peer, creds.login)  # (failures on other connections and gateways)
        if limited:
            return None, limited
        try:
            account, why = await self._run(authenticate, self.db, creds.login, creds.password)
        except Exception as exc:  # the store is away: not the client's fault, and not a failure to count
            log.error("SMTP AUTH: cannot check an account: %s", type(exc).__name__)
            return None, UNAVAILABLE
        if account is not None:
            log.info("SMTP AUTH %s as %s from %s", creds.mechanism, account.name, peer)
            return account, OK
        try:
            await self._run(self._failed, peer, creds.login)
        except Exception as exc:  # still a failure for this client: 535 all the same
            log.error("SMTP AUTH: cannot count a failure: %s", type(exc).__name__)
        log.warning("SMTP AUTH failed from %s for account %s (%s)", peer, loggable(creds.login), why)
        await asyncio.sleep(FAILURE_DELAY)
        return None, INVALID
