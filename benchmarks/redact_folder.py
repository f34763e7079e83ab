"""`mamori redact` on a folder of 200 documents against one file, each a real command run with its start-up.

    .venv/bin/python benchmarks/redact_folder.py [--docs 200] [--rounds 3]

The documents are ja-biz2's dev documents (``benchmarks/ja_biz2/dev.jsonl``, made-up people) written in five formats
in turn: .txt, .csv (one row per line, comma-split), .docx (a paragraph per line), .xlsx (a cell per line) and .eml
(the text as the body); sub-folders of 25 files. The single file is the folder's first .docx. Prints the best of
``--rounds`` wall times of ``mamori redact FILE -o OUT`` and ``mamori redact FOLDER -o OUT_FOLDER`` and their ratio
(issue 18's goal: the folder in at most 4x the time of one file).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _write(path: Path, text: str, fmt: str) -> None:
    lines = [ln for ln in text.splitlines() if ln.strip()] or [text]
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
    elif fmt == "csv":
        path.write_text("\n".join(",".join(c.strip() for c in ln.split(",")) for ln in lines) + "\n", encoding="utf-8")
    elif fmt == "docx":
        import docx

        d = docx.Document()
        for ln in lines:
            d.add_paragraph(ln)
        d.save(str(path))
    elif fmt == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        for i, ln in enumerate(lines, 1):
            ws.cell(row=i, column=1, value=ln)
        wb.save(str(path))
    else:
        m = EmailMessage()
        m["From"] = "sender@example.jp"
        m["To"] = "someone@example.com"
        m["Subject"] = "資料送付"
        m.set_content(text)
        path.write_bytes(bytes(m))


def build(root: Path, n: int) -> Path:
    docs = [json.loads(ln)["text"] for ln in (HERE / "ja_biz2" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    formats = ("txt", "csv", "docx", "xlsx", "eml")
    folder = root / "docs"
    for i in range(n):
        sub = folder / f"part-{i // 25:02}"
        sub.mkdir(parents=True, exist_ok=True)
        fmt = formats[i % len(formats)]
        _write(sub / f"doc-{i:03}.{fmt}", docs[i % len(docs)], fmt)
    return folder


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({run.returncode}): {run.stderr[-500:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    mamori = str(Path(sys.executable).with_name("mamori"))
    with tempfile.TemporaryDirectory(prefix="mamori-redact-bench-") as tmp:
        root = Path(tmp)
        folder = build(root, args.docs)
        one = next(p for p in sorted(folder.rglob("*.docx")))
        singles, folders = [], []
        for _ in range(args.rounds):
            singles.append(timed([mamori, "redact", str(one), "-o", str(root / "one.docx")]))
            shutil.rmtree(root / "out", ignore_errors=True)
            folders.append(timed([mamori, "redact", str(folder), "-o", str(root / "out")]))
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"one file ({one.name}): best {min(singles):.2f} s of {len(singles)}")
        print(f"folder of {args.docs} documents ({size / 1e6:.2f} MB): best {min(folders):.2f} s of {len(folders)}")
        print(f"ratio: {min(folders) / min(singles):.2f}x (goal <= 4x)")


if __name__ == "__main__":
    main()
