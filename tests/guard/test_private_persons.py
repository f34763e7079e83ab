"""Private persons in the address book: people filed under one label (個人) but each at their own provider are as
many parties as addresses; a document or an opening addressed to someone by full name is compared by full name
(佐藤 学 is not 佐藤 慎太郎); a person's own document names their place of work without being addressed to it."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.fullname import person_addressee, same_given, split_full_name

from .conftest import CONTACTS, SIGNATURE, msg

PRIVATE = """木村 勇,キムラ イサム,isamu.k@mail-one.test,個人
木村 恵,キムラ メグミ,megu.kimura@post-two.test,個人
大西 直人,オオニシ ナオト,naoto-o@box-three.test,個人
河合 咲,カワイ サキ,saki.kawai@mail-one.test,個人
坂口 悠,サカグチ ユウ,yu_sakaguchi@post-two.test,個人
松井 奈央,マツイ ナオ,nao.matsui@box-three.test,個人
"""


@pytest.fixture
def people():
    return parse_contacts(CONTACTS + PRIVATE)


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


def private_to(*locals_: str) -> list[tuple[str, str]]:
    rows = [line.split(",") for line in PRIVATE.strip().splitlines()]
    return [(r[0], r[2]) for r in rows if r[2].split("@")[0] in locals_]


ALL_LOCALS = ("isamu.k", "megu.kimura", "naoto-o", "saki.kawai", "yu_sakaguchi", "nao.matsui")


def test_private_persons_in_to_are_an_open_list(people, history, policy):
    body = "ご登録者の皆さま\n\n来月の説明会のご案内です。" + SIGNATURE
    v = judge(msg(to=private_to(*ALL_LOCALS), body=body), policy, people, history)
    assert "open_recipient_list" in codes(v, "hold")


def test_private_persons_in_bcc_are_not(people, history, policy):
    body = "ご登録者の皆さま\n\n来月の説明会のご案内です。" + SIGNATURE
    m = msg(to=[("中村 三郎", "s.nakamura@ours.example")], bcc=private_to(*ALL_LOCALS), body=body)
    assert "open_recipient_list" not in codes(judge(m, policy, people, history))


def test_a_company_with_one_domain_stays_one_party(people, history, policy):
    to = [("佐藤 太郎", "t.sato@alpha.example"), ("鈴木 花子", "h.suzuki@alpha.example")]
    to += [(f"担当{i}", f"staff{i}@alpha.example") for i in range(4)]
    body = "株式会社アルファ 各位\n\nご案内です。" + SIGNATURE
    assert "open_recipient_list" not in codes(judge(msg(to=to, body=body), policy, people, history))


def test_full_name_helpers():
    assert split_full_name("佐藤 学") == ("佐藤", "学")
    assert split_full_name("ひかり健診 吉田") == ("ひかり健診", "吉田")  # split, but no recipient has this surname
    assert split_full_name("Sato Manabu") is None
    assert split_full_name("佐藤 部長") is None and split_full_name("佐藤 ご担当") is None  # a post, a role
    assert same_given("めぐみ", ["メグミ"]) and not same_given("恵", ["修"])
    assert person_addressee("支給明細\n木村 恵 様\n基本給 200,000円") == ("木村", "恵")
    assert person_addressee("株式会社アルファ\n木村 恵 様\n御見積書") is None  # addressed to the company's 木村


def payslip(name: str) -> AttachmentInfo:
    text = f"10月分 給与支給明細書\n{name} 様\n就業先: 株式会社アルファ\n差引支給額 183,000円\n振込先 普通 1234567"
    return AttachmentInfo("給与明細_10月.pdf", text, (("PERSON", None, name[:2] + " ■"),), 1)


def test_a_payslip_for_the_namesake_is_held(people, history, policy):
    body = "木村様\n\n明細をお送りします。" + SIGNATURE
    m = msg(to=private_to("isamu.k"), body=body, attachments=(payslip("木村 恵"),))
    v = judge(m, policy, people, history)
    assert "attachment_recipient_mismatch" in codes(v, "hold")
    assert "恵" not in " ".join(e for r in v.reasons for e in r.evidence)  # the given name is masked


def test_own_payslip_naming_the_workplace_is_not_held(people, history, policy):
    m = msg(to=private_to("megu.kimura"), body="木村 恵 様\n\n明細をお送りします。" + SIGNATURE,
            attachments=(payslip("木村 恵"),))  # fmt: skip
    v = judge(m, policy, people, history)
    assert v.action not in ("hold", "block")
    assert "attachment_recipient_mismatch" not in codes(v)


def test_own_payslip_read_in_kana(people, history, policy):
    m = msg(to=[("木村 恵", "megu.kimura@post-two.test")], body="木村 めぐみ さま\n\n明細です。" + SIGNATURE)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, people, history))


def test_opening_with_the_namesakes_full_name_is_held(people, history, policy):
    m = msg(to=private_to("isamu.k"), body="木村 恵 様\n\nお疲れさまです。来週のシフトの件です。" + SIGNATURE)
    assert "content_recipient_mismatch" in codes(judge(m, policy, people, history), "hold")


def test_opening_with_a_short_company_name_is_no_full_name(people, history, policy):
    m = msg(to=[("佐藤 太郎", "t.sato@alpha.example")], body="アルファ 佐藤様\n\nお世話になっております。" + SIGNATURE)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, people, history))


def test_document_for_a_person_at_another_company_still_checked_by_company(people, history, policy):
    text = "ベータ商事株式会社\n田中 一郎 様\n御見積書\n合計 120,000円"
    m = msg(to=[("佐藤 太郎", "t.sato@alpha.example")], body="株式会社アルファ 佐藤様\n\nお見積りです。" + SIGNATURE,
            attachments=(AttachmentInfo("御見積書.pdf", text),))  # fmt: skip
    assert "attachment_recipient_mismatch" in codes(judge(m, policy, people, history), "hold")


OPENINGS = ["株式会社アルファ\n佐藤 部長 様", "株式会社アルファ\n佐藤 ご担当 様", "佐藤 太郎 様", "佐藤 たろう 様"]


@pytest.mark.parametrize("opening", OPENINGS)
def test_openings_that_are_no_other_full_name(opening, people, history, policy):
    m = msg(to=[("佐藤 太郎", "t.sato@alpha.example")], body=opening + "\n\nお世話になっております。" + SIGNATURE)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, people, history))


def test_a_company_on_three_domains_stays_one_party(history, policy):
    domains = ["delta.example", "delta-g.example", "delta.test"] * 2
    staff = [(f"社員{i}", f"staff{i}@{d}") for i, d in enumerate(domains)]
    book = parse_contacts(CONTACTS + "".join(f"{n},,{a},株式会社デルタ\n" for n, a in staff))
    v = judge(msg(to=staff, body="株式会社デルタ 各位\n\nご案内です。" + SIGNATURE), policy, book, history)
    assert "open_recipient_list" not in codes(v)
