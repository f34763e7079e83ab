"""Fixtures of the training tests: the shipped chapter-2 course and a small course written into a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.training.course import Course, builtin_courses_dir, load_course

SMALL_COURSE = {
    "course.md": """---
id: small
version: "1"
title: {ja: 小さな研修, en: Small course}
pass_mark: 50
quiz: quiz.yaml
pages: [p1.md, end.md]
---
<!-- lang: ja -->
説明
<!-- lang: en -->
About
""",
    "p1.md": """---
id: p1
title: {ja: 一, en: One}
---
<!-- lang: ja -->
本文
<!-- lang: en -->
Body
""",
    "end.md": """---
id: end
kind: closing
title: {ja: 終わり, en: End}
---
<!-- lang: ja -->
閉じてください
<!-- lang: en -->
Close
""",
    "quiz.yaml": """questions:
  - id: q1
    text: {ja: 問1, en: Q1}
    choices:
      - id: a
        text: {ja: あ, en: A}
      - id: b
        text: {ja: い, en: B}
    answer: a
    explanation: {ja: 説明1, en: Why1}
  - id: q2
    text: {ja: 問2, en: Q2}
    choices:
      - id: a
        text: {ja: あ, en: A}
      - id: b
        text: {ja: い, en: B}
    answer: b
    explanation: {ja: 説明2, en: Why2}
""",
}


def write_course(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def chapter2() -> Course:
    return load_course(builtin_courses_dir() / "pi-ch2")


@pytest.fixture
def small_files() -> dict[str, str]:
    return dict(SMALL_COURSE)
