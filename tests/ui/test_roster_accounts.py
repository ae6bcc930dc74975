"""No bank account in the GUI (issue 11 item 3): the roster page warns before build, freeze and
export how many are withheld and how to fix it; the person dialog records the account."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from elderdesk.domain.person import PersonInput
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.freeze_dialog import FreezeDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from tests.ui.allowance_helpers import BORN_MAY, BORN_SEP, approve, register, set_today
from tests.ui.conftest import type_cjk
from tests.ui.test_roster_page import idle, make_page


def office(services, clerk, reviewer, approver, monkeypatch) -> None:
    """赵德明 with an account (paid); 钱秀兰 without one (withheld: 2026-09, 100.00)."""
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    services.people.add(clerk, PersonInput(id_number=BORN_SEP, name="钱秀兰", bank="中国银行"))
    approve(services, clerk, reviewer, approver, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_SEP)
    set_today(monkeypatch, "2026-09-30")


def answer(monkeypatch, yes: bool) -> list:
    shown: list = []

    def warning(parent, title, text, *args):  # type: ignore[no-untyped-def]
        shown.append((title, text))
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_build_freeze_and_export_warn_of_missing_accounts(qtbot, ops, services, clerk, reviewer,
                                                          approver, tmp_path, monkeypatch):
    office(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, approver)
    qtbot.waitUntil(lambda: idle(page) and page.period_edit.text() == "2026Q3")

    shown = answer(monkeypatch, yes=False)
    page.build_button.click()
    qtbot.waitUntil(lambda: idle(page) and shown != [])
    (title, text), = shown
    assert title == "生成花名册" and "有 1 人" in text and "people account" in text
    assert "老人档案" in text and "修改" in text
    assert page.view is None and "未生成" in page.message.text()
    assert not page.progress.isVisible() and page.build_button.isEnabled()

    shown = answer(monkeypatch, yes=True)
    page.build_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.view is not None)
    assert len(shown) == 1 and page.model.rowCount() == 1  # 钱秀兰 has no line
    assert "1 人因没有银行账号暂不发放" in page.message.text()

    dialog = FreezeDialog(page.view, page)
    qtbot.addWidget(dialog)
    assert dialog.missing_label is not None
    assert "1 人没有有效的开户银行和银行账号" in dialog.missing_label.text()
    assert "100.00 元" in dialog.missing_label.text()
    monkeypatch.setattr(FreezeDialog, "ask", classmethod(lambda cls, parent, view: True))
    page.freeze_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.view.status == "frozen")

    target = tmp_path / "bank.xlsx"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: target))
    shown = answer(monkeypatch, yes=False)
    page.xlsx_button.click()
    assert shown[0][0] == "导出银行文件" and "待补录账号" in shown[0][1] and not target.exists()
    shown = answer(monkeypatch, yes=True)
    page.xlsx_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.message.text().startswith("已保存"))
    assert target.exists() and "见工作表“待补录账号”" in page.message.text()


def test_no_warning_when_everyone_has_an_account(qtbot, ops, services, clerk, reviewer,
                                                 approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    set_today(monkeypatch, "2026-09-30")
    shown = answer(monkeypatch, yes=False)
    page = make_page(qtbot, ops, services, approver)
    page.period_edit.setText("2026Q3")
    page.build_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.view is not None)
    assert shown == [] and "暂不发放" not in page.message.text()
    dialog = FreezeDialog(page.view, page)
    qtbot.addWidget(dialog)
    assert dialog.missing_label is None


def test_person_dialog_records_the_account(qtbot, ops, services, clerk, reviewer, approver,
                                           monkeypatch):
    office(services, clerk, reviewer, approver, monkeypatch)
    person = services.people.get(clerk, BORN_SEP)
    dialog = PersonDialog(ops, services, clerk, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["bank"].clear()
    qtbot.keyClicks(dialog.fields["account"], "6217 0000 1234")
    dialog.save_button.click()  # an account without its bank
    assert dialog.error_label.text() == "请填写开户银行" and dialog.isVisible()
    type_cjk(dialog.fields["bank"], "中国建设银行")
    dialog.fields["account"].setText("6217 0000 123")  # 11 digits
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "12 到 30 位数字" in dialog.error_label.text())
    dialog.fields["account"].setText("6217 0000 1234 5678 901")  # typed in groups
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = services.people.get(clerk, BORN_SEP)
    assert (stored.bank, stored.account) == ("中国建设银行", "6217000012345678901")
    assert services.roster.missing_accounts(clerk) == []
