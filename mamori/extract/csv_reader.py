"""CSV and TSV: encoding detected (UTF-8 with or without BOM, CP932, EUC-JP), delimiter guessed, header found."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from mamori.extract.context import Context
from mamori.extract.tables import emit_rows
from mamori.extract.text import decode_text
from mamori.extract.units import Location

_DELIMITERS = (",", "\t", ";", "|")


def _delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for d in _DELIMITERS:
        counts = [line.count(d) for line in lines]
        if not counts[0]:
            continue
        consistent = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = consistent * 10 + min(counts[0], 50) / 50
        if score > best_score:
            best, best_score = d, score
    return best


def read_csv(ctx: Context, data: bytes, location: Location, label: str | None = None) -> None:
    text = decode_text(ctx, data, location, label)
    delimiter = _delimiter(text[:65536])

    def rows() -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                ctx.issue("corrupt", f"malformed CSV after record {number}; the rest was not inspected", location)
                return
            number += 1
            yield number, cells

    emit_rows(ctx, rows(), location)
