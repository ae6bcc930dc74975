"""系统 → 读卡器: the admin chooses this PC's reader; anyone tests it off the GUI thread and sees
等待放卡 / 读取中 / 已读取 / 读卡器未连接."""

from __future__ import annotations

import pytest

from tests.devices.cards import KNOWN_ID, LINES, card_lines, put_card, wz_bytes


@pytest.fixture(autouse=True)
def machine(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "pc" / "settings.ini"))
    monkeypatch.delenv("ELDERDESK_READER", raising=False)


def make_tab(qtbot, ops, services, operator):  # type: ignore[no-untyped-def]
    from elderdesk.ui.pages.reader_tab import ReaderTab

    tab = ReaderTab(ops, services, operator)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_admin_sets_a_folder_and_tests_it(qtbot, ops, services, admin, tmp_path) -> None:
    from elderdesk.devices import config

    tab = make_tab(qtbot, ops, services, admin)
    assert tab.driver_combo.currentData() == "none" and tab.save_button.isVisible()
    tab.test_button.click()
    assert tab.state_label.text() == "读取中" and not tab.test_button.isEnabled()
    ops.wait_done()
    assert tab.state_label.text() == "读卡器未连接" and "没有设置" in tab.detail_label.text()
    tab.driver_combo.setCurrentIndex(tab.driver_combo.findData("folder"))
    assert tab.browse_button.isVisible() and not tab.library_edit.isVisible()
    tab.arg_edit.setText(str(tmp_path / "missing"))
    tab.save_button.click()
    ops.wait_done()
    assert "不存在" in tab.save_status.text() and config.stored().driver == "none"
    (tmp_path / "cards").mkdir()
    tab.arg_edit.setText(str(tmp_path / "cards"))
    tab.save_button.click()
    ops.wait_done()
    assert tab.save_status.text() == "已保存，本机立即生效"
    assert config.stored() == config.ReaderConfig("folder", str(tmp_path / "cards"))
    tab.test_button.click()
    ops.wait_done()
    assert tab.state_label.text() == "等待放卡" and tab.test_button.isEnabled()
    put_card(tmp_path / "cards", wz_bytes(LINES))
    tab.test_button.click()
    ops.wait_done()
    assert tab.state_label.text() == "已读取"
    text = tab.detail_label.text()
    assert "张三丰" in text and KNOWN_ID not in text and KNOWN_ID[-4:] in text


def test_errors_show_the_reason_without_the_full_id(qtbot, ops, services, admin, clerk,
                                                    tmp_path) -> None:
    bad = KNOWN_ID[:17] + ("0" if KNOWN_ID[17] != "0" else "1")
    put_card(tmp_path / "cards", wz_bytes(card_lines(id=bad)))
    services.reader.configure(admin, "folder", str(tmp_path / "cards"))
    tab = make_tab(qtbot, ops, services, clerk)  # a clerk tests, cannot change
    assert tab.save_button is None and tab.driver_combo is None
    assert "文件夹" in tab.setting_label.text() and str(tmp_path / "cards") in \
        tab.setting_label.text()
    tab.test_button.click()
    ops.wait_done()
    assert tab.state_label.text() == "读卡出错"
    assert "校验位错误" in tab.detail_label.text() and bad not in tab.detail_label.text()


def test_the_override_is_shown(qtbot, ops, services, admin, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ELDERDESK_READER", f"folder:{tmp_path}")
    tab = make_tab(qtbot, ops, services, admin)
    assert tab.override_note.isVisible() and "ELDERDESK_READER" in tab.override_note.text()
    monkeypatch.setenv("ELDERDESK_READER", "nonsense:1")
    tab.load()
    assert "读卡器设置有误" in tab.override_note.text()


def test_the_system_page_has_the_tab(qtbot, ops, services, admin) -> None:
    from elderdesk.ui.pages.system_page import SystemPage

    page = SystemPage(ops, services, admin)
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "读卡器" in titles and page.reader_tab.test_button.text() == "测试读卡器"


def test_a_clerk_only_tests_the_reader(qtbot, ops, services, clerk) -> None:
    """`reader set` is admin-only: a clerk's tab shows the setting as text and has one button
    (no field to type into, no folder to choose, nothing to save)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    tab = make_tab(qtbot, ops, services, clerk)
    assert [b.text() for b in tab.findChildren(QAbstractButton)] == ["测试读卡器"]
    assert not tab.findChildren(QLineEdit) and not tab.findChildren(QComboBox)
    assert "不使用读卡器" in tab.setting_label.text()
    tab.test_button.click()
    ops.wait_done()
    assert tab.state_label.text() == "读卡器未连接"
