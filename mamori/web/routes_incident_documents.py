"""The documents of an incident, for the privacy officer (``officer``) only; every other role gets 403.

``/incidents/{id}/report.pdf`` and ``report.docx``: the nine items of 規則8条1項 as a document (the same items as the
text and XLSX downloads of :mod:`mamori.web.routes_incidents`). ``/incidents/{id}/notice``: the form for the notice
to the people concerned, where the officer uploads the CSV of the people (氏名, 郵便番号, 住所) and writes what only
the company can say (contact window, measures, secondary harm); posting it downloads the letters (DOCX, one per
person), the people with the notice's fields (CSV) or the public announcement (text). The uploaded list is read in
memory and dropped: it is not stored; the audit log records who made which file for how many people
(:mod:`mamori.incidents.notice_audit`), never a name.
"""

from __future__ import annotations

import tomllib
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from mamori.incidents.notice import NoticeError, Sender, notice_for, publication_text
from mamori.incidents.notice_audit import audit_notice
from mamori.incidents.notice_docx import MAX_LETTERS, notice_docx
from mamori.incidents.people import PeopleError, people_csv, read_people
from mamori.incidents.register import IncidentView
from mamori.incidents.report_formats import MEDIA_TYPES, report_bytes
from mamori.incidents.tasks import today_in
from mamori.store.base import utcnow
from mamori.web.access import require_officer
from mamori.web.accounts import SessionInfo
from mamori.web.incidents_text import it
from mamori.web.render import page, zone_for
from mamori.web.routes_incidents import _view
from mamori.web.security import check_csrf, form_data, require_session

router = APIRouter(include_in_schema=False)

MAX_UPLOAD = 20 * 1024 * 1024  # a list of 100,000 people with long addresses is about 10 MB
DOCX = MEDIA_TYPES["docx"]
FIELDS = ("company", "signer", "reader", "details", "measures", "harm", "contact")

NOTICE_TEXT: dict[str, tuple[str, str]] = {
    "title": ("本人への通知文と公表文 — 事案 {id}", "Notice to the individuals and announcement — incident {id}"),
    "intro": (
        "対象となった方への通知文 (規則10条: 概要、情報の項目、原因、二次被害、その他) を、事案の記録から作ります。"
        "記録からわからないこと (窓口、当社の対応、二次被害の有無) を書き、対象者の一覧 (CSV) を選んでください。"
        "一覧はこの場で読むだけで、保存しません。",
        "The notice to the people concerned (Rules Art. 10: outline, data, cause, secondary harm, other) is written "
        "from the incident's record. Write what the record cannot tell (contact window, measures, secondary harm) "
        "and choose the list of people (CSV). The list is only read, never stored.",
    ),
    "people": ("対象者の一覧 (CSV)", "The people concerned (CSV)"),
    "people_hint": (
        "見出し行に 氏名・郵便番号・住所 (任意で 住所2・会社名・敬称・番号) の列。Excel の「CSV (コンマ区切り)」"
        "(Shift_JIS) でも UTF-8 でも読めます。ほかの列は使いません。公表文だけなら不要です。1回に{max}人まで。",
        "A header row with name, postal_code, address (optionally address2, organization, honorific, id), or "
        "氏名・郵便番号・住所. Shift_JIS (Excel's CSV) or UTF-8. Other columns are ignored. Not needed for the "
        "announcement alone. Up to {max} people at once.",
    ),
    "company": ("会社名", "Company"),
    "signer": ("差出人 (例: 代表取締役 山田 太郎)", "Signed by (e.g. 代表取締役 山田 太郎)"),
    "reader": ("読み手の呼び方", "How the reader is called"),
    "details": ("発生した事態の補足 (任意。読み手向けの言葉で)", "More on what happened (optional, for the reader)"),
    "measures": ("当社の対応 (必須)", "What the company does (required)"),
    "measures_hint": ("例: 誤送信先に連絡し、メールを削除したとの回答を得ました。", "e.g. the wrong recipient "
                      "confirmed the mail was deleted."),
    "harm": ("二次被害の有無 (必須)", "Secondary harm (required)"),
    "harm_hint": ("例: 現時点で、本件による二次被害は確認されていません。", "e.g. none known at this time."),
    "contact": ("お問い合わせ窓口 (必須)", "Contact window (required)"),
    "contact_hint": ("部署名・電話番号・受付時間・メールアドレスなど", "Department, telephone, hours, e-mail"),
    "docx": ("通知文 (Word)", "Letters (Word)"),
    "csv": ("対象者 CSV", "People CSV"),
    "publication": ("公表文 (テキスト)", "Announcement (text)"),
    "why": (
        "「通知文 (Word)」は1人1ページの完成した文書です (差し込み印刷の設定なしで、そのまま確認・印刷できます)。"
        "宛名は三つ折りで長形3号の窓付き封筒の窓に出る位置の目安です (封筒により違うので、まず1通お試し"
        "ください)。「対象者 CSV」は宛名と通知文の各項目を1人1行に並べたもので、Word の差し込み印刷や印刷会社への"
        "依頼に使えます (UTF-8、BOM つき)。「公表文」は自社サイトなどに載せる文です。",
        "“Letters (Word)” holds the finished letters, one a page (no mail-merge set-up: check and print). The "
        "address sits roughly where a 長形3号 window envelope shows it (windows differ: try one first). “People "
        "CSV” has the address and every field of the notice, one person a row, for Word's mail merge or a printing "
        "company (UTF-8 with BOM). The announcement is for the company's site.",
    ),
    "no_people": ("対象者の一覧 (CSV) を選んでください。", "Choose the list of people (CSV)."),
    "too_many": ("通知文は1回に{max}人までです。一覧を分けるか、CSV を使ってください。",
                 "At most {max} letters at once: split the list or use the CSV."),
    "back": ("事案に戻る", "Back to the incident"),
}


def nt(key: str, lang: str, **values: object) -> str:
    """The notice page's string for ``key`` in ``lang``."""
    ja, en = NOTICE_TEXT[key]
    s = en if lang == "en" else ja
    return s.format(**values) if values else s


def _organization_name(request: Request) -> str:
    path = getattr(request.app.state.settings, "config_path", None)
    if path is None or not path.is_file():
        return ""
    try:
        org = tomllib.loads(path.read_bytes().decode("utf-8-sig")).get("organization", {})
    except (ValueError, UnicodeDecodeError, OSError):
        return ""
    name = org.get("name", "") if isinstance(org, dict) else ""
    return name if isinstance(name, str) else ""


def _download(body: bytes, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                     "Cache-Control": "no-store"})


def _report(request: Request, incident_id: int, fmt: str) -> Response:
    view = _view(request, incident_id)
    body = report_bytes(view, fmt, today_in(utcnow(), zone_for(request)))
    return _download(body, MEDIA_TYPES[fmt], f"incident-{view.id}-report.{fmt}")


@router.get("/incidents/{incident_id}/report.pdf")
def incidents_report_pdf(request: Request, incident_id: int,
                         info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    """The nine items of 規則8条1項 as a PDF document (a download)."""
    require_officer(info)
    return _report(request, incident_id, "pdf")


@router.get("/incidents/{incident_id}/report.docx")
def incidents_report_docx(request: Request, incident_id: int,
                          info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    """The nine items of 規則8条1項 as a Word document (a download)."""
    require_officer(info)
    return _report(request, incident_id, "docx")


def _notice_page(request: Request, view: IncidentView, values: dict[str, str], status: int = 200,
                 error: str = "") -> Response:
    lang = request.state.lang
    return page(request, "incident_notice.html", status, view=view, values=values, error=error,
                nt=lambda k, **v: nt(k, lang, **v), it=lambda k, **v: it(k, lang, **v), max_letters=MAX_LETTERS)


@router.get("/incidents/{incident_id}/notice")
def incidents_notice_form(request: Request, incident_id: int,
                          info: Annotated[SessionInfo, Depends(require_session)]) -> Response:
    require_officer(info)
    view = _view(request, incident_id)
    values = dict.fromkeys(FIELDS, "") | {"company": _organization_name(request), "reader": "お客様"}
    return _notice_page(request, view, values)


@router.post("/incidents/{incident_id}/notice")
def incidents_notice(request: Request, incident_id: int, info: Annotated[SessionInfo, Depends(require_session)],
                     form: Annotated[FormData, Depends(form_data)]) -> Response:
    """The letters (DOCX), the people with the notice's fields (CSV) or the announcement (text), by ``format``."""
    require_officer(info)
    check_csrf(form, info)
    lang = request.state.lang
    view = _view(request, incident_id)
    values = {k: str(form.get(k) or "") for k in FIELDS}
    fmt = str(form.get("format") or "docx")
    sender = Sender(company=values["company"], contact=values["contact"], measures=values["measures"],
                    harm=values["harm"], signer=values["signer"], details=values["details"], reader=values["reader"])
    today = today_in(utcnow(), zone_for(request))
    try:
        notice = notice_for(view.case, sender, today)
        if fmt == "publication":
            audit_notice(request.app.state.db, view.id, info.account.login, ["publication"], 0)
            return _download(publication_text(view.case, sender, today).encode("utf-8"),
                             "text/plain; charset=utf-8", f"incident-{view.id}-publication.txt")
        upload = form.get("people")
        data = upload.file.read(MAX_UPLOAD + 1) if isinstance(upload, UploadFile) else b""
        if not data:
            return _notice_page(request, view, values, 400, nt("no_people", lang))
        if len(data) > MAX_UPLOAD:
            return _notice_page(request, view, values, 400, nt("too_many", lang, max=f"{MAX_LETTERS:,}"))
        people = read_people(data)
    except (NoticeError, PeopleError) as e:
        return _notice_page(request, view, values, 400, e.message_ja if lang != "en" else str(e))
    if fmt == "csv":
        audit_notice(request.app.state.db, view.id, info.account.login, ["csv"], len(people))
        return _download(people_csv(people, notice), "text/csv; charset=utf-8", f"incident-{view.id}-notice.csv")
    if len(people) > MAX_LETTERS:
        return _notice_page(request, view, values, 400, nt("too_many", lang, max=f"{MAX_LETTERS:,}"))
    body = notice_docx(people, notice)
    audit_notice(request.app.state.db, view.id, info.account.login, ["docx"], len(people))
    return _download(body, DOCX, f"incident-{view.id}-notice.docx")
