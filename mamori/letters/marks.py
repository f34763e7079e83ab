"""The control mark's payload (pure): what the QR code on each stamped page says, and the run's manifest.

A mark is 17 bytes written as 28 characters of RFC 4648 base32 (upper case, no padding), so the QR code uses its
alphanumeric mode and stays at version 2 (25×25 modules) with error correction level Q (a quarter of the code may
be lost):

    version (1 byte, 1) · run id (4) · letter (2) · letters in the run (2) · page (1) · pages of the letter (1)
    · recipient hash (4) · CRC-16/CCITT of the 15 bytes before it (2)

The recipient hash is HMAC-SHA256 of the recipient's list id under the run's secret key, cut to 4 bytes: the code
carries no personal data in clear, and without the key (kept in the manifest) the hash cannot be matched to an id.
The CRC detects every change of up to 16 consecutive bits, so any one character misread or changed is rejected,
and another QR code on the page (a payment code, a URL) is never taken for a mark. `decode` is strict: it accepts
only the exact text `encode` writes.

The manifest (JSON, embedded in the stamped PDF and optionally written beside it) records the run id, the key,
and each letter's page count and recipient id, so ``mamori letters verify`` can name the recipients and tell a
mark of this run from one of another run.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import struct
from dataclasses import dataclass

VERSION = 1
MANIFEST_NAME = "mamori-marks.json"  # the stamped PDF's embedded file
MAX_LETTERS = 0xFFFF
MAX_PAGES = 0xFF
_BODY = struct.Struct(">B4sHHBB4s")
_TEXT = re.compile(r"[A-Z2-7]{28}")


class MarkError(ValueError):
    """A mark or manifest that cannot be made or read (bilingual message)."""

    def __init__(self, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class Mark:
    """What one page's mark says: the run, letter ``letter`` of ``letters`` (from 1), page ``page`` of ``pages``
    of that letter (from 1), and the 4-byte hash of its recipient."""

    run: bytes
    letter: int
    letters: int
    page: int
    pages: int
    recipient: bytes

    @property
    def run_id(self) -> str:
        return self.run.hex()

    @property
    def label(self) -> str:
        """The short text printed under the code for people: letter-page/pages."""
        return f"{self.letter}-{self.page}/{self.pages}"


def encode(mark: Mark) -> str:
    """The QR text of ``mark``; `MarkError` when a field is out of range."""
    if len(mark.run) != 4 or len(mark.recipient) != 4:
        raise MarkError("run id and recipient hash are 4 bytes", "実行 ID と宛先ハッシュは 4 バイトです")
    if not (1 <= mark.letter <= mark.letters <= MAX_LETTERS):
        raise MarkError(
            f"letter {mark.letter} of {mark.letters}: a run may have 1 to {MAX_LETTERS} letters",
            f"{mark.letters} 通中 {mark.letter} 通目: 1 回分は 1〜{MAX_LETTERS} 通までです",
        )
    if not (1 <= mark.page <= mark.pages <= MAX_PAGES):
        raise MarkError(
            f"page {mark.page} of {mark.pages} of letter {mark.letter}: a letter may have 1 to {MAX_PAGES} pages",
            f"{mark.letter} 通目の {mark.pages} ページ中 {mark.page} ページ目: 1 通は 1〜{MAX_PAGES} ページまでです",
        )
    body = _BODY.pack(VERSION, mark.run, mark.letter, mark.letters, mark.page, mark.pages, mark.recipient)
    data = body + struct.pack(">H", binascii.crc_hqx(body, 0xFFFF))
    return base64.b32encode(data).decode("ascii").rstrip("=")


def decode(text: str) -> Mark | None:
    """The mark ``text`` says, or None when it is not a mark of this version (another QR code, a misread)."""
    if not _TEXT.fullmatch(text):
        return None
    data = base64.b32decode(text + "====")
    body, check = data[:-2], data[-2:]
    if struct.unpack(">H", check)[0] != binascii.crc_hqx(body, 0xFFFF):
        return None
    version, run, letter, letters, page, pages, recipient = _BODY.unpack(body)
    if version != VERSION or not (1 <= letter <= letters) or not (1 <= page <= pages):
        return None
    mark = Mark(run, letter, letters, page, pages, recipient)
    return mark if encode(mark) == text else None  # the padding bits too: one text per mark


def recipient_hash(key: bytes, recipient: str | None) -> bytes:
    """The 4-byte keyed hash of a recipient's list id (a letter without a recipient hashes the empty id)."""
    return hmac.new(key, (recipient or "").encode("utf-8"), hashlib.sha256).digest()[:4]


@dataclass(frozen=True, slots=True)
class ManifestLetter:
    """One letter of a stamped run: its pages in the run PDF (from 1) and its recipient's list id (None: none)."""

    index: int
    pages: tuple[int, ...]
    recipient: str | None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A stamped run: its id (4 bytes), the key of its recipient hashes, the source PDF's name, its letters."""

    run: bytes
    key: bytes
    source: str
    letters: tuple[ManifestLetter, ...]

    @property
    def run_id(self) -> str:
        return self.run.hex()

    def mark(self, letter: ManifestLetter, page: int) -> Mark:
        """The mark of page ``page`` (from 1) of ``letter``."""
        return Mark(
            self.run,
            letter.index,
            len(self.letters),
            page,
            len(letter.pages),
            recipient_hash(self.key, letter.recipient),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "mamori_marks": VERSION,
                "run": self.run.hex(),
                "key": self.key.hex(),
                "source": self.source,
                "letters": [
                    {"index": m.index, "pages": list(m.pages), "recipient": m.recipient} for m in self.letters
                ],
            },
            ensure_ascii=False,
            indent=1,
        )


def manifest_from_json(text: str) -> Manifest:
    """The manifest ``to_json`` wrote; `MarkError` for anything else."""
    bad = MarkError(
        "not a manifest of mamori letters stamp (version 1)",
        "mamori letters stamp の管理ファイル（版 1）ではありません",
    )
    try:
        obj = json.loads(text)
        if not isinstance(obj, dict) or obj.get("mamori_marks") != VERSION:
            raise bad
        run, key = bytes.fromhex(obj["run"]), bytes.fromhex(obj["key"])
        letters = tuple(
            ManifestLetter(int(m["index"]), tuple(int(p) for p in m["pages"]), m["recipient"])
            for m in obj["letters"]
        )
        source = str(obj.get("source", ""))
    except (ValueError, KeyError, TypeError):
        raise bad from None
    if len(run) != 4 or not key or [m.index for m in letters] != list(range(1, len(letters) + 1)):
        raise bad
    if any(not m.pages or len(m.pages) > MAX_PAGES for m in letters) or len(letters) > MAX_LETTERS:
        raise bad
    if any(m.recipient is not None and not isinstance(m.recipient, str) for m in letters):
        raise bad
    return Manifest(run, key, source, letters)
