"""Time, peak memory and verdicts of `mamori letters stamp` and `mamori letters verify` (the control marks) on a
generated run (docs/letters.md, section 8).

    python benchmarks/letters/generate.py bench-out/marks --letters 1000 --seed 7 --clean --pages 2,3,4
    python benchmarks/letters/marks_measure.py bench-out/marks --photos 600

1. stamps RUN.pdf (the command, in a child process: wall time, CPU time, peak resident memory);
2. verifies STAMPED.pdf read as one scanned PDF (every page drawn at 200 dpi and decoded): all envelopes must be ok;
3. makes a batch of "photos" of the first ``--photos`` pages (150 dpi, each turned by a random angle, a quarter of
   them by 90/180/270 degrees more, JPEG quality 40–85, some noise), with a mistake injected into one letter in
   eight (a page of it put into the next letter's envelope, a page dropped, a page doubled, a page blurred past
   reading, the whole letter twice), and verifies it: every mistake must be reported with its code on the right
   envelope, and no envelope the mistakes did not touch may be held.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float, float, float]:
    """The command's result, wall seconds, CPU seconds and peak resident MB (of this child alone: wait4)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "mamori.cli", *args], stdout=out, stderr=err,
                                 env=dict(os.environ, PYTHONPATH=str(REPO)))  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        proc = subprocess.CompletedProcess(args, child.returncode, out.read(), err.read())
    return proc, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def photos(stamped: Path, out: Path, count: int, seed: int) -> dict[str, object]:
    """The photo batch of step 3: writes out/NNNN.jpg, returns the injected mistakes."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageFilter

    sys.path.insert(0, str(REPO))
    from mamori.letters.stamp import read_manifest

    rng = random.Random(seed)
    manifest = read_manifest(stamped)
    letters = []
    total = 0
    for m in manifest.letters:
        if total + len(m.pages) > count:
            break
        letters.append(m)
        total += len(m.pages)
    # (letter index, page in letter) in feeding order, with the mistakes
    order: list[tuple[int, int, str]] = [(m.index, i, "") for m in letters for i in range(1, len(m.pages) + 1)]
    mistakes: list[dict[str, object]] = []
    touched: set[int] = set()
    kinds = ["foreign_page", "missing_page", "duplicate_page", "unreadable_page", "duplicate_letter"]
    candidates = [m for m in letters[:-1] if len(m.pages) >= 2]
    for k, m in enumerate(rng.sample(candidates, len(candidates) // 8)):
        nxt = m.index + 1
        if {m.index, nxt} & touched:
            continue
        kind = kinds[k % len(kinds)]
        page = rng.randrange(2, len(m.pages) + 1)
        at = order.index((m.index, page, ""))
        if kind == "foreign_page":  # into the next letter's envelope, after its page 1
            item = order.pop(at)
            order.insert(order.index((nxt, 1, "")) + 1, item)
            mistakes.append({"kind": kind, "letter": nxt, "also": {"letter": m.index, "code": "missing_page"}})
            touched |= {m.index, nxt}
        elif kind == "missing_page":
            order.pop(at)
            mistakes.append({"kind": kind, "letter": m.index})
            touched.add(m.index)
        elif kind == "duplicate_page":
            order.insert(at, order[at])
            mistakes.append({"kind": kind, "letter": m.index})
            touched.add(m.index)
        elif kind == "unreadable_page":
            order[at] = (m.index, page, "blur")
            mistakes.append({"kind": kind, "letter": m.index})
            touched.add(m.index)
        else:
            last = order.index((m.index, len(m.pages), ""))
            order[last + 1 : last + 1] = [(m.index, i, "") for i in range(1, len(m.pages) + 1)]
            mistakes.append({"kind": kind, "letter": m.index})
            touched.add(m.index)
    out.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(stamped)
    run_pages = {(m.index, i): number for m in letters for i, number in enumerate(m.pages, start=1)}
    try:
        for n, (letter, page, how) in enumerate(order, start=1):
            pg = doc[run_pages[(letter, page)] - 1]
            img = pg.render(scale=150 / 72, grayscale=True).to_pil()
            pg.close()
            img = img.rotate(rng.uniform(-8, 8), expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
            if rng.random() < 0.25:
                img = img.rotate(rng.choice([90, 180, 270]), expand=True)
            noise, grey = Image.effect_noise(img.size, rng.uniform(5, 25)), Image.new("L", img.size, 128)
            img = ImageChops.subtract(ImageChops.add(img, ImageChops.subtract(noise, grey)),
                                      ImageChops.subtract(grey, noise))  # fmt: skip
            if how == "blur":
                img = img.filter(ImageFilter.GaussianBlur(5))
            img.save(out / f"{n:04d}.jpg", quality=rng.randint(40, 85))
    finally:
        doc.close()
    return {"mistakes": mistakes, "touched": sorted(touched), "pages": len(order), "letters": len(letters)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--photos", type=int, default=600, help="pages in the photo batch (step 3)")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    folder: Path = a.folder
    stamped = folder / "STAMPED.pdf"
    proc, wall, cpu, mb = run(["letters", "stamp", str(folder / "RUN.pdf"), "--list", str(folder / "recipients.csv"),
                               "-o", str(stamped), "--json"])  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-2000:] + proc.stderr[-2000:])
    info = json.loads(proc.stdout)
    print(f"stamp: {info['letters']} letters, {info['pages']} pages: {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak {mb:.0f} MB; corners {info['corners']}; {stamped.stat().st_size / 1e6:.1f} MB "
          f"(run {(folder / 'RUN.pdf').stat().st_size / 1e6:.1f} MB)")  # fmt: skip
    proc, wall, cpu, mb = run(["letters", "verify", str(stamped), "--stamped", str(stamped), "--json"])
    result = json.loads(proc.stdout)
    held = sum(1 for e in result["envelopes"] if e["action"] == "hold")
    print(f"verify the stamped PDF as one scan: {result['scans']} pages: {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak {mb:.0f} MB; exit {proc.returncode}, envelopes held {held}/{len(result['envelopes'])}, "
          f"missing {len(result['missing'])}")  # fmt: skip
    want = photos(stamped, folder / "photos", a.photos, a.seed)
    proc, wall, cpu, mb = run(["letters", "verify", str(folder / "photos"), "--stamped", str(stamped), "--partial",
                               "--json"])  # fmt: skip
    result = json.loads(proc.stdout)
    codes: dict[int, set[str]] = {}
    for e in result["envelopes"]:
        for p in e["problems"]:
            codes.setdefault(e["letter"], set()).add(p["code"])
    mistakes: list[dict] = want["mistakes"]  # type: ignore[assignment,type-arg]
    caught = 0
    for m in mistakes:
        ok = m["kind"] in codes.get(m["letter"], set())
        also = m.get("also")
        if also:
            ok = ok and also["code"] in codes.get(also["letter"], set())
        caught += ok
    touched = set(want["touched"])  # type: ignore[arg-type]
    false = [e["letter"] for e in result["envelopes"] if e["action"] == "hold" and e["letter"] not in touched]
    unread = sum(1 for e in result["envelopes"] for p in e["problems"] if p["code"] == "unreadable_page")
    kinds = sorted({m["kind"] for m in mistakes})
    print(f"verify {want['pages']} photos ({want['letters']} letters, JPEG, turned, noisy): {wall:.1f} s wall, "
          f"{cpu:.1f} s CPU, peak {mb:.0f} MB; exit {proc.returncode}")  # fmt: skip
    print(f"mistakes reported with their code on the right envelope: {caught}/{len(mistakes)} ({', '.join(kinds)})")
    print(f"envelopes held that no mistake touched: {len(false)}/{len(result['envelopes']) - len(touched)} {false}")
    print(f"unreadable pages reported: {unread} (blurred on purpose: "
          f"{sum(1 for m in mistakes if m['kind'] == 'unreadable_page')})")  # fmt: skip


if __name__ == "__main__":
    main()
