#!/usr/bin/env python3
"""Generate misdelivery3: a third, independent labelled set of outgoing mail for the 誤送信 checker.

A made-up 人材派遣会社 (株式会社ブリッジワークス), its address book (client companies, partners and individual
registered staff with free-mail addresses), a year of sending history and ~160 labelled outgoing messages.
Run: PYTHONPATH=/path/to/faker python generate.py  (needs faker, openpyxl, python-docx, reportlab, `zip`).
Written from office mistakes, not from the checker's rules (the checker's code was not read).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
from base64 import encodebytes
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime, formataddr, make_msgid
from quopri import encodestring

from faker import Faker
from faker.providers.person.ja_JP import Provider as JaPerson

SEED = 7301
R = random.Random(SEED)
FK = Faker("ja_JP")
FK.seed_instance(SEED)
JST = dt.timezone(dt.timedelta(hours=9))
HERE = os.path.dirname(os.path.abspath(__file__))
OWN = "株式会社ブリッジワークス"
DOM = "bridgeworks.example"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

# ------------------------------------------------------------------ the world
CLIENTS = [
    ("東邦精機株式会社", "東邦精機", "toho-seiki.example"),
    ("東邦精機販売株式会社", "東邦精機販売", "tohoseiki-hanbai.test"),
    ("みなと食品株式会社", "みなと食品", "minato-foods.example"),
    ("みなと食品ロジスティクス株式会社", "みなと食品ロジ", "minato-logi.example.com"),
    ("株式会社青柳製作所", "青柳製作所", "aoyagi-ss.example"),
    ("青柳商事株式会社", "青柳商事", "aoyagi-shoji.test"),
    ("株式会社北斗電子", "北斗電子", "hokuto-denshi.example"),
    ("大和ロジテック株式会社", "大和ロジテック", "yamato-logitec.example"),
    ("株式会社グリーンフィールド", "グリーンフィールド", "greenfield.example.com"),
    ("千歳製薬株式会社", "千歳製薬", "chitose-pharma.example"),
    ("株式会社サンライズ保険サービス", "サンライズ保険", "sunrise-ins.test"),
    ("山城建設株式会社", "山城建設", "yamashiro-kensetsu.example"),
    ("株式会社ことぶき不動産", "ことぶき不動産", "kotobuki-re.example"),
    ("白浜リゾート株式会社", "白浜リゾート", "shirahama-resort.test"),
    ("株式会社テクノアーク", "テクノアーク", "technoarc.example"),
    ("丸の内コールセンター株式会社", "丸の内CC", "marunouchi-cc.example"),
    ("株式会社若葉保育サービス", "若葉保育", "wakaba-hoiku.example"),
    ("港南倉庫株式会社", "港南倉庫", "konan-soko.test"),
    ("株式会社ミドリ化粧品", "ミドリ化粧品", "midori-cosme.example"),
    ("中央信用金庫", "中央信金", "chuo-shinkin.example"),
    ("株式会社オリオン書房", "オリオン書房", "orion-shobo.example.com"),
    ("日向電機株式会社", "日向電機", "hyuga-denki.example"),
    ("株式会社フジミ精工", "フジミ精工", "fujimi-seiko.test"),
    ("松風堂製菓株式会社", "松風堂", "shofudo.example"),
    ("株式会社ネクストリテール", "ネクストリテール", "next-retail.example"),
    ("医療法人さつき会 さつき総合病院", "さつき病院", "satsuki-hp.example"),
    ("株式会社スカイライン航空サービス", "スカイライン", "skyline-as.example"),
    ("北陸ケミカル株式会社", "北陸ケミカル", "hokuriku-chem.test"),
    ("株式会社ベイサイドホテルズ", "ベイサイドホテルズ", "bayside-hotels.example"),
    ("株式会社アクアテック", "アクアテック", "aquatech.example.com"),
    ("常盤通運株式会社", "常盤通運", "tokiwa-tsuun.example"),
    ("株式会社ひまわり介護", "ひまわり介護", "himawari-kaigo.example"),
    ("関東メディカルシステム株式会社", "関東メディカル", "kanto-medsys.test"),
    ("株式会社エムズ・デザイン", "エムズデザイン", "ms-design.example"),
    ("株式会社ライトウェイ", "ライトウェイ", "rightway.example"),
    ("株式会社みなと銀行サービス", "みなと銀行サービス", "minato-bs.example"),
]
PARTNERS = [
    ("社会保険労務士法人みらい綜合", "みらい綜合", "sr-mirai.example"),
    ("ひかり健診センター", "ひかり健診", "hikari-kenshin.test"),
    ("株式会社ペイロールワン", "ペイロールワン", "payroll-one.example"),
    ("株式会社東和印刷", "東和印刷", "towa-print.example"),
    ("株式会社セキュアシュレッド", "セキュアシュレッド", "secure-shred.example.com"),
    ("株式会社キャリアリンク", "キャリアリンク", "careerlink-ad.test"),
    ("弁護士法人あおば総合法律事務所", "あおば法律", "aoba-law.example"),
    ("株式会社ジョブテスト", "ジョブテスト", "jobtest.example"),
]
FREEMAIL = ["freemail-jp.example", "mailbox.test", "webmail.example.com", "pmail.example", "keitai.test"]
INDIVIDUAL = "個人"
COMMON = ["佐藤", "鈴木", "高橋", "田中", "小林", "加藤", "吉田", "山田"]
EXTRA_LAST = [("川口", "カワグチ", "Kawaguchi"), ("小野寺", "オノデラ", "Onodera"), ("宮下", "ミヤシタ", "Miyashita"),
              ("大塚", "オオツカ", "Otsuka"), ("片山", "カタヤマ", "Katayama"), ("菅原", "スガワラ", "Sugawara"),
              ("岩崎", "イワサキ", "Iwasaki"), ("安田", "ヤスダ", "Yasuda"), ("杉本", "スギモト", "Sugimoto"),
              ("今井", "イマイ", "Imai"), ("野口", "ノグチ", "Noguchi"), ("千葉", "チバ", "Chiba"),
              ("望月", "モチヅキ", "Mochizuki"), ("桑原", "クワハラ", "Kuwahara"), ("東", "アズマ", "Azuma")]
EXTRA_FIRST = [("悠真", "ユウマ", "Yuma"), ("美咲", "ミサキ", "Misaki"), ("蓮", "レン", "Ren"), ("結衣", "ユイ", "Yui"),
               ("大輝", "ダイキ", "Daiki"), ("彩花", "アヤカ", "Ayaka"), ("健太", "ケンタ", "Kenta"),
               ("真由美", "マユミ", "Mayumi"), ("浩二", "コウジ", "Koji"), ("典子", "ノリコ", "Noriko")]
LASTS = [*list(JaPerson.last_name_pairs), *EXTRA_LAST]
FIRSTS = [*list(JaPerson.first_name_male_pairs), *list(JaPerson.first_name_female_pairs), *EXTRA_FIRST]
DEPTS = ["人事部", "総務部", "人事総務課", "製造部", "購買部", "業務部", "物流センター", "経理部", "管理本部",
         "営業推進部"]
TITLES = ["", "", "", "課長", "係長", "主任", "部長", "マネージャー"]


@dataclass
class Org:
    name: str
    short: str
    domain: str
    kind: str
    people: list = field(default_factory=list)


@dataclass
class Person:
    last: str
    first: str
    lkana: str
    fkana: str
    lr: str
    fr: str
    email: str
    org: Org
    dept: str = ""
    title: str = ""

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"

    @property
    def kana(self) -> str:
        return f"{self.lkana} {self.fkana}"


def last_pair(common: float = 0.35) -> tuple:
    if R.random() < common:
        c = R.choice(COMMON)
        return next(p for p in LASTS if p[0] == c)
    return R.choice(LASTS)


def local(fmt: int, lr: str, fr: str) -> str:
    lr, fr = lr.lower(), fr.lower()
    return [f"{fr[0]}.{lr}", f"{lr}.{fr[0]}", f"{fr}.{lr}", f"{fr[0]}{lr}", f"{lr}-{fr}", f"{lr}_{fr}",
            f"{lr}{fr[0]}"][fmt]


ORGS: list[Org] = []
PEOPLE: list[Person] = []
STAFF: list[Person] = []  # internal
USED: set[str] = set()


def add(org: Org, lp_: tuple, fp: tuple, lp: str | None = None, fmt: int | None = None) -> Person:
    lp = lp or local(fmt if fmt is not None else R.randrange(7), lp_[2], fp[2])
    email = f"{lp}@{org.domain}"
    k = 2
    while email in USED:
        email = f"{lp}{k}@{org.domain}"
        k += 1
    USED.add(email)
    p = Person(lp_[0], fp[0], lp_[1], fp[1], lp_[2], fp[2], email, org, R.choice(DEPTS), R.choice(TITLES))
    org.people.append(p)
    if org.kind != "internal":
        PEOPLE.append(p)
    return p


def build_world() -> None:
    me = Org(OWN, "ブリッジワークス", DOM, "internal")
    ORGS.append(me)
    depts = ["営業部"] * 12 + ["コーディネート課"] * 6 + ["管理部"] * 4
    for d in depts:
        p = add(me, last_pair(0.3), R.choice(FIRSTS))
        p.dept, p.title = d, R.choice(["", "", "主任", "課長"])
        STAFF.append(p)
    for nm, short, dom in CLIENTS:
        org = Org(nm, short, dom, "client")
        ORGS.append(org)
        for _ in range(R.randint(4, 6)):
            add(org, last_pair(), R.choice(FIRSTS))
    for nm, short, dom in PARTNERS:
        org = Org(nm, short, dom, "partner")
        ORGS.append(org)
        for _ in range(R.randint(2, 3)):
            add(org, last_pair(), R.choice(FIRSTS))
    clients = [o for o in ORGS if o.kind == "client"]
    # twins: the same full name (and often the same local part) at two client companies
    for _ in range(11):
        a, b = R.sample(clients, 2)
        lp_, fp = last_pair(0.7), R.choice(FIRSTS)
        fmt = R.randrange(7)
        add(a, lp_, fp, fmt=fmt)
        add(b, lp_, fp, fmt=fmt if R.random() < 0.7 else None)
    # individuals: registered staff (登録スタッフ) with free-mail addresses
    ind = Org(INDIVIDUAL, INDIVIDUAL, "", "individual")
    ORGS.append(ind)
    for i in range(34):
        lp_, fp = last_pair(0.45), R.choice(FIRSTS)
        if i in (10, 20, 30):  # twin individuals: same name, other free-mail address
            prev = ind.people[i - 5]
            lp_ = (prev.last, prev.lkana, prev.lr)
            fp = (prev.first, prev.fkana, prev.fr)
        ind.domain = R.choice(FREEMAIL)
        lpart = R.choice([f"{fp[2].lower()}.{lp_[2].lower()}{R.randint(1, 99)}",
                          f"{lp_[2].lower()}{R.randint(70, 2005)}",
                          f"{fp[2].lower()}_{R.choice(['happy', 'blue', 'star', 'm', 'k'])}{R.randint(1, 9)}"])
        add(ind, lp_, fp, lp=lpart)
    for p in ind.people:
        p.dept = p.title = ""


def stem_of(a: Org, b: Org) -> bool:
    return a.short[:3] == b.short[:3]


# ------------------------------------------------------------------ history
HSTART = dt.datetime(2025, 10, 1, tzinfo=JST)
MSTART = dt.datetime(2026, 10, 1, tzinfo=JST)
OWNED: dict[str, list[Org]] = {}
SENT: dict[str, set[str]] = defaultdict(set)
NEVER: set[str] = set()
SUBJ_CLIENT = ["派遣スタッフ勤怠のご確認", "{m}月分 ご請求書送付の件", "個別契約書更新のご案内", "増員のご相談について",
               "Re: 来月のシフトについて", "定例ミーティングの日程", "Re: 就業状況のご報告", "派遣料金改定のご相談",
               "職場見学の日程調整", "Re: Re: 欠勤連絡の件", "契約更新意向確認", "{m}月度 稼働報告"]
SUBJ_IND = ["お仕事のご紹介", "Re: 就業開始日のご案内", "有給休暇申請の件", "{m}月分 給与明細のご案内",
            "契約更新のご意向確認", "Re: 勤怠入力のお願い", "健康診断のご案内", "Re: 面談日程"]
SUBJ_PART = ["社会保険手続きの件", "{m}月分 給与計算データ", "健診予約の件", "印刷物校正のお願い", "Re: 回収日程",
             "求人広告掲載内容", "ご相談の件", "適性検査アカウント発行"]
SUBJ_INT = ["週次営業会議", "Re: 共有", "稼働状況まとめ", "Re: 月次締め", "研修のお知らせ", "経費精算"]


def rtime(start: dt.datetime, days: int) -> dt.datetime:
    d = start + dt.timedelta(days=R.randrange(days))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d.replace(hour=R.randint(8, 19), minute=R.randrange(60), second=R.randrange(60))


def history() -> list[dict]:
    clients = [o for o in ORGS if o.kind == "client"]
    partners = [o for o in ORGS if o.kind == "partner"]
    ind = next(o for o in ORGS if o.kind == "individual")
    sales = [s for s in STAFF if s.dept == "営業部"]
    coords = [s for s in STAFF if s.dept == "コーディネート課"]
    admin = [s for s in STAFF if s.dept == "管理部"]
    order = clients[:]
    R.shuffle(order)
    for i, s in enumerate(sales):
        OWNED[s.email] = [order[(3 * i + j) % len(order)] for j in range(3)]
    for s in coords:
        OWNED[s.email] = [ind]
    for i, s in enumerate(admin):
        OWNED[s.email] = partners[2 * i:2 * i + 2]
    share = {s.email: ind.people[i::len(coords)] for i, s in enumerate(coords)}
    allp = list(PEOPLE)
    never = set(R.sample([p.email for p in allp if p.org.kind == "client"], 14))
    NEVER.update(never)
    out = []
    for _ in range(3000):
        s = R.choice(sales * 3 + coords * 2 + admin)
        r = R.random()
        to: list[str] = []
        cc: list[str] = []
        if r < 0.8:
            if s in coords:
                pool = [p for p in share[s.email] if p.email not in never]
                subj = R.choice(SUBJ_IND)
            else:
                org = R.choice(OWNED[s.email])
                pool = [p for p in org.people if p.email not in never]
                subj = R.choice(SUBJ_CLIENT if s in sales else SUBJ_PART)
            to.append(R.choice(pool).email)
            if s not in coords and R.random() < 0.35:
                cc.append(R.choice(pool).email)
            if R.random() < 0.2:
                cc.append(R.choice(STAFF).email)
        elif r < 0.92:
            to = [R.choice(STAFF).email for _ in range(R.randint(1, 3))]
            subj = R.choice(SUBJ_INT)
        else:
            to = [R.choice([p for p in allp if p.email not in never]).email]
            subj = R.choice(SUBJ_CLIENT + SUBJ_PART)
        to = list(dict.fromkeys(a for a in to if a != s.email)) or [R.choice(STAFF).email]
        cc = [a for a in dict.fromkeys(cc) if a not in to and a != s.email]
        when = rtime(HSTART, 365)
        out.append({"date": when.isoformat(), "from": s.email, "to": to, "cc": cc,
                    "subject": subj.format(m=when.month)})
        SENT[s.email].update(to + cc)
    out.sort(key=lambda h: h["date"])
    return out


# ------------------------------------------------------------------ attachments
def pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "IPAexG" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexG", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 800
    for ln in lines:
        if y < 50:
            c.showPage()
            y = 800
        c.setFont("IPAexG", 10)
        c.drawString(40, y, ln)
        y -= 16
    c.save()
    return buf.getvalue()


def xlsx(rows: list[list], title: str = "Sheet1") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(title: str, paras: list[str], table: list[list] | None = None) -> bytes:
    import docx as pydocx

    d = pydocx.Document()
    d.add_heading(title, 1)
    for t in paras:
        d.add_paragraph(t)
    if table:
        tb = d.add_table(rows=0, cols=len(table[0]))
        for r in table:
            cells = tb.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def csvb(rows: list[list], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(enc, errors="replace")


def zipb(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files:
            z.writestr(n, b)
    return buf.getvalue()


def zip_pw(files: list[tuple[str, bytes]], pw: str) -> bytes:
    d = tempfile.mkdtemp()
    try:
        for n, b in files:
            with open(os.path.join(d, n), "wb") as f:
                f.write(b)
        paths = [os.path.join(d, n) for n, _ in files]
        subprocess.run(["zip", "-q", "-P", pw, "-j", os.path.join(d, "out.zip"), *paths], check=True)
        with open(os.path.join(d, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(d)


CT = {"pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "csv": "text/csv",
      "zip": "application/zip", "txt": "text/plain"}


def att(name: str, data: bytes) -> tuple[str, bytes, str]:
    return (name, data, CT[name.rsplit(".", 1)[1]])


def mobile() -> str:
    return f"0{R.choice('789')}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def birth() -> str:
    d = dt.date(1962, 1, 1) + dt.timedelta(days=R.randrange(365 * 42))
    return d.isoformat() if R.random() < 0.5 else f"{d.year}年{d.month}月{d.day}日"


def fake_people(n: int) -> list[list[str]]:
    rows = []
    for _ in range(n):
        lp_, fp = R.choice(LASTS), R.choice(FIRSTS)
        rows.append([f"{lp_[0]} {fp[0]}", f"{lp_[1]} {fp[1]}", birth(), FK.zipcode(), FK.address(), mobile(),
                     f"{fp[2].lower()}.{lp_[2].lower()}{R.randint(1, 999)}@{R.choice(FREEMAIL)}"])
    return rows


PHEAD = ["氏名", "フリガナ", "生年月日", "郵便番号", "住所", "携帯電話", "メールアドレス"]


def invoice(org: Org, month: int, fmt: str) -> tuple[str, bytes]:
    jobs = ["一般事務", "軽作業", "製造補助", "コールセンター", "受付"]
    hrs = [(R.choice(jobs), R.randint(80, 900)) for _ in range(3)]
    rate = R.choice([1850, 2100, 2400, 2650])
    lines = [f"請求書（{month}月分）", f"{org.name} 御中", "", f"発行元: {OWN}  請求番号 BW-{R.randint(10000, 99999)}"]
    lines += [f"{j} 稼働時間 {h}h × 単価 {rate:,}円 = {h * rate:,}円" for j, h in hrs]
    lines.append(f"合計（税込） {int(sum(h for _, h in hrs) * rate * 1.1):,}円")
    name = R.choice([f"請求書_{month}月分.{fmt}", f"ご請求書_{org.short}_{month}月.{fmt}",
                     f"invoice_2026{month:02d}.{fmt}"])
    if fmt == "pdf":
        return name, pdf(lines)
    if fmt == "xlsx":
        return name, xlsx([[ln] for ln in lines], "請求書")
    return name, docx(lines[0], lines[1:])


def tsuchisho(org: Org, staff: list[Person], fmt: str) -> tuple[str, bytes]:
    """派遣先通知書: tells the client who is dispatched (names, insurance) — legitimate for that client."""
    head = ["派遣労働者氏名", "性別", "年齢区分", "健康保険", "厚生年金", "雇用保険"]
    ages = ["45歳以上", "18歳以上45歳未満"]
    rows = [[p.name, R.choice(["男", "女"]), R.choice(ages), "有", "有", "有"] for p in staff]
    title = f"派遣先通知書 {org.name} 御中"
    name = R.choice(["派遣先通知書.", "派遣先通知書_2026年11月.", f"通知書_{org.short}."]) + fmt
    if fmt == "xlsx":
        return name, xlsx([[title], [f"派遣元 {OWN}"], head, *rows])
    if fmt == "pdf":
        return name, pdf([title, f"派遣元 {OWN}", " / ".join(head)] + [" / ".join(r) for r in rows])
    return name, docx(title, [f"派遣元 {OWN}"], [head, *rows])


def timesheet(org: Org, staff: list[Person], month: int) -> tuple[str, bytes]:
    rows = [[f"{org.name} 御中 {month}月度 勤務実績"], ["氏名", "出勤日数", "実働時間", "残業時間"]]
    rows += [[p.name, R.randint(15, 22), R.randint(110, 170), R.randint(0, 25)] for p in staff]
    enc = R.choice(["utf-8-sig", "cp932"])
    return f"勤務実績_{month}月_{org.short}.csv", csvb(rows, enc)


def quote(org: Org) -> tuple[str, bytes]:
    lines = ["御見積書", f"{org.name} 御中", f"{OWN}", "件名: 派遣スタッフ増員（3名）",
             f"一般事務 時間単価 {R.choice([1900, 2050, 2200]):,}円", "有効期限: 発行日より30日"]
    return R.choice(["御見積書.pdf", f"見積書_{org.short}.pdf", "Quotation_BW.pdf"]), pdf(lines)


def payslip(p: Person, month: int) -> tuple[str, bytes]:
    base = R.randint(140, 260) * 1000
    lines = [f"{month}月分 給与明細書", f"{p.name} 様", f"スタッフ番号 S{R.randint(100000, 999999)}",
             f"支給額 {base:,}円  健康保険 {base // 20:,}円  厚生年金 {base // 11:,}円",
             f"振込先 ○○銀行 普通 {R.randint(1000000, 9999999)}", f"差引支給額 {base - base // 7:,}円"]
    return R.choice([f"給与明細_{month}月.pdf", f"{p.last}様_給与明細_2026{month:02d}.pdf"]), pdf(lines)


def contract(p: Person, org: Org) -> tuple[str, bytes]:
    paras = [f"{p.name} 殿", f"就業先: {org.name}", f"住所: {FK.address()}", f"生年月日: {birth()}",
             f"時給 {R.choice([1300, 1450, 1600]):,}円 / 契約期間 2026年11月1日〜2027年1月31日"]
    name = R.choice(["労働条件通知書.docx", f"就業条件明示書_{p.last}.docx"])
    return name, docx("労働条件通知書兼就業条件明示書", paras)


def staff_list(n: int, fmt: str) -> tuple[str, bytes]:
    rows = [PHEAD, *fake_people(n)]
    name = R.choice(["登録スタッフ一覧", "スタッフ名簿", "stafflist", "登録者リスト_最新", "候補者一覧"])
    if fmt == "xlsx":
        return f"{name}.xlsx", xlsx(rows, "名簿")
    return f"{name}.csv", csvb(rows, R.choice(["utf-8-sig", "cp932"]))


SENS = {"health": (["氏名", "生年月日", "健診日", "所見", "判定", "既往歴"],
                   ["高血圧", "糖尿病（治療中）", "脂質異常症", "肝機能障害", "うつ病（通院中）", "喘息", "不整脈"]),
        "disability": (["氏名", "生年月日", "障害の種類", "等級", "手帳番号", "配慮事項"],
                       ["身体障害（下肢）", "精神障害", "知的障害", "聴覚障害", "内部障害（心臓）"]),
        "leave": (["氏名", "スタッフ番号", "休職開始日", "診断名", "主治医意見", "復職見込み"],
                  ["適応障害", "うつ病", "双極性障害", "腰椎椎間板ヘルニア", "パニック障害"])}


def sensitive(kind: str, n: int, fmt: str) -> tuple[str, bytes]:
    head, vals = SENS[kind]
    rows = [head]
    for r in fake_people(n):
        extra = {"health": ["2026-09-" + str(R.randint(10, 28)), R.choice(vals), R.choice(["A", "B", "C", "D"]),
                            R.choice(vals)],
                 "disability": [R.choice(vals), f"{R.randint(1, 6)}級", f"第{R.randint(10000, 99999)}号",
                                R.choice(["通院配慮", "座席配慮", "筆談"])],
                 "leave": [f"S{R.randint(100000, 999999)}", f"2026-0{R.randint(6, 9)}-01", R.choice(vals),
                           R.choice(["就労不可", "短時間勤務可"]), R.choice(["未定", "12月予定"])]}[kind]
        rows.append([r[0], r[2], *extra] if kind != "leave" else [r[0], *extra])
    title = {"health": "健康診断結果一覧", "disability": "障害者雇用_対象者一覧", "leave": "休職者一覧"}[kind]
    if fmt == "xlsx":
        return f"{title}.xlsx", xlsx(rows)
    if fmt == "csv":
        return f"{title}.csv", csvb(rows, "cp932")
    if fmt == "pdf":
        return f"{title}.pdf", pdf([title] + [" ".join(str(v) for v in r) for r in rows])
    return f"{title}.docx", docx(title, ["取扱注意"], rows)


# ------------------------------------------------------------------ messages
def enc_ok(cs: str, *texts: str) -> bool:
    try:
        for t in texts:
            t.encode("cp932" if cs == "shift_jis" else cs)
    except UnicodeEncodeError:
        return False
    return True


def text_part(text: str, sub: str, cs: str) -> MIMEBase:
    part = MIMEBase("text", sub)
    if cs == "iso-2022-jp":
        part.set_param("charset", "ISO-2022-JP")
        part.set_payload(text.encode("iso-2022-jp").decode("ascii"))
        part["Content-Transfer-Encoding"] = "7bit"
    elif cs == "shift_jis":
        part.set_param("charset", "Shift_JIS")
        part.set_payload(encodebytes(text.encode("cp932")).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    elif R.random() < 0.3:
        part.set_param("charset", "utf-8")
        part.set_payload(encodestring(text.encode("utf-8")).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    else:
        part.set_param("charset", "utf-8")
        part.set_payload(encodebytes(text.encode("utf-8")).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    return part


def to_html(text: str) -> str:
    paras = "".join(f"<div>{html.escape(ln) or '<br>'}</div>\n" for ln in text.split("\n"))
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:Meiryo">\n{paras}</body></html>\n'


def hdr_cs(cs: str) -> str:
    return "iso-2022-jp" if cs in ("iso-2022-jp", "shift_jis") else "utf-8"


def fmt_addr(name: str, email: str, cs: str) -> str:
    return formataddr((name, email), charset=hdr_cs(cs)) if name else email


MAILERS = {"utf-8": ["Microsoft Outlook 16.0", "Thunderbird 128.3.0", None],
           "iso-2022-jp": ["Becky! ver. 2.81.04", "Sylpheed 3.7.0"], "shift_jis": ["Denbun POP Ver3", "Active! mail 6"]}


def build(n: int, s: Person, to: list, cc: list, bcc: list, subject: str, text: str, atts: list, when: dt.datetime,
          form: str, cs: str, reply: str | None) -> bytes:
    names = [x for x, _ in to + cc + bcc] + [s.name]
    if cs != "utf-8" and not (enc_ok(cs, text, subject, *names, *[a[0] for a in atts])
                              and enc_ok("iso-2022-jp", subject, *names, *[a[0] for a in atts])):
        cs = "utf-8"
    if form == "html":
        body: MIMEBase = text_part(to_html(text), "html", cs)
    elif form == "alt":
        body = MIMEMultipart("alternative")
        body.attach(text_part(text, "plain", cs))
        body.attach(text_part(to_html(text), "html", cs))
    else:
        body = text_part(text, "plain", cs)
    if atts:
        m: MIMEBase = MIMEMultipart("mixed")
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
            if cs != "utf-8" and not fn.isascii():
                encd = Header(fn, "iso-2022-jp").encode()
                a.add_header("Content-Disposition", "attachment", filename=encd)
                a.set_param("name", encd)
            else:
                val = fn if fn.isascii() else ("utf-8", "", fn)
                a.add_header("Content-Disposition", "attachment", filename=val)
                a.set_param("name", val)
            m.attach(a)
    else:
        m = body
    m["From"] = fmt_addr(s.name, s.email, cs)
    m["To"] = ", ".join(fmt_addr(a, b, cs) for a, b in to) if to else "undisclosed-recipients:;"
    if cc:
        m["Cc"] = ", ".join(fmt_addr(a, b, cs) for a, b in cc)
    if bcc:
        m["Bcc"] = ", ".join(fmt_addr(a, b, cs) for a, b in bcc)
    m["Subject"] = subject if subject.isascii() else Header(subject, hdr_cs(cs))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(idstring=f"m3.{n:04d}", domain=DOM)
    if reply:
        m["In-Reply-To"] = reply
        m["References"] = reply
    mailer = R.choice(MAILERS[cs])
    if mailer:
        m["X-Mailer"] = mailer
    return m.as_bytes()


# ------------------------------------------------------------------ writing
def kabu(name: str) -> str:
    v = R.choice(["(株)", "㈱", "（株）"])
    return name.replace("株式会社", v, 1)


def sal(p: Person, style: str | None = None) -> str:
    o = p.org
    if o.kind == "individual":
        return R.choice([f"{p.name} 様", f"{p.last} {p.first}さま", f"{p.last}様"])
    style = style or R.choice(["full", "dept", "kabu", "short", "name", "onchu", "kakui"])
    t = f"{p.title} " if p.title else ""
    return {"full": f"{o.name}\n{p.dept} {t}{p.last}様",
            "dept": f"{o.name} {p.dept}\n{t}{p.name} 様",
            "kabu": f"{kabu(o.name)}\n{p.last}様",
            "short": f"{o.short} {p.last}様",
            "name": f"{o.name}\n{p.name}様",
            "onchu": f"{o.name}\n{p.dept} 御中\n（ご担当 {p.last}様）",
            "kakui": f"{o.name}\n{p.dept}各位"}[style]


GREET = ["いつも大変お世話になっております。", "平素より格別のご高配を賜り、厚く御礼申し上げます。",
         "お世話になっております。",
         "いつもお世話になっております。", "先日はお打ち合わせのお時間をいただき、ありがとうございました。"]
IGREET = ["いつもお仕事お疲れさまです。", "こんにちは。", "お疲れさまです。", "いつもありがとうございます。"]
CLOSE = ["何卒よろしくお願い申し上げます。", "引き続きよろしくお願いいたします。",
         "ご確認のほど、よろしくお願いいたします。",
         "ご不明な点がございましたら、お気軽にお問い合わせください。"]


def me(s: Person) -> str:
    return R.choice([f"{OWN}の{s.last}です。", f"ブリッジワークス{s.dept}の{s.last}でございます。",
                     f"株式会社ブリッジワークス {s.dept}の{s.last}です。"])


def sig(s: Person) -> str:
    t = f" {s.title}" if s.title else ""
    tel = f"03-6{R.randint(100, 999)}-{R.randint(1000, 9999)}"
    return R.choice([
        f"--\n{OWN}\n{s.dept}{t} {s.name}\nTEL: {tel}\nMail: {s.email}",
        f"━━━━━━━━━━━━━━━━━━\n{OWN}\n{s.dept} {s.name}（{s.lkana}）\n〒105-0011 東京都港区芝公園9-9-9\n"
        f"TEL {tel} / FAX 03-6999-0000\n労働者派遣事業 派13-30XXXX\n━━━━━━━━━━━━━━━━━━",
        f"*****************************\n株式会社ブリッジワークス\n{s.name} / {s.fr} {s.lr}\n{s.email}\n"
        f"https://www.{DOM}/\n*****************************",
        f"{s.name}\n{OWN} {s.dept}\n{tel}"])


def letter(s: Person, p: Person, main: str, style: str | None = None, extra_to: str = "") -> str:
    if p.org.kind == "individual":
        g = R.choice(IGREET)
        head = sal(p)
    else:
        g = R.choice(GREET)
        head = sal(p, style) + extra_to
    return f"{head}\n\n{g}\n{me(s)}\n\n{main}\n\n{R.choice(CLOSE)}\n\n{sig(s)}\n"


def english(s: Person, p: Person, main: str) -> str:
    return (f"Dear {R.choice(['Mr.', 'Ms.'])} {p.lr},\n\nThank you for your continued support.\n\n{main}\n\n"
            f"Best regards,\n{s.fr} {s.lr}\n{s.dept}, BridgeWorks Co., Ltd.\n{s.email}\n")


def quoted(p: Person, when: dt.datetime, text: str, style: int | None = None) -> str:
    style = R.randrange(4) if style is None else style
    if style == 0:
        return f"\n{when:%Y/%m/%d} {when:%H:%M}, {p.name} wrote:\n" + "\n".join(f"> {x}" for x in text.split("\n"))
    if style == 1:
        return (f"\n-----Original Message-----\nFrom: {p.name} <{p.email}>\nSent: {when:%Y/%m/%d %H:%M}\n"
                f"Subject: Re:\n\n{text}")
    if style == 2:
        return (f"\n差出人: {p.name} <{p.email}>\n送信日時: {when.year}年{when.month}月{when.day}日 {when:%H:%M}\n"
                f"件名: RE:\n\n{text}")
    return f"\n{when.year}年{when.month}月{when.day}日 {p.name} <{p.email}>:\n" + "\n".join(
        f">> {x}" if i % 3 == 2 else f"> {x}" for i, x in enumerate(text.split("\n")))


def client_note(p: Person) -> str:
    o = p.org
    return R.choice([f"{o.short}の{p.last}です。いつもありがとうございます。\n"
                     "来月からの増員の件、社内で承認が下りました。",
                     f"{o.name} {p.dept}の{p.last}です。\n{R.randint(2, 5)}名分のシフト表をお送りいたします。",
                     f"{p.last}です。\n先日の派遣スタッフの勤怠について、{R.randint(3, 9)}日分の修正をお願いします。"])


# ------------------------------------------------------------------ scenario plumbing
LABELS: list[dict] = []
FILES: list[tuple[str, bytes]] = []
STATS: Counter = Counter()
SLOTS: list[int] = []
SALES: list[Person] = []
COORDS: list[Person] = []
ADMIN: list[Person] = []


def T() -> dt.datetime:
    return rtime(MSTART, 30)


def P(p: Person) -> tuple[str, str]:
    return (p.name, p.email)


def ext(s: Person, emails: list[str]) -> list[str]:
    e = [a for a in emails if not a.endswith("@" + DOM)]
    if not e:
        return []
    return ["external_recipient"] + (["first_time_recipient"] if any(a not in SENT[s.email] for a in e) else [])


def emit(s: Person, to: list, cc: list, subject: str, text: str, atts: list, expected: str, codes: list, kind: str,
         note: str, bcc: list | tuple = (), reply: str | None = None, form: str | None = None,
         cs: str | None = None) -> None:
    n = SLOTS[len(LABELS)]
    if form is None:
        r = R.random()
        form = "html" if r < 0.08 else "alt" if r < 0.22 else "plain"
    if cs is None:
        r = R.random()
        cs = "iso-2022-jp" if r < 0.1 else "shift_jis" if r < 0.18 else "utf-8"
    data = build(n, s, list(to), list(cc), list(bcc), subject, text, atts, T(), form, cs, reply)
    fn = f"messages/{n:04d}.eml"
    FILES.append((fn, data))
    c = set(codes)
    if expected == "ok":
        c |= set(ext(s, [e for _, e in list(to) + list(cc) + list(bcc)]))
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(c), "kind": kind, "note": note})
    STATS[kind] += 1


def known(s: Person, p: Person) -> bool:
    return p.email in SENT[s.email]


def pair(s: Person | None = None, pred=None) -> tuple[Person, Person]:
    for _ in range(5000):
        s2 = s or R.choice(SALES)
        org = R.choice(OWNED[s2.email])
        ppl = [p for p in org.people if known(s2, p) and (pred is None or pred(p))]
        if ppl:
            return s2, R.choice(ppl)
    raise RuntimeError("no pair")


def same_surname_elsewhere(p: Person, twins_first: bool = True) -> Person | None:
    others = [q for q in PEOPLE if q.last == p.last and q.org is not p.org and q.org.kind == "client"]
    twins = [q for q in others if q.first == p.first]
    if twins_first and twins:
        return R.choice(twins)
    return R.choice(others) if others else None


def rid() -> str:
    return make_msgid(idstring=f"r{R.randrange(10**6)}", domain=R.choice(["mail.example", "mx.test"]))


def pick_form() -> str:
    return R.choice(["plain", "plain", "alt", "html"])


# ------------------------------------------------------------------ ok scenarios
MAINS = ["来月の勤務シフトについて、別紙のとおり調整いたしました。\nご確認いただけますと幸いです。",
         "先日ご相談いただいた増員の件、候補者の調整がつきましたのでご報告いたします。\n就業開始は11月4日を予定しております。",
         "派遣スタッフの就業状況について、月次のご報告をお送りいたします。\n特段の問題はございません。",
         "次回の定例ミーティングですが、10月21日（水）15時からでいかがでしょうか。",
         "契約更新のご意向について、10月末までにご返信いただけますと助かります。",
         "本日はお忙しいところ職場見学のお時間をいただき、誠にありがとうございました。"]


def ok_routine(n: int) -> None:
    for _ in range(n):
        s, p = pair()
        cc = []
        if R.random() < 0.3:
            q = [x for x in p.org.people if x is not p]
            cc = [P(R.choice(q))]
        subj = R.choice(["シフトのご連絡", "就業状況のご報告", "定例会の件", "Re: 契約更新の件", "増員の件"])
        emit(s, [P(p)], cc, subj,
             letter(s, p, R.choice(MAINS)), [], "ok", [], "ok_routine", f"{p.org.name} {p.name} (usual contact)")


def ok_internal(n: int) -> None:
    for i in range(n):
        s = R.choice(SALES + COORDS)
        rs = R.sample([x for x in STAFF if x is not s], R.randint(1, 3))
        org = R.choice(ORGS[1:30])
        atts = []
        main = f"{org.short}向けの提案内容、共有します。マージン率は{R.randint(22, 35)}%想定です。"
        if i % 3 == 0:
            atts = [att(*staff_list(R.randint(60, 200), R.choice(["xlsx", "csv"])))]
            main = "来週の一斉お仕事紹介に使う登録者リストです。社内限りでお願いします。"
        elif i % 3 == 1:
            p = R.choice(org.people)
            main += "\n\n以下、先方からのメールです。" + quoted(p, T(), client_note(p), 1)
        body = f"{' '.join(x.last + 'さん' for x in rs)}\n\nお疲れさまです。{s.last}です。\n\n{main}\n\n{s.name}\n"
        emit(s, [P(x) for x in rs], [], R.choice(["共有", "【社内】提案", "Fwd: ご連絡", "名簿"]), body, atts, "ok", [],
             "ok_internal", f"internal only ({len(rs)} colleagues), mentions {org.short}")


def ok_attachment_match(n: int) -> None:
    for i in range(n):
        s, p = pair()
        o = p.org
        k = i % 4
        if k == 0:
            fn, data = invoice(o, 9, R.choice(["pdf", "xlsx", "docx"]))
            main = "9月分のご請求書を添付にてお送りいたします。\nお支払期日は10月末日です。"
        elif k == 1:
            staff = R.sample(next(x for x in ORGS if x.kind == "individual").people, R.randint(2, 5))
            fn, data = tsuchisho(o, staff, R.choice(["pdf", "xlsx", "docx"]))
            main = "11月から就業するスタッフの派遣先通知書をお送りします。ご査収ください。"
        elif k == 2:
            staff = R.sample(next(x for x in ORGS if x.kind == "individual").people, R.randint(3, 8))
            fn, data = timesheet(o, staff, 9)
            main = "9月度の勤務実績をお送りいたします。相違がございましたらご連絡ください。"
        else:
            fn, data = quote(o)
            main = "ご依頼いただいた増員のお見積りをお送りいたします。"
        atts = [att(fn, data)]
        if R.random() < 0.25:
            atts = [att(fn.rsplit(".", 1)[0] + ".zip", zipb([(fn, data)]))]
        emit(s, [P(p)], [], R.choice(["書類送付のご案内", f"【{o.short}様】送付書類", "請求書送付の件", "Re: 資料"]),
             letter(s, p, main), atts, "ok", [], "ok_attachment_match",
             f"{fn} names only {o.name}, sent to {p.name}")


def ok_same_surname(n: int) -> None:
    done = 0
    while done < n:
        s, p = pair()
        if p.last not in COMMON and not same_surname_elsewhere(p):
            continue
        style = R.choice(["full", "dept", "kabu", "short", "name"])
        subj = R.choice(["ご連絡", "シフトの件", "Re: お問い合わせ"])
        emit(s, [P(p)], [], subj, letter(s, p, R.choice(MAINS), style),
             [], "ok", [], "ok_same_surname_right_company",
             f"{p.name} at {p.org.name}; surname {p.last} also at other companies, salutation names the right one")
        done += 1


def ok_bcc(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    for i in range(n):
        s = R.choice(SALES + COORDS)
        if i < 2:
            rec = R.sample(ind.people, R.randint(12, 25))
            body = (f"登録スタッフの皆さま\n\n{me(s)}\nお仕事のご案内です。\n\n"
                    "【職種】一般事務（データ入力）\n【時給】1,500円\n"
                    f"【勤務地】港区\n\nご興味のある方は本メールにご返信ください。\n※本メールはBCCでお送りしています。\n\n{sig(s)}\n")
            subj = "【お仕事情報】港区 一般事務"
        else:
            rec = R.sample([q for q in PEOPLE if q.org.kind == "client"], R.randint(10, 35))
            body = (f"お取引先各位\n\n{R.choice(GREET)}\n{OWN}でございます。\n\n誠に勝手ながら、年末年始は下記の期間を"
                    f"休業とさせていただきます。\n\n休業期間: 2026年12月29日（火）〜2027年1月4日（月）\n\n"
                    f"※本メールはBCCにて一斉送信しております。\n\n{sig(s)}\n")
            subj = "年末年始休業のお知らせ"
        emit(s, [P(s)], [], subj, body, [], "ok", ["multiple_external_orgs"], "ok_announcement_bcc",
             f"{len(rec)} external recipients, all in Bcc, To is the sender", bcc=[P(q) for q in rec])


def ok_reply_quote(n: int) -> None:
    for _ in range(n):
        s, p = pair()
        other = R.choice([o for o in ORGS if o.kind == "client" and o is not p.org])
        q = R.choice(other.people)
        inner = client_note(p) + f"\n（ちなみに{other.name}さんの件は別途ご連絡します）"
        txt = letter(s, p, "承知いたしました。ご連絡ありがとうございます。") + quoted(p, T(), inner)
        if R.random() < 0.5:
            txt += "\n" + quoted(q, T(), f"{other.short}の{q.last}です。共同説明会の件、了解しました。", 0)
        emit(s, [P(p)], [], "Re: " + R.choice(["シフトの件", "増員のご相談", "勤怠修正"]), txt, [], "ok", [],
             "ok_reply_quoting_other_company", f"reply to {p.org.name} {p.name}; {other.name} only in quoted text",
             reply=rid())


def ok_first_known(n: int) -> None:
    pool = [q for q in PEOPLE if q.email in NEVER]
    for i in range(n):
        p = pool[i % len(pool)]
        owners = [s for s in SALES if p.org in OWNED[s.email]]
        s = owners[0] if owners else R.choice(SALES)
        q = p
        if i % 2:
            lp_, fp = R.choice(LASTS), R.choice(FIRSTS)
            q = Person(lp_[0], fp[0], lp_[1], fp[1], lp_[2], fp[2], f"{fp[2].lower()}.{lp_[2].lower()}@{p.org.domain}",
                       p.org, p.dept, "")
        ref = R.choice([x for x in p.org.people if x.last != q.last] or p.org.people)
        main = (f"{ref.last}様よりご紹介いただき、ご連絡いたしました。\n"
                "派遣スタッフの受け入れについて、ご担当が変わられたと伺いましたのでご挨拶申し上げます。")
        emit(s, [P(q)], [], "ご挨拶（ブリッジワークス）", letter(s, q, main), [], "ok", ["first_time_recipient"],
             "ok_first_mail_known_company", f"first mail to {q.name} <{q.email}> at known customer {p.org.name}")


def ok_staff_own(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    for i in range(n):
        s = COORDS[i % len(COORDS)]
        mine = [p for p in ind.people if known(s, p)]
        p = R.choice(mine)
        org = R.choice([o for o in ORGS if o.kind == "client"])
        if i % 2:
            fn, data = payslip(p, 9)
            main = "9月分の給与明細をお送りします。"
        else:
            fn, data = contract(p, org)
            main = f"{org.short}での就業条件明示書をお送りします。内容をご確認のうえ、署名してご返送ください。"
        emit(s, [P(p)], [], R.choice(["給与明細のご案内", "就業条件明示書の送付", "書類送付"]), letter(s, p, main),
             [att(fn, data)], "ok", ["pii_in_attachment"], "ok_staff_own_data",
             f"registered staff {p.name} <{p.email}> receives own document ({fn})")


def ok_several(n: int) -> None:
    for _ in range(n):
        s, p = pair(pred=lambda x: len(x.org.people) >= 3)
        others = R.sample([x for x in p.org.people if x is not p], 2)
        extra = f"\n（CC: {others[0].last}様、{others[1].last}様）"
        txt = letter(s, p, "本日の議事録を共有いたします。", "full", extra)
        emit(s, [P(p), P(others[0])], [P(others[1])], "定例会議事録", txt,
             [], "ok", [], "ok_several_people_one_company", f"three people at {p.org.name}")


def ok_english(n: int) -> None:
    for _ in range(n):
        s, p = pair()
        emit(s, [P(p)], [], "Staffing schedule for November",
             english(s, p, "Please find the staffing plan for November below. Two additional staff will start on "
                     "Nov 4."), [], "ok", [], "ok_english", f"English mail to usual contact {p.name} at {p.org.name}",
             cs="utf-8")


def ok_partner(n: int) -> None:
    kens = next(o for o in ORGS if o.short == "ひかり健診")
    s = next(x for x in ADMIN if kens in OWNED[x.email]) if any(kens in OWNED[x.email] for x in ADMIN) else ADMIN[0]
    for _ in range(n):
        p = R.choice(kens.people)
        rows = [["氏名", "生年月日", "受診希望日"]]
        rows += [[r[0], r[2], f"11月{R.randint(2, 27)}日"] for r in fake_people(R.randint(8, 14))]
        txt = letter(s, p, "11月の定期健康診断の受診予定者をお送りします。")
        emit(s, [P(p)], [], "定期健康診断 受診予定者のご連絡", txt,
             [att("受診予定者一覧_11月.xlsx", xlsx(rows))], "ok", ["pii_in_attachment", "bulk_pii"],
             "ok_partner_entrusted", f"booking list (names, birth dates) to the contracted 健診センター {p.name}")


# ------------------------------------------------------------------ risky scenarios
def same_surname(n: int) -> None:
    done = 0
    seen: set[tuple[str, str]] = set()
    while done < n:
        s, p = pair()
        w = same_surname_elsewhere(p)
        if not w or (p.email, w.email) in seen:
            continue
        seen.add((p.email, w.email))
        where = ["To"] * 3 + ["Cc", "Bcc"]
        pos = where[done % 5]
        atts = []
        if done % 3 == 0:
            fn, data = invoice(p.org, 9, R.choice(["pdf", "xlsx"]))
            atts = [att(fn, data)]
        codes = ["content_recipient_mismatch", "similar_recipient"]
        if atts:
            codes.append("attachment_recipient_mismatch")
        if not known(s, w):
            codes.append("first_time_recipient")
        to, cc, bcc = [P(w)], [], []
        if pos != "To":
            others = [x for x in p.org.people if x is not p and known(s, x)] or [x for x in p.org.people if x is not p]
            first = R.choice(others)
            to = [P(first)]
            codes.append("multiple_external_orgs")
            extra = f"\n（CC: {p.last}様）" if pos == "Cc" else ""
            (cc if pos == "Cc" else bcc).append(P(w))
            share = f"\n{p.last}様にも念のため共有いたします。"
            if pos == "Bcc":
                share = f"\n貴社{p.last}様にもBCCにて共有いたします。"
            inv = "\n9月分の請求書を添付いたします。" if atts else ""
            text = letter(s, first, R.choice(MAINS) + inv + share, "full", extra)
        else:
            text = letter(s, p, R.choice(MAINS) + ("\n請求書を添付いたします。" if atts else ""),
                          R.choice(["full", "dept", "kabu", "short", "name"]))
        subj = R.choice(["シフトのご連絡", "9月分ご請求書", "Re: 増員の件", "定例会の件"])
        emit(s, to, cc, subj, text, atts, "risky",
             codes, "same_surname_wrong_company",
             f"meant {p.org.name} {p.name}, {pos} has {w.name} <{w.email}> at {w.org.name}", bcc=bcc)
        done += 1


def wrong_attachment(n: int) -> None:
    for i in range(n):
        s, p = pair()
        others = [o for o in OWNED[s.email] if o is not p.org]
        others = others or [o for o in ORGS if o.kind == "client" and o is not p.org]
        c = R.choice(others)
        codes = ["attachment_recipient_mismatch"]
        if i % 2:
            fn, data = invoice(c, 9, R.choice(["pdf", "xlsx", "docx"]))
            main = "9月分のご請求書をお送りいたします。"
        else:
            staff = R.sample(next(x for x in ORGS if x.kind == "individual").people, R.randint(2, 6))
            fn, data = tsuchisho(c, staff, R.choice(["pdf", "xlsx"]))
            main = "派遣先通知書をお送りいたします。"
            codes.append("pii_in_attachment")
        atts = [att(fn, data)]
        if i % 8 in (1, 4, 6):
            atts = [att("送付書類.zip", zipb([(fn, data)]))]
        emit(s, [P(p)], [], "書類送付の件", letter(s, p, main), atts, "risky", codes, "wrong_attachment",
             f"mail to {p.org.name} {p.name}, attachment {fn} is for {c.name}")


def open_list(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    for i in range(n):
        s = R.choice(SALES)
        if i < 2:
            rec = R.sample(ind.people, R.randint(10, 22))
            body = (f"登録スタッフの皆さま\n\n{me(s)}\n年末の短期お仕事のご案内です。\n"
                    "【倉庫内軽作業】12/20〜12/30 時給1,450円\n\n"
                    f"ご希望の方はご返信ください。\n\n{sig(s)}\n")
            subj, codes = "【短期】倉庫内軽作業のご案内", ["open_recipient_list"]
        else:
            rec = R.sample([q for q in PEOPLE if q.org.kind == "client"], R.randint(8, 30))
            body = (f"お取引先各位\n\n{R.choice(GREET)}\n{OWN}でございます。\n"
                    "このたび弊社は下記へ移転いたしました。\n\n"
                    f"新住所: 東京都港区芝公園9-9-9 ブリッジビル5F\n\n{sig(s)}\n")
            subj, codes = "事務所移転のお知らせ", ["open_recipient_list", "multiple_external_orgs"]
        half = len(rec) // 2 if i % 3 == 2 else len(rec)
        emit(s, [P(q) for q in rec[:half]], [P(q) for q in rec[half:]], subj, body, [], "risky",
             [*codes, "first_time_recipient"] if any(not known(s, q) for q in rec) else codes,
             "open_recipient_list", f"{len(rec)} external addresses visible in To/Cc")


def mutate(domain: str) -> str:
    stem, rest = domain.split(".", 1)
    for _ in range(50):
        k = R.randrange(6)
        x = stem
        if k == 0 and "m" in x:
            x = x.replace("m", "rn", 1)
        elif k == 1 and "i" in x:
            x = x.replace("i", "l", 1)
        elif k == 2 and "o" in x:
            x = x.replace("o", "0", 1)
        elif k == 3 and "-" in x:
            x = x.replace("-", "", 1)
        elif k == 4:
            j = R.randrange(len(x) - 1)
            x = x[:j] + x[j + 1] + x[j] + x[j + 2:]
        elif k == 5:
            j = R.randrange(1, len(x) - 1)
            x = x[:j] + x[j] + x[j:]
        if x != stem and "--" not in x and not x.startswith("-"):
            return f"{x}.{rest}"
    raise RuntimeError(domain)


def lookalike(n: int) -> None:
    for i in range(n):
        s, p = pair()
        bad = p.email.split("@")[0] + "@" + mutate(p.org.domain)
        atts = [att(*invoice(p.org, 9, "pdf"))] if i % 2 else []
        subj = "9月分ご請求書" if atts else "ご連絡"
        emit(s, [(p.name, bad)], [], subj, letter(s, p, R.choice(MAINS)), atts, "risky",
             ["lookalike_domain", "first_time_recipient", "similar_recipient"], "lookalike_domain",
             f"meant {p.email}, sent to {bad}")


def bulk(n: int) -> None:
    for i in range(n):
        if i % 3 == 2:
            org = next(o for o in ORGS if o.short == "キャリアリンク")
            s = R.choice(ADMIN)
        else:
            s, p0 = pair()
            org = p0.org
        p = R.choice(org.people)
        fn, data = staff_list(R.randint(50, 400), R.choice(["xlsx", "csv"]))
        main = R.choice(["ご依頼の登録スタッフ一覧をお送りします。", "候補者の一覧です。ご検討ください。",
                         "最新の名簿を添付します。"])
        emit(s, [P(p)], [], "名簿送付", letter(s, p, main), [att(fn, data)], "risky",
             ["bulk_pii", "pii_in_attachment", *ext(s, [p.email])[1:]], "bulk_pii_external",
             f"{fn} (name, kana, birth date, address, mobile, e-mail) to {org.name}")


def sensitive_ext(n: int) -> None:
    kinds = ["health", "disability", "leave"]
    for i in range(n):
        s, p = pair()
        k = kinds[i % 3]
        fn, data = sensitive(k, R.randint(4, 25), R.choice(["xlsx", "csv", "pdf", "docx"]))
        main = {"health": "スタッフの健康診断結果をお送りします。", "disability": "障害者雇用の対象スタッフ一覧です。",
                "leave": "休職中スタッフの状況をまとめました。"}[k]
        emit(s, [P(p)], [], R.choice(["ご共有", "資料送付", "Re: スタッフ状況"]), letter(s, p, main), [att(fn, data)],
             "risky", ["sensitive_pii", "pii_in_attachment"], "sensitive_pii_external", f"{fn} ({k}) to {p.org.name}")


def autocomplete(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    done = 0
    while done < n:
        s, p = pair()
        if done % 2:
            w = same_surname_elsewhere(p)
            if not w:
                continue
            addr = w.email
        else:
            addr = f"{p.fr.lower()}.{p.lr.lower()}{R.randint(10, 99)}@{R.choice(FREEMAIL)}"
            twins = [q for q in ind.people if q.last == p.last]
            if twins:
                addr = twins[0].email
        staff = R.sample(ind.people, R.randint(2, 5))
        fn, data = tsuchisho(p.org, staff, R.choice(["pdf", "xlsx"]))
        emit(s, [(p.name, addr)], [], "派遣先通知書の送付", letter(s, p, "派遣先通知書をお送りいたします。"),
             [att(fn, data)], "risky",
             ["similar_recipient", "first_time_recipient", "content_recipient_mismatch", "pii_in_attachment",
              "attachment_recipient_mismatch"], "autocomplete_wrong_address",
             f"display name {p.name} ({p.org.name}) but address {addr}")
        done += 1


def pw_zip(n: int) -> None:
    for _ in range(n):
        s, p = pair()
        pw = f"{R.choice(['Bw', 'bW', 'Pw'])}{R.randint(1000, 9999)}{R.choice('#!%')}"
        fn, data = staff_list(R.randint(50, 300), "csv")
        emit(s, [P(p)], [], "データ送付（パスワード別送）",
             letter(s, p, "ファイルをお送りします。パスワードは別メールでお送りします。"),
             [att(R.choice(["送付データ.zip", "20261015.zip", "名簿.zip"]), zip_pw([(fn, data)], pw))], "risky",
             ["unscannable_attachment", "bulk_pii", "pii_in_attachment"], "password_zip_customer_list",
             f"zip -P with {fn} to {p.org.name} (password {pw})")


def body_pii(n: int) -> None:
    for i in range(n):
        s, p = pair()
        rows = fake_people(R.randint(8, 20))
        if i % 2:
            lines = [f"・{r[0]}（{r[1]}）{r[2]} 〒{r[3]} {r[4]} {r[5]}" for r in rows]
            main = "ご依頼の入館証発行のため、スタッフ情報を下記にお送りします。\n\n" + "\n".join(lines)
            codes = ["bulk_pii"]
            what = "name, birth date, address, mobile"
        else:
            vals = SENS["health"][1]
            lines = [f"{j + 1}. {r[0]} {r[2]} 所見: {R.choice(vals)}" for j, r in enumerate(rows)]
            main = "配置のご参考として、健診で所見のあったスタッフを共有します。\n\n" + "\n".join(lines)
            codes = ["sensitive_pii", "bulk_pii"]
            what = "names with health findings"
        emit(s, [P(p)], [], "スタッフ情報", letter(s, p, main), [], "risky", codes, "pii_pasted_in_body",
             f"{len(rows)} staff ({what}) pasted in the body to {p.org.name}")


def forward(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    for i in range(n):
        s, p = pair()
        if i < 4:
            st = R.choice(ind.people)
            dx = R.choice(["適応障害", "うつ病", "パニック障害", "椎間板ヘルニア"])
            inner = (f"{st.name}です。\n病院で{dx}と診断されました。診断書を添付します。\n"
                     f"{mobile()}までご連絡ください。\n"
                     f"住所: {FK.address()}")
            fwd = (f"---------- Forwarded message ---------\nFrom: {st.name} <{st.email}>\nDate: {T():%Y/%m/%d}\n"
                   f"Subject: お休みの件\n\n{inner}")
            main = f"{st.last}さんの件、ご本人からの連絡を転送します。ご参考まで。\n\n{fwd}"
            codes = ["sensitive_pii"]
            note = f"forward of staff {st.name}'s own mail (diagnosis, address, mobile) to {p.org.name}"
        else:
            o2 = R.choice([o for o in ORGS if o.kind == "client" and o is not p.org])
            q = R.choice(o2.people)
            inner = (f"{o2.short}の{q.last}です。\n"
                     f"来期の派遣料金、時間単価{R.randint(2000, 2600)}円でご提案いただいた件、"
                     "社内で検討しております。")
            main = ("先日の件、参考までに転送します。\n\n-------- 転送メッセージ --------\n"
                    f"差出人: {q.name} <{q.email}>\n\n{inner}")
            codes = ["content_recipient_mismatch"]
            note = f"forward of {o2.name}'s pricing thread to {p.org.name}"
        subj = "Fw: " + R.choice(["お休みの件", "ご連絡", "料金の件"])
        emit(s, [P(p)], [], subj, letter(s, p, main), [], "risky", codes,
             "forwarded_thread_third_party", note)


def reply_all(n: int) -> None:
    for _ in range(n):
        s, p = pair()
        o2 = R.choice([o for o in ORGS if o.kind == "client" and o is not p.org])
        q = R.choice(o2.people)
        main = (f"{p.org.short}様向けの来期単価ですが、{R.randint(1950, 2300)}円でご提示いたします。\n"
                "他社様には非公開の条件ですので、お取り扱いにご注意ください。")
        inner = "合同説明会ありがとうございました。\n個別に単価のご相談をさせてください。"
        txt = letter(s, p, main) + quoted(p, T(), inner)
        codes = ["multiple_external_orgs", "content_recipient_mismatch"]
        if not known(s, q):
            codes.append("first_time_recipient")
        emit(s, [P(p)], [P(q)], "Re: 合同説明会のお礼", txt, [], "risky", codes,
             "reply_all_other_customer", f"reply-all to {p.org.name} kept {q.name} of {o2.name} in Cc", reply=rid())


def cc_only(n: int) -> None:
    done = 0
    while done < n:
        s = R.choice(SALES)
        col = R.choice([x for x in STAFF if x is not s])
        w = [q for q in PEOPLE if q.last == col.last and q.org.kind == "client"]
        if not w:
            continue
        w = R.choice(w)
        org = R.choice(OWNED[s.email])
        main = (f"{col.last}さん\n\nお疲れさまです。\n{org.short}の件、粗利率が{R.randint(18, 30)}%まで下がっています。"
                f"スタッフ{R.choice(LASTS)[0]}さんの評価も低めなので、更新は見送りの方向で考えています。\n\n{s.last}\n")
        codes = ["external_recipient", "similar_recipient"]
        if not known(s, w):
            codes.append("first_time_recipient")
        if org is not w.org:
            codes.append("content_recipient_mismatch")
        emit(s, [P(col)], [P(w)], "【社内】" + org.short + " 更新判断", main, [], "risky", codes, "org_only_in_cc",
             f"internal discussion; Cc meant colleague {col.name}, got {w.name} <{w.email}> at {w.org.name}")
        done += 1


def ind_to_ind(n: int) -> None:
    ind = next(x for x in ORGS if x.kind == "individual")
    done = 0
    while done < n:
        s = COORDS[done % len(COORDS)]
        p = R.choice([q for q in ind.people if known(s, q)])
        same = [q for q in ind.people if q.last == p.last and q is not p]
        if not same:
            continue
        w = R.choice(same)
        fn, data = payslip(p, 9) if done % 2 else contract(p, R.choice(ORGS[1:30]))
        codes = ["content_recipient_mismatch", "attachment_recipient_mismatch", "pii_in_attachment",
                 "similar_recipient"]
        if not known(s, w):
            codes.append("first_time_recipient")
        emit(s, [(w.name, w.email)], [], "書類送付のご案内", letter(s, p, "書類をお送りします。ご確認ください。"),
             [att(fn, data)], "risky", codes, "individual_to_other_individual",
             f"{p.name}'s {fn} sent to other registered staff {w.name} <{w.email}>")
        done += 1


PLAN = [(ok_routine, 14), (ok_internal, 8), (ok_attachment_match, 12), (ok_same_surname, 10), (ok_bcc, 6),
        (ok_reply_quote, 7), (ok_first_known, 5), (ok_staff_own, 6), (ok_several, 5), (ok_english, 3), (ok_partner, 3),
        (same_surname, 12), (wrong_attachment, 8), (open_list, 6), (lookalike, 7), (bulk, 6), (sensitive_ext, 6),
        (autocomplete, 7), (pw_zip, 4), (body_pii, 6), (forward, 6), (reply_all, 5), (cc_only, 4), (ind_to_ind, 5)]


def main() -> None:
    build_world()
    hist = history()
    SALES.extend(s for s in STAFF if s.dept == "営業部")
    COORDS.extend(s for s in STAFF if s.dept == "コーディネート課")
    ADMIN.extend(s for s in STAFF if s.dept == "管理部")
    total = sum(k for _, k in PLAN)
    SLOTS.extend(range(1, total + 1))
    R.shuffle(SLOTS)
    for f, k in PLAN:
        f(k)
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in PEOPLE:
            w.writerow([p.name, p.kana, p.email, p.org.name])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in hist:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{OWN}"\ninternal_domains = ["{DOM}"]\n')
    mdir = os.path.join(HERE, "messages")
    shutil.rmtree(mdir, ignore_errors=True)
    os.makedirs(mdir)
    for fn, data in FILES:
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(data)
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in sorted(LABELS, key=lambda x: x["file"]):
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    orgs = Counter(p.org.name for p in PEOPLE)
    print(f"contacts {len(PEOPLE)} at {len(orgs)} organisations, history {len(hist)}, messages {len(FILES)}")
    for k, v in STATS.items():
        print(f"  {k:36} {v}")


if __name__ == "__main__":
    main()
