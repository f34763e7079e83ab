"""Untrusted names (file paths, archive members) made safe to print on a terminal or in a log line.

A file name may hold anything but ``/`` and NUL: an escape sequence that recolours, hides or rewrites what an
administrator reads (``\\x1b[8m``, ``\\x1b]8;;``), a line break that forges a second output line, a right-to-left
override that shows ``invoice<U+202E>fdp.exe`` as ``invoiceexe.pdf``, or bytes that are not UTF-8 (surrogate
escapes, which would stop the output with UnicodeEncodeError). `printable` shows each as a visible escape instead.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the bidi embeddings/overrides/isolates, the line and paragraph separators, the BOM,
# and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi-override and undecodable character written as ``\\xNN`` or ``\\uNNNN``."""
    return _UNSAFE.sub(_escape, text)
