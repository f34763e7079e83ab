"""``mamori incidents report`` and ``mamori incidents notice`` on a store: each format written and read back."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from mamori.cli import main
from mamori.incidents import register
from mamori.incidents.report import report_items
from mamori.store import Database
from mamori.store.audit import AuditEntry

CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
        "data": ["PERSON", "SENSITIVE:medical"], "title": "FAX誤送信", "summary": "診断書を別の番号へ送った"}
PEOPLE = "氏名,郵便番号,住所\n山田 花子,1500002,東京都渋谷区渋谷2-21-1\n鈴木 一郎,5300001,大阪府大阪市北区梅田1-1\n"


def _setup(tmp_path: Path) -> tuple[CliRunner, list[str]]:
    cfg = tmp_path / "mamori.toml"
    cfg.write_text(f'[organization]\nname = "株式会社サンプル"\n[store]\nurl = "sqlite:///{tmp_path / "r.db"}"\n',
                   encoding="utf-8")
    (tmp_path / "case.json").write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "people.csv").write_bytes(PEOPLE.encode("cp932"))
    runner = CliRunner()
    assert runner.invoke(main, ["incidents", "new", str(tmp_path / "case.json"), "--config", str(cfg)]).exit_code == 0
    return runner, ["--config", str(cfg)]


def _items(tmp_path: Path) -> list[tuple[str, str]]:
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    view = register.get(db, 1)
    return report_items(view.case, view.decision, view.summary, view.tasks)


def test_report_in_every_format(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    items = _items(tmp_path)
    r = runner.invoke(main, ["incidents", "report", "1", *cfg])
    assert r.exit_code == 0
    assert "【3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数】\n3人" in r.stdout
    for fmt in ("text", "pdf", "docx", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        r = runner.invoke(main, ["incidents", "report", "1", "--format", fmt, "-o", str(out), *cfg])
        assert r.exit_code == 0 and out.is_file(), r.output
    text = (tmp_path / "report.text").read_text(encoding="utf-8")
    pdf = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages))
    docx_rows = [[c.text for c in row.cells] for row in Document(str(tmp_path / "report.docx")).tables[0].rows]
    sheet = load_workbook(tmp_path / "report.xlsx").active
    xlsx_rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    for n, (heading, body) in enumerate(items, start=1):
        assert f"【{heading}】\n{body}\n" in text
        assert re.sub(r"\s+", "", body) in pdf
        assert docx_rows[n] == [str(n), heading.partition(". ")[2], body]
        assert xlsx_rows[n - 1] == [n, heading.partition(". ")[2], body]
    assert "診断書を別の番号へ送った" in text


def test_report_is_the_preliminary_until_it_is_done_then_the_final(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    first = runner.invoke(main, ["incidents", "report", "1", *cfg]).stdout.splitlines()[0]
    assert first == "個人情報保護委員会への報告 — 速報 (施行規則8条1項) — 事案 1"
    assert runner.invoke(main, ["incidents", "done", "1", "preliminary", *cfg]).exit_code == 0
    first = runner.invoke(main, ["incidents", "report", "1", *cfg]).stdout.splitlines()[0]
    assert first == "個人情報保護委員会への報告 — 確報 (施行規則8条2項) — 事案 1"
    again = runner.invoke(main, ["incidents", "report", "1", "--stage", "preliminary", *cfg]).stdout
    assert again.startswith("個人情報保護委員会への報告 — 速報")


def test_report_of_an_incident_that_need_not_be_reported_needs_force(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    small = {**CASE, "data": ["PERSON"], "title": "FAX誤送信 (氏名のみ)"}  # 3 people, nothing sensitive: no report
    (tmp_path / "small.json").write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(main, ["incidents", "new", str(tmp_path / "small.json"), *cfg]).exit_code == 0
    out = tmp_path / "small.pdf"
    r = runner.invoke(main, ["incidents", "report", "2", "--format", "pdf", "-o", str(out), *cfg])
    assert r.exit_code == 1 and not out.exists()
    assert "報告不要" in r.stderr and "--force" in r.stderr
    r = runner.invoke(main, ["incidents", "report", "2", "--format", "pdf", "-o", str(out), "--force", *cfg])
    assert r.exit_code == 0 and out.is_file()
    assert runner.invoke(main, ["incidents", "report", "1", *cfg]).exit_code == 0  # a reportable one: no flag


def test_report_of_an_unknown_incident_or_format(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    r = runner.invoke(main, ["incidents", "report", "9", *cfg])
    assert r.exit_code == 2 and "事案 9 はありません" in r.output
    assert runner.invoke(main, ["incidents", "report", "1", "--format", "odt", *cfg]).exit_code == 2


def test_notice_letters_csv_and_publication(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    letters, people_out, pub = tmp_path / "letters.docx", tmp_path / "notice.csv", tmp_path / "pub.txt"
    r = runner.invoke(main, ["incidents", "notice", "1", "--people", str(tmp_path / "people.csv"), "-o", str(letters),
                             "--csv", str(people_out), "--publication", str(pub), "--contact",
                             "お客様相談室\\n電話 0120-000-000", "--measures", "FAXの送信先に破棄を依頼しました。",
                             "--harm", "現時点で二次被害は確認されていません。", *cfg])
    assert r.exit_code == 0, r.output
    text = "\n".join(p.text for p in Document(str(letters)).paragraphs)
    assert "山田 花子 様" in text and "鈴木 一郎 様" in text and text.count("株式会社サンプル") == 2
    assert "お客様相談室\n電話 0120-000-000" in text and "FAXを誤った番号に送信" in text
    assert "診断書を別の番号へ送った" not in text  # the officer's summary stays in the register
    rows = list(csv.DictReader(io.StringIO(people_out.read_bytes().decode("utf-8-sig"))))
    assert [r["氏名"] for r in rows] == ["山田 花子", "鈴木 一郎"] and rows[0]["郵便番号"] == "150-0002"
    assert "3人分" in pub.read_text(encoding="utf-8")
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "incident_notice")).one()
    assert entry.target == "incident:1" and entry.actor.startswith("cli")
    assert entry.data == {"files": ["docx", "csv", "publication"], "people": 2} and "山田" not in entry.detail


def test_notice_needs_what_only_the_company_can_say(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    people = str(tmp_path / "people.csv")
    base = ["incidents", "notice", "1", "--people", people, "-o", str(tmp_path / "l.docx"), *cfg]
    r = runner.invoke(main, [*base, "--contact", "窓口", "--measures", "対応", "--harm", " "])
    assert r.exit_code == 2 and "二次被害の有無を入力してください" in r.output
    assert runner.invoke(main, [*base, "--measures", "対応", "--harm", "なし"]).exit_code == 2  # no --contact
    r = runner.invoke(main, ["incidents", "notice", "1", "-o", str(tmp_path / "l.docx"), "--contact", "窓口",
                             "--measures", "対応", "--harm", "なし", *cfg])
    assert r.exit_code == 2 and "--people" in r.output
    (tmp_path / "bad.csv").write_text("氏名,郵便番号,住所\n山田,12,東京\n", encoding="utf-8")
    r = runner.invoke(main, ["incidents", "notice", "1", "--people", str(tmp_path / "bad.csv"), "-o",
                             str(tmp_path / "l.docx"), "--contact", "窓口", "--measures", "対応", "--harm", "なし",
                             *cfg])
    assert r.exit_code == 2 and "2行目" in r.output and not (tmp_path / "l.docx").exists()
