"""Log in: user name and password, checked in the background (with lockout)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.layout import relative_font
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator

# (user name, password) -> Operator, or raises ElderError; runs on the write thread
Authenticator = Callable[[str, str], "Operator"]


class LoginDialog(RecordDialog):
    def __init__(self, ops: Ops, authenticate: Authenticator, office: str | None = None,
                 parent: QWidget | None = None, user: str = "") -> None:
        super().__init__(ops, parent)
        self._authenticate = authenticate
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
        self._finish(form, "", self.tr("登录"), cancel_text=self.tr("退出"), header=title)
        self.setMinimumWidth(380)
        (self.password_edit if user else self.user_edit).setFocus()

    @property
    def operator(self) -> Operator | None:
        """The logged-in operator, once the password was accepted."""
        return self.result_value

    def _on_ok_clicked(self) -> None:
        name, password = self.user_edit.text().strip(), self.password_edit.text()
        if not name:
            self.error_label.setText(self.tr("请输入用户名"))
            self.user_edit.setFocus()
            return
        self._submit(lambda: self._authenticate(name, password))

    def _on_failed(self, exc: BaseException) -> None:
        super()._on_failed(exc)
        self.password_edit.clear()
        self.password_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, authenticate: Authenticator,
            office: str | None = None, user: str = "") -> Operator | None:
        """Show the dialog; the logged-in operator, or None if the clerk gave up."""
        return cls._run(cls(ops, authenticate, office, parent, user))
