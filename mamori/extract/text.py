"""Plain text, HTML, JSON and XML: decoded (Japanese encodings guessed) and reduced to their human text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from mamori.extract.charset import decode, guess
from mamori.extract.context import Context
from mamori.extract.units import Location

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<[^<>]{0,4000}>")
_ATTR_VALUE = re.compile(r"""=\s*["']([^"']*)["']""")
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_text(ctx: Context, data: bytes, location: Location, label: str | None = None) -> str:
    """Decode bytes; an ``encoding`` issue is recorded when some bytes could not be decoded."""
    text, _codec, exact = decode(data, label) if label else guess(data)
    if not exact:
        ctx.issue("encoding", "some bytes could not be decoded and were replaced", location)
    return text


def read_txt(ctx: Context, data: bytes, location: Location, label: str | None = None) -> None:
    ctx.add_text(decode_text(ctx, data, location, label), location)


class _HTMLText(HTMLParser):
    _SKIP = frozenset({"script", "style", "head", "template", "noscript"})
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "tr",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "section",
            "article",
            "blockquote",
            "pre",
            "hr",
            "dd",
            "dt",
            "ul",
            "ol",
            "title",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        if tag == "a":  # mailto: links carry addresses that the visible text may not show
            for name, value in attrs:
                if name == "href" and value and value.lower().startswith(("mailto:", "tel:")):
                    self.parts.append(f" {value.split(':', 1)[1]} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        """A comment is not shown, but it leaves with the file: its text is read (markup inside it dropped)."""
        if not self.skip:
            self.parts.append("\n" + _TAG.sub(" ", data) + "\n")


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" \t\u00a0") for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line)  # linear: no backtracking regex over long blank runs
    return re.sub(r"[ \u00a0]{2,}", " ", text)


def read_html(ctx: Context, data: bytes, location: Location, label: str | None = None) -> None:
    if label is None:
        m = _META_CHARSET.search(data[:4096])
        label = m.group(1).decode("ascii") if m else None
    ctx.add_text(html_to_text(decode_text(ctx, data, location, label)), location)


def read_json(ctx: Context, data: bytes, location: Location) -> None:
    text = decode_text(ctx, data, location)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        ctx.add_text(text, location)  # not valid JSON: inspect it as plain text
        return
    _walk_json(ctx, value, "$", location, 0)


def _walk_json(ctx: Context, value: object, path: str, location: Location, depth: int) -> None:
    if depth > 200:
        ctx.issue("depth", "JSON nested deeper than 200 levels; the rest was not inspected", location)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                # keep the key as context: {"電話番号": "03-..."}
                ctx.add_text(f"{key}: {item}", _with_field(location, f"{path}.{key}"))
            else:
                _walk_json(ctx, item, f"{path}.{key}", location, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if i % 500 == 0:
                ctx.check(location)
            _walk_json(ctx, item, f"{path}[{i}]", location, depth + 1)
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        ctx.add_text(str(value), _with_field(location, path))


def _with_field(location: Location, field: str) -> Location:
    return replace(location, field=field)


def read_xml(ctx: Context, data: bytes, location: Location) -> None:
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:  # entity declarations, external references: refused, never expanded
        ctx.issue("unsupported", f"XML with forbidden constructs ({type(exc).__name__}); not inspected", location)
        return
    except (SafeET.ParseError, ValueError):
        # expat knows few encodings (not Shift_JIS, EUC-JP): decode here and parse the text without its declaration
        m = _XML_ENCODING.search(data[:512])
        text = decode_text(ctx, data, location, m.group(1).decode("ascii") if m else None)
        try:
            root = SafeET.fromstring(_XML_DECLARATION.sub("", text, count=1))
        except Exception:  # still broken: keep the text and attribute values, drop the markup
            ctx.add_text(_TAG.sub(lambda t: " " + " ".join(_ATTR_VALUE.findall(t.group(0))) + " ", text), location)
            return
    lines: list[str] = []
    _walk_xml(root, lines)
    ctx.add_text("\n".join(lines), location)


def _walk_xml(element: Element, lines: list[str]) -> None:
    """Attribute values and text in document order (iteratively: deep documents must not exhaust the stack)."""
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if el.tail and el.tail.strip():
                lines.append(el.tail.strip())
            continue
        lines.extend(v.strip() for v in el.attrib.values() if v.strip())
        if el.text and el.text.strip():
            lines.append(el.text.strip())
        if el is not element:
            stack.append((el, True))
        stack.extend((child, False) for child in reversed(list(el)))
