"""A payroll bureau's mail: client companies' employees filed as private persons under a label naming their employer
(個人（A社 従業員）), and newsletters to the clients in Bcc.

- An employee's own payslip to their own mailbox passes, though the sender usually writes to a namesake at another
  company: the mail names the employer the recipient's label states, or the opening writes the recipient's full
  name; with a bare surname opening and no employer named, the usual namesake still holds it.
- Another employee's payslip (two employees of one employer who share a surname are no household) is held.
- A newsletter that hides its list in Bcc but has clients of two organisations in Cc is held; all in Bcc passes.
"""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.employer_label import label_employer

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

PEOPLE = """森本 和樹,モリモト カズキ,k.morimoto@kiri-kogyo.example,桐工業株式会社
森本 千里,モリモト チサト,chisato.mm@postbox-one.test,個人（株式会社ナギサ食品 従業員）
森本 遼,モリモト リョウ,ryo.mm@postbox-two.test,個人（株式会社ナギサ食品 従業員）
浜口 葵,ハマグチ アオイ,hamaguchi@nagisa-foods.example,株式会社ナギサ食品
辻 紀子,ツジ ノリコ,tsuji@kiri-kogyo.example,桐工業株式会社
江口 修平,エグチ シュウヘイ,eguchi@hoshizora-unyu.example,星空運輸株式会社
"""
CHISATO = ("森本 千里", "chisato.mm@postbox-one.test")
RYO = ("森本 遼", "ryo.mm@postbox-two.test")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + PEOPLE)


@pytest.fixture
def sent(history: History) -> History:
    # the sender usually writes to 森本 at 桐工業, never to the employees of ナギサ食品
    history.add(SENDER, ["k.morimoto@kiri-kogyo.example"], "2026-02-01")
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def payslip(name: str, employer: str = "株式会社ナギサ食品") -> AttachmentInfo:
    text = f"給与明細書 2026年10月分\n{employer}\n氏名 {name} 様\n基本給 240,000円\n差引支給額 198,000円\n"
    return AttachmentInfo(f"給与明細_202610_{name.replace(' ', '')}.pdf", text, (("PERSON", None, "■■ ■■"),), 1)


def body(opening: str, line: str = "10月分の給与明細書をお送りいたします。") -> str:
    return f"{opening}\n\nいつもお世話になっております。\n{line}\n\nよろしくお願いいたします。" + SIGNATURE


def test_label_employer_reads_the_employer_of_a_label(book):
    assert label_employer(book, "個人（株式会社ナギサ食品 従業員）") == "株式会社ナギサ食品"
    assert label_employer(book, "個人（株式会社ナギサ食品の社員）") == "株式会社ナギサ食品"
    assert label_employer(book, "個人（会員 K00012）") is None
    assert label_employer(book, "個人（架空商会 従業員）") is None  # an employer the address book does not know
    assert label_employer(book, "株式会社ナギサ食品") is None


def test_own_payslip_naming_the_employer_passes(book, sent, policy):
    m = msg(to=[CHISATO], body=body("森本様", "株式会社ナギサ食品様のご依頼により、明細をお送りいたします。"),
            attachments=(payslip("森本 千里"),))  # fmt: skip
    v = judge(m, policy, book, sent)
    assert not held(v), v.reasons


def test_own_payslip_with_the_full_name_in_the_opening_passes(book, sent, policy):
    m = msg(to=[CHISATO], body=body("森本 千里 様"), attachments=(payslip("森本 千里", "（明細）"),))
    v = judge(m, policy, book, sent)
    assert "similar_recipient" not in held(v), v.reasons


def test_a_bare_surname_opening_to_a_new_namesake_still_holds(book, sent, policy):
    m = msg(to=[CHISATO], body=body("森本様"), attachments=(payslip("森本 千里", "（明細）"),))
    v = judge(m, policy, book, sent)
    assert "similar_recipient" in held(v), v.reasons


def test_another_employees_payslip_is_held(book, sent, policy):
    # 森本 遼 and 森本 千里 work at one company and share a surname: two people, not one household
    v = judge(msg(to=[RYO], body=body("森本 遼 様"), attachments=(payslip("森本 千里"),)), policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v), v.reasons


def test_the_employees_payslip_to_the_employer_passes(book, sent, policy):
    sent.add(SENDER, ["hamaguchi@nagisa-foods.example"], "2026-03-02")
    m = msg(to=[("浜口 葵", "hamaguchi@nagisa-foods.example")], body=body("株式会社ナギサ食品 浜口様"),
            attachments=(payslip("森本 千里"),))  # fmt: skip
    v = judge(m, policy, book, sent)
    assert "attachment_recipient_mismatch" not in held(v), v.reasons


NEWSLETTER = "お取引先各位\n\n「ニュースレター 11月号」をお届けします。\n・年末調整のご案内\n" + SIGNATURE
CLIENTS = [
    ("辻 紀子", "tsuji@kiri-kogyo.example"),
    ("江口 修平", "eguchi@hoshizora-unyu.example"),
    ("浜口 葵", "hamaguchi@nagisa-foods.example"),
    ("佐藤 太郎", "t.sato@alpha.example"),
    ("山田 次郎", "j.yamada@gamma.example"),
]
ME = ("中村 三郎", SENDER)


def test_newsletter_with_two_clients_pasted_into_cc_is_held(book, sent, policy):
    v = judge(msg(to=[ME], cc=CLIENTS[:2], bcc=CLIENTS[2:], body=NEWSLETTER), policy, book, sent)
    assert "open_recipient_list" in held(v), v.reasons


def test_newsletter_all_in_bcc_passes(book, sent, policy):
    v = judge(msg(to=[ME], bcc=CLIENTS, body=NEWSLETTER), policy, book, sent)
    assert "open_recipient_list" not in held(v), v.reasons


def test_a_letter_to_two_named_parties_with_a_bcc_list_is_not_a_slip(book, sent, policy):
    # an opening naming its addressee is no mailing for none in particular
    text = "桐工業株式会社 辻様\n星空運輸株式会社 江口様\n\n打合せの日程をご連絡します。" + SIGNATURE
    v = judge(msg(to=CLIENTS[:1], cc=CLIENTS[1:2], bcc=CLIENTS[2:], body=text), policy, book, sent)
    assert "open_recipient_list" not in held(v), v.reasons
