"""Shell: photos and scans of stamped pages -> the control marks on each (zxing-cpp reads the QR codes).

A scan is one page: an image file (PNG, JPEG, TIFF, BMP, WebP …; each frame of a multi-page TIFF is a page) or a
page of a PDF (a scanner's multi-page PDF; drawn by pypdfium2 at ``dpi``). Folders stand for their files, sorted by
name with numbers in order (``scan2`` before ``scan10``). Scans come out in the order given, one at a time (a batch
of 3,000 pages is never held in memory).

Reading tries the image as it is, then (when no mark was found) helps the decoder: another binarizer, a median
filter against noise, twice the size for a small or far-away code, and for a PDF page a second drawing at 1.5×
the resolution. Only codes that decode as marks count (`mamori.letters.marks.decode`); other QR codes on the page
are ignored. A page with two different marks is reported as such (two pages photographed together?).

A file that is neither an image nor a PDF, or is broken, is a `ScanError` naming it (never a traceback).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mamori.letters.marks import Mark, decode

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")
DPI = 200


class ScanError(ValueError):
    """A scan file that cannot be read (bilingual message; ``path`` names it)."""

    def __init__(self, path: str, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.path = path
        self.message_en = message_en
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class Scan:
    """One scanned page: its name (the file, with ``#page`` for a page of a PDF or TIFF), the marks read on it
    (none: unreadable; several: more than one page on the picture), and why not one, when not."""

    name: str
    marks: tuple[Mark, ...]
    note: str = ""
    note_ja: str = ""


def _natural(path: Path) -> list[object]:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", path.name)]


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """The files of ``paths`` in order, each folder replaced by its image and PDF files (see the module doc)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = [f for f in p.iterdir() if f.is_file() and f.suffix.lower() in (*IMAGE_SUFFIXES, ".pdf")]
            out += sorted(files, key=_natural)
        elif p.is_file():
            out.append(p)
        else:
            raise ScanError(str(p), "no such file or folder", "ファイルもフォルダもありません")
    return out


def marks_in(image: object) -> tuple[Mark, ...]:
    """The distinct marks zxing-cpp finds in a Pillow image (as it is, then with the help of the module doc)."""
    from PIL import Image, ImageFilter, ImageOps

    img: Image.Image = image  # type: ignore[assignment]
    gray = img if img.mode == "L" else ImageOps.grayscale(img.convert("RGB") if img.mode in ("P", "1") else img)
    for attempt in _attempts(gray, Image, ImageFilter, ImageOps):
        found = _decode(*attempt)
        if found:
            return found
    return ()


def _attempts(gray: object, Image: object, ImageFilter: object, ImageOps: object) -> Iterator[tuple[object, bool]]:
    """(image, global binarizer?) pairs to try, cheapest first; each made only when the ones before found nothing."""
    yield gray, False
    yield gray, True
    denoised = gray.filter(ImageFilter.MedianFilter(3))  # type: ignore[attr-defined]
    yield denoised, False
    w, h = gray.size  # type: ignore[attr-defined]
    if max(w, h) <= 4000:
        yield denoised.resize((2 * w, 2 * h), Image.Resampling.BICUBIC), False  # type: ignore[attr-defined]
    yield ImageOps.autocontrast(denoised, cutoff=2), True  # type: ignore[attr-defined]


def _decode(image: object, global_binarizer: bool) -> tuple[Mark, ...]:
    import zxingcpp

    kwargs = {"binarizer": zxingcpp.Binarizer.GlobalHistogram} if global_binarizer else {}
    found: list[Mark] = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, **kwargs):
        mark = decode(barcode.text)
        if mark is not None and mark not in found:
            found.append(mark)
    return tuple(found)


def _scan(name: str, marks: tuple[Mark, ...]) -> Scan:
    if not marks:
        return Scan(name, (), "no control mark could be read", "管理マークが読めません")
    if len(marks) > 1:
        shown = ", ".join(m.label for m in marks)
        en = f"{len(marks)} marks on one picture ({shown})"
        return Scan(name, marks, en, f"1 枚に {len(marks)} 個のマーク（{shown}）")
    return Scan(name, marks)


def read_scans(paths: Iterable[str | Path], dpi: int = DPI) -> Iterator[Scan]:
    """Every scanned page of ``paths`` in order, with its marks (see the module doc)."""
    for path in expand(paths):
        head = _head(path)
        if head.lstrip()[:5].startswith(b"%PDF"):
            yield from _pdf_pages(path, dpi)
        else:
            yield from _image_pages(path)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(1024)
    except OSError as e:
        raise ScanError(str(path), f"cannot be read: {e.strerror}", f"読めません: {e.strerror}") from None


def _image_pages(path: Path) -> Iterator[Scan]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        img = Image.open(path)
    except (UnidentifiedImageError, OSError):
        raise ScanError(str(path), "neither an image nor a PDF", "画像でも PDF でもありません") from None
    with img:
        frames = getattr(img, "n_frames", 1)
        for k, frame in enumerate(ImageSequence.Iterator(img), start=1):
            name = f"{path}#{k}" if frames > 1 else str(path)
            try:
                frame.load()
                marks = marks_in(frame)
            except (OSError, ValueError) as e:
                raise ScanError(name, f"the image is broken: {e}", f"画像が壊れています: {e}") from None
            yield _scan(name, marks)


def _pdf_pages(path: Path, dpi: int) -> Iterator[Scan]:
    import pypdfium2 as pdfium

    from mamori.letters.pdftext import RunError, open_pdf

    try:
        doc = open_pdf(path)
    except RunError as e:
        raise ScanError(str(path), e.message_en, e.message_ja) from None
    try:
        for i in range(len(doc)):  # type: ignore[arg-type]
            name = f"{path}#{i + 1}"
            try:
                page = doc[i]  # type: ignore[index]
                try:
                    marks = marks_in(page.render(scale=dpi / 72, grayscale=True).to_pil())
                    if not marks:
                        marks = marks_in(page.render(scale=1.5 * dpi / 72, grayscale=True).to_pil())
                finally:
                    page.close()
            except pdfium.PdfiumError as e:
                raise ScanError(name, f"the page cannot be drawn: {e}", f"ページを描画できません: {e}") from None
            yield _scan(name, marks)
    finally:
        doc.close()  # type: ignore[attr-defined]
