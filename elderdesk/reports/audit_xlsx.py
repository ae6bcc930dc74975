"""The audit log export (审计日志): one row per record, changes as readable Chinese lines."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from elderdesk.reports.xlsx_file import xlsx_book

HEADERS = ("记录号", "时间", "操作员", "操作", "对象", "变更内容")
SHEET_NAME = "审计日志"
_WIDTHS = (9, 20, 14, 22, 24, 90)
MAX_CELL = 32000  # Excel's limit is 32,767 characters a cell


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: str
    operator: str
    action: str
    subject: str
    changes: list[str]


def write_audit_xlsx(path: str | os.PathLike[str], lines: Iterable[AuditLine], *,
                     masked: bool = True) -> int:
    """Write the lines to path (written to path.part, then renamed); the number of records."""
    count = 0
    with xlsx_book(path, constant_memory=True) as book:
        sheet = book.add_worksheet(SHEET_NAME)
        bold = book.add_format({"bold": True})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        top = book.add_format({"valign": "top"})
        for col, width in enumerate(_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        for col, title in enumerate(HEADERS):
            sheet.write_string(0, col, title, bold)
        for count, line in enumerate(lines, start=1):
            sheet.write_number(count, 0, line.id, top)
            sheet.write_string(count, 1, line.at.replace("T", " "), top)
            sheet.write_string(count, 2, line.operator, top)
            sheet.write_string(count, 3, line.action, top)
            sheet.write_string(count, 4, line.subject, top)
            sheet.write_string(count, 5, "\n".join(line.changes)[:MAX_CELL], wrap)
        note = "身份证号、银行账号已部分隐藏" if masked else "含完整身份证号、银行账号，请妥善保管"
        sheet.write_string(count + 2, 0, f"共 {count} 条记录；{note}", bold)
    return count
