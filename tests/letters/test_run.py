"""Generated print runs through the command: every problem letter held with its code, no correct letter held, the
contract's JSON, exit codes, the HTML report."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main
from tests.letters.conftest import ROOT, expected

CODES = {"unknown_recipient", "name_mismatch", "address_mismatch", "postal_code_mismatch", "foreign_page",
         "duplicate_recipient", "outside_window", "unreadable_page"}  # fmt: skip


def _check(run: Path, *extra: str) -> tuple[int, str]:
    want = expected(run)
    args = ["letters", "check", str(run / "RUN.pdf"), "--list", str(run / "recipients.csv"),
            "--window", str(want["window"]), *extra]  # fmt: skip
    r = CliRunner().invoke(main, args)
    return r.exit_code, r.output


def test_every_mistake_held_with_its_code_and_no_correct_letter_held(mistakes_run: Path) -> None:
    code, out = _check(mistakes_run, "--json")
    assert code == 1
    result = json.loads(out)
    want = expected(mistakes_run)
    letters: dict[str, list[str]] = want["letters"]  # type: ignore[assignment]
    assert len(result["letters"]) == want["count"]
    assert {c for codes in letters.values() for c in codes} == CODES  # every code injected
    for letter in result["letters"]:
        got = {p["code"] for p in letter["problems"]}
        codes = letters.get(str(letter["index"]))
        if codes:
            assert letter["action"] == "hold" and set(codes) <= got, (letter, codes)
        else:
            assert letter["action"] == "ok", letter
    assert sorted(result["missing"]) == sorted(want["missing"])


def test_json_shape(mistakes_run: Path) -> None:
    result = json.loads(_check(mistakes_run, "--json")[1])
    assert set(result) == {"run", "letters", "missing"}
    assert result["run"].endswith("RUN.pdf")
    pages_seen: list[int] = []
    for i, letter in enumerate(result["letters"], start=1):
        assert set(letter) == {"index", "pages", "recipient", "action", "problems"}
        assert letter["index"] == i and letter["action"] in ("ok", "hold")
        assert letter["recipient"] is None or isinstance(letter["recipient"], str)
        pages_seen += letter["pages"]
        for p in letter["problems"]:
            assert {"code", "page", "detail"} <= set(p) and p["code"] in CODES and p["page"] in letter["pages"]
            assert isinstance(p["detail"], str) and p["detail"] and p["detail_ja"]
    assert pages_seen == list(range(1, len(pages_seen) + 1))  # every page in one letter, in order


def test_a_correct_run_exits_0_in_a_real_process(clean_run: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    want = expected(clean_run)
    r = subprocess.run(
        [sys.executable, "-m", "mamori.cli", "letters", "check", str(clean_run / "RUN.pdf"), "--list",
         str(clean_run / "recipients.csv"), "--window", str(want["window"]), "--json"],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert len(result["letters"]) == want["count"] and result["missing"] == []
    assert all(letter["action"] == "ok" for letter in result["letters"])


def test_terminal_report(mistakes_run: Path, clean_run: Path) -> None:
    code, out = _check(mistakes_run)
    assert code == 1
    result = json.loads(_check(mistakes_run, "--json")[1])
    held = sum(1 for letter in result["letters"] if letter["action"] == "hold")
    m = re.search(r"(\d+) of (\d+) letters held, (\d+) list entries", " ".join(out.split()))
    assert m and m.groups() == (str(held), str(len(result["letters"])), str(len(result["missing"])))
    assert f"{len(result['letters'])}通中{held}通を保留" in "".join(out.split())
    code, out = _check(clean_run)
    assert code == 0 and "印刷・封入してかまいません" in out and "may be printed" in out


def test_html_report_pictures_each_problem_page(mistakes_run: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    code, out = _check(mistakes_run, "--json", "--report", str(report))
    assert code == 1
    result = json.loads(out)
    pages = {(letter["index"], p["page"]) for letter in result["letters"] for p in letter["problems"]}
    text = report.read_text(encoding="utf-8")
    images = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", text)
    assert len(images) == len(pages)
    assert not re.search(r"(src|href)=['\"]?https?:", text)  # self-contained
    from io import BytesIO

    from PIL import Image

    first = Image.open(BytesIO(base64.b64decode(images[0]))).convert("RGB")
    reds = sum(1 for px in first.get_flattened_data() if px[0] > 180 and px[1] < 60 and px[2] < 60)
    assert reds > 100  # the problem is outlined
