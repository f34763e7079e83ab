#!/usr/bin/env python3
"""Fourth mis-delivery (誤送信) set: an insurance agency's outgoing mail, labelled ok / risky.

Writes, beside this file: mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Deterministic content (random.Random(SEED), Faker('ja_JP') seeded); attachment bytes carry timestamps.

    pip install faker openpyxl python-docx reportlab pypdf ; apt-get install -y zip fonts-ipaexfont
    python generate.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

from faker import Faker
from faker.providers.person.ja_JP import Provider as JaPerson

SEED = 4_2026_1207
OUT = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
JST = dt.timezone(dt.timedelta(hours=9))
R = random.Random(SEED)
FK = Faker("ja_JP")
FK.seed_instance(SEED + 7)

OWN = "株式会社あすなろ保険サービス"
OWN_SHORT = "あすなろ保険サービス"
OWN_DOMAIN = "asunaro-hs.example"
OWN_TEL = "048-601-3372"

# surnames written here (kanji, kana, romaji); the first eight are drawn often on purpose
MY_LASTS = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
            ("田中", "タナカ", "tanaka"), ("渡辺", "ワタナベ", "watanabe"), ("小林", "コバヤシ", "kobayashi"),
            ("加藤", "カトウ", "kato"), ("斎藤", "サイトウ", "saito"), ("小野寺", "オノデラ", "onodera"),
            ("長谷川", "ハセガワ", "hasegawa"), ("菅原", "スガワラ", "sugawara"), ("今井", "イマイ", "imai"),
            ("大塚", "オオツカ", "otsuka"), ("千葉", "チバ", "chiba"), ("荒木", "アラキ", "araki")]
COMMON = MY_LASTS[:8]
FIRSTS = list(JaPerson.first_name_male_pairs) + list(JaPerson.first_name_female_pairs)
FAKER_LASTS = [k for k, _ in JaPerson.last_name_pairs.items()] if isinstance(JaPerson.last_name_pairs, dict) else [
    p[0] for p in JaPerson.last_name_pairs]
FREEMAIL = ["nmail.example", "mirai-net.test", "pmail.example.com", "oranet.test", "kmail.example"]

# (name, short form used in mail, domain, kind) -- kind: client, insurer, partner
ORGS = [
    ("丸栄運輸株式会社", "丸栄運輸", "maruei-unyu.example", "client"),
    ("丸栄建設株式会社", "丸栄建設", "maruei-kensetsu.test", "client"),
    ("北星商事株式会社", "北星商事", "hokusei-shoji.example", "client"),
    ("北星物産株式会社", "北星物産", "hokusei-bussan.example.com", "client"),
    ("有限会社たちばな製菓", "たちばな製菓", "tachibana-seika.example", "client"),
    ("医療法人社団さくら歯科クリニック", "さくら歯科", "sakura-dental.test", "client"),
    ("社会福祉法人みずほ会", "みずほ会", "mizuhokai.example", "client"),
    ("株式会社東雲ホテル", "東雲ホテル", "shinonome-hotel.example", "client"),
    ("株式会社大和田精機", "大和田精機", "owada-seiki.example", "client"),
    ("株式会社グリーンフィールド", "グリーンフィールド", "greenfield.example.com", "client"),
    ("株式会社三国屋", "三国屋", "mikuniya.test", "client"),
    ("株式会社浜名ロジテック", "浜名ロジテック", "hamana-logi.example", "client"),
    ("株式会社かねこ工務店", "かねこ工務店", "kaneko-koumuten.example", "client"),
    ("学校法人緑ヶ丘学園", "緑ヶ丘学園", "midorigaoka.test", "client"),
    ("株式会社サンライズ不動産", "サンライズ不動産", "sunrise-fudosan.example", "client"),
    ("株式会社青木自動車", "青木自動車", "aoki-auto.example", "client"),
    ("株式会社青木自動車販売", "青木自動車販売", "aoki-jihan.test", "client"),
    ("湊商店街振興組合", "湊商店街", "minato-shotengai.example", "client"),
    ("株式会社イースト・フーズ", "イースト・フーズ", "east-foods.example.com", "client"),
    ("株式会社光和電設", "光和電設", "kowa-densetsu.example", "client"),
    ("特定非営利活動法人ひだまりの家", "ひだまりの家", "hidamari.test", "client"),
    ("株式会社ソレイユ", "ソレイユ", "soleil-hair.example", "client"),
    ("株式会社高砂メディカル", "高砂メディカル", "takasago-med.example", "client"),
    ("有限会社岡田板金", "岡田板金", "okada-bankin.test", "client"),
    ("クレスト・ジャパン株式会社", "クレスト・ジャパン", "crest-japan.example.com", "client"),
    ("株式会社フジミ電子", "フジミ電子", "fujimi-denshi.example", "client"),
    ("株式会社山岸製作所", "山岸製作所", "yamagishi-ss.example", "client"),
    ("株式会社ことぶき介護サービス", "ことぶき介護", "kotobuki-kaigo.test", "client"),
    ("株式会社オリオン物流", "オリオン物流", "orion-logi.example", "client"),
    ("株式会社白樺ファーム", "白樺ファーム", "shirakaba-farm.example", "client"),
    ("株式会社ミドリ薬局", "ミドリ薬局", "midori-ph.example", "client"),
    ("松波工業株式会社", "松波工業", "matsunami-kogyo.test", "client"),
    ("株式会社アクアテック", "アクアテック", "aquatech.example", "client"),
    ("株式会社こだま観光", "こだま観光", "kodama-kanko.example", "client"),
    ("東洋テキスタイル株式会社", "東洋テキスタイル", "toyo-textile.example", "client"),
    ("東都損害保険株式会社", "東都損保", "toto-sonpo.example", "insurer"),
    ("あおぞら生命保険株式会社", "あおぞら生命", "aozora-life.example", "insurer"),
    ("大洋海上火災保険株式会社", "大洋海上", "taiyo-kaijo.test", "insurer"),
    ("ひかり少額短期保険株式会社", "ひかり少短", "hikari-ssi.example", "insurer"),
    ("株式会社中央損害調査", "中央損害調査", "chuo-chosa.example", "partner"),
    ("株式会社ミナト自動車整備", "ミナト自動車整備", "minato-seibi.test", "partner"),
    ("税理士法人いずみ会計", "いずみ会計", "izumi-kaikei.example", "partner"),
    ("株式会社ダイレクトメール東京", "DM東京", "dm-tokyo.example", "partner"),
    ("社会保険労務士法人ひまわり", "ひまわり社労士", "himawari-sr.example", "partner"),
    ("株式会社ステップ印刷", "ステップ印刷", "step-print.test", "partner"),
]
DEPTS = ["総務部", "総務課", "人事総務部", "管理部", "経理課", "事務局", "業務部", "車両管理課", "営業部", "施設管理課"]
TITLES = ["", "", "", "課長", "部長", "主任", "係長", "次長", "事務長"]
INS_DEPTS = ["代理店営業部", "新契約課", "保険金サービス課", "損害サービス部", "法人営業課"]
PRODUCTS = ["自動車保険（フリート契約）", "火災保険", "賠償責任保険", "団体傷害保険", "業務災害補償保険",
            "店舗総合保険", "施設賠償責任保険", "団体長期障害所得補償保険", "運送保険", "サイバー保険"]
PERSONAL_PRODUCTS = ["自動車保険", "火災保険（住宅）", "医療保険", "個人賠償責任保険", "がん保険", "地震保険"]


@dataclass
class Org:
    name: str
    short: str
    domain: str
    kind: str
    people: list[Person] = field(default_factory=list)


@dataclass
class Person:
    last: str
    first: str
    kana: str
    email: str
    org: Org | None
    dept: str = ""
    title: str = ""
    lr: str = ""
    fr: str = ""

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"


def pick_last(common_p: float = 0.35) -> tuple[str, str, str]:
    if R.random() < common_p:
        return R.choice(COMMON)
    if R.random() < 0.3:
        return R.choice(MY_LASTS)
    k = R.choice(FAKER_LASTS)
    return (k[0], k[1], k[2].lower())


def pick_first() -> tuple[str, str, str]:
    f = R.choice(FIRSTS)
    return (f[0], f[1], f[2].lower())


def local(lr: str, fr: str) -> str:
    fmt = R.choice(["{f0}.{l}", "{l}.{f}", "{l}", "{f}_{l}", "{l}-{f0}", "{f0}{l}", "{l}{f0}"])
    return fmt.format(l=lr, f=fr, f0=fr[0])


ORG_LIST = [Org(*o) for o in ORGS]
BY_DOMAIN = {o.domain: o for o in ORG_LIST}
INDIVIDUALS: list[Person] = []
STAFF: list[Person] = []
ALL: list[Person] = []


def add_person(org: Org | None, last=None, first=None, email=None, dept=None) -> Person:
    lk, lkana, lr = last or pick_last()
    fk, fkana, fr = first or pick_first()
    if email is None:
        if org is None:
            email = f"{R.choice([fr, fr[0] + lr, lr + fr[0], fr + '.' + lr])}{R.randint(1, 99)}@{R.choice(FREEMAIL)}"
        else:
            email = f"{local(lr, fr)}@{org.domain}"
    taken = {p.email for p in ALL}
    while email in taken:
        lp, dom = email.split("@")
        email = f"{lp}{R.randint(2, 9)}@{dom}"
    p = Person(lk, fk, f"{lkana} {fkana}", email, org, dept or "", "", lr, fr)
    if org is not None:
        if org.kind == "insurer":
            p.dept = dept or R.choice(INS_DEPTS)
        elif org.kind == "client":
            p.dept = dept or R.choice(DEPTS)
        else:
            p.dept = dept or R.choice(["", "業務課", "営業課"])
        p.title = R.choice(TITLES)
        org.people.append(p)
    ALL.append(p)
    return p


def build_world() -> None:
    staff_names = [(COMMON[0], ("健太", "ケンタ", "kenta"), "k.sato"), (COMMON[0], ("由美", "ユミ", "yumi"), "y.sato"),
                   (COMMON[2], ("誠", "マコト", "makoto"), "m.takahashi")]
    for last, first, lp in staff_names:
        STAFF.append(Person(last[0], first[0], f"{last[1]} {first[1]}", f"{lp}@{OWN_DOMAIN}", None, "営業課",
                            "", last[2], first[2]))
    while len(STAFF) < 22:
        lk, lkana, lr = pick_last(0.2)
        fk, fkana, fr = pick_first()
        em = f"{fr[0]}.{lr}@{OWN_DOMAIN}"
        if any(s.email == em for s in STAFF):
            continue
        dept = "営業課" if len(STAFF) < 15 else "契約管理課"
        STAFF.append(Person(lk, fk, f"{lkana} {fkana}", em, None, dept, "", lr, fr))
    for o in ORG_LIST:
        n = {"client": R.randint(3, 6), "insurer": R.randint(5, 7), "partner": R.randint(2, 4)}[o.kind]
        for _ in range(n):
            add_person(o)
    # twins: the same full name at two organisations, often with the same local part
    clients = [o for o in ORG_LIST if o.kind == "client"]
    for _ in range(11):
        a, b = R.sample(clients, 2)
        src = R.choice(a.people)
        lp = src.email.split("@")[0] if R.random() < 0.6 else None
        add_person(b, (src.last, src.kana.split()[0], src.lr), (src.first, src.kana.split()[1], src.fr),
                   f"{lp}@{b.domain}" if lp else None)
    # individual customers with free-mail addresses; some share a surname or a full name with others
    for i in range(46):
        if i % 9 == 0 and INDIVIDUALS:
            src = R.choice(INDIVIDUALS)
            add_person(None, (src.last, src.kana.split()[0], src.lr), (src.first, src.kana.split()[1], src.fr))
        else:
            add_person(None, pick_last(0.45))
        INDIVIDUALS.append(ALL[-1])


def write_contacts() -> None:
    with open(os.path.join(OUT, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in ALL:
            w.writerow([p.name, p.kana, p.email, p.org.name if p.org else ""])
    with open(os.path.join(OUT, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{OWN}"\ninternal_domains = ["{OWN_DOMAIN}"]\n')


# ---------------------------------------------------------------- history
OWNS: dict[str, list[Org]] = {}
OWNS_IND: dict[str, list[Person]] = {}
SENT: dict[str, set[str]] = defaultdict(set)
NEVER: set[str] = set()
H_SUBJ = ["更新のご案内", "お見積りの件", "Re: 事故のご報告", "ご契約内容の確認", "Re: Re: 保険料のご請求について",
          "証券送付のご連絡", "打合せ日程", "Re: 車両入替の件", "満期のお知らせ", "ご請求書類について",
          "Re: お問い合わせの件", "補償内容のご説明資料", "異動手続きのご依頼", "Re: 口座振替依頼書", "定例訪問のお礼"]


def build_history() -> None:
    sales = [s for s in STAFF if s.dept == "営業課"]
    back = [s for s in STAFF if s.dept != "営業課"]
    clients = [o for o in ORG_LIST if o.kind == "client"]
    others = [o for o in ORG_LIST if o.kind != "client"]
    for i, c in enumerate(clients):
        OWNS.setdefault(sales[i % len(sales)].email, []).append(c)
        if R.random() < 0.4:
            OWNS.setdefault(R.choice(sales).email, []).append(c)
    for i, o in enumerate(others):
        for s in (back[i % len(back)], back[(i + 3) % len(back)]):
            OWNS.setdefault(s.email, []).append(o)
    for s in sales:
        OWNS[s.email] = [*OWNS.get(s.email, []), *R.sample(others[:4], 2)]
    quiet = R.sample([p for o in ORG_LIST for p in o.people[1:]], 18) + R.sample(INDIVIDUALS, 6)
    NEVER.update(p.email for p in quiet)
    for i, p in enumerate([p for p in INDIVIDUALS if p.email not in NEVER]):
        OWNS_IND.setdefault(sales[i % len(sales)].email, []).append(p)
    start = dt.datetime(2025, 10, 1, 8, tzinfo=JST)
    rows = []
    for _ in range(3000):
        s = R.choice(sales) if R.random() < 0.75 else R.choice(back)
        when = start + dt.timedelta(days=R.randrange(365), minutes=R.randrange(11 * 60))
        x = R.random()
        cc: list[str] = []
        if x < 0.12:
            to = [R.choice([t for t in STAFF if t is not s]).email]
        elif x < 0.27 and OWNS_IND.get(s.email):
            to = [R.choice(OWNS_IND[s.email]).email]
        elif x < 0.93:
            o = R.choice(OWNS[s.email])
            ppl = [p for p in o.people if p.email not in NEVER] or o.people[:1]
            to = [R.choice(ppl).email]
            if R.random() < 0.25 and len(ppl) > 1:
                cc.append(R.choice([p for p in ppl if p.email != to[0]]).email)
            if R.random() < 0.15:
                cc.append(R.choice(STAFF).email)
        else:
            to = [R.choice([p for p in ALL if p.email not in NEVER]).email]
        SENT[s.email].update(to + cc)
        rows.append({"date": when.isoformat(), "from": s.email, "to": to, "cc": cc, "subject": R.choice(H_SUBJ)})
    rows.sort(key=lambda r: r["date"])
    with open(os.path.join(OUT, "history.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- documents
_FONT_OK = []


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not _FONT_OK:
        pdfmetrics.registerFont(TTFont("IPAexG", FONT))
        _FONT_OK.append(1)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 800
    for ln in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("IPAexG", 10)
        c.drawString(50, y, ln)
        y -= 16
    c.save()
    return buf.getvalue()


def xlsx_bytes(rows: list[list], title: str = "Sheet1") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(paras: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, r in enumerate(table):
            for j, v in enumerate(r):
                t.cell(i, j).text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def csv_bytes(rows: list[list], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(enc)


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            z.writestr(n, d)
    return buf.getvalue()


def zip_pw_bytes(files: list[tuple[str, bytes]], pw: str) -> bytes:
    tmp = tempfile.mkdtemp()
    try:
        for n, d in files:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(d)
        subprocess.run(["zip", "-q", "-P", pw, "a.zip", *[n for n, _ in files]], cwd=tmp, check=True)
        with open(os.path.join(tmp, "a.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


CT = {"pdf": "application/pdf", "csv": "text/csv", "zip": "application/zip", "txt": "text/plain",
      "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def att(fn: str, data: bytes) -> tuple[str, bytes, str]:
    return (fn, data, CT[fn.rsplit(".", 1)[1]])


def policy_no() -> str:
    return f"{R.choice('ABKM')}{R.randint(10, 99)}-{R.randint(1000000, 9999999)}"


def phone() -> str:
    return R.choice([f"0{R.choice('789')}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
                     f"0{R.randint(3, 99)}-{R.randint(100, 9999)}-{R.randint(1000, 9999)}"])


def birth() -> str:
    return FK.date_of_birth(minimum_age=20, maximum_age=85).strftime("%Y/%m/%d")


def money() -> str:
    return f"{R.randint(12, 980) * 1000:,}"


def company_doc(o: Org, topic: str, fmt: str) -> tuple[str, bytes, str]:
    """見積書 / 更新案内 / 請求書 addressed to one organisation; names no other organisation."""
    prod = R.choice(PRODUCTS)
    lines = [f"{topic}", f"{o.name} 御中", f"発行日 2026年10月{R.randint(1, 28)}日", f"保険種目：{prod}",
             f"証券番号：{policy_no()}", f"年間保険料：{money()}円", "保険期間：2026年11月1日から1年間",
             f"{OWN}　TEL {OWN_TEL}"]
    base = {"見積書": "御見積書", "更新案内": "更新のご案内", "請求書": "保険料ご請求書"}[topic]
    fn = R.choice([f"{base}_{o.short}.{fmt}", f"{o.short}様_{base}.{fmt}", f"{base}({o.short}).{fmt}"])
    if fmt == "pdf":
        return att(fn, pdf_bytes(lines))
    if fmt == "xlsx":
        return att(fn, xlsx_bytes([[x] for x in lines]))
    if fmt == "docx":
        return att(fn, docx_bytes(lines))
    return att(fn, csv_bytes([["項目", "内容"], *[[x, ""] for x in lines]], R.choice(["utf-8-sig", "cp932"])))


def person_rows(n: int) -> list[list[str]]:
    rows = [["氏名", "フリガナ", "生年月日", "住所", "電話番号", "証券番号"]]
    for _ in range(n):
        lk, lkana, _ = pick_last(0.2)
        fk, fkana, _ = pick_first()
        rows.append([f"{lk} {fk}", f"{lkana} {fkana}", birth(), FK.address(), phone(), policy_no()])
    return rows


def individual_doc(p: Person, fmt: str) -> tuple[str, bytes, str]:
    """an individual customer's own 見積 / 申込内容 with their personal data."""
    addr = FK.address()
    lines = ["ご契約内容確認書", f"{p.name} 様", f"ご住所：{addr}", f"生年月日：{birth()}", f"電話番号：{phone()}",
             f"保険種目：{R.choice(PERSONAL_PRODUCTS)}", f"証券番号：{policy_no()}",
             f"保険料：月額 {R.randint(2, 19)},{R.randint(100, 999)}円",
             f"取扱代理店 {OWN}"]
    fn = R.choice([f"ご契約内容確認書_{p.last}様.{fmt}", f"{p.last}{p.first}様_お見積り.{fmt}",
                   f"申込内容_{p.last}様.{fmt}"])
    if fmt == "pdf":
        return att(fn, pdf_bytes(lines))
    if fmt == "docx":
        return att(fn, docx_bytes(lines))
    return att(fn, xlsx_bytes([[x] for x in lines]))


def bulk_doc(n: int, fmt: str, title: str) -> tuple[str, bytes, str]:
    rows = person_rows(n)
    if fmt == "csv":
        return att(f"{title}.csv", csv_bytes(rows, R.choice(["utf-8-sig", "cp932"])))
    return att(f"{title}.xlsx", xlsx_bytes(rows, "一覧"))


def sensitive_doc(n: int, fmt: str) -> tuple[str, bytes, str]:
    dis = ["2型糖尿病", "高血圧症", "うつ病", "乳がん（術後経過観察）", "脳梗塞", "慢性腎臓病", "統合失調症",
           "肝機能障害", "心筋梗塞", "睡眠時無呼吸症候群", "椎間板ヘルニア", "パニック障害"]
    rows = [["氏名", "生年月日", "告知内容（既往歴）", "通院先", "服薬"]]
    for _ in range(n):
        lk, _, _ = pick_last(0.2)
        fk, _, _ = pick_first()
        rows.append([f"{lk} {fk}", birth(), R.choice(dis), f"{FK.city()}{R.choice(['内科', '総合病院', 'クリニック'])}",
                     R.choice(["あり", "なし", "あり（インスリン）"])])
    title = R.choice(["告知内容一覧", "健康状態告知_集計", "団体医療保険_告知書まとめ", "保険金請求_診断書情報"])
    if fmt == "docx":
        return att(f"{title}.docx", docx_bytes([title], rows))
    if fmt == "pdf":
        return att(f"{title}.pdf", pdf_bytes([title, *["  ".join(r) for r in rows]]))
    if fmt == "csv":
        return att(f"{title}.csv", csv_bytes(rows, "cp932"))
    return att(f"{title}.xlsx", xlsx_bytes(rows))


# ---------------------------------------------------------------- mail text
def corp_form(o: Org) -> str:
    n = o.name
    if "株式会社" not in n:
        return n
    v = R.random()
    if v < 0.25:
        return n.replace("株式会社", "(株)")
    if v < 0.4:
        return n.replace("株式会社", "㈱")
    if v < 0.5:
        return o.short
    return n


def sal(p: Person, style: str | None = None) -> str:
    o = p.org
    if o is None:
        return R.choice([f"{p.last} {p.first} 様", f"{p.last}様", f"{p.name}様"])
    style = style or R.choice(["full", "dept", "title", "short", "onchu", "san"])
    t = p.title
    if style == "dept":
        return f"{corp_form(o)}\n{p.dept} {p.last}様"
    if style == "title" and t:
        return f"{corp_form(o)} {p.dept}\n{t} {p.last} {p.first} 様"
    if style == "short":
        return f"{o.short}　{p.last}様"
    if style == "onchu":
        return f"{corp_form(o)}\n{p.dept} 御中\n{p.last}様"
    if style == "san":
        return f"{o.short}\n{p.last}さん"
    return f"{corp_form(o)}\n{p.last} {p.first} 様"


def greeting(p: Person) -> str:
    if p.org is None:
        return R.choice(["いつもお世話になっております。", "平素よりお引き立てを賜り、誠にありがとうございます。",
                         "先日はお電話ありがとうございました。"])
    return R.choice(["いつもお世話になっております。", "平素は格別のご高配を賜り厚く御礼申し上げます。",
                     "お世話になっております。", "先日はお時間をいただきありがとうございました。"])


def sign(s: Person) -> str:
    v = R.randrange(3)
    if v == 0:
        return f"--\n{OWN}\n{s.dept} {s.name}\nTEL {OWN_TEL} / {s.email}"
    if v == 1:
        return (f"━━━━━━━━━━━━━━━━\n{OWN_SHORT}\n{s.name}（{s.kana}）\n"
                f"〒330-0854 さいたま市大宮区桜木町1-7-5\nTEL:{OWN_TEL}\n━━━━━━━━━━━━━━━━")
    return f"{s.last}@{OWN_SHORT}"


def intro(s: Person) -> str:
    return R.choice([f"{OWN_SHORT}の{s.last}でございます。", f"{OWN_SHORT} {s.dept}の{s.last}です。",
                     f"あすなろ保険の{s.last}です。"])


def compose(s: Person, p: Person, middle: str, salutation: str | None = None) -> str:
    close = R.choice(["何卒よろしくお願い申し上げます。", "よろしくお願いいたします。",
                      "ご不明な点がございましたらお気軽にお問い合わせください。\nよろしくお願いいたします。"])
    return f"{salutation or sal(p)}\n\n{greeting(p)}\n{intro(s)}\n\n{middle}\n\n{close}\n\n{sign(s)}\n"


def quoted(text: str, who: Person, when: dt.datetime, style: str | None = None) -> str:
    style = style or R.choice(["gt", "outlook", "gmail"])
    if style == "gt":
        return "\n".join("> " + ln for ln in text.splitlines())
    if style == "outlook":
        return (f"-----Original Message-----\nFrom: {who.name} <{who.email}>\nSent: {when:%Y/%m/%d %H:%M}\n"
                f"Subject: {R.choice(H_SUBJ)}\n\n{text}")
    return f"{when:%Y年%m月%d日} {when:%H:%M} {who.name} <{who.email}>:\n" + "\n".join(
        "> " + ln for ln in text.splitlines())


def html_of(text: str) -> str:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in esc.split("\n\n"))
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:Meiryo">{paras}</body></html>'


# ---------------------------------------------------------------- messages
MSG_START = dt.datetime(2026, 10, 1, 8, tzinfo=JST)
LABELS: list[dict] = []
N = [0]


def T() -> dt.datetime:
    return MSG_START + dt.timedelta(days=R.randrange(30), minutes=R.randrange(11 * 60))


def addr(p: Person | tuple[str, str], cs: str) -> str:
    name, email = (p.name, p.email) if isinstance(p, Person) else p
    if not name:
        return email
    return formataddr((str(Header(name, cs).encode()) if cs != "utf-8" else name, email), "utf-8")


def build(s: Person, to, cc, bcc, subject: str, text: str, atts, fmt: str, when: dt.datetime) -> bytes:
    cs = {"sjis": "shift_jis", "jis": "iso-2022-jp"}.get(fmt, "utf-8")
    if cs != "utf-8":
        try:
            text.encode("cp932" if cs == "shift_jis" else cs)
            subject.encode(cs)
            for p in [s, *to, *cc, *bcc]:
                (p.name if isinstance(p, Person) else p[0]).encode(cs)
            for a in atts:
                a[0].encode(cs)
        except UnicodeEncodeError:
            cs, fmt = "utf-8", "plain"
    if fmt == "html":
        body = MIMEText(html_of(text), "html", "utf-8")
    elif fmt == "alt":
        body = MIMEMultipart("alternative")
        body.attach(MIMEText(text, "plain", "utf-8"))
        body.attach(MIMEText(html_of(text), "html", "utf-8"))
    elif cs == "shift_jis":
        # the email package would re-encode Shift_JIS to ISO-2022-JP; Japanese Windows mailers send it as is
        body = MIMEBase("text", "plain", charset="Shift_JIS")
        body.set_payload(text.encode("cp932"))
        encoders.encode_base64(body)
    else:
        body = MIMEText(text, "plain", cs)
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
            if cs != "utf-8" and not fn.isascii():
                enc = Header(fn, cs).encode()
                a.add_header("Content-Disposition", "attachment", filename=enc)
                a.set_param("name", enc)
            else:
                val = fn if fn.isascii() else ("utf-8", "", fn)
                a.add_header("Content-Disposition", "attachment", filename=val)
                a.set_param("name", val)
            m.attach(a)
    else:
        m = body
    m["From"] = addr(s, cs)
    m["To"] = ", ".join(addr(p, cs) for p in to) if to else "undisclosed-recipients:;"
    if cc:
        m["Cc"] = ", ".join(addr(p, cs) for p in cc)
    if bcc:
        m["Bcc"] = ", ".join(addr(p, cs) for p in bcc)
    m["Subject"] = Header(subject, cs) if not subject.isascii() else subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(idstring=f"m4-{N[0]:04d}", domain=OWN_DOMAIN)
    m["X-Mailer"] = {"utf-8": R.choice(["Microsoft Outlook 16.0", "Thunderbird 128.3.1"]),
                     "shift_jis": "Becky! ver. 2.81.04", "iso-2022-jp": "Denbun POP Ver3.3"}[cs]
    return m.as_bytes()


def fmt_pick() -> str:
    v = R.random()
    return "plain" if v < 0.5 else "alt" if v < 0.68 else "html" if v < 0.8 else "jis" if v < 0.9 else "sjis"


def emit(s: Person, to, cc, subject, text, atts, expected, codes, kind, note, bcc=(), fmt=None) -> None:
    N[0] += 1
    recips = [p for p in [*to, *cc, *bcc] if isinstance(p, Person)]
    ext = [p for p in recips if not p.email.endswith("@" + OWN_DOMAIN)]
    codes = set(codes)
    if ext:
        if expected == "ok":
            codes.add("external_recipient")
        if any(p.email not in SENT[s.email] for p in ext):
            codes.add("first_time_recipient")
    raw = build(s, list(to), list(cc), list(bcc), subject, text, atts, fmt or fmt_pick(), T())
    fn = f"messages/{N[0]:04d}.eml"
    with open(os.path.join(OUT, fn), "wb") as f:
        f.write(raw)
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(codes), "kind": kind, "note": note})


def sales() -> list[Person]:
    return [s for s in STAFF if s.dept == "営業課" and OWNS_IND.get(s.email)]


def usual(s: Person | None = None, kind: str = "client") -> tuple[Person, Org, Person]:
    while True:
        s = s or R.choice(sales())
        orgs = [o for o in OWNS[s.email] if o.kind == kind]
        if not orgs:
            s = None
            continue
        o = R.choice(orgs)
        ppl = [p for p in o.people if p.email in SENT[s.email]]
        if ppl:
            return s, o, R.choice(ppl)
        s = None


def other_client(o: Org, prefer_stem: bool = True) -> Org:
    twins = [x for x in ORG_LIST if x is not o and x.kind == "client" and x.short[:2] == o.short[:2]]
    if twins and prefer_stem and R.random() < 0.6:
        return twins[0]
    return R.choice([x for x in ORG_LIST if x is not o and x.kind == "client"])


def doc_mid(topic: str, o: Org) -> str:
    prod = R.choice(PRODUCTS)
    return {"見積書": f"ご依頼いただいておりました{prod}のお見積書を添付にてお送りいたします。\n"
                      "補償内容と保険料をご確認ください。",
            "更新案内": f"{o.short}様の{prod}が来月満期を迎えますので、更新のご案内をお送りいたします。",
            "請求書": f"{prod}の保険料ご請求書をお送りいたします。\nお振込期日は11月末日となっております。"}[topic]


# ---------- ok kinds
def ok_routine(n: int) -> None:
    mids = ["来週火曜日14時のご訪問の件、承知いたしました。\n当日は担当の私と、課長の二名で伺います。",
            "先日ご相談いただいた車両の入替について、保険会社へ手続きを依頼いたしました。\n完了しましたら改めてご連絡いたします。",
            "事故受付の件、保険会社の担当者から本日中にご連絡が入る予定です。",
            "ご依頼の証券の写しは、本日郵送にて発送いたしました。"]
    for _ in range(n):
        s, o, p = usual()
        cc = [q for q in o.people if q is not p and q.email in SENT[s.email]][:1] if R.random() < 0.3 else []
        subj = R.choice(["ご訪問日程の件", "Re: 車両入替について", "事故受付のご連絡", "証券写し送付のご連絡"])
        emit(s, [p], cc, subj, compose(s, p, R.choice(mids)), [], "ok", [], "ok_routine",
             f"{o.name} {p.name} (usual contact)")


def ok_internal(n: int) -> None:
    for i in range(n):
        s, o, p = usual()
        t = R.choice([x for x in STAFF if x is not s])
        atts = []
        mid = f"{o.name}の{p.last}様から、団体保険の加入者追加の依頼がありました。\n手続きをお願いします。"
        if i % 2 == 0:
            atts = [bulk_doc(R.randint(60, 180), R.choice(["csv", "xlsx"]), "更新対象者リスト_社内用")]
            mid = "今月の満期対象のお客様リストです。担当分をご確認ください（社外秘）。"
        text = f"{t.last}さん\n\nお疲れ様です。{s.last}です。\n\n{mid}\n\n{s.last}\n"
        emit(s, [t], [], R.choice(["【社内】満期リスト", "加入者追加の件", "FYI 団体保険"]), text, atts, "ok", [],
             "ok_internal", f"internal only ({t.name}); customer data stays inside")


def ok_attachment_match(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        topic = R.choice(["見積書", "更新案内", "請求書"])
        a = company_doc(o, topic, R.choice(["pdf", "pdf", "xlsx", "docx", "csv"]))
        if R.random() < 0.25:
            a = att(f"{o.short}_{topic}.zip", zip_bytes([(a[0], a[1])]))
        emit(s, [p], [], f"{topic}送付のご案内（{o.short}様）", compose(s, p, doc_mid(topic, o)), [a], "ok", [],
             "ok_attachment_match", f"{topic} for {o.name} to {p.name} at {o.name}")


def surname_people() -> list[tuple[Person, Person]]:
    by = defaultdict(list)
    for p in ALL:
        if p.org is not None and p.org.kind == "client":
            by[p.last].append(p)
    pairs = []
    for ppl in by.values():
        for a in ppl:
            for b in ppl:
                if a.org is not b.org:
                    pairs.append((a, b))
    return pairs


def owner_of(p: Person) -> Person:
    owners = [s for s in STAFF if p.email in SENT[s.email] and p.org in OWNS.get(s.email, [])]
    return R.choice(owners) if owners else R.choice(sales())


def ok_same_surname(n: int) -> None:
    pairs = [(a, b) for a, b in surname_people() if a.last in {c[0] for c in COMMON}]
    for a, _b in R.sample(pairs, n):
        s = owner_of(a)
        topic = R.choice(["見積書", "更新案内", None])
        atts = [company_doc(a.org, topic, "pdf")] if topic else []
        mid = doc_mid(topic, a.org) if topic else "ご契約者様向けの補償見直しセミナーのご案内をお送りします。"
        emit(s, [a], [], f"{a.org.short}様 ご案内", compose(s, a, mid, sal(a, R.choice(["full", "dept", "title"]))),
             atts, "ok", [], "ok_same_surname_right_company",
             f"{a.name} at {a.org.name}; surname {a.last} also at other companies; salutation right")


def ok_bcc(n: int) -> None:
    for i in range(n):
        s = R.choice(sales())
        pool = [p for p in ALL if p.org is not None and p.org.kind == "client"] if i % 2 else INDIVIDUALS
        bcc = R.sample(pool, R.randint(10, 30))
        head = "お取引先各位" if i % 2 else "お客様各位"
        text = (f"{head}\n\n平素より格別のお引き立てを賜り厚く御礼申し上げます。\n\n年末年始の営業日のご案内です。\n"
                f"12月29日から1月4日まで休業いたします。事故のご連絡は各保険会社の24時間窓口へお願いいたします。\n\n{sign(s)}\n")
        emit(s, [s], [], "年末年始休業のお知らせ", text, [], "ok", [], "ok_announcement_bcc",
             f"{len(bcc)} external recipients all in Bcc, To is the sender", bcc=bcc)


def ok_reply_quoting(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        x = other_client(o)
        old = (f"{OWN_SHORT} {s.last}様\n\n先日、取引先の{x.name}さんから同じ補償をすすめられたと聞きました。\n"
               f"弊社でも検討したいので資料をお願いします。\n\n{o.short} {p.last}")
        text = compose(s, p, "資料をお送りします。ご検討のほどよろしくお願いいたします。") + "\n" + quoted(old, p, T())
        emit(s, [p], [], "Re: 補償のご相談", text, [company_doc(o, "見積書", "pdf")], "ok", [],
             "ok_reply_quoting_other_company", f"reply to {p.name} at {o.name}; {x.name} named only in the quote")


def ok_insurer(n: int) -> None:
    for _ in range(n):
        s = R.choice([x for x in STAFF if x.dept != "営業課"])
        ins = R.choice([o for o in OWNS[s.email] if o.kind == "insurer"] or [ORG_LIST[35]])
        p = R.choice([q for q in ins.people if q.email in SENT[s.email]] or ins.people)
        cust = R.choice(INDIVIDUALS)
        a = individual_doc(cust, R.choice(["pdf", "xlsx"]))
        mid = f"{cust.name}様の新規お申込みにつき、申込内容を添付いたします。\n計上のお手続きをお願いいたします。"
        emit(s, [p], [], f"新規申込 {cust.last}様分", compose(s, p, mid, f"{ins.name}\n{p.dept} {p.last}様"), [a], "ok",
             ["pii_in_attachment"], "ok_insurer_submission",
             f"{cust.name}'s application to the underwriting insurer {ins.name} (its job)")


def ok_own_data(n: int) -> None:
    for i in range(n):
        if i % 2:
            s = owner_of(INDIVIDUALS[i])
            cust = INDIVIDUALS[i]
            if cust.email not in SENT[s.email]:
                s = R.choice(sales())
            a = individual_doc(cust, R.choice(["pdf", "docx"]))
            mid = "ご契約内容確認書をお送りします。ご住所等にお間違いがないかご確認ください。"
            emit(s, [cust], [], "ご契約内容のご確認", compose(s, cust, mid), [a], "ok",
                 ["pii_in_attachment"], "ok_own_data_returned",
                 f"individual customer {cust.name} receives their own record")
        else:
            s, o, p = usual()
            a = bulk_doc(R.randint(40, 120), "xlsx", f"{o.short}_団体傷害保険_加入者名簿")
            mid = f"{o.short}様の団体傷害保険 加入者名簿です。\n退職者・入社者の反映をご確認ください。"
            emit(s, [p], [], "加入者名簿のご確認依頼", compose(s, p, mid), [a], "ok",
                 ["bulk_pii", "pii_in_attachment"], "ok_own_data_returned",
                 f"{o.name}'s own employee roster returned to {p.name} for checking")


def ok_multi_org(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        ins = R.choice([x for x in ORG_LIST if x.kind == "insurer"])
        q = R.choice(ins.people)
        mid = (f"{o.short}様の社用車事故の件、{ins.short}の{q.last}様にもCCで共有いたします。\n"
               f"修理工場の見積りが出ましたら、{q.last}様より直接ご連絡いただきます。")
        emit(s, [p], [q], "Re: 社用車事故の件", compose(s, p, mid), [], "ok", ["multiple_external_orgs"],
             "ok_client_and_insurer", f"{p.name} ({o.name}) with the insurer's adjuster {q.name} in Cc, same claim")


def ok_english(n: int) -> None:
    o = BY_DOMAIN["crest-japan.example.com"]
    for _ in range(n):
        s = owner_of(o.people[0])
        p = R.choice(o.people)
        text = (f"Dear Mr./Ms. {p.lr.title()},\n\nThank you for your time last week. Please find attached the renewal "
                f"quotation for {o.name}'s property insurance.\nLet me know if you have any questions.\n\n"
                f"Best regards,\n{s.fr.title()} {s.lr.title()}\n{OWN_SHORT}\n")
        emit(s, [p], [], "Renewal quotation", text, [company_doc(o, "見積書", "pdf")], "ok", [], "ok_english_client",
             f"English mail to {p.name} at {o.name}, quote for that company")


def ok_first_known(n: int) -> None:
    for _ in range(n):
        o = R.choice([x for x in ORG_LIST if x.kind == "client"])
        s = owner_of(o.people[0])
        fresh = [p for p in o.people if p.email not in SENT[s.email]]
        if fresh:
            p = fresh[0]
        else:
            p = add_person(o)
            ALL.pop()
            o.people.pop()
        mid = f"このたび{o.short}様の担当を引き継ぎました。今後ともよろしくお願いいたします。"
        emit(s, [p], [], "はじめまして（ご担当交代のご挨拶）", compose(s, p, mid), [], "ok", [],
             "ok_first_mail_known_company", f"first mail to {p.name} at known customer {o.name}")


# ---------- risky kinds
def r_same_surname(n: int) -> None:
    pairs = surname_people()
    for i in range(n):
        a, b = R.choice(pairs)
        s = owner_of(a)
        topic = R.choice(["見積書", "更新案内", "請求書"])
        atts = [company_doc(a.org, topic, R.choice(["pdf", "xlsx"]))] if R.random() < 0.6 else []
        text = compose(s, a, doc_mid(topic, a.org), sal(a, R.choice(["full", "dept", "title", "short"])))
        where = ["to", "cc", "bcc"][i % 3]
        codes = ["content_recipient_mismatch", "similar_recipient"]
        codes += ["attachment_recipient_mismatch"] if atts else []
        if where == "to":
            to, cc, bcc = [b], [], []
        elif where == "cc":
            to, cc, bcc = [a], [b], []
            text = text.replace("\n\n", f"\n（CC：{a.org.short} {b.last}様）\n\n", 1)
            codes.append("multiple_external_orgs")
        else:
            to, cc, bcc = [a], [], [b]
            codes.append("multiple_external_orgs")
        emit(s, to, cc, f"{topic}送付の件", text, atts, "risky", codes, "same_surname_wrong_company",
             f"meant {a.name} at {a.org.name}; {b.name} <{b.email}> at {b.org.name} in {where}", bcc=bcc)


def r_wrong_attachment(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        x = other_client(o)
        topic = R.choice(["見積書", "更新案内", "請求書"])
        a = company_doc(x, topic, R.choice(["pdf", "xlsx", "docx"]))
        if R.random() < 0.3:
            a = att(f"{topic}_{o.short}.zip", zip_bytes([(a[0], a[1])]))
        emit(s, [p], [], f"{topic}送付のご案内", compose(s, p, doc_mid(topic, o)), [a], "risky",
             ["attachment_recipient_mismatch"], "wrong_attachment",
             f"mail to {p.name} at {o.name}; attached {topic} is for {x.name}")


def r_open_list(n: int) -> None:
    for i in range(n):
        s = R.choice(sales())
        pool = INDIVIDUALS if i % 2 == 0 else [p for p in ALL if p.org is not None and p.org.kind == "client"]
        rec = R.sample(pool, R.randint(8, 26))
        head = "お客様各位" if i % 2 == 0 else "関係者各位"
        text = (f"{head}\n\n平素より大変お世話になっております。\n保険料口座振替日変更のお知らせです。\n"
                f"11月分より振替日が27日となります。\n\n{sign(s)}\n")
        to, cc = (rec, []) if i % 3 else (rec[:1], rec[1:])
        codes = ["open_recipient_list", "multiple_external_orgs"]
        emit(s, to, cc, "口座振替日変更のお知らせ", text, [], "risky", codes, "open_recipient_list",
             f"{len(rec)} customers' addresses visible in To/Cc")


def typo_domain(d: str) -> str:
    label, rest = d.split(".", 1)
    ops = []
    if "m" in label:
        ops.append(label.replace("m", "rn", 1))
    if "i" in label:
        ops.append(label.replace("i", "l", 1))
    if "o" in label:
        ops.append(label.replace("o", "0", 1))
    if "-" in label:
        ops.append(label.replace("-", "", 1))
    j = R.randrange(len(label) - 1)
    ops.append(label[:j] + label[j + 1] + label[j] + label[j + 2:])
    new = R.choice([x for x in ops if x != label])
    if R.random() < 0.25:
        return label + "." + ("test" if rest != "test" else "example")
    return new + "." + rest


def r_lookalike(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        bad = Person(p.last, p.first, p.kana, p.email.split("@")[0] + "@" + typo_domain(o.domain), o, p.dept)
        atts = [company_doc(o, "見積書", "pdf")] if R.random() < 0.5 else []
        emit(s, [bad], [], "お見積りの件", compose(s, p, doc_mid("見積書", o)), atts, "risky",
             ["lookalike_domain", "similar_recipient"], "lookalike_domain", f"meant {p.email}, sent to {bad.email}")


def r_bulk(n: int) -> None:
    for i in range(n):
        s, o, p = usual()
        title = R.choice(["満期管理リスト", "顧客一覧_202610", "契約者名簿"])
        a = bulk_doc(R.randint(50, 400), ["csv", "xlsx"][i % 2], title)
        emit(s, [p], [], "資料送付", compose(s, p, "ご依頼の資料を添付いたします。"), [a], "risky",
             ["bulk_pii", "pii_in_attachment"], "bulk_pii_external",
             f"agency-wide customer list ({a[0]}) to {p.name} at {o.name}")


NO_SENSITIVE = {"chuo-chosa.example", "himawari-sr.example"}


def r_sensitive(n: int) -> None:
    for i in range(n):
        if i % 2:
            s, o, p = usual()
        else:
            s = R.choice(sales())
            # partners with no business in health data (not the loss adjuster, not the labour consultant)
            o = R.choice([x for x in ORG_LIST if x.kind == "partner" and x.domain not in NO_SENSITIVE])
            p = R.choice(o.people)
        a = sensitive_doc(R.randint(4, 20), ["xlsx", "docx", "pdf", "csv"][i % 4])
        mid = "取りまとめた告知内容を添付します。ご確認ください。"
        emit(s, [p], [], "告知内容の件", compose(s, p, mid), [a], "risky",
             ["sensitive_pii", "pii_in_attachment"], "sensitive_pii_external",
             f"health declarations of several people ({a[0]}) to {p.name} at {o.name}")


def r_autocomplete(n: int) -> None:
    for i in range(n):
        s, o, p = usual()
        twins = [q for q in ALL if q is not p and (q.last == p.last) and q.org is not o]
        q = R.choice(twins) if twins else R.choice(INDIVIDUALS)
        shown = (p.name, q.email)
        a = bulk_doc(R.randint(15, 60), "xlsx", f"{o.short}_研修参加者名簿") if i % 2 else individual_doc(
            R.choice(INDIVIDUALS), "pdf")
        mid = "ご依頼の名簿を添付します。" if i % 2 else "ご依頼の書類（代表者様個人のご契約分）を添付いたします。"
        emit(s, [shown], [], "書類送付", compose(s, p, mid), [a], "risky",
             ["similar_recipient", "content_recipient_mismatch", "pii_in_attachment"], "autocomplete_wrong_address",
             f"display name {p.name} ({o.name}) but address {q.email} of {q.org.name if q.org else 'an individual'}")


def r_pwzip(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        pw = f"As{R.randint(1000, 9999)}hs"
        inner = bulk_doc(R.randint(50, 300), "csv", "customers_list")
        a = att("顧客リスト.zip", zip_pw_bytes([(inner[0], inner[1])], pw))
        mid = "ファイルを添付します。パスワードは別メールでお送りします。"
        emit(s, [p], [], "リスト送付（パスワード別送）", compose(s, p, mid), [a], "risky",
             ["unscannable_attachment", "bulk_pii"], "password_zip_customer_list",
             f"customer CSV in zip -P to {p.name} at {o.name} (password {pw})")


def pasted_rows(k: int, health: bool) -> str:
    out = []
    for _ in range(k):
        lk, _, _ = pick_last(0.2)
        fk, _, _ = pick_first()
        extra = R.choice(["高血圧で通院中", "糖尿病（服薬あり）", "昨年 胃がん手術"]) if health else policy_no()
        out.append(f"{lk} {fk}\t{birth()}\t{FK.address()}\t{phone()}\t{extra}")
    return "氏名\t生年月日\t住所\t電話\t備考\n" + "\n".join(out)


def r_pasted(n: int) -> None:
    for i in range(n):
        s, o, p = usual()
        health = i % 3 == 0
        mid = "参考までに、弊社で同種の保険にご加入のお客様の一覧を下記に貼り付けます。\n\n"
        mid += pasted_rows(R.randint(15, 40), health)
        codes = ["bulk_pii", "content_recipient_mismatch"] + (["sensitive_pii"] if health else [])
        emit(s, [p], [], "ご参考資料", compose(s, p, mid), [], "risky", codes, "pii_pasted_in_body",
             f"other customers' personal data pasted in the body to {p.name} at {o.name}")


def accident_text(c: Person) -> str:
    return (f"事故受付票\nご契約者：{c.name}（{c.kana}）\n生年月日：{birth()}\nご住所：{FK.address()}\n"
            f"連絡先：{phone()}\n"
            f"証券番号：{policy_no()}\n事故状況：交差点で追突され、頸椎捻挫で{FK.city()}整形外科に通院中。\n運転免許証番号："
            f"{R.randint(10**11, 10**12 - 1)}")


def r_forward(n: int) -> None:
    for i in range(n):
        s = R.choice(sales())
        c = R.choice(INDIVIDUALS)
        old = (f"{OWN_SHORT} {s.last}様\n\nお世話になります。先日の事故の件、必要事項をお送りします。\n\n"
               f"{accident_text(c)}\n\n{c.name}")
        if i % 2:
            _, o, p = usual(s)
            who = f"{o.name} {p.name}"
            mid = "先日お話しした事故対応の流れについて、実際のやり取りを参考までに転送いたします。"
        else:
            p = R.choice([q for q in INDIVIDUALS if q is not c])
            who = f"individual {p.name}"
            mid = "同じような事故でご不安とのことでしたので、他のお客様の受付例を参考までに転送いたします。"
        fwd = R.choice(["---------- Forwarded message ---------", "-------- 転送メッセージ --------"])
        text = (compose(s, p, mid) + f"\n{fwd}\nFrom: {c.name} <{c.email}>\n"
                f"Subject: 事故の件\n\n{old}\n")
        emit(s, [p], [], "Fw: 事故の件", text, [], "risky", ["content_recipient_mismatch", "sensitive_pii"],
             "forward_carries_customer_data", f"{c.name}'s accident/injury details forwarded to {who}")


def r_reply_all(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        x = other_client(o, prefer_stem=False)
        q = R.choice(x.people)
        old = (f"{OWN_SHORT} {s.last}様\n{x.short}の{q.last}です。先日の合同安全講習会ではお世話になりました。"
               f"\n（CC：{o.short} {p.last}様）")
        a = company_doc(o, "見積書", "pdf")
        mid = f"{o.short}様向けのお見積りを添付します。保険料は{money()}円です。"
        text = compose(s, p, mid) + "\n" + quoted(old, q, T())
        emit(s, [p], [q], "Re: 合同安全講習会のお礼", text, [a], "risky",
             ["multiple_external_orgs", "content_recipient_mismatch", "attachment_recipient_mismatch"],
             "reply_all_keeps_other_customer",
             f"{o.name}'s quote to {p.name}; reply-all kept {q.name} of {x.name} in Cc")


def r_cc_org(n: int) -> None:
    for _ in range(n):
        s, o, p = usual()
        x = other_client(o, prefer_stem=False)
        q = R.choice(x.people)
        a = bulk_doc(R.randint(20, 60), "xlsx", f"{o.short}_業務災害補償_対象者一覧")
        emit(s, [p], [q], "対象者一覧のご確認", compose(s, p, f"{o.short}様の対象者一覧をお送りします。"), [a], "risky",
             ["multiple_external_orgs", "content_recipient_mismatch", "pii_in_attachment", "bulk_pii"],
             "unrelated_org_in_cc", f"{o.name}'s staff list to {p.name}; {q.name} of {x.name} only in Cc")


def r_ind_to_ind(n: int) -> None:
    for _ in range(n):
        a = R.choice(INDIVIDUALS)
        same = [q for q in INDIVIDUALS if q is not a and q.last == a.last]
        b = R.choice(same or [q for q in INDIVIDUALS if q is not a])
        s = R.choice(sales())
        doc = individual_doc(a, R.choice(["pdf", "docx", "xlsx"]))
        codes = ["content_recipient_mismatch", "attachment_recipient_mismatch", "pii_in_attachment"]
        codes += ["similar_recipient"] if b.last == a.last else []
        emit(s, [b], [], "お見積りの送付", compose(s, a, "ご依頼のお見積りをお送りいたします。"), [doc], "risky", codes,
             "individual_data_to_other_individual",
             f"{a.name}'s record meant for {a.email}, sent to {b.name} <{b.email}>")


def main() -> None:
    if os.path.isdir(os.path.join(OUT, "messages")):
        shutil.rmtree(os.path.join(OUT, "messages"))
    os.makedirs(os.path.join(OUT, "messages"))
    build_world()
    write_contacts()
    build_history()
    plan = [(ok_routine, 12), (r_same_surname, 12), (ok_internal, 8), (r_wrong_attachment, 8),
            (ok_attachment_match, 10), (r_open_list, 6), (ok_same_surname, 10), (r_lookalike, 7), (ok_bcc, 6),
            (r_bulk, 6), (ok_reply_quoting, 8), (r_sensitive, 6), (ok_insurer, 6), (r_autocomplete, 7),
            (ok_own_data, 6), (r_pwzip, 5), (ok_multi_org, 4), (r_pasted, 6), (ok_english, 4), (r_forward, 6),
            (ok_first_known, 4), (r_reply_all, 5), (r_cc_org, 5), (r_ind_to_ind, 6)]
    for fn, k in plan:
        fn(k)
    order = list(range(len(LABELS)))
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for i in order:
            f.write(json.dumps(LABELS[i], ensure_ascii=False) + "\n")
    print(f"contacts {len(ALL)}, messages {len(LABELS)}")


if __name__ == "__main__":
    main()
