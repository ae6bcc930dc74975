"""The translations: every message of the .ts files is finished with matching placeholders, and
with English installed no text of the main window and its pages is left in Chinese."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabBar,
    QWidget,
)

from elderdesk.paths import resource

CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")
LANGUAGES = ("zh_CN", "en")


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(resource("i18n", f"elderdesk_{lang}.ts")).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    found = messages(lang)
    assert len(found) > 500
    for context, source, translation in found:
        where = f"{lang} {context}: {source!r}"
        assert translation is not None and translation.get("type") not in (
            "unfinished", "obsolete", "vanished"), where
        text = translation.text or ""
        assert text.strip() or not source.strip(), where
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        if lang == "en":
            assert not CJK.search(text), where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_translations_are_present(lang):
    path = resource("i18n", f"elderdesk_{lang}.qm")
    translator = QTranslator()
    assert translator.load(str(path)), path


@pytest.fixture
def english(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))
    translator = QTranslator()
    assert translator.load(str(resource("i18n", "elderdesk_en.qm")))
    QApplication.installTranslator(translator)
    yield translator
    QApplication.removeTranslator(translator)


def visible_texts(window: QWidget) -> list[tuple[object, str, str]]:
    """(widget, where, text) of every label, button, tab, group box, action, list item, title."""
    texts: list[tuple[object, str, str]] = [(window, "window title", window.windowTitle())]
    for w in window.findChildren(QWidget):
        name = type(w).__name__
        if isinstance(w, QLabel):
            texts.append((w, name, w.text()))
        elif isinstance(w, QAbstractButton):
            texts += [(w, name, w.text()), (w, name + " tooltip", w.toolTip())]
        elif isinstance(w, QGroupBox):
            texts.append((w, name, w.title()))
        elif isinstance(w, QTabBar):
            texts += [(w, name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [(w, name, w.item(i).text()) for i in range(w.count())]
        if w.isWindow():
            texts.append((w, name + " title", w.windowTitle()))
        if hasattr(w, "placeholderText"):
            texts.append((w, name + " placeholder", w.placeholderText()))
    for action in window.findChildren(QAction):
        texts += [(action, "QAction", action.text()), (action, "QAction tooltip", action.toolTip())]
    return texts


def test_no_chinese_left_in_the_main_window_in_english(qtbot, english, services, clerk):
    from elderdesk.ui.main_window import MainWindow

    window = MainWindow(services, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for row in range(window.nav.count()):  # every page, as a clerk would open it
        window.show_page(row)
        qtbot.wait(20)
    window.ops.wait_done()
    qtbot.wait(50)
    # data, not interface: the office name (the statistics tables' words are translated too)
    office = services.settings.office()["name"] or "-"
    left = sorted({(where, text.replace(office, "")) for w, where, text in visible_texts(window)
                   if CJK.search(text.replace(office, ""))})
    assert not left, "\n".join(f"{where}: {text}" for where, text in left)
    assert window.windowTitle().startswith("ElderDesk Senior Card")
    window.ops.wait_done()


def test_qt_own_buttons_follow_the_interface_language(qapp):
    from PySide6.QtWidgets import QMessageBox

    from elderdesk.ui.startup import install_qt_translation

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    translator = install_qt_translation(qapp, "zh_CN")
    assert translator is not None
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "恢复", "确定？", buttons)
        assert "是" in box.button(QMessageBox.StandardButton.Yes).text()
        assert "取消" in box.button(QMessageBox.StandardButton.Cancel).text()
    finally:
        qapp.removeTranslator(translator)


def test_values_periods_statistics_and_errors_follow_the_language(qtbot, english, services,
                                                                  clerk, admin):
    """Item 11: what screens show as data comes through the translations; the CLI's messages
    (ElderError.message) stay Chinese."""
    from elderdesk.domain.errors import ElderError
    from elderdesk.domain.person import PersonInput
    from elderdesk.services.stats.tables import all_tables
    from elderdesk.ui.data_text import error_message, tr_data, tr_table
    from elderdesk.ui.errors import error_text
    from elderdesk.ui.models.people_model import COL_SEX, COL_STATUS, PeopleTableModel
    from tests.ui.conftest import make_id

    assert [tr_data(t) for t in ("在册", "已故", "男", "女", "红卡", "非本地户籍", "已审核待审批")] == \
        ["Active", "Deceased", "Male", "Female", "Red card", "Non-local household",
         "Reviewed, to approve"]
    assert tr_data("2026年第3季度") == "Q3 2026" and tr_data("2026年7月") == "2026-7"
    assert tr_data("民意社区") == "民意社区"  # names stay as entered
    refusal = ElderError("SEPARATION_OF_DUTIES", action="审批", detail="该申请由 王秀英 受理")
    assert error_text(refusal) == ("You cannot approve an application you accepted or reviewed "
                                   "yourself (the application was accepted by 王秀英): another "
                                   "person must do it")
    assert refusal.message.startswith("不能审批自己经办")  # the CLI's
    for code in ("ID_CHECKSUM", "PERSON_DECEASED", "APPLY_TOO_EARLY", "ROSTER_STALE"):
        text = error_message(ElderError(code, id="420103194003120110", name="Li", date="2026-01-05",
                                        birth="1946-09-15", month="2026-09", age=80,
                                        earliest="2026-07-01", expected="4", change="x"))
        assert not CJK.search(text), text
    number = make_id("19400312", "011")
    services.people.add(clerk, PersonInput(id_number=number, name="Zhang", community="民意社区"))
    model = PeopleTableModel(None, lambda *a: [])  # type: ignore[arg-type]
    person = services.people.search(clerk, number, 5)[0]
    assert (model._text(person, COL_SEX), model._text(person, COL_STATUS)) == ("Male", "Active")
    for table in map(tr_table, all_tables(services.stats.compute(admin))):
        words = [table.title, table.note, *table.headers,
                 *(c for r in table.all_rows for c in r[:1] if isinstance(c, str))]
        if table.chart is not None:
            words.append(table.chart.title)
        left = [w for w in words if CJK.search(w) and "民意社区" not in w]
        assert not left, (table.key, left)
