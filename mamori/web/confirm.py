"""The confirmation page as data: recipients grouped by organisation, what must be ticked, and the reasons.

Pure functions over a ``QueuedMessage``. Each external recipient and each attachment gets a key (``r0``, ``a0``
...) computed the same way when the page is drawn and when its form comes back, so the server can refuse a
send that does not acknowledge every one of them (the checkboxes' JavaScript is a convenience, not the check).

``masked=True`` draws the page for someone other than the sender (an approver or officer): addresses, names,
subject, file names, the reasons' texts and evidence and the preview are masked, all by the same rule, until they
press "reveal" (which is logged). The sender sees their own mail as they wrote it: the preview from the message
itself (``preview``) and the reasons with the real addresses where the guard wrote masked ones.

The recipients are the envelope's (``rcpt_to``: who the server will really deliver to), each once, with the
header field that names it (To/Cc) or Bcc when no header does; an address only in a To/Cc header is not a
recipient and is not listed. An external recipient that a wrong-recipient reason names is ``suspect``: the page
offers to send to the others without it (:data:`WRONG_RECIPIENT`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mamori.detect.mask import mask_value
from mamori.gateway.hold_queue import QueuedMessage
from mamori.glossary import evidence_label


@dataclass(frozen=True, slots=True)
class Line:
    """One recipient or attachment line of the page."""

    key: str  # the checkbox value; "" for lines that need no tick (internal recipients)
    label: str  # address or file name as shown (masked or raw)
    name: str = ""
    field: str = ""  # to | cc | bcc
    first_time: bool = False
    size: int = 0
    types: tuple[str, ...] = ()
    records: int = 0
    issues: tuple[str, ...] = ()
    address: str = ""  # the raw envelope address of a recipient line ("" for attachments)
    suspect: bool = False  # a wrong-recipient reason names this recipient


@dataclass(frozen=True, slots=True)
class OrgBlock:
    organization: str
    known: bool
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class ReasonView:
    code: str
    severity: str
    detail: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConfirmView:
    external: tuple[OrgBlock, ...]
    internal: tuple[Line, ...]
    attachments: tuple[Line, ...]
    reasons: tuple[ReasonView, ...]
    subject: str
    masked: bool
    open_list: bool
    required: frozenset[str] = field(default_factory=frozenset)
    preview: str = ""

    def line(self, key: str) -> Line | None:
        """The external recipient line with checkbox ``key``, or None."""
        return next((ln for b in self.external for ln in b.lines if ln.key == key), None)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _field(value: Any) -> str:
    v = _str(value).lower()
    return v if v in ("to", "cc", "bcc") else "to"


def _raw_recipients(msg: QueuedMessage) -> list[tuple[str, str, str]]:
    """(address, name, field) of every envelope recipient, once each, in envelope order.

    The field is the header's (To/Cc) when a header names the address, else Bcc. Addresses only in a header are
    not recipients: the server does not deliver to them. A record without an envelope (none was stored) falls
    back to the header's recipients.
    """
    header: dict[str, tuple[str, str]] = {}
    for r in msg.recipients:
        if isinstance(r, dict):
            address = _str(r.get("address")).strip().lower()
            if address and address not in header:
                header[address] = (_clean(_str(r.get("name"))), _field(r.get("field")))
    envelope = [_str(a).strip().lower() for a in msg.rcpt_to] or list(header)
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for a in envelope:
        if a and a not in seen:
            seen.add(a)
            name, fld = header.get(a, ("", "bcc"))
            out.append((a, name, fld))
    return out


def _clean(name: str) -> str:
    """A display name, or "" when it was mis-decoded (replacement characters or lone surrogates)."""
    if "\ufffd" in name or any("\ud800" <= c <= "\udfff" for c in name):
        return ""
    return name


def _mask_name(name: str) -> str:
    return mask_value("PERSON", name) if name else ""


WRONG_RECIPIENT = frozenset(
    {"similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch", "lookalike_domain",
     "recipient_organization_mismatch"}
)


def _unmask_addresses(text: str, addresses: Iterable[str]) -> str:
    """``text`` with each masked address (``k*****@x.example``) replaced by the one recipient it stands for."""
    by_mask: dict[str, list[str]] = {}
    for a in addresses:
        by_mask.setdefault(mask_value("EMAIL", a), []).append(a)
    for masked, real in by_mask.items():
        if len(real) == 1 and masked != real[0]:  # two recipients with one masked form: left masked
            text = text.replace(masked, real[0])
    return text


def build(
    msg: QueuedMessage,
    lang: str,
    *,
    masked: bool,
    mask_text: Callable[[str], str] = lambda s: s,
    preview: str | None = None,
) -> ConfirmView:
    """The page for ``msg``. ``mask_text`` masks free text (subject, file names, reasons) when ``masked``;
    ``preview`` is the body as written, shown instead of the stored masked preview when not ``masked``."""
    raw = _raw_recipients(msg)
    addresses = [a for a, _, _ in raw]
    reasons = tuple(reason_view(r, lang) for r in msg.reasons if isinstance(r, dict))
    # the recipient in question is a wrong-recipient reason's first evidence (the others are for comparison:
    # the usual address, the organisations)
    suspects = {r.evidence[0].lower() for r in reasons if r.code in WRONG_RECIPIENT and r.evidence}
    if masked:
        reasons = tuple(ReasonView(r.code, r.severity, mask_text(r.detail), tuple(mask_text(e) for e in r.evidence))
                        for r in reasons)
    else:
        reasons = tuple(ReasonView(r.code, r.severity, _unmask_addresses(r.detail, addresses),
                                   tuple(_unmask_addresses(e, addresses) for e in r.evidence)) for r in reasons)
    unused = list(raw)
    blocks: list[OrgBlock] = []
    n = 0
    for group in msg.groups:
        if not isinstance(group, dict):
            continue
        lines: list[Line] = []
        for gr in group.get("recipients", []) or []:
            if not isinstance(gr, dict):
                continue
            shown = _str(gr.get("address"))
            match = next((r for r in unused if r[0] == shown.lower() or mask_value("EMAIL", r[0]) == shown), None)
            if match is None:
                continue  # not an envelope recipient (a header-only address): nobody delivers to it
            unused.remove(match)
            address = match[0]
            name = (_clean(match[1]) if match else "") or _clean(_str(gr.get("name")))
            label = mask_value("EMAIL", address) if masked else address
            lines.append(
                Line(
                    key=f"r{n}",
                    label=label,
                    name=_mask_name(name) if masked else name,
                    field=match[2],
                    first_time=bool(gr.get("first_time")),
                    address=address,
                    suspect=address in suspects or mask_value("EMAIL", address) in suspects,
                )
            )
            n += 1
        if lines:
            blocks.append(OrgBlock(_str(group.get("organization")) or "?", bool(group.get("known")), tuple(lines)))
    internal = tuple(
        Line(key="", label=mask_value("EMAIL", a) if masked else a, name=_mask_name(nm) if masked else nm, field=f,
             address=a)
        for a, nm, f in unused
    )
    attachments = []
    for i, att in enumerate(msg.attachments):
        if not isinstance(att, dict):
            continue
        filename = _str(att.get("filename")) or "(no name)"
        attachments.append(
            Line(
                key=f"a{i}",
                label=mask_text(filename) if masked else filename,
                size=int(att.get("size") or 0),
                types=tuple(str(t) for t in att.get("types", []) or []),
                records=int(att.get("records") or 0),
                issues=tuple(str(t) for t in att.get("issues", []) or []),
            )
        )
    required = frozenset(line.key for b in blocks for line in b.lines) | {a.key for a in attachments}
    return ConfirmView(
        external=tuple(blocks),
        internal=internal,
        attachments=tuple(attachments),
        reasons=reasons,
        subject=mask_text(msg.subject) if masked else msg.subject,
        masked=masked,
        open_list=any(r.code == "open_recipient_list" for r in reasons),
        required=required,
        preview=msg.preview if masked or preview is None else preview,
    )


def reason_view(r: dict[str, Any], lang: str) -> ReasonView:
    en = _str(r.get("detail"))
    ja = _str(r.get("detail_ja"))
    if r.get("lang") == "ja":  # a dict written with to_dict("ja") holds Japanese in "detail"
        ja, en = en, _str(r.get("detail_en")) or en
    detail = (ja or en) if lang == "ja" else (en or ja)
    evidence = tuple(evidence_label(str(e), lang) for e in r.get("evidence", []) or [])
    return ReasonView(_str(r.get("code")), _str(r.get("severity")), detail, evidence)


def missing_acks(view: ConfirmView, acks: Iterable[str]) -> frozenset[str]:
    """The keys the form did not acknowledge (empty: every external recipient and attachment was ticked)."""
    return view.required - set(acks)


def seconds_left(deliver_after: datetime | None, now: datetime) -> int | None:
    if deliver_after is None:
        return None
    return max(0, int((deliver_after - now).total_seconds()))


def human_left(seconds: int, lang: str) -> str:
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    if lang == "en":
        return f"{h}h {m:02d}m {s:02d}s" if h else f"{m}m {s:02d}s"
    return f"{h}時間{m:02d}分{s:02d}秒" if h else f"{m}分{s:02d}秒"
