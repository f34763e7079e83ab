"""The policy page (``/admin/policy``) and the keywords page (``/admin/keywords``): the ``admin`` role only.

Both edit sections of the live mamori.toml (``config_files``): the policy page the guard's policy, ``[guard]``,
``[detect]`` and ``[gateway]``; the keywords page ``[detect]`` (the ``[[detect.custom]]`` rules, ``deny``,
``deny_type``, ``allow``) with a "try it" box that shows what a sample text would find, masked. A change is first
validated as the gateway would load the whole file — a refusal names the line of the edited text and the key, and
nothing is written — then shown as a diff; saving replaces the file atomically when it is still the one the diff was
made against, reloads the web app's guard at once (the gateway's follows on its next message) and writes one audit
entry ``policy_update`` with the SHA-256 of the file before and after and the diff's lines, masked.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from mamori.store.audit import record
from mamori.web import config_files as cf
from mamori.web.access import require_admin
from mamori.web.accounts import SessionInfo
from mamori.web.admin_text import adt
from mamori.web.render import page
from mamori.web.routes_contacts import cannot_write, reload_guard
from mamori.web.security import Forbidden, check_csrf, form_data, require_session, settings_of

router = APIRouter(include_in_schema=False)

KINDS = {"policy": cf.POLICY_SECTIONS, "keywords": cf.KEYWORD_SECTIONS}
MAX_TEXT = 200_000
MAX_SAMPLE = 20_000
_detectors: dict[Any, Any] = {}  # DetectConfig -> Detector, for the "try it" box (a few at most)
_detectors_lock = threading.Lock()


def _config(request: Request) -> Path:
    path = settings_of(request).config_path
    if path is None or not Path(path).is_file():
        raise Forbidden()
    return Path(path)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _page(request: Request, kind: str, status: int = 200, **context: Any) -> Response:
    lang = request.state.lang
    path = settings_of(request).config_path
    current = _read(Path(path)) if path is not None and Path(path).is_file() else None
    context.setdefault("text", cf.sections_text(current, KINDS[kind]) if current is not None else "")
    context.setdefault("digest", _digest(current) if current is not None else "")
    rules = None
    if kind == "keywords" and current is not None:
        rules = _rules(current)
    return page(
        request,
        "admin_policy.html",
        status,
        adt=lambda key, **v: adt(key, lang, **v),
        kind=kind,
        configured=current is not None,
        rules=rules,
        **context,
    )


def _rules(full: str) -> dict[str, int] | None:
    from mamori.detect.config import DetectConfigError, parse_detect_config

    try:
        cfg = parse_detect_config(full)
    except DetectConfigError:
        return None
    return {"custom": len(cfg.custom), "deny": len(cfg.deny), "allow": len(cfg.allow)}


def _candidate(request: Request, kind: str, form: FormData) -> tuple[str, str, str]:
    """(the file now, the edited sections, the whole file with them) — ConfigError when they cannot be used."""
    path = _config(request)
    current = _read(path)
    edited = str(form.get("text") or "").replace("\r\n", "\n")
    if len(edited) > MAX_TEXT:
        raise cf.ConfigError(f"the text is longer than {MAX_TEXT} characters")
    full, offset = cf.splice(current, edited, KINDS[kind])
    cf.validate(full, path.parent, offset, edited.count("\n") + 1)
    return current, edited, full


def _get(kind: str) -> Any:
    def view(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
        require_admin(info)
        return _page(request, kind)

    return view


def _admitted(request: Request, info: SessionInfo, form: FormData, kind: str) -> tuple[str, str, str] | Response:
    """An administrator's edited text that validates: (current, edited, full file); else the page with the error."""
    require_admin(info)
    check_csrf(form, info)
    edited = str(form.get("text") or "")
    try:
        return _candidate(request, kind, form)
    except cf.ConfigError as exc:
        error = adt("pol.refused", request.state.lang, error=str(exc))
        return _page(request, kind, 400, text=edited, error=error, error_line=exc.line)


def _check(kind: str) -> Any:
    def check(
        request: Request,
        info: Annotated[SessionInfo, Depends(require_session)],
        form: Annotated[FormData, Depends(form_data)],
    ) -> Response:
        admitted = _admitted(request, info, form, kind)
        if isinstance(admitted, Response):
            return admitted
        current, edited, full = admitted
        lang = request.state.lang
        changes = cf.diff(current, full)
        return _page(
            request,
            kind,
            text=edited,
            changes=changes,
            valid=True,
            digest=_digest(current),
            notice=adt("pol.valid" if changes else "pol.no_diff", lang),
        )

    return check


def _save(kind: str) -> Any:
    def save(
        request: Request,
        info: Annotated[SessionInfo, Depends(require_session)],
        form: Annotated[FormData, Depends(form_data)],
    ) -> Response:
        admitted = _admitted(request, info, form, kind)
        if isinstance(admitted, Response):
            return admitted
        current, edited, full = admitted
        lang = request.state.lang
        if not secrets.compare_digest(_digest(current), str(form.get("digest") or "")):
            return _page(
                request,
                kind,
                409,
                text=edited,
                changes=cf.diff(current, full),
                valid=True,
                digest=_digest(current),
                error=adt("pol.changed_meanwhile", lang),
            )
        changes = cf.diff(current, full)
        if not changes:
            return _page(request, kind, notice=adt("pol.no_diff", lang))
        restart = _restart_keys(current, full, _config(request).parent)
        path = _config(request)
        lines = sum(k in ("add", "del") for k, _ in changes)
        try:
            with request.app.state.db.session() as s:  # the entry commits only when the file was written
                record(
                    s,
                    info.account.login,
                    "policy_update",
                    f"config:{path.name}",
                    f"{kind}: {lines} line(s) changed",
                    page=kind,
                    before={"sha256": _digest(current)},
                    after={"sha256": _digest(full)},
                    diff=_masked_diff(changes),
                )
                cf.replace_file(path, full.encode("utf-8"))
        except OSError as exc:
            return cannot_write(request, path, exc, _page, kind)
        reload_guard(request)
        notice = adt("pol.saved", lang)
        if restart:
            notice += " " + adt("pol.gateway_restart", lang, keys=", ".join(restart))
        return _page(request, kind, notice=notice)

    return cf.serialised(save)


_SAFE_KEYS = frozenset({"type", "pattern", "validate", "deny_type", "score", "window", "context"})
_KEY = re.compile(r"^[+-]\s*([\w.-]+)\s*=")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')


def _restart_keys(current: str, full: str, base: Path) -> list[str]:
    """The [gateway] keys this change sets that a running gateway takes only at its next start (``LIVE_KEYS``)."""
    import tomllib

    from mamori.gateway.settings import live_changes, parse_gateway_settings

    try:
        old, new = (tomllib.loads(text) for text in (current, full))
        if "gateway" not in old and "gateway" not in new:
            return []
        return live_changes(parse_gateway_settings(old, base), parse_gateway_settings(new, base))[1]
    except (ValueError, OSError):
        return []


def _masked_diff(changes: list[tuple[str, str]], limit: int = 200) -> list[str]:
    """The changed lines for the audit log, personal values masked: what the detector finds, and every quoted value
    of a list such as ``allow`` or ``deny`` (an allow list may name a person); patterns and type names stay."""
    from mamori.gateway.retention import engine_mask

    out: list[str] = []
    for kind, line in changes:
        if kind not in ("add", "del"):
            continue
        key = _KEY.match(line)
        if key is None or key.group(1) not in _SAFE_KEYS:
            line = _QUOTED.sub(lambda m: '"' + _hide(m.group(1) if m.group(1) is not None else m.group(2)) + '"', line)
        out.append(engine_mask(line))
    return out[:limit]


def _hide(value: str) -> str:
    return value[:1] + "■" * max(0, len(value) - 1) if len(value) > 1 else value


def _detector(cfg: Any) -> Any:
    from mamori.detect.detector import Detector, default_detector

    if not cfg:
        return default_detector()
    with _detectors_lock:
        found = _detectors.get(cfg)
        if found is None:
            if len(_detectors) >= 4:
                _detectors.clear()
            found = _detectors[cfg] = Detector(config=cfg)
    return found


@router.post("/admin/keywords/try")
def keywords_try(
    request: Request,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    """What ``sample`` would find with the edited [detect] settings (not saved): type, masked value, score."""
    from mamori.detect.config import parse_detect_config

    require_admin(info)
    check_csrf(form, info)
    lang = request.state.lang
    edited = str(form.get("text") or "")
    sample = str(form.get("sample") or "")[:MAX_SAMPLE]
    try:
        _, edited, full = _candidate(request, "keywords", form)
    except cf.ConfigError as exc:
        return _page(
            request,
            "keywords",
            400,
            text=edited,
            sample=sample,
            error_line=exc.line,
            error=adt("pol.refused", lang, error=str(exc)),
        )
    findings = _detector(parse_detect_config(full)).detect(sample) if sample.strip() else []
    return _page(
        request,
        "keywords",
        text=edited,
        sample=sample,
        tried=True,
        findings=[(f.type, _label(f.type, lang), f.masked, round(f.score, 2)) for f in findings],
    )


def _label(entity_type: str, lang: str) -> str:
    """The glossary's word for a built-in type; an organisation's own type (EMPLOYEE_ID) by its name."""
    from mamori.glossary import ENTITY_LABELS, entity_label

    return entity_label(entity_type, lang) if entity_type in ENTITY_LABELS else entity_type


for _kind in KINDS:
    router.add_api_route(f"/admin/{_kind}", _get(_kind), methods=["GET"])
    router.add_api_route(f"/admin/{_kind}/check", _check(_kind), methods=["POST"])
    router.add_api_route(f"/admin/{_kind}/save", _save(_kind), methods=["POST"])
