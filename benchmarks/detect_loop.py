"""`Detector.detect` over the first N documents of a corpus, one text at a time: the whole pipeline through Python,
for counting instructions with callgrind (run it with N and with 10; the difference is the detection work).

    valgrind --tool=callgrind .venv/bin/python benchmarks/detect_loop.py 3000 [--corpus CORPUS.jsonl]
    valgrind --tool=callgrind .venv/bin/python benchmarks/detect_loop.py 6000 --english

Prints the time and the number of findings (the time under valgrind means nothing; without it, it is one run).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--corpus", type=Path, default=Path("bench-out/corpus/ja-biz-speed.jsonl"))
    ap.add_argument("--english", action="store_true", help="en-synth repeated to 2 MB (benchmarks/throughput.py)")
    args = ap.parse_args()
    if args.english:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from throughput import english_texts

        texts = english_texts(2.0)[: args.n]
    else:
        with args.corpus.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for _, line in zip(range(args.n), fh, strict=False)]
    from mamori.detect.detector import default_detector

    detector = default_detector()
    detector.detect("山田太郎様 東京都千代田区")  # loads what loads lazily
    start = time.perf_counter()
    found = sum(len(detector.detect(t)) for t in texts)
    print(f"{len(texts)} texts, {found} findings, {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
