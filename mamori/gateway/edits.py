"""The only edits the gateway makes to a message's bytes: Bcc conversion and leaving out dropped recipients.

Everything else passes unchanged. ``to_bcc`` replaces the To header by ``To: undisclosed-recipients:;`` and removes
Cc (folded lines included); the body and every other header keep their exact bytes. The envelope is not touched,
so every recipient still gets the message, but none sees the others. A DKIM signature covering To/Cc no longer
verifies after either edit; that is inherent (sign after the gateway when these edits are used).

``drop_recipients`` removes the addresses a sender or approver left out ("send to the others without this
recipient") from To, Cc and Bcc: only the fields that name one of them change, and in those only the dropped
mailboxes (with one separating comma) go; the other mailboxes keep their exact bytes (display names, encoded words,
comments, folding), a group keeps its name (``Team:;`` when every member was dropped), a field left empty is
removed. The addresses are read with ``email.utils.parseaddr`` after the field is split at its top-level commas
(outside quoted strings, comments, angle brackets; a group's members one by one).
"""

from __future__ import annotations

import re
from email.utils import parseaddr

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


_RECIPIENT_FIELDS = (b"to", b"cc", b"bcc")
MAX_LINE = 998  # RFC 5322: a longer line is re-folded (one element per line)


def _split_top(value: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Spans of the comma-separated elements of ``value[start:end]`` (each trimmed of white space), stopping at a
    top-level ``;`` (a group's end); returns (spans, where it stopped). Groups (``name: a, b;``) are one element."""
    spans: list[tuple[int, int]] = []
    i, elem_start, depth_comment, in_quote, angle = start, start, 0, False, 0
    in_group = False
    while i < end:
        ch = value[i]
        if in_quote:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_quote = False
        elif depth_comment:
            if ch == "\\":
                i += 1
            elif ch == "(":
                depth_comment += 1
            elif ch == ")":
                depth_comment -= 1
        elif ch == '"':
            in_quote = True
        elif ch == "(":
            depth_comment = 1
        elif ch == "<":
            angle += 1
        elif ch == ">":
            angle = max(0, angle - 1)
        elif angle:
            pass
        elif ch == ":" and not in_group:
            in_group = True
        elif ch == ";" and in_group:
            in_group = False
        elif ch == ";":
            break
        elif ch == "," and not in_group:
            spans.append(_trim(value, elem_start, i))
            elem_start = i + 1
        i += 1
    spans.append(_trim(value, elem_start, min(i, end)))
    return [s for s in spans if s[0] < s[1]], i


def _trim(value: str, a: int, b: int) -> tuple[int, int]:
    while a < b and value[a] in " \t\r\n":
        a += 1
    while b > a and value[b - 1] in " \t\r\n":
        b -= 1
    return a, b


def _rejoin(value: str, spans: list[tuple[int, int]], keep: list[bool], edit: list[str | None]) -> str:
    """The text from the first element to the last with the dropped elements (and one comma each) left out; each
    kept element is followed by the separator that preceded the next kept one in the original."""
    kept = [k for k, ok in enumerate(keep) if ok]
    out: list[str] = []
    for j, k in enumerate(kept):
        if j:
            prev = kept[j] - 1
            out.append(value[spans[prev][1] : spans[k][0]])  # the comma and folding right before element k
        out.append(edit[k] if edit[k] is not None else value[spans[k][0] : spans[k][1]])
    return "".join(out)


def _mailbox_dropped(text: str, dropped: frozenset[str]) -> bool:
    address = parseaddr(text)[1].strip().lower()
    if address:
        return address in dropped
    low = text.lower()  # not readable as a mailbox: drop it when it spells out a dropped address anyway
    return any(d in low for d in dropped)


def _edit_group(element: str, dropped: frozenset[str]) -> str | None:
    """A group with its dropped members left out (``None``: unchanged)."""
    colon = _group_colon(element)
    members, _ = _split_top(element, colon + 1, len(element))
    keep = [not _mailbox_dropped(element[a:b], dropped) for a, b in members]
    if all(keep):
        return None
    inner = _rejoin(element, members, keep, [None] * len(members))
    name = element[: colon + 1]
    return f"{name} {inner};" if inner else f"{name};"


def _group_colon(element: str) -> int:
    in_quote = False
    depth = 0
    for i, ch in enumerate(element):
        if in_quote:
            in_quote = ch != '"' or element[i - 1] == "\\"
        elif depth:
            depth += {"(": 1, ")": -1}.get(ch, 0)
        elif ch == '"':
            in_quote = True
        elif ch == "(":
            depth = 1
        elif ch == "<":
            return -1
        elif ch == ":":
            return i
    return -1


def _edit_value(value: str, dropped: frozenset[str]) -> str | None:
    """The field's value without the dropped mailboxes; None when nothing in it is dropped, "" when nothing is left."""
    spans, _ = _split_top(value, 0, len(value))
    keep: list[bool] = []
    edit: list[str | None] = []
    for a, b in spans:
        element = value[a:b]
        if _group_colon(element) >= 0:
            changed = _edit_group(element, dropped)
            keep.append(True)
            edit.append(changed)
        else:
            keep.append(not _mailbox_dropped(element, dropped))
            edit.append(None)
    if all(keep) and all(e is None for e in edit):
        return None
    if not any(keep):
        return ""
    lead = value[: spans[0][0]]
    tail = value[spans[-1][1] :]  # white space and the line end (the trim takes white space only)
    return lead + _rejoin(value, spans, keep, edit) + tail


def drop_recipients(raw: bytes, dropped: list[str] | tuple[str, ...]) -> bytes:
    """``raw`` with ``dropped`` addresses removed from To, Cc and Bcc (see the module's text); the body and every
    other header keep their exact bytes."""
    gone = frozenset(a.strip().lower() for a in dropped if a.strip())
    if not gone:
        return raw
    header, blank, body = split_header(raw)
    eol = b"\r\n" if b"\r\n" in header else b"\n"
    out: list[bytes] = []
    for f in _fields(header):
        m = _NAME.match(f)
        name = m.group(1).lower() if m else b""
        if name not in _RECIPIENT_FIELDS or m is None:
            out.append(f)
            continue
        value = f[m.end() :].decode("utf-8", "surrogateescape")
        changed = _edit_value(value, gone)
        if changed is None:
            out.append(f)
            continue
        if changed == "":
            continue  # every address of the field was dropped: the field goes
        line = f[: m.end()] + changed.encode("utf-8", "surrogateescape")
        if not line.endswith((b"\n",)):
            line += eol
        if any(len(x) > MAX_LINE for x in line.splitlines()):
            line = _refold(f[: m.end()], changed, eol)
        out.append(line)
    return b"".join(out) + blank + body


def _refold(name: bytes, value: str, eol: bytes) -> bytes:
    """A field whose joined lines grew too long: one element per line (the elements' own bytes unchanged)."""
    spans, _ = _split_top(value, 0, len(value))
    parts = [value[a:b].encode("utf-8", "surrogateescape") for a, b in spans]
    return name + b" " + (b"," + eol + b" ").join(parts) + eol
