"""Decoding bytes of unknown or mislabelled Japanese encodings: UTF-8 (BOM or not), UTF-16, CP932, EUC-JP, ISO-2022-JP.

Japanese mail and files often say one charset and use a superset (Shift_JIS labels on CP932 text with ①, ㈱,
髙; ISO-2022-JP carrying NEC special characters). Decoding prefers the label, then its supersets, then a guess.
"""

from __future__ import annotations

import codecs
import re

# Label -> codecs tried in order (strictly); the last resort is a guess.
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "shift_jis": ("cp932", "shift_jis_2004"),
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_cp932"),
    "euc_jp": ("euc_jp", "euc_jis_2004", "cp932"),
    "cp932": ("cp932",),
    "utf_8": ("utf_8",),
    "us_ascii": ("utf_8",),  # 8-bit text is often mislabelled ascii; utf-8 is a superset
    "ascii": ("utf_8",),
}

_ALIASES = {
    "x-sjis": "shift_jis",
    "sjis": "shift_jis",
    "shift-jis": "shift_jis",
    "ms_kanji": "shift_jis",
    "windows-31j": "cp932",
    "ms932": "cp932",
    "x-euc-jp": "euc_jp",
    "iso-2022-jp-ms": "iso2022_jp",
    "cp50220": "iso2022_jp",
    "cp50221": "iso2022_jp",
    "cp50222": "iso2022_jp",
    "cp51932": "euc_jp",
}

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e\u3000-\u303f]")
_ESC = re.compile(rb"\x1b\$[@B(]|\x1b\([BJI]")


def codec_name(label: str | None) -> str | None:
    """Normalise a charset label to a Python codec name, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip('"').lower()
    label = _ALIASES.get(label, label)
    if not label.isascii() or len(label) > 40:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # "zlib", "base64", "rot13" are not charsets
        return None
    return info.name.replace("-", "_")


def _decode_iso2022_jp_cp932(data: bytes) -> str:
    """ISO-2022-JP with Microsoft extensions (CP50220/50221): JIS X 0208 segments mapped through CP932."""
    out: list[str] = []
    mode = "ascii"
    i = 0
    n = len(data)
    while i < n:
        if data[i] == 0x1B:
            seq = data[i : i + 3]
            if seq in (b"\x1b$@", b"\x1b$B"):
                mode, i = "jis", i + 3
                continue
            if seq in (b"\x1b(B", b"\x1b(J"):
                mode, i = "ascii", i + 3
                continue
            if seq == b"\x1b(I":
                mode, i = "kana", i + 3
                continue
            raise UnicodeDecodeError("iso2022_jp_cp932", data, i, i + 1, "unknown escape")
        if mode == "jis":
            if data[i] in (0x0A, 0x0D):
                out.append(chr(data[i]))
                i += 1
                continue
            if i + 1 >= n:
                raise UnicodeDecodeError("iso2022_jp_cp932", data, i, n, "truncated")
            c1, c2 = data[i], data[i + 1]
            # JIS X 0208 row/cell -> Shift_JIS bytes
            s1 = ((c1 + 1) >> 1) + (0x70 if c1 <= 0x5E else 0xB0)
            s2 = c2 + (0x1F if c1 & 1 else 0x7E)
            if s2 >= 0x7F and c1 & 1:
                s2 += 1
            out.append(bytes((s1, s2)).decode("cp932"))
            i += 2
        elif mode == "kana":
            out.append(bytes((data[i] + 0x80,)).decode("cp932"))
            i += 1
        else:
            out.append(chr(data[i]) if data[i] < 0x80 else bytes((data[i],)).decode("cp932"))
            i += 1
    return "".join(out)


def _try(data: bytes, codec: str) -> str | None:
    try:
        if codec == "iso2022_jp_cp932":
            return _decode_iso2022_jp_cp932(data)
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError, ValueError):
        return None


def guess(data: bytes) -> tuple[str, str, bool]:
    """Decode without a label. Returns ``(text, codec, exact)``; ``exact`` is False when bytes were replaced."""
    if data.startswith(codecs.BOM_UTF8):
        text = _try(data[3:], "utf_8")
        if text is not None:
            return text, "utf_8_sig", True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf_16")
        if text is not None:
            return text, "utf_16", True
    if _ESC.search(data):
        for codec in _SUPERSETS["iso2022_jp"]:
            text = _try(data, codec)
            if text is not None:
                return text, codec, True
    text = _try(data, "utf_8")
    if text is not None:
        return text, "utf_8", True
    best: tuple[float, str, str] | None = None
    for codec in ("cp932", "euc_jp", "euc_jis_2004"):
        text = _try(data, codec)
        if text is not None:
            score = len(_JA.findall(text)) / max(1, len(text))
            if best is None or score > best[0]:
                best = (score, text, codec)
    if best is not None:
        return best[1], best[2], True
    return data.decode("cp932", errors="replace"), "cp932", False


def decode(data: bytes, label: str | None = None) -> tuple[str, str, bool]:
    """Decode with a declared charset label, trying its supersets before guessing. Same return as ``guess``."""
    codec = codec_name(label)
    if codec is not None:
        for candidate in _SUPERSETS.get(codec, (codec,)):
            text = _try(data, candidate)
            if text is not None:
                return text, candidate, True
    return guess(data)
