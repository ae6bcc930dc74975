"""The day's cash-up (日结) as a workbook: one row per receipt (void ones marked, not summed),
then a 合计 row with the total of the valid ones. Text as string cells (never a formula),
amounts as numbers with two decimals; written through xlsx_file (atomic)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from elderdesk.reports.xlsx_file import xlsx_book

if TYPE_CHECKING:
    from elderdesk.domain.receipts import DayReceipts

SHEET_NAME = "日结"
HEADERS = ("序号", "收据编号", "开具时间", "交款人", "身份证号", "收费项目", "金额", "收款人",
           "状态", "作废原因")
_WIDTHS = (6, 26, 18, 12, 22, 26, 12, 12, 8, 30)
TOTAL_LABEL = "合计"


def write_day_xlsx(path: str | os.PathLike[str], day: DayReceipts) -> None:
    with xlsx_book(path) as book:
        sheet = book.add_worksheet(SHEET_NAME)
        bold = book.add_format({"bold": True})
        text = book.add_format({"num_format": "@"})
        money = book.add_format({"num_format": "0.00"})
        bold_money = book.add_format({"num_format": "0.00", "bold": True})
        for col, width in enumerate(_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write_string(0, 0, f"{day.office}收费日结 {day.day.isoformat()}", bold)
        for col, title in enumerate(HEADERS):
            sheet.write_string(1, col, title, bold)
        row = 1
        for i, r in enumerate(day.receipts, start=1):
            row += 1
            sheet.write_number(row, 0, i)
            sheet.write_string(row, 1, r.no, text)
            sheet.write_string(row, 2, r.issued_at.strftime("%Y-%m-%d %H:%M:%S"), text)
            sheet.write_string(row, 3, r.payer)
            sheet.write_string(row, 4, r.id_number, text)
            sheet.write_string(row, 5, r.item)
            sheet.write_number(row, 6, r.amount_fen / 100, money)
            sheet.write_string(row, 7, r.clerk)
            sheet.write_string(row, 8, "有效" if r.valid else "作废")
            if r.void_reason:
                sheet.write_string(row, 9, r.void_reason)
        row += 1
        sheet.write_string(row, 0, TOTAL_LABEL, bold)
        sheet.write_string(row, 5, f"有效 {len(day.valid)} 张，作废 {day.void_count} 张")
        sheet.write_number(row, 6, day.total_fen / 100, bold_money)
