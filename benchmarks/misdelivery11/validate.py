"""Validate misdelivery11: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Checks that every message parses, that labels and message files match one to one, that codes are the guard's
reason codes, that every address is on a reserved domain, that every attachment opens (password ZIPs only with
the password in the note, and not without it), and a few label facts; prints counts per kind. Exit 1 on problems.
"""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import os
import re
import sys
import zipfile
from collections import Counter

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
INTERNAL = "seirei-law.example"


def reserved(addr: str) -> bool:
    d = addr.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com"))


def text_of(name: str, data: bytes, pw: str | None) -> str:
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
        raise ValueError("undecodable csv")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not pw:
                        raise ValueError("encrypted member and no password in the note")
                    out.append(text_of(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(text_of(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    contacts = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    emails = [c["email"] for c in contacts]
    if len(set(emails)) != len(emails):
        problems.append("duplicate e-mail in contacts.csv")
    problems += [f"unreserved contact {e}" for e in emails if not reserved(e)]
    org_of = {c["email"]: c["organization"] for c in contacts}
    sur: dict[str, set] = {}
    full: dict[str, set] = {}
    for c in contacts:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
    orgs = set(org_of.values())
    print(f"contacts {len(contacts)}, organisations {len(orgs)} ({sum(o.startswith('個人') for o in orgs)} private "
          f"persons); surnames at >=3 organisations {sum(len(v) >= 3 for v in sur.values())}; "
          f"full names at >1 organisation {sum(len(v) > 1 for v in full.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(x) for x in f]
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
    print(f"history {len(hist)} messages from {len({h['from'] for h in hist})} senders")

    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(x) for x in f]
    files = sorted("messages/" + n for n in os.listdir(os.path.join(d, "messages")) if n.endswith(".eml"))
    if sorted(lb["file"] for lb in labels) != files:
        problems.append("labels.jsonl and messages/ do not match one to one")
    kinds: Counter = Counter()
    bodies: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        if not set(lb["codes"]) <= CODES or (lb["expected"] == "risky" and not lb["codes"]):
            problems.append(f"{fn}: codes {lb['codes']}")
        if lb["kind"].startswith("ok_") != (lb["expected"] == "ok"):
            problems.append(f"{fn}: kind/expected")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        if not rc or not all(map(reserved, rc)) or m["From"].addresses[0].domain != INTERNAL:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        if lb["kind"] == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on an internal message")
        if lb["expected"] == "ok" and ext and "external_recipient" not in lb["codes"]:
            problems.append(f"{fn}: ok external mail without external_recipient")
        if lb["kind"] == "ok_notice_bcc" and (len(m["To"].addresses) != 1 or m["Cc"] or not m["Bcc"]):
            problems.append(f"{fn}: notice not in Bcc")
        if lb["kind"] == "notice_in_to" and len(ext) < 3:
            problems.append(f"{fn}: notice with fewer than 3 external recipients")
        if lb["kind"] == "lookalike_domain" and any(a in org_of for a in ext):
            problems.append(f"{fn}: look-alike address is a real contact")
        body = m.get_body(("plain", "html"))
        bodies[(body.get_content_type(), body.get_content_charset())] += 1
        text = body.get_content()
        if lb["kind"] == "mynumber_in_body" and not re.search(r"\d{4} \d{4} \d{4}", text):
            problems.append(f"{fn}: no 12-digit number in the body")
        pw = re.search(r"\(password (\S+?)\)", lb["note"])
        for part in m.iter_attachments():
            name = part.get_filename()
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            data = part.get_payload(decode=True)
            try:
                text_of(name, data, pw.group(1) if pw else None)
            except Exception as e:  # a set whose attachment does not open is broken
                problems.append(f"{fn}: attachment {name}: {e}")
            if lb["kind"] == "password_zip_list":
                try:
                    text_of(name, data, None)
                    problems.append(f"{fn}: encrypted member readable without the password")
                except (ValueError, RuntimeError):
                    pass
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", dict(bodies))
    print("attachments:", dict(atts))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:34} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
