"""Passwords: change one's own (old, new, again) or, as an admin, reset someone else's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from elderdesk.services.users.passwords import MIN_LENGTH
from elderdesk.ui.data_text import message
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.users.service import UserService


class PasswordDialog(RecordDialog):
    """target None: the operator's own password (the old one is asked); else an admin reset."""

    def __init__(self, ops: Ops, users: UserService, operator: Operator,
                 target: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._users, self._op, self._target = users, operator, target
        form = QFormLayout()
        self.old_edit: QLineEdit | None = None
        if target is None:
            self.setWindowTitle(self.tr("修改我的密码"))
            form.addRow(self.tr("用户名"), QLabel(operator.name, self))
            self.old_edit = self._password_edit()
            form.addRow(self.tr("原密码"), self.old_edit)
            note = ""
        else:
            self.setWindowTitle(self.tr("重置密码"))
            form.addRow(self.tr("用户名"), QLabel(target, self))
            note = self.tr("重置后请把新密码当面告诉本人，并请其登录后立即修改。"
                           "如账户因密码错误被锁定，重置同时解除锁定。")
        self.new_edit = self._password_edit()
        self.again_edit = self._password_edit()
        self.new_edit.setPlaceholderText(self.tr("至少 {n} 个字符").format(n=MIN_LENGTH))
        form.addRow(self.tr("新密码"), self.new_edit)
        form.addRow(self.tr("再次输入新密码"), self.again_edit)
        self._finish(form, note, self.tr("确定"))
        (self.old_edit or self.new_edit).setFocus()
        self.setMinimumWidth(400)

    def _password_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(128)
        return edit

    def _on_ok_clicked(self) -> None:
        new, again = self.new_edit.text(), self.again_edit.text()
        if new != again:
            self.error_label.setText(message("PASSWORD_MISMATCH"))
            self.again_edit.clear()
            self.again_edit.setFocus()
            return
        users, op = self._users, self._op
        if self._target is None:
            old = self.old_edit.text() if self.old_edit is not None else ""
            self._submit(lambda: users.change_password(op, old, new) or True)
        else:
            target = self._target
            self._submit(lambda: users.reset_password(op, target, new))

    def _on_failed(self, exc: BaseException) -> None:
        super()._on_failed(exc)
        for edit in (self.old_edit, self.new_edit, self.again_edit):
            if edit is not None:
                edit.clear()
        (self.old_edit or self.new_edit).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, users: UserService, operator: Operator,
            target: str | None = None) -> Any:
        """True / the reset User when done, None if cancelled."""
        return cls._run(cls(ops, users, operator, target, parent))
