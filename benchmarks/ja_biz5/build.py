#!/usr/bin/env python3
"""Build ja-biz5 from its hand-written markup files.

Reads every ``docs_*.txt`` in this folder (sorted). Markup: ``[[TYPE|value]]`` marks a labelled span (the value
may hold a line break); a line ``=== title ===`` starts a document; lines starting with ``#!`` before the first
document are comments. Writes ``dev.jsonl`` and its halves ``devA.jsonl`` / ``devB.jsonl``
(``md5("biz5:" + id)``, first byte even -> A) and prints span counts per type.

Checks every span: no whitespace at either end, no overlap of two spans of one type, a valid check digit for
MY_NUMBER and Luhn for CREDIT_CARD.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.S)
TITLE = re.compile(r"^=== (.+) ===$")
TYPES = {
    "PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE", "EMAIL", "MY_NUMBER", "CREDIT_CARD",
    "BANK_ACCOUNT", "DATE_OF_BIRTH", "CORPORATE_NUMBER", "DRIVERS_LICENSE", "PASSPORT",
}


def digits(value: str) -> str:
    """ASCII digits of a value (full-width digits folded)."""
    return "".join(c for c in unicodedata.normalize("NFKC", value) if c.isdigit())


def my_number_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 12:
        return False
    total = 0
    for n in range(1, 12):
        p = int(d[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def luhn_ok(value: str) -> bool:
    d = digits(value)
    total = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return 13 <= len(d) <= 19 and total % 10 == 0


def parse_doc(raw: str, doc_id: str) -> dict:
    text_parts: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        typ, value = m.group(1), m.group(2)
        if typ not in TYPES:
            raise ValueError(f"{doc_id}: unknown type {typ}")
        if not value or value != value.strip():
            raise ValueError(f"{doc_id}: whitespace at a span end: {value!r}")
        if "[[" in value:
            raise ValueError(f"{doc_id}: nested markup: {value!r}")
        if typ == "MY_NUMBER" and not my_number_ok(value):
            raise ValueError(f"{doc_id}: bad My Number check digit: {value!r}")
        if typ == "CREDIT_CARD" and not luhn_ok(value):
            raise ValueError(f"{doc_id}: card fails Luhn: {value!r}")
        spans.append({"start": length, "end": length + len(value), "type": typ})
        text_parts.append(value)
        length += len(value)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"{doc_id}: unbalanced markup")
    by_type: dict[str, list[tuple[int, int]]] = {}
    for s in spans:
        by_type.setdefault(s["type"], []).append((s["start"], s["end"]))
    for typ, ranges in by_type.items():
        ranges.sort()
        for a, b in itertools.pairwise(ranges):
            if b[0] < a[1]:
                raise ValueError(f"{doc_id}: overlapping {typ} spans")
    return {"id": doc_id, "text": text, "spans": spans}


def read_markup(path: Path) -> list[dict]:
    docs: list[dict] = []
    title: str | None = None
    lines: list[str] = []
    n = 0

    def flush() -> None:
        nonlocal n
        if title is None:
            return
        raw = "\n".join(lines).strip("\n")
        n += 1
        docs.append(parse_doc(raw, f"biz5-{path.stem.removeprefix('docs_')}-{n:03d}"))

    for line in path.read_text(encoding="utf-8").split("\n"):
        m = TITLE.match(line)
        if m:
            flush()
            title, lines = m.group(1), []
        elif title is None:
            if line.strip() and not line.startswith("#!"):
                raise ValueError(f"{path.name}: text before the first document: {line!r}")
        else:
            lines.append(line)
    flush()
    return docs


def half(doc_id: str) -> str:
    return "A" if hashlib.md5(f"biz5:{doc_id}".encode()).digest()[0] % 2 == 0 else "B"


def write(path: Path, docs: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def main() -> int:
    docs: list[dict] = []
    for path in sorted(HERE.glob("docs_*.txt")):
        docs.extend(read_markup(path))
    write(HERE / "dev.jsonl", docs)
    write(HERE / "devA.jsonl", [d for d in docs if half(d["id"]) == "A"])
    write(HERE / "devB.jsonl", [d for d in docs if half(d["id"]) == "B"])
    counts = Counter(s["type"] for d in docs for s in d["spans"])
    n_a = sum(1 for d in docs if half(d["id"]) == "A")
    print(f"documents {len(docs)} (A {n_a}, B {len(docs) - n_a}); lines "
          f"{sum(d['text'].count(chr(10)) + 1 for d in docs)}")
    for typ, c in counts.most_common():
        print(f"| {typ} | {c:,} |")
    print(f"| **total** | **{sum(counts.values()):,}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
