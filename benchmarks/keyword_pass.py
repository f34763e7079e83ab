"""Speed of the parts of `Document` (fold, lower, the shared keyword pass, the per-group index) on the speed corpus.

usage: .venv/bin/python benchmarks/keyword_pass.py [--corpus FILE.jsonl] [--docs 8000]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from _common import CORPUS_JSONL

from mamori.detect import Detector
from mamori.detect.document import Document, fold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(CORPUS_JSONL))
    ap.add_argument("--docs", type=int, default=8000)
    a = ap.parse_args()
    with open(a.corpus, encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for _, line in zip(range(a.docs), f, strict=False)]
    mb = sum(len(x.encode()) for x in docs) / 1e6
    lexicon = Detector().lexicon
    lowered = [fold(x).lower() for x in docs]

    def timed(name: str, fn: Callable[[], object]) -> None:
        best = min(_cpu(fn) for _ in range(3))
        print(f"| {name} | {best:.3f} | {mb / best:.1f} |")

    print(f"{len(docs)} documents, {mb:.2f} MB; {sum(len(w) for w in lexicon._groups.values())} keywords")
    print("| step | seconds (best of 3) | MB/s |\n|---|---:|---:|")
    timed("fold", lambda: [fold(x) for x in docs])
    timed("fold + lower", lambda: [fold(x).lower() for x in docs])
    timed("keyword pass (Lexicon.scan)", lambda: [lexicon.scan(x) for x in lowered])
    timed("Document + keyword index", lambda: [Document(x, "auto", lexicon).groups_found for x in docs])


def _cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


if __name__ == "__main__":
    main()
