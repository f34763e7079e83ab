"""From received bytes + envelope to a queue row: what the guard sees, its verdict, and the state that follows.

The envelope is the truth about who receives the message: header To/Cc recipients count only when they are
also envelope recipients, and envelope recipients missing from the headers are Bcc recipients (Bcc exists only in
the envelope at a gateway). Mail whose envelope recipients are all internal is not scanned for personal data: the
guard's personal-data checks apply to external mail only, so the scan could not change the verdict (a test keeps
this true). Everything here is pure except ``judge_raw``, which runs the guard (CPU-bound: call
it in an executor).
"""

from __future__ import annotations

import contextlib
import dataclasses
import email
import email.policy
from datetime import datetime, timedelta
from email.utils import getaddresses, parseaddr
from typing import Any

from mamori.gateway.delivery import masked_text
from mamori.gateway.envelope import storable, unusable_characters
from mamori.gateway.settings import GatewaySettings
from mamori.guard import Directory, History, Message, Policy, Reason, Recipient, Verdict, judge
from mamori.guard.engine import message_from_eml
from mamori.guard.model import stricter

PREVIEW_CHARS = 400


@dataclasses.dataclass(frozen=True)
class Judged:
    """The guard's view of one received message: the Message (None when unreadable), verdict or the error."""

    message: Message | None
    verdict: Verdict | None
    error_code: str = ""  # malformed_message | guard_error
    error: str = ""


def with_envelope(message: Message, rcpt_tos: list[str], mail_from: str | None = None) -> Message:
    """The message's recipients as delivered: header ones in the envelope, plus envelope-only ones as Bcc; and its
    submitter, the envelope sender ``mail_from`` ("" for <>; None: unknown)."""
    envelope = [r.lower() for r in rcpt_tos]
    wanted = set(envelope)
    kept = [r for r in message.recipients if r.address in wanted and r.field in ("to", "cc")]
    seen = {r.address for r in kept}
    extra = [Recipient("", a, "bcc") for a in dict.fromkeys(envelope) if a not in seen]
    submitter = None if mail_from is None else mail_from.strip().lower()
    return dataclasses.replace(message, recipients=tuple(kept + extra), envelope_sender=submitter)


def judge_raw(
    raw: bytes,
    rcpt_tos: list[str],
    policy: Policy,
    directory: Directory,
    history: History,
    detector: Any = None,
    mail_from: str | None = None,
) -> Judged:
    """Parse and judge; a message that cannot be read or a failing check gives an error code, never an exception.

    ``mail_from`` is the envelope sender (the submitter), compared with From (``sender_mismatch``)."""
    # the personal-data checks judge only external mail: for internal-only mail skip the scan (same verdict)
    internal_only = bool(rcpt_tos) and all(policy.is_internal(a) for a in rcpt_tos)
    try:
        try:
            message = message_from_eml(raw, "message.eml", detector, analyse=not internal_only)
        except ValueError:
            # Bcc-only mail ("To: undisclosed-recipients:;" or no To at all) names nobody in its header: read a copy
            # with the envelope recipients as Bcc (they are judged as Bcc anyway); the stored bytes stay as received
            copy = _with_bcc_header(raw, rcpt_tos)
            if copy is None:
                raise
            message = message_from_eml(copy, "message.eml", detector, analyse=not internal_only)
    except Exception as exc:  # ValueError for no From/recipients; anything else from a broken MIME structure
        error = f"{type(exc).__name__}: {masked_text(str(exc)[:200])}"
        if _header_names_people(raw):  # the reader stopped (a time limit, a failure): not malformed, never passed
            return Judged(None, None, "guard_error", f"the message could not be read to its end ({error})")
        return Judged(None, None, "malformed_message", error)
    message = with_envelope(message, rcpt_tos, mail_from)
    try:
        # parts the lenient MIME reader could read only in part are extraction issues ``corrupt`` (extract/mime.py):
        # the guard holds such mail as unscannable_attachment, as it does for `mamori check` and the check API
        verdict = judge(message, policy, directory, history)
        return Judged(message, verdict)
    except Exception as exc:  # a bug in a check must not lose the message: hold it, say why
        return Judged(message, None, "guard_error", f"internal error while judging ({type(exc).__name__})")


def _with_bcc_header(raw: bytes, rcpt_tos: list[str]) -> bytes | None:
    """``raw`` with a ``Bcc:`` line of the envelope recipients before its header, when the header has a From but no
    To/Cc/Bcc address (None otherwise, or when no envelope address can be written in a header)."""
    from mamori.gateway.envelope import usable_address

    try:
        hdr = email.message_from_bytes(_header_only(raw), policy=email.policy.compat32)
        sender = parseaddr(str(hdr.get("From", "")))[1]
        named = [a for fld in ("To", "Cc", "Bcc") for _, a in getaddresses([str(v) for v in hdr.get_all(fld, [])])]
    except Exception:
        return None
    usable = [a for a in rcpt_tos if usable_address(a) and "@" in a and not any(c in a for c in " ,<>\"")]
    if "@" not in sender or any("@" in a for a in named) or not usable:
        return None
    eol = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    return b"Bcc: " + ", ".join(usable).encode("utf-8") + eol + raw


def _header_names_people(raw: bytes) -> bool:
    """Whether the header has a From address and a To/Cc/Bcc address (read by the email library): then a message
    the reader could not turn into a Message stopped for another reason than malformation (its time limit ran out,
    say), and is held as ``guard_error`` whatever ``malformed`` says."""
    try:
        hdr = email.message_from_bytes(_header_only(raw), policy=email.policy.compat32)
        sender = parseaddr(str(hdr.get("From", "")))[1]
        people = [a for fld in ("To", "Cc", "Bcc") for _, a in getaddresses([str(v) for v in hdr.get_all(fld, [])])]
    except Exception:
        return False
    return "@" in sender and any("@" in a for a in people)


def _gateway_reason(code: str, error: str) -> dict[str, Any]:
    texts = {
        "malformed_message": ("the message could not be read (no From header or broken structure)",
                              "メッセージを読み取れませんでした（From ヘッダがない、または構造が壊れています）"),
        "guard_error": ("the guard failed on this message; someone must look at it",
                        "判定中にエラーが発生しました。内容を確認してください"),
    }
    en, ja = texts[code]
    return {"code": code, "severity": "hold", "detail": en, "detail_ja": ja, "evidence": [error[:200]]}


def envelope_reason(mail_from: str, rcpt_tos: list[str]) -> dict[str, Any] | None:
    """The ``malformed_address`` reason when an envelope address holds a character no address may hold (a line
    separator, a control character): the input is named (which address, which character), the address masked."""
    from mamori.detect.mask import mask_value

    found: list[str] = []
    for label, address in (("MAIL FROM", mail_from), *(("RCPT TO", a) for a in rcpt_tos)):
        chars = unusable_characters(address)
        if chars:
            shown = mask_value("EMAIL", "".join("?" if unusable_characters(c) else c for c in address))
            found.append(f"{label} {shown}: {', '.join(chars)}")
    if not found:
        return None
    return {
        "code": "malformed_address",
        "severity": "hold",
        "detail": "an envelope address holds a character no address may hold (a line separator or control "
        "character): " + "; ".join(found),
        "detail_ja": "エンベロープのアドレスに、アドレスに使えない文字（改行・段落区切り・制御文字）が含まれています: "
        + "; ".join(found),
        "evidence": found[:10],
    }


def _held(out: dict[str, Any], reason: dict[str, Any], settings: GatewaySettings, now: datetime) -> dict[str, Any]:
    """``out`` with ``reason`` added and held (unless it was refused already): a hold never becomes a pass."""
    out = {**out, "reasons": [*out.get("reasons", []), reason]}
    if out.get("state") == "rejected":
        return out
    mode = settings.release_mode_for(reason["code"])
    if out.get("state") == "held":
        if mode == "approval":
            out["release_mode"] = "approval"
        return out
    out.update(
        action="hold",
        state="held",
        release_mode=mode,
        deliver_after=None,
        expires_at=now + timedelta(hours=settings.hold_expiry_hours),
        expire_action=settings.expire_action,
    )
    return out


def effective(verdict: Verdict, settings: GatewaySettings) -> tuple[str, list[Reason], bool]:
    """(action, reasons that count, bcc): with ``bcc_open_lists = "auto"`` an open list is fixed by Bcc."""
    reasons = list(verdict.reasons)
    bcc = False
    if settings.bcc_open_lists == "auto" and any(r.code == "open_recipient_list" for r in reasons):
        bcc = True
        reasons = [r for r in reasons if r.code != "open_recipient_list"]
    action = "allow"
    for r in reasons:
        action = stricter(action, r.severity)
    return action, reasons, bcc


def plan(
    judged: Judged, settings: GatewaySettings, now: datetime, envelope: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The verdict columns and the queue state of a new row (``state`` "rejected" for a block); ``envelope``
    (``envelope_reason``) holds a row that would otherwise pass or wait."""
    out = _plan(judged, settings, now)
    return out if envelope is None else _held(out, envelope, settings, now)


def _plan(judged: Judged, settings: GatewaySettings, now: datetime) -> dict[str, Any]:
    if judged.verdict is None:
        reason = _gateway_reason(judged.error_code, judged.error)
        if judged.error_code == "malformed_message" and settings.malformed == "pass":
            return {"action": "allow", "reasons": [reason], "state": "queued", "deliver_after": now}
        return {
            "action": "hold",
            "reasons": [reason],
            "state": "held",
            "release_mode": settings.release_mode_for(judged.error_code),
            "expires_at": now + timedelta(hours=settings.hold_expiry_hours),
            "expire_action": settings.expire_action,
        }
    action, reasons, bcc = effective(judged.verdict, settings)
    out: dict[str, Any] = {"action": action, "reasons": [r.to_dict("en") for r in judged.verdict.reasons], "bcc": bcc}
    if action == "allow":
        out.update(state="queued", deliver_after=now)
    elif action == "confirm":
        if settings.confirm_mode == "delay":
            out.update(state="waiting", deliver_after=now + timedelta(minutes=settings.delay_minutes))
        else:
            out.update(
                state="waiting",
                expires_at=now + timedelta(hours=settings.confirm_expiry_hours),
                expire_action=settings.expire_action,
            )
    elif action == "hold":
        modes = {settings.release_mode_for(r.code) for r in reasons if r.severity == "hold"}
        out.update(
            state="held",
            release_mode="approval" if "approval" in modes else "self",
            expires_at=now + timedelta(hours=settings.hold_expiry_hours),
            expire_action=settings.expire_action,
        )
    else:
        out.update(state="rejected")
    return out


def block_codes(row: dict[str, Any]) -> list[str]:
    return [r["code"] for r in row.get("reasons", []) if r.get("severity") == "block"]


def describe(raw: bytes, mail_from: str, judged: Judged, detector: Any = None) -> dict[str, Any]:
    """The descriptive columns: sender (the submitter: envelope sender ``mail_from``), header_from (the From
    address), subject, Message-ID, header recipients, groups, attachments, preview."""
    # 8-bit header bytes (SMTPUTF8) read as UTF-8 text first; encoded words are decoded by _decode
    head = _header_only(raw).decode("utf-8", "surrogateescape")
    hdr = email.message_from_string(head, policy=email.policy.compat32)
    m = judged.message
    from_name, from_addr = parseaddr(str(hdr.get("From", "")))
    header_from = (m.sender if m else from_addr).lower()[:320]
    recipients = []
    for fld in ("To", "Cc"):
        for name, addr in getaddresses([str(v) for v in hdr.get_all(fld, [])]):
            if addr:
                recipients.append({"name": _decode(name), "address": addr.lower(), "field": fld.lower()})
    if m is not None:  # the reader's names (every charset and 8-bit header handled) where it has the address
        names = {r.address: r.name for r in m.recipients if r.name}
        for r in recipients:
            r["name"] = names.get(r["address"], r["name"])
    out: dict[str, Any] = {  # (text columns without NUL: PostgreSQL cannot store it)
        "sender": storable(mail_from.lower()[:320]),  # whose message it is: the submitter, never what From says
        "header_from": storable(header_from),
        "sender_name": storable((m.sender_name if m else _decode(from_name))[:320]),
        "subject": storable(m.subject if m else _decode(str(hdr.get("Subject", "")))),
        "message_id": storable(str(hdr.get("Message-ID", "")).strip()[:998]),
        "recipients": recipients,
        "groups": [],
        "attachments": [],
        "preview": "",
    }
    if judged.verdict is not None:
        out["groups"] = [
            {
                "organization": g.organization,
                "known": g.known,
                "recipients": [
                    {"address": r.address, "name": r.name, "field": r.field, "first_time": r.first_time}
                    for r in g.recipients
                ],
            }
            for g in judged.verdict.external_groups
        ]
    if m is not None:
        out["attachments"] = [
            {"filename": a.filename, "types": sorted(a.types), "records": a.records, "issues": list(a.issues)}
            for a in m.attachments
        ]
        out["preview"] = masked_preview(m.body, detector)
    return out


def plain_preview(raw: bytes) -> str | None:
    """The first lines of the body as written, for its sender's own eyes (never stored, never logged); None when
    the bytes are not a readable message."""
    from mamori.guard.engine import message_from_eml

    try:
        body = message_from_eml(raw, analyse=False).body
    except ValueError:
        return None
    return body.strip()[:PREVIEW_CHARS]


def masked_preview(body: str, detector: Any = None) -> str:
    """The first lines of the body with every personal value masked."""
    from mamori.detect.detector import default_detector
    from mamori.detect.mask import mask

    text = body.strip()[:PREVIEW_CHARS]
    if not text:
        return ""
    det = detector or default_detector()
    return mask(text, det.detect(text))


def _header_only(raw: bytes) -> bytes:
    from mamori.gateway.edits import split_header

    return split_header(raw)[0]


def _decode(value: str) -> str:
    """A header value as text: encoded words decoded, raw 8-bit (UTF-8, SMTPUTF8) bytes read as UTF-8."""
    from email.header import decode_header, make_header

    with contextlib.suppress(UnicodeEncodeError):  # (a value that is already text stays as it is)
        value = value.encode("ascii", "surrogateescape").decode("utf-8", "replace")
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value

