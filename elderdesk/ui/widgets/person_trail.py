"""One person's audit trail in the register's detail pane: time, operator, what was done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from elderdesk.services.audit.labels import change_text
from elderdesk.ui.errors import error_text
from elderdesk.ui.models.base import Index, MaskedTableModel
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

T_AT, T_OPERATOR, T_WHAT = range(3)


class TrailTableModel(MaskedTableModel):
    """Rows of AuditEntry: '2026-11-16 09:30', operator, '登记生存认证：日期：2026-11-16'."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("时间"), self.tr("操作员"), self.tr("办理事项")]

    def set_entries(self, entries: list) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def _what(self, e: Any) -> str:
        changes = "；".join(change_text(c) for c in e.changes(self.masked))
        return f"{e.action_name}：{changes}" if changes else e.action_name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self._row_at(index)
        if e is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == T_AT:
            return e.at[:16].replace("T", " ")
        if col == T_OPERATOR:
            return e.operator
        return self._what(e) if col == T_WHAT else None


class PersonTrail(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._generation = 0
        self.loading = False
        self.model = TrailTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # rows as tall as their wrapped text (a fixed row height cut it off; layout helper)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(140)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(T_WHAT, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def set_masked(self, masked: bool) -> None:
        self.model.set_masked(masked)

    def show_person(self, id_number: str | None) -> None:
        self._generation += 1
        generation = self._generation
        self.model.set_entries([])
        self.note.clear()
        self.note.setStyleSheet("")
        if id_number is None:
            self.loading = False
            return
        self.loading = True
        audit, op = self._services.audit, self._op
        self._ops.run(lambda: audit.person_trail(op, id_number),
                      lambda entries: self._on_loaded(generation, entries),
                      lambda exc: self._on_failed(generation, exc))

    def _on_loaded(self, generation: int, entries: list) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.model.set_entries(entries)
        self.table.resizeRowsToContents()
        if not entries:
            self.note.setText(self.tr("没有办理记录。"))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.note.setStyleSheet("color: #b01c1c")
        self.note.setText(error_text(exc))
