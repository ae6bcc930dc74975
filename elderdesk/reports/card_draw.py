"""Drawing pieces shared by the card designs (card_pdf) and the pre-printed stock overlay
(card_overlay): the card's data, text, the QR code, photos."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from elderdesk.reports.fonts import runs, text_width

BLACK = Color(0, 0, 0)
FRAME = HexColor("#9A9A9A")


@dataclass(frozen=True)
class CardFace:
    """Everything printed on one card."""

    card_no: str
    card_type: str  # blue | red
    name: str
    sex: str  # 男 | 女
    ethnicity: str | None
    birth_date: date
    id_number: str
    address: str | None
    issued_on: date
    office: str  # 发证机关
    qr: str  # the signed EC1. token
    qr_mask: int | None = None  # the mask chosen at issue (None: evaluate, slower)
    photo: bytes | None = None  # JPEG, 25:35


def draw_text(c: Canvas, x: float, y: float, text: str, size: float, colour: Color = BLACK, *,
              bold: bool = False, align: str = "left", max_width: float | None = None,
              min_size: float = 4.0) -> None:
    """One line at baseline (x, y) in points, shrunk to max_width; bold = fill + thin stroke."""
    if not text:
        return
    c.setFillColor(colour)
    width = text_width(text, size)
    if max_width is not None and width > max_width:
        size, width = max(min_size, size * max_width / width), max_width
    if align != "left":
        x -= width if align == "right" else width / 2
    if bold:
        c.setStrokeColor(colour)
        c.setLineWidth(size * 0.035)
    for font, run in runs(text):
        c.setFont(font, size)
        if bold:
            c.drawString(x, y, run, mode=2)
        else:
            c.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


def draw_qr(c: Canvas, token: str, mask: int | None, x: float, y: float, size: float) -> None:
    """The QR symbol (error level M) as one filled path, modules only, bottom-left (x, y) in pt.

    The path is written in module units under one transform (integers: fast and exact); each
    horizontal run of dark modules is one rectangle of the single path."""
    import segno

    matrix = segno.make_qr(token, error="m", boost_error=False, mask=mask).matrix
    n = len(matrix)
    ops: list[str] = []
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{start} {r} {col - start} 1 re")
            else:
                col += 1
    s = size / n
    c.saveState()
    c.transform(s, 0, 0, -s, x, y + size)  # module (col, row) from the symbol's top-left
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()


class Photos:
    """Image readers by photo bytes, so a batch decodes each photo once."""

    def __init__(self) -> None:
        self._cache: dict[bytes, ImageReader] = {}

    def get(self, data: bytes) -> ImageReader:
        reader = self._cache.get(data)
        if reader is None:
            reader = self._cache[data] = ImageReader(io.BytesIO(data))
        return reader


def draw_photo(c: Canvas, photos: Photos, data: bytes | None, x: float, y: float, w: float,
               h: float) -> None:
    """The photo into the box (x, y bottom-left, pt), or an empty frame marked 照片."""
    if data:
        c.drawImage(photos.get(data), x, y, w, h)
        return
    c.setStrokeColor(FRAME)
    c.setLineWidth(0.4)
    c.rect(x, y, w, h, stroke=1, fill=0)
    draw_text(c, x + w / 2, y + h / 2 - 3, "照片", 7, FRAME, align="center")
