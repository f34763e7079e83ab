"""E-mail (.eml) with the stdlib ``email`` package: bodies, subject and display names masked, structure kept.

text/plain and text/html bodies are masked in their own charset and transfer encoding (HTML: text nodes only).
The subject and the display names of From, To, Cc, Bcc, Reply-To and Sender are masked; the addresses themselves
and every other header (Received, DKIM-Signature, Message-ID...) are kept verbatim. Attachments of a supported kind
(and attached messages) are redacted recursively; the others are kept and listed as not redacted.
"""

from __future__ import annotations

import email
import email.base64mime
import email.utils
import quopri
import re
from collections.abc import Callable
from email import policy
from email.message import EmailMessage, Message

from mamori.extract.charset import codec_name, guess
from mamori.extract.mime import decode_header_value
from mamori.redaction.core import Masker, RedactionError, replacement
from mamori.redaction.html import redact_html
from mamori.redaction.text import decode_exact

Nested = Callable[[bytes, str, str], bytes | None]  # (data, filename, content type) -> redacted data or None

_ADDRESS_HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc")
# MIME parts inside parts (attached messages count as a level). Real mail rarely goes past 10; the stdlib parser
# and generator recurse once or more per level, so a hostile 500-deep message would end in RecursionError.
MAX_MIME_DEPTH = 50
_FOLD = re.compile(r"\r?\n[ \t]+")


def _subject(msg: Message, masker: Masker) -> None:
    raw = msg.get("Subject")
    if raw is None:
        return
    values = [v for k, v in msg.raw_items() if k.lower() == "subject"]
    text = decode_header_value(values[0] if values else str(raw))
    masked = masker.mask(text)
    if masked != text:
        msg.replace_header("Subject", masked)


def _addresses(msg: Message, masker: Masker) -> None:
    if not masker.wants("PERSON"):
        return
    raw_items = list(msg.raw_items())
    for header in _ADDRESS_HEADERS:
        values = [v for k, v in raw_items if k.lower() == header.lower()]
        if not values:
            continue
        value = _FOLD.sub(" ", str(values[0]))
        pairs = email.utils.getaddresses([value])
        if not any(name for name, _ in pairs):
            continue
        out = []
        for name, address in pairs:
            name = decode_header_value(name)
            if name.strip():
                masker.counts["PERSON"] += 1
                name = replacement("PERSON", name, masker.style)
            out.append(email.utils.formataddr((name, address), charset="utf-8"))
        msg.replace_header(header, ", ".join(out))


def _write_body(part: Message, data: bytes) -> None:
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if cte == "base64":
        payload = email.base64mime.body_encode(data)
    elif cte == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii")
    else:
        payload = data.decode("ascii", "surrogateescape")
    part.set_payload(payload)


def _set_cte(part: Message, cte: str) -> None:
    if "Content-Transfer-Encoding" in part:
        part.replace_header("Content-Transfer-Encoding", cte)
    else:
        part["Content-Transfer-Encoding"] = cte


def _body(part: Message, masker: Masker, is_html: bool) -> None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return
    label = part.get_param("charset")
    label = email.utils.collapse_rfc2231_value(label) if isinstance(label, tuple) else label
    try:
        text, codec = decode_exact(payload, label if isinstance(label, str) else None)
    except RedactionError:
        text, codec = guess(payload)[0], "utf_8"
    masked = redact_html(text, masker) if is_html else masker.mask(text)
    if masked == text:
        return
    try:
        data = masked.encode(codec)
    except (UnicodeEncodeError, LookupError):
        data, codec = masked.encode("utf-8"), "utf_8"
    if codec == "utf_8" and codec_name(label if isinstance(label, str) else None) != "utf_8" and not data.isascii():
        part.set_param("charset", "utf-8")
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if cte in ("7bit", "") and not data.isascii():
        _set_cte(part, "quoted-printable")
    _write_body(part, data)


def _attachment(part: Message, number: str, masker: Masker, nested: Nested) -> None:
    filename = part.get_filename() or ""
    ctype = part.get_content_type()
    kind = f"attachment {number} ({ctype})"
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        masker.skip(f"{kind}: not redacted (unreadable)")
        return
    try:
        result = nested(payload, filename, ctype)
    except RedactionError as exc:
        masker.skip(f"{kind}: not redacted ({exc})")
        return
    if result is None:
        masker.skip(f"{kind}: not redacted (unsupported type)")
        return
    if filename:
        masked_name = masker.mask(filename)
        if masked_name != filename:
            if part.get_param("filename", header="content-disposition") is not None:
                part.set_param("filename", masked_name, header="Content-Disposition", charset="utf-8")
            if part.get_param("name") is not None:
                part.set_param("name", masked_name, charset="utf-8")
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if cte not in ("base64", "quoted-printable") and not result.isascii():
        _set_cte(part, "base64")
    _write_body(part, result)


def _walk(part: Message, masker: Masker, nested: Nested, number: str) -> None:
    ctype = part.get_content_type()
    if ctype == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            redact_message(inner[0], masker, nested)
        return
    if part.is_multipart():
        children = part.get_payload()
        for i, child in enumerate(children if isinstance(children, list) else []):
            if isinstance(child, Message):
                _walk(child, masker, nested, f"{number}.{i + 1}" if number else str(i + 1))
        return
    disposition = (part.get_content_disposition() or "").lower()
    if ctype in ("text/plain", "text/html") and not part.get_filename() and disposition != "attachment":
        _body(part, masker, ctype == "text/html")
    else:
        _attachment(part, number or "1", masker, nested)


def redact_message(msg: Message, masker: Masker, nested: Nested) -> None:
    """Mask one parsed message in place (headers, then every part)."""
    _subject(msg, masker)
    _addresses(msg, masker)
    _walk(msg, masker, nested, "")


def mime_depth(msg: Message, limit: int) -> int:
    """How deep the parts of ``msg`` nest (a single-part message is 1), counted without recursion; stops past
    ``limit``."""
    deepest = 0
    stack: list[tuple[Message, int]] = [(msg, 1)]
    while stack:
        part, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            break
        children = part.get_payload()
        if isinstance(children, list):
            stack.extend((child, level + 1) for child in children if isinstance(child, Message))
    return deepest


def redact_eml_bytes(data: bytes, masker: Masker, nested: Nested) -> bytes:
    try:
        msg = email.message_from_bytes(data, _class=EmailMessage, policy=policy.default)
    except RecursionError as exc:  # the stdlib parser recurses once per level of multipart
        raise RedactionError(f"MIME parts nested more than {MAX_MIME_DEPTH} levels deep; refused") from exc
    if not any(k.lower() in ("from", "to", "subject", "date", "message-id") for k in msg.keys()):  # noqa: SIM118
        raise RedactionError("not an e-mail message (no headers)")
    if mime_depth(msg, MAX_MIME_DEPTH) > MAX_MIME_DEPTH:
        raise RedactionError(f"MIME parts nested more than {MAX_MIME_DEPTH} levels deep; refused")
    redact_message(msg, masker, nested)
    crlf = b"\r\n" in data[:4096]
    out_policy = policy.default.clone(refold_source="none", linesep="\r\n" if crlf else "\n")
    return msg.as_bytes(policy=out_policy)
