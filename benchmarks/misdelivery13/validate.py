"""Validate misdelivery13: python validate.py [SET_DIR]   (needs openpyxl, python-docx, pypdf).

Checks that every file parses, that labels and message files match one to one, that codes are reason codes of
DESIGN.md, that every address is on a reserved domain, that every attachment opens with its library (password ZIPs
only with the note's password), and a few label facts against the files. Prints counts per kind; exit 1 on a problem.
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
         "blocked_attachment", "unknown_recipient", "recipient_organization_mismatch", "malformed_message",
         "guard_error", "sender_mismatch"}
INTERNAL = "oryo-u.ac.example"


def reserved(addr: str) -> bool:
    d = addr.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d in ("example", "test", "example.com")


def text_of(name: str, data: bytes, pw: str | None) -> str:
    ext = name.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
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
        raise ValueError("csv in no known encoding")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not pw:
                        raise ValueError("encrypted member and no password in the note")
                    try:
                        z.read(info)
                        raise ValueError("encrypted member readable without the password")
                    except RuntimeError:
                        pass
                    out.append(text_of(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(text_of(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unexpected attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    bad: list[str] = []
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if list(rows[0]) != ["name", "kana", "email", "organization"]:
        bad.append("contacts.csv header")
    bad += [f"contact on an unreserved domain: {r['email']}" for r in rows if not reserved(r["email"])]
    if len({r["email"] for r in rows}) != len(rows):
        bad.append("duplicate e-mail in contacts.csv")
    domains = {r["email"].split("@")[1] for r in rows}
    sur: dict[str, set] = {}
    fulls: dict[str, set] = {}
    for r in rows:
        sur.setdefault(r["name"].split()[0], set()).add(r["organization"])
        fulls.setdefault(r["name"], set()).add(r["organization"])
    n_org = len({r["organization"] for r in rows})
    print(f"contacts {len(rows)} at {n_org} organisations; surnames at >=3 organisations: "
          f"{sum(len(v) >= 3 for v in sur.values())}; full names at >1 organisation: "
          f"{sum(len(v) > 1 for v in fulls.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(x) for x in f]
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            bad.append(f"history row {h}")
    print(f"history {len(hist)} rows from {len({h['from'] for h in hist})} senders")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(x) for x in f]
    files = sorted("messages/" + n for n in os.listdir(os.path.join(d, "messages")))
    if sorted(lb["file"] for lb in labels) != files:
        bad.append("labels.jsonl and messages/ do not match one to one")
    kinds: Counter = Counter()
    bodies: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            bad.append(f"{fn}: label fields")
        codes = lb["codes"]
        if not set(codes) <= CODES or (lb["expected"] == "risky" and not codes) or codes != sorted(set(codes)):
            bad.append(f"{fn}: codes {lb['codes']}")
        if (lb["expected"] == "ok") != lb["kind"].startswith("ok_"):
            bad.append(f"{fn}: kind/expected")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                bad.append(f"{fn}: no {h}")
        if m["From"].addresses[0].domain != INTERNAL:
            bad.append(f"{fn}: From is not internal")
        place = {h: [a.addr_spec.lower() for a in m[h].addresses] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        every = place["To"] + place["Cc"] + place["Bcc"]
        ext = [a for a in every if not a.endswith("@" + INTERNAL)]
        if not all(map(reserved, every)):
            bad.append(f"{fn}: unreserved recipient")
        if lb["kind"] == "ok_internal" and ext:
            bad.append(f"{fn}: ok_internal with an external recipient")
        if lb["kind"] == "ok_notice_bcc" and [a for a in place["To"] + place["Cc"] if a in ext]:
            bad.append(f"{fn}: notice with external recipients outside Bcc")
        if lb["kind"] == "open_recipient_list" and len([a for a in place["To"] + place["Cc"] if a in ext]) < 8:
            bad.append(f"{fn}: open list with fewer than 8 visible external recipients")
        if lb["kind"] == "lookalike_domain" and any(a.split("@")[1] in domains for a in ext):
            bad.append(f"{fn}: lookalike to a known domain")
        if lb["kind"] == "first_time_unknown_org" and any(a.split("@")[1] in domains for a in ext):
            bad.append(f"{fn}: 'unknown' organisation is in contacts.csv")
        body = m.get_body(("plain", "html"))
        bodies[(body.get_content_type(), body.get_content_charset())] += 1
        body.get_content()
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(text_of(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # a file that does not open is a defect of the set
                bad.append(f"{fn}: {name}: {e}")
        named = re.search(r"attachment names (.+?)(?:;|$)", lb["note"])
        if named and not any(named.group(1).strip() in t for t in texts):
            bad.append(f"{fn}: attachment does not name {named.group(1)}")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", dict(bodies))
    print("attachments:", dict(atts))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {n}")
    for b in bad:
        print("PROBLEM", b)
    print("OK" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
