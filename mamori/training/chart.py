"""Draw a course chart (horizontal bars from the figures in a page's front matter) as a self-contained SVG string.

Pure: no file, no font file, no script. Text is escaped; the SVG scales to the width of its container (viewBox)
and carries a <title> and a table-like <desc> so screen readers get the figures too.

One scale per chart, drawn as an axis with gridlines: a bar's length is its value over the axis maximum. The
maximum is the chart's ``max`` when the course gives one, 100 for a chart in percent (a share of a whole, so two
percent charts on one page share a scale and 37% is drawn shorter than 63.6%), else the largest value rounded up
to a round number. Bars never get their own scale, and no bar is stretched to fill the width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from mamori.training.course import Chart

WIDTH = 520
BAR_HEIGHT = 26
GAP = 12
TOP = 40
AXIS = 22  # room under the bars for the axis labels
PALETTE = ("#1f5fa8", "#3b7fc4", "#6a9fd4", "#9bbfe4", "#c4d9ef")


def _text_width(text: str, size: float) -> float:
    """A rough width of ``text`` in pixels: full-width characters 1 em, others 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least ``value`` (1 for 0 or less)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value - 1e-9:
            return float(step * power)
    return float(10 * power)


def scale_max(chart: Chart) -> float:
    """The value at the right end of the chart's one axis (see the module docstring)."""
    top = max((b.value for b in chart.bars), default=0.0)
    if chart.max is not None:
        return max(chart.max, top)
    if chart.unit == "%" and top <= 100:
        return 100.0
    return nice_ceiling(top)


def label_width(charts: Sequence[Chart], lang: str = "ja") -> float:
    """Room for the longest bar label of ``charts``; charts drawn with the same room (a page's) have the same
    plot width, so with the same axis maximum their bars are drawn to one scale."""
    widths = [_text_width(b.label.get(lang), 15) for c in charts for b in c.bars]
    return min(max([*widths, 60.0]) + 12, WIDTH * 0.45)


def chart_svg(chart: Chart, lang: str = "ja", labels: float | None = None) -> str:
    """The chart as an ``<svg>`` element; bar lengths are proportional to the values on one axis (0 to
    :func:`scale_max`), with gridlines every quarter of it. ``labels``: the room for labels (default: this
    chart's :func:`label_width`)."""
    top = scale_max(chart)
    room = labels if labels is not None else label_width([chart], lang)
    plot = WIDTH - room - 70
    bars_bottom = TOP + len(chart.bars) * (BAR_HEIGHT + GAP) - GAP + 4
    height = bars_bottom + AXIS
    title = escape(chart.title.get(lang))
    desc = "; ".join(f"{b.label.get(lang)} {_number(b.value)}{chart.unit}" for b in chart.bars)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'class="training-chart" data-chart="{escape(chart.id)}" data-scale-max="{_number(top)}" '
        f'aria-labelledby="c-{escape(chart.id)}-t">',
        f'<title id="c-{escape(chart.id)}-t">{title}</title>',
        f"<desc>{escape(desc)}</desc>",
        f'<text x="0" y="22" font-size="17" font-weight="bold" fill="#222">{title}</text>',
    ]
    for k in range(5):  # the axis: 0, 1/4 ... 4/4 of the maximum
        x = room + plot * k / 4
        out.append(
            f'<g class="tick"><line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bars_bottom}" stroke="#ccc" '
            f'stroke-width="1"/><text x="{x:.1f}" y="{bars_bottom + 16}" font-size="12" text-anchor="middle" '
            f'fill="#555">{escape(_number(top * k / 4) + chart.unit)}</text></g>'
        )
    for i, bar in enumerate(chart.bars):
        y = TOP + i * (BAR_HEIGHT + GAP)
        length = plot * bar.value / top
        colour = PALETTE[min(i, len(PALETTE) - 1)]
        label = escape(bar.label.get(lang))
        value = escape(f"{_number(bar.value)}{chart.unit}")
        out.append(
            f'<g class="bar"><text x="{room - 8:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" font-size="15" '
            f'text-anchor="end" fill="#222">{label}</text>'
            f'<rect x="{room:.1f}" y="{y}" width="{length:.2f}" height="{BAR_HEIGHT}" fill="{colour}" '
            f'data-value="{_number(bar.value)}"/>'
            f'<text x="{room + length + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" font-size="15" '
            f'fill="#222">{value}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
