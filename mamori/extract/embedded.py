"""Files embedded in a text body, found, decoded and handed back with a name so that they are read like
attachments: uuencoded blocks (``begin 644 customers.csv`` ... ``end``), as old mailers and some scripts still send
them, and runs of base64 lines (a file pasted as base64; an inline PGP message or signature is such a run too)."""

from __future__ import annotations

import base64
import binascii
import re

_BEGIN = re.compile(r"^begin(?:-base64)? +([0-7]{3,4}) +(\S.*?)\s*$", re.MULTILINE)
_END = re.compile(r"^(?:end|====)\s*$", re.MULTILINE)
MAX_BLOCKS = 100  # uuencoded files looked for in one text


def _decode_line(line: str) -> bytes:
    """One uuencoded line; a line with a wrong count is decoded by its count, as uudecode does."""
    raw = line.encode("ascii", "replace")
    try:
        return binascii.a2b_uu(raw)
    except binascii.Error:
        n = ((raw[0] - 32) & 63) if raw else 0
        usable = (n * 4 + 5) // 3
        try:
            return binascii.a2b_uu(raw[: usable + 1].ljust(usable + 1, b" "))[:n]
        except binascii.Error:
            return b""


def find_uuencoded(text: str) -> list[tuple[str, bytes, int, int]]:
    """Each uuencoded file in ``text`` as (name, bytes, start, end), start and end the block's span in ``text``.

    A block without its ``end`` line runs to the end of the text; a line that does not decode is skipped.
    """
    out: list[tuple[str, bytes, int, int]] = []
    pos = 0
    while len(out) < MAX_BLOCKS:
        begin = _BEGIN.search(text, pos)
        if begin is None:
            break
        base64_block = text[begin.start() : begin.start() + 12] == "begin-base64"
        name = begin.group(2).strip().replace("\x00", "") or "uuencoded"
        end = _END.search(text, begin.end())
        stop = end.start() if end else len(text)
        body = text[begin.end() : stop].strip("\r\n").splitlines()
        data = bytearray()
        try:
            if base64_block:
                data += binascii.a2b_base64("".join(line.strip() for line in body).encode("ascii", "replace"))
            else:
                for line in body:
                    line = line.rstrip("\r\n")
                    if not line or line in ("`", " "):
                        continue
                    data += _decode_line(line)
        except (binascii.Error, ValueError):
            pass  # what decoded so far is kept: a damaged block is still read as far as it goes
        block_end = end.end() if end else len(text)
        out.append((name, bytes(data), begin.start(), block_end))
        pos = max(block_end, begin.end())
    return out


_B64_LINE = r"[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?\n"
_B64_RUN = re.compile(rf"^(?:{_B64_LINE}){{3,}}(?:[A-Za-z0-9+/]*={{0,2}}[ \t]*(?:\r?\n|\Z))?", re.MULTILINE)
MIN_BASE64_CHARS = 160  # shorter runs are tokens and hashes, not files


def find_base64_runs(text: str) -> list[tuple[bytes, int, int]]:
    """Each run of base64 lines in ``text`` (3 or more full lines) that decodes, as (bytes, start, end)."""
    out: list[tuple[bytes, int, int]] = []
    for m in _B64_RUN.finditer(text):
        if len(out) >= MAX_BLOCKS:
            break
        packed = "".join(m.group().split())
        if len(packed) < MIN_BASE64_CHARS:
            continue
        try:
            data = base64.b64decode(packed + "=" * (-len(packed) % 4))
        except (binascii.Error, ValueError):
            continue
        out.append((data, m.start(), m.end()))
    return out
