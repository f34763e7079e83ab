"""Split ja-gsd-ne's DEV file into two halves, A (for looking at errors) and B (for judging rules).

UD Japanese GSD gives no document id, only sentence ids (``dev-s<N>``) in the order of the treebank; neighbouring
sentences can come from the same page. So a "document" here is a block of ten consecutive sentence numbers
(``N // 10``), and whole blocks go to one half: even blocks to A, odd blocks to B. Nothing is read from ``test``.

usage: python3 benchmarks/gsd_halves.py [DEV.jsonl] [OUT_DIR]
  defaults: $MAMORI_EVAL or /work/shared/eval, ja-gsd-ne/dev.jsonl; bench-out/gsd-halves
Writes OUT_DIR/A.jsonl and OUT_DIR/B.jsonl (the same lines as the dev file) and prints their sizes.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter

BLOCK = 10


def half_of(sentence_id: str) -> str:
    """'A' or 'B' for a ja-gsd-ne sentence id such as ``gsd-dev-dev-s123``."""
    m = re.search(r"-s(\d+)$", sentence_id)
    if m is None:
        raise ValueError(f"unexpected sentence id: {sentence_id!r}")
    return "A" if (int(m.group(1)) // BLOCK) % 2 == 0 else "B"


def main(argv: list[str]) -> int:
    base = os.environ.get("MAMORI_EVAL", "/work/shared/eval")
    dev = argv[1] if len(argv) > 1 else os.path.join(base, "ja-gsd-ne", "dev.jsonl")
    out = argv[2] if len(argv) > 2 else "bench-out/gsd-halves"
    if "test" in os.path.basename(dev):
        print("refusing to split a test file", file=sys.stderr)
        return 2
    os.makedirs(out, exist_ok=True)
    lines: dict[str, list[str]] = {"A": [], "B": []}
    spans: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    with open(dev, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            h = half_of(row["id"])
            lines[h].append(line if line.endswith("\n") else line + "\n")
            spans[h].update(s["type"] for s in row["spans"])
    for h, rows in lines.items():
        with open(os.path.join(out, f"{h}.jsonl"), "w", encoding="utf-8") as fh:
            fh.writelines(rows)
        print(h, len(rows), "sentences", dict(sorted(spans[h].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
