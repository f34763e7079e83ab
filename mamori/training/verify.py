"""Certificate verification codes: printed on a certificate, checked by the web app (valid or invalid).

A code is ``<record number>-XXXX-XXXX-XXXX-XXXX``: the training record's number, then 80 bits of an HMAC-SHA256,
keyed with a key derived from the web app's secret key, over what makes the completion (login, course, year,
completion time, course version). Nothing is stored: the web app recomputes the HMAC from the record. A code is
valid while the record still holds that completion and the secret key is unchanged (changing ``[web]
secret_key``, or deleting ``secret_key`` in the data folder, invalidates every certificate issued before).

The answer to a check (:class:`Verification`) holds only what the certificate itself shows: the name printed on
it, the course and its version, the completion date, the company and the issuer. Never the login.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from mamori.signing import derive_key
from mamori.training.progress import Progress
from mamori.training.reports import JST

_CONTEXT = b"mamori training certificate v1"
_CODE = re.compile(r"^(\d{1,12})-([A-Z2-7]{4})-([A-Z2-7]{4})-([A-Z2-7]{4})-([A-Z2-7]{4})$")


def certificate_key(secret: str | bytes) -> bytes:
    """The key of certificate codes, derived from the app's secret (a separate key for a separate purpose)."""
    return derive_key(secret, _CONTEXT)


def _mac(key: bytes, record_id: int, p: Progress) -> str:
    if p.completed_at is None:
        raise ValueError("the course is not completed; no certificate code")
    message = "\0".join(
        (str(record_id), p.user, p.course_id, str(p.year), p.completed_at.isoformat(), p.completed_version)
    ).encode("utf-8")
    digest = hmac.new(key, message, hashlib.sha256).digest()[:10]  # 80 bits
    return base64.b32encode(digest).decode("ascii")  # 16 characters, no padding for 10 bytes


def certificate_code(key: bytes, record_id: int, progress: Progress) -> str:
    """The code printed on the certificate of a completed record."""
    mac = _mac(key, record_id, progress)
    return f"{record_id}-" + "-".join(mac[i : i + 4] for i in range(0, 16, 4))


def normalise(code: str) -> str:
    """A code as typed (spaces, lower case, full-width characters, no dashes in the letters) in canonical form."""
    import unicodedata

    text = unicodedata.normalize("NFKC", code).strip().upper().replace(" ", "").replace("ー", "-")
    number, _, rest = text.partition("-")
    letters = rest.replace("-", "")
    if not number or len(letters) != 16:
        return text
    return f"{number}-" + "-".join(letters[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Verification:
    """A valid certificate's facts, as printed on it (no login, no score history)."""

    code: str
    name: str
    course_id: str
    course_title_ja: str
    course_title_en: str
    course_version: str
    completed_on: date
    year: int
    company: str
    issuer: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "valid": True,
            "code": self.code,
            "name": self.name,
            "course": {"id": self.course_id, "title": {"ja": self.course_title_ja, "en": self.course_title_en},
                       "version": self.course_version},
            "completed_on": self.completed_on.isoformat(),
            "year": self.year,
            "company": self.company,
            "issuer": self.issuer,
        }


def verify_code(
    db: Any, key: bytes, code: str, titles: dict[str, tuple[str, str]], company: str = "", issuer: str = ""
) -> Verification | None:
    """The certificate ``code`` stands for, or None when it is not valid (malformed, unknown, altered, revoked).

    ``titles``: course id -> (Japanese title, English title) of the courses the app offers.
    """
    from mamori.training.records import progress_by_id

    m = _CODE.match(normalise(code))
    if m is None:
        return None
    record_id = int(m.group(1))
    progress = progress_by_id(db, record_id)
    if progress is None or progress.completed_at is None:
        return None
    expected = certificate_code(key, record_id, progress)
    if not hmac.compare_digest(expected, normalise(code)):
        return None
    title_ja, title_en = titles.get(progress.course_id, (progress.course_id, progress.course_id))
    return Verification(
        code=expected,
        name=progress.display_name or progress.user,
        course_id=progress.course_id,
        course_title_ja=title_ja,
        course_title_en=title_en,
        course_version=progress.completed_version,
        completed_on=progress.completed_at.astimezone(JST).date(),
        year=progress.year,
        company=company,
        issuer=issuer,
    )

