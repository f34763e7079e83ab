"""The gateway's trace line and loop guard: the ``Received:`` line it adds, and the hops it counts on intake.

Each accepted message gets one ``Received:`` line (RFC 5321 4.4), made when it is received and stored with its row
(``mail_messages.trace``; the stored bytes stay as received), put in front of the bytes on every delivery::

    Received: from client.example ([192.0.2.10])
    \tby mamori.example (mamori gw1) with ESMTPS id 3f2a...;
    \tMon, 07 Dec 2026 04:30:00 +0000

A prepended header changes no DKIM signature (a signature covers only the fields it names, found from the bottom).
The comment ``(mamori <instance>)`` is this gateway's marker. On intake (``loop_reason``) a message is refused at
SMTP time (554 5.4.6, so the client still has it and bounces or retries it, nothing is accepted and dropped):

* when its header already has more than ``[gateway] max_hops`` ``Received:`` lines (a loop through other MTAs);
* when it already carries this instance's marker twice (``OWN_PASSES``): it passed this gateway twice and comes
  a third time. One earlier pass is allowed: a recipient's forward back into the organisation keeps the trace
  lines, and that mail may go out through the gateway again. A loop that only goes through the gateway and MTAs
  adding no lines of their own is stopped on the third pass; any other loop by the hop count.

A sender can write the marker into a message (only their own message is then refused): the marker is a loop
guard, not an authentication.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime
from email.utils import format_datetime

from mamori.gateway.edits import split_header

OWN_PASSES = 2  # a message carrying this gateway's marker that many times is refused (its third pass)

_RECEIVED = re.compile(rb"^received[ \t]*:", re.IGNORECASE)
_HELO_UNSAFE = re.compile(r"[^A-Za-z0-9.\-_:\[\]]")


def marker(instance: str) -> str:
    return f"(mamori {instance})"


def _ip_literal(address: str) -> str:
    """``[192.0.2.1]`` or ``[IPv6:2001:db8::1]`` (RFC 5321 4.1.3); an IPv4 client of a dual-stack listener as IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "[unknown]"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is None:
            return f"[IPv6:{ip.compressed}]"
        ip = ip.ipv4_mapped
    return f"[{ip}]"


def received_line(*, helo: str, peer_ip: str, host: str, instance: str, tls: bool, esmtp: bool, queue_id: str,
                  when: datetime, auth: bool = False) -> str:
    """The ``Received:`` field (CRLF-folded, CRLF-terminated). The HELO name is the client's word: characters that
    do not belong in a domain or address literal become ``?`` (no comment or line break can be smuggled in)."""
    name = _HELO_UNSAFE.sub("?", helo.strip())[:255] or "unknown"
    with_ = ("ESMTP" if esmtp else "SMTP") + ("S" if tls else "") + ("A" if auth and esmtp else "")  # RFC 3848
    return (f"Received: from {name} ({_ip_literal(peer_ip)})\r\n"
            f"\tby {host} {marker(instance)} with {with_} id {queue_id};\r\n"
            f"\t{format_datetime(when)}\r\n")


def _received_fields(raw: bytes) -> list[bytes]:
    """The header's ``Received:`` fields, each unfolded (continuation lines joined)."""
    fields: list[bytes | None] = []  # None: a field of another name
    for line in split_header(raw)[0].splitlines():
        last = fields[-1] if fields else None
        if line[:1] in (b" ", b"\t"):
            if last is not None:
                fields[-1] = last + b" " + line.strip()
            continue
        fields.append(line if _RECEIVED.match(line) else None)
    return [f for f in fields if f is not None]


def loop_reason(raw: bytes, instance: str, max_hops: int) -> str:
    """Why the message must be refused as a loop ("" when it may be taken): too many hops, or its third pass."""
    fields = _received_fields(raw)
    if len(fields) > max_hops:
        return f"too many hops ({len(fields)} Received lines, at most {max_hops})"
    mark = marker(instance).encode()
    passes = sum(mark in f for f in fields)
    if passes >= OWN_PASSES:
        return f"already passed this gateway {passes} times"
    return ""
