"""Findings of an import (row, level, ID, name, message, code) as a table: the Chinese message
leads, the code stays in a narrow last column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from elderdesk.importing.findings import Finding
from elderdesk.ui.models.base import Index, MaskedTableModel

COL_ROW, COL_LEVEL, COL_ID, COL_NAME, COL_MESSAGE, COL_CODE = range(6)

_ERROR_COLOR = QColor(0xB0, 0x1C, 0x1C)
_WARNING_COLOR = QColor(0x9A, 0x5B, 0x00)


class FindingsTableModel(MaskedTableModel):
    """Import findings; ID numbers (also inside messages) shown as 420103********1234."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("行号"), self.tr("级别"), self.tr("身份证号"), self.tr("姓名"),
                         self.tr("说明"), self.tr("代码")]
        self._levels = {"error": self.tr("错误"), "warning": self.tr("警告")}

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._rows = sorted(findings, key=lambda f: f.row)
        self.endResetModel()

    def finding_at(self, row: int) -> Finding | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def count(self, level: str) -> int:
        return sum(1 for f in self._rows if f.level == level)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        f: Finding | None = self._row_at(index)
        if f is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (str(f.row), self._levels.get(f.level, f.level), self.free_text(f.id_number),
                      f.name or "", self.free_text(f.message), f.code)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_LEVEL:
            return _ERROR_COLOR if f.level == "error" else _WARNING_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_MESSAGE, COL_CODE):
            return self.free_text(f.message)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_CODE:
            return QColor(0x77, 0x77, 0x77)
        return None
