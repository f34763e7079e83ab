"""E-mail messages (.eml, MIME): headers decoded into structured data, bodies and attachments extracted.

Handles every charset Japanese mail uses (ISO-2022-JP and its Microsoft extensions, Shift_JIS/CP932, EUC-JP,
UTF-8), quoted-printable and base64, RFC 2047 encoded words, RFC 2231 parameters, raw 8-bit headers, and nested
message/rfc822 parts (also when the client wrapped them in base64 or quoted-printable).

Nothing a recipient can see is left unread: every version of a multipart/alternative is read (the preferred one as
the body, the lines the others add beside it, their attachments as attachments); a part typed as a signature is
skipped only when its bytes are a signature (``signature.is_real_signature``); files uuencoded in a text body are
read as attachments of the message, and so are runs of base64 lines (a file pasted as base64).

What the lenient email library could read only in part is recorded as it is walked, with no second parse: a
multipart cut off before its closing boundary or without a usable boundary, a part whose header was cut, base64
with characters outside its alphabet or a length no encoder writes (checked strictly only when the library's own
decoding reported a defect), an unknown ``Content-Transfer-Encoding``, ``message/partial`` and
``message/external-body``. Each is an issue ``corrupt`` (``detail``: a key of ``glossary.MIME_DAMAGE``) at the part:
a body part's at the message (its own text), an attachment's at that attachment, so the guard holds such mail as
``unscannable_attachment`` whoever asks (gateway, ``mamori check``, the check API). Quoted-printable is decoded
leniently by design (a stray ``=`` is text) and not flagged.
"""

from __future__ import annotations

import base64
import email
import email.errors
import email.header
import email.utils
import quopri
import re
import unicodedata
from dataclasses import replace
from email.message import Message

from mamori.extract.charset import decode, guess
from mamori.extract.context import Context, Stop
from mamori.extract.embedded import find_base64_runs, find_uuencoded
from mamori.extract.signature import is_real_signature, signed_content
from mamori.extract.text import html_to_text
from mamori.extract.units import HEADER, TEXT, Address, Attachment, Location, MessageInfo
from mamori.glossary import MIME_DAMAGE

_FOLD = re.compile(r"\r?\n[ \t]+")
_SIGNATURES = frozenset({"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"})
ALTERNATIVE_FIELD = "alternative"  # field of the text another version of a multipart/alternative adds to the body
_PKCS7_MIME = ("application/pkcs7-mime", "application/x-pkcs7-mime")
_ADDRESS_FIELDS = ("from", "to", "cc", "bcc", "reply-to")
# the email library's defects meaning some of the structure was not there to read -> glossary.MIME_DAMAGE key
_CUT_DEFECTS: tuple[tuple[type[email.errors.MessageDefect], str], ...] = (
    (email.errors.CloseBoundaryNotFoundDefect, "no_closing_boundary"),
    (email.errors.StartBoundaryNotFoundDefect, "no_start_boundary"),
    (email.errors.NoBoundaryInMultipartDefect, "no_boundary"),
    (email.errors.MissingHeaderBodySeparatorDefect, "header_cut"),
)
_BASE64_DEFECTS = (
    email.errors.InvalidBase64CharactersDefect,
    email.errors.InvalidBase64PaddingDefect,
    email.errors.InvalidBase64LengthDefect,
)
_UNREAD_TYPES = {"message/partial": "partial", "message/external-body": "external_body"}
# transfer encodings the email library decodes (or that need no decoding)
_ENCODINGS = frozenset({"", "7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "uuencode", "uue",
                        "x-uue"})
_BASE64 = re.compile(rb"[A-Za-z0-9+/]*={0,2}")
_SPACE = re.compile(rb"\s+")


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


def _line_key(line: str) -> str:
    """A line compared across the versions of a multipart/alternative: width, case and spaces do not count."""
    return "".join(unicodedata.normalize("NFKC", line).casefold().split())


def _body_lines(ctx: Context, since: int, location: Location) -> set[str]:
    """The keys of the body lines added since unit ``since`` at ``location``'s level (one alternative's text)."""
    return {
        _line_key(line)
        for u in ctx.all_units(since)
        if u.location.path == location.path and u.location.field in ("body", ALTERNATIVE_FIELD)
        for line in u.text.splitlines()
    }


def _walk(
    ctx: Context,
    part: Message,
    number: str,
    location: Location,
    attachments: list[Attachment],
    seen: set[str] | None = None,
) -> None:
    """One MIME part. ``seen``: inside a non-preferred alternative, the preferred version's body lines (only the
    lines it adds are kept, so that one text sent twice is not read, and counted, twice)."""
    ctx.check(location)
    ctype = part.get_content_type()
    part_loc = replace(location, part=number or "1")
    damage = _structure_damage(part, ctype)
    if ctype in _SIGNATURES:
        payload = part.get_payload(decode=True)
        damage += _encoding_damage(part)
        if not isinstance(payload, bytes) or not payload.strip() or is_real_signature(payload):
            _record(ctx, damage, part_loc)
            return
        # not a signature whatever its type says: what a signedData carries is read, else the part as a file
        carried = signed_content(payload)
        if carried is not None:
            _attach(ctx, carried, _filename(part) or f"part-{number or '1'}", None, location, attachments, True, damage)
            return
    elif ctype in _PKCS7_MIME and "signed" in str(part.get_param("smime-type") or "").lower():
        payload = part.get_payload(decode=True)
        carried = signed_content(payload) if isinstance(payload, bytes) else None
        if carried is not None:  # opaque S/MIME signing: the signed MIME entity is the message's content
            _record(ctx, damage + _encoding_damage(part), part_loc)
            _walk(ctx, email.message_from_bytes(carried), number, location, attachments, seen)
            return
    elif ctype == "multipart/encrypted" or (
        ctype in _PKCS7_MIME and "signed" not in str(part.get_param("smime-type") or "").lower()
    ):
        _record(ctx, damage, part_loc)
        ctx.issue("encrypted", "encrypted message part (S/MIME or PGP); not inspected", part_loc)
        return
    if part.is_multipart() or ctype == "message/rfc822":
        _record(ctx, damage, part_loc)  # the inner message's own damage is recorded where it is read
    if part.is_multipart() and ctype != "message/rfc822":
        children = part.get_payload()
        if not isinstance(children, list):
            return
        numbered = [(i, c) for i, c in enumerate(children) if isinstance(c, Message)]
        if ctype == "multipart/alternative" and len(numbered) > 1:
            plain = [k for k, (_, c) in enumerate(numbered) if c.get_content_type() == "text/plain"]
            keep = plain[0] if plain else len(numbered) - 1
            numbered.insert(0, numbered.pop(keep))  # the preferred version first: it is the body
            since = len(ctx.units)
            i, child = numbered[0]
            _walk(ctx, child, f"{number}.{i + 1}" if number else str(i + 1), location, attachments, seen)
            seen = (seen or set()) | _body_lines(ctx, since, location)
            for i, child in numbered[1:]:
                _walk(ctx, child, f"{number}.{i + 1}" if number else str(i + 1), location, attachments, seen)
            return
        for i, child in numbered:
            _walk(ctx, child, f"{number}.{i + 1}" if number else str(i + 1), location, attachments, seen)
        return
    filename = _filename(part)
    disposition = (part.get_content_disposition() or "").lower()
    if ctype == "message/rfc822":
        _attached_message(ctx, part, number, filename, location, attachments)
        return
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = b""
    damage += _encoding_damage(part)
    if ctype in ("text/plain", "text/html") and not filename and disposition != "attachment":
        _record(ctx, damage, part_loc)
        text, _codec, exact = decode(payload, _charset(part))
        if not exact:
            ctx.issue("encoding", "some bytes of the body could not be decoded", part_loc)
        text = _embedded_files(ctx, text, location, attachments) if ctype == "text/plain" else html_to_text(text)
        field = "body"
        if seen is not None:  # another version of the body: the lines it adds (``ALTERNATIVE_FIELD``)
            text = "\n".join(line for line in text.splitlines() if _line_key(line) not in seen)
            field = ALTERNATIVE_FIELD
        ctx.add_text(text, replace(part_loc, field=field), TEXT)
        return
    display = filename or f"part-{number or '1'}"
    _attach(ctx, payload, display, ctype, location, attachments, filename is not None, damage)


def _structure_damage(part: Message, ctype: str) -> list[str]:
    """What of ``part``'s structure the parser could not read (``glossary.MIME_DAMAGE`` keys), from the defects it
    recorded while parsing and the part's type."""
    found = [key for d in part.defects for kind, key in _CUT_DEFECTS if isinstance(d, kind)]
    if ctype in _UNREAD_TYPES:
        found.append(_UNREAD_TYPES[ctype])
    return found


def _encoding_damage(part: Message) -> list[str]:
    """What stops a leaf part's content from being decoded whole; call after ``get_payload(decode=True)``, whose
    base64 decoding records its defects on the part (only then is the payload checked strictly: line breaks and
    other white space, which encoders write, are allowed)."""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if cte not in _ENCODINGS:
        return ["unknown_encoding"]
    if cte != "base64" or not any(isinstance(d, _BASE64_DEFECTS) for d in part.defects):
        return []
    raw = part.get_payload()
    data = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    data = _SPACE.sub(b"", data)
    if not _BASE64.fullmatch(data):
        return ["base64_characters"]
    return ["base64_cut"] if len(data) % 4 else []


def _record(ctx: Context, damage: list[str], location: Location) -> None:
    """One ``corrupt`` issue per kind of damage found at ``location``."""
    for key in dict.fromkeys(damage):
        ctx.issue("corrupt", f"MIME part not read completely: {MIME_DAMAGE[key][0]}", location, key)


def _attach(
    ctx: Context,
    payload: bytes,
    display: str,
    ctype: str | None,
    location: Location,
    attachments: list[Attachment],
    named: bool = True,
    damage: list[str] | None = None,
) -> None:
    """A file of the message: listed as an attachment, its name read, its content extracted one level deeper;
    ``damage``: what of its MIME part could not be read (an issue at the attachment)."""
    name = _unique(display, attachments)
    path = (*location.path, name)
    attach_loc = Location(path=path)
    index = len(attachments)
    attachments.append(Attachment(display, ctype or "application/octet-stream", len(payload), path))
    _record(ctx, damage or [], attach_loc)
    if not ctx.take_member(attach_loc):
        return
    if named:
        ctx.add_name(display, attach_loc)
    inner = ctx.child(payload, display, ctype, path)
    if inner is not None:  # a message attached as a file (.eml, .msg)
        attachments[index] = replace(attachments[index], message=inner)


def _embedded_files(ctx: Context, text: str, location: Location, attachments: list[Attachment]) -> str:
    """The body without the files embedded in it (uuencoded blocks, base64 runs), each read as an attachment of the
    message. A base64 run that is a real signature (inline PGP) is dropped from the text and not read further."""
    blocks: list[tuple[str, bytes, int, int]] = []
    if "begin" in text:
        blocks = find_uuencoded(text)
    taken = [(start, end) for _, _, start, end in blocks]
    for n, (data, start, end) in enumerate(find_base64_runs(text), start=1):
        if any(start < e and s < end for s, e in taken):
            continue  # inside a uuencoded block (begin-base64)
        if is_real_signature(data):
            blocks.append(("", b"", start, end))
            continue
        blocks.append((f"base64-{n}.bin", data, start, end))
    if not blocks:
        return text
    kept: list[str] = []
    pos = 0
    for name, data, start, end in sorted(blocks, key=lambda b: b[2]):
        if start < pos:
            continue
        kept.append(text[pos:start])
        pos = end
        if name:
            _attach(ctx, data, name, None, location, attachments)
    kept.append(text[pos:])
    return "".join(kept)


def _decoded_message(part: Message, inner: Message) -> Message:
    """The attached message itself when the client wrapped it in base64 or quoted-printable (not allowed by RFC 2046
    for message/rfc822, and done anyway): the parser took the encoded text for a message without headers."""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if cte not in ("base64", "quoted-printable"):
        return inner
    try:
        raw = inner.as_bytes()
        decoded = base64.b64decode(b"".join(raw.split())) if cte == "base64" else quopri.decodestring(raw)
    except Exception:  # a broken wrapper: the message is read as the parser left it
        return inner
    return email.message_from_bytes(decoded) if decoded.strip() else inner


def _attached_message(
    ctx: Context, part: Message, number: str, filename: str | None, location: Location, attachments: list[Attachment]
) -> None:
    inner = part.get_payload()
    if isinstance(inner, list) and inner and isinstance(inner[0], Message):
        inner_msg: Message | None = _decoded_message(part, inner[0])
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
