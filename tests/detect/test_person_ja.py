"""Japanese PERSON recognizer: cues, forms, negatives, and bounded running time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import morphology, name_lexicon
from mamori.detect.core_engine import core_recognizer
from mamori.detect.detector import Detector
from mamori.detect.document import Document

PersonJa = core_recognizer("person_ja")


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector([PersonJa()])


def names(det: Detector, text: str) -> list[str]:
    return [f.text for f in det.detect(text, "ja") if f.type == "PERSON"]


def names_of(text: str) -> list[str]:
    return names(Detector([PersonJa()]), text)


# ------------------------------------------------------------------------------------------ lexicon


def test_lexicon_has_common_names_and_flags() -> None:
    # (split_full and the other lookups are tested in the core: core/src/recognizers/person_ja/lexicon.rs)
    yamada, sato, sasaki, taro, hanako, kana_sur, kana_giv, company = name_lexicon.flags(
        ["山田", "佐藤", "佐々木", "太郎", "花子", "ヤマダ", "タロウ", "株式会社"]
    )
    assert "S" in yamada and "S" in sato and "S" in sasaki
    assert "G" in taro and "G" in hanako
    assert "s" in kana_sur and "g" in kana_giv
    assert "S" not in company


# ------------------------------------------------------------------------------------------ honorifics


@pytest.mark.parametrize("hon", ["様", "さま", "さん", "殿", "氏", "先生", "くん", "ちゃん"])
def test_honorific_is_excluded_from_span(det: Detector, hon: str) -> None:
    assert names(det, f"いつもお世話になっております。山田{hon}にご連絡ください。") == ["山田"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("山田太郎様\n\nいつもお世話になっております。", ["山田太郎"]),
        ("山田 太郎 様\nお元気ですか。", ["山田 太郎"]),
        ("山田\u3000太郎様、本日はありがとうございました。", ["山田\u3000太郎"]),
        ("株式会社ミライ商事 営業部 佐藤様\n", ["佐藤"]),
        ("出席者：佐藤花子様、鈴木様／弊社 高橋、伊藤\n", ["佐藤花子", "鈴木", "高橋", "伊藤"]),
    ],
)
def test_names_before_honorifics(det: Detector, text: str, expected: list[str]) -> None:
    assert names(det, text) == expected


def test_not_names_before_honorifics(det: Detector) -> None:
    assert names(det, "お客様各位\n皆様のご来店をお待ちしております。お父さんとお母さん") == []


# ------------------------------------------------------------------------------------------ labels


@pytest.mark.parametrize(
    "text, expected",
    [
        ("氏名：山田 太郎\n生年月日：1980年1月1日", ["山田 太郎"]),
        ("お名前：佐藤花子\nご住所：", ["佐藤花子"]),
        ("担当者：鈴木一郎（営業部）\n", ["鈴木一郎"]),
        ("代表者：代表取締役 高橋 健\n", ["高橋 健"]),
        ("フリガナ：ヤマダ タロウ\n", ["ヤマダ タロウ"]),
        ("口座名義：ヤマダ タロウ\n", ["ヤマダ タロウ"]),
        ("ふりがな：やまだ たろう\n", ["やまだ たろう"]),
        ("カード名義：TARO YAMADA\n", ["TARO YAMADA"]),
        ("氏名：山田 太郎（ヤマダ タロウ）\n", ["山田 太郎", "ヤマダ タロウ"]),
        ("【氏名】山田太郎\n【フリガナ】ヤマダタロウ\n", ["山田太郎", "ヤマダタロウ"]),
        ("氏名\t佐藤 花子\n", ["佐藤 花子"]),
        ("担当：営業部 高橋\n", ["高橋"]),
        ("患者名：渡辺 美穂 様（68歳）\n", ["渡辺 美穂"]),
    ],
)
def test_names_after_labels(det: Detector, text: str, expected: list[str]) -> None:
    assert names(det, text) == expected


def test_signature_block_with_romaji(det: Detector) -> None:
    text = "株式会社ミライ商事 営業部\n課長 山田 太郎（Taro Yamada）\nTEL：03-1234-5678\n"
    assert names(det, text) == ["山田 太郎", "Taro Yamada"]


def test_signature_line_with_slash_romaji(det: Detector) -> None:
    assert names(det, "営業部\n山田 太郎 / Taro Yamada\n") == ["山田 太郎", "Taro Yamada"]


def test_particle_after_surname_is_not_a_given_name(det: Detector) -> None:
    assert names(det, "出席者：山田様\n・山田より、納期について説明。") == ["山田", "山田"]


def test_name_alone_on_signature_line(det: Detector) -> None:
    assert names(det, "株式会社ミライ商事 総務部\n佐藤 花子\n〒100-0001 東京都千代田区") == ["佐藤 花子"]


def test_csv_columns_named_by_header(det: Detector) -> None:
    text = (
        "顧客ID,氏名,フリガナ,電話番号\n"
        "C001,山田 太郎,ヤマダ タロウ,03-1234-5678\n"
        "C002,佐藤花子,サトウ ハナコ,090-1234-5678\n"
    )
    assert names(det, text) == ["山田 太郎", "ヤマダ タロウ", "佐藤花子", "サトウ ハナコ"]


def test_surname_seen_once_is_found_again(det: Detector) -> None:
    text = "出席者：山田様、鈴木様\n・山田より、納期の前倒しの要望あり。"
    assert names(det, text) == ["山田", "鈴木", "山田"]


# ------------------------------------------------------------------------------------------ business wording


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surname before a title, also a surname that is an ordinary word (杉山, 清水)
        ("同行した杉山課長によると、新ラインは来月稼働予定です。", ["杉山"]),
        ("平野部長からの指示で資料を修正しました。", ["平野"]),
        ("清水課長、お疲れ様です。", ["清水"]),
        ("林教授の研究室に伺いました。", ["林"]),
        # a list of names, each with its company in brackets
        (
            "・参加：宮本（株式会社青葉）、上野（大和テック株式会社）、千葉（ひかり物流（株））\n",
            ["宮本", "上野", "千葉"],
        ),
        ("出席者：木村（丸川精機）、武田（北斗電装Co., Ltd.）\n", ["木村", "武田"]),
        # role labels ending in 者 / 人 / 官, and the next label is not a name
        ("対象者：佐々木健太\n", ["佐々木健太"]),
        ("記入者：木下\n", ["木下"]),
        ("面接官：吉田、候補者：石井 陽子\n", ["吉田", "石井 陽子"]),
        ("連帯保証人：森田 剛\n", ["森田 剛"]),
        ("送信者：伊藤 健\n", ["伊藤 健"]),
        # a katakana reading in brackets is one name
        ("対象者：杉山健太（スギヤマ ケンタ）\n", ["杉山健太", "スギヤマ ケンタ"]),
        ("入社予定の杉山健太（スギヤマ ケンタ）について", ["杉山健太", "スギヤマ ケンタ"]),
        ("参加者一覧 ヤマダ タロウ、スズキ ハナコ", ["ヤマダ タロウ", "スズキ ハナコ"]),
        # chat, self-introductions, cc lines, signatures, envelopes
        ("佐藤さん、資料ありがとうございます！", ["佐藤"]),
        ("はじめまして。株式会社ミライの田中と申します。", ["田中"]),
        ("お疲れ様です、鈴木です。明日の件です。", ["鈴木"]),
        ("担当の渡辺が対応いたします。", ["渡辺"]),
        ("後任の岡田が引き継ぎます。", ["岡田"]),
        ("cc：営業部 佐々木、経理部 小林\n", ["佐々木", "小林"]),
        ("以上、よろしくお願いいたします。\n山本より\n", ["山本"]),
        ("東京都港区芝5-1-1\n山田方\n鈴木一郎様\n", ["山田", "鈴木一郎"]),
        ("田中様方 佐藤花子様\n", ["田中", "佐藤花子"]),
        ("お客様：山田 太郎\n", ["山田 太郎"]),
        ("部長：佐藤\n", ["佐藤"]),
        ("受講生：高橋 花子\n", ["高橋 花子"]),
        ("氏\u3000名：山田 太郎\n", ["山田 太郎"]),
        ("氏名：山田 太郎（やまだ たろう）\n", ["山田 太郎", "やまだ たろう"]),
        ("対象者：杉山悠人（スギヤマ ユウト）\n", ["杉山悠人", "スギヤマ ユウト"]),
        ("中村部長宛にお送りください。", ["中村"]),
        ("鈴木部長、高橋課長、伊藤主任\n", ["鈴木", "高橋", "伊藤"]),
        ("明日は営業部の高橋がお伺いします。", ["高橋"]),
        ("株式会社テクノ総研の林です。", ["林"]),
        ("送信者: Yamada Taro\n", ["Yamada Taro"]),
        ("Dear Mr. Tanaka,\n先日はありがとうございました。", ["Tanaka"]),
    ],
)
def test_business_wording(det: Detector, text: str, expected: list[str]) -> None:
    assert sorted(names(det, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Booking name: Sho Ichikawa\nご予約者：市川 翔 様\n", ["Sho Ichikawa", "市川 翔"]),
        ("Name: Taro Yamada\n", ["Taro Yamada"]),
        ("Contact: Keiko Matsuo (Sales)\n", ["Keiko Matsuo"]),
        ("From: 山口 真理子\n", ["山口 真理子"]),
        ("Attn: Haruka Suzuki\n", ["Haruka Suzuki"]),
    ],
)
def test_english_labels(det: Detector, text: str, expected: list[str]) -> None:
    assert names(det, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Company Name: Acme Trading\n",
        "Contact: Sales Department\n",
        "Contact: Support Team\n",
        "From: noreply@example.com\n",
        "User name: admin\n",
        "Filename: Report Final\n",
        "会場は上野です。",
        "以上です。明日は大丈夫です。",
        "演出家の意見を聞いた。",
        "同課長と前社長が出席した。",
        "Mr.Childrenの新曲を聴いた。",
        "一部の施設は閉鎖された。",
        "軽音楽部の同級生より結成したバンド。",
        "参加者：営業部全員\n",
        "Name: Product A\n",
        "世帯主：本人\n",
        "営業部の方針です。",
        "対象者：全社員\n",
    ],
)
def test_business_negatives(det: Detector, text: str) -> None:
    assert names(det, text) == []


def test_romaji_shape() -> None:
    # After a weak English label a name must be spelt like Japanese romaji (the word list is checked in the core).
    assert names_of("From: Sho Ichikawa\nお世話になっております。") == ["Sho Ichikawa"]
    assert names_of("From: Sales Team\nお世話になっております。") == []


# ------------------------------------------------------------------------------------------ negatives


def test_company_and_email_are_not_persons(det: Detector) -> None:
    text = "口座名義：ヤマダショウジ株式会社\nMail: taro.yamada@yamada-shoji.co.jp\n会社名：山田商事株式会社\n"
    assert names(det, text) == []


def test_place_and_ordinary_words_are_not_persons(det: Detector) -> None:
    assert names(det, "本日の会議は山田町の公民館で開催します。内容は下記の通りです。") == []
    assert names(det, "多様化するニーズに応え、小雨模様の中、殿堂入りを祝った。") == []


def test_company_with_katakana_name_is_not_a_person(det: Detector) -> None:
    assert names(det, "株式会社ルミナ通信 総務部\n口座名義：ステラ物産(株)\n") == []


# ------------------------------------------------------------------------------------------ prose


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1960年の大統領選挙ではジョン・F・ケネディが勝利した。", ["ジョン・F・ケネディ"]),
        ("この曲は山田太郎が作詞した。", ["山田太郎"]),
        ("同年、吉田茂首相が訪米した。", ["吉田茂"]),
        ("山田太郎（やまだ たろう）は、日本の俳優。", ["山田太郎"]),
        ("監督には映画評論家の佐藤花子が起用された。", ["佐藤花子"]),
        ("精神病理学者山田太郎が創設した。", ["山田太郎"]),
        ("東京都と大阪府は、日本の都道府県である。", []),
        ("また、編集者の宮内あすかとともに活動した。", ["宮内あすか"]),
        ("岸信介首相は会見した。", ["岸信介"]),
        ("長女さつきは教師、三女悦子は大学に通っている。", ["悦子"]),
        ("息子の吾郎が監督となった。", ["吾郎"]),
        ("企画を進めていた雄一は、それを実現させようとした。", ["雄一"]),
        ("2005年であれば小田船長と末永船長が交互に乗船していた。", ["小田", "末永"]),
        ("一次と二次の選考がある。", []),
        ("1917年にジャック・ワーナーが就任した。", ["ジャック・ワーナー"]),
        ("ロサンゼルス・ドジャースが優勝した。", []),
        ("1912年に袁世凱は大総統に就任した。", ["袁世凱"]),
        ("全面的に見直し、文部省が発表した。", []),
        ("手塚治虫原作の漫画。", ["手塚治虫"]),
        ("トヨタとの取引が始まることになった。", []),
    ],
)
def test_prose_names(det: Detector, text: str, expected: list[str]) -> None:
    assert names(det, text) == expected


def test_morphology_window_offsets() -> None:
    text = "前置き。山田太郎が来た。"
    toks = morphology.tokens(text, 4, 9)
    assert toks[0].start == 4 and toks[0].surface == "山田" and toks[0].person_part == "姓"
    assert all(text[t.start : t.end] == t.surface for t in toks)


# ------------------------------------------------------------------------------------------ robustness


def test_long_line_is_fast(det: Detector) -> None:
    text = ("山田様" + "あ" * 50 + "氏名：" + "漢" * 200 + "カナ" * 100 + "・" * 30) * 2500
    assert len(text) > 900_000
    t0 = time.perf_counter()
    det.detect(text, "ja")
    assert time.perf_counter() - t0 < 10.0


def test_huge_kanji_and_katakana_runs_are_fast() -> None:
    rec = PersonJa()
    for text in (
        "山" * 1_000_000,
        "ア・" * 500_000,
        "様" * 500_000,
        "氏名：" * 300_000,
        "山田は、" * 100_000,
        "者：" * 400_000,
        "山田です。" * 80_000,
        "山田あすか" * 80_000,
        "Name: Sho Ichikawa " * 50_000,
    ):
        t0 = time.perf_counter()
        list(rec.find(Document(text, "ja")))
        assert time.perf_counter() - t0 < 10.0


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("山田太郎佐藤花子様さん氏名：:（()）ヤマダタロウ・ 　\n,、\x00\ud800A")),
        max_size=80,
    )
)
def test_any_text_gives_valid_spans(text: str) -> None:
    rec = PersonJa()
    for f in rec.find(Document(text, "ja")):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
        assert f.text == f.text.strip()


@pytest.mark.skipif(not morphology.available(), reason="SudachiPy dictionary not installed")
def test_prose_names_read_by_the_analyser_and_by_what_people_do(det: Detector) -> None:
    # a run listed as surname and given name, read by SudachiPy as a given name here (issue 13)
    assert names(det, "その朝、美咲に手紙が届いた。") == ["美咲"]
    # with a listed surname written apart before it, the whole name
    assert names(det, "議事は熊谷 佐知子が準備します。") == ["熊谷 佐知子"]
    # a katakana subject of what only a person does; a thing is none
    assert names(det, "メネリクは皇帝に即位した。") == ["メネリク"]
    assert names(det, "新しい流行が生まれた。") == []
