"""Addresses and header text the gateway can use as they are, and a name for what makes one unusable.

An envelope address (``MAIL FROM``, ``RCPT TO``) arrives with SMTPUTF8 as any Unicode text. A line or paragraph
separator (U+2028, U+2029, NEL U+0085) or another control character in it cannot be written into a header (a
notice ``To:``), is refused by the next hop, and NUL cannot be stored in PostgreSQL text. The gateway does not
crash on such an address nor refuse the mail for good: it accepts the message, holds it with a reason that names
the character (``unusable_characters``), and writes no notice to that address.
"""

from __future__ import annotations

import unicodedata

# Unicode categories that have no place in an address or a one-line header value: controls (C0, DEL, C1 incl.
# NEL), line and paragraph separators, lone surrogates (undecodable bytes carried through surrogateescape)
_UNUSABLE_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})


def unusable_characters(value: str) -> list[str]:
    """Each distinct unusable character of ``value``, named (``U+2028 LINE SEPARATOR``), in order of appearance."""
    out: dict[str, str] = {}
    for ch in value:
        if ch not in out and unicodedata.category(ch) in _UNUSABLE_CATEGORIES:
            name = unicodedata.name(ch, "") or ("CONTROL" if unicodedata.category(ch) == "Cc" else "SURROGATE")
            out[ch] = f"U+{ord(ch):04X} {name}"
    return list(out.values())


def usable_address(value: str) -> bool:
    """An address a notice may be sent to: one ``@`` part at least and nothing ``unusable_characters`` names."""
    return "@" in value and not unusable_characters(value)


def storable(text: str) -> str:
    """``text`` without NUL (PostgreSQL text cannot hold it); every other character kept."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text
