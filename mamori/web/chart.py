"""A grouped bar chart drawn on the server as inline SVG (no JavaScript, no external library).

Every label is escaped here, so the markup can be placed in a page as it is. One scale per chart: every bar's height
is its value over the axis maximum (the largest value, or ``top`` when given), so bars compare by length; each bar
carries its value in ``data-value`` (the browser tests measure them).
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

COLOURS = ("#d97706", "#15803d", "#6b7280", "#2563eb")


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def bar_chart(
    categories: list[str],
    series: list[tuple[str, list[int]]] | list[tuple[str, list[float]]],
    *,
    width: int = 720,
    height: int = 240,
    title: str = "",
    top: float | None = None,
    unit: str = "",
    legend_step: int = 130,
) -> Markup:
    """Bars per category (e.g. day), one bar per series (e.g. held / released / cancelled), with a legend.

    ``top``: the axis maximum (at least the largest value); ``unit`` follows the axis labels and the values."""
    top = max([top or 1, *(v for _, values in series for v in values)])
    left, right, bottom, head = 36, 8, 34, 24
    plot_w, plot_h = width - left - right, height - bottom - head
    n = max(1, len(categories))
    slot = plot_w / n
    bar = max(1.0, (slot * 0.8) / max(1, len(series)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="chart"'
        f' data-scale-max="{_number(top)}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for frac in (0, 0.5, 1):
        y = head + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        parts.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10" fill="#6b7280">'
            f"{_number(top * frac) if unit else round(top * frac)}{escape(unit)}</text>"
        )
    for i, cat in enumerate(categories):
        x0 = left + i * slot + slot * 0.1
        for j, (name, values) in enumerate(series):
            v = values[i] if i < len(values) else 0
            h = plot_h * v / top
            parts.append(
                f'<rect x="{x0 + j * bar:.1f}" y="{head + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}"'
                f' fill="{COLOURS[j % len(COLOURS)]}" data-value="{_number(v)}">'
                f"<title>{escape(cat)} {escape(name)}: {_number(v)}{escape(unit)}</title></rect>"
            )
        if n <= 16 or i % 2 == 0:
            parts.append(
                f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle"'
                f' font-size="10" fill="#374151">{escape(cat)}</text>'
            )
    for j, (name, _) in enumerate(series):
        x = left + j * legend_step
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>')
        parts.append(f'<text x="{x + 16}" y="14" font-size="12" fill="#111827">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
