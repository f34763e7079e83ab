"""Lists of people and whose they are: a table pasted in the body or a forwarded mail is read cell by cell (after
its header); a list naming an organisation none of the recipients belongs to is held; a file of an organisation's
own people returned to it, and to nobody else, is not held as bulk."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, judge
from mamori.guard.engine import analyse_body, detect_lines, table_rows

from .conftest import SIGNATURE, msg


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


PEOPLE = [("森", "健一", "1971-04-03"), ("谷口", "美穂", "1985-12-20"), ("大野", "誠", "1990-07-14"),
          ("内田", "由紀", "1979-02-28"), ("横山", "大輔", "1966-09-09")]  # fmt: skip
SATO_A = [("佐藤 太郎", "t.sato@alpha.example")]
YAMADA_G = [("山田 次郎", "j.yamada@gamma.example")]


def rows(sep: str, header: bool = True) -> str:
    head = sep.join(["氏名", "生年月日", "電話番号"]) + "\n" if header else ""
    return head + "".join(
        sep.join([f"{s} {g}", dob, f"090-4411-{2200 + i}"]) + "\n" for i, (s, g, dob) in enumerate(PEOPLE)
    )


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


@pytest.mark.parametrize("sep", ["\t", ",", "\u3000", "｜"])
def test_pasted_table_is_read_cell_by_cell_after_its_header(sep, detector):
    lines = rows(sep).splitlines()
    found = detect_lines(lines, detector)
    assert {f.type for f in found[1]} >= {"PERSON", "DATE_OF_BIRTH", "PHONE"}  # the date is a birth date: header
    assert table_rows(lines) == list(range(len(lines)))


def test_prose_is_not_a_table(detector):
    lines = ["いつもお世話になっております。", "資料、見積書、請求書をお送りします。", "ご確認ください。"]
    assert table_rows(lines) == []  # one line with commas is no run of rows
    assert all(not f for f in detect_lines(lines, detector))


def test_forwarded_table_of_a_few_people_counts(detector):
    body = (
        "山田様\n\n参考までに転送します。" + SIGNATURE + "\n-------- 転送メッセージ --------\n差出人: 佐藤 太郎 "
        "<t.sato@alpha.example>\n\n以下が対象者です。\n" + rows("\u3000", header=False) + "\n株式会社アルファ 佐藤\n"
    )
    info = analyse_body(body, detector)
    assert info.records >= len(PEOPLE)  # five rows of a table, under the 20 lines a thread's signatures may make


def test_list_naming_an_organisation_no_recipient_belongs_to(detector, policy, directory, history):
    body = "株式会社ガンマ\n山田様\n\n取り込めないデータです（アルファ様分）。\n" + rows(",") + SIGNATURE
    m = msg(YAMADA_G, body)
    from dataclasses import replace

    m = replace(m, body_info=analyse_body(body, detector))
    v = judge(m, policy, directory, history)
    held = [r for r in v.reasons if r.code == "content_recipient_mismatch" and r.severity == "hold"]
    assert held and "株式会社アルファ" in held[0].detail_ja


def test_list_of_the_recipients_own_people_is_not_a_mismatch(detector, policy, directory, history):
    body = "株式会社ガンマ\n山田様\n\n取り込めないデータです（ガンマ様分）。\n" + rows(",") + SIGNATURE
    from dataclasses import replace

    m = replace(msg(YAMADA_G, body), body_info=analyse_body(body, detector))
    v = judge(m, policy, directory, history)
    assert "content_recipient_mismatch" not in codes(v)


def payroll(org: str, n: int = 60) -> AttachmentInfo:
    findings = (*(("PHONE", None, "090-****-****") for _ in range(n)), ("PERSON", None, "山*"))
    return AttachmentInfo(f"給与支給一覧_{org}_11月.xlsx", f"{org} 11月支給分\n氏名 支給額", findings, n)


BODY_A = "株式会社アルファ\n佐藤様\n\n11月分の支給一覧をお返しします。" + SIGNATURE


def test_own_people_returned_to_their_organisation(policy, directory, history):
    v = judge(msg(SATO_A, BODY_A, (payroll("アルファ"),)), policy, directory, history)
    bulk = [r for r in v.reasons if r.code == "bulk_pii"]
    assert bulk and bulk[0].severity == "confirm" and "お返し" in bulk[0].detail_ja
    assert v.action == "confirm"


def test_own_people_with_someone_else_copied_stay_held(policy, directory, history):
    v = judge(msg(SATO_A, BODY_A, (payroll("アルファ"),), cc=YAMADA_G), policy, directory, history)
    assert "bulk_pii" in codes(v, "hold")


def test_a_list_naming_no_organisation_stays_held(policy, directory, history):
    anonymous = AttachmentInfo("支給一覧.xlsx", "11月支給分", payroll("アルファ").findings, 60)
    v = judge(msg(SATO_A, BODY_A, (anonymous,)), policy, directory, history)
    assert "bulk_pii" in codes(v, "hold")


def test_another_organisations_list_stays_held(policy, directory, history):
    v = judge(msg(SATO_A, BODY_A, (payroll("ガンマ"),)), policy, directory, history)
    assert "bulk_pii" in codes(v, "hold") and "content_recipient_mismatch" in codes(v, "hold")


def test_own_people_to_a_free_mail_address_stay_held(policy, directory, history):
    from dataclasses import replace

    p = replace(policy, free_mail_domains=("freemail.example",))
    v = judge(msg([("佐藤 太郎", "taro@freemail.example")], BODY_A, (payroll("アルファ"),)), p, directory, history)
    assert "bulk_pii" in codes(v, "hold")


def test_the_policy_action_for_personal_data_still_applies(policy, directory, history):
    from dataclasses import replace

    strict = replace(policy, actions={**policy.actions, "pii_in_attachment": "hold"})
    v = judge(msg(SATO_A, BODY_A, (payroll("アルファ"),)), strict, directory, history)
    assert "bulk_pii" in codes(v, "hold")


def test_own_text_list_is_not_owned_by_a_company_the_quote_names(detector, policy, directory, history):
    # the list is the recipient's own people; the quoted earlier mail speaks of ベータ商事 (a supplier)
    body = (
        "株式会社ガンマ\n山田様\n\n名簿を整えました。\n" + rows(",") + SIGNATURE
        + "\n> 山田です。ベータ商事様の納品は来週です。\n> 名簿の件もお願いします。\n"
    )
    from dataclasses import replace

    info = analyse_body(body, detector)
    assert info.quoted == 0
    v = judge(replace(msg(YAMADA_G, body), body_info=info), policy, directory, history)
    assert "content_recipient_mismatch" not in codes(v)
