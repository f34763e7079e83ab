"""Reasons are stored in the hold queue and shown in notices: a full name of the address book written in them is cut
to its surname and a mask, whether written 姓 名 or together as in a file name (成績表_田中■■.pdf)."""

from __future__ import annotations

from mamori.guard.checks import without_full_names
from mamori.guard.directory import parse_contacts

BOOK = parse_contacts(
    "name,kana,email,organization\n"
    "田中 心結,タナカ ミユ,miyu@mail.test,個人のお客様\n"
    "堀 直美,ホリ ナオミ,naomi@shop.example,あおい書房\n"
    "長谷川 一,ハセガワ ハジメ,hajime@mail.test,個人のお客様\n"
    "森田,モリタ,morita@mail.test,森田商店\n"
)


def test_a_full_name_written_together_is_masked():
    assert without_full_names(BOOK, "成績表_田中心結.pdf") == "成績表_田中■■.pdf"
    assert without_full_names(BOOK, "添付ファイル 見積書_堀直美様.xlsx は") == "添付ファイル 見積書_堀■■様.xlsx は"
    assert without_full_names(BOOK, "長谷川一さんの書類") == "長谷川■さんの書類"


def test_spaced_and_joined_names_in_one_text():
    text = "田中 心結様の書類（成績表_田中心結.pdf）と 堀直美様"
    assert without_full_names(BOOK, text) == "田中 ■■様の書類（成績表_田中■■.pdf）と 堀■■様"


def test_what_is_no_full_name_of_the_book_stays():
    assert without_full_names(BOOK, "成績表_田中.pdf") == "成績表_田中.pdf"  # a surname alone
    assert without_full_names(BOOK, "田中心美さん") == "田中心美さん"  # not the book's given name
    assert without_full_names(BOOK, "森田商店の請求書") == "森田商店の請求書"  # a one-part name is no full name
    assert without_full_names(BOOK, "report_tanaka.pdf") == "report_tanaka.pdf"
