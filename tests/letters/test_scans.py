"""``letters verify`` on pictures of stamped pages: marks read through rotation, scaling, JPEG, noise and a photo's
skew; unreadable pages reported; image, TIFF and PDF scans in order; the command's verdicts and exit codes."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from mamori.cli import main
from mamori.letters.marks import Mark
from mamori.letters.scans import expand, marks_in, read_scans
from mamori.letters.stamp import read_manifest
from tests.letters.conftest import render


@pytest.fixture(scope="module")
def pages(stamped_run: Path) -> list[Image.Image]:
    return render(stamped_run / "STAMPED.pdf")  # type: ignore[return-value]


@pytest.fixture(scope="module")
def want(stamped_run: Path) -> list[Mark]:
    m = read_manifest(stamped_run / "STAMPED.pdf")
    return [m.mark(letter, i) for letter in m.letters for i in range(1, len(letter.pages) + 1)]


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def _noise(img: Image.Image, sigma: float) -> Image.Image:
    """Gaussian noise of ``sigma`` grey levels added (a cheap sensor's)."""
    noise, grey = Image.effect_noise(img.size, sigma), Image.new("L", img.size, 128)
    return ImageChops.subtract(ImageChops.add(img, ImageChops.subtract(noise, grey)), ImageChops.subtract(grey, noise))


def _photo(img: Image.Image) -> Image.Image:
    """A phone photo: the sheet skewed in perspective on a grey desk, dimmer light, JPEG."""
    w, h = img.size
    skewed = img.transform((w, h), Image.Transform.QUAD, (-0.04 * w, -0.02 * h, 0, 1.03 * h, w, h, 1.05 * w, 0),
                           Image.Resampling.BICUBIC, fillcolor=110)  # fmt: skip
    return _jpeg(skewed.point(lambda v: int(v * 0.7 + 30)), 60)


def _rot(deg: float) -> Callable[[Image.Image], Image.Image]:
    return lambda img: img.rotate(deg, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


DISTORTIONS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "as scanned": lambda img: img,
    "rotated 90": lambda img: img.rotate(90, expand=True),
    "rotated 180": lambda img: img.rotate(180),
    "rotated 270": lambda img: img.rotate(270, expand=True),
    "rotated 3": _rot(3),
    "rotated -8": _rot(-8),
    "scaled to 75 dpi": lambda img: img.resize((img.width // 2, img.height // 2), Image.Resampling.LANCZOS),
    "scaled to 300 dpi": lambda img: img.resize((img.width * 2, img.height * 2), Image.Resampling.BICUBIC),
    "JPEG quality 15": lambda img: _jpeg(img, 15),
    "noise": lambda img: _noise(img, 30),
    "blurred": lambda img: img.filter(ImageFilter.GaussianBlur(1)),
    "photo": _photo,
    "all at once": lambda img: _jpeg(_noise(_rot(5)(img), 20), 40),
}


@pytest.mark.parametrize("name", list(DISTORTIONS))
def test_marks_read_through_distortions(name: str, pages: list[Image.Image], want: list[Mark]) -> None:
    for k in (0, 1, len(pages) - 1):  # a first page (address block), a second page, the last
        assert marks_in(DISTORTIONS[name](pages[k])) == (want[k],), (name, k)


def test_a_page_without_a_readable_mark_is_unreadable(stamped_run: Path, pages: list[Image.Image]) -> None:
    unstamped = render(stamped_run / "RUN.pdf")[0]
    assert marks_in(unstamped) == ()
    torn = pages[0].copy()
    w, h = torn.size
    ImageDraw.Draw(torn).rectangle((w - 150, h - 180, w, h - 110), fill=255)  # the corner torn off / covered
    assert marks_in(torn) == ()
    assert marks_in(pages[0].filter(ImageFilter.GaussianBlur(4))) == ()  # out of focus
    # a payment QR code on the page is not a mark
    import segno

    other = pages[0].copy()
    buf = io.BytesIO()
    segno.make("https://pay.example.jp/?inv=42", error="m").save(buf, kind="png", scale=6)
    other.paste(Image.open(buf).convert("L"), (100, 100))
    assert len(marks_in(other)) == 1


def _write(images: list[Image.Image], folder: Path, order: list[int], fmt: str = "png") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, k in enumerate(order, start=1):
        p = folder / f"scan{n}.{fmt}"  # scan2 before scan10: the names sort by number
        images[k].save(p)
        paths.append(p)
    return paths


def _verify(*args: str) -> tuple[int, dict[str, object] | None, str]:
    r = CliRunner().invoke(main, ["letters", "verify", *args, "--json"])
    try:
        return r.exit_code, json.loads(r.stdout), r.stderr
    except json.JSONDecodeError:
        return r.exit_code, None, r.stderr + r.stdout


def test_folder_of_scans_in_order_is_ok(stamped_run: Path, pages: list[Image.Image], tmp_path: Path) -> None:
    _write(pages, tmp_path / "scans", list(range(len(pages))))
    code, obj, _ = _verify(str(tmp_path / "scans"), "--stamped", str(stamped_run / "STAMPED.pdf"))
    assert code == 0 and obj is not None
    envelopes: list[dict] = obj["envelopes"]  # type: ignore[assignment,type-arg]
    manifest = read_manifest(stamped_run / "STAMPED.pdf")
    assert [e["recipient"] for e in envelopes] == [m.recipient for m in manifest.letters]
    assert all(e["action"] == "ok" for e in envelopes) and obj["missing"] == [] and obj["run"] == b"RUN1".hex()
    r = CliRunner().invoke(main, ["letters", "verify", str(tmp_path / "scans")])  # no manifest, terminal report
    assert r.exit_code == 0 and "すべて問題なし" in r.stdout


def test_collation_mistakes_in_pictures(stamped_run: Path, pages: list[Image.Image], want: list[Mark],
                                        tmp_path: Path) -> None:  # fmt: skip
    """Shuffled, inserted, dropped and doubled pages (as JPEG photos at an angle): each reported with its code."""
    rng = random.Random(3)
    shots = [_jpeg(_rot(rng.uniform(-6, 6))(p), 50) for p in pages]
    n = len(pages)
    first = [k for k in range(n) if want[k].page == 1]
    second = next(k for k in range(n) if want[k].page == 2)  # page 2 of a letter
    order = list(range(n))
    cases = {
        "foreign_page": [*order[: first[3] + 1], second, *order[first[3] + 1 :]],  # into another letter
        "missing_page": [k for k in order if k != second],
        "duplicate_page": [*order[: second + 1], second, *order[second + 1 :]],
        "duplicate_letter": [*order, first[2]],
    }
    swapped = order[:]
    swapped[first[1]], swapped[first[1] + 1] = swapped[first[1] + 1], swapped[first[1]]  # page 1 after page 2
    cases["shuffled"] = swapped
    stamped = str(stamped_run / "STAMPED.pdf")
    for name, case in cases.items():
        folder = tmp_path / name
        _write(shots, folder, case, "jpg")
        code, obj, _ = _verify(str(folder), "--stamped", stamped)
        assert code == 1 and obj is not None, name
        got = {p["code"] for e in obj["envelopes"] for p in e["problems"]}  # type: ignore[attr-defined]
        if name == "shuffled":
            assert "foreign_page" in got or "missing_page" in got
        else:
            assert name in got, (name, got)
        held = [e for e in obj["envelopes"] if e["action"] == "hold"]  # type: ignore[attr-defined]
        assert 1 <= len(held) <= 3, name  # only the letters the mistake touched
    r = CliRunner().invoke(main, ["letters", "verify", str(tmp_path / "foreign_page"), "--stamped", stamped])
    assert r.exit_code == 1 and "foreign_page" in r.stdout and "保留" in r.stdout  # the terminal report
    # a dropped letter: missing
    _write(shots, tmp_path / "drop", [k for k in order if want[k].letter != 2])
    code, obj, _ = _verify(str(tmp_path / "drop"), "--stamped", stamped)
    assert code == 1 and obj is not None and [m["letter"] for m in obj["missing"]] == [2]  # type: ignore[index]
    code, obj, _ = _verify(str(tmp_path / "drop"), "--stamped", stamped, "--partial")
    assert code == 0


def test_unreadable_scan_holds_its_envelope(stamped_run: Path, pages: list[Image.Image], tmp_path: Path) -> None:
    blurred = [p if k != 1 else p.filter(ImageFilter.GaussianBlur(4)) for k, p in enumerate(pages)]
    _write(blurred, tmp_path / "s", list(range(len(pages))))
    code, obj, _ = _verify(str(tmp_path / "s"))
    assert code == 1 and obj is not None
    problems = [p for e in obj["envelopes"] for p in e["problems"]]  # type: ignore[attr-defined]
    assert problems[0]["code"] == "unreadable_page" and problems[0]["scan"].endswith("scan2.png")


def test_tiff_and_pdf_scans(stamped_run: Path, pages: list[Image.Image], want: list[Mark], tmp_path: Path) -> None:
    pages = [p.copy() for p in pages]  # without what earlier saves left in their encoderinfo
    tiff = tmp_path / "batch.tiff"
    pages[0].save(tiff, save_all=True, append_images=pages[1:4])
    pdf = tmp_path / "batch.pdf"  # a scanner's PDF: one picture a page
    pages[4].save(pdf, save_all=True, append_images=pages[5:], resolution=150)
    scans = list(read_scans([tiff, pdf]))
    assert [s.name for s in scans[:2]] == [f"{tiff}#1", f"{tiff}#2"] and scans[4].name == f"{pdf}#1"
    assert [s.marks for s in scans] == [(m,) for m in want]
    code, obj, _ = _verify(str(tiff), str(pdf), "--stamped", str(stamped_run / "STAMPED.pdf"))
    assert code == 0 and obj is not None and obj["scans"] == len(want)
    # the stamped PDF itself, as if every page had been scanned in order
    code, _, _ = _verify(str(stamped_run / "STAMPED.pdf"))
    assert code == 0


def test_natural_order_of_a_folder(tmp_path: Path) -> None:
    for name in ("scan10.png", "scan2.png", "scan1.png", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in expand([tmp_path])] == ["scan1.png", "scan2.png", "scan10.png"]


def test_verify_errors(stamped_run: Path, pages: list[Image.Image], tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    code, obj, err = _verify(str(text))
    assert code == 2 and "neither an image nor a PDF" in err and "Traceback" not in err
    assert obj is not None and obj["error"]["file"] == str(text)  # type: ignore[index]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((stamped_run / "STAMPED.pdf").read_bytes()[:2000])
    code, _, err = _verify(str(broken))
    assert code == 2 and "Traceback" not in err and "broken" in err
    truncated = tmp_path / "cut.jpg"
    buf = io.BytesIO()
    pages[0].save(buf, "JPEG")
    truncated.write_bytes(buf.getvalue()[:5000])
    code, _, err = _verify(str(truncated))
    assert code == 2 and "Traceback" not in err
    good = tmp_path / "good"
    _write(pages, good, [0])
    code, _, err = _verify(str(good), "--stamped", str(stamped_run / "RUN.pdf"))  # not a stamped PDF
    assert code == 2 and "no manifest" in err
    code, _, err = _verify(str(good), "--manifest", str(text))
    assert code == 2 and "not a manifest" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _verify(str(tmp_path / "empty"), "--partial")
    assert code == 2 and "no image or PDF" in err
