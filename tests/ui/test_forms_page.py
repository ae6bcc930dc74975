"""The forms page: the inputs each form needs, a preview read off the GUI thread, the PDF saved
where the clerk chose, refusals shown in Chinese."""

from __future__ import annotations

import subprocess

import pytest

from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.pages.forms_page import FormsPage
from tests.system_tools import needs
from tests.ui.allowance_helpers import BORN_MAY, BORN_SEP, approve, register, set_today


@pytest.fixture
def page(qtbot, ops, services, clerk, reviewer, approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY, BORN_SEP)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    p = FormsPage(ops, services, clerk)
    qtbot.addWidget(p)
    p.show()
    return p


def done(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page._busy)


def test_each_form_asks_for_what_it_needs(page):
    shown = {}
    for kind in ("application", "stop", "adjust", "recovery", "pickup"):
        page.set_kind(kind)
        shown[kind] = (page.id_edit.isVisible(), page.month_edit.isVisible(),
                       page.span_row.isVisible(), page.hint.isVisible(),
                       page.full_id_check.isVisible())
    assert shown == {"application": (True, False, False, False, False),
                     "stop": (True, False, False, False, False),
                     "adjust": (False, True, False, False, True),
                     "recovery": (True, False, False, True, False),
                     "pickup": (False, False, True, False, True)}
    assert page.kind_combo.itemText(0) == "高龄津贴申请审批表"


@needs("pdftotext")
def test_preview_then_save_the_application_form(qtbot, page, tmp_path, monkeypatch):
    page.set_kind("application")
    page.set_person(BORN_MAY)
    page.preview_button.click()
    assert page._busy  # read in the background
    done(qtbot, page)
    text = page.preview_text.toPlainText()
    assert "赵德明" in text and "补发 2026年5月至2026年6月，共2个月　补发金额 200.00元" in text
    target = tmp_path / "申请审批表.pdf"
    asked = []
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(
        lambda cls, parent, title, name, flt: asked.append(name) or target))
    page.pdf_button.click()
    done(qtbot, page)
    assert asked == [f"高龄津贴申请审批表_{BORN_MAY}.pdf"]
    assert page.message.text() == f"已保存：{target}"
    out = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert "赵德明" in out and BORN_MAY in out


def test_refusals_are_shown_in_chinese(qtbot, page, tmp_path, monkeypatch):
    page.set_kind("stop")
    page.set_person(BORN_MAY)
    page.preview_button.click()
    done(qtbot, page)
    assert page.message.text().startswith("赵德明（") and "未停发" in page.message.text()
    assert page.preview_text.toPlainText() == ""
    page.set_kind("application")
    page.set_person(BORN_SEP)  # registered, never applied
    page.preview_button.click()
    done(qtbot, page)
    assert "没有高龄津贴申请记录" in page.message.text()
    page.set_kind("adjust")
    page.month_edit.setText("2026/09")
    page.preview_button.click()
    assert page.message.text().startswith("月份“2026/09”无法识别") and not page._busy
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: None))
    page.pdf_button.click()  # cancelled
    assert not page._busy


def test_lists_read_a_month_or_a_date_range(qtbot, page):
    page.set_kind("adjust")
    page.month_edit.setText("2026-09")
    page.preview_button.click()
    done(qtbot, page)
    assert page.preview_text.toPlainText() == "2026年9月 调整 0 人"
    page.set_kind("pickup")
    page.preview_button.click()
    done(qtbot, page)
    assert page.preview_text.toPlainText() == "2026-08-01 至 2026-08-20 发证 0 张，已领取 0 张"


def test_follows_the_register_selection_unless_a_number_was_typed(page, services, clerk):
    from PySide6.QtCore import QObject, Signal

    class Register(QObject):
        person_changed = Signal(object)

    register_page = Register()
    page.follow(register_page)
    register_page.person_changed.emit(services.people.get(clerk, BORN_MAY))
    assert page.id_edit.text() == BORN_MAY
    register_page.person_changed.emit(services.people.get(clerk, BORN_SEP))
    assert page.id_edit.text() == BORN_SEP  # still the register's choice: follows it
    page.id_edit.setText("420103194001010012")  # typed by the clerk: kept
    register_page.person_changed.emit(services.people.get(clerk, BORN_MAY))
    assert page.id_edit.text() == "420103194001010012"
