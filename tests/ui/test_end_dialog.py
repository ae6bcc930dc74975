"""The death / move-out dialog records the change in the background and shows refusals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from elderdesk.ui.dialogs.end_dialog import DEATH, MOVED_OUT, EndDialog
from tests.ui.conftest import PEOPLE


def test_record_death_with_a_date(qtbot, ops, services, clerk, people):
    person = people[0]
    dialog = EndDialog(ops, person, DEATH,
                       lambda d: services.people.record_death(clerk, person.id_number, d))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登记死亡"
    dialog.date_edit.setDate(QDate(2024, 11, 30))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert services.people.get(clerk, PEOPLE[0][1]).death_date == date(2024, 11, 30)


def test_refusal_is_shown_in_chinese(qtbot, ops, services, clerk, people):
    person = people[1]
    services.people.record_death(clerk, person.id_number, date(2024, 1, 1))
    dialog = EndDialog(ops, person, MOVED_OUT,
                       lambda d: services.people.record_moved_out(clerk, person.id_number, d))
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "")
    assert "已于 2024-01-01 登记死亡" in dialog.error_label.text()
    assert dialog.ok_button.isEnabled() and dialog.saved is None
