"""Office documents and PDF: text with page/sheet/cell/paragraph/slide locations; tables with headers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from mamori.extract import CELL, Limits, extract
from tests.extract import builders


def codes(result) -> set[str]:
    return {i.code for i in result.issues}


def test_xlsx_header_gives_cells_context_and_rows_count_records() -> None:
    data = builders.xlsx(
        {
            "顧客": [
                ["顧客名簿 2024年度"],
                [],
                ["氏名", "電話番号", "生年月日", "備考"],
                ["山田太郎", "03-1234-5678", dt.datetime(1990, 4, 1), None],
                ["佐藤花子", 9012345678, None, "VIP"],
                ["鈴木一郎", None, dt.date(1985, 12, 31), None],
            ],
            "隠し": [["Name", "Phone"], ["John Smith", "555-0100"]],
        }
    )
    result = extract(data, "名簿.xlsx")
    assert result.format == "xlsx" and result.complete
    first, second = result.tables
    assert first.location.sheet == "顧客" and first.header == ("氏名", "電話番号", "生年月日", "備考")
    assert first.header_row == 3
    assert [r.number for r in first.rows] == [4, 5, 6]
    cells = {(u.location.cell, u.location.header): u.text for u in result.units if u.kind == CELL}
    assert cells[("A4", "氏名")] == "山田太郎"
    assert cells[("C4", "生年月日")] == "1990/04/01"
    assert cells[("B5", "電話番号")] == "9012345678"
    assert cells[("C6", "生年月日")] == "1985/12/31"
    assert second.header == ("Name", "Phone")
    title = [u for u in result.units if u.text == "顧客名簿 2024年度"]
    assert title and title[0].location.row == 1
    # records: rows that hold a cell, grouped by (table, row)
    records = {(u.location.table, u.location.row) for u in result.units if u.kind == CELL}
    assert len(records) == 4


def test_xlsx_without_header_row() -> None:
    data = builders.xlsx({"S": [["山田太郎", "03-1234-5678"], ["佐藤花子", "090-0000-1111"]]})
    result = extract(data, "x.xlsx")
    assert result.tables[0].header == ()
    assert [r.number for r in result.tables[0].rows] == [1, 2]
    assert all(u.location.header is None for u in result.units if u.kind == CELL)


def test_xlsx_row_limit() -> None:
    data = builders.xlsx({"S": [["氏名", "電話"]] + [[f"名{i}", str(i)] for i in range(50)]})
    result = extract(data, "x.xlsx", limits=Limits(max_rows=10))
    assert "truncated" in codes(result)


def test_docx_paragraphs_tables_headers() -> None:
    data = builders.docx(
        ["山田太郎様", "住所：東京都港区1-2-3"], [["氏名", "電話"], ["鈴木", "090-1111-2222"]], "社外秘 担当 佐藤"
    )
    result = extract(data, "手紙.docx")
    assert result.format == "docx" and result.complete
    paragraphs = [(u.location.paragraph, u.text) for u in result.units if u.kind == "text" and u.location.field is None]
    assert paragraphs[:2] == [(1, "山田太郎様"), (2, "住所：東京都港区1-2-3")]
    assert result.tables[0].header == ("氏名", "電話")
    assert [(u.location.header, u.text) for u in result.units if u.kind == CELL] == [
        ("氏名", "鈴木"),
        ("電話", "090-1111-2222"),
    ]
    assert any(u.text == "社外秘 担当 佐藤" and u.location.field == "word/header1.xml" for u in result.units)


def test_pptx_slides_and_notes() -> None:
    data = builders.pptx([["提案書"], ["担当：山田太郎", "TEL 03-1234-5678"]], notes={1: "鈴木様へ 090-9999-8888"})
    result = extract(data, "deck.pptx")
    assert result.format == "pptx" and result.complete
    found = [(u.location.slide, u.location.field, u.text) for u in result.units]
    assert (1, None, "提案書") in found
    assert (2, None, "TEL 03-1234-5678") in found
    assert (2, "notes", "鈴木様へ 090-9999-8888") in found


def test_pptx_slide_limit() -> None:
    data = builders.pptx([[f"slide {i}"] for i in range(5)])
    result = extract(data, "deck.pptx", limits=Limits(max_pages=2))
    assert "pages" in codes(result)
    assert max(u.location.slide or 0 for u in result.units) == 2


def test_docx_embedded_workbook_is_extracted() -> None:
    outer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(builders.docx(["本文"]))) as src, zipfile.ZipFile(outer, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/embeddings/Book1.xlsx", builders.xlsx({"S": [["氏名", "住所"], ["高橋", "大阪府"]]}))
    result = extract(outer.getvalue(), "x.docx")
    cells = [u for u in result.units if u.kind == CELL]
    assert next((c.location.path, c.location.header, c.text) for c in cells) == (
        ("word/embeddings/Book1.xlsx",),
        "氏名",
        "高橋",
    )


def test_office_bomb_part_is_refused() -> None:
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(builders.xlsx({"S": [["a"]]}))) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item), zipfile.ZIP_DEFLATED)
        dst.writestr("xl/sharedStrings2.xml", b"\x00" * (8 << 20), zipfile.ZIP_DEFLATED)
    result = extract(buf.getvalue(), "x.xlsx")
    assert "ratio" in codes(result)


def test_pdf_japanese_cid_text_by_page() -> None:
    data = builders.pdf([["氏名：山田太郎", "電話番号：03-1234-5678"], ["住所：東京都千代田区丸の内１－１"]])
    result = extract(data, "申込書.pdf")
    assert result.format == "pdf" and result.complete
    pages = {u.location.page: u.text for u in result.units}
    assert "山田太郎" in pages[1] and "03-1234-5678" in pages[1]
    assert "東京都千代田区丸の内" in pages[2]


def test_pdf_scanned_page_reported() -> None:
    result = extract(builders.pdf([["表紙"]], image_page=True), "scan.pdf")
    assert codes(result) == {"image"}
    assert "2" in result.issues[0].message


def test_pdf_page_limit() -> None:
    result = extract(builders.pdf([[f"page {i}"] for i in range(5)]), "p.pdf", limits=Limits(max_pages=3))
    assert "pages" in codes(result)
    assert sorted(u.location.page for u in result.units) == [1, 2, 3]


def test_pdf_encrypted_with_password() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(builders.pdf([["秘密"]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    result = extract(buf.getvalue(), "locked.pdf")
    assert codes(result) == {"encrypted"}
    assert not result.units


def test_broken_documents_are_issues() -> None:
    for name, data in [
        ("a.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"),
        ("a.docx", builders.docx(["x"])[:300]),
        ("a.xlsx", builders.xlsx({"S": [["x"]]})[:-200]),
        ("a.pptx", b"PK\x03\x04" + b"\x00" * 100),
    ]:
        result = extract(data, name)
        assert not result.complete, name
        assert codes(result) <= {"corrupt", "unsupported"}, (name, result.issues)


def test_form_of_label_value_rows_gives_each_value_its_label() -> None:
    form = [["氏名", "山田太郎"], ["住所", "東京都港区芝公園4-2-8"], ["電話番号", "03-1234-5678"], ["備考", ""]]
    result = extract(builders.docx(["申込書"], form), "申込書.docx")
    table = result.tables[0]
    assert table.key_value and table.header == ()
    cells = {u.location.header: u.text for u in result.units if u.kind == CELL and u.location.column == 2}
    assert cells == {"氏名": "山田太郎", "住所": "東京都港区芝公園4-2-8", "電話番号": "03-1234-5678"}


def test_pdf_with_owner_password_only_is_read() -> None:
    """Permission-restricted PDFs (printing forbidden, empty user password, AES) are common and readable."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(builders.pdf([["氏名：山田太郎"]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    result = extract(buf.getvalue(), "restricted.pdf")
    assert result.complete
    assert "山田太郎" in result.units[0].text
