# ruff: noqa: B905, E401, E501, I001, SIM115
# (the set's data was made by this file as it stands: it is kept as written, not reflowed)
"""Validate misdelivery19: `python validate.py [SET_DIR]` (needs openpyxl, pypdf).

Parses every message with email.policy.default, opens every attachment (PDF with pypdf, XLSX with openpyxl, CSV
as UTF-8-BOM or cp932, TXT), checks reserved domains, label fields and reason codes (DESIGN.md "mamori check"),
recomputes `first_time_recipient` from history.jsonl, checks the names in 〈...〉 of each note against the
attachments, checks the check digit of every 免許証番号 in the attachments, and prints counts. Exit 1 on a problem.
"""
from __future__ import annotations

import csv, email, email.policy, io, json, os, re, sys
from collections import Counter

CODES = {"external_recipient", "first_time_recipient", "similar_recipient", "content_recipient_mismatch",
         "attachment_recipient_mismatch", "open_recipient_list", "multiple_external_orgs", "lookalike_domain",
         "pii_in_attachment", "bulk_pii", "sensitive_pii", "unscannable_attachment", "blocked_recipient",
         "blocked_attachment"}
OK_MAY = {"external_recipient", "first_time_recipient", "pii_in_attachment", "sensitive_pii", "bulk_pii"}


def reserved(a: str) -> bool:
    d = a.rsplit("@", 1)[-1].lower()
    return d.endswith((".example", ".test", ".example.com")) or d == "example.com"


def lic_ok(n: str) -> bool:
    d = [int(x) for x in n]
    r = sum(a * b for a, b in zip(d[:10], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
    return d[10] == (0 if r <= 1 else 11 - r)


def read(name: str, data: bytes) -> str:
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
    raise ValueError(f"unknown attachment type {name}")


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    bad: list[str] = []
    toml = open(os.path.join(d, "mamori.toml"), encoding="utf-8").read()
    internal = re.findall(r'"([^"]+)"', toml.split("internal_domains", 1)[1])
    contacts = list(csv.DictReader(open(os.path.join(d, "contacts.csv"), encoding="utf-8")))
    if list(contacts[0]) != ["name", "kana", "email", "organization"]:
        bad.append("contacts.csv header")
    bad += [f"unreserved contact {c['email']}" for c in contacts if not reserved(c["email"])]
    bad += [f"duplicate contact {e}" for e, n in Counter(c["email"] for c in contacts).items() if n > 1]
    ext_c = [c for c in contacts if c["email"].split("@")[1] not in internal]
    sur, full, lp = {}, {}, {}
    for c in ext_c:
        if c["name"] != c["organization"]:
            sur.setdefault(c["name"].split()[0], set()).add(c["organization"])
            full.setdefault(c["name"], set()).add(c["organization"])
        lp.setdefault(c["email"].split("@")[0], set()).add(c["email"].split("@")[1])
    orgs = {c["organization"] for c in ext_c}
    print(f"contacts {len(contacts)} ({len(ext_c)} external at {len(orgs)} organisations, "
          f"{sum(o.startswith('個人') for o in orgs)} of them private customers); surnames at >=3 organisations "
          f"{sum(len(v) >= 3 for v in sur.values())}; full names at >1 {sum(len(v) > 1 for v in full.values())}; "
          f"local parts at >1 domain {sum(len(v) > 1 for v in lp.values())}")
    hist = [json.loads(x) for x in open(os.path.join(d, "history.jsonl"), encoding="utf-8")]
    past: dict[str, set] = {}
    for h in hist:
        if set(h) != {"date", "from", "to", "cc", "subject"} or not all(map(reserved, [h["from"], *h["to"], *h["cc"]])):
            bad.append(f"history row {h}")
        past.setdefault(h["from"], set()).update(a.lower() for a in h["to"] + h["cc"])
    print(f"history {len(hist)} messages, {len(past)} senders, {hist[0]['date'][:10]} .. {hist[-1]['date'][:10]}")
    labels = [json.loads(x) for x in open(os.path.join(d, "labels.jsonl"), encoding="utf-8")]
    files = sorted(os.listdir(os.path.join(d, "messages")))
    if sorted(lb["file"] for lb in labels) != [f"messages/{x}" for x in files]:
        bad.append("labels.jsonl and messages/ differ")
    kinds, fmts, atts = Counter(), Counter(), Counter()
    nlic = 0
    for lb in labels:
        fn = lb["file"]
        codes = set(lb["codes"])
        ok = lb["expected"] == "ok"
        if set(lb) != {"file", "expected", "codes", "kind", "note"} or lb["expected"] not in ("ok", "risky"):
            bad.append(f"{fn}: label fields")
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
            bad.append(f"{fn}: ok_internal with external recipient or codes")
        if ("first_time_recipient" in codes) != any(a not in past.get(sender, set()) for a in ext):
            bad.append(f"{fn}: first_time_recipient vs history")
        body = m.get_body(("plain",))
        fmts[body.get_content_charset()] += 1
        text = body.get_content()
        if "\ufffd" in text:
            bad.append(f"{fn}: body decoding")
        texts = []
        for part in m.iter_attachments():
            name = part.get_filename()
            if not name or "=?" in name:
                bad.append(f"{fn}: attachment name {name!r}")
                continue
            atts[name.rsplit(".", 1)[-1].lower()] += 1
            try:
                texts.append(read(name, part.get_payload(decode=True)))
            except Exception as e:
                bad.append(f"{fn}: attachment {name}: {e}")
        alltext = "\n".join(texts)
        for n in re.findall(r"(?<!\d)(30\d{10})(?!\d)", alltext):
            nlic += 1
            if not lic_ok(n):
                bad.append(f"{fn}: licence number {n} check digit")
        for want in re.findall(r"〈([^〉]+)〉", lb["note"]):
            if want not in alltext:
                bad.append(f"{fn}: attachment does not name {want}")
            if lb["kind"] in ("wrong_attachment_other_customer", "filename_names_other_customer") and want in text:
                bad.append(f"{fn}: body names the attachment's customer {want}")
            if lb["kind"].startswith("ok_") and "customer" in lb["note"] and want not in text:
                bad.append(f"{fn}: body does not name {want}")
    n_ok = sum(lb["expected"] == "ok" for lb in labels)
    print(f"messages {len(labels)} (ok {n_ok}, risky {len(labels) - n_ok}); body charsets {dict(fmts)}; "
          f"attachments {dict(sorted(atts.items()))}; licence numbers checked {nlic}")
    for (e, k), n in sorted(kinds.items()):
        print(f"  {e:5} {k:36} {n}")
    for p in bad:
        print("PROBLEM", p)
    print("OK" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
