"""Extraction: bytes and a file name in, text units that keep their location out.

Pure: no file-system or network I/O, no dependency on the rest of mamori. Every reader turns its library's
failures into issues; limits (bytes, members, depth, compression ratio, pages, rows, time) bound the work, and
anything skipped is reported in ``Extraction.issues`` (``complete`` is False), never silently dropped.

    >>> result = extract(data, "名簿.xlsx")
    >>> for unit in result.units: ...          # text + location (sheet, cell, header, page, part, path...)
    >>> result.tables, result.message, result.complete, result.issues
"""

from __future__ import annotations

from mamori.extract.dispatch import extract
from mamori.extract.limits import DEFAULT_LIMITS, Limits
from mamori.extract.sniff import sniff
from mamori.extract.units import (
    CELL,
    HEADER,
    NAME,
    TEXT,
    Address,
    Attachment,
    CellBlock,
    Extraction,
    Issue,
    Location,
    MessageInfo,
    Row,
    Table,
    TextUnit,
    Units,
)

__all__ = [
    "CELL",
    "DEFAULT_LIMITS",
    "HEADER",
    "NAME",
    "TEXT",
    "Address",
    "Attachment",
    "CellBlock",
    "Extraction",
    "Issue",
    "Limits",
    "Location",
    "MessageInfo",
    "Row",
    "Table",
    "TextUnit",
    "Units",
    "extract",
    "sniff",
]
