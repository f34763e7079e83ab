"""The walk: recursion, .gitignore-style exclusions, unreadable paths."""

from __future__ import annotations

import os
from pathlib import Path

from mamori.discovery.walker import WalkError, WalkFile, compile_spec, load_patterns, walk


def _names(root: Path, patterns: list[str]) -> list[str]:
    items = list(walk([str(root)], compile_spec(patterns)))
    return sorted(os.path.relpath(i.path, root) for i in items if isinstance(i, WalkFile))


def test_walks_recursively(tree: Path) -> None:
    assert _names(tree, []) == sorted(
        ["archive.zip", "broken.zip", "clean.txt", "logs/app.log", "memo.txt", "顧客/名簿.csv"]
    )


def test_gitignore_style_exclusions(tree: Path) -> None:
    assert "logs/app.log" not in _names(tree, ["logs/"])
    assert _names(tree, ["*.zip", "*.txt", "!memo.txt", "/logs"]) == ["memo.txt", "顧客/名簿.csv"]
    assert _names(tree, ["顧客/*.csv"]) == sorted(
        ["archive.zip", "broken.zip", "clean.txt", "logs/app.log", "memo.txt"]
    )


def test_exclude_from_file(tmp_path: Path) -> None:
    f = tmp_path / "ignore"
    f.write_text("# comment\n*.log\n\nbuild/\n", encoding="utf-8")
    assert load_patterns(["*.tmp"], [f]) == ["*.tmp", "*.log", "build/"]


def test_missing_path_and_dangling_link_are_errors(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    (tmp_path / "dirlink").symlink_to(tmp_path, target_is_directory=True)  # never followed: no loop
    items = list(walk([str(tmp_path), str(tmp_path / "nope")]))
    assert all(isinstance(i, WalkError) for i in items)
    assert sorted(Path(i.path).name for i in items) == ["link", "nope"]


def test_fifo_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text("x")
    assert [Path(i.path).name for i in walk([str(tmp_path)])] == ["a.txt"]


def test_a_file_reached_twice_is_scanned_once(tree: Path) -> None:
    (tree / "link.txt").symlink_to(tree / "memo.txt")
    items = list(walk([str(tree), str(tree / "memo.txt")], compile_spec(["*.zip", "logs/", "顧客/"])))
    assert [Path(i.path).name for i in items] == ["clean.txt", "link.txt"]  # memo.txt was reached as link.txt
