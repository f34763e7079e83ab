"""Build dev.jsonl (score.py's format) from sentences.txt.

Markup: [P:name] is a PERSON span, [O:name] an ORGANIZATION span; lines starting with '#' are section
comments (the section becomes part of the id); blank lines are skipped. Offsets are Python code points.

    python3 benchmarks/ja_prose/build.py            # writes benchmarks/ja_prose/dev.jsonl, prints counts
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[([PO]):([^\]]+)\]")
TYPES = {"P": "PERSON", "O": "ORGANIZATION"}


def parse(line: str) -> tuple[str, list[dict]]:
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    n = 0
    for m in MARK.finditer(line):
        out.append(line[pos : m.start()])
        n += len(line[pos : m.start()])
        value = m.group(2)
        spans.append({"start": n, "end": n + len(value), "type": TYPES[m.group(1)]})
        out.append(value)
        n += len(value)
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    assert "[" not in text and "]" not in text, line
    for s in spans:
        v = text[s["start"] : s["end"]]
        assert v == v.strip() and v, line
    return text, spans


def main() -> None:
    section = "misc"
    counts: Counter[str] = Counter()
    docs = []
    for raw in (HERE / "sentences.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            section = re.split(r"[,:\s]", line.lstrip("# "))[0]
            continue
        text, spans = parse(line)
        counts[section] += 1
        for s in spans:
            counts[s["type"]] += 1
        docs.append({"id": f"ja-prose-{section}-{counts[section]:03d}", "text": text, "spans": spans})
    with open(HERE / "dev.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} sentences;", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
