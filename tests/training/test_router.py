"""The training router on a minimal FastAPI app: a learner goes through chapter 2, fails once, passes, gets the
certificate; the officer sees it in the report and exports it. (The signed-in user is a stand-in dependency: the
accounts are the web app's.)"""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi import FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

from mamori.store import Database
from mamori.training.pages import training_router
from mamori.training.progress import Learner

USERS = {
    "hanako": {"email": "Hanako@example.jp", "display_name": "山田 花子", "role": "staff"},
    "boss": {"email": "boss@example.jp", "display_name": "個人情報保護管理者", "role": "officer"},
}


@pytest.fixture
def client(database_url):
    db = Database(database_url)
    db.migrate()

    def current_user(request: Request) -> dict:
        user = USERS.get(request.headers.get("x-test-user", ""))
        if user is None:
            raise HTTPException(401, "sign in")
        return user

    def officer(request: Request) -> dict:
        user = current_user(request)
        if user["role"] != "officer":
            raise HTTPException(403, "officers only")
        return user

    app = FastAPI()
    app.include_router(training_router(lambda: db, current_user, officer_dependency=officer, prefix="/training",
                                       organisation="テスト株式会社"))
    with TestClient(app) as c:
        yield c
    db.dispose()


def as_user(name: str) -> dict[str, str]:
    return {"x-test-user": name}


def answer(course, html: str, right: int) -> dict[str, str]:
    seed = re.search(r'name="seed" value="(\d+)"', html).group(1)
    qids = re.findall(r'<fieldset class="question" data-question-id="([^"]+)"', html)
    form = {"seed": seed, "sig": re.search(r'name="sig" value="([0-9a-f]+)"', html).group(1)}
    for i, qid in enumerate(qids):
        q = course.question(qid)
        form[f"q.{qid}"] = q.answer if i < right else next(c.id for c in q.choices if c.id != q.answer)
    return form


def test_learner_fails_once_passes_gets_certificate_officer_sees_it(client, chapter2) -> None:
    me = as_user("hanako")
    assert client.get("/training/", headers={}).status_code == 401
    index = client.get("/training/", headers=me)
    assert index.status_code == 200 and "第2章" in index.text and "未受講" in index.text

    # the quiz is not open before the pages are seen
    r = client.get("/training/pi-ch2/quiz", headers=me, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("/training/pi-ch2/pages/1?lang=ja")

    # page through; every page is saved as it is seen, the next link leads on, the last one to the quiz
    url = "/training/pi-ch2/"
    r = client.get(url, headers=me, follow_redirects=False)
    url = r.headers["location"]
    for n in range(1, len(chapter2.content_pages) + 1):
        r = client.get(url, headers=me)
        assert r.status_code == 200 and f"ページ {n} / 7" in r.text
        assert 'name="viewport"' in r.text and 'rel="next"' in r.text
        url = re.search(r'rel="next" href="([^"]+)"', r.text).group(1).replace("&amp;", "&")
        if n == 3:  # leave half-way: coming back resumes at the first page not seen
            again = client.get("/training/pi-ch2/", headers=me, follow_redirects=False)
            assert again.headers["location"].endswith("/pages/4?lang=ja")
    assert url.startswith("/training/pi-ch2/quiz")
    causes = client.get("/training/pi-ch2/pages/5", headers=me).text
    assert causes.count("<svg") == 2 and "63.6%" in causes

    # fail once: feedback for each wrong answer
    quiz = client.get(url, headers=me)
    assert quiz.status_code == 200 and quiz.text.count('<fieldset class="question"') == 10
    r = client.post("/training/pi-ch2/quiz", data=answer(chapter2, quiz.text, 7), headers=me)
    assert r.status_code == 200 and 'data-result="failed"' in r.text and 'data-score="70"' in r.text
    assert r.text.count('class="feedback"') == 3 and "正しい答え" in r.text
    assert "certificate.pdf" not in r.text
    assert client.get("/training/pi-ch2/certificate.pdf", headers=me).status_code == 404
    done = client.get("/training/pi-ch2/done", headers=me, follow_redirects=False)
    assert done.status_code == 303

    # pass on the second attempt
    quiz = client.get("/training/pi-ch2/quiz", headers=me)
    assert "受験 2" in quiz.text
    r = client.post("/training/pi-ch2/quiz", data=answer(chapter2, quiz.text, 9), headers=me)
    assert 'data-result="passed"' in r.text and 'data-score="90"' in r.text and r.text.count('class="feedback"') == 1
    closing = client.get("/training/pi-ch2/done", headers=me)
    assert closing.status_code == 200 and "ウィンドウは閉じて" in closing.text
    pdf = client.get("/training/pi-ch2/certificate.pdf", headers=me)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    assert "山田 花子" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()

    # the officer sees it; the learner may not
    assert client.get("/training/pi-ch2/report", headers=me).status_code == 403
    boss = as_user("boss")
    report = client.get("/training/pi-ch2/report", headers=boss)
    assert report.status_code == 200
    assert re.search(r'data-count="completed">1<', report.text)
    row = re.search(r'<tr data-user="hanako@example.jp">(.*?)</tr>', report.text, re.S).group(1)
    assert "山田 花子" in row and "修了" in row and "90" in row
    rows = list(csv.reader(io.StringIO(client.get("/training/pi-ch2/report.csv", headers=boss).content
                                       .decode("utf-8-sig"))))
    assert rows[1][0] == "hanako@example.jp" and rows[1][2] == "修了" and rows[1][9] == "2"
    xlsx = client.get("/training/pi-ch2/report.xlsx?lang=en", headers=boss)
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws["A1"].value == "Login" and ws["C2"].value == "completed"


def test_make_up_list_and_reminder_in_the_report(client, chapter2) -> None:
    client.get("/training/pi-ch2/pages/1", headers=as_user("hanako"))
    boss = as_user("boss")
    report = client.get("/training/pi-ch2/report", headers=boss).text
    assert re.search(r'<table class="pending">.*hanako@example.jp.*</table>', report, re.S)
    r = client.post("/training/pi-ch2/remind", data={"user": "hanako@example.jp"}, headers=boss,
                    follow_redirects=False)
    assert r.status_code == 303
    report = client.get(r.headers["location"], headers=boss).text
    pending = re.search(r'<table class="pending">(.*?)</table>', report, re.S).group(1)
    assert re.search(r"<td>1 \d{4}-\d\d-\d\d \d\d:\d\d</td>", pending)


def test_english_pages_assets_and_bad_input(client) -> None:
    me = as_user("hanako")
    r = client.get("/training/pi-ch2/pages/1?lang=en", headers=me)
    assert r.status_code == 200 and '<html lang="en">' in r.text and "Why we manage personal information" in r.text
    assert client.get("/training/pi-ch2/pages/99", headers=me).status_code == 404
    assert client.get("/training/nope/pages/1", headers=me).status_code == 404
    css = client.get("/training/assets/training.css")
    assert css.status_code == 200 and "@media" in css.text
    assert client.get("/training/assets/pages.py").status_code == 404
    assert client.post("/training/pi-ch2/quiz", data={"seed": "x"}, headers=me).status_code == 400
    assert client.get("/training/pi-ch2/report.csv", headers=me).status_code == 403


def test_router_accepts_a_learner_object(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    db.migrate()
    app = FastAPI()
    app.include_router(training_router(lambda: db, lambda: Learner("x@example.jp", "X"), prefix="/learn"))
    with TestClient(app) as c:
        r = c.get("/learn/pi-ch2/pages/1")
        assert r.status_code == 200 and 'href="/learn/assets/training.css"' in r.text
        assert c.get("/learn/pi-ch2/report").status_code == 404  # no officer dependency: no report routes
