"""The nine items of 施行規則8条1項 filled from the register, as plain text to paste into the PPC's online form.

:func:`report_text` is pure: it reads an incident as the register keeps it (facts, latest decision, the officer's
summary, the tasks' state) and writes each item with what the record knows; what only the officer can say (二次被害,
再発防止策) is left as a marked blank, never guessed. The report may hold only what is known at the time
(規則8条1項柱書「報告をしようとする時点において把握しているものに限る」). :func:`report_items` gives the items
for other forms (the workbook of :mod:`mamori.incidents.report_xlsx`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from mamori.incidents.case import CAUSE_LABELS_JA, EVENT_LABELS_JA, type_label_ja
from mamori.incidents.explain import CATEGORY_ITEM, CATEGORY_SHORT

BLANK = "(記入してください)"


class _Task(Protocol):
    kind: str
    required: bool
    done_at: Any


def _state(tasks: Iterable[_Task], kind: str, done: str, todo: str, none: str) -> str:
    for t in tasks:
        if t.kind == kind and t.required:
            return done if t.done_at is not None else todo
    return none


def japanese_date(day: date) -> str:
    """``2026年12月7日``: a date as a Japanese document writes it (the report's 作成日, the notice's date)."""
    return f"{day.year}年{day.month}月{day.day}日"


TITLE = "個人情報保護委員会への報告 (施行規則8条1項)"
TITLE_PRINCIPAL = "委託元への通知 (施行規則9条: 8条1項の事項)"
STAGES = ("preliminary", "final")
STAGE_TITLES = {"preliminary": "個人情報保護委員会への報告 — 速報 (施行規則8条1項)",
                "final": "個人情報保護委員会への報告 — 確報 (施行規則8条2項)"}


def report_stage(tasks: Iterable[_Task]) -> str:
    """Which report is due next: ``final`` (確報) once a required preliminary report (速報) is done, else
    ``preliminary``."""
    done = any(t.kind == "preliminary" and t.required and t.done_at is not None for t in tasks)
    return "final" if done else "preliminary"


def report_title(decision: dict[str, Any], stage: str | None = None) -> str:
    """The document's title: the report to the PPC (named 速報 or 確報 when ``stage`` is given), or, for data held for
    a principal (``report_to: "principal"``), the notice of the same items to the principal (法26条1項ただし書,
    規則9条; no stage)."""
    if decision.get("report_to") == "principal":
        return TITLE_PRINCIPAL
    return STAGE_TITLES[stage] if stage is not None else TITLE


AS_KNOWN = "報告の時点で把握している事項に限ります (規則8条1項)。"


def report_items(case: dict[str, Any], decision: dict[str, Any], summary: str,
                 tasks: Iterable[_Task]) -> list[tuple[str, str]]:
    """The nine items as (heading, text), in the order of 規則8条1項; :data:`BLANK` where the officer must write."""
    tasks = list(tasks)
    event = EVENT_LABELS_JA.get(case.get("event", ""), case.get("event", ""))
    cause = CAUSE_LABELS_JA.get(case.get("cause", ""), case.get("cause", ""))
    data = "、".join(type_label_ja(d) for d in case.get("data", [])) or BLANK
    cats = "、".join(f"施行規則7条{CATEGORY_ITEM[c]} ({CATEGORY_SHORT[c][0]})" for c in decision.get("categories", []))
    outline = f"{case.get('discovered_on', '')} に{event}等の事態が発覚した (原因: {cause})。"
    if summary:
        outline += "\n" + summary
    encryption = case.get("encryption") or {}
    if encryption.get("high_level"):
        outline += "\n高度な暗号化等の措置: あり" + (" (復号鍵も漏えい等)" if encryption.get("key_compromised") else "")
    notice = _state(tasks, "notify_individuals", "本人への通知を実施済み。", "本人への通知を準備中 (未実施)。",
                    "本人への通知は当社からは行わない (委託元が行う、または法律上の義務なし)。")
    if any(t.kind == "publish" and t.required for t in tasks):
        notice = "本人への通知が困難なため、代替措置 (公表・問合せ窓口) を講じる。"
    publish = _state(tasks, "publish", "公表済み。", "公表を準備中 (未実施)。", BLANK)
    due = []
    if decision.get("preliminary_due"):
        due.append(f"速報の目安: {decision['preliminary_due']}")
    if decision.get("final_due"):
        due.append(f"確報の期限: {decision['final_due']}")
    items = [
        ("1. 概要", outline),
        ("2. 漏えい等が発生し、又は発生したおそれがある個人データの項目", data),
        ("3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", f"{case.get('persons', 0):,}人"),
        ("4. 原因", cause + (" (不正の目的をもって行われたおそれあり)" if case.get("malicious") else "")),
        ("5. 二次被害又はそのおそれの有無及びその内容", BLANK),
        ("6. 本人への対応の実施状況", notice),
        ("7. 公表の実施状況", publish),
        ("8. 再発防止のための措置", BLANK),
        ("9. その他参考となる事項", "; ".join(x for x in [f"該当: {cats}" if cats else "", *due,
                                                         f"適用した規則: {decision.get('rules', '')}"] if x)),
    ]
    return items


def report_text(incident_id: int, case: dict[str, Any], decision: dict[str, Any], summary: str,
                tasks: Iterable[_Task], *, stage: str | None = None) -> str:
    """The report's nine items in Japanese, one heading each, from the record of incident ``incident_id``
    (``stage``: ``preliminary`` / ``final`` names the report 速報 / 確報 in the title)."""
    lines = [f"{report_title(decision, stage)} — 事案 {incident_id}", AS_KNOWN, ""]
    for head, body in report_items(case, decision, summary, tasks):
        lines.append(f"【{head}】")
        lines.append(body)
        lines.append("")
    return "\n".join(lines)
