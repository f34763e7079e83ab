"""Incidents by cause (mamori.incidents.stats): groups, fiscal years and months, shares beside the national ones,
and the CSV / XLSX exports read back."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from mamori.incidents.case import CAUSES
from mamori.incidents.national import JIPDEC_FY2021
from mamori.incidents.stats import (
    GROUP_OF_CAUSE,
    GROUPS,
    Record,
    fiscal_year,
    group_of,
    records_of,
    share,
    statistics,
)
from mamori.incidents.stats_export import stats_csv, stats_xlsx


@pytest.mark.parametrize(("cause", "group"), [
    ("email_misdelivery", "email"), ("letter_misdelivery", "letter"), ("enclosure_error", "enclosure"),
    ("fax_misdelivery", "fax"), ("loss_theft", "loss_theft"), ("unauthorized_access", "unauthorized_access"),
    ("system_error", "system_clerical"), ("clerical_error", "system_clerical"), ("verbal", "verbal"),
    ("malware", "virus"), ("insider_misuse", "other"), ("other", "other"), ("no_such_cause", "other"), ("", "other"),
])  # fmt: skip
def test_each_cause_has_its_group(cause: str, group: str) -> None:
    assert group_of(cause) == group


def test_every_register_cause_is_mapped_and_every_group_reached() -> None:
    assert set(GROUP_OF_CAUSE) == set(CAUSES)
    assert set(GROUP_OF_CAUSE.values()) == set(GROUPS)


@pytest.mark.parametrize(("day", "year"), [
    (date(2026, 4, 1), 2026), (date(2027, 3, 31), 2026), (date(2026, 3, 31), 2025), (date(2026, 12, 31), 2026),
    (date(2027, 1, 1), 2026),
])  # fmt: skip
def test_fiscal_year_starts_in_april(day: date, year: int) -> None:
    assert fiscal_year(day) == year


def test_national_figures_are_the_sources_and_cover_each_group_once() -> None:
    covered = [g for f in JIPDEC_FY2021.figures for g in f.groups]
    assert sorted(covered) == sorted(GROUPS)  # every group in exactly one national figure
    for f in JIPDEC_FY2021.figures:  # each share is its count over the 3,048 reports, to the published decimal
        assert f.share == pytest.approx(100 * f.count / JIPDEC_FY2021.reports, abs=0.06), f.label_ja
    assert sum(f.count for f in JIPDEC_FY2021.figures) == 3030  # the four cause totals of the source
    by = {f.groups: f for f in JIPDEC_FY2021.figures}
    assert (by[("email",)].share, by[("letter",)].share, by[("enclosure",)].share) == (37.0, 11.6, 10.9)
    assert by[("loss_theft",)].share == 12.5 and by[("other",)].share == 4.7  # as the course's chart shows


RECORDS = [
    Record(date(2026, 4, 1), "email_misdelivery", 3),
    Record(date(2026, 4, 20), "email_misdelivery", 1),
    Record(date(2026, 5, 2), "letter_misdelivery", 1),
    Record(date(2026, 12, 1), "system_error", 1200),
    Record(date(2027, 1, 5), "clerical_error", 2),
    Record(date(2027, 3, 31), "verbal", 0),
    Record(date(2027, 4, 1), "loss_theft", 10),  # fiscal 2027
    Record(date(2026, 3, 31), "malware", 50),  # fiscal 2025
]


def test_a_year_by_group_and_month() -> None:
    s = statistics(RECORDS, 2026)
    assert s.incidents == 6 and s.persons == 3 + 1 + 1 + 1200 + 2
    rows = {r.group: r for r in s.rows}
    assert [r.group for r in s.rows] == list(GROUPS)
    assert rows["email"].incidents == 2 and rows["email"].persons == 4 and rows["email"].share == 33.3
    assert rows["email"].months[0] == 2 and sum(rows["email"].months) == 2  # both in April
    assert rows["system_clerical"].incidents == 2 and rows["system_clerical"].months[8] == 1  # December
    assert rows["system_clerical"].months[9] == 1  # January of the next calendar year, same fiscal year
    assert rows["verbal"].months[11] == 1 and rows["loss_theft"].incidents == 0 and rows["virus"].incidents == 0
    assert s.months[0] == date(2026, 4, 1) and s.months[-1] == date(2027, 3, 1)
    assert s.month_totals == (2, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1)
    assert sum(r.incidents for r in s.rows) == s.incidents == sum(s.month_totals)


def test_shares_beside_the_national_ones_over_the_groups_each_figure_covers() -> None:
    s = statistics(RECORDS, 2026)
    by = {c.groups: c for c in s.comparison}
    assert by[("email",)].incidents == 2 and by[("email",)].share == 33.3 and by[("email",)].national_share == 37.0
    combined = by[("system_clerical", "verbal", "virus")]
    assert combined.incidents == 3 and combined.share == 50.0 and combined.national_count == 445
    assert by[("loss_theft",)].share == 0.0
    assert sum(c.incidents for c in s.comparison) == s.incidents


def test_every_year_newest_first() -> None:
    s = statistics(RECORDS, 2026)
    assert [(y.year, y.incidents, y.persons) for y in s.years] == [(2027, 1, 10), (2026, 6, 1207), (2025, 1, 50)]
    assert s.years[2].groups[GROUPS.index("virus")] == 1


def test_a_year_without_incidents_has_no_shares() -> None:
    s = statistics(RECORDS, 2030)
    assert s.incidents == 0 and all(r.share is None for r in s.rows) and all(c.share is None for c in s.comparison)
    assert len(s.years) == 3  # the other years are still listed
    assert statistics([], 2026).years == ()


@pytest.mark.parametrize(("part", "whole", "expected"), [(1, 3, 33.3), (2, 3, 66.7), (0, 5, 0.0), (3, 0, None)])
def test_share(part: int, whole: int, expected: float | None) -> None:
    assert share(part, whole) == expected


def test_records_of_stored_facts() -> None:
    cases = [{"discovered_on": "2026-05-01", "cause": "verbal", "persons": 4},
             {"discovered_on": "2026-05-02", "cause": "other", "persons": True},
             {"discovered_on": "not a day", "cause": "other", "persons": 1},
             {"cause": "other", "persons": 1}]  # fmt: skip
    assert records_of(cases) == [Record(date(2026, 5, 1), "verbal", 4), Record(date(2026, 5, 2), "other", 0)]


def test_csv_holds_the_year_table() -> None:
    body = stats_csv(statistics(RECORDS, 2026))
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:5] == ["原因コード", "原因", "2026年度 件数", "割合 (%)", "人数"]
    assert rows[0][5] == "2026-04" and rows[0][-1] == "2027-03" and len(rows[0]) == 17
    email = next(r for r in rows if r[0] == "email")
    assert email[1] == "メール誤送信" and email[2:6] == ["2", "33.3", "4", "2"]
    assert rows[-1][:5] == ["total", "合計", "6", "100.0", "1207"] and len(rows) == len(GROUPS) + 2
    en = list(csv.reader(io.StringIO(stats_csv(statistics(RECORDS, 2026), "en").decode("utf-8-sig"))))
    assert en[0][2] == "FY2026 incidents" and en[1][1] == "E-mail sent to the wrong person"


def test_xlsx_has_the_year_the_comparison_with_its_source_and_every_year() -> None:
    wb = load_workbook(io.BytesIO(stats_xlsx(statistics(RECORDS, 2026))))
    assert wb.sheetnames == ["原因別", "全国との比較", "年度別"]
    first = [[c.value for c in row] for row in wb["原因別"].iter_rows()]
    assert first[1][:5] == ["email", "メール誤送信", 2, 33.3, 4] and first[-1][2] == 6
    compare = [[c.value for c in row] for row in wb["全国との比較"].iter_rows()]
    assert compare[1][:6] == ["メール誤送信", "メール誤送信", 2, 33.3, 1128, 37.0]
    flat = " ".join(str(v) for row in compare for v in row if v is not None)
    assert "JIPDEC" in flat and "2021年度" in flat and "3,048" in flat
    years = [[c.value for c in row] for row in wb["年度別"].iter_rows()]
    assert [r[:3] for r in years[1:]] == [[2027, 1, 10], [2026, 6, 1207], [2025, 1, 50]]
