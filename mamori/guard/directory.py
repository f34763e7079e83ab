"""The contact directory: people, their organisations and the organisations' domains, from contacts.csv."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

_LEGAL_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    # the corporate forms of Japanese law a name is written with (longest first where one ends another)
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "NPO法人",
    "地方独立行政法人",
    "独立行政法人",
    "国立大学法人",
    "学校法人",
    "宗教法人",
    "社会保険労務士法人",
    "税理士法人",
    "弁護士法人",
    "司法書士法人",
    "行政書士法人",
    "社会医療法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "社会福祉法人",
    "(株)",
    "（株）",
    "㈱",
    "(有)",
    "（有）",
    "㈲",
)


def surname(name: str) -> str:
    """The family name of ``姓 名`` (first token); a name without a space is returned whole."""
    parts = name.replace("\u3000", " ").split()
    return parts[0] if parts else ""


def org_stem(org: str) -> str:
    """An organisation name without its legal form: 株式会社光陽システムズ → 光陽システムズ."""
    stem = org
    for form in _LEGAL_FORMS:
        stem = stem.replace(form, "")
    return stem.strip(" \u3000")


# Abbreviations writers put after the start of a company's name (東雲HD, 山陽GHD, 北斗HLDGS): the word they stand
# for in the full name. Only words a reader of business mail reads without a second thought.
_ORG_ABBREVIATIONS = (
    (re.compile(r"(?:G|GR|GP)(?:HD|HLD|HLDGS)$", re.IGNORECASE), "グループホールディングス"),
    (re.compile(r"(?:HD|HDS|HLD|HLDS|HLDGS)$", re.IGNORECASE), "ホールディングス"),
    (re.compile(r"(?:G|GR|GRP|GP)$", re.IGNORECASE), "グループ"),
)


def short_org_form(word: str, org: str) -> bool:
    """True when ``word`` is a short form of ``org``: the start of its name (without the legal form) followed by a
    usual abbreviation of the word that ends it (「東雲HD」 for 株式会社東雲ホールディングス, 「北斗G」 for 北斗グループ
    株式会社). The start must hold two characters or more; nothing else of the name may be left out."""
    word = unicodedata.normalize("NFKC", word).strip()
    stem = unicodedata.normalize("NFKC", org_stem(org)).replace(" ", "")
    for rx, full in _ORG_ABBREVIATIONS:
        m = rx.search(word)
        if m and m.start() >= 2 and stem == word[: m.start()] + full:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    kana: str
    email: str
    organization: str
    code: str = ""  # the organisation's customer code, when contacts.csv has a ``code`` column (C0012)

    @property
    def surname(self) -> str:
        return surname(self.name)


_GENERIC_LABELS = frozenset(
    {"email", "gmail", "group", "global", "japan", "tokyo", "osaka", "corp", "office", "service", "system", "systems",
     "tech", "mailbox", "webmail", "hotmail", "freemail", "outlook", "yahoo", "icloud", "example", "company"}
)  # fmt: skip


@dataclass
class Directory:
    """Lookups over contacts: by address, domain, name, surname, local part; organisations and their domains."""

    contacts: list[Contact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_address: dict[str, Contact] = {}
        self.by_name: dict[str, list[Contact]] = defaultdict(list)
        self.by_surname: dict[str, list[Contact]] = defaultdict(list)
        self.by_local: dict[str, list[Contact]] = defaultdict(list)
        self.org_domains: dict[str, set[str]] = defaultdict(set)
        self.domain_orgs: dict[str, set[str]] = defaultdict(set)
        self.code_orgs: dict[str, set[str]] = defaultdict(set)  # customer code (upper-cased) -> organisations
        self.org_members: dict[str, list[Contact]] = defaultdict(list)  # organisation -> its contacts
        for c in self.contacts:
            addr = c.email.lower()
            self.by_address[addr] = c
            self.by_name[_norm_name(c.name)].append(c)
            self.by_surname[c.surname].append(c)
            local, _, domain = addr.rpartition("@")
            self.by_local[local].append(c)
            if c.organization:
                self.org_members[c.organization].append(c)
                self.org_domains[c.organization].add(domain)
                self.domain_orgs[domain].add(c.organization)
                if len(c.code) >= 3:
                    self.code_orgs[c.code.upper()].add(c.organization)
        # Longest names first so 青葉商事株式会社 wins over a shorter stem; stems of 2+ characters only.
        names: dict[str, str] = {}
        for org in self.org_domains:
            names[org] = org
            stem = org_stem(org)
            if len(stem) >= 2:
                names.setdefault(stem, org)
        self._org_names = sorted(names.items(), key=lambda kv: -len(kv[0]))
        self._org_of_name = dict(self._org_names)
        self._domains = frozenset(self.domain_orgs)
        self._org_re = re.compile("|".join(re.escape(n) for n, _ in self._org_names)) if names else None

    def lookup(self, address: str) -> Contact | None:
        return self.by_address.get(address.lower())

    def orgs_of_domain(self, domain: str) -> set[str]:
        return self.domain_orgs.get(domain.lower(), set())

    def named(self, name: str) -> list[Contact]:
        return self.by_name.get(_norm_name(name), [])

    @property
    def org_names(self) -> list[str]:
        """Organisation names and their stems, longest first."""
        return [n for n, _ in self._org_names]

    @property
    def domains(self) -> frozenset[str]:
        return self._domains

    def org_re_matches(self, text: str) -> list[re.Match[str]]:
        """The organisation names and stems written in ``text`` (longest first), as regex matches."""
        return list(self._org_re.finditer(text)) if self._org_re is not None else []

    def org_of_name(self, name: str) -> str:
        """The organisation of a name or stem that ``org_re_matches`` found."""
        return self._org_of_name[name]

    def domain_labels(self) -> dict[str, set[str]]:
        """Distinctive first labels of the organisations' domains (meisei-kogyo of meisei-kogyo.example), for
        file names that name a customer by it; labels under 5 letters, generic words and shared labels left out."""
        cached = self.__dict__.get("_labels")
        if cached is None:
            by_label: dict[str, set[str]] = defaultdict(set)
            for domain, orgs in self.domain_orgs.items():
                label = domain.split(".", 1)[0]
                if len(label) >= 5 and label not in _GENERIC_LABELS and len(orgs) == 1:
                    by_label[label] |= orgs
            cached = {label: orgs for label, orgs in by_label.items() if len(orgs) == 1}
            self.__dict__["_labels"] = cached
        return cached

    def orgs_by_code(self, text: str) -> set[str]:
        """The organisations whose customer code is written in ``text`` as a word (請求書_C0012.pdf)."""
        if not self.code_orgs:
            return set()
        out: set[str] = set()
        for token in re.findall(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]", text):
            for part in {token, *token.split("-")}:
                out |= self.code_orgs.get(part.upper(), set())
        return out

    def orgs_by_domain(self, text: str, providers: Collection[str] = ()) -> set[str]:
        """The organisations whose own mail domain ``text`` writes bare, not as an address's (a document's
        "Iroha Shokudo Co., Ltd. (iroha-shokudo.test)"): a domain of one organisation only, not a provider's
        (``providers``: free-mail domains)."""
        if "." not in text:
            return set()
        out: set[str] = set()
        for m in _BARE_DOMAIN.finditer(text):
            domain = m.group().lower()
            orgs = self.domain_orgs.get(domain)
            if orgs and len(orgs) == 1 and domain not in providers:
                out |= orgs
        return out

    def orgs_in(self, text: str) -> list[tuple[int, str]]:
        """The directory organisations named in ``text``: (offset, organisation), longest match first."""
        if self._org_re is None:
            return []
        return [(m.start(), self._org_of_name[m.group()]) for m in self._org_re.finditer(text)]


_BARE_DOMAIN = re.compile(r"(?<![\w@.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w-])")


def _norm_name(name: str) -> str:
    return "".join(name.split())


def parse_contacts(text: str) -> Directory:
    """A directory from the text of a ``name,kana,email,organization`` CSV (header row required); an optional
    ``code`` (or ``customer_code``) column gives the organisation's customer code."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"name", "email"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"contacts: missing column(s) {', '.join(sorted(missing))}")
    contacts = [
        Contact(
            (row.get("name") or "").strip(),
            (row.get("kana") or "").strip(),
            (row.get("email") or "").strip().lower(),
            (row.get("organization") or "").strip(),
            (row.get("code") or row.get("customer_code") or "").strip(),
        )
        for row in reader
        if (row.get("email") or "").strip()
    ]
    return Directory(contacts)


def parse_vcards(text: str) -> Directory:
    """A directory from vCard 3.0/4.0 text: FN (or N), EMAIL (one contact per address), ORG, phonetic names."""
    lines: list[str] = []
    for raw in text.lstrip("\ufeff").splitlines():
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]  # folded line
        else:
            lines.append(raw)
    contacts: list[Contact] = []
    card: dict[str, list[str]] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep:
            continue
        prop = key.split(";")[0].split(".")[-1].upper()
        if prop == "BEGIN":
            card = {}
        elif prop == "END":
            name = (card.get("FN") or [" ".join(p for p in (card.get("N") or [""])[0].split(";")[:2] if p)])[0]
            kana = " ".join(card.get("X-PHONETIC-LAST-NAME", []) + card.get("X-PHONETIC-FIRST-NAME", []))
            org = (card.get("ORG") or [""])[0].split(";")[0]
            for email in card.get("EMAIL", []):
                contacts.append(Contact(name.strip(), kana.strip(), email.strip().lower(), org.strip()))
        else:
            card.setdefault(prop, []).append(value.replace("\\,", ",").replace("\\;", ";"))
    return Directory(contacts)


def load_contacts(path: str | Path | None) -> Directory:
    """A directory from a contacts CSV, or from a vCard file (.vcf)."""
    if path is None:
        return Directory([])
    text = Path(path).read_bytes().decode("utf-8-sig")
    if str(path).lower().endswith((".vcf", ".vcard")) or text.lstrip().upper().startswith("BEGIN:VCARD"):
        return parse_vcards(text)
    return parse_contacts(text)
