"""The contacts page (``/admin/contacts``, the ``admin`` role only): search, edit one, upload a CSV with a preview.

Where the live list lives: the CSV file ``[guard] contacts`` of mamori.toml names, replaced atomically on every
change (``mamori.web.contacts_admin``); the web app's own guard is reloaded at once, the gateway's on its next
message (``mamori.guard.reload``). The upload is stateless like the account import: the preview carries the file
back (base64) with the digest of the live file it was compared with; applying refuses when the live file changed
in between. Each change is one audit entry with counts and masked values (``contacts_import``, ``contact_update``,
``contact_add``, ``contact_remove``).
"""

from __future__ import annotations

import base64
import binascii
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from mamori.guard.inputs import guard_paths
from mamori.store.audit import record
from mamori.web import contacts_admin as ca
from mamori.web.access import require_admin
from mamori.web.accounts import SessionInfo
from mamori.web.admin_text import adt
from mamori.web.config_files import serialised
from mamori.web.render import page
from mamori.web.security import Forbidden, check_csrf, form_data, require_session, settings_of

router = APIRouter(include_in_schema=False)


def reload_guard(request: Request) -> None:
    """Make the web app's own guard (the check API's) use the changed files now."""
    reloader = getattr(request.app.state, "guard_reloader", None)
    if reloader is not None:
        reloader.reload()


def cannot_write(request: Request, path: Path, exc: OSError, render: Any, *args: Any) -> Response:
    """The page again with why the file could not be written (nothing changed, nothing audited)."""
    error = adt("adm.cannot_write", request.state.lang, name=path.name, error=exc.strerror or type(exc).__name__)
    return render(request, *args, 503, error=error)


def contacts_path(request: Request) -> Path | None:
    config = settings_of(request).config_path
    if config is None or not Path(config).is_file():
        return None
    try:
        return guard_paths(config)[0]
    except (OSError, ValueError):
        return None


def _page(request: Request, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    path = contacts_path(request)
    vcard = path is not None and path.suffix.lower() in (".vcf", ".vcard")
    live = ca.read_live(path) if path is not None and not vcard else ca.Parsed()
    query = request.query_params.get("q", "") if request.method == "GET" else ""
    rows = ca.search(live.rows, query)
    return page(
        request,
        "admin_contacts.html",
        status,
        adt=lambda key, **v: adt(key, lang, **v),
        path=path,
        vcard=vcard,
        count=len(live.rows),
        rows=rows,
        query=query,
        columns=live.columns or ca.COLUMNS[:4],
        **context,
    )


def _usable(request: Request) -> Path:
    path = contacts_path(request)
    if path is None or path.suffix.lower() in (".vcf", ".vcard"):
        raise Forbidden()  # the page explains; a POST without a usable file changes nothing
    return path


@router.get("/admin/contacts")
def contacts(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_admin(info)
    return _page(request)


def _preview(request: Request, path: Path, data: bytes, status: int = 200, notice: str = "") -> Response:
    lang = request.state.lang
    parsed = ca.parse_upload(data)
    if parsed.errors:
        return _page(
            request,
            400,
            errors=[e.text(lang) for e in parsed.errors[:200]],
            more_errors=max(0, len(parsed.errors) - 200),
        )
    result = ca.plan(ca.read_live(path), parsed, ca.file_digest(path))
    return _page(
        request,
        status,
        plan=result,
        notice=notice,
        summary=_summary(result, lang),
        content=base64.b64encode(data).decode("ascii"),
    )


def _summary(p: ca.Plan, lang: str) -> str:
    return adt("adm.summary", lang, before=p.total_before, after=p.total_after, **p.counts())


@router.post("/admin/contacts/upload")
def upload(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    path = _usable(request)
    file = form.get("file")
    data = file.file.read(ca.MAX_BYTES + 1) if isinstance(file, UploadFile) else b""
    return _preview(request, path, data)


@router.post("/admin/contacts/apply")
@serialised
def apply(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    path = _usable(request)
    try:
        data = base64.b64decode(str(form.get("content") or ""), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    parsed = ca.parse_upload(data)
    if parsed.errors:
        return _preview(request, path, data, 400)
    if not secrets.compare_digest(ca.file_digest(path), str(form.get("digest") or "")):
        return _preview(request, path, data, 409, notice=adt("adm.changed_meanwhile", lang))
    result = ca.plan(ca.read_live(path), parsed, ca.file_digest(path))
    try:
        with request.app.state.db.session() as s:  # the entry commits only when the file was written
            record(
                s, info.account.login, "contacts_import", "contacts", _summary(result, "en"), **ca.audit_summary(result)
            )
            ca.write(path, parsed.rows, parsed.columns)
    except OSError as exc:
        return cannot_write(request, path, exc, _page)
    reload_guard(request)
    return _page(request, notice=adt("adm.applied", lang, summary=_summary(result, lang)))


@router.get("/admin/contacts/edit")
def edit_form(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_admin(info)
    path = _usable(request)
    email = request.query_params.get("email", "").strip().lower()
    live = ca.read_live(path)
    row = next((r for r in live.rows if r["email"] == email), None) if email else {}
    if row is None:
        return _page(request, 404, error=adt("adm.not_found", request.state.lang))
    return _page(request, edit=row, original=email)


@router.post("/admin/contacts/edit")
@serialised
def edit(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    """Change one contact (``original`` = its address; empty: add one), or remove it (``remove=1``)."""
    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    path = _usable(request)
    live = ca.read_live(path)
    original = str(form.get("original") or "").strip().lower()
    index = next((i for i, r in enumerate(live.rows) if r["email"] == original), None) if original else None
    if original and index is None:
        return _page(request, 404, error=adt("adm.not_found", lang))
    columns = tuple(c for c in ca.COLUMNS if c in live.columns or str(form.get(c) or "").strip())
    rows = [dict(r) for r in live.rows]
    before = rows[index] if index is not None else None
    if form.get("remove") == "1" and index is not None:
        del rows[index]
        after = None
    else:
        after = {c: str(form.get(c) or "").strip() for c in columns}
        if index is None:
            rows.append(after)
        else:
            rows[index] = after
    check = ca.parse_upload(ca.to_csv(rows, columns))
    if check.errors:
        target = (index if index is not None else len(rows) - 1) + 2  # the edited row's line in the file
        mine = [e for e in check.errors if e.row == target] or check.errors
        return _page(
            request, 400, edit=after or before or {}, original=original, errors=[e.message(lang) for e in mine[:5]]
        )
    action = "contact_remove" if after is None else ("contact_add" if before is None else "contact_update")
    changed = sorted(c for c in columns if (before or {}).get(c, "") != (after or {}).get(c, ""))
    target = f"contact:{ca.masked_address((after or before or {}).get('email', ''))}"
    try:
        with request.app.state.db.session() as s:  # the entry commits only when the file was written
            record(
                s,
                info.account.login,
                action,
                target,
                ", ".join(changed),
                before=ca.masked_row(before),
                after=ca.masked_row(after),
                columns=changed,
            )
            ca.write(path, check.rows, check.columns)
    except OSError as exc:
        return cannot_write(request, path, exc, _page)
    reload_guard(request)
    email = (after or before or {}).get("email", "")
    return _page(request, notice=adt("adm.removed_one" if after is None else "adm.saved", lang, email=email))
