"""A whole counter visit with the keyboard alone: search, open, register, apply, proof of life,
issue a card. Modal dialogs are driven by a poll that waits for them (exec() blocks the key)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from elderdesk.store.orm_allowance import LifeCertRow
from tests.ui.conftest import make_id, on_modal, today, type_cjk

KEY = Qt.Key


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))


def when_modal(qtbot, cls, handle, done: list) -> None:
    """Once a dialog of cls is the active modal widget, run handle(dialog) (keys only)."""
    on_modal(qtbot, cls, handle, done, activate=True)


def focused():
    return QApplication.focusWidget()


def back_to(qtbot, window) -> None:
    """A closed dialog hands activation back to the window (offscreen needs a nudge)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def test_counter_visit_by_keyboard(qtbot, window, services, clerk):
    from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
    from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
    from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
    from elderdesk.ui.dialogs.person_dialog import PersonDialog

    page = window.register_page
    qtbot.waitUntil(lambda: focused() is page.search_edit)  # focus starts in the search box

    # search by pinyin initials, Enter opens the person: the record, focus on its actions
    qtbot.keyClicks(focused(), "zsf")
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: page.detail.person is not None and focused() is page.edit_button)
    assert page.detail.person.name == "张三丰"
    # F2 edits it
    opened: list = []
    when_modal(qtbot, PersonDialog, lambda d: (
        opened.append(d.fields["name"].text()), qtbot.keyClick(d, KEY.Key_Escape)), opened)
    press(qtbot, KEY.Key_F2)
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert opened[0] == "张三丰"
    back_to(qtbot, window)
    qtbot.keyClick(focused(), KEY.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is page.search_edit

    # Ctrl+N: a new person of 80, typed field by field, saved with Enter
    t = today()
    birth = date(t.year - 80, 1, 15)
    number = make_id(birth.strftime("%Y%m%d"), "051")

    def fill(dialog: PersonDialog) -> None:
        assert focused() is dialog.id_edit.edit
        qtbot.keyClicks(focused(), number)
        press(qtbot, KEY.Key_Tab)
        assert focused() is dialog.fields["name"]
        type_cjk(focused(), "赵八十")
        for _ in range(6):  # 民族, 电话, 户籍类型, 居住证, 街道, 社区
            press(qtbot, KEY.Key_Tab)
        assert focused() is dialog.fields["community"]
        type_cjk(focused(), "民意社区")
        press(qtbot, KEY.Key_Return)

    added: list = []
    when_modal(qtbot, PersonDialog, fill, added)
    back_to(qtbot, window)
    qtbot.keyClick(focused(), KEY.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.selected_id() == number)
    person = services.people.get(clerk, number)
    assert (person.name, person.community) == ("赵八十", "民意社区")
    qtbot.waitUntil(lambda: page.detail.person is not None
                    and page.detail.person.id_number == number)

    # F7: apply for the allowance, accepted with Enter once the facts are shown
    def accept_application(dialog: ApplicationDialog) -> None:
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        press(qtbot, KEY.Key_Return)

    applied: list = []
    when_modal(qtbot, ApplicationDialog, accept_application, applied)
    back_to(qtbot, window)
    qtbot.keyClick(focused(), KEY.Key_F7)
    qtbot.waitUntil(lambda: bool(applied))
    assert services.allowance.enrollment_json(clerk, number)["status"] == "applied"

    # F8: proof of life, confirmed with Enter
    certified: list = []
    when_modal(qtbot, LifecertDialog, lambda d: press(qtbot, KEY.Key_Return), certified)
    back_to(qtbot, window)
    qtbot.keyClick(focused(), KEY.Key_F8)
    qtbot.waitUntil(lambda: bool(certified) and not certified[0].isVisible())
    with services.db.read() as s:
        dates = s.scalars(select(LifeCertRow.cert_date)).all()
    assert dates == [today()]

    # F6: issue a card without a photo: Tab away from 选择照片, Enter issues
    def issue(dialog: CardIssueDialog) -> None:
        assert focused() is dialog.choose_button
        press(qtbot, KEY.Key_Tab)
        assert focused() is dialog.date_edit
        press(qtbot, KEY.Key_Return)

    issued: list = []
    when_modal(qtbot, CardIssueDialog, issue, issued)
    back_to(qtbot, window)
    qtbot.keyClick(focused(), KEY.Key_F6)
    qtbot.waitUntil(lambda: services.cards.current(clerk, number) is not None)
    card = services.cards.current(clerk, number)
    assert card.status == "valid"
