"""The import report workbook: every finding, sorted by row (import-rules.md)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from elderdesk.importing.findings import Finding

HEADERS = ("行号", "级别", "代码", "身份证号", "姓名", "说明")
LEVEL_LABELS = {"error": "错误", "warning": "警告"}
_WIDTHS = (8, 8, 24, 22, 12, 80)


def write_import_report(path: str | os.PathLike[str], findings: Iterable[Finding]) -> None:
    """Write the findings to an xlsx file (openpyxl write_only); the ID column is text."""
    from openpyxl import Workbook  # lazily: openpyxl is slow to import
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("导入报告")
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for f in sorted(findings, key=Finding.sort_key):
        id_cell = WriteOnlyCell(sheet, value=f.id_number)
        id_cell.number_format = "@"  # text, so Excel never turns the ID into a number
        level = LEVEL_LABELS.get(f.level, f.level)
        sheet.append([f.row, level, f.code, id_cell, f.name, f.message])
    book.save(os.fspath(path))
