"""The import dialog: runs the import off the GUI thread, shows counts, findings and the report."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from elderdesk.services.people.imports import Cancelled
from elderdesk.ui.dialogs.import_dialog import DEATHS, ImportDialog
from elderdesk.ui.models.findings_model import COL_CODE, COL_LEVEL, COL_NAME

GOOD = [("赵一", "11010519491231002X"), ("钱二", "440524188001010014")]
BAD = ("孙三", "110105194912310021")  # wrong check character


def workbook(path: Path, header: tuple, rows: list[tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


@pytest.fixture
def register_xlsx(tmp_path):
    return workbook(tmp_path / "名册.xlsx", ("姓名", "身份证号"), [GOOD[0], BAD, GOOD[1]])


@pytest.fixture
def dialog(qtbot, ops, services, clerk):
    d = ImportDialog(ops, services, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def run(qtbot, dialog, path: Path) -> None:
    dialog.file_edit.setText(str(path))
    dialog.start_button.click()
    assert dialog.is_running() and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20000)


def test_import_register_shows_counts_findings_and_report(qtbot, dialog, register_xlsx,
                                                          services, clerk):
    run(qtbot, dialog, register_xlsx)
    assert dialog.status_label.text() == ("导入完成：读取 3 行，导入 2 行，跳过 1 行。"
                                          "发现错误 1 条、警告 0 条。")
    model = dialog.model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in (0, COL_LEVEL, COL_CODE, COL_NAME)] == \
        ["3", "错误", "ID_CHECKSUM", "孙三"]
    report = dialog.outcome.report_path
    assert report is not None and report.exists() and report.parent == register_xlsx.parent
    assert str(report) in dialog.report_label.text()
    assert not dialog.open_folder_button.isHidden()
    assert services.people.get(clerk, GOOD[1][1]).name == "钱二"
    assert dialog.start_button.isEnabled() and dialog.close_button.isEnabled()


def test_dry_run_writes_nothing(qtbot, dialog, register_xlsx, services, clerk):
    dialog.dry_run_check.setChecked(True)
    dialog.report_check.setChecked(False)
    run(qtbot, dialog, register_xlsx)
    assert dialog.status_label.text().startswith("试运行完成（未写入）：读取 3 行，可导入 2 行")
    assert dialog.outcome.report_path is None and dialog.open_folder_button.isHidden()
    assert services.people.search(clerk, "11010519") == []


def test_strict_imports_nobody_when_a_row_is_wrong(qtbot, dialog, register_xlsx, services, clerk):
    dialog.strict_check.setChecked(True)
    run(qtbot, dialog, register_xlsx)
    assert dialog.outcome.imported == 0 and dialog.outcome.skipped == 3
    assert services.people.search(clerk, "440524") == []


def test_missing_file_is_reported_in_chinese(qtbot, dialog, tmp_path):
    run(qtbot, dialog, tmp_path / "没有.xlsx")
    assert "找不到文件" in dialog.status_label.text()


def test_death_list(qtbot, dialog, tmp_path, services, clerk, people):
    person = people[0]
    path = workbook(tmp_path / "死亡名单.xlsx", ("姓名", "身份证号", "死亡日期"),
                    [(person.name, person.id_number, "2025-02-03")])
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(DEATHS))
    assert not dialog.strict_check.isEnabled()
    run(qtbot, dialog, path)
    assert dialog.outcome.imported == 1
    assert services.people.get(clerk, person.id_number).death_date == date(2025, 2, 3)


def test_cancel_stops_the_import(qtbot, dialog, register_xlsx, services, monkeypatch):
    def slow_import(op, path, *, progress=None, cancel=None, **_options):
        for i in range(500):
            progress(i, 500)
            if cancel.is_set():
                raise Cancelled()
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(services.imports, "import_people", slow_import)
    dialog.file_edit.setText(str(register_xlsx))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    dialog.reject()  # closing while running asks for a cancel instead
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.status_label.text() == "导入已取消。"
    assert dialog.outcome is None
