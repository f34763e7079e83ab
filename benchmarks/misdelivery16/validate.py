#!/usr/bin/env python3
# ruff: noqa: E501, E702, B007, SIM115, RUF015, RUF005, F541, RUF100
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Validate misdelivery16: `python validate.py [SET_DIR]` (needs openpyxl, pypdf).

Parses every message with email.policy.default, opens every attachment with its library, checks reserved
domains, label fields and reason codes (DESIGN.md "mamori check"), recomputes `first_time_recipient` from
history.jsonl, checks that every 〈...〉 in a note occurs in the attachment text, cross-checks the salutation
against the recipient's contacts.csv entry (it must match for the ok kinds that write to one named person, and
must not for the same-name slips), and prints counts per kind. Exit 1 on a problem.
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
from collections import Counter

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
OK_MAY = {"external_recipient", "first_time_recipient", "pii_in_attachment", "sensitive_pii", "bulk_pii"}
# ok kinds whose salutation names exactly the (single) recipient
SALUTE_OK = {"ok_customer_own_order", "ok_same_surname_right_customer", "ok_b2b_own_invoice", "ok_b2b_own_price_list",
             "ok_dm_list_to_contracted_printer", "ok_shipping_to_warehouse", "ok_callcenter_escalation",
             "ok_reply_quote_other", "ok_first_mail_known_org", "ok_collection_own_debtor"}
SALUTE_WRONG = {"same_surname_wrong_customer", "autocomplete_namesake_other_company"}


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
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
    if ext in ("csv", "txt"):
        for enc in ("utf-8-sig", "cp932"):
            try:
                s = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if ext == "csv":
                list(csv.reader(io.StringIO(s)))
            return s
        raise ValueError("undecodable")
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems: list[str] = []
    toml = open(os.path.join(d, "mamori.toml"), encoding="utf-8").read()
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    contacts = list(csv.DictReader(open(os.path.join(d, "contacts.csv"), encoding="utf-8")))
    if list(contacts[0])[:4] != ["name", "kana", "email", "organization"]:
        problems.append("contacts.csv header")
    problems += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    problems += [f"duplicate contact {e}" for e, n in Counter(c["email"] for c in contacts).items() if n > 1]
    by_email = {c["email"].lower(): c for c in contacts}
    ext_c = [c for c in contacts if c["email"].split("@")[1] not in internal]
    orgs = {c["organization"] for c in ext_c}
    sur, full, lp = {}, {}, {}
    for c in ext_c:
        sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
        full.setdefault(c["name"], set()).add(c["organization"])
        lp.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    print(f"contacts {len(contacts)} ({len(ext_c)} external at {len(orgs)} organisations, "
          f"{sum(o.startswith('個人') for o in orgs)} of them individual customers); surnames at >=3 organisations "
          f"{sum(len(v) >= 3 for v in sur.values())}; full names at >1 {sum(len(v) > 1 for v in full.values())}; "
          f"local parts at >1 domain {sum(len(v) > 1 for v in lp.values())}")
    hist = [json.loads(line) for line in open(os.path.join(d, "history.jsonl"), encoding="utf-8")]
    past: dict[str, set[str]] = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            problems.append(f"history row {h}")
        past.setdefault(h["from"], set()).update(a.lower() for a in h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(past)} senders, {min(h['date'] for h in hist)[:10]} .. {max(h['date'] for h in hist)[:10]}")
    labels = [json.loads(line) for line in open(os.path.join(d, "labels.jsonl"), encoding="utf-8")]
    files = sorted(os.listdir(os.path.join(d, "messages")))
    if sorted(lb["file"] for lb in labels) != [f"messages/{x}" for x in files]:
        problems.append("labels.jsonl and messages/ do not list the same files")
    kinds, atts, charsets, salute = Counter(), Counter(), Counter(), Counter()
    for lb in labels:
        fn = lb["file"]
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            problems.append(f"{fn}: label fields")
        codes = set(lb["codes"])
        ok = lb["expected"] == "ok"
        if not codes <= CODES or (not ok and not codes) or (ok and not codes <= OK_MAY):
            problems.append(f"{fn}: codes {lb['codes']}")
        if ok != lb["kind"].startswith("ok_"):
            problems.append(f"{fn}: kind vs expected")
        kinds[(lb["expected"], lb["kind"])] += 1
        m = email.message_from_bytes(open(os.path.join(d, fn), "rb").read(), policy=email.policy.default)
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
        if ok and ext and "external_recipient" not in codes:
            problems.append(f"{fn}: ok external without external_recipient")
        body = m.get_body(("plain",))
        charsets[body.get_content_charset()] += 1
        text = body.get_content()
        if "\ufffd" in text:
            problems.append(f"{fn}: body decoding")
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name:
                problems.append(f"{fn}: attachment without name")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read_attachment(name, part.get_payload(decode=True)))
            except Exception as e:  # noqa: BLE001 - any failure to open is a problem of the set
                problems.append(f"{fn}: attachment {name}: {e}")
        alltext = "\n".join(texts)
        for want in re.findall(r"〈([^〉]+)〉", lb["note"]):
            if want not in alltext:
                problems.append(f"{fn}: attachment does not name {want}")
        # salutation: the lines before the first blank line
        head = text.split("\n\n", 1)[0]
        to = [a.addr_spec.lower() for a in m["To"].addresses]
        if lb["kind"] in SALUTE_OK | SALUTE_WRONG and len(to) == 1 and to[0] in by_email:
            c = by_email[to[0]]
            if c["organization"].startswith("個人"):  # individual customer: name, and the member number if the body gives one
                nums = re.findall(r"会員番号 (K\d+)", text)
                match = f"{c['name']} 様" in head and (not nums or nums[0] == c.get("code"))
            else:
                match = f"{c['name']} 様" in head and c["organization"] in head
            salute[lb["kind"]] += 1
            if lb["kind"] in SALUTE_OK and not match:
                problems.append(f"{fn}: salutation does not name the recipient {c['name']} / {c['organization']}")
            if lb["kind"] in SALUTE_WRONG and match:
                problems.append(f"{fn}: salutation names the recipient, but the kind says it should not")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok}); body charsets {dict(charsets)}")
    print("attachments:", dict(sorted(atts.items())))
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:40} {n}")
    print("salutation cross-checked:", dict(salute))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
