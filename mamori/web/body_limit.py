"""A request body held to a size limit: refused from its Content-Length before it is read, and stopped while it
is read when it is chunked or longer than it said (the check API and the upload pages)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request

Receive = Callable[[], Awaitable[Any]]


def declared_over(request: Request, limit: int) -> bool:
    """The request says (Content-Length) that its body is over ``limit`` bytes, or says it in a form no server
    should trust (not a plain number)."""
    length = request.headers.get("content-length")
    return length is not None and (not length.isdigit() or int(length) > limit)


def limited(request: Request, limit: int, too_large: Callable[[], Exception]) -> Request:
    """The same request, whose body raises ``too_large()`` as soon as more than ``limit`` bytes have come."""
    receive = request.receive
    seen = 0

    async def counted() -> Any:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise too_large()
        return message

    return Request(request.scope, counted)
