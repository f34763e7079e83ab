"""`redact(data, filename, detector)`: a masked copy of a file in its own format, with what was masked and what not."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from mamori.redaction.core import Masker, RedactionError, UnsupportedFormat
from mamori.terminal import printable

SUPPORTED = (".txt", ".csv", ".tsv", ".docx", ".xlsx", ".eml")
MAX_DEPTH = 5  # messages attached to messages
MAX_UNZIPPED = 512 * 1024 * 1024  # a .docx/.xlsx that inflates beyond this is refused (zip bomb)
MAX_MEMBERS = 10_000  # parts of one .docx/.xlsx
_OFFICE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}  # what Office writes
_TEXT = (".txt", ".text", ".log", ".md")
_BY_TYPE = {
    "text/plain": ".txt",
    "text/csv": ".csv",
    "text/tab-separated-values": ".tsv",
    "message/rfc822": ".eml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


@dataclass
class Redaction:
    """The masked copy, how many values of each type were masked, and why some content was not redacted."""

    data: bytes
    masked: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.masked.values())


def kind(filename: str, content_type: str | None = None) -> str | None:
    """The redactor for a file name (or, failing that, a MIME type): a suffix in ``SUPPORTED``, or None."""
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in _TEXT:
        return ".txt"
    if suffix in SUPPORTED:
        return suffix
    if content_type and (not suffix or content_type.lower() in ("message/rfc822", "text/csv")):
        return _BY_TYPE.get(content_type.lower())
    return None


def _check_package(data: bytes) -> None:
    """Read every part of an Office package once before a parser sees it; refuse it, naming the part, if any
    part is encrypted, packed with a method Office does not use, damaged (bad data or CRC), duplicated, or if the
    whole inflates past `MAX_UNZIPPED`. What cannot be read completely is not half-redacted."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
        raise RedactionError("not an Office Open XML document (not a zip file)") from exc
    except NotImplementedError as exc:  # e.g. a central directory asking for a newer zip version than exists
        raise RedactionError(f"not an Office Open XML document (a zip feature Office does not use: {exc})") from exc
    with package:
        infos = package.infolist()
        if len(infos) > MAX_MEMBERS:
            raise RedactionError(f"the document has {len(infos)} parts, more than {MAX_MEMBERS}; refused")
        if sum(i.file_size for i in infos) > MAX_UNZIPPED:
            raise RedactionError("the document inflates to more than 512 MiB; refused")
        seen: set[str] = set()
        for info in infos:
            name = printable(info.filename)
            if info.filename in seen:
                raise RedactionError(f"part {name} appears twice in the document; refused (ambiguous)")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise RedactionError(f"part {name} is encrypted; cannot redact it")
            if info.compress_type not in _OFFICE_METHODS:
                raise RedactionError(f"part {name} is packed with zip method {info.compress_type}, not one Office uses")
        inflated = 0
        for info in infos:
            try:
                with package.open(info) as part:
                    while chunk := part.read(1 << 20):
                        inflated += len(chunk)
                        if inflated > MAX_UNZIPPED:
                            raise RedactionError("the document inflates to more than 512 MiB; refused")
            except RedactionError:
                raise
            except NotImplementedError as exc:  # a zip feature Office does not use (patched data, another method)
                raise RedactionError(f"part {printable(info.filename)} uses a zip feature Office does not") from exc
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
                why = "bad checksum" if "CRC" in str(exc) else type(exc).__name__
                raise RedactionError(f"part {printable(info.filename)} is damaged ({why})") from exc


def _dispatch(data: bytes, filename: str, masker: Masker, depth: int, content_type: str | None = None) -> bytes | None:
    which = kind(filename, content_type)
    if which is None:
        return None
    try:
        if which == ".txt":
            from mamori.redaction.text import redact_text_bytes

            return redact_text_bytes(data, masker)
        if which in (".csv", ".tsv"):
            from mamori.redaction.csv_file import redact_csv_bytes

            return redact_csv_bytes(data, masker, tsv=which == ".tsv")
        if which == ".docx":
            from mamori.redaction.docx import redact_docx_bytes

            _check_package(data)
            return redact_docx_bytes(data, masker)
        if which == ".xlsx":
            from mamori.redaction.xlsx import redact_xlsx_bytes

            _check_package(data)
            return redact_xlsx_bytes(data, masker)
        from mamori.redaction.eml import redact_eml_bytes

        if depth >= MAX_DEPTH:
            raise RedactionError(f"messages nested more than {MAX_DEPTH} deep")

        def nested(inner: bytes, name: str, ctype: str) -> bytes | None:
            return _dispatch(inner, name, masker, depth + 1, ctype)

        return redact_eml_bytes(data, masker, nested)
    except RedactionError:
        raise
    except RecursionError as exc:
        raise RedactionError(f"this {which} file is nested too deeply to read") from exc
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, OSError, SyntaxError) as exc:
        # SyntaxError: a part that is not well-formed XML (lxml's XMLSyntaxError, ElementTree's ParseError)
        raise RedactionError(f"cannot read this {which} file ({type(exc).__name__})") from exc


def redact(
    data: bytes,
    filename: str,
    detector: Any,
    types: Iterable[str] | None = None,
    style: str = "partial",
    *,
    lang: str = "auto",
    min_score: float | None = None,
) -> Redaction:
    """Mask the personal information in a file of a supported kind (by its name's suffix), keeping its format.

    ``types`` limits masking to those entity types (default: every type ``detector`` finds); ``style`` is
    ``partial`` (山田■■, 090-****-****), ``type`` (<PHONE>) or ``block`` (■■■■). Raises `UnsupportedFormat` for
    another kind of file and `RedactionError` for a file that cannot be read.
    """
    masker = Masker(detector, frozenset(types) if types else None, style, lang, min_score)
    out = _dispatch(data, filename, masker, 0)
    if out is None:
        suffix = PurePath(filename).suffix.lower() or "(no suffix)"
        raise UnsupportedFormat(f"cannot redact {suffix} files; supported: {', '.join(SUPPORTED)}")
    return Redaction(out, dict(sorted(masker.counts.items())), list(masker.skipped))
