"""Word documents (.docx, .docm): paragraphs, tables (with their header row), headers, footers, notes, comments."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from xml.etree.ElementTree import Element

from mamori.extract.context import Context
from mamori.extract.ooxml import NS, open_package, paragraph_text
from mamori.extract.tables import emit_rows
from mamori.extract.units import Location

_W = "{" + NS["w"] + "}"


def read_docx(ctx: Context, data: bytes, location: Location) -> None:
    package = open_package(ctx, data, location)
    if package is None:
        return
    with package.zf:
        parts = ["word/document.xml"]
        parts += package.names(r"word/(header|footer)\d*\.xml")
        parts += [n for n in ("word/footnotes.xml", "word/endnotes.xml", "word/comments.xml") if n in package.infos]
        if "word/document.xml" not in package.infos:
            ctx.issue("corrupt", "no word/document.xml in the package", location)
        for part in parts:
            counter = [0]
            root = package.xml(part)
            if root is None:
                continue
            ctx.check(location)
            part_loc = location if part == "word/document.xml" else replace(location, field=part)
            body = root.find("w:body", NS)
            _blocks(ctx, body if body is not None else root, part_loc, counter)
        package.report_media()
        package.embedded()


def _block_children(container: Element) -> Iterator[Element]:
    for child in container:
        if child.tag == _W + "sdt":
            content = child.find("w:sdtContent", NS)
            if content is not None:
                yield from _block_children(content)
        elif child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif len(child):  # footnote, endnote, comment wrappers and the like
            yield from _block_children(child)


def _blocks(ctx: Context, container: Element, location: Location, counter: list[int]) -> None:
    for block in _block_children(container):
        if block.tag == _W + "p":
            counter[0] += 1
            ctx.add_text(paragraph_text(block, "w"), replace(location, paragraph=counter[0]))
        else:
            rows = []
            for number, tr in enumerate(block.findall("w:tr", NS), start=1):
                cells = []
                for tc in tr.findall("w:tc", NS):
                    cells.append("\n".join(paragraph_text(p, "w") for p in tc.iter(_W + "p")).strip())
                rows.append((number, cells))
            emit_rows(ctx, rows, location)
