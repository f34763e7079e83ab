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


@pytest.fixture(scope="session")
def stamped_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A correct run of 12 letters (1–3 pages) and the same run stamped (``STAMPED.pdf``, fixed run id and key)."""
    from mamori.letters.postal import japan_post
    from mamori.letters.recipients import parse_recipients
    from mamori.letters.stamp import stamp_run

    out = _make(tmp_path_factory, "stamped", letters=12, seed=21, clean=True, pages=(1, 2, 3))
    entries = parse_recipients((out / "recipients.csv").read_text(encoding="utf-8"))
    result = stamp_run(out / "RUN.pdf", entries, out / "STAMPED.pdf", japan_post, key=b"k" * 16, run_id=b"RUN1")
    assert result.stamped
    return out


def render(pdf: Path, dpi: int = 150) -> list[object]:
    """The pages of ``pdf`` as Pillow images (grey), as a scanner would give them."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(doc))]
    finally:
        doc.close()
