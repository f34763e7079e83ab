#!/usr/bin/env python3
"""misdelivery9: labelled outgoing mail of a staffing / recruiting company (人材派遣・人材紹介) for the 誤送信 guard.

Writes, beside this file: mamori.toml, contacts.csv, history.jsonl, messages/NNNN.eml, labels.jsonl.
Deterministic content (random.Random(SEED)); attachment bytes carry timestamps. Own name pools (no Faker).

    /work/main/.venv/bin/python generate.py      # needs openpyxl, python-docx, reportlab; `zip` on PATH
"""
# ruff: noqa: E501, RUF005
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
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr, make_msgid

SEED = 9109
OUT = os.path.dirname(os.path.abspath(__file__))
JST = dt.timezone(dt.timedelta(hours=9))
R = random.Random(SEED)

ORG_NAME = "株式会社ソレイユ人材センター"
ORG_SHORT = "ソレイユ人材センター"
ORG_DOMAIN = "soleil-jinzai.example"
ORG_TEL = "045-478-2210"
ORG_LICENSE = "派14-301877 / 14-ユ-301452"

# ------------------------------------------------------------------ name pools (kanji, kana, romaji)
COMMON = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("伊藤", "イトウ", "ito"), ("木村", "キムラ", "kimura"),
          ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"), ("斎藤", "サイトウ", "saito"),
          ("山口", "ヤマグチ", "yamaguchi")]
SURNAMES = COMMON + [
    ("石川", "イシカワ", "ishikawa"), ("岡田", "オカダ", "okada"), ("前田", "マエダ", "maeda"), ("藤井", "フジイ", "fujii"),
    ("長谷川", "ハセガワ", "hasegawa"), ("村上", "ムラカミ", "murakami"), ("近藤", "コンドウ", "kondo"),
    ("坂本", "サカモト", "sakamoto"), ("遠藤", "エンドウ", "endo"), ("青木", "アオキ", "aoki"), ("西村", "ニシムラ", "nishimura"),
    ("福田", "フクダ", "fukuda"), ("太田", "オオタ", "ota"), ("三浦", "ミウラ", "miura"), ("藤原", "フジワラ", "fujiwara"),
    ("岡本", "オカモト", "okamoto"), ("松田", "マツダ", "matsuda"), ("中川", "ナカガワ", "nakagawa"), ("中野", "ナカノ", "nakano"),
    ("原田", "ハラダ", "harada"), ("小野", "オノ", "ono"), ("田村", "タムラ", "tamura"), ("竹内", "タケウチ", "takeuchi"),
    ("金子", "カネコ", "kaneko"), ("和田", "ワダ", "wada"), ("中山", "ナカヤマ", "nakayama"), ("石田", "イシダ", "ishida"),
    ("上田", "ウエダ", "ueda"), ("森田", "モリタ", "morita"), ("柴田", "シバタ", "shibata"), ("酒井", "サカイ", "sakai"),
    ("工藤", "クドウ", "kudo"), ("横山", "ヨコヤマ", "yokoyama"), ("宮崎", "ミヤザキ", "miyazaki"), ("宮本", "ミヤモト", "miyamoto"),
    ("内田", "ウチダ", "uchida"), ("高木", "タカギ", "takagi"), ("安藤", "アンドウ", "ando"), ("谷口", "タニグチ", "taniguchi"),
    ("大野", "オオノ", "ohno"), ("丸山", "マルヤマ", "maruyama"), ("今井", "イマイ", "imai"), ("河野", "コウノ", "kono"),
    ("藤田", "フジタ", "fujita"), ("小松", "コマツ", "komatsu"), ("野口", "ノグチ", "noguchi"), ("菅原", "スガワラ", "sugawara"),
    ("千葉", "チバ", "chiba"), ("久保", "クボ", "kubo"), ("松井", "マツイ", "matsui"), ("岩崎", "イワサキ", "iwasaki"),
    ("桑原", "クワハラ", "kuwahara"), ("杉山", "スギヤマ", "sugiyama"), ("平野", "ヒラノ", "hirano"), ("大塚", "オオツカ", "otsuka"),
    ("堀", "ホリ", "hori"), ("吉川", "ヨシカワ", "yoshikawa"), ("片山", "カタヤマ", "katayama"), ("榎本", "エノモト", "enomoto"),
    ("須藤", "スドウ", "sudo"), ("秋山", "アキヤマ", "akiyama")]
GIVEN = [("美咲", "ミサキ", "misaki"), ("陽菜", "ヒナ", "hina"), ("彩", "アヤ", "aya"), ("真由美", "マユミ", "mayumi"),
         ("恵", "メグミ", "megumi"), ("裕子", "ユウコ", "yuko"), ("奈々", "ナナ", "nana"), ("千尋", "チヒロ", "chihiro"),
         ("麻衣", "マイ", "mai"), ("香織", "カオリ", "kaori"), ("由美", "ユミ", "yumi"), ("智子", "トモコ", "tomoko"),
         ("明日香", "アスカ", "asuka"), ("沙織", "サオリ", "saori"), ("亜美", "アミ", "ami"), ("理恵", "リエ", "rie"),
         ("早紀", "サキ", "saki"), ("瞳", "ヒトミ", "hitomi"), ("友美", "トモミ", "tomomi"), ("綾乃", "アヤノ", "ayano"),
         ("春香", "ハルカ", "haruka"), ("玲奈", "レイナ", "reina"), ("大輔", "ダイスケ", "daisuke"), ("翔太", "ショウタ", "shota"),
         ("健太", "ケンタ", "kenta"), ("拓也", "タクヤ", "takuya"), ("直樹", "ナオキ", "naoki"), ("和也", "カズヤ", "kazuya"),
         ("亮", "リョウ", "ryo"), ("誠", "マコト", "makoto"), ("浩二", "コウジ", "koji"), ("隆", "タカシ", "takashi"),
         ("剛", "ツヨシ", "tsuyoshi"), ("大樹", "ダイキ", "daiki"), ("悠斗", "ユウト", "yuto"), ("智也", "トモヤ", "tomoya"),
         ("修", "オサム", "osamu"), ("勇気", "ユウキ", "yuki"), ("雄一", "ユウイチ", "yuichi"), ("慎也", "シンヤ", "shinya"),
         ("賢治", "ケンジ", "kenji"), ("将大", "マサヒロ", "masahiro"), ("駿", "シュン", "shun"), ("康平", "コウヘイ", "kohei"),
         ("達也", "タツヤ", "tatsuya"), ("圭", "ケイ", "kei")]
FOREIGN = [("NGUYEN VAN AN", "グエン ヴァン アン", "VIET NAM"), ("TRAN THI HOA", "チャン ティ ホア", "VIET NAM"),
           ("PHAM MINH DUC", "ファム ミン ドゥック", "VIET NAM"), ("SANTOS MARIA CRISTINA", "サントス マリア クリスティーナ", "PHILIPPINES"),
           ("REYES JOHN PAUL", "レイエス ジョン ポール", "PHILIPPINES"), ("GURUNG BIKASH", "グルン ビカシュ", "NEPAL"),
           ("LI MEI", "リ メイ", "CHINA"), ("SILVA ANA PAULA", "シルバ アナ パウラ", "BRAZIL")]
STATUS = ["Specified Skilled Worker (i)", "Engineer/Specialist in Humanities/International Services", "Permanent Resident",
          "Long Term Resident", "Spouse or Child of Japanese National", "Designated Activities"]
FREEMAIL = ["kmail.example", "webpost.test", "freebox.example.com", "mobimail.test", "postnet.example", "cmail.example.com"]
PLACES = [("神奈川県横浜市港北区", "新横浜"), ("神奈川県横浜市鶴見区", "豊岡町"), ("神奈川県川崎市中原区", "小杉町"),
          ("神奈川県相模原市中央区", "相模原"), ("神奈川県厚木市", "旭町"), ("神奈川県大和市", "中央林間"), ("東京都大田区", "蒲田"),
          ("東京都町田市", "原町田"), ("東京都八王子市", "明神町"), ("千葉県船橋市", "本町"), ("埼玉県川口市", "栄町"),
          ("神奈川県藤沢市", "鵠沼石上"), ("神奈川県平塚市", "紅谷町"), ("東京都世田谷区", "太子堂")]
STATIONS = ["新横浜", "菊名", "武蔵小杉", "相模大野", "本厚木", "町田", "蒲田", "海老名", "藤沢", "平塚", "川崎", "橋本"]
JOBS = ["製造ライン作業", "検査・検品", "フォークリフト", "ピッキング", "一般事務", "経理事務", "コールセンター", "受付",
        "CADオペレーター", "データ入力", "営業事務", "軽作業（梱包）", "倉庫管理", "介護補助"]


class Org:
    def __init__(self, **k):
        self.__dict__.update(k)
        self.people: list[Person] = []


class Person:
    def __init__(self, **k):
        self.__dict__.update(k)

    @property
    def name(self) -> str:
        return self.fullname if getattr(self, "fullname", None) else f"{self.last} {self.first}"


def pick_sur(p_common: float = 0.4):
    return R.choice(COMMON) if R.random() < p_common else R.choice(SURNAMES)


# ------------------------------------------------------------------ organisations
CLIENT_DEF = [  # name, short, domain, depts
    ("東和精機株式会社", "東和精機", "towa-seiki.example", "fmt_f.last"),
    ("東和ロジスティクス株式会社", "東和ロジスティクス", "towa-logi.example", "fmt_last.f"),
    ("株式会社丸菱フーズ", "丸菱フーズ", "marubishi-foods.example", "fmt_f.last"),
    ("丸菱商事株式会社", "丸菱商事", "marubishi.test", "fmt_lastf"),
    ("北星電子株式会社", "北星電子", "hokusei-denshi.example.com", "fmt_first_last"),
    ("株式会社北星システムズ", "北星システムズ", "hokusei-sys.example", "fmt_f.last"),
    ("大栄建設株式会社", "大栄建設", "daiei-kensetsu.example", "fmt_last-first"),
    ("株式会社大栄ハウジング", "大栄ハウジング", "daiei-housing.test", "fmt_f.last"),
    ("三光化成株式会社", "三光化成", "sanko-kasei.example", "fmt_lastf"),
    ("日向製菓株式会社", "日向製菓", "hinata-seika.example", "fmt_last.f"),
    ("青嵐物産株式会社", "青嵐物産", "seiran-bussan.example.com", "fmt_f.last"),
    ("相模パッケージ株式会社", "相模パッケージ", "sagami-pkg.example", "fmt_first_last"),
    ("株式会社湘南コールセンター", "湘南コールセンター", "shonan-cc.test", "fmt_f.last"),
    ("港北メディカル株式会社", "港北メディカル", "kohoku-medical.example", "fmt_last.f"),
    ("株式会社ミツボシ電機", "ミツボシ電機", "mitsuboshi-denki.example", "fmt_lastf"),
    ("株式会社あかつき印刷", "あかつき印刷", "akatsuki-print.example", "fmt_f.last"),
    ("緑川工業株式会社", "緑川工業", "midorikawa-kogyo.test", "fmt_last-first"),
    ("株式会社ベイサイドホテル横浜", "ベイサイドホテル横浜", "bayside-hotel-yokohama.example", "fmt_first_last"),
    ("かもめ運輸株式会社", "かもめ運輸", "kamome-unyu.example", "fmt_f.last"),
    ("株式会社テクノフォース", "テクノフォース", "technoforce.example.com", "fmt_f.last"),
    ("扇町ゴム工業株式会社", "扇町ゴム工業", "ogimachi-gomu.example", "fmt_lastf"),
    ("株式会社リーフ薬局", "リーフ薬局", "leaf-pharmacy.test", "fmt_last.f"),
    ("サンライズ食品株式会社", "サンライズ食品", "sunrise-foods.example", "fmt_f.last"),
    ("株式会社ヨコハマ部品センター", "ヨコハマ部品センター", "yokohama-buhin.example", "fmt_first_last"),
]
SCHOOL_DEF = [("湘南国際大学", "湘南国際大学", "shonan-kokusai-u.example", "キャリアセンター"),
              ("城北工業大学", "城北工業大学", "johoku-tech.ac.example", "就職支援課"),
              ("東都ビジネス専門学校", "東都ビジネス専門学校", "toto-business.test", "就職課"),
              ("神奈川県立みなと高等学校", "みなと高校", "minato-hs.example", "進路指導部"),
              ("関東福祉専門学校", "関東福祉専門学校", "kanto-fukushi.example", "キャリア支援室")]
PARTNER_DEF = [("株式会社ワークブリッジ", "ワークブリッジ", "workbridge.example", "agency", "営業部"),
               ("株式会社ジョブライン関西", "ジョブライン関西", "jobline-kansai.test", "agency", "業務推進部"),
               ("社会保険労務士法人はるかぜ", "はるかぜ社労士法人", "harukaze-sr.example", "sr", "手続部"),
               ("医療法人健生会 健診プラザ新横浜", "健診プラザ新横浜", "kensei-kenshin.example", "clinic", "健診受付"),
               ("株式会社ペイロールワン", "ペイロールワン", "payroll-one.example.com", "payroll", "給与計算部"),
               ("一般社団法人アジア人材支援協会", "アジア人材支援協会", "asia-jinzai.test", "support", "支援部"),
               ("株式会社フロンティア求人広告", "フロンティア求人広告", "frontier-ad.example", "ads", "営業部")]
HR_DEPTS = ["人事部", "人事部 採用課", "総務部", "総務人事課", "管理部", "製造部（派遣先責任者）", "物流センター", "経理部"]
ORGS: list[Org] = []
PEOPLE: list[Person] = []
EMAILS: set[str] = set()


def lp_for(fmt: str, lr: str, fr: str) -> str:
    return {"fmt_f.last": f"{fr[0]}.{lr}", "fmt_last.f": f"{lr}.{fr[0]}", "fmt_lastf": f"{lr}{fr[0]}",
            "fmt_first_last": f"{fr}_{lr}", "fmt_last-first": f"{lr}-{fr}"}[fmt]


def add_person(org: Org, sur, giv, dept: str, lp: str | None = None, role: str = "hr") -> Person:
    lp = lp or lp_for(org.fmt, sur[2], giv[2])
    base, n = lp, 1
    while f"{lp}@{org.domain}" in EMAILS:
        n += 1
        lp = f"{base}{n}"
    p = Person(last=sur[0], first=giv[0], lk=sur[1], fk=giv[1], lr=sur[2], fr=giv[2], email=f"{lp}@{org.domain}",
               org=org, dept=dept, role=role)
    EMAILS.add(p.email)
    org.people.append(p)
    PEOPLE.append(p)
    return p


for nm, sh, dom, fmt in CLIENT_DEF:
    o = Org(name=nm, short=sh, domain=dom, kind="client", fmt=fmt)
    ORGS.append(o)
    for d in R.sample(HR_DEPTS, R.choice([3, 4, 4, 5])):
        add_person(o, pick_sur(), R.choice(GIVEN), d)
for nm, sh, dom, dept in SCHOOL_DEF:
    o = Org(name=nm, short=sh, domain=dom, kind="school", fmt=R.choice(["fmt_f.last", "fmt_lastf"]), sub=dept)
    ORGS.append(o)
    for _ in range(R.choice([2, 3])):
        add_person(o, pick_sur(), R.choice(GIVEN), dept)
for nm, sh, dom, sub, dept in PARTNER_DEF:
    o = Org(name=nm, short=sh, domain=dom, kind="partner", fmt=R.choice(["fmt_f.last", "fmt_last.f"]), sub=sub)
    ORGS.append(o)
    for _ in range(R.choice([2, 3, 3])):
        add_person(o, pick_sur(), R.choice(GIVEN), dept)
CLIENTS = [o for o in ORGS if o.kind == "client"]
SCHOOLS = [o for o in ORGS if o.kind == "school"]
PARTNERS = [o for o in ORGS if o.kind == "partner"]
PBY = {o.sub: o for o in PARTNERS}

# planted twins at clients: same full name (often the same local part) at another client
for p in R.sample([p for p in PEOPLE if p.org.kind == "client" and (p.last, p.lk, p.lr) in COMMON], 8):
    other = R.choice([c for c in CLIENTS if c is not p.org])
    add_person(other, (p.last, p.lk, p.lr), (p.first, p.fk, p.fr), R.choice(HR_DEPTS),
               lp=p.email.split("@")[0] if R.random() < 0.6 else None)

INDIV: list[Person] = []
_reg = iter(R.sample(range(10200, 19999), 200))


def add_individual(role: str, sur=None, giv=None, foreign=None) -> Person:
    reg = next(_reg)
    label = {"candidate": "求職者", "staff": "派遣スタッフ", "student": "新卒応募者"}[role]
    dom = R.choice(FREEMAIL)
    if foreign:
        roman, kana, nat = foreign
        parts = roman.lower().split()
        lp = f"{parts[-1]}.{parts[0]}{R.randint(1, 99)}"
        o = Org(name=f"個人（{label} No.{reg}）", short="", domain=dom, kind="person", fmt="")
        p = Person(last=kana.split()[0], first=" ".join(kana.split()[1:]), lk=kana.split()[0], fk="", lr=parts[0],
                   fr=parts[-1], fullname=kana, roman=roman, nat=nat, email=f"{lp}@{dom}", org=o, dept="", role=role,
                   reg=reg)
    else:
        sur, giv = sur or pick_sur(0.45), giv or R.choice(GIVEN)
        lp = R.choice([f"{giv[2]}.{sur[2]}{R.randint(1, 99)}", f"{sur[2]}{giv[2][0]}{R.randint(10, 99)}",
                       f"{giv[2]}{R.choice(['', '_'])}{R.randint(1985, 2005)}", f"{giv[2][:3]}{sur[2][:4]}{R.randint(1, 9)}"])
        o = Org(name=f"個人（{label} No.{reg}）", short="", domain=dom, kind="person", fmt="")
        p = Person(last=sur[0], first=giv[0], lk=sur[1], fk=giv[1], lr=sur[2], fr=giv[2], email=f"{lp}@{dom}",
                   org=o, dept="", role=role, reg=reg)
    while p.email in EMAILS:
        p.email = p.email.replace("@", "x@")
    EMAILS.add(p.email)
    o.people.append(p)
    PEOPLE.append(p)
    INDIV.append(p)
    return p


for _ in range(24):
    add_individual("candidate")
for _ in range(24):
    add_individual("staff")
for _ in range(6):
    add_individual("student")
for f in FOREIGN:
    add_individual("staff", foreign=f)
# individuals with the same full name (different free-mail)
for p in R.sample([p for p in INDIV if not hasattr(p, "roman")], 5):
    add_individual(R.choice(["candidate", "staff"]), (p.last, p.lk, p.lr), (p.first, p.fk, p.fr))
# individuals sharing a full name with a client contact
for p in R.sample([p for p in PEOPLE if p.org.kind == "client"], 4):
    add_individual("candidate", (p.last, p.lk, p.lr), (p.first, p.fk, p.fr))
STAFF = [p for p in INDIV if p.role == "staff"]
CANDS = [p for p in INDIV if p.role in ("candidate", "student")]
FOREIGN_STAFF = [p for p in INDIV if hasattr(p, "roman")]

# ------------------------------------------------------------------ internal senders
SENDER_DEPTS = ["派遣営業部"] * 6 + ["コーディネート課"] * 4 + ["人材紹介部"] * 3 + ["新卒支援室"] + ["給与・勤怠管理課"] * 2 + \
               ["総務人事部"] * 2
SENDERS: list[Person] = []
for i, d in enumerate(SENDER_DEPTS):
    sur = COMMON[0] if i == 3 else COMMON[3] if i == 8 else pick_sur(0.25)
    giv = R.choice(GIVEN)
    lp = f"{giv[2][0]}.{sur[2]}"
    while f"{lp}@{ORG_DOMAIN}" in EMAILS:
        lp = f"{giv[2]}.{sur[2]}"
        if f"{lp}@{ORG_DOMAIN}" in EMAILS:
            lp += str(i)
    EMAILS.add(f"{lp}@{ORG_DOMAIN}")
    SENDERS.append(Person(last=sur[0], first=giv[0], lk=sur[1], fk=giv[1], lr=sur[2], fr=giv[2],
                          email=f"{lp}@{ORG_DOMAIN}", org=None, dept=d, orgs=[], indiv=[]))
_cl = CLIENTS[:]
R.shuffle(_cl)
_st = [p for p in INDIV if p.role == "staff"]
_ca = [p for p in INDIV if p.role == "candidate"]
R.shuffle(_st)
R.shuffle(_ca)
for i, s in enumerate(SENDERS):
    if s.dept == "派遣営業部":
        s.orgs = [_cl[(i * 4 + k) % len(_cl)] for k in range(4)]
        s.indiv = _st[i * 2:i * 2 + 2]
    elif s.dept == "コーディネート課":
        j = i - 6
        s.orgs = R.sample(CLIENTS, 2)
        s.indiv = _st[12 + j * 5: 17 + j * 5] + _ca[j * 3: j * 3 + 3]
    elif s.dept == "人材紹介部":
        j = i - 10
        s.orgs = R.sample(CLIENTS, 3)
        s.indiv = _ca[12 + j * 5: 17 + j * 5]
    elif s.dept == "新卒支援室":
        s.orgs = SCHOOLS[:]
        s.indiv = [p for p in INDIV if p.role == "student"]
    elif s.dept == "給与・勤怠管理課":
        s.orgs = [PBY["payroll"], PBY["sr"], PBY["clinic"]] + R.sample(CLIENTS, 2)
        s.indiv = R.sample(STAFF, 10)
    else:
        s.orgs = [PBY["agency"], PARTNERS[1], PBY["support"], PBY["ads"], PBY["sr"]]
        s.indiv = R.sample(FOREIGN_STAFF, 4)
for c in CLIENTS:  # every client has an owner
    if not any(c in s.orgs for s in SENDERS):
        R.choice(SENDERS[:6]).orgs.append(c)
left = [p for p in INDIV if not any(p in s.indiv for s in SENDERS)]
for p in left:
    R.choice(SENDERS[6:13]).indiv.append(p)
NEVER = {p.email for p in R.sample([p for p in PEOPLE if p.org.kind != "person" and len(p.org.people) >= 3], 16)}
NEVER |= {p.email for p in R.sample(INDIV, 6)}

# ------------------------------------------------------------------ history
H_CLIENT = ["【ご提案】{job}スタッフのご紹介", "{m}月度 勤怠のご確認", "派遣契約更新のご案内", "Re: 増員のご相談", "{m}月分 ご請求書",
            "就業状況のご報告", "RE: 職場見学の日程", "個別契約書（{m}月更新分）", "抵触日のお知らせ", "ご面談のお礼",
            "Re: Re: シフトの件", "求人票のご確認"]
H_INDIV = ["お仕事のご紹介（{job}）", "Re: 面談日程のご連絡", "{m}月分 給与明細について", "就業開始のご案内", "Re: 勤怠の修正",
           "有給休暇の申請について", "雇用契約更新のご確認", "Re: 書類のご提出"]
H_SCHOOL = ["求人票送付のご案内", "学内説明会の件", "Re: 学生の応募について", "インターンシップのご案内"]
H_PARTNER = ["{m}月分 給与データの件", "社会保険手続きの件", "健康診断の予約について", "Re: 求人広告の掲載", "Re: 支援計画の件",
             "協業案件のご相談"]
H_INT = ["週次ミーティング資料", "【共有】{co}様 案件状況", "Re: 稼働状況", "経費精算の件", "Re: 面談枠の調整"]


def rand_day(start: dt.datetime, days: int) -> dt.datetime:
    while True:
        d = start + dt.timedelta(days=R.randrange(days))
        if d.weekday() < 5:
            return d.replace(hour=R.choice([8, 9, 9, 10, 11, 11, 13, 14, 15, 16, 17, 18, 19, 20]), minute=R.randrange(60))


def build_history() -> list[dict]:
    rows = []
    start = dt.datetime(2025, 12, 1, tzinfo=JST)
    while len(rows) < 3000:
        s = R.choice(SENDERS)
        when = rand_day(start, 365)
        x = R.random()
        job, m = R.choice(JOBS), when.month
        to, cc = [], []
        if x < 0.5 and s.orgs:
            o = R.choice(s.orgs)
            ppl = [p for p in o.people if p.email not in NEVER] or o.people[:1]
            to = [R.choice(ppl).email]
            if R.random() < 0.2:
                cc.append(R.choice(ppl).email)
            if R.random() < 0.2:
                cc.append(R.choice([t for t in SENDERS if t is not s]).email)
            pool = H_CLIENT if o.kind == "client" else H_SCHOOL if o.kind == "school" else H_PARTNER
            subj = R.choice(pool).format(job=job, m=m)
        elif x < 0.82 and s.indiv:
            ppl = [p for p in s.indiv if p.email not in NEVER] or s.indiv
            to = [R.choice(ppl).email]
            subj = R.choice(H_INDIV).format(job=job, m=m)
        elif x < 0.94:
            to = [t.email for t in R.sample([t for t in SENDERS if t is not s], R.choice([1, 1, 2]))]
            subj = R.choice(H_INT).format(co=R.choice(CLIENTS).short)
        else:
            p = R.choice([p for p in PEOPLE if p.email not in NEVER])
            to = [p.email]
            subj = R.choice(H_CLIENT if p.org.kind == "client" else H_INDIV).format(job=job, m=m)
        cc = [c for c in dict.fromkeys(cc) if c not in to]
        rows.append({"date": when.isoformat(), "from": s.email, "to": to, "cc": cc, "subject": subj})
    rows.sort(key=lambda r: r["date"])
    return rows


HIST = build_history()
SENT: dict[str, set[str]] = defaultdict(set)
EVER: set[str] = set()
for r in HIST:
    for a in r["to"] + r["cc"]:
        SENT[r["from"]].add(a)
        EVER.add(a)


def known(s: Person, p: Person) -> bool:
    return p.email in SENT[s.email]


def ext_codes(s: Person, ppl) -> list[str]:
    c = ["external_recipient"]
    if any(p.email not in SENT[s.email] for p in ppl):
        c.append("first_time_recipient")
    return c


# ------------------------------------------------------------------ personal data helpers
def mobile() -> str:
    return f"0{R.choice([7, 8, 9])}0-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}"


def address() -> tuple[str, str]:
    pref, town = R.choice(PLACES)
    zipc = f"{R.randint(100, 299)}-{R.randint(0, 9999):04d}"
    a = f"{pref}{town}{R.randint(1, 5)}丁目{R.randint(1, 30)}番{R.randint(1, 20)}号"
    if R.random() < 0.4:
        a += f" {R.choice(['コーポ', 'ハイツ', 'メゾン', 'グランド'])}{R.choice(['青葉', '桜', '緑', '陽光'])}{R.randint(101, 408)}"
    return zipc, a


def birth(lo=1966, hi=2004) -> dt.date:
    return dt.date(R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28))


def my_number() -> str:
    d = [R.randint(0, 9) for _ in range(11)]
    s = sum(int(d[10 - (n - 1)]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    return "".join(map(str, d)) + str(0 if r <= 1 else 11 - r)


def card_no() -> str:
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"{R.choice(L)}{R.choice(L)}{R.randint(10000000, 99999999)}{R.choice(L)}{R.choice(L)}"


def rand_person_row():
    sur, giv = pick_sur(0.3), R.choice(GIVEN)
    return sur, giv


def age(b: dt.date) -> int:
    return 2026 - b.year - (1 if (b.month, b.day) > (12, 1) else 0)


# ------------------------------------------------------------------ files
def xlsx(sheets) -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title[:30])
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = "soleil"
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def docx_file(title: str, paras, table=None) -> bytes:
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
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def pdf_latin(lines, title: str) -> bytes:
    """PDF with Latin text only (no Japanese font installed here)."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    rl_config.invariant = 1
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=A4)
    c.setTitle(title)
    y = 800
    for i, ln in enumerate(lines):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 15 if i == 0 else 10)
        c.drawString(50, y, ln)
        y -= 24 if i == 0 else 15
        if y < 50:
            c.showPage()
            y = 800
    c.showPage()
    c.save()
    return b.getvalue()


def csv_file(rows, enc: str = "utf-8-sig") -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    try:
        return s.getvalue().encode(enc)
    except UnicodeEncodeError:
        return s.getvalue().encode("utf-8-sig")


def zip_plain(files) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            z.writestr(n, d)
    return b.getvalue()


def zip_pw(files, pw: str) -> bytes:
    tmp = tempfile.mkdtemp(prefix="m9")
    try:
        for n, d in files:
            with open(os.path.join(tmp, n), "wb") as f:
                f.write(d)
        subprocess.run(["zip", "-q", "-P", pw, "a.zip"] + [n for n, _ in files], cwd=tmp, check=True)
        with open(os.path.join(tmp, "a.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


CT = {"pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "csv": "text/csv",
      "zip": "application/zip"}


def roman(p: Person) -> str:
    return getattr(p, "roman", None) or f"{p.lr.upper()} {p.fr.capitalize()}"


def resume(p: Person, fmt: str) -> tuple[str, bytes]:
    """履歴書 (docx/xlsx) or an English CV (pdf)."""
    b = birth(1970, 2003)
    zipc, a = address()
    jobs = R.sample(JOBS, 2)
    hist = [f"{R.randint(2012, 2018)}年4月 {R.choice(['株式会社', ''])}{R.choice(['ひかり', '東邦', '中央', 'みらい'])}{R.choice(['工業', '商店', 'サービス', '物流'])} 入社（{jobs[0]}）",
            f"{R.randint(2019, 2024)}年{R.randint(1, 12)}月 派遣社員として{jobs[1]}に従事"]
    if fmt == "pdf":
        lines = ["CURRICULUM VITAE", f"Name: {roman(p)}", f"Date of birth: {b.isoformat()}", f"Address: {zipc} Kanagawa, Japan",
                 f"Mobile: {mobile()}", f"E-mail: {p.email}", "Work history:", "  2016-2020 Assembly operator, electronics plant",
                 "  2021-     Warehouse staff (forklift licence)", "Languages: Japanese (JLPT N2), English"]
        return f"CV_{roman(p).replace(' ', '_')}.pdf", pdf_latin(lines, "CV")
    rows = [["履歴書"], ["氏名", p.name], ["ふりがな", f"{p.lk} {p.fk}"], ["生年月日", f"{b.year}年{b.month}月{b.day}日（満{age(b)}歳）"],
            ["現住所", f"〒{zipc} {a}"], ["携帯電話", mobile()], ["E-mail", p.email], ["学歴・職歴", ""]] + [["", h] for h in hist] + \
           [["免許・資格", R.choice(["普通自動車第一種運転免許", "フォークリフト運転技能講習修了", "日商簿記2級", "MOS Excel"])],
            ["希望勤務地", R.choice(STATIONS) + "駅周辺"]]
    if fmt == "xlsx":
        return f"履歴書_{p.last}{p.first}.xlsx", xlsx([("履歴書", rows)])
    return f"職務経歴書_{p.last}{p.first}.docx", docx_file("職務経歴書", [f"{r[0]}：{r[1]}" for r in rows[1:]])


def recommend(client: Org, contact: Person, p: Person, s: Person, when) -> tuple[str, bytes]:
    """推薦書 naming the client (docx)."""
    b = birth(1972, 2003)
    paras = [f"{client.name} 御中", f"{contact.dept} {contact.last} {contact.first} 様", f"{when:%Y年%m月%d日}",
             f"{ORG_NAME} {s.dept} {s.last} {s.first}",
             f"求人番号 J-{R.randint(2400, 2999)}（{R.choice(JOBS)}）につき、下記の方をご推薦申し上げます。",
             f"候補者：{p.name}（{p.lk} {p.fk}）　{age(b)}歳", f"生年月日：{b.year}年{b.month}月{b.day}日",
             f"最寄駅：{R.choice(STATIONS)}　就業開始可能日：{(when + dt.timedelta(days=R.randint(7, 30))):%Y年%m月%d日}",
             "推薦理由：前職での経験が豊富で、貴社業務に即戦力として対応可能と判断いたしました。"]
    return f"推薦書_{client.short}様_{p.last}.docx", docx_file("ご推薦書", paras)


def candidate_list(client: Org, n: int, fmt: str) -> tuple[str, bytes]:
    head = ["No.", "氏名", "フリガナ", "年齢", "性別", "最寄駅", "経験職種", "希望時給", "稼働開始可能日", "携帯電話"]
    rows = []
    for i in range(n):
        sur, giv = rand_person_row()
        rows.append([i + 1, f"{sur[0]} {giv[0]}", f"{sur[1]} {giv[1]}", R.randint(20, 58), R.choice(["男", "女"]),
                     R.choice(STATIONS), R.choice(JOBS), R.choice([1250, 1300, 1400, 1550, 1700]),
                     f"2027/01/{R.randint(5, 25):02d}", mobile()])
    title = f"{client.name}様 ご提案候補者一覧"
    if fmt == "xlsx":
        return f"候補者一覧_{client.short}様.xlsx", xlsx([("候補者", [[title]] + [head] + rows)])
    if fmt == "csv":
        return f"候補者一覧_{client.short}様.csv", csv_file([[title]] + [head] + rows, R.choice(["utf-8-sig", "cp932"]))
    return f"候補者一覧_{client.short}様.docx", docx_file(title, ["取扱注意"], [head] + [[str(v) for v in r] for r in rows])


def timesheet(client: Org, staff, fmt: str, month: int = 11) -> tuple[str, bytes]:
    head = ["スタッフ名", "就業先", "稼働日数", "総労働時間", "残業時間", "深夜時間", "遅刻早退"]
    rows = [[s.name if isinstance(s, Person) else s, client.name, R.randint(15, 21), f"{R.randint(118, 170)}:{R.choice(['00', '15', '30', '45'])}",
             f"{R.randint(0, 30)}:{R.choice(['00', '30'])}", f"{R.randint(0, 6)}:00", R.choice(["なし", "1回", "なし"])] for s in staff]
    title = f"{client.name} 御中 {month}月度 勤怠集計表"
    if fmt == "xlsx":
        return f"勤怠集計_{month}月_{client.short}.xlsx", xlsx([(f"{month}月", [[title]] + [head] + rows)])
    if fmt == "csv":
        return f"勤怠集計_{month}月_{client.short}.csv", csv_file([[title]] + [head] + rows)
    return f"勤怠集計_{month}月_{client.short}.docx", docx_file(title, ["ご確認のうえ、承認をお願いいたします。"], [head] + [[str(v) for v in r] for r in rows])


def staff_roster(n: int, fmt: str, title: str) -> tuple[str, bytes]:
    head = ["登録番号", "氏名", "フリガナ", "生年月日", "郵便番号", "住所", "携帯電話", "メールアドレス", "登録職種"]
    rows = []
    for _ in range(n):
        sur, giv = rand_person_row()
        zipc, a = address()
        rows.append([f"S{R.randint(10000, 99999)}", f"{sur[0]} {giv[0]}", f"{sur[1]} {giv[1]}", birth().isoformat(), zipc, a,
                     mobile(), f"{giv[2]}.{sur[2]}{R.randint(1, 99)}@{R.choice(FREEMAIL)}", R.choice(JOBS)])
    if fmt == "pdf":
        lines = [title.upper() if title.isascii() else "STAFF ROSTER", "Reg.No.  Name  Date of birth  Mobile  E-mail"]
        for r in rows:
            sur_r = next(x for x in SURNAMES if x[0] == r[1].split()[0])[2].upper()
            giv_r = next(x for x in GIVEN if x[0] == r[1].split()[1])[2].capitalize()
            lines.append(f"{r[0]}  {sur_r} {giv_r}  {r[3]}  {r[6]}  {r[7]}")
        return "staff_roster.pdf", pdf_latin(lines, "Staff roster")
    if fmt == "xlsx":
        return f"{title}.xlsx", xlsx([("名簿", [head] + rows)])
    if fmt == "docx":
        return f"{title}.docx", docx_file(title, ["社外秘"], [head] + rows)
    return f"{title}.csv", csv_file([head] + rows, R.choice(["utf-8-sig", "cp932"]))


FINDINGS = [("高血圧（要治療）", "降圧剤服用中"), ("糖尿病（HbA1c 7.8）", "通院中"), ("肝機能異常（要精密検査）", "なし"),
            ("脂質異常症", "なし"), ("心電図異常（要再検査）", "不整脈の既往"), ("貧血（要経過観察）", "なし"),
            ("胸部X線 所見あり（要精密検査）", "結核の既往"), ("尿糖陽性", "なし"), ("異常なし", "うつ病で通院歴（2023年）"),
            ("聴力低下（4000Hz）", "なし"), ("視力低下", "腰椎椎間板ヘルニア手術歴")]


def health_list(staff_names, fmt: str, client: Org | None = None) -> tuple[str, bytes]:
    head = ["氏名", "生年月日", "就業先", "受診日", "判定", "所見", "既往歴・服薬"]
    rows = []
    for nm in staff_names:
        f, h = R.choice(FINDINGS)
        rows.append([nm, birth().isoformat(), client.name if client else R.choice(CLIENTS).name, f"2026-{R.randint(9, 11):02d}-{R.randint(1, 28):02d}",
                     R.choice(["C", "D", "E", "B"]), f, h])
    title = "定期健康診断結果 有所見者一覧"
    if fmt == "xlsx":
        return f"{title}.xlsx", xlsx([("有所見者", [head] + rows)])
    if fmt == "csv":
        return "健診結果_有所見者.csv", csv_file([head] + rows)
    if fmt == "pdf":
        lines = ["HEALTH CHECK RESULTS - FOLLOW-UP REQUIRED", "Name / Date of birth / Finding / History"]
        for r in rows:
            lines.append(f"{r[0]} / {r[1]} / grade {r[4]} / " + R.choice(["hypertension, on medication", "diabetes (HbA1c 7.8)",
                                                                           "abnormal ECG, re-test", "history of depression",
                                                                           "liver function, detailed exam"]))
        return "health_check_followup.pdf", pdf_latin(lines, "Health check")
    return f"{title}.docx", docx_file(title, ["要配慮個人情報　取扱注意"], [head] + rows)


def residence_card_pdf(p: Person) -> tuple[str, bytes]:
    b = birth(1985, 2002)
    lines = ["RESIDENCE CARD (COPY)", f"NAME: {p.roman}", f"DATE OF BIRTH: {b.isoformat()}   SEX: {R.choice(['M', 'F'])}",
             f"NATIONALITY/REGION: {p.nat}", f"ADDRESS: {R.randint(1, 5)}-{R.randint(1, 30)}-{R.randint(1, 20)} Tsurumi-ku, Yokohama-shi",
             f"STATUS: {R.choice(STATUS)}", f"PERIOD OF STAY: 3 YEARS (UNTIL 2028-{R.randint(1, 12):02d}-{R.randint(1, 28):02d})",
             "WORK PERMISSION: Work permitted only in the designated activities", f"CARD NUMBER: {card_no()}"]
    return f"zairyu_{p.roman.split()[0].lower()}.pdf", pdf_latin(lines, "Residence card copy")


def payslip(p: Person, fmt: str, month: int = 11) -> tuple[str, bytes]:
    base = R.randint(16, 24) * 10000
    ot = R.randint(0, 6) * 5000
    tax = base // 30
    ins = base // 7
    bank = f"{R.choice(['横浜みなと銀行', '湘南信用金庫', 'さくら台銀行'])} {R.choice(['本店', '新横浜支店', '藤沢支店'])} 普通 {R.randint(1000000, 9999999)}"
    if fmt == "pdf":
        lines = ["PAY STATEMENT", f"Employee: {roman(p)}   Reg.No. S{p.reg}", f"Period: 2026-{month:02d}",
                 f"Base pay: JPY {base:,}", f"Overtime: JPY {ot:,}", f"Income tax: JPY {tax:,}", f"Social insurance: JPY {ins:,}",
                 f"Net pay: JPY {base + ot - tax - ins:,}", f"Paid to: {R.choice(['Yokohama Minato Bank', 'Shonan Shinkin'])} acct {R.randint(1000000, 9999999)}"]
        return f"payslip_{month}_{p.reg}.pdf", pdf_latin(lines, "Pay statement")
    rows = [["給与明細書", f"2026年{month}月分"], ["氏名", p.name], ["登録番号", f"S{p.reg}"], ["基本給", base], ["時間外手当", ot],
            ["所得税", tax], ["社会保険料", ins], ["差引支給額", base + ot - tax - ins], ["振込先", bank]]
    return f"給与明細_{month}月_{p.last}様.xlsx", xlsx([("明細", rows)])


def contract_notice(p: Person, client: Org, when) -> tuple[str, bytes]:
    zipc, a = address()
    paras = [f"{p.name} 殿", f"住所：〒{zipc} {a}", f"就業先：{client.name}", f"業務内容：{R.choice(JOBS)}",
             "派遣期間：2027年1月1日〜2027年3月31日", f"時給：{R.choice([1300, 1400, 1500, 1650])}円（交通費別途支給）",
             "就業時間：8:30〜17:30（休憩60分）", f"{ORG_NAME}"]
    return f"就業条件明示書_{p.last}{p.first}.docx", docx_file("就業条件明示書 兼 雇用契約書", paras)


def biz_doc(org: Org, contact: Person, s: Person, when, fmt: str) -> tuple[str, bytes, str]:
    """Invoice / individual contract / minutes for a client (names only the client and its contact)."""
    kind = R.choice(["請求書", "個別契約書", "打合せ議事録"])
    if kind == "請求書":
        rows = [["請求書"], [f"{org.name} 御中"], [f"{contact.dept} {contact.last}様"], [f"請求日 {when:%Y/%m/%d}"],
                ["項目", "時間", "単価", "金額"]]
        tot = 0
        for j in R.sample(JOBS, 2):
            h = R.randint(300, 900)
            u = R.choice([1900, 2100, 2400])
            rows.append([f"派遣料金（{j}）", h, u, h * u])
            tot += h * u
        rows += [["合計（税込）", "", "", tot * 11 // 10], [ORG_NAME]]
        if fmt == "xlsx":
            return f"請求書_{org.short}様_11月.xlsx", xlsx([("請求書", rows)]), kind
        return f"請求書_{org.short}様_11月.csv", csv_file(rows), kind
    if kind == "個別契約書":
        return f"個別契約書_{org.short}様.docx", docx_file("労働者派遣個別契約書", [
            f"派遣先：{org.name}", f"派遣先責任者：{contact.dept} {contact.name}", f"派遣元：{ORG_NAME}",
            f"業務内容：{R.choice(JOBS)}", "派遣期間：2027年1月1日〜2027年3月31日", f"派遣人数：{R.randint(1, 6)}名"]), kind
    return f"議事録_{org.short}様_{when:%m%d}.docx", docx_file("お打合せ議事録", [
        f"日時：{when:%Y年%m月%d日} 15:00〜16:00", f"出席：{org.name} {contact.last}様 ／ 弊社 {s.last}",
        f"議題：{R.choice(JOBS)}スタッフ増員", "決定事項：1月より2名増員、職場見学を12月中旬に実施"]), kind


# ------------------------------------------------------------------ message text
def sal(p: Person, style: str | None = None) -> str:
    o = p.org
    if o is None:
        return f"{p.last}さん"
    if o.kind == "person":
        return R.choice([f"{p.name} 様", f"{p.last}様", f"{p.name}さん"]) if style != "full" else f"{p.name} 様"
    style = style or R.choice(["a", "b", "c", "d", "e"])
    if o.kind == "school":
        return f"{o.name} {p.dept}\n{p.last} {p.first} 様" if style in "ab" else f"{o.name}\n{p.dept} {p.last}様"
    if style == "a":
        return f"{o.name}\n{p.dept}　{p.last}様"
    if style == "b":
        return f"{o.short}　{p.dept}\n{p.name} 様"
    if style == "c":
        return f"{o.name} 御中\n{p.last} {p.first}様"
    if style == "d":
        return f"{o.short} {p.last}様"
    return f"{o.name}\n{p.dept}\n{p.last}　{p.first}　様"


OPEN_BIZ = ["いつも大変お世話になっております。\n{org}の{me}でございます。", "お世話になっております。\n{org} {dept}の{me}です。",
            "平素は格別のご高配を賜り、誠にありがとうございます。\n{org}の{me}です。"]
OPEN_IND = ["お世話になっております。\n{org}の{me}です。", "{org}　担当の{me}です。\nいつもありがとうございます。",
            "こんにちは。{org}の{me}です。"]
CLOSE_BIZ = ["引き続きよろしくお願い申し上げます。", "お手数をおかけしますが、ご確認のほどよろしくお願いいたします。",
             "ご不明点がございましたら、私{me}までご連絡ください。", "何卒よろしくお願いいたします。"]
CLOSE_IND = ["ご不明な点があれば、いつでもご連絡くださいね。", "どうぞよろしくお願いいたします。",
             "お忙しいところ恐れ入りますが、ご確認をお願いいたします。"]


def signature(s: Person, style: int | None = None) -> str:
    style = R.randrange(3) if style is None else style
    if style == 0:
        return (f"━━━━━━━━━━━━━━━━━━\n{ORG_NAME}\n{s.dept}　{s.last} {s.first}\n〒222-0033 横浜市港北区新横浜2-8-4 ソレイユビル5F\n"
                f"TEL {ORG_TEL} ／ FAX 045-478-2211\nMail {s.email}\n━━━━━━━━━━━━━━━━━━")
    if style == 1:
        return f"-- \n{ORG_SHORT} {s.dept}\n{s.last} {s.first}（{s.lk} {s.fk}）\n{s.email} / {ORG_TEL}"
    return (f"＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊\n{ORG_NAME}\n{s.dept} {s.last}\n労働者派遣事業・有料職業紹介事業 {ORG_LICENSE}\n"
            f"https://www.{ORG_DOMAIN}/\n＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊")


def compose(s: Person, p: Person, mid: str, sal_text: str | None = None, first: bool = False) -> str:
    ind = p.org is not None and p.org.kind == "person"
    if first:
        op = "突然のご連絡失礼いたします。\n{org} {dept}の{me}と申します。"
    else:
        op = R.choice(OPEN_IND if ind else OPEN_BIZ)
    close = R.choice(CLOSE_IND if ind else CLOSE_BIZ)
    return "\n\n".join([sal_text or sal(p), op.format(org=ORG_SHORT, me=s.last, dept=s.dept), mid,
                        close.format(me=s.last), signature(s)]) + "\n"


def quote(text: str, who: Person, when: dt.datetime, style: str, to: Person | None = None, cc=(), subj: str = "") -> str:
    if style == ">":
        head = f"{when:%Y年%m月%d日}({'月火水木金土日'[when.weekday()]}) {when:%H:%M} {who.name} <{who.email}>:"
        return head + "\n" + "\n".join("> " + ln if ln else ">" for ln in text.split("\n"))
    if style == "outlook":
        h = [f"差出人: {who.name} <{who.email}>", f"送信日時: {when:%Y年%m月%d日} {when:%H:%M}"]
        if to:
            h.append(f"宛先: {to.name} <{to.email}>")
        if cc:
            h.append("CC: " + "; ".join(f"{c.name} <{c.email}>" for c in cc))
        h.append("件名: " + (subj or R.choice(["スタッフの件", "ご相談", "面談について", "お問い合わせ"])))
        return "-----Original Message-----\n" + "\n".join(h) + "\n\n" + text
    return f"---------- Forwarded message ---------\nFrom: {who.name} <{who.email}>\nDate: {when:%Y/%m/%d %H:%M}\n\n" + text


def to_html(text: str) -> str:
    out, inq = [], False
    for ln in text.split("\n"):
        q = ln.startswith(">")
        if q and not inq:
            out.append('<blockquote style="border-left:2px solid #ccc;padding-left:8px">')
        if not q and inq:
            out.append("</blockquote>")
        inq = q
        out.append(html.escape(ln[1:].lstrip() if q else ln) + "<br>")
    if inq:
        out.append("</blockquote>")
    return ('<html><head><meta charset="utf-8"></head><body style="font-family:\'Meiryo\',sans-serif;font-size:14px">\n'
            + "\n".join(out) + "\n</body></html>\n")


# ------------------------------------------------------------------ eml
FILES: list[tuple[str, bytes]] = []
LABELS: list[dict] = []
STATS: Counter = Counter()
ATTS: Counter = Counter()
MAILERS = ["Microsoft Outlook 16.0", "Thunderbird 128.5.0", "Active! mail", "Becky! ver. 2.81.04", "Gmail"]


def T() -> dt.datetime:
    return rand_day(dt.datetime(2026, 12, 1, tzinfo=JST), 26)


def P(p: Person) -> tuple[str, str]:
    return (p.name, p.email)


def text_part(text: str, cs: str):
    if cs == "shift_jis":
        part = MIMENonMultipart("text", "plain", charset="Shift_JIS")
        part.set_payload(text.encode("shift_jis"))
        encoders.encode_base64(part)
        return part
    part = MIMENonMultipart("text", "plain", charset=cs)
    if cs == "iso-2022-jp":
        part.set_payload(text.encode("iso-2022-jp"))
        part["Content-Transfer-Encoding"] = "7bit"
    else:
        part.set_payload(text.encode("utf-8"))
        encoders.encode_base64(part)
    return part


def html_part(text: str):
    part = MIMENonMultipart("text", "html", charset="utf-8")
    part.set_payload(to_html(text).encode("utf-8"))
    encoders.encode_base64(part)
    return part


def emit(s: Person, to, cc, subject: str, text: str, atts, expected: str, codes, kind: str, note: str,
         bcc=(), when=None, reply: bool = False, cs: str | None = None):
    when = when or T()
    x = R.random()
    if cs is None:
        cs = "utf-8" if x < 0.45 else "alt" if x < 0.57 else "iso-2022-jp" if x < 0.75 else "shift_jis" if x < 0.86 else "html"
    if cs in ("iso-2022-jp", "shift_jis"):
        try:
            for t in [text, subject, s.name] + [n for n, _ in list(to) + list(cc) + list(bcc)] + [a[0] for a in atts]:
                t.encode(cs)
        except UnicodeEncodeError:
            cs = "utf-8"
    jis = cs in ("iso-2022-jp", "shift_jis")
    hcs = "iso-2022-jp" if jis else "utf-8"
    STATS[cs] += 1
    if cs == "html":
        body = html_part(text)
    elif cs == "alt":
        body = MIMEMultipart("alternative")
        body.attach(text_part(text, "utf-8"))
        body.attach(html_part(text))
    else:
        body = text_part(text, cs)
    if atts:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        for fn, data, ext in atts:
            ATTS[ext] += 1
            mt, st = CT[ext].split("/")
            a = MIMEBase(mt, st)
            a.set_payload(data)
            encoders.encode_base64(a)
            if jis:
                enc = Header(fn, "iso-2022-jp", maxlinelen=998).encode()
                a.set_param("name", enc)
                a.add_header("Content-Disposition", "attachment", filename=enc)
            else:
                a.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fn))
            msg.attach(a)
    else:
        msg = body
    msg["From"] = formataddr((s.name, s.email), charset=hcs)
    if to:
        msg["To"] = ", ".join(formataddr(t, charset=hcs) for t in to)
    if cc:
        msg["Cc"] = ", ".join(formataddr(t, charset=hcs) for t in cc)
    if bcc:
        msg["Bcc"] = ", ".join(formataddr(t, charset=hcs) for t in bcc)
    msg["Subject"] = Header(subject, hcs, header_name="Subject").encode() if not subject.isascii() else subject
    msg["Date"] = format_datetime(when)
    n = len(LABELS) + 1
    msg["Message-ID"] = make_msgid(idstring=f"m9-{n:04d}", domain=ORG_DOMAIN)
    if reply:
        msg["In-Reply-To"] = make_msgid(domain=R.choice([t[1] for t in to]).split("@")[1])
    msg["X-Mailer"] = R.choice(MAILERS)
    fn = f"messages/{n:04d}.eml"
    FILES.append((fn, msg.as_bytes()))
    LABELS.append({"file": fn, "expected": expected, "codes": sorted(set(codes)), "kind": kind, "note": note})


# ------------------------------------------------------------------ choosers
def sender_with(pred) -> Person:
    return R.choice([s for s in SENDERS if pred(s)])


def owned_client_contact(s: Person | None = None, kinds=("client",)):
    for _ in range(1000):
        t = s or R.choice(SENDERS)
        orgs = [o for o in t.orgs if o.kind in kinds]
        if not orgs:
            continue
        o = R.choice(orgs)
        ppl = [p for p in o.people if known(t, p)]
        if ppl:
            return t, o, R.choice(ppl)
    raise RuntimeError("no contact")


def owned_indiv(s: Person | None = None, roles=("candidate", "staff", "student"), foreign: bool | None = None):
    for _ in range(1000):
        t = s or R.choice(SENDERS)
        ppl = [p for p in t.indiv if known(t, p) and p.role in roles and
               (foreign is None or hasattr(p, "roman") == foreign)]
        if ppl:
            return t, R.choice(ppl)
    raise RuntimeError("no individual")


def dates3(when):
    out = []
    d = when + dt.timedelta(days=2)
    while len(out) < 3:
        if d.weekday() < 5:
            out.append(f"{d.month}月{d.day}日（{'月火水木金土日'[d.weekday()]}）{R.choice(['10:00', '13:30', '15:00', '16:30'])}〜")
        d += dt.timedelta(days=R.randint(1, 2))
    return "\n".join("・" + x for x in out)


CLIENT_TOPICS = [
    ("職場見学の日程について", "ご依頼いただいております{job}のスタッフにつきまして、\n職場見学の候補日を下記のとおりご提示いたします。\n\n{dates}\n\nご都合のよい日時をお知らせいただけますと幸いです。"),
    ("{job}スタッフ増員のご相談について", "先日お電話でご相談いただいた{job}の増員の件、\n現在2名ほど候補者の調整を進めております。\n年明けの稼働開始に向けて、来週中にはご提案できる見込みです。"),
    ("抵触日通知書ご提出のお願い", "派遣可能期間の抵触日に関する通知書のご提出をお願いしたく、ご連絡いたしました。\n様式はこれまでと同じもので差し支えございません。\n今月20日頃までにご返送いただけますと助かります。"),
    ("年末年始の稼働について", "年末年始の稼働予定について確認させてください。\n12月29日〜1月3日の期間、ライン稼働の有無と必要人数を\nお知らせいただけますでしょうか。"),
    ("求人条件のご確認", "{job}の求人につきまして、2点確認させてください。\n1. 残業の有無（月平均）\n2. 制服・安全靴の貸与\n募集開始前に求人票へ反映いたします。"),
]
SCHOOL_TOPICS = [("学内企業説明会の件", "1月に予定されている学内企業説明会につきまして、\n弊社も参加を希望いたします。ブースの割り当てが決まりましたらお知らせください。"),
                 ("求人票送付のご案内", "2027年卒業予定の皆様向けの求人票をお送りいたします。\n掲示板への掲示をご検討いただけますと幸いです。")]
PARTNER_TOPICS = [("{m}月分 処理スケジュールの件", "{m}月分の処理スケジュールについてご連絡いたします。\nデータの受け渡しは例月どおり、締め日の3営業日後を予定しております。"),
                  ("打合せ日程のご相談", "次回の定例打合せについて、下記の日程はいかがでしょうか。\n\n{dates}\n\nオンラインでの実施を予定しております。")]


def fill(t: str, when) -> str:
    return t.format(job=R.choice(JOBS), dates=dates3(when), m=when.month)


# ================================================================== OK kinds
def ok_routine():
    s, o, p = owned_client_contact(kinds=("client", "school", "partner"))
    when = T()
    topics = CLIENT_TOPICS if o.kind == "client" else SCHOOL_TOPICS if o.kind == "school" else PARTNER_TOPICS
    subj, mid = R.choice(topics)
    cc = []
    if R.random() < 0.3:
        other = [q for q in o.people if q is not p and known(s, q)]
        if other:
            cc = [R.choice(other)]
    emit(s, [P(p)], [P(q) for q in cc], fill(subj, when), compose(s, p, fill(mid, when)), [], "ok",
         ext_codes(s, [p] + cc), "ok_routine", f"usual contact {o.name} {p.name}", when=when)


def ok_internal():
    s = R.choice(SENDERS)
    rcpt = R.sample([t for t in SENDERS if t is not s], R.choice([1, 1, 2, 3]))
    when = T()
    x = R.random()
    atts, note = [], "internal only"
    if x < 0.35:
        fmt = R.choice(["xlsx", "csv"])
        atts = [staff_roster(R.randint(40, 150), fmt, "登録スタッフ名簿_社内用")[0:2] + (fmt,)]
        mid = "来期の稼働見込み集計用に、登録スタッフ名簿の最新版を共有します。\n社外への転送はしないでください。"
        note = f"internal; {fmt} staff roster stays inside"
    elif x < 0.6:
        fmt = R.choice(["xlsx", "docx"])
        names = [f"{a[0]} {b[0]}" for a, b in (rand_person_row() for _ in range(R.randint(5, 14)))]
        atts = [health_list(names, fmt)[0:2] + (fmt,)]
        mid = "健診機関から届いた有所見者一覧です。産業医面談の調整をお願いします。\n（要配慮個人情報のため取扱注意）"
        note = f"internal; health-check list ({len(names)} staff) stays inside"
    elif x < 0.8:
        c = R.choice(CLIENTS)
        q = R.choice(c.people)
        mid = f"{c.name}の{q.last}様から、1月からの増員（{R.choice(JOBS)} 3名）の打診がありました。\n候補者の洗い出しをお願いできますか。"
        note = f"internal; names customer {c.name}"
    else:
        cand = R.choice(CANDS)
        mid = f"{cand.name}さん（No.{cand.reg}）の面談メモです。\n希望：{R.choice(JOBS)}、{R.choice(STATIONS)}駅周辺、時給1,400円以上\n" \
              f"連絡先：{cand.email} / {mobile()}\n来週中に求人を2〜3件ご提案予定です。"
        note = "internal; a candidate's contact data stays inside"
    text = "\n\n".join([" ".join(f"{t.last}さん" for t in rcpt), "お疲れさまです。" + s.last + "です。", mid, "よろしくお願いします。",
                        signature(s, 1)]) + "\n"
    emit(s, [P(t) for t in rcpt], [], R.choice(["【共有】", "【社内】", ""]) + R.choice(["稼働見込みの件", "有所見者対応のお願い", "増員打診の件", "面談メモ"]),
         text, atts, "ok", [], "ok_internal", note, when=when)


def ok_client_own_staff():
    s, o, p = owned_client_contact(kinds=("client",))
    when = T()
    staff = R.sample(STAFF, R.randint(3, 12))
    x = R.random()
    if x < 0.6:
        fmt = R.choice(["xlsx", "csv", "docx"])
        fn, data = timesheet(o, staff, fmt)
        subj, mid = "11月度 勤怠集計表のご確認", f"貴社にて就業中のスタッフ{len(staff)}名分の11月度勤怠集計表をお送りいたします。\nご確認のうえ、承認のご返信をお願いいたします。"
        what = "timesheet"
    else:
        fmt = "xlsx"
        head = ["スタッフ名", "業務内容", "就業開始日", "契約期間満了日", "抵触日"]
        rows = [[t.name, R.choice(JOBS), f"2026/{R.randint(1, 10):02d}/01", "2027/03/31", "2028/03/31"] for t in staff]
        fn, data = f"派遣スタッフ一覧_{o.short}様.xlsx", xlsx([("一覧", [[f"{o.name} 御中 就業中スタッフ一覧"], head] + rows)])
        subj, mid = "就業中スタッフ一覧（契約更新のご確認）", "貴社で就業中のスタッフ一覧と各契約期間をお送りいたします。\n1月以降の更新可否についてご検討をお願いいたします。"
        what = "staff list"
    if R.random() < 0.2:
        fn, data, fmt = f"{o.short}様_送付資料.zip", zip_plain([(fn, data)]), "zip"
    emit(s, [P(p)], [], subj, compose(s, p, mid), [(fn, data, fmt)], "ok", ext_codes(s, [p]) + ["pii_in_attachment"],
         "ok_client_own_staff_data", f"{what} of {len(staff)} staff working at {o.name}, sent to {o.name}", when=when)


def ok_candidate_own():
    s, p = owned_indiv(roles=("candidate", "staff", "student"))
    when = T()
    x = R.random()
    codes = ext_codes(s, [p]) + ["pii_in_attachment"]
    if hasattr(p, "roman") and x < 0.5:
        fn, data = residence_card_pdf(p)
        atts, mid, what = [(fn, data, "pdf")], "ご提出いただいた在留カードの写しについて、読み取りにくい箇所がありました。\n添付の内容でお間違いないか、ご確認をお願いします。", "own residence card copy"
    elif x < 0.35:
        fmt = R.choice(["xlsx", "pdf"])
        fn, data = payslip(p, fmt)
        atts, mid, what = [(fn, data, fmt)], "11月分の給与明細をお送りします。\n支給日は12月15日です。内容にご不明点があればお知らせください。", "own payslip"
    elif x < 0.6:
        c = R.choice(CLIENTS)
        fn, data = contract_notice(p, c, when)
        atts, mid, what = [(fn, data, "docx")], f"1月からの就業（{c.short}様）の就業条件明示書をお送りします。\n内容をご確認のうえ、署名してご返送ください。", "own employment terms"
    elif x < 0.85:
        fmt = R.choice(["docx", "xlsx"])
        fn, data = resume(p, fmt)
        atts, mid, what = [(fn, data, fmt)], "先日の面談内容をもとに、履歴書・職務経歴書を清書しました。\n修正したい箇所があれば遠慮なくお知らせください。", "own CV, cleaned up"
    else:
        fn, data = health_list([p.name], "xlsx")
        atts, mid, what = [(fn, data, "xlsx")], "先日受診いただいた定期健康診断の結果をお送りします。\n再検査の項目がありますので、年内の受診をお願いします。", "own health-check result"
        codes.append("sensitive_pii")
    emit(s, [P(p)], [], R.choice(["【ご確認】", "", "【ソレイユ】"]) + what.replace("own ", "").replace("CV, cleaned up", "書類のご確認"),
         compose(s, p, mid, sal_text=f"{p.name} 様"), atts, "ok", codes, "ok_candidate_own_documents",
         f"{what} of {p.name} to {p.email} (the person themself)", when=when)


def ok_cv_right_client():
    s, o, p = owned_client_contact(SENDERS[R.choice([10, 11, 12, 6, 7])], kinds=("client",))
    cand = R.choice([c for c in INDIV if c.role in ("candidate", "staff") and not hasattr(c, "roman")])
    when = T()
    fn1, d1 = recommend(o, p, cand, s, when)
    fmt = R.choice(["xlsx", "docx", "pdf"])
    fn2, d2 = resume(cand, fmt)
    atts = [(fn1, d1, "docx"), (fn2, d2, fmt)]
    if R.random() < 0.3:
        atts = [(f"推薦書類_{cand.last}様.zip", zip_plain([(fn1, d1), (fn2, d2)]), "zip")]
    mid = (f"ご依頼いただいておりました求人につきまして、{cand.last}様をご推薦いたします。\n"
           "ご本人より貴社への書類開示の同意をいただいております。\n推薦書と職務経歴書を添付いたしますので、ご検討をお願いいたします。")
    emit(s, [P(p)], [], f"【ご推薦】{cand.last}様（{R.choice(JOBS)}）", compose(s, p, mid), atts, "ok",
         ext_codes(s, [p]) + ["pii_in_attachment"], "ok_cv_to_requesting_client",
         f"recommendation of {cand.name} to {o.name} {p.name}, who asked for it (consent noted)", when=when)


def same_surname_pairs(s: Person):
    out = []
    for o in s.orgs:
        for p in o.people:
            if not known(s, p):
                continue
            others = [q for q in PEOPLE if q.last == p.last and q.org is not o and q.org.kind != "person"]
            if others:
                out.append((o, p, others))
    return out


def ok_same_surname():
    for _ in range(1000):
        s = R.choice(SENDERS)
        pairs = same_surname_pairs(s)
        if pairs:
            break
    o, p, others = R.choice(pairs)
    when = T()
    atts = []
    mid_t = R.choice(CLIENT_TOPICS if o.kind == "client" else PARTNER_TOPICS + SCHOOL_TOPICS)
    if o.kind == "client" and R.random() < 0.4:
        fmt = R.choice(["xlsx", "docx", "csv"])
        fn, data, k = biz_doc(o, p, s, when, fmt if fmt != "docx" else "xlsx")
        atts = [(fn, data, fn.rsplit(".", 1)[1])]
        mid_t = (f"{k}送付のご案内", f"{k}を添付にてお送りいたします。\nご査収のほどお願い申し上げます。")
    twins = sum(q.first == p.first for q in others)
    emit(s, [P(p)], [], fill(mid_t[0], when), compose(s, p, fill(mid_t[1], when)), atts, "ok", ext_codes(s, [p]),
         "ok_same_surname_right_org", f"{p.name} at {o.name}; {len(others)} other {p.last} elsewhere"
         + (f" ({twins} with the same full name)" if twins else ""), when=when)


def twin_individuals():
    by = defaultdict(list)
    for p in INDIV:
        by[p.name].append(p)
    return [v for v in by.values() if len(v) > 1]


def ok_right_twin():
    for _ in range(2000):
        grp = R.choice(twin_individuals())
        p = R.choice(grp)
        owners = [s for s in SENDERS if known(s, p)]
        if owners:
            s = R.choice(owners)
            break
    when = T()
    x = R.random()
    if x < 0.5:
        fmt = R.choice(["xlsx", "pdf"])
        fn, data = payslip(p, fmt)
        atts, codes, mid = [(fn, data, fmt)], ext_codes(s, [p]) + ["pii_in_attachment"], "11月分の給与明細を添付します。ご確認ください。"
    else:
        atts, codes = [], ext_codes(s, [p])
        mid = f"来週の面談ですが、{dates3(when).splitlines()[0][1:]}でいかがでしょうか。\n弊社横浜オフィス（新横浜駅徒歩5分）にお越しください。"
    emit(s, [P(p)], [], R.choice(["給与明細の送付", "面談日程のご連絡", "【ソレイユ】ご連絡"]), compose(s, p, mid), atts, "ok", codes,
         "ok_right_twin_individual", f"{p.name} <{p.email}> (No.{p.reg}); same-named "
         + ", ".join(q.email for q in grp if q is not p) + " not used", when=when)


NOTICES = [("【登録スタッフの皆様へ】年末年始の営業日について", "年末年始の弊社営業日についてお知らせいたします。\n\n休業期間：2026年12月29日（火）〜2027年1月3日（日）\n\n"
            "期間中の緊急連絡（欠勤・遅刻）は、緊急連絡用ダイヤル 045-478-2299 までお願いいたします。"),
           ("【ご案内】冬季定期健康診断の受診について", "冬季の定期健康診断を下記の日程で実施いたします。\n\n日程：2027年1月18日（月）〜1月29日（金）\n会場：健診プラザ新横浜\n\n"
            "受診票は後日郵送いたします。対象の方は必ずご受診ください。"),
           ("【お知らせ】源泉徴収票の発行について", "2026年分の源泉徴収票は、2027年1月中旬にご登録の住所へ郵送いたします。\n住所に変更がある方は12月25日までにご連絡ください。"),
           ("【お取引先各位】年末年始休業のお知らせ", "誠に勝手ながら、弊社は2026年12月29日から2027年1月3日まで休業いたします。\n"
            "休業期間中のスタッフ緊急連絡は、担当コーディネーターの携帯までお願いいたします。")]


def notice_people(k: int, business: bool):
    if business:
        pool = [p for p in PEOPLE if p.org.kind == "client" and p.email in EVER]
    else:
        pool = [p for p in STAFF if p.email in EVER]
    return R.sample(pool, min(k, len(pool)))


def ok_notice_bcc():
    s = sender_with(lambda t: t.dept in ("総務人事部", "コーディネート課", "給与・勤怠管理課"))
    subj, mid = R.choice(NOTICES)
    business = "取引先" in subj
    ppl = notice_people(R.randint(10, 35), business)
    head = "お取引先各位" if business else "登録スタッフの皆様"
    text = f"{head}\n\n{'平素は格別のご高配を賜り、厚く御礼申し上げます。' if business else 'いつもお仕事お疲れさまです。'}\n{ORG_NAME}です。\n\n{mid}\n\n今後ともよろしくお願いいたします。\n\n{signature(s)}\n"
    emit(s, [P(s)], [], subj, text, [], "ok", ext_codes(s, ppl), "ok_notice_bcc",
         f"{len(ppl)} external recipients ({'client contacts' if business else 'registered staff'}) in Bcc, To is the sender",
         bcc=[P(p) for p in ppl])


def ok_reply_quoting_other():
    s, o, p = owned_client_contact(kinds=("client",))
    when = T()
    other_c = R.choice([c for c in CLIENTS if c is not o])
    oq = R.choice(other_c.people)
    cand = R.choice(CANDS)
    orig = R.choice([
        f"{ORG_SHORT}\n{s.last}様\n\nお世話になっております。\n{o.short}の{p.last}です。\n\n先日ご紹介いただいた方は、{other_c.name}さんでも選考中と伺いました。\n"
        f"弊社としては早めに結論を出したいので、面接日を前倒しできますでしょうか。\n\n{o.name}\n{p.dept} {p.name}",
        f"{s.last}様\n\n{o.short} {p.last}です。\n当社の{R.choice(JOBS)}の件、{other_c.short}の{oq.last}様からもご紹介があり、"
        f"御社のスタッフの方が以前そちらで就業されていたと聞きました。\n引き続きよろしくお願いします。\n\n{p.name}",
        f"{s.last}様\n\nお世話になります。{o.short}の{p.last}です。\n{cand.last}様の面接、12月{R.randint(10, 22)}日でお願いします。\n"
        f"なお、前回ご紹介の方は{other_c.short}様に決まったとのこと、承知しました。\n\n{o.name} {p.name}"])
    new = compose(s, p, R.choice(["ご返信ありがとうございます。\n承知いたしました。日程を調整のうえ、改めてご連絡いたします。",
                                  "ご連絡ありがとうございます。\nいただいた内容で進めさせていただきます。",
                                  "早速のご返信、ありがとうございます。\n候補者にも確認し、本日中にご回答いたします。"]))
    text = new + "\n" + quote(orig, p, when - dt.timedelta(days=R.randint(1, 4), hours=3), R.choice([">", "outlook"]), to=s) + "\n"
    emit(s, [P(p)], [], "Re: " + R.choice(["面接日程の件", "ご紹介の件", "スタッフの件"]), text, [], "ok", ext_codes(s, [p]),
         "ok_reply_quoting_other", f"reply to {o.name} {p.name}; {other_c.name} named only in the quoted part", when=when,
         reply=True)


def ok_first_known_org():
    for _ in range(1000):
        s = R.choice(SENDERS)
        cands = [p for o in s.orgs for p in o.people if p.email in NEVER]
        if cands:
            break
    else:
        raise RuntimeError
    if R.random() < 0.7:
        p, where = R.choice(cands), "in contacts.csv, never mailed"
    else:
        o = R.choice([x for x in s.orgs if x.kind != "person"])
        sur, giv = pick_sur(0.3), R.choice(GIVEN)
        lp = lp_for(o.fmt, sur[2], giv[2]) + "7"
        p = Person(last=sur[0], first=giv[0], lk=sur[1], fk=giv[1], lr=sur[2], fr=giv[2], email=f"{lp}@{o.domain}", org=o,
                   dept=R.choice(HR_DEPTS), role="hr")
        where = "not in contacts.csv (new address at a known domain)"
    intro = [q for q in p.org.people if q is not p and known(s, q)]
    mid = (f"{intro[0].last}様の後任としてご担当いただけると伺い、ご連絡いたしました。\n" if intro else "このたび貴社のご担当を引き継ぐことになりました。\n") + \
        "今後、派遣スタッフの就業に関するご連絡は私からお送りいたします。\nまずはご挨拶まで。"
    emit(s, [P(p)], [P(intro[0])] if intro and R.random() < 0.5 else [], f"ご挨拶（{ORG_SHORT} {s.last}）",
         compose(s, p, mid, first=True), [], "ok", ["external_recipient", "first_time_recipient"], "ok_first_mail_known_org",
         f"first mail to {p.org.name} {p.name}; {where}")


# ================================================================== risky kinds
def maybe_first(s, ppl) -> list[str]:
    return ["first_time_recipient"] if any(p.email not in SENT[s.email] for p in ppl) else []


def reply_all_other_client():
    s, o, p = owned_client_contact(kinds=("client",))
    when = T()
    other_c = R.choice([c for c in CLIENTS if c is not o and c.short[:2] != o.short[:2]])
    q = R.choice(other_c.people)
    orig = (f"{s.last}様\nCc: {q.org.short} {q.last}様\n\n{o.short}の{p.last}です。\n先日の合同説明会ではありがとうございました。\n"
            f"説明会でご一緒した{q.org.short}様にも念のためお送りしております。\n当社の{R.choice(JOBS)}の募集、1月から2名でお願いできますか。\n\n{p.name}")
    cand = R.choice(CANDS)
    mid = (f"ご依頼ありがとうございます。\n{o.short}様の{R.choice(JOBS)}につきまして、{cand.last}様（{age(birth())}歳）を第一候補としてご提案いたします。\n"
           f"時給は1,450円、{R.choice(STATIONS)}駅から通勤予定です。職場見学は{dates3(when).splitlines()[0][1:]}を希望されています。")
    text = compose(s, p, mid) + "\n" + quote(orig, p, when - dt.timedelta(days=1), R.choice([">", "outlook"]), to=s, cc=[q], subj="1月からの募集の件") + "\n"
    emit(s, [P(p)], [P(q)], "Re: 1月からの募集の件", text, [], "risky",
         ["multiple_external_orgs", "content_recipient_mismatch"] + maybe_first(s, [q]), "reply_all_other_client",
         f"reply-all to {o.name} {p.name} keeps {q.org.name} {q.name} in Cc; candidate proposal for {o.name}", when=when, reply=True)


def reply_all_other_candidate():
    s, p = owned_indiv(roles=("candidate", "staff"), foreign=False)
    when = T()
    q = R.choice([c for c in INDIV if c is not p and c.last != p.last and not hasattr(c, "roman")])
    orig = (f"{s.last}さん\n\nお世話になっております。{p.name}です。\n（{q.last}さんと同じ職場見学の件でしたので、{q.last}さんもCcに入れています）\n"
            f"12月の見学日ですが、午後だと助かります。\n\n{p.name}\n{p.email}")
    zipc, a = address()
    mid = R.choice([
        f"ご連絡ありがとうございます。\n見学は午後で調整しました。当日は{R.choice(STATIONS)}駅改札に13:20集合でお願いします。\n"
        f"なお、ご登録の住所（〒{zipc} {a}）宛に、交通費精算の書類をお送りしています。",
        f"ありがとうございます。\n先日ご相談いただいた体調の件（通院のため月1回の休暇）、就業先には配慮をお願いしておきました。\n"
        f"時給は{R.choice([1350, 1400, 1500])}円で確定しています。"])
    codes = ["multiple_external_orgs", "content_recipient_mismatch"] + maybe_first(s, [q])
    if "通院" in mid:
        codes.append("sensitive_pii")
    text = compose(s, p, mid, sal_text=f"{p.name} 様") + "\n" + quote(orig, p, when - dt.timedelta(hours=20), ">") + "\n"
    emit(s, [P(p)], [P(q)], "Re: 職場見学の日程", text, [], "risky", codes, "reply_all_other_candidate",
         f"reply-all to {p.name} <{p.email}> keeps another candidate {q.name} <{q.email}> in Cc; personal details of {p.last}",
         when=when, reply=True)


def same_surname_wrong_org():
    for _ in range(3000):
        s = R.choice(SENDERS)
        pairs = [x for x in same_surname_pairs(s) if x[0].kind == "client"]
        if pairs:
            break
    o, p, others = R.choice(pairs)
    others.sort(key=lambda q: (q.first != p.first, R.random()))
    q = others[0] if R.random() < 0.55 else R.choice(others)
    when = T()
    where = R.choice(["To"] * 5 + ["Cc"] * 3 + ["Bcc"] * 2)
    codes = ["similar_recipient", "content_recipient_mismatch"] + maybe_first(s, [q])
    atts = []
    if R.random() < 0.5:
        x = R.random()
        if x < 0.5:
            fmt = R.choice(["xlsx", "csv"])
            fn, data, k = biz_doc(o, p, s, when, fmt)
            atts = [(fn, data, fn.rsplit(".", 1)[1])]
            subj, mid = f"{k}送付の件", f"{k}をお送りいたします。\nご確認をお願いいたします。"
            codes.append("attachment_recipient_mismatch")
        else:
            staff = R.sample(STAFF, R.randint(3, 9))
            fmt = R.choice(["xlsx", "csv", "docx"])
            fn, data = timesheet(o, staff, fmt)
            atts = [(fn, data, fmt)]
            subj, mid = "11月度 勤怠集計表のご確認", f"就業中のスタッフ{len(staff)}名分の11月度勤怠集計表をお送りいたします。\nご承認をお願いいたします。"
            codes += ["attachment_recipient_mismatch", "pii_in_attachment"]
    else:
        subj, mid = R.choice(CLIENT_TOPICS)
        subj, mid = fill(subj, when), fill(mid, when)
    if where == "To":
        to, cc, bcc = [P(q)], [], []
    else:
        codes.append("multiple_external_orgs")
        to, cc, bcc = [P(p)], [P(q)] if where == "Cc" else [], [P(q)] if where == "Bcc" else []
    emit(s, to, cc, subj, compose(s, p, mid, sal_text=sal(p, R.choice("abce"))), atts, "risky", codes,
         "same_surname_wrong_org", f"for {o.name} {p.name}; {where} has {q.name} <{q.email}> of {q.org.name}"
         + (" (same full name)" if q.first == p.first else ""), bcc=bcc, when=when)


USED_PAIRS: set[tuple[str, str]] = set()


def same_name_wrong_individual():
    for _ in range(3000):
        grp = R.choice(twin_individuals())
        p = R.choice(grp)
        owners = [s for s in SENDERS if known(s, p)]
        wrongs = [q for q in grp if q is not p]
        if owners:
            s = R.choice(owners)
            wrongs = [q for q in wrongs if not known(s, q) and (p.email, q.email) not in USED_PAIRS]
            if wrongs:
                break
    q = R.choice(wrongs)
    USED_PAIRS.add((p.email, q.email))
    when = T()
    x = R.random()
    if x < 0.4:
        fmt = R.choice(["xlsx", "pdf"])
        fn, data = payslip(p, fmt)
        mid = "11月分の給与明細を添付します。ご確認ください。"
    elif x < 0.7:
        c = R.choice(CLIENTS)
        fn, data = contract_notice(p, c, when)
        fmt = "docx"
        mid = f"{c.short}様での就業条件明示書をお送りします。署名のうえご返送ください。"
    else:
        fmt = R.choice(["xlsx", "docx"])
        fn, data = resume(p, fmt)
        mid = "ご提出いただいた履歴書をもとに、推薦用の書類を作成しました。内容をご確認ください。"
    emit(s, [P(q)], [], R.choice(["【ご確認】書類送付", "給与明細の送付", "就業書類のご確認"]), compose(s, p, mid, sal_text=f"{p.name} 様"),
         [(fn, data, fmt)], "risky", ["similar_recipient", "first_time_recipient", "pii_in_attachment"],
         "same_name_wrong_individual", f"documents of {p.name} No.{p.reg} <{p.email}> sent to the same-named {q.email} (No.{q.reg})",
         when=when)


def cv_wrong_client():
    s, o, p = owned_client_contact(SENDERS[R.choice([10, 11, 12, 6, 7, 0, 1])], kinds=("client",))
    cand = R.choice([c for c in INDIV if c.role in ("candidate", "staff") and not hasattr(c, "roman")])
    when = T()
    sib = [c for c in CLIENTS if c is not o and c.short[:2] == o.short[:2]]
    x = R.random()
    fmt = R.choice(["xlsx", "docx"])
    fn2, d2 = resume(cand, fmt)
    if x < 0.5:
        # the mail is to B (body right for B) but the 推薦書 + CV are those prepared for A
        b = R.choice(sib or [c for c in CLIENTS if c is not o])
        bp = [y for y in b.people if known(s, y)] or b.people
        bp = R.choice(bp)
        fn1, d1 = recommend(o, p, cand, s, when)
        mid = "ご依頼の求人につきまして、候補者の推薦書類をお送りいたします。\nご検討のほど、よろしくお願いいたします。"
        emit(s, [P(bp)], [], f"【ご推薦】{cand.last}様", compose(s, bp, mid), [(fn1, d1, "docx"), (fn2, d2, fmt)], "risky",
             ["attachment_recipient_mismatch", "pii_in_attachment"] + maybe_first(s, [bp]), "cv_to_wrong_client",
             f"mail to {b.name} {bp.name}; 推薦書 and CV of {cand.name} were prepared for {o.name}", when=when)
    else:
        # salutation and 推薦書 for A, but the address picked is B's (sibling or other client)
        b = R.choice(sib or [c for c in CLIENTS if c is not o])
        bp = R.choice(b.people)
        fn1, d1 = recommend(o, p, cand, s, when)
        mid = (f"ご依頼いただいておりました求人につきまして、{cand.last}様をご推薦いたします。\n"
               "推薦書と職務経歴書を添付いたしますので、ご検討をお願いいたします。")
        emit(s, [(p.name if R.random() < 0.5 else bp.name, bp.email)], [], f"【ご推薦】{cand.last}様", compose(s, p, mid),
             [(fn1, d1, "docx"), (fn2, d2, fmt)], "risky",
             ["content_recipient_mismatch", "attachment_recipient_mismatch", "pii_in_attachment"] + maybe_first(s, [bp]),
             "cv_to_wrong_client", f"CV of {cand.name} for {o.name} {p.name}; sent to {bp.email} of {b.name}", when=when)


def other_client_list():
    s, o, p = owned_client_contact(kinds=("client",))
    others = [c for c in s.orgs if c is not o and c.kind == "client"] or [c for c in CLIENTS if c is not o]
    c = R.choice(others)
    when = T()
    if R.random() < 0.55:
        fmt = R.choice(["xlsx", "csv", "docx"])
        n = R.randint(6, 25)
        fn, data = candidate_list(c, n, fmt)
        subj, mid, what = "ご提案候補者一覧の送付", f"ご依頼の募集につきまして、ご提案可能な候補者{n}名の一覧をお送りいたします。\nご確認のうえ、面談をご希望の方をお知らせください。", "candidate list"
    else:
        fmt = R.choice(["xlsx", "csv"])
        staff = R.sample(STAFF, R.randint(4, 12))
        fn, data = timesheet(c, staff, fmt)
        subj, mid, what = "11月度 勤怠集計表のご確認", "11月度の勤怠集計表をお送りいたします。\nご承認のほどよろしくお願いいたします。", "timesheet"
    atts = [(fn, data, fmt)]
    if R.random() < 0.25:
        atts = [(f"送付資料_{when:%m%d}.zip", zip_plain([(fn, data)]), "zip")]
    emit(s, [P(p)], [], subj, compose(s, p, mid), atts, "risky", ["attachment_recipient_mismatch", "pii_in_attachment"],
         "other_client_list", f"to {o.name} {p.name}; {what} attachment is the one of {c.name}", when=when)


def bulk_list_external():
    s = R.choice(SENDERS)
    x = R.random()
    o = R.choice([PBY["agency"], PARTNERS[1], PBY["ads"]]) if x < 0.5 else R.choice(CLIENTS)
    p = R.choice([q for q in o.people if known(s, q)] or o.people)
    n = R.randint(60, 320)
    fmt = R.choice(["xlsx", "csv", "pdf", "docx"])
    fn, data = staff_roster(n, fmt, R.choice(["登録スタッフ名簿", "稼働可能スタッフ一覧", "スタッフマスタ"]))
    mid = R.choice([f"ご依頼の件、当社の稼働可能スタッフ一覧（{n}名）をお送りします。\n協業案件のマッチングにご活用ください。",
                    f"スタッフ名簿（全{n}件）を添付いたします。\n求人広告のDM配信リストとしてお使いください。",
                    f"登録スタッフの一覧をお送りします。全{n}名分です。"])
    emit(s, [P(p)], [], R.choice(["スタッフ一覧の送付", "名簿送付の件", "【送付】登録者リスト"]), compose(s, p, mid), [(fn, data, fmt)], "risky",
         ["bulk_pii", "pii_in_attachment"] + maybe_first(s, [p]), "bulk_list_external",
         f"{n}-row staff roster ({fmt}) with birth dates, addresses, mobiles to {o.name}")


def password_zip_list():
    s = sender_with(lambda t: t.dept in ("給与・勤怠管理課", "総務人事部", "派遣営業部"))
    o = R.choice([c for c in s.orgs if c.kind != "person"])
    p = R.choice([q for q in o.people if known(s, q)] or o.people)
    n = R.randint(50, 220)
    pw = "".join(R.choice("ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789") for _ in range(9))
    head = ["登録番号", "氏名", "生年月日", "住所", "銀行名", "口座番号", "11月支給額"]
    rows = [head]
    for _ in range(n):
        sur, giv = rand_person_row()
        rows.append([f"S{R.randint(10000, 99999)}", f"{sur[0]} {giv[0]}", birth().isoformat(), address()[1],
                     R.choice(["横浜みなと銀行", "湘南信用金庫", "さくら台銀行"]), str(R.randint(1000000, 9999999)), R.randint(120000, 290000)])
    inner = f"payroll_{R.choice(['2026-11', '202611'])}.csv"
    data = zip_pw([(inner, csv_file(rows, R.choice(["utf-8-sig", "cp932"])))], pw)
    mid = f"11月分の給与データ（{n}名分）をパスワード付きZIPでお送りします。\nパスワードは別途お送りいたします。"
    emit(s, [P(p)], [], "11月分 給与データ送付", compose(s, p, mid), [("給与データ_11月.zip", data, "zip")], "risky",
         ["unscannable_attachment", "bulk_pii"], "password_zip_list",
         f"zip -P with a {n}-row payroll CSV (bank accounts) to {o.name} (password {pw})")


def my_number_in_body():
    s = sender_with(lambda t: t.dept in ("給与・勤怠管理課", "総務人事部", "コーディネート課"))
    o = R.choice([PBY["sr"], PBY["payroll"]] + R.sample(CLIENTS, 2))
    p = R.choice([q for q in o.people if known(s, q)] or o.people)
    n = R.randint(3, 9)
    lines = []
    style = R.randrange(2)
    for _ in range(n):
        sur, giv = rand_person_row()
        b = birth()
        mn = my_number()
        lines.append(([f"{sur[0]} {giv[0]}（{b:%Y/%m/%d}生）　個人番号：{mn[:4]} {mn[4:8]} {mn[8:]}",
                               f"・{sur[0]}{giv[0]}　{sur[1]} {giv[1]}　マイナンバー {mn}　生年月日 {b.year}年{b.month}月{b.day}日"])[style])
    mid = ("12月入社スタッフの資格取得届に必要な情報をお送りします。\n（添付がうまく開けないとのことでしたので本文に記載します）\n\n"
           + "\n".join(lines) + "\n\nご対応よろしくお願いいたします。")
    emit(s, [P(p)], [], "資格取得届の件（12月入社分）", compose(s, p, mid), [], "risky",
         ["bulk_pii", "sensitive_pii"] + maybe_first(s, [p]), "my_number_in_body",
         f"{n} staff's My Numbers and birth dates pasted into the body, to {o.name}")


def residence_card_wrong():
    x = R.random()
    if x < 0.45:
        # card numbers pasted into the body, to the job-ad vendor / another agency / a client
        s = sender_with(lambda t: t.dept in ("総務人事部", "コーディネート課", "派遣営業部"))
        o = R.choice([PBY["ads"], PARTNERS[0], PARTNERS[1]] + R.sample(CLIENTS, 2))
        p = R.choice([q for q in o.people if known(s, q)] or o.people)
        ppl = R.sample(FOREIGN_STAFF, R.randint(4, 8))
        lines = [f"{q.roman}（{q.nat}）　在留カード番号 {card_no()}　在留期限 2028/{R.randint(1, 12):02d}/{R.randint(1, 28):02d}　"
                 f"生年月日 {birth(1985, 2002):%Y/%m/%d}" for q in ppl]
        mid = "外国籍スタッフの在留資格一覧です。\n\n" + "\n".join(lines) + "\n\n以上、ご確認ください。"
        emit(s, [P(p)], [], "外国籍スタッフ 在留資格の件", compose(s, p, mid), [], "risky", ["bulk_pii"] + maybe_first(s, [p]),
             "residence_card_wrong", f"{len(ppl)} residence card numbers with birth dates in the body, to {o.name}")
        return
    s, o, p = owned_client_contact(kinds=("client",))
    w = R.choice(FOREIGN_STAFF)
    fn, data = residence_card_pdf(w)
    when = T()
    if x < 0.75:
        b = R.choice([c for c in CLIENTS if c is not o])
        bp = R.choice(b.people)
        mid = f"1月より貴社にて就業予定の{w.name}さんにつきまして、就労資格確認のため在留カードの写しをお送りいたします。"
        emit(s, [(p.name, bp.email)], [], "在留カード写しの送付", compose(s, p, mid), [(fn, data, "pdf")], "risky",
             ["content_recipient_mismatch", "pii_in_attachment"] + maybe_first(s, [bp]), "residence_card_wrong",
             f"residence card copy of {w.roman} for {o.name} {p.name}, address is {bp.email} of {b.name}", when=when)
    else:
        q = R.choice([c for c in INDIV if c is not w])
        mid = "ご提出いただいた在留カードの写しを確認しました。内容に問題ございません。\n控えとしてお送りします。"
        emit(s, [P(q)], [], "在留カード写しの控え", compose(s, q, mid, sal_text=f"{q.name} 様"), [(fn, data, "pdf")], "risky",
             ["attachment_recipient_mismatch", "pii_in_attachment"] + maybe_first(s, [q]), "residence_card_wrong",
             f"residence card copy of {w.roman} sent to another individual {q.name} <{q.email}>", when=when)


def health_data_external():
    s = R.choice(SENDERS)
    x = R.random()
    o = R.choice([PBY["ads"], PBY["agency"], PBY["payroll"]] + SCHOOLS[:1]) if x < 0.3 else R.choice(CLIENTS)
    p = R.choice([q for q in o.people if known(s, q)] or o.people)
    if x < 0.85:
        fmt = R.choice(["xlsx", "csv", "docx", "pdf"])
        if fmt == "pdf":
            names = [roman(q) for q in R.sample([i for i in STAFF if not hasattr(i, "roman")], R.randint(4, 10))]
        else:
            names = [q.name for q in R.sample(STAFF, R.randint(4, 14))]
        wrong_c = R.choice([c for c in CLIENTS if c is not o])
        fn, data = health_list(names, fmt, wrong_c)
        mid = R.choice(["健康診断の有所見者一覧を添付いたします。\n就業上の配慮についてご検討ください。",
                        "先日お話しした健診結果の一覧です。ご参考までにお送りします。"])
        emit(s, [P(p)], [], "健康診断結果の件", compose(s, p, mid), [(fn, data, fmt)], "risky",
             ["sensitive_pii", "pii_in_attachment"] + maybe_first(s, [p]), "health_data_external",
             f"health-check findings of {len(names)} staff (working at {wrong_c.name}) in {fmt} to {o.name}")
    else:
        w = R.choice([i for i in STAFF if not hasattr(i, "roman")])
        f, h = R.choice(FINDINGS[:7])
        mid = (f"来月から貴社でお願いする候補の{w.name}さん（{age(birth())}歳）ですが、\n健康診断で「{f}」の所見があり、{h}とのことです。\n"
               "また、以前うつ病で3か月休職した経歴があります。念のため共有いたします。")
        emit(s, [P(p)], [], f"{w.last}さんの件（共有）", compose(s, p, mid), [], "risky",
             ["sensitive_pii"] + maybe_first(s, [p]), "health_data_external",
             f"one staff's findings and mental-health history pasted into the body, to {o.name}")


def notice_in_to():
    s = sender_with(lambda t: t.dept in ("総務人事部", "コーディネート課", "給与・勤怠管理課"))
    subj, mid = R.choice(NOTICES)
    business = "取引先" in subj
    ppl = notice_people(R.randint(8, 30), business)
    head = "お取引先各位" if business else "登録スタッフの皆様"
    text = f"{head}\n\n{'平素は格別のご高配を賜り、厚く御礼申し上げます。' if business else 'いつもお仕事お疲れさまです。'}\n{ORG_NAME}です。\n\n{mid}\n\n今後ともよろしくお願いいたします。\n\n{signature(s)}\n"
    k = R.random()
    if k < 0.5:
        to, cc = ppl, []
    elif k < 0.8:
        to, cc = [s], ppl
    else:
        to, cc = ppl[:len(ppl) // 2], ppl[len(ppl) // 2:]
    emit(s, [P(x) for x in to], [P(x) for x in cc], subj, text, [], "risky", ["open_recipient_list", "multiple_external_orgs"],
         "notice_in_to", f"{len(ppl)} external addresses ({'client contacts' if business else 'registered staff'}) visible in To/Cc")


ALLDOMS = {p.email.split("@")[1] for p in PEOPLE}


def _sub(h: str, old: str, new: str, last: bool = False) -> str:
    i = h.rindex(old) if last else h.index(old)
    return h[:i] + new + h[i + 1:]


def lookalike(domain: str):
    head, _, tail = domain.partition(".")
    for _ in range(500):
        op = R.choice(["rn", "l", "0", "1", "hyphen", "e/a", "double"])
        h = head
        if op == "rn" and "m" in h:
            h = _sub(h, "m", "rn")
        elif op == "l" and "i" in h:
            h = _sub(h, "i", "l", last=True)
        elif op == "0" and "o" in h:
            h = _sub(h, "o", "0")
        elif op == "1" and "l" in h:
            h = _sub(h, "l", "1")
        elif op == "hyphen" and "-" in h:
            h = h.replace("-", "", 1)
        elif op == "e/a" and "e" in h:
            h = _sub(h, "e", "a")
        elif op == "double":
            i = R.randrange(1, len(h))
            h = h[:i] + h[i] + h[i:] if h[i].isalpha() else h
        d = f"{h}.{tail}"
        if h != head and d not in ALLDOMS:
            return d, op
    raise RuntimeError(domain)


def lookalike_domain():
    if R.random() < 0.7:
        s, o, p = owned_client_contact(kinds=("client", "partner"))
    else:
        s, p = owned_indiv(roles=("candidate", "staff"))
        o = p.org
    d, op = lookalike(p.email.split("@")[1])
    bad = p.email.split("@")[0] + "@" + d
    when = T()
    atts = []
    codes = ["lookalike_domain", "first_time_recipient", "similar_recipient"]
    if o.kind == "person":
        fmt = R.choice(["xlsx", "pdf"])
        fn, data = payslip(p, fmt)
        atts, subj, mid = [(fn, data, fmt)], "給与明細の送付", "11月分の給与明細をお送りします。"
        codes.append("pii_in_attachment")
    elif R.random() < 0.5 and o.kind == "client":
        fn, data = timesheet(o, R.sample(STAFF, R.randint(3, 8)), "xlsx")
        atts, subj, mid = [(fn, data, "xlsx")], "11月度 勤怠集計表", "11月度の勤怠集計表をお送りいたします。ご承認をお願いいたします。"
        codes.append("pii_in_attachment")
    else:
        subj, mid = R.choice(CLIENT_TOPICS if o.kind == "client" else PARTNER_TOPICS)
        subj, mid = fill(subj, when), fill(mid, when)
    emit(s, [(p.name, bad)], [], subj, compose(s, p, mid), atts, "risky", codes, "lookalike_domain",
         f"{bad} imitates {p.email} ({op})", when=when)


UNKNOWN_ORGS = [("株式会社キャリアネクスト横浜", "careernext-yokohama.example"), ("ジョブサーチ合同会社", "jobsearch-llc.test"),
                ("株式会社HRパートナーズ", "hr-partners-jp.example.com"), ("株式会社スマートワークス", "smartworks-inc.example"),
                ("株式会社ミライ工房", "mirai-kobo.test"), ("株式会社湘南ロジテック", "shonan-logitec.example")]


def first_time_unknown():
    s = R.choice(SENDERS[:13])
    nm, dom = UNKNOWN_ORGS[len([lb for lb in LABELS if lb["kind"] == "first_time_unknown_company"]) % len(UNKNOWN_ORGS)]
    sur, giv = pick_sur(0.4), R.choice(GIVEN)
    addr = R.choice([f"{giv[2][0]}.{sur[2]}@{dom}", f"{sur[2]}@{dom}", f"recruit@{dom}", f"jinji@{dom}"])
    when = T()
    x = R.random()
    if x < 0.5:
        fmt = R.choice(["xlsx", "csv"])
        n = R.randint(8, 30)
        fake = Org(name=nm, short=nm.replace("株式会社", "").replace("合同会社", ""), domain=dom, kind="client", fmt="")
        fn, data = candidate_list(fake, n, fmt)
        atts, what = [(fn, data, fmt)], f"{n}-row candidate list"
        mid = f"お問い合わせいただいた{R.choice(JOBS)}の件、ご紹介可能な候補者一覧をお送りします。"
    else:
        cand = R.choice([c for c in CANDS if not hasattr(c, "roman")])
        fmt = R.choice(["docx", "xlsx", "pdf"])
        fn, data = resume(cand, fmt)
        atts, what = [(fn, data, fmt)], f"CV of {cand.name}"
        mid = f"本日お電話でお話しした件、{cand.last}様の職務経歴書をお送りいたします。\nぜひ一度ご面談をご検討ください。"
    text = compose(s, Person(last=sur[0], first=giv[0], lk="", fk="", org=None, dept=""), mid,
                   sal_text=f"{nm}\n{R.choice(['人事ご担当者様', sur[0] + '様'])}", first=True)
    emit(s, [(f"{sur[0]} {giv[0]}" if R.random() < 0.5 else "", addr)], [], R.choice(["人材のご紹介", "【ご提案】候補者のご紹介"]), text,
         atts, "risky", ["first_time_recipient", "pii_in_attachment"], "first_time_unknown_company",
         f"{what} to {addr}, a company with no contact and no history", when=when)


def data_to_other_individual():
    s, p = owned_indiv(roles=("candidate", "staff", "student"), foreign=False)
    q = R.choice([c for c in s.indiv if c is not p] or [c for c in INDIV if c is not p])
    when = T()
    x = R.random()
    if x < 0.4:
        fmt = R.choice(["xlsx", "pdf"])
        fn, data = payslip(p, fmt)
        mid = "11月分の給与明細をお送りします。"
    elif x < 0.7:
        c = R.choice(CLIENTS)
        fn, data = contract_notice(p, c, when)
        fmt = "docx"
        mid = "就業条件明示書をお送りします。ご確認のうえ署名してご返送ください。"
    else:
        fmt = R.choice(["docx", "xlsx"])
        fn, data = resume(p, fmt)
        mid = "履歴書を清書しました。内容のご確認をお願いします。"
    if R.random() < 0.5:
        text, codes, how = compose(s, q, mid, sal_text=f"{q.name} 様"), ["attachment_recipient_mismatch", "pii_in_attachment"], "salutation right, attachment wrong"
    else:
        text, codes, how = compose(s, p, mid, sal_text=f"{p.name} 様"), ["content_recipient_mismatch", "attachment_recipient_mismatch", "pii_in_attachment"], "salutation and document for the first, address of the second"
    emit(s, [P(q)], [], R.choice(["書類送付のご連絡", "【ソレイユ】書類のご確認", "給与明細の送付"]), text, [(fn, data, fmt)], "risky",
         codes + maybe_first(s, [q]), "candidate_data_to_other_individual",
         f"{p.name}'s document to {q.name} <{q.email}> ({how})", when=when)


def autocomplete_freemail():
    for _ in range(1000):
        s, o, p = owned_client_contact(kinds=("client",))
        same = [c for c in INDIV if c.name == p.name]
        if same or R.random() < 0.3:
            break
    if same:
        bad, where = R.choice(same).email, "a same-named candidate's free-mail address"
    else:
        bad, where = f"{p.fr}.{p.lr}{R.randint(60, 99)}@{R.choice(FREEMAIL)}", "a free-mail address not in contacts"
    when = T()
    fmt = R.choice(["xlsx", "docx", "csv"])
    n = R.randint(5, 15)
    fn, data = candidate_list(o, n, fmt)
    mid = f"ご依頼の募集につきまして、候補者{n}名の一覧をお送りいたします。\n面談をご希望の方をお知らせください。"
    emit(s, [(p.name, bad)], [], "候補者一覧の送付", compose(s, p, mid), [(fn, data, fmt)], "risky",
         ["similar_recipient", "content_recipient_mismatch", "pii_in_attachment"] + (["first_time_recipient"] if bad not in SENT[s.email] else []),
         "autocomplete_freemail", f"meant {p.email} ({o.name}); address is {bad} ({where})", when=when)


PLAN = [(ok_routine, 14), (ok_internal, 9), (ok_client_own_staff, 9), (ok_candidate_own, 9), (ok_cv_right_client, 7),
        (ok_same_surname, 10), (ok_right_twin, 5), (ok_notice_bcc, 6), (ok_reply_quoting_other, 10), (ok_first_known_org, 5),
        (reply_all_other_client, 5), (reply_all_other_candidate, 4), (same_surname_wrong_org, 9), (same_name_wrong_individual, 5),
        (cv_wrong_client, 7), (other_client_list, 6), (bulk_list_external, 5), (password_zip_list, 5), (my_number_in_body, 5),
        (residence_card_wrong, 5), (health_data_external, 5), (notice_in_to, 5), (lookalike_domain, 6),
        (first_time_unknown, 5), (data_to_other_individual, 5), (autocomplete_freemail, 4)]


def main() -> None:
    jobs = [f for f, k in PLAN for _ in range(k)]
    R.shuffle(jobs)
    for f in jobs:
        f()
    md = os.path.join(OUT, "messages")
    if os.path.isdir(md):
        shutil.rmtree(md)
    os.makedirs(md)
    for fn, data in FILES:
        with open(os.path.join(OUT, fn), "wb") as fh:
            fh.write(data)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for lb in LABELS:
            fh.write(json.dumps(lb, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "mamori.toml"), "w", encoding="utf-8") as fh:
        fh.write(f'[organization]\nname = "{ORG_NAME}"\ninternal_domains = ["{ORG_DOMAIN}"]\n')
    with open(os.path.join(OUT, "contacts.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "kana", "email", "organization"])
        order = {id(o): i for i, o in enumerate(ORGS)}
        for p in sorted(PEOPLE, key=lambda p: (order.get(id(p.org), 999), p.org.name, p.email)):
            kana = f"{p.lk} {p.fk}".strip() if not hasattr(p, "roman") else p.fullname
            w.writerow([p.name, kana, p.email, p.org.name])
    with open(os.path.join(OUT, "history.jsonl"), "w", encoding="utf-8") as fh:
        for r in HIST:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = Counter((lb["expected"], lb["kind"]) for lb in LABELS)
    for (e, k), n in sorted(kinds.items()):
        print(f"{e:5} {k:38} {n}")
    print("messages", len(LABELS), "bodies", dict(STATS), "attachments", dict(ATTS), "contacts", len(PEOPLE),
          "orgs", len({p.org.name for p in PEOPLE}), "history", len(HIST))


if __name__ == "__main__":
    main()
