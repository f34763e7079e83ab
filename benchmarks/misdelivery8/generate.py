"""Generate misdelivery8: outgoing mail of a made-up 税理士法人 + 社労士事務所, labelled ok / risky.

Run: /work/main/.venv/bin/python generate.py   (needs openpyxl, python-docx, reportlab and the `zip` command).
Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml and labels.jsonl next to this file.
Names, addresses, My Numbers, bank accounts and salaries are invented from the pools below (no Faker).
"""

# ruff: noqa: E501

from __future__ import annotations

import base64
import csv
import html
import io
import json
import os
import quopri
import random
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import docx
import openpyxl
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

SEED = 8808
HERE = os.path.dirname(os.path.abspath(__file__))
JST = timezone(timedelta(hours=9))
FIRM = "税理士法人みなと総合会計"
FIRM_LABOR = "みなと社会保険労務士事務所"
DOM = "minato-sogo.example"
FREE = ["hanamail.example", "mymail.test", "freebox.example.com", "pmail.test", "sora-mail.example"]
R = random.Random(SEED)

# ---------------------------------------------------------------- name pools (own, with kana and romaji)
COMMON = [("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"), ("中村", "ナカムラ", "nakamura"),
          ("山本", "ヤマモト", "yamamoto"), ("斎藤", "サイトウ", "saito"), ("松本", "マツモト", "matsumoto"),
          ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura")]
OTHER = [("青木", "アオキ", "aoki"), ("石川", "イシカワ", "ishikawa"), ("大野", "オオノ", "ono"),
         ("岡田", "オカダ", "okada"), ("小野寺", "オノデラ", "onodera"), ("梶原", "カジワラ", "kajiwara"),
         ("川口", "カワグチ", "kawaguchi"), ("菊地", "キクチ", "kikuchi"), ("久保", "クボ", "kubo"),
         ("黒田", "クロダ", "kuroda"), ("小島", "コジマ", "kojima"), ("近藤", "コンドウ", "kondo"),
         ("酒井", "サカイ", "sakai"), ("桜井", "サクライ", "sakurai"), ("島田", "シマダ", "shimada"),
         ("杉山", "スギヤマ", "sugiyama"), ("関口", "セキグチ", "sekiguchi"), ("高木", "タカギ", "takagi"),
         ("竹内", "タケウチ", "takeuchi"), ("田村", "タムラ", "tamura"), ("千葉", "チバ", "chiba"),
         ("土屋", "ツチヤ", "tsuchiya"), ("永井", "ナガイ", "nagai"), ("野口", "ノグチ", "noguchi"),
         ("長谷川", "ハセガワ", "hasegawa"), ("服部", "ハットリ", "hattori"), ("浜田", "ハマダ", "hamada"),
         ("原田", "ハラダ", "harada"), ("平野", "ヒラノ", "hirano"), ("福田", "フクダ", "fukuda"),
         ("藤本", "フジモト", "fujimoto"), ("堀", "ホリ", "hori"), ("前田", "マエダ", "maeda"),
         ("増田", "マスダ", "masuda"), ("宮崎", "ミヤザキ", "miyazaki"), ("村上", "ムラカミ", "murakami"),
         ("森田", "モリタ", "morita"), ("安田", "ヤスダ", "yasuda"), ("矢野", "ヤノ", "yano"),
         ("横山", "ヨコヤマ", "yokoyama"), ("和田", "ワダ", "wada"), ("今井", "イマイ", "imai"),
         ("内田", "ウチダ", "uchida"), ("大塚", "オオツカ", "otsuka"), ("片山", "カタヤマ", "katayama"),
         ("北村", "キタムラ", "kitamura"), ("工藤", "クドウ", "kudo"), ("坂本", "サカモト", "sakamoto"),
         ("丸山", "マルヤマ", "maruyama"), ("東", "アズマ", "azuma"), ("三浦", "ミウラ", "miura"),
         ("有村", "アリムラ", "arimura"), ("新井", "アライ", "arai"), ("古川", "フルカワ", "furukawa")]
GIVEN_M = [("健一", "ケンイチ", "kenichi"), ("大輔", "ダイスケ", "daisuke"), ("拓也", "タクヤ", "takuya"),
           ("誠", "マコト", "makoto"), ("隆", "タカシ", "takashi"), ("浩二", "コウジ", "koji"),
           ("翔太", "ショウタ", "shota"), ("修", "オサム", "osamu"), ("秀樹", "ヒデキ", "hideki"),
           ("亮", "リョウ", "ryo"), ("直人", "ナオト", "naoto"), ("和也", "カズヤ", "kazuya"),
           ("慎吾", "シンゴ", "shingo"), ("智之", "トモユキ", "tomoyuki"), ("学", "マナブ", "manabu"),
           ("康介", "コウスケ", "kosuke"), ("悠斗", "ユウト", "yuto"), ("勝", "マサル", "masaru"),
           ("英明", "ヒデアキ", "hideaki"), ("雄一", "ユウイチ", "yuichi"), ("圭", "ケイ", "kei"),
           ("昌平", "ショウヘイ", "shohei"), ("俊介", "シュンスケ", "shunsuke"), ("博", "ヒロシ", "hiroshi")]
GIVEN_F = [("恵子", "ケイコ", "keiko"), ("美穂", "ミホ", "miho"), ("由美", "ユミ", "yumi"),
           ("真由美", "マユミ", "mayumi"), ("彩", "アヤ", "aya"), ("千尋", "チヒロ", "chihiro"),
           ("奈々", "ナナ", "nana"), ("陽子", "ヨウコ", "yoko"), ("裕子", "ユウコ", "yuko"),
           ("明美", "アケミ", "akemi"), ("沙織", "サオリ", "saori"), ("香織", "カオリ", "kaori"),
           ("舞", "マイ", "mai"), ("里美", "サトミ", "satomi"), ("知子", "トモコ", "tomoko"),
           ("愛", "アイ", "ai"), ("優子", "ユウコ", "yuko"), ("麻衣", "マイ", "mai"),
           ("久美子", "クミコ", "kumiko"), ("典子", "ノリコ", "noriko"), ("加奈", "カナ", "kana"),
           ("静香", "シズカ", "shizuka"), ("晴美", "ハルミ", "harumi"), ("美紀", "ミキ", "miki")]
TOWNS = [("東京都港区芝浦", "Shibaura, Minato-ku, Tokyo", "108"), ("東京都品川区大井", "Oi, Shinagawa-ku, Tokyo", "140"),
         ("東京都大田区蒲田", "Kamata, Ota-ku, Tokyo", "144"), ("東京都江東区亀戸", "Kameido, Koto-ku, Tokyo", "136"),
         ("東京都世田谷区経堂", "Kyodo, Setagaya-ku, Tokyo", "156"), ("東京都練馬区石神井町", "Shakujiimachi, Nerima-ku, Tokyo", "177"),
         ("神奈川県川崎市中原区小杉町", "Kosugimachi, Nakahara-ku, Kawasaki", "211"),
         ("神奈川県横浜市港北区日吉", "Hiyoshi, Kohoku-ku, Yokohama", "223"),
         ("神奈川県横浜市鶴見区豊岡町", "Toyookacho, Tsurumi-ku, Yokohama", "230"),
         ("埼玉県川口市栄町", "Sakaecho, Kawaguchi, Saitama", "332"), ("千葉県船橋市本町", "Honcho, Funabashi, Chiba", "273"),
         ("千葉県市川市八幡", "Yawata, Ichikawa, Chiba", "272"), ("東京都足立区千住", "Senju, Adachi-ku, Tokyo", "120"),
         ("東京都杉並区阿佐谷南", "Asagayaminami, Suginami-ku, Tokyo", "166"), ("東京都北区赤羽", "Akabane, Kita-ku, Tokyo", "115")]
BUILDINGS = ["コーポ青山", "メゾン若葉", "グランシティ", "ハイツ平和", "パークサイド", "ライオンズ第2", "サンハイム"]
BANKS = ["港北信用金庫", "東京みらい銀行", "さくら通り銀行", "武蔵野中央銀行", "ゆうちょ銀行", "城南信用組合"]
BRANCHES = ["本店", "日吉支店", "蒲田支店", "川口支店", "船橋支店", "赤羽支店", "芝浦出張所"]
DISEASES = ["うつ病", "適応障害", "2型糖尿病", "高血圧症", "腰椎椎間板ヘルニア", "乳がん（術後）", "不眠症",
            "脳梗塞後遺症", "C型肝炎", "パニック障害", "心房細動", "関節リウマチ"]
FINDINGS = ["異常なし", "要経過観察（血圧）", "要再検査（肝機能）", "要精密検査（胸部X線）", "要治療（血糖）",
            "要再検査（心電図）", "要経過観察（脂質）", "要精密検査（便潜血）"]

# ---------------------------------------------------------------- organisations
# (name, short, domain, romaji, type, industry)
CLIENTS = [
    ("株式会社青葉工務店", "青葉工務店", "aoba-koumuten.example", "Aoba Komuten Co., Ltd.", "建設"),
    ("青葉商事株式会社", "青葉商事", "aobashoji.test", "Aoba Shoji Co., Ltd.", "卸売"),
    ("丸山食品株式会社", "丸山食品", "maruyama-foods.example", "Maruyama Foods Co., Ltd.", "食品製造"),
    ("有限会社丸山運輸", "丸山運輸", "maruyama-unyu.example.com", "Maruyama Unyu Ltd.", "運送"),
    ("東和電機株式会社", "東和電機", "towa-denki.example", "Towa Denki Co., Ltd.", "製造"),
    ("東和設備工業株式会社", "東和設備", "towa-setsubi.test", "Towa Setsubi Kogyo Co., Ltd.", "設備"),
    ("医療法人 さくら歯科医院", "さくら歯科", "sakura-dental.example", "Sakura Dental Clinic", "歯科"),
    ("さくら不動産株式会社", "さくら不動産", "sakura-fudosan.test", "Sakura Fudosan Co., Ltd.", "不動産"),
    ("株式会社ことぶき菓子舗", "ことぶき菓子舗", "kotobuki-kashiho.example", "Kotobuki Kashiho Co., Ltd.", "菓子"),
    ("有限会社ひのき建築", "ひのき建築", "hinoki-kenchiku.test", "Hinoki Kenchiku Ltd.", "建設"),
    ("株式会社ルミエール美容", "ルミエール", "lumiere-biyou.example", "Lumiere Biyo Inc.", "美容"),
    ("合同会社あさひデザイン", "あさひデザイン", "asahi-design.test", "Asahi Design LLC", "デザイン"),
    ("株式会社北斗ロジテック", "北斗ロジテック", "hokuto-logi.example", "Hokuto Logitech Co., Ltd.", "物流"),
    ("株式会社南星フーズ", "南星フーズ", "nansei-foods.test", "Nansei Foods Co., Ltd.", "飲食"),
    ("社会福祉法人 やまびこ会", "やまびこ会", "yamabiko-kai.example", "Yamabiko-kai Social Welfare Corp.", "福祉"),
    ("株式会社カネダ精工", "カネダ精工", "kaneda-seiko.example", "Kaneda Seiko Co., Ltd.", "製造"),
    ("株式会社わかば薬局", "わかば薬局", "wakaba-ph.test", "Wakaba Pharmacy Co., Ltd.", "薬局"),
    ("株式会社いろは食堂", "いろは食堂", "iroha-shokudo.test", "Iroha Shokudo Co., Ltd.", "飲食"),
    ("有限会社大橋自動車", "大橋自動車", "ohashi-auto.example", "Ohashi Jidosha Ltd.", "自動車整備"),
    ("株式会社シンセイ技研", "シンセイ技研", "shinsei-giken.example.com", "Shinsei Giken Co., Ltd.", "製造"),
    ("株式会社つむぎ", "つむぎ", "tsumugi-hoiku.test", "Tsumugi Inc.", "保育"),
    ("医療法人社団 はるか内科クリニック", "はるか内科", "haruka-naika.example", "Haruka Naika Clinic", "医療"),
    ("株式会社ベイサイド不動産", "ベイサイド不動産", "bayside-re.example", "Bayside Real Estate Co., Ltd.", "不動産"),
]
PARTNERS = [
    ("港北信用金庫", "港北信金", "kohoku-shinkin.example", "Kohoku Shinkin Bank", "bank"),
    ("株式会社東京みらい銀行", "みらい銀行", "miraibank.test", "Tokyo Mirai Bank", "bank"),
    ("株式会社ペイロールクラウド", "ペイロールクラウド", "payroll-cloud.example.com", "PayrollCloud Inc.", "saas"),
    ("株式会社サンライズ印刷", "サンライズ印刷", "sunrise-print.test", "Sunrise Printing Co., Ltd.", "print"),
    ("一般財団法人 首都健康管理協会", "健康管理協会", "shuto-kenko.example", "Shuto Health Foundation", "health"),
    ("みなと保険サービス株式会社", "みなと保険", "minato-hoken.test", "Minato Hoken Service Co., Ltd.", "insurance"),
    ("弁護士法人 桜井綜合法律事務所", "桜井法律事務所", "sakurai-law.example", "Sakurai Law Office", "law"),
    ("司法書士法人 中央リーガル", "中央リーガル", "chuo-legal.test", "Chuo Legal", "legal"),
    ("株式会社オフィスネット", "オフィスネット", "officenet.example", "OfficeNet Co., Ltd.", "it"),
]
DEPTS = ["総務部", "経理部", "管理部", "人事総務課", "経理課", "総務経理グループ", "事務局", ""]
TITLES = ["代表取締役", "取締役", "部長", "課長", "主任", "", "", ""]

ORGS: list[dict] = []
CONTACTS: list[dict] = []
BY_MAIL: dict[str, dict] = {}


def pick_name(common_bias: float = 0.4, female: bool | None = None) -> tuple:
    s = R.choice(COMMON) if R.random() < common_bias else R.choice(OTHER)
    if female is None:
        female = R.random() < 0.45
    g = R.choice(GIVEN_F if female else GIVEN_M)
    return s, g


def local_part(style: int, s: tuple, g: tuple) -> str:
    return [f"{g[2]}.{s[2]}", f"{s[2]}", f"{g[2][0]}.{s[2]}", f"{s[2]}_{g[2]}", f"{s[2]}-{g[2][0]}",
            f"{g[2][0]}{s[2]}"][style]


def add_contact(org: dict, s: tuple, g: tuple, lp: str | None = None, dept: str = "", title: str = "") -> dict:
    lp = lp or local_part(org["style"], s, g)
    base, n = lp, 2
    while f"{lp}@{org['domain']}" in BY_MAIL:
        lp, n = f"{base}{n}", n + 1
    c = {"name": f"{s[0]} {g[0]}", "kana": f"{s[1]} {g[1]}", "email": f"{lp}@{org['domain']}",
         "organization": org["name"], "s": s, "g": g, "dept": dept, "title": title, "org": org}
    CONTACTS.append(c)
    BY_MAIL[c["email"]] = c
    org["contacts"].append(c)
    return c


def build_orgs() -> None:
    for rows, typ in ((CLIENTS, "client"), (PARTNERS, "partner")):
        for name, short, domain, romaji, ind in rows:
            org = {"name": name, "short": short, "domain": domain, "romaji": romaji, "type": typ, "ind": ind,
                   "style": R.randrange(6), "contacts": []}
            ORGS.append(org)
            n = R.randint(3, 6) if typ == "client" else R.randint(2, 4)
            for i in range(n):
                s, g = pick_name()
                if typ == "client":
                    dept = "" if i == 0 else R.choice(DEPTS)
                    title = "代表取締役" if i == 0 and "医療" not in name and "福祉" not in name else (
                        "理事長" if i == 0 else R.choice(TITLES[1:]))
                else:
                    dept = {"bank": "法人営業部", "saas": "カスタマーサポート", "print": "営業部",
                            "health": "健診センター", "insurance": "法人営業課", "law": "", "legal": "",
                            "it": "サポート窓口"}[ind]
                    title = R.choice(["", "", "課長", "主任"])
                add_contact(org, s, g, dept=dept, title=title)
    # individuals: 確定申告 clients and sole proprietors, on made-up free mail
    yago = ["山本デザイン事務所", "アトリエ ソラ", "KUBO翻訳", "みさき整体院", "カフェ・ルポ", "ひまわり学習塾"]
    for i in range(16):
        s, g = pick_name(0.45)
        oname = f"{yago[i]}（個人事業主 {s[0]} {g[0]}）" if i < len(yago) else f"個人のお客様（確定申告 {s[0]} {g[0]}）"
        dom = FREE[i % len(FREE)]
        org = {"name": oname, "short": f"{s[0]} {g[0]}", "domain": dom, "romaji": f"{g[2].title()} {s[2].upper()}",
               "type": "individual", "ind": "個人", "style": 0, "contacts": []}
        ORGS.append(org)
        lp = R.choice([f"{g[2]}.{s[2]}{R.randint(10, 99)}", f"{s[2]}{g[2][0]}{R.randint(60, 99)}",
                       f"{g[2]}_{s[2][:4]}{R.randint(1, 999)}"])
        add_contact(org, s, g, lp=lp)
    # planted twins: the same full name at another organisation, often with the same local part
    clients = [o for o in ORGS if o["type"] == "client"]
    donors = [c for c in CONTACTS if c["org"]["type"] == "client"]
    R.shuffle(donors)
    for c in donors[:14]:
        others = [o for o in clients + [o for o in ORGS if o["type"] == "partner"]
                  if o is not c["org"] and not any(x["name"] == c["name"] for x in o["contacts"])]
        o = R.choice(others)
        lp = c["email"].split("@")[0] if R.random() < 0.7 else None
        add_contact(o, c["s"], c["g"], lp=lp, dept=R.choice(DEPTS), title=R.choice(TITLES[2:]))


STAFF: list[dict] = []


def build_staff() -> None:
    plan = [("tax", 6), ("labor", 5), ("admin", 3)]
    used = set()
    for team, n in plan:
        for _ in range(n):
            while True:
                s, g = pick_name(0.3)
                if (s[0], g[0]) not in used:
                    break
            used.add((s[0], g[0]))
            lp = f"{g[2][0]}.{s[2]}"
            while any(x["email"] == f"{lp}@{DOM}" for x in STAFF):
                lp += "2"
            STAFF.append({"name": f"{s[0]} {g[0]}", "kana": f"{s[1]} {g[1]}", "email": f"{lp}@{DOM}", "s": s,
                          "g": g, "team": team, "owns": [], "tel": f"03-5{R.randint(100, 999)}-{R.randint(1000, 9999)}"})
    # a 中村 and an 伊藤 inside on purpose (they also exist at clients)
    for idx, sur in ((0, COMMON[2]), (7, COMMON[0])):
        st = STAFF[idx]
        st["s"] = sur
        st["name"] = f"{sur[0]} {st['g'][0]}"
        st["kana"] = f"{sur[1]} {st['g'][1]}"
        st["email"] = f"{st['g'][2][0]}.{sur[2]}@{DOM}"


def assign_owners() -> None:
    tax = [s for s in STAFF if s["team"] == "tax"]
    labor = [s for s in STAFF if s["team"] == "labor"]
    admin = [s for s in STAFF if s["team"] == "admin"]
    for i, o in enumerate(o for o in ORGS if o["type"] == "client"):
        tax[i % len(tax)]["owns"].append(o)
        labor[(i * 2) % len(labor)]["owns"].append(o)
    for i, o in enumerate(o for o in ORGS if o["type"] == "individual"):
        tax[(i + 2) % len(tax)]["owns"].append(o)
    for i, o in enumerate(o for o in ORGS if o["type"] == "partner"):
        admin[i % len(admin)]["owns"].append(o)
        if o["ind"] in ("bank", "print", "saas"):
            tax[i % len(tax)]["owns"].append(o) if o["ind"] == "bank" else labor[i % len(labor)]["owns"].append(o)


SUBJ_HIST = ["月次資料のご送付のお願い", "試算表の件", "RE: 給与計算の件", "11月分勤怠データ受領のご連絡", "源泉所得税の納付について",
             "年末調整のご案内", "RE: 従業員の入社手続き", "算定基礎届の件", "顧問料ご請求書送付の件", "RE: 決算打合せ日程",
             "確定申告のご準備について", "RE: 領収書の件", "賞与計算の件", "RE: 社会保険の資格取得", "住民税 特別徴収税額の件",
             "RE: 退職者の手続き", "償却資産申告の件", "RE: インボイス登録番号", "Re: 医療費控除の明細", "定例ミーティングの件"]
SUBJ_INT = ["【共有】今週の申告スケジュール", "RE: 担当替えの件", "給与計算チェックリスト", "会議室予約", "所内勉強会のお知らせ"]
NEVER: set[str] = set()
KNOWN: dict[str, set[str]] = {}


def build_history() -> list[dict]:
    start = datetime(2025, 12, 1, 8, 30, tzinfo=JST)
    span = (datetime(2026, 11, 30, 19, 0, tzinfo=JST) - start).total_seconds()
    ext = [c for c in CONTACTS if c["org"]["type"] != "individual"]
    R2 = random.Random(SEED + 1)
    never = R2.sample(ext, 20)
    NEVER.update(c["email"] for c in never)
    rows = []
    for _ in range(2800):
        s = R2.choice(STAFF)
        t = start + timedelta(seconds=R2.random() * span)
        t = t.replace(second=0, microsecond=0)
        r = R2.random()
        to: list[str] = []
        cc: list[str] = []
        if r < 0.82 and s["owns"]:
            o = R2.choice(s["owns"])
            pool = [c for c in o["contacts"] if c["email"] not in NEVER]
            if not pool:
                continue
            to = [R2.choice(pool)["email"]]
            if len(pool) > 1 and R2.random() < 0.25:
                cc.append(R2.choice([c for c in pool if c["email"] not in to])["email"])
            if R2.random() < 0.15:
                cc.append(R2.choice([x for x in STAFF if x is not s])["email"])
            subj = R2.choice(SUBJ_HIST)
        elif r < 0.95:
            to = [R2.choice([x for x in STAFF if x is not s])["email"]]
            subj = R2.choice(SUBJ_INT)
        else:
            to = [R2.choice([c for c in CONTACTS if c["email"] not in NEVER])["email"]]
            subj = R2.choice(SUBJ_HIST)
        rows.append({"date": t.isoformat(), "from": s["email"], "to": to, "cc": cc, "subject": subj})
    rows.sort(key=lambda h: h["date"])
    for h in rows:
        KNOWN.setdefault(h["from"], set()).update(h["to"] + h["cc"])
    return rows


# ---------------------------------------------------------------- invented people and numbers
def my_number() -> str:
    d = [R.randint(0, 9) for _ in range(11)]
    d[0] = R.randint(1, 9)
    tot = 0
    for n in range(1, 12):
        p = d[11 - n]
        q = n + 1 if n <= 6 else n - 5
        tot += p * q
    rem = tot % 11
    return "".join(map(str, d)) + str(0 if rem <= 1 else 11 - rem)


def fmt_mn(x: str, style: int) -> str:
    return [x, f"{x[:4]} {x[4:8]} {x[8:]}", f"{x[:4]}-{x[4:8]}-{x[8:]}"][style % 3]


def person(female: bool | None = None) -> dict:
    s, g = pick_name(0.35, female)
    town = R.choice(TOWNS)
    a, b, c = R.randint(1, 5), R.randint(1, 30), R.randint(1, 20)
    bld = f" {R.choice(BUILDINGS)}{R.randint(1, 8)}0{R.randint(1, 9)}" if R.random() < 0.5 else ""
    addr = R.choice([f"{town[0]}{a}丁目{b}番{c}号", f"{town[0]}{a}-{b}-{c}"]) + bld
    by = R.randint(1958, 2003)
    base = R.randrange(190, 520) * 1000
    return {"name": f"{s[0]} {g[0]}", "kana": f"{s[1]} {g[1]}", "roma": f"{s[2].upper()} {g[2].title()}",
            "birth": f"{by}/{R.randint(1, 12):02d}/{R.randint(1, 28):02d}",
            "zip": f"{town[2]}-{R.randint(1, 9999):04d}", "addr": addr,
            "addr_roma": f"{a}-{b}-{c} {town[1]}", "tel": f"0{R.choice([70, 80, 90])}-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
            "mn": my_number(), "bank": R.choice(BANKS), "branch": R.choice(BRANCHES),
            "acct": f"{R.randint(0, 9999999):07d}", "base": base, "allow": R.randrange(0, 60) * 1000,
            "deps": R.choice([0, 0, 0, 1, 1, 2, 3]), "sex": "女" if g in GIVEN_F else "男"}


def roster(org: dict, n: int) -> list[dict]:
    key = ("roster", n)
    org.setdefault("rosters", {})
    if key not in org["rosters"]:
        org["rosters"][key] = [person() for _ in range(n)]
    return org["rosters"][key]


def yen(x: int) -> str:
    return f"{x:,}"


def payroll_rows(people: list[dict]) -> tuple[list[str], list[list]]:
    head = ["社員番号", "氏名", "フリガナ", "基本給", "諸手当", "総支給額", "健康保険", "厚生年金", "雇用保険", "所得税",
            "住民税", "差引支給額", "振込銀行", "支店", "口座番号"]
    rows = []
    for i, p in enumerate(people):
        gross = p["base"] + p["allow"]
        ken, nen, koyo = gross * 5 // 100, gross * 915 // 10000, gross * 6 // 1000
        tax = max(0, (gross - ken - nen - koyo - 88000) * 5 // 100 - p["deps"] * 1600)
        jumin = p["base"] // 20
        rows.append([f"{1001 + i}", p["name"], p["kana"], p["base"], p["allow"], gross, ken, nen, koyo, tax, jumin,
                     gross - ken - nen - koyo - tax - jumin, p["bank"], p["branch"], p["acct"]])
    return head, rows


def mn_rows(people: list[dict]) -> tuple[list[str], list[list]]:
    head = ["氏名", "フリガナ", "生年月日", "個人番号", "住所", "扶養親族数"]
    return head, [[p["name"], p["kana"], p["birth"], p["mn"], p["addr"], p["deps"]] for p in people]


def roster_rows(people: list[dict]) -> tuple[list[str], list[list]]:
    head = ["氏名", "フリガナ", "性別", "生年月日", "郵便番号", "住所", "電話番号", "基礎年金番号"]
    return head, [[p["name"], p["kana"], p["sex"], p["birth"], p["zip"], p["addr"], p["tel"],
                   f"{R.randint(1000, 9999)}-{R.randint(100000, 999999)}"] for p in people]


def health_rows(people: list[dict]) -> tuple[list[str], list[list]]:
    head = ["氏名", "生年月日", "受診日", "判定", "所見", "既往歴", "服薬"]
    rows = []
    for p in people:
        f = R.choice(FINDINGS)
        rows.append([p["name"], p["birth"], f"2026/10/{R.randint(1, 30):02d}", f[:3] if f != "異常なし" else "A", f,
                     R.choice([*DISEASES, "なし", "なし"]), R.choice(["なし", "降圧剤", "インスリン", "抗うつ薬", "睡眠導入剤"])])
    return head, rows


# ---------------------------------------------------------------- files
def xlsx(title_lines: list[str], head: list[str], rows: list[list], sheet: str = "Sheet1") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for t in title_lines:
        ws.append([t])
    if title_lines:
        ws.append([])
    ws.append(head)
    for r in rows:
        ws.append(r)
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def docx_file(paras: list[str], head: list[str] | None = None, rows: list[list] | None = None) -> bytes:
    d = docx.Document()
    for i, p in enumerate(paras):
        (d.add_heading(p, level=1) if i == 0 else d.add_paragraph(p))
    if head:
        t = d.add_table(rows=1, cols=len(head))
        for i, h in enumerate(head):
            t.rows[0].cells[i].text = h
        for r in rows or []:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def pdf_file(lines: list[str]) -> bytes:
    """Latin-only PDF: no Japanese font is installed on the machine this was made on."""
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=A4, invariant=1)
    y = 800
    for ln in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("Helvetica-Bold" if y == 800 else "Helvetica", 10)
        c.drawString(50, y, ln)
        y -= 15
    c.save()
    return b.getvalue()


def csv_file(head: list[str], rows: list[list], enc: str) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(head)
    w.writerows(rows)
    return s.getvalue().encode(enc)


def zip_plain(members: list[tuple[str, bytes]]) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in members:
            z.writestr(zipfile.ZipInfo(n, (2026, 12, 1, 9, 0, 0)), d, zipfile.ZIP_DEFLATED)
    return b.getvalue()


def zip_pw(members: list[tuple[str, bytes]], pw: str) -> bytes:
    td = tempfile.mkdtemp()
    try:
        for n, d in members:
            with open(os.path.join(td, n), "wb") as f:
                f.write(d)
        subprocess.run(["zip", "-q", "-X", "-P", pw, "out.zip", *[n for n, _ in members]], cwd=td, check=True)
        with open(os.path.join(td, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(td)


CT = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "pdf": "application/pdf", "csv": "text/csv", "zip": "application/zip"}


def payroll_doc(org: dict, people: list[dict], fmt: str, month: str = "2026年11月分") -> tuple[str, bytes]:
    head, rows = payroll_rows(people)
    if fmt == "xlsx":
        return f"{org['short']}_給与一覧_{month}.xlsx", xlsx([f"{org['name']} 御中", f"{month} 給与支給控除一覧表",
                                                              f"作成: {FIRM}"], head, rows, "給与一覧")
    if fmt == "csv":
        return f"kyuyo_{org['domain'].split('.')[0]}_202611.csv", csv_file(["事業所", *head], [[org["name"], *r] for r in rows],
                                                                          R.choice(["utf-8-sig", "cp932"]))
    if fmt == "docx":
        return f"給与明細_{org['short']}_{month}.docx", docx_file([f"{month} 給与明細書", f"{org['name']}",
                                                                 "下記のとおり支給いたします。"], head[:12],
                                                                [r[:12] for r in rows])
    lines = [f"PAYROLL SUMMARY  2026-11  /  {org['romaji']}  ({org['domain']})", "Prepared by Minato Sogo Kaikei",
             ""] + [f"{p['roma']:<24} gross JPY {yen(r[5]):>9}  net JPY {yen(r[11]):>9}  {p['bank']} {p['acct']}"
                    .replace(p["bank"], "Bank") for p, r in zip(people, rows, strict=False)]
    return f"給与一覧_{org['short']}_202611.pdf", pdf_file(lines)


def gensen_doc(org: dict, people: list[dict], fmt: str) -> tuple[str, bytes]:
    if fmt == "pdf":
        lines = ["WITHHOLDING TAX SLIP 2026 (Gensen Choshu-hyo)", f"Payer: {org['romaji']}  {org['domain']}", ""]
        for p in people:
            pay = (p["base"] + p["allow"]) * 14
            lines += [f"Recipient: {p['roma']}   Address: {p['addr_roma']}",
                      f"  Payment JPY {yen(pay)}   Tax withheld JPY {yen(pay * 3 // 100)}   Dependants {p['deps']}", ""]
        return f"源泉徴収票_{org['short']}_2026.pdf", pdf_file(lines)
    head = ["受給者氏名", "住所", "支払金額", "給与所得控除後", "源泉徴収税額", "扶養親族", "個人番号"]
    rows = [[p["name"], p["addr"], yen((p["base"] + p["allow"]) * 14), yen((p["base"] + p["allow"]) * 10),
             yen((p["base"] + p["allow"]) * 14 * 3 // 100), p["deps"], p["mn"]] for p in people]
    if fmt == "xlsx":
        return f"令和8年分源泉徴収票_{org['short']}.xlsx", xlsx([f"支払者: {org['name']}", "令和8年分 給与所得の源泉徴収票 一覧"],
                                                               head, rows, "源泉徴収票")
    return f"源泉徴収票_{org['short']}.docx", docx_file(["令和8年分 給与所得の源泉徴収票", f"支払者 {org['name']}"], head, rows)


def trial_balance(org: dict, fmt: str) -> tuple[str, bytes]:
    items = [("現金及び預金", R.randint(3, 90) * 100000), ("売掛金", R.randint(1, 40) * 100000),
             ("買掛金", R.randint(1, 30) * 100000), ("売上高", R.randint(50, 900) * 100000),
             ("給料手当", R.randint(10, 200) * 100000), ("地代家賃", R.randint(1, 20) * 100000)]
    if fmt == "pdf":
        return f"試算表_{org['short']}_2026年11月.pdf", pdf_file(
            [f"TRIAL BALANCE  Nov 2026  {org['romaji']}", f"({org['domain']})", ""] +
            [f"{k:<20} JPY {yen(v)}" for k, v in [("Cash and deposits", items[0][1]), ("Accounts receivable", items[1][1]),
                                                 ("Accounts payable", items[2][1]), ("Sales", items[3][1]),
                                                 ("Salaries", items[4][1]), ("Rent", items[5][1])]])
    return f"月次試算表_{org['short']}_202611.xlsx", xlsx([org["name"], "月次試算表 2026年11月"], ["勘定科目", "当月残高"],
                                                       [[k, v] for k, v in items], "試算表")


def invoice(org: dict, fmt: str) -> tuple[str, bytes]:
    fee = R.choice([33000, 44000, 55000, 66000, 88000])
    if fmt == "pdf":
        return f"請求書_{org['short']}_12月分.pdf", pdf_file(
            [f"INVOICE  No. MS-2026-12-{R.randint(1, 999):03d}", f"To: {org['romaji']} ({org['domain']})",
             "Advisory fee December 2026", f"Amount JPY {yen(fee)} (incl. tax)", "Minato Sogo Kaikei Tax Accountant Corp."])
    if fmt == "docx":
        return f"御請求書_{org['short']}.docx", docx_file(["御請求書", f"{org['name']} 御中", "2026年12月分 顧問報酬",
                                                          f"ご請求金額 {yen(fee)}円（税込）", FIRM])
    return f"請求書_{org['short']}_202612.xlsx", xlsx([f"{org['name']} 御中", "御請求書 2026年12月分"], ["項目", "金額"],
                                                      [["顧問報酬", fee], ["年末調整報酬", fee // 2]], "請求書")


def individual_return(ind: dict, fmt: str) -> tuple[str, bytes]:
    c = ind["contacts"][0]
    p = ind.setdefault("self", person())
    inc = R.randint(30, 120) * 100000
    med = [(R.choice(["はるか内科クリニック", "市民病院", "さくら歯科医院", "東町整形外科", "こころのクリニック"]),
            R.choice(DISEASES), R.randint(5, 300) * 1000) for _ in range(R.randint(2, 5))]
    if fmt == "pdf":
        return f"確定申告書控え_{c['s'][0]}{c['g'][0]}様.pdf", pdf_file(
            ["FINAL TAX RETURN 2026 (copy)", f"Taxpayer: {c['s'][2].upper()} {c['g'][2].title()}",
             f"Address: {p['addr_roma']}   Birth: {p['birth']}", f"Income JPY {yen(inc)}",
             f"Individual number: {p['mn']}"] + [f"Medical expense: JPY {yen(m[2])}" for m in med])
    paras = ["令和8年分 確定申告書（控）", f"氏名 {c['name']}（{c['kana']}）", f"住所 〒{p['zip']} {p['addr']}",
             f"生年月日 {p['birth']}  個人番号 {fmt_mn(p['mn'], 1)}", f"所得金額 {yen(inc)}円", "医療費控除の明細"]
    return f"確定申告書控え_{c['s'][0]}{c['g'][0]}様.docx", docx_file(paras, ["医療機関", "診療内容", "支払額"],
                                                                     [[m[0], m[1], yen(m[2])] for m in med])


# ---------------------------------------------------------------- mail rendering
def enc_word(text: str, cs: str) -> str:
    if all(ord(ch) < 128 for ch in text):
        return text
    out, chunk = [], ""
    step = 8 if cs == "iso-2022-jp" else 12
    for ch in text:
        chunk += ch
        if len(chunk) >= step:
            out.append(chunk)
            chunk = ""
    if chunk:
        out.append(chunk)
    label = "ISO-2022-JP" if cs == "iso-2022-jp" else "UTF-8"
    return "\r\n ".join(f"=?{label}?B?{base64.b64encode(p.encode(cs if cs == 'iso-2022-jp' else 'utf-8')).decode()}?="
                        for p in out)


def addr_hdr(people: list[tuple[str, str]], cs: str) -> str:
    return ",\r\n ".join(f"{enc_word(n, cs)} <{a}>" if n else a for n, a in people)


def safe(text: str, cs: str) -> str:
    enc = {"iso-2022-jp": "iso2022_jp", "shift_jis": "shift_jis"}.get(cs)
    if not enc:
        return text
    text = text.replace("～", "〜").replace("－", "-").replace("髙", "高")
    out = []
    for ch in text:
        try:
            ch.encode(enc)
            out.append(ch)
        except UnicodeEncodeError:
            out.append("-" if ch in "―—–" else "?")
    return "".join(out)


def b64lines(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def text_part(body: str, cs: str, sub: str = "plain") -> str:
    body = body.replace("\r\n", "\n")
    if cs == "iso-2022-jp":
        raw = body.encode("iso2022_jp").decode("ascii")
        return (f'Content-Type: text/{sub}; charset="ISO-2022-JP"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n'
                + raw.replace("\n", "\r\n") + "\r\n")
    if cs == "shift_jis":
        return (f'Content-Type: text/{sub}; charset="Shift_JIS"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
                + b64lines(body.replace("\n", "\r\n").encode("shift_jis")) + "\r\n")
    if R.random() < 0.5:
        q = quopri.encodestring(body.replace("\n", "\r\n").encode("utf-8")).decode("ascii")
        return f'Content-Type: text/{sub}; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{q}\r\n'
    return (f'Content-Type: text/{sub}; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + b64lines(body.replace("\n", "\r\n").encode("utf-8")) + "\r\n")


def to_html(body: str, cs: str = "utf-8") -> str:
    out, inq = [], False
    for ln in body.split("\n"):
        q = ln.startswith(">")
        if q and not inq:
            out.append('<blockquote style="border-left:2px solid #ccc;padding-left:8px">')
        if not q and inq:
            out.append("</blockquote>")
        inq = q
        out.append(html.escape(ln.lstrip("> ") if q else ln) + "<br>")
    if inq:
        out.append("</blockquote>")
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=' + {"utf-8": "utf-8", "iso-2022-jp": "iso-2022-jp", "shift_jis": "Shift_JIS"}[cs] + '"></head>'
            '<body style="font-family:Meiryo,sans-serif;font-size:10pt">\n<div>' + "\n".join(out) + "</div>\n</body></html>")


def att_part(name: str, data: bytes, cs: str, declared: str | None = None) -> str:
    ext = name.rsplit(".", 1)[-1].lower()
    ctype = declared or CT[ext]
    if cs in ("iso-2022-jp", "shift_jis"):
        w = f"=?ISO-2022-JP?B?{base64.b64encode(safe(name, 'iso-2022-jp').encode('iso2022_jp')).decode()}?="
        hdr = f'Content-Type: {ctype}; name="{w}"\r\nContent-Disposition: attachment; filename="{w}"\r\n'
    else:
        q = quote(name.encode("utf-8"), safe="")
        if len(q) > 60:
            parts, cur = [], ""
            for ch in name:
                cur += quote(ch.encode("utf-8"), safe="")
                if len(cur) >= 54:
                    parts.append(cur)
                    cur = ""
            parts += [cur] if cur else []
            fn = "".join(f";\r\n filename*{i}*={'UTF-8' + chr(39) * 2 if i == 0 else ''}{p}" for i, p in enumerate(parts))
        else:
            fn = f";\r\n filename*=UTF-8''{q}"
        hdr = f"Content-Type: {ctype}\r\nContent-Disposition: attachment{fn}\r\n"
    if ext == "csv" and declared is None:
        hdr = hdr.replace("text/csv", 'text/csv; charset="Shift_JIS"' if not data.startswith(b"\xef\xbb\xbf") else "text/csv")
    return hdr + "Content-Transfer-Encoding: base64\r\n\r\n" + b64lines(data) + "\r\n"


MAILERS = ["Microsoft Outlook 16.0", "Becky! ver. 2.81.05", "Thunderbird 128.5.0", "Active! mail", "Microsoft Outlook 16.0"]


class Mail:
    def __init__(self, sender: dict, subject: str, body: str, to: list, cc: list | None = None,
                 bcc: list | None = None, atts: list | None = None, cs: str = "utf-8", form: str = "plain"):
        self.sender, self.subject, self.body = sender, subject, body
        self.to, self.cc, self.bcc = to, cc or [], bcc or []
        self.atts = atts or []  # (name, bytes, declared type or None)
        self.cs, self.form = cs, form

    def recipients(self) -> list[str]:
        return [a for _, a in self.to + self.cc + self.bcc]

    def render(self, n: int, date: datetime) -> bytes:
        cs = self.cs
        hcs = "iso-2022-jp" if cs in ("iso-2022-jp", "shift_jis") else "utf-8"
        body = safe(self.body, cs)
        subject = safe(self.subject, hcs)
        h = [f"From: {addr_hdr([(self.sender['name'], self.sender['email'])], hcs)}",
             f"To: {addr_hdr(self.to, hcs)}"]
        if self.cc:
            h.append(f"Cc: {addr_hdr(self.cc, hcs)}")
        if self.bcc:
            h.append(f"Bcc: {addr_hdr(self.bcc, hcs)}")
        h += [f"Subject: {enc_word(subject, hcs)}", f"Date: {date.strftime('%a, %d %b %Y %H:%M:%S +0900')}",
              f"Message-ID: <m8.{n:04d}.{R.randrange(10**12):012d}@{DOM}>", "MIME-Version: 1.0",
              f"X-Mailer: {MAILERS[n % len(MAILERS)]}"]
        if self.form == "html":
            main = text_part(to_html(body, cs), cs, "html")
        elif self.form == "alt":
            b = f"alt{n:04d}{R.randrange(10**8):08d}"
            main = (f'Content-Type: multipart/alternative; boundary="{b}"\r\n\r\n--{b}\r\n' + text_part(body, cs) +
                    f"--{b}\r\n" + text_part(to_html(body, cs), cs, "html") + f"--{b}--\r\n")
        else:
            main = text_part(body, cs)
        if not self.atts:
            return ("\r\n".join(h) + "\r\n" + main).encode("ascii")
        b = f"mix{n:04d}{R.randrange(10**8):08d}"
        out = "\r\n".join(h) + f'\r\nContent-Type: multipart/mixed; boundary="{b}"\r\n\r\nThis is a multi-part message in MIME format.\r\n'
        out += f"--{b}\r\n" + main
        for name, data, declared in self.atts:
            out += f"--{b}\r\n" + att_part(name, data, cs, declared)
        return (out + f"--{b}--\r\n").encode("ascii")


# ---------------------------------------------------------------- wording
GREET = ["いつも大変お世話になっております。", "平素より格別のご高配を賜り、厚く御礼申し上げます。", "お世話になっております。",
         "いつもお世話になっております。", "ご無沙汰しております。"]
CLOSE = ["引き続きよろしくお願いいたします。", "ご確認のほど、よろしくお願い申し上げます。", "何卒よろしくお願いいたします。",
         "ご不明な点がございましたら、お気軽にお問い合わせください。", "お手数をおかけしますが、よろしくお願いいたします。"]


def intro(s: dict) -> str:
    team = {"tax": "税理士法人みなと総合会計", "labor": "みなと社労士事務所", "admin": "みなと総合会計 業務部"}[s["team"]]
    return R.choice([f"{team}の{s['s'][0]}です。", f"{team}の{s['s'][0]}でございます。", f"{s['s'][0]}です。"])


def sig(s: dict) -> str:
    k = R.randrange(3)
    if k == 0:
        return (f"――――――――――――――――――\n{FIRM}\n{'社会保険労務士部' if s['team'] == 'labor' else '税務部'}　{s['name']}\n"
                f"TEL {s['tel']}　FAX 03-5400-1199\nMail {s['email']}\n――――――――――――――――――")
    if k == 1:
        return (f"*************************************\n{s['name']}（{s['kana']}）\nみなと総合会計グループ\n"
                f"〒105-0023 東京都港区芝浦1-9-4 芝浦ベイビル5F\nTEL {s['tel']}\n*************************************")
    return f"--\n{s['name']}\nMinato Sogo Kaikei Tax Accountant Corporation\n{s['email']} / {s['tel']}"


def salute(c: dict, org: dict | None = None, full: bool | None = None) -> str:
    org = org or c["org"]
    if org["type"] == "individual":
        return R.choice([f"{c['name']} 様", f"{c['s'][0]}様", f"{c['name']}様"])
    full = R.random() < 0.5 if full is None else full
    k = R.randrange(5)
    if c["title"] in ("代表取締役", "理事長") and k == 0:
        return R.choice([f"{org['name']}\n{c['title']} {c['name']} 様", f"{c['s'][0]}社長" if c["title"] == "代表取締役"
                         else f"{org['name']}\n理事長 {c['name']} 様"])
    nm = c["name"] if full else c["s"][0]
    if k == 1:
        return f"{org['name']}\n{c['dept'] + ' ' if c['dept'] else ''}{nm} 様"
    if k == 2:
        return f"{org['short']} {nm}様"
    if k == 3:
        return f"{org['name']} {nm} 様"
    return f"{org['name']}\n{c['dept']}\n{nm} 様".replace("\n\n", "\n")


def compose(sal: str, s: dict, lines: list[str], quote: str = "", greet: str | None = None) -> str:
    return (f"{sal}\n\n{greet or R.choice(GREET)}\n{intro(s)}\n\n" + "\n".join(lines) + f"\n\n{R.choice(CLOSE)}\n\n{sig(s)}\n"
            + (f"\n{quote}\n" if quote else ""))


def quoted(frm: dict, to_line: str, subject: str, text: str, style: int | None = None) -> str:
    style = R.randrange(4) if style is None else style
    d = f"2026年11月{R.randint(10, 28)}日"
    if style == 0:
        return f"{d} {R.randint(9, 18)}:{R.randint(10, 59)} {frm['name']} <{frm['email']}>:\n" + "\n".join(
            "> " + ln for ln in text.split("\n"))
    if style == 1:
        return (f"-----Original Message-----\nFrom: {frm['name']} <{frm['email']}>\nSent: {d}\nTo: {to_line}\n"
                f"Subject: {subject}\n\n{text}")
    if style == 2:
        return (f"差出人: {frm['name']} <{frm['email']}>\n送信日時: {d}\n宛先: {to_line}\n件名: {subject}\n\n{text}")
    return (f"---------- Forwarded message ---------\nFrom: {frm['name']} <{frm['email']}>\nDate: {d}\n"
            f"Subject: {subject}\nTo: {to_line}\n\n{text}")


def ad(c: dict) -> tuple[str, str]:
    return (c["name"] if R.random() < 0.85 else "", c["email"])


def sad(s: dict) -> tuple[str, str]:
    return (s["name"], s["email"])


# ---------------------------------------------------------------- scenario helpers
def clients(typ: str = "client") -> list[dict]:
    return [o for o in ORGS if o["type"] == typ]


def usual(s: dict, typ: str | tuple = ("client",), avoid: set | None = None) -> dict:
    typ = (typ,) if isinstance(typ, str) else typ
    pool = [c for o in s["owns"] if o["type"] in typ for c in o["contacts"]
            if c["email"] in KNOWN.get(s["email"], set()) and (not avoid or c["email"] not in avoid)]
    return R.choice(pool)


def sender_for(typ: str | tuple = ("client",), team: tuple = ("tax", "labor")) -> dict:
    typ = (typ,) if isinstance(typ, str) else typ
    pool = [s for s in STAFF if s["team"] in team and any(o["type"] in typ for o in s["owns"])]
    return R.choice(pool)


def first_time(s: dict, addrs: list[str]) -> bool:
    k = KNOWN.get(s["email"], set())
    return any(a not in k and not a.endswith("@" + DOM) for a in addrs)


def same_surname_elsewhere(c: dict) -> list[dict]:
    return [x for x in CONTACTS if x["s"][0] == c["s"][0] and x["org"] is not c["org"] and x["org"]["type"] != "individual"]


def pick_cs(i: int) -> tuple[str, str]:
    r = R.random()
    if r < 0.16:
        return "iso-2022-jp", "plain"
    if r < 0.25:
        return "shift_jis", "plain"
    if r < 0.38:
        return "utf-8", "html"
    if r < 0.55:
        return "utf-8", "alt"
    return "utf-8", "plain"


def lookalike(domain: str) -> str:
    name, tld = domain.split(".", 1)
    ops = []
    if "m" in name:
        ops.append(lambda x: x.replace("m", "rn", 1))
    if "-" in name:
        ops.append(lambda x: x.replace("-", "", 1))
    if "i" in name:
        ops.append(lambda x: x.replace("i", "l", 1))
    if "o" in name:
        ops.append(lambda x: x.replace("o", "0", 1))
    if "l" in name:
        ops.append(lambda x: x.replace("l", "1", 1))
    ops.append(lambda x: x[:-1] + ("e" if x[-1] != "e" else "a"))
    ops.append(lambda x: x[:2] + x[2] + x[2:])
    return R.choice(ops)(name) + "." + tld


# ---------------------------------------------------------------- scenarios
OUTS: list[tuple[Mail, dict]] = []


def add(m: Mail, expected: str, codes: list[str], kind: str, note: str) -> None:
    OUTS.append((m, {"expected": expected, "codes": sorted(set(codes)), "kind": kind, "note": note}))


def ok_codes(s: dict, m: Mail, extra: tuple = ()) -> list[str]:
    ext = [a for a in m.recipients() if not a.endswith("@" + DOM)]
    codes = list(extra)
    if ext:
        codes.append("external_recipient")
    if first_time(s, ext):
        codes.append("first_time_recipient")
    return codes


def ok_cases() -> None:
    # ok_routine
    asks = [["11月分の勤怠データと経費精算書を受領いたしました。", "給与計算を進め、12月5日までに明細をお送りします。"],
            ["月次の記帳が完了しましたので、今月の打合せ日程をご相談させてください。", "12月10日(木)または11日(金)の午後はいかがでしょうか。"],
            ["年末調整の書類回収状況について確認させてください。", "未提出の方がいらっしゃいましたら、12月15日までにご提出をお願いいたします。"],
            ["源泉所得税（納期の特例）の納付書を本日郵送いたしました。", "納付期限は1月20日です。"],
            ["償却資産申告書の作成にあたり、今年取得された固定資産の請求書をお送りいただけますでしょうか。"],
            ["先日ご相談いただいた役員報酬の変更について、株主総会議事録のひな形をご用意しました。", "次回お伺いの際にご説明いたします。"],
            ["冬季賞与の支給日と支給対象者が決まりましたら、お知らせいただけますと助かります。"]]
    for _ in range(11):
        s = sender_for()
        c = usual(s)
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["月次のご連絡", "12月のお打合せについて", "年末調整書類のご提出状況", "ご連絡", "【ご確認】賞与計算の件"]),
                 "", [ad(c)], cs=cs, form=form)
        m.body = compose(salute(c), s, R.choice(asks))
        add(m, "ok", ok_codes(s, m), "ok_routine", f"usual contact {c['email']} of {c['organization']}")
    # ok_internal: lists with My Number / payroll / health stay inside
    for i in range(9):
        s = R.choice(STAFF)
        t = R.choice([x for x in STAFF if x is not s])
        org = R.choice(clients())
        ppl = roster(org, R.choice([12, 25, 40]))
        cs, form = pick_cs(0)
        if i % 3 == 0:
            name, data = payroll_doc(org, ppl, R.choice(["xlsx", "csv"]))
            lines = [f"{org['name']}の11月分給与、ダブルチェックをお願いします。", "差額が出ている方には黄色を付けています。"]
        elif i % 3 == 1:
            head, rows = mn_rows(ppl[:R.randint(6, 12)])
            name, data = f"{org['short']}_マイナンバー収集状況.xlsx", xlsx([f"{org['name']} 個人番号収集台帳（所内限り）"], head, rows)
            lines = [f"{org['short']}様の扶養控除申告書から個人番号を転記しました。", "照合をお願いします（所外への送付は不可）。"]
        else:
            head, rows = health_rows(ppl[:R.randint(5, 15)])
            name, data = f"{org['short']}_健診結果_就業判定用.xlsx", xlsx([f"{org['name']} 健康診断結果（社労士確認用）"], head, rows)
            lines = ["産業医面談の対象者の洗い出しを共有します。", "所内の共有フォルダにも保存済みです。"]
        m = Mail(s, R.choice(["【所内】確認依頼", "チェックお願いします", f"{org['short']} 件の共有"]),
                 compose(f"{t['s'][0]}さん", s, lines, greet="お疲れさまです。"), [sad(t)],
                 cc=[sad(R.choice([x for x in STAFF if x not in (s, t)]))] if i % 2 else [],
                 atts=[(name, data, None)], cs=cs, form=form)
        add(m, "ok", [], "ok_internal", f"internal only; {org['name']} list stays inside")
    # ok_attachment_match: business documents of the recipient's own company
    for i in range(11):
        s = sender_for()
        c = usual(s)
        org = c["org"]
        fmt = ["pdf", "xlsx", "docx"][i % 3]
        name, data = (invoice if i % 2 else trial_balance)(org, fmt if i % 2 else ("pdf" if fmt == "pdf" else "xlsx"))
        atts = [(name, data, None)]
        if i in (4, 9):
            atts = [(f"{org['short']}_12月資料.zip", zip_plain([("doc." + name.rsplit(".", 1)[1], data)]), None)]
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["請求書送付のご案内", "11月度 試算表のご送付", "月次資料のご送付"]), "", [ad(c)], atts=atts,
                 cs=cs, form=form)
        m.body = compose(salute(c), s, [f"{org['name']}様の資料を添付にてお送りいたします。", "内容をご確認ください。"])
        add(m, "ok", ok_codes(s, m), "ok_attachment_match", f"{name} for {org['name']} to {c['email']}")
    # ok_same_surname_right_company
    n = 0
    for s in R.sample(STAFF, len(STAFF)):
        if s["team"] == "admin":
            continue
        for c in [c for o in s["owns"] if o["type"] == "client" for c in o["contacts"]]:
            if n >= 10 or c["email"] not in KNOWN.get(s["email"], set()) or len(same_surname_elsewhere(c)) < 2:
                continue
            if R.random() < 0.5:
                continue
            cs, form = pick_cs(0)
            att = []
            if n % 3 == 0:
                att = [(*payroll_doc(c["org"], roster(c["org"], 9), "xlsx"), None)]
            m = Mail(s, R.choice(["給与計算結果のご送付", "ご確認のお願い", "RE: 住民税の件"]), "", [ad(c)], atts=att, cs=cs, form=form)
            m.body = compose(salute(c, full=True), s, [f"{c['org']['short']}様の件、ご依頼の内容で処理いたしました。",
                                                       "添付をご確認ください。" if att else "ご報告まで。"])
            add(m, "ok", ok_codes(s, m, ("pii_in_attachment", "bulk_pii") if att else ()), "ok_same_surname_right_company",
                f"{c['name']} of {c['organization']}; {len(same_surname_elsewhere(c))} other {c['s'][0]} elsewhere")
            n += 1
    # ok_announcement_bcc
    notices = [("年末年始休業のお知らせ", ["誠に勝手ながら、12月29日（火）から1月4日（月）まで休業いたします。", "1月5日（火）より通常営業いたします。"]),
               ("【重要】年末調整書類のご提出期限について", ["今年の年末調整書類は12月11日（金）必着でお願いいたします。", "電子申請をご利用の場合は同日17時までです。"]),
               ("法定調書・給与支払報告書の提出スケジュール", ["1月31日が提出期限となっております。", "支払調書の対象となる報酬の一覧を1月10日までにお送りください。"]),
               ("令和9年度 税制改正大綱のポイント", ["大綱の主な改正点をまとめました。", "詳細は来月の顧問先セミナーでご説明いたします。"])]
    for i in range(6):
        s = R.choice(STAFF)
        subj, lines = notices[i % len(notices)]
        rec = R.sample([c for c in CONTACTS if c["org"]["type"] in ("client", "individual")], R.randint(10, 30))
        cs, form = pick_cs(0)
        m = Mail(s, subj, f"顧問先各位\n\n{R.choice(GREET)}\n{FIRM}でございます。\n\n" + "\n".join(lines) +
                 f"\n\n{R.choice(CLOSE)}\n\n{sig(s)}\n", [(FIRM, s["email"])] if i % 2 else [sad(s)],
                 bcc=[ad(c) for c in rec], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m), "ok_announcement_bcc", f"{len(rec)} external recipients in Bcc")
    # ok_reply_quoting_other_client
    for _ in range(7):
        s = sender_for()
        c = usual(s)
        other = R.choice([o for o in clients() if o is not c["org"]])
        qt = R.choice([f"{other['name']}さんからのご紹介で、給与計算もお願いしたいと考えています。",
                       f"取引先の{other['short']}さんが電子帳簿保存で困っているそうです。弊社はどう対応すべきでしょうか。",
                       f"先日の商工会の会合で{other['short']}の社長に御社のお話を伺いました。"])
        q = quoted(c, s["email"], "ご相談", f"{FIRM}\n{s['s'][0]}様\n\n{qt}\n\n{c['org']['short']} {c['name']}", R.choice([0, 1, 2]))
        cs, form = pick_cs(0)
        m = Mail(s, "RE: ご相談", compose(salute(c), s, ["ご連絡ありがとうございます。", "御社の件として、来週のお打合せで詳しくご説明いたします。"],
                                          q), [ad(c)], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m), "ok_reply_quoting_other_client",
            f"reply to {c['organization']}; {other['name']} only in the quote")
    # ok_first_mail_known_company
    for i in range(5):
        s = sender_for()
        o = R.choice([o for o in s["owns"] if o["type"] == "client"])
        cand = [c for c in o["contacts"] if c["email"] not in KNOWN.get(s["email"], set())]
        if cand and i % 2 == 0:
            c = R.choice(cand)
            who = (c["name"], c["email"])
            sal = salute(c)
        else:
            sn, gn = pick_name()
            who = (f"{sn[0]} {gn[0]}", f"{local_part(o['style'], sn, gn)}@{o['domain']}")
            sal = f"{o['name']}\n{sn[0]} {gn[0]} 様"
        cs, form = pick_cs(0)
        m = Mail(s, "ご挨拶（担当者変更のご連絡）", compose(sal, s, ["このたび前任に代わり、御社の担当を務めることになりました。",
                                                                    "今後ともよろしくお願い申し上げます。"]), [who], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m), "ok_first_mail_known_company", f"first mail to {who[1]} at {o['name']}")
    # ok_client_own_payroll: hard negative, the client's own payroll to its usual contact
    for i in range(7):
        s = sender_for(team=("labor",))
        c = usual(s)
        ppl = roster(c["org"], R.choice([8, 15, 30, 55]))
        name, data = (payroll_doc if i % 2 == 0 else gensen_doc)(c["org"], ppl, ["xlsx", "csv", "pdf", "docx"][i % 4] if i % 2 == 0
                                                                             else ["pdf", "xlsx", "docx"][i % 3])
        atts = [(name, data, None)]
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["11月分給与計算結果のご送付", "源泉徴収票（令和8年分）のご送付", "給与明細データ送付の件"]), "", [ad(c)],
                 atts=atts, cs=cs, form=form)
        m.body = compose(salute(c), s, [f"{c['org']['name']}様の{len(ppl)}名分のデータをお送りします。",
                                        "内容にお間違いがないかご確認ください。"])
        add(m, "ok", ok_codes(s, m, ("pii_in_attachment", "bulk_pii")), "ok_client_own_payroll",
            f"{len(ppl)} employees of {c['organization']} to its usual contact {c['email']}")
    # ok_individual_own_return
    for i in range(5):
        s = sender_for("individual", ("tax",))
        c = usual(s, "individual")
        name, data = individual_return(c["org"], ["docx", "pdf"][i % 2])
        cs, form = pick_cs(0)
        m = Mail(s, "確定申告書（控）のご送付", compose(salute(c), s, ["申告書の控えをお送りいたします。", "医療費控除の明細も添付しております。"]),
                 [ad(c)], atts=[(name, data, None)], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m, ("pii_in_attachment", "sensitive_pii")), "ok_individual_own_return",
            f"{c['name']}'s own return to {c['email']}")
    # ok_reply_all_same_company
    for _ in range(5):
        s = sender_for()
        o = R.choice([o for o in s["owns"] if o["type"] == "client" and len(o["contacts"]) >= 3])
        a, b, c3 = R.sample(o["contacts"], 3)
        body = compose(salute(a), s, ["皆さまご確認ありがとうございます。", "それでは12月分からこの内容で計算いたします。"],
                       quoted(a, f"{s['email']}, {b['email']}", "Re: 通勤手当の変更", f"{s['s'][0]}様\n\n3名の通勤経路が変わります。\n\n{a['name']}"))
        cs, form = pick_cs(0)
        m = Mail(s, "RE: Re: 通勤手当の変更", body, [ad(a)], cc=[ad(b), ad(c3)], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m), "ok_reply_all_same_company", f"reply-all, everyone at {o['name']}")
    # ok_sensitive_right_client: one employee's 傷病手当金 draft to the client's usual contact
    for i in range(4):
        s = sender_for(team=("labor",))
        c = usual(s)
        p = roster(c["org"], 15)[i]
        d = R.choice(DISEASES)
        cs, form = pick_cs(0)
        att = [(f"傷病手当金申請書_下書き_{p['name'].replace(' ', '')}.docx",
                docx_file(["健康保険 傷病手当金支給申請書（下書き）", f"事業所 {c['org']['name']}", f"被保険者 {p['name']} 生年月日 {p['birth']}",
                           f"傷病名 {d}", "療養期間 2026/10/05 〜 2026/11/30"]), None)]
        m = Mail(s, "傷病手当金申請書の下書き", compose(salute(c), s, [f"ご依頼の{p['name']}さんの申請書を作成しました。",
                                                                    "事業主証明欄のご確認をお願いいたします。"]), [ad(c)], atts=att,
                 cs=cs, form=form)
        add(m, "ok", ok_codes(s, m, ("pii_in_attachment", "sensitive_pii")), "ok_sensitive_right_client",
            f"one employee's 傷病手当金 draft ({d}) to {c['organization']}")
    # ok_bank_with_client_cc
    banks = [o for o in ORGS if o["ind"] == "bank"]
    for i in range(4):
        s = sender_for()
        c = usual(s)
        bk = banks[i % len(banks)]
        bc = R.choice(bk["contacts"])
        name, data = trial_balance(c["org"], ["xlsx", "pdf"][i % 2])
        cs, form = pick_cs(0)
        m = Mail(s, f"{c['org']['short']}様 試算表のご送付（融資ご相談の件）",
                 compose(salute(bc, full=False), s, [f"{c['org']['name']}様のご依頼により、11月末の試算表をお送りします。",
                                                    f"同社{c['s'][0]}様にもCcでお送りしております。"]),
                 [ad(bc)], cc=[ad(c)], atts=[(name, data, None)], cs=cs, form=form)
        add(m, "ok", ok_codes(s, m, ("multiple_external_orgs",)), "ok_bank_with_client_cc",
            f"{c['organization']}'s trial balance to {bk['name']} at the client's request, client in Cc")
    # ok_english_partner
    saas = next(o for o in ORGS if o["ind"] == "saas")
    for i in range(2):
        s = R.choice([x for x in STAFF if x["team"] == "admin"])
        c = R.choice(saas["contacts"])
        body = (f"Dear {c['s'][2].title()}-san,\n\nThank you for your support.\nWhen we import the December payroll CSV, "
                f"the column 'commuting allowance' is rejected with error E-{R.randint(100, 999)}.\nCould you tell us "
                f"which format the importer expects? We can share a sample file without personal data.\n\n"
                f"Best regards,\n{s['g'][2].title()} {s['s'][2].title()}\nMinato Sogo Kaikei\n")
        m = Mail(s, "CSV import error on payroll data", body, [(c["name"], c["email"])], cs="utf-8", form="plain" if i else "alt")
        add(m, "ok", ok_codes(s, m), "ok_english_partner", f"English question to {saas['name']}, no personal data")


def risky_cases() -> None:
    inds = clients("individual")
    # reply_all_other_client: the other client in To, in Cc, or an individual client on free mail
    shapes = ["to", "to", "to", "cc", "cc", "cc", "ind", "ind", "ind"]
    for shape in shapes:
        if shape == "ind":
            s = sender_for("individual", ("tax",))
            c = usual(s, "individual")
            o2 = R.choice([o for o in inds if o is not c["org"]])
        else:
            s = sender_for()
            c = usual(s)
            o2 = R.choice([o for o in clients() if o is not c["org"]])
        c2 = R.choice(o2["contacts"])
        if shape == "ind":
            p = c["org"].setdefault("self", person())
            lines = [f"医療費控除の明細を確認しました。{R.choice(DISEASES)}の通院分（{yen(R.randint(40, 300) * 1000)}円）も対象になります。",
                     f"還付見込額は約{yen(R.randint(10, 90) * 1000)}円です。", f"還付金の振込先は{p['bank']} {p['branch']} 普通 {p['acct']}でよろしいでしょうか。"]
            qtext = f"{s['s'][0]}様\n\n領収書の件、昨日郵送しました。\n\n{c['name']}"
        else:
            ppl = roster(c["org"], 12)
            lines = [f"{ppl[0]['name']}さんの扶養追加（配偶者）と、{ppl[1]['name']}さんの住所変更を反映しました。",
                     f"{ppl[2]['name']}さんは年末調整で住宅ローン控除の証明書が未提出です。"]
            qtext = f"{s['s'][0]}様\n\n年末調整の件で質問です。\n\n{c['org']['name']} {c['name']}"
        q = quoted(c, f"{s['email']}; {c2['email']}", "年末調整の件", qtext, R.choice([0, 1, 2]))
        cs, form = pick_cs(0)
        to = [ad(c), ad(c2)] if shape == "to" else [ad(c)]
        cc = [ad(c2)] if shape != "to" else []
        m = Mail(s, "RE: 年末調整の件" if shape != "ind" else "RE: 医療費控除について", compose(salute(c), s, lines, q), to, cc=cc,
                 cs=cs, form=form)
        codes = ["content_recipient_mismatch", "multiple_external_orgs"] + (["first_time_recipient"] if first_time(s, [c2["email"]]) else [])
        add(m, "risky", codes, "reply_all_other_client",
            f"reply to {c['email']} ({c['organization']}) keeps {c2['email']} of {o2['name']} in {shape if shape != 'ind' else 'Cc'}")
    # forward_thread_other_client: a thread of client A forwarded to client B
    for _ in range(4):
        s = sender_for()
        a = usual(s)
        b = usual(s, avoid={x["email"] for x in a["org"]["contacts"]})
        if b["org"] is a["org"]:
            b = R.choice([x for x in CONTACTS if x["org"]["type"] == "client" and x["org"] is not a["org"]])
        ppl = roster(a["org"], 20)[:R.randint(3, 6)]
        inner = (f"{s['s'][0]}様\n\n退職者の件でご相談です。\n" + "\n".join(
            f"・{p['name']}（{p['birth']}生）{p['addr']}  最終出勤日 11/{R.randint(10, 30)}  退職理由: {R.choice(['自己都合', '体調不良（' + R.choice(DISEASES) + '）', '契約満了'])}"
            for p in ppl) + f"\n\n{a['org']['name']} {a['name']}")
        fwd = quoted(a, s["email"], "退職者の手続き", inner, 3)
        cs, form = pick_cs(0)
        m = Mail(s, "Fw: 退職者の手続き", compose(salute(b), s, ["同様のケースのご参考として、やり取りを転送いたします。",
                                                                  "御社の退職手続きも同じ流れで進めます。"], fwd), [ad(b)], cs=cs, form=form)
        codes = ["content_recipient_mismatch", "sensitive_pii", "bulk_pii"] + (["first_time_recipient"] if first_time(s, [b["email"]]) else [])
        add(m, "risky", codes, "forward_thread_other_client",
            f"{a['organization']}'s thread with {len(ppl)} leavers forwarded to {b['email']} of {b['organization']}")
    # same_surname_wrong_company: To (6), Cc (3), Bcc (2)
    places = ["to"] * 6 + ["cc"] * 3 + ["bcc"] * 2
    done = 0
    tries = 0
    while done < len(places) and tries < 500:
        tries += 1
        s = sender_for()
        x = usual(s)
        twins = [y for y in same_surname_elsewhere(x) if y["org"]["type"] == "client"]
        if not twins:
            continue
        full = [y for y in twins if y["name"] == x["name"]]
        if done in (0, 1, 3, 6, 9) and not full:
            continue  # five of the slips hit a same-full-name twin
        y = R.choice(full) if full and R.random() < 0.7 else R.choice(twins)
        place = places[done]
        att = []
        if done % 2 == 0:
            att = [(*payroll_doc(x["org"], roster(x["org"], R.choice([10, 18])), R.choice(["xlsx", "csv", "pdf"])), None)]
        codes = ["similar_recipient"] + (["first_time_recipient"] if first_time(s, [y["email"]]) else [])
        cs, form = pick_cs(0)
        lines = [f"{x['org']['name']}様の11月分給与計算が完了しました。" if att else "ご依頼の労働保険の年度更新の件、概算額が出ました。",
                 "添付ファイルにてご確認ください。" if att else f"{x['org']['short']}様の概算保険料は{yen(R.randint(20, 400) * 1000)}円です。"]
        if place == "to":
            m = Mail(s, "11月分 給与計算結果" if att else "労働保険年度更新の件", compose(salute(x, full=R.random() < 0.6), s, lines),
                     [(y["name"], y["email"])], atts=att, cs=cs, form=form)
            codes += ["content_recipient_mismatch"] + (["attachment_recipient_mismatch"] if att else [])
        else:
            colleague = [z for z in x["org"]["contacts"] if z is not x and z["email"] in KNOWN.get(s["email"], set())]
            if not colleague:
                continue
            z = R.choice(colleague)
            m = Mail(s, "11月分 給与計算結果" if att else "労働保険年度更新の件",
                     compose(salute(z) + f"\n（cc: {x['s'][0]}様）", s, lines), [ad(z)],
                     cc=[(y["name"], y["email"])] if place == "cc" else [],
                     bcc=[(y["name"], y["email"])] if place == "bcc" else [], atts=att, cs=cs, form=form)
            codes += ["multiple_external_orgs"]
        if att:
            codes += ["pii_in_attachment", "bulk_pii"]
        add(m, "risky", codes, "same_surname_wrong_company",
            f"meant {x['name']} of {x['organization']}; {place} is {y['email']} ({y['name']}, {y['organization']})")
        done += 1
    # wrong_attachment: another client's payroll / 源泉徴収票 (file name and content)
    for i in range(9):
        s = sender_for(team=("labor",))
        c = usual(s)
        o2 = R.choice([o for o in clients() if o is not c["org"] and (o["short"][:2] == c["org"]["short"][:2] or R.random() < 0.7)])
        ppl = roster(o2, R.choice([8, 14, 22]))
        name, data = (gensen_doc if i % 2 else payroll_doc)(o2, ppl, ["pdf", "xlsx", "docx", "csv"][i % 4] if i % 2 == 0
                                                             else ["pdf", "xlsx", "docx"][i % 3])
        atts = [(name, data, None)]
        if i in (2, 5, 8):
            atts = [(f"{c['org']['short']}様_年末調整資料.zip", zip_plain([("gensen/" + name, data)]), None)]
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["源泉徴収票のご送付", "11月分給与データ", "年末調整資料の送付"]),
                 compose(salute(c), s, [f"{c['org']['name']}様の資料を添付いたします。", "ご査収のほどお願いいたします。"]),
                 [ad(c)], atts=atts, cs=cs, form=form)
        add(m, "risky", ["attachment_recipient_mismatch", "pii_in_attachment", "bulk_pii"], "wrong_attachment",
            f"to {c['organization']}, attachment is for {o2['name']}")
    # employee_list_to_other_client: roster/My Number list of A's staff to B (the name only inside the sheet)
    for i in range(5):
        s = sender_for(team=("labor",))
        c = usual(s)
        o2 = R.choice([o for o in clients() if o is not c["org"]])
        ppl = roster(o2, R.choice([16, 28, 45]))
        head, rows = (roster_rows if i % 2 else mn_rows)(ppl)
        fmt = ["xlsx", "csv", "xlsx", "docx", "csv"][i]
        title = f"{o2['name']} 従業員名簿" if i % 2 else f"{o2['name']} 個人番号取得状況"
        if fmt == "xlsx":
            data = xlsx([title], head, rows, "名簿")
        elif fmt == "csv":
            data = csv_file(["事業所", *head], [[o2["name"], *r] for r in rows], "cp932")
        else:
            data = docx_file([title], head, rows)
        name = R.choice(["従業員名簿.", "算定基礎届_対象者.", "社員一覧_最新版.", "資格取得届_準備."]) + fmt
        cs, form = pick_cs(0)
        m = Mail(s, "従業員名簿のご確認", compose(salute(c), s, ["社会保険の手続きに使用する名簿をお送りします。",
                                                               "相違がありましたらお知らせください。"]), [ad(c)],
                 atts=[(name, data, None)], cs=cs, form=form)
        add(m, "risky", ["attachment_recipient_mismatch", "pii_in_attachment", "bulk_pii"], "employee_list_to_other_client",
            f"to {c['organization']}, attachment is for {o2['name']} ({len(ppl)} employees)")
    # bulk_pii_external: a client's payroll / roster to a vendor that has no need for it
    vendors = [o for o in ORGS if o["ind"] in ("print", "it", "insurance", "legal", "saas")]
    for i in range(5):
        s = R.choice(STAFF)
        v = R.choice(vendors)
        vc = R.choice(v["contacts"])
        org = R.choice(clients())
        ppl = roster(org, R.choice([60, 120, 180]))
        if i % 2:
            name, data = payroll_doc(org, ppl, R.choice(["xlsx", "csv"]))
        else:
            head, rows = roster_rows(ppl)
            name, data = f"{org['short']}_全従業員.xlsx", xlsx([f"{org['name']} 全従業員一覧"], head, rows)
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["データ送付の件", "お見積りのための資料", "ご依頼の件"]),
                 compose(salute(vc), s, [R.choice(["年末調整書類の封入作業のお見積りのため、対象者一覧をお送りします。",
                                                  "システム移行のテスト用に、実データを一式お送りします。",
                                                  "団体保険のご提案用に従業員データをお送りします。"])]),
                 [ad(vc)], atts=[(name, data, None)], cs=cs, form=form)
        add(m, "risky", ["bulk_pii", "pii_in_attachment"] + (["first_time_recipient"] if first_time(s, [vc["email"]]) else []),
            "bulk_pii_external", f"{len(ppl)} employees of {org['name']} to {v['name']}")
    # password_zip_payroll
    for i in range(5):
        s = R.choice(STAFF)
        tgt = R.choice(vendors + [o for o in clients()])
        tc = R.choice(tgt["contacts"])
        org = R.choice([o for o in clients() if o is not tgt])
        ppl = roster(org, R.choice([50, 90, 150]))
        head, rows = payroll_rows(ppl) if i % 2 else mn_rows(ppl)
        pw = f"Mn{R.randint(1000, 9999)}{R.choice(['kz', 'tx', 'sr'])}"
        data = zip_pw([(f"data_{i + 1}.csv", csv_file(head, rows, R.choice(["utf-8-sig", "cp932"])))], pw)
        cs, form = pick_cs(0)
        m = Mail(s, "資料送付", compose(salute(tc), s, ["資料をお送りします。", "パスワードは別途お送りします。"]), [ad(tc)],
                 atts=[(f"{R.choice(['資料', 'kyuyo', 'list'])}_{R.randint(1, 99)}.zip", data, None)], cs=cs, form=form)
        add(m, "risky", ["unscannable_attachment", "bulk_pii"], "password_zip_payroll",
            f"{len(ppl)} employees of {org['name']} in a zip to {tgt['name']} (password {pw})")
    # my_number_in_body
    for i in range(6):
        s = sender_for(team=("labor",))
        c = usual(s)
        ppl = roster(c["org"], 20)[:R.randint(5, 12)]
        table = "\n".join(f"{j + 1}. {p['name']}（{p['birth']}）　{fmt_mn(p['mn'], i + j)}" for j, p in enumerate(ppl))
        other = None
        if i >= 3:
            other = R.choice([x for x in CONTACTS if x["org"]["type"] == "client" and x["org"] is not c["org"]])
        cs, form = pick_cs(0)
        m = Mail(s, "個人番号の確認", compose(salute(c), s, ["ご提出いただいた扶養控除申告書の個人番号を以下のとおり転記しました。",
                                                         "誤りがないかご確認ください。", "", table]),
                 [ad(c)], cc=[ad(other)] if other else [], cs=cs, form=form)
        codes = ["bulk_pii"] + (["multiple_external_orgs", "content_recipient_mismatch"] if other else [])
        add(m, "risky", codes, "my_number_in_body",
            f"{len(ppl)} My Numbers of {c['organization']} staff in the body" + (f"; {other['email']} of {other['organization']} in Cc" if other else ""))
    # sensitive_health_external
    for i in range(6):
        s = sender_for(team=("labor",))
        c = usual(s)
        ppl = roster(c["org"], 25)[:R.randint(4, 14)]
        head, rows = health_rows(ppl)
        if i < 2:
            tgt = R.choice([o for o in clients() if o is not c["org"]])
            tc = R.choice(tgt["contacts"])
            sal, why = salute(c), f"wrong client {tgt['name']}"
            codes = ["sensitive_pii", "attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment"]
        else:
            tgt = R.choice(vendors)
            tc = R.choice(tgt["contacts"])
            sal, why = salute(tc), f"vendor {tgt['name']}"
            codes = ["sensitive_pii", "pii_in_attachment"]
        fmt = ["xlsx", "docx", "csv", "xlsx", "docx", "csv"][i]
        title = f"{c['org']['name']} 定期健康診断 結果一覧（2026年度）"
        data = (xlsx([title], head, rows) if fmt == "xlsx" else docx_file([title], head, rows) if fmt == "docx"
                else csv_file(head, rows, "cp932"))
        cs, form = pick_cs(0)
        m = Mail(s, "健康診断結果の件", compose(sal, s, ["健康診断の結果一覧をお送りします。", "要再検査の方への受診勧奨をお願いいたします。"]),
                 [ad(tc)], atts=[(f"健診結果一覧.{fmt}", data, None)], cs=cs, form=form)
        add(m, "risky", codes + (["first_time_recipient"] if first_time(s, [tc["email"]]) else []), "sensitive_health_external",
            f"{len(ppl)} employees' health results of {c['organization']} to {why}")
    # open_recipient_list
    for i in range(5):
        s = R.choice(STAFF)
        rec = R.sample([c for c in CONTACTS if c["org"]["type"] in ("client", "individual")], R.randint(8, 25))
        cut = len(rec) if i % 2 == 0 else R.randint(1, 3)
        cs, form = pick_cs(0)
        m = Mail(s, R.choice(["年末調整説明会のご案内", "【ご案内】電子申告の受付開始", "年末年始休業のお知らせ"]),
                 f"関与先の皆様\n\n{R.choice(GREET)}\n{FIRM}です。\n\n12月8日（火）14時より、年末調整説明会をオンラインで開催します。\n"
                 f"参加ご希望の方はご返信ください。\n\n{R.choice(CLOSE)}\n\n{sig(s)}\n",
                 [ad(c) for c in rec[:cut]], cc=[ad(c) for c in rec[cut:]], cs=cs, form=form)
        add(m, "risky", ["open_recipient_list", "multiple_external_orgs"], "open_recipient_list",
            f"{len(rec)} external addresses in To/Cc")
    # lookalike_domain
    for i in range(6):
        s = sender_for()
        c = usual(s)
        dom = lookalike(c["org"]["domain"])
        bad = c["email"].split("@")[0] + "@" + dom
        att = []
        if i % 2 == 0:
            att = [(*payroll_doc(c["org"], roster(c["org"], 12), R.choice(["xlsx", "pdf"])), None)]
        cs, form = pick_cs(0)
        m = Mail(s, "給与計算結果のご送付" if att else "決算打合せの日程", compose(salute(c), s, ["ご確認をお願いいたします。"]),
                 [(c["name"], bad)], atts=att, cs=cs, form=form)
        add(m, "risky", ["lookalike_domain", "first_time_recipient"] + (["pii_in_attachment", "bulk_pii"] if att else []),
            "lookalike_domain", f"{c['email']} typed as {bad}")
    # first_time_unknown_company
    unknown = [("株式会社ネクストバックオフィス", "next-bo.example"), ("合同会社クラウド経理パートナーズ", "cloudkeiri.test"),
               ("ヒューマンリンク株式会社", "humanlink-hr.example"), ("株式会社アクシス人材", "axis-jinzai.example.com"),
               ("株式会社ベストペイ", "bestpay.test")]
    for i, (oname, odom) in enumerate(unknown):
        s = sender_for(team=("labor", "tax"))
        c = usual(s)
        sn, gn = pick_name()
        who = (f"{sn[0]} {gn[0]}", f"{sn[2]}@{odom}")
        ppl = roster(c["org"], R.choice([15, 30, 60]))
        name, data = payroll_doc(c["org"], ppl, R.choice(["xlsx", "csv"]))
        cs, form = pick_cs(0)
        m = Mail(s, "給与データのお引継ぎ", compose(f"{oname}\n{who[0]} 様", s, [f"{c['org']['name']}様よりご依頼があり、給与データをお送りします。",
                                                                            "今後の給与計算はそちらで行われると伺っております。"]),
                 [who], cc=[ad(c)] if i % 2 else [], atts=[(name, data, None)], cs=cs, form=form)
        add(m, "risky", ["first_time_recipient", "pii_in_attachment", "bulk_pii"] + (["multiple_external_orgs"] if i % 2 else []),
            "first_time_unknown_company", f"{len(ppl)} employees of {c['organization']} to unknown {odom}")
    # personal_address_of_client_staff
    for i in range(6):
        s = sender_for(team=("labor", "tax"))
        c = usual(s)
        priv = f"{c['g'][2]}{c['s'][2][:3]}{R.randint(70, 99)}@{R.choice(FREE)}"
        ppl = roster(c["org"], R.choice([10, 20, 35]))
        name, data = (payroll_doc if i % 2 else gensen_doc)(c["org"], ppl, R.choice(["xlsx", "pdf", "docx"]))
        cs, form = pick_cs(0)
        m = Mail(s, "RE: 給与データ", compose(salute(c), s, ["ご依頼のデータをお送りします。", "ご自宅で作業されるとのことで承知しました。" if i % 2 else "ご確認ください。"]),
                 [(c["name"], priv)], atts=[(name, data, None)], cs=cs, form=form)
        add(m, "risky", ["first_time_recipient", "similar_recipient", "pii_in_attachment", "bulk_pii"],
            "personal_address_of_client_staff", f"{c['name']} of {c['organization']} at private {priv}")
    # individual_return_to_other_individual
    for i in range(5):
        s = sender_for("individual", ("tax",))
        b = usual(s, "individual")
        a_org = R.choice([o for o in inds if o is not b["org"]])
        name, data = individual_return(a_org, ["docx", "pdf"][i % 2])
        a = a_org["contacts"][0]
        sal = salute(b) if i % 2 else salute(a)
        cs, form = pick_cs(0)
        m = Mail(s, "確定申告書（控）のご送付", compose(sal, s, ["申告書の控えをお送りいたします。", "還付金は2月下旬に振り込まれる予定です。"]),
                 [(b["name"], b["email"])], atts=[(name, data, None)], cs=cs, form=form)
        codes = ["attachment_recipient_mismatch", "pii_in_attachment"] + (["content_recipient_mismatch"] if i % 2 == 0 else [])
        add(m, "risky", codes, "individual_return_to_other_individual",
            f"to {b['email']} ({b['organization']}), attachment is for {a_org['name']}")


def main() -> None:
    build_orgs()
    build_staff()
    assign_owners()
    hist = build_history()
    ok_cases()
    risky_cases()
    order = list(range(len(OUTS)))
    R.shuffle(order)
    os.makedirs(os.path.join(HERE, "messages"), exist_ok=True)
    for f in os.listdir(os.path.join(HERE, "messages")):
        os.remove(os.path.join(HERE, "messages", f))
    labels = []
    days = [datetime(2026, 12, d, 8, 30, tzinfo=JST) for d in range(1, 29) if datetime(2026, 12, d).weekday() < 5]
    for n, k in enumerate(order, 1):
        m, lb = OUTS[k]
        date = days[(n - 1) * len(days) // len(order)] + timedelta(minutes=R.randint(0, 600))
        with open(os.path.join(HERE, "messages", f"{n:04d}.eml"), "wb") as f:
            f.write(m.render(n, date))
        labels.append({"file": f"messages/{n:04d}.eml", **lb})
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{FIRM}"\ninternal_domains = ["{DOM}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in CONTACTS:
            w.writerow([c["name"], c["kana"], c["email"], c["organization"]])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in hist:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps({k: lb[k] for k in ("file", "expected", "codes", "kind", "note")}, ensure_ascii=False) + "\n")
    print(f"{len(labels)} messages, {sum(lb['expected'] == 'risky' for lb in labels)} risky")


if __name__ == "__main__":
    main()
