#!/usr/bin/env python3
"""Check misdelivery5: every message parses, every attachment opens, labels are well formed and match the files.

Run: python validate.py [SET_DIR]   (needs openpyxl, python-docx, pypdf). Exit code 1 on any problem.
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

CODES = {
    "external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
    "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
    "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
    "blocked_attachment",
}
RESERVED = (".example", ".test", ".example.com")


def reserved(address: str) -> bool:
    return address.rsplit("@", 1)[-1].lower().endswith(RESERVED)


def attachment_text(name: str, data: bytes, password: str | None) -> str:
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
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            list(csv.reader(io.StringIO(text)))
            return text
        raise ValueError(f"undecodable {name}")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.flag_bits & 1:
                    if not password:
                        raise ValueError("encrypted member but no password in the note")
                    try:
                        z.read(info)
                    except RuntimeError:
                        pass
                    else:
                        raise ValueError("encrypted member readable without the password")
                    out.append(attachment_text(info.filename, z.read(info, pwd=password.encode()), None))
                else:
                    out.append(attachment_text(info.filename, z.read(info), None))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    with open(root / "contacts.csv", encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    assert list(contacts[0]) == ["name", "kana", "email", "organization"]
    assert all(reserved(c["email"]) for c in contacts)
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    orgs = sorted({c["organization"] for c in contacts}, key=len, reverse=True)
    internal = re.findall(r'"([^"]+)"', (root / "mamori.toml").read_text(encoding="utf-8").split("internal_domains")[1])
    hist = [json.loads(x) for x in (root / "history.jsonl").read_text(encoding="utf-8").splitlines()]
    for h in hist:
        assert set(h) == {"date", "from", "to", "cc", "subject"}, h
        assert all(reserved(a) for a in [h["from"], *h["to"], *h["cc"]]), h
    surnames: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    for c in contacts:
        surnames.setdefault(c["name"].split()[0], set()).add(c["organization"])
        fulls.setdefault(c["name"], set()).add(c["organization"])
    print(f"contacts {len(contacts)} at {len(orgs)} organisations; surnames at >=3 organisations "
          f"{sum(len(v) >= 3 for v in surnames.values())}; full names at >1 {sum(len(v) > 1 for v in fulls.values())}")
    print(f"history {len(hist)} messages from {len({h['from'] for h in hist})} senders")

    labels = [json.loads(x) for x in (root / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    problems: list[str] = []
    kinds: Counter = Counter()
    types: Counter = Counter()
    shapes: Counter = Counter()
    for lb in labels:
        assert set(lb) == {"file", "expected", "codes", "kind", "note"}, lb
        assert lb["expected"] in ("ok", "risky") and set(lb["codes"]) <= CODES, lb
        assert lb["expected"] == "ok" or lb["codes"], lb
        kinds[(lb["expected"], lb["kind"])] += 1
        m = email.message_from_bytes((root / lb["file"]).read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if m[h] is None:
                problems.append(f"{lb['file']}: no {h}")
        rcpts = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        if not all(reserved(a) for a in rcpts) or m["From"].addresses[0].domain not in internal:
            problems.append(f"{lb['file']}: address outside the reserved domains or sender not internal")
        part = m.get_body(("plain", "html"))
        shapes[f"{m.get_content_type()}/{part.get_content_type()}/{part.get_content_charset()}"] += 1
        text = part.get_content()
        pw = re.search(r"password (\S+?)\)", lb["note"])
        atext = []
        for att in m.iter_attachments():
            name = att.get_filename()
            types[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                atext.append(attachment_text(name, att.get_payload(decode=True), pw.group(1) if pw else None))
            except Exception as e:
                problems.append(f"{lb['file']}: {name}: {e}")
        ext_orgs = {org_of.get(a) for a in rcpts if a.split("@")[1] not in internal}
        head = re.split(r"いつも|平素|お世話|ご無沙汰|初めて|Dear", text, maxsplit=1)[0]
        named = [o for o in orgs if o in head]
        k = lb["kind"]
        ok_kinds = ("ok_routine", "ok_attachment_match", "ok_same_surname_right_company")
        if k in ok_kinds and named and named[0] not in ext_orgs:
            problems.append(f"{lb['file']}: {k} salutation names {named[0]}, not a recipient's organisation")
        if k == "same_surname_wrong_company" and "To is" in lb["note"] and named and named[0] in ext_orgs:
            problems.append(f"{lb['file']}: {k} salutation names the recipient's organisation")
        if k in ("ok_attachment_match", "wrong_attachment"):
            aorgs = {o for o in orgs for t in atext if o in t}
            if k == "ok_attachment_match" and not aorgs <= ext_orgs:
                problems.append(f"{lb['file']}: attachment names {aorgs}")
            if k == "wrong_attachment" and (not aorgs or aorgs & ext_orgs):
                problems.append(f"{lb['file']}: attachment names {aorgs}")
        if k == "ok_internal" and any(a.split("@")[1] not in internal for a in rcpts):
            problems.append(f"{lb['file']}: internal kind with an external recipient")
    ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)}: ok {ok}, risky {len(labels) - ok}")
    print("attachments:", dict(types))
    print("shapes (top type / body type / charset):", dict(shapes))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:38} {n}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
