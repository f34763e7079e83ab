"""What the signed links and codes share: a key of their own derived from the app's secret, and URL-safe base64.

Decision links (`mamori.gateway.links`), invitations (`mamori.web.invitations`) and certificate codes
(`mamori.training.verify`) each sign with ``derive_key(secret, context)``: one secret in the config, a separate key
per purpose (a token made for one purpose does not verify for another).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

MIN_SECRET = 16


def derive_key(secret: str | bytes, context: bytes, *, purpose: str = "") -> bytes:
    """HMAC-SHA256 of ``context`` under ``secret``. A str secret shorter than :data:`MIN_SECRET` characters is
    refused with a ValueError naming ``purpose`` (the web app's secret key is too short to sign with)."""
    if isinstance(secret, str):
        if purpose and len(secret) < MIN_SECRET:
            raise ValueError(f"{purpose} needs the web app's secret key (at least {MIN_SECRET} characters)")
        secret = secret.encode("utf-8")
    return hmac.new(secret, context, hashlib.sha256).digest()


def b64(data: bytes) -> str:
    """URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    """The bytes of :func:`b64`'s text (binascii.Error, a ValueError, when it is not base64)."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
