"""The users tab of the system page (用户): list, add, roles, reset password, disable/enable;
everyone may change their own password here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.services.clock import now
from elderdesk.ui.dialogs.password_dialog import PasswordDialog
from elderdesk.ui.dialogs.user_dialog import UserDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import FlowLayout
from elderdesk.ui.models.user_models import UsersTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.users.service import User, UserService


class UsersTab(QWidget):
    def __init__(self, ops: Ops, users: UserService, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._users, self._op = ops, users, operator
        self.can_manage = operator.can("user.manage")
        self.model = UsersTableModel(self)
        self.passwd_button = self._button(self.tr("修改我的密码"), self.change_own_password)
        layout = QVBoxLayout(self)
        actions = FlowLayout()
        self.status_label = QLabel(self)
        self.table = record_table(self, self.model)
        if self.can_manage:
            self.add_button = self._button(self.tr("新增用户"), self.add_user)
            self.roles_button = self._button(self.tr("修改角色"), self.edit_roles)
            self.reset_button = self._button(self.tr("重置密码"), self.reset_password)
            self.active_button = self._button(self.tr("停用"), self.toggle_active)
            for b in (self.add_button, self.roles_button, self.reset_button, self.active_button):
                actions.addWidget(b)
            self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
            self.table.activated.connect(lambda _i: self.edit_roles())
        else:
            self.table.hide()
            self.status_label.setText(self.tr("用户和角色由管理员维护。您可以在这里修改自己的密码。"))
        actions.addStretch(1)
        actions.addWidget(self.passwd_button)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        if not self.can_manage:
            layout.addStretch(1)
        self._update()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def selected(self) -> User | None:
        return self.model.user_at(self.table.currentIndex().row())

    def _update(self) -> None:
        if not self.can_manage:
            return
        u = self.selected()
        for b in (self.roles_button, self.reset_button, self.active_button):
            b.setEnabled(u is not None)
        self.active_button.setText(self.tr("启用") if u is not None and not u.active
                                   else self.tr("停用"))
        self.active_button.setEnabled(u is not None and u.name != self._op.name)

    def refresh(self, select: str | None = None) -> None:
        if not self.can_manage:
            return
        users, op = self._users, self._op
        chosen = self.selected()
        keep = select or (chosen.name if chosen is not None else None)
        self._ops.run(lambda: (users.list(op), now()),
                      lambda result: self._on_loaded(result, keep), self._on_failed)

    def _on_loaded(self, result: tuple[list[User], datetime], keep: str | None) -> None:
        rows, stamp = result
        self.model.set_users(rows, stamp)
        row = self.model.row_of(keep) if keep else -1
        self.table.selectRow(row if row >= 0 else 0)
        self.status_label.setStyleSheet("")
        active = sum(1 for u in rows if u.active)
        self.status_label.setText(self.tr("共 {n} 个用户，其中 {k} 个启用").format(
            n=len(rows), k=active))
        self._update()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setStyleSheet("color: #b01c1c")
        self.status_label.setText(error_text(exc))

    # --- actions ---------------------------------------------------------------------------
    def change_own_password(self) -> None:
        if PasswordDialog.ask(self, self._ops, self._users, self._op) is not None:
            QMessageBox.information(self, self.tr("修改密码"), self.tr("密码已修改，下次登录请使用新密码。"))

    def add_user(self) -> None:
        user = UserDialog.ask(self, self._ops, self._users, self._op)
        if user is not None:
            self.refresh(user.name)

    def edit_roles(self) -> None:
        u = self.selected()
        if u is not None and UserDialog.ask(self, self._ops, self._users, self._op, u):
            self.refresh(u.name)

    def reset_password(self) -> None:
        u = self.selected()
        if u is not None and PasswordDialog.ask(self, self._ops, self._users, self._op, u.name):
            self.refresh(u.name)

    def toggle_active(self) -> None:
        u = self.selected()
        if u is None:
            return
        if u.active:
            answer = QMessageBox.question(self, self.tr("停用用户"), self.tr(
                "停用后“{name}”将不能登录，其经办记录和审计日志保留不变。确定停用吗？").format(name=u.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        users, op, name, active = self._users, self._op, u.name, not u.active
        self._ops.run(lambda: users.set_active(op, name, active), lambda _u: self.refresh(name),
                      self._on_failed_action, write=True)

    def _on_failed_action(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("无法完成操作"), error_text(exc))
