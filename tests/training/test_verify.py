"""Certificates: the company, the issuer, the course version and a verification code that the app checks.

The code is checked by anyone at /training/verify (page) and /training/verify.json; a valid code shows only what
the certificate shows (never the login), an altered, unknown or withdrawn one is invalid, and so is any code once
the secret key changes.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi import FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

from mamori.store import Database
from mamori.store.training import TrainingRecord
from mamori.training import records
from mamori.training.config import parse_training_config
from mamori.training.pages import training_router
from mamori.training.progress import Learner
from mamori.training.quiz import draw_quiz
from mamori.training.verify import certificate_code, certificate_key, normalise, verify_code

SECRET = "verify-test-secret-0123456789"
HANAKO = Learner("Hanako@example.jp", "山田 花子")


def _complete(db: Database, course, learner: Learner = HANAKO, year: int = 2026) -> None:
    for page in course.content_pages:
        records.see_page(db, learner, course, page.id, year)
    drawn = draw_quiz(course, 1)
    answers = {qid: course.question(qid).answer for qid in drawn.question_ids}
    p, result, _ = records.submit_quiz(db, learner, course, drawn.question_ids, answers, year)
    assert result.passed and p.completed


@pytest.fixture
def db(database_url):
    database = Database(database_url)
    database.migrate()
    yield database
    database.dispose()


@pytest.fixture
def client(db, chapter2):
    def current_user(request: Request) -> dict:
        if request.headers.get("x-test-user") != "hanako":
            raise HTTPException(401, "sign in")
        return {"email": HANAKO.login, "display_name": HANAKO.display_name}

    app = FastAPI()
    app.include_router(training_router(
        lambda: db, current_user, prefix="/training", courses={chapter2.id: chapter2},
        organisation="株式会社まもり商事", issuer="個人情報保護管理者 佐藤 一郎", certificate_secret=SECRET,
        public_url="https://mamori.example",
    ))
    with TestClient(app) as c:
        yield c


def _code(db: Database, chapter2) -> str:
    number = records.record_id(db, HANAKO.login, chapter2.id, 2026)
    p = records.get_progress(db, HANAKO.login, chapter2.id, 2026)
    return certificate_code(certificate_key(SECRET), number, p)


def test_code_is_valid_only_for_its_record_and_key(db, chapter2) -> None:
    _complete(db, chapter2)
    key = certificate_key(SECRET)
    code = _code(db, chapter2)
    assert re.fullmatch(r"\d+-[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)
    titles = {chapter2.id: (chapter2.title.ja, chapter2.title.en)}
    found = verify_code(db, key, code, titles, "株式会社まもり商事", "管理者")
    assert found is not None and found.name == "山田 花子" and found.course_version == chapter2.full_version
    assert found.company == "株式会社まもり商事" and found.issuer == "管理者"
    assert "hanako" not in str(found.as_dict()).lower()  # the login is not on the answer
    # typed by hand: lower case, spaces, full-width digits and dashes
    typed = code.lower().replace("-", " - ").translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    assert normalise(typed) == code and verify_code(db, key, typed, titles) is not None
    # one letter changed, another record's number, another key, garbage: invalid
    last = "A" if code[-1] != "A" else "B"
    assert verify_code(db, key, code[:-1] + last, titles) is None
    number, rest = code.split("-", 1)
    assert verify_code(db, key, f"{int(number) + 1}-{rest}", titles) is None
    assert verify_code(db, certificate_key("another-secret-0123456789"), code, titles) is None
    assert verify_code(db, key, "", titles) is None and verify_code(db, key, "x" * 80, titles) is None
    # the completion is withdrawn (an officer reset the record): the old certificate no longer checks
    with db.session() as s:
        row = s.get(TrainingRecord, int(number))
        row.completed_at = row.completed_at + timedelta(seconds=1)
    assert verify_code(db, key, code, titles) is None


def test_no_code_before_completion(db, chapter2) -> None:
    records.see_page(db, HANAKO, chapter2, chapter2.content_pages[0].id, 2026)
    p = records.get_progress(db, HANAKO.login, chapter2.id, 2026)
    with pytest.raises(ValueError):
        certificate_code(certificate_key(SECRET), 1, p)
    with pytest.raises(ValueError):
        certificate_code(certificate_key(SECRET), 1, replace(p, completed_at=None))


def test_certificate_names_company_issuer_version_and_code(client, db, chapter2) -> None:
    from pypdf import PdfReader

    _complete(db, chapter2)
    pdf = client.get("/training/pi-ch2/certificate.pdf", headers={"x-test-user": "hanako"})
    assert pdf.status_code == 200
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    code = _code(db, chapter2)
    for shown in ("山田 花子", "株式会社まもり商事", "個人情報保護管理者 佐藤 一郎", chapter2.full_version, code,
                  f"https://mamori.example/training/verify?code={code}"):
        assert shown in text, shown


def test_verify_page_and_json_answer_valid_or_invalid_to_anyone(client, db, chapter2) -> None:
    _complete(db, chapter2)
    code = _code(db, chapter2)
    page = client.get("/training/verify", params={"code": code})  # no sign-in
    assert page.status_code == 200 and 'data-verify="valid"' in page.text
    assert "山田 花子" in page.text and chapter2.full_version in page.text and "株式会社まもり商事" in page.text
    assert "hanako@example.jp" not in page.text.lower()
    en = client.get("/training/verify", params={"code": code, "lang": "en"})
    assert "This certificate is valid" in en.text and chapter2.title.en in en.text
    bad = client.get("/training/verify", params={"code": code[:-1] + ("A" if code[-1] != "A" else "B")})
    assert 'data-verify="invalid"' in bad.text and "山田" not in bad.text
    empty = client.get("/training/verify")
    assert "data-verify" not in empty.text and 'name="code"' in empty.text
    ok = client.get("/training/verify.json", params={"code": code.lower()}).json()
    assert ok["valid"] is True and ok["name"] == "山田 花子" and ok["issuer"] == "個人情報保護管理者 佐藤 一郎"
    assert ok["course"]["version"] == chapter2.full_version and "hanako" not in str(ok).lower()
    assert client.get("/training/verify.json", params={"code": "1-AAAA-AAAA-AAAA-AAAA"}).json() == {
        "valid": False, "code": "1-AAAA-AAAA-AAAA-AAAA"}


def test_company_comes_from_the_organization_unless_training_names_one() -> None:
    doc = {"organization": {"name": "株式会社まもり商事"}, "training": {"issuer": "人事部長"}}
    cfg = parse_training_config(doc)
    assert cfg.organisation == "株式会社まもり商事" and cfg.router_kwargs()["issuer"] == "人事部長"
    doc["training"]["organisation"] = "まもりホールディングス"
    assert parse_training_config(doc).organisation == "まもりホールディングス"
    with pytest.raises(ValueError, match=r"training\.issuer"):
        parse_training_config({"training": {"issuer": 3}})
