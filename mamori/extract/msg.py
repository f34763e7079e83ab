"""Outlook messages (.msg): an OLE2 compound file of MAPI property streams ([MS-OXMSG]), read with olefile.

Subject, sender, recipients (To/Cc/Bcc from the recipient storages), body (plain, else HTML, else compressed
RTF), attachments (recursively extracted) and embedded messages.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from dataclasses import replace

from mamori.extract.charset import decode
from mamori.extract.context import Context, Stop
from mamori.extract.rtf import decompress_rtf, rtf_to_text
from mamori.extract.text import html_to_text
from mamori.extract.units import HEADER, Address, Attachment, Location, MessageInfo

PT_UNICODE, PT_STRING8, PT_BINARY = 0x001F, 0x001E, 0x0102
PR_SUBJECT, PR_BODY, PR_HTML, PR_RTF_COMPRESSED = 0x0037, 0x1000, 0x1013, 0x1009
PR_SENDER_NAME, PR_SENDER_EMAIL, PR_SENDER_SMTP = 0x0C1A, 0x0C1F, 0x5D01
PR_DISPLAY_NAME, PR_EMAIL_ADDRESS, PR_SMTP_ADDRESS, PR_RECIPIENT_TYPE = 0x3001, 0x3003, 0x39FE, 0x0C15
PR_ATTACH_LONG_FILENAME, PR_ATTACH_FILENAME, PR_ATTACH_MIME_TAG, PR_ATTACH_METHOD = 0x3707, 0x3704, 0x370E, 0x3705
PR_ATTACH_DATA, PR_MESSAGE_CODEPAGE, PR_INTERNET_CPID = 0x3701, 0x3FFD, 0x3FDE
PR_CLIENT_SUBMIT_TIME, PR_INTERNET_MESSAGE_ID = 0x0039, 0x1035
ATTACH_EMBEDDED_MSG = 5
PROPS = "__properties_version1.0"


class _Reader:
    def __init__(self, ctx: Context, ole: object) -> None:
        self.ctx = ctx
        self.ole = ole

    def stream(self, prefix: list[str], name: str) -> bytes | None:
        path = [*prefix, name]
        try:
            if not self.ole.exists(path):  # type: ignore[attr-defined]
                return None
            size = self.ole.get_size(path)  # type: ignore[attr-defined]
            if size > self.ctx.limits.max_bytes:
                self.ctx.issue("too_large", f"stream of {size} bytes over the limit", Location())
                return None
            return self.ole.openstream(path).read()  # type: ignore[attr-defined]
        except Stop:
            raise
        except Exception:  # a broken stream is treated as absent
            return None

    def fixed(self, prefix: list[str], header: int) -> dict[int, bytes]:
        """Fixed-size property values from the properties stream: property id -> 8 value bytes."""
        data = self.stream(prefix, PROPS) or b""
        out: dict[int, bytes] = {}
        for offset in range(header, len(data) - 15, 16):
            _ptype, pid, _flags = struct.unpack_from("<HHI", data, offset)
            out[pid] = data[offset + 8 : offset + 16]
        return out

    def string(self, prefix: list[str], pid: int, codepage: str | None) -> str:
        raw = self.stream(prefix, f"__substg1.0_{pid:04X}{PT_UNICODE:04X}")
        if raw is not None:
            return raw.decode("utf-16-le", errors="replace").rstrip("\x00")
        raw = self.stream(prefix, f"__substg1.0_{pid:04X}{PT_STRING8:04X}")
        if raw is not None:
            return decode(raw.rstrip(b"\x00"), codepage)[0]
        return ""

    def binary(self, prefix: list[str], pid: int) -> bytes | None:
        return self.stream(prefix, f"__substg1.0_{pid:04X}{PT_BINARY:04X}")

    def children(self, prefix: list[str], stem: str) -> list[str]:
        names = set()
        depth = len(prefix)
        for entry in self.ole.listdir(streams=True, storages=True):  # type: ignore[attr-defined]
            if len(entry) > depth and entry[:depth] == prefix and entry[depth].startswith(stem):
                names.add(entry[depth])
        return sorted(names)


def _long(props: dict[int, bytes], pid: int) -> int | None:
    value = props.get(pid)
    return struct.unpack_from("<i", value)[0] if value else None


def _codepage(props: dict[int, bytes], pid: int) -> str | None:
    cp = _long(props, pid)
    return f"cp{cp}" if cp else None


def read_msg(ctx: Context, data: bytes, location: Location) -> MessageInfo:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError and others on broken files
        ctx.issue("corrupt", f"unreadable Outlook message ({type(exc).__name__})", location)
        return MessageInfo()
    try:
        return _message(ctx, _Reader(ctx, ole), [], 32, location)
    except Stop:
        raise
    except Exception as exc:
        ctx.issue("corrupt", f"broken Outlook message ({type(exc).__name__})", location)
        return MessageInfo()
    finally:
        ole.close()


def _message(ctx: Context, r: _Reader, prefix: list[str], header: int, location: Location) -> MessageInfo:
    props = r.fixed(prefix, header)
    codepage = _codepage(props, PR_MESSAGE_CODEPAGE)
    subject = r.string(prefix, PR_SUBJECT, codepage)
    ctx.add_text(subject, replace(location, field="subject"), HEADER)
    sender_address = r.string(prefix, PR_SENDER_SMTP, codepage) or r.string(prefix, PR_SENDER_EMAIL, codepage)
    sender = Address(r.string(prefix, PR_SENDER_NAME, codepage), sender_address)
    recipients: dict[int, list[Address]] = {1: [], 2: [], 3: []}
    for name in r.children(prefix, "__recip_version1.0_"):
        sub = [*prefix, name]
        rprops = r.fixed(sub, 8)
        address = r.string(sub, PR_SMTP_ADDRESS, codepage) or r.string(sub, PR_EMAIL_ADDRESS, codepage)
        person = Address(r.string(sub, PR_DISPLAY_NAME, codepage), address)
        recipients.setdefault(_long(rprops, PR_RECIPIENT_TYPE) or 1, []).append(person)
    for field, people in (("from", [sender]), ("to", recipients[1]), ("cc", recipients[2]), ("bcc", recipients[3])):
        for a in people:
            if a.name or a.address:
                text = f"{a.name} <{a.address}>" if a.name else a.address
                ctx.add_text(text, replace(location, field=field), HEADER)
    _body(ctx, r, prefix, props, codepage, location)
    attachments = [
        _attachment(ctx, r, [*prefix, n], codepage, location) for n in r.children(prefix, "__attach_version1.0_")
    ]
    submitted = ""
    raw_time = props.get(PR_CLIENT_SUBMIT_TIME)
    if raw_time:
        ticks = struct.unpack("<Q", raw_time)[0]
        try:
            submitted = (dt.datetime(1601, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=ticks // 10)).isoformat()
        except OverflowError:
            submitted = ""
    return MessageInfo(
        subject=subject,
        sender=(sender,) if sender.name or sender.address else (),
        to=tuple(recipients[1]),
        cc=tuple(recipients[2]),
        bcc=tuple(recipients[3]),
        date=submitted,
        message_id=r.string(prefix, PR_INTERNET_MESSAGE_ID, codepage),
        attachments=tuple(a for a in attachments if a is not None),
    )


def _body(
    ctx: Context, r: _Reader, prefix: list[str], props: dict[int, bytes], codepage: str | None, location: Location
) -> None:
    body_loc = replace(location, field="body")
    body = r.string(prefix, PR_BODY, codepage)
    if body.strip():
        ctx.add_text(body, body_loc)
        return
    html = r.binary(prefix, PR_HTML)
    if html is not None:
        ctx.add_text(html_to_text(decode(html, _codepage(props, PR_INTERNET_CPID) or codepage)[0]), body_loc)
        return
    html_text = r.string(prefix, PR_HTML, codepage)
    if html_text:
        ctx.add_text(html_to_text(html_text), body_loc)
        return
    rtf = r.binary(prefix, PR_RTF_COMPRESSED)
    if rtf is not None:
        try:
            ctx.add_text(rtf_to_text(decompress_rtf(rtf, ctx.limits.max_bytes)), body_loc)
        except ValueError:
            ctx.issue("corrupt", "the RTF body could not be decompressed", body_loc)


def _attachment(
    ctx: Context, r: _Reader, sub: list[str], codepage: str | None, location: Location
) -> Attachment | None:
    props = r.fixed(sub, 8)
    name = (
        r.string(sub, PR_ATTACH_LONG_FILENAME, codepage)
        or r.string(sub, PR_ATTACH_FILENAME, codepage)
        or r.string(sub, PR_DISPLAY_NAME, codepage)
        or sub[-1]
    )
    mime = r.string(sub, PR_ATTACH_MIME_TAG, codepage) or "application/octet-stream"
    path = (*location.path, name)
    loc = Location(path=path)
    if not ctx.take_member(loc):
        return None
    ctx.add_name(name, loc)
    embedded = [*sub, f"__substg1.0_{PR_ATTACH_DATA:04X}000D"]
    if _long(props, PR_ATTACH_METHOD) == ATTACH_EMBEDDED_MSG or r.ole.exists(embedded):  # type: ignore[attr-defined]
        if ctx.depth + 1 > ctx.limits.max_depth:
            ctx.issue("depth", f"nested deeper than {ctx.limits.max_depth} levels; not inspected", loc)
            return Attachment(name, "application/vnd.ms-outlook", 0, path)
        ctx.depth += 1
        try:
            info = _message(ctx, r, embedded, 24, loc)
        finally:
            ctx.depth -= 1
        return Attachment(name, "application/vnd.ms-outlook", 0, path, info)
    data = r.binary(sub, PR_ATTACH_DATA)
    if data is None:
        ctx.issue("unsupported", "attachment without data (linked or OLE object); not inspected", loc)
        return Attachment(name, mime, 0, path)
    inner = ctx.child(data, name, mime, path)  # a message attached as a file (.eml, .msg) gives its headers
    return Attachment(name, mime, len(data), path, inner)
