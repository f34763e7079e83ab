"""The rule sets as data: the shipped versions, amendments merged over what they amend, the version in force."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from mamori.incidents import assess, builtin_rulesets, in_force, parse_case
from mamori.incidents.ruleset import CATEGORY_NAMES, RuleSetError, parse_rulesets


def _texts() -> dict[str, str]:
    folder = resources.files("mamori.incidents") / "rules"
    return {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".toml")}


def test_shipped_versions() -> None:
    rs = builtin_rulesets()
    assert [r.id for r in rs] == ["2022-04-01", "2024-04-01"]
    old, new = rs
    assert [c.name for c in new.categories] == list(CATEGORY_NAMES)
    # the 2024 amendment widened 3号 only (令和5年規則第5号)
    for name in CATEGORY_NAMES:
        widened = "being_acquired" in new.category(name).scope
        assert widened == (name == "malicious")
        assert "being_acquired" not in old.category(name).scope
    # everything else is inherited unchanged
    assert (new.final_days, new.final_days_malicious, new.year_end_closure) == (30, 60, old.year_end_closure)
    assert new.category("over_1000").more_than == 1000


def test_in_force() -> None:
    rs = builtin_rulesets()
    assert in_force(rs, date(2022, 3, 31)) is None
    assert in_force(rs, date(2022, 4, 1)).id == "2022-04-01"
    assert in_force(rs, date(2024, 3, 31)).id == "2022-04-01"
    assert in_force(rs, date(2024, 4, 1)).id == "2024-04-01"


def test_a_later_amendment_is_a_new_file_and_changes_only_later_cases() -> None:
    """A hypothetical amendment (4号 threshold lowered) added as a file: old cases keep their answer."""
    texts = dict(_texts())
    texts["2027-04-01.toml"] = (
        'id = "2027-04-01"\namends = "2024-04-01"\neffective = 2027-04-01\n'
        'title_ja = "仮の改正"\ntitle_en = "hypothetical"\n[categories.over_1000]\nmore_than = 500\n'
    )
    rulesets = parse_rulesets(texts)
    case = {"event": "leak", "cause": "email_misdelivery", "persons": 600, "data": ["PERSON"]}
    before = assess(parse_case(dict(case, discovered_on="2027-03-31")), rulesets)
    after = assess(parse_case(dict(case, discovered_on="2027-04-01")), rulesets)
    assert (before.reportable, before.rules) == (False, "2024-04-01")
    assert (after.reportable, after.categories, after.rules) == (True, ("over_1000",), "2027-04-01")
    # the amended version still widens 3号 (inherited through two amendments)
    assert "being_acquired" in rulesets[-1].category("malicious").scope


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("2030-01-01.toml", 'id = "2030-01-02"', "file's name"),
        ("2030-01-01.toml", 'id = "2030-01-01"\namends = "2031-01-01"\neffective = 2030-01-01', "earlier"),
        ("2030-01-01.toml", 'id = "2030-01-01"\namends = "2024-04-01"\neffective = 2030-01-02', "named by"),
        ("2030-01-01.toml", 'id = "2030-01-01"\namends = "2024-04-01"\neffective = 2030-01-01\n'
         '[categories.malicious]\nscope = ["everything"]', "scope"),
        ("2030-01-01.toml", 'id = "2030-01-01"\namends = "2024-04-01"\neffective = 2030-01-01\n'
         '[categories.over_1001]\nmore_than = 1', "categories"),
        ("2030-01-01.toml", 'id = "2030-01-01"\namends = "2024-04-01"\neffective = 2030-01-01\n'
         '[calendar]\nyear_end_closure = ["12-32"]', "MM-DD"),
        ("2030-01-01.toml", "id = ", "2030-01-01.toml"),
    ],
)
def test_malformed_rules_are_refused(name: str, text: str, message: str) -> None:
    texts = dict(_texts(), **{name: text})
    with pytest.raises(RuleSetError, match=message):
        parse_rulesets(texts)
