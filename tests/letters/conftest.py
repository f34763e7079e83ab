"""Runs made by the generator (benchmarks/letters/generate.py), once per test session."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("letters_generate", ROOT / "benchmarks" / "letters" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _make(tmp_path_factory: pytest.TempPathFactory, name: str, **kw: object) -> Path:
    out = tmp_path_factory.mktemp(name)
    generator().generate(out, **kw)
    return out


@pytest.fixture(scope="session")
def mistakes_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 letters, about a quarter with a mistake (each code at least twice), the rest correct but hard."""
    return _make(tmp_path_factory, "mistakes", letters=150, seed=11, mistake_rate=0.25)


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A correct run printed with the CID font (not embedded), as on a machine without Japanese fonts."""
    return _make(tmp_path_factory, "clean", letters=40, seed=12, clean=True, cid_font=True)


def expected(run: Path) -> dict[str, object]:
    return json.loads((run / "expected.json").read_text(encoding="utf-8"))
