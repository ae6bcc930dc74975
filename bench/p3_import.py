"""P3: import a register workbook of 100,000 rows into the city register: read, check, commit.

Ceiling 10 s. Baseline: python-calamine reading the same file plus a raw executemany of the
rows into people, in a transaction rolled back, on the same database. The workbook holds
100,000 invented people (demo generator, another seed); the few whose ID number the register
already has are skipped as the service skips them.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import common

ROWS = 100_000
HEADERS = ("序号", "姓名", "性别", "民族", "身份证号", "户籍地址", "现住址", "街道", "社区",
           "联系电话", "开户银行", "银行账号")
FIELDS = ("name", "sex", "ethnicity", "id_number", "household_address", "current_address",
          "street", "community", "phone", "bank", "account")


def workbook() -> Path:
    """The 100,000-row workbook (written once with xlsxwriter, cached)."""
    import xlsxwriter

    from elderdesk.demo.generator import generate_people

    path = common.CACHE / f"register-{ROWS}-{common.fingerprint()}.xlsx"
    if path.exists():
        return path
    part = path.with_suffix(".part.xlsx")
    book = xlsxwriter.Workbook(str(part), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, HEADERS)
    on = date.fromisoformat(common.TODAY)
    row = 0
    for batch in generate_people(ROWS, seed=99, on=on, stamp=datetime(2026, 1, 1)):
        for r in batch:
            row += 1
            values = [r[f] for f in FIELDS]
            values[1] = "男" if values[1] == "M" else "女"
            sheet.write_number(row, 0, row)
            for col, value in enumerate(values, start=1):
                if value is not None:
                    sheet.write_string(row, col, value)
    book.close()
    part.rename(path)
    return path


def baseline(db: Path, book: Path) -> float:
    """calamine read + raw executemany of the rows, rolled back."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    with CalamineWorkbook.from_path(str(book)) as wb:
        cells = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    stamp = datetime.now().isoformat(sep=" ")
    rows = [(c[4], c[1], "M" if c[2] == "男" else "F", c[3],
             f"{c[4][6:10]}-{c[4][10:12]}-{c[4][12:14]}", c[5], c[6], c[7], c[8], c[9] or None,
             c[10] or None, c[11] or None, "active", stamp, stamp) for c in cells[1:]]
    conn = common.raw_connection(db)
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT OR IGNORE INTO people (id_number, name, sex, ethnicity, birth_date, "
        "household_address, current_address, street, community, phone, bank, account, status, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    seconds = time.perf_counter() - started
    conn.execute("ROLLBACK")
    conn.close()
    return seconds


def main() -> None:
    book = workbook()
    with common.scratch_copy(common.city_db()) as path:
        raw = [baseline(path, book) for _ in range(3)]
        services, op = common.open_services(path)
        started = time.perf_counter()
        outcome = services.imports.import_people(op, book)
        seconds = time.perf_counter() - started
        services.close()
    common.detail(f"read {outcome.rows_read:,} rows, imported {outcome.imported:,}, "
                  f"skipped {outcome.skipped:,}; baseline median {common.median(raw):.2f} s; "
                  "one import (it changes the database), three baselines")
    common.report("P3", "import a 100,000-row register workbook into the 1M register", seconds,
                  10, ratio=seconds / common.median(raw), ratio_max=2, label="time")


if __name__ == "__main__":
    main()
