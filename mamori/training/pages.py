"""Training web pages: Jinja2 rendering from plain data, and a FastAPI router the web app mounts.

``render_*`` functions turn dataclasses into HTML strings (no request, no database). :func:`training_router`
wires them to the store: a learner pages through a course (each page view is saved), takes the quiz (each
attempt is saved, wrong answers explained), gets a PDF certificate; an officer sees the year's report, exports
it (CSV/XLSX) and records reminders. Mount it with::

    app.include_router(training_router(get_db, current_user, officer_dependency=require_officer,
                                       prefix="/training"))   # the prefix goes to the factory, not include_router
"""

# No "from __future__ import annotations" here: FastAPI must see the router's local Annotated aliases as objects.
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from mamori.training.content import page_html
from mamori.training.course import Choice, Course, Page, Question, builtin_courses, load_course
from mamori.training.progress import COMPLETED, STATUS_TEXT, Learner, Progress, fiscal_year, pages_left
from mamori.training.quiz import DrawnQuiz, QuizResult
from mamori.training.reports import COLUMNS, headers, report_rows

HERE = Path(__file__).parent
_JST = ZoneInfo("Asia/Tokyo")
ASSETS = {"training.css": "text/css; charset=utf-8", "training.js": "text/javascript; charset=utf-8"}

_env = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "ja"


def _render(name: str, lang: str, base: str, learner: Learner | None = None, **data: Any) -> str:
    lang = _lang(lang)

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    return _env.get_template(name).render(
        lang=lang, other_lang="en" if lang == "ja" else "ja", base=base, learner=learner, t=t, **data
    )


# ---------------------------------------------------------------------------------------------------- plain rendering


def render_page(
    course: Course,
    page: Page,
    *,
    lang: str = "ja",
    base: str = "",
    learner: Learner | None = None,
    prev_url: str | None = None,
    next_url: str | None = None,
    next_label: str = "",
    certificate_url: str | None = None,
) -> str:
    content = course.content_pages
    number = content.index(page) + 1 if page in content else 0
    return _render(
        "page.html", lang, base, learner,
        course=course, page=page, body=Markup(page_html(page, _lang(lang))), number=number, total=len(content),
        prev_url=prev_url, next_url=next_url, next_label=next_label or ("次へ" if _lang(lang) == "ja" else "Next"),
        certificate_url=certificate_url,
    )


@dataclass(frozen=True)
class _QuizItem:
    question: Question
    choices: tuple[Choice, ...]


def render_quiz(
    course: Course,
    drawn: DrawnQuiz,
    *,
    action: str,
    lang: str = "ja",
    base: str = "",
    learner: Learner | None = None,
    attempt_no: int = 1,
    pass_mark: int | None = None,
    form_extras: Mapping[str, str] | None = None,
) -> str:
    items = []
    for d in drawn.items:
        q = course.question(d.question_id)
        assert q is not None
        items.append(_QuizItem(q, tuple(c for cid in d.choice_ids if (c := q.choice(cid)) is not None)))
    return _render(
        "quiz.html", lang, base, learner,
        course=course, items=items, seed=drawn.seed, action=action, attempt_no=attempt_no,
        pass_mark=course.pass_mark if pass_mark is None else pass_mark, form_extras=form_extras or {},
    )


@dataclass(frozen=True)
class _Wrong:
    question: Question
    chosen: Choice | None
    right: Choice


def render_result(
    course: Course,
    result: QuizResult,
    *,
    lang: str = "ja",
    base: str = "",
    learner: Learner | None = None,
    attempt_no: int = 1,
    retry_url: str = "",
    review_url: str = "",
    done_url: str = "",
    certificate_url: str | None = None,
) -> str:
    wrong = []
    for f in result.wrong:
        q = course.question(f.question_id)
        assert q is not None
        right = q.choice(f.answer)
        assert right is not None
        wrong.append(_Wrong(q, q.choice(f.chosen) if f.chosen else None, right))
    return _render(
        "result.html", lang, base, learner,
        course=course, result=result, wrong=wrong, attempt_no=attempt_no, retry_url=retry_url,
        review_url=review_url, done_url=done_url, certificate_url=certificate_url,
    )


def render_report(
    course: Course,
    records: Sequence[Progress],
    year: int,
    *,
    lang: str = "ja",
    base: str = "",
    learner: Learner | None = None,
    csv_url: str = "",
    xlsx_url: str = "",
    remind_url: str = "",
    form_extras: Mapping[str, str] | None = None,
) -> str:
    rows = report_rows(course, records, _lang(lang))
    counts = {s: sum(1 for p in records if p.status == s) for s in STATUS_TEXT}
    pending = [r for r, p in zip(rows, records, strict=True) if p.status != COMPLETED]
    return _render(
        "report.html", lang, base, learner,
        course=course, year=year, rows=rows, pending=pending, counts=counts, headers=headers(_lang(lang)),
        keys=[k for k, _, _ in COLUMNS], csv_url=csv_url, xlsx_url=xlsx_url, remind_url=remind_url,
        form_extras=form_extras or {},
    )


def render_index(items: Sequence[tuple[Course, Progress | None]], year: int, *, lang: str = "ja", base: str = "",
                 learner: Learner | None = None, due: Mapping[str, date] | None = None,
                 today: date | None = None) -> str:
    """The learner's courses; those assigned to them (``due``: course id -> due date) first, with the date, and
    marked overdue when ``today`` is past it and the course is not completed."""
    @dataclass(frozen=True)
    class Item:
        course: Course
        progress: Progress | None
        status: str
        status_text: str
        due: date | None
        overdue: bool

    due = due or {}
    out = []
    for course, p in items:
        status = p.status if p is not None else "not_started"
        when = due.get(course.id)
        late = when is not None and today is not None and today > when and status != COMPLETED
        out.append(Item(course, p, status, STATUS_TEXT[status][_lang(lang)], when, late))
    out.sort(key=lambda i: (i.due is None, i.due or date.min))
    return _render("index.html", lang, base, learner, items=out, year=year)


def asset(name: str) -> tuple[bytes, str] | None:
    """A static file of the pages (CSS, JS) and its media type."""
    if name not in ASSETS:
        return None
    return (HERE / "static" / name).read_bytes(), ASSETS[name]


# ---------------------------------------------------------------------------------------------------- the router


def as_learner(user: Any) -> Learner:
    """Whatever the web app's current-user dependency returns, as a Learner.

    Accepts a :class:`Learner`, a mapping, or an object; the login is taken from ``email``, ``login`` or
    ``username`` and the name from ``display_name`` or ``name``.
    """
    if isinstance(user, Learner):
        return user

    def pick(*names: str) -> str:
        for n in names:
            v = user.get(n) if isinstance(user, Mapping) else getattr(user, n, None)
            if isinstance(v, str) and v.strip():
                return v
        return ""

    login = pick("email", "login", "username")
    if not login:
        raise ValueError("the current user has no email/login/username")
    return Learner(login, pick("display_name", "name"))


def default_courses() -> dict[str, Course]:
    courses = [load_course(d) for d in builtin_courses()]
    return {c.id: c for c in courses}


def training_router(
    db_provider: Callable[..., Any],
    current_user_dependency: Callable[..., Any],
    *,
    prefix: str = "/training",
    officer_dependency: Callable[..., Any] | None = None,
    courses: Mapping[str, Course] | None = None,
    year_of: Callable[[datetime], int] = fiscal_year,
    pass_mark: int | None = None,
    pass_marks: Mapping[str, int] | None = None,
    organisation: str = "",
    issuer: str = "",
    certificate_secret: str | bytes | None = None,
    public_url: str = "",
    post_dependencies: Sequence[Any] = (),
    form_extras: Callable[..., Mapping[str, str]] | None = None,
    assigned_of: Callable[[Any, str, int], Mapping[str, Any]] | None = None,
    zone: tzinfo = _JST,
) -> Any:
    """A FastAPI ``APIRouter`` with the learner pages and (if ``officer_dependency`` is given) the officer report.

    - ``prefix``: where the pages live (links are built from it; do not give include_router a prefix too).
    - ``db_provider``: a dependency returning a migrated :class:`mamori.store.Database`.
    - ``current_user_dependency``: a dependency returning the signed-in user (see :func:`as_learner`); it should
      raise (401/redirect to login) when nobody is signed in.
    - ``officer_dependency``: a dependency that returns the user when they may see everyone's records and raises
      403 otherwise; without it the report routes are not added.
    - ``courses``: id -> Course (default: the courses shipped in mamori/training/courses).
    - ``year_of``: the training year of a time (default: the Japanese fiscal year, April to March).
    - ``pass_mark``: overrides every course's own pass mark; ``pass_marks``: by ``"<course id>"`` or
      ``"<course id>@<version>"``, for one course or one version of it (:func:`mamori.training.quiz.pass_mark_for`).
    - ``organisation``, ``issuer``: the company and the issuer printed on certificates.
    - ``certificate_secret``: the key of certificate verification codes (the web app's secret key); with it every
      certificate carries a code and ``{prefix}/verify`` (page) and ``{prefix}/verify.json`` (JSON) check codes
      for anyone, signed in or not. ``public_url``: the app's address, to print where to check.
    - ``post_dependencies``: extra dependencies for the POST routes (e.g. the app's CSRF check), and
      ``form_extras(request)``: hidden fields to put in every form (e.g. the CSRF token).
    - ``assigned_of(db, login, year)``: the courses assigned to the learner for the year, by course id, each with
      a ``due`` date (:func:`mamori.training.assignments.learner_assignments`); the course list shows them first,
      with the due date, overdue after it in ``zone`` (the company's time zone; default Asia/Tokyo).
    """
    from fastapi import APIRouter, Depends, HTTPException, Request
    from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

    from mamori.store.base import utcnow
    from mamori.training import records
    from mamori.training.quiz import QuizError, draw_quiz, pass_mark_for, seed_is_signed, seed_signature
    from mamori.training.reports import certificate_pdf, csv_text, xlsx_bytes
    from mamori.training.verify import certificate_code, certificate_key, verify_code

    User = Annotated[Any, Depends(current_user_dependency)]
    Db = Annotated[Any, Depends(db_provider)]
    catalogue = dict(courses) if courses is not None else default_courses()
    prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
    router = APIRouter(prefix=prefix)
    post_deps = [Depends(d) if callable(d) else d for d in post_dependencies]
    cert_key = certificate_key(certificate_secret) if certificate_secret else None
    # quiz forms are signed so that the learner cannot pick the draw; without an app secret, a key for this process
    seed_key = hmac.new(cert_key, b"quiz seeds", hashlib.sha256).digest() if cert_key else secrets.token_bytes(32)

    def mark_of(course: Course) -> int:
        return pass_mark_for(course, pass_mark, pass_marks)
    titles = {c.id: (c.title.ja, c.title.en) for c in catalogue.values()}

    def base_of(request: Request) -> str:
        return request.scope.get("root_path", "").rstrip("/") + prefix

    def lang_of(request: Request) -> str:
        return _lang(request.query_params.get("lang", "ja"))

    def extras(request: Request) -> Mapping[str, str]:
        return form_extras(request) if form_extras is not None else {}

    def course_or_404(course_id: str) -> Course:
        course = catalogue.get(course_id)
        if course is None:
            raise HTTPException(404, "no such course")
        return course

    def learner_of(user: Any) -> Learner:
        try:
            return as_learner(user)
        except ValueError as exc:
            raise HTTPException(401, str(exc)) from exc

    def year_now() -> int:
        return year_of(utcnow().astimezone(_JST))

    def html(text: str) -> HTMLResponse:
        return HTMLResponse(text, headers={"Cache-Control": "no-store"})

    @router.get("/assets/{name}", include_in_schema=False)
    def training_asset(name: str) -> Response:
        found = asset(name)
        if found is None:
            raise HTTPException(404)
        return Response(found[0], media_type=found[1], headers={"Cache-Control": "public, max-age=3600"})

    @router.get("/", response_class=HTMLResponse)
    def training_index(request: Request, user: User, db: Db) -> HTMLResponse:
        learner = learner_of(user)
        year = year_now()
        items = [(c, records.get_progress(db, learner.login, c.id, year)) for c in catalogue.values()]
        due = {cid: a.due for cid, a in (assigned_of(db, learner.login, year) if assigned_of else {}).items()}
        return html(render_index(items, year, lang=lang_of(request), base=base_of(request), learner=learner,
                                 due=due, today=utcnow().astimezone(zone).date()))

    @router.get("/{course_id}/")
    def training_course(course_id: str, request: Request, user: User, db: Db) -> RedirectResponse:
        course = course_or_404(course_id)
        learner = learner_of(user)
        p = records.get_progress(db, learner.login, course.id, year_now())
        ids = [pg.id for pg in course.content_pages]
        target = 1
        if p is not None and not p.completed:
            left = pages_left(p, course)
            target = ids.index(left[0]) + 1 if left else len(ids)
        base = base_of(request)
        return RedirectResponse(f"{base}/{course.id}/pages/{target}?lang={lang_of(request)}", status_code=303)

    @router.get("/{course_id}/pages/{number}", response_class=HTMLResponse)
    def training_page(course_id: str, number: int, request: Request, user: User, db: Db) -> HTMLResponse:
        course = course_or_404(course_id)
        content = course.content_pages
        if not 1 <= number <= len(content):
            raise HTTPException(404, "no such page")
        learner = learner_of(user)
        page = content[number - 1]
        p = records.see_page(db, learner, course, page.id, year_now())
        base, lang = base_of(request), lang_of(request)
        here = f"{base}/{course.id}"
        prev_url = f"{here}/pages/{number - 1}?lang={lang}" if number > 1 else None
        if number < len(content):
            next_url, label = f"{here}/pages/{number + 1}?lang={lang}", ""
        elif p.completed:
            next_url, label = f"{here}/done?lang={lang}", ("終了ページへ" if lang == "ja" else "To the end")
        else:
            next_url, label = f"{here}/quiz?lang={lang}", ("確認テストへ" if lang == "ja" else "To the quiz")
        return html(render_page(course, page, lang=lang, base=base, learner=learner, prev_url=prev_url,
                                next_url=next_url, next_label=label))

    @router.get("/{course_id}/quiz", response_class=HTMLResponse)
    def training_quiz(course_id: str, request: Request, user: User, db: Db) -> Response:
        course = course_or_404(course_id)
        learner = learner_of(user)
        year = year_now()
        p = records.get_progress(db, learner.login, course.id, year)
        base, lang = base_of(request), lang_of(request)
        left = pages_left(p, course) if p is not None else tuple(pg.id for pg in course.content_pages)
        if left:
            ids = [pg.id for pg in course.content_pages]
            return RedirectResponse(f"{base}/{course.id}/pages/{ids.index(left[0]) + 1}?lang={lang}", 303)
        drawn = draw_quiz(course, secrets.randbelow(2**31))  # a new draw and order for every attempt
        signed = {**extras(request), "sig": seed_signature(seed_key, learner.login, course, drawn.seed)}
        return html(render_quiz(course, drawn, action=f"{base}/{course.id}/quiz?lang={lang}", lang=lang, base=base,
                                learner=learner, attempt_no=(p.attempts if p else 0) + 1, pass_mark=mark_of(course),
                                form_extras=signed))

    @router.post("/{course_id}/quiz", response_class=HTMLResponse, dependencies=post_deps)
    async def training_submit(course_id: str, request: Request, user: User, db: Db) -> HTMLResponse:
        course = course_or_404(course_id)
        learner = learner_of(user)
        form = await request.form()
        try:
            seed = int(str(form.get("seed", "")))
        except ValueError:
            raise HTTPException(400, "the quiz form has no seed") from None
        if not seed_is_signed(seed_key, learner.login, course, seed, str(form.get("sig", ""))):
            raise HTTPException(400, "この確認テストの用紙は無効です（教材が更新されたか、別の人の用紙です）。"
                                     "もう一度開いてください。 / This quiz form is not valid (the course changed, or "
                                     "it was someone else's); open the quiz again.")
        drawn = draw_quiz(course, seed)
        answers = {k[2:]: str(v) for k, v in form.items() if k.startswith("q.") and isinstance(v, str)}
        answers = {k: v for k, v in answers.items() if k in drawn.question_ids}
        try:
            p, result, number = records.submit_quiz(db, learner, course, drawn.question_ids, answers, year_now(),
                                                    mark_of(course))
        except QuizError as exc:
            raise HTTPException(400, str(exc)) from exc
        base, lang = base_of(request), lang_of(request)
        here = f"{base}/{course.id}"
        return html(render_result(
            course, result, lang=lang, base=base, learner=learner, attempt_no=number,
            retry_url=f"{here}/quiz?lang={lang}", review_url=f"{here}/pages/1?lang={lang}",
            done_url=f"{here}/done?lang={lang}" if p.completed else "",
            certificate_url=f"{here}/certificate.pdf" if p.completed else None,
        ))

    @router.get("/{course_id}/done", response_class=HTMLResponse)
    def training_done(course_id: str, request: Request, user: User, db: Db) -> Response:
        course = course_or_404(course_id)
        learner = learner_of(user)
        p = records.get_progress(db, learner.login, course.id, year_now())
        base, lang = base_of(request), lang_of(request)
        closing = course.closing_page
        if p is None or not p.completed or closing is None:
            return RedirectResponse(f"{base}/{course.id}/?lang={lang}", status_code=303)
        return html(render_page(course, closing, lang=lang, base=base, learner=learner,
                                certificate_url=f"{base}/{course.id}/certificate.pdf"))

    @router.get("/{course_id}/certificate.pdf")
    def training_certificate(course_id: str, user: User, db: Db) -> Response:
        course = course_or_404(course_id)
        learner = learner_of(user)
        p = records.get_progress(db, learner.login, course.id, year_now())
        if p is None or not p.completed:
            raise HTTPException(404, "not completed")
        code = verify_url = ""
        number = records.record_id(db, learner.login, course.id, p.year) if cert_key is not None else None
        if cert_key is not None and number is not None:
            code = certificate_code(cert_key, number, p)
            verify_url = f"{public_url.rstrip('/')}{prefix}/verify?code={code}"
        pdf = certificate_pdf(p, course, organisation=organisation, issuer=issuer, code=code, verify_url=verify_url)
        return Response(pdf, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="certificate-{course.id}-{p.year}.pdf"',
            "Cache-Control": "no-store",
        })

    if cert_key is not None:
        key = cert_key

        @router.get("/verify", response_class=HTMLResponse)
        def training_verify(request: Request, db: Db) -> HTMLResponse:
            """Anyone may check a certificate's code; the answer shows only what the certificate shows."""
            code = request.query_params.get("code", "")[:80].strip()
            found = verify_code(db, key, code, titles, organisation, issuer) if code else None
            return html(_render("verify.html", lang_of(request), base_of(request), code=code, found=found))

        @router.get("/verify.json")
        def training_verify_json(request: Request, db: Db) -> JSONResponse:
            code = request.query_params.get("code", "")[:80].strip()
            found = verify_code(db, key, code, titles, organisation, issuer) if code else None
            body = found.as_dict() if found is not None else {"valid": False, "code": code}
            return JSONResponse(body, headers={"Cache-Control": "no-store"})

    if officer_dependency is None:
        return router
    Officer = Annotated[Any, Depends(officer_dependency)]

    def report_year(request: Request) -> int:
        try:
            return int(request.query_params.get("year", "")) if request.query_params.get("year") else year_now()
        except ValueError:
            raise HTTPException(400, "year must be a number") from None

    @router.get("/{course_id}/report", response_class=HTMLResponse)
    def training_report(course_id: str, request: Request, officer: Officer, db: Db) -> HTMLResponse:
        course = course_or_404(course_id)
        year = report_year(request)
        base, lang = base_of(request), lang_of(request)
        here = f"{base}/{course.id}"
        recs = records.year_records(db, course.id, year)
        return html(render_report(
            course, recs, year, lang=lang, base=base, learner=learner_of(officer),
            csv_url=f"{here}/report.csv?year={year}&lang={lang}",
            xlsx_url=f"{here}/report.xlsx?year={year}&lang={lang}",
            remind_url=f"{here}/remind?year={year}&lang={lang}", form_extras=extras(request),
        ))

    @router.get("/{course_id}/report.csv")
    def training_report_csv(course_id: str, request: Request, officer: Officer, db: Db) -> Response:
        course = course_or_404(course_id)
        year = report_year(request)
        rows = report_rows(course, records.year_records(db, course.id, year), lang_of(request))
        body = csv_text(rows, lang_of(request)).encode("utf-8-sig")
        return Response(body, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="training-{course.id}-{year}.csv"'})

    @router.get("/{course_id}/report.xlsx")
    def training_report_xlsx(course_id: str, request: Request, officer: Officer, db: Db) -> Response:
        course = course_or_404(course_id)
        year = report_year(request)
        rows = report_rows(course, records.year_records(db, course.id, year), lang_of(request))
        return Response(
            xlsx_bytes(rows, lang_of(request), f"{course.id} {year}"),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="training-{course.id}-{year}.xlsx"'},
        )

    @router.post("/{course_id}/remind", dependencies=post_deps)
    async def training_remind(course_id: str, request: Request, officer: Officer, db: Db) -> RedirectResponse:
        course = course_or_404(course_id)
        year = report_year(request)
        form = await request.form()
        users = [str(u) for u in form.getlist("user")]
        records.mark_reminded(db, users, course.id, year)
        return RedirectResponse(f"{base_of(request)}/{course.id}/report?year={year}&lang={lang_of(request)}", 303)

    return router

