"""The approval webhook: a small JSON POST to ``[web] approval_webhook`` when a message starts waiting for approval.

The body names the message id, its reason codes, the link to its page (which needs a login and the approval
rules) and when it expires; never an address, a subject, a name or any text of the mail:

    {"event": "approval_needed", "message_id": "...", "reasons": ["bulk_pii"],
     "link": "https://mamori.example/messages/...", "expires_at": "2026-12-10T09:00:00+00:00"}

Posted from a thread after the message is stored (its 250 does not wait for it), tried up to ``TRIES`` times with
a short pause; a failure is logged with the HTTP status or the error type only. The approvers' notice mail is the
durable channel; the webhook is a convenience (a chat room, say).
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from datetime import datetime
from typing import Any

log = logging.getLogger("mamori.gateway")

TRIES = 3
TIMEOUT = 10.0


def payload(message_id: str, reasons: list[dict[str, Any]], link: str, expires_at: datetime | None) -> bytes:
    codes = list(dict.fromkeys(str(r.get("code", "")) for r in reasons if isinstance(r, dict) and r.get("code")))
    body = {
        "event": "approval_needed",
        "message_id": message_id,
        "reasons": codes,
        "link": link,
        "expires_at": expires_at.isoformat() if expires_at else None,
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def post(url: str, body: bytes, *, tries: int = TRIES, pause: float = 2.0, timeout: float = TIMEOUT) -> bool:
    """POST ``body`` as JSON; True once a 2xx answer came back. Never raises."""
    for attempt in range(1, tries + 1):
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "mamori-gateway"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                if 200 <= answer.status < 300:
                    return True
                problem = f"HTTP {answer.status}"
        except urllib.error.HTTPError as exc:
            problem = f"HTTP {exc.code}"
        except Exception as exc:  # connection refused, timeout, TLS: name the kind only
            problem = type(exc).__name__
        log.warning("approval webhook: attempt %d of %d failed (%s)", attempt, tries, problem)
        if attempt < tries:
            time.sleep(pause)
    return False
