"""The import report workbook: every finding, sorted by row (import-rules.md)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from elderdesk.importing.findings import Finding
from elderdesk.reports.xlsx_file import xlsx_book

HEADERS = ("行号", "级别", "代码", "身份证号", "姓名", "说明")
SHEET_NAME = "导入报告"
LEVEL_LABELS = {"error": "错误", "warning": "警告"}
_WIDTHS = (8, 8, 24, 22, 12, 80)
_BROKEN = re.compile("[\ud800-\udfff]")  # lone surrogates cannot be written as UTF-8


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    return _BROKEN.sub("\ufffd", text)


def write_import_report(path: str | os.PathLike[str], findings: Iterable[Finding]) -> None:
    """Write the findings to an xlsx file (to path.part, renamed once complete). Every text is
    a string cell, never a formula, whatever it starts with (=, +, -, @); the row a number."""
    with xlsx_book(path) as book:
        sheet = book.add_worksheet(SHEET_NAME)
        bold = book.add_format({"bold": True})
        text = book.add_format({"num_format": "@"})  # Excel never turns the ID into a number
        for col, width in enumerate(_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        for col, title in enumerate(HEADERS):
            sheet.write_string(0, col, title, bold)
        for line, f in enumerate(sorted(findings, key=Finding.sort_key), start=1):
            sheet.write_number(line, 0, f.row)
            sheet.write_string(line, 1, LEVEL_LABELS.get(f.level, f.level))
            sheet.write_string(line, 2, _text(f.code))
            if f.id_number:
                sheet.write_string(line, 3, _text(f.id_number), text)
            if f.name:
                sheet.write_string(line, 4, _text(f.name))
            sheet.write_string(line, 5, _text(f.message))
