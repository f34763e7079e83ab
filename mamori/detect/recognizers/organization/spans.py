"""Collecting the spans a recognizer finds in text order, free of overlaps (the longer span wins)."""

from __future__ import annotations


def add_span(spans: list[tuple[int, int, float]], s: int, e: int, score: float) -> None:
    """Append a span found in text order, keeping the list free of overlaps (the longer span wins)."""
    while spans and s <= spans[-1][0] and e >= spans[-1][1]:
        spans.pop()  # 日本放送 inside 日本放送協会
    if spans and s < spans[-1][1]:
        if e - s <= spans[-1][1] - spans[-1][0]:
            return
        spans.pop()
    spans.append((s, e, score))
