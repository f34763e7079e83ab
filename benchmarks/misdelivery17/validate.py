# ruff: noqa: E501, RUF100, SIM115
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Validate misdelivery17: `python validate.py [SET_DIR]` (needs openpyxl, pypdf).

Parses every message, opens every attachment (password ZIPs only with the password in the label note), checks
reserved domains, label fields and reason codes (DESIGN.md "mamori check"), recomputes `first_time_recipient`
from history.jsonl, checks that every 〈...〉 in a note is in the attachment text, that every 12-digit number
labelled 個人番号 (body or attachment) has a valid My Number check digit, and prints counts. Exit 1 on a problem.
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


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def mn_ok(x: str) -> bool:
    d = [int(c) for c in x]
    s = sum(d[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    return d[11] == (0 if s % 11 <= 1 else 11 - s % 11)


def read_att(name: str, data: bytes, pw: str | None) -> str:
    ext = name.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(" ".join(str(v) for v in r if v is not None) for ws in wb for r in ws.iter_rows(values_only=True))
    if ext in ("csv", "txt"):
        for enc in ("utf-8-sig", "cp932"):
            try:
                s = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if ext == "csv":
                list(csv.reader(io.StringIO(s)))
            return s
        raise ValueError("undecodable text")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not pw:
                        raise ValueError("encrypted member, no password in the note")
                    try:
                        z.read(info)
                        raise ValueError("encrypted member readable without password")
                    except RuntimeError:
                        pass
                    out.append(read_att(info.filename, z.read(info, pwd=pw.encode()), None))
                else:
                    out.append(read_att(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    bad: list[str] = []
    toml = open(os.path.join(d, "mamori.toml"), encoding="utf-8").read()
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    contacts = list(csv.DictReader(open(os.path.join(d, "contacts.csv"), encoding="utf-8")))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        bad.append("contacts header")
    bad += [f"unreserved {c['email']}" for c in contacts if not reserved(c["email"])]
    bad += [f"duplicate {e}" for e, n in Counter(c["email"] for c in contacts).items() if n > 1]
    ext_c = [c for c in contacts if c["email"].split("@")[1] not in internal]
    orgs = {c["organization"] for c in ext_c}
    sur: dict = {}
    full: dict = {}
    lps: dict = {}
    for c in ext_c:
        if c["name"] and " " in c["name"]:
            sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
            full.setdefault(c["name"], set()).add(c["organization"])
        lps.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    print(f"contacts {len(contacts)} ({len(ext_c)} external at {len(orgs)} organisations, "
          f"{sum(o.startswith('個人') for o in orgs)} individuals); surnames at >=3 orgs "
          f"{sum(len(v) >= 3 for v in sur.values())}; full names at >1 org {sum(len(v) > 1 for v in full.values())}; "
          f"local parts at >1 domain {sum(len(v) > 1 for v in lps.values())}")
    hist = [json.loads(x) for x in open(os.path.join(d, "history.jsonl"), encoding="utf-8")]
    past: dict = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            bad.append(f"history row {h}")
        past.setdefault(h["from"], set()).update(a.lower() for a in h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(past)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    labels = [json.loads(x) for x in open(os.path.join(d, "labels.jsonl"), encoding="utf-8")]
    files = sorted(os.listdir(os.path.join(d, "messages")))
    if sorted(lb["file"] for lb in labels) != [f"messages/{x}" for x in files]:
        bad.append("labels and messages differ")
    kinds: Counter = Counter()
    fmts: Counter = Counter()
    atts: Counter = Counter()
    n_mn = 0
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            bad.append(f"{fn}: fields")
        codes = set(lb["codes"])
        ok = lb["expected"] == "ok"
        if not codes <= CODES or (not ok and not codes) or (ok and not codes <= OK_MAY):
            bad.append(f"{fn}: codes {lb['codes']}")
        if ok != lb["kind"].startswith("ok_"):
            bad.append(f"{fn}: kind/expected")
        kinds[(lb["expected"], lb["kind"])] += 1
        m = email.message_from_bytes(open(os.path.join(d, fn), "rb").read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                bad.append(f"{fn}: no {h}")
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        sender = m["From"].addresses[0].addr_spec.lower()
        if not all(map(reserved, rc)) or sender.split("@")[1] not in internal:
            bad.append(f"{fn}: addresses")
        ext = [a for a in rc if a.split("@")[1] not in internal]
        if lb["kind"] == "ok_internal" and (ext or codes):
            bad.append(f"{fn}: ok_internal")
        if ("first_time_recipient" in codes) != any(a not in past.get(sender, set()) for a in ext):
            bad.append(f"{fn}: first_time_recipient vs history")
        if ok and ext and "external_recipient" not in codes:
            bad.append(f"{fn}: external_recipient missing")
        b = m.get_body(("plain", "html"))
        fmts[(m.get_content_type(), b.get_content_charset())] += 1
        text = b.get_content()
        if "\ufffd" in text:
            bad.append(f"{fn}: body decoding")
        pw = re.search(r"password (\S+?)\)", lb["note"])
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name:
                bad.append(f"{fn}: attachment name {name!r}")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_att(name, part.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:  # noqa: BLE001 - any failure is a problem of the set
                bad.append(f"{fn}: attachment {name}: {e}")
        alltext = "\n".join(texts)
        for want in re.findall(r"〈([^〉]+)〉", lb["note"]):
            if want not in alltext:
                bad.append(f"{fn}: attachment does not name {want}")
        for src in (text, alltext):
            for num in re.findall(r"(?<!\d)(\d{12})(?!\d)", src):
                n_mn += 1
                if not mn_ok(num):
                    bad.append(f"{fn}: My Number {num} check digit")
        if "mynumber" in lb["kind"] and not re.search(r"(?<!\d)\d{12}(?!\d)", text + alltext):
            bad.append(f"{fn}: no My Number")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok}); 12-digit numbers checked {n_mn}")
    print("bodies:", {f"{k[0]} {k[1]}": v for k, v in sorted(fmts.items())})
    print("attachments:", dict(sorted(atts.items())))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {n}")
    for p in bad:
        print("PROBLEM", p)
    print("OK" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
