"""Why mamori stopped a mail, in one sentence a non-specialist understands (Japanese and English).

The sentences live in the glossary (``mamori.glossary``); the approver's notice and the message page both call
``summary``. A sentence per reason code (the guard's ``CODES`` and the gateway's own), written for an office worker:
no codes, no type names, no jargon. The summary is the sentence of the most serious reason, and how many other
reasons there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mamori.glossary import OTHER_REASON, REASONS

# code: (Japanese, English) — what happened, in everyday words (the glossary holds them, with the reasons' titles)
SENTENCES: dict[str, tuple[str, str]] = {code: (r.sentence_ja, r.sentence_en) for code, r in REASONS.items()}
FALLBACK = (OTHER_REASON.sentence_ja, OTHER_REASON.sentence_en)
# the most serious first: blocks, then what may expose many people, then wrong-recipient signs, then the rest
_ORDER = (
    "blocked_recipient", "blocked_attachment", "sensitive_pii", "bulk_pii", "sender_mismatch", "lookalike_domain",
    "similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch",
    "recipient_organization_mismatch", "pii_in_attachment", "unscannable_attachment", "open_recipient_list",
    "malformed_address", "malformed_message", "guard_error", "multiple_external_orgs", "unknown_recipient",
    "first_time_recipient", "external_recipient",
)
_SEVERITY = {"block": 0, "hold": 1, "confirm": 2}


def sentence(code: str, lang: str) -> str:
    ja, en = SENTENCES.get(code, FALLBACK)
    return en if lang == "en" else ja


def codes_of(reasons: Iterable[dict[str, Any]]) -> list[str]:
    """The reason codes, most serious first (severity, then the order above), each once."""
    rows = [r for r in reasons if isinstance(r, dict) and isinstance(r.get("code"), str)]
    rank = {c: i for i, c in enumerate(_ORDER)}
    rows.sort(key=lambda r: (_SEVERITY.get(r.get("severity", ""), 3), rank.get(r["code"], len(rank))))
    return list(dict.fromkeys(r["code"] for r in rows))


def summary(reasons: Iterable[dict[str, Any]], lang: str) -> str:
    """One line: why mamori stopped this mail (the most serious reason), and how many other reasons there are."""
    codes = codes_of(reasons)
    if not codes:
        return sentence("", lang)
    line = sentence(codes[0], lang)
    more = len(codes) - 1
    if more:
        plural = "s" if more > 1 else ""
        line += f" ({more} more reason{plural})" if lang == "en" else f"（ほかに {more} 件の理由があります）"
    return line
