"""The nine items of 規則8条1項 as PDF and DOCX, read back (pypdf, pypdfium2, python-docx) and compared with the items
the text and the workbook hold: the same words, in order, the blanks marked, the officer's words as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO

import pypdfium2
import pytest
from docx import Document
from pypdf import PdfReader

from mamori.incidents import assess, parse_case
from mamori.incidents.case import case_to_json
from mamori.incidents.explain import to_json
from mamori.incidents.report import AS_KNOWN, BLANK, TITLE, report_items
from mamori.incidents.report_docx import TO_WRITE, report_docx
from mamori.incidents.report_pdf import report_pdf
from mamori.training.reports import find_cjk_font


@dataclass
class T:
    kind: str
    required: bool = True
    done_at: datetime | None = None


CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "unauthorized_access", "persons": 1234,
        "data": ["PERSON", "CREDIT_CARD", "SENSITIVE:medical"], "malicious": True}
TASKS = [T("preliminary"), T("final"), T("notify_individuals", done_at=datetime(2026, 12, 3, tzinfo=UTC))]
SUMMARY = "ECサイトの決済画面が改ざんされ、<script> & 入力内容が外部へ送られていた。\n12月1日 深夜に遮断。"


def _args(summary: str = SUMMARY) -> tuple[dict[str, object], dict[str, object], str]:
    case = parse_case(CASE)
    return case_to_json(case), to_json("x", assess(case)), summary


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _items() -> list[tuple[str, str]]:
    case, decision, summary = _args()
    return report_items(case, decision, summary, TASKS)


def test_the_pdf_holds_the_nine_items_in_order_in_japanese() -> None:
    case, decision, summary = _args()
    data = report_pdf(7, case, decision, summary, TASKS, date(2026, 12, 4))
    assert data.startswith(b"%PDF")
    reader = PdfReader(BytesIO(data))
    text = _squash("".join(page.extract_text() for page in reader.pages))
    assert _squash(TITLE) in text and "事案番号7" in text and "作成日2026年12月4日" in text
    assert _squash(AS_KNOWN) in text
    at = 0
    for heading, body in _items():
        name = heading.partition(". ")[2]
        found = text.find(_squash(name), at)
        assert found >= 0, name
        at = found
        found = text.find(_squash(body), at)
        assert found >= 0, body  # each item's text after its heading, in the order of 規則8条1項
        at = found
    assert "<script>&入力内容" in text and "1,234人" in text and "要配慮個人情報" in text
    assert reader.metadata is not None and reader.metadata.title == f"{TITLE} 事案 7"


def test_the_pdf_reads_back_the_same_with_pdfium() -> None:
    case, decision, summary = _args()
    pdf = pypdfium2.PdfDocument(report_pdf(7, case, decision, summary, TASKS, date(2026, 12, 4)))
    text = _squash("".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    for heading, body in _items():
        assert _squash(heading.partition(". ")[2]) in text and _squash(body) in text


def test_the_pdf_embeds_the_japanese_font_when_the_system_has_one() -> None:
    font = find_cjk_font()
    if not font.embedded:
        pytest.skip("no TrueType Japanese font on this system (the CID fallback is not embedded)")
    case, decision, summary = _args()
    reader = PdfReader(BytesIO(report_pdf(1, case, decision, summary, TASKS, date(2026, 12, 4), font=font)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/FontDescriptor"].get_object() for f in fonts.values()
                   if "/FontDescriptor" in f.get_object()]
    assert any("/FontFile2" in d for d in descriptors)  # the TrueType file is in the PDF


def test_a_long_summary_runs_onto_more_pages_and_keeps_every_word() -> None:
    long = "\n".join(f"{i}行目: 調査の経過を記録した。" for i in range(200))
    case, decision, _ = _args()
    reader = PdfReader(BytesIO(report_pdf(3, case, decision, long, TASKS, date(2026, 12, 4))))
    assert len(reader.pages) > 1
    text = _squash("".join(page.extract_text() for page in reader.pages))
    assert "0行目" in text and "199行目:調査の経過を記録した。" in text and "その他参考となる事項" in text


def test_the_docx_holds_the_nine_items_as_a_table() -> None:
    case, decision, summary = _args()
    doc = Document(BytesIO(report_docx(7, case, decision, summary, TASKS, date(2026, 12, 4))))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == TITLE and "事案番号 7" in paragraphs[1] and "作成日 2026年12月4日" in paragraphs[1]
    assert AS_KNOWN in paragraphs
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["項番", "項目", "内容"]
    assert [(f"{n}. {h}", body) for n, h, body in rows[1:]] == _items()  # the same words, line breaks kept
    assert doc.core_properties.title == f"{TITLE} 事案 7"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4, not US Letter


def test_the_docx_shades_the_items_to_write_and_drops_control_characters() -> None:
    case, decision, _ = _args()
    doc = Document(BytesIO(report_docx(2, case, decision, "発覚\x07の経緯\x00", TASKS, date(2026, 12, 4))))
    rows = doc.tables[0].rows[1:]
    shaded = [i + 1 for i, row in enumerate(rows) if TO_WRITE in row.cells[2]._tc.xml]
    assert shaded == [n for n, (_, body) in enumerate(_items(), start=1) if BLANK in body] == [5, 7, 8]
    assert "発覚\ufffdの経緯\ufffd" in rows[0].cells[2].text


def test_without_a_truetype_font_the_cid_font_still_gives_searchable_japanese() -> None:
    font = find_cjk_font(candidates=())  # as on a system without a Japanese TrueType font
    assert not font.embedded
    case, decision, summary = _args()
    reader = PdfReader(BytesIO(report_pdf(4, case, decision, summary, TASKS, date(2026, 12, 4), font=font)))
    text = _squash("".join(page.extract_text() for page in reader.pages))
    for heading, body in _items():
        assert _squash(heading.partition(". ")[2]) in text and _squash(body) in text


def test_for_data_held_for_a_principal_every_format_is_titled_as_the_notice_to_it() -> None:
    from openpyxl import load_workbook

    from mamori.incidents.report import TITLE_PRINCIPAL, report_text
    from mamori.incidents.report_xlsx import report_xlsx

    case = parse_case(CASE | {"entrusted": True})
    facts, decision = case_to_json(case), to_json("x", assess(case))
    assert decision["report_to"] == "principal"
    args = (5, facts, decision, "", [T("notify_principal")])
    assert report_text(*args).startswith(f"{TITLE_PRINCIPAL} — 事案 5")
    pdf = _squash("".join(p.extract_text() for p in PdfReader(BytesIO(report_pdf(*args, date(2026, 12, 4)))).pages))
    assert _squash(TITLE_PRINCIPAL) in pdf and _squash(TITLE) not in pdf
    assert Document(BytesIO(report_docx(*args, date(2026, 12, 4)))).paragraphs[0].text == TITLE_PRINCIPAL
    assert load_workbook(BytesIO(report_xlsx(*args, date(2026, 12, 4)))).active["A1"].value == TITLE_PRINCIPAL


def test_the_stage_names_the_report_in_every_format() -> None:
    from openpyxl import load_workbook

    from mamori.incidents.report import STAGE_TITLES, report_stage, report_text
    from mamori.incidents.report_xlsx import report_xlsx

    done = datetime(2026, 12, 3, tzinfo=UTC)
    assert report_stage([T("preliminary"), T("final")]) == "preliminary"
    assert report_stage([T("preliminary", done_at=done), T("final")]) == "final"
    assert report_stage([T("preliminary", required=False, done_at=done)]) == "preliminary"  # dropped, not filed
    case, decision, summary = _args()
    for stage, words in (("preliminary", "速報 (施行規則8条1項)"), ("final", "確報 (施行規則8条2項)")):
        title = STAGE_TITLES[stage]
        assert title.endswith(words)
        args = (6, case, decision, summary, TASKS, date(2026, 12, 4))
        assert report_text(*args[:5], stage=stage).startswith(f"{title} — 事案 6")
        pdf = _squash(PdfReader(BytesIO(report_pdf(*args, stage=stage))).pages[0].extract_text())
        assert _squash(title) in pdf
        assert Document(BytesIO(report_docx(*args, stage=stage))).paragraphs[0].text == title
        assert load_workbook(BytesIO(report_xlsx(*args, stage=stage))).active["A1"].value == title
