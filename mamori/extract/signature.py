"""Is a part typed as a signature really one? A detached S/MIME (PKCS#7/CMS) or OpenPGP signature is skipped; any
other content under a signature type is read as what it is (a list declared as ``smime.p7s`` is a list).

A signature is believed only when its bytes have the structure of one and it is no bigger than signatures are:
a DER/BER ``ContentInfo`` of type signedData whose encapsulated content is absent (detached), or an ASCII-armoured
or binary OpenPGP signature packet and nothing else. Anything else, including a signedData that carries its content,
is not a signature for the guard. ``signed_content`` gives what an opaque signedData carries, to be read.
"""

from __future__ import annotations

import base64
import binascii
import re

MAX_PKCS7_BYTES = 64 * 1024  # a detached signature with a long certificate chain stays well under this
MAX_PGP_BYTES = 8 * 1024  # an OpenPGP signature packet: the signature values and a few subpackets

_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")  # OID 1.2.840.113549.1.7.2
_PGP_ARMOR = re.compile(
    rb"\A\s*-----BEGIN PGP SIGNATURE-----\r?\n((?:[A-Za-z-]+: [^\r\n]*\r?\n)*)\r?\n([A-Za-z0-9+/=\r\n]+?)"
    rb"-----END PGP SIGNATURE-----\s*\Z"
)


def _tlv(data: bytes, pos: int) -> tuple[int, int, int] | None:
    """(tag, start of value, end of value) of the DER/BER element at ``pos``; end is -1 for an indefinite length."""
    if pos + 2 > len(data):
        return None
    tag = data[pos]
    if tag & 0x1F == 0x1F:  # high tag numbers do not occur in the elements looked at here
        return None
    first = data[pos + 1]
    pos += 2
    if first == 0x80:
        return tag, pos, -1
    if first < 0x80:
        length = first
    else:
        n = first & 0x7F
        if n > 4 or pos + n > len(data):
            return None
        length = int.from_bytes(data[pos : pos + n], "big")
        pos += n
    end = pos + length
    return (tag, pos, end) if end <= len(data) else None


def _children(data: bytes, start: int, end: int, count: int) -> list[tuple[int, int, int]] | None:
    """The first ``count`` elements inside a constructed value (an indefinite one ends at its end-of-contents)."""
    out: list[tuple[int, int, int]] = []
    pos = start
    limit = len(data) if end < 0 else end
    while len(out) < count and pos < limit:
        if data[pos : pos + 2] == b"\x00\x00":
            break
        element = _tlv(data, pos)
        if element is None or element[2] < 0:
            if element is None:
                return None
            out.append(element)
            return out  # an indefinite child: its end is not needed for the elements looked at
        out.append(element)
        pos = element[2]
    return out


def is_detached_pkcs7(data: bytes) -> bool:
    """A CMS ContentInfo of type signedData with no encapsulated content, no bigger than a signature is."""
    if len(data) > MAX_PKCS7_BYTES:
        return False
    outer = _tlv(data, 0)
    if outer is None or outer[0] != 0x30 or (outer[2] >= 0 and data[outer[2] :].strip(b"\r\n\t \x00")):
        return False  # not a SEQUENCE, or bytes after it
    top = _children(data, outer[1], outer[2], 2)
    if not top or len(top) < 2 or top[0][0] != 0x06 or data[top[0][1] : top[0][2]] != _SIGNED_DATA:
        return False
    explicit = top[1]
    if explicit[0] != 0xA0:
        return False
    signed = _children(data, explicit[1], explicit[2], 1)
    if not signed or signed[0][0] != 0x30:
        return False
    fields = _children(data, signed[0][1], signed[0][2], 3)  # version, digestAlgorithms, encapContentInfo
    if not fields or len(fields) < 3 or fields[0][0] != 0x02 or fields[1][0] != 0x31 or fields[2][0] != 0x30:
        return False
    encap = _children(data, fields[2][1], fields[2][2], 2)
    return bool(encap) and encap[0][0] == 0x06 and len(encap) == 1  # eContentType only: the content is detached


MAX_SIGNED_CONTENT_CHUNKS = 100_000  # pieces of a constructed (BER) OCTET STRING gathered


def signed_content(data: bytes) -> bytes | None:
    """The content a CMS signedData carries (opaque S/MIME signing, ``smime-type=signed-data``), None when the
    structure is not that or the content is detached. Definite (DER) and indefinite (BER) lengths are read."""
    outer = _tlv(data, 0)
    if outer is None or outer[0] != 0x30:
        return None
    top = _children(data, outer[1], outer[2], 2)
    if not top or len(top) < 2 or data[top[0][1] : top[0][2]] != _SIGNED_DATA or top[1][0] != 0xA0:
        return None
    signed = _children(data, top[1][1], top[1][2], 1)
    if not signed or signed[0][0] != 0x30:
        return None
    fields = _children(data, signed[0][1], signed[0][2], 3)
    if not fields or len(fields) < 3 or fields[2][0] != 0x30:
        return None
    encap = _children(data, fields[2][1], fields[2][2], 2)
    if not encap or len(encap) < 2 or encap[1][0] != 0xA0:
        return None
    inner = _children(data, encap[1][1], encap[1][2], 1)
    if not inner:
        return None
    tag, start, end = inner[0]
    if tag == 0x04 and end >= 0:
        return data[start:end]
    if tag != 0x24:  # a constructed OCTET STRING: its pieces in order
        return None
    out = bytearray()
    pos, limit = start, (len(data) if end < 0 else end)
    for _ in range(MAX_SIGNED_CONTENT_CHUNKS):
        if pos >= limit or data[pos : pos + 2] == b"\x00\x00":
            break
        piece = _tlv(data, pos)
        if piece is None or piece[0] != 0x04 or piece[2] < 0:
            return None
        out += data[piece[1] : piece[2]]
        pos = piece[2]
    return bytes(out)


def _pgp_packet_is_whole_signature(raw: bytes) -> bool:
    """One OpenPGP signature packet (tag 2), old or new format, filling the bytes exactly."""
    if len(raw) < 3:
        return False
    head = raw[0]
    if head & 0xC0 == 0x80 and (head >> 2) & 0x0F == 2:  # old format
        size = {0: 1, 1: 2, 2: 4}.get(head & 0x03)
        if size is None or len(raw) < 1 + size:
            return False
        return 1 + size + int.from_bytes(raw[1 : 1 + size], "big") == len(raw)
    if head == 0xC2:  # new format, tag 2
        first = raw[1]
        if first < 192:
            return 2 + first == len(raw)
        if first < 224 and len(raw) >= 3:
            return 3 + ((first - 192) << 8) + raw[2] + 192 == len(raw)
        if first == 255 and len(raw) >= 6:
            return 6 + int.from_bytes(raw[2:6], "big") == len(raw)
    return False


def is_pgp_signature(data: bytes) -> bool:
    """An armoured or binary OpenPGP signature and nothing else, no bigger than a signature is."""
    if len(data) > MAX_PGP_BYTES:
        return False
    armored = _PGP_ARMOR.match(data)
    if armored is not None:
        body = armored.group(2).strip().splitlines()
        if body and body[-1].startswith(b"="):  # the CRC-24 line
            body = body[:-1]
        try:
            raw = base64.b64decode(b"".join(line.strip() for line in body), validate=True)
        except (binascii.Error, ValueError):
            return False
        return _pgp_packet_is_whole_signature(raw)
    return _pgp_packet_is_whole_signature(data)


def is_real_signature(data: bytes) -> bool:
    """Bytes under a signature content type that are a detached S/MIME or an OpenPGP signature."""
    return is_detached_pkcs7(data) or is_pgp_signature(data)
