"""What every flat table model here shares: a list of rows and a row of column headers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from elderdesk.domain.pii import mask_numbers

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Rows in self._rows, headers in self._headers (set by the subclass)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def _row_at(self, index: Index) -> Any:
        """The row object of a valid index, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]


class MaskedTableModel(ListTableModel):
    """Rows holding ID or account numbers, shown masked until set_masked(False)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(headers, parent)
        self.masked = True

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def free_text(self, text: str | None) -> str:
        """Typed text (reasons, notes, messages): any ID or account number in it masked."""
        return (mask_numbers(text) if self.masked else text) if text else ""
