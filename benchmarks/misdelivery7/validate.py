"""Validate misdelivery7: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Parses every message with email.policy.default, opens every attachment with its library (password ZIP members
only with the password in the label note), checks reserved domains, label fields and reason codes, and
cross-checks a few label facts against the files. Prints counts; exit code 1 on any problem.
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
INTERNAL = "hidamari-care.example"


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
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
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


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    problems: list[str] = []
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    orgs = {c["organization"] for c in contacts}
    surnames: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    for c in contacts:
        surnames.setdefault(c["name"].split()[0], set()).add(c["organization"])
        fulls.setdefault(c["name"], set()).add(c["organization"])
    print(f"contacts {len(contacts)}, organisations {len(orgs)} "
          f"({sum(o.startswith('個人') for o in orgs)} individual customers); surnames at >=3 organisations: "
          f"{sum(len(v) >= 3 for v in surnames.values())}; full names at >1: {sum(len(v) > 1 for v in fulls.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
    print(f"history {len(hist)} messages, {len({h['from'] for h in hist})} senders")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    kinds: Counter = Counter()
    fmts: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        if not set(lb["codes"]) <= CODES or (lb["expected"] == "risky" and not lb["codes"]):
            problems.append(f"{fn}: codes {lb['codes']}")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        if not all(map(reserved, rc)) or m["From"].addresses[0].domain != INTERNAL:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        if lb["kind"] == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on an internal message")
        body = m.get_body(("plain", "html"))
        fmts[(body.get_content_type(), body.get_content_charset())] += 1
        body.get_content()
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        if lb["kind"] == "wrong_attachment":
            named = next(o for o in orgs if "attachment is the " in lb["note"] and lb["note"].endswith(" of " + o))
            if not any(named in t for t in texts):
                problems.append(f"{fn}: attachment does not name {named}")
        if lb["kind"] == "password_zip_customer_list":
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
        print(f"  {e:5} {k:40} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
