"""Validate misdelivery9: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Every message parses with email.policy.default and has its headers; every address is on a reserved domain; every
attachment opens with its library (password ZIP members only with the password in the label note, and not
without it); labels and message files match one to one; codes are the guard's reason codes; a few label facts
are checked against the files. Prints counts per kind; exit code 1 on any problem.
"""

from __future__ import annotations

import csv
import email
import email.policy
import glob
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
OK_ALLOWED = {"external_recipient", "first_time_recipient", "pii_in_attachment", "sensitive_pii"}
INTERNAL = "soleil-jinzai.example"


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
        raise ValueError("undecodable csv")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not pw:
                        raise ValueError("encrypted member and no password in the note")
                    out.append(read_attachment(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(read_attachment(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    emails = [c["email"] for c in contacts]
    if len(emails) != len(set(emails)):
        problems.append("duplicate e-mail in contacts.csv")
    problems += [f"unreserved contact {e}" for e in emails if not reserved(e)]
    orgs = {c["organization"] for c in contacts}
    sur: dict[str, set[str]] = {}
    full: dict[str, set[str]] = {}
    for c in contacts:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
    n_ind = sum(o.startswith("個人") for o in orgs)
    print(f"contacts {len(contacts)}, organisations {len(orgs)} ({n_ind} individuals); "
          f"surnames at >=3 organisations {sum(len(v) >= 3 for v in sur.values())}; "
          f"full names at >1 organisation {sum(len(v) > 1 for v in full.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    for h in hist:
        addrs = [h["from"], *h["to"], *h["cc"]]
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, addrs)):
            problems.append(f"history row {h}")
        if not h["from"].endswith("@" + INTERNAL):
            problems.append(f"history sender {h['from']}")
    print(f"history {len(hist)} messages from {len({h['from'] for h in hist})} senders")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    files = sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "messages", "*.eml")))
    if sorted(lb["file"] for lb in labels) != files or len(files) != len(set(files)):
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
        if lb["expected"] == "ok" and not set(lb["codes"]) <= OK_ALLOWED:
            problems.append(f"{fn}: ok message lists {lb['codes']}")
        if lb["codes"] != sorted(set(lb["codes"])):
            problems.append(f"{fn}: codes not sorted/unique")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        if m["To"] is None and m["Bcc"] is None:
            problems.append(f"{fn}: no recipient")
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        if not rc or not all(map(reserved, rc)) or m["From"].addresses[0].domain != INTERNAL:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        if (lb["kind"] == "ok_internal") != (not ext):
            problems.append(f"{fn}: internal/external recipients do not fit the kind")
        body = m.get_body(("plain", "html"))
        ctype = body.get_content_type()
        alt = any(p.get_content_type() == "multipart/alternative" for p in m.walk())
        bodies[f"{ctype}; {body.get_content_charset()}" + (" (alternative)" if alt else "")] += 1
        text = body.get_content()
        if len(text) < 40:
            problems.append(f"{fn}: short body")
        pw = re.search(r"\(password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name:
                problems.append(f"{fn}: attachment name {name!r}")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        if lb["kind"] == "other_client_list":
            named = lb["note"].rsplit(" the one of ", 1)[1]
            if not any(named in t for t in texts):
                problems.append(f"{fn}: attachment does not name {named}")
        if lb["kind"] == "cv_to_wrong_client" and "prepared for " in lb["note"]:
            named = lb["note"].rsplit("prepared for ", 1)[1]
            if not any(named in t for t in texts):
                problems.append(f"{fn}: 推薦書 does not name {named}")
        if lb["kind"] == "password_zip_list":
            data = next(p.get_payload(decode=True) for p in m.iter_attachments())
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                try:
                    z.read(z.infolist()[0])
                    problems.append(f"{fn}: encrypted member readable without the password")
                except RuntimeError:
                    pass
        if lb["kind"] in ("notice_in_to", "ok_notice_bcc"):
            shown = [a.addr_spec for h in ("To", "Cc") if m[h] for a in m[h].addresses if a.domain != INTERNAL]
            if (lb["kind"] == "notice_in_to") != (len(shown) >= 8):
                problems.append(f"{fn}: visible external recipients {len(shown)}")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", dict(bodies))
    print("attachments:", dict(atts))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:40} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
