"""Validate misdelivery15: `python validate.py [SET_DIR]` (needs openpyxl, python-docx, pypdf).

Parses every message with email.policy.default, opens every attachment with its library (password ZIP members
only with the password written in the label note, and never without it), checks reserved domains, label fields,
reason codes (DESIGN.md "mamori check"), recomputes `first_time_recipient` from history.jsonl, cross-checks the
documents named in the notes (〈...〉) against the attachments, and prints counts per kind. Exit 1 on a problem.
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
OK_MAY = {"external_recipient", "first_time_recipient", "pii_in_attachment", "sensitive_pii", "bulk_pii"}


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
                        raise ValueError("encrypted member, no password in the note")
                    try:
                        z.read(info)
                        raise ValueError("encrypted member readable without the password")
                    except RuntimeError:
                        pass
                    out.append(read_attachment(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(read_attachment(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    with open(os.path.join(d, "mamori.toml"), encoding="utf-8") as f:
        toml = f.read()
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    with open(os.path.join(d, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    emails = Counter(c["email"] for c in contacts)
    problems += [f"duplicate contact {e}" for e, n in emails.items() if n > 1]
    ext_c = [c for c in contacts if c["email"].split("@")[1] not in internal]
    orgs = {c["organization"] for c in ext_c}
    sur: dict[str, set[str]] = {}
    full: dict[str, set[str]] = {}
    lp: dict[str, set[str]] = {}
    for c in ext_c:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
        lp.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    print(f"contacts {len(contacts)} ({len(ext_c)} external at {len(orgs)} organisations, "
          f"{sum(o.startswith('個人') for o in orgs)} of them individuals); surnames at >=3 organisations "
          f"{sum(len(v) >= 3 for v in sur.values())}; full names at >1 {sum(len(v) > 1 for v in full.values())}; "
          f"local parts at >1 domain {sum(len(v) > 1 for v in lp.values())}")
    with open(os.path.join(d, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(line) for line in f]
    past: dict[str, set[str]] = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
        past.setdefault(h["from"], set()).update(a.lower() for a in h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(past)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    files = sorted(os.listdir(os.path.join(d, "messages")))
    if sorted(lb["file"] for lb in labels) != [f"messages/{x}" for x in files]:
        problems.append("labels.jsonl and messages/ do not list the same files")
    kinds: Counter = Counter()
    fmts: Counter = Counter()
    atts: Counter = Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        codes = set(lb["codes"])
        ok = lb["expected"] == "ok"
        if not codes <= CODES or (not ok and not codes) or (ok and not codes <= OK_MAY):
            problems.append(f"{fn}: codes {lb['codes']}")
        if (lb["expected"] == "ok") != lb["kind"].startswith("ok_"):
            problems.append(f"{fn}: kind {lb['kind']} vs expected {lb['expected']}")
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(d, fn), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{fn}: no {h}")
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        sender = m["From"].addresses[0].addr_spec.lower()
        if not all(map(reserved, rc)) or sender.split("@")[1] not in internal:
            problems.append(f"{fn}: addresses")
        ext = [a for a in rc if a.split("@")[1] not in internal]
        if lb["kind"] == "ok_internal" and (ext or codes):
            problems.append(f"{fn}: ok_internal with external recipient or codes")
        if ("first_time_recipient" in codes) != any(a not in past.get(sender, set()) for a in ext):
            problems.append(f"{fn}: first_time_recipient does not match history")
        body = m.get_body(("plain", "html"))
        ctype = m.get_content_type()
        fmts[(body.get_content_type() + (" in alternative" if m.get_body(("plain",)) and m.get_body(("html",)) else ""),
              body.get_content_charset())] += 1
        text = body.get_content()
        if "ï¿½" in text or "\ufffd" in text:
            problems.append(f"{fn}: body decoding")
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name:
                problems.append(f"{fn}: attachment name {name!r} ({ctype})")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        alltext = "\n".join(texts)
        for want in re.findall(r"〈([^〉]+)〉", lb["note"]):
            if want not in alltext:
                problems.append(f"{fn}: attachment does not name {want}")
            if lb["kind"] == "wrong_attachment_patient_file" and want in text:
                problems.append(f"{fn}: body names the attachment's patient {want}")
            if lb["kind"].startswith("ok_") and "patient" in lb["note"] and want.split()[0] not in text:
                problems.append(f"{fn}: body does not name the patient {want}")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok})")
    print("bodies:", {f"{k[0]} {k[1]}": v for k, v in sorted(fmts.items())})
    print("attachments:", dict(sorted(atts.items())))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:40} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
