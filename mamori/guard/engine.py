"""`judge` (pure: message + policy + directory + history -> verdict) and the adapter from .eml bytes to a Message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from mamori.guard.attachments import analyse_extraction, guard_limits, mime_damage
from mamori.guard.checks import BODY_NAME, CHECKS, PERSONAL_TYPES, STRONG_TYPES, Context
from mamori.guard.directory import Directory
from mamori.guard.history import History
from mamori.guard.model import AttachmentInfo, Message, Recipient, Verdict
from mamori.guard.policy import Policy
from mamori.guard.salutation import own_text

MAX_LINES_OF_BODY = 1000  # non-blank lines of the sender's own text read; past them: unread_text


def judge(message: Message, policy: Policy, directory: Directory, history: History) -> Verdict:
    """The verdict on one message: every check's reasons; the action is the strictest severity."""
    ctx = Context(message, policy, directory, history)
    reasons = [r for check in CHECKS for r in check(ctx)]
    return Verdict.of(reasons, ctx.external_groups())


def message_from_eml(data: bytes, filename: str = "message.eml", detector=None, *, analyse: bool = True) -> Message:
    """A Message from .eml bytes: headers, the body text, and each top-level attachment analysed.

    ``analyse=False`` skips detection in the body and the attachments (their names and extraction issues are
    kept): for mail whose every recipient is internal, which the personal-data checks do not judge.
    Raises ValueError when the bytes are not a message with a sender and recipients.
    """
    from mamori.detect.detector import default_detector
    from mamori.extract import HEADER, NAME, extract
    from mamori.extract.mime import ALTERNATIVE_FIELD

    ex = extract(data, filename, limits=guard_limits())
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
    own_units = [u for u in ex.units if not u.location.path and u.kind not in (HEADER, NAME)]
    body = "\n".join(u.text for u in own_units)
    sender = info.sender[0]
    if not analyse:
        attachments = tuple(
            AttachmentInfo(att.filename, issues=tuple(i.code for i in mine), damage=mime_damage(mine))
            for att in info.attachments
            for mine in ([i for i in ex.issues if i.location.path[: len(att.path)] == att.path],)
        )
        return Message(sender.address.lower(), recipients, info.subject, body, attachments, sender.name, None)
    det = detector or default_detector()
    attachments = tuple(analyse_extraction(ex, att.path, att.filename, det) for att in info.attachments)
    main = "\n".join(u.text for u in own_units if u.location.field != ALTERNATIVE_FIELD)
    versions = [u.text for u in own_units if u.location.field == ALTERNATIVE_FIELD]
    body_info = analyse_body(main, det, versions)
    # what stopped the reading of the message itself (an encrypted body, a broken structure...) is the body's
    own_issues = [i for i in ex.issues if not i.location.path]
    body_issues = tuple(dict.fromkeys(i.code for i in own_issues))
    body_info = replace(
        body_info, issues=tuple(dict.fromkeys(body_info.issues + body_issues)), damage=mime_damage(own_issues)
    )
    return Message(sender.address.lower(), recipients, info.subject, body, attachments, sender.name, body_info)


def analyse_body(body: str, detector, versions: Sequence[str] = ()) -> AttachmentInfo:
    """The sender's own text (quoted part and signature cut) analysed like an attachment.

    A record is a line holding a personal value other than a name (a pasted list: 氏名 電話 住所, one per line), or,
    for records written on one line ("A 03-... / B 03-... / ..."), a distinct value of a type a person holds once;
    a signature left without its ``--`` separator gives a few such lines, under the 3 people of a list. Special-care
    words count only on a line about someone (with a name or another personal value). The quoted part and the
    signature still leave with the mail: a list there (`QUOTED_LIST_RECORDS` distinct addresses, birth dates or
    identity numbers) counts too. Own text past `MAX_LINES_OF_BODY` non-blank lines is not read: ``unread_text``.
    ``versions``: the text other versions of a multipart/alternative add (each cut of its quote and signature too).
    """
    from mamori.guard.attachments import RECORD_TYPES

    own = "\n".join([own_text(body), *(own_text(v) for v in versions)])
    findings: list[tuple[str, str | None, str]] = []
    records = 0
    values: dict[str, set[str]] = {}
    issues: tuple[str, ...] = ()
    lines = [line for line in own.splitlines() if line.strip()]
    if len(lines) > MAX_LINES_OF_BODY:
        issues = ("unread_text",)
    for line in lines[:MAX_LINES_OF_BODY]:
        found = detector.detect(line)
        types = {f.type for f in found}
        about_someone = bool(types & PERSONAL_TYPES - {"SENSITIVE"})
        # 「健康診断結果の一覧をお送りします」 names a topic, not someone's health: special-care words count in the
        # body only on a line that also holds a person's name or another personal value.
        findings.extend((f.type, f.subtype, f.masked) for f in found if f.type != "SENSITIVE" or about_someone)
        records += bool(types & PERSONAL_TYPES - {"PERSON", "SENSITIVE"})
        for f in found:
            if f.type in RECORD_TYPES:
                values.setdefault(f.type, set()).add(f.text)
    records = max(records, *(len(v) for v in values.values()), 0)
    rest = "\n".join(_rest(text) for text in (body, *versions))
    quoted, quoted_findings = _quoted_list(rest, detector)
    if quoted >= QUOTED_LIST_RECORDS:
        records += quoted
        findings.extend(quoted_findings)
    return AttachmentInfo(BODY_NAME, own, tuple(findings), records, issues)


def _rest(text: str) -> str:
    """What ``own_text`` cut from ``text``: the quoted part and the signature."""
    own = own_text(text)
    return text[len(own) :] if text.startswith(own) else ""


QUOTED_LIST_RECORDS = 20  # records in quoted text (or below the signature mark) from which it is a list
_QUOTED_STRONG = frozenset(STRONG_TYPES - {"SENSITIVE"})
MAX_QUOTED_CHARS = 2_000_000  # quoted text read for a list (past the body's own text)
_CONTACT_CHAR = re.compile(r"[0-9０-９@＠]")


def _quoted_list(rest: str, detector) -> tuple[int, list[tuple[str, str | None, str]]]:
    """Records in the quoted part and the signature: distinct lines holding a contact value (phone, mail, address,
    birth date...) beside another kind of personal value (a name, a place), and distinct birth dates or identity
    numbers. A thread repeats its signatures (counted once each) and holds a few; a list holds one per person."""
    if not rest.strip():
        return 0, []
    from mamori.detect.batch import detect_batched
    from mamori.guard.attachments import RECORD_TYPES

    # every value looked for here holds a digit or an @ (phone, address number, birth date, mail, identity number)
    candidates = list(
        dict.fromkeys(
            key for line in rest[:MAX_QUOTED_CHARS].splitlines() if (key := line.strip()) and _CONTACT_CHAR.search(key)
        )
    )
    lines: set[str] = set()
    strong: set[str] = set()
    findings: list[tuple[str, str | None, str]] = []
    for key, found in zip(candidates, detect_batched(detector, [("", c) for c in candidates]), strict=False):
        kinds = {f.type for f in found} - {"POSTAL_CODE", "SENSITIVE"}
        new_strong = {f.text for f in found if f.type in _QUOTED_STRONG} - strong
        if new_strong or (kinds & RECORD_TYPES and len(kinds) >= 2):
            lines.add(key)
            strong |= new_strong
            findings.extend((f.type, f.subtype, f.masked) for f in found if f.type in PERSONAL_TYPES)
    return max(len(lines), len(strong)), findings
