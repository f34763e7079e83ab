"""A message of any channel (e-mail, chat, FAX) -> the guard's `Message`, and the same judge's verdict on it.

E-mail recipients are addresses, as in a .eml. Chat and FAX recipients are people: a name and an organisation,
maybe a chat handle or a FAX number. Each is resolved against the directory so that the mail checks
(similar_recipient, content_recipient_mismatch, attachment_recipient_mismatch...) work on them too:

* an address (or a handle that is an address) is used as is;
* a chat handle or a FAX number is looked up in the optional ``handle`` / ``fax`` columns of contacts.csv
  (`load_channel_index`); the organisation it reaches is the destination;
* otherwise the name (or kana, or the surname alone) at the named organisation picks one contact.

A recipient that cannot be pinned to one contact becomes a placeholder address at its organisation's domain
(``?xxx@domain``; at ``oN.UNKNOWN_DOMAIN``, one per organisation name, when the organisation is unknown too), so
that it still counts as the external recipient it is; the verdict shows it by a masked name and organisation
instead of that address, and an unknown organisation by the name given (or "not in the directory").

Reasons added here (codes of their own, set in the policy's ``[actions]`` like the others):

* ``unknown_recipient`` (confirm): a chat/FAX recipient the directory does not know, or knows several of;
* ``recipient_organization_mismatch`` (hold): the address, handle or FAX number belongs to another organisation
  than the one the recipient is named with (the FAX number of company B for 佐藤様 of company A);
* for chat, ``similar_recipient`` also when the recipient shares a surname with a contact of another
  organisation that the message names, or that the sender usually writes to while this person is new to them
  and the text does not name their organisation (the course's case: 佐藤様 of company B picked instead of
  佐藤様 of company A).

Pure: the directory index, policy, history and detector come in as values.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from mamori.detect.mask import mask_value
from mamori.guard.directory import Contact, Directory, load_contacts, org_stem, surname
from mamori.guard.history import History
from mamori.guard.model import AttachmentInfo, Message, Reason, Recipient, Verdict
from mamori.guard.policy import Policy

CHANNELS = ("email", "chat", "fax")
UNKNOWN_DOMAIN = "unknown-organization.invalid"  # RFC 2606: never a real domain
PLACEHOLDER_MARK = "?"  # placeholder local parts start with it; real mailboxes do not

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HONORIFIC = re.compile(r"(様|さま|さん|殿|氏|御中)$")
_HIRA = {chr(c): chr(c + 0x60) for c in range(0x3041, 0x3097)}


# --- input ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Party:
    """The sender: an address and/or a chat handle, and a display name."""

    address: str = ""
    handle: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class ChannelRecipient:
    """One addressee as a chat tool, a FAX sender or a mailer knows them; ``field`` is to, cc or bcc."""

    name: str = ""
    organization: str = ""
    address: str = ""
    handle: str = ""
    fax: str = ""
    field: str = "to"


@dataclass(frozen=True, slots=True)
class ChannelMessage:
    """A message of one channel, its attachments already analysed (`mamori.guard.attachments`)."""

    channel: str
    sender: Party
    recipients: tuple[ChannelRecipient, ...]
    subject: str = ""
    text: str = ""
    attachments: tuple[AttachmentInfo, ...] = ()


# --- directory index ------------------------------------------------------------------------------------------


@dataclass
class ChannelIndex:
    """The directory plus lookups by FAX number and chat handle (optional contacts.csv columns ``fax``, ``handle``).

    ``extra`` holds contacts with a FAX number or handle but no e-mail address (the directory skips those).
    """

    directory: Directory
    fax_of: dict[str, list[Contact]] = field(default_factory=dict)
    handle_of: dict[str, list[Contact]] = field(default_factory=dict)
    extra: list[Contact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_kana: dict[str, list[Contact]] = defaultdict(list)
        self.by_kana_surname: dict[str, list[Contact]] = defaultdict(list)
        for c in [*self.directory.contacts, *self.extra]:
            if c.kana:
                self.by_kana[norm_kana(c.kana)].append(c)
                self.by_kana_surname[norm_kana(surname(c.kana))].append(c)
        self._named_extra: dict[str, list[Contact]] = defaultdict(list)
        self._surname_extra: dict[str, list[Contact]] = defaultdict(list)
        for c in self.extra:
            self._named_extra[norm_name(c.name)].append(c)
            self._surname_extra[c.surname].append(c)

    def named(self, name: str) -> list[Contact]:
        key = norm_name(name)
        found = self.directory.named(key) or self.directory.named("".join(name.split()))
        return [*found, *self._named_extra.get(key, [])]

    def with_surname(self, name: str) -> list[Contact]:
        return [*self.directory.by_surname.get(name, []), *self._surname_extra.get(name, [])]

    def lookup_fax(self, number: str) -> list[Contact]:
        return self.fax_of.get(norm_fax(number), [])

    def lookup_handle(self, handle: str) -> list[Contact]:
        return self.handle_of.get(norm_handle(handle), [])


def norm_name(name: str) -> str:
    """A name compared without spaces, width or honorific: 「佐藤　太郎 様」 → 佐藤太郎."""
    return _HONORIFIC.sub("", "".join(unicodedata.normalize("NFKC", name).split()))


def norm_kana(name: str) -> str:
    """A reading compared as katakana, without spaces or honorific: 「さとう 様」 → サトウ."""
    return norm_name(name).translate(str.maketrans(_HIRA))


def norm_fax(number: str) -> str:
    """Digits only, +81 as a leading 0: ``+81 3-1234-5678`` → ``0312345678``."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", number))
    if unicodedata.normalize("NFKC", number).strip().startswith("+81") or digits.startswith("0081"):
        digits = "0" + digits.removeprefix("00").removeprefix("81")
    return digits


def norm_handle(handle: str) -> str:
    return unicodedata.normalize("NFKC", handle).strip().lstrip("@").lower()


def channel_index(directory: Directory, text: str | None = None) -> ChannelIndex:
    """The index of ``directory``; with the contacts CSV ``text``, its ``fax`` and ``handle`` columns too.

    A cell may hold several values separated by ``;`` or ``|``. Unknown columns are ignored, as the directory does.
    """
    fax_of: dict[str, list[Contact]] = defaultdict(list)
    handle_of: dict[str, list[Contact]] = defaultdict(list)
    extra: list[Contact] = []
    if text is not None:
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        for row in reader:
            faxes = _cells(row.get("fax"))
            handles = _cells(row.get("handle"))
            if not faxes and not handles:
                continue
            email = (row.get("email") or "").strip().lower()
            contact = directory.lookup(email) if email else None
            if contact is None:
                contact = Contact(
                    (row.get("name") or "").strip(),
                    (row.get("kana") or "").strip(),
                    email,
                    (row.get("organization") or "").strip(),
                )
                extra.append(contact)
            for f in faxes:
                if norm_fax(f):
                    fax_of[norm_fax(f)].append(contact)
            for h in handles:
                if norm_handle(h):
                    handle_of[norm_handle(h)].append(contact)
    return ChannelIndex(directory, dict(fax_of), dict(handle_of), extra)


def load_channel_index(path: str | Path | None) -> ChannelIndex:
    """The directory of a contacts file (`load_contacts`) with its FAX and handle columns (CSV only)."""
    return channel_index_from(load_contacts(path), path)


def channel_index_from(directory: Directory, path: str | Path | None) -> ChannelIndex:
    """``directory`` (loaded from ``path``) with the FAX and handle columns of that file (CSV only)."""
    if path is None or str(path).lower().endswith((".vcf", ".vcard")):
        return channel_index(directory)
    text = Path(path).read_bytes().decode("utf-8-sig")
    if text.lstrip().upper().startswith("BEGIN:VCARD"):
        return channel_index(directory)
    return channel_index(directory, text)


def _cells(value: str | None) -> list[str]:
    return [v.strip() for v in re.split(r"[;|]", value or "") if v.strip()]


# --- resolution -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolution:
    """How one input recipient was understood.

    ``status``: ``resolved`` (one contact or an address), ``ambiguous`` (several contacts fit), ``unknown``.
    ``matched_by``: address, handle, fax, name, kana, surname or "". ``organization`` is where the message goes
    (the contact's or the domain's organisation; "" when unknown). ``address`` is what the guard checked: the
    real address, or a placeholder (``placeholder`` True). ``label`` is how the verdict shows the recipient
    (masked); ``named_organization`` the directory organisation the input named, if any.
    """

    index: int
    status: str
    matched_by: str
    organization: str
    address: str
    placeholder: bool
    label: str
    internal: bool
    named_organization: str = ""
    contact_name: str = ""


@dataclass(frozen=True, slots=True)
class ChannelVerdict:
    """The verdict (reasons rendered with labels for placeholders), the message judged and each resolution."""

    verdict: Verdict
    message: Message
    resolutions: tuple[Resolution, ...]
    sender_known: bool
    unknown_orgs: dict[str, str] = field(default_factory=dict)  # placeholder domain -> organisation name given

    def organization_shown(self, org_or_domain: str) -> str:
        """How to show a verdict group's organisation: an unknown one by the name given ("" when none was)."""
        return self.unknown_orgs.get(org_or_domain, org_or_domain)


class Resolver:
    """Resolves a channel message's sender and recipients against one directory index and policy."""

    def __init__(self, index: ChannelIndex, policy: Policy, usual: set[str] | None = None) -> None:
        self.usual = usual or set()  # the sender's past recipients: among several fitting contacts, the one they know
        self.index = index
        self.directory = index.directory
        self.policy = policy
        self.own_orgs = {o for d in policy.internal_domains for o in self.directory.orgs_of_domain(d)}
        if policy.name:
            self.own_orgs.add(policy.name)
        self.unknown_orgs: dict[str, str] = {}  # placeholder domain -> organisation name as given

    def unknown_domain(self, org_name: str) -> str:
        """A placeholder domain for an organisation the directory does not know, one per name given."""
        key = norm_name(org_name)
        for domain, name in self.unknown_orgs.items():
            if norm_name(name) == key:
                return domain
        domain = f"o{len(self.unknown_orgs)}.{UNKNOWN_DOMAIN}"
        self.unknown_orgs[domain] = org_name.strip()
        return domain

    def is_own(self, org: str) -> bool:
        return org in self.own_orgs or any(org_stem(org) == org_stem(o) for o in self.own_orgs if org_stem(o))

    def resolve_org(self, text: str) -> str | None:
        """A directory organisation for an organisation name (full name, stem, ``A社``), or None."""
        text = unicodedata.normalize("NFKC", text).strip()
        if not text:
            return None
        for org in self.own_orgs:
            if org_stem(text).removesuffix("社").strip() in (org, org_stem(org)):
                return org
        hits = self.directory.orgs_in(text)
        if hits:
            return hits[0][1]
        stem = org_stem(text).removesuffix("御中").removesuffix("様").removesuffix("社").strip()
        if len(stem) >= 2:
            hits = self.directory.orgs_in(stem)
            if hits and org_stem(hits[0][1]) == stem:
                return hits[0][1]
        return None

    def orgs_of_address(self, address: str) -> set[str]:
        c = self.directory.lookup(address)
        if c and c.organization:
            return {c.organization}
        return set(self.directory.orgs_of_domain(address.rpartition("@")[2]))

    def domain_of_org(self, org: str) -> str:
        if self.is_own(org) or org in self.own_orgs:
            return self.policy.internal_domains[0]
        domains = sorted(self.directory.org_domains.get(org, set()))
        return domains[0] if domains else UNKNOWN_DOMAIN

    def sender(self, party: Party) -> tuple[str, bool]:
        """The sender's address (a placeholder at the first internal domain when unknown) and whether known."""
        if party.address:
            return party.address.strip().lower(), True
        if party.handle and _EMAIL.match(party.handle.strip()):
            return party.handle.strip().lower(), True
        found = {c.email for c in self.index.lookup_handle(party.handle) if c.email} if party.handle else set()
        if len(found) == 1:
            return found.pop(), True
        return f"{PLACEHOLDER_MARK}sender@{self.policy.internal_domains[0]}", False

    def candidates(self, name: str, org: str | None) -> tuple[list[Contact], str]:
        """Contacts fitting a name (full name, kana, or surname alone) at an organisation (any when None)."""
        key = norm_name(name)
        if not key:
            return [], ""
        for how, found in (
            ("name", self.index.named(name)),
            ("kana", self.index.by_kana.get(norm_kana(name), [])),
            ("surname", self.index.with_surname(key) + self.index.by_kana_surname.get(norm_kana(name), [])),
        ):
            fit = [c for c in found if org is None or c.organization == org or (self.is_own(org) and self._mine(c))]
            fit = list({(c.email or c.name, c.organization): c for c in fit}.values())
            if fit:
                return fit, how
        return [], ""

    def _mine(self, c: Contact) -> bool:
        return bool(c.email) and self.policy.is_internal(c.email)

    def recipient(self, i: int, r: ChannelRecipient) -> Resolution:
        named_org = self.resolve_org(r.organization) if r.organization else None
        via = ""
        contacts: list[Contact] = []
        address = r.address.strip().lower() if r.address else ""
        if not address and r.handle and _EMAIL.match(r.handle.strip()):
            address = r.handle.strip().lower()
        if address:
            c = self.directory.lookup(address)
            return self._done(i, r, "resolved", "address", address, c, named_org)
        if r.handle:
            contacts = self.index.lookup_handle(r.handle)
            via = "handle" if contacts else ""
        if not contacts and r.fax:
            contacts = self.index.lookup_fax(r.fax)
            via = "fax" if contacts else ""
            if not contacts:
                return self._unknown(i, r, "unknown", "", named_org, UNKNOWN_DOMAIN)  # the number reaches ?
        if contacts:
            # A handle or number reaches its owners; among them, the named person if they are one.
            people = [c for c in contacts if r.name and norm_name(c.name) == norm_name(r.name)] or contacts
            orgs = {c.organization for c in contacts}
            if len(people) == 1 or len({c.email for c in people}) == 1:
                c = people[0]
                if c.email:
                    return self._done(i, r, "resolved", via, c.email, c, named_org)
            org = sorted(orgs)[0] if len(orgs) == 1 else ""
            return self._unknown(i, r, "resolved", via, named_org, self.domain_of_org(org) if org else UNKNOWN_DOMAIN)
        if r.organization and named_org is None:
            return self._unknown(i, r, "unknown", "", None, UNKNOWN_DOMAIN, r.organization)
        found, how = self.candidates(r.name, named_org)
        if len(found) > 1 and len(known := [c for c in found if c.email in self.usual]) == 1:
            found = known  # two 佐藤 at the company, one of them the sender's usual contact
        if len(found) == 1 and found[0].email:
            return self._done(i, r, "resolved", how, found[0].email, found[0], named_org)
        if named_org is None and found and len({c.organization for c in found}) == 1:
            named_org = found[0].organization  # several people, one organisation: the destination is known
        status = "ambiguous" if len(found) > 1 else "unknown"
        return self._unknown(i, r, status, how if found else "", named_org, self.domain_of_org(named_org or ""))

    def _done(
        self, i: int, r: ChannelRecipient, status: str, how: str, address: str, c: Contact | None, named: str | None
    ) -> Resolution:
        orgs = self.orgs_of_address(address)
        org = c.organization if c and c.organization else (sorted(orgs)[0] if orgs else "")
        internal = self.policy.is_internal(address)
        label = mask_value("EMAIL", address)
        if how in ("fax", "handle"):  # shown by what the sender dialled or picked
            label = _label(replace(r, name="", organization=""), "")
        return Resolution(i, status, how, org, address, False, label, internal, named or "", c.name if c else "")

    def _unknown(
        self,
        i: int,
        r: ChannelRecipient,
        status: str,
        how: str,
        named: str | None,
        domain: str,
        unknown_name: str = "",
    ) -> Resolution:
        """A placeholder recipient at ``domain``; at UNKNOWN_DOMAIN, one per organisation name (``unknown_name``)."""
        if domain == UNKNOWN_DOMAIN:
            domain = self.unknown_domain(unknown_name)
        address = f"{PLACEHOLDER_MARK}{'x' * (8 + i)}@{domain}"
        orgs = self.orgs_of_address(address)
        org = sorted(orgs)[0] if orgs else (named or "")
        if domain in self.unknown_orgs:
            org = ""
        internal = self.policy.is_internal(address)
        return Resolution(i, status, how, org, address, True, _label(r, org), internal, named or "")


def _label(r: ChannelRecipient, org: str) -> str:
    """A masked way to show a recipient without an address: name, organisation, and the handle or number."""
    parts = [mask_value("PERSON", r.name.strip()) if r.name.strip() else ""]
    if r.organization.strip() or org:
        parts.append(r.organization.strip() or org)
    if r.fax:
        parts.append(f"FAX {mask_value('PHONE', r.fax.strip())}")
    elif r.handle:
        h = r.handle.strip()
        parts.append(h[:2] + "*" * max(1, len(h) - 2))
    return " / ".join(p for p in parts if p) or "?"


# --- the verdict ----------------------------------------------------------------------------------------------


def to_message(msg: ChannelMessage, resolver: Resolver, body_info: AttachmentInfo | None) -> ChannelVerdict:
    """The guard's Message for a channel message (no verdict yet; ``verdict`` is an empty allow)."""
    sender, sender_known = resolver.sender(msg.sender)
    resolutions = tuple(resolver.recipient(i, r) for i, r in enumerate(msg.recipients))
    # E-mail keeps the display name as given (as a .eml header does); a resolved chat/FAX contact is named as the
    # directory names them (佐藤 → 佐藤 太郎), so that the name checks compare full names.
    recipients = tuple(
        Recipient(
            r.name.strip() if msg.channel == "email" or not res.contact_name else res.contact_name,
            res.address,
            r.field,
        )
        for r, res in zip(msg.recipients, resolutions, strict=True)
    )
    message = Message(
        sender, recipients, msg.subject, msg.text, tuple(msg.attachments), msg.sender.name, body_info
    )
    return ChannelVerdict(Verdict("allow"), message, resolutions, sender_known)


def judge_channel(
    msg: ChannelMessage,
    policy: Policy,
    index: ChannelIndex,
    history: History,
    body_info: AttachmentInfo | None = None,
) -> ChannelVerdict:
    """The same judge as for mail, on the resolved message, plus the channel's own reasons (see the module doc).

    ``body_info`` is the text analysed as the body (`mamori.guard.engine.analyse_body`); None skips that.
    """
    from mamori.guard.engine import judge

    sender, _ = Resolver(index, policy).sender(msg.sender)
    resolver = Resolver(index, policy, history.addresses.get(sender.lower(), set()))
    prepared = to_message(msg, resolver, body_info)
    message, resolutions = prepared.message, prepared.resolutions
    base = judge(message, policy, index.directory, history)
    placeholders = {res.address for res in resolutions if res.placeholder}
    reasons = [r for r in base.reasons if not (r.code == "lookalike_domain" and set(r.recipients) <= placeholders)]
    reasons += channel_reasons(msg, message, resolutions, resolver, history)
    labels = {mask_value("EMAIL", res.address): res.label for res in resolutions if res.placeholder}
    reasons = [_relabel(r, labels, resolver.unknown_orgs) for r in reasons]
    return ChannelVerdict(
        Verdict.of(reasons, base.external_groups),
        message,
        resolutions,
        prepared.sender_known,
        dict(resolver.unknown_orgs),
    )


UNKNOWN_ORG_EN = "an organisation not in the directory"
UNKNOWN_ORG_JA = "アドレス帳にない組織"


def _relabel(r: Reason, labels: dict[str, str], unknown_orgs: dict[str, str]) -> Reason:
    """Placeholder addresses (masked) in a reason's texts and evidence replaced by their recipients' labels, and
    placeholder domains by the organisation names given."""
    if not labels and not unknown_orgs:
        return r

    def sub(s: str, ja: bool) -> str:
        for masked, label in labels.items():
            s = s.replace(masked, label)
        for domain, name in unknown_orgs.items():
            if ja:
                shown = f"{name}（アドレス帳にない組織）" if name else UNKNOWN_ORG_JA
            else:
                shown = f"{name} (not in the directory)" if name else UNKNOWN_ORG_EN
            s = s.replace(domain, shown)
        return s

    return replace(
        r,
        detail=sub(r.detail, False),
        detail_ja=sub(r.detail_ja, True),
        evidence=tuple(sub(e, False) for e in r.evidence),
    )


def _severity(policy: Policy, code: str, sender: str, addresses: tuple[str, ...]) -> str:
    """The action for a reason about ``addresses``: the policy's, with its per-sender/domain overrides."""
    return policy.action_for(code, sender, {a.rpartition("@")[2] for a in addresses})


def channel_reasons(
    msg: ChannelMessage,
    message: Message,
    resolutions: tuple[Resolution, ...],
    resolver: Resolver,
    history: History,
) -> list[Reason]:
    """unknown_recipient, recipient_organization_mismatch and (chat) the same-surname similar_recipient."""
    out: list[Reason] = []
    policy = resolver.policy
    unknown = [res for res in resolutions if res.status != "resolved" and not res.internal]
    if unknown and msg.channel != "email":
        labels = [res.label for res in unknown]
        several = [res.label for res in unknown if res.status == "ambiguous"]
        en = f"{len(unknown)} recipient(s) not found in the directory: check who they are before sending."
        ja = f"アドレス帳で特定できない宛先が {len(unknown)} 件あります。送信前に相手を確認してください。"
        if several:
            en += " Several contacts fit: " + ", ".join(several) + "."
            ja += "同名の連絡先が複数あります: " + "、".join(several)
        out.append(
            Reason(
                "unknown_recipient",
                _severity(policy, "unknown_recipient", message.sender, tuple(res.address for res in unknown)),
                en,
                ja,
                tuple(labels[:10]),
                tuple(res.address for res in unknown),
            )
        )
    for r, res in zip(msg.recipients, resolutions, strict=True):
        named = res.named_organization or ""
        if not r.organization.strip() or not res.organization or (res.internal and resolver.is_own(named or "?")):
            continue
        dest = res.organization
        if named:
            differs = named != dest and not (resolver.is_own(named) and res.internal)
        else:  # an organisation the directory does not know: compare the names themselves
            differs = org_stem(unicodedata.normalize("NFKC", r.organization)).removesuffix("社") not in dest
        if differs:
            what = {"fax": "", "handle": "the chat handle "}.get(res.matched_by, "the address ")  # label: "FAX 03-.."
            what_ja = {"fax": "", "handle": "チャットのアカウント "}.get(res.matched_by, "アドレス ")
            shown = named or r.organization.strip()
            out.append(
                Reason(
                    "recipient_organization_mismatch",
                    _severity(policy, "recipient_organization_mismatch", message.sender, (res.address,)),
                    f"The recipient is named as {shown}, but {what}{res.label} belongs to {dest}.",
                    f"宛先は {shown} の方として指定されていますが、{what_ja}{res.label} は {dest} のものです。",
                    (shown, res.label, dest),
                    (res.address,),
                )
            )
    if msg.channel == "chat":
        out += _surname_twins(msg, message, resolutions, resolver, history)
    return out


def _surname_twins(
    msg: ChannelMessage,
    message: Message,
    resolutions: tuple[Resolution, ...],
    resolver: Resolver,
    history: History,
) -> list[Reason]:
    """Chat: a recipient whose surname is also a contact's at an organisation the text names, or at one the sender
    usually writes to while this recipient is new to them and the text does not name their organisation (the person
    meant may be that other one)."""
    from mamori.guard.salutation import own_text

    out: list[Reason] = []
    usual = history.addresses.get(message.sender.lower(), set())
    mentioned = [o for _, o in resolver.directory.orgs_in(own_text(msg.text)) if not resolver.is_own(o)]
    for r, res in zip(message.recipients, resolutions, strict=True):
        if res.internal or r.field == "bcc" or not res.organization:
            continue
        name = res.contact_name or r.name
        sur = surname(name) if " " in name.replace("\u3000", " ").strip() else norm_name(name)
        if not sur:
            continue
        twins = [
            c
            for c in resolver.index.with_surname(sur)
            if c.organization and c.organization != res.organization and not resolver.is_own(c.organization)
        ]
        in_text = [c for c in twins if c.organization in mentioned]
        # A first message to this person, while the sender knows another of that surname: unless the text itself
        # names this person's organisation (株式会社B 佐藤様: the sender means B).
        new_here = res.address not in usual and res.organization not in mentioned
        usual_twins = [c for c in twins if c.email in usual] if new_here else []
        other = (in_text or usual_twins or [None])[0]
        if other is None:
            continue
        if in_text:
            en = f"the message names {other.organization}, where {sur} is also a contact"
            ja = f"本文は {other.organization} に触れており、そこにも{sur}さんがいます"
        else:
            en = f"you usually write to {sur} at {other.organization}, and this {sur} is new to you"
            ja = f"普段の相手は {other.organization} の{sur}さんで、この{sur}さんとは初めてです"
        out.append(
            Reason(
                "similar_recipient",
                _severity(resolver.policy, "similar_recipient", message.sender, (res.address,)),
                f"{res.label} is {sur} at {res.organization}; {en}. Is this the right {sur}?",
                f"{res.label} は {res.organization} の{sur}さんです。{ja}。宛先の{sur}さんで合っていますか？",
                (res.label, res.organization, other.organization),
                (res.address,),
            )
        )
    return out
