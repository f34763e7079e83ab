"""Excel workbooks (.xlsx, .xlsm): every sheet (hidden ones too) as a table whose header gives each cell context.

Read with openpyxl in read-only mode (cached formula values, dates as dates), after the package passed the
ZIP limits, so a bomb never reaches the library.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterator
from dataclasses import replace

from mamori.extract.archive import is_encrypted
from mamori.extract.context import Context, Stop
from mamori.extract.ooxml import open_package
from mamori.extract.tables import emit_rows
from mamori.extract.units import Location


def cell_text(value: object) -> str:
    """A cell value as a person would read it: dates as 1990/04/01, integral floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%Y/%m/%d")
        return value.strftime("%Y/%m/%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _prechecked(ctx: Context, data: bytes, location: Location) -> bool:
    package = open_package(ctx, data, location)
    if package is None:
        return False
    limits = ctx.limits
    with package.zf:
        total = 0
        for name, info in package.infos.items():
            if is_encrypted(info):
                ctx.issue("encrypted", "encrypted workbook part; not inspected", location)
                return False
            too_big = info.file_size > limits.max_bytes
            bomb = info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
                1, info.compress_size
            )
            if too_big or bomb:
                code = "too_large" if too_big else "ratio"
                ctx.issue(code, f"workbook part {name} expands to {info.file_size} bytes; not inspected", location)
                return False
            total += info.file_size
        if not ctx.take_bytes(total, location):
            return False
        package.report_media()
        package.embedded()
    return True


def read_xlsx(ctx: Context, data: bytes, location: Location) -> None:
    if not _prechecked(ctx, data, location):
        return
    import openpyxl  # imported late: it is the slowest import of the package

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        ctx.issue("corrupt", f"unreadable workbook ({type(exc).__name__})", location)
        return
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue
            sheet_loc = replace(location, sheet=sheet.title)
            ctx.add_name(sheet.title, replace(sheet_loc, field="sheet-name"))
            try:
                sheet.reset_dimensions()
                emit_rows(ctx, _rows(sheet), sheet_loc)
            except Stop:
                raise
            except Exception as exc:
                ctx.issue("corrupt", f"unreadable sheet ({type(exc).__name__})", sheet_loc)
    finally:
        workbook.close()


def _rows(sheet: object) -> Iterator[tuple[int, list[str]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
            yield number, [cell_text(v) for v in values]
