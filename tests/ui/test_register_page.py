"""The register page: search as you type, keyboard use, the detail pane, recording a death."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from elderdesk.ui.dialogs.end_dialog import DEATH, EndDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.models.people_model import COL_ID, COL_NAME, COL_STATUS
from tests.ui.conftest import PEOPLE, type_cjk


def names(page) -> list[str]:
    return [page.model.person_at(r).name for r in range(page.model.rowCount())]


def test_main_window_lists_the_seven_screens(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["老人档案", "老年证", "高龄津贴", "发放花名册", "统计", "系统", "表格文书"]
    from elderdesk.ui.pages.placeholder_page import PlaceholderPage

    for row in range(1, window.nav.count()):
        window.show_page(row)
        page = window.stack.currentWidget()
        assert page is window.stack.widget(row)
        if isinstance(page, PlaceholderPage):  # a screen not built yet says so plainly
            assert page.notice.text() == "此功能将在后续版本提供"
    window.show_page(0)
    assert window.stack.currentWidget() is window.register_page


def test_focus_starts_in_search_box(qtbot, window, page):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_edit)


def test_pinyin_initials_search_as_you_type(qtbot, page):
    qtbot.keyClicks(page.search_edit, "z")
    qtbot.waitUntil(lambda: sorted(names(page)) == ["张三丰", "张小花"])
    qtbot.keyClicks(page.search_edit, "sf")
    qtbot.waitUntil(lambda: names(page) == ["张三丰"])
    index = page.model.index(0, COL_ID)
    assert page.model.data(index) == PEOPLE[0][1][:6] + "********" + PEOPLE[0][1][-4:]
    qtbot.waitUntil(lambda: page.detail.person is not None)
    assert page.detail.title.text() == "张三丰"


def test_chinese_search_through_input_method(qtbot, page):
    type_cjk(page.search_edit, "王")
    qtbot.waitUntil(lambda: names(page) == ["王秀英"])
    page.search_edit.clear()
    type_cjk(page.search_edit, "张小")
    qtbot.waitUntil(lambda: names(page) == ["张小花"])
    assert page.count_label.text() == "共 1 人"


def test_id_fragment_search_and_no_result(qtbot, page):
    qtbot.keyClicks(page.search_edit, "19380105")
    qtbot.waitUntil(lambda: names(page) == ["王秀英"])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "99999999")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.model.query == "99999999")
    qtbot.waitUntil(lambda: page.count_label.text() == "没有找到符合条件的人员")
    assert page.detail.person is None


def test_unmask_shows_full_id_numbers(qtbot, page):
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.unmask_check.setChecked(True)
    assert page.model.data(page.model.index(0, COL_ID)) == PEOPLE[2][1]


def test_enter_opens_the_first_person(qtbot, page, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "ask", classmethod(
        lambda cls, parent, ops, services, op, person=None: opened.append(person)))
    qtbot.keyClicks(page.search_edit, "lj")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # before the search has even run
    qtbot.waitUntil(lambda: page.detail.person is not None and page.detail.person.name == "李建国")
    assert opened == []  # Enter opens the record; F2 edits it
    page.edit_selected()
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].name == "李建国"


def test_arrow_keys_in_search_box_move_the_selection(qtbot, page, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "ask", classmethod(
        lambda cls, parent, ops, services, op, person=None: opened.append(person)))
    qtbot.keyClicks(page.search_edit, "z")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.waitUntil(lambda: page.detail.person is not None)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    second = page.model.person_at(1).name
    qtbot.waitUntil(lambda: page.detail.person.name == second)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.detail.person.name == second and opened == []


def test_record_death_from_the_page(qtbot, page, services, clerk, monkeypatch):
    def fake_ask(cls, parent, ops, person, kind, record):
        assert kind == DEATH and person.name == "王秀英"
        return record(date(2025, 1, 5))

    monkeypatch.setattr(EndDialog, "ask", classmethod(fake_ask))
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.waitUntil(lambda: page.death_button.isEnabled())
    page.death_button.click()
    stored = services.people.get(clerk, PEOPLE[2][1])
    assert stored.status == "deceased" and stored.death_date == date(2025, 1, 5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1
                    and page.model.data(page.model.index(0, COL_STATUS)) == "已故")
    assert page.model.data(page.model.index(0, COL_NAME)) == "王秀英"
    assert page.detail.status.text() == "已故（2025-01-05）"
    assert not page.death_button.isEnabled()


def test_reviewer_cannot_change_the_register(qtbot, services, reviewer, people):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    p = w.register_page
    qtbot.keyClicks(p.search_edit, "wxy")
    qtbot.waitUntil(lambda: p.detail.person is not None)
    assert not p.add_button.isEnabled()
    assert not p.edit_button.isEnabled()
    assert not p.death_button.isEnabled()
    w.ops.wait_done()


def test_escape_clears_and_enter_in_table_opens(qtbot, page, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "ask", classmethod(
        lambda cls, parent, ops, services, op, person=None: opened.append(person)))
    qtbot.keyClicks(page.search_edit, "zxh")
    qtbot.waitUntil(lambda: page.detail.person is not None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # opens: the focus moves to the actions
    qtbot.waitUntil(lambda: page.edit_button.hasFocus())
    qtbot.keyClick(page.edit_button, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].name == "张小花"
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "请输入查找条件"


def test_scrolling_fetches_the_next_pages(qtbot, page, services, clerk, tmp_path):
    import openpyxl

    from tests.ui.conftest import make_id

    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号"])
    for i in range(230):
        wb.active.append([f"测试{i}", make_id("19450101", f"{i:03d}", area="420106")])
    wb.save(tmp_path / "big.xlsx")
    assert services.imports.import_people(clerk, tmp_path / "big.xlsx").imported == 230
    qtbot.keyClicks(page.search_edit, "420106")
    qtbot.waitUntil(lambda: page.model.rowCount() == 100)
    assert page.count_label.text() == "已显示 100 人，向下滚动显示更多"
    for expected in (200, 230):
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda n=expected: page.model.rowCount() == n)
    assert page.count_label.text() == "共 230 人"
    ids = [page.model.person_at(r).id_number for r in range(230)]
    assert ids == sorted(ids) and len(set(ids)) == 230
