"""PDF text layer, page by page (pypdf; Japanese CID fonts with standard CMaps included).

Scanned pages (images without text) are reported as not inspected; encrypted files are opened only when they
need no password.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import replace

from mamori.extract.context import Context, Stop
from mamori.extract.units import Location

# pypdf's log messages about broken files quote the file's bytes, and mamori never logs content: its records
# stop at the "pypdf" logger (all its modules log below it) and go nowhere.
_PYPDF_LOG = logging.getLogger("pypdf")
_PYPDF_LOG.addHandler(logging.NullHandler())
_PYPDF_LOG.propagate = False


def read_pdf(ctx: Context, data: bytes, location: Location) -> None:
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception:  # missing crypto backend, unknown algorithm
                    opened = 0
                if not opened:
                    ctx.issue("encrypted", "password-protected PDF; not inspected", location)
                    return
            count = len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds on broken files
        ctx.issue("corrupt", f"unreadable PDF ({type(exc).__name__})", location)
        return
    if count > ctx.limits.max_pages:
        ctx.issue("pages", f"{count} pages; only the first {ctx.limits.max_pages} were inspected", location)
    blank_with_images: list[int] = []
    for index in range(min(count, ctx.limits.max_pages)):
        page_loc = replace(location, page=index + 1)
        ctx.check(page_loc)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                page = reader.pages[index]
                text = page.extract_text() or ""
                has_images = not text.strip() and _has_images(page)
        except Stop:
            raise
        except Exception as exc:
            ctx.issue("corrupt", f"page could not be read ({type(exc).__name__})", page_loc)
            continue
        if text.strip():
            ctx.add_text(text, page_loc)
        elif has_images:
            blank_with_images.append(index + 1)
    if blank_with_images:
        pages = ", ".join(str(p) for p in blank_with_images[:20])
        more = " ..." if len(blank_with_images) > 20 else ""
        ctx.issue(
            "image", f"page(s) {pages}{more} hold images without a text layer (scanned?); not inspected", location
        )


def _has_images(page: object) -> bool:
    try:
        resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
        xobjects = resources.get("/XObject") or {}
        return any(xobjects[name].get("/Subtype") == "/Image" for name in xobjects)
    except Exception:
        return False
