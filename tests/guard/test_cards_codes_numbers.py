"""Full payment card numbers going outside (held from one), My Numbers in an attachment to an address the sender never
wrote to (held), another customer's number in a mail to a private customer (content_recipient_mismatch), and a
document's number whose label and value sit on two lines (a spreadsheet's cells)."""

from __future__ import annotations

from mamori.guard import AttachmentInfo, History, Message, Recipient, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.identifiers import document_ids

from .conftest import SENDER, SIGNATURE, msg

CARD = "****-****-****-4242"


def _cards(n: int, filename: str = "決済エラー一覧.csv") -> AttachmentInfo:
    findings = tuple(("CREDIT_CARD", None, CARD) for _ in range(n)) + tuple(
        ("PERSON", None, "大■ ■■") for _ in range(n)
    )
    return AttachmentInfo(filename, "氏名,カード番号,有効期限\n", findings, records=n)


def _held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity == "hold"}


def test_card_numbers_going_outside_are_held_from_one(policy, directory, history):
    for n in (1, 4):
        text = "株式会社アルファ\n佐藤様\n\n一覧を添付します。"
        v = judge(msg([("佐藤 太郎", "t.sato@alpha.example")], text, (_cards(n),)), policy, directory, history)
        assert v.action == "hold" and "sensitive_pii" in _held(v), n
        reason = next(r for r in v.reasons if r.code == "sensitive_pii")
        assert "7条2号" in reason.detail_ja and "card" in reason.detail


def test_no_full_card_number_or_inside_is_not_held(policy, directory, history):
    # the last four digits and the expiry only: the detector finds no CREDIT_CARD; the list of 4 people is confirmed
    masked = AttachmentInfo("決済エラー一覧.csv", "", tuple(("PERSON", None, "大■ ■■") for _ in range(4)), records=4)
    to = [("佐藤 太郎", "t.sato@alpha.example")]
    v = judge(msg(to, "株式会社アルファ\n佐藤様", (masked,)), policy, directory, history)
    assert "sensitive_pii" not in {r.code for r in v.reasons}
    inside = judge(msg([("中村 三郎", SENDER)], "確認お願いします。", (_cards(4),)), policy, directory, history)
    assert inside.action != "hold"


def _my_numbers(n: int) -> AttachmentInfo:
    findings = tuple(("MY_NUMBER", None, "********1234") for _ in range(n)) + tuple(
        ("PERSON", None, "大■ ■■") for _ in range(n)
    )
    return AttachmentInfo("入社手続き_個人番号.xlsx", "氏名\t個人番号\n", findings, records=n)


def test_my_numbers_attached_to_a_new_address_are_held(policy, directory, history):
    # ベータ商事's 田中 is in the address book, but this sender never wrote to him
    v = judge(msg([("田中 一郎", "i.tanaka@beta.example")], "ベータ商事株式会社\n田中様", (_my_numbers(3),)),
              policy, directory, history)  # fmt: skip
    assert "sensitive_pii" in _held(v)
    assert "番号法" in next(r for r in v.reasons if r.code == "sensitive_pii").detail_ja


def test_an_employers_own_my_numbers_back_to_it_are_not_the_newcomer_hold(policy, directory, history):
    # ベータ商事's own employees' numbers going back to ベータ商事 only: returned, not provided to a third party
    own = AttachmentInfo(
        "ベータ商事_資格取得届_個人番号.xlsx",
        "ベータ商事株式会社 従業員 個人番号一覧\n氏名\t個人番号\n",
        _my_numbers(3).findings,
        records=3,
    )
    to = [("田中 一郎", "i.tanaka@beta.example")]
    v = judge(msg(to, "ベータ商事株式会社\n田中様", (own,)), policy, directory, history)
    assert not any("番号法" in r.detail_ja for r in v.reasons if r.code == "sensitive_pii")
    # the same list to another company's new address is still held
    to = [("佐藤 太郎", "t.sato@beta.example")]
    other = judge(msg(to, "ガンマ\n佐藤様", (_my_numbers(3),)), policy, directory, history)
    assert "sensitive_pii" in _held(other)


def test_my_numbers_attached_to_a_usual_address_stay_at_confirm(policy, directory, history):
    v = judge(msg([("山田 次郎", "j.yamada@gamma.example")], "株式会社ガンマ\n山田様", (_my_numbers(3),)),
              policy, directory, history)  # fmt: skip
    assert v.action == "confirm" and "sensitive_pii" not in {r.code for r in v.reasons}


CUSTOMERS = """name,kana,email,organization,code
小西 真弓,コニシ マユミ,mayumi.k@tsubasa-net.example,個人（会員 M500123）,M500123
小西 真由美,コニシ マユミ,konishi.m@tsubasa-net.example,個人（会員 M500456）,M500456
大川 修平,オオカワ シュウヘイ,s.okawa@callhub.example,株式会社コールハブ,
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社,
"""


def _order(code: str, to: tuple[str, str]) -> Message:
    body = f"{to[0]} 様\n\nご注文内容をお知らせします。\n■ご注文者：小西 様（会員番号 {code}）\n■合計：3,300円"
    body += SIGNATURE
    return Message(SENDER, (Recipient(to[0], to[1]),), "ご注文内容のご案内", body, (), "中村 三郎")


def _customer_history() -> History:
    h = History()
    h.add(SENDER, ["mayumi.k@tsubasa-net.example", "konishi.m@tsubasa-net.example", "s.okawa@callhub.example"],
          "2026-01-01")  # fmt: skip
    return h


def test_another_customers_number_to_a_private_customer_is_held(policy):
    directory, history = parse_contacts(CUSTOMERS), _customer_history()
    v = judge(_order("M500456", ("小西 真弓", "mayumi.k@tsubasa-net.example")), policy, directory, history)
    assert "content_recipient_mismatch" in _held(v)
    reason = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
    assert "M500456" not in reason.detail and "別のお客様" in reason.detail_ja


def test_own_number_or_a_contractor_receiving_it_passes(policy):
    directory, history = parse_contacts(CUSTOMERS), _customer_history()
    own = judge(_order("M500123", ("小西 真弓", "mayumi.k@tsubasa-net.example")), policy, directory, history)
    assert "content_recipient_mismatch" not in {r.code for r in own.reasons}
    # the call centre taking over a customer's case is a company's contact, not another customer
    centre = judge(_order("M500456", ("大川 修平", "s.okawa@callhub.example")), policy, directory, history)
    assert "content_recipient_mismatch" not in {r.code for r in centre.reasons}


def test_a_number_on_the_line_under_its_label_is_the_documents():
    text = "納品書\nご住所\n〒100-0000 架空県架空市1-2-3\n会員番号\nM500456\n商品\n数量"
    assert "M500456" in document_ids(text, "納品書.xlsx")
    # a label followed by a line of prose, or an id far from any label, is not read
    assert document_ids("会員番号\nお問い合わせください M500456", "納品書.xlsx") == set()
    assert document_ids("商品\nM500456", "納品書.xlsx") == set()
