"""The check API: ``POST /api/v1/check`` asks the guard about a message before a chat tool, CRM or script sends it.

The same judge, policy, directory and history as for mail (``request.app.state.guard``: .policy, .directory,
.history, .detector, and optionally .channels, a `mamori.guard.channel.ChannelIndex` with the contacts' FAX numbers
and chat handles). Each integration has its own token (``Authorization: Bearer``; `mamori tokens create NAME`).

Errors are JSON: ``{"detail": {"code", "message", "message_ja"}}`` for 401 (no or bad token), 413 (request or an
attachment too large), 503 (no guard configured); 422 is FastAPI's validation error list (type, loc, msg, and msg_ja
in Japanese; msg too when Accept-Language prefers Japanese: ``api_errors``; the input is not echoed). The route
class answers them itself, so an app's HTML error pages never replace them. Logs hold the token name, the channel,
the action, reason codes and counts: never text, names or addresses.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Security
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from mamori.web.api_errors import localised
from mamori.web.api_models import (
    AttachmentOut,
    CheckRequest,
    CheckResponse,
    ErrorOut,
    GroupedRecipientOut,
    HealthOut,
    OrgGroupOut,
    ReasonOut,
    ResolutionOut,
)
from mamori.web.body_limit import declared_over, limited

log = logging.getLogger("mamori.api")


@dataclass(frozen=True, slots=True)
class ApiLimits:
    """Size limits; an app may set ``app.state.check_api_limits`` to other values."""

    max_request_bytes: int = 40 * 1024 * 1024  # the JSON body (base64 makes files a third larger)
    max_attachment_bytes: int = 10 * 1024 * 1024  # one decoded attachment
    max_total_attachment_bytes: int = 25 * 1024 * 1024  # all decoded attachments together


DEFAULT_LIMITS = ApiLimits()


class ApiError(Exception):
    """An error answered as ``{"detail": {"code", "message", "message_ja"}}`` with its status."""

    def __init__(self, status: int, code: str, message: str, message_ja: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.message_ja, self.headers = status, code, message, message_ja, headers

    def response(self) -> JSONResponse:
        body = {"detail": {"code": self.code, "message": self.message, "message_ja": self.message_ja}}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def _limits(request: Request) -> ApiLimits:
    return getattr(request.app.state, "check_api_limits", None) or DEFAULT_LIMITS


def _too_large(limit: int, what: str = "request body", what_ja: str = "リクエスト") -> ApiError:
    return ApiError(
        413,
        "too_large",
        f"The {what} is larger than {limit} bytes.",
        f"{what_ja}が大きすぎます（上限 {limit} バイト）。",
    )


class ApiRoute(APIRoute):
    """Refuses a body over the size limit before it is read (413), and answers API errors as JSON itself."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            limit = _limits(request).max_request_bytes
            try:
                if declared_over(request, limit):
                    raise _too_large(limit)
                if request.method in ("POST", "PUT", "PATCH"):
                    request = limited(request, limit, lambda: _too_large(limit))
                return await original(request)
            except ApiError as exc:
                return exc.response()
            except RequestValidationError as exc:  # FastAPI's list, without echoing the input (it may be personal)
                errors = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in exc.errors()]
                errors = localised(errors, request.headers.get("accept-language"))
                return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
            except HTTPException as exc:  # FastAPI's 400 for a body it could not read or decode
                if isinstance(exc.__cause__, ApiError):  # the body stopped at the size limit
                    return exc.__cause__.response()
                if exc.status_code == 400:  # e.g. bytes that are not UTF-8: a validation error like bad JSON
                    unreadable = localised([_UNREADABLE], request.headers.get("accept-language"))
                    return JSONResponse({"detail": unreadable}, status_code=422)
                raise

        return handler


_UNREADABLE = {"type": "json_invalid", "loc": ["body"], "msg": "The body is not JSON in UTF-8", "input": None}


router = APIRouter(prefix="/api/v1", tags=["check API"], route_class=ApiRoute)
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token of this integration: `mamori tokens create NAME` prints it once.",
)
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No token, or a token that is unknown or revoked"},
    413: {"model": ErrorOut, "description": "The request or an attachment is over the size limit"},
    503: {"model": ErrorOut, "description": "The guard is not configured (no [organization] in mamori.toml)"},
}


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
) -> Any:
    """The integration's token (a `TokenInfo`); 401 with a JSON error when missing, unknown or revoked."""
    from mamori.store.api_tokens import verify_token

    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise ApiError(
            401,
            "unauthorized",
            "Send an API token: Authorization: Bearer <token> (mamori tokens create NAME).",
            "API トークンを Authorization: Bearer <トークン> で送ってください（mamori tokens create NAME で作成）。",
            challenge,
        )
    info = verify_token(request.app.state.db, credentials.credentials)
    if info is None:
        raise ApiError(
            401,
            "unauthorized",
            "The API token is unknown or revoked.",
            "API トークンが無効です（存在しないか、失効しています）。",
            challenge,
        )
    return info


@router.get("/health", response_model=HealthOut, summary="Is the API up, and is the guard configured?")
def health(request: Request) -> HealthOut:
    """No token needed; says nothing but whether a guard (policy, directory, history) is loaded."""
    ready = getattr(request.app.state, "guard", None) is not None
    return HealthOut(status="ok" if ready else "no_guard", guard=ready)


@router.post(
    "/check",
    response_model=CheckResponse,
    responses=ERRORS,
    summary="Judge a message (e-mail, chat or FAX) before it is sent",
)
def check(body: CheckRequest, request: Request, token: Annotated[Any, Depends(require_token)]) -> CheckResponse:
    """The guard's verdict on the message: the same judge, policy, directory and history as for mail.

    ``allow``: send. ``confirm``: show the recipients (grouped by organisation) and reasons; send when the user has
    ticked each. ``hold``: a likely mistake (a recipient of the same surname at another company, a file for another
    customer...): do not send as is. ``block``: the policy forbids it.
    """
    from mamori.guard.attachments import analyse_attachment
    from mamori.guard.channel import ChannelMessage, ChannelRecipient, Party, judge_channel
    from mamori.guard.engine import analyse_body

    reloader = getattr(request.app.state, "guard_reloader", None)
    if reloader is not None:  # a contacts or policy file changed: use it now (mamori.guard.reload)
        reloader.check()
    guard = getattr(request.app.state, "guard", None)
    if guard is None:
        raise ApiError(
            503,
            "no_guard",
            "The guard is not configured: mamori.toml needs [organization] internal_domains (and [guard] contacts, "
            "history).",
            "ガードが設定されていません。mamori.toml に [organization] internal_domains（と [guard] の contacts・"
            "history）を設定してください。",
        )
    limits = _limits(request)
    files: list[bytes] = []
    for a in body.attachments:
        data = base64.b64decode(a.content_base64, validate=True)
        if len(data) > limits.max_attachment_bytes:
            raise _too_large(limits.max_attachment_bytes, f"attachment {a.filename}", f"添付ファイル {a.filename} ")
        files.append(data)
    if sum(len(f) for f in files) > limits.max_total_attachment_bytes:
        raise _too_large(limits.max_total_attachment_bytes, "attachments together", "添付ファイルの合計")
    detector = getattr(guard, "detector", None)
    if detector is None:
        from mamori.detect.detector import default_detector

        detector = default_detector()
    analysed = tuple(
        analyse_attachment(data, a.filename, detector, a.content_type)
        for a, data in zip(body.attachments, files, strict=True)
    )
    message = ChannelMessage(
        body.channel,
        Party(body.sender.address or "", body.sender.handle or "", body.sender.name),
        tuple(
            ChannelRecipient(
                r.name,
                r.organization,
                getattr(r, "address", None) or "",
                getattr(r, "handle", None) or "",
                getattr(r, "fax", None) or "",
                r.field,
            )
            for r in body.recipients
        ),
        body.subject,
        body.text,
        analysed,
    )
    body_info = analyse_body(body.text, detector)
    result = judge_channel(message, guard.policy, _index(request, guard), guard.history, body_info)
    verdict = result.verdict
    log.info(
        "check api=%s channel=%s action=%s codes=%s recipients=%d attachments=%d",
        token.name,
        body.channel,
        verdict.action,
        ",".join(sorted({r.code for r in verdict.reasons})),
        len(body.recipients),
        len(body.attachments),
    )
    return render(body.channel, result, [len(f) for f in files])


def _index(request: Request, guard: Any) -> Any:
    """The guard's channel index (FAX numbers, handles) if it has one, else one built from its directory, cached."""
    index = getattr(guard, "channels", None)
    if index is not None:
        return index
    from mamori.guard.channel import channel_index

    cached = getattr(request.app.state, "check_api_index", None)
    if cached is not None and cached[0] is guard.directory:
        return cached[1]
    index = channel_index(guard.directory)
    request.app.state.check_api_index = (guard.directory, index)
    return index


def render(channel: str, result: Any, sizes: list[int]) -> CheckResponse:
    """The response for a `ChannelVerdict`: masked throughout; placeholders shown by their labels."""
    from mamori.detect.mask import mask_value
    from mamori.guard.checks import PERSONAL_TYPES
    from mamori.guard.model import FIELD_LABELS

    verdict = result.verdict
    resolved = {}
    for res in result.resolutions:
        resolved.setdefault(res.address, res)
    groups = []
    for g in verdict.external_groups:
        members = []
        for gr in g.recipients:
            res = resolved.get(gr.address)
            masked = None if res is not None and res.placeholder else mask_value("EMAIL", gr.address)
            members.append(
                GroupedRecipientOut(
                    address=masked,
                    label=res.label if res is not None else masked or "",
                    name=mask_value("PERSON", gr.name) if gr.name else "",
                    field=FIELD_LABELS.get(gr.field, "To"),  # type: ignore[arg-type]
                    first_time=gr.first_time,
                )
            )
        org = result.organization_shown(g.organization)
        groups.append(OrgGroupOut(organization=org, known=g.known, recipients=members))
    return CheckResponse(
        channel=channel,  # type: ignore[arg-type]
        action=verdict.action,
        reasons=[
            ReasonOut(
                code=r.code,
                severity=r.severity,
                detail=r.detail,
                detail_ja=r.detail_ja or r.detail,
                evidence=list(r.evidence),
            )
            for r in verdict.reasons
        ],
        external_recipients=groups,
        recipients=[
            ResolutionOut(
                index=res.index,
                status=res.status,
                matched_by=res.matched_by,
                organization=res.organization,
                internal=res.internal,
                label=res.label,
            )
            for res in result.resolutions
        ],
        sender_known=result.sender_known,
        attachments=[
            AttachmentOut(
                filename=a.filename,
                size=size,
                records=a.records,
                types=sorted(t for t in a.types if t in PERSONAL_TYPES),
                issues=sorted(set(a.issues)),
            )
            for a, size in zip(result.message.attachments, sizes, strict=True)
        ],
    )
