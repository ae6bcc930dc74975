"""Boxed forms on a reportlab canvas: rows of label and value cells, section captions down the
left edge, opinion boxes with a signature line, wrapped paragraphs for notices."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from elderdesk.reports import fonts

LABEL_GREY = 0.93
BODY = 10.5
SIZES = (10.5, 9.5, 8.5, 7.5, 6.5, 5.5)
PAD = 4.0
ONE_LINE_MIN = 8.5
OPINION_SIZES = tuple(s for s in SIZES if s <= BODY)
SIGN_LINE = "签字（盖章）：                    年      月      日"


def wrap(text: str, avail: float, size: float) -> list[str]:
    """Lines of `text` no wider than `avail` (broken between any two characters; '\\n' kept)."""
    out: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0.0
        for ch in para:
            w = fonts.text_width(ch, size)
            if line and used + w > avail:
                out.append(line)
                line, used = ch, w
            else:
                line, used = line + ch, used + w
        out.append(line)
    return out


def fit(text: str, width: float, height: float, sizes: tuple[float, ...] = SIZES
        ) -> tuple[float, list[str]]:
    """The largest size at which `text` wraps into the box, and its lines."""
    parts = text.split("\n")  # unbroken lines at a slightly smaller size read better
    for size in sizes:
        if size >= ONE_LINE_MIN and len(parts) * size * 1.25 <= height - 2 and all(
                fonts.text_width(part, size) <= width - 2 * PAD for part in parts):
            return size, parts
    lines: list[str] = []
    for size in sizes:
        lines = wrap(text, width - 2 * PAD, size)
        if len(lines) * size * 1.25 <= height - 2:
            return size, lines
    return sizes[-1], lines


def draw_in_box(c, x: float, top: float, width: float, height: float, text: str,
                align: str = "left", valign: str = "middle", size: float | None = None,
                sizes: tuple[float, ...] = SIZES) -> None:
    """`text` in the box: at `size` (wrapped), or at the largest of `sizes` that fits."""
    if not text:
        return
    if size is None:
        size, lines = fit(text, width, height, sizes)
    else:
        lines = wrap(text, width - 2 * PAD, size)
    step = size * 1.25
    if valign == "top":
        y = top - PAD - size
    else:
        y = top - (height - len(lines) * step) / 2 - size * 0.95
    for line in lines:
        if align == "center":
            fonts.draw_string(c, x + width / 2, y, line, size, "center")
        else:
            fonts.draw_string(c, x + PAD, y, line, size)
        y -= step


@dataclass
class Grid:
    """A form drawn row by row from `top` down, `width` wide from `x0`; the first `caption`
    points of every row are the section caption column."""

    c: Canvas
    x0: float
    top: float
    width: float
    caption: float = 22.0
    y: float = field(init=False)
    _section: tuple[str, float] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.y = self.top

    @property
    def inner(self) -> float:
        return self.width - self.caption

    def section(self, title: str) -> None:
        """Close the current section caption and open a new one at the current row."""
        self.end_section()
        self._section = (title, self.y)

    def end_section(self) -> None:
        if self._section is None:
            return
        title, top = self._section
        c, h = self.c, top - self.y
        c.setFillGray(LABEL_GREY)
        c.rect(self.x0, self.y, self.caption, h, stroke=1, fill=1)
        c.setFillGray(0)
        size = min(BODY, (h - 8) / max(1, len(title)) / 1.15)
        step = size * 1.15
        y = top - (h - len(title) * step) / 2 - size * 0.9
        for ch in title:  # written down the column, one character under another
            fonts.draw_string(c, self.x0 + self.caption / 2, y, ch, size, "center")
            y -= step
        self._section = None

    def row(self, height: float, cells: list[tuple[float, str, str]]) -> None:
        """cells: (width, text, 'l' label | 'v' value | 'c' centred value | 'o' opinion);
        a width of 0 takes what is left of the row."""
        c = self.c
        x = self.x0 + self.caption
        rest = self.inner - sum(w for w, _, _ in cells)
        for w, text, kind in cells:
            w = w or rest
            if kind == "l":
                c.setFillGray(LABEL_GREY)
                c.rect(x, self.y - height, w, height, stroke=0, fill=1)
                c.setFillGray(0)
                draw_in_box(c, x, self.y, w, height, text, "center")
            elif kind == "o":  # a long opinion gets smaller, never over the signature line
                draw_in_box(c, x, self.y, w, height - 22, text, valign="top",
                            sizes=OPINION_SIZES)
                fonts.draw_string(c, x + w - PAD, self.y - height + 8, SIGN_LINE, 9.5, "right")
            else:
                draw_in_box(c, x, self.y, w, height, text, "center" if kind == "c" else "left")
            c.rect(x, self.y - height, w, height, stroke=1, fill=0)
            x += w
        self.y -= height

    def photo(self, x: float, top: float, width: float, height: float,
              image: bytes | None) -> None:
        """A photo box (drawn over cells left empty for it): the image, or the word 照片."""
        c = self.c
        c.setFillGray(1)
        c.rect(x, top - height, width, height, stroke=1, fill=1)
        c.setFillGray(0)
        if image:
            w, h = 25 * 72 / 25.4, 35 * 72 / 25.4  # one inch: 25 × 35 mm
            scale = min(1.0, (width - 6) / w, (height - 6) / h)
            w, h = w * scale, h * scale
            c.drawImage(ImageReader(io.BytesIO(image)), x + (width - w) / 2,
                        top - height + (height - h) / 2, w, h)
        else:
            draw_in_box(c, x, top, width, height, "照片", "center")


def paragraph(c, x: float, y: float, width: float, text: str, size: float = 12.0,
              indent: bool = True) -> float:
    """Draw a paragraph (first line indented two characters); returns the y below it."""
    step = size * 1.7
    pad = "\u3000\u3000" if indent else ""
    for line in wrap(pad + text, width, size):
        fonts.draw_string(c, x, y, line, size)
        y -= step
    return y
