"""Audit records for the viewer: newest first, fetched page by page in the background."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from elderdesk.services.audit.labels import change_text, key_text
from elderdesk.services.audit.view import AuditQuery
from elderdesk.ui.models.base import Index, MaskedTableModel
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.audit.view import AuditEntry, AuditPage

AU_ID, AU_AT, AU_OPERATOR, AU_ACTION, AU_SUBJECT, AU_CHANGES = range(6)
PAGE_SIZE = 200

PageLoader = Callable[[AuditQuery], "AuditPage"]


class AuditTableModel(MaskedTableModel):
    """Rows of AuditEntry; set_query starts over, fetchMore asks for the next older page.
    ID and account numbers show masked until set_masked(False)."""

    loaded = Signal(int)  # rows now shown, after each page
    failed = Signal(object)

    def __init__(self, ops: Ops, load_page: PageLoader, parent=None) -> None:
        super().__init__([], parent)
        self._ops, self._load_page = ops, load_page
        self._query = AuditQuery(limit=PAGE_SIZE)
        self._generation = 0
        self._loading = False
        self._next: int | None = None
        self._headers = [self.tr("记录号"), self.tr("时间"), self.tr("操作员"), self.tr("操作"),
                         self.tr("对象"), self.tr("变更内容")]

    @property
    def query(self) -> AuditQuery:
        return self._query

    def is_loading(self) -> bool:
        return self._loading

    def set_query(self, query: AuditQuery) -> None:
        self._query = replace(query, limit=PAGE_SIZE, before=None)
        self._generation += 1
        self._request(None)

    def refresh(self) -> None:
        self.set_query(self._query)

    def _request(self, before: int | None) -> None:
        generation, query = self._generation, replace(self._query, before=before)
        self._loading = True
        self._ops.run(lambda: self._load_page(query),
                      lambda page: self._on_page(generation, before, page),
                      lambda exc: self._on_failed(generation, exc))

    def _on_page(self, generation: int, before: int | None, page: AuditPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._next = page.next_before
        if before is None:
            self.beginResetModel()
            self._rows = list(page.entries)
            self.endResetModel()
        elif page.entries:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
            self._rows.extend(page.entries)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading, self._next = False, None
            self.failed.emit(exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._request(self._next)

    def entry_at(self, row: int) -> AuditEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def detail_text(self, e: AuditEntry) -> str:
        """Every changed field on its own line: '姓名：张三 → 张三丰'."""
        head = self.tr("第 {id} 条　{at}　{op}　{action}").format(
            id=e.id, at=e.at.replace("T", " "), op=e.operator, action=e.action_name)
        subject = key_text(e.entity, e.key, self.masked)
        lines = [head + (f"　{subject}" if subject else "")]
        lines += [change_text(c) for c in e.changes(self.masked)] or [self.tr("（无字段变化）")]
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e: AuditEntry | None = self._row_at(index)
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == AU_CHANGES:
            return self.detail_text(e)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == AU_ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None

    def _text(self, e: AuditEntry, col: int) -> str | None:
        if col == AU_ID:
            return str(e.id)
        if col == AU_AT:
            return e.at.replace("T", " ")
        if col == AU_OPERATOR:
            return e.operator
        if col == AU_ACTION:
            return e.action_name
        if col == AU_SUBJECT:
            return key_text(e.entity, e.key, self.masked)
        if col == AU_CHANGES:
            return e.summary(self.masked)[:300]
        return None
