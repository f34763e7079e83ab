"""Second nets: other wordings and forms of the risky kinds (a held-out set is written differently from dev)."""

from __future__ import annotations

import pytest

from mamori.extract import Location, Row, Table
from mamori.guard import AttachmentInfo, judge
from mamori.guard.attachments import header_records
from mamori.guard.salutation import own_text

from .conftest import SIGNATURE, msg

SATO_A = [("佐藤 太郎", "t.sato@alpha.example")]
BODY_A = "株式会社アルファ\n佐藤様\n\n資料をお送りします。" + SIGNATURE


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


@pytest.mark.parametrize(
    "text",
    [
        "請求書\n請求先：ベータ商事株式会社\n合計 ¥100,000\n株式会社自社",
        "INVOICE\nBill To: ベータ商事株式会社\n株式会社ガンマ 製品 一式\n株式会社自社",
        "納品書\nお客様名　ベータ商事\n株式会社ガンマ 製品\n",
    ],
)
def test_attachment_addressee_labels(text, policy, directory, history):
    att = AttachmentInfo("請求書.pdf", text)
    v = judge(msg(SATO_A, BODY_A, (att,)), policy, directory, history)
    assert "attachment_recipient_mismatch" in codes(v, "hold")


@pytest.mark.parametrize(
    "filename", ["見積書_ベータ商事様.xlsx", "御見積書_ベータ商事株式会社.pdf", "invoice_beta_2026-10.pdf"]
)
def test_file_name_naming_another_customer(filename, policy, directory, history):
    v = judge(msg(SATO_A, BODY_A, (AttachmentInfo(filename, "合計 ¥100,000"),)), policy, directory, history)
    if "beta_" in filename:
        assert "attachment_recipient_mismatch" not in codes(v)  # "beta" is under 5 letters: not distinctive
    else:
        assert "attachment_recipient_mismatch" in codes(v, "hold")
    for fine in ("見積書_アルファ様.xlsx", "アルファ版_仕様書.pdf", "ベータ版リリースノート.pdf"):
        v = judge(msg(SATO_A, BODY_A, (AttachmentInfo(fine, "仕様"),)), policy, directory, history)
        assert "attachment_recipient_mismatch" not in codes(v), fine


def test_file_name_with_the_customers_domain_label(policy, directory, history):
    from mamori.guard.directory import parse_contacts

    d = parse_contacts(
        "name,kana,email,organization\n佐藤 太郎,,t.sato@alpha.example,株式会社アルファ\n"
        "木村 健,,k.kimura@meiko-kogyo.example,明光工業株式会社\n"
    )
    att = AttachmentInfo("invoice_meiko-kogyo_202610.pdf", "Invoice")
    v = judge(msg(SATO_A, BODY_A, (att,)), policy, d, history)
    assert "attachment_recipient_mismatch" in codes(v, "hold")


def test_sensitive_list_named_by_its_file(policy, directory, history):
    rows = tuple(("PHONE", None, "090-****-0000") for _ in range(5))
    for name in ("健康診断結果_2026.xlsx", "身辺調査結果.csv", "障がい者雇用_対象者.pdf"):
        att = AttachmentInfo(name, "", rows, 5)
        v = judge(msg(SATO_A, BODY_A, (att,)), policy, directory, history)
        assert "sensitive_pii" in codes(v, "hold"), name
    few = AttachmentInfo("健康診断のご案内.pdf", "", (), 0)  # a leaflet, not a list of people
    assert "sensitive_pii" not in codes(judge(msg(SATO_A, BODY_A, (few,)), policy, directory, history))


def test_list_of_people_by_its_header():
    rows = tuple(Row(n, (f"会員{n}", "", "")) for n in range(2, 12)) + tuple(
        Row(n, ("", "x", "03-0000-0000")) for n in range(12, 22)
    )
    table = Table(Location(sheet="S"), ("お名前", "ご住所", "TEL"), rows, 1, False, 2000)
    assert header_records(table) == 2000  # every row read has a name or a contact: all 2,000 are people
    products = Table(Location(sheet="S"), ("品名", "数量", "単価"), rows, 1)
    assert header_records(products) == 0


def test_seven_zip_is_unscannable(policy, directory, history):
    att = AttachmentInfo("顧客リスト.7z", "", (), 0, ("unsupported",))
    v = judge(msg(SATO_A, BODY_A, (att,)), policy, directory, history)
    assert "unscannable_attachment" in codes(v, "hold")
    # issue 17: any format mamori cannot read is unscannable (it was let through for a non-archive name); an
    # administrator lowers the cause in [unscannable], and the reason still shows
    drawing = AttachmentInfo("図面.dwg", "", (), 0, ("unsupported",))
    assert "unscannable_attachment" in codes(judge(msg(SATO_A, BODY_A, (drawing,)), policy, directory, history), "hold")
    from mamori.guard.policy import parse_policy

    text = '[organization]\ninternal_domains = ["ours.example"]\n[unscannable]\nunsupported = "confirm"'
    lowered = parse_policy(text)
    v = judge(msg(SATO_A, BODY_A, (drawing,)), lowered, directory, history)
    assert v.action == "confirm" and "unscannable_attachment" in codes(v, "confirm")


def test_private_customers_at_one_provider_are_an_open_list(directory, history):
    from mamori.guard.policy import parse_policy

    p = parse_policy('[organization]\ninternal_domains = ["ours.example"]\n[free_mail]\ndomains = ["mail.example"]\n')
    to = [("", f"user{i}@mail.example") for i in range(6)]
    assert "open_recipient_list" in codes(judge(msg(to, "各位\n\nご案内です。"), p, directory, history), "hold")
    team = [("", f"member{i}@gamma2.example") for i in range(6)]  # six people of one company: not an open list
    assert "open_recipient_list" not in codes(judge(msg(team, "各位\n\nご案内です。"), p, directory, history))


@pytest.mark.parametrize(
    "marker",
    [
        "-----元のメッセージ-----",
        "---------- 転送メッセージ ----------",
        "Begin forwarded message:",
        "差出人： 佐藤 太郎",
        "2026年10月1日(木) 10:00 鈴木 <h.suzuki@alpha.example> のメール:",
        "＝＝＝ 以下転送 ＝＝＝",
    ],
)
def test_forwarded_and_quoted_parts_are_cut(marker):
    assert own_text(f"本文です。\n{marker}\nベータ商事株式会社\n田中様") == "本文です。"


def test_usual_namesake_at_a_company_never_written_to(policy, directory, history):
    # the sender writes to アルファ's 佐藤 太郎 (history); 佐藤 花子 at ベータ, a company they never wrote to, is
    # another person with the same surname: no twin, no shared mailbox name, only the surname and the opening
    sato_b = [("佐藤 花子", "h.sato@beta.example")]
    body = "佐藤様\n\n先日の件、資料をお送りします。" + SIGNATURE
    v = judge(msg(sato_b, body), policy, directory, history)
    assert "similar_recipient" in codes(v, "hold")
    named = "ベータ商事株式会社\n佐藤様\n\n初めてご連絡いたします。" + SIGNATURE  # the opening names ベータ: meant
    assert "similar_recipient" not in codes(judge(msg(sato_b, named), policy, directory, history))
    plain = "よろしくお願いします。" + SIGNATURE  # no opening naming 佐藤: nothing says which one was meant
    assert "similar_recipient" not in codes(judge(msg(sato_b, plain), policy, directory, history))


def test_customer_codes_in_file_names_and_documents(policy, history):
    from mamori.guard.directory import parse_contacts

    d = parse_contacts(
        "name,kana,email,organization,code\n佐藤 太郎,,t.sato@alpha.example,株式会社アルファ,C0012\n"
        "田中 一郎,,i.tanaka@beta.example,ベータ商事株式会社,C0047\n"
    )
    for att in (
        AttachmentInfo("請求書_C0047_202610.pdf", "請求書"),
        AttachmentInfo("請求書.pdf", "請求書\n顧客コード：C0047\n合計 ¥100,000"),
    ):
        v = judge(msg(SATO_A, BODY_A, (att,)), policy, d, history)
        assert "attachment_recipient_mismatch" in codes(v, "hold"), att
    right = AttachmentInfo("請求書_C0012_202610.pdf", "請求書\n顧客コード：C0012")
    assert "attachment_recipient_mismatch" not in codes(judge(msg(SATO_A, BODY_A, (right,)), policy, d, history))


@pytest.mark.parametrize(
    ("opening", "orgs", "names"),
    [
        ("佐藤様（ベータ商事株式会社）", ("ベータ商事株式会社",), ("佐藤",)),
        ("（株）アルファ\n佐藤部長", ("アルファ",), ("佐藤",)),
        ("株式会社アルファ\n営業部長\n佐藤様", ("株式会社アルファ",), ("佐藤",)),
        ("株式会社アルファ\n代表取締役社長\n佐藤 太郎 様", ("株式会社アルファ",), ("佐藤 太郎",)),
        ("Dear Mr. Sato (ベータ商事),", ("ベータ商事",), ("Sato",)),
    ],
)
def test_other_salutation_forms(opening, orgs, names, directory):
    from mamori.guard.salutation import parse

    s = parse(f"{opening}\n\n本文です。", directory.org_names)
    assert (s.orgs, s.names) == (orgs, names)


def test_bracketed_company_after_the_name_is_compared(policy, directory, history):
    body = "佐藤様（ベータ商事株式会社）\n\nお見積書をお送りします。" + SIGNATURE
    v = judge(msg(SATO_A, body), policy, directory, history)
    assert "content_recipient_mismatch" in codes(v, "hold")
