"""Small charts drawn straight on a reportlab canvas: bars (side by side or stacked) and pies,
with a legend; used by the printed statistics."""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor

from elderdesk.reports import fonts
from elderdesk.reports.tables import PALETTE, StatTable, largest, short_labels

LABEL = 7.0


def _nice(top: float) -> float:
    """A round axis maximum at or above top."""
    if top <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 2.5, 5, 10):
        if step * exp >= top:
            return step * exp
    return 10 * exp


def _number(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 or v == int(v) else f"{v:,.1f}"


def _legend(c, x: float, y: float, names: list[str], colors: list) -> None:
    for k, name in enumerate(names):
        c.setFillColor(colors[k])
        c.rect(x, y - 1, 7, 7, stroke=0, fill=1)
        c.setFillGray(0)
        fonts.draw_string(c, x + 10, y, name, LABEL)
        x += 18 + fonts.text_width(name, LABEL)


def draw_chart(c, table: StatTable, x: float, top: float, width: float, height: float) -> None:
    """The table's chart in the box (x, top, width, height); nothing when it has none."""
    chart = table.chart
    if chart is None:
        return
    cats, series = chart.series(table)
    colors = [HexColor(chart.color(k, PALETTE)) for k in range(max(len(cats), len(series)))]
    fonts.draw_string(c, x, top - 10, chart.title or table.title, 9)
    if chart.kind == "pie":
        _pie(c, cats, series[0][1] if series else [], colors, x, top - 18, width, height - 18)
        return
    cats, series = largest(cats, series, chart.kind)
    if chart.kind == "hbar":
        _hbars(c, cats, series[0][1] if series else [], colors[0], x, top - 18, width,
               height - 18)
        return
    _bars(c, short_labels(cats), series, colors, chart.kind == "stacked", x, top - 18, width,
          height - 18)


def _bars(c, cats: list[str], series: list[tuple[str, list[float]]], colors: list,
          stacked: bool, x: float, top: float, width: float, height: float) -> None:
    if not cats:
        return
    left, bottom = x + 40, top - height + 30
    plot_w, plot_h = width - 50, height - 48
    sums = [sum(s[1][i] for s in series) for i in range(len(cats))]
    top_value = max(sums) if stacked else max((v for s in series for v in s[1]), default=0)
    whole = all(float(v).is_integer() for s in series for v in s[1])
    peak = 4 * max(_nice(top_value / 4), 1.0 if whole else 0.0)  # ticks at quarters
    c.setStrokeGray(0.8)
    c.setLineWidth(0.4)
    for k in range(5):
        y = bottom + plot_h * k / 4
        c.line(left, y, left + plot_w, y)
        fonts.draw_string(c, left - 3, y - 2.5, _number(peak * k / 4), LABEL - 1, "right")
    c.setStrokeGray(0)
    slot = plot_w / len(cats)
    n = 1 if stacked else len(series)
    bar = min(28.0, slot * 0.7 / n)
    for i, cat in enumerate(cats):
        x0 = left + slot * i + (slot - bar * n) / 2
        base = bottom
        for k, (_name, values) in enumerate(series):
            h = plot_h * values[i] / peak
            c.setFillColor(colors[k])
            bx = x0 if stacked else x0 + k * bar
            c.rect(bx, base, bar, h, stroke=0, fill=1)
            if stacked:
                base += h
        c.setFillGray(0)
        label = cat if fonts.text_width(cat, LABEL - 1) <= slot - 2 else cat[: max(2, int(
            (slot - 2) / (LABEL - 1)))] + "…"
        fonts.draw_string(c, left + slot * (i + 0.5), bottom - 10, label, LABEL - 1, "center")
    c.line(left, bottom, left + plot_w, bottom)
    if len(series) > 1 or series[0][0]:
        _legend(c, left, top - height + 4, [name for name, _ in series], colors)


def _hbars(c, cats: list[str], values: list[float], color, x: float, top: float, width: float,
           height: float) -> None:
    """Horizontal bars, one per category, the label on the left and the value at the end."""
    if not cats:
        return
    step = min(14.0, (height - 4) / len(cats))
    size = min(8.0, step * 0.75)
    label_w = min(width * 0.3, max(fonts.text_width(t, size) for t in cats) + 6)
    left, plot_w = x + label_w, width - label_w - 40
    peak = max(values) or 1.0
    y = top - 4
    for cat, v in zip(cats, values, strict=True):
        fonts.draw_string(c, left - 4, y - step * 0.7, cat, size, "right")
        c.setFillColor(color)
        c.rect(left, y - step * 0.85, plot_w * v / peak, step * 0.7, stroke=0, fill=1)
        c.setFillGray(0)
        fonts.draw_string(c, left + plot_w * v / peak + 3, y - step * 0.7, _number(v), size)
        y -= step


def _pie(c, cats: list[str], values: list[float], colors: list, x: float, top: float,
         width: float, height: float) -> None:
    total = sum(values)
    r = min(height - 10, width / 2) / 2
    cx, cy = x + r + 10, top - height / 2
    if total <= 0:
        fonts.draw_string(c, cx, cy, "无数据", 9, "center")
        return
    angle = 90.0
    for k, v in enumerate(values):
        extent = 360.0 * v / total
        if v > 0:
            c.setFillColor(colors[k])
            c.setStrokeGray(1)
            c.wedge(cx - r, cy - r, cx + r, cy + r, angle, -extent, stroke=1, fill=1)
        angle -= extent
    c.setFillGray(0)
    c.setStrokeGray(0)
    y = cy + r - 8
    for k, (cat, v) in enumerate(zip(cats, values, strict=True)):
        c.setFillColor(colors[k])
        c.rect(cx + r + 20, y - 1, 7, 7, stroke=0, fill=1)
        c.setFillGray(0)
        fonts.draw_string(c, cx + r + 31, y, f"{cat}：{_number(v)}（{v * 100 / total:.1f}%）", 8)
        y -= 13
