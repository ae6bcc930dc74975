"""P6: export the bank workbook (6 columns) of a frozen roster of about 270,000 paying lines.

Ceiling 40 s for RosterService.export (read the roster, write the file, audit). Baseline: the
faster of xlsxwriter (constant_memory) and openpyxl (write_only) writing the same cells with
the same number formats, in the same process. The roster is 2026Q3, the last frozen quarter of the city database.
"""

from __future__ import annotations

import time
from pathlib import Path

import common

PERIOD = "2026Q3"


def cells(view) -> list[tuple]:  # type: ignore[no-untyped-def]
    rows = []
    for ln in view.paying_lines:
        rows.append((len(rows) + 1, ln.name, ln.id_number, ln.bank, ln.account, ln.paid_fen / 100))
    return rows


def with_xlsxwriter(path: Path, rows: list[tuple]) -> float:
    """The same cells with the same formats (text ID and account, two-decimal amounts)."""
    import xlsxwriter

    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("代发明细")
    text = book.add_format({"num_format": "@"})
    money = book.add_format({"num_format": "0.00"})
    sheet.write_row(0, 0, ("序号", "姓名", "身份证号", "开户银行", "银行账号", "实发金额"))
    for r, row in enumerate(rows, start=1):
        sheet.write_number(r, 0, row[0])
        sheet.write_string(r, 1, row[1])
        sheet.write_string(r, 2, row[2], text)
        if row[3]:
            sheet.write_string(r, 3, row[3])
        if row[4]:
            sheet.write_string(r, 4, row[4], text)
        sheet.write_number(r, 5, row[5], money)
    sheet.write_string(len(rows) + 1, 0, "合计")
    sheet.write_number(len(rows) + 1, 5, sum(r[5] for r in rows), money)
    book.close()
    return time.perf_counter() - started


def with_openpyxl(path: Path, rows: list[tuple]) -> float:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("代发明细")
    sheet.append(("序号", "姓名", "身份证号", "开户银行", "银行账号", "实发金额"))

    def cell(value, fmt):  # type: ignore[no-untyped-def]
        c = WriteOnlyCell(sheet, value=value)
        c.number_format = fmt
        return c

    for row in rows:
        sheet.append((row[0], row[1], cell(row[2], "@"), row[3], cell(row[4], "@"),
                      cell(row[5], "0.00")))
    sheet.append(("合计", None, None, None, None, sum(r[5] for r in rows)))
    book.save(str(path))
    return time.perf_counter() - started


def main() -> None:
    with common.scratch_copy(common.city_db()) as path:
        services, op = common.open_services(path)
        out = path.parent
        view = services.roster.show(op, PERIOD)
        rows = cells(view)
        del view
        raw_x = [with_xlsxwriter(out / f"x{i}.xlsx", rows) for i in range(2)]
        raw_o = [with_openpyxl(out / f"o{i}.xlsx", rows) for i in range(2)]
        times = common.timed(lambda: services.roster.export(
            op, PERIOD, xlsx=out / f"bank-{time.monotonic_ns()}.xlsx"), 3)
        services.close()
    base = min(common.median(raw_x), common.median(raw_o))
    common.detail(f"{len(rows):,} paying lines; xlsxwriter {common.median(raw_x):.2f} s, "
                  f"openpyxl write_only {common.median(raw_o):.2f} s")
    median = common.median(times)
    common.report("P6", f"export the bank xlsx, {len(rows):,} lines", median, 40,
                  ratio=median / base, ratio_max=1.3)


if __name__ == "__main__":
    main()
