"""Whose document an attachment is: a list addressed to a recipient's company (A社 御中) is that company's, whatever
banks or clinics its rows name; a document naming a company only by its bare mail domain is for that company; a
file named for a person of the address book (確定申告書控え_山本和樹様.pdf) is that person's: held when another
customer receives it, and their own (the organisations it names are its content) when they do."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, judge
from mamori.guard.directory import parse_contacts

from .conftest import CONTACTS, SIGNATURE, msg

MORE = """岩田 浩,イワタ ヒロシ,h.iwata@kita-bank.example,北辰信用金庫
森 和也,モリ カズヤ,kmori@hanamail.test,個人のお客様（確定申告 森 和也）
堀 直美,ホリ ナオミ,naomi.h@hanamail.test,あおい書房（個人事業主 堀 直美）
"""
SATO_A = ("佐藤 太郎", "t.sato@alpha.example")
MORI = ("森 和也", "kmori@hanamail.test")
HORI = ("堀 直美", "naomi.h@hanamail.test")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + MORE)


def codes(v, severity: str = "hold") -> set[str]:
    return {r.code for r in v.reasons if r.severity == severity}


def payroll(addressee: str) -> AttachmentInfo:
    """A payroll list of 4 people with their salary account's bank (a directory organisation) on each row."""
    rows = "".join(
        f"100{i}\n山田 {g}\nヤマダ\n300000\n北辰信用金庫\n本店\n123456{i}\n" for i, g in enumerate("一二三四")
    )
    text = f"{addressee}\n2026年11月分 給与支給控除一覧表\n{rows}"
    found = (*(("HEALTH_INSURANCE", None, "*****") for _ in range(4)), ("PERSON", None, "山田 ■"))
    return AttachmentInfo("給与一覧_2026年11月分.xlsx", text, found, 4)


OPENING = "株式会社アルファ 佐藤様\n\n給与一覧をお送りします。" + SIGNATURE


def test_a_list_addressed_to_the_recipients_company_is_theirs(policy, book, history):
    m = msg([SATO_A], OPENING, (payroll("株式会社アルファ 御中"),))
    assert "content_recipient_mismatch" not in codes(judge(m, policy, book, history))
    # addressed to another company: still that company's list given to a third party
    m = msg([SATO_A], OPENING, (payroll("株式会社ガンマ 御中"),))
    assert {"content_recipient_mismatch", "attachment_recipient_mismatch"} <= codes(judge(m, policy, book, history))
    # no addressee line: the bank its rows name is still taken for the list's organisation (the earlier rule)
    m = msg([SATO_A], OPENING, (payroll("社内資料"),))
    assert "content_recipient_mismatch" in codes(judge(m, policy, book, history))


def summary(domain: str) -> AttachmentInfo:
    text = f"PAYROLL SUMMARY 2026-11 / Gamma Co., Ltd. ({domain})\nYAMADA Ichiro  gross JPY 300,000\n"
    return AttachmentInfo("payroll_summary_202611.pdf", text, (), 1)


def test_a_document_naming_a_company_by_its_bare_domain_is_for_it(policy, book, history):
    m = msg([SATO_A], "株式会社アルファ 佐藤様\n\n資料をお送りします。" + SIGNATURE, (summary("gamma.example"),))
    v = judge(m, policy, book, history)
    assert "attachment_recipient_mismatch" in codes(v)
    assert "株式会社ガンマ" in next(r.detail for r in v.reasons if r.code == "attachment_recipient_mismatch")
    yamada = [("山田 次郎", "j.yamada@gamma.example")]
    ok = msg(yamada, "株式会社ガンマ 山田様\n\n資料です。" + SIGNATURE, (summary("gamma.example"),))
    assert "attachment_recipient_mismatch" not in codes(judge(ok, policy, book, history))
    # an address is a person's mailbox, not the document's company; a free-mail domain is no company's
    for other in ("contact@gamma.example", "hanamail.test"):
        m = msg([SATO_A], "株式会社アルファ 佐藤様\n\n資料です。" + SIGNATURE, (summary(other),))
        assert "attachment_recipient_mismatch" not in codes(judge(m, policy, book, history))


def tax_return(filename: str, payee: str = "株式会社ガンマ") -> AttachmentInfo:
    text = f"令和8年分 確定申告書（控）\n医療費控除の明細\n{payee}\n120,000\n"
    found = (("PERSON", None, "森 ■■"), ("DATE_OF_BIRTH", None, "****/**/**"), ("ADDRESS", None, "東京都■■"))
    return AttachmentInfo(filename, text, found, 3)


def test_a_file_named_for_another_customer_is_held(policy, book, history):
    m = msg([HORI], "堀 直美様\n\n申告書の控えです。" + SIGNATURE, (tax_return("確定申告書控え_森和也様.pdf"),))
    v = judge(m, policy, book, history)
    assert "attachment_recipient_mismatch" in codes(v)
    reason = next(r for r in v.reasons if r.code == "attachment_recipient_mismatch")
    shown = reason.detail + reason.detail_ja + "".join(reason.evidence)
    assert "森 ■■" in reason.detail_ja and "和也" not in shown
    assert "確定申告書控え_森■■様.pdf" in reason.detail_ja  # the file's name too: the reason is stored


def test_a_file_named_for_the_recipient_is_theirs(policy, book, history):
    m = msg([MORI], "森 和也様\n\n申告書の控えです。" + SIGNATURE, (tax_return("確定申告書控え_森和也様.pdf"),))
    v = judge(m, policy, book, history)
    # the company it names (a clinic, an employer) is its content, not its owner
    assert not {"attachment_recipient_mismatch", "content_recipient_mismatch"} & codes(v)
    # a person the address book does not hold: the file name says nothing of a person
    m = msg([HORI], "堀 直美様\n\n控えです。" + SIGNATURE, (tax_return("確定申告書控え_林一郎様.pdf", "市民病院"),))
    assert "attachment_recipient_mismatch" not in codes(judge(m, policy, book, history))
    # a full name of the address book without an honorific is that person's too (document_owner.py): another
    # private customer's papers to a private person are held
    m = msg([HORI], "堀 直美様\n\n控えです。" + SIGNATURE, (tax_return("確定申告書控え_森和也.pdf", "市民病院"),))
    assert "attachment_recipient_mismatch" in codes(judge(m, policy, book, history))
