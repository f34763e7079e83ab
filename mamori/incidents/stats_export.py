"""The statistics of incidents by cause as CSV and as an XLSX workbook (the officer's downloads).

:func:`stats_csv` writes the year's table: one row per cause group (code, label, incidents, share, people, then the
incidents of each month, April first) and a total row. :func:`stats_xlsx` writes the same table on the first sheet,
the comparison with the national shares (with the source named) on the second and every fiscal year on the third.
Both hold counts and labels only, never an incident's title or summary; every text cell goes through
:mod:`mamori.spreadsheet`.
"""

from __future__ import annotations

import io
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from mamori.incidents.stats import GROUPS, Statistics, group_label
from mamori.spreadsheet import CsvWriter, xlsx_cell


def _month(d: date) -> str:
    return f"{d:%Y-%m}"


def year_table(stats: Statistics, lang: str = "ja") -> list[list[object]]:
    """The year's table by cause (head row first, total row last), as written to the CSV and the first sheet."""
    en = lang == "en"
    head: list[object] = ["cause" if en else "原因コード", "cause (label)" if en else "原因",
                          f"FY{stats.year} incidents" if en else f"{stats.year}年度 件数",
                          "share (%)" if en else "割合 (%)", "people" if en else "人数",
                          *(_month(m) for m in stats.months)]  # fmt: skip
    rows: list[list[object]] = [head]
    for r in stats.rows:
        rows.append([r.group, group_label(r.group, lang), r.incidents, r.share if r.share is not None else "",
                     r.persons, *r.months])
    rows.append(["total", "total" if en else "合計", stats.incidents, 100.0 if stats.incidents else "",
                 stats.persons, *stats.month_totals])
    return rows


def comparison_table(stats: Statistics, lang: str = "ja") -> list[list[object]]:
    en = lang == "en"
    src = stats.source
    rows: list[list[object]] = [[
        "national figure" if en else "全国の分類", "groups" if en else "当社の原因グループ",
        f"FY{stats.year} incidents" if en else f"当社 {stats.year}年度 件数", "share (%)" if en else "当社 割合 (%)",
        f"national {src.year_en} reports" if en else f"全国 {src.year_ja} 件数",
        "national share (%)" if en else "全国 割合 (%)", "note" if en else "注",
    ]]
    for c in stats.comparison:
        rows.append([c.label(lang), " / ".join(group_label(g, lang) for g in c.groups), c.incidents,
                     c.share if c.share is not None else "", c.national_count, c.national_share, c.note(lang)])
    return rows


def years_table(stats: Statistics, lang: str = "ja") -> list[list[object]]:
    en = lang == "en"
    rows: list[list[object]] = [["fiscal year" if en else "年度", "incidents" if en else "件数",
                                 "people" if en else "人数", *(group_label(g, lang) for g in GROUPS)]]
    rows += [[y.year, y.incidents, y.persons, *y.groups] for y in stats.years]
    return rows


def stats_csv(stats: Statistics, lang: str = "ja") -> bytes:
    """The year's table as CSV, UTF-8 with a byte order mark (Excel opens it as UTF-8)."""
    buf = io.StringIO()
    w = CsvWriter(buf, lineterminator="\r\n")
    for row in year_table(stats, lang):
        w.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _sheet(ws: Worksheet, rows: list[list[object]], widths: dict[str, float]) -> None:
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=xlsx_cell(value))
            if isinstance(value, str):
                cell.data_type = "s"  # a string, never a formula
            if r == 1:
                cell.font = Font(bold=True)
    for column, width in widths.items():
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A2"


def stats_xlsx(stats: Statistics, lang: str = "ja") -> bytes:
    """Three sheets: the year by cause and month, the comparison with the national shares, every fiscal year."""
    en = lang == "en"
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "by cause" if en else "原因別"
    _sheet(first, year_table(stats, lang), {"A": 20, "B": 28})
    compare = wb.create_sheet("national" if en else "全国との比較")
    _sheet(compare, comparison_table(stats, lang), {"A": 36, "B": 36, "G": 60})
    last = len(stats.comparison) + 3
    for i, line in enumerate((stats.source.label(lang), stats.source.note_en if en else stats.source.note_ja)):
        cell = compare.cell(row=last + i, column=1, value=xlsx_cell(line))
        cell.data_type = "s"
    years = wb.create_sheet("years" if en else "年度別")
    _sheet(years, years_table(stats, lang), {"A": 10})
    wb.properties.title = f"Incidents by cause FY{stats.year}" if en else f"原因別の事案 {stats.year}年度"
    wb.properties.creator = "mamori"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
