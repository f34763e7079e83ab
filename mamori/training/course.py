"""Course files: parse and validate a course (Markdown pages with YAML front matter + a YAML quiz) into dataclasses.

A course is a folder::

    course.md          front matter: id, version, title{ja,en}, pass_mark, questions_per_attempt, quiz, pages
    pages/01-why.md    front matter: id, title{ja,en}, kind (content|closing), charts, source; the body holds
                       both languages, each after a marker line ``<!-- lang: ja -->`` / ``<!-- lang: en -->``
    quiz.yaml          questions: id, text{ja,en}, choices[{id, text{ja,en}}], answer, explanation{ja,en}

Everything here is pure: :func:`parse_course` takes the files' texts (relative path -> text) and returns a
:class:`Course` or raises :class:`CourseError` listing every :class:`Problem` with its file and line.
:func:`load_course` and :func:`validate_path` are the thin file-reading shell.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

LANGS = ("ja", "en")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LANG_MARKER = re.compile(r"^<!--\s*lang:\s*([A-Za-z-]+)\s*-->\s*$")
CHART_REF = re.compile(r"\{\{chart:([^}]*)\}\}")
COURSE_FILE = "course.md"


@dataclass(frozen=True)
class Problem:
    """One fault in a course file: where (file, 1-based line or None) and what."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class CourseError(ValueError):
    """The course files have faults; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Text:
    """A text in Japanese and English."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(frozen=True)
class Bar:
    label: Text
    value: float


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn by the app (see :mod:`mamori.training.chart`) from figures in a page's front matter."""

    id: str
    title: Text
    unit: str
    bars: tuple[Bar, ...]
    max: float | None = None  # the right end of the axis (default: 100 for "%", else the largest value rounded up)


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    body: Text  # Markdown, one per language
    kind: str = "content"  # content | closing (shown after the quiz is passed)
    charts: tuple[Chart, ...] = ()
    source: Text | None = None
    path: str = ""


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    choices: tuple[Choice, ...]
    answer: str  # the id of the right choice
    explanation: Text

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class Course:
    id: str
    version: str
    title: Text
    description: Text
    pages: tuple[Page, ...]
    questions: tuple[Question, ...]
    pass_mark: int = 80  # percent of the drawn questions to answer right
    questions_per_attempt: int = 0  # 0 = all of them
    digest: str = ""  # sha256 of the course files

    @property
    def full_version(self) -> str:
        """The version recorded with progress: the author's version plus a hash of the files' contents."""
        return f"{self.version}+{self.digest[:8]}" if self.digest else self.version

    @property
    def content_pages(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.kind == "content")

    @property
    def closing_page(self) -> Page | None:
        return next((p for p in self.pages if p.kind == "closing"), None)

    @property
    def draw_count(self) -> int:
        n = self.questions_per_attempt or len(self.questions)
        return min(n, len(self.questions))

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.id == page_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


# ---------------------------------------------------------------------------------------------------- YAML with lines


@dataclass
class _Doc:
    """Parsed YAML plus the line of every value, keyed by its path (("questions", 3, "answer"), ...)."""

    path: str
    data: Any
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    offset: int = 0  # lines before the YAML text in its file (front matter starts after "---")

    def line(self, *keys: Any) -> int:
        while keys and keys not in self.lines:
            keys = keys[:-1]
        return self.lines.get(keys, 1) + self.offset


def _walk(
    node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int], dups: list[tuple[str, int]]
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                dups.append((str(key), key_node.start_mark.line + 1))
            seen.add(key)
            _walk(value_node, (*path, key), lines, dups)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, dups)


def _load_yaml(path: str, text: str, offset: int, problems: list[Problem]) -> _Doc | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + offset if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(path, line, f"bad YAML: {reason}"))
        return None
    doc = _Doc(path, data, offset=offset)
    if node is not None:
        dups: list[tuple[str, int]] = []
        _walk(node, (), doc.lines, dups)
        for key, line in dups:
            problems.append(Problem(path, line + offset, f"duplicate key {key!r}"))
    return doc


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(front matter, body, line of the body's first line - 1)``, or None when the text has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 1
    return None


# ---------------------------------------------------------------------------------------------------- field checks


class _Checker:
    def __init__(self, doc: _Doc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def fail(self, keys: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line(*keys), message))

    def mapping(self, keys: tuple[Any, ...], value: Any, what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(keys, f"{what} must be a mapping of keys to values")
            return None
        return value

    def required(self, keys: tuple[Any, ...], parent: dict[str, Any], name: str) -> Any:
        if name not in parent or parent[name] is None:
            self.fail(keys, f"missing field {_dotted((*keys, name))!r}")
            return None
        return parent[name]

    def slug(self, keys: tuple[Any, ...], value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(keys, f"{_dotted(keys)} must be an id of a-z, 0-9, '-' or '_' (got {value!r})")
            return None
        return value

    def text(self, keys: tuple[Any, ...], value: Any) -> Text | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(keys, f"{_dotted(keys)} must give both languages: {{ja: ..., en: ...}}")
            return None
        out: dict[str, str] = {}
        for lang in LANGS:
            v = value.get(lang)
            if not isinstance(v, str) or not v.strip():
                self.fail(keys, f"{_dotted(keys)} has no {lang} text")
            else:
                out[lang] = v.strip()
        for extra in sorted(set(value) - set(LANGS), key=str):
            self.fail((*keys, extra), f"{_dotted(keys)}: unknown language {extra!r} (expected ja and en)")
        return Text(**out) if len(out) == len(LANGS) else None

    def integer(self, keys: tuple[Any, ...], value: Any, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(keys, f"{_dotted(keys)} must be a whole number from {low} to {high} (got {value!r})")
            return None
        return value

    def unknown(self, keys: tuple[Any, ...], value: dict[str, Any], known: set[str]) -> None:
        for key in value:
            if key not in known:
                self.fail((*keys, key), f"unknown field {_dotted((*keys, key))!r}")


def _dotted(keys: tuple[Any, ...]) -> str:
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "document"


# ---------------------------------------------------------------------------------------------------- pages and quiz


def _parse_body(
    path: str, body: str, first_line: int, problems: list[Problem]
) -> tuple[Text | None, list[tuple[str, int]]]:
    """Split a page body into its languages; also return every chart reference with its line."""
    parts: dict[str, list[str]] = {}
    current: str | None = None
    refs: list[tuple[str, int]] = []
    for i, line in enumerate(body.splitlines(), start=first_line + 1):
        m = LANG_MARKER.match(line.strip())
        if m:
            lang = m.group(1)
            if lang not in LANGS:
                problems.append(Problem(path, i, f"unknown language marker {lang!r} (expected ja or en)"))
                current = None
            elif lang in parts:
                problems.append(Problem(path, i, f"second <!-- lang: {lang} --> section"))
                current = None
            else:
                current = lang
                parts[lang] = []
            continue
        if current is None:
            if line.strip() and not parts:
                problems.append(Problem(path, i, "text before the first <!-- lang: ja --> marker"))
                parts.setdefault("_", [])  # report once
            continue
        parts[current].append(line)
        refs.extend((m.group(1).strip(), i) for m in CHART_REF.finditer(line))
    texts: dict[str, str] = {}
    for lang in LANGS:
        text = "\n".join(parts.get(lang, [])).strip()
        if not text:
            message = f"the body has no {lang} section (<!-- lang: {lang} -->)"
            problems.append(Problem(path, first_line + 1, message))
        texts[lang] = text
    ok = all(texts.values())
    return (Text(**texts) if ok else None), refs


def _parse_chart(check: _Checker, keys: tuple[Any, ...], raw: Any) -> Chart | None:
    m = check.mapping(keys, raw, "a chart")
    if m is None:
        return None
    check.unknown(keys, m, {"id", "title", "unit", "bars", "max"})
    cid = check.slug((*keys, "id"), check.required(keys, m, "id"))
    title = check.text((*keys, "title"), check.required(keys, m, "title"))
    unit = m.get("unit", "")
    if not isinstance(unit, str):
        check.fail((*keys, "unit"), "chart unit must be a string such as '%'")
        unit = ""
    bars_raw = check.required(keys, m, "bars")
    bars: list[Bar] = []
    if bars_raw is not None and (not isinstance(bars_raw, list) or not bars_raw):
        check.fail((*keys, "bars"), "chart bars must be a non-empty list")
    elif isinstance(bars_raw, list):
        for j, b in enumerate(bars_raw):
            bk = (*keys, "bars", j)
            bm = check.mapping(bk, b, "a bar")
            if bm is None:
                continue
            check.unknown(bk, bm, {"label", "value"})
            label = check.text((*bk, "label"), check.required(bk, bm, "label"))
            value = check.required(bk, bm, "value")
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
                check.fail((*bk, "value"), f"bar value must be a number of 0 or more (got {value!r})")
                value = None
            if label is not None and value is not None:
                bars.append(Bar(label, float(value)))
    top = m.get("max")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int | float) or top <= 0):
        check.fail((*keys, "max"), f"chart max must be a number above 0 (got {top!r})")
        return None
    if top is not None and bars and top < max(b.value for b in bars):
        check.fail((*keys, "max"), f"chart max {top!r} is below its largest bar")
        return None
    if cid is None or title is None or not bars or len(bars) != len(bars_raw or []):
        return None
    return Chart(cid, title, unit, tuple(bars), None if top is None else float(top))


def parse_page(path: str, text: str, problems: list[Problem]) -> Page | None:
    """One page file; faults are appended to ``problems`` and None is returned if the page is unusable."""
    split = split_front_matter(text)
    if split is None:
        problems.append(Problem(path, 1, "no YAML front matter (the file must start with a '---' line and close it)"))
        return None
    front, body, body_line = split
    doc = _load_yaml(path, front, 1, problems)
    if doc is None:
        return None
    check = _Checker(doc, problems)
    m = check.mapping((), doc.data, "the front matter")
    if m is None:
        return None
    check.unknown((), m, {"id", "title", "kind", "charts", "source"})
    pid = check.slug(("id",), check.required((), m, "id"))
    title = check.text(("title",), check.required((), m, "title"))
    kind = m.get("kind", "content")
    if kind not in ("content", "closing"):
        check.fail(("kind",), f"kind must be 'content' or 'closing' (got {kind!r})")
    source = check.text(("source",), m["source"]) if m.get("source") is not None else None
    charts: list[Chart] = []
    charts_raw = m.get("charts", [])
    if not isinstance(charts_raw, list):
        check.fail(("charts",), "charts must be a list")
        charts_raw = []
    n_before = len(problems)
    for i, c in enumerate(charts_raw):
        chart = _parse_chart(check, ("charts", i), c)
        if chart is not None:
            if any(x.id == chart.id for x in charts):
                check.fail(("charts", i, "id"), f"duplicate chart id {chart.id!r}")
            charts.append(chart)
    body_text, refs = _parse_body(path, body, body_line, problems)
    known = {c.id for c in charts}
    charts_ok = len(problems) == n_before
    for ref, line in refs:
        if charts_ok and ref not in known:
            problems.append(Problem(path, line, f"the body shows chart {ref!r}, which the front matter lacks"))
    if pid is None or title is None or body_text is None or kind not in ("content", "closing"):
        return None
    return Page(pid, title, body_text, kind, tuple(charts), source, path)


def parse_quiz(path: str, text: str, problems: list[Problem]) -> list[Question]:
    doc = _load_yaml(path, text, 0, problems)
    if doc is None:
        return []
    check = _Checker(doc, problems)
    m = check.mapping((), doc.data, "the quiz file")
    if m is None:
        return []
    check.unknown((), m, {"questions"})
    raw = check.required((), m, "questions")
    if raw is None:
        return []
    if not isinstance(raw, list) or not raw:
        check.fail(("questions",), "questions must be a non-empty list")
        return []
    out: list[Question] = []
    seen: set[str] = set()
    for i, q in enumerate(raw):
        k: tuple[Any, ...] = ("questions", i)
        qm = check.mapping(k, q, "a question")
        if qm is None:
            continue
        check.unknown(k, qm, {"id", "text", "choices", "answer", "explanation"})
        qid = check.slug((*k, "id"), check.required(k, qm, "id"))
        if qid is not None:
            if qid in seen:
                check.fail((*k, "id"), f"duplicate question id {qid!r}")
            seen.add(qid)
        qtext = check.text((*k, "text"), check.required(k, qm, "text"))
        expl = check.text((*k, "explanation"), check.required(k, qm, "explanation"))
        choices: list[Choice] = []
        craw = check.required(k, qm, "choices")
        bad_choices = craw is None
        if craw is not None and (not isinstance(craw, list) or len(craw) < 2):
            check.fail((*k, "choices"), "a question needs a list of at least 2 choices")
            bad_choices = True
        elif isinstance(craw, list):
            for j, c in enumerate(craw):
                ck = (*k, "choices", j)
                cm = check.mapping(ck, c, "a choice")
                if cm is None:
                    bad_choices = True
                    continue
                check.unknown(ck, cm, {"id", "text"})
                cid = check.slug((*ck, "id"), check.required(ck, cm, "id"))
                ctext = check.text((*ck, "text"), check.required(ck, cm, "text"))
                if cid is not None and any(x.id == cid for x in choices):
                    check.fail((*ck, "id"), f"duplicate choice id {cid!r} in question {qid!r}")
                    bad_choices = True
                if cid is None or ctext is None:
                    bad_choices = True
                else:
                    choices.append(Choice(cid, ctext))
        answer = check.required(k, qm, "answer")
        if answer is not None and not bad_choices and answer not in {c.id for c in choices}:
            check.fail((*k, "answer"), f"answer {answer!r} of question {qid!r} is not among its choices")
            answer = None
        if qid and qtext and expl and answer and not bad_choices:
            out.append(Question(qid, qtext, tuple(choices), str(answer), expl))
    return out


# ---------------------------------------------------------------------------------------------------- the course


def _relative(path: str) -> str | None:
    p = PurePosixPath(path)
    if p.is_absolute() or ".." in p.parts or not path:
        return None
    return str(p)


def parse_course(files: Mapping[str, str]) -> Course:
    """Build a course from its files' texts (relative POSIX path -> text); ``course.md`` names the others."""
    problems: list[Problem] = []
    if COURSE_FILE not in files:
        raise CourseError([Problem(COURSE_FILE, None, "no course.md in the course folder")])
    text = files[COURSE_FILE]
    split = split_front_matter(text)
    if split is None:
        raise CourseError([Problem(COURSE_FILE, 1, "no YAML front matter (start with a '---' line and close it)")])
    front, body, body_line = split
    doc = _load_yaml(COURSE_FILE, front, 1, problems)
    if doc is None:
        raise CourseError(problems)
    check = _Checker(doc, problems)
    m = check.mapping((), doc.data, "the front matter")
    if m is None:
        raise CourseError(problems)
    check.unknown((), m, {"id", "version", "title", "pass_mark", "questions_per_attempt", "quiz", "pages"})
    cid = check.slug(("id",), check.required((), m, "id"))
    version = check.required((), m, "version")
    if version is not None and (not isinstance(version, str | int | float) or isinstance(version, bool)):
        check.fail(("version",), "version must be a string such as \"2026.1\"")
        version = None
    title = check.text(("title",), check.required((), m, "title"))
    pass_mark = check.integer(("pass_mark",), m.get("pass_mark", 80), 1, 100) or 80
    per = m.get("questions_per_attempt", 0)
    per = check.integer(("questions_per_attempt",), per, 0, 1000) if per != 0 else 0
    description, _ = _parse_body(COURSE_FILE, body, body_line, problems)

    pages: list[Page] = []
    used: list[str] = [COURSE_FILE]
    pages_raw = check.required((), m, "pages")
    if pages_raw is not None and (not isinstance(pages_raw, list) or not pages_raw):
        check.fail(("pages",), "pages must be a non-empty list of page files")
        pages_raw = []
    for i, p in enumerate(pages_raw or []):
        rel = _relative(p) if isinstance(p, str) else None
        if rel is None:
            check.fail(("pages", i), f"page path must be relative inside the course folder (got {p!r})")
            continue
        if rel not in files:
            check.fail(("pages", i), f"page file {rel!r} does not exist")
            continue
        used.append(rel)
        page = parse_page(rel, files[rel], problems)
        if page is None:
            continue
        twin = next((x for x in pages if x.id == page.id), None)
        if twin is not None:
            line = next((n for n, t in enumerate(files[rel].splitlines(), 1) if t.startswith("id:")), 2)
            problems.append(Problem(rel, line, f"duplicate page id {page.id!r} (also in {twin.path})"))
        pages.append(page)
    closings = [i for i, p in enumerate(pages) if p.kind == "closing"]
    if len(closings) > 1 or (closings and closings[0] != len(pages) - 1):
        check.fail(("pages",), "only the last page may be the closing page (kind: closing)")
    if pages and len(pages) == len(pages_raw or []) and not any(p.kind == "content" for p in pages):
        check.fail(("pages",), "the course has no content page")

    questions: list[Question] = []
    quiz = check.required((), m, "quiz")
    if quiz is not None:
        rel = _relative(quiz) if isinstance(quiz, str) else None
        if rel is None or rel not in files:
            check.fail(("quiz",), f"quiz file {quiz!r} does not exist in the course folder")
        else:
            used.append(rel)
            questions = parse_quiz(rel, files[rel], problems)
    if per and questions and per > len(questions):
        check.fail(("questions_per_attempt",), f"questions_per_attempt is {per} but the quiz has {len(questions)}")
    if problems:
        raise CourseError(problems)
    assert cid and title and description and version is not None
    digest = hashlib.sha256()
    for rel in used:
        digest.update(rel.encode() + b"\0" + files[rel].encode() + b"\0")
    return Course(
        id=cid,
        version=str(version),
        title=title,
        description=description,
        pages=tuple(pages),
        questions=tuple(questions),
        pass_mark=pass_mark,
        questions_per_attempt=per or 0,
        digest=digest.hexdigest(),
    )


# ---------------------------------------------------------------------------------------------------- file shell


def read_course_files(folder: Path) -> dict[str, str]:
    """Every text file of a course folder (``.md``, ``.yaml``, ``.yml``) as relative path -> text."""
    out: dict[str, str] = {}
    for f in sorted(folder.rglob("*")):
        if f.is_file() and f.suffix in (".md", ".yaml", ".yml"):
            out[f.relative_to(folder).as_posix()] = f.read_text(encoding="utf-8")
    return out


def load_course(folder: str | Path) -> Course:
    """Read and parse the course in ``folder`` (raises :class:`CourseError`, or OSError if unreadable)."""
    folder = Path(folder)
    try:
        files = read_course_files(folder)
    except UnicodeDecodeError as exc:
        raise CourseError([Problem(str(folder), None, f"a course file is not UTF-8: {exc}")]) from exc
    try:
        return parse_course(files)
    except CourseError as exc:
        raise CourseError([Problem(str(folder / p.path), p.line, p.message) for p in exc.problems]) from None


def validate_path(path: str | Path) -> list[Problem]:
    """Problems of a course folder, or of one file (a ``course.md``, a page ``.md`` or a quiz ``.yaml``)."""
    path = Path(path)
    if path.is_dir():
        target = path
    elif path.name == COURSE_FILE:
        target = path.parent
    else:
        problems: list[Problem] = []
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return [Problem(str(path), None, f"cannot read: {exc}")]
        if path.suffix in (".yaml", ".yml"):
            parse_quiz(str(path), text, problems)
        else:
            parse_page(str(path), text, problems)
        return problems
    try:
        load_course(target)
    except CourseError as exc:
        return exc.problems
    except OSError as exc:
        return [Problem(str(target), None, f"cannot read: {exc}")]
    return []


def builtin_courses_dir() -> Path:
    return Path(__file__).with_name("courses")


def builtin_courses() -> Iterator[Path]:
    """The course folders shipped with mamori."""
    for d in sorted(builtin_courses_dir().iterdir()):
        if (d / COURSE_FILE).is_file():
            yield d
