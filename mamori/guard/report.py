"""Renderings of verdicts: the JSON object of the `mamori check` contract and a readable Rich report.

In Japanese the report names reasons, severities and evidence keywords by the glossary's labels (codes stay in the
JSON), and its cells break lines the Japanese way (``mamori.linebreak``): never inside a number and its counter.
"""

from __future__ import annotations

from typing import Any

from mamori.glossary import action_label, evidence_label, reason_title
from mamori.guard.runner import Outcome
from mamori.linebreak import Wrapped

_STYLE = {"allow": "green", "confirm": "cyan", "hold": "yellow", "block": "bold red"}
_HEADERS = {
    False: ("severity", "code", "detail", "evidence"),
    True: ("重要度", "理由", "内容", "該当箇所（マスク済み）"),
}
_NOTHING = {False: "no reason to stop this message", True: "このメールを止める理由はありません。"}


def to_json(outcome: Outcome, lang: str = "en") -> dict[str, Any]:
    """``{"message", "action", "reasons": [...]}``; a message that could not be read gets ``"error"`` instead."""
    if outcome.verdict is None:
        return {"message": outcome.path, "error": outcome.error}
    return {
        "message": outcome.path,
        "action": outcome.verdict.action,
        "reasons": [r.to_dict(lang) for r in outcome.verdict.reasons],
        "external_recipients": [g.to_dict() for g in outcome.verdict.external_groups],
    }


def explain(outcome: Outcome, console: Any, lang: str = "en") -> None:
    """Print one outcome for a person: the action, then each reason with its evidence (masked)."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    if outcome.verdict is None:
        console.print(Panel(Wrapped(str(outcome.error), "red"), title=escape(outcome.path)))
        return
    v = outcome.verdict
    ja = lang == "ja"
    action = action_label(v.action) if ja else v.action
    table = Table(show_header=True, expand=True)
    for header in _HEADERS[ja]:
        table.add_column(header, ratio=3 if header in _HEADERS[ja][2:] else 1)
    for r in v.reasons:
        detail = r.detail_ja if ja and r.detail_ja else r.detail
        severity = action_label(r.severity) if ja else r.severity
        evidence = ", ".join(evidence_label(e, lang) for e in r.evidence)
        table.add_row(
            Wrapped(severity, _STYLE[r.severity]), Wrapped(reason_title(r.code) if ja else r.code),
            Wrapped(detail), Wrapped(evidence),
        )
    title = f"{escape(outcome.path)}: [{_STYLE[v.action]}]{action}[/]"
    console.print(Panel(table if v.reasons else _NOTHING[ja], title=title))
    if v.external_groups:
        console.print(_groups_table(v, lang))


def _groups_table(v: Any, lang: str) -> Any:
    """The external recipients grouped by organisation, masked, as the confirmation page shows them."""
    from rich.table import Table

    ja = lang == "ja"
    table = Table(title="社外の宛先（組織別）" if ja else "external recipients by organisation", expand=True)
    for col in ("組織", "宛先", "名前", "欄", "初回") if ja else ("organisation", "address", "name", "field", "first"):
        table.add_column(col)
    for g in v.external_groups:
        org = g.organization if g.known else f"{g.organization} ({'アドレス帳にない' if ja else 'not in directory'})"
        for i, r in enumerate(g.recipients):
            d = r.to_dict()
            first = ("初めて" if ja else "first time") if r.first_time else ""
            cells = (org if i == 0 else "", d["address"], d["name"], d["field"], first)
            table.add_row(*(Wrapped(c) for c in cells))
    return table
