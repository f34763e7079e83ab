"""Generate misdelivery15: outgoing mail of a 300-bed 総合病院 with labels for the 誤送信 guard.

Run from anywhere with the project venv: `/work/main/.venv/bin/python generate.py` (seed 1515).
Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml and labels.jsonl next to this file.
Needs openpyxl, python-docx, reportlab (IPAex Gothic at /usr/share/fonts/opentype/ipaexfont-gothic) and `zip`.
All names, addresses, numbers and medical facts are invented.
"""
# ruff: noqa: E501  (Japanese mail templates and data tables read better unwrapped)

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
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid

SEED = 1515
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)
JST = dt.timezone(dt.timedelta(hours=9))

HOSP = "社会医療法人 潮風会 浜風総合病院"
HOSP_SHORT = "浜風総合病院"
DOM = "hamakaze-gh.example"
HOSP_ADDR = "〒236-0045 神奈川県浜風市潮見台2-14-1"

# ---------------------------------------------------------------- name pools (own)
SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"), ("渡辺", "ワタナベ", "watanabe"), ("伊藤", "イトウ", "ito"),
    ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"), ("山本", "ヤマモト", "yamamoto"),
    ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"), ("山口", "ヤマグチ", "yamaguchi"), ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"), ("清水", "シミズ", "shimizu"), ("山崎", "ヤマザキ", "yamazaki"),
    ("森", "モリ", "mori"), ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"),
    ("阿部", "アベ", "abe"), ("石川", "イシカワ", "ishikawa"), ("山下", "ヤマシタ", "yamashita"),
    ("中島", "ナカジマ", "nakajima"), ("小川", "オガワ", "ogawa"), ("前田", "マエダ", "maeda"),
    ("岡本", "オカモト", "okamoto"), ("長谷川", "ハセガワ", "hasegawa"), ("藤田", "フジタ", "fujita"),
    ("後藤", "ゴトウ", "goto"), ("近藤", "コンドウ", "kondo"), ("村上", "ムラカミ", "murakami"),
    ("遠藤", "エンドウ", "endo"), ("青木", "アオキ", "aoki"), ("坂本", "サカモト", "sakamoto"),
    ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"), ("西村", "ニシムラ", "nishimura"),
    ("藤井", "フジイ", "fujii"), ("金子", "カネコ", "kaneko"), ("原", "ハラ", "hara"),
    ("竹内", "タケウチ", "takeuchi"), ("小野", "オノ", "ono"), ("三浦", "ミウラ", "miura"),
    ("松田", "マツダ", "matsuda"), ("菅原", "スガワラ", "sugawara"), ("野村", "ノムラ", "nomura"),
    ("杉山", "スギヤマ", "sugiyama"), ("千葉", "チバ", "chiba"), ("久保田", "クボタ", "kubota"),
    ("桑原", "クワハラ", "kuwahara"), ("内田", "ウチダ", "uchida"), ("増田", "マスダ", "masuda"),
    ("関", "セキ", "seki"), ("平田", "ヒラタ", "hirata"), ("荒木", "アラキ", "araki"), ("岡田", "オカダ", "okada"),
]
COMMON = SURNAMES[:9]  # forced often: shared surnames across organisations
MALE = [
    ("健一", "ケンイチ", "kenichi"), ("誠", "マコト", "makoto"), ("大輔", "ダイスケ", "daisuke"),
    ("浩二", "コウジ", "koji"), ("正樹", "マサキ", "masaki"), ("宏", "ヒロシ", "hiroshi"),
    ("翔太", "ショウタ", "shota"), ("拓海", "タクミ", "takumi"), ("和也", "カズヤ", "kazuya"),
    ("修", "オサム", "osamu"), ("隆", "タカシ", "takashi"), ("直人", "ナオト", "naoto"),
    ("健太", "ケンタ", "kenta"), ("雄一", "ユウイチ", "yuichi"), ("剛", "ツヨシ", "tsuyoshi"),
    ("茂", "シゲル", "shigeru"), ("勇", "イサム", "isamu"), ("清", "キヨシ", "kiyoshi"),
    ("博之", "ヒロユキ", "hiroyuki"), ("悠斗", "ユウト", "yuto"), ("秀樹", "ヒデキ", "hideki"),
    ("昭夫", "アキオ", "akio"), ("俊介", "シュンスケ", "shunsuke"), ("達也", "タツヤ", "tatsuya"),
]
FEMALE = [
    ("順子", "ジュンコ", "junko"), ("恵子", "ケイコ", "keiko"), ("美穂", "ミホ", "miho"),
    ("由紀", "ユキ", "yuki"), ("智子", "トモコ", "tomoko"), ("裕子", "ユウコ", "yuko"),
    ("陽子", "ヨウコ", "yoko"), ("亜紀", "アキ", "aki"), ("綾", "アヤ", "aya"), ("里美", "サトミ", "satomi"),
    ("和子", "カズコ", "kazuko"), ("美和", "ミワ", "miwa"), ("真由美", "マユミ", "mayumi"),
    ("千尋", "チヒロ", "chihiro"), ("愛", "アイ", "ai"), ("花子", "ハナコ", "hanako"),
    ("幸子", "サチコ", "sachiko"), ("文子", "フミコ", "fumiko"), ("久美子", "クミコ", "kumiko"),
    ("彩花", "アヤカ", "ayaka"), ("静香", "シズカ", "shizuka"), ("直美", "ナオミ", "naomi"),
]
S = {s[0]: s for s in SURNAMES}
G = {g[0]: g for g in MALE + FEMALE}

TOWNS = ["港町", "潮見台", "汐入町", "桜台", "緑野", "東浜", "西浜", "北浜", "旭町", "浦波", "高砂台", "鶴見ケ丘"]
DIAG = ["2型糖尿病", "高血圧症", "慢性心不全", "脳梗塞後遺症（左片麻痺）", "大腿骨頸部骨折術後", "COPD",
        "アルツハイマー型認知症", "胃癌術後", "慢性腎臓病（G3b）", "誤嚥性肺炎", "心房細動", "腰部脊柱管狭窄症",
        "パーキンソン病", "大腸癌（化学療法中）", "関節リウマチ", "うつ病", "肝硬変", "狭心症（PCI後）"]
DRUGS = ["アムロジピン錠5mg 1錠 朝", "メトホルミン錠250mg 2錠 朝夕", "ワルファリン錠1mg 2錠 朝",
         "フロセミド錠20mg 1錠 朝", "ドネペジル錠5mg 1錠 朝", "ランソプラゾールOD錠15mg 1錠 朝",
         "酸化マグネシウム錠330mg 3錠 毎食後", "アトルバスタチン錠10mg 1錠 夕", "レボドパ配合錠 3錠 毎食後"]
MIN_CLINIC_DOC = "御侍史"


def person(sur: str | None = None, given: str | None = None, female: bool | None = None,
           common: float = 0.0) -> dict:
    if sur is None:
        sur = (R.choice(COMMON) if R.random() < common else R.choice(SURNAMES))[0]
    if given is None:
        if female is None:
            female = R.random() < 0.5
        given = R.choice(FEMALE if female else MALE)[0]
    s, g = S[sur], G[given]
    return {"sur": sur, "given": given, "name": f"{sur} {given}", "kana": f"{s[1]} {g[1]}",
            "rs": s[2], "rg": g[2]}


def birth(lo: int, hi: int) -> dt.date:
    return dt.date(R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28))


def wareki(d: dt.date) -> str:
    if d.year >= 1989:
        return f"平成{d.year - 1988}年{d.month}月{d.day}日" if d.year < 2019 else f"令和{d.year - 2018}年{d.month}月{d.day}日"
    return f"昭和{d.year - 1925}年{d.month}月{d.day}日"


def address() -> str:
    return (f"神奈川県浜風市{R.choice(TOWNS)}{R.randint(1, 5)}-{R.randint(1, 30)}-{R.randint(1, 20)}"
            + (f" {R.choice(['ハイツ', 'コーポ', 'メゾン', 'パレス'])}{R.choice(['潮見', '桜台', '港', '緑野'])}{R.randint(1, 4)}0{R.randint(1, 9)}"
               if R.random() < 0.35 else ""))


def postal() -> str:
    return f"236-{R.randint(0, 99):04d}"


def mobile() -> str:
    return f"0{R.choice('789')}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def patient_id() -> str:
    return f"{R.randint(10, 99)}{R.randint(0, 999999):06d}"


def my_number() -> str:
    """12 digits with a valid check digit (番号法施行令 the formula for 個人番号)."""
    d = [R.randint(0, 9) for _ in range(11)]
    if d[0] == 0:
        d[0] = R.randint(1, 9)
    s = 0
    for n in range(1, 12):
        p = d[11 - n]
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    c = 0 if r <= 1 else 11 - r
    x = "".join(map(str, d)) + str(c)
    return f"{x[:4]} {x[4:8]} {x[8:]}"


# ---------------------------------------------------------------- the hospital
STAFF_SPEC = [
    ("佐藤", "美和", "mi.sato", "地域医療連携室", "前方連携担当", ["clinic", "hospital"]),
    ("岡田", "直人", "n.okada", "地域医療連携室", "前方連携担当", ["clinic", "hospital"]),
    ("山崎", "由紀", "y.yamazaki", "地域医療連携室", "医療ソーシャルワーカー", ["care", "vn", "family", "insurer"]),
    ("森", "拓海", "t.mori", "地域医療連携室", "退院支援担当", ["care", "vn", "clinic", "family"]),
    ("田中", "恵子", "ke.tanaka", "医事課", "主任", ["insurer", "family", "vendor_office", "law"]),
    ("石川", "翔太", "s.ishikawa", "医事課", "", ["insurer", "family", "law"]),
    ("野村", "彩花", "a.nomura", "医事課", "", ["family", "vendor_office", "insurer"]),
    ("村上", "博之", "h.murakami", "健診センター", "課長", ["company"]),
    ("小野", "智子", "t.ono", "健診センター", "", ["company"]),
    ("佐藤", "翔太", "sh.sato", "健診センター", "", ["company"]),
    ("平田", "隆", "t.hirata", "人事課", "課長", ["sharoushi", "school", "lecturer"]),
    ("高橋", "久美子", "k.takahashi", "人事課", "", ["sharoushi", "lecturer", "school"]),
    ("増田", "達也", "t.masuda", "薬剤部", "副部長", ["pharmacy", "smo", "vendor_med"]),
    ("荒木", "綾", "a.araki", "薬剤部", "", ["pharmacy", "smo"]),
    ("桑原", "千尋", "c.kuwahara", "看護部", "退院調整看護師", ["care", "vn", "school", "family"]),
    ("関", "直美", "n.seki", "看護部", "教育担当", ["school"]),
    ("久保田", "修", "o.kubota", "総務課", "用度係", ["vendor_med", "vendor_office", "vendor_food"]),
    ("杉山", "里美", "s.sugiyama", "治験管理室", "CRC", ["smo", "pharmacy"]),
    ("内田", "俊介", "s.uchida", "内科", "医師", ["clinic"]),
    ("千葉", "正樹", "m.chiba", "整形外科", "医師", ["clinic", "hospital"]),
]
STAFF = []
for sur, given, local, dept, title, cats in STAFF_SPEC:
    p = person(sur, given)
    p.update({"email": f"{local}@{DOM}", "dept": dept, "title": title, "cats": cats})
    STAFF.append(p)
SBY = {s["email"].split("@")[0]: s for s in STAFF}

# ---------------------------------------------------------------- organisations
# (org name, domain, category, [(sur, given, local, role)], extra random staff)
ORG_SPEC = [
    ("医療法人 やまざくら内科クリニック", "yamazakura-cl.example", "clinic",
     [("佐藤", "健一", "k.sato", "院長"), ("山口", "美穂", "info", "事務長")], 0),
    ("さくら台ファミリークリニック", "sakuradai-fc.example", "clinic",
     [("佐藤", "健一", "k.sato", "院長"), ("小川", "由紀", "uketsuke", "受付")], 1),
    ("さくら台こどもクリニック", "sakuradai-kids.test", "clinic",
     [("鈴木", "亜紀", "a.suzuki", "院長"), ("林", "愛", "office", "事務")], 0),
    ("港北内科クリニック", "kohoku-naika.example", "clinic",
     [("高橋", "誠", "m.takahashi", "院長"), ("高橋", "裕子", "y.takahashi", "副院長")], 1),
    ("港南内科医院", "konan-naika.example", "clinic",
     [("高橋", "誠", "makoto.takahashi", "院長"), ("岡本", "文子", "renkei", "看護師長")], 0),
    ("田中耳鼻咽喉科医院", "tanaka-ent.example", "clinic",
     [("田中", "宏", "h.tanaka", "院長"), ("田中", "静香", "s.tanaka", "事務")], 0),
    ("医療法人 東浜在宅クリニック", "higashihama-zaitaku.example.com", "clinic",
     [("渡辺", "浩二", "k.watanabe", "院長"), ("中村", "里美", "s.nakamura", "訪問看護師"),
      ("伊藤", "直人", "soudan", "相談員")], 0),
    ("西浜整形外科", "nishihama-seikei.example", "clinic",
     [("渡辺", "浩二", "watanabe", "院長"), ("木村", "陽子", "jimu", "事務")], 1),
    ("あけぼの診療所", "akebono-cl.test", "clinic",
     [("伊藤", "大輔", "d.ito", "所長"), ("鈴木", "亜紀", "aki.suzuki", "医師")], 0),
    ("みどり野循環器内科", "midorino-heart.example", "clinic",
     [("中村", "正樹", "m.nakamura", "院長"), ("遠藤", "恵子", "k.endo", "事務長")], 0),
    ("中村眼科クリニック", "nakamura-ganka.example", "clinic",
     [("中村", "正樹", "nakamura", "院長")], 1),
    ("浜風駅前ひふ科", "hamakaze-hifu.test", "clinic",
     [("小林", "綾", "a.kobayashi", "院長")], 1),
    ("北浜ハートクリニック", "kitahama-heart.example", "clinic",
     [("伊藤", "健太", "k.ito", "院長")], 1),
    ("浜風医科大学附属病院 地域連携センター", "hamakaze-med-u.example", "hospital",
     [("佐藤", "健一", "kenichi.sato", "医師"), ("伊藤", "千尋", "c.ito", "連携担当")], 1),
    ("市立みなと市民病院", "minato-city-hp.example", "hospital",
     [("田中", "宏", "h.tanaka", "医師"), ("三浦", "直美", "renkei", "地域連携室")], 1),
    ("ケアプランセンターひまわり", "himawari-cp.example", "care",
     [("鈴木", "順子", "j.suzuki", "介護支援専門員"), ("山口", "恵子", "k.yamaguchi", "介護支援専門員")], 0),
    ("居宅介護支援事業所 ひまわり苑", "himawarien.test", "care",
     [("鈴木", "順子", "suzuki", "介護支援専門員"), ("後藤", "剛", "goto", "管理者")], 0),
    ("ケアプランかもめ", "kamome-cp.example", "care",
     [("加藤", "美穂", "m.kato", "介護支援専門員"), ("佐々木", "剛", "t.sasaki", "主任介護支援専門員")], 0),
    ("あおぞら居宅介護支援事業所", "aozora-kyotaku.example", "care",
     [("田中", "美和", "m.tanaka", "介護支援専門員"), ("青木", "達也", "t.aoki", "介護支援専門員")], 0),
    ("訪問看護ステーションかもめ", "kamome-vn.example", "vn",
     [("加藤", "由紀", "y.kato", "管理者"), ("吉田", "真由美", "m.yoshida", "看護師")], 0),
    ("はまなす訪問看護ステーション", "hamanasu-vn.example", "vn",
     [("小林", "智子", "t.kobayashi", "所長"), ("佐藤", "愛", "ai.sato", "看護師")], 0),
    ("つばさ調剤薬局 浜風駅前店", "tsubasa-ph.example", "pharmacy",
     [("佐藤", "裕子", "y.sato", "管理薬剤師")], 1),
    ("みなと薬局", "minato-ph.test", "pharmacy",
     [("高橋", "修", "o.takahashi", "薬剤師")], 1),
    ("株式会社浜風精工", "hamakaze-seiko.example", "company",
     [("鈴木", "大輔", "d.suzuki", "人事部 健康管理担当"), ("木村", "恵子", "k.kimura", "人事部")], 2),
    ("浜風精機株式会社", "hamakaze-seiki.example", "company",
     [("鈴木", "大輔", "d.suzuki", "総務部 人事課"), ("前田", "裕子", "y.maeda", "総務部")], 1),
    ("港湾ロジスティクス株式会社", "kowan-logi.example", "company",
     [("田中", "陽子", "yoko.tanaka", "人事総務部"), ("福田", "剛", "t.fukuda", "安全衛生課")], 1),
    ("株式会社みなと食品", "minato-foods.example", "company",
     [("田中", "陽子", "y.tanaka", "総務人事課"), ("西村", "修", "o.nishimura", "総務人事課")], 1),
    ("東邦建設工業株式会社", "toho-kensetsu.test", "company",
     [("伊藤", "和也", "k.ito", "管理部 労務課"), ("鈴木", "美穂", "m.suzuki", "管理部")], 1),
    ("浜風信用金庫", "hamakaze-shinkin.example", "company",
     [("山本", "雄一", "y.yamamoto", "人事部"), ("山本", "綾", "a.yamamoto", "人事部 健康推進")], 1),
    ("あさなぎ生命保険株式会社", "asanagi-life.example", "insurer",
     [("井上", "秀樹", "h.inoue", "保険金部 支払査定課"), ("長谷川", "愛", "a.hasegawa", "保険金部")], 1),
    ("ことぶき損害保険株式会社", "kotobuki-sonpo.test", "insurer",
     [("井上", "裕子", "y.inoue", "損害サービス課")], 1),
    ("ひかり生命保険相互会社", "hikari-life.example.com", "insurer",
     [("小林", "健太", "k.kobayashi", "給付金サービス部")], 1),
    ("東和メディカル株式会社", "towa-medical.example", "vendor_med",
     [("佐藤", "大輔", "d.sato", "営業部"), ("池田", "綾", "a.ikeda", "サービス部")], 1),
    ("株式会社ミナト医療システム", "minato-medsys.example", "vendor_med",
     [("藤田", "雄一", "y.fujita", "カスタマーサポート"), ("高橋", "悠斗", "y.takahashi", "SE")], 1),
    ("株式会社ホスピタルフード湾岸", "hf-wangan.example", "vendor_food",
     [("坂本", "清", "k.sakamoto", "浜風総合病院 栄養管理室 常駐"), ("太田", "和子", "k.ota", "営業")], 0),
    ("株式会社メディカルリネン浜風", "medlinen.test", "vendor_food",
     [("松田", "勇", "i.matsuda", "営業課")], 1),
    ("株式会社メディアシスト湾岸", "mediassist.test", "vendor_office",
     [("藤井", "恵子", "k.fujii", "医事業務部")], 1),
    ("株式会社クリニカルブリッジ", "clinicalbridge.example", "smo",
     [("竹内", "大輔", "d.takeuchi", "SMO事業部 CRC"), ("中島", "美穂", "m.nakajima", "SMO事業部")], 0),
    ("社会保険労務士法人 あさひ労務", "asahi-roumu.example", "sharoushi",
     [("金子", "誠", "m.kaneko", "社会保険労務士"), ("原", "里美", "s.hara", "")], 0),
    ("弁護士法人 浜風総合法律事務所", "hamakaze-law.example", "law",
     [("菅原", "博之", "h.sugawara", "弁護士")], 1),
    ("浜風看護専門学校", "hamakaze-ns.example", "school",
     [("田中", "直美", "n.tanaka", "教務主任"), ("松本", "千尋", "c.matsumoto", "実習調整")], 0),
    ("みなと医療福祉大学 看護学部", "minato-iryo-u.example", "school",
     [("山下", "文子", "f.yamashita", "臨地実習担当"), ("佐藤", "恵子", "k.sato", "助教")], 0),
]
FREEMAIL = ["hamamail.example", "kazoku-net.test", "webpost.example.com", "mobimail.test", "ezmail.example"]
# households: patient (sur, given, female), own mail?, key person (sur, given, relation) or None
HOUSEHOLDS = [
    (("山本", "和子"), True, None),
    (("山本", "茂"), False, ("山本", "和也", "長男")),
    (("山本", "清"), False, ("山本", "幸子", "妻")),
    (("佐藤", "文子"), False, ("佐藤", "直美", "長女")),
    (("佐藤", "勇"), True, None),
    (("鈴木", "花子"), False, ("鈴木", "健太", "長男")),
    (("鈴木", "昭夫"), True, ("鈴木", "恵子", "妻")),
    (("高橋", "久美子"), False, ("高橋", "愛", "次女")),
    (("高橋", "隆"), True, None),
    (("田中", "静香"), True, None),
    (("伊藤", "修"), False, ("伊藤", "千尋", "長女")),
    (("中島", "文子"), False, ("中島", "直人", "長男")),
    (("村上", "清"), True, None),
    (("近藤", "美和"), True, None),
]
LECTURERS = [("長谷川", "雄一"), ("青木", "静香"), ("佐藤", "修")]

ORGS: dict[str, dict] = {}
CONTACTS: list[dict] = []


def add_contact(p: dict, email: str, org: str, role: str = "", cat: str = "") -> dict:
    c = dict(p)
    c.update({"email": email, "org": org, "role": role, "cat": cat})
    CONTACTS.append(c)
    ORGS.setdefault(org, {"name": org, "domain": email.split("@")[1], "cat": cat, "people": []})["people"].append(c)
    return c


def build_directory() -> None:
    for org, dom, cat, named, extra in ORG_SPEC:
        for sur, given, local, role in named:
            add_contact(person(sur, given), f"{local}@{dom}", org, role, cat)
        for _ in range(extra + R.randint(1, 2)):
            p = person(common=0.45)
            local = R.choice([f"{p['rg'][0]}.{p['rs']}", f"{p['rs']}", f"{p['rg']}.{p['rs']}", f"{p['rs']}-{p['rg'][0]}"])
            if any(c["email"] == f"{local}@{dom}" for c in CONTACTS):
                local = f"{p['rg']}_{p['rs']}"
            add_contact(p, f"{local}@{dom}", org, R.choice(["事務", "担当", "", "総務"]), cat)
    for i, (pt, own, key) in enumerate(HOUSEHOLDS):
        org = f"個人（患者 {pt[0]} {pt[1]} 様）"
        p = person(*pt)
        if own:
            add_contact(p, f"{p['rg']}.{p['rs']}{R.randint(10, 79)}@{FREEMAIL[i % 5]}", org, "ご本人", "family")
        if key:
            k = person(key[0], key[1])
            add_contact(k, f"{k['rs']}.{k['rg']}{R.randint(10, 99)}@{FREEMAIL[(i + 2) % 5]}", org, key[2], "family")
        ORGS[org]["patient"] = p
    for i, (sur, given) in enumerate(LECTURERS):
        p = person(sur, given)
        add_contact(p, f"{p['rg']}{p['rs']}{R.randint(1, 9)}@{FREEMAIL[(i + 1) % 5]}", f"個人（外部講師 {sur} {given}）",
                    "外部講師", "lecturer")


def org_of(email: str) -> dict | None:
    for c in CONTACTS:
        if c["email"] == email:
            return ORGS[c["org"]]
    return None


def contact(email: str) -> dict:
    return next(c for c in CONTACTS if c["email"] == email)


def org_by_prefix(prefix: str) -> dict:
    return next(o for n, o in ORGS.items() if n.startswith(prefix) or prefix in n)


# ---------------------------------------------------------------- history
HISTORY: list[dict] = []
PAST: dict[str, set[str]] = {}
NEVER: set[str] = set()
OWNED: dict[str, list[str]] = {}

SUBJ = {
    "clinic": ["患者様ご紹介の御礼", "診療情報提供書の送付", "返書送付のご連絡", "外来予約の件", "検査予約について",
               "ご紹介患者様の経過報告", "Re: 紹介状の件", "FW: 画像CDについて", "逆紹介のご相談", "地域連携の会のご案内"],
    "hospital": ["転院のご相談", "診療情報提供書の件", "Re: 受け入れ可否について", "画像データ送付の件"],
    "care": ["退院前カンファレンス日程", "Re: 退院調整のご相談", "看護サマリー送付", "サービス担当者会議の件",
             "入院時情報提供書ありがとうございました"],
    "vn": ["訪問看護指示書の件", "Re: 退院日のご連絡", "看護サマリー送付のご連絡", "特別指示書について"],
    "family": ["ご面会の件", "お支払いについて", "Re: 入院のご案内", "検査結果のご案内", "書類のご用意ができました"],
    "insurer": ["診断書送付のご連絡", "入院証明書の件", "Re: 医療照会について", "診断書料のご請求"],
    "company": ["2026年度 定期健康診断の日程", "健診結果送付のご案内", "Re: 受診者名簿の件", "特定保健指導のご案内",
                "請求書送付の件", "再検査対象者のご連絡"],
    "pharmacy": ["疑義照会の回答", "トレーシングレポートの件", "Re: 吸入指導について", "薬薬連携研修会のご案内"],
    "smo": ["治験 来院スケジュールの件", "Re: SDV日程", "IRB資料の件", "逸脱報告について"],
    "sharoushi": ["社会保険手続きの件", "Re: 入職者の資格取得", "年末調整の件", "就業規則改定のご相談"],
    "school": ["臨地実習の受け入れについて", "Re: 実習スケジュール", "実習指導者会議の件", "講義日程のご相談"],
    "lecturer": ["院内研修のご講演依頼", "Re: 講演資料の件", "謝金のお支払いについて"],
    "vendor_med": ["見積依頼", "保守点検日程のご連絡", "Re: 納品の件", "電子カルテ更新作業の件"],
    "vendor_office": ["月次報告の件", "Re: 請求業務について", "レセプト点検の件"],
    "vendor_food": ["検食簿の件", "Re: 納品時間の変更", "請求書送付"],
    "law": ["未収金回収のご依頼", "Re: 督促状の文案"],
    "internal": ["会議資料", "Re: 病床管理", "退院予定者の共有", "FW: ご紹介の件", "院内研修の出欠", "打ち合わせの件"],
}


def build_history() -> None:
    by_cat: dict[str, list[str]] = {}
    for org in ORGS.values():
        by_cat.setdefault(org["cat"], []).append(org["name"])
    # contacts never mailed (first mails later)
    for org in ORGS.values():
        if org["cat"] in ("clinic", "company", "insurer", "school", "vendor_med", "care") and len(org["people"]) >= 3:
            NEVER.add(org["people"][-1]["email"])
    owners: dict[str, list[str]] = {}
    for s in STAFF:
        own: list[str] = []
        for cat in s["cats"]:
            names = by_cat.get(cat, [])
            k = max(1, int(len(names) * R.uniform(0.55, 1.0)))
            own += R.sample(names, k)
        OWNED[s["email"]] = own
        for o in own:
            owners.setdefault(o, []).append(s["email"])
    for org in ORGS:  # every organisation has an owner
        if org not in owners:
            s = next(s for s in STAFF if ORGS[org]["cat"] in s["cats"])
            OWNED[s["email"]].append(org)
            owners[org] = [s["email"]]
    start = dt.datetime(2025, 12, 1, 8, 0, tzinfo=JST)
    span = (dt.datetime(2026, 11, 30, 19, 0, tzinfo=JST) - start).total_seconds()
    times = sorted(R.uniform(0, span) for _ in range(3000))
    for t in times:
        d = start + dt.timedelta(seconds=int(t))
        d = d.replace(hour=R.randint(8, 19))
        s = R.choice(STAFF)
        x = R.random()
        cc: list[str] = []
        if x < 0.83 and OWNED[s["email"]]:
            org = ORGS[R.choice(OWNED[s["email"]])]
            people = [c for c in org["people"] if c["email"] not in NEVER]
            to = [R.choice(people)["email"]]
            if len(people) > 1 and R.random() < 0.2:
                cc.append(R.choice([c["email"] for c in people if c["email"] != to[0]]))
            if R.random() < 0.15:
                cc.append(R.choice([t["email"] for t in STAFF if t["dept"] == s["dept"] and t is not s] or [STAFF[0]["email"]]))
            subj = R.choice(SUBJ.get(org["cat"], SUBJ["internal"]))
        elif x < 0.95:
            to = [R.choice([t["email"] for t in STAFF if t is not s])]
            subj = R.choice(SUBJ["internal"])
        else:
            c = R.choice([c for c in CONTACTS if c["email"] not in NEVER and c["cat"] not in ("family", "lecturer")])
            to = [c["email"]]
            subj = R.choice(SUBJ.get(c["cat"], SUBJ["internal"]))
        HISTORY.append({"date": d.isoformat(), "from": s["email"], "to": to, "cc": cc, "subject": subj})
        PAST.setdefault(s["email"], set()).update(to + cc)
    HISTORY.sort(key=lambda h: h["date"])


# ---------------------------------------------------------------- patients and documents
def patient(sur: str | None = None, given: str | None = None, age: tuple[int, int] = (1935, 1975)) -> dict:
    female = G[given][0] in [f[0] for f in FEMALE] if given else R.random() < 0.5
    p = person(sur, given, female=female, common=0.3)
    p.update({"birth": birth(*age), "sex": "女" if female else "男", "pid": patient_id(), "addr": address(),
              "zip": postal(), "tel": mobile(), "diag": R.sample(DIAG, 2), "drugs": R.sample(DRUGS, 3)})
    return p


def hosp_doctor() -> dict:
    return R.choice([s for s in STAFF if s["title"] == "医師"])


_FONT = None


def pdf(title: str, lines: list[str]) -> bytes:
    global _FONT
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if _FONT is None:
        pdfmetrics.registerFont(TTFont("IPAexG", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"))
        _FONT = "IPAexG"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    y = 800
    c.setFont(_FONT, 15)
    c.drawCentredString(297, y, title)
    y -= 34
    c.setFont(_FONT, 10)
    for ln in lines:
        if y < 60:
            c.showPage()
            c.setFont(_FONT, 10)
            y = 800
        c.drawString(56, y, ln)
        y -= 17
    c.save()
    return buf.getvalue()


def docx_bytes(title: str, paras: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.created = dt.datetime(2026, 12, 1)
    d.add_heading(title, level=1)
    for p in paras:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, v in enumerate(row):
                t.cell(i, j).text = str(v)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def xlsx_bytes(sheet: str, head_rows: list[list[str]], header: list[str], rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in head_rows:
        ws.append(r)
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.properties.created = dt.datetime(2026, 12, 1)
    wb.properties.modified = dt.datetime(2026, 12, 1)
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csv_bytes(head_rows: list[list[str]], header: list[str], rows: list[list], enc: str) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    for r in [*head_rows, header, *rows]:
        w.writerow(r)
    return s.getvalue().encode("utf-8-sig" if enc == "utf-8" else "cp932")


def zip_bytes(members: list[tuple[str, bytes]], password: str | None = None) -> bytes:
    if password is None:
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
            for n, d in members:
                z.writestr(zipfile.ZipInfo(n, (2026, 12, 1, 9, 0, 0)), d)
        return b.getvalue()
    tmp = tempfile.mkdtemp()
    try:
        for n, d in members:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(d)
        subprocess.run(["zip", "-q", "-P", password, "-X", "out.zip", *[n for n, _ in members]], cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def day(d: int = 0) -> str:
    x = dt.date(2026, 12, 3) + dt.timedelta(days=d)
    return f"2026年{x.month}月{x.day}日"


def referral_doc(org: str, doc: str, pt: dict, kind: str = "紹介") -> list[str]:
    dr = hosp_doctor()
    title = "診療情報提供書" if kind == "紹介" else "診療情報提供書（返書）"
    lines = [f"{org}", f"{doc} 先生 {MIN_CLINIC_DOC}", "",
             f"紹介元: {HOSP} {dr['dept']} {dr['name']}", f"作成日: {day(R.randint(0, 9))}", "",
             f"患者氏名: {pt['name']} 様（{pt['kana']}） {pt['sex']}性", f"生年月日: {wareki(pt['birth'])}",
             f"住所: 〒{pt['zip']} {pt['addr']}", f"患者ID: {pt['pid']}",
             f"傷病名: {pt['diag'][0]}、{pt['diag'][1]}",
             f"紹介目的: {R.choice(['外来での継続加療のお願い', '精査加療のお願い', '退院後のかかりつけ医としてのご高診のお願い', '在宅診療のご依頼'])}",
             f"既往歴: {R.choice(DIAG)}",
             f"経過: {day(-R.randint(20, 60))}入院。{pt['diag'][0]}に対し加療し、状態安定したため{day(R.randint(0, 5))}退院予定です。",
             "処方:"] + [f"  {x}" for x in pt["drugs"]] + [
             f"検査所見: HbA1c {R.uniform(5.8, 9.5):.1f}% / eGFR {R.randint(25, 80)} / BNP {R.randint(40, 600)} pg/mL",
             "", title + "として上記の通りご報告申し上げます。"]
    return [title, *lines]


def summary_doc(org: str, who: str, pt: dict, nursing: bool) -> tuple[str, list[str]]:
    t = "看護サマリー" if nursing else "退院サマリー"
    lines = [f"{org} {who} 様", "", f"患者氏名: {pt['name']} 様（{pt['kana']}）", f"生年月日: {wareki(pt['birth'])}  性別: {pt['sex']}",
             f"住所: {pt['addr']}", f"入院日: {day(-R.randint(15, 50))}  退院予定日: {day(R.randint(1, 10))}",
             f"診断名: {pt['diag'][0]}（既往: {pt['diag'][1]}）",
             f"要介護度: {R.choice(['要支援2', '要介護1', '要介護2', '要介護3', '要介護4'])}",
             f"ADL: 移動 {R.choice(['杖歩行', '歩行器', '車椅子', '見守り歩行'])} / 食事 {R.choice(['自立', '一部介助', '全粥・きざみ食'])} / 排泄 {R.choice(['自立', 'ポータブルトイレ', 'おむつ使用'])}",
             "内服:"] + [f"  {x}" for x in pt["drugs"]] + [
             f"看護上の問題: {R.choice(['転倒リスク', '服薬管理困難', '褥瘡（仙骨部 d2）', '夜間せん妄', 'インスリン自己注射の手技不安定'])}",
             f"キーパーソン: {R.choice(['長男', '長女', '妻', '夫', '次女'])}（連絡先 {mobile()}）"]
    return t, lines


def lab_doc(pt: dict, to: str) -> list[str]:
    return [f"{to} 様", "", f"患者ID: {pt['pid']}  氏名: {pt['name']} 様  生年月日: {wareki(pt['birth'])}",
            f"検査日: {day(-R.randint(3, 14))}", "",
            f"WBC {R.uniform(3.5, 11):.1f} ×10^3/μL   Hb {R.uniform(9.5, 15.5):.1f} g/dL   PLT {R.randint(12, 38)} ×10^4/μL",
            f"AST {R.randint(15, 90)} U/L   ALT {R.randint(10, 110)} U/L   γ-GTP {R.randint(15, 240)} U/L",
            f"Cre {R.uniform(0.5, 2.4):.2f} mg/dL   eGFR {R.randint(20, 95)}   HbA1c {R.uniform(5.2, 9.8):.1f} %",
            f"CEA {R.uniform(1, 12):.1f} ng/mL   CA19-9 {R.randint(5, 90)} U/mL",
            "", f"所見: {R.choice(['肝機能の上昇を認めます。再検査をお勧めします。', '腫瘍マーカーは前回より上昇しています。次回外来で説明します。', '血糖コントロールは改善傾向です。'])}",
            f"担当医: {hosp_doctor()['name']}"]


def cert_doc(insurer: str, pt: dict) -> list[str]:
    a = R.randint(20, 40)
    return [f"{insurer} 御中", "", f"被保険者（患者）氏名: {pt['name']}（{pt['kana']}）", f"生年月日: {wareki(pt['birth'])}",
            f"住所: {pt['addr']}", f"傷病名: {pt['diag'][0]}", f"入院期間: {day(-a)} 〜 {day(-R.randint(1, 8))}",
            f"手術: {R.choice(['なし', '人工骨頭挿入術', '腹腔鏡下胃切除術', '経皮的冠動脈形成術'])}",
            f"初診日: {day(-a - R.randint(10, 200))}", "上記の通り証明します。", f"{HOSP} 医師 {hosp_doctor()['name']}"]


def employees(n: int) -> list[dict]:
    return [patient(age=(1962, 2003)) for _ in range(n)]


def checkup_rows(emps: list[dict]) -> list[list]:
    out = []
    for _i, e in enumerate(emps):
        h = R.randint(150, 185)
        w = R.randint(45, 95)
        sbp = R.randint(100, 172)
        judge = R.choice("AABBCCD")
        find = {"A": "異常なし", "B": "軽度異常", "C": R.choice(["要経過観察（脂質）", "要経過観察（肝機能）", "要再検査（血圧）"]),
                "D": R.choice(["要精密検査（便潜血陽性）", "要治療（糖尿病疑い）", "要精密検査（心電図異常）", "要精密検査（胸部X線）"])}[judge]
        out.append([f"E{R.randint(10000, 99999)}", e["name"], e["kana"], e["birth"].isoformat(), e["sex"], h, w,
                    round(w / (h / 100) ** 2, 1), f"{sbp}/{sbp - R.randint(30, 50)}", round(R.uniform(4.8, 8.9), 1),
                    R.randint(80, 210), judge, find])
    return out


CHECK_HEAD = ["社員番号", "氏名", "フリガナ", "生年月日", "性別", "身長", "体重", "BMI", "血圧", "HbA1c", "LDL", "総合判定", "所見"]


def checkup_file(company: str, n: int, fmt: str) -> tuple[str, bytes]:
    head = [[f"{company} 御中"], [f"2026年度 定期健康診断 結果一覧（{HOSP_SHORT} 健診センター）"]]
    rows = checkup_rows(employees(n))
    short = company.replace("株式会社", "").replace("相互会社", "").strip()
    if fmt == "xlsx":
        return f"健診結果一覧_{short}_2026.xlsx", xlsx_bytes("結果一覧", head, CHECK_HEAD, rows)
    return f"健診結果_{short}.csv", csv_bytes(head, CHECK_HEAD, rows, R.choice(["utf-8", "cp932"]))


def inpatient_rows(n: int) -> list[list]:
    rows = []
    for _ in range(n):
        p = patient()
        rows.append([R.choice(["3東", "3西", "4東", "4西", "5東", "HCU"]), f"{R.randint(301, 548)}", p["pid"], p["name"], p["kana"],
                     2026 - p["birth"].year, p["sex"], p["diag"][0], R.choice(["常食", "全粥", "糖尿病食1600", "減塩食6g", "嚥下調整食2-1"]),
                     day(-R.randint(1, 40)), R.choice(["", "感染対策あり", "転倒注意", "DNAR"])])
    return rows


INPT_HEAD = ["病棟", "病室", "患者ID", "氏名", "カナ", "年齢", "性別", "主病名", "食種", "入院日", "備考"]


def staff_rows(n: int) -> list[list]:
    rows = []
    for _ in range(n):
        p = patient(age=(1965, 2003))
        rows.append([f"{R.randint(1000, 9999)}", p["name"], p["kana"], p["birth"].isoformat(), p["zip"], p["addr"], p["tel"],
                     R.choice(["看護師", "准看護師", "薬剤師", "理学療法士", "医療事務", "臨床検査技師", "介護福祉士"]),
                     R.choice(["3東", "4西", "外来", "薬剤部", "リハビリ", "医事課"])])
    return rows


STAFF_HEAD = ["職員番号", "氏名", "カナ", "生年月日", "郵便番号", "住所", "携帯電話", "職種", "所属"]


def unpaid_rows(n: int) -> list[list]:
    rows = []
    for _ in range(n):
        p = patient(age=(1940, 1998))
        rows.append([p["pid"], p["name"], p["kana"], p["zip"], p["addr"], p["tel"], R.randint(3, 180) * 1000 + R.randint(0, 9) * 100,
                     f"2026-{R.randint(1, 10):02d}", R.choice(["入院", "外来", "入院（個室料）"])])
    return rows


UNPAID_HEAD = ["患者ID", "氏名", "カナ", "郵便番号", "住所", "電話", "未収額", "発生月", "区分"]


# ---------------------------------------------------------------- mail
MAILERS = ["Microsoft Outlook 16.0", "Becky! ver. 2.81.04", "Thunderbird 128.5.0", "Active! mail", "Shuriken 2017"]
ATT_TYPES = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
             "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
             "csv": ("text", "csv"), "zip": ("application", "zip")}


def signature(s: dict) -> str:
    style = R.randint(0, 2)
    if style == 0:
        return (f"--\n{HOSP}\n{s['dept']} {s['title'] + ' ' if s['title'] else ''}{s['name']}\n{HOSP_ADDR}\n"
                f"TEL 045-770-1100（代表） FAX 045-770-1109\n{s['email']}")
    if style == 1:
        return (f"━━━━━━━━━━━━━━━━━━━━\n{HOSP_SHORT} {s['dept']}\n{s['name']}（{s['kana']}）\n"
                f"内線 {R.randint(2100, 2899)} / 直通 045-770-{R.randint(1100, 1399)}\n━━━━━━━━━━━━━━━━━━━━")
    return f"---\n{HOSP_SHORT} {s['dept']} {s['sur']}\n045-770-{R.randint(1100, 1399)}"


def encodable(text: str, charset: str) -> bool:
    try:
        text.encode({"iso-2022-jp": "iso-2022-jp", "shift_jis": "cp932"}.get(charset, "utf-8"))
        return True
    except UnicodeEncodeError:
        return False


def hcs(charset: str) -> str:
    return "utf-8" if charset == "utf-8" else "iso-2022-jp"


def hdr(value: str, charset: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, hcs(charset)).encode()


def addr(name: str, email: str, charset: str) -> str:
    return formataddr((name, email), charset=hcs(charset)) if name else email


def text_part(body: str, charset: str, subtype: str = "plain"):
    if charset == "shift_jis":
        p = MIMENonMultipart("text", subtype, charset="Shift_JIS")
        import base64

        p.set_payload(base64.encodebytes(body.encode("cp932")).decode("ascii"))
        p["Content-Transfer-Encoding"] = "base64"
        return p
    return MIMEText(body, subtype, charset)


def to_html(body: str) -> str:
    out = []
    for ln in body.split("\n"):
        out.append(f"<div>{html.escape(ln) if ln else '<br>'}</div>")
    return ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:'Meiryo UI',sans-serif;font-size:10.5pt\">\n"
            + "\n".join(out) + "\n</body></html>")


def attach(part, name: str, data: bytes, charset: str) -> None:
    ext = name.rsplit(".", 1)[-1].lower()
    main, sub = ATT_TYPES[ext]
    if main == "text":
        a = MIMEApplication(data, _subtype="octet-stream")
        del a["Content-Type"]
        a["Content-Type"] = 'text/csv; charset="Shift_JIS"' if not data.startswith(b"\xef\xbb\xbf") else 'text/csv; charset="utf-8"'
    else:
        a = MIMEApplication(data, _subtype=sub)
    if charset in ("iso-2022-jp", "shift_jis"):
        enc = Header(name, "iso-2022-jp", maxlinelen=10000).encode()
        a.set_param("name", enc)
        a.add_header("Content-Disposition", "attachment", filename=enc)
    else:
        a.set_param("name", ("utf-8", "", name))
        a.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
    part.attach(a)


def build_mail(m: dict, idx: int) -> bytes:
    charset, fmt = m["charset"], m["fmt"]
    body = m["body"]
    if charset == "shift_jis":  # what Windows mailers send: WAVE DASH becomes FULLWIDTH TILDE in cp932
        body = m["body"] = body.replace("〜", "～")
    if charset != "utf-8" and not (encodable(body, charset) and encodable(m["subject"], charset)):
        charset = "utf-8"
        m["charset"] = charset
    if fmt == "html":
        body_part = text_part(to_html(body), charset, "html")
    elif fmt == "alt":
        body_part = MIMEMultipart("alternative")
        body_part.attach(text_part(body, charset))
        body_part.attach(text_part(to_html(body), charset, "html"))
    else:
        body_part = text_part(body, charset)
    if m["atts"]:
        msg = MIMEMultipart("mixed")
        msg.attach(body_part)
        for name, data in m["atts"]:
            attach(msg, name, data, charset)
    else:
        msg = body_part
    s = m["from"]
    msg["From"] = addr(s["name"], s["email"], charset)
    for h in ("to", "cc", "bcc"):
        if m.get(h):
            msg[h.capitalize()] = ", ".join(addr(n, e, charset) for n, e in m[h])
    try:
        m["subject"].encode("ascii")
        msg["Subject"] = m["subject"]
    except UnicodeEncodeError:
        msg["Subject"] = Header(m["subject"], hcs(charset))
    msg["Date"] = format_datetime(m["date"])
    msg["Message-ID"] = make_msgid(idstring=f"m15-{idx:04d}", domain=DOM)
    if m.get("in_reply_to"):
        msg["In-Reply-To"] = m["in_reply_to"]
        msg["References"] = m["in_reply_to"]
    msg["X-Mailer"] = R.choice(MAILERS)
    return msg.as_bytes()


def quote(text: str, who: dict, when: str, style: int) -> str:
    if style == 0:
        return f"\n\n{when} {who['name']} <{who['email']}>:\n" + "\n".join("> " + ln if ln else ">" for ln in text.split("\n"))
    if style == 1:
        return (f"\n\n-----Original Message-----\nFrom: {who['name']} <{who['email']}>\nSent: {when}\n"
                f"Subject: {R.choice(['Re: ', 'RE: ', ''])}ご相談\n\n" + text)
    return f"\n\n---------- Forwarded message ---------\nFrom: {who['name']} <{who['email']}>\nDate: {when}\n\n" + text


def sal_clinic(c: dict, style: int | None = None) -> str:
    style = R.randint(0, 3) if style is None else style
    org = c["org"]
    if style == 0:
        return f"{org}\n{c['role']} {c['name']} 先生\n{MIN_CLINIC_DOC}"
    if style == 1:
        return f"{org}\n{c['name']} 先生"
    if style == 2:
        return f"{org} {c['sur']}先生"
    return f"{org.replace('医療法人 ', '')}\n{c['role']}　{c['sur']} 先生"


def sal_person(c: dict, dept: bool = True) -> str:
    role = c["role"] if dept and c["role"] and R.random() < 0.7 else ""
    if R.random() < 0.3:
        return f"{c['org']} {role + ' ' if role else ''}{c['sur']}様"
    return f"{c['org']}\n{role + chr(10) if role else ''}{c['name']} 様"


def ensure(text: str) -> str:
    return text.strip("\n")


# ---------------------------------------------------------------- cases
MESSAGES: list[dict] = []
DOC_ROLES = ("院長", "副院長", "医師", "所長")


def people(cat: str | None = None, roles: tuple[str, ...] | None = None) -> list[dict]:
    return [c for c in CONTACTS if (cat is None or c["cat"] == cat) and (roles is None or c["role"] in roles)]


def doctors() -> list[dict]:
    return [c for c in CONTACTS if c["cat"] in ("clinic", "hospital") and c["role"] in DOC_ROLES]


def same_surname_pairs(group: list[dict], full: bool = False) -> list[tuple[dict, dict]]:
    out = []
    for a in group:
        for b in group:
            if a is not b and a["org"] != b["org"] and (a["name"] == b["name"] if full else a["sur"] == b["sur"]):
                out.append((a, b))
    return out


def sender_for(c: dict, cats: list[str] | None = None) -> dict:
    """A staff member who has mailed this contact before, else one owning its organisation, else of the category."""
    known = [s for s in STAFF if c["email"] in PAST.get(s["email"], set()) and (cats is None or set(cats) & set(s["cats"]))]
    if known:
        return R.choice(known)
    own = [s for s in STAFF if c["org"] in OWNED[s["email"]]]
    if own:
        return R.choice(own)
    return R.choice([s for s in STAFF if c["cat"] in s["cats"]] or STAFF)


def staff_of(*depts: str) -> dict:
    return R.choice([s for s in STAFF if s["dept"] in depts])


def office(org: str, not_email: str | None = None) -> dict:
    cs = [c for c in ORGS[org]["people"] if c["role"] not in DOC_ROLES and c["email"] != not_email and c["email"] not in NEVER]
    return R.choice(cs or [c for c in ORGS[org]["people"] if c["email"] != not_email])


def rc(c: dict, name: str | None = None, email: str | None = None) -> tuple[str, str]:
    return (c["name"] if name is None else name, c["email"] if email is None else email)


def opener(s: dict) -> str:
    return R.choice([
        f"平素より大変お世話になっております。\n{HOSP_SHORT} {s['dept']}の{s['sur']}でございます。",
        f"いつも大変お世話になっております。\n{HOSP_SHORT}{s['dept']}、{s['sur']}です。",
        f"平素は格別のご高配を賜り、厚く御礼申し上げます。\n{HOSP} {s['dept']}の{s['name']}と申します。",
        f"お世話になっております。{HOSP_SHORT} {s['dept']} {s['sur']}です。",
    ])


def closing() -> str:
    return R.choice(["何卒よろしくお願い申し上げます。", "ご確認のほど、よろしくお願いいたします。",
                     "ご不明な点がございましたら、お気軽にお問い合わせください。\nよろしくお願いいたします。",
                     "引き続きよろしくお願い申し上げます。"])


def birth_short(pt: dict) -> str:
    return f"{pt['birth'].year}年{pt['birth'].month}月{pt['birth'].day}日生"


def add(kind: str, expected: str, s: dict, to: list, subject: str, body: str, atts=(), cc=(), bcc=(),
        codes=(), note: str = "", reply: bool = False) -> None:
    MESSAGES.append({"kind": kind, "expected": expected, "from": s, "to": list(to), "cc": list(cc), "bcc": list(bcc),
                     "subject": subject, "body": body, "atts": list(atts), "codes": set(codes), "note": note,
                     "in_reply_to": make_msgid(domain=R.choice(["mail.example", DOM])) if reply else None})


def referral_attachment(org: str, doc: str, pt: dict, back: bool) -> tuple[str, bytes]:
    lines = referral_doc(org, doc, pt, "返書" if back else "紹介")
    title, lines = lines[0], lines[1:]
    stem = f"{'返書' if back else '診療情報提供書'}_{pt['sur']}{pt['given']}様"
    if R.random() < 0.7:
        return f"{stem}.pdf", pdf(title, lines)
    return f"{stem}.docx", docx_bytes(title, lines)


def referral_body(s: dict, sal: str, pt: dict, back: bool, attached: bool, extra: str = "") -> str:
    who = R.choice([f"{pt['name']} 様（{birth_short(pt)}）", f"{pt['name']}様", f"患者ID {pt['pid']}（{pt['sur']}様）"])
    if back:
        core = R.choice([
            f"先日ご紹介いただきました{who}につきまして、当院での精査が終了いたしましたので、ご報告申し上げます。",
            f"{who}をご紹介いただき、誠にありがとうございました。当院での入院加療を終え、{day(R.randint(1, 6))}に退院の運びとなりました。",
            f"ご紹介いただいた{who}の件、当院外来での経過をご報告いたします。",
        ])
    else:
        core = R.choice([
            f"このたび、{who}を貴院にご紹介させていただきたく、ご連絡いたしました。",
            f"当院通院中の{who}について、退院後のフォローを貴院にお願いできればと存じます。",
        ])
    att = R.choice(["詳細は添付の診療情報提供書をご確認ください。", "診療情報提供書を添付いたしますので、ご査収ください。",
                    "原本は患者様にお渡ししておりますが、取り急ぎ電子データをお送りいたします。"]) if attached else \
        R.choice(["診療情報提供書の原本は郵送いたします。", "書面は後日郵送いたします。"])
    extra = f"\n{extra}" if extra else ""
    return f"{sal}\n\n{opener(s)}\n\n{core}\n{att}{extra}\n\n{closing()}\n\n{signature(s)}"


def k_referral(kind: str, n: int) -> None:
    """ok_referral_right_clinic and the same-surname slips."""
    docs = doctors()
    pairs = same_surname_pairs(docs)
    R.shuffle(pairs)
    for i in range(n):
        a, b = pairs[i % len(pairs)]
        s = sender_for(a, ["clinic", "hospital"])
        pt = patient()
        back = R.random() < 0.6
        attached = kind == "ok_referral_right_clinic" or i % 4 != 3
        subj = R.choice(["診療情報提供書送付のご連絡", "【返書】ご紹介患者様のご報告", f"ご紹介の御礼（{pt['sur']}様）",
                         "診療情報提供書の送付について", "【地域医療連携室】返書送付"])
        atts = [referral_attachment(a["org"], a["name"], pt, back)] if attached else []
        if kind == "ok_referral_right_clinic":
            body = referral_body(s, sal_clinic(a), pt, back, attached)
            add(kind, "ok", s, [rc(a)], subj, body, atts, codes={"pii_in_attachment", "sensitive_pii"},
                note=f"{'返書' if back else '紹介状'} for {pt['name']} to {a['org']} {a['name']}, the clinic in the salutation (patient 〈{pt['name']}〉)")
            continue
        where = ["to"] * 7 + ["cc"] * 2 + ["bcc"] * 2
        place = where[i % len(where)]
        codes = {"content_recipient_mismatch", "similar_recipient"} | ({"attachment_recipient_mismatch"} if atts else set())
        if place == "to":
            body = referral_body(s, sal_clinic(a), pt, back, attached)
            add(kind, "risky", s, [rc(b)], subj, body, atts, codes=codes,
                note=f"meant {a['org']} {a['name']} <{a['email']}>, To is {b['org']} {b['name']} <{b['email']}>")
        else:
            o = office(a["org"], a["email"])
            sal = f"{a['org']}\n{o['name']} 様\n（{a['sur']}先生）"
            extra = f"※{a['sur']}先生にも{'Cc' if place == 'cc' else 'Bcc'}にてお送りしております。"
            body = referral_body(s, sal, pt, back, attached, extra)
            kw = {"cc": [rc(b, a["name"] if R.random() < 0.5 else None)]} if place == "cc" else {"bcc": [rc(b)]}
            add(kind, "risky", s, [rc(o)], subj, body, atts, codes=codes | {"multiple_external_orgs"},
                note=f"meant {a['org']} {a['name']} in {place.capitalize()}, it is {b['org']} {b['name']} <{b['email']}>",
                **kw)


def k_autocomplete(n: int) -> None:
    groups = same_surname_pairs(doctors() + people("care"), full=True)
    R.shuffle(groups)
    for i in range(n):
        a, b = groups[i % len(groups)]
        s = sender_for(a)
        pt = patient()
        if a["cat"] == "care":
            t, lines = summary_doc(a["org"], a["name"], pt, True)
            atts = [(f"看護サマリー_{pt['sur']}{pt['given']}.docx", docx_bytes(t, lines))]
            body = (f"{sal_person(a)}\n\n{opener(s)}\n\n{pt['name']}様の退院日が{day(R.randint(2, 8))}に決まりましたので、"
                    f"看護サマリーをお送りいたします。\n退院前カンファレンスは{day(1)} 14時からを予定しております。\n\n{closing()}\n\n{signature(s)}")
            subj = f"看護サマリー送付（{pt['sur']}様）"
        else:
            atts = [referral_attachment(a["org"], a["name"], pt, True)]
            body = referral_body(s, sal_clinic(a), pt, True, True)
            subj = "返書送付のご連絡"
        add("autocomplete_wrong_clinic_address", "risky", s, [rc(b, a["name"])], subj, body, atts,
            codes={"similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch"},
            note=f"display name of {a['org']} {a['name']}, address {b['email']} is the same-named person at {b['org']}")


def k_checkup(kind: str, n: int) -> None:
    [o for o in ORGS.values() if o["cat"] == "company"]
    hr = [c for c in people("company") if c["email"] not in NEVER]
    pairs = same_surname_pairs(hr, full=False)
    for i in range(n):
        if kind == "ok_company_own_checkup":
            c = R.choice(hr)
            s = sender_for(c, ["company"])
            name, data = checkup_file(c["org"], R.randint(25, 160), R.choice(["xlsx", "xlsx", "csv"]))
            atts = [(name, data)] if R.random() < 0.8 else [(name.rsplit(".", 1)[0] + ".zip", zip_bytes([(name, data)]))]
            body = (f"{sal_person(c)}\n\n{opener(s)}\n\n2026年度 定期健康診断の結果一覧がまとまりましたので、お送りいたします。\n"
                    f"{R.choice(['要精密検査の方には個別に受診勧奨の通知を同封しております。', '判定Dの方は事業所様からも受診勧奨をお願いいたします。', '個人票は親展にて各事業所宛に発送済みです。'])}\n"
                    f"パスワードは別途ご連絡いたしません（貴社とのお取り決めにより社内ストレージ経由で管理）。\n\n{closing()}\n\n{signature(s)}").replace(
                "パスワードは別途ご連絡いたしません（貴社とのお取り決めにより社内ストレージ経由で管理）。\n", "" if R.random() < 0.7 else
                "本データは貴社の健康管理目的に限りご利用ください。\n")
            add(kind, "ok", s, [rc(c)], R.choice(["健診結果一覧送付のご案内", "【健診センター】定期健康診断 結果一覧", "健康診断結果のご送付"]),
                body, atts, codes={"pii_in_attachment", "sensitive_pii", "bulk_pii"},
                note=f"{c['org']}'s own results to its 人事 {c['name']} (attachment names 〈{c['org']}〉)")
            continue
        variant = i % 4
        if variant in (0, 2) and pairs:
            a, b = pairs[(i // 2) % len(pairs)]
        else:
            b = R.choice(hr)
            a = R.choice([x for x in hr if x["org"] != b["org"]])
        s = sender_for(a, ["company"])
        name, data = checkup_file(a["org"], R.randint(30, 180), R.choice(["xlsx", "csv"]))
        if variant == 0:  # same-surname HR person of another company, body for A
            body = (f"{sal_person(a)}\n\n{opener(s)}\n\n先日実施いたしました定期健康診断の結果一覧をお送りいたします。\n"
                    f"判定C・Dの方が{R.randint(5, 30)}名いらっしゃいますので、受診勧奨をお願いいたします。\n\n{closing()}\n\n{signature(s)}")
            add(kind, "risky", s, [rc(b)], "定期健康診断 結果一覧の送付", body, [(name, data)],
                codes={"content_recipient_mismatch", "attachment_recipient_mismatch", "similar_recipient"},
                note=f"meant {a['org']} {a['name']}, To is {b['org']} {b['name']}; attachment names 〈{a['org']}〉")
        elif variant == 1:  # right recipient, the other company's file attached
            body = (f"{sal_person(b)}\n\n{opener(s)}\n\nお待たせいたしました。貴社の健康診断結果一覧（{R.randint(40, 200)}名分）を添付にてお送りします。\n"
                    f"再検査対象の方の一覧は別シートにまとめております。\n\n{closing()}\n\n{signature(s)}")
            add(kind, "risky", s, [rc(b)], "健診結果一覧（貴社分）", body, [(name, data)],
                codes={"attachment_recipient_mismatch"},
                note=f"to {b['org']} {b['name']}, body for them; attachment names 〈{a['org']}〉")
        elif variant == 2:  # password zip, body names A, To is B
            pw = f"Hk{R.randint(1000, 9999)}kenshin"
            body = (f"{a['org']}\n{a['name']} 様\n\n{opener(s)}\n\n健康診断結果一覧をパスワード付きZIPにてお送りいたします。\n"
                    f"パスワードは別メールにてお知らせいたします。\n\n{closing()}\n\n{signature(s)}")
            add(kind, "risky", s, [rc(b)], "【パスワード別送】健診結果一覧", body,
                [(name.rsplit(".", 1)[0] + ".zip", zip_bytes([(name, data)], pw))],
                codes={"content_recipient_mismatch", "similar_recipient", "unscannable_attachment"},
                note=f"meant {a['org']} {a['name']}, To is {b['org']} {b['name']}; attachment names 〈{a['org']}〉 (password {pw})")
        else:  # generic salutation, another company's results
            body = (f"ご担当者様\n\n{opener(s)}\n\n標記の件、結果一覧を添付いたします。\nご査収のほどよろしくお願いいたします。\n\n{signature(s)}")
            add(kind, "risky", s, [rc(b)], "Re: 健診結果の送付時期について", body, [(name, data)],
                codes={"attachment_recipient_mismatch"},
                note=f"to {b['org']} {b['name']}; attachment names 〈{a['org']}〉", reply=True)


def household(org_patient: str) -> dict:
    return next(o for o in ORGS.values() if o.get("patient") and o["patient"]["name"] == org_patient)


def fam_contact(o: dict) -> dict:
    return R.choice([c for c in o["people"]])


def result_attachment(pt: dict, to: str) -> tuple[str, bytes]:
    lines = lab_doc(pt, to)
    if R.random() < 0.75:
        return f"検査結果_{pt['sur']}{pt['given']}様.pdf", pdf("検査結果報告書", lines)
    return f"検査結果_{pt['pid']}.docx", docx_bytes("検査結果報告書", lines)


def k_family(kind: str, n: int) -> None:
    wrong = [("山本 和子", "山本 茂"), ("山本 清", "山本 和子"), ("佐藤 文子", "佐藤 勇"), ("鈴木 花子", "鈴木 昭夫"),
             ("高橋 久美子", "高橋 隆"), ("伊藤 修", "中島 文子"), ("村上 清", "近藤 美和")]
    for i in range(n):
        if kind == "ok_family_own_result":
            o = [x for x in ORGS.values() if x.get("patient")][i * 2 % len(HOUSEHOLDS)]
            c = fam_contact(o)
            s = sender_for(c, ["family"])
            pt = dict(o["patient"])
            pt.update(patient(pt["sur"], pt["given"]) | {"name": pt["name"], "kana": pt["kana"]})
            addressee = c
        else:
            src, dst = wrong[i % len(wrong)]
            o, od = household(src), household(dst)
            addressee = fam_contact(o)
            c = fam_contact(od)
            s = sender_for(addressee, ["family"])
            pt = dict(o["patient"])
            pt.update(patient(pt["sur"], pt["given"]) | {"name": pt["name"], "kana": pt["kana"]})
        rel = "" if addressee["role"] == "ご本人" else f"（{pt['name']} 様の{addressee['role']}）"
        body = (f"{addressee['name']} 様{rel}\n\n{HOSP_SHORT} {s['dept']}の{s['sur']}です。\n"
                f"{R.choice(['先日はご来院いただきありがとうございました。', 'お電話でお話ししました件でご連絡いたします。'])}\n\n"
                f"{'ご本人様' if addressee['role'] == 'ご本人' else pt['name'] + '様'}の{R.choice(['検査結果', '血液検査の結果', '人間ドックの結果'])}をお送りいたします。\n"
                f"ご不明な点は次回外来（{day(R.randint(5, 20))}）で担当医からご説明いたします。\n\n{closing()}\n\n{signature(s)}")
        atts = [result_attachment(pt, pt["name"])]
        subj = R.choice(["検査結果のご案内", "【浜風総合病院】検査結果送付", "ご依頼の検査結果について"])
        if kind == "ok_family_own_result":
            add(kind, "ok", s, [rc(c)], subj, body, atts, codes={"pii_in_attachment", "sensitive_pii"},
                note=f"{pt['name']}'s result to {c['name']} ({c['role']}) of the same household (patient 〈{pt['name']}〉)")
        else:
            codes = {"content_recipient_mismatch", "attachment_recipient_mismatch"}
            if c["sur"] == addressee["sur"]:
                codes.add("similar_recipient")
            add(kind, "risky", s, [rc(c)], subj, body, atts, codes=codes,
                note=f"{pt['name']}'s result meant for {addressee['name']} <{addressee['email']}>, sent to {c['name']} <{c['email']}> of {c['org']}")


def k_wrong_attachment(n: int) -> None:
    docs = doctors()
    cms = people("care", ("介護支援専門員", "主任介護支援専門員"))
    for i in range(n):
        p1, p2 = patient(), patient()
        if i % 4 == 3:
            a = R.choice(cms)
            s = sender_for(a, ["care"])
            other = R.choice([c for c in cms if c["org"] != a["org"]])
            target = other if i % 8 == 3 else a
            t, lines = summary_doc(target["org"], target["name"], p2, True)
            atts = [(f"看護サマリー_{p2['sur']}{p2['given']}.docx", docx_bytes(t, lines))]
            body = (f"{sal_person(a)}\n\n{opener(s)}\n\n{p1['name']}様（{birth_short(p1)}）の看護サマリーを添付いたします。\n"
                    f"退院は{day(R.randint(2, 9))}の予定です。ご確認ください。\n\n{closing()}\n\n{signature(s)}")
            subj = f"看護サマリー（{p1['sur']}様）"
        else:
            a = R.choice(docs)
            s = sender_for(a, ["clinic", "hospital"])
            target = R.choice([d for d in docs if d["org"] != a["org"]]) if i % 2 == 0 else a
            atts = [referral_attachment(target["org"], target["name"], p2, True)]
            body = referral_body(s, sal_clinic(a), p1, True, True).replace(p1["pid"], p1["pid"])
            if p1["name"] not in body:
                body = body.replace(f"患者ID {p1['pid']}（{p1['sur']}様）", f"{p1['name']}様")
            subj = R.choice(["返書送付のご連絡", f"診療情報提供書（{p1['sur']}様）"])
        where = "another organisation's" if target is not a else "same organisation,"
        add("wrong_attachment_patient_file", "risky", s, [rc(a)], subj, body, atts, codes={"attachment_recipient_mismatch"},
            note=f"to {a['org']} {a['name']}, body about {p1['name']}; attachment names 〈{p2['name']}〉 ({where} addressed to {target['org']})")


def k_internal(n: int) -> None:
    for i in range(n):
        s = R.choice(STAFF)
        t = R.choice([x for x in STAFF if x is not s])
        v = i % 5
        atts = []
        if v == 0:
            rows = inpatient_rows(R.randint(40, 110))
            atts = [("入院患者一覧_1201.xlsx", xlsx_bytes("入院患者", [["入院患者一覧（院内限り）"]], INPT_HEAD, rows))]
            txt = "本日時点の入院患者一覧を共有します。ベッドコントロール会議でご使用ください。院外への持ち出しは禁止です。"
            subj = "【院内限り】入院患者一覧"
        elif v == 1:
            rows = staff_rows(R.randint(60, 150))
            atts = [("職員名簿_2026年12月.xlsx", xlsx_bytes("名簿", [["職員名簿（人事課）"]], STAFF_HEAD, rows))]
            txt = "防災訓練の連絡網作成用に職員名簿をお送りします。作業後は削除をお願いします。"
            subj = "職員名簿（連絡網用）"
        elif v == 2:
            rows = unpaid_rows(R.randint(30, 90))
            atts = [("未収金一覧_11月末.csv", csv_bytes([["未収金一覧"]], UNPAID_HEAD, rows, "cp932"))]
            txt = "11月末時点の未収金一覧です。督促状送付の対象者に印をつけて戻してください。"
            subj = "未収金一覧（11月末）"
        elif v == 3:
            lines = [f"{x['name']}（{2026 - x['birth'].year}歳） {x['diag'][0]} 退院予定 {day(R.randint(1, 9))}" for x in (patient() for _ in range(R.randint(4, 9)))]
            txt = "来週の退院予定者です。介護保険の申請状況をご確認ください。\n\n" + "\n".join(lines)
            subj = "来週の退院予定者"
        else:
            c = R.choice(doctors())
            txt = (f"{c['org']} {c['name']}先生から、{patient()['name']}様の紹介状が届きました。"
                   f"外来予約の枠を{day(R.randint(2, 9))}でご確認いただけますか。")
            subj = "FW: ご紹介の件"
        body = f"{t['sur']}さん\n\n{R.choice(['お疲れさまです。', 'お疲れ様です。'])}{s['dept']}の{s['sur']}です。\n\n{txt}\n\n{signature(s)}"
        cc = [rc(R.choice([x for x in STAFF if x not in (s, t)]))] if R.random() < 0.3 else []
        add("ok_internal", "ok", s, [rc(t)], subj, body, atts, cc=cc, note=f"to {t['email']}; stays inside ({subj})")


def k_care_own(n: int) -> None:
    cms = people("care", ("介護支援専門員", "主任介護支援専門員")) + people("vn")
    for i in range(n):
        a = cms[i % len(cms)]
        s = sender_for(a, ["care", "vn"])
        pt = patient()
        nursing = R.random() < 0.6
        t, lines = summary_doc(a["org"], a["name"], pt, nursing)
        name = f"{t}_{pt['sur']}{pt['given']}様"
        atts = [(name + ".docx", docx_bytes(t, lines))] if R.random() < 0.5 else [(name + ".pdf", pdf(t, lines))]
        body = (f"{sal_person(a)}\n\n{opener(s)}\n\n担当いただいている{pt['name']}様の{t}をお送りいたします。\n"
                f"{R.choice(['ご本人・ご家族の同意をいただいております。', '退院前カンファレンスでお話しした内容を反映しております。'])}\n"
                f"退院後のサービス調整をよろしくお願いいたします。\n\n{closing()}\n\n{signature(s)}")
        add("ok_care_manager_own_patient", "ok", s, [rc(a)], f"{t}送付（{pt['sur']}様）", body, atts,
            codes={"pii_in_attachment", "sensitive_pii"},
            note=f"{pt['name']}'s {t} to the patient's own {a['org']} {a['name']} (patient 〈{pt['name']}〉)")


def k_same_surname_right(n: int) -> None:
    pairs = same_surname_pairs(doctors() + people("care") + people("company"))
    R.shuffle(pairs)
    for i in range(n):
        a = pairs[i][0]
        s = sender_for(a)
        subj, txt = R.choice([
            ("Re: 地域連携の会の件", f"{day(R.randint(10, 25))}19時より開催いたします「浜風地域連携の会」の出欠につきまして、ご返信ありがとうございました。当日はどうぞよろしくお願いいたします。"),
            ("外来担当医表のご案内", "来年1月からの外来担当医表が確定いたしましたので、ご案内いたします。紹介予約の受付時間に変更はございません。"),
            ("お電話の件", "先日はお電話にてご相談いただきありがとうございました。ご依頼の件、来週中に担当者よりご連絡いたします。"),
            ("打ち合わせ日程のご相談", "次回の打ち合わせ日程について、12月第3週のいずれかでご都合のよい日時をお知らせいただけますでしょうか。"),
        ])
        sal = sal_clinic(a) if a["role"] in DOC_ROLES else sal_person(a)
        body = f"{sal}\n\n{opener(s)}\n\n{txt}\n\n{closing()}\n\n{signature(s)}"
        add("ok_same_surname_right_doctor", "ok", s, [rc(a)], subj, body, note=f"{a['org']} {a['name']}; a {a['sur']} also works at {pairs[i][1]['org']}")


NOTICES = {
    "clinic": [("【ご案内】年末年始の外来診療について",
                "年末年始の外来休診についてご案内いたします。\n12月29日（火）から1月3日（日）まで外来を休診いたします。\n救急外来は通常どおり24時間対応いたします。"),
               ("浜風地域連携の会 開催のご案内",
                "第{n}回 浜風地域連携の会を下記のとおり開催いたします。\n日時: {d} 19:00〜20:30\n会場: 浜風総合病院 3階 講堂（Web併用）\n出欠は12月18日までにご返信ください。"),
               ("【お知らせ】紹介予約FAX番号変更のお知らせ",
                "2027年1月より、地域医療連携室の紹介予約専用FAX番号を変更いたします。\n新番号: 045-770-1190（旧番号は3月末まで併用）")],
    "company": [("2027年度 健康診断 予約受付開始のお知らせ",
                 "2027年度の定期健康診断のご予約受付を開始いたしました。\nご希望の日程を1月末までにお知らせください。")],
    "family": [("面会制限のお知らせ",
                "インフルエンザ流行に伴い、当面の間、入院患者様への面会を制限させていただきます。\nご理解とご協力をお願い申し上げます。")],
}


def notice_body(s: dict, who: str, grp: str) -> tuple[str, str]:
    subj, txt = R.choice(NOTICES[grp])
    txt = txt.format(n=R.randint(12, 30), d=day(R.randint(14, 30)))
    return subj, f"{who}\n\n{opener(s)}\n\n{txt}\n\n{closing()}\n\n{signature(s)}"


def k_notice(kind: str, n: int) -> None:
    for i in range(n):
        grp = i % 7
        if grp < 5:
            pool = [c for c in people("clinic") + people("hospital") if c["role"] in DOC_ROLES or c["role"] in ("事務長", "地域連携室", "連携担当")]
            who = R.choice(["連携医療機関各位", "連携医療機関 ご担当者各位", "登録医の先生方へ"])
            s = staff_of("地域医療連携室")
        elif grp == 5:
            pool = [c for c in people("company") if c["email"] not in NEVER]
            who = "健診契約事業所 ご担当者各位"
            s = staff_of("健診センター")
        else:
            pool = people("family")
            who = "入院患者様のご家族各位"
            s = staff_of("地域医療連携室", "医事課")
        k = min(len(pool), R.randint(10, 24) if grp < 5 else R.randint(6, 9))
        rcpt = [rc(c) for c in R.sample(pool, k)]
        subj, body = notice_body(s, who, "clinic" if grp < 5 else "company" if grp == 5 else "family")
        if kind == "ok_notice_bcc":
            add(kind, "ok", s, [rc(s)], subj, body, bcc=rcpt, note=f"{k} external recipients in Bcc ({who})")
        else:
            if i % 3 == 2:
                add(kind, "risky", s, rcpt[:2], subj, body, cc=rcpt[2:],
                    codes={"open_recipient_list", "multiple_external_orgs"}, note=f"{k} external recipients in To/Cc ({who})")
            else:
                add(kind, "risky", s, rcpt, subj, body, codes={"open_recipient_list", "multiple_external_orgs"},
                    note=f"{k} external recipients in To ({who})")


def k_reply_quote(n: int) -> None:
    docs = doctors()
    for _i in range(n):
        a = R.choice(docs + people("care", ("介護支援専門員",)))
        s = sender_for(a)
        other = R.choice([c for c in docs if c["org"] != a["org"]])
        pt = patient()
        q = (f"{s['name']} 様\n\nお世話になっております。{a['org']}の{a['sur']}です。\n"
             f"{pt['sur']}様の件、以前{other['org']}の{other['sur']}先生にも診ていただいていたようです。\n"
             f"念のため共有いたします。\n\n{a['org']} {a['name']}")
        body = (f"{sal_clinic(a) if a['role'] in DOC_ROLES else sal_person(a)}\n\n{opener(s)}\n\n"
                f"ご連絡ありがとうございます。承知いたしました。\n当院の担当医にも申し伝えます。\n\n{closing()}\n\n{signature(s)}"
                + quote(q, a, f"2026年12月{R.randint(1, 9)}日 {R.randint(9, 17)}:{R.randint(10, 59)}", R.randint(0, 1)))
        add("ok_reply_quote_other", "ok", s, [rc(a)], "Re: " + R.choice(["ご紹介患者様の件", "退院調整のご相談", "受診予約の件"]), body,
            note=f"reply to {a['org']} {a['name']}; {other['org']} named only in the quote", reply=True)


def k_insurer(n: int) -> None:
    ins = people("insurer")
    for i in range(n):
        a = ins[i % len(ins)]
        s = sender_for(a, ["insurer"])
        pt = patient()
        lines = cert_doc(a["org"], pt)
        atts = [(f"入院証明書_{pt['sur']}{pt['given']}.pdf", pdf("入院・手術証明書（診断書）", lines))] if i % 3 else \
            [(f"診断書_{pt['sur']}{pt['given']}.docx", docx_bytes("入院・手術証明書（診断書）", lines))]
        body = (f"{sal_person(a)}\n\n{opener(s)}\n\n"
                f"{R.choice(['ご契約者', '被保険者'])}の{pt['name']}様よりご依頼いただきました入院証明書（診断書）を、"
                f"{R.choice(['ご本人の同意書に基づき', 'ご本人から貴社への直接送付のご希望があり'])}お送りいたします。\n"
                f"原本は{R.choice(['本日郵送いたしました', 'ご本人にお渡し済みです'])}。\n\n{closing()}\n\n{signature(s)}")
        add("ok_insurer_requested", "ok", s, [rc(a)], R.choice(["入院証明書送付の件", "診断書送付のご連絡"]), body, atts,
            codes={"pii_in_attachment", "sensitive_pii"},
            note=f"{pt['name']}'s 診断書 to {a['org']}, the insurer the patient asked for (patient 〈{pt['name']}〉)")


def k_vendor(n: int) -> None:
    vs = people("vendor_med") + people("vendor_food")
    for i in range(n):
        a = vs[i % len(vs)]
        s = sender_for(a)
        items = [[R.choice(["輸液ポンプ", "シリンジポンプ", "生体情報モニタ", "患者衣（M）", "シーツ", "保守点検", "端末更新作業"]),
                  R.randint(1, 40), R.randint(3, 400) * 1000] for _ in range(R.randint(2, 5))]
        if i % 2:
            atts = [(f"発注書_{HOSP_SHORT}_{R.randint(100, 999)}.xlsx",
                     xlsx_bytes("発注", [[f"{a['org']} 御中"], [f"{HOSP} 総務課"]], ["品目", "数量", "金額"], items))]
        else:
            atts = [(f"御見積依頼_{R.randint(100, 999)}.pdf",
                     pdf("御見積依頼書", [f"{a['org']} 御中", ""] + [f"{x[0]} 数量 {x[1]}" for x in items] + ["", f"{HOSP} 総務課 用度係"]))]
        body = f"{sal_person(a)}\n\n{opener(s)}\n\n{R.choice(['添付のとおり発注いたします。', '見積のご依頼です。添付をご確認ください。'])}\n納期のご回答をお願いいたします。\n\n{closing()}\n\n{signature(s)}"
        add("ok_vendor_routine", "ok", s, [rc(a)], R.choice(["発注書送付", "御見積のお願い"]), body, atts,
            note=f"order/quote to {a['org']}, no personal data")


def k_school(n: int) -> None:
    sch = people("school")
    for i in range(n):
        a = sch[i % len(sch)]
        s = sender_for(a, ["school"])
        rows = [[f"S{R.randint(24000, 24999)}", p["name"], p["kana"], R.choice(["3東", "4西", "5東"]), f"{day(R.randint(14, 40))}〜"]
                for p in (person(common=0.3) for _ in range(R.randint(6, 14)))]
        atts = [(f"臨地実習配置表_{a['org'].split()[0]}.xlsx", xlsx_bytes("配置", [[f"{a['org']} 御中 臨地実習 学生配置表"]],
                                                                   ["学籍番号", "氏名", "カナ", "実習病棟", "期間"], rows))]
        body = f"{sal_person(a)}\n\n{opener(s)}\n\n貴校の学生さんの病棟配置表をお送りします。\nオリエンテーションは初日8時30分から看護部会議室で行います。\n\n{closing()}\n\n{signature(s)}"
        add("ok_school_own_students", "ok", s, [rc(a)], "臨地実習 配置表の送付", body, atts, codes={"pii_in_attachment"},
            note=f"{len(rows)} of {a['org']}'s own students to that school")


def k_first_known(n: int) -> None:
    nv = [c for c in CONTACTS if c["email"] in NEVER]
    R.shuffle(nv)
    for i in range(n):
        a = nv[i % len(nv)]
        s = R.choice([x for x in STAFF if a["org"] in OWNED[x["email"]]] or STAFF)
        body = (f"{sal_person(a, dept=False)}\n\n初めてご連絡いたします。\n{HOSP} {s['dept']}の{s['name']}と申します。\n"
                f"前任の担当者より引き継ぎ、今月から貴{'院' if a['cat'] in ('clinic', 'hospital') else '社' if a['cat'] in ('company', 'insurer', 'vendor_med') else '所'}との窓口を務めることになりました。\n"
                f"改めてご挨拶に伺えればと存じます。\n\n{closing()}\n\n{signature(s)}")
        add("ok_first_mail_known_org", "ok", s, [rc(a)], "担当者変更のご挨拶", body,
            note=f"first mail to {a['name']} at known {a['org']}, no personal data")


def trial_file(ident: bool, a: dict) -> tuple[str, bytes]:
    rows = []
    for j in range(R.randint(6, 18)):
        p = patient()
        code = f"HKZ-{R.randint(100, 999)}-{j + 1:03d}"
        base = [code, R.choice(["スクリーニング", "投与期", "後観察期"]), day(R.randint(1, 30))]
        rows.append(base + ([p["name"], p["birth"].isoformat(), p["pid"], p["diag"][0]] if ident else []))
    head = ["被験者識別コード", "期", "次回来院日"] + (["氏名", "生年月日", "カルテ番号", "原疾患"] if ident else [])
    return ("被験者来院予定表_HKZ-2024.xlsx",
            xlsx_bytes("来院予定", [[f"{a['org']} 御中"], ["治験課題 HKZ-2024 被験者来院予定"]], head, rows))


def k_trial(kind: str, n: int) -> None:
    smo = people("smo")
    for i in range(n):
        a = smo[i % len(smo)]
        s = sender_for(a, ["smo"])
        ident = kind == "trial_list_identifiable"
        body = (f"{sal_person(a)}\n\n{opener(s)}\n\n来月の被験者来院予定表をお送りいたします。\nSDVの日程調整をお願いできますでしょうか。\n\n{closing()}\n\n{signature(s)}")
        if ident:
            add(kind, "risky", s, [rc(a)], "被験者来院予定表（1月）", body, [trial_file(True, a)],
                codes={"sensitive_pii", "pii_in_attachment"}, note=f"trial subjects with name, birth date, chart no., disease to {a['org']}")
        else:
            add(kind, "ok", s, [rc(a)], "被験者来院予定表（1月）", body, [trial_file(False, a)],
                note=f"coded subject list (no names) to {a['org']}")


def k_patient_list(n: int) -> None:
    targets = [("株式会社メディカルリネン浜風", "inpatient", "今週の入院患者一覧をお送りします。病棟ごとのリネン交換数の参考にしてください。"),
               ("株式会社ミナト医療システム", "inpatient", "帳票出力の不具合について、再現用に本番データを抽出したものを添付いたします。ご確認ください。"),
               ("株式会社ホスピタルフード湾岸", "unpaid", "11月末の未収金一覧です。督促をお願いいたします。"),
               ("浜風看護専門学校", "inpatient", "来月の実習で受け持ち候補となる患者様の一覧です。学生への割り振りをご検討ください。"),
               ("東和メディカル株式会社", "inpatient", "機器の貸出先確認のため、病棟ごとの入院患者一覧をお送りします。"),
               ("あおぞら居宅介護支援事業所", "discharge", "今月の退院予定者一覧です。ケアプラン作成のご参考にしてください。"),
               ("みなと薬局", "unpaid", "未収金一覧をお送りします。ご確認ください。")]
    for i in range(n):
        org, what, txt = targets[i % len(targets)]
        a = R.choice([c for c in ORGS[org]["people"] if c["email"] not in NEVER])
        s = sender_for(a)
        if what == "inpatient":
            rows = inpatient_rows(R.randint(55, 130))
            atts = [("入院患者一覧.xlsx", xlsx_bytes("入院患者", [["入院患者一覧"]], INPT_HEAD, rows))] if i % 2 == 0 else \
                [("inpatients_1201.csv", csv_bytes([], INPT_HEAD, rows, "cp932"))]
            codes = {"bulk_pii", "sensitive_pii", "pii_in_attachment"}
        elif what == "unpaid":
            rows = unpaid_rows(R.randint(50, 140))
            atts = [("未収金一覧_11月末.xlsx", xlsx_bytes("未収金", [["未収金一覧"]], UNPAID_HEAD, rows))]
            codes = {"bulk_pii", "pii_in_attachment"}
        else:
            rows = inpatient_rows(R.randint(14, 24))
            atts = [("退院予定者一覧.xlsx", xlsx_bytes("退院予定", [["退院予定者一覧（全病棟）"]], INPT_HEAD, rows))]
            codes = {"sensitive_pii", "pii_in_attachment"}
        body = f"{sal_person(a)}\n\n{opener(s)}\n\n{txt}\n\n{closing()}\n\n{signature(s)}"
        add("patient_list_external", "risky", s, [rc(a)], R.choice(["一覧送付", "データ送付の件", "Re: ご依頼の資料"]), body, atts,
            codes=codes, note=f"{len(rows)}-row {what} list to {org}")


def k_staff_list(n: int) -> None:
    targets = ["東和メディカル株式会社", "浜風看護専門学校", "株式会社ホスピタルフード湾岸", "みなと医療福祉大学 看護学部"]
    for i in range(n):
        org = targets[i % len(targets)]
        a = R.choice([c for c in ORGS[org]["people"] if c["email"] not in NEVER])
        s = staff_of("人事課", "総務課", "看護部")
        rows = staff_rows(R.randint(60, 190))
        if i % 2:
            head = [*STAFF_HEAD, "個人番号"]
            rows = [[*r, my_number()] for r in rows]
            atts = [("給与支給者一覧_12月.xlsx", xlsx_bytes("一覧", [["給与支給者一覧（個人番号付）"]], head, rows))]
        else:
            atts = [("職員名簿_全部署.xlsx", xlsx_bytes("名簿", [["職員名簿"]], STAFF_HEAD, rows))]
        body = f"{sal_person(a)}\n\n{opener(s)}\n\n{R.choice(['ご依頼の名簿をお送りします。', '添付のとおりお送りいたします。ご確認ください。'])}\n\n{closing()}\n\n{signature(s)}"
        add("staff_list_external", "risky", s, [rc(a)], R.choice(["名簿送付", "一覧の件"]), body, atts,
            codes={"bulk_pii", "pii_in_attachment"}, note=f"{len(rows)}-row staff list ({atts[0][0]}) to {org}")


def k_reply_all(n: int) -> None:
    cms = people("care", ("介護支援専門員", "主任介護支援専門員")) + people("vn")
    ins = people("insurer")
    for i in range(n):
        a = R.choice(cms)
        s = sender_for(a, ["care", "vn"])
        b = R.choice(ins) if i % 3 == 2 else R.choice([c for c in cms if c["org"] != a["org"]])
        pt, pt_old = patient(), patient()
        q = (f"{s['name']} 様\n\n{pt_old['sur']}様の件、承知しました。\n{b['org']} {b['name']}" if b["cat"] != "insurer" else
             f"{s['name']} 様\n\n{pt_old['name']}様の医療照会の件、同意書を添付します。\n{b['org']} {b['name']}")
        body = (f"{sal_person(a)}\n\n{opener(s)}\n\n"
                f"{pt['name']}様（{R.randint(68, 93)}歳、{pt['diag'][0]}）の退院前カンファレンスを{day(R.randint(2, 9))} 15時から行います。\n"
                f"入院中に{R.choice(['ADLが低下し', '認知機能の低下がみられ', 'インスリン導入となり'])}、在宅サービスの見直しが必要です。\nご出席をお願いいたします。\n\n{closing()}\n\n{signature(s)}"
                + quote(q, b, f"2026/11/{R.randint(10, 30)} {R.randint(9, 17)}:{R.randint(10, 59)}", R.choice([0, 1])))
        add("reply_all_keeps_other_party", "risky", s, [rc(a)], f"Re: Re: {pt_old['sur']}様 退院調整の件", body, cc=[rc(b)],
            codes={"multiple_external_orgs", "content_recipient_mismatch"},
            note=f"new text about {pt['name']} for {a['org']}; reply-all keeps {b['org']} {b['name']} (earlier thread about {pt_old['name']}) in Cc",
            reply=True)


def k_mynumber(n: int) -> None:
    sh = people("sharoushi")
    lec = people("lecturer")
    for i in range(n):
        s = staff_of("人事課")
        if i % 5 in (0, 1, 3):
            a = R.choice(sh)
            k = R.randint(3, 6)
            rows = [(p, my_number()) for p in (person(common=0.3) for _ in range(k))]
            txt = ("12月入職者の資格取得手続きをお願いいたします。\n個人番号は以下のとおりです。\n\n"
                   + "\n".join(f"{p['name']}（{p['kana']}） 生年月日 {birth(1970, 2003).isoformat()} 個人番号 {num}" for p, num in rows))
            if i % 5 == 3:
                txt = ("扶養追加の手続きをお願いします。\n" + "\n".join(
                    f"被扶養者 {p['name']} 続柄 {R.choice(['妻', '長男', '長女'])} マイナンバー：{num}" for p, num in rows))
            codes = {"bulk_pii", "sensitive_pii"}
            note = f"{k} My Numbers pasted into the body to {a['org']}"
        else:
            a = R.choice(lec)
            num = my_number()
            txt = (f"先日の院内研修ではご講演いただき、ありがとうございました。\n謝金の支払調書作成のため、"
                   f"ご提出いただいた個人番号（{num}）で登録いたしました。\n念のためご確認ください。")
            codes = {"sensitive_pii"}
            note = f"the lecturer's own My Number echoed in the body to a free-mail address {a['email']}"
        body = f"{a['name']} {'先生' if a['cat'] == 'lecturer' else '様'}\n\n{opener(s)}\n\n{txt}\n\n{closing()}\n\n{signature(s)}"
        if a["cat"] != "lecturer":
            body = f"{a['org']}\n" + body
        add("mynumber_in_body", "risky", s, [rc(a)], R.choice(["資格取得手続きの件", "扶養追加の件", "謝金のお支払いについて"]), body,
            codes=codes, note=note)


LOOK = {"yamazakura-cl.example": "yamazakura-c1.example", "kohoku-naika.example": "kohoku-naica.example",
        "asanagi-life.example": "asanagl-life.example", "hamakaze-seiko.example": "hamakaze-seik0.example",
        "kamome-cp.example": "karnome-cp.example", "himawari-cp.example": "himawari-pc.example",
        "sakuradai-fc.example": "sakuradaifc.example"}


def k_lookalike(n: int) -> None:
    doms = list(LOOK)
    for i in range(n):
        dom = doms[i % len(doms)]
        a = R.choice([c for c in CONTACTS if c["email"].endswith("@" + dom) and c["email"] not in NEVER])
        s = sender_for(a)
        bad = a["email"].split("@")[0] + "@" + LOOK[dom]
        pt = patient()
        if a["cat"] == "clinic":
            atts = [referral_attachment(a["org"], a["name"], pt, True)]
            body = referral_body(s, sal_clinic(a), pt, True, True)
        elif a["cat"] == "company":
            atts = [checkup_file(a["org"], R.randint(40, 120), "xlsx")]
            body = f"{sal_person(a)}\n\n{opener(s)}\n\n健診結果一覧をお送りします。\n\n{closing()}\n\n{signature(s)}"
        elif a["cat"] == "insurer":
            atts = [(f"診断書_{pt['sur']}.pdf", pdf("診断書", cert_doc(a["org"], pt)))]
            body = f"{sal_person(a)}\n\n{opener(s)}\n\n{pt['name']}様の診断書をお送りいたします。\n\n{closing()}\n\n{signature(s)}"
        else:
            t, lines = summary_doc(a["org"], a["name"], pt, True)
            atts = [(f"看護サマリー_{pt['sur']}.pdf", pdf(t, lines))]
            body = f"{sal_person(a)}\n\n{opener(s)}\n\n{pt['name']}様の看護サマリーです。\n\n{closing()}\n\n{signature(s)}"
        add("lookalike_domain", "risky", s, [rc(a, email=bad)], R.choice(["書類送付のご連絡", "資料送付", "ご依頼の件"]), body, atts,
            codes={"lookalike_domain", "similar_recipient"}, note=f"{a['org']} {a['name']}: {a['email']} typed as {bad}")


def k_first_unknown(n: int) -> None:
    cases = [("北浜内科医院", "info@kitahama-naika.example", "院長", "clinic"),
             ("サンライズ浜風（住宅型有料老人ホーム）", "nyukyo@sunrise-hamakaze.test", "入居相談室", "care"),
             ("あさなぎ生命 保険金支払センター", "shiharai@asanagi-seimei.example", "", "insurer"),
             ("浜風精工グループ 健康管理室", "kenko@hamakaze-seiko-group.example", "", "company"),
             ("山本 和也", "kazuya.yamamoto1@ezmail.example", "", "family")]
    for i in range(n):
        org, em, _role, cat = cases[i % len(cases)]
        s = R.choice([x for x in STAFF if cat in x["cats"]])
        pt = patient()
        codes = {"first_time_recipient", "sensitive_pii", "pii_in_attachment"}
        if cat == "clinic":
            atts = [referral_attachment(org, "院長", pt, False)]
            body = referral_body(s, f"{org}\n院長 先生", pt, False, True)
            name = org
        elif cat == "care":
            t, lines = summary_doc(org, "ご担当者", pt, False)
            atts = [(f"退院サマリー_{pt['sur']}{pt['given']}.pdf", pdf(t, lines))]
            body = f"{org}\nご担当者様\n\n初めてご連絡いたします。{HOSP_SHORT} {s['dept']}の{s['name']}です。\n入居をご検討中の{pt['name']}様の退院サマリーをお送りします。\n\n{closing()}\n\n{signature(s)}"
            name = ""
        elif cat == "insurer":
            atts = [(f"診断書_{pt['sur']}{pt['given']}.pdf", pdf("入院・手術証明書（診断書）", cert_doc(org, pt)))]
            body = f"{org} ご担当者様\n\n{opener(s)}\n\nお電話でご依頼のありました{pt['name']}様の診断書をお送りいたします。\n\n{closing()}\n\n{signature(s)}"
            name = ""
        elif cat == "company":
            atts = [checkup_file("株式会社浜風精工", R.randint(50, 120), "xlsx")]
            body = f"{org}\nご担当者様\n\n{opener(s)}\n\n親会社様のご指示により、健診結果一覧をお送りいたします。\n\n{closing()}\n\n{signature(s)}"
            codes |= {"bulk_pii"}
            name = ""
        else:
            o = household("山本 茂")
            pt = dict(o["patient"]) | {k: v for k, v in patient("山本", "茂").items() if k not in ("name", "kana")}
            atts = [result_attachment(pt, pt["name"])]
            body = f"山本 和也 様\n\n{HOSP_SHORT} {s['dept']}の{s['sur']}です。\nお電話でお聞きしたアドレスにお送りしております。\n山本 茂様の検査結果を添付いたします。\n\n{closing()}\n\n{signature(s)}"
            name = "山本 和也"
            codes |= {"similar_recipient"}
        add("first_time_unknown_org", "risky", s, [(name, em)], R.choice(["書類送付のご連絡", "資料をお送りします", "ご依頼の書類"]), body, atts,
            codes=codes, note=f"first mail to {em} ({org}), not in the directory, with special-care data")


# ---------------------------------------------------------------- main
PLAN = [
    (k_referral, ("ok_referral_right_clinic", 10)), (k_same_surname_right, (7,)), (k_care_own, (7,)),
    (k_family, ("ok_family_own_result", 6)), (k_checkup, ("ok_company_own_checkup", 8)), (k_notice, ("ok_notice_bcc", 7)),
    (k_reply_quote, (7,)), (k_internal, (10,)), (k_insurer, (6,)), (k_vendor, (5,)), (k_school, (3,)),
    (k_first_known, (4,)), (k_trial, ("ok_trial_coded", 3)),
    (k_referral, ("referral_same_surname_wrong_doctor", 11)), (k_autocomplete, (7,)),
    (k_checkup, ("checkup_wrong_company", 9)), (k_family, ("result_to_other_patient", 7)), (k_wrong_attachment, (8,)),
    (k_patient_list, (7,)), (k_staff_list, (4,)), (k_notice, ("open_recipient_list", 7)), (k_reply_all, (7,)),
    (k_mynumber, (5,)), (k_lookalike, (7,)), (k_first_unknown, (5,)), (k_trial, ("trial_list_identifiable", 3)),
]


FALLBACK: dict[str, int] = {}


def main() -> None:
    build_directory()
    build_history()
    for fn, args in PLAN:
        fn(*args)
    R.shuffle(MESSAGES)
    out = os.path.join(HERE, "messages")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with open(os.path.join(HERE, "mamori.toml"), "w", encoding="utf-8") as f:
        f.write(f'[organization]\nname = "{HOSP}"\ninternal_domains = ["{DOM}"]\n')
    with open(os.path.join(HERE, "contacts.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for c in CONTACTS + [s | {"org": HOSP} for s in STAFF]:
            w.writerow([c["name"], c["kana"] if R.random() < 0.9 else "", c["email"], c["org"]])
    with open(os.path.join(HERE, "history.jsonl"), "w", encoding="utf-8") as f:
        for h in HISTORY:
            f.write(json.dumps(h, ensure_ascii=False) + "\n")
    labels = []
    t0 = dt.datetime(2026, 12, 1, 8, 30, tzinfo=JST)
    for i, m in enumerate(MESSAGES, 1):
        m["date"] = t0 + dt.timedelta(days=(i * 24) // len(MESSAGES), hours=R.randint(0, 9), minutes=R.randint(0, 59))
        x = R.random()
        m["charset"], m["fmt"] = (("iso-2022-jp", "plain") if x < 0.14 else ("shift_jis", "plain") if x < 0.27 else
                                  ("utf-8", "html") if x < 0.40 else ("utf-8", "alt") if x < 0.52 else ("utf-8", "plain"))
        m["to"] = [(n, e) for n, e in m["to"]]
        want = m["charset"]
        data = build_mail(m, i)
        if m["charset"] != want:
            FALLBACK[want] = FALLBACK.get(want, 0) + 1
        name = f"messages/{i:04d}.eml"
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        ext = [e for _, e in m["to"] + m["cc"] + m["bcc"] if not e.endswith("@" + DOM)]
        codes = set(m["codes"])
        past = PAST.get(m["from"]["email"], set())
        if m["expected"] == "ok":
            codes = (codes | {"external_recipient"}) if ext else set()
        if any(e not in past for e in ext):
            codes.add("first_time_recipient")
        labels.append({"file": name, "expected": m["expected"], "codes": sorted(codes), "kind": m["kind"], "note": m["note"]})
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    print("fell back to utf-8:", FALLBACK)
    print(f"{len(CONTACTS) + len(STAFF)} contacts, {len(HISTORY)} history, {len(labels)} messages")


if __name__ == "__main__":
    main()
