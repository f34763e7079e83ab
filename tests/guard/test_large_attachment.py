"""A big spreadsheet is read as a row sample: its records are extrapolated, never 'unscannable' for its size."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import pytest

from mamori.guard import judge
from mamori.guard.attachments import SAMPLE_ROWS, table_records
from mamori.guard.engine import message_from_eml

from .conftest import SIGNATURE


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


def _eml(xlsx: bytes, to: str = "t.sato@alpha.example") -> bytes:
    e = EmailMessage()
    e["From"] = "中村 三郎 <s.nakamura@ours.example>"
    e["To"] = f"佐藤 太郎 <{to}>"
    e["Subject"] = "会員名簿"
    e.set_content("株式会社アルファ\n佐藤様\n\n会員名簿をお送りします。" + SIGNATURE)
    e.add_attachment(xlsx, maintype="application", subtype="octet-stream", filename="会員名簿.xlsx")
    return bytes(e)


def _workbook(rows: int, pii_every: int = 1) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["会員番号", "氏名", "電話番号", "生年月日"])
    for i in range(rows):
        if i % pii_every == 0:
            ws.append([f"M{i:05d}", "山田 太郎", f"090-{i % 10000:04d}-{(i * 7) % 10000:04d}", dt.date(1980, 1, 2)])
        else:
            ws.append([f"M{i:05d}", None, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_big_sheet_is_bulk_not_unscannable(policy, directory, history, detector):
    m = message_from_eml(_eml(_workbook(3000)), "m.eml", detector)
    (att,) = m.attachments
    assert "sampled" in att.issues and 2700 <= att.records <= 3300
    assert "DATE_OF_BIRTH" in att.types  # the date cell read as a date, after its header
    codes = {r.code for r in judge(m, policy, directory, history).reasons}
    assert {"bulk_pii", "pii_in_attachment"} <= codes
    assert "unscannable_attachment" not in codes


def test_records_extrapolate_the_share_of_rows_with_personal_data(detector):
    m = message_from_eml(_eml(_workbook(2000, pii_every=4)), "m.eml", detector)
    assert 400 <= m.attachments[0].records <= 600  # a quarter of the rows hold a person; the rest only a number


def test_table_records_per_table():
    from mamori.extract import Location, Row, Table

    rows = tuple(Row(n, ("x",)) for n in range(2, 2 + SAMPLE_ROWS))
    big = Table(Location(sheet="A"), ("氏名",), rows, 1, False, 5000)
    small = Table(Location(sheet="B"), ("氏名",), (Row(2, ("x",)), Row(3, ("y",))), 1)
    form = Table(Location(sheet="C"), (), (Row(1, ("氏名", "x")), Row(2, ("住所", "y"))), None, True)
    read = {((), 0, n) for n in range(2, 2 + SAMPLE_ROWS)} | {((), 1, 2), ((), 1, 3), ((), 2, 1), ((), 2, 2)}
    personal = {((), 0, n) for n in range(2, 2 + SAMPLE_ROWS, 2)} | {((), 1, 2), ((), 2, 1), ((), 2, 2)}
    assert table_records([(0, big), (1, small), (2, form)], read, personal) == 2500 + 1 + 1


def test_one_persons_form_is_one_record_and_a_list_is_one_per_person(detector):
    from mamori.guard.attachments import analyse_attachment

    # a notice to one person: a line each for the name, the address and the birth date is still one person
    form = "労働条件通知書\n秋月 遥人 殿\n住所: 東京都練馬区豊玉北5丁目12番3号\n生年月日: 1988-04-12\n時給 1,400円\n"
    one = analyse_attachment(form.encode("utf-8"), "通知書.txt", detector, "text/plain")
    assert {"PERSON", "ADDRESS", "DATE_OF_BIRTH"} <= one.types
    assert one.records == 1
    # a list written as running text: a line per person
    listing = "連絡先一覧\n秋月 遥人 090-1234-5678\n真壁 梢 080-2345-6789\n鳴海 航 070-3456-7890\n"
    three = analyse_attachment(listing.encode("utf-8"), "連絡先.txt", detector, "text/plain")
    assert three.records == 3
