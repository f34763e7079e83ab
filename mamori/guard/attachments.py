"""One attachment's bytes and file name -> an `AttachmentInfo` (its text, personal data, people, issues).

The same analysis as the attachment loop of `engine.message_from_eml`, for a file that arrives on its own (the
check API's base64 attachments, a chat tool's upload): extract the text units (tables sampled as for mail),
detect personal data in the detection sample (cells after their column header, in batches), count people as
table rows holding personal data (extrapolated over rows not read), distinct names or lines of text holding
personal data, and keep the extraction issues (encrypted, too_large...) so that `unscannable_attachment` can
speak. The sampling helpers and budgets are the engine's own; `analyse_extraction` is the loop body, for one
attachment inside a message's extraction too (``engine.message_from_eml`` can call it per attachment).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mamori.guard.model import AttachmentInfo


def guard_limits() -> Any:
    """The extraction limits the guard reads attachments with (rows sampled per table, as for mail)."""
    from mamori.extract import DEFAULT_LIMITS
    from mamori.guard import engine

    return replace(DEFAULT_LIMITS, sample_rows=engine.SAMPLE_ROWS)


def analyse_attachment(data: bytes, filename: str, detector=None, content_type: str | None = None) -> AttachmentInfo:
    """The analysed attachment: ``data`` as sent, ``filename`` as shown, an optional declared ``content_type``.

    Never raises for a broken or hostile file: extraction turns failures into issues (``corrupt``, ``encrypted``,
    ``too_large``...), which the guard reports as an attachment it could not inspect.
    """
    from mamori.extract import extract

    ex = extract(data, filename, content_type, guard_limits())
    return analyse_extraction(ex, (), filename, detector)


def analyse_extraction(ex: Any, path: tuple[str, ...], filename: str, detector=None) -> AttachmentInfo:
    """The attachment at ``path`` inside an `Extraction` (``()`` for a file extracted on its own).

    For an e-mail, ``path`` is the attachment's ``Attachment.path``; its file-name unit is not part of its text.
    """
    from mamori.detect.detector import default_detector
    from mamori.discovery.runner import detect_units
    from mamori.extract import CELL, NAME
    from mamori.guard.checks import PERSONAL_TYPES
    from mamori.guard.engine import MAX_UNITS_PER_ATTACHMENT, RowKey, detection_sample, table_records

    det = detector or default_detector()
    n = len(path)
    units = [u for u in ex.iter_under(path) if u.kind != NAME]
    findings: list[tuple[str, str | None, str]] = []
    personal_rows: set[RowKey] = set()
    read_rows: set[RowKey] = set()
    people: set[str] = set()
    sample = detection_sample(units, MAX_UNITS_PER_ATTACHMENT)
    # batched, each cell read after its column header ("生年月日: 1990/04/01"), as `mamori scan` reads them
    lines: set[tuple[int, int]] = set()  # (unit, line) of running text holding personal data: a list in a PDF
    for k, (u, found) in enumerate(detect_units(det, sample, "auto", float("inf"))[0]):
        key = (u.location.path, u.location.table, u.location.row)
        if u.kind == CELL:
            read_rows.add(key)
        for f in found:
            findings.append((f.type, f.subtype, f.masked))
            if f.type in PERSONAL_TYPES:
                if u.kind == CELL:
                    personal_rows.add(key)
                else:
                    lines.add((k, u.text.count("\n", 0, f.start)))
                    if f.type == "PERSON":
                        people.add(f.text)
    tables = [(i, t) for i, t in enumerate(ex.tables) if t.location.path[:n] == path]
    records = max(table_records(tables, read_rows, personal_rows), len(people), len(lines))
    issues = tuple(i.code for i in ex.issues if i.location.path[:n] == path)
    text = "\n".join(u.text for u in units)
    return AttachmentInfo(filename, text, tuple(findings), records, issues)
