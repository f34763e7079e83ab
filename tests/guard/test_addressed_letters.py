"""Special-care data sent to the party it is meant for is asked about (`confirm`), not held: one patient's letter
addressed to the recipients' organisation about the patient the mail names (a referral to the clinic it is written
to, a nursing summary to the care manager, a certificate to the insurer), and a company's own employees' checkup
list back to that company. The same data to a namesake doctor at another clinic, with an extra Cc, about another
patient than the mail's, a list addressed to the recipient but not of its people, or pasted in the body is held."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.engine import BODY_NAME

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

PARTIES = """森 直人,モリ ナオト,n.mori@aoba-naika.example,青葉内科クリニック
森 直人,モリ ナオト,n.mori@wakaba-naika.example,若葉内科医院
大野 千里,オオノ チサト,c.oono@suzuran-care.example,ケアプランすずらん
川村 聡,カワムラ サトシ,s.kawamura@tomoshibi-life.example,ともしび生命保険株式会社
石田 恵,イシダ メグミ,m.ishida@kaede-mfg.example,株式会社カエデ製作所
石田 恵,イシダ メグミ,m.ishida@momiji-mfg.example,株式会社モミジ製作所
吉村 隆,ヨシムラ タカシ,t.yoshimura@linkmedi.example,株式会社リンクメディ
"""
MORI = ("森 直人", "n.mori@aoba-naika.example")
MORI_WAKABA = ("森 直人", "n.mori@wakaba-naika.example")
OONO = ("大野 千里", "c.oono@suzuran-care.example")
KAWAMURA = ("川村 聡", "s.kawamura@tomoshibi-life.example")
ISHIDA = ("石田 恵", "m.ishida@kaede-mfg.example")
ISHIDA_MOMIJI = ("石田 恵", "m.ishida@momiji-mfg.example")
YOSHIMURA = ("吉村 隆", "t.yoshimura@linkmedi.example")
FOUND = (("PERSON", None, "松■ ■■"), ("SENSITIVE", "medical", "■■"))


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + PARTIES)


@pytest.fixture
def sent(history: History) -> History:
    parties = (MORI, MORI_WAKABA, OONO, KAWAMURA, ISHIDA, ISHIDA_MOMIJI, YOSHIMURA)
    history.add(SENDER, [p[1] for p in parties], "2026-03-01")
    return history


def severity(v) -> set[str]:
    return {r.severity for r in v.reasons if r.code == "sensitive_pii"}


def held(v) -> set[str]:
    return {r.code for r in v.reasons if r.severity in ("hold", "block")}


def referral(clinic: str = "青葉内科クリニック", patient: str = "松下 里美") -> AttachmentInfo:
    text = (
        f"診療情報提供書\n{clinic}\n森 直人 先生 御侍史\n紹介元: 株式会社自社 内科\n"
        f"患者氏名: {patient} 様\n傷病名: 2型糖尿病\n"
    )
    return AttachmentInfo(f"紹介状_{patient.replace(' ', '')}様.pdf", text, FOUND, 3)


def body(opening: str, patient: str = "松下 里美") -> str:
    return f"{opening}\n\n{patient}様の書類を添付いたします。ご確認ください。" + SIGNATURE


def test_a_referral_to_the_clinic_it_is_addressed_to_is_confirmed(policy, book, sent):
    v = judge(msg([MORI], body("青葉内科クリニック 森先生"), (referral(),)), policy, book, sent)
    assert severity(v) == {"confirm"} and not held(v)
    assert "addressed to the recipients' organisation" in next(r.detail for r in v.reasons if r.code == "sensitive_pii")


def test_the_namesake_doctor_at_another_clinic_is_held(policy, book, sent):
    v = judge(msg([MORI_WAKABA], body("若葉内科医院 森先生"), (referral(),)), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_an_extra_cc_beside_the_addressee_is_held(policy, book, sent):
    v = judge(msg([MORI], body("青葉内科クリニック 森先生"), (referral(),), cc=[OONO]), policy, book, sent)
    assert "sensitive_pii" in held(v)
    v = judge(msg([MORI], body("青葉内科クリニック 森先生"), (referral(),), bcc=[KAWAMURA]), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_another_patients_letter_is_held(policy, book, sent):
    # the mail speaks of 村井 達郎; the letter attached is 松下 里美's (the wrong patient's file)
    v = judge(msg([MORI], body("青葉内科クリニック 森先生", "村井 達郎"), (referral(),)), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_nursing_summary_to_the_care_manager_it_names_is_confirmed(policy, book, sent):
    text = "看護サマリー\nケアプランすずらん 大野 千里 様\n患者氏名: 松下 里美 様\n既往歴: 心不全\n"
    doc = AttachmentInfo("看護サマリー_松下里美.docx", text, FOUND, 3)
    v = judge(msg([OONO], body("ケアプランすずらん\n大野 千里 様"), (doc,)), policy, book, sent)
    assert severity(v) == {"confirm"}
    # the same summary to the clinic: addressed to the care manager's office, not the recipient's
    v = judge(msg([MORI], body("青葉内科クリニック 森先生"), (doc,)), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_an_insurers_certificate_with_a_long_name_label_is_confirmed(policy, book, sent):
    text = (
        "入院証明書（診断書）\nともしび生命保険株式会社 御中\n"
        "被保険者（患者）氏名: 松下 里美（マツシタ サトミ）\n病名: 虫垂炎\n"
    )
    doc = AttachmentInfo("入院証明書.pdf", text, FOUND, 2)
    cover = body("ともしび生命保険株式会社\n保険金課\n川村 聡 様")
    # the cover note also states the diagnosis: the note of the letter, about the same person
    note = AttachmentInfo(BODY_NAME, cover, FOUND, 1)
    v = judge(replace(msg([KAWAMURA], cover, (doc,)), body_info=note), policy, book, sent)
    assert severity(v) == {"confirm"} and not held(v)


def checkup_list(company: str, filename: str) -> AttachmentInfo:
    rows = "".join(f"E{1000 + i}\n社員{i}\n高血圧 要精密検査\n" for i in range(20))
    text = f"{company} 御中\n2026年度 定期健康診断 結果一覧\n{rows}"
    return AttachmentInfo(filename, text, FOUND, 20)


def test_a_companys_own_checkup_list_back_to_it_is_confirmed(policy, book, sent):
    doc = checkup_list("株式会社カエデ製作所", "健診結果_カエデ製作所.csv")
    v = judge(msg([ISHIDA], body("株式会社カエデ製作所 人事部 石田様"), (doc,)), policy, book, sent)
    assert severity(v) == {"confirm"}
    # the one-character-apart company's namesake personnel officer
    v = judge(msg([ISHIDA_MOMIJI], body("株式会社モミジ製作所 人事部 石田様"), (doc,)), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_list_only_addressed_to_the_recipient_is_held(policy, book, sent):
    # the hospital's trial subjects to the study's agent: addressed 御中, but not the agent's people
    rows = "".join(f"S-{i:03}\n被験者{i}\n慢性腎臓病\n" for i in range(12))
    doc = AttachmentInfo("被験者来院予定表.xlsx", f"株式会社リンクメディ 御中\n被験者来院予定\n{rows}", FOUND, 12)
    v = judge(msg([YOSHIMURA], body("株式会社リンクメディ 吉村様"), (doc,)), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_list_pasted_in_the_body_is_held_however_addressed(policy, book, sent):
    text = "株式会社カエデ製作所 人事部\n石田 恵 様\n\n" + "".join(f"社員{i} 高血圧 要精密検査\n" for i in range(15))
    note = AttachmentInfo(BODY_NAME, text, FOUND, 0)
    v = judge(replace(msg([ISHIDA], text + SIGNATURE), body_info=note), policy, book, sent)
    assert "sensitive_pii" in held(v)


def test_a_patients_household_label_with_a_space_before_the_honorific():
    from mamori.guard.document_owner import label_people

    row = "松下 浩,マツシタ ヒロシ,hiroshi.m@inbox-one.test,個人（患者 松下 里美 様）\n"
    households = parse_contacts(CONTACTS + row)
    assert label_people(households).get("松下里美") == {"個人（患者 松下 里美 様）"}


def test_a_patient_named_by_id_and_surname_in_the_mail(policy, book, sent):
    doc = replace(referral(), text=referral().text + "患者ID: 80412337\n")
    opening = "青葉内科クリニック 森先生\n\n患者ID 80412337（松下様）の診療情報提供書を添付いたします。"
    v = judge(msg([MORI], opening + SIGNATURE, (doc,)), policy, book, sent)
    assert severity(v) == {"confirm"}
    # another patient's number beside the same surname: not this letter's person
    opening = "青葉内科クリニック 森先生\n\n患者ID 80419921（松下様）の診療情報提供書を添付いたします。"
    assert "sensitive_pii" in held(judge(msg([MORI], opening + SIGNATURE, (doc,)), policy, book, sent))
    # the number without the surname: held
    opening = "青葉内科クリニック 森先生\n\n患者ID 80412337 の診療情報提供書を添付いたします。"
    assert "sensitive_pii" in held(judge(msg([MORI], opening + SIGNATURE, (doc,)), policy, book, sent))
