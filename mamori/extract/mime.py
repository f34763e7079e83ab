"""E-mail messages (.eml, MIME): headers decoded into structured data, bodies and attachments extracted.

Handles every charset Japanese mail uses (ISO-2022-JP and its Microsoft extensions, Shift_JIS/CP932, EUC-JP,
UTF-8), quoted-printable and base64, RFC 2047 encoded words, RFC 2231 parameters, raw 8-bit headers, and nested
message/rfc822 parts. Of a multipart/alternative only one version (plain text if present) is read.
"""

from __future__ import annotations

import email
import email.header
import email.utils
import re
from dataclasses import replace
from email.message import Message

from mamori.extract.charset import decode, guess
from mamori.extract.context import Context, Stop
from mamori.extract.text import html_to_text
from mamori.extract.units import HEADER, Address, Attachment, Location, MessageInfo

_FOLD = re.compile(r"\r?\n[ \t]+")
_SIGNATURES = frozenset({"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"})
_ADDRESS_FIELDS = ("from", "to", "cc", "bcc", "reply-to")


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def decode_header_value(raw: object) -> str:
    """Decode a raw header value: RFC 2047 encoded words in any charset, and raw 8-bit bytes (guessed)."""
    if isinstance(raw, email.header.Header):
        raw = str(raw)
    if not isinstance(raw, str):
        return ""
    value = _FOLD.sub(" ", raw).strip()
    if _has_surrogates(value):
        value = guess(value.encode("ascii", "surrogateescape"))[0]
    if "=?" not in value:
        return value
    try:
        chunks = email.header.decode_header(value)
    except (email.errors.HeaderParseError, ValueError, LookupError, UnicodeError):
        return value
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        else:
            out.append(decode(chunk, charset)[0] if charset else guess(chunk)[0])
    return "".join(out)


def _addresses(raw_values: list[str]) -> tuple[Address, ...]:
    values = []
    for raw in raw_values:
        value = _FOLD.sub(" ", raw) if isinstance(raw, str) else str(raw)
        if _has_surrogates(value):
            value = guess(value.encode("ascii", "surrogateescape"))[0]
        values.append(value)
    out = []
    try:
        pairs = email.utils.getaddresses(values)
    except Exception:  # a malformed list must not stop the message
        pairs = [("", v) for v in values]
    for name, addr in pairs:
        if name or addr:
            out.append(Address(decode_header_value(name), addr.strip()))
    return tuple(out)


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        return None
    if isinstance(name, tuple):  # an undecoded RFC 2231 triple
        name = email.utils.collapse_rfc2231_value(name)
    if not isinstance(name, str) or not name:
        return None
    return decode_header_value(name).replace("\x00", "") or None


def _charset(part: Message) -> str | None:
    try:
        value = part.get_param("charset")
    except Exception:
        return None
    if isinstance(value, tuple):
        value = email.utils.collapse_rfc2231_value(value)
    return value if isinstance(value, str) else None


def read_eml(ctx: Context, data: bytes, location: Location) -> MessageInfo:
    try:
        msg = email.message_from_bytes(data)
    except Exception as exc:  # the parser is lenient; this is a last line of defence
        ctx.issue("corrupt", f"unreadable message ({type(exc).__name__})", location)
        return MessageInfo()
    return read_message(ctx, msg, location)


def read_message(ctx: Context, msg: Message, location: Location) -> MessageInfo:
    """Headers into MessageInfo (and HEADER units), then the body parts and attachments."""
    raw: dict[str, list[str]] = {}
    try:
        for name, value in msg.raw_items():
            raw.setdefault(name.lower(), []).append(value)
    except Exception:
        ctx.issue("corrupt", "unreadable message headers", location)
    subject = decode_header_value(raw.get("subject", [""])[0])
    addresses = {f: _addresses(raw.get(f, [])) for f in _ADDRESS_FIELDS}
    ctx.add_text(subject, replace(location, field="subject"), HEADER)
    for f in _ADDRESS_FIELDS:
        for a in addresses[f]:
            ctx.add_text(f"{a.name} <{a.address}>" if a.name else a.address, replace(location, field=f), HEADER)
    attachments: list[Attachment] = []
    try:
        _walk(ctx, msg, "1" if not msg.is_multipart() else "", location, attachments)
    except Stop:
        raise
    except RecursionError:
        ctx.issue("depth", "MIME structure nested too deeply", location)
    except Exception as exc:
        ctx.issue("corrupt", f"broken MIME structure ({type(exc).__name__})", location)
    return MessageInfo(
        subject=subject,
        sender=addresses["from"],
        to=addresses["to"],
        cc=addresses["cc"],
        bcc=addresses["bcc"],
        reply_to=addresses["reply-to"],
        date=decode_header_value(raw.get("date", [""])[0]),
        message_id=decode_header_value(raw.get("message-id", [""])[0]),
        attachments=tuple(attachments),
    )


def _walk(ctx: Context, part: Message, number: str, location: Location, attachments: list[Attachment]) -> None:
    ctx.check(location)
    ctype = part.get_content_type()
    part_loc = replace(location, part=number or "1")
    if ctype in _SIGNATURES:
        return
    if ctype == "multipart/encrypted" or (
        ctype in ("application/pkcs7-mime", "application/x-pkcs7-mime")
        and "signed" not in str(part.get_param("smime-type") or "").lower()
    ):
        ctx.issue("encrypted", "encrypted message part (S/MIME or PGP); not inspected", part_loc)
        return
    if part.is_multipart() and ctype != "message/rfc822":
        children = part.get_payload()
        if not isinstance(children, list):
            return
        if ctype == "multipart/alternative" and len(children) > 1:
            plain = [i for i, c in enumerate(children) if c.get_content_type() == "text/plain"]
            keep = plain[0] if plain else len(children) - 1
            children_numbered = [(keep, children[keep])]
        else:
            children_numbered = list(enumerate(children))
        for i, child in children_numbered:
            if not isinstance(child, Message):
                continue
            _walk(ctx, child, f"{number}.{i + 1}" if number else str(i + 1), location, attachments)
        return
    filename = _filename(part)
    disposition = (part.get_content_disposition() or "").lower()
    if ctype == "message/rfc822":
        _attached_message(ctx, part, number, filename, location, attachments)
        return
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = b""
    if ctype in ("text/plain", "text/html") and not filename and disposition != "attachment":
        text, _codec, exact = decode(payload, _charset(part))
        if not exact:
            ctx.issue("encoding", "some bytes of the body could not be decoded", part_loc)
        ctx.add_text(html_to_text(text) if ctype == "text/html" else text, replace(part_loc, field="body"))
        return
    display = filename or f"part-{number or '1'}"
    name = _unique(display, attachments)
    path = (*location.path, name)
    attach_loc = Location(path=path)
    index = len(attachments)
    attachments.append(Attachment(display, ctype, len(payload), path))
    if not ctx.take_member(attach_loc):
        return
    if filename:
        ctx.add_name(filename, attach_loc)
    inner = ctx.child(payload, display, ctype, path)
    if inner is not None:  # a message attached as a file (.eml, .msg)
        attachments[index] = replace(attachments[index], message=inner)


def _attached_message(
    ctx: Context, part: Message, number: str, filename: str | None, location: Location, attachments: list[Attachment]
) -> None:
    inner = part.get_payload()
    if isinstance(inner, list) and inner and isinstance(inner[0], Message):
        inner_msg: Message | None = inner[0]
    else:
        payload = part.get_payload(decode=True)
        inner_msg = email.message_from_bytes(payload) if isinstance(payload, bytes) and payload else None
    if inner_msg is None:
        return
    name = filename or decode_header_value(inner_msg.get("subject", "")) or f"message-{number or '1'}"
    name = _unique(name if name.lower().endswith((".eml", ".msg")) else f"{name}.eml", attachments)
    path = (*location.path, name)
    inner_loc = Location(path=path)
    if not ctx.take_member(inner_loc):
        return
    if ctx.depth + 1 > ctx.limits.max_depth:
        ctx.issue("depth", f"nested deeper than {ctx.limits.max_depth} levels; not inspected", inner_loc)
        attachments.append(Attachment(name, "message/rfc822", 0, path))
        return
    ctx.depth += 1
    try:
        info = read_message(ctx, inner_msg, inner_loc)
    finally:
        ctx.depth -= 1
    attachments.append(Attachment(name, "message/rfc822", 0, path, info))


def _unique(name: str, attachments: list[Attachment]) -> str:
    """Two attachments with one name get distinct paths: "a.pdf", "a.pdf#2"."""
    used = {a.path[-1] for a in attachments if a.path}
    if name not in used:
        return name
    n = 2
    while f"{name}#{n}" in used:
        n += 1
    return f"{name}#{n}"
