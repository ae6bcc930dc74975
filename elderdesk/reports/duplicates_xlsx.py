"""The 疑似重复 list (multi-office.md §5, 应退尽退) as a workbook: one row per registration of
an ID that two streets registered, the registrations of one ID together, each with its
street, status and application state. Text as string cells (never a formula); written through
xlsx_file (atomic)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from elderdesk.reports.xlsx_file import xlsx_book

SHEET_NAME = "疑似重复"
HEADERS = ("序号", "身份证号", "姓名", "登记街道代码", "登记街道", "社区", "人员状态", "申请状态",
           "申请日期", "批准日期", "是否在册或在办")
_WIDTHS = (6, 22, 10, 12, 16, 16, 10, 14, 12, 12, 14)


def write_duplicates_xlsx(path: str | os.PathLike[str], title: str,
                          duplicates: Sequence[Mapping[str, Any]]) -> None:
    """duplicates: the JSON documents of `exchange duplicates` (id_number, registrations)."""
    with xlsx_book(path) as book:
        sheet = book.add_worksheet(SHEET_NAME)
        bold = book.add_format({"bold": True})
        text = book.add_format({"num_format": "@"})
        for col, width in enumerate(_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write_string(0, 0, title, bold)
        for col, head in enumerate(HEADERS):
            sheet.write_string(1, col, head, bold)
        row = 1
        for n, dup in enumerate(duplicates, start=1):
            for reg in dup["registrations"]:
                row += 1
                sheet.write_number(row, 0, n)
                cells = (dup["id_number"], reg["name"], reg["office"], reg["office_name"],
                         reg["community"], reg["status_label"], reg["application_label"],
                         reg["applied_on"], reg["approved_on"], "是" if reg["live"] else "否")
                for col, value in enumerate(cells, start=1):
                    sheet.write_string(row, col, str(value or ""), text)
        sheet.write_string(row + 1, 0, f"共 {len(duplicates)} 人", bold)
