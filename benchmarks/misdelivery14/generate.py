#!/usr/bin/env python3
"""misdelivery14: labelled outgoing mail of a 賃貸管理・不動産仲介 company for the 誤送信 checker.

Writes, beside this file: mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Content is deterministic (random.Random(SEED)); XLSX/DOCX/ZIP bytes, MIME boundaries and Message-IDs are not.
Needs openpyxl, python-docx, reportlab (the project venv), the IPAex Gothic font and `zip`.

    /work/main/.venv/bin/python generate.py
"""

# Japanese templates and data rows are long (East Asian wide characters count double):
# ruff: noqa: E501

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import random
import shutil
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

SEED = 14014
OUT = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
JST = dt.timezone(dt.timedelta(hours=9))
R = random.Random(SEED)

ORG_NAME = "株式会社ことぶき住環境"
ORG_SHORT = "ことぶき住環境"
ORG_DOMAIN = "kotobuki-jk.example"
ORG_TEL = "045-531-2280"
ORG_ADDR = "神奈川県横浜市港北区日吉本町二丁目14番7号"

# ------------------------------------------------------------------ name pools (own)
SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("田中", "タナカ", "tanaka"), ("佐々木", "ササキ", "sasaki"), ("山口", "ヤマグチ", "yamaguchi"),
    ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"), ("清水", "シミズ", "shimizu"), ("山崎", "ヤマザキ", "yamazaki"), ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"), ("阿部", "アベ", "abe"), ("石川", "イシカワ", "ishikawa"),
    ("山下", "ヤマシタ", "yamashita"), ("中島", "ナカジマ", "nakajima"), ("石井", "イシイ", "ishii"), ("小川", "オガワ", "ogawa"),
    ("前田", "マエダ", "maeda"), ("岡田", "オカダ", "okada"), ("長谷川", "ハセガワ", "hasegawa"), ("藤田", "フジタ", "fujita"),
    ("後藤", "ゴトウ", "goto"), ("近藤", "コンドウ", "kondo"), ("村上", "ムラカミ", "murakami"), ("遠藤", "エンドウ", "endo"),
    ("青木", "アオキ", "aoki"), ("坂本", "サカモト", "sakamoto"), ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"),
    ("西村", "ニシムラ", "nishimura"), ("藤井", "フジイ", "fujii"), ("岡本", "オカモト", "okamoto"), ("松田", "マツダ", "matsuda"),
    ("中川", "ナカガワ", "nakagawa"), ("原田", "ハラダ", "harada"), ("小野", "オノ", "ono"), ("竹内", "タケウチ", "takeuchi"),
    ("金子", "カネコ", "kaneko"), ("和田", "ワダ", "wada"), ("中野", "ナカノ", "nakano"), ("田村", "タムラ", "tamura"),
    ("上田", "ウエダ", "ueda"), ("安藤", "アンドウ", "ando"), ("宮崎", "ミヤザキ", "miyazaki"), ("酒井", "サカイ", "sakai"),
    ("工藤", "クドウ", "kudo"), ("横山", "ヨコヤマ", "yokoyama"), ("宮本", "ミヤモト", "miyamoto"), ("内田", "ウチダ", "uchida"),
    ("高木", "タカギ", "takagi"), ("丸山", "マルヤマ", "maruyama"), ("今井", "イマイ", "imai"), ("大野", "オオノ", "ono"),
    ("野口", "ノグチ", "noguchi"), ("菅原", "スガワラ", "sugawara"), ("千葉", "チバ", "chiba"), ("久保", "クボ", "kubo"),
    ("松井", "マツイ", "matsui"), ("杉山", "スギヤマ", "sugiyama"), ("桑原", "クワハラ", "kuwahara"), ("平野", "ヒラノ", "hirano"),
]
COMMON = ["佐藤", "田中", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"]
SUR = {s[0]: s for s in SURNAMES}
GIVEN = [
    ("健太", "ケンタ", "kenta"), ("大輔", "ダイスケ", "daisuke"), ("翔太", "ショウタ", "shota"), ("拓也", "タクヤ", "takuya"),
    ("直樹", "ナオキ", "naoki"), ("浩二", "コウジ", "koji"), ("誠", "マコト", "makoto"), ("隆", "タカシ", "takashi"),
    ("和也", "カズヤ", "kazuya"), ("亮", "リョウ", "ryo"), ("悠斗", "ユウト", "yuto"), ("蓮", "レン", "ren"),
    ("修", "オサム", "osamu"), ("正樹", "マサキ", "masaki"), ("康弘", "ヤスヒロ", "yasuhiro"), ("哲也", "テツヤ", "tetsuya"),
    ("裕介", "ユウスケ", "yusuke"), ("英樹", "ヒデキ", "hideki"), ("光男", "ミツオ", "mitsuo"), ("勝", "マサル", "masaru"),
    ("美咲", "ミサキ", "misaki"), ("由美", "ユミ", "yumi"), ("恵子", "ケイコ", "keiko"), ("陽子", "ヨウコ", "yoko"),
    ("真由美", "マユミ", "mayumi"), ("彩", "アヤ", "aya"), ("千尋", "チヒロ", "chihiro"), ("奈々", "ナナ", "nana"),
    ("さくら", "サクラ", "sakura"), ("智子", "トモコ", "tomoko"), ("久美子", "クミコ", "kumiko"), ("明美", "アケミ", "akemi"),
    ("舞", "マイ", "mai"), ("結衣", "ユイ", "yui"), ("香織", "カオリ", "kaori"), ("典子", "ノリコ", "noriko"),
    ("和子", "カズコ", "kazuko"), ("麻衣", "マイ", "mai"), ("沙織", "サオリ", "saori"), ("静香", "シズカ", "shizuka"),
]
FOREIGN = [("グエン", "ヴァン アン", "NGUYEN VAN AN", "ベトナム"), ("チャン", "ティ ホア", "TRAN THI HOA", "ベトナム"),
           ("王", "麗", "WANG LI", "中国"), ("リー", "ミンジュン", "LEE MINJUN", "韓国"),
           ("サントス", "マリア", "SANTOS MARIA", "フィリピン"), ("シャルマ", "ラフル", "SHARMA RAHUL", "インド")]
FREE = ["hikarimail.example", "mymail.test", "postbox.example.com", "webmail-jp.example"]
CARRIER = ["i-keitai.example", "ez-mobile.test", "sbmobile.example.com"]
BANKS = [("横浜中央銀行", ["日吉支店", "綱島支店", "本店営業部"]), ("みなと信用金庫", ["菊名支店", "大倉山支店"]),
         ("東日本ネット銀行", ["さくら支店", "ひまわり支店"]), ("湘南銀行", ["武蔵小杉支店", "元住吉支店"])]
EMPLOYERS = ["株式会社北斗電機", "横浜港運株式会社", "みなと総合病院", "株式会社グリーンフーズ", "川崎市立中原小学校",
             "株式会社ネクストソリューションズ", "有限会社丸和運送", "株式会社湘南ベーカリー", "東邦精密工業株式会社",
             "株式会社アークデザイン", "医療法人 こばと会", "株式会社サンライズ物流", "自営業（飲食店）", "株式会社タカラ建設"]

CITIES = [("神奈川県横浜市港北区", ["日吉", "日吉本町", "箕輪町", "大倉山", "綱島西", "菊名", "妙蓮寺", "篠原町", "新吉田町"]),
          ("神奈川県川崎市中原区", ["新丸子町", "木月", "井田", "小杉町", "今井南町", "上小田中"]),
          ("神奈川県横浜市神奈川区", ["白楽", "六角橋", "西神奈川", "松見町"]),
          ("東京都大田区", ["田園調布", "鵜の木", "下丸子"]),
          ("神奈川県川崎市宮前区", ["鷺沼", "有馬", "宮崎"]),
          ("東京都世田谷区", ["奥沢", "玉川", "等々力"])]
KANJI_NUM = "〇一二三四五六七"


def romaji(x: str) -> str:
    return "".join(c for c in x.lower() if c.isascii() and c.isalnum())


def pick_sur(common_p: float = 0.4) -> tuple[str, str, str]:
    return SUR[R.choice(COMMON)] if R.random() < common_p else R.choice(SURNAMES)


def street(city_i: int | None = None) -> tuple[str, str]:
    city, towns = CITIES[city_i if city_i is not None else R.randrange(len(CITIES))]
    zc = f"{R.choice(['223', '222', '211', '221', '216', '145', '158'])}-{R.randint(0, 9999):04d}"
    return zc, f"{city}{R.choice(towns)}{KANJI_NUM[R.randint(1, 6)]}丁目{R.randint(1, 30)}番{R.randint(1, 25)}号"


def mobile() -> str:
    return f"0{R.choice([7, 8, 9])}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def landline() -> str:
    return R.choice([f"045-{R.randint(400, 999)}-{R.randint(1000, 9999)}", f"044-{R.randint(400, 999)}-{R.randint(1000, 9999)}",
                     f"03-{R.randint(3000, 6999)}-{R.randint(1000, 9999)}"])


def birth(lo: int = 1950, hi: int = 2003) -> dt.date:
    return dt.date(R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28))


def wareki(d: dt.date) -> str:
    if d.year >= 2019:
        return f"令和{d.year - 2018}年{d.month}月{d.day}日"
    if d.year >= 1989:
        return f"平成{d.year - 1988}年{d.month}月{d.day}日"
    return f"昭和{d.year - 1925}年{d.month}月{d.day}日"


def my_number() -> str:
    """A 12-digit number with a valid 個人番号 check digit (invented)."""
    base = [R.randint(0, 9) for _ in range(11)]
    s = 0
    for n in range(1, 12):
        p = base[11 - n]
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    cd = 0 if r <= 1 else 11 - r
    d = "".join(map(str, base)) + str(cd)
    return f"{d[:4]} {d[4:8]} {d[8:]}"


def account() -> tuple[str, str, str]:
    bank, branches = R.choice(BANKS)
    return bank, R.choice(branches), f"{R.randint(1000000, 9999999)}"


# ------------------------------------------------------------------ world
@dataclass(eq=False)
class Org:
    name: str
    short: str
    domain: str
    kind: str
    people: list = field(default_factory=list)


@dataclass(eq=False)
class Pn:
    last: str
    first: str
    lk: str
    fk: str
    lr: str
    fr: str
    email: str = ""
    orgname: str = ""
    kind: str = ""          # owner, tenant, family, guarantor, applicant, staff, riji, internal
    org: Org | None = None
    dept: str = ""
    bld: object = None
    room: str = ""
    of: object = None       # tenant of a family member / guarantor; broker of an applicant
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"

    @property
    def kana(self) -> str:
        return f"{self.lk} {self.fk}"


@dataclass(eq=False)
class Bld:
    name: str
    zip: str
    addr: str
    owner: Pn
    rooms: list = field(default_factory=list)
    tenants: list = field(default_factory=list)
    managers: list = field(default_factory=list)
    guarantor: Org | None = None

    @property
    def owner_label(self) -> str:
        return self.owner.org.name if self.owner.org else f"{self.owner.name}"


PEOPLE: list[Pn] = []
EMAILS: set[str] = set()


def person(sur=None, giv=None, common_p=0.4) -> Pn:
    s = sur or pick_sur(common_p)
    g = giv or R.choice(GIVEN)
    return Pn(s[0], g[0], s[1], g[1], romaji(s[2]), romaji(g[2]))


def uniq(lp: str, dom: str) -> str:
    base, n = lp, 1
    while f"{lp}@{dom}" in EMAILS:
        n += 1
        lp = f"{base}{n}"
    EMAILS.add(f"{lp}@{dom}")
    return f"{lp}@{dom}"


def private_mail(p: Pn, carrier_p: float = 0.4) -> str:
    dom = R.choice(CARRIER) if R.random() < carrier_p else R.choice(FREE)
    lp = R.choice([f"{p.fr}.{p.lr}{R.randint(1, 99)}", f"{p.lr}{p.fr[0]}{R.randint(60, 99)}", f"{p.fr}-{p.lr}",
                   f"{p.lr}.{p.fr}", f"{p.fr}{R.randint(100, 999)}"])
    return uniq(lp, dom)


def add(p: Pn) -> Pn:
    PEOPLE.append(p)
    if p.org:
        p.org.people.append(p)
    return p


def staff(org: Org, fmt: str, dept: str, p: Pn | None = None, lp: str | None = None) -> Pn:
    p = p or person()
    lp = lp or {"f.last": f"{p.fr[0]}.{p.lr}", "last": p.lr, "last.first": f"{p.lr}.{p.fr}", "first_last": f"{p.fr}_{p.lr}",
                "lastf": f"{p.lr}{p.fr[0]}"}[fmt]
    p.email, p.orgname, p.kind, p.org, p.dept = uniq(lp, org.domain), org.name, "staff", org, dept
    return add(p)


ORGS: dict[str, Org] = {}


def org(key: str, name: str, short: str, domain: str, kind: str) -> Org:
    o = Org(name, short, domain, kind)
    ORGS[key] = o
    return o


GUAR = [org("g1", "日本賃貸保証株式会社", "日本賃貸保証", "nihon-chintai-hosho.example", "guarantor"),
        org("g2", "株式会社ライフ保証", "ライフ保証", "life-hosho.test", "guarantor"),
        org("g3", "全国家賃サポート株式会社", "全国家賃サポート", "yachin-support.example", "guarantor"),
        org("g4", "株式会社あんしんレントガード", "あんしんレントガード", "anshin-rentguard.example.com", "guarantor")]
BROKERS = [org("b1", "株式会社ハウスネクスト", "ハウスネクスト", "housenext.example", "broker"),
           org("b2", "駅前不動産有限会社", "駅前不動産", "ekimae-fudosan.test", "broker"),
           org("b3", "株式会社スマイル住宅", "スマイル住宅", "smile-jutaku.example", "broker"),
           org("b4", "株式会社みらいホーム", "みらいホーム", "mirai-home.example", "broker"),
           org("b5", "日吉ホームズ株式会社", "日吉ホームズ", "hiyoshi-homes.example.com", "broker")]
VENDORS = [org("v1", "株式会社東和設備", "東和設備", "towa-setsubi.example", "repair"),
           org("v2", "有限会社クリーンワークス", "クリーンワークス", "cleanworks.test", "cleaning"),
           org("v3", "株式会社内装ファクトリー", "内装ファクトリー", "naiso-factory.example", "repair"),
           org("v4", "株式会社キーパートナーズ", "キーパートナーズ", "key-partners.example", "key"),
           org("v5", "株式会社はこびや引越センター", "はこびや引越センター", "hakobiya.example", "moving"),
           org("v6", "株式会社セーフティ保険サービス", "セーフティ保険サービス", "safety-hoken.test", "insurance"),
           org("v7", "みなと司法書士事務所", "みなと司法書士事務所", "minato-shiho.example", "scrivener"),
           org("v8", "青山税理士法人", "青山税理士法人", "aoyama-tax.example", "tax")]
CORP_OWNERS = [org("c1", "株式会社丸栄アセット", "丸栄アセット", "maruei-asset.example", "owner_corp"),
               org("c2", "有限会社ミドリ興産", "ミドリ興産", "midori-kosan.test", "owner_corp"),
               org("c3", "合同会社ひかりエステート", "ひかりエステート", "hikari-estate.example", "owner_corp")]
KUMIAI = org("k1", "グランフォレスト東町管理組合", "グランフォレスト東町管理組合", "", "kumiai")

FMT = {}
for o in GUAR + BROKERS + VENDORS + CORP_OWNERS:
    FMT[o] = R.choice(["f.last", "last", "last.first", "first_last", "lastf"])
    n = {"guarantor": R.randint(4, 6), "broker": R.randint(3, 5), "owner_corp": 2}.get(o.kind, R.randint(2, 4))
    depts = {"guarantor": ["審査部", "審査部", "債権管理部", "営業部"], "broker": ["賃貸営業部", "店舗営業", "賃貸仲介課"],
             "owner_corp": ["資産管理部", "総務部"], "tax": ["監査部", "資産税チーム"], "scrivener": ["登記担当"],
             "insurance": ["損害保険課", "営業課"], "moving": ["営業部", "法人営業課"],
             "cleaning": ["業務課", "清掃管理課"]}.get(o.kind, ["業務部", "工事課", "営業部"])
    for _ in range(n):
        staff(o, FMT[o], R.choice(depts))
# planted same surnames / same local parts across guarantor companies and brokers
for a, b, sur in [(GUAR[0], GUAR[1], "佐藤"), (GUAR[1], GUAR[2], "田中"), (GUAR[2], GUAR[3], "山口"), (GUAR[0], GUAR[3], "木村"),
                  (BROKERS[0], BROKERS[2], "井上"), (BROKERS[1], BROKERS[3], "斎藤"), (GUAR[0], GUAR[2], "清水")]:
    g = R.choice(GIVEN)
    pa = staff(a, FMT[a], "審査部" if a.kind == "guarantor" else "賃貸営業部", person(SUR[sur], g))
    g2 = g if R.random() < 0.5 else R.choice(GIVEN)
    lp = pa.email.split("@")[0] if R.random() < 0.6 else None
    staff(b, FMT[b], "審査部" if b.kind == "guarantor" else "賃貸営業部", person(SUR[sur], g2), lp=lp)

BLD_NAMES = ["メゾン桜台", "メゾン桜台弐番館", "コーポ若竹", "ハイツ緑町", "ハイツ緑ヶ丘", "パークサイド日吉", "レジデンス元住吉",
             "サンライズ菊名", "アーバンコート新丸子", "ヴィラ大倉山", "ソレイユ綱島", "エスポワール武蔵小杉", "カーサ妙蓮寺",
             "フォレストヒルズ鷺沼", "ルミエール白楽"]
BLDS: list[Bld] = []
OWNERS: list[Pn] = []
# 11 individual owners (one owns two buildings), corporate owners take the rest
ind_owners = []
for _ in range(11):
    p = person(common_p=0.5)
    p.kind = "owner"
    ind_owners.append(p)
owner_for = [*ind_owners[:11], ind_owners[3], CORP_OWNERS[0].people[0], CORP_OWNERS[1].people[0], CORP_OWNERS[0].people[1]]
R.shuffle(BLD_NAMES)
for nm, ow in zip(BLD_NAMES, owner_for, strict=False):
    ci = R.randrange(len(CITIES))
    zc, ad = street(ci)
    b = Bld(nm, zc, ad, ow)
    floors = R.randint(2, 3)
    per = R.randint(2, 4)
    b.rooms = [f"{f}{r:02d}" for f in range(1, floors + 1) for r in range(1, per + 1)]
    b.guarantor = R.choice(GUAR)
    BLDS.append(b)
for p in ind_owners:
    mine = [b for b in BLDS if b.owner is p]
    p.bld = mine[0]
    p.orgname = "個人（" + "・".join(b.name for b in mine) + " オーナー）"
    p.email = private_mail(p, 0.5)
    zc, ad = street()
    p.extra.update(zip=zc, addr=ad, bank=account(), mynumber=my_number(), phone=mobile())
    add(p)
    OWNERS.append(p)
for o in CORP_OWNERS[:2]:
    for p in o.people:
        p.extra.update(bank=account())
        OWNERS.append(p)


def add_tenant(b: Bld, room: str, p: Pn) -> Pn:
    p.kind, p.bld, p.room = "tenant", b, room
    p.orgname = f"個人（{b.name} {room}号室 入居者）"
    p.email = private_mail(p)
    p.extra.update(phone=mobile(), birth=birth(1955, 2004), employer=R.choice(EMPLOYERS), since=dt.date(R.randint(2016, 2026), R.randint(1, 12), 1),
                   rent=R.choice([58000, 62000, 65000, 68000, 72000, 76000, 84000, 91000, 98000]))
    b.tenants.append(p)
    return add(p)


for b in BLDS:
    for room in b.rooms:
        if R.random() < 0.85:
            add_tenant(b, room, person())
# planted: same full name tenants in other buildings (twins), and owners' surnames among tenants
TENANTS = [p for p in PEOPLE if p.kind == "tenant"]
for t in R.sample([t for t in TENANTS if t.last in COMMON], 4):
    b = R.choice([x for x in BLDS if x is not t.bld])
    free = [r for r in b.rooms if not any(q.room == r for q in b.tenants)]
    if free:
        add_tenant(b, free[0], person(SUR[t.last], next(g for g in GIVEN if g[0] == t.first)))
for ow in ind_owners[:7]:
    b = R.choice([x for x in BLDS if x.owner is not ow])
    free = [r for r in b.rooms if not any(q.room == r for q in b.tenants)]
    if free:
        add_tenant(b, free[0], person(SUR[ow.last]))
TENANTS = [p for p in PEOPLE if p.kind == "tenant"]
# family members and 連帯保証人 (some share the tenant's given-name initial)
FAMILY, GUARANTORS = [], []
for t in R.sample(TENANTS, 16):
    f = person(SUR[t.last])
    f.kind, f.of, f.bld, f.room = "family", t, t.bld, t.room
    rel = R.choice(["配偶者", "父", "母", "姉", "兄"])
    f.orgname = f"個人（{t.bld.name} {t.room}号室 {t.name}様 ご家族）"
    f.extra["rel"] = rel
    f.email = private_mail(f)
    FAMILY.append(add(f))
for t in R.sample(TENANTS, 14):
    g = person(SUR[t.last]) if R.random() < 0.7 else person()
    g.kind, g.of = "guarantor", t
    g.orgname = f"個人（連帯保証人：{t.bld.name} {t.room}号室 {t.name}様）"
    g.email = private_mail(g, 0.6)
    zc, ad = street()
    g.extra.update(zip=zc, addr=ad, phone=mobile(), rel=R.choice(["父", "母", "兄", "叔父", "姉"]))
    t.extra["guarantor"] = g
    GUARANTORS.append(add(g))
# 管理組合 理事 (private mail), 入居希望者
for role in ["理事長", "副理事長", "会計担当理事"]:
    p = person()
    p.kind, p.org, p.orgname, p.dept = "riji", KUMIAI, KUMIAI.name, role
    p.email = private_mail(p, 0.3)
    add(p)
APPLICANTS = []
for i in range(14):
    p = person(common_p=0.55)
    if i in (2, 7, 11):
        f = FOREIGN[i % len(FOREIGN)]
        p = Pn(f[0], f[1].replace(" ", ""), f[0], f[1].replace(" ", ""), romaji(f[2].split()[0]), romaji("".join(f[2].split()[1:])))
        p.extra["foreign"] = f
    p.kind, p.orgname = "applicant", "個人（入居希望者）"
    p.email = private_mail(p)
    p.extra.update(birth=birth(1960, 2005), phone=mobile(), employer=R.choice(EMPLOYERS), income=R.choice(range(260, 820, 20)),
                   years=R.randint(1, 22), zip_addr=street())
    p.bld = R.choice(BLDS)
    p.room = R.choice(p.bld.rooms)
    p.of = R.choice(BROKERS)
    APPLICANTS.append(add(p))

# internal staff
INTERNAL_DEPTS = (["賃貸管理部"] * 6 + ["仲介営業部"] * 4 + ["建物管理・修繕課"] * 3 + ["経理部"] * 2 + ["入居審査課"] * 3)
SENDERS: list[Pn] = []
for d in INTERNAL_DEPTS:
    p = person(common_p=0.3)
    p.kind, p.dept, p.orgname = "internal", d, ORG_NAME
    p.email = uniq(f"{p.fr[0]}.{p.lr}", ORG_DOMAIN)
    p.extra["acc"] = []
    SENDERS.append(p)
if not any(s.last == "佐藤" for s in SENDERS):
    s = SENDERS[1]
    s.last, s.lk, s.lr = "佐藤", "サトウ", "sato"
    EMAILS.discard(s.email)
    s.email = uniq(f"{s.fr[0]}.sato", ORG_DOMAIN)
BY_DEPT = defaultdict(list)
for s in SENDERS:
    BY_DEPT[s.dept].append(s)
KANRI, CHUKAI, SHUZEN, KEIRI, SHINSA = (BY_DEPT[d] for d in ["賃貸管理部", "仲介営業部", "建物管理・修繕課", "経理部", "入居審査課"])
for i, b in enumerate(BLDS):
    m = KANRI[i % len(KANRI)]
    b.managers.append(m)
    m.extra["acc"] += [b.owner, *b.tenants]
for f in FAMILY + GUARANTORS:
    t = f.of
    if R.random() < 0.6:
        t.bld.managers[0].extra["acc"].append(f)
for i, s in enumerate(KANRI):
    s.extra["acc"] += [*GUAR[i % 4].people, R.choice(VENDORS[:4]).people[0]]
for i, s in enumerate(CHUKAI):
    s.extra["acc"] += BROKERS[i % 5].people + BROKERS[(i + 2) % 5].people + R.choice(GUAR).people
    s.extra["acc"] += [a for a in APPLICANTS if a.of in (BROKERS[i % 5], BROKERS[(i + 2) % 5])]
for i, s in enumerate(SHUZEN):
    s.extra["acc"] += [p for o in VENDORS[:5] for p in o.people] + KUMIAI.people + R.sample(TENANTS, 12)
    s.extra["acc"] += [b.owner for b in BLDS[i::3]]
for s in KEIRI:
    s.extra["acc"] += OWNERS + VENDORS[7].people + VENDORS[5].people + [p for o in CORP_OWNERS for p in o.people]
for i, s in enumerate(SHINSA):
    s.extra["acc"] += [p for o in GUAR for p in o.people] + BROKERS[i].people + R.sample(APPLICANTS, 5)
# never-mailed contacts (first mail to a known organisation)
NEVER = set()
for o in GUAR + BROKERS + VENDORS[:4]:
    if len(o.people) >= 4:
        NEVER.add(o.people[-1].email if R.random() < 0.5 else o.people[-2].email)
for a in R.sample(APPLICANTS, 5):
    NEVER.add(a.email)
for s in SENDERS:
    s.extra["acc"] = [p for p in dict.fromkeys(s.extra["acc"]) if p.email not in NEVER]

# ------------------------------------------------------------------ history
H_SUBJ = {
    "owner": ["【{b}】{m}月度 管理状況のご報告", "{m}月分 送金明細のご送付", "【{b}】空室のご報告と募集条件のご相談", "Re: 【{b}】更新手続きについて",
              "【{b}】共用部修繕のお見積り", "{b} 退去立会いのご報告", "RE: 入居申込のご報告（{b}）"],
    "tenant": ["【{b}】契約更新のご案内", "Re: 給湯器の不具合について", "【{b}】点検日程のお知らせ", "ご入金確認のご連絡",
               "Re: 駐輪場の件", "退去のお手続きについて", "【{b}】騒音に関するお願い"],
    "family": ["【{b}】ご契約者様の件", "Re: 更新書類のご送付先について"],
    "guarantor": ["連帯保証人様へのご連絡（{b}）", "Re: 保証意思確認の件"],
    "applicant": ["入居申込書類のご案内", "Re: 内見のご予約", "審査書類のご提出について", "ご契約手続きのご案内"],
    "staff": ["【{b}】入居申込の審査依頼", "Re: 審査状況のご確認", "{b} 募集図面送付の件", "【修繕依頼】{b}", "Re: 作業報告書（{b}）",
              "{m}月分ご請求書", "代位弁済請求の件", "Re: 空室確認のお問い合わせ", "見積依頼（{b}）", "定期清掃報告書（{m}月）"],
    "riji": ["理事会資料（{m}月）", "Re: 大規模修繕の件", "管理報告書のご送付"],
    "internal": ["週次ミーティング資料", "【共有】{b} 申込状況", "Re: 滞納状況の確認", "{m}月 送金処理の件", "修繕予算の確認", "内見対応の引き継ぎ"],
}
HIST_START = dt.datetime(2025, 12, 1, tzinfo=JST)


def rand_time(start: dt.datetime, days: int) -> dt.datetime:
    while True:
        d = start + dt.timedelta(days=R.randrange(days))
        if d.weekday() < 6:
            break
    return d.replace(hour=R.choice([9, 9, 10, 10, 11, 11, 13, 14, 15, 16, 17, 18]), minute=R.randrange(60), second=R.randrange(60))


def bname(p: Pn) -> str:
    b = p.bld if p.bld else R.choice(BLDS)
    return b.name


def history() -> list[dict]:
    rows = []
    w = [2.5 if s.dept in ("賃貸管理部", "仲介営業部") else 1.5 for s in SENDERS]
    while len(rows) < 3000:
        s = R.choices(SENDERS, w)[0]
        when = rand_time(HIST_START, 365)
        x = R.random()
        cc: list[str] = []
        if x < 0.84 and s.extra["acc"]:
            p = R.choice(s.extra["acc"])
            to = [p.email]
            if p.org and R.random() < 0.25:
                more = [q for q in p.org.people if q is not p and q.email not in NEVER]
                if more:
                    cc.append(R.choice(more).email)
            if p.kind == "tenant" and R.random() < 0.2:
                rel = [q for q in FAMILY + GUARANTORS if q.of is p]
                if rel:
                    cc.append(rel[0].email)
            if R.random() < 0.2:
                cc.append(R.choice([o for o in SENDERS if o is not s]).email)
            subj = R.choice(H_SUBJ[p.kind]).format(b=bname(p), m=when.month)
        elif x < 0.96:
            to = [o.email for o in R.sample([o for o in SENDERS if o is not s], R.choice([1, 1, 2]))]
            subj = R.choice(H_SUBJ["internal"]).format(b=R.choice(BLDS).name, m=when.month)
        else:
            p = R.choice([q for q in PEOPLE if q.email not in NEVER and q.kind in ("staff", "owner")])
            to = [p.email]
            subj = R.choice(H_SUBJ[p.kind]).format(b=bname(p), m=when.month)
        to = list(dict.fromkeys(to))
        cc = [c for c in dict.fromkeys(cc) if c not in to]
        rows.append({"date": when.isoformat(), "from": s.email, "to": to, "cc": cc, "subject": subj})
    rows.sort(key=lambda r: r["date"])
    return rows


HIST = history()
SENT: dict[str, set] = defaultdict(set)
for r in HIST:
    for a in r["to"] + r["cc"]:
        SENT[r["from"]].add(a)


def known(s: Pn, p: Pn) -> bool:
    return p.email in SENT[s.email]


# ------------------------------------------------------------------ documents
def _font() -> None:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    rl_config.invariant = 1
    try:
        pdfmetrics.getFont("IPAexG")
    except KeyError:
        pdfmetrics.registerFont(TTFont("IPAexG", FONT))


def pdf(lines: list[str], title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle(title)
    c.setAuthor(ORG_SHORT)
    y = 800
    c.setFont("IPAexG", 15)
    c.drawString(60, y, title)
    y -= 30
    for ln in lines:
        c.setFont("IPAexG", 10)
        c.drawString(60, y, ln)
        y -= 16
        if y < 50:
            c.showPage()
            y = 800
    c.showPage()
    c.save()
    return buf.getvalue()


def xlsx(sheets: list[tuple[str, list[list]]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = ORG_SHORT
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(title: str, paras: list[str], table: list[list] | None = None) -> bytes:
    import docx as _d

    d = _d.Document()
    d.add_heading(title, level=1)
    for p in paras:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def csvb(rows: list[list], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    try:
        return s.getvalue().encode(enc)
    except UnicodeEncodeError:
        return s.getvalue().encode("utf-8-sig")


def zipb(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files:
            z.writestr(zipfile.ZipInfo(n, (2026, 12, 1, 9, 0, 0)), b)
            z.infolist()[-1].flag_bits |= 0x800
    return buf.getvalue()


def yen(n: int) -> str:
    return f"{n:,}"


CT = {"pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "csv": "text/csv",
      "zip": "application/zip"}


def att(fn: str, data: bytes) -> tuple[str, bytes, str]:
    return fn, data, CT[fn.rsplit(".", 1)[-1]]


def application(a: Pn, g: Org, when: dt.datetime, fmt: str) -> tuple[str, bytes]:
    """入居申込書 of applicant a for a.bld/a.room, screened by guarantor company g."""
    b = a.bld
    zc, ad = a.extra["zip_addr"]
    rows = [("申込物件", f"{b.name} {a.room}号室（{b.addr}）"), ("申込日", f"{when:%Y年%m月%d日}"),
            ("申込者氏名", a.name), ("フリガナ", a.kana), ("生年月日", f"{a.extra['birth']:%Y年%m月%d日}"),
            ("現住所", f"〒{zc} {ad}"), ("携帯電話", a.extra["phone"]), ("メール", a.email),
            ("勤務先", a.extra["employer"]), ("勤続年数", f"{a.extra['years']}年"), ("年収（税込）", f"{a.extra['income']}万円"),
            ("入居予定人数", f"{R.randint(1, 3)}名"), ("緊急連絡先", f"{a.last} {R.choice(GIVEN)[0]}（{R.choice(['父', '母', '兄', '姉'])}） {mobile()}"),
            ("保証会社", g.name), ("仲介業者", a.of.name), ("管理会社", ORG_NAME)]
    base = f"入居申込書_{b.name}{a.room}_{a.last}{a.first}"
    if fmt == "pdf":
        return base + ".pdf", pdf([f"{k}：{v}" for k, v in rows], "入居申込書")
    if fmt == "xlsx":
        return base + ".xlsx", xlsx([("入居申込書", [["項目", "内容"]] + [list(r) for r in rows])])
    return base + ".docx", docx("入居申込書", [f"{ORG_NAME} 御中"], [["項目", "内容"]] + [list(r) for r in rows])


def id_copy(a: Pn) -> tuple[str, bytes]:
    _zc, ad = a.extra["zip_addr"]
    if "foreign" in a.extra:
        f = a.extra["foreign"]
        lines = [f"氏名：{f[2]}", f"生年月日：{a.extra['birth']:%Y年%m月%d日}", f"国籍・地域：{f[3]}", f"住居地：{ad}",
                 f"在留資格：{R.choice(['技術・人文知識・国際業務', '永住者', '留学', '特定技能1号'])}",
                 f"在留カード番号：{R.choice('ABCDEFGHJK')}{R.choice('LMNPQRSTUV')}{R.randint(10000000, 99999999)}{R.choice('ABCDEF')}{R.choice('GHJKLM')}",
                 f"在留期間（満了日）：{R.randint(2027, 2030)}年{R.randint(1, 12)}月{R.randint(1, 28)}日",
                 f"（申込者 {a.name} 様 提出書類）"]
        return f"在留カード写し_{a.last}様.pdf", pdf(lines, "在留カード（写し）")
    lines = [f"氏名：{a.name}", f"生年月日：{wareki(a.extra['birth'])}生", f"住所：{ad}",
             f"交付：令和{R.randint(3, 8)}年{R.randint(1, 12)}月{R.randint(1, 28)}日", f"番号：第{R.randint(10**11, 10**12 - 1)}号",
             "神奈川県公安委員会", f"（申込者 {a.name} 様 提出書類）"]
    return f"運転免許証写し_{a.last}{a.first}.pdf", pdf(lines, "運転免許証（写し）")


def juminhyo(a: Pn) -> tuple[str, bytes]:
    _zc, ad = a.extra["zip_addr"]
    lines = [f"住所：{ad}", f"世帯主：{a.name}", f"氏名：{a.name}（{a.kana}）", f"生年月日：{wareki(a.extra['birth'])}",
             "続柄：世帯主", f"住民となった年月日：令和{R.randint(1, 7)}年{R.randint(1, 12)}月{R.randint(1, 28)}日",
             "この写しは、世帯全員の住民票の原本と相違ないことを証明する。"]
    return f"住民票_{a.last}.pdf", pdf(lines, "住民票の写し")


def gensen(a: Pn) -> tuple[str, bytes]:
    _zc, ad = a.extra["zip_addr"]
    inc = a.extra["income"] * 10000 + R.randint(0, 99) * 1000
    lines = ["令和7年分 給与所得の源泉徴収票", f"支払を受ける者 住所：{ad}", f"氏名：{a.name}（{a.kana}）",
             f"支払金額：{yen(inc)}円", f"給与所得控除後の金額：{yen(int(inc * 0.72))}円", f"源泉徴収税額：{yen(int(inc * 0.035))}円",
             f"支払者：{a.extra['employer']}"]
    return f"源泉徴収票_{a.last}{a.first}.pdf", pdf(lines, "給与所得の源泉徴収票")


def result_doc(a: Pn, g: Org, verdict: str, when: dt.datetime) -> tuple[str, bytes]:
    lines = [f"{a.name} 様", f"申込物件：{a.bld.name} {a.room}号室", f"審査結果：{verdict}",
             f"保証会社：{g.name}", f"勤務先：{a.extra['employer']}（勤続{a.extra['years']}年）", f"申告年収：{a.extra['income']}万円",
             f"条件：{R.choice(['なし', '敷金1ヶ月追加', '連帯保証人の追加', '保証料 初回100%'])}",
             f"通知日：{when:%Y年%m月%d日}", f"{ORG_NAME} 入居審査課"]
    return f"審査結果通知_{a.last}{a.first}様.pdf", pdf(lines, "入居審査結果のお知らせ")


def contract(t: Pn, fmt: str = "docx") -> tuple[str, bytes]:
    b = t.bld
    g = t.extra.get("guarantor")
    paras = [f"貸主：{b.owner_label}", f"借主：{t.name}（{t.kana}）", f"物件：{b.name} {t.room}号室 {b.addr}",
             f"賃料：月額 {yen(t.extra['rent'])}円　共益費 {yen(R.choice([3000, 4000, 5000]))}円",
             f"敷金：{yen(t.extra['rent'])}円　礼金：{yen(t.extra['rent'] if R.random() < 0.5 else 0)}円",
             "契約期間：2027年1月1日から2028年12月31日まで（2年間）", f"借主連絡先：{t.extra['phone']}　勤務先：{t.extra['employer']}",
             f"連帯保証人：{g.name if g else 'なし（保証会社 ' + b.guarantor.name + '）'}", f"管理会社：{ORG_NAME}"]
    fn = f"賃貸借契約書_{b.name}{t.room}_{t.last}{t.first}様.{fmt}"
    if fmt == "docx":
        return fn, docx("建物賃貸借契約書", paras)
    return fn, pdf(paras, "建物賃貸借契約書")


def remittance(ow: Pn, when: dt.datetime, fmt: str = "pdf") -> tuple[str, bytes]:
    blds = [b for b in BLDS if b.owner is ow or (ow.org and b.owner.org is ow.org)]
    rows = []
    total = 0
    for b in blds:
        for t in b.tenants:
            rows.append([b.name, t.room, t.name, t.extra["rent"]])
            total += t.extra["rent"]
    fee = total // 20
    bank, br, no = ow.extra["bank"]
    holder = ow.org.name if ow.org else f"{ow.lk}{ow.fk}".replace(" ", "")
    head = [f"{ow.org.name + ' 御中' if ow.org else ow.name + ' 様'}", f"対象月：{when.year}年{when.month - 1 or 12}月分",
            f"賃料収入合計：{yen(total)}円", f"管理手数料（5%）：{yen(fee)}円", f"送金額：{yen(total - fee)}円",
            f"送金先：{bank} {br} 普通 {no} {holder}"]
    lab = ow.org.short if ow.org else f"{ow.last}{ow.first}"
    if fmt == "xlsx":
        return f"送金明細_{lab}様_{when.month - 1 or 12}月分.xlsx", xlsx([("送金明細", [[h] for h in head] + [["物件", "号室", "入居者", "賃料"]] + rows)])
    return f"送金明細_{lab}様_{when.month - 1 or 12}月分.pdf", pdf(head + [f"{r[0]} {r[1]} {r[2]} {yen(r[3])}円" for r in rows], "オーナー様 送金明細書")


def moveout(t: Pn, when: dt.datetime, fmt: str = "pdf") -> tuple[str, bytes]:
    b = t.bld
    items = R.sample(["クロス張替（居室）", "ハウスクリーニング", "フローリング補修", "網戸張替", "エアコン洗浄", "鍵交換", "襖張替"], 3)
    costs = [R.choice([18000, 25000, 33000, 42000, 16500]) for _ in items]
    lines = [f"物件：{b.name} {t.room}号室", f"貸主：{b.owner_label} 様", f"退去者：{t.name} 様（転居先 {street()[1]}）",
             f"立会日：{when:%Y年%m月%d日}", "立会者：" + ORG_SHORT + " 賃貸管理部"] + \
            [f"{i}：{yen(c)}円（{'借主負担' if R.random() < 0.5 else '貸主負担'}）" for i, c in zip(items, costs, strict=False)] + \
            [f"敷金：{yen(t.extra['rent'])}円", f"返金予定額：{yen(max(0, t.extra['rent'] - sum(costs) // 2))}円"]
    fn = f"退去立会い報告_{b.name}{t.room}.{fmt}"
    return (fn, pdf(lines, "退去立会い報告書")) if fmt == "pdf" else (fn, docx("退去立会い報告書", lines))


def estimate(b: Bld, vendor: Org, fmt: str = "pdf") -> tuple[str, bytes]:
    work = R.choice([("外壁塗装（北面）", [("足場設置", 380000), ("高圧洗浄", 85000), ("塗装", 620000)]),
                     ("給湯器交換（{r}号室）", [("給湯器本体", 128000), ("交換工事", 45000), ("処分費", 8000)]),
                     ("共用廊下 照明LED化", [("LED照明器具", 14000 * 8), ("取付工事", 64000)]),
                     ("屋上防水改修", [("ウレタン防水", 780000), ("諸経費", 90000)]),
                     ("排水管高圧洗浄", [("洗浄作業", 12000 * len(b.rooms)), ("出張費", 15000)])])
    title = work[0].format(r=R.choice(b.rooms))
    total = sum(v for _, v in work[1])
    lines = [f"{b.owner_label} 様", f"物件：{b.name}（{b.addr}）", f"工事名：{title}"] + \
            [f"{k}：{yen(v)}円" for k, v in work[1]] + [f"合計（税込）：{yen(total * 11 // 10)}円", f"施工：{vendor.name}",
                                                       f"取りまとめ：{ORG_NAME} 建物管理・修繕課"]
    fn = f"修繕見積_{b.name}_{title.split('（')[0]}.{fmt}"
    if fmt == "xlsx":
        return fn, xlsx([("見積", [[ln] for ln in lines])])
    return fn, pdf(lines, "御見積書")


def roster_rows(blds: list[Bld]) -> list[list]:
    rows = [["物件名", "号室", "契約者", "フリガナ", "携帯電話", "生年月日", "勤務先", "入居日", "緊急連絡先"]]
    for b in blds:
        for t in b.tenants:
            rows.append([b.name, t.room, t.name, t.kana, t.extra["phone"], f"{t.extra['birth']:%Y/%m/%d}", t.extra["employer"],
                         f"{t.extra['since']:%Y/%m/%d}", mobile()])
    return rows


def big_roster(n: int) -> list[list]:
    """whole-portfolio roster: real tenants plus invented past tenants / co-residents to reach n rows."""
    rows = roster_rows(BLDS)
    while len(rows) - 1 < n:
        b = R.choice(BLDS)
        p = person(common_p=0.3)
        rows.append([b.name, R.choice(b.rooms), p.name, p.kana, mobile(), f"{birth():%Y/%m/%d}", R.choice(EMPLOYERS),
                     f"{R.randint(2014, 2026)}/{R.randint(1, 12):02d}/01", mobile()])
    return rows[: n + 1]


def arrears_rows(n: int) -> list[list]:
    rows = [["物件名", "号室", "契約者", "携帯電話", "滞納月数", "滞納額", "保証会社", "対応状況"]]
    pool = R.sample(TENANTS, min(n, len(TENANTS)))
    for t in pool:
        m = R.randint(1, 4)
        rows.append([t.bld.name, t.room, t.name, t.extra["phone"], m, t.extra["rent"] * m, t.bld.guarantor.short,
                     R.choice(["電話督促済", "督促状送付", "代位弁済請求中", "分納相談中", "連絡つかず"])])
    return rows


# ------------------------------------------------------------------ mail
def _enc_ok(cs: str, *texts: str) -> bool:
    try:
        for t in texts:
            t.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def to_html(text: str) -> str:
    import html

    paras = text.split("\n\n")
    body = "".join("<p>" + "<br>\n".join(html.escape(ln) for ln in p.split("\n")) + "</p>\n" for p in paras)
    return ("<html><head><meta charset=\"utf-8\"></head><body>\n<div style=\"font-family:'Meiryo UI',sans-serif;font-size:10.5pt\">\n"
            + body + "</div>\n</body></html>\n")


def hdr(name: str, email: str, cs: str) -> str:
    return formataddr((name, email), charset=cs) if name else email


def eml(n: int, s: Pn, to, cc, bcc, subject: str, text: str, atts, when: dt.datetime, reply: str | None, fmt: str) -> tuple[bytes, str]:
    names = [x for x, _ in list(to) + list(cc) + list(bcc)] + [s.name, subject, text] + [a[0] for a in atts]
    if fmt == "jis" and not _enc_ok("iso-2022-jp", *names):
        fmt = "utf8"
    if fmt == "sjis" and not (_enc_ok("shift_jis", text) and _enc_ok("iso-2022-jp", *names[:-1 - len(atts)], *[a[0] for a in atts])):
        fmt = "utf8"
    hcs = "iso-2022-jp" if fmt in ("jis", "sjis") else "utf-8"
    if fmt == "jis":
        body = MIMEText(text, "plain", "iso-2022-jp")
    elif fmt == "sjis":
        body = MIMEBase("text", "plain", charset="Shift_JIS")
        body.set_payload(text.encode("shift_jis"))
        encoders.encode_base64(body)
    elif fmt == "html":
        body = MIMEText(to_html(text), "html", "utf-8")
    elif fmt == "alt":
        body = MIMEMultipart("alternative")
        body.attach(MIMEText(text, "plain", "utf-8"))
        body.attach(MIMEText(to_html(text), "html", "utf-8"))
    else:
        body = MIMEText(text, "plain", "utf-8")
    if atts:
        m = MIMEMultipart("mixed")
        m.attach(body)
        for fn, data, ctype in atts:
            mt, st = ctype.split("/")
            a = MIMEBase(mt, st)
            a.set_payload(data)
            encoders.encode_base64(a)
            if mt == "text":
                try:
                    data.decode("utf-8")
                    a.set_param("charset", "utf-8")
                except UnicodeDecodeError:
                    a.set_param("charset", "Shift_JIS")
            if hcs == "iso-2022-jp":
                enc = Header(fn, "iso-2022-jp").encode() if not fn.isascii() else fn
                a.set_param("name", enc)
                a.add_header("Content-Disposition", "attachment", filename=enc)
            else:
                val = fn if fn.isascii() else ("utf-8", "", fn)
                a.set_param("name", val)
                a.add_header("Content-Disposition", "attachment", filename=val)
            m.attach(a)
    else:
        m = body
    m["From"] = hdr(s.name, s.email, hcs)
    m["To"] = ", ".join(hdr(a, b, hcs) for a, b in to) if to else "undisclosed-recipients:;"
    if cc:
        m["Cc"] = ", ".join(hdr(a, b, hcs) for a, b in cc)
    if bcc:
        m["Bcc"] = ", ".join(hdr(a, b, hcs) for a, b in bcc)
    m["Subject"] = Header(subject, hcs) if not subject.isascii() else subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(idstring=f"m14-{n:04d}", domain=ORG_DOMAIN)
    if reply:
        m["In-Reply-To"] = reply
        m["References"] = reply
    m["X-Mailer"] = {"jis": "Becky! ver. 2.82.01", "sjis": "Shuriken 2016", "html": "Microsoft Outlook 16.0",
                     "alt": "Microsoft Outlook 16.0", "utf8": R.choice(["Thunderbird 128.5.0", "Active! mail", "Microsoft Outlook 16.0"])}[fmt]
    if "MIME-Version" not in m:
        m["MIME-Version"] = "1.0"
    return m.as_bytes(), fmt


MSG_START = dt.datetime(2026, 12, 1, tzinfo=JST)
LABELS: list[dict] = []
FILES: list[tuple[str, bytes]] = []
STATS: Counter = Counter()


def T() -> dt.datetime:
    return rand_time(MSG_START, 27)


def P(p: Pn) -> tuple[str, str]:
    return (p.name, p.email)


def ext_codes(s: Pn, recips: list[Pn]) -> list[str]:
    c = ["external_recipient"]
    if any(not known(s, r) for r in recips):
        c.append("first_time_recipient")
    return c


def ft(s: Pn, recips: list[Pn]) -> list[str]:
    return ["first_time_recipient"] if any(not known(s, r) for r in recips) else []


def emit(kind: str, expected: str, codes: list[str], note: str, s: Pn, to, subject: str, text: str, atts=(), cc=(), bcc=(),
         when: dt.datetime | None = None, reply: str | None = None, fmt: str | None = None) -> None:
    n = len(LABELS) + 1
    fmt = fmt or R.choices(["utf8", "alt", "jis", "sjis", "html"], [55, 12, 15, 9, 11])[0]
    data, fmt = eml(n, s, list(to), list(cc), list(bcc), subject, text, list(atts), when or T(), reply, fmt)
    fn = f"messages/{n:04d}.eml"
    FILES.append((fn, data))
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(set(codes)), "kind": kind, "note": note})
    STATS[fmt] += 1


# ------------------------------------------------------------------ wording
def sal(p: Pn, style: int | None = None) -> str:
    st = R.randrange(4) if style is None else style
    if p.kind == "tenant":
        return [f"{p.bld.name} {p.room}号室\n{p.name} 様", f"{p.name} 様", f"{p.last} 様",
                f"{p.bld.name} {p.room}号室 {p.last}様"][st]
    if p.kind == "owner":
        return [f"{p.name} 様", f"{p.bld.name} オーナー\n{p.name} 様", f"{p.last} 様", f"{p.bld.name} オーナー {p.last}様"][st]
    if p.kind in ("family", "guarantor", "applicant", "riji"):
        return [f"{p.name} 様", f"{p.last} 様", f"{p.name} 様", f"{p.last}様"][st]
    o = p.org
    return [f"{o.name}\n{p.dept}\n{p.name} 様", f"{o.name} {p.last}様", f"{o.name} 御中\n{p.dept} {p.last} 様",
            f"{o.short} {p.dept}\n{p.last} 様"][st]


def greet(p: Pn) -> str:
    if p.kind == "tenant":
        return R.choice([f"いつも{p.bld.name}をご利用いただき、ありがとうございます。", "いつもお世話になっております。",
                         "平素より格別のご高配を賜り、誠にありがとうございます。"])
    if p.kind in ("owner",):
        return R.choice(["いつも大変お世話になっております。", "平素より大変お世話になっております。", "いつもありがとうございます。"])
    if p.kind in ("applicant", "family", "guarantor"):
        return R.choice(["お世話になっております。", "突然のご連絡失礼いたします。", "いつもお世話になっております。"])
    return R.choice(["いつもお世話になっております。", "お世話になっております。", "平素より大変お世話になっております。"])


def me(s: Pn) -> str:
    return R.choice([f"{ORG_SHORT} {s.dept}の{s.last}です。", f"{ORG_NAME}の{s.last}でございます。",
                     f"{ORG_SHORT}・{s.dept}の{s.last}でございます。", f"{ORG_SHORT}の{s.last}です。"])


def closing() -> str:
    return R.choice(["何卒よろしくお願いいたします。", "ご確認のほど、よろしくお願い申し上げます。", "以上、よろしくお願いいたします。",
                     "ご不明な点がございましたら、お気軽にお問い合わせください。\nよろしくお願いいたします。"])


def sig(s: Pn) -> str:
    st = R.randrange(3)
    if st == 0:
        return f"--\n{ORG_NAME}\n{s.dept} {s.name}\nTEL {ORG_TEL}\n{s.email}"
    if st == 1:
        return (f"━━━━━━━━━━━━━━━━\n{ORG_NAME}\n{s.dept}\n{s.name}（{s.lk} {s.fk}）\n〒223-0062 {ORG_ADDR}\n"
                f"TEL {ORG_TEL} / FAX 045-531-2281\nMail: {s.email}\n━━━━━━━━━━━━━━━━")
    return f"＿＿＿＿＿＿＿＿＿＿＿\n{ORG_SHORT}　{s.dept}\n{s.last} {s.first}\n{s.email}\n＿＿＿＿＿＿＿＿＿＿＿"


def letter(s: Pn, p: Pn, mid: str, salut: str | None = None) -> str:
    return f"{salut or sal(p)}\n\n{greet(p)}\n{me(s)}\n\n{mid}\n\n{closing()}\n\n{sig(s)}\n"


def quote(s: Pn, p: Pn, orig: str, when: dt.datetime, subject: str) -> str:
    prev = when - dt.timedelta(days=R.randint(0, 4), hours=R.randint(1, 6))
    st = R.randrange(3)
    if st == 0:
        return f"\n{prev:%Y年%m月%d日}({'月火水木金土日'[prev.weekday()]}) {prev:%H:%M} {p.name} <{p.email}>:\n" + \
            "\n".join("> " + ln if ln else ">" for ln in orig.split("\n"))
    if st == 1:
        return (f"\n-----Original Message-----\nFrom: {p.name} <{p.email}>\nSent: {prev:%Y/%m/%d %H:%M}\nTo: {s.name} <{s.email}>\n"
                f"Subject: {subject}\n\n{orig}")
    return f"\n--- {prev:%Y/%m/%d %H:%M} {p.name} さんのメッセージ ---\n" + "\n".join(">" + ln for ln in orig.split("\n"))


def who(p: Pn) -> str:
    return f"{p.name} <{p.email}> [{p.orgname}]"


def sender_for(p: Pn, pool: list[Pn]) -> Pn:
    """a sender in pool who has written to p, else any of pool."""
    k = [s for s in pool if known(s, p)]
    return R.choice(k) if k else R.choice(pool)


def twin_of(p: Pn, kinds: tuple[str, ...]) -> list[Pn]:
    """same surname, other party; the person's own family and guarantor are not twins."""
    return [q for q in PEOPLE if q is not p and q.last == p.last and q.kind in kinds and q.orgname != p.orgname
            and q.of is not p and p.of is not q]


# ------------------------------------------------------------------ ok scenarios
def money_line(t: Pn, months: int) -> str:
    ms = ["10月分", "11月分", "12月分"][3 - months:]
    return f"{'・'.join(ms)} 賃料 計{yen(t.extra['rent'] * months)}円"


def ok_routine() -> None:
    v = R.randrange(4)
    when = T()
    if v == 0:
        b = R.choice([b for b in BLDS if b.owner.kind == "owner"])
        s, o = b.managers[0], b.owner
        occ = len(b.tenants)
        mid = (f"{b.name}の{when.month - 1}月度の管理状況をご報告いたします。\n\n・入居状況：{occ}/{len(b.rooms)}室\n"
               f"・{R.choice(b.rooms)}号室：{R.choice(['給湯器の点検を実施しました', '網戸の補修が完了しました', '更新手続きが完了しました'])}\n"
               f"・共用部：定期清掃を{R.randint(2, 4)}回実施、特記事項なし\n\n詳細は月次報告書（郵送）にてご確認ください。")
        emit("ok_routine", "ok", ext_codes(s, [o]), f"monthly report of {b.name} to its owner {who(o)}", s, [P(o)],
             f"【{b.name}】{when.month - 1}月度 管理状況のご報告", letter(s, o, mid), when=when)
    elif v == 1:
        s = R.choice(SHUZEN)
        p = R.choice([q for q in s.extra["acc"] if q.kind == "staff" and q.org.kind in ("repair", "key", "cleaning")])
        b = R.choice(BLDS)
        t = R.choice(b.tenants)
        mid = (f"下記の件、ご対応をお願いできますでしょうか。\n\n物件：{b.name}（{b.addr}）\n部屋：{t.room}号室（入居者 {t.last}様）\n"
               f"内容：{R.choice(['浴室換気扇から異音', '給湯器エラー表示（E-111）', 'キッチン水栓からの水漏れ', '玄関ドアクローザーの不具合'])}\n"
               f"ご在宅：平日{R.choice(['18時以降', '午前中', '終日'])}\n\n訪問日時が決まりましたらご連絡ください。")
        emit("ok_routine", "ok", ext_codes(s, [p]), f"repair request for {b.name} {t.room} to the usual contractor {who(p)}", s, [P(p)],
             f"【修繕依頼】{b.name} {t.room}号室", letter(s, p, mid), when=when)
    elif v == 2:
        s = R.choice(CHUKAI)
        p = R.choice([q for q in s.extra["acc"] if q.kind == "staff" and q.org.kind == "broker"])
        b = R.choice(BLDS)
        r = R.choice(b.rooms)
        mid = (f"{b.name} {r}号室の募集を開始しましたのでご案内いたします。\n\n賃料：{yen(R.choice([64000, 71000, 79000]))}円／共益費3,000円\n"
               f"敷金1ヶ月・礼金0ヶ月、保証会社加入必須（{b.guarantor.short}）\n内見：キーボックス対応（番号はお電話にてお伝えします）\n\n"
               "お客様のご紹介をお待ちしております。")
        emit("ok_routine", "ok", ext_codes(s, [p]), f"vacancy notice to the broker {who(p)}", s, [P(p)],
             f"【募集開始】{b.name} {r}号室", letter(s, p, mid), when=when)
    else:
        s = R.choice(SHINSA)
        p = R.choice([q for q in s.extra["acc"] if q.kind == "staff" and q.org.kind == "guarantor"])
        a = R.choice(APPLICANTS)
        mid = (f"{when.month}月{max(1, when.day - 3)}日にお願いいたしました{a.bld.name} {a.room}号室（申込者 {a.last}様）の"
               "保証審査について、進捗はいかがでしょうか。\n貸主様へのご報告の都合上、目安だけでもお知らせいただけますと幸いです。")
        emit("ok_routine", "ok", ext_codes(s, [p]), f"screening progress question to the guarantor {who(p)}", s, [P(p)],
             f"Re: 保証審査のお願い（{a.bld.name}）", letter(s, p, mid), when=when)


def ok_internal() -> None:
    v = R.randrange(4)
    s = R.choice(SENDERS)
    others = [o for o in SENDERS if o is not s]
    to = R.sample(others, R.choice([1, 1, 2]))
    when = T()
    head = f"{to[0].last}さん\n\nお疲れさまです。{s.last}です。\n\n"
    if v == 0:
        rows = arrears_rows(R.randint(20, 40))
        fn = f"滞納者一覧_{when:%Y%m%d}.xlsx"
        text = head + f"{when.month}月{when.day}日時点の滞納者一覧を共有します。\n代位弁済請求の対象は「対応状況」列をご確認ください。\n社外への転送はしないでください。\n\n{s.name}\n"
        emit("ok_internal", "ok", [], f"arrears list ({len(rows) - 1} rows) between departments", s, [P(x) for x in to],
             "【社外秘】滞納者一覧", text, [att(fn, xlsx([("滞納者", rows)]))], when=when)
    elif v == 1:
        a = R.choice(APPLICANTS)
        g = a.bld.guarantor
        atts = [att(*application(a, g, when, "pdf")), att(*id_copy(a))]
        text = head + f"{a.of.short}経由で{a.bld.name} {a.room}号室の申込が入りました。\n申込書と本人確認書類を添付しますので、審査手配をお願いします。\n\n{s.name}\n"
        emit("ok_internal", "ok", [], f"applicant {a.name}'s documents passed to a colleague", s, [P(x) for x in to],
             f"申込受付：{a.bld.name} {a.room}", text, atts, when=when)
    elif v == 2:
        b = R.choice(BLDS)
        rows = roster_rows([b])
        text = head + f"{b.name}の入居者名簿です（点検の立会い調整用）。\n業者さんには号室と苗字だけ伝えてください。\n\n{s.name}\n"
        emit("ok_internal", "ok", [], f"tenant roster of {b.name} ({len(rows) - 1} rows) inside the company", s, [P(x) for x in to],
             f"{b.name} 入居者名簿", text, [att(f"入居者名簿_{b.name}.csv", csvb(rows, "cp932"))], when=when)
    else:
        b = R.choice(BLDS)
        t = R.choice(b.tenants)
        text = head + (f"{b.name} {t.room}号室の{t.name}様から、{R.choice(['退去の申し出', '更新しない旨の連絡', '騒音の相談'])}がありました。\n"
                       f"連絡先は {t.extra['phone']} です。明日の朝会で対応を相談させてください。\n\n{s.name}\n")
        emit("ok_internal", "ok", [], f"handover about tenant {t.name}", s, [P(x) for x in to], f"{b.name} {t.room} の件", text, when=when)


def ok_owner_own_tenants() -> None:
    b = R.choice([b for b in BLDS if len(b.tenants) >= 3])
    s, o = b.managers[0], b.owner
    when = T()
    fmt = R.choice(["xlsx", "csv", "pdf"])
    rows = roster_rows([b])
    fn = f"入居者一覧_{b.name}_{when:%Y%m}.{fmt}"
    data = {"xlsx": lambda: xlsx([(b.name, rows)]), "csv": lambda: csvb(rows, R.choice(["utf-8-sig", "cp932"])),
            "pdf": lambda: pdf([" ".join(map(str, r)) for r in rows], f"{b.name} 入居者一覧")}[fmt]()
    mid = (f"ご依頼いただいておりました{b.name}の現在の入居者一覧をお送りいたします。\n"
           f"（{len(rows) - 1}室分、{when.month}月{when.day}日時点）\n\n個人情報を含みますので、お取り扱いにはご注意ください。")
    emit("ok_owner_own_tenants", "ok", [*ext_codes(s, [o]), "pii_in_attachment"],
         f"owner {who(o)} receives the tenant list of own building {b.name}", s, [P(o)], f"【{b.name}】入居者一覧のご送付",
         letter(s, o, mid), [att(fn, data)], when=when)


def guarantor_staff(g: Org, s: Pn, prefer_known: bool = True) -> Pn:
    k = [p for p in g.people if p.email not in NEVER and (known(s, p) or not prefer_known)]
    return R.choice(k or [p for p in g.people if p.email not in NEVER])


def ok_guarantor_screening() -> None:
    a = R.choice(APPLICANTS)
    g = a.bld.guarantor
    s = R.choice(SHINSA)
    p = guarantor_staff(g, s)
    when = T()
    files = [application(a, g, when, R.choice(["pdf", "xlsx", "docx"])), id_copy(a)]
    if R.random() < 0.5:
        files.append(R.choice([gensen, juminhyo])(a))
    atts = [att(*f) for f in files]
    if R.random() < 0.25:
        atts = [att(f"審査書類_{a.last}様.zip", zipb(files))]
    mid = (f"下記のお申込みにつき、保証審査をお願いいたします。\n\n物件：{a.bld.name} {a.room}号室\n申込者：{a.name}様\n"
           f"仲介：{a.of.name}\n\n申込書・本人確認書類{'・収入証明' if len(files) > 2 else ''}を添付いたします。")
    emit("ok_guarantor_screening", "ok", [*ext_codes(s, [p]), "pii_in_attachment"],
         f"{a.name}'s application to the guarantor named in it, {who(p)}", s, [P(p)],
         f"保証審査のお願い（{a.bld.name} {a.room}）", letter(s, p, mid, sal(p, R.choice([0, 1, 2]))), atts, when=when)


def ok_tenant_with_guarantor() -> None:
    t = R.choice([t for t in TENANTS if any(q.of is t for q in FAMILY + GUARANTORS)])
    rel = R.choice([q for q in FAMILY + GUARANTORS if q.of is t])
    s = t.bld.managers[0]
    when = T()
    atts = []
    if R.random() < 0.5:
        mid = (f"{t.bld.name} {t.room}号室のご契約が2026年12月31日で満了となります。\n更新をご希望の場合は、同封の更新契約書に"
               f"ご署名のうえご返送ください。\n更新料：{yen(t.extra['rent'])}円\n\n"
               f"{'連帯保証人' if rel.kind == 'guarantor' else 'ご家族'}の{rel.name}様にも、あわせてご案内をお送りしております。")
        subj = f"【{t.bld.name}】契約更新のご案内"
        atts = [att(*contract(t, R.choice(["docx", "pdf"])))]
    else:
        mid = (f"{money_line(t, R.randint(1, 2))}のご入金が、本日時点で確認できておりません。\n"
               f"お手数ですが、{when.month}月{min(28, when.day + 7)}日までにお振込みをお願いいたします。\n"
               f"{'連帯保証人' if rel.kind == 'guarantor' else '緊急連絡先'}の{rel.name}様にもCCにてお知らせしております。")
        subj = f"【{t.bld.name}】賃料ご入金のお願い"
    codes = ext_codes(s, [t, rel]) + ["multiple_external_orgs"] + (["pii_in_attachment"] if atts else [])
    emit("ok_tenant_with_guarantor", "ok", codes, f"tenant {who(t)} with own {rel.kind} {who(rel)} in Cc", s, [P(t)], subj,
         letter(s, t, mid, f"{t.name} 様\n（CC：{rel.name} 様）"), atts, cc=[P(rel)], when=when)


NOTICES = [("【{b}】排水管高圧洗浄のお知らせ", "下記日程で、全戸の排水管高圧洗浄を実施いたします。\n作業時間は1戸あたり15分程度です。\n\n日程：{d1}（9:00〜17:00）\n予備日：{d2}"),
           ("【{b}】消防設備点検のお知らせ", "法令に基づく消防設備点検を実施いたします。\n室内の感知器を点検しますので、ご在宅をお願いいたします。\n\n日程：{d1}\n予備日：{d2}"),
           ("【重要】断水のお知らせ（{b}）", "受水槽清掃のため、下記の時間帯に断水いたします。\n\n日時：{d1} 10:00〜14:00\nご不便をおかけしますが、ご協力をお願いいたします。"),
           ("年末年始休業のお知らせ", "誠に勝手ながら、12月28日（月）〜1月4日（月）は休業とさせていただきます。\n期間中の設備トラブルは、緊急窓口（0120-555-014）までご連絡ください。")]


def notice_text(s: Pn, blds: list[Bld], when: dt.datetime) -> tuple[str, str]:
    subj, body = R.choice(NOTICES)
    d1, d2 = when + dt.timedelta(days=R.randint(8, 14)), when + dt.timedelta(days=R.randint(15, 20))
    bn = blds[0].name if len(blds) == 1 else "管理物件"
    text = (f"{bn} 入居者の皆様\n\n{R.choice(['いつもご協力いただき、ありがとうございます。', '平素より格別のご理解を賜り、厚く御礼申上げます。'])}\n"
            f"管理会社の{ORG_SHORT}です。\n\n" + body.format(d1=f"{d1.month}月{d1.day}日", d2=f"{d2.month}月{d2.day}日") +
            f"\n\n{closing()}\n\n{sig(s)}\n")
    return subj.format(b=bn), text


def ok_notice_bcc() -> None:
    s = R.choice(KANRI + SHUZEN)
    blds = R.sample(BLDS, R.choice([1, 2, 3]))
    ts = [t for b in blds for t in b.tenants]
    while len(ts) < 8:
        b = R.choice([x for x in BLDS if x not in blds])
        blds.append(b)
        ts += b.tenants
    when = T()
    subj, text = notice_text(s, blds, when)
    emit("ok_notice_bcc", "ok", [*ext_codes(s, ts), "multiple_external_orgs"], f"notice to {len(ts)} tenants of {len(blds)} building(s), all in Bcc",
         s, [P(s)], subj, text, bcc=[P(t) for t in ts], when=when)


def ok_reply_quoting_other() -> None:
    when = T()
    if R.random() < 0.5:
        s = R.choice(CHUKAI)
        p = R.choice([q for q in s.extra["acc"] if q.kind == "staff" and q.org.kind == "broker"])
        other = R.choice([o for o in BROKERS if o is not p.org])
        b = R.choice(BLDS)
        r = R.choice(b.rooms)
        orig = (f"{ORG_NAME}\n{s.last}様\n\nお世話になっております。{p.org.short}の{p.last}です。\n\n{b.name} {r}号室について、"
                f"{other.short}さんのほうでも申込が入りそうだと伺いました。\n弊社のお客様も内見を希望されていますが、まだ募集中でしょうか。\n\n{p.name}")
        mid = f"お問い合わせありがとうございます。\n{b.name} {r}号室は現時点ではまだ募集中です。\n内見のご予約をお待ちしております。"
        subj = f"Re: {b.name} {r}号室の空室確認"
    else:
        b = R.choice([b for b in BLDS if b.owner.kind == "owner"])
        s, p = b.managers[0], b.owner
        ob = R.choice([x for x in BLDS if x is not b])
        orig = (f"{s.last}さん\n\nお世話になります。{p.last}です。\n{ob.name}のオーナーの{ob.owner_label}さんから、外壁塗装を{ORG_SHORT}さん経由で"
                f"頼んだと聞きました。\nうちの{b.name}も築年数が近いので、一度見積もりをお願いできますか。\n\n{p.name}")
        mid = f"ご連絡ありがとうございます。\n{b.name}の外壁について、来週中に現地確認を行い、お見積りをお送りいたします。"
        subj = f"Re: {b.name} 外壁の件"
    text = letter(s, p, mid) + quote(s, p, orig, when, subj[4:])
    emit("ok_reply_quoting_other", "ok", ext_codes(s, [p]), f"reply to {who(p)}; another party named only in the quoted part", s, [P(p)],
         subj, text, when=when, reply=make_msgid(domain="reply.example"))


def ok_same_surname_right_party() -> None:
    t = R.choice([t for t in TENANTS + OWNERS if t.kind in ("tenant", "owner") and twin_of(t, ("tenant", "owner", "family", "applicant"))])
    s = t.bld.managers[0] if t.kind == "tenant" else sender_for(t, KANRI)
    when = T()
    tw = twin_of(t, ("tenant", "owner", "family", "applicant"))
    atts = []
    if t.kind == "tenant":
        mid = R.choice([f"{t.room}号室の{R.choice(['浴室換気扇', 'エアコン', 'インターホン'])}の交換日程が{when.month}月{min(28, when.day + 6)}日（午前）に決まりました。\n"
                        "当日は業者が伺いますので、ご在宅をお願いいたします。",
                        f"{t.bld.name}の駐輪場ステッカーを更新いたします。\n新しいステッカーは{t.room}号室のポストに投函いたしました。"])
        if R.random() < 0.3:
            atts = [att(*contract(t, "pdf"))]
            mid += "\nあわせて、更新後の契約書の写しを添付いたします。"
        salut = sal(t, R.choice([0, 3]))
    else:
        mid = f"{t.bld.name}の{when.month}月分の送金を本日実行いたしました。\n明細は郵送いたしますので、ご確認ください。"
        salut = f"{t.bld.name} オーナー\n{t.name} 様" if t.kind == "owner" and not t.org else sal(t)
    codes = ext_codes(s, [t]) + (["pii_in_attachment"] if atts else [])
    emit("ok_same_surname_right_party", "ok", codes,
         f"{who(t)}; same surname also at: {', '.join(q.orgname for q in tw[:3])}", s, [P(t)],
         f"【{t.bld.name}】ご連絡", letter(s, t, mid, salut), atts, when=when)


def ok_first_mail_known_org() -> None:
    p = R.choice([q for q in PEOPLE if q.email in NEVER and q.kind == "staff"])
    pool = {"guarantor": SHINSA + KANRI, "broker": CHUKAI, "repair": SHUZEN, "key": SHUZEN, "cleaning": SHUZEN}[p.org.kind]
    s = R.choice(pool)
    intro = [q for q in p.org.people if q is not p and known(s, q)]
    mid = (f"初めてご連絡いたします。\n{intro[0].last + '様より' if intro else '御社の窓口として'}ご紹介いただき、"
           f"今月から{p.org.short}様とのやり取りを担当することになりました。\n今後ともどうぞよろしくお願いいたします。")
    emit("ok_first_mail_known_org", "ok", ["external_recipient", "first_time_recipient"],
         f"first mail to {who(p)} (in contacts.csv, never mailed)", s, [P(p)], f"ご挨拶（{ORG_SHORT} {s.last}）",
         letter(s, p, mid), cc=[P(intro[0])] if intro and R.random() < 0.5 else [])


def ok_attachment_match() -> None:
    v = R.randrange(4)
    when = T()
    if v == 0:
        b = R.choice(BLDS)
        s, o = R.choice(SHUZEN), b.owner
        f = estimate(b, R.choice(VENDORS[:3]), R.choice(["pdf", "xlsx"]))
        mid = f"{b.name}の修繕工事について、施工業者からの見積をお送りいたします。\nご検討のうえ、ご発注の可否をお知らせください。"
        codes, note = ext_codes(s, [o]), f"repair estimate of {b.name} to its owner {who(o)}"
    elif v == 1:
        o = R.choice(OWNERS)
        s = R.choice(KEIRI)
        f = remittance(o, when, R.choice(["pdf", "xlsx"]))
        mid = f"{when.month - 1}月分の送金明細をお送りいたします。\n本日、ご登録口座へお振込みいたしました。"
        codes, note = [*ext_codes(s, [o]), "pii_in_attachment"], f"remittance statement of {who(o)} to that owner"
    elif v == 2:
        t = R.choice(TENANTS)
        b = t.bld
        s, o = b.managers[0], b.owner
        f = moveout(t, when, R.choice(["pdf", "docx"]))
        mid = f"{b.name} {t.room}号室の退去立会いを行いましたので、ご報告いたします。\n原状回復の負担区分について、ご確認をお願いいたします。"
        codes, note = [*ext_codes(s, [o]), "pii_in_attachment"], f"move-out report of {b.name} {t.room} to its owner {who(o)}"
    else:
        o = R.choice(TENANTS)
        s = o.bld.managers[0]
        f = contract(o, R.choice(["docx", "pdf"]))
        mid = "先日ご署名いただいた賃貸借契約書の控え（電子版）をお送りいたします。\n大切に保管してください。"
        codes, note = [*ext_codes(s, [o]), "pii_in_attachment"], f"own lease contract to tenant {who(o)}"
    emit("ok_attachment_match", "ok", codes, note, s, [P(o)], "資料送付のご連絡" if v != 1 else f"{when.month - 1}月分 送金明細のご送付",
         letter(s, o, mid), [att(*f)], when=when)


def ok_applicant_own_result() -> None:
    a = R.choice(APPLICANTS)
    s = R.choice(SHINSA)
    when = T()
    f = result_doc(a, a.bld.guarantor, R.choice(["承認", "条件付承認"]), when)
    mid = f"{a.bld.name} {a.room}号室のお申込みについて、審査結果のご連絡です。\n詳細は添付の通知書をご確認ください。"
    emit("ok_applicant_own_result", "ok", [*ext_codes(s, [a]), "pii_in_attachment"], f"applicant {who(a)} receives own result", s, [P(a)],
         "入居審査結果のお知らせ", letter(s, a, mid), [att(*f)], when=when)


def ok_broker_own_applicant() -> None:
    a = R.choice(APPLICANTS)
    s = R.choice(CHUKAI + SHINSA)
    p = sender_for_broker(a.of, s)
    when = T()
    mid = (f"御社よりご紹介いただいた{a.bld.name} {a.room}号室のお申込み（{a.name}様）ですが、"
           f"保証会社の審査が{R.choice(['承認', '条件付きで承認'])}となりました。\n契約日程のご調整をお願いいたします。")
    atts = [att(*result_doc(a, a.bld.guarantor, "承認", when))] if R.random() < 0.5 else []
    emit("ok_broker_own_applicant", "ok", ext_codes(s, [p]) + (["pii_in_attachment"] if atts else []),
         f"broker {a.of.name} that introduced {a.name} gets the result ({who(p)})", s, [P(p)],
         f"審査結果のご連絡（{a.bld.name} {a.room}）", letter(s, p, mid), atts, when=when)


def sender_for_broker(o: Org, s: Pn) -> Pn:
    k = [p for p in o.people if p.email not in NEVER and known(s, p)]
    return R.choice(k or [p for p in o.people if p.email not in NEVER])


# ------------------------------------------------------------------ risky scenarios
def staff_twins(kind: str) -> list[tuple[Pn, Pn]]:
    out = []
    for p in PEOPLE:
        if p.kind == "staff" and p.org.kind == kind:
            for q in PEOPLE:
                if q is not p and q.kind == "staff" and q.org.kind == kind and q.org is not p.org and q.last == p.last:
                    out.append((p, q))
    return out


def applicant_docs_wrong_party(v: int) -> None:
    when = T()
    if v < 8:
        pa, pb = R.choice(staff_twins("guarantor"))
        a = R.choice(APPLICANTS)
        g = pa.org
        s = sender_for(pa, SHINSA + CHUKAI)
        files = [application(a, g, when, R.choice(["pdf", "xlsx", "docx"])), id_copy(a)]
        if R.random() < 0.4:
            files.append(gensen(a))
        atts = [att(*f) for f in files]
        if v < 6:
            mid = (f"{a.bld.name} {a.room}号室のお申込みについて、{g.short}様での保証審査をお願いいたします。\n"
                   f"申込者：{a.name}様（{a.extra['employer']}）\n必要書類一式を添付いたします。")
            codes = ["content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient", *ft(s, [pb])]
            emit("applicant_docs_wrong_party", "risky", codes,
                 f"meant for {who(pa)}; sent to same-surname {who(pb)}; application names {g.name}", s, [P(pb)],
                 f"保証審査のお願い（{a.bld.name} {a.room}）", letter(s, pa, mid, sal(pa, R.choice([0, 1, 3]))), atts, when=when)
        else:
            mid = (f"{a.bld.name} {a.room}号室のお申込みについて、保証審査をお願いいたします。\n申込者：{a.name}様\n"
                   "申込書と本人確認書類を添付いたします。")
            codes = ["attachment_recipient_mismatch", *ft(s, [pb])]
            emit("applicant_docs_wrong_party", "risky", codes,
                 f"application names guarantor {g.name} but goes to {who(pb)} of another guarantor company (salutation follows the recipient)",
                 s, [P(pb)], f"保証審査のお願い（{a.bld.name}）", letter(s, pb, mid, sal(pb, R.choice([0, 1]))), atts, when=when)
    else:
        ows = [o for o in OWNERS if o.kind == "owner" and twin_of(o, ("tenant", "owner"))]
        o = R.choice(ows)
        wrong = R.choice(twin_of(o, ("tenant", "owner")))
        a = dataclasses.replace(R.choice(APPLICANTS), bld=o.bld, room=R.choice(o.bld.rooms))
        s = o.bld.managers[0]
        atts = [att(*application(a, o.bld.guarantor, when, "pdf"))]
        mid = (f"{o.bld.name} {a.room}号室に入居申込が入りましたので、ご報告いたします。\n申込者：{a.name}様（{a.extra['employer']}、"
               f"年収{a.extra['income']}万円）\nご入居に差し支えなければ、審査を進めてまいります。")
        codes = ["content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient", *ft(s, [wrong])]
        emit("applicant_docs_wrong_party", "risky", codes, f"meant for owner {who(o)}; sent to same-surname {who(wrong)}",
             s, [(o.name, wrong.email) if R.random() < 0.4 else P(wrong)], f"【{o.bld.name}】入居申込のご報告",
             letter(s, o, mid, sal(o, R.choice([1, 3]))), atts, when=when)


def dunning_pdf(t: Pn, when: dt.datetime, months: int) -> tuple[str, bytes]:
    lines = [f"{t.bld.name} {t.room}号室", f"{t.name} 様", f"{money_line(t, months)}が未納となっております。",
             f"{when.month}月{min(28, when.day + 7)}日までにお支払いがない場合、連帯保証人様・保証会社様へご連絡いたします。",
             f"{ORG_NAME} 賃貸管理部"]
    return f"督促状_{t.bld.name}{t.room}.pdf", pdf(lines, "賃料お支払いのお願い（督促状）")


def arrears_wrong_tenant(v: int) -> None:
    when = T()
    if v < 6:
        t = R.choice([t for t in TENANTS if twin_of(t, ("tenant",))])
        wrong = R.choice(twin_of(t, ("tenant",)))
        s = t.bld.managers[0]
        months = R.randint(1, 3)
        mid = (f"{money_line(t, months)}のご入金が確認できておりません。\n{when.month}月{min(28, when.day + 7)}日までに下記口座へお振込みください。\n"
               f"振込先：横浜中央銀行 日吉支店 普通 {R.randint(1000000, 9999999)} カ）コトブキジュウカンキョウ\n"
               "期日までにご入金がない場合、連帯保証人様または保証会社様へご連絡させていただきます。")
        atts = [att(*dunning_pdf(t, when, months))] if R.random() < 0.4 else []
        codes = ["content_recipient_mismatch", "similar_recipient"] + ft(s, [wrong]) + (["attachment_recipient_mismatch"] if atts else [])
        same = " (same full name)" if wrong.first == t.first else ""
        emit("arrears_wrong_tenant", "risky", codes, f"arrears notice for {who(t)} sent to tenant {who(wrong)}{same}", s,
             [P(wrong) if R.random() < 0.6 else (t.name, wrong.email)], f"【重要】賃料未納のお知らせ（{t.bld.name} {t.room}号室）",
             letter(s, t, mid, sal(t, R.choice([0, 3]))), atts, when=when)
    else:
        t = R.choice([t for t in TENANTS if t.bld.owner.kind == "owner"])
        o = t.bld.owner
        s = t.bld.managers[0]
        tw = [q for q in twin_of(o, ("owner", "tenant")) if q.bld is not t.bld]
        wrong = R.choice(tw) if tw and R.random() < 0.6 else R.choice([x for x in OWNERS if x.bld is not t.bld and x.kind == "owner"])
        mid = (f"{t.bld.name} {t.room}号室の{t.name}様について、{money_line(t, 2)}が未入金となっております。\n"
               f"保証会社（{t.bld.guarantor.short}）へ代位弁済の請求手続きを進めてよろしいでしょうか。\n"
               f"なお、{t.last}様の勤務先（{t.extra['employer']}）には連絡をしておりません。")
        codes = ["content_recipient_mismatch"] + (["similar_recipient"] if wrong.last == o.last else []) + ft(s, [wrong])
        emit("arrears_wrong_tenant", "risky", codes, f"arrears report for owner {who(o)} sent to {who(wrong)} of another building", s,
             [P(wrong)], f"【{t.bld.name}】滞納状況のご報告", letter(s, o, mid, sal(o, R.choice([1, 3]))), when=when)


def wrong_attachment(v: int) -> None:
    when = T()
    if v < 3:
        o = R.choice(OWNERS)
        other = R.choice([x for x in OWNERS if x is not o and not (x.org and x.org is o.org)])
        s = R.choice(KEIRI)
        fn, data = remittance(other, when, R.choice(["pdf", "xlsx"]))
        mid = f"{when.month - 1}月分の送金明細をお送りいたします。\nご登録の口座へ本日お振込みいたしました。"
        codes = ["attachment_recipient_mismatch", "pii_in_attachment"]
        note, to = f"to owner {who(o)}; attachment is the remittance statement of {other.org.name if other.org else other.name}", o
    elif v < 6:
        t = R.choice(TENANTS)
        sameb = [x for x in TENANTS if x is not t and (x.bld is t.bld or x.last == t.last)]
        other = R.choice(sameb)
        s = t.bld.managers[0]
        fn, data = contract(other, R.choice(["docx", "pdf"]))
        mid = f"{t.bld.name} {t.room}号室の更新後の賃貸借契約書をお送りいたします。\n内容をご確認のうえ、保管をお願いいたします。"
        codes = ["attachment_recipient_mismatch", "pii_in_attachment"]
        note, to, o = f"to tenant {who(t)}; attachment is the contract of {other.name}", t, t
    elif v < 8:
        b = R.choice([b for b in BLDS if b.owner.kind == "owner"])
        o = b.owner
        s = b.managers[0]
        other = R.choice([x for x in TENANTS if x.bld is not b])
        fn, data = moveout(other, when, R.choice(["pdf", "docx"]))
        mid = f"{b.name}の退去立会いの結果をご報告いたします。\n原状回復費用の負担区分についてご確認ください。"
        codes = ["attachment_recipient_mismatch", "pii_in_attachment"]
        note, to = f"to owner {who(o)} of {b.name}; attachment is the move-out report of {other.bld.name} {other.room} ({other.name})", o
    else:
        b = R.choice(BLDS)
        o = b.owner
        ob = R.choice([x for x in BLDS if x is not b and x.owner is not o])
        s = R.choice(SHUZEN)
        f1 = estimate(ob, R.choice(VENDORS[:3]), "pdf")
        fn, data = f"見積書一式_{b.name}.zip", zipb([f1])
        mid = f"{b.name}の修繕見積を圧縮ファイルでお送りいたします。\nご確認のほど、よろしくお願いいたします。"
        codes = ["attachment_recipient_mismatch"]
        note, to = f"to owner {who(o)} of {b.name}; attachment (in a zip) is the estimate of {ob.name} for {ob.owner_label}", o
    emit("wrong_attachment", "risky", codes, note, s, [P(to)], f"資料のご送付（{to.bld.name if to.bld else ''}）".replace("（）", ""),
         letter(s, to, mid), [att(fn, data)], when=when)


def roster_to_outside(v: int) -> None:
    when = T()
    if v < 5:
        kind = R.choice(["roster", "roster", "arrears"])
        vend = R.choice([o for o in VENDORS + BROKERS if o.kind in ("repair", "cleaning", "moving", "insurance", "broker", "key")])
        s = R.choice(SHUZEN + KANRI)
        p = R.choice([q for q in vend.people if q.email not in NEVER])
        fmt = R.choice(["xlsx", "csv"])
        if kind == "roster":
            rows = big_roster(R.randint(40, 120))
            fn = f"入居者名簿_全物件_{when:%Y%m%d}.{fmt}"
            mid = (f"{R.choice(['年明けの一斉点検', '火災保険の更新案内', '共用部清掃の日程周知', '鍵交換の案内'])}の件で、入居者様の連絡先一覧をお送りします。\n"
                   "各物件の担当者様へ共有をお願いいたします。")
        else:
            rows = arrears_rows(R.randint(25, 40))
            fn = f"滞納者一覧_{when:%Y%m}.{fmt}"
            mid = "訪問時にご注意いただきたいお部屋の一覧です（滞納中のお部屋）。\n作業の際、在宅の方にはお声がけをお願いします。"
        data = xlsx([("一覧", rows)]) if fmt == "xlsx" else csvb(rows, R.choice(["utf-8-sig", "cp932"]))
        emit("roster_to_outside", "risky", ["bulk_pii", "pii_in_attachment", *ft(s, [p])],
             f"{'tenant roster' if kind == 'roster' else 'arrears list'} ({len(rows) - 1} rows) to {vend.name} {p.name}",
             s, [P(p)], R.choice(["名簿送付の件", "入居者一覧のご送付", "点検対象一覧"]), letter(s, p, mid), [att(fn, data)], when=when)
    else:
        b = R.choice([b for b in BLDS if b.owner.kind == "owner"])
        o, s = b.owner, b.managers[0]
        rows = roster_rows(BLDS)
        fn = f"入居者一覧_{when:%Y%m}.xlsx"
        mid = f"ご依頼の{b.name}の入居者一覧をお送りいたします。"
        emit("roster_to_outside", "risky", ["bulk_pii", "pii_in_attachment", "attachment_recipient_mismatch"],
             f"owner {who(o)} asked for {b.name}; the attachment is the whole-portfolio roster ({len(rows) - 1} rows, {len(BLDS)} buildings)",
             s, [P(o)], f"【{b.name}】入居者一覧のご送付", letter(s, o, mid), [att(fn, xlsx([("全物件", rows)]))], when=when)


def open_recipient_list() -> None:
    s = R.choice(KANRI + SHUZEN)
    blds = R.sample(BLDS, R.choice([1, 2, 3, 4]))
    ts = [t for b in blds for t in b.tenants]
    while len(ts) < 10:
        b = R.choice([x for x in BLDS if x not in blds])
        blds.append(b)
        ts += b.tenants
    when = T()
    subj, text = notice_text(s, blds, when)
    if R.random() < 0.6:
        to, cc = [P(t) for t in ts], []
        where = "To"
    else:
        to, cc = [P(ts[0])], [P(t) for t in ts[1:]]
        where = "To/Cc"
    emit("open_recipient_list", "risky", ["open_recipient_list", "multiple_external_orgs"],
         f"notice with {len(ts)} tenants of {len(blds)} building(s) in {where}", s, to, subj, text, cc=cc, when=when)


def reply_all_third_party(v: int) -> None:
    when = T()
    if v < 3:
        t = R.choice([t for t in TENANTS if t.bld.owner.kind == "owner"])
        o, s = t.bld.owner, t.bld.managers[0]
        br = R.choice([q for b in BROKERS for q in b.people if q.email not in NEVER])
        orig = (f"{s.last}さん\n（CC：{br.org.short} {br.last}さん）\n\n{o.last}です。{t.bld.name}の空室の募集、{br.org.short}さんにもお願いしました。\n"
                f"ところで{t.room}号室の方の家賃はその後どうなりましたか。\n\n{o.name}")
        mid = (f"{t.room}号室の{t.name}様ですが、{money_line(t, 3)}が未入金です。\n保証会社（{t.bld.guarantor.short}）に代位弁済を請求済みで、"
               f"本人の携帯（{t.extra['phone']}）にも連絡を続けております。\n空室募集の件は{br.org.short}様と進めてまいります。")
        codes = ["content_recipient_mismatch", "multiple_external_orgs", *ft(s, [o, br])]
        emit("reply_all_third_party", "risky", codes, f"reply-all to owner {who(o)} about tenant {t.name}'s arrears keeps broker {who(br)} in Cc",
             s, [P(o)], f"Re: {t.bld.name}の件", letter(s, o, mid, f"{o.name} 様\n（CC：{br.org.name} {br.last}様）") + quote(s, o, orig, when, f"{t.bld.name}の件"),
             cc=[P(br)], when=when, reply=make_msgid(domain="reply.example"))
    elif v < 6:
        a = R.choice(APPLICANTS)
        br = sender_for_broker(a.of, R.choice(CHUKAI))
        s = R.choice(CHUKAI)
        o = a.bld.owner
        o2 = R.choice([x for x in OWNERS if x.bld is not a.bld and x.kind == "owner"])
        orig = (f"{ORG_SHORT} {s.last}様\nCC：{a.bld.name} {o.last}様、{o2.bld.name} {o2.last}様\n\n{br.org.short}の{br.last}です。\n"
                f"{a.last}様は{a.bld.name}と{o2.bld.name}の両方をご検討中です。審査の結果次第でどちらかに決めたいとのことです。\n\n{br.name}")
        mid = (f"{a.name}様の審査結果ですが、{a.bld.guarantor.short}で承認となりました。\n"
               f"勤務先（{a.extra['employer']}）の在籍確認も取れており、年収{a.extra['income']}万円で問題なしとのことです。\n"
               f"{a.bld.name} {a.room}号室で契約手続きを進めます。")
        cc = [P(o)] if o.kind == "owner" else []
        codes = ["content_recipient_mismatch", "multiple_external_orgs", *ft(s, [br, o2] + ([o] if cc else []))]
        emit("reply_all_third_party", "risky", codes,
             f"reply-all to broker {who(br)} with {a.name}'s income keeps the owner of another building {who(o2)} in Cc", s, [P(br)],
             f"Re: {a.last}様のお申込み", letter(s, br, mid) + quote(s, br, orig, when, f"{a.last}様のお申込み"),
             cc=[*cc, P(o2)], when=when, reply=make_msgid(domain="reply.example"))
    else:
        b = R.choice([b for b in BLDS if b.owner.kind == "owner" and b.tenants])
        o, s = b.owner, b.managers[0]
        t = R.choice(b.tenants)
        others = R.sample([x for x in OWNERS if x.kind == "owner" and x is not o], 3)
        orig = (f"オーナー各位\n\n{ORG_SHORT}の{s.last}です。来月のオーナー懇親会の日程についてご案内いたします。\n"
                f"ご出欠をお知らせください。\n\n{s.name}")
        mid = (f"{o.last}様\n\n懇親会のご出欠ありがとうございます。\nあわせて、お問い合わせの{b.name} {t.room}号室（{t.name}様）の退去精算ですが、"
               f"敷金{yen(t.extra['rent'])}円から原状回復費を差し引き、返金額は{yen(t.extra['rent'] // 3)}円となります。\n"
               f"{t.last}様の転居先には書面で通知済みです。")
        codes = ["content_recipient_mismatch", "multiple_external_orgs", *ft(s, [o, *others])]
        emit("reply_all_third_party", "risky", codes,
             f"reply-all on an owners' thread: {t.name}'s deposit settlement for owner {who(o)} also goes to {len(others)} other owners",
             s, [P(o)], "Re: オーナー懇親会のご案内", mid + f"\n\n{sig(s)}\n" + quote(s, o, orig, when, "オーナー懇親会のご案内"),
             cc=[P(x) for x in others], when=when, reply=make_msgid(domain="reply.example"))


def mynumber_in_body(v: int) -> None:
    when = T()
    s = R.choice(KEIRI)
    owners = [o for o in OWNERS if o.kind == "owner"]
    if v < 3:
        p = R.choice(VENDORS[7].people)
        sel = R.sample(owners, R.randint(3, 5))
        lines = "\n".join(f"・{o.name}（{o.extra['addr']}）　個人番号：{o.extra['mynumber']}　支払金額：{yen(R.randint(80, 240) * 10000)}円"
                          for o in sel)
        mid = f"不動産の使用料等の支払調書の作成にあたり、対象オーナー様の情報をお送りします。\n\n{lines}\n\nご確認のほどお願いいたします。"
        codes = ["sensitive_pii", *ft(s, [p])]
        note = f"My Numbers of {len(sel)} owners in the body to the tax accountant {who(p)}"
        to = p
    elif v < 5:
        to = R.choice(owners)
        mid = (f"支払調書の作成のため、ご提出いただいたマイナンバーを確認させてください。\n\n氏名：{to.name}\n住所：{to.extra['addr']}\n"
               f"個人番号：{to.extra['mynumber']}\n\n相違がございましたらご返信ください。")
        codes = ["sensitive_pii", *ft(s, [to])]
        note = f"owner {who(to)}'s own My Number in the body"
    else:
        o = R.choice([x for x in owners if twin_of(x, ("tenant", "owner"))])
        to = R.choice(twin_of(o, ("tenant", "owner")))
        mid = (f"支払調書の作成のため、ご提出いただいたマイナンバーを確認させてください。\n\n氏名：{o.name}\n住所：{o.extra['addr']}\n"
               f"個人番号：{o.extra['mynumber']}\n\n相違がございましたらご返信ください。")
        codes = ["sensitive_pii", "content_recipient_mismatch", "similar_recipient", *ft(s, [to])]
        note = f"owner {who(o)}'s My Number in the body, sent to same-surname {who(to)}"
        emit("mynumber_in_body", "risky", codes, note, s, [P(to)], "支払調書作成のためのご確認", letter(s, o, mid, sal(o, 0)), when=when)
        return
    emit("mynumber_in_body", "risky", codes, note, s, [P(to)], "支払調書作成のためのご確認" if v >= 3 else "支払調書 対象者一覧",
         letter(s, to, mid), when=when)


LOOKALIKE = [("g2", "life-hosho.test", "life-hosho.example", "TLD swap (.test -> .example)"),
             ("g3", "yachin-support.example", "yachin-support.example.com", "TLD swap (.example -> .example.com)"),
             ("g1", "nihon-chintai-hosho.example", "nihon-chintai-hosyo.example", "hosho -> hosyo"),
             ("g4", "anshin-rentguard.example.com", "anshin-rentgaurd.example.com", "swapped letters ua"),
             ("b1", "housenext.example", "house-next.example", "added hyphen"),
             ("b4", "mirai-home.example", "mirai-horne.example", "rn for m"),
             ("v4", "key-partners.example", "key-partner.example", "dropped s"),
             ("int", ORG_DOMAIN, "kotobuki-jp.example", "internal domain k -> p")]


def lookalike_domain(i: int) -> None:
    key, real, fake, how = LOOKALIKE[i]
    when = T()
    if key == "int":
        s = R.choice(CHUKAI)
        p = R.choice(SHINSA)
        addr = p.email.replace(real, fake)
        a = R.choice(APPLICANTS)
        atts = [att(*application(a, a.bld.guarantor, when, "pdf")), att(*id_copy(a))]
        text = f"{p.last}さん\n\nお疲れさまです。{s.last}です。\n{a.bld.name} {a.room}号室の申込書類です。審査手配をお願いします。\n\n{s.name}\n"
        emit("lookalike_domain", "risky", ["lookalike_domain", "similar_recipient", "first_time_recipient"],
             f"colleague {p.name} at {fake} ({how}) instead of {p.email}; applicant documents attached", s, [(p.name, addr)],
             f"申込書類（{a.bld.name}）", text, atts, when=when)
        return
    o = ORGS[key]
    p = R.choice([q for q in o.people if q.email not in NEVER])
    pool = {"guarantor": SHINSA + KANRI, "broker": CHUKAI, "key": SHUZEN}[o.kind]
    s = sender_for(p, pool)
    addr = p.email.replace("@" + real, "@" + fake)
    atts = []
    if o.kind == "guarantor" and R.random() < 0.7:
        a = R.choice(APPLICANTS)
        atts = [att(*application(a, o, when, R.choice(["pdf", "docx"]))), att(*id_copy(a))]
        mid = f"{a.bld.name} {a.room}号室のお申込み（{a.name}様）について、保証審査をお願いいたします。"
    elif o.kind == "broker":
        b = R.choice(BLDS)
        mid = f"{b.name}の内見用キーボックスの番号は「{R.randint(1000, 9999)}」です。\nご案内後は必ずダイヤルを戻してください。"
    else:
        b = R.choice(BLDS)
        mid = f"{b.name} {R.choice(b.rooms)}号室の鍵交換をお願いします。\n旧鍵の回収と、新しい暗証番号（{R.randint(1000, 9999)}）の設定までお願いいたします。"
    emit("lookalike_domain", "risky", ["lookalike_domain", "similar_recipient", "first_time_recipient"],
         f"{p.name} at {fake} ({how}) instead of {p.email}", s, [(p.name, addr)], "ご依頼の件", letter(s, p, mid), atts, when=when)


UNKNOWN = [("株式会社リブハウス", "livhouse.example", "broker"), ("株式会社レントコンシェル", "rentconcier.example.com", "guarantor"),
           ("株式会社ムーブワン", "move-one.test", "moving"), ("ひまわり法律事務所", "himawari-law.example", "law"),
           ("株式会社住まいリペア", "sumai-repair.test", "repair"), ("", "webmail-jp.example", "private")]


def first_time_unknown_org(i: int) -> None:
    name, dom, kind = UNKNOWN[i]
    when = T()
    p = person(common_p=0.3)
    email = f"{p.fr[0]}.{p.lr}@{dom}" if kind != "private" else f"{p.lr}{p.fr}{R.randint(10, 99)}@{dom}"
    salut = f"{name}\n{p.name} 様" if name else f"{p.name} 様"
    if kind == "broker":
        a = R.choice(APPLICANTS)
        s = R.choice(CHUKAI)
        atts = [att(*application(a, a.bld.guarantor, when, "pdf")), att(*id_copy(a))]
        mid = f"お問い合わせの{a.last}様のお申込み書類をお送りします。\n{a.bld.name} {a.room}号室の件、よろしくお願いいたします。"
        codes = ["first_time_recipient", "pii_in_attachment"]
    elif kind == "guarantor":
        s = R.choice(KANRI)
        rows = arrears_rows(R.randint(30, 40))
        atts = [att(f"滞納者一覧_{when:%Y%m}.xlsx", xlsx([("滞納", rows)]))]
        mid = "先日お電話でご提案いただいた保証切替の件、現在の滞納者一覧をお送りいたします。\nお見積りをお願いいたします。"
        codes = ["first_time_recipient", "bulk_pii", "pii_in_attachment"]
    elif kind == "moving":
        t = R.choice(TENANTS)
        s = t.bld.managers[0]
        atts = []
        mid = (f"{t.bld.name} {t.room}号室 {t.name}様の退去日の搬出についてご連絡いたします。\n入居者様携帯：{t.extra['phone']}\n"
               f"転居先：{street()[1]}\nキーボックス暗証番号：{R.randint(1000, 9999)}（玄関横のメーターボックス内）")
        codes = ["first_time_recipient"]
    elif kind == "law":
        s = R.choice(KANRI)
        rows = arrears_rows(R.randint(8, 14))
        atts = [att(f"督促対象者_{when:%Y%m}.csv", csvb(rows, "cp932"))]
        mid = "明渡し訴訟のご相談の件、対象となる入居者の一覧をお送りいたします。\nご検討のほど、よろしくお願いいたします。"
        codes = ["first_time_recipient", "pii_in_attachment"]
    elif kind == "repair":
        b = R.choice([b for b in BLDS if len(b.tenants) >= 4])
        s = R.choice(SHUZEN)
        rows = roster_rows([b])
        atts = [att(f"入居者連絡先_{b.name}.xlsx", xlsx([(b.name, rows)]))]
        mid = f"{b.name}の給水管更新工事について、各住戸への日程連絡に使う入居者連絡先をお送りします。"
        codes = ["first_time_recipient", "pii_in_attachment"]
    else:
        t = R.choice(TENANTS)
        s = t.bld.managers[0]
        p = person(SUR[t.last])
        email = f"{p.lr}{p.fr}{R.randint(10, 99)}@{dom}"
        salut = f"{p.name} 様"
        atts = [att(*contract(t, "pdf"))]
        mid = (f"{t.name}様のお兄様とのことで、お問い合わせの契約内容をお送りいたします。\n{t.bld.name} {t.room}号室、"
               f"勤務先は{t.extra['employer']}とお伺いしております。")
        codes = ["first_time_recipient", "pii_in_attachment", "content_recipient_mismatch"]
        name = f"self-declared brother of {t.name}, free mail, not in contacts"
    emit("first_time_unknown_org", "risky", codes, f"first mail to {p.name} <{email}> of {name or 'unknown'} (not in contacts.csv)",
         s, [(p.name, email)], "ご依頼の資料", letter(s, Pn(p.last, p.first, p.lk, p.fk, p.lr, p.fr, kind="x"), mid, salut), atts, when=when)


def key_code_wrong_recipient(v: int) -> None:
    when = T()
    code = f"{R.randint(0, 9999):04d}"
    if v < 3:
        t = R.choice([t for t in TENANTS if twin_of(t, ("tenant", "applicant", "family"))])
        wrong = R.choice(twin_of(t, ("tenant", "applicant", "family")))
        s = t.bld.managers[0]
        mid = (f"{t.bld.name} {t.room}号室のお鍵の受け取り方法をご案内いたします。\n\n・キーボックス（{t.room}号室ドア横）暗証番号：{code}\n"
               f"・エントランス オートロック解除：#{R.randint(1000, 9999)}\n\n受け取り後はダイヤルを「0000」に戻してください。")
        codes = ["content_recipient_mismatch", "similar_recipient", *ft(s, [wrong])]
        emit("key_code_wrong_recipient", "risky", codes, f"key-box code for {who(t)} sent to same-surname {who(wrong)}", s, [P(wrong)],
             f"【{t.bld.name}】鍵のお受け取りについて", letter(s, t, mid, sal(t, R.choice([0, 3]))), when=when)
    else:
        pa, pb = R.choice(staff_twins("broker"))
        s = sender_for(pa, CHUKAI)
        b = R.choice(BLDS)
        mid = (f"{b.name} {R.choice(b.rooms)}号室の内見用キーボックス番号をお知らせします。\n番号：{code}（メーターボックス内）\n"
               "ご案内は本日17時までにお願いいたします。")
        codes = ["content_recipient_mismatch", "similar_recipient", *ft(s, [pb])]
        emit("key_code_wrong_recipient", "risky", codes, f"viewing key code meant for {who(pa)} sent to {who(pb)}", s, [P(pb)],
             f"内見の件（{b.name}）", letter(s, pa, mid, sal(pa, R.choice([1, 3]))), when=when)


def autocomplete_private_address(v: int) -> None:
    when = T()
    if v < 2:
        o = R.choice([x for x in OWNERS if x.kind == "owner" and twin_of(x, ("tenant", "family", "applicant"))])
        wrong = R.choice(twin_of(o, ("tenant", "family", "applicant")))
        s = R.choice(KEIRI)
        fn, data = remittance(o, when, "pdf")
        mid = f"{when.month - 1}月分の送金明細をお送りいたします。\nご登録口座（{o.extra['bank'][0]}）へお振込み済みです。"
        note = f"display name of owner {o.name}, address {wrong.email} of {wrong.name} [{wrong.orgname}]; remittance statement with bank account"
        to, right, subj = wrong, o, f"{when.month - 1}月分 送金明細のご送付"
    elif v < 4:
        t = R.choice([x for x in TENANTS if twin_of(x, ("tenant", "family", "owner", "guarantor"))])
        wrong = R.choice(twin_of(t, ("tenant", "family", "owner", "guarantor")))
        s = t.bld.managers[0]
        fn, data = contract(t, R.choice(["pdf", "docx"]))
        mid = "更新後の賃貸借契約書をお送りいたします。内容をご確認ください。"
        note = f"display name of tenant {t.name} ({t.bld.name} {t.room}), address {wrong.email} of {wrong.name} [{wrong.orgname}]"
        to, right, subj = wrong, t, f"【{t.bld.name}】更新契約書のご送付"
    else:
        pairs = [(a, b) for a, b in staff_twins("guarantor") if a.email.split("@")[0] == b.email.split("@")[0]] or staff_twins("guarantor")
        pa, pb = R.choice(pairs)
        s = sender_for(pa, SHINSA)
        a = R.choice(APPLICANTS)
        fn, data = application(a, pa.org, when, "pdf")
        mid = f"{a.bld.name} {a.room}号室の申込書を再送いたします（年収欄を修正済み）。"
        note = f"display name of {pa.name} ({pa.org.name}), address {pb.email} of {pb.org.name}; application names {pa.org.name}"
        to, right, subj = pb, pa, "申込書 再送"
    codes = ["content_recipient_mismatch", "similar_recipient", "attachment_recipient_mismatch", *ft(s, [to])]
    emit("autocomplete_private_address", "risky", codes, note, s, [(right.name, to.email)], subj, letter(s, right, mid),
         [att(fn, data)], when=when)


def screening_result_wrong_applicant() -> None:
    when = T()
    pairs = [(a, b) for a in APPLICANTS for b in APPLICANTS + TENANTS if b is not a and b.last == a.last]
    a, wrong = R.choice(pairs)
    s = R.choice(SHINSA)
    verdict = R.choice(["承認", "条件付承認", "否決"])
    f = result_doc(a, a.bld.guarantor, verdict, when)
    mid = (f"{a.bld.name} {a.room}号室のお申込みについて、審査の結果をお知らせいたします。\n結果：{verdict}\n"
           "詳細は添付の通知書をご確認ください。")
    codes = ["content_recipient_mismatch", "similar_recipient", "attachment_recipient_mismatch", *ft(s, [wrong])]
    emit("screening_result_wrong_applicant", "risky", codes, f"result for applicant {who(a)} sent to {who(wrong)}", s, [P(wrong)],
         "入居審査結果のお知らせ", letter(s, a, mid, sal(a, R.choice([0, 1]))), [att(*f)], when=when)


# ------------------------------------------------------------------ plan
def plan() -> list:
    jobs = []
    jobs += [ok_routine] * 10 + [ok_internal] * 9 + [ok_owner_own_tenants] * 6 + [ok_guarantor_screening] * 7
    jobs += [ok_tenant_with_guarantor] * 6 + [ok_notice_bcc] * 6 + [ok_reply_quoting_other] * 6 + [ok_same_surname_right_party] * 8
    jobs += [ok_first_mail_known_org] * 5 + [ok_attachment_match] * 8 + [ok_applicant_own_result] * 4 + [ok_broker_own_applicant] * 4
    jobs += [lambda v=v: applicant_docs_wrong_party(v) for v in range(10)]
    jobs += [lambda v=v: arrears_wrong_tenant(v) for v in range(10)]
    jobs += [lambda v=v: wrong_attachment(v) for v in range(10)]
    jobs += [lambda v=v: roster_to_outside(v) for v in range(8)]
    jobs += [open_recipient_list] * 7
    jobs += [lambda v=v: reply_all_third_party(v) for v in range(8)]
    jobs += [lambda v=v: mynumber_in_body(v) for v in range(6)]
    jobs += [lambda v=v: lookalike_domain(v) for v in range(8)]
    jobs += [lambda v=v: first_time_unknown_org(v) for v in range(6)]
    jobs += [lambda v=v: key_code_wrong_recipient(v) for v in range(5)]
    jobs += [lambda v=v: autocomplete_private_address(v) for v in range(6)]
    jobs += [screening_result_wrong_applicant] * 4
    return jobs


def main() -> None:
    jobs = plan()
    R.shuffle(jobs)
    for f in jobs:
        f()
    md = os.path.join(OUT, "messages")
    if os.path.isdir(md):
        shutil.rmtree(md)
    os.makedirs(md)
    for fn, data in FILES:
        with open(os.path.join(OUT, fn), "wb") as fh:
            fh.write(data)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for lb in LABELS:
            fh.write(json.dumps(lb, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "mamori.toml"), "w", encoding="utf-8") as fh:
        fh.write(f'[organization]\nname = "{ORG_NAME}"\ninternal_domains = ["{ORG_DOMAIN}"]\n')
    with open(os.path.join(OUT, "contacts.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in PEOPLE:
            w.writerow([p.name, p.kana, p.email, p.orgname])
    with open(os.path.join(OUT, "history.jsonl"), "w", encoding="utf-8") as fh:
        for r in HIST:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = Counter((lb["expected"], lb["kind"]) for lb in LABELS)
    for (e, k), n in sorted(kinds.items()):
        print(f"{e:5} {k:36} {n}")
    print("messages", len(LABELS), "bodies", dict(STATS), "contacts", len(PEOPLE), "history", len(HIST))


if __name__ == "__main__":
    main()
