"""First-start setup creates the database; login refuses a wrong password in Chinese."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.dialogs.setup_dialog import SetupDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import type_cjk


def fill_setup(qtbot, dialog, region="420103", password="long-pass-1", confirm=None):
    type_cjk(dialog.office_edit, "江汉区民意街道社区服务中心")
    qtbot.keyClicks(dialog.region_edit, region)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClicks(dialog.confirm_edit, confirm if confirm is not None else password)


def test_setup_creates_a_database(qtbot, ops, tmp_path):
    from elderdesk.services.container import Services

    path = tmp_path / "sub" / "office.db"
    dialog = SetupDialog(ops, path)
    qtbot.addWidget(dialog)
    fill_setup(qtbot, dialog)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
    assert dialog.created and path.exists()
    services = Services.open(path)
    try:
        assert services.users.authenticate("admin", "long-pass-1").can("user.add")
        assert services.settings.office() == {"name": "江汉区民意街道社区服务中心",
                                              "region": "420103"}
    finally:
        services.close()


def test_setup_checks_passwords_and_region(qtbot, ops, tmp_path):
    path = tmp_path / "office.db"
    dialog = SetupDialog(ops, path)
    qtbot.addWidget(dialog)
    fill_setup(qtbot, dialog, region="42a01", confirm="other-pass-1")
    assert dialog.region_edit.text() == "4201"  # only digits can be typed
    dialog.ok_button.click()
    assert dialog.error_label.text() == "两次输入的密码不一致，请重新输入"
    qtbot.keyClicks(dialog.confirm_edit, "long-pass-1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "行政区划代码" in dialog.error_label.text())
    assert "应为 6 位数字" in dialog.error_label.text()
    assert not path.exists() and dialog.ok_button.isEnabled()


def test_login_rejects_a_wrong_password(qtbot, ops, services):
    def authenticate(name, password):
        return services.users.authenticate(name, password)

    dialog = LoginDialog(ops, authenticate)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "")
    assert dialog.error_label.text() == "用户名或密码错误，请重新输入"
    assert dialog.password_edit.text() == "" and dialog.operator is None
    qtbot.keyClicks(dialog.password_edit, ADMIN_PASSWORD)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.operator is not None)
    assert dialog.operator.name == "admin"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_login_asks_for_a_user_name(qtbot, ops):
    dialog = LoginDialog(ops, lambda n, p: None)
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    assert dialog.error_label.text() == "请输入用户名"
