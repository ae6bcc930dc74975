"""A statistics table (reports/tables.StatTable) as a Qt table model: numbers right-aligned, the
total row in bold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from elderdesk.reports.tables import StatTable, Yuan, cell_text
from elderdesk.ui.models.base import Index, ListTableModel


class StatTableModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._has_total = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: StatTable | None) -> None:
        self.beginResetModel()
        self._headers = list(table.headers) if table else []
        self._has_total = table is not None and table.total is not None
        self._rows = list(table.all_rows) if table else []
        self.endResetModel()

    def is_total(self, row: int) -> bool:
        return self._has_total and row == len(self._rows) - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = isinstance(cell, int | Yuan) or (isinstance(cell, str) and cell.endswith("%"))
            if numeric and index.column() > 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            return self._bold
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
