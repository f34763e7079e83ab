"""End to end: `mamori scan` on a temporary tree, every output format, exit codes, exclusions, the HTML report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", "--workers", "2", *args])


def test_json_exit_1_records_and_masking(tree: Path) -> None:
    res = _scan(str(tree), "--format", "json")
    assert res.exit_code == 1, res.output
    data = json.loads(res.stdout)
    files = {Path(f["path"]).name: f for f in data["files"]}
    meibo = files["名簿.csv"]
    assert meibo["counts"] == {"PERSON": 3, "PHONE": 3} and meibo["records"] == 3
    assert files["archive.zip"]["counts"]["PHONE"] == 1
    assert files["broken.zip"]["status"] == "not fully inspected"
    assert files["clean.txt"]["findings"] == 0
    assert data["summary"]["files"] == 6 and data["summary"]["not_fully_inspected"] == 1
    assert data["files"][0]["path"].endswith("名簿.csv")  # largest risk first
    assert "090-1234-5678" not in res.stdout and "山田太郎" not in res.stdout and "090-****-****" in res.stdout


def test_jsonl_csv_and_table(tree: Path) -> None:
    res = _scan(str(tree), "--format", "jsonl", "--exclude", "*.zip")
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert [x["kind"] for x in lines] == ["file"] * 4 + ["summary"]
    assert lines[-1]["files"] == 4
    res = _scan(str(tree), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows[-1]["path"] == "TOTAL" and rows[0]["path"].endswith("名簿.csv")
    assert rows[0]["PERSON"] == "3" and rows[0]["records"] == "3"
    res = _scan(str(tree))
    assert res.exit_code == 1
    assert "名簿.csv" in res.stdout and "合計" in res.stdout and "clean.txt" not in res.stdout
    assert "氏名3件" in res.stdout and "3人分" in res.stdout and "PERSON" not in res.stdout  # the report's words
    res = _scan(str(tree), "--report-lang", "en")
    assert "名簿.csv" in res.stdout and "TOTAL" in res.stdout and "PERSON" in res.stdout


def test_exclusions_and_exit_0(tree: Path, tmp_path: Path) -> None:
    ignore = tmp_path / "ignore"
    ignore.write_text("顧客/\n*.zip\n", encoding="utf-8")
    res = _scan(str(tree), "--exclude", "memo.txt", "--exclude", "logs/", "--exclude-from", str(ignore))
    assert res.exit_code == 0, res.output
    assert "1ファイルに個人情報は見つかりませんでした" in res.stdout


def test_unreadable_path_exits_2(tree: Path) -> None:
    (tree / "dangling").symlink_to(tree / "gone")
    res = _scan(str(tree), str(tree / "missing"), "--format", "json")
    assert res.exit_code == 2
    errors = [f for f in json.loads(res.stdout)["files"] if f["status"] == "error"]
    assert sorted(Path(f["path"]).name for f in errors) == ["dangling", "missing"]
    assert "missing" in res.stderr


def test_html_report_escapes_names_and_has_totals(tree: Path, tmp_path: Path) -> None:
    (tree / "<img src=x onerror=alert(1)>.txt").write_text("電話 090-1234-5678", encoding="utf-8")
    out = tmp_path / "report.html"
    res = _scan(str(tree), "--report", str(out), "--format", "json")
    assert res.exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;.txt" in html
    assert "<svg" in html and 'id="totals"' in html and 'id="top-files"' in html
    total = json.loads(res.stdout)["summary"]["findings"]
    assert f'<th class="n">{total:,}</th>' in html
    assert "090-1234-5678" not in html and "山田太郎" not in html


def test_ner_finds_cueless_names_in_a_scan(tmp_path: Path) -> None:
    import pytest

    from mamori.detect.recognizers.ner_crf import available

    if not available():
        pytest.skip("the NER model file is not installed (mamori/detect/data/ner-ja-wiki.crfsuite)")
    # written for this test: names with no honorific, title or legal form
    text = "1998年、フリッチュはトステムに入社し、のちに東洋紡へ移った。\n"
    (tmp_path / "memo.txt").write_text(text, encoding="utf-8")
    counts = {}
    for args in ((), ("--ner",)):
        res = _scan(str(tmp_path), "--format", "json", *args)
        assert res.exit_code in (0, 1), res.output
        counts[args] = json.loads(res.stdout)["files"][0]["counts"]
    assert "PERSON" not in counts[()]
    assert counts[("--ner",)].get("PERSON", 0) >= 1
    assert "フリッチュ" not in res.stdout
