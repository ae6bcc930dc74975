"""The person dialog opened at one counter while another counter records the death (issue 14):
its 保存 is refused in the dialog's error line with the Chinese STALE_EDIT message, the dialog
stays open, and the death is not overwritten."""

from __future__ import annotations

from datetime import date

from elderdesk.ui.dialogs.person_dialog import PersonDialog
from tests.conftest import ADMIN_PASSWORD


def test_save_after_a_death_at_another_counter_is_refused(qtbot, ops, services, db_path, clerk,
                                                          people, monkeypatch):
    from elderdesk.services.container import Services

    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    person = services.people.get(clerk, people[1].id_number)
    dialog = PersonDialog(ops, services, clerk, person)
    qtbot.addWidget(dialog)
    dialog.show()
    other = Services.open(db_path)  # the second counter
    try:
        other.people.record_death(other.users.authenticate("admin", ADMIN_PASSWORD),
                                  person.id_number, date(2026, 5, 19))
    finally:
        other.close()
    dialog.fields["phone"].setText("13800002222")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and dialog.error_label.text() != "")
    text = dialog.error_label.text()
    assert "张小花的信息已于" in text and "被他人修改" in text and "没有保存" in text
    assert dialog.isVisible() and dialog.person is person  # still open, nothing returned
    stored = services.people.get(clerk, person.id_number)
    assert (stored.status, stored.death_date, stored.phone) == ("deceased", date(2026, 5, 19),
                                                                None)

