"""The counter's keys: one key means one thing on every page (docs/manual, 帮助 → 快捷键一览).

F3 (读卡) and F6/F7/F8/F9 belong to the main window's actions. A page button doing the same
thing names the key (KEY_PROPERTY) instead of holding it: while its page is in view the window's
action presses that button, elsewhere the action works on the person selected in 老人档案 (two
holders of one key would make Qt refuse both). A modal dialog's own 读卡 button holds F3 itself
(the window's actions do not reach into a dialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from elderdesk.domain.errors import ElderError
from elderdesk.services.auth import PERMISSIONS, require
from elderdesk.ui.errors import show_error

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator

KEYS_HELP, EDIT, REFRESH = "F1", "F2", "F5"
READ_CARD = "F3"  # 读卡: the ID card on the reader (F3 is free in Qt's widgets; F4 opens combos)
ISSUE_CARD, APPLY, LIFECERT, PRINT_CARD = "F6", "F7", "F8", "F9"
NEW_PERSON, FIND, DEATH, MOVED_OUT, IMPORT = "Ctrl+N", "Ctrl+F", "Ctrl+D", "Ctrl+M", "Ctrl+I"
APPROVE, REJECT, STOP = "Ctrl+Y", "Ctrl+R", "Ctrl+T"  # 通过/批准, 退回/不予批准, 停发
REISSUE, PICKUP, OPEN_CARD = "Ctrl+E", "Ctrl+G", "Ctrl+K"
PRINT, PREVIEW, SAVE_PDF = "Ctrl+P", "Ctrl+Shift+P", "Ctrl+S"
BUILD, SETTLE = "Ctrl+B", "Ctrl+J"
SWITCH_USER, QUIT = "Ctrl+U", "Ctrl+Q"
WINDOW_KEYS = (READ_CARD, ISSUE_CARD, APPLY, LIFECERT, PRINT_CARD)
KEY_PROPERTY = "counterKey"


def bind(button: QAbstractButton, keys: str) -> None:
    """Give a page button its key: its own shortcut, or (a window key) the name of it."""
    if not keys:
        return
    if keys in WINDOW_KEYS:
        button.setProperty(KEY_PROPERTY, keys)
    else:
        button.setShortcut(QKeySequence(keys))


def button_key(button: QAbstractButton) -> str:
    """The key of a page button: its shortcut, or the window key it names ('' for none)."""
    own = button.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    return own or str(button.property(KEY_PROPERTY) or "")


def deny(widget: QWidget, key: str, operator: Operator, action: str) -> QShortcut:
    """The key of an action this operator may not do, on widget: pressing it shows why (the
    ROLE_DENIED message naming the role) instead of doing nothing."""
    def refuse() -> None:
        try:
            require(operator, action)
        except ElderError as exc:
            show_error(widget, exc)

    shortcut = QShortcut(QKeySequence(key), widget, refuse)
    shortcut.setWhatsThis(QCoreApplication.translate("keys", "{what}（无此权限）").format(
        what=PERMISSIONS[action].label))
    return shortcut
