"""Imports every table module so that ``Base.metadata`` knows the whole schema (migrations compare against it)."""

from __future__ import annotations

import importlib

# Each part of mamori owns one module and one Alembic branch of the same name.
PARTS = ("audit", "mail", "accounts", "training", "api_tokens", "incidents", "smtp_accounts", "letters")

for _part in PARTS:
    try:
        importlib.import_module(f"mamori.store.{_part}")
    except ModuleNotFoundError as exc:  # a part not written yet
        if exc.name != f"mamori.store.{_part}":
            raise
