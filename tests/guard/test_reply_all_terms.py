"""A reply to all that keeps in Cc a company only the quoted thread named, while the new text gives the To's
company its own terms (an amount): held as content_recipient_mismatch; the same reply without an amount, with a
generic opening, with an opening naming the Cc person too, or to a partner copied as usual, is not held."""

from __future__ import annotations

from mamori.guard import judge

from .conftest import SENDER, SIGNATURE, msg

TO = [("山田 次郎", "j.yamada@gamma.example")]
CC = [("田中 一郎", "i.tanaka@beta.example")]
QUOTE = "\n\n> ベータ商事 田中様、株式会社ガンマ 山田様\n>\n> 先週の勉強会にお越しいただきありがとうございました。\n"


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity == "hold"}


def body(opening: str, text: str) -> str:
    return f"{opening}\n\n{text}" + SIGNATURE + QUOTE


def test_reply_all_with_the_to_companys_price(policy, directory, history):
    for text in (
        "貴社向けの保守更新料は年額 480,000円 でご案内いたします。",
        "ご要望の研修は 12名様で 1名あたり ¥15,000 となります。",
        "今回に限り 120万円 でお受けします。",
    ):
        v = judge(msg(TO, body("株式会社ガンマ\n山田様", text), cc=CC), policy, directory, history)
        assert "content_recipient_mismatch" in held(v), text
        reason = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
        assert "ベータ商事株式会社" in reason.detail and "reply to all" in reason.detail
    v = judge(msg(TO, body("山田 次郎 様", "お見積りは 33,000円 です。"), cc=CC), policy, directory, history)
    assert "content_recipient_mismatch" in held(v)  # the opening names the To person only, no company


def test_reply_all_without_terms_or_not_to_the_to_alone(policy, directory, history):
    cases = (
        ("株式会社ガンマ\n山田様", "勉強会の資料を改めてお送りします。"),  # no amount: words only, a question
        ("関係者各位", "参加費は 3,000円 でした。"),  # a generic opening: for everyone on it
        ("山田様、田中様", "参加費は 3,000円 でした。"),  # the opening names the Cc person too
    )
    for opening, text in cases:
        v = judge(msg(TO, body(opening, text), cc=CC), policy, directory, history)
        assert "content_recipient_mismatch" not in held(v), opening


def test_partner_copied_as_usual_is_not_held(policy, directory, history):
    history.add(SENDER, ["j.yamada@gamma.example", "i.tanaka@beta.example"], "2026-02-01")
    v = judge(msg(TO, body("株式会社ガンマ\n山田様", "お見積りは 33,000円 です。"), cc=CC), policy, directory, history)
    assert "content_recipient_mismatch" not in held(v)
