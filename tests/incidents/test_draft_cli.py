"""``mamori incidents new --from-scan REPORT.json [--file PATH]`` and ``--from-letters RESULT.json``: the real outputs
of ``mamori scan --format json`` and ``mamori letters check --json`` open a pre-filled incident in the register."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main
from mamori.incidents import register
from mamori.store import Database
from tests.letters.conftest import generator


def _setup(tmp_path: Path) -> tuple[CliRunner, list[str], str]:
    cfg = tmp_path / "mamori.toml"
    url = f"sqlite:///{tmp_path / 'r.db'}"
    cfg.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    return CliRunner(), ["--config", str(cfg)], url


def _store(url: str) -> Database:
    return Database(url)


def _scan(tmp_path: Path) -> Path:
    tree = tmp_path / "lost-laptop"
    tree.mkdir()
    (tree / "顧客一覧.csv").write_text(
        "氏名,住所,電話\n山田太郎,東京都千代田区千代田1-1,03-1234-5678\n"
        "佐藤花子,大阪府大阪市北区梅田1-1-1,06-1234-5678\n鈴木一郎,愛知県名古屋市中区栄1-1-1,052-123-4567\n",
        encoding="utf-8")
    (tree / "メモ.txt").write_text("担当の田中次郎です。マイナンバー 123456789018 をお送りします。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(tree), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    report = tmp_path / "report.json"
    report.write_text(r.output, encoding="utf-8")
    return report


def test_new_from_a_scan_report(tmp_path: Path) -> None:
    runner, cfg, url = _setup(tmp_path)
    report = _scan(tmp_path)
    scanned = json.loads(report.read_text(encoding="utf-8"))
    r = runner.invoke(main, ["incidents", "new", "--from-scan", str(report), "--discovered-on", "2026-12-04", *cfg])
    assert r.exit_code == 0, r.output
    assert "事案 1 を記録しました" in r.output
    view = register.get(_store(url), 1)
    assert view.case["cause"] == "loss_theft" and view.case["discovered_on"] == "2026-12-04"
    assert view.case["persons"] == scanned["summary"]["records"] >= 4
    assert {"PERSON", "ADDRESS", "PHONE", "MY_NUMBER"} <= set(view.case["data"])
    assert "山田" not in view.title + view.summary and "lost-laptop" not in view.summary  # counts, not values
    assert len(view.assessments) == 1 and view.decision["rules"]  # assessed like any other new incident
    one = next(f["path"] for f in scanned["files"] if f["path"].endswith("顧客一覧.csv"))
    r = runner.invoke(main, ["incidents", "new", "--from-scan", str(report), "--file", "顧客一覧.csv",
                             "--cause", "email_misdelivery", *cfg])
    assert r.exit_code == 0, r.output
    view = register.get(_store(url), 2)
    single = next(f for f in scanned["files"] if f["path"] == one)
    assert view.case["cause"] == "email_misdelivery" and view.case["persons"] == single["records"] == 3
    assert "MY_NUMBER" not in view.case["data"]


def test_new_from_a_letters_check(tmp_path: Path) -> None:
    runner, cfg, url = _setup(tmp_path)
    run = tmp_path / "run"
    run.mkdir()
    generator().generate(run, letters=24, seed=5, mistake_rate=0.4)
    want = json.loads((run / "expected.json").read_text(encoding="utf-8"))
    r = runner.invoke(main, ["letters", "check", str(run / "RUN.pdf"), "--list", str(run / "recipients.csv"),
                             "--window", str(want["window"]), "--json"])
    assert r.exit_code == 1, r.output
    result = tmp_path / "result.json"
    result.write_text(r.output, encoding="utf-8")
    checked = json.loads(r.output)
    address = sum(1 for x in checked["letters"]
                  if {p["code"] for p in x["problems"]} & {"unknown_recipient", "name_mismatch", "address_mismatch",
                                                           "postal_code_mismatch"})  # fmt: skip
    foreign = sum(len({p["page"] for p in x["problems"] if p["code"] == "foreign_page"}) for x in checked["letters"])
    assert address + foreign > 0
    r = runner.invoke(main, ["incidents", "new", "--from-letters", str(result), *cfg])
    assert r.exit_code == 0, r.output
    view = register.get(_store(url), 1)
    assert view.case["cause"] in ("letter_misdelivery", "enclosure_error")
    assert view.case["persons"] == address + foreign and "PERSON" in view.case["data"]
    for letter in checked["letters"]:  # no problem's words (names, addresses) copied into the register
        for p in letter["problems"]:
            assert p["detail"] not in view.summary


def test_new_refuses_two_sources_and_a_draft_without_cause(tmp_path: Path) -> None:
    runner, cfg, _ = _setup(tmp_path)
    result = tmp_path / "result.json"
    result.write_text(json.dumps({"run": "x.pdf", "letters": [
        {"index": 1, "pages": [1], "recipient": None, "action": "hold",
         "problems": [{"code": "outside_window", "page": 1, "detail": "x"}]}], "missing": []}), encoding="utf-8")
    r = runner.invoke(main, ["incidents", "new", "--from-letters", str(result), *cfg])
    assert r.exit_code == 2 and "--cause" in r.output
    r = runner.invoke(main, ["incidents", "new", "--from-letters", str(result), "--cause", "letter_misdelivery",
                             *cfg])
    assert r.exit_code == 2 and "--persons" in r.output
    r = runner.invoke(main, ["incidents", "new", "--from-letters", str(result), "--cause", "letter_misdelivery",
                             "--persons", "1", *cfg])
    assert r.exit_code == 0 and "事案 1 を記録しました" in r.output
    r = runner.invoke(main, ["incidents", "new", str(result), "--from-letters", str(result), *cfg])
    assert r.exit_code == 2 and "one of" in r.output
    r = runner.invoke(main, ["incidents", "new", "--file", "a.csv", "--from-letters", str(result), *cfg])
    assert r.exit_code == 2 and "--file goes with --from-scan" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    r = runner.invoke(main, ["incidents", "new", "--from-scan", str(bad), *cfg])
    assert r.exit_code == 2 and "(report)" in r.output
