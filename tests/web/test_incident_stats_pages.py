"""The incident statistics page and its CSV / XLSX downloads (officer only), and the chart on the dashboard."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from mamori.incidents import register
from mamori.incidents.stats import fiscal_year
from mamori.incidents.tasks import today_in
from mamori.timefmt import zone
from tests.web.conftest import login

OFFICER = "olga@corp.example"


def _record(db, day: str, cause: str, persons: int, title: str = "") -> int:
    return register.create(db, {"discovered_on": day, "event": "leak", "cause": cause, "persons": persons,
                                "data": ["PERSON"]}, OFFICER, title=title)


@pytest.fixture
def recorded(web_db) -> None:
    _record(web_db, "2026-04-03", "email_misdelivery", 2, title="山田様あての誤送信")
    _record(web_db, "2026-04-20", "email_misdelivery", 1)
    _record(web_db, "2026-06-01", "fax_misdelivery", 5)
    _record(web_db, "2027-02-10", "clerical_error", 3)
    _record(web_db, "2025-07-01", "loss_theft", 40)


def test_the_year_by_cause_beside_the_national_shares(client, recorded) -> None:
    login(client, OFFICER)
    page = client.get("/incidents/stats?year=2026")
    assert page.status_code == 200
    html = page.text
    assert "2026年度" in html and "JIPDEC" in html and "2021年度" in html and "3,048件" in html  # source and year
    assert re.search(r'data-group="email"><td[^>]*>メール誤送信</td>\s*<td[^>]*>2</td>\s*<td[^>]*>50.0%</td>', html)
    assert re.search(r'data-groups="email">.*?50.0% \(2件\).*?37.0% \(1,128件\)', html, re.S)
    assert "2026-04" in html and "メール誤送信 2" in html  # April's breakdown
    assert "2025年度" in html and "紛失・盗難 1" in html  # the other year's row
    assert "山田様" not in html  # counts and causes only, never the officer's words
    svg = re.search(r'<svg[^>]*class="chart".*?</svg>', html, re.S)
    assert svg is not None and 'data-value="50"' in svg.group(0) and 'data-value="37"' in svg.group(0)


def test_the_current_fiscal_year_by_default(client, web_db) -> None:
    today = today_in(datetime.now(UTC), zone())
    _record(web_db, today.isoformat(), "verbal", 1)
    login(client, OFFICER)
    html = client.get("/incidents/stats").text
    assert f"{fiscal_year(today)}年度" in html and "口頭での漏えい" in html
    assert re.search(r'data-group="verbal"><td[^>]*>[^<]+</td>\s*<td[^>]*>1</td>', html)


def test_csv_and_xlsx_downloads(client, recorded) -> None:
    login(client, OFFICER)
    r = client.get("/incidents/stats.csv?year=2026")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "incidents-by-cause-FY2026.csv" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    email = next(row for row in rows if row[0] == "email")
    assert email[2] == "2" and email[5] == "2"  # two in April
    assert next(row for row in rows if row[0] == "total")[2] == "4"
    x = client.get("/incidents/stats.xlsx?year=2026&lang=en")
    assert x.status_code == 200
    wb = load_workbook(io.BytesIO(x.content))
    assert wb.sheetnames == ["by cause", "national", "years"]
    years = [[c.value for c in row] for row in wb["years"].iter_rows()]
    assert [r[:2] for r in years[1:]] == [[2026, 4], [2025, 1]]


@pytest.mark.parametrize("path", ["/incidents/stats", "/incidents/stats.csv", "/incidents/stats.xlsx"])
@pytest.mark.parametrize("who", ["alice@corp.example", "bob@corp.example", "carol@corp.example"])
def test_officers_only(client, path: str, who: str) -> None:
    login(client, who)
    assert client.get(path).status_code == 403


def test_dashboard_shows_the_incident_chart_to_officers(client, recorded) -> None:
    login(client, OFFICER)
    html = client.get("/dashboard").text
    assert 'href="/incidents/stats"' in html and html.count('<svg') == 2


def test_an_approver_dashboard_has_no_incident_chart(client, recorded) -> None:
    login(client, "bob@corp.example")  # an approver sees the mail figures, not the incidents
    html = client.get("/dashboard").text
    assert "/incidents/stats" not in html and html.count('<svg') == 1
