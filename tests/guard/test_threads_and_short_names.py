"""A Cc kept by a reply to all while the new text and its document are for the To's company; short company names
in the salutation (「北斗HD様」 for 北斗ホールディングス株式会社)."""

from __future__ import annotations

from mamori.guard import AttachmentInfo, judge
from mamori.guard.directory import parse_contacts, short_org_form

from .conftest import SIGNATURE, msg

SATO_A = [("佐藤 太郎", "t.sato@alpha.example")]
TANAKA_B = [("田中 一郎", "i.tanaka@beta.example")]
QUOTE_B = (
    "\n\n2026年10月2日 9:15 佐藤 太郎 <t.sato@alpha.example>:\n> 株式会社自社 中村様\n> （CC：ベータ商事 田中様）\n"
    "> 合同の説明会ではお世話になりました。\n> 次回の日程はまたご相談させてください。\n"
)
NEW_TEXT = "株式会社アルファ　佐藤様\n\n説明会の件とは別件ですが、9月分の月次報告をお送りします。" + SIGNATURE
REPORT_A = AttachmentInfo("月次報告_アルファ_9月.pdf", "株式会社アルファ 御中\n月次報告 2026年9月\n売上高 12,000,000")


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


def test_reply_all_keeps_another_company_in_cc(policy, directory, history):
    v = judge(msg(SATO_A, NEW_TEXT + QUOTE_B, (REPORT_A,), cc=TANAKA_B), policy, directory, history)
    held = [r for r in v.reasons if r.code == "content_recipient_mismatch" and r.severity == "hold"]
    assert held and "ベータ商事株式会社" in held[0].detail_ja and "引用" in held[0].detail_ja
    assert held[0].recipients == ("i.tanaka@beta.example",)


def test_reply_all_without_a_document_stays_a_question(policy, directory, history):
    # continuing the joint thread in words only: both companies may well be meant
    v = judge(msg(SATO_A, NEW_TEXT + QUOTE_B, cc=TANAKA_B), policy, directory, history)
    assert "content_recipient_mismatch" not in codes(v)
    assert v.action == "confirm"


def test_reply_all_whose_new_text_names_the_cc_company(policy, directory, history):
    body = NEW_TEXT.replace("お送りします。", "お送りします。ベータ商事様にも共有いたします。")
    v = judge(msg(SATO_A, body + QUOTE_B, (REPORT_A,), cc=TANAKA_B), policy, directory, history)
    assert "content_recipient_mismatch" not in codes(v)


def test_reply_all_with_a_document_naming_both(policy, directory, history):
    both = AttachmentInfo("説明会_資料.pdf", "株式会社アルファ・ベータ商事株式会社 合同説明会 次回案")
    v = judge(msg(SATO_A, NEW_TEXT + QUOTE_B, (both,), cc=TANAKA_B), policy, directory, history)
    assert "content_recipient_mismatch" not in codes(v)


HOKUTO = """name,kana,email,organization
青木 誠,アオキ マコト,m.aoki@hokuto-hd.example,北斗ホールディングス株式会社
石田 恵,イシダ メグミ,m.ishida@hokuto-estate.example,北斗エステート株式会社
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社
"""


def test_short_org_form():
    assert short_org_form("北斗HD", "北斗ホールディングス株式会社")
    assert short_org_form("北斗ＨＤ", "北斗ホールディングス株式会社")  # full-width letters
    assert short_org_form("南海GHD", "株式会社南海グループホールディングス")
    assert not short_org_form("北斗HD", "北斗エステート株式会社")
    assert not short_org_form("北HD", "北ホールディングス株式会社")  # one character says too little
    assert not short_org_form("北斗HD", "北斗光学ホールディングス株式会社")  # a word of the name left out


def test_short_company_name_in_the_salutation(policy, history):
    d = parse_contacts(HOKUTO)
    body = "北斗HD様\n（経理部　青木様）\n\nいつもお世話になっております。資料をお送りします。" + SIGNATURE
    v = judge(msg([("青木 誠", "m.aoki@hokuto-hd.example")], body), policy, d, history)
    assert "content_recipient_mismatch" not in codes(v)
    # the same short name to the group's other company is still the wrong company
    v = judge(msg([("石田 恵", "m.ishida@hokuto-estate.example")], body), policy, d, history)
    assert "content_recipient_mismatch" in codes(v, "hold")
