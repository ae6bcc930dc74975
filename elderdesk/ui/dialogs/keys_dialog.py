"""帮助 → 快捷键一览 (F1): the keys of the page in view and of the whole window, read from the
actual actions, buttons and shortcuts, so the list never disagrees with the keys."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.keys import button_key

if TYPE_CHECKING:
    from elderdesk.ui.main_window import MainWindow

_KEYS_IN_TEXT = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def _clean(text: str) -> str:
    """'新增登记 (Ctrl+N)' / '发证…' / '文件(&F)' -> '新增登记' / '发证' / '文件'."""
    text = _KEYS_IN_TEXT.sub("", text.replace("&", ""))
    return text.rstrip("…").strip()


def _portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def page_keys(page: QWidget) -> list[tuple[str, str]]:
    """(key, what) of the buttons and shortcuts that work now on this page (visible ones)."""
    rows: list[tuple[str, str]] = []
    for button in page.findChildren(QAbstractButton):
        key = button_key(button)
        if key and button.isVisible():
            rows.append((key, _clean(button.text()) or button.toolTip()))
    for shortcut in page.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.isVisible() and shortcut.isEnabled():
            rows.append((_portable(shortcut.key()), shortcut.whatsThis()))
    for action in page.actions():
        if not action.shortcut().isEmpty():
            rows.append((_portable(action.shortcut()), _clean(action.text())))
    return rows


def window_keys(window: QWidget) -> list[tuple[str, str]]:
    """(key, what) of the main window's own actions (menus), wherever the window is."""
    return [(_portable(a.shortcut()), _clean(a.text())) for a in window.actions()
            if isinstance(a, QAction) and not a.shortcut().isEmpty()]


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """The page in view first, then the window's; each (key, what) once."""
    rows = page_keys(window.stack.currentWidget()) + window_keys(window)
    return list(dict.fromkeys(rows))


class KeysDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("快捷键一览"))
        page = window.nav.currentItem().text() if window.nav.currentItem() else ""
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("功能")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for i, (key, what) in enumerate(rows):
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            self.table.setItem(i, 0, QTableWidgetItem(native))
            self.table.setItem(i, 1, QTableWidgetItem(what))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("“{page}”页面与全局可用的快捷键：").format(page=page), self))
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("另外：Tab 移到下一项，回车确认或打开，Esc 取消或清空查找框。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(i, 0).text(), self.table.item(i, 1).text())
                for i in range(self.table.rowCount())]
