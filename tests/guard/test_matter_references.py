"""Matters and their reference numbers (a case, order or claim number), as a professional office's mail carries them:
an attachment of another matter than the mail's is held; the sending history's subjects tie parties to a matter,
and one person's special-care document going to parties of that person's matter is confirmed, not held. Also the
openings such offices write (「弁護士 高橋 玲子 先生」), a reply to all that keeps the other side's counsel (named only
by the quoted mail) under terms meant for the client, and forms whose name label stands apart from the name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.document_owner import document_owner
from mamori.guard.references import form, mismatched, references
from mamori.guard.salutation import parse

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

MORE = """堀 正樹,ホリ マサキ,m.hori@kita-law.example,北町法律事務所
原 道子,ハラ ミチコ,michiko.h@hanamail.test,個人（依頼者）
杉 浩,スギ ヒロシ,sugi.h@hanamail.test,個人（依頼者）
野村 圭,ノムラ ケイ,k.nomura@tsubasa-sonpo.example,つばさ損害保険株式会社
井口 彩,イグチ アヤ,a.iguchi@hinata-sonpo.example,ひなた損害保険株式会社
"""
COUNSEL = ("堀 正樹", "m.hori@kita-law.example")
CLIENT = ("原 道子", "michiko.h@hanamail.test")
INSURER = ("野村 圭", "k.nomura@tsubasa-sonpo.example")
OTHER_INSURER = ("井口 彩", "a.iguchi@hinata-sonpo.example")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + MORE)


@pytest.fixture
def matters() -> History:
    """Our office wrote to the client, her counsel opposite and her insurer under M-2026-0417 a few times each; the
    other insurer once, under another matter."""
    h = History()
    for addr in (CLIENT[1], COUNSEL[1], INSURER[1]):
        for subject in ("【M-2026-0417】ご報告", "Re: 【M-2026-0417】資料のご送付"):
            h.add(SENDER, [addr], "2026-05-01", subject)
    h.add(SENDER, [OTHER_INSURER[1]], "2026-05-02", "【M-2026-0388】ご連絡")
    return h


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity == "hold"}


def test_references_are_codes_and_case_numbers():
    assert references("【M-2026-0417】ご報告") == {"M-2026-0417"}
    assert references("事件番号　令和8年（ワ）第 40871 号") == {"令和8年(ワ)第40871号"}
    assert references("準備書面_M-2026-0417") == {"M-2026-0417"}
    assert references("受付番号 K512370、発注 PO_5555") == {"K512370", "PO-5555"}
    # phones, dates, amounts, mail addresses and domains, short codes: none
    assert not references("TEL 03-6212-4480 2026-12-01 1,200,000円 abc1234@x.example abc1234.example R8 A12")
    assert form("M-2026-0417") == form("M-2026-0388") != form("令和8年(ワ)第1号")
    assert mismatched({"M-1111"}, {"M-1111"}, {"M-2222"}) == ("M-1111", "M-2222")
    assert mismatched({"M-1111"}, {"M-1111"}, {"M-2222", "M-1111"}) is None
    assert mismatched({"M-1111"}, {"M-1111"}, {"PO-2222"}) is None  # another form: not comparable
    assert mismatched({"M-1111"}, {"M-1111"}, {f"M-{n}" for n in range(2000, 2004)}) is None  # a list of matters


def draft(case: str) -> AttachmentInfo:
    text = (
        f"和解条項（案）\n事件番号　{case}\n原告　株式会社アルファ\n被告　ベータ商事株式会社\n"
        "1 解決金として金800,000円を支払う。"
    )
    return AttachmentInfo("和解条項案.pdf", text, (), 0)


def served(body_case: str, attachment: AttachmentInfo):
    body = f"北町法律事務所\n弁護士 堀 正樹 先生\n\n{body_case}の件、和解条項案をお送りします。" + SIGNATURE
    return msg([COUNSEL], body, (attachment,))


def test_another_matters_attachment_is_held(policy, book, matters):
    v = judge(served("令和8年(ワ)第31122号", draft("令和8年(ワ)第40871号")), policy, book, matters)
    assert "attachment_recipient_mismatch" in held(v)
    reason = next(r for r in v.reasons if r.code == "attachment_recipient_mismatch")
    assert "第40871号" in reason.detail_ja and "第31122号" in reason.detail_ja
    # the subject gives the matter too
    m = replace(served("先日", draft("令和8年(ワ)第40871号")), subject="【令和8年(ワ)第31122号】和解条項案")
    assert "attachment_recipient_mismatch" in held(judge(m, policy, book, matters))


def test_the_matters_own_attachment_is_not_held(policy, book, matters):
    v = judge(served("令和8年(ワ)第31122号", draft("令和8年(ワ)第31122号")), policy, book, matters)
    assert "attachment_recipient_mismatch" not in held(v)
    # a reference of another form (an order number) says nothing of the case
    v = judge(served("令和8年(ワ)第31122号", draft("PO-2026-0031")), policy, book, matters)
    assert "attachment_recipient_mismatch" not in held(v)
    # the quoted thread writes the attachment's number: both matters are this correspondence's
    m = served("令和8年(ワ)第31122号", draft("令和8年(ワ)第40871号"))
    m = replace(m, body=m.body + "\n> 併合された令和8年(ワ)第40871号についても\n")
    assert "attachment_recipient_mismatch" not in held(judge(m, policy, book, matters))


def test_an_opening_with_sensei_apart_from_the_name():
    sal = parse("北町法律事務所\n弁護士 堀 正樹 先生\n\nお世話になっております。", ["北町法律事務所"])
    assert sal.orgs == ("北町法律事務所",) and sal.names == ("堀 正樹",)
    assert parse("堀 先生\n\nお世話になっております。").names == ("堀",)


def test_a_letter_for_counsel_sent_to_a_private_person_is_held(policy, book, matters):
    body = "北町法律事務所\n弁護士 堀 正樹 先生\n\n当方依頼者の回答をお送りします。ご提示の金額には応じかねます。"
    body += SIGNATURE
    v = judge(msg([("堀 正樹", "sugi.h@hanamail.test")], body), policy, book, matters)
    assert "content_recipient_mismatch" in held(v)
    v = judge(msg([COUNSEL], body), policy, book, matters)
    assert "content_recipient_mismatch" not in held(v)


QUOTED_BY_COUNSEL = (
    "\n\n12月4日 9:20、堀 正樹さんは書きました:\n> 原様\n> 北町の堀です。次回協議は1月14日でいかがでしょうか。\n"
)


def test_reply_all_keeping_counsel_under_the_clients_terms_is_held(policy, book, matters):
    text = "原様\n\n14日で承知しました。当日の方針です。\n・譲歩の限度：3,900,000円" + SIGNATURE + QUOTED_BY_COUNSEL
    m = replace(msg([CLIENT], text, cc=[COUNSEL]), subject="Re: 次回協議日程")
    v = judge(m, policy, book, matters)
    assert "content_recipient_mismatch" in held(v)
    assert "3,900,000円" in next(r for r in v.reasons if r.code == "content_recipient_mismatch").detail


def test_reply_all_without_terms_or_naming_counsel_is_not_held(policy, book, matters):
    for text in (
        "原様\n\n14日で承知しました。当日はよろしくお願いいたします。",  # no amount
        "原様、堀先生\n\n14日で承知しました。解決金は 3,900,000円 を提示します。",  # the opening names counsel
        "原様\n\n14日で承知しました。堀様にもお伝えのとおり 3,900,000円 を提示します。",  # the new text names counsel
    ):
        m = replace(msg([CLIENT], text + SIGNATURE + QUOTED_BY_COUNSEL, cc=[COUNSEL]), subject="Re: 次回協議日程")
        assert "content_recipient_mismatch" not in held(judge(m, policy, book, matters)), text


def test_a_name_label_apart_from_the_name(book):
    owner = document_owner(book, "診断書\n氏名　原 道子　様\n生年月日　1970年1月2日", "診断書.pdf")
    assert owner is not None and owner.name == "原道子"
    owner = document_owner(book, "預金取引明細\n口座名義 杉 浩 口座 みなと銀行 普通 1234567", "明細.pdf")
    assert owner is not None and owner.name == "杉浩"
    # a table's header row is no name line
    assert document_owner(book, "顧客一覧\n氏名 住所 電話\n", "一覧.xlsx") is None


def certificate(name: str) -> AttachmentInfo:
    text = f"診断書\n氏名　{name}　様\n傷病名　頸椎捻挫\n上記のとおり診断します。　医療法人 晴和会 晴和整形外科"
    found = (("PERSON", None, "■■"), ("SENSITIVE", "medical", "頸椎捻挫"), ("DATE_OF_BIRTH", None, "****"))
    return AttachmentInfo("診断書_原.pdf", text, found, 1)


def claim(to: tuple[str, str], name: str = "原 道子"):
    body = f"{to[0].split()[0]}様\n\n{name} 様の件につき、診断書の写しをお送りいたします。ご本人の同意を得ております。"
    body += SIGNATURE
    return msg([to], body, (certificate(name),))


def sensitive(v) -> set[str]:
    return {r.severity for r in v.reasons if r.code == "sensitive_pii"}


def test_special_care_to_the_insurer_of_the_persons_matter_is_confirmed(policy, book, matters):
    v = judge(claim(INSURER), policy, book, matters)
    assert sensitive(v) == {"confirm"} and v.action == "confirm"
    assert "reference" in next(r for r in v.reasons if r.code == "sensitive_pii").detail


def test_special_care_without_a_tie_is_held(policy, book, matters):
    assert "hold" in sensitive(judge(claim(OTHER_INSURER), policy, book, matters))  # another matter's insurer
    once = History()
    once.add(SENDER, [CLIENT[1]], "2026-05-01", "【M-2026-0417】ご報告")
    once.add(SENDER, [CLIENT[1]], "2026-05-02", "【M-2026-0417】ご報告")
    once.add(SENDER, [INSURER[1]], "2026-05-03", "【M-2026-0417】ご報告")  # written to once: a stray, no party
    assert "hold" in sensitive(judge(claim(INSURER), policy, book, once))
    # a name two contacts share: whose matter cannot be told
    twins = parse_contacts(CONTACTS + MORE + "原 道子,ハラ ミチコ,hara.m@kmail.test,個人（依頼者）\n")
    assert "hold" in sensitive(judge(claim(INSURER), policy, twins, matters))
    # a person the address book does not know
    assert "hold" in sensitive(judge(claim(INSURER, "谷 美和"), policy, book, matters))


def test_a_matters_document_served_on_its_counsel_is_confirmed(policy, book, matters):
    text = "証拠説明書\n甲第2号証 診療報酬明細書 治療経過\n申立人 原 道子"
    found = (("PERSON", None, "■■"), ("SENSITIVE", "medical", "治療経過"))
    doc = AttachmentInfo("証拠説明書_M-2026-0417.docx", text, found, 1)
    body = "北町法律事務所\n弁護士 堀 正樹 先生\n\n証拠説明書を直送いたします。" + SIGNATURE
    assert sensitive(judge(msg([COUNSEL], body, (doc,)), policy, book, matters)) == {"confirm"}
    # another matter's number: its counsel is no party of it
    doc = replace(doc, filename="証拠説明書_M-2026-0388.docx")
    assert "hold" in sensitive(judge(msg([COUNSEL], body, (doc,)), policy, book, matters))
