"""``letters stamp``: one mark a page, letters split as ``letters check`` splits them, the mark in a free corner and
nowhere else, the text layer unchanged; held runs, full corners and stamped runs refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.letters.check import check_run
from mamori.letters.model import Box
from mamori.letters.pdftext import RunError, read_pages
from mamori.letters.postal import japan_post
from mamori.letters.recipients import parse_recipients
from mamori.letters.scans import marks_in
from mamori.letters.stamp import CORNERS, Geometry, free_corner, read_manifest, stamp_run
from tests.letters.conftest import expected, render


def _entries(run: Path) -> list:  # type: ignore[type-arg]
    return parse_recipients((run / "recipients.csv").read_text(encoding="utf-8"))


def test_free_corner_prefers_bottom_right_and_avoids_obstacles() -> None:
    g = Geometry()
    assert free_corner(210, 297, [], g) == "bottom-right"
    br = g.box("bottom-right", 210, 297)
    assert br.right == pytest.approx(203) and br.bottom == pytest.approx(290)
    footer = Box(20, 270, 200, 274)  # a footer line across the bottom
    assert free_corner(210, 297, [footer], g) == "top-right"
    window = Box(100, 0, 210, 60)
    assert free_corner(210, 297, [footer, window], g) == "top-left"
    assert free_corner(210, 297, [footer, window, Box(0, 0, 30, 30)], g) is None
    assert free_corner(210, 297, [], g, ("top-left",)) == "top-left"
    assert free_corner(20, 20, [], g) is None  # a page smaller than the mark


def test_every_page_marked_as_the_check_splits_the_run(stamped_run: Path) -> None:
    manifest = read_manifest(stamped_run / "STAMPED.pdf")
    check = check_run(read_pages(stamped_run / "RUN.pdf"), _entries(stamped_run), japan_post)
    assert [(m.index, m.pages, m.recipient) for m in manifest.letters] == [
        (letter.index, letter.pages, letter.recipient) for letter in check.letters
    ]
    assert manifest.run == b"RUN1" and manifest.source == "RUN.pdf"
    images = render(stamped_run / "STAMPED.pdf")
    want = [manifest.mark(m, i) for m in manifest.letters for i in range(1, len(m.pages) + 1)]
    assert [marks_in(img) for img in images] == [(m,) for m in want]
    assert len({m.pages for m in want}) == 3  # letters of 1, 2 and 3 pages


def test_the_mark_covers_no_text_and_changes_nothing_else(stamped_run: Path) -> None:
    from PIL import ImageChops

    before, after = render(stamped_run / "RUN.pdf", 72), render(stamped_run / "STAMPED.pdf", 72)
    pages = list(read_pages(stamped_run / "STAMPED.pdf"))
    originals = list(read_pages(stamped_run / "RUN.pdf"))
    g = Geometry()
    for page, original, a, b in zip(pages, originals, before, after, strict=True):
        assert page.lines == original.lines  # the text layer is untouched
        mark = g.box("bottom-right", page.width, page.height)
        assert all(not _overlap(ln.box, mark) for ln in page.lines)
        diff = ImageChops.difference(a, b).getbbox()  # pixels: left, top, right, bottom at 1 px = 1 pt
        assert diff is not None
        mm = 25.4 / 72
        assert mark.left - 1 <= diff[0] * mm and diff[2] * mm <= mark.right + 1
        assert mark.top - 1 <= diff[1] * mm and diff[3] * mm <= mark.bottom + 1


def _overlap(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def test_check_reads_the_stamped_run_as_the_original(stamped_run: Path) -> None:
    outs = []
    for name in ("RUN.pdf", "STAMPED.pdf"):
        r = CliRunner().invoke(main, ["letters", "check", str(stamped_run / name), "--list",
                                      str(stamped_run / "recipients.csv"), "--json"])  # fmt: skip
        assert r.exit_code == 0
        outs.append({k: v for k, v in json.loads(r.stdout).items() if k != "run"})
    assert outs[0] == outs[1]


def test_window_and_corner_options(stamped_run: Path, tmp_path: Path) -> None:
    entries = _entries(stamped_run)
    out = tmp_path / "s.pdf"
    # a window over the bottom-right corner: the marks go to the next free corner (the footer fills bottom-left)
    result = stamp_run(stamped_run / "RUN.pdf", entries, out, japan_post, window=Box(150, 230, 210, 297), force=True)
    assert set(result.corners) == {"top-right"}
    result = stamp_run(stamped_run / "RUN.pdf", entries, out, japan_post, corners=("top-right",))
    assert set(result.corners) == {"top-right"}
    with pytest.raises(RunError, match="no free corner") as e:
        stamp_run(stamped_run / "RUN.pdf", entries, tmp_path / "no.pdf", japan_post, corners=("bottom-left",))
    assert e.value.page == 1 and not (tmp_path / "no.pdf").exists()


def test_text_in_every_corner_is_refused(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    run = tmp_path / "full.pdf"
    c = canvas.Canvas(str(run), pagesize=A4)
    c.drawString(72, 400, "page one")
    c.showPage()
    for x, y in ((15, 15), (520, 15), (15, 820), (520, 820)):
        c.drawString(x, y, "corner text")
    c.showPage()
    c.save()
    with pytest.raises(RunError) as e:
        stamp_run(run, [], tmp_path / "out.pdf", japan_post, force=True)
    assert e.value.page == 2 and "1 page(s): 2" in e.value.message_en and not (tmp_path / "out.pdf").exists()
    # a drawing (not text) in the corners counts too
    c = canvas.Canvas(str(run), pagesize=A4)
    for x, y in ((5, 5), (530, 5), (5, 780), (530, 780)):
        c.rect(x, y, 50, 50, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(RunError, match="no free corner"):
        stamp_run(run, [], tmp_path / "out.pdf", japan_post, force=True)


def test_held_run_is_not_stamped_unless_forced(mistakes_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    args = ["letters", "stamp", str(mistakes_run / "RUN.pdf"), "--list", str(mistakes_run / "recipients.csv"),
            "-o", str(out), "--window", str(expected(mistakes_run)["window"])]  # fmt: skip
    r = CliRunner().invoke(main, [*args, "--json"])
    assert r.exit_code == 1 and not out.exists()
    obj = json.loads(r.stdout)
    assert obj["stamped"] is None and obj["check"]["letters"]
    r = CliRunner().invoke(main, [*args, "--force", "--manifest", str(tmp_path / "m.json")])
    assert r.exit_code == 0 and out.exists() and "--force" not in r.stdout
    assert read_manifest(tmp_path / "m.json") == read_manifest(out)
    assert len(read_manifest(out).letters) == expected(mistakes_run)["count"]


def test_stamp_cli_and_errors(stamped_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    base = ["letters", "stamp", "--list", str(stamped_run / "recipients.csv"), "-o", str(out)]
    r = CliRunner().invoke(main, [*base[:2], str(stamped_run / "RUN.pdf"), *base[2:], "--json"])
    assert r.exit_code == 0
    obj = json.loads(r.stdout)
    assert obj["stamped"] == str(out) and obj["corners"] == {"bottom-right": obj["pages"]} and obj["held"] == []
    r = CliRunner().invoke(main, [*base[:2], str(stamped_run / "RUN.pdf"), *base[2:]])
    assert r.exit_code == 0 and "stamped" in r.stdout and "bottom-right" in r.stdout
    # stamping a stamped run again: refused
    r = CliRunner().invoke(main, [*base[:2], str(out), *base[2:4], "-o", str(tmp_path / "again.pdf")])
    assert r.exit_code == 2 and "already stamped" in r.stderr and "Traceback" not in r.output
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((stamped_run / "RUN.pdf").read_bytes()[:3000])
    r = CliRunner().invoke(main, [*base[:2], str(broken), *base[2:]])
    assert r.exit_code == 2 and "Traceback" not in r.output and "broken" in r.stderr
    r = CliRunner().invoke(main, [*base[:2], str(stamped_run / "RUN.pdf"), *base[2:], "--corner", "middle"])
    assert r.exit_code == 2  # click's usage error
    from mamori.letters.cli import CORNER_CHOICES

    assert CORNER_CHOICES == CORNERS


def test_rotated_pages_are_refused(stamped_run: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(stamped_run / "RUN.pdf"))
    w.pages[1].rotate(90)
    run = tmp_path / "turned.pdf"
    with open(run, "wb") as f:
        w.write(f)
    with pytest.raises(RunError, match="/Rotate") as e:
        stamp_run(run, _entries(stamped_run), tmp_path / "out.pdf", japan_post, force=True)
    assert e.value.page == 2 and not (tmp_path / "out.pdf").exists()
