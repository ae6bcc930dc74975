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
    # data, not interface: the office name, and the statistics tables' titles and notes, which
    # services/stats_tables.py writes in Chinese for the page, the PDF and the workbook alike
    office = services.settings.office()["name"] or "-"
    stats = window.statistics_page
    data = {id(w) for w in (*stats.headings.values(), *stats.notes.values())}
    left = sorted({(where, text.replace(office, "")) for w, where, text in visible_texts(window)
                   if id(w) not in data and CJK.search(text.replace(office, ""))})
    assert not left, "\n".join(f"{where}: {text}" for where, text in left)
    assert window.windowTitle().startswith("ElderDesk Senior Card")
    window.ops.wait_done()


def test_qt_own_buttons_follow_the_interface_language(qapp):
    from PySide6.QtWidgets import QMessageBox

    from elderdesk.app import install_qt_translation

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    translator = install_qt_translation(qapp, "zh_CN")
    assert translator is not None
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "恢复", "确定？", buttons)
        assert "是" in box.button(QMessageBox.StandardButton.Yes).text()
        assert "取消" in box.button(QMessageBox.StandardButton.Cancel).text()
    finally:
        qapp.removeTranslator(translator)
