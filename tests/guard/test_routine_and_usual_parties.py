"""Relations the address book and the sending history already state, used before holding: the desk that routinely
receives a kind of mail (an insurer's underwriting desk, a guarantee corporation's), a company's own adviser (copied
with the company before), a late account holder's papers to the heirs the mail writes about, a one-holder statement
that is no list. And what is held instead: a directory of people with their phones (from 20), a My Number typed
back to its owner, a private person's own affairs in a reply to all that kept a company from an earlier thread."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.extract import Location, Row, Table
from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.attachments import one_holder, table_records
from mamori.guard.directory import parse_contacts
from mamori.guard.engine import analyse_body
from mamori.guard.subjects import subject_key

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

MORE = """受付 窓口,ウケツケ マドグチ,uketsuke@hoshi-life.example,ほし生命保険株式会社
森 健,モリ ケン,k.mori@hoshi-life.example,ほし生命保険株式会社
秋山 誠,アキヤマ マコト,akiyama@akiyama-tax.example,秋山税理士事務所
西田 淳,ニシダ ジュン,nishida@nishida-tax.example,西田会計事務所
保証 窓口,ホショウ マドグチ,hosho@kita-hosho.example,北信用保証協会
岩井 涼,イワイ リョウ,ryo.iwai@webmail-x.test,個人のお客様（岩井 涼様）
杉本 梓,スギモト アズサ,azusa.s@webmail-x.test,個人のお客様（杉本 梓様）
小池 努,コイケ ツトム,t.koike@koike-home.example,小池ホーム株式会社
"""
DESK = ("受付 窓口", "uketsuke@hoshi-life.example")
SALES = ("森 健", "k.mori@hoshi-life.example")
ADVISER = ("秋山 誠", "akiyama@akiyama-tax.example")
OTHER_ADVISER = ("西田 淳", "nishida@nishida-tax.example")
GUARANTOR = ("保証 窓口", "hosho@kita-hosho.example")
IWAI = ("岩井 涼", "ryo.iwai@webmail-x.test")
SUGIMOTO = ("杉本 梓", "azusa.s@webmail-x.test")
AGENT = ("小池 努", "t.koike@koike-home.example")
ALPHA = ("佐藤 太郎", "t.sato@alpha.example")
GAMMA = ("山田 次郎", "j.yamada@gamma.example")


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + MORE)


@pytest.fixture
def past(history: History) -> History:
    """A year of the organisation's mail: underwriting papers to the desk (and once to the sales person), the
    company アルファ with its adviser 秋山 in Cc twice, ガンマ with 西田 once, guarantee applications to the
    corporation's desk, and the private customer 岩井 with the estate agent on a scheduling thread."""
    for n in range(4):
        history.add("a@ours.example", [DESK[1]], f"2026-0{n + 1}-01", f"加入申込書類の送付（顧客{n} 様）")
    history.add("b@ours.example", [SALES[1]], "2026-05-01", "加入申込書類の送付")
    for n in range(2):
        history.add(SENDER, [ALPHA[1], ADVISER[1]], f"2026-0{n + 1}-05", "試算表のご提出")
    history.add(SENDER, [GAMMA[1], OTHER_ADVISER[1]], "2026-02-07", "決算のご相談")
    for n in range(3):
        history.add("c@ours.example", [GUARANTOR[1]], f"2026-0{n + 1}-09", "保証申込書類の送付")
    for n in range(2):
        history.add(SENDER, [IWAI[1], AGENT[1]], f"2026-0{n + 3}-10", "お引渡し日程")
    return history


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def severity(v, code: str) -> set[str]:
    return {r.severity for r in v.reasons if r.code == code}


def health_certificate(name: str) -> AttachmentInfo:
    text = f"健康診断書\n氏名 {name}\n生年月日 1980年4月1日\n既往歴 高血圧（服薬中）\n"
    found = (("PERSON", None, "■■"), ("DATE_OF_BIRTH", None, "■■"), ("SENSITIVE", "medical", "■■"))
    return AttachmentInfo(f"健康診断書_{name.replace(' ', '')}.pdf", text, found, 1)


def accounts(company: str, filename: str) -> AttachmentInfo:
    return AttachmentInfo(filename, f"{company} 御中\n決算書 第12期\n売上高 120,000,000円\n", (), 0)


def with_subject(m, subject: str):
    return replace(m, subject=subject)


def test_subject_key_cuts_marks_brackets_and_references():
    assert subject_key("Re: 加入申込書類の送付（岩井 涼 様）") == "加入申込書類の送付"
    assert subject_key("【S-25-0417】加入申込書類の送付") == "加入申込書類の送付"
    assert subject_key("RE: ご連絡") == ""  # too short to be a kind


def test_routine_channel_needs_the_kind_three_times_to_few_addresses(past):
    assert past.routine_channel("加入申込書類の送付（杉本 梓 様）", DESK[1])
    assert not past.routine_channel("加入申込書類の送付", SALES[1])  # once only
    assert not past.routine_channel("書類の件（杉本 梓 様）", DESK[1])  # another kind
    assert past.routine_channel("保証申込書類（アルファ）", GUARANTOR[1])  # a kind the usual one starts with
    circular = History()
    for n in range(6):
        for k in range(3):
            circular.add(SENDER, [f"c{n}@x{n}.example"], f"2026-0{k + 1}-01", "定期のお知らせの送付")
    assert not circular.routine_channel("定期のお知らせの送付", "c0@x0.example")
    merged = History()
    merged.merge(past)
    assert merged.routine_channel("加入申込書類の送付", DESK[1])


def test_special_care_papers_to_the_routine_desk_are_confirmed(policy, book, past):
    body = "ほし生命保険株式会社\n引受審査 御中\n\n杉本 梓様の加入申込につき、健康診断書をお送りします。" + SIGNATURE
    m = with_subject(msg([DESK], body, (health_certificate("杉本 梓"),)), "加入申込書類の送付（杉本 梓 様）")
    v = judge(m, policy, book, past)
    assert severity(v, "sensitive_pii") == {"confirm"} and not held(v)
    # the same papers to the sales person at the same company, or under another subject: held
    v = judge(replace(m, recipients=msg([SALES]).recipients), policy, book, past)
    assert "sensitive_pii" in held(v)
    v = judge(with_subject(m, "書類の件（杉本 梓 様）"), policy, book, past)
    assert "sensitive_pii" in held(v)
    # a Bcc outside the routine: held
    v = judge(replace(m, recipients=msg([DESK], bcc=[AGENT]).recipients), policy, book, past)
    assert "sensitive_pii" in held(v)


def test_a_companys_papers_to_its_own_adviser(policy, book, past):
    body = "秋山税理士事務所\n秋山 誠 先生\n\n顧問先の株式会社アルファ様の決算書をお送りします。" + SIGNATURE
    v = judge(msg([ADVISER], body, (accounts("株式会社アルファ", "決算書_アルファ.pdf"),)), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v)
    # to an adviser copied with another company only (or with アルファ never): held
    body = "西田会計事務所\n西田 淳 先生\n\n顧問先の株式会社アルファ様の決算書をお送りします。" + SIGNATURE
    v = judge(msg([OTHER_ADVISER], body, (accounts("株式会社アルファ", "決算書_アルファ.pdf"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)
    # ガンマ and 西田 went together once: a stray, not the company's adviser
    body = "西田会計事務所\n西田 淳 先生\n\n株式会社ガンマ様の決算書をお送りします。" + SIGNATURE
    v = judge(msg([OTHER_ADVISER], body, (accounts("株式会社ガンマ", "決算書_ガンマ.pdf"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)


def test_a_companys_papers_in_a_routine_mail_naming_it(policy, book, past):
    body = "北信用保証協会\n保証窓口 御中\n\n株式会社アルファ様の保証申込にあたり、決算書をお送りします。" + SIGNATURE
    papers = (accounts("株式会社アルファ", "決算書_アルファ.pdf"),)
    v = judge(with_subject(msg([GUARANTOR], body, papers), "保証申込書類の送付（アルファ）"), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v)
    # the routine mail names ガンマ, the papers are アルファ's: another company's papers, held
    body = "北信用保証協会\n保証窓口 御中\n\n株式会社ガンマ様の保証申込にあたり、決算書をお送りします。" + SIGNATURE
    v = judge(with_subject(msg([GUARANTOR], body, papers), "保証申込書類の送付（ガンマ）"), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)
    # not a routine of that desk
    v = judge(with_subject(msg([GUARANTOR], body.replace("ガンマ", "アルファ"), papers), "資料"), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)


def balance_certificate(name: str) -> AttachmentInfo:
    text = f"{name} 様\n\n残高証明書\n2026年11月30日現在 普通預金 1,234,567円\n"
    return AttachmentInfo(f"残高証明書_{name.replace(' ', '')}.pdf", text, (("PERSON", None, "■■"),), 1)


def test_a_late_holders_papers_to_the_heirs_the_mail_writes_about(policy, book, past):
    body = "故 岩井 正一 様 ご相続人の皆様\n\n故 岩井 正一 様名義の残高証明書をお送りします。" + SIGNATURE
    v = judge(msg([IWAI], body, (balance_certificate("岩井 正一"),), cc=[SUGIMOTO]), policy, book, past)
    assert "attachment_recipient_mismatch" not in held(v)
    # the mail does not name the person the papers are addressed to: held
    body = "岩井 涼 様\n\nご依頼の書類をお送りします。" + SIGNATURE
    v = judge(msg([IWAI], body, (balance_certificate("岩井 正一"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)
    # a contact's papers to another customer, even when the text names that contact: held
    body = "岩井 涼 様\n\n杉本 梓 様の残高証明書です。" + SIGNATURE
    v = judge(msg([IWAI], body, (balance_certificate("杉本 梓"),)), policy, book, past)
    assert "attachment_recipient_mismatch" in held(v)


def _table(rows: list[tuple[str, ...]]) -> Table:
    header = ("口座名義", "口座番号", "日付", "摘要", "残高")
    return Table(Location(sheet="明細"), header, tuple(Row(n + 2, r) for n, r in enumerate(rows)), 1)


def test_a_one_holder_statement_is_one_person():
    same = [("岩井 涼", "001-1234567", f"2026/11/{d:02}", "振込", "100000") for d in range(1, 25)]
    assert one_holder(_table(same))
    read = {((), 0, n) for n in range(2, 26)}
    assert table_records([(0, _table(same))], read, read) == 1
    # two holders, or one name with account numbers that vary: a list
    mixed = same[:12] + [("杉本 梓", "001-7654321", "2026/11/13", "振込", "5000")] * 12
    assert not one_holder(_table(mixed))
    varying = [("岩井 涼", f"001-{n:07}", "2026/11/01", "振込", "1") for n in range(24)]
    assert not one_holder(_table(varying))
    # a column of one repeated name and nothing else to tell the people by: not taken for one person
    names = Table(Location(sheet="A"), ("氏名",), tuple(Row(n, ("x",)) for n in range(2, 30)), 1)
    assert not one_holder(names)


def directory_of(n: int, phones: bool) -> AttachmentInfo:
    found = tuple(("PERSON", None, "■■") for _ in range(n))
    if phones:
        found += tuple(("PHONE", None, "■■") for _ in range(n))
    return AttachmentInfo("顧客一覧.csv", "氏名,電話\n", found, n)


def test_a_directory_of_people_with_phones_is_bulk_from_twenty(policy, book, past):
    body = "株式会社ガンマ\n山田様\n\n一覧をお送りします。" + SIGNATURE
    v = judge(msg([GAMMA], body, (directory_of(25, phones=True),)), policy, book, past)
    assert "bulk_pii" in held(v)
    # names alone (a rooming list), or fewer than 20 with phones: not bulk
    v = judge(msg([GAMMA], body, (directory_of(25, phones=False),)), policy, book, past)
    assert "bulk_pii" not in held(v)
    v = judge(msg([GAMMA], body, (directory_of(15, phones=True),)), policy, book, past)
    assert "bulk_pii" not in held(v)


def test_a_my_number_typed_back_to_its_owner_is_held(policy, book, past):
    from mamori.detect.detector import default_detector

    text = "岩井 涼 様\n\nお届けの個人番号 4525 8077 4529 にて登録が完了しました。" + SIGNATURE
    m = msg([IWAI], text)
    m = replace(m, body_info=analyse_body(text, default_detector()))
    v = judge(m, policy, book, past)
    assert "sensitive_pii" in held(v)


def application(name: str) -> AttachmentInfo:
    text = f"住宅ローン申込書\n氏名 {name}\n年収 6,200,000円\n"
    return AttachmentInfo(f"住宅ローン申込書_{name.replace(' ', '')}.docx", text, (("PERSON", None, "■■"),), 1)


def test_a_private_persons_affairs_in_a_reply_to_all_keeping_a_company(policy, book, past):
    quote = (
        "\n\n2026/12/01 岩井 涼 <ryo.iwai@webmail-x.test>:\n> 小池ホーム株式会社さんにも入っていただいております。\n"
    )
    body = "岩井 様\n\n源泉徴収票で年収を確認いたしました。申込書の控えを添付します。" + SIGNATURE + quote
    m = with_subject(msg([IWAI], body, (application("岩井 涼"),), cc=[AGENT]), "RE: 今後の進め方について")
    v = judge(m, policy, book, past)
    assert "content_recipient_mismatch" in held(v)
    # the sender's own text names the company in copy (a scheduling mail to both): not held
    opening = "岩井 涼 様\n（cc: 小池ホーム株式会社 小池 努 様）"
    body = opening + "\n\nお引渡しは1月8日で承知いたしました。" + SIGNATURE + quote
    v = judge(with_subject(msg([IWAI], body, cc=[AGENT]), "RE: お引渡し日程"), policy, book, past)
    assert "content_recipient_mismatch" not in held(v)
