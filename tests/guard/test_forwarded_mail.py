"""Forwarded mail: a private person's own words about their health forwarded to someone else is special-care data
given to a third party; a company's mail forwarded to another company is its correspondence handed over."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import judge
from mamori.guard.checks import quoted_writers
from mamori.guard.directory import parse_contacts
from mamori.guard.engine import analyse_body

from .conftest import CONTACTS, SIGNATURE, msg

PERSON = (  # private persons, each at their own provider, filed under one label
    "小川 誠,オガワ マコト,makoto.ogawa@post-two.test,個人\n"
    "石井 彩,イシイ アヤ,aya.ishii@mail-one.test,個人\n"
    "長田 守,オサダ マモル,mamoru.osada@box-three.test,個人\n"
)


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


@pytest.fixture
def book():
    return parse_contacts(CONTACTS + PERSON)


def codes(verdict, severity: str | None = None) -> set[str]:
    return {r.code for r in verdict.reasons if severity is None or r.severity == severity}


OWN_WORDS = (
    "\n\n-------- 転送メッセージ --------\n差出人: 小川 誠 <makoto.ogawa@post-two.test>\n件名: 欠勤について\n\n"
    "小川です。先週からうつ病で通院しています。しばらく休ませてください。\n連絡先は 090-3141-5926 です。\n"
)


def with_body(m, body, detector):
    return replace(m, body=body, body_info=analyse_body(body, detector))


def test_writers_of_quoted_mail():
    body = "佐藤様\n\n転送します。" + OWN_WORDS + "\n> On 2026/10/01 a.b@c.example wrote:\n"
    assert quoted_writers(body) == ["makoto.ogawa@post-two.test", "a.b@c.example"]
    assert quoted_writers("佐藤様\n\nFrom: me とだけ書いた本文です") == []  # the own text is not a quote


def test_persons_health_forwarded_to_a_company_is_held(book, history, policy, detector):
    body = "株式会社アルファ\n佐藤 太郎 様\n\n小川さんから連絡がありましたので転送します。" + SIGNATURE + OWN_WORDS
    m = with_body(msg(to=[("佐藤 太郎", "t.sato@alpha.example")]), body, detector)
    v = judge(m, policy, book, history)
    assert "sensitive_pii" in codes(v, "hold")
    assert "090" not in " ".join(r.detail for r in v.reasons)


def test_reply_to_the_person_quoting_their_words_is_not(book, history, policy, detector):
    body = "小川 誠 様\n\nご連絡ありがとうございます。お大事になさってください。" + SIGNATURE + OWN_WORDS
    m = with_body(msg(to=[("小川 誠", "makoto.ogawa@post-two.test")]), body, detector)
    assert "sensitive_pii" not in codes(judge(m, policy, book, history))


def test_a_company_mail_about_a_checkup_schedule_is_not(book, history, policy, detector):
    quoted = (
        "\n\n-------- 転送メッセージ --------\n差出人: 山田 次郎 <j.yamada@gamma.example>\n\n"
        "健康診断の日程は11月5日です。\n株式会社ガンマ 総務部 03-5555-0101\n"
    )
    body = "株式会社ガンマ\n山田 次郎 様\n\n承知しました。" + SIGNATURE + quoted
    m = with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector)
    assert "sensitive_pii" not in codes(judge(m, policy, book, history))


COMPANY_MAIL = (
    "\n\n---------- Forwarded message ---------\nFrom: 田中 一郎 <i.tanaka@beta.example>\n件名: 来期のお取引条件\n\n"
    "ベータ商事の田中です。来期の単価は据え置きでお願いできますでしょうか。\n"
)


def test_a_company_mail_forwarded_to_another_company_is_held(book, history, policy, detector):
    body = "株式会社ガンマ\n山田 次郎 様\n\nご参考までに転送します。" + SIGNATURE + COMPANY_MAIL
    m = with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector)
    assert "content_recipient_mismatch" in codes(judge(m, policy, book, history), "hold")


def test_forward_to_the_writers_colleague_is_not(book, history, policy, detector):
    body = "ベータ商事株式会社\n佐藤 太郎 様\n\n田中様からのメールを転送します。" + SIGNATURE + COMPANY_MAIL
    m = with_body(msg(to=[("佐藤 太郎", "t.sato@beta.example")]), body, detector)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, book, history))


def test_forward_that_concerns_the_recipient_is_not(book, history, policy, detector):
    quoted = COMPANY_MAIL + "なお、配送は株式会社ガンマさんにお願いする予定です。\n"
    body = "株式会社ガンマ\n山田 次郎 様\n\n配送の件、転送します。" + SIGNATURE + quoted
    m = with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, book, history))


def test_forward_to_a_partner_usually_copied_with_that_company_is_not(book, history, policy, detector):
    history.add("s.nakamura@ours.example", ["j.yamada@gamma.example", "i.tanaka@beta.example"], "2026-02-01")
    body = "株式会社ガンマ\n山田 次郎 様\n\nご参考までに転送します。" + SIGNATURE + COMPANY_MAIL
    m = with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, book, history))


def test_outlook_forward_named_by_its_subject_is_held(book, history, policy, detector):
    quoted = "\n\n________________________________\n差出人: 田中 一郎 <i.tanaka@beta.example>\n"
    quoted += "件名: 来期の単価\n\n単価の件です。\n"
    body = "株式会社ガンマ\n山田 次郎 様\n\nご参考まで。" + SIGNATURE + quoted
    m = replace(with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector), subject="FW: 来期の単価")
    assert "content_recipient_mismatch" in codes(judge(m, policy, book, history), "hold")
    reply = replace(m, subject="RE: 来期の単価")  # a reply quoting it: not a forward
    assert "content_recipient_mismatch" not in codes(judge(reply, policy, book, history))


def test_forward_to_someone_who_was_on_the_mail_is_not(book, history, policy, detector):
    quoted = COMPANY_MAIL.replace("件名:", "Cc: j.yamada@gamma.example\n件名:")
    body = "株式会社ガンマ\n山田 次郎 様\n\n再送します。" + SIGNATURE + quoted
    m = with_body(msg(to=[("山田 次郎", "j.yamada@gamma.example")]), body, detector)
    assert "content_recipient_mismatch" not in codes(judge(m, policy, book, history))
