"""The GUI tests run on SQLite; this smoke set runs the main window on PostgreSQL (issue 14):
the login through the same opener as app.py, then by clicking: search a person, register one,
accept an application (F7), record a proof of life, build a roster draft, and 系统 → 备份
lists the backup made with its button. Each step asserts what the window shows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from elderdesk import app as app_module
from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.models.people_model import COL_NAME
from elderdesk.ui.models.roster_models import L_NAME, L_PAID
from elderdesk.ui.pages.allowance_page import TO_REVIEW
from elderdesk.ui.pages.backups_tab import B_FILE, B_KIND
from tests.conftest import ADMIN_PASSWORD, PASSWORD
from tests.ui.allowance_helpers import BORN_MAY, approve, register
from tests.ui.conftest import add_people, make_id, on_modal, type_cjk

NEW_ID = make_id("19460303", "031")  # 80 in March 2026


def names(model) -> list[str]:
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def test_main_window_on_postgresql(qtbot, ops, pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("ELDERDESK_PC_CONFIG", str(tmp_path / "pc.json"))  # backups in tmp_path
    monkeypatch.delenv("ELDERDESK_PG_BIN", raising=False)
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-08-20")
    from elderdesk.services.container import Services

    seed = Services.open(pg_url)  # the office's users and people, as other counters left them
    try:
        admin = seed.users.authenticate("admin", ADMIN_PASSWORD)
        for user, roles in (("wang", ["clerk", "admin"]), ("reviewer1", ["reviewer"]),
                            ("approver1", ["approver"])):
            seed.users.add(admin, user, roles, PASSWORD)
        clerk, reviewer, approver = (seed.users.authenticate(u, PASSWORD)
                                     for u in ("wang", "reviewer1", "approver1"))
        add_people(seed, clerk)
        register(seed, clerk, BORN_MAY)
        approve(seed, clerk, reviewer, approver, BORN_MAY)
    finally:
        seed.close()
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-09-30")

    # The login, through the opener app.py uses, on the server's URL.
    opener = app_module.ServicesOpener(pg_url)
    login = LoginDialog(ops, opener.authenticate)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.user_edit, "wang")
    qtbot.keyClicks(login.password_edit, "wrong-password")
    login.ok_button.click()
    qtbot.waitUntil(lambda: login.error_label.text() != "", timeout=10000)
    assert login.error_label.text() == "用户名或密码错误，请重新输入"
    qtbot.keyClicks(login.password_edit, PASSWORD)
    login.ok_button.click()
    qtbot.waitUntil(lambda: login.operator is not None, timeout=10000)
    assert login.result() == QDialog.DialogCode.Accepted
    from elderdesk.ui.main_window import MainWindow

    window = MainWindow(opener.get(), login.operator)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.operator_label.text().startswith("操作员：wang")
        qtbot.waitUntil(lambda: "民意街道" in window.office_label.text())
        _counter(qtbot, window)
        _roster_and_backups(qtbot, window, tmp_path)
    finally:
        window.ops.wait_done()
        ops.wait_done()
        window.close()
        opener.close()


def _counter(qtbot, window) -> None:
    page = window.register_page
    # search by pinyin initials: the server's pinyin keys
    qtbot.keyClicks(page.search_edit, "zsf")
    qtbot.waitUntil(lambda: names(page.model) == ["张三丰"])
    qtbot.waitUntil(lambda: page.detail.person is not None)
    assert page.detail.title.text() == "张三丰"

    # register a new person with the 新增登记 dialog
    def fill(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.id_edit.edit, NEW_ID)
        type_cjk(dialog.fields["name"], "钱八十")
        type_cjk(dialog.fields["community"], "民意社区")
        type_cjk(dialog.fields["bank"], "中国工商银行")
        qtbot.keyClicks(dialog.fields["account"], "6222020200445566")
        dialog.save_button.click()

    added: list = []
    on_modal(qtbot, PersonDialog, fill, added)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.selected_id() == NEW_ID, timeout=10000)
    qtbot.waitUntil(lambda: page.detail.person is not None
                    and page.detail.person.id_number == NEW_ID)
    assert page.detail.title.text() == "钱八十"

    # F7: accept the application, once the dialog shows the facts
    def accept(dialog: ApplicationDialog) -> None:
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10000)
        dialog.ok_button.click()

    applied: list = []
    on_modal(qtbot, ApplicationDialog, accept, applied)
    window.menus.apply()
    assert applied and applied[0].result() == QDialog.DialogCode.Accepted
    queue = window.allowance_page.lists[TO_REVIEW]
    queue.refresh()
    qtbot.waitUntil(lambda: "钱八十" in [queue.model.data(queue.model.index(r, 1))
                                        for r in range(queue.model.rowCount())])

    # F8: a proof of life dated today
    certified: list = []
    on_modal(qtbot, LifecertDialog, lambda d: d.ok_button.click(), certified)
    window.menus.lifecert()  # reads the policy first, then the dialog
    qtbot.waitUntil(lambda: bool(certified) and not certified[0].isVisible(), timeout=10000)
    assert certified[0].result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "已登记生存认证：钱八十（"))


def _roster_and_backups(qtbot, window, tmp_path) -> None:
    roster = window.roster_page
    window.show_page(window.stack.indexOf(roster))
    qtbot.waitUntil(lambda: roster.period_edit.text() == "2026Q3")
    roster.build_button.click()
    qtbot.waitUntil(lambda: roster._task is None and roster.view is not None, timeout=15000)
    m = roster.model
    assert m.rowCount() == 1 and m.data(m.index(0, L_NAME)) == "赵德明"
    assert m.data(m.index(0, L_PAID)) == "500.00"
    assert roster.status_label.text().startswith("2026Q3 花名册：草稿")
    assert roster.message.text() == "已生成 2026Q3 花名册草稿，共 1 行"

    system = window.system_page
    window.show_page(window.stack.indexOf(system))
    tab = system.backups_tab
    assert tab is not None
    system.tabs.setCurrentWidget(tab)
    window.ops.wait_done()
    assert tab.folder_label.text() == str(tmp_path / "backups")
    tab.backup_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    made = tab.selected().path
    assert made.suffix == ".dump" and made.is_file()
    assert tab.model.data(tab.model.index(0, B_KIND)) == "手动"
    assert tab.model.data(tab.model.index(0, B_FILE)) == made.name
    assert f"已备份到 {made}" in tab.status_label.text()
