"""Build ja-biz7 dev.jsonl from the hand-written markup files (``docs/*.txt``).

Markup: ``[[TYPE|value]]`` marks a span; a line ``=== title ===`` starts a document; lines starting with ``#!``
are comments. Checks every span (known type, no whitespace at its ends, no nesting, check digits of My Number,
corporate number and card numbers, digit counts of postal codes and phones) and warns when a labelled value
occurs again in the same document without a label. Prints counts per type.

    python3 benchmarks/ja_biz7/build.py            # writes dev.jsonl beside this file
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {
    "PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE", "EMAIL", "MY_NUMBER", "CORPORATE_NUMBER",
    "CREDIT_CARD", "BANK_ACCOUNT", "DATE_OF_BIRTH", "DRIVERS_LICENSE", "PASSPORT",
}
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]]+)\]\]")
OCR_DIGITS = str.maketrans("lIOo", "1100")  # OCR text (a scanned ledger) reads 1 as l and 0 as O
TITLE = re.compile(r"^=== (.+) ===$")


def digits(value: str) -> str:
    """The ASCII digits of ``value`` (full-width digits folded)."""
    return "".join(c for c in unicodedata.normalize("NFKC", value) if c.isdigit())


def my_number_ok(d: str) -> bool:
    """個人番号 check digit (12 digits, last one checks)."""
    if len(d) != 12:
        return False
    base = [int(c) for c in d[:11]][::-1]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(base, start=1))
    r = total % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def corporate_number_ok(d: str) -> bool:
    """法人番号 check digit (13 digits, the first one checks)."""
    if len(d) != 13:
        return False
    base = [int(c) for c in d[1:]][::-1]
    total = sum(p * (1 if n % 2 else 2) for n, p in enumerate(base, start=1))
    return int(d[0]) == 9 - total % 9


def luhn_ok(d: str) -> bool:
    """Luhn check of a card number."""
    if not 14 <= len(d) <= 16:
        return False
    total = 0
    for i, c in enumerate(reversed(d)):
        n = int(c) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def check_span(kind: str, value: str) -> str | None:
    """A reason why ``value`` is not a well-formed ``kind`` span, or None."""
    if kind not in TYPES:
        return f"unknown type {kind}"
    if value != value.strip():
        return "whitespace at a span end"
    d = digits(value.translate(OCR_DIGITS)) if kind == "PHONE" else digits(value)
    if kind == "MY_NUMBER" and not my_number_ok(d):
        return "My Number check digit"
    if kind == "CORPORATE_NUMBER" and not corporate_number_ok(d):
        return "corporate number check digit"
    if kind == "CREDIT_CARD" and not luhn_ok(d):
        return "Luhn"
    if kind == "POSTAL_CODE" and len(d) != 7:
        return "postal code is not 7 digits"
    if kind == "PHONE" and not (10 <= len(d) <= 12):
        return "phone digit count"
    if kind == "EMAIL" and "@" not in value:
        return "e-mail without @"
    if kind == "BANK_ACCOUNT" and not value.isdigit():
        return "account is not digits only"
    return None


def parse_doc(lines: list[str], where: str, errors: list[str]) -> tuple[str, list[dict[str, object]]]:
    """Text and spans of one document's markup lines."""
    raw = "\n".join(lines).strip("\n")
    text: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        text.append(before)
        length += len(before)
        kind, value = m.group(1), m.group(2)
        reason = check_span(kind, value)
        if reason:
            errors.append(f"{where}: {kind} {value!r}: {reason}")
        spans.append({"start": length, "end": length + len(value), "type": kind})
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(raw[pos:])
    out = "".join(text)
    if "[[" in out or "]]" in out:
        errors.append(f"{where}: stray markup")
    return out, spans


def unlabelled_repeats(text: str, spans: list[dict[str, object]]) -> list[str]:
    """Labelled values (3+ characters) that occur again in the text outside every span."""
    covered = [(int(s["start"]), int(s["end"])) for s in spans]
    found = []
    for value in {text[a:b] for a, b in covered if b - a >= 3}:
        for m in re.finditer(re.escape(value), text):
            if not any(a <= m.start() < b for a, b in covered):
                before = text[max(0, m.start() - 1):m.start()]
                if before != "@" and not (m.start() > 0 and text[m.start() - 1].isascii() and before.isalnum()):
                    found.append(value)
    return found


def build() -> tuple[list[dict[str, object]], list[str], list[str]]:
    """All documents of ``docs/*.txt`` in file order, errors and warnings."""
    docs: list[dict[str, object]] = []
    errors: list[str] = []
    warnings: list[str] = []
    for path in sorted((HERE / "docs").glob("*.txt")):
        title = None
        body: list[str] = []
        items: list[tuple[str, list[str]]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#!"):
                continue
            m = TITLE.match(line)
            if m:
                if title is not None:
                    items.append((title, body))
                title, body = m.group(1), []
            elif title is not None:
                body.append(line)
        if title is not None:
            items.append((title, body))
        for n, (title, body) in enumerate(items, start=1):
            doc_id = f"biz7-{path.stem}-{n:03d}"
            text, spans = parse_doc(body, f"{doc_id} ({title})", errors)
            for value in unlabelled_repeats(text, spans):
                warnings.append(f"{doc_id} ({title}): {value!r} also unlabelled")
            docs.append({"id": doc_id, "text": text, "spans": spans})
    return docs, errors, warnings


def main() -> int:
    """Write dev.jsonl and print counts; exit 1 on a markup error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "dev.jsonl")
    args = parser.parse_args()
    docs, errors, warnings = build()
    for line in warnings:
        print("warning:", line, file=sys.stderr)
    for line in errors:
        print("error:", line, file=sys.stderr)
    if errors:
        return 1
    with args.out.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    counts = collections.Counter(str(s["type"]) for d in docs for s in d["spans"])  # type: ignore[attr-defined]
    lines = [len(str(d["text"]).splitlines()) for d in docs]
    print(f"{len(docs)} documents, {sum(counts.values())} spans, lines per document: "
          f"median {sorted(lines)[len(lines) // 2]}, min {min(lines)}, max {max(lines)}")
    for kind, n in counts.most_common():
        print(f"  {kind:<17} {n:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
