"""The Letters page without a browser (issue 14): every role may check a run; the verdict, the problems in words and
the downloads; a clean run is ok; broken files and oversized uploads get a clear error, never a traceback; each check
is recorded (hashes and counts, no contents) and audited; officers and administrators see everyone's records, others
their own; the FAX send list is checked against the organisation's directory."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from mamori.glossary import FAX_PROBLEMS, LETTER_PROBLEMS, machine_terms_in
from mamori.letters.report import LABELS
from mamori.store.audit import AuditEntry
from mamori.store.letters import list_checks
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from tests.letters.conftest import generator
from tests.web import seed
from tests.web.conftest import csrf_of, login
from tests.web.test_japanese_surfaces import visible_text


@pytest.fixture(scope="session")
def letters_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A correct run of six letters (as the generator makes them: two with the same name at one address)."""
    out = tmp_path_factory.mktemp("letters-web")
    generator().generate(out, letters=6, seed=5, clean=True)
    return out


def wrong_name_list(run: Path) -> tuple[bytes, str]:
    """The run's list with one person's name changed: that person's letter now carries a wrong name. Returns the
    list and the id whose letter must be held."""
    rows = list(csv.reader(io.StringIO((run / "recipients.csv").read_text(encoding="utf-8"))))
    names = [r[1] for r in rows[1:]]
    k = max(i for i, r in enumerate(rows) if i > 0 and not r[4] and names.count(r[1]) == 1)
    rows[k][1] = rows[k][1] + "美"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8"), rows[k][0]


def _post_run(client: TestClient, pdf: bytes, listing: bytes, name: str = "2026-12 請求書.pdf", window: str = ""):
    page = client.get("/letters")
    assert page.status_code == 200
    return client.post("/letters/check", data={"csrf": csrf_of(page.text), "window": window},
                       files={"run": (name, pdf, "application/pdf"), "list": ("recipients.csv", listing, "text/csv")})


def _data_url(html: str, kind: str) -> bytes:
    m = re.search(rf'href="data:[^;]+;charset=utf-8;base64,([^"]+)" download="[^"]+" data-download="{kind}"', html)
    assert m, f"no {kind} download"
    return base64.b64decode(m.group(1))


def test_the_glossary_names_every_paper_code_as_the_reports_do() -> None:
    from mamori.letters.check import CODES
    from mamori.letters.fax import SEVERITY

    assert set(LETTER_PROBLEMS) == set(CODES) and set(FAX_PROBLEMS) == set(SEVERITY)
    for code, words in [*LETTER_PROBLEMS.items(), *FAX_PROBLEMS.items()]:
        assert (words.title_ja, words.title_en) == LABELS[code], code  # one label per code on every surface
        assert not words.sentence_ja.isascii() and not machine_terms_in(words.sentence_ja + words.title_ja), code


def test_a_clerk_checks_a_run_with_a_wrong_name(client, web_db, letters_run) -> None:
    listing, wrong = wrong_name_list(letters_run)
    pdf = (letters_run / "RUN.pdf").read_bytes()
    login(client, "alice@corp.example")  # a sender: the clerk who prints the run
    r = _post_run(client, pdf, listing)
    assert r.status_code == 200, r.text
    held = re.findall(r'<article class="held-letter" data-letter="(\d+)">(.*?)</article>', r.text, re.S)
    assert len(held) == 1
    body = held[0][1]
    assert f"宛先: {wrong}" in body and 'data-code="name_mismatch"' in body
    assert LETTER_PROBLEMS["name_mismatch"].title_ja in body and LETTER_PROBLEMS["name_mismatch"].sentence_ja in body
    shown = visible_text(r.text)  # in Japanese the codes stay in attributes
    assert not [c for c in [*LETTER_PROBLEMS, *FAX_PROBLEMS] if c in shown] and machine_terms_in(shown) == []
    assert re.search(r'<img src="data:image/png;base64,[^"]{2000,}"', body)  # the page with the block outlined
    assert "問題の箇所を赤枠）" in body and "窓を青枠" not in body  # no window given, none drawn
    assert "6 通中 1 通を保留" in r.text
    report = _data_url(r.text, "report").decode("utf-8")
    assert "2026-12 請求書.pdf" in report and "name_mismatch" in report and "data:image/png;base64," in report
    result = json.loads(_data_url(r.text, "json"))
    assert [(x["recipient"], [p["code"] for p in x["problems"]]) for x in result["letters"] if x["action"] == "hold"] \
        == [(wrong, ["name_mismatch"])]  # fmt: skip
    [rec] = list_checks(web_db)
    assert (rec.actor, rec.kind, rec.result, rec.letters, rec.pages, rec.held, rec.missing) == (
        "alice@corp.example", "letters", "hold", 6, 13, 1, 0)
    assert rec.problems == {"name_mismatch": 1} and rec.run_name == "2026-12 請求書.pdf"
    assert rec.run_sha256 == hashlib.sha256(pdf).hexdigest() and rec.list_sha256 == hashlib.sha256(listing).hexdigest()
    with web_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "letters_check")).one()
        assert (entry.actor, entry.target, entry.detail) == ("alice@corp.example", f"letters_check:{rec.id}", "hold")
    english = client.get("/letters?lang=en")
    assert "Letters and FAX lists" in english.text and 'data-code="name_mismatch"' in english.text


def test_a_clean_run_is_ok_and_the_window_is_checked(client, web_db, letters_run) -> None:
    login(client, "bob@corp.example")
    pdf, listing = (letters_run / "RUN.pdf").read_bytes(), (letters_run / "recipients.csv").read_bytes()
    r = _post_run(client, pdf, listing, window="20,40,95,45")
    assert r.status_code == 200 and 'data-result="ok"' in r.text and "6 通すべて問題なし" in r.text
    assert "held-letter" not in r.text
    tight = _post_run(client, pdf, listing, window="20,40,20,10")  # a window too small for any block
    assert tight.status_code == 200 and tight.text.count('class="reason hold" data-code="outside_window"') == 6
    assert tight.text.count("問題の箇所を赤枠、窓を青枠") == 6  # each picture with the window drawn
    bad = _post_run(client, pdf, listing, window="20,40")
    assert bad.status_code == 400 and "封筒の窓" in bad.text and "4つの数" in bad.text
    assert [r.result for r in list_checks(web_db)] == ["hold", "ok"]  # a window refused is no check


@pytest.mark.parametrize(
    ("pdf", "listing", "says"),
    [
        (b"%PDF-1.7\n1 0 obj<<>>\nthis is not a PDF body", None, "印刷 PDF: PDF が壊れています"),
        (b"PK\x03\x04 a zip file", None, "印刷 PDF: PDF ファイルではありません"),
        (None, b"id,name,postal_code,address,colour\n", "宛先リスト (1 行目): 不明な列 colour"),
        (None, "id,name,postal_code,address\nC1,山田 太郎,123,東京都\n".encode(),
         "宛先リスト (2 行目): postal_code「123」"),
        (None, "id,name,postal_code,address\nC1,山田 太郎,100-0001,東京都\n".encode("cp932"),
         "UTF-8 のテキストではありません"),
    ],
)
def test_a_broken_run_or_list_is_a_clear_error_and_recorded(client, web_db, letters_run, pdf, listing, says) -> None:
    login(client, "carol@corp.example")
    run = pdf if pdf is not None else (letters_run / "RUN.pdf").read_bytes()
    lst = listing if listing is not None else (letters_run / "recipients.csv").read_bytes()
    r = _post_run(client, run, lst)
    assert r.status_code == 422 and 'class="card check-error"' in r.text and "Traceback" not in r.text
    assert says in r.text, r.text[:3000]
    [rec] = list_checks(web_db)
    assert rec.result == "error" and rec.error.split()[0] == ("run" if pdf is not None else "list")
    shown = re.search(r'class="muted small record-error">([^<]+)<', client.get("/letters").text).group(1)
    assert shown == ("印刷 PDF" if pdf is not None else "宛先リスト" + (f" ({rec.error.split()[2]} 行目)"
                                                                      if len(rec.error.split()) == 3 else ""))


def test_an_upload_over_the_limit_is_refused_before_it_is_read(app, client, web_db, letters_run) -> None:
    app.state.letters_max_bytes = 50_000  # the run is about 75 KB
    login(client, "alice@corp.example")
    r = _post_run(client, (letters_run / "RUN.pdf").read_bytes(), (letters_run / "recipients.csv").read_bytes())
    assert r.status_code == 413 and "ファイルが大きすぎます（上限 48.8 KB）" in r.text
    assert list_checks(web_db) == []


def test_a_post_without_the_csrf_token_or_a_file_is_refused(client, web_db, letters_run) -> None:
    login(client, "alice@corp.example")
    pdf = (letters_run / "RUN.pdf").read_bytes()
    r = client.post("/letters/check", data={"csrf": "forged"},
                    files={"run": ("a.pdf", pdf, "application/pdf"), "list": ("l.csv", b"id\n", "text/csv")})
    assert r.status_code == 403
    page = client.get("/letters")
    r = client.post("/letters/check", data={"csrf": csrf_of(page.text)},
                    files={"run": ("a.pdf", pdf, "application/pdf")})
    assert r.status_code == 400 and "ファイルを選んでください" in r.text
    assert list_checks(web_db) == []


def test_records_officers_and_admins_see_everyones_others_their_own(client, web_db, letters_run) -> None:
    create_user(web_db, "adam@corp.example", role="admin", display_name="Adam", password=seed.PASSWORD)
    pdf, listing = (letters_run / "RUN.pdf").read_bytes(), (letters_run / "recipients.csv").read_bytes()
    for who, name in (("alice@corp.example", "alice-run.pdf"), ("carol@corp.example", "carol-run.pdf")):
        login(client, who)
        assert _post_run(client, pdf, listing, name=name).status_code == 200
        client.cookies.clear()
    seen = {}
    for who in ("alice@corp.example", "bob@corp.example", "olga@corp.example", "adam@corp.example"):
        login(client, who)
        page = client.get("/letters")
        assert page.status_code == 200
        seen[who] = sorted(re.findall(r"(\w+)-run\.pdf", page.text))
        client.cookies.clear()
    assert seen == {"alice@corp.example": ["alice"], "bob@corp.example": [],
                    "olga@corp.example": ["alice", "carol"], "adam@corp.example": ["alice", "carol"]}
    login(client, "olga@corp.example")
    assert "carol-run.pdf" not in client.get("/letters?since=2999-01-01").text
    assert "carol-run.pdf" in client.get("/letters?since=2000-01-01&until=2999-12-31").text
    assert "日付は YYYY-MM-DD" in client.get("/letters?since=yesterday").text
    audit = client.get("/audit")
    assert audit.text.count("封書・FAX の照合") >= 2 and "letters_check:" in audit.text
    assert not [c for c in LETTER_PROBLEMS if c in visible_text(audit.text)]  # counts only, no codes
    records = visible_text(client.get("/letters").text)
    assert LETTER_PROBLEMS["name_mismatch"].title_ja not in records  # the clean runs had no problem



def test_the_page_needs_a_login(client) -> None:
    r = client.get("/letters", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert client.post("/letters/check", follow_redirects=False).status_code == 303


FAX_CONTACTS = (
    "name,email,organization,fax\n"
    "佐藤 一郎,sato@koyo.example,株式会社光陽システムズ,03-1234-5678\n"
    "鈴木 花子,suzuki@hokuto.example,北斗商事株式会社,06-2345-6789\n"
)
SENDLIST = (
    "name,organization,fax\n"
    "佐藤 一郎,株式会社光陽システムズ,03-1234-5678\n"  # right
    "鈴木 花子,北斗商事株式会社,03-1234-5678\n"  # another organisation's number
    ",株式会社光陽システムズ,03-1234-5687\n"  # two digits swapped
    "田中,みどり物産,045-123-456\n"  # a digit dropped
)


def test_a_fax_send_list_is_checked_against_the_directory(web_settings, web_db, tmp_path) -> None:
    (tmp_path / "contacts.csv").write_text(FAX_CONTACTS, encoding="utf-8")
    (tmp_path / "mamori.toml").write_text('[organization]\ninternal_domains = ["corp.example"]\n\n'
                                          '[guard]\ncontacts = "contacts.csv"\n', encoding="utf-8")
    app = create_app(replace(web_settings, config_path=tmp_path / "mamori.toml"), web_db)
    with TestClient(app, client=("192.0.2.10", 40000)) as client:
        login(client, "alice@corp.example")
        page = client.get("/letters")
        r = client.post("/letters/fax", data={"csrf": csrf_of(page.text)},
                        files={"sendlist": ("sendlist.csv", SENDLIST.encode("utf-8"), "text/csv")})
        assert r.status_code == 200, r.text
        rows = dict(re.findall(r'<article class="fax-row" data-row="(\d+)">.*?data-code="(\w+)"', r.text, re.S))
        assert rows == {"2": "recipient_organization_mismatch", "3": "similar_recipient", "4": "invalid_number"}
        assert "4 件中 保留 3 件・要確認 0 件" in r.text and FAX_PROBLEMS["similar_recipient"].title_ja in r.text
        result = json.loads(_data_url(r.text, "json"))
        assert [x["action"] for x in result] == ["allow", "hold", "hold", "hold"]
        (tmp_path / "contacts.csv").write_text(FAX_CONTACTS + "高橋 健,takahashi@koyo.example,株式会社光陽システムズ,"
                                               "03-1234-5687\n", encoding="utf-8")  # the "typo" is a new number
        again = client.post("/letters/fax", data={"csrf": csrf_of(page.text)},
                            files={"sendlist": ("sendlist.csv", SENDLIST.encode("utf-8"), "text/csv")})
        rows = dict(re.findall(r'<article class="fax-row" data-row="(\d+)">.*?data-code="(\w+)"', again.text, re.S))
        assert rows == {"2": "recipient_organization_mismatch", "4": "invalid_number"}  # the directory reloaded
        bad = client.post("/letters/fax", data={"csrf": csrf_of(page.text)},
                          files={"sendlist": ("s.csv", b"name,fax\n", "text/csv")})
        assert bad.status_code == 422 and "送信リスト (1 行目)" in bad.text
    assert [(r.kind, r.result, r.letters, r.held) for r in list_checks(web_db)] == [
        ("fax", "error", 0, 0), ("fax", "hold", 4, 2), ("fax", "hold", 4, 3)]


def test_without_a_directory_the_fax_form_says_why(client) -> None:
    login(client, "alice@corp.example")
    page = client.get("/letters")
    assert 'class="muted fax-unavailable"' in page.text and 'action="/letters/fax"' not in page.text


def test_the_check_runs_off_the_event_loop(app, letters_run, monkeypatch) -> None:
    """While a check works (held here until the test lets it go), the server still answers other requests."""
    import threading

    import httpx

    from mamori.web import routes_letters
    from tests.web.live import serve

    started, release = threading.Event(), threading.Event()
    real = routes_letters.check_letters

    def held_check(*args: object) -> object:
        started.set()
        assert release.wait(30)
        return real(*args)

    monkeypatch.setattr(routes_letters, "check_letters", held_check)
    pdf, listing = (letters_run / "RUN.pdf").read_bytes(), (letters_run / "recipients.csv").read_bytes()
    with serve(app) as site, httpx.Client(base_url=site, timeout=60) as client:
        login(client, "alice@corp.example")  # type: ignore[arg-type]
        answers: list[httpx.Response] = []
        poster = threading.Thread(target=lambda: answers.append(_post_run(client, pdf, listing)))  # type: ignore[arg-type]
        poster.start()
        assert started.wait(30)
        try:
            assert httpx.get(f"{site}/healthz", timeout=5).status_code == 200  # the loop is free during the check
            assert client.get("/letters", timeout=5).status_code == 200
        finally:
            release.set()
            poster.join(60)
    assert answers and answers[0].status_code == 200 and 'data-result="ok"' in answers[0].text


def test_a_fault_of_the_check_is_a_clear_page_and_logs_no_content(client, letters_run, monkeypatch, caplog) -> None:
    """A bug in the check (caused here: nothing else makes the check itself fail) gives the error page, and the log
    names the fault's type only — its message could quote the letters."""
    from mamori.web import routes_letters

    def broken(*args: object) -> object:
        raise KeyError("山田 花子 東京都渋谷区渋谷2-21-1")

    monkeypatch.setattr(routes_letters, "check_letters", broken)
    login(client, "alice@corp.example")
    pdf, listing = (letters_run / "RUN.pdf").read_bytes(), (letters_run / "recipients.csv").read_bytes()
    with caplog.at_level("DEBUG"):
        r = _post_run(client, pdf, listing)
    assert r.status_code == 500 and "Traceback" not in r.text and "山田 花子" not in r.text
    assert "KeyError" in caplog.text and "山田" not in caplog.text and "渋谷" not in caplog.text
