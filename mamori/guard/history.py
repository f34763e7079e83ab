"""Sending history: per sender, the addresses and domains written to before (To and Cc), and which addresses went
out beside which other domains in the same message (a usual Cc at a second company); and, for the whole
organisation, which addresses were written to under which reference number of a subject (【S-25-0417】ご報告: the
parties of that business, `references.py`); which addresses received the same kind of mail again and again (a desk's
routine, `subjects.py`); and which addresses went out together in one message (a company and its adviser)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from mamori.guard.references import references
from mamori.guard.subjects import subject_key

PEERS_MAX = 10  # recipients of a message up to which who went with whom is kept by address
TIE_MESSAGES = 2  # messages under one reference from which an address is a party of that business (once: a stray)
REFERENCE_ADDRESSES_MAX = 25  # addresses written to under one reference up to which it is one business's
ROUTINE_MESSAGES = 3  # messages of one kind (subject) to an address from which it is that kind's usual channel
ROUTINE_ADDRESSES_MAX = 5  # addresses a kind of mail goes to regularly up to which it is a desk's routine
ROUTINE_PREFIX = 6  # characters of a kind from which a longer kind it starts is the same routine


@dataclass
class History:
    """Who each sender has written to; ``first`` is the date of the first message to each (sender, address);
    ``beside`` the other recipient domains each (sender, address) was sent together with in one message."""

    addresses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    domains: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    all_domains: set[str] = field(default_factory=set)
    first: dict[tuple[str, str], str] = field(default_factory=dict)
    beside: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # the other addresses each (sender, address) was sent together with, from messages of at most `PEERS_MAX`
    # recipients (a provider's domain says nothing of whom a message went to; the address does)
    peers: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # for the whole organisation (every sender): messages per (reference of a subject, address), and the references
    # each address was written to under
    ref_messages: dict[tuple[str, str], int] = field(default_factory=dict)
    ref_addresses: dict[str, set[str]] = field(default_factory=dict)
    address_refs: dict[str, set[str]] = field(default_factory=dict)
    # for the whole organisation: messages per (kind of subject, address), and the addresses of each kind
    kind_messages: dict[tuple[str, str], int] = field(default_factory=dict)
    kind_addresses: dict[str, set[str]] = field(default_factory=dict)
    address_kinds: dict[str, set[str]] = field(default_factory=dict)
    kind_regular: dict[str, int] = field(default_factory=dict)  # addresses with `ROUTINE_MESSAGES`+ of a kind
    # for the whole organisation: messages (of at most `PEERS_MAX` recipients) that went to two addresses of two
    # domains together, per pair (sorted)
    together: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, sender: str, recipients: list[str], date: str = "", subject: str = "") -> None:
        sender = sender.lower()
        addrs = [a.lower() for a in recipients]
        for ref in references(subject):
            for addr in set(addrs):
                self.ref_messages[(ref, addr)] = self.ref_messages.get((ref, addr), 0) + 1
                self.ref_addresses.setdefault(ref, set()).add(addr)
                self.address_refs.setdefault(addr, set()).add(ref)
        kind = subject_key(subject)
        if kind:
            for addr in set(addrs):
                self._count_kind(kind, addr, 1)
                self.kind_addresses.setdefault(kind, set()).add(addr)
                self.address_kinds.setdefault(addr, set()).add(kind)
        unique = sorted(set(addrs))
        if len(unique) <= PEERS_MAX:
            for i, a in enumerate(unique):
                for b in unique[i + 1 :]:
                    if a.rpartition("@")[2] != b.rpartition("@")[2]:
                        self.together[(a, b)] = self.together.get((a, b), 0) + 1
        in_message = {a.rpartition("@")[2] for a in addrs}
        for addr in addrs:
            domain = addr.rpartition("@")[2]
            self.addresses[sender].add(addr)
            self.domains[sender].add(domain)
            self.all_domains.add(domain)
            self.first.setdefault((sender, addr), date)
            if len(in_message) > 1:  # only messages reaching two or more domains: most reach one
                self.beside.setdefault((sender, addr), set()).update(in_message - {domain})
                if len(addrs) <= PEERS_MAX:
                    self.peers.setdefault((sender, addr), set()).update(set(addrs) - {addr})

    def merge(self, other: History) -> None:
        """Add ``other``'s entries by replacing each changed set with a new one (copy on write), so a reader in
        another thread that is iterating a set while the gateway learns new deliveries never sees it change."""
        for sender, addresses in other.addresses.items():
            self.addresses[sender] = self.addresses.get(sender, set()) | addresses
        for sender, domains in other.domains.items():
            self.domains[sender] = self.domains.get(sender, set()) | domains
        if not other.all_domains <= self.all_domains:
            self.all_domains = self.all_domains | other.all_domains
        for key, date in other.first.items():
            self.first.setdefault(key, date)
        for key, domains in other.beside.items():
            if not domains <= self.beside.get(key, set()):
                self.beside[key] = self.beside.get(key, set()) | domains
        for key, addresses in other.peers.items():
            if not addresses <= self.peers.get(key, set()):
                self.peers[key] = self.peers.get(key, set()) | addresses
        for key, n in other.ref_messages.items():
            self.ref_messages[key] = self.ref_messages.get(key, 0) + n
        for ref, addresses in other.ref_addresses.items():
            if not addresses <= self.ref_addresses.get(ref, set()):
                self.ref_addresses[ref] = self.ref_addresses.get(ref, set()) | addresses
        for addr, refs in other.address_refs.items():
            if not refs <= self.address_refs.get(addr, set()):
                self.address_refs[addr] = self.address_refs.get(addr, set()) | refs
        for (kind, addr), n in other.kind_messages.items():
            self._count_kind(kind, addr, n)
        for kind, addresses in other.kind_addresses.items():
            if not addresses <= self.kind_addresses.get(kind, set()):
                self.kind_addresses[kind] = self.kind_addresses.get(kind, set()) | addresses
        for addr, kinds in other.address_kinds.items():
            if not kinds <= self.address_kinds.get(addr, set()):
                self.address_kinds[addr] = self.address_kinds.get(addr, set()) | kinds
        for key, n in other.together.items():
            self.together[key] = self.together.get(key, 0) + n

    def _count_kind(self, kind: str, addr: str, n: int) -> None:
        before = self.kind_messages.get((kind, addr), 0)
        self.kind_messages[(kind, addr)] = before + n
        if before < ROUTINE_MESSAGES <= before + n:
            self.kind_regular[kind] = self.kind_regular.get(kind, 0) + 1

    def routine_channel(self, subject: str, address: str) -> bool:
        """The organisation has sent mail of this subject's kind (`subject_key`; or of a kind one of them starts the
        other, `ROUTINE_PREFIX` characters or more: 保証申込書類 / 保証申込書類の送付) to ``address`` `ROUTINE_MESSAGES`
        times or more, and that kind goes regularly (as often) to at most `ROUTINE_ADDRESSES_MAX` addresses: the desk
        that receives this kind of mail (an insurer's underwriting desk for 団信申込書類の送付, a guarantee
        corporation's for 保証申込書類の送付), not a circular's reader."""
        kind = subject_key(subject)
        if not kind:
            return False
        address = address.lower()
        for known in self.address_kinds.get(address, ()):
            if known != kind and not (
                min(len(known), len(kind)) >= ROUTINE_PREFIX and (known.startswith(kind) or kind.startswith(known))
            ):
                continue
            if self.kind_messages.get((known, address), 0) < ROUTINE_MESSAGES:
                continue
            if self.kind_regular.get(known, 0) <= ROUTINE_ADDRESSES_MAX:
                return True
        return False

    def copied_together(self, a: str, b: str) -> int:
        """Messages of the organisation that went to both addresses (of two domains) together."""
        a, b = a.lower(), b.lower()
        return self.together.get((a, b) if a < b else (b, a), 0)

    def party_of(self, reference: str, address: str) -> bool:
        """The organisation has written to ``address`` under ``reference`` `TIE_MESSAGES` times or more, and the
        reference is one business's (written to at most `REFERENCE_ADDRESSES_MAX` addresses)."""
        address = address.lower()
        return (
            self.ref_messages.get((reference, address), 0) >= TIE_MESSAGES
            and len(self.ref_addresses.get(reference, ())) <= REFERENCE_ADDRESSES_MAX
        )

    def shared_references(self, a: str, b: str) -> set[str]:
        """The references under which both addresses are parties (`party_of`): one business they both work on."""
        a, b = a.lower(), b.lower()
        both = self.address_refs.get(a, set()) & self.address_refs.get(b, set())
        return {ref for ref in both if self.party_of(ref, a) and self.party_of(ref, b)}

    def known(self, sender: str, address: str) -> bool:
        return address.lower() in self.addresses.get(sender.lower(), set())

    def known_domain(self, sender: str, domain: str) -> bool:
        return domain.lower() in self.domains.get(sender.lower(), set())

    def sent_beside(self, sender: str, address: str, domains: set[str]) -> bool:
        """True when the sender has sent to ``address`` in a message that also went to one of ``domains`` (the
        partner they always copy on mail to a customer)."""
        return bool(self.beside.get((sender.lower(), address.lower()), set()) & {d.lower() for d in domains})

    def sent_with(self, sender: str, address: str, addresses: set[str]) -> bool:
        """True when the sender has sent to ``address`` in one message with one of ``addresses``."""
        return bool(self.peers.get((sender.lower(), address.lower()), set()) & {a.lower() for a in addresses})


def parse_history(lines: list[str]) -> History:
    """A history from JSON lines ``{"date", "from", "to": [...], "cc": [...], "subject"}``; bad lines raise."""
    history = History()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            history.add(
                str(rec["from"]),
                list(rec.get("to") or []) + list(rec.get("cc") or []),
                str(rec.get("date", "")),
                str(rec.get("subject") or ""),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"history line {n}: {exc}") from exc
    return history


def load_history(path: str | Path | None) -> History:
    if path is None:
        return History()
    return parse_history(Path(path).read_text(encoding="utf-8").splitlines())
