"""The nine items of 施行規則8条1項 as an XLSX workbook a company files with its record of the incident.

:func:`report_xlsx` writes one sheet: the heading, the incident's number, the date the workbook was made (the
company's date), the note that the report holds what is known at the time, then one row per item (number, heading,
text from :func:`~mamori.incidents.report.report_items`). The items the officer must still write (二次被害,
再発防止策) keep the marked blank and are shaded, so they are seen. Every text is written as a string: a summary
that starts with ``=`` stays text, never a formula (no spreadsheet formula injection).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from mamori.incidents.report import AS_KNOWN, BLANK, _Task, report_items, report_title

SHEET = "報告事項"
HEADER_ROW = 5  # the table's heading; the items follow on rows 6-14
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP = Alignment(wrap_text=True, vertical="top")
_TO_WRITE = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="D9E1F2")


def _text(ws: Worksheet, row: int, column: int, value: str) -> Cell:
    cell = ws.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"  # a string, even when it starts with "=": never a formula
    return cell


def report_xlsx(incident_id: int, case: dict[str, Any], decision: dict[str, Any], summary: str,
                tasks: Iterable[_Task], made_on: date, *, stage: str | None = None) -> bytes:
    """The workbook's bytes for incident ``incident_id`` (``made_on``: the company's date of today; ``stage``:
    速報 / 確報 in the title)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    title = report_title(decision, stage)
    _text(ws, 1, 1, title).font = Font(bold=True, size=14)
    _text(ws, 2, 1, "事案番号")
    ws.cell(row=2, column=2, value=incident_id)
    _text(ws, 3, 1, "作成日")
    made = ws.cell(row=3, column=2, value=made_on)
    made.number_format = "yyyy-mm-dd"
    _text(ws, 4, 1, AS_KNOWN)
    for column, head in enumerate(("項番", "項目", "内容"), start=1):
        cell = _text(ws, HEADER_ROW, column, head)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD, _BOX
    for n, (head, body) in enumerate(report_items(case, decision, summary, tasks), start=1):
        row = HEADER_ROW + n
        number, _, heading = head.partition(". ")
        ws.cell(row=row, column=1, value=int(number)).border = _BOX
        _text(ws, row, 2, heading).border = _BOX
        cell = _text(ws, row, 3, body)
        cell.border = _BOX
        if BLANK in body:
            cell.fill = _TO_WRITE
        for column in (1, 2, 3):
            ws.cell(row=row, column=column).alignment = _TOP
        ws.row_dimensions[row].height = max(30, 15 * (body.count("\n") + 1 + len(body) // 45))
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 70
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    wb.properties.title = f"{title} 事案 {incident_id}"
    wb.properties.creator = "mamori"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
