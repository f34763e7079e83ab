"""Reports: CSV and XLSX read back, the certificate PDF carries the learner's Japanese name in an embedded font."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from mamori.training.progress import Progress
from mamori.training.reports import (
    CID_FALLBACK,
    certificate_pdf,
    csv_text,
    find_cjk_font,
    headers,
    report_rows,
    xlsx_bytes,
)

DONE = datetime(2026, 6, 30, 15, 30, tzinfo=UTC)  # 2026-07-01 00:30 in Japan


@pytest.fixture
def recs(chapter2) -> list[Progress]:
    return [
        Progress("hanako@example.jp", chapter2.id, 2026, "山田 花子", chapter2.full_version, None, DONE,
                 tuple(p.id for p in chapter2.content_pages), "case-lessons", 2, 90, 90, True, DONE,
                 chapter2.full_version),
        Progress("evil@example.jp", chapter2.id, 2026, "=HYPERLINK(\"x\")", assigned_at=DONE, reminders=1,
                 reminded_at=DONE),
    ]


def test_csv_reads_back(chapter2, recs) -> None:
    text = csv_text(report_rows(chapter2, recs), "ja")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == headers("ja")
    assert rows[1][:3] == ["hanako@example.jp", "山田 花子", "修了"]
    assert rows[1][5] == "7/7" and rows[1][6] == "2026-07-01 00:30" and rows[1][7] == "90"
    assert rows[2][1] == "'=HYPERLINK(\"x\")" and rows[2][2] == "未受講" and rows[2][11] == "1"
    en = list(csv.reader(io.StringIO(csv_text(report_rows(chapter2, recs, "en"), "en"))))
    assert en[0][0] == "Login" and en[1][2] == "completed"


def test_xlsx_reads_back(chapter2, recs) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(xlsx_bytes(report_rows(chapter2, recs), "ja", "pi-ch2 2026")))
    ws = wb.active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == headers("ja")
    assert values[1][1] == "山田 花子" and values[1][7] == 90 and values[1][9] == 2
    assert values[2][1].startswith("'=")  # stored as text, not a formula
    assert ws.title == "pi-ch2 2026"


def test_certificate_has_the_japanese_name(chapter2, recs) -> None:
    from pypdf import PdfReader

    font = find_cjk_font()
    pdf = certificate_pdf(recs[0], chapter2, organisation="株式会社テスト", font=font)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    text = page.extract_text()
    assert "山田 花子" in text and "修了証" in text and "2026年07月01日" in text and "株式会社テスト" in text
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    if font.embedded:
        embedded = [f for f in fonts if f["/Subtype"] == "/TrueType"]
        assert embedded and "/FontFile2" in embedded[0]["/FontDescriptor"]
    else:  # no TrueType Japanese font on this system: the reader-supplied CID font
        assert any(CID_FALLBACK in str(f.get("/BaseFont")) for f in fonts)


def test_cid_fallback_when_no_font_can_be_embedded(chapter2, recs, tmp_path) -> None:
    from pypdf import PdfReader

    not_a_font = tmp_path / "x.ttf"
    not_a_font.write_bytes(b"not a font")
    font = find_cjk_font((str(not_a_font), "/nonexistent.ttf"))
    assert font.name == CID_FALLBACK and not font.embedded
    text = PdfReader(io.BytesIO(certificate_pdf(recs[0], chapter2, font=font))).pages[0].extract_text()
    assert "山田 花子" in text


def test_no_certificate_before_completion(chapter2, recs) -> None:
    with pytest.raises(ValueError):
        certificate_pdf(recs[1], chapter2)
