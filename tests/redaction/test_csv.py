"""CSV/TSV: quoting, delimiters, encoding and shape kept; header used as context; --types honoured."""

from __future__ import annotations

import csv
import io

from mamori.redaction import redact
from mamori.redaction.csv_file import records
from tests.redaction.conftest import EMAIL, NAME, PHONE

CSV = (
    "名前,電話番号,メール,メモ\r\n"
    f'{NAME},{PHONE},{EMAIL},"会議, 明日"\r\n'
    f'"佐藤花子","09087654321","",x\r\n'
    ',,,"改行を\r\n含む"\r\n'
)


def _rows(data: bytes, encoding: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline=""), delimiter=delimiter))


def test_round_trip_cp932(detector) -> None:
    result = redact(CSV.encode("cp932"), "list.csv", detector)
    out = result.data.decode("cp932")
    for value in (NAME, PHONE, EMAIL, "佐藤花子", "09087654321"):
        assert value not in out
    before, after = _rows(CSV.encode("cp932"), "cp932"), _rows(result.data, "cp932")
    assert len(after) == len(before) and [len(r) for r in after] == [len(r) for r in before]
    assert after[0] == before[0]  # the header
    assert after[1][3] == "会議, 明日" and after[3][3] == "改行を\r\n含む"
    assert '"佐藤■■","***********","",x' in out  # quoted fields stay quoted
    assert out.count("\r\n") == CSV.count("\r\n")
    assert result.masked["PHONE"] == 2 and result.masked["PERSON"] == 2


def test_header_gives_context(detector) -> None:
    # a bare 11-digit number is a phone only because of its column
    data = "電話番号,数量\n09012345678,3\n".encode()
    out = redact(data, "a.csv", detector).data.decode()
    assert "09012345678" not in out and out.endswith(",3\n")


def test_types_limit(detector) -> None:
    out = redact(CSV.encode(), "list.csv", detector, types=["EMAIL"]).data.decode()
    assert EMAIL not in out and NAME in out and PHONE in out


def test_tsv_and_bom(detector) -> None:
    data = ("\ufeff氏名\t電話\n" + f"{NAME}\t{PHONE}\n").encode("utf-8")
    result = redact(data, "a.tsv", detector)
    assert result.data.startswith(b"\xef\xbb\xbf")
    rows = _rows(result.data, "utf-8-sig", "\t")
    assert len(rows) == 2 and len(rows[1]) == 2 and NAME not in rows[1][0] and PHONE not in rows[1][1]


def test_records_spans() -> None:
    text = 'a,"b ""q""",c\r\n,\n'
    rows = records(text, ",")
    assert [[f.value for f in r] for r in rows] == [["a", 'b "q"', "c"], ["", ""]]
    assert text[rows[0][1].start : rows[0][1].end] == '"b ""q"""'


def test_header_below_a_title() -> None:
    from mamori.redaction.header import column_names

    assert column_names([["顧客名簿 2024年度", ""], ["氏名", "電話"], ["a", "1"]]) == (1, ["氏名", "電話"])
    assert column_names([[NAME, PHONE], ["氏名", "電話"]]) == (None, [])
