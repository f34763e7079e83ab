"""Tables read as rows (no unit per cell) and findings kept compact give what one unit per cell gave."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mamori.detect import Detector
from mamori.discovery.compact import detect_compact
from mamori.discovery.inventory import build_report
from mamori.discovery.runner import ScanOptions, detect_units, scan_one
from mamori.extract import CELL, DEFAULT_LIMITS, NAME, CellBlock, Limits, Location, TextUnit, Units, extract
from tests.extract import builders

CUSTOMERS = (
    "顧客名簿 2024年度\n"  # a title above the header: a text unit
    "顧客番号,氏名,生年月日,電話番号,メール,住所\n"
    "C001, 山田太郎 ,1980年1月2日,090-1234-5678,taro@example.co.jp,東京都千代田区丸の内1-2-3\n"
    ",,,,,\n"  # an empty row: no unit, but it keeps its number
    "C002,佐藤花子,1975年12月31日,,hanako@example.co.jp,大阪府大阪市北区梅田2-3-4\n"
    "C003,鈴木一郎,,03-1234-5678,,,extra 090-1111-2222\n"  # a cell past the header: no context
)
FORM = "氏名,山田太郎\n生年月日,1980年1月2日\n住所,東京都千代田区丸の内1-2-3\n電話,090-1234-5678\n"


def _rows(pairs) -> list[tuple[TextUnit, list[tuple]]]:
    return [(u, [(f.type, f.start, f.end, f.score, f.recognizer, f.text, f.subtype) for f in fs]) for u, fs in pairs]


def _both(detector: Detector, data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS):
    ex = extract(data, filename, limits=limits)
    assert isinstance(ex.units, Units)
    name = TextUnit(filename, Location(), NAME)
    compact = detect_compact(detector, name, ex.units, "auto", float("inf"))
    per_cell, done = detect_units(detector, (name, *ex.units), "auto", float("inf"))  # one unit per cell
    assert done == compact.done == compact.total == len(ex.units) + 1
    return ex, compact, per_cell


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (CUSTOMERS.encode(), "顧客.csv"),
        (CUSTOMERS.encode("cp932"), "顧客.csv"),
        (FORM.encode(), "申込書.csv"),
        (CUSTOMERS.replace(",", "\t").encode(), "list.tsv"),
    ],
)
def test_compact_findings_are_those_of_one_unit_per_cell(detector: Detector, data: bytes, filename: str) -> None:
    ex, compact, per_cell = _both(detector, data, filename)
    assert _rows(compact.pairs()) == _rows(per_cell)
    assert build_report("f", ex, compact) == build_report("f", ex, per_cell)


def test_xlsx_and_docx_tables_among_text(detector: Detector) -> None:
    sheets = {
        "名簿": [["社員名簿"], ["氏名", "電話番号", "生年月日"], ["山田太郎", "090-1234-5678", "1980年1月2日"]],
        "メモ": [["担当 佐藤花子 hanako@example.co.jp"]],
    }
    table = [["氏名", "住所"], ["鈴木一郎", "東京都港区1-2-3"]]
    docx = builders.docx(["連絡先は下の表", "田中次郎 tanaka@example.co.jp"], table)
    for data, name in ((builders.xlsx(sheets), "a.xlsx"), (docx, "a.docx")):
        ex, compact, per_cell = _both(detector, data, name)
        assert ex.units.blocks
        assert _rows(compact.pairs()) == _rows(per_cell)
        assert build_report("f", ex, compact) == build_report("f", ex, per_cell)


def test_cells_keep_their_header_row_and_column(detector: Detector) -> None:
    ex, compact, _ = _both(detector, CUSTOMERS.encode(), "顧客.csv")
    units = list(ex.units)
    assert units[0].kind != CELL and units[0].text == "顧客名簿 2024年度"
    cells = {(u.location.row, u.location.column): u for u in units if u.kind == CELL}
    assert cells[(3, 2)].text == "山田太郎"  # stripped
    assert cells[(3, 2)].location.header == "氏名" and cells[(3, 2)].context == "氏名: "
    assert cells[(3, 2)].location.table == 0
    assert (4, 1) not in cells  # the empty row
    assert cells[(5, 3)].location.header == "生年月日"
    assert cells[(6, 7)].location.header is None and cells[(6, 7)].context == ""
    found = {(u.location.row, u.location.column, f.type) for u, fs in compact.pairs() for f in fs}
    # the header types the value: a date of birth, not any date
    assert (3, 3, "DATE_OF_BIRTH") in found and (5, 3, "DATE_OF_BIRTH") in found
    assert (3, 2, "PERSON") in found and (6, 7, "PHONE") in found
    report = build_report("f", ex, compact)
    assert report.records == 3


def test_key_value_form_is_one_record(detector: Detector) -> None:
    ex, compact, _ = _both(detector, FORM.encode(), "申込書.csv")
    assert ex.tables[0].key_value
    values = [u for u in ex.units if u.kind == CELL and u.location.column == 2]
    assert [u.location.header for u in values] == ["氏名", "生年月日", "住所", "電話"]
    assert build_report("f", ex, compact).records == 1


def test_the_character_budget_cuts_a_table_as_before(detector: Detector) -> None:
    full = extract(CUSTOMERS.encode(), "c.csv")
    texts = [u.text for u in full.units]
    budget = sum(map(len, texts[:6])) + 3  # three characters into the seventh unit
    ex, compact, per_cell = _both(detector, CUSTOMERS.encode(), "c.csv", replace(DEFAULT_LIMITS, max_chars=budget))
    assert [u.text for u in ex.units] == [*texts[:6], texts[6][:3]]
    assert [i.code for i in ex.issues] == ["truncated"]
    assert ex.issues[0].location == list(full.units)[6].location
    assert _rows(compact.pairs()) == _rows(per_cell)


def test_lone_surrogates_in_cells(detector: Detector) -> None:
    table = extract("氏名,電話番号\n山田太郎,090-1234-5678\n".encode(), "c.csv").tables[0]
    row = replace(table.rows[0], cells=("山田\ud800太郎", "090-1234-5678"))
    units = Units((), [CellBlock(0, 0, 2)], [replace(table, rows=(row,))])
    compact = detect_compact(detector, TextUnit("c.csv", Location(), NAME), units, "auto", float("inf"))
    found = {(u.location.column, f.type, f.text) for u, fs in compact.pairs() for f in fs}
    assert (2, "PHONE", "090-1234-5678") in found


def _scan(tmp_path: Path, text: str, **limits: object):
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    options = ScanOptions()
    if limits:
        options = replace(options, max_bytes=10**8)
        from mamori.discovery import runner

        base = options.limits()
        return runner.scan_one(str(path), path.stat().st_size, _With(options, replace(base, **limits)))
    return scan_one(str(path), path.stat().st_size, options)


class _With:
    """ScanOptions with other extraction limits."""

    def __init__(self, options: ScanOptions, limits: Limits) -> None:
        self._options, self._limits = options, limits

    def __getattr__(self, name: str) -> object:
        return getattr(self._options, name)

    def limits(self) -> Limits:
        return self._limits


def test_row_limit_sample_and_timeout_still_say_not_fully_inspected(tmp_path: Path, detector: Detector) -> None:
    body = "氏名,電話番号\n" + "".join(f"山田太郎,090-1234-{i:04d}\n" for i in range(30))
    from mamori.discovery import runner

    runner._detector = detector
    r = _scan(tmp_path, body, max_rows=10)
    assert [i.code for i in r.issues] == ["truncated"] and r.status == "not fully inspected"
    assert r.records == 9  # the header is one of the rows counted
    r = _scan(tmp_path, body, sample_rows=5)
    assert [i.code for i in r.issues] == ["sampled"] and r.records == 5
    r = scan_one(str(tmp_path / "c.csv"), 1, ScanOptions(timeout=0.0), detector)
    assert "timeout" in [i.code for i in r.issues] and not r.complete
    r = _scan(tmp_path, body)
    assert r.complete and r.records == 30


def test_a_passed_deadline_reads_nothing(detector: Detector) -> None:
    ex = extract(CUSTOMERS.encode(), "c.csv")
    compact = detect_compact(detector, TextUnit("c.csv", Location(), NAME), ex.units, "auto", 0.0)
    assert compact.done == 0 and compact.total == len(ex.units) + 1 and not list(compact.pairs())
