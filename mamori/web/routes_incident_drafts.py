"""Opening a new incident from a message of the gateway, for the privacy officer (``officer``) only.

``/incidents/from-mail/{message_id}`` shows the new-incident form with the answers drafted from the message's stored
findings (:func:`mamori.incidents.draft.from_mail`: the cause when a reason says the recipient was wrong, the kinds
of data, the number of people) and the notes of what to check; the officer corrects them and records the incident
through the ordinary ``POST /incidents/new``. Only counts, types and reason labels reach the form, never the
message's subject, addresses or file names. A message the officer may not see is answered as one that does not
exist. The mail detail page links here (routes_mail).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from mamori.gateway import hold_queue
from mamori.gateway.hold_queue import QueueError
from mamori.incidents.draft import form_values, from_mail
from mamori.incidents.tasks import today_in
from mamori.store.base import utcnow
from mamori.web.access import can_view, require_officer
from mamori.web.accounts import SessionInfo
from mamori.web.incstats_text import st
from mamori.web.render import zone_for
from mamori.web.routes_incidents import form_page
from mamori.web.security import NotFound, require_session

router = APIRouter(include_in_schema=False)

_ID_CHARS = frozenset("0123456789abcdefABCDEF-")


@router.get("/incidents/from-mail/{message_id}")
def from_mail_form(request: Request, message_id: str,
                   info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    if len(message_id) > 64 or not set(message_id) <= _ID_CHARS:
        raise NotFound()
    db = request.app.state.db
    try:
        msg = hold_queue.get(db, message_id)
    except QueueError:
        raise NotFound() from None
    if not can_view(db, info.account, msg):
        raise NotFound()
    lang = request.state.lang
    draft = from_mail(msg.id, msg.state, msg.reasons, msg.attachments, msg.groups, lang=lang)
    today = today_in(utcnow(), zone_for(request))
    return form_page(request, values=form_values(draft, today), title=draft.title, summary=draft.summary,
                     notes=(st("draft.from_mail", lang), *draft.notes))
