"""CSV and TSV: each cell masked on its own with its column header as context; everything else kept byte for byte.

The file is not re-serialised by a CSV writer: fields are located in the decoded text and only the fields that hold
personal information are rewritten, so quoting, delimiters, line endings and the encoding stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from mamori.redaction.core import Masker
from mamori.redaction.header import column_names
from mamori.redaction.text import decode_exact, encode

_DELIMITERS = (",", "\t", ";", "|")


@dataclass(slots=True)
class Field:
    start: int  # raw span in the text, quotes included
    end: int
    value: str
    quoted: bool


def delimiter(text: str) -> str:
    lines = [line for line in text[:65536].splitlines()[:20] if line.strip()]
    best, best_score = ",", -1.0
    for d in _DELIMITERS:
        counts = [line.count(d) for line in lines]
        if not counts or not counts[0]:
            continue
        score = sum(1 for c in counts if c == counts[0]) / len(counts) * 10 + min(counts[0], 50) / 50
        if score > best_score:
            best, best_score = d, score
    return best


def records(text: str, delim: str) -> list[list[Field]]:
    """The fields of each record, with their raw spans (RFC 4180, leniently: text after a closing quote is kept)."""
    out: list[list[Field]] = []
    row: list[Field] = []
    i, n = 0, len(text)
    while i < n:
        start = i
        if text[i] == '"':
            chars: list[str] = []
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        chars.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                chars.append(text[i])
                i += 1
            while i < n and text[i] not in (delim, "\r", "\n"):
                chars.append(text[i])
                i += 1
            row.append(Field(start, i, "".join(chars), True))
        else:
            while i < n and text[i] not in (delim, "\r", "\n"):
                i += 1
            row.append(Field(start, i, text[start:i], False))
        if i < n and text[i] == delim:
            i += 1
            if i == n or text[i] in "\r\n":
                row.append(Field(i, i, "", False))
            else:
                continue
        if i < n and text[i] == "\r":
            i += 1
        if i < n and text[i] == "\n":
            i += 1
        out.append(row)
        row = []
    if row:
        out.append(row)
    return out


def _quote(value: str, delim: str, quoted: bool) -> str:
    if quoted or any(c in value for c in (delim, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def redact_csv_text(text: str, masker: Masker, delim: str | None = None) -> str:
    delim = delim or delimiter(text)
    rows = records(text, delim)
    index, names = column_names([[f.value for f in row] for row in rows])
    out: list[str] = []
    pos = 0
    for r, row in enumerate(rows):
        for c, f in enumerate(row):
            context = names[c] if index is not None and r > index and c < len(names) else None
            masked = masker.mask(f.value, context)
            if masked == f.value:
                continue
            out.append(text[pos : f.start])
            out.append(_quote(masked, delim, f.quoted))
            pos = f.end
    out.append(text[pos:])
    return "".join(out)


def redact_csv_bytes(data: bytes, masker: Masker, tsv: bool = False) -> bytes:
    text, codec = decode_exact(data)
    return encode(redact_csv_text(text, masker, "\t" if tsv else None), codec)
