"""The only edits the gateway makes to a message's bytes: Bcc conversion. Everything else passes unchanged.

``to_bcc`` replaces the To header by ``To: undisclosed-recipients:;`` and removes Cc (folded lines included); the
body and every other header keep their exact bytes. The envelope is not touched, so every recipient still gets
the message, but none sees the others. A DKIM signature covering To/Cc no longer verifies after this edit; that
is inherent to the conversion (sign after the gateway when Bcc conversion is used).
"""

from __future__ import annotations

import re

UNDISCLOSED = b"To: undisclosed-recipients:;"
_NAME = re.compile(rb"^([!-9;-~]+)[ \t]*:")


def split_header(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """(header block, the blank line separating it, body) — joined again they give ``raw`` exactly."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep)
        if at >= 0:
            other = b"\n\n" if sep == b"\r\n\r\n" else b"\r\n\r\n"
            at_other = raw.find(other)
            if at_other >= 0 and at_other < at:
                continue
            return raw[: at + len(sep) // 2], raw[at + len(sep) // 2 : at + len(sep)], raw[at + len(sep) :]
    return raw, b"", b""


def _fields(header: bytes) -> list[bytes]:
    """Header fields, each with its folded continuation lines and line endings."""
    lines = header.splitlines(keepends=True)
    fields: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        else:
            fields.append(line)
    return fields


def to_bcc(raw: bytes) -> bytes:
    """The message with its visible recipient list hidden (To → undisclosed-recipients, Cc removed)."""
    header, blank, body = split_header(raw)
    eol = b"\r\n" if header.endswith(b"\r\n") or b"\r\n" in header else b"\n"
    out: list[bytes] = []
    replaced = False
    for f in _fields(header):
        m = _NAME.match(f)
        name = m.group(1).lower() if m else b""
        if name == b"to":
            if not replaced:
                out.append(UNDISCLOSED + eol)
                replaced = True
            continue
        if name == b"cc":
            continue
        out.append(f)
    if not replaced:
        out.append(UNDISCLOSED + eol)
    return b"".join(out) + blank + body
