"""Quiz drawing (seeded, random order and choices) and scoring (pass mark, feedback, refused attempts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.training.quiz import QuizError, draw_quiz, percent, score_quiz


def test_draw_is_reproducible_and_random(chapter2) -> None:
    a, b = draw_quiz(chapter2, 1), draw_quiz(chapter2, 1)
    assert a == b and len(a.items) == 10 and len(set(a.question_ids)) == 10
    orders = {draw_quiz(chapter2, s).question_ids for s in range(30)}
    assert len(orders) == 30  # question sets and orders differ between attempts
    firsts = {draw_quiz(chapter2, s).items[0].choice_ids for s in range(30)}
    assert len(firsts) > 5  # choices are shuffled too
    for item in a.items:
        q = chapter2.question(item.question_id)
        assert sorted(item.choice_ids) == sorted(c.id for c in q.choices)


def test_all_right_all_wrong_and_pass_mark(chapter2) -> None:
    drawn = draw_quiz(chapter2, 7)
    right = {qid: chapter2.question(qid).answer for qid in drawn.question_ids}
    r = score_quiz(chapter2, drawn.question_ids, right)
    assert (r.correct, r.total, r.score, r.passed, r.wrong) == (10, 10, 100, True, ())
    eight = dict(list(right.items())[:8])  # two unanswered
    r = score_quiz(chapter2, drawn.question_ids, eight)
    assert (r.score, r.passed) == (80, True)
    assert [f.chosen for f in r.wrong] == [None, None]
    seven = dict(list(right.items())[:7])
    assert score_quiz(chapter2, drawn.question_ids, seven).passed is False
    assert score_quiz(chapter2, drawn.question_ids, seven, pass_mark=70).passed is True
    wrong_choice = {
        qid: next(c.id for c in chapter2.question(qid).choices if c.id != chapter2.question(qid).answer)
        for qid in drawn.question_ids
    }
    r = score_quiz(chapter2, drawn.question_ids, wrong_choice)
    assert r.score == 0 and not r.passed and len(r.wrong) == 10
    assert all(f.answer == chapter2.question(f.question_id).answer for f in r.wrong)


def test_refused_attempts(chapter2) -> None:
    ids = draw_quiz(chapter2, 3).question_ids
    with pytest.raises(QuizError):
        score_quiz(chapter2, ids[:1], {})  # fewer questions than the course draws
    with pytest.raises(QuizError):
        score_quiz(chapter2, (*ids[:9], ids[0]), {})  # a question twice
    with pytest.raises(QuizError):
        score_quiz(chapter2, (*ids[:9], "nope"), {})
    with pytest.raises(QuizError):
        score_quiz(chapter2, ids, {ids[0]: "no-such-choice"})


@settings(max_examples=200, deadline=None)
@given(correct=st.integers(0, 50), extra=st.integers(0, 50), mark=st.integers(1, 100))
def test_percent_is_floor_and_never_rounds_up_to_a_pass(correct, extra, mark) -> None:
    total = correct + extra
    if total == 0:
        assert percent(0, 0) == 0
        return
    p = percent(correct, total)
    assert p * total <= correct * 100 < (p + 1) * total
    assert (p >= mark) == (correct * 100 >= mark * total)
