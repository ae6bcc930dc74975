"""Per-PC preferences: font size for the whole application at once, window geometry remembered,
the menus show each frequent action's shortcut (also in its tooltip)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from elderdesk.ui import preferences as prefs


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))
    before = QApplication.font()
    yield
    QApplication.setFont(before)


def test_font_size_applies_at_once_and_is_remembered(qapp):
    prefs.apply_font_size("xlarge")
    assert QApplication.font().pointSize() == 17
    assert prefs.font_size() == "xlarge"
    prefs.apply_font_size("small")
    assert QApplication.font().pointSize() == 10
    assert prefs.font_size() == "small"


def test_language_setting(qapp):
    assert prefs.language() == "zh_CN"
    prefs.set_language("en")
    assert prefs.language() == "en"


def _window(qtbot, services, clerk):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, clerk)
    qtbot.addWidget(w)
    return w


def test_window_geometry_is_remembered(qtbot, services, clerk):
    first = _window(qtbot, services, clerk)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(40, 50, 760, 610)  # within the offscreen screen (800 × 800)
    qtbot.wait(10)
    size = (first.width(), first.height())
    first.close()
    second = _window(qtbot, services, clerk)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == size != (1180, 680)


def test_menus_show_the_shortcuts(qtbot, services, clerk):
    w = _window(qtbot, services, clerk)
    menus = w.menus
    keys = {a.text(): a.shortcut().toString() for a in (
        menus.new_action, menus.issue_action, menus.apply_action, menus.lifecert_action,
        menus.print_action)}
    assert keys == {"新增登记": "Ctrl+N", "发放老年证": "F6", "受理高龄津贴申请": "F7",
                    "登记生存认证": "F8", "打印老年证": "F9"}
    assert menus.issue_action.toolTip() == "发放老年证（F6）"
    assert [m.title() for m in (a.menu() for a in w.menuBar().actions())] == [
        "文件(&F)", "办理(&B)", "查看(&V)", "帮助(&H)"]
    assert w.register_page.add_button.toolTip() == ""  # the action holds Ctrl+N
    assert "F2" in w.register_page.edit_button.toolTip()
    w.ops.wait_done()
