"""Special-care data (a diagnosis, a disability) going only to the person it is about or their own household is
asked about (`confirm`), not held: a care user's statement to their registered family, a client's own medical
certificate back to them. Another family's health data, a copy to a company, a document whose person cannot be
told, or a list of people is still held."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

FAMILIES = """小野 健,オノ ケン,ken.ono@inbox-one.test,利用者のご家族（小野 春江様）
小野 美和,オノ ミワ,miwa.ono@inbox-two.test,利用者のご家族（小野 春江様）
西 陽子,ニシ ヨウコ,yoko.nishi@inbox-one.test,利用者のご家族（西 貞夫様）
西 誠,ニシ マコト,makoto.nishi@inbox-two.test,利用者のご家族（西 貞夫様）
江口 修,エグチ オサム,o.eguchi@inbox-three.test,個人のお客様（江口 修）
"""
KEN = ("小野 健", "ken.ono@inbox-one.test")
MIKI = ("小野 美和", "miwa.ono@inbox-two.test")
YOKO = ("西 陽子", "yoko.nishi@inbox-one.test")
EGUCHI = ("江口 修", "o.eguchi@inbox-three.test")
YAMADA = ("山田 次郎", "j.yamada@gamma.example")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + FAMILIES)


@pytest.fixture
def sent(history: History) -> History:
    history.add(SENDER, [KEN[1], MIKI[1], YOKO[1], EGUCHI[1]], "2026-03-01")
    return history


def severity(v, code: str = "sensitive_pii") -> set[str]:
    return {r.severity for r in v.reasons if r.code == code}


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def statement(name: str, filename: str | None = None, records: int = 1) -> AttachmentInfo:
    """One care user's monthly statement: their name line, their care level and main illness."""
    text = f"ご利用明細 2026年11月分\n利用者氏名：{name}\n要介護度：要介護2\n主病名：脳梗塞後遺症\n"
    found = (("PERSON", None, f"{name[0]} ■■"), ("SENSITIVE", "medical", "■■"))
    return AttachmentInfo(filename or f"ご利用明細_{name.replace(' ', '')}.pdf", text, found, records)


def body(opening: str) -> str:
    return f"{opening}\n\n11月分のご利用明細をお送りします。\n\nよろしくお願いいたします。" + SIGNATURE


def test_a_users_statement_to_their_own_family_is_confirmed(policy, book, sent):
    v = judge(msg([KEN], body("小野 健様"), (statement("小野 春江"),)), policy, book, sent)
    assert severity(v) == {"confirm"} and v.action == "confirm"
    assert "household" in next(r.detail for r in v.reasons if r.code == "sensitive_pii")
    # both registered family members, one in Cc: still the household only
    v = judge(msg([KEN], body("小野 健様"), (statement("小野 春江"),), cc=[MIKI]), policy, book, sent)
    assert severity(v) == {"confirm"} and not held(v)


def test_another_familys_health_data_is_still_held(policy, book, sent):
    v = judge(msg([YOKO], body("西 陽子様"), (statement("小野 春江"),)), policy, book, sent)
    assert "sensitive_pii" in held(v)
    # the right family in To, another family in Bcc: not the subject's party only
    v = judge(msg([KEN], body("小野 健様"), (statement("小野 春江"),), bcc=[YOKO]), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_company_is_not_the_subjects_party(policy, book, sent):
    v = judge(msg([YAMADA], body("株式会社ガンマ 山田様"), (statement("小野 春江"),)), policy, book, sent)
    assert "sensitive_pii" in held(v)
    v = judge(msg([KEN], body("小野 健様"), (statement("小野 春江"),), cc=[YAMADA]), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_persons_own_document_back_to_them_is_confirmed(policy, book, sent):
    doc = statement("江口 修", "診断書_江口修様.pdf")
    v = judge(msg([EGUCHI], body("江口 修様"), (doc,)), policy, book, sent)
    assert severity(v) == {"confirm"}


def test_fail_closed_when_the_subject_cannot_be_told(policy, book, sent):
    # no name line, no full name in the file name: whose diagnosis it is cannot be told
    nameless = AttachmentInfo("診断書_小野.pdf", "診断書\n病名：脳梗塞\n", (("SENSITIVE", "medical", "■■"),), 1)
    assert "sensitive_pii" in held(judge(msg([KEN], body("小野 健様"), (nameless,)), policy, book, sent))
    # a list of several people, though its first line is the family's user
    many = statement("小野 春江", "利用者一覧.xlsx", records=8)
    assert "sensitive_pii" in held(judge(msg([KEN], body("小野 健様"), (many,)), policy, book, sent))


def test_an_explicit_stricter_policy_is_kept(book, sent):
    from mamori.guard.policy import parse_policy

    strict = parse_policy(
        '[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n'
        '[actions]\nsensitive_pii = "block"\n'
    )
    v = judge(msg([KEN], body("小野 健様"), (statement("小野 春江"),)), strict, book, sent)
    assert severity(v) == {"block"}
