"""One person's papers and the parties they name; a list about what a private recipient owns; a result sent to the
agent who introduced the person. Invented people and organisations: two guarantor companies, an agent, a clinic, an
insurer, owners and applicants filed under private labels."""

from __future__ import annotations

import pytest

from mamori.extract.dispatch import extract
from mamori.guard import AttachmentInfo, History, Message, Recipient, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.owned import about_own_thing, owned_things
from mamori.guard.policy import parse_policy

CONTACTS = """name,kana,email,organization
岩田 実,イワタ ミノル,m.iwata@hibari-hosho.example,株式会社ひばり保証
小西 葵,コニシ アオイ,a.konishi@tsubame-shinyo.example,つばめ信用株式会社
松尾 剛,マツオ ツヨシ,t.matsuo@kamome-fudosan.example,株式会社かもめ不動産
菊池 徹,キクチ トオル,t.kikuchi@aoba-clinic.example,医療法人 青葉会 青葉クリニック
永井 彩,ナガイ アヤ,a.nagai@mikan-sonpo.example,みかん損害保険株式会社
杉本 茂,スギモト シゲル,sugimoto.s@provider-a.example,個人（ラ・セーヌ若葉 オーナー）
野口 里美,ノグチ サトミ,noguchi.s@provider-b.example,個人（コート岬台・グラン若葉 オーナー）
堀 早苗,ホリ サナエ,hori.s@provider-a.example,個人（入居希望者）
三浦 航,ミウラ ワタル,miura.w@provider-b.example,個人（入居希望者）
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社
"""
SENDER = "s.nakamura@ours.example"
SIGNATURE = "\n\n--\n株式会社自社\n審査課 中村 三郎\n"
GUARANTOR = [("岩田 実", "m.iwata@hibari-hosho.example")]
OTHER_GUARANTOR = [("小西 葵", "a.konishi@tsubame-shinyo.example")]
AGENT = [("松尾 剛", "t.matsuo@kamome-fudosan.example")]
INSURER = [("永井 彩", "a.nagai@mikan-sonpo.example")]
OWNER = [("杉本 茂", "sugimoto.s@provider-a.example")]
APPLICANT = [("三浦 航", "miura.w@provider-b.example")]


@pytest.fixture
def directory():
    return parse_contacts(CONTACTS)


@pytest.fixture
def history() -> History:
    h = History()
    for to in (*GUARANTOR, *OTHER_GUARANTOR, *AGENT, *INSURER, *OWNER, *APPLICANT):
        h.add(SENDER, [to[1]], "2026-01-01")
    return h


@pytest.fixture
def policy():
    return parse_policy('[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n')


def msg(to: list[tuple[str, str]], body: str, attachments: tuple[AttachmentInfo, ...] = ()) -> Message:
    recipients = tuple(Recipient(name, addr, "to") for name, addr in to)
    return Message(SENDER, recipients, "件名", body, attachments, "中村 三郎")


def held(verdict, code: str) -> bool:
    return any(r.code == code and r.severity == "hold" for r in verdict.reasons)


PERSONAL = (("PERSON", None, "堀 **"), ("DATE_OF_BIRTH", None, "****"), ("PHONE", None, "090-****-****"),
            ("ADDRESS", None, "東京都****"), ("DRIVERS_LICENSE", None, "****"))  # fmt: skip
PAPERS_TEXT = (
    "入居申込書\n申込者氏名：堀 早苗\n生年月日：1988年03月14日\n携帯電話：090-5512-7730\n"
    "保証会社：株式会社ひばり保証\n仲介業者：株式会社かもめ不動産\n"
    "運転免許証（写し）\n氏名：堀 早苗\n番号：第000000000000号\n"
    "給与所得の源泉徴収票\n氏名：堀 早苗（ホリ サナエ）\n支払者：株式会社みどり精工\n"
)


def papers(records: int = 6, text: str = PAPERS_TEXT) -> AttachmentInfo:
    return AttachmentInfo("審査書類_堀様.zip", text, PERSONAL, records)


# --- one person's papers naming the parties of the deal


def test_papers_to_the_guarantor_they_name_pass(policy, directory, history):
    body = "株式会社ひばり保証 御中\n岩田様\n\n保証審査をお願いいたします。申込者：堀 早苗様" + SIGNATURE
    v = judge(msg(GUARANTOR, body, (papers(),)), policy, directory, history)
    assert not held(v, "content_recipient_mismatch")  # the agent it also names is one of the deal's parties


def test_papers_to_a_guarantor_they_do_not_name_are_held(policy, directory, history):
    body = "つばめ信用株式会社 御中\n小西様\n\n保証審査をお願いいたします。" + SIGNATURE
    v = judge(msg(OTHER_GUARANTOR, body, (papers(),)), policy, directory, history)
    assert held(v, "content_recipient_mismatch")


def test_a_list_whose_name_lines_name_several_people_is_no_one_persons_papers(policy, directory, history):
    text = PAPERS_TEXT.replace("氏名：堀 早苗（ホリ サナエ）", "氏名：三浦 航")  # two people: a list, not papers
    body = "株式会社ひばり保証 御中\n岩田様\n\nご確認ください。" + SIGNATURE
    v = judge(msg(GUARANTOR, body, (papers(text=text),)), policy, directory, history)
    assert held(v, "content_recipient_mismatch")


def test_one_form_naming_two_parties_none_the_recipients_is_held(policy, directory, history):
    body = "つばめ信用株式会社 御中\n小西様\n\n保証審査をお願いいたします。" + SIGNATURE
    v = judge(msg(OTHER_GUARANTOR, body, (papers(records=1),)), policy, directory, history)
    assert held(v, "content_recipient_mismatch")  # 保証会社 and 仲介業者 are others: the form went astray


def test_one_certificate_naming_its_issuer_is_not_held(policy, directory, history):
    text = "診断書\n氏名 堀 早苗 様\n生年月日 1988年3月14日\n上記のとおり診断します。 医療法人 青葉会 青葉クリニック"
    body = "みかん損害保険株式会社\n永井様\n\n診断書の写しをお送りいたします。" + SIGNATURE
    a = AttachmentInfo("診断書_堀.pdf", text, PERSONAL[:2], 1)
    v = judge(msg(INSURER, body, (a,)), policy, directory, history)
    assert not held(v, "content_recipient_mismatch")  # one organisation: the clinic that wrote it


def test_an_item_value_form_is_one_record_not_a_table():
    rows = "項目,内容\n申込物件,コート岬台 101号室\n申込者氏名,堀 早苗\n現住所,〒100-0000 東京都千代田区一丁目1番1号\n"
    ex = extract(rows.encode(), "申込書.csv")
    assert ex.tables and ex.tables[0].key_value  # 項目 | 内容: each value's header is its row's label
    listing = extract("氏名,電話\n堀 早苗,090-5512-7730\n三浦 航,080-2231-4410\n".encode(), "名簿.csv")
    assert not listing.tables[0].key_value


# --- a list about what a private recipient's label says they own


def tenants(building: str, n: int = 12) -> AttachmentInfo:
    findings = (*(("PHONE", None, "090-****-****") for _ in range(n)), ("PERSON", None, "堀 **"))
    text = f"{building} 入居者一覧\n号室 契約者 携帯電話\n" + "".join(f"{building} {100 + i} ……\n" for i in range(n))
    return AttachmentInfo(f"入居者一覧_{building}.pdf", text, findings, n)


def test_owner_labels_say_what_they_own(directory):
    assert owned_things("個人（コート岬台・グラン若葉 オーナー）") == {"コート岬台", "グラン若葉"}
    assert owned_things("個人（入居希望者）") == set()
    mine = {"個人（ラ・セーヌ若葉 オーナー）"}
    assert about_own_thing(directory, mine, "入居者一覧_ラ・セーヌ若葉.pdf")
    assert not about_own_thing(directory, mine, "ラ・セーヌ若葉\nコート岬台")  # another owner's building too
    assert not about_own_thing(directory, {"個人（コート岬台・グラン若葉 オーナー）"}, "コート岬台弐番館")


def test_owner_receives_their_own_buildings_tenants(policy, directory, history):
    body = "ラ・セーヌ若葉 オーナー 杉本様\n\nご依頼の入居者一覧をお送りいたします。" + SIGNATURE
    v = judge(msg(OWNER, body, (tenants("ラ・セーヌ若葉"),)), policy, directory, history)
    assert not held(v, "bulk_pii")


def test_owner_receives_another_owners_buildings_tenants(policy, directory, history):
    body = "ラ・セーヌ若葉 オーナー 杉本様\n\nご依頼の入居者一覧をお送りいたします。" + SIGNATURE
    v = judge(msg(OWNER, body, (tenants("グラン若葉"),)), policy, directory, history)
    assert held(v, "bulk_pii")


# --- a result to the agent who introduced the applicant


def result(name: str) -> AttachmentInfo:
    text = f"入居審査結果のお知らせ\n{name} 様\n審査結果：承認\n保証会社：株式会社ひばり保証\n"
    return AttachmentInfo(f"審査結果通知_{name.replace(' ', '')}様.pdf", text, PERSONAL[:1], 1)


def test_result_to_the_agent_who_introduced_the_applicant(policy, directory, history):
    body = "株式会社かもめ不動産 松尾様\n\nご紹介いただいたお申込み（堀 早苗様）は承認となりました。" + SIGNATURE
    v = judge(msg(AGENT, body, (result("堀 早苗"),)), policy, directory, history)
    assert not held(v, "attachment_recipient_mismatch")


def test_result_to_an_agent_whose_mail_never_names_the_applicant_is_held(policy, directory, history):
    body = "株式会社かもめ不動産 松尾様\n\n審査結果をお送りいたします。" + SIGNATURE
    v = judge(msg(AGENT, body, (result("堀 早苗"),)), policy, directory, history)
    assert held(v, "attachment_recipient_mismatch")


# --- the place a private recipient's label ties them to

PLACES = """name,kana,email,organization
西田 学,ニシダ マナブ,nishida.m@provider-a.example,個人（コーポ白浜 203号室 入居者）
西田 楓,ニシダ カエデ,kaede.n@provider-b.example,個人（メゾン白浜 105号室 入居者）
大石 仁,オオイシ ジン,ooishi.j@provider-a.example,個人（コーポ白浜 オーナー）
片山 恵,カタヤマ メグミ,katayama.m@provider-b.example,個人（メゾン白浜 オーナー）
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社
"""
TENANT = [("西田 学", "nishida.m@provider-a.example")]
OTHER_TENANT = [("西田 楓", "kaede.n@provider-b.example")]
PLACE_OWNER = [("大石 仁", "ooishi.j@provider-a.example")]


@pytest.fixture
def places_directory():
    return parse_contacts(PLACES)


def test_opening_naming_another_tenants_unit_is_held(policy, places_directory, history):
    body = "コーポ白浜 203号室 西田様\n\n12月分の賃料のご入金が確認できておりません。" + SIGNATURE
    v = judge(msg(OTHER_TENANT, body), policy, places_directory, history)
    assert held(v, "content_recipient_mismatch")  # the 西田 of メゾン白浜 105 got the notice of コーポ白浜 203


def test_opening_naming_the_recipients_unit_or_building_passes(policy, places_directory, history):
    for opening in ("コーポ白浜 203号室 西田様", "コーポ白浜 西田様"):
        v = judge(msg(TENANT, opening + "\n\nご入金のお願いです。" + SIGNATURE), policy, places_directory, history)
        assert not held(v, "content_recipient_mismatch")  # the unit, or the building that holds it


def test_attachment_about_another_owners_building_is_held(policy, places_directory, history):
    a = AttachmentInfo("退去立会い報告_メゾン白浜105.pdf", "退去立会い報告書\n物件：メゾン白浜 105号室\n", (), 0)
    body = "大石 仁 様\n\n退去立会いの結果をご報告いたします。" + SIGNATURE
    v = judge(msg(PLACE_OWNER, body, (a,)), policy, places_directory, history)
    assert held(v, "attachment_recipient_mismatch")
    own = AttachmentInfo("退去立会い報告_コーポ白浜203.pdf", "退去立会い報告書\n物件：コーポ白浜 203号室\n", (), 0)
    v = judge(msg(PLACE_OWNER, body, (own,)), policy, places_directory, history)
    assert not held(v, "attachment_recipient_mismatch")  # a unit of the recipient's own building


# --- a reply to a private person's mail that keeps a company in Cc


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


AGENT_ROW = "松尾 剛,マツオ ツヨシ,t.matsuo@kamome-fudosan.example,株式会社かもめ不動産\n"


def reply(body: str, detector) -> Message:
    from dataclasses import replace

    from mamori.guard.engine import analyse_body

    recipients = (Recipient("大石 仁", "ooishi.j@provider-a.example", "to"), Recipient("松尾 剛", AGENT[0][1], "cc"))
    m = Message(SENDER, recipients, "Re: コーポ白浜の件", body, (), "中村 三郎")
    return replace(m, body_info=analyse_body(body, detector))


ARREARS = (
    "大石 仁 様\n（CC：株式会社かもめ不動産 松尾様）\n\n"
    "203号室の西田 学様ですが、賃料 2か月分が未入金です。"
    "ご本人の携帯（090-4417-2286）にも連絡を続けております。"
    + SIGNATURE
    + "\n> 空室の募集はかもめ不動産さんにも頼みました。\n"
)


def test_reply_giving_a_tenants_phone_to_a_company_kept_in_cc_is_held(policy, detector):
    directory = parse_contacts(PLACES + AGENT_ROW)
    h = History()
    h.add(SENDER, ["ooishi.j@provider-a.example"], "2026-01-01")
    v = judge(reply(ARREARS, detector), policy, directory, h)
    assert held(v, "content_recipient_mismatch")


def test_reply_to_an_agent_copied_before_or_without_personal_values_passes(policy, detector):
    directory = parse_contacts(PLACES + AGENT_ROW)
    h = History()
    h.add(SENDER, ["ooishi.j@provider-a.example", AGENT[0][1]], "2026-01-01")
    assert not held(judge(reply(ARREARS, detector), policy, directory, h), "content_recipient_mismatch")
    h = History()
    h.add(SENDER, ["ooishi.j@provider-a.example"], "2026-01-01")
    plain = ARREARS.replace("ご本人の携帯（090-4417-2286）にも連絡を続けております。", "")
    assert not held(judge(reply(plain, detector), policy, directory, h), "content_recipient_mismatch")


# --- personal data to a party no contact and no past mail knows


def first_time_severity(v) -> str | None:
    return next((r.severity for r in v.reasons if r.code == "first_time_recipient"), None)


def test_personal_data_to_an_unknown_domain_is_held(policy, directory, history):
    body = "株式会社うみねこ運送\n森様\n\n搬出の件、資料をお送りします。" + SIGNATURE
    v = judge(msg([("森 大地", "d.mori@umineko-unso.example")], body, (papers(records=1),)), policy, directory, history)
    assert first_time_severity(v) == "hold"


def test_first_mail_to_an_unknown_domain_without_personal_data_or_to_a_known_one_is_confirmed(
    policy, directory, history
):
    body = "株式会社うみねこ運送\n森様\n\nお見積りのお願いです。" + SIGNATURE
    v = judge(msg([("森 大地", "d.mori@umineko-unso.example")], body), policy, directory, history)
    assert first_time_severity(v) == "confirm"  # nothing personal: an ordinary first contact
    known = [("小西 葵", "a.konishi2@tsubame-shinyo.example")]  # a new address at a domain the address book knows
    body = "つばめ信用株式会社 御中\n\n資料です。" + SIGNATURE
    v = judge(msg(known, body, (papers(records=1),)), policy, directory, history)
    assert first_time_severity(v) == "confirm"


def test_a_persons_phone_in_the_text_to_an_unknown_domain_is_held(policy, directory, history, detector):
    from dataclasses import replace

    from mamori.guard.engine import analyse_body

    to = [("森 大地", "d.mori@umineko-unso.example")]
    text = "株式会社うみねこ運送\n森様\n\n堀 早苗様の搬出の件です。\n入居者様携帯：090-5512-7730\n" + SIGNATURE
    v = judge(replace(msg(to, text), body_info=analyse_body(text, detector)), policy, directory, history)
    assert first_time_severity(v) == "hold"
    text = "株式会社うみねこ運送\n森様\n\n搬出のお見積りをお願いいたします。\n" + SIGNATURE
    v = judge(replace(msg(to, text), body_info=analyse_body(text, detector)), policy, directory, history)
    assert first_time_severity(v) == "confirm"
