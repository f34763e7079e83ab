"""Generate misdelivery10: labelled outgoing mail of a 個別指導塾 chain for the 誤送信 guard.

    /work/main/.venv/bin/python generate.py        # fixed seed 10010; rewrites everything but README/validate.py

Made-up company 株式会社ミライ学舎 (mirai-gakusha.example) with four classrooms: families (parents and
high-school students on free mail), schools, 模試 companies, part-time university tutors, a payroll
outsourcer and vendors. Writes mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Needs openpyxl, python-docx, reportlab (CID font HeiseiKakuGo-W5) and the `zip` command.
"""

# ruff: noqa: E501  (Japanese templates and data tables read better on one line)
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from pathlib import Path

SEED = 10010
OUT = Path(__file__).resolve().parent
DOMAIN = "mirai-gakusha.example"
COMPANY = "株式会社ミライ学舎"
BRAND = "個別指導みらい学舎"
JST = dt.timezone(dt.timedelta(hours=9))
rng = random.Random(SEED)

# ---------------------------------------------------------------- name pools (kanji, kana, romaji)
SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("田中", "タナカ", "tanaka"), ("中村", "ナカムラ", "nakamura"),
    ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"), ("清水", "シミズ", "shimizu"),
    ("鈴木", "スズキ", "suzuki"), ("山崎", "ヤマザキ", "yamazaki"), ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"), ("石川", "イシカワ", "ishikawa"),
    ("前田", "マエダ", "maeda"), ("藤田", "フジタ", "fujita"), ("小川", "オガワ", "ogawa"),
    ("後藤", "ゴトウ", "goto"), ("長谷川", "ハセガワ", "hasegawa"), ("村上", "ムラカミ", "murakami"),
    ("近藤", "コンドウ", "kondo"), ("遠藤", "エンドウ", "endo"), ("藤井", "フジイ", "fujii"),
    ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"), ("三浦", "ミウラ", "miura"),
    ("松田", "マツダ", "matsuda"), ("原田", "ハラダ", "harada"), ("中野", "ナカノ", "nakano"),
    ("竹内", "タケウチ", "takeuchi"), ("中山", "ナカヤマ", "nakayama"), ("石田", "イシダ", "ishida"),
    ("森本", "モリモト", "morimoto"), ("野口", "ノグチ", "noguchi"), ("菅原", "スガワラ", "sugawara"),
    ("大野", "オオノ", "ono"), ("平野", "ヒラノ", "hirano"), ("久保", "クボ", "kubo"),
]
COMMON = SURNAMES[:6]
F_ADULT = [("恵美", "エミ", "emi"), ("由美子", "ユミコ", "yumiko"), ("智子", "トモコ", "tomoko"),
           ("真由美", "マユミ", "mayumi"), ("直美", "ナオミ", "naomi"), ("香奈", "カナ", "kana"),
           ("美紀", "ミキ", "miki"), ("裕子", "ユウコ", "yuko"), ("陽子", "ヨウコ", "yoko"),
           ("千夏", "チナツ", "chinatsu"), ("久美子", "クミコ", "kumiko"), ("典子", "ノリコ", "noriko"),
           ("理恵", "リエ", "rie"), ("沙織", "サオリ", "saori"), ("明美", "アケミ", "akemi")]
M_ADULT = [("健一", "ケンイチ", "kenichi"), ("大輔", "ダイスケ", "daisuke"), ("浩二", "コウジ", "koji"),
           ("隆", "タカシ", "takashi"), ("直樹", "ナオキ", "naoki"), ("剛", "ツヨシ", "tsuyoshi"),
           ("修", "オサム", "osamu"), ("聡", "サトシ", "satoshi"), ("英樹", "ヒデキ", "hideki"),
           ("康弘", "ヤスヒロ", "yasuhiro"), ("正人", "マサト", "masato"), ("徹", "トオル", "toru")]
KIDS = [("陽翔", "ハルト", "haruto"), ("蓮", "レン", "ren"), ("湊", "ミナト", "minato"),
        ("悠真", "ユウマ", "yuma"), ("大和", "ヤマト", "yamato"), ("颯太", "ソウタ", "sota"),
        ("樹", "イツキ", "itsuki"), ("翔太", "ショウタ", "shota"), ("拓海", "タクミ", "takumi"),
        ("奏太", "カナタ", "kanata"), ("結衣", "ユイ", "yui"), ("陽菜", "ヒナ", "hina"),
        ("美咲", "ミサキ", "misaki"), ("葵", "アオイ", "aoi"), ("凛", "リン", "rin"), ("芽依", "メイ", "mei"),
        ("咲良", "サクラ", "sakura"), ("紗希", "サキ", "saki"), ("心春", "コハル", "koharu"),
        ("莉子", "リコ", "riko"), ("杏奈", "アンナ", "anna"), ("優花", "ユウカ", "yuka"),
        ("晴人", "ハルト", "haruto"), ("一輝", "カズキ", "kazuki")]
YOUNG = [("健太", "ケンタ", "kenta"), ("翼", "ツバサ", "tsubasa"), ("駿", "シュン", "shun"),
         ("大樹", "ダイキ", "daiki"), ("優斗", "ユウト", "yuto"), ("亜美", "アミ", "ami"),
         ("彩花", "アヤカ", "ayaka"), ("菜々子", "ナナコ", "nanako"), ("瑞希", "ミズキ", "mizuki"),
         ("遥", "ハルカ", "haruka"), ("七海", "ナナミ", "nanami"), ("光", "ヒカル", "hikaru")]
FREEMAIL = ["kmail.example", "famimail.test", "mobimail.example.com", "pmail.test", "skynet-mail.example"]
STUDENTMAIL = ["kmail.example", "pmail.test", "teen-mail.example", "mobimail.example.com"]
UNIMAIL = ["st.tokai-univ.example", "g.kita-univ.test", "kmail.example", "pmail.test"]
TOWNS = ["本町", "緑町", "桜台", "駅前通", "旭が丘", "若葉台", "東山", "西原", "港北", "栄町", "宮前"]
CITY = "神奈川県みらい市"
CLASSROOMS = ["本町教室", "駅前教室", "緑町教室", "桜台教室"]
GRADES = ["小5", "小6", "中1", "中2", "中3", "高1", "高2", "高3"]
SUBJECTS = ["英語", "数学", "国語", "理科", "社会"]


@dataclass
class Person:
    sur: tuple
    given: tuple
    email: str | None
    org: str
    role: str  # staff parent student teacher vendor tutor
    classroom: str = ""
    fam: Family | None = None
    grade: str = ""
    school: str = ""
    birth: str = ""
    dept: str = ""

    @property
    def full(self) -> str:
        return f"{self.sur[0]} {self.given[0]}"

    @property
    def kana(self) -> str:
        return f"{self.sur[1]} {self.given[1]}"


@dataclass
class Family:
    classroom: str
    sur: tuple
    parents: list = field(default_factory=list)
    kids: list = field(default_factory=list)
    address: str = ""
    phone: str = ""
    org: str = ""


def phone() -> str:
    return f"0{rng.choice('789')}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def address() -> str:
    return (f"〒{rng.randint(220, 249)}-{rng.randint(0, 9999):04d} {CITY}{rng.choice(TOWNS)}"
            f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}")


def birth(grade: str) -> str:
    age = {"小5": 10, "小6": 11, "中1": 12, "中2": 13, "中3": 14, "高1": 15, "高2": 16, "高3": 17}[grade]
    y = 2026 - age - (1 if rng.random() < 0.4 else 0)
    return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def pick_sur() -> tuple:
    return rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(SURNAMES)


# ---------------------------------------------------------------- organisations
SCHOOLS = {  # name: (domain, level)
    "神奈川県立北高等学校": ("kita-hs.example", "高"),
    "神奈川県立北陵高等学校": ("hokuryo-hs.example", "高"),
    "私立青葉学園高等学校": ("aoba-gakuen.example", "高"),
    "みらい市立青葉台中学校": ("aobadai-jhs.example", "中"),
    "みらい市立南中学校": ("minami-jhs.example", "中"),
    "みらい市立桜台小学校": ("sakuradai-es.example", "小"),
}
VENDORS = {  # name: (domain, kind, depts)
    "株式会社全国学力テストセンター": ("zengaku-test.example", "moshi", ["営業部", "採点センター"]),
    "株式会社進学模試研究所": ("shingaku-moshi.example", "moshi", ["塾担当", "営業課"]),
    "株式会社シンガク出版": ("shingaku-pub.example", "kyozai", ["営業部"]),
    "株式会社ペイロールサポート東日本": ("payroll-east.example", "payroll", ["給与計算課", "年末調整チーム"]),
    "社会保険労務士法人みなと": ("minato-sr.example", "sr", [""]),
    "株式会社あさひ印刷": ("asahi-print.example", "print", ["営業部"]),
    "株式会社アサヒ教材": ("asahi-kyozai.example", "kyozai", ["営業課"]),
    "株式会社スクールクラウド": ("schoolcloud.example", "system", ["カスタマーサクセス"]),
    "税理士法人緑町会計": ("midori-tax.example", "tax", [""]),
    "株式会社オフィスユニ": ("office-uni.example", "office", ["法人営業"]),
}
UNKNOWN = [("株式会社エデュリンク", "edulink-kk.example", "山路 隆之", "yamaji"),
           ("合同会社スタディブリッジ", "studybridge.test", "宮坂 真理", "m.miyasaka"),
           ("株式会社ネクストラーニング", "nextlearning.example.com", "高瀬 啓介", "k.takase")]

staff: list[Person] = []
families: list[Family] = []
tutors: list[Person] = []
teachers: list[Person] = []
vendors: list[Person] = []
used_emails: set[str] = set()


def uniq(local: str, dom: str) -> str:
    a = f"{local}@{dom}"
    n = 2
    while a in used_emails:
        a = f"{local}{n}@{dom}"
        n += 1
    used_emails.add(a)
    return a


def build_people() -> None:
    s = {x[0]: x for x in SURNAMES}
    g = {x[0]: x for x in F_ADULT + M_ADULT + YOUNG}
    for sur, given, dept, classroom in [
        ("大野", "正人", "代表取締役", ""), ("佐藤", "美紀", "本部 経理課", ""), ("福田", "直樹", "本部 経理課", ""),
        ("中村", "典子", "本部 人事労務課", ""), ("藤井", "修", "本部 教務部", ""), ("平野", "沙織", "本部 教務部", ""),
        ("田中", "聡", "教室長", "本町教室"), ("森本", "千夏", "教室事務", "本町教室"),
        ("久保", "隆", "教室長", "駅前教室"), ("中村", "香奈", "教室事務", "駅前教室"),
        ("長谷川", "徹", "教室長", "緑町教室"), ("野口", "理恵", "教室事務", "緑町教室"),
        ("菅原", "英樹", "教室長", "桜台教室"), ("石田", "明美", "教室事務", "桜台教室"),
    ]:
        p = Person(s[sur], g[given], uniq(f"{g[given][2][0]}.{s[sur][2]}", DOMAIN), COMPANY, "staff",
                   classroom=classroom, dept=dept)
        staff.append(p)
    # families: 11 per classroom; planted same-surname pairs in the same classroom
    planted = {"本町教室": ["佐藤", "佐藤"], "駅前教室": ["田中", "田中"], "緑町教室": ["中村", "中村"],
               "桜台教室": ["木村", "木村"]}
    for _ci, classroom in enumerate(CLASSROOMS):
        for k in range(11):
            sur = s[planted[classroom][k]] if k < 2 else pick_sur()
            fam = Family(classroom, sur, address=address(), phone=phone())
            nk = 1 if rng.random() < 0.7 else 2
            kid_given = rng.sample(KIDS, nk)
            grades = sorted(rng.sample(GRADES, nk), key=GRADES.index, reverse=True)
            if k in (0, 3, 5):  # make sure every classroom has high-schoolers
                grades[0] = rng.choice(["高1", "高2", "高3"])
            for kg, gr in zip(kid_given, grades, strict=False):
                level = gr[0]
                school = rng.choice([n for n, (_, lv) in SCHOOLS.items() if lv == level])
                st = Person(sur, kg, None, "", "student", classroom, fam, gr, school, birth(gr))
                if level == "高":
                    st.email = uniq(f"{kg[2]}.{sur[2][:3]}{rng.randint(10, 99)}", rng.choice(STUDENTMAIL))
                fam.kids.append(st)
            fam.org = f"ご家庭（{classroom}・{sur[0]} {fam.kids[0].given[0]}さん）"
            for st in fam.kids:
                st.org = fam.org
            mother = rng.choice(F_ADULT)
            fam.parents.append(Person(sur, mother, None, fam.org, "parent", classroom, fam))
            if rng.random() < 0.18:
                fam.parents.append(Person(sur, rng.choice(M_ADULT), None, fam.org, "parent", classroom, fam))
            for p in fam.parents:
                style = rng.randrange(3)
                local = [f"{p.given[2]}.{sur[2]}{rng.randint(1, 99)}", f"{sur[2]}{p.given[2][0]}{rng.randint(100, 999)}",
                         f"{p.given[2][:2]}{sur[2]}-{rng.randint(1, 9)}"][style]
                p.email = uniq(local, rng.choice(FREEMAIL))
            families.append(fam)
    # planted full-name parents for cross-organisation twins
    families[11].parents[0].given = g["智子"]   # 駅前 first 田中 family: 田中 智子 (twin at あさひ印刷)
    families[22].parents[0].given = g["直美"]   # 緑町 中村 直美 (twin at 全国学力テストセンター)
    families[1].parents[0].given = g["由美子"]  # 本町 second 佐藤 family: 佐藤 由美子
    families[0].parents[0].given = g["恵美"]    # 本町 first 佐藤 family: 佐藤 恵美
    for p in (families[11].parents[0], families[22].parents[0], families[1].parents[0], families[0].parents[0]):
        p.email = uniq(f"{p.given[2]}.{p.sur[2]}{rng.randint(1, 99)}", p.email.split("@")[1])
    # tutors: 5 per classroom, some share a parent's surname
    tsur = {"本町教室": ["佐藤", "清水"], "駅前教室": ["田中", "林"], "緑町教室": ["中村", "木村"], "桜台教室": ["木村", "池田"]}
    for classroom in CLASSROOMS:
        for k in range(5):
            sur = s[tsur[classroom][k]] if k < 2 else pick_sur()
            gv = rng.choice(YOUNG)
            t = Person(sur, gv, None, f"大学生講師（{classroom}・{sur[0]} {gv[0]}）", "tutor", classroom)
            t.email = uniq(f"{gv[2]}.{sur[2]}{rng.choice(['', '.t', '0' + str(rng.randint(1, 9))])}", rng.choice(UNIMAIL))
            t.birth = f"{rng.randint(2002, 2006)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            tutors.append(t)
    # school teachers
    tplan = {"神奈川県立北高等学校": ["佐藤", "森", "石川"], "神奈川県立北陵高等学校": ["田中", "小川", "佐藤"],
             "私立青葉学園高等学校": ["中村", "前田", "鈴木"], "みらい市立青葉台中学校": ["木村", "近藤"],
             "みらい市立南中学校": ["林", "三浦"], "みらい市立桜台小学校": ["清水", "松田"]}
    for school, surs in tplan.items():
        dom = SCHOOLS[school][0]
        for sn in surs:
            gv = rng.choice(F_ADULT + M_ADULT)
            teachers.append(Person(s[sn], gv, uniq(f"{gv[2][0]}-{s[sn][2]}", dom), school, "teacher",
                                   dept=rng.choice(["進路指導部", "学年主任", "教務部", ""])))
    teachers[0].given = g["恵美"]  # 北高 佐藤 恵美, full-name twin of the 本町 parent
    teachers[0].email = uniq("e-sato", "kita-hs.example")
    # vendors
    vplan = {"株式会社全国学力テストセンター": [("中村", "典子"), ("中村", "直美"), ("林", None), ("藤田", None)],
             "株式会社進学模試研究所": [("清水", None), ("後藤", None), ("佐藤", None)],
             "株式会社シンガク出版": [("村上", None), ("田中", None)],
             "株式会社ペイロールサポート東日本": [("佐藤", "美紀"), ("遠藤", None), ("三浦", None)],
             "社会保険労務士法人みなと": [("中野", None), ("木村", None)],
             "株式会社あさひ印刷": [("田中", "智子"), ("竹内", None)],
             "株式会社アサヒ教材": [("中山", None), ("林", None)],
             "株式会社スクールクラウド": [("太田", None), ("松田", None)],
             "税理士法人緑町会計": [("原田", None), ("鈴木", None)],
             "株式会社オフィスユニ": [("池田", None), ("森", None)]}
    for org, plist in vplan.items():
        dom, _, depts = VENDORS[org]
        for sn, gn in plist:
            gv = g[gn] if gn else rng.choice(F_ADULT + M_ADULT)
            local = f"{gv[2][0]}.{s[sn][2]}" if rng.random() < 0.6 or gn else f"{s[sn][2]}_{gv[2]}"
            vendors.append(Person(s[sn], gv, uniq(local, dom), org, "vendor", dept=rng.choice(depts)))


build_people()
parents = [p for f in families for p in f.parents]
students = [k for f in families for k in f.kids]
hs_students = [k for k in students if k.email]
externals = parents + hs_students + tutors + teachers + vendors
by_email = {p.email: p for p in staff + externals}


def vendor(org: str, i: int = 0) -> Person:
    return [v for v in vendors if v.org == org][i]


def vkind(p: Person) -> str:
    return VENDORS[p.org][1] if p.org in VENDORS else p.role


# contacts that never appear in history (first mails)
FRESH = set()
for f in families[9::11]:           # the last family of each classroom enrolled in November
    FRESH.update(p.email for p in f.parents + f.kids if p.email)
FRESH.update([teachers[2].email, teachers[8].email, vendor("株式会社進学模試研究所", 2).email,
              vendor("株式会社アサヒ教材", 1).email, tutors[4].email, tutors[14].email])


# ---------------------------------------------------------------- history
def owned(sender: Person) -> list[Person]:
    if sender.classroom:
        fam = [p for p in parents + hs_students if p.classroom == sender.classroom]
        tut = [t for t in tutors if t.classroom == sender.classroom]
        sch = [t for t in teachers if t.org in ("神奈川県立北高等学校", "神奈川県立北陵高等学校", "私立青葉学園高等学校",
                                               "みらい市立青葉台中学校" if sender.classroom in ("本町教室", "緑町教室") else "みらい市立南中学校")]
        return fam * 3 + tut * 2 + sch + [v for v in vendors if vkind(v) in ("moshi", "kyozai")]
    d = sender.dept
    if "経理" in d:
        return ([v for v in vendors if vkind(v) in ("payroll", "tax", "office", "print")] * 3 + tutors + parents)
    if "人事" in d:
        return [v for v in vendors if vkind(v) in ("payroll", "sr")] * 4 + tutors * 2
    if "教務" in d:
        return ([v for v in vendors if vkind(v) in ("moshi", "kyozai", "print", "system")] * 3 + teachers * 2 + tutors)
    return [v for v in vendors if vkind(v) in ("tax", "system", "sr")]


HSUBJ = {"parent": ["面談日程のご案内", "振替授業について", "12月分月謝のご案内", "冬期講習のお申込みについて",
                    "学習状況のご報告", "Re: 欠席のご連絡", "模試結果のご報告", "Re: 志望校について"],
         "student": ["課題の提出について", "Re: 授業の振替", "自習室の利用について", "模試の申込みについて"],
         "tutor": ["来月のシフトについて", "研修のご案内", "Re: 授業報告", "勤務表のご確認", "交通費精算について"],
         "teacher": ["進路説明会のご案内", "Re: 学校説明会の件", "ご挨拶", "資料送付のお知らせ"],
         "moshi": ["模試申込について", "Re: 答案返却日程", "採点結果のご送付", "次回実施要項"],
         "kyozai": ["教材のご注文", "Re: 見積書送付", "新年度教材のご案内"],
         "payroll": ["勤怠データ送付", "Re: 給与計算の件", "年末調整スケジュール", "振込データ確認"],
         "sr": ["労働保険の件", "Re: 雇用契約書について", "就業規則改定"], "print": ["チラシ入稿", "Re: 校正のご確認"],
         "system": ["ログイン不具合の件", "Re: 機能追加のご要望"], "tax": ["月次資料送付", "Re: 決算打合せ"],
         "office": ["備品発注", "Re: お見積り"], "staff": ["教室会議", "共有：シフト", "本部連絡", "Re: 面談記録"]}


def write_history() -> dict[str, set[str]]:
    start = dt.datetime(2025, 12, 1, 8, 0, tzinfo=JST)
    span = (dt.datetime(2026, 11, 30, 21, 0, tzinfo=JST) - start).total_seconds()
    senders = staff
    pools = {s.email: [p for p in owned(s) if p.email not in FRESH] for s in senders}
    allx = [p for p in externals if p.email not in FRESH]
    rows = []
    for i in range(3000):
        snd = senders[i % len(senders)] if i % 7 else rng.choice(senders)
        r = rng.random()
        if r < 0.82:
            tgt = rng.choice(pools[snd.email])
            to = [tgt]
            if tgt.role == "vendor" and rng.random() < 0.3:
                to += [v for v in vendors if v.org == tgt.org and v is not tgt and v.email not in FRESH][:1]
            cc = []
            if tgt.role in ("parent", "student") and rng.random() < 0.2:
                fam = tgt.fam
                cc = [p for p in fam.parents + fam.kids if p.email and p is not tgt][:1]
            if rng.random() < 0.15:
                cc.append(rng.choice([s for s in staff if s is not snd]))
            subj = rng.choice(HSUBJ.get(vkind(tgt), HSUBJ["staff"]))
        elif r < 0.94:
            to = [rng.choice([s for s in staff if s is not snd])]
            cc = []
            subj = rng.choice(HSUBJ["staff"])
        else:
            to = [rng.choice(allx)]
            cc = []
            subj = "お問い合わせの件"
        t = start + dt.timedelta(seconds=span * i / 3000 + rng.randint(0, 3000))
        rows.append({"date": t.isoformat(), "from": snd.email, "to": [p.email for p in to],
                     "cc": [p.email for p in cc], "subject": subj})
    past: dict[str, set[str]] = {}
    with open(OUT / "history.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            past.setdefault(row["from"], set()).update(row["to"] + row["cc"])
    return past


# ---------------------------------------------------------------- attachments
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))


def pdf(title: str, lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("HeiseiKakuGo-W5", 14)
    c.drawString(50, 800, title)
    c.setFont("HeiseiKakuGo-W5", 9.5)
    y = 775
    for ln in lines:
        if y < 50:
            c.showPage()
            c.setFont("HeiseiKakuGo-W5", 9.5)
            y = 800
        c.drawString(50, y, ln)
        y -= 15
    c.save()
    return buf.getvalue()


def xlsx(title: str, header: list[str], rows: list[list], sheet: str = "Sheet1") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.properties.creator = COMPANY
    wb.properties.created = dt.datetime(2026, 12, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(title: str, paras: list[str], header: list[str] | None = None, rows: list[list] | None = None) -> bytes:
    import docx as d

    doc = d.Document()
    doc.add_heading(title, level=1)
    for p in paras:
        doc.add_paragraph(p)
    if header:
        t = doc.add_table(rows=1, cols=len(header))
        for i, h in enumerate(header):
            t.rows[0].cells[i].text = h
        for r in rows or []:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
    doc.core_properties.author = COMPANY
    doc.core_properties.created = dt.datetime(2026, 12, 1)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def csvb(header: list[str], rows: list[list], enc: str) -> bytes:
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return s.getvalue().encode("utf-8-sig" if enc == "utf-8" else "cp932")


def zipb(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2026, 12, 1, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def zip_pw(members: list[tuple[str, bytes]], pw: str) -> bytes:
    d = tempfile.mkdtemp(prefix="m10z")
    try:
        for name, data in members:
            Path(d, name).write_bytes(data)
        subprocess.run(["zip", "-q", "-X", "-P", pw, "out.zip", *[m[0] for m in members]], cwd=d, check=True)
        return Path(d, "out.zip").read_bytes()
    finally:
        shutil.rmtree(d)


def scores() -> list[int]:
    return [rng.randint(38, 98) for _ in SUBJECTS]


def report_card(st: Person, fmt: str) -> tuple[str, bytes]:
    sc = scores()
    dev = [round(50 + (x - 65) / 2.2, 1) for x in sc]
    comment = rng.choice(["計算ミスが減り、応用問題にも取り組めています。", "英単語の定着に課題があります。冬期講習で重点的に復習します。",
                          "授業への集中力が高く、宿題の提出も安定しています。", "国語の記述で部分点が取れるようになってきました。"])
    title = f"2学期 成績表 {st.full} さん（{st.grade}）"
    base = f"成績表_{st.sur[0]}{st.given[0]}_2学期"
    if fmt == "pdf":
        lines = [f"生徒氏名：{st.full}（{st.kana}）", f"学校：{st.school} {st.grade}", f"教室：{BRAND} {st.classroom}", ""]
        lines += [f"{s}：{x}点（偏差値 {d}）" for s, x, d in zip(SUBJECTS, sc, dev, strict=False)]
        lines += ["", f"講師所見：{comment}"]
        return base + ".pdf", pdf(title, lines)
    if fmt == "xlsx":
        return base + ".xlsx", xlsx(title, ["生徒氏名", "学年", "学校", *SUBJECTS, "所見"],
                                    [[st.full, st.grade, st.school, *sc, comment]], "成績")
    return base + ".docx", docx(title, [f"生徒氏名：{st.full}（{st.kana}）", f"学校：{st.school}", f"所見：{comment}"],
                                ["科目", "得点", "偏差値"], [[s, x, d] for s, x, d in zip(SUBJECTS, sc, dev, strict=False)])


CARE = [("アレルギー", "卵・乳製品のアレルギー（エピペン携帯）"), ("アレルギー", "小麦アレルギー。補食の持ち込みに注意"),
        ("通院", "心療内科に月1回通院中。水曜は欠席の可能性あり"), ("通院", "小児科で喘息の治療中（吸入薬）"),
        ("発達特性", "ADHDの診断あり。座席は前列・指示は一つずつ"), ("発達特性", "学習障害（読み書き）の診断あり。問題文の読み上げを希望"),
        ("発達特性", "自閉スペクトラム症の診断あり。予定変更は事前に連絡"), ("通院", "起立性調節障害で通院中。朝の模試は配慮が必要"),
        ("服薬", "てんかんの服薬中。発作時の対応を保護者と確認済み")]


def interview(st: Person, fmt: str, care: bool) -> tuple[str, bytes]:
    par = st.fam.parents[0]
    lines = [f"面談日：2026年11月{rng.randint(10, 28)}日", f"生徒：{st.full}（{st.grade}・{st.school}）",
             f"同席：保護者 {par.full} 様", f"志望校：{rng.choice(['神奈川県立北高等学校', '私立青葉学園高等学校', '県内国公立大学 理系', '私立大学 文系'])}",
             "学習状況：" + rng.choice(["数学の図形分野が弱く、週1コマ追加を提案。", "英語長文の速度が課題。音読課題を継続。"])]
    if care:
        k, v = rng.choice(CARE)
        lines.append(f"配慮事項（{k}）：{v}")
    lines.append("次回面談：1月中旬（冬期講習後）")
    base = f"面談記録_{st.sur[0]}{st.given[0]}"
    if fmt == "pdf":
        return base + ".pdf", pdf("保護者面談記録", lines)
    return base + ".docx", docx("保護者面談記録", lines)


def invoice(fam: Family) -> tuple[str, bytes]:
    par = fam.parents[0]
    lines = [f"{par.full} 様", fam.address, "", "2026年12月分 授業料のご請求"]
    total = 0
    for k in fam.kids:
        fee = rng.choice([18700, 22000, 26400, 31900])
        total += fee
        lines.append(f"{k.full}（{k.grade}）個別指導 週{rng.randint(1, 3)}回  {fee:,}円")
    lines += [f"合計 {total:,}円（税込）", "口座振替日：2026年12月27日", f"{BRAND} {fam.classroom}"]
    return f"請求書_{par.sur[0]}様_2026年12月.pdf", pdf("請求書", lines)


def moshi_result(st: Person) -> tuple[str, bytes]:
    sc = scores()
    lines = [f"受験者：{st.full}（{st.kana}）", f"在籍校：{st.school} {st.grade}", f"受験会場：{BRAND} {st.classroom}"]
    lines += [f"{s} {x}点 / 偏差値 {round(48 + (x - 60) / 2, 1)}" for s, x in zip(SUBJECTS, sc, strict=False)]
    lines += [f"第一志望 判定：{rng.choice('ABCDE')}", f"第二志望 判定：{rng.choice('ABCD')}"]
    return f"模試結果_{st.sur[0]}{st.given[0]}.pdf", pdf("第3回 全国学力テスト 個人成績票", lines)


def enrol_form(st: Person) -> tuple[str, bytes]:
    fam = st.fam
    paras = [f"生徒氏名：{st.full}（{st.kana}）", f"生年月日：{st.birth}", f"学校・学年：{st.school} {st.grade}",
             f"住所：{fam.address}", f"保護者：{fam.parents[0].full}  電話 {fam.phone}", f"メール：{fam.parents[0].email}",
             f"健康上の配慮：{rng.choice(['特になし', CARE[0][1], CARE[3][1]])}"]
    return f"入塾申込書_{st.sur[0]}{st.given[0]}.docx", docx("入塾申込書", paras)


def fake_student(school: str | None = None) -> list:
    sur, gv = pick_sur(), rng.choice(KIDS)
    if school is None:
        school = rng.choice(list(SCHOOLS))
    gr = rng.choice([g for g in GRADES if g[0] == SCHOOLS[school][1]])
    return [f"{sur[0]} {gv[0]}", f"{sur[1]} {gv[1]}", birth(gr), school, gr]


def roster_rows(n: int, classroom: str | None = None) -> tuple[list[str], list[list]]:
    header = ["生徒氏名", "フリガナ", "生年月日", "学校", "学年", "教室", "保護者氏名", "住所", "電話", "メール"]
    rows = []
    for _ in range(n):
        r = fake_student()
        sur = r[0].split()[0]
        pg = rng.choice(F_ADULT + M_ADULT)
        rows.append([*r, classroom or rng.choice(CLASSROOMS), f"{sur} {pg[0]}", address(), phone(), f"{pg[2]}.{rng.randint(100, 999)}@{rng.choice(FREEMAIL)}"])
    return header, rows


def care_rows(n: int) -> tuple[list[str], list[list]]:
    rows = []
    for _ in range(n):
        r = fake_student()
        k, v = rng.choice(CARE)
        rows.append([r[0], r[4], rng.choice(CLASSROOMS), k, v])
    return ["生徒氏名", "学年", "教室", "区分", "内容・対応"], rows


def grade_list_rows(classroom: str, grade: str, n: int) -> tuple[list[str], list[list]]:
    rows = []
    for _ in range(n):
        sur, gv = pick_sur(), rng.choice(KIDS)
        school = rng.choice([s for s, (_, lv) in SCHOOLS.items() if lv == grade[0]])
        rows.append([f"{sur[0]} {gv[0]}", school, *scores()])
    rows.sort(key=lambda r: -sum(r[2:]))
    return ["生徒氏名", "学校", *SUBJECTS], rows


def pay_rows(tlist: list[Person]) -> tuple[list[str], list[list]]:
    rows = []
    for t in tlist:
        koma = rng.randint(12, 48)
        rate = rng.choice([1600, 1750, 1900, 2100])
        rows.append([t.full, t.classroom, koma, rate, koma * rate + rng.choice([0, 2400, 5600]),
                     f"{rng.choice(['みらい銀行', 'かながわ信用金庫', 'ゆうちょ銀行'])} 普通 {rng.randint(1000000, 9999999)}"])
    return ["講師氏名", "教室", "勤務コマ数", "時給", "支給額", "振込口座"], rows


def shift_rows(tlist: list[Person]) -> tuple[list[str], list[list]]:
    days = ["12/21(月)", "12/22(火)", "12/23(水)", "12/24(木)", "12/25(金)", "12/26(土)"]
    return ["講師", *days], [[t.full] + [rng.choice(["", "A", "B", "AB", "C"]) for _ in days] for t in tlist]


def my_number() -> str:
    d = [rng.randint(0, 9) for _ in range(11)]
    s = sum(int(d[10 - i]) * ((i + 2) if i < 6 else (i - 4)) for i in range(11))
    r = s % 11
    return "".join(map(str, d)) + str(0 if r <= 1 else 11 - r)


# ---------------------------------------------------------------- message text
GREET = ["いつもお世話になっております。", "平素より大変お世話になっております。", "いつも当塾をご利用いただき、ありがとうございます。",
         "寒さが一段と厳しくなってまいりましたが、いかがお過ごしでしょうか。", "お世話になっております。"]
CLOSE = ["ご不明な点がございましたら、お気軽に教室までお問い合わせください。", "引き続きよろしくお願いいたします。",
         "何卒よろしくお願い申し上げます。", "お手数ですが、ご確認のほどよろしくお願いいたします。"]


def me(s: Person) -> str:
    where = s.classroom or s.dept.split()[-1]
    return rng.choice([f"{BRAND} {where}の{s.sur[0]}です。", f"みらい学舎{where}、{s.dept if s.classroom else '担当'}の{s.sur[0]}でございます。",
                       f"{where} {s.sur[0]}です。"])


def sig(s: Person) -> str:
    where = s.classroom or s.dept
    st = rng.randrange(3)
    if st == 0:
        return (f"────────────────\n{BRAND} {where}\n{s.dept if s.classroom else ''} {s.full}\n"
                f"TEL 045-000-{1000 + CLASSROOMS.index(s.classroom) * 11 if s.classroom else 2000}（受付 14:00〜22:00）\n────────────────")
    if st == 1:
        return f"--\n{COMPANY} {where}\n{s.full} <{s.email}>"
    return f"＊＊＊＊＊＊＊＊＊＊\nみらい学舎 {where}　{s.sur[0]}\n＊＊＊＊＊＊＊＊＊＊"


def sal(p: Person, style: int | None = None) -> str:
    st = rng.randrange(4) if style is None else style
    if p.role == "parent":
        kid = p.fam.kids[0]
        return [f"{p.full} 様", f"{p.sur[0]} 様", f"{kid.given[0]}さんの保護者様", f"{p.sur[0]} {kid.given[0]}さん 保護者様"][st]
    if p.role == "student":
        return [f"{p.full}さん", f"{p.given[0]}さん", f"{p.sur[0]}さん", f"{p.full}さん"][st]
    if p.role == "tutor":
        return [f"{p.full}さん", f"{p.sur[0]}先生", f"{p.sur[0]}さん", f"{p.full} 先生"][st]
    if p.role == "teacher":
        return [f"{p.org}\n{p.dept} {p.full} 先生".replace("\n ", "\n"), f"{p.org} {p.sur[0]}先生",
                f"{p.org}\n{p.full} 先生", f"{p.sur[0]}先生"][st]
    if p.role == "vendor":
        short = p.org.replace("株式会社", "").replace("社会保険労務士法人", "").replace("税理士法人", "")
        return [f"{p.org}\n{p.dept} {p.full} 様".replace("\n ", "\n"), f"{short} {p.sur[0]}様",
                f"{p.org}\n{p.full} 様", f"㈱{short} {p.sur[0]} 様" if p.org.startswith("株式会社") else f"{p.org} {p.sur[0]}様"][st]
    return f"{p.sur[0]}さん"


def body(s: Person, salutation: str, text: str, quote: str = "") -> str:
    b = f"{salutation}\n\n{rng.choice(GREET)}\n{me(s)}\n\n{text}\n\n{rng.choice(CLOSE)}\n\n{sig(s)}\n"
    return b + ("\n" + quote if quote else "")


def quoted(who: Person, text: str, style: int | None = None) -> str:
    st = rng.randrange(3) if style is None else style
    when = f"2026年12月{rng.randint(1, 9)}日"
    if st == 0:
        return f"{when}(水) 20:14 {who.full} <{who.email}>:\n" + "\n".join("> " + ln for ln in text.split("\n"))
    if st == 1:
        return (f"-----Original Message-----\nFrom: {who.full} <{who.email}>\nSent: {when} 21:03\n"
                f"Subject: Re: ご相談\n\n{text}")
    return f"---------- Forwarded message ---------\nFrom: {who.full} <{who.email}>\nDate: {when}\n\n{text}"


# ---------------------------------------------------------------- message building
MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.4.0", "Becky! ver. 2.81", "Active! mail", "Gmail"]


def addr_header(people: list[tuple[str, str]], cs: str) -> str:
    return ", ".join(formataddr((n, a), charset=cs) for n, a in people)


def to_html(text: str) -> str:
    out, inq = [], False
    for ln in text.split("\n"):
        q = ln.startswith(">")
        if q and not inq:
            out.append("<blockquote style=\"border-left:2px solid #ccc;padding-left:8px\">")
        if inq and not q:
            out.append("</blockquote>")
        inq = q
        ln = ln.lstrip("> ") if q else ln
        esc = ln.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(f"<div>{esc or '<br>'}</div>")
    if inq:
        out.append("</blockquote>")
    return "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n" + "\n".join(out) + "\n</body></html>\n"


MIME = {"pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "csv": ("text", "csv"), "zip": ("application", "zip")}


def build(n: int, snd: Person, to: list[Person], cc: list[Person], bcc: list[Person], subject: str, text: str,
          atts: list[tuple[str, bytes]], fmt: str, date: dt.datetime, names: dict | None = None) -> bytes:
    """fmt: plain | alt | jis | sjis | html."""
    names = names or {}
    cs = "iso-2022-jp" if fmt in ("jis", "sjis") else "utf-8"
    if fmt == "jis":
        main = MIMEText(text, "plain", "iso-2022-jp")
    elif fmt == "sjis":
        main = MIMEBase("text", "plain", charset="Shift_JIS")  # MIMEText would convert shift_jis to ISO-2022-JP
        main.set_payload(text.encode("shift_jis"))
        encoders.encode_base64(main)
    elif fmt == "html":
        main = MIMEText(to_html(text), "html", "utf-8")
    elif fmt == "alt":
        main = MIMEMultipart("alternative")
        main.attach(MIMEText(text, "plain", "utf-8"))
        main.attach(MIMEText(to_html(text), "html", "utf-8"))
    else:
        main = MIMEText(text, "plain", "utf-8")
    if atts:
        msg = MIMEMultipart("mixed")
        msg.attach(main)
        for name, data in atts:
            ext = name.rsplit(".", 1)[-1].lower()
            part = MIMEBase(*MIME[ext])
            if ext == "csv":
                part.set_param("charset", "utf-8" if data.startswith(b"\xef\xbb\xbf") else "Shift_JIS")
            part.set_payload(data)
            encoders.encode_base64(part)
            if cs == "utf-8":
                part.set_param("name", ("utf-8", "", name))
                part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
            else:
                enc = Header(name, "iso-2022-jp").encode(maxlinelen=998)
                part.set_param("name", enc)
                part.add_header("Content-Disposition", "attachment", filename=enc)
            msg.attach(part)
    else:
        msg = main
    hdr = (lambda s: Header(s, cs).encode()) if not s_ascii(subject) else (lambda s: s)
    msg["From"] = addr_header([(names.get(snd.email, snd.full), snd.email)], cs)
    msg["To"] = addr_header([(names.get(p.email, p.full), p.email) for p in to], cs)
    if cc:
        msg["Cc"] = addr_header([(names.get(p.email, p.full), p.email) for p in cc], cs)
    if bcc:
        msg["Bcc"] = addr_header([(names.get(p.email, p.full), p.email) for p in bcc], cs)
    msg["Subject"] = hdr(subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = f"<m10.{n:04d}.{SEED}.{abs(hash_s(subject)) % 10**8}@{DOMAIN}>"
    msg["X-Mailer"] = rng.choice(MAILERS)
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    return msg.as_bytes()


def s_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def hash_s(s: str) -> int:
    h = 7
    for c in s:
        h = (h * 31 + ord(c)) % (2**61 - 1)
    return h


# ---------------------------------------------------------------- cases
CASES: list[dict] = []


def case(kind: str, expected: str, snd: Person, to: list[Person], subject: str, text: str, note: str,
         codes: list[str] | None = None, cc: list[Person] | None = None, bcc: list[Person] | None = None,
         atts: list[tuple[str, bytes]] | None = None, names: dict | None = None, fmt: str | None = None,
         tone: str | None = None) -> None:
    tone = tone or to[0].role
    if tone != "parent":  # the customer greeting is for families only
        text = text.replace(GREET[2], GREET[0] if tone != "staff" else "お疲れさまです。", 1)
    if tone == "staff":
        for g in GREET:
            text = text.replace("\n\n" + g + "\n", "\n\nお疲れさまです。\n", 1)
    CASES.append(dict(kind=kind, expected=expected, snd=snd, to=to, cc=cc or [], bcc=bcc or [], subject=subject,
                      text=text, note=note, codes=codes or [], atts=atts or [], names=names or {}, fmt=fmt))


def cstaff(classroom: str) -> Person:
    return rng.choice([s for s in staff if s.classroom == classroom])


def hq(word: str) -> Person:
    return rng.choice([s for s in staff if word in s.dept])


def fam_with_hs() -> list[Family]:
    return [f for f in families if any(k.email for k in f.kids)]


def kid_of(fam: Family) -> Person:
    return rng.choice(fam.kids)


PAIRS = [(0, 1), (11, 12), (22, 23), (33, 34)]  # same-surname families in one classroom
FMT_ATT = ["pdf", "xlsx", "docx"]


def ok_cases() -> None:
    # ok_routine
    for i in range(12):
        r = i % 6
        if r == 0:
            fam = rng.choice(families)
            p, s = fam.parents[0], cstaff(fam.classroom)
            case("ok_routine", "ok", s, [p], "冬期面談の日程について",
                 body(s, sal(p), f"冬期講習前の三者面談の日程をご案内いたします。\n12月{rng.randint(12, 20)}日（土）{rng.randint(14, 18)}時〜の枠でご予約を承りました。\n"
                                 "当日は教室2階の面談室にお越しください。"), f"usual parent {p.email}, no personal data beyond the name")
        elif r == 1:
            st = rng.choice(hs_students)
            s = cstaff(st.classroom)
            case("ok_routine", "ok", s, [st], "自習室の年末利用について",
                 body(s, sal(st), "年末は12月29日まで自習室を開放します。\n利用する日は前日までに受付で予約してください。"), f"usual student {st.email}")
        elif r == 2:
            t = rng.choice([x for x in teachers if x.email not in FRESH])
            s = hq("教務")
            case("ok_routine", "ok", s, [t], "塾対象説明会のお礼",
                 body(s, sal(t), "先日は塾対象説明会にお招きいただき、誠にありがとうございました。\nいただいた資料は各教室の教室長と共有いたします。"),
                 f"usual teacher {t.email}")
        elif r == 3:
            v = vendor("株式会社全国学力テストセンター", 2)
            s = hq("教務")
            case("ok_routine", "ok", s, [v], "第4回模試 申込人数のご連絡",
                 body(s, sal(v), f"第4回模試の申込人数をご連絡いたします。\n本町教室 {rng.randint(8, 20)}名、駅前教室 {rng.randint(8, 20)}名、"
                                 f"緑町教室 {rng.randint(5, 15)}名、桜台教室 {rng.randint(5, 15)}名\n問題冊子の発送をお願いいたします。"),
                 f"usual 模試 contact {v.email}, counts only", cc=[hq("教務")] if rng.random() < 0.5 else None)
        elif r == 4:
            t = rng.choice(tutors)
            s = cstaff(t.classroom)
            case("ok_routine", "ok", s, [t], "1月の講師研修について",
                 body(s, sal(t), "1月9日（土）10時から本部にて講師研修を行います。\n持ち物は筆記用具と講師手帳です。交通費は規定どおり支給します。"),
                 f"usual tutor {t.email}")
        else:
            v = vendor("株式会社あさひ印刷", 1)
            s = hq("経理") if rng.random() < 0.5 else hq("教務")
            case("ok_routine", "ok", s, [v], "春期講習チラシの入稿",
                 body(s, sal(v), "春期講習チラシの原稿を入稿いたします。\n部数は4教室合計で12,000部、納品は2月10日希望です。"),
                 f"usual print contact {v.email}")
    # ok_internal
    for i in range(9):
        s = rng.choice(staff)
        o = rng.choice([x for x in staff if x is not s])
        r = i % 5
        if r == 0:
            gr = rng.choice(["中3", "高2", "高3"])
            h, rows = grade_list_rows(s.classroom or "本町教室", gr, rng.randint(18, 36))
            atts = [(f"{gr}_定期テスト一覧.xlsx", xlsx(f"{gr} 2学期期末 成績一覧", h, rows))]
            t, note = "2学期期末の成績一覧です。面談資料の作成にお使いください。", "class grade list stays inside"
        elif r == 1:
            h, rows = care_rows(rng.randint(8, 20))
            atts = [("配慮事項一覧_2026.xlsx", xlsx("配慮事項一覧（取扱注意）", h, rows))]
            t, note = "冬期講習に向けた配慮事項一覧を共有します。講師への共有は口頭でお願いします。", "special-care list stays inside"
        elif r == 2:
            h, rows = pay_rows(rng.sample(tutors, 12))
            atts = [("講師支給一覧_11月.xlsx", xlsx("11月分 講師支給一覧", h, rows))]
            t, note = "11月分の講師支給一覧です。教室ごとのコマ数をご確認ください。", "tutor pay list stays inside"
        elif r == 3:
            h, rows = roster_rows(rng.randint(60, 150))
            atts = [("生徒名簿_全教室.csv", csvb(h, rows, rng.choice(["utf-8", "cp932"])))]
            t, note = "年度末の名簿整理用に全教室の生徒名簿を送ります。", "roster stays inside"
        else:
            fam = rng.choice(families)
            k = kid_of(fam)
            atts = []
            t = (f"{fam.classroom}の{k.full}さん（{k.grade}）の保護者 {fam.parents[0].full}様から、"
                 f"通塾曜日変更のご相談がありました。\n電話番号は {fam.phone} です。折り返しをお願いします。")
            note = "a family's name and phone passed to a colleague"
        case("ok_internal", "ok", s, [o], rng.choice(["共有：", "【社内】", "Fw: "]) + rng.choice(["資料送付", "ご確認ください", "面談準備"]),
             body(s, f"{o.sur[0]}さん", t), f"to {o.email}; {note}", atts=atts)
    # ok_family_own_data
    for i in range(10):
        fam = rng.choice(families)
        p, k = fam.parents[0], kid_of(fam)
        s = cstaff(fam.classroom)
        r = i % 5
        codes = ["pii_in_attachment"]
        if r == 0:
            a = report_card(k, rng.choice(FMT_ATT))
            t = f"{k.given[0]}さんの2学期の成績表をお送りいたします。ご家庭でもご確認ください。"
        elif r == 1:
            a = interview(k, rng.choice(["pdf", "docx"]), care=True)
            codes.append("sensitive_pii")
            t = f"先日の面談の記録をお送りします。{k.given[0]}さんの配慮事項についても記載しております。内容に誤りがあればお知らせください。"
        elif r == 2:
            a = invoice(fam)
            s = hq("経理") if rng.random() < 0.5 else s
            t = "12月分の授業料の請求書を添付いたします。口座振替日は12月27日です。"
        elif r == 3:
            a = moshi_result(k)
            t = f"第3回模試の{k.given[0]}さんの個人成績票が届きましたので、PDFでお送りします。"
        else:
            a = enrol_form(k)
            codes.append("sensitive_pii")
            t = "ご提出いただいた入塾申込書の控えをお送りします。記載内容をご確認ください。"
        case("ok_family_own_data", "ok", s, [p], rng.choice(["送付：", "【みらい学舎】", ""]) + a[0].split("_")[0],
             body(s, sal(p), t), f"{p.email} gets their own child {k.full}'s {a[0].split('_')[0]}", codes, atts=[a])
    # ok_parent_and_own_child
    for i, fam in enumerate(rng.sample(fam_with_hs(), 6)):
        p = fam.parents[0]
        k = next(x for x in fam.kids if x.email)
        s = cstaff(fam.classroom)
        a = report_card(k, "pdf") if i % 2 else moshi_result(k)
        to, cc = ([p], [k]) if i % 3 else ([k], [p])
        case("ok_parent_and_own_child", "ok", s, to, "模試・成績のご報告",
             body(s, f"{p.full} 様\n{k.full}さん", f"{k.given[0]}さんの結果をお送りします。冬期講習の受講科目の相談にお使いください。\n"
                                                   "ご本人にも確認してもらえるよう、同じメールをお送りしています。"),
             f"parent {p.email} and her own child {k.email} (same surname, same family)", ["pii_in_attachment"], cc=cc, atts=[a])
    # ok_same_surname_right_family
    picks = [families[a] for a, _ in PAIRS] + [families[b] for _, b in PAIRS]
    for i, fam in enumerate(picks):
        p, k = fam.parents[0], kid_of(fam)
        s = cstaff(fam.classroom)
        atts, codes = [], []
        if i % 2:
            atts, codes = [report_card(k, rng.choice(FMT_ATT))], ["pii_in_attachment"]
        twin = next(f for f in families if f is not fam and f.classroom == fam.classroom and f.sur == fam.sur)
        case("ok_same_surname_right_family", "ok", s, [p], rng.choice(["振替授業のご案内", "成績表の送付", "冬期講習の時間割"]),
             body(s, f"{p.full} 様（{k.given[0]}さん）", f"{k.given[0]}さんの冬期講習の時間割が確定しました。" +
                  ("成績表も添付いたします。" if atts else "火曜と木曜の19時30分からです。")),
             f"right family {p.email}; another {fam.sur[0]} family ({twin.parents[0].email}) is in the same classroom", codes, atts=atts)
    # ok_notice_bcc
    for i in range(6):
        classroom = CLASSROOMS[i % 4]
        s = cstaff(classroom)
        if i < 5:
            ps = [p for p in parents if p.classroom == classroom and p.email not in FRESH]
            ps = rng.sample(ps, min(len(ps), rng.randint(9, 14)))
            subj, t = rng.choice([("年末年始の休校日について", "12月30日から1月3日までは休校となります。自習室も閉室いたします。"),
                                  ("冬期講習のご案内", "冬期講習の申込締切は12月12日です。受講科目のご相談は教室まで。"),
                                  ("大雪時の授業について", "大雪警報発令時は休講とし、振替授業を実施します。")])
            case("ok_notice_bcc", "ok", s, [s], subj, body(s, "保護者各位", t), f"{len(ps)} parents in Bcc, To is the sender", bcc=ps)
        else:
            ts = [t for t in tutors if t.email not in FRESH]
            case("ok_notice_bcc", "ok", s, [s], "1月シフト希望提出のお願い",
                 body(s, "講師の皆さん", "1月のシフト希望を12月15日までに提出してください。"), f"{len(ts)} tutors in Bcc", bcc=ts)
    # ok_reply_quoting_other_party
    for i in range(7):
        fam = rng.choice(families)
        p, k = fam.parents[0], kid_of(fam)
        s = cstaff(fam.classroom)
        other = rng.choice([f for f in families if f is not fam])
        r = i % 3
        if r == 0:
            q = f"{s.sur[0]}先生\n\nいつもお世話になっております。\n{k.given[0]}の送迎ですが、12月は同じクラスの{other.parents[0].full}さんと交代で行います。\n{p.full}"
            third = other.parents[0].full
        elif r == 1:
            tch = rng.choice(teachers)
            q = f"教室長様\n\n学校の{tch.sur[0]}先生（{tch.org}）から推薦の話がありました。塾でも相談に乗っていただけますか。\n{p.full}"
            third = f"{tch.full} ({tch.org})"
        else:
            q = f"{s.sur[0]}様\n\n{rng.choice(list(VENDORS))}の模試と、学校で受ける模試が重なってしまいました。どちらを優先すべきでしょうか。\n{p.sur[0]}"
            third = "a 模試 company"
        case("ok_reply_quoting_other_party", "ok", s, [p], "Re: ご相談",
             body(s, sal(p), "ご連絡ありがとうございます。承知いたしました。詳しくは次回の面談でご相談させてください。", quoted(p, q, rng.choice([0, 1]))),
             f"reply to {p.email}; {third} named only in the quote")
    # ok_school_own_students
    for i, school in enumerate(["神奈川県立北高等学校", "神奈川県立北陵高等学校", "私立青葉学園高等学校", "みらい市立青葉台中学校", "みらい市立南中学校"]):
        t = next(x for x in teachers if x.org == school and x.email not in FRESH)
        s = hq("教務")
        own = [k for k in students if k.school == school][:6]
        rows = [[k.full, k.kana, k.grade, k.classroom, *scores()] for k in own]
        rows += [[*fake_student(school)[:2], fake_student(school)[4], rng.choice(CLASSROOMS), *scores()] for _ in range(rng.randint(2, 5))]
        h = ["生徒氏名", "フリガナ", "学年", "教室", *SUBJECTS]
        a = (f"{school}_在籍生_模試結果.xlsx", xlsx(f"{school} 在籍生 第3回模試結果（保護者同意済）", h, rows)) if i % 2 else \
            (f"{school}_在籍生_模試結果.pdf", pdf(f"{school} 在籍生 第3回模試結果（保護者同意済）", [" ".join(map(str, r)) for r in rows]))
        case("ok_school_own_students", "ok", s, [t], "進路指導用 模試結果のご送付",
             body(s, sal(t, 0), f"保護者の同意をいただいた{school}の生徒{len(rows)}名分の模試結果をお送りします。\n進路指導にお役立てください。"),
             f"{len(rows)} students of {school} to that school's teacher {t.email} (consent)", ["pii_in_attachment"], atts=[a])
    # ok_list_to_processor
    for i in range(6):
        if i < 3:
            v = vendor("株式会社ペイロールサポート東日本", rng.choice([0, 1, 2]))
            s = hq("経理") if i % 2 else hq("人事")
            h, rows = pay_rows(rng.sample(tutors, rng.randint(12, 20)))
            h, rows = h[:5], [r[:5] for r in rows]
            a = ("勤怠集計_11月.xlsx", xlsx("11月分 講師勤怠集計", h, rows)) if i != 1 else ("勤怠集計_11月.csv", csvb(h, rows, "cp932"))
            t = "11月分の講師勤怠集計をお送りします。給与計算をお願いいたします。"
            what = f"tutor hours to the payroll outsourcer {v.email}"
        else:
            v = vendor(rng.choice(["株式会社全国学力テストセンター", "株式会社進学模試研究所"]), rng.choice([0, 1]))
            s = hq("教務")
            rows = [[*fake_student()[:5], rng.choice(CLASSROOMS)] for _ in range(rng.randint(25, 60))]
            rows = [[r[0], r[1], r[3], r[4], r[5]] for r in rows]
            a = ("模試申込者一覧.xlsx", xlsx("第4回模試 申込者一覧", ["氏名", "フリガナ", "学校", "学年", "受験教室"], rows)) if i != 4 else \
                ("模試申込者一覧.csv", csvb(["氏名", "フリガナ", "学校", "学年", "受験教室"], rows, "utf-8"))
            t = "第4回模試の申込者一覧をお送りします。受験票の作成をお願いいたします。"
            what = f"模試 applicants to the 模試 company {v.email}"
        case("ok_list_to_processor", "ok", s, [v], "データ送付：" + a[0].split(".")[0], body(s, sal(v), t), what,
             ["bulk_pii", "pii_in_attachment"], atts=[a])
    # ok_first_mail_no_data
    for i in range(6):
        if i < 3:
            p = [teachers[2], teachers[8], vendor("株式会社アサヒ教材", 1)][i]
            s = hq("教務")
            t = "このたび担当を引き継ぎました。今後ともよろしくお願いいたします。\n近日中にご挨拶に伺えればと存じます。"
            note = f"first mail to a never-mailed contact {p.email} of a known organisation"
        else:
            org, dom, nm, local = UNKNOWN[i - 3]
            sur, gv = nm.split()
            p = Person((sur, "", ""), (gv, "", ""), f"{local}@{dom}", org, "vendor")
            s = rng.choice([hq("教務"), hq("経理")])
            t = "貴社のオンライン教材について、資料とお見積りをお願いしたく連絡いたしました。\n4教室・生徒数約180名規模での導入を検討しております。"
            note = f"first mail to an unknown company {p.email}, no personal data"
        case("ok_first_mail_no_data", "ok", s, [p], "ご挨拶" if i < 3 else "資料請求のお願い",
             body(s, f"{p.org}\n{p.full} 様" if p.role != "teacher" else sal(p, 2), t), note)
    # ok_tutor_own_data
    for i in range(5):
        t = rng.choice([x for x in tutors if x.email not in FRESH])
        if i % 2 == 0:
            s = hq("経理")
            h, rows = pay_rows([t])
            a = (f"給与明細_{t.sur[0]}{t.given[0]}_11月.pdf", pdf("給与明細（2026年11月分）", [f"{k}：{v}" for k, v in zip(h, rows[0], strict=False)]))
            txt, what = "11月分の給与明細をお送りします。", "own payslip"
        else:
            s = cstaff(t.classroom)
            h, rows = shift_rows([t])
            a = (f"シフト_{t.sur[0]}.xlsx", xlsx(f"{t.full} 冬期講習シフト", h, rows))
            txt, what = "冬期講習中のシフトを添付します。都合が悪い日があれば教えてください。", "own shift"
        case("ok_tutor_own_data", "ok", s, [t], "【みらい学舎】" + ("給与明細" if i % 2 == 0 else "シフト確定"),
             body(s, sal(t), txt), f"tutor {t.email} gets their {what}", ["pii_in_attachment"], atts=[a])


def risky_cases() -> None:
    # reply_all_other_family
    for i in range(7):
        classroom = CLASSROOMS[i % 4]
        fa, fb = rng.sample([f for f in families if f.classroom == classroom and f.parents[0].email not in FRESH], 2)
        pa, pb, ka = fa.parents[0], fb.parents[0], kid_of(fa)
        s = cstaff(classroom)
        care = i % 3 == 0
        orig = (f"{s.sur[0]}先生\n\n振替の件、承知しました。{ka.given[0]}は12月の第2週、" +
                ("通院（心療内科）のため火曜を休ませたいです。" if care else "部活の大会があるので土曜は難しいです。") + f"\n{pa.full}")
        reply = (f"{ka.given[0]}さんの振替は12月17日（木）19時30分からといたします。\n" +
                 ("通院のご事情は担当講師にのみ共有し、座席や課題量も配慮いたします。" if care else
                  f"なお、2学期の数学は{rng.randint(41, 55)}点と伸び悩んでおりますので、冬期講習で集中的に補強しましょう。"))
        codes = ["content_recipient_mismatch", "multiple_external_orgs"] + (["sensitive_pii"] if care else [])
        case("reply_all_other_family", "risky", s, [pa], "Re: 12月の振替授業について", body(s, sal(pa), reply, quoted(pa, orig, 0)),
             f"reply about {ka.full} to {pa.email} keeps another family {pb.email} ({fb.sur[0]}) in Cc from the group thread", codes, cc=[pb])
    # same_surname_other_family: planted pairs plus one more family whose surname recurs elsewhere
    spots = ["to", "to", "to", "to", "to", "cc", "cc", "bcc", "bcc"]
    for i, where in enumerate(spots):
        a, b = PAIRS[i % 4]
        fa, fb = (families[a], families[b]) if i < 4 or i % 2 else (families[b], families[a])
        pa, ka = fa.parents[0], kid_of(fa)
        s = cstaff(fa.classroom)
        wrong = fb.parents[0] if where != "cc" else next((k for k in fb.kids if k.email), fb.parents[0])
        att = [report_card(ka, rng.choice(FMT_ATT))] if i % 2 == 0 else ([interview(ka, "pdf", care=True)] if i == 3 else [])
        codes = ["content_recipient_mismatch", "similar_recipient"]
        if att:
            codes += ["attachment_recipient_mismatch", "pii_in_attachment"] + (["sensitive_pii"] if i == 3 else [])
        if where == "to":
            to, cc, bcc = [wrong], [], []
            desc = "To"
        elif where == "cc":
            own = next((k for k in fa.kids if k.email), None) or (fa.parents[1] if len(fa.parents) > 1 else None)
            to, cc, bcc = [pa], [wrong], []
            desc = f"Cc (meant {own.email if own else 'the own child'})"
            codes.append("multiple_external_orgs")
        else:
            to, cc, bcc = [pa], [], [wrong]
            desc = "Bcc (a copy meant for the same family)"
            codes.append("multiple_external_orgs")
        text = (f"{ka.given[0]}さん（{ka.grade}）の" + ("成績表をお送りします。" if att and i != 3 else "面談記録をお送りします。" if att else
                                                      "冬期講習は英語と数学の2科目を推奨いたします。1月の模試に向けて週2回で組みました。"))
        case("same_surname_other_family", "risky", s, to, f"{ka.given[0]}さんの" + ("成績表" if att else "冬期講習について"),
             body(s, f"{pa.full} 様", text), f"meant {pa.email} ({ka.full}); {desc} is {wrong.email} of the other {fa.sur[0]} family",
             codes, cc=cc, bcc=bcc, atts=att, names={wrong.email: wrong.full})
    # same_surname_other_org
    t_tanaka = next(t for t in tutors if t.sur[0] == "田中")
    t_sato = next(t for t in tutors if t.sur[0] == "佐藤")
    t_nakamura = next(t for t in tutors if t.sur[0] == "中村")
    combos = [
        (families[0].parents[0], teachers[0], "pdf"),              # 佐藤 恵美 parent -> 佐藤 恵美 teacher at 北高
        (families[11].parents[0], vendor("株式会社あさひ印刷", 0), "docx"),     # 田中 智子 parent -> 田中 智子 at あさひ印刷
        (families[22].parents[0], vendor("株式会社全国学力テストセンター", 1), "pdf"),  # 中村 直美 -> 全国学力
        (families[12].parents[0], t_tanaka, "xlsx"),  # parent 田中 (second family) -> tutor 田中
        (families[23].parents[0], t_nakamura, "pdf"),
        (t_sato, families[1].parents[0], "payslip"),              # tutor 佐藤's payslip -> parent 佐藤
        (families[1].parents[0], vendor("株式会社進学模試研究所", 2), "docx"),
    ]
    for meant, wrong, fmt in combos:
        if fmt == "payslip":
            s = hq("経理")
            h, rows = pay_rows([meant])
            a = (f"給与明細_{meant.sur[0]}{meant.given[0]}_11月.pdf", pdf("給与明細（2026年11月分）", [f"{meant.full} 様"] + [f"{k}：{v}" for k, v in zip(h, rows[0], strict=False)]))
            txt, salu = "11月分の給与明細をお送りします。振込は12月25日です。", f"{meant.full}さん"
            what = f"tutor {meant.full}'s payslip"
        else:
            k = kid_of(meant.fam)
            s = cstaff(meant.classroom)
            a = interview(k, "pdf", care=True) if fmt == "pdf" else (enrol_form(k) if fmt == "docx" else report_card(k, "xlsx"))
            txt, salu = f"{k.given[0]}さんの資料をお送りします。ご確認をお願いいたします。", f"{meant.full} 様"
            what = f"{k.full}'s {a[0].split('_')[0]}"
        codes = ["attachment_recipient_mismatch", "content_recipient_mismatch", "pii_in_attachment", "similar_recipient"]
        if fmt in ("pdf", "docx"):
            codes.append("sensitive_pii")
        case("same_surname_other_org", "risky", s, [wrong], "資料送付：" + a[0].split("_")[0], body(s, salu, txt),
             f"meant {meant.email}; autocomplete picked {wrong.email} ({wrong.org}); {what}", codes, atts=[a], names={wrong.email: meant.full})
    # report_to_other_family
    for i in range(7):
        fa, fc = rng.sample(families, 2)
        if i < 3:
            fc = rng.choice([f for f in families if f.classroom == fa.classroom and f is not fa])
        pa, ka, kc = fa.parents[0], kid_of(fa), kid_of(fc)
        s = cstaff(fa.classroom)
        a = [report_card(kc, FMT_ATT[i % 3]), moshi_result(kc), invoice(fc)][i % 3] if i < 6 else \
            ("成績表.zip", zipb([report_card(kc, "pdf")]))
        case("report_to_other_family", "risky", s, [pa], f"{ka.given[0]}さんの書類送付",
             body(s, sal(pa, 0), f"{ka.given[0]}さんの書類を添付いたします。"), f"{pa.email} ({ka.full}'s family) gets the attachment of another family; attachment names {kc.full if i % 3 != 2 or i == 6 else fc.parents[0].full}",
             ["attachment_recipient_mismatch", "pii_in_attachment"], atts=[a])
    # class_list_to_parent
    for i in range(5):
        fam = rng.choice(families)
        p, k = fam.parents[0], kid_of(fam)
        s = cstaff(fam.classroom)
        h, rows = grade_list_rows(fam.classroom, k.grade, rng.randint(20, 38))
        rows.insert(rng.randint(0, len(rows)), [k.full, k.school, *scores()])
        name = f"{fam.classroom}_{k.grade}_成績一覧"
        a = [(name + ".xlsx", xlsx(f"{fam.classroom} {k.grade} 2学期期末 成績一覧", h, rows)), (name + ".csv", csvb(h, rows, "cp932")),
             (name + ".pdf", pdf(f"{fam.classroom} {k.grade} 成績一覧", [" ".join(map(str, r)) for r in rows]))][i % 3]
        case("class_list_to_parent", "risky", s, [p], f"{k.given[0]}さんの成績について",
             body(s, sal(p), f"{k.given[0]}さんの2学期期末テストの結果をお送りします。"), f"{p.email} gets the whole {fam.classroom} {k.grade} list ({len(rows)} students)",
             ["attachment_recipient_mismatch", "bulk_pii", "pii_in_attachment"], atts=[a])
    # bulk_list_external
    targets = [("株式会社アサヒ教材", "xlsx"), ("株式会社オフィスユニ", "csv"), ("税理士法人緑町会計", "docx"),
               ("株式会社全国学力テストセンター", "pdf"), ("株式会社シンガク出版", "zip"), ("株式会社あさひ印刷", "csv")]
    for org, fmt in targets:
        v = vendor(org, 0)
        s = rng.choice([hq("教務"), hq("経理")])
        n = rng.randint(50, 300) if fmt != "docx" and fmt != "pdf" else rng.randint(50, 90)
        h, rows = roster_rows(n)
        if fmt == "xlsx":
            a = ("生徒名簿_2026.xlsx", xlsx("生徒名簿", h, rows))
        elif fmt == "csv":
            a = ("生徒保護者名簿.csv", csvb(h, rows, rng.choice(["utf-8", "cp932"])))
        elif fmt == "docx":
            a = ("在籍生一覧.docx", docx("在籍生一覧", ["2026年12月1日現在"], h, rows))
        elif fmt == "pdf":
            a = ("在籍生一覧.pdf", pdf("在籍生一覧", [" ".join(map(str, r)) for r in rows]))
        else:
            a = ("名簿.zip", zipb([("meibo_2026.csv", csvb(h, rows, "utf-8"))]))
        case("bulk_list_external", "risky", s, [v], rng.choice(["資料送付の件", "Re: お見積りの件", "データのご送付"]),
             body(s, sal(v), rng.choice(["ご依頼の資料を添付いたします。", "先日お話しした件、データを添付します。ご確認ください。"])),
             f"{n}-row student/parent roster ({fmt}) to {v.email} ({org})", ["bulk_pii", "pii_in_attachment"], atts=[a])
    # password_zip_list
    for i in range(5):
        v = rng.choice([v for v in vendors if vkind(v) in ("print", "kyozai", "office", "system", "moshi") and v.email not in FRESH])
        s = rng.choice([hq("教務"), hq("経理")])
        pw = f"Mg{rng.randint(1000, 9999)}{rng.choice(['zk', 'sk', 'kt'])}"
        if i < 3:
            h, rows = roster_rows(rng.randint(60, 250))
            member = ("meibo.csv", csvb(h, rows, "cp932"))
        elif i == 3:
            h, rows = care_rows(rng.randint(25, 40))
            member = ("hairyo.csv", csvb(h, rows, "utf-8"))
        else:
            h, rows = pay_rows(tutors)
            member = ("kyuyo.csv", csvb(h, rows, "utf-8"))
        a = ("送付データ.zip", zip_pw([member], pw))
        case("password_zip_list", "risky", s, [v], "【暗号化ZIP】データ送付",
             body(s, sal(v), "ファイルを暗号化して添付しました。パスワードは別メールでお送りします。"),
             f"{len(rows)} rows ({member[0]}) in a zip to {v.email} (password {pw})", ["bulk_pii", "unscannable_attachment"], atts=[a])
    # my_number_in_body
    for i in range(5):
        v = vendor("株式会社ペイロールサポート東日本", rng.choice([0, 1])) if i < 4 else vendor("社会保険労務士法人みなと", 0)
        s = hq("人事") if i % 2 else hq("経理")
        ts = rng.sample(tutors, [1, 3, 6, 8, 2][i])
        lines = "\n".join(f"{t.full}（{t.classroom}）生年月日 {t.birth} 個人番号 {my_number()}" for t in ts)
        codes = ["sensitive_pii"] + (["bulk_pii"] if len(ts) >= 5 else [])
        case("my_number_in_body", "risky", s, [v], "年末調整 マイナンバーの件",
             body(s, sal(v), f"年末調整の件、未提出だった講師のマイナンバーを以下に記載します。\n\n{lines}\n\n扶養控除等申告書は郵送いたします。"),
             f"{len(ts)} tutors' My Numbers in the body to {v.email}", codes)
    # special_care_external
    care_targets = [("株式会社進学模試研究所", "xlsx"), ("株式会社あさひ印刷", "body"), ("株式会社アサヒ教材", "docx"),
                    ("株式会社スクールクラウド", "csv"), ("株式会社オフィスユニ", "pdf"), ("parent", "body")]
    for org, fmt in care_targets:
        if org == "parent":
            fam = rng.choice(families)
            v = fam.parents[0]
            s = cstaff(fam.classroom)
        else:
            v = vendor(org, 0)
            s = rng.choice(staff)
        h, rows = care_rows(rng.randint(5, 18))
        codes = ["sensitive_pii"]
        atts = []
        if fmt == "body":
            extra = "\n".join(" / ".join(map(str, r)) for r in rows)
            txt = ("冬期講習の配慮事項を下記にまとめました。\n\n" + extra) if org != "parent" else \
                ("冬期講習の教室運営について、配慮が必要な生徒さんの一覧です（講師向け）。\n\n" + extra)
        else:
            codes.append("pii_in_attachment")
            txt = "配慮事項の一覧を添付いたします。"
            atts = [{"xlsx": ("配慮事項一覧.xlsx", xlsx("配慮事項一覧", h, rows)), "docx": ("配慮事項.docx", docx("配慮事項", [], h, rows)),
                     "csv": ("hairyo_list.csv", csvb(h, rows, "cp932")), "pdf": ("配慮事項一覧.pdf", pdf("配慮事項一覧", [" ".join(map(str, r)) for r in rows]))}[fmt]]
        case("special_care_external", "risky", s, [v], "配慮事項の共有", body(s, sal(v), txt),
             f"{len(rows)} students' アレルギー/通院/発達特性 ({fmt}) to {v.email} ({v.org})", codes, atts=atts)
    # notice_open_recipients
    for i in range(6):
        classroom = CLASSROOMS[i % 4]
        s = cstaff(classroom)
        ps = [p for p in parents if p.classroom == classroom]
        ps = rng.sample(ps, min(len(ps), rng.randint(10, 14)))
        if i == 5:
            ps = rng.sample(parents, 28)
        subj, t = rng.choice([("年末年始の休校日について", "年末年始の休校日をお知らせします。12月30日〜1月3日は休校です。"),
                              ("冬期講習 申込締切のお知らせ", "冬期講習の申込締切が近づいております。お早めにお申込みください。"),
                              ("インフルエンザ流行に伴うお願い", "発熱時は無理をせず欠席のご連絡をお願いいたします。振替は随時承ります。")])
        to, cc = (ps, []) if i < 4 else ([s], ps)
        case("notice_open_recipients", "risky", s, to, subj, body(s, "保護者各位", t),
             f"{len(ps)} parents' private addresses in {'To' if i < 4 else 'Cc'} instead of Bcc", ["multiple_external_orgs", "open_recipient_list"], cc=cc)
    # tutor_list_open_recipients
    for i in range(3):
        classroom = CLASSROOMS[i]
        s = cstaff(classroom)
        ts = [t for t in tutors if t.classroom == classroom] + rng.sample([t for t in tutors if t.classroom != classroom], 3 + i)
        h, rows = shift_rows(ts)
        case("tutor_list_open_recipients", "risky", s, ts, "冬期講習シフト（確定版）",
             body(s, "講師各位", "冬期講習のシフトが確定しました。添付をご確認ください。"),
             f"{len(ts)} tutors' personal addresses in To", ["multiple_external_orgs", "open_recipient_list"],
             atts=[("冬期シフト.xlsx", xlsx("冬期講習シフト", h, rows))])
    # lookalike_domain
    looks = [(teachers[1], "kita-hs.example", "klta-hs.example"), (vendor("株式会社ペイロールサポート東日本", 1), "payroll-east.example", "payro11-east.example"),
             (vendor("株式会社全国学力テストセンター", 2), "zengaku-test.example", "zengaku-tset.example"),
             (vendor("株式会社進学模試研究所", 0), "shingaku-moshi.example", "shingaku-rnoshi.example"),
             (vendor("社会保険労務士法人みなと", 1), "minato-sr.example", "minatosr.example"),
             (families[5].parents[0], families[5].parents[0].email.split("@")[1], None)]
    for p, dom, bad in looks:
        if bad is None:
            bad = {"kmail.example": "krnail.example", "famimail.test": "famimai1.test", "mobimail.example.com": "mobimall.example.com",
                   "pmail.test": "prnail.test", "skynet-mail.example": "skynetmail.example"}[dom]
        wrong = Person(p.sur, p.given, p.email.split("@")[0] + "@" + bad, p.org, p.role, p.classroom, p.fam)
        s = cstaff(p.classroom) if p.role == "parent" else (hq("人事") if vkind(p) in ("payroll", "sr") else hq("教務"))
        atts, codes = [], ["lookalike_domain"]
        if p.role == "parent":
            atts, codes = [invoice(p.fam)], [*codes, "pii_in_attachment"]
        elif vkind(p) == "payroll":
            h, rows = pay_rows(rng.sample(tutors, 10))
            atts, codes = [("支給データ_12月.xlsx", xlsx("12月分 支給データ", h, rows))], [*codes, "bulk_pii", "pii_in_attachment"]
        case("lookalike_domain", "risky", s, [wrong], "Re: " + rng.choice(["資料のご送付", "ご確認のお願い", "12月分の件"]),
             body(s, sal(p), "お問い合わせの件、下記のとおりご回答いたします。" + ("\n添付をご確認ください。" if atts else "")),
             f"{p.email} written as {wrong.email} (one change in the domain)", codes, atts=atts, names={wrong.email: p.full})
    # first_time_unknown_company
    for i in range(5):
        org, dom, nm, local = UNKNOWN[i % 3]
        sur, gv = nm.split()
        p = Person((sur, "", ""), (gv, "", ""), f"{local}@{dom}" if i < 3 else f"info@{dom}", org, "vendor")
        s = rng.choice([hq("教務"), cstaff(CLASSROOMS[i % 4])])
        if i % 2 == 0:
            h, rows = roster_rows(rng.randint(30, 120))
            a = ("生徒データ_サンプル.xlsx", xlsx("生徒データ", h, rows))
            codes = ["bulk_pii", "first_time_recipient", "pii_in_attachment"]
        else:
            k = rng.choice(students)
            a = report_card(k, "pdf")
            codes = ["first_time_recipient", "pii_in_attachment"]
        case("first_time_unknown_company", "risky", s, [p], "導入検討用データ",
             body(s, f"{org}\n{nm} 様" if i < 3 else f"{org} ご担当者様", "導入検討のため、実データを添付いたします。分析結果のご提案をお待ちしております。"),
             f"first mail to an unknown company {p.email} with student data", codes, atts=[a])
    # tutor_pay_to_wrong_person
    for i in range(4):
        t = rng.choice([x for x in tutors if x.email not in FRESH])
        s = hq("経理")
        if i < 2:
            h, rows = pay_rows([*rng.sample([x for x in tutors if x is not t], 10), t])
            a = ("講師支給一覧_11月.xlsx", xlsx("11月分 講師支給一覧", h, rows))
            codes, what = ["attachment_recipient_mismatch", "bulk_pii", "pii_in_attachment"], "the whole pay list (11 tutors)"
        else:
            o = rng.choice([x for x in tutors if x is not t and x.classroom == t.classroom])
            h, rows = pay_rows([o])
            a = (f"給与明細_{o.sur[0]}{o.given[0]}_11月.pdf", pdf("給与明細（2026年11月分）", [f"{o.full} 様"] + [f"{k}：{v}" for k, v in zip(h, rows[0], strict=False)]))
            codes, what = ["attachment_recipient_mismatch", "pii_in_attachment"], f"{o.full}'s payslip"
        case("tutor_pay_to_wrong_person", "risky", s, [t], "【みらい学舎】給与明細",
             body(s, sal(t), "11月分の給与明細をお送りします。"), f"tutor {t.email} gets {what}", codes, atts=[a])
    # forward_to_wrong_namesake: an internal colleague meant, the external twin picked
    pairs = [(staff[3], vendor("株式会社全国学力テストセンター", 0)), (staff[3], vendor("株式会社全国学力テストセンター", 0)),
             (staff[1], vendor("株式会社ペイロールサポート東日本", 0)), (staff[1], vendor("株式会社ペイロールサポート東日本", 0))]
    for meant, wrong in pairs:
        fam = rng.choice(families)
        p, k = fam.parents[0], kid_of(fam)
        s = cstaff(fam.classroom)
        k2, v2 = rng.choice(CARE)
        orig = (f"教室長様\n\n{k.given[0]}のことでご相談です。{v2}。\nそのため1月から通塾回数を減らしたく、月謝の変更も可能でしょうか。\n{p.full}\n{fam.phone}")
        case("forward_to_wrong_namesake", "risky", s, [wrong], "Fw: ご相談",
             body(s, f"{meant.sur[0]}さん", "保護者からの相談を転送します。月謝の変更と配慮の件、対応をご相談させてください。", quoted(p, orig, 2)),
             f"meant internal {meant.email}; sent to {wrong.email} ({wrong.org}), same name; forwarded parent mail with {k2}",
             ["content_recipient_mismatch", "sensitive_pii", "similar_recipient"], names={wrong.email: meant.full},
             tone="staff")
    # school_list_wrong_school
    swaps = [("神奈川県立北高等学校", "神奈川県立北陵高等学校"), ("神奈川県立北陵高等学校", "神奈川県立北高等学校"),
             ("私立青葉学園高等学校", "みらい市立青葉台中学校"), ("みらい市立南中学校", "みらい市立青葉台中学校")]
    for meant_school, list_school in swaps:
        t = next(x for x in teachers if x.org == meant_school and x.email not in FRESH)
        s = hq("教務")
        own = [k for k in students if k.school == list_school][:5]
        rows = [[k.full, k.kana, k.grade, k.classroom, *scores()] for k in own]
        rows += [[*fake_student(list_school)[:2], fake_student(list_school)[4], rng.choice(CLASSROOMS), *scores()] for _ in range(3)]
        a = (f"{list_school}_在籍生_模試結果.xlsx", xlsx(f"{list_school} 在籍生 第3回模試結果（保護者同意済）", ["生徒氏名", "フリガナ", "学年", "教室", *SUBJECTS], rows))
        case("school_list_wrong_school", "risky", s, [t], "進路指導用 模試結果のご送付",
             body(s, sal(t, 0), f"保護者の同意をいただいた貴校の生徒{len(rows)}名分の模試結果をお送りします。"),
             f"{t.email} ({meant_school}) gets the list of another school; attachment names {list_school}",
             ["attachment_recipient_mismatch", "pii_in_attachment"], atts=[a])


# ---------------------------------------------------------------- main
def fmt_for(i: int) -> str:
    return rng.choices(["plain", "alt", "jis", "sjis", "html"], [52, 13, 16, 8, 11])[0]


def encodable(c: dict, enc: str) -> bool:
    try:
        for x in [c["text"], c["subject"]] + [p.full for p in c["to"] + c["cc"] + c["bcc"] + [c["snd"]]] + [a[0] for a in c["atts"]]:
            x.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def main() -> None:
    random.seed(SEED)  # MIME boundaries come from the random module
    (OUT / "mamori.toml").write_text(f'[organization]\nname = "{COMPANY}"\ninternal_domains = ["{DOMAIN}"]\n', encoding="utf-8")
    with open(OUT / "contacts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kana", "email", "organization"])
        for p in staff + externals:
            w.writerow([p.full, p.kana, p.email, p.org])
    past = write_history()
    ok_cases()
    risky_cases()
    rng.shuffle(CASES)
    mdir = OUT / "messages"
    if mdir.exists():
        shutil.rmtree(mdir)
    mdir.mkdir()
    days = [d for d in range(1, 19) if dt.date(2026, 12, d).weekday() != 6]
    labels = []
    for n, c in enumerate(CASES, 1):
        fmt = c["fmt"] or fmt_for(n)
        if fmt in ("jis", "sjis") and not encodable(c, "iso-2022-jp" if fmt == "jis" else "shift_jis"):
            fmt = "plain"
        date = dt.datetime(2026, 12, days[(n * 7) % len(days)], rng.randint(10, 21), rng.randint(0, 59), tzinfo=JST)
        data = build(n, c["snd"], c["to"], c["cc"], c["bcc"], c["subject"], c["text"], c["atts"], fmt, date, c["names"])
        name = f"messages/{n:04d}.eml"
        (OUT / name).write_bytes(data)
        rcpts = [p.email for p in c["to"] + c["cc"] + c["bcc"]]
        ext = [a for a in rcpts if not a.endswith("@" + DOMAIN)]
        codes = set(c["codes"])
        if c["expected"] == "ok" and ext:
            codes.add("external_recipient")
        if any(a not in past.get(c["snd"].email, set()) for a in ext):
            codes.add("first_time_recipient")
        labels.append({"file": name, "expected": c["expected"], "codes": sorted(codes), "kind": c["kind"], "note": c["note"]})
    with open(OUT / "labels.jsonl", "w", encoding="utf-8") as f:
        for lb in labels:
            f.write(json.dumps(lb, ensure_ascii=False) + "\n")
    from collections import Counter

    print(len(labels), Counter(lb["expected"] for lb in labels))


if __name__ == "__main__":
    main()
