"""Generate misdelivery7: outgoing mail of a made-up 介護事業所, labelled ok / risky for the 誤送信 checker.

Run: PYTHONPATH=<dir with faker> python generate.py  (needs faker, openpyxl, python-docx, reportlab, `zip`).
Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml and labels.jsonl next to this file.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import random
import subprocess
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

import docx
import openpyxl
from faker import Faker
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

SEED = 7707
HERE = os.path.dirname(os.path.abspath(__file__))
JST = timezone(timedelta(hours=9))
OWN = "株式会社ひだまりケアサービス"
OWN_DOM = "hidamari-care.example"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
FREE = ["mailpost.example", "kazoku-mail.test", "webbox.example.com", "hmail.test", "nifty-mail.example"]
COMMON = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
          ("田中", "タナカ", "tanaka"), ("小林", "コバヤシ", "kobayashi"), ("加藤", "カトウ", "kato"),
          ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada")]

# (organisation, domain, kind); kinds decide what is sent to them
ORGS = [
    ("医療法人社団 緑ヶ丘病院", "midorigaoka-hp.example", "hospital"),
    ("緑ヶ丘クリニック", "midorigaoka-cl.test", "hospital"),
    ("市立みなと総合病院", "minato-gh.example.com", "hospital"),
    ("医療法人 青空会 そらまめ内科", "soramame-naika.example", "hospital"),
    ("さくら訪問看護ステーション", "sakura-houkan.example", "nursing"),
    ("さくら調剤薬局", "sakura-ph.test", "pharmacy"),
    ("ひかり訪問看護ステーション", "hikari-ns.example", "nursing"),
    ("あおば薬局", "aoba-yakkyoku.example", "pharmacy"),
    ("居宅介護支援事業所 こもれび", "komorebi-cm.example", "care"),
    ("ケアプランセンター つばさ", "tsubasa-cp.test", "care"),
    ("ケアプランセンター つばめ", "tsubame-cp.example", "care"),
    ("北町地域包括支援センター", "kitamachi-hokatsu.example", "care"),
    ("南町地域包括支援センター", "minamimachi-hokatsu.example", "care"),
    ("社会福祉法人 やすらぎ会", "yasuragi.example.com", "care"),
    ("グループホーム なごみ", "nagomi-gh.test", "care"),
    ("株式会社ウェルフェア用具サービス", "welfare-yogu.example", "equipment"),
    ("株式会社ケアテック", "caretech.example", "equipment"),
    ("有限会社まごころ福祉用具", "magokoro-yogu.test", "equipment"),
    ("株式会社みのり給食", "minori-kyushoku.example", "vendor"),
    ("株式会社クリーンリネン東日本", "cleanlinen-e.example", "vendor"),
    ("株式会社東和印刷", "towa-print.example", "vendor"),
    ("株式会社アクセル送迎サービス", "axel-sogei.test", "vendor"),
    ("株式会社ネクストケアシステム", "nextcare-sys.example", "vendor"),
    ("株式会社スマイル人材", "smile-jinzai.example", "vendor"),
    ("社会保険労務士法人 みらい", "mirai-sr.example", "vendor"),
    ("税理士法人 しんらい会計", "shinrai-tax.example", "vendor"),
    ("あんしん損害保険株式会社", "anshin-sonpo.example.com", "vendor"),
    ("株式会社ケア研修アカデミー", "care-academy.test", "vendor"),
    ("株式会社ミドリ食品", "midori-foods.example", "vendor"),
    ("株式会社ミドリ設備", "midori-setsubi.example", "vendor"),
    ("株式会社ワークコール北関東", "workcall-kk.example", "vendor"),
    ("有限会社たんぽぽ理美容", "tanpopo-biyou.test", "vendor"),
    ("株式会社ハートフル介護タクシー", "heartful-taxi.example", "vendor"),
    ("NPO法人 ささえあいネット", "sasaeai-net.example", "care"),
    ("デイサービス ひなたぼっこ", "hinatabokko-ds.test", "care"),
    ("株式会社はなまる配食", "hanamaru-haishoku.example", "vendor"),
    ("株式会社セーフティ防災", "safety-bousai.example.com", "vendor"),
    ("Care Data Partners株式会社", "caredata-partners.example", "vendor"),
    ("株式会社オフィスサプライ関東", "office-supply-k.example", "vendor"),
    ("医療法人 桜友会 さくら歯科", "sakura-shika.example", "hospital"),
    ("株式会社あおば介護用品", "aoba-kaigo.test", "equipment"),
    ("北町市役所 介護保険課", "city-kitamachi.example", "public"),
]

INTERNAL_NAMES = [
    ("佐藤 美咲", "m.sato", "ケアマネジャー"), ("佐藤 健一", "k.sato", "サービス提供責任者"),
    ("中島 由紀", "y.nakajima", "ケアマネジャー"), ("森本 大輔", "d.morimoto", "生活相談員"),
    ("高橋 さおり", "s.takahashi", "ケアマネジャー"), ("野口 翔太", "s.noguchi", "サービス提供責任者"),
    ("石原 恵", "m.ishihara", "管理者"), ("川村 直樹", "n.kawamura", "事務"), ("宮崎 優子", "y.miyazaki", "事務"),
    ("松井 恭平", "k.matsui", "生活相談員"), ("藤原 彩", "a.fujiwara", "ケアマネジャー"),
    ("村上 和人", "k.murakami", "サービス提供責任者"), ("小野寺 葵", "a.onodera", "ケアマネジャー"),
    ("大塚 修", "o.otsuka", "管理者"), ("岡田 真由美", "m.okada", "事務"), ("西田 拓也", "t.nishida", "生活相談員"),
    ("坂本 奈々", "n.sakamoto", "ケアマネジャー"), ("長谷川 誠", "m.hasegawa", "事務"),
    ("田村 里奈", "r.tamura", "サービス提供責任者"), ("菅原 亮", "r.sugawara", "ケアマネジャー"),
]

R = random.Random(SEED)
FK = Faker("ja_JP")
FK.seed_instance(SEED)
pdfmetrics.registerFont(TTFont("IPAexG", FONT))


def name_pair() -> tuple[str, str, str, str, str]:
    """(surname, given name, kana full name, romaji surname, romaji given name)."""
    s = R.choice(COMMON) if R.random() < 0.4 else FK.last_name_pair()
    g = FK.first_name_pair()
    return s[0], g[0], f"{s[1]} {g[1]}", s[2].lower(), g[2].lower()


def local_part(sr: str, gr: str) -> str:
    return R.choice([f"{gr[0]}.{sr}", sr, f"{gr}.{sr}", f"{sr}-{gr[0]}", f"{sr}{gr[0]}", f"{gr}_{sr}"])


def build_contacts() -> list[dict]:
    rows, used = [], set()
    for org, dom, _k in ORGS:
        for _ in range(R.randint(4, 6)):
            s, g, kana, sr, gr = name_pair()
            lp = local_part(sr, gr)
            while f"{lp}@{dom}" in used:
                lp += str(R.randint(1, 9))
            used.add(f"{lp}@{dom}")
            rows.append({"name": f"{s} {g}", "kana": kana, "email": f"{lp}@{dom}", "organization": org})
    # twins: the same full name (often the same local part) at another organisation
    for i in range(14):
        src = rows[R.randrange(len(rows))]
        org, dom, _k = ORGS[(ORGS.index(next(o for o in ORGS if o[0] == src["organization"])) + 7 + i) % len(ORGS)]
        lp = src["email"].split("@")[0] if i % 3 else "info-" + src["email"].split("@")[0]
        if f"{lp}@{dom}" in used:
            continue
        used.add(f"{lp}@{dom}")
        rows.append({"name": src["name"], "kana": src["kana"], "email": f"{lp}@{dom}", "organization": org})
    # individual customers: family members of service users, on free-mail domains
    for _ in range(18):
        s, g, kana, sr, gr = name_pair()
        user = s + " " + FK.first_name_pair()[0]
        addr = f"{gr}.{sr}{R.randint(10, 99)}@{R.choice(FREE)}"
        org = f"個人のお客様（{user}様ご家族）"
        rows.append({"name": f"{s} {g}", "kana": kana, "email": addr, "organization": org})
    return rows


def internal_staff() -> list[dict]:
    return [{"name": n, "email": f"{lp}@{OWN_DOM}", "role": r} for n, lp, r in INTERNAL_NAMES]


CONTACTS = build_contacts()
STAFF = internal_staff()
BY_ORG: dict[str, list[dict]] = {}
for _c in CONTACTS:
    BY_ORG.setdefault(_c["organization"], []).append(_c)
ORG_NAMES = [o[0] for o in ORGS]
FAMILIES = [o for o in BY_ORG if o.startswith("個人")]
KIND = {o: k for o, _d, k in ORGS}
DOM = {o: d for o, d, _k in ORGS}
OWNS: dict[str, list[str]] = {}
for _i, _s in enumerate(STAFF):
    base = ORG_NAMES[(_i * 2) % len(ORG_NAMES):(_i * 2) % len(ORG_NAMES) + R.randint(3, 5)]
    OWNS[_s["email"]] = base + R.sample(FAMILIES, 2)
NEVER = {c["email"] for c in R.sample([c for c in CONTACTS if not c["organization"].startswith("個人")], 18)}

SUBJ = ["サービス担当者会議の日程", "訪問スケジュール変更のご連絡", "ご請求書送付の件", "退院前カンファレンスについて",
        "福祉用具の選定について", "月次実績のご報告", "研修のご案内", "お見積りのお願い", "契約更新について",
        "定例打合せ議事録", "ご利用状況のご報告", "送迎ルートの件", "献立表の件", "シフト調整のお願い"]


def build_history() -> list[dict]:
    out, t = [], datetime(2025, 11, 1, 8, 0, tzinfo=JST)
    step = (datetime(2026, 10, 31, 19, 0, tzinfo=JST) - t) / 3000
    for i in range(3000):
        d = t + step * i + timedelta(minutes=R.randint(0, 30))
        s = R.choice(STAFF)
        p = R.random()
        if p < 0.83:
            org = R.choice(OWNS[s["email"]])
            pool = [c for c in BY_ORG[org] if c["email"] not in NEVER] or BY_ORG[org]
            to = [R.choice(pool)["email"]]
            cc = [R.choice(pool)["email"]] if R.random() < 0.2 else []
            if R.random() < 0.15:
                cc.append(R.choice(STAFF)["email"])
        elif p < 0.95:
            to, cc = [R.choice(STAFF)["email"]], []
        else:
            to, cc = [R.choice([c for c in CONTACTS if c["email"] not in NEVER])["email"]], []
        subj = R.choice(["", "Re: ", "RE: ", "Fw: "]) + R.choice(SUBJ)
        out.append({"date": d.isoformat(), "from": s["email"], "to": to, "cc": sorted(set(cc) - set(to)),
                    "subject": subj})
    return out


HIST = build_history()
PAST: dict[str, set[str]] = {}
for _h in HIST:
    PAST.setdefault(_h["from"], set()).update(_h["to"] + _h["cc"])


# ---------------------------------------------------------------- attachments


def pdf_bytes(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("IPAexG", 10)
    y = 800
    for ln in lines:
        if y < 40:
            c.showPage()
            c.setFont("IPAexG", 10)
            y = 800
        c.drawString(40, y, ln)
        y -= 15
    c.save()
    return buf.getvalue()


def xlsx_bytes(header: list[str], rows: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(paras: list[str], table: list[list[str]] | None = None) -> bytes:
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


def csv_bytes(header: list[str], rows: list[list], enc: str) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return s.getvalue().encode("utf-8-sig" if enc == "utf-8" else "cp932", errors="replace")


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in members:
            z.writestr(n, b)
    return buf.getvalue()


def pwzip_bytes(members: list[tuple[str, bytes]], pw: str) -> bytes:
    with tempfile.TemporaryDirectory() as td:
        names = []
        for n, b in members:
            with open(os.path.join(td, n), "wb") as f:
                f.write(b)
            names.append(n)
        subprocess.run(["zip", "-q", "-X", "-P", pw, "out.zip", *names], cwd=td, check=True)
        with open(os.path.join(td, "out.zip"), "rb") as f:
            return f.read()


DISEASES = ["アルツハイマー型認知症", "脳梗塞後遺症（右片麻痺）", "2型糖尿病", "パーキンソン病", "心不全",
            "慢性腎不全（透析中）", "統合失調症", "うつ病", "大腿骨頸部骨折術後", "COPD"]
LEVELS = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"]


def people(n: int, sensitive: bool = False) -> tuple[list[str], list[list]]:
    h = ["氏名", "フリガナ", "生年月日", "住所", "電話番号", "メール"]
    if sensitive:
        h += ["要介護度", "主病名", "服薬"]
    rows = []
    for _ in range(n):
        s, g, kana, _sr, gr = name_pair()
        b = datetime(1928, 1, 1) + timedelta(days=R.randint(0, 365 * 25))
        r = [f"{s} {g}", kana, b.strftime("%Y/%m/%d"), FK.address(),
             f"0{R.randint(3, 99)}-{R.randint(100, 9999)}-{R.randint(1000, 9999)}",
             f"{gr}{R.randint(1, 999)}@{R.choice(FREE)}"]
        if sensitive:
            r += [R.choice(LEVELS), R.choice(DISEASES), R.choice(["あり", "なし", "要確認"])]
        rows.append(r)
    return h, rows


def org_doc(org: str, kind: str, sender: dict) -> list[str]:
    n = R.randint(3, 7)
    items = R.sample(["車いす貸与", "特殊寝台貸与", "手すり設置", "配食サービス", "送迎車両リース", "リネン交換",
                      "介護記録システム月額", "研修講師派遣", "消防設備点検", "パンフレット印刷"], n)
    out = [f"{kind}", f"{org} 御中", f"発行: {OWN}  担当: {sender['name']}", f"発行日: 2026年11月{R.randint(1, 20)}日"]
    tot = 0
    for it in items:
        v = R.randint(3, 90) * 1000
        tot += v
        out.append(f"{it}　{v:,}円")
    out.append(f"合計　{tot:,}円（税込）")
    return out


def user_doc(user: str, title: str) -> list[str]:
    born = f"昭和{R.randint(2, 20)}年{R.randint(1, 12)}月{R.randint(1, 28)}日"
    return [title, f"利用者氏名: {user} 様", f"生年月日: {born}",
            f"要介護度: {R.choice(LEVELS)}", f"主病名: {R.choice(DISEASES)}",
            f"サービス内容: 訪問介護 週{R.randint(2, 5)}回、通所介護 週{R.randint(1, 3)}回",
            f"利用者負担額: {R.randint(8, 40) * 1000:,}円", f"作成: {OWN}"]


# ---------------------------------------------------------------- messages

GREET = ["いつもお世話になっております。", "平素より大変お世話になっております。", "お世話になっております。",
         "いつも大変お世話になっております。"]
CLOSE = ["よろしくお願いいたします。", "ご確認のほど、よろしくお願い申し上げます。", "何卒よろしくお願いいたします。",
         "ご不明な点がございましたらお知らせください。"]


def sig(s: dict) -> str:
    style = R.randrange(3)
    if style == 0:
        return f"--\n{OWN}\n{s['role']} {s['name']}\nTEL 028-600-{R.randint(1000, 9999)}\n{s['email']}"
    if style == 1:
        return f"━━━━━━━━━━━━━━\n{s['name']}（{s['role']}）\n{OWN} 訪問介護事業部\n━━━━━━━━━━━━━━"
    return f"{OWN.replace('株式会社', '(株)')}　{s['name'].split()[0]}"


def salute(c: dict, org_override: str | None = None) -> str:
    org = org_override or c["organization"]
    sur, giv = c["name"].split()
    if org.startswith("個人"):
        return R.choice([f"{c['name']} 様", f"{sur} 様", f"{sur}様"])
    short = org.replace("株式会社", "㈱" if R.random() < 0.3 else "").strip()
    dept = R.choice(["", "", "地域連携室 ", "業務部 ", "ご担当 "])
    return R.choice([f"{org}\n{dept}{sur} {giv} 様", f"{org}\n{sur}様", f"{short}\n{dept}{sur} 様",
                     f"{org} {sur}様"])


def sign_name(org: str) -> str:
    return org.replace("株式会社", "").strip()


class Mail:
    def __init__(self, sender: dict, subject: str, body: str):
        self.sender, self.subject, self.body = sender, subject, body
        self.to: list[dict] = []
        self.cc: list[dict] = []
        self.bcc: list[dict] = []
        self.atts: list[tuple[str, bytes]] = []
        self.fmt = "utf-8"


def addr(c: dict, cs: str) -> str:
    return formataddr((c["name"], c["email"]), charset=cs)


def render(m: Mail, n: int, date: datetime) -> bytes:
    cs = {"utf-8": "utf-8", "jis": "iso-2022-jp", "sjis": "shift_jis", "html": "utf-8", "alt": "utf-8"}[m.fmt]
    if m.fmt == "html":
        html = "<html><body>" + "".join(f"<p>{ln}</p>" if ln else "<br>" for ln in m.body.split("\n"))
        body = MIMEText(html + "</body></html>", "html", "utf-8")
    elif m.fmt == "alt":
        body = MIMEMultipart("alternative")
        body.attach(MIMEText(m.body, "plain", "utf-8"))
        body.attach(MIMEText("<html><body><pre>" + m.body + "</pre></body></html>", "html", "utf-8"))
    elif m.fmt == "sjis":  # the email package would re-encode shift_jis as ISO-2022-JP: write the bytes ourselves
        body = MIMENonMultipart("text", "plain", charset="Shift_JIS")
        body.set_payload(base64.encodebytes(m.body.encode("cp932", errors="replace")).decode("ascii"))
        body["Content-Transfer-Encoding"] = "base64"
    else:
        body = MIMEText(m.body, "plain", cs)
    if m.atts:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        for fn, data in m.atts:
            ext = fn.rsplit(".", 1)[-1].lower()
            if ext == "csv":
                part = MIMEApplication(data, _subtype="octet-stream")
                part.replace_header("Content-Type", "text/csv")
            else:
                part = MIMEApplication(data, _subtype={"pdf": "pdf", "zip": "zip"}.get(ext, "octet-stream"))
            if cs == "utf-8":
                part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fn))
            else:
                part.add_header("Content-Disposition", "attachment", filename=Header(fn, cs).encode())
            msg.attach(part)
    else:
        msg = body
    hcs = "utf-8" if cs == "utf-8" else "iso-2022-jp"
    msg["From"] = addr(m.sender, hcs)
    msg["To"] = ", ".join(addr(c, hcs) for c in m.to)
    if m.cc:
        msg["Cc"] = ", ".join(addr(c, hcs) for c in m.cc)
    if m.bcc:
        msg["Bcc"] = ", ".join(addr(c, hcs) for c in m.bcc)
    msg["Subject"] = Header(m.subject, hcs).encode()
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = make_msgid(idstring=f"m7-{n:04d}", domain=OWN_DOM)
    msg["X-Mailer"] = R.choice(["Microsoft Outlook 16.0", "Thunderbird 128.3.1", "Becky! ver. 2.81", "Active! mail"])
    return msg.as_bytes()


def usual(s: dict, kinds: tuple[str, ...] | None = None, family: bool = False) -> dict:
    pool = [c for c in CONTACTS if c["email"] in PAST[s["email"]]
            and c["organization"].startswith("個人") == family
            and (kinds is None or KIND.get(c["organization"]) in kinds)]
    if not pool:  # the sender never wrote to such a party: a first mail (labels add first_time_recipient)
        pool = [c for c in CONTACTS if c["organization"].startswith("個人") == family
                and (kinds is None or KIND.get(c["organization"]) in kinds)]
    return R.choice(pool)


def codes_for(s: dict, recips: list[dict], base: list[str]) -> list[str]:
    out = set(base)
    if any(c["email"] not in PAST[s["email"]] for c in recips if not c["email"].endswith(OWN_DOM)):
        out.add("first_time_recipient")
    return sorted(out)


def text(c_sal: str, lines: list[str], s: dict) -> str:
    return "\n".join([c_sal, "", R.choice(GREET), f"{OWN}の{s['name'].split()[0]}です。", "", *lines, "",
                      R.choice(CLOSE), "", sig(s)])


def other_same_surname(c: dict) -> dict | None:
    sur = c["name"].split()[0]
    pool = [x for x in CONTACTS if x["name"].split()[0] == sur and x["organization"] != c["organization"]
            and not x["organization"].startswith("個人")]
    return R.choice(pool) if pool else None


def fam_user(org: str) -> str:
    return org.split("（", 1)[1].split("様", 1)[0]


def doc_att(org: str, s: dict, fmt: str) -> tuple[str, bytes, str]:
    kind = R.choice(["御見積書", "請求書", "議事録", "業務委託契約書"])
    lines = org_doc(org, kind, s)
    tag = sign_name(org)
    if fmt == "pdf":
        return f"{kind}_{tag}.pdf", pdf_bytes(lines), kind
    if fmt == "xlsx":
        return f"{kind}_{tag}.xlsx", xlsx_bytes(["項目", "内容"], [[ln, ""] for ln in lines]), kind
    return f"{kind}_{tag}.docx", docx_bytes(lines), kind


def scenarios() -> list[tuple[Mail, dict]]:
    out: list[tuple[Mail, dict]] = []

    def add(m: Mail, expected: str, codes: list[str], kind: str, note: str) -> None:
        m.fmt = R.choice(["utf-8"] * 6 + ["jis", "jis", "sjis", "html", "alt", "alt"]) if m.fmt == "utf-8" else m.fmt
        out.append((m, {"expected": expected, "codes": codes, "kind": kind, "note": note}))

    for _ in range(12):  # ok_routine
        s = R.choice(STAFF)
        c = usual(s)
        m = Mail(s, R.choice(SUBJ), text(salute(c), [R.choice([
            "来週のサービス担当者会議ですが、11月18日(水) 14時からでお願いできますでしょうか。",
            "先日ご相談した訪問時間の変更について、火曜日を10時からに変更いたします。",
            "今月分の実績を取りまとめましたので、後ほどお送りいたします。"])], s))
        m.to = [c]
        add(m, "ok", codes_for(s, [c], ["external_recipient"]), "ok_routine", f"{c['organization']} {c['name']}")
    for _ in range(9):  # ok_internal
        s = R.choice(STAFF)
        t = R.choice([x for x in STAFF if x != s])
        m = Mail(s, "【共有】" + R.choice(SUBJ), f"{t['name'].split()[0]}さん\n\nお疲れさまです。\n"
                 f"{R.choice(ORG_NAMES)}の件、利用者一覧を共有します。社内限りでお願いします。\n\n{sig(s)}")
        m.to = [t]
        if R.random() < 0.6:
            h, rows = people(R.randint(30, 120), sensitive=True)
            m.atts = [("利用者一覧_社内.xlsx", xlsx_bytes(h, rows))]
        add(m, "ok", [], "ok_internal", f"to {t['email']}; sensitive list stays inside")
    for _ in range(12):  # ok_attachment_match
        s = R.choice(STAFF)
        c = usual(s, ("vendor", "equipment", "care", "hospital", "nursing", "pharmacy", "public"))
        fn, data, kind = doc_att(c["organization"], s, R.choice(["pdf", "xlsx", "docx"]))
        m = Mail(s, f"{kind}送付の件", text(salute(c), [f"{kind}をお送りいたします。ご査収ください。"], s))
        m.to = [c]
        m.atts = [(fn, data)] if R.random() < 0.7 else [(fn.rsplit(".", 1)[0] + ".zip", zip_bytes([(fn, data)]))]
        add(m, "ok", codes_for(s, [c], ["external_recipient"]), "ok_attachment_match",
            f"{kind} for {c['organization']} to {c['email']}")
    for _ in range(10):  # ok_same_surname_right_company
        s = R.choice(STAFF)
        c = next(x for x in R.sample(CONTACTS, len(CONTACTS)) if x["email"] in PAST[s["email"]]
                 and other_same_surname(x) and not x["organization"].startswith("個人"))
        lines = ["ご依頼の件、承知いたしました。日程が決まり次第ご連絡します。"]
        m = Mail(s, R.choice(SUBJ), text(salute(c), lines, s))
        m.to = [c]
        add(m, "ok", codes_for(s, [c], ["external_recipient"]), "ok_same_surname_right_company",
            f"{c['organization']} {c['name']}; the surname also exists at other organisations")
    for _ in range(6):  # ok_announcement_bcc
        s = R.choice(STAFF)
        rc = R.sample([c for c in CONTACTS if not c["organization"].startswith("個人")], R.randint(10, 35))
        m = Mail(s, "年末年始の営業についてのお知らせ", "関係事業所各位\n\n平素より大変お世話になっております。\n"
                 "年末年始の営業は12月29日から1月3日まで休業いたします。\n"
                 "緊急時は 028-600-0000 までご連絡ください。\n\n"
                 + sig(s))
        m.to = [s]
        m.bcc = rc
        add(m, "ok", codes_for(s, rc, ["external_recipient", "multiple_external_orgs"]), "ok_announcement_bcc",
            f"{len(rc)} external recipients in Bcc")
    for _ in range(8):  # ok_reply_quoting_other_company
        s = R.choice(STAFF)
        c = usual(s)
        o = R.choice([x for x in ORG_NAMES if x != c["organization"]])
        q = (f"\n\n-----Original Message-----\nFrom: {c['name']}\n件名: 退院調整\n\n{o}さんとの調整も含め、"
             "ご検討ください。\n" if R.random() < 0.5
             else f"\n\n> {o}の担当者からも連絡がありました。\n> ご確認ください。")
        m = Mail(s, "Re: 退院調整", text(salute(c), ["ご連絡ありがとうございます。承知しました。"], s) + q)
        m.to = [c]
        add(m, "ok", codes_for(s, [c], ["external_recipient"]), "ok_reply_quoting_other_company",
            f"reply to {c['email']}; {o} only in the quote")
    for _ in range(6):  # ok_first_mail_known_company
        s = R.choice(STAFF)
        c = R.choice([x for x in CONTACTS if x["email"] in NEVER and x["organization"] in OWNS[s["email"]]]
                     or [x for x in CONTACTS if x["email"] in NEVER])
        m = Mail(s, "ご挨拶", text(salute(c), ["前任の者より引き継ぎ、今後担当させていただきます。"], s))
        m.to = [c]
        add(m, "ok", codes_for(s, [c], ["external_recipient", "first_time_recipient"]), "ok_first_mail_known_company",
            f"first mail to {c['email']} at {c['organization']}")
    for _ in range(7):  # ok_family_own_data (hard negative: personal data to the right individual)
        s = R.choice(STAFF)
        c = usual(s, family=True)
        u = fam_user(c["organization"])
        m = Mail(s, f"{u}様 11月分ご利用明細", text(salute(c), [f"{u}様の11月分のご利用明細をお送りします。"], s))
        m.to = [c]
        m.atts = [(f"ご利用明細_{u}様.pdf", pdf_bytes(user_doc(u, "ご利用明細書")))]
        add(m, "ok", codes_for(s, [c], ["external_recipient", "pii_in_attachment"]), "ok_family_own_data",
            f"{u}様's own statement to the registered family member {c['email']}")
    for _ in range(5):  # ok_referral_right_party (hard negative: one user's care record to the hospital asked)
        s = R.choice(STAFF)
        c = usual(s, ("hospital", "nursing", "care"))
        u = R.choice(FAMILIES)
        un = fam_user(u)
        m = Mail(s, f"{un}様 情報提供書", text(salute(c), [f"ご依頼の{un}様の情報提供書を添付いたします。",
                                                           "ご本人・ご家族の同意は取得済みです。"], s))
        m.to = [c]
        m.atts = [(f"情報提供書_{un}.docx", docx_bytes(user_doc(un, "情報提供書")))]
        add(m, "ok", codes_for(s, [c], ["external_recipient", "pii_in_attachment", "sensitive_pii"]),
            "ok_referral_right_party", f"one user's record to the care partner {c['organization']} that asked")
    for _ in range(4):  # ok_several_people_one_company
        s = R.choice(STAFF)
        org = R.choice([o for o in OWNS[s["email"]] if not o.startswith("個人")])
        rc = R.sample(BY_ORG[org], 3)
        m = Mail(s, "打合せ日程", text(f"{org}\n{rc[0]['name'].split()[0]}様、{rc[1]['name'].split()[0]}様",
                                       ["打合せ候補日を3つお送りします。"], s))
        m.to, m.cc = rc[:2], rc[2:]
        add(m, "ok", codes_for(s, rc, ["external_recipient"]), "ok_several_people_one_company",
            f"three people at {org}")
    risky_cases(add)
    return out


def risky_cases(add) -> None:
    ext = [c for c in CONTACTS if not c["organization"].startswith("個人")]
    for i in range(13):  # same_surname_wrong_company, the wrong person in To, Cc or Bcc
        s = R.choice(STAFF)
        c = next(x for x in R.sample(ext, len(ext)) if x["email"] in PAST[s["email"]] and other_same_surname(x))
        w = other_same_surname(c)
        lines = ["先日の担当者会議の件、資料をお送りします。"]
        m = Mail(s, "担当者会議資料", text(salute(c), lines, s))
        slot = ("to", "to", "cc", "bcc")[i % 4]
        if slot == "to":
            m.to = [w]
        else:
            m.to = [c]
            getattr(m, slot).append(w)
        base = ["content_recipient_mismatch", "similar_recipient"]
        if slot != "to":
            base.append("multiple_external_orgs")
        if i % 2:
            fn, data, _k = doc_att(c["organization"], s, R.choice(["pdf", "xlsx", "docx"]))
            m.atts = [(fn, data)]
            if slot == "to":  # A's document reaches only B
                base.append("attachment_recipient_mismatch")
        add(m, "risky", codes_for(s, [w], base), "same_surname_wrong_company",
            f"meant {c['name']} at {c['organization']}, {w['name']} <{w['email']}> of {w['organization']} in {slot}")
    for i in range(9):  # wrong_attachment
        s = R.choice(STAFF)
        c = usual(s, ("vendor", "equipment", "care", "hospital", "nursing", "pharmacy"))
        o = R.choice([x for x in ORG_NAMES if x != c["organization"] and KIND[x] != "public"])
        fn, data, kind = doc_att(o, s, R.choice(["pdf", "xlsx", "docx"]))
        m = Mail(s, f"{kind}送付の件", text(salute(c), [f"{kind}を添付いたします。ご確認ください。"], s))
        m.to = [c]
        m.atts = [(fn, data)] if i % 3 else [("送付資料.zip", zip_bytes([(fn, data)]))]
        add(m, "risky", codes_for(s, [c], ["attachment_recipient_mismatch"]), "wrong_attachment",
            f"to {c['organization']}, attachment is the {kind} of {o}")
    for _ in range(6):  # open_recipient_list
        s = R.choice(STAFF)
        rc = R.sample(ext, R.randint(8, 30))
        m = Mail(s, "研修会開催のご案内",
                 "関係各位\n\nいつもお世話になっております。\n12月の合同研修会のご案内です。\n\n" + sig(s))
        if R.random() < 0.5:
            m.to = rc
        else:
            m.to, m.cc = rc[:1], rc[1:]
        add(m, "risky", ["multiple_external_orgs", "open_recipient_list"], "open_recipient_list",
            f"{len(rc)} external addresses of several organisations visible in To/Cc")
    subs = [("m", "rn"), ("i", "l"), ("o", "0"), ("l", "1"), ("-", ""), ("e", "a")]
    for i in range(8):  # lookalike_domain
        s = R.choice(STAFF)
        c = usual(s)
        lp, dom = c["email"].split("@")
        a, b = next((a, b) for a, b in subs[i % len(subs):] + subs if a in dom.split(".")[0])
        bad = dom.replace(a, b, 1)
        w = dict(c, email=f"{lp}@{bad}")
        m = Mail(s, R.choice(SUBJ), text(salute(c), ["ご依頼の資料を送付いたします。"], s))
        m.to = [w]
        if i % 2:
            h, rows = people(R.randint(5, 15))
            m.atts = [("参加者名簿.xlsx", xlsx_bytes(h, rows))]
        add(m, "risky", ["first_time_recipient", "lookalike_domain", "similar_recipient"], "lookalike_domain",
            f"meant {c['email']}, sent to {w['email']}")
    for i in range(6):  # bulk_pii_external
        s = R.choice(STAFF)
        c = usual(s, ("vendor",))
        h, rows = people(R.randint(50, 300))
        fn = "利用者名簿_全件." + ("csv" if i % 2 else "xlsx")
        data = csv_bytes(h, rows, "cp932" if i % 4 == 1 else "utf-8") if i % 2 else xlsx_bytes(h, rows)
        m = Mail(s, "名簿データの件", text(salute(c), ["年賀状印刷用の名簿をお送りします。"], s))
        m.to = [c]
        m.atts = [(fn, data)]
        add(m, "risky", codes_for(s, [c], ["bulk_pii", "pii_in_attachment"]), "bulk_pii_external",
            f"{len(rows)}-row customer list to {c['organization']}")
    for i in range(7):  # sensitive_pii_external: a health list to a vendor with no need for it
        s = R.choice(STAFF)
        c = usual(s, ("vendor",))
        h, rows = people(R.randint(4, 20), sensitive=True)
        fmt = ("xlsx", "csv", "docx", "pdf")[i % 4]
        if fmt == "xlsx":
            data = xlsx_bytes(h, rows)
        elif fmt == "csv":
            data = csv_bytes(h, rows, "utf-8")
        elif fmt == "docx":
            data = docx_bytes(["利用者状況一覧"], [h, *[[str(v) for v in r] for r in rows]])
        else:
            data = pdf_bytes(["利用者状況一覧"] + ["  ".join(str(v) for v in r) for r in rows])
        m = Mail(s, "利用者情報の件", text(salute(c), ["送迎・配食の参考に利用者の状況一覧をお送りします。"], s))
        m.to = [c]
        m.atts = [(f"利用者状況一覧.{fmt}", data)]
        add(m, "risky", codes_for(s, [c], ["pii_in_attachment", "sensitive_pii"]), "sensitive_pii_external",
            f"{len(rows)} users with 要介護度・主病名 to the vendor {c['organization']}")
    for _ in range(7):  # autocomplete_wrong_address
        s = R.choice(STAFF)
        c = usual(s)
        twins = [x for x in CONTACTS if x["name"] == c["name"] and x["email"] != c["email"]]
        lp = c["email"].split("@")[0].replace(".", "")
        wrong = twins[0]["email"] if twins else f"{lp}{R.randint(10, 99)}@{R.choice(FREE)}"
        w = dict(c, email=wrong)
        h, rows = people(R.randint(6, 20))
        m = Mail(s, "研修参加者名簿", text(salute(c), ["研修の参加者名簿を送付します。"], s))
        m.to = [w]
        m.atts = [("研修参加者名簿.xlsx", xlsx_bytes(h, rows))]
        add(m, "risky", ["content_recipient_mismatch", "first_time_recipient", "pii_in_attachment",
                         "similar_recipient"], "autocomplete_wrong_address", f"meant {c['email']}, sent to {wrong}")
    for i in range(5):  # password_zip_customer_list
        s = R.choice(STAFF)
        c = usual(s, ("vendor",))
        h, rows = people(R.randint(50, 250))
        pw = f"Hd{R.randint(1000, 9999)}care"
        data = pwzip_bytes([("customers.csv", csv_bytes(h, rows, "utf-8"))], pw)
        lines = ["顧客データを送付します。パスワードは別途お送りします。"]
        m = Mail(s, "データ送付（パスワード別送）", text(salute(c), lines, s))
        m.to = [c]
        m.atts = [(f"顧客データ_{i + 1}.zip", data)]
        add(m, "risky", codes_for(s, [c], ["bulk_pii", "unscannable_attachment"]), "password_zip_customer_list",
            f"{len(rows)} customers in a zip to {c['organization']} (password {pw})")
    for _ in range(6):  # pii_pasted_in_body
        s = R.choice(STAFF)
        c = usual(s, ("vendor",))
        h, rows = people(R.randint(10, 25), sensitive=True)
        table = "\n".join("・" + " / ".join(str(v) for v in (r[0], r[2], r[3], r[4], r[6], r[7])) for r in rows)
        m = Mail(s, "送迎対象者の件", text(salute(c), ["来月の送迎対象者です（本文に貼り付けます）。", table], s))
        m.to = [c]
        add(m, "risky", codes_for(s, [c], ["bulk_pii", "sensitive_pii"]), "pii_pasted_in_body",
            f"{len(rows)} users with address and illness pasted into the body to {c['organization']}")
    for _ in range(5):  # forward_thread_third_party
        s = R.choice(STAFF)
        fam = usual(s, family=True)
        c = usual(s, ("vendor",))
        u = fam_user(fam["organization"])
        fwd = (f"\n\n---------- Forwarded message ---------\nFrom: {fam['name']} <{fam['email']}>\n件名: 母のこと\n\n"
               f"{u}の家族です。最近{R.choice(DISEASES)}と診断され、服薬が増えました。\n"
               f"住所は{FK.address()}、携帯は090-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}です。\n")
        m = Mail(s, "Fw: 母のこと", text(salute(c), ["下記、ご参考まで転送します。"], s) + fwd)
        m.to = [c]
        add(m, "risky", codes_for(s, [c], ["content_recipient_mismatch", "sensitive_pii"]),
            "forward_thread_third_party", f"family mail about {u}様 forwarded to {c['organization']}")
    for _ in range(5):  # reply_all_other_customer
        s = R.choice(STAFF)
        fam = usual(s, family=True)
        other = R.choice([x for x in CONTACTS if x["organization"].startswith("個人") and x != fam])
        u = fam_user(fam["organization"])
        m = Mail(s, "Re: 面談日程", text(salute(fam), [f"{u}様の面談は11月20日14時に決まりました。"], s)
                 + "\n\n> 家族会の日程調整にご協力ください。")
        m.to, m.cc = [fam], [other]
        add(m, "risky", codes_for(s, [fam, other], ["content_recipient_mismatch", "multiple_external_orgs"]),
            "reply_all_other_customer", f"reply to {fam['email']} keeps another family {other['email']} in Cc")
    for _ in range(4):  # org_only_in_cc
        s = R.choice(STAFF)
        c = usual(s, ("hospital", "nursing"))
        v = R.choice([x for x in CONTACTS if KIND.get(x["organization"]) == "vendor"])
        u = fam_user(R.choice(FAMILIES))
        m = Mail(s, f"{u}様 退院後の支援", text(salute(c), [f"{u}様（{R.choice(DISEASES)}）の退院後の支援について、"
                                                            "服薬状況を共有いたします。"], s))
        m.to, m.cc = [c], [v]
        add(m, "risky", codes_for(s, [c, v], ["content_recipient_mismatch", "multiple_external_orgs", "sensitive_pii"]),
            "org_only_in_cc", f"medical note for {c['organization']}; {v['organization']} only in Cc")
    for _ in range(6):  # individual_data_to_other_individual
        s = R.choice(STAFF)
        fam = usual(s, family=True)
        o = R.choice([x for x in FAMILIES if x != fam["organization"]])
        u, ou = fam_user(fam["organization"]), fam_user(o)
        m = Mail(s, "ご利用明細送付", text(salute(fam), [f"{u}様の11月分のご利用明細をお送りします。"], s))
        m.to = [fam]
        m.atts = [(f"ご利用明細_{ou}様.pdf", pdf_bytes(user_doc(ou, "ご利用明細書")))]
        add(m, "risky", codes_for(s, [fam], ["attachment_recipient_mismatch", "pii_in_attachment"]),
            "individual_data_to_other_individual", f"{fam['email']} ({u}様's family) gets {ou}様's statement")
    for _ in range(3):  # ok_english_partner (here to keep R's order simple)
        s = R.choice(STAFF)
        c = R.choice(BY_ORG["Care Data Partners株式会社"])
        m = Mail(s, "Monthly system report", f"Dear {c['name'].split()[0]}-san,\n\nThank you for the monthly "
                 f"report of the care record system. We have no questions this month.\n\nBest regards,\n{sig(s)}")
        m.to = [c]
        add(m, "ok", codes_for(s, [c], ["external_recipient"]), "ok_english_partner", f"English mail to {c['email']}")


def main() -> None:
    os.makedirs(os.path.join(HERE, "messages"), exist_ok=True)
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{OWN}"\ninternal_domains = ["{OWN_DOM}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["name", "kana", "email", "organization"], lineterminator="\n")
        w.writeheader()
        w.writerows(CONTACTS)
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in HIST:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    cases = scenarios()
    order = list(range(len(cases)))
    R.shuffle(order)
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for n, k in enumerate(order, 1):
            m, lb = cases[k]
            date = datetime(2026, 11, 2, 8, 30, tzinfo=JST) + timedelta(minutes=97 * n)
            with open(os.path.join(HERE, "messages", f"{n:04d}.eml"), "wb") as g:
                g.write(render(m, n, date))
            f.write(json.dumps({"file": f"messages/{n:04d}.eml", **lb}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
