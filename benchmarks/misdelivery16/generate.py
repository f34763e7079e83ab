#!/usr/bin/env python3
# ruff: noqa: E501, E702, B007, SIM115, RUF015, RUF005, F541, RUF100
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Generate misdelivery16: outgoing mail of a mail-order / EC retailer (株式会社こもれびリビング).

Run: /work/main/.venv/bin/python generate.py   (seed 1616; rewrites everything except README.md / validate.py)
Needs openpyxl and reportlab (PDFs use reportlab's built-in CID font HeiseiKakuGo-W5, not embedded).
Written from the trade and the label format only; no guard code was read.
"""
from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

import openpyxl
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

R = random.Random(1616)
HERE = os.path.dirname(os.path.abspath(__file__))
JST = timezone(timedelta(hours=9))
HOME = "komorebi-living.example"
HOME_ORG = "株式会社こもれびリビング"
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))

SUR = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
       ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"),
       ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"),
       ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
       ("佐々木", "ササキ", "sasaki"), ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"),
       ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"), ("清水", "シミズ", "shimizu"),
       ("山崎", "ヤマザキ", "yamazaki"), ("森", "モリ", "mori"), ("池田", "イケダ", "ikeda"),
       ("橋本", "ハシモト", "hashimoto"), ("阿部", "アベ", "abe"), ("石川", "イシカワ", "ishikawa"),
       ("前田", "マエダ", "maeda"), ("藤田", "フジタ", "fujita"), ("小川", "オガワ", "ogawa"),
       ("岡田", "オカダ", "okada"), ("後藤", "ゴトウ", "goto"), ("長谷川", "ハセガワ", "hasegawa"),
       ("村上", "ムラカミ", "murakami"), ("近藤", "コンドウ", "kondo"), ("石井", "イシイ", "ishii"),
       ("坂本", "サカモト", "sakamoto"), ("遠藤", "エンドウ", "endo"), ("青木", "アオキ", "aoki"),
       ("西村", "ニシムラ", "nishimura"), ("福田", "フクダ", "fukuda"), ("三浦", "ミウラ", "miura"),
       ("岡本", "オカモト", "okamoto"), ("松田", "マツダ", "matsuda"), ("中川", "ナカガワ", "nakagawa"),
       ("原田", "ハラダ", "harada"), ("小野", "オノ", "ono"), ("竹内", "タケウチ", "takeuchi"),
       ("金子", "カネコ", "kaneko"), ("和田", "ワダ", "wada"), ("中山", "ナカヤマ", "nakayama"),
       ("上田", "ウエダ", "ueda"), ("柴田", "シバタ", "shibata"), ("工藤", "クドウ", "kudo"),
       ("宮崎", "ミヤザキ", "miyazaki"), ("大野", "オオノ", "ohno"), ("菅原", "スガワラ", "sugawara"),
       ("野口", "ノグチ", "noguchi"), ("千葉", "チバ", "chiba"), ("松井", "マツイ", "matsui")]
COMMON = SUR[:9]
GIVEN = [("美香", "ミカ", "mika"), ("裕子", "ユウコ", "yuko"), ("直美", "ナオミ", "naomi"), ("恵", "メグミ", "megumi"),
         ("由美", "ユミ", "yumi"), ("真理子", "マリコ", "mariko"), ("陽子", "ヨウコ", "yoko"), ("千尋", "チヒロ", "chihiro"),
         ("彩", "アヤ", "aya"), ("奈々", "ナナ", "nana"), ("沙織", "サオリ", "saori"), ("智子", "トモコ", "tomoko"),
         ("麻衣", "マイ", "mai"), ("香織", "カオリ", "kaori"), ("久美子", "クミコ", "kumiko"), ("理恵", "リエ", "rie"),
         ("健太", "ケンタ", "kenta"), ("大輔", "ダイスケ", "daisuke"), ("亮", "リョウ", "ryo"), ("拓也", "タクヤ", "takuya"),
         ("誠", "マコト", "makoto"), ("浩二", "コウジ", "koji"), ("翔太", "ショウタ", "shota"), ("隆", "タカシ", "takashi"),
         ("和也", "カズヤ", "kazuya"), ("修", "オサム", "osamu"), ("哲也", "テツヤ", "tetsuya"), ("雄一", "ユウイチ", "yuichi"),
         ("直樹", "ナオキ", "naoki"), ("聡", "サトシ", "satoshi"), ("博之", "ヒロユキ", "hiroyuki"), ("光", "ヒカル", "hikaru"),
         ("純一", "ジュンイチ", "junichi"), ("慎也", "シンヤ", "shinya"), ("花子", "ハナコ", "hanako"), ("里美", "サトミ", "satomi")]
FREEMAIL = ["hanamail.example", "sorabox.test", "mailpost.example.com", "kmail.example", "netmoa.test", "i-mobile.example"]
PLACES = [("東京都", "世田谷区"), ("神奈川県", "横浜市港北区"), ("埼玉県", "さいたま市浦和区"), ("千葉県", "船橋市"),
          ("大阪府", "豊中市"), ("愛知県", "名古屋市昭和区"), ("兵庫県", "西宮市"), ("福岡県", "福岡市早良区"),
          ("静岡県", "浜松市中央区"), ("宮城県", "仙台市青葉区"), ("北海道", "札幌市豊平区"), ("京都府", "京都市左京区"),
          ("広島県", "広島市安佐南区"), ("新潟県", "新潟市西区"), ("東京都", "練馬区"), ("神奈川県", "相模原市南区")]
TOWNS = ["桜ヶ丘", "緑町", "本町", "旭町", "若葉台", "東雲", "栄町", "青葉台", "松風町", "富士見", "日の出町", "柳原",
         "梅ノ木", "すずらん台", "小松原", "北条町", "萩の台", "中通"]
BLDG = ["", "", "", "コーポ若葉 201", "メゾン桜 305", "グランドハイツ 1102", "サニーコート 402", "ハイム東雲 103"]
PRODUCTS = [("国産ひのき まな板（大）", 4180), ("今治タオル フェイスタオル 3枚組", 2970), ("有機ルイボスティー 30包", 1620),
            ("竹炭消臭ボックス", 1280), ("ステンレス保温ボトル 500ml", 2480), ("無添加ハンドソープ 詰替用", 880),
            ("北海道産 百花はちみつ 500g", 3240), ("リネン枕カバー（生成り）", 2750), ("珪藻土バスマット", 3980),
            ("米ぬか洗顔パウダー", 1540), ("手造り土鍋 6号", 5830), ("ローリングストック 7日分セット", 12800),
            ("オーガニックコットン ブランケット", 8900), ("天然木 カトラリー 5本組", 2200), ("国産ゆず ポン酢 3本", 1980)]

# ------------------------------------------------------------------ organisations and people
# (org, domain, category, short name used in bodies)
B2B = [("株式会社ひばりドラッグ", "hibari-drug.example", "ひばりドラッグ"),
       ("株式会社つばめ薬品チェーン", "tsubame-yakuhin.example", "つばめ薬品"),
       ("株式会社さくらマート", "sakura-mart.example", "さくらマート"),
       ("株式会社さくらマーケット", "sakuramarket.test", "さくらマーケット"),
       ("有限会社あおい雑貨店", "aoi-zakka.example", "あおい雑貨店"),
       ("株式会社北斗ホームセンター", "hokuto-hc.example", "北斗ホームセンター"),
       ("ホテルかすみ野株式会社", "kasumino-hotel.example", "ホテルかすみ野"),
       ("有限会社旅館松風荘", "shofuso.example", "旅館松風荘"),
       ("株式会社丸和オフィスサプライ", "maruwa-os.example", "丸和オフィスサプライ"),
       ("株式会社東光スーパー", "toko-super.example", "東光スーパー"),
       ("株式会社ふたば保育サービス", "futaba-hoiku.example", "ふたば保育サービス"),
       ("株式会社ルミエール美容室", "lumiere-salon.test", "ルミエール美容室")]
COMPETITORS = [("株式会社ひばりドラッグ", "株式会社つばめ薬品チェーン"), ("株式会社さくらマート", "株式会社さくらマーケット"),
               ("ホテルかすみ野株式会社", "有限会社旅館松風荘"), ("株式会社北斗ホームセンター", "株式会社東光スーパー")]
PARTNERS = [("株式会社しののめロジスティクス", "shinonome-logi.example", "warehouse", "物流倉庫（出荷委託）"),
            ("株式会社あおば倉庫", "aoba-souko.example", "old_warehouse", "旧委託倉庫（2026年3月で契約終了）"),
            ("株式会社コールリンクス", "call-links.example", "callcenter", "コールセンター委託"),
            ("株式会社ペイブリッジ", "paybridge.example", "payment", "決済代行"),
            ("株式会社ひまわり印刷", "himawari-print.example", "dm", "DM 印刷・発送（顧客リスト受領の委託契約あり）"),
            ("株式会社みどり美術印刷", "midori-bijutsu.example", "catalog", "カタログ印刷のみ（顧客データ受領なし）"),
            ("社会保険労務士法人いずみ労務オフィス", "izumi-roumu.example", "sharoushi", "顧問社労士"),
            ("税理士法人みやこ会計", "miyako-kaikei.example", "tax", "顧問税理士（個人番号の委託なし）"),
            ("弁護士法人かがみ総合法律事務所", "kagami-law.example", "law", "債権回収の委任先"),
            ("株式会社ピクセルノート", "pixelnote.example", "web", "EC サイト制作"),
            ("株式会社アドフロント", "adfront.example", "ad", "広告代理店")]
LOOKALIKE = {"hibari-drug.example": "hibari-drag.example", "shinonome-logi.example": "shinonome-1ogi.example",
             "himawari-print.example": "himawari-prlnt.example", "paybridge.example": "paybrigde.example",
             "izumi-roumu.example": "izumi-roumu.test", "call-links.example": "cal-links.example",
             "tsubame-yakuhin.example": "tsubame-yakuhln.example", "hanamail.example": "hanamall.example",
             "maruwa-os.example": "maruwa-0s.example", "kasumino-hotel.example": "kasumino-hote1.example"}

people: list[dict] = []
used_email: set[str] = set()


def pick_name(common=0.4):
    s = R.choice(COMMON) if R.random() < common else R.choice(SUR)
    return s, R.choice(GIVEN)


def local_for(s, g, style=None):
    style = style or R.choice(["g.s", "gi.s", "s", "s-g", "s.g"])
    return {"g.s": f"{g[2][0]}.{s[2]}", "gi.s": f"{g[2]}.{s[2]}", "s": s[2], "s-g": f"{s[2]}-{g[2][0]}",
            "s.g": f"{s[2]}.{g[2]}"}[style]


def add(s, g, email, org, dept="", code="", kind="b2b", kana=True, given_text=None):
    assert email not in used_email, email
    used_email.add(email)
    p = {"sur": s[0], "given": given_text or g[0], "name": f"{s[0]} {given_text or g[0]}",
         "kana": f"{s[1]} {g[1]}" if kana else "", "email": email, "org": org, "dept": dept, "code": code,
         "kind": kind}
    people.append(p)
    return p


def byname(name, org=None):
    c = [p for p in people if p["name"] == name and (org is None or p["org"] == org)]
    assert c, (name, org)
    return c[0]


S = {s[0]: s for s in SUR}
G = {g[0]: g for g in GIVEN}

# internal staff
STAFF_SPEC = [("cs", "カスタマーサポート", ["佐藤 美香", "小林 奈々", "森 翔太", "石川 千尋", "前田 修"]),
              ("order", "受注・出荷グループ", ["田中 誠", "藤田 沙織", "岡田 隆"]),
              ("returns", "返品・交換窓口", ["佐藤 直樹", "後藤 麻衣"]),
              ("sales", "法人営業部", ["中村 亮", "長谷川 拓也", "村上 智子", "近藤 大輔", "青木 香織"]),
              ("acct", "経理部", ["高橋 陽子", "西村 哲也", "福田 理恵"]),
              ("hr", "人事部", ["三浦 久美子", "岡本 聡"]),
              ("mkt", "マーケティング部", ["松田 彩", "中川 雄一"])]
staff = []
for dep, dname, names in STAFF_SPEC:
    for n in names:
        s, g = n.split()
        lp = f"{G[g][2][0]}.{S[s][2]}"
        if f"{lp}@{HOME}" in used_email:
            lp = f"{G[g][2]}.{S[s][2]}"
        p = add(S[s], G[g], f"{lp}@{HOME}", HOME_ORG, dname, kind="staff")
        p["dep"] = dep
        staff.append(p)
by_dep = {d: [p for p in staff if p["dep"] == d] for d, _, _ in STAFF_SPEC}

# B2B customers: planted namesakes first
DEPTS_B2B = ["購買部", "商品部", "仕入課", "経理部", "総務部", "店舗運営部"]
planted_b2b = [("株式会社さくらマート", "中村 亮", "商品部", "r.nakamura"), ("株式会社さくらマーケット", "中村 亮", "仕入課", "r.nakamura"),
               ("株式会社ひばりドラッグ", "鈴木 大輔", "商品部", "d.suzuki"), ("株式会社つばめ薬品チェーン", "鈴木 大輔", "購買部", "daisuke.suzuki"),
               ("ホテルかすみ野株式会社", "高橋 恵", "総務部", "m.takahashi"), ("有限会社旅館松風荘", "高橋 恵", "", "takahashi"),
               ("株式会社北斗ホームセンター", "佐藤 健太", "仕入課", "k.sato"), ("株式会社東光スーパー", "佐藤 健太", "商品部", "k.sato"),
               ("株式会社丸和オフィスサプライ", "田中 由美", "経理部", "y.tanaka"), ("株式会社ふたば保育サービス", "田中 由美", "総務部", "tanaka-y"),
               ("株式会社ひばりドラッグ", "伊藤 裕子", "経理部", "y.ito"), ("株式会社つばめ薬品チェーン", "伊藤 裕子", "経理部", "y.ito")]
code_of_org = {}
for i, (org, dom, short) in enumerate(B2B):
    code_of_org[org] = f"B{1001 + i}"
for org, n, dept, lp in planted_b2b:
    dom = [b[1] for b in B2B if b[0] == org][0]
    s, g = n.split()
    add(S[s], G[g], f"{lp}@{dom}", org, dept, code_of_org[org])
for org, dom, short in B2B:
    n = 5 if org not in ("有限会社あおい雑貨店", "有限会社旅館松風荘", "株式会社ルミエール美容室") else 3
    have = [p for p in people if p["org"] == org]
    depts = [p["dept"] for p in have]
    if "経理部" not in depts and org not in ("有限会社あおい雑貨店", "有限会社旅館松風荘"):
        s, g = pick_name()
        lp = local_for(s, g)
        while f"{lp}@{dom}" in used_email:
            lp = local_for(s, g) + str(R.randint(1, 9))
        add(s, g, f"{lp}@{dom}", org, "経理部", code_of_org[org])
    while len([p for p in people if p["org"] == org]) < n:
        s, g = pick_name()
        lp = local_for(s, g)
        if f"{lp}@{dom}" in used_email:
            continue
        add(s, g, f"{lp}@{dom}", org, R.choice(DEPTS_B2B[:3] + DEPTS_B2B[4:]), code_of_org[org], kana=R.random() > 0.1)

# partners
PDEPT = {"warehouse": ["出荷管理課", "在庫管理課", "センター長"], "old_warehouse": ["営業部"], "callcenter": ["運用管理部", "SV"],
         "payment": ["加盟店サポート", "リスク管理部"], "dm": ["DM 制作部", "データ処理課"], "catalog": ["営業部"],
         "sharoushi": ["社会保険労務士", "事務担当"], "tax": ["税理士", "監査担当"], "law": ["弁護士", "事務局"],
         "web": ["ディレクター", "エンジニア"], "ad": ["営業部"]}
planted_p = [("株式会社ひまわり印刷", "山本 隆", "DM 制作部", "t.yamamoto"), ("株式会社みどり美術印刷", "山本 隆", "営業部", "t.yamamoto"),
             ("社会保険労務士法人いずみ労務オフィス", "井上 直美", "社会保険労務士", "n.inoue"), ("税理士法人みやこ会計", "井上 直美", "税理士", "inoue"),
             ("株式会社しののめロジスティクス", "渡辺 浩二", "出荷管理課", "k.watanabe"), ("株式会社あおば倉庫", "渡辺 浩二", "営業部", "k.watanabe"),
             ("株式会社コールリンクス", "加藤 千尋", "SV", "c.kato"), ("株式会社ペイブリッジ", "小川 光", "加盟店サポート", "h.ogawa")]
for org, n, dept, lp in planted_p:
    dom = [p[1] for p in PARTNERS if p[0] == org][0]
    s, g = n.split()
    add(S[s], G[g], f"{lp}@{dom}", org, dept, kind="partner")
for org, dom, cat, _ in PARTNERS:
    n = {"warehouse": 5, "callcenter": 4, "dm": 4, "payment": 3}.get(cat, 2)
    while len([p for p in people if p["org"] == org]) < n:
        s, g = pick_name()
        lp = local_for(s, g)
        if f"{lp}@{dom}" in used_email:
            continue
        add(s, g, f"{lp}@{dom}", org, R.choice(PDEPT[cat]), kind="partner")
for p in people:
    if p["kind"] == "partner":
        p["cat"] = [c for o, d, c, _ in PARTNERS if o == p["org"]][0]

# individual customers: planted look-alikes
cust_n = [0]


def add_customer(s, g, given_text=None, dom=None, lp=None):
    cust_n[0] += 1
    code = f"K{260000 + cust_n[0] * 37 % 9000 + 1000}"
    dom = dom or R.choice(FREEMAIL)
    lp = lp or f"{g[2]}.{s[2]}{R.randint(1, 99)}" if R.random() < 0.6 else (lp or f"{s[2]}{g[2][0]}{R.randint(100, 999)}")
    while f"{lp}@{dom}" in used_email:
        lp = lp + str(R.randint(0, 9))
    p = add(s, g, f"{lp}@{dom}", f"個人（会員 {code}）", code=code, kind="customer", given_text=given_text,
            kana=R.random() > 0.15)
    return p


planted_c = [("佐藤", "美香", None), ("佐藤", "美香", "美佳"), ("高橋", "裕子", None), ("高橋", "裕子", None),
             ("田中", "健太", None), ("田中", "健太", "健太郎"), ("渡辺", "直美", None), ("渡辺", "直美", "渡邊"),
             ("鈴木", "恵", None), ("鈴木", "恵", None), ("山本", "陽子", None), ("山本", "洋子", None),
             ("伊藤", "真理子", None), ("伊藤", "麻理子", None), ("中村", "沙織", None), ("中村", "沙織", None)]
TWINS = []
for i in range(0, len(planted_c), 2):
    pair = []
    for s, g, alt in planted_c[i:i + 2]:
        if alt and alt.startswith("渡"):
            p = add_customer(S[s], G[g])
            p["sur"] = alt; p["name"] = f"{alt} {g}"
        elif alt:
            p = add_customer(S[s], G[g], given_text=alt)
        else:
            gg = G.get(g) or {"麻理子": ("麻理子", "マリコ", "mariko"), "洋子": ("洋子", "ヨウコ", "yoko")}[g]
            p = add_customer(S[s], gg)
        pair.append(p)
    TWINS.append(pair)
while len([p for p in people if p["kind"] == "customer"]) < 64:
    s, g = pick_name(0.45)
    add_customer(s, g)
customers = [p for p in people if p["kind"] == "customer"]
b2b_people = [p for p in people if p["kind"] == "b2b"]
partners = [p for p in people if p["kind"] == "partner"]


def org_people(org):
    return [p for p in people if p["org"] == org]


def partner(cat, i=0):
    return [p for p in partners if p["cat"] == cat][i]


B2B_SHORT = {o: s for o, d, s in B2B}
B2B_DOM = {o: d for o, d, s in B2B}

# ------------------------------------------------------------------ history
# ownership
owned: dict[str, list[dict]] = {}
held_back = set()  # contacts never mailed (first-time cases)
for org, dom, short in B2B:
    ps = org_people(org)
    if len(ps) >= 4:
        held_back.add(ps[-1]["email"])
for cat in ("warehouse", "callcenter", "dm"):
    held_back.add([p for p in partners if p["cat"] == cat][-1]["email"])
# a few customers never mailed
for p in customers[-8:]:
    held_back.add(p["email"])
cust_pool = [p for p in customers if p["email"] not in held_back]
twin_flat = [p for pair in TWINS for p in pair]
for i, st in enumerate(by_dep["cs"] + by_dep["order"] + by_dep["returns"]):
    mine = R.sample([p for p in cust_pool if p not in twin_flat], 14) + [p for pair in TWINS for p in pair if R.random() < 0.7]
    owned[st["email"]] = mine
b2b_orgs = [o for o, d, s in B2B]
sales_own = {}
for i, st in enumerate(by_dep["sales"]):
    sales_own[st["email"]] = [b2b_orgs[(i * 2 + k) % len(b2b_orgs)] for k in range(4)] + [b2b_orgs[(i * 3 + 7) % 12]]
for st in by_dep["sales"]:
    owned[st["email"]] = [p for o in sales_own[st["email"]] for p in org_people(o) if p["email"] not in held_back]
cat_of_dep = {"cs": ["callcenter"], "order": ["warehouse", "payment"], "returns": ["warehouse"],
              "acct": ["payment", "law", "tax"], "hr": ["sharoushi", "tax"], "mkt": ["dm", "catalog", "web", "ad"]}
for dep, cats in cat_of_dep.items():
    for st in by_dep[dep]:
        owned.setdefault(st["email"], [])
        owned[st["email"]] += [p for p in partners if p["cat"] in cats and p["email"] not in held_back]
for st in by_dep["acct"]:
    owned[st["email"]] += [p for p in b2b_people if p["dept"] == "経理部" and p["email"] not in held_back]
# the old warehouse: only the 返品 staff mailed it, and only up to March
SUBJ = {"cs": ["お問い合わせの件", "ご注文内容の確認", "お届け日のご相談", "商品到着のご確認", "【こもれびリビング】ご返信"],
        "order": ["ご注文の確認", "出荷指示（本日分）", "在庫引当の件", "配送日変更のご連絡", "決済エラーの件"],
        "returns": ["返品受付のご連絡", "交換品の発送について", "返品入庫の確認", "返金手続きのご案内"],
        "sales": ["お見積りの件", "卸価格表の送付", "納品日のご相談", "新商品のご案内", "商談の御礼", "発注書受領のご連絡"],
        "acct": ["請求書送付のご案内", "お支払い確認のご連絡", "入金消込の件", "売掛金残高のご確認", "月次精算"],
        "hr": ["入社手続き書類", "社会保険の手続き", "年末調整の件", "勤怠締めのご連絡"],
        "mkt": ["DM 入稿データ", "カタログ校正の件", "キャンペーン LP 修正", "広告出稿スケジュール"]}
internal_subj = ["定例会議の資料", "シフト表", "週次売上報告", "問い合わせ対応の共有", "月末締めの件", "在庫状況"]
history = []
start = datetime(2025, 11, 1, 9, 0, tzinfo=JST)
for i in range(3000):
    st = R.choice(staff)
    t = start + timedelta(seconds=R.randint(0, 364 * 86400))
    t = t.replace(hour=R.randint(8, 19))
    r = R.random()
    cc = []
    if r < 0.83 and owned.get(st["email"]):
        rc = R.choice(owned[st["email"]])
        to = [rc["email"]]
        if rc["kind"] != "customer" and R.random() < 0.2:
            others = [p for p in owned[st["email"]] if p["org"] == rc["org"] and p is not rc]
            if others:
                cc.append(R.choice(others)["email"])
        if R.random() < 0.15:
            cc.append(R.choice([s for s in staff if s is not st])["email"])
        subj = R.choice(SUBJ[st["dep"]])
    elif r < 0.95:
        to = [R.choice([s for s in staff if s is not st])["email"]]
        subj = R.choice(internal_subj)
    else:
        rc = R.choice([p for p in people if p["kind"] != "staff" and p["email"] not in held_back])
        to = [rc["email"]]
        subj = "ご連絡"
    history.append({"date": t.isoformat(), "from": st["email"], "to": to, "cc": cc, "subject": subj})
# old warehouse routine until 2026-03
for k in range(40):
    st = R.choice(by_dep["returns"])
    t = start + timedelta(days=R.randint(0, 140), hours=R.randint(0, 8))
    history.append({"date": t.isoformat(), "from": st["email"], "to": [partner("old_warehouse")["email"]], "cc": [],
                    "subject": "返品入庫の確認"})
history.sort(key=lambda h: h["date"])
past: dict[str, set] = {}
for h in history:
    past.setdefault(h["from"], set()).update(h["to"] + h["cc"])

# ------------------------------------------------------------------ helpers for content
def addr():
    pref, city = R.choice(PLACES)
    z = f"{R.randint(100, 999)}-{R.randint(0, 9999):04d}"
    a = f"{pref}{city}{R.choice(TOWNS)}{R.randint(1, 6)}-{R.randint(1, 30)}-{R.randint(1, 20)}"
    b = R.choice(BLDG)
    return z, a + (" " + b if b else "")


def phone():
    return R.choice([f"090-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}", f"080-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
                     f"070-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}", f"0{R.randint(3, 99)}-{R.randint(100, 999)}-{R.randint(1000, 9999)}"])


def birth():
    return f"{R.randint(1948, 2003)}/{R.randint(1, 12):02d}/{R.randint(1, 28):02d}"


def mynumber():
    d = [R.randint(0, 9) for _ in range(11)]
    s = sum(int(d[10 - (n - 1)]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    c = 0 if r <= 1 else 11 - r
    x = "".join(map(str, d)) + str(c)
    return f"{x[:4]} {x[4:8]} {x[8:]}"


def card():
    d = [R.choice([4, 5])] + [R.randint(0, 9) for _ in range(14)]
    tot = 0
    for i, v in enumerate(reversed(d)):
        v2 = v * 2 if i % 2 == 0 else v
        tot += v2 - 9 if v2 > 9 else v2
    d.append((10 - tot % 10) % 10)
    x = "".join(map(str, d))
    return f"{x[:4]}-{x[4:8]}-{x[8:12]}-{x[12:]}"


def order_no():
    return f"KL{R.randint(26110000, 26119999)}"


def items(n=None):
    sel = R.sample(PRODUCTS, n or R.randint(1, 3))
    return [(nm, pr, R.randint(1, 3)) for nm, pr in sel]


def fake_person(common=0.45):
    s, g = pick_name(common)
    return {"name": f"{s[0]} {g[0]}", "kana": f"{s[1]} {g[1]}", "romaji": f"{g[2]}.{s[2]}"}


def pdf(lines):
    b = io.BytesIO()
    c = canvas.Canvas(b)
    y = 800
    for ln in lines:
        c.setFont("HeiseiKakuGo-W5", 14 if y == 800 else 10)
        c.drawString(50, y, ln)
        y -= 20 if y == 800 else 15
        if y < 60:
            c.showPage(); y = 790
    c.save()
    return b.getvalue()


def xlsx(rows, title="Sheet1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(list(r))
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csvb(rows, enc="utf-8-sig"):
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(enc)


MIME = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "csv": ("text", "csv"), "txt": ("text", "plain")}


def order_doc(cust, fmt="pdf", kind="納品書"):
    """納品書 / 領収書 / ご注文明細 for one customer, as (filename, bytes)."""
    on = order_no()
    its = items()
    z, a = cust.setdefault("_addr", addr())
    tot = sum(p * q for _, p, q in its)
    if fmt == "pdf":
        lines = [f"{kind}", f"{cust['name']} 様", f"〒{z} {a}", f"会員番号 {cust['code']}　ご注文番号 {on}", ""]
        lines += [f"{nm}　{pr:,}円 × {q}" for nm, pr, q in its]
        lines += [f"合計（税込） {tot:,}円", "", f"{HOME_ORG} オンラインショップ"]
        data = pdf(lines)
    elif fmt == "xlsx":
        data = xlsx([[kind], ["お名前", cust["name"] + " 様"], ["ご住所", f"〒{z} {a}"], ["会員番号", cust["code"]],
                     ["ご注文番号", on], ["商品", "単価", "数量"]] + [[nm, pr, q] for nm, pr, q in its] + [["合計", tot]])
    else:
        data = csvb([["区分", kind], ["お名前", cust["name"]], ["ご住所", f"〒{z} {a}"], ["会員番号", cust["code"]],
                     ["ご注文番号", on]] + [[nm, pr, q] for nm, pr, q in its])
    fn = f"{kind}_{on}_{cust['name'].replace(' ', '')}様.{fmt}"
    return fn, data, on, its, tot


def invoice_doc(org, fmt="pdf", month="2026年10月"):
    short = B2B_SHORT[org]
    its = items(R.randint(3, 5))
    rows = [(nm, round(pr * 0.62), q * R.choice([12, 24, 36])) for nm, pr, q in its]
    tot = sum(p * q for _, p, q in rows)
    no = f"INV-2611-{R.randint(100, 999)}"
    if fmt == "pdf":
        lines = ["請求書", f"{org} 御中", f"取引先コード {code_of_org[org]}　請求番号 {no}", f"{month}分 ご請求金額 {tot:,}円（税込）", ""]
        lines += [f"{nm}　{p:,}円 × {q}" for nm, p, q in rows] + ["", f"{HOME_ORG} 経理部"]
        data = pdf(lines)
    else:
        data = xlsx([["請求書"], [f"{org} 御中"], ["取引先コード", code_of_org[org]], ["請求番号", no],
                     ["品名", "単価", "数量", "金額"]] + [[nm, p, q, p * q] for nm, p, q in rows] + [["合計", "", "", tot]])
    return f"請求書_{month}_{short}.{fmt}", data, tot, no


def price_doc(org, fmt="xlsx"):
    rate = R.choice([0.58, 0.6, 0.62, 0.65])
    rows = [["商品コード", "商品名", "定価", f"{B2B_SHORT[org]}様 卸価格", "最低ロット"]]
    for i, (nm, pr) in enumerate(PRODUCTS[:10]):
        rows.append([f"KL-{100 + i}", nm, pr, round(pr * rate), R.choice([6, 12, 24])])
    head = [[f"{org} 御中　卸価格表（2027年1月改定）"], [f"取引先コード {code_of_org[org]}　掛率 {round(rate * 100)}%"]]
    if fmt == "xlsx":
        data = xlsx(head + rows)
    else:
        data = pdf([head[0][0], head[1][0]] + ["　".join(map(str, r)) for r in rows])
    return f"卸価格表_{B2B_SHORT[org]}様_2027.{fmt}", data


def customer_rows(n, cols):
    out = [cols]
    for _ in range(n):
        f = fake_person()
        z, a = addr()
        v = {"会員番号": f"K{R.randint(200000, 399999)}", "氏名": f["name"], "フリガナ": f["kana"], "郵便番号": z,
             "住所": a, "電話番号": phone(), "メールアドレス": f"{f['romaji']}{R.randint(1, 99)}@{R.choice(FREEMAIL)}",
             "生年月日": birth(), "累計購入額": R.randint(3000, 280000), "最終購入日": f"2026/{R.randint(1, 10):02d}/{R.randint(1, 28):02d}",
             "カード下4桁": f"{R.randint(0, 9999):04d}", "性別": R.choice(["女", "男"]), "備考": R.choice(["", "", "定期便", "要電話確認", "クレーム履歴あり"])}
        out.append([v[c] for c in cols])
    return out


# ------------------------------------------------------------------ message assembly
MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.4.1", "Becky! ver. 2.81.05", "Gmail", "Shuriken 2017", "Active! mail 6"]
out_msgs = []
day0 = datetime(2026, 11, 2, 9, 0, tzinfo=JST)


def sig(st):
    return (f"\n\n――――――――――――――――――――\n{HOME_ORG}\n{st['dept']}　{st['name']}\n"
            f"〒140-0099 東京都品川区こもれび台2-8-1 こもれびビル5F\nTEL 03-5555-{R.randint(1000, 1999)}　{st['email']}\n")


def cust_open(p, st):
    return (f"{p['name']} 様\n\nこのたびは{HOME_ORG}のオンラインショップをご利用いただき、誠にありがとうございます。\n"
            f"{st['dept']}の{st['sur']}でございます。\n\n")


def biz_open(p, st):
    dept = f"{p['dept']}\n" if p["dept"] else ""
    return (f"{p['org']}\n{dept}{p['name']} 様\n\nいつも大変お世話になっております。\n"
            f"{HOME_ORG} {st['dept']}の{st['sur']}です。\n\n")


def emit(kind, expected, st, to, cc, bcc, subject, body, atts, codes, note, tail=""):
    out_msgs.append(dict(kind=kind, expected=expected, st=st, to=to, cc=cc, bcc=bcc, subject=subject,
                         body=body + sig(st) + tail, atts=atts, codes=set(codes), note=note))


def rnd(seq):
    return R.choice(seq)


def cust_of(st, exclude=()):
    c = [p for p in owned.get(st["email"], []) if p["kind"] == "customer" and p not in exclude and p not in twin_flat]
    return R.choice(c)


def order_body(p, on, its, tot, z, a):
    lines = "\n".join(f"　{nm}　{pr:,}円 × {q}" for nm, pr, q in its)
    return (f"■ご注文番号：{on}\n■ご注文者：{p['name']} 様（会員番号 {p['code']}）\n■お届け先：〒{z} {a}\n"
            f"■ご注文商品：\n{lines}\n■お支払い合計：{tot:,}円（税込・送料込）\n")


# ============ ok kinds
cs_like = by_dep["cs"] + by_dep["order"] + by_dep["returns"]
for i in range(10):  # ok_customer_own_order
    st = rnd(cs_like); p = cust_of(st)
    fmt = rnd(["pdf", "pdf", "xlsx", None, None])
    z, a = p.setdefault("_addr", addr())
    if fmt:
        kindname = rnd(["納品書", "領収書", "ご注文明細"])
        fn, data, on, its, tot = order_doc(p, fmt, kindname)
        body = cust_open(p, st) + f"ご依頼いただきました{kindname}を添付にてお送りいたします。\nご確認のほど、よろしくお願い申し上げます。\n\n" + order_body(p, on, its, tot, z, a)
        atts = [(fn, data)]
        note = f"{kindname} of {p['name']} ({p['code']}) to {p['name']} herself/himself (attachment 〈{p['name']} 様〉)"
        codes = {"pii_in_attachment"}
    else:
        on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
        body = cust_open(p, st) + "ご注文内容を以下のとおり承りました。発送準備が整い次第、あらためてご連絡いたします。\n\n" + order_body(p, on, its, tot, z, a)
        atts = []
        note = f"order confirmation of {p['name']} ({p['code']}) to the customer"
        codes = set()
    emit("ok_customer_own_order", "ok", st, [p], [], [], rnd(["ご注文内容のご確認", f"【こもれびリビング】{rnd(['領収書', '納品書'])}送付のご案内", "ご注文ありがとうございます"]),
         body, atts, codes, note)

for i in range(8):  # ok_same_surname_right_customer
    pair = TWINS[i % len(TWINS)]
    p = pair[i // len(TWINS)] if i < 8 else pair[0]
    st = rnd([s for s in cs_like if p in owned[s["email"]]] or cs_like)
    z, a = p.setdefault("_addr", addr())
    on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
    if i % 2 == 0:
        fn, data, on, its, tot = order_doc(p, "pdf", "領収書")
        atts = [(fn, data)]; codes = {"pii_in_attachment"}
        body = cust_open(p, st) + "お申し付けいただいた領収書を添付いたします。\n\n" + order_body(p, on, its, tot, z, a)
        note = f"領収書 for {p['name']} ({p['code']}), namesake {pair[1 - pair.index(p)]['name']} ({pair[1 - pair.index(p)]['code']}) exists; right one (attachment 〈{p['name']} 様〉)"
    else:
        atts = []; codes = set()
        body = cust_open(p, st) + "お問い合わせいただいた配送日の変更を承りました。\n\n" + order_body(p, on, its, tot, z, a)
        note = f"delivery change for {p['name']} ({p['code']}); namesake {pair[1 - pair.index(p)]['name']} exists; right one"
    emit("ok_same_surname_right_customer", "ok", st, [p], [], [], rnd(["お届け日変更のご連絡", "領収書送付のご案内"]), body, atts, codes, note)

for i in range(8):  # ok_b2b_own_invoice
    st = rnd(by_dep["acct"])
    cands = [p for p in owned[st["email"]] if p["kind"] == "b2b"]
    p = rnd(cands)
    fn, data, tot, no = invoice_doc(p["org"], rnd(["pdf", "xlsx"]))
    body = biz_open(p, st) + f"2026年10月分の請求書（{no}、ご請求金額 {tot:,}円）を添付にてお送りいたします。\nお支払期日は2026年11月30日です。ご査収のほどよろしくお願いいたします。\n"
    emit("ok_b2b_own_invoice", "ok", st, [p], [], [], "請求書送付のご案内（2026年10月分）", body, [(fn, data)], set(),
         f"invoice for {p['org']} to its 経理 {p['name']} (attachment 〈{p['org']}〉)")

for i in range(5):  # ok_b2b_own_price_list
    st = rnd(by_dep["sales"])
    p = rnd([x for x in owned[st["email"]] if x["dept"] != "経理部"])
    fn, data = price_doc(p["org"], rnd(["xlsx", "xlsx", "pdf"]))
    body = biz_open(p, st) + "2027年1月改定の卸価格表をお送りいたします。\n御社向けの掛率は据え置きとさせていただきました。ご確認のほどお願い申し上げます。\n"
    emit("ok_b2b_own_price_list", "ok", st, [p], [], [], f"卸価格表（2027年1月改定）のご送付", body, [(fn, data)], set(),
         f"price list for {p['org']} to {p['name']} there (attachment 〈{p['org']}〉)")

dm = [p for p in partners if p["cat"] == "dm"]
for i in range(6):  # ok_dm_list_to_contracted_printer
    st = rnd(by_dep["mkt"])
    p = dm[0] if i % 2 == 0 else dm[1]
    n = R.randint(120, 600)
    rows = customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所"])
    fmt = rnd(["csv", "xlsx"])
    data = csvb(rows, rnd(["utf-8-sig", "cp932"])) if fmt == "csv" else xlsx(rows, "発送リスト")
    body = biz_open(p, st) + f"冬のカタログ DM の発送リスト（{n}件、会員番号・氏名・郵便番号・住所の4項目）をお送りします。\n委託契約に基づき、発送完了後はデータの削除をお願いいたします。\n"
    emit("ok_dm_list_to_contracted_printer", "ok", st, [p], [], [], "冬カタログ DM 発送リスト", body,
         [(f"DM発送リスト_2026冬_{n}件.{fmt}", data)], {"pii_in_attachment", "bulk_pii"},
         f"{n}-row DM list (4 needed columns) to the contracted DM printer {p['org']} {p['name']}")

wh = [p for p in partners if p["cat"] == "warehouse"]
for i in range(5):  # ok_shipping_to_warehouse
    st = rnd(by_dep["order"] + by_dep["returns"])
    p = rnd([x for x in wh if x["email"] not in held_back])
    n = R.randint(30, 140)
    rows = customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所", "電話番号"])
    rows[0] += ["商品", "数量"]
    for r in rows[1:]:
        r += [rnd(PRODUCTS)[0], R.randint(1, 3)]
    data = csvb(rows, "cp932")
    body = biz_open(p, st) + f"本日分の出荷指示データ（{n}件）を送付いたします。\n午後便での出荷をお願いいたします。\n"
    emit("ok_shipping_to_warehouse", "ok", st, [p], [], [], f"出荷指示（11/{R.randint(2, 27)}分）", body,
         [(f"出荷指示_{n}件.csv", data)], {"pii_in_attachment", "bulk_pii"},
         f"{n}-row shipping list to the contracted warehouse {p['org']}")

ccp = [p for p in partners if p["cat"] == "callcenter"]
for i in range(4):  # ok_callcenter_escalation
    st = rnd(by_dep["cs"])
    p = rnd([x for x in ccp if x["email"] not in held_back])
    c = cust_of(st)
    z, a = c.setdefault("_addr", addr())
    body = biz_open(p, st) + (f"昨日ご入電のあったお客様の件、当社で対応を引き取りました。\n"
                             f"会員番号 {c['code']}（{c['name']} 様）は交換品の発送手配済みです。\n"
                             f"折り返しのお電話があった場合は、当社カスタマーサポートへお回しください。\n")
    emit("ok_callcenter_escalation", "ok", st, [p], [], [], "エスカレーション案件の引き取りについて", body, [], set(),
         f"one customer ({c['name']}) handed over to the contracted call centre {p['org']}")

shr = [p for p in partners if p["cat"] == "sharoushi"]
for i in range(4):  # ok_sharoushi_mynumber
    st = rnd(by_dep["hr"])
    p = shr[i % len(shr)]
    n = R.randint(2, 6)
    rows = [["氏名", "フリガナ", "生年月日", "個人番号", "入社日"]]
    for _ in range(n):
        f = fake_person()
        rows.append([f["name"], f["kana"], birth(), mynumber(), f"2026/12/01"])
    body = (f"{p['org']}\n{p['name']} 先生\n\nいつもお世話になっております。\n{HOME_ORG} 人事部の{st['sur']}です。\n\n"
            f"12月1日入社予定者{n}名の資格取得届用の情報（個人番号を含みます）を添付いたします。\nお手続きのほどよろしくお願いいたします。\n")
    emit("ok_sharoushi_mynumber", "ok", st, [p], [], [], "12月入社者 資格取得手続きのお願い", body,
         [(f"資格取得届_12月入社_{n}名.xlsx", xlsx(rows))], {"pii_in_attachment", "sensitive_pii", "bulk_pii"},
         f"{n} new staff's My Numbers to the 顧問社労士 {p['org']} {p['name']}")

for i in range(7):  # ok_announcement_bcc
    st = rnd(by_dep["cs"] + by_dep["sales"] + by_dep["mkt"])
    if st["dep"] == "sales":
        rc = R.sample(b2b_people, R.randint(10, 24)); head = "お取引先各位"
        txt = "年末年始の受注・出荷スケジュールについてご案内いたします。\n12月27日（日）正午までの受注分を年内最終出荷といたします。\n"
    else:
        rc = R.sample(customers, R.randint(12, 40)); head = "お客様各位"
        txt = "メールマガジン会員の皆様へ、年末年始の配送についてご案内いたします。\n12月28日から1月4日までにいただいたご注文は、1月5日以降の順次発送となります。\n"
    body = f"{head}\n\n平素より{HOME_ORG}をご愛顧いただき、誠にありがとうございます。\n" + txt + "\n※本メールは送信専用のため、BCC にて一斉にお送りしております。\n"
    emit("ok_announcement_bcc", "ok", st, [st], [], rc, "【ご案内】年末年始の配送スケジュール", body, [], set(),
         f"{head} notice, {len(rc)} external recipients in Bcc, To is the sender")

for i in range(10):  # ok_internal
    st = rnd(staff)
    other = rnd([s for s in staff if s is not st])
    body = f"{other['sur']}さん\n\nお疲れさまです。{st['sur']}です。\n\n"
    atts = []
    if i % 3 == 0:
        n = R.randint(60, 220)
        rows = customer_rows(n, ["会員番号", "氏名", "フリガナ", "住所", "電話番号", "生年月日", "累計購入額"])
        atts = [(f"優良顧客リスト_{n}件.xlsx", xlsx(rows))]
        body += f"来期の施策検討用に、優良顧客リスト（{n}件）を共有します。社外には出さないでください。\n"
        note = f"{n}-row customer list between departments"
    elif i % 3 == 1:
        c = rnd(customers); z, a = c.setdefault("_addr", addr())
        on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
        body += "以下のお客様から、商品破損のお問い合わせがありました。交換品の手配をお願いします。\n\n" + order_body(c, on, its, tot, z, a) + f"■お電話番号：{phone()}\n"
        note = f"one customer's order ({c['name']}) handed to a colleague"
    else:
        rows = [["氏名", "個人番号", "扶養人数"]] + [[fake_person()["name"], mynumber(), R.randint(0, 3)] for _ in range(R.randint(8, 20))]
        atts = [("年末調整_個人番号一覧.xlsx", xlsx(rows))]
        body += "年末調整の確認用に個人番号一覧を添付します。確認後は削除をお願いします。\n"
        note = "My Number list between HR colleagues"
    emit("ok_internal", "ok", st, [other], [], [], rnd(internal_subj + ["顧客対応の引き継ぎ"]), body, atts, set(), note)

for i in range(5):  # ok_reply_quote_other
    st = rnd(by_dep["sales"])
    p = rnd([x for x in owned[st["email"]] if x["dept"] != "経理部"])
    other_org = rnd([o for o in b2b_orgs if o != p["org"]])
    quoted = (f"\n\n----- Original Message -----\nFrom: {p['name']} <{p['email']}>\nSent: Thursday, November 5, 2026 10:12 AM\n"
              f"Subject: 新商品の件\n\n{HOME_ORG}\n{st['name']} 様\n\nお世話になっております。\n"
              f"先日の展示会で{other_org}さんの売場で見かけた保温ボトルですが、当社でも扱えますでしょうか。\n")
    body = biz_open(p, st) + "お問い合わせありがとうございます。\nステンレス保温ボトル 500ml は御社でもお取り扱いいただけます。\n見積書は追ってお送りいたします。\n"
    emit("ok_reply_quote_other", "ok", st, [p], [], [], "Re: 新商品の件", body, [], set(),
         f"reply to {p['org']} {p['name']}; {other_org} named only in the quoted part", tail=quoted)

for i in range(4):  # ok_first_mail_known_org
    p = [x for x in people if x["email"] in held_back and x["kind"] == "b2b"][i]
    st = rnd([s for s in by_dep["sales"] if p["org"] in sales_own[s["email"]]] or by_dep["sales"])
    body = biz_open(p, st).replace("いつも大変お世話になっております。", "突然のご連絡失礼いたします。") + \
        f"このたび御社の担当を拝命いたしました。前任同様、どうぞよろしくお願い申し上げます。\n近日中にご挨拶に伺えればと存じます。\n"
    emit("ok_first_mail_known_org", "ok", st, [p], [], [], "担当者変更のご挨拶", body, [], set(),
         f"first mail to {p['name']} at the known customer {p['org']}")

for i in range(4):  # ok_collection_own_debtor
    st = rnd(by_dep["acct"])
    p = rnd([x for x in owned[st["email"]] if x["kind"] == "b2b"])
    fn, data, tot, no = invoice_doc(p["org"], "pdf", "2026年8月")
    body = biz_open(p, st) + (f"2026年8月分のご請求（{no}、{tot:,}円）につきまして、11月10日現在ご入金の確認がとれておりません。\n"
                             f"行き違いでしたらご容赦ください。請求書を再送いたしますのでご確認をお願いいたします。\n")
    emit("ok_collection_own_debtor", "ok", st, [p], [], [], "【ご確認】8月分ご請求のお支払いについて", body, [(fn, data)], set(),
         f"payment reminder with {p['org']}'s own invoice to its 経理 {p['name']} (attachment 〈{p['org']}〉)")

# ============ risky kinds
for i in range(8):  # other_customer_order_attached
    st = rnd(cs_like)
    if i < 5:
        a_, b_ = TWINS[i % len(TWINS)]
    else:
        a_ = cust_of(st); b_ = rnd([c for c in customers if c["sur"] == a_["sur"] and c is not a_] or [c for c in customers if c is not a_])
    kindname = rnd(["領収書", "納品書"])
    fn, data, on, its, tot = order_doc(b_, rnd(["pdf", "pdf", "xlsx", "csv"]), kindname)
    body = cust_open(a_, st) + f"ご依頼の{kindname}を添付にてお送りいたします。ご確認をお願いいたします。\n"
    emit("other_customer_order_attached", "risky", st, [a_], [], [], f"{kindname}送付のご案内", body, [(fn, data)],
         {"attachment_recipient_mismatch", "pii_in_attachment"},
         f"mail to {a_['name']} ({a_['code']}) carries the {kindname} of 〈{b_['name']}〉 ({b_['code']})")

for i in range(5):  # other_customer_info_pasted
    st = rnd(cs_like)
    a_ = cust_of(st)
    b_ = rnd([c for c in customers if c["sur"] == a_["sur"] and c is not a_] or [c for c in customers if c is not a_ and c["sur"] in ("佐藤", "鈴木", "高橋", "田中")])
    z, a = b_.setdefault("_addr", addr())
    on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
    body = cust_open(a_, st) + "ご注文内容を以下のとおり確認いたしました。\n\n" + order_body(b_, on, its, tot, z, a) + f"■ご連絡先：{phone()}\n"
    emit("other_customer_info_pasted", "risky", st, [a_], [], [], "ご注文内容のご確認", body, [],
         {"content_recipient_mismatch"},
         f"mail to {a_['name']} ({a_['code']}) pastes the order, address and phone of {b_['name']} ({b_['code']}) into the body")

for i in range(8):  # same_surname_wrong_customer
    pair = TWINS[i % len(TWINS)]
    a_, b_ = (pair[0], pair[1]) if i % 2 else (pair[1], pair[0])
    st = rnd([s for s in cs_like if b_ in owned[s["email"]]] or cs_like)
    z, a = a_.setdefault("_addr", addr())
    on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
    atts = []
    if i % 2 == 0:
        fn, data, on, its, tot = order_doc(a_, "pdf", "領収書"); atts = [(fn, data)]
    body = cust_open(a_, st) + "お問い合わせいただいた件につき、ご注文内容をお知らせいたします。\n\n" + order_body(a_, on, its, tot, z, a)
    codes = {"similar_recipient", "content_recipient_mismatch"} | ({"attachment_recipient_mismatch", "pii_in_attachment"} if atts else set())
    emit("same_surname_wrong_customer", "risky", st, [{**b_, "name": a_["name"]} if i % 3 == 0 else b_], [], [], "ご注文内容のご案内", body, atts, codes,
         f"meant for {a_['name']} ({a_['code']}, {a_['email']}), sent to namesake {b_['name']} ({b_['code']}, {b_['email']})"
         + (f" (attachment 〈{a_['name']} 様〉)" if atts else ""))

for i in range(6):  # reply_all_keeps_other_customer
    if i < 3:
        st = rnd(cs_like); a_ = cust_of(st); b_ = cust_of(st, exclude=[a_])
        z, a = a_.setdefault("_addr", addr())
        on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
        body = cust_open(a_, st) + "返品のご依頼を承りました。返金額と返送先をご案内いたします。\n\n" + order_body(a_, on, its, tot, z, a)
        tail = (f"\n2026年11月4日(水) 21:40 {st['name']} <{st['email']}>:\n> {b_['name']} 様\n"
                f"> 返品受付番号 R-{R.randint(10000, 99999)} の返金手続きが完了しましたのでお知らせいたします。\n")
        to, cc = [a_], [b_]
        note = f"reply-all on an old thread about {b_['name']} ({b_['code']}): new text about {a_['name']}'s return, {b_['name']} kept in Cc"
        subj = "Re: 返品・交換のご依頼"
        codes = {"content_recipient_mismatch", "multiple_external_orgs"}
    else:
        st = rnd(by_dep["sales"]); orgA, orgB = rnd(COMPETITORS)
        a_ = rnd([p for p in org_people(orgA) if p["email"] not in held_back]); b_ = rnd([p for p in org_people(orgB) if p["email"] not in held_back])
        body = biz_open(a_, st) + f"先ほどの商談の件、{B2B_SHORT[orgA]}様向けの特別条件（掛率 58%、年間 1,200 万円の購入を前提）でお受けいたします。\n"
        to, cc = [a_], [b_]
        note = f"reply-all to {orgA} {a_['name']} about its special terms keeps competitor {orgB} {b_['name']} in Cc (trade-show thread)"
        subj = "Re: 展示会のご来場御礼"
        codes = {"content_recipient_mismatch", "multiple_external_orgs"}
        tail = ""
    emit("reply_all_keeps_other_customer", "risky", st, to, cc, [], subj, body, [], codes, note, tail=tail)

for i in range(5):  # dm_list_excess_columns
    st = rnd(by_dep["mkt"]); p = dm[i % 2]
    n = R.randint(150, 800)
    cols = ["会員番号", "氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス", "生年月日", "性別", "累計購入額", "最終購入日", "備考"]
    if i % 2:
        cols.append("カード下4桁")
    rows = customer_rows(n, cols)
    fmt = rnd(["csv", "xlsx"])
    data = csvb(rows, "cp932") if fmt == "csv" else xlsx(rows, "顧客マスタ")
    body = biz_open(p, st) + f"冬のカタログ DM の発送リストをお送りします（{n}件）。\n宛名印字にご利用ください。\n"
    emit("dm_list_excess_columns", "risky", st, [p], [], [], "冬カタログ DM 発送リスト", body,
         [(f"顧客マスタ抽出_{n}件.{fmt}", data)], {"bulk_pii", "pii_in_attachment"},
         f"{n}-row DM list to the contracted printer {p['org']} but as the full customer master ({len(cols)} columns: phone, e-mail, birth date, purchase history...) instead of name and address")

for i in range(4):  # dm_list_wrong_vendor
    st = rnd(by_dep["mkt"])
    p = rnd([x for x in partners if x["cat"] in ("catalog",)] + [x for x in partners if x["cat"] in ("web", "ad")][:1])
    if i == 0:
        p = byname("山本 隆", "株式会社みどり美術印刷")
    n = R.randint(100, 500)
    rows = customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所"])
    fmt = rnd(["csv", "xlsx"])
    data = csvb(rows, "utf-8-sig") if fmt == "csv" else xlsx(rows)
    body = biz_open(p, st) + f"冬のカタログ DM の発送リスト（{n}件）をお送りします。\n"
    emit("dm_list_wrong_vendor", "risky", st, [{**p, "name": "山本 隆"} if i == 0 else p], [], [], "冬カタログ DM 発送リスト", body,
         [(f"DM発送リスト_2026冬_{n}件.{fmt}", data)], {"bulk_pii", "pii_in_attachment"} | ({"similar_recipient"} if i == 0 else set()),
         f"{n}-row DM list meant for the DM printer 株式会社ひまわり印刷 sent to {p['org']} {p['name']} (not contracted for customer data)"
         + ("; auto-complete picked the other 山本 隆" if i == 0 else ""))

for i in range(6):  # b2b_price_list_to_competitor
    st = rnd(by_dep["sales"])
    orgA, orgB = COMPETITORS[i % 4] if i < 4 else tuple(reversed(COMPETITORS[i % 4]))
    b_ = rnd([p for p in org_people(orgB) if p["dept"] != "経理部"])
    fn, data = price_doc(orgA, rnd(["xlsx", "pdf"]))
    same = [p for p in org_people(orgA) if p["name"] == b_["name"]]
    body = biz_open(b_, st) + "2027年1月改定の卸価格表をお送りいたします。ご確認をお願いいたします。\n"
    codes = {"attachment_recipient_mismatch"} | ({"similar_recipient"} if same else set())
    emit("b2b_price_list_to_competitor", "risky", st, [b_], [], [], "卸価格表（2027年1月改定）のご送付", body, [(fn, data)], codes,
         f"price list for 〈{orgA}〉 sent to its competitor {orgB} {b_['name']}" + (" (same-named buyer)" if same else ""))

LA_ORDER = ["hibari-drug.example", "shinonome-logi.example", "himawari-print.example", "hanamail.example",
            "izumi-roumu.example", "kasumino-hotel.example", "tsubame-yakuhin.example"]
SENDER_DEP = {"warehouse": "order", "dm": "mkt", "payment": "order", "sharoushi": "hr", "callcenter": "cs"}
for i, good in enumerate(LA_ORDER):  # lookalike_domain
    bad = LOOKALIKE[good]
    p = rnd([x for x in people if x["email"].endswith("@" + good) and x["email"] not in held_back])
    bad_addr = p["email"].split("@")[0] + "@" + bad
    to, cc = [{**p, "email": bad_addr}], []
    if p["kind"] == "customer":
        st = rnd([s for s in cs_like if p in owned[s["email"]]] or cs_like)
        z, a = p.setdefault("_addr", addr())
        on = order_no(); its = items(); tot = sum(x * q for _, x, q in its)
        body = cust_open(p, st) + "ご注文の商品を本日発送いたしました。\n\n" + order_body(p, on, its, tot, z, a); atts = []
    elif p["kind"] == "b2b":
        st = rnd([s for s in by_dep["sales"] if p in owned[s["email"]]] or by_dep["sales"])
        fn, data = price_doc(p["org"])
        body = biz_open(p, st) + "2027年1月改定の卸価格表をお送りいたします。\n"; atts = [(fn, data)]
    else:
        st = rnd(by_dep[SENDER_DEP[p["cat"]]])
        n = R.randint(40, 200)
        if p["cat"] == "sharoushi":
            rows = [["氏名", "生年月日", "住所", "基本給"]] + [[fake_person()["name"], birth(), addr()[1], R.randint(200, 420) * 1000] for _ in range(n)]
            fn = f"従業員名簿_{n}名.xlsx"; txt = f"算定基礎届用の従業員名簿（{n}名）をお送りします。\n"
        else:
            rows = customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所", "電話番号"])
            fn = f"発送対象_{n}件.xlsx"; txt = f"ご依頼の発送対象一覧（{n}件）をお送りします。\n"
        atts = [(fn, xlsx(rows))]
        others = [x for x in org_people(p["org"]) if x is not p and x["email"] not in held_back]
        if i % 2 and others:
            to, cc = [others[0]], [{**p, "email": bad_addr}]
            body = biz_open(others[0], st) + txt + f"（{p['sur']}様にも Cc にて共有いたします）\n"
        else:
            body = biz_open(p, st) + txt
    emit("lookalike_domain", "risky", st, to, cc, [], rnd(["ご依頼の件", "書類送付のご案内", "ご注文商品発送のお知らせ"]) if p["kind"] != "customer" else "ご注文商品発送のお知らせ",
         body, atts, {"lookalike_domain", "similar_recipient"},
         f"{p['org']} {p['name']}: {p['email']} typed as {bad_addr}" + (" (in Cc)" if cc else ""))

for i in range(5):  # bulk_pii_in_body
    st = rnd(by_dep["returns"] + by_dep["cs"])
    p = rnd([partner("old_warehouse"), partner("callcenter"), partner("payment"), partner("web"),
             rnd(b2b_people)]) if i else partner("old_warehouse")
    n = R.randint(12, 30)
    lines = []
    for _ in range(n):
        f = fake_person(); z, a = addr()
        lines.append(f"{f['name']}　〒{z} {a}　{phone()}")
    body = biz_open(p, st) + f"返品未着のお客様一覧（{n}名）です。返送状況のご確認をお願いします。\n\n" + "\n".join(lines) + "\n"
    emit("bulk_pii_in_body", "risky", st, [p], [], [], "返品未着分のご確認", body, [], {"bulk_pii"},
         f"{n} customers' names, addresses and phones pasted into the body to {p['org']} {p['name']}")

for i in range(5):  # mynumber_to_non_sharoushi
    st = rnd(by_dep["hr"])
    if i < 2:
        p = byname("井上 直美", "税理士法人みやこ会計"); shown = {**p}
    elif i == 2:
        p = partner("payment"); shown = p
    elif i == 3:
        p = {"name": "岡本 聡", "email": f"okamoto.satoshi{R.randint(10, 99)}@{rnd(FREEMAIL)}", "org": "", "sur": "岡本"}; shown = p
    else:
        p = rnd([x for x in partners if x["cat"] == "tax"]); shown = p
    n = R.randint(3, 8)
    rows = [["氏名", "生年月日", "個人番号"]] + [[fake_person()["name"], birth(), mynumber()] for _ in range(n)]
    if i % 2 == 0:
        atts = [(f"扶養控除申告_個人番号_{n}名.xlsx", xlsx(rows))]
        body = (f"{p['name']} 様\n\nお世話になっております。{HOME_ORG} 人事部の{st['sur']}です。\n"
                f"12月入社者の資格取得手続き用データ（個人番号を含む）を添付します。\n")
    else:
        atts = []
        body = (f"{p['name']} 様\n\nお世話になっております。{HOME_ORG} 人事部の{st['sur']}です。\n"
                f"資格取得手続き用に、12月入社者の個人番号をお知らせします。\n\n" + "\n".join(f"{r[0]}　{r[1]}　{r[2]}" for r in rows[1:]) + "\n")
    codes = {"sensitive_pii", "bulk_pii"} | ({"pii_in_attachment"} if atts else set()) | ({"similar_recipient"} if i < 2 else set())
    where = {0: "the namesake 井上 直美 at 税理士法人みやこ会計 (meant for the 社労士 井上 直美)", 1: "the namesake 井上 直美 at 税理士法人みやこ会計 (meant for the 社労士 井上 直美)",
             2: "the payment agency", 3: "the sender's own free-mail address", 4: "the tax accountant"}[i]
    emit("mynumber_to_non_sharoushi", "risky", st, [shown], [], [], "12月入社者 資格取得手続きのお願い", body, atts, codes,
         f"{n} staff My Numbers ({'attached' if atts else 'in body'}) to {where}")

for i in range(5):  # card_number_external
    st = rnd(by_dep["order"] + by_dep["acct"] + by_dep["cs"])
    p = rnd([partner("payment"), partner("payment", 1), partner("callcenter"), partner("warehouse")])
    n = R.randint(3, 12)
    rows = [["ご注文番号", "氏名", "カード番号", "有効期限", "金額"]] + \
        [[order_no(), fake_person()["name"], card(), f"{R.randint(1, 12):02d}/{R.randint(27, 31)}", R.randint(1500, 30000)] for _ in range(n)]
    if i % 2 == 0:
        atts = [(f"与信エラー一覧_{n}件.csv", csvb(rows, rnd(["utf-8-sig", "cp932"])))]
        body = biz_open(p, st) + f"与信エラーとなった{n}件の一覧を添付します。原因のご確認をお願いいたします。\n"
    else:
        atts = []
        body = biz_open(p, st) + f"与信エラーとなった{n}件です。原因のご確認をお願いいたします。\n\n" + "\n".join("　".join(map(str, r)) for r in rows[1:]) + "\n"
    emit("card_number_external", "risky", st, [p], [], [], "与信エラーの件", body, atts,
         {"bulk_pii", "sensitive_pii"} | ({"pii_in_attachment"} if atts else set()),
         f"{n} full card numbers with expiry ({'CSV' if atts else 'in body'}) to {p['org']} {p['name']}")

for i in range(4):  # first_time_external_recipient
    st = rnd(by_dep["order"] + by_dep["mkt"] + by_dep["cs"])
    dom, who = [("shinonome-logistics.test", "新倉庫担当"), ("call-links-ops.example", "コールセンター委託先の別アドレス"),
                (rnd(FREEMAIL), "委託先オペレーターの個人アドレス"), ("himawari-dm.example.com", "印刷会社のグループ会社")][i]
    f = fake_person(0.3)
    p = {"name": f["name"], "email": f"{f['romaji']}@{dom}", "org": "", "dept": "", "sur": f["name"].split()[0]}
    n = R.randint(40, 180)
    rows = customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所", "電話番号"])
    body = f"{p['name']} 様\n\nお世話になっております。{HOME_ORG}の{st['sur']}です。\nご依頼のお客様リスト（{n}件）をお送りします。\n"
    emit("first_time_external_recipient", "risky", st, [p], [], [], "お客様リスト送付", body,
         [(f"お客様リスト_{n}件.{rnd(['xlsx', 'csv'])}".replace(".xlsx", ".xlsx"), None)], {"first_time_recipient", "bulk_pii", "pii_in_attachment"},
         f"{n}-row customer list to {p['email']} ({who}), in no directory and never mailed")
    fn = out_msgs[-1]["atts"][0][0]
    out_msgs[-1]["atts"] = [(fn, xlsx(rows) if fn.endswith("xlsx") else csvb(rows))]

for i in range(6):  # open_recipient_list
    st = rnd(by_dep["cs"] + by_dep["sales"] + by_dep["mkt"])
    if st["dep"] == "sales":
        rc = R.sample(b2b_people, R.randint(8, 20)); head = "お取引先各位"
        txt = "年末年始の受注・出荷スケジュールについてご案内いたします。\n"
    else:
        rc = R.sample(customers, R.randint(10, 35)); head = "お客様各位"
        txt = "ご注文商品の一部に出荷遅延が発生しております。お詫びとともにご案内いたします。\n"
    k = R.randint(0, 2)
    to = rc if k < 2 else rc[:1]
    cc = [] if k < 2 else rc[1:]
    body = f"{head}\n\n平素より{HOME_ORG}をご愛顧いただき、誠にありがとうございます。\n" + txt
    emit("open_recipient_list", "risky", st, to, cc, [], "【重要】出荷遅延のお詫び" if head == "お客様各位" else "【ご案内】年末年始の受注スケジュール",
         body, [], {"open_recipient_list", "multiple_external_orgs"},
         f"{head} notice with {len(rc)} external addresses in {'To' if k < 2 else 'To/Cc'} instead of Bcc")

auto_pairs = [("中村 亮", "株式会社さくらマート", "株式会社さくらマーケット"), ("鈴木 大輔", "株式会社ひばりドラッグ", "株式会社つばめ薬品チェーン"),
              ("佐藤 健太", "株式会社東光スーパー", "株式会社北斗ホームセンター"), ("田中 由美", "株式会社丸和オフィスサプライ", "株式会社ふたば保育サービス"),
              ("伊藤 裕子", "株式会社つばめ薬品チェーン", "株式会社ひばりドラッグ"), ("渡辺 浩二", "株式会社しののめロジスティクス", "株式会社あおば倉庫")]
for i, (nm, good, bad) in enumerate(auto_pairs):  # autocomplete_namesake_other_company
    a_ = byname(nm, good); b_ = byname(nm, bad)
    if a_["kind"] == "b2b":
        st = rnd(by_dep["acct"] if a_["dept"] == "経理部" else by_dep["sales"])
        if a_["dept"] == "経理部":
            fn, data, tot, no = invoice_doc(good, rnd(["pdf", "xlsx"]))
            txt = "2026年10月分の請求書を添付にてお送りいたします。\n"
        else:
            fn, data = price_doc(good)
            txt = "2027年1月改定の卸価格表をお送りいたします。\n"
        codes = {"similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch"}
    else:
        st = rnd(by_dep["order"]); n = R.randint(40, 120)
        fn, data = f"出荷指示_{n}件.csv", csvb(customer_rows(n, ["会員番号", "氏名", "郵便番号", "住所", "電話番号"]), "cp932")
        txt = f"本日分の出荷指示データ（{n}件）を送付いたします。\n"
        codes = {"similar_recipient", "content_recipient_mismatch", "bulk_pii", "pii_in_attachment"}
    body = biz_open(a_, st) + txt
    emit("autocomplete_namesake_other_company", "risky", st, [{**b_, "name": nm}], [], [], "書類送付のご案内", body, [(fn, data)], codes,
         f"meant for {good} {nm} ({a_['email']}), auto-complete picked {bad} {nm} ({b_['email']})"
         + (f" (attachment 〈{good}〉)" if a_["kind"] == "b2b" else ""))

fn_used = []
for i in range(4):  # attachment_filename_other_customer
    st = rnd(cs_like)
    a_ = cust_of(st, exclude=fn_used)
    fn_used.append(a_)
    b_ = rnd([c for c in customers if c is not a_ and c["sur"] == a_["sur"]] or [c for c in customers if c is not a_])
    on = order_no()
    rows = [["ご注文番号", "商品", "単価", "数量"]] + [[on, nm, pr, q] for nm, pr, q in items()]
    fn = f"返品受付票_{b_['name'].replace(' ', '')}様_{on}.{rnd(['csv', 'txt'])}"
    data = csvb(rows) if fn.endswith("csv") else ("返品受付票\n" + f"会員番号 {b_['code']}\n" + "\n".join("\t".join(map(str, r)) for r in rows) + "\n").encode("utf-8")
    body = cust_open(a_, st) + "返品受付票を添付いたします。商品に同梱のうえご返送ください。\n"
    emit("attachment_filename_other_customer", "risky", st, [a_], [], [], "返品受付票送付のご案内", body, [(fn, data)],
         {"attachment_recipient_mismatch"},
         f"mail to {a_['name']} ({a_['code']}); the attached 返品受付票 is named for {b_['name']} ({b_['code']}) and carries only order lines" + ("; the .txt also gives that customer's member number" if fn.endswith("txt") else ""))

# ------------------------------------------------------------------ write
R.shuffle(out_msgs)
if os.path.isdir(os.path.join(HERE, "messages")):
    shutil.rmtree(os.path.join(HERE, "messages"))
os.makedirs(os.path.join(HERE, "messages"))
with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
    f.write(f'[organization]\nname = "{HOME_ORG}"\ninternal_domains = ["{HOME}"]\n')
with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name", "kana", "email", "organization", "code"])
    for p in people:
        w.writerow([p["name"], p["kana"], p["email"], p["org"], p["code"]])
with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
    for h in history:
        f.write(json.dumps(h, ensure_ascii=False) + "\n")

labels = []
for n, m in enumerate(out_msgs, 1):
    st = m["st"]
    msg = EmailMessage()
    msg["From"] = formataddr((st["name"], st["email"]))
    for h in ("to", "cc", "bcc"):
        if m[h]:
            msg[h.capitalize()] = ", ".join(formataddr((p["name"], p["email"])) for p in m[h])
    msg["Subject"] = m["subject"]
    t = day0 + timedelta(days=(n * 7) % 26, minutes=R.randint(0, 600))
    msg["Date"] = format_datetime(t)
    msg["Message-ID"] = make_msgid(f"m16-{n:04d}", HOME)
    msg["X-Mailer"] = R.choice(MAILERS)
    cs = "utf-8"
    if R.random() < 0.15:
        try:
            m["body"].encode("iso-2022-jp"); cs = "iso-2022-jp"
        except UnicodeEncodeError:
            pass
    if cs == "iso-2022-jp":
        msg.set_content(m["body"], charset="iso-2022-jp", cte="7bit")
    else:
        msg.set_content(m["body"], charset="utf-8", cte="base64")
    for fn, data in m["atts"]:
        mt, st_ = MIME[fn.rsplit(".", 1)[1]]
        if mt == "text":
            msg.add_attachment(data, maintype=mt, subtype=st_, filename=fn)
        else:
            msg.add_attachment(data, maintype=mt, subtype=st_, filename=fn)
    name = f"messages/{n:04d}.eml"
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(bytes(msg))
    ext = [p["email"] for h in ("to", "cc", "bcc") for p in m[h] if not p["email"].endswith("@" + HOME)]
    codes = set(m["codes"])
    if m["expected"] == "ok" and ext:
        codes.add("external_recipient")
    if any(a not in past.get(st["email"], set()) for a in ext):
        codes.add("first_time_recipient")
    labels.append({"file": name, "expected": m["expected"], "codes": sorted(codes), "kind": m["kind"], "note": m["note"]})
with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
    for lb in labels:
        f.write(json.dumps(lb, ensure_ascii=False) + "\n")
print(len(people), "contacts;", len(history), "history;", len(labels), "messages")
