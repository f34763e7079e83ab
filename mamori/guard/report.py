"""Renderings of verdicts: the JSON object of the `mamori check` contract and a readable Rich report."""

from __future__ import annotations

from typing import Any

from mamori.guard.runner import Outcome

_STYLE = {"allow": "green", "confirm": "cyan", "hold": "yellow", "block": "bold red"}
_ACTION_JA = {"allow": "送信可", "confirm": "宛先確認", "hold": "保留", "block": "送信禁止"}


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
    from rich.panel import Panel
    from rich.table import Table

    if outcome.verdict is None:
        console.print(Panel(f"[red]{outcome.error}[/red]", title=outcome.path))
        return
    v = outcome.verdict
    action = v.action if lang == "en" else f"{v.action} ({_ACTION_JA[v.action]})"
    table = Table(show_header=True, expand=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("code", no_wrap=True)
    table.add_column("detail", overflow="fold")
    table.add_column("evidence", overflow="fold")
    for r in v.reasons:
        detail = r.detail_ja if lang == "ja" and r.detail_ja else r.detail
        table.add_row(f"[{_STYLE[r.severity]}]{r.severity}[/]", r.code, detail, ", ".join(r.evidence))
    title = f"{outcome.path}: [{_STYLE[v.action]}]{action}[/]"
    console.print(Panel(table if v.reasons else "no reason to stop this message", title=title))
    if v.external_groups:
        console.print(_groups_table(v, lang))


def _groups_table(v: Any, lang: str) -> Any:
    """The external recipients grouped by organisation, masked, as the confirmation page shows them."""
    from rich.table import Table

    ja = lang == "ja"
    table = Table(title="社外の宛先（組織別）" if ja else "external recipients by organisation", expand=True)
    for col in ("組織", "宛先", "名前", "欄", "初回") if ja else ("organisation", "address", "name", "field", "first"):
        table.add_column(col, overflow="fold")
    for g in v.external_groups:
        org = g.organization if g.known else f"{g.organization} ({'アドレス帳にない' if ja else 'not in directory'})"
        for i, r in enumerate(g.recipients):
            d = r.to_dict()
            first = ("初めて" if ja else "first time") if r.first_time else ""
            table.add_row(org if i == 0 else "", d["address"], d["name"], d["field"], first)
    return table
