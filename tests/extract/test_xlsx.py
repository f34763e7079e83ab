"""The streaming xlsx reader: shared and inline strings, date styles, booleans, hidden sheets, safety, row sample.

Workbooks are written part by part here (as Excel writes them: shared strings with phonetic runs, Japanese date
formats), besides openpyxl's own output in test_documents.py.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from mamori.extract import CELL, DEFAULT_LIMITS, Limits, extract
from mamori.extract.sheetxml import is_date_format, row_sample
from tests.extract import builders

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(
    sheets: list[tuple[str, str, str]], shared: list[str] | None = None, styles: str = "", date1904: bool = False
) -> bytes:
    """An .xlsx from raw parts: ``sheets`` are (name, state, sheet XML); ``shared`` are <si> inner XML."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{OFFICE}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        rels = [
            f'<Relationship Id="rId{i}" Type="{OFFICE}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        ]
        rels.append(f'<Relationship Id="rS" Type="{OFFICE}/styles" Target="styles.xml"/>')
        if shared is not None:
            rels.append(f'<Relationship Id="rT" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>')
            items = "".join(f"<si>{s}</si>" for s in shared)
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {NS}>{items}</sst>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>')
        entries = "".join(
            f'<sheet name="{name}" sheetId="{i}" state="{state}" r:id="rId{i}"/>'
            for i, (name, state, _) in enumerate(sheets, start=1)
        )
        pr = '<workbookPr date1904="1"/>' if date1904 else ""
        z.writestr("xl/workbook.xml", f"<workbook {NS} {RNS}>{pr}<sheets>{entries}</sheets></workbook>")
        z.writestr("xl/styles.xml", f"<styleSheet {NS}>{styles}</styleSheet>")
        for i, (_, _, xml) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
    return buf.getvalue()


def sheet(rows: str, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if prefix else NS
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f"{head}<{p}worksheet {ns}><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"


STYLES = (
    '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="177" formatCode="#,##0&quot;円&quot;"/></numFmts>'
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/>'
    '<xf numFmtId="57"/><xf numFmtId="21"/></cellXfs>'
)


def cells(result) -> dict[str, str]:
    return {f"{u.location.sheet}!{u.location.cell}": u.text for u in result.units if u.kind == CELL}


def test_shared_strings_phonetic_runs_dates_numbers_booleans() -> None:
    shared = [
        "<t>氏名</t>",
        "<t>生年月日</t>",
        "<t>金額</t>",
        "<t>会員</t>",
        "<t>山田太郎</t><rPh sb=\"0\" eb=\"2\"><t>ヤマダタロウ</t></rPh>",  # the reading is not shown in the cell
        "<r><rPr><b/></rPr><t>佐藤</t></r><r><t xml:space=\"preserve\"> 花子</t></r>",  # rich text runs
    ]
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>時刻</t></is></c></row>'
        '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>32964</v></c><c r="C2" s="3"><v>12000</v></c>'
        '<c r="D2" t="b"><v>1</v></c><c r="E2" s="5"><v>0.5</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" s="2"><v>31412</v></c><c r="C4"><v>1234.5</v></c>'
        '<c r="D4" t="b"><v>0</v></c><c r="E4" t="e"><v>#N/A</v></c></row>'
        '<row r="5"><c r="A5" t="inlineStr"><is><t>鈴木一郎</t></is></c><c r="B5" s="4"><v>29000</v></c>'
        '<c r="C5"><f>SUM(C2:C4)</f><v>13234.5</v></c><c r="D5" t="str"><f>"x"</f><v>はい</v></c></row>'
    )
    result = extract(workbook([("名簿", "visible", sheet(rows))], shared, STYLES), "名簿.xlsx")
    assert result.complete, result.issues
    got = cells(result)
    assert got["名簿!A2"] == "山田太郎"
    assert got["名簿!A4"] == "佐藤 花子"
    assert got["名簿!B2"] == "1990/04/01"  # built-in 14 (m/d/yyyy; yyyy/m/d in Japan)
    assert got["名簿!B4"] == "1985/12/31"  # yyyy"年"m"月"d"日"
    assert got["名簿!B5"] == "1979/05/25"  # built-in 57, the Japanese era format
    assert got["名簿!C2"] == "12000"  # a number format that is not a date (円) leaves the number
    assert got["名簿!C4"] == "1234.5"
    assert got["名簿!C5"] == "13234.5"  # the cached value of a formula
    assert got["名簿!D5"] == "はい"
    assert (got["名簿!D2"], got["名簿!D4"], got["名簿!E4"]) == ("True", "False", "#N/A")
    assert got["名簿!E2"] == "12:00:00"
    table = result.tables[0]
    assert table.header == ("氏名", "生年月日", "金額", "会員", "時刻")
    assert [r.number for r in table.rows] == [2, 4, 5]
    assert {u.location.header for u in result.units if u.location.cell == "B4"} == {"生年月日"}


def test_1904_epoch_and_hidden_sheets_and_prefixed_tags() -> None:
    rows = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>秘密</x:t></x:is></x:c>'
        '<x:c r="B1" s="1"><x:v>1</x:v></x:c></x:row>'
    )
    data = workbook(
        [
            ("表", "visible", sheet('<row r="1"><c r="A1" s="1"><v>31777</v></c></row>')),
            ("隠し", "hidden", sheet(rows, prefix="x")),
            ("極秘", "veryHidden", sheet('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>7</v></c></row>')),
        ],
        styles=STYLES,
        date1904=True,
    )
    result = extract(data, "x.xlsx")
    got = cells(result)
    assert got["表!A1"] == "1991/01/01"  # 31777 days after 1904-01-01
    assert got["隠し!A1"] == "秘密" and got["隠し!B1"] == "1904/01/02"
    assert got["極秘!A1"] == "a" and got["極秘!B1"] == "7"  # rows and cells without r numbers
    assert [t.location.sheet for t in result.tables] == ["表", "隠し", "極秘"]


def test_doctype_and_entities_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    result = extract(workbook([("S", "visible", bomb)]), "x.xlsx")
    assert {i.code for i in result.issues} == {"corrupt"}
    assert not [u for u in result.units if u.kind == CELL]
    doctype = '<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    strings = f'<?xml version="1.0"?>{doctype}<sst {NS}><si><t>&e;</t></si></sst>'
    data = workbook([("S", "visible", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))], shared=[])
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/sharedStrings.xml"] = strings.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for name, content in parts.items():
            dst.writestr(name, content)
    result = extract(buf.getvalue(), "x.xlsx")
    assert {i.code for i in result.issues} == {"corrupt"}
    assert "root:" not in result.text


def test_row_sample_reads_head_and_spread_and_counts_the_rest() -> None:
    header = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>氏名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>電話</t></is></c></row>'
    )
    body = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>名{n}</t></is></c><c r="B{n}"><v>{n}</v></c></row>'
        for n in range(2, 1002)
    )
    empty = "".join(f'<row r="{n}" ht="20" customHeight="1"><c r="A{n}" s="1"/></row>' for n in range(1002, 2002))
    data = workbook([("S", "visible", sheet(header + body + empty))], styles=STYLES)
    full = extract(data, "x.xlsx")
    assert full.complete and len(full.tables[0].rows) == 1000 and full.tables[0].total_rows is None
    sampled = extract(data, "x.xlsx", limits=replace(DEFAULT_LIMITS, sample_rows=40))
    table = sampled.tables[0]
    assert {i.code for i in sampled.issues} == {"sampled"}
    assert table.header == ("氏名", "電話")
    numbers = [r.number for r in table.rows]
    assert numbers[:5] == [2, 3, 4, 5, 6] and max(numbers) > 900  # the first rows, then spread to the end
    assert len(numbers) < 45
    # rows with a value, estimated from the spread picks: not the 1,000 formatted empty rows at the end
    assert 850 <= table.total_rows <= 1150
    assert all(u.text == f"名{u.location.row}" for u in sampled.units if u.location.column == 1)


def test_row_sample_falls_back_to_a_whole_read() -> None:
    rows = "".join(f"<row><c t=\"inlineStr\"><is><t>v{n}</t></is></c><c><v>{n}</v></c></row>" for n in range(300))
    assert row_sample(sheet(rows).encode(), 40) is None  # rows without numbers: only a whole parse knows them
    commented = sheet("<!-- <row r=\"9\"> -->" + rows.replace("<row>", '<row r="1">'))
    assert row_sample(commented.encode(), 40) is None
    small = sheet('<row r="1"><c r="A1"><v>1</v></c></row>')
    assert row_sample(small.encode(), 40) is None
    result = extract(workbook([("S", "visible", sheet(rows))]), "x.xlsx", limits=Limits(sample_rows=40))
    assert len(result.tables[0].rows) == 40 and result.tables[0].total_rows == 300  # emit_rows' own sample
    assert [r.number for r in result.tables[0].rows][:3] == [1, 2, 3]


def test_limits_still_apply() -> None:
    data = builders.xlsx({"S": [["氏名", "電話"]] + [[f"名{i}", str(i)] for i in range(50)]})
    assert "truncated" in {i.code for i in extract(data, "x.xlsx", limits=Limits(max_rows=10)).issues}
    assert "too_large" in {i.code for i in extract(data, "x.xlsx", limits=Limits(max_total_bytes=1000)).issues}


def test_date_format_codes() -> None:
    assert is_date_format('yyyy"年"m"月"d"日"') and is_date_format("[$-ja-JP]ggge年m月d日") and is_date_format("h:mm")
    assert not is_date_format('#,##0"円"') and not is_date_format("General") and not is_date_format("0.00%")
    assert not is_date_format('[Red]#,##0;"-"') and not is_date_format("0.00E+00") and not is_date_format("##0.0E-0")


def test_row_sample_reads_far_shared_strings_alone() -> None:
    n = 6000
    shared = ["<t>氏名</t>", "<t>電話</t>"] + [
        f'<t>名{i}</t><rPh sb="0" eb="1"><t>メイ</t></rPh>' if i % 2 else f"<r><t>名</t></r><r><t>{i}</t></r>"
        for i in range(2, n + 2)
    ]
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' + "".join(
        f'<row r="{i}"><c r="A{i}" t="s"><v>{i}</v></c><c r="B{i}"><v>{i}</v></c></row>' for i in range(2, n + 2)
    )
    data = workbook([("S", "visible", sheet(rows))], shared)
    sampled = extract(data, "x.xlsx", limits=Limits(sample_rows=40))
    names = {u.location.row: u.text for u in sampled.units if u.location.column == 1}
    assert max(names) > n - 500 and all(text == f"名{row}" for row, text in names.items())
    assert sampled.tables[0].total_rows == n


def test_same_cells_as_openpyxl_reads() -> None:
    """The streaming reader gives what openpyxl's read-only mode gives (values as cell_text renders them)."""
    import datetime as dt

    import openpyxl

    from mamori.extract.sheetxml import cell_text

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "A"
    ws.append(["氏名", "生年月日", "時刻", "金額", "真偽", "式", "和暦", "&<>\"'"])
    ws.append(["山田", dt.datetime(1990, 4, 1), dt.time(12, 30), 1234.5, True, "=1+2", dt.date(2001, 2, 3), "a&b<c>"])
    ws["G2"].number_format = '[$-ja-JP]ggge"年"m"月"d"日"'
    ws["B3"] = dt.datetime(2020, 1, 2, 3, 4, 5)
    ws["D3"] = 10**16
    ws["D4"] = 0.1
    ws["E4"] = False
    ws["A10"] = "  空白  "
    ws["H12"] = -3
    hidden = wb.create_sheet("hidden")
    hidden.sheet_state = "hidden"
    hidden.append(["x", "y"])
    hidden.append([1, 2.5])
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    expected: dict[str, str] = {}
    reference = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    for sheet in reference.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if getattr(cell, "value", None) is not None and cell_text(cell.value).strip():
                    expected[f"{sheet.title}!{cell.coordinate}"] = cell_text(cell.value).strip()
    got = {f"{u.location.sheet}!{u.location.cell}": u.text for u in extract(data, "x.xlsx").units if u.kind == CELL}
    header_cells = {k: v for k, v in expected.items() if k not in got}
    assert {k: v for k, v in expected.items() if k in got} == got
    assert set(header_cells) == {f"A!{c}1" for c in "ABCDEFGH"} | {"hidden!A1", "hidden!B1"}  # headers: context
