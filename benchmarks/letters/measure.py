"""Time and peak memory of `mamori letters check` on a generated run (docs/benchmarks.md, "Letters and FAX").

    python benchmarks/letters/generate.py bench-out/letters --letters 1000 --seed 7 --mistakes 0.1
    python benchmarks/letters/measure.py bench-out/letters

    python benchmarks/letters/fax_generate.py bench-out/fax --rows 1000 --seed 3
    python benchmarks/letters/measure.py bench-out/fax

Runs the command in a child process (as an office would), measures its wall time and peak resident memory
(getrusage of the child), and scores the verdicts against expected.json: problem letters held with their code,
correct letters held, missing entries.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def fax(folder: Path, want: dict[str, object]) -> None:
    """The FAX send list of fax_generate.py: rows held with their code, correct rows not allowed."""
    cmd = [sys.executable, "-m", "mamori.cli", "fax", "check", str(folder / "sendlist.csv"), "--contacts",
           str(folder / "contacts.csv"), "--json"]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)), check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    problems: dict[str, str] = want["rows"]  # type: ignore[assignment]
    caught = sum(1 for r in rows if problems.get(str(r["row"])) in {x["code"] for x in r["reasons"]})
    false = sum(1 for r in rows if str(r["row"]) not in problems and r["action"] != "allow")
    print(f"{len(rows)} rows: {seconds:.2f} s")
    print(f"problem rows flagged with their code: {caught}/{len(problems)} (recall {caught / len(problems):.3f})")
    print(f"correct rows not allowed: {false}/{len(rows) - len(problems)}")


def main() -> None:
    run = Path(sys.argv[1])
    want = json.loads((run / "expected.json").read_text(encoding="utf-8"))
    if "rows" in want:
        fax(run, want)
        return
    cmd = [sys.executable, "-m", "mamori.cli", "letters", "check", str(run / "RUN.pdf"), "--list",
           str(run / "recipients.csv"), "--window", want["window"], "--json"]  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    result = json.loads(proc.stdout)
    problems = {int(k): set(v) for k, v in want["letters"].items()}
    caught = sum(
        1
        for letter in result["letters"]
        if letter["index"] in problems and problems[letter["index"]] <= {p["code"] for p in letter["problems"]}
    )
    correct = [letter for letter in result["letters"] if letter["index"] not in problems]
    false_holds = sum(1 for letter in correct if letter["action"] == "hold")
    pages = sum(len(letter["pages"]) for letter in result["letters"])
    print(f"{len(result['letters'])} letters, {pages} pages: {seconds:.1f} s, peak {peak_mb:.0f} MB")
    print(f"problem letters held with their code: {caught}/{len(problems)} (recall {caught / len(problems):.3f})")
    print(f"correct letters held: {false_holds}/{len(correct)}")
    print(f"missing: {sorted(result['missing']) == sorted(want['missing'])} ({len(result['missing'])})")


if __name__ == "__main__":
    main()
