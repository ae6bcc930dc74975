"""The statistics workbook: one sheet per table (numbers as numbers, money with two decimals),
each with a native Excel chart beside it where the table has one."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from elderdesk.reports.tables import PALETTE, StatTable, Yuan, cell_text, largest
from elderdesk.reports.xlsx_file import xlsx_book

_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, used: set[str]) -> str:
    name = _BAD.sub("", title)[:31] or "表"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}_{n}"
        n += 1
    used.add(name)
    return name


def write_stats_xlsx(path: str | os.PathLike[str], tables: Sequence[StatTable], *,
                     heading: str) -> None:
    """Write the tables to `path` (replaced atomically: no half-written workbook is left)."""
    with xlsx_book(path) as book:
        fmt = {"title": book.add_format({"bold": True, "font_size": 13}),
               "note": book.add_format({"font_color": "#666666"}),
               "head": book.add_format({"bold": True, "bg_color": "#e6e6e6", "border": 1,
                                        "align": "center"}),
               "text": book.add_format({"border": 1}),
               "int": book.add_format({"border": 1, "num_format": "#,##0"}),
               "money": book.add_format({"border": 1, "num_format": "#,##0.00"}),
               "total": book.add_format({"border": 1, "bold": True, "bg_color": "#f4f4f4"}),
               "total_int": book.add_format({"border": 1, "bold": True, "bg_color": "#f4f4f4",
                                             "num_format": "#,##0"}),
               "total_money": book.add_format({"border": 1, "bold": True, "bg_color": "#f4f4f4",
                                               "num_format": "#,##0.00"})}
        used: set[str] = set()
        for t in tables:
            _sheet(book, book.add_worksheet(_sheet_name(t.title, used)), t, heading, fmt)


def _sheet(book, ws, t: StatTable, heading: str, fmt: dict) -> None:
    ws.write_string(0, 0, f"{t.title}", fmt["title"])
    ws.write_string(1, 0, heading + (f"；{t.note}" if t.note else ""), fmt["note"])
    head_row = 3
    for col, h in enumerate(t.headers):
        ws.write_string(head_row, col, h, fmt["head"])
        width = max([len(h)] + [len(cell_text(r[col])) for r in t.rows[:500]]) * 1.6 + 2
        ws.set_column(col, col, min(max(width, 8), 40))
    rows = t.all_rows
    for k, row in enumerate(rows):
        total = t.total is not None and k == len(rows) - 1
        for col, cell in enumerate(row):
            r = head_row + 1 + k
            if cell is None:
                ws.write_blank(r, col, None, fmt["total" if total else "text"])
            elif isinstance(cell, Yuan):
                ws.write_number(r, col, cell.fen / 100, fmt["total_money" if total else "money"])
            elif isinstance(cell, int):
                ws.write_number(r, col, cell, fmt["total_int" if total else "int"])
            else:
                ws.write_string(r, col, cell_text(cell), fmt["total" if total else "text"])
    ws.freeze_panes(head_row + 1, 0)
    if t.chart is not None and t.rows:
        _chart(book, ws, t, head_row)


def _chart(book, ws, t: StatTable, head_row: int) -> None:
    chart_def = t.chart
    assert chart_def is not None
    name = ws.get_name()
    first, last = head_row + 1, head_row + len(t.rows)
    right = len(t.headers) + 1  # charts and their helper data go right of the table
    if chart_def.kind == "pie":
        chart = book.add_chart({"type": "pie"})
        if chart_def.from_total:
            total_row = last + 1
            cats = [name, head_row, chart_def.values[0], head_row, chart_def.values[-1]]
            vals = [name, total_row, chart_def.values[0], total_row, chart_def.values[-1]]
        else:
            cats = [name, first, chart_def.category, last, chart_def.category]
            vals = [name, first, chart_def.values[0], last, chart_def.values[0]]
        chart.add_series({"categories": cats, "values": vals, "data_labels": {"percentage": True},
                          "points": [{"fill": {"color": chart_def.color(k, PALETTE)}}
                                     for k in range(len(PALETTE))]})
    else:
        sub = {"subtype": "stacked"} if chart_def.kind == "stacked" else {}
        chart = book.add_chart({"type": "bar" if chart_def.kind == "hbar" else "column", **sub})
        cats, series = largest(*chart_def.series(t), chart_def.kind)
        if chart_def.kind == "hbar":  # Excel draws the first category at the bottom
            cats, series = cats[::-1], [(n, v[::-1]) for n, v in series]
        # Helper block past the chart: categories and one column per series (pivoted).
        top, right = head_row, right + 11
        ws.write_string(top - 1, right, "图表数据")
        for i, cat in enumerate(cats):
            ws.write_string(top + 1 + i, right, cat)
        for k, (sname, values) in enumerate(series):
            ws.write_string(top, right + 1 + k, sname)
            for i, v in enumerate(values):
                ws.write_number(top + 1 + i, right + 1 + k, v)
            chart.add_series({
                "name": [name, top, right + 1 + k],
                "categories": [name, top + 1, right, top + len(cats), right],
                "values": [name, top + 1, right + 1 + k, top + len(cats), right + 1 + k],
                "fill": {"color": chart_def.color(k, PALETTE)}})
    chart.set_title({"name": chart_def.title or t.title})
    chart.set_size({"width": 620, "height": 320})
    ws.insert_chart(head_row, len(t.headers) + 1, chart)
