"""Generate the corpus for `mamori scan` benchmarks from invented data (no real person in it).

Two folders under bench-out/scan-corpus/:
  * mixed/   --files N files (default 600) in sub-folders: docx, xlsx, pdf, eml (with a CSV attachment), csv and
             zip (a CSV and a docx inside), each holding a list of invented customers, plus a few clean memos;
             persons.json gives the number of invented persons in each file (to check the records estimate);
  * hostile/ a zip bomb (one member of --bomb-mb MB of zeros, default 1024), a 10-level nested zip and a CSV of
             --big-mb MB (default 200).

usage: .venv/bin/python benchmarks/scan_corpus.py [--files 600] [--big-mb 200] [--bomb-mb 1024] [--out DIR]
Needs python-docx, openpyxl and reportlab (the test extras).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
import zipfile
from email.message import EmailMessage
from pathlib import Path

from _common import OUT

SURNAMES = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
]
GIVEN = [
    "太郎",
    "花子",
    "一郎",
    "次郎",
    "美咲",
    "健太",
    "陽子",
    "大輔",
    "さくら",
    "翔太",
    "結衣",
    "拓也",
    "直美",
    "悠人",
    "真由美",
    "蓮",
    "葵",
    "湊",
    "陽菜",
    "大翔",
]
PLACES = [
    ("東京都", "千代田区丸の内"),
    ("東京都", "新宿区西新宿"),
    ("大阪府", "大阪市北区梅田"),
    ("愛知県", "名古屋市中村区名駅"),
    ("福岡県", "福岡市博多区博多駅前"),
    ("北海道", "札幌市中央区北一条西"),
    ("神奈川県", "横浜市西区みなとみらい"),
    ("京都府", "京都市下京区烏丸通"),
]
DOMAINS = ["example.co.jp", "example.jp", "example.com", "mail.example.ne.jp"]
HEADER = ["氏名", "電話番号", "メールアドレス", "住所", "生年月日"]
ROMAJI = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato"]


def person(rng: random.Random) -> list[str]:
    pref, city = rng.choice(PLACES)
    return [
        f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}",
        f"0{rng.choice([90, 80, 70])}-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
        f"{rng.choice(ROMAJI)}.{rng.randrange(10, 999)}@{rng.choice(DOMAINS)}",
        f"{pref}{city}{rng.randrange(1, 9)}-{rng.randrange(1, 30)}-{rng.randrange(1, 20)}",
        f"{rng.randrange(1950, 2005)}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日",
    ]


def people(rng: random.Random, n: int) -> list[list[str]]:
    return [person(rng) for _ in range(n)]


def csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def docx_bytes(rows: list[list[str]]) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_heading("顧客対応記録", level=1)
    for r in rows[:3]:
        doc.add_paragraph(f"{r[0]}様より{r[4]}生まれとのご連絡。電話 {r[1]}、ご住所は{r[3]}です。")
    table = doc.add_table(rows=1, cols=len(HEADER))
    for cell, h in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = h
    for r in rows:
        for cell, v in zip(table.add_row().cells, r, strict=True):
            cell.text = v
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "顧客名簿"
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_bytes(rows: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "HeiseiKakuGo-W5" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    c.setFont("HeiseiKakuGo-W5", 10)
    c.drawString(40, y, "お客様一覧（社外秘）")
    for r in rows:
        y -= 16
        if y < 40:
            c.showPage()
            c.setFont("HeiseiKakuGo-W5", 10)
            y = 800
        c.drawString(40, y, "  ".join(r))
    c.save()
    return buf.getvalue()


def eml_bytes(rng: random.Random, rows: list[list[str]]) -> bytes:
    msg = EmailMessage()
    msg["From"] = "営業部 <sales@example.co.jp>"
    msg["To"] = f"{rows[0][0]} <{rows[0][2]}>"
    msg["Subject"] = "お客様リストの送付"
    msg.set_content(
        f"{rows[0][0]}様\n\nいつもお世話になっております。リストを添付します。\n担当 {rows[1][0]} {rows[1][1]}\n"
    )
    msg.add_attachment(csv_bytes(rows), maintype="text", subtype="csv", filename="list.csv")
    return msg.as_bytes()


def zip_bytes(rows: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("名簿.csv", csv_bytes(rows))
        zf.writestr("記録.docx", docx_bytes(rows[:5]))
    return buf.getvalue()


def mixed(out: Path, n: int, seed: int = 7) -> dict[str, int]:
    """Write the files; return the number of invented persons in each (its relative path -> persons)."""
    rng = random.Random(seed)
    truth: dict[str, int] = {}
    kinds = ["docx", "xlsx", "pdf", "eml", "csv", "zip"]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        folder = out / f"dept{i % 7:02d}" / kind
        folder.mkdir(parents=True, exist_ok=True)
        if i % 25 == 24:
            (folder / f"memo_{i:04d}.txt").write_text("会議は10時から。議題は来期の予算について。\n" * 20)
            truth[f"{folder.relative_to(out)}/memo_{i:04d}.txt"] = 0
            continue
        rows = people(rng, rng.randrange(5, 60))
        data = {
            "docx": lambda r: docx_bytes(r),
            "xlsx": lambda r: xlsx_bytes(r),
            "pdf": lambda r: pdf_bytes(r),
            "eml": lambda r: eml_bytes(rng, r),
            "csv": lambda r: csv_bytes(r),
            "zip": lambda r: zip_bytes(r),
        }[kind](rows)
        (folder / f"customers_{i:04d}.{kind}").write_bytes(data)
        truth[f"{folder.relative_to(out)}/customers_{i:04d}.{kind}"] = len(rows)
    return truth


def hostile(out: Path, big_mb: int, bomb_mb: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    chunk = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(out / "bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("zeros.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(bomb_mb):
            member.write(chunk)
    data, name = csv_bytes(people(rng, 20)), "名簿.csv"
    for level in range(10):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(name, data)
        data, name = buf.getvalue(), f"level{9 - level}.zip"
    (out / "nested10.zip").write_bytes(data)
    block = csv_bytes(people(rng, 5000)).split(b"\n", 1)[1]  # rows without the header, reused
    with open(out / "big.csv", "wb") as fh:
        fh.write(",".join(HEADER).encode() + b"\n")
        written = 0
        while written < big_mb * 1024 * 1024:
            fh.write(block)
            written += len(block)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=600)
    ap.add_argument("--big-mb", type=int, default=200)
    ap.add_argument("--bomb-mb", type=int, default=1024)
    ap.add_argument("--out", type=Path, default=OUT / "scan-corpus")
    args = ap.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    truth = mixed(args.out / "mixed", args.files)
    (args.out / "persons.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8")
    hostile(args.out / "hostile", args.big_mb, args.bomb_mb)
    size = sum(f.stat().st_size for f in (args.out / "mixed").rglob("*") if f.is_file())
    print(f"{len(truth)} files, {size / 1e6:.1f} MB in {args.out / 'mixed'}; hostile files in {args.out / 'hostile'}")


if __name__ == "__main__":
    main()
