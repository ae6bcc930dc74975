"""Idle lock: after `security.idle_minutes` without input the windows are covered and only the
operator's password (checked with the login lockout rules) opens them again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.dialogs.login_dialog import Authenticator
from elderdesk.ui.errors import error_line, error_text
from elderdesk.ui.layout import FitDialog, relative_font
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator

QUIT, SWITCH = 2, 3  # LockDialog results besides Accepted

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class _Cover(QWidget):
    """An opaque sheet over one window while locked (its contents stay as they were)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("background: #3c4650")
        label = QLabel(self.tr("已锁定"), self)
        label.setStyleSheet("color: #ffffff; font-size: 20pt; background: transparent")
        layout = QVBoxLayout(self)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class LockDialog(FitDialog):
    """Password of the locked-in operator; 切换用户 lets another log in (done(SWITCH)),
    退出程序 ends the session instead (done(QUIT))."""

    def __init__(self, ops: Ops, operator: Operator, authenticate: Authenticator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._op, self._authenticate = ops, operator, authenticate
        self.setWindowTitle(self.tr("ElderDesk 已锁定"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setModal(True)
        title = QLabel(self.tr("长时间无操作，程序已锁定"), self)
        relative_font(title, 2, bold=True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(128)
        form = QFormLayout()
        form.addRow(self.tr("操作员"), QLabel(operator.name, self))
        form.addRow(self.tr("密码"), self.password_edit)
        self.error_label = error_line(self)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("解锁"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.switch_button = buttons.addButton(self.tr("切换用户…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton(self.tr("退出程序"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.switch_button.clicked.connect(lambda _c=False: self.done(SWITCH))
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self._on_unlock_clicked)
        self.quit_button.clicked.connect(lambda _c=False: self.done(QUIT))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("请输入本人密码继续；换人办理请点“切换用户”。"), self))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.password_edit.setFocus()

    def reject(self) -> None:  # Esc does not unlock
        pass

    def _on_unlock_clicked(self) -> None:
        password = self.password_edit.text()
        if not password:
            return
        self.unlock_button.setEnabled(False)
        self.error_label.clear()
        name = self._op.name
        self._ops.run(lambda: self._authenticate(name, password), self._on_done,
                      self._on_failed, write=True)

    def _on_done(self, operator: Operator) -> None:
        if operator.name == self._op.name:
            self.done(QDialog.DialogCode.Accepted)

    def _on_failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.password_edit.clear()
        self.password_edit.setFocus()


class IdleLock(QObject):
    """Install on the QApplication; `window` is the main window (its close ends the session)."""

    locked = Signal()
    unlocked = Signal()
    switch_requested = Signal()  # 切换用户 on the lock screen: the window asks for a login

    def __init__(self, window: QWidget, ops: Ops, operator: Operator,
                 authenticate: Authenticator, minutes: int = 10) -> None:
        super().__init__(window)
        self._window, self._ops, self._op, self._authenticate = window, ops, operator, authenticate
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self.set_minutes(minutes)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    @property
    def minutes(self) -> int:
        return self._timer.interval() // 60_000

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, int(minutes)) * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        self._timer.setInterval(msecs)
        if not self.is_locked():
            self._timer.start()

    def stop(self) -> None:
        """No more locking (the window is replacing this lock: 切换用户)."""
        self._timer.stop()

    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT and self.dialog is None:
            self._timer.start()  # restarts the countdown
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self._timer.stop()
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and not isinstance(w, LockDialog | _Cover)]
        self._covers = [_Cover(w) for w in windows]
        self.dialog = LockDialog(self._ops, self._op, self._authenticate, self._window)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(self._on_finished)
        self.locked.emit()
        self.dialog.open()

    def _on_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        if dialog is not None:
            dialog.deleteLater()
        if result in (QUIT, SWITCH):  # open dialogs are cancelled first
            for w in QApplication.topLevelWidgets():
                if w.isVisible() and w is not self._window and isinstance(w, QDialog):
                    w.reject()
            if result == QUIT:
                self._window.close()
            else:
                self.switch_requested.emit()
            return
        self._timer.start()
        self.unlocked.emit()
