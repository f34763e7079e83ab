"""Draw a course chart (horizontal bars from the figures in a page's front matter) as a self-contained SVG string.

Pure: no file, no font file, no script. Text is escaped; the SVG scales to the width of its container (viewBox)
and carries a <title> and a table-like <desc> so screen readers get the figures too.
"""

from __future__ import annotations

from html import escape

from mamori.training.course import Chart

WIDTH = 520
BAR_HEIGHT = 26
GAP = 12
TOP = 40
PALETTE = ("#1f5fa8", "#3b7fc4", "#6a9fd4", "#9bbfe4", "#c4d9ef")


def _text_width(text: str, size: float) -> float:
    """A rough width of ``text`` in pixels: full-width characters 1 em, others 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def chart_svg(chart: Chart, lang: str = "ja") -> str:
    """The chart as an ``<svg>`` element; bar lengths are proportional to the values (largest = full width)."""
    top = max((b.value for b in chart.bars), default=0.0) or 1.0
    label_width = min(max([_text_width(b.label.get(lang), 15) for b in chart.bars] + [60.0]) + 12, WIDTH * 0.45)
    plot = WIDTH - label_width - 70
    height = TOP + len(chart.bars) * (BAR_HEIGHT + GAP) + 8
    title = escape(chart.title.get(lang))
    desc = "; ".join(f"{b.label.get(lang)} {_number(b.value)}{chart.unit}" for b in chart.bars)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'class="training-chart" data-chart="{escape(chart.id)}" aria-labelledby="c-{escape(chart.id)}-t">',
        f'<title id="c-{escape(chart.id)}-t">{title}</title>',
        f"<desc>{escape(desc)}</desc>",
        f'<text x="0" y="22" font-size="17" font-weight="bold" fill="#222">{title}</text>',
    ]
    for i, bar in enumerate(chart.bars):
        y = TOP + i * (BAR_HEIGHT + GAP)
        length = max(2.0, plot * bar.value / top)
        colour = PALETTE[min(i, len(PALETTE) - 1)]
        label = escape(bar.label.get(lang))
        value = escape(f"{_number(bar.value)}{chart.unit}")
        out.append(
            f'<g class="bar"><text x="{label_width - 8:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" font-size="15" '
            f'text-anchor="end" fill="#222">{label}</text>'
            f'<rect x="{label_width:.1f}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" font-size="15" '
            f'fill="#222">{value}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
