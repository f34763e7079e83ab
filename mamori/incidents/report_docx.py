"""The nine items of 施行規則8条1項 as a Word document (DOCX) the company can edit, sign off and file.

:func:`report_docx` writes the same items as the text, the workbook and the PDF (:func:`~mamori.incidents.report.
report_items`; no second copy of what an item says): the heading, the incident's number, the date made (the
company's date), the note that the report holds what is known at the time, then a table of number, heading and
text. The items the officer must still write keep the marked blank and are shaded, and since it is a Word file the
officer writes them in place. Each line of an item is a paragraph of its cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO
from typing import Any

from docx.shared import Mm, Pt

from mamori.incidents.docx_page import new_document, shade, xml_text
from mamori.incidents.report import AS_KNOWN, BLANK, _Task, japanese_date, report_items, report_title

TO_WRITE = "FFF2CC"  # the same shade as the workbook's cells still to write
HEAD = "D9E1F2"


def _fill(cell: Any, text: str) -> None:
    lines = xml_text(text).split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def report_docx(incident_id: int, case: dict[str, Any], decision: dict[str, Any], summary: str,
                tasks: Iterable[_Task], made_on: date, *, stage: str | None = None) -> bytes:
    """The DOCX's bytes for incident ``incident_id`` (``made_on``: the company's date of today; ``stage``: 速報 /
    確報 in the title)."""
    title = report_title(decision, stage)
    doc = new_document(f"{title} 事案 {incident_id}")
    heading = doc.add_paragraph()
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(15)
    doc.add_paragraph(f"事案番号 {incident_id}　　作成日 {japanese_date(made_on)}")
    doc.add_paragraph(AS_KNOWN).runs[0].font.size = Pt(9)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("項番", "項目", "内容"), strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        shade(cell, HEAD)
    for heading_text, body in report_items(case, decision, summary, tasks):
        number, _, name = heading_text.partition(". ")
        cells = table.add_row().cells
        cells[0].text = number
        cells[1].text = xml_text(name)
        _fill(cells[2], body)
        if BLANK in body:
            shade(cells[2], TO_WRITE)
    for row in table.rows:
        for cell, width in zip(row.cells, (Mm(14), Mm(52), Mm(104)), strict=True):
            cell.width = width
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
