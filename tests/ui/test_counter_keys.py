"""Working at one counter with several people, by keyboard (issue 12, items 7–9): 切换用户
keeps the window and changes the operator, the last user name is prefilled at login, Enter in
the search box opens the person (F2 edits), F1 lists the keys of the page in view, and one key
means one thing on every page."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication
from sqlalchemy import select

from elderdesk.store.orm import AuditRow
from elderdesk.ui.dialogs.keys_dialog import shortcut_rows, window_keys
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.keys import button_key
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))


def login_as(monkeypatch, services, name: str | None):
    """LoginDialog.ask answers with this user (None: the clerk gives up); records the calls."""
    calls = []

    def ask(cls, parent, ops, authenticate, office=None, user=""):
        calls.append((parent, user))
        return None if name is None else authenticate(name, PASSWORD)

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    return calls


def test_switch_user_keeps_the_window_and_changes_the_operator(qtbot, window, services,
                                                               clerk, reviewer, monkeypatch):
    page_before = window.register_page
    assert page_before.add_button.isEnabled()
    calls = login_as(monkeypatch, services, "reviewer1")
    window.menus.switch_action.trigger()
    assert calls == [(window, "")]  # another user: the name is not prefilled
    assert window.isVisible() and window.operator.name == "reviewer1"
    assert window.register_page is not page_before
    assert "reviewer1" in window.operator_label.text()
    page = window.register_page
    assert not page.add_button.isEnabled()  # pages built again for the reviewer's roles
    assert window.allowance_page.review_button is not None
    assert window.allowance_page.apply_button is None
    assert [a.text() for a in window.actions()].count("切换用户…") == 1  # no menus twice
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)", "办理(&B)", "查看(&V)", "帮助(&H)"]
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.waitUntil(lambda: page.detail.person is not None)
    from elderdesk.ui.preferences import last_user

    assert last_user() == "reviewer1"


def test_audit_records_after_a_switch_carry_the_new_operator(qtbot, window, services, clerk,
                                                             admin, monkeypatch):
    from datetime import date

    from elderdesk.ui.dialogs.end_dialog import EndDialog

    services.users.add(admin, "clerk2", ["clerk"], PASSWORD)
    login_as(monkeypatch, services, "clerk2")
    window.switch_user()
    monkeypatch.setattr(EndDialog, "ask", classmethod(
        lambda cls, parent, ops, person, kind, record: record(date(2025, 1, 5))))
    page = window.register_page
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.waitUntil(lambda: page.death_button.isEnabled())
    page.death_button.click()
    with services.db.read() as s:
        action, operator = s.execute(select(AuditRow.action, AuditRow.operator)
                                     .order_by(AuditRow.id.desc())).first()
    assert (action, operator) == ("allowance.end", "clerk2") or \
        (action, operator) == ("people.death", "clerk2")


def test_switch_user_given_up_changes_nothing(qtbot, window, services, clerk, monkeypatch):
    login_as(monkeypatch, services, None)
    page = window.register_page
    window.switch_user()
    assert window.operator.name == "clerk1" and window.register_page is page


def test_switch_user_from_the_lock_screen(qtbot, window, services, clerk, reviewer,
                                          monkeypatch):
    login_as(monkeypatch, services, "reviewer1")
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: window.idle_lock.dialog is not None
                    and window.idle_lock.dialog.isVisible())
    assert "切换用户" in window.idle_lock.dialog.switch_button.text()
    window.idle_lock.dialog.switch_button.click()
    qtbot.waitUntil(lambda: window.operator.name == "reviewer1")
    assert not window.idle_lock.is_locked() and window.isVisible()


def test_switch_given_up_on_the_lock_screen_locks_again(qtbot, window, services, clerk,
                                                        monkeypatch):
    login_as(monkeypatch, services, None)
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: window.idle_lock.dialog is not None)
    window.idle_lock.dialog.switch_button.click()
    qtbot.waitUntil(lambda: window.idle_lock.is_locked())
    assert window.operator.name == "clerk1"
    window.idle_lock.dialog.done(1)


def test_last_user_name_is_prefilled_at_login(qtbot, db_path, monkeypatch):
    from elderdesk import app as app_module
    from elderdesk.ui.preferences import last_user, set_last_user

    set_last_user("clerk7")
    seen = []
    monkeypatch.setattr(LoginDialog, "ask", classmethod(
        lambda cls, parent, ops, authenticate, office=None, user="": seen.append(user)))
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _p: None)
    assert app_module.run_gui(db_path) == 0
    assert seen == ["clerk7"] and last_user() == "clerk7"


def test_login_remembers_the_user(qtbot, db_path, monkeypatch):
    from elderdesk import app as app_module
    from elderdesk.ui.main_window import MainWindow
    from elderdesk.ui.preferences import last_user
    from tests.conftest import ADMIN_PASSWORD

    monkeypatch.setattr(LoginDialog, "ask", classmethod(
        lambda cls, parent, ops, authenticate, office=None, user="":
        authenticate("admin", ADMIN_PASSWORD)))
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda _p: None)
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(app_module, "start_safety_checks",
                        lambda w, op: QTimer.singleShot(0, w.close))
    monkeypatch.setattr(MainWindow, "save_geometry", lambda self: None)
    assert app_module.run_gui(db_path) == 0
    assert last_user() == "admin"


# --- Enter opens, F2 edits -------------------------------------------------------------------
def test_enter_in_search_opens_the_person_and_f2_edits(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "ask", classmethod(
        lambda cls, parent, ops, services, op, person=None: opened.append(person)))
    page = window.register_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_edit)
    qtbot.keyClicks(page.search_edit, "lj")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # before the search has even run
    qtbot.waitUntil(lambda: page.detail.person is not None and page.detail.person.name == "李建国")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.edit_button)
    assert opened == []  # opening is not editing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].name == "李建国"


def test_enter_in_the_table_opens_too(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "ask", classmethod(
        lambda cls, parent, ops, services, op, person=None: opened.append(person)))
    page = window.register_page
    qtbot.keyClicks(page.search_edit, "zxh")
    qtbot.waitUntil(lambda: page.detail.person is not None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.edit_button)
    assert opened == []


def test_enter_for_a_reviewer_focuses_a_usable_button(qtbot, services, reviewer, people):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    w.show()
    page = w.register_page
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.person is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not page.search_edit)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isEnabled()
    w.ops.wait_done()


# --- F1 and one meaning per key --------------------------------------------------------------
def test_f1_lists_the_keys_of_the_page_in_view(qtbot, window):
    rows = dict(shortcut_rows(window))
    assert rows["Ctrl+N"] == "新增登记" and rows["F2"] == "修改" and rows["Ctrl+D"] == "登记死亡"
    assert rows["F7"] == "受理高龄津贴申请" and rows["F1"] == "快捷键一览"
    assert rows["Ctrl+F"].startswith("查找") and rows["Ctrl+U"] == "切换用户"
    window.show_page(window.stack.indexOf(window.cards_page))
    rows = dict(shortcut_rows(window))
    assert "Ctrl+N" not in rows  # 新增登记 belongs to 老人档案 only
    assert rows["F6"] in ("发证", "发放老年证")
    assert rows["Ctrl+E"] == "补证/换证" and rows["Ctrl+G"] == "领证登记"


def test_f1_dialog_is_built_from_the_actions(qtbot, window, monkeypatch):
    from elderdesk.ui.dialogs.keys_dialog import KeysDialog

    window.show_page(window.stack.indexOf(window.allowance_page))
    dialog = KeysDialog(window)
    qtbot.addWidget(dialog)
    texts = dict(dialog.rows())
    assert texts["F5"] == "刷新" and texts["F1"] == "快捷键一览"


def every_key(window) -> dict[str, set[str]]:
    """key -> what it is labelled, over every page, tab and the window's actions."""
    found: dict[str, set[str]] = {}
    for key, what in window_keys(window) + page_keys_all(window):
        found.setdefault(key, set()).add(re.sub(r"[…\s]", "", what))
    return found


def page_keys_all(window) -> list[tuple[str, str]]:
    rows = []
    for button in window.findChildren(QAbstractButton):
        key = button_key(button)
        if key:
            rows.append((key, re.sub(r"\s*[（(][^（）()]*[)）]$", "", button.text())))
    for shortcut in window.findChildren(QShortcut):
        rows.append((shortcut.key().toString(), shortcut.whatsThis()))
    rows += [(a.shortcut().toString(), a.text()) for a in window.register_page.actions()]
    return rows


# Keys whose holders use different words for one meaning
SAME_MEANING = {
    "F6": {"发放老年证", "发证"}, "F7": {"受理高龄津贴申请", "受理申请", "重新受理"},
    "F8": {"登记生存认证"}, "F9": {"打印老年证", "打印"},
    "Ctrl+P": {"打印", "打印花名册PDF", "生成PDF"}, "Ctrl+Y": {"审核通过", "批准"},
    "Ctrl+R": {"审核退回", "不予批准"}, "Ctrl+F": {"查找（光标回到查找框）"},
    "Ctrl+N": {"新增登记"},
}


@pytest.mark.parametrize("role", ["admin"])
def test_one_key_means_one_thing_everywhere(qtbot, services, admin, people, role):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, admin)  # the admin sees every button
    qtbot.addWidget(w)
    found = every_key(w)
    for key, texts in found.items():
        allowed = SAME_MEANING.get(key)
        if allowed is not None:
            assert texts <= allowed, (key, texts)
        else:
            assert len(texts) == 1, (key, texts)
    assert found["Ctrl+N"] == {"新增登记"}
    w.ops.wait_done()
