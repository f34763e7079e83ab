"""A new Word document as a Japanese office prints it: A4 portrait, 20 mm margins, a Japanese font for East Asian text.

python-docx starts from a US Letter template whose fonts name no East Asian face, so Word would pick one by itself
and the page would not be A4. :func:`new_document` sets the page and the ``Normal`` style's fonts (``w:eastAsia``
too); the report (:mod:`mamori.incidents.report_docx`) and the notice letters (:mod:`mamori.incidents.notice_docx`)
start from it. :func:`shade` colours a table cell (python-docx has no API for cell shading).
"""

from __future__ import annotations

import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

LATIN_FONT = "Arial"
JAPANESE_FONT = "游ゴシック"  # Word's Japanese default since 2016; other readers substitute a Japanese gothic face


def new_document(title: str, size: float = 10.5) -> DocxDocument:
    """An empty A4 document titled ``title`` (core properties), ``Normal`` text in ``size`` points."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(size)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), JAPANESE_FONT)
    doc.core_properties.title = title
    doc.core_properties.author = "mamori"
    return doc


def shade(cell: _Cell, rgb: str) -> None:
    """Fill ``cell`` with the colour ``rgb`` (``"FFF2CC"``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), rgb)
    cell._tc.get_or_add_tcPr().append(shd)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the control characters XML cannot hold (python-docx refuses them): each becomes U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)
