"""Word: values gone from every XML part, runs keep their formatting, tables/headers/footers handled."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from mamori.redaction import RedactionError, redact
from tests.redaction.conftest import EMAIL, NAME, PHONE

OTHER = "佐藤花子"
PLAIN = "会議は明日の10時からです。"


def _build() -> bytes:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("担当: ")
    p.add_run(NAME[:2]).bold = True  # a name split over a bold and a plain run
    p.add_run(NAME[2:])
    p.add_run(f" 電話 {PHONE}").italic = True
    d.add_paragraph(PLAIN)
    table = d.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["氏名", "メール", OTHER, EMAIL], strict=True):
        cell.text = text
    d.sections[0].header.paragraphs[0].text = f"連絡先 {PHONE}"
    d.sections[0].footer.paragraphs[0].text = f"メール: {EMAIL}"
    d.core_properties.author = NAME
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels")))


def test_round_trip(detector) -> None:
    source = _build()
    assert NAME in _xml(source) and PHONE in _xml(source)
    result = redact(source, "letter.docx", detector)
    xml = _xml(result.data)
    for value in (NAME, PHONE, EMAIL, OTHER):
        assert value not in xml
    d = docx.Document(io.BytesIO(result.data))
    runs = d.paragraphs[0].runs
    assert [r.text for r in runs[:3]] == ["担当: ", "山田", "■■"]
    assert runs[1].bold and not runs[2].bold and runs[3].italic
    assert runs[3].text.endswith("090-****-****")  # a phone keeps its first group only
    assert d.paragraphs[1].text == PLAIN
    assert len(d.paragraphs) == 2 and len(d.tables[0].rows) == 2 and len(d.tables[0].columns) == 2
    assert d.tables[0].cell(0, 0).text == "氏名"
    assert PHONE not in d.sections[0].header.paragraphs[0].text
    assert d.sections[0].footer.paragraphs[0].text.startswith("メール: t")
    assert result.masked["PERSON"] >= 2 and result.masked["EMAIL"] == 2 and result.masked["PHONE"] == 2


def test_types_limit(detector) -> None:
    xml = _xml(redact(_build(), "letter.docx", detector, types=["EMAIL"]).data)
    assert EMAIL not in xml and PHONE in xml and OTHER in xml


def test_type_style_changes_length(detector) -> None:
    d = docx.Document(io.BytesIO(redact(_build(), "letter.docx", detector, style="type").data))
    assert d.paragraphs[0].text.startswith("担当: <PERSON> 電話 <PHONE>")
    assert d.paragraphs[0].runs[1].bold


def test_broken(detector) -> None:
    with pytest.raises(RedactionError):
        redact(b"PK\x03\x04 not really", "broken.docx", detector)
    with pytest.raises(RedactionError):
        redact(_xlsx_bytes(), "wrong.docx", detector)


def _xlsx_bytes() -> bytes:
    import openpyxl

    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


def test_hyperlink_text_and_target(detector) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    p = d.add_paragraph("連絡先: ")
    r_id = d.part.relate_to(f"mailto:{EMAIL}", RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:t>{EMAIL}</w:t></w:r></w:hyperlink>')
    p._p.append(link)
    out = io.BytesIO()
    d.save(out)
    result = redact(out.getvalue(), "link.docx", detector)
    xml = _xml(result.data)
    assert EMAIL not in xml and "mailto:t***" in xml


def test_comment_text_and_author(detector) -> None:
    d = docx.Document()
    p = d.add_paragraph("本文です。")
    d.add_comment(p.runs, text=f"{NAME}さんに確認 {PHONE}", author=OTHER, initials="SH")
    out = io.BytesIO()
    d.save(out)
    xml = _xml(redact(out.getvalue(), "c.docx", detector).data)
    assert NAME not in xml and PHONE not in xml and OTHER not in xml and "本文です。" in xml
