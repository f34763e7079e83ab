"""One-core speed of mamori's detector on the Japanese speed corpus, against a plain ``re`` floor.

Measures (best of --rounds, default 3):
  * throughput of a warm ``Detector`` over the corpus documents one by one: MB/s of UTF-8 and chars/s;
  * the same for a plain 4-pattern ``re`` pass (e-mail, phone, postal code, 12 digits), the floor any
    detector pays, and the ratio between the two;
  * the time each recognizer spends (one round), to see which one to speed up;
  * peak RSS of a process that has built a Detector and run it once (resource.getrusage, in a fresh process);
  * start-up time of ``mamori detect`` on a one-line input (hyperfine when installed, else 10 timed runs).

usage: .venv/bin/python benchmarks/throughput.py [--corpus FILE.jsonl] [--max-mb 11] [--rounds 3] [--json OUT]
       .venv/bin/python benchmarks/throughput.py --breakdown-only     (only the time per recognizer, one round)
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


def per_recognizer(detector, texts: list[str]) -> list[tuple[str, float, int]]:
    from mamori.detect import Document

    spent: dict[str, float] = {}
    found: dict[str, int] = {}
    prep = 0.0
    for t in texts:
        t0 = time.perf_counter()
        doc = Document(t, "auto", detector.lexicon)
        if hasattr(doc, "occurrences"):
            doc.occurrences("")  # builds the keyword index (every group at once)
        else:
            doc.keywords_in(0, len(doc), detector.lexicon.groups)
        prep += time.perf_counter() - t0
        for r in detector.recognizers:
            if not r.supports(doc.lang):
                continue
            t0 = time.perf_counter()
            k = len(list(r.find(doc)))
            name = f"{type(r).__module__.rsplit('.', 1)[-1]}.{type(r).__name__}"
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
            found[name] = found.get(name, 0) + k
    rows = [("(Document: fold + keyword index)", prep, 0)]
    rows += sorted(((n, s, found[n]) for n, s in spent.items()), key=lambda x: -x[1])
    return rows


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
    ap.add_argument("--no-breakdown", action="store_true", help="skip the per-recognizer timing")
    ap.add_argument("--breakdown-only", action="store_true", help="only the per-recognizer timing (one round)")
    a = ap.parse_args(argv)
    if not a.corpus.exists():
        raise SystemExit(f"{a.corpus} not found: run `make corpus` first")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    sys.path.insert(0, str(REPO))
    from mamori.detect import Detector

    texts = load(a.corpus, a.max_mb)
    if a.breakdown_only:
        detector = Detector()
        rows = per_recognizer(detector, texts)
        total = sum(sec for _, sec, _ in rows) or 1.0
        for n, sec, k in rows:
            print(f"| {n} | {sec:.3f} | {100 * sec / total:.0f}% | {k} |")
        return 0
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    nchars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    detector = Detector()
    build_s = time.perf_counter() - t0
    detector.detect(texts[0])  # warm: lazy loads happen here
    nfind = sum(len(detector.detect(t)) for t in texts[:50])

    det_s = best_of(a.rounds, lambda: [detector.detect(t) for t in texts])
    floor_s = best_of(a.rounds, lambda: floor_pass(texts))
    rss = rss_kb(texts[0])
    start = startup()
    rows = [] if a.no_breakdown else per_recognizer(detector, texts)

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
        "rss_mb": {k: v / 1024 for k, v in rss.items()},
        "startup": start,
        "breakdown_s": [(n, s, k) for n, s, k in rows],
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
    print(f"detector / floor time ratio: {res['ratio_detector_to_floor']:.1f}x")
    r = res["rss_mb"]
    print(
        f"peak RSS (MB): bare python {r['python']:.0f}, after import {r['import']:.0f}, "
        f"Detector built {r['built']:.0f}, after one detect {r['after_detect']:.0f}"
    )
    st = start
    print(f"`mamori detect --jsonl` start-up ({st['tool']}): mean {st['mean_s']:.3f} s, min {st['min_s']:.3f} s")
    if rows:
        print("| time per part (one round) | seconds | share | findings (before threshold) |")
        print("|---|---:|---:|---:|")
        total = sum(s for _, s, _ in rows) or 1.0
        for n, s, k in rows:
            print(f"| {n} | {s:.3f} | {100 * s / total:.0f}% | {k} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
