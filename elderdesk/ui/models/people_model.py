"""Search results of the register, fetched page by page in the background (never all at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.person import SEX_NAMES, STATUS_NAMES
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.models.base import Index, ListTableModel
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.people.service import PersonSummary

COL_ID, COL_NAME, COL_SEX, COL_BIRTH, COL_STATUS, COL_COMMUNITY, COL_OFFICE = range(7)
PAGE_SIZE = 100

# (query, after, limit) -> one page of results, sorted by ID number
PageLoader = Callable[[str, "str | None", int], "list[PersonSummary]"]


class PeopleTableModel(ListTableModel):
    """Rows of PersonSummary; set_query starts a new search, fetchMore asks for the next page.

    Pages load through Ops; a page that arrives for an older query is dropped.
    """

    results_loaded = Signal(str)  # the first page of this query has arrived
    failed = Signal(object)  # the exception of a failed page load

    def __init__(self, ops: Ops, load_page: PageLoader, parent=None) -> None:
        super().__init__([], parent)
        self._ops = ops
        self._load_page = load_page
        self._query = ""
        self._generation = 0
        self._loading = False
        self._more = False
        self.masked = True
        self._headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("性别"),
                         self.tr("出生日期"), self.tr("状态"), self.tr("社区")]

    def set_loader(self, load_page: PageLoader) -> None:
        """Another page loader (a district's street filter); the caller runs refresh()."""
        self._load_page = load_page

    def show_office(self) -> None:
        """Add the 街道 column (a district: rows carry the registering street, `office`)."""
        if len(self._headers) == COL_OFFICE:
            self.beginResetModel()
            self._headers.append(self.tr("登记街道"))
            self.endResetModel()

    # --- searching ---------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    def is_loading(self) -> bool:
        return self._loading

    def set_query(self, query: str) -> None:
        """Start a new search; results of earlier searches still in flight are ignored."""
        self._query = query.strip()
        self._generation += 1
        if not self._query:
            self._loading, self._more = False, False
            self._replace([])
            self.results_loaded.emit(self._query)
            return
        self._request(None)

    def refresh(self) -> None:
        """Run the current search again (after an add or edit)."""
        self.set_query(self._query)

    def _request(self, after: str | None) -> None:
        generation, query = self._generation, self._query
        self._loading = True
        self._ops.run(
            lambda: self._load_page(query, after, PAGE_SIZE),
            lambda rows: self._on_page(generation, after, rows),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_page(self, generation: int, after: str | None, rows: list[PersonSummary]) -> None:
        if generation != self._generation:
            return  # a stale answer: the clerk has typed on
        self._loading = False
        self._more = len(rows) >= PAGE_SIZE  # a street filter may give more than a page
        if after is None:
            self._replace(rows)
            self.results_loaded.emit(self._query)
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading, self._more = False, False
            self.failed.emit(exc)

    def _replace(self, rows: list[PersonSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def person_at(self, row: int) -> PersonSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, id_number: str) -> int:
        for i, p in enumerate(self._rows):
            if p.id_number == id_number:
                return i
        return -1

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_ID), self.index(len(self._rows) - 1, COL_ID))

    # --- paging ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._rows:
            self._request(self._rows[-1].id_number)

    # --- QAbstractTableModel -------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p: PersonSummary | None = self._row_at(index)
        if p is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ID and self.masked:
            return self.tr("勾选“显示完整身份证号”可查看全部号码")
        if role == Qt.ItemDataRole.UserRole:
            return p.id_number
        return None

    def _text(self, p: PersonSummary, col: int) -> str:
        if col == COL_ID:
            return mask_id(p.id_number) if self.masked else p.id_number
        if col == COL_NAME:
            return p.name
        if col == COL_SEX:
            return tr_data(SEX_NAMES.get(p.sex, p.sex))
        if col == COL_BIRTH:
            return p.birth_date.isoformat()
        if col == COL_STATUS:
            return tr_data(STATUS_NAMES.get(p.status, p.status))
        if col == COL_COMMUNITY:
            return p.community or ""
        if col == COL_OFFICE:
            return getattr(p, "office", "") or ""
        return ""
