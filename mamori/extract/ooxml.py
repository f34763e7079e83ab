"""Shared parts of the Office Open XML readers: a ZIP package read member by member within the limits."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import replace
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from mamori.extract.archive import member_name, open_zip, read_member
from mamori.extract.context import Context
from mamori.extract.units import Location

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_IMAGE = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", re.IGNORECASE)


class Package:
    """An open OOXML package; ``xml(name)`` returns a parsed part or None (with an issue when it is broken)."""

    def __init__(self, ctx: Context, zf: zipfile.ZipFile, location: Location) -> None:
        self.ctx = ctx
        self.zf = zf
        self.location = location
        self.infos = {member_name(i): i for i in zf.infolist() if not i.is_dir()}

    @property
    def encrypted(self) -> bool:
        return any(i.flag_bits & 0x1 for i in self.infos.values())

    def names(self, pattern: str) -> list[str]:
        rx = re.compile(pattern)
        return sorted((n for n in self.infos if rx.fullmatch(n)), key=natural_key)

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        return read_member(self.ctx, self.zf, info, replace(self.location, field=name))

    def xml(self, name: str) -> Element | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            return SafeET.fromstring(data)
        except Exception as exc:  # ParseError, defusedxml's forbidden-entity errors
            self.ctx.issue("corrupt", f"part {name} is not well-formed XML ({type(exc).__name__})", self.location)
            return None

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship id -> target part name (resolved against the part's folder)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.findall("rel:Relationship", NS):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            out[rel.get("Id") or ""] = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
        return out

    def report_media(self) -> None:
        """Embedded pictures are not inspected (no OCR); say so once, with their count."""
        images = [n for n in self.infos if _IMAGE.search(n) and not n.startswith("docProps/")]  # not thumbnails
        if images:
            self.ctx.issue("image", f"{len(images)} embedded image(s) not inspected", self.location)

    def embedded(self) -> None:
        """Embedded packages (a workbook inside a document, ...) are extracted like attachments."""
        for name in self.names(r".*/embeddings/.*"):
            if _IMAGE.search(name):
                continue
            path = (*self.location.path, name)
            loc = Location(path=path)
            if not self.ctx.take_member(loc):
                return
            data = self.read(name)
            if data is not None:
                self.ctx.child(data, name, None, path)


def open_package(ctx: Context, data: bytes, location: Location) -> Package | None:
    zf = open_zip(ctx, data, location)
    if zf is None:
        return None
    package = Package(ctx, zf, location)
    if package.encrypted:
        ctx.issue("encrypted", "encrypted document; not inspected", location)
        return None
    return package


def natural_key(name: str) -> list[object]:
    """slide2.xml before slide10.xml."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def paragraph_text(p: Element, ns: str) -> str:
    """Text of a w:p or a:p: runs joined, tabs and breaks kept."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("t", "delText") and el.text:  # deleted tracked changes are still in the file
            parts.append(el.text)
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)
