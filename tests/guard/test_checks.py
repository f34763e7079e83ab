"""Each rule on small hand-built messages."""

from __future__ import annotations

from dataclasses import replace

from mamori.guard import AttachmentInfo, judge
from mamori.guard.lookalike import imitates, lookalike_of
from mamori.guard.salutation import own_text, parse

from .conftest import SIGNATURE, msg


def codes(verdict) -> set[str]:
    return {r.code for r in verdict.reasons}


def test_routine_mail_is_confirm_only(policy, directory, history):
    m = msg(
        [("佐藤 太郎", "t.sato@alpha.example")],
        "株式会社アルファ\n営業部 佐藤様\n\nお世話になっております。" + SIGNATURE,
    )
    v = judge(m, policy, directory, history)
    assert v.action == "confirm"
    assert codes(v) == {"external_recipient"}


def test_internal_mail_is_allowed(policy, directory, history):
    m = msg([("中村 三郎", "s.nakamura@ours.example")], "株式会社ベータ商事 佐藤様の件です。")
    assert judge(m, policy, directory, history).action == "allow"


def test_same_surname_other_company_is_held(policy, directory, history):
    body = "ベータ商事株式会社\n佐藤 太郎 様\n\nお世話になっております。" + SIGNATURE
    v = judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body), policy, directory, history)
    assert v.action == "hold"
    r = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
    assert "ベータ商事株式会社" in r.detail_ja and "株式会社アルファ" in r.detail_ja
    assert "t.sato@alpha.example" not in r.detail + r.detail_ja + "".join(r.evidence)  # masked


def test_twin_at_other_company_is_similar_recipient(policy, directory, history):
    v = judge(msg([("佐藤 太郎", "t.sato@beta.example")], "お世話になっております。"), policy, directory, history)
    assert "similar_recipient" in codes(v) and v.action == "hold"


def test_free_mail_address_of_known_person(policy, directory, history):
    v = judge(msg([("鈴木 花子", "hanako.s@freemail.example")], "資料です。"), policy, directory, history)
    assert "similar_recipient" in codes(v)


def test_wrong_person_same_company(policy, directory, history):
    body = "株式会社アルファ\n鈴木様\n\nお世話になっております。" + SIGNATURE
    v = judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body), policy, directory, history)
    assert "content_recipient_mismatch" in codes(v)


def test_salutation_naming_cc_person_is_fine(policy, directory, history):
    body = "株式会社アルファ\n鈴木様\n\nお世話になっております。" + SIGNATURE
    m = msg([("佐藤 太郎", "t.sato@alpha.example")], body, cc=[("鈴木 花子", "h.suzuki@alpha.example")])
    assert judge(m, policy, directory, history).action == "confirm"


def test_quoted_reply_naming_other_company_does_not_trigger(policy, directory, history):
    body = (
        "株式会社アルファ 佐藤様\n\nご返信ありがとうございます。"
        + SIGNATURE
        + "\n2026/10/01 10:00、佐藤 太郎 さんは書きました:\n> ベータ商事株式会社\n> 田中様\n"
    )
    assert judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body), policy, directory, history).action == "confirm"
    outlook = "株式会社アルファ 佐藤様\n\n了解です。\n\n-----Original Message-----\nベータ商事株式会社\n田中様\n"
    assert judge(msg([("佐藤 太郎", "t.sato@alpha.example")], outlook), policy, directory, history).action == "confirm"


def test_bcc_announcement_is_ok_but_open_list_is_held(policy, directory, history):
    people = [(f"客{i}", f"user{i}@cust{i}.example") for i in range(8)]
    body = "お取引先各位\n\n年末年始休業のお知らせです。" + SIGNATURE
    bcc = judge(msg([("中村 三郎", "s.nakamura@ours.example")], body, bcc=people), policy, directory, history)
    assert bcc.action == "confirm"
    assert "open_recipient_list" not in codes(bcc)
    open_ = judge(msg(people, body), policy, directory, history)
    assert open_.action == "hold" and {"open_recipient_list", "multiple_external_orgs"} <= codes(open_)


def test_lookalike_domains():
    assert imitates("aipha.example", "alpha.example")  # l -> i
    assert imitates("a1pha.example", "alpha.example")  # 1 -> l
    assert imitates("garnma.example", "gamma.example")  # rn -> m
    assert imitates("lapha.example", "alpha.example") == "edit"  # swap
    assert imitates("alpha.test", "alpha.example") == "tld"
    assert imitates("omega.example", "alpha.example") is None
    assert lookalike_of("alpha.example", {"alpha.example"}) is None


def test_lookalike_domain_is_held(policy, directory, history):
    v = judge(msg([("佐藤 太郎", "t.sato@a1pha.example")], "資料です。"), policy, directory, history)
    assert "lookalike_domain" in codes(v) and v.action == "hold"


def test_attachment_for_other_company(policy, directory, history):
    quote = AttachmentInfo("御見積書.pdf", "御見積書\nベータ商事株式会社 御中\n合計 ¥100,000\n株式会社自社")
    body = "株式会社アルファ\n佐藤様\n\nお見積書をお送りします。" + SIGNATURE
    v = judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body, (quote,)), policy, directory, history)
    assert codes(v) >= {"attachment_recipient_mismatch"} and v.action == "hold"
    right = AttachmentInfo("御見積書.pdf", "御見積書\n株式会社アルファ 御中\n株式会社自社")
    v = judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body, (right,)), policy, directory, history)
    assert v.action == "confirm"


def test_personal_data_in_attachments(policy, directory, history):
    to = [("佐藤 太郎", "t.sato@alpha.example")]
    rows = (*tuple(("PERSON", None, "山田 ■■") for _ in range(60)), ("DATE_OF_BIRTH", None, "****年"))
    bulk = AttachmentInfo("名簿.xlsx", "", rows, records=60)
    v = judge(msg(to, "資料です。", (bulk,)), policy, directory, history)
    assert {"bulk_pii", "pii_in_attachment"} <= codes(v) and v.action == "hold"
    sens = AttachmentInfo("一覧.csv", "", (("PERSON", None, "山田 ■■"), ("SENSITIVE", "medical", "■■")), records=4)
    assert "sensitive_pii" in codes(judge(msg(to, "", (sens,)), policy, directory, history))
    locked = AttachmentInfo("list.zip", "", (), 0, ("encrypted",))
    assert "unscannable_attachment" in codes(judge(msg(to, "", (locked,)), policy, directory, history))
    # the same going inside stays allowed
    inside = msg([("中村 三郎", "s.nakamura@ours.example")], "", (bulk, sens, locked))
    assert judge(inside, policy, directory, history).action == "allow"


def test_blocked_recipient_and_attachment(directory, history):
    from mamori.guard.policy import parse_policy

    policy = parse_policy(
        '[organization]\ninternal_domains = ["ours.example"]\n'
        '[blocked]\nrecipients = ["*@gamma.example"]\nattachments = ["*.exe"]\n'
    )
    v = judge(
        msg([("山田 次郎", "j.yamada@gamma.example")], "", (AttachmentInfo("tool.exe"),)), policy, directory, history
    )
    assert v.action == "block" and {"blocked_recipient", "blocked_attachment"} <= codes(v)


def test_salutation_forms():
    orgs = ["株式会社アルファ", "ベータ商事株式会社"]
    assert parse("株式会社アルファ 営業部 佐藤様\n\n本文", orgs).names == ("佐藤",)
    assert parse("ベータ商事株式会社 御中\n\n本文", orgs).orgs == ("ベータ商事株式会社",)
    assert parse("ご担当者様\n\n本文", orgs).generic
    assert parse("Dear Mr Sato,\n\nHello", orgs).names == ("Sato",)
    assert parse("佐藤様、鈴木様\n\n本文", orgs).names == ("佐藤", "鈴木")
    assert parse("お疲れ様です。\n中村です。", orgs).names == ()
    assert "ベータ" not in own_text("本文\n> ベータ商事株式会社\n")
    # a bracket before the name holds a post or a reading, not a name; an organisation in one is still one
    assert parse("株式会社アルファ\n製造部（安全衛生責任者）　佐藤様\n\n本文", orgs).names == ("佐藤",)
    assert parse("鈴木（すずき）様\n\n本文", orgs).names == ("鈴木",)
    assert parse("佐藤様（株式会社アルファ）\n\n本文", orgs).orgs == ("株式会社アルファ",)


def test_a_reply_with_a_post_in_the_opening_keeps_its_terms_from_a_quoted_cc_company(policy, directory, history):
    """「株式会社ガンマ\n製造部（派遣先責任者） 山田様」 opens to 山田 alone: the amount of the new text is the
    To company's terms, and a Cc company only the quoted mail names is held (the post read as a name stopped it)."""
    body = (
        "株式会社ガンマ\n製造部（派遣先責任者）　山田様\n\nご依頼の件、時給は1,450円でご提案いたします。"
        + SIGNATURE
        + "\n-----Original Message-----\n差出人: 山田 次郎 <j.yamada@gamma.example>\n\n"
        + "ベータ商事株式会社様にもお送りしています。\n"
    )
    m = replace(msg([("山田 次郎", "j.yamada@gamma.example")], body, cc=[("田中 一郎", "i.tanaka@beta.example")]),
                subject="Re: 募集の件")  # fmt: skip
    v = judge(m, policy, directory, history)
    assert any(r.code == "content_recipient_mismatch" and r.severity == "hold" for r in v.reasons)


def test_english_salutation_meets_the_kanji_name_by_its_kana(policy, directory, history):
    body = "Dear Mr Sato,\n\nPlease find the file attached." + SIGNATURE
    assert judge(msg([("佐藤 太郎", "t.sato@alpha.example")], body), policy, directory, history).action == "confirm"


def test_first_mail_to_new_person_at_known_company_is_confirm(policy, directory, history):
    body = "株式会社アルファ\n経理部 木村様\n\n初めてご連絡いたします。" + SIGNATURE
    v = judge(msg([("木村 健", "k.kimura@alpha.example")], body), policy, directory, history)
    assert v.action == "confirm" and "first_time_recipient" in codes(v)


def test_role_mailbox_at_other_domain_is_not_similar(policy, directory, history):
    history.add("s.nakamura@ours.example", ["info@alpha.example"])
    v = judge(msg([("", "info@delta-trading.example")], "資料です。"), policy, directory, history)
    assert "similar_recipient" not in codes(v)
