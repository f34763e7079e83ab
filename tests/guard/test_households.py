"""Households as one party: a family filed as one organisation (ご家庭（…さん）), its members at free-mail
providers. A child's report card names the child's school: it is the family's own data, not a document for the
school; the same card of another household's child is held; a family's Bcc copy to another family of the same
surname is held although the sender once wrote to both at one provider."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.document_owner import document_owner

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

FAMILIES = """森 里美,モリ サトミ,satomi.mori@inbox-one.test,会員のご家族（森 陽斗さん）
森 陽斗,モリ ハルト,haruto.m@inbox-two.test,会員のご家族（森 陽斗さん）
森 千晴,モリ チハル,chiharu.mori@inbox-two.test,会員のご家族（森 結菜さん）
岡 真理,オカ マリ,mari.oka@inbox-one.test,会員のご家族（岡 蒼空さん）
岡 浩二,オカ コウジ,koji.oka@inbox-two.test,会員のご家族（岡 蒼空さん）
原 光,ハラ ヒカル,h.hara@aozora-jhs.example,市立あおぞら中学校
長井 修,ナガイ オサム,nagai@unknown-partner.example,
"""
SATOMI = ("森 里美", "satomi.mori@inbox-one.test")
HARUTO = ("森 陽斗", "haruto.m@inbox-two.test")
CHIHIRO = ("森 千晴", "chiharu.mori@inbox-two.test")
MARI = ("岡 真理", "mari.oka@inbox-one.test")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + FAMILIES)


@pytest.fixture
def sent(history: History) -> History:
    # the sender has written to all three families, once two of them in one message (a group lesson notice)
    history.add(SENDER, [SATOMI[1], HARUTO[1], MARI[1]], "2026-03-01")
    history.add(SENDER, [CHIHIRO[1], MARI[1]], "2026-04-01")
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def card(name: str, filename: str | None = None) -> AttachmentInfo:
    text = f"後期 レッスン評価 {name} さん\n受講者氏名：{name}\n学校：市立あおぞら中学校 2年\nソルフェージュ：A\n"
    return AttachmentInfo(filename or f"評価表_{name.replace(' ', '')}.pdf", text, (("PERSON", None, "森 ■"),), 1)


def body(opening: str) -> str:
    text = "お世話になっております。後期の評価表をお送りします。"
    return f"{opening}\n\n{text}\n\nよろしくお願いいたします。" + SIGNATURE


def test_document_owner_reads_name_line_file_name_and_labels(book):
    assert document_owner(book, "受講者氏名：森 陽斗（モリ ハルト）\n", "a.pdf").orgs == {"会員のご家族（森 陽斗さん）"}
    # a child the address book knows only from the household's label
    owner = document_owner(book, "", "評価表_岡蒼空_後期.pdf")
    assert owner is not None and owner.orgs == {"会員のご家族（岡 蒼空さん）"}
    assert document_owner(book, "後期 評価表\n", "評価表.pdf") is None


def test_parent_and_own_child_get_the_childs_card(book, sent, policy):
    v = judge(msg(to=[SATOMI], cc=[HARUTO], body=body("森 里美 様")), policy, book, sent)
    assert not held(v)
    m = msg(to=[SATOMI], cc=[HARUTO], body=body("森 里美 様"), attachments=(card("森 陽斗"),))
    v = judge(m, policy, book, sent)
    assert not held(v), v.reasons


def test_a_younger_childs_card_naming_a_school_is_the_familys(book, sent, policy):
    # 森 颯 is no contact and in no label: the card's school is what it is about, not whom it is for
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(card("森 颯"),)), policy, book, sent)
    assert "attachment_recipient_mismatch" not in held(v), v.reasons


def test_another_households_card_is_held(book, sent, policy):
    v = judge(msg(to=[MARI], body=body("岡 真理 様"), attachments=(card("森 陽斗"),)), policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v)
    # a child known only from the other household's label
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(card("岡 蒼空"),)), policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v)


def test_a_private_persons_card_to_an_unknown_party_is_held(book, sent, policy):
    new = ("山路 誠", "info@edu-newcomer.example")
    v = judge(msg(to=[new], body=body("株式会社エデュ ご担当者様"), attachments=(card("森 陽斗"),)), policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v)


def test_a_bill_addressed_to_a_parent_of_another_household_is_held(book, sent, policy):
    bill = AttachmentInfo("請求書_12月.pdf", "請求書\n岡 真理 様\n12月分 レッスン料 12,000円\n", (), 1)
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(bill,)), policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v)


def test_bcc_to_the_other_family_of_the_same_surname_is_held(book, sent, policy):
    # the sender once wrote to 森 千晴 beside a family at inbox-one.test: a provider's domain, not a customer's
    m = msg(to=[SATOMI], bcc=[CHIHIRO], body=body("森 里美 様"), attachments=(card("森 陽斗"),))
    assert "similar_recipient" in held(judge(m, policy, book, sent))


# --- an opening addressed to a child's guardian (「陽斗くんのお母様」「森 陽斗さん 保護者様」) ----------------


def test_guardian_openings_name_the_child_not_the_addressee():
    from mamori.guard.salutation import parse

    assert parse("陽斗くんのお母様\n\n本文").wards == ("陽斗",)
    sal = parse("森 陽斗さん 保護者様\n\n本文")
    assert sal.wards == ("森 陽斗",) and sal.names == ()
    assert parse("森 里美 様\n\n本文").wards == ()


def test_the_guardian_of_a_child_of_the_household_is_the_recipient(book, sent, policy):
    for opening in ("陽斗さんの保護者様", "森 陽斗さん 保護者様", "颯さんの保護者様"):  # 颯: a child no one knows
        v = judge(msg(to=[SATOMI], body=body(opening)), policy, book, sent)
        assert "content_recipient_mismatch" not in held(v), opening


def test_the_guardian_of_another_households_child_is_held(book, sent, policy):
    v = judge(msg(to=[SATOMI], body=body("岡 蒼空さんの保護者様")), policy, book, sent)
    assert "content_recipient_mismatch" in held(v)


def test_a_reply_to_a_guardian_that_kept_another_family_is_held(book, sent, policy):
    from dataclasses import replace

    text = "陽斗さんの保護者様\n\n振替は12月17日19時からといたします。" + SIGNATURE
    quoted = "\n\n2026年12月5日 森 里美 <satomi.mori@inbox-one.test>:\n> 振替の件、承知しました。\n"
    koji = ("岡 浩二", "koji.oka@inbox-two.test")  # another family, never mailed beside this one
    m = replace(msg(to=[SATOMI], cc=[koji], body=text + quoted), subject="Re: 振替のご案内")
    assert "content_recipient_mismatch" in held(judge(m, policy, book, sent))
    # 岡 真理 was on a group notice with 森 里美 before: copied as usual (by address, at a provider)
    m = replace(msg(to=[SATOMI], cc=[MARI], body=text + quoted), subject="Re: 振替のご案内")
    assert "content_recipient_mismatch" not in held(judge(m, policy, book, sent))


# --- a list of others to private persons (a class's grades, all part-timers' pay) --------------------------------


def roster(n: int, title: str = "後期 発表会 出演者 評価一覧") -> AttachmentInfo:
    rows = "".join(f"生徒{i:02d} 名前{i}\n" for i in range(n))
    return AttachmentInfo("評価一覧.xlsx", f"{title}\n{rows}", (("PERSON", None, "森 ■"),), n)


def test_a_list_of_others_to_a_family_is_held(book, sent, policy):
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(roster(24),)), policy, book, sent)
    assert "bulk_pii" in held(v)
    # a few names (a duet's partners) or a company recipient: not this rule
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(roster(4),)), policy, book, sent)
    assert "bulk_pii" not in held(v)
    teacher = ("原 光", "h.hara@aozora-jhs.example")
    v = judge(msg(to=[teacher], body=body("原 光 先生"), attachments=(roster(24),)), policy, book, sent)
    assert "bulk_pii" not in held(v)


def test_a_list_naming_the_recipients_own_party_is_theirs(book, sent, policy):
    own = roster(24, "会員のご家族（森 陽斗さん） 御中\n家族会 名簿")
    v = judge(msg(to=[SATOMI], body=body("森 里美 様"), attachments=(own,)), policy, book, sent)
    assert "bulk_pii" not in held(v)


# --- a display name of another person of the address book -----------------------------------------------------


def test_a_display_name_kept_from_another_contact_does_not_make_the_document_theirs(book, sent, policy):
    # autocomplete kept the display name of 森 陽斗 on 森 千晴's address; the card is 陽斗's
    slip = ("森 陽斗", CHIHIRO[1])
    v = judge(msg(to=[slip], body=body("森 陽斗 様"), attachments=(card("森 陽斗"),)), policy, book, sent)
    assert {"attachment_recipient_mismatch", "content_recipient_mismatch"} & held(v), v.reasons
    # the display name a person writes for themself (no other contact of that name) still counts
    own = ("森 ちはる", CHIHIRO[1])
    v = judge(msg(to=[own], body=body("森 ちはる 様")), policy, book, sent)
    assert "content_recipient_mismatch" not in held(v)
