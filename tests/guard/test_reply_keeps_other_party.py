"""A reply whose new text opens to the To recipient alone while another customer's party (a company, or a private
person at a free-mail or provider address) stays among the recipients, never named by the message (opening, text,
subject, attachments, quoted thread): held as content_recipient_mismatch. Not when the opening is generic, names that
party too, when the text or the quoted thread names them, for the same customer's people, for a partner copied as
usual, nor for a new message that is no reply."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import History, judge
from mamori.guard.directory import parse_contacts

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

FAMILIES = """木村 勇,キムラ イサム,isamu.k@mail-one.test,個人のお客様（木村 ハナ様ご家族）
木村 恵,キムラ メグミ,megu.k@post-two.test,個人のお客様（木村 ハナ様ご家族）
大西 直人,オオニシ ナオト,naoto-o@mail-one.test,個人のお客様（大西 トメ様ご家族）
河合 咲,カワイ サキ,saki.kawai@post-two.test,個人のお客様（河合 シズ様ご家族）
"""
KIMURA = ("木村 勇", "isamu.k@mail-one.test")
ONISHI = ("大西 直人", "naoto-o@mail-one.test")
YAMADA = ("山田 次郎", "j.yamada@gamma.example")
TANAKA = ("田中 一郎", "i.tanaka@beta.example")
QUOTE = "\n\n> 家族会の日程調整にご協力ください。\n"


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + FAMILIES)


@pytest.fixture
def usual(history):
    history.add(SENDER, ["isamu.k@mail-one.test"], "2026-03-01")
    history.add(SENDER, ["saki.kawai@post-two.test"], "2026-03-02")
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity == "hold"}


def reply(to, cc, text: str, subject: str = "Re: 面談日程", quote: str = QUOTE):
    return replace(msg(to=to, cc=cc, body=text + SIGNATURE + quote), subject=subject)


def test_reply_to_one_family_keeping_another_family(book, usual, policy):
    text = "木村様\n\nお世話になっております。\n\n木村 ハナ様の面談は11月20日14時に決まりました。"
    m = reply([KIMURA], [ONISHI], text)
    v = judge(m, policy, book, usual)
    assert "content_recipient_mismatch" in held(v)
    reason = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
    assert "reply to all" in reason.detail and "大西" in reason.detail
    assert "トメ" not in reason.detail + reason.detail_ja  # the label's customer name is not shown
    assert reason.recipients == ("naoto-o@mail-one.test",)
    # the same with the other family in To beside the one addressed, or a reply marked only by its quote
    assert "content_recipient_mismatch" in held(judge(replace(m, recipients=tuple(
        replace(r, field="to") for r in m.recipients)), policy, book, usual))  # fmt: skip
    assert "content_recipient_mismatch" in held(judge(replace(m, subject="面談日程"), policy, book, usual))


def test_reply_to_a_company_keeping_another_company(book, usual, policy):
    m = reply([YAMADA], [TANAKA], "山田様\n\nお世話になっております。\n\n次回のお打ち合わせは12月3日に決まりました。")
    assert "content_recipient_mismatch" in held(judge(m, policy, book, usual))


@pytest.mark.parametrize(
    "text",
    [
        "関係者各位\n\n家族会は12月5日に決まりました。",  # a generic opening: for everyone on it
        "木村様、大西様\n\n家族会は12月5日に決まりました。",  # the opening names the other family too
        "木村様\n\n面談は11月20日です。大西様にも念のためお送りしています。",  # the new text names them
        "木村様\n\n大西 トメ様の送迎の件も、あわせてご相談させてください。",  # their customer is spoken of
    ],
)
def test_the_other_family_addressed_or_spoken_of(book, usual, policy, text):
    m = reply([KIMURA], [ONISHI], text)
    assert "content_recipient_mismatch" not in held(judge(m, policy, book, usual))


def test_a_party_the_thread_named_or_the_same_customer(book, usual, policy):
    text = "木村様\n\n面談は11月20日14時に決まりました。"
    quoted = "\n\n-----Original Message-----\nFrom: 大西 直人 <naoto-o@mail-one.test>\n> 家族会の件です。\n"
    assert "content_recipient_mismatch" not in held(judge(reply([KIMURA], [ONISHI], text, quote=quoted), policy,
                                                          book, usual))  # fmt: skip
    family = ("木村 恵", "megu.k@post-two.test")  # the same customer's other family member
    assert "content_recipient_mismatch" not in held(judge(reply([KIMURA], [family], text), policy, book, usual))
    kawai = ("河合 咲", "saki.kawai@post-two.test")
    usual.add(SENDER, ["isamu.k@mail-one.test", "saki.kawai@post-two.test"], "2026-04-01")  # copied before
    assert "content_recipient_mismatch" not in held(judge(reply([KIMURA], [kawai], text), policy, book, usual))


def test_a_new_message_or_an_announcement_is_not(book, usual, policy):
    text = "木村様\n\n面談は11月20日14時に決まりました。"
    m = reply([KIMURA], [ONISHI], text, subject="面談日程", quote="")
    assert "content_recipient_mismatch" not in held(judge(m, policy, book, usual))
    body = "ご家族の皆様\n\n年末年始の営業のご案内です。" + SIGNATURE
    notice = replace(msg(to=[("中村 三郎", SENDER)], bcc=[KIMURA, ONISHI], body=body), subject="Re: 年末年始のご案内")
    assert "content_recipient_mismatch" not in held(judge(notice, policy, book, usual))


def test_an_address_only_on_the_quoted_to_or_cc_line_does_not_name_them(book, usual, policy):
    text = "木村様\n\n面談は11月20日14時に決まりました。"
    for header in ("宛先: s.nakamura@ours.example; naoto-o@mail-one.test", "Cc: naoto-o@mail-one.test"):
        quoted = f"\n\n差出人: 木村 勇 <isamu.k@mail-one.test>\n{header}\n件名: 面談\n\n面談の件です。\n"
        v = judge(reply([KIMURA], [ONISHI], text, quote=quoted), policy, book, usual)
        assert "content_recipient_mismatch" in held(v), header  # how the reply to all kept them


def test_multiple_orgs_shows_private_customers_by_surname(book, usual, policy):
    m = reply([KIMURA], [ONISHI], "木村様、大西様\n\n家族会は12月5日に決まりました。")
    reason = next(r for r in judge(m, policy, book, usual).reasons if r.code == "multiple_external_orgs")
    shown = reason.detail + reason.detail_ja + "".join(reason.evidence)
    assert "個人のお客様 木村様" in reason.detail_ja and "大西 (a private customer)" in reason.detail
    assert "ハナ" not in shown and "トメ" not in shown  # their labels' customers' names are not shown


def test_full_names_in_labels_are_cut_to_surnames(policy):
    from mamori.guard.checks import without_full_names

    book = parse_contacts(CONTACTS + "堀 直美,ホリ ナオミ,naomi@shop.example,あおい書房（個人事業主 堀 直美）\n")
    label = "宛先は あおい書房（個人事業主 堀 直美） です"
    assert without_full_names(book, label) == "宛先は あおい書房（個人事業主 堀 ■■） です"
    assert without_full_names(book, "佐藤 太郎様、株式会社アルファ") == "佐藤 ■■様、株式会社アルファ"
    assert without_full_names(book, "堀 様 と 株式会社ガンマ") == "堀 様 と 株式会社ガンマ"
    hori, yamada = ("堀 直美", "naomi@shop.example"), ("山田 次郎", "j.yamada@gamma.example")
    m = msg(to=[hori], cc=[yamada], body="堀様\n\nご案内です。")

    reason = next(r for r in judge(m, policy, book, History()).reasons if r.code == "multiple_external_orgs")
    assert "直美" not in reason.detail + reason.detail_ja + "".join(reason.evidence)
    assert "あおい書房（個人事業主 堀 ■■）" in reason.detail_ja


APPLICANTS = """森 健太,モリ ケンタ,kenta.mori@mail-one.test,個人（応募者 No.501）
原 由紀,ハラ ユキ,yuki.hara@post-two.test,個人（応募者 No.502）
"""
MORI = ("森 健太", "kenta.mori@mail-one.test")
HARA = ("原 由紀", "yuki.hara@post-two.test")


def test_a_reply_to_one_private_person_keeping_another_they_spoke_of(policy):
    """Two private persons are two parties (each their own label): the one the reply opens to copied the other
    in (「原さんもCcに入れています」), but the reply is about the first one's own matters; the other, spoken of only
    in the quoted mail and not in the sender's new text, is held. Named in the new text, or a writer in the
    thread, they are not."""
    book = parse_contacts(CONTACTS + FAMILIES + APPLICANTS)  # free-mail providers several people write from
    usual = History()
    usual.add(SENDER, ["kenta.mori@mail-one.test"], "2026-03-01")
    usual.add(SENDER, ["yuki.hara@post-two.test"], "2026-03-01")
    text = "森 健太 様\n\n先日ご相談の通院の件、勤務先には配慮をお願いしておきました。"
    quoted = "\n\n2026年3月2日 森 健太 <kenta.mori@mail-one.test>:\n> 同じ件なので、原さんもCcに入れています。\n"
    v = judge(reply([MORI], [HARA], text, quote=quoted), policy, book, usual)
    assert "content_recipient_mismatch" in held(v)
    reason = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
    assert "引用部分にしか出てこず" in reason.detail_ja and "only the quoted mail" in reason.detail
    named = text + "\n原様にも同じ日程をご案内しています。"
    assert "content_recipient_mismatch" not in held(judge(reply([MORI], [HARA], named, quote=quoted), policy, book,
                                                          usual))  # fmt: skip
    by_hara = "\n\n-----Original Message-----\nFrom: 原 由紀 <yuki.hara@post-two.test>\n> 森さんと伺います。\n"
    assert "content_recipient_mismatch" not in held(judge(reply([MORI], [HARA], text, quote=by_hara), policy, book,
                                                          usual))  # fmt: skip


def test_multiple_orgs_counts_companies_and_private_persons_apart(book, usual, policy):
    def detail(m):
        return next(r for r in judge(m, policy, book, usual).reasons if r.code == "multiple_external_orgs")

    people = detail(reply([KIMURA], [ONISHI], "木村様、大西様\n\n家族会は12月5日に決まりました。"))
    assert "社外の個人 2 名" in people.detail_ja and "社" not in people.detail_ja.split(":")[0].replace("社外", "")
    assert "2 private persons outside" in people.detail and "organisations" not in people.detail
    mixed = detail(reply([KIMURA], [YAMADA], "木村様、山田様\n\n家族会は12月5日に決まりました。"))
    assert "社外の 2 者（1 社・個人 1 名）" in mixed.detail_ja
    assert "2 outside parties (1 organisation(s), 1 private person(s))" in mixed.detail
    companies = detail(reply([YAMADA], [TANAKA], "山田様、田中様\n\nご案内です。"))
    assert "To/Cc に 2 社の宛先があります" in companies.detail_ja and "2 external organisations" in companies.detail
