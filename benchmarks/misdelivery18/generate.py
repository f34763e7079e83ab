# ruff: noqa: B007, E501, F541, I001, RUF015, SIM401, SIM905, UP012
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Generate misdelivery18: outgoing mail of a made-up city hall (青嶺市役所) for the 誤送信 guard.

Deterministic (seed 1818). Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Needs openpyxl and reportlab (CID font HeiseiKakuGo-W5, built in). Written without reading the guard.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import shutil
from email.message import EmailMessage
from email.headerregistry import Address
from email.utils import format_datetime, make_msgid

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(1818)
CITY = "青嶺市"
HALL = "青嶺市役所"
DOM = "city.aomine.lg.example"
FREE = ["aomail.example", "hikari-net.test", "webpost.example.com", "kmail.test", "mobiweb.example"]

SUR = [s.split(":") for s in (
    "佐藤:サトウ:sato 鈴木:スズキ:suzuki 田中:タナカ:tanaka 伊藤:イトウ:ito 渡辺:ワタナベ:watanabe "
    "山本:ヤマモト:yamamoto 中村:ナカムラ:nakamura 小林:コバヤシ:kobayashi 加藤:カトウ:kato 吉田:ヨシダ:yoshida "
    "山田:ヤマダ:yamada 佐々木:ササキ:sasaki 山口:ヤマグチ:yamaguchi 松本:マツモト:matsumoto 井上:イノウエ:inoue "
    "木村:キムラ:kimura 林:ハヤシ:hayashi 清水:シミズ:shimizu 山崎:ヤマザキ:yamazaki 森:モリ:mori 池田:イケダ:ikeda "
    "橋本:ハシモト:hashimoto 阿部:アベ:abe 石川:イシカワ:ishikawa 山下:ヤマシタ:yamashita 中島:ナカジマ:nakajima "
    "石井:イシイ:ishii 小川:オガワ:ogawa 前田:マエダ:maeda 岡田:オカダ:okada 長谷川:ハセガワ:hasegawa "
    "藤田:フジタ:fujita 後藤:ゴトウ:goto 近藤:コンドウ:kondo 村上:ムラカミ:murakami 遠藤:エンドウ:endo "
    "青木:アオキ:aoki 坂本:サカモト:sakamoto 福田:フクダ:fukuda 太田:オオタ:ota 西村:ニシムラ:nishimura "
    "藤井:フジイ:fujii 岡本:オカモト:okamoto 三浦:ミウラ:miura 原田:ハラダ:harada 松田:マツダ:matsuda "
    "中野:ナカノ:nakano 小野:オノ:ono 菅原:スガワラ:sugawara 久保:クボ:kubo 千葉:チバ:chiba 野口:ノグチ:noguchi "
    "大野:オオノ:ono 菊地:キクチ:kikuchi 杉山:スギヤマ:sugiyama 宮崎:ミヤザキ:miyazaki 工藤:クドウ:kudo "
    "酒井:サカイ:sakai 内田:ウチダ:uchida 横山:ヨコヤマ:yokoyama").split()]
COMMON = SUR[:9]
GIV = [g.split(":") for g in (
    "健二:ケンジ:kenji 誠:マコト:makoto 浩:ヒロシ:hiroshi 茂:シゲル:shigeru 正人:マサト:masato 隆:タカシ:takashi "
    "和也:カズヤ:kazuya 直樹:ナオキ:naoki 修:オサム:osamu 大輔:ダイスケ:daisuke 翔太:ショウタ:shota 博之:ヒロユキ:hiroyuki "
    "勝利:カツトシ:katsutoshi 清:キヨシ:kiyoshi 悟:サトル:satoru 拓也:タクヤ:takuya 哲也:テツヤ:tetsuya 稔:ミノル:minoru "
    "和子:カズコ:kazuko 陽子:ヨウコ:yoko 恵子:ケイコ:keiko 幸子:サチコ:sachiko 真由美:マユミ:mayumi 美穂:ミホ:miho "
    "由美:ユミ:yumi 直美:ナオミ:naomi 智子:トモコ:tomoko 裕子:ユウコ:yuko 明美:アケミ:akemi 千秋:チアキ:chiaki "
    "さくら:サクラ:sakura 久美子:クミコ:kumiko 典子:ノリコ:noriko 綾:アヤ:aya 舞:マイ:mai 春香:ハルカ:haruka").split()]
TOWNS = ["緑町", "本町", "桜ケ丘", "若葉", "東雲", "港町", "北原", "南台", "旭町", "柳町", "青葉台", "西浦"]

# ---------------------------------------------------------------- people


def mynumber() -> str:
    d = [R.randrange(10) for _ in range(11)]
    if d[0] == 0:
        d[0] = 3
    s = 0
    for n in range(1, 12):
        p = d[11 - n]
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return "".join(map(str, d)) + str(0 if r <= 1 else 11 - r)


def rname(common=0.35, sur=None, giv=None):
    s = sur or (R.choice(COMMON) if R.random() < common else R.choice(SUR))
    g = giv or R.choice(GIV)
    return s, g


def resident(sur=None, giv=None):
    s, g = rname(0.3, sur, giv)
    b = dt.date(1935, 1, 1) + dt.timedelta(days=R.randrange(80 * 365))
    return {"name": f"{s[0]} {g[0]}", "kana": f"{s[1]} {g[1]}", "birth": b.isoformat(),
            "zip": f"9{R.randrange(10, 99)}-{R.randrange(1000, 9999)}",
            "addr": f"{CITY}{R.choice(TOWNS)}{R.randrange(1, 6)}丁目{R.randrange(1, 30)}番{R.randrange(1, 20)}号",
            "tel": f"0{R.randrange(70, 99)}-{R.randrange(200, 999)}-{R.randrange(1000, 9999)}",
            "mn": mynumber(), "sur": s[0]}


CONTACTS: list[dict] = []
BYMAIL: dict[str, dict] = {}


def add(name, kana, email, org, cat, key, dept=""):
    c = {"name": name, "kana": kana, "email": email, "org": org, "cat": cat, "key": key, "dept": dept}
    assert email not in BYMAIL, email
    CONTACTS.append(c)
    BYMAIL[email] = c
    return c


# internal staff: (surname idx or literal, given, dept)
STAFF_DEF = [
    ("佐藤:サトウ:sato", "直樹:ナオキ:naoki", "市民課"), ("小野:オノ:ono", "美穂:ミホ:miho", "市民課"),
    ("木村:キムラ:kimura", "修:オサム:osamu", "税務課"), ("佐藤:サトウ:sato", "裕子:ユウコ:yuko", "税務課"),
    ("森:モリ:mori", "拓也:タクヤ:takuya", "税務課"),
    ("岡田:オカダ:okada", "智子:トモコ:tomoko", "福祉課 生活保護係"), ("内田:ウチダ:uchida", "哲也:テツヤ:tetsuya", "福祉課 生活保護係"),
    ("青木:アオキ:aoki", "千秋:チアキ:chiaki", "福祉課 障害福祉係"), ("高橋:タカハシ:takahashi", "悟:サトル:satoru", "福祉課 障害福祉係"),
    ("酒井:サカイ:sakai", "由美:ユミ:yumi", "介護保険課"), ("野口:ノグチ:noguchi", "博之:ヒロユキ:hiroyuki", "介護保険課"),
    ("工藤:クドウ:kudo", "綾:アヤ:aya", "介護保険課"),
    ("横山:ヨコヤマ:yokoyama", "春香:ハルカ:haruka", "子育て支援課"), ("中島:ナカジマ:nakajima", "翔太:ショウタ:shota", "子育て支援課"),
    ("杉山:スギヤマ:sugiyama", "典子:ノリコ:noriko", "教育委員会 学務課"), ("宮崎:ミヤザキ:miyazaki", "稔:ミノル:minoru", "教育委員会 学務課"),
    ("千葉:チバ:chiba", "清:キヨシ:kiyoshi", "総務課 情報政策係"), ("石井:イシイ:ishii", "舞:マイ:mai", "秘書広報課"),
]
STAFF = []
for s, g, dept in STAFF_DEF:
    s, g = s.split(":"), g.split(":")
    lp = f"{g[2][0]}.{s[2]}"
    if any(x["email"].startswith(lp + "@") for x in STAFF):
        lp = f"{g[2][:2]}.{s[2]}"
    STAFF.append(add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", f"{lp}@{DOM}", f"{HALL} {dept}", "internal", "hall", dept))

# organisations: key -> (name, domain, cat, n staff, depts)
ORGS = {
    "midorikawa": ("緑川市役所 福祉課", "city.midorikawa.lg.example", "muni", 4),
    "higashihara": ("東原町役場 住民福祉課", "town.higashihara.lg.example", "muni", 3),
    "kitakaze": ("北風県 地域福祉課", "pref.kitakaze.lg.example", "muni", 3),
    "shakyo": ("社会福祉法人 青嶺市社会福祉協議会", "aomine-shakyo.example", "shakyo", 5),
    "hokubu": ("青嶺市北部地域包括支援センター", "hokubu-houkatsu.example", "houkatsu", 4),
    "nanbu": ("青嶺市南部地域包括支援センター", "nanbu-houkatsu.example", "houkatsu", 4),
    "sakuranbo": ("居宅介護支援事業所 さくらんぼ", "sakuranbo-care.example", "kaigo", 4),
    "caresakura": ("ケアセンターさくら", "care-sakura.test", "kaigo", 4),
    "aoba": ("デイサービス あおば", "aoba-day.example", "kaigo", 3),
    "hidamari": ("訪問介護ステーション ひだまり", "hidamari-houmon.example", "kaigo", 3),
    "minorikobo": ("就労継続支援B型事業所 みのり工房", "minori-kobo.example", "shogai", 3),
    "minorisoudan": ("相談支援事業所 みのり", "minori-soudan.example", "shogai", 3),
    "komorebi": ("グループホーム こもれび", "komorebi-gh.test", "shogai", 3),
    "chuohp": ("青嶺中央病院 地域連携室", "aomine-chuo-hp.example", "iryo", 4),
    "matsubara": ("松原内科クリニック", "matsubara-naika.example", "iryo", 2),
    "aominis": ("株式会社アオミネ情報システム", "aomine-is.example", "vendor_sys", 4),
    "print": ("有限会社 青嶺印刷", "aomine-print.example", "vendor_print", 3),
    "calllink": ("株式会社コールリンク 青嶺コールセンター", "call-link.example", "vendor_call", 3),
    "police": ("北風県警察 青嶺警察署 生活安全課", "aomine-ps.kitakaze-police.example", "police", 3),
    "minamilaw": ("弁護士法人 みなみ総合法律事務所", "minami-law.example", "law", 3),
    "takalaw": ("高橋法律事務所", "takahashi-law.test", "law", 2),
    "gikai": ("青嶺市議会", "gikai.aomine.lg.example", "gikai", 0),
    "pta": ("青嶺市PTA連合会", "aomine-pta.example", "edu", 3),
    "sukusuku": ("NPO法人 すくすく（放課後児童クラブ受託）", "sukusuku-npo.example", "edu", 3),
}
# planted people: org key -> list of (surname, given, local part)
PLANT = {
    "sakuranbo": [("斉藤:サイトウ:saito", "陽子:ヨウコ:yoko", "y.saito")],
    "caresakura": [("斎藤:サイトウ:saito", "陽子:ヨウコ:yoko", "y.saito")],
    "hokubu": [("高橋:タカハシ:takahashi", "誠:マコト:makoto", "m.takahashi")],
    "nanbu": [("髙橋:タカハシ:takahashi", "誠:マコト:makoto", "m.takahashi")],
    "minorikobo": [("佐々木:ササキ:sasaki", "恵子:ケイコ:keiko", "k.sasaki")],
    "minorisoudan": [("佐々木:ササキ:sasaki", "恵子:ケイコ:keiko", "sasaki")],
    "midorikawa": [("渡辺:ワタナベ:watanabe", "隆:タカシ:takashi", "t.watanabe")],
    "higashihara": [("渡辺:ワタナベ:watanabe", "隆:タカシ:takashi", "watanabe-t")],
    "aoba": [("中村:ナカムラ:nakamura", "直美:ナオミ:naomi", "n.nakamura")],
    "hidamari": [("中村:ナカムラ:nakamura", "直美:ナオミ:naomi", "n.nakamura")],
    "takalaw": [("高橋:タカハシ:takahashi", "正人:マサト:masato", "m.takahashi")],
}
ORGSTAFF: dict[str, list[dict]] = {}
for k, (oname, dom, cat, n) in ORGS.items():
    lst = []
    for s, g, lp in PLANT.get(k, []):
        s, g = s.split(":"), g.split(":")
        lst.append(add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", f"{lp}@{dom}", oname, cat, k))
    while len(lst) < n:
        s, g = rname(0.35)
        lp = R.choice([f"{g[2][0]}.{s[2]}", f"{s[2]}", f"{s[2]}.{g[2]}", f"{g[2]}-{s[2]}"])
        e = f"{lp}@{dom}"
        if e in BYMAIL:
            continue
        lst.append(add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}" if R.random() > 0.1 else "", e, oname, cat, k))
    ORGSTAFF[k] = lst

# council members: official + private address (the private one in the directory as an individual)
GIIN = []
for s, g in [("小野:オノ:ono", "健二:ケンジ:kenji"), ("福田:フクダ:fukuda", "明美:アケミ:akemi"),
             ("三浦:ミウラ:miura", "勝利:カツトシ:katsutoshi"), ("石川:イシカワ:ishikawa", "和也:カズヤ:kazuya")]:
    s, g = s.split(":"), g.split(":")
    off = add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", f"giin.{s[2]}@gikai.aomine.lg.example", "青嶺市議会", "gikai", "gikai")
    prv = add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", f"{g[2]}.{s[2]}.{R.randrange(10, 99)}@{R.choice(FREE)}",
              f"個人（青嶺市議会議員 {s[0]} {g[0]} 私用）", "giin_private", f"gp_{s[2]}")
    GIIN.append((off, prv))
jim = add("西村 典子", "ニシムラ ノリコ", "jimukyoku@gikai.aomine.lg.example", "青嶺市議会", "gikai", "gikai")
ORGSTAFF["gikai"] = [o for o, _ in GIIN] + [jim]

# 民生委員 (private persons in a public role), on free mail
MINSEI = []
for i, town in enumerate(TOWNS[:8]):
    s, g = rname(0.4)
    e = f"{s[2]}.{g[2][0]}{R.randrange(100, 999)}@{R.choice(FREE)}"
    c = add(f"{s[0]} {g[0]}", f"{s[1]} {g[1]}", e, f"個人（民生委員・児童委員 {town}地区）", "minsei", f"minsei{i}")
    c["town"] = town
    MINSEI.append(c)

# residents who asked for e-mail; planted look-alike pairs
RES = []
for s, g in [("斉藤:サイトウ:saito", "和子:カズコ:kazuko"), ("斎藤:サイトウ:saito", "和子:カズコ:kazuko"),
             ("高橋:タカハシ:takahashi", "茂:シゲル:shigeru"), ("髙橋:タカハシ:takahashi", "茂:シゲル:shigeru"),
             ("山本:ヤマモト:yamamoto", "恵子:ケイコ:keiko"), ("山本:ヤマモト:yamamoto", "恵子:ケイコ:keiko"),
             ("佐藤:サトウ:sato", "大輔:ダイスケ:daisuke"), ("佐藤:サトウ:sato", "幸子:サチコ:sachiko"),
             ("伊藤:イトウ:ito", "久美子:クミコ:kumiko"), ("松田:マツダ:matsuda", "清:キヨシ:kiyoshi"),
             ("後藤:ゴトウ:goto", "真由美:マユミ:mayumi"), ("近藤:コンドウ:kondo", "和也:カズヤ:kazuya"),
             ("坂本:サカモト:sakamoto", "さくら:サクラ:sakura"), ("藤井:フジイ:fujii", "隆:タカシ:takashi")]:
    s, g = s.split(":"), g.split(":")
    r = resident(s, g)
    e = f"{g[2]}.{s[2]}{R.randrange(1, 99)}@{R.choice(FREE)}" if R.random() < 0.6 else f"{s[2]}-{g[2][0]}{R.randrange(100, 999)}@{R.choice(FREE)}"
    if e in BYMAIL:
        e = "x" + e
    town = next(t for t in TOWNS if t in r["addr"])
    c = add(r["name"], r["kana"], e, f"個人（市民 {r['name']}・{town}）", "resident", f"res{len(RES)}")
    c["rec"] = r
    RES.append(c)

# ---------------------------------------------------------------- ownership and history
OWN = {
    "市民課": ["resident", "muni", "police"],
    "税務課": ["resident", "muni", "law", "vendor_sys", "vendor_print"],
    "福祉課 生活保護係": ["iryo", "shakyo", "minsei", "muni", "police"],
    "福祉課 障害福祉係": ["shogai", "iryo", "shakyo", "muni"],
    "介護保険課": ["houkatsu", "kaigo", "vendor_print", "vendor_call", "iryo"],
    "子育て支援課": ["resident", "vendor_print", "vendor_call", "edu", "minsei"],
    "教育委員会 学務課": ["edu", "vendor_print", "muni"],
    "総務課 情報政策係": ["vendor_sys", "gikai", "vendor_call"],
    "秘書広報課": ["gikai", "shakyo", "edu"],
}
SUBJ = {
    "resident": ["証明書の送付について", "お問い合わせの件", "申請書類について", "ご相談の件（回答）", "手続きのご案内"],
    "muni": ["住所地特例対象者について", "照会の件", "転出者に係る情報提供", "連絡会議の日程", "様式の共有"],
    "police": ["照会への回答", "行方不明高齢者の件", "見守りネットワーク会議"],
    "law": ["照会書への回答", "弁護士会照会について", "ご依頼の件"],
    "vendor_sys": ["システム改修の件", "障害対応について", "定例会資料", "帳票レイアウト変更"],
    "vendor_print": ["印刷データの送付", "校正のお願い", "納期の確認", "見積依頼"],
    "vendor_call": ["FAQ更新", "問い合わせ件数報告", "応対記録の確認", "スクリプト修正"],
    "iryo": ["受診状況の照会", "医療要否意見書", "退院後の支援について", "連携会議"],
    "shakyo": ["貸付の件", "ケース会議について", "研修案内", "見守り事業"],
    "minsei": ["定例会のご案内", "見守り対象者について", "訪問のお願い", "地区連絡"],
    "shogai": ["支給決定について", "サービス等利用計画", "モニタリング報告", "担当者会議"],
    "houkatsu": ["介護予防ケアマネジメント", "地域ケア会議", "認定状況の確認", "困難事例の相談"],
    "kaigo": ["認定結果の情報提供", "サービス担当者会議", "給付管理の件", "事故報告"],
    "edu": ["学童クラブ入所調整", "連合会行事", "就学援助の案内", "名簿の確認"],
    "gikai": ["資料提供", "一般質問の答弁資料", "委員会資料", "行事のご案内"],
    "giin_private": [], "internal": ["打合せ", "決裁回付", "資料確認", "会議資料", "照会の回答案"],
}
HELD = set()
for k, lst in ORGSTAFF.items():
    if len(lst) >= 3 and k != "gikai":
        HELD.add(lst[-1]["email"])  # one per larger organisation is never mailed
HELD |= {p["email"] for _, p in GIIN}
HELD |= {RES[-1]["email"], RES[-2]["email"], MINSEI[-1]["email"]}
EXT = [c for c in CONTACTS if c["cat"] != "internal"]


def owned(sender):
    cats = OWN[sender["dept"]]
    return [c for c in EXT if c["cat"] in cats and c["email"] not in HELD]


def write_history():
    start = dt.datetime(2025, 12, 1, 8, 30)
    rows = []
    # routine: each sender has mailed each owned contact at least once
    for s in STAFF:
        for c in owned(s):
            rows.append((start + dt.timedelta(minutes=R.randrange(0, 364 * 24 * 60)), s, [c["email"]], [], R.choice(SUBJ[c["cat"]])))
    while len(rows) < 3000:
        s = R.choice(STAFF)
        t = start + dt.timedelta(minutes=R.randrange(0, 364 * 24 * 60))
        x = R.random()
        if x < 0.80:
            pool = owned(s)
            c = R.choice(pool)
            to = [c["email"]]
            same = [o for o in pool if o["key"] == c["key"] and o is not c]
            cc = [R.choice(same)["email"]] if same and R.random() < 0.15 else []
            if R.random() < 0.2:
                cc.append(R.choice([x for x in STAFF if x is not s])["email"])
            subj = R.choice(SUBJ[c["cat"]])
        elif x < 0.93:
            to = [R.choice([x for x in STAFF if x is not s])["email"]]
            cc, subj = [], R.choice(SUBJ["internal"])
        else:
            c = R.choice([c for c in EXT if c["email"] not in HELD])
            to, cc, subj = [c["email"]], [], R.choice(SUBJ.get(c["cat"]) or ["ご連絡"])
        rows.append((t, s, to, cc, subj))
    rows.sort(key=lambda r: r[0])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for t, s, to, cc, subj in rows:
            t = t.replace(hour=max(8, min(t.hour, 19)))
            f.write(json.dumps({"date": t.isoformat() + "+09:00", "from": s["email"], "to": to, "cc": cc,
                                "subject": subj}, ensure_ascii=False) + "\n")
    past = {}
    for t, s, to, cc, subj in rows:
        past.setdefault(s["email"], set()).update(to + cc)
    return past


# ---------------------------------------------------------------- documents
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402

pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))


def pdf(lines: list[str]) -> bytes:
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=A4, invariant=1)
    y = 800
    for i, ln in enumerate(lines):
        c.setFont("HeiseiKakuGo-W5", 14 if i == 0 else 10)
        c.drawString(50, y, ln)
        y -= 22 if i == 0 else 16
        if y < 60:
            c.showPage()
            y = 800
    c.save()
    return b.getvalue()


def xlsx(header, rows, title="一覧") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title[:30]
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csvb(header, rows, cp932=False) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    if cp932:
        try:
            return s.getvalue().encode("cp932")
        except UnicodeEncodeError:
            pass
    return s.getvalue().encode("utf-8-sig")


CARE = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"]
SHOGAI = ["身体障害者手帳 2級（肢体不自由）", "身体障害者手帳 1級（視覚障害）", "療育手帳 B", "療育手帳 A",
          "精神障害者保健福祉手帳 2級", "精神障害者保健福祉手帳 3級", "身体障害者手帳 3級（内部障害）"]
DIAG = ["脳梗塞後遺症", "アルツハイマー型認知症", "統合失調症", "うつ病", "糖尿病性腎症", "慢性心不全", "関節リウマチ"]


def case_doc(kind: str, person: dict, to_org: str, fmt: str):
    """A case document for one person. Returns (filename, bytes)."""
    nm = person["name"].replace(" ", "")
    if kind == "kaigo":
        title = "要介護認定結果 情報提供票"
        lines = [title, f"提供先：{to_org} 御中", f"被保険者氏名：{person['name']}（{person['kana']}）",
                 f"生年月日：{person['birth']}", f"住所：{person['addr']}", f"要介護状態区分：{R.choice(CARE)}",
                 f"認定有効期間：2026年12月1日～2027年11月30日", f"主治医意見書（抜粋）：{R.choice(DIAG)}、服薬管理に支援を要する",
                 f"{HALL} 介護保険課"]
        fn = f"認定結果情報提供票_{nm}様"
    elif kind == "shogai":
        title = "障害福祉サービス 支給決定内容のお知らせ（事業所控）"
        lines = [title, f"事業所：{to_org} 御中", f"利用者氏名：{person['name']}（{person['kana']}）",
                 f"生年月日：{person['birth']}", f"住所：{person['addr']}", f"手帳：{R.choice(SHOGAI)}",
                 f"障害支援区分：区分{R.randrange(2, 6)}", f"支給量：就労継続支援B型 当該月の日数から8日を控除した日数",
                 f"受給者証番号：{R.randrange(1000000000, 9999999999)}", f"{HALL} 福祉課 障害福祉係"]
        fn = f"支給決定_{nm}様"
    elif kind == "hogo":
        title = "生活保護 ケース記録（抜粋）・援助方針"
        lines = [title, f"提供先：{to_org} 御中", f"世帯主：{person['name']}（{person['kana']}）",
                 f"生年月日：{person['birth']}", f"住所：{person['addr']}", f"保護開始：2024年{R.randrange(1, 13)}月",
                 f"世帯類型：{R.choice(['高齢者世帯', '障害者世帯', '傷病者世帯', 'その他世帯'])}",
                 f"傷病の状況：{R.choice(DIAG)}（通院中）", "援助方針：通院同行と服薬確認、金銭管理について社協と連携", f"{HALL} 福祉課 生活保護係"]
        fn = f"ケース記録抜粋_{nm}様"
    elif kind == "kazei":
        title = "令和8年度 市民税・県民税 課税内容のお知らせ"
        inc = R.randrange(120, 900) * 10000
        lines = [title, f"{person['zip']} {person['addr']}", f"{person['name']} 様", f"総所得金額等：{inc:,}円",
                 f"所得控除額：{R.randrange(43, 180) * 10000:,}円", f"年税額：{int(inc * 0.08):,}円",
                 "本通知はご本人様からのご依頼により電子メールで送付しています。", f"{HALL} 税務課 市民税係"]
        fn = f"課税内容のお知らせ_{nm}様"
    else:  # kosodate
        title = "児童手当 認定通知書（写し）"
        lines = [title, f"{person['zip']} {person['addr']}", f"受給者：{person['name']} 様",
                 f"支給対象児童：{R.randrange(1, 4)}人", f"手当月額：{R.choice([10000, 15000, 30000]):,}円",
                 "支給開始月：2026年12月分から", f"{HALL} 子育て支援課"]
        fn = f"児童手当認定通知_{nm}様"
    if fmt == "pdf":
        return fn + ".pdf", pdf(lines), lines
    if fmt == "txt":
        return fn + ".txt", ("\r\n".join(lines) + "\r\n").encode("utf-8"), lines
    rows = [ln.split("：", 1) for ln in lines[1:] if "：" in ln]
    return fn + ".xlsx", xlsx(["項目", "内容"], rows, title), lines


# ---------------------------------------------------------------- messages
MSGS: list[tuple[bytes, dict]] = []
DAY0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
PAST: dict[str, set[str]] = {}


def addr(c_or_email, display=None):
    if isinstance(c_or_email, dict):
        return Address(display or c_or_email["name"], addr_spec=c_or_email["email"])
    return Address(display or "", addr_spec=c_or_email)


def sig(s):
    return (f"\n\n――――――――――――――――\n{HALL} {s['dept']}\n{s['name']}\n〒900-8501 {CITY}本町1丁目1番1号\n"
            f"TEL 0{R.choice(['98', '97'])}-{R.randrange(200, 900)}-{R.randrange(1000, 9999)}（内線{R.randrange(2000, 2999)}）\n{s['email']}")


def salute(c, short=False):
    if c["cat"] in ("resident",):
        return f"{c['name']} 様"
    if c["cat"] in ("minsei",):
        return f"民生委員 {c['name']} 様"
    if c["cat"] in ("giin_private", "gikai") and c["email"].startswith("giin"):
        return f"青嶺市議会議員 {c['name']} 様"
    return f"{c['org']}\n{c['name'].split()[0] if short else c['name']} 様"


def greet(s, c):
    if c.get("cat") == "internal":
        return f"お疲れさまです。{s['dept']}の{s['name'].split()[0]}です。\n\n"
    return R.choice(["いつもお世話になっております。", "平素より大変お世話になっております。", "お世話になっております。"]) + \
        f"\n{HALL} {s['dept']}の{s['name'].split()[0]}です。\n\n"


def emit(sender, to, subject, body, kind, expected, codes, note, cc=(), bcc=(), atts=(), html=False, charset=None):
    n = len(MSGS) + 1
    m = EmailMessage()
    m["From"] = addr(sender)
    m["To"] = [addr(x) if not isinstance(x, Address) else x for x in to]
    if cc:
        m["Cc"] = [addr(x) if not isinstance(x, Address) else x for x in cc]
    if bcc:
        m["Bcc"] = [addr(x) if not isinstance(x, Address) else x for x in bcc]
    m["Subject"] = subject
    m["Date"] = format_datetime(DAY0 + dt.timedelta(days=(n * 24) // 170, hours=R.randrange(0, 9), minutes=R.randrange(60)))
    m["Message-ID"] = make_msgid("m18", domain=DOM)
    m["X-Mailer"] = R.choice(["Microsoft Outlook 16.0", "Active! mail", "Thunderbird 128.5", "LGWAN-Mail 5"])
    body = body + sig(sender)
    cs = charset or ("iso-2022-jp" if R.random() < 0.2 else "utf-8")
    if cs == "iso-2022-jp":
        try:
            body.encode("iso-2022-jp")
        except UnicodeEncodeError:
            cs = "utf-8"
    if cs == "iso-2022-jp":
        m.set_content(body.encode("iso-2022-jp"), maintype="text", subtype="plain", cte="7bit",
                      params={"charset": "iso-2022-jp"})
    else:
        m.set_content(body, charset="utf-8", cte="base64")
    if html:
        esc = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n")
        m.add_alternative(f"<html><body><div style=\"font-family:'MS Pゴシック'\">{esc}</div></body></html>", subtype="html",
                          charset="utf-8", cte="base64")
    for name, data in atts:
        ext = name.rsplit(".", 1)[-1]
        mt = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              "csv": ("text", "csv"), "txt": ("text", "plain")}[ext]
        if mt[0] == "text":
            m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=name)
        else:
            m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=name)
    rc = [a.addr_spec for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
    ext_rc = [a for a in rc if not a.endswith("@" + DOM)]
    codes = set(codes)
    if expected == "ok" and ext_rc:
        codes.add("external_recipient")
    if any(a not in PAST.get(sender["email"], set()) for a in ext_rc):
        codes.add("first_time_recipient")
    else:
        codes.discard("first_time_recipient")
    lab = {"file": f"messages/{n:04d}.eml", "expected": expected, "codes": sorted(codes), "kind": kind, "note": note}
    MSGS.append((bytes(m), lab))


def staff(dept):
    return R.choice([s for s in STAFF if s["dept"] == dept])


def pick(key, avoid_held=True):
    lst = [c for c in ORGSTAFF[key] if not (avoid_held and c["email"] in HELD)]
    return R.choice(lst)


def other_staff(s):
    return R.choice([x for x in STAFF if x is not s])


CASE_ORGS = {"kaigo": ("介護保険課", ["sakuranbo", "caresakura", "aoba", "hidamari", "hokubu", "nanbu"]),
             "shogai": ("福祉課 障害福祉係", ["minorikobo", "minorisoudan", "komorebi"]),
             "hogo": ("福祉課 生活保護係", ["chuohp", "matsubara", "shakyo"])}
TWIN = {"sakuranbo": "caresakura", "caresakura": "sakuranbo", "hokubu": "nanbu", "nanbu": "hokubu",
        "minorikobo": "minorisoudan", "minorisoudan": "minorikobo", "aoba": "hidamari", "hidamari": "aoba",
        "komorebi": "minorikobo", "chuohp": "matsubara", "matsubara": "chuohp", "shakyo": "chuohp"}
TWIN_PERSON = {"sakuranbo": "y.saito", "caresakura": "y.saito", "hokubu": "m.takahashi", "nanbu": "m.takahashi",
               "minorikobo": "k.sasaki", "minorisoudan": "sasaki", "aoba": "n.nakamura", "hidamari": "n.nakamura",
               "midorikawa": "t.watanabe", "higashihara": "watanabe-t"}
CASE_BODY = {
    "kaigo": "{p} 様の要介護認定（更新）の結果について、情報提供票をお送りします。\nケアプラン作成のためご利用ください。",
    "shogai": "{p} 様の障害福祉サービスの支給決定について、事業所控えをお送りします。\n受給者証の写しは別途郵送いたします。",
    "hogo": "先日のケース会議でお話しした {p} 様について、ケース記録の抜粋と援助方針をお送りします。\n通院の状況についてご確認をお願いいたします。",
}


def planted(key):
    lp = TWIN_PERSON.get(key)
    if lp:
        return [c for c in ORGSTAFF[key] if c["email"].startswith(lp + "@")][0]
    return pick(key)


def gen():
    # ---------------- ok kinds
    # ok_case_file_right_office (10)
    for i in range(10):
        kind = ["kaigo", "shogai", "hogo"][i % 3]
        dept, keys = CASE_ORGS[kind]
        s = staff(dept)
        k = keys[(i // 3) % len(keys)]
        c = planted(k) if i < 6 and k in TWIN_PERSON else pick(k)
        p = resident()
        fn, data, _ = case_doc(kind, p, c["org"], R.choice(["pdf", "pdf", "xlsx"]))
        emit(s, [c], f"【{CITY}】{p['name']}様 {('認定結果' if kind == 'kaigo' else '支給決定' if kind == 'shogai' else 'ケース記録')}の送付",
             f"{salute(c)}\n\n{greet(s, c)}" + CASE_BODY[kind].format(p=p["name"]) + "\n\nよろしくお願いいたします。",
             "ok_case_file_right_office", "ok", {"pii_in_attachment", "sensitive_pii"},
             f"{kind} file for {p['name']} to {c['org']} {c['name']}, the office that serves the resident (〈{p['name']}〉)",
             atts=[(fn, data)], html=R.random() < 0.3)
    # ok_resident_own_notice (8) incl. look-alike surname residents
    for i in range(8):
        c = RES[i] if i < 6 else RES[6 + i]
        kind = "kazei" if i % 2 == 0 else "kosodate"
        s = staff("税務課" if kind == "kazei" else "子育て支援課")
        fn, data, _ = case_doc(kind, c["rec"], "", "pdf")
        emit(s, [c], "ご依頼の通知書（写し）の送付について" if kind == "kazei" else "児童手当 認定通知書（写し）の送付",
             f"{c['name']} 様\n\n{greet(s, c)}先日お電話でご依頼いただきました通知書の写しを、ご希望どおり電子メールでお送りします。\n"
             "添付ファイルをご確認ください。\n\nご不明な点がございましたら、下記までお問い合わせください。",
             "ok_resident_own_notice", "ok", {"pii_in_attachment"},
             f"{kind} notice of {c['name']} to {c['email']}, the resident's own address (〈{c['name']}〉)", atts=[(fn, data)])
    # ok_printer_agreed_columns (6)
    for i in range(6):
        dept = ["税務課", "介護保険課", "子育て支援課", "教育委員会 学務課", "税務課", "介護保険課"][i]
        s = staff(dept)
        c = pick("print")
        n = R.randrange(80, 400)
        rows = [(f"T{26000 + j:06d}", p["zip"], p["addr"], p["name"]) for j, p in ((j, resident()) for j in range(n))]
        doc = {"税務課": "納税通知書", "介護保険課": "介護保険料決定通知", "子育て支援課": "児童手当現況届案内",
               "教育委員会 学務課": "就学通知"}[dept]
        fmt = "csv" if i % 2 else "xlsx"
        data = csvb(["通知番号", "郵便番号", "住所", "氏名"], rows, cp932=i == 3) if fmt == "csv" else xlsx(["通知番号", "郵便番号", "住所", "氏名"], rows)
        emit(s, [c], f"{doc} 宛名データ（{n}件）", f"{salute(c)}\n\n{greet(s, c)}{doc}の宛名印字データ（{n}件）をお送りします。\n"
             "項目は契約書別紙の仕様どおり、通知番号・郵便番号・住所・氏名の4項目です。\n"
             "作業後のデータ消去報告書もあわせてお願いいたします。",
             "ok_printer_agreed_columns", "ok", {"pii_in_attachment", "bulk_pii"},
             f"{n}-row mailing list for {doc} to the contracted printer {c['org']}, agreed 4 columns only",
             atts=[(f"{doc}_宛名データ.{fmt}", data)])
    # ok_internal (12)
    for i in range(12):
        s = R.choice(STAFF)
        t = other_staff(s)
        n = R.randrange(20, 150)
        what = i % 4
        if what == 0:
            rows = [(p["name"], p["kana"], p["birth"], p["addr"], p["mn"]) for p in (resident() for _ in range(n))]
            atts = [("課税資料_個人番号付.xlsx", xlsx(["氏名", "カナ", "生年月日", "住所", "個人番号"], rows))]
            txt = f"給与支払報告書の突合結果（{n}件）です。個人番号を含むため庁内共有フォルダには置かないでください。"
        elif what == 1:
            rows = [(p["name"], p["birth"], p["addr"], R.choice(DIAG)) for p in (resident() for _ in range(n))]
            atts = [("生活保護受給世帯一覧.csv", csvb(["氏名", "生年月日", "住所", "傷病"], rows))]
            txt = f"監査資料として受給世帯一覧（{n}件）を共有します。"
        elif what == 2:
            p = resident()
            atts = [case_doc("shogai", p, "庁内", "pdf")[:2]]
            txt = f"{p['name']} 様の支給決定の控えです。決裁をお願いします。"
        else:
            atts = []
            txt = "来週の庁内連絡会の資料について、修正版を共有フォルダに置きました。ご確認ください。"
        emit(s, [t], R.choice(SUBJ["internal"]), f"{t['dept']}\n{t['name']} さん\n\n{greet(s, {'cat': 'internal'})}{txt}",
             "ok_internal", "ok", set(), f"to {t['email']}; stays inside", atts=atts)
    # ok_announcement_bcc (8)
    ANN = [("秘書広報課", ["shakyo", "houkatsu", "kaigo", "shogai"], "地域福祉フォーラム開催のご案内", "関係機関各位"),
           ("介護保険課", ["kaigo", "houkatsu"], "介護保険事業者連絡会の開催について", "介護サービス事業所 各位"),
           ("福祉課 障害福祉係", ["shogai"], "障害福祉サービス事業所 集団指導のご案内", "障害福祉サービス事業所 各位"),
           ("福祉課 生活保護係", ["minsei"], "民生委員・児童委員 定例会のお知らせ", "民生委員・児童委員 各位"),
           ("子育て支援課", ["edu", "minsei"], "子育て支援ネットワーク会議のご案内", "関係者各位"),
           ("秘書広報課", ["gikai"], "市政だより12月号 発行のお知らせ", "議員各位"),
           ("教育委員会 学務課", ["edu", "shakyo"], "放課後子ども教室 説明会のご案内", "関係団体 各位"),
           ("介護保険課", ["kaigo", "houkatsu", "iryo"], "在宅医療・介護連携研修会のご案内", "関係機関 各位")]
    for dept, cats, subj, kakui in ANN:
        s = staff(dept)
        rc = [c for c in EXT if c["cat"] in cats and c["email"] not in HELD and not (c["cat"] == "gikai" and not c["email"].startswith("giin"))]
        rc = R.sample(rc, min(len(rc), R.randrange(6, 22)))
        emit(s, [s], subj, f"{kakui}\n\n{greet(s, rc[0])}標記の件について、下記のとおりご案内いたします。\n\n日時：2026年12月{R.randrange(15, 25)}日 14:00～16:00\n"
             f"会場：{HALL} 4階 大会議室\n\nお手数ですが、出欠を12月10日までにご返信ください。\n（本メールはBccで一斉送信しております）",
             "ok_announcement_bcc", "ok", set(), f"{len(rc)} external recipients in Bcc, To is the sender", bcc=rc)
    # ok_other_municipality (6)
    for i in range(6):
        s = staff(R.choice(["市民課", "税務課", "福祉課 生活保護係"]))
        k = ["midorikawa", "higashihara", "kitakaze"][i % 3]
        c = planted(k) if i < 2 else pick(k)
        p = resident()
        fn = f"照会回答_{p['name'].replace(' ', '')}様.pdf"
        data = pdf(["照会に対する回答", f"{c['org']} 御中", f"対象者：{p['name']}（{p['kana']}）", f"生年月日：{p['birth']}",
                    f"転出前住所：{p['addr']}", f"転出日：2026年{R.randrange(6, 12)}月{R.randrange(1, 28)}日", f"{HALL} {s['dept']}"])
        emit(s, [c], f"貴{c['org'][:3]}照会（{p['name']}様）への回答", f"{salute(c)}\n\n{greet(s, c)}"
             f"貴庁から照会のありました {p['name']} 様について、回答書をお送りします。\n原本は公文書で郵送いたします。",
             "ok_other_municipality", "ok", {"pii_in_attachment"},
             f"answer to {c['org']}'s own inquiry about {p['name']} (〈{p['name']}〉)", atts=[(fn, data)])
    # ok_same_surname_right (7): right one of look-alike pairs, no attachment
    pairs = [("sakuranbo", "介護保険課"), ("caresakura", "介護保険課"), ("hokubu", "介護保険課"), ("nanbu", "介護保険課"),
             ("minorikobo", "福祉課 障害福祉係"), ("minorisoudan", "福祉課 障害福祉係"), ("higashihara", "市民課")]
    for k, dept in pairs:
        s = staff(dept)
        c = planted(k)
        emit(s, [c], "会議日程の調整について", f"{salute(c)}\n\n{greet(s, c)}次回の担当者会議の日程について、12月{R.randrange(8, 20)}日（午後）で"
             "調整させていただけますでしょうか。\nご都合をお知らせください。", "ok_same_surname_right", "ok", set(),
             f"{c['org']} {c['name']}, the right one of the same-named pair")
    # ok_minsei_own_district (5)
    for i in range(5):
        s = staff("福祉課 生活保護係")
        c = MINSEI[i]
        n = R.randrange(8, 30)
        rows = [(p["name"], p["addr"].replace(R.choice(TOWNS), c["town"]), p["tel"], R.choice(["高齢単身", "高齢夫婦", "要介護", "障害"]))
                for p in (resident() for _ in range(n))]
        emit(s, [c], f"避難行動要支援者名簿（{c['town']}地区）の送付", f"{salute(c)}\n\n{greet(s, c)}{c['town']}地区の避難行動要支援者名簿（{n}名）をお送りします。"
             "\n平常時提供に同意をいただいた方のみ、協定で定めた項目（氏名・住所・電話・区分）です。\n取扱いにはご注意ください。",
             "ok_minsei_own_district", "ok", {"pii_in_attachment", "bulk_pii"},
             f"{c['town']} district list, agreed columns, to that district's 民生委員 {c['name']}",
             atts=[(f"避難行動要支援者名簿_{c['town']}.xlsx", xlsx(["氏名", "住所", "電話", "区分"], rows))])
    # ok_reply_quote_other (5)
    for i in range(5):
        s = staff("介護保険課")
        k = R.choice(["aoba", "hidamari", "sakuranbo"])
        c = pick(k)
        oth = pick(TWIN[k])
        q = f"\n\n-----Original Message-----\nFrom: {c['name']} <{c['email']}>\nSent: Thursday, November 26, 2026 10:12 AM\n\n" \
            f"{s['name']} 様\n先日の会議では{oth['org']}の{oth['name']}さんからもご意見がありましたが、\n日程は来月で問題ございません。" \
            if i % 2 else f"\n\n{c['name']} wrote:\n> 前回{oth['org']}さんと調整した件ですが、\n> 当事業所も参加いたします。"
        emit(s, [c], "Re: 事業者連絡会の件", f"{salute(c, True)}\n\n{greet(s, c)}ご返信ありがとうございます。承知いたしました。\n当日の資料は前日までにお送りします。{q}",
             "ok_reply_quote_other", "ok", set(), f"reply to {c['org']}; {oth['org']} only in the quoted part")
    # ok_first_mail_known_org (4)
    for k, dept in [("print", "子育て支援課"), ("shakyo", "福祉課 障害福祉係"), ("aominis", "税務課"), ("calllink", "介護保険課")]:
        s = staff(dept)
        c = ORGSTAFF[k][-1]
        emit(s, [c], "担当者変更のご挨拶", f"{salute(c)}\n\n{greet(s, c)}このたび前任に代わり担当となりました。\n今後ともどうぞよろしくお願いいたします。",
             "ok_first_mail_known_org", "ok", set(), f"first mail to {c['name']} at a known organisation {c['org']}")
    # ok_police_inquiry_answer (4)
    for i in range(4):
        s = staff(R.choice(["市民課", "福祉課 生活保護係"]))
        c = pick("police")
        p = resident()
        emit(s, [c], "捜査関係事項照会書に対する回答", f"{salute(c)}\n\n{greet(s, c)}12月{R.randrange(1, 8)}日付け照会書（第{R.randrange(100, 999)}号）について、"
             f"照会のあった {p['name']} 様の住民票上の住所を回答します。\n原本は本日郵送しました。",
             "ok_police_inquiry_answer", "ok", {"pii_in_attachment"},
             f"answer to the 警察署 that sent the 照会 about {p['name']} (〈{p['name']}〉)",
             atts=[(f"回答書_{p['name'].replace(' ', '')}.pdf", pdf(["捜査関係事項照会に対する回答", f"{c['org']} 御中",
                                                                   f"対象者：{p['name']}", f"生年月日：{p['birth']}", f"住所：{p['addr']}", HALL]))])
    # ok_contractor_no_pii (5)
    for i in range(5):
        k = ["aominis", "aominis", "calllink", "calllink", "print"][i]
        s = staff({"aominis": "総務課 情報政策係", "calllink": "介護保険課", "print": "教育委員会 学務課"}[k])
        c = pick(k)
        if k == "aominis":
            atts = [("エラーログ_抜粋.txt", "2026-11-30 09:12:03 ERROR batch KZ0301 timeout (record count 18220)\r\n"
                     "2026-11-30 09:12:04 WARN retry 1/3\r\n".encode())]
            txt = "夜間バッチの異常終了について、ログの抜粋（個人情報は含みません）をお送りします。原因調査をお願いします。"
        elif k == "calllink":
            atts = [("FAQ_改定案.txt", "Q. 介護保険料の納付書を紛失した\r\nA. 再発行できます。介護保険課へご案内ください。\r\n".encode())]
            txt = "FAQの改定案をお送りします。12月15日から適用をお願いします。"
        else:
            atts = []
            txt = "就学通知の封筒について、校正刷りを確認しました。2点修正をお願いします。"
        emit(s, [c], R.choice(SUBJ[c["cat"]]), f"{salute(c)}\n\n{greet(s, c)}{txt}", "ok_contractor_no_pii", "ok", set(),
             f"routine mail to contractor {c['org']}, no personal data", atts=atts)

    # ---------------- risky kinds
    # resident_file_to_other_resident (8)
    for i in range(8):
        a, b = [(RES[0], RES[1]), (RES[1], RES[0]), (RES[2], RES[3]), (RES[3], RES[2]), (RES[4], RES[5]), (RES[5], RES[4]),
                (RES[6], RES[7]), (RES[2], RES[3])][i]
        kind = "kazei" if i % 2 == 0 else "kosodate"
        s = staff("税務課" if kind == "kazei" else "子育て支援課")
        fn, data, _ = case_doc(kind, a["rec"], "", "pdf")
        emit(s, [addr(b, a["name"]) if i >= 6 else b], "ご依頼の通知書（写し）の送付について",
             f"{a['name']} 様\n\n{greet(s, b)}ご依頼いただきました通知書の写しをお送りします。\nご確認をお願いいたします。",
             "resident_file_to_other_resident", "risky", {"content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient"},
             f"{a['name']}'s {kind} notice meant for {a['email']} sent to {b['email']} ({b['name']}) (〈{a['name']}〉)",
             atts=[(fn, data)])
    # case_file_wrong_office (9)
    for i in range(9):
        kind = ["kaigo", "shogai", "hogo"][i % 3]
        dept, keys = CASE_ORGS[kind]
        s = staff(dept)
        k = keys[(i // 3) % len(keys)]
        right = planted(k)
        wk = TWIN[k]
        wrong = planted(wk)
        p = resident()
        fn, data, _ = case_doc(kind, p, right["org"], R.choice(["pdf", "xlsx"]))
        sim = {"content_recipient_mismatch", "attachment_recipient_mismatch"}
        if right["name"].split()[0] == wrong["name"].split()[0] or {right["name"].split()[0], wrong["name"].split()[0]} in ({"斉藤", "斎藤"}, {"高橋", "髙橋"}):
            sim.add("similar_recipient")
        if k in ("sakuranbo", "caresakura", "minorikobo", "minorisoudan"):
            sim.add("similar_recipient")
        emit(s, [addr(wrong, right["name"]) if i % 3 == 0 else wrong], f"{p['name']}様 資料の送付",
             f"{salute(right)}\n\n{greet(s, right)}" + CASE_BODY[kind].format(p=p["name"]) + "\n\nよろしくお願いいたします。",
             "case_file_wrong_office", "risky", sim,
             f"{kind} file of {p['name']} for {right['org']} {right['name']} sent to {wrong['org']} {wrong['email']} (〈{right['org']}〉)",
             atts=[(fn, data)])
    # minsei_list_extra_columns (6)
    for i in range(6):
        s = staff(R.choice(["福祉課 生活保護係", "子育て支援課"]))
        c = MINSEI[i % 7]
        n = R.randrange(10, 35)
        extra = i % 3
        hdr = ["氏名", "住所", "電話", "区分", "生年月日"]
        if extra == 0:
            hdr += ["障害種別・等級", "主な疾病"]
        elif extra == 1:
            hdr += ["生活保護受給", "担当ケースワーカー", "傷病"]
        else:
            hdr += ["個人番号", "障害種別・等級"]
        rows = []
        for p in (resident() for _ in range(n)):
            r = [p["name"], p["addr"], p["tel"], R.choice(["高齢単身", "要介護", "障害"]), p["birth"]]
            if extra == 0:
                r += [R.choice(SHOGAI), R.choice(DIAG)]
            elif extra == 1:
                r += [R.choice(["受給中", "受給中", "-"]), R.choice(STAFF[5:7])["name"], R.choice(DIAG)]
            else:
                r += [p["mn"], R.choice(SHOGAI)]
            rows.append(r)
        codes = {"sensitive_pii", "bulk_pii"}
        emit(s, [c], f"見守り対象者名簿（{c['town']}地区）", f"{salute(c)}\n\n{greet(s, c)}{c['town']}地区の見守り対象者名簿（{n}名）をお送りします。\n"
             "訪問の際にご活用ください。", "minsei_list_extra_columns", "risky", codes,
             f"{n}-row list to 民生委員 {c['name']} with columns beyond the agreed four: {'・'.join(hdr[4:])}",
             atts=[(f"見守り対象者名簿_{c['town']}.xlsx" if i % 2 == 0 else f"見守り対象者名簿_{c['town']}.csv",
                    xlsx(hdr, rows) if i % 2 == 0 else csvb(hdr, rows, cp932=True))])
    # reply_all_keeps_other_agency (7)
    for i in range(7):
        kind = ["kaigo", "shogai", "hogo"][i % 3]
        dept, keys = CASE_ORGS[kind]
        s = staff(dept)
        k = keys[(i // 3) % len(keys)]
        c = pick(k)
        okey = R.choice([x for x in ["police", "minamilaw", "midorikawa", "shakyo", "chuohp", TWIN[k]] if x != k])
        o = pick(okey)
        p, q = resident(), resident()
        quote = f"\n\n-----Original Message-----\nFrom: {o['name']} <{o['email']}>\nCc: {c['name']} <{c['email']}>\n" \
                f"Subject: {q['name']}様の件\n\n{q['name']}様の件で、関係機関の皆様に情報共有いたします。"
        emit(s, [c], f"RE: {q['name']}様の件", f"{salute(c)}\n\n{greet(s, c)}別件ですが、{p['name']} 様について、"
             f"今月から{R.choice(DIAG)}で通院が始まり、サービスの見直しが必要になりそうです。\n担当者会議の開催をお願いします。{quote}",
             "reply_all_keeps_other_agency", "risky", {"content_recipient_mismatch", "multiple_external_orgs"},
             f"new text about {p['name']} for {c['org']}; reply-all keeps {o['org']} {o['name']} (thread about {q['name']}) in Cc",
             cc=[o])
    # mynumber_to_contractor (6)
    for i in range(6):
        k = ["aominis", "calllink", "print", "aominis", "calllink", "sukusuku"][i]
        s = staff({"aominis": "税務課", "calllink": "介護保険課", "print": "税務課", "sukusuku": "子育て支援課"}[k])
        if k == "calllink" and s["dept"] != "介護保険課":
            s = staff("介護保険課")
        c = pick(k)
        n = R.randrange(30, 200) if i != 3 else R.randrange(3, 6)
        rows = [(p["name"], p["kana"], p["birth"], p["addr"], p["mn"]) for p in (resident() for _ in range(n))]
        why = {"aominis": "不具合の再現用に、本番データの抽出結果をお送りします。", "calllink": "問い合わせ対応時の本人確認用に、対象者一覧をお送りします。",
               "print": "宛名データをお送りします。", "sukusuku": "入所児童の保護者一覧をお送りします。"}[k]
        hdr = ["氏名", "カナ", "生年月日", "住所", "個人番号"]
        att = (f"抽出データ_{i}.csv", csvb(hdr, rows)) if i % 2 else (f"対象者一覧_{i}.xlsx", xlsx(hdr, rows))
        emit(s, [c], R.choice(SUBJ[c["cat"]] if c["cat"] in SUBJ else ["資料送付"]), f"{salute(c)}\n\n{greet(s, c)}{why}\nよろしくお願いいたします。",
             "mynumber_to_contractor", "risky", {"sensitive_pii"} | ({"bulk_pii"} if n >= 10 else {"pii_in_attachment"}),
             f"{n} rows with 個人番号 to {c['org']} (not entrusted with My Number work)", atts=[att])
    # mynumber_in_body (4)
    for i in range(4):
        if i < 2:
            s = staff("税務課")
            c = pick(["midorikawa", "higashihara"][i])
        elif i == 2:
            s = staff("福祉課 生活保護係")
            c = MINSEI[2]
        else:
            s = staff("税務課")
            c = pick("minamilaw")
        ps = [resident() for _ in range(R.randrange(2, 5) if i != 3 else 1)]
        lines = "\n".join(f"  {p['name']}　個人番号 {p['mn'][:4]} {p['mn'][4:8]} {p['mn'][8:]}" for p in ps)
        emit(s, [c], "個人番号の確認について", f"{salute(c)}\n\n{greet(s, c)}ご照会の件、該当者の個人番号は以下のとおりです。\n\n{lines}\n\nご確認ください。",
             "mynumber_in_body", "risky", {"sensitive_pii"} | ({"bulk_pii"} if len(ps) >= 3 else set()),
             f"{len(ps)} My Number(s) typed into the body to {c['org']}", charset="utf-8")
    # whole_roster_one_row (7)
    for i in range(7):
        kind = ["kaigo", "shogai", "hogo", "kaigo", "shogai", "muni", "police"][i]
        if kind in CASE_ORGS:
            dept, keys = CASE_ORGS[kind]
            s = staff(dept)
            c = pick(R.choice(keys))
        elif kind == "muni":
            s = staff("福祉課 生活保護係")
            c = pick("midorikawa")
        else:
            s = staff("介護保険課")
            c = pick("police")
        n = R.randrange(60, 240)
        ps = [resident() for _ in range(n)]
        target = ps[R.randrange(n)]
        if kind == "kaigo" or kind == "police":
            hdr = ["被保険者番号", "氏名", "生年月日", "住所", "要介護度"]
            rows = [(f"{R.randrange(10**9, 10**10)}", p["name"], p["birth"], p["addr"], R.choice(CARE)) for p in ps]
        elif kind == "shogai":
            hdr = ["受給者証番号", "氏名", "生年月日", "住所", "手帳", "障害支援区分"]
            rows = [(f"{R.randrange(10**9, 10**10)}", p["name"], p["birth"], p["addr"], R.choice(SHOGAI), f"区分{R.randrange(1, 7)}") for p in ps]
        else:
            hdr = ["ケース番号", "氏名", "生年月日", "住所", "世帯類型", "傷病"]
            rows = [(f"C{R.randrange(1000, 9999)}", p["name"], p["birth"], p["addr"], R.choice(["高齢", "障害", "傷病", "母子"]), R.choice(DIAG)) for p in ps]
        emit(s, [c], f"{target['name']}様の情報について", f"{salute(c)}\n\n{greet(s, c)}お問い合わせのあった {target['name']} 様の情報をお送りします。\n"
             "添付ファイルをご確認ください。", "whole_roster_one_row", "risky", {"bulk_pii", "sensitive_pii"},
             f"asked about one person ({target['name']}); whole {n}-row roster attached (〈{target['name']}〉)",
             atts=[(f"受給者一覧_{i}.xlsx" if i % 2 == 0 else f"受給者一覧_{i}.csv", xlsx(hdr, rows) if i % 2 == 0 else csvb(hdr, rows))])
    # council_private_cc (5)
    for i in range(5):
        off, prv = GIIN[i % 4]
        s = staff("福祉課 生活保護係" if i in (1, 3) else R.choice(["秘書広報課", "総務課 情報政策係"]))
        p = resident()
        if s["dept"] == "福祉課 生活保護係":
            txt = f"ご相談のあった {p['name']} 様（{p['addr']}）の件ですが、現在、生活保護の申請について面談を進めております。"
            sens = {"sensitive_pii"}
        else:
            txt = "ご依頼のありました委員会資料（案）をお送りします。議会事務局経由の正式版は後日となります。"
            sens = set()
        to = [off] if i % 2 == 0 else [jim]
        emit(s, to, "ご依頼の件について", f"{salute(off)}\n\n{greet(s, off)}{txt}\nよろしくお願いいたします。",
             "council_private_cc", "risky", {"similar_recipient", "multiple_external_orgs"} | sens,
             f"to the council's official address; Cc to {off['name']}'s private address {prv['email']}", cc=[prv])
    # open_recipient_list (7)
    for j, (dept, cats, subj, kakui) in enumerate(ANN[:5] + ANN[6:]):
        s = staff(dept)
        rc = [c for c in EXT if c["cat"] in cats and c["email"] not in HELD and not (c["cat"] == "gikai" and not c["email"].startswith("giin"))]
        rc = R.sample(rc, min(len(rc), R.randrange(6, 20)))
        orgs = {c["org"] for c in rc}
        codes = {"open_recipient_list"} | ({"multiple_external_orgs"} if len(orgs) > 1 else set())
        if any(c["cat"] in ("minsei", "resident") for c in rc):
            codes.add("open_recipient_list")
        half = len(rc) // 2 if j % 2 else len(rc)
        emit(s, rc[:half], subj, f"{kakui}\n\n{greet(s, rc[0])}標記の件について、下記のとおりご案内いたします。\n\n日時：2026年12月{R.randrange(15, 25)}日 14:00～\n"
             f"会場：{HALL} 4階 大会議室", "open_recipient_list", "risky", codes,
             f"{len(rc)} external recipients ({len(orgs)} organisations/persons) in To/Cc", cc=rc[half:])
    # first_time_unknown_address (5)
    for i in range(5):
        kind = ["kaigo", "shogai", "hogo", "kaigo", "shogai"][i]
        dept, keys = CASE_ORGS[kind]
        s = staff(dept)
        new = [("有料老人ホーム はなみずき", "info@hanamizuki-home.example"), ("相談支援センター つむぎ", "soudan@tsumugi-center.test"),
               ("あおみね診療所", "renkei@aomine-shinryo.example"), ("ケアプラン ひまわり", "himawari.care@" + FREE[0]),
               ("みのり工房", "minori.kobo@" + FREE[3])][i]
        p = resident()
        fn, data, _ = case_doc(kind, p, new[0], "pdf")
        emit(s, [addr(new[1], f"{new[0]} ご担当者")], f"{p['name']}様の資料送付", f"{new[0]}\nご担当者様\n\n{greet(s, {})}"
             + CASE_BODY[kind].format(p=p["name"]), "first_time_unknown_address", "risky",
             {"first_time_recipient", "sensitive_pii", "pii_in_attachment"},
             f"{kind} file of {p['name']} to {new[1]}, an address in no directory entry (〈{p['name']}〉)", atts=[(fn, data)])
    # lookalike_domain (7)
    LK = [("midorikawa", "city.midorikawa.lg.example", "city.midorikawa.lg-jp.example"),
          ("higashihara", "town.higashihara.lg.example", "town.higashlhara.lg.example"),
          ("kitakaze", "pref.kitakaze.lg.example", "pref.kitakase.lg.example"),
          ("hokubu", "hokubu-houkatsu.example", "hokubu-houkatu.example"),
          ("shakyo", "aomine-shakyo.example", "aomlne-shakyo.example"),
          ("minorisoudan", "minori-soudan.example", "minorisoudan.example"),
          ("print", "aomine-print.example", "aomine-prlnt.example")]
    for k, good, bad in LK:
        c = pick(k)
        s = R.choice([x for x in STAFF if c["cat"] in OWN[x["dept"]]])
        p = resident()
        kind = {"hokubu": "kaigo", "minorisoudan": "shogai"}.get(k, "hogo")
        fn, data, _ = case_doc(kind, p, c["org"], "pdf")
        bad_e = c["email"].split("@")[0] + "@" + bad
        emit(s, [addr(bad_e, c["name"])], f"{p['name']}様の件", f"{salute(c)}\n\n{greet(s, c)}{p['name']} 様の資料をお送りします。",
             "lookalike_domain", "risky", {"lookalike_domain", "similar_recipient", "first_time_recipient"},
             f"{c['org']} {c['name']}: {c['email']} typed as {bad_e} (〈{p['name']}〉)", atts=[(fn, data)])
    # attachment_names_other_resident (7)
    for i in range(7):
        kind = ["kaigo", "shogai", "hogo", "kazei", "kaigo", "shogai", "kosodate"][i]
        if kind in CASE_ORGS:
            dept, keys = CASE_ORGS[kind]
            s = staff(dept)
            c = pick(keys[(i // 3) % len(keys)])
            p, q = resident(), resident()
            fn, data, _ = case_doc(kind, q, c["org"], R.choice(["pdf", "xlsx"]))
            body = f"{salute(c)}\n\n{greet(s, c)}" + CASE_BODY[kind].format(p=p["name"])
            codes = {"attachment_recipient_mismatch", "content_recipient_mismatch"}
        else:
            s = staff("税務課" if kind == "kazei" else "子育て支援課")
            c = RES[9 + i % 3]
            p = c["rec"]
            q = resident(sur=[c["name"].split()[0], c["kana"].split()[0], ""]) if i == 3 else resident()
            fn, data, _ = case_doc(kind, q, "", "pdf")
            body = f"{c['name']} 様\n\n{greet(s, c)}ご依頼の通知書の写しをお送りします。"
            codes = {"attachment_recipient_mismatch", "content_recipient_mismatch"}
        emit(s, [c], f"{p['name']}様 資料の送付", body, "attachment_names_other_resident", "risky", codes,
             f"body about {p['name']} for {c['org']}; attachment {fn} is {q['name']}'s (〈{q['name']}〉)", atts=[(fn, data)])
    # autocomplete_wrong_address (5)
    for i in range(5):
        k = ["aoba", "hidamari", "midorikawa", "hokubu", "sakuranbo"][i]
        right = planted(k)
        wrong = planted(TWIN.get(k, "higashihara") if k != "midorikawa" else "higashihara")
        kind = {"aoba": "kaigo", "hidamari": "kaigo", "midorikawa": "hogo", "hokubu": "kaigo", "sakuranbo": "kaigo"}[k]
        dept = CASE_ORGS[kind][0]
        s = staff(dept)
        p = resident()
        fn, data, _ = case_doc(kind, p, right["org"], "pdf")
        emit(s, [addr(wrong, right["name"])], f"{p['name']}様 資料の送付", f"{salute(right)}\n\n{greet(s, right)}" + CASE_BODY[kind].format(p=p["name"]),
             "autocomplete_wrong_address", "risky", {"similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch"},
             f"display name {right['name']} of {right['org']}, address {wrong['email']} of {wrong['org']} (〈{right['org']}〉)",
             atts=[(fn, data)])


def main():
    global PAST
    d = os.path.join(HERE, "messages")
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{HALL}"\ninternal_domains = ["{DOM}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in CONTACTS:
            w.writerow([c["name"], c["kana"], c["email"], c["org"]])
    PAST = write_history()
    gen()
    order = list(range(len(MSGS)))
    R.shuffle(order)
    labs = []
    for n, i in enumerate(order, 1):
        raw, lab = MSGS[i]
        name = f"messages/{n:04d}.eml"
        lab = dict(lab, file=name)
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(raw)
        labs.append(lab)
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lab in labs:
            f.write(json.dumps(lab, ensure_ascii=False) + "\n")
    print(len(CONTACTS), "contacts;", len(labs), "messages")


if __name__ == "__main__":
    main()
