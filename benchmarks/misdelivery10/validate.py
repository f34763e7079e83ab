"""Validate misdelivery10: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Checks that contacts, history and every message parse; that every attachment opens with its library (password
ZIP members only with the password in the label note, and not without it); that all addresses are on reserved
domains; that labels.jsonl and messages/ name the same files and use only DESIGN.md's reason codes; and a few
label facts per kind against the files. Prints counts per kind; exit code 1 on any problem.
"""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
INTERNAL = "mirai-gakusha.example"


def reserved(address: str) -> bool:
    d = address.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def read_attachment(name: str, data: bytes, pw: str | None) -> str:
    ext = name.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        rows = (r for ws in wb for r in ws.iter_rows(values_only=True))
        return "\n".join(" ".join(str(v) for v in r if v is not None) for r in rows)
    if ext == "docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    if ext == "csv":
        for enc in ("utf-8-sig", "cp932"):
            try:
                s = data.decode(enc)
            except UnicodeDecodeError:
                continue
            list(csv.reader(io.StringIO(s)))
            return s
        raise ValueError(f"undecodable {name}")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not pw:
                        raise ValueError("encrypted member without a password in the note")
                    out.append(read_attachment(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(read_attachment(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def my_number_ok(s: str) -> bool:
    d = [int(c) for c in s]
    t = sum(d[10 - i] * ((i + 2) if i < 6 else (i - 4)) for i in range(11))
    return d[11] == (0 if t % 11 <= 1 else 11 - t % 11)


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent)
    problems: list[str] = []
    with open(root / "contacts.csv", encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    emails = [c["email"] for c in contacts]
    if len(set(emails)) != len(emails):
        problems.append("duplicate e-mail in contacts.csv")
    org_of = {c["email"]: c["organization"] for c in contacts}
    name_of = {c["email"]: c["name"] for c in contacts}
    domains = {e.rsplit("@", 1)[1] for e in emails}
    orgs = set(org_of.values())
    surnames: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    for c in contacts:
        surnames.setdefault(c["name"].split()[0], set()).add(c["organization"])
        fulls.setdefault(c["name"], set()).add(c["organization"])
    print(f"contacts {len(contacts)}, organisations {len(orgs)} ({sum(o.startswith('ご家庭') for o in orgs)} families, "
          f"{sum(o.startswith('大学生講師') for o in orgs)} tutors); surnames at >=3 organisations: "
          f"{sum(len(v) >= 3 for v in surnames.values())}; full names at >1: {sum(len(v) > 1 for v in fulls.values())}")
    with open(root / "history.jsonl", encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
        if not h["date"].startswith(("2025-12", "2026-")) or h["date"] >= "2026-12":
            problems.append(f"history date {h['date']}")
    print(f"history {len(hist)} messages, {len({h['from'] for h in hist})} senders")
    with open(root / "labels.jsonl", encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    on_disk = {f"messages/{p.name}" for p in (root / "messages").glob("*.eml")}
    named = [lb["file"] for lb in labels]
    if set(named) != on_disk or len(named) != len(set(named)):
        problems.append(f"labels and messages differ: {sorted(on_disk ^ set(named))[:5]}")
    kinds: Counter = Counter()
    fmts: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        if not set(lb["codes"]) <= CODES or (lb["expected"] == "risky" and not lb["codes"]):
            problems.append(f"{fn}: codes {lb['codes']}")
        if lb["kind"].startswith("ok_") != (lb["expected"] == "ok"):
            problems.append(f"{fn}: kind {lb['kind']} vs expected {lb['expected']}")
        kinds[(lb["expected"], lb["kind"])] += 1
        m = email.message_from_bytes((root / fn).read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        slots = {h: [a.addr_spec.lower() for a in m[h].addresses] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        rc = slots["To"] + slots["Cc"] + slots["Bcc"]
        if not all(map(reserved, rc)) or m["From"].addresses[0].domain != INTERNAL:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        open_ext = [a for a in slots["To"] + slots["Cc"] if not a.endswith("@" + INTERNAL)]
        body_part = m.get_body(("plain", "html"))
        shape = "alternative" if body_part.get_content_type() == "text/plain" and m.get_body(("html",)) else \
            body_part.get_content_type()
        fmts[(shape, body_part.get_content_charset())] += 1
        text = body_part.get_content()
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name:
                problems.append(f"{fn}: attachment without a name")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        k = lb["kind"]
        if k == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on an internal message")
        if k == "ok_notice_bcc" and (open_ext or len(slots["Bcc"]) < 8):
            problems.append(f"{fn}: notice not in Bcc")
        if k in ("notice_open_recipients", "tutor_list_open_recipients") and len(open_ext) < 5:
            problems.append(f"{fn}: fewer than 5 open external recipients")
        if k == "ok_parent_and_own_child" and len({org_of.get(a) for a in rc}) != 1:
            problems.append(f"{fn}: parent and child are not one family")
        if k in ("report_to_other_family", "school_list_wrong_school"):
            who = lb["note"].rsplit("attachment names ", 1)[-1]
            if not any(who in t for t in texts):
                problems.append(f"{fn}: attachment does not name {who}")
        if k == "lookalike_domain" and any(a.rsplit("@", 1)[1] in domains for a in ext):
            problems.append(f"{fn}: recipient domain is a real contact domain")
        if k == "my_number_in_body" and not any(my_number_ok(x) for x in re.findall(r"(?<!\d)\d{12}(?!\d)", text)):
            problems.append(f"{fn}: no valid My Number in the body")
        if k in ("same_surname_other_family", "same_surname_other_org", "forward_to_wrong_namesake"):
            meant = re.search(r"meant (?:internal )?(\S+?@\S+?)[ ;]", lb["note"])
            sur = name_of.get(meant.group(1), "?").split()[0] if meant else "?"
            if not any(a != meant.group(1) and name_of.get(a, "").split()[:1] == [sur] for a in rc):
                problems.append(f"{fn}: no recipient shares the surname of the meant person")
        if k == "password_zip_list":
            data = next(p.get_payload(decode=True) for p in m.iter_attachments())
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                try:
                    z.read(z.infolist()[0])
                    problems.append(f"{fn}: encrypted member readable without the password")
                except RuntimeError:
                    pass
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", dict(fmts))
    print("attachments:", dict(atts))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
