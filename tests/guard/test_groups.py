"""External recipients grouped by organisation: on the Verdict, in `mamori check --json` and in `--explain`."""

from __future__ import annotations

import json
from pathlib import Path

from mamori.guard import judge
from mamori.guard.report import to_json
from mamori.guard.runner import Outcome

from .conftest import SIGNATURE, msg
from .test_cli import _eml, _run, world  # noqa: F401  (fixture)


def test_groups_by_directory_org_else_domain(policy, directory, history):
    m = msg(
        [("佐藤 太郎", "t.sato@alpha.example"), ("", "x.new@unknown.example")],
        "株式会社アルファ\n佐藤様\n\nお世話になっております。" + SIGNATURE,
        cc=[("鈴木 花子", "h.suzuki@alpha.example"), ("中村 三郎", "s.nakamura@ours.example")],
        bcc=[("田中 一郎", "i.tanaka@beta.example")],
    )
    v = judge(m, policy, directory, history)
    groups = [
        (g.organization, g.known, [(r.address, r.field, r.first_time) for r in g.recipients]) for g in v.external_groups
    ]
    assert groups == [
        (
            "株式会社アルファ",
            True,
            [("t.sato@alpha.example", "to", False), ("h.suzuki@alpha.example", "cc", False)],
        ),
        ("unknown.example", False, [("x.new@unknown.example", "to", True)]),
        ("ベータ商事株式会社", True, [("i.tanaka@beta.example", "bcc", True)]),
    ]


def test_internal_only_has_no_groups(policy, directory, history):
    v = judge(msg([("中村 三郎", "s.nakamura@ours.example")], "社内連絡です。"), policy, directory, history)
    assert v.external_groups == ()


def test_json_groups_are_masked(policy, directory, history):
    m = msg([("佐藤 太郎", "t.sato@alpha.example")], "株式会社アルファ\n佐藤様\n\nよろしくお願いします。" + SIGNATURE)
    out = to_json(Outcome("m.eml", judge(m, policy, directory, history), m))
    assert out["external_recipients"] == [
        {
            "organization": "株式会社アルファ",
            "known": True,
            "recipients": [{"address": "t*****@alpha.example", "name": "佐藤 ■■", "field": "To", "first_time": False}],
        }
    ]
    assert {"message", "action", "reasons"} <= set(out)  # the contract's fields are still there
    assert "t.sato" not in json.dumps(out, ensure_ascii=False) and "太郎" not in json.dumps(out, ensure_ascii=False)


def test_cli_json_and_explain_show_groups(world: Path):  # noqa: F811
    eml = _eml(
        world / "m.eml", "佐藤 太郎 <t.sato@alpha.example>, y.new@gamma.example", "株式会社アルファ\n佐藤様\n\n本文\n"
    )
    res = json.loads(_run(world, eml).stdout)
    assert [g["organization"] for g in res["external_recipients"]] == ["株式会社アルファ", "株式会社ガンマ"]
    assert res["external_recipients"][1]["recipients"][0]["first_time"] is True
    text = _run(world, eml, extra=("--explain",)).stdout
    assert "external recipients by organisation" in text and "株式会社ガンマ" in text and "first time" in text
    assert "t.sato@alpha.example" not in text
