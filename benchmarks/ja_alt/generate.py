"""A second synthetic Japanese set, written independently of eval/ja-biz-pii, to check that rules generalise.

Different templates (chat, formal letters, free prose, HR memos, minutes in bullet form), different label wording
(お名前, ご連絡先, 携帯番号, 誕生日, 生まれ), different name lists. Deterministic: ``python generate.py > alt.jsonl``.
Spans are recorded while the text is built, so offsets are exact by construction.
"""

from __future__ import annotations

import json
import random
import sys

SURNAMES = [
    ("佐々木", "ササキ", "Sasaki"),
    ("長谷川", "ハセガワ", "Hasegawa"),
    ("小野寺", "オノデラ", "Onodera"),
    ("西村", "ニシムラ", "Nishimura"),
    ("杉山", "スギヤマ", "Sugiyama"),
    ("大塚", "オオツカ", "Otsuka"),
    ("平野", "ヒラノ", "Hirano"),
    ("菅原", "スガワラ", "Sugawara"),
    ("武田", "タケダ", "Takeda"),
    ("上野", "ウエノ", "Ueno"),
    ("千葉", "チバ", "Chiba"),
    ("岩崎", "イワサキ", "Iwasaki"),
    ("桜井", "サクライ", "Sakurai"),
    ("野口", "ノグチ", "Noguchi"),
    ("松尾", "マツオ", "Matsuo"),
    ("久保", "クボ", "Kubo"),
    ("木村", "キムラ", "Kimura"),
    ("新井", "アライ", "Arai"),
    ("宮本", "ミヤモト", "Miyamoto"),
    ("市川", "イチカワ", "Ichikawa"),
]
GIVEN = [
    ("健太", "ケンタ", "Kenta"),
    ("美咲", "ミサキ", "Misaki"),
    ("翔", "ショウ", "Sho"),
    ("陽菜", "ヒナ", "Hina"),
    ("大輔", "ダイスケ", "Daisuke"),
    ("真由美", "マユミ", "Mayumi"),
    ("拓也", "タクヤ", "Takuya"),
    ("彩", "アヤ", "Aya"),
    ("浩二", "コウジ", "Koji"),
    ("恵子", "ケイコ", "Keiko"),
    ("悠人", "ユウト", "Yuto"),
    ("千尋", "チヒロ", "Chihiro"),
]
COMPANIES = [
    "丸川精機",
    "ひかり物流",
    "青葉システムズ",
    "東和フーズ",
    "みなと設計",
    "北斗電装",
    "さくら不動産",
    "大和テック",
]
FORMS_BEFORE = ["株式会社", "有限会社", "合同会社"]
FORMS_AFTER = ["株式会社", "（株）", "Co., Ltd."]
ADDRS = [
    ("神奈川県", "横浜市港北区", "新横浜"),
    ("愛知県", "名古屋市中村区", "名駅"),
    ("福岡県", "福岡市博多区", "博多駅前"),
    ("北海道", "札幌市中央区", "北一条西"),
    ("京都府", "京都市下京区", "烏丸通"),
    ("埼玉県", "さいたま市大宮区", "桜木町"),
    ("宮城県", "仙台市青葉区", "一番町"),
    ("広島県", "広島市中区", "紙屋町"),
]
POSTAL = ["222-0033", "450-0002", "812-0011", "060-0001", "600-8216", "330-0854", "980-0811", "730-0031"]


def my_number(rng: random.Random) -> str:
    base = [rng.randrange(10) for _ in range(11)]
    weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = sum(d * w for d, w in zip(base, weights, strict=True)) % 11
    return "".join(map(str, base)) + str(0 if r <= 1 else 11 - r)


class Doc:
    def __init__(self, doc_id: str) -> None:
        self.id = doc_id
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict[str, object]] = []

    def add(self, s: str, t: str | None = None) -> Doc:
        if t:
            self.spans.append({"start": self.pos, "end": self.pos + len(s), "type": t})
        self.parts.append(s)
        self.pos += len(s)
        return self

    def dump(self) -> str:
        return json.dumps({"id": self.id, "text": "".join(self.parts), "spans": self.spans}, ensure_ascii=False)


def person(rng: random.Random) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    return rng.choice(SURNAMES), rng.choice(GIVEN)


def company(rng: random.Random) -> str:
    name = rng.choice(COMPANIES)
    return rng.choice(FORMS_BEFORE) + name if rng.random() < 0.5 else name + rng.choice(FORMS_AFTER)


def phone(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"0{rng.choice('789')}0-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
    if kind < 0.7:
        return (
            f"0{rng.choice(['45', '52', '92', '11', '75', '22'])}-{rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}"
        )
    return f"0{rng.choice('36')}{rng.choice(['-', ''])}{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"


def t_chat(d: Doc, rng: random.Random) -> None:
    s = person(rng)[0][0]
    s2 = person(rng)[0][0]
    d.add(s, "PERSON").add("さん、おつかれさまです！\n明日の件、先方の").add(company(rng), "ORGANIZATION")
    d.add("の").add(s2, "PERSON")
    d.add("さんから連絡ありました。折り返しは携帯 ").add(phone(rng), "PHONE").add(" までとのことです🙏\n")
    d.add("メールは ").add(f"{rng.choice(['info', 'sales', 'k.ito', 'yamato'])}@example.co.jp", "EMAIL").add(
        " でも可。"
    )


def t_letter(d: Doc, rng: random.Random) -> None:
    i = rng.randrange(len(ADDRS))
    pref, city, town = ADDRS[i]
    (s, _, _), (g, _, _) = person(rng)
    d.add("〒").add(POSTAL[i], "POSTAL_CODE").add("\n")
    d.add(f"{pref}{city}{town}{rng.randrange(1, 5)}丁目{rng.randrange(1, 30)}番{rng.randrange(1, 20)}号", "ADDRESS")
    d.add("\n").add(company(rng), "ORGANIZATION").add("\n総務部　").add(f"{s}　{g}", "PERSON").add("　様\n\n")
    d.add(
        "拝啓　時下ますますご清祥のこととお慶び申し上げます。\n平素は格別のお引き立てを賜り、厚く御礼申し上げます。\n"
    )
    d.add("さて、ご依頼の書類を同封いたしますので、ご査収ください。\n敬具\n")


def t_hr(d: Doc, rng: random.Random) -> None:
    (s, sk, _), (g, gk, _) = person(rng)
    d.add("【人事メモ】\n対象者：").add(f"{s}{g}", "PERSON").add("（").add(f"{sk} {gk}", "PERSON").add("）\n")
    y = rng.randrange(1965, 2002)
    d.add("誕生日：").add(f"{y}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日", "DATE_OF_BIRTH").add("\n")
    d.add(f"入社日：{rng.randrange(2010, 2025)}年4月1日\n")
    d.add("マイナンバー（個人番号）：").add(my_number(rng), "MY_NUMBER").add("\n")
    d.add("携帯番号：").add(phone(rng), "PHONE").add("\n")


def t_prose(d: Doc, rng: random.Random) -> None:
    (s, _, _), (g, _, _) = person(rng)
    s2 = person(rng)[0][0]
    pref = rng.choice(ADDRS)[0]
    d.add("昨日、").add(f"{s}{g}", "PERSON").add(f"さんが{pref}の工場を視察しました。同行した").add(s2, "PERSON").add(
        "課長によると、新ラインは来月稼働予定です。"
    )
    d.add(f"注文番号 {my_number(rng)} の出荷は予定どおりです。")


def t_minutes(d: Doc, rng: random.Random) -> None:
    d.add("議事メモ\n・参加：")
    for k in range(3):
        s = person(rng)[0][0]
        if k:
            d.add("、")
        d.add(s, "PERSON").add("（").add(company(rng), "ORGANIZATION").add("）")
    d.add("\n・次回：来週火曜 10:00〜\n・連絡先：").add(phone(rng), "PHONE").add("\n")


def t_romaji(d: Doc, rng: random.Random) -> None:
    (s, _, sr), (g, _, gr) = person(rng)
    d.add("Booking name: ").add(f"{gr} {sr}", "PERSON").add("\nご予約者：").add(f"{s} {g}", "PERSON").add(" 様\n")
    d.add("ご連絡先：").add(phone(rng), "PHONE").add("\n")


TEMPLATES = [t_chat, t_letter, t_hr, t_prose, t_minutes, t_romaji]


def main() -> int:
    rng = random.Random(20261127)
    for n in range(300):
        d = Doc(f"alt-{n:04d}")
        TEMPLATES[n % len(TEMPLATES)](d, rng)
        sys.stdout.write(d.dump() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
