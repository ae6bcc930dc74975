"""The printed statistics report: A4 portrait, each table with its note and chart, the column
header repeated when a table runs onto the next page."""

from __future__ import annotations

import os
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from elderdesk.reports import fonts
from elderdesk.reports.charts_pdf import draw_chart
from elderdesk.reports.form_grid import draw_in_box
from elderdesk.reports.tables import MAX_BARS, StatTable, Yuan, cell_text

PAGE_W, PAGE_H = A4
MARGIN = 40.0
ROW_H, HEAD_H = 17.0, 20.0
CHART_H = 170.0
SIZE = 8.5
FIT_SIZES = (9.0, 8.5, 7.5, 6.5, 5.5)


class _Writer:
    def __init__(self, c: Canvas, title: str, subtitle: str, footer: str) -> None:
        self.c = c
        self.title, self.subtitle, self.footer = title, subtitle, footer
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        c = self.c
        if self.page:
            c.showPage()
        self.page += 1
        if self.page == 1:
            fonts.draw_string(c, PAGE_W / 2, PAGE_H - MARGIN - 18, self.title, 17, "center")
            fonts.draw_string(c, PAGE_W / 2, PAGE_H - MARGIN - 38, self.subtitle, 9, "center")
            self.y = PAGE_H - MARGIN - 56
        else:
            self.y = PAGE_H - MARGIN
        fonts.draw_string(c, PAGE_W / 2, MARGIN - 20, f"{self.footer}　第 {self.page} 页", 8,
                          "center")

    def room(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def table(self, t: StatTable) -> None:
        c = self.c
        self.room(28 + HEAD_H + ROW_H * min(3, len(t.rows) + 1))
        fonts.draw_string(c, MARGIN, self.y - 13, t.title, 12)
        if t.note:
            fonts.draw_string(c, PAGE_W - MARGIN, self.y - 13, t.note, 7.5, "right")
        self.y -= 22
        widths = _widths(t, PAGE_W - 2 * MARGIN)
        rows = t.all_rows
        self._row(t.headers, widths, HEAD_H, header=True)
        for k, row in enumerate(rows):
            if self.y - ROW_H < MARGIN:
                self.new_page()
                self._row(t.headers, widths, HEAD_H, header=True)
            self._row([cell_text(x) for x in row], widths, ROW_H,
                      total=t.total is not None and k == len(rows) - 1, cells=row)
        self.y -= 14
        if t.chart is not None:
            height = CHART_H
            if t.chart.kind == "hbar":  # a line per category
                height = 13.0 * min(MAX_BARS, len(t.rows)) + 40
            self.room(height)
            draw_chart(c, t, MARGIN, self.y, PAGE_W - 2 * MARGIN, height - 10)
            self.y -= height

    def _row(self, texts: Sequence[str], widths: list[float], height: float, header=False,
             total=False, cells: Sequence | None = None) -> None:
        c, x = self.c, MARGIN
        for i, (w, text) in enumerate(zip(widths, texts, strict=True)):
            if header or total:
                c.setFillGray(0.9 if header else 0.96)
                c.rect(x, self.y - height, w, height, stroke=0, fill=1)
                c.setFillGray(0)
            numeric = cells is not None and isinstance(cells[i], int | Yuan) and i > 0
            if numeric:
                fonts.draw_string(c, x + w - 4, self.y - height / 2 - SIZE * 0.35, text, SIZE,
                                  "right")
            else:
                draw_in_box(c, x, self.y, w, height, text, "center" if header else "left",
                            sizes=FIT_SIZES)
            c.rect(x, self.y - height, w, height, stroke=1, fill=0)
            x += w
        self.y -= height


def _widths(t: StatTable, total: float) -> list[float]:
    """Columns as wide as their longest text, stretched or squeezed to the page width."""
    natural = []
    for i, head in enumerate(t.headers):
        texts = [head] + [cell_text(r[i]) for r in t.rows[:200]]
        if t.total is not None:
            texts.append(cell_text(t.total[i]))
        natural.append(max(fonts.text_width(x, SIZE) for x in texts) + 12)
    scale = total / sum(natural)
    return [w * scale for w in natural]


def write_stats_pdf(path: str | os.PathLike[str], tables: Sequence[StatTable], *, title: str,
                    subtitle: str, footer: str = "") -> None:
    """Print the tables (and their charts) to `path`."""
    with fonts.pdf_canvas(path, A4, title) as c:
        w = _Writer(c, title, subtitle, footer)
        for t in tables:
            w.table(t)
