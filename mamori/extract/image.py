"""Images: their pictures are not read (no text recognition), but what a file that starts like an image carries
beside the picture is: a ZIP appended to it (a JPEG/ZIP polyglot opens as an archive) and runs of text (metadata,
or a list pasted after the picture's end). The ``image`` issue says the picture itself was not inspected."""

from __future__ import annotations

import re
from dataclasses import replace

from mamori.extract.context import Context
from mamori.extract.units import Location

_TEXT_RUN = re.compile(rb"(?:[\x20-\x7e\t\r\n]|[\xc2-\xf4][\x80-\xbf]{1,3}){24,}")
_ZIP_END = b"PK\x05\x06"
_ZIP_TAIL = 65536 + 22  # the end-of-central-directory record with the longest comment
MIN_TEXT_CHARS = 64  # less text than this in an image is metadata noise (camera model, software name)


def read_image(ctx: Context, data: bytes, location: Location) -> None:
    ctx.issue("image", "image; not inspected (no text recognition)", location)
    if data.find(_ZIP_END, max(4, len(data) - _ZIP_TAIL)) >= 0:  # where a ZIP's directory end must be
        from mamori.extract.archive import read_zip

        read_zip(ctx, data, location)
    runs = [m.group().decode("utf-8", "replace").strip() for m in _TEXT_RUN.finditer(data)]
    text = "\n".join(r for r in runs if r)
    if len(text) >= MIN_TEXT_CHARS:
        ctx.add_text(text, replace(location, field="embedded text"))
