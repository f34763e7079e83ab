"""Organisation names that carry no suffix or legal form (NHK, トヨタ), read once from ``data/org_names.txt``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent.parent / "data"


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    path = _DATA / "org_names.txt"
    if not path.exists():
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return frozenset(out)
