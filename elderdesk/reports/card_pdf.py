"""Card PDFs: the full design on CR80 stock, batches on A4 with cut marks, and data-only overlay.

Takes plain data (CardFace), never the database. Layout positions are in mm from the top-left
corner; reportlab's origin is bottom-left, so `_Page.y()` flips them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from elderdesk.domain.months import date_zh
from elderdesk.reports.card_draw import (
    BLACK,
    CardFace,
    Photos,
    draw_photo,
    draw_qr,
    draw_text,
)
from elderdesk.reports.card_overlay import draw_overlay, load_template
from elderdesk.reports.fonts import pdf_canvas

CARD_W, CARD_H = 85.6, 54.0  # CR80 (ISO/IEC 7810 ID-1), mm
SHEET_COLS, SHEET_ROWS = 2, 5
TITLE = "老年人优待证"
TYPE_COLOURS = {"blue": HexColor("#1E4FA0"), "red": HexColor("#B8232F")}
TYPE_NAMES = {"blue": "蓝卡", "red": "红卡"}
LABEL = HexColor("#555555")
MODES = ("full", "overlay", "sheet")


def draw_full_card(c: Canvas, face: CardFace, photos: Photos, ox: float = 0, oy: float = 0) -> None:
    """The whole card design with its bottom-left corner at (ox, oy) points."""
    colour = TYPE_COLOURS.get(face.card_type, TYPE_COLOURS["blue"])

    def y(v: float) -> float:
        return oy + (CARD_H - v) * mm

    def x(v: float) -> float:
        return ox + v * mm

    c.setFillColor(colour)
    c.rect(x(0), y(9.5), CARD_W * mm, 9.5 * mm, stroke=0, fill=1)
    c.rect(x(0), y(CARD_H), CARD_W * mm, 2.4 * mm, stroke=0, fill=1)
    draw_text(c, x(CARD_W / 2), y(6.9), TITLE, 11.5, white, bold=True, align="center")
    draw_text(c, x(CARD_W - 3.5), y(6.4), TYPE_NAMES.get(face.card_type, ""), 7, white,
              align="right")
    draw_text(c, x(CARD_W / 2), y(CARD_H - 0.75), "凭此证享受老年人优待服务", 4.8, white,
              align="center")

    draw_photo(c, photos, face.photo, x(4), y(38.6), 19 * mm, 26.6 * mm)
    rows = [(16.0, "姓名", face.name, 9.0, True),
            (26.0, "出生日期", date_zh(face.birth_date), 7.5, False),
            (31.0, "身份证号", face.id_number, 7.0, False),
            (36.0, "编号", face.card_no, 7.5, True)]
    for top, label, value, size, bold in rows:
        draw_text(c, x(26), y(top), label, 6, LABEL)
        draw_text(c, x(35), y(top), value, size, bold=bold, max_width=(60.8 - 35) * mm)
    draw_text(c, x(26), y(21.0), "性别", 6, LABEL)
    draw_text(c, x(44), y(21.0), "民族", 6, LABEL)
    draw_text(c, x(35), y(21.0), face.sex, 7.5)
    draw_text(c, x(50), y(21.0), face.ethnicity or "", 7.5, max_width=10.5 * mm)
    for top, label, value in ((43.5, "发证日期", date_zh(face.issued_on)),
                              (48.5, "发证机关", face.office)):
        draw_text(c, x(4), y(top), label, 6, LABEL)
        draw_text(c, x(13.5), y(top), value, 7.5, max_width=(CARD_W - 4 - 13.5) * mm)
    c.setFillColor(BLACK)
    draw_qr(c, face.qr, face.qr_mask, x(61.6), y(32), 20 * mm)
    draw_text(c, x(71.6), y(35.2), "扫码核验", 5, LABEL, align="center")


def _cut_marks(c: Canvas, left: float, bottom: float, cols: int, rows: int) -> None:
    """Crop marks in the margins at every card edge (5 mm long, 2 mm away from the block)."""
    w, h = cols * CARD_W * mm, rows * CARD_H * mm
    gap, length = 2 * mm, 5 * mm
    c.setStrokeColor(Color(0, 0, 0))
    c.setLineWidth(0.3)
    for i in range(cols + 1):
        xe = left + i * CARD_W * mm
        c.line(xe, bottom - gap, xe, bottom - gap - length)
        c.line(xe, bottom + h + gap, xe, bottom + h + gap + length)
    for j in range(rows + 1):
        ye = bottom + j * CARD_H * mm
        c.line(left - gap, ye, left - gap - length, ye)
        c.line(left + w + gap, ye, left + w + gap + length, ye)


def write_cards(path: Path | str, faces: Sequence[CardFace], mode: str = "full", *,
                template: object = None, offset: tuple[float, float] = (0.0, 0.0)) -> None:
    """Write the cards: one per CR80 page (full), ten per A4 page with cut marks (sheet), or
    data only at the template's positions on pre-printed stock (overlay, offset in mm)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    photos = Photos()
    tpl: Any = None
    if mode == "overlay":
        tpl = template if template is not None else load_template()
        size = (tpl.width * mm, tpl.height * mm)
    else:
        size = (CARD_W * mm, CARD_H * mm) if mode == "full" else A4
    with pdf_canvas(path, size, TITLE) as c:
        if mode == "overlay":
            for face in faces:
                draw_overlay(c, tpl, face, photos, offset)
                c.showPage()
        elif mode == "full":
            for face in faces:
                draw_full_card(c, face, photos)
                c.showPage()
        else:
            per_page = SHEET_COLS * SHEET_ROWS
            left = (A4[0] - SHEET_COLS * CARD_W * mm) / 2
            bottom = (A4[1] - SHEET_ROWS * CARD_H * mm) / 2
            for start in range(0, len(faces), per_page):
                chunk = faces[start:start + per_page]
                for i, face in enumerate(chunk):
                    col, row = i % SHEET_COLS, i // SHEET_COLS
                    draw_full_card(c, face, photos, left + col * CARD_W * mm,
                                   bottom + (SHEET_ROWS - 1 - row) * CARD_H * mm)
                _cut_marks(c, left, bottom, SHEET_COLS, SHEET_ROWS)
                c.showPage()
