"""The Letters page (``/letters``): upload a print run and its list, or a FAX send list; see the verdict.

Every signed-in role may check (the clerk who prints the run is a ``sender``): ``POST /letters/check`` takes the run
(PDF), its recipients.csv and an optional envelope window, ``POST /letters/fax`` a send list checked against the
organisation's contact directory. The page shows each held letter with its problems in words (the glossary's) and
pictures of the pages with the problem (:mod:`mamori.letters.report`), and hands the HTML report and the JSON over as
downloads with the page itself, so nothing of the files is kept to fetch later. Each check is recorded
(:mod:`mamori.store.letters`) and audited (``letters_check``); the records are listed under the forms, filtered by
date: officers and administrators see everyone's, others their own.

Uploads larger than the limit (``app.state.letters_max_bytes``, :data:`MAX_UPLOAD_BYTES` by default) are refused
before they are read; the check runs in a worker thread, never on the event loop, two at a time at most.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Annotated, Any

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from mamori.glossary import action_label, paper_problem
from mamori.letters.model import Box, window_box
from mamori.store.letters import add_check, list_checks
from mamori.web.accounts import Account, SessionInfo
from mamori.web.body_limit import declared_over, limited
from mamori.web.form_dates import day_field
from mamori.web.letters_check import (
    PICTURED,
    Failure,
    FaxOutcome,
    LettersOutcome,
    check_fax,
    check_letters,
    data_url,
    json_text,
)
from mamori.web.letters_text import lt
from mamori.web.render import page, size_text, zone_for
from mamori.web.security import check_csrf, require_session

router = APIRouter(include_in_schema=False)
log = logging.getLogger("mamori.web.letters")

MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # a run of a few thousand pages exported by a business system fits
RECORDS = 100  # records listed on the page
CHECKS_AT_ONCE = 2  # checks running together (a 2,000-page run peaks near 300 MB); more wait their turn
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def sees_everyone(account: Account) -> bool:
    """Officers and administrators see everyone's records; others their own."""
    return account.role in ("officer", "admin")


async def _in_worker(request: Request, func: Any, *args: Any) -> Any:
    """``func(*args)`` in a worker thread, at most `CHECKS_AT_ONCE` of them at a time (the event loop stays free)."""
    limiter = getattr(request.app.state, "letters_limiter", None)
    if limiter is None:
        limiter = request.app.state.letters_limiter = CapacityLimiter(CHECKS_AT_ONCE)
    return await anyio.to_thread.run_sync(partial(func, *args), limiter=limiter)


def _limit(request: Request) -> int:
    return int(getattr(request.app.state, "letters_max_bytes", None) or MAX_UPLOAD_BYTES)


@dataclass(frozen=True)
class _Filter:
    since: date | None
    until: date | None
    bad_date: bool


def _filter(request: Request) -> _Filter:
    since, bad1 = day_field(request.query_params.get("since", ""))
    until, bad2 = day_field(request.query_params.get("until", ""))
    return _Filter(since, until, bad1 or bad2)


def _records(request: Request, account: Account, f: _Filter) -> list[dict[str, Any]]:
    tz = zone_for(request)
    since = datetime.combine(f.since, time(), tz) if f.since else None
    until = datetime.combine(f.until + timedelta(days=1), time(), tz) if f.until else None
    actor = None if sees_everyone(account) else account.login
    lang = request.state.lang
    rows = []
    for r in list_checks(request.app.state.db, actor, since, until, RECORDS):
        problems = [(code, paper_problem(r.kind, code), n) for code, n in sorted(r.problems.items())]
        rows.append({"row": r, "problems": [(code, p.title_en if lang == "en" else p.title_ja, n)
                                            for code, p, n in problems],
                     "error": _place(r.error, lang)})  # fmt: skip
    return rows


def _place(error: str, lang: str) -> str:
    """A recorded error's place in words: ``run page 3`` -> 印刷 PDF（3 ページ目）."""
    parts = error.split()
    if not parts or parts[0] not in ("run", "list", "sendlist"):
        return error
    where = ""
    if len(parts) == 3 and parts[2].isdigit():
        where = lt("let.where.page" if parts[1] == "page" else "let.where.line", lang, n=int(parts[2]))
    return lt(f"let.error.{parts[0]}", lang) + (f" ({where})" if where else "")


def _page(request: Request, info: SessionInfo, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    f = _filter(request) if request.method == "GET" else _Filter(None, None, False)
    guard = request.app.state.guard
    context.setdefault("letters", None)
    context.setdefault("fax", None)
    context.setdefault("error", None)
    return page(
        request, "letters.html", status, lt=lambda k, **v: lt(k, lang, **v), records=_records(request, info.account, f),
        everyone=sees_everyone(info.account), filter=f, fax_ready=guard is not None,
        limit=size_text(_limit(request)), action_label=action_label, **context,
    )  # fmt: skip


@router.get("/letters")
def letters_page(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    return _page(request, info)


class _TooLarge(Exception):
    pass


async def _form(request: Request, info: SessionInfo) -> FormData | Response:
    """The posted form (CSRF checked), or the page with a clear error when the upload is over the limit."""
    limit = _limit(request)
    try:
        if declared_over(request, limit):
            raise _TooLarge()
        form = await limited(request, limit, _TooLarge).form(max_files=3, max_fields=10)
    except _TooLarge:
        message = lt("let.too_large", request.state.lang, limit=size_text(limit))
        return _error_page(request, info, 413, Failure("upload", 0, "", ""), message)
    check_csrf(form, info)
    return form


def _error_page(request: Request, info: SessionInfo, status: int, failure: Failure, message: str = "") -> Response:
    lang = request.state.lang
    where = ""
    if failure.where:
        key = "let.where.page" if failure.file == "run" else "let.where.line"
        where = lt(key, lang, n=failure.where)
    error = {
        "file": lt(f"let.error.{failure.file}", lang),
        "where": where,
        "message": message or (failure.message_en if lang == "en" else failure.message_ja),
    }
    return _page(request, info, status, error=error)


async def _file(form: FormData, name: str) -> tuple[str, bytes] | None:
    item = form.get(name)
    if not isinstance(item, UploadFile) or not item.filename:
        return None
    data = await item.read()
    return _UNSAFE.sub("", item.filename.replace("\\", "/").rsplit("/", 1)[-1]).strip()[:200] or name, data


@router.post("/letters/check")
async def letters_check(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    form = await _form(request, info)
    if isinstance(form, Response):
        return form
    lang = request.state.lang
    try:
        run, recipients = await _file(form, "run"), await _file(form, "list")
        window_spec = str(form.get("window") or "").strip()
    finally:
        await form.close()  # the spooled upload files are deleted here
    if run is None or recipients is None:
        return _error_page(request, info, 400, Failure("run" if run is None else "list", 0, "", ""),
                           lt("let.missing_file", lang))  # fmt: skip
    box: Box | None = None
    if window_spec:
        try:
            box = window_box(window_spec)
        except ValueError as e:
            en, _, ja = str(e).partition(" / ")
            return _error_page(request, info, 400, Failure("window", 0, en, ja))
    try:
        outcome: LettersOutcome = await _in_worker(request, check_letters, run[1], recipients[1], run[0], box)
    except Exception as exc:  # a fault of the check itself: its type only (a message could quote the letters)
        log.error("letters check failed: %s (run of %d bytes)", type(exc).__name__, len(run[1]))
        return _error_page(request, info, 500, Failure("run", 0, "", ""), lt("let.unexpected", lang))
    del run, recipients
    await run_in_threadpool(add_check, request.app.state.db, outcome.record(info.account.login))
    if outcome.failure is not None:
        return _error_page(request, info, 422, outcome.failure)
    return _page(request, info, letters=_letters_view(outcome, lang))


def _letters_view(outcome: LettersOutcome, lang: str) -> dict[str, Any]:
    result = outcome.result
    assert result is not None
    held = [letter for letter in result.letters if letter.action == "hold"]
    letters = []
    for letter in held:
        pages = str(letter.pages[0]) if len(letter.pages) == 1 else f"{letter.pages[0]}–{letter.pages[-1]}"
        problems = []
        for p in letter.problems:
            words = paper_problem("letters", p.code)
            problems.append({
                "code": p.code, "page": p.page, "title": words.title_en if lang == "en" else words.title_ja,
                "detail": p.detail if lang == "en" else p.detail_ja,
                "explain": words.sentence_en if lang == "en" else words.sentence_ja,
            })  # fmt: skip
        framed = {p.page for p in letter.problems if p.code == "outside_window"}  # the window drawn in blue
        pictures = [(n, src, n in framed) for n, src in outcome.pictures.get(letter.index, [])]
        letters.append({"index": letter.index, "pages": pages, "recipient": letter.recipient, "problems": problems,
                        "pictures": pictures})  # fmt: skip
    stem = outcome.run_name.rsplit(".", 1)[0] or "run"
    return {
        "name": outcome.run_name, "ok": result.ok, "letters": len(result.letters), "pages": outcome.pages,
        "held": letters, "missing": list(result.missing), "more_pictures": len(held) > PICTURED, "pictured": PICTURED,
        "report_url": data_url(outcome.report, "text/html"), "report_name": f"{stem}-report.html",
        "json_url": data_url(json_text(outcome.to_json()), "application/json"), "json_name": f"{stem}-result.json",
    }  # fmt: skip


@router.post("/letters/fax")
async def fax_check(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    form = await _form(request, info)
    if isinstance(form, Response):
        return form
    lang = request.state.lang
    try:
        sendlist = await _file(form, "sendlist")
    finally:
        await form.close()
    if sendlist is None:
        return _error_page(request, info, 400, Failure("sendlist", 0, "", ""), lt("let.missing_file", lang))
    reloader = getattr(request.app.state, "guard_reloader", None)
    if reloader is not None:  # the contacts file changed: check against the new one (as the check API does)
        await run_in_threadpool(reloader.check)
    guard = request.app.state.guard
    if guard is None:
        return _error_page(request, info, 409, Failure("sendlist", 0, "", ""), lt("let.fax.none", lang))
    index = _channel_index(request, guard)
    outcome: FaxOutcome = await _in_worker(request, check_fax, sendlist[1], sendlist[0], index)
    await run_in_threadpool(add_check, request.app.state.db, outcome.record(info.account.login))
    if outcome.failure is not None:
        return _error_page(request, info, 422, outcome.failure)
    return _page(request, info, fax=_fax_view(outcome, lang))


def _channel_index(request: Request, guard: Any) -> Any:
    """The directory's FAX numbers: the guard's channel index (contacts.csv with its fax column)."""
    index = getattr(guard, "channels", None)
    if index is not None:
        return index
    from mamori.guard.channel import channel_index

    return channel_index(guard.directory)


def _fax_view(outcome: FaxOutcome, lang: str) -> dict[str, Any]:
    rows = {r.row: r for r in outcome.rows}
    flagged = []
    for v in outcome.verdicts:
        if v.action == "allow":
            continue
        row = rows[v.row]
        reasons = []
        for r in v.reasons:
            words = paper_problem("fax", r.code)
            reasons.append({"code": r.code, "title": words.title_en if lang == "en" else words.title_ja,
                            "detail": r.detail if lang == "en" else r.detail_ja,
                            "explain": words.sentence_en if lang == "en" else words.sentence_ja})  # fmt: skip
        flagged.append({"row": v.row, "action": v.action, "name": row.name, "organization": row.organization,
                        "fax": row.fax, "reasons": reasons})  # fmt: skip
    stem = outcome.name.rsplit(".", 1)[0] or "sendlist"
    return {
        "name": outcome.name, "rows": len(outcome.verdicts), "flagged": flagged,
        "held": sum(1 for v in outcome.verdicts if v.action == "hold"),
        "confirm": sum(1 for v in outcome.verdicts if v.action == "confirm"),
        "json_url": data_url(json_text(outcome.to_json()), "application/json"), "json_name": f"{stem}-result.json",
    }  # fmt: skip
