"""A new incident's first answers, drafted from what another part of mamori found: a message of the gateway, a
discovery scan report (``mamori scan --format json``) or a letters check (``mamori letters check --json``).

Pure functions from those plain inputs to a :class:`Draft`: the cause, the kinds of data, the number of people and a
title and summary to start from. A draft carries counts, types and labels only: never an address, a name, a file
name, a subject or a problem's detail (they may name people), so nothing personal is copied into the register. What
the finding cannot tell (when it was discovered, whether it was encrypted, an attack) is left to the officer;
``cause`` or ``persons`` is None when the input does not say. :func:`draft_case` turns a draft into the CASE.json
object the register records.

- mail: the cause is e-mail misdelivery when a reason says the recipient may be wrong (:data:`WRONG_RECIPIENT`,
  with Bcc mistakes: ``open_recipient_list``); the data types are those of the attachments (special-care
  information with the sub-kinds its reason names) and the addresses when the list was open; the people are the
  attachments' records (people per file, summed: one person in two files counts twice) plus the external
  addresses visible to each other.
- scan: loss or theft (the scan of a lost device's copy, or of a share); the personal data types counted and the
  estimated records, of the whole report or of one file in it.
- letters: a wrong address (``unknown_recipient``, ``name_mismatch``, ``address_mismatch``,
  ``postal_code_mismatch``) is a letter sent to the wrong person: one person each (name, address); a
  ``foreign_page`` is a wrong enclosure: one person per page of another entry. The cause is the one of more
  letters (a tie goes to the wrong address). Other codes are not a leak by themselves and are only counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mamori.glossary import REASONS, SENSITIVE_LABELS, entity_label
from mamori.incidents.case import CAUSES, DATA_TYPES, SENSITIVE, CaseError, type_label_ja

WRONG_RECIPIENT = frozenset({
    "similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch", "lookalike_domain",
    "open_recipient_list", "unknown_recipient", "recipient_organization_mismatch",
})  # fmt: skip
NOT_PERSONAL = frozenset({"ORGANIZATION", "CORPORATE_NUMBER", "LOCATION"})  # as the discovery inventory counts
LETTER_ADDRESS = frozenset({"unknown_recipient", "name_mismatch", "address_mismatch", "postal_code_mismatch"})
LETTER_ENCLOSURE = frozenset({"foreign_page"})
RELEASED = frozenset({"queued", "sending", "delivered", "bounced"})
STATE_LABELS = {  # as the mail pages name them
    "waiting": ("確認待ち", "waiting for confirmation"), "held": ("保留中", "held"), "queued": ("送信待ち", "queued"),
    "sending": ("送信中", "sending"), "delivered": ("送信済み", "delivered"), "cancelled": ("取り消し", "cancelled"),
    "bounced": ("配送失敗", "bounced"), "rejected": ("拒否", "rejected"),
}  # fmt: skip
_SUB_KIND = re.compile(r"[a-z_]{1,32}")


class DraftError(CaseError):
    """The input is not what the source writes; ``field`` names the part that is wrong."""


@dataclass(frozen=True)
class Draft:
    """The first answers of a new incident. ``notes`` say, in the officer's language, what to check."""

    source: str  # mail, scan, letters
    cause: str | None
    persons: int | None
    data: tuple[str, ...]
    title: str
    summary: str
    event: str = "leak"
    notes: tuple[str, ...] = field(default=())


def _pick(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def _type_label(data_type: str, lang: str) -> str:
    if lang != "en":
        return type_label_ja(data_type)
    if data_type.startswith(SENSITIVE + ":"):
        kind = data_type[len(SENSITIVE) + 1 :]
        return f"special-care information ({SENSITIVE_LABELS.get(kind, (kind, kind))[1]})"
    return entity_label(data_type, "en")


def _types_label(types: Sequence[str], lang: str) -> str:
    return (", " if lang == "en" else "、").join(_type_label(t, lang) for t in types)


def _ordered(types: set[str]) -> tuple[str, ...]:
    return tuple(sorted(types, key=lambda t: (t.startswith(SENSITIVE), t)))


def _data_type(value: object) -> str | None:
    """``value`` when it is a data type the register knows, else None."""
    return value if isinstance(value, str) and value in DATA_TYPES else None


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


# --- mail -------------------------------------------------------------------------------------------------------


def _sensitive_kinds(reasons: Sequence[Mapping[str, Any]]) -> set[str]:
    """The sub-kinds the ``sensitive_pii`` reasons name (their evidence is the file name, then the kinds)."""
    kinds: set[str] = set()
    for r in reasons:
        if r.get("code") != "sensitive_pii":
            continue
        for item in list(r.get("evidence") or [])[1:]:
            kind = str(item).removesuffix(" (file name)")
            if kind == "sensitive":
                kinds.add(SENSITIVE)
            elif _SUB_KIND.fullmatch(kind):
                kinds.add(f"{SENSITIVE}:{kind}")
    return kinds


def from_mail(message_id: str, state: str, reasons: Sequence[Mapping[str, Any]],
              attachments: Sequence[Mapping[str, Any]], groups: Sequence[Mapping[str, Any]],
              lang: str = "ja") -> Draft:
    """The draft of a message of the gateway: its id and state, its stored reasons (``code``, ``evidence``...),
    attachments (``types``, ``records``) and external recipient groups (``recipients`` with ``field``)."""
    codes = [str(r.get("code", "")) for r in reasons if isinstance(r, Mapping)]
    wrong = [c for c in dict.fromkeys(codes) if c in WRONG_RECIPIENT]
    types: set[str] = set()
    persons = 0
    for a in attachments:
        found = {t for t in (_data_type(x) for x in a.get("types") or []) if t and t not in NOT_PERSONAL}
        if found:
            types |= found
            persons += _count(a.get("records"))
    kinds = _sensitive_kinds([r for r in reasons if isinstance(r, Mapping)])
    if kinds:
        types = (types - {SENSITIVE}) | kinds
    visible = sum(1 for g in groups for r in g.get("recipients") or []
                  if str(r.get("field", "")).lower() in ("to", "cc"))  # fmt: skip
    if "open_recipient_list" in codes and visible:
        types.add("EMAIL")
        persons += visible
    data = _ordered(types)
    cause = "email_misdelivery" if wrong else None
    sent = state in RELEASED
    short = message_id[:12]
    title = (_pick(lang, f"メール誤送信 (メール {short})", f"E-mail to the wrong recipient (message {short})") if cause
             else _pick(lang, f"メールの事案 (メール {short})", f"Incident from message {short}"))
    titles = "、".join(REASONS[c].title_ja for c in dict.fromkeys(codes) if c in REASONS)
    titles_en = ", ".join(REASONS[c].title_en for c in dict.fromkeys(codes) if c in REASONS)
    ja_state, en_state = STATE_LABELS.get(state, (state, state))
    parts = [_pick(lang, f"ゲートウェイのメール {message_id} から登録しました (状態: {ja_state})。",
                   f"Opened from the gateway's message {message_id} (state: {en_state}).")]
    if titles:
        parts.append(_pick(lang, f"保留の理由: {titles}。", f"Reasons: {titles_en}."))
    if data:
        parts.append(_pick(lang, f"含まれる情報: {_types_label(data, 'ja')}。",
                           f"Data: {_types_label(data, 'en')}."))
    notes = []
    if not sent:
        notes.append(_pick(lang, "このメールは社外へ送信されていません。漏えいがなければ事案ではありません。",
                           "This message has not left; without a leak there is no incident."))
    if cause is None:
        notes.append(_pick(lang, "宛先の誤りを示す理由がないため、原因は選んでください。",
                           "No reason says the recipient was wrong: choose the cause."))
    if persons:
        notes.append(_pick(lang, "人数は添付ファイルごとの人数の合計です (同じ人が複数のファイルにいれば重複します)。",
                           "People: the sum over the attachments (one person in two files counts twice)."))
    return Draft("mail", cause, persons or None, data, title, " ".join(parts), notes=tuple(notes))


# --- scan -------------------------------------------------------------------------------------------------------


def _mapping(obj: object, name: str) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise DraftError(name, "must be a JSON object", "JSON オブジェクトではありません")
    return obj


def _pick_file(files: Sequence[Any], path: str) -> Mapping[str, Any]:
    entries = [f for f in files if isinstance(f, Mapping) and isinstance(f.get("path"), str)]
    exact = [f for f in entries if f["path"] == path]
    if exact:
        return exact[0]
    tail = path.replace("\\", "/").lstrip("/")
    near = [f for f in entries if f["path"].replace("\\", "/").endswith("/" + tail)]
    if len(near) == 1:
        return near[0]
    if not near:
        raise DraftError("--file", "no file of the report has this path", "レポートにこのパスのファイルはありません")
    raise DraftError("--file", f"{len(near)} files of the report end with this path: give more of it",
                     f"レポートにこのパスで終わるファイルが {len(near)} 件あります。パスを長く指定してください")


def from_scan(report: object, file: str | None = None, lang: str = "ja") -> Draft:
    """The draft of a discovery scan report (``{"summary": ..., "files": [...]}``), or of its file ``file``."""
    report = _mapping(report, "(report)")
    summary = _mapping(report.get("summary"), "summary")
    files = report.get("files")
    if not isinstance(files, list):
        raise DraftError("files", "must be the list of scanned files", "スキャンしたファイルの一覧がありません")
    scope = _pick_file(files, file) if file is not None else summary
    counts = _mapping(scope.get("counts") or {}, "counts")
    personal = {t: _count(n) for t, n in counts.items() if _data_type(t) and t not in NOT_PERSONAL and _count(n)}
    data = _ordered(set(personal))
    persons = _count(scope.get("records"))
    listed = (", " if lang == "en" else "、").join(
        f"{_type_label(t, lang)} {n:,}"
        for t, n in sorted(personal.items(), key=lambda kv: (-kv[1], kv[0])))
    if file is not None:
        title = _pick(lang, "紛失・盗難 (スキャンしたファイル 1 件)", "Loss or theft (one scanned file)")
        parts = [_pick(lang, "ディスカバリースキャンの結果のうち 1 ファイルから登録しました。",
                       "Opened from one file of a discovery scan report.")]
        incomplete, errors = (0, 1) if scope.get("error") else (1 if scope.get("issues") else 0, 0)
    else:
        n_files = _count(summary.get("files"))
        title = _pick(lang, f"紛失・盗難 (スキャン {n_files:,} ファイル)", f"Loss or theft (scan of {n_files:,} files)")
        with_pd = _count(summary.get("files_with_personal_data"))
        parts = [_pick(lang, f"ディスカバリースキャンの結果から登録しました ({n_files:,} ファイル中 "
                             f"{with_pd:,} ファイルに個人情報)。",
                       f"Opened from a discovery scan report ({with_pd:,} of {n_files:,} files hold personal data).")]
        incomplete, errors = _count(summary.get("not_fully_inspected")), _count(summary.get("errors"))
    if listed:
        parts.append(_pick(lang, f"検出件数: {listed}。推定人数 {persons:,} 名。",
                           f"Found: {listed}. About {persons:,} people."))
    notes = [_pick(lang, "原因は紛失・盗難としています。ほかの原因なら選び直してください。",
                   "The cause is set to loss or theft: change it if it was something else.")]
    if incomplete or errors:
        notes.append(_pick(lang, f"最後まで調べられなかったファイルが {incomplete + errors} 件あります。"
                                 "人数と情報の種類は少なめかもしれません。",
                           f"{incomplete + errors} file(s) could not be read to the end: the counts may be low."))
    return Draft("scan", "loss_theft", persons, data, title, " ".join(parts), notes=tuple(notes))


# --- letters ----------------------------------------------------------------------------------------------------


def from_letters(result: object, lang: str = "ja") -> Draft:
    """The draft of a letters check result (``{"run": ..., "letters": [...], "missing": [...]}``)."""
    result = _mapping(result, "(result)")
    letters = result.get("letters")
    if not isinstance(letters, list):
        raise DraftError("letters", "must be the list of checked letters", "確認した封書の一覧がありません")
    address_letters = enclosure_letters = foreign_pages = 0
    others: dict[str, int] = {}
    for i, letter in enumerate(letters):
        letter = _mapping(letter, f"letters[{i}]")
        problems = letter.get("problems") or []
        if not isinstance(problems, list):
            raise DraftError(f"letters[{i}].problems", "must be a list", "リストではありません")
        codes = [str(p.get("code", "")) for p in problems if isinstance(p, Mapping)]
        if LETTER_ADDRESS & set(codes):
            address_letters += 1
        pages = {p.get("page") for p in problems if isinstance(p, Mapping) and p.get("code") in LETTER_ENCLOSURE}
        if pages:
            enclosure_letters += 1
            foreign_pages += len(pages)
        for c in codes:
            if c not in LETTER_ADDRESS and c not in LETTER_ENCLOSURE:
                others[c] = others.get(c, 0) + 1
    persons = address_letters + foreign_pages
    cause: str | None = None
    if address_letters or enclosure_letters:
        cause = "letter_misdelivery" if address_letters >= enclosure_letters else "enclosure_error"
    data = _ordered(({"PERSON", "ADDRESS"} if address_letters else set()) | ({"PERSON"} if foreign_pages else set()))
    if cause == "enclosure_error":
        title = _pick(lang, f"封入ミス ({enclosure_letters} 通)", f"Wrong enclosure ({enclosure_letters} letters)")
    elif cause:
        title = _pick(lang, f"郵便物の誤送付 ({address_letters} 通)",
                      f"Letters to the wrong address ({address_letters})")
    else:
        title = _pick(lang, "郵便物の事案", "Incident with letters")
    parts = [_pick(lang, f"封書の確認結果 ({len(letters)} 通) から登録しました。",
                   f"Opened from a letters check ({len(letters)} letters).")]
    if address_letters:
        parts.append(_pick(lang, f"宛名・住所の誤り {address_letters} 通。",
                           f"Wrong name or address: {address_letters}."))
    if enclosure_letters:
        parts.append(_pick(lang, f"ほかの方の書類の同封 {enclosure_letters} 通 ({foreign_pages} ページ)。",
                           f"Another person's pages enclosed: {enclosure_letters} letters ({foreign_pages} pages)."))
    if others:
        listed = ", ".join(f"{c} {n}" for c, n in sorted(others.items()))
        parts.append(_pick(lang, f"そのほかの指摘: {listed}。", f"Other problems: {listed}."))
    notes = [_pick(lang, "同封書類に書かれた情報 (金額・口座など) は確認結果からはわかりません。種類を足してください。",
                   "What the enclosed pages hold (amounts, accounts...) is not in the check's result: add those "
                   "kinds.")]
    if cause is None:
        notes.append(_pick(lang, "誤送付や封入ミスを示す指摘がありません。原因と人数を答えてください。",
                           "No problem says a letter went wrong: give the cause and the number of people."))
    return Draft("letters", cause, persons or None, data, title, " ".join(parts), notes=tuple(notes))


# --- to the register --------------------------------------------------------------------------------------------


def draft_case(draft: Draft, discovered_on: date, *, cause: str | None = None, event: str | None = None,
               persons: int | None = None) -> dict[str, Any]:
    """The CASE.json object of ``draft`` discovered on ``discovered_on``, with the officer's answers given here
    in place of the draft's; :class:`DraftError` when the cause or the number of people is still unknown."""
    cause = cause or draft.cause
    if cause is None or cause not in CAUSES:
        raise DraftError("cause", "the finding does not say the cause: give --cause",
                         "検出結果から原因がわかりません。--cause で指定してください")
    persons = persons if persons is not None else draft.persons
    if persons is None:
        raise DraftError("persons", "the finding does not say how many people: give --persons",
                         "検出結果から人数がわかりません。--persons で指定してください")
    return {"discovered_on": discovered_on.isoformat(), "event": event or draft.event, "cause": cause,
            "persons": persons, "data": list(draft.data),
            "encryption": {"high_level": False, "key_compromised": False}}


def form_values(draft: Draft, discovered_on: date) -> dict[str, Any]:
    """The new-incident form's answers for ``draft`` (as :func:`mamori.web.incidents_form.form_from_case` gives)."""
    return {"discovered_on": discovered_on.isoformat(), "event": draft.event, "cause": draft.cause or "",
            "persons": draft.persons if draft.persons is not None else "", "data": list(draft.data),
            "encryption": "none", "being_acquired": False, "malicious": False, "recovered_unviewed": False,
            "entrusted": False, "notification_difficult": False}
