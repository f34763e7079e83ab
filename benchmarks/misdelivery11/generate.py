"""Generate misdelivery11: labelled outgoing mail of a law firm (法律事務所) for the 誤送信 guard.

Run: /work/main/.venv/bin/python generate.py   (fixed seed 11011; needs openpyxl, python-docx, reportlab,
an IPAex/Japanese TTF font and the `zip` command). Rewrites mamori.toml, contacts.csv, history.jsonl,
labels.jsonl and messages/; README.md and validate.py are left alone. Every person, address, number and
figure is invented; all domains are reserved (*.example, *.test, *.example.com).
"""

# Japanese template strings are measured double-width; wrapping them would split sentences.
# ruff: noqa: E501

from __future__ import annotations

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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

SEED = 11011
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
FIRM = "弁護士法人 青嶺総合法律事務所"
FIRM_SHORT = "青嶺総合法律事務所"
DOM = "seirei-law.example"
JST = dt.timezone(dt.timedelta(hours=9))
FONT_CANDIDATES = ["/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                   "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"]

# ------------------------------------------------------------------ name pools (own, with kana and romaji)
SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("高橋", "タカハシ", "takahashi"), ("渡辺", "ワタナベ", "watanabe"),
    ("伊藤", "イトウ", "ito"), ("小林", "コバヤシ", "kobayashi"), ("中村", "ナカムラ", "nakamura"),
    ("山口", "ヤマグチ", "yamaguchi"), ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("清水", "シミズ", "shimizu"),
    ("斎藤", "サイトウ", "saito"), ("山崎", "ヤマザキ", "yamazaki"), ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"), ("阿部", "アベ", "abe"),
    ("石川", "イシカワ", "ishikawa"), ("前田", "マエダ", "maeda"), ("藤田", "フジタ", "fujita"),
    ("後藤", "ゴトウ", "goto"), ("岡本", "オカモト", "okamoto"), ("長谷川", "ハセガワ", "hasegawa"),
    ("村田", "ムラタ", "murata"), ("近藤", "コンドウ", "kondo"), ("坂本", "サカモト", "sakamoto"),
    ("遠藤", "エンドウ", "endo"), ("青山", "アオヤマ", "aoyama"), ("藤井", "フジイ", "fujii"),
    ("西村", "ニシムラ", "nishimura"), ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"),
    ("三浦", "ミウラ", "miura"), ("岡崎", "オカザキ", "okazaki"), ("松田", "マツダ", "matsuda"),
    ("原田", "ハラダ", "harada"), ("小野", "オノ", "ono"), ("竹内", "タケウチ", "takeuchi"),
    ("金子", "カネコ", "kaneko"), ("和田", "ワダ", "wada"), ("中野", "ナカノ", "nakano"),
    ("杉山", "スギヤマ", "sugiyama"), ("今井", "イマイ", "imai"), ("河野", "コウノ", "kono"),
    ("安藤", "アンドウ", "ando"), ("丸山", "マルヤマ", "maruyama"), ("内田", "ウチダ", "uchida"),
    ("菅原", "スガワラ", "sugawara"), ("野口", "ノグチ", "noguchi"), ("大塚", "オオツカ", "otsuka"),
]
COMMON = SURNAMES[:8]
GIVEN_M = [
    ("健一", "ケンイチ", "kenichi"), ("直樹", "ナオキ", "naoki"), ("浩二", "コウジ", "koji"),
    ("誠", "マコト", "makoto"), ("大輔", "ダイスケ", "daisuke"), ("隆", "タカシ", "takashi"),
    ("修", "オサム", "osamu"), ("和也", "カズヤ", "kazuya"), ("翔太", "ショウタ", "shota"),
    ("亮", "リョウ", "ryo"), ("智史", "サトシ", "satoshi"), ("拓也", "タクヤ", "takuya"),
    ("剛", "ツヨシ", "tsuyoshi"), ("英明", "ヒデアキ", "hideaki"), ("俊介", "シュンスケ", "shunsuke"),
    ("正人", "マサト", "masato"), ("勝", "マサル", "masaru"), ("悠斗", "ユウト", "yuto"),
    ("光男", "ミツオ", "mitsuo"), ("康弘", "ヤスヒロ", "yasuhiro"), ("雄一", "ユウイチ", "yuichi"),
    ("健", "ケン", "ken"), ("達也", "タツヤ", "tatsuya"), ("博之", "ヒロユキ", "hiroyuki"),
]
GIVEN_F = [
    ("美紀", "ミキ", "miki"), ("恵", "メグミ", "megumi"), ("優子", "ユウコ", "yuko"),
    ("由美", "ユミ", "yumi"), ("真理", "マリ", "mari"), ("陽子", "ヨウコ", "yoko"),
    ("さやか", "サヤカ", "sayaka"), ("千夏", "チナツ", "chinatsu"), ("麻衣", "マイ", "mai"),
    ("智子", "トモコ", "tomoko"), ("香織", "カオリ", "kaori"), ("綾", "アヤ", "aya"),
    ("久美子", "クミコ", "kumiko"), ("奈々", "ナナ", "nana"), ("里美", "サトミ", "satomi"),
    ("理恵", "リエ", "rie"), ("明美", "アケミ", "akemi"), ("沙織", "サオリ", "saori"),
    ("典子", "ノリコ", "noriko"), ("彩花", "アヤカ", "ayaka"), ("静香", "シズカ", "shizuka"),
]
FREEMAIL = ["kmail.example", "sakuramail.test", "webmail-jp.example.com", "hotline-mail.test", "freebox.example"]
PREFS = [("東京都", ["世田谷区", "練馬区", "杉並区", "大田区", "江戸川区", "足立区", "板橋区", "品川区"]),
         ("神奈川県", ["横浜市港北区", "川崎市中原区", "相模原市中央区", "藤沢市", "横浜市青葉区"]),
         ("埼玉県", ["さいたま市浦和区", "川口市", "所沢市", "越谷市"]),
         ("千葉県", ["船橋市", "市川市", "千葉市美浜区", "柏市"])]
TOWNS = ["桜台", "若葉町", "本町", "緑が丘", "東原", "中央", "富士見", "南台", "宮前", "松が丘", "旭町", "北野"]
BANKS = ["みなと銀行", "さくら台銀行", "東都信用金庫", "あさひ共同銀行", "ゆうき銀行"]
BRANCHES = ["本店営業部", "新宿支店", "横浜駅前支店", "大宮支店", "池袋東口支店", "船橋支店"]


@dataclass
class Org:
    name: str
    short: str
    dom: str
    kind: str
    dept: str = ""
    people: list = field(default_factory=list)


@dataclass
class Person:
    last: str
    first: str
    kana: str
    email: str
    org: Org
    title: str = ""
    rl: str = ""
    rf: str = ""

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"


def pick_name(common_p: float = 0.4, gender: str | None = None):
    s = R.choice(COMMON) if R.random() < common_p else R.choice(SURNAMES)
    g = gender or R.choice("mf")
    f = R.choice(GIVEN_M if g == "m" else GIVEN_F)
    return s, f


def local(fmt: int, s, f) -> str:
    return [f"{f[2]}.{s[2]}", f"{s[2]}.{f[2]}", f"{f[2][0]}.{s[2]}", f"{s[2]}", f"{s[2]}-{f[2][0]}",
            f"{s[2]}_{f[2]}"][fmt]


ALL: list[Person] = []
EMAILS: set[str] = set()
ORGS: list[Org] = []


def add(org: Org, s, f, title: str = "", lp: str | None = None) -> Person:
    if lp is None:
        lp = local(R.randrange(6), s, f)
    email = f"{lp}@{org.dom}"
    k = 2
    while email in EMAILS:
        email = f"{lp}{k}@{org.dom}"
        k += 1
    p = Person(s[0], f[0], f"{s[1]} {f[1]}", email, org, title, s[2], f[2])
    EMAILS.add(email)
    org.people.append(p)
    ALL.append(p)
    return p


def new_org(name, short, dom, kind, dept="", n=0, title="") -> Org:
    o = Org(name, short, dom, kind, dept)
    ORGS.append(o)
    for _ in range(n):
        add(o, *pick_name(), title=title)
    return o


# ------------------------------------------------------------------ the world
INTERNAL = Org(FIRM, FIRM_SHORT, DOM, "internal")
STAFF_DEF = [  # surname, given, role
    (("青木", "アオキ", "aoki"), ("雅人", "マサト", "masato"), "弁護士"),
    (("佐藤", "サトウ", "sato"), ("理沙", "リサ", "risa"), "弁護士"),
    (("高橋", "タカハシ", "takahashi"), ("宗一郎", "ソウイチロウ", "soichiro"), "弁護士"),
    (("中島", "ナカジマ", "nakajima"), ("由紀", "ユキ", "yuki"), "弁護士"),
    (("石井", "イシイ", "ishii"), ("拓真", "タクマ", "takuma"), "弁護士"),
    (("森下", "モリシタ", "morishita"), ("千尋", "チヒロ", "chihiro"), "弁護士"),
    (("大西", "オオニシ", "onishi"), ("恭平", "キョウヘイ", "kyohei"), "弁護士"),
    (("村上", "ムラカミ", "murakami"), ("美穂", "ミホ", "miho"), "事務員"),
    (("小林", "コバヤシ", "kobayashi"), ("彩", "アヤ", "aya"), "事務員"),
    (("松本", "マツモト", "matsumoto"), ("健太", "ケンタ", "kenta"), "事務員"),
    (("岡田", "オカダ", "okada"), ("詩織", "シオリ", "shiori"), "事務員"),
    (("渡辺", "ワタナベ", "watanabe"), ("真央", "マオ", "mao"), "事務員"),
]
STAFF = [add(INTERNAL, s, f, title=t, lp=f"{f[2][0]}.{s[2]}") for s, f, t in STAFF_DEF]
LAWYERS = [p for p in STAFF if p.title == "弁護士"]
CLERKS = [p for p in STAFF if p.title == "事務員"]

COURTS = [
    new_org("東京地方裁判所", "東京地裁", "tokyo-chisai.example", "court", "民事第27部", 3, "書記官"),
    new_org("東京地方裁判所 民事第20部（破産再生部）", "東京地裁民事20部", "tokyo-chisai-hasan.example", "court",
            "破産係", 2, "書記官"),
    new_org("東京家庭裁判所", "東京家裁", "tokyo-kasai.example", "court", "家事第6部", 3, "書記官"),
    new_org("横浜地方裁判所", "横浜地裁", "yokohama-chisai.example", "court", "第9民事部", 2, "書記官"),
    new_org("さいたま家庭裁判所", "さいたま家裁", "saitama-kasai.example", "court", "家事部", 2, "書記官"),
]
FIRMS = [
    new_org("丸の内中央法律事務所", "丸の内中央", "marunouchi-chuo.example", "counsel", "", 3, "弁護士"),
    new_org("銀座みなと法律事務所", "銀座みなと", "ginza-minato.example", "counsel", "", 3, "弁護士"),
    new_org("中央みなと法律事務所", "中央みなと", "chuo-minato.example", "counsel", "", 3, "弁護士"),
    new_org("弁護士法人 日比谷パーク法律事務所", "日比谷パーク", "hibiya-park-law.example", "counsel", "", 3, "弁護士"),
    new_org("虎ノ門リーガル法律事務所", "虎ノ門リーガル", "toranomon-legal.example", "counsel", "", 2, "弁護士"),
    new_org("桜木町あおば法律事務所", "桜木町あおば", "sakuragicho-aoba.example", "counsel", "", 2, "弁護士"),
]
INSURERS = [
    new_org("東日本あんしん損害保険株式会社", "あんしん損保", "anshin-sonpo.example", "insurer", "損害サービス第二課", 4,
            "担当"),
    new_org("みらい損害保険株式会社", "みらい損保", "mirai-sonpo.example", "insurer", "自動車損害サポート部", 3, "担当"),
    new_org("全国自動車共済協同組合", "自動車共済", "jidosha-kyosai.example", "insurer", "事故受付センター", 2, "担当"),
]
SHIHO = [new_org("司法書士法人 はるかぜ", "はるかぜ", "harukaze-shiho.example", "shiho", "", 2, "司法書士"),
         new_org("森田司法書士事務所", "森田司法書士", "morita-shiho.example", "shiho", "", 2, "司法書士")]
EXPERTS = [new_org("株式会社東都不動産鑑定", "東都鑑定", "toto-kantei.example", "expert", "鑑定部", 2, "不動産鑑定士"),
           new_org("医療法人 清和会 清和整形外科", "清和整形外科", "seiwa-seikei.example", "expert", "", 2, "医師"),
           new_org("株式会社事故解析ラボ", "事故解析ラボ", "jiko-lab.example", "expert", "調査部", 2, "調査員"),
           new_org("税理士法人 ひのき会計", "ひのき会計", "hinoki-tax.example", "expert", "資産税部", 3, "税理士")]
INTERP = [new_org("合同会社リンガブリッジ", "リンガブリッジ", "lingabridge.example", "interp", "通訳コーディネート", 3,
                  "通訳人"),
          new_org("株式会社東京翻訳センター", "東京翻訳センター", "tokyo-honyaku.example", "interp", "法務翻訳課", 2, "")]
VENDORS = [new_org("株式会社丸和印刷", "丸和印刷", "maruwa-print.example", "vendor", "営業部", 2),
           new_org("リーガルクラウド株式会社", "リーガルクラウド", "legalcloud.example", "vendor", "カスタマーサクセス", 3),
           new_org("株式会社文書保管サービス", "文書保管サービス", "bunsho-hokan.example", "vendor", "", 2),
           new_org("株式会社ジャパン調査サービス", "ジャパン調査", "japan-chosa.example", "vendor", "", 2)]
COMPANIES = [new_org("株式会社北斗精機", "北斗精機", "hokuto-seiki.example", "client_co", "法務部", 4),
             new_org("株式会社北斗ロジスティクス", "北斗ロジ", "hokuto-logi.example", "client_co", "総務法務課", 3),
             new_org("三峰商事株式会社", "三峰商事", "mitsumine.example", "client_co", "法務コンプライアンス部", 3),
             new_org("株式会社天竜建設", "天竜建設", "tenryu-kensetsu.example", "client_co", "管理本部 法務課", 3),
             new_org("株式会社アークホーム", "アークホーム", "arc-home.example", "client_co", "法務部", 3)]
OPP_COS = [new_org("株式会社港南リース", "港南リース", "konan-lease.example", "opp_co", "法務部", 2),
           new_org("株式会社ベイサイド開発", "ベイサイド開発", "bayside-kaihatsu.example", "opp_co", "総務部", 2)]
CREDITORS = [new_org("株式会社ひまわりファイナンス", "ひまわりファイナンス", "himawari-fin.example", "creditor", "債権管理部", 2),
             new_org("みどり信販株式会社", "みどり信販", "midori-shinpan.example", "creditor", "管理課", 2),
             new_org("株式会社あおぞらカード", "あおぞらカード", "aozora-card.example", "creditor", "債権管理センター", 2),
             new_org("城東信用金庫", "城東信金", "joto-shinkin.example", "creditor", "融資管理課", 2),
             new_org("株式会社オリオン債権回収", "オリオン債権回収", "orion-servicer.example", "creditor", "管理部", 2),
             new_org("株式会社スマイルローン", "スマイルローン", "smile-loan.example", "creditor", "お客様相談室", 2)]


def person_org(label: str) -> Org:
    o = Org(label, label, "", "individual")
    ORGS.append(o)
    return o


def add_individual(label: str, s=None, f=None, gender=None) -> Person:
    if s is None:
        s, f = pick_name(0.45, gender)
    o = person_org(label)
    o.dom = R.choice(FREEMAIL)
    lp = R.choice([f"{f[2]}.{s[2]}{R.randrange(10, 99)}", f"{s[2]}{f[2][0]}{R.randrange(100, 999)}",
                   f"{f[2]}_{s[2][:4]}{R.randrange(1, 30)}", f"{s[2]}.{f[2]}.{R.randrange(60, 99)}"])
    return add(o, s, f, lp=lp)


@dataclass
class Matter:
    mid: str
    typ: str
    client: Person
    opp_name: str
    lawyer: Person
    clerk: Person
    opp_person: Person | None = None
    counsel: Person | None = None
    court: Person | None = None
    case_no: str = ""
    insurer: Person | None = None
    creditors: list = field(default_factory=list)
    experts: list = field(default_factory=list)
    heirs: list = field(default_factory=list)


MATTERS: list[Matter] = []
NEVER: set[str] = set()


def sn(x):
    return next(s for s in SURNAMES + [t[0] for t in STAFF_DEF] if s[0] == x)


def gn(x):
    return next(g for g in GIVEN_M + GIVEN_F if g[0] == x)


def build_matters() -> None:
    typs = ["交通事故"] * 8 + ["離婚"] * 6 + ["相続"] * 5 + ["債務整理"] * 6 + ["企業法務"] * 6
    for i, typ in enumerate(typs):
        mid = f"S-26-{101 + i * 7:04d}"
        lawyer = LAWYERS[i % len(LAWYERS)]
        clerk = CLERKS[(i * 3) % len(CLERKS)]
        if typ == "企業法務":
            co = COMPANIES[i % len(COMPANIES)]
            client = R.choice(co.people)
            opp = R.choice([*OPP_COS, None, None])
            opp_name = opp.name if opp else R.choice(["株式会社ミナト商会", "有限会社大谷製作所", "株式会社グリーンテック",
                                                      "東和システム株式会社"])
            m = Matter(mid, typ, client, opp_name, lawyer, clerk)
            if opp:
                m.opp_person = R.choice(opp.people)
        else:
            client = add_individual(f"個人（依頼者・{mid}）")
            if typ == "債務整理":
                opp_name = ""
            else:
                os_, of = pick_name(0.45)
                opp_name = f"{os_[0]} {of[0]}"
            m = Matter(mid, typ, client, opp_name, lawyer, clerk)
            if typ in ("離婚", "相続") and R.random() < 0.7:
                os_, of = opp_name.split()[0], opp_name.split()[1]
                m.opp_person = add_individual(f"個人（相手方・{mid}）", sn(os_), gn(of))
        if typ != "債務整理" and R.random() < 0.8:
            m.counsel = R.choice(R.choice(FIRMS).people)
        if typ == "交通事故":
            m.insurer = R.choice(R.choice(INSURERS).people)
            m.court = R.choice(R.choice([COURTS[0], COURTS[3]]).people)
            m.experts = [R.choice(EXPERTS[1].people + EXPERTS[2].people)]
            m.case_no = f"令和8年(ワ)第{R.randrange(1000, 9999)}号"
        elif typ == "離婚":
            m.court = R.choice(R.choice([COURTS[2], COURTS[4]]).people)
            m.case_no = f"令和8年(家イ)第{R.randrange(100, 2999)}号"
            if R.random() < 0.4:
                m.experts = [R.choice(INTERP[0].people)]
        elif typ == "相続":
            m.court = R.choice(R.choice([COURTS[2], COURTS[4]]).people)
            m.case_no = f"令和8年(家イ)第{R.randrange(3000, 6999)}号"
            m.experts = [R.choice(SHIHO[0].people + SHIHO[1].people), R.choice(EXPERTS[3].people),
                         R.choice(EXPERTS[0].people)]
            m.heirs = [(sn(client.last) if R.random() < 0.6 else pick_name(0)[0], pick_name(0)[1])
                       for _ in range(R.randrange(2, 4))]
        elif typ == "債務整理":
            m.creditors = [R.choice(c.people) for c in R.sample(CREDITORS, R.randrange(3, 6))]
            m.court = R.choice(COURTS[1].people)
            m.case_no = f"令和8年(フ)第{R.randrange(1000, 8999)}号"
        else:
            m.court = R.choice(COURTS[0].people)
            m.case_no = f"令和8年(ワ)第{R.randrange(10000, 29999)}号"
        MATTERS.append(m)


build_matters()

# planted collisions -------------------------------------------------------
def drop(p: Person | None) -> None:
    """Remove a person (and the one-person organisation of an individual) from the address book."""
    if p is None:
        return
    p.org.people.remove(p)
    ALL.remove(p)
    EMAILS.discard(p.email)
    if p.org.kind == "individual":
        ORGS.remove(p.org)


# full-name twins with the same local part at a sister company
TWIN_N_SATO_A = add(COMPANIES[0], sn("佐藤"), gn("直樹"), lp="n.sato")
TWIN_N_SATO_B = add(COMPANIES[1], sn("佐藤"), gn("直樹"), lp="n.sato")
# opposing counsel with the same surname as a client in the same matter (traffic) and in another (divorce)
m_tr = next(m for m in MATTERS if m.typ == "交通事故")
drop(m_tr.client)
m_tr.client = add_individual(f"個人（依頼者・{m_tr.mid}）", sn("渡辺"), gn("浩二"))
m_tr.counsel = add(FIRMS[0], sn("渡辺"), gn("誠"), title="弁護士")
m_dv = next(m for m in MATTERS if m.typ == "離婚")
m_dv.counsel = add(FIRMS[1], sn("高橋"), gn("陽子"), title="弁護士")
drop(MATTERS[20].client)
TWIN_TAKAHASHI_CLIENT = add_individual(f"個人（依頼者・{MATTERS[20].mid}）", sn("高橋"), gn("陽子"))
MATTERS[20].client = TWIN_TAKAHASHI_CLIENT
# the same full name at two firms sharing a name stem (中村 優子)
TWIN_NAKAMURA_A = add(FIRMS[1], sn("中村"), gn("優子"), title="弁護士", lp="y.nakamura")
TWIN_NAKAMURA_B = add(FIRMS[2], sn("中村"), gn("優子"), title="弁護士", lp="y.nakamura")
# insurer adjuster and a private client with the same full name
TWIN_ITO_INS = add(INSURERS[0], sn("伊藤"), gn("恵"), title="担当", lp="megumi.ito")
m_ito = next(m for m in MATTERS if m.typ == "債務整理")
drop(m_ito.client)
m_ito.client = add_individual(f"個人（依頼者・{m_ito.mid}）", sn("伊藤"), gn("恵"))
# clerk and an unrepresented opposing party with the same full name
TWIN_KOBA_CLERK = add(COURTS[2], sn("小林"), gn("健"), title="書記官", lp="kobayashi-k")
m_kb = [m for m in MATTERS if m.typ == "離婚"][2]
m_kb.counsel = None
m_kb.opp_name = "小林 健"
drop(m_kb.opp_person)
m_kb.opp_person = add_individual(f"個人（相手方・{m_kb.mid}）", sn("小林"), gn("健"))
# a client company's person and a private client sharing surname+given and local part stem
TWIN_YAMA_CO = add(COMPANIES[2], sn("山口"), gn("隆"), lp="t.yamaguchi")
m_ym = [m for m in MATTERS if m.typ == "相続"][1]
drop(m_ym.client)
m_ym.client = add_individual(f"個人（依頼者・{m_ym.mid}）", sn("山口"), gn("隆"))
# fresh people at known organisations never written to (first mails)
for o in [COURTS[0], COURTS[2], INSURERS[0], INSURERS[1], FIRMS[3], COMPANIES[0], COMPANIES[3], CREDITORS[1],
          EXPERTS[3], SHIHO[0]]:
    NEVER.add(add(o, *pick_name(), title=o.people[0].title).email)

# extra private individuals in the address book (former clients, witnesses) — more same surnames
FORMER = [add_individual(f"個人（元依頼者・S-25-{300 + i:04d}）") for i in range(14)]
# more people at orgs so surnames collide more
for o in FIRMS + INSURERS + COMPANIES + CREDITORS + COURTS + VENDORS:
    for _ in range(R.randrange(1, 3)):
        add(o, *pick_name(0.6), title=o.people[0].title)

EXTERNAL = [p for p in ALL if p.org is not INTERNAL]
CLIENT_LABELS = ("個人（依頼者", "個人（元依頼者")
BY_MAIL = {p.email: p for p in ALL}


def matter_contacts(m: Matter) -> list[Person]:
    xs = [m.client, m.counsel, m.court, m.insurer, *m.creditors, *m.experts]
    if m.opp_person and not m.counsel:
        xs.append(m.opp_person)
    return [x for x in xs if x is not None and x.email not in NEVER]


# ------------------------------------------------------------------ history
HIST_START = dt.datetime(2025, 12, 1, tzinfo=JST)
MSG_START = dt.datetime(2026, 12, 1, tzinfo=JST)
H_SUBJ = ["【{mid}】ご連絡", "【{mid}】期日のご案内", "Re: 【{mid}】資料のご送付", "打合せ日程の件",
          "Re: ご依頼の件", "【{mid}】書面送付のご連絡", "RE: 次回期日について", "ご確認のお願い（{mid}）",
          "【{mid}】ご報告", "Re: Re: 打合せ日程の件"]
H_INT = ["【{mid}】起案チェックのお願い", "Re: 期日管理表", "【{mid}】記録整理", "会議室予約", "Re: 書式の件",
         "【{mid}】送付状作成"]


def rand_time(start: dt.datetime, days: int) -> dt.datetime:
    while True:
        d = start + dt.timedelta(days=R.randrange(days))
        if d.weekday() < 5:
            break
    return d.replace(hour=R.choice([8, 9, 9, 10, 11, 11, 13, 14, 15, 16, 17, 18, 19, 20]), minute=R.randrange(60),
                     second=R.randrange(60))


def owned(s: Person) -> list[Matter]:
    return [m for m in MATTERS if m.lawyer is s or m.clerk is s]


def history() -> list[dict]:
    rows = []
    while len(rows) < 3200:
        s = R.choices(STAFF, [3 if s.title == "弁護士" else 2 for s in STAFF])[0]
        when = rand_time(HIST_START, 360)
        x = R.random()
        ms = owned(s)
        m = R.choice(ms) if ms else R.choice(MATTERS)
        if x < 0.8 and ms:
            cs = matter_contacts(m)
            w = [5 if c is m.client else 2 for c in cs]
            to = [R.choices(cs, w)[0].email]
            cc = []
            if R.random() < 0.3:
                cc.append((m.clerk if s is m.lawyer else m.lawyer).email)
            if m.client.org.kind == "client_co" and R.random() < 0.3:
                cc.append(R.choice([p for p in m.client.org.people if p.email not in NEVER]).email)
            subj = R.choice(H_SUBJ).format(mid=m.mid)
        elif x < 0.95:
            to = [o.email for o in R.sample([o for o in STAFF if o is not s], R.choice([1, 1, 2]))]
            cc = []
            subj = R.choice(H_INT).format(mid=m.mid)
        else:
            p = R.choice([p for p in EXTERNAL if p.email not in NEVER and p.org.kind not in ("individual",)])
            to, cc = [p.email], []
            subj = R.choice(H_SUBJ).format(mid=m.mid)
        to = list(dict.fromkeys(to))
        cc = [c for c in dict.fromkeys(cc) if c not in to]
        rows.append({"date": when.isoformat(), "from": s.email, "to": to, "cc": cc, "subject": subj})
    # former clients were mailed by a few people a year ago; opposing parties before counsel was appointed
    for p in FORMER:
        s = R.choice(STAFF)
        rows.append({"date": rand_time(HIST_START, 60).isoformat(), "from": s.email, "to": [p.email], "cc": [],
                     "subject": "ご依頼事件終了のご報告"})
    for m in MATTERS:
        if m.opp_person and m.counsel:
            rows.append({"date": rand_time(HIST_START, 90).isoformat(), "from": m.lawyer.email,
                         "to": [m.opp_person.email], "cc": [], "subject": f"【{m.mid}】ご通知"})
    rows.sort(key=lambda r: r["date"])
    return rows


HIST = history()
SENT: dict[str, set] = defaultdict(set)
for r in HIST:
    for a in r["to"] + r["cc"]:
        SENT[r["from"]].add(a)


# ------------------------------------------------------------------ small data helpers
def address() -> str:
    pref, cities = R.choice(PREFS)
    a = f"{pref}{R.choice(cities)}{R.choice(TOWNS)}{R.randrange(1, 6)}丁目{R.randrange(1, 30)}番{R.randrange(1, 20)}号"
    if R.random() < 0.4:
        a += f" {R.choice(['コーポ', 'ハイツ', 'メゾン', 'パークハウス'])}{R.choice(TOWNS)}{R.randrange(101, 905)}"
    return a


def postal() -> str:
    return f"〒{R.randrange(100, 360)}-{R.randrange(0, 9999):04d}"


def mobile() -> str:
    return f"0{R.choice('789')}0-{R.randrange(1000, 9999)}-{R.randrange(1000, 9999)}"


def birth(lo: int = 1950, hi: int = 2000) -> str:
    return f"{R.randrange(lo, hi)}年{R.randrange(1, 13)}月{R.randrange(1, 29)}日"


def account() -> str:
    return f"{R.choice(BANKS)} {R.choice(BRANCHES)} 普通 {R.randrange(1000000, 9999999)}"


def my_number() -> str:
    d = [R.randrange(10) for _ in range(11)]
    d[0] = R.randrange(1, 10)
    tot = 0
    for n in range(1, 12):
        p = d[11 - n]
        q = n + 1 if n <= 6 else n - 5
        tot += p * q
    r = tot % 11
    c = 0 if r <= 1 else 11 - r
    s = "".join(map(str, d)) + str(c)
    return f"{s[:4]} {s[4:8]} {s[8:]}"


def yen(n: int) -> str:
    return f"{n:,}円"


def workday(days: int) -> dt.date:
    """The first weekday (not 12/29-1/3) at least `days` after the start of the message month."""
    d = (MSG_START + dt.timedelta(days=days)).date()
    while d.weekday() >= 5 or (d.month, d.day) in ((12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)):
        d += dt.timedelta(days=1)
    return d


def jdate(d: dt.date) -> str:
    return f"{d.month}月{d.day}日（{'月火水木金土日'[d.weekday()]}）"


def rand_person_row():
    s, f = pick_name(0.3)
    return f"{s[0]} {f[0]}", f"{s[1]} {f[1]}"


# ------------------------------------------------------------------ attachments
def _font() -> str:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    rl_config.invariant = 1
    try:
        pdfmetrics.getFont("JPG")
    except KeyError:
        path = next(p for p in FONT_CANDIDATES if os.path.exists(p))
        pdfmetrics.registerFont(TTFont("JPG", os.path.realpath(path)))
    return "JPG"


def pdf_bytes(lines: list[str], title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle(title)
    y = 800
    c.setFont(font, 15)
    c.drawString(60, y, title)
    y -= 30
    for ln in lines:
        c.setFont(font, 10)
        c.drawString(60, y, ln)
        y -= 16
        if y < 60:
            c.showPage()
            y = 800
    c.showPage()
    c.save()
    return buf.getvalue()


def xlsx_bytes(sheets: list[tuple[str, list[list]]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = FIRM_SHORT
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(title: str, paras: list[str], table: list[list] | None = None) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for p in paras:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def csv_bytes(rows: list[list], enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    try:
        return s.getvalue().encode(enc)
    except UnicodeEncodeError:
        return s.getvalue().encode("utf-8-sig")


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files:
            z.writestr(n, b)
    return buf.getvalue()


def zip_pw_bytes(files: list[tuple[str, bytes]], pw: str) -> bytes:
    tmp = tempfile.mkdtemp(prefix="m11gen")
    try:
        for n, b in files:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(b)
        subprocess.run(["zip", "-q", "-P", pw, "out.zip"] + [n for n, _ in files], cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


CT = {"pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "csv": "text/csv",
      "zip": "application/zip"}


def att(name: str, data: bytes) -> tuple[str, bytes, str]:
    return name, data, CT[name.rsplit(".", 1)[-1]]


def party_lines(m: Matter) -> list[str]:
    if m.typ in ("交通事故", "企業法務"):
        cl = m.client.org.name if m.client.org.kind == "client_co" else m.client.name
        return [f"事件番号　{m.case_no}", f"原告　{cl}", f"被告　{m.opp_name or '株式会社ミナト商会'}"]
    if m.typ in ("離婚", "相続"):
        return [f"事件番号　{m.case_no}", f"申立人　{m.client.name}", f"相手方　{m.opp_name}"]
    return [f"事件番号　{m.case_no}", f"申立人（債務者）　{m.client.name}"]


def doc_junbi(m: Matter, fmt: str = "pdf", n: int = 0):
    n = n or R.randrange(1, 5)
    body = [*party_lines(m), f"準備書面（{n}）", f"{MSG_START.year}年12月  日", f"{FIRM} {m.lawyer.title} {m.lawyer.name}", "第1 被告の主張に対する認否", "1 被告準備書面第2項は否認する。", "2 同第3項のうち、事故態様に関する部分は争う。", "第2 原告の主張", "原告の損害は別紙損害計算書記載のとおりである。"]
    if fmt == "docx":
        return att(f"準備書面（{n}）_{m.mid}.docx", docx_bytes(f"準備書面（{n}）", body))
    return att(f"準備書面（{n}）_{m.mid}.pdf", pdf_bytes(body, f"準備書面（{n}）"))


def settlement(m: Matter) -> tuple[int, int]:
    a = R.randrange(18, 95) * 100000
    return a, a + R.randrange(5, 30) * 100000


def doc_wakai(m: Matter, amount: int, fmt: str = "docx"):
    cl = m.client.org.name if m.client.org.kind == "client_co" else m.client.name
    paras = [*party_lines(m), "和解条項（案）",
             f"1 {m.opp_name or '相手方'}は、{cl}に対し、本件解決金として金{yen(amount)}の支払義務があることを認める。",
             f"2 前項の金員は、{MSG_START.year + 1}年2月末日限り、下記口座に振り込む方法により支払う。",
             f"  {FIRM} 預り金口 {account()}", "3 当事者双方は、本和解条項に定めるほか何らの債権債務がないことを確認する。"]
    if fmt == "pdf":
        return att(f"和解条項案_{m.mid}.pdf", pdf_bytes(paras, "和解条項（案）"))
    return att(f"和解条項案_{m.mid}.docx", docx_bytes("和解条項（案）", paras))


def doc_koseki(p: Person, m: Matter):
    spouse = rand_person_row()[0]
    lines = [f"本籍　{address()}", f"氏名　{p.name}", "戸籍事項　戸籍編製　平成15年4月1日",
             f"戸籍に記録されている者　{p.name}（{p.kana}）", f"生年月日　{birth()}", f"父　{p.last} {rand_person_row()[0].split()[1]}",
             f"配偶者　{spouse}", "以下余白", "これは戸籍に記録されている事項の全部を証明した書面の写しである。"]
    return att(f"戸籍謄本_{p.last}様.pdf", pdf_bytes(lines, "戸籍全部事項証明書（写し）"))


DIAG = ["頸椎捻挫", "腰椎捻挫", "右橈骨遠位端骨折", "外傷性頚部症候群", "左膝前十字靱帯損傷", "脳震盪後症候群"]
PSY = ["適応障害", "うつ病", "心的外傷後ストレス障害（PTSD）", "不安障害"]


def doc_shindan(p: Person, m: Matter, fmt: str = "pdf", psych: bool = False):
    dx = R.choice(PSY if psych else DIAG)
    lines = [f"氏名　{p.name}　様", f"生年月日　{birth()}", f"住所　{address()}", f"傷病名　{dx}",
             f"初診日　2026年{R.randrange(3, 10)}月{R.randrange(1, 28)}日",
             "所見　受傷後より疼痛持続。投薬及び通院加療を要する。" if not psych else
             "所見　不眠・抑うつ気分が持続し、月2回の通院及び服薬（抗うつ薬）を継続中。",
             f"上記のとおり診断します。　{EXPERTS[1].name if not psych else 'こころのクリニック目白'}　医師 {rand_person_row()[0]}"]
    title = "後遺障害診断書" if (not psych and R.random() < 0.4) else "診断書"
    if fmt == "docx":
        return att(f"{title}_{p.last}.docx", docx_bytes(title, lines))
    return att(f"{title}_{p.last}.pdf", pdf_bytes(lines, title))


def doc_tsucho(p: Person, fmt: str = "xlsx"):
    acct = account()
    rows = [["口座名義", p.name, "口座", acct], ["日付", "摘要", "お支払金額", "お預り金額", "残高"]]
    bal = R.randrange(50, 900) * 1000
    for _i in range(R.randrange(12, 30)):
        amt = R.randrange(1, 150) * 1000
        dep = R.random() < 0.3
        bal += amt if dep else -amt
        rows.append([f"2026-{R.randrange(6, 12):02d}-{R.randrange(1, 28):02d}",
                     R.choice(["給与", "カード", "ATM", "振込 " + rand_person_row()[1].split()[0], "電気料金", "家賃"]),
                     "" if dep else amt, amt if dep else "", bal])
    if fmt == "pdf":
        return att(f"通帳写し_{p.last}.pdf", pdf_bytes([" ".join(map(str, r)) for r in rows], "預金取引明細"))
    return att(f"預金取引明細_{p.last}.xlsx", xlsx_bytes([("明細", rows)]))


def doc_saiken(m: Matter, fmt: str = "xlsx"):
    head = [["債務者", m.client.name, "住所", address()], ["番号", "債権者名", "借入開始", "残債務額", "担当者"]]
    rows = []
    for i, c in enumerate(m.creditors, 1):
        rows.append([i, c.org.name, f"20{R.randrange(12, 24)}年{R.randrange(1, 13)}月", R.randrange(20, 300) * 10000,
                     c.name])
    for _j in range(R.randrange(1, 3)):
        rows.append([len(rows) + 1, R.choice(["個人（知人）", "株式会社ニコニコ信販", "大手町カード株式会社"]),
                     "2021年頃", R.randrange(10, 90) * 10000, ""])
    if fmt == "pdf":
        return att(f"債権者一覧表_{m.client.last}.pdf", pdf_bytes([" ".join(map(str, r)) for r in head + rows],
                                                              "債権者一覧表"))
    if fmt == "csv":
        return att(f"債権者一覧表_{m.client.last}.csv", csv_bytes(head + rows))
    return att(f"債権者一覧表_{m.client.last}.xlsx", xlsx_bytes([("債権者一覧", head + rows)]))


def doc_sozoku(m: Matter, fmt: str = "docx"):
    dead = rand_person_row()[0]
    tbl = [["続柄", "氏名", "生年月日", "住所"], ["被相続人", dead, birth(1930, 1950), address()],
           ["相続人（長男）" if R.random() < 0.5 else "相続人（長女）", m.client.name, birth(1955, 1980), address()]]
    for s, f in m.heirs:
        tbl.append([R.choice(["相続人（二男）", "相続人（二女）", "相続人（孫・代襲）"]), f"{s[0]} {f[0]}",
                    birth(1955, 1990), address()])
    if m.opp_name:
        tbl.append(["相続人（相手方）", m.opp_name, birth(1955, 1980), address()])
    if fmt == "pdf":
        return att(f"相続関係説明図_{m.mid}.pdf", pdf_bytes([" / ".join(r) for r in tbl], "相続関係説明図"))
    return att(f"相続関係説明図_{m.mid}.docx", docx_bytes("相続関係説明図", [f"被相続人 {dead} 相続関係説明図"], tbl))


def doc_kyugyo(m: Matter):
    p = m.client
    lines = [f"被害者氏名　{p.name}", f"住所　{address()}", f"勤務先　株式会社{R.choice(['大和', '富士', '丸光', '協栄'])}工業",
             f"休業期間　2026年{R.randrange(4, 9)}月{R.randrange(1, 28)}日から{R.randrange(10, 60)}日間",
             f"事故前3か月の給与総額　{yen(R.randrange(70, 140) * 10000)}", f"傷病名　{R.choice(DIAG)}"]
    return att(f"休業損害証明書_{p.last}.pdf", pdf_bytes(lines, "休業損害証明書"))


def doc_junin(m: Matter, c: Person):
    lines = [f"{c.org.name} {c.org.dept} 御中", "受任通知", f"債務者　{m.client.name}（{birth()}生）",
             f"住所　{address()}", "当職らは、上記債務者から債務整理の委任を受けました。",
             "今後、債務者本人及び家族への連絡・取立てはお控えください。", "取引履歴の開示をお願いいたします。",
             f"{FIRM} 弁護士 {m.lawyer.name}"]
    return att(f"受任通知_{c.org.short}御中.pdf", pdf_bytes(lines, "受任通知"))


def doc_kijitsu(m: Matter):
    lines = [*party_lines(m), "期日請書", f"次回期日　{MSG_START.year + 1}年1月{R.randrange(13, 30)}日 午前10時30分",
             "上記期日に出頭いたします。", f"{FIRM} 弁護士 {m.lawyer.name}"]
    return att(f"期日請書_{m.mid}.pdf", pdf_bytes(lines, "期日請書"))


def doc_shoko(m: Matter):
    rows = [["号証", "標目", "作成者", "立証趣旨"]] + [
        [f"甲第{i}号証", t, a, z] for i, (t, a, z) in enumerate(
            [("交通事故証明書", "自動車安全運転センター", "事故の発生"), ("診療報酬明細書", "清和整形外科", "治療経過"),
             ("源泉徴収票", "勤務先", "基礎収入"), ("写真撮影報告書", "原告代理人", "車両損傷状況")], 1)]
    return att(f"証拠説明書_{m.mid}.docx", docx_bytes("証拠説明書", party_lines(m), rows))


def doc_contract(co: Org, other: str):
    paras = [f"業務委託基本契約書（{co.short}修正案）", f"委託者　{co.name}", f"受託者　{other}",
             "第5条（秘密保持）受託者は本契約に関して知り得た委託者の情報を第三者に開示してはならない。",
             "第12条（損害賠償）賠償額の上限は直近12か月の委託料総額とする。", f"コメント：{FIRM_SHORT}"]
    return att(f"契約書修正案_{co.short}.docx", docx_bytes("業務委託基本契約書（修正案）", paras))


def client_list_rows(n: int, sensitive: bool = False) -> list[list]:
    rows = [["事件番号", "依頼者氏名", "フリガナ", "生年月日", "住所", "電話", "事件種別", "相手方"]
            + (["備考"] if sensitive else [])]
    for _i in range(n):
        nm, kn = rand_person_row()
        typ = R.choice(["交通事故", "離婚", "相続", "債務整理", "労働", "刑事"])
        r = [f"S-2{R.randrange(4, 7)}-{R.randrange(1, 9999):04d}", nm, kn, birth(1945, 2003), address(), mobile(), typ,
             rand_person_row()[0] if typ not in ("債務整理", "刑事") else ""]
        if sensitive:
            r.append(R.choice(["うつ病で通院中", "DV被害・保護命令あり", "前科あり（窃盗）", "身体障害者手帳2級",
                               "生活保護受給中", ""]))
        rows.append(r)
    return rows


# ------------------------------------------------------------------ message assembly
def sal(p: Person, style: int | None = None) -> str:
    o = p.org
    st = R.randrange(3) if style is None else style
    if o.kind == "individual":
        return [f"{p.name} 様", f"{p.last}様", f"{p.last} {p.first}様"][st]
    if o.kind == "counsel":
        return [f"{o.name}\n弁護士 {p.name} 先生", f"{o.short} {p.last}先生", f"{o.name}\n{p.last} 先生"][st]
    if o.kind == "court":
        return [f"{o.name} {o.dept}\n書記官 {p.name} 様", f"{o.short}{o.dept} {p.last}書記官",
                f"{o.name}\n{o.dept} {p.last} 様"][st]
    if o.kind == "internal":
        return [f"{p.last}さん", f"{p.last}先生" if p.title == "弁護士" else f"{p.last}さん", f"{p.name}さん"][st]
    dept = f" {o.dept}" if o.dept else ""
    return [f"{o.name}{dept}\n{p.name} 様", f"{o.short} {p.last}様", f"{o.name}\n{p.last} 様"][st]


def signature(s: Person) -> str:
    st = R.randrange(3)
    if st == 0:
        return (f"--\n{FIRM}\n{s.title} {s.name}\n〒100-0005 東京都千代田区丸の内三丁目8番2号 青嶺ビル9階\n"
                f"TEL 03-6212-4480 / FAX 03-6212-4481\n{s.email}")
    if st == 1:
        return f"――――――――――\n{FIRM_SHORT}\n{s.name}（{s.title}）\n03-6212-4480"
    return f"{FIRM_SHORT}　{s.title}　{s.name}"


GREET = ["いつもお世話になっております。", "お世話になっております。", "平素より大変お世話になっております。",
         "ご連絡ありがとうございます。", "先日はありがとうございました。"]
CLOSE = ["よろしくお願いいたします。", "何卒よろしくお願い申し上げます。", "ご確認のほど、よろしくお願いいたします。",
         "ご不明な点がございましたら、お気軽にご連絡ください。"]


def body(s: Person, salutation: str, middle: str, first: bool = False) -> str:
    g = (f"はじめてご連絡差し上げます。{FIRM_SHORT}の{s.name}と申します。" if first
         else f"{R.choice(GREET)}\n{FIRM_SHORT}の{s.last}です。")
    return f"{salutation}\n\n{g}\n\n{middle.strip()}\n\n{R.choice(CLOSE)}\n\n{signature(s)}\n"


def quote(text: str, who: Person, when: dt.datetime, style: int | None = None) -> str:
    st = R.randrange(3) if style is None else style
    if st == 0:
        head = f"{when.year}/{when.month:02d}/{when.day:02d} {when.hour}:{when.minute:02d} {who.name} <{who.email}>:"
        return "\n\n" + head + "\n" + "\n".join("> " + ln for ln in text.strip().splitlines())
    if st == 1:
        return (f"\n\n-----Original Message-----\nFrom: {who.name} <{who.email}>\n"
                f"Sent: {when.year}/{when.month}/{when.day} {when.hour}:{when.minute:02d}\n\n{text.strip()}")
    head = f"{when.month}月{when.day}日 {when.hour}:{when.minute:02d}、{who.name}さんは書きました:"
    return "\n\n" + head + "\n" + "\n".join("> " + ln for ln in text.strip().splitlines())


def to_html(text: str) -> str:
    out, inq = [], False
    for ln in text.splitlines():
        q = ln.startswith(">")
        if q and not inq:
            out.append("<blockquote style=\"border-left:2px solid #ccc;padding-left:8px\">")
        if inq and not q:
            out.append("</blockquote>")
        inq = q
        out.append(html.escape(ln.lstrip("> ") if q else ln) + "<br>")
    if inq:
        out.append("</blockquote>")
    return ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:'Meiryo UI',sans-serif\">\n<div>"
            + "\n".join(out) + "</div>\n</body></html>\n")


def encodable(cs: str, *texts: str) -> bool:
    try:
        for t in texts:
            t.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def hdr_addr(name: str, email: str, hcs: str) -> str:
    return formataddr((name, email), charset=hcs) if name else email


def eml(n: int, s: Person, to, cc, bcc, subject: str, text: str, atts, when, reply: bool, fmt: str):
    names = [nm for nm, _ in list(to) + list(cc) + list(bcc)] + [s.name] + [a[0] for a in atts]
    if fmt in ("jis", "sjis"):
        cs = "iso-2022-jp" if fmt == "jis" else "shift_jis"
        if not encodable(cs, text, subject, *names) or not encodable("iso-2022-jp", subject, *names):
            fmt = "plain"
    if fmt == "jis":
        part = MIMEText(text, "plain", "iso-2022-jp")
        hcs = "iso-2022-jp"
    elif fmt == "sjis":
        part = MIMEBase("text", "plain", charset="Shift_JIS")  # MIMEText would re-encode it as ISO-2022-JP
        part.set_payload(text.encode("shift_jis"))
        encoders.encode_base64(part)
        hcs = "iso-2022-jp"
    elif fmt == "html":
        part = MIMEText(to_html(text), "html", "utf-8")
        hcs = "utf-8"
    elif fmt == "alt":
        part = MIMEMultipart("alternative")
        part.attach(MIMEText(text, "plain", "utf-8"))
        part.attach(MIMEText(to_html(text), "html", "utf-8"))
        hcs = "utf-8"
    else:
        part = MIMEText(text, "plain", "utf-8")
        hcs = "utf-8"
    if atts:
        m = MIMEMultipart("mixed")
        m.attach(part)
        for fn, data, ctype in atts:
            mt, st = ctype.split("/")
            a = MIMEBase(mt, st)
            a.set_payload(data)
            encoders.encode_base64(a)
            if mt == "text":
                try:
                    data.decode("utf-8")
                    a.set_param("charset", "utf-8")
                except UnicodeDecodeError:
                    a.set_param("charset", "Shift_JIS")
            if hcs == "iso-2022-jp" and not fn.isascii():
                enc = Header(fn, "iso-2022-jp").encode()
                a.add_header("Content-Disposition", "attachment", filename=enc)
                a.set_param("name", enc)
            else:
                val = fn if fn.isascii() else ("utf-8", "", fn)
                a.add_header("Content-Disposition", "attachment", filename=val)
                a.set_param("name", val)
            m.attach(a)
    else:
        m = part
    m["From"] = hdr_addr(s.name, s.email, hcs)
    m["To"] = ", ".join(hdr_addr(a, b, hcs) for a, b in to) if to else "undisclosed-recipients:;"
    if cc:
        m["Cc"] = ", ".join(hdr_addr(a, b, hcs) for a, b in cc)
    if bcc:
        m["Bcc"] = ", ".join(hdr_addr(a, b, hcs) for a, b in bcc)
    m["Subject"] = Header(subject, hcs) if not subject.isascii() else subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(idstring=f"m11-{n:04d}", domain=DOM)
    if reply:
        ref = make_msgid(idstring="thread", domain=R.choice([DOM, "kmail.example", "marunouchi-chuo.example"]))
        m["In-Reply-To"] = ref
        m["References"] = ref
    m["X-Mailer"] = R.choice(["Microsoft Outlook 16.0", "Thunderbird 128.4.0", "Becky! ver. 2.82.01",
                              "Active! mail 6"]) if fmt != "html" else "Microsoft Outlook 16.0"
    return m.as_bytes(), fmt


LABELS: list[dict] = []
FILES: list[tuple[str, bytes]] = []
FMT = Counter()
ATTS = Counter()
FMT_CYCLE = ["plain"] * 10 + ["jis"] * 3 + ["sjis"] * 2 + ["html"] * 3 + ["alt"] * 2


def P(p: Person, display: str | None = None) -> tuple[str, str]:
    return (p.name if display is None else display, p.email)


def first_time(s: Person, emails) -> bool:
    return any(e not in SENT[s.email] and not e.endswith("@" + DOM) for e in emails)


def emit(s: Person, to, cc, subject, text, atts, expected, codes, kind, note, bcc=(), reply=False, fmt=None,
         when=None):
    n = len(LABELS) + 1
    fmt = fmt or R.choice(FMT_CYCLE)
    rcpt = [e for _, e in list(to) + list(cc) + list(bcc)]
    ext = [e for e in rcpt if not e.endswith("@" + DOM)]
    codes = set(codes)
    if ext and expected == "ok":
        codes.add("external_recipient")
    if first_time(s, ext):
        codes.add("first_time_recipient")
    data, fmt = eml(n, s, to, cc, bcc, subject, text, atts, when or rand_time(MSG_START, 25), reply, fmt)
    fn = f"messages/{n:04d}.eml"
    FILES.append((fn, data))
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(codes), "kind": kind, "note": note})
    FMT[fmt] += 1
    for a in atts:
        ATTS[a[0].rsplit(".", 1)[-1]] += 1


def other_staff(s: Person) -> Person:
    return R.choice([x for x in STAFF if x is not s])


def sender(m: Matter) -> Person:
    return m.lawyer if R.random() < 0.65 else m.clerk


def known(s: Person, p: Person) -> bool:
    return p.email in SENT[s.email]


def mt(typ: str | None = None, need=None) -> Matter:
    ms = [m for m in MATTERS if (typ is None or m.typ == typ) and (need is None or need(m))]
    return R.choice(ms)


def cl_name(m: Matter) -> str:
    return m.client.org.name if m.client.org.kind == "client_co" else f"{m.client.name}様"


# ------------------------------------------------------------------ OK scenarios
PROGRESS = [
    "次回期日は{d}午前10時30分に決まりました。ご本人の出頭は不要です。期日後に結果をご報告いたします。",
    "相手方から反論書面が届きましたので、内容を確認のうえ、来週中に当方の方針をご相談させてください。\n"
    "ご都合のよい日時を2～3候補いただけますと幸いです。",
    "ご依頼いただいていた資料はすべて揃いました。今後は{d}までに書面を提出する予定で進めております。",
    "本日、裁判所から和解の打診がありました。詳細はお電話でご説明したく、ご都合をお知らせください。",
    "着手金のご入金を確認いたしました。ありがとうございます。領収書は郵送にてお送りいたします。",
]


def ok_client_routine(k: int) -> None:
    for _ in range(k):
        m = mt()
        s = sender(m)
        c = m.client
        cc = []
        if c.org.kind == "client_co" and R.random() < 0.4:
            cc = [P(x) for x in R.sample([x for x in c.org.people if x is not c and x.email not in NEVER], 1)]
        d = jdate(workday(R.randrange(20, 50)))
        t = body(s, sal(c), R.choice(PROGRESS).format(d=d))
        emit(s, [P(c)], cc, R.choice([f"【{m.mid}】ご報告", "次回期日のご連絡", "今後の進め方について", "ご入金確認のご連絡"]),
             t, [], "ok", [], "ok_client_routine", f"{m.typ} client {c.email} of {m.mid}, salutation matches")


def ok_internal(k: int) -> None:
    for i in range(k):
        m = mt()
        s = sender(m)
        o = m.lawyer if s is m.clerk else m.clerk
        atts, what = [], "no attachment"
        pick = i % 4
        if pick == 0 and m.creditors:
            atts, what = [doc_saiken(m)], "債権者一覧表"
        elif pick == 0 or pick == 1:
            mm = mt("相続")
            atts, what = [doc_sozoku(mm, R.choice(["docx", "pdf"]))], "相続関係説明図"
        elif pick == 2:
            atts, what = [att("担当事件一覧.xlsx", xlsx_bytes([("一覧", client_list_rows(R.randrange(40, 120), True))]))], \
                "事件一覧 with 備考 (stays inside)"
        else:
            atts, what = [doc_shindan(m.client, m)], "client's 診断書"
        mid = (f"{m.mid}の件、添付のとおり整理しました。\n{m.client.name}さんの資料です。"
               f"相手方（{m.opp_name or '債権者各社'}）への送付前にご確認ください。")
        emit(s, [P(o)], [], f"【{m.mid}】確認依頼（所内）", body(s, sal(o), mid), atts, "ok", [], "ok_internal",
             f"to {o.email}; {what} stays inside")


def ok_served_on_opposing_counsel(k: int) -> None:
    for i in range(k):
        m = mt(need=lambda m: m.counsel is not None and m.typ != "債務整理")
        s = sender(m)
        c = m.counsel
        which = i % 3
        if which == 0:
            a, w = doc_junbi(m, R.choice(["pdf", "docx"])), "準備書面"
        elif which == 1:
            amt = settlement(m)[0]
            a, w = doc_wakai(m, amt, R.choice(["pdf", "docx"])), "和解条項案"
        else:
            a, w = doc_shoko(m), "証拠説明書"
        mid = (f"{m.case_no}（{m.typ}）につき、{w}を直送いたします。\n受領書を本メール返信にてお送りいただけますと幸いです。"
               f"\n当方依頼者：{cl_name(m)}")
        emit(s, [P(c)], [], f"【直送】{m.case_no} {w}", body(s, sal(c), mid), [a], "ok", [],
             "ok_served_on_opposing_counsel", f"{w} of {m.mid} served on its opposing counsel {c.email}")


def ok_filing_to_clerk(k: int) -> None:
    for i in range(k):
        m = mt(need=lambda m: m.court is not None)
        s = sender(m)
        cl = m.court
        a = doc_kijitsu(m) if i % 2 == 0 else doc_junbi(m, "pdf")
        w = "期日請書" if i % 2 == 0 else "準備書面"
        mid = f"{m.case_no} 事件について、{w}を提出いたします。\n正本は本日郵送いたしました。副本は相手方に直送済みです。"
        emit(s, [P(cl)], [], f"{m.case_no} {w}提出のご連絡", body(s, sal(cl), mid), [a], "ok", [],
             "ok_filing_to_clerk", f"{w} of {m.mid} to the clerk {cl.email} of its court")


def ok_client_own_docs(k: int) -> None:
    for i in range(k):
        m = mt(need=lambda m: m.client.org.kind == "individual")
        s = sender(m)
        c = m.client
        pick = i % 4
        if pick == 0:
            a, w, extra = doc_koseki(c, m), "戸籍謄本", []
        elif pick == 1:
            a, w, extra = doc_shindan(c, m, R.choice(["pdf", "docx"])), "診断書", ["sensitive_pii"]
        elif pick == 2:
            a, w, extra = doc_tsucho(c, R.choice(["xlsx", "pdf"])), "預金取引明細", []
        else:
            a, w, extra = (doc_sozoku(m) if m.typ == "相続" else doc_shindan(c, m, psych=True)), \
                ("相続関係説明図" if m.typ == "相続" else "診断書（心療内科）"), \
                ([] if m.typ == "相続" else ["sensitive_pii"])
        mid = (f"お預かりしていた{w}の写しをお返しいたします（添付）。\n原本は次回打合せ時にお渡しします。"
               "内容に誤りがないかご確認ください。")
        emit(s, [P(c)], [], f"{w}（写し）の返却", body(s, sal(c), mid), [a], "ok", ["pii_in_attachment", *extra],
             "ok_client_own_docs", f"{c.name}'s own {w} back to {c.email}")


def ok_same_surname_right_twin(k: int) -> None:
    cases = [(TWIN_N_SATO_A, "北斗精機の契約書レビュー"), (TWIN_N_SATO_B, "北斗ロジの物流委託契約"),
             (TWIN_NAKAMURA_A, "銀座みなとの中村先生"), (TWIN_NAKAMURA_B, "中央みなとの中村先生"),
             (TWIN_ITO_INS, "あんしん損保の伊藤様"), (TWIN_KOBA_CLERK, "家裁の小林書記官"),
             (TWIN_YAMA_CO, "三峰商事の山口様"), (m_tr.counsel, "丸の内中央の渡辺先生")]
    for i in range(k):
        p, what = cases[i % len(cases)]
        s = R.choice([x for x in STAFF if p.email in SENT[x.email]] or LAWYERS)
        if p.org.kind == "client_co":
            a = doc_contract(p.org, R.choice(["株式会社グリーンテック", "東和システム株式会社"]))
            mid = f"ご依頼の契約書について、修正案を添付いたします。第12条の責任上限について、御社{p.org.dept}のご意見を伺えますか。"
            atts = [a]
        elif p.org.kind == "court":
            atts = []
            mid = "先日お問い合わせいただいた期日の件、1月22日午後1時30分でお受けいたします。期日請書は追って提出します。"
        elif p.org.kind == "insurer":
            atts = []
            mid = "ご提示の賠償額についてご回答いたします。依頼者と協議のうえ、来週中に当方の意見をお送りいたします。"
        else:
            atts = []
            mid = "次回の協議期日について、1月の第3週でご調整いただけますでしょうか。"
        emit(s, [P(p)], [], R.choice(["ご連絡", "日程のご相談", "ご回答", "修正案のご送付"]), body(s, sal(p, 0), mid), atts,
             "ok", [], "ok_same_surname_right_twin", f"{what}: {p.email}, name shared elsewhere, right one")


def ok_notice_bcc(k: int) -> None:
    notices = [("年末年始休業のお知らせ", "誠に勝手ながら、12月27日（日）から1月4日（月）まで休業いたします。"),
               ("事務所移転のお知らせ", "2027年2月1日より、下記住所に移転いたします。電話番号に変更はありません。"),
               ("メールアドレス変更のお知らせ", "2027年1月より、当事務所のメールアドレスのドメインが変わります。")]
    for i in range(k):
        s = R.choice(CLERKS)
        pool = [p for p in EXTERNAL if p.email not in NEVER and (p.org.kind == "client_co" or p.org.name.startswith(CLIENT_LABELS))]
        r = R.sample(pool, R.randrange(10, 30))
        t, mid = notices[i % 3]
        emit(s, [(FIRM_SHORT, s.email)], [], t, body(s, R.choice(["ご依頼者様各位", "関係者各位"]), mid), [], "ok",
             ["multiple_external_orgs"], "ok_notice_bcc", f"{t} to {len(r)} clients in Bcc, To is the sender",
             bcc=[P(x) for x in r])


def ok_reply_quoting_other_side(k: int) -> None:
    for _i in range(k):
        m = mt(need=lambda m: m.counsel is not None)
        s = m.lawyer
        c = m.client
        when = rand_time(MSG_START, 20)
        a, _b = settlement(m)
        theirs = (f"{cl_name(m)}代理人 {s.name}先生\n\n{m.counsel.org.name}の{m.counsel.last}です。\n"
                  f"当方依頼者（{m.opp_name or '相手方'}）としては、解決金{yen(a)}での和解を提案いたします。")
        mine = (f"{c.last}様\n\n相手方代理人（{m.counsel.org.short}{m.counsel.last}弁護士）から下記の連絡がありました。"
                "ご意向を伺いたく、ご都合のよいお時間にお電話ください。")
        t = f"{c.last}様\n\nご返信ありがとうございます。では明日14時にお電話いたします。\n\n{signature(s)}\n" + \
            quote(mine + quote(theirs, m.counsel, when), c, when)
        emit(s, [P(c)], [], f"Re: 相手方からの和解提案（{m.mid}）", t, [], "ok", [], "ok_reply_quoting_other_side",
             f"reply to client {c.email}; opposing counsel {m.counsel.email} only in the quote", reply=True)


def ok_first_mail_known_org(k: int) -> None:
    fresh = [BY_MAIL[e] for e in sorted(NEVER)]
    R.shuffle(fresh)
    for p in fresh[:k]:
        s = R.choice(LAWYERS)
        mid = ("前任の担当者様より引継ぎを受けたと伺いました。今後ともよろしくお願いいたします。"
               "当方の担当事件については、改めて一覧ではなく個別にご連絡いたします。")
        emit(s, [P(p)], [], "ご担当変更に伴うご挨拶", body(s, sal(p, 0), mid, first=True), [], "ok", [],
             "ok_first_mail_known_org", f"first mail to {p.email} at known {p.org.name}")


def ok_insurer_claim(k: int) -> None:
    for i in range(k):
        m = mt("交通事故")
        s = sender(m)
        ins = m.insurer
        a = doc_shindan(m.client, m) if i % 2 == 0 else doc_kyugyo(m)
        w = "診断書" if i % 2 == 0 else "休業損害証明書"
        mid = (f"被害者 {m.client.name} 様の件（貴社事故受付番号 J{R.randrange(100000, 999999)}）につき、"
               f"{w}の写しをお送りいたします。ご本人の同意を得ております。\n損害額の算定にご利用ください。")
        emit(s, [P(ins)], [], f"{w}送付の件（{m.client.last}様）", body(s, sal(ins), mid), [a], "ok",
             ["pii_in_attachment", "sensitive_pii"], "ok_insurer_claim",
             f"{w} of {m.client.name} to the matter's insurer {ins.email}, consented")


def ok_creditor_own_notice(k: int) -> None:
    for i in range(k):
        m = mt("債務整理")
        s = sender(m)
        c = m.creditors[i % len(m.creditors)]
        mid = (f"債務者 {m.client.name} 様の件につき、当職らが受任いたしましたので、受任通知をお送りします。"
               "取引履歴の開示をお願いいたします。\n原本は本日郵送いたしました。")
        emit(s, [P(c)], [], f"受任通知（{m.client.name}様）", body(s, sal(c), mid), [doc_junin(m, c)], "ok",
             ["pii_in_attachment"], "ok_creditor_own_notice", f"受任通知 naming only {c.org.name} to {c.email}")


def ok_expert_interpreter(k: int) -> None:
    for _i in range(k):
        m = mt(need=lambda m: bool(m.experts))
        s = sender(m)
        e = m.experts[0]
        mid = (f"{m.mid}の件、{jdate(workday(40))}の期日についてご協力をお願いいたします。"
               "集合時間は午前10時、場所は裁判所1階ロビーです。記録の該当部分は当日お渡しします。")
        emit(s, [P(e)], [], "期日ご同行のお願い", body(s, sal(e), mid), [], "ok", [], "ok_expert_interpreter",
             f"schedule to the matter's {e.org.name} {e.email}, no personal data")


def ok_several_same_org(k: int) -> None:
    for i in range(k):
        co = COMPANIES[i % len(COMPANIES)]
        ppl = [p for p in co.people if p.email not in NEVER]
        to = R.sample(ppl, 2)
        s = R.choice(LAWYERS)
        mid = (f"{co.short}様の取引基本契約について、論点を3点に整理しました。\n1. 解除条項\n2. 損害賠償の上限\n"
               "3. 準拠法と管轄\n次回お打合せでご説明いたします。")
        emit(s, [P(to[0])], [P(to[1]), P(other_staff(s))], "契約レビューの論点整理", body(s, f"{co.name} {co.dept}\n{to[0].last}様、{to[1].last}様", mid),
             [], "ok", [], "ok_several_same_org", f"two people of {co.name} and a colleague")


def ok_english(k: int) -> None:
    for _i in range(k):
        p = R.choice(INTERP[0].people)
        s = R.choice(LAWYERS)
        t = (f"Dear {p.rl.title()}-san,\n\nThank you for arranging the interpreter for the mediation on January 19."
             " Could you confirm the start time (10:00) and the language (Tagalog)?\n\nBest regards,\n"
             f"{s.rf.title()} {s.rl.title()}\n{FIRM_SHORT} (Seirei Law Offices)\n")
        emit(s, [P(p)], [], "Interpreter for the mediation on 19 January", t, [], "ok", [], "ok_english",
             f"English mail to {p.org.name}", fmt="plain")


# ------------------------------------------------------------------ risky scenarios
STRATEGY = [
    "相手方代理人から解決金{a}の提示がありました。裁判基準からすると低く、当職としては{b}までは交渉の余地があると考えます。"
    "最終的に{a}を下回らなければ和解に応じる、というラインでよろしいでしょうか。",
    "率直に申し上げると、過失割合の点は当方にやや不利です（事故態様の立証が弱い）。判決になると{a}程度に留まるおそれがあるため、"
    "{b}での早期和解を目指すのが得策と考えます。",
    "相手方の収入資料を見る限り、婚姻費用は月額{a}が妥当ですが、先方は争ってくると思われます。譲歩するとしても{b}が限度です。"
    "この点は相手方には伝えないでください。",
    "添付の和解案（当方検討用）をご覧ください。当初は{b}を請求し、最低ラインは{a}とする方針です。ご了承いただければ先方に送ります。",
]


def draft_to_opposing_counsel(k: int) -> None:
    ms = [m_tr] + [m for m in MATTERS if m.counsel is not None and m is not m_tr]
    for i in range(k):
        m = ms[i] if i < 2 else R.choice(ms)
        s = m.lawyer
        c, oc = m.client, m.counsel
        a, b = settlement(m)
        mid = STRATEGY[i % len(STRATEGY)].format(a=yen(a), b=yen(b))
        atts = [doc_wakai(m, b)] if "添付" in mid else []
        same = oc.last == c.last
        codes = ["content_recipient_mismatch"] + (["similar_recipient"] if same else [])
        disp = c.name if R.random() < 0.5 else oc.name
        emit(s, [P(oc, disp)], [], R.choice(["和解方針のご相談", f"【{m.mid}】今後の見通しについて", "ご相談（方針）"]),
             body(s, sal(c), mid), atts, "risky", codes, "draft_to_opposing_counsel",
             f"advice meant for client {c.email} ({c.name}) sent to opposing counsel {oc.email} ({oc.name})"
             + ("; same surname" if same else ""))


def counsel_letter_to_wrong_party(k: int) -> None:
    ms = [m for m in MATTERS if m.counsel is not None and m.opp_person is not None]
    for i in range(k):
        m = R.choice(ms)
        s = m.lawyer
        oc = m.counsel
        a, _ = settlement(m)
        mid = (f"{m.case_no}の件につき、当方依頼者（{m.client.name}）の回答をお送りします。\n"
               f"貴職ご提示の{yen(a)}には応じかねます。なお、当方依頼者は財産分与の対象財産として、"
               f"{account()}の預金残高{yen(R.randrange(100, 900) * 10000)}を開示いたします。")
        if i % 2 == 0:
            wrong = m.opp_person
            why = "the represented opposing party himself/herself (old thread)"
        else:
            pool = [p for p in FORMER + [x.client for x in MATTERS if x.client.org.kind == "individual" and x is not m]]
            wrong = R.choice(pool)
            why = "another matter's private client"
        emit(s, [P(wrong, oc.name if R.random() < 0.5 else wrong.name)], [], f"{m.case_no} ご回答", body(s, sal(oc, 0), mid),
             [], "risky", ["content_recipient_mismatch"], "counsel_letter_to_wrong_party",
             f"letter for opposing counsel {oc.email} sent to {wrong.email}, {why}", reply=i % 2 == 0)


def reply_all_keeps_other_side(k: int) -> None:
    for i in range(k):
        m = mt(need=lambda m: m.counsel is not None)
        s = m.lawyer
        c, oc = m.client, m.counsel
        when = rand_time(MSG_START, 20)
        a, b = settlement(m)
        orig = (f"{s.last}先生\n{c.last}様\n\n{oc.org.short}の{oc.last}です。次回協議の日程について、"
                "1月14日または15日の午後でいかがでしょうか。")
        mid = R.choice([
            f"日程は14日で調整します。\nここだけの話ですが、協議では先方は{yen(a)}前後を出してくると思います。"
            f"{yen(b)}を下回る場合は即答せず持ち帰る方針でお願いします。",
            f"14日で承知しました。念のため当日の方針を再確認します。\n・当方の希望額：{yen(b)}\n・譲歩の限度：{yen(a)}\n"
            "・相手方の不貞の証拠（探偵報告書）はまだ出さない"])
        cc = [P(oc)]
        if m.court and i % 3 == 0:
            cc.append(P(m.court))
        t = body(s, sal(c, 1), mid) + quote(orig, oc, when)
        emit(s, [P(c)], cc, "Re: 次回協議日程", t, [], "risky",
             ["content_recipient_mismatch", "multiple_external_orgs"], "reply_all_keeps_other_side",
             f"advice to client {c.email} by reply-all keeps opposing counsel {oc.email} in Cc", reply=True)


def same_surname_other_matter(k: int) -> None:
    plans = [(TWIN_N_SATO_A, TWIN_N_SATO_B, "to"), (TWIN_NAKAMURA_B, TWIN_NAKAMURA_A, "to"),
             (TWIN_ITO_INS, m_ito.client, "to"), (m_ito.client, TWIN_ITO_INS, "cc"),
             (TWIN_YAMA_CO, m_ym.client, "bcc"), (m_ym.client, TWIN_YAMA_CO, "to"),
             (TWIN_KOBA_CLERK, m_kb.opp_person, "to"), (TWIN_TAKAHASHI_CLIENT, m_dv.counsel, "cc")]
    while len(plans) < k:  # same surname, different person, other organisation
        a = R.choice([p for p in EXTERNAL if p.last in [x[0] for x in COMMON] and p.email not in NEVER])
        bs = [p for p in EXTERNAL if p.last == a.last and p.org is not a.org and p.first != a.first]
        if bs:
            plans.append((a, R.choice(bs), R.choice(["to", "to", "cc", "bcc"])))
    for right, wrong, where in plans[:k]:
        s = R.choice(LAWYERS)
        m = next((m for m in MATTERS if right in (m.client, m.counsel, m.court, m.insurer, m.opp_person)), None)
        atts, codes = [], ["content_recipient_mismatch", "similar_recipient"]
        if right.org.kind == "client_co":
            atts = [doc_contract(right.org, "株式会社港南リース")]
            codes.append("attachment_recipient_mismatch")
            mid = "契約書の修正案をお送りします。御社の取引条件（単価・支払サイト）を反映済みです。"
        elif right.org.kind == "individual" and m:
            atts = [doc_tsucho(right)] if R.random() < 0.5 else []
            if atts:
                codes += ["attachment_recipient_mismatch", "pii_in_attachment"]
            mid = (f"先日お預かりした資料を整理しました。{m.typ}の件、相手方との協議は{jdate(workday(30))}"
                   "の予定です。ご事情は相手方には伝えておりません。")
        else:
            mid = f"{(m.case_no if m else '')} 当方依頼者の件につき、ご提示の条件では合意いたしかねます。修正案を追ってお送りします。"
        to, cc, bcc = [P(wrong, right.name)], [], []
        if where == "cc":
            to, cc = [P(right)], [P(wrong)]
            codes.append("multiple_external_orgs")
        elif where == "bcc":
            to, bcc = [P(right)], [P(wrong)]
            codes.append("multiple_external_orgs")
        emit(s, to, cc, R.choice(["資料のご送付", "ご連絡（修正案）", "打合せ結果のご報告", "ご回答"]), body(s, sal(right, 0), mid),
             atts, "risky", codes, "same_surname_other_matter", bcc=bcc,
             note=f"meant for {right.email} ({right.org.name}); same-surname {wrong.email} ({wrong.org.name}) in {where}")


def client_docs_to_other_client(k: int) -> None:
    inds = [m for m in MATTERS if m.client.org.kind == "individual"]
    for i in range(k):
        ma, mb = R.sample(inds, 2)
        s = mb.lawyer
        pick = i % 3
        if pick == 0:
            a, w, extra = doc_koseki(ma.client, ma), "戸籍謄本", []
        elif pick == 1:
            a, w, extra = doc_shindan(ma.client, ma, psych=ma.typ == "離婚"), "診断書", ["sensitive_pii"]
        else:
            a, w, extra = doc_tsucho(ma.client, R.choice(["pdf", "xlsx"])), "預金取引明細", []
        mid = f"お預かりしていた{w}の写しをお返しします。内容をご確認ください。"
        emit(s, [P(mb.client)], [], f"{w}（写し）のご返却", body(s, sal(mb.client), mid), [a], "risky",
             ["attachment_recipient_mismatch", "pii_in_attachment", *extra], "client_docs_to_other_client",
             f"client {mb.client.email} receives {w} of another client {ma.client.name}")


def creditor_list_to_creditor(k: int) -> None:
    for i in range(k):
        m = mt("債務整理")
        s = sender(m)
        c = R.choice(m.creditors)
        a = doc_saiken(m, ["xlsx", "pdf", "csv"][i % 3])
        mid = (f"債務者 {m.client.name} 様の件、受任通知をお送りした件でご連絡します。"
               "債権額の確認のため、添付資料と貴社の債権額に相違がないかご確認ください。")
        emit(s, [P(c)], [], f"債権額確認のお願い（{m.client.last}様）", body(s, sal(c), mid), [a], "risky",
             ["attachment_recipient_mismatch", "pii_in_attachment"], "creditor_list_to_creditor",
             f"債権者一覧表 of {m.client.name} (all {len(m.creditors)}+ creditors) to one creditor {c.org.name}")


def bulk_list_attachment(k: int) -> None:
    fmts = ["xlsx", "csv", "pdf", "docx", "zip", "xlsx"]
    for i in range(k):
        v = R.choice(VENDORS + INTERP)
        p = R.choice(v.people)
        s = R.choice(CLERKS)
        n = R.randrange(60, 260)
        rows = client_list_rows(n)
        f = fmts[i % len(fmts)]
        if f == "xlsx":
            a = att("依頼者名簿_2026.xlsx", xlsx_bytes([("名簿", rows)]))
        elif f == "csv":
            a = att("client_list.csv", csv_bytes(rows, R.choice(["utf-8-sig", "cp932"])))
        elif f == "pdf":
            rows = rows[:80]
            a = att("年賀状送付先リスト.pdf", pdf_bytes([" ".join(map(str, r[1:6])) for r in rows], "年賀状送付先"))
        elif f == "docx":
            rows = rows[:70]
            a = att("宛名リスト.docx", docx_bytes("宛名リスト", ["差込印刷用"], [r[1:6] for r in rows]))
        else:
            a = att("送付先データ.zip", zip_bytes([("送付先.csv", csv_bytes(rows))]))
        mid = R.choice(["年賀状の宛名印刷をお願いいたします。送付先データを添付します。",
                        "システム移行用のテストデータとして、依頼者データを添付します。",
                        "翻訳対象の一覧を添付します（不要な列は無視してください）。"])
        emit(s, [P(p)], [], R.choice(["データ送付の件", "宛名印刷のお願い", "移行データ"]), body(s, sal(p), mid), [a],
             "risky", ["bulk_pii", "pii_in_attachment"], "bulk_list_attachment",
             f"{len(rows) - 1}-row client list ({f}) to {v.name}")


def password_zip_list(k: int) -> None:
    for i in range(k):
        v = R.choice(VENDORS)
        p = R.choice(v.people)
        s = R.choice(CLERKS)
        pw = f"Sr{R.randrange(1000, 9999)}law"
        rows = client_list_rows(R.randrange(50, 220), sensitive=i % 2 == 0)
        a = att(R.choice(["依頼者一覧.zip", "data_202612.zip", "事件一覧表.zip"]),
                zip_pw_bytes([("clients.csv", csv_bytes(rows))], pw))
        mid = "ファイルを添付いたします。パスワードは別メールでお送りします。"
        emit(s, [P(p)], [], "【暗号化】データ送付", body(s, sal(p), mid), [a], "risky",
             ["bulk_pii", "unscannable_attachment"], "password_zip_list",
             f"{len(rows) - 1} clients in a zip to {v.name} (password {pw})")


def mynumber_in_body(k: int) -> None:
    for i in range(k):
        m = mt("相続") if i % 2 == 0 else mt("債務整理")
        s = sender(m)
        if m.typ == "相続":
            to = R.choice([e for e in m.experts if e.org in (EXPERTS[3], SHIHO[0], SHIHO[1])])
            lines = [f"{m.client.name}（{birth(1955, 1980)}生） 個人番号 {my_number()}"] + [
                f"{sx[0]} {fx[0]}（{birth(1955, 1990)}生） 個人番号 {my_number()}" for sx, fx in m.heirs]
            mid = "相続税申告の準備のため、相続人の個人番号をお知らせします。\n" + "\n".join(lines)
        else:
            to = m.court if i % 4 == 1 else R.choice(m.creditors)
            mid = (f"申立人 {m.client.name} 様の個人番号は {my_number()} です。住民票（個人番号記載）も追って送ります。\n"
                   f"住所：{address()}　電話：{mobile()}")
        emit(s, [P(to)], [], "個人番号のご連絡", body(s, sal(to), mid), [], "risky", ["sensitive_pii"],
             "mynumber_in_body", f"My Number of {m.client.name} pasted in the body to {to.org.name}")


def special_care_outside(k: int) -> None:
    for i in range(k):
        m = mt(need=lambda m: m.client.org.kind == "individual" and m.typ in ("交通事故", "離婚"))
        s = sender(m)
        psych = m.typ == "離婚"
        a = doc_shindan(m.client, m, R.choice(["pdf", "docx"]), psych=psych)
        if i % 3 == 0:
            other = R.choice([x for x in INSURERS if m.insurer is None or x is not m.insurer.org])
            to, why = R.choice(other.people), "an insurer not involved in the matter"
            mid = "ご依頼の診断書を添付します。損害額の算定にご利用ください。"
            codes = ["sensitive_pii", "pii_in_attachment"]
        else:
            v = R.choice([*VENDORS, EXPERTS[0], INTERP[1]])
            to, why = R.choice(v.people), f"{v.name}, no need"
            mid = R.choice(["記録のスキャンデータの一部を添付します。製本をお願いします。",
                            "翻訳ではなく保管用です。ファイル名の付け方を確認したく送ります。",
                            "添付の書式でレイアウトを揃えていただけますか。"])
            codes = ["sensitive_pii", "pii_in_attachment", "content_recipient_mismatch"]
        emit(s, [P(to)], [], R.choice(["資料送付", "製本のお願い", "ご確認のお願い"]), body(s, sal(to), mid), [a], "risky",
             codes, "special_care_outside", f"診断書 of {m.client.name} to {to.email} ({why})")


def notice_in_to(k: int) -> None:
    for i in range(k):
        s = R.choice(CLERKS)
        if i % 3 == 2:
            m = mt("債務整理")
            r = m.creditors
            t = f"受任通知（債務者 {m.client.name}）"
            mid = f"債務者 {m.client.name} 様の件、当職らが受任いたしました。各社の債権額一覧は添付のとおりです。"
            atts = [doc_saiken(m)]
            codes = ["open_recipient_list", "multiple_external_orgs", "pii_in_attachment"]
        else:
            pool = [p for p in EXTERNAL if p.org.name.startswith(CLIENT_LABELS) and p.email not in NEVER]
            r = R.sample(pool, R.randrange(9, 24))
            t = R.choice(["年末年始休業のお知らせ", "相談予約システム導入のお知らせ"])
            mid = "誠に勝手ながら、12月27日から1月4日まで休業いたします。期間中のご連絡はメールでお願いします。"
            atts = []
            codes = ["open_recipient_list", "multiple_external_orgs"]
        split = R.random() < 0.5
        to = [P(x) for x in (r[: len(r) // 2] if split else r)]
        cc = [P(x) for x in r[len(r) // 2:]] if split else []
        emit(s, to, cc, t, body(s, "関係者各位" if i % 3 == 2 else "ご依頼者様各位", mid), atts, "risky", codes, "notice_in_to",
             f"{t}: {len(r)} external recipients in To{'/Cc' if split else ''}")


def lookalike(dom: str, i: int) -> str:
    stem, tld = dom.split(".", 1)
    subs = [("n", "m", 1), ("i", "l", 1), ("o", "0", 1), ("l", "1", 1), ("-", "", 1), ("s", "ss", 1), ("m", "rn", 1),
            ("e", "a", 1)]
    for j in range(len(subs)):
        a, b, _c = subs[(i + j) % len(subs)]
        if a in stem:
            pos = stem.rfind(a)
            return stem[:pos] + b + stem[pos + len(a):] + "." + tld
    return stem + "s." + tld


def lookalike_domain(k: int) -> None:
    targets = [COURTS[0], INSURERS[0], COMPANIES[0], COMPANIES[2], FIRMS[1], SHIHO[0], CREDITORS[2], COURTS[2]]
    for i in range(k):
        o = targets[i % len(targets)]
        p = R.choice([x for x in o.people if x.email not in NEVER])
        bad = p.email.split("@")[0] + "@" + lookalike(o.dom, i)
        if o.dom == "anshin-sonpo.example":
            bad = p.email.split("@")[0] + "@anshin-sompo.example"
        m = next((m for m in MATTERS if p in (m.court, m.insurer, m.counsel, m.client) or p in m.creditors), mt())
        s = m.lawyer
        atts = [doc_junbi(m)] if o.kind in ("court", "counsel") else (
            [doc_shindan(m.client, m)] if o.kind == "insurer" else [])
        mid = f"{m.mid}の件、資料をお送りします。ご査収ください。"
        emit(s, [P(Person(p.last, p.first, p.kana, bad, o), p.name)], [], "資料送付のご連絡", body(s, sal(p), mid), atts,
             "risky", ["lookalike_domain", "similar_recipient"], "lookalike_domain",
             f"{p.email} typed as {bad}")


def first_time_unknown_org(k: int) -> None:
    fakes = ["hokuto-seiki-legal.example", "mitsumine-corp.test", "tenryu-kk.example", "konan-lease-co.example",
             "arc-home-group.example", "legal-dept-mail.example"]
    for i in range(k):
        m = mt(need=lambda m: m.client.org.kind == "client_co" or m.typ == "交通事故")
        s = m.lawyer
        right = m.client if m.client.org.kind == "client_co" else m.insurer
        bad = f"{right.email.split('@')[0]}@{fakes[i % len(fakes)]}"
        a, _ = settlement(m)
        atts = [doc_wakai(m, a, "pdf")] if i % 2 == 0 else [doc_tsucho(m.client)] if m.client.org.kind == "individual" \
            else [doc_contract(right.org, m.opp_name)]
        mid = (f"新しいアドレスのご連絡ありがとうございます。今後はこちらにお送りします。\n"
               f"和解金{yen(a)}の振込先を含む資料を添付いたします。")
        emit(s, [(right.name, bad)], [], "Re: メールアドレス変更のお知らせ", body(s, sal(right), mid), atts, "risky",
             ["first_time_recipient", "content_recipient_mismatch"], "first_time_unknown_org",
             f"salutation {right.org.name} {right.name}, address {bad} at an unknown domain", reply=True)


def wrong_attachment_other_matter(k: int) -> None:
    for i in range(k):
        ma = mt(need=lambda m: m.counsel is not None or m.insurer is not None)
        mb = mt(need=lambda m, ma=ma: m is not ma and m.typ == ma.typ)
        s = ma.lawyer
        to = ma.counsel if (i % 2 == 0 and ma.counsel) else (ma.insurer or ma.court)
        a = doc_wakai(mb, settlement(mb)[0], R.choice(["pdf", "docx"])) if i % 2 == 0 else doc_junbi(mb, "pdf")
        if i % 3 == 2:
            a = att(f"送付書類_{ma.mid}.zip", zip_bytes([(a[0], a[1])]))
        mid = f"{ma.case_no}の件、書面をお送りいたします。当方依頼者：{cl_name(ma)}"
        emit(s, [P(to)], [], f"{ma.case_no} 書面送付", body(s, sal(to), mid), [a], "risky",
             ["attachment_recipient_mismatch"], "wrong_attachment_other_matter",
             f"mail about {ma.mid} ({cl_name(ma)}) to {to.email}; the attachment is of {mb.mid} ({cl_name(mb)})")


def autocomplete_freemail(k: int) -> None:
    pairs = [(TWIN_YAMA_CO, m_ym.client), (TWIN_N_SATO_A, None), (TWIN_ITO_INS, m_ito.client)]
    for i in range(k):
        right, wrong = pairs[i % len(pairs)]
        if wrong is None or i >= len(pairs):
            right = R.choice([p for p in EXTERNAL if p.org.kind in ("client_co", "insurer") and p.email not in NEVER])
            cands = [p for p in EXTERNAL if p.org.kind == "individual" and p.last == right.last]
            wrong = R.choice(cands) if cands else R.choice(FORMER)
        s = R.choice(LAWYERS)
        if right.org.kind == "client_co":
            a = doc_contract(right.org, "株式会社ベイサイド開発")
        else:
            m = next(m for m in MATTERS if m.typ == "交通事故")
            a = doc_shindan(m.client, m)
        codes = ["content_recipient_mismatch", "similar_recipient", "attachment_recipient_mismatch"]
        if "診断書" in a[0]:
            codes += ["pii_in_attachment", "sensitive_pii"]
        emit(s, [P(wrong, right.name)], [], "資料のご送付", body(s, sal(right, 0), "ご依頼の資料を添付いたします。"), [a],
             "risky", codes, "autocomplete_freemail",
             f"display name {right.name} ({right.org.name}) but address {wrong.email} ({wrong.org.name})")


# ------------------------------------------------------------------ main
PLAN = [(ok_client_routine, 9), (ok_internal, 8), (ok_served_on_opposing_counsel, 8), (ok_filing_to_clerk, 6),
        (ok_client_own_docs, 7), (ok_same_surname_right_twin, 8), (ok_notice_bcc, 5), (ok_reply_quoting_other_side, 7),
        (ok_first_mail_known_org, 5), (ok_insurer_claim, 5), (ok_creditor_own_notice, 5), (ok_expert_interpreter, 4),
        (ok_several_same_org, 3), (ok_english, 2),
        (draft_to_opposing_counsel, 7), (counsel_letter_to_wrong_party, 5), (reply_all_keeps_other_side, 6),
        (same_surname_other_matter, 9), (client_docs_to_other_client, 6), (creditor_list_to_creditor, 5),
        (bulk_list_attachment, 6), (password_zip_list, 5), (mynumber_in_body, 5), (special_care_outside, 6),
        (notice_in_to, 6), (lookalike_domain, 6), (first_time_unknown_org, 5), (wrong_attachment_other_matter, 6),
        (autocomplete_freemail, 5)]


def main() -> None:
    for fn, k in PLAN:
        fn(k)
    order = list(range(len(LABELS)))
    R.shuffle(order)
    out = os.path.join(HERE, "messages")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    labels = []
    for new, old in enumerate(order, 1):
        fn = f"messages/{new:04d}.eml"
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(FILES[old][1])
        labels.append({**LABELS[old], "file": fn})
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in ALL:
            if p.org is not INTERNAL:
                w.writerow([p.name, p.kana, p.email, p.org.name])
        for p in STAFF:
            w.writerow([p.name, p.kana, p.email, FIRM])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for r in HIST:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{FIRM}"\ninternal_domains = ["{DOM}"]\n')
    kinds = Counter((lb["expected"], lb["kind"]) for lb in labels)
    for (e, k), n in sorted(kinds.items()):
        print(f"{e:5} {k:34} {n}")
    print("bodies", dict(FMT), "attachments", dict(ATTS))
    print("total", len(labels), "ok", sum(lb["expected"] == "ok" for lb in labels))


if __name__ == "__main__":
    main()
