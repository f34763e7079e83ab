"""The quiz does not give its answers away, draws anew for every attempt, grades the drawn questions only and
applies the pass mark of the course version.

The length check is statistical: if the length of the right choice told nothing, it would be the longest (or the
shortest) of a question's k choices with probability 1/k; over the bank, a count that high would happen by chance
less than 5% of the time is a bias a learner can use. Lengths are display widths (a kanji counts two).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from mamori.store import Database
from mamori.training.course import Choice, Question, Text
from mamori.training.pages import training_router
from mamori.training.quiz import draw_quiz, pass_mark_for, score_quiz


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def tail(n: int, k: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def length_bias(questions: tuple[Question, ...] | list[Question], lang: str) -> dict[str, float]:
    """How often the right choice is the longest / shortest, the chance of that many, and its mean length ratio."""
    longest = shortest = 0
    ratios = []
    p = sum(1 / len(q.choices) for q in questions) / len(questions)
    for q in questions:
        right = width(q.choice(q.answer).text.get(lang))
        others = [width(c.text.get(lang)) for c in q.choices if c.id != q.answer]
        longest += right > max(others)
        shortest += right < min(others)
        ratios.append(right / (sum(others) / len(others)))
    n = len(questions)
    return {"longest": longest, "p_longest": tail(n, longest, p), "shortest": shortest,
            "p_shortest": tail(n, shortest, p), "ratio": sum(ratios) / n}


def assert_no_length_tell(questions, lang: str) -> None:
    b = length_bias(questions, lang)
    assert b["p_longest"] >= 0.05, f"{lang}: the right choice is the longest in {b['longest']} questions"
    assert b["p_shortest"] >= 0.05, f"{lang}: the right choice is the shortest in {b['shortest']} questions"
    assert b["ratio"] <= 1.25, f"{lang}: right choices are {b['ratio']:.2f}x as long as the others on average"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_right_choice_is_not_systematically_the_longest(chapter2, lang) -> None:
    assert len(chapter2.questions) >= 2 * chapter2.draw_count  # a bank to draw from, not a fixed test
    assert_no_length_tell(chapter2.questions, lang)


def test_the_length_check_catches_a_bank_that_gives_answers_away(chapter2) -> None:
    """The previous bank's pattern: a long, careful right answer among short absurd ones."""
    biased = []
    for q in chapter2.questions:
        careful = Text("お客様に示した利用目的の範囲内で、正しく扱うこと", "Within the purposes of use told to them")
        right = Choice("right", careful)
        wrong = tuple(Choice(f"w{i}", Text(f"祝日{i}", f"Holidays {i}")) for i in range(3))
        biased.append(replace(q, choices=(right, *wrong), answer="right"))
    with pytest.raises(AssertionError, match="longest"):
        assert_no_length_tell(biased, "ja")


def test_every_question_has_four_distinct_choices_and_an_explanation(chapter2) -> None:
    for q in chapter2.questions:
        assert len(q.choices) == 4, q.id
        for lang in ("ja", "en"):
            texts = [c.text.get(lang) for c in q.choices]
            assert len(set(texts)) == 4, (q.id, lang)
            assert q.explanation.get(lang)


def test_two_attempts_draw_differently(chapter2) -> None:
    a, b = draw_quiz(chapter2, 11), draw_quiz(chapter2, 12)
    assert a == draw_quiz(chapter2, 11)  # seeded: an attempt can be re-created
    assert a.question_ids != b.question_ids or [i.choice_ids for i in a.items] != [i.choice_ids for i in b.items]
    assert set(a.question_ids) != set(b.question_ids)  # not just the order: another selection from the bank
    # over many attempts every question is drawn, and every choice is shown first somewhere
    seen = {qid for s in range(60) for qid in draw_quiz(chapter2, s).question_ids}
    assert seen == {q.id for q in chapter2.questions}
    first = {}
    for s in range(200):
        for item in draw_quiz(chapter2, s).items:
            first.setdefault(item.question_id, set()).add(item.choice_ids[0])
    assert all(len(v) == 4 for v in first.values())


def test_grading_uses_the_drawn_questions_only(chapter2) -> None:
    drawn = draw_quiz(chapter2, 5)
    others = [q for q in chapter2.questions if q.id not in drawn.question_ids]
    answers = {q.id: q.answer for q in others}  # right answers to questions not drawn count for nothing
    result = score_quiz(chapter2, drawn.question_ids, answers)
    assert result.correct == 0 and result.total == chapter2.draw_count
    assert {f.question_id for f in result.feedback} == set(drawn.question_ids)


def test_pass_mark_of_the_course_version(chapter2) -> None:
    assert pass_mark_for(chapter2) == chapter2.pass_mark == 80
    assert pass_mark_for(chapter2, 90) == 90
    assert pass_mark_for(chapter2, 90, {chapter2.id: 60}) == 60
    assert pass_mark_for(chapter2, 90, {chapter2.id: 60, f"{chapter2.id}@{chapter2.version}": 70}) == 70
    assert pass_mark_for(chapter2, None, {f"{chapter2.id}@2000.1": 10}) == 80  # another version's mark
    newer = replace(chapter2, version="2099.1", pass_mark=90)  # a new version brings its own mark
    assert pass_mark_for(newer, None, {f"{chapter2.id}@{chapter2.version}": 70}) == 90


# ---------------------------------------------------------------------------------------------------- over HTTP


@pytest.fixture
def make_client(database_url, chapter2):
    db = Database(database_url)
    db.migrate()
    clients = []

    def make(**kwargs) -> TestClient:
        app = FastAPI()

        def user(request: Request) -> dict[str, str]:
            return {"email": "hanako@example.jp", "display_name": "山田 花子"}

        app.include_router(training_router(lambda: db, user, prefix="/training",
                                           courses={chapter2.id: chapter2}, **kwargs))
        c = TestClient(app)
        clients.append(c)
        for n in range(1, len(chapter2.content_pages) + 1):
            assert c.get(f"/training/pi-ch2/pages/{n}").status_code == 200
        return c

    yield make
    for c in clients:
        c.close()
    db.dispose()


def _form(html: str) -> tuple[dict[str, str], list[str], list[list[str]]]:
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    qids = re.findall(r'data-question-id="([^"]+)"', html)
    orders = [re.findall(r'data-choice-id="([^"]+)"', part) for part in html.split("<fieldset")[1:]]
    return form, qids, orders


def _answers(course, qids: list[str], right: int) -> dict[str, str]:
    out = {}
    for i, qid in enumerate(qids):
        q = course.question(qid)
        out[f"q.{qid}"] = q.answer if i < right else next(c.id for c in q.choices if c.id != q.answer)
    return out


def test_each_attempt_gets_its_own_draw_and_a_form_cannot_choose_it(make_client, chapter2) -> None:
    client = make_client()
    first, second = client.get("/training/pi-ch2/quiz").text, client.get("/training/pi-ch2/quiz").text
    (form1, qids1, orders1), (form2, qids2, orders2) = _form(first), _form(second)
    assert form1["seed"] != form2["seed"] and (qids1 != qids2 or orders1 != orders2)
    # another seed with this form's signature: refused, nothing recorded
    forged = {**form1, "seed": form2["seed"], **_answers(chapter2, qids2, 10)}
    r = client.post("/training/pi-ch2/quiz", data=forged)
    assert r.status_code == 400 and "確認テスト" in r.text
    # answers to questions that were not drawn are ignored
    not_drawn = [q for q in chapter2.questions if q.id not in qids1]
    data = {**form1, **_answers(chapter2, qids1, 0), **{f"q.{q.id}": q.answer for q in not_drawn}}
    r = client.post("/training/pi-ch2/quiz", data=data)
    assert r.status_code == 200 and 'data-score="0"' in r.text


@pytest.mark.parametrize(("marks", "passes"), [({}, False), ({"pi-ch2@2026.2": 70}, True),
                                                ({"pi-ch2@2026.1": 70}, False), ({"pi-ch2": 70}, True)])
def test_the_pass_mark_of_the_version_applies(make_client, chapter2, marks, passes) -> None:
    assert chapter2.version == "2026.2"
    client = make_client(pass_marks=marks)
    quiz = client.get("/training/pi-ch2/quiz").text
    form, qids, _ = _form(quiz)
    mark = 70 if passes else 80
    assert f"{mark}%" in quiz
    r = client.post("/training/pi-ch2/quiz", data={**form, **_answers(chapter2, qids, 7)})
    assert 'data-score="70"' in r.text
    assert ('data-result="passed"' in r.text) is passes
