"""Speed and bounds of `mamori scan` on the corpus of benchmarks/scan_corpus.py.

Measures, each run in a fresh process (wall time, and peak RSS of the largest process of the run: the `mamori`
parent or one of its workers, from getrusage(RUSAGE_CHILDREN) in a wrapper process):
  * files/s and MB/s over bench-out/scan-corpus/mixed with --workers 1 and 2 (best and median of --rounds), and
    the scaling between them; the records estimate against the number of invented persons;
  * each hostile file (zip bomb, 10-level nested zip, 200 MB CSV) alone: time, peak RSS, what the report says.
Timings on a shared machine are noisy: read them as figures, never as pass/fail.

usage: .venv/bin/python benchmarks/scan_bench.py [--corpus bench-out/scan-corpus] [--rounds 3] [--workers 1,2]
Make the corpus first: .venv/bin/python benchmarks/scan_corpus.py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import OUT, REPO, git_rev, machine


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` in a fresh wrapper process; its output (JSON), wall seconds and peak RSS in MB."""
    wrapper = [sys.executable, __file__, "--child", "--", *cmd]
    res = subprocess.run(wrapper, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(res.stdout)


def _child(cmd: list[str]) -> None:
    started = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = json.loads(res.stdout) if res.stdout.strip() else None
    print(json.dumps({"rc": res.returncode, "seconds": seconds, "rss_mb": rss_mb, "out": out, "err": res.stderr}))


def scan_cmd(path: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "mamori.cli", "scan", str(path), "--workers", str(workers), "--format", "json"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=OUT / "scan-corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--json", type=Path, default=OUT / "scan-bench.json")
    args = ap.parse_args()
    mixed = args.corpus / "mixed"
    if not mixed.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}: run benchmarks/scan_corpus.py first")
    result: dict[str, Any] = {
        "machine": machine(),
        "commit": git_rev(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_before": os.getloadavg()[0],
    }
    print(
        f"# mamori scan, {result['machine']}, commit {result['commit']}, {result['date']}, "
        f"load average before {result['load_before']:.2f}"
    )
    print("\n| workers | files | MB | best s | median s | files/s (best) | MB/s (best) | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    speed: dict[int, float] = {}
    for n in (int(w) for w in args.workers.split(",")):
        runs = [measure(scan_cmd(mixed, n)) for _ in range(args.rounds)]
        summary = runs[0]["out"]["summary"]
        times = [r["seconds"] for r in runs]
        best = min(times)
        mb = summary["bytes"] / 1e6
        speed[n] = summary["files"] / best
        rss = max(r["rss_mb"] for r in runs)
        print(
            f"| {n} | {summary['files']} | {mb:.1f} | {best:.2f} | {statistics.median(times):.2f} | "
            f"{speed[n]:.1f} | {mb / best:.2f} | {rss:.0f} |"
        )
        result[f"workers_{n}"] = {"times": times, "summary": summary, "rss_mb": rss}
    if 1 in speed and len(speed) > 1:
        for n, s in sorted(speed.items()):
            if n != 1:
                print(f"\nScaling 1 -> {n} workers: {s / speed[1]:.2f}x")
    truth_file = args.corpus / "persons.json"
    if truth_file.is_file():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        files = result[next(k for k in result if k.startswith("workers_"))]
        est = files["summary"]["records"]
        print(f"\nRecords estimate: {est} for {sum(truth.values())} invented persons")
    print("\n| hostile file | size MB | wall s | peak RSS MB | exit | status | issues |")
    print("|---|---:|---:|---:|---:|---|---|")
    for name in ("bomb.zip", "nested10.zip", "big.csv"):
        path = args.corpus / "hostile" / name
        r = measure(scan_cmd(path, 1))
        f = r["out"]["files"][0]
        issues = "; ".join(f"{i['code']}: {i['message']}" for i in f["issues"]) or f["error"] or ""
        print(
            f"| {name} | {path.stat().st_size / 1e6:.1f} | {r['seconds']:.1f} | {r['rss_mb']:.0f} | {r['rc']} | "
            f"{f['status']} | {issues} |"
        )
        result[name] = {"seconds": r["seconds"], "rss_mb": r["rss_mb"], "rc": r["rc"], "file": f}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[3:])
    else:
        main()
