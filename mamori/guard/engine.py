"""`judge` (pure: message + policy + directory + history -> verdict) and the adapter from .eml bytes to a Message."""

from __future__ import annotations

from mamori.guard.checks import CHECKS, PERSONAL_TYPES, Context
from mamori.guard.directory import Directory
from mamori.guard.history import History
from mamori.guard.model import AttachmentInfo, Message, Recipient, Verdict
from mamori.guard.policy import Policy

MAX_UNITS_PER_ATTACHMENT = 4000  # detection budget; records beyond it are estimated from the table size


def judge(message: Message, policy: Policy, directory: Directory, history: History) -> Verdict:
    """The verdict on one message: every check's reasons; the action is the strictest severity."""
    ctx = Context(message, policy, directory, history)
    reasons = [r for check in CHECKS for r in check(ctx)]
    return Verdict.of(reasons)


def message_from_eml(data: bytes, filename: str = "message.eml", detector=None) -> Message:
    """A Message from .eml bytes: headers, the body text, and each top-level attachment analysed.

    Raises ValueError when the bytes are not a message with a sender and recipients.
    """
    from mamori.detect.detector import default_detector
    from mamori.extract import CELL, HEADER, NAME, extract

    ex = extract(data, filename)
    info = ex.message
    if info is None or not info.sender:
        raise ValueError("not an e-mail message (no From header)")
    recipients = tuple(
        Recipient(a.name, a.address.lower(), fld)
        for fld, addrs in (("to", info.to), ("cc", info.cc), ("bcc", info.bcc))
        for a in addrs
        if a.address
    )
    if not recipients:
        raise ValueError("the message has no recipients")
    body = "\n".join(u.text for u in ex.units if not u.location.path and u.kind not in (HEADER, NAME))
    det = detector or default_detector()
    tables = {i: t for i, t in enumerate(ex.tables)}
    attachments: list[AttachmentInfo] = []
    for att in info.attachments:
        units = [u for u in ex.iter_under(att.path) if u.kind != NAME]
        findings: list[tuple[str, str | None, str]] = []
        rows: set[tuple[tuple[str, ...], int | None, int | None]] = set()
        people: set[str] = set()
        for u in units[:MAX_UNITS_PER_ATTACHMENT]:
            for f in det.detect(u.text):
                findings.append((f.type, f.subtype, f.masked))
                if f.type in PERSONAL_TYPES:
                    if u.kind == CELL:
                        rows.add((u.location.path, u.location.table, u.location.row))
                    elif f.type == "PERSON":
                        people.add(f.text)
        records = max(len(rows), len(people))
        if len(units) > MAX_UNITS_PER_ATTACHMENT and rows:
            records = max(
                records, sum(len(t.rows) for i, t in tables.items() if t.location.path[: len(att.path)] == att.path)
            )
        issues = tuple(i.code for i in ex.issues if i.location.path[: len(att.path)] == att.path)
        text = "\n".join(u.text for u in units)
        attachments.append(AttachmentInfo(att.filename, text, tuple(findings), records, issues))
    sender = info.sender[0]
    return Message(sender.address.lower(), recipients, info.subject, body, tuple(attachments), sender.name)
