"""The file walk: files and folders given on the command line, recursively, minus .gitignore-style exclusions.

Patterns are matched (with ``pathspec``'s ``GitIgnoreSpec``) against each path relative to the root it was found
under, so ``*.log``, ``build/``, ``/top-only.txt`` and ``!keep.log`` mean what they mean in a .gitignore. Folders
that match are not entered. Symbolic links to folders are not followed (no loops); only regular files are
yielded (a FIFO or a device would block or never end). A path that cannot be read becomes a :class:`WalkError`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec


@dataclass(frozen=True, slots=True)
class WalkFile:
    """A regular file to scan and its size in bytes."""

    path: str
    size: int


@dataclass(frozen=True, slots=True)
class WalkError:
    """A path given or found that could not be listed or read."""

    path: str
    message: str


def load_patterns(patterns: Iterable[str] = (), files: Iterable[str | os.PathLike[str]] = ()) -> list[str]:
    """The ``--exclude`` patterns followed by the lines of each ``--exclude-from`` file (comments kept out)."""
    lines = [p for p in patterns if p.strip()]
    for f in files:
        text = Path(f).read_text(encoding="utf-8-sig")
        lines.extend(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return lines


def compile_spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(lines))


def _excluded(spec: pathspec.GitIgnoreSpec, rel: str, is_dir: bool) -> bool:
    return bool(rel) and spec.match_file(rel + "/" if is_dir else rel)


def walk(roots: Iterable[str], spec: pathspec.GitIgnoreSpec | None = None) -> Iterator[WalkFile | WalkError]:
    """Yield every regular file under ``roots`` (sorted, depth first) that the exclusions let through, once: a file
    reached twice (overlapping roots, a link to it) is yielded the first time only."""
    spec = spec or compile_spec([])
    seen: set[tuple[int, int]] = set()
    for root in roots:
        try:
            st = os.stat(root)
        except OSError as e:
            yield WalkError(root, e.strerror or type(e).__name__)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(root, spec, seen)
        elif stat.S_ISREG(st.st_mode):
            if not spec.match_file(Path(root).name) and _first(seen, st):
                yield WalkFile(root, st.st_size)
        else:
            yield WalkError(root, "not a regular file or folder")


def _first(seen: set[tuple[int, int]], st: os.stat_result) -> bool:
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk_dir(root: str, spec: pathspec.GitIgnoreSpec, seen: set[tuple[int, int]]) -> Iterator[WalkFile | WalkError]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield WalkError(folder, e.strerror or type(e).__name__)
            continue
        subdirs: list[str] = []
        for entry in entries:
            rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not _excluded(spec, rel, True):
                        subdirs.append(entry.path)
                    continue
                if _excluded(spec, rel, False):
                    continue
                st = entry.stat(follow_symlinks=True)
            except OSError as e:
                yield WalkError(entry.path, e.strerror or type(e).__name__)
                continue
            if stat.S_ISREG(st.st_mode) and _first(seen, st):
                yield WalkFile(entry.path, st.st_size)
        stack.extend(reversed(subdirs))
