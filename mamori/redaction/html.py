"""HTML: only the text between tags is masked; tags, attributes, comments, scripts and styles are kept as they were,
except the address in a ``mailto:`` or ``tel:`` link, which would otherwise leak what the text hides."""

from __future__ import annotations

import html
import re

from mamori.redaction.core import Masker
from mamori.redaction.segments import distribute

_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][\w:.-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)
_RAW = frozenset({"script", "style"})
_BLOCK = frozenset(
    {"p", "div", "br", "tr", "td", "th", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody"}
    | {"thead", "section", "article", "blockquote", "pre", "hr", "dd", "dt", "dl", "title", "head", "body", "html"}
    | {"header", "footer", "nav", "form"}
)
_LINK = re.compile(r"""(href\s*=\s*)(["']?)(mailto|tel)(:)([^"'\s>?]*)""", re.IGNORECASE)


def redact_html(source: str, masker: Masker) -> str:
    pieces: list[str] = []  # raw source pieces, in order
    texts: list[int] = []  # indices into pieces of the text nodes
    parts: list[str] = []  # unescaped text nodes and separators, for detection
    editable: list[bool] = []
    raw_until: str | None = None
    pos = 0
    for m in _TOKEN.finditer(source):
        closing, name = m.group(1), (m.group(2) or "").lower()
        if raw_until is not None and not (closing and name == raw_until):
            continue  # inside <script>/<style>: not text
        if m.start() > pos:
            if raw_until is None:
                texts.append(len(pieces))
                parts.append(html.unescape(source[pos : m.start()]))
                editable.append(True)
            pieces.append(source[pos : m.start()])
        tag = m.group(0)
        if name and not closing and name in _RAW:
            raw_until = name
        elif raw_until is not None:
            raw_until = None
        if name in _BLOCK:
            parts.append("\n")
            editable.append(False)
        if name == "a" and not closing:
            tag = _LINK.sub(lambda k: "".join(k.group(1, 2, 3, 4)) + _link(k.group(5), masker), tag)
        pieces.append(tag)
        pos = m.end()
    if pos < len(source):
        if raw_until is None:
            texts.append(len(pieces))
            parts.append(html.unescape(source[pos:]))
            editable.append(True)
        pieces.append(source[pos:])
    edits = masker.edits("".join(parts))
    if edits:
        new = distribute(parts, edits, editable)
        k = 0
        for old, text, ok in zip(parts, new, editable, strict=True):
            if not ok:
                continue
            if text != old:
                pieces[texts[k]] = html.escape(text, quote=False)
            k += 1
    return "".join(pieces)


def _link(address: str, masker: Masker) -> str:
    from urllib.parse import quote, unquote

    plain = unquote(address)
    masked = masker.mask(plain, "E-mail")
    return address if masked == plain else quote(masked, safe="@+-.*")
