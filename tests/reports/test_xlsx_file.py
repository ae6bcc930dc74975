"""The workbook writer replaces the target only when the workbook is complete."""

from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

from elderdesk.reports.roster_xlsx import write_bank_rows
from elderdesk.reports.xlsx_file import xlsx_book


def _cells(path):
    with CalamineWorkbook.from_path(str(path)) as book:
        return book.get_sheet_by_index(0).to_python()


def test_a_failed_export_leaves_the_previous_file_and_no_partial(tmp_path):
    target = tmp_path / "bank.xlsx"
    write_bank_rows(target, [("张三", "420103194501011234", "工商银行", "6222000011112222", 30000)])
    before = _cells(target)

    def rows():
        yield ("李四", "420103194502021234", None, None, 10000)
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_bank_rows(target, rows())
    assert _cells(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.xlsx"]


def test_a_complete_workbook_replaces_the_target(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with xlsx_book(target) as book:
        book.add_worksheet("表").write_string(0, 0, "=1+1")  # text stays text
    assert _cells(target) == [["=1+1"]]
    assert not (tmp_path / "out.xlsx.part").exists()
