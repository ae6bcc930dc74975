"""One person's allowance, month by month: band, amount owed, amount paid, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.money import fen_to_str
from elderdesk.services.allowance.service import STATE_NAMES
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.models.allowance_models import H_STATE, H_WHY, HistoryTableModel
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


class PaymentHistory(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.id_number: str | None = None
        self._generation = 0
        self.loading = False
        self.enrollment_label = WrapLabel("", self)
        self.model = HistoryTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # the pane is narrow: long reasons wrap
        self.table.setColumnHidden(H_STATE, True)  # the reason column says it
        self.table.setMinimumHeight(220)
        self.table.verticalHeader().hide()
        # rows as tall as their wrapped 说明 (a fixed row height cut it off)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(H_WHY, QHeaderView.ResizeMode.Stretch)
        self.totals_label = WrapLabel("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enrollment_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)

    def show_person(self, id_number: str | None) -> None:
        """Load the history of this person in the background (None clears it)."""
        self._generation += 1
        generation = self._generation
        self.id_number = id_number
        self.model.set_months([])
        self.totals_label.clear()
        if id_number is None:
            self.loading = False
            self.enrollment_label.clear()
            return
        self.loading = True
        self.enrollment_label.setText(self.tr("正在读取发放记录……"))
        allowance, op = self._services.allowance, self._op

        def load() -> tuple[Any, list]:
            enrollment = allowance.enrollment_json(op, id_number)
            if enrollment is not None:  # who decided it, for the text
                app = allowance.application_of(op, id_number)
                enrollment = {**enrollment, "approved_by": app.approved_by if app else None}
            return enrollment, allowance.history(op, id_number)

        self._ops.run(load, lambda r: self._on_loaded(generation, r),
                      lambda exc: self._on_failed(generation, exc))

    def _on_loaded(self, generation: int, result: tuple[Any, list]) -> None:
        if generation != self._generation:
            return  # another person was chosen meanwhile
        self.loading = False
        enrollment, months = result
        self.enrollment_label.setStyleSheet("")
        self.enrollment_label.setText(self._enrollment_text(enrollment))
        self.model.set_months(months)
        if months:
            owed, paid = self.model.totals_fen()
            self.totals_label.setText(self.tr("合计：应享受 {owed} 元，已发放 {paid} 元").format(
                owed=fen_to_str(owed, grouping=True), paid=fen_to_str(paid, grouping=True)))
            self.table.resizeRowsToContents()
            self.table.scrollToBottom()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.enrollment_label.setStyleSheet("color: #b01c1c")
        self.enrollment_label.setText(error_text(exc))

    def _enrollment_text(self, e: dict | None) -> str:
        if e is None:
            return self.tr("高龄津贴：未申请")
        text = self.tr("高龄津贴：{state}，{applied} 申请").format(
            state=tr_data(STATE_NAMES.get(e["status"], e["status"])), applied=e["applied_on"])
        if e.get("approved_on"):
            text += self.tr("，{d} 批准").format(d=e["approved_on"])
            if e.get("approved_by"):
                text += self.tr("（{who}）").format(who=e["approved_by"])
        if e.get("ended_on"):
            text += self.tr("，{d} 停发").format(d=e["ended_on"])
        if e.get("band") and e.get("monthly"):
            text += self.tr("；本月档次 {band}，每月 {amount} 元").format(
                band=e["band"], amount=e["monthly"])
        return text
