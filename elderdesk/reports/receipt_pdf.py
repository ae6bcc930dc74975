"""Printed fee receipts: one 收费收据 (A5 landscape) and a day's cash-up (日结, A4 portrait).

Drawn on the canvas in the bundled CJK font (fonts.draw_string falls back per character) and
written through output_file.atomic_output like every report. ID numbers print masked.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_capital, fen_to_str
from elderdesk.reports import fonts
from elderdesk.reports.pdf_table import Cols, draw_band, draw_cells, draw_rows

if TYPE_CHECKING:
    from elderdesk.domain.receipts import DayReceipts, Receipt

RECEIPT_PAGE = landscape(A5)
VOID_RED = (0.8, 0.1, 0.1)


def _date_zh(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def write_receipt_pdf(path: str | os.PathLike[str], r: Receipt) -> None:
    """One receipt: title, number, payer, item and amount in figures and capitals, office,
    clerk, date; a void receipt is crossed 作废 with its reason."""
    w, h = RECEIPT_PAGE
    left, right = 18 * mm, w - 18 * mm
    with fonts.pdf_canvas(path, RECEIPT_PAGE, f"收费收据 {r.no}") as c:
        fonts.draw_string(c, w / 2, h - 22 * mm, "收 费 收 据", 22, "center")
        c.setLineWidth(0.8)
        c.line(w / 2 - 40 * mm, h - 24.5 * mm, w / 2 + 40 * mm, h - 24.5 * mm)
        fonts.draw_string(c, right, h - 33 * mm, f"No. {r.no}", 11, "right")
        fonts.draw_string(c, left, h - 33 * mm, f"开票日期：{_date_zh(r.issued_on)}", 10.5)
        fonts.draw_string(c, left, h - 42 * mm, f"交款人：{r.payer}", 10.5)
        fonts.draw_string(c, w / 2, h - 42 * mm, f"身份证号：{mask_id(r.id_number)}", 10.5)
        top = h - 47 * mm
        x0, x1, x2 = left, right - 100 * mm, right - 40 * mm
        rows = (top, top - 9 * mm, top - 21 * mm, top - 33 * mm)
        c.setFillGray(0.9)
        c.rect(x0, rows[1], right - x0, rows[0] - rows[1], stroke=0, fill=1)
        c.setFillGray(0)
        c.setLineWidth(0.7)
        c.lines([(x0, y, right, y) for y in rows] + [(x, rows[0], x, rows[3]) for x in (x0, right)]
                + [(x1, rows[0], x1, rows[2]), (x2, rows[0], x2, rows[3])])
        amount = fen_to_str(r.amount_fen, grouping=True)
        for y, size, cells in (
                (rows[0] - 6 * mm, 10, (("收费项目", x0 + 3 * mm, "left"),
                                        ("老年证号", (x1 + x2) / 2, "center"),
                                        ("金额（元）", right - 3 * mm, "right"))),
                (rows[1] - 7.5 * mm, 11.5, ((r.item, x0 + 3 * mm, "left"),
                                            (r.card_no or "", (x1 + x2) / 2, "center"),
                                            (amount, right - 3 * mm, "right"))),
                (rows[2] - 7.5 * mm, 11.5, ((f"合计人民币（大写）：{fen_to_capital(r.amount_fen)}",
                                             x0 + 3 * mm, "left"),
                                            (f"¥{amount}", right - 3 * mm, "right")))):
            for text, x, how in cells:
                fonts.draw_string(c, x, y, text, size, how)
        y = top - 44 * mm
        fonts.draw_string(c, left, y, f"收款单位（盖章）：{r.office}", 10.5)
        fonts.draw_string(c, right, y, f"收款人：{r.clerk}", 10.5, "right")
        fonts.draw_string(c, left, 10 * mm,
                          f"开具时间 {r.issued_at:%Y-%m-%d %H:%M}　本收据一式两联，交款人收执一联", 7.5)
        if not r.valid:
            _void_mark(c, w, h, f"作废原因：{r.void_reason or ''}")


def _void_mark(c: Canvas, w: float, h: float, reason: str) -> None:
    c.saveState()
    c.setFillColorRGB(*VOID_RED)
    c.setStrokeColorRGB(*VOID_RED)
    c.translate(w / 2, h / 2)
    c.rotate(20)
    fonts.draw_string(c, 0, -20, "作 废", 72, "center")
    c.restoreState()
    c.saveState()
    c.setFillColorRGB(*VOID_RED)
    fonts.draw_string(c, w / 2, 16 * mm, reason[:60], 10, "center")
    c.restoreState()


DAY_PAGE = A4
_DAY_COLS = [("序号", 9 * mm, "c", False), ("收据编号", 44 * mm, "l", False),
             ("时间", 12 * mm, "c", False), ("交款人", 18 * mm, "l", True),
             ("身份证号", 34 * mm, "c", False), ("收费项目", 34 * mm, "l", True),
             ("金额（元）", 18 * mm, "r", False), ("收款人", 13 * mm, "c", True),
             ("状态", 10 * mm, "c", False)]
_ROW_H, _HEAD_H = 7 * mm, 8 * mm


def write_day_pdf(path: str | os.PathLike[str], day: DayReceipts, printed_by: str) -> None:
    """The day's receipts (void ones listed, struck from the total), the total of the valid
    ones in figures and capitals, and lines for the clerk's and the checker's signatures."""
    w, h = DAY_PAGE
    margin = 15 * mm
    width = sum(s[1] for s in _DAY_COLS)
    cols = Cols((w - width) / 2, _DAY_COLS)
    rows = [[str(i), r.no, f"{r.issued_at:%H:%M}", r.payer, mask_id(r.id_number), r.item,
             fen_to_str(r.amount_fen, grouping=True), r.clerk, "有效" if r.valid else "作废"]
            for i, r in enumerate(day.receipts, start=1)]
    title = f"{day.office}收费日结单"
    with fonts.pdf_canvas(path, DAY_PAGE, f"{title} {day.day.isoformat()}") as c:
        c.setLineWidth(0.5)
        page = 0
        start = 0
        while True:
            page += 1
            top = h - margin
            if page == 1:
                fonts.draw_string(c, w / 2, top - 8 * mm, title, 16, "center")
                fonts.draw_string(c, w / 2, top - 15 * mm,
                                  f"日期：{_date_zh(day.day)}　打印人：{printed_by}", 9.5,
                                  "center")
                top -= 20 * mm
            fit = max(1, int((top - margin - 45 * mm - _HEAD_H) // _ROW_H))
            chunk = rows[start:start + fit]
            draw_cells(c, cols, top, _HEAD_H, [s[0] for s in _DAY_COLS], header=True)
            if chunk:
                draw_rows(c, cols, top - _HEAD_H, _ROW_H, chunk)
            y = top - _HEAD_H - len(chunk) * _ROW_H
            start += len(chunk)
            fonts.draw_string(c, w / 2, margin - 6 * mm, f"第 {page} 页", 8, "center")
            if start >= len(rows):
                break
            c.showPage()
            c.setLineWidth(0.5)
        total = day.total_fen
        draw_band(c, cols, y, 9 * mm, [
            (0, 6, f"有效收据 {len(day.valid)} 张，合计人民币（大写）：{fen_to_capital(total)}"
             f"　作废 {day.void_count} 张", "l"),
            (6, 9, f"¥{fen_to_str(total, grouping=True)}", "r")])
        y -= 20 * mm
        fonts.draw_string(c, cols.xs[0], y, "收款人（签字）：", 10.5)
        fonts.draw_string(c, cols.xs[0] + width / 2, y, "复核人（签字）：", 10.5)
        if not rows:
            fonts.draw_string(c, w / 2, y + 12 * mm, "当日没有收据", 10, "center")
