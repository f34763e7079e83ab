"""Guard latency at scale: a 10,000-contact directory, a 100,000-message history, messages with and without a 1 MB xlsx.

    .venv/bin/python benchmarks/guard_latency.py [--contacts 10000] [--history 100000] [--runs 200] [--xlsx-runs 20]

Everything is generated deterministically (seeded): invented names and organisations, domains under ``*.example``.
The loaders are the ones ``mamori check`` uses (``load_contacts``, ``load_history`` on files in a temporary
directory); each message is timed from its .eml bytes to the verdict (``message_from_eml`` + ``judge``), the path
``check_file`` runs after loading. Prints load times and p50/p99 per kind of message, and how many verdicts had
``bulk_pii`` / ``unscannable_attachment`` (a big sheet is read as a row sample: it must be bulk, not unscannable).
The 1 MB xlsx comes twice: as openpyxl writes it (inline strings) and as Excel writes it (shared strings, birth
dates as date-formatted serials).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from scan_corpus import ROMAJI, SURNAMES  # the same invented name pool as the scan corpus

from mamori.detect.detector import default_detector
from mamori.guard import judge, load_contacts, load_history
from mamori.guard.engine import message_from_eml
from mamori.guard.policy import parse_policy

GIVEN = [
    "太郎",
    "花子",
    "一郎",
    "次郎",
    "明美",
    "裕子",
    "健太",
    "直樹",
    "陽子",
    "恵",
    "翔",
    "さくら",
    "大輔",
    "美咲",
    "拓也",
    "愛",
    "浩",
    "真由美",
    "誠",
    "由美",
]
ORG_WORDS = [
    "光陽",
    "青葉",
    "東雲",
    "朝日",
    "若葉",
    "白鷺",
    "翠",
    "紅葉",
    "北斗",
    "桜",
    "大和",
    "瑞穂",
    "昴",
    "銀河",
    "葵",
    "楓",
    "蓬莱",
    "千歳",
    "常盤",
    "浅葱",
]
ORG_KINDS = ["システムズ", "商事", "工業", "物産", "製作所", "電機", "建設", "運輸", "薬品", "食品"]
INTERNAL = "ours.example"
SENDERS = 50


def _org(i: int) -> tuple[str, str]:
    a, b, c = ORG_WORDS[i % 20], ORG_KINDS[(i // 20) % 10], i // 200
    name = f"株式会社{a}{b}{c or ''}" if i % 2 else f"{a}{b}{c or ''}株式会社"
    return name, f"org{i:04d}-{ROMAJI[i % 10]}.example"


def make_contacts(n: int, rng: random.Random) -> tuple[str, list[str]]:
    """contacts.csv text for ``n`` people, 10 per organisation, and their addresses."""
    rows = ["name,kana,email,organization"]
    addresses = []
    for i in range(n):
        org, domain = _org(i // 10)
        sur, given = rng.choice(SURNAMES), rng.choice(GIVEN)
        addr = f"{ROMAJI[i % 10][0]}.{ROMAJI[(i // 10) % 10]}{i}@{domain}"
        rows.append(f"{sur} {given},,{addr},{org}")
        addresses.append(addr)
    return "\n".join(rows) + "\n", addresses


def make_history(n: int, addresses: list[str], rng: random.Random) -> str:
    """history.jsonl text: ``n`` messages from 50 internal senders to 1-3 external addresses (+ an internal Cc)."""
    lines = []
    for i in range(n):
        sender = f"user{i % SENDERS:02d}@{INTERNAL}"
        to = rng.sample(addresses, rng.randint(1, 3))
        cc = [f"user{rng.randrange(SENDERS):02d}@{INTERNAL}"] if i % 4 == 0 else []
        date = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00+09:00"
        lines.append(json.dumps({"date": date, "from": sender, "to": to, "cc": cc, "subject": f"件名 {i}"}))
    return "\n".join(lines) + "\n"


def make_xlsx(target_bytes: int, rng: random.Random) -> bytes:
    """An invented customer list (氏名, 住所, 電話, メール, 生年月日) of about ``target_bytes`` as .xlsx."""
    from openpyxl import Workbook

    rows = max(100, target_bytes // 60)
    while True:
        wb = Workbook()
        ws = wb.active
        ws.append(["氏名", "住所", "電話番号", "メール", "生年月日"])
        for i in range(rows):
            ws.append(
                [
                    f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
                    f"東京都架空区見本町{1 + i % 9}-{1 + i % 30}-{1 + i % 20}",
                    f"090-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}",
                    f"c{i}@customers.example",
                    f"19{50 + i % 50}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                ]
            )
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
        if len(data) >= target_bytes * 0.9:
            return data
        rows = int(rows * target_bytes / len(data)) + 1


def as_excel_writes(xlsx: bytes) -> bytes:
    """The same workbook as Excel writes it: text in the shared-string table, birth dates as date serials with a
    date style (numFmtId 14), where openpyxl wrote inline strings."""
    import datetime as dt
    import html
    import re
    import zipfile

    strings: dict[str, int] = {}
    epoch = dt.date(1899, 12, 30)

    def cell(m: re.Match[str]) -> str:
        ref, text = m.group(1), html.unescape(m.group(2))
        if ref.startswith("E") and re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return f'<c r="{ref}" s="1"><v>{(dt.date.fromisoformat(text) - epoch).days}</v></c>'
        return f'<c r="{ref}" t="s"><v>{strings.setdefault(text, len(strings))}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                rx = r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>(.*?)</t></is></c>'
                data = re.sub(rx, cell, data.decode()).encode()
            elif item.filename == "xl/styles.xml":
                data = re.sub(
                    rb"<cellXfs.*?</cellXfs>",
                    b'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                    b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
                    data,
                    flags=re.S,
                )
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            dst.writestr(item, data)
        sst = "".join(f"<si><t>{html.escape(t, quote=False)}</t></si>" for t in strings)
        dst.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        )
    return out.getvalue()


def make_eml(sender: str, to: list[str], body: str, xlsx: bytes | None = None) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = ", ".join(to)
    m["Subject"] = "資料送付の件"
    m.set_content(body)
    if xlsx is not None:
        m.add_attachment(
            xlsx,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename="customers.xlsx",
        )
    return bytes(m)


def _pct(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times) * 1000, times[min(len(times) - 1, int(len(times) * 0.99))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=10_000)
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=200, help="messages without attachments")
    ap.add_argument("--xlsx-runs", type=int, default=20, help="messages with the xlsx")
    ap.add_argument("--xlsx-bytes", type=int, default=1_000_000)
    args = ap.parse_args()
    rng = random.Random(20261127)
    contacts_csv, addresses = make_contacts(args.contacts, rng)
    history_jsonl = make_history(args.history, addresses, rng)
    xlsx = make_xlsx(args.xlsx_bytes, rng)
    policy = parse_policy(f'[organization]\nname = "株式会社自社"\ninternal_domains = ["{INTERNAL}"]\n')
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "contacts.csv").write_text(contacts_csv, encoding="utf-8")
        (Path(tmp) / "history.jsonl").write_text(history_jsonl, encoding="utf-8")
        t0 = time.perf_counter()
        directory = load_contacts(Path(tmp) / "contacts.csv")
        t1 = time.perf_counter()
        history = load_history(Path(tmp) / "history.jsonl")
        t2 = time.perf_counter()
    detector = default_detector()
    t3 = time.perf_counter()
    print(f"directory: {len(directory.contacts)} contacts, {len(directory.org_domains)} organisations")
    print(f"history: {args.history} messages from {len(history.addresses)} senders")
    print(f"load: contacts {(t1 - t0) * 1000:.0f} ms, history {(t2 - t1) * 1000:.0f} ms, detector {t3 - t2:.1f} s")

    def body_for(addr: str) -> str:
        c = directory.lookup(addr)
        org, name = (c.organization, c.name.split()[0]) if c else ("", "")
        return f"{org}\n{name}様\n\nいつもお世話になっております。\n資料をお送りします。\n\n--\n株式会社自社 中村\n"

    excel = as_excel_writes(xlsx)
    inline_kind = f"xlsx {len(xlsx) / 1e6:.2f} MB inline"
    shared_kind = f"xlsx {len(excel) / 1e6:.2f} MB shared"
    kinds: dict[str, list[bytes]] = {"no attachment": [], inline_kind: [], shared_kind: []}
    for i in range(args.runs):
        sender = f"user{i % SENDERS:02d}@{INTERNAL}"
        to = rng.sample(addresses, rng.randint(1, 3))  # usually first-time, sometimes a same-name twin
        kinds["no attachment"].append(make_eml(sender, to, body_for(to[0])))
    for i in range(args.xlsx_runs):
        sender = f"user{i % SENDERS:02d}@{INTERNAL}"
        to = [rng.choice(addresses)]
        kinds[inline_kind].append(make_eml(sender, to, body_for(to[0]), xlsx))
        kinds[shared_kind].append(make_eml(sender, to, body_for(to[0]), excel))
    # wall time, and this process's CPU time (the same work, without the waits of a machine shared with others)
    print(f"{'kind':26} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'cpu p50':>8} {'cpu p99':>8}  actions")
    for kind, emls in kinds.items():
        times: list[float] = []
        cpu: list[float] = []
        actions: dict[str, int] = {}
        judge(message_from_eml(emls[0], "warmup.eml", detector), policy, directory, history)
        for n, data in enumerate(emls):
            t, c = time.perf_counter(), time.process_time()
            verdict = judge(message_from_eml(data, f"{n}.eml", detector), policy, directory, history)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            actions[verdict.action] = actions.get(verdict.action, 0) + 1
            for r in verdict.reasons:
                if r.code in ("bulk_pii", "unscannable_attachment"):
                    actions[r.code] = actions.get(r.code, 0) + 1
        p50, p99 = _pct(times)
        c50, c99 = _pct(cpu)
        print(f"{kind:26} {len(emls):4} {p50:8.1f} {p99:8.1f} {c50:8.1f} {c99:8.1f}  {dict(sorted(actions.items()))}")


if __name__ == "__main__":
    main()
