"""Redaction: masked copies of .txt, .csv, .docx, .xlsx and .eml files that keep their format and layout."""

from mamori.redaction.api import SUPPORTED, Redaction, redact
from mamori.redaction.core import Masker, RedactionError, UnsupportedFormat

__all__ = ["SUPPORTED", "Masker", "Redaction", "RedactionError", "UnsupportedFormat", "redact"]
