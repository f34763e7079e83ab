"""Validate misdelivery14: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Parses every message with email.policy.default, opens every attachment with its library, checks reserved
domains, label fields, reason codes and that labels and messages match one to one, and cross-checks label facts
against the files (internal-only mail, Bcc notices, open lists, look-alike and unknown addresses, wrong and
matching attachments, My Numbers in bodies). Prints counts; exit code 1 on any problem.
"""

# Japanese templates and data rows are long (East Asian wide characters count double):
# ruff: noqa: E501

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
         "blocked_attachment", "unknown_recipient", "recipient_organization_mismatch"}
INTERNAL = "kotobuki-jk.example"


def reserved(address: str) -> bool:
    d = address.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def read_attachment(name: str, data: bytes) -> str:
    ext = name.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(" ".join(str(v) for v in r if v is not None) for ws in wb for r in ws.iter_rows(values_only=True))
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
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(read_attachment(i.filename, z.read(i)) for i in z.infolist())
    raise ValueError(f"unknown attachment type {name}")


def my_number_ok(d: str) -> bool:
    p = [int(c) for c in d[:11]]
    s = sum(p[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def near(a: str, b: str) -> bool:
    """one edit (or one adjacent swap, or rn/m, or a TLD change) apart."""
    if a == b:
        return False
    if a.replace("rn", "m") == b.replace("rn", "m"):
        return True
    if a.split(".")[0] == b.split(".")[0]:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) == 1:
        s, t = (a, b) if len(a) < len(b) else (b, a)
        return any(t[:i] + t[i + 1:] == s for i in range(len(t)))
    return a.replace("sho", "syo") == b or b.replace("sho", "syo") == a


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    emails = {c["email"].lower(): c for c in contacts}
    if len(emails) != len(contacts):
        problems.append("duplicate contact address")
    domains = {e.rsplit("@", 1)[1] for e in emails} | {INTERNAL}
    orgs = {c["organization"] for c in contacts}
    sur: dict[str, set] = {}
    full: dict[str, set] = {}
    lps: dict[str, set] = {}
    for c in contacts:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
        lps.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    print(f"contacts {len(contacts)}, organisation labels {len(orgs)} ({sum(o.startswith('個人') for o in orgs)} individuals); "
          f"surnames at >=3 labels: {sum(len(v) >= 3 for v in sur.values())}; full names at >1: "
          f"{sum(len(v) > 1 for v in full.values())}; local parts at >1 domain: {sum(len(v) > 1 for v in lps.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
    print(f"history {len(hist)} messages, {len({h['from'] for h in hist})} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    files = {f"messages/{n}" for n in os.listdir(os.path.join(d, "messages")) if n.endswith(".eml")}
    if files != {lb["file"] for lb in labels} or len(labels) != len(files):
        problems.append("labels.jsonl and messages/ do not match one to one")
    kinds: Counter = Counter()
    bodies: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn, kind = lb["file"], lb["kind"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        if not set(lb["codes"]) <= CODES or (lb["expected"] == "risky" and not lb["codes"]) or lb["codes"] != sorted(set(lb["codes"])):
            problems.append(f"{fn}: codes {lb['codes']}")
        if lb["expected"] == "ok" and kind != "ok_internal" and "external_recipient" not in lb["codes"]:
            problems.append(f"{fn}: external ok message without external_recipient")
        kinds[(lb["expected"], kind)] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        fields = {h: [a.addr_spec.lower() for a in m[h].addresses] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        rc = fields["To"] + fields["Cc"] + fields["Bcc"]
        if not all(map(reserved, rc)) or m["From"].addresses[0].domain != INTERNAL:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        open_ext = [a for a in fields["To"] + fields["Cc"] if not a.endswith("@" + INTERNAL)]
        body = m.get_body(("plain", "html"))
        cs = body.get_content_charset()
        shape = "html-only" if body.get_content_type() == "text/html" else (
            "alternative" if m.get_content_type() == "multipart/alternative" or any(p.get_content_type() == "multipart/alternative" for p in m.walk()) else "plain")
        bodies[(shape, cs)] += 1
        text = body.get_content()
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True)))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        att_text = "\n".join(texts)
        first = fields["To"][0] if fields["To"] else ""
        who = emails.get(first)
        if kind == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on an internal message")
        if kind == "ok_notice_bcc" and (open_ext or len(fields["Bcc"]) < 8):
            problems.append(f"{fn}: notice not in Bcc")
        if kind == "open_recipient_list" and len(open_ext) < 8:
            problems.append(f"{fn}: fewer than 8 open external recipients")
        if kind == "lookalike_domain":
            dom = first.rsplit("@", 1)[1]
            if dom in domains or not any(near(dom, x) for x in domains):
                problems.append(f"{fn}: {dom} is not a near miss of a known domain")
        if kind == "first_time_unknown_org" and first in emails:
            problems.append(f"{fn}: recipient is in contacts.csv")
        if kind == "wrong_attachment" and who and who["name"].replace(" ", "") in att_text.replace(" ", ""):
            problems.append(f"{fn}: wrong attachment names the recipient")
        if kind == "ok_attachment_match" and who and not (who["name"] in att_text or who["organization"] in att_text):
            problems.append(f"{fn}: attachment does not name the recipient")
        if kind == "ok_guarantor_screening" and who and who["organization"] not in att_text:
            problems.append(f"{fn}: application does not name the guarantor company")
        if kind == "applicant_docs_wrong_party" and who and who["organization"] in att_text:
            problems.append(f"{fn}: application names the recipient's company")
        if kind == "mynumber_in_body" and not any(my_number_ok(x.replace(" ", "")) for x in re.findall(r"\d{4} \d{4} \d{4}", text)):
            problems.append(f"{fn}: no valid My Number in the body")
        if (lb["expected"] == "risky" and "similar_recipient" in lb["codes"] and kind != "lookalike_domain"
                and who and who["name"].split()[0] not in lb["note"]):
            problems.append(f"{fn}: similar_recipient without a shared surname in the note")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", ", ".join(f"{a} {b}: {n}" for (a, b), n in sorted(bodies.items())))
    print("attachments:", dict(sorted(atts.items())))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
