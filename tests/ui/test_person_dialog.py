"""The add/edit dialog: live ID checking, saving through the services, errors in Chinese."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from elderdesk.domain.idcard import parse_id
from elderdesk.domain.months import age_on
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.widgets.id_check import BAD, OK, PENDING, check_id
from tests.ui.conftest import PEOPLE, today, type_cjk

VALID = "11010519491231002X"


def make_dialog(qtbot, ops, services, operator, person=None):
    dialog = PersonDialog(ops, services, operator, person)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_check_id_verdicts():
    day = date(2026, 1, 1)
    assert check_id("", day).state == PENDING
    assert check_id("110105", day).text == "已输入 6 位"
    ok = check_id(VALID, day)
    assert ok.state == OK and "1949-12-31" in ok.text and "女" in ok.text and "76 岁" in ok.text
    converted = check_id("110105491231002", day)
    assert converted.state == OK and "15 位旧号码已转换为 18 位：11010519491231002X" in converted.text
    bad = check_id("110105194912310021", day)
    assert bad.state == BAD and "校验位错误（应为 X）" in bad.text
    assert check_id("11010519491331002X", day).error.code == "ID_BIRTHDATE"
    assert check_id("1101051949123100ZZ", day).error.code == "ID_FORMAT"


def test_live_check_while_typing(qtbot, ops, services, clerk):
    dialog = make_dialog(qtbot, ops, services, clerk)
    qtbot.keyClicks(dialog.id_edit.edit, VALID[:10])
    assert dialog.id_edit.status.text() == "已输入 10 位"
    qtbot.keyClicks(dialog.id_edit.edit, VALID[10:])
    age = age_on(date(1949, 12, 31), today())
    assert dialog.id_edit.status.text() == f"出生日期 1949-12-31　性别 女　{age} 岁"
    assert dialog.sex_label.text() == "女（由身份证号确定）"
    dialog.id_edit.edit.setText("110105194912310021")
    assert "校验位错误" in dialog.id_edit.status.text()
    assert dialog.override_edit.isHidden()  # only an admin may force a bad checksum


def test_admin_sees_the_override_field(qtbot, ops, services, admin):
    dialog = make_dialog(qtbot, ops, services, admin)
    dialog.id_edit.setText("110105194912310021")
    assert not dialog.override_edit.isHidden()


def test_add_person_and_store_it(qtbot, ops, services, clerk):
    dialog = make_dialog(qtbot, ops, services, clerk)
    qtbot.keyClicks(dialog.id_edit.edit, "110105491231002")  # a 15-digit legacy number
    assert "11010519491231002X" in dialog.id_edit.status.text()
    type_cjk(dialog.fields["name"], "赵桂兰")
    type_cjk(dialog.fields["community"], "民意社区")
    type_cjk(dialog.fields["ethnicity"], "汉族")
    qtbot.keyClicks(dialog.fields["phone"], "027-85551234")
    type_cjk(dialog.fields["bank"], "中国工商银行")
    qtbot.keyClicks(dialog.fields["account"], "6222020200112233")
    dialog.household.setCurrentIndex(dialog.household.findData("nonlocal"))
    dialog.permit_check.setChecked(True)
    type_cjk(dialog.notes, "独居")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = services.people.get(clerk, VALID)
    assert stored == dialog.person
    assert (stored.name, stored.sex, stored.birth_date) == ("赵桂兰", "F", date(1949, 12, 31))
    assert (stored.community, stored.ethnicity, stored.phone) == ("民意社区", "汉族", "027-85551234")
    assert stored.account == "6222020200112233" and stored.household_type == "nonlocal"
    assert stored.residence_permit_expiry is not None and stored.notes == "独居"


def test_missing_name_is_refused_in_the_dialog(qtbot, ops, services, clerk):
    dialog = make_dialog(qtbot, ops, services, clerk)
    dialog.id_edit.setText(VALID)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "")
    assert dialog.error_label.text() == "请填写姓名"
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_registered_id_is_flagged_while_typing(qtbot, ops, services, clerk, people):
    dialog = make_dialog(qtbot, ops, services, clerk)
    qtbot.keyClicks(dialog.id_edit.edit, PEOPLE[0][1])
    qtbot.waitUntil(lambda: "已登记" in dialog.id_edit.status.text())
    assert "张三丰" in dialog.id_edit.status.text()


def test_edit_person(qtbot, ops, services, clerk, people):
    person = people[2]
    dialog = make_dialog(qtbot, ops, services, clerk, person)
    assert dialog.fields["name"].text() == "王秀英"
    assert dialog.id_edit.edit.isReadOnly()
    assert parse_id(dialog.id_edit.text(), today()).number == person.id_number
    dialog.fields["phone"].setText("13800001111")
    dialog.fields["community"].clear()
    type_cjk(dialog.fields["community"], "新华社区")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = services.people.get(clerk, person.id_number)
    assert (stored.phone, stored.community, stored.name) == ("13800001111", "新华社区", "王秀英")


def test_ask_returns_none_when_cancelled(qtbot, ops, services, clerk, monkeypatch):
    monkeypatch.setattr(PersonDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert PersonDialog.ask(None, ops, services, clerk) is None


def test_residence_permit_date_starts_a_year_after_the_programs_today(qtbot, ops, services,
                                                                     clerk, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2030-02-15")  # never the system clock
    dialog = make_dialog(qtbot, ops, services, clerk)
    assert dialog.permit_date.date().toPython() == date(2031, 2, 15)
