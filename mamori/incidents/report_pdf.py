"""The nine items of 施行規則8条1項 as a PDF document a company files with its record of the incident (A4).

:func:`report_pdf` lays out the same items as the text and the workbook (:func:`~mamori.incidents.report.
report_items`; no second copy of what an item says): the heading, the incident's number, the date the document was
made (the company's date), the note that the report holds what is known at the time, then a table of number,
heading and text. Items the officer must still write keep the marked blank and are shaded. The Japanese font is
embedded the way the training certificate does it (:func:`mamori.training.reports.find_cjk_font`: a TrueType
Japanese font of the system, else reportlab's CID font), so the text can be read back and searched.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from mamori.incidents.report import AS_KNOWN, BLANK, _Task, japanese_date, report_items, report_title
from mamori.training.reports import FontChoice, find_cjk_font

_TO_WRITE = "#FFF2CC"  # the same shade as the workbook's cells still to write
_HEAD = "#D9E1F2"


def _para_text(text: str) -> str:
    """``text`` as reportlab paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def report_pdf(incident_id: int, case: dict[str, Any], decision: dict[str, Any], summary: str,
               tasks: Iterable[_Task], made_on: date, *, stage: str | None = None,
               font: FontChoice | None = None) -> bytes:
    """The PDF's bytes for incident ``incident_id`` (``made_on``: the company's date of today; ``stage``: 速報 /
    確報 in the title)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = font or find_cjk_font()
    doc_title = report_title(decision, stage)
    body = ParagraphStyle("body", fontName=font.name, fontSize=9.5, leading=14, wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, fontSize=9.5)
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=20, spaceAfter=6)
    note = ParagraphStyle("note", parent=body, fontSize=9, textColor=colors.HexColor("#444444"))

    rows: list[list[Any]] = [[Paragraph("項番", head), Paragraph("項目", head), Paragraph("内容", head)]]
    shaded = []
    for n, (heading, text) in enumerate(report_items(case, decision, summary, tasks), start=1):
        number, _, name = heading.partition(". ")
        rows.append([Paragraph(number, body), Paragraph(_para_text(name), body), Paragraph(_para_text(text), body)])
        if BLANK in text:
            shaded.append(n)
    width = A4[0] - 36 * mm
    # splitInRow: an item longer than a page (a long summary) runs on to the next page instead of failing
    table = Table(rows, colWidths=[12 * mm, 52 * mm, width - 64 * mm], repeatRows=1, splitInRow=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_HEAD)),
    ]
    style += [("BACKGROUND", (2, n), (2, n), colors.HexColor(_TO_WRITE)) for n in shaded]
    table.setStyle(TableStyle(style))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font.name, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"事案 {incident_id} — {doc.page}")
        canvas.restoreState()

    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"{doc_title} 事案 {incident_id}", author="mamori",
                            pageCompression=1)
    doc.build([
        Paragraph(escape(doc_title), title),
        Paragraph(f"事案番号 {incident_id}　　作成日 {japanese_date(made_on)}", body),
        Paragraph(escape(AS_KNOWN), note),
        Spacer(1, 4 * mm),
        table,
    ], onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
