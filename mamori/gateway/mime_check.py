"""Fail closed on MIME the guard could only read in part: a truncated or undecodable message is never passed as read.

The guard reads what the email library gives it, and the library is lenient: a multipart whose closing boundary
never comes (the message was cut off), a multipart without a usable boundary, a part whose header was cut, base64
with characters outside its alphabet or a length no encoder writes, an unknown ``Content-Transfer-Encoding`` — all
parse "fine", and the part is scanned as whatever bytes came out (often nothing readable), so a message mamori did
not read completely could pass. So can a fragment (``message/partial``) or a body kept elsewhere
(``message/external-body``). ``unread_parts`` lists such parts; the gateway adds the reason
``unscannable_attachment`` (cause ``corrupt``, the policy's ``[unscannable]`` action for it: hold by default) to
mail with external recipients (internal mail is not scanned for personal data at all, so this cannot change its
verdict). Quoted-printable is decoded leniently by design (a stray ``=`` is text) and not flagged.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import re
from typing import Any

from mamori.gateway.edits import split_header
from mamori.guard import Reason

# defects that mean some of the message's structure was not there to read
_CUT = {
    email.errors.CloseBoundaryNotFoundDefect: ("the closing boundary is missing (the message was cut off)",
                                              "終わりの区切りがない（途中で切れている）"),
    email.errors.StartBoundaryNotFoundDefect: ("the boundary never appears: its parts could not be separated",
                                              "区切りが見つからず、パートを分けられない"),
    email.errors.NoBoundaryInMultipartDefect: ("a multipart without a boundary: its parts could not be separated",
                                              "区切りの指定がなく、パートを分けられない"),
    email.errors.MissingHeaderBodySeparatorDefect: ("a part's header is cut or broken",
                                                   "パートのヘッダが途中で切れている、または壊れている"),
}
_ENCODINGS = {"", "7bit", "8bit", "binary", "base64", "quoted-printable"}
_BASE64 = re.compile(rb"[A-Za-z0-9+/]*={0,2}")
_SPACE = re.compile(rb"\s+")
MAX_LISTED = 5


def unread_parts(raw: bytes) -> list[tuple[str, str, str]]:
    """(part, what is wrong in English, in Japanese) for each part the guard could not have read completely; the
    part is named by its file name or its position (``part-3``), never by its content."""
    head, _, body = split_header(raw)
    top = email.message_from_bytes(head, policy=email.policy.compat32)
    if top.get_content_maintype() not in ("multipart", "message"):  # one part (most mail): no full parse needed
        top.set_payload(body.decode("ascii", "surrogateescape"))
        cut = [("part-1", en, ja) for d in top.defects for kind, (en, ja) in _CUT.items() if isinstance(d, kind)]
        return list(dict.fromkeys(cut + _leaf(top, 1)))
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    found: list[tuple[str, str, str]] = []
    for n, part in enumerate(msg.walk(), start=1):
        label = _label(part, n)
        for defect in part.defects:
            for kind, (en, ja) in _CUT.items():
                if isinstance(defect, kind):
                    found.append((label, en, ja))
        ctype = part.get_content_type()
        if ctype == "message/partial":
            found.append((label, "a fragment of a larger message (message/partial): the rest is not here",
                          "大きなメッセージの一部分（message/partial）で、残りが含まれていない"))
        elif ctype == "message/external-body":
            found.append((label, "its content is kept outside the message (message/external-body): not read",
                          "内容がメッセージの外にある（message/external-body）ため読み取れない"))
        if not part.is_multipart():
            found += _leaf(part, n)
    return list(dict.fromkeys(found))


def _leaf(part: Any, n: int) -> list[tuple[str, str, str]]:
    """What is wrong with one leaf part's transfer encoding (unknown, or base64 that cannot be decoded whole)."""
    label = _label(part, n)
    cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if cte not in _ENCODINGS:
        return [(label, f"unknown transfer encoding {cte[:40]!r}: not decoded",
                 f"不明な転送エンコーディング（{cte[:40]}）のため復号できない")]
    if cte == "base64":
        problem = _base64_problem(part.get_payload(decode=False))
        if problem:
            return [(label, *problem)]
    return []


def _base64_problem(payload: Any) -> tuple[str, str] | None:
    data = payload.encode("ascii", "surrogateescape") if isinstance(payload, str) else bytes(payload or b"")
    data = _SPACE.sub(b"", data)
    if not _BASE64.fullmatch(data):
        return ("base64 with characters outside its alphabet: not decodable", "base64 として復号できない文字がある")
    if len(data) % 4:
        return ("base64 cut short (its length is not a multiple of 4)", "base64 が途中で切れている")
    return None


def _label(part: Any, n: int) -> str:
    name = part.get_filename()
    if isinstance(name, str) and name.strip():
        return name.strip()[:120]
    return f"part-{n}"


def reason(found: list[tuple[str, str, str]], severity: str) -> Reason:
    """The guard's ``unscannable_attachment`` reason for ``found`` (``severity``: the policy's action for it)."""
    shown = found[:MAX_LISTED]
    more = len(found) - len(shown)
    en = "; ".join(f"{p}: {what}" for p, what, _ in shown) + (f"; and {more} more" if more > 0 else "")
    ja = "; ".join(f"{p}: {what}" for p, _, what in shown) + (f"; ほか {more} 件" if more > 0 else "")
    return Reason(
        "unscannable_attachment",
        severity,
        f"the message could not be read completely (damaged): {en}",
        f"メッセージを最後まで読み取れませんでした（破損）: {ja}",
        tuple(p for p, _, _ in shown),
    )
