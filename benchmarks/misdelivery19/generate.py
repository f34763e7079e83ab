# ruff: noqa: B007, B905, E401, E501, E702, I001, RUF005, SIM201
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Generator of misdelivery19: outgoing mail of a made-up car dealer with an in-house 損害保険代理店.

Seed 1919. Rewrites mamori.toml, contacts.csv, history.jsonl, messages/, labels.jsonl. Written without reading the
guard (see README.md). PDFs use reportlab's built-in CID font HeiseiKakuGo-W5 (text extractable with pypdf).
"""
from __future__ import annotations

import csv, io, json, os, random, shutil
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, format_datetime, make_msgid

import openpyxl
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

R = random.Random(1919)
HERE = os.path.dirname(os.path.abspath(__file__))
DOM = "autogarden-shoyo.example"
ME = "株式会社オートガーデン湘陽"
JST = timezone(timedelta(hours=9))
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))

SUR = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"), ("田中", "タナカ", "tanaka"),
       ("渡辺", "ワタナベ", "watanabe"), ("伊藤", "イトウ", "ito"), ("小林", "コバヤシ", "kobayashi"), ("加藤", "カトウ", "kato"),
       ("吉田", "ヨシダ", "yoshida"), ("山口", "ヤマグチ", "yamaguchi"), ("松尾", "マツオ", "matsuo"), ("井上", "イノウエ", "inoue"),
       ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"), ("清水", "シミズ", "shimizu"), ("森本", "モリモト", "morimoto"),
       ("池田", "イケダ", "ikeda"), ("橋爪", "ハシヅメ", "hashizume"), ("石原", "イシハラ", "ishihara"), ("前川", "マエカワ", "maekawa"),
       ("藤原", "フジワラ", "fujiwara"), ("岡村", "オカムラ", "okamura"), ("長尾", "ナガオ", "nagao"), ("村瀬", "ムラセ", "murase"),
       ("坂口", "サカグチ", "sakaguchi"), ("野沢", "ノザワ", "nozawa"), ("大西", "オオニシ", "onishi"), ("宮崎", "ミヤザキ", "miyazaki"),
       ("小川", "オガワ", "ogawa"), ("堀内", "ホリウチ", "horiuchi"), ("杉山", "スギヤマ", "sugiyama"), ("桑原", "クワハラ", "kuwahara"),
       ("平野", "ヒラノ", "hirano"), ("菅原", "スガワラ", "sugawara"), ("内藤", "ナイトウ", "naito"), ("辻", "ツジ", "tsuji")]
GIV_M = [("健一", "ケンイチ", "kenichi"), ("健二", "ケンジ", "kenji"), ("大輔", "ダイスケ", "daisuke"), ("翔太", "ショウタ", "shota"),
         ("浩之", "ヒロユキ", "hiroyuki"), ("誠", "マコト", "makoto"), ("隆", "タカシ", "takashi"), ("拓也", "タクヤ", "takuya"),
         ("正人", "マサト", "masato"), ("和也", "カズヤ", "kazuya"), ("直樹", "ナオキ", "naoki"), ("修", "オサム", "osamu"),
         ("一郎", "イチロウ", "ichiro"), ("悠斗", "ユウト", "yuto"), ("博", "ヒロシ", "hiroshi"), ("剛", "ツヨシ", "tsuyoshi")]
GIV_F = [("美咲", "ミサキ", "misaki"), ("美紀", "ミキ", "miki"), ("由美", "ユミ", "yumi"), ("恵子", "ケイコ", "keiko"),
         ("陽子", "ヨウコ", "yoko"), ("彩", "アヤ", "aya"), ("真由美", "マユミ", "mayumi"), ("千尋", "チヒロ", "chihiro"),
         ("智子", "トモコ", "tomoko"), ("沙織", "サオリ", "saori"), ("麻衣", "マイ", "mai"), ("典子", "ノリコ", "noriko")]
GIV = GIV_M + GIV_F
COMMON = SUR[:6]


def person(force_common=0.35):
    s = R.choice(COMMON) if R.random() < force_common else R.choice(SUR)
    g = R.choice(GIV)
    return s, g


CONTACTS: list[dict] = []
BYMAIL: dict[str, dict] = {}


def add(name, kana, email, org, cat, **kw):
    c = dict(name=name, kana=kana, email=email, organization=org, cat=cat, **kw)
    assert email not in BYMAIL, email
    CONTACTS.append(c)
    BYMAIL[email] = c
    return c


# ---------------------------------------------------------------- internal staff
STAFF = [
    ("佐藤 拓也", "t.sato", "新車営業"), ("佐藤 由美", "y.sato", "事務・ローン"), ("岡村 直樹", "n.okamura", "新車営業"),
    ("前川 彩", "a.maekawa", "新車営業"), ("辻 浩之", "h.tsuji", "新車営業"), ("石原 和也", "k.ishihara", "法人営業"),
    ("大西 修", "o.onishi", "中古車営業"), ("杉山 千尋", "c.sugiyama", "中古車営業"), ("野沢 博", "h.nozawa", "サービス"),
    ("平野 正人", "m.hirano", "サービス"), ("菅原 智子", "t.sugawara", "サービス"), ("内藤 真由美", "m.naito", "保険"),
    ("田中 剛", "ts.tanaka", "保険"), ("桑原 麻衣", "m.kuwahara", "事務・ローン"), ("森本 典子", "n.morimoto", "事務・ローン"),
    ("長尾 誠", "m.nagao", "総務"), ("村瀬 陽子", "y.murase", "総務"), ("堀内 翔太", "s.horiuchi", "法人営業"),
]
KANA = {s[0]: s[1] for s in SUR}
KANA.update({g[0]: g[1] for g in GIV})
for nm, lp, dept in STAFF:
    s, g = nm.split()
    add(nm, f"{KANA[s]} {KANA[g]}", f"{lp}@{DOM}", ME, "internal", dept=dept)
STAFF_BY = {}
for c in CONTACTS:
    STAFF_BY.setdefault(c["dept"], []).append(c)

# ---------------------------------------------------------------- organisations
ORGS = [
    # name, domain, category, n contacts, dept label
    ("あおば信販株式会社", "aoba-shinpan.example", "shinpan", 4, "オートローン審査課"),
    ("株式会社ミライクレジット", "mirai-credit.test", "shinpan", 3, "オートクレジット部"),
    ("東和オートファイナンス株式会社", "towa-autofinance.example", "shinpan", 3, "審査センター"),
    ("みなと損害保険株式会社", "minato-sonpo.example", "sonpo", 5, "湘南損害サービス課"),
    ("大和路火災海上保険株式会社", "yamatoji-kasai.example", "sonpo", 4, "代理店営業部"),
    ("ひばり損害保険株式会社", "hibari-sonpo.test", "sonpo", 3, "自動車事故受付センター"),
    ("行政書士 森田法務事務所", "morita-gyosei.example", "gyosei", 2, ""),
    ("行政書士法人 はやしオフィス", "hayashi-office.test", "garage", 3, "車庫証明担当"),
    ("湘陽ボデー工業株式会社", "shoyo-body.example", "supplier", 3, "工場"),
    ("有限会社 丸協オートパーツ", "marukyo-parts.example", "supplier", 3, "営業"),
    ("カーペイント相模", "carpaint-sagami.test", "supplier", 2, ""),
    ("株式会社湘南ダイレクトメール", "shonan-dm.example", "supplier", 2, "制作部"),
    ("ミネルバ横浜南株式会社", "minerva-yokohamaminami.example", "dealer", 3, "業販課"),
    ("ミネルバ相模原販売株式会社", "minerva-sagamihara.example", "dealer", 3, "中古車部"),
    ("株式会社湘南ロジテック", "shonan-logitec.example", "fleet", 3, "総務部"),
    ("湘南ロジサービス株式会社", "shonanlogi-service.example", "fleet", 3, "管理部"),
    ("相模建設株式会社", "sagami-kensetsu.example", "fleet", 3, "総務課"),
    ("茅ヶ崎ガス株式会社", "chigasaki-gas.test", "fleet", 3, "車両管理室"),
    ("株式会社みどり介護サービス", "midori-kaigo.example", "fleet", 2, "本部"),
]
ORGD = {o[0]: o for o in ORGS}
ORG_PEOPLE: dict[str, list[dict]] = {}
used_lp: set = set()


def mk_lp(s, g, style=None):
    st = style if style is not None else R.randrange(4)
    return [f"{g[2][0]}.{s[2]}", f"{s[2]}", f"{s[2]}.{g[2]}", f"{g[2]}-{s[2]}"][st]


# planned twins at organisations (same full name at two organisations, same local part)
TWIN = {
    ("あおば信販株式会社", "株式会社ミライクレジット"): (SUR[1], GIV_M[4]),       # 鈴木 浩之
    ("みなと損害保険株式会社", "大和路火災海上保険株式会社"): (SUR[4], GIV_F[4]),  # 渡辺 陽子
    ("株式会社湘南ロジテック", "湘南ロジサービス株式会社"): (SUR[0], GIV_M[2]),     # 佐藤 大輔
    ("相模建設株式会社", "茅ヶ崎ガス株式会社"): (SUR[3], GIV_M[7]),                 # 田中 拓也
}
for (o1, o2), (s, g) in TWIN.items():
    for o in (o1, o2):
        add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", f"{g[2][0]}.{s[2]}@{ORGD[o][1]}", o, ORGD[o][2])
        ORG_PEOPLE.setdefault(o, []).append(BYMAIL[f"{g[2][0]}.{s[2]}@{ORGD[o][1]}"])
for name, dom, cat, n, dept in ORGS:
    while len(ORG_PEOPLE.get(name, [])) < n:
        s, g = person(0.4)
        lp = mk_lp(s, g)
        e = f"{lp}@{dom}"
        if e in BYMAIL:
            continue
        ORG_PEOPLE.setdefault(name, []).append(add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}" if R.random() > 0.1 else "", e, name, cat))
    if cat in ("shinpan", "sonpo", "supplier", "dealer"):
        ORG_PEOPLE[name].append(add("", "", f"{ {'shinpan': 'shinsa', 'sonpo': 'jiko-uketsuke', 'supplier': 'order', 'dealer': 'gyohan'}[cat]}@{dom}".replace(" ", ""), name, cat))

# ---------------------------------------------------------------- private customers
FREE = ["kurumail.example", "hanamail.test", "webbox.example.com", "mobi-post.test", "ezmail-jp.example", "nami-net.test"]
CUST_PLAN = [  # planned collisions: (surname idx, given) ...
    (0, "健一"), (0, "健二"), (0, "美咲"), (1, "一郎"), (1, "一郎"), (2, "美咲"), (2, "美紀"), (3, "誠"), (3, "誠"),
    (3, "由美"), (4, "隆"), (4, "隆"), (5, "和也"), (5, "千尋"), (7, "恵子"), (7, "恵子"),
]
GBY = {g[0]: g for g in GIV}
CUSTOMERS: list[dict] = []
for si, gn in CUST_PLAN:
    s, g = SUR[si], GBY[gn]
    for _ in range(20):
        lp = R.choice([f"{g[2][0]}.{s[2]}", f"{s[2]}.{g[2]}", f"{g[2]}{s[2][:3]}", f"{s[2]}{R.randrange(60, 99)}",
                       f"{g[2]}.{s[2]}{R.randrange(1, 9)}"])
        e = f"{lp}@{R.choice(FREE)}"
        if e not in BYMAIL:
            break
    CUSTOMERS.append(add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", e, f"個人（お客様 {s[0]} {g[0]} 様）", "customer"))
while len(CUSTOMERS) < 44:
    s, g = person(0.3)
    nm = f"{s[0]} {g[0]}"
    if any(c["name"] == nm for c in CUSTOMERS):
        continue
    e = f"{R.choice([g[2], g[2][0] + '.' + s[2], s[2] + '.' + g[2][:3]])}{R.choice(['', str(R.randrange(10, 99))])}@{R.choice(FREE)}"
    if e in BYMAIL:
        continue
    CUSTOMERS.append(add(nm, f"{s[1]} {g[1]}" if R.random() > 0.12 else "", e, f"個人（お客様 {nm} 様）", "customer"))

PREFS = ["神奈川県藤沢市", "神奈川県茅ヶ崎市", "神奈川県平塚市", "神奈川県鎌倉市", "神奈川県寒川町", "神奈川県大磯町"]
TOWNS = ["辻堂元町", "鵠沼海岸", "湘南台", "本宿町", "浜竹", "松浪", "見附町", "大船", "岡田", "高麗"]
CARS = ["ミネルバ アルテ", "ミネルバ ソレイユ", "ミネルバ グランツ", "ミネルバ ピコ", "ミネルバ ヴェルデ HV", "ミネルバ トラント バン"]
PLATE_OFF = ["湘南", "相模", "横浜"]


def plate():
    return f"{R.choice(PLATE_OFF)} {R.choice(['300', '330', '500', '580', '400', '480'])} {R.choice('あいうえかきくけこさすせそたちつてとなにぬねのはひふほまみむめもやゆよらりるろれわ')} {R.randrange(1, 99):>2}-{R.randrange(10, 99)}"


def license_no():
    d = [3, 0] + [int(x) for x in f"{R.randrange(0, 100):02d}"] + [R.randrange(10) for _ in range(6)]
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = sum(a * b for a, b in zip(d, w)) % 11
    cd = 0 if r <= 1 else 11 - r
    return "".join(map(str, d)) + str(cd) + str(R.randrange(0, 3))


def profile(c):
    if "prof" not in c:
        y = R.randrange(1955, 2001)
        c["prof"] = dict(
            birth=f"{y}年{R.randrange(1, 13)}月{R.randrange(1, 29)}日",
            addr=f"{R.choice(PREFS)}{R.choice(TOWNS)}{R.randrange(1, 6)}-{R.randrange(1, 30)}-{R.randrange(1, 20)}",
            zip=f"25{R.randrange(1, 9)}-{R.randrange(0, 10000):04d}", tel=f"090-{R.randrange(1000, 9999)}-{R.randrange(1000, 9999)}",
            lic=license_no(), car=R.choice(CARS), plate=plate(), vin=f"MNV{R.randrange(10, 99)}-{R.randrange(100000, 999999)}",
            code=f"C{R.randrange(100000, 999999)}", work=R.choice(["株式会社湘南精機", "藤沢市役所", "茅ヶ崎中央病院", "自営（飲食店）",
                                                                    "株式会社相模通運", "湘南信用金庫", "パート（スーパーマーケット）"]),
            income=R.randrange(240, 980) * 10000)
    return c["prof"]


for c in CUSTOMERS:  # one organisation per household: same-named customers are different households
    c["organization"] = f"個人（お客様 {c['name']} 様・お客様番号 {profile(c)['code']}）"


def flat(name):
    return name.replace(" ", "")


# ---------------------------------------------------------------- ownership for history
ext = [c for c in CONTACTS if c["cat"] != "internal"]
staff = [c for c in CONTACTS if c["cat"] == "internal"]
OWN: dict[str, list[dict]] = {s["email"]: [] for s in staff}
cust_sales = [s for s in staff if s["dept"] in ("新車営業", "中古車営業")]
for i, c in enumerate(CUSTOMERS):
    c["owner"] = cust_sales[i % len(cust_sales)]["email"]
    OWN[c["owner"]].append(c)
for s in staff:
    if s["dept"] == "サービス":
        OWN[s["email"]] += [c for c in CUSTOMERS if R.random() < 0.35] + [c for c in ext if c["cat"] in ("supplier",) and "shonan-dm" not in c["email"]]
    if s["dept"] == "保険":
        OWN[s["email"]] += [c for c in CUSTOMERS if R.random() < 0.4] + [c for c in ext if c["cat"] == "sonpo"]
    if s["dept"] == "法人営業":
        OWN[s["email"]] += [c for c in ext if c["cat"] in ("fleet", "gyosei", "garage")]
    if s["dept"] == "中古車営業":
        OWN[s["email"]] += [c for c in ext if c["cat"] == "dealer"]
    if s["dept"] == "総務":
        OWN[s["email"]] += [c for c in ext if "shonan-dm" in c["email"]]
# ローン: y.sato -> あおば; m.kuwahara -> あおば, 東和; n.morimoto -> ミライ, 東和.  all -> gyosei/garage
LOANS = {"y.sato": ["aoba-shinpan.example"], "m.kuwahara": ["aoba-shinpan.example", "towa-autofinance.example"],
         "n.morimoto": ["mirai-credit.test", "towa-autofinance.example"]}
for lp, doms in LOANS.items():
    OWN[f"{lp}@{DOM}"] += [c for c in ext if c["email"].split("@")[1] in doms or c["cat"] in ("gyosei", "garage")]
# contacts held back (never in history)
HELD = set()
for o in ("あおば信販株式会社", "みなと損害保険株式会社", "相模建設株式会社", "ミネルバ横浜南株式会社", "湘陽ボデー工業株式会社", "行政書士法人 はやしオフィス"):
    HELD.add(ORG_PEOPLE[o][-1]["email"] if ORG_PEOPLE[o][-1]["name"] else ORG_PEOPLE[o][-2]["email"])
HELD |= {c["email"] for c in CUSTOMERS[-4:]}
for k in OWN:
    OWN[k] = [c for c in OWN[k] if c["email"] not in HELD]

SUBJ = {"customer": ["お見積りの件", "ご納車日のご案内", "車検のご案内", "点検ご予約の確認", "ご契約書類について", "任意保険更新のご案内", "下取り査定のご連絡"],
        "shinpan": ["オートローン申込の件", "審査結果のご連絡ありがとうございます", "契約書類送付", "ローン残債確認のお願い"],
        "sonpo": ["事故受付の件", "契約内容変更のお願い", "更新契約計上", "満期案内リスト"], "gyosei": ["登録書類送付", "移転登録のご依頼", "名義変更書類"],
        "garage": ["車庫証明申請のご依頼", "保管場所証明書受領"], "supplier": ["部品発注", "板金見積依頼", "入庫予定", "納期確認"],
        "dealer": ["業販車両の件", "在庫照会", "メーカー研修の件"], "fleet": ["社用車 点検スケジュール", "リース満了車両の件", "車両入替のお見積り"],
        "internal": ["朝礼資料", "月次実績", "車検入庫予定", "会議の件", "展示会シフト", "経費精算", "ローン承認状況"]}
hist = []
t = datetime(2025, 12, 1, 9, 0, tzinfo=JST)
end = datetime(2026, 11, 30, 19, 0, tzinfo=JST)
step = (end - t) / 3000
for i in range(3000):
    d = t + step * i + timedelta(minutes=R.randrange(0, 50))
    s = R.choice(staff)
    r = R.random()
    cc = []
    if r < 0.82 and OWN[s["email"]]:
        c = R.choice(OWN[s["email"]])
        to = [c["email"]]
        if c["cat"] != "customer" and R.random() < 0.2:
            o2 = [x for x in ORG_PEOPLE[c["organization"]] if x["email"] != c["email"] and x["email"] not in HELD]
            if o2:
                cc.append(R.choice(o2)["email"])
        if R.random() < 0.15:
            cc.append(R.choice([x for x in staff if x is not s])["email"])
        subj = R.choice(SUBJ[c["cat"]])
    elif r < 0.95:
        to = [R.choice([x for x in staff if x is not s])["email"]]
        subj = R.choice(SUBJ["internal"])
    else:
        c = R.choice([x for x in ext if x["email"] not in HELD])
        to = [c["email"]]
        subj = R.choice(SUBJ[c["cat"]])
    hist.append({"date": d.isoformat(), "from": s["email"], "to": to, "cc": cc, "subject": subj})
hist.sort(key=lambda h: h["date"])
PAST: dict[str, set] = {}
for h in hist:
    PAST.setdefault(h["from"], set()).update(h["to"] + h["cc"])


# ---------------------------------------------------------------- documents
def pdf(title, lines):
    b = io.BytesIO()
    cv = canvas.Canvas(b)
    cv.setFont("HeiseiKakuGo-W5", 15)
    cv.drawString(60, 790, title)
    cv.setFont("HeiseiKakuGo-W5", 10)
    y = 760
    for ln in lines:
        if y < 60:
            cv.showPage(); cv.setFont("HeiseiKakuGo-W5", 10); y = 790
        cv.drawString(60, y, ln)
        y -= 16
    cv.drawString(60, 40, f"{ME}　〒251-0042 神奈川県藤沢市辻堂新町9-9-9　TEL 0466-00-1919")
    cv.save()
    return b.getvalue()


def xlsx(title, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "一覧"
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csvb(header, rows, enc):
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return s.getvalue().encode("utf-8-sig" if enc == "utf-8" else "cp932")


def doc_quote(c, kind="見積書"):
    p = profile(c)
    price = R.randrange(180, 520) * 10000
    return pdf(f"御{kind}" if kind == "見積書" else "注文書", [
        f"{c['name']} 様", f"お客様番号 {p['code']}", f"ご住所 〒{p['zip']} {p['addr']}", f"お電話 {p['tel']}", "",
        f"車名 {p['car']}　グレード {R.choice(['X', 'G', 'Z', 'Lパッケージ'])}", f"車両本体価格 {price:,}円",
        f"付属品 {R.randrange(8, 40) * 10000:,}円　諸費用 {R.randrange(15, 35) * 10000:,}円",
        f"下取車 {R.choice(CARS)}（{plate()}） 査定額 {R.randrange(5, 90) * 10000:,}円", "", "有効期限 発行日より2週間"])


def doc_shaken(c):
    p = profile(c)
    return pdf("自動車検査証記録事項（写し）", [
        f"登録番号 {p['plate']}", f"車台番号 {p['vin']}", f"車名 {p['car']}", f"所有者の氏名 {c['name']}",
        f"所有者の住所 {p['addr']}", f"使用者の氏名 {c['name']}", f"有効期間の満了する日 2027年{R.randrange(1, 13)}月{R.randrange(1, 29)}日"])


def doc_license(c):
    p = profile(c)
    return pdf("運転免許証（写し）", [f"氏名 {c['name']}", f"生年月日 {p['birth']}", f"住所 {p['addr']}",
                               f"免許証番号 第{p['lic']}号", "種類 普通 中型８ｔ", f"有効期限 2029年{R.randrange(1, 13)}月{R.randrange(1, 29)}日まで"])


def doc_loan(c, shinpan):
    p = profile(c)
    return pdf("オートローン申込書", [
        f"{shinpan} 御中", "", f"申込者氏名 {c['name']}（{c['kana'] or ''}）", f"生年月日 {p['birth']}", f"住所 〒{p['zip']} {p['addr']}",
        f"電話 {p['tel']}", f"勤務先 {p['work']}", f"税込年収 {p['income']:,}円", f"運転免許証番号 {p['lic']}",
        f"購入車両 {p['car']}　借入希望額 {R.randrange(100, 400) * 10000:,}円　支払回数 {R.choice([36, 60, 84])}回", "",
        "添付 運転免許証写し、源泉徴収票（収入証明）", "", "源泉徴収票（写し）",
        f"支払を受ける者 {c['name']}　支払金額 {p['income']:,}円　支払者 {p['work']}"])


INJ = ["頸椎捻挫（全治2週間の見込み）", "左手関節打撲、通院中", "腰椎捻挫　整形外科に通院（週2回）", "右膝挫創 5針縫合",
       "むち打ち症状のため救急搬送、経過観察入院1日", "胸部打撲　肋骨骨折の疑い（精密検査予定）"]


def doc_accident(c, insurer, other):
    p = profile(c)
    pol = f"{R.choice(['MS', 'YK', 'HB'])}{R.randrange(10000000, 99999999)}"
    return pdf("事故報告書", [
        f"{insurer} 御中", f"証券番号 {pol}", f"記名被保険者 {c['name']}　生年月日 {p['birth']}", f"住所 {p['addr']}　電話 {p['tel']}",
        f"被保険車両 {p['car']} {p['plate']}", f"事故日時 2026年11月{R.randrange(1, 30)}日 {R.randrange(7, 21)}時頃",
        f"事故場所 {R.choice(PREFS)}{R.choice(TOWNS)} 交差点", "事故状況 信号待ちで停車中に後方から追突された",
        f"相手方 {other['name']}（{other['car']}）", f"負傷の状況 {c['name']} 様：{R.choice(INJ)}",
        f"同乗者 {R.choice(['なし', '配偶者（' + R.choice(INJ) + '）'])}", "修理工場 湘陽ボデー工業（入庫済み）"])


def doc_change(c, insurer):
    p = profile(c)
    return pdf("自動車保険 契約内容変更依頼書", [f"{insurer} 御中", f"契約者 {c['name']}", f"住所 {p['addr']}",
                                        f"変更内容 車両入替（新車両 {p['car']} 車台番号 {p['vin']}）", "運転者年齢条件 26歳以上補償",
                                        f"異動日 2026年12月{R.randrange(1, 28)}日"])


def shaken_rows(n):
    rows = []
    for _ in range(n):
        s, g = person(0.3)
        c = {"name": f"{s[0]} {g[0]}"}
        p = profile(c)
        rows.append([p["code"], c["name"], f"{s[1]} {g[1]}", p["addr"], p["tel"], p["car"], p["plate"],
                     f"2027/{R.randrange(1, 4):02d}/{R.randrange(1, 29):02d}"])
    return rows


SHAKEN_H = ["お客様番号", "氏名", "フリガナ", "住所", "電話", "車名", "登録番号", "車検満了日"]
FLEET_H = ["管理番号", "登録番号", "車名", "使用部署", "運転者氏名", "免許証番号", "免許有効期限"]
FLEET_ROWS: dict[str, list] = {}


def fleet_rows(org):
    if org not in FLEET_ROWS:
        rows = []
        for i in range(R.randrange(14, 45)):
            s, g = person(0.35)
            rows.append([f"V{i + 1:03d}", plate(), R.choice(CARS), R.choice(["営業一課", "営業二課", "工事部", "配送センター", "総務"]),
                         f"{s[0]} {g[0]}", license_no(), f"2028/{R.randrange(1, 13):02d}/{R.randrange(1, 29):02d}"])
        FLEET_ROWS[org] = rows
    return FLEET_ROWS[org]


# ---------------------------------------------------------------- mail
MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.4", "Becky! ver. 2.81", "Active! mail", "Gmail"]
OUT = []
day0 = datetime(2026, 12, 1, 8, 40, tzinfo=JST)


def sign(s):
    return f"\n\n――――――――――――――――\n{ME}\n{s['dept']}　{s['name']}\nTEL 0466-00-1919（代表）\n{s['email']}\n――――――――――――――――"


def mail(sender, to, subject, body, atts=(), cc=(), bcc=(), enc=None, expected="ok", codes=(), kind="", note=""):
    n = len(OUT) + 1
    enc = enc or ("iso-2022-jp" if R.random() < 0.2 else "utf-8")
    full = body + sign(sender)
    if enc == "iso-2022-jp":
        try:
            full.encode("iso-2022-jp"); subject.encode("iso-2022-jp")
            for a in list(to) + list(cc) + list(bcc) + [sender]:
                (a.get("disp") or a["name"]).encode("iso-2022-jp")
        except UnicodeEncodeError:
            enc = "utf-8"
    if atts:
        m = MIMEMultipart()
        m.attach(MIMEText(full, "plain", enc))
    else:
        m = MIMEText(full, "plain", enc)

    def fa(c):
        nm = c.get("disp") or c["name"] or c["organization"]
        return formataddr((nm, c["email"]), charset=enc)

    m["From"] = fa(sender)
    m["To"] = ", ".join(fa(c) for c in to)
    if cc:
        m["Cc"] = ", ".join(fa(c) for c in cc)
    if bcc:
        m["Bcc"] = ", ".join(fa(c) for c in bcc)
    m["Subject"] = Header(subject, enc).encode()
    when = day0 + timedelta(hours=n * 3 + R.randrange(0, 2), minutes=R.randrange(0, 59))
    when = when.replace(hour=8 + (when.hour % 11))
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(f"m19-{n:04d}", domain=DOM)
    m["X-Mailer"] = R.choice(MAILERS)
    for name, data in atts:
        ext_ = name.rsplit(".", 1)[1]
        sub = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
               "csv": ("text", "csv"), "txt": ("text", "plain")}[ext_]
        part = MIMEApplication(data, _subtype=sub[1])
        if sub[0] == "text":
            part.replace_header("Content-Type", f"{sub[0]}/{sub[1]}")
        if enc == "iso-2022-jp":
            part.add_header("Content-Disposition", "attachment", filename=Header(name, "iso-2022-jp").encode())
            part.set_param("name", Header(name, "iso-2022-jp").encode())
        else:
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
        m.attach(part)
    rcpt = [c["email"] for c in list(to) + list(cc) + list(bcc)]
    exts = [a for a in rcpt if not a.endswith("@" + DOM)]
    codes = set(codes)
    if exts and expected == "ok":
        codes.add("external_recipient")
    if any(a not in PAST.get(sender["email"], set()) for a in exts):
        codes.add("first_time_recipient")
    else:
        codes.discard("first_time_recipient")
    OUT.append((f"messages/{n:04d}.eml", m.as_bytes(), dict(file=f"messages/{n:04d}.eml", expected=expected,
                                                            codes=sorted(codes), kind=kind, note=note)))


# ---------------------------------------------------------------- cases
def st(email):
    return BYMAIL[email]


def staff_of(dept):
    return [s for s in staff if s["dept"] == dept]


def sal_c(c):
    return R.choice([f"{c['name']} 様", f"{c['name'].split()[0]} 様", f"{c['name']} 様\n（お客様番号 {profile(c)['code']}）"])


def sal_o(c):
    if not c["name"]:
        return f"{c['organization']}\nご担当者様"
    return R.choice([f"{c['organization']}\n{c['name']} 様", f"{c['organization']} {c['name'].split()[0]} 様"])


GREET = ["いつも大変お世話になっております。", "平素より格別のお引き立てを賜り、誠にありがとうございます。", "いつもありがとうございます。",
         "お世話になっております。"]


def hello(s):
    return f"{R.choice(GREET)}\n{ME}の{s['name'].split()[0]}です。"


by_sur: dict[str, list] = {}
for c in CUSTOMERS:
    by_sur.setdefault(c["name"].split()[0], []).append(c)
PAIRS = [(a, b) for v in by_sur.values() for a in v for b in v if a is not b]
PAIRS_DIFF = [(a, b) for a, b in PAIRS if a['name'] != b['name']]
SINGLE = [c for c in CUSTOMERS if len(by_sur[c["name"].split()[0]]) == 1]
DOCS = [("見積書", doc_quote, "お見積書"), ("注文書", lambda c: doc_quote(c, "注文書"), "ご注文書（控え）"),
        ("車検証", doc_shaken, "車検証のコピー"), ("免許証", doc_license, "運転免許証のコピー")]


def cust_doc(c, which=None):
    key, fn, label = which or R.choice(DOCS)
    fname = R.choice([f"{key}_{flat(c['name'])}様.pdf", f"{key}_{profile(c)['code']}.pdf", f"{key}.pdf"])
    return key, label, fname, fn(c)


def cust_body(s, c, label):
    return (f"{sal_c(c)}\n\n{hello(s)}\n先日はご来店いただきありがとうございました。\n{c['name']}様の{label}をお送りいたします。"
            f"\nご確認のほどよろしくお願いいたします。")


def cust_sender(c):
    return st(c["owner"])


# ok: customer's own papers
for i in range(14):
    c = R.choice(PAIRS)[0] if i % 2 == 0 else R.choice(CUSTOMERS)
    key, label, fn, data = cust_doc(c)
    s = cust_sender(c)
    mail(s, [c], f"【{ME}】{label}の送付", cust_body(s, c, label), [(fn, data)], codes={"pii_in_attachment"},
         kind="ok_customer_own_papers", note=f"{label} of {c['name']} to {c['name']} ({c['email']}) (customer 〈{c['name']}〉)")

# risky: same surname, wrong address typed/picked
for i in range(10):
    a, b = R.choice(PAIRS)
    key, label, fn, data = cust_doc(a)
    s = cust_sender(a)
    tgt = dict(b)
    mail(s, [tgt], f"{label}の件", cust_body(s, a, label), [(fn, data)],
         expected="risky", codes={"content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient"},
         kind="papers_to_same_surname_customer", note=f"{label} of {a['name']} sent to {b['name']} ({b['email']}) (customer 〈{a['name']}〉)")

# risky: autocomplete - display name of intended, address of the other
for i in range(7):
    a, b = R.choice(PAIRS)
    key, label, fn, data = cust_doc(a)
    s = cust_sender(a)
    tgt = dict(b, disp=a["name"])
    mail(s, [tgt], f"{label}をお送りします", cust_body(s, a, label), [(fn, data)],
         expected="risky", codes={"content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient"},
         kind="autocomplete_wrong_customer", note=f"display name {a['name']}, address {b['email']} of {b['name']} (customer 〈{a['name']}〉)")

# risky: right recipient, attachment of another customer
for i in range(7):
    a = R.choice(CUSTOMERS)
    b = R.choice([x for x in CUSTOMERS if x["name"] != a["name"] and (i % 2 == 0 or x["name"].split()[0] == a["name"].split()[0])] or [x for x in CUSTOMERS if x["name"] != a["name"]])
    key, fnc, label = R.choice(DOCS)
    data = fnc(b)
    fn = f"{key}_{profile(b)['code']}.pdf" if i % 2 else f"{key}.pdf"
    s = cust_sender(a)
    mail(s, [a], f"{label}の送付", cust_body(s, a, label), [(fn, data)], expected="risky",
         codes={"attachment_recipient_mismatch"}, kind="wrong_attachment_other_customer",
         note=f"to {a['name']}; the attached {label} is {b['name']}'s (customer 〈{b['name']}〉)")

# risky: file name names another customer
for i in range(4):
    a, b = R.choice(PAIRS_DIFF) if i % 2 else (R.choice(CUSTOMERS), None)
    if b is None:
        b = R.choice([x for x in CUSTOMERS if x["name"] != a["name"]])
    key, fnc, label = R.choice(DOCS[:2])
    data = fnc(b)
    s = cust_sender(a)
    mail(s, [a], f"{label}の送付", cust_body(s, a, label), [(f"{key}_{flat(b['name'])}様.pdf", data)], expected="risky",
         codes={"attachment_recipient_mismatch"}, kind="filename_names_other_customer",
         note=f"to {a['name']}; file {key}_{flat(b['name'])}様.pdf is {b['name']}'s (customer 〈{b['name']}〉)")

# loans
SHINPAN = [o for o in ORGS if o[2] == "shinpan"]
for i in range(8):
    lp = R.choice(list(LOANS))
    s = st(f"{lp}@{DOM}")
    dom = R.choice(LOANS[lp])
    org = next(o for o in SHINPAN if o[1] == dom)
    r = R.choice([x for x in ORG_PEOPLE[org[0]] if x["email"] in PAST[s["email"]]])
    c = R.choice(CUSTOMERS)
    data = doc_loan(c, org[0])
    fn = R.choice([f"ローン申込書_{flat(c['name'])}.pdf", "オートローン申込書.pdf", f"申込_{profile(c)['code']}.pdf"])
    body = f"{sal_o(r)}\n\n{hello(s)}\n{c['name']}様のオートローン申込書類（免許証写し・源泉徴収票）をお送りします。\n審査のほどよろしくお願いいたします。"
    mail(s, [r], f"オートローン審査依頼（{c['name'].split()[0]}様）", body, [(fn, data)], codes={"pii_in_attachment"},
         kind="ok_loan_usual_shinpan", note=f"loan file of {c['name']} to {org[0]}, which the sender routinely uses (customer 〈{c['name']}〉)")
for i in range(7):
    lp = R.choice(list(LOANS))
    s = st(f"{lp}@{DOM}")
    dom = R.choice(LOANS[lp])
    org = next(o for o in SHINPAN if o[1] == dom)
    wrong = R.choice([o for o in SHINPAN if o is not org])
    c = R.choice(CUSTOMERS)
    tw = [x for x in ORG_PEOPLE[wrong[0]] if any(x["name"] and x["name"] == y["name"] for y in ORG_PEOPLE[org[0]])]
    r = tw[0] if tw and i % 2 == 0 else R.choice(ORG_PEOPLE[wrong[0]])
    right = next((y for y in ORG_PEOPLE[org[0]] if y["name"] == r["name"]), R.choice(ORG_PEOPLE[org[0]]))
    body = f"{sal_o(dict(right, organization=org[0]))}\n\n{hello(s)}\n{c['name']}様のオートローン申込書類をお送りします。\n審査のほどよろしくお願いいたします。"
    codes = {"content_recipient_mismatch", "attachment_recipient_mismatch"}
    if r["name"] and r["name"] == right["name"]:
        codes.add("similar_recipient")
    mail(s, [r], "オートローン審査のお願い", body, [(f"ローン申込書_{flat(c['name'])}.pdf", doc_loan(c, org[0]))], expected="risky",
         codes=codes, kind="loan_to_wrong_shinpan",
         note=f"loan file of {c['name']} made out to {org[0]}, sent to {r['email']} at {wrong[0]} (customer 〈{c['name']}〉)")

# accidents
SONPO = [o for o in ORGS if o[2] == "sonpo"]
ins_staff = staff_of("保険")


def other_party():
    s, g = person(0.3)
    return {"name": f"{s[0]} {g[0]}", "car": R.choice(["白色セダン", "軽トラック", "黒色ミニバン"]), "sg": (s, g)}


for i in range(7):
    s = R.choice(ins_staff)
    org = R.choice(SONPO)
    r = R.choice([x for x in ORG_PEOPLE[org[0]] if x["email"] in PAST[s["email"]]])
    c = R.choice(CUSTOMERS)
    body = (f"{sal_o(r)}\n\n{hello(s)}\nご契約者 {c['name']}様の事故について、事故報告書をお送りします。\n"
            f"お怪我の状況も記載しておりますので、取扱いにご注意ください。\nよろしくお願いいたします。")
    mail(s, [r], f"事故報告（{c['name']}様）", body, [(f"事故報告書_{flat(c['name'])}.pdf", doc_accident(c, org[0], other_party()))],
         codes={"pii_in_attachment", "sensitive_pii"}, kind="ok_accident_right_insurer",
         note=f"accident report with injuries of {c['name']} to the policy's insurer {org[0]} (customer 〈{c['name']}〉)")
for i in range(5):
    s = R.choice(ins_staff)
    org = R.choice(SONPO)
    wrong = R.choice([o for o in SONPO if o is not org])
    tw = [x for x in ORG_PEOPLE[wrong[0]] if any(x["name"] and x["name"] == y["name"] for y in ORG_PEOPLE[org[0]])]
    r = tw[0] if tw and i % 2 == 0 else R.choice(ORG_PEOPLE[wrong[0]])
    right = next((y for y in ORG_PEOPLE[org[0]] if y["name"] == r["name"]), None) or R.choice(ORG_PEOPLE[org[0]])
    c = R.choice(CUSTOMERS)
    body = f"{sal_o(dict(right, organization=org[0]))}\n\n{hello(s)}\n{c['name']}様の事故報告書をお送りします。ご確認をお願いいたします。"
    codes = {"content_recipient_mismatch", "attachment_recipient_mismatch"}
    if r["name"] and r["name"] == right["name"]:
        codes.add("similar_recipient")
    mail(s, [r], "事故報告書送付", body, [(f"事故報告書_{profile(c)['code']}.pdf", doc_accident(c, org[0], other_party()))],
         expected="risky", codes=codes, kind="accident_to_wrong_insurer",
         note=f"accident report (injuries) of {c['name']} insured with {org[0]}, sent to {r['email']} at {wrong[0]} (customer 〈{c['name']}〉)")
for i in range(3):
    s = R.choice(ins_staff)
    org = R.choice(SONPO)
    c = R.choice(CUSTOMERS)
    op = other_party()
    sg = op["sg"]
    addr = {"name": op["name"], "email": f"{sg[1][2]}.{sg[0][2]}{R.randrange(10, 99)}@{R.choice(FREE)}", "organization": ""}
    body = (f"{op['name']} 様\n\n{hello(s)}\n先日の事故の件、当方ご契約者 {c['name']}様の事故報告書をお送りします。\n"
            f"今後は{org[0]}の担当者よりご連絡いたします。")
    mail(s, [addr], "事故の件", body, [(f"事故報告書_{flat(c['name'])}.pdf", doc_accident(c, org[0], op))], expected="risky",
         codes={"sensitive_pii", "pii_in_attachment", "content_recipient_mismatch", "first_time_recipient"}, kind="accident_report_to_other_party",
         note=f"our customer {c['name']}'s accident report with injuries sent to the other party {op['name']} ({addr['email']}, not in the directory) (customer 〈{c['name']}〉)")
# insurance change (ok)
for i in range(4):
    s = R.choice(ins_staff)
    org = R.choice(SONPO)
    r = R.choice([x for x in ORG_PEOPLE[org[0]] if x["email"] in PAST[s["email"]]])
    c = R.choice(CUSTOMERS)
    mail(s, [r], "契約内容変更のお願い", f"{sal_o(r)}\n\n{hello(s)}\n{c['name']}様の車両入替に伴う契約変更をお願いいたします。",
         [(f"変更依頼_{flat(c['name'])}.pdf", doc_change(c, org[0])) if i % 2 else
          (f"変更依頼_{flat(c['name'])}.txt", "\r\n".join([f"{org[0]} 御中", "自動車保険 契約内容変更依頼", f"契約者 {c['name']}",
           f"住所 {profile(c)['addr']}", f"新車両 {profile(c)['car']} {profile(c)['vin']}"]).encode("utf-8"))], codes={"pii_in_attachment"}, kind="ok_insurance_change",
         note=f"契約変更 of {c['name']} to {org[0]} (customer 〈{c['name']}〉)")

# fleet
FLEET = [o for o in ORGS if o[2] == "fleet"]
fleet_staff = staff_of("法人営業")


def fleet_att(org, i):
    rows = fleet_rows(org)
    title = f"{org} 社用車・運転者一覧（2026年12月）"
    if i % 2:
        return (f"社用車一覧_{org.replace('株式会社', '').strip()}.xlsx", xlsx(title, FLEET_H, rows))
    return (f"車両運転者一覧_{org.replace('株式会社', '').strip()}.csv", csvb(FLEET_H, [[org] + r for r in rows], "cp932" if i % 4 == 2 else "utf-8")) if False else \
        (f"車両運転者一覧_{org.replace('株式会社', '').strip()}.csv", csvb(["会社名"] + FLEET_H, [[org] + r for r in rows], "cp932" if i % 4 == 2 else "utf-8"))


for i in range(6):
    s = R.choice(fleet_staff)
    org = R.choice(FLEET)
    r = R.choice([x for x in ORG_PEOPLE[org[0]] if x["email"] in PAST[s["email"]]])
    body = f"{sal_o(r)}\n\n{hello(s)}\n{org[0]}様の社用車・運転者一覧（点検予定入り）をお送りします。\n内容にお間違いがないかご確認ください。"
    mail(s, [r], "社用車一覧のご確認", body, [fleet_att(org[0], i)], codes={"pii_in_attachment", "bulk_pii"}, kind="ok_fleet_own_list",
         note=f"{org[0]}'s own driver list ({len(FLEET_ROWS[org[0]])} rows) to {r['name']} there (org 〈{org[0]}〉)")
for i in range(6):
    s = R.choice(fleet_staff)
    pairs = [(a, b) for (a, b) in TWIN if ORGD[a][2] == "fleet"] + [(b, a) for (a, b) in TWIN if ORGD[a][2] == "fleet"]
    if i < 4:
        a, b = pairs[i % len(pairs)]
        ra = next(x for x in ORG_PEOPLE[a] if x["email"].split("@")[0] == ORG_PEOPLE[b][0]["email"].split("@")[0])
        r = next(x for x in ORG_PEOPLE[b] if x["name"] == ra["name"])
        codes = {"attachment_recipient_mismatch", "content_recipient_mismatch", "similar_recipient"}
    else:
        a, b = R.sample([o[0] for o in FLEET], 2)
        ra = R.choice(ORG_PEOPLE[a]); r = R.choice(ORG_PEOPLE[b])
        codes = {"attachment_recipient_mismatch", "content_recipient_mismatch"}
    body = f"{sal_o(dict(ra, organization=a))}\n\n{hello(s)}\n{a}様の社用車・運転者一覧をお送りします。"
    mail(s, [r], "社用車・運転者一覧", body, [fleet_att(a, i)], expected="risky", codes=codes | {"bulk_pii"},
         kind="fleet_list_to_other_fleet", note=f"{a}'s driver list sent to {r['email']} of {b} (org 〈{a}〉)")

# 車検 due list: internal ok / to supplier risky
for i in range(12):
    s = R.choice(staff)
    r = R.choice([x for x in staff if x is not s])
    kind = i % 3
    if kind == 0:
        rows = shaken_rows(R.randrange(60, 180))
        att = ("車検満了予定一覧_2027年1-3月.xlsx", xlsx("車検満了予定一覧", SHAKEN_H, rows))
        body = f"{r['name'].split()[0]}さん\n\nお疲れさまです。来期の車検満了予定一覧です。DM対象の抽出をお願いします。"
    elif kind == 1:
        c = R.choice(CUSTOMERS)
        att = (f"ローン申込_{flat(c['name'])}.pdf", doc_loan(c, R.choice(SHINPAN)[0]))
        body = f"{r['name'].split()[0]}さん\n\nお疲れさまです。{c['name']}様のローン申込書類を回します。審査提出をお願いします。"
    else:
        c = R.choice(CUSTOMERS)
        att = (f"事故報告書_{flat(c['name'])}.pdf", doc_accident(c, R.choice(SONPO)[0], other_party()))
        body = f"{r['name'].split()[0]}さん\n\n{c['name']}様の事故報告書（下書き）です。保険会社へ出す前に確認をお願いします。"
    mail(s, [r], R.choice(["共有", "確認お願いします", "社内回覧"]), body, [att], kind="ok_internal", note=f"to {r['email']}; stays inside")
SUP = [c for c in ext if c["cat"] == "supplier"]
for i in range(6):
    s = R.choice(staff_of("サービス") + staff_of("総務"))
    r = R.choice([x for x in SUP if x["email"] in PAST[s["email"]]] or SUP)
    n = R.randrange(70, 220)
    rows = shaken_rows(n)
    att = ("車検満了予定一覧.xlsx", xlsx("車検満了予定一覧（お客様）", SHAKEN_H, rows)) if i % 2 else ("車検案内対象.csv", csvb(SHAKEN_H, rows, "cp932" if i % 3 else "utf-8"))
    body = f"{sal_o(r)}\n\n{hello(s)}\n{R.choice(['来月の入庫予定の参考に', '部品の事前手配用に', '案内はがきの件で'])}、一覧をお送りします。"
    mail(s, [r], "入庫予定の件", body, [att], expected="risky", codes={"bulk_pii", "pii_in_attachment"}, kind="customer_list_to_supplier",
         note=f"車検 due list of {n} customers to {r['organization']} ({r['email']})")

# registration / garage / supplier / dealer (ok)
for i in range(5):
    s = R.choice(fleet_staff + staff_of("事務・ローン"))
    r = R.choice([x for x in ext if x["cat"] == "gyosei" and x["email"] in PAST[s["email"]]])
    c = R.choice(CUSTOMERS)
    p = profile(c)
    data = pdf("新規登録 依頼書", [f"{r['organization']} 御中", f"所有者 {c['name']}", f"住所 {p['addr']}", f"車台番号 {p['vin']}", f"車名 {p['car']}"])
    mail(s, [r], "登録書類送付", f"{sal_o(r)}\n\n{hello(s)}\n{c['name']}様分の新規登録をお願いします。書類原本は本日発送しました。",
         [(f"登録依頼_{flat(c['name'])}.pdf", data)], codes={"pii_in_attachment"}, kind="ok_registration_gyosei",
         note=f"registration request for {c['name']} to {r['organization']} (customer 〈{c['name']}〉)")
for i in range(4):
    s = R.choice(fleet_staff + staff_of("事務・ローン"))
    r = R.choice([x for x in ext if x["cat"] == "garage" and x["email"] in PAST[s["email"]]])
    c = R.choice(CUSTOMERS)
    p = profile(c)
    data = pdf("保管場所証明申請 依頼", [f"申請者 {c['name']}", f"住所 {p['addr']}", f"保管場所 {p['addr']} 自宅敷地内", f"車名 {p['car']}"])
    mail(s, [r], "車庫証明申請のご依頼", f"{sal_o(r)}\n\n{hello(s)}\n{c['name']}様の車庫証明申請をお願いします。", [("車庫証明依頼.pdf", data)],
         codes={"pii_in_attachment"}, kind="ok_garage_certificate", note=f"車庫証明 for {c['name']} to {r['organization']} (customer 〈{c['name']}〉)")
for i in range(6):
    s = R.choice(staff_of("サービス"))
    r = R.choice([x for x in SUP if x["email"] in PAST[s["email"]]])
    rows = [[f"{R.randrange(10000, 99999)}-{R.randrange(100, 999)}", R.choice(["フロントバンパー", "ヘッドランプASSY", "ワイパーブレード", "ブレーキパッド", "エアフィルタ"]), R.randrange(1, 6), f"RO-{R.randrange(10000, 99999)}"] for _ in range(R.randrange(2, 9))]
    mail(s, [r], "部品発注", f"{sal_o(r)}\n\n{hello(s)}\n下記の部品を発注いたします。納期のご回答をお願いします。",
         [("発注書.csv", csvb(["部品番号", "品名", "数量", "作業伝票番号"], rows, "utf-8"))], kind="ok_supplier_order", note=f"parts order (no personal data) to {r['organization']}")
for i in range(4):
    s = R.choice(staff_of("中古車営業"))
    r = R.choice([x for x in ext if x["cat"] == "dealer" and x["email"] in PAST[s["email"]]])
    mail(s, [r], "業販車両の在庫照会", f"{sal_o(r)}\n\n{hello(s)}\n{R.choice(CARS)}（{R.choice(['白', '黒', '紺'])}、2024年式）の在庫はございますでしょうか。",
         kind="ok_dealer_stock", note=f"stock enquiry to same-brand dealer {r['organization']}")

# campaign
CAMP = [("【オートガーデン湘陽】冬の点検フェアのご案内", "12月の週末に冬の点検フェアを開催いたします。バッテリー・タイヤの無料点検を実施します。"),
        ("年末年始の営業日のお知らせ", "誠に勝手ながら、12月29日から1月4日までを年末年始休業とさせていただきます。"),
        ("新型ミネルバ ソレイユ 展示会のご案内", "新型ソレイユの先行展示会を開催いたします。ご家族皆さまでお越しください。")]
for i in range(13):
    s = R.choice(staff_of("新車営業") + staff_of("総務"))
    subj, txt = CAMP[i % 3]
    rc = R.sample(CUSTOMERS, R.randrange(8, 21))
    body = f"お客様各位\n\n{R.choice(GREET)}\n{txt}\nご来店を心よりお待ちしております。"
    if i < 7:
        mail(s, [s], subj, body, bcc=rc, codes=set(), kind="ok_campaign_bcc", note=f"notice to {len(rc)} customers in Bcc, To is the sender")
    else:
        half = R.random() < 0.5
        mail(s, rc if half else [s], subj, body, cc=[] if half else rc, expected="risky",
             codes={"open_recipient_list", "multiple_external_orgs"}, kind="campaign_open_list",
             note=f"notice with {len(rc)} customers in {'To' if half else 'Cc'} instead of Bcc")

# reply-all keeps another customer / party
for i in range(6):
    s = R.choice(ins_staff)
    org = R.choice(SONPO)
    r = R.choice([x for x in ORG_PEOPLE[org[0]] if x["email"] in PAST[s["email"]]])
    a, b = R.sample(CUSTOMERS, 2)
    if i % 2 == 0:
        to, cc = [r], [b]
        what = f"{org[0]} {r['name'] or r['email']}; Cc keeps customer {b['name']} from an earlier thread"
        body = f"{sal_o(r)}\n\n{hello(s)}\n{a['name']}様の修理見積と事故状況の追加情報です。{a['name']}様は現在{R.choice(INJ)}とのことです。\n\n> {b['name']}様の件、承知しました。"
    else:
        to, cc = [a], [b]
        what = f"customer {a['name']}; Cc keeps customer {b['name']} (earlier group thread)"
        body = f"{sal_c(a)}\n\n{hello(s)}\n{a['name']}様のお見積りを添付いたします。\n\n-----Original Message-----\nFrom: {b['name']}\n点検の日程について"
    atts = [(f"見積書_{flat(a['name'])}様.pdf", doc_quote(a))] if i % 2 else []
    mail(s, to, f"Re: {R.choice(['修理の件', 'お見積りの件', '事故の件'])}", body, atts, cc=cc, expected="risky",
         codes={"multiple_external_orgs", "content_recipient_mismatch"} | ({"attachment_recipient_mismatch"} if atts else set()),
         kind="reply_all_keeps_other_customer", note=f"reply about {a['name']} to {what}")

# first mail to an address in no directory entry
for i in range(5):
    s = R.choice(staff_of("事務・ローン") + ins_staff)
    c = R.choice(CUSTOMERS)
    lp, dom = c["email"].split("@")
    cases = [(f"{lp}@{R.choice([d for d in FREE if d != dom])}", "the customer's local part at another free-mail domain"),
             (f"shinsa@{R.choice(['mirai-credit-gr.example', 'aoba-shinpan-loan.test'])}", "an unknown 'group company' of a 信販"),
             (f"{lp[:-1] if len(lp) > 4 else lp + 'x'}@{dom}", "one character typed wrong in the customer's address")]
    addr, why = cases[i % 3]
    assert addr not in BYMAIL and addr.split("@")[1] not in {x["email"].split("@")[1] for x in ext if x["cat"] != "customer"}
    key, fnc, label = R.choice(DOCS[2:])
    mail(s, [{"name": c["name"], "email": addr, "organization": ""}], f"{label}の送付", cust_body(s, c, label), [(f"{key}.pdf", fnc(c))],
         expected="risky", codes={"first_time_recipient"}, kind="first_time_unknown_address",
         note=f"{label} of {c['name']} to {addr}: {why} (customer 〈{c['name']}〉)")

# look-alike domains
SWAPS = [("l", "1"), ("o", "0"), ("i", "l"), ("m", "rn"), ("-", ""), ("a", "e"), ("s", "ss")]
cands = [c for c in ext if c["cat"] in ("shinpan", "sonpo", "fleet", "gyosei") and c["name"]]
for i in range(7):
    a, b = SWAPS[i]
    for _ in range(50):
        c = R.choice(cands)
        lp, dom = c["email"].split("@")
        if a in dom.split(".")[0]:
            break
    d0 = dom.split(".", 1)
    nd = d0[0].replace(a, b, 1) + "." + d0[1]
    assert nd != dom and f"{lp}@{nd}" not in BYMAIL, (dom, a)
    s = R.choice([x for x in staff if c["email"] in PAST[x["email"]]] or staff)
    cust = R.choice(CUSTOMERS)
    if c["cat"] == "shinpan":
        att = (f"ローン申込書_{flat(cust['name'])}.pdf", doc_loan(cust, c["organization"]))
    elif c["cat"] == "sonpo":
        att = (f"事故報告書_{flat(cust['name'])}.pdf", doc_accident(cust, c["organization"], other_party()))
    elif c["cat"] == "fleet":
        att = fleet_att(c["organization"], i)
    else:
        att = ("登録依頼.pdf", pdf("登録 依頼書", [f"所有者 {cust['name']}", f"住所 {profile(cust)['addr']}"]))
    mail(s, [dict(c, email=f"{lp}@{nd}")], "書類送付の件", f"{sal_o(c)}\n\n{hello(s)}\nご依頼の書類をお送りします。", [att], expected="risky",
         codes={"lookalike_domain", "similar_recipient", "first_time_recipient"}, kind="lookalike_domain",
         note=f"{c['organization']} {c['name']}: {c['email']} typed as {lp}@{nd}")

# first mail to a held-back contact of a known organisation
for i, e in enumerate(sorted(h for h in HELD if not BYMAIL[h]["cat"] == "customer")[:4]):
    c = BYMAIL[e]
    s = R.choice(staff_of("総務") + fleet_staff)
    mail(s, [c], "担当者変更のご挨拶", f"{sal_o(c)}\n\n{hello(s)}\nこのたび貴社の担当を務めることになりました。今後ともよろしくお願いいたします。",
         kind="ok_first_mail_known_org", note=f"greeting to never-mailed {c['email']} at known {c['organization']}")

# ---------------------------------------------------------------- write
order = list(range(len(OUT)))
R.shuffle(order)
OUT2 = []
for new, k in enumerate(order, 1):
    fn, data, lab = OUT[k]
    nf = f"messages/{new:04d}.eml"
    OUT2.append((nf, data, dict(lab, file=nf)))
if os.path.isdir(os.path.join(HERE, "messages")):
    shutil.rmtree(os.path.join(HERE, "messages"))
os.makedirs(os.path.join(HERE, "messages"))
for fn, data, lab in OUT2:
    with open(os.path.join(HERE, fn), "wb") as f:
        f.write(data)
with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
    for fn, data, lab in OUT2:
        f.write(json.dumps(lab, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name", "kana", "email", "organization"])
    for c in CONTACTS:
        w.writerow([c["name"] or c["organization"], c["kana"], c["email"], c["organization"]])
with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
    for h in hist:
        f.write(json.dumps(h, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
    f.write(f'[organization]\nname = "{ME}"\ninternal_domains = ["{DOM}"]\n')
print(len(OUT2), "messages")
