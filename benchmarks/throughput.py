"""One-core speed of mamori's detector on the Japanese speed corpus, against a plain ``re`` floor.

Measures (best of --rounds, default 3):
  * throughput of a warm ``Detector`` over the corpus documents one by one: MB/s of UTF-8 and chars/s;
  * the same for a plain 4-pattern ``re`` pass (e-mail, phone, postal code, 12 digits), the floor any
    detector pays, and the ratio between the two;
  * English: en-synth's documents repeated to 2 MB, one core;
  * ``detect_many`` on one and on two threads (the process allowed two cores for that part only);
  * peak RSS of a process that has built a Detector and run it once (resource.getrusage, in a fresh process);
  * start-up time of ``mamori detect`` on a one-line input (hyperfine when installed, else 10 timed runs).

usage: .venv/bin/python benchmarks/throughput.py [--corpus FILE.jsonl] [--max-mb 11] [--rounds 3] [--json OUT]
The time per recognizer is profiled in the core without Python: core/examples/throughput.rs with perf.
Make the corpus first: ``make corpus`` (or ``make throughput``, which does both).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import CORPUS_JSONL, OUT, REPO, git_rev, machine

FLOOR = [
    re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}"),
    re.compile(r"(?<![0-9])0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}(?![0-9])"),
    re.compile(r"(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])"),
    re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])"),
]


def load(path: Path, max_mb: float) -> list[str]:
    texts: list[str] = []
    size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            texts.append(t)
            size += len(t.encode("utf-8"))
            if size >= max_mb * 1e6:
                break
    return texts


def best_of(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def floor_pass(texts: list[str]) -> int:
    n = 0
    for t in texts:
        for p in FLOOR:
            for _ in p.finditer(t):
                n += 1
    return n


def english_texts(max_mb: float) -> list[str]:
    """en-synth's dev and test documents, repeated up to ``max_mb`` of UTF-8 (English speed; empty without the set)."""
    from _common import eval_dir

    try:
        ev = eval_dir()
    except SystemExit:
        return []
    base: list[str] = []
    for split in ("dev", "test"):
        p = ev / "en-synth" / f"{split}.jsonl"
        if p.is_file():
            base += [json.loads(line)["text"] for line in p.open(encoding="utf-8") if line.strip()]
    out: list[str] = []
    size = 0
    while base and size < max_mb * 1e6:
        for t in base:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


# Peak resident memory in kB: VmHWM of /proc/self/status (reset by exec, unlike ru_maxrss, which a child
# inherits from the parent that forked it), else getrusage.
_RSS_PROBE = r"""
import json, resource, sys
def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
r0 = peak()
from mamori.detect import Detector
r1 = peak()
d = Detector()
r2 = peak()
d.detect(sys.argv[1])
r3 = peak()
print(json.dumps({"python": r0, "import": r1, "built": r2, "after_detect": r3}))
"""


def rss_kb(sample: str) -> dict[str, int]:
    out = subprocess.run([sys.executable, "-c", _RSS_PROBE, sample], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def startup(runs: int = 10) -> dict[str, float | str]:
    mamori = str(Path(sys.executable).parent / "mamori")
    line = '{"id": 1, "text": "連絡先 taro@example.jp 090-1234-5678"}\n'
    hf = shutil.which("hyperfine")
    if hf:
        tmp = OUT / "startup-hyperfine.json"
        inp = OUT / "startup-input.jsonl"
        inp.write_text(line, encoding="utf-8")
        cmd = f"{mamori} detect --jsonl < {inp}"
        subprocess.run(
            [hf, "--warmup", "2", "--runs", str(runs), "--shell=bash", "--export-json", str(tmp), cmd],
            check=True,
            capture_output=True,
        )
        res = json.loads(tmp.read_text())["results"][0]
        return {"tool": "hyperfine", "mean_s": res["mean"], "min_s": res["min"], "runs": runs}
    times = []
    subprocess.run([mamori, "detect", "--jsonl"], input=line, text=True, capture_output=True)  # warm the disk cache
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([mamori, "detect", "--jsonl"], input=line, text=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"tool": f"{runs} timed runs", "mean_s": statistics.mean(times), "min_s": min(times), "runs": runs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS_JSONL)
    ap.add_argument("--max-mb", type=float, default=100.0, help="use at most this much of the corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path, default=OUT / "throughput.json")
    a = ap.parse_args(argv)
    if not a.corpus.exists():
        raise SystemExit(f"{a.corpus} not found: run `make corpus` first")
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if cores:
        os.sched_setaffinity(0, {cores[0]})  # one core

    sys.path.insert(0, str(REPO))
    from mamori.detect import Detector

    texts = load(a.corpus, a.max_mb)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    nchars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    detector = Detector()
    build_s = time.perf_counter() - t0
    detector.detect(texts[0])  # warm: lazy loads happen here
    nfind = sum(len(detector.detect(t)) for t in texts[:50])

    det_s = best_of(a.rounds, lambda: [detector.detect(t) for t in texts])
    floor_s = best_of(a.rounds, lambda: floor_pass(texts))
    english = english_texts(2.0)
    en_bytes = sum(len(t.encode("utf-8")) for t in english)
    en_s = best_of(a.rounds, lambda: [detector.detect(t) for t in english]) if english else 0.0
    # threads: detect_many on 1 and on 2 threads, the process allowed two cores for this part only
    threaded: dict[str, float] = {}
    if len(cores) >= 2:
        os.sched_setaffinity(0, set(cores[:2]))
        for n in (1, 2):
            threaded[str(n)] = best_of(a.rounds, lambda n=n: list(detector.detect_many(texts, threads=n)))
        os.sched_setaffinity(0, {cores[0]})
    rss = rss_kb(texts[0])
    start = startup()

    res = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_rev(),
        "machine": machine(),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "corpus": str(a.corpus.relative_to(REPO) if a.corpus.is_relative_to(REPO) else a.corpus),
        "docs": len(texts),
        "chars": nchars,
        "mb": nbytes / 1e6,
        "recognizers": len(detector.recognizers),
        "detector_build_s": build_s,
        "detector_s": det_s,
        "detector_mb_s": nbytes / 1e6 / det_s,
        "detector_chars_s": nchars / det_s,
        "floor_s": floor_s,
        "floor_mb_s": nbytes / 1e6 / floor_s,
        "ratio_detector_to_floor": det_s / floor_s,
        "findings_first_50_docs": nfind,
        "english_mb": en_bytes / 1e6,
        "english_mb_s": en_bytes / 1e6 / en_s if en_s else None,
        "detect_many_s": threaded,
        "threads_2_over_1": threaded["1"] / threaded["2"] if threaded else None,
        "rss_mb": {k: v / 1024 for k, v in rss.items()},
        "startup": start,
    }
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n")

    print(f"# mamori throughput, {res['date']}, commit {res['commit']}, {res['machine']}")
    print(f"load average (1 min) at the end: {res['load_average_1m']} (figures are only comparable on a quiet machine)")
    print(f"corpus: {res['corpus']}: {len(texts)} docs, {nchars:,} chars, {res['mb']:.2f} MB UTF-8")
    print(f"Detector(): {len(detector.recognizers)} recognizers, built in {build_s:.2f} s")
    print(f"| pass | seconds (best of {a.rounds}) | MB/s | chars/s |")
    print("|---|---:|---:|---:|")
    print(f"| mamori Detector, doc by doc | {det_s:.3f} | {res['detector_mb_s']:.2f} | {nchars / det_s:,.0f} |")
    print(f"| plain re, 4 patterns (floor) | {floor_s:.3f} | {res['floor_mb_s']:.2f} | {nchars / floor_s:,.0f} |")
    print(
        f"detector / floor time ratio: {res['ratio_detector_to_floor']:.2f}x (floor / detector speed: "
        f"{1 / res['ratio_detector_to_floor']:.2f}x)"
    )
    if en_s:
        print(f"| mamori Detector, English (en-synth x N) | {en_s:.3f} | {res['english_mb_s']:.2f} | |")
    if threaded:
        print(
            f"detect_many: 1 thread {nbytes / 1e6 / threaded['1']:.2f} MB/s, 2 threads "
            f"{nbytes / 1e6 / threaded['2']:.2f} MB/s: {res['threads_2_over_1']:.2f}x"
        )
    r = res["rss_mb"]
    print(
        f"peak RSS (MB): bare python {r['python']:.0f}, after import {r['import']:.0f}, "
        f"Detector built {r['built']:.0f}, after one detect {r['after_detect']:.0f}"
    )
    st = start
    print(f"`mamori detect --jsonl` start-up ({st['tool']}): mean {st['mean_s']:.3f} s, min {st['min_s']:.3f} s")
    print("time per recognizer: profile the core without Python (core/examples/throughput.rs, docs/benchmarks.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
