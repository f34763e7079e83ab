"""Personal data in the sender's own body text counts like an attachment's; quoted text and signatures do not."""

from __future__ import annotations

from dataclasses import replace
from email.message import EmailMessage

import pytest

from mamori.guard import AttachmentInfo, judge
from mamori.guard.engine import BODY_NAME, analyse_body, message_from_eml

from .conftest import SIGNATURE, msg


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


LIST = "".join(
    f"{s} {g} 090-1234-{5670 + i} 東京都架空区見本町{i + 1}-2-3\n"
    for i, (s, g) in enumerate([("山田", "太郎"), ("鈴木", "花子"), ("高橋", "一郎"), ("伊藤", "直樹")])
)


def test_list_in_own_text_is_counted(detector):
    info = analyse_body("株式会社アルファ\n佐藤様\n\n名簿です。\n" + LIST + SIGNATURE, detector)
    assert info.filename == BODY_NAME and info.records >= 3
    assert "PHONE" in info.types
    assert "090-1234-5670" not in "".join(m for _, _, m in info.findings)  # masked values only


def test_quoted_list_and_signature_are_not_counted(detector):
    quoted = "佐藤様\n\n承知しました。\n\n-----Original Message-----\n" + LIST
    assert analyse_body(quoted, detector).records == 0
    sig = "佐藤様\n\nよろしくお願いします。\n中村 三郎\nTEL 03-1234-5678\n東京都架空区見本町1-2-3\n"
    assert analyse_body(sig, detector).records < 3  # under a list of people


def test_body_list_to_external_asks_and_bulk_holds(policy, directory, history):
    m = msg([("佐藤 太郎", "t.sato@alpha.example")], "株式会社アルファ\n佐藤様\n\n名簿です。" + SIGNATURE)
    body = AttachmentInfo(BODY_NAME, "", (("PERSON", None, "山田 ■■"), ("PHONE", None, "090-****-5670")), 3)
    v = judge(replace(m, body_info=body), policy, directory, history)
    assert "pii_in_attachment" in {r.code for r in v.reasons} and v.action == "confirm"
    v = judge(replace(m, body_info=replace(body, records=60)), policy, directory, history)
    assert "bulk_pii" in {r.code for r in v.reasons} and v.action == "hold"
    sens = AttachmentInfo(BODY_NAME, "", (("SENSITIVE", "medical", "■■"),), 0)
    assert judge(replace(m, body_info=sens), policy, directory, history).action == "hold"


def test_body_pii_to_internal_is_allowed(policy, directory, history):
    m = msg([("中村 三郎", "s.nakamura@ours.example")], "社内です。")
    body = AttachmentInfo(BODY_NAME, "", (("SENSITIVE", "medical", "■■"),), 60)
    assert judge(replace(m, body_info=body), policy, directory, history).action == "allow"


def test_eml_body_is_analysed(detector):
    e = EmailMessage()
    e["From"] = "s.nakamura@ours.example"
    e["To"] = "t.sato@alpha.example"
    e["Subject"] = "名簿"
    e.set_content("佐藤様\n\n名簿です。\n" + LIST)
    m = message_from_eml(bytes(e), "m.eml", detector)
    assert m.body_info is not None and m.body_info.records >= 3
    assert m.scanned[-1] is m.body_info


def test_special_care_topic_without_a_person_is_not_sensitive(detector):
    topic = analyse_body("佐藤様\n\n健康診断結果の一覧をお送りします。\n", detector)
    assert "SENSITIVE" not in topic.types
