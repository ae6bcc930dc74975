"""The users of the office: name, roles, state (active, disabled, locked until), created."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from elderdesk.services.auth import ROLES
from elderdesk.ui.labels import role_label
from elderdesk.ui.models.base import Index, ListTableModel

U_NAME, U_ROLES, U_STATE, U_CREATED = range(4)
_GREY = QColor(0x88, 0x88, 0x88)
_RED = QColor(0xB0, 0x1C, 0x1C)


class UsersTableModel(ListTableModel):
    """Rows of services.users.User; `now` decides whether a lockout is still running."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("用户名"), self.tr("角色"), self.tr("状态"), self.tr("创建时间")]
        self.now: datetime | None = None

    def set_users(self, users: Sequence[Any], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(users)
        self.now = now
        self.endResetModel()

    def user_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int:
        return next((i for i, u in enumerate(self._rows) if u.name == name), -1)

    def _locked(self, u: Any) -> bool:
        return u.locked_until is not None and (self.now is None or u.locked_until > self.now)

    def state_text(self, u: Any) -> str:
        if not u.active:
            return self.tr("已停用")
        if self._locked(u):
            return self.tr("密码错误次数过多，锁定至 {t}").format(
                t=u.locked_until.strftime("%H:%M"))
        return self.tr("正常")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        u = self._row_at(index)
        if u is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            roles = "、".join(role_label(r) for r in ROLES if r in u.roles)
            created = u.created_at.strftime("%Y-%m-%d %H:%M") if u.created_at else ""
            values = (u.name, roles, self.state_text(u), created)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not u.active:
                return _GREY
            if col == U_STATE and self._locked(u):
                return _RED
        if role == Qt.ItemDataRole.UserRole:
            return u.name
        return None
