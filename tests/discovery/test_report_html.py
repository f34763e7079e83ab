"""The scan report for a privacy officer: Japanese by default (English on request or by [web] lang), a short risk
explanation per file (persons, kinds, whether a leak is reportable), companies not counted as personal data,
times in the organisation's zone, and columns that fit a 1280 px screen and a phone (Chromium)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.appi import BY_TYPE, OVER_PERSONS, article_en, assess, rules_in_force
from mamori.cli import main
from mamori.detect.entities import ALL_TYPES
from mamori.discovery.explain import HIGH, LOW, MEDIUM, NONE, explain
from mamori.discovery.inventory import FileReport, IssueEntry, summarize
from mamori.discovery.labels import TYPE_LABELS
from mamori.discovery.report_html import render
from tests.web.live import chromium

DESIGN_TYPES = (
    "PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE", "EMAIL", "MY_NUMBER", "CORPORATE_NUMBER",
    "CREDIT_CARD", "BANK_ACCOUNT", "DATE_OF_BIRTH", "DRIVERS_LICENSE", "PASSPORT", "RESIDENCE_CARD",
    "HEALTH_INSURANCE", "PENSION_NUMBER", "IP_ADDRESS", "IBAN", "US_SSN", "LOCATION", "SENSITIVE",
)
LONG = "営業部/2026年度/顧客管理/" + "とても長いフォルダの名前" * 6 + "/" + "customer_list_export_" * 6 + ".xlsx"


def _reports() -> list[FileReport]:
    return [
        FileReport("健診/結果.csv", counts={"PERSON": 120, "SENSITIVE": 40, "DATE_OF_BIRTH": 120}, records=120,
                   risk=600, examples={"PERSON": ("山田■■",), "SENSITIVE": ("■■■■",)}),
        FileReport(LONG, counts={"PERSON": 300, "CREDIT_CARD": 300, "ORGANIZATION": 20}, records=300, risk=2700,
                   examples={"CREDIT_CARD": ("****-****-****-1234",), "ORGANIZATION": ("株式会社■■",)}),
        FileReport("人事/マイナンバー.xlsx", counts={"PERSON": 80, "MY_NUMBER": 80}, records=80, risk=880),
        FileReport("取引先一覧.csv", counts={"ORGANIZATION": 50, "CORPORATE_NUMBER": 50}, records=0, risk=10),
        FileReport("memo.txt", counts={"PERSON": 1, "PHONE": 1}, records=1, risk=3),
        FileReport("big.csv", counts={"PERSON": 2000}, records=2000, risk=2000,
                   issues=(IssueEntry("truncated", "40000000 bytes, over the limit of 32 MB; only the first 8.0 MB"),)),
        FileReport("secret.zip", issues=(IssueEntry("encrypted", "password-protected member", "a.xlsx"),)),
        FileReport("gone.txt", error="Permission denied"),
    ]


class _Text(HTMLParser):
    """The text a reader sees (not tags, attributes or the style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self._skip = tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    p = _Text()
    p.feed(html)
    return " ".join(p.parts)


def test_every_entity_type_has_a_label_and_the_japanese_report_shows_no_type_code() -> None:
    assert set(DESIGN_TYPES) <= set(TYPE_LABELS)
    reports = _reports()
    when = dt.datetime(2026, 12, 7, 1, 30, tzinfo=dt.UTC)
    html = render(reports, summarize(reports), roots=["/srv/share"], now=when)
    seen = visible(html)
    codes = [t for t in DESIGN_TYPES if re.search(rf"\b{t}\b", seen)]
    assert codes == [], codes
    for word in ("truncated", "encrypted", "risk", "persons", "findings", "UTC"):
        assert word not in seen, word
    assert '<html lang="ja">' in html and "個人情報の保有状況" in seen
    assert "2026年12月07日 10:30 JST (Asia/Tokyo)" in seen  # the organisation's time, named


def test_risk_explanations_per_file() -> None:
    reports = _reports()
    html = render(reports, summarize(reports), now=dt.datetime(2026, 12, 7, tzinfo=dt.UTC))
    rows = dict(re.findall(r"<tr data-level=\"\w+\" data-reportable=\"\w+\"><td><code>([^<]+)</code></td>(.*?)</tr>",
                           html, re.S))
    health = visible(rows["健診/結果.csv"])
    assert "約120人分" in health and "要配慮個人情報" in health and "生年月日" in health
    assert "個人情報保護委員会への報告" in health and "7条1号" in health
    card = visible(rows[LONG])
    assert "クレジットカード番号（個人情報保護法施行規則7条2号）" in card and "約300人分" in card
    assert "組織名 20" in card  # shown, apart, not as personal data
    numbers = visible(rows["人事/マイナンバー.xlsx"])
    assert "マイナンバー" in numbers and "100人分を超える場合" in numbers and "報告と本人への通知が必要" not in numbers
    assert "取引先一覧.csv" not in rows  # only company names: not a file with personal data
    assert "1,000人分を超える" in visible(rows["big.csv"])
    # the order: reportable files first, then by persons
    assert list(rows)[:3] == ["big.csv", LONG, "健診/結果.csv"]
    kpis = dict(re.findall(r'data-kpi="(\w+)"><b>([^<]+)</b>', html))
    assert kpis["personal_files"] == "5" and kpis["reportable"] == "3" and kpis["persons"] == "2,501"
    notes = visible(re.search(r'<p class="muted" id="not-personal">.*?</p>', html).group(0))
    assert "組織名 70" in notes and "法人番号 50" in notes and "個人情報には数えていません" in notes
    totals = re.findall(r'<tr data-type="(\w+)">', html)
    assert "ORGANIZATION" not in totals and "CORPORATE_NUMBER" not in totals and "PERSON" in totals


def test_english_report() -> None:
    reports = _reports()
    html = render(reports, summarize(reports), lang="en", tz="Europe/London",
                  now=dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC))
    seen = visible(html)
    assert '<html lang="en">' in html and "Personal information held" in seen
    assert "special-care personal information (APPI rules, art. 7(1))" in seen and "About 120 persons (est.)." in seen
    assert "2026-07-01 10:00 BST (Europe/London)" in seen
    assert "only the beginning was inspected" in seen and "40000000 bytes" in seen


@pytest.mark.parametrize(
    ("counts", "persons", "level", "reportable"),
    [
        ({"PERSON": 3, "SENSITIVE": 1}, 3, HIGH, True),
        ({"PERSON": 2, "CREDIT_CARD": 2}, 2, HIGH, True),
        ({"PERSON": 101, "MY_NUMBER": 101}, 101, HIGH, True),
        ({"PERSON": 100, "MY_NUMBER": 100}, 100, MEDIUM, False),
        ({"PERSON": 5, "BANK_ACCOUNT": 5}, 5, MEDIUM, False),
        ({"PERSON": OVER_PERSONS + 1}, OVER_PERSONS + 1, HIGH, True),
        ({"PERSON": OVER_PERSONS}, OVER_PERSONS, MEDIUM, False),
        ({"PERSON": 2, "PHONE": 2}, 2, LOW, False),
        ({"ORGANIZATION": 9, "LOCATION": 2}, 0, NONE, False),
    ],
)
def test_explain_levels(counts, persons, level, reportable) -> None:
    e = explain(FileReport("f", counts=counts, records=persons), "ja")
    assert (e.level, e.assessment.is_reportable) == (level, reportable)
    assert e.text and not re.search(r"[A-Z]{3,}_?[A-Z]*", e.text.replace("PPC", ""))


def test_one_list_of_reportable_kinds() -> None:
    """The scan report's reportable kinds are the incident rules' (one source), plus the conditional notes."""
    rules = rules_in_force()
    by_rules = {t for c in rules.categories for t in c.data_types} & ALL_TYPES
    assert by_rules == {"SENSITIVE", "CREDIT_CARD"} and {t for t, k in BY_TYPE.items() if k.by_itself} == by_rules
    assert next(c.more_than for c in rules.categories if c.more_than) == OVER_PERSONS
    assert set(BY_TYPE) == {"SENSITIVE", "CREDIT_CARD", "BANK_ACCOUNT", "MY_NUMBER"}
    a = assess(["PERSON", "SENSITIVE", "BANK_ACCOUNT"], 10)
    assert [k.type for k in a.reportable] == ["SENSITIVE"] and [k.type for k in a.conditional] == ["BANK_ACCOUNT"]
    assert not assess(["PERSON"], OVER_PERSONS).is_reportable and assess(["PERSON"], OVER_PERSONS + 1).is_reportable


@pytest.mark.parametrize(
    ("ja", "en"),
    [("施行規則7条1号", "APPI rules, art. 7(1)"), ("法26条1項", "APPI, art. 26(1)"), ("法26条", "APPI, art. 26"),
     ("通則ガイドライン3-5-1-2", "通則ガイドライン3-5-1-2")],
)
def test_article_en(ja: str, en: str) -> None:
    assert article_en(ja) == en


# ---------------------------------------------------------------------------------------------------- the command


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", "--workers", "1", "--format", "json", *args], catch_exceptions=False)


def test_scan_report_is_japanese_unless_asked_or_configured(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert _scan(str(tree), "--report", str(out)).exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ja">' in html and "約" in html and "JST (Asia/Tokyo)" in html
    assert _scan(str(tree), "--report", str(out), "--report-lang", "en").exit_code == 1
    assert '<html lang="en">' in out.read_text(encoding="utf-8")
    config = tmp_path / "mamori.toml"
    config.write_text('[organization]\nname = "x"\ninternal_domains = ["x.example"]\ntimezone = "UTC"\n'
                      '[web]\nlang = "en"\n', encoding="utf-8")
    assert _scan(str(tree), "--report", str(out), "--config", str(config)).exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "UTC (UTC)" in html
    config.write_text('[organization]\ntimezone = "Mars/Olympus"\n', encoding="utf-8")
    res = _scan(str(tree), "--report", str(out), "--config", str(config))
    assert res.exit_code == 2 and "organization.timezone" in res.output


def test_company_names_alone_are_not_personal_information(tmp_path: Path) -> None:
    (tmp_path / "partners.csv").write_text("取引先\n株式会社川端製作所\n有限会社佐藤商店\n", encoding="utf-8")
    res = _scan(str(tmp_path))
    import json

    data = json.loads(res.output)
    (f,) = data["files"]
    assert f["counts"].get("ORGANIZATION") and f["records"] == 0
    assert data["summary"]["files_with_personal_data"] == 0 and res.exit_code == 0


# ---------------------------------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize(("width", "lang"), [(1280, "ja"), (1280, "en"), (390, "ja")])
def test_the_report_fits_the_screen(browser, width: int, lang: str) -> None:
    reports = _reports()
    html = render(reports, summarize(reports), roots=["/srv/share/" + "長い名前" * 20], lang=lang,
                  now=dt.datetime(2026, 12, 7, 1, 28, tzinfo=dt.UTC))
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.set_content(html)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        tables = page.eval_on_selector_all(
            "table", "els => els.map(t => [t.id, t.scrollWidth, t.parentElement.clientWidth])")
        cells = page.eval_on_selector_all(
            "td, th", "els => els.filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).length")
        if width == 1280 and lang == "ja":
            from tests.web.live import shot

            shot(page, "scan-report.png")
    finally:
        page.close()
    assert overflow <= 0, f"{overflow}px wider than the {width}px screen"
    assert all(w <= parent + 1 for _, w, parent in tables), tables
    assert cells == 0  # no cell's content spills out of it


@pytest.mark.parametrize("width", [80, 120])
def test_the_japanese_table_never_breaks_a_number_from_its_counter(width: int) -> None:
    import io

    from mamori.discovery.formats import write_table

    reports = _reports()
    out = io.StringIO()
    write_table(reports, summarize(reports), out, width=width, lang="ja")
    lines = out.getvalue().splitlines()
    for item in ("クレジットカード番号300件", "組織名20件", "2,000人分", "300人分", "マイナンバー（個人番号）80件"):
        assert any(item in line for line in lines), item
    assert "高 報告対象" in out.getvalue() and "CREDIT_CARD" not in out.getvalue()


def test_rows_holding_only_company_names_are_no_ones_record() -> None:
    from mamori.detect import Finding
    from mamori.discovery.inventory import build_report
    from mamori.extract import CELL, Extraction, Location, TextUnit

    def unit(row: int, text: str) -> TextUnit:
        return TextUnit(text, Location(table=0, row=row, column=0), CELL)

    def finding(kind: str, text: str) -> Finding:
        return Finding(start=0, end=len(text), type=kind, score=0.9, text=text, recognizer="test")

    pairs = [
        (unit(1, "株式会社川端製作所"), [finding("ORGANIZATION", "株式会社川端製作所")]),
        (unit(2, "有限会社佐藤商店"), [finding("ORGANIZATION", "有限会社佐藤商店")]),
        (unit(3, "田中次郎"), [finding("PERSON", "田中次郎")]),
        (TextUnit("東京", Location(), "text"), [finding("LOCATION", "東京")]),
    ]
    r = build_report("f.csv", Extraction(filename="f.csv", format="csv"), pairs)
    assert r.counts == {"ORGANIZATION": 2, "PERSON": 1, "LOCATION": 1} and r.records == 1
    assert r.personal == {"PERSON": 1}
