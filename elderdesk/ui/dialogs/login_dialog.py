"""Log in: user name and password, checked in the background (with lockout)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.errors import error_line, error_text
from elderdesk.ui.layout import FitDialog, relative_font
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator

# (user name, password) -> Operator, or raises ElderError; runs on the write thread
Authenticator = Callable[[str, str], "Operator"]


class LoginDialog(FitDialog):
    def __init__(self, ops: Ops, authenticate: Authenticator, office: str | None = None,
                 parent: QWidget | None = None, user: str = "") -> None:
        super().__init__(parent)
        self._ops, self._authenticate = ops, authenticate
        self.operator: Operator | None = None
        self.setWindowTitle(self.tr("登录 ElderDesk 老年证与高龄津贴办理系统"))
        title = QLabel(office or self.tr("老年证与高龄津贴办理系统"), self)
        relative_font(title, 4, bold=True)
        self.user_edit = QLineEdit(self)
        self.user_edit.setText(user)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        self.error_label = error_line(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._on_login_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        (self.password_edit if user else self.user_edit).setFocus()

    def _on_login_clicked(self) -> None:
        name, password = self.user_edit.text().strip(), self.password_edit.text()
        if not name:
            self.error_label.setText(self.tr("请输入用户名"))
            self.user_edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(lambda: self._authenticate(name, password), self._on_done, self._on_failed,
                      write=True)

    def _on_done(self, operator: Operator) -> None:
        self.operator = operator
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.password_edit.clear()
        self.password_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, authenticate: Authenticator,
            office: str | None = None, user: str = "") -> Operator | None:
        """Show the dialog; the logged-in operator, or None if the clerk gave up."""
        dialog = cls(ops, authenticate, office, parent, user)
        try:
            return dialog.operator if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
