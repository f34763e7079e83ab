"""Excel workbooks (.xlsx, .xlsm): every sheet (hidden ones too) as a table whose header gives each cell context.

The package passes the ZIP limits first, so a bomb never reaches a parser. The small parts (workbook, relationships,
styles) are read with defusedxml; the shared strings and the sheets are streamed with expat (``sheetxml``): no
cell objects, cached formula values, date-formatted numbers as dates. With ``Limits.sample_rows`` (the guard's row
sample) a big sheet is read as a sample of its rows and the rest only counted.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element

from mamori.extract.archive import is_encrypted
from mamori.extract.context import Context, Stop
from mamori.extract.ooxml import Package, open_package
from mamori.extract.sheetxml import (
    DateStyles,
    SharedStrings,
    cell_text,
    iter_rows,
    row_sample,
    sampled_rows,
)
from mamori.extract.tables import emit_rows
from mamori.extract.units import Location

__all__ = ["cell_text", "read_xlsx"]

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STRICT_REL = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"


@dataclass(frozen=True, slots=True)
class SheetRef:
    name: str
    part: str
    state: str = "visible"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _prechecked(ctx: Context, package: Package, location: Location) -> bool:
    limits = ctx.limits
    total = 0
    for name, info in package.infos.items():
        if is_encrypted(info):
            ctx.issue("encrypted", "encrypted workbook part; not inspected", location)
            return False
        too_big = info.file_size > limits.max_bytes
        bomb = info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(1, info.compress_size)
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


def _relationships(package: Package, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of a part's relationships; targets resolved against the part's folder."""
    folder, base = posixpath.split(part)
    root = package.xml(posixpath.join(folder, "_rels", base + ".rels"))
    out: list[tuple[str, str, str]] = []
    for rel in root.iter() if root is not None else ():
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External" or not rel.get("Target"):
            continue
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out.append((rel.get("Id") or "", rel.get("Type") or "", posixpath.normpath(path)))
    return out


def _workbook_part(package: Package) -> str:
    for _, kind, target in _relationships(package, ""):
        if kind.endswith("/officeDocument") and target in package.infos:
            return target
    return "xl/workbook.xml"


def _sheets(workbook: Element, rels: list[tuple[str, str, str]]) -> list[SheetRef]:
    """The worksheets in workbook order (chart and macro sheets have no cells to read)."""
    by_id = {rid: (kind, target) for rid, kind, target in rels}
    out: list[SheetRef] = []
    for el in workbook.iter():
        if _local(el.tag) != "sheet":
            continue
        kind, target = by_id.get(el.get(_REL) or el.get(_STRICT_REL) or "", ("", ""))
        if target and kind.endswith("/worksheet"):
            out.append(SheetRef(el.get("name") or "", target, el.get("state") or "visible"))
    return out


def _date_styles(package: Package, part: str | None, date1904: bool) -> DateStyles:
    root = package.xml(part) if part else None
    if root is None:
        return DateStyles.of([], {}, date1904)
    custom: dict[int, str] = {}
    formats: list[int] = []
    for el in root:
        tag = _local(el.tag)
        if tag == "numFmts":
            for fmt in el:
                fmt_id = fmt.get("numFmtId") or ""
                if fmt_id.isdigit():
                    custom[int(fmt_id)] = fmt.get("formatCode") or ""
        elif tag == "cellXfs":
            for xf in el:
                fmt_id = xf.get("numFmtId") or "0"
                formats.append(int(fmt_id) if fmt_id.isdigit() else 0)
    return DateStyles.of(formats, custom, date1904)


def _date1904(workbook: Element) -> bool:
    for el in workbook:
        if _local(el.tag) == "workbookPr":
            return (el.get("date1904") or "").lower() in ("1", "true")
    return False


def read_xlsx(ctx: Context, data: bytes, location: Location) -> None:
    package = open_package(ctx, data, location)
    if package is None:
        return
    with package.zf:
        if not _prechecked(ctx, package, location):
            return
        part = _workbook_part(package)
        workbook = package.xml(part) if part in package.infos else None
        if workbook is None:
            ctx.issue("corrupt", "unreadable workbook (no workbook part)", location)
            return
        rels = _relationships(package, part)
        styles_part = next((t for _, kind, t in rels if kind.endswith("/styles") and t in package.infos), None)
        strings_part = next((t for _, kind, t in rels if kind.endswith("/sharedStrings") and t in package.infos), None)
        styles = _date_styles(package, styles_part, _date1904(workbook))
        strings = SharedStrings(package.read(strings_part) if strings_part else None)
        for sheet in _sheets(workbook, rels):
            sheet_loc = replace(location, sheet=sheet.name)
            ctx.add_name(sheet.name, replace(sheet_loc, field="sheet-name"))
            if sheet.part not in package.infos:
                continue
            content = package.read(sheet.part)
            if content is None:
                continue
            try:
                _read_sheet(ctx, content, strings, styles, sheet_loc)
            except Stop:
                raise
            except Exception as exc:  # expat errors, refused DTDs, broken numbers: this sheet is unreadable
                ctx.issue("corrupt", f"unreadable sheet ({type(exc).__name__})", sheet_loc)


def _read_sheet(ctx: Context, content: bytes, strings: SharedStrings, styles: DateStyles, location: Location) -> None:
    sample = row_sample(content, ctx.limits.sample_rows) if ctx.limits.sample_rows else None
    if sample is None:
        emit_rows(ctx, iter_rows(content, strings, styles), location)
    else:
        emit_rows(ctx, sampled_rows(content, sample, strings, styles), location, unread=sample.unread)
