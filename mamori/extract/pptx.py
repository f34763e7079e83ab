"""PowerPoint presentations (.pptx, .pptm): the text of each slide in presentation order, and its notes."""

from __future__ import annotations

from dataclasses import replace

from mamori.extract.context import Context
from mamori.extract.ooxml import NS, Package, open_package, paragraph_text
from mamori.extract.units import Location


def _slide_order(package: Package) -> list[str]:
    rels = package.relationships("ppt/presentation.xml")
    root = package.xml("ppt/presentation.xml")
    order: list[str] = []
    if root is not None:
        for sld in root.iterfind("p:sldIdLst/p:sldId", NS):
            target = rels.get(sld.get("{" + NS["r"] + "}id") or "")
            if target and target in package.infos:
                order.append(target)
    known = set(order)
    order += [n for n in package.names(r"ppt/slides/slide\d+\.xml") if n not in known]
    return order


def read_pptx(ctx: Context, data: bytes, location: Location) -> None:
    package = open_package(ctx, data, location)
    if package is None:
        return
    with package.zf:
        slides = _slide_order(package)
        if len(slides) > ctx.limits.max_pages:
            ctx.issue("pages", f"{len(slides)} slides; only the first {ctx.limits.max_pages} were inspected", location)
            slides = slides[: ctx.limits.max_pages]
        for number, part in enumerate(slides, start=1):
            ctx.check(location)
            slide_loc = replace(location, slide=number)
            root = package.xml(part)
            if root is not None:
                _paragraphs(ctx, root, slide_loc)
            for target in package.relationships(part).values():
                if "notesSlides/" in target:
                    notes = package.xml(target)
                    if notes is not None:
                        _paragraphs(ctx, notes, replace(slide_loc, field="notes"))
        package.report_media()
        package.embedded()


def _paragraphs(ctx: Context, root: object, location: Location) -> None:
    for i, p in enumerate(root.iter("{" + NS["a"] + "}p"), start=1):  # type: ignore[attr-defined]
        ctx.add_text(paragraph_text(p, "a"), replace(location, paragraph=i))
