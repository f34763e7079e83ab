"""The mail pages: my messages, the confirmation page and its actions, the approver queue.

Every state change goes through ``mamori.gateway.hold_queue`` (which writes the audit entry). A message the
user may not see is answered exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from mamori.detect.mask import mask_value
from mamori.gateway import hold_queue, retention, why
from mamori.gateway.cancelling import NOTE_MAX, NoteError, cancel_notice_row, clean_note, notice_settings
from mamori.gateway.hold_queue import QueuedMessage, QueueError
from mamori.gateway.intake import plain_preview
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.store.mail import OPEN_STATES
from mamori.web.access import can_approve, can_view, is_owner, visible_senders
from mamori.web.accounts import SessionInfo
from mamori.web.confirm import build, human_left, missing_acks, seconds_left
from mamori.web.i18n import text
from mamori.web.incstats_text import st
from mamori.web.render import local_time, page, zone_for
from mamori.web.security import Forbidden, NotFound, check_csrf, form_data, require_session

router = APIRouter(include_in_schema=False)  # HTML pages: not part of the API schema

DONE = ("released", "approved", "cancelled", "released_without", "approved_without")
_ID_CHARS = frozenset("0123456789abcdefABCDEF-")


def _mask_text(request: Request, value: str) -> str:
    if not value:
        return value
    from mamori.detect.mask import mask

    guard = request.app.state.guard
    if guard is not None:
        detector = guard.detector
    else:
        from mamori.detect.detector import default_detector

        detector = default_detector()
    return mask(value, detector.detect(value))


def _written_preview(db: Any, msg: QueuedMessage) -> str | None:
    """The first lines of the body as the sender wrote them, from the stored message (None once it is gone)."""
    if not msg.preview or not retention.content_kept(db, msg.id):
        return None
    try:
        return plain_preview(hold_queue.raw(db, msg.id))
    except QueueError:
        return None


def _load(request: Request, info: SessionInfo, message_id: str) -> QueuedMessage:
    if len(message_id) > 64 or not set(message_id) <= _ID_CHARS:
        raise NotFound()
    try:
        msg = hold_queue.get(request.app.state.db, message_id)
    except QueueError as exc:
        raise NotFound() from exc
    if not can_view(request.app.state.db, info.account, msg):
        raise NotFound()
    return msg


def _message_page(
    request: Request,
    info: SessionInfo,
    msg: QueuedMessage,
    *,
    revealed: bool = False,
    status: int = 200,
    error: str = "",
    action: str = "",
    note_draft: str = "",
) -> Response:
    """``action``: where the decision form posts (a decision link's own URL), instead of the message's routes;
    ``note_draft``: the cancel note to show again (one that was refused)."""
    db = request.app.state.db
    lang = request.state.lang
    owner = is_owner(info.account, msg)
    masked = not owner and not revealed
    preview = None if masked else _written_preview(db, msg)
    view = build(msg, lang, masked=masked, mask_text=lambda s: _mask_text(request, s), preview=preview)
    open_ = msg.state in ("waiting", "held")
    approver = can_approve(db, info.account, msg)
    left = seconds_left(msg.deliver_after, utcnow()) if msg.state == "waiting" else None
    done = request.query_params.get("done")
    can_send = owner and open_ and not msg.needs_approval
    return page(
        request,
        "message.html",
        status,
        msg=msg,
        view=view,
        owner=owner,
        revealed=revealed,
        can_send=can_send,
        can_approve=approver and open_,
        # the sender ticks every external recipient and attachment; an approver judges the reasons (no ticks)
        required=view.required if can_send else frozenset(),
        why=why.summary(msg.reasons, lang) if msg.reasons else "",
        form_action=action or f"/messages/{msg.id}/{'send' if can_send else 'approve'}",
        own_needs_approval=owner and open_ and msg.needs_approval,
        can_cancel=(owner or approver) and msg.state in OPEN_STATES,
        can_reveal=not owner and not revealed,
        seconds_left=left,
        left_text=human_left(left, lang) if left is not None else "",
        deliver_time=local_time(msg.deliver_after, zone_for(request), "%H:%M:%S") if msg.deliver_after else "",
        done=done if done in DONE else "",
        error=error,
        content_gone=not msg.is_open and msg.state != "sending" and not retention.content_kept(db, msg.id),
        note_max=NOTE_MAX,
        note_draft=note_draft,
        # the note and the dropped addresses: as written for the sender, masked by the same rule for the others
        cancel_note=_mask_text(request, msg.cancel_note) if masked else msg.cancel_note,
        dropped=[mask_value("EMAIL", a) if masked else a for a in msg.dropped_rcpt],
        # officers: a link to a new incident pre-filled from the findings (routes_incident_drafts)
        open_incident=(st("draft.open", lang), st("draft.open_help", lang)) if info.account.is_officer else None,
    )


def _released(request: Request) -> None:
    """Tell the gateway (when it runs in the same process) to look for due mail now instead of at its next tick."""
    hook = getattr(request.app.state, "on_release", None)
    if hook is not None:
        hook()


def _queue_error(request: Request, exc: QueueError) -> Response:
    if exc.code == "not_found":
        raise NotFound()
    status = 403 if exc.code == "not_allowed" else 409
    message = exc.message_ja if request.state.lang == "ja" else str(exc)
    return page(request, "error.html", status, message=message)


@router.get("/messages")
def my_messages(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    rows = hold_queue.list_messages(request.app.state.db, senders=(info.account.login,), limit=200)
    return page(request, "messages.html", rows=rows, title_key="list.title", intro="", show_sender=False)


@router.get("/queue")
def queue(request: Request, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    if not info.account.is_approver:
        raise Forbidden()
    db = request.app.state.db
    senders = visible_senders(db, info.account)
    everything = request.query_params.get("scope") == "all"  # also what waits for its sender (a separate view)
    rows = hold_queue.list_messages(db, states=("held", "waiting") if everything else ("held",), senders=senders,
                                    limit=500)
    if everything:
        rows.sort(key=lambda m: (not m.needs_approval, -m.received_at.timestamp()))
    else:  # only what waits for an approver (not for its sender's own ticks), and not the approver's own mail
        rows = [m for m in rows if m.needs_approval and can_approve(db, info.account, m)]
    key = "queue.intro_officer" if info.account.is_officer else "queue.intro"
    intro = text(key + ("_all" if everything else ""), request.state.lang)
    masked = {m.id: _mask_text(request, m.subject) for m in rows}  # senders are staff: shown as they are
    return page(request, "messages.html", rows=rows, title_key="queue.title_all" if everything else "queue.title",
                intro=intro, show_sender=True, masked=masked, scope_link=("/queue", "queue.only_approval")
                if everything else ("/queue?scope=all", "queue.show_all"))


@router.get("/messages/{message_id}")
def message(request: Request, message_id: str, info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    return _message_page(request, info, _load(request, info, message_id))


def _acked(
    request: Request, info: SessionInfo, msg: QueuedMessage, form: FormData, drop: str = "", *,
    approver: bool = False, action: str = "",
) -> tuple[Response | None, tuple[str, ...]]:
    """(``None``, addresses to leave out) when the form ticked every external recipient and attachment (but the one
    it leaves out: ``drop``, a suspect recipient's key), else (the page again with a 400, ()). An ``approver`` ticks
    nothing (the ticks are the sender's check); ``drop`` must still name a suspect recipient."""
    view = build(msg, request.state.lang, masked=not is_owner(info.account, msg))
    acks = [a for a in form.getlist("ack") if isinstance(a, str)]
    dropped: tuple[str, ...] = ()
    if drop:
        line = view.line(drop)
        if line is None or not line.suspect:
            error = text("msg.bad_drop", request.state.lang)
            return _message_page(request, info, msg, status=400, error=error, action=action), ()
        dropped = (line.address,)
    if not approver and missing_acks(view, [*acks, drop] if drop else acks):
        key = "msg.need_others" if drop else "msg.need_all"
        return _message_page(request, info, msg, status=400, error=text(key, request.state.lang), action=action), ()
    return None, dropped


def decide(
    request: Request, info: SessionInfo, msg: QueuedMessage, form: FormData, *, as_approver: bool,
    spend: str = "", action: str = "",
) -> Response:
    """Send (the sender, after ticking everything) or approve (an approver of the sender's group, never a party);
    the rules are checked here for every way in (the message's page, a decision link: ``spend``, ``action``)."""
    check_csrf(form, info)
    allowed = can_approve(request.app.state.db, info.account, msg) if as_approver else is_owner(info.account, msg)
    if not allowed:
        raise Forbidden()
    do = form.get("do")
    do = do if isinstance(do, str) else ""
    drop = do.removeprefix("drop:") if do.startswith("drop:") else ""
    refused, dropped = _acked(request, info, msg, form, drop, approver=as_approver, action=action)
    if refused is not None:
        return refused
    bcc = True if do in ("send_bcc", "approve_bcc") else None
    try:
        if as_approver:
            hold_queue.approve(request.app.state.db, msg.id, info.account.login, bcc=bcc, drop=dropped, spend=spend)
        else:
            hold_queue.release(request.app.state.db, msg.id, info.account.login, bcc=bcc, drop=dropped, spend=spend)
    except QueueError as exc:
        return _queue_error(request, exc)
    _released(request)
    done = ("approved" if as_approver else "released") + ("_without" if dropped else "")
    return RedirectResponse(f"/messages/{msg.id}?done={done}", status_code=303)


def _release(request: Request, message_id: str, info: SessionInfo, form: FormData, *, as_approver: bool) -> Response:
    check_csrf(form, info)
    return decide(request, info, _load(request, info, message_id), form, as_approver=as_approver)


@router.post("/messages/{message_id}/send")
def send(
    request: Request,
    message_id: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    return _release(request, message_id, info, form, as_approver=False)


@router.post("/messages/{message_id}/approve")
def approve(
    request: Request,
    message_id: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    return _release(request, message_id, info, form, as_approver=True)


@router.post("/messages/{message_id}/cancel")
def cancel(
    request: Request,
    message_id: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    check_csrf(form, info)
    msg = _load(request, info, message_id)
    owner = is_owner(info.account, msg)
    if not owner and not can_approve(request.app.state.db, info.account, msg):
        raise Forbidden()
    raw_note = form.get("note")
    raw_note = raw_note if isinstance(raw_note, str) else ""
    try:
        note = clean_note(raw_note)
    except NoteError:
        error = text("msg.note_too_long", request.state.lang, max=NOTE_MAX)
        return _message_page(request, info, msg, status=400, error=error, note_draft=raw_note[: NOTE_MAX * 2])
    settings = request.app.state.settings
    notices = notice_settings(settings.config_path, settings.base_url, settings.timezone)
    try:
        hold_queue.cancel(
            request.app.state.db, msg.id, info.account.login,
            "cancelled by the sender" if owner else "cancelled by an approver",
            note=note,
            notice=lambda m, mail_from, actor, n: cancel_notice_row(notices, m, mail_from, actor, n),
            mask=lambda s: _mask_text(request, s),
        )
    except QueueError as exc:
        return _queue_error(request, exc)
    _released(request)  # a notice to the sender is queued: the gateway in this process may send it now
    return RedirectResponse(f"/messages/{msg.id}?done=cancelled", status_code=303)


@router.post("/messages/{message_id}/reveal")
def reveal(
    request: Request,
    message_id: str,
    info: Annotated[SessionInfo, Depends(require_session)],
    form: Annotated[FormData, Depends(form_data)],
) -> Response:
    check_csrf(form, info)
    msg = _load(request, info, message_id)
    if is_owner(info.account, msg):
        return _message_page(request, info, msg)
    with request.app.state.db.session() as s:
        record(s, info.account.login, "reveal", f"mail:{msg.id}",
               "subject, recipients, file names, reasons and preview shown")
    return _message_page(request, info, msg, revealed=True)
