"""A welfare office's case files: whose file it is, read from a two-column form or a 世帯主 / 受給者 line, and a
file about another person than the mail names.

- A one-person form laid out as a spreadsheet (項目 / 内容, one cell a line: 「利用者氏名」 above 「北条 朋美（…）」),
  or with a 世帯主 / 受給者 line, names its person: addressed to the recipient's office, about the person the mail
  names, its special-care data is asked (confirm), not held. A table whose header cells follow 氏名 names no one.
- A file about another person than every person the mail's text names is held (attachment_recipient_mismatch);
  a file the mail names by surname or given name, or whose person shares the surname of the person greeted (a
  household), passes.
"""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.document_owner import document_owner

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

PEOPLE = """早瀬 光,ハヤセ ヒカル,hayase@tsubame-care.example,ケアプランつばめ
沢口 理沙,サワグチ リサ,r.sawaguchi@mailpost-a.test,
"""
OFFICE = ("早瀬 光", "hayase@tsubame-care.example")
RESIDENT = ("沢口 理沙", "r.sawaguchi@mailpost-a.test")
SENSITIVE = (("PERSON", None, "■■ ■■"), ("SENSITIVE", "medical", "■■■"))


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + PEOPLE)


@pytest.fixture
def sent(history: History) -> History:
    history.add(SENDER, [OFFICE[1], RESIDENT[1]], "2026-02-01")
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def grid_form(person: str, office: str = "ケアプランつばめ") -> AttachmentInfo:
    # a spreadsheet read cell by cell: label and value on lines of their own
    text = f"項目\n内容\n提供先\n{office} 御中\n利用者氏名\n{person}（ホウジョウ トモミ）\n"
    text += "生年月日\n1950-04-02\n主な疾病\n心不全"
    return AttachmentInfo(f"情報提供票_{person.replace(' ', '')}様.xlsx", text, SENSITIVE, 1)


def mail(opening: str, line: str) -> str:
    return f"{opening}\n\nいつもお世話になっております。\n{line}\n\nよろしくお願いいたします。" + SIGNATURE


def test_document_owner_reads_grid_forms_and_household_lines(book):
    assert document_owner(book, grid_form("北条 朋美").text, "a.xlsx").name == "北条朋美"
    assert document_owner(book, "ケース記録\n世帯主：岩城 篤（イワキ アツシ）\n", "b.pdf").name == "岩城篤"
    assert document_owner(book, "認定通知書（写し）\n受給者：野宮 晴美 様\n", "c.pdf").name == "野宮晴美"


def test_a_table_header_names_no_one(book):
    assert document_owner(book, "No\n氏名\n住所\n電話\n1\n北条 朋美\n", "list.xlsx") is None


def test_case_file_for_the_office_about_the_person_named_is_confirmed(book, sent, policy):
    m = msg(to=[OFFICE], body=mail("ケアプランつばめ\n早瀬 光 様", "北条 朋美 様の認定結果をお送りします。"),
            attachments=(grid_form("北条 朋美"),))  # fmt: skip
    v = judge(m, policy, book, sent)
    assert not held(v), v.reasons


def test_file_of_another_person_than_the_mail_names_is_held(book, sent, policy):
    m = msg(to=[OFFICE], body=mail("ケアプランつばめ\n早瀬 光 様", "北条 朋美 様の認定結果をお送りします。"),
            attachments=(grid_form("岩城 篤"),))  # fmt: skip
    v = judge(m, policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v), v.reasons


def test_another_residents_notice_to_a_resident_is_held(book, sent, policy):
    notice = AttachmentInfo("通知書_野宮晴美様.pdf", "認定通知書（写し）\n受給者：野宮 晴美 様\n月額 10,000円", (), 1)
    m = msg(to=[RESIDENT], body=mail("沢口 理沙 様", "ご依頼の通知書の写しをお送りします。"), attachments=(notice,))
    v = judge(m, policy, book, sent)
    assert "attachment_recipient_mismatch" in held(v), v.reasons


def test_a_file_the_mail_names_by_given_name_or_a_household_passes(book, sent, policy):
    notice = AttachmentInfo("通知書_沢口晴美様.pdf", "認定通知書（写し）\n受給者：沢口 晴美 様\n月額 10,000円", (), 1)
    m = msg(to=[RESIDENT], body=mail("沢口 理沙 様", "ご家族の通知書の写しをお送りします。"), attachments=(notice,))
    assert "attachment_recipient_mismatch" not in held(judge(m, policy, book, sent))
    other = AttachmentInfo("通知書_野宮晴美様.pdf", "認定通知書（写し）\n受給者：野宮 晴美 様\n月額 10,000円", (), 1)
    m = msg(to=[RESIDENT], body=mail("沢口 理沙 様", "晴美さんの通知書の写しをお送りします。"), attachments=(other,))
    assert "attachment_recipient_mismatch" not in held(judge(m, policy, book, sent))
