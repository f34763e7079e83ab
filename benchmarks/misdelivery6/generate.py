#!/usr/bin/env python3
"""Generate misdelivery6: a travel agency's address book, a year of history and labelled outgoing mail.

Usage: python generate.py  (needs faker, openpyxl, python-docx, reportlab, pypdf; `zip` on PATH; IPAex Gothic TTF).
Rewrites contacts.csv, history.jsonl, labels.jsonl and messages/ next to this file. Deterministic content.
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
from base64 import encodebytes
from dataclasses import dataclass, field
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart

from faker import Faker

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 60606
R = random.Random(SEED)
FK = Faker("ja_JP")
FK.seed_instance(SEED + 1)
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
OWN = "株式会社ひばりトラベル"
OWN_DOM = "hibari-travel.example"
JST = dt.timezone(dt.timedelta(hours=9))
FREE = ["mailpost.example", "freemail.test", "webmail.example.com", "ezmail.example", "post-box.test"]
COMMON = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
ROMA = {"佐藤": "sato", "鈴木": "suzuki", "高橋": "takahashi", "田中": "tanaka", "伊藤": "ito", "渡辺": "watanabe",
        "山本": "yamamoto", "中村": "nakamura", "小林": "kobayashi", "加藤": "kato"}

# (name, short name used in mail, domain, role)
ORGS = [
    ("株式会社青葉精機", "青葉精機", "aoba-seiki.example", "c"),
    ("青葉電機株式会社", "青葉電機", "aobadenki.test", "c"),
    ("株式会社北斗建設", "北斗建設", "hokuto-kensetsu.example", "c"),
    ("北斗運輸株式会社", "北斗運輸", "hokuto-unyu.example.com", "c"),
    ("東雲フーズ株式会社", "東雲フーズ", "shinonome-foods.example", "c"),
    ("株式会社みなと商事", "みなと商事", "minato-shoji.example", "c"),
    ("港南医療生活協同組合", "港南医療生協", "konan-coop.test", "c"),
    ("県立桜ヶ丘高等学校", "桜ヶ丘高校", "sakuragaoka-hs.example", "s"),
    ("市立緑が丘中学校", "緑が丘中", "midorigaoka-jhs.test", "s"),
    ("学校法人白鷺学園", "白鷺学園", "shirasagi.example", "s"),
    ("株式会社丸信製作所", "丸信製作所", "marushin-ss.example", "c"),
    ("丸信ホールディングス株式会社", "丸信HD", "marushin-hd.example", "c"),
    ("株式会社ソレイユ化粧品", "ソレイユ化粧品", "soleil-cosme.example", "c"),
    ("一般社団法人日本配管技術協会", "配管技術協会", "jpta.example", "c"),
    ("株式会社東邦エンジニアリング", "東邦エンジ", "toho-eng.example.com", "c"),
    ("株式会社いろは銀行", "いろは銀行", "iroha-bank.example", "c"),
    ("株式会社さくら不動産", "さくら不動産", "sakura-fudosan.test", "c"),
    ("株式会社オリオン通信", "オリオン通信", "orion-tsushin.example", "c"),
    ("有限会社たけのこ工房", "たけのこ工房", "takenoko.test", "c"),
    ("株式会社大和田ロジスティクス", "大和田ロジ", "owada-logi.example", "c"),
    ("日向化学工業株式会社", "日向化学", "hinata-chem.example", "c"),
    ("株式会社カネタ水産", "カネタ水産", "kaneta-suisan.example", "c"),
    ("株式会社ミライズ", "ミライズ", "mirize.example", "c"),
    ("川辺商工会議所", "川辺商議所", "kawabe-cci.example", "c"),
    ("株式会社グリーンフィールド", "グリーンフィールド", "greenfield.example.com", "c"),
    ("株式会社明星電子", "明星電子", "myojo-denshi.example", "c"),
    ("税理士法人若葉会計", "若葉会計", "wakaba-tax.test", "c"),
    ("株式会社コスモ薬品", "コスモ薬品", "cosmo-yakuhin.example", "c"),
    ("株式会社常盤食品", "常盤食品", "tokiwa-foods.example", "c"),
    ("株式会社三国ゴム", "三国ゴム", "mikuni-gomu.example", "c"),
    ("ホテル潮騒", "ホテル潮騒", "hotel-shiosai.example", "p"),
    ("ホテル潮風", "ホテル潮風", "hotel-shiokaze.example", "p"),
    ("旅館 山水閣", "山水閣", "sansuikaku.test", "p"),
    ("ホテルグランベイ", "グランベイ", "grandbay-hotel.example", "p"),
    ("株式会社あおぞら観光バス", "あおぞらバス", "aozora-bus.example", "p"),
    ("ひかり交通株式会社", "ひかり交通", "hikari-kotsu.example.com", "p"),
    ("さくら損害保険株式会社", "さくら損保", "sakura-sonpo.example", "p"),
    ("株式会社エアリンク", "エアリンク", "airlink.example", "p"),
    ("Pacific Land Services Ltd.", "Pacific Land", "pacific-land.example", "e"),
    ("Seoul Tour Partners Co., Ltd.", "Seoul Tour Partners", "seoul-tp.example.com", "e"),
    ("株式会社DMパック", "DMパック", "dmpack.test", "p"),
    ("一般社団法人雪見温泉観光協会", "雪見温泉観光協会", "yukimi-onsen.example", "p"),
    ("株式会社ビザ申請サポート", "ビザサポート", "visa-support.example", "p"),
    ("株式会社印刷のアサヒ", "印刷のアサヒ", "asahi-print.example", "p"),
]
DEPTS = ["総務部", "人事部", "総務課", "経営企画部", "営業部", "管理部", "福利厚生課", "秘書室"]
SDEPTS = ["教務部", "2学年", "事務室", "修学旅行係"]
PDEPTS = ["予約課", "営業部", "宿泊営業", "手配センター", "法人営業部"]
TITLES = ["", "", "", "", "課長", "係長", "主任", "部長"]


@dataclass
class P:
    """One person in the address book (or one of our own staff)."""

    sur: str
    given: str
    skana: str
    gkana: str
    sroma: str
    groma: str
    email: str
    org: str
    short: str = ""
    dept: str = ""
    title: str = ""
    owned: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.sur} {self.given}"


def pair() -> tuple[str, str, str, str, str, str]:
    s, sk, sr = FK.last_name_pair()
    if R.random() < 0.35:
        s = R.choice(COMMON)
        sk, sr = {"佐藤": "サトウ", "鈴木": "スズキ", "高橋": "タカハシ", "田中": "タナカ", "伊藤": "イトウ",
                  "渡辺": "ワタナベ", "山本": "ヤマモト", "中村": "ナカムラ", "小林": "コバヤシ",
                  "加藤": "カトウ"}[s], ROMA[s]
    g, gk, gr = FK.first_name_female_pair() if R.random() < 0.5 else FK.first_name_male_pair()
    return s, g, sk, gk, sr.lower(), gr.lower()


def local(sr: str, gr: str) -> str:
    k = R.randrange(5)
    return [f"{gr[0]}.{sr}", f"{sr}.{gr}", f"{sr}{gr[0]}", f"{gr}-{sr}", f"{sr}_{gr[:3]}"][k]


STAFF: list[P] = []
CONTACTS: list[P] = []
ORG_P: dict[str, list[P]] = {}
ORG_INFO = {o[0]: o for o in ORGS}


def build_people() -> None:
    seen: set[str] = set()
    for _ in range(20):
        s, g, sk, gk, sr, gr = pair()
        lp = f"{gr[0]}.{sr}"
        while lp in seen:
            lp += str(R.randrange(10))
        seen.add(lp)
        dept = R.choice(["法人営業部", "教育旅行課", "個人旅行課", "仕入手配課"])
        STAFF.append(P(s, g, sk, gk, sr, gr, f"{lp}@{OWN_DOM}", OWN, dept=dept))
    STAFF[0].sur, STAFF[1].sur = "佐藤", "中村"  # own 佐藤 and 中村 as well
    for name, short, dom, role in ORGS:
        n = R.randint(4, 7) if role in "cs" else R.randint(3, 5)
        ppl: list[P] = []
        used: set[str] = set()
        for _ in range(n):
            s, g, sk, gk, sr, gr = pair()
            lp = local(sr, gr)
            while lp in used:
                lp += str(R.randrange(10))
            used.add(lp)
            dpts = SDEPTS if role == "s" else PDEPTS if role in "pe" else DEPTS
            ppl.append(P(s, g, sk, gk, sr, gr, f"{lp}@{dom}", name, short, R.choice(dpts), R.choice(TITLES)))
        ORG_P[name] = ppl
        CONTACTS.extend(ppl)
    # twins: the same full name (and often the same local part) at two organisations
    cust = [o[0] for o in ORGS if o[3] in "cs"]
    for _ in range(11):
        a, b = R.sample(cust, 2)
        src = R.choice(ORG_P[a])
        dst = R.choice(ORG_P[b])
        dst.sur, dst.given, dst.skana, dst.gkana, dst.sroma, dst.groma = (src.sur, src.given, src.skana, src.gkana,
                                                                           src.sroma, src.groma)
        lp = src.email.split("@")[0] if R.random() < 0.7 else local(src.sroma, src.groma)
        dst.email = lp + "@" + dst.email.split("@")[1]
    # individual customers (個人のお客様) on made-up free-mail domains; organisation left empty
    for i in range(26):
        s, g, sk, gk, sr, gr = pair()
        if i in (3, 4):  # twin individuals
            s, g, sk, gk, sr, gr = "田中", "美咲", "タナカ", "ミサキ", "tanaka", "misaki"
        if i == 7:  # an individual who shares a full name with a customer contact
            c = ORG_P["株式会社みなと商事"][0]
            s, g, sk, gk, sr, gr = c.sur, c.given, c.skana, c.gkana, c.sroma, c.groma
        lp = R.choice([f"{gr}.{sr}{R.randint(60, 99)}", f"{sr}{gr[0]}{R.randint(1, 999)}", f"{gr}_{sr[:4]}"])
        CONTACTS.append(P(s, g, sk, gk, sr, gr, f"{lp}@{FREE[i % 5]}", "", dept="個人"))
    # owners: sales own customers, 手配 staff own partners, 個人旅行 staff own individuals
    custs = [o[0] for o in ORGS if o[3] in "cs"]
    parts = [o[0] for o in ORGS if o[3] in "pe"]
    indiv = [c for c in CONTACTS if not c.org]
    for i, o in enumerate(custs):
        STAFF[i % 12].owned.append(o)
        if i % 3 == 0:
            STAFF[(i + 5) % 12].owned.append(o)
    for i, o in enumerate(parts):
        STAFF[12 + i % 4].owned.append(o)
        STAFF[i % 12].owned.append(o) if i % 2 else None
    for i, c in enumerate(indiv):
        STAFF[16 + i % 4].owned.append("@" + c.email)


def write_contacts() -> None:
    never = set(R.sample(range(len(CONTACTS)), 18))
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in CONTACTS:
            w.writerow([c.name, f"{c.skana} {c.gkana}" if R.random() < 0.9 else "", c.email, c.org])
    global NEVER
    NEVER = {CONTACTS[i].email for i in never}


NEVER: set[str] = set()
HSUBJ = ["社員旅行のお見積り", "研修旅行 行程のご相談", "出張手配の件", "宿泊手配 確認", "貸切バス手配",
         "修学旅行 下見日程", "請求書送付のご案内", "ご予約確認", "団体旅行 参加者名簿について", "航空券手配",
         "行程表(案)", "お問い合わせの件", "見積書再送", "部屋割りについて", "旅行保険の件", "定例打合せ"]


def write_history() -> dict[str, set[str]]:
    past: dict[str, set[str]] = {s.email: set() for s in STAFF}
    rows = []
    t0 = dt.datetime(2025, 10, 1, 8, 0, tzinfo=JST)
    for _ in range(3000):
        s = R.choice(STAFF)
        r = R.random()
        to: list[str] = []
        cc: list[str] = []
        if r < 0.82 and s.owned:
            o = R.choice(s.owned)
            if o.startswith("@"):
                to = [o[1:]]
            else:
                ppl = [p for p in ORG_P[o] if p.email not in NEVER]
                to = [R.choice(ppl).email]
                if R.random() < 0.3:
                    cc.append(R.choice(ppl).email)
                if R.random() < 0.2:
                    cc.append(R.choice(STAFF).email)
        elif r < 0.93:
            to = [R.choice(STAFF).email]
        else:
            to = [R.choice([c for c in CONTACTS if c.email not in NEVER]).email]
        cc = [c for c in dict.fromkeys(cc) if c not in to and c != s.email]
        to = [a for a in to if a != s.email] or [STAFF[(STAFF.index(s) + 1) % 20].email]
        d = t0 + dt.timedelta(seconds=R.randint(0, 364 * 86400))
        rows.append((d, s.email, to, cc, R.choice(["", "Re: ", "RE: ", "Fw: "]) + R.choice(HSUBJ)))
    rows.sort(key=lambda x: x[0])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for d, fr, to, cc, sj in rows:
            if d.hour < 8:
                d = d.replace(hour=d.hour + 9)
            past[fr].update(to + cc)
            f.write(json.dumps({"date": d.isoformat(), "from": fr, "to": to, "cc": cc, "subject": sj},
                               ensure_ascii=False) + "\n")
    return past


# ---------------------------------------------------------------- attachments


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
        c.setFont("IPAexG", 14 if y == 800 else 10)
        c.drawString(50, y, ln)
        y -= 18
        if y < 60:
            c.showPage()
            y = 800
    c.save()
    return buf.getvalue()


def xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for r in table:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def csv_(rows: list[list[object]], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(enc)


def zip_(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files:
            z.writestr(zipfile.ZipInfo(n, (2026, 10, 1, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def zip_pw(files: list[tuple[str, bytes]], pw: str) -> bytes:
    tmp = tempfile.mkdtemp()
    try:
        for n, data in files:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(data)
        subprocess.run(["zip", "-q", "-X", "-P", pw, "out.zip"] + [n for n, _ in files], cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def quote(org: str, person: str, item: str) -> list[str]:
    n = R.randint(8, 60)
    price = R.choice([23800, 31500, 45000, 58000, 12800])
    return ["御見積書", f"{org} {person}", f"件名: {item}", f"参加人数 {n}名 × {price:,}円",
            f"合計 {n * price:,}円(税込)", "有効期限 発行より30日", OWN, "東京都千代田区神田錦町9-9-9"]


def person_rows(n: int, sensitive: str = "", passport: bool = False) -> list[list[object]]:
    head = ["No", "氏名", "フリガナ", "生年月日", "住所", "電話番号", "メール"]
    if passport:
        head = ["No", "氏名", "ローマ字", "生年月日", "旅券番号", "有効期限", "携帯電話"]
    if sensitive:
        head = ["No", "氏名", "フリガナ", "生年月日", sensitive, "備考"]
    rows: list[list[object]] = [head]
    for i in range(n):
        s, g, sk, gk, sr, gr = pair()
        b = dt.date(1950, 1, 1) + dt.timedelta(days=R.randint(0, 20000))
        if sensitive:
            v = R.choice(SENS[sensitive])
            rows.append([i + 1, f"{s} {g}", f"{sk} {gk}", b.isoformat(), v, R.choice(["", "要配慮", "車椅子使用", ""])])
        elif passport:
            rows.append([i + 1, f"{s} {g}", f"{sr.upper()} {gr.upper()}", b.isoformat(),
                         f"T{R.choice('RKZ')}{R.randint(1000000, 9999999)}",
                         f"20{R.randint(28, 35)}-0{R.randint(1, 9)}-15",
                         f"090-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"])
        else:
            rows.append([i + 1, f"{s} {g}", f"{sk} {gk}", b.isoformat(), FK.address().replace("\n", " "),
                         f"0{R.randint(70, 90)}-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
                         f"{gr}.{sr}{R.randint(1, 99)}@{R.choice(FREE)}"])
    return rows


SENS = {"既往歴・持病": ["糖尿病", "高血圧症", "てんかん", "心臓ペースメーカー使用",
                     "喘息", "うつ病(通院中)", "人工透析"],
        "服薬・アレルギー": ["インスリン注射", "そば・重度アレルギー(エピペン携帯)",
                        "抗てんかん薬", "睡眠薬", "抗うつ薬"],
        "障害の種類・等級": ["身体障害者手帳2級(下肢)", "療育手帳B1", "精神障害者保健福祉手帳2級", "視覚障害1級"]}


def rooming(n: int) -> list[list[object]]:
    rows: list[list[object]] = [["部屋番号", "氏名", "フリガナ", "部屋タイプ", "備考"]]
    for i in range(n):
        s, g, sk, gk, _, _ = pair()
        rows.append([f"{(i // 3) + 1:03d}", f"{s} {g}", f"{sk} {gk}",
                     R.choice(["和室4名", "洋室ツイン", "和洋室"]), ""])
    return rows


# ---------------------------------------------------------------- messages


def enc_name(name: str, cs: str) -> str:
    if not name:
        return ""
    if all(ord(ch) < 128 for ch in name):
        return f'"{name}"'
    return Header(name, cs).encode()


def addr(p: P, cs: str, display: str | None = None) -> str:
    return f"{enc_name(p.name if display is None else display, cs)} <{p.email}>".strip()


MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.3.1", "Becky! ver. 2.81.05", "Active! mail 6", "Outlook for Mac",
           "Sylpheed 3.7.0"]
N = 0
LABELS: list[dict[str, object]] = []
PAST: dict[str, set[str]] = {}


def make(sender: P, to: list[str], subject: str, body: str, *, cc: list[str] | None = None,
         bcc: list[str] | None = None,
         atts: list[tuple[str, bytes]] | None = None, cs: str | None = None, html: str = "", day: int = 0) -> str:
    """Write messages/NNNN.eml; to/cc/bcc are already-formatted address strings. Returns the file name."""
    global N
    N += 1
    cc, bcc, atts = cc or [], bcc or [], atts or []
    cs = cs or pick_cs()
    if cs == "iso-2022-jp":
        try:
            (body + html).encode("iso-2022-jp")
        except UnicodeEncodeError:
            cs = "shift_jis"  # ㈱ and other NEC signs are not in ISO-2022-JP; Windows mailers fall back to Shift_JIS
    kind = R.random() if not html else 0.0
    if html and R.random() < 0.5:
        kind = -1.0  # HTML only
    hcs = "iso-2022-jp" if cs == "shift_jis" else cs
    pycs = {"shift_jis": "cp932", "iso-2022-jp": "iso-2022-jp", "utf-8": "utf-8"}[cs]

    def text_part(sub: str, s: str) -> MIMENonMultipart:
        p = MIMENonMultipart("text", sub, charset={"shift_jis": "Shift_JIS", "iso-2022-jp": "ISO-2022-JP"}.get(cs, cs))
        data = s.replace("\n", "\r\n").encode(pycs)
        if cs == "iso-2022-jp":
            p.set_payload(data.decode("ascii"))
            p["Content-Transfer-Encoding"] = "7bit"
        else:
            p.set_payload(encodebytes(data).decode("ascii"))
            p["Content-Transfer-Encoding"] = "base64"
        return p

    if html and kind < 0:
        body_part = text_part("html", html)
    elif html:
        body_part = MIMEMultipart("alternative", boundary=f"=_alt_{N:04d}_{R.randrange(10**8)}")
        body_part.attach(text_part("plain", body))
        body_part.attach(text_part("html", html))
    else:
        body_part = text_part("plain", body)
    if atts:
        m = MIMEMultipart("mixed", boundary=f"=_mix_{N:04d}_{R.randrange(10**8)}")
        m.attach(body_part)
        for fn, data in atts:
            ext = fn.rsplit(".", 1)[-1].lower()
            sub = {"pdf": "pdf", "zip": "zip", "xlsx": "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "docx": "vnd.openxmlformats-officedocument.wordprocessingml.document"}.get(ext, "octet-stream")
            a = MIMEApplication(data, sub) if ext != "csv" else MIMENonMultipart("text", "csv")
            if ext == "csv":
                a.set_param("charset", "Shift_JIS" if not data.startswith(b"\xef\xbb\xbf") else "UTF-8")
                a.set_payload(encodebytes(data).decode("ascii"))
                a["Content-Transfer-Encoding"] = "base64"
            if cs == "utf-8":
                a.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fn))
            else:
                a.set_param("name", Header(fn, "iso-2022-jp").encode())
                a.add_header("Content-Disposition", "attachment", filename=Header(fn, "iso-2022-jp").encode())
            m.attach(a)
    else:
        m = body_part
    m["From"] = addr(sender, hcs)
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    if bcc:
        m["Bcc"] = ", ".join(bcc)
    m["Subject"] = Header(subject, hcs, header_name="Subject")
    d = dt.datetime(2026, 10, 1 + (day or R.randint(0, 29)), R.randint(8, 19), R.randint(0, 59), R.randint(0, 59),
                    tzinfo=JST)
    m["Date"] = d.strftime("%a, %d %b %Y %H:%M:%S +0900")
    m["Message-ID"] = f"<{d.strftime('%Y%m%d%H%M%S')}.{N:04d}.{R.randrange(10**9)}@{OWN_DOM}>"
    m["X-Mailer"] = R.choice(MAILERS)
    fn = f"messages/{N:04d}.eml"
    with open(os.path.join(HERE, fn), "wb") as f:
        f.write(m.as_bytes())
    return fn


def pick_cs() -> str:
    r = R.random()
    return "iso-2022-jp" if r < 0.13 else "shift_jis" if r < 0.2 else "utf-8"


def org_variant(p: P) -> str:
    o = p.org
    k = R.randrange(6)
    if k == 1 and "株式会社" in o:
        return o.replace("株式会社", "(株)")
    if k == 2 and "株式会社" in o:
        return o.replace("株式会社", "㈱")
    if k == 3:
        return p.short
    return o


def salute(p: P) -> str:
    if not p.org:
        return R.choice([f"{p.name} 様", f"{p.sur}様", f"{p.sur} {p.given}様"])
    k = R.randrange(5)
    o = org_variant(p)
    if k == 0:
        return f"{o}\n{p.dept} {p.title} {p.sur}様".replace("  ", " ")
    if k == 1:
        return f"{o}\n{p.name} 様"
    if k == 2:
        return f"{o} {p.dept}\n{p.sur}{p.title or ''}様"
    if k == 3:
        return f"{o}\n{p.sur}様"
    return f"{o} {p.sur} {p.given}様"


GREET = ["いつも大変お世話になっております。", "平素より格別のお引き立てを賜り、厚く御礼申し上げます。",
         "お世話になっております。", "ご無沙汰しております。",
         "先日はお打合せのお時間をいただきありがとうございました。"]


def intro(s: P) -> str:
    return R.choice([f"{OWN}の{s.sur}でございます。", f"ひばりトラベル{s.dept}の{s.sur}です。",
                     f"ひばりトラベルの{s.sur}です。", f"{OWN} {s.dept} {s.sur}でございます。"])


def sig(s: P) -> str:
    tel = f"03-{R.randint(3000, 3999)}-{R.randint(1000, 9999)}"
    k = R.randrange(4)
    if k == 0:
        return f"\n--\n{OWN}\n{s.dept} {s.name}\nTEL {tel}\n{s.email}\n"
    if k == 1:
        return (f"\n━━━━━━━━━━━━━━━━━━━━\n{OWN}({s.dept})\n{s.name}({s.skana} {s.gkana})\n"
                f"〒101-0054 東京都千代田区神田錦町9-9-9\n"
                f"TEL:{tel} / E-mail:{s.email}\n観光庁長官登録旅行業第9999号\n━━━━━━━━━━━━━━━━━━━━\n")
    if k == 2:
        return f"\n*+*+*+*+*+*+*+*+*+*+*\n ひばりトラベル {s.sur}\n {tel}\n*+*+*+*+*+*+*+*+*+*+*\n"
    return (f"\n-----------------------------\n{s.name} / {s.groma.title()} {s.sroma.title()}\n"
            f"Hibari Travel Co., Ltd.\n{tel}\n")


def letter(s: P, p: P | None, text: str, head: str = "") -> str:
    h = head or (salute(p) if p else "各位")
    return f"{h}\n\n{R.choice(GREET)}\n{intro(s)}\n\n{text}\n\n{R.choice(CLOSE)}\n{sig(s)}"


CLOSE = ["何卒よろしくお願い申し上げます。", "引き続きよろしくお願いいたします。",
         "ご確認のほどよろしくお願いいたします。",
         "ご不明点がございましたらお気軽にお申し付けください。"]
TRIPS = ["社員旅行(箱根 1泊2日)", "新入社員研修旅行", "優秀社員表彰旅行(沖縄)",
         "修学旅行(京都・奈良)", "役員会議の宿泊手配",
         "周年記念式典ツアー", "視察旅行(台湾)", "安全大会の貸切バス", "忘年会旅行(熱海)", "海外研修(シンガポール)"]


def html_of(text: str) -> str:
    paras = "".join(f"<p>{ln or '&nbsp;'}</p>" for ln in text.split("\n"))
    return f'<html><body style="font-family:Meiryo">{paras}</body></html>'


def ext_of(addrs: list[P]) -> list[P]:
    return [a for a in addrs if not a.email.endswith("@" + OWN_DOM)]


def label(fn: str, expected: str, codes: list[str], kind: str, note: str, s: P, rcpt: list[P]) -> None:
    c = set(codes)
    if ext_of(rcpt):
        c.add("external_recipient") if expected == "ok" else None
    if any(r.email not in PAST[s.email] for r in rcpt):
        c.add("first_time_recipient")
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(c), "kind": kind, "note": note})


def att_doc(kind: str, p: P, item: str, org: str | None = None) -> tuple[str, bytes]:
    org = org or p.org
    lines = quote(org, f"{p.name} 様", item)
    mo = R.choice(["10月", "11月", "2026年10月"])
    if kind == "pdf":
        return R.choice([f"御見積書_{item[:6]}.pdf", f"お見積り({mo}).pdf", "見積書.pdf"]), pdf(lines)
    if kind == "xlsx":
        return f"請求書_{mo}分.xlsx", xlsx([["御請求書"], [org + " 御中"], ["品目", "数量", "金額"],
                                           [item, R.randint(5, 40), R.randint(100, 900) * 1000], [OWN]])
    if kind == "docx":
        return "行程表(案).docx", docx_([f"{org} 様 {item} 行程表(案)", "1日目 08:00 本社前集合 → 貸切バス",
                                         "2日目 09:00 ホテル発 → 自由行動", OWN])
    return f"手配確認書_{mo}.csv", csv_([["宛先", "項目", "内容"], [org, "旅行名", item], [org, "担当", p.name]],
                                              "cp932")


def pick(org: str, s: P | None = None, known: bool = True) -> P:
    ppl = ORG_P[org]
    if s and known:
        k = [p for p in ppl if p.email in PAST[s.email]]
        if k:
            return R.choice(k)
    return R.choice(ppl)


def owner_of(org: str) -> P:
    return R.choice([s for s in STAFF if org in s.owned])


def cust_orgs() -> list[str]:
    return [o[0] for o in ORGS if o[3] in "cs"]


def surname_pairs() -> list[tuple[P, P]]:
    out = []
    for a in CONTACTS:
        for b in CONTACTS:
            if a.org and b.org and a.org != b.org and a.sur == b.sur and ORG_INFO[a.org][3] in "cs":
                out.append((a, b))
    return out


def fmt(ps: list[P], cs: str) -> list[str]:
    return [addr(p, cs) for p in ps]


BODIES = ["{t}のお見積りについて、ご要望の内容で再計算いたしました。\n"
          "金額に変更がございましたので改めてご確認ください。",
          "{t}の行程につきまして、バス会社との調整が完了いたしました。\n集合時刻は当初の予定どおりです。",
          "{t}の件、宿泊先の仮押さえが取れました。\n正式なご参加人数は来週金曜日までにお知らせいただけますと幸いです。",
          "先日お問い合わせいただいた{t}について、候補日を3つご用意しました。\nご都合のよい日程をお知らせください。",
          "{t}の最終確認のご連絡です。\n添乗員は弊社より1名同行いたします。"]


def indiv() -> list[P]:
    return [c for c in CONTACTS if not c.org]


def s_ok_routine() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    p = pick(org, s)
    t = R.choice(TRIPS)
    cs = pick_cs()
    cc: list[P] = []
    if R.random() < 0.3:
        cc = [R.choice([q for q in ORG_P[org] if q is not p])]
    body = letter(s, p, R.choice(BODIES).format(t=t))
    fn = make(s, fmt([p], cs), f"{t}について", body, cc=fmt(cc, cs), cs=cs,
              html=html_of(body) if R.random() < 0.25 else "")
    label(fn, "ok", [], "ok_routine", f"{org} {p.name} (usual contact), salutation matches", s, [p, *cc])


def s_ok_internal() -> None:
    s = R.choice(STAFF)
    to = R.sample([x for x in STAFF if x is not s], R.randint(1, 2))
    org = R.choice(cust_orgs())
    t = R.choice(TRIPS)
    atts = []
    txt = (f"{org}様の{t}、参加者名簿を共有します。\n"
           f"{R.choice(ORG_P[org]).name}様から本日受領しました。手配をお願いします。")
    if R.random() < 0.5:
        n = R.randint(30, 150)
        atts = [(f"参加者名簿_{ORG_INFO[org][1]}.xlsx", xlsx(person_rows(n)))]
    else:
        txt = (f"{org}の件、先方の{R.choice(ORG_P[org]).sur}様より日程変更の連絡がありました。\n"
               "ホテル潮騒へは私から連絡済みです。")
    body = f"{'、'.join(x.sur + 'さん' for x in to)}\n\nお疲れさまです。{s.sur}です。\n\n{txt}\n\n{s.sur}"
    fn = make(s, fmt(to, "utf-8"), f"[社内] {ORG_INFO[org][1]} {t}", body, atts=atts, cs="utf-8")
    label(fn, "ok", [], "ok_internal", f"internal only, about {org}" + (" with a participant list" if atts else ""), s,
          to)


def s_ok_attachment_match() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    p = pick(org, s)
    t = R.choice(TRIPS)
    k = R.choice(["pdf", "xlsx", "docx", "csv"])
    a = att_doc(k, p, t)
    atts = [a]
    if R.random() < 0.25:
        atts = [(f"{ORG_INFO[org][1]}様_資料一式.zip", zip_([a]))]
    body = letter(s, p, f"{t}の資料を添付にてお送りいたします。\nご査収のほどお願い申し上げます。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), f"【{ORG_INFO[org][1]}様】{t} 資料送付", body, atts=atts, cs=cs)
    label(fn, "ok", [], "ok_attachment_match", f"{k} for {org}, sent to {p.name} at {org}", s, [p])


def s_ok_same_surname() -> None:
    pairs = [(a, b) for a, b in surname_pairs() if a.email in PAST[owner_of(a.org).email]]
    a, b = R.choice(pairs)
    s = owner_of(a.org)
    cs = pick_cs()
    body = letter(s, a, R.choice(BODIES).format(t=R.choice(TRIPS)))
    fn = make(s, fmt([a], cs), "ご連絡", body, cs=cs)
    label(fn, "ok", [], "ok_same_surname_right_company",
          f"to {a.name} at {a.org}; {a.sur} also at {b.org}; salutation names the right company", s, [a])


def s_ok_announcement_bcc() -> None:
    s = R.choice(STAFF[:12])
    ppl = R.sample([c for c in CONTACTS if c.org], R.randint(10, 35))
    subj = R.choice(["年末年始休業のお知らせ", "事務所移転のお知らせ", "【ご案内】2027年度 社員旅行プランのご紹介",
                     "システムメンテナンスに伴うWeb予約停止のお知らせ"])
    body = letter(s, None, f"{subj}をお送りいたします。\n詳細は弊社Webサイトをご覧ください。",
                  head=R.choice(["お取引先各位", "お客様各位", "関係各位", "法人お客様 各位"]))
    cs = pick_cs()
    to = R.choice([[addr(s, cs)], [f"{enc_name('ひばりトラベル 法人営業部', cs)} <sales@{OWN_DOM}>"]])
    fn = make(s, to, subj, body, bcc=fmt(ppl, cs), cs=cs, html=html_of(body) if R.random() < 0.4 else "")
    label(fn, "ok", [], "ok_announcement_bcc", f"{len(ppl)} external recipients at several companies, all in Bcc", s,
          ppl)


def s_ok_reply_quoting() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    p = pick(org, s)
    other = R.choice([o for o in cust_orgs() if o != org])
    t = R.choice(TRIPS)
    q = (f"昨年は{other}さんの旅行でも同じホテルを使われたと伺いました。\n弊社も同じような内容で{t}を検討しています。\n"
         f"見積りをお願いできますでしょうか。")
    if R.random() < 0.5:
        quoted = "\n".join("> " + ln for ln in [f"ひばりトラベル {s.sur}様", "", *q.split("\n"), "",
                                                 f"{p.org} {p.name}"])
    else:
        quoted = (f"-----Original Message-----\nFrom: {p.name} <{p.email}>\nSent: {R.randint(1, 28)} Sep 2026\n"
                  f"Subject: {t}\n\n{s.sur}様\n\n{q}\n")
    body = letter(s, p, f"お問い合わせありがとうございます。{t}のお見積りを作成いたします。") + "\n" + quoted
    cs = pick_cs()
    fn = make(s, fmt([p], cs), f"Re: {t}", body, cs=cs)
    label(fn, "ok", [], "ok_reply_quoting_other_company", f"reply to {p.name} at {org}; {other} only in the quote", s,
          [p])


def s_ok_first_mail() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    cand = [p for p in ORG_P[org] if p.email not in PAST[s.email]]
    if cand and R.random() < 0.6:
        p = R.choice(cand)
    else:
        sn, g, sk, gk, sr, gr = pair()
        p = P(sn, g, sk, gk, sr, gr, f"{local(sr, gr)}@{ORG_INFO[org][2]}", org, ORG_INFO[org][1], "総務部")
    body = letter(s, p, f"{R.choice(ORG_P[org]).sur}様よりご紹介いただき、初めてご連絡いたしました。\n"
                        "来年度の研修旅行について、一度ご挨拶に伺えればと存じます。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), "はじめまして(ひばりトラベル)", body, cs=cs)
    label(fn, "ok", [], "ok_first_mail_known_company", f"first mail to {p.name} <{p.email}> at known customer {org}", s,
          [p])


def own_data(c: P) -> tuple[str, bytes]:
    b = dt.date(1960, 1, 1) + dt.timedelta(days=R.randint(0, 15000))
    lines = ["旅行申込内容確認書", f"お申込者: {c.name} 様({c.skana} {c.gkana})", f"生年月日: {b.isoformat()}",
             f"ご住所: {FK.address()}", f"ご連絡先: 090-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
             f"旅行名: {R.choice(['北海道周遊 3泊4日', '台湾 美食の旅', '雪見温泉 1泊', '京都紅葉めぐり'])}", OWN]
    if R.random() < 0.5:
        return "お申込内容確認書.pdf", pdf(lines)
    return f"旅程表_{c.sur}様.docx", docx_(lines)


def s_ok_individual() -> None:
    c = R.choice(indiv())
    s = owner_of("@" + c.email)
    cs = pick_cs()
    body = letter(s, c, "このたびはご予約いただき誠にありがとうございます。\n"
                        "お申込内容の確認書をお送りします。内容に誤りがないかご確認ください。")
    fn = make(s, fmt([c], cs), "【ひばりトラベル】お申込内容のご確認", body, atts=[own_data(c)], cs=cs,
              html=html_of(body) if R.random() < 0.3 else "")
    label(fn, "ok", ["pii_in_attachment"], "ok_individual_own_data",
          f"individual customer {c.name} <{c.email}> receives own booking confirmation", s, [c])


def s_ok_rooming() -> None:
    h = R.choice(["ホテル潮騒", "ホテル潮風", "旅館 山水閣", "ホテルグランベイ"])
    s = owner_of(h)
    p = pick(h, s)
    org = R.choice(cust_orgs())
    n = R.randint(15, 40)
    body = letter(s, p, f"{org}様 {R.choice(TRIPS)}のルーミングリストをお送りします。\n"
                        f"計{n}名、チェックインは15時頃の予定です。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), f"ルーミングリスト送付({ORG_INFO[org][1]}様 団体)", body,
              atts=[("ルーミングリスト.xlsx", xlsx(rooming(n)))], cs=cs)
    label(fn, "ok", ["pii_in_attachment"], "ok_partner_rooming_list",
          f"rooming list (names, room type; {n} guests of {org}) to the contracted hotel {h}", s, [p])


def s_ok_several() -> None:
    org = R.choice([o for o in cust_orgs() if len(ORG_P[o]) >= 4])
    s = owner_of(org)
    to = R.sample(ORG_P[org], 2)
    cc = [q for q in ORG_P[org] if q not in to][: R.randint(1, 2)]
    head = R.choice([f"{org}\n{to[0].sur}様、{to[1].sur}様", f"{ORG_INFO[org][1]} ご担当者各位", f"{org}\n関係者各位"])
    body = letter(s, None, R.choice(BODIES).format(t=R.choice(TRIPS)), head=head)
    cs = pick_cs()
    fn = make(s, fmt(to, cs), "打合せ日程のご相談", body, cc=fmt(cc, cs), cs=cs)
    label(fn, "ok", [], "ok_several_people_one_company", f"{len(to) + len(cc)} people, all at {org}", s, to + cc)


def s_ok_english() -> None:
    org = R.choice(["Pacific Land Services Ltd.", "Seoul Tour Partners Co., Ltd."])
    s = owner_of(org)
    p = pick(org, s)
    n = R.randint(12, 40)
    body = (f"Dear {R.choice(['Mr.', 'Ms.'])} {p.sroma.title()},\n\nThank you for your quick reply.\n"
            f"We would like to confirm the ground arrangements for our group of {n} ({R.choice(TRIPS[8:])}).\n"
            "Please send us the final invoice by the end of this month.\n\nBest regards,\n"
            f"{s.groma.title()} {s.sroma.title()}\nHibari Travel Co., Ltd.\n{s.email}\n")
    fn = make(s, fmt([p], "utf-8"), "Re: Group arrangement confirmation", body, cs="utf-8")
    label(fn, "ok", [], "ok_english_partner", f"English mail to {p.name} at overseas partner {org}", s, [p])


def r_same_surname() -> None:
    a, b = R.choice([(a, b) for a, b in surname_pairs() if a.email in PAST[owner_of(a.org).email]])
    s = owner_of(a.org)
    cs = pick_cs()
    t = R.choice(TRIPS)
    where = R.choice(["To", "To", "To", "Cc", "Bcc"])
    codes = ["content_recipient_mismatch", "similar_recipient"]
    atts = []
    if R.random() < 0.5:
        atts = [att_doc(R.choice(["pdf", "xlsx", "docx"]), a, t)]
        codes.append("attachment_recipient_mismatch")
    to, cc, bcc = [b], [], []
    if where != "To":
        mates = [q for q in ORG_P[a.org] if q is not a]
        to = [R.choice(mates)] if mates else [a]
        cc, bcc = ([b], []) if where == "Cc" else ([], [b])
        codes.append("multiple_external_orgs")
        body = letter(s, to[0], R.choice(BODIES).format(t=t) + f"\n({a.sur}様にもCcにて共有させていただきます。)")
    else:
        body = letter(s, a, R.choice(BODIES).format(t=t))
    fn = make(s, fmt(to, cs), f"{t}の件", body, cc=fmt(cc, cs), bcc=fmt(bcc, cs), atts=atts, cs=cs)
    label(fn, "risky", codes, "same_surname_wrong_company",
          f"meant {a.name} at {a.org}, {where} is {b.name} <{b.email}> at {b.org}", s, to + cc + bcc)


def r_wrong_attachment() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    p = pick(org, s)
    stem = {"株式会社青葉精機": "青葉電機株式会社", "青葉電機株式会社": "株式会社青葉精機",
            "株式会社北斗建設": "北斗運輸株式会社",
            "株式会社丸信製作所": "丸信ホールディングス株式会社"}
    other = stem.get(org) if R.random() < 0.6 else None
    other = other or R.choice([o for o in cust_orgs() if o != org])
    q = R.choice(ORG_P[other])
    t = R.choice(TRIPS)
    k = R.choice(["pdf", "xlsx", "docx", "csv"])
    a = att_doc(k, q, t)
    atts = [a] if R.random() < 0.65 else [("資料.zip", zip_([a]))]
    body = letter(s, p, f"{t}の資料をお送りいたします。ご確認ください。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), f"{t} 資料送付", body, atts=atts, cs=cs)
    label(fn, "risky", ["attachment_recipient_mismatch"], "wrong_attachment",
          f"mail to {p.name} at {org}, attached {k} is addressed to {other}", s, [p])


def r_open_list() -> None:
    s = R.choice(STAFF[:12])
    ppl = R.sample([c for c in CONTACTS if c.org], R.randint(8, 30))
    cs = pick_cs()
    where = R.choice(["To", "Cc"])
    body = letter(s, None, "2027年度 法人様向け旅行プランの説明会を開催いたします。\n"
                  "日時: 11月12日(木) 14:00〜 会場: 弊社セミナールーム",
                  head="お取引先各位")
    to = fmt(ppl, cs) if where == "To" else [addr(s, cs)]
    cc = fmt(ppl, cs) if where == "Cc" else []
    fn = make(s, to, "法人様向け説明会のご案内", body, cc=cc, cs=cs, html=html_of(body) if R.random() < 0.4 else "")
    label(fn, "risky", ["multiple_external_orgs", "open_recipient_list"], "open_recipient_list",
          f"{len(ppl)} external addresses of several organisations in {where}", s, ppl)


def lookalike(email: str) -> str:
    lp, dom = email.split("@")
    first, rest = dom.split(".", 1)
    subs = [("m", "rn"), ("i", "l"), ("o", "0"), ("l", "1"), ("-", ""), ("a", "e"), ("s", "ss")]
    R.shuffle(subs)
    for x, y in subs:
        if x in first and not (x == "-" and R.random() < 0.7):
            i = first.index(x)
            return f"{lp}@{first[:i]}{y}{first[i + len(x):]}.{rest}"
    i = R.randrange(len(first) - 1)
    return f"{lp}@{first[:i]}{first[i + 1]}{first[i]}{first[i + 2:]}.{rest}"


def r_lookalike() -> None:
    org = R.choice([*cust_orgs(), "ホテル潮騒", "さくら損害保険株式会社", "株式会社エアリンク"])
    s = owner_of(org)
    p = pick(org, s)
    fake = P(p.sur, p.given, p.skana, p.gkana, p.sroma, p.groma, lookalike(p.email), org)
    t = R.choice(TRIPS)
    atts = [att_doc(R.choice(["pdf", "xlsx"]), p, t)] if R.random() < 0.5 else []
    cs = pick_cs()
    fn = make(s, fmt([fake], cs), f"{t}について", letter(s, p, R.choice(BODIES).format(t=t)), atts=atts, cs=cs)
    label(fn, "risky", ["lookalike_domain", "similar_recipient"], "lookalike_domain",
          f"meant {p.email}, sent to {fake.email}", s, [fake])


def r_bulk() -> None:
    dest = R.choice([*cust_orgs(), "株式会社印刷のアサヒ", "株式会社あおぞら観光バス", "ホテルグランベイ"])
    s = owner_of(dest)
    p = pick(dest, s)
    n = R.randint(50, 400)
    rows = person_rows(n, passport=R.random() < 0.3)
    k = R.choice(["csv", "xlsx"])
    fnm = R.choice(["顧客リスト", "会員名簿", "参加者一覧", "過去ツアー参加者"])
    a = (f"{fnm}.csv", csv_(rows, R.choice(["utf-8-sig", "cp932"]))) if k == "csv" else (f"{fnm}.xlsx", xlsx(rows))
    body = letter(s, p, "ご依頼の件、データをお送りします。よろしくお願いします。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), "データ送付の件", body, atts=[a], cs=cs)
    label(fn, "risky", ["bulk_pii", "pii_in_attachment"], "bulk_pii_external",
          f"{n}-row personal data {k} ({fnm}) to {p.name} at {dest}", s, [p])


def r_sensitive() -> None:
    grp = R.choice(["県立桜ヶ丘高等学校", "市立緑が丘中学校", "学校法人白鷺学園", "港南医療生活協同組合"])
    dest = R.choice([*[o for o in cust_orgs() if o != grp], "株式会社あおぞら観光バス", "株式会社DMパック",
                     "株式会社印刷のアサヒ"])
    s = owner_of(dest)
    p = pick(dest, s)
    col = R.choice(list(SENS))
    n = R.randint(4, 25)
    rows = person_rows(n, sensitive=col)
    k = R.choice(["xlsx", "csv", "docx", "pdf"])
    name = f"{ORG_INFO[grp][1]}_健康調査票"
    if k == "xlsx":
        a = (name + ".xlsx", xlsx(rows))
    elif k == "csv":
        a = (name + ".csv", csv_(rows, "cp932"))
    elif k == "docx":
        a = (name + ".docx", docx_([f"{grp} 参加者 配慮事項一覧"], [[str(v) for v in r] for r in rows]))
    else:
        a = (name + ".pdf", pdf([f"{grp} 参加者 配慮事項一覧"] + [" ".join(str(v) for v in r) for r in rows]))
    body = letter(s, p, "資料を添付いたします。ご確認をお願いいたします。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), "資料送付", body, atts=[a], cs=cs)
    label(fn, "risky", ["pii_in_attachment", "sensitive_pii"], "sensitive_pii_external",
          f"{col} of {n} participants of {grp} ({k}) to {p.name} at {dest}", s, [p])


def r_autocomplete() -> None:
    org = R.choice(cust_orgs())
    s = owner_of(org)
    p = pick(org, s)
    same = [c for c in CONTACTS if c.sur == p.sur and c is not p and c.org != org]
    if same and R.random() < 0.7:
        wrong = R.choice(same)
    else:
        wrong = P(p.sur, p.given, p.skana, p.gkana, p.sroma, p.groma,
                  f"{p.groma}.{p.sroma}{R.randint(70, 99)}@{R.choice(FREE)}", "")
    n = R.randint(8, 40)
    a = R.choice([(f"参加者名簿_{R.choice(TRIPS)[:4]}.xlsx", xlsx(person_rows(n))),
                  ("申込者一覧.csv", csv_(person_rows(n), "cp932"))])
    cs = pick_cs()
    body = letter(s, p, f"{R.choice(TRIPS)}の参加者名簿を添付します。記載内容に誤りがないかご確認ください。")
    fn = make(s, [addr(wrong, cs, display=p.name)], "参加者名簿のご確認", body, atts=[a], cs=cs)
    label(fn, "risky", ["content_recipient_mismatch", "pii_in_attachment", "similar_recipient"],
          "autocomplete_wrong_address",
          f"meant {p.email} ({org}), sent to {wrong.email} ({wrong.org or 'free-mail'}) with {n}-row list", s, [wrong])


def r_pwzip() -> None:
    dest = R.choice([*cust_orgs(), "株式会社DMパック", "株式会社印刷のアサヒ"])
    s = owner_of(dest)
    p = pick(dest, s)
    n = R.randint(50, 300)
    pw = "".join(R.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
    data = zip_pw([("customers.csv", csv_(person_rows(n), "cp932"))], pw)
    body = letter(s, p, "顧客データを送付します。パスワードは別メールにてお送りします。")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), "【暗号化】データ送付", body,
              atts=[(R.choice(["顧客データ.zip", "list.zip"]), data)], cs=cs)
    label(fn, "risky", ["unscannable_attachment"], "password_zip_customer_list",
          f"zip -P with {n}-row customer list to {p.name} at {dest} (password {pw})", s, [p])


def r_body_pii() -> None:
    dest = R.choice(["株式会社あおぞら観光バス", "ひかり交通株式会社", "ホテル潮騒", "旅館 山水閣", *cust_orgs()])
    s = owner_of(dest)
    p = pick(dest, s)
    grp = R.choice([o for o in cust_orgs() if o != dest])
    sens = R.random() < 0.35
    n = R.randint(6, 18)
    rows = person_rows(n, sensitive="既往歴・持病" if sens else "", passport=not sens and R.random() < 0.5)
    table = "\n".join("\t".join(str(v) for v in r) for r in rows)
    body = letter(s, p, f"{grp}様の参加者情報を以下に貼り付けます(Excelからコピーしています)。\n\n{table}")
    cs = pick_cs()
    fn = make(s, fmt([p], cs), "参加者情報", body, cs=cs, html=html_of(body) if R.random() < 0.3 else "")
    codes = ["bulk_pii"] + (["sensitive_pii"] if sens else [])
    if dest in cust_orgs():  # another customer's participants
        codes.append("content_recipient_mismatch")
    label(fn, "risky", codes, "pii_pasted_in_body",
          f"{n} participants of {grp} pasted into the body, to {p.name} at {dest}", s, [p])


def r_forward() -> None:
    a_org = R.choice(cust_orgs())
    s = owner_of(a_org)
    a = pick(a_org, s)
    b_org = R.choice([o for o in s.owned if o in cust_orgs() and o != a_org] or [o for o in cust_orgs() if o != a_org])
    b = pick(b_org, s)
    person = pair()
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=R.randint(0, 12000))
    sens = R.random() < 0.4
    extra = f"持病: {R.choice(SENS['既往歴・持病'])}(服薬中)" if sens else f"旅券番号: TZ{R.randint(1000000, 9999999)}"
    quoted = (f"---------- Forwarded message ---------\nFrom: {a.name} <{a.email}>\n"
              f"Date: 2026年9月{R.randint(1, 28)}日\n"
              f"Subject: 出張者情報\n\nひばりトラベル {s.sur}様\n\n出張者の情報をお送りします。\n"
              f"氏名: {person[0]} {person[1]}({person[2]} {person[3]})\n生年月日: {birth.isoformat()}\n"
              f"住所: {FK.address()}\n携帯: 090-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}\n{extra}\n\n"
              f"{a.org} {a.name}\n")
    body = letter(s, b, "下記の件、ご参考までに転送いたします。") + "\n" + quoted
    cs = pick_cs()
    fn = make(s, fmt([b], cs), "Fw: 出張者情報", body, cs=cs)
    label(fn, "risky", ["content_recipient_mismatch"] + (["sensitive_pii"] if sens else []),
          "forward_thread_pii_third_party",
          f"{a_org}'s traveller data (thread from {a.name}) forwarded to {b.name} at {b_org}", s, [b])


def r_reply_all() -> None:
    a_org = R.choice(cust_orgs())
    s = owner_of(a_org)
    a = pick(a_org, s)
    c_org = R.choice([o for o in cust_orgs() if o != a_org])
    c = R.choice(ORG_P[c_org])
    t = R.choice(TRIPS)
    quoted = "\n".join("> " + ln for ln in [f"{c.org} {c.sur}様、{a.org} {a.sur}様", "",
                                             "合同説明会へのご参加ありがとうございました。",
                                             "資料は後日お送りします。"])
    body = letter(s, a, f"{t}のお見積りをお送りします。御社特別価格として1名あたり{R.randint(18, 40)},000円です。\n"
                        f"参加予定の{R.randint(20, 80)}名分、仮押さえいたしました。") + "\n" + quoted
    cs = pick_cs()
    fn = make(s, fmt([a], cs), "Re: 合同説明会のお礼", body, cc=fmt([c], cs), cs=cs)
    label(fn, "risky", ["content_recipient_mismatch", "multiple_external_orgs"], "reply_all_other_customer",
          f"reply to {a.name} ({a_org}) with {a_org}'s prices, Cc still has {c.name} at {c_org}", s, [a, c])


def r_org_only_cc() -> None:
    a_org = R.choice(cust_orgs())
    s = owner_of(a_org)
    a = pick(a_org, s)
    colleague = R.choice([x for x in STAFF if x is not s])
    ext = [c for c in CONTACTS if c.org and c.org != a_org and c.sur == colleague.sur]
    c = R.choice(ext) if ext else R.choice([c for c in CONTACTS if c.org and c.org != a_org])
    t = R.choice(TRIPS)
    body = letter(s, a, f"{t}の手配状況をご報告します。\n弊社担当の{colleague.sur}もCcに入れております。")
    cs = pick_cs()
    fn = make(s, fmt([a], cs), f"{t} 手配状況", body, cc=fmt([c], cs), cs=cs)
    codes = ["content_recipient_mismatch", "multiple_external_orgs"] + (["similar_recipient"] if ext else [])
    label(fn, "risky", codes,
          "org_only_in_cc", f"meant colleague {colleague.name} in Cc, picked {c.name} at {c.org}", s, [a, c])


def r_indiv_to_indiv() -> None:
    ind = indiv()
    pairs = [(x, y) for x in ind for y in ind if x is not y and x.sur == y.sur]
    a, b = R.choice(pairs) if pairs and R.random() < 0.6 else R.sample(ind, 2)
    s = owner_of("@" + a.email)
    cs = pick_cs()
    body = letter(s, a, "ご予約ありがとうございます。お申込内容の確認書をお送りします。", head=f"{a.name} 様")
    fn = make(s, [addr(b, cs)], "【ひばりトラベル】お申込内容のご確認", body, atts=[own_data(a)], cs=cs)
    label(fn, "risky", ["attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment",
                        "similar_recipient"], "individual_data_to_other_individual",
          f"{a.name} <{a.email}>'s booking confirmation sent to {b.name} <{b.email}>", s, [b])


PLAN = [(s_ok_routine, 14), (s_ok_internal, 8), (s_ok_attachment_match, 10), (s_ok_same_surname, 8),
        (s_ok_announcement_bcc, 6), (s_ok_reply_quoting, 8), (s_ok_first_mail, 5), (s_ok_individual, 7),
        (s_ok_rooming, 6), (s_ok_several, 4), (s_ok_english, 4),
        (r_same_surname, 12), (r_wrong_attachment, 8), (r_open_list, 6), (r_lookalike, 7), (r_bulk, 6),
        (r_sensitive, 6), (r_autocomplete, 7), (r_pwzip, 5), (r_body_pii, 6), (r_forward, 5), (r_reply_all, 5),
        (r_org_only_cc, 4), (r_indiv_to_indiv, 5)]


def main() -> None:
    global PAST
    build_people()
    write_contacts()
    PAST = write_history()
    mdir = os.path.join(HERE, "messages")
    shutil.rmtree(mdir, ignore_errors=True)
    os.makedirs(mdir)
    order = [f for f, n in PLAN for _ in range(n)]
    R.shuffle(order)
    for f in order:
        f()
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for lb in LABELS:
            fh.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print(f"{len(CONTACTS)} contacts, {len(LABELS)} messages")


if __name__ == "__main__":
    main()
