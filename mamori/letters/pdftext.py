"""Shell: a print run's PDF -> `Page` values (lines of its text layer with their boxes), read with pypdfium2.

Pages are read one at a time and closed, so a 3,000-page run stays small in memory. An encrypted, broken or
unreadable PDF is a `RunError` naming the page where it stopped (0: the file as a whole); never a traceback.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from mamori.letters.model import Box, Line, Page

PT_TO_MM = 25.4 / 72
GAP_MM = 8.0  # a wider gap between words of one baseline splits the line


class RunError(ValueError):
    """The run cannot be read: ``page`` counts from 1 (0 for the file as a whole)."""

    def __init__(self, page: int, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.page = page
        self.message_en = message_en
        self.message_ja = message_ja


def open_pdf(path: str | Path) -> object:
    """The pypdfium2 document of ``path``; `RunError` when it is encrypted, not a PDF or broken."""
    import pypdfium2 as pdfium

    data = Path(path).read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise RunError(0, "not a PDF file", "PDF ファイルではありません")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower() or "security" in str(e).lower():
            raise RunError(
                0,
                "the PDF is encrypted (password protected): export the run without a password",
                "PDF が暗号化（パスワード保護）されています。パスワードなしで出力し直してください",
            ) from None
        raise RunError(0, f"the PDF is broken: {e}", f"PDF が壊れています: {e}") from None
    if len(doc) == 0:
        doc.close()
        raise RunError(0, "the PDF has no pages", "PDF にページがありません")
    return doc


def read_pages(path: str | Path, visit: Callable[[object, Page], None] | None = None) -> Iterator[Page]:
    """Every page of the run at ``path``, in order (see the module doc); ``visit`` is called with each pypdfium2
    page and its `Page` before the page is closed (to read more of it in the same pass)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = open_pdf(path)
    try:
        for i in range(len(doc)):  # type: ignore[arg-type]
            try:
                page = doc[i]  # type: ignore[index]
                try:
                    width, height = page.get_size()
                    textpage = page.get_textpage()
                    try:
                        lines = _lines(textpage, raw, height)
                    finally:
                        textpage.close()
                    read = Page(i + 1, width * PT_TO_MM, height * PT_TO_MM, lines)
                    if visit is not None:
                        visit(page, read)
                finally:
                    page.close()
            except pdfium.PdfiumError as e:
                n = i + 1
                raise RunError(n, f"page {n} cannot be read: {e}", f"{n} ページ目が読めません: {e}") from None
            yield read
    finally:
        doc.close()  # type: ignore[attr-defined]


def _lines(textpage: object, raw: object, page_height: float) -> tuple[Line, ...]:
    """The text layer's lines and boxes: each box the union of the tight boxes of a sample of its characters (all of
    them in a short line such as an address block's; first, last and about a dozen between in a long one)."""
    text: str = textpage.get_text_range()  # type: ignore[attr-defined]
    count: int = textpage.count_chars()  # type: ignore[attr-defined]
    if not text.strip():
        return ()
    handle = textpage.raw  # type: ignore[attr-defined]
    get_box = raw.FPDFText_GetCharBox  # type: ignore[attr-defined]
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    aligned = len(text) == count  # one character of text per character of the page (no surrogate pairs)

    def box_of(start: int, end: int) -> Box | None:
        if not aligned:
            return None
        indices = [j for j in range(start, end) if not text[j].isspace()]
        if not indices:
            return None
        step = max(1, len(indices) // 12)
        sample = {indices[0], indices[-1], *indices[::step]}
        found: Box | None = None
        for j in sorted(sample):
            b = char_box(j)
            if b is None or (b.right <= b.left and b.bottom <= b.top):
                continue
            found = b if found is None else found.union(b)
        return found

    def char_box(j: int) -> Box | None:
        if not get_box(handle, j, left, right, bottom, top):
            return None
        return Box(
            left.value * PT_TO_MM,
            (page_height - top.value) * PT_TO_MM,
            right.value * PT_TO_MM,
            (page_height - bottom.value) * PT_TO_MM,
        )

    def pieces(start: int, end: int) -> list[tuple[int, int]]:
        """A line split where a space stands for a wide gap (a name and a date on one baseline)."""
        if not aligned:
            return [(start, end)]
        out: list[tuple[int, int]] = []
        begin = start
        for m in re.finditer(r"\s+", text[start:end]):
            a, b = start + m.start() - 1, start + m.end()
            if a < begin or b >= end:
                continue
            ba, bb = char_box(a), char_box(b)
            if ba and bb and bb.left - ba.right > max(GAP_MM, 2.5 * max(ba.height, bb.height)):
                out.append((begin, a + 1))
                begin = b
        out.append((begin, end))
        return out

    lines: list[Line] = []
    pos = 0
    for raw_line in text.split("\r\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 2
        parts = raw_line.split("\n") if "\n" in raw_line else [raw_line]
        sub = start
        for part in parts:
            for a, b in pieces(sub, sub + len(part)) if part.strip() else ():
                if text[a:b].strip():
                    box = box_of(a, b)
                    lines.append(Line(text[a:b].strip(), box or Box(0.0, 0.0, 0.0, 0.0)))
            sub += len(part) + 1
    return tuple(lines)
