"""``mamori incidents new / update / done / list`` on a store: the register from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main

SENSITIVE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
             "data": ["PERSON", "SENSITIVE:medical"], "title": "FAX誤送信"}
NAMES = {"discovered_on": "2026-12-02", "event": "leak", "cause": "email_misdelivery", "persons": 2,
         "data": ["PERSON"]}


def _setup(tmp_path: Path, privacymark: bool = False) -> tuple[CliRunner, list[str]]:
    cfg = tmp_path / "mamori.toml"
    cfg.write_text(f'[organization]\nprivacymark = {"true" if privacymark else "false"}\n'
                   f'[store]\nurl = "sqlite:///{tmp_path / "r.db"}"\n', encoding="utf-8")
    for name, case in (("s.json", SENSITIVE), ("n.json", NAMES)):
        (tmp_path / name).write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return CliRunner(), ["--config", str(cfg)]


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    r = runner.invoke(main, ["incidents", *args])
    return r.exit_code, r.output


def test_new_list_done_update(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    code, out = _run(runner, "new", str(tmp_path / "n.json"), *cfg)
    assert code == 0 and "事案 1 を記録しました" in out and "報告は法律上不要" in out
    code, out = _run(runner, "new", str(tmp_path / "s.json"), *cfg)
    assert code == 0 and "事案 2 を記録しました" in out and "7条1号" in out
    code, out = _run(runner, "list", "--today", "2026-12-03", *cfg)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("[対応中] 事案 2 FAX誤送信") and "報告要" in lines[0]
    assert "期限 2026-12-05 (あと2日、うち開庁日1日)" in lines[1] and lines[1].strip().startswith("未了  速報")
    assert lines[-1].startswith("[対応済] 事案 1") and "報告不要" in lines[-1]
    assert _run(runner, "done", "2", "preliminary", *cfg)[0] == 0
    code, out = _run(runner, "list", "--json", "--today", "2026-12-03", *cfg)
    first = json.loads(out.splitlines()[0])
    tasks = {t["kind"]: t for t in first["tasks"]}
    assert first["id"] == 2 and first["open"] and tasks["preliminary"]["done"] and not tasks["final"]["done"]
    assert tasks["final"]["due"] == "2027-01-04" and tasks["final"]["days_left"] == 32
    code, out = _run(runner, "update", "1", str(tmp_path / "s.json"), *cfg)
    assert code == 0 and "判定 2 回目" in out
    rows = [json.loads(x) for x in _run(runner, "list", "--json", *cfg)[1].splitlines()]
    assert {r["id"]: r["assessments"] for r in rows} == {1: 2, 2: 1} and all(r["open"] for r in rows)


def test_privacymark_adds_its_tasks(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path, privacymark=True)
    _run(runner, "new", str(tmp_path / "n.json"), *cfg)
    row = json.loads(_run(runner, "list", "--json", *cfg)[1])
    assert [t["kind"] for t in row["tasks"]] == ["pmark_final"] and row["open"]


def test_errors_exit_2(tmp_path: Path) -> None:
    runner, cfg = _setup(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"event": "leak"}', encoding="utf-8")
    code, out = _run(runner, "new", str(bad), *cfg)
    assert code == 2 and "discovered_on" in out
    assert _run(runner, "done", "7", "final", *cfg)[0] == 2
    assert _run(runner, "update", "7", str(tmp_path / "n.json"), *cfg)[0] == 2
    assert _run(runner, "done", "1", "lunch", *cfg)[0] == 2
