"""`held_pictures` (the report's pictures for another page, the web app's Letters page) and `html_report` given
them: the same report as when it renders the pages itself, each page rendered once."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.letters import report
from mamori.letters.check import check_run
from mamori.letters.model import window_box
from mamori.letters.pdftext import read_pages
from mamori.letters.postal import japan_post
from mamori.letters.recipients import parse_recipients
from tests.letters.conftest import expected, generator


@pytest.fixture(scope="module")
def small_mistakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pictures")
    generator().generate(out, letters=12, seed=21)  # the generator's plan: a mistake of each code first
    return out


def test_pictures_are_the_reports_and_rendered_once(small_mistakes: Path, monkeypatch) -> None:
    run = small_mistakes / "RUN.pdf"
    window = window_box(str(expected(small_mistakes)["window"]))
    entries = parse_recipients((small_mistakes / "recipients.csv").read_text(encoding="utf-8"))
    result = check_run(read_pages(run), entries, japan_post, window)
    held = [letter for letter in result.letters if letter.action == "hold"]
    assert len(held) >= 5
    pictures = report.held_pictures(run, result, window)
    assert list(pictures) == [letter.index for letter in held]
    for letter in held:
        assert [n for n, _ in pictures[letter.index]] == list(dict.fromkeys(p.page for p in letter.problems))
        assert all(src.startswith("data:image/png;base64,") for _, src in pictures[letter.index])
    assert list(report.held_pictures(run, result, window, limit=2)) == [held[0].index, held[1].index]
    alone = report.html_report(run, "run.pdf", result, window)
    calls = []
    real = report._png
    monkeypatch.setattr(report, "_png", lambda *a: calls.append(a) or real(*a))
    assert report.html_report(run, "run.pdf", result, window, pictures) == alone
    assert calls == []  # nothing rendered again
    partial = {k: v for k, v in list(pictures.items())[:2]}
    assert report.html_report(run, "run.pdf", result, window, partial) == alone  # the rest rendered as before
    assert len(calls) == sum(len(v) for v in pictures.values()) - sum(len(v) for v in partial.values())
