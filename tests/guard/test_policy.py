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


BASE = '[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n'
OVERRIDES = (
    BASE
    + """
[[override]]
senders = ["*@sales.ours.example", "boss@ours.example"]
[override.actions]
first_time_recipient = "hold"

[[override]]
domains = ["payroll.example"]          # the payroll bureau receives the staff list every month
[override.actions]
bulk_pii = "confirm"
first_time_recipient = "allow"
[override.thresholds]
bulk_records = 500
"""
)


def test_override_tables_are_parsed():
    p = parse_policy(OVERRIDES)
    first, second = p.overrides
    assert first.senders == ("*@sales.ours.example", "boss@ours.example") and first.domains == ()
    assert second.domains == ("payroll.example",) and second.thresholds == {"bulk_records": 500}
    assert second.matches("x@ours.example", {"payroll.example", "eu.payroll.example"})
    assert not second.matches("x@ours.example", {"payroll.example", "alpha.example"})
    assert not second.matches("x@ours.example", set())
    assert first.matches("A@Sales.ours.example", {"alpha.example"}) and not first.matches("a@ours.example", set())
    merged = p.for_message("a@ours.example", {"payroll.example"})
    assert merged.bulk_records == 500 and merged.action("bulk_pii") == "confirm"
    assert p.for_message("a@ours.example", {"alpha.example"}) is p


def _judge(policy_text, sender, to, records, directory, history):
    from mamori.guard import AttachmentInfo, Message, Recipient, judge

    att = AttachmentInfo("staff.xlsx", "", (("PHONE", None, "090-****-0000"),), records)
    m = Message(sender, tuple(Recipient("", a) for a in to), "件名", "", (att,))
    return judge(m, parse_policy(policy_text), directory, history)


def test_sender_override_sets_an_action(directory, history):
    v = _judge(OVERRIDES, "a@sales.ours.example", ["t.sato@alpha.example"], 0, directory, history)
    assert v.action == "hold" and {r.code for r in v.reasons if r.severity == "hold"} == {"first_time_recipient"}
    v = _judge(OVERRIDES, "a@ours.example", ["t.sato@alpha.example"], 0, directory, history)
    assert v.action == "confirm"


def test_domain_override_only_when_every_recipient_is_in_it(directory, history):
    v = _judge(OVERRIDES, "a@ours.example", ["kyuyo@payroll.example"], 300, directory, history)
    codes = {r.code: r.severity for r in v.reasons}
    assert "bulk_pii" not in codes  # 300 people: under the bureau's own threshold of 500
    assert codes["first_time_recipient"] == "allow"
    v = _judge(OVERRIDES, "a@ours.example", ["kyuyo@payroll.example"], 600, directory, history)
    assert {r.code: r.severity for r in v.reasons}["bulk_pii"] == "confirm"
    # one more recipient elsewhere: the bureau's relaxed rules do not apply to the message
    v = _judge(OVERRIDES, "a@ours.example", ["kyuyo@payroll.example", "x@gamma2.example"], 300, directory, history)
    codes = {r.code: r.severity for r in v.reasons}
    # (the first mail to gamma2, a domain no contact and no past mail knows, carries 300 people: held, not allowed)
    assert codes["bulk_pii"] == "hold" and codes["first_time_recipient"] == "hold"
    assert v.action == "hold"


@pytest.mark.parametrize(
    ("tail", "needle"),
    [
        ('[override]\nsenders = ["a@x"]\n', "[[override]]"),
        (
            '[[override]]\nsender = ["a@x"]\n',
            "override[1].sender: unknown key (known: senders, domains, actions, thresholds) (line 5)",
        ),
        ('[[override]]\n[override.actions]\nbulk_pii = "hold"\n', "override[1] needs senders"),
        ('[[override]]\ndomains = ["p.example"]\n', "override[1] sets nothing"),
        (
            '[[override]]\nsenders = ["a@x"]\n[override.actions]\nbulk_pii = "hold"\n\n'
            '[[override]]\ndomains = ["p.example"]\n[override.actions]\nbulk_pii = "maybe"\n',
            "override[2].actions.bulk_pii must be one of allow, confirm, hold, block, not 'maybe' (line 12)",
        ),
        ('[[override]]\ndomains = "p.example"\n[override.actions]\nbulk_pii = "hold"\n', "override[1].domains"),
        ('[[override]]\ndomains = ["p"]\n[override.thresholds]\nbulk_record = 9\n', "override[1].thresholds.bulk_"),
        ('[[override]]\ndomains = ["p"]\nthresholds = { bulk_records = 0 }\n', "(line 6)"),
        ("[thresholds]\nbulk_record = 9\n", "thresholds.bulk_record: unknown threshold"),
    ],
)
def test_override_errors_name_the_key_and_line(tail, needle):
    with pytest.raises(PolicyError) as info:
        parse_policy(BASE + tail)
    assert needle in str(info.value)
