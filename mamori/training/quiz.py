"""The quiz: draw a seeded random set of questions with shuffled choices, and score the answers given.

Pure functions. The same seed always draws the same quiz, so an attempt can be shown again and checked later from
its seed and question order alone; scoring looks only at question and choice ids, never at the order shown, and
only at the questions drawn. A form carries its seed with a signature (:func:`seed_signature`) so that a learner
cannot choose the draw. The pass mark belongs to a course version (:func:`pass_mark_for`).
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mamori.training.course import Course


class QuizError(ValueError):
    """The submitted attempt does not fit the course (unknown or repeated questions, wrong number of them)."""


@dataclass(frozen=True)
class DrawnQuestion:
    question_id: str
    choice_ids: tuple[str, ...]  # in the order shown


@dataclass(frozen=True)
class DrawnQuiz:
    seed: int
    items: tuple[DrawnQuestion, ...]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items)


@dataclass(frozen=True)
class Feedback:
    question_id: str
    chosen: str | None  # None = not answered
    answer: str
    correct: bool


@dataclass(frozen=True)
class QuizResult:
    correct: int
    total: int
    score: int  # percent, rounded down
    passed: bool
    pass_mark: int
    feedback: tuple[Feedback, ...]

    @property
    def wrong(self) -> tuple[Feedback, ...]:
        return tuple(f for f in self.feedback if not f.correct)

    @property
    def answers(self) -> dict[str, str | None]:
        return {f.question_id: f.chosen for f in self.feedback}


def draw_quiz(course: Course, seed: int) -> DrawnQuiz:
    """``course.draw_count`` questions in random order, each with its choices shuffled; reproducible from ``seed``."""
    rng = random.Random(f"{course.id}:{seed}")
    questions = rng.sample(list(course.questions), course.draw_count)
    items = []
    for q in questions:
        ids = [c.id for c in q.choices]
        rng.shuffle(ids)
        items.append(DrawnQuestion(q.id, tuple(ids)))
    return DrawnQuiz(seed, tuple(items))


def pass_mark_for(course: Course, override: int | None = None, per_course: Mapping[str, int] | None = None) -> int:
    """The pass mark of this course version: ``per_course["<id>@<version>"]``, else ``per_course["<id>"]``, else
    ``override`` (one mark for every course), else the course's own ``pass_mark`` (course.md, versioned with it)."""
    marks = per_course or {}
    for key in (f"{course.id}@{course.version}", course.id):
        if key in marks:
            return marks[key]
    return course.pass_mark if override is None else override


def seed_signature(key: bytes, learner: str, course: Course, seed: int) -> str:
    """The signature a quiz form carries with its seed: bound to the learner and the course version."""
    message = f"{learner}\0{course.id}\0{course.full_version}\0{seed}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def seed_is_signed(key: bytes, learner: str, course: Course, seed: int, signature: str) -> bool:
    return hmac.compare_digest(seed_signature(key, learner, course, seed), signature)


def percent(correct: int, total: int) -> int:
    """Whole percent, rounded down so that a pass mark is never reached by rounding."""
    return correct * 100 // total if total else 0


def score_quiz(
    course: Course, question_ids: Sequence[str], answers: Mapping[str, str], pass_mark: int | None = None
) -> QuizResult:
    """Score the answers (question id -> choice id) to the questions shown; an unanswered question counts wrong."""
    if len(set(question_ids)) != len(question_ids):
        raise QuizError("a question appears twice in the attempt")
    if len(question_ids) != course.draw_count:
        raise QuizError(f"the attempt has {len(question_ids)} questions; the course draws {course.draw_count}")
    mark = course.pass_mark if pass_mark is None else pass_mark
    feedback = []
    for qid in question_ids:
        q = course.question(qid)
        if q is None:
            raise QuizError(f"unknown question {qid!r}")
        chosen = answers.get(qid) or None
        if chosen is not None and q.choice(chosen) is None:
            raise QuizError(f"unknown choice {chosen!r} for question {qid!r}")
        feedback.append(Feedback(qid, chosen, q.answer, chosen == q.answer))
    correct = sum(f.correct for f in feedback)
    score = percent(correct, len(feedback))
    return QuizResult(correct, len(feedback), score, score >= mark, mark, tuple(feedback))
