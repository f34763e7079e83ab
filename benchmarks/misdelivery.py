"""Run the guard on a misdelivery set (messages/, labels.jsonl, mamori.toml, contacts.csv, history.jsonl).

    .venv/bin/python benchmarks/misdelivery.py /work/shared/eval/misdelivery/dev [--show-misses]

Risky caught = action hold or block with at least one code among the label's codes.
False hold = an ok message held or blocked.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from mamori.detect.detector import default_detector
from mamori.guard import load_contacts, load_history, load_policy
from mamori.guard.runner import check_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    root = Path(args.dir)
    policy = load_policy(root / "mamori.toml")
    directory = load_contacts(root / "contacts.csv")
    history = load_history(root / "history.jsonl")
    detector = default_detector()
    labels = [json.loads(line) for line in (root / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    times: list[float] = []
    risky = [0, 0]
    ok = [0, 0]
    for lab in labels:
        t0 = time.perf_counter()
        out = check_file(root / lab["file"], policy, directory, history, detector)
        times.append(time.perf_counter() - t0)
        v = out.verdict
        action = v.action if v else "error"
        codes = {r.code for r in v.reasons} if v else set()
        held = action in ("hold", "block")
        held_codes = {r.code for r in v.reasons if r.severity in ("hold", "block")} if v else set()
        if lab["expected"] == "risky":
            hit = held and bool(codes & set(lab["codes"])) and bool(held_codes)
            risky[0] += hit
            risky[1] += 1
            per_kind[lab["kind"]][0] += hit
        else:
            hit = held
            ok[0] += hit
            ok[1] += 1
            per_kind[lab["kind"]][0] += hit
        per_kind[lab["kind"]][1] += 1
        if args.show_misses and (hit != (lab["expected"] == "risky")):
            print(f"  {lab['file']} {lab['kind']} -> {action} {sorted(codes)} {out.error}")
    print(f"{'kind':34} {'n':>4}  result")
    for kind in sorted(per_kind):
        k, n = per_kind[kind]
        label = "false holds" if kind.startswith("ok_") else "caught"
        print(f"{kind:34} {n:4}  {label} {k}/{n} ({k / n:.0%})")
    print(f"recall on risky: {risky[0]}/{risky[1]} = {risky[0] / max(risky[1], 1):.3f}")
    print(f"false holds on ok: {ok[0]}/{ok[1]} = {ok[0] / max(ok[1], 1):.3f}")
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"latency per message: p50 {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
