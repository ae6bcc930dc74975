"""Ruled tables on a reportlab canvas: text fitted into cells (wrap, then shrink), grids,
merged summary bands, and page planning with fixed row heights. Used by the printed roster.

Drawing with the canvas directly instead of platypus Table keeps a 10,000-line roster fast:
fitting is cached per (text, width, height), since streets, communities and banks repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from elderdesk.reports import fonts

PAD = 2.0  # points left and right of the text in a cell
SIZES = (7.0, 6.5, 6.0, 5.5, 5.0, 4.5)  # tried in order; wrapping first, then shrinking
MIN_SIZE = 4.5
LEADING = 1.2
HEADER_GREY = 0.9


@dataclass
class Cols:
    """Column geometry: spec items are (title, width, align l|c|r, wrap)."""

    x0: float
    spec: list[tuple[str, float, str, bool]]

    def __post_init__(self) -> None:
        self.widths = [w for _, w, _, _ in self.spec]
        self.aligns = [a for _, _, a, _ in self.spec]
        self.wraps = [r for _, _, _, r in self.spec]
        self.xs = [self.x0]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)


@lru_cache(maxsize=8192)
def _em(ch: str) -> float:
    return fonts.text_width(ch, 1.0)


def _width(text: str, size: float) -> float:
    return size * sum(map(_em, text))


def _wrap(text: str, avail: float, size: float) -> list[str]:
    """Greedy line breaking by character (Chinese has no spaces); never splits a character."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = _em(ch) * size
        if line and used + w > avail:
            lines.append(line.rstrip())
            line, used = ("", 0.0) if ch == " " else (ch, w)
        else:
            line, used = line + ch, used + w
    if line:
        lines.append(line)
    return lines


def _balanced(text: str, avail: float, size: float) -> list[str]:
    """As few lines as greedy wrapping needs, but of even length (常青花园/第一社区, not
    常青花园第一社/区)."""
    lines = _wrap(text, avail, size)
    if len(lines) < 2:
        return lines
    target = _width(text, size) / len(lines)
    while target < avail:
        even = _wrap(text, target, size)
        if len(even) <= len(lines):
            return even
        target += size / 2
    return lines


@lru_cache(maxsize=200_000)
def fit(text: str, avail: float, height: float, wrap: bool) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) so that `text` fits `avail` points wide and `height` tall."""
    if not text:
        return SIZES[0], ()
    em = _width(text, 1.0)
    if em * SIZES[0] <= avail:
        return SIZES[0], (text,)
    if not wrap and avail / em >= MIN_SIZE:  # numbers shrink rather than break
        return int(avail / em * 10) / 10, (text,)
    lines: list[str] = []
    for size in SIZES:
        lines = _balanced(text, avail, size)
        if len(lines) * size * LEADING <= height - 1:
            return size, tuple(lines)
    room = max(1, int((height - 1) / (MIN_SIZE * LEADING)))
    tail = lines[room - 1]
    while tail and _width(tail + "…", MIN_SIZE) > avail:
        tail = tail[:-1]
    return MIN_SIZE, tuple(lines[: room - 1] + [tail + "…"])  # absurdly long: cut, visibly


def draw_text(
    c, x: float, width: float, top: float, height: float, text: str, align: str, wrap: bool = True
) -> None:
    """Draw `text` fitted and vertically centred in the box (x, top, width, height)."""
    size, lines = fit(text, width - 2 * PAD, height, wrap)
    if not lines:
        return
    step = size * LEADING
    y = top - (height - len(lines) * step) / 2 - size * 0.95
    if align == "l":
        tx, how = x + PAD, "left"
    elif align == "r":
        tx, how = x + width - PAD, "right"
    else:
        tx, how = x + width / 2, "center"
    for line in lines:
        fonts.draw_string(c, tx, y, line, size, how)
        y -= step


def draw_cells(
    c, cols: Cols, top: float, height: float, texts: list[str], header: bool = False
) -> None:
    """One row of cells with its own grid; a header row is shaded and centred."""
    if header:
        c.setFillGray(HEADER_GREY)
        c.rect(cols.xs[0], top - height, cols.xs[-1] - cols.xs[0], height, stroke=0, fill=1)
        c.setFillGray(0)
    for i, text in enumerate(texts):
        if text:
            draw_text(
                c,
                cols.xs[i],
                cols.widths[i],
                top,
                height,
                text,
                "c" if header else cols.aligns[i],
                header or cols.wraps[i],
            )
    grid(c, cols, top, height, 1)


def draw_rows(c, cols: Cols, top: float, row_h: float, rows: list[list[str]]) -> None:
    """Several rows of the same height, then one grid for all of them."""
    xs, widths, aligns, wraps = cols.xs, cols.widths, cols.aligns, cols.wraps
    for r, texts in enumerate(rows):
        y = top - r * row_h
        for i, text in enumerate(texts):
            if text:
                draw_text(c, xs[i], widths[i], y, row_h, text, aligns[i], wraps[i])
    grid(c, cols, top, row_h, len(rows))


def grid(c, cols: Cols, top: float, row_h: float, n: int) -> None:
    xs, bottom = cols.xs, top - n * row_h
    segs = [(xs[0], top - k * row_h, xs[-1], top - k * row_h) for k in range(n + 1)]
    segs += [(x, top, x, bottom) for x in xs]
    c.lines(segs)


def draw_band(
    c, cols: Cols, top: float, height: float, spans: list[tuple[int, int, str, str]]
) -> None:
    """A summary row of merged cells: spans are (first col, end col, text, align)."""
    xs = cols.xs
    segs = [(xs[0], top, xs[-1], top), (xs[0], top - height, xs[-1], top - height)]
    for first, end, text, align in spans:
        segs += [(xs[first], top, xs[first], top - height), (xs[end], top, xs[end], top - height)]
        draw_text(c, xs[first], xs[end] - xs[first], top, height, text, align, wrap=True)
    c.lines(segs)


Op = tuple[str, float, int, int]  # (what, top y, first, end)


def plan_pages(
    n_rows: int,
    n_recs: int,
    *,
    top: float,
    bottom: float,
    row_h: float,
    head_h: float,
    sum_h: float,
    rec_row_h: float,
    sign_h: float,
    rec_title_h: float = 20.0,
    gap: float = 10.0,
) -> list[list[Op]]:
    """Page-by-page drawing operations for: the main table (header, rows, page subtotal on
    every page, grand total on the last), then recoveries (title, header, rows, total; header
    repeated on each page), then the signature block. The signatures never stand alone on a
    page: the last row of the table before them is carried over instead."""
    pages: list[list[Op]] = [[]]
    y = top
    tail = gap + sign_h

    start = 0
    while True:
        k = min(n_rows - start, max(1, int((y - bottom - head_h - 2 * sum_h) // row_h)))
        last = start + k == n_rows
        if last and not n_recs and k > 1 and y - head_h - (k + 2) * row_h - tail < bottom:
            k -= 1  # at least one row goes with the totals and the signatures
            last = False
        pages[-1] += [("head", y, 0, 0), ("rows", y - head_h, start, start + k)]
        y -= head_h + k * row_h
        if k:
            pages[-1].append(("subtotal", y, start, start + k))
            y -= sum_h
        start += k
        if last:
            break
        pages.append([])
        y = top
    pages[-1].append(("total", y, 0, 0))
    y -= sum_h

    i = 0
    fixed = rec_title_h + head_h + sum_h
    while i < n_recs:
        y -= gap
        k = min(n_recs - i, int((y - bottom - fixed) // rec_row_h))
        last = i + k == n_recs
        if last and y - fixed - k * rec_row_h - tail < bottom:
            k, last = k - 1, False  # carry the last row to the page with the signatures
        if k < 1 and pages[-1]:
            pages.append([])
            y = top
            continue
        if k < 1:  # a fresh page too small for one row and the signatures: never loop
            k, last = 1, i + 1 == n_recs
        pages[-1] += [
            ("rec_title", y, 1 if i else 0, 0),
            ("rec_head", y - rec_title_h, 0, 0),
            ("rec_rows", y - rec_title_h - head_h, i, i + k),
        ]
        y -= rec_title_h + head_h + k * rec_row_h
        i += k
        if not last:
            pages.append([])
            y = top
    if n_recs:
        pages[-1].append(("rec_total", y, 0, 0))
        y -= sum_h
    if y - tail < bottom:  # only with absurd page geometry
        pages.append([])
        y = top
    pages[-1].append(("sign", y - gap, 0, 0))
    return pages
