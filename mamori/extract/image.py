"""Images: their pictures are not read (no text recognition), but what a file that starts like an image carries
beside the picture is: a ZIP appended to it (a JPEG/ZIP polyglot opens as an archive) and runs of text (metadata,
or a list pasted after the picture's end). The ``image`` issue says the picture itself was not inspected."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

from mamori.extract.context import Context
from mamori.extract.units import Location

# bytes that can be text (ASCII printable, tab, line breaks, and the bytes of UTF-8 sequences) -> "T", others -> 0:
# runs are found by bytes.find on the translated copy, far faster than a regular expression over a photo
_TEXTLIKE = bytes(0x54 if b in (9, 10, 13) or 0x20 <= b <= 0x7E or 0x80 <= b <= 0xF4 else 0 for b in range(256))
MIN_RUN = 24  # bytes in a row that can be text
_ZIP_END = b"PK\x05\x06"
_ZIP_TAIL = 65536 + 22  # the end-of-central-directory record with the longest comment
_PNG = b"\x89PNG\r\n\x1a\n"
MAX_PNG_CHUNKS = 10_000
MIN_TEXT_CHARS = 64  # less text than this in an image is metadata noise (camera model, software name)


def read_image(ctx: Context, data: bytes, location: Location) -> None:
    ctx.issue("image", "image; not inspected (no text recognition)", location)
    if data.find(_ZIP_END, max(4, len(data) - _ZIP_TAIL)) >= 0:  # where a ZIP's directory end must be
        from mamori.extract.archive import read_zip

        read_zip(ctx, data, location)
    runs = _text_runs(data)
    runs += _png_compressed_text(ctx, data, location)
    text = "\n".join(r for r in runs if r)
    if len(text) >= MIN_TEXT_CHARS:
        ctx.add_text(text, replace(location, field="embedded text"))


def _text_runs(data: bytes) -> list[str]:
    """Runs of text in binary data: ``MIN_RUN`` or more text-like bytes that decode as UTF-8 (at most 1 in 20
    characters undecodable: compressed picture data decodes as noise)."""
    marks = data.translate(_TEXTLIKE)
    needle = b"T" * MIN_RUN
    out: list[str] = []
    pos = 0
    while (start := marks.find(needle, pos)) >= 0:
        end = marks.find(b"\x00", start)
        end = len(marks) if end < 0 else end
        text = data[start:end].decode("utf-8", "replace")
        if text.count("\ufffd") * 20 <= len(text) and text.strip():
            out.append(text.strip())
        pos = end
    return out


def _png_compressed_text(ctx: Context, data: bytes, location: Location) -> list[str]:
    """The text of a PNG's compressed text chunks (zTXt, iTXt), which the text runs above cannot see; inflated
    within the extraction's size limit, a chunk that does not inflate is skipped (its bytes were searched)."""
    if not data.startswith(_PNG):
        return []
    out: list[str] = []
    pos = len(_PNG)
    for _ in range(MAX_PNG_CHUNKS):
        if pos + 8 > len(data):
            break
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IEND":
            break
        if kind not in (b"zTXt", b"iTXt"):
            continue
        rest = body.partition(b"\x00")[2]  # after the keyword
        if kind == b"zTXt":
            compressed, payload = True, rest[1:]
        else:  # iTXt: compression flag, method, language tag, translated keyword, text
            compressed = rest[:1] == b"\x01"
            payload = rest[2:].split(b"\x00", 2)[-1]
        if compressed:
            inflater = zlib.decompressobj()
            try:
                payload = inflater.decompress(payload, ctx.limits.max_bytes)
            except zlib.error:
                continue
            if inflater.unconsumed_tail:
                ctx.issue("too_large", "a compressed text chunk of the image expands past the limit", location)
            if not ctx.take_bytes(len(payload), location):
                break
        out.append(payload.decode("utf-8", "replace"))
    return out
