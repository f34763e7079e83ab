"""Japanese ADDRESS: prefecture to room, kanji numerals, line breaks, no prefecture; LOCATION alone."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.detect import Detector
from mamori.detect.recognizers.address_ja import RECOGNIZERS


@pytest.fixture(scope="module")
def addr() -> Detector:
    return Detector([cls() for cls in RECOGNIZERS])


def found(det: Detector, text: str, entity: str = "ADDRESS") -> list[str]:
    return [f.text for f in det.detect(text, "ja") if f.type == entity]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("〒100-0005 東京都千代田区丸の内1-2-3 丸の内ビル 12F\nTEL", "東京都千代田区丸の内1-2-3 丸の内ビル 12F"),
        ("住所：東京都墨田区文花三丁目18番14号 中央ビル 11階", "東京都墨田区文花三丁目18番14号 中央ビル 11階"),
        ("現住所：大阪府大阪市北区梅田二丁目4番9号", "大阪府大阪市北区梅田二丁目4番9号"),
        ("群馬県伊勢崎市阿弥大寺町1537番地2\n電話：", "群馬県伊勢崎市阿弥大寺町1537番地2"),
        (
            "〒７１４－００４２ 岡山県笠岡市美の浜１４７６コーストヴィラ ６０３号室",
            "岡山県笠岡市美の浜１４７６コーストヴィラ ６０３号室",
        ),
        ("千葉県野田市上花輪新町572番地,090-1234-5678", "千葉県野田市上花輪新町572番地"),
        (
            "愛知県名古屋市天白区元植田291番地3 若草タワー 7階",
            "愛知県名古屋市天白区元植田291番地3 若草タワー 7階",
        ),
        ("北海道札幌市中央区北一条西二丁目1番地 山田 太郎", "北海道札幌市中央区北一条西二丁目1番地"),
        (
            "京都府京都市左京区松ケ崎東桜木町9-16-2\u3000希望ヶ丘荘 208号室",
            "京都府京都市左京区松ケ崎東桜木町9-16-2\u3000希望ヶ丘荘 208号室",
        ),
    ],
)
def test_full_addresses(addr: Detector, text: str, expected: str) -> None:
    assert found(addr, text) == [expected]


def test_postal_code_and_mark_are_excluded(addr: Detector) -> None:
    [f] = [f for f in addr.detect("〒530-0001 大阪府大阪市北区梅田1-1-1", "ja") if f.type == "ADDRESS"]
    assert f.text.startswith("大阪府")


def test_line_break_inside_address(addr: Detector) -> None:
    text = "所在地：東京都港区芝公園4-2-8\nシーバンスビル 5階\n電話：03-1234-5678"
    assert found(addr, text) == ["東京都港区芝公園4-2-8\nシーバンスビル 5階"]
    text = "〒105-0011 東京都港区\n芝公園四丁目2番8号\nTEL"
    assert found(addr, text) == ["東京都港区\n芝公園四丁目2番8号"]


def test_address_without_prefecture(addr: Detector) -> None:
    assert found(addr, "ご住所：〒847-0067 唐津市十人町12-8-3 潮見ハイツ 207") == [
        "唐津市十人町12-8-3 潮見ハイツ 207"
    ]
    assert found(addr, "〒989-4203\n遠田郡美里町南小牛田2647 メゾン青葉 305号室 橋本美月") == [
        "遠田郡美里町南小牛田2647 メゾン青葉 305号室"
    ]


def test_person_after_address_is_left_out(addr: Detector) -> None:
    assert found(addr, "〒321-0146 栃木県宇都宮市富士見町17-24-6 中川 浩二 様") == ["栃木県宇都宮市富士見町17-24-6"]


def test_place_names_alone_are_locations(addr: Detector) -> None:
    assert found(addr, "東京都に本社を置く") == []
    assert found(addr, "東京都千代田区で開催された", "LOCATION") == ["東京都千代田区"]
    assert found(addr, "大阪府の人口", "LOCATION") == ["大阪府"]


@pytest.mark.parametrize("text", ["東京都港区にある会社で3人が働く", "京都市内の2店舗", "北区3組"])
def test_prose_is_not_an_address(addr: Detector, text: str) -> None:
    assert found(addr, text) == []


def test_long_line_is_fast(addr: Detector) -> None:
    text = ("東京都千代田区" + "丸" * 300 + "1-" * 300) * 1000 + "〒" * 100_000
    t0 = time.process_time()
    addr.detect(text[:1_000_000], "ja")
    assert time.process_time() - t0 < 60


def test_prefecture_with_space_stays_an_address(addr: Detector) -> None:
    assert found(addr, "住所：北海道 札幌市中央区北一条西2-1") == ["北海道 札幌市中央区北一条西2-1"]


def test_countries_alone_are_locations(addr: Detector) -> None:
    assert found(addr, "日本とフランスの関係", "LOCATION") == ["日本", "フランス"]
    assert found(addr, "日本人の多くは", "LOCATION") == []


_ALPHABET = "東京都千代田区丸の内唐津市〒住所：123-45丁目番地号ビル階F号室 \n\u3000ー一二三\x00\ud800"


@given(st.text(alphabet=_ALPHABET, max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(addr: Detector, text: str) -> None:
    for f in addr.detect(text, "ja"):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text.strip() == f.text
        assert "〒" not in f.text


def test_csv_cell_without_prefecture_or_cue(addr: Detector) -> None:
    assert found(addr, "1,山田太郎,大阪市北区梅田1-1-1 梅田ビル3階,06-1234-5678") == ["大阪市北区梅田1-1-1 梅田ビル3階"]
    assert found(addr, "市川市の人口は50万人") == []
    assert found(addr, "岐阜県美濃市もみじが丘2-11-7\n") == ["岐阜県美濃市もみじが丘2-11-7"]
