"""Progress: fiscal years, pages seen, attempts, and when a course counts as completed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mamori.training.progress import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    Learner,
    fiscal_year,
    may_take_quiz,
    new_progress,
    pages_left,
    record_attempt,
    remind,
    see_page,
)
from mamori.training.quiz import draw_quiz, score_quiz

T0 = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
T1 = datetime(2026, 5, 2, 1, 0, tzinfo=UTC)


def test_fiscal_year() -> None:
    assert fiscal_year(date(2027, 3, 31)) == 2026 and fiscal_year(date(2027, 4, 1)) == 2027
    assert fiscal_year(date(2027, 3, 31), start_month=1) == 2027
    with pytest.raises(ValueError):
        fiscal_year(date(2027, 1, 1), start_month=13)


def test_learner_login_is_normalised() -> None:
    assert Learner(" Hanako@Example.JP ", "山田 花子").login == "hanako@example.jp"
    assert Learner("a@b.jp").name == "a@b.jp"
    with pytest.raises(ValueError):
        Learner("  ")


def _answers(course, seed, right):
    drawn = draw_quiz(course, seed)
    ans = {q: course.question(q).answer for q in drawn.question_ids[:right]}
    return score_quiz(course, drawn.question_ids, ans)


def test_completion_needs_every_page_and_a_pass(chapter2) -> None:
    p = new_progress(Learner("a@example.jp", "A"), chapter2.id, 2026)
    assert p.status == NOT_STARTED and not may_take_quiz(p, chapter2)
    p = see_page(p, chapter2, "why", T0)
    assert p.status == IN_PROGRESS and p.started_at == T0 and p.course_version == chapter2.full_version
    p = see_page(p, chapter2, "why", T1)
    assert p.pages_seen == ("why",) and p.started_at == T0
    p = record_attempt(p, chapter2, _answers(chapter2, 1, 10), T1)  # passed, but pages missing
    assert p.passed and p.completed_at is None and p.attempts == 1
    for page in pages_left(p, chapter2):
        p = see_page(p, chapter2, page, T1)
    assert p.status == COMPLETED and p.completed_at == T1 and p.completed_version == chapter2.full_version
    with pytest.raises(ValueError):
        see_page(p, chapter2, "nope", T1)


def test_fail_then_pass_keeps_best_and_first_completion(chapter2) -> None:
    p = new_progress(Learner("b@example.jp"), chapter2.id, 2026)
    for page in chapter2.content_pages:
        p = see_page(p, chapter2, page.id, T0)
    assert may_take_quiz(p, chapter2)
    p = record_attempt(p, chapter2, _answers(chapter2, 1, 5), T0)
    assert (p.attempts, p.last_score, p.best_score, p.passed, p.completed_at) == (1, 50, 50, False, None)
    p = record_attempt(p, chapter2, _answers(chapter2, 2, 9), T1)
    assert (p.attempts, p.best_score, p.status, p.completed_at) == (2, 90, COMPLETED, T1)
    p = record_attempt(p, chapter2, _answers(chapter2, 3, 0), datetime(2026, 6, 1, tzinfo=UTC))
    assert (p.last_score, p.best_score, p.completed_at, p.passed) == (0, 90, T1, True)


def test_remind_counts() -> None:
    p = remind(remind(new_progress(Learner("c@example.jp"), "x", 2026), T0), T1)
    assert (p.reminders, p.reminded_at) == (2, T1)
