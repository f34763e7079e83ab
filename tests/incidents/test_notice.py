"""The notice to the people concerned: its words from the record (規則10条: 概要, 項目, 原因, 二次被害, その他),
the people CSV read in UTF-8 and Shift_JIS, one letter per person in the DOCX (read back), and the CSV of the
notice's fields."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from docx import Document

from mamori.incidents.notice import (
    ADVICE_CREDENTIALS,
    ADVICE_MONEY,
    ADVICE_REACHABLE,
    CAUSE_PHRASES,
    NoticeError,
    Sender,
    notice_for,
    publication_text,
)
from mamori.incidents.notice_docx import MAX_LETTERS, notice_docx
from mamori.incidents.people import PeopleError, Person, people_csv, read_people

CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "email_misdelivery", "persons": 3,
        "data": ["PERSON", "ADDRESS", "CREDIT_CARD"], "notification_difficult": False}
SENDER = Sender(company="株式会社サンプル商事", contact="お客様相談室\n電話 0120-000-000 (平日 9時〜17時)",
                measures="誤送信先に連絡し、メールを削除したとの回答を得ました。",
                harm="現時点で、本件による二次被害は確認されていません。", signer="代表取締役 見本 太郎")
DAY = date(2026, 12, 7)
PEOPLE_CSV = ("氏名,郵便番号,住所,住所2,電話番号\n"
              "山田 花子,1500002,東京都渋谷区渋谷2-21-1,ヒカリエ10F,03-0000-0000\n"
              ",,,,\n"
              "鈴木 一郎,〒５３０－０００１,大阪府大阪市北区梅田1-1,,06-0000-0000\n")


def test_the_letter_says_what_happened_which_data_the_cause_and_the_window() -> None:
    notice = notice_for(CASE, SENDER, DAY)
    items = dict(notice.items)
    assert notice.title == "個人情報の漏えい等に関するお知らせとお詫び" and notice.date_text == "2026年12月7日"
    assert list(items) == ["1. 発生した事態", "2. 対象となった情報", "3. 原因", "4. 二次被害の有無", "5. 当社の対応",
                           "6. お問い合わせ窓口"]
    assert items["1. 発生した事態"].startswith(CAUSE_PHRASES["email_misdelivery"] + "により")
    assert "ことが、2026年12月1日に判明しました。" in items["1. 発生した事態"]  # the day found, not the day it happened
    assert items["2. 対象となった情報"] == "氏名、住所、クレジットカード番号"
    assert items["4. 二次被害の有無"] == SENDER.harm and items["6. お問い合わせ窓口"] == SENDER.contact
    other = items["5. 当社の対応"]
    assert other.startswith(SENDER.measures) and ADVICE_MONEY in other and ADVICE_REACHABLE in other
    assert ADVICE_CREDENTIALS not in other  # no password concerned


def test_the_letter_follows_the_facts() -> None:
    loss = notice_for(CASE | {"event": "loss", "cause": "loss_theft", "data": ["PERSON", "CREDENTIALS",
                                                                               "SENSITIVE:medical"]}, SENDER, DAY)
    items = dict(loss.items)
    assert loss.title == "個人情報の滅失等に関するお知らせとお詫び"
    assert CAUSE_PHRASES["loss_theft"] in items["3. 原因"] and "要配慮個人情報" in items["1. 発生した事態"]
    assert ADVICE_CREDENTIALS in items["5. 当社の対応"] and ADVICE_MONEY not in items["5. 当社の対応"]
    names_only = dict(notice_for(CASE | {"data": ["PERSON"]}, SENDER, DAY).items)
    assert names_only["5. 当社の対応"] == SENDER.measures  # nothing for the reader to do about a name alone


@pytest.mark.parametrize("field", ["company", "contact", "measures", "harm"])
def test_what_only_the_company_can_say_is_required(field: str) -> None:
    sender = Sender(**{**SENDER.__dict__, field: "  "})
    with pytest.raises(NoticeError):
        notice_for(CASE, sender, DAY)


def test_the_officer_summary_is_not_in_the_letter() -> None:
    notice = notice_for(CASE | {"summary": "顧客 田中様宛のメールを佐藤様へ送った"}, SENDER, DAY)
    text = notice.opening + "".join(t for _, t in notice.items) + notice.closing
    assert "田中" not in text and "佐藤" not in text


def test_people_in_utf8_and_shift_jis_with_japanese_headers() -> None:
    for data in (PEOPLE_CSV.encode("utf-8-sig"), PEOPLE_CSV.encode("utf-8"), PEOPLE_CSV.encode("cp932")):
        people = read_people(data)
        assert people == [Person("山田 花子", "150-0002", "東京都渋谷区渋谷2-21-1", "ヒカリエ10F"),
                          Person("鈴木 一郎", "530-0001", "大阪府大阪市北区梅田1-1")]
    english = read_people("name,postal_code,address,honorific,id\nACME Ltd,100-0001,Tokyo,御中,7\n".encode())
    assert english == [Person("ACME Ltd", "100-0001", "Tokyo", honorific="御中", id="7")]


@pytest.mark.parametrize(("data", "row", "words"), [
    (b"", 0, "空"),
    ("氏名,住所\n山田,東京\n".encode(), 1, "郵便番号"),
    ("氏名,郵便番号,住所\n山田,123,東京\n".encode(), 2, "7桁"),
    ("氏名,郵便番号,住所\n,1230001,東京\n".encode(), 2, "氏名"),
    ("氏名,郵便番号,住所\n".encode(), 0, "一人も"),
    ("氏名,名前,郵便番号,住所\n".encode(), 1, "二つ"),
])
def test_a_wrong_list_names_its_line(data: bytes, row: int, words: str) -> None:
    with pytest.raises(PeopleError) as e:
        read_people(data)
    assert e.value.row == row and words in e.value.message_ja


def test_one_letter_per_person_in_the_docx() -> None:
    people = read_people(PEOPLE_CSV.encode())
    notice = notice_for(CASE, SENDER, DAY)
    doc = Document(io.BytesIO(notice_docx(people, notice)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count(notice.title) == 2 and text.count("以上") == 2
    first, second = text.split(notice.title + "\n")[0], text.split("以上")[1]
    assert "〒150-0002\n東京都渋谷区渋谷2-21-1\nヒカリエ10F\n山田 花子 様" in first
    assert "〒530-0001\n大阪府大阪市北区梅田1-1\n鈴木 一郎 様" in second and "山田" not in second
    for heading, body in notice.items:
        assert text.count(heading) == 2 and text.count(body.split("\n")[0]) == 2
    assert "03-0000-0000" not in text  # columns the notice does not need are not copied
    breaks = [p for p in doc.paragraphs if 'w:br w:type="page"' in p._p.xml]
    assert len(breaks) == 1  # between the letters, not after the last
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_many_letters_are_made_at_once() -> None:
    people = [Person(f"見本 {i}", "100-0001", f"東京都千代田区千代田{i}") for i in range(2000)]
    doc = Document(io.BytesIO(notice_docx(people, notice_for(CASE, SENDER, DAY))))
    names = [p.text for p in doc.paragraphs if p.text.endswith(" 様")]
    assert names == [f"見本 {i} 様" for i in range(2000)]
    with pytest.raises(ValueError):
        notice_docx([people[0]] * (MAX_LETTERS + 1), notice_for(CASE, SENDER, DAY))


def test_the_csv_has_the_address_block_and_the_notice_fields() -> None:
    people = read_people(PEOPLE_CSV.encode())
    notice = notice_for(CASE, SENDER, DAY)
    data = people_csv([*people, Person('=HYPERLINK("x")', "100-0001", "東京")], notice)
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["氏名"] for r in rows] == ["山田 花子", "鈴木 一郎", "'=HYPERLINK(\"x\")"]  # never a formula
    assert rows[0]["郵便番号"] == "150-0002" and rows[0]["住所2"] == "ヒカリエ10F" and rows[0]["敬称"] == "様"
    assert rows[1]["件名"] == notice.title and rows[1]["通知日"] == "2026年12月7日"
    for heading, body in notice.items:
        assert rows[1][heading.partition(". ")[2]] == body
    assert rows[0]["差出人"] == "株式会社サンプル商事\n代表取締役 見本 太郎"
    assert "電話番号" not in rows[0]


def test_the_publication_counts_the_people_and_says_how_to_ask() -> None:
    text = publication_text(CASE | {"persons": 1500}, SENDER, DAY)
    assert "1,500人分" in text and "【お問い合わせ窓口】\n" + SENDER.contact in text
    assert "個別にご連絡" in text
    hard = publication_text(CASE | {"notification_difficult": True}, SENDER, DAY)
    assert "ご連絡先が分からない方" in hard and "個別にご連絡" not in hard
