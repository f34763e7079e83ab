"""`[detect]` in mamori.toml: custom patterns, deny and allow lists, through the Detector, the CLI and the guard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mamori.detect import Detector
from mamori.detect.config import DetectConfig, DetectConfigError, parse_detect_config

CONFIG = """
[detect]
deny = ["Project Falcon", "ファルコン計画"]
allow = ["03-1234-5678"]

[[detect.custom]]
type = "EMPLOYEE_ID"
pattern = "EMP-[0-9]{6}"
context = ["社員番号", "employee"]

[[detect.custom]]
type = "MEMBER_CARD"
pattern = "M[0-9]{16}"
validate = "luhn"
score = 0.8
"""


def _found(text: str, config: DetectConfig) -> list[tuple[str, str, float]]:
    return [(f.type, f.text, round(f.score, 2)) for f in Detector(config=config).detect(text)]


def test_custom_pattern_context_raises_score() -> None:
    cfg = parse_detect_config(CONFIG)
    # a bare match scores 0.6 (above the 0.5 threshold); a context word nearby adds 0.3; full-width input is folded
    assert ("EMPLOYEE_ID", "ＥＭＰ－１２３４５６", 0.9) in _found("社員番号：ＥＭＰ－１２３４５６", cfg)
    assert ("EMPLOYEE_ID", "EMP-654321", 0.6) in _found("ref EMP-654321 attached", cfg)
    assert not [f for f in _found("EMP-12345 is too short", cfg) if f[0] == "EMPLOYEE_ID"]


def test_custom_validator() -> None:
    cfg = parse_detect_config(CONFIG)
    assert ("MEMBER_CARD", "M4111111111111111", 0.8) in _found("card M4111111111111111", cfg)
    assert not [f for f in _found("card M4111111111111112", cfg) if f[0] == "MEMBER_CARD"]


def test_deny_terms_always_reported() -> None:
    cfg = parse_detect_config(CONFIG)
    got = _found("re: PROJECT FALCON の進捗（ファルコン計画）", cfg)
    assert ("CONFIDENTIAL", "PROJECT FALCON", 1.0) in got and ("CONFIDENTIAL", "ファルコン計画", 1.0) in got
    typed = parse_detect_config('[detect]\ndeny = ["Falcon"]\ndeny_type = "CODE_NAME"')
    assert [f[0] for f in _found("Falcon", typed)] == ["CODE_NAME"]


def test_allow_list_drops_our_own_values_only() -> None:
    cfg = parse_detect_config(CONFIG)
    text = "代表 TEL 03-1234-5678（TEL ０３－１２３４－５６７８）、担当携帯 090-1234-5678"
    phones = [f[1] for f in _found(text, cfg) if f[0] == "PHONE"]
    assert phones == ["090-1234-5678"]
    assert sorted(f[1] for f in _found(text, DetectConfig()) if f[0] == "PHONE") == sorted(
        ["03-1234-5678", "０３－１２３４－５６７８", "090-1234-5678"]
    )


def test_types_filter_includes_config_types() -> None:
    cfg = parse_detect_config(CONFIG)
    det = Detector(config=cfg, types=["EMPLOYEE_ID"])
    assert [f.type for f in det.detect("EMP-123456 山田様 090-1234-5678 Project Falcon")] == ["EMPLOYEE_ID"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[detect.custom]]\ntype = "X"\npattern = "EMP-[0-9"', "[[detect.custom]] #1 (X): pattern:"),
        ('[[detect.custom]]\ntype = "lower"\npattern = "x"', "[[detect.custom]] #1: type must be an upper-case"),
        ('[[detect.custom]]\ntype = "X"', "'type' and 'pattern' are required"),
        ('[[detect.custom]]\ntype = "X"\npattern = "x"\nscore = 2', "score must be a number between 0 and 1"),
        ('[[detect.custom]]\ntype = "X"\npattern = "x"\nvalidate = "crc"', "validate must be one of"),
        ('[[detect.custom]]\ntype = "X"\npattern = "x"\ncolour = 1', "unknown key 'colour'"),
        ('[detect]\ndeny = ["ok", ""]', "[detect] deny: an empty string"),
        ('[detect]\nallow = "03"', "[detect] allow must be a list of strings"),
        ('[detect]\nextra = 1', "[detect]: unknown key 'extra'"),
    ],
)
def test_bad_entries_are_named(text: str, message: str) -> None:
    with pytest.raises(DetectConfigError) as e:
        Detector(config=parse_detect_config(text))
    assert message in str(e.value)


def test_a_huge_pattern_is_an_error_not_a_hang() -> None:
    cfg = parse_detect_config('[[detect.custom]]\ntype = "X"\npattern = "(?:[0-9]{1000}){1000}"')
    with pytest.raises(DetectConfigError, match="#1"):
        Detector(config=cfg)


def _mamori(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mamori.cli", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_cli_detect_and_scan_with_config(tmp_path: Path) -> None:
    toml = tmp_path / "mamori.toml"
    toml.write_text(CONFIG, encoding="utf-8")
    line = json.dumps({"id": "a", "text": "社員番号 EMP-123456 代表 03-1234-5678"}, ensure_ascii=False)
    r = _mamori("detect", "--jsonl", "--config", str(toml), stdin=line + "\n")
    assert r.returncode == 0, r.stderr  # --jsonl: 1 only for a malformed line
    assert [f["type"] for f in json.loads(r.stdout)["findings"]] == ["EMPLOYEE_ID"]
    r = _mamori("detect", "--config", str(toml), "--types", "EMPLOYEE_ID", "--format", "json", "-", stdin="EMP-123456")
    assert r.returncode == 1 and json.loads(r.stdout)[0]["type"] == "EMPLOYEE_ID"
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "memo.txt").write_text("Project Falcon の資料", encoding="utf-8")
    r = _mamori("scan", str(tmp_path / "tree"), "--config", str(toml), "--format", "json")
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["summary"]["counts"] == {"CONFIDENTIAL": 1}


def test_cli_bad_config_exit_2(tmp_path: Path) -> None:
    toml = tmp_path / "mamori.toml"
    toml.write_text('[[detect.custom]]\ntype = "X"\npattern = "("\n', encoding="utf-8")
    for args in (["detect", "-"], ["scan", str(tmp_path)]):
        r = _mamori(*args, "--config", str(toml), stdin="x")
        assert r.returncode == 2
        assert "[[detect.custom]] #1 (X): pattern:" in r.stderr
    r = _mamori("detect", "-", "--config", str(tmp_path / "missing.toml"), stdin="x")
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_guard_inputs_use_the_config(tmp_path: Path) -> None:
    from mamori.guard.inputs import load_guard_inputs

    toml = tmp_path / "mamori.toml"
    toml.write_text('[organization]\ninternal_domains = ["example.co.jp"]\n' + CONFIG, encoding="utf-8")
    inputs = load_guard_inputs(toml, contacts=None, history=None)
    assert inputs.detect_config is not None
    assert [f.type for f in inputs.detector.detect("EMP-123456")] == ["EMPLOYEE_ID"]
