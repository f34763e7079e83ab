"""ORGANIZATION: legal forms before and after the name, banks without their branches, prose suffixes."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers.organization import RECOGNIZERS


@pytest.fixture(scope="module")
def org() -> Detector:
    return Detector([cls() for cls in RECOGNIZERS])


def orgs(det: Detector, text: str) -> list[str]:
    return [f.text for f in det.detect(text, "ja") if f.type == "ORGANIZATION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("いつも株式会社山田商事をご利用いただき", ["株式会社山田商事"]),
        ("山田商事株式会社 営業部 佐藤様", ["山田商事株式会社"]),
        ("（株）テクノリンクス 御中", ["（株）テクノリンクス"]),
        ("テクノリンクス（株）の鈴木です", ["テクノリンクス（株）"]),
        ("㈱ブルームデザイン 経理課", ["㈱ブルームデザイン"]),
        ("ブルームデザイン㈱", ["ブルームデザイン㈱"]),
        ("有限会社松尾運輸と合同会社アーク物産", ["有限会社松尾運輸", "合同会社アーク物産"]),
        ("一般社団法人日本データ協会の会員", ["一般社団法人日本データ協会"]),
        ("特定非営利活動法人みどりの森", ["特定非営利活動法人みどりの森"]),
        ("医療法人社団健生会 理事長", ["医療法人社団健生会"]),
        ("取引先：Sakura Trading Co., Ltd.", ["Sakura Trading Co., Ltd."]),
    ],
)
def test_legal_forms(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


def test_department_and_shop_tails_are_cut(org: Detector) -> None:
    assert orgs(org, "株式会社山田商事営業部の田中") == ["株式会社山田商事"]
    assert orgs(org, "この度は株式会社小松農林オンラインストアをご利用") == ["株式会社小松農林"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("振込先：みずほ銀行 新宿支店 普通 1234567", ["みずほ銀行"]),
        ("三菱UFJ銀行 丸の内支店", ["三菱UFJ銀行"]),
        ("【振込先】\n埼玉りそな銀行 浦和支店", ["埼玉りそな銀行"]),
        ("ゆうちょ銀行 〇一八店", ["ゆうちょ銀行"]),
        ("城南信用金庫 五反田支店", ["城南信用金庫"]),
        ("口座：京都中央信用金庫 本店", ["京都中央信用金庫"]),
        ("住信SBIネット銀行 法人第一支店", ["住信SBIネット銀行"]),
    ],
)
def test_banks_without_branches(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kana bank after the particle は / の: the particle is no part of its name
        ("メインバンクはあさぎり信用金庫西口出張所。", ["あさぎり信用金庫"]),
        ("メインバンクはすずらん銀行中央支店。", ["すずらん銀行"]),
        ("地元のかがり信用金庫本店", ["かがり信用金庫"]),
        # a particle and a verb before a bank's kanji name are not a kana name
        ("野口弥三という第一銀行の重役", ["第一銀行"]),
        ("九州の地銀初となる証券子会社", []),
        ("取引銀行はこの銀行です。", []),
    ],
)
def test_kana_banks_after_a_particle(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kana company name that opens with a particle's sound, with or without a space after the form
        ("出席者：有限会社はくちょう 堀内様", ["有限会社はくちょう"]),
        ("出席者：株式会社 はくちょう 比嘉様", ["株式会社 はくちょう"]),
        ("前職は合同会社はくちょう。", ["合同会社はくちょう"]),
        ("株式会社はこちら。", []),
        ("株式会社はその後解散した。", []),
        # a person after の is no part of the name; a place or a thing after の is
        ("同席：税理士法人みさきの本間　一樹氏。", ["税理士法人みさき"]),
        ("先方の担当は合同会社ひだまりの楠拓真さんです", ["合同会社ひだまり"]),
        ("特定非営利活動法人みどりの森様", ["特定非営利活動法人みどりの森"]),
    ],
)
def test_kana_company_names(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


def test_armed_services_alone_and_offices_before_their_heads(org: Detector) -> None:
    assert orgs(org, "この海軍の申し出に陸軍が反対し") == ["海軍", "陸軍"]
    assert orgs(org, "宮内庁長官羽毛田信吾は") == ["宮内庁"]
    assert orgs(org, "海軍兵学校に入った") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【旧口座】あおなみ農業協同組合 港南支店", ["あおなみ農業協同組合"]),
        ("つばめ商工協同組合 物流センター", ["つばめ商工協同組合"]),
        ("【新口座】JAさくらぎ 西町出張所", ["JAさくらぎ"]),
        ("(株)四つ葉電機 法務部", ["(株)四つ葉電機"]),
        ("最寄り駅は阪急 西宮北口駅です。", []),
        ("代表者：KOGA, Shingo (古賀 慎吾)", []),
        ("※かがり信用金庫の口座は解約済みです。", ["かがり信用金庫"]),
        ("口座名義　カブシキガイシャヒノキショウジ", ["カブシキガイシャヒノキショウジ"]),
        ("主要取引先：商工組合中央金庫", ["商工組合中央金庫"]),
    ],
)
def test_cooperatives_stations_and_latin_surnames(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize("text", ["| 氏名 | 所属 | DOB | 携帯 |", "name;ZIP;ADDR;TEL;DOB;MAIL"])
def test_column_headers_are_not_acronyms(org: Detector, text: str) -> None:
    assert orgs(org, text) == []


def test_branch_alone_is_not_an_organization(org: Detector) -> None:
    assert orgs(org, "新宿支店 営業部 総務課") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("経済産業省は新たな指針を公表した。", "経済産業省"),
        ("公明党の代表が会見した。", "公明党"),
        ("彼は東京大学を卒業した。", "東京大学"),
        ("同年、海上自衛隊に入隊した。", "海上自衛隊"),
        ("試合はボストン・レッドソックスが勝った。", None),
        ("その番組はNHKで放送された。", "NHK"),
    ],
)
def test_prose_suffixes(org: Detector, text: str, name: str | None) -> None:
    found = orgs(org, text)
    if name is None:
        assert found == [] or all(" " not in f for f in found)
    else:
        assert name in found


@pytest.mark.parametrize(
    "text", ["反省しています。", "帰省の予定", "会社の方針", "子会社を設立", "TEL:03-1234-5678", "TARO YAMADA"]
)
def test_common_words_are_not_organizations(org: Detector, text: str) -> None:
    assert orgs(org, text) == []


def test_long_line_is_fast(org: Detector) -> None:
    text = ("株式会社" + "ア" * 200 + "社") * 4000 + "銀行" * 100_000 + "(株)" * 50_000
    t0 = time.perf_counter()
    org.detect(text[:1_000_000], "ja")
    assert time.perf_counter() - t0 < 10


_ALPHABET = "株式会社有限(株)㈱銀行信用金庫省党大学山田商事アイウエオーABC Co., Ltd.\n の、。\x00\ud800"


@given(st.text(alphabet=_ALPHABET, max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(org: Detector, text: str) -> None:
    for f in org.detect(text, "ja"):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
        assert f.text.strip() == f.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2005年にボストン・レッドソックスへ移籍した。", "ボストン・レッドソックス"),
        ("彼はアリスタ・レコードと契約した。", "アリスタ・レコード"),
        ("1955年にASローマに加入した。", "ASローマ"),
        ("その後ユニリーバ・ジャパンが販売した。", "ユニリーバ・ジャパン"),
        ("ピッツバーグ・パイレーツ戦でデビューした。", "ピッツバーグ・パイレーツ"),
    ],
)
def test_context_cues_and_katakana_names(org: Detector, text: str, name: str) -> None:
    assert name in orgs(org, text)


@pytest.mark.parametrize("text", ["決勝戦で敗れた。", "リーグ戦で優勝した。", "山田が設立した会社", "河北省の省都"])
def test_context_cues_need_a_name(org: Detector, text: str) -> None:
    assert orgs(org, text) == []


def test_legal_form_after_a_space(org: Detector) -> None:
    assert orgs(org, "山田商事 株式会社 御中") == ["山田商事 株式会社"]
    assert orgs(org, "会社名 株式会社山田商事") == ["株式会社山田商事"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("先方のひかり物流株式会社の西村さんから", ["ひかり物流株式会社"]),
        ("参加：小野寺（みなと設計（株））", ["みなと設計（株）"]),
        ("取引先：さくら不動産Co., Ltd.", ["さくら不動産Co., Ltd."]),
        ("さくら株式会社 御中", ["さくら株式会社"]),
        ("こちらはつばめ商事株式会社の件です", ["つばめ商事株式会社"]),
        ("いつも山田商事株式会社をご利用いただき", ["山田商事株式会社"]),
        ("ご案内した株式会社山田商事", ["株式会社山田商事"]),
        # sounds that Sudachi reads as a bare verb stem (はばたけ, つなげ), after a space or a bracket
        ("講師　はばたけ教育合同会社 青木 翔", ["はばたけ教育合同会社"]),
        ("巡回（つなげ運輸株式会社 本社車庫）", ["つなげ運輸株式会社"]),
    ],
)
def test_names_with_hiragana(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize("text", ["そのため株式会社の形で", "について株式会社が", "よろしくお願いします。"])
def test_hiragana_words_are_not_names(org: Detector, text: str) -> None:
    assert orgs(org, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＡＢＣ株式会社 御中", ["ＡＢＣ株式会社"]),
        ("株式会社 ｴｰﾋﾞｰｼｰ 御中", ["株式会社 ｴｰﾋﾞｰｼｰ"]),
        ("株式会社　山田商事　経理部", ["株式会社　山田商事"]),
        ("山田＆パートナーズ合同会社", ["山田＆パートナーズ合同会社"]),
        ("株式会社エー・ビー・シーの佐藤", ["株式会社エー・ビー・シー"]),
        ("松浦建設株式会社 御中", ["松浦建設株式会社"]),
    ],
)
def test_other_written_forms(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("口座名義 ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ", ["ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ"]),
        ("口座名義：カ）ヤマダショウジ", ["カ）ヤマダショウジ"]),
        ("名義：ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ", ["ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ"]),
        ("名義 ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ) 普通", ["ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ)"]),
        ("名義 ﾕ)ﾏﾙｶﾜ ｾｲｷ", ["ﾕ)ﾏﾙｶﾜ ｾｲｷ"]),
        ("出身：（アメリカ）", []),
        ("表記（カタカナ）で", []),
    ],
)
def test_bank_style_kana_holders(org: Detector, text: str, expected: list[str]) -> None:
    assert orgs(org, text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("山田ホールディングスの決算", "山田ホールディングス"),
        ("三井グループの会社", "三井グループ"),
        ("東京都大学リーグで優勝した。", "東京都大学リーグ"),
        ("山田・鈴木法律事務所に依頼した。", "鈴木法律事務所"),
        ("彼はカンザスシティ・ロイヤルズで活躍した。", "カンザスシティ・ロイヤルズ"),
        ("ギブソン・ギター・コーポレーションが製造した。", "ギブソン・ギター・コーポレーション"),
    ],
)
def test_groups_leagues_teams(org: Detector, text: str, name: str) -> None:
    assert name in orgs(org, text)


@pytest.mark.parametrize(
    "text",
    [
        "2003年4月1日に所属事務所を移籍した。",
        "6社の株式を保有した。",
        "2000年劇団「ひまわり」を旗揚げ",
        "日本の出版社。",
        "労働組合の組織化を図った。",
        "ジョン・スミスは作家である。",
        "先方の担当者から連絡",
    ],
)
def test_counts_and_common_nouns(org: Detector, text: str) -> None:
    assert orgs(org, text) == []


def test_committees_need_a_proper_head(org: Detector) -> None:
    # a long head of common nouns names a committee's remit; a body it belongs to names the committee
    assert orgs(org, "品質保証推進委員会 議事録") == []
    assert "参議院環境委員会" in orgs(org, "参議院環境委員会の審議")


def test_facilities_are_not_organizations(org: Detector) -> None:
    assert orgs(org, "医療法人社団健生会 山田病院") == ["医療法人社団健生会"]
    assert orgs(org, "学校法人山田学園 山田高等学校") == ["学校法人山田学園"]
    assert orgs(org, "山田病院に入院した。やまだクリニックを受診。") == []
