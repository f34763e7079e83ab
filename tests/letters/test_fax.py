"""``mamori fax check``: each code, organisation spellings, departments, people not in the directory, dialable
numbers, the JSON per row, exit codes and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.guard.channel import channel_index
from mamori.guard.directory import parse_contacts
from mamori.letters.fax import SendListError, SendRow, check_sendlist, dialable, parse_sendlist, similar

CONTACTS = """name,kana,email,organization,fax
佐藤 一郎,サトウ イチロウ,sato@koyo.example,株式会社光陽システムズ,03-1234-5678
鈴木 花子,,suzuki@koyo.example,株式会社光陽システムズ,03-1234-5679;06-6123-4567
田中 次郎,,tanaka@hokuto.example,北斗商事株式会社,03-9876-5432
高橋 三郎,,,(有)みどり商店,0120-123-456
山本 恵,,yamamoto@midori.example,有限会社みどり商店,
"""


def _index():  # type: ignore[no-untyped-def]
    return channel_index(parse_contacts(CONTACTS), CONTACTS)


def judge(name: str, org: str, fax: str) -> tuple[str, list[str]]:
    (v,) = check_sendlist([SendRow(1, name, org, fax)], _index())
    return v.action, [r.code for r in v.reasons]


@pytest.mark.parametrize(
    ("name", "org", "fax"),
    [
        ("佐藤 一郎", "株式会社光陽システムズ", "03-1234-5678"),
        ("佐藤 一郎", "光陽システムズ株式会社", "０３－１２３４－５６７８"),  # legal form after, full width
        ("渡辺 学", "（株）光陽 システムズ", "(03)1234-5678"),  # someone not in the directory
        ("経理部", "㈱光陽システムズ 経理部", "06-6123-4567"),  # a department; another number of the company
        ("ご担当者", "株式会社光陽システムズ", "+81 3 1234 5679"),
        ("高橋 三郎", "㈲みどり商店", "0120-123-456"),
        ("", "有限会社 みどり商店", "0120123456"),
    ],
)
def test_allowed(name: str, org: str, fax: str) -> None:
    assert judge(name, org, fax) == ("allow", [])


def test_number_of_another_organisation() -> None:
    assert judge("佐藤 一郎", "株式会社光陽システムズ", "03-9876-5432") == ("hold", ["recipient_organization_mismatch"])
    assert judge("某", "南星物産", "03-9876-5432") == ("hold", ["recipient_organization_mismatch"])


@pytest.mark.parametrize("fax", ["03-1234-5687", "03-1234-5677", "03-1243-5678", "06-6123-4576"])
def test_similar_to_a_number_of_the_named_organisation(fax: str) -> None:
    assert judge("佐藤 一郎", "株式会社光陽システムズ", fax) == ("hold", ["similar_recipient"])


def test_not_similar_or_unknown_organisation_is_unknown_recipient() -> None:
    assert judge("佐藤 一郎", "株式会社光陽システムズ", "03-5555-1111") == ("confirm", ["unknown_recipient"])
    assert judge("佐藤 一郎", "株式会社光陽システムズ", "03-1234-5656") == ("confirm", ["unknown_recipient"])  # two off
    assert judge("木村 進", "南星物産株式会社", "03-1234-5687") == ("confirm", ["unknown_recipient"])
    assert judge("木村 進", "", "045-111-2222") == ("confirm", ["unknown_recipient"])
    # similar to another organisation's number only: not that organisation's typo
    assert judge("佐藤 一郎", "北斗商事", "03-1234-5687") == ("confirm", ["unknown_recipient"])


@pytest.mark.parametrize(
    ("fax", "ok"),
    [
        ("03-1234-5678", True), ("0120-123-456", True), ("050-1234-5678", True), ("090-1234-5678", True),
        ("0800-123-4567", True), ("0570-123-456", True), ("0312345678", True),
        ("03-1234-567", False), ("03-1234-56789", False), ("090-1234-567", False), ("0800-123-456", False),
        ("00-1234-5678", False), ("3-1234-5678", False), ("03-1234-567a", False), ("", False), ("03/1234/5678", False),
    ],
)  # fmt: skip
def test_dialable(fax: str, ok: bool) -> None:
    assert dialable(fax) is ok


def test_a_dropped_digit_is_invalid_not_similar() -> None:
    assert judge("佐藤 一郎", "株式会社光陽システムズ", "03-1234-567") == ("hold", ["invalid_number"])
    assert judge("佐藤 一郎", "株式会社光陽システムズ", "03-1234-56788") == ("hold", ["invalid_number"])


def test_similar() -> None:
    assert similar("0312345678", "0312345679") and similar("0312345678", "0312345687")
    assert not similar("0312345678", "0312345678") and not similar("0312345678", "031234567")
    assert not similar("0312345678", "0312345786") and not similar("0312345678", "0312345699")


def _files(tmp_path: Path, rows: str) -> tuple[str, str]:
    (tmp_path / "send.csv").write_text(rows, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    return str(tmp_path / "send.csv"), str(tmp_path / "contacts.csv")


def test_cli_json_one_object_per_row(tmp_path: Path) -> None:
    send, contacts = _files(
        tmp_path,
        "name,organization,fax\n佐藤 一郎,株式会社光陽システムズ,03-1234-5678\n"
        "田中 次郎,株式会社光陽システムズ,03-9876-5432\n鈴木 花子,光陽システムズ,03-1234-567\n",
    )
    r = CliRunner().invoke(main, ["fax", "check", send, "--contacts", contacts, "--json"])
    assert r.exit_code == 1
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(o["row"], o["action"], [x["code"] for x in o["reasons"]]) for o in rows] == [
        (1, "allow", []),
        (2, "hold", ["recipient_organization_mismatch"]),
        (3, "hold", ["invalid_number"]),
    ]
    assert all({"code", "severity", "detail", "detail_ja"} <= set(x) for o in rows for x in o["reasons"])


def test_cli_all_allowed_exits_0_and_reads_well(tmp_path: Path) -> None:
    send, contacts = _files(tmp_path, "fax,name,organization\n03-1234-5678,佐藤 一郎,株式会社光陽システムズ\n")
    r = CliRunner().invoke(main, ["fax", "check", send, "--contacts", contacts])
    assert r.exit_code == 0 and "問題なし" in r.output and "fine" in r.output


def test_cli_report_names_the_row(tmp_path: Path) -> None:
    send, contacts = _files(tmp_path, "name,organization,fax\n佐藤 一郎,株式会社光陽システムズ,03-1234-5687\n")
    r = CliRunner().invoke(main, ["fax", "check", send, "--contacts", contacts])
    assert r.exit_code == 1 and "similar_recipient" in "".join(r.output.split()) and "保留 1 件" in r.output


@pytest.mark.parametrize(
    ("rows", "what"),
    [
        ("name,org,fax\na,b,03-1234-5678\n", "unknown column org"),
        ("name,fax\na,03-1234-5678\n", "missing column organization"),
        ("name,organization,fax\na,b\n", "row 1: 2 cells where the header has 3"),
    ],
)
def test_cli_bad_send_list(tmp_path: Path, rows: str, what: str) -> None:
    send, contacts = _files(tmp_path, rows)
    r = CliRunner().invoke(main, ["fax", "check", send, "--contacts", contacts, "--json"])
    assert r.exit_code == 2 and what in r.stderr and "Traceback" not in r.output


def test_parse_errors_name_the_line() -> None:
    with pytest.raises(SendListError) as e:
        parse_sendlist("name,organization,fax\na,b,c\n\nd,e\n")
    assert e.value.line == 4


def test_generated_send_list(tmp_path: Path) -> None:
    """fax_generate.py's list: every mistake flagged with its code, every correct row allowed."""
    import importlib.util
    import sys

    from tests.letters.conftest import ROOT

    spec = importlib.util.spec_from_file_location("fax_generate", ROOT / "benchmarks" / "letters" / "fax_generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    want = module.generate(tmp_path, rows=300, seed=5)["rows"]
    r = CliRunner().invoke(main, ["fax", "check", str(tmp_path / "sendlist.csv"), "--contacts",
                                  str(tmp_path / "contacts.csv"), "--json"])  # fmt: skip
    assert r.exit_code == 1
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    codes = {"similar_recipient", "invalid_number", "recipient_organization_mismatch", "unknown_recipient"}
    assert len(rows) == 300 and set(want.values()) == codes
    for row in rows:
        codes = [x["code"] for x in row["reasons"]]
        if str(row["row"]) in want:
            assert want[str(row["row"])] in codes, row
        else:
            assert row["action"] == "allow", row
