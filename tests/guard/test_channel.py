"""Chat and FAX messages resolved against the directory and judged like mail (mamori.guard.channel), and one
attachment analysed on its own like an .eml's (mamori.guard.attachments)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mamori.guard.attachments import analyse_attachment
from mamori.guard.channel import (
    ChannelMessage,
    ChannelRecipient,
    Party,
    Resolver,
    channel_index,
    judge_channel,
    norm_fax,
    norm_kana,
    norm_name,
)
from mamori.guard.directory import parse_contacts
from mamori.guard.engine import message_from_eml
from tests.guard.conftest import CONTACTS, SENDER

# The conftest world plus FAX numbers and chat handles: アルファ's and ベータ's 佐藤 太郎 are twins.
WITH_FAX = (
    CONTACTS.replace("name,kana,email,organization", "name,kana,email,organization,fax,handle")
    .replace("t.sato@alpha.example,株式会社アルファ", "t.sato@alpha.example,株式会社アルファ,03-1111-0001,@sato-alpha")
    .replace(
        "t.sato@beta.example,ベータ商事株式会社", "t.sato@beta.example,ベータ商事株式会社,06-2222-0002;06-2222-0003,"
    )
    + "鈴木 一郎,スズキ イチロウ,i.suzuki@beta.example,ベータ商事株式会社,,\n"  # a 鈴木 at ベータ, new to the sender
    + "鈴木 花子,スズキ ハナコ,hanako.suzuki@alpha.example,株式会社アルファ,,\n"  # a second 鈴木 花子 at アルファ
    + "木村 五郎,キムラ ゴロウ,,株式会社ガンマ,092-333-0004,\n"  # FAX only, no e-mail
)


@pytest.fixture
def index():
    return channel_index(parse_contacts(WITH_FAX), WITH_FAX)


def chat(*recipients: ChannelRecipient, text: str = "", channel: str = "chat") -> ChannelMessage:
    return ChannelMessage(channel, Party(SENDER, "", "中村 三郎"), recipients, "", text)


def codes(cv) -> set[str]:
    return {r.code for r in cv.verdict.reasons}


def test_normalisation():
    assert norm_fax("+81 3-1111-0001") == norm_fax("03(1111)0001") == "0311110001"
    assert norm_fax("０３－１１１１－０００１") == "0311110001"
    assert norm_kana("さとう 様") == "サトウ" and norm_name("佐藤　太郎 様") == "佐藤太郎"


def test_resolution_by_name_kana_surname_handle_and_fax(index, policy):
    res = Resolver(index, policy)
    r = res.recipient(0, ChannelRecipient("佐藤太郎", "アルファ"))
    assert (r.status, r.matched_by, r.address) == ("resolved", "name", "t.sato@alpha.example")
    r = res.recipient(0, ChannelRecipient("ヤマダ ジロウ", "株式会社ガンマ"))
    assert (r.matched_by, r.address) == ("kana", "j.yamada@gamma.example")
    r = res.recipient(0, ChannelRecipient("田中", "ベータ商事"))
    assert (r.matched_by, r.address) == ("surname", "i.tanaka@beta.example")
    r = res.recipient(0, ChannelRecipient("", "", handle="Sato-Alpha"))
    assert (r.matched_by, r.address) == ("handle", "t.sato@alpha.example")
    r = res.recipient(0, ChannelRecipient("", "", fax="06-2222-0003"))
    assert (r.matched_by, r.organization) == ("fax", "ベータ商事株式会社")
    r = res.recipient(0, ChannelRecipient("木村 五郎", "", fax="092-333-0004"))  # no e-mail: a placeholder there
    assert (r.status, r.placeholder, r.organization) == ("resolved", True, "株式会社ガンマ")
    assert r.address.endswith("@gamma.example")


def test_same_name_at_two_companies_without_organisation_is_ambiguous(index, policy):
    r = Resolver(index, policy).recipient(0, ChannelRecipient("佐藤 太郎"))
    assert (r.status, r.placeholder) == ("ambiguous", True)
    assert "太郎" not in r.label and "佐藤" in r.label  # masked: surname only


def test_course_case_same_surname_at_another_company_is_held(index, policy, history):
    # The sender writes to アルファ's 佐藤; the chat picks ベータ's 佐藤 and speaks of アルファ's matter.
    cv = judge_channel(
        chat(ChannelRecipient("佐藤", "ベータ商事"), text="佐藤様\nアルファ様向けの資料をお送りします。"),
        policy,
        index,
        history,
    )
    assert cv.verdict.action == "hold"
    assert "similar_recipient" in codes(cv)
    assert cv.resolutions[0].organization == "ベータ商事株式会社"


def test_usual_contact_in_chat_is_confirmed_only(index, policy, history):
    msg = chat(ChannelRecipient("佐藤", "アルファ"), text="佐藤様\n資料をお送りします。")
    cv = judge_channel(msg, policy, index, history)
    assert cv.verdict.action == "confirm"
    assert codes(cv) == {"external_recipient"}


def test_same_surname_check_is_for_chat_only(index, policy, history):
    # The sender writes to アルファ's 鈴木 花子; ベータ's 鈴木 一郎 (another full name) is new to them.
    to_suzuki = ChannelRecipient("鈴木", "ベータ商事", address="i.suzuki@beta.example")
    as_chat = judge_channel(chat(to_suzuki, text="よろしくお願いします。"), policy, index, history)
    assert "similar_recipient" in codes(as_chat) and as_chat.verdict.action == "hold"
    as_mail = judge_channel(chat(to_suzuki, text="よろしくお願いします。", channel="email"), policy, index, history)
    assert "similar_recipient" not in codes(as_mail) and as_mail.verdict.action == "confirm"


def test_fax_to_a_number_of_another_company_is_held(index, policy, history):
    cover = "株式会社アルファ\n佐藤様\n\nFAXにて失礼いたします。"
    cv = judge_channel(
        chat(ChannelRecipient("佐藤 太郎", "株式会社アルファ", fax="06-2222-0002"), text=cover, channel="fax"),
        policy,
        index,
        history,
    )
    assert cv.verdict.action == "hold"
    assert {"recipient_organization_mismatch", "content_recipient_mismatch"} <= codes(cv)
    right = judge_channel(
        chat(ChannelRecipient("佐藤 太郎", "株式会社アルファ", fax="03-1111-0001"), text=cover, channel="fax"),
        policy,
        index,
        history,
    )
    assert right.verdict.action == "confirm", [r.code for r in right.verdict.reasons]


def test_unknown_recipients_are_reported_and_shown_by_label(index, policy, history):
    msg = chat(ChannelRecipient("山本 一", "デルタ工業"), ChannelRecipient("川口 二", "オメガ物産"))
    cv = judge_channel(msg, policy, index, history)
    assert "unknown_recipient" in codes(cv)
    assert "multiple_external_orgs" in codes(cv)  # two different unknown organisations stay two
    texts = " ".join(r.detail + r.detail_ja + " ".join(r.evidence) for r in cv.verdict.reasons)
    assert "invalid" not in texts and "?" not in texts.replace("？", "")
    assert "デルタ工業" in texts and "オメガ物産" in texts
    assert {cv.organization_shown(g.organization) for g in cv.verdict.external_groups} == {"デルタ工業", "オメガ物産"}


def test_internal_chat_recipient_by_name(index, policy, history):
    cv = judge_channel(chat(ChannelRecipient("中村 三郎", "株式会社自社")), policy, index, history)
    assert cv.resolutions[0].internal and cv.verdict.action == "allow"


def test_unknown_sender_handle_is_a_placeholder(index, policy):
    addr, known = Resolver(index, policy).sender(Party("", "U0123", ""))
    assert not known and addr.endswith("@ours.example")


def test_attachment_alone_is_analysed_as_in_a_message(detector):
    csv_data = "氏名,生年月日,電話番号\n山田 太郎,1980-01-02,090-1234-5678\n鈴木 花子,1975-03-04,080-2345-6789\n"
    csv_data += "田中 一郎,1990-05-06,070-3456-7890\n"
    raw = csv_data.encode("utf-8-sig")
    m = EmailMessage()
    m["From"] = SENDER
    m["To"] = "t.sato@alpha.example"
    m["Subject"] = "名簿"
    m.set_content("資料です。")
    m.add_attachment(raw, maintype="text", subtype="csv", filename="名簿.csv")
    from_eml = message_from_eml(m.as_bytes(), detector=detector).attachments[0]
    alone = analyse_attachment(raw, "名簿.csv", detector, "text/csv")
    assert alone == from_eml
    assert alone.records == 3 and {"DATE_OF_BIRTH", "PHONE"} <= alone.types
    broken = analyse_attachment(b"PK\x03\x04garbage", "x.zip", detector)
    assert broken.issues  # never raises; says what it could not read


def test_two_people_of_one_name_at_a_company_resolve_to_the_one_the_sender_knows(index, policy, history):
    two = ChannelRecipient("すずき はなこ", "株式会社アルファ")
    assert Resolver(index, policy).recipient(0, two).status == "ambiguous"
    r = Resolver(index, policy, history.addresses[SENDER]).recipient(0, two)
    assert (r.status, r.matched_by, r.address) == ("resolved", "kana", "h.suzuki@alpha.example")


def test_first_chat_that_names_the_recipients_company_is_not_held(index, policy, history):
    text = "ベータ商事株式会社\n鈴木様\n\n初めてご連絡いたします。"
    msg = chat(ChannelRecipient("鈴木 一郎", "ベータ商事"), text=text)
    cv = judge_channel(msg, policy, index, history)
    assert cv.verdict.action == "confirm", [(r.code, r.detail) for r in cv.verdict.reasons]
