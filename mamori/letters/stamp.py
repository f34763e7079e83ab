"""``mamori letters stamp``: a control mark (a small QR code, `mamori.letters.marks`) on every page of a run.

The run is split into letters exactly as ``mamori letters check`` splits it (the same `check_run`, in the same
pass that reads the pages), and each letter gets its recipient from that check. A run the check would hold is not
stamped (``force`` stamps it anyway: the marks then follow the letters as printed).

Where the mark goes: a corner of the page, ``margin`` millimetres in from both edges, in the order of ``corners``
(by default bottom-right, bottom-left, top-right, top-left). A corner is taken only when the mark's box (the code,
its quiet zone and the label under it) touches no text of the page (the boxes of the text layer's lines), no
other object (images, drawings, forms, each as its bounds; an object covering half the page or more — a frame,
a background — does not count), and not the envelope window (``window``; without it, the address block grown by
10 mm on a letter's first page). A page with no free corner is an error naming the page: nothing is written.
So is a page turned by the PDF's ``/Rotate`` (its corners and text boxes would not be the printed ones).

The mark is drawn as filled rectangles in a content stream added to the page (the dark modules, and the label
``letter-page/pages`` in a small built-in digit font), so the text layer is unchanged and ``letters check`` reads
the stamped run as the original; pypdf writes the output without parsing or rewriting the pages' own content. The
manifest is embedded in the output as the file ``mamori-marks.json``.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mamori.letters.check import PostalLookup, RunResult, check_run
from mamori.letters.marks import (
    MANIFEST_NAME,
    MAX_LETTERS,
    MAX_PAGES,
    Manifest,
    ManifestLetter,
    Mark,
    MarkError,
    encode,
    manifest_from_json,
)
from mamori.letters.model import Box, Page
from mamori.letters.pdftext import PT_TO_MM, RunError, open_pdf, read_pages
from mamori.letters.recipients import Entry

CORNERS = ("bottom-right", "bottom-left", "top-right", "top-left")
QUIET = 4  # modules of white around the code (the QR standard's quiet zone)
LABEL_GAP = 1.0  # label pixels between the quiet zone and the label
BLOCK_PAD = 10.0  # mm around the address block kept free when no window is given
CLEARANCE = 0.5  # mm between the mark's box and anything on the page
LARGE = 0.5  # an object covering this share of the page or more is a frame or background: not an obstacle

# 3×5 digit font of the label: rows top to bottom, "1" = ink
_GLYPHS = {
    "0": ("111", "101", "101", "101", "111"),
    "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"),
    "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"),
    "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"),
    "7": ("111", "001", "010", "010", "010"),
    "8": ("111", "101", "111", "101", "111"),
    "9": ("111", "101", "111", "001", "111"),
    "-": ("000", "000", "111", "000", "000"),
    "/": ("001", "001", "010", "100", "100"),
}


@dataclass(frozen=True, slots=True)
class Geometry:
    """The mark's size: ``size`` mm is the code itself (25 modules), ``margin`` mm from the page's edges."""

    size: float = 12.0
    margin: float = 7.0

    @property
    def module(self) -> float:
        return self.size / 25

    @property
    def pixel(self) -> float:
        """One pixel of the label's font."""
        return 0.8 * self.module

    @property
    def width(self) -> float:
        return self.size + 2 * QUIET * self.module

    @property
    def height(self) -> float:
        return self.width + (5 + LABEL_GAP) * self.pixel

    def box(self, corner: str, page_width: float, page_height: float) -> Box:
        """The mark's box (mm from the top-left) in ``corner`` of a page of that size."""
        left = self.margin if corner.endswith("left") else page_width - self.margin - self.width
        top = self.margin if corner.startswith("top") else page_height - self.margin - self.height
        return Box(left, top, left + self.width, top + self.height)


def _overlaps(a: Box, b: Box, pad: float = 0.0) -> bool:
    return a.left - pad < b.right and b.left < a.right + pad and a.top - pad < b.bottom and b.top < a.bottom + pad


def free_corner(
    width: float, height: float, obstacles: Sequence[Box], geometry: Geometry, corners: Sequence[str] = CORNERS
) -> str | None:
    """The first of ``corners`` where the mark fits on a page of that size (mm) without touching ``obstacles``."""
    for corner in corners:
        box = geometry.box(corner, width, height)
        if box.left < 0 or box.top < 0 or box.right > width or box.bottom > height:
            continue
        if not any(_overlaps(box, o, CLEARANCE) for o in obstacles):
            return corner
    return None


@dataclass(frozen=True, slots=True)
class _PageInfo:
    """What placing needs of a page: its number, size (mm) and the boxes of its text lines and objects."""

    number: int
    width: float
    height: float
    obstacles: tuple[Box, ...]


@dataclass(frozen=True, slots=True)
class StampResult:
    """What stamping did: the check's verdict, and when stamped, the manifest and the corner of each page."""

    check: RunResult
    manifest: Manifest | None
    corners: tuple[str, ...] = ()

    @property
    def stamped(self) -> bool:
        return self.manifest is not None


def stamp_run(
    run: str | Path,
    entries: list[Entry],
    out: str | Path,
    postal: PostalLookup,
    *,
    window: Box | None = None,
    geometry: Geometry | None = None,
    corners: Sequence[str] = CORNERS,
    force: bool = False,
    key: bytes | None = None,
    run_id: bytes | None = None,
) -> StampResult:
    """Check ``run`` against ``entries`` and, unless the check holds it (or ``force``), write ``out`` with a mark on
    every page (see the module doc). `RunError` for a run that cannot be read, a page without a free corner, or a
    run too large for the marks; nothing is written then."""
    import pypdfium2.raw as raw

    geometry = geometry or Geometry()
    _refuse_stamped(run)
    infos: list[_PageInfo] = []

    rotated: list[int] = []

    def visit(page: object, read: Page) -> None:
        if page.get_rotation():  # type: ignore[attr-defined]
            rotated.append(read.number)
        text = tuple(ln.box for ln in read.lines if ln.box.right > ln.box.left)
        objects = _object_boxes(page, raw, read.width, read.height)
        infos.append(_PageInfo(read.number, read.width, read.height, (*text, *objects)))

    result = check_run(read_pages(run, visit), entries, postal, window)
    if not result.ok and not force:
        return StampResult(result, None)
    if rotated:
        shown = ", ".join(str(n) for n in rotated[:10]) + (" …" if len(rotated) > 10 else "")
        raise RunError(
            rotated[0],
            f"{len(rotated)} page(s) turned by the PDF's /Rotate ({shown}): marks are placed on unturned pages only; "
            "export the run with its pages upright",
            f"{len(rotated)} ページが PDF の /Rotate で回転しています（{shown}）。回転のない PDF で出力してください",
        )
    if len(result.letters) > MAX_LETTERS:
        raise RunError(
            0,
            f"{len(result.letters)} letters: the marks number at most {MAX_LETTERS} letters a run",
            f"{len(result.letters)} 通あります。管理マークは 1 回分 {MAX_LETTERS} 通までです",
        )
    for letter in result.letters:
        if len(letter.pages) > MAX_PAGES:
            raise RunError(
                letter.pages[0],
                f"letter {letter.index} has {len(letter.pages)} pages: the marks number at most {MAX_PAGES}",
                f"{letter.index} 通目が {len(letter.pages)} ページあります。"
                f"管理マークは 1 通 {MAX_PAGES} ページまでです",
            )
    keep_free: dict[int, Box] = {}
    for letter in result.letters:
        if window is None and letter.block is not None:
            b = letter.block.box
            keep_free[letter.pages[0]] = Box(b.left - BLOCK_PAD, b.top - BLOCK_PAD, b.right + BLOCK_PAD,
                                             b.bottom + BLOCK_PAD)  # fmt: skip
    used = _places(infos, keep_free, window, geometry, corners)
    manifest = Manifest(
        run_id or secrets.token_bytes(4),
        key or secrets.token_bytes(16),
        Path(run).name,
        tuple(ManifestLetter(letter.index, letter.pages, letter.recipient) for letter in result.letters),
    )
    marks: dict[int, Mark] = {}
    for m in manifest.letters:
        for i, number in enumerate(m.pages, start=1):
            marks[number] = manifest.mark(m, i)
    _write(run, out, infos, used, marks, geometry, manifest)
    return StampResult(result, manifest, used)


def _refuse_stamped(run: str | Path) -> None:
    """`RunError` when ``run`` already carries a manifest (a stamped PDF stamped again would have two marks)."""
    doc = open_pdf(run)
    try:
        names = [doc.get_attachment(i).get_name() for i in range(doc.count_attachments())]  # type: ignore[attr-defined]
    finally:
        doc.close()  # type: ignore[attr-defined]
    if MANIFEST_NAME in names:
        raise RunError(
            0,
            "the run is already stamped (it carries a manifest of mamori letters stamp): stamp the original",
            "この PDF にはすでに管理マークがあります。管理マークを付ける前の PDF に付けてください",
        )


def _places(
    infos: list[_PageInfo], keep_free: dict[int, Box], window: Box | None, geometry: Geometry, corners: Sequence[str]
) -> tuple[str, ...]:
    """The corner of each page; `RunError` naming the pages where none is free."""
    used: list[str] = []
    blocked: list[int] = []
    for info in infos:
        obstacles = list(info.obstacles)
        if window is not None:
            obstacles.append(window)
        if info.number in keep_free:
            obstacles.append(keep_free[info.number])
        corner = free_corner(info.width, info.height, obstacles, geometry, corners)
        if corner is None:
            blocked.append(info.number)
        used.append(corner or "")
    if blocked:
        shown = ", ".join(str(n) for n in blocked[:10]) + (" …" if len(blocked) > 10 else "")
        raise RunError(
            blocked[0],
            f"no free corner for the mark on {len(blocked)} page(s): {shown} (text, a picture or the window "
            f"in every corner tried; choose another --corner, a smaller --size or --margin)",
            f"{len(blocked)} ページに管理マークを置ける空いた角がありません: {shown}（試したすべての角に文字・画像・"
            "窓があります。--corner・--size・--margin を変えてください）",
        )
    return tuple(used)


def _write(
    run: str | Path,
    out: str | Path,
    infos: list[_PageInfo],
    used: tuple[str, ...],
    marks: dict[int, Mark],
    geometry: Geometry,
    manifest: Manifest,
) -> None:
    """``run`` with the marks, written to ``out`` (through a temporary file: a failure leaves nothing).

    Each page gets two more content streams around its own: ``q`` before (shared by all pages) and ``Q`` then the
    mark after, so whatever state the page's content leaves, the mark is drawn in the page's own coordinates. The
    page's content is not parsed or rewritten (pypdf copies it as it is), which keeps a 3,000-page run fast."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

    def stream(data: bytes) -> object:
        s = DecodedStreamObject()
        s.set_data(data)
        return s.flate_encode()

    try:
        reader = PdfReader(run)
        writer = PdfWriter(clone_from=reader)
        begin = writer._add_object(stream(b"q\n"))  # pypdf has no public call for a new indirect object
        for info, page, corner in zip(infos, writer.pages, used, strict=True):
            box = geometry.box(corner, info.width, info.height)
            ops = _content(_rects(marks[info.number], box, geometry), info.height)
            mark = writer._add_object(stream(b"Q\n" + ops))
            contents = page.get(NameObject("/Contents"))
            target = contents.get_object() if contents is not None else None
            old = list(target) if isinstance(target, ArrayObject) else ([] if contents is None else [contents])
            page[NameObject("/Contents")] = ArrayObject([begin, *old, mark])
        writer.add_attachment(MANIFEST_NAME, manifest.to_json().encode("utf-8"))
        target_path = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=".stamp-", suffix=".pdf", dir=target_path.parent)
        os.close(fd)
        try:
            with open(tmp, "wb") as f:
                writer.write(f)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # as open() would make it (mkstemp's file is private)
            os.replace(tmp, target_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as e:
        if isinstance(e, RunError):
            raise
        en, ja = f"the stamped PDF cannot be written: {e}", f"管理マーク付きの PDF を書けません: {e}"
        raise RunError(0, en, ja) from None


def _content(rects: Iterable[tuple[float, float, float, float]], page_height: float) -> bytes:
    """PDF drawing operators filling ``rects`` (mm from the top-left) in black, in points from the bottom-left."""
    k = 1 / PT_TO_MM
    parts = ["q 0 g"]
    for x, y, w, h in rects:
        parts.append(f"{x * k:.2f} {(page_height - y - h) * k:.2f} {w * k:.2f} {h * k:.2f} re")
    parts.append("f Q\n")
    return "\n".join(parts).encode("ascii")


def _object_boxes(page: object, raw: object, width: float, height: float) -> tuple[Box, ...]:
    """The bounds (mm from the top-left) of the page's objects, inside forms too; large ones left out."""
    import ctypes

    handle = page.raw  # type: ignore[attr-defined]
    out: list[Box] = []
    area = width * height
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = raw.FS_MATRIX()  # type: ignore[attr-defined]

    def visit(obj: object, chain: list[tuple[float, ...]]) -> None:
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:  # type: ignore[attr-defined]
            if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):  # type: ignore[attr-defined]
                return
            inner = [(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), *chain]
            for j in range(raw.FPDFFormObj_CountObjects(obj)):  # type: ignore[attr-defined]
                visit(raw.FPDFFormObj_GetObject(obj, j), inner)  # type: ignore[attr-defined]
            return
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):  # type: ignore[attr-defined]
            return
        pts = [(left.value, bottom.value), (right.value, bottom.value), (left.value, top.value),
               (right.value, top.value)]  # fmt: skip
        for a, b, c, d, e, f in chain:  # the form's space to its parent's, up to the page
            pts = [(a * x + c * y + e, b * x + d * y + f) for x, y in pts]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        box = Box(min(xs) * PT_TO_MM, height - max(ys) * PT_TO_MM, max(xs) * PT_TO_MM, height - min(ys) * PT_TO_MM)
        if (box.right - box.left) * box.height < LARGE * area:
            out.append(box)

    for i in range(raw.FPDFPage_CountObjects(handle)):  # type: ignore[attr-defined]
        visit(raw.FPDFPage_GetObject(handle, i), [])  # type: ignore[attr-defined]
    return tuple(out)


def _rects(mark: Mark, box: Box, geometry: Geometry) -> Iterator[tuple[float, float, float, float]]:
    """The ink of the mark as rectangles (left, top, width, height in mm): the dark modules (runs of a row, the same
    run on the rows below joined into one), then the label."""
    import segno

    matrix = segno.make(encode(mark), error="q", boost_error=False, micro=False).matrix
    u = geometry.module * 25 / len(matrix)
    x0, y0 = box.left + QUIET * u, box.top + QUIET * u
    open_runs: dict[tuple[int, int], int] = {}  # (first column, length) -> first row
    for r, row in enumerate([*matrix, bytearray(len(matrix))]):  # an empty row closes the last runs
        runs: set[tuple[int, int]] = set()
        c = 0
        while c < len(row):
            if row[c]:
                s = c
                while c < len(row) and row[c]:
                    c += 1
                runs.add((s, c - s))
            else:
                c += 1
        for run in [run for run in open_runs if run not in runs]:
            first = open_runs.pop(run)
            yield x0 + run[0] * u, y0 + first * u, run[1] * u, (r - first) * u
        for run in runs:
            open_runs.setdefault(run, r)
    label = mark.label
    p = min(geometry.pixel, (box.right - box.left) / (4 * len(label) - 1))  # a long label in smaller type
    lx = box.left + ((box.right - box.left) - (4 * len(label) - 1) * p) / 2
    ly = box.bottom - 5 * p
    for k, ch in enumerate(label):
        for gy, bits in enumerate(_GLYPHS[ch]):
            for gx, bit in enumerate(bits):
                if bit == "1":
                    yield lx + (4 * k + gx) * p, ly + gy * p, p, p


def read_manifest(path: str | Path) -> Manifest:
    """The manifest of a stamped PDF (its embedded ``mamori-marks.json``) or of a manifest file written by
    ``--manifest``; `MarkError` when there is none, `RunError` for a PDF that cannot be read."""
    data = Path(path).read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        try:
            return manifest_from_json(data.decode("utf-8"))
        except UnicodeDecodeError:
            return manifest_from_json("")
    doc = open_pdf(path)
    try:
        for i in range(doc.count_attachments()):  # type: ignore[attr-defined]
            attachment = doc.get_attachment(i)  # type: ignore[attr-defined]
            if attachment.get_name() == MANIFEST_NAME:
                return manifest_from_json(bytes(attachment.get_data()).decode("utf-8", "replace"))
    finally:
        doc.close()  # type: ignore[attr-defined]
    raise MarkError(
        "the PDF carries no manifest: it was not written by mamori letters stamp",
        "この PDF には管理ファイルがありません（mamori letters stamp で作った PDF ではありません）",
    )
