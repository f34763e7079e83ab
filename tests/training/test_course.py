"""Course files parse into dataclasses, and every kind of fault is reported with its file and line."""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.cli import main
from mamori.training.course import CourseError, builtin_courses_dir, parse_course, parse_page, validate_path
from tests.training.conftest import SMALL_COURSE, write_course


def problems_of(files: dict[str, str]) -> list[str]:
    with pytest.raises(CourseError) as e:
        parse_course(files)
    return [str(p) for p in e.value.problems]


def test_chapter2_has_the_seed_facts(chapter2) -> None:
    assert chapter2.id == "pi-ch2" and chapter2.pass_mark == 80
    assert len(chapter2.questions) >= 10 and chapter2.draw_count == 10
    assert [p.id for p in chapter2.pages][-1] == "closing" and chapter2.closing_page is not None
    causes = chapter2.page("causes")
    bars = {b.label.ja: b.value for c in causes.charts for b in c.bars}
    assert bars["誤送付"] == 63.6 and bars["メール誤送信"] == 37.0 and bars["宛名間違い等"] == 11.6
    assert bars["封入ミス"] == 10.9
    case = chapter2.page("case").body.ja + chapter2.page("case-lessons").body.ja
    assert "同じ姓" in case and "姓だけ" in case
    assert "ウィンドウは閉じて" in chapter2.closing_page.body.ja
    assert "close this window" in chapter2.closing_page.body.en
    assert re.fullmatch(r"2026\.2\+[0-9a-f]{8}", chapter2.full_version)
    assert chapter2.question("same-surname") is not None  # the scenario question


def test_small_course_parses(small_files) -> None:
    c = parse_course(small_files)
    assert [p.id for p in c.content_pages] == ["p1"] and c.pass_mark == 50 and c.draw_count == 2
    assert c.page("p1").body.en == "Body"


def test_digest_changes_with_content(small_files) -> None:
    a = parse_course(small_files)
    small_files["p1.md"] = small_files["p1.md"].replace("Body", "Body!")
    assert parse_course(small_files).full_version != a.full_version


def test_bad_yaml_names_file_and_line(small_files) -> None:
    small_files["quiz.yaml"] = small_files["quiz.yaml"].replace("answer: b", "answer: [b")
    (msg,) = problems_of(small_files)
    assert msg.startswith("quiz.yaml:") and "bad YAML" in msg
    line = int(msg.split(":")[1])
    assert 18 <= line <= 22, msg


def test_answer_not_among_choices(small_files) -> None:
    small_files["quiz.yaml"] = small_files["quiz.yaml"].replace("answer: b", "answer: c")
    assert problems_of(small_files) == ["quiz.yaml:18: answer 'c' of question 'q2' is not among its choices"]


def test_duplicate_ids(small_files) -> None:
    small_files["quiz.yaml"] = small_files["quiz.yaml"].replace("id: q2", "id: q1")
    assert problems_of(small_files) == ["quiz.yaml:11: duplicate question id 'q1'"]
    small_files["quiz.yaml"] = small_files["quiz.yaml"].replace("id: q1", "id: q2", 1).replace(
        "      - id: b\n        text: {ja: い, en: B}\n    answer: a",
        "      - id: a\n        text: {ja: い, en: B}\n    answer: a",
    )
    assert problems_of(small_files) == ["quiz.yaml:7: duplicate choice id 'a' in question 'q2'"]


def test_duplicate_page_id(small_files) -> None:
    small_files["p2.md"] = small_files["p1.md"]
    small_files["course.md"] = small_files["course.md"].replace("[p1.md, end.md]", "[p1.md, p2.md, end.md]")
    assert problems_of(small_files) == ["p2.md:2: duplicate page id 'p1' (also in p1.md)"]


def test_missing_fields_and_languages(small_files) -> None:
    small_files["course.md"] = small_files["course.md"].replace('version: "1"\n', "")
    small_files["p1.md"] = small_files["p1.md"].replace("<!-- lang: en -->\nBody\n", "").replace(
        "title: {ja: 一, en: One}", "title: {ja: 一}"
    )
    got = problems_of(small_files)
    assert "course.md:2: missing field 'version'" in got
    assert "p1.md:3: title has no en text" in got
    assert any(g.startswith("p1.md:") and "no en section" in g for g in got)


def test_duplicate_key_unknown_field_and_chart_reference(small_files) -> None:
    small_files["p1.md"] = small_files["p1.md"].replace("id: p1\n", "id: p1\nid: p9\ncolour: red\n").replace(
        "本文", "本文\n{{chart:nope}}"
    )
    got = problems_of(small_files)
    assert "p1.md:3: duplicate key 'id'" in got
    assert "p1.md:4: unknown field 'colour'" in got
    assert "p1.md:9: the body shows chart 'nope', which the front matter lacks" in got


def test_page_paths_and_closing_order(small_files) -> None:
    small_files["course.md"] = small_files["course.md"].replace("[p1.md, end.md]", "[end.md, ../x.md, gone.md]")
    got = problems_of(small_files)
    assert "course.md:7: page path must be relative inside the course folder (got '../x.md')" in got
    assert "course.md:7: page file 'gone.md' does not exist" in got
    assert len(got) == 2


def test_questions_per_attempt_bounded(small_files) -> None:
    small_files["course.md"] = small_files["course.md"].replace(
        "pass_mark: 50", "pass_mark: 50\nquestions_per_attempt: 3"
    )
    assert problems_of(small_files) == ["course.md:6: questions_per_attempt is 3 but the quiz has 2"]


def test_validate_command(tmp_path, small_files) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["training", "validate", str(builtin_courses_dir() / "pi-ch2")])
    assert ok.exit_code == 0, ok.output
    small_files["quiz.yaml"] = small_files["quiz.yaml"].replace("answer: b", "answer: c")
    folder = write_course(tmp_path / "c", small_files)
    bad = runner.invoke(main, ["training", "validate", str(folder)])
    assert bad.exit_code == 1
    assert f"{folder / 'quiz.yaml'}:18: answer 'c'" in bad.output
    one = runner.invoke(main, ["training", "validate", str(folder / "quiz.yaml")])  # a single file
    assert one.exit_code == 1 and ":18: answer 'c'" in one.output
    assert validate_path(folder / "p1.md") == []


# ---- property tests


ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(str.strip)


@st.composite
def quizzes(draw):
    qids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    questions = []
    for qid in qids:
        cids = draw(st.lists(ids, min_size=2, max_size=5, unique=True))
        questions.append(
            {
                "id": qid,
                "text": {"ja": draw(texts), "en": draw(texts)},
                "choices": [{"id": c, "text": {"ja": draw(texts), "en": draw(texts)}} for c in cids],
                "answer": draw(st.sampled_from(cids)),
                "explanation": {"ja": draw(texts), "en": draw(texts)},
            }
        )
    return {"questions": questions}


@settings(max_examples=60, deadline=None)
@given(quiz=quizzes())
def test_any_valid_quiz_round_trips(quiz) -> None:
    files = dict(SMALL_COURSE)
    files["quiz.yaml"] = yaml.safe_dump(quiz, allow_unicode=True)
    course = parse_course(files)
    assert [q.id for q in course.questions] == [q["id"] for q in quiz["questions"]]
    for q, raw in zip(course.questions, quiz["questions"], strict=True):
        assert q.answer == raw["answer"] and q.text.ja == raw["text"]["ja"].strip()
        assert [c.id for c in q.choices] == [c["id"] for c in raw["choices"]]


@settings(max_examples=60, deadline=None)
@given(quiz=quizzes(), data=st.data())
def test_a_wrong_answer_is_reported_on_its_line(quiz, data) -> None:
    i = data.draw(st.integers(0, len(quiz["questions"]) - 1))
    quiz["questions"][i]["answer"] = "zz-not-a-choice"
    text = yaml.safe_dump(quiz, allow_unicode=True, width=10_000)
    files = dict(SMALL_COURSE)
    files["quiz.yaml"] = text
    (msg,) = problems_of(files)
    line = int(msg.split(":")[1])
    assert "answer: zz-not-a-choice" in text.splitlines()[line - 1]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_the_page_parser(text) -> None:
    problems: list = []
    page = parse_page("x.md", text, problems)
    assert (page is None) == bool(problems) or page is not None
    for p in problems:
        assert p.path == "x.md" and (p.line is None or p.line >= 1)


def test_chart_max_is_checked() -> None:
    small_files = dict(SMALL_COURSE)

    page = """---
id: p1
title: {ja: 一, en: One}
charts:
  - id: c
    title: {ja: 図, en: Chart}
    unit: "%"
    max: 50
    bars:
      - {label: {ja: あ, en: a}, value: 63.6}
---
<!-- lang: ja -->
{{chart:c}}
<!-- lang: en -->
{{chart:c}}
"""
    with pytest.raises(CourseError, match="chart max 50 is below its largest bar"):
        parse_course({**small_files, "p1.md": page})
    ok = parse_course({**small_files, "p1.md": page.replace("max: 50", "max: 80")})
    assert ok.page("p1").charts[0].max == 80.0
