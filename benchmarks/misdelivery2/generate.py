#!/usr/bin/env python3
"""Second, independent labelled set for the mis-delivery (誤送信) checker: a made-up 税理士法人 (accounting firm).

Writes, beside this file: mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Written from an office worker's point of view without reading the checker's code; only the file FORMAT follows
the shared dev set. Deterministic content (random.Random(SEED), Faker('ja_JP') seeded); attachment bytes
carry timestamps.

    python3 -m venv .venv && .venv/bin/pip install faker openpyxl python-docx reportlab pypdf
    apt-get install -y zip fonts-ipaexfont
    .venv/bin/python generate.py
"""
# ruff: noqa: E501, E701, E702, E741, RUF005, RUF015, RUF059
# (a data generator written in the compact style of the shared dev set's script; not library code)
import base64
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
from collections import Counter, defaultdict
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

from faker import Faker
from faker.providers.person.ja_JP import Provider as JaPerson

SEED = 7152026
OUT = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
JST = dt.timezone(dt.timedelta(hours=9))
R = random.Random(SEED)
FK = Faker("ja_JP")
FK.seed_instance(SEED + 1)

ME = "税理士法人みなせ会計事務所"
ME_SHORT = "みなせ会計"
ME_DOM = "minase-kaikei.example"
ME_TEL = "06-6312-4408"
ME_ADDR = "〒530-0047 大阪府大阪市北区西天満4-9-12 みなせビル5階"

# ------------------------------------------------------------------ organisations (written by hand)
# (official name, short name used in mail, domain, half-width kana short or "", kind)
ORGS = [
    ("株式会社若松精機", "若松精機", "wakamatsu-seiki.example", "", "client"),
    ("桐生テキスタイル株式会社", "桐生テキスタイル", "kiryu-textile.test", "ｷﾘｭｳﾃｷｽﾀｲﾙ", "client"),
    ("有限会社鳴海製菓", "鳴海製菓", "narumi-seika.example", "", "client"),
    ("株式会社柏木工務店", "柏木工務店", "kashiwagi-koumuten.example.com", "", "client"),
    ("浅間リゾート株式会社", "浅間リゾート", "asama-resort.example", "", "client"),
    ("合同会社蔵前デザイン", "蔵前デザイン", "kuramae-design.test", "", "client"),
    ("医療法人社団白樺会", "白樺会", "shirakaba-kai.example", "", "client"),
    ("社会福祉法人霧島福祉会", "霧島福祉会", "kirishima-fukushi.example", "", "client"),
    ("株式会社丸高食品", "丸高食品", "marutaka-foods.example", "", "client"),
    ("丸高運輸株式会社", "丸高運輸", "marutaka-unyu.example", "", "client"),
    ("株式会社青柳建設", "青柳建設", "aoyagi-kensetsu.example", "", "client"),
    ("青柳不動産株式会社", "青柳不動産", "aoyagi-fudosan.test", "", "client"),
    ("株式会社エー・ビー・シー物産", "ABC", "abc-bussan.example", "", "client"),
    ("株式会社カワセミ企画", "カワセミ企画", "kawasemi-kikaku.example", "ｶﾜｾﾐ企画", "client"),
    ("株式会社サンライズ薬局", "サンライズ薬局", "sunrise-pharmacy.example", "ｻﾝﾗｲｽﾞ薬局", "client"),
    ("株式会社御影ベーカリー", "御影ベーカリー", "mikage-bakery.test", "", "client"),
    ("有限会社椿屋旅館", "椿屋旅館", "tsubakiya.example", "", "client"),
    ("株式会社楓コンサルティング", "楓コンサルティング", "kaede-consulting.example", "", "client"),
    ("株式会社朱雀電設", "朱雀電設", "suzaku-densetsu.example", "", "client"),
    ("株式会社玄武エンジニアリング", "玄武エンジニアリング", "genbu-eng.example.com", "", "client"),
    ("一般社団法人みなと観光協会", "みなと観光協会", "minato-kanko.example", "", "client"),
    ("株式会社ひかり歯科技工", "ひかり歯科技工", "hikari-dental.test", "", "client"),
    ("株式会社タカミ自動車", "タカミ自動車", "takami-auto.example", "ﾀｶﾐ自動車", "client"),
    ("株式会社タカミ住宅", "タカミ住宅", "takami-jutaku.example", "ﾀｶﾐ住宅", "client"),
    ("株式会社ノースウィンド・ジャパン", "ノースウィンド", "northwind-jp.example.com", "", "client"),
    ("株式会社ベイサイド・ラボ", "ベイサイド・ラボ", "bayside-lab.test", "", "client"),
    ("有限会社いずみ鮮魚", "いずみ鮮魚", "izumi-sengyo.example", "", "client"),
    ("株式会社ことぶき葬祭", "ことぶき葬祭", "kotobuki-sosai.example", "", "client"),
    ("株式会社あすなろ保育", "あすなろ保育", "asunaro-hoiku.example", "", "client"),
    ("美園クリーニング株式会社", "美園クリーニング", "misono-cleaning.example", "", "client"),
    ("株式会社大鷹造園", "大鷹造園", "otaka-zoen.test", "", "client"),
    ("株式会社しらゆり介護サービス", "しらゆり介護", "shirayuri-kaigo.example", "", "client"),
    ("株式会社新星ソフト", "新星ソフト", "shinsei-soft.example", "", "client"),
    ("株式会社ミナミ印刷工芸", "ミナミ印刷工芸", "minami-insatsu.example", "", "client"),
    ("株式会社東雲ホールディングス", "東雲HD", "shinonome-hd.example", "", "client"),
    ("株式会社東雲不動産", "東雲不動産", "shinonome-re.example", "", "client"),
    ("株式会社アトリエ・ルミエール", "アトリエ・ルミエール", "atelier-lumiere.test", "", "client"),
    ("ヤマブキ電機株式会社", "ヤマブキ電機", "yamabuki-denki.example", "ﾔﾏﾌﾞｷ電機", "client"),
    ("医療法人三つ葉会", "三つ葉会", "mitsuba-kai.example", "", "client"),
    ("株式会社グリーンフィールド農園", "グリーンフィールド農園", "greenfield-farm.example", "", "client"),
    ("さくら通り社会保険労務士事務所", "さくら通り社労士事務所", "sakuradori-sr.example", "", "sr"),
    ("しののめ信用金庫", "しののめ信金", "shinonome-shinkin.example", "", "bank"),
    ("株式会社ペイロールワン", "ペイロールワン", "payroll-one.example", "", "payroll"),
    ("株式会社ミナセ印刷", "ミナセ印刷", "minase-print.test", "", "print"),
    ("弁護士法人かがみ法律事務所", "かがみ法律事務所", "kagami-law.example", "", "law"),
    ("株式会社データ保管センター", "データ保管センター", "data-hokan.example", "", "storage"),
    ("株式会社クラウド会計ラボ", "クラウド会計ラボ", "cloud-kaikei-lab.example.com", "", "vendor"),
    ("行政書士オフィス若葉", "オフィス若葉", "wakaba-gyosei.example", "", "gyosei"),
    ("株式会社ビジネス便", "ビジネス便", "business-bin.test", "", "courier"),
    ("東和監査法人", "東和監査法人", "towa-audit.example", "", "audit"),
]
FREEMAIL = ["mailpost.example", "webmail-jp.test", "freebox.example.com", "kmail.example"]
LEGAL = ["医療法人社団", "医療法人", "社会福祉法人", "一般社団法人", "株式会社", "有限会社", "合同会社", "弁護士法人", "税理士法人"]

# surnames: Faker's 50 plus names written here (kanji, kana, romaji); kana-only variants are planted below
EXTRA_LAST = [
    ("五十嵐", "イガラシ", "igarashi"), ("長谷川", "ハセガワ", "hasegawa"), ("東海林", "ショウジ", "shoji"),
    ("小野寺", "オノデラ", "onodera"), ("宇佐美", "ウサミ", "usami"), ("大河内", "オオコウチ", "okochi"),
    ("三宅", "ミヤケ", "miyake"), ("相馬", "ソウマ", "soma"), ("柴田", "シバタ", "shibata"), ("堀江", "ホリエ", "horie"),
    ("志村", "シムラ", "shimura"), ("片桐", "カタギリ", "katagiri"), ("皆川", "ミナガワ", "minagawa"),
    ("長嶋", "ナガシマ", "nagashima"), ("仲村", "ナカムラ", "nakamura"), ("中邑", "ナカムラ", "nakamura"),
    ("有馬", "アリマ", "arima"), ("桑原", "クワバラ", "kuwabara"), ("江口", "エグチ", "eguchi"), ("椎名", "シイナ", "shiina"),
    ("秋元", "アキモト", "akimoto"), ("土屋", "ツチヤ", "tsuchiya"), ("根本", "ネモト", "nemoto"), ("早川", "ハヤカワ", "hayakawa"),
    ("望月", "モチヅキ", "mochizuki"),
    ("千葉", "チバ", "chiba"), ("岩崎", "イワサキ", "iwasaki"), ("西村", "ニシムラ", "nishimura"), ("大塚", "オオツカ", "otsuka"),
    ("熊谷", "クマガイ", "kumagai"), ("北村", "キタムラ", "kitamura"), ("安藤", "アンドウ", "ando"), ("荒木", "アラキ", "araki"),
    ("市川", "イチカワ", "ichikawa"), ("菅原", "スガワラ", "sugawara"), ("新井", "アライ", "arai"), ("野口", "ノグチ", "noguchi"),
    ("酒井", "サカイ", "sakai"), ("宮本", "ミヤモト", "miyamoto"), ("杉本", "スギモト", "sugimoto"), ("小松", "コマツ", "komatsu"),
    ("浜田", "ハマダ", "hamada"), ("武田", "タケダ", "takeda"), ("上野", "ウエノ", "ueno"), ("松尾", "マツオ", "matsuo"),
    ("栗原", "クリハラ", "kurihara"), ("飯田", "イイダ", "iida"), ("河野", "コウノ", "kono"), ("辻", "ツジ", "tsuji"),
]
VARIANTS = [  # same reading and romaji, different kanji: kana-only differences in the address book
    [("斉藤", "サイトウ", "saito"), ("斎藤", "サイトウ", "saito"), ("齋藤", "サイトウ", "saito")],
    [("渡辺", "ワタナベ", "watanabe"), ("渡邊", "ワタナベ", "watanabe"), ("渡部", "ワタナベ", "watanabe")],
    [("伊藤", "イトウ", "ito"), ("伊東", "イトウ", "ito")],
    [("阿部", "アベ", "abe"), ("安部", "アベ", "abe")],
    [("高橋", "タカハシ", "takahashi"), ("髙橋", "タカハシ", "takahashi")],
    [("小島", "コジマ", "kojima"), ("児島", "コジマ", "kojima")],
]
LASTS = [k for k, _ in JaPerson.last_name_pairs.items()] if isinstance(JaPerson.last_name_pairs, dict) else list(JaPerson.last_name_pairs)
LASTS = [tuple(x) for x in LASTS] + EXTRA_LAST + [v for g in VARIANTS for v in g]
LASTS = list(dict.fromkeys(LASTS))
BY_K = {x[0]: x for x in LASTS}
COMMON = ["佐藤", "鈴木", "田中", "小林", "加藤", "吉田", "山田", "中村", "斉藤", "渡辺"]
FIRSTS = list(JaPerson.first_name_male_pairs) + list(JaPerson.first_name_female_pairs) + [
    ("颯太", "ソウタ", "Sota"), ("結衣", "ユイ", "Yui"), ("智子", "トモコ", "Tomoko"), ("浩二", "コウジ", "Koji"),
    ("真由美", "マユミ", "Mayumi"), ("健太", "ケンタ", "Kenta"), ("千尋", "チヒロ", "Chihiro"), ("亮", "リョウ", "Ryo"),
    ("恵", "メグミ", "Megumi"), ("大輔", "ダイスケ", "Daisuke"), ("彩", "アヤ", "Aya"), ("誠", "マコト", "Makoto"),
    ("香織", "カオリ", "Kaori"), ("隆", "タカシ", "Takashi"), ("裕子", "ユウコ", "Yuko"), ("翔", "ショウ", "Sho")]
FIRSTS = [tuple(x) for x in FIRSTS]
EN_PEOPLE = [("Smith", "David"), ("Brown", "Emily"), ("Miller", "James"), ("Garcia", "Laura")]
DEPTS = {"client": ["経理部", "総務部", "管理部", "経営企画室", "総務経理課", "財務課", "人事労務課", "事務局", "本部"],
         "sr": ["所長", "労務担当", "手続担当"], "bank": ["法人営業課", "融資課", "審査部"], "payroll": ["運用部", "カスタマーサポート"],
         "print": ["営業部", "DM制作課"], "law": ["弁護士", "パラリーガル"], "storage": ["営業部", "運用センター"],
         "vendor": ["サポートデスク", "導入支援"], "gyosei": ["代表", "許認可担当"], "courier": ["営業所", "法人営業"],
         "audit": ["監査部", "パートナー"]}
TITLES = ["", "", "", "部長", "課長", "係長", "主任", "代表取締役", "事務長", "マネージャー"]


class Org:
    def __init__(s, i, name, short, dom, hk, kind):
        s.id, s.name, s.short, s.domain, s.hk, s.kind, s.people = i, name, short, dom, hk, kind, []
        s.fmt = R.choice(["f.last", "first.last", "last", "lastf", "last-f", "f.last"])

    @property
    def core(s):
        x = s.name
        for lg in LEGAL: x = x.replace(lg, "")
        return x


class Person:
    def __init__(s, **k): s.__dict__.update(k)

    @property
    def name(s): return f"{s.last} {s.first}" if not s.en else f"{s.first} {s.last}"


ORG = [Org(i, *o) for i, o in enumerate(ORGS)]
CLIENTS = [o for o in ORG if o.kind == "client"]
PARTNERS = [o for o in ORG if o.kind != "client"]
NW = next(o for o in ORG if o.domain.startswith("northwind"))
PEOPLE, EMAILS = [], set()


def lp_of(fmt, l, f):
    return {"f.last": f"{f[0]}.{l}", "first.last": f"{f}.{l}", "last": l, "lastf": f"{l}{f[0]}", "last-f": f"{l}-{f[0]}"}[fmt]


def add_person(o, L, F, lp=None, en=False):
    lp = lp or lp_of(o.fmt, L[2].lower(), F[2].lower())
    base, n = lp, 1
    while f"{lp}@{o.domain}" in EMAILS:
        n += 1; lp = f"{base}{n}"
    EMAILS.add(f"{lp}@{o.domain}")
    p = Person(last=L[0], first=F[0], lkana=L[1], fkana=F[1], lr=L[2].lower(), fr=F[2].lower(), en=en,
               email=f"{lp}@{o.domain}", org=o, dept=R.choice(DEPTS[o.kind]), title=R.choice(TITLES))
    o.people.append(p); PEOPLE.append(p)
    return p


def rnd_last(pc=0.25):
    return BY_K[R.choice(COMMON)] if R.random() < pc else R.choice(LASTS)


for o in ORG:
    for _ in range(R.choice([3, 4, 4, 5, 5, 5, 6, 6])):
        add_person(o, rnd_last(), R.choice(FIRSTS))
for ln, fn in EN_PEOPLE:
    add_person(NW, (ln, "", ln), (fn, "", fn), lp=f"{fn.lower()}.{ln.lower()}", en=True)
# twins: same full name at another organisation, often the same local part
for p in R.sample([p for p in PEOPLE if not p.en], 14):
    other = R.choice([o for o in ORG if o is not p.org])
    add_person(other, BY_K[p.last], next(f for f in FIRSTS if f[0] == p.first), lp=p.email.split("@")[0] if R.random() < 0.6 else None)
# kana-only differences: 斎藤 真由美 here, 斉藤 真由美 there
for g in VARIANTS:
    f = R.choice(FIRSTS)
    for v in g:
        add_person(R.choice(ORG), v, f)

# ------------------------------------------------------------------ staff
STAFF_DEPTS = ["監査一課"] * 6 + ["監査二課"] * 6 + ["監査三課"] * 5 + ["給与計算課"] * 2 + ["総務課", "資産税課"]
TITLES_IN = ["", "", "税理士", "主任", "課長"]
STAFF = []
for d in STAFF_DEPTS:
    L, F = rnd_last(0.3), R.choice(FIRSTS)
    lp = f"{L[2].lower()}-{F[2].lower()[0]}"
    while any(s.email == f"{lp}@{ME_DOM}" for s in STAFF): lp += "2"
    STAFF.append(Person(last=L[0], first=F[0], lkana=L[1], fkana=F[1], lr=L[2].lower(), fr=F[2].lower(), en=False,
                        email=f"{lp}@{ME_DOM}", org=None, dept=d, title=R.choice(TITLES_IN), owns=[],
                        sig=R.choice("ABCD")))
AUD = [s for s in STAFF if s.dept.startswith("監査")]
BACK = [s for s in STAFF if not s.dept.startswith("監査")]
_c = CLIENTS[:]
R.shuffle(_c)
for i, o in enumerate(_c): AUD[i % len(AUD)].owns.append(o)
for o in R.sample(CLIENTS, 12): R.choice([s for s in AUD if o not in s.owns]).owns.append(o)
for s in AUD: s.owns.append(R.choice(PARTNERS[:3]))  # 社労士 / 信金 / 給与代行: shared partners
for i, o in enumerate(PARTNERS): BACK[i % len(BACK)].owns.append(o)
NEVER = set(p.email for p in R.sample([p for p in PEOPLE if len(p.org.people) >= 4 and not p.en], 18))

# ------------------------------------------------------------------ history
HS = ["{m}月度 月次試算表の送付", "源泉所得税納付書（{m}月分）", "Re: 年末調整資料のご提出について", "決算打合せの日程",
      "消費税の中間申告について", "RE: 給与計算データ（{m}月支給分）", "償却資産申告書のご確認", "Re: 領収書の整理について",
      "【ご確認】法人税申告書（控）", "顧問料請求書送付の件", "Re: Re: 固定資産の除却について", "インボイス登録番号の確認",
      "{m}月分 仕訳データのご送付", "Re: 役員報酬の改定について", "電子帳簿保存の対応", "次回訪問日のご連絡"]
HI = ["{co}様 月次チェック", "週次ミーティング議事メモ", "【回覧】{co}様 決算スケジュール", "交通費精算", "Re: {co}様の件",
      "研修のご案内（所内）", "申告書レビュー依頼（{co}様）"]
H0 = dt.datetime(2025, 11, 1, tzinfo=JST)


def when_in(start, days):
    while True:
        d = start + dt.timedelta(days=R.randrange(days))
        if d.weekday() < 5: break
    return d.replace(hour=R.choice([8, 9, 9, 10, 11, 11, 13, 14, 15, 16, 16, 17, 18, 20]), minute=R.randrange(60),
                     second=R.randrange(60))


def history():
    rows = []
    while len(rows) < 3000:
        s = R.choices(STAFF, [3 if s in AUD else 1.6 for s in STAFF])[0]
        t = when_in(H0, 365)
        x = R.random()
        if x < 0.82:
            o = R.choice(s.owns)
            ppl = [p for p in o.people if p.email not in NEVER]
            to = [R.choice(ppl).email]
            if R.random() < 0.12: to.append(R.choice(ppl).email)
            cc = [R.choice(ppl).email] if R.random() < 0.3 else []
            if R.random() < 0.25: cc.append(R.choice([x for x in STAFF if x is not s]).email)
            subj = R.choice(HS).format(m=t.month)
        elif x < 0.94:
            to, cc = [x.email for x in R.sample([x for x in STAFF if x is not s], R.choice([1, 1, 2, 4]))], []
            subj = R.choice(HI).format(co=R.choice(s.owns).short)
        else:
            o = R.choice(ORG)
            to, cc = [R.choice([p for p in o.people if p.email not in NEVER]).email], []
            subj = R.choice(HS).format(m=t.month)
        to = list(dict.fromkeys(to)); cc = [c for c in dict.fromkeys(cc) if c not in to]
        rows.append({"date": t.isoformat(), "from": s.email, "to": to, "cc": cc, "subject": subj})
    rows.sort(key=lambda r: r["date"])
    return rows


HIST = history()
SENT = defaultdict(set)
for r in HIST:
    for a in r["to"] + r["cc"]: SENT[r["from"]].add(a)


def known(s, p): return p.email in SENT[s.email]


# ------------------------------------------------------------------ attachments
def pdf(lines, title):
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    rl_config.invariant = 1
    try: pdfmetrics.getFont("IPAexG")
    except KeyError: pdfmetrics.registerFont(TTFont("IPAexG", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4); c.setTitle(title)
    y = 800
    for i, ln in enumerate(lines):
        c.setFont("IPAexG", 15 if i == 0 else 10)
        c.drawString(50, y, ln); y -= 24 if i == 0 else 16
        if y < 50: c.showPage(); y = 800
    c.showPage(); c.save()
    return buf.getvalue()


def xlsx(title, rows):
    import openpyxl
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = title[:30]
    for r in rows: ws.append(list(r))
    wb.properties.creator = ME_SHORT
    buf = io.BytesIO(); wb.save(buf); return buf.getvalue()


def docx_(title, paras, table=None):
    import docx
    d = docx.Document(); d.add_heading(title, level=1)
    for p in paras: d.add_paragraph(p)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for i, v in enumerate(row): cells[i].text = str(v)
    buf = io.BytesIO(); d.save(buf); return buf.getvalue()


def csv_(rows, enc="utf-8-sig"):
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rows)
    try: return s.getvalue().encode(enc)
    except UnicodeEncodeError: return s.getvalue().encode("utf-8-sig")


def zip_(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files: z.writestr(n, b)
    return buf.getvalue()


def zip_pw(files, pw):
    tmp = tempfile.mkdtemp(prefix="mis2")
    try:
        for n, b in files:
            with open(os.path.join(tmp, n), "wb") as f: f.write(b)
        subprocess.run(["zip", "-q", "-P", pw, "a.zip"] + [n for n, _ in files], cwd=tmp, check=True)
        return open(os.path.join(tmp, "a.zip"), "rb").read()
    finally: shutil.rmtree(tmp)


CT = {"pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "csv": "text/csv",
      "zip": "application/zip"}


def A(fn, data): return (fn, data, CT[fn.rsplit(".", 1)[1]])


def money(): return R.randrange(200, 90000) * 1000


def trial_balance(o, m, fmt):
    """月次試算表 of organisation o (names it in the document)."""
    lines = [f"{o.name} 御中", f"{m}月度 月次試算表（貸借対照表・損益計算書）", f"作成：{ME}"]
    rows = [("勘定科目", "前月残高", "当月借方", "当月貸方", "当月残高")] + [
        (k, money(), money() // 10, money() // 10, money()) for k in ["現金", "普通預金", "売掛金", "買掛金", "未払金", "売上高", "仕入高", "給料手当", "地代家賃"]]
    fn = f"{o.short}_{m}月試算表.{fmt}"
    if fmt == "pdf": return A(fn, pdf(lines + ["　".join(str(c) for c in r) for r in rows], lines[1]))
    if fmt == "xlsx": return A(fn, xlsx("試算表", [[lines[0]], [lines[1]], []] + rows))
    return A(fn.replace(".csv", ".csv"), csv_([[lines[0]], [lines[1]]] + rows, "cp932"))


def fee_invoice(o, m, fmt):
    lines = [f"請求書  {o.name} 御中", f"請求番号 MK-2026{m:02d}-{R.randint(100, 999)}", f"{m}月分 顧問報酬 {R.choice([33000, 44000, 55000, 77000]):,}円（税込）",
             "振込先：しののめ信用金庫 本店 普通 1234567", ME]
    fn = R.choice([f"御請求書_{m}月分.{fmt}", f"請求書（{o.short}様）.{fmt}", f"invoice_2026{m:02d}.{fmt}"])
    if fmt == "pdf": return A(fn, pdf(lines, "請求書"))
    return A(fn, xlsx("請求書", [[x] for x in lines]))


def settlement_doc(o):
    return A(f"決算報告書（案）_{o.short}.docx", docx_(f"{o.name} 第{R.randint(5, 60)}期 決算報告書（案）",
             [f"{o.name}の当期の業績は、売上高{money():,}円、経常利益{money() // 20:,}円となりました。", "納税額の見込みは別紙のとおりです。"],
             [("項目", "金額"), ("売上高", f"{money():,}"), ("営業利益", f"{money() // 10:,}"), ("法人税等", f"{money() // 30:,}")]))


def phone(): return R.choice(["090", "080", "070"]) + f"-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def emp_rows(n, cols):
    out = []
    for _ in range(n):
        L, F = rnd_last(0.2), R.choice(FIRSTS)
        b = dt.date(R.randint(1955, 2004), R.randint(1, 12), R.randint(1, 28))
        v = {"氏名": f"{L[0]} {F[0]}", "フリガナ": f"{L[1]} {F[1]}", "生年月日": b.isoformat(), "郵便番号": FK.zipcode(),
             "住所": FK.address(), "電話番号": phone(), "メール": f"{F[2].lower()}{R.randint(1, 99)}@{R.choice(FREEMAIL)}",
             "支給額": f"{R.randrange(180, 620) * 1000:,}", "源泉徴収税額": f"{R.randrange(3, 40) * 1000:,}",
             "扶養人数": R.randint(0, 3), "社員番号": f"{R.randint(1000, 9999)}"}
        out.append([v[c] for c in cols])
    return out


def staff_list(o, n, fmt, what="年末調整 対象者一覧"):
    cols = ["社員番号", "氏名", "フリガナ", "生年月日", "郵便番号", "住所", "扶養人数"]
    rows = [cols] + emp_rows(n, cols)
    fn = {"xlsx": f"{o.short}_{what.split()[0]}.xlsx", "csv": f"{o.short}_{what.split()[0]}.csv"}[fmt]
    if fmt == "xlsx": return A(fn, xlsx(what[:30], [[f"{o.name} {what}"]] + rows))
    return A(fn, csv_(rows, R.choice(["utf-8-sig", "cp932"])))


def payslips(o, n, fmt="xlsx"):
    cols = ["社員番号", "氏名", "支給額", "源泉徴収税額"]
    rows = [[f"{o.name} 給与支給一覧（11月支給）"], cols] + emp_rows(n, cols)
    if fmt == "csv": return A(f"給与支給一覧_{o.short}.csv", csv_(rows))
    return A(f"給与支給一覧_{o.short}_11月.xlsx", xlsx("給与", rows))


def member_list(o, n):
    cols = ["氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号", "メール"]
    return csv_([cols] + emp_rows(n, cols), R.choice(["utf-8-sig", "cp932"]))


DIS = ["身体障害（下肢）", "精神障害", "知的障害", "視覚障害", "内部障害（心臓）"]
ILL = ["乳がん", "うつ病", "糖尿病", "関節リウマチ", "脳梗塞後遺症", "不妊治療", "統合失調症", "心筋梗塞", "緑内障"]


def sensitive(o, kind, fmt):
    n = R.randint(4, 18)
    if kind == "med":
        title = f"{o.short} 医療費控除 明細（病名入り）"
        tbl = [("氏名", "続柄", "医療機関", "病名・治療内容", "支払額")] + [
            (f"{rnd_last()[0]} {R.choice(FIRSTS)[0]}", R.choice(["本人", "配偶者", "子", "父", "母"]), R.choice(["市立病院", "メンタルクリニック", "がんセンター", "整形外科医院"]),
             R.choice(ILL), f"{R.randrange(20, 900) * 1000:,}") for _ in range(n)]
    elif kind == "dis":
        title = f"{o.short} 障害者控除 対象者一覧"
        tbl = [("社員番号", "氏名", "生年月日", "障害の種類", "手帳・等級", "控除区分")] + [
            (R.randint(1000, 9999), f"{rnd_last()[0]} {R.choice(FIRSTS)[0]}", dt.date(R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28)).isoformat(),
             R.choice(DIS), R.choice(["身体障害者手帳1級", "精神障害者保健福祉手帳2級", "療育手帳A", "身体障害者手帳4級"]), R.choice(["特別障害者", "障害者"])) for _ in range(n)]
    else:
        title = f"{o.short} 休職者・傷病手当金 申請状況"
        tbl = [("氏名", "休職開始", "傷病名", "主治医意見", "復職見込み")] + [
            (f"{rnd_last()[0]} {R.choice(FIRSTS)[0]}", f"2026-{R.randint(1, 10):02d}-01", R.choice(ILL), R.choice(["要休養3か月", "短時間勤務可", "就労不可"]),
             R.choice(["2027年1月", "未定", "2026年12月"])) for _ in range(n)]
    fn = f"{title.replace(' ', '_')}.{fmt}"
    if fmt == "xlsx": return A(fn, xlsx(title[:30], tbl)), n
    if fmt == "csv": return A(fn, csv_(tbl)), n
    if fmt == "docx": return A(fn, docx_(title, ["【取扱注意】本人の同意を得て取得した情報です。"], tbl)), n
    return A(fn, pdf([title, "【取扱注意】"] + ["　".join(str(c) for c in r) for r in tbl], title)), n


# ------------------------------------------------------------------ message writer
def enc_hdr(v, cs):
    if v.isascii(): return v
    if cs == "shift_jis": return "=?Shift_JIS?B?" + base64.b64encode(v.encode("cp932")).decode() + "?="
    return Header(v, cs).encode()


def addr(nm, em, cs):
    if not nm: return em
    if cs == "shift_jis": return f"{enc_hdr(nm, cs)} <{em}>"
    return formataddr((nm, em), charset=cs)


def html_of(text):
    import html as h
    paras = text.split("\n\n")
    return ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:'Meiryo UI'\">"
            + "".join("<p>" + h.escape(p).replace("\n", "<br>\n") + "</p>\n" for p in paras) + "</body></html>")


def text_part(text, cs, sub="plain"):
    if cs == "shift_jis":
        p = MIMEBase("text", sub); p.set_payload(text.replace("\n", "\r\n").encode("cp932")); encoders.encode_base64(p)
        p.set_param("charset", "Shift_JIS"); return p
    return MIMEText(text, sub, cs)


def build(n, s, to, cc, bcc, subject, text, atts, when, cs, layout, reply, html=None, mailer=None):
    if cs != "utf-8":
        try:
            probe = text + subject + "".join(nm or "" for nm, _ in list(to) + list(cc) + list(bcc)) + s.name + "".join(a[0] for a in atts)
            probe.encode("cp932" if cs == "shift_jis" else cs)
        except UnicodeEncodeError:
            cs = "utf-8"
    if layout == "html":
        body = MIMEText(html or html_of(text), "html", "utf-8")
    elif layout == "alt":
        body = MIMEMultipart("alternative"); body.attach(text_part(text, cs)); body.attach(MIMEText(html or html_of(text), "html", "utf-8"))
    else:
        body = text_part(text, cs)
    if atts:
        m = MIMEMultipart("mixed"); m.attach(body)
        for fn, data, ctype in atts:
            mt, st = ctype.split("/")
            a = MIMEBase(mt, st); a.set_payload(data); encoders.encode_base64(a)
            if mt == "text":
                try: data.decode("utf-8"); a.set_param("charset", "utf-8")
                except UnicodeDecodeError: a.set_param("charset", "Shift_JIS")
            if cs == "utf-8" or fn.isascii():
                v = fn if fn.isascii() else ("utf-8", "", fn)
                a.add_header("Content-Disposition", "attachment", filename=v); a.set_param("name", v)
            else:  # RFC 2047 names, as many Japanese mailers write them
                v = enc_hdr(fn, cs)
                a.add_header("Content-Disposition", "attachment", filename=v); a.set_param("name", v)
            m.attach(a)
    else:
        m = body
    m["From"] = addr(s.name, s.email, cs)
    m["To"] = ", ".join(addr(a, b, cs) for a, b in to) if to else "undisclosed-recipients:;"
    if cc: m["Cc"] = ", ".join(addr(a, b, cs) for a, b in cc)
    if bcc: m["Bcc"] = ", ".join(addr(a, b, cs) for a, b in bcc)
    m["Subject"] = enc_hdr(subject, cs)
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(idstring=f"m2-{n:04d}", domain=ME_DOM)
    if reply:
        m["In-Reply-To"] = reply; m["References"] = reply
    m["X-Mailer"] = mailer or {"utf-8": R.choice(["Microsoft Outlook 16.0", "Thunderbird 128.4", "Microsoft Outlook 16.0"]),
                               "iso-2022-jp": R.choice(["Becky! ver. 2.82.01", "Denbun Mail", "Microsoft Outlook 16.0"]),
                               "shift_jis": R.choice(["Active! mail 6", "Shuriken 2014"])}[cs]
    return m.as_bytes(), cs


M0 = dt.datetime(2026, 11, 2, tzinfo=JST)
LABELS, FILES, STAT = [], [], Counter()


def T(): return when_in(M0, 27)


def P(p): return (p.name, p.email)


def codes_ext(s, ppl):
    c = ["external_recipient"]
    if any(p.email not in SENT[s.email] for p in ppl): c.append("first_time_recipient")
    return c


def emit(s, to, cc, subject, text, atts, expected, codes, kind, note, bcc=(), cs=None, layout=None, reply=None, html=None, when=None):
    n = len(LABELS) + 1
    if cs is None: cs = R.choices(["utf-8", "iso-2022-jp", "shift_jis"], [0.8, 0.13, 0.07])[0]
    if layout is None: layout = R.choices(["plain", "alt", "html"], [0.76, 0.16, 0.08])[0]
    data, cs = build(n, s, to, cc, bcc, subject, text, atts, when or T(), cs, layout, reply, html)
    fn = f"messages/{n:04d}.eml"
    FILES.append((fn, data))
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(set(codes)), "kind": kind, "note": note})
    STAT[(cs, layout)] += 1


# ------------------------------------------------------------------ wording (an accounting firm's)
def kabu(o, style):
    """How a writer names organisation o: official, (株) abbreviations, legal form moved, half-width kana, short name."""
    if style == "official": return o.name
    if style == "abbr":
        x = o.name.replace("株式会社", R.choice(["(株)", "（株）", "㈱"])).replace("有限会社", "(有)")
        return x
    if style == "moved" and o.name.startswith("株式会社"): return o.core + "株式会社"
    if style == "moved" and o.name.endswith("株式会社"): return "株式会社" + o.core
    if style == "hk" and o.hk: return o.hk + R.choice(["(株)", "(ｶ)", ""])
    if style == "short": return o.short
    return o.name


def sal(o, p, style=None):
    style = style or R.choice(["co_dept_title", "co_last", "abbr_last", "co_full_name", "moved_last", "hk_last", "short_sama"])
    dept = p.dept if p.dept not in ("所長", "代表", "弁護士", "パートナー") else ""
    title = p.title or ""
    if style == "co_dept_title":
        return f"{kabu(o, 'official')}\n{dept}　{title}\n{p.last}様".replace("\n　\n", "\n").replace("　\n", "\n")
    if style == "co_last": return f"{kabu(o, 'official')}　{p.last}様"
    if style == "abbr_last": return f"{kabu(o, 'abbr')}\n{dept} {p.last}様"
    if style == "co_full_name": return f"{kabu(o, 'official')}\n{p.last} {p.first} 様"
    if style == "moved_last": return f"{kabu(o, 'moved')}\n{p.last}様"
    if style == "hk_last": return f"{kabu(o, 'hk' if o.hk else 'abbr')}\n{p.last}様"
    if style == "short_sama": return f"{o.short}様\n（{dept}　{p.last}様）" if dept else f"{o.short}様\n{p.last}様"
    if style == "onchu": return f"{kabu(o, 'official')}\n{dept or '総務部'}　御中"
    if style == "onchu_co": return f"{kabu(o, 'official')} 御中"
    if style == "first": return f"{p.first}さん"
    return f"{o.name}\n{p.last}様"


GREET = ["いつも大変お世話になっております。", "平素は格別のお引き立てを賜り、誠にありがとうございます。", "いつもお世話になっております。",
         "ご無沙汰しております。", "先日はお時間をいただきありがとうございました。", "お世話になります。"]
INTRO = ["{me}の{last}です。", "{me} {dept}の{last}でございます。", "{me}、担当の{last}です。", "{me}の{last}（{dept}）です。"]
ENDS = ["以上、よろしくお願いいたします。", "お手数をおかけしますが、よろしくお願い申し上げます。", "ご査収のほどよろしくお願いいたします。",
        "ご不明な点は{last}までお気軽にどうぞ。", "取り急ぎご連絡まで。"]


def sig(s, en=False):
    if en:
        return f"Best regards,\n\n{s.fr.capitalize()} {s.lr.upper()}\nMinase Accounting (Tax Accountant Corporation)\nTel +81-6-6312-4408 / {s.email}"
    t = f"{s.title} " if s.title else ""
    if s.sig == "A": return f"--\n{ME}\n{s.dept} {t}{s.last} {s.first}\nTEL {ME_TEL} / FAX 06-6312-4409\n{s.email}"
    if s.sig == "B": return f"━━━━━━━━━━━━━━━━━━━━\n {ME}\n {ME_ADDR}\n {s.dept}　{s.last} {s.first}（{s.lkana} {s.fkana}）\n━━━━━━━━━━━━━━━━━━━━"
    if s.sig == "C": return f"＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊\n{s.last} {s.first}\n{ME_SHORT}（{ME}） {s.dept}\n直通：06-6312-44{R.randint(10, 99)}\n＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊"
    return f"{ME_SHORT} {s.last}\n{ME_TEL}"


def letter(s, o, p, mid, style=None, greet=None, end=None):
    g = greet or R.choice(GREET)
    intro = R.choice(INTRO).format(me=R.choice([ME_SHORT, ME]), last=s.last, dept=s.dept)
    e = (end or R.choice(ENDS)).format(last=s.last)
    return "\n\n".join([sal(o, p, style), g + "\n" + intro, mid, e, sig(s)]) + "\n"


TOPICS = {
    "trial": ("{m}月度 月次試算表のご送付", "{m}月度の試算表がまとまりましたので添付にてお送りします。\n売上は前年同月比でほぼ横ばい、販管費がやや増えております。\n次回訪問時に詳しくご説明いたします。"),
    "invoice": ("{m}月分 顧問報酬のご請求", "{m}月分の顧問報酬の請求書をお送りいたします。\nお支払いは月末までにお願いできれば幸いです。"),
    "settle": ("決算報告書（案）のご確認", "決算報告書の案を作成いたしました。\n役員報酬と減価償却の扱いをご確認いただき、修正点があればお知らせください。"),
    "visit": ("次回ご訪問日の件", "次回のご訪問ですが、{d1}または{d2}の午後はいかがでしょうか。\n領収書綴りと通帳のコピーをご用意いただけますと助かります。"),
    "nencho": ("年末調整のご準備について", "今年も年末調整の時期となりました。\n扶養控除等申告書と保険料控除申告書を、12月5日までに回収いただけますでしょうか。\n回収後は原本をそのまま弊所へお送りください。"),
    "invoice_no": ("インボイス登録番号のご確認", "取引先の適格請求書発行事業者の登録番号について、\n3社ほど確認が取れていないものがございます。\n該当の請求書を次回拝見させてください。"),
    "tax": ("消費税 中間納付のご案内", "消費税の中間納付額が確定しましたのでお知らせします。\n納付期限は11月30日です。納付書は郵送いたしました。"),
    "asset": ("償却資産申告の準備", "来年1月の償却資産申告に向けて、今年取得した固定資産の一覧をお送りいただけますでしょうか。\n10万円以上のものが対象です。"),
}


def jd(d): return f"{d.month}月{d.day}日（{'月火水木金土日'[d.weekday()]}）"


def fill(t, when):
    d = [when + dt.timedelta(days=k) for k in (3, 5, 8)]
    return t.format(m=10, d1=jd(d[0]), d2=jd(d[1]), d3=jd(d[2]))


def quote(style, frm_name, frm_mail, to_txt, subj, when, body_lines):
    ts = f"{when.year}年{when.month}月{when.day}日 {when.hour}:{when.minute:02d}"
    if style == ">":
        return f"{ts} {frm_name} <{frm_mail}>:\n" + "\n".join("> " + ln for ln in body_lines)
    if style == "＞":
        return f"--- {frm_name}様 wrote ({ts}) ---\n" + "\n".join("＞" + ln for ln in body_lines)
    # Outlook, Japanese headers
    return ("________________________________\n" f"差出人: {frm_name} <{frm_mail}>\n" f"送信日時: {ts}\n" f"宛先: {to_txt}\n"
            f"件名: {subj}\n\n" + "\n".join(body_lines))


def known_pair(s=None, need=None):
    for _ in range(2000):
        s2 = s or R.choice(AUD)
        o = R.choice([x for x in s2.owns if x.kind == "client" and x is not NW] or s2.owns)
        ppl = [p for p in o.people if known(s2, p) and not p.en]
        if need: ppl = [p for p in ppl if need(p)]
        if ppl: return s2, o, R.choice(ppl)
    raise RuntimeError("no known pair")


def other_client(s, not_o):
    opts = [x for x in s.owns if x.kind == "client" and x is not not_o and x is not NW]
    return R.choice(opts) if opts else R.choice([x for x in CLIENTS if x is not not_o and x is not NW])


# ------------------------------------------------------------------ OK scenarios
def ok_routine(k):
    style = ["co_dept_title", "co_last", "abbr_last", "co_full_name", "moved_last", "hk_last", "short_sama"][k % 7]
    s, o, p = known_pair(need=(lambda p: bool(p.org.hk)) if style == "hk_last" else None)
    t = R.choice(["visit", "nencho", "invoice_no", "tax", "asset"])
    when = T(); subj, mid = TOPICS[t]
    cc = [R.choice([q for q in o.people if q is not p])] if R.random() < 0.3 and len(o.people) > 1 else []
    emit(s, [P(p)], [P(q) for q in cc], fill(subj, when), letter(s, o, p, fill(mid, when), style), [], "ok",
         codes_ext(s, [p] + cc), "ok_routine", f"{o.name} {p.name} (usual contact), salutation style {style}", when=when)


def ok_onchu(k):
    s, o, p = known_pair()
    when = T()
    subj, mid = ("年末調整説明資料の送付", "年末調整の説明資料を添付いたします。\n従業員の皆様への配布用にお使いください。") if k % 2 else TOPICS["tax"]
    atts = [A("年末調整のしおり_2026.pdf", pdf(["年末調整のしおり（2026年分）", "扶養控除等申告書の書き方", "保険料控除申告書の書き方", ME], "年末調整のしおり"))] if k % 2 else []
    emit(s, [P(p)], [], subj, letter(s, o, p, mid, R.choice(["onchu", "onchu_co"])), atts, "ok", codes_ext(s, [p]),
         "ok_onchu_salutation", f"{o.name} addressed 御中 only, sent to {p.name} there", when=when)


def ok_english(k):
    s = R.choice(AUD)
    p = [x for x in NW.people if x.en][k]
    body = (f"Dear {'Ms.' if p.first in ('Emily', 'Laura') else 'Mr.'} {p.last},\n\nThank you for your e-mail. "
            + ["Please find attached the trial balance for October. The consumption tax interim payment is due on 30 November.",
               "As discussed, the corporate tax return draft will be ready by the end of this month. Could you send us the fixed asset list?",
               "We have received the invoices from your headquarters. There are two items that need your confirmation.",
               "Regarding the year-end adjustment, we will send the forms for your Japanese employees next week."][k]
            + "\n\nIf you have any questions, please let me know.\n\n" + sig(s, en=True) + "\n")
    atts = [trial_balance(NW, 10, "pdf")] if k == 0 else []
    emit(s, [P(p)], [], ["Trial balance October 2026", "Corporate tax return - schedule", "RE: Invoices from HQ", "Year-end adjustment forms"][k],
         body, atts, "ok", codes_ext(s, [p]), "ok_english", f"English mail to {p.name} at {NW.name}", cs="utf-8")


def ok_first_name(k):
    s, o, p = known_pair()
    mid = R.choice(["先日の件、社長にも確認いただけたとのことで安心しました。\n書類は来週の訪問時に回収しますね。",
                    "領収書の件、了解です！\n残りは月末にまとめていただければ大丈夫です。"])
    text = f"{sal(o, p, 'first')}\n\nお疲れさまです、{s.last}です。\n\n{mid}\n\n{s.last}\n"
    emit(s, [P(p)], [], "Re: 領収書の件", text, [], "ok", codes_ext(s, [p]), "ok_casual_first_name",
         f"casual mail to long-time contact {p.name} ({o.name}) by first name", reply=make_msgid(domain=o.domain))


def ok_internal(k):
    s = R.choice(STAFF)
    to = R.sample([x for x in STAFF if x is not s], R.choice([1, 2, 3]))
    o = R.choice([x for x in s.owns if x.kind == "client"] or CLIENTS)
    atts, note = [], ""
    if k % 4 == 0:
        n = R.randint(40, 180); atts = [staff_list(o, n, R.choice(["xlsx", "csv"]))]
        mid = f"{o.short}様の年末調整対象者一覧（{n}名）です。チェックをお願いします。"; note = f"{n}-row staff list of {o.name}, internal only"
    elif k % 4 == 1:
        q = R.choice(o.people)
        mid = (f"{o.short}様から以下の問い合わせがありました。対応方針を相談させてください。\n\n" +
               quote("outlook", q.name, q.email, s.name, "役員報酬の件", T(), [f"{s.last}様", "", "お世話になっております。", "来期から役員報酬を変更したいのですが、手続きを教えてください。", "", f"{o.name} {q.name}"]))
        note = f"forward of {o.name}'s question to colleagues"
    elif k % 4 == 2:
        o2 = other_client(s, o)
        mid = f"今週の訪問予定です。\n・{o.short}様：11/10 14時\n・{o2.short}様：11/12 10時\n車の手配をお願いします。"; note = "internal schedule naming two clients"
    else:
        sens, n = sensitive(o, "med", "xlsx"); atts = [sens]
        mid = f"{o.short}様の医療費控除の明細、社長のご家族分を含めて{n}件あります。確定申告用にレビューお願いします。"; note = "sensitive data, internal only"
    text = "、".join(f"{x.last}さん" for x in to) + "\n\nお疲れさまです。" + s.last + "です。\n\n" + mid + "\n\n" + f"{s.last}\n"
    emit(s, [P(x) for x in to], [], R.choice(["【所内】", "【共有】", ""]) + f"{o.short}様の件", text, atts, "ok", [], "ok_internal", note)


def ok_att_match(k):
    s, o, p = known_pair()
    when = T()
    kind = ["trial_pdf", "trial_xlsx", "invoice_pdf", "invoice_xlsx", "settle", "zip", "trial_csv", "settle", "invoice_pdf"][k % 9]
    if kind.startswith("trial"):
        att = trial_balance(o, 10, kind.split("_")[1]); subj, mid = TOPICS["trial"]
    elif kind.startswith("invoice"):
        att = fee_invoice(o, 10, kind.split("_")[1]); subj, mid = TOPICS["invoice"]
    elif kind == "settle":
        att = settlement_doc(o); subj, mid = TOPICS["settle"]
    else:
        a1, a2 = trial_balance(o, 10, "pdf"), fee_invoice(o, 10, "pdf")
        att = A(f"{o.short}_10月分資料.zip", zip_([(a1[0], a1[1]), (a2[0], a2[1])])); subj, mid = "10月分 資料一式", "10月分の試算表と請求書をZIPにまとめてお送りします。"
    emit(s, [P(p)], [], fill(subj, when), letter(s, o, p, fill(mid, when)), [att], "ok", codes_ext(s, [p]),
         "ok_attachment_match", f"{att[0]} for {o.name}, sent to {p.name} there", when=when)


def ok_own_data(k):
    s, o, p = known_pair()
    n = R.randint(15, 120)
    if k < 3:
        att = payslips(o, n, R.choice(["xlsx", "csv"])); mid = f"11月支給分の給与計算が完了しました。{n}名分の支給一覧をお送りします。\n振込データは別途お送りします。"
        note = f"{o.name}'s own payroll ({n} employees) returned to {p.name} there"; codes = ["external_recipient", "pii_in_attachment"]
    else:
        pw = f"Mk{R.randint(1000, 9999)}{R.choice('abcdefgh')}"
        inner = staff_list(o, n, "csv")
        att = A(f"{o.short}_年末調整.zip", zip_pw([(inner[0], inner[1])], pw))
        mid = f"年末調整の対象者一覧（{n}名）をお送りします。\nパスワードは別メールでお知らせします。"
        note = f"{o.name}'s own staff list ({n} rows) in a password ZIP back to {p.name} there (password {pw})"
        codes = ["external_recipient", "pii_in_attachment", "unscannable_attachment"]
    emit(s, [P(p)], [], "給与・年末調整データのご送付", letter(s, o, p, mid), [att], "ok", codes + codes_ext(s, [p])[1:],
         "ok_client_own_data", note)


def same_surname_others(p, by_kana=False):
    if by_kana:  # same reading, other kanji (斎藤 / 斉藤)
        return [q for q in PEOPLE if q.lkana == p.lkana and q.last != p.last and q.org is not p.org]
    return [q for q in PEOPLE if q.last == p.last and q.org is not p.org and q.email != p.email]


def ok_same_surname(k):
    by_kana = k % 3 == 2
    s, o, p = known_pair(need=lambda p: bool(same_surname_others(p, by_kana)))
    when = T(); t = R.choice(["trial", "visit", "settle", "asset"])
    subj, mid = TOPICS[t]
    atts = [trial_balance(o, 10, "pdf")] if t == "trial" else [settlement_doc(o)] if t == "settle" else []
    others = same_surname_others(p, by_kana)
    emit(s, [P(p)], [], fill(subj, when), letter(s, o, p, fill(mid, when), R.choice(["co_last", "co_full_name", "abbr_last", "co_dept_title"])),
         atts, "ok", codes_ext(s, [p]), "ok_same_surname_right_company",
         f"{p.name} at {o.name} (right); {'same reading, other kanji,' if by_kana else 'same surname'} also at {others[0].org.name} ({others[0].name})", when=when)


def ok_bcc(k):
    s = R.choice(STAFF)
    pool = [p for p in PEOPLE if p.org.kind == "client" and not p.en]
    n = R.randint(12, 40)
    bcc = R.sample(pool, n)
    subj, mid = [("年末年始休業のお知らせ", "誠に勝手ながら、弊所は12月27日（土）から1月4日（日）まで休業とさせていただきます。"),
                 ("【ご案内】インボイス制度 改正点説明会", "来年度の改正点について、オンライン説明会を開催いたします。\n日時：12月3日（水）15時〜16時"),
                 ("年末調整 資料提出期限のお知らせ", "年末調整資料の提出期限は12月5日（金）です。ご協力をお願いいたします。"),
                 ("事務所移転のご挨拶", "このたび弊所は下記へ移転いたしました。\n" + ME_ADDR)][k % 4]
    text = f"{R.choice(['顧問先各位', 'お取引先各位', '関係者各位'])}\n\n{R.choice(GREET[:2])}\n\n{mid}\n\n※本メールはBCCにてお送りしております。\n\n{sig(s)}\n"
    to = [(ME_SHORT, s.email)] if k % 2 else []
    emit(s, to, [], subj, text, [], "ok", ["external_recipient", "first_time_recipient"], "ok_announcement_bcc",
         f"{n} clients in Bcc ({len({p.org.id for p in bcc})} organisations), To {'self' if to else 'empty'}", bcc=[P(p) for p in bcc])


def ok_reply_quote(k):
    s, o, p = known_pair()
    o2 = R.choice([x for x in ORG if x is not o and x.kind == "client"])
    when = T(); style = [">", "＞", "outlook"][k % 3]
    qb = [f"{s.last}様", "", "いつもお世話になっております。", f"{o2.name}さんから届いた請求書ですが、インボイス番号が記載されていません。",
          "このまま経費にして問題ないでしょうか。", "", f"{o.name} {p.name}"]
    q = quote(style, p.name, p.email, f"{s.name} <{s.email}>", "請求書の件", when - dt.timedelta(days=1), qb)
    mid = "ご確認ありがとうございます。\n登録番号のない請求書でも、経過措置により一定割合は控除できます。\n念のため先方に登録状況をご確認いただくのがよいと思います。"
    emit(s, [P(p)], [], "Re: 請求書の件", letter(s, o, p, mid, R.choice(["co_last", "abbr_last"])) + "\n" + q + "\n", [], "ok",
         codes_ext(s, [p]), "ok_reply_quoting_other_company", f"reply to {p.name} ({o.name}); {o2.name} named as the client's supplier, quote style {style}",
         reply=make_msgid(domain=o.domain), when=when)


def ok_two_companies(k):
    if k % 3 == 0:   # group companies: both are clients, one person handles both
        o, o2 = [x for x in CLIENTS if x.short == "東雲HD"][0], [x for x in CLIENTS if x.short == "東雲不動産"][0]
        s = next((x for x in AUD if o in x.owns), AUD[0]); p = R.choice(o.people)
        mid = f"{o2.name}様との連結決算の件です。\nグループ内取引（家賃・業務委託料）の相殺消去表を作成しましたのでご確認ください。"
        att = [A("グループ内取引_相殺消去表.xlsx", xlsx("相殺", [[f"{o.name} / {o2.name} グループ内取引"], ["科目", "金額"], ["受取家賃", money()], ["業務委託料", money()]]))]
        note = f"to {o.name}; body and attachment also name group company {o2.name} legitimately"
    elif k % 3 == 1:  # client's 社労士 named in the body
        s, o, p = known_pair(); o2 = PARTNERS[0]; att = []
        mid = f"社会保険の算定については、{o2.name}の先生にご確認いただくのが確実です。\n給与データは先生へも共有して差し支えない旨、念のためご確認させてください。"
        note = f"to {o.name}; names their 社労士 {o2.name}"
    else:            # the client's customer that is also our client, as a trading partner
        o = [x for x in CLIENTS if x.short == "丸高食品"][0]; o2 = [x for x in CLIENTS if x.short == "丸高運輸"][0]
        s = next((x for x in AUD if o in x.owns), AUD[0]); p = R.choice(o.people); att = []
        mid = f"{o2.short}様への運賃の支払いが10月は2回計上されているようです。\n二重計上でなければ、内容を教えていただけますでしょうか。"
        note = f"to {o.name}; body names its carrier {o2.name} (a trading partner) legitimately"
    emit(s, [P(p)], [], "ご確認のお願い", letter(s, o, p, mid), att, "ok", codes_ext(s, [p]), "ok_two_companies_named", note)


def ok_partner_cc(k):
    s, o, p = known_pair()
    part = PARTNERS[k % 3]; q = R.choice(part.people)
    mid = {0: f"算定基礎の資料を{part.short}の{q.last}先生にもCCで共有いたします。", 1: f"融資申込みに必要な決算書の写しについて、{part.short}の{q.last}様をCCに入れております。",
           2: f"給与計算の締め日変更について、代行会社の{part.short} {q.last}様にもCCしております。"}[k % 3]
    text = f"{o.name}\n{p.last}様\n（CC：{part.name} {q.last}様）\n\n{R.choice(GREET)}\n{ME_SHORT}の{s.last}です。\n\n{mid}\nご不明点があれば皆様からご連絡ください。\n\n{sig(s)}\n"
    emit(s, [P(p)], [P(q)], "三者でのご確認", text, [], "ok", codes_ext(s, [p, q]), "ok_client_with_partner_cc",
         f"to {p.name} ({o.name}), Cc the client's {part.name} {q.name}, both named in the salutation")


def ok_fwd_internal(k):
    s, o, p = known_pair()
    c = R.choice([x for x in STAFF if x is not s])
    n = R.randint(8, 30)
    rows = "\n".join(f"{r[0]}\t{r[1]}\t{r[2]}" for r in emp_rows(n, ["氏名", "生年月日", "住所"]))
    text = (f"{c.last}さん\n\n給与計算の引継ぎです。{o.short}様から届いた扶養親族の一覧を転送します。\n\n" +
            f"-------- 転送メッセージ --------\n差出人: {p.name} <{p.email}>\n件名: 扶養親族の一覧\n\n{s.last}様\n\n今年の扶養親族です。\n{rows}\n\n{p.name}\n")
    emit(s, [P(c)], [], "FW: 扶養親族の一覧", text, [], "ok", [], "ok_forward_internal", f"forward of {o.name}'s {n}-row list to colleague {c.name}")


def ok_first_mail(k):
    s = R.choice(AUD)
    cands = [p for o in s.owns if o.kind == "client" for p in o.people if not p.en and (p.email in NEVER or not known(s, p))]
    if k % 2 and cands:
        p = R.choice(cands); o = p.org; note = f"first mail to {p.name}, in contacts, at known client {o.name}"
    else:
        o = R.choice([x for x in s.owns if x.kind == "client" and x is not NW]); L, F = rnd_last(), R.choice(FIRSTS)
        p = Person(last=L[0], first=F[0], email=f"{F[2].lower()}.{L[2].lower()}.new@{o.domain}", org=o, en=False, dept="経理部", title="")
        note = f"first mail to a new person {p.name} (not in contacts) at known client {o.name}"
    mid = f"前任の方から{p.last}様がご担当になられたと伺いました。\n今後の月次資料は{p.last}様宛にお送りしてよろしいでしょうか。"
    text = f"{sal(o, p, 'co_last')}\n\n{R.choice(['はじめてご連絡いたします。', '突然のご連絡失礼いたします。'])}\n{ME}の{s.last}と申します。\n\n{mid}\n\n{sig(s)}\n"
    emit(s, [P(p)], [], "ご担当変更のご挨拶", text, [], "ok", ["external_recipient", "first_time_recipient"], "ok_first_mail_known_company", note)


# ------------------------------------------------------------------ risky scenarios
def pick_doc(o, k):
    return [lambda: trial_balance(o, 10, R.choice(["pdf", "xlsx"])), lambda: fee_invoice(o, 10, "pdf"),
            lambda: settlement_doc(o), lambda: payslips(o, R.randint(8, 40))][k % 4]()


def risky_same_surname(k):
    where = ["to", "to", "cc", "bcc"][k % 4]
    by_kana = k % 5 == 4
    if where == "to":
        s, o, p = known_pair(need=lambda p: bool(same_surname_others(p, by_kana)))
        q = R.choice(same_surname_others(p, by_kana))
        when = T(); t = R.choice(["trial", "invoice", "settle", "visit"]); subj, mid = TOPICS[t]
        atts = [pick_doc(o, ["trial", "invoice", "settle"].index(t))] if t != "visit" else []
        codes = ["content_recipient_mismatch", "similar_recipient"] + codes_ext(s, [q])[1:] + (["attachment_recipient_mismatch"] if atts else [])
        if atts and "給与" in atts[0][0]: codes.append("pii_in_attachment")
        emit(s, [P(q)], [], fill(subj, when), letter(s, o, p, fill(mid, when), R.choice(["co_last", "co_full_name", "abbr_last", "co_dept_title", "moved_last"])),
             atts, "risky", codes, "same_surname_wrong_company",
             f"salutation {o.name} {p.last}, To is {q.name} <{q.email}> at {q.org.name}{' (same reading, other kanji)' if q.last != p.last else ''}", when=when)
        return
    # Cc / Bcc: the intended second person r at o shares a surname with q elsewhere; q was picked instead
    for _ in range(3000):
        s, o, p = known_pair()
        rs = [r for r in o.people if r is not p and same_surname_others(r)]
        if rs: break
    r = R.choice(rs); q = R.choice(same_surname_others(r))
    when = T(); subj, mid = TOPICS[R.choice(["trial", "settle"])]
    att = trial_balance(o, 10, "pdf") if "試算" in subj else settlement_doc(o)
    if where == "cc":
        text = letter(s, o, p, fill(mid, when) + f"\n（{r.last}様にもCCでお送りしております）", "co_last")
        to, cc, bcc = [P(p)], [P(q)], []
    else:
        text = letter(s, o, p, fill(mid, when) + f"\n※{r.dept}の{r.last}様にはBCCにて共有させていただきます。", "co_last")
        to, cc, bcc = [P(p)], [], [P(q)]
    codes = ["content_recipient_mismatch", "multiple_external_orgs", "similar_recipient", "attachment_recipient_mismatch"] + codes_ext(s, [q])[1:]
    emit(s, to, cc, fill(subj, when), text, [att], "risky", codes, "same_surname_wrong_company",
         f"To {p.name} ({o.name}) right; meant {r.name} of {o.name} in {where.upper()}, got {q.name} <{q.email}> at {q.org.name}", bcc=bcc, when=when)


def risky_wrong_att(k):
    s, o, p = known_pair()
    o2 = other_client(s, o)
    when = T()
    if k % 3 == 0: subj, mid = TOPICS["trial"]; att = trial_balance(o2, 10, R.choice(["pdf", "xlsx", "csv"]))
    elif k % 3 == 1: subj, mid = TOPICS["invoice"]; att = fee_invoice(o2, 10, R.choice(["pdf", "xlsx"]))
    else: subj, mid = TOPICS["settle"]; att = settlement_doc(o2)
    if k % 4 == 3:
        att = A(f"{R.choice(['10月分資料', '送付資料', '決算資料'])}.zip", zip_([(att[0], att[1])]))
    emit(s, [P(p)], [], fill(subj, when), letter(s, o, p, fill(mid, when)), [att], "risky",
         ["attachment_recipient_mismatch"] + codes_ext(s, [p])[1:], "wrong_attachment",
         f"to {p.name} ({o.name}); attachment {att[0]} is {o2.name}'s", when=when)


def risky_open_list(k):
    s = R.choice(STAFF)
    ppl = R.sample([p for p in PEOPLE if p.org.kind == "client"], R.randint(8, 30))
    subj, mid = [("年末年始休業のお知らせ", "12月27日から1月4日まで休業いたします。"), ("年末調整説明会のご案内", "11月20日に年末調整説明会を開催します。ご参加ください。"),
                 ("顧問料改定のお願い", "来年4月より顧問料を改定させていただきたく、ご案内申し上げます。")][k % 3]
    text = f"顧問先各位\n\n{GREET[1]}\n\n{mid}\n\n{sig(s)}\n"
    to, cc = ([P(x) for x in ppl], []) if k % 2 == 0 else ([(ME_SHORT, s.email)], [P(x) for x in ppl])
    emit(s, to, cc, subj, text, [], "risky", ["open_recipient_list", "multiple_external_orgs"], "open_recipient_list",
         f"{len(ppl)} clients ({len({x.org.id for x in ppl})} organisations) visible in {'To' if k % 2 == 0 else 'Cc'}")


def typo_domain(d):
    name, tld = d.split(".", 1)
    ops = []
    if "i" in name: ops.append(name.replace("i", "l", 1))
    if "o" in name: ops.append(name.replace("o", "0", 1))
    if "-" in name: ops.append(name.replace("-", "", 1))
    if "sh" in name: ops.append(name.replace("sh", "s", 1))
    if "m" in name: ops.append(name.replace("m", "rn", 1))
    j = R.randrange(1, len(name) - 2)
    ops.append(name[:j] + name[j + 1] + name[j] + name[j + 2:])
    new = R.choice([x for x in ops if x != name])
    newtld = tld if R.random() < 0.75 else {"example": "test", "test": "example", "example.com": "example"}[tld]
    return f"{new}.{newtld}"


def risky_lookalike(k):
    s, o, p = known_pair()
    bad = f"{p.email.split('@')[0]}@{typo_domain(o.domain)}"
    when = T(); subj, mid = TOPICS[R.choice(["trial", "settle", "invoice"])]
    att = trial_balance(o, 10, "pdf") if "試算" in subj else settlement_doc(o) if "決算" in subj else fee_invoice(o, 10, "pdf")
    emit(s, [(p.name, bad)], [], fill(subj, when), letter(s, o, p, fill(mid, when)), [att], "risky",
         ["lookalike_domain", "similar_recipient", "first_time_recipient", "external_recipient"], "lookalike_domain",
         f"meant {p.email} ({o.name}), typed {bad}", when=when)


def risky_bulk(k):
    s, o, p = known_pair()
    n = R.randint(50, 400)
    wrong = [lambda: (R.choice(ORG[46].people), "クラウド会計ラボ support asked for a sample; real data sent"),
             lambda: (R.choice(other_client(s, o).people), "another client"),
             lambda: (R.choice(ORG[43].people), "printing company not engaged for this")][k % 3]()
    q, why = wrong
    att = staff_list(o, n, R.choice(["xlsx", "csv"]))
    if q.org.kind == "vendor":
        text = f"{q.org.name}\nサポートデスク ご担当者様\n\nお世話になっております。{ME}の{s.last}です。\n\n年末調整データの取込でエラーが出ます。\n実際のファイルを添付しますので原因を見ていただけますか。\n\n{sig(s)}\n"
        subj = "【問い合わせ】CSV取込エラー"
    else:
        text = letter(s, o, p, f"{o.short}様の年末調整対象者一覧（{n}名）をお送りします。", "co_last"); subj = "年末調整 対象者一覧"
    emit(s, [P(q)], [], subj, text, [att], "risky", ["bulk_pii", "pii_in_attachment", "content_recipient_mismatch"] + codes_ext(s, [q])[1:],
         "bulk_pii_external", f"{n}-row staff list of {o.name} to {q.name} at {q.org.name} ({why})")


def risky_sensitive(k):
    s, o, p = known_pair()
    kind = ["med", "dis", "leave"][k % 3]; fmt = ["xlsx", "csv", "docx", "pdf"][k % 4]
    att, n = sensitive(o, kind, fmt)
    q = R.choice((ORG[43] if k % 2 else other_client(s, o)).people)
    text = letter(s, o, p, f"{o.short}様の{att[0].rsplit('.', 1)[0].split('_', 1)[-1]}（{n}名分）を添付いたします。", "co_last")
    emit(s, [P(q)], [], "資料送付の件", text, [att], "risky", ["sensitive_pii", "pii_in_attachment", "content_recipient_mismatch"] + codes_ext(s, [q])[1:],
         "sensitive_pii_external", f"{kind} list of {o.name} ({n} people) to {q.name} at {q.org.name}")


def risky_autocomplete(k):
    for _ in range(3000):
        s, o, p = known_pair()
        twins = [x for x in PEOPLE if x.name == p.name and x.org is not o]
        if k % 2 == 0 or twins: break
    if k % 2 and twins:
        q = R.choice(twins); bad = q.email; note = f"meant {p.email} ({o.name}), autocomplete chose same-named {bad} at {q.org.name}"
    else:
        bad = f"{p.fr}.{p.lr}{R.randint(1, 99)}@{R.choice(FREEMAIL)}"; note = f"meant {p.email} ({o.name}), autocomplete chose same-named free-mail {bad}"
    att = payslips(o, R.randint(10, 60), R.choice(["xlsx", "csv"])) if k % 3 else staff_list(o, R.randint(10, 45), "xlsx")
    emit(s, [(p.name, bad)], [], "11月支給分 データ送付", letter(s, o, p, "11月支給分のデータをお送りいたします。"), [att], "risky",
         ["similar_recipient", "content_recipient_mismatch", "pii_in_attachment", "external_recipient"] + (["first_time_recipient"] if bad not in SENT[s.email] else []),
         "autocomplete_wrong_address", note)


def risky_pwzip(k):
    s, o, p = known_pair()
    n = R.randint(60, 300); pw = f"{R.choice(['Mn', 'Zx', 'Kt'])}{R.randint(10000, 99999)}"
    mo = [x for x in CLIENTS if x.short == "みなと観光協会"][0]
    data = member_list(mo, n)
    att = A("会員名簿_2026.zip", zip_pw([("会員名簿.csv", data)], pw))
    q = R.choice((ORG[43] if k % 2 else other_client(s, mo)).people)
    text = letter(s, mo, R.choice(mo.people), f"ご依頼の会員名簿（{n}件）の名寄せが終わりましたので、パスワード付きZIPでお返しします。パスワードは別途お送りします。", "co_last")
    emit(s, [P(q)], [], "会員名簿の送付", text, [att], "risky", ["unscannable_attachment", "bulk_pii", "pii_in_attachment", "content_recipient_mismatch"] + codes_ext(s, [q])[1:],
         "password_zip_customer_list", f"{mo.name}'s {n}-row member list, zip -P, to {q.name} at {q.org.name}, not the association (password {pw})")


def risky_cc_only_other(k):
    s, o, p = known_pair()
    o2 = other_client(s, o) if k % 2 else R.choice([x for x in CLIENTS if x is not o and x is not NW])
    q = R.choice(o2.people)
    when = T(); subj, mid = TOPICS[R.choice(["trial", "settle"])]
    att = trial_balance(o, 10, "pdf") if "試算" in subj else settlement_doc(o)
    emit(s, [P(p)], [P(q)], fill(subj, when), letter(s, o, p, fill(mid, when)), [att], "risky",
         ["multiple_external_orgs", "content_recipient_mismatch"] + codes_ext(s, [p, q])[1:], "other_org_only_in_cc",
         f"To {p.name} ({o.name}); Cc {q.name} <{q.email}> at {o2.name}, who the body and attachment never mention", when=when)


def risky_reply_all(k):
    s, o, p = known_pair()
    o2 = other_client(s, o); q = R.choice(o2.people)
    when = T()
    qb = [f"{ME_SHORT} {s.last}様", f"（CC：{o2.short} {q.last}様）", "", "先日の経営者勉強会ではありがとうございました。", "次回の日程は改めてご相談させてください。", "", f"{o.short} {p.last}"]
    n = R.randint(8, 30)
    att = payslips(o, n) if k % 2 else trial_balance(o, 10, "pdf")
    mid = f"勉強会の件とは別件ですが、{o.short}様の" + ("11月支給分の給与一覧" if k % 2 else "10月度試算表") + "をお送りします。"
    emit(s, [P(p)], [P(q)], "Re: 経営者勉強会のお礼", letter(s, o, p, mid, "co_last") + "\n" + quote(R.choice([">", "outlook"]), p.name, p.email, f"{s.name}; {q.name}", "経営者勉強会のお礼", when - dt.timedelta(days=3), qb) + "\n",
         [att], "risky", ["multiple_external_orgs", "content_recipient_mismatch", "attachment_recipient_mismatch"] + (["pii_in_attachment"] if k % 2 else []) + codes_ext(s, [p, q])[1:],
         "reply_all_keeps_other_client", f"reply-all to {p.name} ({o.name}) kept {q.name} ({o2.name}) in Cc from a joint thread; attachment is {o.name}'s",
         reply=make_msgid(domain=o.domain), when=when)


def risky_forward_pii(k):
    s, o, p = known_pair()
    n = R.randint(12, 40)
    rows = emp_rows(n, ["氏名", "生年月日", "住所", "電話番号"])
    body_rows = "\n".join("　".join(r) for r in rows)
    tgt = [lambda: R.choice(other_client(s, o).people), lambda: R.choice(ORG[40].people), lambda: R.choice(ORG[43].people)][k % 3]()
    fw = f"-------- 転送メッセージ --------\n件名: 扶養控除の対象者について\n日付: 2026/11/{R.randint(2, 9):02d}\n差出人: {p.name} <{p.email}>\n宛先: {s.name} <{s.email}>\n\n{s.last}様\n\n扶養の対象者を以下に記載します。\n{body_rows}\n\n{o.name} {p.name}\n"
    atts = [staff_list(o, n, "csv")] if k % 2 else []
    text = f"{tgt.org.name}\n{tgt.last}様\n\nお世話になっております。{ME_SHORT}の{s.last}です。\n\n先日ご相談の扶養控除の件、参考までに実例の転送をお送りします。\n\n{sig(s)}\n\n{fw}"
    emit(s, [P(tgt)], [], "FW: 扶養控除の対象者について", text, atts, "risky",
         ["bulk_pii", "content_recipient_mismatch"] + (["pii_in_attachment"] if atts else []) + codes_ext(s, [tgt])[1:],
         "forward_thread_with_other_pii", f"forward of {o.name}'s thread with {n} people's birth dates and addresses to {tgt.name} at {tgt.org.name}")


def risky_list_in_body(k):
    s, o, p = known_pair()
    n = R.randint(30, 80)
    rows = emp_rows(n, ["氏名", "フリガナ", "生年月日", "住所", "電話番号"])
    q = [lambda: R.choice(ORG[46].people), lambda: R.choice(other_client(s, o).people)][k % 2]()
    tbl = "\n".join(",".join(r) for r in [["氏名", "フリガナ", "生年月日", "住所", "電話番号"]] + rows)
    text = f"{q.org.name}\n{q.last}様\n\n{R.choice(GREET)}\n{ME_SHORT}の{s.last}です。\n\n下記のデータが正しく取り込めません（{o.short}様分）。\n\n{tbl}\n\n原因をご確認いただけますでしょうか。\n\n{sig(s)}\n"
    import html as h
    html = None
    if k % 3 == 2:
        html = ("<html><body><p>" + h.escape(f"{q.org.name} {q.last}様") + "</p><p>下記のデータが正しく取り込めません。</p><table border=1>"
                + "".join("<tr>" + "".join(f"<td>{h.escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table><p>" + h.escape(sig(s)).replace("\n", "<br>") + "</p></body></html>")
    emit(s, [P(q)], [], "データ取込についてのご相談", text, [], "risky", ["bulk_pii", "content_recipient_mismatch"] + codes_ext(s, [q])[1:],
         "customer_list_in_body_external", f"{n}-row list of {o.name}'s staff pasted in the body ({'HTML table' if html else 'CSV text'}) to {q.name} at {q.org.name}",
         layout="html" if html else None, html=html)


# ------------------------------------------------------------------ main
PLAN = [(ok_routine, 12), (ok_onchu, 4), (ok_english, 4), (ok_first_name, 3), (ok_internal, 8), (ok_att_match, 9),
        (ok_own_data, 5), (ok_same_surname, 9), (ok_bcc, 6), (ok_reply_quote, 7), (ok_two_companies, 5), (ok_partner_cc, 4),
        (ok_fwd_internal, 3), (ok_first_mail, 4),
        (risky_same_surname, 16), (risky_wrong_att, 9), (risky_open_list, 6), (risky_lookalike, 7), (risky_bulk, 6),
        (risky_sensitive, 6), (risky_autocomplete, 7), (risky_pwzip, 5), (risky_cc_only_other, 5), (risky_reply_all, 5),
        (risky_forward_pii, 5), (risky_list_in_body, 5)]


def main():
    jobs = [(f, k) for f, n in PLAN for k in range(n)]
    R.shuffle(jobs)
    for f, k in jobs: f(k)
    with open(os.path.join(OUT, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{ME}"\ninternal_domains = ["{ME_DOM}"]\n')
    with open(os.path.join(OUT, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "kana", "email", "organization"])
        for p in PEOPLE:
            w.writerow([p.name, f"{p.lkana} {p.fkana}".strip() if not p.en else "", p.email, p.org.name])
    with open(os.path.join(OUT, "history.jsonl"), "w", encoding="utf-8") as f:
        for r in HIST: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    md = os.path.join(OUT, "messages")
    shutil.rmtree(md, ignore_errors=True); os.makedirs(md)
    for fn, data in FILES:
        with open(os.path.join(OUT, fn), "wb") as f: f.write(data)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in LABELS: f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print(f"{len(PEOPLE)} contacts at {len(ORG)} organisations, {len(HIST)} history rows, {len(LABELS)} messages")
    print(Counter(lb["expected"] for lb in LABELS), dict(STAT))


if __name__ == "__main__":
    main()
