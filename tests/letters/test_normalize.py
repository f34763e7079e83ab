"""Addresses, postal codes and names compared as a post office would (DESIGN.md, ``mamori letters check``)."""

from __future__ import annotations

import pytest

from mamori.letters.normalize import norm_address, norm_name, norm_org, norm_postal, same_address

SAME = [
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1丁目2番3号"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷一丁目2番3号"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1丁目2-3"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷１－２－３"),
    ("東京都渋谷区渋谷1-2-3", "東京都 渋谷区\n渋谷 1‐2―3"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1ー2ー3"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1−2−3"),
    ("大阪府大阪市北区梅田123-4", "大阪府大阪市北区梅田123番地4"),
    ("大阪府大阪市北区梅田123-4", "大阪府大阪市北区梅田百二十三番地の四"),
    ("東京都新宿区西新宿2-8-1 サンハイツ201", "東京都新宿区西新宿二丁目8番1号 サンハイツ 201号室"),
    ("東京都新宿区西新宿2-8-1 タワー8F", "東京都新宿区西新宿2-8-1 タワー8階"),
    ("千葉県鴨川市北小町4-20-2", "鴨川市北小町4丁目20番地2"),
    ("三重県津市高洲町2-13-6", "津市高洲町2-13-6"),
    ("岐阜県関市明ヶ島1-1", "岐阜県関市明ケ島1-1"),
]
DIFFERENT = [
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1-2-4"),
    ("東京都渋谷区渋谷1-2-3", "東京都渋谷区渋谷1-23"),
    ("東京都渋谷区渋谷1-2-3 サンハイツ201", "東京都渋谷区渋谷1-2-3 サンハイツ202"),
    ("東京都渋谷区渋谷1-2-3 サンハイツ201", "東京都渋谷区渋谷1-2-3"),
    ("東京都渋谷区渋谷1-2-3", "大阪府渋谷区渋谷1-2-3"),
    ("東京都渋谷区渋谷12-3", "東京都渋谷区渋谷1-23"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_address(a: str, b: str) -> None:
    assert same_address(norm_address(a), norm_address(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_address(a: str, b: str) -> None:
    assert not same_address(norm_address(a), norm_address(b))


@pytest.mark.parametrize("code", ["150-0002", "1500002", "〒150-0002", "〒１５０－０００２", "150ー0002", " 150 0002 "])
def test_postal_code_forms(code: str) -> None:
    assert norm_postal(code) == "1500002"


@pytest.mark.parametrize("code", ["150-000", "15000021", "", "abc-defg"])
def test_not_a_postal_code(code: str) -> None:
    assert norm_postal(code) == ""


def test_names_without_spaces_and_width_but_not_kanji_variants() -> None:
    assert norm_name("山田　太郎 様") == norm_name("山田太郎") == norm_name("山田 太郎")
    assert norm_name("ＴＡＮＡＫＡ Ｋｅｎ") == norm_name("TANAKA Ken")
    assert norm_name("髙橋 一郎") != norm_name("高橋 一郎")


ORG_SPELLINGS = ["株式会社光陽システムズ", "光陽システムズ株式会社", "(株)光陽システムズ", "（株）光陽 システムズ",
                 "㈱光陽システムズ", "株式会社 光陽システムズ", "株式会社光陽システムズ"]  # fmt: skip


@pytest.mark.parametrize("name", ORG_SPELLINGS)
def test_organisation_names(name: str) -> None:
    assert norm_org(name) == "光陽システムズ"


def test_organisation_limited_forms() -> None:
    assert norm_org("(有)みどり商店") == norm_org("㈲みどり商店") == norm_org("有限会社みどり商店")
