"""`mamori redact PATH... -o FOLDER`: many files under one start-up, names kept, failures listed at the end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.redaction.tree import PlanError, plan
from tests.redaction.conftest import EMAIL, NAME, PHONE
from tests.redaction.test_xlsx import _build as build_xlsx

TEXT = f"担当: {NAME}\n電話: {PHONE}\nメール: {EMAIL}\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _tree(root: Path) -> Path:
    docs = root / "docs"
    (docs / "2024" / "営業").mkdir(parents=True)
    (docs / "memo.txt").write_text(TEXT, encoding="utf-8")
    (docs / "2024" / "list.csv").write_text(f"氏名,電話\n{NAME},{PHONE}\n", encoding="cp932")
    (docs / "2024" / "営業" / "customers.xlsx").write_bytes(build_xlsx())
    (docs / "2024" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "2024" / "broken.docx").write_bytes(b"this is not a zip")
    return docs


def test_a_folder_keeps_its_paths_and_lists_failures_at_the_end(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    out = tmp_path / "masked"
    result = _run("redact", str(docs), "-o", str(out))
    assert result.exit_code == 2, result.output  # one file failed
    assert (out / "memo.txt").is_file() and (out / "2024" / "list.csv").is_file()
    assert (out / "2024" / "営業" / "customers.xlsx").is_file()
    assert not (out / "2024" / "photo.png").exists() and not (out / "2024" / "broken.docx").exists()
    for copy in (out / "memo.txt", out / "2024" / "list.csv"):
        text = copy.read_bytes().decode("utf-8" if copy.suffix == ".txt" else "cp932")
        assert NAME not in text and PHONE not in text
    for value in (NAME, PHONE, EMAIL):
        assert value not in result.output
    lines = result.output.splitlines()
    assert "2024/photo.png: not copied" in result.output
    failed = [ln for ln in lines if "FAILED" in ln]
    assert len(failed) == 1 and "2024/broken.docx" in failed[0] and "not a zip" in failed[0]
    assert lines.index(failed[0]) > max(i for i, ln in enumerate(lines) if "\t" in ln)  # after every file's line
    assert "wrote 3 of 4 file(s)" in lines[-1] and "1 failed" in lines[-1] and "1 not copied" in lines[-1]
    assert (docs / "memo.txt").read_text(encoding="utf-8") == TEXT  # the originals are untouched


def test_several_files_and_a_folder_into_one_output_folder(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    (docs / "2024" / "broken.docx").unlink()
    single = tmp_path / "single.txt"
    single.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = _run("redact", str(single), str(docs / "2024"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "list.csv",
        "single.txt",
        "営業/customers.xlsx",
    ]
    assert "PERSON" in result.output.splitlines()[-1]


def test_a_plan_that_would_overwrite_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "memo.txt").write_text(TEXT, encoding="utf-8")
    (b / "memo.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = _run("redact", str(a), str(b), "-o", str(out))
    assert result.exit_code == 2 and "would both be written" in result.output and not out.exists()
    result = _run("redact", str(a), str(b / "memo.txt"), "-o", str(a))  # into an input folder: over its files
    assert result.exit_code == 2 and "overwrite an input" in result.output
    assert (a / "memo.txt").read_text(encoding="utf-8") == TEXT
    with pytest.raises(PlanError):
        plan([a / "memo.txt", b / "memo.txt"], out)


def test_an_output_folder_inside_the_input_is_not_read_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "memo.txt").write_text(TEXT, encoding="utf-8")
    out = docs / "masked"
    assert _run("redact", str(docs), "-o", str(out)).exit_code == 0
    result = _run("redact", str(docs), "-o", str(out))  # the second run does not take the first run's copies
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        "masked/memo.txt",
        "memo.txt",
    ]


def test_symbolic_links_inside_folders_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(TEXT, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "memo.txt").write_text(TEXT, encoding="utf-8")
    (docs / "link.txt").symlink_to(outside / "secret.txt")
    (docs / "linked-dir").symlink_to(outside)
    out = tmp_path / "out"
    result = _run("redact", str(docs), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.rglob("*")] == ["memo.txt"]
    assert "link.txt: not copied (a symbolic link" in result.output and "linked-dir: not copied" in result.output


def test_missing_input_or_a_file_as_the_output_folder_exit_2(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(TEXT, encoding="utf-8")
    result = _run("redact", str(memo), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no such file or folder" in result.output
    result = _run("redact", str(memo), str(memo), "-o", str(memo))
    assert result.exit_code == 2 and "not a folder" in result.output


def test_one_process_for_the_whole_folder(tmp_path: Path) -> None:
    """The real command, as a user runs it: one start-up for the lot, standard error quiet but for the notes."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(30):
        (docs / f"memo-{i:02}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [str(Path(sys.executable).with_name("mamori")), "redact", str(docs), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert len(list(out.iterdir())) == 30 and "wrote 30 of 30 file(s)" in run.stdout


def test_workers_write_the_same_copies_as_one_process(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    for i in range(10):
        (docs / f"extra-{i}.txt").write_text(f"{i}: {TEXT}", encoding="utf-8")
    mamori = str(Path(sys.executable).with_name("mamori"))
    runs = {}
    for n in ("1", "3"):
        out = tmp_path / f"out-{n}"
        run = subprocess.run(
            [mamori, "redact", str(docs), "-o", str(out), "--workers", n],
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        assert run.returncode == 2 and "FAILED 2024/broken.docx" in run.stderr  # the bad file, on any worker
        lines = run.stdout.replace(str(out), "OUT")
        runs[n] = (lines, {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert runs["1"][0] == runs["3"][0]  # the same lines in the same order
    texts = {k: v for k, v in runs["1"][1].items() if not k.endswith(".xlsx")}  # xlsx carry a save time
    assert texts == {k: v for k, v in runs["3"][1].items() if not k.endswith(".xlsx")}
    assert runs["1"][1].keys() == runs["3"][1].keys() and len(runs["1"][1]) == 13
