#!/usr/bin/env python3
"""Validate the misdelivery2 set: python validate.py [SET_DIR]  (needs openpyxl, python-docx, pypdf; `zip` not needed).

Parses every .eml (email.policy.default), opens every attachment with its library (ZIP members too; encrypted
members only with the password written in the label note, and must NOT open without it), checks that every
address is on a reserved domain, that labels use only the checker's reason codes, and cross-checks label facts
against the files: the organisation in the salutation, the organisation an attachment is made out to, and that
an organisation only in Cc/Bcc is not spoken of in the body."""
# ruff: noqa: E501, E701, E702, E731, RUF005, SIM115
# (a data generator written in the compact style of the shared dev set's script; not library code)
import csv
import email
import email.policy
import html
import io
import json
import os
import re
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
LEGAL = ["医療法人社団", "医療法人", "社会福祉法人", "一般社団法人", "株式会社", "有限会社", "合同会社", "弁護士法人",
         "税理士法人", "(株)", "(有)", "(カ)", "㈱", "㈲"]
GREET = r"いつも|平素|ご無沙汰|先日は|お世話|はじめて|突然|Dear |お疲れ"


def reserved(a):
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith(".example") or d.endswith(".test") or d.endswith(".example.com")


def norm(t):
    t = unicodedata.normalize("NFKC", t)
    for lg in LEGAL: t = t.replace(lg, "")
    return re.sub(r"\s+", "", t)


def text_of(fn, data, pw=None):
    ext = fn.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if ext == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(" ".join(str(c) for c in r if c is not None) for ws in wb for r in ws.iter_rows(values_only=True))
    if ext == "docx":
        import docx
        d = docx.Document(io.BytesIO(data))
        return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    if ext == "csv":
        for enc in ("utf-8-sig", "cp932"):
            try: s = data.decode(enc); break
            except UnicodeDecodeError: pass
        else: raise ValueError("undecodable " + fn)
        list(csv.reader(io.StringIO(s)))
        return s
    if ext == "zip":
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for i in z.infolist():
                if i.flag_bits & 1:
                    assert pw, "encrypted member without a password in the note"
                    out.append(text_of(i.filename, z.read(i, pwd=pw.encode())))
                    try: z.read(i); raise AssertionError("encrypted member readable without password")
                    except RuntimeError: pass
                else:
                    out.append(text_of(i.filename, z.read(i)))
        return "\n".join(out)
    raise ValueError("unknown attachment type " + fn)


def body_text(m):
    b = m.get_body(("plain", "html"))
    t = b.get_content()
    if b.get_content_subtype() == "html":
        t = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</p>|</tr>", "\n", t)))
    return b, t


def main():
    contacts = list(csv.DictReader(open(os.path.join(D, "contacts.csv"), encoding="utf-8")))
    assert list(contacts[0]) == ["name", "kana", "email", "organization"]
    assert all(reserved(c["email"]) for c in contacts)
    org_of = {c["email"].lower(): c["organization"] for c in contacts}
    dom_org = {c["email"].split("@")[1].lower(): c["organization"] for c in contacts}
    orgs = sorted(set(org_of.values()), key=lambda o: len(norm(o)), reverse=True)
    sur, full, lp, kana = defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set)
    for c in contacts:
        if " " not in c["name"] or not c["kana"]: continue
        sur[c["name"].split()[0]].add(c["organization"]); full[c["name"]].add(c["organization"])
        lp[c["email"].split("@")[0]].add(c["email"].split("@")[1]); kana[c["kana"].split()[0]].add(c["name"].split()[0])
    print(f"contacts {len(contacts)}, organisations {len(orgs)}, domains {len(dom_org)}")
    print("  surnames at >=3 organisations:", sum(len(v) >= 3 for v in sur.values()),
          "| same full name at >1 organisation:", sum(len(v) > 1 for v in full.values()),
          "| local part at >1 domain:", sum(len(v) > 1 for v in lp.values()),
          "| readings written with >1 kanji surname:", sum(len(v) > 1 for v in kana.values()))
    toml = open(os.path.join(D, "mamori.toml"), encoding="utf-8").read()
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    hist = [json.loads(x) for x in open(os.path.join(D, "history.jsonl"), encoding="utf-8")]
    for h in hist:
        assert set(h) == {"date", "from", "to", "cc", "subject"}, h
        assert all(reserved(a) for a in [h["from"]] + h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len({h['from'] for h in hist})} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")

    labels = [json.loads(x) for x in open(os.path.join(D, "labels.jsonl"), encoding="utf-8")]
    kinds, atts, shapes, checked, problems = Counter(), Counter(), Counter(), Counter(), []
    for lb in labels:
        f, k = lb["file"], lb["kind"]
        assert set(lb) == {"file", "expected", "codes", "kind", "note"}, lb
        assert lb["expected"] in ("ok", "risky") and set(lb["codes"]) <= CODES, lb
        assert lb["expected"] == "ok" or lb["codes"], lb
        kinds[(lb["expected"], k)] += 1
        m = email.message_from_bytes(open(os.path.join(D, f), "rb").read(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            assert m[h] is not None, (f, h)
        hdr = {h: [a.addr_spec.lower() for a in m[h].addresses if a.addr_spec] if m[h] else [] for h in ("To", "Cc", "Bcc")}
        rc = hdr["To"] + hdr["Cc"] + hdr["Bcc"]
        assert rc and all(reserved(a) for a in rc + [m["From"].addresses[0].addr_spec]), f
        assert m["From"].addresses[0].domain in internal, f
        ext = {h: [a for a in v if a.split("@")[1] not in internal] for h, v in hdr.items()}
        allx = ext["To"] + ext["Cc"] + ext["Bcc"]
        b, text = body_text(m)
        shapes[(m.get_content_type() if not m.is_multipart() or m.get_content_type() != "multipart/mixed" else "mixed:" + m.get_payload()[0].get_content_type(),
                (b.get_content_charset() or "").lower())] += 1
        pw = re.search(r"password (\S+?)\)", lb["note"])
        atext = []
        for part in m.iter_attachments():
            fn = part.get_filename(); assert fn, f
            atts[fn.rsplit(".", 1)[-1].lower()] += 1
            atext.append(text_of(fn, part.get_payload(decode=True), pw.group(1) if pw else None))
        oo = lambda addrs: {org_of.get(a) or dom_org.get(a.split("@")[1]) for a in addrs} - {None}
        named_in = lambda t: [o for o in orgs if norm(o) and norm(o) in norm(t)]
        own = text.split("________________________________")[0].split("-------- 転送")[0]
        own = "\n".join(x for x in own.splitlines() if not x.startswith((">", "＞")))
        head = re.split(GREET, own, maxsplit=1)[0]
        named = named_in(head)
        if k.startswith("ok_") and k not in ("ok_internal", "ok_forward_internal", "ok_announcement_bcc") and named:
            checked[k] += 1
            if named[0] not in oo(ext["To"] + ext["Cc"]): problems.append((f, k, f"salutation {named[0]} not a recipient's"))
        if k == "same_surname_wrong_company":
            wrong = oo(ext["Cc"] + ext["Bcc"]) - oo(ext["To"]) if (ext["Cc"] or ext["Bcc"]) else oo(ext["To"])
            checked[k] += 1
            if not named or named[0] in wrong or any(o in wrong for o in named_in(own)):
                problems.append((f, k, f"wrong recipient's organisation {wrong} is named, or nothing named"))
        if k in ("other_org_only_in_cc", "reply_all_keeps_other_client"):
            cco = oo(ext["Cc"]) - oo(ext["To"])
            checked[k] += 1
            spoken = set(named_in(own)) | {o for t in atext for o in named_in(t)}
            if not cco or (k == "other_org_only_in_cc" and cco & spoken): problems.append((f, k, f"Cc org {cco} spoken of"))
        if k in ("ok_attachment_match", "wrong_attachment"):
            # an invoice's 振込先 line names our bank: payee, not addressee
            aorgs = {o for t in atext for ln in t.splitlines() if "振込先" not in ln for o in orgs if o in ln}
            checked[k + " (attachment)"] += 1
            if k == "ok_attachment_match" and not (aorgs and aorgs <= oo(allx)): problems.append((f, k, f"attachment names {aorgs}"))
            if k == "wrong_attachment" and (not aorgs or aorgs & oo(allx)): problems.append((f, k, f"attachment names {aorgs}"))
        if k in ("ok_internal", "ok_forward_internal") and allx: problems.append((f, k, "external recipient"))
        if k == "ok_announcement_bcc" and (ext["To"] or ext["Cc"]): problems.append((f, k, "external address visible"))
        if k == "open_recipient_list" and len(oo(ext["To"] + ext["Cc"])) < 3: problems.append((f, k, "fewer than 3 organisations visible"))
        if k == "lookalike_domain" and (oo(ext["To"]) or not all(reserved(a) for a in ext["To"])): problems.append((f, k, "domain is a known one"))
    ok_n = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {ok_n}, risky {len(labels) - ok_n})")
    print("body shapes:", {f"{a} {b}": n for (a, b), n in sorted(shapes.items())})
    print("attachments by type:", dict(atts))
    for (e, k), n in sorted(kinds.items()): print(f"  {e:5} {k:36} {n}")
    print("facts cross-checked:", dict(checked))
    for p in problems: print("PROBLEM", *p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
