"""Build ja-biz6 from its hand-written markup files into dev.jsonl, devA.jsonl and devB.jsonl.

Markup: ``[[TYPE|value]]`` marks a span (the value may hold a line break: an address over two lines);
documents are separated by ``=== title ===`` lines; lines starting with ``#!`` are comments. The markup
files are ``docs_*.txt`` in this folder, read in name order. Standard library only.

    python3 benchmarks/ja_biz6/build.py          # writes the three files, prints counts per type
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.DOTALL)
TITLE = re.compile(r"^=== (.+) ===$")
TYPES = {
    "PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE", "EMAIL", "MY_NUMBER", "CORPORATE_NUMBER",
    "CREDIT_CARD", "BANK_ACCOUNT", "DATE_OF_BIRTH", "DRIVERS_LICENSE", "PASSPORT", "RESIDENCE_CARD",
    "HEALTH_INSURANCE", "PENSION_NUMBER",
}


def digits(value: str) -> str:
    """The ASCII digits of a value after NFKC."""
    return "".join(c for c in unicodedata.normalize("NFKC", value) if c.isdigit())


def my_number_ok(d: str) -> bool:
    """Check digit of a 12-digit 個人番号."""
    if len(d) != 12:
        return False
    base = [int(c) for c in d[:11]][::-1]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(base, start=1))
    r = total % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def corporate_number_ok(d: str) -> bool:
    """Check digit (the first digit) of a 13-digit 法人番号."""
    if len(d) != 13:
        return False
    base = [int(c) for c in d[1:]][::-1]
    total = sum(p * (1 if n % 2 else 2) for n, p in enumerate(base, start=1))
    return int(d[0]) == 9 - total % 9


def luhn_ok(d: str) -> bool:
    """Luhn check of a card number."""
    total = 0
    for i, c in enumerate(reversed(d)):
        v = int(c) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return 13 <= len(d) <= 19 and total % 10 == 0


def check_value(kind: str, value: str) -> str | None:
    """A reason why a labelled value is malformed, or None."""
    if value != value.strip() or not value:
        return "whitespace at a span end"
    d = digits(value)
    if kind == "POSTAL_CODE" and len(d) != 7:
        return "postal code is not 7 digits"
    if kind == "PHONE":
        n = (d[2:] if unicodedata.normalize("NFKC", value).startswith("+81") else d).removeprefix("0")
        if len(n) not in (9, 10):
            return "phone has a wrong number of digits"
    if kind == "MY_NUMBER" and not my_number_ok(d):
        return "my number check digit"
    if kind == "CORPORATE_NUMBER" and not corporate_number_ok(d):
        return "corporate number check digit"
    if kind == "CREDIT_CARD" and not luhn_ok(d):
        return "card Luhn check"
    if kind == "EMAIL" and (value.count("@") != 1 or " " in value):
        return "not an e-mail address"
    if kind == "BANK_ACCOUNT" and len(d) != 7:
        return "account number is not 7 digits"
    return None


def parse(body: str, where: str) -> tuple[str, list[dict[str, object]]]:
    """Text and spans of one document's markup."""
    out: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(body):
        plain = body[pos:m.start()]
        out.append(plain)
        length += len(plain)
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise SystemExit(f"{where}: unknown type {kind}")
        problem = check_value(kind, value)
        if problem:
            raise SystemExit(f"{where}: {kind} {value!r}: {problem}")
        spans.append({"start": length, "end": length + len(value), "type": kind})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise SystemExit(f"{where}: unbalanced markup")
    return text, spans


def documents() -> list[tuple[str, str]]:
    """(title, markup) of every document, in file and then text order."""
    docs: list[tuple[str, str]] = []
    for path in sorted(HERE.glob("docs_*.txt")):
        title: str | None = None
        lines: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#!"):
                continue
            m = TITLE.match(line)
            if m:
                if title is not None:
                    docs.append((f"{path.name}: {title}", "\n".join(lines).strip("\n")))
                title, lines = m.group(1), []
            elif title is not None:
                lines.append(line)
        if title is not None:
            docs.append((f"{path.name}: {title}", "\n".join(lines).strip("\n")))
    return docs


def main() -> int:
    """Write the files and print counts."""
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for n, (title, body) in enumerate(documents(), start=1):
        if title in seen:
            raise SystemExit(f"duplicate title {title}")
        seen.add(title)
        text, spans = parse(body, title)
        for s in spans:
            piece = text[s["start"]:s["end"]]  # type: ignore[misc]
            assert piece == piece.strip()
        rows.append({"id": f"ja-biz6-dev-{n:03d}", "text": text, "spans": spans})
    halves: dict[str, list[dict[str, object]]] = {"dev": rows, "devA": [], "devB": []}
    for row in rows:
        first = hashlib.md5(f"biz6:{row['id']}".encode()).digest()[0]
        halves["devA" if first % 2 == 0 else "devB"].append(row)
    for name, part in halves.items():
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in part:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = Counter(str(s["type"]) for row in rows for s in row["spans"])  # type: ignore[attr-defined]
    lines = [len(str(row["text"]).splitlines()) for row in rows]
    print(f"documents {len(rows)} (A {len(halves['devA'])}, B {len(halves['devB'])}); "
          f"lines min {min(lines)} median {sorted(lines)[len(lines) // 2]} max {max(lines)}")
    for kind, c in counts.most_common():
        print(f"{kind:18} {c}")
    print(f"{'total':18} {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
