"""The rules. Each check reads a `Context` and returns its reasons (stable code, severity from the policy).

Texts name organisations and surnames only; addresses and personal values in evidence are masked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mamori.detect.mask import mask_value
from mamori.glossary import CAUSES, MIME_DAMAGE, entity_labels, sensitive_label
from mamori.guard.directory import Contact, Directory, org_stem, short_org_form, surname
from mamori.guard.document_owner import (
    Owner,
    document_owner,
    label_people,
    people_named,
    person_orgs,
    sole_person,
)
from mamori.guard.employer_label import label_employer
from mamori.guard.fullname import person_addressee, same_given, split_full_name
from mamori.guard.history import TIE_MESSAGES, History
from mamori.guard.identifiers import MAX_DOCUMENT_IDS, contact_ids, document_ids, label_ids, mailbox_ids, shape
from mamori.guard.lookalike import lookalike_of
from mamori.guard.model import (
    FIELD_LABELS,
    AttachmentInfo,
    GroupedRecipient,
    Message,
    OrgGroup,
    Reason,
    Recipient,
    stricter,
)
from mamori.guard.owned import about_own_thing, places_by_label, places_named, same_place
from mamori.guard.policy import UNSCANNABLE_CAUSES, Policy
from mamori.guard.references import MAX_DOCUMENT_REFERENCES, mismatched, references
from mamori.guard.romaji import is_kana, romaji_key
from mamori.guard.salutation import Salutation, opening_lines, own_text, parse

PERSONAL_TYPES = frozenset(
    {
        "PERSON",
        "ADDRESS",
        "PHONE",
        "EMAIL",
        "DATE_OF_BIRTH",
        "MY_NUMBER",
        "CREDIT_CARD",
        "PASSPORT",
        "DRIVERS_LICENSE",
        "RESIDENCE_CARD",
        "HEALTH_INSURANCE",
        "PENSION_NUMBER",
        "US_SSN",
        "SENSITIVE",
        "POSTAL_CODE",
    }
)
# Values that identify or describe a private person beyond a business contact's name, phone and mailbox.
STRONG_TYPES = frozenset(
    {
        "DATE_OF_BIRTH",
        "MY_NUMBER",
        "CREDIT_CARD",
        "PASSPORT",
        "DRIVERS_LICENSE",
        "RESIDENCE_CARD",
        "HEALTH_INSURANCE",
        "PENSION_NUMBER",
        "US_SSN",
        "SENSITIVE",
    }
)
# Values that identify a private person wherever they stand: a birth date, an identity or card number.
IDENTIFYING_TYPES = STRONG_TYPES - {"SENSITIVE"}
# The numbers of identity documents (本人確認書類) a person shows to prove who they are — a residence card, a passport,
# a driving licence: a list of them typed into a mail's text is held like My Numbers (docs/guard.md).
ID_CARD_TYPES = frozenset({"RESIDENCE_CARD", "PASSPORT", "DRIVERS_LICENSE"})
# People in a list written into the mail's own text (a birth date or identity number, or a name beside an address
# on each line) from which it is held as many people's data going outside: text pasted in a mail has no owner, no
# password and is copied into every reply; an attachment is held from `bulk_records` (50). docs/guard.md.
BODY_LIST_RECORDS = 10
BODY_NAME = "(message body)"  # the AttachmentInfo the body's own text is analysed as (engine.analyse_body)
# organisations one person's papers (an application form) name as its parties, none a recipient's, from which a
# company receiving them is none of the parties (保証会社 A社 and 仲介業者 B社, sent to C社); one issuer (the clinic
# of a certificate) is what the papers are, not whom they are for
PAPERS_PARTIES = 2
LIST_RECORDS = 3  # people in one attachment from which it is a list of people, not a business contact
_ARCHIVE_NAME = re.compile(r"\.(zip|7z|rar|lzh|lha|gz|tgz|bz2|xz|zst|tar|cab|arj|zipx|zpaq|001)$", re.IGNORECASE)
UNSCANNABLE = frozenset(UNSCANNABLE_CAUSES)  # every way an inspection stops early (sampled rows are extrapolated)
_CAUSE_TEXT = CAUSES  # the glossary's: cause -> (English, Japanese)


_ADDRESSEE_LINE = re.compile(
    r"(御中|様\s*$|殿\s*$|宛|^\s*(To|Attn)[:\s]|(請求先|送付先|納品先|お届け先|ご依頼主|お客様名|顧客名|得意先|取引先名|"
    r"貴社名|提出先)\s*[:：]?|(Bill(ed)?\s*To|Ship\s*To|Sold\s*To|Customer(\s*Name)?|Client(\s*Name)?|Prepared\s+for|"
    r"Attention)\s*[:：])",
    re.IGNORECASE,
)
_CODE_LINE = re.compile(
    r"(顧客|取引先|得意先|お客様|請求先)\s*(コード|番号|No|ID)|Customer\s*(Code|No|ID|#)|Account\s*(Code|No)",
    re.IGNORECASE,
)
# in a file name, an organisation is the addressee when followed by an honorific (見積書_明星工業様.pdf)
_FILENAME_ADDRESSEE = re.compile(r"^\s*(様|さま|御中|殿|宛|向け)")
_LEGAL_FORM = re.compile(r"株式会社|有限会社|合同会社|法人|\(株\)|（株）|㈱")


SHORT_ORG_MIN = 3  # characters of a short form of an organisation's name (大洋海上, ひかり少短)


def _abbreviation_of(ctx: Context, word: str, org: str) -> bool:
    """True when the end of ``word`` is a short form of ``org`` and of no other directory organisation: it starts
    with the first two characters of the name (legal form left out) and its characters follow in the name's order
    (大洋海上 for 大洋海上火災保険, ひかり少短 for ひかり少額短期保険, あおぞら生命 for あおぞら生命保険)."""
    word = unicodedata.normalize("NFKC", word)
    for start in range(0, len(word) - SHORT_ORG_MIN + 1):
        short = word[start:]
        if _abbreviates(short, org):
            return not any(_abbreviates(short, o) for o in ctx.directory.org_domains if o != org)
    return False


def _abbreviates(short: str, org: str) -> bool:
    stem = unicodedata.normalize("NFKC", org_stem(org)).replace(" ", "")
    if len(short) < SHORT_ORG_MIN or stem[:2] != short[:2]:
        return False
    rest = iter(stem)
    return all(ch in rest for ch in short)


def masked_address(address: str) -> str:
    return mask_value("EMAIL", address)


@dataclass
class Context:
    """A message with everything the checks need to know about it, computed once."""

    message: Message
    policy: Policy
    directory: Directory
    history: History
    external: list[Recipient] = field(default_factory=list)
    visible_external: list[Recipient] = field(default_factory=list)
    salutation: Salutation = field(default_factory=Salutation)
    own_orgs: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.external = [r for r in self.message.recipients if not self.policy.is_internal(r.address)]
        # [[override]] tables for this sender and these recipients' domains set the actions and thresholds
        # (matched on the submitter: a From header anyone can write does not pick the policy)
        self.policy = self.policy.for_message(self.message.submitter, {r.domain for r in self.external})
        self.visible_external = [r for r in self.external if r.field != "bcc"]
        self.own_orgs = {o for d in self.policy.internal_domains for o in self.directory.orgs_of_domain(d)}
        if self.policy.name:
            self.own_orgs.add(self.policy.name)
        self.salutation = parse(self.message.body, self.directory.org_names)

    def orgs_of(self, r: Recipient) -> set[str]:
        """The organisations a recipient belongs to: their contact's, else their domain's."""
        c = self.directory.lookup(r.address)
        if c and c.organization:
            return {c.organization}
        return set(self.directory.orgs_of_domain(r.domain))

    def org_key(self, r: Recipient) -> str:
        orgs = self.orgs_of(r)
        return sorted(orgs)[0] if orgs else r.domain

    def resolve_org(self, text: str) -> str | None:
        """A directory organisation for an organisation word of a text (full name or stem)."""
        hits = self.directory.orgs_in(text)
        if hits:
            return hits[0][1]
        stem = org_stem(text).removesuffix("社").removesuffix("御中").strip()
        if len(stem) >= 2:
            hits = self.directory.orgs_in(stem)
            if hits and org_stem(hits[0][1]) == stem:
                return hits[0][1]
        return None

    def is_own(self, org: str) -> bool:
        return org in self.own_orgs or any(org_stem(org) == org_stem(o) for o in self.own_orgs)

    @functools.cached_property
    def salutation_orgs(self) -> set[str]:
        """The other organisations the opening names (株式会社A 佐藤様 -> 株式会社A)."""
        return {o for o in (self.resolve_org(w) for w in self.salutation.orgs) if o and not self.is_own(o)}

    @functools.cached_property
    def content_orgs(self) -> set[str]:
        """Every other organisation the message speaks of anywhere a reader sees it: the subject, the whole body
        (quoted part and signature included), the attachments' text and file names."""
        m = self.message
        found = {o for text in (m.subject, m.body, *(a.text for a in m.attachments)) if text
                 for _, o in self.directory.orgs_in(text)}  # fmt: skip
        for a in m.attachments:
            found |= {o for _, o in self.directory.orgs_in(a.filename)} | filename_orgs(self, a.filename)
        return {o for o in found | self.person_named_orgs if not self.is_own(o)}

    @functools.cached_property
    def person_named_orgs(self) -> set[str]:
        """The organisations of recipients the sender's own text names as a person of theirs, in the short form
        people write (「大洋海上の坂本様にもCCで共有します」 for 坂本 at 大洋海上火災保険株式会社): the recipient's
        surname with an honorific after 「〇〇の」, where 〇〇 abbreviates their organisation's name and no other."""
        text = own_text(self.message.body)
        out: set[str] = set()
        if "の" not in text:
            return out
        for r in self.external:
            orgs = self.orgs_of(r)
            family = recipient_surname(self, r)
            if len(orgs) != 1 or not family or _individual(self, r):
                continue
            org = next(iter(orgs))
            for m in re.finditer(rf"([^\s、。，．,.「」『』（）()【】・:：/]+)の[ \u3000]?{re.escape(family)}[ \u3000]?"
                                 r"(?:様|さま|さん|氏|殿)", text):  # fmt: skip
                if _abbreviation_of(self, m.group(1), org):
                    out.add(org)
                    break
        return out

    @functools.cached_property
    def recipient_orgs(self) -> set[str]:
        """The organisations of the external recipients (To, Cc and Bcc)."""
        return {o for r in self.external for o in self.orgs_of(r)}

    @functools.cached_property
    def sent_orgs(self) -> set[str]:
        """The other organisations the sender's part of the message names: the subject, the own text (the quoted
        earlier mail cut) and the attachments (their text and file names)."""
        m = self.message
        texts = (m.subject, own_text(m.body), *(a.text for a in m.attachments), *(a.filename for a in m.attachments))
        found = {o for text in texts if text for _, o in self.directory.orgs_in(text)}
        found |= {o for a in m.attachments for o in filename_orgs(self, a.filename)} | self.person_named_orgs
        return {o for o in found if not self.is_own(o)}

    @functools.cached_property
    def addressed_orgs(self) -> set[str]:
        """The organisations the message is meant for: those its opening names; else those its own text names
        and those of the external To recipients."""
        if self.salutation_orgs:
            return self.salutation_orgs
        own = {o for _, o in self.directory.orgs_in(own_text(self.message.body)) if not self.is_own(o)}
        to = {o for r in self.external if r.field == "to" for o in self.orgs_of(r)}
        return own | to

    def org_domains(self, orgs: set[str]) -> set[str]:
        return {d for o in orgs for d in self.directory.org_domains.get(o, ())}

    def copied_as_usual(self, r: Recipient, orgs: set[str]) -> bool:
        """The sender has sent to ``r`` before in a message that also went to one of ``orgs`` (or to a To domain
        of this message): a partner they always copy on mail to that customer. A provider's domain (free mail, a
        domain the directory shares between several organisations) says nothing of whom a message went to: two
        families at one provider are not a customer and their usual partner: there the sender must have written to
        this address with one of the To recipients or the people of those organisations at that provider."""
        domains = self.org_domains(orgs) | {x.domain for x in self.external if x.field == "to" and x is not r}
        companies = {d for d in domains if not self.provider_domain(d)} - {r.domain}
        if self.history.sent_beside(self.message.sender, r.address, companies):
            return True
        # at a provider, the very people: this message's To recipients, the people of those organisations there
        peers = {x.address for x in self.external if x.field == "to" and x is not r}
        members = (c.email for o in orgs for c in self.directory.org_members.get(o, ()))
        peers |= {a for a in members if self.provider_domain(a.rpartition("@")[2])}
        return self.history.sent_with(self.message.sender, r.address, peers - {r.address})

    def provider_domain(self, domain: str) -> bool:
        """A domain of private persons' mailboxes: free mail, or one the directory shares between organisations."""
        return domain in self.policy.free_mail_domains or len(self.directory.orgs_of_domain(domain)) >= 2

    @property
    def announcement(self) -> bool:
        """A generic opening (お取引先各位, Dear all) naming no organisation: mail to many, for none in particular."""
        return self.salutation.generic and not self.salutation_orgs

    def external_groups(self) -> tuple[OrgGroup, ...]:
        """The external recipients (To, Cc and Bcc) grouped by organisation, in the order they first appear."""
        groups: dict[str, list[GroupedRecipient]] = {}
        known: dict[str, bool] = {}
        for r in self.external:
            key = self.org_key(r)
            known.setdefault(key, bool(self.orgs_of(r)))
            first = not self.history.known(self.message.sender, r.address)
            groups.setdefault(key, []).append(GroupedRecipient(r.address, r.name, r.field, first))
        return tuple(OrgGroup(org, known[org], tuple(rs)) for org, rs in groups.items())

    def reason(self, code: str, detail: str, detail_ja: str, evidence=(), recipients=()) -> Reason:
        """A reason; its severity is the policy's action for the code, as overridden for the recipients concerned
        (those given, else every external one)."""
        concerned = {a.rpartition("@")[2].lower() for a in recipients if not self.policy.is_internal(a)}
        domains = concerned or {r.domain for r in self.external}
        action = self.policy.action_for(code, self.message.submitter, domains)
        # texts name organisations and surnames only: a full name in an address-book label is cut to the surname
        detail, detail_ja = without_full_names(self.directory, detail), without_full_names(self.directory, detail_ja)
        shown = tuple(without_full_names(self.directory, e) if isinstance(e, str) else e for e in evidence)
        return Reason(code, action, detail, detail_ja, shown, tuple(recipients))


Check = Callable[[Context], list[Reason]]


def blocked_recipient(ctx: Context) -> list[Reason]:
    hit = [r.address for r in ctx.message.recipients if ctx.policy.recipient_blocked(r.address)]
    if not hit:
        return []
    ev = [masked_address(a) for a in hit]
    return [
        ctx.reason(
            "blocked_recipient",
            "Policy forbids sending to this recipient.",
            "ポリシーで送信が禁止されている宛先が含まれています。",
            ev,
            hit,
        )
    ]


def blocked_attachment(ctx: Context) -> list[Reason]:
    hit = [a.filename for a in ctx.message.attachments if ctx.policy.attachment_blocked(a.filename)]
    if not hit:
        return []
    return [
        ctx.reason(
            "blocked_attachment",
            f"Policy forbids attaching {', '.join(hit)}.",
            f"ポリシーで禁止されている添付ファイルです: {', '.join(hit)}",
            hit,
        )
    ]


def external_recipient(ctx: Context) -> list[Reason]:
    if not ctx.external:
        return []
    n = len(ctx.external)
    return [
        ctx.reason(
            "external_recipient",
            f"{n} recipient(s) outside the organisation: check each one.",
            f"社外の宛先が {n} 件あります。宛先を一つずつ確認してください。",
            [masked_address(r.address) for r in ctx.external[:10]],
            [r.address for r in ctx.external],
        )
    ]


def first_time_recipient(ctx: Context) -> list[Reason]:
    new = [r for r in ctx.external if not ctx.history.known(ctx.message.sender, r.address)]
    if not new:
        return []
    reason = ctx.reason(
        "first_time_recipient",
        f"First message from you to {len(new)} address(es).",
        f"初めて送信する宛先が {len(new)} 件あります。",
        [masked_address(r.address) for r in new[:10]],
        [r.address for r in new],
    )
    known = ctx.directory.domains | ctx.history.all_domains
    unknown = [r for r in new if r.domain not in known and ctx.directory.lookup(r.address) is None]
    if unknown and reason.severity == "confirm" and (pii_in_attachment(ctx) or _someone_reached(ctx)):
        # personal data to a party neither the address book nor anyone's sending history knows: hold
        reason = replace(
            reason,
            severity="hold",
            detail=f"{reason.detail} {len(unknown)} of them at a domain no contact and no past mail knows, and the "
            "message carries personal data: who is this?",
            detail_ja=f"{reason.detail_ja}うち {len(unknown)} 件はアドレス帳にも送信履歴にもないドメインで、個人情報が"
            "含まれています。どなた宛てですか？",
        )
    return [reason]


def _someone_reached(ctx: Context) -> bool:
    """The mail's own text gives a way to reach a person beside their name (a phone or a home address next to a
    name: 「入居者様携帯：080-…」 under 「田中 浩二様の退去」), the sender's signature and the quoted part left out."""
    body = ctx.message.body_info
    types = {t for t, _, _ in body.findings} if body is not None else set()
    return "PERSON" in types and bool(types & {"PHONE", "ADDRESS"})


def similar_recipient(ctx: Context) -> list[Reason]:
    """A new address that looks like someone the sender usually writes to (same name or local part elsewhere)."""
    out: list[Reason] = []
    sender = ctx.message.sender
    usual = ctx.history.addresses.get(sender.lower(), set())
    known_domains = ctx.directory.domains | ctx.history.all_domains
    family = _family_recipients(ctx)
    for r in ctx.external:
        if r.field == "bcc" or r.address in usual or r.address in family:
            continue
        contact = ctx.directory.lookup(r.address)
        name = r.name or (contact.name if contact else "")
        twins = [c for c in ctx.directory.named(name) if c.email != r.address] if name else []
        twins = [c for c in twins if not _twin_ruled_out(ctx, c, r)]
        usual_twins = [c for c in twins if c.email in usual]
        same_local = sorted(a for a in usual if a.rpartition("@")[0] == r.local and a != r.address)
        if r.local in ROLE_LOCAL_PARTS or len(r.local) < 4:
            same_local = []
        if name and same_local:  # the same mailbox name elsewhere matters when it is the same person's name
            same_local = [a for a in same_local if _same_surname(ctx, name, a)]
        if affiliations(ctx, r) & ctx.content_orgs:
            # the message names this recipient's organisation (a private person's employer, as their label
            # states it, counts): meant, unless it names the usual one's too while the usual one is not a
            # recipient (this one may have been picked in its place)
            present = {x.address for x in ctx.message.recipients}
            usual_twins = [c for c in usual_twins if c.organization in ctx.content_orgs and c.email not in present]
            same_local = [
                a for a in same_local if ctx.orgs_of(Recipient("", a)) & ctx.content_orgs and a not in present
            ]
        free = r.domain in ctx.policy.free_mail_domains or (r.domain not in known_domains)
        why_en = why_ja = ""
        other = None
        if usual_twins:
            other = usual_twins[0].email
            why_en = f"you usually write to {name.split()[0]} at {usual_twins[0].organization}, at another address"
            why_ja = f"普段の宛先は {usual_twins[0].organization} の {surname(name)}さん（別のアドレス）です"
        elif same_local:
            other = same_local[0]
            why_en = "you usually write to the same mailbox name at another domain"
            why_ja = "普段は同じユーザー名の別ドメインのアドレスに送っています"
        elif (at_company := [c for c in twins if c.organization]) and free and name:
            # a person the directory knows at a company (a twin filed under no organisation is the case below)
            other = at_company[0].email
            why_en = (
                f"the directory has {surname(name)} at {at_company[0].organization}; this address is not a company one"
            )
            why_ja = (
                f"アドレス帳では {at_company[0].organization} の {surname(name)}さんですが、"
                "この宛先は会社のアドレスではありません"
            )
        elif name and (twin := _private_twin(ctx, r, twins)):
            other = twin.email
            why_en = (
                f"the address book holds another private person of the same full name, {surname(name)}, at another "
                "address, and the message carries a person's identifying data: is this the right one?"
            )
            why_ja = (
                f"アドレス帳には同姓同名の{surname(name)}さん（個人のお客様）が別のアドレスでも登録されています。"
                "生年月日などの個人情報を含むため、宛先の方で合っているか確認してください"
            )
        elif name and (namesake := _usual_namesake(ctx, r, name, usual)):
            other = namesake.email
            why_en = (
                f"you never wrote to {ctx.org_key(r)}, but you usually write to {surname(name)} at "
                f"{namesake.organization}"
            )
            why_ja = (
                f"{ctx.org_key(r)} への送信は初めてですが、普段は {namesake.organization} の "
                f"{surname(name)}さんに送っています"
            )
        if other:
            out.append(
                ctx.reason(
                    "similar_recipient",
                    f"{masked_address(r.address)} is new to you; {why_en}.",
                    f"{masked_address(r.address)} は初めての宛先です。{why_ja}。",
                    [masked_address(r.address), masked_address(other)],
                    [r.address],
                )
            )
    flagged = {a for reason in out for a in reason.recipients} | family
    out += [reason for r in ctx.external if r.address not in flagged if (reason := _namesake_elsewhere(ctx, r))]
    flagged = {a for reason in out for a in reason.recipients}
    return out + [reason for r in ctx.external if r.address not in flagged if (reason := _colleague_namesake(ctx, r))]


def households(ctx: Context, contact: Contact | None) -> set[str]:
    """The households the address book states for a private contact: the labels that name them (a guardian's row
    「保護者（佐藤 智也 25E0180）」 names the student; siblings share one), and their own label when it names someone
    (the guardian's). A label naming that full name with an identification number the contact does not carry names
    another person of the same name."""
    if contact is None:
        return set()
    people = label_people(ctx.directory)
    out = {contact.organization} if contact.organization in _label_orgs(ctx) else set()
    if not _private_person(ctx, contact.email):
        return out  # a company's contact is not the private person a label names, whatever their name
    ids = contact_ids(ctx.directory, contact)
    for org in people.get("".join(contact.name.split()), ()):
        written = label_ids(org)
        if not written or written & ids:
            out.add(org)
    return out


def _label_orgs(ctx: Context) -> set[str]:
    cached = ctx.directory.__dict__.get("_label_orgs")
    if cached is None:
        cached = {o for orgs in label_people(ctx.directory).values() for o in orgs}
        ctx.directory.__dict__["_label_orgs"] = cached
    return cached


def _family_recipients(ctx: Context) -> set[str]:
    """External recipients of one household with another recipient of the message, as the address book states it
    (a student and their own guardian, siblings): the family written to together, not a namesake picked by mistake."""
    ext = ctx.external
    if len(ext) < 2:
        return set()
    homes = {r.address: households(ctx, ctx.directory.lookup(r.address)) for r in ext}
    return {a for a, h in homes.items() if h and any(h & o for b, o in homes.items() if b != a)}


def _twin_ruled_out(ctx: Context, twin: Contact, r: Recipient) -> bool:
    """``twin`` (a contact of the recipient's full name at another address) is the recipient themself, or shown not
    to be the one meant, by identification numbers: the address book ties both mailboxes to one number (a
    student's private mailbox beside the university's), or an attachment gives a number the recipient carries and
    the twin does not (the right one of two students of the same name)."""
    mine = recipient_ids(ctx, r)
    if not mine:
        return False
    theirs = contact_ids(ctx.directory, twin)
    if mine & theirs:
        return True
    return any(
        (ids := document_ids(a.text, a.filename)) & mine and not ids & theirs for a in ctx.message.attachments
    )


def _private_twin(ctx: Context, r: Recipient, twins: list[Contact]) -> Contact | None:
    """Another private person of the address book with the recipient's full name, when the recipient is one too
    (no organisation, or a label of private persons) and the message carries identifying data (a birth date, an
    identity number, an address): two customers named 岡本 直人 and a contract record sent to the one the sender
    never wrote to. The caller has checked that the sender never wrote to the recipient; a namesake the sender
    usually writes to is the case above it."""
    if not twins or not (" " in r.name.replace("\u3000", " ").strip() or " " in _contact_name(ctx, r)):
        return None  # a full name 姓 名, not a surname alone
    if not _private_person(ctx, r.address):
        return None
    kinds = {t for a in ctx.message.scanned for t, _, _ in _personal(a)}
    if not kinds & (IDENTIFYING_TYPES | {"ADDRESS"}):
        return None
    return next((c for c in twins if _private_person(ctx, c.email)), None)


def _contact_name(ctx: Context, r: Recipient) -> str:
    contact = ctx.directory.lookup(r.address)
    return contact.name.replace("\u3000", " ").strip() if contact else ""


def _private_person(ctx: Context, address: str) -> bool:
    """A private person of the address book: a contact filed under no organisation, or at a private person's
    mailbox (free mail, a provider's domain, a label of private persons)."""
    contact = ctx.directory.lookup(address)
    if contact is None:
        return False
    return not contact.organization or _individual(ctx, Recipient(contact.name, address))


def _colleague_namesake(ctx: Context, r: Recipient) -> Reason | None:
    """The one outside recipient of a message otherwise among colleagues, new to the sender, whose surname is that
    of a colleague the message goes to, at an organisation the message never names: the address book offered the
    outside 山口 for a second internal one (an internal discussion copied to a customer)."""
    others = [x for x in ctx.message.recipients if x is not r]
    if len(ctx.external) != 1 or not others or not all(ctx.policy.is_internal(x.address) for x in others):
        return None
    if ctx.history.known(ctx.message.sender, r.address) or ctx.orgs_of(r) & ctx.content_orgs:
        return None
    family = recipient_surname(ctx, r)
    if not family or not any(surname(x.name.replace("\u3000", " ")) == family for x in others if x.name):
        return None
    where = "/".join(sorted(ctx.orgs_of(r))) or r.domain
    shown = masked_address(r.address)
    return ctx.reason(
        "similar_recipient",
        f"The other recipients are colleagues, one of them {family}; {shown} is {family} at {where}, new to you and "
        "never named in the message: is this the right person?",
        f"ほかの宛先は社内の方（{family}さんを含む）ですが、{shown} は {where} の{family}さんで、初めての宛先です"
        f"（本文・添付に {where} は出てきません）。宛先は正しいですか？",
        [masked_address(r.address), family, where],
        [r.address],
    )


def recipient_surname(ctx: Context, r: Recipient) -> str:
    """A recipient's surname: their contact's, else that of a display name written 姓 名 (or 姓名 without a space,
    when a 2-4 character start of it is a surname in the directory); "" when not known."""
    contact = ctx.directory.lookup(r.address)
    name = (contact.name if contact and contact.name else r.name).replace("\u3000", " ").strip()
    if not name or (name.isascii() and not contact):
        return ""
    if " " in name:
        return surname(name)
    for k in (4, 3, 2):
        if len(name) > k and name[:k] in ctx.directory.by_surname:
            return name[:k]
    return name if name in ctx.directory.by_surname else ""


def _namesake_elsewhere(ctx: Context, r: Recipient) -> Reason | None:
    """A recipient in any field (To, Cc, Bcc) whose surname is that of a contact at the organisation the message is
    meant for, while the recipient is at another organisation that the message never names (鈴木様 of A社 meant,
    鈴木 of B社 copied): unless the sender usually sends to this address beside that organisation."""
    if ctx.announcement or r.local.startswith("?"):  # ?xxx@domain: a chat/FAX recipient not pinned to a contact
        return None
    meant = ctx.addressed_orgs
    orgs = ctx.orgs_of(r)
    if not meant or orgs & meant or orgs & ctx.content_orgs or any(ctx.is_own(o) for o in orgs):
        return None
    family = recipient_surname(ctx, r)
    if not family:
        return None
    there = sorted({c.organization for c in ctx.directory.by_surname.get(family, ()) if c.organization in meant} - orgs)
    if not there or ctx.copied_as_usual(r, meant):
        return None
    target, where = there[0], "/".join(sorted(orgs)) or r.domain
    fld = FIELD_LABELS.get(r.field, r.field)
    shown = masked_address(r.address)
    return ctx.reason(
        "similar_recipient",
        f"The message is for {target}, where {family} is a contact, but the {fld} recipient {shown} is {family} at "
        f"{where}, which the message never mentions: is this the right {family}?",
        f"本文の宛先は {target} で、そこにも{family}さんがいますが、{fld} の {shown} は {where} の{family}さんです"
        f"（本文・添付に {where} は出てきません）。宛先の{family}さんで合っていますか？",
        [fld, masked_address(r.address), family, where, target],
        [r.address],
    )


def _usual_namesake(ctx: Context, r: Recipient, name: str, usual: set[str]):
    """A contact with the recipient's surname at another organisation, whom the sender usually writes to, when the
    sender never wrote to anyone at the recipient's organisation and the opening names that surname but not the
    recipient's organisation, nor does the rest of the message (佐藤 at B picked for the usual 佐藤 at A)."""
    orgs = ctx.orgs_of(r)
    if not orgs or ctx.history.known_domain(ctx.message.sender, r.domain):
        return None
    own_domains = {d for o in orgs for d in ctx.directory.org_domains.get(o, ())}
    if any(ctx.history.known_domain(ctx.message.sender, d) for d in own_domains):
        return None
    family = surname(name)
    if len(family) < 2 and family.isascii():
        return None
    # only when the opening names that surname without naming the recipient's organisation: 「鈴木様」 alone,
    # or with a company the salutation parser did not resolve; 「ベータ商事 鈴木様」 says the sender means ベータ
    text = ctx.salutation.text
    if not text or family not in text or any(o in text or org_stem(o) in text for o in orgs):
        return None
    if affiliations(ctx, r) & ctx.content_orgs:  # the body or an attachment names the recipient's organisation
        return None  # (or the employer their label states): meant
    if _opening_names_recipient(ctx, r, name):
        return None
    for c in ctx.directory.by_surname.get(family, ()):
        if c.email in usual and c.organization and c.organization not in orgs:
            return c
    return None


def affiliations(ctx: Context, r: Recipient) -> set[str]:
    """A recipient's organisations, and for a private person filed under a label naming their employer
    (個人（株式会社A 従業員）) that employer too."""
    orgs = ctx.orgs_of(r)
    return orgs | {e for o in orgs if (e := label_employer(ctx.directory, o))}


def _opening_names_recipient(ctx: Context, r: Recipient, name: str) -> bool:
    """The opening writes the recipient's full name, given name included (「伊藤 健 様」 to the contact 伊藤 健),
    and the sender's usual contacts of that surname have other given names: the sender means this person, not a
    usual namesake whose surname autocomplete matched."""
    full = split_full_name(_contact_name(ctx, r) or name)
    if not full or not full[1]:
        return False
    key = "".join(full)
    if not any("".join(n.split()) == key for n in ctx.salutation.names):
        return False
    usual = ctx.history.addresses.get(ctx.message.sender.lower(), set())
    return not any(
        "".join(c.name.split()) == key for c in ctx.directory.by_surname.get(full[0], ()) if c.email in usual
    )


ROLE_LOCAL_PARTS = frozenset(
    {
        "info",
        "sales",
        "support",
        "contact",
        "admin",
        "office",
        "webmaster",
        "noreply",
        "no-reply",
        "soumu",
        "jinji",
        "eigyo",
        "keiri",
        "hr",
        "pr",
        "press",
        "inquiry",
        "toiawase",
        "service",
        "mail",
        "postmaster",
    }
)


def _same_surname(ctx: Context, name: str, address: str) -> bool:
    c = ctx.directory.lookup(address)
    return c is None or surname(c.name) == surname(name)


def lookalike_domain(ctx: Context) -> list[Reason]:
    known = ctx.directory.domains | ctx.history.all_domains | set(ctx.policy.internal_domains)
    out: list[Reason] = []
    for r in ctx.external:
        hit = lookalike_of(r.domain, known)
        if hit:
            real, how = hit
            out.append(
                ctx.reason(
                    "lookalike_domain",
                    f"The domain {r.domain} looks like {real} ({how}) but is not it.",
                    f"宛先のドメイン {r.domain} は {real} に似ていますが別のドメインです（{how}）。",
                    [masked_address(r.address), real],
                    [r.address],
                )
            )
    return out


SCATTERED_ORG_DOMAINS = 3  # domains of one directory "organisation" from which it is a category of people
_COMPANY_NAME = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|法人|\(株\)|（株）|㈱|事務所|組合|協会|病院|銀行|金庫|"
    r"\b(?:inc|corp|co|ltd|llc|llp|gmbh|plc|k\.?k)\b",
    re.IGNORECASE,
)


def _individual(ctx: Context, r: Recipient) -> bool:
    """A mailbox of a private person: at a free-mail domain, or at a domain the directory shares between several
    organisations' people (a provider, not a company), or filed under an "organisation" whose people write from
    `SCATTERED_ORG_DOMAINS` or more domains and whose name is no company's (no legal form): a label of the address
    book (個人, 登録スタッフ) for private persons each at their own provider, not a company with its own domain."""
    if r.domain in ctx.policy.free_mail_domains or len(ctx.directory.orgs_of_domain(r.domain)) >= 2:
        return True
    contact = ctx.directory.lookup(r.address)
    org = contact.organization if contact else ""
    if org and label_employer(ctx.directory, org):
        return True  # a company's employee filed as a private person (個人（A社 従業員）), the company named
    if not org or _COMPANY_NAME.search(org):
        return False  # a company (株式会社X) on several domains is still one company
    return len(ctx.directory.org_domains.get(org, ())) >= SCATTERED_ORG_DOMAINS


BCC_LIST_MIN = 3  # outside Bcc recipients from which a message hides a list


def open_recipient_list(ctx: Context) -> list[Reason]:
    vis = ctx.visible_external
    # private customers at one free-mail provider are as many parties as addresses, not one organisation
    orgs = {r.address if _individual(ctx, r) else ctx.org_key(r) for r in vis}
    if len(orgs) >= 2 and len(vis) < ctx.policy.open_list_external and (hidden := _bcc_list_slip(ctx)):
        return [
            ctx.reason(
                "open_recipient_list",
                f"The message hides {hidden} outside addresses in Bcc, yet {len(vis)} of {len(orgs)} organisations "
                "stand in To/Cc, visible to each other: move them to Bcc too.",
                f"{hidden} 件の社外アドレスを Bcc に入れていますが、{len(orgs)} 社・{len(vis)} 件が To/Cc にあり、"
                "互いに見えます。Bcc に移してください。",
                [masked_address(r.address) for r in vis[:5]],
                [r.address for r in vis],
            )
        ]
    if len(vis) < ctx.policy.open_list_external or len(orgs) < 2:
        return []
    return [
        ctx.reason(
            "open_recipient_list",
            f"{len(vis)} external addresses of {len(orgs)} organisations are visible to each other in To/Cc: use Bcc.",
            f"To/Cc に {len(orgs)} 社・{len(vis)} 件の社外アドレスが並んでおり、互いに見えます。Bcc を使ってください。",
            [masked_address(r.address) for r in vis[:5]],
            [r.address for r in vis],
        )
    ]


def _bcc_list_slip(ctx: Context) -> int:
    """The number of outside Bcc recipients when the message is a mailing to many parties for none in particular
    (a generic opening naming no organisation: 「顧問先各位」, "Dear all") that hides a list of them in Bcc
    (`BCC_LIST_MIN` or more, of two organisations or more): the outside addresses in To/Cc beside it were meant for
    Bcc too (pasted into the wrong field), and each sees the others. 0 otherwise."""
    if not ctx.announcement:
        return 0
    hidden = [r for r in ctx.external if r.field == "bcc"]
    if len(hidden) < BCC_LIST_MIN or len({r.address if _individual(ctx, r) else ctx.org_key(r) for r in hidden}) < 2:
        return 0
    return len(hidden)


def multiple_external_orgs(ctx: Context) -> list[Reason]:
    first: dict[str, Recipient] = {}
    for r in ctx.visible_external:
        first.setdefault(ctx.org_key(r), r)
    orgs = sorted(first)
    if len(orgs) < max(ctx.policy.multiple_orgs, 2):
        return []
    shown_en = [_party_shown(ctx, first[o], "en") for o in orgs[:5]]
    shown_ja = [_party_shown(ctx, first[o], "ja") for o in orgs[:5]]
    people = sum(_individual(ctx, first[o]) for o in orgs)
    en, ja = _parties_counted(len(orgs) - people, people)
    return [
        ctx.reason(
            "multiple_external_orgs",
            f"To/Cc reach {en}: {', '.join(shown_en)}.",
            f"To/Cc に{ja}の宛先があります: {'、'.join(shown_ja)}",
            shown_ja,
            [r.address for r in ctx.visible_external],
        )
    ]


def _parties_counted(companies: int, people: int) -> tuple[str, str]:
    """Outside parties in words (English, Japanese), companies and private persons counted apart: 「2 社」 only when
    every party is an organisation; private persons at free mail are people (「個人 2 名」), not companies."""
    if not people:
        return f"{companies} external organisations", f" {companies} 社"
    if not companies:
        return f"{people} private persons outside", f"社外の個人 {people} 名"
    total = companies + people
    return (
        f"{total} outside parties ({companies} organisation(s), {people} private person(s))",
        f"社外の {total} 者（{companies} 社・個人 {people} 名）",
    )


def _party_shown(ctx: Context, r: Recipient, lang: str) -> str:
    """How a reason names a recipient's party: a company by its name; a private person (free mail, a provider, a
    label of private persons) by surname only, whatever their address-book label holds (個人のお客様（吉田 陽子様
    ご家族）); a company by its name."""
    orgs = ctx.orgs_of(r)
    if _individual(ctx, r) or not orgs:
        family = recipient_surname(ctx, r)
        if family:
            return f"個人のお客様 {family}様" if lang == "ja" else f"{family} (a private customer)"
        if not orgs:
            return r.domain
        return "個人のお客様" if lang == "ja" else "a private customer"
    return sorted(orgs)[0]  # a full name in a label is cut by Context.reason


# a gap between two runs of kanji/kana, looked at without consuming them (姓 名 and 名 of the next full name)
_NAME_GAP = re.compile(
    r"([\u4e00-\u9fff々〆ヶ]+)[ \u3000]+(?=([\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a0-\u30ffー]{1,6}))"
)


def without_full_names(directory: Directory, text: str) -> str:
    """``text`` with each full name of the directory written in it cut to its surname and a mask of its given
    name: with a space between (山本デザイン事務所（個人事業主 坂本 ■）, 個人のお客様（吉田 ■■様ご家族）) and written
    together, as in a file name (成績表_田中■■.pdf)."""
    return _without_joined_names(directory, _without_spaced_names(directory, text))


def _without_spaced_names(directory: Directory, text: str) -> str:
    """Full names of the directory written 姓 名 (a space between) in ``text``, their given names masked."""
    if " " not in text and "\u3000" not in text:
        return text
    out: list[str] = []
    done = 0
    for m in _NAME_GAP.finditer(text):
        left, right = m.group(1), m.group(2)
        if m.start() < done:
            continue
        hit = next(
            (
                n
                for k in range(min(4, len(left)), 0, -1)  # 個人事業主 坂本 -> 坂本 is no surname here; try each end
                for n in range(len(right), 0, -1)  # 陽子様ご家族 -> 陽子
                if directory.named(f"{left[-k:]} {right[:n]}")
            ),
            None,
        )
        if hit is None:
            continue
        out.append(text[done : m.start(2)] + "■" * hit)
        done = m.start(2) + hit
    return "".join(out) + text[done:]


# a run of kanji/kana that may hold a full name written without a space (成績表_田中心春.pdf)
_NAME_RUN = re.compile(r"[\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a0-\u30ffー]{3,}")
_JOINED_MAX = 10  # longest full name looked for, in characters


def _joined_given_length(directory: Directory, run: str, at: int) -> tuple[int, int]:
    """(length of the longest full name of the directory written together at ``run[at:]``, length of its given
    name), or (0, 0). Only a contact filed with both parts (姓 名) counts: a one-part name is no full name."""
    for end in range(min(len(run), at + _JOINED_MAX), at + 2, -1):
        for c in directory.named(run[at:end]):
            family = c.surname
            if 0 < len(family) < end - at and not family.isascii():
                return end - at, end - at - len(family)
    return 0, 0


def _without_joined_names(directory: Directory, text: str) -> str:
    """Full names of the directory written together (姓名, no space) in ``text``, their given names masked."""
    out: list[str] = []
    done = 0
    for m in _NAME_RUN.finditer(text):
        run, at = m.group(), 0
        while at <= len(run) - 3:
            length, given = _joined_given_length(directory, run, at)
            if not length:
                at += 1
                continue
            cut = m.start() + at + length - given
            out.append(text[done:cut] + "■" * given)
            done = cut + given
            at += length
    return "".join(out) + text[done:]


def content_recipient_mismatch(ctx: Context) -> list[Reason]:
    """The salutation names an organisation or person that is not among the To/Cc recipients; or an organisation is
    only in Cc while the content speaks of others only."""
    first = (
        _salutation_mismatch(ctx)
        or _cc_org_not_in_content(ctx)
        or _forwarded_from_another_org(ctx)
        or _reply_keeps_other_party(ctx)
    )
    return (first or _other_customer_code(ctx)) + _list_of_another_org(ctx)


def _other_customer_code(ctx: Context) -> list[Reason]:
    """A mail to private persons only (every external recipient, Bcc included, a private person of the address
    book) whose own text (subject, body without its quote and signature) states the customer code of another private
    person of the address book (contacts.csv ``code``: 会員番号 K0012345), a party none of the recipients belongs
    to: that customer's order, address or account given to someone else (the other 高橋 裕子's order confirmation,
    another customer's order pasted into a reply). A customer's number tells one person from their namesake where the
    names do not; a company's contact receiving a customer's case (a call centre, a warehouse) is not judged here."""
    external = ctx.external
    if not external or not ctx.directory.code_orgs:
        return []
    if not all(_private_person(ctx, r.address) for r in external):
        return []
    m = ctx.message
    own = m.subject + "\n" + own_text(m.body)
    rec_orgs = ctx.recipient_orgs
    members = ctx.directory.org_members
    for token in sorted(set(re.findall(r"[A-Za-z0-9]+", unicodedata.normalize("NFKC", own)))):
        orgs = ctx.directory.code_orgs.get(token.upper(), set())
        if not orgs or orgs & rec_orgs:
            continue
        if not all(members.get(o) and all(_private_person(ctx, c.email) for c in members[o]) for o in orgs):
            continue  # a company's code (the customer's own supplier, a B2B account) is not another customer's
        shown = "■" * len(token)
        return [
            ctx.reason(
                "content_recipient_mismatch",
                f"The message gives a customer number ({shown}) that the address book ties to another private "
                "person, not to any recipient: another customer's order or data?",
                f"本文の会員番号・お客様番号（{shown}）は、アドレス帳では宛先の方ではなく別のお客様の番号です。"
                "別のお客様の注文・情報ではありませんか？",
                [shown],
                [r.address for r in external],
            )
        ]
    return []


_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|返信)\s*(?:\[\d+\])?\s*[:：]", re.IGNORECASE)
_QUOTED_LINE = re.compile(
    r"^\s*(?:[>＞]|-{2,}\s*(?:Original Message|元のメッセージ)|.*(?:wrote|書きました|のメール)\s*[:：]?\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_HONORIFIC_AFTER = r"[ \u3000]?(?:様|さま|さん|氏|殿|御中)"


def _is_reply(ctx: Context) -> bool:
    """A reply (not a forward): a subject Re:/返信:, or a quoted earlier mail (> lines, Original Message,
    「…書きました:」) under the new text, with no forward mark."""
    m = ctx.message
    if _REPLY_SUBJECT.match(m.subject):
        return True
    if _FORWARD_SUBJECT.match(m.subject) or _FORWARD_MARK.search(m.body):
        return False
    own = own_text(m.body)
    return bool(_QUOTED_LINE.search(m.body[len(own) :] if m.body.startswith(own) else m.body))


def _customer(ctx: Context, r: Recipient) -> str | None:
    """Whose party a recipient is: a company's (its directory organisation); a private person's own label of the
    address book (個人のお客様（A様ご家族）), or, under a label shared by many private persons (個人), their surname (a
    family); None when the directory does not know them."""
    orgs = ctx.orgs_of(r)
    contact = ctx.directory.lookup(r.address)
    if _individual(ctx, r) or (contact and not contact.organization):
        if contact is None:
            return None  # someone at a provider the address book does not hold
        label = contact.organization
        if label and len(ctx.directory.org_domains.get(label, ())) < SCATTERED_ORG_DOMAINS:
            return label
        return "person:" + recipient_surname(ctx, r)
    return sorted(orgs)[0] if orgs else None


def _named_in(ctx: Context, r: Recipient, text: str) -> bool:
    """``text`` names the recipient's party: their organisation, their address or domain (a company's), or their
    surname with an honorific (吉田様, 吉田 陽子様)."""
    if ctx.orgs_of(r) & {o for _, o in ctx.directory.orgs_in(text)} and not _individual(ctx, r):
        return True
    lowered = text.lower()
    if r.address in lowered or (not _individual(ctx, r) and "@" + r.domain in lowered):
        return True
    family = recipient_surname(ctx, r)
    named = rf"{re.escape(family)}(?:[ \u3000]?\S{{1,3}})?{_HONORIFIC_AFTER}"  # 吉田様, 吉田 陽子様
    return bool(family) and re.search(named, text) is not None


_QUOTED_RECIPIENT_LINE = re.compile(r"^[ \t]*(?:[>＞][ \t]*)*(?:To|Cc|Bcc|宛先|送信先|CC)[ \t]*[:：].*$", re.MULTILINE)


def _reply_keeps_other_party(ctx: Context) -> list[Reason]:
    """A reply whose new text opens to To recipients alone (every person and organisation its opening names is a
    To recipient's), while another recipient (To or Cc) is another customer's party — a company, or a private
    person at a free-mail or provider address — that the message never names: not the opening, not the new text,
    not the subject, the attachments nor the quoted thread (their organisation, their address, their surname with
    an honorific). A reply to all that kept another family or another company on a customer's business. Not on a
    generic opening (各位), nor for a party the sender has copied before on mail to the addressed ones (history)."""
    sal = ctx.salutation
    if not ctx.visible_external or ctx.announcement or sal.generic:
        return []
    if not (sal.names or ctx.salutation_orgs or sal.wards) or not _is_reply(ctx):
        return []
    to = [r for r in ctx.visible_external if r.field == "to"]
    to_surnames = {recipient_surname(ctx, r) for r in to} - {""}
    to_orgs = {o for r in to for o in ctx.orgs_of(r)}
    if not set(sal.names_surnames) <= to_surnames or not ctx.salutation_orgs <= to_orgs:
        return []  # the opening names someone who is no To recipient: the salutation checks' case
    guardians = [r for w in sal.wards for r in to if ctx.orgs_of(r) & ward_parties(ctx, w)]
    if sal.wards and not guardians:
        return []  # a child the address book places in no To recipient's household: nothing to say who is meant
    addressed = [
        r
        for r in to
        if recipient_surname(ctx, r) in sal.names_surnames or ctx.orgs_of(r) & ctx.salutation_orgs or r in guardians
    ]
    customers = {c for r in addressed if (c := _customer(ctx, r))}
    if not customers:
        return []
    addressed_orgs = {o for r in addressed for o in ctx.orgs_of(r)}
    m = ctx.message
    # the quoted mail's To/Cc lines say who was on it, which is how a reply to all kept them: no naming
    body = _QUOTED_RECIPIENT_LINE.sub("", m.body)
    texts = "\n".join((m.subject, body, *(a.text for a in m.attachments), *(a.filename for a in m.attachments)))
    # a reply opening to private persons alone is their own business: another private person there must be named in
    # the sender's new text (or the subject, the attachments) or have written in the thread, not only be spoken of in
    # the quoted mail that kept them
    to_people = all(_individual(ctx, r) for r in addressed)
    writers = set(quoted_writers(m.body))
    terms = _terms_for_to(ctx, to_orgs)
    # the addressed private persons' own documents attached (their application form, their statement)
    names = _recipient_full_names(ctx, addressed) if to_people else set()
    own_docs = [
        a.filename
        for a in m.attachments
        if names and (owner := document_owner(ctx.directory, a.text, a.filename)) is not None and owner.name in names
    ]
    own = "\n".join((m.subject, own_text(m.body), *(a.text for a in m.attachments),
                     *(a.filename for a in m.attachments)))  # fmt: skip
    out: list[Reason] = []
    for r in ctx.visible_external:
        if r in addressed or recipient_surname(ctx, r) in sal.names_surnames:
            continue
        party = _customer(ctx, r)
        orgs = ctx.orgs_of(r)
        if party is None or party in customers or any(ctx.is_own(o) for o in orgs):
            continue
        if not _individual(ctx, r) and orgs & (addressed_orgs | ctx.sent_orgs):
            continue
        between_people = to_people and _individual(ctx, r)
        named = r.address.lower() in writers or _named_in(ctx, r, own) if between_people else _named_in(ctx, r, texts)
        # named by the quoted mail alone (its writer, 「岡本さんは書きました」), while the new text states terms for
        # the To recipients (an amount): that party was kept by the reply to all, not written to
        quoted_only = named and not between_people and bool(terms or own_docs) and not _named_in(ctx, r, own)
        if named and not quoted_only:
            continue
        if ctx.copied_as_usual(r, addressed_orgs) and not (quoted_only and to_people):
            continue  # a party copied before with the addressed ones; not on a private person's own affairs
        private = _individual(ctx, r) or not orgs
        # a private person's label may hold a customer's full name (個人のお客様（A様ご家族）): their surname only
        who_en = f"{recipient_surname(ctx, r)}, a private customer" if private else "/".join(sorted(orgs))
        who_ja = f"個人のお客様 {recipient_surname(ctx, r)}様" if private else "、".join(sorted(orgs))
        surnames = sal.names_surnames or tuple(dict.fromkeys(recipient_surname(ctx, x) for x in guardians))
        meant_en = ", ".join(surnames) or ", ".join(sorted(ctx.salutation_orgs))
        meant_ja = "、".join(f"{n}様" for n in surnames) or "、".join(sorted(ctx.salutation_orgs))
        shown = masked_address(r.address)
        field_name = FIELD_LABELS.get(r.field, r.field)
        where_en, where_ja = (
            ("another private person whom your new text never names (only the quoted mail does)",
             "別の個人の方で、引用部分にしか出てこず、あなたが書いた本文では触れていません。個人の方宛ての返信は、その方"
             "だけのものです")
            if between_people else
            (f"another party whom only the quoted mail names, while your new text states terms for them "
             f"({terms[0]})",
             f"別の関係者で、引用部分にしか出てきません。あなたが書いた本文は宛名の方への条件"
             f"（{terms[0]}）を伝えています")
            if named and terms else
            (f"another party whom only the quoted mail names, while the message carries the addressed person's "
             f"own document ({own_docs[0] if own_docs else ''})",
             f"別の関係者で、引用部分にしか出てきません。このメールには宛名の方ご本人の書類"
             f"（{own_docs[0] if own_docs else ''}）が添付されています")
            if named else
            ("another customer's party that the message never names",
             "別のお客様の関係者で、本文・件名・添付・引用のどこにも出てきません")
        )  # fmt: skip
        out.append(
            ctx.reason(
                "content_recipient_mismatch",
                f"This reply opens to {meant_en} alone, but the {field_name} recipient {shown} ({who_en}) is "
                f"{where_en}: was it kept by a reply to all?",
                f"この返信の宛名は {meant_ja} だけですが、{field_name} の {shown}（{who_ja}）は{where_ja}。"
                "全員に返信で宛先が残っていませんか？",
                [field_name, shown, who_ja],
                [r.address],
            )
        )
    return out


_FORWARD_MARK = re.compile(
    r"転送メッセージ|転送されたメッセージ|Forwarded message|Begin forwarded message|^\s*-{2,}\s*Forward",
    re.IGNORECASE | re.MULTILINE,
)


_FORWARD_SUBJECT = re.compile(r"^\s*(?:(?:re|aw)\s*[:：]\s*)*(?:fwd?|転送)\s*[:：]", re.IGNORECASE)


def _forwarded_from_another_org(ctx: Context) -> list[Reason]:
    """A mail forwarded (転送) from a writer at an organisation of the directory, none of whose people receives it,
    to people at another organisation: one company's correspondence with us (its prices, its plans) handed to
    another. A forward: a forward mark in the body (転送メッセージ, Forwarded message) or a subject "Fw:"/"転送:".
    Not when the forwarded part names the recipients' organisation (it concerns them) or their addresses (they were
    on it), nor when the sender has mailed the recipient beside that organisation before (a partner working on the
    same business)."""
    forward = _FORWARD_MARK.search(ctx.message.body) or _FORWARD_SUBJECT.match(ctx.message.subject)
    if not ctx.external or ctx.announcement or not forward:
        return []
    writers = [w for w in quoted_writers(ctx.message.body) if not ctx.policy.is_internal(w)]
    origin: set[str] = set()
    for w in writers:
        r = Recipient("", w)
        if not _individual(ctx, r):
            origin |= {o for o in ctx.orgs_of(r) if not ctx.is_own(o)}
    origin -= ctx.recipient_orgs
    if not origin or not ctx.recipient_orgs:
        return []
    own = own_text(ctx.message.body)
    forwarded = ctx.message.body[len(own) :]
    if any(o in forwarded or org_stem(o) in forwarded for o in ctx.recipient_orgs):
        return []
    domains = ctx.org_domains(ctx.recipient_orgs) | {r.domain for r in ctx.external}
    if any("@" + d in forwarded.lower() for d in domains):
        return []  # the recipients were on the forwarded mail (its To/Cc): part of that correspondence
    if any(ctx.copied_as_usual(r, origin) for r in ctx.external):
        return []
    org = sorted(origin)[0]
    dest = "/".join(sorted(ctx.recipient_orgs))
    return [
        ctx.reason(
            "content_recipient_mismatch",
            f"The message forwards a mail from {org} to {dest}, which is not part of that correspondence.",
            f"{org} からのメールを {dest} に転送しています（{dest} はそのやり取りの相手ではありません）。",
            [org, dest],
            [r.address for r in ctx.external],
        )
    ]


def _list_of_another_org(ctx: Context) -> list[Reason]:
    """A list of people (what `pii_in_attachment` calls one: three people or more with values beyond their names)
    in an attachment, the body or its quoted or forwarded part, that names an organisation none of the recipients
    belongs to, while it goes to another: a company's staff, members or customers given to a third party. The
    organisation the list belongs to is the one it names (its file name, its text, the thread it was forwarded
    from), not ours nor any recipient's."""
    if not ctx.external:
        return []
    rec_orgs = ctx.recipient_orgs
    out: list[Reason] = []
    companies = all(ctx.orgs_of(r) and not _private_person(ctx, r.address) for r in ctx.external)
    for a in ctx.message.scanned:
        papers = companies and a.filename != BODY_NAME and bool(a.types & IDENTIFYING_TYPES)
        if not (is_list(a) or papers):
            continue  # a list, or one person's papers (a birth date, an ID number) going to companies
        if a.filename != BODY_NAME and addressee_line_orgs(ctx, a.text) & rec_orgs:
            continue  # addressed to a recipient's organisation (A社 御中): its list; the others it names are content
        if named_for_recipient(ctx, a, ctx.external):
            continue  # a recipient's own document by its file name (確定申告書控え_坂本愛様)
        owner = None if a.filename == BODY_NAME else document_owner(ctx.directory, a.text, a.filename)
        if owner is not None and _owned_by_recipients(ctx, owner, ctx.external, rec_orgs):
            continue  # one person's form (入塾申込書_清水杏奈): the family's own, whatever school it names
        named = list_orgs(ctx, a)
        if a.filename != BODY_NAME and named & rec_orgs and (not is_list(a) or sole_person(a.text)):
            continue  # one person's papers naming a recipient's organisation among its parties (保証会社：A社)
        others = sorted(named - rec_orgs)
        if not others or (not is_list(a) and len(others) < PAPERS_PARTIES):
            continue
        org, where = others[0], "、".join(sorted(rec_orgs)[:3]) or ctx.external[0].domain
        where_en = ", ".join(sorted(rec_orgs)[:3]) or ctx.external[0].domain
        out.append(
            ctx.reason(
                "content_recipient_mismatch",
                f"{a.filename} holds personal data of about {a.records} people and names {org}, but no recipient is "
                f"at {org}: the message goes to {where_en}. Is this list meant for them?",
                f"{a.filename} には約 {a.records} 名分の個人情報があり {org} の名前が出てきますが、宛先に {org} の方は"
                f"いません（宛先は {where}）。この一覧を送ってよい相手ですか？",
                [a.filename, org],
                [r.address for r in ctx.external],
            )
        )
    return out


def is_list(a: AttachmentInfo) -> bool:
    """A list of people, as `pii_in_attachment` counts one: three records or more with values beyond names."""
    return a.records >= LIST_RECORDS and bool({t for t, _, _ in _personal(a)} - {"PERSON"})


_MAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def list_orgs(ctx: Context, a: AttachmentInfo) -> set[str]:
    """The other organisations a part of the message names: an attachment's text and file name; for the body, its
    own text, and when the list is (also) in the quoted or forwarded part, the whole body with the organisations
    of the addresses written in it (a forwarded mail's 差出人)."""
    if a.filename == BODY_NAME:
        body = ctx.message.body if a.quoted else a.text
        found = {o for _, o in ctx.directory.orgs_in(body)}
        for address in set(_MAIL_ADDRESS.findall(body)) if a.quoted else ():
            found |= ctx.orgs_of(Recipient("", address.lower()))
    else:
        found = {o for text in (a.text, a.filename) if text for _, o in ctx.directory.orgs_in(text)}
        found |= filename_orgs(ctx, a.filename)
    return {o for o in found if not ctx.is_own(o)}


def _cc_org_not_in_content(ctx: Context) -> list[Reason]:
    """Cc recipients at an organisation (in the directory) that is not a To recipient's and that the subject, body and
    attachments never name, while they name another organisation: the customer's business copied to a third
    company. A partner the sender usually copies on mail to these organisations (history) is not one."""
    spoken = ctx.content_orgs
    if not spoken or ctx.announcement:
        return []
    to_orgs = {o for r in ctx.message.recipients if r.field == "to" for o in ctx.orgs_of(r)}
    documents = _documents_for(ctx, to_orgs)
    amounts = [] if documents else _terms_for_to(ctx, to_orgs)
    out: list[Reason] = []
    for r in ctx.external:
        orgs = ctx.orgs_of(r)
        if r.field != "cc" or not orgs or orgs & to_orgs or any(ctx.is_own(o) for o in orgs):
            continue
        terms = amounts if recipient_surname(ctx, r) not in ctx.salutation.names_surnames else []
        only_quoted = bool(orgs & spoken) and bool(documents or terms) and not orgs & ctx.sent_orgs
        if orgs & spoken and not only_quoted:
            continue
        if ctx.copied_as_usual(r, spoken | to_orgs):
            continue
        org, about = sorted(orgs)[0], "、".join(sorted(spoken - orgs)[:3])
        about_en = ", ".join(sorted(spoken - orgs)[:3])
        shown = masked_address(r.address)
        if only_quoted and not documents:
            out.append(
                ctx.reason(
                    "content_recipient_mismatch",
                    f"The Cc recipient {shown} is at {org}, which only the quoted earlier mail names; the new text is "
                    f"addressed to {about_en} alone and states their terms (an amount: {terms[0]}): was {org} kept in "
                    "Cc by a reply to all?",
                    f"Cc の {shown} は {org} の方ですが、{org} は引用された過去のメールにしか出てきません。"
                    f"今回の本文は {about} だけに宛てたもので、金額（{terms[0]}）を伝えています。"
                    "全員に返信で Cc が残っていませんか？",
                    ["Cc", shown, org, terms[0]],
                    [r.address],
                )
            )
            continue
        if only_quoted:
            files = "、".join(documents[:3])
            out.append(
                ctx.reason(
                    "content_recipient_mismatch",
                    f"The Cc recipient {shown} is at {org}, which only the quoted earlier mail names; the new text "
                    f"and the attachment ({', '.join(documents[:3])}) are for {about_en}: was {org} kept in Cc by a "
                    "reply to all?",
                    f"Cc の {shown} は {org} の方ですが、{org} は引用された過去のメールにしか出てきません。今回の本文と"
                    f"添付（{files}）は {about} 向けの内容です。全員に返信で Cc が残っていませんか？",
                    ["Cc", shown, org, *documents[:3]],
                    [r.address],
                )
            )
            continue
        out.append(
            ctx.reason(
                "content_recipient_mismatch",
                f"The Cc recipient {shown} is at {org}, which the message and its attachments never mention; they "
                f"speak of {about_en}.",
                f"Cc の {shown} は {org} の方ですが、件名・本文・添付に {org} は出てこず、内容は {about} に関するもの"
                "です。",
                ["Cc", shown, org, *sorted(spoken)[:3]],
                [r.address],
            )
        )
    return out


_AMOUNT = re.compile(r"[¥￥]\s?\d[\d,]*|\d[\d,]*(?:\.\d+)?\s?(?:万|億)?円")


def _terms_for_to(ctx: Context, to_orgs: set[str]) -> list[str]:
    """The amounts (a price, a fee: 33,000円, ¥1,200, 120万円) the sender's own text states when its opening is
    addressed to the To recipients alone: it names a person or an organisation, every organisation it names is a
    To recipient's, and every person it names has a To recipient's surname. Such terms are that company's (its
    special price), not for a company only the quoted thread had in copy."""
    sal = ctx.salutation
    if not to_orgs or sal.generic or not (sal.names or ctx.salutation_orgs) or not ctx.salutation_orgs <= to_orgs:
        return []
    to_surnames = {recipient_surname(ctx, r) for r in ctx.external if r.field == "to"}
    if not set(sal.names_surnames) <= to_surnames:
        return []
    return _AMOUNT.findall(own_text(ctx.message.body))


def _documents_for(ctx: Context, to_orgs: set[str]) -> list[str]:
    """Attachments made for the To recipients' organisations only: each names (in its text or file name) some
    organisation other than ours, and only To organisations (a trial balance, a payroll list of the To's company)."""
    out: list[str] = []
    for a in ctx.message.attachments:
        named = {o for text in (a.text, a.filename) if text for _, o in ctx.directory.orgs_in(text)}
        named = {o for o in named | filename_orgs(ctx, a.filename) if not ctx.is_own(o)}
        if named and named <= to_orgs:
            out.append(a.filename)
    return out


def _salutation_mismatch(ctx: Context) -> list[Reason]:
    sal = ctx.salutation
    vis = ctx.visible_external
    if not vis or not sal.text:
        return []  # a generic salutation (ご担当者様, 各位, Dear Sirs) names no person, but may name a company
    named = {o for o in (ctx.resolve_org(w) for w in sal.orgs) if o and not ctx.is_own(o)}
    rec_orgs = set().union(*(ctx.orgs_of(r) for r in vis))
    main = vis[0]
    main_org = "/".join(sorted(ctx.orgs_of(main))) or main.domain
    if named - rec_orgs:
        org = sorted(named - rec_orgs)[0]
        who = f" {sal.surname}" if sal.surname else ""
        shown = masked_address(main.address)
        shown_ja = f"{surname(main.name)}さん" if main.name else shown
        return [
            ctx.reason(
                "content_recipient_mismatch",
                f"The message is addressed to {org}{who}, but the recipient {shown} is at {main_org}.",
                f"本文の宛名は {org}{who}様 ですが、宛先の{shown_ja}は {main_org} の方です。",
                [org, masked_address(main.address)],
                [r.address for r in vis],
            )
        ]
    for name in sal.names:
        full = split_full_name(name)
        if full and is_recipient_person(ctx, full, vis) is False:
            shown = f"{full[0]} {'■' * len(full[1])}"
            return [
                ctx.reason(
                    "content_recipient_mismatch",
                    f"The message is addressed to {shown} by full name, but no To/Cc recipient has "
                    "that full name (the same surname, another person?).",
                    f"本文の宛名は {shown} 様（フルネーム）ですが、宛先にその氏名の方がいません"
                    "（同じ姓の別の方ではありませんか）。",
                    [shown],
                    [r.address for r in vis],
                )
            ]
    for ward in sal.wards:
        full = split_full_name(ward)
        parties = ward_parties(ctx, ward) if full else set()
        if parties and not parties & rec_orgs:
            shown = f"{full[0]} {'■' * len(full[1])}"
            return [
                ctx.reason(
                    "content_recipient_mismatch",
                    f"The message is addressed to the guardian of {shown}, but no To/Cc recipient is of that "
                    "household (the address book files them elsewhere).",
                    f"本文の宛名は {shown} さんの保護者様ですが、宛先にそのご家庭の方がいません（アドレス帳では別の"
                    "ご家庭の方です）。",
                    [shown],
                    [r.address for r in vis],
                )
            ]
    if sal.names and not _names_match(ctx, sal.names, vis, rec_orgs):
        shown = "、".join(n.split()[0] for n in sal.names)
        return [
            ctx.reason(
                "content_recipient_mismatch",
                f"The message is addressed to {shown}, but no To/Cc recipient has that name.",
                f"本文の宛名は {shown}様 ですが、宛先にその名前の方がいません。",
                [shown],
                [r.address for r in vis],
            )
        ]
    return []


def ward_parties(ctx: Context, ward: str) -> set[str]:
    """The households (organisations) of the address book a child the opening names belongs to: by full name
    (姓 名), its contacts and the labels naming it; by given name alone, those with a contact or a labelled person of
    that given name. Empty when the address book does not know the child."""
    full = split_full_name(ward)
    if full:
        return person_orgs(ctx.directory, full[0] + full[1])
    given = ward.replace(" ", "").replace("\u3000", "")
    out = {o for name, orgs in label_people(ctx.directory).items() if name.endswith(given) for o in orgs}
    for org, members in ctx.directory.org_members.items():
        if any((split_full_name(c.name) or ("", ""))[1] == given for c in members):
            out.add(org)
    return out


def _names_match(ctx: Context, names: tuple[str, ...], recipients: list[Recipient], orgs: set[str]) -> bool:
    """True when a salutation name is a recipient's (or the comparison cannot be made: unknown names, scripts).

    A name in Latin letters ("Dear Mr Sato") is compared with the recipients' Latin names and with the romaji of
    their kana readings (佐藤 さとう -> sato); when some recipient has neither, the comparison is not made.
    """
    known: set[str] = set()  # names as written (kanji, kana, Latin), lower-cased tokens
    latin: set[str] = set()  # romaji keys of Latin names and of kana readings
    latin_for_all = True
    for r in recipients:
        c = ctx.directory.lookup(r.address)
        found = [n for n in (r.name, c.name if c else "", c.kana if c else "") if n]
        if not found:
            return True  # a recipient whose name we do not know might be the one addressed
        keys: set[str] = set()
        for n in found:
            for t in n.replace(",", " ").replace("\u3000", " ").split():
                known.add(t.lower())
                if t.isascii() or is_kana(t):
                    keys.add(romaji_key(t))
            if is_kana(n.replace(" ", "").replace("\u3000", "")):
                keys.add(romaji_key(n.replace(" ", "").replace("\u3000", "")))  # "サトウタロウ" as one word
        keys.discard("")
        latin |= keys
        latin_for_all = latin_for_all and bool(keys)
    for name in names:
        for token in name.lower().split():
            if token.isascii():
                key = romaji_key(token)
                if not latin_for_all or not key:
                    return True  # 'Dear Mr Sato' to someone known only in kanji: cannot compare, do not guess
                if any(key == k or (len(key) >= 3 and k.startswith(key)) for k in latin):
                    return True
                if any(key in romaji_key(o) for o in orgs if o.isascii()):
                    return True
                continue
            if not any(not k.isascii() for k in known):
                return True  # a name in kanji against recipients known only in Latin letters
            if token in known or any(token in k or k in token for k in known if len(k) >= 2):
                return True
            if any(token in o or short_org_form(token, o) for o in orgs):
                return True  # a short form of the company (アルファ様, 東雲HD様), not a person
    return False


def is_recipient_person(ctx: Context, full: tuple[str, str], recipients: list[Recipient]) -> bool | None:
    """Whether the person named in full (姓, 名) is one of ``recipients``: True when one has that surname and given
    name (as written or as read: the directory's kana); False when every recipient's full name is known, one has
    that surname and none is that person (the same surname, another person); None otherwise (nothing can be said:
    a recipient's full name not known, or no recipient of that surname, which the other checks judge)."""
    family, given = full
    namesake = False
    for r in recipients:
        c = ctx.directory.lookup(r.address)
        names = recipient_names(ctx, r)
        split = [p for p in (split_full_name(n) for n in names) if p]
        kana = split_full_name(c.kana) if c and c.kana else None
        if not split:
            return None
        if any(f == family for f, _ in split) or (kana and same_given(family, [kana[0]])):
            namesake = True
            forms = [g for _, g in split] + ([kana[1]] if kana else [])
            if same_given(given, forms):
                return True
    return False if namesake else None


def addressed_orgs(ctx: Context, text: str) -> set[str]:
    """The organisations a document is for: those on its addressee lines (御中, 様, 殿, 宛, Attn), else the one
    organisation it names (by name, or by its own mail domain written bare: "Iroha Shokudo (iroha-shokudo.test)");
    a document naming several organisations with no addressee line is for none of them."""
    addressee, anywhere = _addressees(ctx, text)
    if addressee:
        return addressee
    return anywhere if len(anywhere) == 1 else set()


def addressee_line_orgs(ctx: Context, text: str) -> set[str]:
    """The organisations on a document's addressee lines (御中, 様, 殿, 宛, Attn, 顧客コード) only."""
    return _addressees(ctx, text)[0]


def _addressees(ctx: Context, text: str) -> tuple[set[str], set[str]]:
    """(the organisations on addressee lines, every organisation named) of a document's text."""
    addressee: set[str] = set()
    anywhere: set[str] = set()
    for line in text.splitlines():
        named = {o for _, o in ctx.directory.orgs_in(line)}
        named |= ctx.directory.orgs_by_domain(line, ctx.policy.free_mail_domains)
        orgs = {o for o in named if not ctx.is_own(o)}
        if _AFFILIATION_LINE.match(line):
            continue  # 学校：北高 / 勤務先：A社 — where the document's person studies or works, not whom it is for
        anywhere |= orgs
        if orgs and _ADDRESSEE_LINE.search(line):
            addressee |= orgs
        if _CODE_LINE.search(line):  # 顧客コード: C0012
            addressee |= {o for o in ctx.directory.orgs_by_code(line) if not ctx.is_own(o)}
    return addressee, anywhere


# a labelled line of a person's form giving where they study or work (学校：, 学校・学年：, 在籍校：, 勤務先：, 所属：)
_AFFILIATION_LINE = re.compile(
    r"^\s*[^\s:：]{0,6}?(?:学校|在籍校|在学校|出身校|志望校|勤務先|所属|通学先|通園先)[^\s:：]{0,4}\s*[:：]"
)


def filename_orgs(ctx: Context, filename: str) -> set[str]:
    """The organisations a file name says the file is for: a directory organisation named with its legal form or
    followed by an honorific (見積書_株式会社明星工業.pdf, 請求書_明星工業様.xlsx), its customer code (請求書_C0012.pdf,
    when contacts.csv has codes), or the distinctive label of its domain as a word (invoice_meisei-kogyo_2026.pdf
    for meisei-kogyo.example)."""
    stem = filename.rsplit(".", 1)[0]
    out: set[str] = set()
    for m in ctx.directory.org_re_matches(stem):
        org = ctx.directory.org_of_name(m.group())
        if ctx.is_own(org):
            continue
        if _LEGAL_FORM.search(m.group()) or _FILENAME_ADDRESSEE.match(stem[m.end() :]):
            out.add(org)
    out |= {o for o in ctx.directory.orgs_by_code(stem) if not ctx.is_own(o)}
    lowered = stem.lower()
    for label, orgs in ctx.directory.domain_labels().items():
        if label in lowered and re.search(rf"(?<![a-z0-9]){re.escape(label)}(?![a-z0-9])", lowered):
            out |= {o for o in orgs if not ctx.is_own(o)}
    return out


def document_references(a: AttachmentInfo) -> set[str]:
    """The reference numbers an attachment carries in its file name (extension cut) and its text."""
    return references(a.filename.rsplit(".", 1)[0]) | references(a.text)


def _other_reference(ctx: Context, a: AttachmentInfo, vis: list[Recipient]) -> Reason | None:
    """The attachment carries a reference number (a case, matter, order or claim number) of a form the subject or
    the sender's own text gives, and not the message's: another business's document (the mail is about 令和8年(ワ)
    第31122号, the settlement draft attached is of 第40871号). A document carrying more than a few of that form is a
    list, and is not judged."""
    m = ctx.message
    mail = references(m.subject) | references(own_text(m.body))
    if not mail:
        return None
    hit = mismatched(mail, mail | references(m.body), document_references(a))
    if hit is None:
        return None
    ours, theirs = hit
    return ctx.reason(
        "attachment_recipient_mismatch",
        f"The message is about {ours}, but the attachment {a.filename} is of {theirs}: another matter's document?",
        f"本文・件名は {ours} の件ですが、添付ファイル {a.filename} は {theirs} の書類です。"
        "別の案件の書類ではありませんか？",
        [a.filename, ours, theirs],
        [r.address for r in vis],
    )


def attachment_recipient_mismatch(ctx: Context) -> list[Reason]:
    vis = ctx.visible_external or ctx.external
    if not vis:
        return []
    rec_orgs = set().union(*(ctx.orgs_of(r) for r in vis))
    out: list[Reason] = []
    for a in ctx.message.attachments:
        if reason := _other_reference(ctx, a, vis):
            out.append(reason)
            continue
        if reason := _other_identifier(ctx, a, vis):
            out.append(reason)
            continue
        owner = document_owner(ctx.directory, a.text, a.filename)
        if owner is not None and _owned_by_recipients(ctx, owner, vis, rec_orgs):
            continue  # one person's document, that person a recipient or of a recipient's household/organisation
        if owner is not None and (reason := _other_private_party(ctx, a, owner, vis, rec_orgs)):
            out.append(reason)
            continue
        if owner is not None and (reason := _about_another_person(ctx, a, owner, vis)):
            out.append(reason)
            continue
        person = person_addressee(a.text)
        if person and (who := is_recipient_person(ctx, person, vis)) is not None:
            # a document addressed to a person by name, no organisation above it (a payslip, a contract): that
            # person's own; the organisations it names further down are its content (their place of work)
            mentioned = {o for _, o in ctx.directory.orgs_in(a.text) if not ctx.is_own(o)}
            if who or mentioned & rec_orgs or _written_about(ctx, person):
                continue
            shown = f"{person[0]} {'■' * len(person[1])}"
            out.append(
                ctx.reason(
                    "attachment_recipient_mismatch",
                    f"The attachment {a.filename} is addressed to {shown}, who is not a recipient.",
                    f"添付ファイル {a.filename} は {shown} 様宛ての書類ですが、宛先にその方がいません。",
                    [a.filename, shown],
                    [r.address for r in vis],
                )
            )
            continue
        if named_for_recipient(ctx, a, vis):
            continue  # the recipient's own document, whatever organisations it names further down
        other = _filename_person(ctx, a.filename, vis, rec_orgs)
        if other is not None and _introduced_to_company(ctx, other, vis):
            continue  # an applicant's result to the agent that introduced them, the mail naming the applicant: the
            # organisations it names further down (their guarantor, their employer) are its content
        if other is not None and not addressed_to_recipients(ctx, a):
            # (a letter addressed to the recipients about the person the mail names: that person is its subject)
            family, given = split_full_name(other.name) or (surname(other.name), "")
            shown = f"{family} {'■' * len(given)}".strip()
            out.append(
                ctx.reason(
                    "attachment_recipient_mismatch",
                    f"The attachment {a.filename} is named for {shown}, who is not a recipient (a contact filed "
                    "under no recipient's organisation).",
                    f"添付ファイル {a.filename} はファイル名から {shown} 様の書類ですが、宛先にその方はいません"
                    "（宛先とは別のお客様・組織の方です）。",
                    [a.filename, shown],
                    [r.address for r in vis],
                )
            )
            continue
        if tied_by_history(ctx, a):
            continue  # a document of a business every recipient works on (history): the organisations it names are
            # its content (the clinic of a 診断書, our client on a settlement draft served on the other side)
        if all(_private_person(ctx, r.address) for r in vis):
            # to private persons (a family, a student): a document is for an organisation only by an addressee
            # line (A社 御中); the one school, clinic or employer it names is what it is about
            named = addressee_line_orgs(ctx, a.text) or filename_orgs(ctx, a.filename)
        else:
            named = addressed_orgs(ctx, a.text) or filename_orgs(ctx, a.filename)
        if named and not named & rec_orgs and not _usual_parties(ctx, named) and not _routine_papers(ctx, named):
            org = sorted(named)[0]
            dest = "/".join(sorted(rec_orgs)) or vis[0].domain
            out.append(
                ctx.reason(
                    "attachment_recipient_mismatch",
                    f"The attachment {a.filename} is for {org}, but the message goes to {dest}.",
                    f"添付ファイル {a.filename} は {org} 宛ての内容ですが、宛先は {dest} です。",
                    [a.filename, org],
                    [r.address for r in vis],
                )
            )
    return out


def _recipient_places(ctx: Context) -> set[str] | None:
    """The places (a building, a unit) the labels of the To/Cc recipients tie them to, when every one of them is a
    private person of the address book filed under such a label (「個人（コーポB 203号室 入居者）」); None otherwise."""
    vis = ctx.visible_external
    if not vis:
        return None
    labels = places_by_label(ctx.directory)
    out: set[str] = set()
    for r in vis:
        contact = ctx.directory.lookup(r.address)
        if contact is None or contact.organization not in labels or not _private_person(ctx, r.address):
            return None
        out |= labels[contact.organization]
    return out


def _another_place(ctx: Context, text: str, mine: set[str]) -> str | None:
    """A place of another label that ``text`` names, when it names none of the recipients' places (nor a building
    holding one, nor a unit of one)."""
    named = places_named(ctx.directory, text)
    if not named or any(same_place(p, q) for p in named for q in mine):
        return None
    return sorted(named)[0].split()[0]  # the building, not the unit


def place_of_another(ctx: Context) -> list[Reason]:
    """The opening (its lines ending with an honorific) or an attachment names a building or a unit that the address
    book's labels tie to another private person (「コーポB 203号室 入居者」, 「A荘 オーナー」), while every To/Cc
    recipient is a private person filed under a label of their own place and none of those places is named: a
    dunning notice to the tenant of another building, another owner's report."""
    mine = _recipient_places(ctx)
    if mine is None:
        return []
    out: list[Reason] = []
    vis = [r.address for r in ctx.visible_external]
    opening = "\n".join(ln for ln in opening_lines(ctx.message.body, 3) if re.search(r"(様|さま|殿)$", ln))
    if opening and (place := _another_place(ctx, opening, mine)):
        out.append(
            ctx.reason(
                "content_recipient_mismatch",
                f"The opening names {place}, which the address book ties to another person, not to any recipient.",
                f"宛名に {place} とありますが、アドレス帳ではその物件は宛先の方ではなく別の方のものです。",
                [place],
                vis,
            )
        )
    for a in ctx.message.attachments:
        if place := _another_place(ctx, f"{a.filename}\n{a.text}", mine):
            out.append(
                ctx.reason(
                    "attachment_recipient_mismatch",
                    f"The attachment {a.filename} is about {place}, which the address book ties to another person, "
                    "not to any recipient.",
                    f"添付ファイル {a.filename} は {place} の書類ですが、アドレス帳ではその物件は宛先の方ではなく別の"
                    "方のものです。",
                    [a.filename, place],
                    vis,
                )
            )
            break
    return out


# a full name 姓 名 with an honorific, whatever precedes it (「301号室の井上 修様」)
_HONOURED_FULL_NAME = re.compile(
    r"([\u4e00-\u9fff々〆ヶ]{1,4})[ \u3000]"
    r"([\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faー]{1,6}?)[ \u3000]?(?:様|さま|さん|氏)"
)
# personal values that reach or identify a private person beyond their name (a reply's new text giving them)
_THIRD_PARTY_VALUES = IDENTIFYING_TYPES | {"PHONE", "ADDRESS", "EMAIL"}


def reply_gives_third_party(ctx: Context) -> list[Reason]:
    """A reply to a private person's mail (every external To recipient a private person of the address book) that
    keeps a company in Cc the sender never wrote to, while the new text gives a personal value (a phone, an
    address, a birth date) beside the full name of another private person of the address book, none of the
    recipients: a tenant's arrears and mobile number told to the agent the owner had copied on another matter."""
    m = ctx.message
    if not _is_reply(ctx) or m.body_info is None:
        return []
    to = [r for r in ctx.external if r.field == "to"]
    if not to or not all(_private_person(ctx, r.address) for r in to):
        return []
    kept = [
        r
        for r in ctx.external
        if r.field == "cc"
        and ctx.orgs_of(r)
        and not _private_person(ctx, r.address)
        and not ctx.history.known(m.sender, r.address)
    ]
    if not kept or not {t for t, _, _ in m.body_info.findings} & _THIRD_PARTY_VALUES:
        return []
    own = unicodedata.normalize("NFKC", m.subject + "\n" + own_text(m.body))
    named = {
        m_.group(1)[-k:] + m_.group(2)
        for m_ in _HONOURED_FULL_NAME.finditer(own)
        for k in range(len(m_.group(1)), 0, -1)
        if ctx.directory.named(m_.group(1)[-k:] + m_.group(2))
    }
    others = named - _recipient_full_names(ctx, list(m.recipients))
    people = [c for name in sorted(others) for c in ctx.directory.named(name) if _private_person(ctx, c.email)]
    if not people:
        return []
    org = sorted(ctx.orgs_of(kept[0]))[0]
    return [
        ctx.reason(
            "content_recipient_mismatch",
            f"This reply gives another person's personal data ({surname(people[0].name)}), and {org} in Cc, new to "
            "you, receives it too: was it kept on the reply by mistake?",
            f"この返信には別の方（{surname(people[0].name)} 様）の個人情報があり、CC の {org}（これまで送信したことの"
            "ない宛先）にも届きます。全員に返信で残った宛先ではありませんか？",
            [org, surname(people[0].name)],
            [r.address for r in kept],
        )
    ]


def recipient_ids(ctx: Context, r: Recipient) -> set[str]:
    """The identification numbers the address book ties to a recipient (``identifiers.contact_ids``), or those of
    their mailbox name when it does not know them."""
    contact = ctx.directory.lookup(r.address)
    return contact_ids(ctx.directory, contact) if contact else mailbox_ids(r.local)


def _stated_ids(ctx: Context) -> set[str]:
    """The identification numbers the mail's own text states (subject, body without its quote: 「Maria Santos
    (23G0847)」) and those the address book ties to the people it names with an honorific (「Maria Santosさん」),
    recipients aside; a name contacts under several labels share says nothing."""
    m = ctx.message
    own = m.subject + "\n" + own_text(m.body)
    out = label_ids(own)
    for name in people_named(ctx.directory, own) - _recipient_full_names(ctx, list(ctx.message.recipients)):
        people = ctx.directory.named(name)
        if len({c.organization for c in people}) == 1:  # one person (their rows under one label), not namesakes
            out |= set().union(*(contact_ids(ctx.directory, c) for c in people))
    return out


def _other_identifier(ctx: Context, a: AttachmentInfo, recipients: list[Recipient]) -> Reason | None:
    """A document giving a person's identification number (its file name, a labelled line: 学籍番号 25J1601) that no
    recipient carries, while a recipient carries a number of the same shape (their mailbox s24j0140@, their row
    「保護者（… 23S0369）」): another person's document, the two people told apart by that number only (two students
    named 佐藤 陸). When no recipient carries a number of that shape (a company, a partner receiving a student's
    papers), the mail's own text may: it states a number of that shape, or names a person the address book ties to
    one (「Maria Santosさんの在留カードの写し」), and the document gives none of them — the person meant is another.
    Not judged for a document with more than `MAX_DOCUMENT_IDS` numbers of one shape (a list), nor when neither the
    recipients nor the text state a number of that shape."""
    if a.filename == BODY_NAME:
        return None
    ids = document_ids(a.text, a.filename)
    if not ids:
        return None
    theirs = set().union(*(recipient_ids(ctx, r) for r in recipients))
    stated = _stated_ids(ctx)
    for form in sorted({shape(i) for i in ids}):
        mine = {i for i in ids if shape(i) == form}
        if len(mine) > MAX_DOCUMENT_IDS:
            continue
        if any(shape(t) == form for t in theirs):
            if mine <= theirs:
                continue
        elif not any(shape(t) == form for t in stated) or mine & stated:
            continue
        shown = a.filename
        for i in ids:
            shown = re.sub(re.escape(i), "■" * len(i), shown, flags=re.IGNORECASE)
        return ctx.reason(
            "attachment_recipient_mismatch",
            f"The attachment {shown} gives an identification number that the address book ties to no recipient; "
            "the recipients' numbers are others: another person's document?",
            f"添付ファイル {shown} に書かれた番号（学籍番号・会員番号など）は、アドレス帳で宛先の方の番号ではありません"
            "（宛先の方の番号は別です）。別の方の書類ではありませんか？",
            [shown],
            [r.address for r in recipients],
        )
    return None


def _usual_parties(ctx: Context, orgs: set[str]) -> bool:
    """Every external recipient (Bcc included) is at one of ``orgs`` or has gone out together with a contact of
    each of them in `TIE_MESSAGES` messages or more of the organisation's history: the company's own adviser (its
    顧問税理士, copied on mail to the company before), to whom its papers go. False (fail closed) for an adviser of
    other companies only, or a recipient copied beside the company once."""
    members = ctx.directory.org_members
    for r in ctx.external:
        if ctx.orgs_of(r) & orgs:
            continue
        for org in orgs:
            seen = sum(ctx.history.copied_together(c.email, r.address) for c in members.get(org, ()))
            if seen < TIE_MESSAGES:
                return False
    return True


def _routine_papers(ctx: Context, orgs: set[str]) -> bool:
    """The document's organisations are the business the mail openly states (its subject or the sender's own text
    names each of them), and every external recipient (Bcc included) is the desk the organisation routinely sends
    this kind of mail to (`History.routine_channel`): a company's 決算書 in 保証申込書類の送付（A社） to the guarantee
    corporation's desk. False (fail closed) when the mail does not name the company whose papers it carries (another
    company's papers in a routine mail), or a recipient is not such a desk."""
    m = ctx.message
    stated = {o for _, o in ctx.directory.orgs_in(m.subject + "\n" + own_text(m.body))}
    if not orgs <= stated:
        return False
    return all(ctx.history.routine_channel(m.subject, r.address) for r in ctx.external)


def _written_about(ctx: Context, person: tuple[str, str]) -> bool:
    """The mail's own text (subject, body without its quoted part) names the document's person by full name, and
    the address book knows no one of that name: the sender writes openly about that person (the estate of a
    late account holder, to the heirs), who is no contact the mail could have been meant for. False when the
    person is a contact (their own document goes to them)."""
    name = person[0] + person[1]
    if ctx.directory.named(name):
        return False
    m = ctx.message
    own = unicodedata.normalize("NFKC", m.subject + "\n" + own_text(m.body))
    return name in re.sub(r"\s+", "", own)


def tied_by_history(ctx: Context, a: AttachmentInfo) -> bool:
    """The organisation's sending history ties the document to every external recipient (Bcc included) by a
    reference number of its subjects (`History.party_of`: written to under it twice or more, and it is one
    business's): either a reference the document carries (its file name or text, a few at most) is one every
    recipient is a party of, or the one person it is of (its owner; for the message text, the one person of the
    address book it names with an honorific besides the recipients) is a contact of the address book, of that
    name alone, who shares such a reference with every recipient — the insurer handling that person's claim,
    the counsel of record of that case. False (fail closed) otherwise: a name several contacts share, a
    recipient written to under the reference once or never."""
    if not ctx.external:
        return False
    history = ctx.history
    if a.filename != BODY_NAME:
        refs = document_references(a)
        if 0 < len(refs) <= MAX_DOCUMENT_REFERENCES and any(
            all(history.party_of(ref, r.address) for r in ctx.external) for ref in refs
        ):
            return True
        owner = document_owner(ctx.directory, a.text, a.filename)
        names = {owner.name} if owner else set()
    else:
        names = people_named(ctx.directory, a.text) - _recipient_full_names(ctx, ctx.external)
    if len(names) != 1:
        return False
    contacts = ctx.directory.named(next(iter(names)))
    if len(contacts) != 1:
        return False
    return all(history.shared_references(contacts[0].email, r.address) for r in ctx.external)


def _owned_by_recipients(ctx: Context, owner: Owner, recipients: list[Recipient], rec_orgs: set[str]) -> bool:
    """The document's person is a recipient (by full name) or belongs to a recipient's organisation: a parent and
    their own child are one party, and the child's report to that family is the family's own data. A label the
    address book files many unrelated private persons under (個人, 個人のお客様) is no party."""
    return bool(_parties(ctx, owner) & rec_orgs) or owner.name in _recipient_full_names(ctx, recipients)


def _parties(ctx: Context, owner: Owner) -> set[str]:
    """The document's person's organisations that are one party each: not a label of many private persons; a label
    of a company's employees (個人（A社 従業員）) stands for that employer, whose payroll the document is."""
    out = {o for o in owner.orgs if not _category_label(ctx, o)}
    return out | {e for o in owner.orgs if (e := label_employer(ctx.directory, o))}


def _category_label(ctx: Context, org: str) -> bool:
    """An "organisation" of the address book that files unrelated private persons together (個人, 個人のお客様):
    its people are all private persons, of more than one surname (a household's members share theirs)."""
    members = ctx.directory.org_members.get(org, [])
    if label_employer(ctx.directory, org) and all(_private_person(ctx, c.email) for c in members):
        return True  # a company's employees filed by employer: two of one surname are not one household
    return len({c.surname for c in members}) >= 2 and all(_private_person(ctx, c.email) for c in members)


# a full name 姓 名 (a space between) with an honorific (「近藤 綾 様」「松田 清様」): a person the mail's text names
_FULL_NAMED = re.compile(
    r"(?<![\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faー])([\u4e00-\u9fff々〆ヶ]{1,4})[ \u3000]"
    r"([\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faー]{1,6}?)[ \u3000]?(?:様|さま|さん|殿)"
)


_HONORIFIC = r"(?:様|さま|さん|くん|ちゃん|氏|殿)"


def _about_another_person(ctx: Context, a: AttachmentInfo, owner: Owner, recipients: list[Recipient]) -> Reason | None:
    """One person's document (its addressee or labelled name line says whose: 「被保険者氏名：加藤 さくら」) attached
    to a mail whose own text (subject, body without its quoted part) names people by full name and honorific
    (「近藤 綾 様の認定結果について」, or only the recipient 「松田 清 様」) but never that person, neither in full nor
    by surname or given name with an honorific (「加藤様の書類」「颯太さんの成績表」): the file picked is another
    person's. Nothing when the mail's text names no one in full (it does not say whom the document is about), when
    it names someone of the person's surname (a household: a child's report to the parent it greets), when it names
    only the recipients and one of them is at an organisation (a club, an agent: the people it handles are its
    business), nor when the person is a recipient."""
    if a.filename == BODY_NAME or a.records > OWN_DOCUMENT_RECORDS or not owner.family:
        return None
    if owner.name in _recipient_full_names(ctx, recipients):
        return None
    m = ctx.message
    own = unicodedata.normalize("NFKC", m.subject + "\n" + own_text(m.body))
    named = _FULL_NAMED.findall(own)
    if not named or owner.name in re.sub(r"\s+", "", own):
        return None
    if any(family == owner.family for family, _ in named):
        return None  # a household shares its surname: a child's report to the parent the mail names
    greeted = _recipient_full_names(ctx, recipients)
    if all(f + g in greeted for f, g in named) and not all(_private_person(ctx, r.address) for r in recipients):
        return None  # only the recipient named, at an organisation: the people it handles are its business
    given = owner.name[len(owner.family) :]
    for part in (owner.family, given):
        if part and re.search(rf"(?<![\u4e00-\u9fff々〆ヶ]){re.escape(part)}[ \u3000]?{_HONORIFIC}", own):
            return None  # the person named by surname or given name only (「加藤様の通知書」「颯太さんの成績表」)
    shown = f"{owner.family} {'■' * (len(owner.name) - len(owner.family))}"
    return ctx.reason(
        "attachment_recipient_mismatch",
        f"The attachment {a.filename} is {shown}'s document, but the message speaks of other people and never "
        "names that person.",
        f"添付ファイル {a.filename} は {shown} さんの書類ですが、本文はその方ではなく別の方について書かれています。",
        [a.filename, shown],
        [r.address for r in recipients],
    )


def _unknown_party(ctx: Context, r: Recipient) -> bool:
    """A recipient the address book does not know (no contact, no organisation at the domain) and the sender never
    wrote to: a party that has no business with a private person's document yet."""
    return not ctx.orgs_of(r) and not ctx.history.known(ctx.message.sender, r.address)


def _other_private_party(
    ctx: Context, a: AttachmentInfo, owner: Owner, recipients: list[Recipient], rec_orgs: set[str]
) -> Reason | None:
    """One private person's document (a report card, a bill, a payslip) sent to private persons of another
    household or to a party never written to and unknown to the address book: every recipient is a private person
    or such a newcomer, and the address book files the document's person only under other private parties (a
    household, a person of their own). Documents of private persons sent to known companies are left to the other
    rules (a processor may be meant). A company's employee filed under a label naming their employer
    (個人（A社 従業員）) is a private party of their own: their payslip to another employee of A is another's."""
    parties = {o for o in owner.orgs if not _category_label(ctx, o) or label_employer(ctx.directory, o)}
    if not parties or not all(_private_person(ctx, r.address) or _unknown_party(ctx, r) for r in recipients):
        return None
    members = [c for o in parties for c in ctx.directory.org_members.get(o, [])]
    if not members or not all(_private_person(ctx, c.email) for c in members):
        return None
    shown = f"{owner.family} {'■' * (len(owner.name) - len(owner.family))}" if owner.family else "■" * len(owner.name)
    dest = "/".join(sorted(rec_orgs)[:2]) or recipients[0].domain
    if employer := next((e for o in sorted(parties) if (e := label_employer(ctx.directory, o))), None):
        return ctx.reason(
            "attachment_recipient_mismatch",
            f"The attachment {a.filename} is {shown}'s document; the address book files them as a private person "
            f"of their own (an employee of {employer}), and no recipient is that person.",
            f"添付ファイル {a.filename} は {shown} さんの書類です。アドレス帳ではその方は {employer} の従業員（個人）"
            "で、宛先にその方はいません。",
            [a.filename, shown],
            [r.address for r in recipients],
        )
    return ctx.reason(
        "attachment_recipient_mismatch",
        f"The attachment {a.filename} is {shown}'s document, filed in the address book under another private "
        f"party than the recipients ({dest}).",
        f"添付ファイル {a.filename} は {shown} さんの書類ですが、アドレス帳ではその方は宛先（{dest}）とは別のご家庭・"
        "個人の方です。",
        [a.filename, shown],
        [r.address for r in recipients],
    )


_FILENAME_PERSON = re.compile(r"([\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a0-\u30ffー]{2,12})[ \u3000]?(?:様|さま|殿)")
MIN_FILENAME_NAME = 3  # characters of a full name (姓名, spaces left out) read in a file name: 山本秀樹様, 林学様


def _filename_person(
    ctx: Context, filename: str, recipients: list[Recipient], rec_orgs: set[str]
) -> Contact | None:
    """A contact of the directory whose full name the file name writes with an honorific (確定申告書控え_山本秀樹様.pdf:
    that person's document), when they are filed under an organisation (a company, or a private customer's own
    label) and neither they nor anyone of that name is a recipient, no recipient is at that organisation, and the
    file name names no recipient's organisation. None otherwise: a name several contacts at different
    organisations share is taken as meant when any of them is the recipients'."""
    people = _filename_people(ctx, filename)
    if not people or filename_orgs(ctx, filename) & rec_orgs:
        return None
    addresses = {r.address for r in recipients}
    names = _recipient_full_names(ctx, recipients)
    for c in people:
        if c.email.lower() in addresses or "".join(c.name.split()) in names:
            return None
        if not c.organization or c.organization in rec_orgs:
            return None
    return people[0]


def _introduced_to_company(ctx: Context, person: Contact, recipients: list[Recipient]) -> bool:
    """A private person the address book files under no party of their own — only under a label of many unrelated
    private persons (個人（入居希望者）, 個人のお客様) — whom the mail's own text (subject, body without its quoted
    part) names by full name, going to companies only (every recipient at an organisation of the address book, none
    a private person): the sender writes to a company about that person (an applicant's result to the agent who
    introduced them), not to a person of that name by mistake."""
    if not person.organization or not _category_label(ctx, person.organization):
        return False
    if not all(ctx.orgs_of(r) and not _private_person(ctx, r.address) for r in recipients):
        return False
    m = ctx.message
    own = re.sub(r"\s+", "", unicodedata.normalize("NFKC", m.subject + "\n" + own_text(m.body)))
    return "".join(person.name.split()) in own


def _filename_people(ctx: Context, filename: str) -> list[Contact]:
    """The directory's contacts whose full name (spaces left out) the file name writes before an honorific."""
    stem = unicodedata.normalize("NFKC", filename.rsplit(".", 1)[0])
    people: list[Contact] = []
    for m in _FILENAME_PERSON.finditer(stem):
        run = m.group(1)
        for start in range(0, len(run) - MIN_FILENAME_NAME + 1):  # 控え山本秀樹 -> 山本秀樹, longest first
            found = ctx.directory.named(run[start:])
            if found:
                people.extend(found)
                break
    return people


def _recipient_full_names(ctx: Context, recipients: list[Recipient]) -> set[str]:
    """The recipients' names as written and as the directory holds them, spaces left out."""
    out: set[str] = set()
    for r in recipients:
        out |= {"".join(n.split()) for n in recipient_names(ctx, r)}
    return out


def recipient_names(ctx: Context, r: Recipient) -> list[str]:
    """A recipient's names: their contact's, and the display name — unless the address book holds the address under
    another full name and the display name is the full name of another of its people (the display name autocomplete
    kept from the person meant: 「佐藤 光」 <the address of 佐藤 由美子>)."""
    c = ctx.directory.lookup(r.address)
    names = [c.name] if c and c.name else []
    if r.name:
        other = c is not None and "".join(r.name.split()) != "".join(c.name.split()) and split_full_name(r.name)
        if not (other and any(x.email != r.address for x in ctx.directory.named(r.name))):
            names.append(r.name)
    return names


def named_for_recipient(ctx: Context, a: AttachmentInfo, recipients: list[Recipient]) -> bool:
    """The file name names a recipient by full name with an honorific (確定申告書控え_坂本愛様.docx to 坂本 愛): that
    person's own document; the organisations it names further down are its content (a clinic they paid)."""
    if a.filename == BODY_NAME:
        return False
    names = _recipient_full_names(ctx, recipients)
    return any("".join(c.name.split()) in names for c in _filename_people(ctx, a.filename))


def _personal(a: AttachmentInfo) -> list[tuple[str, str | None, str]]:
    return [f for f in a.findings if f[0] in PERSONAL_TYPES]


def pii_in_attachment(ctx: Context) -> list[Reason]:
    if not ctx.external:
        return []
    out: list[Reason] = []
    for a in ctx.message.scanned:
        found = _personal(a)
        kinds_found = {t for t, _, _ in found}
        if (a.records >= LIST_RECORDS and kinds_found - {"PERSON"}) or kinds_found & STRONG_TYPES:
            kinds = {t for t, _, _ in found}
            out.append(
                ctx.reason(
                    "pii_in_attachment",
                    f"{a.filename} holds personal data ({entity_labels(kinds, 'en')}) of about {a.records} people.",
                    f"{a.filename} に個人情報（{entity_labels(kinds)}）が約 {a.records} 名分含まれています。",
                    [m for _, _, m in found[:5]],
                )
            )
    return out


def bulk_pii(ctx: Context) -> list[Reason]:
    if not ctx.external:
        return []
    total = sum(a.records for a in ctx.message.scanned if _personal(a))
    if total < ctx.policy.bulk_records:
        return _list_in_text(ctx) or _list_to_private_persons(ctx) or _contact_list(ctx)
    names = [a.filename for a in ctx.message.scanned if a.records]
    owner = returned_to_owner(ctx)
    if owner:
        # the organisation's own people's data back to it, and to nobody else: not given to a third party; weighed
        # as personal data in an attachment (pii_in_attachment's action), still shown as many people's data
        shown = "、".join(sorted(owner)[:3])
        reason = ctx.reason(
            "bulk_pii",
            f"The attachments hold personal data of {total} people; they name {', '.join(sorted(owner)[:3])} and go "
            "only to people there (its own data returned to it).",
            f"添付ファイルに {total} 名分の個人情報が含まれます。ファイルには {shown} の名前があり、宛先は {shown} の"
            "方だけです（先方の情報をお返しするもの）。",
            names,
        )
        return [replace(reason, severity=ctx.reason("pii_in_attachment", "", "").severity)]
    return [
        ctx.reason(
            "bulk_pii",
            f"The attachments hold personal data of {total} people, going outside.",
            f"添付ファイルに {total} 名分の個人情報が含まれ、社外に送られます。",
            names,
        )
    ]


def _list_in_text(ctx: Context) -> list[Reason]:
    """A list of `BODY_LIST_RECORDS` or more people written into the mail's own text, each line with a birth date,
    an identity number or a home address beside a name, going outside: held as many people's data even under
    `bulk_records`. A mail's text is no container for a customer list: it cannot be protected or withdrawn, has no
    file name to say whose it is, and is copied into every reply and forward."""
    body = ctx.message.body_info
    if body is not None and body.my_numbers >= LIST_RECORDS:
        n = body.my_numbers
        return [
            ctx.reason(
                "bulk_pii",
                f"The message text holds the My Numbers (individual numbers) of {n} people, going outside: My Numbers "
                "are specific personal information under the My Number Act, to be sent protected, not typed into a "
                f"mail (held from {LIST_RECORDS} people; attach them, protected, if they must go).",
                f"本文に {n} 名分のマイナンバー（個人番号）が書かれ、社外に送られます。マイナンバーは番号法の特定個人"
                "情報で、メール本文に書いて送るものではありません（本文のマイナンバーは "
                f"{LIST_RECORDS} 名から保留します。送る必要があれば保護した添付ファイルにしてください）。",
                [BODY_NAME],
            )
        ]
    cards = sum(n for _, n in body.id_cards) if body is not None else 0
    if body is not None and cards >= LIST_RECORDS:
        kinds = [t for t, _ in body.id_cards]
        en, ja = entity_labels(set(kinds), "en"), entity_labels(set(kinds))
        return [
            ctx.reason(
                "bulk_pii",
                f"The message text holds {cards} identity-document numbers ({en}), going outside: the number of a "
                "card a person proves who they are with is typed into a mail, unprotected and copied into every reply "
                f"and forward (held from {LIST_RECORDS} numbers; attach them, protected, if they must go).",
                f"本文に本人確認書類の番号（{ja}）が {cards} 件書かれ、社外に送られます。本人確認に使う番号は、本文に"
                f"書くと保護できず返信・転送のたびに複製されます（本文の本人確認書類の番号は {LIST_RECORDS} 件から保留"
                "します。送る必要があれば保護した添付ファイルにしてください）。",
                [BODY_NAME],
            )
        ]
    if body is None or body.identifying < BODY_LIST_RECORDS:
        return []
    n = body.identifying
    return [
        ctx.reason(
            "bulk_pii",
            f"The message text lists {n} people with birth dates, home addresses or identity numbers, going "
            f"outside: a list of people pasted into a mail (held from {BODY_LIST_RECORDS} people; attach it, "
            "protected, if it must go).",
            f"本文に {n} 名分の生年月日・住所・番号などの個人情報が一覧で書かれ、社外に送られます（本文に貼り付けた"
            f"一覧は {BODY_LIST_RECORDS} 名から保留します。送る必要があれば保護した添付ファイルにしてください）。",
            [BODY_NAME],
        )
    ]


PRIVATE_LIST_RECORDS = 10  # people in an attachment from which it is a list no private person receives
CONTACT_LIST_RECORDS = 20  # people with a phone, a mail address, a home address or a birth date each: a 名簿
_REACH_TYPES = ("PHONE", "EMAIL", "ADDRESS", "DATE_OF_BIRTH")


def _contact_list(ctx: Context) -> list[Reason]:
    """An attachment listing `CONTACT_LIST_RECORDS` or more people each with a way to reach or identify them (a
    phone, a mail address, a home address or a birth date: the most frequent of these found once per person),
    going outside and not returned to its own organisation: a customer directory (顧客名簿, 延滞者リスト), held as
    many people's data under `bulk_records`. A roster of names alone (a rooming list, the applicants of a test) is
    not: it tells whom, not how to reach them."""
    if returned_to_owner(ctx):
        return []
    for a in ctx.message.attachments:
        if a.records < CONTACT_LIST_RECORDS or not _personal(a):
            continue
        reach = max(sum(1 for t, _, _ in a.findings if t == kind) for kind in _REACH_TYPES)
        if min(reach, a.records) < CONTACT_LIST_RECORDS:
            continue
        return [
            ctx.reason(
                "bulk_pii",
                f"{a.filename} lists about {a.records} people with their phone numbers, addresses or birth dates, "
                f"going outside: a directory of people (held from {CONTACT_LIST_RECORDS} people).",
                f"{a.filename} には約 {a.records} 名分の連絡先（電話番号・住所・生年月日など）付きの名簿があり、社外に"
                f"送られます（連絡先付きの名簿は {CONTACT_LIST_RECORDS} 名から保留します）。",
                [a.filename],
            )
        ]
    return []


def _list_to_private_persons(ctx: Context) -> list[Reason]:
    """An attachment listing `PRIVATE_LIST_RECORDS` or more people sent to private persons only (every recipient, Bcc
    included, a private person of the address book: free mail, a provider, a household's or a person's own label):
    a family, a student or a part-timer receives their own data, not a class's grade list or all colleagues' pay. Not
    when the list is addressed to or names a recipient's own party (its addressee line, its text or file name: a sole
    trader's own staff list returned to them)."""
    if not ctx.external or not all(_private_person(ctx, r.address) for r in ctx.external):
        return []
    rec_orgs = ctx.recipient_orgs
    for a in ctx.message.attachments:
        if a.records < PRIVATE_LIST_RECORDS or not _personal(a):
            continue
        if list_orgs(ctx, a) & rec_orgs or addressee_line_orgs(ctx, a.text) & rec_orgs:
            continue
        if about_own_thing(ctx.directory, rec_orgs, f"{a.filename}\n{a.text}"):
            continue  # the tenants of the building the recipient's label says they own (個人（A荘 オーナー）)
        return [
            ctx.reason(
                "bulk_pii",
                f"{a.filename} lists about {a.records} people and goes to private persons only: a private person "
                "receives their own data, not a list of others (a class's grades, all staff's pay).",
                f"{a.filename} には約 {a.records} 名分の個人情報があり、宛先は個人の方だけです。個人の方にお送り"
                "するのはご本人・ご家庭の情報で、ほかの方を含む一覧（クラス全員の成績、全員分の給与など）ではありません。",
                [a.filename],
            )
        ]
    return []


def returned_to_owner(ctx: Context) -> set[str]:
    """The organisations whose own list of people the message returns to them: every attachment with personal data
    names other organisations, none but the recipients' (a list pasted in the body, which names no file of theirs,
    is never taken for one); and every external recipient is at one of them (a directory organisation, not a
    free-mail or shared mailbox). Empty when not so."""
    parts = [a for a in ctx.message.attachments if a.records and _personal(a)]
    body = ctx.message.body_info
    if not parts or (body is not None and is_list(body)):
        return set()
    owners: set[str] = set()
    for a in parts:
        named = list_orgs(ctx, a)
        if not named:
            return set()
        owners |= named
    for r in ctx.external:
        if _individual(ctx, r) or not ctx.orgs_of(r) & owners:
            return set()
    return owners if owners <= ctx.recipient_orgs else set()


# A file name that says what a list of people is about: 健康診断結果一覧.xlsx, 障害者雇用 対象者.csv, 身辺調査結果.pdf
_SENSITIVE_NAME = re.compile(
    r"健康診断|健診|診断書|診断結果|病歴|既往歴|病名|傷病|通院|服薬|障害者|障がい者|障碍|身体障害|精神障害|療育|介護認定|"
    r"犯罪歴|前科|前歴|逮捕|身辺調査|信用調査|宗教|信仰|信条|人種|出自|被害者|ストレスチェック|メンタル|要配慮|"
    r"medical|health[\s_-]*check|diagnos|disabilit|criminal|religio",
    re.IGNORECASE,
)
_SENSITIVE_NAME_KIND = (
    (re.compile(r"犯罪|前科|前歴|逮捕|身辺|信用調査|criminal", re.I), "criminal"),
    (re.compile(r"障害|障がい|障碍|療育|disabilit", re.I), "disability"),
    (re.compile(r"宗教|信仰|信条|religio", re.I), "creed"),
    (re.compile(r"人種|出自", re.I), "race"),
    (re.compile(r"被害者", re.I), "crime_victim"),
)


def _sensitive_by_name(a: AttachmentInfo) -> str | None:
    """The kind of special-care information a list of people is named after (a second net beside the cells')."""
    if a.filename == BODY_NAME or a.records < LIST_RECORDS or not _SENSITIVE_NAME.search(a.filename):
        return None
    return next((kind for rx, kind in _SENSITIVE_NAME_KIND if rx.search(a.filename)), "medical")


_WRITER_LINE = re.compile(
    r"^\s*(?:>\s*)*(?:(?:From|差出人|送信者|送信元)\s*[:：].*?|.*(?:wrote|書きました|のメール)\s*[:：]?\s*$)",
    re.IGNORECASE,
)


def quoted_writers(body: str) -> list[str]:
    """The addresses of the writers of the mails quoted or forwarded in ``body`` (From:/差出人: header lines,
    「… <a@b> wrote:」), in order; the sender's own text is not looked at."""
    own = own_text(body)
    rest = body[len(own) :] if body.startswith(own) else body
    out: list[str] = []
    for line in rest.splitlines():
        if _WRITER_LINE.match(line):
            out.extend(a.lower() for a in _MAIL_ADDRESS.findall(line))
    return list(dict.fromkeys(out))


def _private_writer(ctx: Context, address: str) -> bool:
    """A writer who is a private person: not ours, and at free mail, a provider, or a domain no directory
    organisation owns."""
    if ctx.policy.is_internal(address):
        return False
    r = Recipient("", address)
    return _individual(ctx, r) or not ctx.orgs_of(r)


def _quoted_sensitive(ctx: Context) -> list[Reason]:
    """Special-care information (a diagnosis, a disability) in a quoted or forwarded mail that a private person
    wrote about themselves (with their phone, address...), now going to someone else: their health told to a third
    party. Quoting it back to that person is not."""
    body = ctx.message.body_info
    if body is None or not body.quoted_sensitive:
        return []
    present = {r.address.lower() for r in ctx.message.recipients}
    writers = [w for w in quoted_writers(ctx.message.body) if w not in present and _private_writer(ctx, w)]
    if not writers:
        return []
    subs = list(body.quoted_sensitive)
    who = masked_address(writers[0])
    kinds_en = ", ".join(sensitive_label(x, "en") for x in subs)
    kinds_ja = "、".join(sensitive_label(x) for x in subs)
    return [
        ctx.reason(
            "sensitive_pii",
            f"The quoted or forwarded mail of a private person ({who}) holds their special-care personal information "
            f"({kinds_en}), and goes to others.",
            f"引用・転送された個人（{who}）のメールに、ご本人の要配慮個人情報（{kinds_ja}）が含まれ、別の方に送られます。",
            [BODY_NAME, *subs],
        )
    ]


def _my_numbers_in_text(ctx: Context) -> list[Reason]:
    """My Numbers (個人番号) written into the mail's own text, from one, going outside — to an organisation or to a
    private person, even the number's owner: specific personal information (特定個人情報) under the My Number Act,
    to be sent protected. A payroll outsourcer receives it as a protected file or through its system, and a
    customer is told that their number was registered, not the number typed back into a mail that every reply and
    forward copies."""
    body = ctx.message.body_info
    if body is None or body.my_numbers < 1:
        return []
    n = body.my_numbers
    return [
        ctx.reason(
            "sensitive_pii",
            f"The message text holds {n} My Number(s) (individual numbers), going outside: "
            "specific personal information under the My Number Act, to be sent protected, not typed into a mail.",
            f"本文にマイナンバー（個人番号）が {n} 件書かれ、社外に送られます。マイナンバーは番号法の特定個人"
            "情報で、メール本文に書いて送るものではありません（送る必要があれば保護した添付ファイルにしてください）。",
            [BODY_NAME, "my_number"],
        )
    ]


def _card_numbers(ctx: Context) -> list[Reason]:
    """Full payment card numbers (the detector's CREDIT_CARD: a card brand's prefix and a right Luhn check digit) in an
    attachment or the mail's own text, going outside, from one number and to anyone (the payment agency, the
    card's holder included): a card number is personal data whose leak may cause financial loss by its misuse
    (個人情報保護法施行規則 7条2号; PPC Q&A 6-12: the number alone counts, from one person), so a mail misdirected
    with it is reportable; card data is exchanged through the payment system or a protected channel, not by mail
    (PCI DSS). A masked number (the last four digits, with or without the expiry) is not a full number and is not
    read as one."""
    out: list[Reason] = []
    for a in ctx.message.scanned:
        n = sum(1 for t, _, _ in a.findings if t == "CREDIT_CARD")
        if not n:
            continue
        out.append(
            ctx.reason(
                "sensitive_pii",
                f"{a.filename} holds {n} full payment card number(s), going outside: card numbers whose leak may "
                "cause financial loss are reportable from one person (APPI rules, art. 7(ii)); send card data "
                "through the payment system, not by mail.",
                f"{a.filename} にクレジットカード番号（全桁）が {n} 件含まれ、社外に送られます。不正利用で財産的被害が"
                "生じるおそれのある個人データで、1 名分でも漏えいは報告対象です（個人情報保護法施行規則7条2号）。"
                "カード情報は決済システム等で扱い、メールでは送りません。",
                [a.filename, "credit_card"],
            )
        )
    return out


def _my_numbers_to_newcomer(ctx: Context) -> list[Reason]:
    """My Numbers (個人番号) in an attachment going to an outside address the sender has never written to (To/Cc in
    the history): specific personal information may be provided only in the cases the My Number Act lists (番号法
    19条: to the office or the contractor that does the procedure for the employer), and a party the sender has no
    past mail with is no established one (a payment agency, a private mailbox, an address the address book offered by
    mistake). My Numbers to the 社労士 or outsourcer the sender routinely writes to stay at confirm (the sender is
    asked, as for any personal data in an attachment), and so do an organisation's own people's numbers going back to
    that organisation only (`returned_to_owner`); My Numbers in the mail's own text have their own rule."""
    new = [r for r in ctx.external if not ctx.history.known(ctx.message.sender, r.address)]
    if not new or returned_to_owner(ctx):
        # (the employer's own people's numbers going back to the employer's own desk: returned, not provided)
        return []
    out: list[Reason] = []
    for a in ctx.message.attachments:
        n = sum(1 for t, _, _ in a.findings if t == "MY_NUMBER")
        if not n:
            continue
        out.append(
            ctx.reason(
                "sensitive_pii",
                f"{a.filename} holds {n} My Number(s) (individual numbers) and goes to {len(new)} address(es) you have "
                "never written to: specific personal information is provided only to the parties the My Number Act "
                "allows (the office or contractor doing the procedure).",
                f"{a.filename} にマイナンバー（個人番号）が {n} 件含まれ、これまで送信したことのない宛先 "
                f"{len(new)} 件に送られます。特定個人情報は番号法が認める提供先（手続きを行う機関・委託先）にだけ"
                "提供できます。",
                [a.filename, "my_number"],
                [r.address for r in new],
            )
        )
    return out


OWN_DOCUMENT_RECORDS = 3  # people a one-person document may name (the person, a guardian, an emergency contact)


def _to_subject_only(ctx: Context, a: AttachmentInfo) -> bool:
    """The attachment is one person's document (`document_owner`: its addressee line, name line or file name) and
    goes only to that person's own party: every recipient, Bcc included, is that person by full name, or a private
    person filed under that person's household (a label of private persons only: 個人のお客様（佐藤 零様ご家族）).
    An employee's or a company customer's data has no household: only the person themself. False (fail closed) for
    the message text, a list of people or a document naming more people, a document whose person cannot be told,
    and any recipient outside that party. A file named after special-care information (健康診断) is a list unless
    its name writes that person's full name."""
    if a.filename == BODY_NAME or a.records > OWN_DOCUMENT_RECORDS:
        return False
    owner = document_owner(ctx.directory, a.text, a.filename)
    if owner is None:
        return False
    if _sensitive_by_name(a) and not _named_for_owner(ctx, a.filename, owner):
        return False  # a few people's list named after what it holds (健康診断結果一覧), not 健康診断書_北川亮介
    members = ctx.directory.org_members
    households = {
        o
        for o in _parties(ctx, owner)
        if members.get(o) and all(_private_person(ctx, c.email) for c in members[o])
    }
    for r in ctx.external:
        if owner.name in _recipient_full_names(ctx, [r]):
            continue
        if not (_private_person(ctx, r.address) and ctx.orgs_of(r) & households):
            return False
    return True


def _named_for_owner(ctx: Context, filename: str, owner: Owner) -> bool:
    """The file name writes the document's person: their full name (健康診断書_北川亮介.pdf), or identification numbers
    the address book ties to that person (25E1965_診断書.pdf, the number in their mailbox name; their rows under one
    label)."""
    if owner.name in unicodedata.normalize("NFKC", filename).replace(" ", ""):
        return True
    ids = label_ids(filename.rsplit(".", 1)[0])
    people = ctx.directory.named(owner.name)
    if not ids or len({c.organization for c in people}) != 1:
        return False  # a name several people share under different labels: the number alone may be another's
    return ids <= set().union(*(contact_ids(ctx.directory, c) for c in people))


def sensitive_pii(ctx: Context) -> list[Reason]:
    """Special-care personal information going outside: held, unless a relation of `_SENSITIVE_CONFIRMED` holds
    (one person's document going only to that person or their household, to the parties of its business, or to the
    desk that routinely receives it), which the sender is asked to confirm."""
    if not ctx.external:
        return []
    out: list[Reason] = _quoted_sensitive(ctx) + _my_numbers_in_text(ctx) + _card_numbers(ctx)
    out += _my_numbers_to_newcomer(ctx)
    for a in ctx.message.scanned:
        subs = sorted({s or "sensitive" for t, s, _ in a.findings if t == "SENSITIVE"})
        by_name = _sensitive_by_name(a)
        if by_name and not subs:
            subs = [f"{by_name} (file name)"]
        if not subs:
            continue
        kinds_en = ", ".join(sensitive_label(s, "en") for s in subs)
        en = f"{a.filename} holds special-care personal information ({kinds_en})."
        ja = f"{a.filename} に要配慮個人情報（{'、'.join(sensitive_label(s) for s in subs)}）が含まれています。"
        reason = ctx.reason("sensitive_pii", en, ja, [a.filename, *subs])
        if reason.severity == "hold":
            for relation, en_why, ja_why in _SENSITIVE_CONFIRMED:
                if relation(ctx, a):
                    reason = _confirmed(reason, en_why, ja_why)
                    break
        out.append(reason)
    return out


def _routine_channel(ctx: Context, a: AttachmentInfo) -> bool:
    """One person's data (at most `OWN_DOCUMENT_RECORDS` people; an attachment whose one person `document_owner`
    tells, or the message text) going only to addresses the organisation routinely sends this kind of mail to (`History.
    routine_channel`: the same subject, bar the person's name, three times or more, a kind few addresses receive):
    an insurer's underwriting desk that receives each applicant's 健康診断書. False (fail closed) when any
    recipient, Bcc included, is not such a channel."""
    if a.records > OWN_DOCUMENT_RECORDS:
        return False
    if a.filename != BODY_NAME and document_owner(ctx.directory, a.text, a.filename) is None:
        return False
    return all(ctx.history.routine_channel(ctx.message.subject, r.address) for r in ctx.external)


ADDRESSED_DOCUMENT_RECORDS = 8  # people one person's letter may name (the person, the addressee, the writer, kin)
ADDRESSEE_HEAD = 5  # first lines of a document (or of the mail's opening) read for whom it is addressed to
# the end of an addressee line: an honorific or a physician's (御侍史, 御机下, 先生), or 御中
_ADDRESSEE_END = re.compile(r"(?:様|さま|殿|御中|先生|御侍史|侍史|御机下|机下|各位)\s*$")


def _addressee_rows(lines: list[str]) -> list[int]:
    """The indices of ``lines`` in an addressee block: a line that ends with an honorific, and the one or two lines
    above such a line (「青葉内科クリニック」 / 「森 直人 先生 御侍史」; an organisation, a department, a person)."""
    ends = [bool(_ADDRESSEE_END.search(unicodedata.normalize("NFKC", ln))) for ln in lines]
    return [i for i in range(len(lines)) if any(ends[i : i + 3])]


def head_addressees(ctx: Context, lines: list[str]) -> set[str]:
    """The organisations (not ours) an addressee block names (`_addressee_rows`): 「ともしび生命保険株式会社 御中」,
    「ケアプランすずらん 大野 千里 様」, 「青葉内科クリニック」 above 「森 直人 先生 御侍史」."""
    return {o for i in _addressee_rows(lines) for _, o in ctx.directory.orgs_in(lines[i]) if not ctx.is_own(o)}


def _document_head(a: AttachmentInfo) -> list[str]:
    return [ln.strip() for ln in a.text.splitlines() if ln.strip()][:ADDRESSEE_HEAD]


# a number the mail's text gives with its label (「患者ID 12345678（松下様）」「受付番号: K-204518」)
_STATED_NUMBER = re.compile(r"(?:番号|ID|No\.?)\s*[:.]?\s*([A-Za-z0-9][A-Za-z0-9-]{5,})", re.IGNORECASE)


def _owner_stated(ctx: Context, owner: Owner, a: AttachmentInfo) -> bool:
    """The mail's own text (subject, body without its quoted part) names the document's person: their full name
    (spaces left out), or their surname with an honorific beside a labelled number (6 characters or more) the
    document itself writes (「患者ID 12345678（松下様）」: a patient named by ID and surname only)."""
    m = ctx.message
    own = unicodedata.normalize("NFKC", m.subject + "\n" + own_text(m.body))
    if owner.name in re.sub(r"\s+", "", own):
        return True
    if not owner.family or not re.search(re.escape(owner.family) + r"\s*(?:様|さま|さん|氏|殿)", own):
        return False
    doc = unicodedata.normalize("NFKC", a.text + "\n" + a.filename)
    return any(
        re.search(rf"(?<![A-Za-z0-9-]){re.escape(n)}(?![A-Za-z0-9-])", doc) for n in _STATED_NUMBER.findall(own)
    )


def _reaches_exactly(ctx: Context, named: set[str]) -> bool:
    """Every external recipient (Bcc included) is at one of ``named`` (not a private person), and every one of
    ``named`` is reached."""
    if not named or not ctx.external:
        return False
    reached: set[str] = set()
    for r in ctx.external:
        hit = ctx.orgs_of(r) & named
        if not hit or _individual(ctx, r):
            return False
        reached |= hit
    return reached == named


def _addressed_document(ctx: Context, a: AttachmentInfo) -> bool:
    if a.filename == BODY_NAME or a.records > ADDRESSED_DOCUMENT_RECORDS:
        return False
    owner = document_owner(ctx.directory, a.text, a.filename)
    if owner is None or not _owner_stated(ctx, owner, a):
        return False
    return _reaches_exactly(ctx, head_addressees(ctx, _document_head(a)))


def addressed_to_recipients(ctx: Context, a: AttachmentInfo) -> bool:
    """One person's letter (a referral, a nursing summary, a certificate for an insurer) that states whom it is for
    and whom it is about, both agreeing with the mail: its addressee block (its first lines) names an organisation
    of every external recipient (Bcc included) and no other, and the person it is about (`document_owner`) is named
    in full by the mail's own text (subject or body, quotes left out). The message text is such a letter's cover
    note: about one person at most, its opening addressee block naming the same organisations, with an attachment
    that is such a letter. False (fail closed) for a list of people (pasted in the body too), a letter addressed to
    another organisation (the namesake doctor at another clinic), a recipient at none of the named organisations (a
    Cc beside the addressee), a letter about another person than the mail's (the wrong patient's file), and a
    recipient the address book files under no organisation."""
    if a.filename != BODY_NAME:
        return _addressed_document(ctx, a)
    if a.records > OWN_DOCUMENT_RECORDS or not _reaches_exactly(
        ctx, head_addressees(ctx, opening_lines(ctx.message.body))
    ):
        return False
    return any(_addressed_document(ctx, d) for d in ctx.message.scanned if d.filename != BODY_NAME)


def _returned_list(ctx: Context, a: AttachmentInfo) -> bool:
    """A list of people that names its organisation, going back to that organisation only (`returned_to_owner`:
    every external recipient is there, every list names no one else's organisation): a company's own employees'
    健診結果 to its own personnel desk. The organisation must be named beyond the list's addressee block (in its
    title, a column, its file name): a list addressed 「…御中」 says whom it is for, not whose people it lists (a
    hospital's trial subjects to the study's agent, one patient's letter to a clinic)."""
    if a.filename == BODY_NAME or not a.records:
        return False
    owners = returned_to_owner(ctx)
    if not owners:
        return False
    lines = [ln for ln in a.text.splitlines() if ln.strip()]
    skip = set(_addressee_rows([ln.strip() for ln in lines[:ADDRESSEE_HEAD]]))
    rest = "\n".join(ln for i, ln in enumerate(lines) if i not in skip)
    named = {o for text in (rest, a.filename) for _, o in ctx.directory.orgs_in(text)} | filename_orgs(ctx, a.filename)
    named = {o for o in named if not ctx.is_own(o)}
    return bool(named) and named <= owners


def _confirmed(reason: Reason, en_why: str, ja_why: str) -> Reason:
    """``reason`` asked of the sender (`confirm`) instead of held, its texts told why: ``en_why`` takes the English
    text's full stop, ``ja_why`` its closing 「います。」 (the texts of `sensitive_pii`, masked by `Context.reason`)."""
    return replace(
        reason, severity="confirm", detail=reason.detail[:-1] + en_why, detail_ja=reason.detail_ja[:-5] + ja_why
    )


# The relations under which special-care data going out is the sender's question rather than a hold, tried in order,
# each with what the reason adds (English, Japanese).
_SENSITIVE_CONFIRMED: tuple[tuple[Callable[[Context, AttachmentInfo], bool], str, str], ...] = (
    (
        _to_subject_only,
        ", and goes only to the person it is about or their household: confirm.",
        "ます。ご本人・ご家族宛ての書類です。送ってよいかご確認ください。",
    ),
    (
        tied_by_history,
        ", and goes to parties of its business (your organisation has written to each recipient under its reference "
        "number): confirm that they may receive it.",
        "ます。宛先はいずれも、この書類の案件番号で過去にやり取りのある関係者です。この方に渡してよい情報か（ご本人の同意"
        "など）ご確認ください。",
    ),
    (
        addressed_to_recipients,
        ", and is addressed to the recipients' organisation, about the person the message names: confirm that they "
        "may receive it.",
        "ます。書類の宛名は宛先の組織で、本文で名前を挙げた方についての書類です。この方に渡してよい情報か（ご本人の同意"
        "など）ご確認ください。",
    ),
    (
        _returned_list,
        ", and goes back to the organisation the list is of (its own people): confirm.",
        "ます。一覧に書かれた組織ご自身への送付です（その組織の方々の情報）。送ってよいかご確認ください。",
    ),
    (
        _routine_channel,
        ", and goes to the desk your organisation routinely sends this kind of mail to (the same subject, several "
        "times before): confirm that it may receive it.",
        "ます。宛先は、この件名の書類を過去に何度も送っている定常の窓口です。この方に渡してよい情報か（ご本人の同意など）"
        "ご確認ください。",
    ),
)


def unscannable_attachment(ctx: Context) -> list[Reason]:
    """Whatever was not read completely (an attachment, or the body's own text): one reason per file, saying what
    stopped the inspection; its severity is the strictest action among its causes ([unscannable] in the policy)."""
    if not ctx.external:
        return []
    out: list[Reason] = []
    domains = {r.domain for r in ctx.external}
    for a in ctx.message.scanned:
        causes = sorted(set(a.issues) & UNSCANNABLE)
        if not causes:
            continue
        severity = "allow"
        for cause in causes:
            severity = stricter(severity, ctx.policy.unscannable_action(cause, ctx.message.sender, domains))
        labels = [
            "unsupported archive" if c == "unsupported" and _ARCHIVE_NAME.search(a.filename) else c for c in causes
        ]
        en = ", ".join(_cause_text(c, a, 0) for c in labels)
        ja = "、".join(_cause_text(c, a, 1) for c in labels)
        reason = ctx.reason(
            "unscannable_attachment",
            f"{a.filename} could not be inspected completely ({en}).",
            f"{a.filename} は中身をすべて確認できません（{ja}）。"
            "パスワード付きZIPなどは内容を確認してから送ってください。",
            [a.filename, *labels],
        )
        out.append(replace(reason, severity=severity))
    return out


def _cause_text(cause: str, a: AttachmentInfo, lang: int) -> str:
    """A cause in English (``lang`` 0) or Japanese (1); "damaged" says what of the MIME structure was not read."""
    text = _CAUSE_TEXT[cause][lang]
    if cause != "corrupt" or not a.damage:
        return text
    return text + (": " if lang == 0 else "：") + ("; " if lang == 0 else "／").join(
        MIME_DAMAGE[d][lang] for d in a.damage if d in MIME_DAMAGE
    )


def sender_mismatch(ctx: Context) -> list[Reason]:
    """External mail whose From header names someone other than its submitter (the envelope sender).

    The submitter owns the message (its notices, its release); a From that differs is shown to the approver as a
    reason of its own, so nobody can send as someone else, or approve their own mail under another name. Only
    the gateway knows the envelope: a message judged without one (``envelope_sender`` None) gets no reason.
    """
    envelope = ctx.message.envelope_sender
    if envelope is None or not ctx.external:
        return []
    header = ctx.message.sender.lower()
    if envelope.lower() == header:
        return []
    if not envelope:
        return [
            ctx.reason(
                "sender_mismatch",
                f"The message has no envelope sender (<>) but its From is {masked_address(header)}: "
                "nobody can be told who submitted it.",
                f"エンベロープの送信者が空（<>）ですが、From は {masked_address(header)} です。"
                "誰が送信したのか確認できません。",
                [f"From: {masked_address(header)}", "envelope: <>"],
            )
        ]
    return [
        ctx.reason(
            "sender_mismatch",
            f"The From header ({masked_address(header)}) is not the submitter ({masked_address(envelope)}): "
            "check that this person may send in that name.",
            f"From ヘッダ（{masked_address(header)}）が実際の送信者（{masked_address(envelope)}）と異なります。"
            "この名義で送信してよいか確認してください。",
            [f"From: {masked_address(header)}", f"envelope: {masked_address(envelope)}"],
        )
    ]


CHECKS: tuple[Check, ...] = (
    blocked_recipient,
    blocked_attachment,
    external_recipient,
    first_time_recipient,
    similar_recipient,
    lookalike_domain,
    open_recipient_list,
    multiple_external_orgs,
    content_recipient_mismatch,
    attachment_recipient_mismatch,
    place_of_another,
    reply_gives_third_party,
    pii_in_attachment,
    bulk_pii,
    sensitive_pii,
    unscannable_attachment,
    sender_mismatch,
)
