"""The check API's 422 messages in Japanese: each validation error gets ``msg_ja`` beside FastAPI's ``msg``.

FastAPI words a validation error in English (``Field required``). Every error item also carries ``msg_ja``, the
same in Japanese (as the API's other errors carry ``message_ja``); a request whose ``Accept-Language`` prefers
Japanese gets the Japanese sentence in ``msg`` too. ``type`` and ``loc`` stay as they are: they are for programs.
The field is named by its path in the request (``recipients[0].address``), never by a value of the input.
"""

from __future__ import annotations

from typing import Any

# the API's own validators (api_models.py): English message -> Japanese
_OWN = {
    "content_base64 is not valid base64": "content_base64 が正しい Base64（RFC 4648、改行なし）ではありません。",
    "sender needs an address or a handle": "送信者にはアドレスかチャットのアカウントが必要です。",
    "a chat recipient needs a name, a handle or an address": (
        "チャットの宛先には名前・アカウント・アドレスのいずれかが必要です。"
    ),
    "The body is not JSON in UTF-8": "リクエストの本文を UTF-8 の JSON として読めません。",
}
# pydantic's error types -> Japanese, {field} the path of the field
_BY_TYPE = {
    "missing": "{field} は必須です。",
    "extra_forbidden": "{field} は使えない項目です。",
    "string_type": "{field} は文字列で指定してください。",
    "bool_type": "{field} は true か false で指定してください。",
    "int_type": "{field} は整数で指定してください。",
    "int_parsing": "{field} は整数で指定してください。",
    "list_type": "{field} は配列で指定してください。",
    "dict_type": "{field} はオブジェクトで指定してください。",
    "model_type": "{field} はオブジェクトで指定してください。",
    "model_attributes_type": "{field} はオブジェクトで指定してください。",
    "literal_error": "{field} に指定できない値です。",
    "enum": "{field} に指定できない値です。",
    "union_tag_invalid": "{field} に指定できない値です。",
    "union_tag_not_found": "{field} がありません。",
    "too_short": "{field} の要素が足りません。",
    "too_long": "{field} が長すぎます。",
    "string_too_short": "{field} が短すぎます（空にはできません）。",
    "string_too_long": "{field} が長すぎます。",
    "json_invalid": "リクエストの本文を UTF-8 の JSON として読めません。",
}
_FALLBACK = "{field} の値が正しくありません。"


def field_path(loc: list[Any] | tuple[Any, ...]) -> str:
    """``["body", "chat", "recipients", 0, "address"]`` -> ``recipients[0].address`` (the request's own path)."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[1:]
    if parts and parts[0] in ("chat", "email", "fax") and len(parts) > 1:
        parts = parts[1:]  # the discriminated union's tag, not a field of the request
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "リクエスト"


def japanese(error: dict[str, Any]) -> str:
    """The Japanese message for one validation error item (``type``, ``loc``, ``msg``)."""
    msg = str(error.get("msg", ""))
    for english, ja in _OWN.items():
        if english in msg:
            return ja
    return _BY_TYPE.get(str(error.get("type", "")), _FALLBACK).format(field=field_path(error.get("loc") or []))


def prefers_japanese(accept_language: str | None) -> bool:
    """Whether an ``Accept-Language`` header's most preferred language is Japanese (``ja``, ``ja-JP``)."""
    best, best_q = "", -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag and q > best_q:
            best, best_q = tag.strip().lower(), q
    return best == "ja" or best.startswith("ja-")


def localised(errors: list[dict[str, Any]], accept_language: str | None) -> list[dict[str, Any]]:
    """The error items with ``msg_ja``; ``msg`` in Japanese too when the request prefers Japanese."""
    ja = prefers_japanese(accept_language)
    out = []
    for e in errors:
        item = {**e, "msg_ja": japanese(e)}
        if ja:
            item["msg"] = item["msg_ja"]
        out.append(item)
    return out
