"""Validate misdelivery8: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Checks that every message parses with email.policy.default and has the usual headers, every address is on a
reserved domain, every attachment opens with its library (password ZIP members only with the note's password,
never without), labels and messages match one to one, codes are DESIGN.md reason codes, and a few label facts
hold in the files (first_time_recipient on ok mail only where history says so; a wrong attachment names the
organisation in the note). Prints counts per kind, body formats and attachment types; exit code 1 on problems.
"""

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
INTERNAL = "minato-sogo.example"


def reserved(address: str) -> bool:
    d = address.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d in ("example.com", "example", "test")


def read_attachment(name: str, data: bytes, pw: str | None) -> str:
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
    problems: list[str] = []
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    if len({c["email"] for c in contacts}) != len(contacts):
        problems.append("duplicate contact address")
    orgs = {c["organization"] for c in contacts}
    surnames: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    for c in contacts:
        surnames.setdefault(c["name"].split()[0], set()).add(c["organization"])
        fulls.setdefault(c["name"], set()).add(c["organization"])
    print(f"contacts {len(contacts)}, organisations {len(orgs)} ({sum(o.startswith(('個人', '山本', 'アトリエ', 'KUBO', 'みさき', 'カフェ', 'ひまわり')) for o in orgs)} individuals); "
          f"surnames at >=3 organisations: {sum(len(v) >= 3 for v in surnames.values())}; "
          f"full names at >1: {sum(len(v) > 1 for v in fulls.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    known: dict[str, set[str]] = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
        known.setdefault(h["from"], set()).update(h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(known)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    files = sorted("messages/" + n for n in os.listdir(os.path.join(d, "messages")) if n.endswith(".eml"))
    if sorted(lb["file"] for lb in labels) != files:
        problems.append("labels and messages/ do not match one to one")
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
        sender = m["From"].addresses[0].addr_spec.lower()
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        if not all(map(reserved, rc)) or not sender.endswith("@" + INTERNAL):
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if not a.endswith("@" + INTERNAL)]
        if lb["kind"] == "ok_internal" and ext:
            problems.append(f"{fn}: external recipient on an internal message")
        if lb["expected"] == "ok":
            new = any(a not in known.get(sender, set()) for a in ext)
            if new != ("first_time_recipient" in lb["codes"]):
                problems.append(f"{fn}: first_time_recipient label disagrees with history")
        body = m.get_body(("plain", "html"))
        parts = "alternative" if m.get_body(("plain",)) and m.get_body(("html",)) else body.get_content_type()
        fmts[(parts, body.get_content_charset())] += 1
        text = body.get_content()
        if "\ufffd" in text:
            problems.append(f"{fn}: body does not decode cleanly")
        pw = re.search(r"\(password (\S+?)\)", lb["note"])
        texts, names = [], []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name or "\ufffd" in name or re.search(r"%[0-9A-F]{2}", name):
                problems.append(f"{fn}: attachment name {name!r}")
                continue
            names.append(name)
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            data = part.get_payload(decode=True)
            try:
                texts.append(read_attachment(name, data, pw.group(1) if pw else None))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
            if name.endswith(".zip") and pw:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    try:
                        z.read(z.infolist()[0])
                        problems.append(f"{fn}: encrypted member readable without the password")
                    except RuntimeError:
                        pass
        if lb["note"].rsplit(", attachment is for ", 1)[-1] in orgs and ", attachment is for " in lb["note"]:
            named = lb["note"].rsplit(", attachment is for ", 1)[1].split(" (")[0]
            short = re.sub(r"^(株式会社|有限会社|合同会社|医療法人社団|医療法人|社会福祉法人)\s*|株式会社$", "", named)
            blob = "\n".join(texts + names)
            surname = re.search(r"(?:確定申告|個人事業主) (\S+) (\S+)）", named)
            doms = {c["email"].split("@")[1] for c in contacts if c["organization"] == named}
            if not (named in blob or short in blob or any(x in blob for x in doms) or (surname and surname.group(1) + surname.group(2) in blob)):
                problems.append(f"{fn}: attachment does not name {named}")
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
