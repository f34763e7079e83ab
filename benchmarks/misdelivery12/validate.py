#!/usr/bin/env python3
"""Validate misdelivery12: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Every message parses with email.policy.default and has From (internal), To, Subject, Date, Message-ID; every
address is on a reserved domain; every attachment opens with its library (password ZIP members only with the
password written in the label note, and not without it); labels.jsonl and messages/ match one to one; codes are
DESIGN.md reason codes; a few label facts are checked against the files. Prints counts per kind; exit 1 on problems.
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
OK_CODES = {"external_recipient", "first_time_recipient", "pii_in_attachment", "sensitive_pii", "bulk_pii",
            "multiple_external_orgs"}


def reserved(address: str) -> bool:
    d = address.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def open_attachment(name: str, data: bytes, pw: str | None) -> str:
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
                    try:
                        z.read(info)
                        raise ValueError("encrypted member readable without the password")
                    except RuntimeError:
                        pass
                    out.append(open_attachment(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(open_attachment(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    with open(os.path.join(d, "mamori.toml"), encoding="utf-8") as f:
        toml = f.read()
    internal = set(re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1]))
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    emails = [c["email"].lower() for c in contacts]
    if len(set(emails)) != len(emails):
        problems.append("duplicate e-mail in contacts.csv")
    problems += [f"unreserved contact {e}" for e in emails if not reserved(e)]
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    domains = {e.split("@")[1] for e in emails} | internal
    sur, full, lp = {}, {}, {}
    for c in contacts:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
        lp.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    orgs = {c["organization"] for c in contacts}
    personal = sum(o.startswith("個人顧客") for o in orgs)
    print(f"contacts {len(contacts)}, organisations {len(orgs)} ({personal} personal "
          f"customers), domains {len(domains) - len(internal)}")
    print(f"  surnames at >=3 organisations {sum(len(v) >= 3 for v in sur.values())}; full names at >1 organisation "
          f"{sum(len(v) > 1 for v in full.values())}; local parts at >1 domain {sum(len(v) > 1 for v in lp.values())}")

    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    sent: dict[str, set[str]] = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
        sent.setdefault(h["from"], set()).update(a.lower() for a in h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(sent)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")

    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    files = sorted("messages/" + f for f in os.listdir(os.path.join(d, "messages")) if f.endswith(".eml"))
    if sorted(lb["file"] for lb in labels) != files:
        problems.append("labels.jsonl and messages/ do not match one to one")
    kinds: Counter = Counter()
    bodies: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
            continue
        codes = set(lb["codes"])
        if not codes <= CODES:
            problems.append(f"{fn}: unknown codes {codes - CODES}")
        if lb["expected"] == "risky" and not codes - {"external_recipient"}:
            problems.append(f"{fn}: risky without a catching code")
        if lb["expected"] == "ok" and not codes <= OK_CODES:
            problems.append(f"{fn}: ok label allows {codes - OK_CODES}")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            raw = f.read()
        m = email.message_from_bytes(raw, policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        sender = m["From"].addresses[0].addr_spec.lower()
        if sender.split("@")[1] not in internal:
            problems.append(f"{fn}: From is not internal")
        fields = {h: [a.addr_spec.lower() for a in m[h].addresses] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        rc = fields["To"] + fields["Cc"] + fields["Bcc"]
        if not all(map(reserved, rc)):
            problems.append(f"{fn}: unreserved recipient")
        ext = [a for a in rc if a.split("@")[1] not in internal]
        new = [a for a in ext if a not in sent.get(sender, set())]
        if ("first_time_recipient" in codes) != bool(new):
            problems.append(f"{fn}: first_time_recipient label vs history ({new})")
        if lb["expected"] == "ok" and ("external_recipient" in codes) != bool(ext):
            problems.append(f"{fn}: external_recipient label vs recipients")
        body = m.get_body(("plain", "html"))
        bodies[(body.get_content_type(), body.get_content_charset())] += 1
        body.get_content()
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name:
                problems.append(f"{fn}: attachment name {name!r}")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(open_attachment(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # a file that does not open is a defect of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        k = lb["kind"]
        to_cc_ext = [a for a in fields["To"] + fields["Cc"] if a.split("@")[1] not in internal]
        if k == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on ok_internal")
        if k == "ok_notice_bcc" and (to_cc_ext or len(fields["Bcc"]) < 8):
            problems.append(f"{fn}: notice not in Bcc")
        if k == "open_recipient_list" and len(to_cc_ext) < 8:
            problems.append(f"{fn}: fewer than 8 external addresses in To/Cc")
        if k == "lookalike_domain" and any(a.split("@")[1] in domains for a in ext):
            problems.append(f"{fn}: lookalike domain is a known domain")
        if k == "wrong_attachment":
            other = lb["note"].rsplit("attachment is for ", 1)[-1]
            person = re.search(r"個人顧客（(.+) 様）", other)
            needle = (person.group(1) if person else other).replace(" ", "")
            needle = needle.replace("株式会社", "").replace("有限会社", "")
            if not any(needle in t.replace(" ", "") for t in texts):
                problems.append(f"{fn}: attachment does not name {needle}")
        if k in ("ok_own_documents", "ok_right_twin", "ok_insurer_channel") and texts:
            for a in ext:
                o = org_of.get(a, "")
                who = re.search(r"個人顧客（(.+) 様）", o)
                named = who and any(who.group(1).replace(" ", "") in t.replace(" ", "") for t in texts)
                if who and not named and k != "ok_insurer_channel":
                    problems.append(f"{fn}: personal document does not name the recipient {who.group(1)}")
        if k in ("same_surname_wrong_customer", "heir_docs_to_other_heir", "ok_right_twin"):
            head = body.get_content().split("\n", 3)
            named = " ".join(head[:2])
            rnames = {c["name"] for c in contacts if c["email"].lower() in fields["To"]}
            hit = any(n in named for n in rnames)
            if (k == "ok_right_twin") != hit and not (k != "ok_right_twin" and (fields["Cc"] or fields["Bcc"])):
                problems.append(f"{fn}: salutation vs To for {k}")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", {f"{t} {c}": n for (t, c), n in sorted(bodies.items())})
    print("attachments:", dict(sorted(atts.items())))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:34} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
