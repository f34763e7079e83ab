"""``mamori incidents assess`` end to end: the contract's JSON, the readable explanation, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"case", "reportable", "categories", "notify_individuals", "report_to", "preliminary_due", "final_due",
          "rules", "reasons"}


def _write(tmp_path: Path, name: str, case: object) -> str:
    p = tmp_path / name
    p.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return str(p)


SKIMMING = {"discovered_on": "2024-04-01", "event": "leak", "cause": "unauthorized_access", "persons": 300,
            "data": ["PERSON", "CREDIT_CARD"], "malicious": True, "personal_data": False}
FAX = {"discovered_on": "2025-06-02", "event": "leak", "cause": "fax_misdelivery", "persons": 1, "data": ["PERSON"]}
ENTRUSTED = {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 2,
             "data": ["SENSITIVE:medical"], "entrusted": True}


def test_json_in_a_real_process(tmp_path: Path) -> None:
    """The installed command as a script would run it: one JSON line per case, in order, exit 0."""
    paths = [_write(tmp_path, "skim.json", SKIMMING), _write(tmp_path, "fax.json", FAX),
             _write(tmp_path, "ent.json", ENTRUSTED)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "mamori.cli", "incidents", "assess", *paths, "--json"],
                       capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["case"] for o in out] == paths
    for o in out:
        assert set(o) >= FIELDS
        assert all({"code", "article", "detail"} <= set(x) for x in o["reasons"])
    skim, fax, ent = out
    assert skim["reportable"] is True and skim["categories"] == ["malicious"]
    assert (skim["report_to"], skim["notify_individuals"], skim["final_due"], skim["rules"]) == (
        "PPC", True, "2024-05-30", "2024-04-01")
    assert skim["preliminary_due"] <= skim["final_due"]
    assert (fax["reportable"], fax["categories"], fax["report_to"], fax["preliminary_due"], fax["final_due"],
            fax["notify_individuals"]) == (False, [], None, None, None, False)
    assert (ent["report_to"], ent["notify_individuals"], ent["final_due"]) == ("principal", False, None)
    assert ent["preliminary_due"] is not None


def test_readable_explanation_in_both_languages(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["incidents", "assess", _write(tmp_path, "skim.json", SKIMMING)])
    assert r.exit_code == 0, r.output
    assert "報告が必要です" in r.output and "a report is required" in r.output
    assert "施行規則7条3号" in r.output and "2024-05-30" in r.output
    assert "本人通知: 必要" in r.output and "Notify the individuals: yes" in r.output
    r = CliRunner().invoke(main, ["incidents", "assess", _write(tmp_path, "fax.json", FAX)])
    assert r.exit_code == 0
    assert "報告は法律上不要" in r.output and "no report to the PPC is required" in r.output
    r = CliRunner().invoke(main, ["incidents", "assess", _write(tmp_path, "ent.json", ENTRUSTED)])
    assert "委託元" in r.output and "principal" in r.output


def test_bad_case_names_the_field_and_exits_2(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.json", dict(FAX, persons=-3))
    good = _write(tmp_path, "fax.json", FAX)
    r = CliRunner().invoke(main, ["incidents", "assess", bad, good, "--json"])
    assert r.exit_code == 2
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines[0] == {"case": bad, "error": {"field": "persons", "message": lines[0]["error"]["message"],
                                               "message_ja": lines[0]["error"]["message_ja"]}}
    assert lines[1]["case"] == good and lines[1]["reportable"] is False  # the other cases are still assessed
    assert f"{bad}: persons:" in r.stderr


def test_unreadable_files_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for path, what in ((str(broken), "JSON"), (str(tmp_path / "missing.json"), "cannot read")):
        r = CliRunner().invoke(main, ["incidents", "assess", path])
        assert r.exit_code == 2
        assert what in r.stderr and r.stdout == ""


def test_listed_among_the_commands() -> None:
    r = CliRunner().invoke(main, ["--help"])
    assert "incidents" in r.output
