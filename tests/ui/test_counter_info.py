"""What the counter shows and says (issue 12, items 2–4): the death-before-proof-of-life
warning, the detail pane refreshed after F7, the role named when a key is refused, the
person's audit trail in words, the example ID, the household type shown as the card page does."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from elderdesk.domain.idcard import parse_id
from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
from elderdesk.ui.dialogs.end_dialog import EndDialog
from tests.ui.allowance_helpers import fake_ask
from tests.ui.conftest import PEOPLE, today


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown (title, text), answered at once."""
    shown: list[tuple[str, str]] = []

    def box(_parent, title, text, *_a, **_k):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box))
    return shown


def open_person(qtbot, page, initials: str) -> None:
    qtbot.keyClicks(page.search_edit, initials)
    qtbot.waitUntil(lambda: page.detail.person is not None)


def test_death_before_a_proof_of_life_names_the_proof(qtbot, window, services, clerk, boxes,
                                                      monkeypatch):
    number = PEOPLE[2][1]  # 王秀英
    services.allowance.lifecert(clerk, number, date(2025, 3, 1))
    monkeypatch.setattr(EndDialog, "ask", classmethod(
        lambda cls, parent, ops, person, kind, record: record(date(2025, 1, 5))))
    page = window.register_page
    open_person(qtbot, page, "wxy")
    page.death_button.click()
    qtbot.waitUntil(lambda: bool(boxes))
    assert "2025-03-01" in boxes[0][1] and "2025-01-05" in boxes[0][1]
    assert "生存认证" in boxes[0][1]


def test_detail_pane_refreshes_after_f7(qtbot, window, services, clerk, monkeypatch):
    page = window.register_page
    open_person(qtbot, page, "wxy")  # born 1938: old enough
    history = page.detail.history
    qtbot.waitUntil(lambda: not history.loading)
    assert history.enrollment_label.text() == "高龄津贴：未申请"
    fake_ask(monkeypatch, qtbot, ApplicationDialog, result_attr="applied")
    window.menus.apply_action.trigger()
    qtbot.waitUntil(lambda: "已受理待审核" in history.enrollment_label.text())


def test_keys_refused_for_the_role_say_why(qtbot, services, reviewer, people, boxes):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    w.show()
    page = w.register_page
    open_person(qtbot, page, "wxy")
    w.menus.lifecert_action.trigger()  # F8
    assert boxes and "经办" in boxes[-1][1] and "登记生存认证" in boxes[-1][1]
    boxes.clear()
    w.menus.apply_action.trigger()  # F7
    assert boxes and "经办" in boxes[-1][1]
    w.ops.wait_done()


def test_detail_pane_shows_the_persons_audit_trail(qtbot, window, services, clerk):
    page = window.register_page
    services.allowance.lifecert(clerk, PEOPLE[2][1], today())
    open_person(qtbot, page, "wxy")
    trail = page.detail.trail
    qtbot.waitUntil(lambda: trail.model.rowCount() == 2)
    rows = [[trail.model.data(trail.model.index(r, c)) for c in range(3)]
            for r in range(trail.model.rowCount())]
    assert rows[0][1] == "clerk1" and rows[0][2].startswith("登记生存认证")
    assert rows[1][2].startswith("登记人员")
    assert "后续版本" not in page.detail.later.text() or not page.detail.later.isVisible()


def test_example_id_passes_its_own_check(qtbot):
    from elderdesk.ui.widgets.id_check import IdNumberEdit

    edit = IdNumberEdit(date(2026, 11, 16))
    qtbot.addWidget(edit)
    example = edit.edit.placeholderText().split()[-1]
    assert parse_id(example, date(2026, 11, 16)).number == example


def test_household_type_not_recorded_reads_as_the_card_page_does(qtbot, window):
    page = window.register_page
    open_person(qtbot, page, "wxy")
    assert page.detail.values["household_type"].text() == "本地户籍"


def test_person_dialog_defaults_to_local_household(qtbot, ops, services, clerk):
    from elderdesk.ui.dialogs.person_dialog import PersonDialog

    dialog = PersonDialog(ops, services, clerk)
    qtbot.addWidget(dialog)
    assert dialog.household.currentData() == "local"
    assert [dialog.household.itemData(i) for i in range(dialog.household.count())] == [
        "local", "nonlocal"]


def test_page_keys_refused_for_the_role_say_why(qtbot, services, reviewer, people, boxes):
    from PySide6.QtCore import Qt

    from elderdesk.ui.main_window import MainWindow
    from elderdesk.ui.pages.allowance_page import TO_REVIEW

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.register_page
    open_person(qtbot, page, "wxy")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert boxes and "登记死亡" in boxes[-1][1] and "经办" in boxes[-1][1]
    w.show_page(w.stack.indexOf(w.allowance_page))
    w.allowance_page.tabs.setCurrentIndex(TO_REVIEW)
    boxes.clear()
    qtbot.keyClick(w.allowance_page.lists[TO_REVIEW].table, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier)
    assert boxes == []  # 停发 is not a key of 待审核
    w.allowance_page.tabs.setCurrentIndex(3 + 1)  # 享受中
    qtbot.keyClick(w.allowance_page.lists[4].table, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier)
    assert boxes and "停发津贴" in boxes[-1][1] and "审批" in boxes[-1][1]
    w.ops.wait_done()


def test_card_keys_refused_for_the_role_say_why(qtbot, services, reviewer, people, boxes):
    from PySide6.QtCore import Qt

    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.stack.indexOf(w.cards_page))
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.cards_page.search_edit.setFocus()
    qtbot.keyClick(w.cards_page.search_edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert boxes and "登记老年证领取" in boxes[-1][1] and "经办" in boxes[-1][1]
    w.ops.wait_done()
