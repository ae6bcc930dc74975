"""Test helpers: workbooks made on the spot with openpyxl, valid ID numbers, lookups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from elderdesk.domain.idcard import check_char

TODAY = date(2026, 5, 20)
HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "银行账号"]


def make_id(birth: str = "19450312", seq: str = "001", area: str = "420103") -> str:
    """A valid 18-digit ID (seq's last digit odd = male)."""
    first17 = area + birth + seq
    return first17 + check_char(first17)


def write_xlsx(
    path: Path,
    rows: list[list[object]],
    *,
    sheet: str = "花名册",
    merge: str | None = None,
    more_sheets: tuple[str, ...] = (),
) -> Path:
    """Rows from A1 (an empty list leaves a blank row); openpyxl keeps each value's type."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for number, row in enumerate(rows, start=1):
        for col, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=number, column=col, value=value)
    if merge:
        ws.merge_cells(merge)
    for name in more_sheets:
        book.create_sheet(name)
    book.save(path)
    return path


def no_one(_: str) -> None:
    return None


def by_row(findings) -> dict[int, list[str]]:
    """Row → codes, in order."""
    out: dict[int, list[str]] = {}
    for f in findings:
        out.setdefault(f.row, []).append(f.code)
    return out
