"""Plain values the guard works on: a message, its recipients and analysed attachments, reasons and a verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTIONS = ("allow", "confirm", "hold", "block")  # in increasing order of strictness


def stricter(a: str, b: str) -> str:
    """The stricter of two actions."""
    return a if ACTIONS.index(a) >= ACTIONS.index(b) else b


@dataclass(frozen=True, slots=True)
class Recipient:
    """One addressee: display name, address (lower-cased) and header field (to, cc, bcc)."""

    name: str
    address: str
    field: str = "to"

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2].lower()

    @property
    def local(self) -> str:
        return self.address.rpartition("@")[0].lower()


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """An attachment as analysed: its text, what personal data it holds, and what could not be inspected.

    ``findings`` are ``(type, subtype, masked)``; ``records`` counts people (table rows or distinct names) with
    personal data; ``issues`` are extraction issue codes (encrypted, too_large...).
    """

    filename: str
    text: str = ""
    findings: tuple[tuple[str, str | None, str], ...] = ()
    records: int = 0
    issues: tuple[str, ...] = ()
    damage: tuple[str, ...] = ()  # what of its MIME structure was not read (``glossary.MIME_DAMAGE`` keys)
    quoted: int = 0  # of ``records``, those of the body's quoted or forwarded part (the body's analysis only)
    # special-care kinds written in the body's quoted or forwarded part, beside a personal value there other than a
    # name (a phone, an address, a birth date): someone's own words about their health (the body's analysis only)
    quoted_sensitive: tuple[str, ...] = ()
    # lines of the body's own text that identify a private person beyond a business contact: a birth date or an
    # identity number, or a name beside a home address (the body's analysis only)
    identifying: int = 0
    # distinct My Numbers (個人番号) in the body's own text (the body's analysis only)
    my_numbers: int = 0
    # distinct numbers of identity documents (在留カード, 旅券, 運転免許証) in the body's own text, per type, as
    # ``((type, count), ...)`` (the body's analysis only)
    id_cards: tuple[tuple[str, int], ...] = ()

    @property
    def types(self) -> set[str]:
        return {t for t, _, _ in self.findings}


@dataclass(frozen=True, slots=True)
class Message:
    """An outgoing message as the guard sees it."""

    sender: str
    recipients: tuple[Recipient, ...]
    subject: str = ""
    body: str = ""
    attachments: tuple[AttachmentInfo, ...] = ()
    sender_name: str = ""
    body_info: AttachmentInfo | None = None  # the sender's own text (no quote, no signature) as analysed
    # who submitted it (the envelope sender, bound by the MTA to the SMTP AUTH login); None when not known (a
    # message judged off the gateway), "" for the null sender <>
    envelope_sender: str | None = None

    @property
    def submitter(self) -> str:
        """Whose message this is: the envelope sender when the gateway knows one, else the From address."""
        return (self.envelope_sender or self.sender).lower()

    @property
    def scanned(self) -> tuple[AttachmentInfo, ...]:
        """What the personal-data checks read: the attachments, then the body's own text when it was analysed."""
        return self.attachments + ((self.body_info,) if self.body_info is not None else ())


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a message needs attention: a stable code, a severity (the action it asks for), texts and evidence.

    ``evidence`` holds masked strings only; ``recipients`` the addresses concerned (kept out of the JSON output,
    which may end up in logs; the gateway reads them from the value).
    """

    code: str
    severity: str
    detail: str
    detail_ja: str = ""
    evidence: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "detail": self.detail_ja if lang == "ja" and self.detail_ja else self.detail,
        }
        if lang != "ja" and self.detail_ja:
            out["detail_ja"] = self.detail_ja
        if self.evidence:
            out["evidence"] = list(self.evidence)
        return out


FIELD_LABELS = {"to": "To", "cc": "Cc", "bcc": "Bcc"}


@dataclass(frozen=True, slots=True)
class GroupedRecipient:
    """An external recipient as the confirmation page lists it.

    ``address`` and ``name`` are the raw values (for the gateway UI); ``to_dict`` renders them masked.
    """

    address: str
    name: str
    field: str
    first_time: bool

    def to_dict(self) -> dict[str, Any]:
        from mamori.detect.mask import mask_value

        return {
            "address": mask_value("EMAIL", self.address),
            "name": mask_value("PERSON", self.name) if self.name else "",
            "field": FIELD_LABELS.get(self.field, self.field),
            "first_time": self.first_time,
        }


@dataclass(frozen=True, slots=True)
class OrgGroup:
    """External recipients of one organisation: its directory name, else the domain (``known`` is then False)."""

    organization: str
    known: bool
    recipients: tuple[GroupedRecipient, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization,
            "known": self.known,
            "recipients": [r.to_dict() for r in self.recipients],
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision: the strictest severity among the reasons (``allow`` when there are none).

    ``external_groups`` lists the external recipients grouped by organisation, in the order they first appear.
    """

    action: str
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    external_groups: tuple[OrgGroup, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, reasons: list[Reason], external_groups: tuple[OrgGroup, ...] = ()) -> Verdict:
        action = "allow"
        for r in reasons:
            action = stricter(action, r.severity)
        return cls(action, tuple(sorted(reasons, key=lambda r: -ACTIONS.index(r.severity))), external_groups)
