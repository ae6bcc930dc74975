"""The system page: users (add, roles, reset, disable, own password), the audit viewer (filters,
masking, export, chain check), office and security settings; the idle lock."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from elderdesk.domain.person import PersonInput
from elderdesk.services.audit.view import AuditQuery
from elderdesk.ui.dialogs.password_dialog import PasswordDialog
from elderdesk.ui.dialogs.user_dialog import UserDialog
from elderdesk.ui.models.audit_models import AU_CHANGES, AU_SUBJECT, AuditTableModel
from elderdesk.ui.models.user_models import UsersTableModel
from tests.conftest import PASSWORD
from tests.ui.conftest import make_id


def make_page(qtbot, ops, services, operator):  # type: ignore[no-untyped-def]
    from elderdesk.ui.pages.system_page import SystemPage

    page = SystemPage(ops, services, operator)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._loaded)
    ops.wait_done()
    return page


def test_admin_manages_users(qtbot, ops, services, admin, clerk, monkeypatch) -> None:
    page = make_page(qtbot, ops, services, admin)
    tab = page.users_tab
    assert [tab.model.user_at(i).name for i in range(tab.model.rowCount())] == ["admin", "clerk1"]
    tab.table.selectRow(0)
    assert not tab.active_button.isEnabled()  # nobody disables themselves
    # add a user through the dialog
    dialog = UserDialog(ops, services.users, admin)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "wang")
    dialog.role_checks["reviewer"].setChecked(True)
    qtbot.keyClicks(dialog.password_edit, "first-pass-1")
    qtbot.keyClicks(dialog.again_edit, "first-pass-2")
    dialog.ok_button.click()
    assert "不一致" in dialog.error_label.text()
    qtbot.keyClicks(dialog.again_edit, "first-pass-1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert services.users.authenticate("wang", "first-pass-1").roles == {"reviewer"}
    # disable clerk1 (confirmed), then enable again
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.refresh("clerk1")
    ops.wait_done()
    assert tab.selected().name == "clerk1" and tab.active_button.text() == "停用"
    tab.active_button.click()
    ops.wait_done()
    assert tab.selected().name == "clerk1" and not tab.selected().active
    assert tab.model.data(tab.model.index(tab.table.currentIndex().row(), 2)) == "已停用"
    tab.active_button.click()
    ops.wait_done()
    assert tab.selected().active


def test_reset_password_dialog(qtbot, ops, services, admin, clerk) -> None:
    dialog = PasswordDialog(ops, services.users, admin, "clerk1")
    qtbot.addWidget(dialog)
    assert dialog.old_edit is None
    qtbot.keyClicks(dialog.new_edit, "abc")
    qtbot.keyClicks(dialog.again_edit, "abc")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "太短" in dialog.error_label.text())
    qtbot.keyClicks(dialog.new_edit, "reset-pass-1")
    qtbot.keyClicks(dialog.again_edit, "reset-pass-1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert services.users.authenticate("clerk1", "reset-pass-1").name == "clerk1"


def test_clerk_changes_own_password_and_sees_read_only_settings(qtbot, ops, services,
                                                                 clerk) -> None:
    page = make_page(qtbot, ops, services, clerk)
    assert page.users_tab.table.isHidden() and page.audit_tab is None
    assert page.office_edit.isReadOnly() and page.office_edit.text() == "江汉区民意街道社区服务中心"
    assert not page.idle_spin.isEnabled() and page.idle_save.isHidden()
    dialog = PasswordDialog(ops, services.users, clerk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old_edit, "wrong-pass")
    qtbot.keyClicks(dialog.new_edit, "brand-new-1")
    qtbot.keyClicks(dialog.again_edit, "brand-new-1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "密码错误" in dialog.error_label.text())
    assert dialog.new_edit.text() == ""  # passwords are cleared after a failure
    for edit, text in ((dialog.old_edit, PASSWORD), (dialog.new_edit, "brand-new-1"),
                       (dialog.again_edit, "brand-new-1")):
        qtbot.keyClicks(edit, text)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert services.users.authenticate("clerk1", "brand-new-1").name == "clerk1"


def test_admin_saves_office_and_idle_minutes(qtbot, ops, services, admin) -> None:
    page = make_page(qtbot, ops, services, admin)
    assert page.idle_spin.value() == 10
    page.idle_spin.setValue(3)
    with qtbot.waitSignal(page.idle_minutes_changed) as signal:
        page.save_idle_minutes()
    assert signal.args == [3] and services.settings.idle_minutes() == 3
    page.office_edit.setText("江汉区新华街道社区服务中心")
    with qtbot.waitSignal(page.office_changed):
        page.save_office()
    assert services.settings.office()["name"] == "江汉区新华街道社区服务中心"
    page.office_edit.setText("")
    page.save_office()
    qtbot.waitUntil(lambda: "不能为空" in page.office_status.text())


def _history(services, clerk) -> str:  # type: ignore[no-untyped-def]
    number = make_id("19400312", "011")
    services.people.add(clerk, PersonInput(id_number=number, name="张三丰",
                                           account="6222021234567890123"))
    services.people.update(clerk, number, PersonInput(id_number=number, name="张三丰",
                                                      community="民意社区",
                                                      account="6222021234567890123"))
    return number


def test_audit_viewer_filters_masks_exports_and_verifies(qtbot, ops, services, admin, clerk,
                                                         tmp_path, monkeypatch) -> None:
    number = _history(services, clerk)
    page = make_page(qtbot, ops, services, admin)
    tab = page.audit_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 5)
    tab.person_edit.setText(number)
    tab.search()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    model = tab.model
    edit = model.entry_at(0)
    assert edit.action == "people.edit"
    assert model.data(model.index(0, AU_CHANGES)) == "社区：（空） → 民意社区"
    assert model.data(model.index(1, AU_SUBJECT)) == "420103********0114"
    shown = [model.data(model.index(r, c)) for r in range(2) for c in range(6)]
    shown.append(tab.detail.toPlainText())
    assert not any(number in str(t) or "6222021234567890123" in str(t) for t in shown)
    tab.table.selectRow(1)
    assert "银行账号：****0123" in tab.detail.toPlainText()
    assert tab.unmask_check.isEnabled()
    tab.unmask_check.setChecked(True)
    assert number in tab.detail.toPlainText()
    tab.unmask_check.setChecked(False)
    # kind and dates
    tab.person_edit.clear()
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("user"))
    tab.search()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.entry_at(0).action == "user.add"
    tab.from_edit.setDate(QDate.currentDate().addDays(1))
    tab.search()
    qtbot.waitUntil(lambda: "没有符合条件" in tab.status_label.text())
    tab.from_edit.setDate(tab.from_edit.minimumDate())
    # export what the filters select
    path = tmp_path / "audit.xlsx"
    from elderdesk.ui.dialogs.file_dialog import FileDialog

    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: path))
    tab.export()
    qtbot.waitUntil(lambda: "已导出 1 条" in tab.status_label.text())
    assert path.exists()
    tab.verify()
    qtbot.waitUntil(lambda: "审计日志完整" in tab.status_label.text())


def test_audit_model_contract(qtbot, qtmodeltester, ops, services, admin, clerk) -> None:
    _history(services, clerk)
    model = AuditTableModel(ops, lambda q: services.audit.list(admin, q))
    with qtbot.waitSignal(model.loaded):
        model.set_query(AuditQuery())
    qtmodeltester.check(model, force_py=True)
    users = UsersTableModel()
    users.set_users(services.users.list(admin))
    qtmodeltester.check(users, force_py=True)


def test_idle_lock_covers_and_unlocks(qtbot, window, services, clerk) -> None:
    lock = window.idle_lock
    window.ops.wait_done()
    lock.set_interval_ms(150)
    qtbot.waitUntil(lock.is_locked, timeout=3000)
    dialog = lock.dialog
    assert dialog.isVisible() and lock._covers and lock._covers[0].isVisible()
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "密码错误" in dialog.error_label.text())
    assert lock.is_locked()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        dialog.unlock_button.click()
    assert not lock.is_locked() and not lock._covers
    lock.set_minutes(10)
    assert lock.minutes == 10


def test_idle_lock_lockout_applies(qtbot, window, services, clerk) -> None:
    lock = window.idle_lock
    lock.lock()
    dialog = lock.dialog
    for _ in range(5):
        qtbot.keyClicks(dialog.password_edit, "wrong-password")
        dialog.unlock_button.click()
        qtbot.waitUntil(dialog.unlock_button.isEnabled)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "锁定至" in dialog.error_label.text())
    assert lock.is_locked()
    dialog.quit_button.click()  # 退出程序 closes the main window
    qtbot.waitUntil(lambda: not window.isVisible())


def test_input_keeps_the_lock_away(qtbot, window) -> None:
    lock = window.idle_lock
    window.ops.wait_done()
    lock.set_interval_ms(400)
    for _ in range(6):
        qtbot.keyClick(window.register_page.search_edit, Qt.Key.Key_A)
        qtbot.wait(100)
    assert not lock.is_locked()
    qtbot.waitUntil(lock.is_locked, timeout=3000)
    lock.dialog.done(QDialog.DialogCode.Accepted)
    QApplication.processEvents()
    assert not lock.is_locked()
