"""Build a hand-written corpus's dev.jsonl from its markup files (docs_*.txt): ja_biz8, ja_biz9, ja_biz10.

Markup: ``[[TYPE|value]]`` marks a labelled span (the value may hold a line break);
documents are separated by ``=== title ===`` lines; lines starting with ``#!`` are comments.
Checks: known types, no whitespace at span ends, no stray brackets, no overlap, and the
check digits of My Numbers, corporate numbers and cards, the shape of postal codes.
Stdlib only.  Each corpus's ``build.py`` calls :func:`main` with its folder and its id prefix:
``python benchmarks/ja_biz8/build.py`` writes ``benchmarks/ja_biz8/dev.jsonl``.
"""

from __future__ import annotations

import collections
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {
    "PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE", "EMAIL", "MY_NUMBER",
    "CORPORATE_NUMBER", "CREDIT_CARD", "BANK_ACCOUNT", "DATE_OF_BIRTH", "DRIVERS_LICENSE",
    "PASSPORT", "RESIDENCE_CARD", "HEALTH_INSURANCE", "PENSION_NUMBER",
}
MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.S)
KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
TITLE = re.compile(r"^=== (.+) ===$")


def digits(value: str) -> str:
    """Return the ASCII digits of ``value`` (full-width digits folded)."""
    folded = unicodedata.normalize("NFKC", value).translate(KANJI_DIGITS)
    return "".join(c for c in folded if c.isdigit())


def my_number_ok(d: str) -> bool:
    """Check digit of a 12-digit 個人番号."""
    if len(d) != 12:
        return False
    base = d[:11]
    total = 0
    for n in range(1, 12):
        p = int(base[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def corporate_number_ok(d: str) -> bool:
    """Check digit (the first digit) of a 13-digit 法人番号."""
    if len(d) != 13:
        return False
    base = d[1:]
    total = sum(int(base[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return int(d[0]) == 9 - total % 9


def luhn_ok(d: str) -> bool:
    """Luhn check of a card number."""
    if not 14 <= len(d) <= 16:
        return False
    total = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        total += v
    return total % 10 == 0


def check_span(doc_id: str, kind: str, value: str) -> list[str]:
    """Return the problems of one span."""
    problems = []
    if kind not in TYPES:
        problems.append(f"{doc_id}: unknown type {kind}")
    if not value or value != value.strip():
        problems.append(f"{doc_id}: whitespace at the end of {kind} {value!r}")
    d = digits(value)
    if kind == "MY_NUMBER" and not my_number_ok(d):
        problems.append(f"{doc_id}: bad My Number check digit {value!r}")
    if kind == "CORPORATE_NUMBER" and not corporate_number_ok(d):
        problems.append(f"{doc_id}: bad corporate number check digit {value!r}")
    if kind == "CREDIT_CARD" and not luhn_ok(d):
        problems.append(f"{doc_id}: bad card number {value!r}")
    if kind == "POSTAL_CODE" and len(d) != 7:
        problems.append(f"{doc_id}: postal code without 7 digits {value!r}")
    return problems


def parse_doc(doc_id: str, raw: str) -> tuple[dict, list[str]]:
    """Turn one marked-up document into ``{"id", "text", "spans"}``."""
    text_parts: list[str] = []
    spans = []
    problems: list[str] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        kind, value = m.group(1), m.group(2)
        problems += check_span(doc_id, kind, value)
        spans.append({"start": length, "end": length + len(value), "type": kind})
        text_parts.append(value)
        length += len(value)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        problems.append(f"{doc_id}: stray markup brackets")
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"]))
    for a, b in itertools.pairwise(ordered):
        if b["start"] < a["end"]:
            problems.append(f"{doc_id}: overlapping spans {a} {b}")
    return {"id": doc_id, "text": text, "spans": ordered}, problems


def read_docs(path: Path) -> list[tuple[str, str]]:
    """Split a markup file into (title, body) pairs."""
    docs: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#!"):
            continue
        m = TITLE.match(line)
        if m:
            docs.append((m.group(1), []))
        elif docs:
            docs[-1][1].append(line)
        elif line.strip():
            raise SystemExit(f"{path.name}: text before the first title: {line!r}")
    return [(title, "\n".join(body).strip("\n")) for title, body in docs]


def main(here: Path, prefix: str) -> int:
    """Build ``here``/dev.jsonl (documents ``{prefix}-001`` …) and print the counts."""
    out = []
    problems: list[str] = []
    for path in sorted(here.glob("docs_*.txt")):
        for title, body in read_docs(path):
            doc_id = f"{prefix}-{len(out) + 1:03d}"
            doc, errs = parse_doc(doc_id, body)
            if not doc["text"].strip():
                errs.append(f"{doc_id} ({title}): empty document")
            problems += [f"{e} [{path.name}: {title}]" for e in errs]
            out.append(doc)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with (here / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for doc in out:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    counts = collections.Counter(s["type"] for d in out for s in d["spans"])
    lines = [d["text"].count("\n") + 1 for d in out]
    print(f"{len(out)} documents, {sum(lines)} lines, {sum(counts.values())} spans")
    for kind, n in counts.most_common():
        print(f"  {kind:18} {n}")
    return 0
