"""LICENSE and THIRD_PARTY_NOTICES.md: every shipped data file, runtime dependency and Rust crate is named there."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICES = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")

# mamori's own code and page assets (Apache-2.0, the notice says so in one sentence) and build leftovers
_OWN = re.compile(r"(\.py|\.pyc|\.so|\.pyi|py\.typed|\.mako)$|/__pycache__/|/templates/|/static/")


def _shipped_data() -> list[str]:
    out = []
    for p in sorted((ROOT / "mamori").rglob("*")):
        rel = p.relative_to(ROOT).as_posix()
        if p.is_file() and not _OWN.search(rel):
            out.append(rel)
    return out


def _listed(rel: str) -> bool:
    if f"`{rel}`" in NOTICES:
        return True
    parts = rel.split("/")
    return any(f"`{'/'.join(parts[:k])}/`" in NOTICES for k in range(2, len(parts)))


def test_every_shipped_data_file_is_named() -> None:
    files = _shipped_data()
    assert any(f.endswith("ner-ja-wiki.crfsuite") for f in files) and any(f.endswith(".tsv") for f in files)
    missing = [f for f in files if not _listed(f)]
    assert not missing, f"add these to THIRD_PARTY_NOTICES.md (source and licence): {missing}"


def test_every_runtime_dependency_and_crate_is_named() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[\s\[<>=!~;]", s, maxsplit=1)[0] for s in project["dependencies"]}
    missing = [n for n in sorted(names) if f"| {n} |" not in NOTICES]
    assert not missing, f"run tools/third_party_notices.py (dependencies missing: {missing})"
    lock = (ROOT / "core" / "Cargo.lock").read_text(encoding="utf-8")
    crates = set(re.findall(r'^name = "([^"]+)"', lock, flags=re.M)) - {"mamori-core"}
    assert len(crates) > 5
    missing = [c for c in sorted(crates) if f"| {c} |" not in NOTICES]
    assert not missing, f"run tools/third_party_notices.py (crates missing: {missing})"


def test_the_licence_is_apache_2_and_the_model_keeps_its_own() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence and "END OF TERMS" in licence
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"] == "Apache-2.0"
    assert "CC BY-SA 3.0" in NOTICES and "NOTICE-ner.md" in NOTICES
