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


def test_verify_page_fits_a_phone_and_a_desktop(web_settings, web_db) -> None:
    from mamori.web.app import create_app
    from tests.web.live import chromium, serve, shot

    with chromium() as browser, serve(create_app(web_settings, web_db, guard=None)) as site:
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.goto(f"{site}/training/verify?code=12-ABCD-EFGH-JKLM-NPQR")
            assert page.locator('[data-verify="invalid"]').count() == 1
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{overflow}px too wide at {width}px"
            if width == 390:
                shot(page, "training-verify-390.png")
            page.close()
