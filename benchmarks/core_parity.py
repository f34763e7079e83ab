"""Parity of the Rust core with the Python engine it replaces, on every dev corpus.

    python benchmarks/core_parity.py compare NAME...   # a Python recognizer class vs the core recognizer NAME
    python benchmarks/core_parity.py snapshot           # digests of every rule finding, per document -> DIGESTS
    python benchmarks/core_parity.py check              # today's findings against DIGESTS (what the test runs)

``compare`` runs while a recognizer exists in both languages (the port of one recognizer); ``snapshot`` was taken
on the Python engine before the port (commit 60d8852) and ``check`` proves that the engine still gives the same
findings on every document, at every score, from the same recognizer: the differential test of the port. A rule
change that moves findings on purpose re-takes the snapshot in the same commit (and says so).

Corpora (dev only): ja-biz-pii/dev, ja-ner-wiki/dev, en-synth/dev, ja-gsd-ne/dev, the text of the misdelivery
dev mails, benchmarks/ja_alt (generated), benchmarks/ja_biz2, ja_biz3, ja_biz4 and ja_prose, and the speed corpus when
bench-out/corpus holds it.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS_JSONL, REPO, eval_dir

DIGESTS = REPO / "tests" / "detect" / "data" / "rule-findings.json"


def _jsonl(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if line.strip():
                doc = json.loads(line)
                yield str(doc.get("id", n)), doc["text"]


def _mails(folder: Path) -> Iterator[tuple[str, str]]:
    from mamori.extract import extract

    for p in sorted(folder.glob("*.eml")):
        result = extract(p.read_bytes(), p.name)
        for k, unit in enumerate(result.units):
            yield f"{p.name}#{k}", unit.text


def _alt() -> Iterator[tuple[str, str]]:
    script = REPO / "benchmarks" / "ja_alt" / "generate.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    for n, line in enumerate(out.splitlines()):
        if line.strip():
            doc = json.loads(line)
            yield str(doc.get("id", n)), doc["text"]


def corpora(speed: bool = False) -> dict[str, Iterator[tuple[str, str]]]:
    """Name -> (id, text) of each dev corpus found."""
    ev = eval_dir()
    out: dict[str, Iterator[tuple[str, str]]] = {}
    for name in ("ja-biz-pii", "ja-ner-wiki", "en-synth", "ja-gsd-ne"):
        p = ev / name / "dev.jsonl"
        if p.is_file():
            out[f"{name}/dev"] = _jsonl(p)
    mails = ev / "misdelivery" / "dev" / "messages"
    if mails.is_dir():
        out["misdelivery/dev"] = _mails(mails)
    out["ja-alt"] = _alt()
    biz2 = REPO / "benchmarks" / "ja_biz2" / "dev.jsonl"
    if biz2.is_file():
        out["ja-biz2/dev"] = _jsonl(biz2)
    biz3 = REPO / "benchmarks" / "ja_biz3" / "dev.jsonl"
    if biz3.is_file():
        out["ja-biz3/dev"] = _jsonl(biz3)
    biz4 = REPO / "benchmarks" / "ja_biz4" / "dev.jsonl"
    if biz4.is_file():
        out["ja-biz4/dev"] = _jsonl(biz4)
    prose = REPO / "benchmarks" / "ja_prose" / "dev.jsonl"
    if prose.is_file():
        out["ja-prose/dev"] = _jsonl(prose)
    if speed and CORPUS_JSONL.is_file():
        out["speed"] = _jsonl(CORPUS_JSONL)
    return out


def _key(f) -> tuple:
    return (f.recognizer, f.type, f.start, f.end, round(f.score, 6), f.subtype or "")


def digest(detector, text: str) -> str:
    from mamori.detect.document import Document

    doc = Document(text, "auto", detector.lexicon)
    found, _ = detector.rule_findings(doc, -1.0)
    rows = sorted(_key(f) for f in found)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]


def snapshot() -> None:
    from mamori.detect import Detector

    det = Detector()
    data = {name: {i: digest(det, t) for i, t in docs} for name, docs in corpora().items()}
    DIGESTS.parent.mkdir(parents=True, exist_ok=True)
    DIGESTS.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{DIGESTS}: {sum(len(v) for v in data.values())} documents")


def check(limit: int = 10) -> list[str]:
    """Ids of the documents whose findings differ from the snapshot (at most ``limit`` per corpus)."""
    from mamori.detect import Detector

    want = json.loads(DIGESTS.read_text(encoding="utf-8"))
    det = Detector()
    bad: list[str] = []
    for name, docs in corpora().items():
        if name not in want:
            continue
        n = 0
        for i, t in docs:
            if want[name].get(i) != digest(det, t):
                bad.append(f"{name}:{i}")
                n += 1
                if n >= limit:
                    break
    return bad


def compare(names: list[str], show: int = 5) -> int:
    """Python recognizer class vs core recognizer, by name; prints the differing documents; returns their count."""
    from mamori.detect.core_engine import builtin_engine
    from mamori.detect.document import Document
    from mamori.detect.recognizer import Recognizer

    def python_classes() -> dict[str, type[Recognizer]]:
        found: dict[str, type[Recognizer]] = {}
        stack = list(Recognizer.__subclasses__())
        while stack:
            cls = stack.pop()
            stack.extend(cls.__subclasses__())
            if cls.__module__.startswith("mamori.detect.recognizers") and cls.name:
                found[cls.name] = cls
        return found

    import importlib

    importlib.import_module("mamori.detect.recognizers").default_recognizers()  # imports every module
    classes = python_classes()
    engine = builtin_engine()
    lexicon_of = {}
    differing = 0
    for corpus, docs in corpora(speed=True).items():
        for name in names:
            py = classes[name]()
            from mamori.detect.document import Lexicon

            lex = lexicon_of.setdefault(name, Lexicon())
            for g, w in py.keywords.items():
                lex.add(g, w)
        n_docs = n_bad = 0
        for i, text in docs:
            n_docs += 1
            for name in names:
                py = classes[name]()
                doc = Document(text, "auto", lexicon_of[name])
                a = sorted(_key(f) for f in py.find(doc)) if py.supports(doc.lang) else []
                b = sorted(_key(f) for f in engine.find(text, doc.lang) if f.recognizer == name)
                if a != b:
                    n_bad += 1
                    if n_bad <= show:
                        print(
                            f"  {corpus}:{i} {name}\n    python only: {sorted(set(a) - set(b))[:6]}"
                            f"\n    core only:   {sorted(set(b) - set(a))[:6]}"
                        )
        print(f"{corpus}: {n_docs} documents, {n_bad} differ")
        differing += n_bad
    return differing


def main() -> None:
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "snapshot":
        snapshot()
    elif cmd == "check":
        bad = check()
        print("identical" if not bad else "differ: " + ", ".join(bad))
        sys.exit(1 if bad else 0)
    elif cmd == "compare":
        sys.exit(1 if compare(sys.argv[2:]) else 0)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
