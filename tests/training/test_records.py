"""Training records on SQLite and PostgreSQL: pages seen, attempts, make-up list, reminders."""

from __future__ import annotations

import pytest

from mamori.store import Database
from mamori.training import records
from mamori.training.progress import COMPLETED, IN_PROGRESS, NOT_STARTED, Learner
from mamori.training.quiz import QuizError, draw_quiz


@pytest.fixture
def db(database_url):
    d = Database(database_url)
    d.migrate()
    yield d
    d.dispose()


def _answers(course, seed, right):
    drawn = draw_quiz(course, seed)
    return drawn.question_ids, {q: course.question(q).answer for q in drawn.question_ids[:right]}


def test_learner_path_is_recorded(db, chapter2) -> None:
    hanako = Learner("Hanako@example.jp", "山田 花子")
    assert records.get_progress(db, hanako.login, chapter2.id, 2026) is None
    for page in chapter2.content_pages:
        p = records.see_page(db, hanako, chapter2, page.id, 2026)
    assert p.status == IN_PROGRESS and len(p.pages_seen) == len(chapter2.content_pages)
    ids, ans = _answers(chapter2, 1, 6)
    p, result, n = records.submit_quiz(db, hanako, chapter2, ids, ans, 2026)
    assert (n, result.score, result.passed, p.status) == (1, 60, False, IN_PROGRESS)
    ids, ans = _answers(chapter2, 2, 10)
    p, result, n = records.submit_quiz(db, hanako, chapter2, ids, ans, 2026)
    assert (n, result.score, p.status, p.best_score) == (2, 100, COMPLETED, 100)
    back = records.get_progress(db, "HANAKO@example.jp", chapter2.id, 2026)
    assert back == p and back.display_name == "山田 花子" and back.completed_at.tzinfo is not None
    tries = records.attempts(db, hanako.login, chapter2.id, 2026)
    assert [(a.number, a.score, a.passed) for a in tries] == [(1, 60, False), (2, 100, True)]
    assert tries[0].questions == tuple(_answers(chapter2, 1, 0)[0]) and len(tries[0].answers) == 10
    assert records.get_progress(db, hanako.login, chapter2.id, 2027) is None  # another year is another record


def test_a_refused_attempt_writes_nothing(db, chapter2) -> None:
    with pytest.raises(QuizError):
        records.submit_quiz(db, Learner("x@example.jp"), chapter2, ["why"], {}, 2026)
    assert records.get_progress(db, "x@example.jp", chapter2.id, 2026) is None


def test_make_up_list_and_reminders(db, chapter2) -> None:
    people = [Learner("a@example.jp", "青木"), Learner("b@example.jp", "別府"), Learner("c@example.jp", "千葉")]
    assert records.assign(db, people, chapter2.id, 2026) == 3
    assert records.assign(db, people[:1], chapter2.id, 2026) == 0  # idempotent
    records.see_page(db, people[1], chapter2, "why", 2026)
    for page in chapter2.content_pages:
        records.see_page(db, people[2], chapter2, page.id, 2026)
    records.submit_quiz(db, people[2], chapter2, *_answers(chapter2, 5, 10), 2026)
    status = {p.user: p.status for p in records.year_records(db, chapter2.id, 2026)}
    assert status == {"a@example.jp": NOT_STARTED, "b@example.jp": IN_PROGRESS, "c@example.jp": COMPLETED}
    pending = records.not_completed(db, chapter2.id, 2026)
    assert [p.user for p in pending] == ["a@example.jp", "b@example.jp"]
    done = records.mark_reminded(db, ["a@example.jp", "c@example.jp", "nobody@example.jp"], chapter2.id, 2026)
    assert [p.user for p in done] == ["a@example.jp"]  # completed and unknown users are not reminded
    again = records.mark_reminded(db, ["a@example.jp"], chapter2.id, 2026)
    assert again[0].reminders == 2 and again[0].reminded_at is not None
    assert records.years(db, chapter2.id) == [2026]
