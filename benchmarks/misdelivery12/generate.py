#!/usr/bin/env python3
# ruff: noqa: E501  (Japanese template strings are kept one per line)
"""Generate misdelivery12: outgoing mail of a 信用金庫 branch, labelled ok / risky for the 誤送信 guard.

    /work/main/.venv/bin/python generate.py      (seed 1212; rewrites everything except README.md / validate.py)

A made-up 朝霧信用金庫 駅前支店 (`asagiri-shinkin.example`) with its own address book (corporate customers,
personal customers on free and carrier mail, heirs, guarantors, 税理士 and 司法書士 offices, real-estate agents,
an appraiser, a 信用保証協会, another bank, a life insurer's 団信 desk, a DM vendor), a year of sending history
and about 170 labelled messages. Every name, number and address is invented; all domains are reserved.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import json
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
from collections import defaultdict
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr

SEED = 1212
HERE = os.path.dirname(os.path.abspath(__file__))
INTERNAL = "asagiri-shinkin.example"
BANK = "朝霧信用金庫"
BRANCH = "駅前支店"
BRANCH_NO = "015"
JST = dt.timezone(dt.timedelta(hours=9))
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

rng = random.Random(SEED)

# ----------------------------------------------------------------------------------------------- name pools
SUR = {
    "高木": ("takagi", "タカギ"), "石川": ("ishikawa", "イシカワ"), "村上": ("murakami", "ムラカミ"),
    "丸山": ("maruyama", "マルヤマ"), "中村": ("nakamura", "ナカムラ"), "松本": ("matsumoto", "マツモト"),
    "佐々木": ("sasaki", "ササキ"), "岡田": ("okada", "オカダ"), "森田": ("morita", "モリタ"),
    "井上": ("inoue", "イノウエ"), "木村": ("kimura", "キムラ"), "野口": ("noguchi", "ノグチ"),
    "杉山": ("sugiyama", "スギヤマ"), "大野": ("ono", "オオノ"), "原田": ("harada", "ハラダ"),
    "藤井": ("fujii", "フジイ"), "西村": ("nishimura", "ニシムラ"), "平野": ("hirano", "ヒラノ"),
    "菊地": ("kikuchi", "キクチ"), "桜井": ("sakurai", "サクライ"), "宮崎": ("miyazaki", "ミヤザキ"),
    "久保": ("kubo", "クボ"), "千葉": ("chiba", "チバ"), "今井": ("imai", "イマイ"), "武田": ("takeda", "タケダ"),
    "横山": ("yokoyama", "ヨコヤマ"), "堀": ("hori", "ホリ"), "柴田": ("shibata", "シバタ"),
    "永井": ("nagai", "ナガイ"), "上野": ("ueno", "ウエノ"), "安藤": ("ando", "アンドウ"),
    "内田": ("uchida", "ウチダ"), "北村": ("kitamura", "キタムラ"), "荒木": ("araki", "アラキ"),
    "川口": ("kawaguchi", "カワグチ"), "関": ("seki", "セキ"), "服部": ("hattori", "ハットリ"),
    "星野": ("hoshino", "ホシノ"), "岩田": ("iwata", "イワタ"), "小松": ("komatsu", "コマツ"),
    "浜田": ("hamada", "ハマダ"), "吉岡": ("yoshioka", "ヨシオカ"), "片山": ("katayama", "カタヤマ"),
    "水野": ("mizuno", "ミズノ"), "樋口": ("higuchi", "ヒグチ"), "酒井": ("sakai", "サカイ"),
}
COMMON = ["高木", "石川", "村上", "丸山", "中村", "松本"]
GIVEN = {
    "誠": ("makoto", "マコト"), "聡": ("satoshi", "サトシ"), "健太": ("kenta", "ケンタ"),
    "正雄": ("masao", "マサオ"), "浩二": ("koji", "コウジ"), "隆": ("takashi", "タカシ"), "修": ("osamu", "オサム"),
    "大輔": ("daisuke", "ダイスケ"), "翔太": ("shota", "ショウタ"), "和也": ("kazuya", "カズヤ"),
    "茂": ("shigeru", "シゲル"), "勝利": ("katsutoshi", "カツトシ"), "拓海": ("takumi", "タクミ"),
    "亮": ("ryo", "リョウ"), "秀樹": ("hideki", "ヒデキ"), "康弘": ("yasuhiro", "ヤスヒロ"),
    "圭介": ("keisuke", "ケイスケ"), "直人": ("naoto", "ナオト"), "恵子": ("keiko", "ケイコ"),
    "洋子": ("yoko", "ヨウコ"), "美穂": ("miho", "ミホ"), "由美": ("yumi", "ユミ"), "真理子": ("mariko", "マリコ"),
    "彩": ("aya", "アヤ"), "千尋": ("chihiro", "チヒロ"), "直美": ("naomi", "ナオミ"), "和子": ("kazuko", "カズコ"),
    "裕子": ("yuko", "ユウコ"), "加奈": ("kana", "カナ"), "さおり": ("saori", "サオリ"), "智子": ("tomoko", "トモコ"),
    "麻衣": ("mai", "マイ"), "文子": ("fumiko", "フミコ"), "悟": ("satoru", "サトル"), "陽菜": ("hina", "ヒナ"),
    "昭二": ("shoji", "ショウジ"), "栄一": ("eiichi", "エイイチ"), "春香": ("haruka", "ハルカ"),
}
FREE = ["ymail-box.example", "freemail-jp.test", "webpost.example.com", "hanamail.test"]
CARRIER = ["keitai-a.example.com", "keitai-b.test", "mobile-net.example"]


def kana(name: str) -> str:
    s, g = name.split()
    return f"{SUR[s][1]} {GIVEN[g][1]}"


def roma(name: str) -> tuple[str, str]:
    s, g = name.split()
    return SUR[s][0], GIVEN[g][0]


# ------------------------------------------------------------------------------------------- organisations
# key: (organisation, domain, kind, [(name, role, local part)], 顧問税理士 key)
ORGS: dict[str, tuple] = {
    "takagi_mfg": ("株式会社高木製作所", "takagi-mfg.example", "corp",
                   [("高木 誠", "代表取締役", "takagi"), ("井上 由美", "経理部", "keiri"),
                    ("樋口 悟", "総務部", "s.higuchi")], "sasaki"),
    "takagi_kt": ("有限会社高木工務店", "takagi-koumuten.example", "corp",
                  [("高木 聡", "代表取締役", "takagi"), ("野口 和子", "経理", "k.noguchi")], "okada"),
    "maruyama_seiki": ("株式会社丸山精機", "maruyama-seiki.example", "corp",
                       [("丸山 隆", "代表取締役社長", "t.maruyama"), ("中村 智子", "経理部", "t.nakamura"),
                        ("久保 大輔", "総務部", "d.kubo")], "minato"),
    "maruyama_seiko": ("株式会社丸山精工", "maruyama-seiko.example", "corp",
                       [("丸山 秀樹", "代表取締役", "h.maruyama"), ("松本 加奈", "経理課", "k.matsumoto")], "okada"),
    "towa_denki": ("株式会社東和電機", "towa-denki.example", "corp",
                   [("西村 康弘", "代表取締役", "nishimura"), ("石川 千尋", "経理課", "c.ishikawa")], "minato"),
    "towa_densetsu": ("株式会社東和電設", "towa-densetsu.example", "corp",
                      [("横山 直人", "代表取締役", "n.yokoyama"), ("中村 彩", "経理", "a.nakamura")], "sasaki"),
    "midori": ("有限会社みどり青果", "midori-seika.example", "corp",
               [("柴田 修", "代表取締役", "shibata"), ("柴田 洋子", "経理", "y.shibata")], "sasaki"),
    "hokushin": ("株式会社北辰運輸", "hokushin-unyu.example", "corp",
                 [("大野 勝利", "代表取締役", "k.ono"), ("杉山 麻衣", "経理部", "m.sugiyama"),
                  ("堀 拓海", "経理部", "t.hori")], "minato"),
    "komatsu": ("株式会社小松食品", "komatsu-foods.example", "corp",
                [("小松 茂", "代表取締役", "s.komatsu"), ("今井 さおり", "経理", "s.imai")], "okada"),
    "ishikawa_sg": ("有限会社石川鮮魚店", "ishikawa-sengyo.example", "corp",
                    [("石川 浩二", "代表取締役", "ishikawa"), ("石川 美穂", "経理", "miho")], "sasaki"),
    "murakami_k": ("株式会社村上建設", "murakami-kensetsu.example", "corp",
                   [("村上 和也", "代表取締役", "k.murakami"), ("永井 真理子", "経理部", "m.nagai")], "minato"),
    "hibari": ("株式会社ひばり印刷", "hibari-print.example", "corp",
               [("藤井 亮", "代表取締役", "r.fujii"), ("上野 直美", "営業部", "n.ueno"),
                ("武田 圭介", "経理", "k.takeda")], "okada"),
    "repos": ("有限会社カフェ・ルポ", "cafe-repos.example", "corp",
              [("桜井 彩", "代表取締役", "aya"), ("桜井 翔太", "取締役", "shota")], "sasaki"),
    "nakamura_sz": ("株式会社中村酒造", "nakamura-shuzo.example", "corp",
                    [("中村 秀樹", "代表取締役", "h.nakamura"), ("原田 裕子", "経理課", "y.harada")], "minato"),
    "sasaki": ("佐々木税理士事務所", "sasaki-tax.example", "tax",
               [("佐々木 正雄", "税理士", "sasaki"), ("宮崎 由美", "スタッフ", "y.miyazaki")], None),
    "minato": ("税理士法人みなと会計", "minato-kaikei.example", "tax",
               [("岡田 隆", "代表社員 税理士", "t.okada"), ("菊地 健太", "監査担当", "k.kikuchi"),
                ("北村 千尋", "監査担当", "c.kitamura"), ("今井 拓海", "監査担当", "t.imai")], None),
    "okada": ("岡田会計事務所", "okada-kaikei.example", "tax",
              [("岡田 浩二", "税理士", "okada"), ("千葉 智子", "スタッフ", "t.chiba")], None),
    "morita": ("森田司法書士事務所", "morita-shiho.example", "shiho",
               [("森田 修", "司法書士", "morita"), ("内田 恵子", "補助者", "k.uchida")], None),
    "asahi": ("司法書士法人あさひ綜合", "asahi-sogo.example", "shiho",
              [("荒木 聡", "司法書士", "s.araki"), ("星野 裕子", "補助者", "y.hoshino")], None),
    "maruyama_re": ("丸山不動産株式会社", "maruyama-fudosan.example", "realestate",
                    [("丸山 健太", "代表取締役", "k.maruyama"), ("安藤 美穂", "営業", "m.ando")], None),
    "bayside": ("株式会社ベイサイド住宅", "bayside-jutaku.example", "realestate",
                [("松本 大輔", "営業部", "d.matsumoto"), ("岩田 加奈", "営業部", "k.iwata")], None),
    "kantei": ("井上不動産鑑定事務所", "inoue-kantei.example", "appraiser",
               [("井上 秀樹", "不動産鑑定士", "inoue"), ("吉岡 春香", "事務", "h.yoshioka")], None),
    "cgc": ("みなと県信用保証協会", "cgc-minato.example", "cgc",
            [("関 和也", "保証第一課", "k.seki"), ("服部 麻衣", "保証第一課", "m.hattori")], None),
    "toto": ("株式会社東都銀行", "toto-bank.example", "bank",
             [("今井 隆", "法人営業部", "t.imai"), ("藤井 さおり", "融資部", "s.fujii")], None),
    "mirai": ("みらい生命保険株式会社", "mirai-life.example", "insurer",
              [("大野 彩", "団信引受審査室", "dansin-uketsuke"), ("横山 誠", "金融法人営業部", "m.yokoyama")], None),
    "fuunyu": ("株式会社データ封入センター", "fuunyu-center.example", "vendor",
               [("木村 裕子", "営業部", "y.kimura"), ("浜田 栄一", "制作部", "e.hamada")], None),
}
FILLER_CORPS = {
    "matsumoto_toso": ("株式会社松本塗装", "matsumoto-toso.example", "corp",
                       [("松本 茂", "代表取締役", "shigeru"), ("石川 陽菜", "事務", "h.ishikawa")], "okada"),
    "murakami_shoten": ("有限会社村上商店", "murakami-shoten.example", "corp",
                        [("村上 正雄", "代表取締役", "murakami"), ("村上 文子", "経理", "fumiko")], "sasaki"),
    "asagiri_kanko": ("株式会社あさぎり観光", "asagiri-kanko.example", "corp",
                      [("水野 健太", "代表取締役", "k.mizuno"), ("高木 由美", "経理部", "y.takagi")], "minato"),
    "hamada_denko": ("株式会社ハマダ電工", "hamada-denko.example", "corp",
                     [("浜田 隆", "代表取締役", "t.hamada"), ("中村 恵子", "経理", "k.nakamura")], "okada"),
    "higuchi_clinic": ("医療法人社団 樋口クリニック", "higuchi-clinic.example", "corp",
                       [("樋口 康弘", "理事長", "higuchi"), ("丸山 さおり", "事務長", "s.maruyama")], "minato"),
    "katayama_bakery": ("株式会社片山ベーカリー", "katayama-bakery.example", "corp",
                        [("片山 直人", "代表取締役", "n.katayama"), ("松本 千尋", "経理", "c.matsumoto")], "sasaki"),
    "sakai_auto": ("有限会社酒井自動車", "sakai-auto.example", "corp",
                   [("酒井 勝利", "代表取締役", "sakai"), ("酒井 智子", "経理", "tomoko")], "okada"),
    "yoshioka_farm": ("株式会社吉岡ファーム", "yoshioka-farm.example", "corp",
                      [("吉岡 修", "代表取締役", "o.yoshioka"), ("石川 大輔", "総務", "d.ishikawa")], "sasaki"),
    "minato_seimitsu": ("株式会社ミナト精密", "minato-seimitsu.example", "corp",
                        [("高木 誠", "代表取締役", "m.takagi"), ("上野 和子", "経理部", "k.ueno")], "minato"),
    "nakamura_home": ("株式会社中村ホーム", "nakamura-home.example", "corp",
                      [("中村 直人", "代表取締役", "n.nakamura"), ("杉山 悟", "経理", "s.sugiyama")], "okada"),
}
ORGS.update(FILLER_CORPS)
CORPS = [k for k, v in ORGS.items() if v[2] == "corp"]
TAXES = ["sasaki", "minato", "okada"]

# personal customers: key -> (name, address, role)
PEOPLE: dict[str, tuple[str, str, str]] = {
    "ishikawa_masao": ("石川 正雄", "masao.ishikawa@ymail-box.example", "住宅ローン（父）"),
    "ishikawa_kenta": ("石川 健太", "kenta-ishikawa@keitai-a.example.com", "住宅ローン（子）"),
    "ishikawa_kazuko": ("石川 和子", "kazuko.i@ymail-box.example", "定期預金"),
    "takagi_keiko": ("高木 恵子", "keiko.takagi@freemail-jp.test", "連帯保証人（高木製作所）"),
    "maruyama_naoto": ("丸山 直人", "naoto.maruyama@keitai-b.test", "連帯保証人（丸山精機）"),
    "ono_yuko": ("大野 裕子", "ono.yuko@hanamail.test", "連帯保証人（北辰運輸）"),
    "murakami_yoko": ("村上 洋子", "yoko.murakami@ymail-box.example", "相続人（故 村上 茂 様の妻）"),
    "murakami_koji": ("村上 浩二", "koji.m1975@freemail-jp.test", "相続人（故 村上 茂 様の長男）"),
    "hirano_miho": ("平野 美穂", "miho.hirano@keitai-a.example.com", "相続人（故 村上 茂 様の長女）"),
    "nakamura_aya": ("中村 彩", "aya.nakamura88@freemail-jp.test", "相続人（故 中村 勝利 様の長女）"),
    "nakamura_daisuke": ("中村 大輔", "d-nakamura@keitai-b.test", "相続人（故 中村 勝利 様の長男）"),
    "nakamura_naoto": ("中村 直人", "naoto.n@ymail-box.example", "カードローン"),
    "matsumoto_yumi": ("松本 由美", "yumi.matsumoto@freemail-jp.test", "住宅ローン"),
    "matsumoto_yuko": ("松本 裕子", "yuko.matsumoto@keitai-a.example.com", "マイカーローン"),
    "noguchi_takumi": ("野口 拓海", "takumi.noguchi@ymail-box.example", "住宅ローン申込"),
    "sugiyama_chihiro": ("杉山 千尋", "chihiro.sugiyama@freemail-jp.test", "住宅ローン申込"),
    "kubo_shota": ("久保 翔太", "shota.kubo@keitai-b.test", "住宅ローン申込"),
    "takagi_osamu": ("高木 修", "osamu.takagi@webpost.example.com", "年金受取"),
    "murakami_hina": ("村上 陽菜", "hina.murakami@mobile-net.example", "積立定期"),
}
FILL_PEOPLE = ["西村 和子", "菊地 修", "武田 由美", "荒木 茂", "川口 恵子", "服部 康弘", "星野 誠", "平野 隆",
               "片山 文子", "水野 昭二", "酒井 直美", "吉岡 悟", "浜田 千尋", "樋口 和也", "上野 栄一",
               "松本 智子", "石川 悟", "丸山 文子", "中村 春香", "高木 昭二"]
for i, nm in enumerate(FILL_PEOPLE):
    s, g = roma(nm)
    dom = (FREE + CARRIER)[i % 7]
    local = rng.choice([f"{g}.{s}", f"{s}.{g}{rng.randint(50, 99)}", f"{g[0]}{s}{rng.randint(1, 30)}", f"{s}-{g}"])
    PEOPLE[f"fill{i}"] = (nm, f"{local}@{dom}", "普通預金")


_used = {v[1] for v in PEOPLE.values()}
for i in range(36):
    s_ = rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(list(SUR))
    nm = f"{s_} {rng.choice(list(GIVEN))}"
    s, g = roma(nm)
    local = rng.choice([f"{g}.{s}", f"{s}.{g}{rng.randint(50, 99)}", f"{g[0]}{s}{rng.randint(1, 30)}", f"{s}-{g}",
                        f"{g}{rng.randint(1960, 2001)}"])
    addr = f"{local}@{rng.choice(FREE + CARRIER)}"
    if addr in _used:
        continue
    _used.add(addr)
    PEOPLE[f"walk{i}"] = (nm, addr, rng.choice(["普通預金", "定期預金", "年金受取", "カードローン", "教育ローン"]))


def person_org(key: str) -> str:
    return f"個人顧客（{PEOPLE[key][0]} 様）"


# internal staff: local -> (name, section, sender?)
STAFF = {
    "k.iwata": ("岩田 圭介", "法人営業課"), "r.takagi": ("高木 亮", "法人営業課"),
    "s.kitamura": ("北村 翔太", "法人営業課"), "t.hori": ("堀 智子", "法人営業課"),
    "m.ishikawa": ("石川 麻衣", "個人ローン課"), "k.uchida": ("内田 和也", "個人ローン課"),
    "k.hoshino": ("星野 加奈", "個人ローン課"), "n.hattori": ("服部 直美", "相続手続担当"),
    "o.araki": ("荒木 修", "相続手続担当"), "s.seki": ("関 さおり", "窓口営業課"),
    "y.imai": ("今井 裕子", "窓口営業課"), "y.chiba": ("千葉 康弘", "窓口営業課"),
    "t.ando": ("安藤 隆", "次長"), "h.miyazaki": ("宮崎 秀樹", "支店長"),
}
HQ = {
    "yushi-bu": ("融資部", "融資部"), "shinsa-bu": ("審査部", "審査部"), "jimu-bu": ("事務部", "事務部"),
    "kanri-bu": ("融資管理部", "融資管理部"), "suishin-bu": ("営業推進部", "営業推進部"),
    "k.sakurai": ("桜井 浩二", "融資部"), "m.nishimura": ("西村 真理子", "審査部"),
    "a.kikuchi": ("菊地 彩", "事務部"), "o.yokoyama": ("横山 修", "融資管理部"),
    "s.nagai": ("永井 聡", "営業推進部"), "y.kawaguchi": ("川口 裕子", "相続センター"),
}


def iaddr(local: str) -> str:
    return f"{local}@{INTERNAL}"


# ------------------------------------------------------------------------------------------------ contacts
CONTACTS: list[dict] = []   # name, kana, email, organization + key/role
BY_EMAIL: dict[str, dict] = {}
ORG_MEMBERS: dict[str, list[dict]] = defaultdict(list)
for key, (org, dom, kind, members, _tax) in ORGS.items():
    for nm, role, local in members:
        k = "ダンシン ヒキウケシンサシツ" if local == "dansin-uketsuke" else kana(nm)
        c = {"name": nm, "kana": k, "email": f"{local}@{dom}", "organization": org, "key": key, "role": role,
             "kind": kind}
        CONTACTS.append(c)
        ORG_MEMBERS[key].append(c)
for key, (nm, addr, role) in PEOPLE.items():
    c = {"name": nm, "kana": kana(nm), "email": addr, "organization": person_org(key), "key": key, "role": role,
         "kind": "person"}
    CONTACTS.append(c)
    ORG_MEMBERS[key].append(c)
for c in CONTACTS:
    BY_EMAIL[c["email"]] = c
# contacts that never appear in the history (first mails)
NEVER = {"t.hori@hokushin-unyu.example", "t.imai@minato-kaikei.example", "k.takeda@hibari-print.example",
         "h.yoshioka@inoue-kantei.example", "e.hamada@fuunyu-center.example", "m.hattori@cgc-minato.example",
         "s.higuchi@takagi-mfg.example"}


def member(key: str, i: int = 0) -> dict:
    return ORG_MEMBERS[key][i]


def boss(key: str) -> dict:
    return ORG_MEMBERS[key][0]


def keiri(key: str) -> dict:
    ms = ORG_MEMBERS[key]
    return next((m for m in ms if "経理" in m["role"] and m["email"] not in NEVER), ms[0])


def orgname(key: str) -> str:
    return ORGS[key][0] if key in ORGS else person_org(key)


# ---------------------------------------------------------------------------------------------- ownership
OWN: dict[str, list[str]] = {
    "k.iwata": ["takagi_mfg", "takagi_kt", "maruyama_seiki", "maruyama_seiko", "sasaki", "okada", "cgc",
                "takagi_keiko", "maruyama_naoto", "kantei", "minato"],
    "r.takagi": ["towa_denki", "towa_densetsu", "midori", "hokushin", "minato", "sasaki", "cgc", "toto", "ono_yuko"],
    "s.kitamura": ["komatsu", "ishikawa_sg", "murakami_k", "nakamura_sz", "minato", "okada", "cgc", "morita",
                   "maruyama_re", "sasaki"],
    "t.hori": ["hibari", "repos", "maruyama_seiki", "hokushin", "okada", "sasaki", "toto", "fuunyu", "minato"],
    "m.ishikawa": ["ishikawa_masao", "ishikawa_kenta", "noguchi_takumi", "sugiyama_chihiro", "bayside", "maruyama_re",
                   "mirai", "asahi", "matsumoto_yumi", "kantei"],
    "k.uchida": ["kubo_shota", "matsumoto_yuko", "nakamura_naoto", "bayside", "mirai", "kantei", "ishikawa_kenta",
                 "morita", "matsumoto_yumi"],
    "k.hoshino": ["sugiyama_chihiro", "matsumoto_yumi", "matsumoto_yuko", "maruyama_re", "mirai", "fill0", "fill1",
                  "noguchi_takumi", "bayside"],
    "n.hattori": ["murakami_yoko", "murakami_koji", "hirano_miho", "nakamura_aya", "nakamura_daisuke", "morita",
                  "asahi", "sasaki", "minato"],
    "o.araki": ["nakamura_aya", "nakamura_daisuke", "murakami_yoko", "murakami_koji", "hirano_miho", "asahi",
                "okada", "morita"],
    "s.seki": ["ishikawa_kazuko", "ishikawa_masao", "nakamura_naoto", "takagi_osamu", "murakami_hina", "fill2",
               "fill3", "fill4", "fill5", "fill6"],
    "y.imai": ["matsumoto_yumi", "takagi_osamu", "fill7", "fill8", "fill9", "fill10", "fill11", "fill12",
               "murakami_hina"],
    "y.chiba": ["fuunyu", "fill13", "fill14", "fill15", "fill16", "fill17", "fill18", "fill19", "ishikawa_kazuko"],
    "t.ando": ["cgc", "toto", "takagi_mfg", "maruyama_seiki", "murakami_k", "hokushin", "nakamura_sz"],
    "h.miyazaki": ["toto", "nakamura_sz", "towa_denki", "komatsu", "cgc"],
}
for _i, _k in enumerate(FILLER_CORPS):
    OWN[["k.iwata", "r.takagi", "s.kitamura", "t.hori", "t.ando"][_i % 5]].append(_k)
    OWN[["r.takagi", "s.kitamura", "t.hori", "k.iwata", "h.miyazaki"][(_i + 2) % 5]].append(_k)
for _i, _k in enumerate(k for k in PEOPLE if k.startswith("walk")):
    OWN[["s.seki", "y.imai", "y.chiba", "k.hoshino", "k.uchida"][_i % 5]].append(_k)
SENDERS = list(OWN)

SUBJ_HIST = {
    "corp": ["ご面談日程の件", "決算書ご提出のお願い", "試算表受領のご連絡", "融資実行のご案内", "RE: 運転資金のご相談",
             "返済予定表の送付", "金利更改のお知らせ", "設備資金のお見積りについて", "RE: 必要書類について",
             "保証協会付融資のお手続き"],
    "tax": ["決算書類のご送付について", "RE: 試算表の件", "顧問先様のご融資について", "申告書控えのご提出"],
    "shiho": ["抵当権設定登記の件", "相続登記のご依頼", "RE: 決済日程について", "登記識別情報の受領"],
    "realestate": ["物件資料の件", "RE: 決済日のご調整", "住宅ローン事前審査の件", "重要事項説明書について"],
    "appraiser": ["鑑定評価のご依頼", "RE: 評価書の件", "現地調査日程"],
    "cgc": ["保証申込書類の送付", "RE: 保証審査の件", "保証承諾のご連絡"],
    "bank": ["協調融資の件", "RE: 残高確認について", "シンジケートローンの日程"],
    "insurer": ["団信申込書類の送付", "RE: 告知内容の確認", "引受結果のご連絡"],
    "vendor": ["DM発送の件", "RE: 封入スケジュール", "お見積りのお願い"],
    "person": ["ご来店日程の件", "お手続き完了のご連絡", "RE: 必要書類について", "住宅ローンのご案内",
               "相続手続きのご案内", "ご返済口座について", "お問い合わせの件"],
    "internal": ["稟議書回付の件", "延滞先の状況報告", "RE: 月次推進会議", "相続案件の進捗", "口座振替データの件",
                 "ご依頼の資料", "RE: 審査部照会事項"],
}


def make_history() -> tuple[list[dict], dict[str, set[str]]]:
    start = dt.datetime(2025, 12, 1, 8, 30, tzinfo=JST)
    days = 365
    rows, seen = [], defaultdict(set)
    internal_pool = [iaddr(x) for x in list(STAFF) + list(HQ)]
    others = [c["email"] for c in CONTACTS if c["email"] not in NEVER]
    for _ in range(3000):
        s = rng.choice(SENDERS)
        r = rng.random()
        to, cc = [], []
        if r < 0.82:
            key = rng.choice(OWN[s])
            ms = [m for m in ORG_MEMBERS[key] if m["email"] not in NEVER]
            first = rng.choice(ms)
            to = [first["email"]]
            kind = ORGS[key][2] if key in ORGS else "person"
            if len(ms) > 1 and rng.random() < 0.3:
                cc.append(rng.choice([m for m in ms if m is not first])["email"])
            if key in CORPS and rng.random() < 0.12 and ORGS[key][4]:
                cc.append(rng.choice([m for m in ORG_MEMBERS[ORGS[key][4]] if m["email"] not in NEVER])["email"])
            if rng.random() < 0.15:
                cc.append(rng.choice(internal_pool))
            subj = rng.choice(SUBJ_HIST[kind])
        elif r < 0.94:
            to = [rng.choice(internal_pool)]
            subj = rng.choice(SUBJ_HIST["internal"])
        else:
            to = [rng.choice(others)]
            kind = BY_EMAIL[to[0]]["kind"]
            subj = rng.choice(SUBJ_HIST[kind])
        to = [a for a in to if a != iaddr(s)] or [iaddr("jimu-bu")]
        when = start + dt.timedelta(days=rng.randrange(days), minutes=rng.randrange(0, 600))
        rows.append({"date": when.isoformat(), "from": iaddr(s), "to": to, "cc": cc, "subject": subj})
    # planted threads: a borrower and the agent together, a company with its 税理士 (so several-party mails are usual)
    for s, a, b in [("m.ishikawa", "noguchi_takumi", "bayside"), ("k.hoshino", "sugiyama_chihiro", "maruyama_re"),
                    ("k.uchida", "kubo_shota", "bayside"), ("m.ishikawa", "sugiyama_chihiro", "maruyama_re")]:
        for _ in range(4):
            when = start + dt.timedelta(days=rng.randrange(250, days), minutes=rng.randrange(0, 600))
            rows.append({"date": when.isoformat(), "from": iaddr(s), "to": [member(a)["email"]],
                         "cc": [member(b)["email"]], "subject": rng.choice(SUBJ_HIST["realestate"])})
    rows.sort(key=lambda h: h["date"])
    for h in rows:
        seen[h["from"]].update(h["to"] + h["cc"])
    return rows, seen


# --------------------------------------------------------------------------------------------- fake data
TOWNS = ["みなと市中央", "みなと市港南", "朝霧市本町", "朝霧市緑が丘", "朝霧市桜台", "北浜町旭", "南浦市汐見"]


def address() -> str:
    return f"海浜県{rng.choice(TOWNS)}{rng.randint(1, 5)}丁目{rng.randint(1, 28)}番{rng.randint(1, 20)}号"


def phone() -> str:
    return f"0{rng.choice([80, 90, 70])}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def birth(lo: int = 1945, hi: int = 1998) -> str:
    return f"{rng.randint(lo, hi)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def account() -> str:
    return f"{BRANCH_NO}-普通-{rng.randint(1000000, 9999999)}"


def loan_no() -> str:
    return f"{BRANCH_NO}-{rng.randint(20, 26)}-{rng.randint(10000, 99999)}"


def random_name() -> str:
    s = rng.choice(COMMON) if rng.random() < 0.35 else rng.choice(list(SUR))
    return f"{s} {rng.choice(list(GIVEN))}"


def mynumber() -> str:
    d = [rng.randint(0, 9) for _ in range(11)]
    d[0] = rng.randint(1, 9)
    tot = sum(d[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = tot % 11
    d.append(0 if r <= 1 else 11 - r)
    s = "".join(map(str, d))
    return f"{s[:4]} {s[4:8]} {s[8:]}"


def yen(n: int) -> str:
    return f"{n:,}円"


# -------------------------------------------------------------------------------------------- documents
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
    for i, line in enumerate(lines):
        c.setFont("IPAexG", 14 if i == 0 else 10)
        c.drawString(50, y, line)
        y -= 22 if i == 0 else 15
        if y < 60:
            c.showPage()
            y = 800
    c.save()
    return buf.getvalue()


def xlsx(title: str, head: list[str], rows: list[list], pre: list[list] | None = None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title[:30]
    for r in pre or []:
        ws.append(r)
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.properties.created = dt.datetime(2026, 12, 1)
    wb.properties.modified = dt.datetime(2026, 12, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_file(title: str, paras: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
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


def csv_file(head: list[str], rows: list[list], enc: str) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(head)
    w.writerows(rows)
    return s.getvalue().encode(enc)


def plain_zip(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files:
            z.writestr(zipfile.ZipInfo(n, (2026, 12, 1, 9, 0, 0)), b)
    return buf.getvalue()


def pw_zip(files: list[tuple[str, bytes]], pw: str) -> bytes:
    d = tempfile.mkdtemp()
    try:
        names = []
        for n, b in files:
            with open(os.path.join(d, n), "wb") as f:
                f.write(b)
            names.append(n)
        subprocess.run(["zip", "-q", "-P", pw, "-j", os.path.join(d, "out.zip")] + [os.path.join(d, n) for n in names],
                       check=True)
        with open(os.path.join(d, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(d)


def stamp(name: str) -> str:
    return name.replace(" ", "").replace("株式会社", "").replace("有限会社", "")


def doc_repayment(who: str, fmt: str = "xlsx") -> tuple[str, bytes]:
    amt = rng.randint(8, 60) * 1000000
    n, rate, rows = loan_no(), rng.choice([0.975, 1.275, 1.65, 2.1]), []
    bal = amt
    pay = amt // rng.choice([120, 180, 240])
    for i in range(12):
        bal -= pay
        rows.append([f"2027/{i + 1:02d}/26", pay, int(bal * rate / 1200), bal])
    if fmt == "pdf":
        lines = ["返済予定表", f"お客様名：{who} 様", f"融資番号：{n}", f"当初融資額：{yen(amt)}  利率：年{rate}%",
                 "返済日  元金  利息  残高"] + [f"{r[0]}  {r[1]:,}  {r[2]:,}  {r[3]:,}" for r in rows]
        return f"返済予定表_{stamp(who)}.pdf", pdf(lines)
    return f"返済予定表_{stamp(who)}.xlsx", xlsx("返済予定表", ["返済日", "元金", "利息", "残高"], rows,
                                                 [["返済予定表"], [f"お客様名：{who} 様"], [f"融資番号：{n}"],
                                                  [f"利率：年{rate}%"]])


def doc_balance(who: str) -> tuple[str, bytes]:
    lines = ["残高証明書", f"{who} 様", "基準日：2026年11月30日", f"{BANK} {BRANCH}",
             f"普通預金 口座番号 {account()}  残高 {yen(rng.randint(1, 900) * 10000 + rng.randint(0, 9999))}",
             f"定期預金 口座番号 {BRANCH_NO}-定期-{rng.randint(1000000, 9999999)}  残高 {yen(rng.randint(1, 50) * 1000000)}",
             "上記のとおり相違ないことを証明いたします。"]
    return f"残高証明書_{stamp(who)}.pdf", pdf(lines)


def doc_statement(who: str, fmt: str = "csv") -> tuple[str, bytes]:
    acc = account()
    rows, bal = [], rng.randint(100000, 3000000)
    for i in range(rng.randint(15, 30)):
        amt = rng.choice([-1, 1]) * rng.randint(1000, 300000)
        bal += amt
        rows.append([f"2026/11/{min(28, i + 1):02d}", rng.choice(["振込", "ATM", "口座振替 電気", "給与", "カード"]),
                     amt if amt > 0 else "", -amt if amt < 0 else "", bal])
    head = ["日付", "摘要", "お預り", "お支払", "残高"]
    if fmt == "xlsx":
        return f"取引明細_{stamp(who)}.xlsx", xlsx("取引明細", head, rows, [[f"口座名義：{who}"], [f"口座番号：{acc}"]])
    return f"取引明細_{stamp(who)}.csv", csv_file(["口座名義", "口座番号", *head], [[who, acc, *r] for r in rows],
                                                   rng.choice(["utf-8-sig", "cp932"]))


def doc_kessan(key: str, fmt: str = "pdf") -> tuple[str, bytes]:
    org = ORGS[key][0]
    term = rng.randint(18, 52)
    sales = rng.randint(80, 2400) * 1000000
    lines = [f"第{term}期 決算報告書", org, "自 2025年10月1日 至 2026年9月30日",
             f"売上高 {yen(sales)}", f"営業利益 {yen(int(sales * rng.uniform(-0.02, 0.09)))}",
             f"借入金残高 {yen(rng.randint(10, 400) * 1000000)}", f"純資産 {yen(rng.randint(5, 300) * 1000000)}",
             f"代表取締役 {boss(key)['name']}"]
    if fmt == "xlsx":
        return (f"決算書_第{term}期_{stamp(org)}.xlsx",
                xlsx("決算書", ["科目", "金額"], [[ln.split(" ")[0], ln.split(" ")[-1]] for ln in lines[3:7]],
                     [[lines[0]], [org], [lines[2]]]))
    return f"決算書_第{term}期_{stamp(org)}.pdf", pdf(lines)


def doc_trial(key: str) -> tuple[str, bytes]:
    org = ORGS[key][0]
    m = rng.randint(9, 11)
    rows = [[a, rng.randint(1, 90) * 100000] for a in ["現金預金", "売掛金", "棚卸資産", "買掛金", "短期借入金",
                                                      "長期借入金", "売上高", "売上原価", "販売管理費"]]
    return f"試算表_2026年{m}月_{stamp(org)}.xlsx", xlsx("月次試算表", ["勘定科目", "残高"], rows,
                                                      [[f"{org} 月次試算表"], [f"2026年{m}月末"]])


def doc_ringi(key: str) -> tuple[str, bytes]:
    org = ORGS[key][0]
    amt = rng.randint(10, 200) * 1000000
    g = next((PEOPLE[k][0] for k in ("takagi_keiko", "maruyama_naoto", "ono_yuko") if PEOPLE[k][2].endswith(
        stamp(org) + "）")), boss(key)["name"])
    paras = [f"申込人：{org}（代表取締役 {boss(key)['name']}）", f"申込金額：{yen(amt)}",
             f"資金使途：{rng.choice(['運転資金', '設備資金（工作機械）', '車両購入', '店舗改装'])}",
             f"連帯保証人：{g}", f"業況：売上高は前期比{rng.randint(-15, 20)}%、延滞なし。",
             f"担当：{BRANCH}"]
    return f"融資稟議書_{stamp(org)}.docx", docx_file("融資稟議書", paras)


def doc_heir_chart(deceased: str, heirs: list[str]) -> tuple[str, bytes]:
    rels = ["妻", "長男", "長女", "次男"]
    lines = ["相続関係説明図", f"被相続人 {deceased}（{birth(1935, 1950)}生 2026年{rng.randint(5, 9)}月死亡）",
             f"最後の住所 {address()}"]
    for i, h in enumerate(heirs):
        lines.append(f"相続人 {rels[i] if i < 4 else '相続人'} {h}（{birth(1950, 1985)}生） 住所 {address()}")
    return f"相続関係説明図_{stamp(deceased)}.pdf", pdf(lines)


def doc_koseki(name: str) -> tuple[str, bytes]:
    lines = ["戸籍全部事項証明書（写し）", f"本籍 {address()}", f"氏名 {name}", f"生年月日 {birth(1940, 1985)}",
             f"父 {name.split()[0]} {rng.choice(list(GIVEN))}", f"母 {rng.choice(list(GIVEN))}",
             "身分事項 出生 婚姻"]
    return f"戸籍謄本_{stamp(name)}.pdf", pdf(lines)


def doc_heir_share(heir: str, deceased: str) -> tuple[str, bytes]:
    paras = [f"{heir} 様", f"被相続人 {deceased} 様 名義のご預金について、{heir} 様のご相続分を次のとおりご案内いたします。",
             f"払戻し先口座：{account()}", f"ご相続分：{yen(rng.randint(50, 900) * 10000)}",
             f"{heir} 様のご住所：{address()}  連絡先：{phone()}"]
    return f"払戻しのご案内_{stamp(heir)}様.docx", docx_file("相続預金払戻しのご案内", paras)


def doc_health(name: str) -> tuple[str, bytes]:
    lines = ["健康診断書（団体信用生命保険 告知用）", f"氏名 {name}", f"生年月日 {birth(1970, 1995)}",
             f"身長 {rng.randint(150, 185)}cm 体重 {rng.randint(45, 95)}kg 血圧 {rng.randint(110, 160)}/{rng.randint(65, 100)}",
             f"既往歴 {rng.choice(['高血圧症（服薬中）', '2型糖尿病', '胃潰瘍（2019年治療済）', 'うつ病（通院中）', 'なし'])}",
             f"所見 {rng.choice(['経過観察', '要精密検査（肝機能）', '異常なし', '要治療（脂質異常症）'])}",
             "医療法人社団 みなと中央クリニック 医師 " + random_name()]
    return f"健康診断書_{stamp(name)}.pdf", pdf(lines)


def doc_loan_app(name: str) -> tuple[str, bytes]:
    paras = [f"お名前：{name}", f"生年月日：{birth(1975, 1998)}", f"ご住所：{address()}", f"携帯電話：{phone()}",
             f"勤務先：{rng.choice(['株式会社みなと物流', '海浜県庁', '朝霧市立病院', '株式会社ベイテック'])}",
             f"年収：{rng.randint(380, 980)}万円", f"他社お借入：{rng.choice(['なし', 'カードローン 30万円', '自動車ローン 120万円'])}",
             f"お借入希望額：{yen(rng.randint(25, 55) * 1000000)}"]
    return f"住宅ローン申込書_{stamp(name)}.docx", docx_file("住宅ローン借入申込書", paras)


def people_rows(n: int) -> list[list]:
    return [[random_name(), address(), phone(), birth()] for _ in range(n)]


def doc_arrears(n: int, fmt: str = "xlsx") -> tuple[str, bytes]:
    rows = [[random_name(), loan_no(), rng.randint(15, 240), rng.randint(3, 90) * 10000, phone(), address()]
            for _ in range(n)]
    head = ["債務者名", "融資番号", "延滞日数", "延滞額", "電話", "住所"]
    if fmt == "csv":
        return "延滞者リスト_2026年11月末.csv", csv_file(head, rows, "cp932")
    return "延滞者リスト_2026年11月末.xlsx", xlsx("延滞者一覧", head, rows, [[f"{BANK} {BRANCH} 延滞先一覧"]])


def doc_debit(n: int, enc: str = "cp932") -> tuple[str, bytes]:
    rows = [[random_name(), account(), rng.randint(1, 40) * 1000, "2026/12/27", phone()] for _ in range(n)]
    return "口座振替依頼明細_202612.csv", csv_file(["氏名", "口座番号", "振替金額", "振替日", "電話"], rows, enc)


def doc_customers(n: int) -> tuple[str, bytes]:
    rows = [[f"C{rng.randint(100000, 999999)}", nm, kana(nm), birth(), address(), phone()]
            for nm in (random_name() for _ in range(n))]
    return "顧客名簿_年金受取先.csv", csv_file(["顧客番号", "氏名", "カナ", "生年月日", "住所", "電話"], rows, "utf-8-sig")


def doc_hikazei(name: str) -> tuple[str, bytes]:
    lines = ["非課税貯蓄申告書（控）", f"氏名 {name}", f"住所 {address()}", f"生年月日 {birth(1940, 1960)}",
             "障害者等の少額預金の利子所得等の非課税 適用", f"取扱店 {BANK} {BRANCH}"]
    return f"非課税貯蓄申告書控_{stamp(name)}.pdf", pdf(lines)


# ------------------------------------------------------------------------------------------------ bodies
GREET = ["いつも大変お世話になっております。", "平素より格別のお引き立てを賜り、誠にありがとうございます。",
         "いつも当金庫をご利用いただき、ありがとうございます。", "お世話になっております。"]
CLOSE = ["ご不明な点がございましたら、お気軽にお問い合わせください。", "何卒よろしくお願い申し上げます。",
         "引き続きよろしくお願いいたします。", "ご確認のほど、よろしくお願いいたします。"]


def signature(s: str) -> str:
    nm, sec = STAFF[s]
    style = rng.randrange(3)
    if style == 0:
        return f"--\n{BANK} {BRANCH} {sec}\n{nm}\nTEL 045-201-{rng.randint(1000, 9999)}  FAX 045-201-0999\n{iaddr(s)}"
    if style == 1:
        return f"****************************\n{BANK}\n{BRANCH}　{sec}　{nm}\n〒220-0011 海浜県みなと市中央1-2-3\n****************************"
    return f"{nm}（{BANK} {BRANCH}）"


def salute(c: dict, short: bool = False) -> str:
    nm = c["name"]
    sur = nm.split()[0]
    if c["kind"] == "person":
        return f"{sur} 様" if short else f"{nm} 様"
    org = c["organization"]
    honor = "先生" if c["kind"] in ("tax", "shiho") and c["role"] in ("税理士", "司法書士", "代表社員 税理士") else "様"
    if c["email"].startswith("dansin-uketsuke"):
        return f"{org}\n団信引受審査室 御中"
    if short:
        return f"{org.replace('株式会社', '(株)').replace('有限会社', '(有)')}\n{sur}{honor}"
    return f"{org}\n{c['role']} {nm} {honor}"


def compose(s: str, sal: str, paras: list[str], quote: str | None = None, intro: bool = True) -> str:
    parts = [sal, "", rng.choice(GREET) if intro else rng.choice(["お疲れ様です。", "お疲れさまです。"])]
    if intro:
        parts.append(f"{BANK}{BRANCH}の{STAFF[s][0].split()[0]}でございます。")
    parts.append("")
    for p in paras:
        parts += [p, ""]
    parts += [rng.choice(CLOSE), "", signature(s)]
    if quote:
        parts += ["", quote]
    return "\n".join(parts) + "\n"


def quoted(frm: dict, when: str, text: str) -> str:
    style = rng.randrange(2)
    if style == 0:
        return f"{when} {frm['name']} <{frm['email']}>:\n" + "\n".join("> " + ln for ln in text.split("\n"))
    return (f"-----Original Message-----\nFrom: {frm['name']} <{frm['email']}>\nSent: {when}\n"
            f"Subject: RE: ご相談の件\n\n{text}")


# ----------------------------------------------------------------------------------------------- messages
MIME = {"pdf": ("application", "pdf"),
        "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "csv": ("text", "csv"), "zip": ("application", "zip")}


def _text_part(text: str, subtype: str, cs: str) -> MIMENonMultipart:
    if cs == "iso-2022-jp":
        p = MIMENonMultipart("text", subtype, charset="ISO-2022-JP")
        p.set_payload(text.encode("iso-2022-jp").decode("ascii"))
        p["Content-Transfer-Encoding"] = "7bit"
        return p
    label, codec = {"utf-8": ("UTF-8", "utf-8"), "shift_jis": ("Shift_JIS", "shift_jis")}[cs]
    p = MIMENonMultipart("text", subtype, charset=label)
    p.set_payload(base64.encodebytes(text.encode(codec)).decode("ascii"))
    p["Content-Transfer-Encoding"] = "base64"
    return p


def _ew(s: str, cs: str) -> str:
    codec = "iso-2022-jp" if cs != "utf-8" else "utf-8"
    return f"=?{codec.upper()}?B?{base64.b64encode(s.encode(codec)).decode()}?="


def _att(fname: str, data: bytes, cs: str) -> MIMEBase:
    ext = fname.rsplit(".", 1)[-1].lower()
    mt, st = MIME[ext]
    p = MIMEBase(mt, st)
    if ext == "csv":
        try:
            data.decode("utf-8")
            p.set_param("charset", "UTF-8")
        except UnicodeDecodeError:
            p.set_param("charset", "Shift_JIS")
    p.set_payload(base64.encodebytes(data).decode("ascii"))
    p["Content-Transfer-Encoding"] = "base64"
    if cs == "utf-8":
        p.set_param("name", ("utf-8", "", fname))
        p.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fname))
    else:
        p.set_param("name", _ew(fname, cs))
        p.add_header("Content-Disposition", "attachment", filename=_ew(fname, cs))
    return p


def to_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in text.split("\n\n"))
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:sans-serif">{body}</body></html>\n'


def encodable(text: str, cs: str) -> bool:
    try:
        text.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def build(i: int, c: dict, when: dt.datetime) -> bytes:
    fmt = c["fmt"]
    body = c["body"]
    heads = [c["subject"], body] + [n for n, _ in c["to"] + c["cc"] + c["bcc"]] + [STAFF[c["sender"]][0]]
    heads += [a[0] for a in c["atts"]]
    if fmt in ("iso", "sjis") and not all(encodable(h, "iso-2022-jp") and encodable(h, "shift_jis") for h in heads):
        fmt = "utf8"
    cs = {"iso": "iso-2022-jp", "sjis": "shift_jis"}.get(fmt, "utf-8")
    hcs = "utf-8" if cs == "utf-8" else "iso-2022-jp"
    if fmt == "html":
        text_part = _text_part(to_html(body), "html", "utf-8")
    elif fmt == "alt":
        text_part = MIMEMultipart("alternative")
        text_part.attach(_text_part(body, "plain", "utf-8"))
        text_part.attach(_text_part(to_html(body), "html", "utf-8"))
    else:
        text_part = _text_part(body, "plain", cs)
    if c["atts"]:
        msg = MIMEMultipart("mixed")
        msg.attach(text_part)
        for fname, data in c["atts"]:
            msg.attach(_att(fname, data, cs))
    else:
        msg = text_part
    msg["From"] = formataddr((STAFF[c["sender"]][0], iaddr(c["sender"])), hcs)
    for h in ("to", "cc", "bcc"):
        if c[h]:
            msg[h.capitalize()] = ", ".join(formataddr((n, a), hcs) for n, a in c[h])
    msg["Subject"] = Header(c["subject"], hcs)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{when.strftime('%Y%m%d%H%M%S')}.{i:04d}.m12@{INTERNAL}>"
    msg["X-Mailer"] = rng.choice(["Microsoft Outlook 16.0", "Shinkin-Groupware 7.2", "Thunderbird 128.5", "Becky! 2.81"])
    c["fmt_used"] = fmt
    return msg.as_bytes()


# -------------------------------------------------------------------------------------------------- cases
CASES: list[dict] = []


def rc(c: dict) -> tuple[str, str]:
    return (c["name"], c["email"])


def add(kind: str, expected: str, sender: str, to: list[dict], subject: str, body: str, *, cc=(), bcc=(),
        atts=(), codes=(), note: str, fmt: str | None = None) -> None:
    def pair(x):
        return x if isinstance(x, tuple) else rc(x)
    CASES.append({"kind": kind, "expected": expected, "sender": sender, "to": [pair(x) for x in to],
                  "cc": [pair(x) for x in cc], "bcc": [pair(x) for x in bcc], "subject": subject, "body": body,
                  "atts": list(atts), "codes": set(codes), "note": note, "fmt": fmt})


def pick_fmt() -> str:
    r = rng.random()
    return "utf8" if r < 0.55 else "alt" if r < 0.66 else "iso" if r < 0.81 else "sjis" if r < 0.90 else "html"


def owners_of(key: str) -> list[str]:
    return [s for s, ks in OWN.items() if key in ks]


def sender_for(key: str) -> str:
    return rng.choice(owners_of(key))


HQ_C = {k: {"name": v[0], "email": iaddr(k), "kind": "internal", "organization": BANK, "role": v[1]}
        for k, v in HQ.items()}


def gen_cases() -> None:
    P = {k: ORG_MEMBERS[k][0] for k in PEOPLE}

    # ---------------------------------------------------------------- ok_routine (14)
    routine = [
        ("takagi_mfg", 0, "ご面談日程のご相談", ["来期の設備投資計画についてお話を伺いたく、12月10日（木）または11日（金）の午後でご都合のよい日時をお知らせいただけますでしょうか。"]),
        ("hokushin", 1, "必要書類受領のお礼", ["本日、ご依頼しておりました納税証明書を確かに受領いたしました。お忙しいところご対応いただきありがとうございました。"]),
        ("komatsu", 0, "年末のご挨拶とご来訪日程", ["年末のご挨拶に伺いたく存じます。12月21日の週でご都合のよい日をお知らせください。"]),
        ("repos", 0, "RE: 店舗改装資金のご相談", ["ご相談の店舗改装資金につきましては、見積書をお預かりしたうえで改めてご提案いたします。"]),
        ("midori", 1, "金利更改のお知らせ", ["12月26日付でお借入の適用金利が更改となります。詳細は次回ご来店の際にご説明いたします。"]),
        ("towa_denki", 1, "RE: 振込手数料について", ["お問い合わせの振込手数料は、インターネットバンキングご利用の場合、同一金庫宛は無料でございます。"]),
        ("cgc", 0, "保証申込の進捗について", ["先日お送りいたしました保証申込の件、追加でご提出が必要な書類がございましたらお知らせください。"]),
        ("toto", 0, "RE: 協調融資の打合せ日程", ["打合せは12月15日（火）14時から当金庫本店会議室にて承知いたしました。"]),
        ("nakamura_sz", 0, "新酒蔵開きのご案内ありがとうございます", ["蔵開きのご案内をいただきありがとうございます。当日は支店長とともに伺う予定です。"]),
        ("morita", 0, "決済日程の確認", ["来週の決済は12月17日午前10時、当店2階応接室でお願いいたします。"]),
        ("ishikawa_masao", 0, "ご来店日時のご確認", ["12月9日（水）11時のご来店、承知いたしました。通帳とお届け印をお持ちください。"]),
        ("matsumoto_yuko", 0, "マイカーローンのお手続き完了", ["マイカーローンのお手続きが完了いたしました。初回のご返済は1月26日でございます。"]),
        ("murakami_hina", 0, "積立定期のお振替日について", ["積立定期の毎月のお振替日は10日でございます。残高不足にご注意ください。"]),
        ("kantei", 0, "現地調査日程のご連絡", ["鑑定評価をお願いしている物件の現地調査、12月12日午前でお願いできますでしょうか。"]),
    ]
    for key, idx, subj, paras in routine:
        s = sender_for(key)
        c = ORG_MEMBERS[key][idx]
        cc = []
        if c["kind"] != "person" and rng.random() < 0.3:
            cc = [m for m in ORG_MEMBERS[key] if m is not c and m["email"] not in NEVER][:1]
        add("ok_routine", "ok", s, [c], subj, compose(s, salute(c, rng.random() < 0.4), paras), cc=cc,
            note=f"usual contact {c['name']} of {c['organization']}")

    # ---------------------------------------------------------------- ok_internal (10)
    internal = [
        ("kanri-bu", "11月末 延滞先リストの提出", ["11月末時点の延滞先一覧を添付いたします。3か月以上の先には個別に督促状を発送済みです。"], lambda: [doc_arrears(rng.randint(25, 60))], {"bulk_pii", "pii_in_attachment"}),
        ("shinsa-bu", "融資稟議書の回付（丸山精機）", ["株式会社丸山精機様の設備資金について稟議書を回付いたします。決算書も添付しております。"], lambda: [doc_ringi("maruyama_seiki"), doc_kessan("maruyama_seiki")], {"pii_in_attachment"}),
        ("jimu-bu", "口座振替依頼データの送付", ["12月27日振替分の口座振替依頼データを送付いたします。"], lambda: [doc_debit(rng.randint(80, 200))], {"bulk_pii", "pii_in_attachment"}),
        ("y.kawaguchi", "相続案件の進捗（故 村上 茂 様）", ["故 村上 茂 様の相続手続き、相続人3名様の書類が揃いました。相続関係説明図を添付します。"], lambda: [doc_heir_chart("村上 茂", ["村上 洋子", "村上 浩二", "平野 美穂"])], {"pii_in_attachment"}),
        ("jimu-bu", "非課税貯蓄申告書の個人番号確認", [f"石川 和子 様の非課税貯蓄申告書について、個人番号 {mynumber()} で記載内容を確認済みです。原本は本日の逓送でお送りします。"], lambda: [], {"sensitive_pii"}),
        ("k.sakurai", "RE: 高木製作所様 試算表", ["株式会社高木製作所様の10月試算表を添付します。売上は前年並みです。"], lambda: [doc_trial("takagi_mfg")], set()),
        ("suishin-bu", "年金受取先リスト（キャンペーン対象）", ["年金受取口座キャンペーンの対象先リストです。DM発送前の確認をお願いします。"], lambda: [doc_customers(rng.randint(120, 260))], {"bulk_pii", "pii_in_attachment"}),
        ("m.nishimura", "団信告知書類の件（野口様）", ["野口 拓海 様の団信告知にあたり、健康診断書の写しを添付いたします。引受可否の事前相談をお願いします。"], lambda: [doc_health("野口 拓海")], {"sensitive_pii", "pii_in_attachment"}),
        ("o.yokoyama", "督促状況のご報告", ["延滞3か月超の2先について、本人と面談し分割返済の合意を得ました。北辰運輸様関連の保証人 大野 裕子 様にも連絡済みです。"], lambda: [], set()),
        ("a.kikuchi", "RE: 相続預金の払戻し書類", ["中村 彩 様、中村 大輔 様の払戻し請求書を確認しました。戸籍謄本の写しを添付します。"], lambda: [doc_koseki("中村 勝利")], {"pii_in_attachment"}),
    ]
    for local, subj, paras, mk, icodes in internal:
        s = rng.choice(SENDERS)
        to = HQ_C[local]
        cc = [{"name": STAFF["t.ando"][0], "email": iaddr("t.ando")}] if rng.random() < 0.3 and s != "t.ando" else []
        add("ok_internal", "ok", s, [to], subj, compose(s, f"{to['role']}\n{to['name']} 様" if " " in to["name"] else f"{to['name']} 御中", paras, intro=False),
            cc=[(x["name"], x["email"]) for x in cc], atts=mk(), codes=icodes,
            note=f"internal: to {to['email']}; stays inside")

    # ---------------------------------------------------------------- ok_own_documents (10)
    own = [
        ("ishikawa_masao", "返済予定表のご送付", lambda n: [doc_repayment(n, "pdf")], "お借入の返済予定表をお送りいたします。"),
        ("ishikawa_kenta", "住宅ローン返済予定表", lambda n: [doc_repayment(n)], "お申込みいただいた住宅ローンの返済予定表を添付いたします。"),
        ("matsumoto_yumi", "残高証明書の発行について", lambda n: [doc_balance(n)], "ご依頼の残高証明書をPDFでお送りします。原本は郵送いたしました。"),
        ("nakamura_naoto", "お取引明細のご送付", lambda n: [doc_statement(n)], "ご依頼の11月分のお取引明細をお送りいたします。"),
        ("kubo_shota", "健康診断書の写しのご返却", lambda n: [doc_health(n)], "お預かりした健康診断書の写しを念のためお返しいたします（団信のお手続きは完了しております）。"),
        ("sugiyama_chihiro", "住宅ローン申込書控えのご送付", lambda n: [doc_loan_app(n)], "ご記入いただいた申込書の控えをお送りします。内容に誤りがないかご確認ください。"),
        ("takagi_mfg", "融資実行後の返済予定表", lambda n: [doc_repayment("株式会社高木製作所")], "12月1日に実行いたしました設備資金の返済予定表を添付いたします。"),
        ("hokushin", "試算表のご返却", lambda n: [doc_trial("hokushin")], "お預かりした10月の試算表を拝見しました。確認用にお戻しいたします。"),
        ("murakami_k", "決算書受領のご連絡", lambda n: [doc_kessan("murakami_k", "xlsx")], "ご提出いただいた決算書の数値を転記した一覧をお送りします。相違がないかご確認ください。"),
        ("ishikawa_kazuko", "取引明細（定期預金）", lambda n: [doc_statement(n, "xlsx")], "ご依頼の取引明細をエクセルでお送りします。"),
    ]
    for key, subj, mk, para in own:
        s = sender_for(key)
        c = keiri(key) if key in CORPS else P[key]
        add("ok_own_documents", "ok", s, [c], subj, compose(s, salute(c), [para]), atts=mk(c["name"]),
            codes={"pii_in_attachment"}, note=f"{orgname(key)}'s own document back to {c['email']}")

    # ---------------------------------------------------------------- ok_right_twin (8)
    twins = [
        ("ishikawa_kenta", "ishikawa_masao", "返済予定表のご送付", lambda n: [doc_repayment(n)]),
        ("ishikawa_masao", "ishikawa_kenta", "定期預金満期のご案内", lambda n: []),
        ("takagi_kt", "takagi_mfg", "RE: 運転資金のご相談", lambda n: []),
        ("takagi_mfg", "takagi_kt", "決算書受領のお礼", lambda n: []),
        ("maruyama_seiko", "maruyama_seiki", "融資条件のご提示", lambda n: []),
        ("matsumoto_yuko", "matsumoto_yumi", "お手続き完了のご連絡", lambda n: [doc_statement(n)]),
        ("nakamura_naoto", "nakamura_sz", "カードローン更新のご案内", lambda n: []),
        ("towa_densetsu", "nakamura_aya", "試算表ご提出のお願い", lambda n: []),
    ]
    for key, other, subj, mk in twins:
        s = next((x for x in owners_of(key) if other in OWN[x]), sender_for(key))
        c = boss(key) if key in CORPS else P[key]
        if key == "towa_densetsu":
            c = keiri(key)
        paras = {"定期預金満期のご案内": ["1月15日に満期を迎える定期預金について、継続のお手続きをご案内いたします。"],
                 "RE: 運転資金のご相談": ["ご相談の運転資金3,000万円について、直近の試算表をお送りいただけますでしょうか。"],
                 "決算書受領のお礼": ["第41期の決算書を確かに受領いたしました。ありがとうございました。"],
                 "融資条件のご提示": ["設備資金のご融資条件を添付のとおりご提示いたします。ご検討ください。"],
                 "カードローン更新のご案内": ["カードローンのご契約が2月に更新を迎えます。特段のお手続きは不要です。"],
                 "試算表ご提出のお願い": ["11月末の試算表がまとまりましたら、ご送付をお願いいたします。"],
                 }.get(subj, ["ご依頼の書類をお送りいたします。"])
        atts = mk(c["name"])
        add("ok_right_twin", "ok", s, [c], subj, compose(s, salute(c), paras), atts=atts,
            codes={"pii_in_attachment"} if atts else set(),
            note=f"right one of a same-surname pair: {c['name']} of {c['organization']} (the other: {orgname(other)})")

    # ---------------------------------------------------------------- ok_own_tax_accountant (7)
    for key, doc in [("takagi_mfg", doc_kessan), ("maruyama_seiki", doc_trial), ("komatsu", doc_kessan),
                     ("towa_denki", doc_trial), ("nakamura_sz", doc_kessan), ("midori", doc_trial),
                     ("hibari", doc_kessan)]:
        tax = ORGS[key][4]
        s = next(x for x in owners_of(key) if tax in OWN[x])
        t = member(tax)
        cc = [keiri(key)] if rng.random() < 0.5 else []
        org = ORGS[key][0]
        paras = [f"顧問先の{org}様より了解をいただいておりますので、{(doc.__name__ == 'doc_kessan' and '決算書') or '試算表'}の写しをお送りいたします。",
                 "借入金明細との突合せにつきまして、ご確認をお願いできれば幸いです。"]
        add("ok_own_tax_accountant", "ok", s, [t], f"{org}様 資料のご送付", compose(s, salute(t), paras), cc=cc,
            atts=[doc(key)], codes={"pii_in_attachment", "multiple_external_orgs"} if cc else {"pii_in_attachment"},
            note=f"{org}'s papers to its own 税理士 {t['organization']} (顧問 per contacts/history)")

    # ---------------------------------------------------------------- ok_legit_third_party (6)
    legit = [
        ("cgc", "towa_denki", "保証申込書類の送付（東和電機）", ["株式会社東和電機様の保証申込にあたり、決算書2期分をお送りいたします。"], lambda: [doc_kessan("towa_denki")]),
        ("cgc", "hokushin", "保証申込書類（北辰運輸）", ["株式会社北辰運輸様の保証申込書類一式です。稟議書の写しを添付いたします。"], lambda: [doc_ringi("hokushin")]),
        ("morita", "noguchi_takumi", "抵当権設定登記のご依頼", ["野口 拓海 様の住宅ローン実行に伴う抵当権設定登記をお願いいたします。申込書の写しを添付します。"], lambda: [doc_loan_app("野口 拓海")]),
        ("asahi", "murakami_yoko", "相続登記のご依頼（故 村上 茂 様）", ["故 村上 茂 様の相続登記につきまして、相続人の皆様のご了解のうえ、相続関係説明図をお送りいたします。"], lambda: [doc_heir_chart("村上 茂", ["村上 洋子", "村上 浩二", "平野 美穂"])]),
        ("kantei", "maruyama_seiki", "鑑定評価のご依頼（丸山精機 工場用地）", ["株式会社丸山精機様の工場用地の担保評価をお願いいたします。所在地と登記簿の情報を別途郵送いたします。"], lambda: []),
        ("toto", "nakamura_sz", "協調融資 条件案のご送付", ["株式会社中村酒造様の協調融資について、同社のご了解のもと決算書を共有いたします。"], lambda: [doc_kessan("nakamura_sz", "xlsx")]),
    ]
    for key, about, subj, paras, mk in legit:
        s = next((x for x in owners_of(key) if about in OWN[x]), sender_for(key))
        t = member(key)
        atts = mk()
        add("ok_legit_third_party", "ok", s, [t], subj, compose(s, salute(t), paras), atts=atts,
            codes={"pii_in_attachment"} if atts else set(),
            note=f"{orgname(about)}'s papers to {t['organization']}, a party in the transaction")

    # ---------------------------------------------------------------- ok_heirs_agreed (4)
    heirs_n = ["nakamura_aya", "nakamura_daisuke"]
    heirs_m = ["murakami_yoko", "murakami_koji", "hirano_miho"]
    for j, (hs, dec, mk, txt) in enumerate([
        (heirs_n, "中村 勝利", lambda: [doc_heir_chart("中村 勝利", ["中村 彩", "中村 大輔"])], "相続人のお二人で資料を共有されたいとのご意向を承りましたので、相続関係説明図をお二人宛にお送りいたします。"),
        (heirs_n, "中村 勝利", lambda: [doc_balance("中村 勝利")], "故 中村 勝利 様名義の残高証明書です。ご相続人お二人のご同意に基づき、お二人にお送りしております。"),
        (heirs_m, "村上 茂", lambda: [doc_heir_chart("村上 茂", ["村上 洋子", "村上 浩二", "平野 美穂"])], "遺産分割協議書の作成にあたり、皆様で共有いただくよう洋子様よりご依頼がありましたので、相続人の皆様にお送りいたします。"),
        (heirs_m, "村上 茂", lambda: [], "先日の面談でご案内した手続きの流れを改めてご説明いたします。皆様おそろいでのご来店は12月18日午後でお受けできます。"),
    ]):
        s = rng.choice(["n.hattori", "o.araki"])
        rec = [P[h] for h in hs]
        sal = "\n".join(f"{r['name']} 様" for r in rec) if j % 2 == 0 else f"故 {dec} 様 ご相続人の皆様"
        add("ok_heirs_agreed", "ok", s, rec[:1] if j == 1 else rec, "相続手続きのご案内", compose(s, sal, [txt]),
            cc=rec[1:] if j == 1 else [], atts=mk(), codes={"pii_in_attachment", "multiple_external_orgs"},
            note=f"heirs of {dec} agreed to share: all heirs addressed")

    # ---------------------------------------------------------------- ok_notice_bcc (6) / open_recipient_list (6)
    notices = [("年末年始の窓口営業について", "12月31日から1月3日までは窓口を休業いたします。ATMは一部時間帯を除きご利用いただけます。", "person"),
               ("事業者向け 事業承継セミナーのご案内", "1月21日（木）に本店ホールにて事業承継セミナーを開催いたします。参加費は無料です。", "corp"),
               ("年金受取口座 お切替えキャンペーン", "年金のお受取口座を当金庫にご指定いただいた方に、粗品を進呈いたします。", "person"),
               ("インターネットバンキング メンテナンスのお知らせ", "12月13日（日）0時から6時まで、システムメンテナンスのためご利用いただけません。", "mixed"),
               ("住宅ローン金利引下げキャンペーン", "新規お借入・お借換えの方を対象に、店頭金利から最大年1.8%の引下げを実施しております。", "person"),
               ("決算期の資金繰りご相談会", "決算期を迎える事業者の皆様を対象に、資金繰り個別相談会を開催いたします。", "corp")]

    def audience(kind: str, n: int) -> list[dict]:
        pool = [c for c in CONTACTS if c["email"] not in NEVER and
                ((kind in ("person", "mixed") and c["kind"] == "person" and "相続" not in c["role"]) or
                 (kind in ("corp", "mixed") and c["kind"] == "corp"))]
        return rng.sample(pool, min(n, len(pool)))

    for subj, txt, aud in notices:
        s = rng.choice(["s.seki", "y.imai", "y.chiba", "t.ando", "r.takagi", "k.hoshino"])
        rec = audience(aud, rng.randint(10, 28))
        add("ok_notice_bcc", "ok", s, [(STAFF[s][0], iaddr(s))], subj,
            compose(s, "お客様各位" if aud != "corp" else "お取引先各位", [txt]), bcc=rec,
            note=f"notice to {len(rec)} customers, all in Bcc")
    for subj, txt, aud in notices:
        s = rng.choice(["s.seki", "y.imai", "y.chiba", "t.ando", "r.takagi", "k.hoshino"])
        rec = audience(aud, rng.randint(8, 26))
        cut = rng.randint(0, len(rec) // 2)
        to, cc = (rec[cut:], rec[:cut]) if rng.random() < 0.5 else (rec, [])
        add("open_recipient_list", "risky", s, to, subj, compose(s, "お客様各位" if aud != "corp" else "お取引先各位", [txt]),
            cc=cc, codes={"open_recipient_list", "multiple_external_orgs"},
            note=f"notice with {len(rec)} customers in To/Cc instead of Bcc")

    # ---------------------------------------------------------------- ok_reply_quoting_other (8)
    rq = [
        ("takagi_mfg", "保証人の高木 恵子様にも同じご説明をお願いできますか。", "承知いたしました。連帯保証人の方へのご説明は、別途当金庫から直接ご連絡いたします。"),
        ("ishikawa_kenta", "父（石川 正雄）の口座からの援助分も含めて審査されますか。", "お父様からのご資金援助は、贈与契約書をご用意いただければ自己資金として扱えます。"),
        ("maruyama_seiki", "丸山精工さんも同じ補助金を申請すると聞きました。", "補助金のつなぎ融資につきましては、採択通知をいただいてからのお手続きとなります。"),
        ("noguchi_takumi", "ベイサイド住宅の松本さんから決済日を聞いています。", "決済日は12月22日で承知しております。当日は実印をお持ちください。"),
        ("towa_denki", "東和電設の横山社長からのご紹介で連絡しました。", "ご紹介いただいた件、まずは会社概要をお送りいただけますでしょうか。"),
        ("murakami_koji", "母（村上 洋子）の分の手続きはどうなっていますか。", "お母様の分はお母様ご本人に直接ご案内しております。浩二様の分の書類は揃っております。"),
        ("komatsu", "税理士法人みなと会計から紹介されたリース会社を使う予定です。", "リース料のお支払い口座の件、承知いたしました。"),
        ("sugiyama_chihiro", "丸山不動産の安藤さんにも伝えておいてもらえますか。", "物件のお引渡し日程につきましては、杉山様から不動産会社へご連絡をお願いいたします。"),
    ]
    for key, q, a in rq:
        s = sender_for(key)
        c = boss(key) if key in CORPS else P[key]
        qt = quoted(c, f"2026/12/0{rng.randint(1, 7)} 18:{rng.randint(0, 59):02d}",
                    f"{STAFF[s][0]} 様\n\nお世話になっております。\n{q}\n\n{c['name']}")
        add("ok_reply_quoting_other", "ok", s, [c], "RE: ご相談の件", compose(s, salute(c, True), [a], quote=qt),
            note=f"reply to {c['name']}; another party named only in the quote")

    # ---------------------------------------------------------------- ok_insurer_channel (4)
    for who in ["noguchi_takumi", "kubo_shota", "sugiyama_chihiro", "ishikawa_kenta"]:
        s = next(x for x in owners_of(who) if "mirai" in OWN[x])
        t = member("mirai")
        n = P[who]["name"]
        add("ok_insurer_channel", "ok", s, [t], f"団信申込書類の送付（{n} 様）",
            compose(s, salute(t), [f"住宅ローンお申込みの{n}様の団体信用生命保険につき、告知書および健康診断書を送付いたします。ご本人の同意書は原本を郵送済みです。"]),
            atts=[doc_health(n)], codes={"pii_in_attachment", "sensitive_pii"},
            note=f"{n}'s 健康診断書 to the insurer's 団信 desk {t['email']}")

    # ---------------------------------------------------------------- ok_first_mail_known_org (4)
    for key, c in [("hokushin", member("hokushin", 2)), ("minato", member("minato", 3)),
                   ("takagi_mfg", member("takagi_mfg", 2)),
                   ("komatsu", {"name": "吉岡 悟", "email": "s.yoshioka@komatsu-foods.example",
                                "organization": ORGS["komatsu"][0], "role": "総務部", "kind": "corp"})]:
        s = sender_for(key)
        add("ok_first_mail_known_org", "ok", s, [c], "ご挨拶（担当のご連絡）",
            compose(s, salute(c), ["このたび御社のご担当を引き継ぎました。今後ともよろしくお願いいたします。来週ご挨拶に伺えれば幸いです。"]),
            codes={"first_time_recipient"}, note=f"first mail to {c['email']} at known {c['organization']}")

    # ---------------------------------------------------------------- ok_several_parties (5)
    sev = [
        ("m.ishikawa", "noguchi_takumi", "bayside", "決済日程のご連絡", "12月22日（火）10時、当店にて決済を行います。売主様側のご準備は不動産会社様にてお願いいたします。"),
        ("k.hoshino", "sugiyama_chihiro", "maruyama_re", "RE: 物件引渡し日程", "お引渡しは1月8日で承知いたしました。当日の流れは別途ご案内します。"),
        ("k.uchida", "kubo_shota", "bayside", "重要事項説明の日程", "重要事項説明は12月19日（土）に不動産会社様の店舗で実施と伺っております。"),
        ("k.iwata", "takagi_mfg", "sasaki", "決算説明会の日程", "決算のご説明を12月16日15時に当店でお受けいたします。顧問税理士の先生にもご同席いただけますと幸いです。"),
        ("r.takagi", "towa_denki", "minato", "来期計画ヒアリングのご案内", "来期の事業計画について、社長と顧問の先生から併せてお話を伺えればと存じます。"),
    ]
    for s, a, b, subj, txt in sev:
        ca = boss(a) if a in CORPS else P[a]
        cb = member(b)
        add("ok_several_parties", "ok", s, [ca], subj, compose(s, f"{salute(ca)}\n（cc: {cb['organization']} {cb['name']} 様）", [txt]),
            cc=[cb], codes={"multiple_external_orgs"}, note=f"scheduling mail to {ca['name']} with {cb['organization']} in Cc, no finances")

    # ================================================================= risky
    # ---------------------------------------------------------------- same_surname_wrong_customer (15)
    ss = [  # (intended, wrong, field, document maker or None, subject, paragraph)
        ("ishikawa_masao", "ishikawa_kenta", "to", lambda n: doc_repayment(n, "pdf"), "返済予定表のご送付", "ご依頼の返済予定表をお送りいたします。"),
        ("ishikawa_kenta", "ishikawa_masao", "to", lambda n: doc_loan_app(n), "住宅ローン申込書控え", "お申込書の控えをお送りします。年収欄のご確認をお願いします。"),
        ("takagi_mfg", "takagi_kt", "to", lambda n: doc_kessan("takagi_mfg"), "決算書写しのご返却", "お預かりした決算書の写しをお返しいたします。"),
        ("takagi_kt", "takagi_mfg", "to", lambda n: doc_repayment("有限会社高木工務店"), "返済予定表（運転資金）", "運転資金の返済予定表を添付いたします。"),
        ("maruyama_seiki", "maruyama_re", "to", lambda n: doc_trial("maruyama_seiki"), "試算表の件", "10月の試算表について、在庫の増加理由を伺えますでしょうか。"),
        ("matsumoto_yumi", "matsumoto_yuko", "to", lambda n: doc_balance(n), "残高証明書のご送付", "ご依頼の残高証明書をお送りします。"),
        ("nakamura_naoto", "nakamura_aya", "to", lambda n: doc_statement(n), "お取引明細", "ご依頼のお取引明細です。"),
        ("ishikawa_sg", "ishikawa_masao", "to", None, "ご融資の審査結果について", "先日お申込みいただいた運転資金につき、今回は減額でのご提案となります。前期の赤字幅が主な理由です。"),
        ("murakami_k", "murakami_koji", "to", lambda n: doc_kessan("murakami_k"), "決算書の件", "決算書を拝見しました。借入金の内訳について伺いたい点がございます。"),
        ("takagi_keiko", "takagi_osamu", "to", None, "連帯保証のご説明", "株式会社高木製作所様の追加融資に伴い、連帯保証の範囲についてご説明のお時間をいただけますか。保証債務は1億2千万円となります。"),
        ("ishikawa_masao", "ishikawa_kenta", "cc", lambda n: doc_balance(n), "残高証明書", "ご依頼の残高証明書です。"),
        ("matsumoto_yuko", "matsumoto_yumi", "cc", lambda n: doc_repayment(n), "返済予定表（マイカーローン）", "マイカーローンの返済予定表を添付します。"),
        ("nakamura_sz", "nakamura_naoto", "bcc", lambda n: doc_trial("nakamura_sz"), "試算表受領のご連絡", "試算表を拝受しました。売上の季節変動についてご説明をお願いします。"),
        ("maruyama_naoto", "maruyama_re", "bcc", None, "連帯保証人様へのご連絡", "丸山精機様のご返済が2か月遅れております。保証人様として一度ご来店いただけますでしょうか。"),
        ("towa_densetsu", "nakamura_aya", "bcc", lambda n: doc_kessan("towa_densetsu"), "決算書受領", "決算書を受領いたしました。ありがとうございます。"),
    ]
    for a, b, field, mk, subj, para in ss:
        ca = (keiri(a) if a == "towa_densetsu" else boss(a)) if a in ORGS else P[a]
        cb = (boss(b) if b in ORGS else P[b])
        if b == "maruyama_re":
            cb = boss(b)
        owners = [x for x in owners_of(a)]
        s = next((x for x in owners if b in OWN[x]), owners[0])
        atts = [mk(ca["name"])] if mk else []
        codes = {"content_recipient_mismatch", "similar_recipient"}
        if atts:
            codes.add("attachment_recipient_mismatch")
        kw: dict = {}
        if field == "to":
            to = [cb]
        else:
            to = [ca]
            kw[field] = [cb]
            codes.add("multiple_external_orgs")
        add("same_surname_wrong_customer", "risky", s, to, subj, compose(s, salute(ca), [para]), atts=atts, codes=codes,
            note=f"meant for {ca['name']} ({ca['organization']}); same-surname {cb['name']} ({cb['organization']}) in {field.capitalize()}", **kw)

    # ---------------------------------------------------------------- financials_to_wrong_party (8)
    fw = [  # (company, wrong key, wrong idx, salutation target, doc)
        ("maruyama_seiki", "maruyama_seiko", 0, "seiki", doc_kessan),
        ("maruyama_seiko", "maruyama_seiki", 0, "seiki_wrong", doc_trial),
        ("towa_denki", "towa_densetsu", 0, "self", doc_kessan),
        ("takagi_mfg", "takagi_kt", 1, "recipient", doc_trial),
        ("maruyama_seiki", "okada", 0, "minato", doc_kessan),
        ("komatsu", "minato", 0, "okada", doc_trial),
        ("hokushin", "okada", 0, "minato", doc_kessan),
        ("nakamura_sz", "sasaki", 0, "recipient", doc_kessan),
    ]
    for key, wkey, widx, how, doc in fw:
        w = member(wkey, widx)
        s = next((x for x in owners_of(key) if wkey in OWN[x]), sender_for(key))
        org = ORGS[key][0]
        fn = doc(key)
        if how in ("minato", "okada"):  # salutation to the company's own 税理士, To a different office (same surname 岡田)
            right = member(ORGS[key][4])
            sal = salute(right)
            codes = {"content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient"}
            note = f"{org}'s papers meant for its 税理士 {right['name']} ({right['organization']}), sent to {w['name']} ({w['organization']})"
        elif how == "recipient":   # salutation right for the recipient, but the papers are another company's
            sal = salute(w)
            codes = {"attachment_recipient_mismatch", "content_recipient_mismatch"}
            note = f"{org}'s {fn[0].split('_')[0]} sent to {w['organization']} (not its 顧問 / a same-surname company)"
        else:
            c = boss(key) if how in ("seiki", "self") else boss("maruyama_seiki")
            sal = salute(c)
            codes = {"attachment_recipient_mismatch", "content_recipient_mismatch"}
            if how == "seiki":
                codes.add("similar_recipient")
            note = f"{org}'s {fn[0].split('_')[0]} to competitor / look-alike company {w['organization']}"
        para = f"{org}様の{'決算書' if doc is doc_kessan else '試算表'}をお送りいたします。ご確認をお願いいたします。"
        add("financials_to_wrong_party", "risky", s, [w], f"{org.replace('株式会社', '')}様 資料送付", compose(s, sal, [para]),
            atts=[fn], codes=codes, note=note)

    # ---------------------------------------------------------------- heir_docs_to_other_heir (6)
    hd = [("murakami_yoko", "murakami_koji", "to", doc_heir_share), ("murakami_koji", "hirano_miho", "to", doc_heir_share),
          ("hirano_miho", "murakami_yoko", "to", lambda h, d: doc_koseki(h)),
          ("nakamura_aya", "nakamura_daisuke", "to", doc_heir_share),
          ("murakami_yoko", "murakami_koji", "cc", doc_heir_share), ("nakamura_daisuke", "nakamura_aya", "bcc", doc_heir_share)]
    for a, b, field, mk in hd:
        ca, cb = P[a], P[b]
        dec = "村上 茂" if a.startswith("murakami") or a == "hirano_miho" else "中村 勝利"
        s = rng.choice(["n.hattori", "o.araki"])
        para = (f"故 {dec} 様のご相続につき、各相続人様には個別にご案内しております。{ca['name']}様のお手続き書類を添付いたします。"
                "他の相続人様への開示はご本人のご意向によりお控えしております。")
        codes = {"content_recipient_mismatch", "attachment_recipient_mismatch"}
        if ca["name"].split()[0] == cb["name"].split()[0]:
            codes.add("similar_recipient")
        kw = {}
        to = [cb]
        if field != "to":
            to = [ca]
            kw[field] = [cb]
            codes.add("multiple_external_orgs")
        add("heir_docs_to_other_heir", "risky", s, to, "相続手続き書類のご送付", compose(s, salute(ca), [para]),
            atts=[mk(ca["name"], dec)], codes=codes,
            note=f"heir {ca['name']}'s papers (handled separately) to heir {cb['name']} in {field.capitalize()}", **kw)

    # ---------------------------------------------------------------- reply_all_third_party (8)
    ra = [
        ("m.ishikawa", "noguchi_takumi", "bayside", "事前審査の結果につきまして、他社のカードローン残高（45万円）と年収720万円を踏まえ、お借入額を3,800万円に減額してのご承認となりました。", None),
        ("k.hoshino", "sugiyama_chihiro", "maruyama_re", "ご提出いただいた源泉徴収票で年収を確認いたしました。勤続年数が1年未満のため、保証会社の追加審査が必要です。", lambda n: doc_loan_app(n)),
        ("k.uchida", "kubo_shota", "bayside", "団信の告知内容（高血圧の服薬）につきまして、引受保険会社から条件付きの回答がございました。", None),
        ("k.iwata", "takagi_mfg", "takagi_keiko", "今期の決算は営業赤字となっており、返済条件の変更（元金据置6か月）をご検討ください。試算表を添付します。", lambda n: doc_trial("takagi_mfg")),
        ("r.takagi", "hokushin", "ono_yuko", "11月分のご返済が未済となっております。延滞が続きますと期限の利益喪失の対象となります。", None),
        ("k.iwata", "maruyama_seiki", "maruyama_naoto", "リスケジュールのご相談の件、直近の資金繰り表と借入一覧をお送りください。現在の延滞額は420万円です。", None),
        ("m.ishikawa", "sugiyama_chihiro", "maruyama_re", "他行のお借入（奨学金 残高210万円）について、完済証明のご提出をお願いします。", None),
        ("s.kitamura", "murakami_k", "maruyama_re", "今期の受注減少を踏まえ、運転資金の追加は保証協会付きでのご対応となります。決算書の写しを添付します。", lambda n: doc_kessan("murakami_k")),
    ]
    for s, a, b, txt, mk in ra:
        ca = boss(a) if a in CORPS else P[a]
        cb = member(b) if b in ORGS else P[b]
        qt = quoted(ca, f"2026/12/0{rng.randint(1, 7)} 9:{rng.randint(10, 59):02d}",
                    f"{STAFF[s][0]} 様\n{cb['name'] if cb['kind'] == 'person' else cb['organization']}さんにも入っていただいております。\nよろしくお願いします。\n{ca['name']}")
        atts = [mk(ca["name"])] if mk else []
        add("reply_all_third_party", "risky", s, [ca], "RE: 今後の進め方について", compose(s, salute(ca, True), [txt], quote=qt),
            cc=[cb], atts=atts, codes={"multiple_external_orgs", "content_recipient_mismatch"},
            note=f"reply-all on {ca['name']}'s finances keeps {cb['name']} ({cb['organization']}) in Cc")

    # ---------------------------------------------------------------- customer_list_external (8)
    cl = [
        ("t.hori", member("fuunyu"), "DM発送リストの送付", lambda: [doc_customers(rng.randint(150, 300))], "年金受取先へのDM発送リストをお送りします。", None),
        ("y.chiba", member("fuunyu"), "封入データ", lambda: [doc_debit(rng.randint(80, 200))], "口座振替のご案内封入用のデータです。", None),
        ("s.kitamura", member("morita"), "延滞先の件", lambda: [doc_arrears(rng.randint(20, 45))], "法的手続きのご相談先の一覧をお送りします。", None),
        ("r.takagi", member("toto"), "RE: 残高確認について", lambda: [doc_debit(rng.randint(60, 120), "utf-8-sig")], "ご依頼の振替明細です。", None),
        ("m.ishikawa", member("bayside"), "ご紹介顧客リスト", lambda: [doc_customers(rng.randint(60, 120))], "住宅ローンのご紹介先候補のリストです。", None),
        ("t.hori", member("hibari", 1), "DM印刷用データ（パスワード別送）", None, "DM印刷用の顧客データをお送りします。パスワードは別途お送りします。", "pw"),
        ("k.iwata", member("cgc"), "延滞状況報告", lambda: [doc_arrears(rng.randint(25, 50), "csv")], "保証付き先の延滞状況をご報告いたします。", None),
        ("t.ando", member("toto", 1), "融資先一覧（協調案件候補）", None, "協調融資候補先の一覧をお送りします。パスワードは別メールにて。", "pw"),
    ]
    for s, t, subj, mk, txt, pw in cl:
        codes = {"bulk_pii", "pii_in_attachment"}
        note = f"customer data to {t['organization']} ({t['email']})"
        if pw:
            pwd = f"Asg{rng.randint(1000, 9999)}dm"
            inner = doc_customers(rng.randint(90, 260)) if "DM" in subj else doc_arrears(rng.randint(40, 80), "csv")
            atts = [(inner[0].rsplit(".", 1)[0] + ".zip", pw_zip([inner], pwd))]
            codes.add("unscannable_attachment")
            note += f" in a zip (password {pwd})"
        else:
            atts = mk()
        add("customer_list_external", "risky", s, [t], subj, compose(s, salute(t), [txt]), atts=atts, codes=codes, note=note)

    # ---------------------------------------------------------------- mynumber_in_body (5)
    mn = [
        ("s.seki", P["ishikawa_kazuko"], "ishikawa_kazuko", "非課税貯蓄申告書の記載内容の確認", "ご記入いただいた個人番号（{mn}）に誤りがないか、ご確認をお願いいたします。"),
        ("n.hattori", member("sasaki"), "murakami_yoko", "相続税申告の資料について", "村上 洋子 様の個人番号は {mn}、故 村上 茂 様の口座番号は {acc} です。申告書作成にお使いください。"),
        ("r.takagi", member("minato"), "towa_denki", "役員の方の個人番号について", "西村 康弘 様（代表取締役）の個人番号 {mn} を非課税貯蓄の届出に使用いたしました。"),
        ("y.imai", P["matsumoto_yumi"], "matsumoto_yumi", "お手続きのご連絡", "お届けの個人番号 {mn} にて登録が完了しました。"),
        ("y.chiba", member("fuunyu"), "fill13", "RE: 返送書類の件", "返送されてきた書類のうち、以下の方の個人番号記載分を再封入してください。\n{list}"),
    ]
    for s, t, about, subj, tmpl in mn:
        lst = "\n".join(f"{random_name()} {mynumber()}" for _ in range(rng.randint(3, 6)))
        txt = tmpl.format(mn=mynumber(), acc=account(), list=lst)
        atts = [doc_hikazei(PEOPLE[about][0] if about in PEOPLE else boss(about)["name"])] if rng.random() < 0.4 else []
        codes = {"sensitive_pii"} | ({"bulk_pii"} if "{list}" in tmpl else set())
        add("mynumber_in_body", "risky", s, [t], subj, compose(s, salute(t), [txt]), atts=atts, codes=codes,
            note=f"My Number written in the body, to {t['email']}")

    # ---------------------------------------------------------------- health_cert_wrong_party (6)
    hw = [("m.ishikawa", "noguchi_takumi", member("bayside")), ("k.uchida", "kubo_shota", member("morita")),
          ("k.hoshino", "sugiyama_chihiro", member("maruyama_re", 1)), ("m.ishikawa", "ishikawa_kenta", P["ishikawa_masao"]),
          ("k.uchida", "matsumoto_yuko", member("mirai", 1)), ("k.hoshino", "noguchi_takumi", member("cgc"))]
    for s, who, t in hw:
        n = P[who]["name"]
        add("health_cert_wrong_party", "risky", s, [t], f"団信書類の件（{n} 様）",
            compose(s, salute(t), [f"{n}様の団体信用生命保険の件で、健康診断書を添付いたします。"]),
            atts=[doc_health(n)], codes={"sensitive_pii"} | ({"attachment_recipient_mismatch"} if t["kind"] == "person" else set()),
            note=f"{n}'s 健康診断書 to {t['name']} ({t['organization']}), not the insurer's 団信 desk")

    # ---------------------------------------------------------------- lookalike_domain (7)
    lk = [
        ("k.iwata", HQ_C["shinsa-bu"], "asagiri-shinkn.example", "稟議書回付（高木製作所）", lambda: [doc_ringi("takagi_mfg")]),
        ("t.hori", HQ_C["kanri-bu"], "asagiri-shinkn.example", "延滞先リスト", lambda: [doc_arrears(rng.randint(20, 40))]),
        ("s.seki", HQ_C["jimu-bu"], "asagiri-sinkin.example", "口座振替データ", lambda: [doc_debit(rng.randint(50, 120))]),
        ("r.takagi", member("minato"), "minato-kaikel.example", "東和電機様 試算表", lambda: [doc_trial("towa_denki")]),
        ("k.iwata", boss("takagi_mfg"), "takagi-mgf.example", "返済予定表のご送付", lambda: [doc_repayment("株式会社高木製作所")]),
        ("t.ando", member("toto"), "toto-bamk.example", "協調融資 資料", lambda: [doc_kessan("nakamura_sz")]),
        ("s.kitamura", member("cgc"), "cgc-rninato.example", "保証申込書類（小松食品）", lambda: [doc_kessan("komatsu")]),
    ]
    for s, c, dom, subj, mk in lk:
        addr = c["email"].split("@")[0] + "@" + dom
        sal = salute(c) if c["kind"] != "internal" else f"{c['role']} 御中"
        add("lookalike_domain", "risky", s, [(c["name"], addr)], subj, compose(s, sal, ["資料を添付いたします。ご査収ください。"], intro=c["kind"] != "internal"),
            atts=mk(), codes={"lookalike_domain", "first_time_recipient"}, note=f"{c['email']} typed as {addr}")

    # ---------------------------------------------------------------- unknown_company_first_time (5)
    uk = [
        ("k.iwata", ("新井 税理士事務所", "info@arai-zeirishi.example"), "takagi_mfg", "決算書の送付（新しい顧問の先生へ）", lambda: [doc_kessan("takagi_mfg")]),
        ("r.takagi", ("経理代行 担当者", "keiri-daikou@bizsupport.test"), "hokushin", "試算表の件", lambda: [doc_trial("hokushin")]),
        ("m.ishikawa", ("野口 拓海", "noguchi.t@ymail-box.example"), "noguchi_takumi", "住宅ローン申込書控え", lambda: [doc_loan_app("野口 拓海")]),
        ("n.hattori", ("村上 浩二", "koji.murakami@freemail-jp.test"), "murakami_koji", "払戻しのご案内", lambda: [doc_heir_share("村上 浩二", "村上 茂")]),
        ("s.kitamura", ("コンサルタント 担当", "contact@keiei-partners.example.com"), "komatsu", "小松食品様 資金繰り資料", lambda: [doc_trial("komatsu")]),
    ]
    for s, (nm, addr), about, subj, mk in uk:
        sal = f"{nm} 様" if " " in nm and "担当" not in nm else f"{nm} 御中"
        add("unknown_company_first_time", "risky", s, [(nm, addr)], subj, compose(s, sal, ["ご依頼の資料を添付いたします。"]),
            atts=mk(), codes={"first_time_recipient", "pii_in_attachment"},
            note=f"{orgname(about)}'s papers to never-mailed {addr} (unknown domain or an unregistered free-mail address)")

    # ---------------------------------------------------------------- wrong_attachment (9)
    wa = [
        ("matsumoto_yumi", "ishikawa_masao", lambda n: doc_repayment(n), False),
        ("kubo_shota", "noguchi_takumi", lambda n: doc_loan_app(n), False),
        ("nakamura_naoto", "matsumoto_yuko", lambda n: doc_statement(n, "xlsx"), False),
        ("komatsu", "ishikawa_sg", lambda n: doc_kessan("ishikawa_sg"), False),
        ("midori", "repos", lambda n: doc_trial("repos"), False),
        ("takagi_osamu", "fill2", lambda n: doc_balance(n), False),
        ("hibari", "murakami_k", lambda n: doc_repayment("株式会社村上建設"), True),
        ("sugiyama_chihiro", "kubo_shota", lambda n: doc_health(n), True),
        ("towa_denki", "towa_densetsu", lambda n: doc_kessan("towa_densetsu"), True),
    ]
    for a, other, mk, inzip in wa:
        ca = keiri(a) if a in CORPS else P[a]
        oname = boss(other)["name"] if other in CORPS else P[other]["name"]
        s = sender_for(a)
        fn = mk(oname)
        atts = [("送付書類.zip", plain_zip([fn]))] if inzip else [fn]
        codes = {"attachment_recipient_mismatch"} | ({"sensitive_pii"} if "健康" in fn[0] else set())
        add("wrong_attachment", "risky", s, [ca], "ご依頼の書類の送付", compose(s, salute(ca), [f"{ca['name'].split()[0]}様よりご依頼の書類を添付にてお送りいたします。"]),
            atts=atts, codes=codes, note=f"to {ca['name']} ({ca['organization']}), attachment is for {orgname(other)}")


def main() -> None:
    hist, seen = make_history()
    gen_cases()
    rng.shuffle(CASES)
    out = HERE
    msgdir = os.path.join(out, "messages")
    shutil.rmtree(msgdir, ignore_errors=True)
    os.makedirs(msgdir)
    with open(os.path.join(out, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{BANK}"\ninternal_domains = ["{INTERNAL}"]\n')
    with open(os.path.join(out, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in CONTACTS:
            w.writerow([c["name"], c["kana"], c["email"], c["organization"]])
    with open(os.path.join(out, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in hist:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    labels = []
    day = dt.datetime(2026, 12, 1, 8, 45, tzinfo=JST)
    for i, c in enumerate(CASES, 1):
        c["fmt"] = c["fmt"] or pick_fmt()
        when = day + dt.timedelta(minutes=i * 190 + rng.randint(0, 120))
        raw = build(i, c, when)
        fn = f"messages/{i:04d}.eml"
        with open(os.path.join(out, fn), "wb") as f:
            f.write(raw)
        ext = [a for _, a in c["to"] + c["cc"] + c["bcc"] if not a.endswith("@" + INTERNAL)]
        codes = set(c["codes"])
        if any(a not in seen[iaddr(c["sender"])] for a in ext):
            codes.add("first_time_recipient")
        if c["expected"] == "ok" and ext:
            codes.add("external_recipient")
        labels.append({"file": fn, "expected": c["expected"], "codes": sorted(codes), "kind": c["kind"], "note": c["note"]})
    with open(os.path.join(out, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    fm = defaultdict(int)
    for c in CASES:
        fm[c["fmt_used"]] += 1
    print(f"{len(CONTACTS)} contacts, {len(hist)} history rows, {len(CASES)} messages; formats {dict(fm)}")


if __name__ == "__main__":
    main()
