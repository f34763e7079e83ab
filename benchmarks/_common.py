"""Paths and small helpers shared by the benchmark scripts (standard library only)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench-out"
CORPUS_DIR = OUT / "corpus"
CORPUS_JSONL = CORPUS_DIR / "ja-biz-speed.jsonl"


def eval_dir() -> Path:
    """The shared evaluation data: $MAMORI_EVAL, else ../shared/eval beside the repository, else /work/shared/eval."""
    candidates = [os.environ.get("MAMORI_EVAL", ""), str(REPO.parent / "shared" / "eval"), "/work/shared/eval"]
    for c in candidates:
        if c and (Path(c) / "score.py").is_file():
            return Path(c)
    raise SystemExit("evaluation data not found: set MAMORI_EVAL to the folder holding score.py")


def machine() -> str:
    """One line naming the machine, for the record."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    py = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{py}, {cpu or platform.machine()}, {os.cpu_count()} cores"


def git_rev() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
