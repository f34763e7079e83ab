"""Word (.docx) with python-docx: text masked inside its runs, so that every run keeps its formatting.

Each paragraph of every Word XML part (body, tables, headers, footers, footnotes, endnotes, comments, text boxes) is
detected as one text, so a name split over a bold and a plain run is found; each masked range is mapped back onto the
``w:t`` elements it came from. Tracked deletions (``w:delText``), field codes, ``mailto:``/``tel:`` link targets,
the document properties and the authors of comments and tracked changes are masked too. Embedded objects are listed
as not redacted.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from mamori.redaction.core import Masker, RedactionError, replacement
from mamori.redaction.segments import distribute

_P = qn("w:p")
_R = qn("w:r")
_TEXT = {qn("w:t"), qn("w:delText")}
_BREAKS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
_INSTR = {qn("w:instrText"), qn("w:delInstrText")}
_WORD_XML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_AUTHOR = (qn("w:author"), qn("w:initials"))
_WITH_AUTHOR = etree.XPath(
    "descendant-or-self::*[@w:author or @w:initials]",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)
_PROPERTIES = ("author", "last_modified_by", "title", "subject", "keywords", "comments", "category")


def _paragraph(p: Any, masker: Masker) -> None:
    nodes: list[Any] = []
    parts: list[str] = []
    editable: list[bool] = []
    for el in p.iter():
        tag = el.tag
        if tag in _TEXT or tag in _BREAKS:
            if tag in _BREAKS and el.getparent().tag != _R:  # w:tab in w:tabs is a tab stop, not a tab
                continue
            if next(el.iterancestors(_P), None) is not p:  # belongs to a paragraph nested in a text box
                continue
            nodes.append(el)
            parts.append((el.text or "") if tag in _TEXT else _BREAKS[tag])
            editable.append(tag in _TEXT)
        elif tag in _INSTR and el.text:
            masked = masker.mask(el.text)
            if masked != el.text:
                el.text = masked
    joined = "".join(parts)
    if not joined.strip():
        return
    edits = masker.edits(joined)
    if not edits:
        return
    for el, old, new, ok in zip(nodes, parts, distribute(parts, edits, editable), editable, strict=True):
        if ok and new != old:
            el.text = new
            if new != new.strip():
                el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _element(element: Any, masker: Masker) -> None:
    for p in list(element.iter(_P)):
        _paragraph(p, masker)
    if masker.wants("PERSON"):  # authors of comments and tracked changes are people
        # only the elements that carry an author attribute (found in C: a styles part has thousands of elements)
        for el in _WITH_AUTHOR(element):
            for name in _AUTHOR:
                value = el.get(name)
                if value and value.strip():
                    el.set(name, replacement("PERSON", value, masker.style))
                    if name == _AUTHOR[0]:
                        masker.counts["PERSON"] += 1


def _links(part: Any, masker: Masker) -> None:
    for rel in part.rels.values():
        if not (rel.is_external and rel.reltype == RT.HYPERLINK):
            continue
        target = rel.target_ref
        scheme, sep, rest = target.partition(":")
        if sep and scheme.lower() in ("mailto", "tel"):
            address, q, query = rest.partition("?")
            masked = masker.mask(address, "E-mail" if scheme.lower() == "mailto" else "Tel")
            if masked != address:
                rel._target = f"{scheme}:{masked}{q}{query}"  # python-docx has no public setter for a target


def redact_docx_bytes(data: bytes, masker: Masker) -> bytes:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise RedactionError(f"not a readable Word document ({type(exc).__name__})") from exc
    for part in document.part.package.iter_parts():
        content_type = part.content_type
        element = getattr(part, "element", None) if hasattr(part, "_element") else None
        if element is not None:
            _element(element, masker)
        elif content_type.startswith(_WORD_XML) and content_type.endswith("+xml"):
            root = parse_xml(part.blob)
            _element(root, masker)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif "/embeddings/" in str(part.partname):
            masker.skip(f"embedded object {part.partname}: not redacted")
        _links(part, masker)
    props = document.core_properties
    for name in _PROPERTIES:
        value = getattr(props, name)
        if value:
            masked = masker.mask(value, "Name" if name in ("author", "last_modified_by") else None)
            if masked != value:
                setattr(props, name, masked)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
