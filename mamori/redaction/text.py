"""Plain text: decoded with its own encoding (UTF-8 with or without BOM, UTF-16, CP932, EUC-JP, ISO-2022-JP),
masked, and written back in that same encoding with its line endings untouched."""

from __future__ import annotations

import codecs

from mamori.extract.charset import decode, guess
from mamori.redaction.core import Masker, RedactionError


def decode_exact(data: bytes, label: str | None = None) -> tuple[str, str]:
    """``(text, codec)``; refuses bytes that no candidate encoding decodes exactly (they could not be written back)."""
    text, codec, exact = decode(data, label) if label else guess(data)
    if not exact:
        raise RedactionError("the text is in no encoding mamori can read back exactly")
    if codec == "utf_16":
        codec = "utf_16_be" if data.startswith(codecs.BOM_UTF16_BE) else "utf_16_le"
        text = text.lstrip("\ufeff")
        return "\ufeff" + text, codec
    return text, codec


def encode(text: str, codec: str) -> bytes:
    """Encode in ``codec``; a mask character the encoding lacks (■ in Latin-1) becomes ``*``."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return text.replace("■", "*").encode(codec, errors="replace")


def redact_text_bytes(data: bytes, masker: Masker, label: str | None = None) -> bytes:
    text, codec = decode_exact(data, label)
    return encode(masker.mask(text), codec)
