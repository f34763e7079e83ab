"""The differential test of the Rust port: every rule finding on every dev corpus, at every score and from the
same recognizer, as the Python engine gave before the port (benchmarks/core_parity.py; digests in data/)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "core_parity.py"


def _parity():
    sys.path.insert(0, str(_SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("core_parity", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_findings_identical_to_the_snapshot() -> None:
    parity = _parity()
    try:
        parity.eval_dir()
    except SystemExit:
        pytest.skip("shared evaluation data not found (set MAMORI_EVAL)")
    assert parity.check() == []
