"""A day typed into a form or a query (``2026-12-07``, also in full-width digits): blank is "no day", anything else
must be a date."""

from __future__ import annotations

import unicodedata
from datetime import date


def day_field(value: object) -> tuple[date | None, bool]:
    """(the day or None, whether the value was given but is not a date)."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return None, False
    try:
        return date.fromisoformat(text), False
    except ValueError:
        return None, True
