"""Compressed RTF ([MS-OXRTFCP], the body of many .msg files) and a small RTF-to-text reduction."""

from __future__ import annotations

import re
import struct

from mamori.extract.charset import decode

_PREBUF = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
    b"\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
    b"\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"
)
_LZFU, _MELA = 0x75465A4C, 0x414C454D


def decompress_rtf(data: bytes, max_size: int) -> bytes:
    """Decompress an LZFu (or uncompressed MELA) stream; ValueError when it is broken or too large."""
    if len(data) < 16:
        raise ValueError("short header")
    _comp_size, raw_size, comp_type, _crc = struct.unpack_from("<IIII", data, 0)
    if raw_size > max_size:
        raise ValueError("too large")
    if comp_type == _MELA:
        return data[16 : 16 + raw_size]
    if comp_type != _LZFU:
        raise ValueError("unknown compression")
    window = bytearray(4096)
    window[: len(_PREBUF)] = _PREBUF
    wp = len(_PREBUF)
    out = bytearray()
    i, n = 16, len(data)
    while i < n:
        control = data[i]
        i += 1
        for bit in range(8):
            if i >= n:
                break
            if control & (1 << bit):
                if i + 1 >= n:
                    raise ValueError("truncated reference")
                ref = (data[i] << 8) | data[i + 1]
                i += 2
                offset, length = ref >> 4, (ref & 0xF) + 2
                if offset == wp:
                    return bytes(out)
                for k in range(length):
                    b = window[(offset + k) % 4096]
                    out.append(b)
                    window[wp] = b
                    wp = (wp + 1) % 4096
            else:
                b = data[i]
                i += 1
                out.append(b)
                window[wp] = b
                wp = (wp + 1) % 4096
            if len(out) > max_size:
                raise ValueError("too large")
    return bytes(out)


_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.DOTALL)
_SKIP_DESTINATIONS = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "pict",
        "object",
        "header",
        "footer",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "generator",
        "xmlnstbl",
        "themedata",
    }
)


def rtf_to_text(rtf: bytes) -> str:
    """Reduce RTF to its visible text (good enough for detection, not for display)."""
    source = rtf.decode("latin-1")
    codepage = "cp1252"
    m = re.search(r"\\ansicpg(\d+)", source)
    if m:
        codepage = f"cp{m.group(1)}"
    out: list[str] = []
    pending = bytearray()
    stack: list[bool] = []
    skip = False
    uc = 1
    drop = 0  # characters to drop after a \u escape

    def flush() -> None:
        if pending:
            out.append(decode(bytes(pending), codepage)[0])
            pending.clear()

    for match in _TOKEN.finditer(source):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if hexbyte is not None:
            if drop:
                drop -= 1
            elif not skip:
                pending.append(int(hexbyte, 16))
            continue
        flush()
        if brace == "{":
            stack.append(skip)
        elif brace == "}":
            skip = stack.pop() if stack else False
        elif word is not None:
            if word in _SKIP_DESTINATIONS:
                skip = True
            elif skip:
                continue
            elif word in ("par", "line", "row", "sect", "page"):
                out.append("\n")
            elif word in ("tab", "cell"):
                out.append("\t")
            elif word == "uc" and arg:
                uc = int(arg)
            elif word == "u" and arg:
                value = int(arg) + (65536 if int(arg) < 0 else 0)
                if 0 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
                    out.append(chr(value))
                drop = uc
        elif symbol is not None:
            if symbol == "*":
                skip = True
            elif not skip and symbol in "\\{}":
                out.append(symbol)
            elif not skip and symbol == "~":
                out.append(" ")
        elif text is not None and not skip:
            if drop:
                take = min(drop, len(text))
                text, drop = text[take:], drop - take
            out.append(text)
    flush()
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()
