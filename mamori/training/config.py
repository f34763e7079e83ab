"""Training settings: the ``[training]`` section of mamori.toml. Every key has a default; errors name the key.

    [training]
    pass_mark = 80                  # percent; overrides every course's own pass mark (default: the course's)
    pass_marks = {"pi-ch2@2026.2" = 70}   # for one course ("id") or one version of it ("id@version")
    year_start_month = 4            # the training year starts in this month (April = the Japanese fiscal year)
    organisation = "株式会社○○"      # the company printed on certificates (default: [organization] name)
    issuer = "個人情報保護管理者 ○○ ○○"  # who issues the certificates, printed on them and on the check page
    courses = ["/srv/mamori/courses/pi-ch2"]   # course folders (default: the courses shipped with mamori)
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from mamori.training.course import Course, CourseError, builtin_courses, load_course
from mamori.training.progress import fiscal_year


class TrainingConfigError(ValueError):
    """A [training] setting that cannot be used; the message names the key."""


@dataclass(frozen=True)
class TrainingConfig:
    pass_mark: int | None = None
    pass_marks: Mapping[str, int] = field(default_factory=dict)
    year_start_month: int = 4
    organisation: str = ""
    issuer: str = ""
    courses: tuple[Path, ...] = ()

    def year_of(self) -> Callable[[datetime], int]:
        return partial(fiscal_year, start_month=self.year_start_month)

    def load_courses(self) -> dict[str, Course]:
        """The configured course folders (or the shipped ones), by course id."""
        out: dict[str, Course] = {}
        for folder in self.courses or tuple(builtin_courses()):
            try:
                course = load_course(folder)
            except (CourseError, OSError) as exc:
                raise TrainingConfigError(f"training.courses: {folder}: {exc}") from exc
            if course.id in out:
                raise TrainingConfigError(f"training.courses: two courses have the id {course.id!r}")
            out[course.id] = course
        return out

    def router_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`mamori.training.pages.training_router`."""
        return {
            "courses": self.load_courses(),
            "year_of": self.year_of(),
            "pass_mark": self.pass_mark,
            "pass_marks": dict(self.pass_marks),
            "organisation": self.organisation,
            "issuer": self.issuer,
        }


def parse_training_config(doc: Mapping[str, Any], base_dir: Path | None = None) -> TrainingConfig:
    """The ``[training]`` table of a parsed mamori.toml (absent = defaults); relative folders are from base_dir."""
    section = doc.get("training", {})
    if not isinstance(section, Mapping):
        raise TrainingConfigError("training: must be a table ([training])")
    known = {"pass_mark", "pass_marks", "year_start_month", "organisation", "issuer", "courses"}
    for key in section:
        if key not in known:
            raise TrainingConfigError(f"training.{key}: unknown setting (known: {', '.join(sorted(known))})")
    pass_mark = section.get("pass_mark")
    if pass_mark is not None and (isinstance(pass_mark, bool) or not isinstance(pass_mark, int)
                                  or not 1 <= pass_mark <= 100):
        raise TrainingConfigError(f"training.pass_mark: must be a whole number from 1 to 100 (got {pass_mark!r})")
    marks = section.get("pass_marks", {})
    if not isinstance(marks, Mapping):
        raise TrainingConfigError('training.pass_marks: must be a table such as {"pi-ch2@2026.2" = 70}')
    for key, mark in marks.items():
        if isinstance(mark, bool) or not isinstance(mark, int) or not 1 <= mark <= 100:
            raise TrainingConfigError(f"training.pass_marks.{key}: must be a whole number from 1 to 100 (got {mark!r})")
    month = section.get("year_start_month", 4)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise TrainingConfigError(f"training.year_start_month: must be a month number 1-12 (got {month!r})")
    org = doc.get("organization", {})
    company = org.get("name", "") if isinstance(org, Mapping) else ""
    organisation = section.get("organisation", "")
    if not isinstance(organisation, str):
        raise TrainingConfigError("training.organisation: must be a string")
    organisation = organisation.strip() or (company.strip() if isinstance(company, str) else "")
    issuer = section.get("issuer", "")
    if not isinstance(issuer, str):
        raise TrainingConfigError("training.issuer: must be a string")
    courses = section.get("courses", [])
    if not isinstance(courses, list) or not all(isinstance(c, str) and c for c in courses):
        raise TrainingConfigError("training.courses: must be a list of course folder paths")
    base = base_dir or Path.cwd()
    return TrainingConfig(
        pass_mark=pass_mark,
        pass_marks=dict(marks),
        year_start_month=month,
        organisation=organisation,
        issuer=issuer.strip(),
        courses=tuple(p if (p := Path(c)).is_absolute() else base / p for c in courses),
    )


def load_training_config(path: str | Path) -> TrainingConfig:
    """Read ``[training]`` from a mamori.toml file."""
    path = Path(path)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TrainingConfigError(f"{path}: {exc}") from exc
    return parse_training_config(doc, path.parent)
