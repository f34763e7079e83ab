# ruff: noqa: B007, E501, E741, I001, RUF005
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Generate misdelivery17: outgoing mail of a 社会保険労務士法人 / 給与計算代行 (seed 1717).

`python generate.py` rewrites mamori.toml, contacts.csv, history.jsonl, messages/ and labels.jsonl.
Needs openpyxl, reportlab (built-in CID font HeiseiKakuGo-W5, no TTF needed) and `zip` for password archives.
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
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.header import Header
from email.utils import format_datetime, formataddr

import openpyxl
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(1717)
JST = dt.timezone(dt.timedelta(hours=9))
FIRM = "社会保険労務士法人 みなみかぜ労務パートナーズ"
DOM = "minamikaze-sr.example"

SUR = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
       ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"),
       ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"),
       ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
       ("佐々木", "ササキ", "sasaki"), ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"),
       ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"), ("清水", "シミズ", "shimizu"),
       ("山崎", "ヤマザキ", "yamazaki"), ("森", "モリ", "mori"), ("阿部", "アベ", "abe"), ("池田", "イケダ", "ikeda"),
       ("橋本", "ハシモト", "hashimoto"), ("石川", "イシカワ", "ishikawa"), ("前田", "マエダ", "maeda"),
       ("藤田", "フジタ", "fujita"), ("後藤", "ゴトウ", "goto"), ("岡田", "オカダ", "okada"),
       ("長谷川", "ハセガワ", "hasegawa"), ("村上", "ムラカミ", "murakami"), ("近藤", "コンドウ", "kondo"),
       ("石井", "イシイ", "ishii"), ("坂本", "サカモト", "sakamoto"), ("遠藤", "エンドウ", "endo"),
       ("青木", "アオキ", "aoki"), ("藤井", "フジイ", "fujii"), ("西村", "ニシムラ", "nishimura"),
       ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"), ("三浦", "ミウラ", "miura"),
       ("岡本", "オカモト", "okamoto"), ("松田", "マツダ", "matsuda"), ("中川", "ナカガワ", "nakagawa"),
       ("原田", "ハラダ", "harada"), ("小野", "オノ", "ono"), ("竹内", "タケウチ", "takeuchi"),
       ("金子", "カネコ", "kaneko"), ("和田", "ワダ", "wada"), ("中野", "ナカノ", "nakano"),
       ("今井", "イマイ", "imai"), ("河野", "コウノ", "kono"), ("上田", "ウエダ", "ueda"),
       ("丸山", "マルヤマ", "maruyama"), ("高木", "タカギ", "takagi"), ("安藤", "アンドウ", "ando"),
       ("島田", "シマダ", "shimada"), ("工藤", "クドウ", "kudo"), ("大野", "オオノ", "ono2"),
       ("野口", "ノグチ", "noguchi"), ("菅原", "スガワラ", "sugawara")]
COMMON = SUR[:8]
GIV = [("健", "ケン", "ken"), ("誠", "マコト", "makoto"), ("大輔", "ダイスケ", "daisuke"), ("翔太", "ショウタ", "shota"),
       ("和也", "カズヤ", "kazuya"), ("拓也", "タクヤ", "takuya"), ("剛", "ツヨシ", "tsuyoshi"), ("修", "オサム", "osamu"),
       ("隆", "タカシ", "takashi"), ("浩之", "ヒロユキ", "hiroyuki"), ("直樹", "ナオキ", "naoki"), ("亮", "リョウ", "ryo"),
       ("雄一", "ユウイチ", "yuichi"), ("悠斗", "ユウト", "yuto"), ("康平", "コウヘイ", "kohei"), ("智也", "トモヤ", "tomoya"),
       ("恵", "メグミ", "megumi"), ("真理", "マリ", "mari"), ("由美", "ユミ", "yumi"), ("直子", "ナオコ", "naoko"),
       ("花子", "ハナコ", "hanako"), ("春香", "ハルカ", "haruka"), ("美咲", "ミサキ", "misaki"), ("陽菜", "ヒナ", "hina"),
       ("彩", "アヤ", "aya"), ("千尋", "チヒロ", "chihiro"), ("沙織", "サオリ", "saori"), ("京子", "キョウコ", "kyoko"),
       ("裕子", "ユウコ", "yuko"), ("麻衣", "マイ", "mai"), ("優子", "ユウコ", "yuko2"), ("里奈", "リナ", "rina")]

CLIENTS = [
    ("株式会社北斗電機", "hokuto-denki.example"), ("北斗電機工業株式会社", "hokuto-dk.example"),
    ("丸栄物産株式会社", "maruei-bussan.example"), ("丸英物産株式会社", "maruei-bs.example"),
    ("株式会社あおい製菓", "aoi-seika.example"), ("株式会社あおい製作所", "aoi-ss.example"),
    ("有限会社森田運送", "morita-unso.example"), ("森田運輸株式会社", "morita-unyu.example"),
    ("株式会社しおさい介護サービス", "shiosai-care.example"), ("社会福祉法人 しおさい会", "shiosaikai.example"),
    ("株式会社ミドリ薬品", "midori-yakuhin.example"), ("株式会社ひばりフーズ", "hibari-foods.example"),
    ("東雲建設株式会社", "shinonome-kensetsu.example"), ("株式会社港南ビルメンテナンス", "konan-bm.example"),
    ("株式会社つばめ交通", "tsubame-kotsu.example"), ("社会福祉法人 ことり福祉会", "kotori-fukushi.example"),
    ("医療法人 すずらん会", "suzuran-kai.example"), ("株式会社オオタ精密", "ota-seimitsu.example"),
    ("株式会社ニシキ印刷", "nishiki-print.example"), ("株式会社かえでホーム", "kaede-home.example"),
    ("株式会社青波システム", "aonami-sys.example"), ("株式会社いぶき工務店", "ibuki-komuten.example"),
    ("株式会社サンライズ物流", "sunrise-logi.example"), ("株式会社ハナミズキ", "hanamizuki.example"),
    ("株式会社浜北スチール", "hamakita-steel.example"), ("株式会社やまびこ食堂", "yamabiko-shokudo.example"),
    ("株式会社ユウキ商会", "yuki-shokai.example"), ("株式会社ワカバ不動産", "wakaba-fudosan.example"),
    ("医療法人 くすのき歯科", "kusunoki-dental.example"), ("株式会社トーワ電設", "towa-densetsu.example"),
    ("株式会社みずほ台クリーニング", "mizuhodai-cl.example"), ("株式会社カネマル水産", "kanemaru-suisan.example"),
    ("株式会社ソラノ設計", "sorano-sekkei.example"), ("株式会社リンクス人材", "links-jinzai.example"),
    ("株式会社ほのか美容室", "honoka-biyo.example"), ("株式会社タカミ自動車", "takami-auto.example"),
    ("株式会社いろは書店", "iroha-shoten.example"), ("株式会社あさひ台ゴルフ", "asahidai-golf.example"),
    ("株式会社まつかぜ旅館", "matsukaze-ryokan.example"), ("株式会社ミナミ精工", "minami-seiko.example"),
]
# planted same-full-name contacts at look-alike clients: (client a, client b, surname idx, given idx, local part)
TWINS = [(0, 1, 0, 16, "m.sato"), (2, 3, 1, 4, "k.suzuki"), (4, 5, 2, 17, "m.takahashi"), (6, 7, None, 0, "morita"),
         (8, 9, 3, 18, "y.tanaka"), (10, 39, 4, 19, "n.ito"), (11, 12, 5, 1, "m.watanabe"),
         (13, 14, 6, 8, "t.yamamoto"), (22, 23, 7, 20, "h.nakamura")]
PARTNERS = [("税理士法人 あけぼの会計", "akebono-tax.example", "partner"), ("中川税理士事務所", "nakagawa-kaikei.example", "partner"),
            ("弁護士法人 けやき総合法律事務所", "keyaki-law.example", "partner"),
            ("東港年金事務所", "toko-nenkin.example", "office"), ("ハローワーク東港", "hw-toko.example", "office"),
            ("株式会社ミライペイ（給与計算システム）", "miraipay.example", "vendor"),
            ("株式会社カミヤ封入センター", "kamiya-fu.example", "vendor")]
FREE = ["hikarimail.example", "mymail.test", "postbox.example.com", "qmail.example", "sorabox.test"]


class P:
    def __init__(s, last, first, email, org, role="", kana=None, ci=None):
        s.last, s.first, s.email, s.org, s.role, s.ci = last, first, email, org, role, ci
        s.kana = kana

    @property
    def name(s):
        return f"{s.last[0]} {s.first[0]}" if s.last[0] else ""


def rname(common=0.4):
    sn = R.choice(COMMON) if R.random() < common else R.choice(SUR)
    return sn, R.choice(GIV)


people: list[P] = []
staff: list[P] = []
by_client: dict[int, list[P]] = {i: [] for i in range(len(CLIENTS))}
employees: list[P] = []
partners: dict[str, list[P]] = {}
used_emails: set[str] = set()


def add(p: P, kana_ok=True):
    assert p.email not in used_emails, p.email
    used_emails.add(p.email)
    if kana_ok and p.kana is None:
        p.kana = "" if R.random() < 0.08 else f"{p.last[1]} {p.first[1]}"
    people.append(p)
    return p


def lp(sn, gv, style=None):
    style = style if style is not None else R.randrange(5)
    return [f"{gv[2][0]}.{sn[2]}", f"{sn[2]}.{gv[2]}", f"{sn[2]}-{gv[2][0]}", f"{gv[2]}.{sn[2]}", f"{sn[2]}"][style]


def build():
    depts = [("給与計算課", 6), ("手続課", 5), ("労務相談課", 3), ("総務", 2)]
    internal_twins = [(SUR[0], GIV[9]), (SUR[0], GIV[21]), (SUR[3], GIV[2]), (SUR[2], GIV[26])]
    k = 0
    for d, n in depts:
        for _ in range(n):
            sn, gv = internal_twins[k] if k < len(internal_twins) else rname(0.2)
            k += 1
            e = f"{lp(sn, gv, 0)}@{DOM}"
            if e in used_emails:
                e = f"{gv[2]}.{sn[2]}@{DOM}"
            staff.append(add(P(sn, gv, e, FIRM, d)))
    twin_at: dict[int, list] = {}
    for a, b, si, gi, l in TWINS:
        sn = ("森田", "モリタ", "morita") if si is None else SUR[si]
        gv = GIV[gi]
        twin_at.setdefault(a, []).append((sn, gv, l))
        if si is None:
            gv = GIV[5]
        twin_at.setdefault(b, []).append((sn, gv, l))
    for i, (co, d) in enumerate(CLIENTS):
        roles = ["人事部", "総務部", "経理部", "総務部 給与担当"]
        for sn, gv, l in twin_at.get(i, []):
            by_client[i].append(add(P(sn, gv, f"{l}@{d}", co, roles[0], ci=i)))
        n = R.randint(2, 4) - len(twin_at.get(i, [])) + (1 if i in twin_at else 0)
        for j in range(max(n, 1)):
            sn, gv = rname()
            e = f"{lp(sn, gv)}@{d}"
            if e in used_emails:
                e = f"{sn[2]}{j}@{d}"
            by_client[i].append(add(P(sn, gv, e, co, roles[(j + 1) % 4], ci=i)))
        if R.random() < 0.4:
            by_client[i].append(add(P(("", ""), ("", ""), f"jinji@{d}", co, "人事部（代表）", kana="", ci=i)))
    # employees with their own addresses (明細 by mail at their request)
    emp_plan = [(0, 11, 20), (0, 11, 21), (2, 1, 27), (4, 6, 22), (8, 7, 23), (12, 4, 0), (12, 4, 13), (16, 13, 29),
                (20, 9, 10), (24, 2, 12), (30, 15, 24), (33, 0, 28)]
    for ci, si, gi in emp_plan:
        sn, gv = SUR[si], GIV[gi]
        e = f"{gv[2]}.{sn[2]}{R.randint(10, 99)}@{R.choice(FREE)}"
        p = add(P(sn, gv, e, f"個人（{CLIENTS[ci][0]} 従業員）", "従業員", ci=ci))
        employees.append(p)
    for name, d, kind in PARTNERS:
        partners[name] = []
        for j in range(2 if kind != "office" else 1):
            sn, gv = rname(0.3)
            e = f"{lp(sn, gv)}@{d}" if kind != "office" else f"{['tekiyo', 'koyo'][len(partners) % 2]}@{d}"
            partners[name].append(add(P(sn, gv, e, name, kind)))


def org_people():
    return [p for p in people if p.email.split("@")[1] != DOM]


# ---------------------------------------------------------------- history
owners: dict[str, list[int]] = {}
held_back: set[str] = set()


def rand_dt(start: dt.date, days: int) -> dt.datetime:
    d = start + dt.timedelta(days=R.randrange(days))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return dt.datetime(d.year, d.month, d.day, R.randint(8, 19), R.randint(0, 59), R.randint(0, 59), tzinfo=JST)


def history():
    senders = [s for s in staff if s.role in ("給与計算課", "手続課")]
    for i in range(len(CLIENTS)):
        for s in R.sample(senders, 2):
            owners.setdefault(s.email, []).append(i)
    # twins are often owned by the same sender (the slip happens among one's own clients)
    for a, b, *_ in TWINS[:6]:
        s = next(x for x in senders if a in owners.get(x.email, []))
        if b not in owners[s.email]:
            owners[s.email].append(b)
    for i, ps in by_client.items():
        if len(ps) >= 3 and R.random() < 0.45:
            held_back.add(ps[-1].email)
    for e in employees[-3:]:
        held_back.add(e.email)
    rows = []
    start = dt.date(2025, 12, 1)
    subj_c = ["{m}月分 給与計算データのご送付", "{m}月分 勤怠データ受領のご連絡", "賃金台帳（{m}月分）", "社会保険 資格取得届の件",
              "算定基礎届について", "年末調整のご案内", "雇用保険 離職票の件", "36協定の更新について", "労働保険 年度更新",
              "就業規則改定案", "入社手続きのご確認", "賞与計算のご確認", "住民税 特別徴収税額の変更"]
    lawyer = [p for n, ps in partners.items() for p in ps if p.role == "partner"]
    for _ in range(3000):
        s = R.choice(staff)
        r = R.random()
        m = R.randint(1, 12)
        if s.role in ("給与計算課", "手続課") and r < 0.83:
            ci = R.choice(owners[s.email])
            cands = [p for p in by_client[ci] if p.email not in held_back]
            to = [R.choice(cands).email]
            emps = [e for e in employees if e.ci == ci and e.email not in held_back]
            if s.role == "給与計算課" and emps and R.random() < 0.12:
                to = [R.choice(emps).email]
            cc = [R.choice(cands).email] if R.random() < 0.2 else []
            cc = [c for c in cc if c not in to]
            subj = R.choice(subj_c).format(m=m)
        elif s.role == "労務相談課" and r < 0.83:
            if R.random() < 0.5:
                to = [R.choice(lawyer).email]
            else:
                ci = R.randrange(len(CLIENTS))
                to = [R.choice([p for p in by_client[ci] if p.email not in held_back]).email]
            cc = []
            subj = R.choice(["労務相談の件", "打合せ日程", "顧問先の件でご相談", "就業規則の見直し", "ハラスメント相談窓口"])
        elif s.role == "総務" and r < 0.83:
            to = [R.choice(partners["株式会社ミライペイ（給与計算システム）"] + partners["株式会社カミヤ封入センター"]).email]
            cc = []
            subj = R.choice(["保守契約の更新", "請求書送付", "封入作業のお見積り", "システム障害のご報告"])
        elif r < 0.95:
            to = [R.choice([x for x in staff if x is not s]).email]
            cc = []
            subj = R.choice(["共有", "会議資料", "月次進捗", "Re: 共有", "手続き状況"])
        else:
            cands = [p for p in org_people() if p.email not in held_back and p.role != "従業員"]
            to = [R.choice(cands).email]
            cc = []
            subj = R.choice(["ご挨拶", "ご案内", "お問い合わせの件"])
        rows.append({"date": rand_dt(start, 365).isoformat(), "from": s.email, "to": to, "cc": cc, "subject": subj})
    rows.sort(key=lambda x: x["date"])
    return rows


# ---------------------------------------------------------------- documents
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))


def pdf_bytes(lines: list[str]) -> bytes:
    b = io.BytesIO()
    c = canvas.Canvas(b)
    y = 800
    for ln in lines:
        while True:
            c.setFont("HeiseiKakuGo-W5", 10)
            c.drawString(40, y, ln[:48])
            y -= 16
            ln = ln[48:]
            if y < 40:
                c.showPage()
                y = 800
            if not ln:
                break
    c.save()
    return b.getvalue()


def xlsx_bytes(title: str, header: list[str], rows: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "データ"
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csv_bytes(header, rows, enc="utf-8-sig") -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return s.getvalue().encode(enc)


def zip_pw(files: list[tuple[str, bytes]], pw: str) -> bytes:
    t = tempfile.mkdtemp()
    try:
        for n, data in files:
            with open(os.path.join(t, n), "wb") as f:
                f.write(data)
        subprocess.run(["zip", "-q", "-P", pw, "out.zip", *[n for n, _ in files]], cwd=t, check=True)
        with open(os.path.join(t, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(t)


def mynumber(rr: random.Random) -> str:
    d = [rr.randint(0, 9) for _ in range(11)]
    d[0] = rr.randint(1, 9)
    # P_n is the n-th digit counted from the right of the 11; Q_n = n+1 (n<=6), n-5 (n>=7)
    s = sum(d[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    rem = s % 11
    cd = 0 if rem <= 1 else 11 - rem
    return "".join(map(str, d)) + str(cd)


def mn_ok(x: str) -> bool:
    d = [int(c) for c in x]
    s = sum(d[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    return d[11] == (0 if s % 11 <= 1 else 11 - s % 11)


def roster(ci: int, n: int, include: list[P] = ()):
    rr = random.Random(f"1717-roster-{ci}")
    out = []
    for p in include:
        out.append((p.last[0], p.first[0], f"{p.last[1]} {p.first[1]}"))
    while len(out) < n:
        sn = rr.choice(COMMON) if rr.random() < 0.35 else rr.choice(SUR)
        gv = rr.choice(GIV)
        out.append((sn[0], gv[0], f"{sn[1]} {gv[1]}"))
    rows = []
    for k, (l, f, kana) in enumerate(out):
        base = rr.randrange(190, 420) * 1000
        ot = rr.randrange(0, 60) * 1000
        com = rr.randrange(0, 25) * 500
        tot = base + ot + com
        ded = int(base * 0.05) + int(base * 0.0915) + int(tot * 0.006) + rr.randrange(3, 15) * 1000 + rr.randrange(5, 25) * 1000
        b = dt.date(rr.randint(1962, 2004), rr.randint(1, 12), rr.randint(1, 28))
        rows.append({"no": f"{ci + 1:02d}{k + 1:04d}", "name": f"{l} {f}", "kana": kana, "birth": b.isoformat(),
                     "base": base, "ot": ot, "com": com, "tot": tot, "ded": ded, "net": tot - ded,
                     "mn": mynumber(rr), "kiso": f"{rr.randint(1000, 9999)}-{rr.randint(100000, 999999)}"})
    return rows


def ledger(ci: int, n: int, month: int, fmt: str, include=()):
    co = CLIENTS[ci][0]
    rows = roster(ci, n, include)
    hdr = ["社員番号", "氏名", "フリガナ", "基本給", "時間外手当", "通勤手当", "総支給額", "控除合計", "差引支給額"]
    data = [[r["no"], r["name"], r["kana"], r["base"], r["ot"], r["com"], r["tot"], r["ded"], r["net"]] for r in rows]
    title = f"{co} 賃金台帳 2026年{month}月分"
    if fmt == "xlsx":
        return f"賃金台帳_{co}_2026{month:02d}.xlsx", xlsx_bytes(title, hdr, data)
    if fmt == "csv":
        return f"給与データ_{co}_2026{month:02d}.csv", csv_bytes(["事業所名"] + hdr, [[co] + d for d in data],
                                                                R.choice(["utf-8-sig", "cp932"]))
    lines = [title, " ".join(hdr)] + [" ".join(map(str, d)) for d in data]
    return f"賃金台帳_{co}_2026{month:02d}.pdf", pdf_bytes(lines)


def kintai(ci: int, n: int, month: int):
    co = CLIENTS[ci][0]
    rows = roster(ci, n)
    rr = random.Random(f"1717-kintai-{ci}-{month}")
    data = [[co, r["no"], r["name"], rr.randint(17, 22), rr.randint(0, 40), rr.randint(0, 2)] for r in rows]
    return f"勤怠集計_{co}_2026{month:02d}.csv", csv_bytes(["事業所", "社員番号", "氏名", "出勤日数", "残業時間", "有給取得"], data)


def meisai(ci: int, emp: P | tuple, month: int):
    co = CLIENTS[ci][0]
    name = emp.name if isinstance(emp, P) else emp
    rr = random.Random(f"1717-meisai-{name}-{month}")
    base = rr.randrange(200, 380) * 1000
    lines = [f"給与明細書 2026年{month}月分", f"{co}", f"氏名 {name} 様",
             f"基本給 {base:,}円  時間外手当 {rr.randrange(0, 50) * 1000:,}円",
             f"健康保険 {int(base * 0.05):,}円  厚生年金 {int(base * 0.0915):,}円  所得税 {rr.randrange(3, 12) * 1000:,}円",
             f"差引支給額 {int(base * 0.82):,}円", f"作成：{FIRM}"]
    return f"給与明細_2026{month:02d}_{name.replace(' ', '')}.pdf", pdf_bytes(lines)


def shutoku(ci: int, n: int, fmt="xlsx"):
    co = CLIENTS[ci][0]
    rows = roster(ci, n + 40)[-n:]
    hdr = ["氏名", "フリガナ", "生年月日", "個人番号", "基礎年金番号", "資格取得年月日", "報酬月額"]
    data = [[r["name"], r["kana"], r["birth"], r["mn"], r["kiso"], "2026-12-01", r["tot"]] for r in rows]
    title = f"{co} 健康保険・厚生年金保険 被保険者資格取得届（控）"
    if fmt == "xlsx":
        return f"資格取得届_{co}_202612.xlsx", xlsx_bytes(title, hdr, data), rows
    return f"資格取得届_{co}_202612.pdf", pdf_bytes([title, " ".join(hdr)] + [" ".join(map(str, d)) for d in data]), rows


def nencho(ci: int, n: int):
    co = CLIENTS[ci][0]
    rows = roster(ci, n)
    rr = random.Random(f"1717-nencho-{ci}")
    hdr = ["社員番号", "氏名", "個人番号", "控除対象配偶者", "配偶者個人番号", "扶養親族数"]
    data = [[r["no"], r["name"], r["mn"], "有" if rr.random() < 0.5 else "無", mynumber(rr), rr.randint(0, 3)] for r in rows]
    return f"扶養控除等申告書一覧_{co}_2026.xlsx", xlsx_bytes(f"{co} 令和8年分 年末調整 扶養控除等申告 集計", hdr, data)


INJ = [("右手示指 挫創（プレス機に挟まれたもの）", "休業見込 14日"), ("左足関節 捻挫（荷下ろし中の転倒）", "休業見込 7日"),
       ("腰椎 圧迫骨折（脚立からの転落）", "休業見込 60日"), ("右前腕 熱傷II度（フライヤーの油）", "休業見込 10日"),
       ("頸椎 捻挫（送迎車両の追突事故）", "休業見込 21日"), ("左手 第4・5指 骨折（台車との接触）", "休業見込 30日")]


def rousai(ci: int, worker: str, rr: random.Random):
    co = CLIENTS[ci][0]
    inj, days = rr.choice(INJ)
    lines = ["労働者死傷病報告（休業4日以上）下書き", f"事業場の名称 {co}", f"被災労働者 {worker}",
             f"生年月日 {rr.randint(1965, 2000)}年{rr.randint(1, 12)}月{rr.randint(1, 28)}日",
             f"傷病名・部位 {inj}", days, "発生日時 2026年11月" + f"{rr.randint(4, 27)}日 {rr.randint(8, 17)}時頃",
             "災害発生状況 作業中の事故。詳細は別紙のとおり。既往歴 なし", f"作成：{FIRM}"]
    return f"労働者死傷病報告_{worker.replace(' ', '')}.pdf", pdf_bytes(lines), inj


def rishoku(ci: int, worker: str):
    co = CLIENTS[ci][0]
    lines = ["雇用保険被保険者離職証明書（事業主控）確認用", f"事業所 {co}", f"離職者 {worker}", "離職理由 自己都合（一身上の都合）",
             "離職日 2026年11月30日", "賃金支払状況 別表のとおり"]
    return f"離職証明書_確認用_{worker.replace(' ', '')}.pdf", pdf_bytes(lines)


def kyotei(ci: int):
    co = CLIENTS[ci][0]
    lines = ["時間外労働・休日労働に関する協定届（36協定）案", f"事業場 {co}", "延長時間 1か月45時間 1年360時間",
             "特別条項 年6回まで 1か月80時間未満", "協定期間 2027年1月1日〜2027年12月31日"]
    return f"36協定届案_{co}.pdf", pdf_bytes(lines)


def memo_txt(ci: int, text: str):
    return f"変更点メモ_{CLIENTS[ci][0]}.txt", text.encode("utf-8")


# ---------------------------------------------------------------- mail text
def sig(s: P):
    return (f"\n――――――――――――――――\n{FIRM}\n{s.role} {s.name}\n"
            f"TEL 045-610-{R.randint(1000, 9999)}  {s.email}\n――――――――――――――――\n")


def salute(p: P, style=None):
    style = style if style is not None else R.randrange(4)
    if p.role == "従業員":
        return f"{p.name} 様"
    if not p.last[0]:
        return f"{p.org}\n{p.role} ご担当者様"
    return [f"{p.org}\n{p.role}\n{p.name} 様", f"{p.org}\n{p.last[0]}様", f"{p.org} {p.role}\n{p.last[0]} {p.first[0]} 様",
            f"{p.org}\nご担当者様"][style]


OPEN = ["いつも大変お世話になっております。", "いつもお世話になっております。", "平素より大変お世話になっております。"]
CLOSE = ["ご確認のほど、よろしくお願いいたします。", "ご不明点がございましたらお知らせください。", "何卒よろしくお願い申し上げます。"]


def body(s: P, sal: str, mid: str) -> str:
    return f"{sal}\n\n{R.choice(OPEN)}\n{FIRM.split()[-1]}の{s.last[0]}です。\n\n{mid}\n\n{R.choice(CLOSE)}\n{sig(s)}"


def quote_block(p: P, text: str, when: dt.datetime, style=None):
    if style is None:
        style = R.randrange(2)
    if style == 0:
        q = "\n".join("> " + ln for ln in text.split("\n"))
        return f"\n\n{when.year}年{when.month}月{when.day}日 {when:%H:%M} {p.name} <{p.email}>:\n{q}\n"
    return (f"\n\n-----Original Message-----\nFrom: {p.name} <{p.email}>\nSent: {when:%Y/%m/%d %H:%M}\n"
            f"Subject: ご連絡\n\n{text}\n")


def mid_id(n):
    return f"<{1796000000 + n * 37}.{n:04d}.m17@{DOM}>"


def write_eml(path, n, s: P, to, cc, bcc, subject, text, atts, when, reply=False, cs="utf-8", html=False):
    def a(p):
        return (p.name if isinstance(p, P) else "", p.email if isinstance(p, P) else p)

    if cs == "iso-2022-jp":
        assert not atts
        m = MIMEText(text, "plain", "iso-2022-jp")
        m["From"] = formataddr((str(Header(s.name, cs).encode()), s.email))

        def hdr(lst):
            return ", ".join(formataddr((Header(a(p)[0], cs).encode() if a(p)[0] else "", a(p)[1])) for p in lst)
        for h, lst in (("To", to), ("Cc", cc), ("Bcc", bcc)):
            if lst:
                m[h] = hdr(lst)
        m["Subject"] = Header(subject, cs).encode()
    else:
        m = EmailMessage()
        m["From"] = Address(s.name, addr_spec=s.email)
        for h, lst in (("To", to), ("Cc", cc), ("Bcc", bcc)):
            if lst:
                m[h] = [Address(a(p)[0], addr_spec=a(p)[1]) for p in lst]
        m["Subject"] = subject
        m.set_content(text, charset="utf-8", cte="base64")
        if html:
            esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n")
            m.add_alternative(f"<html><body><div>{esc}</div></body></html>", subtype="html", charset="utf-8",
                              cte="base64")
        for fn, data in atts:
            ext = fn.rsplit(".", 1)[-1]
            mt = {"pdf": ("application", "pdf"), "csv": ("text", "csv"), "txt": ("text", "plain"), "zip": ("application", "zip"),
                  "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")}[ext]
            m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=fn)
            if mt[0] == "text":
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    m.get_payload()[-1].set_param("charset", "Shift_JIS")
    m["Date"] = format_datetime(when)
    m["Message-ID"] = mid_id(n)
    if reply:
        m["In-Reply-To"] = f"<{n}.reply.m17@mail.example>"
    m["X-Mailer"] = R.choice(["Microsoft Outlook 16.0", "Thunderbird 128.3", "Becky! ver. 2.81"])
    with open(path, "wb") as f:
        f.write(m.as_bytes())


# ---------------------------------------------------------------- cases
def owner_of(ci: int, role=None) -> P:
    c = [s for s in staff if ci in owners.get(s.email, []) and (role is None or s.role == role)]
    return R.choice(c or [s for s in staff if ci in owners.get(s.email, [])])


def main_contact(ci: int) -> P:
    c = [p for p in by_client[ci] if p.email not in held_back and p.last[0]]
    return R.choice(c)


def twin(pair) -> tuple[P, P]:
    a, b, _, _, l = pair
    pa = next(p for p in by_client[a] if p.email.startswith(l + "@"))
    pb = next(p for p in by_client[b] if p.email.startswith(l + "@"))
    return pa, pb


def case(kind, s, to, subject, text, atts=(), cc=(), bcc=(), codes=(), note="", **kw):
    return dict(kind=kind, expected="ok" if kind.startswith("ok_") else "risky", s=s, to=list(to), cc=list(cc),
                bcc=list(bcc), subject=subject, text=text, atts=list(atts), codes=set(codes), note=note, **kw)


def MON():
    return R.choice([10, 11, 11, 11])


def rnd_client(exclude=()):
    return R.choice([i for i in range(len(CLIENTS)) if i not in exclude])


def cases():
    out = []
    ext_any = ["external_recipient"]
    # ---- ok kinds
    for _ in range(14):
        ci = rnd_client()
        s, p, m = owner_of(ci, "給与計算課"), main_contact(ci), MON()
        fmt = R.choice(["xlsx", "xlsx", "csv", "pdf"])
        fn, data = ledger(ci, R.randint(12, 140), m, fmt)
        extra = [kintai(ci, R.randint(10, 60), m)] if R.random() < 0.3 else []
        if R.random() < 0.2:
            extra.append(memo_txt(ci, f"{CLIENTS[ci][0]} {m}月分 変更点\n・通勤手当の変更 2名\n・住民税 特別徴収額変更 1名\n"))
        t = body(s, salute(p), f"{m}月分の給与計算が完了しましたので、賃金台帳をお送りいたします。\n"
                 f"支給日は{m + 1 if m < 12 else 1}月25日です。内容をご確認の上、ご承認をお願いいたします。")
        out.append(case("ok_client_own_payroll", s, [p], f"【{CLIENTS[ci][0]}様】{m}月分 給与計算結果のご送付", t,
                        [(fn, data)] + extra, codes=ext_any + ["pii_in_attachment", "bulk_pii"],
                        note=f"{m}月分 賃金台帳 of 〈{CLIENTS[ci][0]}〉 to its own {p.role} {p.name}"))
    for e in R.sample([x for x in employees if x.email not in held_back], 6):
        s = owner_of(e.ci, "給与計算課")
        m = MON()
        fn, data = meisai(e.ci, e, m)
        t = body(s, salute(e), f"{CLIENTS[e.ci][0]}様よりご依頼のとおり、{m}月分の給与明細書（PDF）をお送りいたします。\n"
                 f"{e.name}様ご本人の明細です。")
        out.append(case("ok_employee_own_meisai", s, [e], f"{m}月分 給与明細書の送付", t, [(fn, data)],
                        codes=ext_any + ["pii_in_attachment"], note=f"{e.name}'s own 明細 (〈{e.name}〉) to {e.email}"))
    for _ in range(6):
        ci = rnd_client()
        s, p = owner_of(ci, "手続課"), main_contact(ci)
        if R.random() < 0.5:
            fn, data, rows = shutoku(ci, R.randint(2, 9), R.choice(["xlsx", "pdf"]))
            t = body(s, salute(p), f"12月1日入社の{len(rows)}名分の資格取得届（控）をお送りします。\n"
                     "個人番号を含みますので、社内での取扱いにご注意ください。電子申請は当法人で完了しております。")
        else:
            fn, data = nencho(ci, R.randint(12, 70))
            t = body(s, salute(p), "年末調整の扶養控除等申告書の集計表をお送りします。個人番号を含みますので、\n"
                     "貴社内での保管・廃棄は規程に沿ってお取扱いください。")
        out.append(case("ok_mynumber_to_owner", s, [p], "資格取得届（控）の送付", t, [(fn, data)],
                        codes=ext_any + ["pii_in_attachment", "sensitive_pii", "bulk_pii"],
                        note=f"資格取得届 with My Numbers of 〈{CLIENTS[ci][0]}〉's own new hires to its {p.name}"))
    for _ in range(10):
        s = R.choice(staff)
        r = R.choice([x for x in staff if x is not s])
        ci = rnd_client()
        ch = R.random()
        if ch < 0.4:
            atts = [ledger(ci, R.randint(30, 120), MON(), "xlsx")]
            mid = f"{CLIENTS[ci][0]}の賃金台帳です。差異チェックをお願いします。"
        elif ch < 0.6:
            fn, data, _ = shutoku(ci, 5)
            atts = [(fn, data)]
            mid = f"{CLIENTS[ci][0]}の取得届の控えを共有します。個人番号を含むので取扱注意です。"
        elif ch < 0.8:
            fn, data, _ = rousai(ci, "松田 修", R)
            atts = [(fn, data)]
            mid = f"{CLIENTS[ci][0]}の労災の件、死傷病報告の下書きを確認してください。"
        else:
            atts = []
            mid = "来週の所内ミーティングの議題です。年末調整の進捗、算定の準備、新規顧問先の受け入れ。"
        t = f"{r.last[0]}さん\n\nお疲れさまです。{s.last[0]}です。\n{mid}\n\n{s.name}\n"
        out.append(case("ok_internal", s, [r], R.choice(["共有", "確認お願いします", "【所内】資料"]), t, atts,
                        note=f"to {r.email}; stays inside", cs="iso-2022-jp" if not atts and R.random() < 0.5 else "utf-8"))
    for _ in range(7):
        s = R.choice([x for x in staff if x.role in ("労務相談課", "総務")])
        rc = R.sample([main_contact(i) for i in range(len(CLIENTS))], R.randint(10, 25))
        t = (f"顧問先各位\n\n{R.choice(OPEN)}\n{FIRM}です。\n\n「みなみかぜ労務通信 12月号」をお届けします。\n"
             "・令和8年分 年末調整の留意点\n・育児介護休業法の改正対応\n・36協定の更新時期について\n\n今後ともよろしくお願いいたします。\n"
             + sig(s))
        out.append(case("ok_announcement_bcc", s, [s], "みなみかぜ労務通信 12月号", t, bcc=rc, codes=ext_any,
                        note=f"newsletter to {len(rc)} clients in Bcc, To is the sender", html=R.random() < 0.5))
    for pair in R.sample(TWINS, 8):
        pa, pb = twin(pair)
        if R.random() < 0.5:
            pa, pb = pb, pa
        ci = pa.ci
        s = owner_of(ci)
        m = MON()
        atts = [kintai(ci, R.randint(10, 60), m)] if R.random() < 0.5 else []
        t = body(s, f"{pa.org}\n{pa.role}\n{pa.name} 様", f"{m}月分の勤怠データ、確かに受領いたしました。" +
                 ("\n集計結果を添付しますのでご確認ください。" if atts else "\n計算に着手いたします。"))
        out.append(case("ok_same_surname_right_client", s, [pa], f"{m}月分 勤怠データ受領のご連絡", t, atts,
                        codes=ext_any + (["pii_in_attachment", "bulk_pii"] if atts else []),
                        note=f"{pa.name} at {pa.org}, the right one of the twins ({pb.org} has the same name)"))
    for _ in range(6):
        ci = rnd_client()
        oth = rnd_client([ci])
        s, p = owner_of(ci), main_contact(ci)
        q = f"{p.last[0]}様\n\n{CLIENTS[oth][0]}さんと同じように、賞与の社会保険料の扱いを教えていただけますか。\n{p.org} {p.name}"
        t = body(s, salute(p, 1), "ご質問の件、賞与支払届は支給日から5日以内の提出となります。当法人で手続きいたします。") + \
            quote_block(p, q, dt.datetime(2026, 11, 28, 10, 5))
        out.append(case("ok_reply_quote_other", s, [p], "Re: 賞与の社会保険料について", t, codes=ext_any,
                        note=f"reply to {p.org}; {CLIENTS[oth][0]} only in the quoted text", reply=True))
    for _ in range(5):
        ci = rnd_client()
        s, p = owner_of(ci, "手続課"), main_contact(ci)
        w = f"{R.choice(SUR)[0]} {R.choice(GIV)[0]}"
        fn, data, inj = rousai(ci, w, R)
        t = body(s, salute(p), f"{w}様の労災（{inj.split('（')[0]}）につき、労働者死傷病報告の下書きを作成しました。\n"
                 "内容をご確認のうえ、事業主欄のご確認をお願いします。")
        out.append(case("ok_rousai_own_client", s, [p], f"労働者死傷病報告（{w.split()[0]}様）の下書き", t, [(fn, data)],
                        codes=ext_any + ["pii_in_attachment", "sensitive_pii"],
                        note=f"労災 report of 〈{w}〉 ({CLIENTS[ci][0]} employee) to {p.org}"))
    adv = [x for x in staff if x.role == "労務相談課"]
    for _ in range(5):
        s = R.choice(adv)
        org = R.choice(["税理士法人 あけぼの会計", "中川税理士事務所", "弁護士法人 けやき総合法律事務所"])
        p = R.choice(partners[org])
        t = body(s, f"{org}\n{p.name} 先生", "来月の合同勉強会の日程につき、12月17日（木）15時からでいかがでしょうか。\n"
                 "テーマは年末調整と定額減税の実務を予定しています。")
        out.append(case("ok_partner_routine", s, [p], "合同勉強会の日程", t, codes=ext_any, note=f"scheduling with {org}, no personal data",
                        cs="iso-2022-jp" if R.random() < 0.4 else "utf-8"))
    for org in ["東港年金事務所", "ハローワーク東港", "東港年金事務所"]:
        p = partners[org][0]
        s = R.choice([x for x in staff if x.role == "手続課"])
        t = body(s, f"{org}\nご担当者様", "電子申請の添付書類について、取得時の氏名変更がある場合の取扱いをご教示いただけますでしょうか。\n"
                 "個別の案件ではなく、一般的な取扱いの確認です。")
        out.append(case("ok_public_office_inquiry", s, [p], "電子申請の取扱いについて（照会）", t, codes=ext_any,
                        note=f"general inquiry to {org}, no personal data"))
    for _ in range(4):
        ci = rnd_client()
        s, p = owner_of(ci, "給与計算課"), main_contact(ci)
        pw = f"{R.choice(['Mk', 'Tq', 'Rz', 'Hb'])}{R.randint(1000, 9999)}{R.choice('xyzwv')}#"
        t = body(s, salute(p), f"先ほどお送りした「賃金台帳_{CLIENTS[ci][0]}」のZIPファイルのパスワードをお知らせします。\n\n"
                 f"パスワード：{pw}")
        out.append(case("ok_password_notice_right", s, [p], "【パスワード】先ほどの送付ファイル", t, codes=ext_any,
                        note=f"password notice to the same {p.org} that got the file"))
    fresh = [e for e in held_back if "@" in e and any(e == p.email for ps in by_client.values() for p in ps)]
    for e in sorted(fresh)[:4]:
        p = next(x for x in people if x.email == e)
        s = owner_of(p.ci)
        t = body(s, salute(p, 0), "このたび、貴社の給与計算を担当することになりました。\n今後ともよろしくお願いいたします。")
        out.append(case("ok_first_mail_known_client", s, [p], "担当者変更のご挨拶", t, codes=ext_any,
                        note=f"first mail to {p.email} at known client {p.org}"))
    # ---- risky kinds
    MM = ["attachment_recipient_mismatch", "content_recipient_mismatch"]
    for k in range(10):
        pair = TWINS[k % len(TWINS)]
        pa, pb = twin(pair)
        if k >= len(TWINS):
            pa, pb = pb, pa
        s, m = owner_of(pa.ci), MON()
        fn, data = ledger(pa.ci, R.randint(15, 120), m, R.choice(["xlsx", "csv", "pdf"]))
        t = body(s, f"{pa.org}\n{pa.role}\n{pa.name} 様", f"{m}月分の給与計算結果（賃金台帳）をお送りします。ご確認をお願いいたします。")
        out.append(case("payroll_wrong_client_same_surname", s, [pb], f"{m}月分 給与計算結果のご送付", t, [(fn, data)],
                        codes=MM + ["similar_recipient"],
                        note=f"for 〈{pa.org}〉 {pa.name}; sent to the namesake {pb.name} {pb.email} at {pb.org}"))
    look = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (1, 0)]
    for a, b in look:
        pb = main_contact(b)
        s, m = owner_of(b), MON()
        fn, data = ledger(a, R.randint(15, 90), m, R.choice(["xlsx", "csv"]))
        t = body(s, salute(pb, 0), f"{m}月分の賃金台帳をお送りいたします。")
        out.append(case("payroll_lookalike_company", s, [pb], f"{m}月分 賃金台帳", t, [(fn, data)],
                        codes=["attachment_recipient_mismatch"],
                        note=f"body for {pb.org}, attachment is 〈{CLIENTS[a][0]}〉's (look-alike name)"))
    swaps = [("i", "l"), ("o", "0"), ("m", "rn"), ("-", ""), ("k", "c"), ("e", "a")]
    for old, new in swaps:
        for _ in range(50):
            ci = rnd_client()
            p = main_contact(ci)
            d = p.email.split("@")[1]
            if old in d.split(".")[0]:
                break
        d2 = d.replace(old, new, 1)
        s, m = owner_of(ci), MON()
        fn, data = ledger(ci, R.randint(15, 80), m, "xlsx")
        t = body(s, salute(p), f"{m}月分の賃金台帳をお送りいたします。")
        bad = P(p.last, p.first, p.email.split("@")[0] + "@" + d2, p.org)
        out.append(case("lookalike_domain", s, [bad], f"{m}月分 賃金台帳", t, [(fn, data)],
                        codes=["lookalike_domain", "similar_recipient"],
                        note=f"{p.org} {p.name}: {p.email} typed as {bad.email}"))
    emp_pairs = [(employees[0], employees[1]), (employees[5], employees[6]), (employees[1], employees[0]),
                 (employees[6], employees[5]), (employees[3], employees[9]), (employees[7], employees[2])]
    for j, (want, got) in enumerate(emp_pairs):
        s = owner_of(want.ci, "給与計算課")
        m = MON()
        fn, data = meisai(want.ci, want, m)
        if j % 2 == 0:
            t = body(s, f"{want.name} 様", f"{m}月分の給与明細書をお送りいたします。")
            note = f"{want.name}'s 明細 (〈{want.name}〉, body for {want.name}) sent to {got.name} <{got.email}>"
            codes = MM + ["similar_recipient"]
        else:
            fn, data = meisai(want.ci, got, m) if False else meisai(want.ci, want, m)
            t = body(s, f"{got.name} 様", f"{m}月分の給与明細書をお送りいたします。")
            note = f"to {got.name} with body for {got.name}, but the attached 明細 is 〈{want.name}〉's"
            codes = ["attachment_recipient_mismatch", "similar_recipient"] if want.last == got.last else ["attachment_recipient_mismatch"]
        if want.last != got.last:
            codes = [c for c in codes if c != "similar_recipient"]
        out.append(case("meisai_wrong_employee", s, [got], f"{m}月分 給与明細書", t, [(fn, data)], codes=codes, note=note))
    for _ in range(6):
        ci = rnd_client()
        oth = rnd_client([ci])
        s, p, po = owner_of(ci), main_contact(ci), main_contact(oth)
        m = MON()
        fn, data = ledger(ci, R.randint(15, 80), m, "xlsx")
        q = f"{FIRM.split()[-1]} 御中\n\n{CLIENTS[oth][0]}の{po.last[0]}です。{m}月分の勤怠を送ります。"
        t = body(s, salute(p), f"{m}月分の修正後の賃金台帳を添付します。") + quote_block(po, q, dt.datetime(2026, 11, 27, 9, 30))
        out.append(case("reply_all_keeps_other_client", s, [p], f"Re: Re: {m}月分 勤怠・給与", t, [(fn, data)], cc=[po],
                        codes=["multiple_external_orgs", "content_recipient_mismatch", "attachment_recipient_mismatch"],
                        note=f"〈{CLIENTS[ci][0]}〉's 台帳 to {p.org}; reply-all keeps {po.org} {po.name} in Cc", reply=True))
    for e in R.sample(employees[:9], 5):
        s = owner_of(e.ci, "給与計算課")
        m = MON()
        fn, data = ledger(e.ci, R.randint(25, 120), m, R.choice(["xlsx", "csv"]), include=[e])
        t = body(s, salute(e), f"お問い合わせの{m}月分の時間外手当の件、賃金台帳を添付しますのでご確認ください。")
        out.append(case("whole_ledger_for_one_row", s, [e], f"{m}月分 時間外手当のお問い合わせ", t, [(fn, data)],
                        codes=["bulk_pii", "pii_in_attachment"],
                        note=f"{e.name} (〈{e.name}〉) asked about one row; the whole 台帳 of 〈{CLIENTS[e.ci][0]}〉 sent to the employee"))
    # My Numbers to the wrong party
    mnp = [("税理士法人 あけぼの会計", "body"), ("中川税理士事務所", "att"), ("弁護士法人 けやき総合法律事務所", "body"),
           ("ハローワーク東港", "body"), ("株式会社カミヤ封入センター", "att"), ("other", "att"), ("other", "body")]
    for org, how in mnp:
        ci = rnd_client()
        s = owner_of(ci, "手続課")
        if org == "other":
            oc = rnd_client([ci])
            p = main_contact(oc)
        else:
            p = partners[org][0]
        rows = roster(ci, 50)[-R.randint(2, 5):]
        atts = []
        codes = ["sensitive_pii"] + (["bulk_pii"] if len(rows) > 2 else [])
        if how == "body":
            lst = "\n".join(f"  {r['name']}（{r['birth']}） 個人番号 {r['mn']}" for r in rows)
            mid = f"{CLIENTS[ci][0]}の新規入社者の情報です。\n{lst}"
        else:
            fn, data, rows = shutoku(ci, len(rows))
            atts = [(fn, data)]
            mid = f"{CLIENTS[ci][0]}の資格取得届の控えを添付します。"
            codes += ["pii_in_attachment"]
        if org == "other":
            codes += ["content_recipient_mismatch"] + (["attachment_recipient_mismatch"] if atts else [])
        t = body(s, salute(p, 0) if org == "other" else f"{p.org}\nご担当者様", mid)
        out.append(case("mynumber_wrong_party", s, [p], "入社者の手続きについて", t, atts, codes=codes,
                        note=f"My Numbers of {CLIENTS[ci][0]} employees ({how}) to {p.org}"
                        + (f" (〈{CLIENTS[ci][0]}〉)" if atts else "")))
    for k in range(5):
        if k < 3:
            pa, pb = twin(TWINS[k + 3])
        else:
            pa = main_contact(rnd_client())
            pb = main_contact(rnd_client([pa.ci]))
        s = owner_of(pa.ci)
        w = f"{R.choice(SUR)[0]} {R.choice(GIV)[0]}"
        fn, data, inj = rousai(pa.ci, w, R)
        t = body(s, f"{pa.org}\n{pa.name} 様", f"{w}様の労災の件、死傷病報告の下書きをお送りします。\n傷病：{inj}")
        codes = MM + (["similar_recipient"] if k < 3 else [])
        out.append(case("rousai_wrong_client", s, [pb], f"労働者死傷病報告（{w.split()[0]}様）", t, [(fn, data)], codes=codes,
                        note=f"injury report of 〈{w}〉 at 〈{pa.org}〉 sent to {pb.org} {pb.email}"))
    for _ in range(5):
        ci = rnd_client()
        s, p = owner_of(ci), main_contact(ci)
        priv = f"{p.first[2]}{p.last[2]}{R.randint(70, 99)}@{R.choice(FREE)}"
        m = MON()
        fn, data = ledger(ci, R.randint(20, 100), m, "xlsx")
        t = body(s, salute(p), f"{m}月分の賃金台帳をお送りします。ご依頼のとおり、ご自宅のアドレスにもCcしております。")
        out.append(case("cc_personal_address", s, [p], f"{m}月分 賃金台帳", t, [(fn, data)], cc=[P(p.last, p.first, priv, "")],
                        codes=["bulk_pii", "pii_in_attachment", "multiple_external_orgs"],
                        note=f"〈{CLIENTS[ci][0]}〉 台帳 to {p.email} with Cc to a free-mail address {priv}"))
    for _ in range(6):
        s = R.choice([x for x in staff if x.role in ("労務相談課", "総務")])
        rc = R.sample([main_contact(i) for i in range(len(CLIENTS))], R.randint(8, 22))
        cut = R.randint(1, 3)
        t = (f"顧問先各位\n\n{R.choice(OPEN)}\n{FIRM}です。\n\n年末年始の営業日のお知らせと、年末調整書類の提出期限のご案内です。\n"
             "・12月29日〜1月4日 休業\n・年末調整書類 12月11日必着\n" + sig(s))
        out.append(case("newsletter_open_list", s, rc[:cut], "年末年始の営業と年末調整のご案内", t, cc=rc[cut:],
                        codes=["open_recipient_list", "multiple_external_orgs"],
                        note=f"notice with {len(rc)} clients in To/Cc (should be Bcc)", html=R.random() < 0.4))
    for _ in range(5):
        s = R.choice([x for x in staff if x.role in ("労務相談課", "総務")])
        rc = R.sample([main_contact(i) for i in range(len(CLIENTS))], R.randint(12, 28))
        k = R.randint(2, 4)
        t = (f"顧問先各位\n\n{R.choice(OPEN)}\n{FIRM}です。\n\n「みなみかぜ労務通信 12月号」をお届けします。\n"
             "・マイナンバーの保管と廃棄\n・年末調整の提出期限\n\n" + sig(s))
        out.append(case("announcement_bcc_slip", s, [s], "みなみかぜ労務通信 12月号", t, cc=rc[:k], bcc=rc[k:],
                        codes=["open_recipient_list", "multiple_external_orgs"],
                        note=f"newsletter: {len(rc) - k} clients in Bcc but {k} pasted into Cc"))
    unk = [("kyuyo-center.example", "給与アウトソーシング会社を名乗る先"), ("hokuto-group.test", "\"group company\" of 北斗電機"),
           ("sr-office-nishi.example", "another 社労士 office"), ("mymail.test", "hand-typed personal address"),
           ("jinzai-match.example", "人材紹介会社")]
    for d, what in unk:
        ci = 0 if "hokuto" in d else rnd_client()
        s = owner_of(ci)
        m = MON()
        fn, data = ledger(ci, R.randint(20, 120), m, R.choice(["xlsx", "csv"]))
        sn, gv = rname()
        p = P(sn, gv, f"{lp(sn, gv)}@{d}", "")
        t = body(s, f"{p.name} 様", f"{CLIENTS[ci][0]}様の{m}月分の給与データをお送りします。")
        out.append(case("first_time_unknown_org", s, [p], f"{m}月分 給与データ", t, [(fn, data)],
                        codes=["first_time_recipient", "bulk_pii", "pii_in_attachment"],
                        note=f"〈{CLIENTS[ci][0]}〉 payroll file to {p.email} ({what}), in no directory"))
    for _ in range(6):
        ci = rnd_client()
        oth = rnd_client([ci])
        s, p = owner_of(ci), main_contact(ci)
        m = MON()
        kind = R.choice(["ledger", "kyotei", "rishoku", "kintai"])
        if kind == "ledger":
            fn, data = ledger(oth, R.randint(15, 60), m, "xlsx")
        elif kind == "kyotei":
            fn, data = kyotei(oth)
        elif kind == "rishoku":
            fn, data = rishoku(oth, f"{R.choice(SUR)[0]} {R.choice(GIV)[0]}")
            fn = fn.replace("確認用", CLIENTS[oth][0])
        else:
            fn, data = kintai(oth, R.randint(10, 40), m)
        t = body(s, salute(p), f"ご依頼の書類を添付いたします。{CLIENTS[ci][0]}様分です。")
        out.append(case("attachment_names_other_client", s, [p], "ご依頼の書類", t, [(fn, data)],
                        codes=["attachment_recipient_mismatch"],
                        note=f"body for {CLIENTS[ci][0]}; file {fn} is 〈{CLIENTS[oth][0]}〉's"))
    for k in range(4):
        pa, pb = twin(TWINS[k * 2])
        s = owner_of(pa.ci)
        m = MON()
        pw = f"Pw{R.randint(100000, 999999)}"
        if k < 2:
            fn, data = ledger(pa.ci, R.randint(20, 80), m, "xlsx")
            z = zip_pw([(fn.replace(CLIENTS[pa.ci][0], f"c{pa.ci:02d}"), data)], pw)
            t = body(s, f"{pa.org}\n{pa.name} 様", f"{m}月分の賃金台帳をパスワード付きZIPでお送りします。\nパスワード：{pw}")
            out.append(case("password_with_file_wrong_party", s, [pb], f"{m}月分 賃金台帳（パスワード付）", t,
                            [(f"chingin_{m:02d}.zip", z)], codes=["content_recipient_mismatch", "similar_recipient", "unscannable_attachment"],
                            note=f"zip and its password (password {pw}) in one mail for {pa.org}, sent to {pb.org} {pb.email}"))
        else:
            t = body(s, f"{pa.org}\n{pa.name} 様", f"先ほどお送りした{pa.org}様の賃金台帳のパスワードです。\nパスワード：{pw}")
            out.append(case("password_with_file_wrong_party", s, [pb], "【パスワード】賃金台帳", t,
                            codes=["content_recipient_mismatch", "similar_recipient"],
                            note=f"password notice for {pa.org} sent to {pb.org} {pb.email}"))
    return out


def main():
    build()
    hist = history()
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{FIRM}"\ninternal_domains = ["{DOM}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in people:
            w.writerow([p.name or p.role, p.kana or "", p.email, p.org])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in hist:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    past: dict[str, set] = {}
    for h in hist:
        past.setdefault(h["from"], set()).update(h["to"] + h["cc"])
    cs_list = cases()
    R.shuffle(cs_list)
    md = os.path.join(HERE, "messages")
    shutil.rmtree(md, ignore_errors=True)
    os.makedirs(md)
    labels = []
    for n, c in enumerate(cs_list, 1):
        s = c["s"]
        wd = [dt.date(2026, 12, 1) + dt.timedelta(days=i) for i in range(25)]
        wd = [x for x in wd if x.weekday() < 5]
        day = wd[(n - 1) * len(wd) // len(cs_list)]
        when = dt.datetime(day.year, day.month, day.day, R.randint(8, 19), R.randint(0, 59), tzinfo=JST)
        rc = [p.email for p in c["to"] + c["cc"] + c["bcc"] if p.email.split("@")[1] != DOM]
        codes = set(c["codes"])
        if any(e not in past.get(s.email, set()) for e in rc):
            codes.add("first_time_recipient")
        else:
            codes.discard("first_time_recipient")
        if c["expected"] == "ok" and rc:
            codes.add("external_recipient")
        if not rc:
            codes = set()
        cs = c.get("cs", "utf-8")
        if c["atts"] or c.get("html"):
            cs = "utf-8"
        elif R.random() < 0.35:
            cs = "iso-2022-jp"
        write_eml(os.path.join(md, f"{n:04d}.eml"), n, s, c["to"], c["cc"], c["bcc"], c["subject"], c["text"], c["atts"],
                  when, reply=c.get("reply", False), cs=cs, html=c.get("html", False))
        labels.append({"file": f"messages/{n:04d}.eml", "expected": c["expected"], "codes": sorted(codes),
                       "kind": c["kind"], "note": c["note"]})
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print(len(labels), "messages")


if __name__ == "__main__":
    main()
