#!/usr/bin/env python3
"""Validate misdelivery6: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf).

Parses every .eml with email.policy.default, opens every attachment with its library (ZIP members too, encrypted
ones only with the password written in the label note), checks reserved domains, the label fields and a few label
facts against the files (salutation company vs recipient company, attachment company)."""

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


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


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
    if ext == "csv":
        for enc in ("utf-8-sig", "cp932"):
            try:
                s = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValueError("undecodable " + fn)
        return "\n".join(" ".join(r) for r in csv.reader(io.StringIO(s)))
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for i in z.infolist():
                if i.flag_bits & 1:
                    assert pw, "encrypted zip member without password in note"
                    out.append(text_of(i.filename, z.read(i, pwd=pw.encode())))
                    try:
                        z.read(i)
                    except RuntimeError:
                        continue
                    raise AssertionError("encrypted member readable without password")
                out.append(text_of(i.filename, z.read(i)))
        return "\n".join(out)
    raise ValueError("unknown attachment type " + fn)


def read(name: str) -> str:
    with open(os.path.join(D, name), encoding="utf-8") as f:
        return f.read()


def main() -> int:
    contacts = list(csv.DictReader(io.StringIO(read("contacts.csv"))))
    assert list(contacts[0].keys()) == ["name", "kana", "email", "organization"]
    assert all(reserved(c["email"]) for c in contacts)
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    dom_org = {c["email"].split("@")[1].lower(): c["organization"] for c in contacts if c["organization"]}
    orgs = sorted({c["organization"] for c in contacts if c["organization"]}, key=len, reverse=True)
    sur, full = defaultdict(set), defaultdict(set)
    for c in contacts:
        sur[c["name"].split()[0]].add(c["organization"])
        full[c["name"]].add(c["organization"] or c["email"])
    print(f"contacts {len(contacts)} ({sum(1 for c in contacts if not c['organization'])} individuals), "
          f"organisations {len(orgs)}; surnames at >=3 organisations {sum(1 for v in sur.values() if len(v) >= 3)}; "
          f"full names shared {sum(1 for v in full.values() if len(v) > 1)}")
    toml = read("mamori.toml")
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    hist = [json.loads(ln) for ln in read("history.jsonl").splitlines()]
    for h in hist:
        assert set(h) == {"date", "from", "to", "cc", "subject"}
        assert all(reserved(a) for a in [h["from"], *h["to"], *h["cc"]])
    print(f"history {len(hist)} messages, {len({h['from'] for h in hist})} senders, "
          f"{hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    labels = [json.loads(ln) for ln in read("labels.jsonl").splitlines()]
    kinds, atts, cts, problems = Counter(), Counter(), Counter(), []
    for lb in labels:
        assert set(lb) == {"file", "expected", "codes", "kind", "note"}, lb
        assert lb["expected"] in ("ok", "risky") and set(lb["codes"]) <= CODES, lb
        assert lb["expected"] == "ok" or lb["codes"], lb
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(D, lb["file"]), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            assert m[h] is not None, (lb["file"], h)
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        assert all(reserved(a) for a in [*rc, m["From"].addresses[0].addr_spec]), lb["file"]
        assert m["From"].addresses[0].domain in internal
        ext = [a for a in rc if a.split("@")[1] not in internal]
        body = m.get_body(("plain", "html"))
        cts[f"{body.get_content_type()} {body.get_content_charset()}"] += 1
        text = re.sub(r"<[^>]+>", "\n", body.get_content())
        pw = re.search(r"password (\S+?)\)", lb["note"])
        atext = []
        for part in m.iter_attachments():
            fn = part.get_filename()
            assert fn, lb["file"]
            atts[fn.rsplit(".", 1)[-1].lower()] += 1
            atext.append(text_of(fn, part.get_payload(decode=True), pw.group(1) if pw else None))
        head = re.split(r"いつも|平素|お世話|ご無沙汰|先日は|Dear ", text, maxsplit=1)[0]
        named = [o for o in orgs if any(v in head for v in (o, o.replace("株式会社", "(株)"),
                                                              o.replace("株式会社", "㈱")))]
        rorgs = {org_of.get(a) or dom_org.get(a.split("@")[1]) for a in ext}
        k = lb["kind"]
        salute_ok = ("ok_routine", "ok_attachment_match", "ok_same_surname_right_company")
        if k in salute_ok and named and named[0] not in rorgs:
            problems.append((lb["file"], k, "salutation org != recipient org"))
        if k == "same_surname_wrong_company" and "To is" in lb["note"] and named and named[0] in rorgs:
            problems.append((lb["file"], k, "salutation org == recipient org"))
        aorgs = {o for o in orgs for t in atext if o in t}
        if k == "ok_attachment_match" and not aorgs <= rorgs:
            problems.append((lb["file"], k, f"attachment names {aorgs}"))
        if k == "wrong_attachment" and (not aorgs or aorgs & rorgs):
            problems.append((lb["file"], k, f"attachment names {aorgs}"))
        if k == "ok_internal" and ext:
            problems.append((lb["file"], k, "external recipient"))
        if lb["expected"] == "ok" and ext and "external_recipient" not in lb["codes"]:
            problems.append((lb["file"], k, "external mail without external_recipient"))
    print(f"messages {len(labels)} (ok {sum(1 for x in labels if x['expected'] == 'ok')}, "
          f"risky {sum(1 for x in labels if x['expected'] == 'risky')})")
    print("bodies:", dict(cts))
    print("attachments by type:", dict(atts))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:40} {n}")
    for p in problems:
        print("PROBLEM", *p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
