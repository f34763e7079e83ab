"""The entry point: pick a reader by format, run it inside the limits, and turn any failure into an issue."""

from __future__ import annotations

import io

from mamori.extract.context import Context, Stop
from mamori.extract.limits import DEFAULT_LIMITS, Limits
from mamori.extract.sniff import extension, sniff
from mamori.extract.units import Extraction, Location, MessageInfo, Units


def extract(data: bytes, filename: str, content_type: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Extraction:
    """Extract the text of one file (bytes as sent or stored, its name, optionally its declared content type).

    Never raises for a hostile or broken file: the result's ``issues`` say what was not inspected and why.
    """
    ctx = Context(limits, _dispatch)
    fmt = sniff(data, filename, content_type) if data else "empty"
    message: MessageInfo | None = None
    try:
        message = _dispatch(ctx, data, filename, content_type, ())
    except Stop:
        pass
    except RecursionError:
        ctx.issue("depth", "structure nested too deeply to read", Location())
    except MemoryError:
        ctx.issue("too_large", "ran out of memory; not fully inspected", Location())
    except Exception as exc:  # the contract: a broken file is an issue, never a crash
        ctx.issue("corrupt", f"unexpected failure ({type(exc).__name__})", Location())
    return Extraction(
        filename=filename,
        format=fmt,
        units=Units(ctx.units, ctx.blocks, ctx.tables),
        tables=tuple(ctx.tables),
        issues=tuple(ctx.issues),
        message=message,
    )


def _dispatch(
    ctx: Context, data: bytes, filename: str, content_type: str | None, path: tuple[str, ...]
) -> MessageInfo | None:
    location = Location(path=path)
    if len(data) > ctx.limits.max_bytes:
        ctx.issue("too_large", f"{len(data)} bytes, over the limit of {ctx.limits.max_bytes}", location)
        return None
    fmt = sniff(data, filename, content_type)
    ctx.check(location)
    charset = _charset_param(content_type)
    try:
        return _read(ctx, fmt, data, filename, location, charset)
    except (Stop, RecursionError, MemoryError):
        raise
    except Exception as exc:  # one broken member must not end the others
        ctx.issue("corrupt", f"could not read this {fmt} file ({type(exc).__name__})", location)
        return None


def _read(
    ctx: Context, fmt: str, data: bytes, filename: str, location: Location, charset: str | None
) -> MessageInfo | None:
    if fmt == "eml":
        from mamori.extract.mime import read_eml

        return read_eml(ctx, data, location)
    if fmt == "msg":
        from mamori.extract.msg import read_msg

        return read_msg(ctx, data, location)
    if fmt == "zip":
        from mamori.extract.archive import read_zip

        read_zip(ctx, data, location)
    elif fmt == "docx":
        from mamori.extract.docx import read_docx

        read_docx(ctx, data, location)
    elif fmt == "xlsx":
        from mamori.extract.xlsx import read_xlsx

        read_xlsx(ctx, data, location)
    elif fmt == "pptx":
        from mamori.extract.pptx import read_pptx

        read_pptx(ctx, data, location)
    elif fmt == "pdf":
        from mamori.extract.pdf import read_pdf

        read_pdf(ctx, data, location)
    elif fmt == "csv":
        from mamori.extract.csv_reader import read_csv

        read_csv(ctx, data, location, charset)
    elif fmt in ("txt", "html", "json", "xml"):
        from mamori.extract import text

        if fmt == "txt":
            text.read_txt(ctx, data, location, charset)
        elif fmt == "html":
            text.read_html(ctx, data, location, charset)
        elif fmt == "json":
            text.read_json(ctx, data, location)
        else:
            text.read_xml(ctx, data, location)
    elif fmt == "image":
        from mamori.extract.image import read_image

        read_image(ctx, data, location)
    elif fmt == "ole":
        _legacy_office(ctx, data, filename, location)
    elif fmt == "archive":
        ctx.issue(
            "unsupported", f"archive format .{extension(filename) or '?'} is not supported; not inspected", location
        )
    elif fmt == "empty":
        pass
    else:
        ctx.issue("unsupported", "binary file of unknown format; not inspected", location)
    return None


def _legacy_office(ctx: Context, data: bytes, filename: str, location: Location) -> None:
    """OLE2 files other than .msg: password-protected OOXML, or legacy .doc/.xls/.ppt (not read)."""
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            encrypted = ole.exists("EncryptedPackage") or ole.exists("\x06DataSpaces")
    except Exception:
        encrypted = False
    if encrypted:
        ctx.issue("encrypted", "password-protected Office document; not inspected", location)
    else:
        ext = extension(filename) or "ole"
        ctx.issue("unsupported", f"legacy Office format (.{ext}) is not supported; not inspected", location)


def _charset_param(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
