"""One-core speed of a warm Detector over the documents of any JSON-lines file (e.g. an evaluation set).

usage: .venv/bin/python benchmarks/text_speed.py FILE.jsonl [FILE.jsonl ...]
"""

from __future__ import annotations

import json
import sys
import time

from mamori.detect import Detector


def main(paths: list[str]) -> None:
    detector = Detector()
    detector.detect("warm up")
    for path in paths:
        with open(path, encoding="utf-8") as f:
            docs = [json.loads(line)["text"] for line in f if line.strip()]
        mb = sum(len(x.encode()) for x in docs) / 1e6
        chars = sum(len(x) for x in docs)
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            for x in docs:
                detector.detect(x)
            best = min(best, time.process_time() - t)
        print(f"{path}: {len(docs)} docs, {mb:.2f} MB: {mb / best:.2f} MB/s, {chars / best:,.0f} chars/s")


if __name__ == "__main__":
    main(sys.argv[1:])
