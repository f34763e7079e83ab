"""Excel (.xlsx) with openpyxl: string cells masked with their column header as context; styles kept.

Numbers that are personal information (a phone or My Number typed as a number, a date of birth stored as a date)
become masked text in the same cell, keeping its style. A Japanese phone number typed as a number has lost its
leading zero; it is recognised with the zero put back. Formulas are left alone. Rich-text cells are masked block by
block, so each block keeps its font. Comments and document properties are masked too.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from mamori.detect import Finding
from mamori.redaction.core import Edit, Masker, RedactionError, apply
from mamori.redaction.header import column_names
from mamori.redaction.segments import distribute

_HEADER_SCAN = 5
_NOT_KEPT = ("xl/drawings/", "xl/vbaProject", "xl/embeddings/")


def _number_edits(text: str, masker: Masker, context: str | None) -> list[Edit]:
    edits = masker.edits(text, context)
    if edits or not (9 <= len(text) <= 10 and text.isdigit()):
        return edits
    for f in masker.findings("0" + text, context):  # 9012345678 was 090-1234-5678 before Excel dropped the zero
        if f.type == "PHONE" and f.start == 0 and f.end == len(text) + 1:
            return masker.edits(text, context, [Finding("PHONE", 0, len(text), f.score, f.recognizer, text)])
    return []


def _cell(cell: Any, masker: Masker, context: str | None) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    value = cell.value
    if value is None or cell.data_type == "f" or isinstance(value, bool):
        return
    if isinstance(value, CellRichText):
        parts = [b.text if isinstance(b, TextBlock) else str(b) for b in value]
        edits = masker.edits("".join(parts), context)
        if edits:
            new = distribute(parts, edits)
            cell.value = CellRichText(
                *[TextBlock(b.font, t) if isinstance(b, TextBlock) else t for b, t in zip(value, new, strict=True)]
            )
    elif isinstance(value, str):
        masked = masker.mask(value, context)
        if masked != value:
            cell.value = masked
    elif isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        text = str(int(value))
        edits = _number_edits(text, masker, context)
        if edits:
            cell.value = apply(text, edits)
    elif isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        text = day.isoformat()
        births = [f for f in masker.findings(text, context) if f.type == "DATE_OF_BIRTH"]
        if births:
            cell.value = apply(text, masker.edits(text, context, births))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value) if value is not None else ""


def redact_xlsx_bytes(data: bytes, masker: Masker) -> bytes:
    import openpyxl

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise RedactionError(f"not a readable Excel workbook ({type(exc).__name__})") from exc
    for prefix in _NOT_KEPT:
        if any(n.startswith(prefix) for n in names):
            masker.skip(f"{prefix.rstrip('/')}: shapes, text boxes, macros and embedded objects are not redacted")
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(min_row=1, min_col=1)]
        header_row, header = column_names([[_text(c.value) for c in r] for r in rows[:_HEADER_SCAN]])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                context = header[c] if header_row is not None and r > header_row and c < len(header) else None
                _cell(cell, masker, context or None)
                comment = getattr(cell, "comment", None)
                if comment is not None and comment.text:
                    masked = masker.mask(comment.text)
                    if masked != comment.text:
                        from openpyxl.comments import Comment

                        new = Comment(masked, masker.mask(comment.author or "", "Name"), comment.height, comment.width)
                        cell.comment = new
    props = book.properties
    for name in ("creator", "lastModifiedBy", "title", "subject", "keywords", "description"):
        value = getattr(props, name, None)
        if isinstance(value, str) and value:
            masked = masker.mask(value, "Name" if name in ("creator", "lastModifiedBy") else None)
            if masked != value:
                setattr(props, name, masked)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
