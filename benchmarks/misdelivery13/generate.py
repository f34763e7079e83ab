# ruff: noqa: E501  (Japanese template literals: kept on one line each so they read as mail text)
"""Generate misdelivery13: labelled outgoing mail of a private university's offices (seed 1313).

    /work/main/.venv/bin/python generate.py     # rewrites everything except README.md and validate.py

Made-up 学校法人桜陵学園 桜陵大学 (`oryo-u.ac.example`): 学生課, 教務課, 就職・キャリア支援課, 入試課,
国際交流センター, 保健管理センター, 経理課. Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml and
labels.jsonl. Names, addresses, numbers and diagnoses are invented from the pools below.
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
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1313
R = random.Random(SEED)
INTERNAL = "oryo-u.ac.example"
STU = "st.oryo-u.example"
UNIV = "桜陵大学"
JST = dt.timezone(dt.timedelta(hours=9))

# ---------------------------------------------------------------- name pools (own)
SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"), ("渡辺", "ワタナベ", "watanabe"), ("伊藤", "イトウ", "ito"),
    ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"), ("加藤", "カトウ", "kato"),
    ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"), ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"),
    ("清水", "シミズ", "shimizu"), ("山崎", "ヤマザキ", "yamazaki"), ("阿部", "アベ", "abe"),
    ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"), ("石川", "イシカワ", "ishikawa"),
    ("前田", "マエダ", "maeda"), ("小川", "オガワ", "ogawa"), ("後藤", "ゴトウ", "goto"),
    ("岡田", "オカダ", "okada"), ("長谷川", "ハセガワ", "hasegawa"), ("村上", "ムラカミ", "murakami"),
    ("近藤", "コンドウ", "kondo"), ("坂本", "サカモト", "sakamoto"), ("遠藤", "エンドウ", "endo"),
    ("青木", "アオキ", "aoki"), ("藤田", "フジタ", "fujita"), ("西村", "ニシムラ", "nishimura"),
    ("福田", "フクダ", "fukuda"), ("三浦", "ミウラ", "miura"), ("原田", "ハラダ", "harada"),
    ("中野", "ナカノ", "nakano"), ("竹内", "タケウチ", "takeuchi"), ("金子", "カネコ", "kaneko"),
    ("和田", "ワダ", "wada"), ("石田", "イシダ", "ishida"), ("上田", "ウエダ", "ueda"),
    ("柴田", "シバタ", "shibata"), ("酒井", "サカイ", "sakai"), ("工藤", "クドウ", "kudo"),
    ("横山", "ヨコヤマ", "yokoyama"), ("宮本", "ミヤモト", "miyamoto"), ("内田", "ウチダ", "uchida"),
    ("安藤", "アンドウ", "ando"), ("谷口", "タニグチ", "taniguchi"), ("丸山", "マルヤマ", "maruyama"),
    ("今井", "イマイ", "imai"), ("河野", "コウノ", "kono"), ("藤原", "フジワラ", "fujiwara"),
    ("菅原", "スガワラ", "sugawara"), ("千葉", "チバ", "chiba"), ("杉山", "スギヤマ", "sugiyama"),
    ("野口", "ノグチ", "noguchi"), ("桜井", "サクライ", "sakurai"), ("平野", "ヒラノ", "hirano"),
    ("新井", "アライ", "arai"), ("星野", "ホシノ", "hoshino"), ("久保", "クボ", "kubo"),
]
FORCED = SURNAMES[:8]
YOUNG_M = [("翔太", "ショウタ", "shota"), ("大輝", "ダイキ", "daiki"), ("蓮", "レン", "ren"), ("悠斗", "ユウト", "yuto"),
           ("陸", "リク", "riku"), ("颯太", "ソウタ", "sota"), ("拓海", "タクミ", "takumi"), ("健太", "ケンタ", "kenta"),
           ("智也", "トモヤ", "tomoya"), ("亮", "リョウ", "ryo"), ("樹", "イツキ", "itsuki"), ("湊", "ミナト", "minato"),
           ("悠真", "ユウマ", "yuma"), ("光", "ヒカル", "hikaru"), ("奏太", "カナタ", "kanata"), ("晴人", "ハルト", "haruto")]
YOUNG_F = [("美咲", "ミサキ", "misaki"), ("さくら", "サクラ", "sakura"), ("結衣", "ユイ", "yui"), ("葵", "アオイ", "aoi"),
           ("陽菜", "ヒナ", "hina"), ("彩花", "アヤカ", "ayaka"), ("真由", "マユ", "mayu"), ("奈々", "ナナ", "nana"),
           ("千尋", "チヒロ", "chihiro"), ("玲奈", "レイナ", "reina"), ("詩織", "シオリ", "shiori"), ("遥", "ハルカ", "haruka"),
           ("芽衣", "メイ", "mei"), ("琴音", "コトネ", "kotone"), ("楓", "カエデ", "kaede"), ("莉子", "リコ", "riko")]
OLD_M = [("隆", "タカシ", "takashi"), ("誠", "マコト", "makoto"), ("浩二", "コウジ", "koji"), ("修", "オサム", "osamu"),
         ("博之", "ヒロユキ", "hiroyuki"), ("健一", "ケンイチ", "kenichi"), ("茂", "シゲル", "shigeru"),
         ("和彦", "カズヒコ", "kazuhiko"), ("直樹", "ナオキ", "naoki"), ("達也", "タツヤ", "tatsuya"),
         ("雅人", "マサト", "masato"), ("聡", "サトシ", "satoshi"), ("正樹", "マサキ", "masaki"), ("英明", "ヒデアキ", "hideaki")]
OLD_F = [("優子", "ユウコ", "yuko"), ("恵", "メグミ", "megumi"), ("明美", "アケミ", "akemi"), ("京子", "キョウコ", "kyoko"),
         ("由美", "ユミ", "yumi"), ("直美", "ナオミ", "naomi"), ("香織", "カオリ", "kaori"), ("真理", "マリ", "mari"),
         ("久美子", "クミコ", "kumiko"), ("洋子", "ヨウコ", "yoko"), ("智子", "トモコ", "tomoko"), ("美穂", "ミホ", "miho")]
LATIN_STUDENTS = [("Nguyen", "Thi Lan", "VNM"), ("Tran", "Minh Duc", "VNM"), ("Li", "Wei", "CHN"), ("Wang", "Xiaoyu", "CHN"),
                  ("Kim", "Minji", "KOR"), ("Park", "Jisoo", "KOR"), ("Santos", "Maria", "PHL"), ("Rossi", "Giulia", "ITA"),
                  ("Novak", "Tomas", "CZE"), ("Lindgren", "Elsa", "SWE"), ("Li", "Hao", "CHN")]
FREEMAIL = ["hanamail.example", "mailpocket.test", "webpost.example.com", "freebox.example", "kmail.test"]
CARRIER = ["sumaho-mail.test", "denpa.example.com", "keitai.example"]
PLACES = ["東京都練馬区豊玉北", "神奈川県川崎市中原区小杉町", "埼玉県さいたま市浦和区高砂", "千葉県船橋市本町",
          "東京都町田市原町田", "東京都八王子市旭町", "神奈川県横浜市港北区日吉本町", "埼玉県川越市新富町", "東京都調布市小島町",
          "神奈川県相模原市中央区矢部", "千葉県松戸市根本", "東京都府中市宮西町", "静岡県静岡市葵区呉服町", "茨城県つくば市竹園"]
DIAG = ["気管支喘息", "適応障害", "うつ病", "1型糖尿病", "てんかん", "起立性調節障害", "パニック障害", "アトピー性皮膚炎",
        "鉄欠乏性貧血", "社交不安障害", "過敏性腸症候群", "片頭痛"]
FINDINGS = ["胸部X線 要精密検査", "血圧高値（148/96）", "尿蛋白（2+） 要再検査", "心電図 要精密検査", "BMI 16.2 低体重",
            "視力 要受診（0.2/0.3）", "肝機能値 要再検査"]
COURSES = ["経済原論I", "ミクロ経済学", "統計学入門", "基礎演習", "英語コミュニケーションII", "日本国憲法", "民法総則",
           "情報リテラシー", "キャリアデザイン", "線形代数", "国際関係論", "日本文学講読", "会計学基礎", "社会調査法",
           "プログラミング基礎", "第二外国語（中国語）", "専門演習I", "卒業研究", "マーケティング論", "比較文化論"]
GRADES = ["S", "A", "A", "B", "B", "C", "D"]
FACULTIES = [("経済学部", "E"), ("文学部", "L"), ("法学部", "J"), ("理工学部", "S"), ("国際教養学部", "G")]


def pick_surname() -> tuple[str, str, str]:
    return R.choice(FORCED) if R.random() < 0.45 else R.choice(SURNAMES[8:])


def mk_name(sex: str, old: bool = False, sur: tuple[str, str, str] | None = None) -> dict:
    s = sur or pick_surname()
    pool = (OLD_M if old else YOUNG_M) if sex == "m" else (OLD_F if old else YOUNG_F)
    g = R.choice(pool)
    return {"sur": s[0], "sur_k": s[1], "sur_r": s[2], "given": g[0], "given_k": g[1], "given_r": g[2], "sex": sex}


def full(p: dict) -> str:
    return f"{p['sur']} {p['given']}"


def nospace(p: dict) -> str:
    return f"{p['sur']}{p['given']}"


def kana(p: dict) -> str:
    return f"{p['sur_k']} {p['given_k']}" if p.get("sur_k") else ""


def phone() -> str:
    return f"0{R.choice('789')}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def address() -> str:
    return f"{R.choice(PLACES)}{R.randint(1, 5)}丁目{R.randint(1, 30)}番{R.randint(1, 20)}号"


def postal() -> str:
    return f"{R.randint(100, 399)}-{R.randint(1, 9999):04d}"


def birth(year: int) -> str:
    return f"{year}年{R.randint(1, 12)}月{R.randint(1, 28)}日"


def my_number() -> str:
    """A 12-digit 個人番号 with a valid check digit (invented)."""
    d = [R.randint(0, 9) for _ in range(11)]
    s = sum(d[10 - n] * ((n + 2) if n <= 5 else (n - 4)) for n in range(11))
    r = s % 11
    c = 0 if r <= 1 else 11 - r
    x = "".join(map(str, d)) + str(c)
    return f"{x[:4]} {x[4:8]} {x[8:]}"


def residence_card() -> str:
    return f"{R.choice('ABCDEFGHJK')}{R.choice('ABCDEFGHJK')}{R.randint(10000000, 99999999)}{R.choice('ABCDEFGH')}{R.choice('ABCDEFGH')}"


def passport_no() -> str:
    return f"{R.choice('CEGKNP')}{R.randint(1000000, 9999999)}"


# ---------------------------------------------------------------- people and organisations
contacts: list[dict] = []   # every row of contacts.csv (with extra keys)
by_addr: dict[str, dict] = {}


def add_contact(name: str, kana_: str, email: str, org: str, **extra) -> dict:
    c = {"name": name, "kana": kana_, "email": email, "organization": org, **extra}
    assert email not in by_addr, email
    contacts.append(c)
    by_addr[email] = c
    return c


OFFICES = [("学生課", "gakusei", 4), ("教務課", "kyomu", 4), ("就職・キャリア支援課", "career", 4), ("入試課", "nyushi", 3),
           ("国際交流センター", "intl", 3), ("保健管理センター", "hoken", 2), ("経理課", "keiri", 2)]
OFFICE_TEL = {"学生課": "2110", "教務課": "2120", "就職・キャリア支援課": "2150", "入試課": "2210", "国際交流センター": "2310",
              "保健管理センター": "2410", "経理課": "2510"}
staff: list[dict] = []
office_box: dict[str, str] = {}
for office, box, n in OFFICES:
    office_box[office] = f"{box}@{INTERNAL}"
    add_contact(f"{UNIV} {office}", "", f"{box}@{INTERNAL}", f"{UNIV} {office}", role="box")
    for i in range(n):
        sur = SURNAMES[0] if (office, i) in {("学生課", 1), ("入試課", 0)} else (SURNAMES[3] if (office, i) == ("経理課", 0) else None)
        while True:
            p = mk_name(R.choice("mf"), old=R.random() < 0.6, sur=sur)
            email = f"{p['given_r'][0]}.{p['sur_r']}@{INTERNAL}"
            if email not in by_addr:
                break
        p.update(office=office, email=email)
        staff.append(p)
        add_contact(full(p), kana(p), email, f"{UNIV} {office}", role="staff", person=p)
faculty: list[dict] = []
for i in range(14):
    fac = FACULTIES[i % 5][0]
    while True:
        p = mk_name(R.choice("mf"), old=True)
        email = f"{p['sur_r']}-{p['given_r'][:3]}@{INTERNAL}"
        if email not in by_addr:
            break
    p.update(fac=fac, email=email)
    faculty.append(p)
    add_contact(full(p), kana(p), email, f"{UNIV} {fac}", role="faculty", person=p)

students: list[dict] = []
used_ids: set[str] = set()


def new_student(name: dict | None = None, fac: tuple[str, str] | None = None, year: int | None = None,
                intl: dict | None = None) -> dict:
    fac = fac or R.choice(FACULTIES)
    year = year or R.choice([1, 2, 3, 4])
    ent = 27 - year
    while True:
        sid = f"{ent:02d}{fac[1]}{R.randint(1, 1999):04d}"
        if sid not in used_ids:
            break
    used_ids.add(sid)
    p = dict(name or mk_name(R.choice("mf")))
    p.update(sid=sid, fac=fac[0], year=year, uni=f"s{sid.lower()}@{STU}", free=None, parent=None,
             birth=birth(2026 - 18 - year + (0 if R.random() < 0.7 else -1)), addr=address(), zip=postal(), tel=phone(),
             org=f"{UNIV} 学生（{fac[0]}）", intl=intl, siblings=[])
    students.append(p)
    return p


for _ in range(84):
    new_student()
# siblings both enrolled: same surname, address and parent
sib_pairs = []
for _ in range(6):
    a = new_student(year=R.choice([3, 4]))
    nm = mk_name(R.choice("mf"), sur=(a["sur"], a["sur_k"], a["sur_r"]))
    while nm["given"] == a["given"]:
        nm = mk_name(R.choice("mf"), sur=(a["sur"], a["sur_k"], a["sur_r"]))
    b = new_student(name=nm, year=R.choice([1, 2]))
    b["addr"], b["zip"] = a["addr"], a["zip"]
    a["siblings"].append(b)
    b["siblings"].append(a)
    sib_pairs.append((a, b))
# full-name twins among students (unrelated)
twin_students = []
for sur, given in [(0, ("陸", "リク", "riku")), (3, ("美咲", "ミサキ", "misaki")), (2, ("葵", "アオイ", "aoi"))]:
    s = SURNAMES[sur]
    nm = {"sur": s[0], "sur_k": s[1], "sur_r": s[2], "given": given[0], "given_k": given[1], "given_r": given[2],
          "sex": "m" if given[0] == "陸" else "f"}
    a = new_student(name=nm, fac=FACULTIES[0])
    b = new_student(name=nm, fac=FACULTIES[2])
    twin_students.append((a, b))
# international students (Latin names)
intl_students = []
for sur, given, nat in LATIN_STUDENTS:
    nm = {"sur": sur, "sur_k": "", "sur_r": sur.lower(), "given": given, "given_k": "", "given_r": given.split()[0].lower(),
          "sex": "f"}
    s = new_student(name=nm, fac=FACULTIES[4], intl={"nat": nat, "passport": passport_no(), "card": residence_card()})
    intl_students.append(s)


def lfull(s: dict) -> str:
    """Display name: Latin students are written given-name first."""
    return f"{s['given']} {s['sur']}" if s.get("intl") else full(s)


for s in students:
    if s["intl"] or R.random() < 0.4:
        fmt = R.choice(["{g}.{s}{n}", "{s}_{g}{n}", "{g}{s}{n}", "{s}.{g1}.{n}"])
        while True:
            local = fmt.format(g=s["given_r"], s=s["sur_r"], g1=s["given_r"][0], n=R.randint(1, 99))
            addr = f"{local}@{R.choice(FREEMAIL)}"
            if addr not in by_addr:
                break
        s["free"] = addr
    add_contact(lfull(s), kana(s), s["uni"], s["org"], role="student", person=s)
    if s["free"]:
        add_contact(lfull(s), kana(s), s["free"], s["org"], role="student", person=s)

# parents: same surname as the child, free or carrier mail; siblings share one parent
parents: list[dict] = []
done: set[str] = set()
for s in students:
    if s["intl"] or s["sid"] in done:
        continue
    kids = [s, *s["siblings"]]
    if not (s["siblings"] or any(s in t for t in twin_students) or R.random() < 0.55):
        continue
    p = mk_name(R.choice("mf"), old=True, sur=(s["sur"], s["sur_k"], s["sur_r"]))
    p.update(kids=kids)
    for k in kids:
        k["parent"] = p
        done.add(k["sid"])
    parents.append(p)
# a full-name twin among parents: two 鈴木/佐藤 families whose parent has the same full name
same = {}
for p in parents:
    same.setdefault(p["sur"], []).append(p)
for sur in ("鈴木", "佐藤", "田中"):
    lst = same.get(sur, [])
    if len(lst) >= 2:
        lst[1]["given"], lst[1]["given_k"], lst[1]["given_r"], lst[1]["sex"] = (lst[0]["given"], lst[0]["given_k"],
                                                                               lst[0]["given_r"], lst[0]["sex"])
        break
for p in parents:
    fmt = R.choice(["{g}.{s}{y}", "{s}-family{n}", "{s}{g1}{y}", "{g}_{n}{s}", "mama.{s}{n}" if p["sex"] == "f" else "papa.{s}{n}"])
    while True:
        local = fmt.format(g=p["given_r"], s=p["sur_r"], g1=p["given_r"][0], y=R.randint(1965, 1980), n=R.randint(1, 99))
        addr = f"{local}@{R.choice(FREEMAIL + CARRIER)}"
        if addr not in by_addr:
            break
    p["email"] = addr
    p["org"] = "保護者（" + "・".join(f"{full(k)} {k['sid']}" for k in p["kids"]) + "）"
    add_contact(full(p), kana(p), addr, p["org"], role="parent", person=p)

# companies' 採用担当: several share surnames; two planted full-name twins with the same local part
COMPANIES = [
    ("東邦精機株式会社", "toho-seiki.co.example", "人事部 採用グループ", "{g1}.{s}"),
    ("東邦物産株式会社", "toho-bussan.co.example", "人事総務部", "{g1}.{s}"),
    ("株式会社みなと銀行", "minato-bank.co.example", "人事部 採用担当", "{s}_{g}"),
    ("みなと証券株式会社", "minato-sec.co.example", "人事部", "{s}_{g}"),
    ("株式会社アルタイル情報システム", "altair-is.co.example", "採用チーム", "{g}.{s}"),
    ("北斗食品株式会社", "hokuto-foods.co.example", "総務人事部", "{s}-{g1}"),
    ("株式会社さくら建設", "sakura-kensetsu.co.example", "管理本部 人事課", "{s}{g1}"),
    ("青空エアサービス株式会社", "aozora-air.co.example", "人財開発部", "{g1}_{s}"),
    ("株式会社ミライ出版", "mirai-pub.co.example", "編集総務部", "{s}.{g}"),
    ("日進電機株式会社", "nisshin-denki.co.example", "人事部 新卒採用", "{g1}.{s}"),
]
PLANT = {0: [(0, ("健一", "ケンイチ", "kenichi"), "m")], 1: [(0, ("健一", "ケンイチ", "kenichi"), "m")],
         2: [(3, ("誠", "マコト", "makoto"), "m"), (0, None, None)], 3: [(3, ("誠", "マコト", "makoto"), "m")],
         4: [(0, None, None), (2, None, None)], 5: [(2, None, None)], 6: [(2, None, None), (5, None, None)],
         7: [(5, None, None)], 8: [(3, None, None)], 9: [(2, None, None), (0, None, None)]}
orgs: dict[str, dict] = {}


def add_org(name: str, domain: str, dept: str, kind: str, people: list[dict], fmt: str) -> dict:
    o = {"name": name, "domain": domain, "dept": dept, "kind": kind, "people": []}
    for p in people:
        while True:
            local = fmt.format(g=p["given_r"], s=p["sur_r"], g1=p["given_r"][0])
            email = f"{local}@{domain}"
            if email not in by_addr:
                break
            p = mk_name(p["sex"], old=True, sur=(p["sur"], p["sur_k"], p["sur_r"]))
        p.update(email=email, org=name, dept=dept)
        o["people"].append(p)
        add_contact(full(p) if p.get("sur_k") else f"{p['given']} {p['sur']}", kana(p), email, name, role=kind, person=p)
    orgs[name] = o
    return o


for i, (name, dom, dept, fmt) in enumerate(COMPANIES):
    ppl = []
    for sur_i, given, sex in PLANT.get(i, []):
        if given:
            s = SURNAMES[sur_i]
            ppl.append({"sur": s[0], "sur_k": s[1], "sur_r": s[2], "given": given[0], "given_k": given[1],
                        "given_r": given[2], "sex": sex})
        else:
            ppl.append(mk_name(R.choice("mf"), old=True, sur=SURNAMES[sur_i]))
    while len(ppl) < 3:
        ppl.append(mk_name(R.choice("mf"), old=R.random() < 0.5))
    add_org(name, dom, dept, "company", ppl, fmt)

OTHERS = [
    ("東都学芸大学", "toto-gakugei.ac.example", "教務部 単位互換係", "partner_jp", 2, "{s}.{g1}"),
    ("株式会社キャンパスレジデンス", "campus-residence.co.example", "学生寮運営部", "dorm", 3, "{g}.{s}"),
    ("株式会社ワールドスタディ・トラベル", "worldstudy-travel.co.example", "留学サポートデスク", "travel", 3, "{s}-{g1}"),
    ("桜陵大学後援会", "oryo-koenkai.example", "事務局", "koenkai", 2, "{s}{g1}"),
    ("県立青葉高等学校", "aoba-hs.ed.example", "進路指導部", "hs", 2, "{s}-{g}"),
    ("県立青葉台高等学校", "aobadai-hs.ed.example", "進路指導部", "hs", 2, "{s}-{g}"),
    ("光明学院高等学校", "komei-gakuin.ac.example", "進路指導室", "hs", 2, "{g1}{s}"),
    ("市立北浜高等学校", "kitahama-hs.ed.example", "進路指導部", "hs", 2, "{s}.{g}"),
    ("公益財団法人ひので育英会", "hinode-ikuei.or.example", "奨学事業部", "schol", 2, "{s}_{g1}"),
    ("公益財団法人さくら奨学財団", "sakura-shogaku.or.example", "事務局", "schol", 2, "{s}.{g}"),
    ("一般財団法人みなと健診センター", "minato-kenshin.or.example", "健診事業部", "clinic", 2, "{s}{g1}"),
]
for name, dom, dept, kind, n, fmt in OTHERS:
    add_org(name, dom, dept, kind, [mk_name(R.choice("mf"), old=True) for _ in range(n)], fmt)
PARTNERS = [
    ("Universitas Aurelia", "univ-aurelia.example", "International Office", [("Marco", "Bellini", "m"), ("Lucia", "Ferraro", "f")]),
    ("Collegium Veritas Pragense", "veritas-praha.example", "Office for International Relations",
     [("Jan", "Dvorak", "m"), ("Marta", "Ferraro", "f")]),
    ("Academia Lumen Borealis", "lumen-borealis.example", "Global Mobility", [("Sofia", "Lindqvist", "f"), ("Erik", "Holm", "m")]),
    ("Universidad Sol del Pacifico", "solpacifico-u.example", "Relaciones Internacionales",
     [("Ana", "Morales", "f"), ("Diego", "Herrera", "m")]),
]
for name, dom, dept, ppl in PARTNERS:
    add_org(name, dom, dept, "partner", [{"sur": s, "sur_k": "", "sur_r": s.lower(), "given": g, "given_k": "",
                                         "given_r": g.lower(), "sex": x} for g, s, x in ppl], "{g}.{s}")
# outside lecturers (謝金 with 個人番号): individuals on free mail, one of them also staff of ミライ出版
lecturers: list[dict] = []
for i in range(5):
    p = mk_name(R.choice("mf"), old=True, sur=SURNAMES[[1, 4, 9, 20, 0][i]])
    p["email"] = f"{p['given_r']}.{p['sur_r']}.{R.randint(10, 99)}@{R.choice(FREEMAIL)}"
    p["org"] = f"外部講師 {full(p)}"
    p["mynumber"] = my_number()
    p["addr"] = address()
    lecturers.append(p)
    add_contact(full(p), kana(p), p["email"], p["org"], role="lecturer", person=p)
mirai = orgs["株式会社ミライ出版"]["people"][0]
mirai_lecturer = dict(mirai, mynumber=my_number(), addr=address())

# contacts that never appear in history (first mails to a known organisation)
never: set[str] = set()
for o in orgs.values():
    if len(o["people"]) >= 3 or o["kind"] in ("hs",):
        never.add(o["people"][-1]["email"])
for s in R.sample([s for s in students if not s["intl"]], 6):
    never.add(s["uni"])

# ---------------------------------------------------------------- ownership and history
by_office: dict[str, list[dict]] = {}
for s in staff:
    by_office.setdefault(s["office"], []).append(s)
owned: dict[str, list[str]] = {s["email"]: [] for s in staff}
domestic = [s for s in students if not s["intl"]]


def own(office: str, addrs: list[str]) -> None:
    ss = by_office[office]
    for i, a in enumerate(addrs):
        if a in never:
            continue
        owned[ss[i % len(ss)]["email"]].append(a)
        if R.random() < 0.35:
            owned[ss[(i + 1) % len(ss)]["email"]].append(a)


def stu_addrs(ss: list[dict]) -> list[str]:
    out = []
    for s in ss:
        out.append(s["uni"])
        if s["free"]:
            out.append(s["free"])
        if s["parent"] and s["parent"]["email"] not in out:
            out.append(s["parent"]["email"])
    return out


def org_addrs(kind: str) -> list[str]:
    return [p["email"] for o in orgs.values() if o["kind"] == kind for p in o["people"]]


R.shuffle(domestic)
own("学生課", stu_addrs(domestic) + org_addrs("dorm") + org_addrs("koenkai") + org_addrs("schol"))
own("教務課", stu_addrs(domestic[::-1]) + [lc["email"] for lc in lecturers] + org_addrs("partner_jp"))
own("就職・キャリア支援課", org_addrs("company") + [s["uni"] for s in domestic if s["year"] >= 3])
own("入試課", org_addrs("hs") + org_addrs("koenkai"))
own("国際交流センター", org_addrs("partner") + org_addrs("travel") + org_addrs("dorm") + stu_addrs(intl_students))
own("保健管理センター", [s["uni"] for s in students] + org_addrs("clinic"))
own("経理課", [lc["email"] for lc in lecturers] + org_addrs("koenkai") + org_addrs("travel") + [mirai["email"]])
SUBJECTS = {
    "学生課": ["奨学金説明会のご案内", "学生寮 入寮手続きについて", "課外活動届の件", "後援会総会の件", "学生証再発行について",
             "休学手続きのご案内", "学費納入について", "奨学金 継続願の提出"],
    "教務課": ["履修登録について", "成績評価の確認", "追試験のご案内", "出講日程のご確認", "単位互換の件", "シラバス入力のお願い",
             "成績通知書の送付"],
    "就職・キャリア支援課": ["学内企業説明会の件", "インターンシップ受入れについて", "求人票受領のご連絡", "内定者懇親会の件",
                      "推薦応募について", "面接日程の調整"],
    "入試課": ["オープンキャンパスのご案内", "出張講義のご依頼", "指定校推薦枠について", "入試説明会の件", "高大連携プログラム"],
    "国際交流センター": ["Exchange nomination", "派遣留学プログラムについて", "ビザ申請書類", "Learning Agreement",
                   "渡航前オリエンテーション", "航空券手配の件"],
    "保健管理センター": ["健康診断の日程", "健康診断証明書の発行", "保健管理センターからのお知らせ", "定期健康診断 委託の件"],
    "経理課": ["謝金のお支払いについて", "振込先のご確認", "支払調書の件", "講師謝金 源泉徴収について"],
}
history: list[dict] = []
sent: dict[str, set[str]] = {s["email"]: set() for s in staff}
start = dt.datetime(2025, 11, 1, tzinfo=JST)
every = [c["email"] for c in contacts if c["email"] not in never and not c["email"].endswith("@" + INTERNAL)]
for _ in range(3000):
    s = R.choice(staff)
    d = start + dt.timedelta(days=R.randint(0, 364), minutes=R.randint(8 * 60 + 30, 19 * 60))
    x = R.random()
    cc: list[str] = []
    if x < 0.80 and owned[s["email"]]:
        to = [R.choice(owned[s["email"]])]
        c = by_addr[to[0]]
        mates = [p["email"] for p in orgs.get(c["organization"], {}).get("people", []) if p["email"] not in never]
        if mates and R.random() < 0.2:
            to.append(R.choice(mates))
        if R.random() < 0.15:
            cc.append(R.choice([t["email"] for t in by_office[s["office"]]]))
    elif x < 0.92:
        to = [R.choice([t["email"] for t in staff + faculty if t["email"] != s["email"]])]
    else:
        to = [R.choice(every)]
    to = list(dict.fromkeys(to))
    subj = R.choice(SUBJECTS[s["office"]])
    if R.random() < 0.3:
        subj = "RE: " + subj
    history.append({"date": d.isoformat(), "from": s["email"], "to": to, "cc": [a for a in cc if a not in to and a != s["email"]],
                    "subject": subj})
    sent[s["email"]].update(to + cc)
history.sort(key=lambda h: h["date"])


def known(sender: dict, addr: str) -> bool:
    return addr in sent[sender["email"]]


# ---------------------------------------------------------------- documents
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))


def pdf_doc(title: str, lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    h = A4[1]
    y = h - 60
    c.setFont("HeiseiKakuGo-W5", 16)
    c.drawString(60, y, title)
    y -= 36
    c.setFont("HeiseiMin-W3", 10.5)
    for ln in lines:
        while ln:
            part, ln = ln[:46], ln[46:]
            if y < 60:
                c.showPage()
                c.setFont("HeiseiMin-W3", 10.5)
                y = h - 60
            c.drawString(60, y, part)
            y -= 17
    c.showPage()
    c.save()
    return buf.getvalue()


def xlsx_doc(sheets: list[tuple[str, list[str], list[list]]], title: str | None = None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, header, rows in sheets:
        ws = wb.create_sheet(name)
        if title:
            ws.append([title])
        ws.append(header)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_doc(title: str, paras: list[str], table: list[list[str]] | None = None) -> bytes:
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


def csv_doc(header: list[str], rows: list[list], enc: str = "utf-8-sig") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode(enc)


def zip_doc(files: list[tuple[str, bytes]], password: str | None = None) -> bytes:
    if not password:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in files:
                z.writestr(n, b)
        return buf.getvalue()
    tmp = tempfile.mkdtemp()
    try:
        for n, b in files:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(b)
        subprocess.run(["zip", "-q", "-P", password, "out.zip", *[n for n, _ in files]], cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def fake_student_row(fac: str | None = None) -> dict:
    fac_t = next(f for f in FACULTIES if f[0] == fac) if fac else R.choice(FACULTIES)
    p = mk_name(R.choice("mf"))
    y = R.choice([1, 2, 3, 4])
    return dict(p, sid=f"{27 - y:02d}{fac_t[1]}{R.randint(1, 1999):04d}", fac=fac_t[0], year=y, birth=birth(2026 - 18 - y),
                addr=address(), zip=postal(), tel=phone(), free=f"{p['given_r']}{R.randint(100, 999)}@{R.choice(FREEMAIL)}")


def roster(n: int, fac: str | None = None, extra: list[dict] | None = None) -> tuple[list[str], list[list]]:
    rows = [fake_student_row(fac) for _ in range(n)] + (extra or [])
    R.shuffle(rows)
    header = ["学籍番号", "氏名", "フリガナ", "学部", "学年", "生年月日", "郵便番号", "住所", "電話番号", "メールアドレス"]
    return header, [[r["sid"], full(r), kana(r), r["fac"], r["year"], r["birth"], r["zip"], r["addr"], r["tel"],
                     r.get("free") or r.get("uni")] for r in rows]


def transcript_pdf(s: dict) -> bytes:
    lines = [f"氏名　{lfull(s)}（{kana(s)}）" if kana(s) else f"氏名　{lfull(s)}", f"学籍番号　{s['sid']}",
             f"所属　{UNIV} {s['fac']} {s['year']}年", f"生年月日　{s['birth']}", "", "科目名　単位　評価"]
    tot = 0.0
    cs = R.sample(COURSES, 10)
    for c in cs:
        g = R.choice(GRADES)
        tot += {"S": 4, "A": 3, "B": 2, "C": 1, "D": 0}[g]
        lines.append(f"{c}　2　{g}")
    lines += ["", f"GPA　{tot / len(cs):.2f}", f"上記のとおり相違ないことを証明する。　2026年11月{R.randint(2, 20)}日",
              f"学校法人桜陵学園 {UNIV} 学長"]
    return pdf_doc("成績証明書", lines)


def enrolment_xlsx(s: dict) -> bytes:
    rows = [[s["sid"], lfull(s), R.choice(["前期", "後期"]), c, R.choice(["月", "火", "水", "木", "金"]) + str(R.randint(1, 5)),
             2] for c in R.sample(COURSES, R.randint(8, 12))]
    return xlsx_doc([("履修登録", ["学籍番号", "氏名", "学期", "科目名", "曜日時限", "単位"], rows)],
                    title=f"2026年度 履修登録一覧 {lfull(s)}（{s['sid']}）")


def grade_notice_pdf(s: dict) -> bytes:
    p = s.get("parent")
    lines = [f"保護者 {full(p)} 様" if p else "保護者様", "", f"学生氏名　{full(s)}　学籍番号 {s['sid']}",
             f"{s['fac']} {s['year']}年", "2026年度前期 修得単位 " + str(R.randint(6, 22)) + "単位",
             "GPA " + f"{R.uniform(0.8, 3.6):.2f}"]
    lines += [f"{c}　{R.choice(GRADES)}" for c in R.sample(COURSES, 6)]
    return pdf_doc("成績通知書（保護者用）", lines)


def health_pdf(s: dict, certificate: bool = False, diag: str | None = None) -> tuple[bytes, str]:
    d = diag or R.choice(DIAG)
    if certificate:
        lines = [f"氏名　{lfull(s)}", f"学籍番号　{s['sid']}", f"生年月日　{s['birth']}", "", f"病名　{d}",
                 "上記の疾患により、2026年10月20日から11月30日まで通院加療を要する。", "桜陵大学 保健管理センター 学校医"]
        return pdf_doc("診断書", lines), d
    f = R.choice(FINDINGS)
    lines = [f"氏名　{lfull(s)}　学籍番号 {s['sid']}", f"生年月日　{s['birth']}", "受診日　2026年4月14日",
             f"身長 {R.randint(150, 185)}.{R.randint(0, 9)}cm　体重 {R.randint(42, 85)}.{R.randint(0, 9)}kg",
             f"所見　{f}", f"既往歴　{d}", "判定　要受診（二次検査を受けてください）"]
    return pdf_doc("2026年度 定期健康診断 結果通知", lines), f"{f} / {d}"


def recommendation_doc(s: dict, c: dict, as_pdf: bool) -> bytes:
    to = f"{c['org']} {c['dept']} {full(c)} 様" if c.get("sur_k") else f"{c['org']} {c['given']} {c['sur']}"
    paras = [to, "", f"{UNIV} {s['fac']} {s['year']}年　{full(s)}（学籍番号 {s['sid']}、{s['birth']}生）",
             f"上記の者は、本学において学業成績優秀であり、貴社の{R.choice(['総合職', '技術職', '営業職', '事務職'])}を志望する者として推薦いたします。",
             f"GPA {R.uniform(2.8, 3.9):.2f}。ゼミでは{R.choice(['地域経済', '比較法', '材料工学', '近代文学', '国際協力'])}を研究しています。",
             "2026年11月　桜陵大学 就職・キャリア支援課長"]
    return pdf_doc("推薦書", paras) if as_pdf else docx_doc("推薦書", paras)


def scholarship_doc(s: dict, body: dict, as_pdf: bool) -> bytes:
    p = s.get("parent") or mk_name("m", old=True, sur=(s["sur"], s["sur_k"], s["sur_r"]))
    inc = R.randint(180, 620) * 10000
    rows = [["申請者", full(s), s["sid"]], ["宛先", body["name"], "奨学生推薦"], ["生計維持者", full(p), "父" if p["sex"] == "m" else "母"],
            ["世帯年収", f"{inc:,}円", "源泉徴収票より"], ["所得金額", f"{int(inc * 0.7):,}円", ""],
            ["家族構成", f"{R.randint(3, 6)}人", "兄弟姉妹在学 " + str(R.randint(0, 2)) + "人"],
            ["特別な事情", R.choice(["父の疾病による休職", "母子家庭", "災害被災", "なし"]), ""]]
    if as_pdf:
        return pdf_doc("奨学金申請書（家計状況調書）", [f"{body['name']} 御中", ""] + ["　".join(r) for r in rows])
    return xlsx_doc([("家計状況", ["項目", "内容", "備考"], rows)], title=f"{body['name']} 奨学金申請 {full(s)}")


def residence_pdf(s: dict) -> bytes:
    i = s["intl"]
    lines = [f"NAME　{s['sur'].upper()} {s['given'].upper()}", f"国籍・地域　{i['nat']}", f"在留カード番号　{i['card']}",
             "在留資格　留学", "在留期間満了日　2028年9月30日", f"旅券番号　{i['passport']}", f"学籍番号　{s['sid']}",
             f"学生氏名　{lfull(s)}",
             f"住居地　{s['addr']}"]
    return pdf_doc("在留カード・旅券（写）", lines)


def admission_rows(n: int, schools: list[str]) -> tuple[list[str], list[list]]:
    rows = []
    for _ in range(n):
        p = mk_name(R.choice("mf"))
        rows.append([f"A{R.randint(10000, 39999)}", full(p), kana(p), R.choice(schools), R.choice(["一般選抜", "総合型選抜", "学校推薦型"]),
                     R.choice(FACULTIES)[0], R.randint(120, 290), R.choice(["合格", "合格", "不合格", "補欠"])])
    return ["受験番号", "氏名", "フリガナ", "出身高校", "入試区分", "志望学部", "得点", "合否"], rows


# ---------------------------------------------------------------- mail
MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.4.0", "Active! mail 6", "Becky! ver. 2.81.04", "Garoon mail"]


def sig(s: dict) -> str:
    st = R.randrange(3)
    if st == 0:
        return (f"\n\n――――――――――――――\n{UNIV} {s['office']}\n{full(s)}\nTEL 03-5318-{OFFICE_TEL[s['office']]}"
                f"（内線 {R.randint(200, 499)}）\n{s['email']}")
    if st == 1:
        return f"\n\n-- \n学校法人桜陵学園 {UNIV}\n{s['office']}　{full(s)}\n〒170-0005 東京都豊島区南大塚9丁目9番9号"
    return f"\n\n********************\n{full(s)}（{s['office']}）\n{UNIV}\n********************"


def s_sal(s: dict) -> str:
    if s.get("intl"):
        return R.choice([f"{lfull(s)} さん", f"Dear {s['given'].split()[0]},", f"{lfull(s)} さん（{s['sid']}）"])
    return R.choice([f"{s['fac']} {s['year']}年 {full(s)} さん", f"{full(s)}さん（学籍番号 {s['sid']}）", f"{full(s)} さん",
                     f"{s['fac']}{s['year']}年　{full(s)}さん"])


def p_sal(p: dict, kid: dict) -> str:
    return R.choice([f"{full(p)} 様", f"{full(kid)}さんの保護者様", f"保護者 {full(p)} 様",
                     f"{full(kid)}さん（{kid['fac']}）保護者 {full(p)} 様"])


def c_sal(c: dict) -> str:
    if not c.get("sur_k"):
        return f"{c['org']}\n{c['given']} {c['sur']} 様"
    return R.choice([f"{c['org']}\n{c['dept']}\n{full(c)} 様", f"{c['org']} {c['dept']}\n{c['sur']} 様",
                     f"{c['org']}\n{full(c)} 様"])


GREET_EXT = ["いつもお世話になっております。", "平素より大変お世話になっております。", "日頃より本学学生へのご支援をいただき、ありがとうございます。",
             "お世話になっております。"]
GREET_STU = ["お疲れさまです。", "こんにちは。", "連絡します。", ""]


def greet(who: str, s: dict) -> str:
    g = R.choice(GREET_STU if who == "stu" else GREET_EXT)
    return f"{g}\n{UNIV} {s['office']}の{s['sur']}です。" if g else f"{UNIV} {s['office']}の{s['sur']}です。"


def quote(text: str, name: str, addr: str, subject: str, when: str) -> str:
    st = R.randrange(3)
    if st == 0:
        return "\n\n" + "\n".join("> " + ln for ln in text.splitlines())
    if st == 1:
        return (f"\n\n-----Original Message-----\nFrom: {name} <{addr}>\nSent: {when}\nTo: {UNIV}\nSubject: {subject}\n\n"
                + text)
    return f"\n\n{when} {name} <{addr}>:\n" + "\n".join("> " + ln for ln in text.splitlines())


def hdr(v: str, cs: str) -> str:
    try:
        v.encode("ascii")
        return v
    except UnicodeEncodeError:
        return Header(v, cs).encode()


def fmt_addr(pairs: list[tuple[str, str]], cs: str) -> str:
    return ", ".join(formataddr((n, a), charset=cs) if n else a for n, a in pairs)


def text_part(text: str, subtype: str, cs: str) -> MIMENonMultipart:
    part = MIMENonMultipart("text", subtype, charset={"iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS"}.get(cs, "utf-8"))
    data = text.replace("\n", "\r\n").encode(cs)
    if cs == "iso-2022-jp":
        part.set_payload(data.decode("ascii"))
        part["Content-Transfer-Encoding"] = "7bit"
    else:
        part.set_payload(base64.encodebytes(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    return part


def to_html(text: str) -> str:
    paras = text.split("\n\n")
    body = "".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>\n" for p in paras)
    return ('<html><head><meta charset="utf-8"></head><body style="font-family:\'Meiryo\',sans-serif;font-size:14px">\n'
            + body + "</body></html>")


CTYPES = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "csv": ("text", "csv"),
          "zip": ("application", "zip")}


def build(m: dict, when: dt.datetime, n: int) -> tuple[bytes, str]:
    fmt = m.get("fmt") or R.choices(["utf8", "alt", "jis", "sjis", "html"], [55, 8, 17, 9, 11])[0]
    body = m["body"]
    cs = {"utf8": "utf-8", "alt": "utf-8", "html": "utf-8", "jis": "iso-2022-jp", "sjis": "shift_jis"}[fmt]
    try:
        body.encode(cs)
        (m["subject"] + "".join(x for x, _ in m["to"] + m["cc"] + m["bcc"]) + "".join(a for a, _ in m["atts"])).encode(
            "iso-2022-jp" if cs != "utf-8" else "utf-8")
    except UnicodeEncodeError:
        fmt, cs = "utf8", "utf-8"
    hcs = "utf-8" if cs == "utf-8" else "iso-2022-jp"
    if fmt == "html":
        main = text_part(to_html(body), "html", cs)
    elif fmt == "alt":
        main = MIMEMultipart("alternative")
        main.attach(text_part(body, "plain", cs))
        main.attach(text_part(to_html(body), "html", cs))
    else:
        main = text_part(body, "plain", cs)
    if m["atts"]:
        msg = MIMEMultipart("mixed")
        msg.attach(main)
        for name, data in m["atts"]:
            ext = name.rsplit(".", 1)[-1].lower()
            mt, st = CTYPES[ext]
            if mt == "text":
                part = MIMENonMultipart("text", "csv", charset=m.get("csv_charset", "utf-8"))
                part.set_payload(base64.encodebytes(data).decode("ascii"))
                part["Content-Transfer-Encoding"] = "base64"
            else:
                part = MIMEApplication(data, st)
            if hcs == "utf-8":
                part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
            else:
                enc = hdr(name, "iso-2022-jp")
                part.add_header("Content-Disposition", "attachment", filename=enc)
                part.set_param("name", enc)
            msg.attach(part)
    else:
        msg = main
    s = m["sender"]
    msg["From"] = fmt_addr([(full(s), s["email"])], hcs)
    msg["To"] = fmt_addr(m["to"], hcs)
    if m["cc"]:
        msg["Cc"] = fmt_addr(m["cc"], hcs)
    if m["bcc"]:
        msg["Bcc"] = fmt_addr(m["bcc"], hcs)
    msg["Subject"] = hdr(m["subject"], hcs)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{when.strftime('%Y%m%d%H%M%S')}.{n:04d}.{R.randint(10**8, 10**9)}@{INTERNAL}>"
    msg["X-Mailer"] = R.choice(MAILERS)
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    return msg.as_bytes(), fmt


# ---------------------------------------------------------------- cases
cases: list[dict] = []


def case(kind: str, expected: str, sender: dict, to: list, subject: str, body: str, note: str, cc: list | None = None,
         bcc: list | None = None, atts: list | None = None, codes: list[str] | None = None, wrong: list[str] | None = None,
         allow: list[str] | None = None, **kw) -> None:
    cases.append(dict(kind=kind, expected=expected, sender=sender, to=to, cc=cc or [], bcc=bcc or [], subject=subject,
                      body=body, atts=atts or [], codes=codes or [], wrong=wrong or [], allow=allow or [], note=note, **kw))


def sp(s: dict) -> tuple[str, str]:
    """Header pair for a student's university address."""
    return (lfull(s) if R.random() < 0.85 else "", s["uni"])


def cp(c: dict) -> tuple[str, str]:
    return (full(c) if c.get("sur_k") else f"{c['given']} {c['sur']}", c["email"])


def pick_staff(office: str) -> dict:
    return R.choice(by_office[office])


def owner_of(office: str, addr: str) -> dict:
    ss = [s for s in by_office[office] if known(s, addr)]
    return R.choice(ss) if ss else pick_staff(office)


def same_surname_students(pool: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for a in pool:
        for b in pool:
            if a is not b and a["sur"] == b["sur"] and a not in b["siblings"] and a["sid"] < b["sid"]:
                pairs.append((a, b))
    return pairs


dom_pairs = same_surname_students(domestic)
R.shuffle(dom_pairs)
companies = [o for o in orgs.values() if o["kind"] == "company"]
comp_people = [p for o in companies for p in o["people"]]
surname_company_pairs = [(a, b) for a in comp_people for b in comp_people if a["sur"] == b["sur"] and a["org"] != b["org"]]
R.shuffle(surname_company_pairs)


def t_file(s: dict, what: str, ext: str) -> str:
    return R.choice([f"{what}_{s['sid']}_{nospace(s) if not s.get('intl') else s['sur']}.{ext}", f"{nospace(s)}_{what}.{ext}",
                     f"{what}（{full(s)}）.{ext}", f"{s['sid']}_{what}.{ext}"])


def student_doc(s: dict, what: str) -> tuple[str, bytes, bool]:
    """(file name, bytes, sensitive) of one student's document."""
    if what == "transcript":
        return t_file(s, "成績証明書", "pdf"), transcript_pdf(s), False
    if what == "enrol":
        return t_file(s, "履修登録一覧", "xlsx"), enrolment_xlsx(s), False
    if what == "health":
        b, _ = health_pdf(s)
        return t_file(s, "健康診断結果", "pdf"), b, True
    if what == "cert":
        b, _ = health_pdf(s, certificate=True)
        return t_file(s, "診断書", "pdf"), b, True
    if what == "grade":
        return t_file(s, "成績通知書", "pdf"), grade_notice_pdf(s), False
    raise ValueError(what)


DOC_TEXT = {
    "transcript": ["申請のあった成績証明書（PDF版）を発行しましたので添付します。就職活動での提出にご利用ください。",
                   "ご依頼の成績証明書をお送りします。原本が必要な場合は窓口で受け取ってください。"],
    "enrol": ["後期の履修登録内容を一覧にしました。科目と単位数に誤りがないか、11月20日までに確認してください。",
              "履修登録の確認期間です。登録済み科目の一覧を添付しますので、不足単位がないかご確認ください。"],
    "health": ["4月の定期健康診断で二次検査の対象となりました。結果通知を添付しますので、医療機関を受診してください。",
               "健康診断の結果に要受診の項目がありました。詳細は添付の結果通知をご覧ください。"],
    "cert": ["ご依頼の診断書を作成しました。授業担当教員への配慮申請にご利用ください。",
             "保健管理センターで作成した診断書を添付します。取り扱いにご注意ください。"],
    "grade": ["2026年度前期の成績通知書をお送りいたします。ご家庭でもご確認いただけますと幸いです。",
              "前期の成績がまとまりましたので、保護者の皆様にお知らせしております。添付をご確認ください。"],
}
DOC_SUBJ = {"transcript": ["成績証明書の送付", "【教務課】成績証明書（PDF）", "成績証明書発行のご連絡"],
            "enrol": ["履修登録内容の確認", "【教務課】後期履修登録一覧", "履修登録確認のお願い"],
            "health": ["健康診断結果のお知らせ", "【保健管理センター】二次検査のお願い"],
            "cert": ["診断書の送付", "【保健管理センター】診断書"],
            "grade": ["成績通知書の送付", "前期成績のお知らせ（保護者様）"]}
DOC_OFFICE = {"transcript": "教務課", "enrol": "教務課", "health": "保健管理センター", "cert": "保健管理センター", "grade": "教務課"}


# ================================================================ risky kinds
def r_same_surname_wrong_student() -> None:
    placements = ["to"] * 5 + ["cc"] * 2 + ["bcc"] * 3
    pairs = [t for t in twin_students] + dom_pairs[:7]
    for i, where in enumerate(placements):
        a, b = pairs[i] if R.random() < 0.5 else pairs[i][::-1]
        what = R.choice(["transcript", "enrol", "health", "transcript", "enrol"])
        s = owner_of(DOC_OFFICE[what], a["uni"])
        name, data, sens = student_doc(a, what)
        body = f"{s_sal(a)}\n\n{greet('stu', s)}\n{R.choice(DOC_TEXT[what])}" + sig(s)
        codes = ["content_recipient_mismatch", "pii_in_attachment", "similar_recipient"]
        if where == "to":
            to, cc, bcc = [sp(b)], [], []
            codes.append("attachment_recipient_mismatch")
            note = f"for {full(a)} ({a['sid']}); To is same-surname student {lfull(b)} ({b['sid']}, {b['uni']})"
        elif where == "cc":
            to, cc, bcc = [sp(a)], [sp(b)], []
            note = f"To {full(a)} ({a['sid']}) is right; autocomplete added {lfull(b)} ({b['sid']}) in Cc"
        else:
            to, bcc, cc = [sp(a)], [sp(b)], []
            note = f"To {full(a)} ({a['sid']}) is right; {lfull(b)} ({b['sid']}) in Bcc by autocomplete"
        if sens:
            codes.append("sensitive_pii")
        case("same_surname_wrong_student", "risky", s, to, R.choice(DOC_SUBJ[what]), body,
             note + f"; attachment names {full(a)}", cc=cc, bcc=bcc, atts=[(name, data)], codes=codes, wrong=[b["uni"]])


def r_wrong_parent() -> None:
    fams = [p for p in parents if len(p["kids"]) == 1]
    pairs = [(x, y) for x in fams for y in fams if x is not y and x["sur"] == y["sur"]]
    R.shuffle(pairs)
    pairs.sort(key=lambda t: full(t[0]) != full(t[1]))   # the full-name twin parents first
    for i in range(7):
        pa, pb = pairs[i]
        kid = pa["kids"][0]
        s = owner_of("教務課" if i % 2 else "学生課", pa["email"])
        variant = i % 3
        atts = []
        codes = ["content_recipient_mismatch", "similar_recipient"]
        if variant == 0:
            name, data, _ = student_doc(kid, "grade")
            atts = [(name, data)]
            text = R.choice(DOC_TEXT["grade"])
            subj = R.choice(DOC_SUBJ["grade"])
            codes += ["attachment_recipient_mismatch", "pii_in_attachment"]
        elif variant == 1:
            text = (f"{full(kid)}さんは後期の授業で欠席が続いており、{R.choice(COURSES)}ほか{R.randint(2, 4)}科目で出席不足となっています。"
                    f"\nつきましては、11月{R.randint(16, 27)}日（{R.choice('月火水木金')}）に指導教員を交えた面談をお願いしたく、ご都合をお知らせください。"
                    f"\n（ご本人の携帯 {kid['tel']} にも連絡しておりますが、応答がありません）")
            subj = "ご子女の修学状況について（面談のお願い）"
        else:
            text = (f"{full(kid)}さん（学籍番号 {kid['sid']}）の後期学費 {R.choice(['548,000', '612,500', '705,000'])}円が、"
                    f"納入期限（10月31日）を過ぎても未納となっております。\n分納・延納をご希望の場合は学生課までご相談ください。")
            subj = "後期学費納入のお願い"
        body = f"{p_sal(pa, kid)}\n\n{greet('ext', s)}\n{text}" + sig(s)
        if i == 6:
            to, cc = [(full(pa), pa["email"])], [(full(pb), pb["email"])]
            note = f"for {full(kid)}'s parent {pa['email']}; autocomplete added another {pa['sur']} parent {pb['email']} in Cc"
            codes.append("multiple_external_orgs")
        else:
            to, cc = [(full(pb), pb["email"])], []
            note = f"about {full(kid)} for parent {pa['email']}; To is another family's parent {full(pb)} {pb['email']}"
        if atts:
            note += f"; attachment names {full(kid)}"
        case("wrong_parent", "risky", s, to, subj, body, note, cc=cc, atts=atts, codes=codes, wrong=[pb["email"]])


def r_recommendation_wrong_company() -> None:
    twins = [(a, b) for a, b in surname_company_pairs if full(a) == full(b)]
    pairs = twins[:2] + [p for p in surname_company_pairs if p not in twins][:5]
    for i, (ca, cb) in enumerate(pairs):
        st = R.choice([x for x in domestic if x["year"] >= 3])
        s = owner_of("就職・キャリア支援課", ca["email"])
        as_pdf = R.random() < 0.5
        fname = R.choice([f"推薦書_{nospace(st)}.{'pdf' if as_pdf else 'docx'}",
                          f"推薦書（{ca['org']}）_{st['sid']}.{'pdf' if as_pdf else 'docx'}"])
        att = (fname, recommendation_doc(st, ca, as_pdf))
        text = (f"先日ご案内いただきました{R.choice(['推薦応募', '学校推薦枠', '大学推薦'])}につき、本学{st['fac']}{st['year']}年の"
                f"{full(st)}を推薦いたします。\n推薦書を添付いたしますので、ご査収ください。\n成績証明書・健康診断証明書は別途郵送いたします。")
        if i < 4:
            body = f"{c_sal(ca)}\n\n{greet('ext', s)}\n{text}" + sig(s)
            codes = ["attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment", "similar_recipient"]
            note = f"推薦書 for {ca['org']} {full(ca)} ({ca['email']}) sent to {cb['org']} {full(cb)} ({cb['email']})"
        else:
            body = f"{c_sal(cb)}\n\n{greet('ext', s)}\n{text}" + sig(s)
            codes = ["attachment_recipient_mismatch", "pii_in_attachment"]
            note = f"to {cb['org']} {full(cb)}; the attached 推薦書 is addressed to {ca['org']}"
        case("recommendation_wrong_company", "risky", s, [cp(cb)], R.choice(["推薦書送付のご案内", "学校推薦のご連絡",
             f"【{UNIV}】推薦書の送付"]), body, note + f" (student {full(st)})", atts=[att], codes=codes,
             wrong=[cb["email"]] if i < 4 else [])


def ext_person(kind: str) -> dict:
    return R.choice([p for o in orgs.values() if o["kind"] == kind for p in o["people"] if p["email"] not in never])


def r_bulk_list_external() -> None:
    plans = [
        ("学生課", "dorm", "入寮予定者（12名）の名簿をお送りします。", "経済学部1年 学生名簿", 240, None, "xlsx"),
        ("学生課", "koenkai", "会報の発送先として、学生名簿を添付いたします。", "学生名簿（全学部2年）", 300, None, "csv"),
        ("国際交流センター", "travel", "派遣予定者の名簿をお送りします。航空券手配にご利用ください。", "留学生・派遣学生名簿", 80, None, "xlsx"),
        ("就職・キャリア支援課", "company", "貴社の内定者懇親会の出欠確認用に、名簿をお送りします。", "2027年3月卒業予定者 内定状況一覧", 120, None, "xlsx"),
        ("教務課", "lecturer", "ご担当科目の履修者名簿を添付します。", "履修者名簿（住所録付き）", 150, None, "csv"),
        ("学生課", "schol", "奨学生候補者の名簿を添付いたします。", "学生名簿（法学部・文学部）", 180, None, "xlsx"),
        ("学生課", "dorm", "入寮者名簿をお送りします。パスワードは別途お知らせします。", "学生名簿", 200, "Oryo2026dorm", "csv"),
        ("入試課", "hs", "卒業生の在籍状況として名簿を添付いたします。パスワードは別メールでお送りします。", "在学生名簿", 150, "Aoba#1126", "xlsx"),
    ]
    for office, kind, line, title, n, pw, ext in plans:
        if kind == "lecturer":
            c = R.choice(lecturers)
            salute = f"{full(c)} 先生"
        else:
            c = ext_person(kind)
            salute = c_sal(c)
        s = owner_of(office, c["email"])
        header, rows = roster(n)
        if kind == "company":
            header = [*header, "内定先"]
            rows = [[*r, R.choice(companies)["name"]] for r in rows]
        fname = f"{title.split('（')[0]}_{R.randint(20261101, 20261130)}.{ext}"
        data = xlsx_doc([("名簿", header, rows)], title=title) if ext == "xlsx" else csv_doc(header, rows, R.choice(["utf-8-sig", "cp932"]))
        codes = ["bulk_pii", "pii_in_attachment"]
        atts = [(fname, data)]
        extra = {}
        if ext == "csv" and data[:3] != b"\xef\xbb\xbf":
            extra["csv_charset"] = "Shift_JIS"
        if pw:
            atts = [(fname.rsplit(".", 1)[0] + ".zip", zip_doc([(fname, data)], pw))]
            codes = ["bulk_pii", "unscannable_attachment"]
        if kind == "company":
            codes.append("attachment_recipient_mismatch")
        body = f"{salute}\n\n{greet('ext', s)}\n{line}\nご確認のほど、よろしくお願いいたします。" + sig(s)
        note = f"{title} ({n} rows: 住所・電話・生年月日) to {c['org']} {c['email']}"
        if pw:
            note += f" in a zip (password {pw})"
        case("bulk_list_external", "risky", s, [cp(c) if kind != "lecturer" else (full(c), c["email"])],
             R.choice(["名簿の送付", "名簿送付の件", f"【{UNIV}】名簿をお送りします"]), body, note, atts=atts, codes=codes, **extra)


def r_admission_results_external() -> None:
    hs = [o for o in orgs.values() if o["kind"] == "hs"]
    targets = [R.choice([p for p in o["people"] if p["email"] not in never]) for o in hs] + [orgs["東都学芸大学"]["people"][0]]
    for c in targets:
        s = owner_of("入試課", c["email"])
        header, rows = admission_rows(R.randint(60, 200), [o["name"] for o in hs] + ["私立南台高等学校", "県立西浜高等学校"])
        if c["org"] in [o["name"] for o in hs]:
            line = f"貴校から出願された生徒の{R.choice(['総合型選抜', '学校推薦型選抜'])}の結果をお知らせいたします。"
        else:
            line = "単位互換協定に基づく入学者情報の共有として、合否結果一覧を添付いたします。"
        ext = R.choice(["xlsx", "csv", "xlsx"])
        data = xlsx_doc([("合否", header, rows)], title="2027年度入試 合否一覧") if ext == "xlsx" else csv_doc(header, rows)
        body = f"{c_sal(c)}\n\n{greet('ext', s)}\n{line}\n添付をご確認ください。" + sig(s)
        case("admission_results_external", "risky", s, [cp(c)], R.choice(["入試結果のご連絡", "合否結果について"]), body,
             f"合否一覧 of all applicants ({len(rows)} rows, many high schools) to {c['org']} {c['email']}",
             atts=[(f"2027入試_合否一覧.{ext}", data)], codes=["attachment_recipient_mismatch", "bulk_pii", "pii_in_attachment"])


def r_open_recipient_list() -> None:
    plans = [("教務課", "stu", "追試験の実施について", "下記の科目で追試験の対象となっています。11月25日までに追試験願を提出してください。"),
             ("学生課", "par", "保護者懇談会のご案内", "12月6日（土）に保護者懇談会を開催いたします。出欠を11月28日までにご返信ください。"),
             ("保健管理センター", "stu", "二次検査未受診の方へ", "定期健康診断で二次検査の対象となった方のうち、まだ受診していない方にお送りしています。"),
             ("就職・キャリア支援課", "stu", "学内合同企業説明会のご案内", "12月に学内合同企業説明会を開催します。参加希望者は申込フォームから登録してください。"),
             ("学生課", "stu", "奨学金継続手続きのお知らせ", "奨学金の継続願の提出期限が近づいています。未提出の方は至急提出してください。"),
             ("学生課", "par", "後期学費 未納のお知らせ", "後期学費の納入が確認できていないご家庭にお送りしています。"),
             ("国際交流センター", "intl", "在留期間更新の手続きについて", "在留期間の更新が必要な方にお知らせします。在留カードの写しを提出してください。")]
    for i, (office, who, subj, text) in enumerate(plans):
        s = pick_staff(office)
        n = R.randint(10, 28)
        if who == "stu":
            ppl = R.sample(domestic, n)
            addrs = [(lfull(x), x["free"] if x["free"] and R.random() < 0.4 else x["uni"]) for x in ppl]
            sal = "学生各位"
        elif who == "par":
            ppl = R.sample(parents, min(n, len(parents)))
            addrs = [(full(x), x["email"]) for x in ppl]
            sal = "保護者各位"
        else:
            ppl = R.sample(intl_students, 9)
            addrs = [(lfull(x), x["free"] or x["uni"]) for x in ppl]
            sal = "留学生各位 / Dear international students,"
        where = "to" if i % 3 else "cc"
        to, cc = (addrs, []) if where == "to" else ([(f"{UNIV} {office}", office_box[office])], addrs)
        orgset = {by_addr[a]["organization"] for _, a in addrs}
        codes = ["open_recipient_list"] + (["multiple_external_orgs"] if len(orgset) > 1 else [])
        if office == "保健管理センター":
            codes.append("sensitive_pii")
        body = f"{sal}\n\n{greet('stu' if who != 'par' else 'ext', s)}\n{text}\n詳細は学内ポータルをご確認ください。" + sig(s)
        case("open_recipient_list", "risky", s, to, subj, body, f"{len(addrs)} {who} addresses in {where.capitalize()} (not Bcc)",
             cc=cc, codes=codes)


def r_reply_all_keeps_other() -> None:
    for i in range(6):
        v = i % 3
        if v == 0:   # company thread with student A in Cc; reply carries student B's data
            c = ext_person("company")
            a, b = R.sample([x for x in domestic if x["year"] >= 3], 2)
            s = owner_of("就職・キャリア支援課", c["email"])
            orig = (f"{UNIV} 就職・キャリア支援課 御中\n\n{c['org']}の{c['sur']}です。\n{full(a)}さんの最終面接日程について、"
                    f"11月{R.randint(10, 20)}日でご調整いただけますでしょうか。\n（{full(a)}さんにもCcでお送りしています）")
            name, data, _ = student_doc(b, "transcript")
            body = (f"{c_sal(c)}\n\n{greet('ext', s)}\nあわせて、ご依頼のありました{full(b)}さん（{b['fac']}）の成績証明書を添付いたします。"
                    f"\n{full(b)}さんの推薦書は来週お送りします。" + sig(s) + quote(orig, full(c), c["email"], "最終面接日程の件", "2026/11/05 17:42"))
            case("reply_all_keeps_other", "risky", s, [cp(c)], "RE: 最終面接日程の件", body,
                 f"reply-all keeps student {full(a)} ({a['uni']}) in Cc on a mail with {full(b)}'s 成績証明書; attachment names {full(b)}",
                 cc=[sp(a)], atts=[(name, data)], codes=["attachment_recipient_mismatch", "content_recipient_mismatch",
                                                        "multiple_external_orgs", "pii_in_attachment"], wrong=[a["uni"]])
        elif v == 1:  # a group notice to parents in To; one replies to all, staff answers with her child's grades
            ppl = R.sample([p for p in parents if len(p["kids"]) == 1], R.randint(5, 9))
            pa = ppl[0]
            kid = pa["kids"][0]
            s = pick_staff("学生課")
            orig = f"{full(kid)}の{'母' if pa['sex'] == 'f' else '父'}です。懇談会には出席いたします。\n前期の成績が心配なので、当日詳しくお聞きしたいです。"
            body = (f"{full(pa)} 様\n\n{greet('ext', s)}\n{full(kid)}さんの前期の成績は、修得単位{R.randint(4, 12)}単位・GPA {R.uniform(0.5, 1.4):.2f}で、"
                    f"{R.choice(COURSES)}と{R.choice(COURSES)}が不可となっております。\n当日は指導教員の{R.choice(faculty)['sur']}先生も同席いたします。"
                    + sig(s) + quote(orig, full(pa), pa["email"], "RE: 保護者懇談会のご案内", "2026/11/09 21:03"))
            others = [(full(p), p["email"]) for p in ppl[1:]]
            case("reply_all_keeps_other", "risky", s, [(full(pa), pa["email"])], "RE: RE: 保護者懇談会のご案内", body,
                 f"reply-all to {pa['email']} about {full(kid)}'s grades keeps {len(others)} other parents in Cc",
                 cc=others, codes=["content_recipient_mismatch", "multiple_external_orgs", "open_recipient_list"],
                 wrong=[a for _, a in others])
        else:  # joint mail from two companies (合同説明会); reply-all with one student's 推薦 details
            ca, cb = R.sample([o for o in companies], 2)
            ca, cb = R.choice(ca["people"]), R.choice(cb["people"])
            st = R.choice([x for x in domestic if x["year"] == 4])
            s = owner_of("就職・キャリア支援課", ca["email"])
            orig = (f"{UNIV} ご担当者様\n\n{ca['org']}と{cb['org']}の合同説明会の件でご連絡いたします。\n会場は12月3日に確定しました。")
            att = (f"推薦書_{nospace(st)}.pdf", recommendation_doc(st, ca, True))
            body = (f"{c_sal(ca)}\n\n{greet('ext', s)}\n説明会の件、承知いたしました。\nまた、{ca['org']}様の推薦枠に{full(st)}さんを推薦いたします。"
                    "推薦書を添付いたします。" + sig(s) + quote(orig, full(ca), ca["email"], "合同説明会の件", "2026/11/06 10:15"))
            case("reply_all_keeps_other", "risky", s, [cp(ca)], "RE: 合同説明会の件", body,
                 f"reply-all to {ca['org']} with {full(st)}'s 推薦書 keeps {cb['org']} {cb['email']} in Cc",
                 cc=[cp(cb)], atts=[att], codes=["content_recipient_mismatch", "multiple_external_orgs", "pii_in_attachment"],
                 wrong=[cb["email"]])


def r_mynumber_in_body() -> None:
    L = lecturers
    plans = [
        (L[0], [L[0]], "ご提出いただいた個人番号を確認いたしましたので、念のため記載いたします。"),
        (L[1], [L[2]], "謝金の支払調書作成のため、登録内容を記載いたします。ご確認ください。"),
        (orgs["桜陵大学後援会"]["people"][0], [L[0], L[3], L[4]], "講演会講師の謝金支払いについて、講師の登録情報を共有いたします。"),
        (mirai, [mirai_lecturer], "講師謝金の支払調書に記載する内容をお送りします（会社アドレス宛で失礼いたします）。"),
        (L[3], [L[3]], "マイナンバーカードの写しの件、番号を以下のとおり控えましたのでご確認ください。"),
    ]
    for to, subjects, line in plans:
        s = R.choice(by_office["経理課"])
        rows = "\n".join(f"氏名：{full(p)}\n個人番号：{p['mynumber']}\n住所：{p['addr']}\n謝金額：{R.choice(['30,000', '50,000', '20,000'])}円（源泉徴収 10.21%）"
                         for p in subjects)
        sal = f"{full(to)} 先生" if to in L else c_sal(to)
        body = f"{sal}\n\n{greet('ext', s)}\n{line}\n\n{rows}\n\n相違がありましたらご連絡ください。" + sig(s)
        codes = ["sensitive_pii"] + (["bulk_pii"] if len(subjects) > 1 else [])
        if subjects[0] is not to and subjects[0].get("email") != to["email"]:
            codes.append("content_recipient_mismatch")
        case("mynumber_in_body", "risky", s, [(full(to), to["email"])], R.choice(["謝金のお支払いについて", "支払調書の件",
             "個人番号のご確認"]), body, f"個人番号 of {', '.join(full(p) for p in subjects)} in the body, to {to['email']}",
             codes=codes)


def r_health_to_wrong_party() -> None:
    plans = ["dorm", "company", "travel", "koenkai", "parent", "company"]
    for k in plans:
        st = R.choice(domestic)
        cert = R.random() < 0.6
        data, diag = health_pdf(st, certificate=cert)
        fname = t_file(st, "診断書" if cert else "健康診断結果", "pdf")
        codes = ["pii_in_attachment", "sensitive_pii"]
        if k == "parent":
            pb = R.choice([p for p in parents if st not in p["kids"] and p["sur"] == st["sur"]] or
                          [p for p in parents if st not in p["kids"]])
            to = [(full(pb), pb["email"])]
            sal = f"{full(st)}さんの保護者様"
            codes += ["attachment_recipient_mismatch", "content_recipient_mismatch"]
            who = f"parent of another student {pb['email']}"
            line = "ご依頼のありました診断書の写しをお送りいたします。"
            s = pick_staff("保健管理センター")
        else:
            c = ext_person(k)
            to = [cp(c)]
            sal = c_sal(c)
            who = f"{c['org']} {c['email']}"
            line = {"dorm": f"入寮に際しての健康状態の確認として、{full(st)}さんの診断書をお送りいたします。",
                    "company": f"{full(st)}さんの健康診断証明書の提出依頼につき、資料をお送りいたします。",
                    "travel": f"{full(st)}さんの留学保険加入にあたり、健康状態の資料を添付いたします。",
                    "koenkai": f"{full(st)}さんへの見舞金申請の添付資料として、診断書をお送りします。"}[k]
            s = pick_staff("保健管理センター" if k in ("company", "dorm") else "学生課")
        body = f"{sal}\n\n{greet('ext', s)}\n{line}\nよろしくお願いいたします。" + sig(s)
        case("health_to_wrong_party", "risky", s, to, R.choice(["診断書の送付", "健康診断結果の件", "資料送付のご連絡"]), body,
             f"{full(st)}'s {'診断書' if cert else '健康診断結果'} ({diag}) to {who}; attachment names {full(st)}",
             atts=[(fname, data)], codes=codes, wrong=[a for _, a in to])


def r_lookalike_domain() -> None:
    plans = [("東都学芸大学", "toto-gakugei.ac.example", "toto-gakugei.co.example", "教務課", "transcript"),
             ("光明学院高等学校", "komei-gakuin.ac.example", "komei-gakuin.co.example", "入試課", None),
             ("東邦精機株式会社", "toho-seiki.co.example", "toho-seiki.ac.example", "就職・キャリア支援課", "rec"),
             ("Universitas Aurelia", "univ-aurelia.example", "univ-aurella.example", "国際交流センター", "nom"),
             ("Academia Lumen Borealis", "lumen-borealis.example", "lumenborealis.example", "国際交流センター", "nom"),
             ("Collegium Veritas Pragense", "veritas-praha.example", "veritas-parha.example", "国際交流センター", None),
             ("公益財団法人ひので育英会", "hinode-ikuei.or.example", "hinode-lkuei.or.example", "学生課", "schol"),
             ("faculty", INTERNAL, "oryo-u.co.example", "教務課", "enrol")]
    for org, good, bad, office, doc in plans:
        if org == "faculty":
            c = R.choice(faculty)
            c = dict(c, org=f"{UNIV} {c['fac']}", dept="", email=c["email"])
            sal = f"{full(c)} 先生"
        else:
            c = R.choice([p for p in orgs[org]["people"] if p["email"] not in never])
            sal = c_sal(c)
        wrong = c["email"].split("@")[0] + "@" + bad
        s = owner_of(office, c["email"])
        st = R.choice([x for x in (intl_students if doc == "nom" else domestic)])
        atts, codes = [], ["first_time_recipient", "lookalike_domain"]
        if doc == "transcript":
            n, d, _ = student_doc(st, "transcript")
            atts = [(n, d)]
            line = f"単位互換で貴学の科目を履修した{full(st)}さんの成績証明書をお送りします。"
        elif doc == "rec":
            atts = [(f"推薦書_{nospace(st)}.docx", recommendation_doc(st, c, False))]
            line = f"{full(st)}さんの推薦書を添付いたします。"
        elif doc == "nom":
            st = R.choice(domestic)
            header = ["Student ID", "Name", "Date of birth", "Passport No.", "Programme"]
            rows = [[x["sid"], f"{x['given_r'].capitalize()} {x['sur_r'].upper()}", x["birth"], passport_no(), "Exchange 2027 spring"]
                    for x in R.sample(domestic, 3)]
            atts = [("nomination_2027spring.xlsx", xlsx_doc([("nomination", header, rows)]))]
            line = "Please find attached the nomination list of our outgoing exchange students for spring 2027."
        elif doc == "schol":
            atts = [(f"奨学生推薦_{nospace(st)}.xlsx", scholarship_doc(st, {"name": org}, False))]
            line = f"奨学生候補として{full(st)}さんの申請書類を添付いたします。"
        elif doc == "enrol":
            n, d, _ = student_doc(st, "enrol")
            atts = [(n, d)]
            line = f"ゼミ生の{full(st)}さんの履修登録一覧です。卒業要件の確認をお願いいたします。"
        elif c.get("sur_k"):
            line = "出張講義の日程について、12月の候補日をお送りいたします。"
        else:
            line = "As discussed, here are our proposed dates for the joint summer school: 20-31 July 2027."
        if atts:
            codes.append("pii_in_attachment")
        if not c.get("sur_k") and c.get("given"):
            body = f"Dear {c['given']},\n\n{line}\nKind regards," + sig(s)
        else:
            body = f"{sal}\n\n{greet('ext', s)}\n{line}\nよろしくお願いいたします。" + sig(s)
        case("lookalike_domain", "risky", s, [(full(c) if c.get("sur_k") else f"{c['given']} {c['sur']}", wrong)],
             R.choice(["資料送付の件", "ご依頼の件", "書類の送付"]) if c.get("sur_k") else
             ("Nomination of exchange students" if doc == "nom" else "Summer school 2027"),
             body, f"{c['email']} mistyped as {wrong} ({good} -> {bad})", atts=atts, codes=codes, wrong=[wrong])


UNKNOWN = [("株式会社テクノブリッジ", "technobridge.co.example", "採用担当", ("岡本", "オカモト", "okamoto")),
           ("合同会社ネクストリンク", "nextlink-llc.example", "人事", ("佐藤", "サトウ", "sato")),
           ("株式会社グローカル人材", "glocal-jinzai.co.example", "留学生採用チーム", ("田中", "タナカ", "tanaka")),
           ("株式会社グローバルビザサポート", "globalvisa-support.example", "申請代行部", ("森", "モリ", "mori")),
           ("株式会社キャリアポート", "careerport.co.example", "大学連携室", ("高橋", "タカハシ", "takahashi"))]


def r_first_time_unknown_org() -> None:
    for i, (org, dom, dept, sur) in enumerate(UNKNOWN):
        p = mk_name(R.choice("mf"), old=True, sur=sur)
        addr = f"{p['sur_r']}.{p['given_r']}@{dom}"
        sal = f"{org}\n{dept}\n{full(p)} 様"
        if i == 3:
            st = R.choice(intl_students)
            s = pick_staff("国際交流センター")
            atts = [(f"在留カード写し_{st['sur']}.pdf", residence_pdf(st))]
            line = f"お問い合わせのありました{lfull(st)}さんの在留カードと旅券の写しをお送りします。"
            codes = ["first_time_recipient", "pii_in_attachment"]
        elif i == 4:
            s = pick_staff("就職・キャリア支援課")
            header, rows = roster(R.randint(60, 110), extra=[])
            atts = [("4年生名簿_就職希望者.xlsx", xlsx_doc([("4年", header, rows)]))]
            line = "ご提案いただいた就職支援サービスの件、対象学生の名簿をお送りいたします。"
            codes = ["bulk_pii", "first_time_recipient", "pii_in_attachment"]
        else:
            st = R.choice([x for x in domestic if x["year"] >= 3])
            s = pick_staff("就職・キャリア支援課")
            n, d, _ = student_doc(st, "transcript")
            atts = [(n, d)]
            line = f"求人のご連絡ありがとうございます。応募を希望している{full(st)}さんの成績証明書をお送りいたします。"
            codes = ["first_time_recipient", "pii_in_attachment"]
        body = f"{sal}\n\n{greet('ext', s)}\n{line}\nご確認のほどよろしくお願いいたします。" + sig(s)
        case("first_time_unknown_org", "risky", s, [(full(p), addr)], R.choice(["書類送付の件", "ご依頼の資料", "資料の送付"]), body,
             f"first mail to {addr} ({org}, not in contacts) with personal data", atts=atts, codes=codes, wrong=[addr])


def r_wrong_attachment() -> None:
    pool = dom_pairs[7:] + [(a, b) for a, b in sib_pairs]
    for i in range(8):
        a, b = pool[i]
        what = R.choice(["transcript", "enrol", "health", "grade"] if i % 4 else ["transcript"])
        if what == "grade" and not a["parent"]:
            what = "transcript"
        s = owner_of(DOC_OFFICE[what], a["uni"])
        name, data, sens = student_doc(b, what)   # b's document in a's mail
        if what == "grade":
            pa = a["parent"]
            to = [(full(pa), pa["email"])]
            sal = p_sal(pa, a)
            who = f"parent of {full(a)} ({pa['email']})"
        else:
            to = [sp(a) if R.random() < 0.6 or not a["free"] else (lfull(a), a["free"])]
            sal = s_sal(a)
            who = f"{full(a)} ({to[0][1]})"
        atts = [(name, data)]
        inzip = i in (2, 5)
        if inzip:
            atts = [(f"{what}_{a['sid']}.zip", zip_doc([(name, data)]))]
        body = f"{sal}\n\n{greet('stu' if what != 'grade' else 'ext', s)}\n{R.choice(DOC_TEXT[what])}" + sig(s)
        codes = ["attachment_recipient_mismatch", "pii_in_attachment"] + (["sensitive_pii"] if sens else [])
        case("wrong_attachment", "risky", s, to, R.choice(DOC_SUBJ[what]), body,
             f"to {who}; the file is {full(b)} ({b['sid']}){' inside a zip' if inzip else ''}; attachment names {full(b)}",
             atts=atts, codes=codes)


def r_residence_card_wrong_party() -> None:
    a, b, c3 = R.sample(intl_students, 3)
    travel = ext_person("travel")
    s = pick_staff("国際交流センター")
    case("residence_card_wrong_party", "risky", s, [cp(travel)], "ビザ申請書類の件",
         f"{c_sal(travel)}\n\n{greet('ext', s)}\n{lfull(a)}さんの渡航手続きに必要な旅券・在留カードの写しを添付いたします。" + sig(s),
         f"travel agency asked for {lfull(a)}'s copy, got {lfull(b)}'s; attachment names {b['sur'].upper()}",
         atts=[(f"passport_card_{b['sid']}.pdf", residence_pdf(b))], codes=["attachment_recipient_mismatch", "pii_in_attachment"])
    s = pick_staff("国際交流センター")
    case("residence_card_wrong_party", "risky", s, [(lfull(a), a["free"] or a["uni"])], "在留カード写しの返送",
         f"{lfull(a)} さん\n\n{greet('stu', s)}\n提出してもらった在留カードの写しを返送します。内容を確認してください。\n"
         "Please check the attached copy of your residence card." + sig(s),
         f"{lfull(a)} gets {lfull(c3)}'s 在留カード copy; attachment names {c3['sur'].upper()}",
         atts=[(f"在留カード_{c3['sid']}.pdf", residence_pdf(c3))], codes=["attachment_recipient_mismatch", "pii_in_attachment"])
    dorm = ext_person("dorm")
    s = pick_staff("国際交流センター")
    header = ["学籍番号", "氏名", "国籍", "在留カード番号", "旅券番号", "在留期限", "住居地"]
    rows = [[x["sid"], lfull(x), x["intl"]["nat"], x["intl"]["card"], x["intl"]["passport"], "2028/09/30", x["addr"]] for x in intl_students]
    rows += [[f"26G9{R.randint(100, 999)}", f"{g} {sn}", nat, residence_card(), passport_no(), "2027/08/31", address()]
             for sn, g, nat in R.sample(LATIN_STUDENTS, 8)]
    case("residence_card_wrong_party", "risky", s, [cp(dorm)], "留学生 入寮者の件",
         f"{c_sal(dorm)}\n\n{greet('ext', s)}\n来年度の留学生入寮者について、留学生全員の一覧をお送りします。入寮予定者は4名です。" + sig(s),
         f"dorm operator gets all {len(rows)} international students' 在留カード・旅券 numbers for 4 residents",
         atts=[("留学生一覧_在留カード.xlsx", xlsx_doc([("留学生", header, rows)]))], codes=["bulk_pii", "pii_in_attachment"])
    aur = orgs["Universitas Aurelia"]["people"][0]
    st = R.choice([x for x in intl_students if x is not a and x["sur"] != a["sur"]])
    s = owner_of("国際交流センター", aur["email"])
    case("residence_card_wrong_party", "risky", s, [cp(aur)], "Documents for the exchange application",
         f"Dear {aur['given']},\n\nPlease find attached the passport copy of {lfull(a)} ({a['sid']}) for the application to "
         "Universitas Aurelia.\nKind regards," + sig(s),
         f"Aurelia asked for {lfull(a)}'s passport copy, gets {lfull(st)}'s; attachment names {st['sur'].upper()}",
         atts=[(f"passport_{st['sid']}.pdf", residence_pdf(st))], codes=["attachment_recipient_mismatch", "pii_in_attachment"])


def r_scholarship_wrong_party() -> None:
    hinode, sakura = orgs["公益財団法人ひので育英会"], orgs["公益財団法人さくら奨学財団"]
    st = R.choice(domestic)
    c = hinode["people"][0]
    s = owner_of("学生課", c["email"])
    case("scholarship_wrong_party", "risky", s, [cp(c)], "奨学生推薦書類の送付",
         f"{c_sal(c)}\n\n{greet('ext', s)}\n貴会の奨学生候補として、{full(st)}さんの申請書類を添付いたします。" + sig(s),
         f"to ひので育英会; the 家計状況調書 is addressed to {sakura['name']}; attachment names {full(st)}",
         atts=[(f"奨学金申請_{nospace(st)}.pdf", scholarship_doc(st, {"name": sakura["name"]}, True))],
         codes=["attachment_recipient_mismatch", "pii_in_attachment"])
    pa, pb = next((x, y) for x in parents for y in parents if x is not y and x["sur"] == y["sur"] and len(x["kids"]) == 1)
    kid = pa["kids"][0]
    s = owner_of("学生課", pa["email"])
    case("scholarship_wrong_party", "risky", s, [(full(pb), pb["email"])], "奨学金申請書類のご確認",
         f"{p_sal(pa, kid)}\n\n{greet('ext', s)}\n{full(kid)}さんの奨学金申請について、家計状況調書の記載内容をご確認ください。" + sig(s),
         f"{full(kid)}'s 家計状況調書 meant for {pa['email']} sent to another {pa['sur']} parent {pb['email']}; attachment names {full(kid)}",
         atts=[(f"家計状況調書_{kid['sid']}.xlsx", scholarship_doc(kid, sakura, False))],
         codes=["attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment", "similar_recipient"], wrong=[pb["email"]])
    a, b = dom_pairs[15]
    s = owner_of("学生課", a["uni"])
    case("scholarship_wrong_party", "risky", s, [sp(b)], "奨学金申請書類の不備について",
         f"{s_sal(a)}\n\n{greet('stu', s)}\n提出された奨学金申請書の所得欄に不備があります。添付の調書を確認し、修正して再提出してください。" + sig(s),
         f"for {full(a)} ({a['sid']}); To is same-surname student {lfull(b)} ({b['uni']}); attachment names {full(a)}",
         atts=[(f"奨学金申請_{a['sid']}.xlsx", scholarship_doc(a, hinode, False))],
         codes=["attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment", "similar_recipient"], wrong=[b["uni"]])
    k = orgs["桜陵大学後援会"]["people"][0]
    s = owner_of("学生課", k["email"])
    header = ["学籍番号", "氏名", "学部", "世帯年収", "所得金額", "家族構成", "特記事項"]
    rows = []
    for _ in range(R.randint(20, 30)):
        x = fake_student_row()
        inc = R.randint(150, 600) * 10000
        rows.append([x["sid"], full(x), x["fac"], inc, int(inc * 0.7), f"{R.randint(2, 6)}人",
                     R.choice(["", "ひとり親", "父 休職中", "兄弟在学", "被災"])])
    case("scholarship_wrong_party", "risky", s, [cp(k)], "後援会給付奨学金の候補者について",
         f"{c_sal(k)}\n\n{greet('ext', s)}\n後援会給付奨学金の候補者一覧を添付いたします（選考資料一式）。" + sig(s),
         f"後援会 gets {len(rows)} applicants' 世帯年収・所得 (the 後援会 needs only the number of awards)",
         atts=[("給付奨学金_候補者一覧.xlsx", xlsx_doc([("候補者", header, rows)]))], codes=["bulk_pii", "pii_in_attachment"])


# ================================================================ ok kinds
def usual(office: str, kinds: tuple[str, ...]) -> tuple[dict, dict]:
    """A sender of the office and a contact of the given org kinds it has mailed before."""
    for _ in range(200):
        s = pick_staff(office)
        cands = [by_addr[a]["person"] for a in owned[s["email"]] if by_addr[a].get("role") in kinds and known(s, a)]
        if cands:
            return s, R.choice(cands)
    raise RuntimeError(office)


def o_routine() -> None:
    plans = [("就職・キャリア支援課", ("company",), "学内企業説明会の日程について",
              "12月10日（木）の学内企業説明会について、会場を5号館3階 531教室にご用意いたしました。\n当日は13時から設営いただけます。"),
             ("就職・キャリア支援課", ("company",), "求人票受領のご連絡", "2027年度の求人票を受領いたしました。学内システムに掲載し、学生へ周知いたします。"),
             ("入試課", ("hs",), "出張講義のご依頼について", "ご依頼いただいた出張講義は、経済学部の教員が担当いたします。1月の候補日をお知らせください。"),
             ("入試課", ("hs",), "オープンキャンパスのご案内", "3月のオープンキャンパスのポスターを20部お送りしました。進路指導室に掲示いただけますと幸いです。"),
             ("学生課", ("dorm",), "学生寮の設備点検について", "12月の設備点検の日程、承知いたしました。寮生への周知は本学から行います。"),
             ("国際交流センター", ("travel",), "渡航前オリエンテーションの件", "1月15日の渡航前オリエンテーションで、保険と航空券の説明を30分お願いできますでしょうか。"),
             ("学生課", ("schol",), "奨学金説明会の日程", "来年度の奨学金説明会を4月9日に予定しております。ご登壇いただける方をお知らせください。"),
             ("学生課", ("koenkai",), "後援会総会の会場について", "後援会総会の会場として、本館大会議室を確保いたしました。"),
             ("保健管理センター", ("clinic",), "定期健康診断の日程調整", "来年度の定期健康診断は4月6日から10日で調整をお願いいたします。受診予定者数は約4,200名です。"),
             ("教務課", ("partner_jp",), "単位互換科目の開講について", "来年度前期の単位互換提供科目一覧は12月中旬にお送りいたします。")]
    for office, kinds, subj, text in plans:
        s, c = usual(office, kinds)
        cc = []
        mates = [p for p in orgs[c["org"]]["people"] if p is not c and known(s, p["email"])]
        if mates and R.random() < 0.3:
            cc = [cp(mates[0])]
        body = f"{c_sal(c)}\n\n{greet('ext', s)}\n{text}\n引き続きよろしくお願いいたします。" + sig(s)
        case("ok_routine", "ok", s, [cp(c)], subj, body, f"usual contact {c['email']} at {c['org']}", cc=cc)


def o_internal() -> None:
    plans = [("入試課", "教務課", "合格者名簿の共有", "入学手続き完了者の名簿です。学籍番号の付番をお願いします。", "adm"),
             ("学生課", "保健管理センター", "入寮者名簿（健康調査用）", "来年度入寮予定者の名簿を共有します。", "roster"),
             ("保健管理センター", "学生課", "配慮申請学生の一覧", "授業配慮の申請があった学生の一覧です（取扱注意）。", "health"),
             ("教務課", "就職・キャリア支援課", "4年生 単位修得状況", "卒業見込み判定のため、4年生の単位修得状況を共有します。", "roster"),
             ("就職・キャリア支援課", "教務課", "推薦書の原案について", "推薦書の原案です。指導教員のご確認をお願いします。", "rec"),
             ("国際交流センター", "学生課", "留学生の在留期限一覧", "在留期限が近い留学生の一覧です。奨学金の手続きとあわせてご確認ください。", "intl"),
             ("学生課", "経理課", "奨学金 給付者一覧", "後援会給付奨学金の給付者一覧です。振込手続きをお願いします。", "roster"),
             ("教務課", "入試課", "入学前教育の対象者", "入学前教育の対象者についてご相談させてください。", None),
             ("保健管理センター", "教務課", "健康診断 未受診者", "定期健康診断の未受診者に、履修登録時に声をかけていただけますか。", "roster"),
             ("経理課", "教務課", "非常勤講師 謝金の件", "12月支払い分の非常勤講師謝金について、出講記録のご確認をお願いします。", None)]
    for frm, to_office, subj, text, doc in plans:
        s = pick_staff(frm)
        r = pick_staff(to_office)
        atts = []
        if doc == "adm":
            h, rows = admission_rows(R.randint(80, 200), ["県立青葉高等学校", "市立北浜高等学校", "光明学院高等学校"])
            atts = [("入学手続完了者.xlsx", xlsx_doc([("合格者", h, rows)]))]
        elif doc == "roster":
            h, rows = roster(R.randint(60, 180))
            atts = [(R.choice(["学生名簿.xlsx", "名簿_共有用.csv"]), None)]
            atts = [(atts[0][0], xlsx_doc([("名簿", h, rows)]) if atts[0][0].endswith("xlsx") else csv_doc(h, rows))]
        elif doc == "health":
            rows = [[x["sid"], full(x), R.choice(DIAG), R.choice(["試験時間延長", "別室受験", "出席配慮"])] for x in R.sample(domestic, 12)]
            atts = [("配慮申請一覧.xlsx", xlsx_doc([("配慮", ["学籍番号", "氏名", "診断名", "配慮内容"], rows)]))]
        elif doc == "rec":
            st = R.choice([x for x in domestic if x["year"] == 4])
            atts = [(f"推薦書原案_{nospace(st)}.docx", recommendation_doc(st, R.choice(comp_people), False))]
        elif doc == "intl":
            rows = [[x["sid"], lfull(x), x["intl"]["card"], "2027/03/31"] for x in intl_students]
            atts = [("在留期限一覧.xlsx", xlsx_doc([("留学生", ["学籍番号", "氏名", "在留カード番号", "在留期限"], rows)]))]
        cc = [("", office_box[to_office])] if R.random() < 0.3 else []
        body = f"{to_office} {r['sur']}さん\n\nお疲れさまです。{frm}の{s['sur']}です。\n{text}" + sig(s)
        case("ok_internal", "ok", s, [(full(r), r["email"])], subj, body, f"{frm} -> {to_office} ({r['email']}); list stays inside",
             cc=cc, atts=atts)


def o_student_own_document() -> None:
    whats = ["transcript", "enrol", "transcript", "enrol", "transcript", "card", "card", "transcript"]
    for what in whats:
        if what == "card":
            st = R.choice(intl_students)
            s = pick_staff("国際交流センター")
            addr = st["free"] or st["uni"]
            atts = [(f"在留カード_{st['sid']}.pdf", residence_pdf(st))]
            body = (f"{lfull(st)} さん\n\n{greet('stu', s)}\n提出された在留カードの写しを確認しました。控えを返送します。\n"
                    "Your residence card copy is attached for your records." + sig(s))
            subj = "在留カード写しの控え"
        else:
            ss = [x for x in domestic if any(known(t, x["uni"]) or (x["free"] and known(t, x["free"])) for t in by_office["教務課"])]
            st = R.choice(ss)
            addr = R.choice([a for a in (st["uni"], st["free"]) if a])
            s = owner_of("教務課", addr)
            n, d, _ = student_doc(st, what)
            atts = [(n, d)]
            body = f"{s_sal(st)}\n\n{greet('stu', s)}\n{R.choice(DOC_TEXT[what])}" + sig(s)
            subj = R.choice(DOC_SUBJ[what])
        case("ok_student_own_document", "ok", s, [(lfull(st), addr)], subj, body,
             f"{lfull(st)}'s own document to their registered address {addr}; attachment names {lfull(st)}", atts=atts,
             allow=["pii_in_attachment"])


def o_parent_own_child() -> None:
    ps = R.sample([p for p in parents if len(p["kids"]) == 1], 6)
    for i, pa in enumerate(ps):
        kid = pa["kids"][0]
        s = owner_of("教務課" if i % 2 == 0 else "学生課", pa["email"])
        if i % 2 == 0:
            n, d, _ = student_doc(kid, "grade")
            atts = [(n, d)]
            text = R.choice(DOC_TEXT["grade"])
            subj = R.choice(DOC_SUBJ["grade"])
        else:
            atts = []
            text = f"{full(kid)}さん（{kid['fac']}{kid['year']}年）の後期学費の納入を確認いたしました。ありがとうございました。"
            subj = "学費納入確認のご連絡"
        body = f"{p_sal(pa, kid)}\n\n{greet('ext', s)}\n{text}" + sig(s)
        case("ok_parent_own_child", "ok", s, [(full(pa), pa["email"])], subj, body,
             f"{full(kid)}'s own parent {pa['email']} (directory: {pa['org']})" + (f"; attachment names {full(kid)}" if atts else ""),
             atts=atts, allow=["pii_in_attachment"])


def o_same_surname_right_person() -> None:
    for i in range(8):
        if i < 3:   # the right student of a same-name / same-surname pair
            a, b = twin_students[i] if i < 2 else dom_pairs[20]
            what = R.choice(["transcript", "enrol"])
            addr = a["uni"]
            s = owner_of(DOC_OFFICE[what], addr)
            n, d, _ = student_doc(a, what)
            body = f"{a['fac']} {a['year']}年 {full(a)}さん（学籍番号 {a['sid']}）\n\n{greet('stu', s)}\n{R.choice(DOC_TEXT[what])}" + sig(s)
            case("ok_same_surname_right_person", "ok", s, [sp(a)], R.choice(DOC_SUBJ[what]), body,
                 f"right student {a['sid']} ({addr}); {lfull(b)} ({b['sid']}) shares the surname; attachment names {full(a)}",
                 atts=[(n, d)], allow=["pii_in_attachment"])
        elif i < 6:  # the right company among same-surname recruiters
            ca, cb = [(x, y) for x, y in surname_company_pairs if full(x) == full(y)][i - 3] if i < 5 else surname_company_pairs[-1]
            s = owner_of("就職・キャリア支援課", ca["email"])
            body = (f"{ca['org']}\n{ca['dept']}\n{full(ca)} 様\n\n{greet('ext', s)}\n{ca['org']}様の会社説明会の参加者数は{R.randint(12, 40)}名の見込みです。"
                    "\n当日はよろしくお願いいたします。" + sig(s))
            case("ok_same_surname_right_person", "ok", s, [cp(ca)], "会社説明会の参加者数について", body,
                 f"right recruiter {ca['email']} at {ca['org']}; {full(cb)} at {cb['org']} shares the surname")
        else:        # the right parent of two same-surname families
            pa, pb = next((x, y) for x, y in [(x, y) for x in parents for y in parents if x is not y and x["sur"] == y["sur"]]
                          if len(x["kids"]) == 1 and known(owner_of("学生課", x["email"]), x["email"]))
            kid = pa["kids"][0]
            s = owner_of("学生課", pa["email"])
            body = (f"{full(kid)}さんの保護者 {full(pa)} 様\n\n{greet('ext', s)}\n{full(kid)}さんの奨学金継続手続きが完了しましたのでお知らせいたします。" + sig(s))
            case("ok_same_surname_right_person", "ok", s, [(full(pa), pa["email"])], "奨学金継続手続き完了のご連絡", body,
                 f"right parent {pa['email']} of {full(kid)}; parent {pb['email']} shares the surname")


def o_family_twin() -> None:
    for i in range(5):
        if i < 2:   # a student and their own parent
            st = R.choice([x for x in domestic if x["parent"] and len(x["parent"]["kids"]) == 1])
            pa = st["parent"]
            s = owner_of("学生課", st["uni"])
            body = (f"{full(st)}さん\n（Cc：保護者 {full(pa)} 様）\n\n{greet('stu', s)}\n休学届を受理しました。休学期間は2027年3月31日までです。"
                    "\n復学の際は2月末までに復学願を提出してください。" + sig(s))
            case("ok_family_twin", "ok", s, [sp(st)], "休学届受理のお知らせ", body,
                 f"student {st['uni']} with their own parent {pa['email']} in Cc (same surname, family)", cc=[(full(pa), pa["email"])],
                 allow=["multiple_external_orgs"])
        else:       # siblings both enrolled
            a, b = sib_pairs[i]
            pa = a["parent"]
            s = owner_of("学生課", pa["email"])
            if i % 2:
                body = (f"{full(pa)} 様\n\n{greet('ext', s)}\n{full(a)}さん（{a['fac']}{a['year']}年）と{full(b)}さん（{b['fac']}{b['year']}年）の"
                        "兄弟姉妹在学による学費減免の申請を受理いたしました。\n後期学費から適用となります。" + sig(s))
                case("ok_family_twin", "ok", s, [(full(pa), pa["email"])], "兄弟姉妹在学減免のご連絡", body,
                     f"parent {pa['email']} of siblings {a['sid']} and {b['sid']} (both enrolled); names both children")
            else:
                body = (f"{full(a)}さん、{full(b)}さん\n\n{greet('stu', s)}\n兄弟姉妹在学減免の申請が承認されました。"
                        "\n手続きは完了していますので、追加の提出物はありません。" + sig(s))
                case("ok_family_twin", "ok", s, [sp(a), sp(b)], "兄弟姉妹在学減免の承認", body,
                     f"siblings {a['sid']} and {b['sid']} together in To (same family)")


def o_notice_bcc() -> None:
    plans = [("教務課", "stu", "後期定期試験の時間割について", "後期定期試験の時間割を学内ポータルに掲載しました。"),
             ("学生課", "par", "保護者懇談会のご案内", "12月6日（土）に保護者懇談会を開催いたします。"),
             ("就職・キャリア支援課", "stu", "就職ガイダンスのご案内", "3年生向けの就職ガイダンスを11月26日に開催します。"),
             ("国際交流センター", "intl", "冬季休業中の窓口について", "冬季休業中の国際交流センターの窓口時間をお知らせします。"),
             ("入試課", "hs", "入試説明会のご案内", "高等学校の先生方を対象とした入試説明会を12月2日に開催いたします。"),
             ("学生課", "stu", "学生寮 入寮説明会", "来年度の入寮説明会を12月9日に行います。")]
    for office, who, subj, text in plans:
        s = pick_staff(office)
        if who == "stu":
            bcc = [(lfull(x), x["uni"]) for x in R.sample(domestic, R.randint(15, 40))]
            sal = "学生各位"
        elif who == "par":
            bcc = [(full(x), x["email"]) for x in R.sample(parents, R.randint(15, 30))]
            sal = "保護者各位"
        elif who == "intl":
            bcc = [(lfull(x), x["free"] or x["uni"]) for x in intl_students]
            sal = "留学生各位 / Dear international students,"
        else:
            bcc = [cp(p) for o in orgs.values() if o["kind"] == "hs" for p in o["people"]]
            sal = "高等学校 進路指導ご担当各位"
        body = f"{sal}\n\n{greet('stu' if who in ('stu', 'intl') else 'ext', s)}\n{text}\n本メールはBccでお送りしています。" + sig(s)
        case("ok_notice_bcc", "ok", s, [(f"{UNIV} {office}", office_box[office])], subj, body,
             f"{len(bcc)} {who} recipients in Bcc, To is the office box", bcc=bcc, allow=["multiple_external_orgs"])


def o_reply_quoting_other() -> None:
    for i in range(7):
        v = i % 3
        if v == 0:   # recruiter's mail mentions another company only in the quote
            s, c = usual("就職・キャリア支援課", ("company",))
            other = R.choice([o for o in companies if o["name"] != c["org"]])
            orig = (f"お世話になっております。{c['org']}の{c['sur']}です。\n{other['name']}様と同日の説明会となりますが、午前枠で問題ございません。")
            body = f"{c_sal(c)}\n\n{greet('ext', s)}\n午前枠で承知いたしました。会場は5号館でご用意いたします。" + sig(s) + quote(
                orig, full(c), c["email"], "説明会の時間帯", "2026/11/04 14:10")
            note = f"reply to {c['email']}; {other['name']} named only in the quote"
        elif v == 1:  # a parent's mail quoting another student's name (a friend) only in the quote
            pa = R.choice([p for p in parents if len(p["kids"]) == 1])
            kid = pa["kids"][0]
            s = owner_of("学生課", pa["email"])
            friend = R.choice(domestic)
            orig = f"{full(kid)}の保護者です。\n同じサークルの{full(friend)}さんのご家族から聞いたのですが、寮の申込期限はいつでしょうか。"
            body = f"{full(pa)} 様\n\n{greet('ext', s)}\n学生寮の申込期限は12月15日です。申込書は学生課窓口でお渡ししております。" + sig(s) + quote(
                orig, full(pa), pa["email"], "学生寮について", "2026/11/07 20:31")
            c = pa
            note = f"reply to parent {pa['email']}; another student {full(friend)} named only in the quote"
        else:         # a partner university mail naming another partner in the quote
            s, c = usual("国際交流センター", ("partner",))
            other = R.choice([o for o in orgs.values() if o["kind"] == "partner" and o["name"] != c["org"]])
            orig = f"Dear colleagues,\nWe will attend the exchange fair together with {other['name']} in February.\nBest regards,\n{c['given']}"
            body = f"Dear {c['given']},\n\nThank you. We will reserve a booth for you on 12 February.\nBest regards," + sig(s) + quote(
                orig, f"{c['given']} {c['sur']}", c["email"], "Exchange fair 2027", "2026/11/03 09:12")
            note = f"reply to {c['email']}; {other['name']} named only in the quote"
        case("ok_reply_quoting_other", "ok", s, [cp(c) if c.get("org") in orgs else (full(c), c["email"])],
             "RE: " + R.choice(["ご相談の件", "お問い合わせの件", "Exchange fair 2027" if v == 2 else "日程の件"]), body, note)


def o_recommendation_right_company() -> None:
    people = R.sample([p for p in comp_people if p["email"] not in never], 6)
    for c in people:
        st = R.choice([x for x in domestic if x["year"] >= 3])
        s = owner_of("就職・キャリア支援課", c["email"])
        as_pdf = R.random() < 0.5
        body = (f"{c_sal(c)}\n\n{greet('ext', s)}\n{c['org']}様の推薦応募につき、本学{st['fac']}{st['year']}年の{full(st)}を推薦いたします。"
                "\n推薦書を添付いたしますので、ご査収ください。" + sig(s))
        case("ok_recommendation_right_company", "ok", s, [cp(c)], "推薦書の送付", body,
             f"推薦書 addressed to {c['org']} sent to {c['email']} (student {full(st)})",
             atts=[(f"推薦書_{nospace(st)}.{'pdf' if as_pdf else 'docx'}", recommendation_doc(st, c, as_pdf))], allow=["pii_in_attachment"])


def o_health_to_own_student() -> None:
    for i in range(4):
        st = R.choice(domestic)
        s = owner_of("保健管理センター", st["uni"])
        what = "cert" if i % 2 else "health"
        n, d, _ = student_doc(st, what)
        body = f"{s_sal(st)}\n\n{greet('stu', s)}\n{R.choice(DOC_TEXT[what])}\n他の人に転送しないでください。" + sig(s)
        case("ok_health_to_own_student", "ok", s, [sp(st)], R.choice(DOC_SUBJ[what]), body,
             f"{full(st)}'s own {'診断書' if what == 'cert' else '健康診断結果'} to {st['uni']}; attachment names {full(st)}",
             atts=[(n, d)], allow=["pii_in_attachment", "sensitive_pii"])


def o_first_mail_known_org() -> None:
    news = [by_addr[a]["person"] for a in sorted(never) if by_addr[a].get("role") in ("company", "hs", "partner", "schol", "dorm")]
    for c in R.sample(news, 5):
        office = {"company": "就職・キャリア支援課", "hs": "入試課", "partner": "国際交流センター", "schol": "学生課", "dorm": "学生課"}[
            by_addr[c["email"]]["role"]]
        s = pick_staff(office)
        if by_addr[c["email"]]["role"] == "partner":
            body = f"Dear {c['given']},\n\nI am writing to you for the first time; your colleague told us you now handle incoming exchange students.\nKind regards," + sig(s)
        else:
            body = (f"{c_sal(c)}\n\nはじめてご連絡いたします。{UNIV} {s['office']}の{full(s)}です。\n前任の方から、今後は{c['sur']}様がご担当と伺いました。"
                    "\n引き続きよろしくお願いいたします。" + sig(s))
        case("ok_first_mail_known_org", "ok", s, [cp(c)], "ご担当者変更のご挨拶" if "Dear" not in body else "Introduction", body,
             f"first mail to {c['email']}, a new contact at the known {c['org']}")


def o_partner_english() -> None:
    for i in range(5):
        s, c = usual("国際交流センター", ("partner",))
        if i < 2:
            st = R.choice(domestic)
            header = ["Student ID", "Name", "Date of birth", "Passport No.", "Programme"]
            rows = [[st["sid"], f"{st['given_r'].capitalize()} {st['sur_r'].upper()}", st["birth"], passport_no(), "Exchange 2027 spring"]]
            atts = [(f"nomination_{c['org'].split()[-1].lower()}_2027.xlsx", xlsx_doc([("nomination", header, rows)]))]
            text = f"Please find attached our nomination for {c['org']} for spring 2027."
        else:
            atts = []
            text = R.choice(["Thank you for your message. The Learning Agreement deadline for our students is 15 December.",
                             "We confirm that our orientation for incoming students will be held on 2 April.",
                             "Could you let us know the dates of your winter school? Several students are interested."])
        body = f"Dear {c['given']},\n\n{text}\n\nBest regards," + sig(s)
        case("ok_partner_english", "ok", s, [cp(c)], R.choice(["Exchange nomination 2027", "Learning Agreement", "Winter school"]),
             body, f"English mail to {c['email']} at {c['org']} (right domain)", atts=atts, allow=["pii_in_attachment"] if atts else [])


def o_scholarship_to_body() -> None:
    bodies = [o for o in orgs.values() if o["kind"] == "schol"]
    for i in range(4):
        o = bodies[i % 2]
        c = R.choice([p for p in o["people"] if p["email"] not in never])
        st = R.choice(domestic)
        s = owner_of("学生課", c["email"])
        as_pdf = i % 2 == 0
        body = (f"{c_sal(c)}\n\n{greet('ext', s)}\n貴{'会' if '育英会' in o['name'] else '財団'}の奨学生候補として、本学{st['fac']}の{full(st)}さんを推薦いたします。"
                "\n家計状況調書を含む申請書類を添付いたします。" + sig(s))
        case("ok_scholarship_to_body", "ok", s, [cp(c)], "奨学生推薦書類の送付", body,
             f"{full(st)}'s application addressed to {o['name']} sent to {c['email']}",
             atts=[(f"奨学金申請_{nospace(st)}.{'pdf' if as_pdf else 'xlsx'}", scholarship_doc(st, o, as_pdf))], allow=["pii_in_attachment"])


# ================================================================ write
def main() -> None:
    for f in (r_same_surname_wrong_student, r_wrong_parent, r_recommendation_wrong_company, r_bulk_list_external,
              r_admission_results_external, r_open_recipient_list, r_reply_all_keeps_other, r_mynumber_in_body,
              r_health_to_wrong_party, r_lookalike_domain, r_first_time_unknown_org, r_wrong_attachment,
              r_residence_card_wrong_party, r_scholarship_wrong_party,
              o_routine, o_internal, o_student_own_document, o_parent_own_child, o_same_surname_right_person, o_family_twin,
              o_notice_bcc, o_reply_quoting_other, o_recommendation_right_company, o_health_to_own_student,
              o_first_mail_known_org, o_partner_english, o_scholarship_to_body):
        f()
    R.shuffle(cases)
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "学校法人桜陵学園 {UNIV}"\ninternal_domains = ["{INTERNAL}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in contacts:
            w.writerow([c["name"], c["kana"], c["email"], c["organization"]])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in history:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    out = os.path.join(HERE, "messages")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    days = [d for d in range(2, 31) if dt.date(2026, 11, d).weekday() < 5 and d != 3 and d != 23]
    labels = []
    for i, m in enumerate(cases, 1):
        when = dt.datetime(2026, 11, R.choice(days), R.randint(8, 18), R.randint(0, 59), tzinfo=JST)
        data, _fmt = build(m, when, i)
        fn = f"messages/{i:04d}.eml"
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(data)
        rcpt = [a for _, a in m["to"] + m["cc"] + m["bcc"]]
        ext = [a for a in rcpt if not a.endswith("@" + INTERNAL)]
        new = [a for a in ext if not known(m["sender"], a)]
        if m["expected"] == "ok":
            codes = (["external_recipient"] if ext else []) + (["first_time_recipient"] if new else []) + m["allow"]
        else:
            codes = list(m["codes"])
            if any(a in new for a in m["wrong"]) and "first_time_recipient" not in codes:
                codes.append("first_time_recipient")
        labels.append({"file": fn, "expected": m["expected"], "codes": sorted(set(codes)), "kind": m["kind"],
                       "note": f"from {m['sender']['email']}: " + m["note"]})
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print(f"{len(contacts)} contacts, {len(history)} history rows, {len(labels)} messages")


if __name__ == "__main__":
    main()
