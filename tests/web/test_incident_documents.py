"""The documents of an incident on the officer's pages: the report as PDF and DOCX (the same nine items as the text),
and the notice to the people concerned from an uploaded CSV (letters as DOCX, the CSV of the notice's fields, the
announcement). Other roles get 403; the uploaded list is not stored, the audit log counts the people."""

from __future__ import annotations

import csv
import io
import re

from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from mamori.incidents import register
from mamori.incidents.report import report_items
from mamori.store.audit import AuditEntry
from tests.web.conftest import csrf_of, login

OFFICER = "olga@corp.example"
CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "fax_misdelivery", "persons": 3,
        "data": ["PERSON", "SENSITIVE:medical"]}
PEOPLE = "氏名,郵便番号,住所,電話番号\n山田 花子,1500002,東京都渋谷区渋谷2-21-1,03-0000-0000\n"
NOTICE = {"company": "株式会社サンプル", "signer": "代表取締役 見本 太郎", "reader": "お客様", "details": "",
          "measures": "FAXの送信先に破棄を依頼し、破棄したとの回答を得ました。",
          "harm": "現時点で、本件による二次被害は確認されていません。", "contact": "お客様相談室\n電話 0120-000-000"}


def _incident(web_db) -> int:
    return register.create(web_db, CASE, OFFICER, "FAX誤送信", "診断書を山田様でなく別の番号へ送った")


def test_the_report_as_pdf_and_docx_holds_the_nine_items(client, web_db) -> None:
    incident_id = _incident(web_db)
    login(client, OFFICER)
    page = client.get(f"/incidents/{incident_id}").text
    for suffix in ("txt", "pdf", "docx", "xlsx"):
        assert f'href="/incidents/{incident_id}/report.{suffix}"' in page
    assert f'href="/incidents/{incident_id}/notice"' in page
    view = register.get(web_db, incident_id)
    items = report_items(view.case, view.decision, view.summary, view.tasks)
    pdf = client.get(f"/incidents/{incident_id}/report.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert f'filename="incident-{incident_id}-report.pdf"' in pdf.headers["content-disposition"]
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    for heading, body in items:
        assert re.sub(r"\s+", "", heading.partition(". ")[2]) in text and re.sub(r"\s+", "", body) in text
    assert "速報(施行規則8条1項)" in text
    register.mark_done(web_db, incident_id, "preliminary", OFFICER)
    for suffix in ("pdf", "txt"):  # once the 速報 is filed, every download is the 確報
        got = client.get(f"/incidents/{incident_id}/report.{suffix}")
        body = "".join(p.extract_text() for p in PdfReader(io.BytesIO(got.content)).pages) if suffix == "pdf" \
            else got.text
        assert "確報(施行規則8条2項)" in re.sub(r"\s+", "", body)
    docx = client.get(f"/incidents/{incident_id}/report.docx")
    assert docx.status_code == 200 and "wordprocessingml" in docx.headers["content-type"]
    rows = [[c.text for c in row.cells] for row in Document(io.BytesIO(docx.content)).tables[0].rows]
    assert [(f"{n}. {h}", b) for n, h, b in rows[1:]] == items


def test_the_notice_letters_csv_and_announcement(client, web_db) -> None:
    incident_id = _incident(web_db)
    login(client, OFFICER)
    form = client.get(f"/incidents/{incident_id}/notice")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    files = {"people": ("people.csv", PEOPLE.encode("cp932"), "text/csv")}
    data = NOTICE | {"csrf": csrf_of(form.text), "format": "docx"}
    letters = client.post(f"/incidents/{incident_id}/notice", data=data, files=files)
    assert letters.status_code == 200 and "wordprocessingml" in letters.headers["content-type"]
    assert f'filename="incident-{incident_id}-notice.docx"' in letters.headers["content-disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(letters.content)).paragraphs)
    assert "〒150-0002\n東京都渋谷区渋谷2-21-1\n山田 花子 様" in text and "株式会社サンプル" in text
    assert NOTICE["measures"] in text and "お客様相談室\n電話 0120-000-000" in text
    assert "03-0000-0000" not in text and "診断書を山田様でなく" not in text  # nor the phone, nor the summary
    listed = client.post(f"/incidents/{incident_id}/notice", data=data | {"format": "csv"}, files=files)
    assert listed.status_code == 200 and listed.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(listed.content.decode("utf-8-sig"))))
    got = [(r["氏名"], r["郵便番号"], r["二次被害の有無"]) for r in rows]
    assert got == [("山田 花子", "150-0002", NOTICE["harm"])]
    public = client.post(f"/incidents/{incident_id}/notice", data=data | {"format": "publication"})
    assert public.status_code == 200 and "3人分" in public.text and "山田" not in public.text
    with web_db.session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "incident_notice")
                                 .order_by(AuditEntry.id)))
    assert [(e.actor, e.target, e.data) for e in entries] == [
        (OFFICER, f"incident:{incident_id}", {"files": ["docx"], "people": 1}),
        (OFFICER, f"incident:{incident_id}", {"files": ["csv"], "people": 1}),
        (OFFICER, f"incident:{incident_id}", {"files": ["publication"], "people": 0})]
    assert not any("山田" in e.detail or "渋谷" in e.detail or "0120" in e.detail for e in entries)


def test_a_missing_field_or_list_is_named_and_the_form_kept(client, web_db) -> None:
    incident_id = _incident(web_db)
    login(client, OFFICER)
    form = client.get(f"/incidents/{incident_id}/notice").text
    files = {"people": ("people.csv", PEOPLE.encode(), "text/csv")}
    r = client.post(f"/incidents/{incident_id}/notice", files=files,
                    data=NOTICE | {"csrf": csrf_of(form), "format": "docx", "harm": ""})
    assert r.status_code == 400 and "二次被害の有無を入力してください" in r.text and NOTICE["measures"] in r.text
    r = client.post(f"/incidents/{incident_id}/notice", data=NOTICE | {"csrf": csrf_of(form), "format": "docx"})
    assert r.status_code == 400 and "一覧 (CSV) を選んでください" in r.text
    bad = {"people": ("people.csv", "氏名,郵便番号,住所\n山田,12,東京\n".encode(), "text/csv")}
    r = client.post(f"/incidents/{incident_id}/notice", files=bad,
                    data=NOTICE | {"csrf": csrf_of(form), "format": "docx"})
    assert r.status_code == 400 and "2行目" in r.text and "7桁" in r.text
    r = client.post(f"/incidents/{incident_id}/notice", files=files, data=NOTICE | {"format": "docx"})
    assert r.status_code == 403  # no CSRF token


def test_other_roles_get_403(client, web_db) -> None:
    incident_id = _incident(web_db)
    for person in ("alice@corp.example", "bob@corp.example"):
        login(client, person)
        for path in (f"/incidents/{incident_id}/report.pdf", f"/incidents/{incident_id}/report.docx",
                     f"/incidents/{incident_id}/notice"):
            assert client.get(path).status_code == 403, (person, path)
        page = client.get("/messages").text
        post = client.post(f"/incidents/{incident_id}/notice", data=NOTICE | {"csrf": csrf_of(page)})
        assert post.status_code == 403
        client.post("/logout", data={"csrf": csrf_of(page)})


def test_an_unknown_incident_is_404(client, web_db) -> None:
    login(client, OFFICER)
    for path in ("/incidents/999/report.pdf", "/incidents/999/report.docx", "/incidents/999/notice"):
        assert client.get(path).status_code == 404
