"""``mamori training`` export-scorm, assign and report from the command line."""

from __future__ import annotations

import csv
import io
import zipfile

from click.testing import CliRunner

from mamori.cli import main
from mamori.store import Database
from mamori.training import records
from mamori.training.progress import Learner


def test_export_scorm_by_id_and_folder(tmp_path) -> None:
    out = tmp_path / "course.zip"
    r = CliRunner().invoke(main, ["training", "export-scorm", "pi-ch2", "-o", str(out), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert zipfile.ZipFile(out).namelist()[0] == "imsmanifest.xml"
    r = CliRunner().invoke(main, ["training", "export-scorm", str(tmp_path / "missing"), "-o", str(out)])
    assert r.exit_code != 0


def test_assign_and_report(tmp_path, chapter2) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    roster = tmp_path / "roster.csv"
    roster.write_text("login,name\nhanako@example.jp,山田 花子\ntaro@example.jp,鈴木 太郎\n", encoding="utf-8-sig")
    runner = CliRunner()
    r = runner.invoke(main, ["training", "assign", "pi-ch2", str(roster), "--db", url, "--year", "2026"])
    assert r.exit_code == 0, r.output
    db = Database(url)
    for page in chapter2.content_pages:
        records.see_page(db, Learner("hanako@example.jp"), chapter2, page.id, 2026)
    ids = [q.id for q in chapter2.questions[:10]]
    records.submit_quiz(db, Learner("hanako@example.jp"), chapter2, ids, {q: chapter2.question(q).answer for q in ids},
                        2026)
    r = runner.invoke(main, ["training", "report", "pi-ch2", "--db", url, "--year", "2026"])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert [(x[0], x[1], x[2]) for x in rows[1:]] == [
        ("hanako@example.jp", "山田 花子", "修了"), ("taro@example.jp", "鈴木 太郎", "未受講")]
    r = runner.invoke(main, ["training", "report", "pi-ch2", "--db", url, "--year", "2026", "--pending"])
    assert [x[0] for x in csv.reader(io.StringIO(r.stdout))][1:] == ["taro@example.jp"]
    xlsx = tmp_path / "r.xlsx"
    r = runner.invoke(main, ["training", "report", "pi-ch2", "--db", url, "--year", "2026", "--format", "xlsx",
                             "-o", str(xlsx)])
    assert r.exit_code == 0 and xlsx.stat().st_size > 0
    db.dispose()
