#!/usr/bin/env python3
"""Validate the misdelivery3 set: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Checks the files' form (every .eml parses, headers present, reserved domains, every attachment opens with its
library, password ZIPs open only with the password from the note) and cross-checks label facts against the files:
salutation company vs recipients, attachment company vs recipients, look-alike domains, Bcc-only announcements,
internal-only mail and `first_time_recipient` vs history.jsonl. Prints a summary; exit code 1 on any problem.
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
from collections import Counter, defaultdict

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
GREETING = re.compile(r"いつも|平素|お世話|先日は|ご無沙汰|こんにちは|お疲れ|Dear ")


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def decode_text(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp932"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    raise ValueError("undecodable text attachment")


def text_of(fn: str, data: bytes, pw: str | None = None) -> str:
    ext = fn.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        rows = (r for ws in wb for r in ws.iter_rows(values_only=True))
        return "\n".join(" ".join(str(c) for c in r if c is not None) for r in rows)
    if ext == "docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    if ext in ("csv", "txt"):
        s = decode_text(data)
        if ext == "csv":
            list(csv.reader(io.StringIO(s)))
        return s
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for i in z.infolist():
                if i.flag_bits & 1:
                    assert pw, "encrypted member without a password in the note"
                    try:
                        z.read(i)
                        raise AssertionError("encrypted member readable without password")
                    except RuntimeError:
                        pass
                    out.append(text_of(i.filename, z.read(i, pwd=pw.encode())))
                else:
                    out.append(text_of(i.filename, z.read(i)))
        return "\n".join(out)
    raise ValueError("unknown attachment type " + fn)


def norm(t: str) -> str:
    return re.sub(r"\(株\)|（株）|㈱", "株式会社", t)


def read(name: str, mode: str = "r") -> str | bytes:
    with open(os.path.join(D, name), mode, encoding=None if "b" in mode else "utf-8") as f:
        return f.read()


def main() -> int:
    contacts = list(csv.DictReader(io.StringIO(read("contacts.csv"))))
    assert list(contacts[0].keys()) == ["name", "kana", "email", "organization"]
    assert all(reserved(c["email"]) for c in contacts)
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    dom_org = {c["email"].split("@")[1]: c["organization"] for c in contacts if c["organization"] != "個人"}
    names = sorted({c["organization"] for c in contacts if c["organization"] != "個人"}, key=len, reverse=True)
    sur, full, lp = defaultdict(set), defaultdict(set), defaultdict(set)
    for c in contacts:
        sur[c["name"].split()[0]].add(c["organization"])
        full[c["name"]].add(c["email"])
        lp[c["email"].split("@")[0]].add(c["email"].split("@")[1])
    print(f"contacts {len(contacts)}, organisations {len({c['organization'] for c in contacts})}, "
          f"individuals {sum(c['organization'] == '個人' for c in contacts)}")
    print("  surnames at >=3 organisations:", sum(len(v) >= 3 for v in sur.values()),
          "| full names with >1 address:", sum(len(v) > 1 for v in full.values()),
          "| local parts at >1 domain:", sum(len(v) > 1 for v in lp.values()))
    toml = read("mamori.toml")
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    hist = [json.loads(x) for x in read("history.jsonl").splitlines()]
    sent = defaultdict(set)
    for h in hist:
        assert set(h) == {"date", "from", "to", "cc", "subject"}
        assert all(reserved(a) for a in [h["from"], *h["to"], *h["cc"]])
        sent[h["from"]].update(h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(sent)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")

    labels = [json.loads(x) for x in read("labels.jsonl").splitlines()]
    kinds, atts, forms, problems, checked = Counter(), Counter(), Counter(), [], Counter()
    for lb in labels:
        f, k = lb["file"], lb["kind"]
        assert set(lb) == {"file", "expected", "codes", "kind", "note"}, lb
        assert lb["expected"] in ("ok", "risky") and set(lb["codes"]) <= CODES, lb
        assert lb["expected"] == "ok" or lb["codes"], lb
        kinds[(lb["expected"], k)] += 1
        m = email.message_from_bytes(read(f, "rb"), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            assert m[h] is not None, (f, h)
        frm = m["From"].addresses[0].addr_spec.lower()
        assert frm.split("@")[1] in internal, f
        by = {h: [a.addr_spec.lower() for a in m[h].addresses] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        rc = by["To"] + by["Cc"] + by["Bcc"]
        assert rc and all(reserved(a) for a in rc), f
        ext = [a for a in rc if a.split("@")[1] not in internal]
        body = m.get_body(("plain", "html"))
        forms[(body.get_content_type(), body.get_content_charset().lower(), m.get_content_type())] += 1
        text = body.get_content()
        if body.get_content_type() == "text/html":
            text = re.sub(r"<[^>]+>", "", text)
        pw = re.search(r"password (\S+?)\)", lb["note"])
        atext = []
        for part in m.iter_attachments():
            fn = part.get_filename()
            assert fn, f
            atts[fn.rsplit(".", 1)[-1].lower()] += 1
            atext.append(norm(text_of(fn, part.get_payload(decode=True), pw.group(1) if pw else None)))
        rorgs = {org_of.get(a) or dom_org.get(a.split("@")[1]) for a in ext}
        head = norm(GREETING.split(text, maxsplit=1)[0])
        named = [o for o in names if o in head]
        if ext and (lb["expected"] == "ok") and k not in ("ok_announcement_bcc", "ok_english"):
            checked[k] += bool(named)
            if named and named[0] not in rorgs:
                problems.append((f, k, "salutation company is not a recipient's"))
        if k == "same_surname_wrong_company" and not (rorgs - set(named)):
            problems.append((f, k, "no recipient outside the salutation company"))
        aorgs = {o for o in names for t in atext if o in t}
        if k == "ok_attachment_match" and not (aorgs and aorgs <= rorgs):
            problems.append((f, k, f"attachment names {aorgs}"))
        if k == "wrong_attachment" and (not aorgs or aorgs & rorgs):
            problems.append((f, k, f"attachment names {aorgs}"))
        if k == "lookalike_domain" and any(a.split("@")[1] in dom_org for a in ext):
            problems.append((f, k, "domain is a real contact domain"))
        if k == "ok_announcement_bcc" and [a for a in by["To"] + by["Cc"] if a.split("@")[1] not in internal]:
            problems.append((f, k, "external address visible"))
        if k in ("ok_internal",) and ext:
            problems.append((f, k, "external recipient"))
        if lb["expected"] == "ok" and ext:
            new = any(a not in sent[frm] for a in ext)
            if new != ("first_time_recipient" in lb["codes"]):
                problems.append((f, k, "first_time_recipient disagrees with history"))
    ok = sum(x["expected"] == "ok" for x in labels)
    print(f"messages {len(labels)} (ok {ok}, risky {len(labels) - ok})")
    print("bodies (type, charset, top type):")
    for key, v in sorted(forms.items()):
        print(f"  {key} {v}")
    print("attachments by type:", dict(atts))
    for (e, k), v in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {v}")
    print("salutation company found and cross-checked:", dict(checked))
    for p in problems:
        print("PROBLEM", *p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
