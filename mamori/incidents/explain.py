"""An assessment as the contract's JSON object, and as a readable explanation in Japanese and English.

Both are pure: :func:`to_json` gives the dict ``mamori incidents assess --json`` prints (DESIGN.md, plus
``detail_ja`` per reason and ``alternative_measures``), :func:`explain` the text it prints without ``--json``.
"""

from __future__ import annotations

from typing import Any

from mamori.incidents.assess import PPC, PRINCIPAL, Assessment
from mamori.incidents.case import CaseError
from mamori.incidents.ruleset import RuleSet

CATEGORY_SHORT = {
    "sensitive": ("要配慮個人情報", "special-care information"),
    "financial": ("財産的被害のおそれ", "risk of financial loss"),
    "malicious": ("不正の目的のおそれ", "possible wrongful purpose"),
    "over_1000": ("本人の数が千人超", "more than 1,000 people"),
}
CATEGORY_ITEM = {"sensitive": "1号", "financial": "2号", "malicious": "3号", "over_1000": "4号"}


def to_json(case: str, a: Assessment) -> dict[str, Any]:
    """The contract's object for the case read from ``case`` (a path)."""
    return {
        "case": case,
        "reportable": a.reportable,
        "categories": list(a.categories),
        "notify_individuals": a.notify_individuals,
        "report_to": a.report_to,
        "preliminary_due": a.preliminary_due.isoformat() if a.preliminary_due else None,
        "final_due": a.final_due.isoformat() if a.final_due else None,
        "rules": a.rules,
        "reasons": [
            {"code": r.code, "article": r.article, "detail": r.detail_en, "detail_ja": r.detail_ja} for r in a.reasons
        ],
        "alternative_measures": a.alternative_measures,
    }


def error_json(case: str, e: CaseError) -> dict[str, Any]:
    """What ``--json`` prints for a case that could not be assessed."""
    return {"case": case, "error": {"field": e.field, "message": e.message_en, "message_ja": e.message_ja}}


def explain(case: str, a: Assessment, rules: RuleSet | None) -> str:
    """The decision in words, Japanese first, then English, line by line."""
    lines = [f"== {case}"]
    if not a.reportable:
        lines.append("判定: 個人情報保護委員会への報告は法律上不要です。本人通知の義務もありません。")
        lines.append("Decision: no report to the PPC is required by law, and no notice to the individuals.")
    else:
        cats_ja = "、".join(f"7条{CATEGORY_ITEM[c]} {CATEGORY_SHORT[c][0]}" for c in a.categories)
        cats_en = ", ".join(f"Art. 7({CATEGORY_ITEM[c][0]}) {CATEGORY_SHORT[c][1]}" for c in a.categories)
        lines.append(f"判定: 報告が必要です。該当: {cats_ja}")
        lines.append(f"Decision: a report is required. Applies: {cats_en}")
        if a.report_to == PPC:
            lines.append(
                f"報告先: 個人情報保護委員会 — 速報 {a.preliminary_due} まで (目安3〜5日)、確報 {a.final_due} まで"
            )
            lines.append(
                f"Report to: the PPC — preliminary by {a.preliminary_due} (3-5 days), final by {a.final_due}"
            )
        elif a.report_to == PRINCIPAL:
            lines.append(
                f"報告先: 委託元へ {a.preliminary_due} までに通知 (目安3〜5日)。"
                "委託元が委員会へ報告し、本人へ通知します。"
            )
            lines.append(
                f"Report to: the principal (委託元), by {a.preliminary_due} (3-5 days); it reports to the PPC and "
                "notifies the individuals."
            )
        if a.notify_individuals:
            lines.append("本人通知: 必要です (状況に応じて速やかに)。")
            lines.append("Notify the individuals: yes, promptly as the situation allows.")
        elif a.alternative_measures:
            lines.append("本人通知: 困難なため、公表や問合せ窓口の設置などの代替措置を講じます。")
            lines.append("Notify the individuals: difficult — take alternative measures (publication, inquiry desk).")
        else:
            lines.append("本人通知: 当社からは不要です (委託元が行います)。")
            lines.append("Notify the individuals: not by us (the principal does).")
    lines.append("理由 / Reasons:")
    for r in a.reasons:
        lines.append(f"  - [{r.article}] {r.detail_ja}")
        lines.append(f"    {r.detail_en}")
    if rules is not None:
        lines.append(f"適用した規則 / Rules applied: {rules.title_ja} / {rules.title_en}")
    else:
        lines.append("適用した規則 / Rules applied: なし (報告義務の施行前) / none (before the reporting duty)")
    return "\n".join(lines) + "\n"
