"""Online applications in the GUI (issue 16): the import dialog in its applications mode, the
review queue showing the source (网上/窗口) and who must still come (待核验本人)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from elderdesk.ui.dialogs.import_dialog import APPLICATIONS, ImportDialog
from elderdesk.ui.models.allowance_models import A_SOURCE, A_VISIT, ApplicationsTableModel
from elderdesk.ui.pages.allowance_page import TO_REVIEW, AllowancePage
from tests.importing.sheets import write_xlsx
from tests.ui.allowance_helpers import BORN_MAY, BORN_SEP, NAMES, register, set_today


def test_import_dialog_mode_and_the_queue(qtbot, qtmodeltester, ops, services, clerk,
                                          reviewer, monkeypatch, tmp_path):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY, BORN_SEP)
    services.allowance.apply(clerk, BORN_SEP, date(2026, 8, 10))  # at the counter
    path = write_xlsx(tmp_path / "网上申请.xlsx", [
        ["市级平台网上申请导出"],
        ["序号", "姓名", "身份证号", "申请日期", "代办人", "代办人电话"],
        [1, NAMES[BORN_MAY], BORN_MAY, "2026-08-12 10:01:02", "赵小明", "13900000000"],
        [2, NAMES[BORN_SEP], BORN_SEP, "2026-08-13", None, None],
    ])
    dialog = ImportDialog(ops, services, clerk, kind=APPLICATIONS)
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.currentData() == APPLICATIONS
    assert not dialog.strict_check.isEnabled() and not dialog.template_button.isEnabled()
    dialog.report_check.setChecked(False)
    dialog.file_edit.setText(str(path))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20000)
    assert (dialog.outcome.imported, [f.code for f in dialog.outcome.findings]) == (
        1, ["ALREADY_ENROLLED"])
    assert "导入 1 行" in dialog.status_label.text()

    model = ApplicationsTableModel()
    model.set_rows(services.allowance.queue(reviewer, "applied"))
    qtmodeltester.check(model, force_py=True)
    rows = {r.id_number: i for i, r in enumerate(model.rows())}
    may, sep = rows[BORN_MAY], rows[BORN_SEP]
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in (A_SOURCE, A_VISIT)]
    assert heads == ["来源", "待核验本人"]
    assert [model.data(model.index(may, c)) for c in (A_SOURCE, A_VISIT)] == ["网上", "待核验"]
    assert [model.data(model.index(sep, c)) for c in (A_SOURCE, A_VISIT)] == ["窗口", ""]
    tip = model.data(model.index(may, A_VISIT), Qt.ItemDataRole.ToolTipRole)
    assert "窗口核验" in tip  # the tooltip says why

    services.allowance.lifecert(clerk, BORN_MAY, date(2026, 8, 15))  # the elder came
    page = AllowancePage(ops, services, reviewer)
    qtbot.addWidget(page)
    page.show()
    assert page.import_online_button is None  # a reviewer does not import
    lst = page.lists[TO_REVIEW]
    qtbot.waitUntil(lambda: not lst.is_loading() and len(lst.model.rows()) == 2)
    row = [r.id_number for r in lst.model.rows()].index(BORN_MAY)
    assert lst.model.data(lst.model.index(row, A_SOURCE)) == "网上"
    assert lst.model.data(lst.model.index(row, A_VISIT)) == ""
    clerk_page = AllowancePage(ops, services, clerk)
    qtbot.addWidget(clerk_page)
    assert clerk_page.import_online_button is not None
