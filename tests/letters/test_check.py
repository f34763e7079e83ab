"""The pure check on hand-made pages: each problem code, the hard-but-correct cases, what starts a letter."""

from __future__ import annotations

from mamori.letters.blocks import find_block
from mamori.letters.check import RunResult, check_run
from mamori.letters.model import Box, Line, Page
from mamori.letters.postal import Area
from mamori.letters.recipients import Entry

BOOK = {
    "1500002": (Area("東京都", "渋谷区", "渋谷"),),
    "1500043": (Area("東京都", "渋谷区", "道玄坂"),),
    "5300001": (Area("大阪府", "大阪市北区", "梅田"),),
    "1000005": (Area("東京都", "千代田区", "丸の内"),),
}


def postal(code: str) -> tuple[Area, ...]:
    return BOOK.get(code, ())


def line(text: str, left: float, top: float, size: float = 4.0) -> Line:
    return Line(text, Box(left, top, left + 0.9 * size * len(text), top + size))


def page(number: int, *lines: Line) -> Page:
    return Page(number, 210.0, 297.0, tuple(lines))


LETTERHEAD = (line("〒100-0005 東京都千代田区丸の内1-1-1", 125, 18), line("株式会社サンプル", 125, 23))
FOOTER = line("〒100-0005 東京都千代田区丸の内一丁目1番1号 株式会社サンプル TEL 03-0000-0000", 20, 280, 3)


def cover(n: int, code: str, address: list[str], name: str, *extra: Line, left: float = 25, top: float = 45) -> Page:
    block = [line(code, left, top)]
    y = top + 6
    for a in address:
        block.append(line(a, left, y))
        y += 5.5
    block.append(line(name, left + 6, y + 1, 5))
    body = [line("拝啓 時下ますますご清栄のこととお慶び申し上げます。", 20, 120), line("担当: 森 進", 20, 160)]
    return page(n, *LETTERHEAD, *block, *body, *extra, FOOTER)


def statement(n: int, *body: str) -> Page:
    return page(n, *LETTERHEAD, *(line(t, 20, 50 + 8 * i) for i, t in enumerate(body)), FOOTER)


YAMADA = Entry("C001", "山田 太郎", "150-0002", "東京都渋谷区渋谷1-2-3", "", 2)
HANAKO = Entry("C002", "山田 花子", "1500002", "東京都渋谷区渋谷1-2-3", "", 3)  # same address: a family
YAMADA_B = Entry("C003", "山田 次郎", "530-0001", "大阪府大阪市北区梅田123-4 サンハイツ201", "", 4)  # same surname
KOYO = Entry("C004", "株式会社光陽システムズ", "150-0043", "東京都渋谷区道玄坂2-10-12", "", 5)
SATO = Entry("C005", "佐藤 一郎", "150-0043", "東京都渋谷区道玄坂2-10-12 新大宗ビル3F", "北斗商事株式会社", 6)
ENTRIES = [YAMADA, HANAKO, YAMADA_B, KOYO, SATO]


def run(*pages: Page, entries: list[Entry] | None = None, window: Box | None = None) -> RunResult:
    return check_run(pages, ENTRIES if entries is None else entries, postal, window)


def codes(result: RunResult) -> list[list[str]]:
    return [[p.code for p in letter.problems] for letter in result.letters]


def all_correct() -> list[Page]:
    return [
        cover(1, "〒150-0002", ["東京都渋谷区渋谷一丁目2番3号"], "山田 太郎 様"),
        statement(2, "お客様番号: C001", "ご住所: 東京都渋谷区渋谷1-2-3", "お名前: 山田 太郎 様"),
        cover(3, "〒１５０－０００２", ["東京都渋谷区渋谷１－２－３"], "山田　花子　様"),
        cover(4, "530-0001", ["大阪府大阪市北区梅田123番地4", "サンハイツ 201号室"], "山田 次郎 様"),
        statement(5, "会員番号 C003", "山田 次郎 様の明細"),
        cover(6, "〒150-0043", ["東京都渋谷区道玄坂二丁目10番12号", "株式会社光陽システムズ"], "経理部 御中"),
        cover(7, "〒150-0043", ["渋谷区道玄坂2-10-12", "新大宗ビル 3階", "北斗商事株式会社", "営業部"], "佐藤 一郎 様"),
    ]


def test_a_correct_run_is_ok() -> None:
    result = run(*all_correct())
    assert codes(result) == [[]] * 5
    assert [letter.pages for letter in result.letters] == [(1, 2), (3,), (4, 5), (6,), (7,)]
    assert [letter.recipient for letter in result.letters] == ["C001", "C002", "C003", "C004", "C005"]
    assert result.ok and result.missing == ()


def test_issuer_postal_code_and_enclosure_address_start_no_letter() -> None:
    assert find_block(statement(1, "ご住所 〒150-0002 東京都渋谷区渋谷1-2-3", "お名前 山田 太郎 様")) is None
    assert find_block(page(1, *LETTERHEAD, FOOTER)) is None
    block = find_block(all_correct()[6])
    assert block is not None and block.name == "佐藤 一郎" and block.honorific == "様"
    assert block.org_lines == ("北斗商事株式会社", "営業部")


def test_name_mismatch_typo_and_other_person() -> None:
    typo = cover(1, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 太朗 様")
    other = cover(2, "〒530-0001", ["大阪府大阪市北区梅田123-4 サンハイツ201"], "鈴木 一郎 様")
    result = run(typo, other)
    assert codes(result) == [["name_mismatch"], ["name_mismatch"]]
    assert [letter.recipient for letter in result.letters] == ["C001", "C003"]
    assert "C001" not in result.missing


def test_a_company_with_a_longer_name_is_another_company() -> None:
    result = run(cover(1, "〒150-0043", ["東京都渋谷区道玄坂2-10-12", "株式会社光陽システムズ商会"], "経理部 御中"))
    assert codes(result) == [["name_mismatch"]]


def test_person_at_company_needs_the_company() -> None:
    result = run(cover(1, "〒150-0043", ["東京都渋谷区道玄坂2-10-12 新大宗ビル3F", "南星物産株式会社"], "佐藤 一郎 様"))
    assert codes(result) == [["name_mismatch"]]


def test_address_mismatch_other_address_or_postal_code_of_the_list() -> None:
    moved = cover(1, "〒150-0002", ["東京都渋谷区渋谷1-2-5"], "山田 太郎 様")
    result = run(moved)
    assert codes(result) == [["address_mismatch"]] and result.letters[0].recipient == "C001"
    # the code fits the address but is not the list's (the list has 150-0043 for the company)
    wrong_list_code = cover(1, "〒150-0002", ["東京都渋谷区道玄坂2-10-12"], "株式会社光陽システムズ 御中")
    book = dict(BOOK)
    BOOK["1500002"] = (Area("東京都", "渋谷区", "渋谷"), Area("東京都", "渋谷区", "道玄坂"))
    try:
        assert codes(run(wrong_list_code)) == [["address_mismatch"]]
    finally:
        BOOK.clear()
        BOOK.update(book)


def test_postal_code_mismatch() -> None:
    result = run(cover(1, "〒150-0043", ["東京都渋谷区渋谷1-2-3"], "山田 太郎 様"))
    assert codes(result) == [["postal_code_mismatch"]]
    unknown_code = run(cover(1, "〒999-9999", ["東京都渋谷区渋谷1-2-3"], "山田 太郎 様"))
    assert "Japan Post has no such code" in unknown_code.letters[0].problems[0].detail


def test_unknown_recipient_and_missing() -> None:
    result = run(cover(1, "〒150-0043", ["東京都渋谷区道玄坂1-1-1"], "田中 一郎 様"))
    assert codes(result) == [["unknown_recipient"]]
    assert result.letters[0].recipient is None
    assert set(result.missing) == {e.id for e in ENTRIES}


def test_foreign_page_by_id_or_full_name_not_by_surname_or_staff() -> None:
    pages = all_correct()
    pages[1] = statement(2, "お客様番号: C001", "証券番号：C003")  # another customer's number
    pages.insert(2, statement(3, "ご契約者 山田 次郎 様"))  # another customer's full name
    pages.append(statement(9, "顧客番号 C005", "山田様 田中様 担当 佐藤"))  # surnames and staff only
    result = run(*[Page(i + 1, p.width, p.height, p.lines) for i, p in enumerate(pages)])
    assert codes(result)[0] == ["foreign_page", "foreign_page"]
    assert [p.page for p in result.letters[0].problems] == [2, 3]
    assert codes(result)[4] == []


def test_foreign_page_number_on_the_next_line() -> None:
    pages = [all_correct()[0], statement(2, "お客様番号", "C002")]
    assert codes(run(*pages)) == [["foreign_page"]]


def test_a_name_inside_a_longer_name_is_not_that_name() -> None:
    entries = [*ENTRIES, Entry("C009", "林 誠", "1500002", "東京都渋谷区渋谷9-9-9", "", 9)]
    pages = [all_correct()[0], statement(2, "小林 誠様のご紹介", "林 誠一 様")]
    assert codes(run(*pages, entries=entries)) == [[]]


def test_duplicate_on_the_later_letter_only() -> None:
    first = all_correct()[0]
    again = cover(2, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 太郎 様")
    result = run(first, again)
    assert codes(result) == [[], ["duplicate_recipient"]]
    assert "letter 1" in result.letters[1].problems[0].detail


def test_outside_window() -> None:
    window = Box(20, 40, 115, 85)
    inside = cover(1, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 太郎 様")
    below = cover(2, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 花子 様", top=75)
    result = run(inside, below, window=window)
    assert codes(result) == [[], ["outside_window"]]
    assert codes(run(inside, below)) == [[], []]  # without a window nothing is checked for it


def test_unreadable_page_and_pages_before_the_first_letter() -> None:
    result = run(page(1), cover(2, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 太郎 様"), page(3))
    assert codes(result) == [["unreadable_page"], ["unreadable_page"]]
    assert result.letters[0].recipient is None and result.letters[1].pages == (2, 3)
    head = run(statement(1, "ご案内"), all_correct()[0])
    assert codes(head) == [["unknown_recipient"], []]


def test_honorific_set_apart_on_the_same_baseline() -> None:
    """Forms that print 様 at a fixed column (a separate line in the text layer) still make a block."""
    base = cover(1, "〒150-0002", ["東京都渋谷区渋谷1-2-3"], "山田 太郎")
    name = next(ln for ln in base.lines if ln.text == "山田 太郎")
    sama = Line("様", Box(95, name.box.top + 0.5, 100, name.box.bottom))
    result = run(Page(1, base.width, base.height, (*base.lines, sama)))
    assert codes(result) == [[]] and result.letters[0].recipient == "C001"
