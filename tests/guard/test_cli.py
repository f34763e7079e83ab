"""`mamori check` end to end: dev messages when the eval set is present, and a hand-written .eml always."""

from __future__ import annotations

import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main

from .conftest import CONTACTS

DEV = Path("/work/shared/eval/misdelivery/dev")
POLICY = '[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n'
HISTORY = '{"date": "2026-01-01T00:00:00+09:00", "from": "s.nakamura@ours.example", "to": ["t.sato@alpha.example"], "cc": [], "subject": "x"}\n'  # noqa: E501


def _eml(path: Path, to: str, body: str) -> Path:
    m = EmailMessage()
    m["From"] = "中村 三郎 <s.nakamura@ours.example>"
    m["To"] = to
    m["Subject"] = "ご連絡"
    m.set_content(body)
    path.write_bytes(bytes(m))
    return path


@pytest.fixture
def world(tmp_path: Path) -> Path:
    (tmp_path / "mamori.toml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (tmp_path / "history.jsonl").write_text(HISTORY, encoding="utf-8")
    return tmp_path


def _run(world: Path, *files: Path, extra: tuple[str, ...] = ("--json",)):
    args = [
        "check",
        *map(str, files),
        "--policy",
        str(world / "mamori.toml"),
        "--contacts",
        str(world / "contacts.csv"),
    ]
    return CliRunner().invoke(main, [*args, "--history", str(world / "history.jsonl"), *extra])


def test_check_json_many_messages_and_a_broken_one(world: Path):
    ok = _eml(
        world / "ok.eml", "佐藤 太郎 <t.sato@alpha.example>", "株式会社アルファ\n佐藤様\n\nお世話になっております。\n"
    )
    bad = _eml(
        world / "bad.eml",
        "佐藤 太郎 <t.sato@alpha.example>",
        "ベータ商事株式会社\n佐藤様\n\nお世話になっております。\n",
    )
    broken = world / "broken.eml"
    broken.write_bytes(b"\x00\x01 not a message")
    result = _run(world, ok, broken, bad)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["message"] for line in lines] == [str(ok), str(broken), str(bad)]
    assert lines[0]["action"] == "confirm" and lines[2]["action"] == "hold"
    assert "error" in lines[1]
    assert {r["code"] for r in lines[2]["reasons"]} >= {"content_recipient_mismatch"}
    assert all({"code", "severity", "detail"} <= set(r) for r in lines[2]["reasons"])
    assert "t.sato@alpha.example" not in result.stdout  # addresses are masked in the output
    assert result.exit_code == 1


def test_check_explain_ja(world: Path):
    bad = _eml(
        world / "bad.eml", "佐藤 太郎 <t.sato@alpha.example>", "ベータ商事株式会社\n佐藤様\n\nよろしくお願いします。\n"
    )
    result = _run(world, bad, extra=("--explain", "--lang", "ja"))
    assert result.exit_code == 0
    assert "保留" in result.stdout and "本文の宛名は" in result.stdout
    assert "hold" not in result.stdout and "content_recipient_mismatch" not in result.stdout  # words, not codes
    assert "本文の宛名と" in result.stdout and "重要度" in result.stdout  # the reason's title, the headers


def test_bad_policy_is_a_clear_error(world: Path):
    (world / "mamori.toml").write_text("[organization]\nname = 'x'\n", encoding="utf-8")
    ok = _eml(world / "ok.eml", "t.sato@alpha.example", "本文\n")
    result = _run(world, ok)
    assert result.exit_code == 2 and "organization.internal_domains" in result.stderr


@pytest.mark.skipif(not DEV.is_dir(), reason=f"misdelivery dev set not found at {DEV}")
def test_check_on_dev_messages(tmp_path: Path):
    labels = {
        json.loads(line)["file"]: json.loads(line)
        for line in (DEV / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    wanted = ["ok_routine", "same_surname_wrong_company", "lookalike_domain", "ok_reply_quoting_other_company"]
    picked = [next(f for f, lab in labels.items() if lab["kind"] == kind) for kind in wanted]
    files = []
    for f in picked:
        dst = tmp_path / Path(f).name
        shutil.copy(DEV / f, dst)
        files.append(dst)
    for name in ("mamori.toml", "contacts.csv", "history.jsonl"):
        shutil.copy(DEV / name, tmp_path / name)
    result = _run(tmp_path, *files)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for f, res in zip(picked, out, strict=True):
        lab = labels[f]
        if lab["expected"] == "ok":
            assert res["action"] in ("allow", "confirm"), (f, res)
        else:
            assert res["action"] in ("hold", "block"), (f, res)
            assert {r["code"] for r in res["reasons"]} & set(lab["codes"])
