"""Sending history: per sender, the addresses and domains written to before (To and Cc), and which addresses went
out beside which other domains in the same message (a usual Cc at a second company)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PEERS_MAX = 10  # recipients of a message up to which who went with whom is kept by address


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

    def add(self, sender: str, recipients: list[str], date: str = "") -> None:
        sender = sender.lower()
        addrs = [a.lower() for a in recipients]
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
                str(rec["from"]), list(rec.get("to") or []) + list(rec.get("cc") or []), str(rec.get("date", ""))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"history line {n}: {exc}") from exc
    return history


def load_history(path: str | Path | None) -> History:
    if path is None:
        return History()
    return parse_history(Path(path).read_text(encoding="utf-8").splitlines())
