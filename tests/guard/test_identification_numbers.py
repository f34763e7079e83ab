"""Identification numbers: a swimming school files its members under numbers (M230417) that its address book carries
in the members' mailbox names and in their guardians' rows. Two members of one name are told apart by that number
only: a record giving another member's number is held; a guardian's row stating the child's number is that family;
siblings written to together and a member's own second mailbox are no namesakes picked by mistake."""

from __future__ import annotations

import pytest

from mamori.extract import Location, Row, Table
from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.attachments import one_holder
from mamori.guard.checks import Context, households
from mamori.guard.directory import parse_contacts
from mamori.guard.identifiers import document_ids, mailbox_ids, shape

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

MEMBERS = """江口 拓也,エグチ タクヤ,m230417@members.kaisui-swim.example,海翠スイミング 会員（ジュニア）
江口 拓也,エグチ タクヤ,takuya.eguchi9@inbox-one.test,海翠スイミング 会員（ジュニア）
江口 美咲,エグチ ミサキ,m230418@members.kaisui-swim.example,海翠スイミング 会員（ジュニア）
江口 拓也,エグチ タクヤ,m199001@members.kaisui-swim.example,海翠スイミング 会員（マスターズ）
江口 恵,エグチ メグミ,megumi.e@inbox-two.test,保護者（江口 拓也 M230417・江口 美咲 M230418）
江口 修,エグチ オサム,osamu.eguchi@inbox-one.test,保護者（江口 拓也 M199001）
"""
JUNIOR = ("江口 拓也", "m230417@members.kaisui-swim.example")
JUNIOR_PRIVATE = ("江口 拓也", "takuya.eguchi9@inbox-one.test")
SISTER = ("江口 美咲", "m230418@members.kaisui-swim.example")
MASTERS = ("江口 拓也", "m199001@members.kaisui-swim.example")
MOTHER = ("江口 恵", "megumi.e@inbox-two.test")
YAMADA = ("山田 次郎", "j.yamada@gamma.example")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + MEMBERS)


@pytest.fixture
def past(history: History) -> History:
    history.add(SENDER, [MASTERS[1]], "2026-03-01")  # the sender usually writes to the masters' 江口 拓也
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def record(number: str, name: str = "江口 拓也", filename: str = "記録証.pdf") -> AttachmentInfo:
    text = f"進級記録証\n氏名　{name}\n会員番号　{number}\n生年月日　2014年5月2日\n50m自由形　A級\n"
    return AttachmentInfo(filename, text, (("PERSON", None, "江口 ■■"), ("DATE_OF_BIRTH", None, "■")), 1)


def test_numbers_of_mailboxes_files_and_labelled_lines():
    assert mailbox_ids("m230417") == {"M230417"}
    assert mailbox_ids("s25j1601") == {"S25J1601", "25J1601"}
    assert shape("25J1601") == "99A9999"
    assert document_ids("会員番号　M230417\n電話 03-1234-5678\n", "記録証_M230417.pdf") == {"M230417"}
    # dates, phones, amounts and postal codes have no letters: no numbers of a person
    assert document_ids("2026年11月6日\nTEL 03-5318-2120\n〒170-0005\n", "20261106_記録.pdf") == set()


def test_another_members_record_to_a_namesake_is_held(book, past, policy):
    body = "ジュニアコース 江口 拓也さん\n\n進級記録証をお送りします。" + SIGNATURE
    v = judge(msg([JUNIOR], body, (record("M199001"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v), v.reasons
    assert not any("M199001" in r.detail_ja for r in v.reasons)  # the number itself is not stored in a reason
    v = judge(msg([JUNIOR], body, (record("M230417"),)), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v), v.reasons
    # the member's private mailbox carries the number of their own row under the same label
    v = judge(msg([JUNIOR_PRIVATE], body, (record("M230417"),)), policy, book, past)
    assert not held(v), v.reasons


def test_a_guardians_row_states_the_childrens_numbers(book, past, policy):
    body = "江口 恵 様\n\n進級記録証をお送りします。" + SIGNATURE
    for number, name in (("M230417", "江口 拓也"), ("M230418", "江口 美咲")):
        v = judge(msg([MOTHER], body, (record(number, name),)), policy, book, past)
        assert "attachment_recipient_mismatch" not in held(v), v.reasons
    v = judge(msg([MOTHER], body, (record("M199001"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v), v.reasons


def test_a_company_is_judged_by_the_number_its_text_states(book, past, policy):
    # no recipient carries such a number: nothing to compare, unless the mail's own text states one
    body = "株式会社ガンマ 山田 次郎 様\n\n大会エントリーの記録証をお送りします。" + SIGNATURE
    v = judge(msg([YAMADA], body, (record("M230417"),)), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v), v.reasons
    body = "株式会社ガンマ 山田 次郎 様\n\n江口 美咲さん（M230418）の記録証をお送りします。" + SIGNATURE
    v = judge(msg([YAMADA], body, (record("M230417"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v), v.reasons
    v = judge(msg([YAMADA], body, (record("M230418", "江口 美咲"),)), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v), v.reasons


def test_households_from_bare_names_in_labels(book, past, policy):
    ctx = Context(msg([MOTHER]), policy, book, past)
    label = "保護者（江口 拓也 M230417・江口 美咲 M230418）"
    assert households(ctx, book.lookup(JUNIOR[1])) == {label}
    assert households(ctx, book.lookup(MOTHER[1])) == {label}
    # the masters' 江口 拓也 is named by a label too, but with his own number: another household
    assert label not in households(ctx, book.lookup(MASTERS[1]))


def test_siblings_together_and_an_attachment_number_rule_out_the_usual_namesake(book, past, policy):
    body = "江口 拓也さん、江口 美咲さん\n\n合宿のご案内です。" + SIGNATURE
    v = judge(msg([JUNIOR, SISTER], body), policy, book, past)
    assert "similar_recipient" not in held(v), v.reasons
    # alone, the new 江口 拓也 may be the usual one's namesake picked by mistake
    v = judge(msg([JUNIOR], "江口 拓也さん\n\n合宿のご案内です。" + SIGNATURE), policy, book, past)
    assert "similar_recipient" in held(v), v.reasons
    # his own record (his number, not the usual one's) says he is the one meant
    v = judge(msg([JUNIOR], "江口 拓也さん\n\n記録証です。" + SIGNATURE, (record("M230417"),)), policy, book, past)
    assert "similar_recipient" not in held(v), v.reasons


def test_one_name_and_one_member_number_in_every_row_is_one_person():
    header = ("会員番号", "氏名", "種目", "記録")
    rows = tuple(Row(n + 2, ("M230417", "江口 拓也", f"種目{n}", "1:02.3")) for n in range(10))
    assert one_holder(Table(Location(sheet="記録"), header, rows, 1))
    mixed = rows[:5] + tuple(Row(n + 20, ("M230418", "江口 美咲", "背泳ぎ", "1:10.0")) for n in range(5))
    assert not one_holder(Table(Location(sheet="記録"), header, mixed, 1))


def test_a_special_care_file_named_by_the_members_number_is_theirs(book, past, policy):
    text = "診断書\n氏名　江口 美咲\n会員番号　M230418\n病名　喘息\n"
    found = (("PERSON", None, "江口 ■■"), ("SENSITIVE", "medical", "喘■"))
    # three people's worth of findings: a file named after what it holds is a list unless named for its person
    own = AttachmentInfo("M230418_診断書.pdf", text, found, 3)
    body = "江口 美咲さん\n\n診断書をお送りします。" + SIGNATURE
    v = judge(msg([SISTER], body, (own,)), policy, book, past)
    assert [r.severity for r in v.reasons if r.code == "sensitive_pii"] == ["confirm"], v.reasons
    # named by a number that is not hers: held
    other = AttachmentInfo("M230417_診断書.pdf", text, found, 3)
    v = judge(msg([SISTER], body, (other,)), policy, book, past)
    assert "sensitive_pii" in held(v), v.reasons
