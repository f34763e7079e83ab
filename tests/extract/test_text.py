"""CSV, plain text, HTML, JSON, XML, format sniffing, and the limits that apply to every file."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.extract import CELL, Extraction, Limits, extract, sniff
from tests.extract import builders, cfb

CSV = "氏名,住所,電話番号,生年月日\n山田太郎,東京都千代田区1-1,03-1234-5678,1990/04/01\n佐藤花子,,090-0000-1111,\n"


def codes(result: Extraction) -> set[str]:
    return {i.code for i in result.issues}


@pytest.mark.parametrize(
    "raw",
    [CSV.encode("utf-8"), codecs.BOM_UTF8 + CSV.encode("utf-8"), CSV.encode("cp932"), CSV.encode("euc_jp")],
    ids=["utf8", "utf8-bom", "cp932", "euc-jp"],
)
def test_csv_encodings_and_header(raw: bytes) -> None:
    result = extract(raw, "list.csv")
    assert result.format == "csv" and result.complete
    table = result.tables[0]
    assert table.header == ("氏名", "住所", "電話番号", "生年月日")
    assert [r.number for r in table.rows] == [2, 3]
    cells = [(u.location.row, u.location.column, u.location.header, u.text) for u in result.units if u.kind == CELL]
    assert cells[0] == (2, 1, "氏名", "山田太郎")
    assert (3, 3, "電話番号", "090-0000-1111") in cells
    assert len({(u.location.table, u.location.row) for u in result.units if u.kind == CELL}) == 2


def test_tsv_and_quoted_multiline_cells() -> None:
    raw = b'Name\tAddress\n"Smith, John"\t"1 Main St\nSpringfield"\n'
    result = extract(raw, "people.tsv")
    table = result.tables[0]
    assert table.header == ("Name", "Address")
    assert table.rows[0].cells == ("Smith, John", "1 Main St\nSpringfield")


def test_csv_without_header() -> None:
    result = extract("山田太郎,03-1234-5678\n佐藤花子,03-9999-0000\n".encode(), "x.csv")
    assert result.tables[0].header == ()
    assert len(result.tables[0].rows) == 2


def test_csv_row_limit() -> None:
    raw = ("氏名,電話\n" + "".join(f"名前{i},{i}\n" for i in range(100))).encode()
    result = extract(raw, "x.csv", limits=Limits(max_rows=10))
    assert codes(result) == {"truncated"}
    assert len(result.tables[0].rows) == 9


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "cp932", "euc_jp", "iso2022_jp"])
def test_txt_encodings(codec: str) -> None:
    text = "山田太郎様　ご住所：東京都港区芝公園4-2-8　電話：03-1234-5678"
    result = extract(text.encode(codec), "note.txt")
    assert result.format == "txt" and result.complete
    assert result.units[0].text == text


def test_html_text_without_markup() -> None:
    html = (
        '<html><head><meta charset="shift_jis"><script>var x="hidden";</script></head>'
        "<body><table><tr><th>氏名</th><td>山田&amp;太郎</td></tr></table></body></html>"
    )
    result = extract(html.encode("cp932"), "page.html")
    text = result.units[0].text
    assert "山田&太郎" in text and "氏名" in text and "hidden" not in text


def test_json_values_keep_their_key_and_path() -> None:
    doc = {"customers": [{"氏名": "山田太郎", "tel": "03-1234-5678", "age": 30, "vip": True}]}
    result = extract(json.dumps(doc, ensure_ascii=False).encode(), "data.json")
    found = {u.location.field: u.text for u in result.units}
    assert found["$.customers[0].氏名"] == "氏名: 山田太郎"
    assert found["$.customers[0].tel"] == "tel: 03-1234-5678"


def test_invalid_json_is_read_as_text() -> None:
    result = extract(b'{"name": "Yamada", broken', "data.json")
    assert result.complete and "Yamada" in result.text


def test_xml_text_and_attributes() -> None:
    xml = '<?xml version="1.0" encoding="Shift_JIS"?><list><person tel="03-1234-5678">山田太郎</person></list>'
    result = extract(xml.encode("cp932"), "list.xml")
    assert "山田太郎" in result.text and "03-1234-5678" in result.text


def test_xml_entity_bomb_is_not_expanded() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    bomb += b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><l>&d;</l>'
    result = extract(bomb, "bomb.xml")
    assert len(result.text) < 2000


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (builders.png(), "photo.png", "image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "scan", "image"),
        (b"%PDF-1.4\n", "x.bin", "pdf"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "a.tar.gz", "archive"),
        (b"\x00\x01\x02\x03" * 10, "blob.dat", "binary"),
        (b"", "empty.txt", "empty"),
        (b"From: a@example.jp\nTo: b@example.jp\nSubject: hi\n\nbody", "noext", "eml"),
        (b"hello", "a.txt", "txt"),
    ],
)
def test_sniff(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


def test_image_and_unknown_binary_are_reported() -> None:
    assert codes(extract(builders.png(), "scan.png")) == {"image"}
    assert codes(extract(b"\x00\x01\x02\x03" * 10, "blob.dat")) == {"unsupported"}
    assert codes(extract(b"\x1f\x8b\x08\x00" + b"\x00" * 20, "a.tar.gz")) == {"unsupported"}
    empty = extract(b"", "empty.txt")
    assert empty.complete and not empty.units


def test_password_protected_office_file_is_encrypted() -> None:
    data = cfb.build({"EncryptedPackage": b"\x00" * 100, "EncryptionInfo": b"\x04\x00\x04\x00"})
    assert codes(extract(data, "secret.xlsx")) == {"encrypted"}
    legacy = cfb.build({"WordDocument": b"\x00" * 100})
    assert codes(extract(legacy, "old.doc")) == {"unsupported"}


def test_file_size_limit() -> None:
    result = extract(b"a" * 2000, "big.txt", limits=Limits(max_bytes=1000))
    assert codes(result) == {"too_large"} and not result.units


def test_character_limit_truncates_and_says_so() -> None:
    result = extract(("山田太郎\n" * 1000).encode(), "long.txt", limits=Limits(max_chars=100))
    assert codes(result) == {"truncated"}
    assert sum(len(u.text) for u in result.units) <= 100


def test_time_limit_gives_timeout_issue() -> None:
    raw = ("氏名,電話\n" + "".join(f"名前{i},{i}\n" for i in range(5000))).encode()
    result = extract(raw, "x.csv", limits=Limits(max_seconds=0))
    assert codes(result) == {"timeout"}
    assert not result.complete


def test_undecodable_bytes_are_flagged() -> None:
    result = extract(b"\x82\xa0\x81\x20\x85\x20abc", "x.txt")
    assert "encoding" in codes(result)


def test_location_describe() -> None:
    result = extract(CSV.encode(), "list.csv")
    cell = next(u for u in result.units if u.kind == CELL)
    assert cell.location.describe() == "row=2 column=1 header=氏名"


def test_first_row_of_names_is_not_taken_for_a_header() -> None:
    result = extract("山田太郎,佐藤花子\n鈴木一郎,高橋次郎\n".encode(), "names.csv")
    assert result.tables[0].header == ()
    assert len(result.tables[0].rows) == 2


def test_header_found_below_title_rows() -> None:
    raw = "顧客一覧,,\n作成日 2024年,,\n氏名,住所,電話番号\n山田太郎,東京都港区,03-1234-5678\n".encode()
    table = extract(raw, "x.csv").tables[0]
    assert table.header == ("氏名", "住所", "電話番号") and table.header_row == 3


def test_html_with_long_blank_runs_is_fast() -> None:
    import time

    start = time.process_time()
    result = extract(b"<html><body>" + b" \t" * 500_000 + b"<p>x</p></body></html>", "a.html")
    assert time.process_time() - start < 60  # hang guard
    assert result.units[0].text == "x"


@settings(max_examples=150, deadline=None, database=None)
@given(st.binary(max_size=1024), st.sampled_from(["a.csv", "a.txt", "a.html", "a.json", "a.xml", "a.pdf", "a"]))
def test_fuzz_any_bytes_any_name(blob: bytes, name: str) -> None:
    result = extract(blob, name, limits=Limits(max_seconds=2))
    assert isinstance(result, Extraction)
