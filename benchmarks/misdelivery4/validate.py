#!/usr/bin/env python3
"""Check the misdelivery4 set: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf, zip members).

Every .eml parses, has From (internal), To, Subject, Date, Message-ID; every address is on a reserved domain;
every attachment opens with its library (encrypted ZIP members only with the password in the label note);
labels use the checker's reason codes; a few label facts are cross-checked against the files.
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
HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def read_text(fn: str, data: bytes, pw: str | None = None) -> str:
    ext = fn.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        rows = [r for ws in wb for r in ws.iter_rows(values_only=True)]
        return "\n".join(" ".join(str(c) for c in r if c is not None) for r in rows)
    if ext == "docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    if ext in ("csv", "txt"):
        for enc in ("utf-8-sig", "cp932"):
            try:
                s = data.decode(enc)
            except UnicodeDecodeError:
                continue
            list(csv.reader(io.StringIO(s)))
            return s
        raise ValueError(f"undecodable {fn}")
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for i in z.infolist():
                if i.flag_bits & 1:
                    assert pw, "encrypted member but no password in the note"
                    out.append(read_text(i.filename, z.read(i, pwd=pw.encode())))
                    try:
                        z.read(i)
                    except RuntimeError:
                        continue
                    raise AssertionError("encrypted member readable without password")
                out.append(read_text(i.filename, z.read(i)))
        return "\n".join(out)
    raise ValueError(f"unknown attachment type {fn}")


def main() -> int:
    with open(os.path.join(HERE, "contacts.csv"), encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    assert list(contacts[0]) == ["name", "kana", "email", "organization"]
    assert all(reserved(c["email"]) for c in contacts)
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    dom_org = {c["email"].split("@")[1].lower(): c["organization"] for c in contacts if c["organization"]}
    orgs = sorted({c["organization"] for c in contacts if c["organization"]}, key=len, reverse=True)
    surname_orgs: dict[str, set[str]] = {}
    full: Counter[str] = Counter()
    for c in contacts:
        surname_orgs.setdefault(c["name"].split()[0], set()).add(c["organization"] or c["email"])
        full[c["name"]] += 1
    n_ind = sum(not c["organization"] for c in contacts)
    print(f"contacts {len(contacts)}, organisations {len(orgs)}, individuals {n_ind}")
    print("  surnames at >=3 organisations:", sum(len(v) >= 3 for v in surname_orgs.values()),
          "| full names held by >1 contact:", sum(v > 1 for v in full.values()))
    with open(os.path.join(HERE, "mamori.toml"), encoding="utf-8") as f:
        internal = re.findall(r'"([^"]+)"', f.read().split("internal_domains", 1)[1])
    with open(os.path.join(HERE, "history.jsonl"), encoding="utf-8") as f:
        hist = [json.loads(ln) for ln in f]
    for h in hist:
        assert set(h) == {"date", "from", "to", "cc", "subject"}
        assert all(reserved(a) for a in [h["from"], *h["to"], *h["cc"]])
    senders = len({h["from"] for h in hist})
    print(f"history {len(hist)}, senders {senders}, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")

    with open(os.path.join(HERE, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(ln) for ln in f]
    kinds: Counter[tuple[str, str]] = Counter()
    types: Counter[str] = Counter()
    bodies: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    problems = []
    for lb in labels:
        assert set(lb) == {"file", "expected", "codes", "kind", "note"}, lb
        assert lb["expected"] in ("ok", "risky") and set(lb["codes"]) <= CODES, lb
        assert lb["expected"] == "ok" or lb["codes"], lb
        kinds[(lb["expected"], lb["kind"])] += 1
        with open(os.path.join(HERE, lb["file"]), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            assert m[h] is not None, (lb["file"], h)
        rc = [a.addr_spec.lower() for h in ("To", "Cc", "Bcc") if m[h] for a in m[h].addresses]
        assert all(reserved(a) for a in [*rc, m["From"].addresses[0].addr_spec]), lb["file"]
        assert m["From"].addresses[0].domain in internal, lb["file"]
        ext = [a for a in rc if a.split("@")[1] not in internal]
        body = m.get_body(("plain", "html"))
        bodies[f"{m.get_content_type()}/{body.get_content_type()}/{body.get_content_charset()}"] += 1
        text = body.get_content()
        pw = re.search(r"\(password (\S+?)\)", lb["note"])
        atext = []
        for part in m.iter_attachments():
            fn = part.get_filename()
            assert fn, lb["file"]
            types[fn.rsplit(".", 1)[-1].lower()] += 1
            atext.append(read_text(fn, part.get_payload(decode=True), pw.group(1) if pw else None))
        to = [a.addr_spec.lower() for a in m["To"].addresses] if m["To"].addresses else []
        to_orgs = {org_of.get(a) or dom_org.get(a.split("@")[1]) for a in to if a not in internal}
        ext_orgs = {org_of.get(a) or dom_org.get(a.split("@")[1]) for a in ext}
        head = re.split(r"いつも|平素|お世話|先日|Dear ", re.sub(r"<[^>]+>", "\n", text), maxsplit=1)[0]
        forms = {o: (o, o.replace("株式会社", "(株)"), o.replace("株式会社", "㈱")) for o in orgs}
        named = [o for o in orgs if any(f in head for f in forms[o])]
        k = lb["kind"]
        checked[k] += bool(named)
        addressed = k.startswith("ok_") and k not in ("ok_internal", "ok_announcement_bcc")
        if addressed and named and named[0] not in ext_orgs:
            problems.append((lb["file"], k, f"salutation names {named[0]}, not a recipient's organisation"))
        if k == "same_surname_wrong_company" and named and "in to" in lb["note"] and named[0] in to_orgs:
            problems.append((lb["file"], k, "salutation names the To recipient's organisation"))
        aorgs = {o for o in orgs for t in atext if o in t}
        if k == "ok_attachment_match" and not aorgs <= ext_orgs:
            problems.append((lb["file"], k, f"attachment names {aorgs}"))
        if k == "wrong_attachment" and (not aorgs or aorgs & ext_orgs):
            problems.append((lb["file"], k, f"attachment names {aorgs}"))
        if k == "ok_internal" and ext:
            problems.append((lb["file"], k, "external recipient"))
        if k == "open_recipient_list" and len({a for a in rc if a in ext}) < 8:
            problems.append((lb["file"], k, "fewer than 8 visible recipients"))
        if k == "ok_announcement_bcc" and any(a in ext for h in ("To", "Cc") if m[h] for a in
                                             [x.addr_spec.lower() for x in m[h].addresses]):
            problems.append((lb["file"], k, "external address outside Bcc"))
    print(f"messages {len(labels)} (ok {sum(lb['expected'] == 'ok' for lb in labels)}, "
          f"risky {sum(lb['expected'] == 'risky' for lb in labels)})")
    print("bodies (top type / text part / charset):", dict(bodies))
    print("attachments by type:", dict(types))
    print("salutation organisation found and cross-checked:", dict(checked))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:40} {n}")
    for p in problems:
        print("PROBLEM", *p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
