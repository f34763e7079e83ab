#!/usr/bin/env python3
"""Generate misdelivery5: a construction company's address book, a year of history and labelled outgoing mail.

Written from scratch for an independent check of the 誤送信 guard; only the file format follows the shared dev set.
Run: PYTHONPATH=<dir with faker> python generate.py   (needs faker, openpyxl, python-docx, reportlab, `zip`).
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from email import encoders
from email.charset import BASE64, Charset
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from pathlib import Path

from faker import Faker

SEED = 55_2026
HERE = Path(__file__).resolve().parent
OUT = HERE
JST = timezone(timedelta(hours=9))
INTERNAL = "shoei-kensetsu.example"
COMPANY = "株式会社匠栄建設"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

rng = random.Random(SEED)
fake = Faker("ja_JP")
fake.seed_instance(SEED)

COMMON = [
    ("小林", "コバヤシ", "Kobayashi"),
    ("加藤", "カトウ", "Kato"),
    ("吉田", "ヨシダ", "Yoshida"),
    ("山田", "ヤマダ", "Yamada"),
    ("佐々木", "ササキ", "Sasaki"),
    ("山口", "ヤマグチ", "Yamaguchi"),
    ("松本", "マツモト", "Matsumoto"),
    ("井上", "イノウエ", "Inoue"),
    ("木村", "キムラ", "Kimura"),
]

# (name, domain, kind, short name used in casual salutations)
ORGS = [
    ("東邦不動産株式会社", "toho-fudosan.example", "client", "東邦不動産"),
    ("東邦不動産販売株式会社", "tohohanbai.example", "client", "東邦販売"),
    ("みどり住建株式会社", "midori-jyuken.test", "client", "みどり住建"),
    ("みどり住販有限会社", "midori-juhan.test", "client", "みどり住販"),
    ("株式会社北斗デベロップメント", "hokuto-dev.example", "client", "北斗デベロップメント"),
    ("社会福祉法人やまびこ会", "yamabiko-kai.example", "client", "やまびこ会"),
    ("医療法人清和会 清和病院", "seiwa-hp.example", "client", "清和病院"),
    ("学校法人青葉学園", "aoba-gakuen.example", "client", "青葉学園"),
    ("株式会社丸越ストア", "marukoshi.example.com", "client", "丸越ストア"),
    ("株式会社サンライズホテルズ", "sunrise-hotels.example", "client", "サンライズホテルズ"),
    ("大栄物流株式会社", "daiei-logi.example", "client", "大栄物流"),
    ("株式会社かもめ食品", "kamome-foods.test", "client", "かもめ食品"),
    ("港南電鉄株式会社", "konan-railway.example", "client", "港南電鉄"),
    ("有限会社たちばな商店", "tachibana-shoten.test", "client", "たちばな商店"),
    ("株式会社ミナト倉庫", "minato-soko.example", "client", "ミナト倉庫"),
    ("株式会社エバーグリーン", "evergreen-jp.example", "client", "エバーグリーン"),
    ("株式会社三ツ星フーズ", "mitsuboshi-foods.example.com", "client", "三ツ星フーズ"),
    ("株式会社協栄オート", "kyoei-auto.test", "client", "協栄オート"),
    ("合同会社ブルーリーフ", "blueleaf.example", "client", "ブルーリーフ"),
    ("宗教法人光明寺", "komyoji.example", "client", "光明寺"),
    ("株式会社緑ヶ丘管理", "midorigaoka-kanri.example", "client", "緑ヶ丘管理"),
    ("株式会社ひかり保育サービス", "hikari-hoiku.test", "client", "ひかり保育"),
    ("平和地所株式会社", "heiwa-jisho.example", "client", "平和地所"),
    ("株式会社アーバンリンク", "urbanlink.example.com", "client", "アーバンリンク"),
    ("株式会社ノース設計事務所", "north-sekkei.example", "partner", "ノース設計"),
    ("有限会社早川電設", "hayakawa-densetsu.test", "partner", "早川電設"),
    ("株式会社大和設備工業", "yamato-setsubi.example", "partner", "大和設備"),
    ("株式会社内田内装", "uchida-naiso.example", "partner", "内田内装"),
    ("株式会社中央測量", "chuo-sokuryo.test", "partner", "中央測量"),
    ("株式会社鉄心鋼業", "tesshin-steel.example", "partner", "鉄心鋼業"),
    ("株式会社シマダ塗装", "shimada-paint.example", "partner", "シマダ塗装"),
    ("株式会社あおぞら損害保険代理店", "aozora-hoken.test", "partner", "あおぞら保険"),
    ("株式会社大地建機リース", "daichi-lease.example", "partner", "大地建機"),
    ("株式会社ライフ住宅ローンサービス", "life-loan.example", "partner", "ライフローン"),
    ("社会保険労務士法人みらい", "sr-mirai.example", "partner", "社労士法人みらい"),
    ("株式会社健診プラザ", "kenshin-plaza.test", "partner", "健診プラザ"),
    ("株式会社タカラ印刷", "takara-print.example", "partner", "タカラ印刷"),
    ("株式会社ワークセーフ安全衛生", "worksafe.example.com", "partner", "ワークセーフ"),
    ("Pacific Timber Co., Ltd.", "pacific-timber.example", "partner", "Pacific Timber"),
    ("株式会社白石解体", "shiraishi-kaitai.test", "partner", "白石解体"),
    ("株式会社ニューライト照明", "newlight.example", "partner", "ニューライト"),
    ("弁護士法人桜通り法律事務所", "sakura-law.example", "partner", "桜通り法律事務所"),
    ("株式会社ハウスクリーン東", "houseclean-higashi.test", "partner", "ハウスクリーン東"),
]
CLIENT = {o[0]: o[2] == "client" for o in ORGS}
FREEMAIL = ["freemail.example", "mailbox.test", "webmail.example.com", "hikari-net.test", "kmail.example"]
PRIVATE = "個人のお客様"
DEPTS = ["総務部", "施設管理部", "管財課", "事業部", "経営企画室", "工務部", "営業部", "購買部", "設計部", "管理部"]
POSTS = ["部長", "課長", "係長", "主任", "マネージャー", ""]


def person(force_common: float = 0.45) -> tuple[str, str, str, str, str, str]:
    if rng.random() < force_common:
        ln, lk, lr = rng.choice(COMMON)
    else:
        ln, lk, lr = fake.last_name_pair()
    fn, fk, fr = fake.first_name_female_pair() if rng.random() < 0.45 else fake.first_name_male_pair()
    return ln, fn, lk, fk, lr.lower(), fr.lower()


def local_part(style: int, p: tuple[str, ...]) -> str:
    lr, fr = p[4], p[5]
    return [f"{fr[0]}.{lr}", f"{fr}.{lr}", f"{lr}", f"{lr}_{fr}", f"{lr}-{fr[0]}", f"{lr}.{fr}"][style]


def build_contacts() -> tuple[list[dict], dict[str, dict]]:
    contacts: list[dict] = []
    seen: set[str] = set()
    for org, dom, _, _ in ORGS:
        style = rng.randrange(6)
        for _ in range(rng.randint(4, 6)):
            p = person()
            lp = local_part(style, p)
            while f"{lp}@{dom}" in seen:
                lp += str(rng.randint(1, 9))
            seen.add(f"{lp}@{dom}")
            contacts.append({"name": f"{p[0]} {p[1]}", "kana": f"{p[2]} {p[3]}", "email": f"{lp}@{dom}",
                             "organization": org, "r": p})
    # twins: same full name (often the same local part) at another organisation
    for _ in range(12):
        a = rng.choice([c for c in contacts if c["organization"] != PRIVATE])
        org, dom, _, _ = rng.choice([o for o in ORGS if o[0] != a["organization"]])
        lp = a["email"].split("@")[0] if rng.random() < 0.6 else local_part(rng.randrange(6), a["r"])
        if f"{lp}@{dom}" in seen:
            continue
        seen.add(f"{lp}@{dom}")
        contacts.append({**a, "email": f"{lp}@{dom}", "organization": org})
    # private customers (リフォームの施主) on free-mail, some sharing a surname or a full name with business contacts
    for i in range(26):
        if i < 6:
            b = rng.choice(contacts)
            p = b["r"] if i < 3 else (b["r"][0], person()[1], b["r"][2], "", b["r"][4], person()[5])
        else:
            p = person(0.5)
        lp = rng.choice([f"{p[5]}.{p[4]}{rng.randint(60, 99)}", f"{p[4]}{p[5][:3]}", f"{p[5]}_{p[4]}", f"{p[4]}.home"])
        dom = rng.choice(FREEMAIL)
        if f"{lp}@{dom}" in seen:
            lp += "2"
        seen.add(f"{lp}@{dom}")
        kana = f"{p[2]} {p[3]}".strip() if p[3] else ""
        contacts.append({"name": f"{p[0]} {p[1]}", "kana": kana, "email": f"{lp}@{dom}", "organization": PRIVATE,
                         "r": p})
    by_email = {c["email"]: c for c in contacts}
    return contacts, by_email


def build_staff() -> list[dict]:
    staff = []
    seen = set()
    for i in range(24):
        p = person(0.35)
        lp = f"{p[5][0]}.{p[4]}"
        if lp in seen:
            lp = f"{p[5][:2]}.{p[4]}"
        seen.add(lp)
        dept = "リフォーム事業部" if i < 6 else ("工事部" if i < 12 else ("営業部" if i < 19 else "総務部"))
        staff.append({"name": f"{p[0]} {p[1]}", "email": f"{lp}@{INTERNAL}", "dept": dept, "sur": p[0]})
    return staff


SUBJECTS = ["定例会議事録", "工程表のご送付", "お見積書送付の件", "現場立会い日程のご相談", "請求書送付のご案内",
            "打合せ資料", "図面修正のご確認", "追加工事のご相談", "竣工検査のご案内", "安全書類の提出について",
            "Re: 工程の件", "Re: Re: 仕上げ材サンプル", "【ご確認】変更契約書(案)", "現場写真の共有", "近隣挨拶の件"]


def build_history(contacts: list[dict], staff: list[dict]) -> tuple[list[dict], dict[str, set[str]], set[str]]:
    by_org: dict[str, list[dict]] = {}
    for c in contacts:
        by_org.setdefault(c["organization"], []).append(c)
    orgs = [o[0] for o in ORGS]
    privates = by_org[PRIVATE]
    never = set(rng.sample([c["email"] for c in contacts if c["organization"] != PRIVATE], 18))
    never |= {c["email"] for c in rng.sample(privates, 4)}
    owned: dict[str, list] = {}
    for i, s in enumerate(staff):
        if i < 6:
            owned[s["email"]] = [("P", p) for p in privates[i::6]]
        else:
            owned[s["email"]] = [("O", o) for o in rng.sample(orgs, rng.randint(2, 4))]
    # a client's project often has a 設計事務所 / 電設 / 設備 partner in Cc (施主・設計・施工の三者)
    partners = [o[0] for o in ORGS if o[0] in ("株式会社ノース設計事務所", "有限会社早川電設", "株式会社大和設備工業")]
    joint: dict[tuple[str, str], str] = {}
    for s in staff[6:]:
        for _, o in owned[s["email"]]:
            if CLIENT.get(o) and rng.random() < 0.35:
                joint[(s["email"], o)] = rng.choice(partners)
    hist = []
    start = datetime(2025, 10, 1, 8, tzinfo=JST)
    for _ in range(3100):
        s = rng.choice(staff)
        d = start + timedelta(seconds=rng.randrange(365 * 86400))
        d = d.replace(hour=rng.randint(8, 19))
        r = rng.random()
        to: list[str] = []
        cc: list[str] = []
        if r < 0.83:
            kind, who = rng.choice(owned[s["email"]])
            if kind == "P":
                if who["email"] not in never:
                    to = [who["email"]]
            else:
                pool = [c["email"] for c in by_org[who] if c["email"] not in never]
                to = rng.sample(pool, 1 if rng.random() < 0.75 else min(2, len(pool)))
                if rng.random() < 0.3:
                    cc.append(rng.choice([x["email"] for x in staff if x is not s]))
                if rng.random() < 0.2:
                    extra = [e for e in pool if e not in to]
                    if extra:
                        cc.append(rng.choice(extra))
                if (s["email"], who) in joint and rng.random() < 0.35:
                    cc.append(rng.choice([c["email"] for c in by_org[joint[(s["email"], who)]]
                                          if c["email"] not in never]))
        elif r < 0.95:
            to = [rng.choice([x["email"] for x in staff if x is not s])]
        else:
            to = [rng.choice([c["email"] for c in contacts if c["email"] not in never])]
        if not to:
            continue
        hist.append({"date": d.isoformat(), "from": s["email"], "to": to, "cc": cc, "subject": rng.choice(SUBJECTS)})
    hist.sort(key=lambda h: h["date"])
    sent: dict[str, set[str]] = {}
    for h in hist:
        sent.setdefault(h["from"], set()).update(h["to"] + h["cc"])
    return hist, sent, never, joint


# ---------------------------------------------------------------- attachments


def pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "IPAex" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAex", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 800
    for ln in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("IPAex", 10)
        c.drawString(50, y, ln)
        y -= 16
    c.save()
    return buf.getvalue()


def xlsx(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(paras: list[str], table: list[list] | None = None) -> bytes:
    import docx as pydocx

    d = pydocx.Document()
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


def csvb(rows: list[list], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(enc)


def plain_zip(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files:
            z.writestr(zipfile.ZipInfo(n, (2026, 10, 1, 9, 0, 0)), b)
    return buf.getvalue()


def pw_zip(files: list[tuple[str, bytes]], pw: str) -> bytes:
    with tempfile.TemporaryDirectory() as t:
        for n, b in files:
            (Path(t) / n).write_bytes(b)
        subprocess.run(["zip", "-q", "-X", "-P", pw, "out.zip", *[n for n, _ in files]], cwd=t, check=True)
        return (Path(t) / "out.zip").read_bytes()


def people_rows(n: int, extra: str | None = None) -> list[list]:
    head = ["氏名", "フリガナ", "生年月日", "住所", "電話番号", "メールアドレス"]
    if extra:
        head.append(extra)
    rows = [head]
    for _ in range(n):
        p = person(0.2)
        r = [f"{p[0]} {p[1]}", f"{p[2]} {p[3]}", fake.date_of_birth(minimum_age=20, maximum_age=85).isoformat(),
             fake.address(), fake.phone_number(), f"{p[5]}.{p[4]}{rng.randint(1, 99)}@{rng.choice(FREEMAIL)}"]
        if extra:
            r.append(rng.choice(SENSITIVE[extra]))
        rows.append(r)
    return rows


SENSITIVE = {
    "既往歴": ["高血圧症", "2型糖尿病", "腰椎椎間板ヘルニア", "うつ病(通院中)", "狭心症", "てんかん"],
    "健診所見": ["要精密検査(肝機能)", "要治療(高血圧)", "じん肺管理区分2", "難聴(4000Hz)", "要経過観察(心電図)"],
    "障害": ["身体障害者手帳 4級(下肢)", "精神障害者保健福祉手帳 2級", "療育手帳 B2", "身体障害者手帳 3級(聴覚)"],
    "処分歴": ["道路交通法違反(罰金)", "傷害(執行猶予)", "窃盗(不起訴)"],
}


def money() -> str:
    return f"{rng.randint(30, 4800) * 10_000:,}"


def quote_doc(org: str, kind: str, fmt: str, addr: str | None = None) -> tuple[str, bytes]:
    """A business document addressed to one customer."""
    title = {"quote": "御見積書", "invoice": "御請求書", "minutes": "打合せ議事録", "schedule": "工程表"}[kind]
    site = rng.choice(["新築工事", "改修工事", "外壁改修工事", "空調更新工事", "倉庫増築工事", "内装改修工事"])
    lines = [title, f"{org} 御中" if org != PRIVATE else f"{addr} 様", f"件名: {site}",
             f"金額: {money()} 円(税込)" if kind in ("quote", "invoice") else "次回: 11月第2週 現場にて",
             f"{COMPANY} 営業部"]
    if addr and org == PRIVATE:
        lines.insert(2, f"工事場所: {fake.address()}")
    short = org.replace("株式会社", "").replace("有限会社", "").strip() if org != PRIVATE else addr or "お客様"
    name = f"{title}_{short}_{site}"
    if fmt == "pdf":
        return name + ".pdf", pdf(lines)
    if fmt == "xlsx":
        return name + ".xlsx", xlsx([[ln] for ln in lines] + [["項目", "数量", "金額"], ["仮設工事", 1, money()]])
    if fmt == "docx":
        return name + ".docx", docx(lines)
    return name + ".csv", csvb([[ln] for ln in lines], rng.choice(["utf-8-sig", "cp932"]))


# ---------------------------------------------------------------- message text

GREET = ["いつもお世話になっております。", "平素より大変お世話になっております。", "お世話になっております。",
         "ご無沙汰しております。", "いつも大変お世話になっております。"]
CLOSE = ["よろしくお願いいたします。", "引き続きよろしくお願い申し上げます。", "ご確認のほどよろしくお願いいたします。",
         "以上、よろしくお願いします。", "何卒よろしくお願い申し上げます。"]


def short_form(org: str) -> str:
    return rng.choice([org, org, org.replace("株式会社", "(株)"), org.replace("株式会社", "㈱"),
                       org.replace("株式会社", "").replace("有限会社", "").strip()])


def salute(c: dict, style: int | None = None) -> str:
    sur, given = c["name"].split(" ", 1)
    if c["organization"] == PRIVATE:
        return rng.choice([f"{c['name']} 様", f"{sur} 様", f"{sur}様"])
    style = rng.randrange(5) if style is None else style
    org = short_form(c["organization"])
    if style == 0:
        return f"{org}\n{rng.choice(DEPTS)} {rng.choice(POSTS)} {sur}様".replace("  ", " ")
    if style == 1:
        return f"{org}\n{sur} {given} 様"
    if style == 2:
        return f"{org} {sur}様"
    if style == 3:
        return f"{org}\n{rng.choice(DEPTS)}\n{sur}様"
    return f"{org} 御中\n{sur} {given}様"


def signature(s: dict) -> str:
    sur = s["name"]
    tel = f"03-{rng.randint(3000, 6999)}-{rng.randint(1000, 9999)}"
    return rng.choice([
        f"--\n{COMPANY} {s['dept']}\n{sur}\nTEL {tel}\n{s['email']}",
        f"━━━━━━━━━━━━━━━━\n{COMPANY}\n{s['dept']} {sur}\n"
        f"〒150-0000 東京都渋谷区神南9-9-9\nTel: {tel}\n━━━━━━━━━━━━━━━━",
        f"**************************\n匠栄建設 {s['dept']}\n{sur}\nMail: {s['email']}\n**************************",
        f"{COMPANY}\n{sur}",
    ])


def body(sal: str, s: dict, lines: list[str], quote: str | None = None, greet: str | None = None) -> str:
    me = s["name"].split(" ")[0]
    g = greet or rng.choice(GREET)
    intro = rng.choice([f"{COMPANY}の{me}です。", f"匠栄建設の{me}でございます。", f"{me}です。"])
    if g == "お疲れ様です。":
        intro = f"{me}です。"
    text = f"{sal}\n\n{g}\n{intro}\n\n" + "\n".join(lines) + f"\n\n{rng.choice(CLOSE)}\n\n{signature(s)}\n"
    if quote:
        text += "\n" + quote
    return text


def quoted(frm: dict, org_line: str, lines: list[str], style: int) -> str:
    when = f"2026/10/{rng.randint(1, 20):02d} {rng.randint(9, 18)}:{rng.randint(0, 59):02d}"
    inner = "\n".join([org_line, "", *lines])
    if style == 0:
        return f"{when}、{frm['name']} <{frm['email']}> のメッセージ:\n" + "\n".join(
            "> " + x for x in inner.splitlines())
    if style == 1:
        return (f"-----Original Message-----\nFrom: {frm['name']} <{frm['email']}>\nSent: {when}\n"
                f"Subject: Re:\n\n{inner}")
    return (f"---------- Forwarded message ---------\nFrom: {frm['name']} <{frm['email']}>\nDate: {when}\n"
            f"Subject: ご相談\n\n{inner}")


def html_of(text: str) -> str:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in esc.split("\n\n"))
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:Meiryo">{paras}</body></html>'


def addr(name: str, email: str, cs: str) -> str:
    return formataddr((name, email), charset=cs)


MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.3.1", "Becky! ver. 2.81.04", "Apple Mail (2.3774)",
           "Shuriken 2014", "Active! mail 6"]


def make_eml(n: int, s: dict, to: list[tuple[str, str]], cc: list[tuple[str, str]], bcc: list[tuple[str, str]],
             subject: str, text: str, atts: list[tuple[str, bytes]], fmt: str = "plain") -> bytes:
    cs = {"jis": "iso-2022-jp", "sjis": "shift_jis"}.get(fmt, "utf-8")
    if cs != "utf-8":
        try:
            text.encode(cs)
            subject.encode(cs)
        except UnicodeEncodeError:
            cs, fmt = "utf-8", "plain"
    if fmt == "html":
        part = MIMEText(html_of(text), "html", "utf-8")
    elif fmt == "alt":
        part = MIMEMultipart("alternative")
        part.attach(MIMEText(text, "plain", "utf-8"))
        part.attach(MIMEText(html_of(text), "html", "utf-8"))
    elif cs == "shift_jis":
        sj = Charset("shift_jis")
        sj.output_charset = sj.output_codec = "shift_jis"
        sj.body_encoding = BASE64
        part = MIMEText(text, "plain", sj)
    else:
        part = MIMEText(text, "plain", cs)
    if atts:
        msg = MIMEMultipart("mixed")
        msg.attach(part)
        for fn, data in atts:
            ext = fn.rsplit(".", 1)[-1]
            a = MIMEBase(*MIME.get(ext, ("application", "octet-stream")))
            a.set_payload(data)
            encoders.encode_base64(a)
            if ext == "csv" and not data.startswith(b"\xef\xbb\xbf"):
                a.set_param("charset", "Shift_JIS")
            if cs == "iso-2022-jp":
                enc = Header(fn, cs).encode()
                a.add_header("Content-Disposition", "attachment", filename=enc)
                a.set_param("name", enc)
            else:
                a.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fn))
            msg.attach(a)
    else:
        msg = part
    msg["From"] = addr(s["name"], s["email"], cs)
    msg["To"] = ", ".join(addr(a, b, cs) for a, b in to)
    if cc:
        msg["Cc"] = ", ".join(addr(a, b, cs) for a, b in cc)
    if bcc:
        msg["Bcc"] = ", ".join(addr(a, b, cs) for a, b in bcc)
    msg["Subject"] = Header(subject, cs).encode()
    d = datetime(2026, 10, 1, 9, tzinfo=JST) + timedelta(days=n % 30, minutes=rng.randrange(600))
    msg["Date"] = format_datetime(d)
    msg["Message-ID"] = f"<m5.{n:04d}.{rng.getrandbits(48):x}@{INTERNAL}>"
    msg["X-Mailer"] = rng.choice(MAILERS)
    return msg.as_bytes()


MIME = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "csv": ("text", "csv"), "zip": ("application", "zip")}


# ---------------------------------------------------------------- scenarios


class Gen:
    """Holds the address book and history and writes one labelled message per call."""

    def __init__(self) -> None:
        self.contacts, self.by_email = build_contacts()
        self.staff = build_staff()
        self.hist, self.sent, self.never, self.joint = build_history(self.contacts, self.staff)
        self.by_org: dict[str, list[dict]] = {}
        for c in self.contacts:
            self.by_org.setdefault(c["organization"], []).append(c)
        self.n = 0
        self.used: set[str] = set()
        self.labels: list[dict] = []
        self.fmts = ["plain"] * 10 + ["jis"] * 2 + ["sjis"] + ["html"] + ["alt"] * 2

    # helpers
    def usual(self, private: bool = False) -> tuple[dict, dict]:
        """A sender and one of the contacts this sender has mailed before."""
        while True:
            s = rng.choice(self.staff)
            pool = [self.by_email[e] for e in sorted(self.sent.get(s["email"], ())) if e in self.by_email]
            pool = [c for c in pool if (c["organization"] == PRIVATE) == private]
            if pool:
                return s, rng.choice(pool)

    def codes(self, s: dict, rcpts: list[str], extra: list[str]) -> list[str]:
        out = set(extra)
        ext = [r for r in rcpts if not r.endswith("@" + INTERNAL)]
        if ext:
            out.add("external_recipient")
        if any(r not in self.sent.get(s["email"], ()) for r in ext):
            out.add("first_time_recipient")
        return sorted(out)

    def emit(self, expected: str, kind: str, note: str, s: dict, to: list[dict], subject: str, text: str,
             atts: list[tuple[str, bytes]] = (), cc: list[dict] = (), bcc: list[dict] = (), extra: list[str] = (),
             fmt: str | None = None) -> None:
        self.n += 1
        fmt = fmt or rng.choice(self.fmts)
        pair = [(c["name"], c["email"]) for c in to]
        raw = make_eml(self.n, s, pair, [(c["name"], c["email"]) for c in cc],
                       [(c["name"], c["email"]) for c in bcc], subject, text, list(atts), fmt)
        fn = f"messages/{self.n:04d}.eml"
        (OUT / fn).write_bytes(raw)
        rc = [c["email"] for c in [*to, *cc, *bcc]]
        self.labels.append({"file": fn, "expected": expected, "codes": self.codes(s, rc, list(extra)),
                            "kind": kind, "note": note})

    def colleague(self, s: dict) -> dict:
        return rng.choice([x for x in self.staff if x is not s])

    def same_surname_pairs(self) -> list[tuple[dict, dict]]:
        pairs = []
        biz = [c for c in self.contacts if c["organization"] != PRIVATE]
        for a in biz:
            for b in biz:
                if a is not b and a["organization"] != b["organization"] and a["name"][:2] == b["name"][:2] and \
                        a["name"].split()[0] == b["name"].split()[0]:
                    pairs.append((a, b))
        return pairs

    def owner(self, c: dict) -> dict | None:
        owners = [s for s in self.staff if c["email"] in self.sent.get(s["email"], ())]
        return rng.choice(owners) if owners else None

    def doc_for(self, org: str, fmt: str | None = None, who: str | None = None) -> tuple[str, bytes]:
        return quote_doc(org, rng.choice(["quote", "invoice", "minutes", "schedule"]),
                         fmt or rng.choice(["pdf", "xlsx", "docx", "csv"]), who)

    # ------------------------------------------------------------ ok kinds
    def ok_routine(self) -> None:
        s, c = self.usual()
        lines = rng.choice([["先日の現場立会いではありがとうございました。",
                             "次回の定例は10月第3週の火曜日でいかがでしょうか。"],
                            ["足場の解体は予定どおり来週月曜から行います。", "近隣への挨拶は弊社で済ませております。"],
                            ["外構の仕上げ材について、サンプルを明日お持ちいたします。"],
                            ["工程に一日遅れが出ておりますが、竣工日には影響ございません。",
                             "詳細は定例にてご報告します。"]])
        cc = [self.colleague(s)] if rng.random() < 0.3 else []
        self.emit("ok", "ok_routine", f"{c['organization']} {c['name']} (usual contact), salutation matches", s, [c],
                  rng.choice(SUBJECTS[:10]), body(salute(c), s, lines), cc=cc)

    def ok_internal(self) -> None:
        s = rng.choice(self.staff)
        to = [self.colleague(s)]
        org = rng.choice(ORGS)[0]
        atts = []
        lines = [f"{org}の案件、見積の社内確認をお願いします。", "原価率が想定より高いので、相談させてください。"]
        if rng.random() < 0.5:
            rows = people_rows(rng.randint(40, 150))
            atts = [("OB施主名簿_点検案内用.xlsx", xlsx(rows))]
            lines = ["来月の定期点検案内の送付先リストです。", "社内確認用ですので外部には出さないでください。"]
        sal = f"{to[0]['name'].split()[0]}さん"
        subj = rng.choice(["【社内】確認のお願い", "見積原価の相談", "点検案内リスト", "FYI: 現場の件"])
        self.emit("ok", "ok_internal", "internal only", s, to, subj,
                  body(sal, s, lines, greet="お疲れ様です。"), atts, cc=[self.colleague(s)])

    def ok_attachment_match(self) -> None:
        s, c = self.usual()
        fmt = rng.choice(["pdf", "xlsx", "docx", "csv", "zip"])
        fn, data = self.doc_for(c["organization"], None if fmt == "zip" else fmt)
        if fmt == "zip":
            fn, data = f"{fn.rsplit('.', 1)[0]}.zip", plain_zip([(fn, data)])
        self.emit("ok", "ok_attachment_match", f"document for {c['organization']} to {c['name']}", s, [c],
                  rng.choice(["お見積書送付の件", "請求書送付のご案内", "議事録送付", "工程表のご送付"]),
                  body(salute(c), s, ["表題の件、資料を添付いたします。", "ご査収くださいますようお願いいたします。"]),
                  [(fn, data)])

    def ok_same_surname(self) -> None:
        for _ in range(200):
            a, b = rng.choice(self.pairs)
            s = self.owner(a)
            if s:
                break
        self.emit("ok", "ok_same_surname_right_company",
                  f"{a['organization']} {a['name']}; namesake {b['name']} at {b['organization']} not addressed", s,
                  [a], rng.choice(SUBJECTS), body(salute(a, rng.choice([0, 1, 2, 4])), s,
                                                   ["ご依頼の図面修正が完了しましたのでご報告します。",
                                                    "変更箇所は朱書きで示しております。"]))

    def ok_bcc_announcement(self) -> None:
        s = rng.choice(self.staff)
        rc = rng.sample([c for c in self.contacts if c["organization"] != PRIVATE], rng.randint(10, 35))
        subj, lines = rng.choice([
            ("年末年始休業のお知らせ", ["誠に勝手ながら、12月27日から1月5日まで休業いたします。"]),
            ("事務所移転のお知らせ", ["11月16日より本社事務所を下記へ移転いたします。",
                                     "電話番号に変更はございません。"]),
            ("安全大会開催のご案内", ["本年度の安全大会を11月20日に開催いたします。",
                                     "協力会社の皆様のご参加をお願いいたします。"]),
        ])
        self.emit("ok", "ok_announcement_bcc", f"{len(rc)} external recipients at several companies, all in Bcc", s,
                  [s], subj, body("お取引先各位", s, lines, greet="平素は格別のご高配を賜り厚く御礼申し上げます。"),
                  bcc=rc, fmt="plain")

    def ok_reply_quote(self) -> None:
        s, c = self.usual()
        other = rng.choice([o for o in ORGS if o[0] != c["organization"]])
        q = quoted(c, short_form(c["organization"]) + " " + c["name"],
                   [f"{other[0]}さんの現場で使った仕様と同じもので結構です。", "納期だけご確認ください。"],
                   rng.randrange(2))
        self.emit("ok", "ok_reply_quoting_other_company",
                  f"reply to {c['name']} at {c['organization']}; {other[0]} only in the quote", s, [c],
                  "Re: 仕様の確認",
                  body(salute(c), s, ["承知いたしました。納期はメーカーに確認のうえご連絡します。"], q))

    def ok_first_known(self) -> None:
        c = rng.choice([self.by_email[e] for e in sorted(self.never - self.used)
                        if self.by_email[e]["organization"] != PRIVATE])
        self.used.add(c["email"])
        s = self.owner(rng.choice([x for x in self.by_org[c["organization"]] if x is not c])) or rng.choice(self.staff)
        self.emit("ok", "ok_first_mail_known_company",
                  f"first mail to {c['name']} at known customer {c['organization']} (colleague referred)", s, [c],
                  "ご挨拶と今後のご連絡について",
                  body(salute(c, 1), s, ["このたび窓口をご担当されると伺い、ご連絡いたしました。",
                                         "今後ともよろしくお願いいたします。"],
                       greet="初めてご連絡いたします。"))

    def ok_private_own(self) -> None:
        s, c = self.usual(private=True)
        fn, data = quote_doc(PRIVATE, rng.choice(["quote", "invoice", "schedule"]), rng.choice(["pdf", "xlsx"]),
                             c["name"])
        self.emit("ok", "ok_private_customer_own_data",
                  f"{c['name']} (private customer) gets own quote with own address",
                  s, [c], "リフォーム工事のお見積り", body(salute(c), s, ["浴室改修のお見積書をお送りします。",
                                                                "ご不明点はお気軽にお電話ください。"]), [(fn, data)],
                  extra=["pii_in_attachment"])

    def ok_several(self) -> None:
        s, c = self.usual()
        more = [x for x in self.by_org[c["organization"]] if x is not c and x["email"] not in self.never]
        to = [c, *rng.sample(more, min(len(more), rng.randint(1, 3)))]
        org = short_form(c["organization"])
        self.emit("ok", "ok_several_people_one_company", f"{len(to)} people at {c['organization']}", s, to,
                  "定例会議事録", body(f"{org}\n関係者各位", s, ["本日の定例会の議事録をお送りします。"]),
                  [self.doc_for(c["organization"], "pdf")])

    def ok_english(self) -> None:
        org = "Pacific Timber Co., Ltd."
        c = rng.choice(self.by_org[org])
        s = self.owner(c) or rng.choice(self.staff)
        sur = c["r"][4].capitalize()
        text = (f"Dear Mr./Ms. {sur},\n\nThank you for the updated price list.\nPlease find attached our order for "
                f"the CLT panels (lot 2).\n\nBest regards,\n{s['name']}\n{COMPANY} (Shoei Construction)\n")
        fn, data = "PO_PacificTimber_lot2.pdf", pdf(["PURCHASE ORDER", org, "CLT panel 120mm x 40", COMPANY])
        self.emit("ok", "ok_english_partner", f"English order to {c['name']} at {org}", s, [c],
                  "Purchase order - CLT panels lot 2", text, [(fn, data)], fmt="plain")

    def ok_pw_drawings(self) -> None:
        s, c = self.usual()
        pw = f"Sk{rng.randint(1000, 9999)}zq"
        files = [(f"平面図_{i}.pdf", pdf([f"{c['organization']} 御中", f"平面図 {i}階", "縮尺 1/100"])) for i in (1, 2)]
        self.emit("ok", "ok_password_zip_drawings",
                  f"drawings for {c['organization']} to {c['name']} (password {pw})", s, [c], "図面一式の送付",
                  body(salute(c), s, ["最新の図面一式をお送りします。", "パスワードは別メールにてお知らせします。"]),
                  [("図面一式.zip", pw_zip(files, pw))], extra=["unscannable_attachment"])

    def ok_joint_project(self) -> None:
        (se, client), partner = rng.choice(sorted(self.joint.items()))
        s = next(x for x in self.staff if x["email"] == se)
        known = self.sent.get(se, set())
        to = rng.choice([c for c in self.by_org[client] if c["email"] in known] or self.by_org[client])
        cc = rng.choice([c for c in self.by_org[partner] if c["email"] in known] or self.by_org[partner])
        sal = f"{salute(to, 1)}\n(CC) {short_form(partner)} {cc['name'].split()[0]}様"
        lines = ["設備配管ルートの変更について、設計・施工の三者で確認したくご連絡しました。",
                 "前回打合せの議事録を添付します。11月の定例で変更案をご説明いたします。"]
        fn, data = quote_doc(client, "minutes", "pdf")
        self.emit("ok", "ok_joint_project_partner_cc",
                  f"To {to['name']} at client {client}; Cc {cc['name']} at its project partner {partner} "
                  "(the three are on this project's thread in history)", s, [to], "配管ルート変更のご相談",
                  body(sal, s, lines), [(fn, data)], cc=[cc], extra=["multiple_external_orgs"])

    def ok_reference_project(self) -> None:
        s, c = self.usual()
        other = rng.choice([o for o in ORGS if o[0] != c["organization"] and o[2] == "client"])
        lines = [f"ご質問の床材は、昨年施工した{other[3]}様の物件でも採用した製品です。",
                 "耐久性の実績もございますので、同等品としてご提案いたします。"]
        self.emit("ok", "ok_mentions_reference_project",
                  f"to {c['name']} at {c['organization']}; {other[0]} named in the body as a reference site only",
                  s, [c], "床材のご提案", body(salute(c), s, lines))

    def ok_forward_partner(self) -> None:
        org = rng.choice([o[0] for o in ORGS if o[2] == "partner" and "Pacific" not in o[0]])
        c = rng.choice([x for x in self.by_org[org] if x["email"] not in self.never])
        s = self.owner(c) or rng.choice(self.staff)
        p = person()
        lines = ["下記のお宅の給湯器交換をお願いします。", f"お客様: {p[0]} {p[1]} 様", f"住所: {fake.address()}",
                 f"電話: {fake.phone_number()}", "ご在宅は平日午前とのことです。"]
        self.emit("ok", "ok_forward_site_to_partner",
                  f"one customer's site address to the subcontractor {org} who does the job", s, [c],
                  "工事依頼(給湯器交換)", body(salute(c, 2), s, lines))

    # ------------------------------------------------------------ risky kinds
    def pick_pair(self) -> tuple[dict, dict, dict]:
        for _ in range(500):
            a, b = rng.choice(self.pairs)
            s = self.owner(a)
            if s:
                return s, a, b
        raise RuntimeError("no same-surname pair with an owner")

    def same_surname(self, where: str) -> None:
        s, a, b = self.pick_pair()
        atts = [self.doc_for(a["organization"])] if rng.random() < 0.4 else []
        extra = ["similar_recipient", "content_recipient_mismatch"]
        if atts:
            extra.append("attachment_recipient_mismatch")
        lines = ["先日ご依頼いただいた追加工事の件、概算をまとめました。", "ご確認をお願いいたします。"]
        if where == "to":
            self.emit("risky", "same_surname_wrong_company",
                      f"salutation {a['organization']} {a['name']}, To is {b['name']} <{b['email']}> at "
                      f"{b['organization']}", s, [b], "追加工事の概算", body(salute(a), s, lines), atts, extra=extra)
            return
        extra.append("multiple_external_orgs")
        if where == "cc":
            self.emit("risky", "same_surname_wrong_company",
                      f"To {a['name']} at {a['organization']} is right; Cc {b['name']} <{b['email']}> at "
                      f"{b['organization']} (meant a colleague of {a['name']})", s, [a],
                      "追加工事の概算", body(salute(a), s, lines), atts, cc=[b], extra=extra)
        else:
            self.emit("risky", "same_surname_wrong_company",
                      f"To {a['name']} at {a['organization']} is right; Bcc {b['name']} <{b['email']}> at "
                      f"{b['organization']} (meant a Bcc to a colleague; autocomplete took the outside namesake)",
                      s, [a],
                      "追加工事の概算", body(salute(a), s, lines), atts, bcc=[b], extra=extra)

    def wrong_attachment(self) -> None:
        s, c = self.usual()
        other = rng.choice([o[0] for o in ORGS if o[0] != c["organization"] and o[2] == "client"])
        fmt = rng.choice(["pdf", "xlsx", "docx", "csv", "zip"])
        fn, data = self.doc_for(other, None if fmt == "zip" else fmt)
        if fmt == "zip":
            fn, data = "送付資料.zip", plain_zip([(fn, data)])
        self.emit("risky", "wrong_attachment", f"to {c['name']} at {c['organization']}, attachment is for {other}", s,
                  [c], "お見積書送付の件", body(salute(c), s, ["ご依頼のお見積書を添付いたします。"]), [(fn, data)],
                  extra=["attachment_recipient_mismatch"])

    def open_list(self) -> None:
        s = rng.choice(self.staff)
        if rng.random() < 0.35:
            rc = rng.sample(self.by_org[PRIVATE], rng.randint(8, 14))
            note, sal = f"{len(rc)} private customers in To/Cc (点検案内)", "OB施主の皆様"
        else:
            rc = rng.sample([c for c in self.contacts if c["organization"] != PRIVATE], rng.randint(8, 30))
            note, sal = f"{len(rc)} external addresses of several companies in To/Cc", "協力会社各位"
        split = rng.randint(1, len(rc))
        self.emit("risky", "open_recipient_list", note, s, rc[:split], "定期点検・安全大会のご案内",
                  body(sal, s, ["11月に定期点検(安全大会)を実施いたします。", "ご都合をお知らせください。"]),
                  cc=rc[split:], extra=["open_recipient_list", "multiple_external_orgs"])

    def lookalike(self) -> None:
        s, c = self.usual()
        lp, dom = c["email"].split("@")
        name, tld = dom.split(".", 1)
        subs = [("m", "rn"), ("i", "l"), ("o", "0"), ("l", "1"), ("-", ""), ("e", "a"), ("k", "c")]
        rng.shuffle(subs)
        for x, y in subs:
            if x in name:
                i = name.index(x)
                bad = name[:i] + y + name[i + len(x):]
                break
        else:
            bad = name[1] + name[0] + name[2:]
        fake_c = {**c, "email": f"{lp}@{bad}.{tld}"}
        atts = [self.doc_for(c["organization"])] if rng.random() < 0.5 else []
        self.emit("risky", "lookalike_domain", f"{c['name']} at {dom}, sent to {fake_c['email']}", s, [fake_c],
                  rng.choice(SUBJECTS[:10]), body(salute(c), s, ["資料をお送りします。"]), atts,
                  extra=["lookalike_domain", "similar_recipient"])

    def bulk(self) -> None:
        s, c = self.usual()
        n = rng.randint(50, 400)
        rows = people_rows(n)
        what = rng.choice(["OB施主名簿", "入居者名簿", "見学会来場者リスト", "顧客リスト"])
        ext = rng.choice(["xlsx", "csv", "csv"])
        data = xlsx(rows) if ext == "xlsx" else csvb(rows, rng.choice(["utf-8-sig", "cp932"]))
        self.emit("risky", "bulk_pii_external", f"{what} {n} rows to {c['organization']} {c['name']}", s, [c],
                  f"{what}の件", body(salute(c), s, [f"ご参考までに{what}をお送りします。"]),
                  [(f"{what}.{ext}", data)], extra=["bulk_pii", "pii_in_attachment"])

    def sensitive(self) -> None:
        s, c = self.usual()
        kind = rng.choice(list(SENSITIVE))
        n = rng.randint(4, 25)
        rows = people_rows(n, kind)
        title = {"既往歴": "作業員 既往歴一覧", "健診所見": "健康診断結果(有所見者)", "障害": "障害者雇用 状況一覧",
                 "処分歴": "作業員 処分歴確認表"}[kind]
        fmt = rng.choice(["xlsx", "csv", "docx", "pdf"])
        if fmt == "xlsx":
            data = xlsx(rows)
        elif fmt == "csv":
            data = csvb(rows)
        elif fmt == "docx":
            data = docx([title], rows)
        else:
            data = pdf([title, *[" ".join(r) for r in rows]])
        self.emit("risky", "sensitive_pii_external", f"{title} ({n} people, {kind}) to {c['organization']}", s, [c],
                  title, body(salute(c), s, [f"{title}を添付いたします。"]), [(f"{title}.{fmt}", data)],
                  extra=["sensitive_pii", "pii_in_attachment", "bulk_pii"])

    def autocomplete(self) -> None:
        twins = [(a, b) for a in self.contacts for b in self.contacts
                 if a is not b and a["name"] == b["name"] and a["organization"] != b["organization"]
                 and a["organization"] != PRIVATE]
        want_private = rng.random() < 0.45
        for _ in range(300):
            a, b = rng.choice(twins)
            s = self.owner(a)
            if b["email"] in self.used or (b["organization"] == PRIVATE) != want_private:
                continue
            if s and b["email"] not in self.sent.get(s["email"], ()):
                break
        self.used.add(b["email"])
        p = person()
        paras = ["入居申込書", f"申込者: {p[0]} {p[1]}", f"生年月日: {fake.date_of_birth().isoformat()}",
                 f"住所: {fake.address()}", f"電話: {fake.phone_number()}", f"勤務先年収: {rng.randint(300, 900)}万円"]
        fn = rng.choice(["入居申込書.docx", "申込者情報.pdf"])
        data = docx(paras) if fn.endswith("docx") else pdf(paras)
        wrong = {**b, "name": a["name"]}
        self.emit("risky", "autocomplete_wrong_address",
                  f"meant {a['email']} ({a['organization']}), sent to same-named {b['email']} ({b['organization']})",
                  s, [wrong], "入居申込書の送付",
                  body(salute(a), s, ["入居申込書をお送りします。", "審査をお願いします。"]),
                  [(fn, data)], extra=["similar_recipient", "content_recipient_mismatch", "pii_in_attachment"])

    def pw_zip_list(self) -> None:
        s, c = self.usual()
        n = rng.randint(60, 300)
        pw = f"Shoei{rng.randint(100, 999)}!"
        data = pw_zip([("顧客リスト.csv", csvb(people_rows(n)))], pw)
        self.emit("risky", "password_zip_customer_list", f"{n}-row customer CSV in zip to {c['organization']} "
                  f"(password {pw})", s, [c], "顧客データ送付",
                  body(salute(c), s, ["顧客データをお送りします。", "パスワードは別途お送りします。"]),
                  [("顧客データ.zip", data)], extra=["bulk_pii", "pii_in_attachment", "unscannable_attachment"])

    def pasted(self) -> None:
        s, c = self.usual()
        health = rng.random() < 0.4
        rows = people_rows(rng.randint(12, 30), "既往歴" if health else None)[1:]
        lines = ["先日お話しした対象者の一覧を下記に貼り付けます。", ""] + ["\t".join(r) for r in rows]
        self.emit("risky", "pii_pasted_in_body",
                  f"{len(rows)} people's name/address/phone{' and illnesses' if health else ''} pasted into the body "
                  f"to {c['organization']}", s, [c], "対象者一覧", body(salute(c), s, lines),
                  extra=["bulk_pii", "pii_in_attachment"] + (["sensitive_pii"] if health else []), fmt="plain")

    def forwarded_third(self) -> None:
        s, a = self.usual(private=True)
        b = rng.choice([c for c in self.contacts if c["organization"] != a["organization"] and c is not a])
        sur = a["name"].split()[0]
        q = quoted(a, a["name"], [f"{COMPANY} ご担当者様", "",
                                  "母が要介護3で車椅子を使っているため、浴室の段差をなくしたいです。",
                                  f"住所は{fake.address()}、日中は{fake.phone_number()}にお願いします。",
                                  "住宅ローンの事前審査は通りました(年収620万円)。"], 2)
        sal = salute(b) if b["organization"] != PRIVATE else f"{b['name']} 様"
        self.emit("risky", "forwarded_thread_third_party",
                  f"private customer {a['name']}'s thread (health, address, income) forwarded to {b['name']} "
                  f"at {b['organization']}", s, [b], f"Fw: {sur}様邸 浴室改修のご相談",
                  body(sal, s, ["下記ご確認ください。"], q),
                  extra=["content_recipient_mismatch", "sensitive_pii"])

    def reply_all_other(self) -> None:
        s, a = self.usual()
        mate = self.joint.get((s["email"], a["organization"]))
        b = rng.choice([c for c in self.contacts if c["organization"] not in (a["organization"], PRIVATE, mate)])
        fn, data = self.doc_for(a["organization"], "pdf")
        q = quoted(a, f"{COMPANY} {s['name']}様",
                   ["合同現場説明会ではありがとうございました。", "個別の見積をお願いします。"], 0)
        self.emit("risky", "reply_all_keeps_other_customer",
                  f"reply-all with {a['organization']}'s own quote; {b['name']} ({b['organization']}) from the joint "
                  "meeting thread still in Cc", s, [a], "Re: 現場説明会の御礼",
                  body(salute(a), s, ["貴社向けのお見積書を添付いたします。"], q), [(fn, data)], cc=[b],
                  extra=["multiple_external_orgs", "content_recipient_mismatch", "attachment_recipient_mismatch"])

    def org_only_cc(self) -> None:
        s, a = self.usual()
        mate = self.joint.get((s["email"], a["organization"]))
        b = rng.choice([c for c in self.contacts
                        if c["organization"] not in (a["organization"], PRIVATE, mate)
                        and c["email"] not in self.sent.get(s["email"], ())])
        lines = [f"{short_form(a['organization'])}様向けの値引き条件は以下のとおりです。", f"最終金額: {money()}円"]
        self.emit("risky", "other_org_only_in_cc",
                  f"To {a['name']} ({a['organization']}); Cc {b['name']} at unrelated {b['organization']}", s, [a],
                  "最終見積条件", body(salute(a), s, lines), cc=[b],
                  extra=["multiple_external_orgs", "content_recipient_mismatch"])

    def private_to_private(self) -> None:
        priv = self.by_org[PRIVATE]
        for _ in range(300):
            a, b = rng.sample(priv, 2)
            s = self.owner(a)
            if s and (a["name"].split()[0] == b["name"].split()[0] or rng.random() < 0.3):
                break
        fn, data = quote_doc(PRIVATE, "quote", rng.choice(["pdf", "xlsx"]), a["name"])
        self.emit("risky", "private_customer_to_other_private",
                  f"{a['name']}'s quote (with site address) sent to another private customer {b['name']} "
                  f"<{b['email']}>", s, [b], "リフォームお見積書",
                  body(salute(a), s, ["お見積書をお送りします。"]), [(fn, data)],
                  extra=["content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient",
                         "pii_in_attachment"])


PLAN = [
    ("ok_routine", 12), ("ok_internal", 8), ("ok_attachment_match", 10), ("ok_same_surname", 10),
    ("ok_bcc_announcement", 6), ("ok_reply_quote", 8), ("ok_first_known", 5), ("ok_private_own", 6),
    ("ok_several", 6), ("ok_english", 4), ("ok_pw_drawings", 4), ("ok_forward_partner", 4),
    ("ok_joint_project", 5), ("ok_reference_project", 4),
    ("same_to", 8), ("same_cc", 3), ("same_bcc", 3), ("wrong_attachment", 8), ("open_list", 6), ("lookalike", 8),
    ("bulk", 6), ("sensitive", 6), ("autocomplete", 7), ("pw_zip_list", 5), ("pasted", 5), ("forwarded_third", 5),
    ("reply_all_other", 4), ("org_only_cc", 4), ("private_to_private", 4),
]


def main() -> None:
    g = Gen()
    g.pairs = g.same_surname_pairs()
    msgs = OUT / "messages"
    if msgs.exists():
        shutil.rmtree(msgs)
    msgs.mkdir()
    with open(OUT / "contacts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in g.contacts:
            w.writerow([c["name"], c["kana"], c["email"], c["organization"]])
    with open(OUT / "history.jsonl", "w", encoding="utf-8") as f:
        for h in g.hist:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    (OUT / "mamori.toml").write_text(f'[organization]\nname = "{COMPANY}"\ninternal_domains = ["{INTERNAL}"]\n',
                                     encoding="utf-8")
    jobs = [name for name, k in PLAN for _ in range(k)]
    rng.shuffle(jobs)
    for j in jobs:
        if j.startswith("same_"):
            g.same_surname(j[5:])
        else:
            getattr(g, j)()
    with open(OUT / "labels.jsonl", "w", encoding="utf-8") as f:
        for lb in g.labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print(f"{len(g.contacts)} contacts, {len(g.hist)} history, {len(g.labels)} messages")


if __name__ == "__main__":
    main()
