"""Mail of an agency between its customers and their insurers: a Cc recipient the text names in short (「大洋海上の
坂本様にもCCで」), "Dear Mr./Ms. Ito", a school's own roster returned (学校法人), a list of people pasted into the mail
text, and two private customers of the same full name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import AttachmentInfo, History, judge
from mamori.guard.directory import org_stem, parse_contacts
from mamori.guard.engine import BODY_NAME, analyse_body
from mamori.guard.salutation import parse

from .conftest import CONTACTS, SENDER, SIGNATURE, msg

WORLD = """坂口 亮,サカグチ リョウ,r.sakaguchi@umineko-kaijo.example,うみねこ海上火災保険株式会社
河野 渚,コウノ ナギサ,kouno@umineko-kaijo.example,うみねこ海上火災保険株式会社
坂口 智,サカグチ サトシ,sakaguchi@kaede-shoji.example,楓商事株式会社
伊東 結菜,イトウ ユイナ,ito.yuina@hoshizora-gakuen.example,学校法人星空学園
石井 隼人,イシイ ハヤト,hayato.ishii@inbox-one.test,
石井 隼人,イシイ ハヤト,h-ishii77@inbox-two.test,
石井 恵子,イシイ ケイコ,keiko.ishii@inbox-two.test,
"""


@pytest.fixture
def world():
    return parse_contacts(CONTACTS + WORLD)


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


ALPHA = [("佐藤 太郎", "t.sato@alpha.example")]
ADJUSTER = [("坂口 亮", "r.sakaguchi@umineko-kaijo.example")]


def claim(text: str) -> str:
    opening = "株式会社アルファ\n佐藤様\n\nいつもお世話になっております。\n"
    return f"{opening}{text}\n\nよろしくお願いいたします。" + SIGNATURE


# --- a Cc recipient the text names with their organisation in short ------------------------------------------


def test_insurer_named_in_short_with_the_person_is_meant(world, history, policy):
    body = claim("アルファ様の倉庫火災の件、うみねこ海上の坂口様にもCCで共有いたします。")
    v = judge(msg(to=ALPHA, cc=ADJUSTER, body=body), policy, world, history)
    assert not codes(v, "hold"), v.reasons


def test_in_order_abbreviation_counts(world, history, policy):
    body = claim("本件はうみね海火の坂口様に引き継ぎます。")  # characters of the name, in its order
    v = judge(msg(to=ALPHA, cc=ADJUSTER, body=body), policy, world, history)
    assert "content_recipient_mismatch" not in codes(v)


def test_surname_alone_does_not_name_the_cc_company(world, history, policy):
    # 坂口様 of another company spoken of; the Cc 坂口 is at the insurer the text never names
    body = claim("楓商事の坂口様からのご紹介の件です。")
    v = judge(msg(to=ALPHA, cc=ADJUSTER, body=body), policy, world, history)
    assert "content_recipient_mismatch" in codes(v, "hold") or "similar_recipient" in codes(v, "hold")


def test_short_name_of_another_company_does_not_count(world, history, policy):
    body = claim("うみねこ物流の坂口様にもCCで共有いたします。")  # 物流 is not in the insurer's name
    v = judge(msg(to=ALPHA, cc=ADJUSTER, body=body), policy, world, history)
    assert "content_recipient_mismatch" in codes(v, "hold")


def test_short_name_needs_the_recipients_surname(world, history, policy):
    body = claim("うみねこ海上の河野様にもお伝えします。")  # the text names 河野; the Cc is 坂口
    v = judge(msg(to=ALPHA, cc=ADJUSTER, body=body), policy, world, history)
    assert "content_recipient_mismatch" in codes(v, "hold")


# --- English openings with joined titles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening", ["Dear Mr./Ms. Sato,", "Dear Mr or Ms Sato,", "Dear Ms/Mr. Sato,", "Dear Mx. Sato,"]
)
def test_joined_titles_are_titles(opening):
    assert parse(f"{opening}\n\nPlease find the quotation attached.\n").names == ("Sato",)


def test_dear_mr_ms_to_the_right_person_passes(world, history, policy):
    body = "Dear Mr./Ms. Sato,\n\nPlease find attached the renewal quotation.\n\nBest regards,\nSaburo Nakamura"
    assert "content_recipient_mismatch" not in codes(judge(msg(to=ALPHA, body=body), policy, world, history))


def test_dear_mr_ms_to_another_person_is_held(world, history, policy):
    body = "Dear Mr./Ms. Yamada,\n\nPlease find attached the renewal quotation.\n\nBest regards,\nSaburo Nakamura"
    assert "content_recipient_mismatch" in codes(judge(msg(to=ALPHA, body=body), policy, world, history), "hold")


# --- corporate forms: 学校法人 and the like ----------------------------------------------------------------------


def test_corporate_forms_of_law_are_left_out_of_the_stem():
    assert org_stem("学校法人星空学園") == "星空学園"
    assert org_stem("社会医療法人青空会") == "青空会"
    assert org_stem("医療法人社団みどり会") == "みどり会"
    assert org_stem("特定非営利活動法人ひだまり") == "ひだまり"


def roster(filename: str, n: int = 60) -> AttachmentInfo:
    findings = (*(("PERSON", None, "山田 ■■") for _ in range(n)), ("DATE_OF_BIRTH", None, "****/**/**"))
    return AttachmentInfo(filename, "加入者名簿\n", findings, n)


def test_a_schools_own_roster_returned_is_not_held(world, history, policy):
    body = "学校法人星空学園\n伊東様\n\n星空学園様の加入者名簿です。ご確認ください。" + SIGNATURE
    to = [("伊東 結菜", "ito.yuina@hoshizora-gakuen.example")]
    m = msg(to=to, body=body, attachments=(roster("星空学園_加入者名簿.xlsx"),))
    v = judge(m, policy, world, history)
    assert "bulk_pii" in codes(v) and "bulk_pii" not in codes(v, "hold")


def test_a_schools_roster_to_another_company_is_held(world, history, policy):
    body = "株式会社アルファ\n佐藤様\n\n名簿をお送りします。" + SIGNATURE
    m = msg(to=ALPHA, body=body, attachments=(roster("星空学園_加入者名簿.xlsx"),))
    assert "bulk_pii" in codes(judge(m, policy, world, history), "hold")


# --- a list of people in the mail text ---------------------------------------------------------------------------

PEOPLE = [("青山", "健"), ("井口", "舞"), ("上野", "誠"), ("江口", "茜"), ("大石", "翔"), ("加納", "凛"),
          ("菊池", "亘"), ("工藤", "蘭"), ("小山", "悟"), ("坂本", "瞳"), ("柴田", "聡"), ("須田", "葵")]  # fmt: skip


def pasted(n: int, columns: str = "生年月日") -> str:
    head = f"氏名\t{columns}\t電話\n"
    rows = "".join(
        f"{s} {g}\t19{60 + i}/0{1 + i % 9}/1{i % 9}\t090-2222-{3300 + i}\n" for i, (s, g) in enumerate(PEOPLE[:n])
    )
    return claim("ご参考までに、弊社のお客様の一覧を貼り付けます。\n\n" + head + rows)


def test_ten_people_with_birth_dates_in_the_text_are_held(world, history, policy, detector):
    info = analyse_body(pasted(10), detector)
    assert info.identifying >= 10
    m = replace(msg(to=ALPHA, body=pasted(10)), body_info=info)
    v = judge(m, policy, world, history)
    assert "bulk_pii" in codes(v, "hold")
    assert any(BODY_NAME in r.evidence for r in v.reasons if r.code == "bulk_pii")


def test_a_few_people_in_the_text_are_not_held(world, history, policy, detector):
    info = analyse_body(pasted(4), detector)
    assert 3 <= info.identifying < 10
    v = judge(replace(msg(to=ALPHA, body=pasted(4)), body_info=info), policy, world, history)
    assert "bulk_pii" not in codes(v) and v.action == "confirm"


def test_a_phone_list_in_the_text_is_not_held(world, history, policy, detector):
    rows = "".join(f"{s} {g}\t090-2222-{3300 + i}\n" for i, (s, g) in enumerate(PEOPLE))
    text = claim("当日の連絡先です。\n\n氏名\t電話\n" + rows)
    info = analyse_body(text, detector)
    assert info.identifying == 0 and info.records >= 10
    assert "bulk_pii" not in codes(judge(replace(msg(to=ALPHA, body=text), body_info=info), policy, world, history))


def test_a_list_in_the_text_of_internal_mail_is_not_held(world, history, policy, detector):
    info = analyse_body(pasted(12), detector)
    m = replace(msg(to=[("中村 三郎", SENDER)], body=pasted(12)), body_info=info)
    assert judge(m, policy, world, history).action == "allow"


# --- two private customers of the same full name -----------------------------------------------------------------


def record(name: str) -> AttachmentInfo:
    findings = (("PERSON", None, name[:2] + " ■■"), ("DATE_OF_BIRTH", None, "****/**/**"), ("ADDRESS", None, "■■"))
    return AttachmentInfo("ご契約内容.pdf", f"ご契約内容確認書\n{name} 様\n生年月日 1970/01/01", findings, 1)


def test_a_record_to_one_of_two_namesakes_never_written_to_is_held(world, history, policy):
    history.add("other@ours.example", ["keiko.ishii@inbox-two.test"], "2026-01-01")  # a provider the firm knows
    m = msg(to=[("石井 隼人", "h-ishii77@inbox-two.test")], body="石井様\n\nご契約内容をお送りします。" + SIGNATURE,
            attachments=(record("石井 隼人"),))  # fmt: skip
    assert "similar_recipient" in codes(judge(m, policy, world, history), "hold")


def test_the_namesake_already_written_to_passes(world, policy):
    h = History()
    h.add(SENDER, ["h-ishii77@inbox-two.test"], "2026-01-01")
    m = msg(to=[("石井 隼人", "h-ishii77@inbox-two.test")], body="石井様\n\nご契約内容をお送りします。" + SIGNATURE,
            attachments=(record("石井 隼人"),))  # fmt: skip
    assert "similar_recipient" not in codes(judge(m, policy, world, h))


def test_no_namesake_no_hold(world, history, policy):
    m = msg(to=[("石井 恵子", "keiko.ishii@inbox-two.test")], body="石井様\n\nご契約内容をお送りします。" + SIGNATURE,
            attachments=(record("石井 恵子"),))  # fmt: skip
    assert "similar_recipient" not in codes(judge(m, policy, world, history))


def test_a_namesake_without_personal_data_is_not_held(world, history, policy):
    m = msg(to=[("石井 隼人", "h-ishii77@inbox-two.test")], body="石井様\n\n説明会のご案内です。" + SIGNATURE)
    assert "similar_recipient" not in codes(judge(m, policy, world, history))
