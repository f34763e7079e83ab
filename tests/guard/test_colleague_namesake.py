"""An internal discussion copied to an outside namesake of a colleague: the address book offered 佐藤 at a customer
for a second colleague 佐藤."""

from __future__ import annotations

from mamori.guard import judge

from .conftest import msg

BODY = "佐藤さん\n\nお疲れさまです。例の案件、利益率が下がっているので見直したいです。\n\n中村\n"


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


def test_outside_namesake_of_a_colleague_is_held(directory, history, policy):
    body = BODY.replace("佐藤さん", "田中さん")  # no usual outside 田中 the address could be taken for
    m = msg(to=[("田中 一美", "k.tanaka@ours.example")], cc=[("田中 一郎", "i.tanaka@beta.example")], body=body)
    assert "similar_recipient" in codes(judge(m, policy, directory, history), "hold")


def test_usual_outside_contact_beside_a_namesake_colleague_is_not(directory, history, policy):
    m = msg(to=[("佐藤 一美", "k.sato@ours.example")], cc=[("佐藤 太郎", "t.sato@alpha.example")], body=BODY)
    assert "similar_recipient" not in codes(judge(m, policy, directory, history))  # written to before


def test_outside_person_of_another_surname_is_not(directory, history, policy):
    m = msg(to=[("山田 一美", "k.yamada@ours.example")], cc=[("田中 一郎", "i.tanaka@beta.example")], body=BODY)
    assert "similar_recipient" not in codes(judge(m, policy, directory, history))


def test_outside_namesake_whose_company_the_message_names_is_not(directory, history, policy):
    body = BODY.replace("佐藤さん", "田中さん").replace("例の案件", "ベータ商事さんとの案件")
    m = msg(to=[("田中 一美", "k.tanaka@ours.example")], cc=[("田中 一郎", "i.tanaka@beta.example")], body=body)
    assert "similar_recipient" not in codes(judge(m, policy, directory, history))
