"""SMTP AUTH for the gateway: checking a login off the event loop, and a limit on failed attempts per client address.

aiosmtpd parses PLAIN and LOGIN and calls its ``authenticator`` callback synchronously, on the event loop; argon2 is
slow on purpose (tens of milliseconds, 64 MiB), so ``capture`` (the callback) only hands the credentials back and
``AuthGuard.check`` verifies them in a small thread pool of its own (a flood of AUTH cannot take the threads the
gateway stores mail with). A client address with ``max_failures`` failures in the last ``WINDOW`` seconds is answered
454 without its password being looked at, until the oldest failure is that old; each failure is answered after
``FAILURE_DELAY`` seconds. Logged: the client's address and the account name it gave, never a password.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword

from mamori.gateway.envelope import unusable_characters
from mamori.store.smtp_accounts import SmtpAccountInfo, authenticate

log = logging.getLogger("mamori.gateway")

WINDOW = 60.0  # seconds over which failures are counted
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


class AuthGuard:
    """Shared by every connection of one listener: the failure counts per client address and the hashing threads."""

    def __init__(self, db: Any, max_failures: int = 5, workers: int = 2) -> None:
        self.db = db
        self.max_failures = max_failures
        self._failures: dict[str, deque[float]] = {}
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="mamori-auth")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _recent(self, peer: str, now: float) -> deque[float]:
        times = self._failures.get(peer)
        if times is None:
            return deque()
        while times and now - times[0] >= WINDOW:
            times.popleft()
        if not times:
            del self._failures[peer]
        return times

    def limited(self, peer: str) -> bool:
        """Whether ``peer`` has used up its failures of the last minute."""
        return len(self._recent(peer, time.monotonic())) >= self.max_failures

    def _failed(self, peer: str) -> None:
        now = time.monotonic()
        self._recent(peer, now)
        self._failures.setdefault(peer, deque()).append(now)
        if len(self._failures) > 10_000:  # many addresses: forget the ones with no recent failure
            for p in [p for p, t in self._failures.items() if not t or now - t[-1] >= WINDOW]:
                del self._failures[p]

    async def refuse_limited(self, peer: str) -> str | None:
        """The 454 answer (after the delay) when ``peer`` is over the limit, else None."""
        if not self.limited(peer):
            return None
        log.warning("SMTP AUTH refused: too many failures from %s", peer)
        await asyncio.sleep(FAILURE_DELAY)
        return LIMITED

    async def check(self, creds: Credentials, peer: str) -> tuple[SmtpAccountInfo | None, str]:
        """The account and the answer to send: 235, or 535/454 after the delay (the failure counted)."""
        limited = await self.refuse_limited(peer)  # (a pipelining client may have failed on another connection)
        if limited:
            return None, limited
        try:
            account, why = await asyncio.get_running_loop().run_in_executor(
                self._pool, authenticate, self.db, creds.login, creds.password)
        except Exception as exc:  # the store is away: not the client's fault, and not a failure to count
            log.error("SMTP AUTH: cannot check an account: %s", type(exc).__name__)
            return None, UNAVAILABLE
        if account is not None:
            log.info("SMTP AUTH %s as %s from %s", creds.mechanism, account.name, peer)
            return account, OK
        self._failed(peer)
        log.warning("SMTP AUTH failed from %s for account %s (%s)", peer, loggable(creds.login), why)
        await asyncio.sleep(FAILURE_DELAY)
        return None, INVALID
