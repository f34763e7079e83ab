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
