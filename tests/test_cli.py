"""The `mamori detect` command: the --jsonl scoring contract, table and JSON output, --types, exit codes.

Most tests swap the built-in recognizers for a small fake one so that the contract is tested apart from
the recognizers' tuning; a few run the real command end to end.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.detect import Document, Finding, Recognizer

_EMAIL = re.compile(r"[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_TWELVE = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")


class _FakeRecognizer(Recognizer):
    """EMAIL at 0.9; 12 digits as MY_NUMBER at 0.4 (below the default threshold of 0.5)."""

    name = "fake"
    entities = ("EMAIL", "MY_NUMBER")

    def find(self, doc: Document) -> Iterable[Finding]:
        for m in _EMAIL.finditer(doc.norm):
            yield self.finding(doc, "EMAIL", m.start(), m.end(), 0.9)
        for m in _TWELVE.finditer(doc.norm):
            yield self.finding(doc, "MY_NUMBER", m.start(), m.end(), 0.4)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from mamori.detect import recognizers

    monkeypatch.setattr(recognizers, "default_recognizers", lambda: [_FakeRecognizer()])
    yield


def _run(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(main, args, input=stdin)


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# ---- --jsonl --------------------------------------------------------------------------------------


def test_jsonl_one_line_out_per_line_in_in_order(fake: None) -> None:
    items = [
        {"id": "a", "text": "mail taro@example.jp now"},
        {"id": 2, "text": "nothing here"},
        {"id": None, "text": ""},
        {"id": "d", "text": "二人：ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ と b@example.com"},
        {"text": "no id at all: c@example.org"},
    ]
    r = _run(["detect", "--jsonl"], "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items))
    assert r.exit_code == 0, r.output
    out = _lines(r.stdout)
    assert [o["id"] for o in out] == ["a", 2, None, "d", None]
    a = out[0]["findings"]
    assert a == [{"start": 5, "end": 20, "type": "EMAIL", "score": 0.9}]
    assert out[1]["findings"] == [] and out[2]["findings"] == []
    text_d = items[3]["text"]
    spans = [(f["start"], f["end"]) for f in out[3]["findings"]]
    assert [text_d[s:e] for s, e in spans] == ["ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ", "b@example.com"]
    assert set(out[4]) == {"id", "findings"}
    for o in out:
        for f in o["findings"]:
            assert set(f) == {"start", "end", "type", "score"}


def test_jsonl_offsets_are_code_points(fake: None) -> None:
    text = "🎉😀 𠮷野家 x@example.jp"
    r = _run(["detect", "--jsonl"], json.dumps({"id": 1, "text": text}) + "\n")
    (f,) = _lines(r.stdout)[0]["findings"]
    assert text[f["start"] : f["end"]] == "x@example.jp"


def test_jsonl_malformed_lines_give_error_lines_and_keep_the_others(fake: None) -> None:
    stdin = "\n".join(
        [
            json.dumps({"id": "ok1", "text": "a@example.jp"}),
            "{not json",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "bad-text", "text": 42}),
            json.dumps(["a", "list"]),
            json.dumps({"id": "ok2", "text": "b@example.jp"}),
        ]
    )
    r = _run(["detect", "--jsonl"], stdin + "\n")
    assert r.exit_code != 0
    assert r.exit_code == 1
    out = _lines(r.stdout)
    assert len(out) == 6
    assert [o["id"] for o in out] == ["ok1", None, "no-text", "bad-text", None, "ok2"]
    assert [("error" in o) for o in out] == [False, True, True, True, True, False]
    assert all(o["findings"] == [] for o in out if "error" in o)
    assert out[1]["error"].startswith("line 2:")
    assert len(out[5]["findings"]) == 1
    assert "line 2" in r.stderr


def test_jsonl_skips_blank_lines(fake: None) -> None:
    r = _run(["detect", "--jsonl"], '\n{"id": 1, "text": "x"}\n   \n{"id": 2, "text": "y"}\n')
    assert r.exit_code == 0
    assert [o["id"] for o in _lines(r.stdout)] == [1, 2]


def test_jsonl_empty_input(fake: None) -> None:
    r = _run(["detect", "--jsonl"], "")
    assert r.exit_code == 0 and r.stdout == ""


def test_jsonl_min_score_and_types(fake: None) -> None:
    line = json.dumps({"id": 1, "text": "a@example.jp 123456789018"}) + "\n"
    default = _lines(_run(["detect", "--jsonl"], line).stdout)[0]["findings"]
    assert [f["type"] for f in default] == ["EMAIL"]
    low = _lines(_run(["detect", "--jsonl", "--min-score", "0.3"], line).stdout)[0]["findings"]
    assert [f["type"] for f in low] == ["EMAIL", "MY_NUMBER"]
    only = _lines(_run(["detect", "--jsonl", "--min-score", "0.3", "--types", "my_number"], line).stdout)[0]
    assert [f["type"] for f in only["findings"]] == ["MY_NUMBER"]


def test_jsonl_refuses_files(fake: None, tmp_path: Path) -> None:
    r = _run(["detect", "--jsonl", str(tmp_path)], "")
    assert r.exit_code == 2


def test_jsonl_lone_surrogate_in_id_does_not_end_the_run() -> None:
    stdin = '{"id": "\\ud800", "text": "x"}\n{"id": "next", "text": "y"}\n'
    p = subprocess.run(
        [sys.executable, "-m", "mamori.cli", "detect", "--jsonl", "--types", "EMAIL"],
        input=stdin.encode(),
        capture_output=True,
        timeout=120,
    )
    out = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert len(out) == 2 and out[1]["id"] == "next"
    assert p.returncode in (0, 1)


# ---- files, table and JSON output -------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("連絡先：\nhanako@example.jp\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("no personal data", encoding="utf-8")
    (tmp_path / "c.csv").write_bytes("名前,メール\n山田,taro@example.co.jp\n".encode("cp932"))
    (tmp_path / ".hidden.txt").write_text("z@example.jp", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG z@example.jp")
    return tmp_path


def test_json_format(fake: None, folder: Path) -> None:
    r = _run(["detect", "--format", "json", str(folder)])
    assert r.exit_code == 1, r.output
    rows = json.loads(r.stdout)
    assert [(Path(x["source"]).name, x["line"], x["column"], x["type"]) for x in rows] == [
        ("a.txt", 2, 1, "EMAIL"),
        ("c.csv", 2, 4, "EMAIL"),
    ]
    for x in rows:
        assert {"start", "end", "score", "recognizer", "masked"} <= set(x)
        assert "text" not in x  # raw values are never printed
        assert "@example" in x["masked"] and not x["masked"].startswith(("hanako", "taro"))


def test_table_format(fake: None, folder: Path) -> None:
    r = _run(["detect", str(folder / "a.txt")])
    assert r.exit_code == 1
    assert "1 finding(s)" in r.stdout
    assert "EMAIL" in r.stdout and "2:1" in r.stdout
    assert "hanako@" not in r.stdout


def test_stdin_source(fake: None) -> None:
    r = _run(["detect", "--format", "json", "-"], "x\ny a@example.jp")
    assert r.exit_code == 1
    (row,) = json.loads(r.stdout)
    assert row["source"] == "-" and (row["line"], row["column"]) == (2, 3)


def test_nothing_found_exits_0(fake: None, folder: Path) -> None:
    r = _run(["detect", str(folder / "sub")])
    assert r.exit_code == 0
    assert "0 finding(s)" in r.stdout
    r = _run(["detect", "--format", "json", str(folder / "sub")])
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_types_filter_and_validation(fake: None, folder: Path) -> None:
    r = _run(["detect", "--types", "PHONE", str(folder)])
    assert r.exit_code == 0
    r = _run(["detect", "--types", "email, phone", "--format", "json", str(folder)])
    assert r.exit_code == 1 and len(json.loads(r.stdout)) == 2
    r = _run(["detect", "--types", "EMAIL,NOT_A_TYPE", str(folder)])
    assert r.exit_code == 2
    assert "NOT_A_TYPE" in r.output


@pytest.mark.parametrize(
    "args",
    [
        ["detect", "/no/such/path/anywhere"],
        ["detect", "--lang", "fr", "-"],
        ["detect", "--format", "xml", "-"],
        ["detect", "--min-score", "1.5", "-"],
        ["detect", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(fake: None, args: list[str]) -> None:
    assert _run(args, "").exit_code == 2


def test_version_and_help() -> None:
    r = _run(["--version"])
    assert r.exit_code == 0 and "mamori" in r.output
    r = _run(["detect", "--help"])
    assert r.exit_code == 0 and "--jsonl" in r.output


# ---- the real command, end to end ---------------------------------------------------------------


def _mamori(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mamori.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_real_jsonl_finds_an_email() -> None:
    text = "お問い合わせは taro.yamada@example.co.jp まで。"
    p = _mamori("detect", "--jsonl", stdin=json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n")
    assert p.returncode == 0, p.stderr
    (out,) = [json.loads(x) for x in p.stdout.splitlines()]
    emails = [f for f in out["findings"] if f["type"] == "EMAIL"]
    assert [text[f["start"] : f["end"]] for f in emails] == ["taro.yamada@example.co.jp"]


def test_real_exit_codes() -> None:
    assert _mamori("detect", "-", stdin="今日は良い天気です。").returncode == 0
    found = _mamori("detect", "--format", "json", "-", stdin="連絡先: taro.yamada@example.co.jp")
    assert found.returncode == 1
    assert "taro.yamada@example.co.jp" not in found.stdout
    assert _mamori("detect", "--types", "BOGUS", "-").returncode == 2


def test_shell_commands_load_only_when_named() -> None:
    # `mamori detect` must not pay for the web app, the store or the gateway (0.5 s of start-up before).
    code = (
        "import sys, mamori.cli; "
        "heavy = ('sqlalchemy', 'fastapi', 'aiosmtpd', 'mamori.gateway', 'mamori.web'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from mamori.cli import _LAZY_COMMANDS

    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    ctx = click.Context(main)
    for name in _LAZY_COMMANDS:
        assert name in result.output
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
    assert main.get_command(ctx, "no-such-command") is None
