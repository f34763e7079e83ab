"""SENSITIVE (要配慮個人情報): each subtype in Japanese and English, and look-alikes that are not."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers.sensitive import RECOGNIZERS

SUBTYPES = ("medical", "disability", "criminal", "creed", "race", "social_status", "crime_victim")


@pytest.fixture(scope="module")
def sens() -> Detector:
    return Detector([cls() for cls in RECOGNIZERS])


def found(det: Detector, text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.subtype) for f in det.detect(text) if f.type == "SENSITIVE"]


@pytest.mark.parametrize(
    ("text", "term", "subtype"),
    [
        ("山田さんは糖尿病で治療中です。", "糖尿病", "medical"),
        ("既往歴：うつ病（2019年）", "うつ病", "medical"),
        ("月2回、心療内科に通院中。", "通院中", "medical"),
        ("現在も服薬を続けている", "服薬", "medical"),
        ("昨年、肺がんで入院した", "肺がん", "medical"),
        ("身体障害者手帳 2級を所持", "身体障害者手帳", "disability"),
        ("知的障害があるため配慮が必要", "知的障害", "disability"),
        ("応募者に前科があるか確認", "前科", "criminal"),
        ("犯罪歴の有無", "犯罪歴", "criminal"),
        ("昨年逮捕された", "逮捕", "criminal"),
        ("信仰している宗教", "信仰", "creed"),
        ("人種や民族による差別", "人種", "race"),
        ("出自を理由に", "出自", "race"),
        ("社会的身分による差別の禁止", "社会的身分", "social_status"),
        ("犯罪被害者として支援を受けた", "犯罪被害者", "crime_victim"),
        ("警察に被害届を出した", "被害届", "crime_victim"),
        ("The employee was diagnosed with diabetes last year.", "diagnosed with", "medical"),
        ("He has a criminal record.", "criminal record", "criminal"),
        ("Her religious beliefs are private.", "religious beliefs", "creed"),
        ("Do not record ethnic origin.", "ethnic origin", "race"),
        ("He tested HIV-positive.", "HIV-positive", "medical"),
        ("She was a victim of crime.", "victim of crime", "crime_victim"),
        ("Reasonable adjustments for a disability.", "disability", "disability"),
    ],
)
def test_subtypes(sens: Detector, text: str, term: str, subtype: str) -> None:
    assert (term, subtype) in found(sens, text)


def test_every_subtype_is_covered(sens: Detector) -> None:
    # one term of each subtype (the core's unit test checks that the data file covers every subtype)
    text = "糖尿病。障害者手帳。前科。信仰。人種。社会的身分。被害届。"
    assert {sub for _, sub in found(sens, text)} == set(SUBTYPES)


def test_longest_term_wins(sens: Detector) -> None:
    assert found(sens, "精神障害者保健福祉手帳を持っている") == [("精神障害者保健福祉手帳", "disability")]


@pytest.mark.parametrize(
    "text",
    [
        "宗教法人の登記簿を取得",
        "We bought hearing aids for the office.",
        "The Great Depression began in 1929.",
        "The trace was embraced.",
        "Our aids program",
        "請求書を送付しました。",
        "The network diagnostics tool",
    ],
)
def test_look_alikes(sens: Detector, text: str) -> None:
    assert found(sens, text) == []


def test_scores_separate_facts_from_topics(sens: Detector) -> None:
    by_text = {f.text: f.score for f in sens.detect("糖尿病で入院した", "ja")}
    assert by_text["糖尿病"] > by_text["入院"] >= 0.5


def test_long_line_is_fast(sens: Detector) -> None:
    text = "糖尿病のcancer患者" * 80_000
    t0 = time.process_time()
    out = sens.detect(text[:1_000_000])
    assert out and time.process_time() - t0 < 60


@given(st.text(alphabet="糖尿病前科宗教法人信仰 aidshearingcancerHIV-s\n\x00\ud800", max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(sens: Detector, text: str) -> None:
    for f in sens.detect(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.subtype in SUBTYPES
