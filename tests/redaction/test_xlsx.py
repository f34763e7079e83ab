"""Excel: string and numeric personal data masked (shared strings included), styles, formulas and shape kept."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill

from mamori.redaction import RedactionError, redact
from tests.redaction.conftest import EMAIL, NAME, PHONE

OTHER = "佐藤花子"


def _build() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "顧客"
    ws.append(["氏名", "電話番号", "メール", "生年月日", "数量", "合計"])
    ws.append([NAME, PHONE, EMAIL, dt.datetime(1980, 1, 2), 3, "=E2*2"])
    ws.append([OTHER, 9012345678, "メモなし", None, 5, "=E3*2"])  # a phone typed as a number lost its 0
    ws["A2"].font = Font(bold=True, color="FF0000")
    ws["B2"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["D2"].number_format = "yyyy/mm/dd"
    ws.column_dimensions["A"].width = 30
    book.properties.creator = NAME
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def test_round_trip(detector) -> None:
    source = _build()
    assert NAME in _xml(source) and "9012345678" in _xml(source)
    result = redact(source, "list.xlsx", detector)
    xml = _xml(result.data)  # sharedStrings.xml, sheets, docProps
    for value in (NAME, PHONE, EMAIL, OTHER, "9012345678"):
        assert value not in xml
    ws = openpyxl.load_workbook(io.BytesIO(result.data))["顧客"]
    assert ws.max_row == 3 and ws.max_column == 6
    assert [c.value for c in ws[1]] == ["氏名", "電話番号", "メール", "生年月日", "数量", "合計"]
    assert ws["A2"].value == "山田■■" and ws["A2"].font.b and ws["A2"].font.color.rgb == "00FF0000"
    assert ws["B2"].value == "090-****-****" and ws["B2"].fill.fgColor.rgb == "00FFFF00"
    assert set(ws["B3"].value) == {"*"} and "901234" not in ws["B3"].value
    assert isinstance(ws["D2"].value, str) and "1980" not in ws["D2"].value and ws["D2"].number_format == "yyyy/mm/dd"
    assert ws["E2"].value == 3 and ws["F2"].value == "=E2*2" and ws["C3"].value == "メモなし"
    assert ws.column_dimensions["A"].width == 30
    assert result.masked["PHONE"] == 2 and result.masked["DATE_OF_BIRTH"] == 1


def test_types_limit(detector) -> None:
    result = redact(_build(), "list.xlsx", detector, types=["PERSON"])
    xml = _xml(result.data)
    assert NAME not in xml and OTHER not in xml and EMAIL in xml and PHONE in xml
    assert set(result.masked) == {"PERSON"}


def test_broken(detector) -> None:
    with pytest.raises(RedactionError):
        redact(b"not a zip", "list.xlsx", detector)


def test_rich_text_blocks_keep_their_font(detector) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    book.active["A1"] = CellRichText("担当: ", TextBlock(InlineFont(b=True), NAME[:2]), NAME[2:] + " 様")
    out = io.BytesIO()
    book.save(out)
    result = redact(out.getvalue(), "rich.xlsx", detector)
    assert NAME not in _xml(result.data)
    value = openpyxl.load_workbook(io.BytesIO(result.data), rich_text=True).active["A1"].value
    assert isinstance(value, CellRichText) and str(value) == "担当: 山田■■ 様"
    assert value[1].text == "山田" and value[1].font.b
