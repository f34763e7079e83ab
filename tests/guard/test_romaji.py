"""English salutations against kanji names: the kana reading in romaji ("Dear Mr Sato" and 佐藤 さとう)."""

from __future__ import annotations

import pytest

from mamori.guard import judge
from mamori.guard.romaji import is_kana, kana_to_romaji, romaji_key
from mamori.guard.salutation import parse

from .conftest import SIGNATURE, msg


@pytest.mark.parametrize(
    ("kana", "hepburn"),
    [
        ("さとう", "satou"),
        ("サトウ タロウ", "satou tarou"),
        ("キョウコ", "kyouko"),
        ("ハットリ", "hattori"),
        ("マッチャ", "matcha"),
        ("ジュンイチ", "junichi"),
        ("チヅル", "chizuru"),
        ("コーヘイ", "koohei"),
        ("シェリー", "sherii"),
        ("ｻﾄｳ", "satou"),  # half-width katakana
    ],
)
def test_kana_to_hepburn(kana, hepburn):
    assert kana_to_romaji(kana) == hepburn


def test_spellings_meet_on_one_key():
    assert {romaji_key(s) for s in ("Sato", "SATOH", "Satō", "Satou", "さとう", "サトウ")} == {"sato"}
    assert romaji_key("Ohno") == romaji_key("オオノ") == romaji_key("Ono")
    assert romaji_key("Namba") == romaji_key("なんば")
    assert romaji_key("Shinichi") == romaji_key("Siniti") == romaji_key("しんいち")
    assert romaji_key("Saito") != romaji_key("Sato") and romaji_key("Ito") != romaji_key("Sato")
    assert is_kana("サトウ タロウ") and not is_kana("佐藤") and not is_kana("Sato")


def _codes(body, to, policy, directory, history):
    return {r.code for r in judge(msg(to, body + SIGNATURE), policy, directory, history).reasons}


def test_dear_mr_sato_matches_sato_by_kana(policy, directory, history):
    body = "Dear Mr Sato,\n\nPlease find the file attached."
    assert "content_recipient_mismatch" not in _codes(
        body, [("佐藤 太郎", "t.sato@alpha.example")], policy, directory, history
    )
    assert "content_recipient_mismatch" not in _codes(
        body.replace("Mr Sato", "Mr. Satoh"), [("", "t.sato@alpha.example")], policy, directory, history
    )
    assert "content_recipient_mismatch" not in _codes(
        "Dear Sato-san,\n\nThanks.", [("", "t.sato@alpha.example")], policy, directory, history
    )


def test_dear_mr_sato_to_suzuki_is_a_mismatch(policy, directory, history):
    body = "Dear Mr Sato,\n\nPlease find the quotation attached."
    assert "content_recipient_mismatch" in _codes(
        body, [("鈴木 花子", "h.suzuki@alpha.example")], policy, directory, history
    )
    assert "content_recipient_mismatch" not in _codes(
        "Dear Ms Suzuki,\n\nThanks.", [("鈴木 花子", "h.suzuki@alpha.example")], policy, directory, history
    )


def test_name_without_reading_is_not_guessed(policy, directory, history):
    # 山本 is not in the directory and has no kana: 'Dear Mr Sato' cannot be compared with it
    body = "Dear Mr Sato,\n\nHello."
    assert "content_recipient_mismatch" not in _codes(
        body, [("山本 健", "k.yamamoto@alpha.example")], policy, directory, history
    )


@pytest.mark.parametrize(
    "opening", ["Dear Sirs,", "Dear Sir or Madam,", "Hello all,", "To whom it may concern:", "Dear Valued Customer,"]
)
def test_generic_english_salutations_name_nobody(opening, policy, directory, history):
    assert parse(f"{opening}\n\nHello.").generic and not parse(f"{opening}\n\nHello.").names
    assert "content_recipient_mismatch" not in _codes(
        f"{opening}\n\nHello.", [("鈴木 花子", "h.suzuki@alpha.example")], policy, directory, history
    )


def test_generic_salutation_still_names_the_company(policy, directory, history):
    body = "ベータ商事株式会社\nご担当者様\n\nお見積書をお送りします。"
    assert "content_recipient_mismatch" in _codes(
        body, [("鈴木 花子", "h.suzuki@alpha.example")], policy, directory, history
    )
    ok = "株式会社アルファ\nご担当者様\n\nお見積書をお送りします。"
    assert "content_recipient_mismatch" not in _codes(
        ok, [("鈴木 花子", "h.suzuki@alpha.example")], policy, directory, history
    )
