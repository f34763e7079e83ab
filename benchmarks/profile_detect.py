"""Where the detector spends its time, and whether a change made it faster, on a busy machine.

Two modes (both warm: every memo filled by a first pass; both on the speed corpus):
  * ``--ab REV`` (default REV: HEAD): the detector of git revision REV against the work tree, in ONE process,
    interleaved in chunks of documents; each side's time is the sum over chunks of its best time of
    ``--passes``. Other load on the machine then slows both sides alike, so the speed-up it prints holds to a
    few per cent where two separate runs of throughput.py differ by ten or more. REV's ``mamori`` package is
    exported with ``git archive`` (read-only) into a temporary folder under another name.
    ``--recognizer NAME`` compares one recognizer's ``find`` instead (the documents' keyword index prebuilt).
  * ``--profile``: cProfile of the work tree's detector, the functions that take the most time.

usage: .venv/bin/python benchmarks/profile_detect.py [--ab HEAD] [--docs 3000] [--passes 5] [--recognizer NAME]
       .venv/bin/python benchmarks/profile_detect.py --profile [--docs 3000] [--top 40]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import CORPUS_JSONL, REPO

_BASE = "mamori_base"


def load(path: Path, n: int) -> list[str]:
    texts: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(texts) >= n:
                break
            texts.append(json.loads(line)["text"])
    return texts


def export(rev: str, into: Path) -> None:
    """REV's mamori package as ``mamori_base`` under ``into`` (imports and resource names renamed)."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", rev, "mamori"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    (into / "mamori").rename(into / _BASE)
    for py in (into / _BASE).rglob("*.py"):
        src = py.read_text(encoding="utf-8")
        src = re.sub(r"\bmamori\.([a-z_]+)", rf"{_BASE}.\1", src)  # imports and resources.files("mamori.detect")
        src = src.replace("from mamori import", f"from {_BASE} import")
        py.write_text(src, encoding="utf-8")


def interleaved(a: Callable[[Any], object], b: Callable[[Any], object], chunks_a: list, chunks_b: list, passes: int):
    """Sum over chunks of each side's best process time, the two sides alternating first."""
    clock = time.process_time
    best_a = [float("inf")] * len(chunks_a)
    best_b = [float("inf")] * len(chunks_b)
    for p in range(passes):
        for i in range(len(chunks_a)):
            order = ((a, chunks_a, best_a), (b, chunks_b, best_b))
            for fn, chunks, best in order if (i + p) % 2 == 0 else order[::-1]:
                t0 = clock()
                fn(chunks[i])
                best[i] = min(best[i], clock() - t0)
    return sum(best_a), sum(best_b)


def ab(rev: str, texts: list[str], passes: int, recognizer: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        export(rev, Path(tmp))
        sys.path.insert(0, tmp)
        sys.path.insert(0, str(REPO))
        base = __import__(f"{_BASE}.detect", fromlist=["Detector", "Document"])
        from mamori.detect import Detector, Document

        det_a, det_b = base.Detector(), Detector()
        size = 40
        if recognizer is None:
            chunks = [texts[i : i + size] for i in range(0, len(texts), size)]

            def run_a(chunk: list[str]) -> None:
                for t in chunk:
                    det_a.detect(t)

            def run_b(chunk: list[str]) -> None:
                for t in chunk:
                    det_b.detect(t)

            run_a(texts)
            run_b(texts)
            ta, tb = interleaved(run_a, run_b, chunks, chunks, passes)
            what = "Detector.detect"
        else:
            ra = next(r for r in det_a.recognizers if type(r).__name__ == recognizer)
            rb = next(r for r in det_b.recognizers if type(r).__name__ == recognizer)
            docs_a = [base.Document(t, "auto", det_a.lexicon) for t in texts]
            docs_b = [Document(t, "auto", det_b.lexicon) for t in texts]
            for d in docs_a + docs_b:
                d.occurrences("")  # the keyword index, outside the timing

            def find_a(chunk: list) -> None:
                for d in chunk:
                    d.shared.clear()
                    list(ra.find(d))

            def find_b(chunk: list) -> None:
                for d in chunk:
                    d.shared.clear()
                    list(rb.find(d))

            find_a(docs_a)
            find_b(docs_b)
            ta, tb = interleaved(
                find_a,
                find_b,
                [docs_a[i : i + size] for i in range(0, len(texts), size)],
                [docs_b[i : i + size] for i in range(0, len(texts), size)],
                passes,
            )
            what = f"{recognizer}.find"
        print(f"{what} over {len(texts)} docs, best of {passes} passes per chunk of {size}:")
        print(f"  {rev}: {ta:.3f} s   work tree: {tb:.3f} s   speed-up x{ta / tb:.3f}")


def profile(texts: list[str], top: int) -> None:
    sys.path.insert(0, str(REPO))
    from mamori.detect import Detector

    det = Detector()
    for t in texts:
        det.detect(t)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        det.detect(t)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS_JSONL)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--ab", metavar="REV", default="HEAD", help="git revision to compare with (default HEAD)")
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--recognizer", help="compare this recognizer's find only (class name)")
    ap.add_argument("--profile", action="store_true", help="cProfile the work tree instead of an A/B")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args(argv)
    if not a.corpus.exists():
        raise SystemExit(f"{a.corpus} not found: run `make corpus` first")
    texts = load(a.corpus, a.docs)
    if a.profile:
        profile(texts, a.top)
    else:
        ab(a.ab, texts, a.passes, a.recognizer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
