"""The web app checks certificate codes with its own secret key, for anyone (no sign-in), in Japanese first."""

from __future__ import annotations

from mamori.training import records
from mamori.training.course import builtin_courses_dir, load_course
from mamori.training.progress import Learner
from mamori.training.quiz import draw_quiz
from mamori.training.verify import certificate_code, certificate_key


def test_web_app_verifies_codes_signed_with_its_secret_key(client, web_db, web_settings) -> None:
    course = load_course(builtin_courses_dir() / "pi-ch2")
    learner = Learner("alice@corp.example", "Alice Example")
    for page in course.content_pages:
        records.see_page(web_db, learner, course, page.id, 2026)
    drawn = draw_quiz(course, 7)
    records.submit_quiz(web_db, learner, course, drawn.question_ids,
                        {q: course.question(q).answer for q in drawn.question_ids}, 2026)
    number = records.record_id(web_db, learner.login, course.id, 2026)
    p = records.get_progress(web_db, learner.login, course.id, 2026)
    code = certificate_code(certificate_key(web_settings.secret_key), number, p)
    page = client.get("/training/verify", params={"code": code})
    assert page.status_code == 200 and 'data-verify="valid"' in page.text and "有効な修了証です" in page.text
    assert "Alice Example" in page.text and "alice@corp.example" not in page.text
    forged = certificate_code(certificate_key("not-the-app-secret-key-000"), number, p)
    assert 'data-verify="invalid"' in client.get("/training/verify", params={"code": forged}).text
    assert client.get("/training/verify.json", params={"code": forged}).json()["valid"] is False
