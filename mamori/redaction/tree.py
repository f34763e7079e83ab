"""Where each masked copy goes when `mamori redact` is given folders or several files: the plan, made before any
copy is written.

Every input keeps its name under the output folder: a file ``a/b.txt`` becomes ``OUT/b.txt``, and the files of a
folder ``docs/`` keep their path inside it (``docs/x/y.docx`` becomes ``OUT/x/y.docx``), like ``cp -r docs/. OUT``.
Inside folders only files of a format mamori redacts are taken (the others are listed, not copied); symbolic links
are not followed, and the output folder is left out when it lies inside an input. A plan that would write one copy
twice, or write over an input, is refused as a whole: nothing is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mamori.redaction.api import kind


class PlanError(ValueError):
    """The inputs and the output folder cannot be combined (a copy would overwrite an input or another copy)."""


@dataclass(frozen=True, slots=True)
class Job:
    """One file to redact: where it is, where its copy goes, and its name as shown (relative to its input)."""

    source: Path
    target: Path
    shown: str


@dataclass(slots=True)
class Plan:
    jobs: list[Job] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # files inside folders of a format not redacted
    links: list[str] = field(default_factory=list)  # symbolic links inside folders, not followed


def _walk(folder: Path, skip: Path | None) -> tuple[list[Path], list[Path]]:
    """(regular files, symbolic links) under ``folder`` in a stable order, without entering ``skip``."""
    files: list[Path] = []
    links: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        here = Path(root)
        kept = []
        for d in sorted(dirs):
            p = here / d
            if p.is_symlink():
                links.append(p)
            elif skip is None or p.resolve() != skip:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            p = here / name
            if p.is_symlink():
                links.append(p)
            elif p.is_file():
                files.append(p)
    return files, links


def plan(inputs: list[Path], out: Path) -> Plan:
    """The jobs for ``inputs`` (files and folders) written under the folder ``out``; raises :class:`PlanError`."""
    result = Plan()
    out_resolved = out.resolve()
    sources: set[Path] = set()
    for given in inputs:
        if given.is_dir():
            files, links = _walk(given, out_resolved)
            result.links.extend(str(p.relative_to(given)) for p in links)
            for p in files:
                rel = p.relative_to(given)
                if kind(p.name) is None:
                    result.unsupported.append(str(rel))
                    continue
                result.jobs.append(Job(p, out / rel, str(rel)))
        else:  # a named file is always tried: an unsupported one is reported as an error, not skipped
            result.jobs.append(Job(given, out / given.name, given.name))
    for job in result.jobs:
        sources.add(job.source.resolve())
    targets: dict[Path, Job] = {}
    for job in result.jobs:
        target = job.target.resolve()
        if target in sources:
            raise PlanError(f"{job.shown}: its copy would overwrite an input file; give another output folder")
        if target in targets:
            raise PlanError(f"{job.shown} and {targets[target].shown} would both be written to {job.target}")
        targets[target] = job
    return result
