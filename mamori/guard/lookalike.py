"""Lookalike domains: one edit, a swap, a homoglyph (rn/m, l/i, 0/o, 1/l) or another TLD away from a known one."""

from __future__ import annotations

MIN_LABEL = 4  # shorter names are one edit away from too many others to tell a slip from a different company
_HOMOGLYPHS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"), ("5", "s"))


def _skeleton(s: str) -> str:
    for a, b in _HOMOGLYPHS:
        s = s.replace(a, b)
    return s


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one substitution, insertion, deletion or adjacent swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def imitates(domain: str, known: str) -> str | None:
    """How ``domain`` imitates ``known`` (homoglyph, edit, swap, tld), or None."""
    domain, known = domain.lower(), known.lower()
    if domain == known:
        return None
    if _skeleton(domain) == _skeleton(known):
        return "homoglyph"
    d_name, _, d_tld = domain.rpartition(".")
    k_name, _, k_tld = known.rpartition(".")
    if d_name and d_name == k_name and d_tld != k_tld:
        return "tld"
    if _one_edit(domain, known):
        return "edit"
    return None


def lookalike_of(domain: str, known: set[str]) -> tuple[str, str] | None:
    """The known domain that ``domain`` imitates and how, or None (a known domain imitates nothing)."""
    if domain in known or len(domain.split(".")[0]) < MIN_LABEL:
        return None
    for k in sorted(known):
        how = imitates(domain, k)
        if how:
            return k, how
    return None
