"""Decision links (``/l/<token>``): the notice's signed, expiring, single-use link to a message's decision page.

GET shows the message's page with its one decision button and never decides (link scanners fetch every URL);
POST decides, and the link is spent in the decision's own transaction (``hold_queue``: the ``link_used`` audit
entry), so a second use is refused. Both need a login: the token is checked with the signed-in login
(``mamori.gateway.links``), so a link forwarded to anyone else does not verify for them; and the rules are applied
on top, as on the message's own page (``access.can_approve``: never a party to the mail; ``access.is_owner``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from mamori.gateway import links
from mamori.gateway.hold_queue import QueuedMessage
from mamori.gateway.links import Link, LinkError
from mamori.web.access import can_approve, is_owner
from mamori.web.accounts import SessionInfo
from mamori.web.i18n import text
from mamori.web.render import page
from mamori.web.routes_mail import _load, _message_page, decide
from mamori.web.security import Forbidden, form_data, require_session

router = APIRouter(include_in_schema=False)


class _Refused(Exception):
    def __init__(self, code: str, message_id: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.message_id = message_id


def _refused(request: Request, exc: _Refused) -> Response:
    status = 410 if exc.code in ("expired", "spent") else 403
    return page(request, "link_error.html", status, message=text(f"link.{exc.code}", request.state.lang),
                open_url=f"/messages/{exc.message_id}" if exc.message_id else "")


def _resolve(request: Request, token: str, info: SessionInfo) -> tuple[Link, QueuedMessage]:
    """The link (signed for this login, not expired, not spent) and its message, which this person may decide on."""
    db = request.app.state.db
    try:
        link = links.verify(request.app.state.settings.secret_key, token, info.account.login)
    except LinkError as exc:
        raise _Refused(exc.code, exc.message_id) from None
    if links.is_spent(db, link):
        raise _Refused("spent", link.message_id)
    msg = _load(request, info, link.message_id)  # 404 when this person may not see it
    allowed = can_approve(db, info.account, msg) if link.purpose == "approve" else is_owner(info.account, msg)
    if not allowed:
        raise Forbidden()
    return link, msg


@router.get("/l/{token}")
def open_link(request: Request, token: str, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    try:
        _link, msg = _resolve(request, token, info)
    except _Refused as exc:
        return _refused(request, exc)
    return _message_page(request, info, msg, action=f"/l/{token}")


@router.post("/l/{token}")
def use_link(
    request: Request,
    token: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    try:
        link, msg = _resolve(request, token, info)
    except _Refused as exc:
        return _refused(request, exc)
    return decide(request, info, msg, form, as_approver=link.purpose == "approve", spend=link.spent_target,
                  action=f"/l/{token}")
