"""A new user (name, roles, first password) or the roles of an existing one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from elderdesk.services.auth import ROLES
from elderdesk.ui.data_text import message
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.labels import role_label, role_note
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.users.service import User, UserService


class UserDialog(RecordDialog):
    """user None: add a user; else change that user's roles."""

    def __init__(self, ops: Ops, users: UserService, operator: Operator,
                 user: User | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._users, self._op, self._user = users, operator, user
        self.setWindowTitle(self.tr("新增用户") if user is None else self.tr("修改角色"))
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(32)
        self.password_edit = QLineEdit(self)
        self.again_edit = QLineEdit(self)
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(128)
        if user is None:
            self.name_edit.setPlaceholderText(self.tr("汉字、字母或数字，最多 32 个字符"))
            form.addRow(self.tr("用户名"), self.name_edit)
        else:
            form.addRow(self.tr("用户名"), QLabel(user.name, self))
        self.role_checks: dict[str, QCheckBox] = {}
        roles_box = QWidget(self)
        column = QFormLayout(roles_box)
        column.setContentsMargins(0, 0, 0, 0)
        for role in ROLES:
            check = QCheckBox(role_label(role), roles_box)
            check.setChecked(user is not None and role in user.roles)
            note = QLabel(role_note(role), roles_box)
            note.setStyleSheet("color: #555555")
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(note, 1)
            column.addRow(row)
            self.role_checks[role] = check
        form.addRow(self.tr("角色"), roles_box)
        if user is None:
            form.addRow(self.tr("初始密码"), self.password_edit)
            form.addRow(self.tr("再次输入密码"), self.again_edit)
        note = self.tr("同一人可兼任多个角色，但任何人都不能审批自己受理或审核过的申请。") \
            if user is None else self.tr("新角色在该用户下次登录时生效。")
        self._finish(form, note, self.tr("保存"))
        (self.name_edit if user is None else self.role_checks[ROLES[0]]).setFocus()
        self.setMinimumWidth(460)

    def roles(self) -> list[str]:
        return [r for r, check in self.role_checks.items() if check.isChecked()]

    def _on_ok_clicked(self) -> None:
        users, op, roles = self._users, self._op, self.roles()
        if not roles:
            self.error_label.setText(self.tr("请至少选择一个角色"))
            return
        if self._user is not None:
            name = self._user.name
            self._submit(lambda: users.set_roles(op, name, roles))
            return
        if self.password_edit.text() != self.again_edit.text():
            self.error_label.setText(message("PASSWORD_MISMATCH"))
            self.again_edit.clear()
            return
        name, password = self.name_edit.text(), self.password_edit.text()
        self._submit(lambda: users.add(op, name, roles, password))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, users: UserService, operator: Operator,
            user: User | None = None) -> Any:
        """The saved User, or None if cancelled."""
        return cls._run(cls(ops, users, operator, user, parent))
