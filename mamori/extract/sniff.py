"""Format detection: magic bytes first, then the file name and the declared content type.

A declared type is never believed over the bytes: a file named or typed as an image is an image only when its
bytes start like one; otherwise it is sniffed as any other file (text, mail, HTML...) and read as that.
"""

from __future__ import annotations

import io
import zipfile

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_OTHER_ARCHIVES = (
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_SUBSTG = "__substg1.0_".encode("utf-16-le")  # directory entry names of MAPI property streams
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_BY_EXTENSION = {
    "eml": "eml",
    "msg": "msg",
    "docx": "docx",
    "docm": "docx",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "pptx": "pptx",
    "pptm": "pptx",
    "pdf": "pdf",
    "csv": "csv",
    "tsv": "csv",
    "txt": "txt",
    "log": "txt",
    "md": "txt",
    "html": "html",
    "htm": "html",
    "json": "json",
    "xml": "xml",
    "zip": "zip",
    "png": "image",
    "jpg": "image",
    "jpeg": "image",
    "gif": "image",
    "bmp": "image",
    "tif": "image",
    "tiff": "image",
    "heic": "image",
    "webp": "image",
}

_BY_CONTENT_TYPE = {
    "message/rfc822": "eml",
    "application/vnd.ms-outlook": "msg",
    "application/pdf": "pdf",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "text/html": "html",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/zip": "zip",
    "application/x-zip-compressed": "zip",
}

_MAIL_HEADERS = (
    b"received:",
    b"return-path:",
    b"from:",
    b"to:",
    b"subject:",
    b"mime-version:",
    b"message-id:",
    b"date:",
    b"delivered-to:",
    b"x-",
    b"content-type:",
)


def extension(filename: str) -> str:
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except Exception:  # a broken zip is still a zip; its reader reports it
        return "zip"
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
    return "zip"


def _looks_like_mail(data: bytes) -> bool:
    head = data[:4096].lstrip()
    if head.startswith(b"From ") and b"\n" in head:  # mbox separator line
        head = head.split(b"\n", 1)[1]
    lines = head.split(b"\n", 8)[:8]
    hits = sum(1 for line in lines if line.lower().startswith(_MAIL_HEADERS))
    return hits >= 2


def sniff(data: bytes, filename: str = "", content_type: str | None = None) -> str:
    """The format name used to pick a reader: eml, msg, docx, xlsx, pptx, pdf, csv, txt, html, json, xml, zip,
    image, ole (legacy Office), archive (gzip, 7z, rar...), binary, or empty."""
    if not data:
        return "empty"
    ext = extension(filename)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(b"%PDF") or (b"%PDF-" in data[:1024] and ext == "pdf"):
        return "pdf"
    if data.startswith(_OLE):
        return (
            "msg"
            if ext == "msg" or ctype == "application/vnd.ms-outlook" or b"_\x00_\x00s\x00u\x00b\x00s\x00t\x00g" in data
            else "ole"
        )
    for magic, _ in _IMAGE_MAGIC:
        if data.startswith(magic):
            return "image"
    if (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image"
    for magic, _ in _OTHER_ARCHIVES:
        if data.startswith(magic):
            return "archive"
    declared_image = ctype.startswith("image/") or _BY_EXTENSION.get(ext) == "image"
    if declared_image and data[4:8] == b"ftyp":  # HEIF/AVIF brands beyond the common ones
        return "image"
    # a declared image without an image's bytes is read as what it is (a list renamed photo.jpg is a list)
    by_name = _BY_EXTENSION.get(ext) or _BY_CONTENT_TYPE.get(ctype)
    if by_name in ("eml", "csv", "html", "json", "xml", "txt"):
        return by_name
    if _looks_like_mail(data):
        return "eml"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    if ctype.startswith("text/"):
        return "txt"
    if _is_text(data):
        return "txt"
    return "binary"


def _is_text(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls <= len(sample) // 100
