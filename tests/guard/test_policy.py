"""Policy files: defaults, overrides and clear errors."""

from __future__ import annotations

import pytest

from mamori.guard.policy import PolicyError, load_policy, parse_policy


def test_minimal_policy_has_defaults():
    p = parse_policy('[organization]\ninternal_domains = ["Ours.example"]\n')
    assert p.internal_domains == ("ours.example",)
    assert p.is_internal("a@ours.example") and p.is_internal("a@mail.ours.example") and not p.is_internal("a@x.example")
    assert p.action("similar_recipient") == "hold" and p.bulk_records == 50


def test_overrides():
    p = parse_policy(
        '[organization]\ninternal_domains = ["o.example"]\n[thresholds]\nbulk_records = 10\n'
        '[actions]\nfirst_time_recipient = "hold"\n[free_mail]\ndomains = ["free.example"]\n'
    )
    assert p.bulk_records == 10 and p.action("first_time_recipient") == "hold"
    assert p.free_mail_domains == ("free.example",)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[organization]\nname = 'x'\n", "organization.internal_domains"),
        ("name = 'x'\n", "[organization]"),
        ("[organization]\ninternal_domains = 'o.example'\n", "organization.internal_domains"),
        ("[organization]\ninternal_domains = []\n", "organization.internal_domains"),
        ('[organization]\ninternal_domains = ["o"]\n[thresholds]\nbulk_records = -1\n', "thresholds.bulk_records"),
        ('[organization]\ninternal_domains = ["o"]\n[actions]\nbulk_pii = "maybe"\n', "actions.bulk_pii"),
        ('[organization]\ninternal_domains = ["o"]\n[actions]\nno_such = "hold"\n', "actions.no_such"),
        ("[organization]\ninternal_domains = [\n\n= 3\n", "line"),
    ],
)
def test_errors_name_the_key(text, needle):
    with pytest.raises(PolicyError, match=None) as info:
        parse_policy(text)
    assert needle in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")
