"""How much personal information a masked copy still shows: the share of labelled values left verbatim.

    .venv/bin/python benchmarks/redact_leak.py GOLD.jsonl [--limit 300] [--style partial] [--ner]

Each document of GOLD (score.py's format) is written as a .txt file and masked with ``mamori.redaction.redact``
(the code behind ``mamori redact``) and its default settings (``--ner``: with the optional name model,
``Detector(ner=True)``); a labelled value counts as readable when its exact text still occurs in the masked copy.
Prints the share per type and overall.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--limit", type=int, default=300, help="the first N documents (default 300)")
    ap.add_argument("--style", default="partial", choices=["partial", "type", "block"])
    ap.add_argument("--ner", action="store_true", help="detect with the optional name model (Detector(ner=True))")
    args = ap.parse_args()

    from mamori.detect import Detector
    from mamori.redaction.api import redact

    detector = Detector(ner=args.ner)
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    total: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for doc in docs[: args.limit]:
        text = doc["text"]
        masked = redact(text.encode("utf-8"), "doc.txt", detector, style=args.style).data.decode("utf-8")
        for span in doc["spans"]:
            value = text[span["start"] : span["end"]]
            total[span["type"]] += 1
            if value in masked:
                shown[span["type"]] += 1
    print("| type | values | still readable | share |")
    print("|---|---:|---:|---:|")
    for t in sorted(total):
        print(f"| {t} | {total[t]} | {shown[t]} | {shown[t] / total[t]:.1%} |")
    n, k = sum(total.values()), sum(shown.values())
    print(f"| all | {n} | {k} | **{k / n:.1%}** |")


if __name__ == "__main__":
    main()
